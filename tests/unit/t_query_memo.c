/*
 * The counts every query starts with are remembered between queries
 * (queries/run.c), and never outlive a change of the store: a write
 * through the same handle, or a commit through another.
 */
#include "query_fixture.h"

/* An incident of April 2024 with key `key`, to add. */
static void put_april(struct store *s, const char *key)
{
	struct incident inc;
	enum store_put_result r;

	incident_init(&inc);
	inc.key = xstrdup(key);
	CHECK_INT(incident_set_date(&inc, 2024, 4, 9), 0);
	strlist_add(&inc.countries, "IE");
	CHECK_INT(store_put(s, &inc, &r), 0);
	incident_release(&inc);
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

int main(void)
{
	test_run("a write through the same handle is counted at once",
		 test_a_write_through_the_same_handle_is_counted_at_once);
	test_run("a commit through another handle is counted at once",
		 test_a_commit_through_another_handle_is_counted_at_once);
	return test_done();
}
