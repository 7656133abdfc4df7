/* Periods: parsing, labels, lengths and the previous comparable period. */
#include <stdlib.h>

#include "test.h"
#include "queries/query.h"

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
	return test_done();
}
