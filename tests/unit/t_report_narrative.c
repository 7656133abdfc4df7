/*
 * The cover's narrative from hand-made overview and public-sector results:
 * the numbers it prints are the results', the wording follows the test and
 * the share's reliability, and the newest month is called provisional.
 */
#include <stdlib.h>

#include "test.h"
#include "report/narrative.h"
#include "util/country.h"

/* An overview of April 2024: `n` incidents against `previous` in March. */
static struct query_result *overview(long long n, long long previous, int significant,
				     long long left_out)
{
	struct query_result *r = query_result_new(query_find("overview"));
	struct query_row *row = query_result_add_row(r);

	query_period_month(&r->meta.period, 2024, 4);
	query_period_previous(&r->meta.period, &r->meta.previous);
	r->meta.n = n;
	r->meta.left_out = left_out;
	query_set_text(row, (size_t)query_column_index(r, "period"), "April 2024");
	query_set_int(row, (size_t)query_column_index(r, "incidents"), n);
	query_set_text(row, (size_t)query_column_index(r, "previous_period"), "March 2024");
	query_set_int(row, (size_t)query_column_index(r, "previous"), previous);
	query_set_int(row, (size_t)query_column_index(r, "change"), n - previous);
	query_set_bool(row, (size_t)query_column_index(r, "significant"), significant);
	query_set_int(row, (size_t)query_column_index(r, "left_out"), left_out);
	return r;
}

/* public-sector's "public" row: k public of n, with the interval given. */
static struct query_result *public_sector(long long k, long long n, double lo, double hi)
{
	struct query_result *r = query_result_new(query_find("public-sector"));
	struct query_row *row = query_result_add_row(r);

	query_period_month(&r->meta.period, 2024, 4);
	r->meta.n = n;
	query_set_text(row, (size_t)query_column_index(r, "group"), "public");
	query_set_int(row, (size_t)query_column_index(r, "incidents"), k);
	query_set_share(row, (size_t)query_column_index(r, "share"), k, n);
	if (n >= 5) {
		query_set_real(row, (size_t)query_column_index(r, "ci_low"), lo);
		query_set_real(row, (size_t)query_column_index(r, "ci_high"), hi);
	}
	query_set_int(row, (size_t)query_column_index(r, "n"), n);
	return r;
}

static void check_narrative(enum lang lang, struct query_result *ov, struct query_result *ps,
			    const struct query_period *provisional, const char *want)
{
	struct narrative_input in = { ov, ps };
	struct buf out = BUF_INIT;

	/* As overview says it: the flag, and the store's newest month in the meta. */
	query_set_bool(&ov->rows[0], (size_t)query_column_index(ov, "provisional"), !!provisional);
	if (provisional)
		ov->meta.data_end.month = *provisional;

	narrative_write(&out, lang, &in);
	CHECK_STR(out.buf, want);
	buf_release(&out);
	query_result_free(ov);
	query_result_free(ps);
}

static void test_the_issue_example_reads_as_asked(void)
{
	check_narrative(LANG_EN, overview(42, 33, 0, 0), public_sector(13, 42, 0.19, 0.46), NULL,
			"42 incidents in April 2024, 9 more than in March, not a significant change; "
			"31% hit public bodies (n = 42, 95% CI 19–46%).");
}

static void test_a_significant_fall_says_so(void)
{
	check_narrative(LANG_EN, overview(40, 80, 1, 0), public_sector(20, 40, 0.35, 0.65), NULL,
			"40 incidents in April 2024, 40 fewer than in March, a significant change; "
			"50% hit public bodies (n = 40, 95% CI 35–65%).");
}

static void test_a_share_of_fewer_than_30_asks_for_care(void)
{
	check_narrative(LANG_EN, overview(19, 10, 0, 0), public_sector(15, 19, 0.567, 0.915), NULL,
			"19 incidents in April 2024, 9 more than in March, not a significant change; "
			"79% hit public bodies (n = 19, 95% CI 57–92%; fewer than 30 incidents: "
			"read with care).");
}

static void test_a_share_of_fewer_than_5_is_not_given(void)
{
	check_narrative(LANG_EN, overview(1, 1, 0, 0), public_sector(1, 1, 0, 0), NULL,
			"1 incident in April 2024, as many as in March, not a significant change; "
			"1 of 1 hit public bodies (too few for a share).");
}

static void test_an_empty_period_says_no_incidents_were_recorded(void)
{
	check_narrative(LANG_EN, overview(0, 3, 0, 0), public_sector(0, 0, 0, 0), NULL,
			"No incidents were recorded in April 2024.");
	check_narrative(LANG_DE, overview(0, 3, 0, 0), NULL, NULL,
			"Im April 2024 wurden keine Vorfälle erfasst.");
}

static void test_the_newest_month_is_provisional_and_left_out_incidents_are_counted(void)
{
	struct query_period newest;

	struct query_result *ov = overview(1234, 1000, 1, 2);

	/* A provisional period has no verdict: overview leaves significant NULL. */
	ov->rows[0].cells[query_column_index(ov, "significant")].null = 1;
	query_period_month(&newest, 2024, 4);
	check_narrative(LANG_EN, ov, NULL, &newest,
			"1,234 incidents in April 2024, 234 more than in March. 2 more incidents "
			"are dated too coarsely for this period and are not counted. April 2024 "
			"is provisional: incidents surface late.");
}

static void test_other_languages_use_their_numbers_and_months(void)
{
	check_narrative(LANG_FR, overview(1234, 1000, 0, 0), public_sector(617, 1234, 0.472, 0.528),
			NULL,
			"1\xc2\xa0" "234 incidents en avril 2024, 234 de plus qu’en mars, une évolution "
			"non significative\xc2\xa0; 50\xc2\xa0% visaient des organismes publics "
			"(n = 1\xc2\xa0" "234, IC à 95\xc2\xa0% 47–53\xc2\xa0%).");
	check_narrative(LANG_NL, overview(42, 33, 0, 0), public_sector(13, 42, 0.19, 0.46), NULL,
			"42 incidenten in april 2024, 9 meer dan in maart, geen significante "
			"verandering; 31% trof overheidsinstellingen (n = 42, 95%-BI 19–46%).");
	check_narrative(LANG_DE, overview(42, 33, 0, 0), public_sector(13, 42, 0.19, 0.46), NULL,
			"42 Vorfälle im April 2024, 9 mehr als im März, keine signifikante "
			"Veränderung; 31\xc2\xa0% betrafen öffentliche Stellen (n = 42, 95-%-KI "
			"19–46\xc2\xa0%).");
}

int main(void)
{
	test_run("the issue's example reads as asked", test_the_issue_example_reads_as_asked);
	test_run("a significant fall says so", test_a_significant_fall_says_so);
	test_run("a share of fewer than 30 asks for care", test_a_share_of_fewer_than_30_asks_for_care);
	test_run("a share of fewer than 5 is not given", test_a_share_of_fewer_than_5_is_not_given);
	test_run("an empty period says no incidents were recorded",
		 test_an_empty_period_says_no_incidents_were_recorded);
	test_run("the newest month is provisional and left-out incidents are counted",
		 test_the_newest_month_is_provisional_and_left_out_incidents_are_counted);
	test_run("other languages use their numbers and months",
		 test_other_languages_use_their_numbers_and_months);
	country_free();
	return test_done();
}
