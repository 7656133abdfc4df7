/*
 * Counts and periods of the named queries against the hand-made store of
 * query_fixture.h, every number worked out by hand from its table.
 */
#include "query_fixture.h"


static void test_by_country_counts_each_listed_country_and_unknown_last(void)
{
	struct query_result *r = run("by-country", "2024-04", NULL);

	CHECK_META(r, 8, 1, 1);
	CHECK_ROWS(r, "BE|Belgium|2|0.25", "FR|France|2|0.25", "NL|Netherlands|2|0.25",
		   "DE|Germany|1|0.125", "LU|Luxembourg|1|0.125", "~|unknown|1|0.125");
	for (size_t i = 0; i < r->rows_nr; i++)
		CHECK_INT(r->rows[i].flag, SHARE_UNRELIABLE);
	CHECK_STR(r->meta.period.label, "April 2024");
	CHECK_STR(r->meta.previous.label, "March 2024");
	CHECK_INT(query_column_index(r, "share"), 3);
	CHECK_INT(query_column_index(r, "nope"), -1);
	CHECK_STR(query_cell(r, 1, "country")->s, "FR");
	CHECK_NULL(query_cell(r, 6, "country"));
	query_result_free(r);
}

static void test_by_type_adds_up_to_n_with_an_unknown_row(void)
{
	struct query_result *r = run("by-type", "2024-04", NULL);

	CHECK_ROWS(r, "ransomware|2|0.25", "data breach|1|0.125", "denial of service|1|0.125",
		   "malware|1|0.125", "other|1|0.125", "phishing|1|0.125", "~|1|0.125");
	query_result_free(r);
}

static void test_by_sector_lists_public_kinds_apart_then_sectors(void)
{
	struct query_result *r = run("by-sector", "2024-04", NULL);

	CHECK_ROWS(r, "public: hospital|public: hospital|1|1|0.125",
		   "public: municipality|public: municipality|1|1|0.125",
		   "public: public body|public: public body|1|1|0.125",
		   "Retail|Retail|0|2|0.25",
		   "62|Health care and social assistance|0|1|0.125",
		   "~|~|0|2|0.25");
	query_result_free(r);
}

static void test_public_sector_gives_three_rows_with_wilson_intervals(void)
{
	struct query_result *r = run("public-sector", "2024-04", NULL);

	/* Intervals from the Wilson formula, checked in t_query_stats.c. */
	CHECK_ROWS(r, "public|3|0.375|0.1368|0.6943|8", "other|4|0.5|0.2152|0.7848|8",
		   "~|1|0.125|0.02242|0.4709|8");
	CHECK_INT(r->rows[0].flag, SHARE_UNRELIABLE);
	query_result_free(r);
}

static void test_public_kinds_suppress_shares_under_five(void)
{
	struct query_result *r = run("public-kinds", "2024-04", NULL);

	/* n is the 3 public victims; Y1 (public, 2024 only) is left out; U1 is not public. */
	CHECK_META(r, 3, 1, 0);
	CHECK_ROWS(r, "hospital|1|~", "municipality|1|~", "~|1|~");
	CHECK_INT(r->rows[0].flag, SHARE_SUPPRESSED);
	query_result_free(r);
}

static void test_public_kinds_count_the_whole_period_apart(void)
{
	struct query_result *r = run("public-kinds", "2024-04", NULL);
	struct query_result *o = run("overview", "2024-04", NULL);
	struct query_filter f;

	/* n is the public victims; whole every incident of the period. */
	CHECK_INT(r->meta.n, 3);
	CHECK_INT(r->meta.whole, o->meta.n);
	CHECK(r->meta.whole > r->meta.n);
	/* Queries that do not narrow have whole = n. */
	CHECK_INT(o->meta.whole, o->meta.n);
	query_result_free(r);
	/* Asked for public bodies only, the whole is theirs too. */
	query_filter_init(&f);
	f.public_only = 1;
	r = run("public-kinds", "2024-04", &f);
	CHECK_INT(r->meta.whole, 3);
	query_result_free(r);
	query_result_free(o);
}

static void test_response_time_buckets_median_and_p90(void)
{
	struct query_result *r = run("response-time", "2024-04", NULL);

	/* Known: 0.5, 2, 14, 240, 720. p90 = 240 + 0.6 * 480 (type 7). */
	CHECK_ROWS(r, "up to 1 h|~|1|1|0.125", "1-24 h|1|24|2|0.25", "1-7 d|24|168|0|0",
		   "7-30 d|168|720|2|0.25", "over 30 d|720|~|0|0", "~|~|~|3|0.375");
	CHECK_DBL(query_figure(r, "known")->value, 5);
	CHECK_DBL(query_figure(r, "median_hours")->value, 14);
	CHECK_DBL(query_figure(r, "p90_hours")->value, 528);
	CHECK_NULL(query_figure(r, "mean_hours"));
	query_result_free(r);
}

static void test_techniques_count_values_hidden_none_and_unknown(void)
{
	struct query_result *r = run("techniques", "2024-04", NULL);

	CHECK_ROWS(r, "T1486 Data Encrypted for Impact|value|2|0.25|attack",
		   "T1566 Phishing|value|2|0.25|attack",
		   "~|hidden|1|0.125|~", "~|none|1|0.125|~", "~|unknown|3|0.375|~");
	CHECK_STR(query_taxonomy_label(r, NULL), "MITRE ATT&CK");
	CHECK_DBL(query_figure(r, "with_values")->value, 3);
	CHECK_DBL(query_figure(r, "values")->value, 2);
	query_result_free(r);
}

static void test_motives_and_actors_and_the_limit(void)
{
	struct query_filter f;
	struct query_result *r = run("motives", "2024-04", NULL);

	CHECK_ROWS(r, "Financial|value|2|0.25", "~|hidden|1|0.125", "~|unknown|5|0.625");
	query_result_free(r);
	r = run("actors", "2024-04", NULL);
	CHECK_ROWS(r, "Hacktivists|value|1|0.125", "~|none|1|0.125", "~|unknown|6|0.75");
	query_result_free(r);
	query_filter_init(&f);
	f.limit = 1;
	r = run("techniques", "2024-04", &f);
	CHECK_ROWS(r, "T1486 Data Encrypted for Impact|value|2|0.25|attack", "~|hidden|1|0.125|~",
		   "~|none|1|0.125|~", "~|unknown|3|0.375|~");
	CHECK_DBL(query_figure(r, "values")->value, 2);
	query_result_free(r);
}

static void test_overview_compares_with_the_previous_month(void)
{
	struct query_result *r = run("overview", "2024-04", NULL);

	/* p: exact binomial sum, 8 in 30 days against 2 in 31 (Python, fractions). */
	/* April 2024 is the store's newest month: provisional, so no verdict. */
	CHECK_ROWS(r, "April 2024|8|March 2024|2|6|300|0.06142|~|5|3|0.375|1|8|1");
	CHECK_INT(r->meta.has_test, 1);
	CHECK_INT(r->meta.k1, 8);
	CHECK_INT(r->meta.k2, 2);
	CHECK_DBL(r->meta.t1, 30);
	CHECK_DBL(r->meta.t2, 31);
	CHECK(r->meta.p_value > 0.0614245 && r->meta.p_value < 0.0614246);
	query_result_free(r);
}

static void test_a_year_only_incident_counts_in_its_year_not_its_quarter(void)
{
	struct query_filter f;
	struct query_result *r;

	query_filter_init(&f);
	query_period_parse_year(&f.period, "2024");
	r = run("overview", NULL, &f);
	/*
	 * A1-A8, Y1, M1, M2, N1 against P1, F1. The data ends with April 2024,
	 * so 2024 is not over: it is set against the same stretch of 2023,
	 * 1 January to 30 April (121 days against 120), not the whole year.
	 */
	CHECK_ROWS(r, "2024|12|2023-01-01 to 2023-04-30|2|10|500|0.01295|~|5|5|0.4167|0|12|1");
	CHECK_DBL(r->meta.t1, 121);
	CHECK_DBL(r->meta.t2, 120);
	query_result_free(r);
	/* Q2 2024 holds April only: against the first 30 days of Q1. */
	query_period_parse_quarter(&f.period, "2024-Q2");
	r = run("overview", NULL, &f);
	CHECK_META(r, 8, 1, 1);
	CHECK_STR(r->meta.previous.label, "2024-01-01 to 2024-01-30");
	CHECK_INT(r->meta.k2, 0);
	query_result_free(r);
	/* A period the data covers whole is compared whole. */
	query_period_parse_year(&f.period, "2023");
	r = run("overview", NULL, &f);
	CHECK_STR(r->meta.period.label, "2023");
	CHECK_STR(r->meta.previous.label, "2022");
	CHECK_DBL(r->meta.t1, 365);
	query_result_free(r);
}

static void test_by_month_gives_every_month_and_the_year_before(void)
{
	struct query_filter f;
	struct query_result *r;

	query_filter_init(&f);
	query_period_parse_year(&f.period, "2024");
	r = run("by-month", NULL, &f);
	/*
	 * Y1 is in 2024 but in no month: out of n, into left_out. The store's
	 * newest month is 2024-04: the months after it are unknown (~), not 0.
	 */
	CHECK_META(r, 11, 1, 1);
	CHECK_ROWS(r, "2024-01|0|0", "2024-02|1|1", "2024-03|2|0", "2024-04|8|1", "2024-05|~|0",
		   "2024-06|~|0", "2024-07|~|0", "2024-08|~|0", "2024-09|~|0", "2024-10|~|0",
		   "2024-11|~|0", "2024-12|~|0");
	query_result_free(r);
	r = run("by-month", "2024-04", NULL);
	CHECK_META(r, 8, 1, 1);
	CHECK_ROWS(r, "2024-04|8|1");
	query_result_free(r);
}

static void test_by_month_over_all_dates_spans_the_data(void)
{
	struct query_result *r = run("by-month", NULL, NULL);

	CHECK_INT(r->rows_nr, 15);	/* 2023-02 .. 2024-04 */
	CHECK_STR(row_text(r, 0), "2023-02|1|0");
	CHECK_STR(row_text(r, 14), "2024-04|8|1");
	CHECK_META(r, 13, 1, 1);
	query_result_free(r);
}

static void test_a_range_leaves_out_the_months_it_cuts(void)
{
	struct query_filter f;
	struct query_result *r;

	query_filter_init(&f);
	CHECK_INT(query_period_range(&f.period, "2024-04-10", "2024-04-30"), 0);
	r = run("overview", NULL, &f);
	/* In: A3-A8. Out: A2 (April, day unknown) and Y1. Before: 21 days to 04-09 hold A1;
	 * M2 (March) crosses 03-20 and is not counted. */
	CHECK_META(r, 6, 2, 1);
	CHECK_STR(r->meta.previous.label, "2024-03-20 to 2024-04-09");
	CHECK_INT(r->meta.k2, 1);
	query_result_free(r);
}

static void test_the_empty_period_gives_zeros_not_errors(void)
{
	struct query_result *r = run("overview", "2010-01", NULL);

	CHECK_ROWS(r, "January 2010|0|December 2009|0|0|~|1|0|0|0|~|0|0|0");
	CHECK_INT(r->rows[0].flag, SHARE_SUPPRESSED);
	query_result_free(r);
	r = run("by-country", "2010-01", NULL);
	CHECK_META(r, 0, 0, 1);
	CHECK_INT(r->rows_nr, 0);
	query_result_free(r);
	r = run("public-sector", "2010-01", NULL);
	CHECK_ROWS(r, "public|0|~|~|~|0", "other|0|~|~|~|0", "~|0|~|~|~|0");
	query_result_free(r);
	r = run("response-time", "2010-01", NULL);
	CHECK_INT(r->rows_nr, 6);
	CHECK_INT(query_figure(r, "median_hours")->null, 1);
	query_result_free(r);
	r = run("by-month", "2010-01", NULL);
	CHECK_ROWS(r, "2010-01|0|0");
	query_result_free(r);
	r = run("techniques", "2010-01", NULL);
	CHECK_INT(r->rows_nr, 0);
	query_result_free(r);
}

static void test_filters_restrict_every_count(void)
{
	struct strlist cc = STRLIST_INIT;
	struct query_filter f;
	struct query_result *r;

	query_filter_init(&f);
	query_period_parse_month(&f.period, "2024-04", NULL);
	strlist_add(&cc, "BE");
	strlist_add(&cc, "FR");
	f.countries = &cc;
	r = run("by-country", NULL, &f);
	/* A1, A3, A5, A8; A3 brings NL along. Left out: Y1 (BE). Undated: U1 (BE). */
	CHECK_META(r, 4, 1, 1);
	CHECK_ROWS(r, "BE|Belgium|2|~", "FR|France|2|~", "NL|Netherlands|1|~");
	query_result_free(r);
	f.countries = NULL;
	f.type = "ransomware";
	r = run("overview", NULL, &f);
	CHECK_META(r, 2, 1, 0);
	CHECK_INT(r->meta.k2, 1);	/* M1 */
	query_result_free(r);
	f.type = NULL;
	f.sector = "62";
	r = run("by-type", NULL, &f);
	CHECK_ROWS(r, "data breach|1|~", "denial of service|1|~");
	query_result_free(r);
	f.sector = "RETAIL";
	r = run("by-type", NULL, &f);
	CHECK_ROWS(r, "other|1|~", "phishing|1|~");
	query_result_free(r);
	f.sector = NULL;
	f.public_only = 1;
	r = run("by-country", NULL, &f);
	CHECK_META(r, 3, 1, 0);
	query_result_free(r);
	strlist_release(&cc);
}

static void test_latest_month_follows_the_filter_and_ignores_year_only_dates(void)
{
	struct strlist cc = STRLIST_INIT;
	struct query_filter f;
	struct query_period p;

	query_filter_init(&f);
	CHECK_INT(query_latest_month(st, &f, &p), 1);
	CHECK_STR(p.label, "April 2024");
	f.type = "error";
	CHECK_INT(query_latest_month(st, &f, &p), 1);
	CHECK_STR(p.label, "February 2023");
	f.type = "account compromise";
	CHECK_INT(query_latest_month(st, &f, &p), 1);
	CHECK_STR(p.label, "March 2024");
	f.type = NULL;
	strlist_add(&cc, "JP");
	f.countries = &cc;
	CHECK_INT(query_latest_month(st, &f, &p), 0);
	CHECK_STR(p.label, "March 2024");	/* untouched */
	strlist_release(&cc);
}

static void test_the_catalog_has_every_query_of_the_issue(void)
{
	static const char *const names[] = {
		"overview", "by-country", "by-sector", "by-type", "by-month", "public-sector",
		"public-kinds", "response-time", "techniques", "motives", "actors", "notable",
	};

	CHECK_INT(query_catalog_nr, sizeof(names) / sizeof(*names));
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		const struct query *q = query_find(names[i]);

		CHECK(q != NULL);
		if (q)
			CHECK(q->description && q->columns_nr && q->sql && q->sql[0]);
	}
	CHECK_NULL(query_find("by-planet"));
	CHECK(query_type_known("ransomware"));
	CHECK(!query_type_known("Ransomware"));
}

/*
 * A period with both taxonomies counts each value within its own and says
 * which per row; the label names both. A VERIS action is never taken for
 * an ATT&CK technique, even one of the same name.
 */
static void test_techniques_keep_each_value_in_its_taxonomy(void)
{
	static const struct spec specs[] = {
		{ "V1", 2025, 3, 1, "US", .tech = "Misuse: Privilege abuse;Phishing", .veris = 'v' },
		{ "V2", 2025, 3, 2, "US", .tech = "Misuse: Privilege abuse", .veris = 'v' },
		{ "T1", 2025, 3, 3, "BE", .tech = "T1078 Valid Accounts;Phishing" },
	};
	struct store *main_store = st;
	struct query_result *r;
	int mixed = 0;

	st = build_store(specs, sizeof(specs) / sizeof(*specs));
	r = run("techniques", "2025-03", NULL);
	CHECK_ROWS(r, "Misuse: Privilege abuse|value|2|~|veris", "Phishing|value|1|~|attack",
		   "T1078 Valid Accounts|value|1|~|attack", "Phishing|value|1|~|veris");
	CHECK_STR(query_taxonomy_label(r, &mixed), "MITRE ATT&CK, VERIS");
	CHECK_INT(mixed, 1);
	CHECK_STR(query_row_taxonomy(r, 0), "VERIS");
	CHECK_STR(query_row_taxonomy(r, 1), "MITRE ATT&CK");
	query_result_free(r);
	r = run("techniques", "2025-03", NULL);
	r->rows_nr = 1;	/* as if only the VERIS row were there */
	CHECK_STR(query_taxonomy_label(r, &mixed), "VERIS");
	CHECK_INT(mixed, 0);
	r->rows_nr = 4;
	query_result_free(r);
	r = run("motives", "2025-03", NULL);
	CHECK_NULL(query_taxonomy_label(r, NULL));	/* no taxonomy column */
	query_result_free(r);
	store_close(st);
	st = main_store;
}

static void test_the_catalog_carries_each_querys_traits(void)
{
	size_t timelines = 0;

	for (size_t i = 0; i < query_catalog_nr; i++)
		timelines += query_catalog[i]->timeline;
	CHECK_INT(timelines, 1);
	CHECK_INT(query_by_month.timeline, 1);
	CHECK_INT(query_by_month.key, QUERY_KEY_MONTH);
	CHECK_INT(query_by_country.key, QUERY_KEY_COUNTRY);
	CHECK_INT(query_public_sector.key, QUERY_KEY_PUBLIC_GROUP);
	CHECK_INT(query_notable.key, QUERY_KEY_INCIDENT);
	CHECK_INT(query_techniques.key, QUERY_KEY_VALUE);
	CHECK_INT(query_overview.attached && query_public_sector.attached && query_notable.attached, 1);
	CHECK_INT(query_by_type.attached, 0);
	CHECK_INT(query_notable.uses_limit && query_actors.uses_limit && !query_by_type.uses_limit, 1);
	CHECK(query_find("by-month") == &query_by_month);
}

struct listed {
	char keys[16][8];
	int n;
};

static int collect(const struct incident *inc, void *arg)
{
	struct listed *l = arg;

	if (l->n < 16)
		snprintf(l->keys[l->n], sizeof(l->keys[0]), "%s", inc->key);
	l->n++;
	return 0;
}

/* The number list gives for filter `f`, and overview's n for the same filter. */
static void check_list_counts_as_overview(const struct query_filter *f, int line)
{
	struct listed l = { .n = 0 };
	struct query_result *r = NULL;

	CHECK_INT(query_list(st, f, 0, collect, &l), 0);
	CHECK_INT(query_run(st, query_find("overview"), f, &r), 0);
	if (r && l.n != r->meta.n)
		test_fail(__FILE__, line, "%s: list gives %d, overview %lld", f->period.label, l.n,
			  r->meta.n);
	query_result_free(r);
}

static void test_list_lists_what_the_queries_count(void)
{
	struct query_filter f;
	struct strlist be = STRLIST_INIT;
	struct listed l = { .n = 0 };
	static const char *const months[] = { "2024-04", "2024-03", "2024-02", "2023-04" };

	query_filter_init(&f);
	for (size_t i = 0; i < sizeof(months) / sizeof(*months); i++) {
		query_period_parse_month(&f.period, months[i], NULL);
		check_list_counts_as_overview(&f, __LINE__);
	}
	query_period_parse_year(&f.period, "2024");
	check_list_counts_as_overview(&f, __LINE__);
	query_period_parse_quarter(&f.period, "2024-Q2");	/* Y1, known to 2024 only, is not in it */
	check_list_counts_as_overview(&f, __LINE__);
	query_period_range(&f.period, "2024-03-10", "2024-04-15");
	check_list_counts_as_overview(&f, __LINE__);
	strlist_add(&be, "BE");
	f.countries = &be;
	f.public_only = 1;
	query_period_parse_month(&f.period, "2024-04", NULL);
	check_list_counts_as_overview(&f, __LINE__);

	/* Without a period every incident is listed, newest first, the undated last. */
	query_filter_init(&f);
	CHECK_INT(query_list(st, &f, 0, collect, &l), 0);
	CHECK_INT(l.n, 15);
	CHECK_STR(l.keys[0], "A6");
	CHECK_STR(l.keys[14], "U1");
	l.n = 0;
	CHECK_INT(query_list(st, &f, 2, collect, &l), 0);
	CHECK_INT(l.n, 2);
	strlist_release(&be);
}

int main(void)
{
	st = fixture_store();
	test_run("the catalog carries each query's traits", test_the_catalog_carries_each_querys_traits);
	test_run("list lists what the queries count", test_list_lists_what_the_queries_count);
	test_run("by-country counts each listed country, unknown last",
		 test_by_country_counts_each_listed_country_and_unknown_last);
	test_run("by-type adds up to n with an unknown row", test_by_type_adds_up_to_n_with_an_unknown_row);
	test_run("by-sector lists public kinds apart, then sectors, unknown last",
		 test_by_sector_lists_public_kinds_apart_then_sectors);
	test_run("public-sector gives three rows with Wilson intervals",
		 test_public_sector_gives_three_rows_with_wilson_intervals);
	test_run("public-kinds suppress shares under five", test_public_kinds_suppress_shares_under_five);
	test_run("public-kinds count the whole period apart from the public bodies",
		 test_public_kinds_count_the_whole_period_apart);
	test_run("response-time gives buckets, median and p90", test_response_time_buckets_median_and_p90);
	test_run("techniques count values, hidden, none and unknown",
		 test_techniques_count_values_hidden_none_and_unknown);
	test_run("motives, actors, and --limit on the values", test_motives_and_actors_and_the_limit);
	test_run("techniques keep each value in its taxonomy", test_techniques_keep_each_value_in_its_taxonomy);
	test_run("overview compares with the previous month", test_overview_compares_with_the_previous_month);
	test_run("a year-only incident counts in its year, not its quarter",
		 test_a_year_only_incident_counts_in_its_year_not_its_quarter);
	test_run("by-month gives every month and the year before",
		 test_by_month_gives_every_month_and_the_year_before);
	test_run("by-month over all dates spans the data", test_by_month_over_all_dates_spans_the_data);
	test_run("a range leaves out the months it cuts", test_a_range_leaves_out_the_months_it_cuts);
	test_run("the empty period gives zeros, not errors", test_the_empty_period_gives_zeros_not_errors);
	test_run("filters restrict every count", test_filters_restrict_every_count);
	test_run("--month latest follows the filter and ignores year-only dates",
		 test_latest_month_follows_the_filter_and_ignores_year_only_dates);
	test_run("the catalog has every query of the issue", test_the_catalog_has_every_query_of_the_issue);
	store_close(st);
	return test_done();
}
