/*
 * The counts and the end of the data every query starts with, and the
 * incidents in scope the lists are counted over, are remembered between
 * queries (queries/run.c, queries/tally.c), and never outlive a change of
 * the store: a write through the same handle, or a commit through another.
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

/* The incidents of April 2024 in Ireland by the by-country query. */
static long long ireland(struct store *s)
{
	struct query_result *r;
	long long n = 0;

	st = s;
	r = run("by-country", "2024-04", NULL);
	for (size_t i = 0; i < r->rows_nr; i++) {
		const struct query_cell *code = query_cell(r, i, "country");

		if (code && !code->null && !strcmp(code->s, "IE"))
			n = query_cell(r, i, "incidents")->i;
	}
	query_result_free(r);
	return n;
}

static void test_the_incidents_a_list_counts_follow_every_write(void)
{
	struct store *writer = fixture_store(), *reader = NULL;
	long long before = ireland(writer);

	CHECK_INT(store_open(&reader, store_path(writer), STORE_READ), 0);
	CHECK_INT(ireland(reader), before);
	put_april(writer, "I1");
	CHECK_INT(ireland(writer), before + 1);
	CHECK_INT(ireland(reader), before + 1);
	CHECK_INT(store_begin(writer), 0);
	put_april(writer, "I2");
	CHECK_INT(ireland(writer), before + 2);
	store_rollback(writer);
	CHECK_INT(ireland(writer), before + 1);
	store_close(reader);
	store_close(writer);
}

/* Every row of `name` for April 2024 on st, one string; public bodies only when `public`. */
static char *rows_of(const char *name, int public)
{
	struct query_filter f;
	struct query_result *r;
	struct buf b = BUF_INIT;

	query_filter_init(&f);
	f.public_only = public;
	r = run(name, "2024-04", &f);
	for (size_t i = 0; i < r->rows_nr; i++)
		buf_addf(&b, "%s\n", row_text(r, i));
	query_result_free(r);
	return buf_detach(&b, NULL);
}

/*
 * The lists, by-sector, public-sector, public-kinds and overview share the
 * incidents in scope, each with its own columns of it: each counted after
 * the others is what it is counted first, on a handle of its own (the kept
 * scope belongs to one connection), with and without --public-sector.
 */
static void test_each_query_counts_its_own_columns_of_the_scope_kept(void)
{
	static const char *const queries[] = {
		"techniques", "motives", "actors", "by-country", "by-sector", "public-sector",
		"public-kinds", "overview",
	};
	enum { NR = sizeof(queries) / sizeof(*queries) };
	struct store *whole = fixture_store();
	char *alone[2][NR], *after;

	for (int public = 0; public < 2; public++)
		for (size_t i = 0; i < NR; i++) {
			CHECK_INT(store_open(&st, store_path(whole), STORE_READ), 0);
			alone[public][i] = rows_of(queries[i], public);
			store_close(st);
		}
	for (size_t i = 0; i < NR; i++)
		if (strcmp(queries[i], "public-kinds"))	/* public bodies either way */
			CHECK(strcmp(alone[0][i], alone[1][i]) != 0);
	st = whole;
	for (size_t round = 0; round < 2 * NR; round++)
		for (size_t i = 0; i < NR; i++) {
			size_t q = (i + round) % NR;
			int public = (int)(round & 1);

			after = rows_of(queries[q], public);
			CHECK_STR(after, alone[public][q]);
			free(after);
		}
	for (int public = 0; public < 2; public++)
		for (size_t i = 0; i < NR; i++)
			free(alone[public][i]);
	store_close(whole);
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
	test_run("the incidents a list counts follow every write, on any handle",
		 test_the_incidents_a_list_counts_follow_every_write);
	test_run("each query counts its own columns of the scope kept",
		 test_each_query_counts_its_own_columns_of_the_scope_kept);
	return test_done();
}
