/*
 * The most frequent values of an incident's lists (techniques, motives,
 * actors), and the time to contain (response-time).
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/banned.h"

/* ---- techniques, motives, actors ------------------------------------- */

enum { LS_VALUE, LS_KIND, LS_INCIDENTS, LS_SHARE, LS_TAXONOMY };

/*
 * Each incident is in one of four states for a list: it has values (then
 * it counts in the row of each value it lists), it has some but shows
 * them to members only (the page says "Available to members" and gives a
 * count), it has none (a count of 0), or nothing is known. The last three
 * are rows of their own, after the values, so that with the incidents that
 * have values they add up to n.
 */
#define LIST_COLUMNS \
	[LS_VALUE] = { .name = "value", .type = QUERY_TEXT, .null_text = "", \
		       .description = "the value; null on the rows that are not a value (see kind)" }, \
	[LS_KIND] = { .name = "kind", .type = QUERY_TEXT, \
		      .description = "\"value\"; \"hidden\": the source shows the values to members " \
				     "only (Available to members); \"none\": it says there are none; " \
				     "\"unknown\": it says nothing" }, \
	[LS_INCIDENTS] = { .name = "incidents", .type = QUERY_INT, \
			   .description = "incidents; one listing several values counts in each" }, \
	[LS_SHARE] = { .name = "share", .type = QUERY_REAL, .share = 1, \
		       .description = "incidents / n" }

static const struct query_column list_columns[] = { LIST_COLUMNS };

/*
 * Techniques are named in one of two taxonomies (store/incident.h): the
 * same columns, and which one each value is in. A value is counted within
 * its taxonomy; the two are never mapped onto each other.
 */
static const struct query_column technique_columns[] = {
	LIST_COLUMNS,
	[LS_TAXONOMY] = { .name = "taxonomy", .type = QUERY_TEXT, .null_text = "",
			  .description = "the value's taxonomy: \"attack\" (MITRE ATT&CK) or "
					 "\"veris\" (VERIS action varieties); null on the other rows" },
};
#undef LIST_COLUMNS

/* The incidents in scope with every list's count column, and the three lists' rows. */
#define LIST_SQL QUERY_TALLY_SCOPE, QUERY_LISTS

/* The count column of list `q` in QUERY_TALLY_SCOPE. */
static enum list_count list_count_of(const struct query *q)
{
	return q == &query_techniques ? LIST_COUNT_TECHNIQUES :
	       q == &query_motives ? LIST_COUNT_MOTIVES : LIST_COUNT_ACTORS;
}

static int run_list(struct query_run *qr, struct query_result *res)
{
	static const char *const names[LIST_STATES] = { "value", "hidden", "none", "unknown" };
	struct list_tally t;
	size_t limit = qr->f.limit > 0 ? (size_t)qr->f.limit : QUERY_DEFAULT_LIMIT;
	int ret = -1;

	memset(&t, 0, sizeof(t));
	if (run_standard_meta(qr, res) < 0 ||
	    list_tally_run(qr, qr->q->sql, list_count_of(qr->q), &t) < 0)
		goto out;
	for (size_t i = 0; i < t.nr && i < limit; i++) {
		struct query_row *row = query_result_add_row(res);
		char *sep = strchr(t.v[i].value, LIST_TAXONOMY_SEP);

		if (sep) {
			*sep = '\0';
			query_set_text(row, LS_TAXONOMY, t.v[i].value);
		}
		query_set_text(row, LS_VALUE, sep ? sep + 1 : t.v[i].value);
		query_set_text(row, LS_KIND, names[LIST_VALUE]);
		query_set_int(row, LS_INCIDENTS, t.v[i].n);
		query_set_share(row, LS_SHARE, t.v[i].n, res->meta.n);
	}
	for (int st = LIST_HIDDEN; st < LIST_STATES; st++) {
		struct query_row *row;

		if (!t.states[st])
			continue;
		row = query_result_add_row(res);
		query_set_text(row, LS_KIND, names[st]);
		query_set_int(row, LS_INCIDENTS, t.states[st]);
		query_set_share(row, LS_SHARE, t.states[st], res->meta.n);
	}
	query_add_figure(res, "with_values", 0, (double)t.states[LIST_VALUE]);
	query_add_figure(res, "values", 0, (double)t.nr);
	ret = 0;
out:
	list_tally_release(&t);
	return ret;
}

#define LIST_QUERY(var, qname, desc) \
	const struct query var = { \
		.name = qname, \
		.description = desc, \
		.columns = list_columns, \
		.columns_nr = ARRAY_SIZE(list_columns), \
		.sql = (const char *const[]){ LIST_SQL, NULL }, \
		.run = run_list, \
		.key = QUERY_KEY_VALUE, \
		.uses_limit = 1, \
	}

const struct query query_techniques = {
	.name = "techniques",
	.description = "most frequent techniques, each in its taxonomy (MITRE ATT&CK or VERIS), "
		       "and how many incidents hide theirs (Available to members)",
	.columns = technique_columns,
	.columns_nr = ARRAY_SIZE(technique_columns),
	.sql = (const char *const[]){ LIST_SQL, NULL },
	.run = run_list,
	.key = QUERY_KEY_VALUE,
	.uses_limit = 1,
};
LIST_QUERY(query_motives, "motives",
	   "most frequent motives, and how many incidents hide theirs (Available to members)");
LIST_QUERY(query_actors, "actors",
	   "most frequent threat actors, and how many incidents hide theirs (Available to members)");

/* ---- response-time --------------------------------------------------- */

enum { RT_BUCKET, RT_MIN, RT_MAX, RT_INCIDENTS, RT_SHARE };

static const struct query_column response_time_columns[] = {
	[RT_BUCKET] = { .name = "bucket", .type = QUERY_TEXT, .null_text = "unknown",
			.description = "time from detection to containment; null for unknown" },
	[RT_MIN] = { .name = "min_hours", .type = QUERY_REAL,
		     .description = "the bucket holds times above this many hours (null: from 0)" },
	[RT_MAX] = { .name = "max_hours", .type = QUERY_REAL,
		     .description = "and up to this many hours, inclusive (null: no upper end)" },
	[RT_INCIDENTS] = { .name = "incidents", .type = QUERY_INT, .description = "incidents" },
	[RT_SHARE] = { .name = "share", .type = QUERY_REAL, .share = 1,
		       .description = "incidents / n (n includes the unknown row)" },
};

/*
 * Buckets are closed above: "contained within one hour" (1.0) is in the
 * first, "within 24 hours" in the second, seven days in the third.
 */
static const struct {
	const char *label;
	double max;		/* hours; < 0 for no upper end */
} buckets[] = {
	{ "up to 1 h", 1 },
	{ "1-24 h", 24 },
	{ "1-7 d", 7 * 24 },
	{ "7-30 d", 30 * 24 },
	{ "over 30 d", -1 },
};

static const char response_time_sql[] =
	"SELECT i.contain_hours" QUERY_SCOPE " AND i.contain_hours IS NOT NULL"
	" ORDER BY i.contain_hours";

/*
 * Figures: "known" (incidents with a time to contain), "median_hours" and
 * "p90_hours" (quantile_sorted(), type 7; null when none is known), and
 * when fewer than ten are known, the times themselves, shortest first:
 * "hours_1" .. "hours_9". Times the source gave as approximate count as
 * given.
 */
static const char *const time_figures[] = {
	"hours_1", "hours_2", "hours_3", "hours_4", "hours_5", "hours_6", "hours_7", "hours_8",
	"hours_9",
};

static int run_response_time(struct query_run *qr, struct query_result *res)
{
	double *hours = NULL, median = 0, p90 = 0;
	size_t known = 0, alloc = 0;
	long long counts[ARRAY_SIZE(buckets)] = { 0 };
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	if (run_standard_meta(qr, res) < 0 || run_prepare(qr, qr->q->sql[0], &qr->f.period, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		double h = db_column_double(s, 0);
		size_t b = 0;

		ALLOC_GROW(hours, known + 1, alloc);
		hours[known++] = h;
		while (buckets[b].max >= 0 && h > buckets[b].max)
			b++;
		counts[b]++;
	}
	if (rc != DB_DONE) {
		run_error(qr, "cannot read the times to contain");
		goto out;
	}
	for (size_t b = 0; b <= ARRAY_SIZE(buckets); b++) {
		struct query_row *row = query_result_add_row(res);
		long long c = b < ARRAY_SIZE(buckets) ? counts[b] : res->meta.n - (long long)known;

		if (b < ARRAY_SIZE(buckets)) {
			query_set_text(row, RT_BUCKET, buckets[b].label);
			if (b)
				query_set_real(row, RT_MIN, buckets[b - 1].max);
			if (buckets[b].max >= 0)
				query_set_real(row, RT_MAX, buckets[b].max);
		}
		query_set_int(row, RT_INCIDENTS, c);
		query_set_share(row, RT_SHARE, c, res->meta.n);
	}
	query_add_figure(res, "known", 0, (double)known);
	rc = quantile_sorted(hours, known, 0.5, &median);
	query_add_figure(res, "median_hours", rc < 0, median);
	rc = quantile_sorted(hours, known, 0.9, &p90);
	query_add_figure(res, "p90_hours", rc < 0, p90);
	/* Fewer than ten times are said one by one, not as quantiles. */
	for (size_t i = 0; known < ARRAY_SIZE(time_figures) + 1 && i < known; i++)
		query_add_figure(res, time_figures[i], 0, hours[i]);
	ret = 0;
out:
	free(hours);
	db_finalize(s);
	return ret;
}

const struct query query_response_time = {
	.name = "response-time",
	.description = "time to contain: n known, median, p90, and incidents per bucket",
	.columns = response_time_columns,
	.columns_nr = ARRAY_SIZE(response_time_columns),
	.sql = (const char *const[]){ response_time_sql, NULL },
	.run = run_response_time,
	.key = QUERY_KEY_DURATION,
};
