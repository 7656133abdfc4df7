/*
 * Lines over months: one per series, and `compare` (the same months a year
 * earlier) as a lighter, thinner line under the first series, in its hue.
 *
 *   [legend: ━ 2024   ━ 2023 (lighter)]
 *   caption
 *   40 -|- - - - - - - - - - - - - - 37   value axis from zero; the last
 *       |        •───•        •───•       value of the first series labelled
 *       |   •───•      •───•              points at the slots' centres; an
 *   0 --+---------------------------      unknown value breaks the line
 *         Jan Feb Mar ...
 */
#include <math.h>

#include "draw.h"
#include "layout.h"
#include "../util/banned.h"

/* The comparison line: the first colour, 60% of the way to white. */
#define COMPARE_LIGHTER 0.6

static void polyline(struct ctx *c, const double *v, double x0, double pitch, double base,
		     double y0, double top, double width, struct rgb col, int dots)
{
	const struct chart_data *d = c->d;

	draw_rgb(c, col);
	cairo_set_line_width(c->cr, width);
	cairo_set_line_join(c->cr, CAIRO_LINE_JOIN_ROUND);
	cairo_set_line_cap(c->cr, CAIRO_LINE_CAP_ROUND);
	cairo_new_path(c->cr);
	draw_polyline_path(c, v, d->nr, x0 + pitch / 2, pitch, base, (base - y0) / top);
	cairo_stroke(c->cr);
	if (!dots)
		return;
	for (size_t i = 0; i < d->nr; i++) {
		if (!known(v[i]))
			continue;
		cairo_new_sub_path(c->cr);
		cairo_arc(c->cr, x0 + pitch * ((double)i + 0.5), base - v[i] / top * (base - y0),
			  width * 1.1, 0, 2 * M_PI);
	}
	cairo_fill(c->cr);
}

void line_draw(struct ctx *c)
{
	const struct chart_data *d = c->d;
	size_t nseries = d->series_nr < PALETTE_CAT_NR ? d->series_nr : PALETTE_CAT_NR;
	struct legend_item items[PALETTE_CAT_NR + 1];
	size_t nitems = 0, last = d->nr;
	struct buf fit = BUF_INIT;
	struct rgb light = palette_lighter(palette_cat[0], COMPARE_LIGHTER);
	double x0 = c->x0, y0 = c->y0, base, max = 0, top, pitch, widest = 0, value_h;
	int step;

	for (size_t s = 0; s < nseries; s++) {
		max = fmax(max, series_max(d, s));
		if (d->series[s].name)
			items[nitems++] = (struct legend_item){ d->series[s].name, palette_cat[s],
								LEGEND_LINE, 2 };
	}
	if (d->compare.values) {
		for (size_t i = 0; i < d->nr; i++)
			if (known(d->compare.values[i]))
				max = fmax(max, d->compare.values[i]);
		items[nitems++] = (struct legend_item){
			d->compare.name ? d->compare.name : c->words->year_earlier, light, LEGEND_LINE, 2 };
	}
	if (nitems) {
		draw_legend(c, items, nitems, c->x0, y0 + 0.7 * 8, c->x1, 0);
		y0 += draw_legend(c, items, nitems, c->x0, y0, c->x1, 1) + 4;
	}

	draw_font(c, TEXT_LABEL);
	base = c->y1 - 1.7 * c->size;
	for (size_t i = 0; i < d->nr; i++)
		widest = fmax(widest, draw_width(c, d->labels[i] ? d->labels[i] : ""));
	draw_font(c, TEXT_VALUE);
	value_h = 1.5 * c->size;
	top = draw_value_axis(c, max, &x0, &y0, c->x1, base, value_h);
	pitch = (c->x1 - x0) / (double)d->nr;

	draw_hline(c, x0, c->x1, base, 0.75, palette_axis);
	if (d->compare.values)
		polyline(c, d->compare.values, x0, pitch, base, y0, top, 1.5, light, 0);
	for (size_t s = nseries; s-- > 0;)
		polyline(c, d->series[s].values, x0, pitch, base, y0, top, 2, palette_cat[s],
			 pitch >= 8);

	/* The latest known value of the first series, above its point. */
	for (size_t i = d->nr; i-- > 0;) {
		if (known(d->series[0].values[i])) {
			last = i;
			break;
		}
	}
	if (last < d->nr) {
		double v = d->series[0].values[last], w;

		buf_reset(&c->tmp);
		format_count(c, &c->tmp, v);
		draw_font(c, TEXT_VALUE);
		w = draw_width(c, c->tmp.buf);
		draw_text(c, c->tmp.buf,
			  layout_clamp(x0 + pitch * ((double)last + 0.5), w, x0, c->x1),
			  base - v / top * (base - y0) - 5, ALIGN_CENTRE, palette_cat[0]);
	}

	/* Months the first series does not know: not zero, say so. */
	draw_font(c, TEXT_SMALL);
	for (size_t i = 0; i < d->nr; i++)
		if (!known(d->series[0].values[i]))
			draw_text(c, draw_width(c, c->words->not_available) <= pitch - 1 ? c->words->not_available : "?",
				  x0 + pitch * ((double)i + 0.5), base - 3, ALIGN_CENTRE, palette_muted);

	draw_font(c, TEXT_LABEL);
	step = label_step(c, pitch, widest);
	for (size_t i = 0; i < d->nr; i += (size_t)step) {
		double xc = x0 + pitch * ((double)i + 0.5);

		draw_fit(c, &fit, d->labels[i], fmin(step * pitch, c->x1 - c->x0) - 4);
		draw_text(c, fit.buf, layout_clamp(xc, draw_width(c, fit.buf), c->x0, c->x1),
			  base + 1.25 * c->size, ALIGN_CENTRE, palette_text);
	}
	buf_release(&fit);
}
