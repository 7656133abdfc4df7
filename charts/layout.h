#ifndef CHARTS_LAYOUT_H
#define CHARTS_LAYOUT_H

/*
 * Placing text: measure, then place. Nothing here draws; text is measured
 * through a callback so that the rules can be tested with a fake measure
 * (one unit per character) as well as with the real font.
 */

#include <stddef.h>

#include "../util/buf.h"

/* Width of the UTF-8 string `s` in the caller's units. */
typedef double layout_measure_fn(void *ctx, const char *s);

/*
 * Sets `out` to `s`, or, when `s` is wider than `max_w`, to its longest
 * prefix that still fits with "…" (U+2026) after it. The cut is made between
 * UTF-8 characters, and spaces and punctuation before the "…" are dropped.
 * When not even "…" fits, `out` is empty. Never returns text wider than
 * `max_w`. Returns 1 when `s` was shortened, 0 when it fits as it is.
 */
int layout_ellipsize(struct buf *out, const char *s, double max_w,
		     layout_measure_fn *measure, void *ctx);

/*
 * Which labels to write along an axis of slots `pitch` apart, when the
 * widest label is `widest` and labels need `gap` between them: returns k,
 * meaning every k-th slot gets its label, k from 1, 2, 3, 4, 6, 12 and then
 * doubling (steps that divide a year of months evenly).
 */
int layout_label_step(double pitch, double widest, double gap);

/*
 * Assigns labels centred at `centre[i]` and `width[i]` wide to rows so that
 * no two labels in a row come closer than `gap`: each label goes to the
 * first row where it fits, in the order given. Writes row[i] (0-based) and
 * returns the number of rows used.
 */
int layout_rows(const double *centre, const double *width, size_t nr, double gap, int *row);

/* The centre nearest to `centre` that keeps a label `width` wide in [lo, hi]. */
double layout_clamp(double centre, double width, double lo, double hi);

#endif
