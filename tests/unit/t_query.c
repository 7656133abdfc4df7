/*
 * The named queries against a small hand-made store, every number worked
 * out by hand from the table below.
 *
 *  key  date        cc     pub kind          sector  type          affected contain  techniques (count)
 *  A1   2024-04-03  BE     yes municipality  92      ransomware    41,000   2 h      T1486 (1)
 *  A2   2024-04     NL     no                621111  denial of s.           14 h     hidden (3)
 *  A3   2024-04-15  BE,NL  yes hospital      622110  data breach   120,000  240 h    T1566, T1486 (2)
 *  A4   2024-04-20  -      ?                 -       -                      -        none (0)
 *  A5   2024-04-20  FR     no                Retail  phishing      500      0.5 h    T1566 (1)
 *  A6   2024-04-30  DE     yes (no kind)     -       ransomware    1,000    720 h    -
 *  A7   2024-04-25  LU     no                000     malware
 *  A8   2024-04-20  FR     no                retail  other
 *  Y1   2024        BE     yes municipality          ransomware               (year only)
 *  U1   (no date)   BE     no
 *  M1   2024-03-10  BE     no                        ransomware
 *  M2   2024-03     BE     yes municipality          account compromise
 *  N1   2024-02-05  NL     no                        phishing
 *  P1   2023-04-12  DE     no                        intrusion
 *  F1   2023-02-10  FR     no                        error
 *
 * Motives: A1 hidden (1), A2 and A3 "Financial". Actors: A2 none (0), A3
 * "Hacktivists". April 2024 holds A1-A8 (n = 8); Y1 overlaps it (left out);
 * U1 is undated. Row ids follow the table: A1 is 1, F1 is 15.
 *
 * Notable scores in April 2024 (rules in queries/notable.c, default
 * weights): A3 3 + log10(120,000) + 2 + 2 = 12.1, A6 3 + 3 + 2 + 2 = 10,
 * A1 3 + log10(41,000) + 2 = 9.6, A5 log10(500) + 1 = 3.7; A7 (LU) and A8
 * (FR) 1 each for a new country (FR's last incident, F1, is more than 12
 * months before; DE's, P1, is not); A2 and A4 score nothing.
 *
 * Formatting details of the outputs: t_query_output.c.
 */
#include <jansson.h>
#include <stdlib.h>

#include "test.h"
#include "queries/query.h"
#include "store/mark.h"
#include "store/store.h"

struct spec {
	const char *key;
	int y, m, d;
	const char *cc;			/* "BE,NL" */
	char pub;			/* 'y', 'n', 0 unknown */
	const char *kind, *sector, *type;
	long long affected;		/* 0 unknown */
	double contain;			/* 0 unknown */
	const char *tech, *tcount;	/* ";"-separated; count as text, NULL unknown */
	const char *motive, *mcount;
	const char *actor, *acount;
	const char *summary;
	const char *victim, *campaign;	/* NULL: the key; none */
	char veris;			/* 'v': the techniques are VERIS actions */
};

static const struct spec fixture[] = {
	{ "A1", 2024, 4, 3, "BE", 'y', "municipality", "92", "ransomware", 41000, 2,
	  "T1486 Data Encrypted for Impact", "1", NULL, "1", NULL, NULL },
	{ "A2", 2024, 4, 0, "NL", 'n', NULL, "621111", "denial of service", 0, 14,
	  NULL, "3", "Financial", "1", NULL, "0" },
	{ "A3", 2024, 4, 15, "BE,NL", 'y', "hospital", "622110", "data breach", 120000, 240,
	  "T1566 Phishing;T1486 Data Encrypted for Impact", "2", "Financial", "1", "Hacktivists", "1",
	  "Hospital \"Sint-X\" hit, data stolen" },
	{ "A4", 2024, 4, 20, NULL, 0, NULL, NULL, NULL, 0, 0, NULL, "0", NULL, NULL, NULL, NULL },
	{ "A5", 2024, 4, 20, "FR", 'n', NULL, "Retail", "phishing", 500, 0.5,
	  "T1566 Phishing", "1", NULL, NULL, NULL, NULL },
	{ "A6", 2024, 4, 30, "DE", 'y', NULL, NULL, "ransomware", 1000, 720 },
	{ "A7", 2024, 4, 25, "LU", 'n', NULL, "000", "malware" },
	{ "A8", 2024, 4, 20, "FR", 'n', NULL, "retail", "other" },
	{ "Y1", 2024, 0, 0, "BE", 'y', "municipality", NULL, "ransomware" },
	{ "U1", 0, 0, 0, "BE", 'n' },
	{ "M1", 2024, 3, 10, "BE", 'n', NULL, NULL, "ransomware" },
	{ "M2", 2024, 3, 0, "BE", 'y', "municipality", NULL, "account compromise" },
	{ "N1", 2024, 2, 5, "NL", 'n', NULL, NULL, "phishing" },
	{ "P1", 2023, 4, 12, "DE", 'n', NULL, NULL, "intrusion" },
	{ "F1", 2023, 2, 10, "FR", 'n', NULL, NULL, "error" },
};

static void add_list(struct strlist *l, const char *s, char sep)
{
	while (s && *s) {
		size_t n = strcspn(s, (char[]){ sep, '\0' });
		char *v = xstrndup(s, n);

		strlist_add_owned(l, v);
		s += n + (s[n] == sep);
	}
}

static long count_of(const char *s)
{
	long v = -1;

	if (s)
		parse_long(s, 0, 1000, &v);
	return v;
}

static struct store *build_store(const struct spec *specs, size_t n)
{
	struct store *st = NULL;
	char path[512];

	snprintf(path, sizeof(path), "%s/q.db", test_tmpdir());
	if (store_open(&st, path, STORE_WRITE) < 0) {
		test_fail(__FILE__, __LINE__, "cannot create %s", path);
		exit(1);
	}
	for (size_t i = 0; i < n; i++) {
		const struct spec *s = &specs[i];
		struct incident inc;
		enum store_put_result r;

		incident_init(&inc);
		inc.key = xstrdup(s->key);
		inc.victim = xstrdup(s->victim ? s->victim : s->key);
		inc.campaign = xstrdup_or_null(s->campaign);
		if (s->y)
			CHECK_INT(incident_set_date(&inc, s->y, s->m, s->d), 0);
		add_list(&inc.countries, s->cc, ',');
		inc.public_sector = s->pub == 'y' ? 1 : s->pub == 'n' ? 0 : -1;
		inc.public_kind = xstrdup_or_null(s->kind);
		add_list(&inc.sectors, s->sector, ';');
		inc.type = xstrdup_or_null(s->type);
		inc.affected = s->affected ? s->affected : -1;
		inc.contain_hours = s->contain ? s->contain : -1;
		add_list(&inc.techniques, s->tech, ';');
		add_list(&inc.motives, s->motive, ';');
		add_list(&inc.actors, s->actor, ';');
		inc.technique_count = count_of(s->tcount);
		inc.technique_taxonomy = s->veris == 'v' ? TAXONOMY_VERIS : TAXONOMY_ATTACK;
		inc.motive_count = count_of(s->mcount);
		inc.actor_count = count_of(s->acount);
		inc.summary = xstrdup_or_null(s->summary);
		CHECK_INT(store_put(st, &inc, &r), 0);
		incident_release(&inc);
	}
	return st;
}

static struct store *st;

static struct store *fixture_store(void)
{
	return build_store(fixture, sizeof(fixture) / sizeof(*fixture));
}

static struct query_result *run(const char *name, const char *month, const struct query_filter *base)
{
	struct query_filter f;
	struct query_result *r = NULL;

	if (base)
		f = *base;
	else
		query_filter_init(&f);
	if (month && query_period_parse_month(&f.period, month, NULL) < 0)
		test_fail(__FILE__, __LINE__, "bad month %s", month);
	if (query_run(st, query_find(name), &f, &r) < 0 || !r) {
		test_fail(__FILE__, __LINE__, "query %s failed", name);
		exit(1);
	}
	return r;
}

/* The cells of a row in one string, "BE|Belgium|2|0.25", NULL as "~". */
static const char *row_text(const struct query_result *r, size_t i)
{
	static char out[512];
	size_t o = 0;

	out[0] = '\0';
	for (size_t c = 0; c < r->columns_nr && i < r->rows_nr; c++) {
		const struct query_cell *cell = &r->rows[i].cells[c];
		int room = (int)(sizeof(out) - o);

		if (cell->null)
			o += (size_t)snprintf(out + o, (size_t)room, "%s~", c ? "|" : "");
		else if (r->columns[c].type == QUERY_TEXT)
			o += (size_t)snprintf(out + o, (size_t)room, "%s%s", c ? "|" : "", cell->s);
		else if (r->columns[c].type == QUERY_REAL)
			o += (size_t)snprintf(out + o, (size_t)room, "%s%.4g", c ? "|" : "", cell->r);
		else
			o += (size_t)snprintf(out + o, (size_t)room, "%s%lld", c ? "|" : "", cell->i);
	}
	return out;
}

#define CHECK_ROWS(r, ...) \
	do { \
		static const char *const want_[] = { __VA_ARGS__ }; \
		CHECK_INT((r)->rows_nr, sizeof(want_) / sizeof(*want_)); \
		for (size_t i_ = 0; i_ < sizeof(want_) / sizeof(*want_); i_++) \
			CHECK_STR(row_text((r), i_), want_[i_]); \
	} while (0)

static void check_meta(const struct query_result *r, long long n, long long left_out,
		       long long undated, int line)
{
	if (r->meta.n != n || r->meta.left_out != left_out || r->meta.undated != undated)
		test_fail(__FILE__, line, "%s: n %lld, left out %lld, undated %lld; expected %lld, %lld, %lld",
			  r->query->name, r->meta.n, r->meta.left_out, r->meta.undated, n, left_out, undated);
}
#define CHECK_META(r, n, l, u) check_meta(r, n, l, u, __LINE__)

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

static void test_notable_ranks_by_score_then_date_then_id(void)
{
	struct query_result *r = run("notable", "2024-04", NULL);

	CHECK_ROWS(r,
		   "1|3|2024-04-15|A3|BE,NL|data breach|12.1|0|public body (hospital); 120,000 affected; "
		   "contained after 10 days; data breach|Hospital \"Sint-X\" hit, data stolen",
		   "2|6|2024-04-30|A6|DE|ransomware|10|0|public body; 1,000 affected; "
		   "contained after 30 days; ransomware|~",
		   "3|1|2024-04-03|A1|BE|ransomware|9.6|0|public body (municipality); 41,000 affected; "
		   "ransomware|~",
		   "4|5|2024-04-20|A5|FR|phishing|3.7|0|500 affected; first in France for 12 months|~",
		   "5|7|2024-04-25|A7|LU|malware|1|0|first in Luxembourg for 12 months|~",
		   "6|8|2024-04-20|A8|FR|other|1|0|first in France for 12 months|~");
	query_result_free(r);
}

/*
 * Only incidents that can still make the list have their countries read
 * (notable.c, settled). With --limit 1, B2 scores 2 before the
 * country rule and B1 3; B2's new country (LU) brings it level and its
 * later date puts it first, so it must not be cut for being a point short.
 */
static void test_notable_reads_the_countries_of_all_that_can_still_win(void)
{
	static const struct spec specs[] = {
		{ "B0", 2025, 1, 5, "DE", 'n' },
		{ "B1", 2025, 3, 10, "DE", 'y' },
		{ "B2", 2025, 3, 20, "LU", 'n', NULL, NULL, "ransomware" },
		{ "B3", 2025, 3, 25, "FR", 'n' },
	};
	struct store *main_store = st;
	struct query_filter f;
	struct query_result *r;

	st = build_store(specs, sizeof(specs) / sizeof(*specs));
	query_filter_init(&f);
	query_period_parse_month(&f.period, "2025-03", NULL);
	f.limit = 1;
	r = run("notable", NULL, &f);
	CHECK_ROWS(r, "1|3|2025-03-20|B2|LU|ransomware|3|0|ransomware; first in Luxembourg for 12 months|~");
	query_result_free(r);
	f.limit = 3;
	r = run("notable", NULL, &f);
	CHECK_INT(r->rows_nr, 3);
	CHECK_STR(row_text(r, 2), "3|4|2025-03-25|B3|FR|~|1|0|first in France for 12 months|~");
	query_result_free(r);
	store_close(st);
	st = main_store;
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

/* Runs notable over `specs` in March 2025 with `limit` rows and weights `w` (NULL: defaults). */
static struct query_result *notable_of(const struct spec *specs, size_t n, long limit,
				       const struct notable_weights *w)
{
	struct store *main_store = st;
	struct query_filter f;
	struct query_result *r;

	st = build_store(specs, n);
	query_filter_init(&f);
	query_period_parse_month(&f.period, "2025-03", NULL);
	f.limit = limit;
	f.weights = w;
	r = run("notable", NULL, &f);
	store_close(st);
	st = main_store;
	return r;
}

#define NOTABLE_OF(specs, limit, w) notable_of((specs), sizeof(specs) / sizeof(*(specs)), (limit), (w))

/*
 * June 2013 of VCDB left out Facebook's 6,000,000 exposed records behind
 * public bodies whose impact is not known: impact counts per power of ten.
 */
static void test_notable_a_large_impact_beats_a_public_body_of_unknown_impact(void)
{
	static const struct spec specs[] = {
		{ "C0", 2024, 3, 1, "US", 'n' },	/* US is not new in March 2025 */
		{ "C1", 2025, 3, 20, "US", 'y', "police" },
		{ "C2", 2025, 3, 10, "US", 'n', NULL, NULL, "error", 6000000 },
		{ "C3", 2025, 3, 21, "US", 'y', "government agency", NULL, NULL, 100 },
	};
	struct query_result *r = NOTABLE_OF(specs, 3, NULL);

	CHECK_ROWS(r, "1|3|2025-03-10|C2|US|error|6.8|0|6,000,000 affected|~",
		   "2|4|2025-03-21|C3|US|~|5|0|public body (government agency); 100 affected|~",
		   "3|2|2025-03-20|C1|US|~|3|0|public body (police)|~");
	query_result_free(r);
}

/*
 * One victim (however its name is spelt) and one campaign take one slot,
 * the best-ranked of theirs; an unknown victim is no victim.
 */
static void test_notable_gives_one_slot_per_victim_and_campaign(void)
{
	static const struct spec specs[] = {
		{ "D1", 2025, 3, 1, "US", 'y', .victim = "Facebook Inc", .affected = 1000 },
		{ "D2", 2025, 3, 2, "US", 'y', .victim = "facebook, inc.", .affected = 100000 },
		{ "D3", 2025, 3, 3, "US", 'y', .victim = "Town A", .campaign = "X", .affected = 10 },
		{ "D4", 2025, 3, 4, "US", 'y', .victim = "Town B", .campaign = "X", .affected = 100 },
		{ "D5", 2025, 3, 5, "US", 'y', .victim = "Unknown" },
		{ "D6", 2025, 3, 6, "US", 'y', .victim = "unknown" },
	};
	struct query_result *r = NOTABLE_OF(specs, 10, NULL);

	CHECK_INT(r->rows_nr, 4);
	CHECK_STR(query_cell(r, 0, "victim")->s, "facebook, inc.");
	CHECK_STR(query_cell(r, 1, "victim")->s, "Town B");
	CHECK_STR(query_cell(r, 2, "victim")->s, "unknown");
	CHECK_STR(query_cell(r, 3, "victim")->s, "Unknown");
	query_result_free(r);
}

/*
 * Thirty incidents of one victim outrank the only other one: the other
 * still gets the second slot, however many reads that takes.
 */
static void test_notable_reads_past_a_victim_that_fills_the_top(void)
{
	struct spec specs[31];
	char keys[31][16];	/* room for any int: the asan build checks */
	struct query_result *r;

	for (int i = 0; i < 31; i++) {
		snprintf(keys[i], sizeof(keys[i]), "E%d", i);
		specs[i] = (struct spec){ keys[i], 2025, 3, 1 + i % 28, "US", 'y', .victim = "Same",
					  .affected = 1000 };
	}
	specs[30].victim = "Other";
	specs[30].pub = 'n';
	r = notable_of(specs, 31, 2, NULL);
	CHECK_INT(r->rows_nr, 2);
	CHECK_STR(query_cell(r, 0, "victim")->s, "Same");
	CHECK_STR(query_cell(r, 1, "victim")->s, "Other");
	query_result_free(r);
}

/* The weights a template gives change the order; a rule weighed 0 gives no reason. */
static void test_notable_weights_change_the_order(void)
{
	static const struct spec specs[] = {
		{ "C0", 2024, 3, 1, "US", 'n' },
		{ "C1", 2025, 3, 20, "US", 'y', "police" },
		{ "C2", 2025, 3, 10, "US", 'n', NULL, NULL, "error", 6000000 },
	};
	struct notable_weights w;
	struct query_result *r;

	notable_weights_default(&w);
	w.public_body = 10;
	r = NOTABLE_OF(specs, 3, &w);
	CHECK_ROWS(r, "1|2|2025-03-20|C1|US|~|10|0|public body (police)|~",
		   "2|3|2025-03-10|C2|US|error|6.8|0|6,000,000 affected|~");
	query_result_free(r);
	w.public_body = 0;
	r = NOTABLE_OF(specs, 3, &w);
	CHECK_ROWS(r, "1|3|2025-03-10|C2|US|error|6.8|0|6,000,000 affected|~");
	query_result_free(r);
}

static void test_marks_pin_and_ignore_and_clear(void)
{
	struct query_filter f;
	struct query_result *r;
	const char *mark = "x";
	long long id = 0;

	CHECK_INT(store_mark(st, "A3", "ignore", &id), 1);
	CHECK_INT(id, 3);
	CHECK_INT(store_mark(st, "2", "notable", NULL), 1);
	CHECK_INT(store_mark_get(st, "A2", &mark), 1);
	CHECK_STR(mark, "notable");
	query_filter_init(&f);
	query_period_parse_month(&f.period, "2024-04", NULL);
	f.limit = 3;
	r = run("notable", NULL, &f);
	CHECK_ROWS(r, "1|2|2024-04|A2|NL|denial of service|0|1|pinned by an analyst|~",
		   "2|6|2024-04-30|A6|DE|ransomware|10|0|public body; 1,000 affected; "
		   "contained after 30 days; ransomware|~",
		   "3|1|2024-04-03|A1|BE|ransomware|9.6|0|public body (municipality); 41,000 affected; "
		   "ransomware|~");
	query_result_free(r);
	CHECK_INT(store_mark(st, "A3", NULL, NULL), 1);
	CHECK_INT(store_mark(st, "A2", NULL, NULL), 1);
	CHECK_INT(store_mark_get(st, "A2", &mark), 1);
	CHECK_NULL(mark);
	r = run("notable", NULL, &f);
	CHECK_INT(r->rows_nr, 3);
	CHECK_STR(query_cell(r, 0, "victim")->s, "A3");
	query_result_free(r);
}

static void test_marking_a_missing_incident_or_with_a_bad_word_fails(void)
{
	const char *mark;

	CHECK_INT(store_mark(st, "nope", "notable", NULL), 0);
	CHECK_INT(store_mark(st, "999", "ignore", NULL), 0);
	CHECK_INT(store_mark(st, "A1", "important", NULL), -1);
	CHECK_INT(store_mark_get(st, "nope", &mark), 0);
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
	test_run("notable ranks by score, then date, then id", test_notable_ranks_by_score_then_date_then_id);
	test_run("notable: a large impact beats a public body of unknown impact",
		 test_notable_a_large_impact_beats_a_public_body_of_unknown_impact);
	test_run("notable gives one slot per victim and campaign",
		 test_notable_gives_one_slot_per_victim_and_campaign);
	test_run("notable reads past a victim that fills the top",
		 test_notable_reads_past_a_victim_that_fills_the_top);
	test_run("notable weights change the order", test_notable_weights_change_the_order);
	test_run("notable reads the countries of all that can still win",
		 test_notable_reads_the_countries_of_all_that_can_still_win);
	test_run("CSV matches the golden files", test_csv_matches_the_golden_files);
	test_run("JSON is an array of typed objects", test_json_is_an_array_of_typed_objects);
	test_run("JSON with --meta carries the period and the counts",
		 test_json_with_meta_carries_the_period_and_counts);
	test_run("marks pin, ignore and clear", test_marks_pin_and_ignore_and_clear);
	test_run("marking a missing incident or with a bad word fails",
		 test_marking_a_missing_incident_or_with_a_bad_word_fails);
	store_close(st);
	return test_done();
}
