#ifndef CHARTS_AXIS_H
#define CHARTS_AXIS_H

/*
 * Axis arithmetic, without cairo, so that it can be tested with golden lists:
 * tick values, map classes and the formatting of numbers on a chart.
 *
 * axis_format() and axis_format_percent() write numbers the English way
 * ("1,234", "31%"): they are i18n_real() and i18n_percent() (lang/lang.h)
 * in English, the formatters every chart, text and table uses.
 */

#include "../util/buf.h"

#define AXIS_MAX_TICKS 16

struct axis {
	double lo, hi;		/* the axis range: multiples of step, lo <= data <= hi */
	double step;		/* 1, 2 or 5 times a power of ten */
	int nr;			/* ticks in v[], lo and hi included */
	int decimals;		/* digits after the point the tick labels need */
	double v[AXIS_MAX_TICKS];
};

/*
 * Chooses ticks for data in [lo, hi] drawn over `length` device units, with
 * at least `min_spacing` units between neighbouring ticks (the caller derives
 * it from the font size: a label's height on a vertical axis, its width on a
 * horizontal one). The step is the smallest of 1, 2, 5 x 10^k that clears
 * `min_spacing`; with `integer` set no step is below 1 (counts have no
 * halves). The range is widened outwards to multiples of the step, so a chart
 * of counts, which passes lo = 0, starts at zero. An empty range (lo == hi)
 * becomes [lo, lo + 1]. If even one step over the whole length is closer
 * than `min_spacing`, that single step is returned (two ticks).
 *
 * Returns 0, or -1 without a message when lo or hi is not finite, hi < lo,
 * or length or min_spacing is not positive; `out` is then zeroed.
 */
int axis_ticks(double lo, double hi, double length, double min_spacing, int integer,
	       struct axis *out);

/*
 * The value axis of a chart of counts from 0 to `max` (the largest count
 * drawn) over `length` device units: integer ticks at least `min_spacing`
 * apart, and a top far enough above `max` that `headroom` units stay free
 * above the highest bar for its value label. The axis fits the data: bars of
 * 1 and 2 get an axis 0, 1, 2, 3, not a fixed 0 to 15 on which they look
 * like lines. max <= 0 (nothing above zero) gives [0, 1].
 *
 * Returns 0, or -1 without a message when max is not finite or length or
 * min_spacing is not positive; `out` is then zeroed.
 */
int axis_counts(double max, double length, double min_spacing, double headroom,
		struct axis *out);

/*
 * Upper bounds of at most `max_classes` map classes for counts from 1 to
 * `max` (0 has its own colour and is not a class). With max <= max_classes
 * every count is its own class (1, 2, 3); otherwise the bounds come from the
 * 1-2-5 sequence, which suits the skewed counts of incidents per country,
 * thinned to fit, and the last bound is `max` rounded up. Class i holds
 * (upper[i-1], upper[i]], with upper[-1] taken as 0. Returns the number of
 * classes written to `upper` (0 when max < 1 or max_classes < 1).
 */
int axis_classes(double max, int max_classes, double *upper);

/* Appends `v` with `decimals` digits and thousands separators ("-1,234.5"). */
void axis_format(struct buf *out, double v, int decimals);

/*
 * Appends a share (0..1) as a whole percentage: "31%", and "<1%" or ">99%"
 * rather than a rounded 0% or 100% that is not true.
 */
void axis_format_percent(struct buf *out, double share);

#endif
