/*
 * Columns: one per category (CHART_COLUMN), stacked from every series
 * (CHART_STACKED), or response-time buckets with markers
 * (CHART_DISTRIBUTION).
 *
 *   [legend]                               (stacked, two or more series)
 *   marker labels, in as many rows as they need not to overlap
 *   caption ("incidents")
 *   1,500 -|- - - - - - - - - - -          value axis from zero, 1-2-5 ticks
 *          |      123                    totals above the columns, when
 *          |  ##  ###  ##                they all fit their slot
 *   0 -----+--##--###--##--------        base line
 *            Jan  Feb  Mar               every k-th label (k = 1, 2, 3, 4, 6, 12)
 */
#include <math.h>

#include "axis.h"
#include "draw.h"
#include "layout.h"
#include "../util/banned.h"

#define MAX_COLUMN 42.0
#define MAX_MARKERS 16

/* The column's total; NaN when no part of it is known. */
static double total(const struct chart_data *d, size_t nseries, size_t i)
{
	double t = 0;
	int any = 0;

	for (size_t s = 0; s < nseries; s++) {
		double v = d->series[s].values[i];

		if (known(v)) {
			t += v;
			any = 1;
		}
	}
	return any ? t : NAN;
}

/*
 * Marker labels above the plot; returns the height they take.
 *
 * Each label stands on its own row, just right of its dashed line, and the
 * rows go down from left to right:
 *
 *     median 3 h
 *     :   p90 8.4 h
 *     :   :
 *
 * so that a line only ever passes left of the labels below it and never
 * through one (centred labels did, when two markers were close). A label
 * that would run past the right edge goes left of its line instead.
 */
static double markers(struct ctx *c, double x0, double pitch, double top, double base, int draw)
{
	const struct chart_data *d = c->d;
	double xs[MAX_MARKERS], line, gap;
	size_t nr = 0, idx[MAX_MARKERS];

	draw_font(c, TEXT_VALUE);
	line = 1.35 * c->size;
	gap = 0.4 * c->size;
	for (size_t m = 0; m < d->marker_nr && nr < MAX_MARKERS; m++) {
		double at = d->markers[m].at;
		size_t k;

		if (!isfinite(at) || at < 0 || at > (double)d->nr || !d->markers[m].label)
			continue;
		/* Insertion sort by position: there are a handful at most. */
		for (k = nr; k > 0 && xs[k - 1] > x0 + at * pitch; k--) {
			xs[k] = xs[k - 1];
			idx[k] = idx[k - 1];
		}
		xs[k] = x0 + at * pitch;
		idx[k] = m;
		nr++;
	}
	if (!draw)
		return nr ? (double)nr * line + 2 : 0;
	for (size_t k = 0; k < nr; k++) {
		const char *label = d->markers[idx[k]].label;
		double y = top + ((double)k + 0.5) * line;
		int right = xs[k] + gap + draw_width(c, label) <= c->x1;

		draw_vdash(c, xs[k], top + (double)k * line + 0.15 * line, base, 1, palette_marker);
		draw_text(c, label, right ? xs[k] + gap : xs[k] - gap, draw_mid(c, y),
			  right ? ALIGN_LEFT : ALIGN_RIGHT, palette_marker);
	}
	return 0;
}

void column_draw(struct ctx *c)
{
	const struct chart_data *d = c->d;
	enum chart_kind kind = c->spec->kind;
	size_t nseries = kind == CHART_STACKED ? d->series_nr : 1;
	struct legend_item items[PALETTE_CAT_NR];
	struct buf fit = BUF_INIT;
	double x0 = c->x0, y0 = c->y0, base, max = 0, top, pitch, colw, widest = 0, vw = 0;
	double mk_top, mk_h = 0, value_h;
	int step, values_fit;

	if (nseries > PALETTE_CAT_NR)
		nseries = PALETTE_CAT_NR;
	if (kind == CHART_STACKED && nseries > 1) {
		for (size_t s = 0; s < nseries; s++) {
			items[s].label = d->series[s].name ? d->series[s].name : "";
			items[s].col = palette_cat[s];
			items[s].style = LEGEND_BOX;
		}
		draw_legend(c, items, nseries, c->x0, y0 + 0.7 * 8, c->x1, 0);
		y0 += draw_legend(c, items, nseries, c->x0, y0, c->x1, 1) + 4;
	}
	for (size_t i = 0; i < d->nr; i++) {
		double t = total(d, nseries, i);

		if (known(t) && t > max)
			max = t;
	}
	draw_font(c, TEXT_LABEL);
	base = c->y1 - 1.7 * c->size;
	for (size_t i = 0; i < d->nr; i++)
		widest = fmax(widest, draw_width(c, d->labels[i] ? d->labels[i] : ""));

	/* Marker labels go above the axis, their rows found with the pitch the
	 * columns will have once the axis labels take their width. */
	mk_top = y0;
	draw_font(c, TEXT_VALUE);
	value_h = 1.5 * c->size;
	if (kind == CHART_DISTRIBUTION && d->marker_nr) {
		double xa = x0 + value_axis_width(c, max, base - y0, value_h);

		mk_h = markers(c, xa, (c->x1 - xa) / (double)d->nr, y0, base, 0);
	}
	y0 += mk_h;
	top = draw_value_axis(c, max, &x0, &y0, c->x1, base, value_h);
	pitch = (c->x1 - x0) / (double)d->nr;
	colw = kind == CHART_DISTRIBUTION ? fmin(pitch * 0.9, 2 * MAX_COLUMN)
					 : fmin(pitch * 0.68, MAX_COLUMN);

	/* Totals above the columns, all or none, so none is misread as missing. */
	draw_font(c, TEXT_VALUE);
	for (size_t i = 0; i < d->nr; i++) {
		buf_reset(&c->tmp);
		format_count(c, &c->tmp, total(d, nseries, i));
		vw = fmax(vw, draw_width(c, c->tmp.buf));
	}
	values_fit = vw <= pitch - 2;

	for (size_t i = 0; i < d->nr; i++) {
		double xc = x0 + pitch * ((double)i + 0.5), y = base, t = total(d, nseries, i);

		for (size_t s = 0; s < nseries; s++) {
			double v = d->series[s].values[i], hgt;

			if (!known(v) || v <= 0)
				continue;
			hgt = fmax(v / top * (base - y0), 0.75);
			draw_rect(c, xc - colw / 2, y - hgt, colw, hgt,
				  palette_cat[kind == CHART_STACKED ? s : 0]);
			if (nseries > 1) {
				/* The segment's own count inside it, when it fits. */
				struct rgb ink = palette_luminance(palette_cat[s]) < 0.4 ?
					palette_background : palette_text;

				buf_reset(&c->tmp);
				format_count(c, &c->tmp, v);
				draw_font(c, TEXT_LABEL);
				if (hgt >= 1.3 * c->size && draw_width(c, c->tmp.buf) <= colw - 2)
					draw_text(c, c->tmp.buf, xc, draw_mid(c, y - hgt / 2),
						  ALIGN_CENTRE, ink);
			}
			y -= hgt;
		}
		buf_reset(&c->tmp);
		format_count(c, &c->tmp, t);
		if (!known(t)) {
			/* Not a zero: say so where the column would stand. */
			draw_font(c, TEXT_SMALL);
			draw_text(c, draw_width(c, c->words->not_available) <= pitch - 1 ? c->words->not_available : "?", xc, base - 3,
				  ALIGN_CENTRE, palette_muted);
		} else if (values_fit) {
			draw_font(c, TEXT_VALUE);
			draw_text(c, c->tmp.buf, xc, y - 3, ALIGN_CENTRE, palette_text);
		}
	}
	draw_hline(c, x0, c->x1, base, 0.75, palette_axis);

	/* Category labels: every step-th; buckets all, shortened if need be. */
	draw_font(c, TEXT_LABEL);
	step = kind == CHART_DISTRIBUTION ? 1 : label_step(c, pitch, widest);
	for (size_t i = 0; i < d->nr; i += (size_t)step) {
		double xc = x0 + pitch * ((double)i + 0.5);

		draw_fit(c, &fit, d->labels[i], fmin(step * pitch, c->x1 - c->x0) - 4);
		draw_text(c, fit.buf, layout_clamp(xc, draw_width(c, fit.buf), c->x0, c->x1),
			  base + 1.25 * c->size, ALIGN_CENTRE, palette_text);
	}
	if (kind == CHART_DISTRIBUTION && d->marker_nr)
		markers(c, x0, pitch, mk_top, base, 1);
	buf_release(&fit);
}
