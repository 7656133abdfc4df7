/*
 * Durations a manager can read: hours under two days, days under eight
 * weeks, then weeks or months, spelt by one formatter for the text and the
 * chart; no "nine in ten" from fewer than ten times.
 */
#include <string.h>

#include "test.h"
#include "charts/fromquery.h"
#include "lang/lang.h"
#include "report/narrative.h"

static void check_duration(enum lang lang, double hours, const char *want)
{
	struct buf b = BUF_INIT;

	i18n_duration(&b, lang, hours);
	CHECK_STR(b.buf, want);
	buf_release(&b);
}

static void durations_change_unit_where_a_reader_would(void)
{
	check_duration(LANG_EN, 0.75, "45 min");
	check_duration(LANG_EN, 6, "6 h");
	check_duration(LANG_FR, 1, "1 h");
	check_duration(LANG_EN, 1.0 / 60, "1 min");
	check_duration(LANG_EN, 24, "24 h");
	check_duration(LANG_EN, 24 * 7 * 8.2, "8 weeks");
	check_duration(LANG_EN, 24 * 7 * 0.5 + 24 * 7 * 8, "9 weeks");
	check_duration(LANG_EN, 1.5, "1.5 h");
	check_duration(LANG_EN, 47, "47 h");
	check_duration(LANG_EN, 48, "2 days");
	check_duration(LANG_EN, 24 * 8.5, "8.5 days");
	check_duration(LANG_EN, 24 * 55, "55 days");
	check_duration(LANG_EN, 1401, "8 weeks");	/* the "1,401 hours" */
	check_duration(LANG_EN, 24 * 7 * 20, "20 weeks");
	check_duration(LANG_EN, 24 * 7 * 26, "6 months");
	check_duration(LANG_EN, 24 * 365, "12 months");
	check_duration(LANG_FR, 24 * 12, "12 jours");
	check_duration(LANG_FR, 24 * 1, "24 h");
	check_duration(LANG_NL, 24 * 7 * 10, "10 weken");
	check_duration(LANG_DE, 24 * 30.44 * 7, "7 Mon.");
	check_duration(LANG_EN, -1, "\xe2\x80\x93");
}

/* A response-time result whose known times are `hours` (sorted). */
static struct query_result *response_time(const double *hours, size_t known, double median,
					  double p90)
{
	static const char *const names[] = { "hours_1", "hours_2", "hours_3", "hours_4",
					      "hours_5", "hours_6", "hours_7", "hours_8",
					      "hours_9" };
	struct query_result *r = query_result_new(query_find("response-time"));

	query_period_month(&r->meta.period, 2024, 4);
	r->meta.n = (long long)known + 5;
	query_add_figure(r, "known", 0, (double)known);
	query_add_figure(r, "median_hours", known == 0, median);
	query_add_figure(r, "p90_hours", known == 0, p90);
	for (size_t i = 0; known < 10 && i < known; i++)
		query_add_figure(r, names[i], 0, hours[i]);
	return r;
}

static void check_times(enum lang lang, struct query_result *r, const char *want)
{
	struct buf b = BUF_INIT;

	narrative_times(&b, lang, r);
	CHECK_STR(b.buf, want);
	buf_release(&b);
	query_result_free(r);
}

static void fewer_than_ten_times_are_said_one_by_one(void)
{
	static const double three[] = { 2, 120, 1401 };
	static const double one[] = { 30 };

	check_times(LANG_EN, response_time(three, 3, 120, 1145),
		    "they were contained after 2 h, 5 days and 8 weeks");
	check_times(LANG_FR, response_time(three, 3, 120, 1145),
		    "ils ont été maîtrisés après 2 h, 5 jours et 8 semaines");
	check_times(LANG_EN, response_time(one, 1, 30, 30), "they were contained after 30 h");
	check_times(LANG_EN, response_time(NULL, 0, 0, 0), "no summary can be given");
	check_times(LANG_EN, response_time(NULL, 12, 14, 1401),
		    "half were contained within 14 h, nine in ten within 8 weeks");
}

/* The chart's p90 marker and the text's "nine in ten" spell one duration one way. */
static void the_chart_and_the_text_spell_a_duration_alike(void)
{
	static const double nothing[1] = { 0 };
	struct query_result *r = response_time(nothing, 12, 14, 1401);
	struct query_chart qc;
	struct buf text = BUF_INIT;

	for (int b = 0; b < 5; b++)
		query_set_int(query_result_add_row(r), (size_t)query_column_index(r, "incidents"), 3);
	query_set_text(&r->rows[0], (size_t)query_column_index(r, "bucket"), "up to 1 h");
	query_set_real(&r->rows[0], (size_t)query_column_index(r, "max_hours"), 1);
	query_set_text(&r->rows[1], (size_t)query_column_index(r, "bucket"), "over 1 h");
	query_set_real(&r->rows[1], (size_t)query_column_index(r, "min_hours"), 1);
	CHECK_INT(query_chart_init(&qc, r, CHART_DISTRIBUTION, NULL, i18n_chart_words(LANG_EN)), 0);
	CHECK_INT(qc.data.marker_nr, 2);
	narrative_times(&text, LANG_EN, r);
	if (qc.data.marker_nr == 2) {
		CHECK_STR(qc.data.markers[0].label, "median 14 h");
		CHECK_STR(qc.data.markers[1].label, "p90 8 weeks");
		CHECK(strstr(text.buf, "14 h") != NULL);
		CHECK(strstr(text.buf, "8 weeks") != NULL);
	}
	query_chart_release(&qc);
	query_result_free(r);
	buf_release(&text);

	/* Three times: the chart marks the median only, no p90. */
	r = response_time((const double[]){ 2, 14, 1401 }, 3, 14, 1145);
	query_set_text(query_result_add_row(r), (size_t)query_column_index(r, "bucket"), "all");
	query_set_int(&r->rows[0], (size_t)query_column_index(r, "incidents"), 3);
	CHECK_INT(query_chart_init(&qc, r, CHART_DISTRIBUTION, NULL, NULL), 0);
	CHECK_INT(qc.data.marker_nr, 1);
	query_chart_release(&qc);
	query_result_free(r);
}

int main(void)
{
	test_run("durations change unit where a reader would", durations_change_unit_where_a_reader_would);
	test_run("fewer than ten times are said one by one, not as a nine in ten",
		 fewer_than_ten_times_are_said_one_by_one);
	test_run("the chart and the text spell a duration alike",
		 the_chart_and_the_text_spell_a_duration_alike);
	i18n_free();
	return test_done();
}
