/* Periods: parsing, labels, lengths and the previous comparable period. */
#include <stdlib.h>

#include "test.h"
#include "queries/query.h"
#include "store/incident.h"

static void check_period(const struct query_period *p, enum query_period_kind kind,
			 const char *from, const char *to, const char *label, int line)
{
	if (p->kind != kind)
		test_fail(__FILE__, line, "kind %d, expected %d", p->kind, kind);
	if (strcmp(p->from, from) || strcmp(p->to, to) || strcmp(p->label, label))
		test_fail(__FILE__, line, "'%s' %s..%s, expected '%s' %s..%s", p->label, p->from,
			  p->to, label, from, to);
}
#define CHECK_PERIOD(p, kind, from, to, label) check_period(p, kind, from, to, label, __LINE__)

static void test_months_quarters_and_years_parse_with_labels(void)
{
	struct query_period p;

	CHECK_INT(query_period_parse_month(&p, "2024-04", NULL), 0);
	CHECK_PERIOD(&p, QUERY_PERIOD_MONTH, "2024-04-01", "2024-04-30", "April 2024");
	CHECK_INT(query_period_parse_month(&p, "2024-02", NULL), 0);
	CHECK_PERIOD(&p, QUERY_PERIOD_MONTH, "2024-02-01", "2024-02-29", "February 2024");
	CHECK_INT(query_period_parse_quarter(&p, "2024-Q2"), 0);
	CHECK_PERIOD(&p, QUERY_PERIOD_QUARTER, "2024-04-01", "2024-06-30", "Q2 2024");
	CHECK_INT(query_period_parse_quarter(&p, "2023-q4"), 0);
	CHECK_PERIOD(&p, QUERY_PERIOD_QUARTER, "2023-10-01", "2023-12-31", "Q4 2023");
	CHECK_INT(query_period_parse_year(&p, "2019"), 0);
	CHECK_PERIOD(&p, QUERY_PERIOD_YEAR, "2019-01-01", "2019-12-31", "2019");
}

static void test_bad_period_values_are_rejected(void)
{
	static const char *const months[] = { "2024-13", "2024-00", "2024-4", "24-04", "2024-04-01",
					      "2024/04", "latest", "", "+024-04", "2024- 4" };
	static const char *const quarters[] = { "2024-Q5", "2024-Q0", "2024Q1", "2024-1", "2024-Q12" };
	static const char *const years[] = { "24", "20245", "-202", "abcd", "" };
	struct query_period p;

	for (size_t i = 0; i < sizeof(months) / sizeof(*months); i++)
		if (query_period_parse_month(&p, months[i], "2024-05-10") != -1)
			test_fail(__FILE__, __LINE__, "month '%s' accepted", months[i]);
	for (size_t i = 0; i < sizeof(quarters) / sizeof(*quarters); i++)
		if (query_period_parse_quarter(&p, quarters[i]) != -1)
			test_fail(__FILE__, __LINE__, "quarter '%s' accepted", quarters[i]);
	for (size_t i = 0; i < sizeof(years) / sizeof(*years); i++)
		if (query_period_parse_year(&p, years[i]) != -1)
			test_fail(__FILE__, __LINE__, "year '%s' accepted", years[i]);
	CHECK_INT(query_period_range(&p, "2024-05-01", "2024-04-01"), -1);
	CHECK_INT(query_period_range(&p, "2024-02-30", NULL), -1);
}

static void test_last_month_is_the_calendar_month_before_today(void)
{
	struct query_period p;

	CHECK_INT(query_period_parse_month(&p, "last", "2024-05-10"), 0);
	CHECK_PERIOD(&p, QUERY_PERIOD_MONTH, "2024-04-01", "2024-04-30", "April 2024");
	CHECK_INT(query_period_parse_month(&p, "last", "2024-01-01"), 0);
	CHECK_PERIOD(&p, QUERY_PERIOD_MONTH, "2023-12-01", "2023-12-31", "December 2023");
	CHECK_INT(query_period_parse_month(&p, "last", NULL), -1);
}

static void test_today_comes_from_the_environment_when_set(void)
{
	char today[11];

	setenv("IBRIEF_TODAY", "2024-05-10", 1);
	CHECK_INT(query_today(today), 0);
	CHECK_STR(today, "2024-05-10");
	setenv("IBRIEF_TODAY", "2024-13-10", 1);
	CHECK_INT(query_today(today), -1);
	unsetenv("IBRIEF_TODAY");
	CHECK_INT(query_today(today), 0);
	CHECK_INT(strlen(today), 10);
}

static void test_previous_periods_are_comparable(void)
{
	struct query_period p, prev;

	query_period_month(&p, 2024, 3);
	query_period_previous(&p, &prev);
	CHECK_PERIOD(&prev, QUERY_PERIOD_MONTH, "2024-02-01", "2024-02-29", "February 2024");
	query_period_month(&p, 2024, 1);
	query_period_previous(&p, &prev);
	CHECK_PERIOD(&prev, QUERY_PERIOD_MONTH, "2023-12-01", "2023-12-31", "December 2023");
	query_period_quarter(&p, 2024, 1);
	query_period_previous(&p, &prev);
	CHECK_PERIOD(&prev, QUERY_PERIOD_QUARTER, "2023-10-01", "2023-12-31", "Q4 2023");
	query_period_quarter(&p, 2024, 3);
	query_period_previous(&p, &prev);
	CHECK_PERIOD(&prev, QUERY_PERIOD_QUARTER, "2024-04-01", "2024-06-30", "Q2 2024");
	query_period_year(&p, 2024);
	query_period_previous(&p, &prev);
	CHECK_PERIOD(&prev, QUERY_PERIOD_YEAR, "2023-01-01", "2023-12-31", "2023");
}

static void test_a_range_is_compared_with_the_same_number_of_days_before(void)
{
	struct query_period p, prev;

	/* 2024-03-01..2024-03-10 is 10 days; the 10 before cross February 29. */
	CHECK_INT(query_period_range(&p, "2024-03-01", "2024-03-10"), 0);
	CHECK_PERIOD(&p, QUERY_PERIOD_RANGE, "2024-03-01", "2024-03-10", "2024-03-01 to 2024-03-10");
	CHECK_INT(query_period_days(&p), 10);
	query_period_previous(&p, &prev);
	CHECK_PERIOD(&prev, QUERY_PERIOD_RANGE, "2024-02-20", "2024-02-29", "2024-02-20 to 2024-02-29");
	CHECK_INT(query_period_range(&p, "2023-12-15", "2024-01-14"), 0);
	query_period_previous(&p, &prev);
	CHECK_PERIOD(&prev, QUERY_PERIOD_RANGE, "2023-11-14", "2023-12-14", "2023-11-14 to 2023-12-14");
}

static void test_open_ranges_and_all_dates_have_no_previous(void)
{
	struct query_period p, prev;

	CHECK_INT(query_period_range(&p, "2024-03-01", NULL), 0);
	CHECK_PERIOD(&p, QUERY_PERIOD_RANGE, "2024-03-01", QUERY_DATE_MAX, "from 2024-03-01");
	query_period_previous(&p, &prev);
	CHECK_INT(prev.kind, QUERY_PERIOD_NONE);
	CHECK_INT(query_period_days(&p), 0);
	CHECK_INT(query_period_range(&p, NULL, "2024-03-01"), 0);
	CHECK_PERIOD(&p, QUERY_PERIOD_RANGE, QUERY_DATE_MIN, "2024-03-01", "until 2024-03-01");
	query_period_all(&p);
	CHECK_PERIOD(&p, QUERY_PERIOD_ALL, QUERY_DATE_MIN, QUERY_DATE_MAX, "all dates");
	query_period_previous(&p, &prev);
	CHECK_INT(prev.kind, QUERY_PERIOD_NONE);
}

static void test_period_lengths_count_days(void)
{
	struct query_period p;

	query_period_month(&p, 2023, 2);
	CHECK_INT(query_period_days(&p), 28);
	query_period_month(&p, 2024, 2);
	CHECK_INT(query_period_days(&p), 29);
	query_period_quarter(&p, 2024, 1);
	CHECK_INT(query_period_days(&p), 91);
	query_period_year(&p, 2024);
	CHECK_INT(query_period_days(&p), 366);
	query_period_year(&p, 2100);
	CHECK_INT(query_period_days(&p), 365);
}

static void test_a_period_carries_its_numbers(void)
{
	struct query_period p;

	CHECK_INT(query_period_parse_quarter(&p, "2024-Q3"), 0);
	CHECK_INT(p.year, 2024);
	CHECK_INT(p.quarter, 3);
	CHECK_INT(p.month, 0);
	CHECK_INT(p.start.month, 7);
	CHECK_INT(p.end.month, 9);
	CHECK_INT(p.end.day, 30);
	CHECK_INT(query_period_parse_month(&p, "2023-02", NULL), 0);
	CHECK_INT(p.year * 100 + p.month, 202302);
	CHECK_INT(p.end.day, 28);
	CHECK_INT(query_period_range(&p, NULL, "2024-03-01"), 0);
	CHECK_INT(p.open_start, 1);
	CHECK_INT(p.open_end, 0);
	CHECK_INT(p.end.year * 10000 + p.end.month * 100 + p.end.day, 20240301);
}

/* Appends the tag and the arguments of `p` as "tag|args". */
static void check_tag_args(const struct query_period *p, const char *expect, int line)
{
	struct buf b = BUF_INIT;

	query_period_tag(p, &b);
	buf_addch(&b, '|');
	query_period_args(p, &b);
	if (strcmp(b.buf, expect))
		test_fail(__FILE__, line, "'%s', expected '%s'", b.buf, expect);
	buf_release(&b);
}
#define CHECK_TAG_ARGS(p, expect) check_tag_args(p, expect, __LINE__)

static void test_a_period_names_its_file_tag_and_its_options(void)
{
	struct query_period p;

	query_period_month(&p, 2024, 4);
	CHECK_TAG_ARGS(&p, "2024-04| --month 2024-04");
	query_period_quarter(&p, 2024, 2);
	CHECK_TAG_ARGS(&p, "2024-Q2| --quarter 2024-Q2");
	query_period_year(&p, 2019);
	CHECK_TAG_ARGS(&p, "2019| --year 2019");
	query_period_range(&p, "2024-01-15", "2024-03-10");
	CHECK_TAG_ARGS(&p, "2024-01-15-to-2024-03-10| --from 2024-01-15 --to 2024-03-10");
	query_period_range(&p, "2024-01-15", NULL);
	CHECK_TAG_ARGS(&p, "from-2024-01-15| --from 2024-01-15");
	query_period_range(&p, NULL, "2024-03-10");
	CHECK_TAG_ARGS(&p, "until-2024-03-10| --to 2024-03-10");
	query_period_all(&p);
	CHECK_TAG_ARGS(&p, "all|");
}

static void test_the_last_twelve_months_end_with_the_period(void)
{
	struct query_period p, twelve;

	query_period_month(&p, 2024, 4);
	CHECK_INT(query_period_last_twelve_months(&p, &twelve), 0);
	CHECK_PERIOD(&twelve, QUERY_PERIOD_RANGE, "2023-05-01", "2024-04-30", "2023-05-01 to 2024-04-30");
	CHECK_INT(query_period_whole_months(&twelve), 1);
	query_period_month(&p, 2024, 12);
	query_period_last_twelve_months(&p, &p);
	CHECK_PERIOD(&p, QUERY_PERIOD_RANGE, "2024-01-01", "2024-12-31", "2024-01-01 to 2024-12-31");
	query_period_range(&p, "2020-03-05", "2024-04-10");	/* longer: stays whole */
	query_period_last_twelve_months(&p, &twelve);
	CHECK_PERIOD(&twelve, QUERY_PERIOD_RANGE, "2020-03-05", "2024-04-10", "2020-03-05 to 2024-04-10");
	CHECK_INT(query_period_whole_months(&twelve), 0);
	query_period_all(&p);
	query_period_last_twelve_months(&p, &twelve);
	CHECK_INT(twelve.kind, QUERY_PERIOD_ALL);
}

static void test_date_bounds_widen_to_their_first_or_last_day(void)
{
	static const char *const bad[] = { "2024-13", "2024-02-30", "24", "2024-4", "2024-04-1",
					   "2024/04", "", "+024", "2024-+4", "20245" };
	char out[11];
	struct query_date d;

	CHECK_INT(query_date_bound("2024", 0, out), 0);
	CHECK_STR(out, "2024-01-01");
	CHECK_INT(query_date_bound("2024", 1, out), 0);
	CHECK_STR(out, "2024-12-31");
	CHECK_INT(query_date_bound("2024-02", 1, out), 0);
	CHECK_STR(out, "2024-02-29");
	CHECK_INT(query_date_bound("2023-02-28", 1, out), 0);
	CHECK_STR(out, "2023-02-28");
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		if (query_date_bound(bad[i], 0, out) != -1)
			test_fail(__FILE__, __LINE__, "bound '%s' accepted", bad[i]);
	CHECK_INT(query_date_parse("2024-04", &d), 2);
	CHECK_INT(d.year * 100 + d.month + d.day, 202404);
}

static void test_every_parser_takes_one_range_of_dates(void)
{
	struct query_period p;
	struct incident inc;
	char out[11];

	incident_init(&inc);
	CHECK_INT(query_period_parse_month(&p, "2999-12", NULL), 0);
	CHECK_INT(query_date_bound("2999-12-31", 1, out), 0);
	CHECK_INT(query_period_range(&p, "1900-01-01", "2999-12-31"), 0);
	CHECK_INT(incident_set_date(&inc, 2999, 12, 31), 0);
	CHECK_INT(query_period_parse_month(&p, "9999-12", NULL), -1);
	CHECK_INT(query_period_parse_quarter(&p, "3000-Q1"), -1);
	CHECK_INT(query_period_parse_year(&p, "1899"), -1);
	CHECK_INT(query_date_bound("9999-12-31", 1, out), -1);
	CHECK_INT(query_period_range(&p, "1899-12-31", NULL), -1);
	CHECK_INT(incident_set_date(&inc, 3000, 1, 1), -1);
	incident_release(&inc);
}

int main(void)
{
	test_run("months, quarters and years parse, with labels",
		 test_months_quarters_and_years_parse_with_labels);
	test_run("bad --month, --quarter and --year values are rejected",
		 test_bad_period_values_are_rejected);
	test_run("--month last is the calendar month before today",
		 test_last_month_is_the_calendar_month_before_today);
	test_run("today comes from IBRIEF_TODAY when set", test_today_comes_from_the_environment_when_set);
	test_run("the previous month, quarter and year are the calendar ones",
		 test_previous_periods_are_comparable);
	test_run("a range is compared with the same number of days before it",
		 test_a_range_is_compared_with_the_same_number_of_days_before);
	test_run("open ranges and all dates have no previous period",
		 test_open_ranges_and_all_dates_have_no_previous);
	test_run("period lengths count days, leap years included", test_period_lengths_count_days);
	test_run("a period carries its year, month, quarter and days as numbers",
		 test_a_period_carries_its_numbers);
	test_run("a period names its file tag and the options that choose it",
		 test_a_period_names_its_file_tag_and_its_options);
	test_run("the last twelve months end with the period's month",
		 test_the_last_twelve_months_end_with_the_period);
	test_run("--from and --to widen to their first or last day",
		 test_date_bounds_widen_to_their_first_or_last_day);
	test_run("every parser takes one range of dates", test_every_parser_takes_one_range_of_dates);
	return test_done();
}
