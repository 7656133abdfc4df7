/*
 * charts/fromquery.c: query results built by hand with the catalog's own
 * queries, turned into chart data and checked field by field (labels,
 * values, flags, markers, interval, comparison, tiles), the kinds each
 * query takes or refuses, and the empty chart's message (two drawn and
 * checked by their pixels: t_fromquery_drawn.c).
 */
#include <fontconfig/fontconfig.h>
#include <math.h>

#include "fromquery_fixture.h"
#include "charts/palette.h"
#include "lang/lang.h"

/* ---- Kinds ------------------------------------------------------------ */

static void each_query_has_its_default_kind(void)
{
	static const struct {
		const char *query;
		int kind;
	} want[] = {
		{ "overview", CHART_KPI }, { "by-country", CHART_BAR }, { "by-sector", CHART_BAR },
		{ "by-type", CHART_BAR }, { "by-month", CHART_COLUMN },
		{ "public-sector", CHART_DONUT }, { "public-kinds", CHART_BAR },
		{ "response-time", CHART_DISTRIBUTION }, { "techniques", CHART_BAR },
		{ "motives", CHART_BAR }, { "actors", CHART_BAR }, { "notable", -1 },
	};

	CHECK_INT(sizeof(want) / sizeof(*want), query_catalog_nr);
	for (size_t i = 0; i < sizeof(want) / sizeof(*want); i++)
		CHECK_INT(query_chart_default_kind(query_find(want[i].query)), want[i].kind);
	CHECK_INT(query_chart_default_kind(NULL), -1);
	CHECK(query_chart_can_draw(query_find("by-country"), CHART_MAP));
	CHECK(query_chart_can_draw(query_find("by-month"), CHART_LINE));
	CHECK(query_chart_can_draw(query_find("public-sector"), CHART_SHARE_BAR));
	CHECK(query_chart_can_draw(query_find("response-time"), CHART_BAR));
	CHECK(query_chart_can_draw(query_find("by-type"), -1));
	CHECK(!query_chart_can_draw(query_find("by-type"), CHART_MAP));
	CHECK(!query_chart_can_draw(query_find("by-month"), CHART_STACKED));
	CHECK(!query_chart_can_draw(query_find("overview"), CHART_BAR));
	CHECK(!query_chart_can_draw(query_find("notable"), -1));
	CHECK(!query_chart_can_draw(query_find("by-type"), CHART_KIND_NR));
}

static void a_kind_the_query_cannot_take_is_refused(void)
{
	static const struct {
		const char *query;
		int kind;
	} refused[] = {
		{ "by-month", CHART_MAP }, { "by-type", CHART_DONUT }, { "overview", CHART_BAR },
		{ "by-country", CHART_LINE }, { "response-time", CHART_COLUMN },
		{ "by-sector", CHART_KIND_NR }, { "notable", -1 }, { "notable", CHART_BAR },
	};

	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++) {
		struct query_result *r = result(refused[i].query, 0);
		struct query_chart qc;

		fprintf(stderr, "# expected: ");
		CHECK_INT(query_chart_init(&qc, r, refused[i].kind, NULL, NULL), -1);
		/* Released: nothing to free, nothing to draw. */
		CHECK_NULL(qc.labels);
		CHECK_INT(qc.strings_nr, 0);
		CHECK_INT(qc.data.nr, 0);
		query_result_free(r);
	}
}

static void an_empty_result_is_an_empty_chart(void)
{
	for (size_t i = 0; i < query_catalog_nr; i++) {
		const struct query *q = query_catalog[i];

		for (int k = 0; k < CHART_KIND_NR; k++) {
			struct query_result *r;
			struct query_chart qc;

			if (!query_chart_can_draw(q, k))
				continue;
			r = result(q->name, 0);
			CHECK_INT(query_chart_init(&qc, r, k, NULL, NULL), 0);
			CHECK_INT(qc.kind, k);
			CHECK_INT(qc.data.n, 0);
			query_chart_release(&qc);
			query_result_free(r);
		}
	}
}

/* ---- Bars ------------------------------------------------------------- */

static void by_country_bars_are_names_counts_and_flags(void)
{
	struct query_result *r = result("by-country", 12);
	struct query_chart qc;

	country(r, "BE", 7);
	country(r, "NL", 3);
	country(r, NULL, 2);
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	query_result_free(r);	/* the chart owns what it shows */
	CHECK_INT(qc.kind, CHART_BAR);
	CHECK_STR(qc.data.title, "Incidents by victim country");
	CHECK_STR(qc.data.subtitle, "April 2024");
	CHECK_INT(qc.data.n, 12);
	CHECK_INT(qc.data.nr, 3);
	CHECK_INT(qc.data.series_nr, 1);
	CHECK(qc.data.show_share);
	CHECK_STR(qc.data.labels[0], "Belgium");
	CHECK_STR(qc.data.labels[1], "Netherlands");
	CHECK_STR(qc.data.labels[2], "unknown");
	CHECK_DBL(qc.data.series[0].values[0], 7);
	CHECK_DBL(qc.data.series[0].values[1], 3);
	CHECK_DBL(qc.data.series[0].values[2], 2);
	/* Shares over 12: unreliable, on every row. */
	for (int i = 0; i < 3; i++)
		CHECK_INT(qc.data.flags[i], CHART_UNRELIABLE);
	CHECK(qc.data.note != NULL);
	query_chart_release(&qc);

	r = result("by-type", 3);
	keyed(r, "type", "ransomware", 3);
	CHECK_INT(query_chart_init(&qc, r, CHART_BAR, "My title", NULL), 0);
	CHECK_STR(qc.data.title, "My title");
	CHECK_INT(qc.data.flags[0], CHART_SUPPRESSED);
	query_chart_release(&qc);
	query_result_free(r);
}

static void long_breakdowns_keep_ten_bars_and_sum_the_rest(void)
{
	static const char *const codes[] = {
		"US", "GB", "CA", "DE", "FR", "AU", "IN", "JP", "NL", "BE", "IT", "ES", "SE", "PL",
	};
	struct query_result *r = result("by-country", 200);
	struct query_chart qc;
	double total = 0, sum = 0;

	for (size_t i = 0; i < sizeof(codes) / sizeof(*codes); i++) {
		country(r, codes[i], 60 - 4 * (long long)i);
		total += 60 - 4 * (double)i;
	}
	country(r, NULL, 9);
	total += 9;
	CHECK_INT(query_chart_init(&qc, r, CHART_BAR, NULL, NULL), 0);
	/* Ten countries, "4 others", unknown: the unknown row is always there. */
	CHECK_INT(qc.data.nr, 12);
	CHECK_STR(qc.data.labels[0], "United States");
	CHECK_STR(qc.data.labels[9], "Belgium");
	CHECK_STR(qc.data.labels[10], "4 others");
	CHECK_DBL(qc.data.series[0].values[10], 20 + 16 + 12 + 8);
	CHECK_STR(qc.data.labels[11], "unknown");
	CHECK_DBL(qc.data.series[0].values[11], 9);
	for (size_t i = 0; i < qc.data.nr; i++)
		sum += qc.data.series[0].values[i];
	CHECK_DBL(sum, total);
	query_chart_release(&qc);
	query_result_free(r);

	/* The largest are kept in row order: by-sector lists public bodies first. */
	r = result("by-sector", 100);
	keyed(r, "name", "public: court", 1);
	keyed(r, "name", "public: police", 30);
	for (int i = 0; i < 11; i++) {
		char name[24];

		snprintf(name, sizeof(name), "sector %02d", i);
		keyed(r, "name", name, 11 - i);
	}
	keyed(r, "name", NULL, 3);
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_INT(qc.data.nr, 12);
	CHECK_STR(qc.data.labels[0], "public: police");
	CHECK_STR(qc.data.labels[1], "sector 00");
	CHECK_STR(qc.data.labels[9], "sector 08");
	CHECK_STR(qc.data.labels[10], "3 others");
	CHECK_DBL(qc.data.series[0].values[10], 1 + 2 + 1);
	CHECK_STR(qc.data.labels[11], "unknown");
	query_chart_release(&qc);
	query_result_free(r);
}

static void list_rows_without_a_value_are_named_by_their_kind(void)
{
	static const char *const kinds[] = { "value", "value", "hidden", "none", "unknown" };
	static const char *const values[] = { "T1486 Data Encrypted for Impact", "T1566 Phishing",
					      NULL, NULL, NULL };
	static const char *const want[] = { "T1486 Data Encrypted for Impact", "T1566 Phishing",
					    "hidden (members only)", "none", "unknown" };
	struct query_result *r = result("techniques", 40);
	struct query_chart qc;

	for (int i = 0; i < 5; i++) {
		struct query_row *row = query_result_add_row(r);

		query_set_text(row, col(r, "value"), values[i]);
		query_set_text(row, col(r, "kind"), kinds[i]);
		query_set_int(row, col(r, "incidents"), 10 - i);
		query_set_share(row, col(r, "share"), 10 - i, 40);
	}
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_INT(qc.data.nr, 5);
	for (int i = 0; i < 5; i++) {
		CHECK_STR(qc.data.labels[i], want[i]);
		CHECK_DBL(qc.data.series[0].values[i], 10 - i);
		CHECK_INT(qc.data.flags[i], 0);
	}
	query_chart_release(&qc);
	query_result_free(r);
}

/*
 * The title names the techniques' taxonomy; when the rows hold both, each
 * bar names its own, so no VERIS action is drawn under an ATT&CK title.
 */
static void technique_charts_name_their_taxonomy(void)
{
	static const char *const values[] = { "Misuse: Privilege abuse", "T1566 Phishing" };
	static const char *const taxonomies[] = { "veris", "attack" };
	struct query_result *r = result("techniques", 40);
	struct query_chart qc;

	for (int i = 0; i < 2; i++) {
		struct query_row *row = query_result_add_row(r);

		query_set_text(row, col(r, "value"), values[i]);
		query_set_text(row, col(r, "taxonomy"), taxonomies[i]);
		query_set_text(row, col(r, "kind"), "value");
		query_set_int(row, col(r, "incidents"), 10 - i);
		query_set_share(row, col(r, "share"), 10 - i, 40);
	}
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_STR(qc.data.title, "Most frequent techniques (MITRE ATT&CK, VERIS)");
	CHECK_STR(qc.data.labels[0], "VERIS \xc2\xb7 Misuse: Privilege abuse");
	CHECK_STR(qc.data.labels[1], "MITRE ATT&CK \xc2\xb7 T1566 Phishing");
	query_chart_release(&qc);
	r->rows_nr = 1;		/* VERIS alone: the title says so, the bar needs not */
	CHECK_INT(query_chart_init(&qc, r, -1, "Techniques", NULL), 0);
	CHECK_STR(qc.data.title, "Techniques (VERIS)");
	CHECK_STR(qc.data.labels[0], "Misuse: Privilege abuse");
	query_chart_release(&qc);
	r->rows_nr = 2;
	query_result_free(r);
}

/* ---- The map ---------------------------------------------------------- */

static void the_map_lists_every_focus_country_with_zero_for_none(void)
{
	struct query_result *r = result("by-country", 50);
	struct query_chart qc;
	long i;

	country(r, "US", 30);
	country(r, "BE", 10);
	country(r, "RU", 2);
	country(r, "CA", 1);
	country(r, NULL, 7);
	CHECK_INT(query_chart_init(&qc, r, CHART_MAP, NULL, NULL), 0);
	CHECK_INT(qc.kind, CHART_MAP);
	CHECK_INT(qc.data.n, 50);
	i = find(&qc, "BE");
	CHECK(i >= 0 && qc.data.series[0].values[i] == 10);
	/* Absent from the result, on the map: 0, not "no data". */
	i = find(&qc, "PL");
	CHECK(i >= 0 && qc.data.series[0].values[i] == 0);
	/* A neighbour with a row is listed, one without is not (grey). */
	i = find(&qc, "RU");
	CHECK(i >= 0 && qc.data.series[0].values[i] == 2);
	CHECK_INT(find(&qc, "MA"), -1);
	/* Countries off the map and the unknown row are in the note only. */
	CHECK_INT(find(&qc, "US"), -1);
	CHECK_INT(find(&qc, "unknown"), -1);
	CHECK_STR(qc.data.note, "Not on the map: United States 30, Canada 1; country unknown: 7.");

	/* Every focus country of the shapes is listed: the lists agree. */
	for (size_t f = 0; f < geo.nr; f++)
		if (geo.features[f].focus && find(&qc, geo.features[f].iso) < 0)
			test_fail(__FILE__, __LINE__, "focus country %s is not listed",
				  geo.features[f].iso);
	for (size_t k = 0; k < qc.data.nr; k++) {
		size_t f;

		for (f = 0; f < geo.nr && strcmp(geo.features[f].iso, qc.data.labels[k]); f++)
			;
		if (f == geo.nr)
			test_fail(__FILE__, __LINE__, "%s is listed but not on the map",
				  qc.data.labels[k]);
	}
	query_chart_release(&qc);
	query_result_free(r);

	/* Every neighbour of the shapes is known as on the map: given a row, it is listed. */
	r = result("by-country", 1000);
	for (size_t f = 0; f < geo.nr; f++)
		if (!geo.features[f].focus && geo.features[f].iso[0])
			country(r, geo.features[f].iso, 1);
	CHECK_INT(query_chart_init(&qc, r, CHART_MAP, NULL, NULL), 0);
	for (size_t f = 0; f < geo.nr; f++)
		if (!geo.features[f].focus && geo.features[f].iso[0] &&
		    find(&qc, geo.features[f].iso) < 0)
			test_fail(__FILE__, __LINE__, "neighbour %s is not listed", geo.features[f].iso);
	CHECK_NULL(qc.data.note);
	query_chart_release(&qc);
	query_result_free(r);
}

/* ---- Months ----------------------------------------------------------- */

static void months_are_columns_or_a_line_with_the_year_before(void)
{
	static const char *const months[] = { "2023-01", "2023-02", "2023-03" };
	struct query_result *r = query_result_new(query_find("by-month"));
	struct query_chart qc;

	query_period_year(&r->meta.period, 2023);
	r->meta.n = 9;
	r->meta.left_out = 1;
	for (int i = 0; i < 3; i++) {
		struct query_row *row = query_result_add_row(r);

		query_set_text(row, col(r, "month"), months[i]);
		query_set_int(row, col(r, "incidents"), 2 + i);
		query_set_int(row, col(r, "year_before"), 5 - i);
	}
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_INT(qc.kind, CHART_COLUMN);
	CHECK_INT(qc.data.nr, 3);
	CHECK_STR(qc.data.labels[0], "Jan");
	CHECK_STR(qc.data.labels[2], "Mar");
	CHECK_DBL(qc.data.series[0].values[1], 3);
	CHECK_NULL(qc.data.compare.values);
	CHECK_NULL(qc.data.flags);
	CHECK_STR(qc.data.unit, "incidents");
	CHECK_STR(qc.data.note, "1 incident dated only to a longer period is not counted.");
	query_chart_release(&qc);

	CHECK_INT(query_chart_init(&qc, r, CHART_LINE, NULL, NULL), 0);
	CHECK_INT(qc.kind, CHART_LINE);
	CHECK_STR(qc.data.series[0].name, "2023");
	CHECK_STR(qc.data.compare.name, "2022");
	CHECK(qc.data.compare.values != NULL);
	for (int i = 0; i < 3; i++)
		CHECK_DBL(qc.data.compare.values[i], 5 - i);
	query_chart_release(&qc);
	query_result_free(r);

	/* Across a new year the labels carry the year; a month's comparison is unnamed. */
	r = query_result_new(query_find("by-month"));
	query_period_range(&r->meta.period, "2023-12-01", "2024-01-31");
	r->meta.n = 1;
	query_set_text(query_result_add_row(r), col(r, "month"), "2023-12");
	query_set_text(query_result_add_row(r), col(r, "month"), "2024-01");
	CHECK_INT(query_chart_init(&qc, r, CHART_LINE, NULL, NULL), 0);
	CHECK_STR(qc.data.labels[0], "Dec 2023");
	CHECK_STR(qc.data.labels[1], "Jan 2024");
	/* NULL counts are unknown, never zero. */
	CHECK(isnan(qc.data.series[0].values[0]));
	CHECK_STR(qc.data.compare.name, "a year earlier");
	CHECK_NULL(qc.data.note);
	query_chart_release(&qc);
	query_result_free(r);
}

/* ---- Shares ----------------------------------------------------------- */

static void public_sector(struct query_result *r, long long pub, long long other, long long unknown)
{
	static const char *const groups[3] = { "public", "other", NULL };
	long long counts[3] = { pub, other, unknown };

	for (int g = 0; g < 3; g++) {
		struct query_row *row = query_result_add_row(r);
		double lo, hi;

		query_set_text(row, col(r, "group"), groups[g]);
		query_set_int(row, col(r, "incidents"), counts[g]);
		query_set_int(row, col(r, "n"), r->meta.n);
		query_set_share(row, col(r, "share"), counts[g], r->meta.n);
		if (row->flag != SHARE_SUPPRESSED &&
		    wilson_interval(counts[g], r->meta.n, STATS_Z95, &lo, &hi) == 0) {
			query_set_real(row, col(r, "ci_low"), lo);
			query_set_real(row, col(r, "ci_high"), hi);
		}
	}
}

static void public_sector_is_a_donut_with_its_interval(void)
{
	struct query_result *r = result("public-sector", 42);
	struct query_chart qc;
	double lo, hi;

	public_sector(r, 13, 29, 0);
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_INT(qc.kind, CHART_DONUT);
	/* No unknown part when there is none: two parts, public first. */
	CHECK_INT(qc.data.nr, 2);
	CHECK_STR(qc.data.labels[0], "Public bodies");
	CHECK_STR(qc.data.labels[1], "Other victims");
	CHECK_DBL(qc.data.series[0].values[0], 13);
	CHECK_DBL(qc.data.series[0].values[1], 29);
	CHECK_INT(qc.data.flags[0], 0);
	wilson_interval(13, 42, STATS_Z95, &lo, &hi);
	CHECK_DBL(qc.data.low, lo);
	CHECK_DBL(qc.data.high, hi);
	CHECK_DBL(qc.data.level, 0.95);
	query_chart_release(&qc);

	/* As bars, every row, the unknown one too. */
	CHECK_INT(query_chart_init(&qc, r, CHART_BAR, NULL, NULL), 0);
	CHECK_INT(qc.data.nr, 3);
	CHECK_STR(qc.data.labels[2], "unknown");
	CHECK_DBL(qc.data.series[0].values[2], 0);
	query_chart_release(&qc);
	query_result_free(r);

	/* An unknown part with incidents is kept; a whole under 5 has no interval. */
	r = result("public-sector", 4);
	public_sector(r, 1, 2, 1);
	CHECK_INT(query_chart_init(&qc, r, CHART_SHARE_BAR, NULL, NULL), 0);
	CHECK_INT(qc.data.nr, 3);
	CHECK_STR(qc.data.labels[2], "unknown");
	CHECK_INT(qc.data.flags[0], CHART_SUPPRESSED);
	CHECK_DBL(qc.data.level, 0);
	query_chart_release(&qc);
	query_result_free(r);
}

/* ---- Distribution ----------------------------------------------------- */

static void response_time(struct query_result *r, const long long *counts, long long unknown)
{
	static const char *const labels[5] = { "up to 1 h", "1-24 h", "1-7 d", "7-30 d", "over 30 d" };
	static const double max[5] = { 1, 24, 168, 720, -1 };

	for (int b = 0; b <= 5; b++) {
		struct query_row *row = query_result_add_row(r);
		long long c = b < 5 ? counts[b] : unknown;

		if (b < 5) {
			query_set_text(row, col(r, "bucket"), labels[b]);
			if (b)
				query_set_real(row, col(r, "min_hours"), max[b - 1]);
			if (max[b] >= 0)
				query_set_real(row, col(r, "max_hours"), max[b]);
		}
		query_set_int(row, col(r, "incidents"), c);
		query_set_share(row, col(r, "share"), c, r->meta.n);
	}
}

static void response_time_marks_median_and_p90_over_the_buckets(void)
{
	static const long long counts[5] = { 2, 8, 5, 3, 2 };
	struct query_result *r = result("response-time", 30);
	struct query_chart qc;

	response_time(r, counts, 10);
	query_add_figure(r, "known", 0, 20);
	query_add_figure(r, "median_hours", 0, 6);
	query_add_figure(r, "p90_hours", 0, 1000);
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_INT(qc.kind, CHART_DISTRIBUTION);
	CHECK_INT(qc.data.nr, 5);
	CHECK_STR(qc.data.labels[0], "up to 1 h");
	CHECK_STR(qc.data.labels[4], "over 30 d");
	for (int b = 0; b < 5; b++)
		CHECK_DBL(qc.data.series[0].values[b], counts[b]);
	/* The distribution is of the 20 known; the 10 unknown are said in the note. */
	CHECK_INT(qc.data.n, 20);
	CHECK_STR(qc.data.note, "Time to contain known for 20 of 30 incidents.");
	CHECK_INT(qc.data.marker_nr, 2);
	/* 6 h is 5/23 of the way through 1-24 h; 1000 h is in the open last bucket. */
	CHECK_STR(qc.data.markers[0].label, "median 6 h");
	CHECK_DBL(qc.data.markers[0].at, 1 + 5.0 / 23);
	CHECK_STR(qc.data.markers[1].label, "p90 42 days");
	CHECK_DBL(qc.data.markers[1].at, 4.5);
	query_chart_release(&qc);

	/* As bars: every row, the unknown one as a category. */
	CHECK_INT(query_chart_init(&qc, r, CHART_BAR, NULL, NULL), 0);
	CHECK_INT(qc.data.nr, 6);
	CHECK_STR(qc.data.labels[5], "unknown");
	CHECK_DBL(qc.data.series[0].values[5], 10);
	CHECK_INT(qc.data.n, 30);
	query_chart_release(&qc);
	query_result_free(r);

	/* No time known: no markers, nothing to draw. */
	r = result("response-time", 3);
	response_time(r, (const long long[5]){ 0 }, 3);
	query_add_figure(r, "known", 0, 0);
	query_add_figure(r, "median_hours", 1, 0);
	query_add_figure(r, "p90_hours", 1, 0);
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_INT(qc.data.marker_nr, 0);
	CHECK_INT(qc.data.n, 0);
	query_chart_release(&qc);
	query_result_free(r);
}

/* ---- KPI tiles -------------------------------------------------------- */

static struct query_result *overview(long long n, long long previous, long long pub,
				     long long countries)
{
	struct query_result *r = result("overview", n);
	struct query_row *row = query_result_add_row(r);

	query_set_int(row, col(r, "incidents"), n);
	query_set_int(row, col(r, "previous"), previous);
	query_set_int(row, col(r, "countries"), countries);
	query_set_int(row, col(r, "public"), pub);
	query_set_share(row, col(r, "public_share"), pub, n);
	r->meta.has_test = 1;
	r->meta.k1 = n;
	r->meta.k2 = previous;
	r->meta.t1 = 30;
	r->meta.t2 = 31;
	r->meta.p_value = poisson_test(n, 30, previous, 31);
	return r;
}

static void overview_is_tiles_of_incidents_public_share_and_countries(void)
{
	struct query_result *r = overview(40, 20, 10, 6);
	struct query_chart qc;

	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_INT(qc.kind, CHART_KPI);
	CHECK_INT(qc.data.kpi_nr, 3);
	CHECK_STR(qc.data.kpis[0].label, "Incidents");
	CHECK_DBL(qc.data.kpis[0].value, 40);
	CHECK_DBL(qc.data.kpis[0].previous, 20);
	CHECK_INT(qc.data.kpis[0].significant, 1);	/* p < 0.05 for 40 against 20 */
	CHECK_STR(qc.data.kpis[1].label, "Public share");
	CHECK_DBL(qc.data.kpis[1].value, 0.25);
	CHECK_STR(qc.data.kpis[1].value_text, "25%");
	CHECK_STR(qc.data.kpis[1].change_text, "10 of 40 incidents");
	CHECK_STR(qc.data.kpis[2].label, "Countries");
	CHECK_DBL(qc.data.kpis[2].value, 6);
	CHECK(strstr(qc.data.note, "Change on March 2024") != NULL);
	query_chart_release(&qc);
	query_result_free(r);

	/* Within noise; a share from under 30 gets its star and footnote. */
	r = overview(12, 10, 3, 2);
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_INT(qc.data.kpis[0].significant, 0);
	CHECK_STR(qc.data.kpis[1].value_text, "25%*");
	CHECK(strstr(qc.data.note, "* Share from fewer than 30 incidents.") != NULL);
	query_chart_release(&qc);
	query_result_free(r);

	/* Under 5 incidents no share: the count, and of how many. */
	r = overview(4, 0, 1, 1);
	r->meta.has_test = 0;
	r->meta.previous.kind = QUERY_PERIOD_NONE;
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_INT(qc.data.kpis[0].significant, -1);
	CHECK_STR(qc.data.kpis[1].label, "Public victims");
	CHECK_DBL(qc.data.kpis[1].value, 1);
	CHECK_NULL(qc.data.kpis[1].value_text);
	CHECK_STR(qc.data.kpis[1].change_text, "of 4 incidents");
	CHECK_NULL(qc.data.note);
	query_chart_release(&qc);
	query_result_free(r);
}

static void a_filtered_overview_shows_its_share_of_all_incidents(void)
{
	struct query_result *r = overview(10, 5, 2, 1);
	struct query_chart qc;

	/* One country: 10 of the period's 40 incidents, not "Countries 1". */
	query_set_int(&r->rows[0], col(r, "all_incidents"), 40);
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_STR(qc.data.kpis[2].label, "Share of all incidents");
	CHECK_STR(qc.data.kpis[2].value_text, "25%");
	CHECK_STR(qc.data.kpis[2].change_text, "of 40 incidents");
	query_chart_release(&qc);
	query_result_free(r);

	/* Unfiltered: the whole is the period itself, and the tile counts countries. */
	r = overview(40, 20, 10, 6);
	query_set_int(&r->rows[0], col(r, "all_incidents"), 40);
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_STR(qc.data.kpis[2].label, "Countries");
	CHECK_DBL(qc.data.kpis[2].value, 6);
	query_chart_release(&qc);
	query_result_free(r);
}

/* The empty message of `query` with n, whole and left_out, in `lang`. */
static void check_empty(const char *query, long long n, long long whole, long long left_out,
			enum lang lang, const char *want, int line)
{
	struct query_result *r = result(query, n);
	struct query_chart qc;

	r->meta.whole = whole;
	r->meta.left_out = left_out;
	if (query_chart_init(&qc, r, -1, NULL, i18n_chart_words(lang)) < 0) {
		test_fail(__FILE__, line, "'%s' gives no chart", query);
	} else {
		if (!qc.data.empty || strcmp(qc.data.empty, want))
			test_fail(__FILE__, line, "'%s' says \"%s\", expected \"%s\"", query,
				  qc.data.empty ? qc.data.empty : "(null)", want);
		query_chart_release(&qc);
	}
	query_result_free(r);
}

static void an_empty_chart_says_what_is_empty_of_how_many(void)
{
	/* Two incidents, no public victim: not "No incidents in this period". */
	check_empty("public-kinds", 0, 2, 0, LANG_EN, "No public bodies among the 2 incidents",
		    __LINE__);
	check_empty("public-kinds", 0, 1, 0, LANG_EN, "No public bodies among the 1 incident",
		    __LINE__);
	check_empty("public-kinds", 0, 2, 0, LANG_FR,
		    "Aucun organisme public parmi les 2 incidents", __LINE__);
	check_empty("public-kinds", 0, 1200, 0, LANG_DE,
		    "Keine öffentlichen Stellen unter den 1.200 Vorfällen", __LINE__);
	check_empty("response-time", 3, 3, 0, LANG_EN,
		    "No time to contain known for the 3 incidents", __LINE__);
	/* A period truly without incidents says so. */
	check_empty("public-kinds", 0, 0, 0, LANG_EN, "No incidents in this period", __LINE__);
	check_empty("by-country", 0, 0, 0, LANG_NL, "Geen incidenten in deze periode", __LINE__);
	/* None dated within it, some known only to its year: not "no incidents". */
	check_empty("by-month", 0, 0, 733, LANG_EN,
		    "No incident dated within this period (733 known only to a coarser date)",
		    __LINE__);
	check_empty("by-sector", 4, 4, 0, LANG_EN, "None among the 4 incidents", __LINE__);
}

int main(void)
{
	if (geo_load(&geo, "data/geo/europe-50m.geojson") < 0)
		return 1;
	test_run("each query has its default kind; notable has none", each_query_has_its_default_kind);
	test_run("a kind the query cannot be drawn as is refused, the chart left empty",
		 a_kind_the_query_cannot_take_is_refused);
	test_run("an empty result is an empty chart of every kind, not an error",
		 an_empty_result_is_an_empty_chart);
	test_run("an empty chart says what is empty, of how many",
		 an_empty_chart_says_what_is_empty_of_how_many);
	test_run("by-country bars are country names with counts, share flags and unknown",
		 by_country_bars_are_names_counts_and_flags);
	test_run("long breakdowns keep ten bars, sum the rest and keep unknown",
		 long_breakdowns_keep_ten_bars_and_sum_the_rest);
	test_run("technique charts name their taxonomy", technique_charts_name_their_taxonomy);
	test_run("list rows without a value are named by their kind",
		 list_rows_without_a_value_are_named_by_their_kind);
	test_run("the map lists every focus country, 0 where the result has none",
		 the_map_lists_every_focus_country_with_zero_for_none);
	test_run("by-month is columns, or a line over the year before",
		 months_are_columns_or_a_line_with_the_year_before);
	test_run("public-sector is a donut of the public share with its interval",
		 public_sector_is_a_donut_with_its_interval);
	test_run("response-time marks the median and p90 over the bucket edges",
		 response_time_marks_median_and_p90_over_the_buckets);
	test_run("overview is tiles: incidents against the previous period, share, countries",
		 overview_is_tiles_of_incidents_public_share_and_countries);
	test_run("a filtered overview shows its share of all incidents",
		 a_filtered_overview_shows_its_share_of_all_incidents);
	geo_release(&geo);
	country_free();
	chart_cleanup();
	cairo_debug_reset_static_data();
	FcFini();
	return test_done();
}
