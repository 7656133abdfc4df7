/* Counts over time: overview (the period against the previous one) and by-month. */
#include "internal.h"

#include <stdlib.h>
#include <limits.h>
#include <string.h>

#include "../util/banned.h"

/* ---- overview -------------------------------------------------------- */

enum {
	OV_PERIOD, OV_INCIDENTS, OV_PREVIOUS_PERIOD, OV_PREVIOUS, OV_CHANGE, OV_CHANGE_PCT,
	OV_P_VALUE, OV_SIGNIFICANT, OV_COUNTRIES, OV_PUBLIC, OV_PUBLIC_SHARE, OV_LEFT_OUT,
	OV_ALL,
	OV_PROVISIONAL,
};

static const struct query_column overview_columns[] = {
	[OV_PERIOD] = { .name = "period", .type = QUERY_TEXT, .description = "the period" },
	[OV_INCIDENTS] = { .name = "incidents", .type = QUERY_INT,
			   .description = "incidents in the period" },
	[OV_PREVIOUS_PERIOD] = { .name = "previous_period", .type = QUERY_TEXT,
				 .description = "the previous comparable period (its first days only, as many "
				 "as the period has data for, when the data ends inside the "
				 "period); null when none" },
	[OV_PREVIOUS] = { .name = "previous", .type = QUERY_INT,
			  .description = "incidents in the previous period" },
	[OV_CHANGE] = { .name = "change", .type = QUERY_INT,
			.description = "incidents - previous" },
	[OV_CHANGE_PCT] = { .name = "change_pct", .type = QUERY_REAL,
			    .description = "change / previous * 100; null when previous is 0" },
	[OV_P_VALUE] = { .name = "p_value", .type = QUERY_REAL,
			 .description = "exact conditional test of two Poisson counts, the "
					"periods' lengths in days as exposures, two-sided" },
	[OV_SIGNIFICANT] = { .name = "significant", .type = QUERY_BOOL,
			     .description = "p_value < 0.05: say \"no significant change\" otherwise; "
					    "null when the period is provisional: make no claim" },
	[OV_COUNTRIES] = { .name = "countries", .type = QUERY_INT,
			   .description = "distinct victim countries (unknown not counted)" },
	[OV_PUBLIC] = { .name = "public", .type = QUERY_INT,
			.description = "incidents with a public body as victim" },
	[OV_PUBLIC_SHARE] = { .name = "public_share", .type = QUERY_REAL, .share = 1,
			      .description = "public / incidents" },
	[OV_LEFT_OUT] = { .name = "left_out", .type = QUERY_INT,
			  .description = "incidents whose date is too coarse for the period" },
	[OV_ALL] = { .name = "all_incidents", .type = QUERY_INT,
		     .description = "incidents in the period with no filter: the whole that a "
				    "filtered briefing (one country) is a part of" },
	[OV_PROVISIONAL] = { .name = "provisional", .type = QUERY_BOOL,
			     .description = "the period reaches into the store's newest month, whose "
					    "data is not complete, or past it" },
};

int query_significant(const struct query_meta *m)
{
	if (!m->has_test || m->provisional)
		return -1;
	return m->p_value < STATS_ALPHA;
}

/*
 * A period that runs past the end of the data is not over: 2024 with
 * incidents up to April holds four months, and set against the whole of
 * 2023 it would show a fall that is only the months still to come. Such a
 * period is compared with the same stretch of the previous one (1 January
 * to 30 April 2023), over the days each covers; meta.previous says which
 * stretch that was. Even so the newest month may still fill up: a
 * provisional period gets a p-value but no verdict (significant is NULL).
 */
static int run_overview(struct query_run *qr, struct query_result *res)
{
	struct query_meta *m = &res->meta;
	struct query_row *row;
	struct list_tally countries;
	long long previous = 0, all, groups[3];
	long so_far = 0;
	int ret = -1;

	/* The countries and the public bodies from one read of the incidents in scope. */
	memset(&countries, 0, sizeof(countries));
	if (run_standard_meta(qr, res) < 0 ||
	    list_tally_run(qr, qr->q->sql, LIST_COUNT_NONE, &countries) < 0 ||
	    scope_public_counts(qr, groups) < 0 || run_meta_whole(qr, &m->period, &all) < 0)
		goto out;
	row = query_result_add_row(res);
	query_set_text(row, OV_PERIOD, m->period.label);
	query_set_int(row, OV_INCIDENTS, m->n);
	query_set_int(row, OV_COUNTRIES, (long long)countries.nr);
	query_set_int(row, OV_PUBLIC, groups[0]);
	query_set_share(row, OV_PUBLIC_SHARE, groups[0], m->n);
	query_set_int(row, OV_LEFT_OUT, m->left_out);
	query_set_int(row, OV_ALL, all);
	query_set_bool(row, OV_PROVISIONAL, m->provisional);
	if (m->previous.kind != QUERY_PERIOD_NONE) {
		if (m->data_end.month.kind != QUERY_PERIOD_NONE)
			so_far = query_period_so_far(&m->period, &m->previous, m->data_end.last_day,
						     &m->previous);
		if (run_meta(qr, &m->previous, &previous, NULL, NULL) < 0)
			goto out;
		m->has_test = 1;
		m->k1 = m->n;
		m->k2 = previous;
		m->t1 = (double)(so_far ? so_far : query_period_days(&m->period));
		m->t2 = (double)query_period_days(&m->previous);
		m->p_value = poisson_test(m->k1, m->t1, m->k2, m->t2);
		query_set_text(row, OV_PREVIOUS_PERIOD, m->previous.label);
		query_set_int(row, OV_PREVIOUS, previous);
		query_set_int(row, OV_CHANGE, m->n - previous);
		if (previous)
			query_set_real(row, OV_CHANGE_PCT, 100.0 * (double)(m->n - previous) / (double)previous);
		query_set_real(row, OV_P_VALUE, m->p_value);
		if (query_significant(m) >= 0)
			query_set_bool(row, OV_SIGNIFICANT, query_significant(m));
	}
	ret = 0;
out:
	list_tally_release(&countries);
	return ret;
}

const struct query query_overview = {
	.name = "overview",
	.description = "incidents in the period and the previous one, the change and its "
		       "significance, countries, share of public victims",
	.columns = overview_columns,
	.columns_nr = ARRAY_SIZE(overview_columns),
	.sql = (const char *const[]){ QUERY_COUNTRY_TALLY, NULL },
	.run = run_overview,
	.key = QUERY_KEY_PERIOD,
	.attached = 1,
};

/* ---- by-month -------------------------------------------------------- */

enum { BM_MONTH, BM_INCIDENTS, BM_YEAR_BEFORE };

static const struct query_column by_month_columns[] = {
	[BM_MONTH] = { .name = "month", .type = QUERY_TEXT, .description = "YYYY-MM" },
	[BM_INCIDENTS] = { .name = "incidents", .type = QUERY_INT,
			   .description = "incidents known to the month or the day; "
					  "null after the newest month the store holds" },
	[BM_YEAR_BEFORE] = { .name = "year_before", .type = QUERY_INT,
			     .description = "incidents in the same month a year earlier" },
};

/*
 * Incidents per (date_start, date_end) pair in the period, in date order
 * (month_counts() needs it). The order is the date index's, so SQLite
 * counts them as it walks the index, with no sort, and the work is the
 * incidents of the period; PostgreSQL may hash, so the order is asked for.
 * A pair within one month is an incident of that month (known to the day
 * or the month); any other pair (a whole year) belongs to no month.
 * month_counts() sums them.
 */
static const char by_month_sql[] =
	"SELECT i.date_start, i.date_end, count(*)" QUERY_SCOPE
	" GROUP BY i.date_start, i.date_end ORDER BY i.date_start, i.date_end";

struct month_count {
	int month;		/* year * 12 + month - 1 */
	long long n;
};

static int month_number(const char *s)
{
	long y, m;
	char part[5];

	if (!s || strlen(s) < 7)
		return -1;
	memcpy(part, s, 4);
	part[4] = '\0';
	if (parse_long(part, 0, 9999, &y) < 0)
		return -1;
	memcpy(part, s + 5, 2);
	part[2] = '\0';
	if (parse_long(part, 1, 12, &m) < 0)
		return -1;
	return (int)(y * 12 + m - 1);
}

/*
 * A closed period of a few months is counted month by month instead
 * (month_counts_closed()): a count(*) of each month's range of the date
 * index walks the same incidents as by_month_sql without grouping them, in
 * two thirds of the instructions, for one statement per month. Over many
 * months the statements would cost more than the grouping saves.
 */
#define MONTHS_COUNTED_APART 36

static const char month_sql[] = "SELECT count(*)" QUERY_SCOPE;

/*
 * The incidents dated to a whole year: every span in the store is a day,
 * a calendar month or a calendar year (store.c, date_bounds), so an
 * incident of a period that belongs to no month is a year inside it.
 */
static const char year_sql[] =
	"SELECT count(*) FROM incident i WHERE i.date_start = :from AND i.date_end = :to" QUERY_FILTERS;

static void month_add(struct month_count **out, size_t *nr, size_t *alloc, int month, long long n)
{
	/* Months come in ascending order: a month is the last entry or a new one. */
	if (!*nr || (*out)[*nr - 1].month != month) {
		ALLOC_GROW(*out, *nr + 1, *alloc);
		(*out)[*nr].month = month;
		(*out)[*nr].n = 0;
		(*nr)++;
	}
	(*out)[*nr - 1].n += n;
}

/* month_counts() of a closed period of at most MONTHS_COUNTED_APART months. */
static int month_counts_closed(struct query_run *qr, const struct query_period *p,
			       struct month_count **out, size_t *nr, long long *no_month)
{
	int first = p->start.year * 12 + p->start.month - 1, last = p->end.year * 12 + p->end.month - 1;
	size_t alloc = 0;

	for (int m = first; m <= last; m++) {
		struct query_period month, mp;
		long long n;

		/* The month, cut to the period where the period starts or ends inside it. */
		if (query_period_month(&month, m / 12, m % 12 + 1) < 0 ||
		    query_period_range(&mp, strcmp(month.from, p->from) < 0 ? p->from : month.from,
				       strcmp(month.to, p->to) > 0 ? p->to : month.to) < 0)
			return -1;
		/*
		 * The query's own period, a month: its count is every query's
		 * meta.n, which a briefing has counted before (run_meta() keeps it).
		 */
		if (!strcmp(mp.from, qr->f.period.from) && !strcmp(mp.to, qr->f.period.to) ?
		    run_meta(qr, &mp, &n, NULL, NULL) < 0 : run_count(qr, month_sql, &mp, &n) < 0)
			return -1;
		if (n)
			month_add(out, nr, &alloc, m, n);
	}
	for (int y = p->start.year; y <= p->end.year; y++) {
		struct query_period yp;
		long long n;

		if (query_period_year(&yp, y) < 0)
			return -1;
		if (strcmp(yp.from, p->from) < 0 || strcmp(yp.to, p->to) > 0)
			continue;	/* the year is not inside the period */
		if (run_count(qr, year_sql, &yp, &n) < 0)
			return -1;
		*no_month += n;
	}
	return 0;
}

/*
 * Reads the incidents of period `p` into *out, one entry per month in
 * ascending order, and the incidents that belong to no month into
 * *no_month.
 */
static int month_counts(struct query_run *qr, const struct query_period *p,
			struct month_count **out, size_t *nr, long long *no_month)
{
	struct db_stmt *s = NULL;
	size_t alloc = 0;
	int rc, ret = -1;

	*out = NULL;
	*nr = 0;
	*no_month = 0;
	if (!p->open_start && !p->open_end &&
	    (p->end.year * 12 + p->end.month) - (p->start.year * 12 + p->start.month) <
	    MONTHS_COUNTED_APART)
		return month_counts_closed(qr, p, out, nr, no_month);
	if (run_prepare(qr, qr->q->sql[0], p, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		int start = month_number(db_column_text(s, 0)), end = month_number(db_column_text(s, 1));
		long long n = db_column_int64(s, 2);

		if (start < 0 || start != end)
			*no_month += n;
		else
			month_add(out, nr, &alloc, start, n);
	}
	if (rc != DB_DONE) {
		run_error(qr, "cannot count incidents per month");
		goto out;
	}
	ret = 0;
out:
	db_finalize(s);
	return ret;
}

static long long count_of(const struct month_count *c, size_t nr, int month)
{
	for (size_t i = 0; i < nr; i++)
		if (c[i].month == month)
			return c[i].n;
	return 0;
}

/*
 * One row for every month of the period, those without incidents too, so
 * that a chart's axis has no gaps. An open end (or all dates) is closed at
 * the first or last month that has incidents. meta.n is the incidents in
 * the rows; meta.left_out adds those of the period known only to the year.
 *
 * A month after the newest month the store holds any incident of is not
 * yet known, not zero: its count is NULL, so that the current year's chart
 * stops at the data instead of dropping to 0. The newest month is the
 * store's, not the filter's: a country with no incident in the store's
 * newest month had 0 that month.
 */
static int run_by_month(struct query_run *qr, struct query_result *res)
{
	struct query_period before;
	struct month_count *now = NULL, *then = NULL;
	size_t now_nr = 0, then_nr = 0;
	long long year_only = 0, ignored;
	const struct query_period *newest = &res->meta.data_end.month;
	int first, last, known = INT_MAX, ret = -1;

	/* meta.n is the months' rows: the period's incidents are walked once. */
	if (run_standard_meta_uncounted(qr, res) < 0 ||
	    month_counts(qr, &qr->f.period, &now, &now_nr, &year_only) < 0)
		goto out;
	for (size_t i = 0; i < now_nr; i++)
		res->meta.n += now[i].n;
	if (newest->kind != QUERY_PERIOD_NONE)
		known = newest->year * 12 + newest->month - 1;
	query_period_years_earlier(&qr->f.period, 1, &before);
	if (month_counts(qr, &before, &then, &then_nr, &ignored) < 0)
		goto out;
	res->meta.left_out += year_only;

	first = !qr->f.period.open_start ? qr->f.period.start.year * 12 + qr->f.period.start.month - 1 :
		now_nr ? now[0].month : -1;
	last = !qr->f.period.open_end ? qr->f.period.end.year * 12 + qr->f.period.end.month - 1 :
	       now_nr ? now[now_nr - 1].month : -1;
	if (first < 0 || last < 0)
		first = 1, last = 0;	/* no rows */
	for (int month = first; month <= last; month++) {
		struct query_row *row = query_result_add_row(res);
		char label[11];

		date_format(label, month / 12, month % 12 + 1, 0);
		query_set_text(row, BM_MONTH, label);
		if (month <= known)
			query_set_int(row, BM_INCIDENTS, count_of(now, now_nr, month));
		query_set_int(row, BM_YEAR_BEFORE, count_of(then, then_nr, month - 12));
	}
	ret = 0;
out:
	free(now);
	free(then);
	return ret;
}

const struct query query_by_month = {
	.name = "by-month",
	.description = "incidents per month over the period, with the same months a year earlier",
	.columns = by_month_columns,
	.columns_nr = ARRAY_SIZE(by_month_columns),
	.sql = (const char *const[]){ by_month_sql, NULL },
	.run = run_by_month,
	.key = QUERY_KEY_MONTH,
	.timeline = 1,
};
