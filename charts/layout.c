#include "layout.h"

#include <string.h>

#include "../util/utf8.h"
#include "../util/banned.h"

#define ELLIPSIS "\xe2\x80\xa6"

/* Sets `out` to the first `chars` characters, trimmed, and "…". */
static void shortened(struct buf *out, const char *s, size_t chars)
{
	size_t len = utf8_prefix(s, strlen(s), chars);

	while (len && strchr(" \t,;:-(/", s[len - 1]))
		len--;
	buf_reset(out);
	buf_add(out, s, len);
	buf_adds(out, ELLIPSIS);
}

int layout_ellipsize(struct buf *out, const char *s, double max_w,
		     layout_measure_fn *measure, void *ctx)
{
	size_t lo = 0, hi;

	buf_reset(out);
	if (measure(ctx, s) <= max_w) {
		buf_adds(out, s);
		return 0;
	}
	if (measure(ctx, ELLIPSIS) > max_w)
		return 1;
	/*
	 * Binary search for the longest prefix that fits: lo characters are
	 * known to fit (zero does, as "…" alone fits), hi do not.
	 */
	hi = utf8_count(s, strlen(s));
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		shortened(out, s, mid);
		if (measure(ctx, out->buf) <= max_w)
			lo = mid;
		else
			hi = mid;
	}
	/* Trimming can only narrow the text, so lo still fits. */
	shortened(out, s, lo);
	return 1;
}

int layout_label_step(double pitch, double widest, double gap)
{
	static const int steps[] = { 1, 2, 3, 4, 6, 12 };
	int k = 12;

	if (!(pitch > 0))
		return 1;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (steps[i] * pitch >= widest + gap)
			return steps[i];
	while (k * pitch < widest + gap && k < (1 << 20))
		k *= 2;
	return k;
}

int layout_rows(const double *centre, const double *width, size_t nr, double gap, int *row)
{
	int rows = 0;

	for (size_t i = 0; i < nr; i++) {
		int r;

		for (r = 0;; r++) {
			int clash = 0;

			for (size_t j = 0; j < i && !clash; j++) {
				double need = (width[i] + width[j]) / 2 + gap;
				double d = centre[i] - centre[j];

				if (row[j] == r && (d < 0 ? -d : d) < need)
					clash = 1;
			}
			if (!clash)
				break;
		}
		row[i] = r;
		if (r + 1 > rows)
			rows = r + 1;
	}
	return rows;
}

double layout_clamp(double centre, double width, double lo, double hi)
{
	if (centre - width / 2 < lo)
		centre = lo + width / 2;
	if (centre + width / 2 > hi)
		centre = hi - width / 2;
	if (width > hi - lo)
		centre = (lo + hi) / 2;
	return centre;
}
