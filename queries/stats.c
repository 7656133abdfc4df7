#include "stats.h"

#include <math.h>

#include "../util/banned.h"

enum share_flag share_flag(long long n)
{
	if (n < STATS_SHOWN_N)
		return SHARE_SUPPRESSED;
	if (n < STATS_RELIABLE_N)
		return SHARE_UNRELIABLE;
	return SHARE_OK;
}

const char *share_flag_name(enum share_flag f)
{
	switch (f) {
	case SHARE_UNRELIABLE:
		return "unreliable";
	case SHARE_SUPPRESSED:
		return "suppressed";
	case SHARE_OK:
		break;
	}
	return NULL;
}

int wilson_interval(long long k, long long n, double z, double *lo, double *hi)
{
	double p, z2n, centre, half;

	if (n < 1 || k < 0 || k > n)
		return -1;
	p = (double)k / (double)n;
	z2n = z * z / (double)n;
	centre = (p + z2n / 2) / (1 + z2n);
	half = z / (1 + z2n) * sqrt(p * (1 - p) / (double)n + z2n / (4 * (double)n));
	/* Rounding can push an end a hair past 0 or 1 when k is 0 or n. */
	*lo = centre - half < 0 ? 0 : centre - half;
	*hi = centre + half > 1 ? 1 : centre + half;
	return 0;
}

int quantile_sorted(const double *sorted, size_t n, double q, double *out)
{
	double h;
	size_t lo;

	if (!n || !(q >= 0 && q <= 1))
		return -1;
	h = (double)(n - 1) * q;
	lo = (size_t)floor(h);
	if (lo + 1 >= n) {
		*out = sorted[n - 1];
		return 0;
	}
	*out = sorted[lo] + (h - (double)lo) * (sorted[lo + 1] - sorted[lo]);
	return 0;
}

/* log P(X = k) for X ~ Binomial(n, p), 0 < p < 1. */
static double log_binom_pmf(long long k, long long n, double log_p, double log_q)
{
	return lgamma((double)n + 1) - lgamma((double)k + 1) - lgamma((double)(n - k) + 1) +
	       (double)k * log_p + (double)(n - k) * log_q;
}

/* exp() of less is exactly 0 in double: such a term adds nothing to a sum. */
#define LOG_UNDERFLOW (-750.0)

/*
 * The last k, going from `in` (whose term is above LOG_UNDERFLOW) towards
 * `out` (one whose term is below, or one past the end), whose term is
 * above: the log of the binomial pmf is concave in k, so the terms fall
 * on either side of the mode and a bisection finds where they vanish.
 */
static long long last_above(long long n, double log_p, double log_q, long long in, long long out)
{
	while (in - out > 1 || out - in > 1) {
		long long mid = in + (out - in) / 2;

		if (log_binom_pmf(mid, n, log_p, log_q) >= LOG_UNDERFLOW)
			in = mid;
		else
			out = mid;
	}
	return in;
}

double poisson_test(long long k1, double t1, long long k2, double t2)
{
	long long n = k1 + k2, mode, lo, hi;
	double log_p, log_q, limit, sum = 0;

	if (k1 < 0 || k2 < 0 || !(t1 > 0) || !(t2 > 0))
		return -1;
	if (n == 0)
		return 1;
	log_p = log(t1 / (t1 + t2));
	log_q = log(t2 / (t1 + t2));
	/* Outcomes within a relative 1e-7 of the observed one count as ties. */
	limit = log_binom_pmf(k1, n, log_p, log_q) + log1p(1e-7);
	/*
	 * Only the terms around the mode are not 0 in double (two months of
	 * 11,000 incidents: 5,725 of 22,264): sum those, in the same order,
	 * for the same result bit for bit.
	 */
	mode = (long long)floor((double)(n + 1) * (t1 / (t1 + t2)));
	mode = mode < 0 ? 0 : mode > n ? n : mode;
	lo = last_above(n, log_p, log_q, mode, -1);
	hi = last_above(n, log_p, log_q, mode, n + 1);
	for (long long k = lo; k <= hi; k++) {
		double lp = log_binom_pmf(k, n, log_p, log_q);

		if (lp <= limit)
			sum += exp(lp);
	}
	return sum > 1 ? 1 : sum;
}
