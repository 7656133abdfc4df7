#include "axis.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../lang/lang.h"
#include "../util/banned.h"

static const double mantissa[] = { 1, 2, 5 };

int axis_ticks(double lo, double hi, double length, double min_spacing, int integer,
	       struct axis *out)
{
	memset(out, 0, sizeof(*out));
	if (!isfinite(lo) || !isfinite(hi) || hi < lo || !(length > 0) || !(min_spacing > 0))
		return -1;
	if (hi == lo)
		hi = lo + 1;

	/*
	 * Walk the steps upwards from well below the data's magnitude; the
	 * first step whose spacing clears the minimum wins. A step as large
	 * as the whole range always ends the walk.
	 */
	int e = (int)floor(log10(hi - lo)) - 2;
	for (int tries = 0; tries < 60; tries++, e++) {
		for (size_t m = 0; m < sizeof(mantissa) / sizeof(mantissa[0]); m++) {
			double step = mantissa[m] * pow(10, e);
			double nlo, nhi, count;

			if (integer && step < 1)
				continue;
			nlo = floor(lo / step + 1e-9) * step;
			nhi = ceil(hi / step - 1e-9) * step;
			count = round((nhi - nlo) / step);
			if (count + 1 > AXIS_MAX_TICKS)
				continue;
			if (length / count < min_spacing && count > 1)
				continue;
			out->lo = nlo;
			out->hi = nhi;
			out->step = step;
			out->nr = (int)count + 1;
			out->decimals = e < 0 ? -e : 0;
			for (int i = 0; i < out->nr; i++) {
				/* From integers, so that 0.1 * 3 prints as 0.3. */
				double k = round(nlo / step) + i;
				out->v[i] = e < 0 ? k * mantissa[m] / pow(10, -e) : k * step;
			}
			return 0;
		}
	}
	return -1;
}

int axis_counts(double max, double length, double min_spacing, double headroom,
		struct axis *out)
{
	if (!isfinite(max) || !(length > 0)) {
		memset(out, 0, sizeof(*out));
		return -1;
	}
	if (max < 0)
		max = 0;
	/*
	 * Stretch the data so that `max` ends `headroom` below the top, rather
	 * than leaving a band under the top that the grid does not reach. On
	 * an axis too short for that, the labels must make do.
	 */
	if (headroom > 0 && length > 2 * headroom)
		max = max * length / (length - headroom);
	return axis_ticks(0, max, length, min_spacing, 1, out);
}

int axis_classes(double max, int max_classes, double *upper)
{
	double b[64];
	int n = 0;

	if (!(max >= 1) || max_classes < 1)
		return 0;
	max = ceil(max);
	if (max <= max_classes) {
		for (int i = 0; i < (int)max; i++)
			upper[i] = i + 1;
		return (int)max;
	}
	/* 1, 2, 5, 10, ... below max, then max itself. */
	for (double p = 1; n < 60; p *= 10) {
		for (size_t m = 0; m < 3 && n < 60; m++) {
			if (mantissa[m] * p >= max)
				goto done;
			b[n++] = mantissa[m] * p;
		}
	}
done:
	/* A last class much narrower than its step looks like a mistake: merge it. */
	if (n > 0 && max < 1.5 * b[n - 1])
		n--;
	b[n++] = max;
	/* Keep every other bound, counting back from max, until they fit. */
	while (n > max_classes) {
		int k = 0;

		for (int i = (n - 1) % 2; i < n; i += 2)
			b[k++] = b[i];
		n = k;
	}
	memcpy(upper, b, (size_t)n * sizeof(*upper));
	return n;
}

void axis_format(struct buf *out, double v, int decimals)
{
	i18n_real(out, LANG_EN, v, decimals);
}

void axis_format_percent(struct buf *out, double share)
{
	i18n_percent(out, LANG_EN, share);
}
