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
	CHECK_INT(store_last_month(st, month), 1);
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

static void a_store_without_months_has_no_end(void)
{
	struct store *st = open_store("years.db");
	struct store_extent e;
	struct query_data_end end;
	char month[8] = "x";

	CHECK_INT(store_last_month(st, month), 0);
	CHECK_STR(month, "");
	put(st, "y", 2019, 0, 0);
	CHECK_INT(store_last_month(st, month), 0);
	CHECK_INT(store_extent(st, &e), 0);
	CHECK_STR(e.last_month, "");
	CHECK_STR(e.last_year, "2019");
	CHECK_INT(query_data_end(st, &end), 0);
	CHECK_INT(end.month.kind, QUERY_PERIOD_NONE);
	store_close(st);
}

int main(void)
{
	test_run("stats and queries end the data in the same month",
		 stats_and_queries_end_the_data_in_the_same_month);
	test_run("a store without months has no end", a_store_without_months_has_no_end);
	return test_done();
}
