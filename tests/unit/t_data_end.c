/*
 * Where the data ends is one fact of the store: store_last_month() finds
 * it, and `ibrief stats` (store_extent()) and every query result
 * (query_data_end()) take it from there, so they cannot disagree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "queries/query.h"
#include "store/incident.h"
#include "store/store.h"
#include "util/util.h"

static void put(struct store *st, const char *key, int y, int m, int d)
{
	struct incident inc;
	enum store_put_result r;

	incident_init(&inc);
	inc.key = xstrdup(key);
	inc.victim = xstrdup(key);
	CHECK_INT(incident_set_date(&inc, y, m, d), 0);
	CHECK_INT(store_put(st, &inc, &r), 0);
	incident_release(&inc);
}

static struct store *open_store(const char *name)
{
	struct store *st = NULL;
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", test_tmpdir(), name);
	if (store_open(&st, path, STORE_WRITE) < 0)
		exit(1);
	return st;
}

static void stats_and_queries_end_the_data_in_the_same_month(void)
{
	struct store *st = open_store("end.db");
	struct store_extent e;
	struct query_data_end end;
	char month[8];

	put(st, "a", 2024, 3, 10);
	put(st, "b", 2024, 4, 0);	/* known to the month: the newest month */
	put(st, "c", 2025, 0, 0);	/* known to the year: ends no month */
	CHECK_INT(store_last_month(st, month, NULL), 1);
	CHECK_STR(month, "2024-04");
	CHECK_INT(store_extent(st, &e), 0);
	CHECK_STR(e.last_month, "2024-04");
	CHECK_STR(e.last_year, "2025");
	CHECK_INT(query_data_end(st, &end), 1);
	CHECK_INT(end.month.kind, QUERY_PERIOD_MONTH);
	CHECK_INT(end.month.start.year, 2024);
	CHECK_INT(end.month.start.month, 4);
	/* No day of April is known: the data covers the whole month. */
	CHECK_STR(end.last_day, "2024-04-30");
	put(st, "d", 2024, 4, 12);
	CHECK_INT(query_data_end(st, &end), 1);
	CHECK_STR(end.last_day, "2024-04-12");
	store_close(st);
}

/*
 * The newest day is of the newest month only, and may be its first: an
 * incident known to the month starts on the 1st too, and sorts after one
 * known to that day.
 */
static void the_newest_day_is_of_the_newest_month(void)
{
	struct store *st = open_store("days.db");
	struct query_data_end end;
	char month[8], day[11];

	put(st, "a", 2024, 4, 20);
	put(st, "b", 2024, 5, 0);
	CHECK_INT(store_last_month(st, month, day), 1);
	CHECK_STR(month, "2024-05");
	CHECK_STR(day, "");
	put(st, "c", 2024, 5, 1);
	put(st, "e", 2024, 5, 0);
	CHECK_INT(store_last_month(st, month, day), 1);
	CHECK_STR(day, "2024-05-01");
	CHECK_INT(query_data_end(st, &end), 1);
	CHECK_STR(end.last_day, "2024-05-01");
	put(st, "f", 2024, 5, 9);
	CHECK_INT(store_last_month(st, month, day), 1);
	CHECK_STR(day, "2024-05-09");
	store_close(st);
}

static void a_store_without_months_has_no_end(void)
{
	struct store *st = open_store("years.db");
	struct store_extent e;
	struct query_data_end end;
	char month[8] = "x";

	CHECK_INT(store_last_month(st, month, NULL), 0);
	CHECK_STR(month, "");
	put(st, "y", 2019, 0, 0);
	CHECK_INT(store_last_month(st, month, NULL), 0);
	CHECK_INT(store_extent(st, &e), 0);
	CHECK_STR(e.last_month, "");
	CHECK_STR(e.last_year, "2019");
	CHECK_INT(query_data_end(st, &end), 0);
	CHECK_INT(end.month.kind, QUERY_PERIOD_NONE);
	store_close(st);
}

/*
 * A briefing's summary reads the extent's dates from the ends of the date
 * index, stats from the same: the oldest and newest day, the newest month,
 * and the newest year known only to the year, below newer data.
 */
static void a_summary_has_the_dates_of_the_extent(void)
{
	struct store *st = open_store("summary.db");
	struct store_summary sum;
	struct store_extent e;

	put(st, "y", 2021, 0, 0);
	put(st, "z", 2019, 0, 0);
	put(st, "m", 2023, 12, 0);	/* December: not the whole year */
	put(st, "first", 2020, 2, 29);
	put(st, "last", 2023, 11, 30);
	put(st, "jan", 2023, 1, 1);
	CHECK_INT(store_summary(st, &sum), 0);
	CHECK_INT(store_extent(st, &e), 0);
	CHECK_STR(sum.extent.first_day, "2020-02-29");
	CHECK_STR(sum.extent.last_day, "2023-11-30");
	CHECK_STR(sum.extent.last_month, "2023-12");
	CHECK_STR(sum.extent.last_year, "2021");
	CHECK_STR(e.first_day, sum.extent.first_day);
	CHECK_STR(e.last_day, sum.extent.last_day);
	CHECK_STR(e.last_year, sum.extent.last_year);
	CHECK_INT(e.by_day, 3);
	CHECK_INT(e.by_month, 1);
	CHECK_INT(e.by_year, 2);
	store_summary_release(&sum);
	store_close(st);
}

int main(void)
{
	test_run("stats and queries end the data in the same month",
		 stats_and_queries_end_the_data_in_the_same_month);
	test_run("the newest day is of the newest month", the_newest_day_is_of_the_newest_month);
	test_run("a store without months has no end", a_store_without_months_has_no_end);
	test_run("a summary has the dates of the extent", a_summary_has_the_dates_of_the_extent);
	return test_done();
}
