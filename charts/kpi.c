/*
 * KPI tiles, side by side, in rows when they would be narrower than
 * MIN_TILE points:
 *
 *   +-------------------------+
 *   | Incidents               |   label (grey)
 *   | 42                      |   the value (22 bold)
 *   | ▲ +5 (+14%)             |   change on the previous period
 *   | not significant          |   when the caller says it is within noise
 *   |  ╱╲__╱‾‾╲_╱•            |   sparkline, the latest value dotted
 *   +-------------------------+
 *
 * The percentage is left out when the previous value is below 10: a change
 * from 2 to 4 is not "+100%" in a management briefing.
 */
#include <math.h>

#include "axis.h"
#include "draw.h"
#include "../util/banned.h"

#define MIN_TILE 100.0
#define TILE_GAP 8.0
#define INSET 8.0
#define MAX_TILE_H 120.0

static void change_text(struct ctx *c, const struct chart_kpi *k, struct buf *out)
{
	double diff;

	buf_reset(out);
	if (k->change_text) {
		buf_adds(out, k->change_text);
		return;
	}
	if (!isfinite(k->value) || !isfinite(k->previous)) {
		buf_adds(out, c->words->no_previous);
		return;
	}
	diff = k->value - k->previous;
	if (diff > 0)
		buf_adds(out, "\xe2\x96\xb2 +");	/* ▲ */
	else if (diff < 0)
		buf_adds(out, "\xe2\x96\xbc \xe2\x88\x92");	/* ▼ − */
	else
		buf_adds(out, "= ");
	format_number(c, out, fabs(diff), diff == floor(diff) ? 0 : 1);
	if (k->previous >= 10 && diff != 0) {
		buf_adds(out, " (");
		buf_adds(out, diff > 0 ? "+" : "\xe2\x88\x92");
		format_percent(c, out, fabs(diff) / k->previous);
		buf_addch(out, ')');
	}
}

static void sparkline(struct ctx *c, const struct chart_kpi *k, double x0, double y0, double x1,
		      double y1)
{
	double lo = INFINITY, hi = -INFINITY, step;
	size_t last = k->spark_nr;

	for (size_t i = 0; i < k->spark_nr; i++) {
		if (!known(k->spark[i]))
			continue;
		lo = fmin(lo, k->spark[i]);
		hi = fmax(hi, k->spark[i]);
		last = i;
	}
	if (last == k->spark_nr || k->spark_nr < 2 || y1 - y0 < 4)
		return;
	/* From zero, like every other count in the briefing. */
	lo = 0;
	if (hi <= lo)
		hi = lo + 1;
	step = (x1 - x0) / (double)(k->spark_nr - 1);
	draw_rgb(c, palette_cat[0]);
	cairo_set_line_width(c->cr, 1.2);
	cairo_set_line_join(c->cr, CAIRO_LINE_JOIN_ROUND);
	cairo_new_path(c->cr);
	draw_polyline_path(c, k->spark, k->spark_nr, x0, step, y1, (y1 - y0) / (hi - lo));
	cairo_stroke(c->cr);
	cairo_arc(c->cr, x0 + step * (double)last,
		  y1 - (k->spark[last] - lo) / (hi - lo) * (y1 - y0), 2, 0, 2 * M_PI);
	cairo_fill(c->cr);
}

static void tile(struct ctx *c, const struct chart_kpi *k, double x, double y, double w, double h)
{
	struct buf fit = BUF_INIT;
	double inner = w - 2 * INSET, ty = y + INSET, bottom = y + h - INSET;
	struct rgb change_ink = k->significant == 0 ? palette_muted : palette_text;

	cairo_save(c->cr);
	cairo_rectangle(c->cr, x, y, w, h);
	cairo_clip(c->cr);
	draw_rect(c, x, y, w, h, palette_tile);
	draw_font(c, TEXT_LABEL);
	draw_text(c, draw_fit(c, &fit, k->label, inner), x + INSET, ty + 0.76 * c->size,
		  ALIGN_LEFT, palette_muted);
	ty += 1.4 * c->size;

	buf_reset(&c->tmp);
	if (k->value_text)
		buf_adds(&c->tmp, k->value_text);
	else
		format_number(c, &c->tmp, k->value, k->value == floor(k->value) ? 0 : 1);
	draw_font(c, TEXT_BIG);
	/* Room for the value, the change and its note below it? */
	if (ty + 1.1 * c->size + 4 + 2.6 * 8 > bottom || draw_width(c, c->tmp.buf) > inner)
		draw_font(c, TEXT_TITLE);
	draw_text(c, draw_fit(c, &fit, c->tmp.buf, inner), x + INSET, ty + 0.76 * c->size,
		  ALIGN_LEFT, palette_text);
	ty += 1.1 * c->size + 4;

	change_text(c, k, &c->tmp);
	draw_font(c, k->significant == 1 ? TEXT_VALUE : TEXT_LABEL);
	draw_text(c, draw_fit(c, &fit, c->tmp.buf, inner), x + INSET, ty + 0.76 * c->size,
		  ALIGN_LEFT, change_ink);
	ty += 1.3 * c->size;
	if (k->significant == 0) {
		draw_font(c, TEXT_SMALL);
		draw_text(c, draw_fit(c, &fit, c->words->within_noise, inner), x + INSET,
			  ty + 0.76 * c->size, ALIGN_LEFT, palette_muted);
		ty += 1.3 * c->size;
	}
	/* The sparkline takes what is left, if that is enough to read a shape. */
	if (k->spark_nr && bottom - (ty + 4) >= 10)
		sparkline(c, k, x + INSET + 2, ty + 4, x + w - INSET - 2, fmin(bottom, ty + 4 + 28));
	cairo_restore(c->cr);
	buf_release(&fit);
}

void kpi_draw(struct ctx *c)
{
	const struct chart_data *d = c->d;
	double pw = c->x1 - c->x0, ph = c->y1 - c->y0, w, h;
	size_t cols = (size_t)floor((pw + TILE_GAP) / (MIN_TILE + TILE_GAP)), rows;

	if (cols < 1)
		cols = 1;
	if (cols > d->kpi_nr)
		cols = d->kpi_nr;
	rows = (d->kpi_nr + cols - 1) / cols;
	w = (pw - TILE_GAP * (double)(cols - 1)) / (double)cols;
	h = fmin((ph - TILE_GAP * (double)(rows - 1)) / (double)rows, MAX_TILE_H);
	if (h < 20)
		return;
	for (size_t i = 0; i < d->kpi_nr; i++)
		tile(c, &d->kpis[i], c->x0 + (w + TILE_GAP) * (double)(i % cols),
		     c->y0 + (h + TILE_GAP) * (double)(i / cols), w, h);
}
