#ifndef REPORT_TEMPLATE_H
#define REPORT_TEMPLATE_H

/*
 * Briefing templates: YAML files that say what a briefing holds, in which
 * order, and never how it is computed. A template names catalog queries
 * (queries/query.h) and nothing else: it cannot run SQL.
 *
 *     title: {en: Cyber incidents, fr: Cyber-incidents}
 *     tlp: AMBER                   # CLEAR, GREEN, AMBER, AMBER+STRICT, RED
 *     default-period: month        # month or year: the newest one with data
 *     cover:                       # blocks under the cover's title and details
 *       - chart: {query: overview, kind: kpi, size: [170, 42]}
 *       - narrative
 *     sections:
 *       - title: {en: Where, fr: Où}
 *         new-page: false          # start the section on a new page
 *         blocks:
 *           - text: "{overview.countries} countries were hit."
 *           - chart: {query: by-country, kind: map, size: [170, 105], title: ...}
 *           - table: {query: by-country, columns: [name, incidents, share], max-rows: 10}
 *           - notable: {count: 8, fields: [victim, date, country, type, reasons,
 *                                          summary, impact, sources],
 *                       weights: {public-body: 3, impact: 1, contained-late: 2,
 *                                 ransomware-or-breach: 2, new-country: 1}}
 *
 * Texts (titles, text blocks) are a string, or a mapping from language
 * (en, fr, nl, de) to string; a language the mapping lacks falls back to
 * English. Text blocks hold placeholders filled from query results:
 * {QUERY.COLUMN} is the column of the result's first row, {QUERY.FIGURE} a
 * named figure (response-time's median_hours), {QUERY.n} the result's n;
 * {period} and {previous} are the period's and the previous period's
 * names. "{{" is a literal brace.
 *
 * A notable block's weights are the points of the notable ranking's rules
 * (struct notable_weights in queries/query.h, from 0 to 100; a key not
 * given keeps its default). A briefing ranks once: one notable block at
 * most may give weights.
 *
 * Charts and tables take `period: report` (the default) or `period:
 * 12-months`, the twelve months that end with the report's period (a trend
 * with the same months a year earlier). Sizes are millimetres, [width,
 * height], at most 170 x 230.
 *
 * template_load() checks everything it can before any query runs and
 * reports the first problem as "FILE:LINE:COLUMN: what is wrong (what was
 * expected)": YAML syntax, unknown keys, unknown block kinds, queries,
 * columns, chart kinds, fields, placeholders naming an unknown query or
 * column. Figures are named by query results, so a placeholder naming a
 * figure is checked when the report fills it, still before output.
 *
 * A template is input like any other: nothing in it is trusted. It may
 * hold no YAML alias ("*name": each would be walked once per reference),
 * and at most the limits below, each refused at the node that passes it.
 * The report also stops a briefing that would take more than
 * REPORT_MAX_PAGES pages (report.h), naming the block that passes them.
 */
#define TPL_MAX_BYTES (1u << 20)	/* the file */
#define TPL_MAX_SECTIONS 40
#define TPL_MAX_BLOCKS 120		/* the cover's and every section's, together */
#define TPL_MAX_COLUMNS 16		/* of a table; a column may be shown twice */

#include <stddef.h>

#include "../lang/lang.h"
#include "../util/tlp.h"
#include "../queries/query.h"
#include "../util/buf.h"

/* A text in each language; v[lang] may be NULL (see tpl_text_get()). */
struct tpl_text {
	char *v[LANG_NR];
	int line, column;	/* 1-based, of the YAML node */
};

/* The text for `lang`: its own, else English, else any; NULL when none. */
const char *tpl_text_get(const struct tpl_text *t, enum lang lang);

enum tpl_kind {
	TPL_TEXT,
	TPL_NARRATIVE,		/* sentences from overview and public-sector (report/narrative.h) */
	TPL_CHART,
	TPL_TABLE,
	TPL_NOTABLE,
};

enum tpl_scope {
	TPL_SCOPE_REPORT,	/* the report's period */
	TPL_SCOPE_12_MONTHS,	/* the twelve months that end with the report's period */
};

/* Fields of a notable incident, as bits. */
enum tpl_field {
	TPL_FIELD_VICTIM = 1 << 0,
	TPL_FIELD_DATE = 1 << 1,
	TPL_FIELD_COUNTRY = 1 << 2,
	TPL_FIELD_TYPE = 1 << 3,
	TPL_FIELD_REASONS = 1 << 4,
	TPL_FIELD_SUMMARY = 1 << 5,
	TPL_FIELD_IMPACT = 1 << 6,
	TPL_FIELD_SOURCES = 1 << 7,
};

struct tpl_column {
	size_t index;			/* into the query's columns */
	struct tpl_text label;		/* empty: i18n_column() of the name */
};

struct tpl_block {
	enum tpl_kind kind;
	int line, column;
	struct tpl_text text;		/* TEXT: the text; CHART, TABLE: the title */
	const struct query *query;	/* CHART, TABLE; NOTABLE: notable */
	enum tpl_scope scope;
	int chart_kind;			/* enum chart_kind; -1 for the query's default */
	int kind_line, kind_column;	/* where the kind was given, for later errors */
	double width_mm, height_mm;
	struct tpl_column *columns;	/* TABLE; none given: every column */
	size_t columns_nr;
	long max_rows;			/* TABLE: 0 for all */
	long count;			/* NOTABLE */
	struct notable_weights weights;	/* NOTABLE: the defaults unless given */
	int has_weights;		/* NOTABLE: the block gave weights */
	unsigned fields;		/* NOTABLE: enum tpl_field bits */
};

struct tpl_section {
	struct tpl_text title;
	int new_page;
	struct tpl_block *blocks;
	size_t blocks_nr;
};

enum tpl_default_period {
	TPL_DEFAULT_MONTH,		/* --month latest */
	TPL_DEFAULT_YEAR,		/* the year of --month latest */
};

struct template {
	char *path;			/* as given, for messages */
	char *name;			/* the file's base name: "monthly.yaml" */
	unsigned long long digest;	/* FNV-1a of the file's bytes */
	struct tpl_text title;
	int has_tlp;
	enum tlp tlp;
	enum tpl_default_period default_period;
	struct tpl_block *cover;
	size_t cover_nr;
	struct tpl_section *sections;
	size_t sections_nr;
};

/*
 * Reads and checks the template at `path` into `t`. Returns 0, or -1 with
 * one message as described above; `t` is then released.
 */
int template_load(struct template *t, const char *path);

/*
 * The same from `len` bytes of `text`; `path` only names the template in
 * messages. For tests and for templates that are not files.
 */
int template_parse(struct template *t, const char *path, const char *text, size_t len);

/*
 * Returns 0 when `text` holds no YAML alias, else -1 with a message
 * "PATH:LINE:COLUMN: alias ..." (template_parse() calls it first).
 */
int tpl_refuse_aliases(const char *path, const char *text, size_t len);

/* Frees what `t` holds; NULL-safe on a zeroed struct. */
void template_release(struct template *t);

/*
 * Calls fn for every placeholder in `text`: name is "QUERY.WHAT",
 * "period" or "previous" (without braces), offset its position in text.
 * Stops and returns what fn returns when not 0. Returns -1 and sets
 * *bad_offset (otherwise untouched) when a brace is not closed.
 */
int tpl_placeholders(const char *text, int (*fn)(const char *name, size_t offset, void *arg),
		     void *arg, size_t *bad_offset);

/*
 * Checks a placeholder's name (without braces) against the catalog: 0, or
 * -1 with what is wrong and what was expected appended to `why`.
 */
int tpl_placeholder_check(const char *name, struct buf *why);

#endif
