/*
 * notable: the incidents a briefing should summarise, ranked, each with
 * the reasons it was chosen.
 *
 * The score is a sum of points for what management asks about first, each
 * rule with its weight (struct notable_weights; the default in brackets, a
 * template may change them):
 *
 *   a public body is the victim                              public_body (3)
 *   people or records affected: the weight per power of ten, impact (1)
 *   impact x log10(affected), so that 1,000 earn 3 points
 *   and 6,000,000 earn 6.8: a large exposure outranks a
 *   public body whose impact is not known
 *   contained more than 7 days after detection               slow (2)
 *   ransomware or a data breach                              severe (2)
 *   a new country: none of the incident's countries had an   new_country (1)
 *   incident in the 12 months before the period began
 *
 * rounded to one decimal: the score shown is the score ranked. Unknown
 * values earn nothing (an unknown time to contain is not taken for a long
 * one, an unknown number affected for a large one).
 *
 * An analyst's marks (store/mark.h) come first: incidents marked "notable"
 * are listed before all others, "pinned"; those marked "ignore" are never
 * listed. Incidents that are neither pinned nor score above 0 are not
 * listed. Order: pinned first, then score, then the newest date_start,
 * then the lowest id, so that ties always come out the same.
 *
 * One slot per victim and per campaign: walking down the ranking, an
 * incident whose victim already has a slot (names compared ignoring case,
 * spaces and punctuation; "Unknown" is no name), or whose campaign does
 * (VERIS campaign_id), is not listed, so that one breach reported ten
 * times does not fill the list. At most the filter's limit (default 10)
 * rows.
 *
 * score() below is the one place the rules live: it both sums the points
 * and writes the reasons, so the two cannot disagree; a rule whose weight
 * is 0 gives no points and no reason.
 */
#include "internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/country.h"
#include "../util/banned.h"

enum {
	NT_RANK, NT_ID, NT_DATE, NT_VICTIM, NT_COUNTRY, NT_TYPE, NT_SCORE, NT_PINNED,
	NT_REASONS, NT_SUMMARY,
};

static const struct query_column notable_columns[] = {
	[NT_RANK] = { .name = "rank", .type = QUERY_INT, .description = "1 for the first" },
	[NT_ID] = { .name = "id", .type = QUERY_INT, .description = "the incident's id in the store" },
	[NT_DATE] = { .name = "date", .type = QUERY_TEXT,
		      .description = "as known: YYYY-MM-DD, YYYY-MM or YYYY" },
	[NT_VICTIM] = { .name = "victim", .type = QUERY_TEXT, .null_text = "unknown",
			.description = "the victim's name" },
	[NT_COUNTRY] = { .name = "country", .type = QUERY_TEXT, .null_text = "-",
			 .description = "victim countries, alpha-2, comma-separated" },
	[NT_TYPE] = { .name = "type", .type = QUERY_TEXT, .null_text = "unknown",
		      .description = "incident type" },
	[NT_SCORE] = { .name = "score", .type = QUERY_REAL,
		       .description = "points by the rules in queries/notable.c, one decimal" },
	[NT_PINNED] = { .name = "pinned", .type = QUERY_BOOL,
			.description = "an analyst marked it notable (ibrief mark ID notable)" },
	[NT_REASONS] = { .name = "reasons", .type = QUERY_TEXT, .null_text = "",
			 .description = "the rules that chose it, \"; \"-separated" },
	[NT_SUMMARY] = { .name = "summary", .type = QUERY_TEXT, .null_text = "",
			 .description = "the incident's summary" },
};

/*
 * The incidents in scope that no analyst asked to ignore, with what the
 * score needs except their countries (an index on the period covering
 * these columns reads no incident row: see "Speed" in internal.h).
 */
static const char candidates_sql[] =
	"SELECT i.id, i.date_start, i.public_sector, i.public_kind, i.affected,"
	"       i.contain_hours, i.type, CASE WHEN m.mark = 'notable' THEN 1 ELSE 0 END"
	"  FROM incident i LEFT JOIN incident_mark m ON m.incident_id = i.id"
	" WHERE" QUERY_IN_PERIOD QUERY_FILTERS
	"   AND (m.mark IS NULL OR m.mark <> 'ignore')";

/*
 * What only the contenders need, for a round of them at once (:ids, a
 * JSON array): victim, campaign, countries and what a listed one shows
 * (date as known, summary), one row a country in the order the record
 * gives them (one row with no country when none is known), by incident
 * id. One statement a round, not one a contender: on PostgreSQL each
 * statement is a round trip to the server. The order is asked for by the
 * outer ORDER BY: an aggregate over an ordered subquery keeps it in
 * SQLite, but neither SQL nor PostgreSQL promises that.
 */
static const char facts_sql[] =
	"SELECT i.id, i.victim, i.campaign, c.country, i.year, i.month, i.day, i.summary"
	"  FROM incident i LEFT JOIN incident_country c ON c.incident_id = i.id"
	" WHERE i.id IN (SELECT CAST(value AS INTEGER) FROM json_each(:ids))"
	" ORDER BY i.id, c.pos";

/*
 * Which of the countries :ccs (a JSON array of codes) had an incident in
 * the 12 months before the period, for a round of contenders at once. A
 * country's rows carry their incident's dates, so each code is one walk
 * of the country index that stops at the first hit for a frequent
 * country, and a new country has few rows to walk.
 */
static const char seen_sql[] =
	"SELECT cc.value FROM json_each(:ccs) AS cc WHERE EXISTS (SELECT 1 FROM incident_country c"
	"  WHERE c.country = cc.value AND c.date_end < :from AND c.date_end >= :new_from)";

void notable_weights_default(struct notable_weights *w)
{
	w->public_body = 3;
	w->impact = 1;
	w->slow = 2;
	w->severe = 2;
	w->new_country = 1;
}

struct candidate {
	long long id;
	char date_start[11];
	int public_sector;	/* -1 unknown */
	char *kind, *type, *countries;
	char *victim;		/* the key victim_key() makes, NULL for none */
	char *campaign;
	char *victim_name, *summary;	/* as shown; NULL when not known */
	char date[11];		/* as known: YYYY-MM-DD, YYYY-MM, YYYY or "" */
	long long affected;	/* -1 unknown */
	double contain_hours;	/* < 0 unknown */
	int pinned;
	const char *new_country;	/* one of the new countries, or NULL */
	double base;		/* the score without the country rule */
	double score;
};

static void add_reason(struct buf *reasons, const char *fmt, ...) ATTR_PRINTF(2, 3);
static void add_reason(struct buf *reasons, const char *fmt, ...)
{
	va_list ap;

	if (!reasons)
		return;
	if (reasons->len)
		buf_adds(reasons, "; ");
	va_start(ap, fmt);
	buf_vaddf(reasons, fmt, ap);
	va_end(ap);
}

/* "41,000" */
static void thousands(char *out, size_t size, long long v)
{
	char digits[32];
	size_t len, o = 0;

	snprintf(digits, sizeof(digits), "%lld", v);
	len = strlen(digits);
	for (size_t i = 0; i < len && o + 2 < size; i++) {
		if (i && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

static double one_decimal(double x)
{
	return round(x * 10) / 10;
}

/*
 * The points of `c` by the weights `w`, rounded to one decimal, and, when
 * `reasons` is not NULL, the rules that gave them.
 */
static double score(const struct notable_weights *w, const struct candidate *c,
		    struct buf *reasons)
{
	char text[64];
	double points = 0;

	if (c->pinned)
		add_reason(reasons, "%s", "pinned by an analyst");
	if (c->public_sector == 1 && w->public_body > 0) {
		points += w->public_body;
		if (c->kind && strcmp(c->kind, "public body"))
			add_reason(reasons, "public body (%s)", c->kind);
		else
			add_reason(reasons, "%s", "public body");
	}
	if (c->affected > 1 && w->impact > 0) {
		points += w->impact * log10((double)c->affected);
		thousands(text, sizeof(text), c->affected);
		add_reason(reasons, "%s affected", text);
	}
	if (c->contain_hours > 7 * 24 && w->slow > 0) {
		double days = c->contain_hours / 24;

		points += w->slow;
		/* One decimal below 10 days, so that 7 days and 2 hours does not read "7 days". */
		add_reason(reasons, "contained after %.*f days", days < 10 ? 1 : 0, days);
	}
	if (c->type && (!strcmp(c->type, "ransomware") || !strcmp(c->type, "data breach")) &&
	    w->severe > 0) {
		points += w->severe;
		add_reason(reasons, "%s", c->type);
	}
	if (c->new_country && w->new_country > 0) {
		const char *name = country_name(c->new_country);

		points += w->new_country;
		add_reason(reasons, "first in %s for 12 months", name ? name : c->new_country);
	}
	return one_decimal(points);
}

static int by_date_then_id(const struct candidate *a, const struct candidate *b)
{
	int c = strcmp(b->date_start, a->date_start);

	if (c)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* The final ranking: pinned, score, newest, lowest id. */
static int rank_order(const void *a_, const void *b_)
{
	const struct candidate *a = a_, *b = b_;

	if (a->pinned != b->pinned)
		return b->pinned - a->pinned;
	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	return by_date_then_id(a, b);
}

/* The order facts are read in: pinned, then the score without the country rule. */
static int base_order(const void *a_, const void *b_)
{
	const struct candidate *a = a_, *b = b_;

	if (a->pinned != b->pinned)
		return b->pinned - a->pinned;
	if (a->base != b->base)
		return a->base < b->base ? 1 : -1;
	return by_date_then_id(a, b);
}

/*
 * The victim's name as compared for "one slot per victim": ASCII letters
 * and digits lower-cased, other ASCII dropped, other bytes kept, so that
 * "Facebook, Inc." and "facebook inc" are one victim. NULL for no name or
 * "Unknown".
 */
static char *victim_key(const char *victim)
{
	char *key, *o;

	if (!victim)
		return NULL;
	key = o = xmalloc(strlen(victim) + 1);
	for (const unsigned char *p = (const unsigned char *)victim; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*o++ = (char)(*p - 'A' + 'a');
		else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p >= 0x80)
			*o++ = (char)*p;
	}
	*o = '\0';
	if (!*key || !strcmp(key, "unknown")) {
		free(key);
		return NULL;
	}
	return key;
}

struct candidates {
	struct candidate *v;
	size_t nr, alloc;
	size_t read;		/* the first `read` have their facts */
	struct strlist checked;	/* countries looked up for earlier incidents */
	struct strlist fresh;	/* of those, the new ones */
	const struct notable_weights *w;
};

static void candidates_release(struct candidates *cs)
{
	for (size_t i = 0; i < cs->nr; i++) {
		free(cs->v[i].kind);
		free(cs->v[i].type);
		free(cs->v[i].countries);
		free(cs->v[i].victim);
		free(cs->v[i].campaign);
		free(cs->v[i].victim_name);
		free(cs->v[i].summary);
	}
	free(cs->v);
	strlist_release(&cs->checked);
	strlist_release(&cs->fresh);
}

static int read_candidates(struct query_run *qr, struct candidates *cs)
{
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	if (run_prepare(qr, qr->q->sql[0], &qr->f.period, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		struct candidate *c;

		ALLOC_GROW(cs->v, cs->nr + 1, cs->alloc);
		c = &cs->v[cs->nr++];
		memset(c, 0, sizeof(*c));
		c->id = db_column_int64(s, 0);
		snprintf(c->date_start, sizeof(c->date_start), "%s", db_column_text(s, 1));
		c->public_sector = db_column_is_null(s, 2) ? -1 : (int)db_column_int64(s, 2);
		c->kind = xstrdup_or_null(db_column_text(s, 3));
		c->affected = db_column_is_null(s, 4) ? -1 : db_column_int64(s, 4);
		c->contain_hours = db_column_is_null(s, 5) ? -1 : db_column_double(s, 5);
		c->type = xstrdup_or_null(db_column_text(s, 6));
		c->pinned = (int)db_column_int64(s, 7);
		c->base = c->score = score(cs->w, c, NULL);
	}
	if (rc != DB_DONE) {
		run_error(qr, "cannot read the incidents");
		goto out;
	}
	if (cs->nr)	/* qsort's array may not be NULL, even empty */
		qsort(cs->v, cs->nr, sizeof(*cs->v), base_order);
	ret = 0;
out:
	db_finalize(s);
	return ret;
}

/* Calls fn for each country code in the comma-separated `list`. */
#define FOR_EACH_COUNTRY(p, list) \
	for (const char *p = (list); p && *p; p += strcspn(p, ",") + !!p[strcspn(p, ",")])

/*
 * Looks up which countries of the `n` candidates at `round`, not looked
 * up before, had an incident in the 12 months before the period, all in
 * one statement (`seen`; NULL when the period has no start: nothing is
 * new), and sets each candidate's new_country to the first of its
 * countries that had none.
 */
static int find_new_countries(struct query_run *qr, struct candidates *cs, struct db_stmt *seen,
			      struct candidate *round, size_t n)
{
	struct strlist ask = STRLIST_INIT, earlier = STRLIST_INIT;
	char code[8], *json = NULL;
	int rc = DB_DONE, ret = -1;

	if (!seen)
		return 0;
	for (size_t i = 0; i < n; i++)
		FOR_EACH_COUNTRY(cc, round[i].countries) {
			snprintf(code, sizeof(code), "%.*s", (int)strcspn(cc, ","), cc);
			if (!strlist_has(&cs->checked, code)) {
				strlist_add(&cs->checked, code);
				strlist_add(&ask, code);
			}
		}
	if ((json = run_json_list(&ask))) {
		db_bind_text(seen, db_param(seen, ":ccs"), json);
		while ((rc = db_step(seen)) == DB_ROW)
			strlist_add(&earlier, db_column_text(seen, 0));
	}
	if (rc != DB_DONE) {
		run_error(qr, "cannot look for earlier incidents");
		goto out;
	}
	for (size_t k = 0; k < ask.n; k++)
		if (!strlist_has(&earlier, ask.v[k]))
			strlist_add(&cs->fresh, ask.v[k]);
	for (size_t i = 0; i < n; i++)
		FOR_EACH_COUNTRY(cc, round[i].countries) {
			snprintf(code, sizeof(code), "%.*s", (int)strcspn(cc, ","), cc);
			for (size_t k = 0; k < cs->fresh.n && !round[i].new_country; k++)
				if (!strcmp(code, cs->fresh.v[k]))
					round[i].new_country = cs->fresh.v[k];
		}
	ret = 0;
out:
	free(json);	/* jansson allocates with malloc by default */
	strlist_release(&ask);
	strlist_release(&earlier);
	return ret;
}

/* A candidate of a round, by incident id: the order facts_sql gives their rows in. */
struct by_id {
	long long id;
	struct candidate *c;
};

static int by_id_cmp(const void *a, const void *b)
{
	const struct by_id *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static void date_text(char out[11], struct db_stmt *s, int col)
{
	int y = (int)db_column_int64(s, col), m = (int)db_column_int64(s, col + 1),
	    d = (int)db_column_int64(s, col + 2);

	if (db_column_is_null(s, col))
		out[0] = '\0';
	else
		date_format(out, y, m, d);
}

/*
 * Reads the victim, campaign, countries ("BE,FR", or NULL), date and
 * summary of the `n` candidates of `round`, sorted by id, from the rows
 * of `facts`.
 */
static int read_round_facts(struct query_run *qr, struct db_stmt *facts, struct by_id *round,
			    size_t n)
{
	struct buf countries = BUF_INIT;
	size_t k = 0;
	int rc, ret = -1;

	while ((rc = db_step(facts)) == DB_ROW) {
		long long id = db_column_int64(facts, 0);
		const char *country = db_column_text(facts, 3);

		if (k && round[k - 1].id == id) {
			buf_addf(&countries, ",%s", country ? country : "");
			continue;
		}
		if (k && countries.len)
			round[k - 1].c->countries = buf_detach(&countries, NULL);
		if (k == n || round[k].id != id)
			break;
		round[k].c->victim = victim_key(db_column_text(facts, 1));
		round[k].c->campaign = xstrdup_or_null(db_column_text(facts, 2));
		round[k].c->victim_name = xstrdup_or_null(db_column_text(facts, 1));
		round[k].c->summary = xstrdup_or_null(db_column_text(facts, 7));
		date_text(round[k].c->date, facts, 4);
		if (country)
			buf_adds(&countries, country);
		k++;
	}
	if (rc == DB_DONE && k == n) {
		if (k && countries.len)
			round[k - 1].c->countries = buf_detach(&countries, NULL);
		ret = 0;
	} else {
		run_error(qr, "cannot read the countries of the notable incidents");
	}
	buf_release(&countries);
	return ret;
}

/* Reads the facts of the candidates up to `upto` and scores them in full. */
static int read_facts(struct query_run *qr, struct candidates *cs, size_t upto)
{
	const struct query_period *p = &qr->f.period;
	struct db_stmt *facts = NULL, *seen = NULL;
	struct query_period before;
	size_t n = upto - cs->read;
	struct by_id *round = xcalloc(n ? n : 1, sizeof(*round));
	struct buf ids = BUF_INIT;
	int ret = -1;

	if (!n)
		goto done;
	if (run_prepare(qr, qr->q->sql[1], p, &facts) < 0)
		goto out;
	/* With no start there is no "before": no country is new. */
	if (!p->open_start) {
		query_period_years_earlier(p, 1, &before);
		if (run_prepare(qr, qr->q->sql[2], p, &seen) < 0)
			goto out;
		db_bind_text(seen, db_param(seen, ":new_from"), before.from);
	}
	for (size_t i = 0; i < n; i++) {
		round[i].c = &cs->v[cs->read + i];
		round[i].id = round[i].c->id;
		buf_addf(&ids, "%s%lld", i ? "," : "[", round[i].id);
	}
	buf_addch(&ids, ']');
	qsort(round, n, sizeof(*round), by_id_cmp);
	db_bind_text(facts, db_param(facts, ":ids"), ids.buf);
	if (read_round_facts(qr, facts, round, n) < 0 ||
	    find_new_countries(qr, cs, seen, &cs->v[cs->read], n) < 0)
		goto out;
	for (; cs->read < upto; cs->read++)
		cs->v[cs->read].score = score(cs->w, &cs->v[cs->read], NULL);
done:
	ret = 0;
out:
	db_finalize(facts);
	db_finalize(seen);
	buf_release(&ids);
	free(round);
	return ret;
}

/*
 * Ranks the candidates whose facts are read and picks the first `limit`
 * that are pinned or score, one per victim and campaign, into `picked`
 * (indexes into cs->v, valid until the next call). Returns how many.
 */
static size_t pick(struct candidates *cs, size_t limit, size_t *picked)
{
	struct strlist victims = STRLIST_INIT, campaigns = STRLIST_INIT;
	size_t n = 0;

	if (cs->read)
		qsort(cs->v, cs->read, sizeof(*cs->v), rank_order);
	for (size_t i = 0; i < cs->read && n < limit; i++) {
		const struct candidate *c = &cs->v[i];

		if (!c->pinned && c->score <= 0)
			break;
		if ((c->victim && strlist_has(&victims, c->victim)) ||
		    (c->campaign && strlist_has(&campaigns, c->campaign)))
			continue;
		if (c->victim)
			strlist_add(&victims, c->victim);
		if (c->campaign)
			strlist_add(&campaigns, c->campaign);
		picked[n++] = i;
	}
	strlist_release(&victims);
	strlist_release(&campaigns);
	return n;
}

/*
 * Whether the candidates not read yet can no longer make the list. They
 * come in base_order, so the first of them has the highest score any can
 * reach: its base plus the country rule's weight. A full list whose last
 * entry is pinned or scores more than that is final (ties go by date, so
 * an equal score is not enough); so is any list when that score is 0.
 */
static int settled(const struct candidates *cs, const size_t *picked, size_t n, size_t limit)
{
	const struct candidate *next, *last;
	double best;

	if (cs->read == cs->nr)
		return 1;
	next = &cs->v[cs->read];
	if (next->pinned)
		return 0;
	best = one_decimal(next->base + cs->w->new_country);
	if (best <= 0)
		return 1;
	if (n < limit)
		return 0;
	last = &cs->v[picked[n - 1]];
	return last->pinned || last->score > best;
}

static void add_row(struct query_result *res, const struct notable_weights *w,
		    const struct candidate *c)
{
	struct query_row *row = query_result_add_row(res);
	struct buf reasons = BUF_INIT;

	score(w, c, &reasons);
	query_set_int(row, NT_RANK, (long long)res->rows_nr);
	query_set_int(row, NT_ID, c->id);
	query_set_text(row, NT_DATE, *c->date ? c->date : NULL);
	query_set_text(row, NT_VICTIM, c->victim_name);
	query_set_text(row, NT_COUNTRY, c->countries);
	query_set_text(row, NT_TYPE, c->type);
	query_set_real(row, NT_SCORE, c->score);
	query_set_bool(row, NT_PINNED, c->pinned);
	query_set_text(row, NT_REASONS, reasons.buf);
	query_set_text(row, NT_SUMMARY, c->summary);
	buf_release(&reasons);
}

/*
 * Reads the facts (countries, victim, campaign) of as few candidates as
 * can decide the list: first twice the limit and a few, then twice as
 * many each round until settled() says the rest cannot make it. A month
 * of a large store reads a few dozen instead of one per incident.
 */
static int run_notable(struct query_run *qr, struct query_result *res)
{
	struct notable_weights defaults;
	struct candidates cs = { NULL, 0, 0, 0, STRLIST_INIT, STRLIST_INIT, NULL };
	size_t limit = qr->f.limit > 0 ? (size_t)qr->f.limit : QUERY_DEFAULT_LIMIT, n = 0;
	size_t *picked = xmalloc(limit * sizeof(*picked)), upto = 2 * limit + 8;
	int ret = -1;

	notable_weights_default(&defaults);
	cs.w = qr->f.weights ? qr->f.weights : &defaults;
	if (run_standard_meta(qr, res) < 0 || read_candidates(qr, &cs) < 0)
		goto out;
	for (;;) {
		if (read_facts(qr, &cs, upto < cs.nr ? upto : cs.nr) < 0)
			goto out;
		n = pick(&cs, limit, picked);
		if (settled(&cs, picked, n, limit))
			break;
		upto = 2 * cs.read;
	}
	for (size_t i = 0; i < n; i++)
		add_row(res, cs.w, &cs.v[picked[i]]);
	ret = 0;
out:
	candidates_release(&cs);
	free(picked);
	return ret;
}

const struct query query_notable = {
	.name = "notable",
	.description = "the incidents a briefing should summarise, ranked, with the reasons",
	.columns = notable_columns,
	.columns_nr = ARRAY_SIZE(notable_columns),
	.sql = (const char *const[]){ candidates_sql, facts_sql, seen_sql, NULL },
	.run = run_notable,
	.uses_limit = 1,
	.key = QUERY_KEY_INCIDENT,
	.attached = 1,
};
