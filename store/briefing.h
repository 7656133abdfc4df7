#ifndef STORE_BRIEFING_H
#define STORE_BRIEFING_H

/*
 * The briefings ibrief wrote, kept in the store (tables briefing and
 * briefing_figure, schema version 6): what was asked (template, period,
 * filters, language, TLP), when, what came out (path, SHA-256, size), the
 * incidents it counted (their number and content digest, query_counted())
 * and the headline figures it printed. The store only keeps them: the
 * report (or the CLI) fills the record from the report's summary.
 *
 * Strings are owned by the record and freed by store_briefing_release().
 */

#include "store.h"

struct store_figure {
	char *name;	/* "incidents", "public-share" (a fraction 0..1) or "country" */
	char *label;	/* the country's ISO code; "" for the others */
	double value;
	int null;	/* no value: a share of no incidents */
};

struct store_briefing {
	long long id;
	char *template, *template_digest;
	char *period_kind;	/* "month", "quarter", "year", "range", "all" */
	char *period_from, *period_to;	/* "2013-06-01", "2013-06-30" */
	char *period_label;	/* "June 2013", as struct query_period's label */
	char *filters;		/* "none", "country=BE public-sector", ... */
	char *lang, *tlp;
	char *issued_at;	/* ISO 8601 UTC */
	char *path;
	char sha256[65];
	long long bytes;
	long long incidents;	/* the incidents it counted */
	char incidents_digest[17];
	long long last_incident;	/* the newest incident's row id at the issue */
	struct store_figure *figures;
	size_t figures_nr, figures_alloc;
};

void store_briefing_init(struct store_briefing *b);
void store_briefing_release(struct store_briefing *b);

/* Adds a figure (copies of `name` and `label`). */
void store_briefing_figure(struct store_briefing *b, const char *name, const char *label,
			   double value, int null);

/*
 * Records `b` in one transaction of its own and sets b->id. The store must
 * be open for update. Returns 0, or -1 with a message (nothing recorded).
 */
int store_briefing_record(struct store *st, struct store_briefing *b);

/*
 * Records `b` in the caller's transaction (store_begin()) under b->id when
 * it is set (> 0; a briefing store_briefing_list() read from another
 * store, store/copy.h), else under a new id it sets. Returns 0, or -1 with
 * a message.
 */
int store_briefing_put(struct store *st, struct store_briefing *b);

/*
 * All briefings, newest first (by issue time, then id), with their
 * figures, in a new array of *n the caller releases (each with
 * store_briefing_release(), then free()). Returns 0 or -1.
 */
int store_briefing_list(struct store *st, struct store_briefing **out, size_t *n);

/* Briefing `id` into `out`: 1 found, 0 no such briefing, -1 error. */
int store_briefing_get(struct store *st, long long id, struct store_briefing *out);

/*
 * The newest briefing of the same template and filters issued at or
 * before `before` (ISO 8601, to the second; two briefings a script writes
 * in the same second are still one after the other): 1 found, 0 none,
 * -1 error.
 */
int store_briefing_last(struct store *st, const char *template, const char *filters,
			const char *before, struct store_briefing *out);

#endif
