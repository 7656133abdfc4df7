/*
 * queries/stats.c against values computed independently.
 *
 * Wilson intervals: the published table of Newcombe (1998), "Two-sided
 * confidence intervals for the single proportion: comparison of seven
 * methods", Statistics in Medicine 17:857-872, Table I, method 3 (given to
 * 4 decimals, so checked to 1e-4).
 *
 * Quantiles and the Poisson test: exact rational arithmetic in Python
 * (fractions.Fraction and math.comb, no floating point) in a throwaway
 * script: the p-value is the sum of Binomial(k1+k2, t1/(t1+t2))
 * probabilities not above the observed one times (1 + 1e-7); values
 * printed to 20 digits and rounded here.
 */
#include <math.h>

#include "test.h"
#include "queries/stats.h"

#define CHECK_NEAR(a, b, tol) \
	do { \
		double a_ = (a), b_ = (b); \
		if (!(fabs(a_ - b_) <= (tol))) \
			test_fail(__FILE__, __LINE__, "%s == %.12g, expected %.12g", #a, a_, b_); \
	} while (0)

static void test_wilson_matches_newcombe(void)
{
	static const struct {
		long long k, n;
		double lo, hi;
	} cases[] = {
		{ 81, 263, 0.2553, 0.3662 },
		{ 15, 148, 0.0624, 0.1605 },
		{ 0, 20, 0.0000, 0.1611 },
		{ 1, 29, 0.0061, 0.1718 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		double lo = -1, hi = -1;

		CHECK_INT(wilson_interval(cases[i].k, cases[i].n, STATS_Z95, &lo, &hi), 0);
		CHECK_NEAR(lo, cases[i].lo, 1e-4);
		CHECK_NEAR(hi, cases[i].hi, 1e-4);
	}
}

static void test_wilson_stays_in_bounds_and_rejects_bad_input(void)
{
	double lo = -1, hi = -1;

	CHECK_INT(wilson_interval(5, 5, STATS_Z95, &lo, &hi), 0);
	CHECK(hi <= 1.0 && hi > 0.999999);
	CHECK(lo > 0.5 && lo < 0.6);	/* 0.5655 by the formula */
	CHECK_INT(wilson_interval(1, 0, STATS_Z95, &lo, &hi), -1);
	CHECK_INT(wilson_interval(6, 5, STATS_Z95, &lo, &hi), -1);
	CHECK_INT(wilson_interval(-1, 5, STATS_Z95, &lo, &hi), -1);
}

static void test_quantiles_interpolate_between_order_statistics(void)
{
	/* sorted {0.5, 1, 2, 14, 30, 72, 200}: median 14, p90 = 72 + 0.4 * 128 */
	static const double x[] = { 0.5, 1, 2, 14, 30, 72, 200 };
	static const double two[] = { 3, 10 };
	double q = -1;

	CHECK_INT(quantile_sorted(x, 7, 0.5, &q), 0);
	CHECK_DBL(q, 14);
	CHECK_INT(quantile_sorted(x, 7, 0.9, &q), 0);
	CHECK_DBL(q, 123.2);
	CHECK_INT(quantile_sorted(x, 7, 0, &q), 0);
	CHECK_DBL(q, 0.5);
	CHECK_INT(quantile_sorted(x, 7, 1, &q), 0);
	CHECK_DBL(q, 200);
	CHECK_INT(quantile_sorted(two, 2, 0.5, &q), 0);
	CHECK_DBL(q, 6.5);
	CHECK_INT(quantile_sorted(two, 2, 0.9, &q), 0);
	CHECK_DBL(q, 9.3);
}

static void test_quantiles_of_one_value_and_of_none(void)
{
	static const double one[] = { 7 };
	double q = -1;

	CHECK_INT(quantile_sorted(one, 1, 0.5, &q), 0);
	CHECK_DBL(q, 7);
	CHECK_INT(quantile_sorted(one, 1, 0.9, &q), 0);
	CHECK_DBL(q, 7);
	q = -1;
	CHECK_INT(quantile_sorted(one, 0, 0.5, &q), -1);
	CHECK_DBL(q, -1);
	CHECK_INT(quantile_sorted(one, 1, 1.5, &q), -1);
}

static void test_poisson_test_matches_exact_binomial_sums(void)
{
	/* 10 against 2, equal exposure: 2 * (66 + 12 + 1) / 4096 exactly. */
	CHECK_NEAR(poisson_test(10, 1, 2, 1), 0.03857421875, 1e-12);
	CHECK_NEAR(poisson_test(2, 1, 10, 1), 0.03857421875, 1e-12);
	CHECK_NEAR(poisson_test(0, 1, 5, 1), 0.0625, 1e-12);
	CHECK_NEAR(poisson_test(7, 1, 7, 1), 1.0, 1e-12);
	/* Unequal exposures: months of 30 and 31 days. */
	CHECK_NEAR(poisson_test(3, 30, 8, 31), 0.22725517190054349830, 1e-10);
	CHECK_NEAR(poisson_test(12, 31, 25, 30), 0.031520947321595752349, 1e-10);
	CHECK_NEAR(poisson_test(41, 30, 29, 31), 0.12147743472933417982, 1e-10);
}

/*
 * Only the terms that are not 0 in double are summed: the result is the
 * sum over every k, bit for bit (here, the sum of all 22,265 terms).
 */
static void test_poisson_test_of_large_counts_is_the_whole_sum(void)
{
	CHECK_DBL(poisson_test(11174, 30, 11089, 31), 0.0026148963344579741);
	CHECK_NEAR(poisson_test(11089, 31, 11174, 30), 0.0026148963344579741, 1e-12);
	CHECK_NEAR(poisson_test(40000, 1, 0, 1), 0, 1e-300);
	CHECK_NEAR(poisson_test(20000, 1, 20000, 1), 1.0, 1e-9);
}

static void test_poisson_test_works_for_large_counts(void)
{
	CHECK_NEAR(poisson_test(1000, 1, 900, 1), 0.023108845108901071322, 1e-9);
	CHECK_NEAR(poisson_test(2100, 31, 1900, 30), 0.034083689358578508775, 1e-9);
	/* Far in the tail: tiny but not NaN or negative. */
	CHECK(poisson_test(100000, 1, 1000, 1) >= 0);
	CHECK(poisson_test(100000, 1, 1000, 1) < 1e-100);
}

static void test_poisson_test_edge_cases(void)
{
	CHECK_DBL(poisson_test(0, 30, 0, 31), 1);
	CHECK_DBL(poisson_test(-1, 30, 0, 31), -1);
	CHECK_DBL(poisson_test(1, 0, 1, 31), -1);
}

static void test_share_flags_follow_the_dbir_thresholds(void)
{
	CHECK_INT(share_flag(0), SHARE_SUPPRESSED);
	CHECK_INT(share_flag(4), SHARE_SUPPRESSED);
	CHECK_INT(share_flag(5), SHARE_UNRELIABLE);
	CHECK_INT(share_flag(29), SHARE_UNRELIABLE);
	CHECK_INT(share_flag(30), SHARE_OK);
	CHECK_STR(share_flag_name(SHARE_UNRELIABLE), "unreliable");
	CHECK_STR(share_flag_name(SHARE_SUPPRESSED), "suppressed");
	CHECK_NULL(share_flag_name(SHARE_OK));
}

int main(void)
{
	test_run("wilson intervals match Newcombe's published table", test_wilson_matches_newcombe);
	test_run("wilson intervals stay in [0, 1] and reject bad input",
		 test_wilson_stays_in_bounds_and_rejects_bad_input);
	test_run("quantiles interpolate between order statistics (type 7)",
		 test_quantiles_interpolate_between_order_statistics);
	test_run("quantiles of one value are that value, of none an error",
		 test_quantiles_of_one_value_and_of_none);
	test_run("the poisson test matches exact binomial sums", test_poisson_test_matches_exact_binomial_sums);
	test_run("the poisson test works for large counts", test_poisson_test_works_for_large_counts);
	test_run("the poisson test of large counts is the whole sum",
		 test_poisson_test_of_large_counts_is_the_whole_sum);
	test_run("the poisson test handles zero counts and bad exposures", test_poisson_test_edge_cases);
	test_run("share flags follow the DBIR thresholds of 30 and 5",
		 test_share_flags_follow_the_dbir_thresholds);
	return test_done();
}
