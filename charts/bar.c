/*
 * Horizontal bars for ranked categories (countries, sectors, techniques).
 *
 *   label column  | bar ..................... value (share)
 *   right-aligned | from zero, no value axis: every bar carries its value
 *
 * Rows are at least 1.5 label heights apart; categories that do not fit are
 * counted in a last row ("+ 12 more not shown") rather than squeezed. The
 * label column takes at most 38% of the width, long labels end in "…".
 *
 * NEEDSWORK: sector names such as "Administrative and Support and Waste
 * Management ..." lose their end. Wrap to two lines when the rows are far
 * enough apart, and shorten only the second?
 */
#include <math.h>

#include "axis.h"
#include "draw.h"
#include "layout.h"
#include "../util/banned.h"

#define LABEL_SHARE 0.38
#define MAX_THICK 14.0

struct value_label {
	struct buf count, share;
	double w;
};

static void value_label(struct ctx *c, size_t i, struct value_label *vl)
{
	const struct chart_data *d = c->d;
	double v = d->series[0].values[i];
	unsigned flags = d->flags ? d->flags[i] : 0;

	buf_reset(&vl->count);
	buf_reset(&vl->share);
	format_count(c, &vl->count, v);
	if (known(v) && d->show_share && d->n > 0 && v <= (double)d->n && !(flags & CHART_SUPPRESSED)) {
		buf_addch(&vl->share, '(');
		format_percent(c, &vl->share, v / (double)d->n);
		if (flags & CHART_UNRELIABLE)
			buf_addch(&vl->share, '*');
		buf_addch(&vl->share, ')');
	}
	draw_font(c, known(v) ? TEXT_VALUE : TEXT_LABEL);
	vl->w = draw_width(c, vl->count.buf);
	if (vl->share.len) {
		draw_font(c, TEXT_LABEL);
		vl->w += 3 + draw_width(c, vl->share.buf);
	}
}

void bar_draw(struct ctx *c)
{
	const struct chart_data *d = c->d;
	const double *v = d->series[0].values;
	struct value_label vl = { BUF_INIT, BUF_INIT, 0 };
	struct buf fit = BUF_INIT;
	double max = series_max(d, 0), ph = c->y1 - c->y0, pw = c->x1 - c->x0;
	double pitch, thick, label_w = 0, value_w = 0, bar_x, bar_len;
	size_t rows, shown;

	draw_font(c, TEXT_LABEL);
	rows = (size_t)floor(ph / (1.5 * c->size));
	if (rows < 1)
		goto out;
	shown = d->nr <= rows ? d->nr : rows - 1;
	pitch = fmin(ph / (double)(shown < d->nr ? shown + 1 : shown), 2.6 * c->size);
	thick = fmin(pitch * 0.68, MAX_THICK);

	for (size_t i = 0; i < shown; i++) {
		label_w = fmax(label_w, draw_width(c, d->labels[i] ? d->labels[i] : ""));
		value_label(c, i, &vl);
		value_w = fmax(value_w, vl.w);
		draw_font(c, TEXT_LABEL);
	}
	label_w = fmin(label_w, LABEL_SHARE * pw);
	bar_x = c->x0 + label_w + 6;
	bar_len = c->x1 - bar_x - value_w - 5;
	if (bar_len < 0.25 * pw) {
		/* Values this wide leave no room: take it from the labels. */
		label_w = fmax(0, label_w - (0.25 * pw - bar_len));
		bar_x = c->x0 + label_w + 6;
		bar_len = c->x1 - bar_x - value_w - 5;
	}

	for (size_t i = 0; i < shown; i++) {
		double yc = c->y0 + pitch * ((double)i + 0.5), len = 0;

		draw_font(c, TEXT_LABEL);
		draw_fit(c, &fit, d->labels[i], label_w);
		draw_text(c, fit.buf, bar_x - 6, draw_mid(c, yc), ALIGN_RIGHT, palette_text);
		if (known(v[i]) && max > 0) {
			len = v[i] / max * bar_len;
			/* A count above zero stays visible. */
			if (v[i] > 0 && len < 0.75)
				len = 0.75;
			draw_rect(c, bar_x, yc - thick / 2, len, thick, palette_cat[0]);
		}
		value_label(c, i, &vl);
		draw_font(c, known(v[i]) ? TEXT_VALUE : TEXT_LABEL);
		draw_text(c, vl.count.buf, bar_x + len + 4, draw_mid(c, yc), ALIGN_LEFT,
			  known(v[i]) ? palette_text : palette_muted);
		if (vl.share.len) {
			double cw = draw_width(c, vl.count.buf);

			draw_font(c, TEXT_LABEL);
			draw_text(c, vl.share.buf, bar_x + len + 4 + cw + 3, draw_mid(c, yc),
				  ALIGN_LEFT, palette_muted);
		}
	}
	/* The zero line: bars visibly start at zero. */
	draw_vline(c, bar_x, c->y0, c->y0 + pitch * (double)shown, 0.75, palette_axis);
	if (shown < d->nr) {
		buf_reset(&c->tmp);
		format_more(c, &c->tmp, d->nr - shown);
		draw_font(c, TEXT_LABEL);
		draw_text(c, draw_fit(c, &fit, c->tmp.buf, c->x1 - bar_x), bar_x,
			  draw_mid(c, c->y0 + pitch * ((double)shown + 0.5)), ALIGN_LEFT, palette_muted);
	}
out:
	buf_release(&vl.count);
	buf_release(&vl.share);
	buf_release(&fit);
}
