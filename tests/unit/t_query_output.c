/*
 * Writing results as table, CSV and JSON: real queries over the hand-made
 * store of query_fixture.h against golden files, and results built by hand
 * for the details of each format.
 */
#include <jansson.h>
#include <stdlib.h>

#include "query_fixture.h"

enum { C_NAME, C_COUNT, C_SHARE, C_HOURS, C_FLAG };

static const struct query_column columns[] = {
	[C_NAME] = { .name = "name", .type = QUERY_TEXT, .null_text = "unknown", .description = "a" },
	[C_COUNT] = { .name = "count", .type = QUERY_INT, .description = "b" },
	[C_SHARE] = { .name = "share", .type = QUERY_REAL, .share = 1, .description = "c" },
	[C_HOURS] = { .name = "hours", .type = QUERY_REAL, .description = "d" },
	[C_FLAG] = { .name = "flag", .type = QUERY_BOOL, .description = "e" },
};

static const struct query sample_query = {
	.name = "sample",
	.description = "a hand-made result",
	.columns = columns,
	.columns_nr = sizeof(columns) / sizeof(*columns),
};

/* Three rows: n = 40 (reliable), n = 8 (unreliable), n = 3 (suppressed). */
static struct query_result *sample(void)
{
	struct query_result *r = query_result_new(&sample_query);
	struct query_row *row;

	query_period_month(&r->meta.period, 2024, 4);
	query_period_previous(&r->meta.period, &r->meta.previous);
	r->meta.n = 40;
	r->meta.left_out = 2;
	row = query_result_add_row(r);
	query_set_text(row, C_NAME, "Liège, \"centre\"");
	query_set_int(row, C_COUNT, 10);
	query_set_share(row, C_SHARE, 10, 40);
	query_set_real(row, C_HOURS, 1.0 / 3);
	query_set_bool(row, C_FLAG, 1);
	row = query_result_add_row(r);
	query_set_text(row, C_NAME, "two\nlines");
	query_set_int(row, C_COUNT, 2);
	query_set_share(row, C_SHARE, 2, 8);
	query_set_bool(row, C_FLAG, 0);
	row = query_result_add_row(r);
	query_set_int(row, C_COUNT, 1);
	query_set_share(row, C_SHARE, 1, 3);
	query_add_figure(r, "median_hours", 0, 14);
	query_add_figure(r, "p90_hours", 1, 0);
	return r;
}

/* Runs a writer into a string the caller frees. */
static char *capture(void (*write)(FILE *, const struct query_result *), const struct query_result *r)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);

	write(mem, r);
	fclose(mem);
	return text;
}

static void write_json_plain(FILE *out, const struct query_result *r)
{
	query_write_json(out, r, 0);
}

static void test_csv_quotes_what_needs_quoting_and_leaves_null_empty(void)
{
	struct query_result *r = sample();
	char *csv = capture(query_write_csv, r);

	CHECK_STR(csv,
		  "name,count,share,hours,flag\r\n"
		  "\"Liège, \"\"centre\"\"\",10,0.25,0.3333333333,true\r\n"
		  "\"two\nlines\",2,0.25,,false\r\n"
		  ",1,,,\r\n");
	free(csv);
	query_result_free(r);
}

static void test_json_types_nulls_and_share_flags(void)
{
	struct query_result *r = sample();
	char *text = capture(write_json_plain, r);
	json_t *doc = json_loads(text, 0, NULL), *row;

	CHECK_INT(json_array_size(doc), 3);
	row = json_array_get(doc, 0);
	CHECK_STR(json_string_value(json_object_get(row, "name")), "Liège, \"centre\"");
	CHECK(json_is_integer(json_object_get(row, "count")));
	CHECK(json_is_true(json_object_get(row, "flag")));
	CHECK(json_is_null(json_object_get(row, "share_flag")));
	row = json_array_get(doc, 1);
	CHECK(json_is_null(json_object_get(row, "hours")));
	CHECK(json_is_false(json_object_get(row, "flag")));
	CHECK_STR(json_string_value(json_object_get(row, "share_flag")), "unreliable");
	row = json_array_get(doc, 2);
	CHECK(json_is_null(json_object_get(row, "name")));
	CHECK(json_is_null(json_object_get(row, "share")));
	CHECK(json_is_null(json_object_get(row, "flag")));
	CHECK_STR(json_string_value(json_object_get(row, "share_flag")), "suppressed");
	json_decref(doc);
	free(text);
	query_result_free(r);
}

static void test_json_has_no_share_flag_without_a_share_column(void)
{
	static const struct query_column one[] = { { .name = "x", .type = QUERY_INT, .description = "x" } };
	static const struct query q = { .name = "q", .description = "q", .columns = one, .columns_nr = 1 };
	struct query_result *r = query_result_new(&q);
	char *text;

	query_set_int(query_result_add_row(r), 0, 7);
	text = capture(write_json_plain, r);
	CHECK_STR(text, "[\n  {\n    \"x\": 7\n  }\n]\n");
	free(text);
	query_result_free(r);
}

static void test_table_aligns_numbers_and_marks_flags(void)
{
	struct query_result *r = sample();
	char *table = capture(query_write_table, r);

	CHECK_STR(table,
		  "# sample: a hand-made result\n"
		  "# period: April 2024 (2024-04-01 to 2024-04-30); previous: March 2024 (2024-03-01 to 2024-03-31)\n"
		  "# n = 40; left out (date too coarse for the period): 2; undated: 0\n"
		  "# median_hours: 14\n"
		  "# p90_hours: unknown\n"
		  "NAME             COUNT   SHARE   HOURS  FLAG\n"
		  "Liège, \"centre\"     10   25.0%  0.3333  yes\n"
		  "two lines            2  25.0%*       -  no\n"
		  "unknown              1       -       -  -\n"
		  "# * share over fewer than 30 incidents: unreliable\n"
		  "# share not given: fewer than 5 incidents\n");
	free(table);
	query_result_free(r);
}

static void test_the_list_names_every_query(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);

	query_write_list(mem);
	fclose(mem);
	for (size_t i = 0; i < query_catalog_nr; i++)
		CHECK(strstr(text, query_catalog[i]->name) != NULL);
	CHECK(strstr(text, "by-country     incidents per victim country") != NULL);
	free(text);
}

/* Writes the query's CSV for April 2024 and compares it with tests/data/query/NAME.csv. */
static void check_golden_csv(const char *name)
{
	struct query_result *r = run(name, "2024-04", NULL);
	char *got = NULL, want[4096], path[256];
	size_t got_len = 0, want_len;
	FILE *mem = open_memstream(&got, &got_len), *in;

	query_write_csv(mem, r);
	fclose(mem);
	snprintf(path, sizeof(path), "tests/data/query/%s-2024-04.csv", name);
	in = fopen(path, "rb");
	if (!in) {
		test_fail(__FILE__, __LINE__, "cannot read %s (run from the top directory)", path);
	} else {
		want_len = fread(want, 1, sizeof(want), in);
		fclose(in);
		if (want_len != got_len || memcmp(want, got, got_len))
			test_fail(__FILE__, __LINE__, "%s differs; got:\n%s", path, got);
	}
	free(got);
	query_result_free(r);
}

static void test_csv_matches_the_golden_files(void)
{
	check_golden_csv("by-country");
	check_golden_csv("notable");
	check_golden_csv("response-time");
}

static void test_json_is_an_array_of_typed_objects(void)
{
	struct query_result *r = run("by-country", "2024-04", NULL);
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	json_t *doc, *first, *last;
	const char *key;
	json_t *value;
	const char *keys[] = { "country", "name", "incidents", "share", "share_flag" };
	size_t k = 0;

	query_write_json(mem, r, 0);
	fclose(mem);
	doc = json_loads(text, 0, NULL);
	CHECK(json_is_array(doc));
	CHECK_INT(json_array_size(doc), 6);
	first = json_array_get(doc, 0);
	json_object_foreach(first, key, value) {
		if (k < 5)
			CHECK_STR(key, keys[k]);
		k++;
	}
	CHECK_INT(k, 5);
	CHECK(json_is_integer(json_object_get(first, "incidents")));
	CHECK_INT(json_integer_value(json_object_get(first, "incidents")), 2);
	CHECK(json_is_real(json_object_get(first, "share")));
	CHECK_DBL(json_real_value(json_object_get(first, "share")), 0.25);
	CHECK_STR(json_string_value(json_object_get(first, "share_flag")), "unreliable");
	last = json_array_get(doc, 5);
	CHECK(json_is_null(json_object_get(last, "country")));
	CHECK_STR(json_string_value(json_object_get(last, "name")), "unknown");
	json_decref(doc);
	free(text);
	query_result_free(r);
}

static void test_json_with_meta_carries_the_period_and_counts(void)
{
	struct query_result *r = run("overview", "2024-04", NULL);
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	json_t *doc;

	query_write_json(mem, r, 1);
	fclose(mem);
	doc = json_loads(text, 0, NULL);
	CHECK(json_is_object(doc));
	CHECK_STR(json_string_value(json_object_get(doc, "query")), "overview");
	CHECK_STR(json_string_value(json_object_get(json_object_get(doc, "period"), "from")), "2024-04-01");
	CHECK_STR(json_string_value(json_object_get(json_object_get(doc, "previous"), "label")), "March 2024");
	CHECK_INT(json_integer_value(json_object_get(doc, "n")), 8);
	CHECK_INT(json_integer_value(json_object_get(doc, "left_out")), 1);
	CHECK_INT(json_integer_value(json_object_get(doc, "undated")), 1);
	CHECK(json_is_null(json_object_get(json_object_get(doc, "test"), "significant")));
	CHECK(json_is_true(json_object_get(doc, "provisional")));
	CHECK_INT(json_array_size(json_object_get(doc, "rows")), 1);
	CHECK(json_is_null(json_object_get(json_array_get(json_object_get(doc, "rows"), 0), "significant")));
	CHECK(json_is_true(json_object_get(json_array_get(json_object_get(doc, "rows"), 0), "provisional")));
	json_decref(doc);
	free(text);
	query_result_free(r);
}

int main(void)
{
	st = fixture_store();
	test_run("CSV matches the golden files", test_csv_matches_the_golden_files);
	test_run("JSON is an array of typed objects", test_json_is_an_array_of_typed_objects);
	test_run("JSON with --meta carries the period and the counts",
		 test_json_with_meta_carries_the_period_and_counts);
	test_run("CSV quotes what needs quoting and leaves NULL empty",
		 test_csv_quotes_what_needs_quoting_and_leaves_null_empty);
	test_run("JSON keeps types, nulls and share flags", test_json_types_nulls_and_share_flags);
	test_run("JSON has no share_flag without a share column",
		 test_json_has_no_share_flag_without_a_share_column);
	test_run("the table aligns numbers, marks flags and keeps a row on one line", test_table_aligns_numbers_and_marks_flags);
	test_run("the list names every query", test_the_list_names_every_query);
	store_close(st);
	return test_done();
}
