/*
 * The briefings a store keeps (store/briefing.c, schema version 6): what
 * is recorded comes back whole, newest first, and the last one of a kind
 * is the newest issued before a time; an older store gains the table.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "store/briefing.h"
#include "store/schema.h"

static char path[512];

static struct store *open_store(const char *name)
{
	struct store *st = NULL;

	snprintf(path, sizeof(path), "%s/%s", test_tmpdir(), name);
	if (store_open(&st, path, STORE_WRITE) < 0)
		test_fail(__FILE__, __LINE__, "cannot open %s", path);
	return st;
}

/* A briefing of `template` for `month` ("2013-06") issued at `issued`, with two figures. */
static void sample(struct store_briefing *b, const char *template, const char *month,
		   const char *issued, long long incidents)
{
	char from[11], to[11];

	snprintf(from, sizeof(from), "%s-01", month);
	snprintf(to, sizeof(to), "%s-30", month);
	store_briefing_init(b);
	b->template = xstrdup(template);
	b->template_digest = xstrdup("0123456789abcdef");
	b->period_kind = xstrdup("month");
	b->period_from = xstrdup(from);
	b->period_to = xstrdup(to);
	b->period_label = xstrdup(month);
	b->filters = xstrdup("none");
	b->lang = xstrdup("en");
	b->tlp = xstrdup("TLP:AMBER");
	b->issued_at = xstrdup(issued);
	b->path = xstrdup("briefing.pdf");
	memset(b->sha256, 'a', 64);
	b->bytes = 1234;
	b->incidents = incidents;
	snprintf(b->incidents_digest, sizeof(b->incidents_digest), "00000000000000ff");
	b->last_incident = 77;
	store_briefing_figure(b, "incidents", "", (double)incidents, 0);
	store_briefing_figure(b, "public-share", "", 0, 1);
	store_briefing_figure(b, "country", "BE", 4, 0);
}

static void record(struct store *st, const char *template, const char *month,
		   const char *issued, long long incidents)
{
	struct store_briefing b;

	sample(&b, template, month, issued, incidents);
	CHECK_INT(store_briefing_record(st, &b), 0);
	CHECK(b.id > 0);
	store_briefing_release(&b);
}

static void test_a_recorded_briefing_comes_back_whole(void)
{
	struct store *st = open_store("whole.db");
	struct store_briefing b;

	record(st, "monthly.yaml", "2013-06", "2013-07-05T10:00:00Z", 61);
	CHECK_INT(store_briefing_get(st, 1, &b), 1);
	CHECK_STR(b.template, "monthly.yaml");
	CHECK_STR(b.period_kind, "month");
	CHECK_STR(b.period_from, "2013-06-01");
	CHECK_STR(b.issued_at, "2013-07-05T10:00:00Z");
	CHECK_INT(strlen(b.sha256), 64);
	CHECK_INT(b.bytes, 1234);
	CHECK_INT(b.incidents, 61);
	CHECK_STR(b.incidents_digest, "00000000000000ff");
	CHECK_INT(b.last_incident, 77);
	CHECK_INT(b.figures_nr, 3);
	if (b.figures_nr == 3) {
		CHECK_STR(b.figures[0].name, "incidents");
		CHECK_DBL(b.figures[0].value, 61);
		CHECK_INT(b.figures[1].null, 1);
		CHECK_STR(b.figures[2].label, "BE");
	}
	store_briefing_release(&b);
	CHECK_INT(store_briefing_get(st, 2, &b), 0);
	store_close(st);
}

static void test_briefings_list_newest_first(void)
{
	struct store *st = open_store("list.db");
	struct store_briefing *v;
	size_t n;

	record(st, "monthly.yaml", "2013-06", "2013-07-05T10:00:00Z", 61);
	record(st, "monthly.yaml", "2013-08", "2013-09-05T10:00:00Z", 50);
	record(st, "monthly.yaml", "2013-07", "2013-08-05T10:00:00Z", 70);
	CHECK_INT(store_briefing_list(st, &v, &n), 0);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(v[0].period_label, "2013-08");
		CHECK_STR(v[1].period_label, "2013-07");
		CHECK_STR(v[2].period_label, "2013-06");
		CHECK_INT(v[2].figures_nr, 3);
	}
	for (size_t i = 0; i < n; i++)
		store_briefing_release(&v[i]);
	free(v);
	store_close(st);
}

static void test_the_last_of_a_kind_is_the_newest_issued_by(void)
{
	struct store *st = open_store("last.db");
	struct store_briefing b;

	record(st, "monthly.yaml", "2013-06", "2013-07-05T10:00:00Z", 61);
	record(st, "weekly.yaml", "2013-06", "2013-07-06T10:00:00Z", 9);
	record(st, "monthly.yaml", "2013-07", "2013-08-05T10:00:00Z", 70);
	CHECK_INT(store_briefing_last(st, "monthly.yaml", "none", "2013-08-05T09:59:59Z", &b), 1);
	CHECK_STR(b.period_label, "2013-06");
	store_briefing_release(&b);
	/* One issued in the same second counts: a script writes two in one. */
	CHECK_INT(store_briefing_last(st, "monthly.yaml", "none", "2013-08-05T10:00:00Z", &b), 1);
	CHECK_STR(b.period_label, "2013-07");
	store_briefing_release(&b);
	CHECK_INT(store_briefing_last(st, "monthly.yaml", "none", "2014-01-01T00:00:00Z", &b), 1);
	CHECK_STR(b.period_label, "2013-07");
	store_briefing_release(&b);
	CHECK_INT(store_briefing_last(st, "monthly.yaml", "country=BE", "2014-01-01T00:00:00Z", &b), 0);
	CHECK_INT(store_briefing_last(st, "monthly.yaml", "none", "2013-07-05T09:59:59Z", &b), 0);
	store_close(st);
}

static void test_a_version_5_store_gains_the_briefings(void)
{
	struct store *st = NULL;
	sqlite3 *db;
	char sql[128];

	snprintf(path, sizeof(path), "%s/v5.db", test_tmpdir());
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(schema_migrate(db, path, 0, 5), 0);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = 5; PRAGMA application_id = %d;",
		 SCHEMA_APPLICATION_ID);
	CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	CHECK_INT(store_open(&st, path, STORE_UPDATE), 0);
	record(st, "monthly.yaml", "2013-06", "2013-07-05T10:00:00Z", 61);
	store_close(st);
}

int main(void)
{
	test_run("a recorded briefing comes back whole, with its figures",
		 test_a_recorded_briefing_comes_back_whole);
	test_run("briefings are listed newest first", test_briefings_list_newest_first);
	test_run("the last briefing of a kind is the newest issued by a time",
		 test_the_last_of_a_kind_is_the_newest_issued_by);
	test_run("a version 5 store is migrated and records briefings",
		 test_a_version_5_store_gains_the_briefings);
	return test_done();
}
