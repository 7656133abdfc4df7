/*
 * The counts and the end of the data every query starts with are
 * remembered between queries (queries/run.c), and never outlive a change
 * of the store: a write through the same handle, or a commit through
 * another.
 */
#include "query_fixture.h"

/* Adds an incident with key `key` of day `day` of month `month`. */
static void put_on(struct store *s, const char *key, int year, int month, int day)
{
	struct incident inc;
	enum store_put_result r;

	incident_init(&inc);
	inc.key = xstrdup(key);
	CHECK_INT(incident_set_date(&inc, year, month, day), 0);
	strlist_add(&inc.countries, "IE");
	CHECK_INT(store_put(s, &inc, &r), 0);
	incident_release(&inc);
}

/* An incident of April 2024 with key `key`, to add. */
static void put_april(struct store *s, const char *key)
{
	put_on(s, key, 2024, 4, 9);
}

/* The last day of the data store `s` has, as query_data_end() finds it. */
static const char *last_day(struct store *s)
{
	static struct query_data_end end;

	CHECK_INT(query_data_end(s, &end), 1);
	return end.last_day;
}

static long long april(const char *query)
{
	struct query_result *r = run(query, "2024-04", NULL);
	long long n = r->meta.n;

	query_result_free(r);
	return n;
}

static void test_a_write_through_the_same_handle_is_counted_at_once(void)
{
	st = fixture_store();
	CHECK_INT(april("by-type"), 8);
	CHECK_INT(april("by-country"), 8);
	put_april(st, "B1");
	CHECK_INT(april("by-type"), 9);
	CHECK_INT(store_begin(st), 0);
	put_april(st, "B2");
	CHECK_INT(april("by-type"), 10);
	store_rollback(st);
	CHECK_INT(april("by-type"), 9);
	store_close(st);
}

static void test_a_commit_through_another_handle_is_counted_at_once(void)
{
	struct store *writer = fixture_store(), *reader = NULL;

	CHECK_INT(store_open(&reader, store_path(writer), STORE_READ), 0);
	st = reader;
	CHECK_INT(april("by-type"), 8);
	put_april(writer, "B1");
	CHECK_INT(april("by-type"), 9);
	CHECK_INT(april("by-sector"), 9);
	store_close(reader);
	store_close(writer);
}

static void test_the_end_of_the_data_follows_every_write(void)
{
	struct store *writer = fixture_store(), *reader = NULL;

	CHECK_INT(store_open(&reader, store_path(writer), STORE_READ), 0);
	CHECK(strcmp(last_day(reader), "2031-02-03") < 0);
	put_on(writer, "L1", 2031, 2, 3);
	CHECK_STR(last_day(writer), "2031-02-03");
	CHECK_STR(last_day(reader), "2031-02-03");
	CHECK_INT(store_begin(writer), 0);
	put_on(writer, "L2", 2031, 3, 4);
	CHECK_STR(last_day(writer), "2031-03-04");
	store_rollback(writer);
	CHECK_STR(last_day(writer), "2031-02-03");
	CHECK_STR(last_day(reader), "2031-02-03");
	store_close(reader);
	store_close(writer);
}

/* by-month counts its period itself and leaves no count behind for others. */
static void test_a_period_by_month_counted_is_counted_for_the_next_query(void)
{
	st = fixture_store();
	CHECK_INT(april("by-month"), 8);
	CHECK_INT(april("by-type"), 8);
	CHECK_INT(april("by-month"), 8);
	put_april(st, "B1");
	CHECK_INT(april("by-month"), 9);
	CHECK_INT(april("by-country"), 9);
	store_close(st);
}

int main(void)
{
	test_run("a write through the same handle is counted at once",
		 test_a_write_through_the_same_handle_is_counted_at_once);
	test_run("a commit through another handle is counted at once",
		 test_a_commit_through_another_handle_is_counted_at_once);
	test_run("the end of the data follows every write, on any handle",
		 test_the_end_of_the_data_follows_every_write);
	test_run("a period by-month counted is counted for the next query",
		 test_a_period_by_month_counted_is_counted_for_the_next_query);
	return test_done();
}
