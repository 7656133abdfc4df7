/*
 * notable: the incidents a briefing should summarise, ranked, each with
 * the reasons it was chosen.
 *
 * The score is a sum of points for what management asks about first:
 *
 *   a public body is the victim                              +3
 *   people or records affected: 100,000 or more              +3
 *                               1,000 or more                +2
 *   contained more than 7 days after detection               +2
 *   ransomware or a data breach                              +2
 *   a new country: none of the incident's countries had an   +1
 *   incident in the 12 months before the period began
 *
 * Unknown values earn nothing (an unknown time to contain is not taken for
 * a long one). An analyst's marks (store/mark.h) come first: incidents
 * marked "notable" are listed before all others, "pinned"; those marked
 * "ignore" are never listed. Incidents that are neither pinned nor score
 * a point are not listed. Order: pinned first, then score, then the newest
 * date_start, then the lowest id, so that ties always come out the same.
 * At most the filter's limit (default 10) rows.
 *
 * score() below is the one place the rules live: it both sums the points
 * and writes the reasons, so the two cannot disagree.
 */
#include "internal.h"

#include <limits.h>
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
	[NT_SCORE] = { .name = "score", .type = QUERY_INT,
		       .description = "points by the rules in queries/notable.c" },
	[NT_PINNED] = { .name = "pinned", .type = QUERY_BOOL,
			.description = "an analyst marked it notable (ibrief mark ID notable)" },
	[NT_REASONS] = { .name = "reasons", .type = QUERY_TEXT, .null_text = "",
			 .description = "why it was chosen, \"; \"-separated" },
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
	"       i.contain_hours, i.type, coalesce(m.mark = 'notable', 0)"
	"  FROM incident i LEFT JOIN incident_mark m ON m.incident_id = i.id"
	" WHERE" QUERY_IN_PERIOD QUERY_FILTERS
	"   AND (m.mark IS NULL OR m.mark <> 'ignore')";

static const char countries_sql[] =
	"SELECT group_concat(country, ',') FROM (SELECT c.country FROM incident_country c"
	"  WHERE c.incident_id = :id ORDER BY c.pos)";

/*
 * Whether a country had an incident in the 12 months before the period.
 * The unary + keeps the planner off the date index: walking the country
 * index stops at the first hit for a frequent country, and a new country
 * has few incidents to walk.
 */
static const char seen_sql[] =
	"SELECT EXISTS (SELECT 1 FROM incident_country c JOIN incident j ON j.id = c.incident_id"
	"  WHERE c.country = :cc AND +j.date_end < :from AND +j.date_end >= :new_from)";

static const char details_sql[] =
	"SELECT victim, year, month, day, summary FROM incident WHERE id = :id";

struct candidate {
	long long id;
	char date_start[11];
	int public_sector;	/* -1 unknown */
	char *kind, *type, *countries;
	long long affected;	/* -1 unknown */
	double contain_hours;	/* < 0 unknown */
	int pinned;
	const char *new_country;	/* one of the new countries, or NULL */
	int score;
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

/* Sums the points of `c` and, when `reasons` is not NULL, says why. */
static int score(const struct candidate *c, struct buf *reasons)
{
	char text[64];
	int points = 0;

	if (c->pinned)
		add_reason(reasons, "%s", "pinned by an analyst");
	if (c->public_sector == 1) {
		points += 3;
		if (c->kind && strcmp(c->kind, "public body"))
			add_reason(reasons, "public body (%s)", c->kind);
		else
			add_reason(reasons, "%s", "public body");
	}
	if (c->affected >= 1000) {
		points += c->affected >= 100000 ? 3 : 2;
		thousands(text, sizeof(text), c->affected);
		add_reason(reasons, "%s affected", text);
	}
	if (c->contain_hours > 7 * 24) {
		double days = c->contain_hours / 24;

		points += 2;
		/* One decimal below 10 days, so that 7 days and 2 hours does not read "7 days". */
		add_reason(reasons, "contained after %.*f days", days < 10 ? 1 : 0, days);
	}
	if (c->type && (!strcmp(c->type, "ransomware") || !strcmp(c->type, "data breach"))) {
		points += 2;
		add_reason(reasons, "%s", c->type);
	}
	if (c->new_country) {
		const char *name = country_name(c->new_country);

		points += 1;
		add_reason(reasons, "first in %s for 12 months", name ? name : c->new_country);
	}
	return points;
}

static int rank_order(const void *a_, const void *b_)
{
	const struct candidate *a = a_, *b = b_;
	int c;

	if (a->pinned != b->pinned)
		return b->pinned - a->pinned;
	if (a->score != b->score)
		return b->score - a->score;
	c = strcmp(b->date_start, a->date_start);
	if (c)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

struct candidates {
	struct candidate *v;
	size_t nr, alloc;
	struct strlist fresh;	/* countries new in the period */
};

static void candidates_release(struct candidates *cs)
{
	for (size_t i = 0; i < cs->nr; i++) {
		free(cs->v[i].kind);
		free(cs->v[i].type);
		free(cs->v[i].countries);
	}
	free(cs->v);
	strlist_release(&cs->fresh);
}

static int read_candidates(struct query_run *qr, struct candidates *cs)
{
	sqlite3_stmt *s = NULL;
	int rc, ret = -1;

	if (run_prepare(qr, qr->q->sql[0], &qr->f.period, &s) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct candidate *c;

		ALLOC_GROW(cs->v, cs->nr + 1, cs->alloc);
		c = &cs->v[cs->nr++];
		memset(c, 0, sizeof(*c));
		c->id = sqlite3_column_int64(s, 0);
		snprintf(c->date_start, sizeof(c->date_start), "%s", COLUMN_TEXT(s, 1));
		c->public_sector = sqlite3_column_type(s, 2) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 2);
		c->kind = xstrdup_or_null(COLUMN_TEXT(s, 3));
		c->affected = sqlite3_column_type(s, 4) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 4);
		c->contain_hours = sqlite3_column_type(s, 5) == SQLITE_NULL ? -1 : sqlite3_column_double(s, 5);
		c->type = xstrdup_or_null(COLUMN_TEXT(s, 6));
		c->pinned = sqlite3_column_int(s, 7);
		c->score = score(c, NULL);
	}
	if (rc != SQLITE_DONE) {
		run_error(qr, "cannot read the incidents");
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(s);
	return ret;
}

static int by_score_desc(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

/*
 * Moves to the front of cs->v the candidates that can still make the
 * list, and returns how many. The country rule adds at most one point, so
 * a candidate is out for sure when at least as many others as there are
 * places left after the pinned ones score two points more before it:
 * they end above it whatever the countries say. Only the others need
 * their countries read, a few hundred probes instead of one per incident
 * of the period.
 */
static size_t keep_contenders(struct candidates *cs, size_t limit)
{
	size_t pinned = 0, others = 0, kept = 0;
	int *scores = xmalloc((cs->nr ? cs->nr : 1) * sizeof(*scores)), floor = INT_MIN;

	for (size_t i = 0; i < cs->nr; i++) {
		if (cs->v[i].pinned)
			pinned++;
		else
			scores[others++] = cs->v[i].score;
	}
	if (pinned < limit && others >= limit - pinned) {
		qsort(scores, others, sizeof(*scores), by_score_desc);
		floor = scores[limit - pinned - 1] - 1;
	} else if (pinned >= limit) {
		floor = INT_MAX;
	}
	for (size_t i = 0; i < cs->nr; i++) {
		if (cs->v[i].pinned || cs->v[i].score >= floor) {
			struct candidate t = cs->v[kept];

			cs->v[kept++] = cs->v[i];
			cs->v[i] = t;
		}
	}
	free(scores);
	return kept;
}

/* Reads the countries of the first `n` candidates. */
static int read_countries(struct query_run *qr, struct candidates *cs, size_t n)
{
	sqlite3_stmt *s = NULL;
	int ret = -1;

	if (run_prepare(qr, qr->q->sql[3], &qr->f.period, &s) < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(s);
		sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":id"), cs->v[i].id);
		if (sqlite3_step(s) != SQLITE_ROW) {
			run_error(qr, "cannot read an incident's countries");
			goto out;
		}
		cs->v[i].countries = xstrdup_or_null(COLUMN_TEXT(s, 0));
	}
	ret = 0;
out:
	sqlite3_finalize(s);
	return ret;
}

/* Calls fn for each country code in the comma-separated `list`. */
#define FOR_EACH_COUNTRY(p, list) \
	for (const char *p = (list); p && *p; p += strcspn(p, ",") + !!p[strcspn(p, ",")])

/*
 * Sets new_country and the final score of the first `n` candidates, then
 * ranks them. A country is new when it had no incident in the 12 months
 * before the period began; each country is looked up once.
 */
static int score_contenders(struct query_run *qr, struct candidates *cs, size_t n)
{
	const struct query_period *p = &qr->f.period;
	struct strlist checked = STRLIST_INIT;
	sqlite3_stmt *s = NULL;
	char new_from[11];
	int ret = -1;

	/* With no start there is no "before": no country is new. */
	if (strcmp(p->from, QUERY_DATE_MIN)) {
		query_date_add_years(p->from, -1, new_from);
		if (run_prepare(qr, qr->q->sql[1], p, &s) < 0)
			goto out;
		sqlite3_bind_text(s, sqlite3_bind_parameter_index(s, ":new_from"), new_from, -1,
				  SQLITE_TRANSIENT);
	}
	for (size_t i = 0; s && i < n; i++) {
		FOR_EACH_COUNTRY(cc, cs->v[i].countries) {
			char code[8];

			snprintf(code, sizeof(code), "%.*s", (int)strcspn(cc, ","), cc);
			if (strlist_has(&checked, code))
				continue;
			strlist_add(&checked, code);
			sqlite3_reset(s);
			sqlite3_bind_text(s, sqlite3_bind_parameter_index(s, ":cc"), code, -1,
					  SQLITE_TRANSIENT);
			if (sqlite3_step(s) != SQLITE_ROW) {
				run_error(qr, "cannot look for earlier incidents");
				goto out;
			}
			if (!sqlite3_column_int(s, 0))
				strlist_add(&cs->fresh, code);
		}
	}
	for (size_t i = 0; i < n; i++) {
		struct candidate *c = &cs->v[i];

		for (size_t k = 0; k < cs->fresh.n && !c->new_country; k++)
			FOR_EACH_COUNTRY(cc, c->countries)
				if (strcspn(cc, ",") == strlen(cs->fresh.v[k]) &&
				    !strncmp(cc, cs->fresh.v[k], strlen(cs->fresh.v[k])))
					c->new_country = cs->fresh.v[k];
		c->score = score(c, NULL);
	}
	if (n)	/* qsort's array may not be NULL, even empty */
		qsort(cs->v, n, sizeof(*cs->v), rank_order);
	ret = 0;
out:
	sqlite3_finalize(s);
	strlist_release(&checked);
	return ret;
}

static void date_text(char out[11], sqlite3_stmt *s, int col)
{
	int y = sqlite3_column_int(s, col), m = sqlite3_column_int(s, col + 1),
	    d = sqlite3_column_int(s, col + 2);

	if (sqlite3_column_type(s, col) == SQLITE_NULL)
		out[0] = '\0';
	else
		date_format(out, y, m, d);
}

static int add_row(struct query_run *qr, struct query_result *res, sqlite3_stmt *s,
		   const struct candidate *c)
{
	struct query_row *row;
	struct buf reasons = BUF_INIT;
	char date[11];

	sqlite3_reset(s);
	sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":id"), c->id);
	if (sqlite3_step(s) != SQLITE_ROW)
		return run_error(qr, "cannot read an incident");
	row = query_result_add_row(res);
	score(c, &reasons);
	date_text(date, s, 1);
	query_set_int(row, NT_RANK, (long long)res->rows_nr);
	query_set_int(row, NT_ID, c->id);
	query_set_text(row, NT_DATE, *date ? date : NULL);
	query_set_text(row, NT_VICTIM, COLUMN_TEXT(s, 0));
	query_set_text(row, NT_COUNTRY, c->countries);
	query_set_text(row, NT_TYPE, c->type);
	query_set_int(row, NT_SCORE, c->score);
	query_set_bool(row, NT_PINNED, c->pinned);
	query_set_text(row, NT_REASONS, reasons.buf);
	query_set_text(row, NT_SUMMARY, COLUMN_TEXT(s, 4));
	buf_release(&reasons);
	return 0;
}

static int run_notable(struct query_run *qr, struct query_result *res)
{
	struct candidates cs = { NULL, 0, 0, STRLIST_INIT };
	sqlite3_stmt *s = NULL;
	size_t limit = qr->f.limit > 0 ? (size_t)qr->f.limit : QUERY_DEFAULT_LIMIT, n;
	int ret = -1;

	if (run_standard_meta(qr, res) < 0 || read_candidates(qr, &cs) < 0)
		goto out;
	n = keep_contenders(&cs, limit);
	if (read_countries(qr, &cs, n) < 0 || score_contenders(qr, &cs, n) < 0 ||
	    run_prepare(qr, qr->q->sql[2], &qr->f.period, &s) < 0)
		goto out;
	for (size_t i = 0; i < n && res->rows_nr < limit; i++) {
		if (!cs.v[i].pinned && !cs.v[i].score)
			break;
		if (add_row(qr, res, s, &cs.v[i]) < 0)
			goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(s);
	candidates_release(&cs);
	return ret;
}

const struct query query_notable = {
	.name = "notable",
	.description = "the incidents a briefing should summarise, ranked, with the reasons",
	.columns = notable_columns,
	.columns_nr = ARRAY_SIZE(notable_columns),
	.sql = (const char *const[]){ candidates_sql, seen_sql, details_sql, countries_sql, NULL },
	.run = run_notable,
	.uses_limit = 1,
};
