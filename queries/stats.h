#ifndef STATS_H
#define STATS_H

/*
 * The statistics behind every number a briefing prints: shares with their
 * reliability, the Wilson interval of a proportion, quantiles of a small
 * sample and the exact test for a change between two periods.
 *
 * Pure functions of their arguments: no allocation, no I/O, no error
 * messages. Each is tested against values computed independently (see
 * tests/unit/t_query_stats.c).
 */

#include <stddef.h>

/* z for a two-sided 95% interval: the 0.975 quantile of the standard normal. */
#define STATS_Z95 1.959964

/*
 * The DBIR tooling's rules for a share over n incidents: below 30 it is
 * shown but flagged as unreliable, below 5 it is not given at all (the
 * counts still are). These are the only two thresholds; results carry the
 * flag so that charts and the report can mark or drop the value.
 */
#define STATS_RELIABLE_N 30
#define STATS_SHOWN_N 5

enum share_flag {
	SHARE_OK = 0,
	SHARE_UNRELIABLE = 1,	/* 5 <= n < 30 */
	SHARE_SUPPRESSED = 2,	/* n < 5: do not print the share */
};

/* The flag for a share whose denominator is n. */
enum share_flag share_flag(long long n);
/* "unreliable", "suppressed", or NULL for SHARE_OK. */
const char *share_flag_name(enum share_flag f);

/*
 * Wilson score interval for k successes in n trials (0 <= k <= n) with
 * normal quantile z (STATS_Z95 for 95%). Unlike the textbook p +- z*se it
 * stays inside [0, 1] and is sensible for k = 0, k = n and small n.
 * Returns 0 and sets *lo, *hi; returns -1 and leaves them alone when n < 1
 * or k is out of range.
 */
int wilson_interval(long long k, long long n, double z, double *lo, double *hi);

/*
 * The q-quantile (0 <= q <= 1) of the n values in `sorted` (ascending), by
 * linear interpolation between order statistics: Hyndman and Fan's type 7,
 * the default of R's quantile() and of numpy.percentile. With n = 1 every
 * quantile is that value. Returns 0 and sets *out, or -1 when n is 0 or q is
 * outside [0, 1].
 */
int quantile_sorted(const double *sorted, size_t n, double q, double *out);

/*
 * Exact conditional test that two Poisson counts have the same rate: k1
 * events over exposure t1 against k2 over t2 (exposures in any common unit,
 * e.g. days; both > 0). Under the null hypothesis k1 given k1 + k2 is
 * Binomial(k1 + k2, t1 / (t1 + t2)). The two-sided p-value is the sum of
 * the probabilities of the outcomes no more likely than k1, with a relative
 * tolerance of 1e-7 for ties (as R's binom.test and poisson.test do).
 * Computed in log space with lgamma(), so large counts do not overflow.
 * Returns the p-value in [0, 1]; 1 when k1 + k2 = 0; -1 for negative counts
 * or exposures that are not positive.
 */
double poisson_test(long long k1, double t1, long long k2, double t2);

/* The level below which a change is called significant in a briefing. */
#define STATS_ALPHA 0.05

#endif
