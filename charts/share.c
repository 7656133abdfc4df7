/*
 * A share: how much of the whole is category 0 (public bodies), as a donut
 * (CHART_DONUT) or a 100% bar (CHART_SHARE_BAR), with the counts, the share
 * and its interval, so that a share of 31% from 42 incidents is not read as
 * precise.
 *
 *   Donut:                                Share bar:
 *      .-""-.   ■ Public bodies  13 (31%)   ■ Public bodies 13 (31%)  ■ Other 29 (69%)
 *    /  31%  \  ■ Other          29 (69%)   [#######|#####################]
 *    \ public/                                 |---------|  95% interval 19–46%
 *      `-..-'   95% interval: 19–46%
 *   The interval is also drawn: an arc outside the ring, a bracket under the bar.
 *
 * Category 0 takes the first colour; with two categories the other is a
 * neutral grey, so the eye goes to the share; with more, the palette.
 */
#include <math.h>

#include "axis.h"
#include "draw.h"
#include "layout.h"
#include "../util/banned.h"

static struct rgb part_colour(const struct chart_data *d, size_t i)
{
	if (i == 0)
		return palette_cat[0];
	if (d->nr == 2)
		return palette_rest;
	return palette_cat[i % PALETTE_CAT_NR];
}

static double sum(const struct chart_data *d)
{
	double t = 0;

	for (size_t i = 0; i < d->nr; i++)
		if (known(d->series[0].values[i]))
			t += d->series[0].values[i];
	return t;
}

/*
 * Whether category i's share is printed. Never for a whole under 5; and
 * when any part's share is suppressed, none is printed, as the others'
 * shares would give it away (88% of the rest says 12%).
 */
static int share_shown(const struct chart_data *d, size_t i)
{
	if (!known(d->series[0].values[i]) || sum(d) < CHART_MIN_WHOLE)
		return 0;
	for (size_t k = 0; d->flags && k < d->nr; k++)
		if (d->flags[k] & CHART_SUPPRESSED)
			return 0;
	return 1;
}

/* "13 (31%*)", or "3" when the share is suppressed. */
static void part_text(struct ctx *c, size_t i, double total, struct buf *out)
{
	const struct chart_data *d = c->d;
	double v = d->series[0].values[i];

	buf_reset(out);
	format_count(c, out, v);
	if (share_shown(d, i) && total > 0) {
		buf_adds(out, " (");
		format_percent(c, out, v / total);
		if (d->flags && d->flags[i] & CHART_UNRELIABLE)
			buf_addch(out, '*');
		buf_addch(out, ')');
	}
}

static int has_interval(const struct chart_data *d)
{
	return d->level > 0 && d->level < 1 && d->low >= 0 && d->low <= d->high && d->high <= 1 &&
	       share_shown(d, 0);
}

/* "95% interval 19–46%" */
static void interval_text(struct ctx *c, struct buf *out)
{
	const struct chart_data *d = c->d;
	struct buf level = BUF_INIT, range = BUF_INIT;

	i18n_percent(&level, c->words->lang, d->level);
	format_percent(c, &range, d->low);
	buf_adds(&range, "\xe2\x80\x93");
	format_percent(c, &range, d->high);
	buf_reset(out);
	chart_words_fill(out, c->words->interval, level.buf, range.buf);
	buf_release(&level);
	buf_release(&range);
}

static void donut(struct ctx *c, double total)
{
	const struct chart_data *d = c->d;
	double pw = c->x1 - c->x0, ph = c->y1 - c->y0, R = fmin(0.4 * ph, 0.2 * pw), r = R * 0.6;
	double cx, cy = (c->y0 + c->y1) / 2, a = -M_PI / 2, lx, line, y, vw = 0, labw = 0, legw;
	struct buf fit = BUF_INIT;
	size_t rows;

	if (R < 8)
		goto out;
	/* The legend's size first: the donut and its legend are centred together. */
	draw_font(c, TEXT_LABEL);
	line = 1.8 * c->size;
	for (size_t i = 0; i < d->nr; i++) {
		part_text(c, i, total, &c->tmp);
		vw = fmax(vw, draw_width(c, c->tmp.buf));
		labw = fmax(labw, draw_width(c, d->labels[i] ? d->labels[i] : ""));
	}
	if (has_interval(d)) {
		interval_text(c, &c->tmp);
		vw = fmax(vw, draw_width(c, c->tmp.buf) - labw - 23);
	}
	labw = fmax(0, fmin(labw, pw - 2 * R - 30 - 11 - 12 - vw));
	legw = 11 + labw + 12 + vw;
	cx = c->x0 + fmax(0, (pw - (2 * R + 30 + legw)) / 2) + R + 5;
	lx = cx + R + 25;
	rows = (size_t)fmax(1, floor(ph / line) - (has_interval(d) ? 1.5 : 0));
	if (rows > d->nr)
		rows = d->nr;

	for (size_t i = 0; i < d->nr; i++) {
		double v = d->series[0].values[i], a1;

		if (!known(v) || v <= 0)
			continue;
		a1 = a + 2 * M_PI * v / total;
		cairo_new_path(c->cr);
		cairo_arc(c->cr, cx, cy, R, a, a1);
		cairo_arc_negative(c->cr, cx, cy, r, a1, a);
		cairo_close_path(c->cr);
		draw_rgb(c, part_colour(d, i));
		cairo_fill(c->cr);
		a = a1;
	}
	/* White seams between the parts. */
	a = -M_PI / 2;
	cairo_new_path(c->cr);
	cairo_set_line_width(c->cr, 1);
	draw_rgb(c, palette_background);
	for (size_t i = 0; i < d->nr && d->nr > 1; i++) {
		double v = d->series[0].values[i];

		if (!known(v) || v <= 0 || v >= total)
			continue;
		cairo_move_to(c->cr, cx + r * cos(a), cy + r * sin(a));
		cairo_line_to(c->cr, cx + R * cos(a), cy + R * sin(a));
		a += 2 * M_PI * v / total;
	}
	cairo_stroke(c->cr);
	if (has_interval(d)) {
		/* The interval as an arc just outside the ring, with end ticks. */
		double a0 = -M_PI / 2 + 2 * M_PI * d->low, a1 = -M_PI / 2 + 2 * M_PI * d->high;

		cairo_new_path(c->cr);
		draw_rgb(c, palette_text);
		cairo_set_line_width(c->cr, 1.2);
		cairo_arc(c->cr, cx, cy, R + 3.5, a0, a1);
		cairo_move_to(c->cr, cx + (R + 1) * cos(a0), cy + (R + 1) * sin(a0));
		cairo_line_to(c->cr, cx + (R + 6) * cos(a0), cy + (R + 6) * sin(a0));
		cairo_move_to(c->cr, cx + (R + 1) * cos(a1), cy + (R + 1) * sin(a1));
		cairo_line_to(c->cr, cx + (R + 6) * cos(a1), cy + (R + 6) * sin(a1));
		cairo_stroke(c->cr);
	}

	/* The centre: the share of category 0, or its count when suppressed. */
	buf_reset(&c->tmp);
	if (share_shown(d, 0)) {
		format_percent(c, &c->tmp, d->series[0].values[0] / total);
		if (d->flags && d->flags[0] & CHART_UNRELIABLE)
			buf_addch(&c->tmp, '*');
	} else {
		format_count(c, &c->tmp, d->series[0].values[0]);
	}
	draw_font(c, TEXT_BIG);
	if (draw_width(c, c->tmp.buf) > 1.8 * r || r < 30)
		draw_font(c, TEXT_TITLE);
	draw_text(c, draw_fit(c, &fit, c->tmp.buf, 1.8 * r), cx, draw_mid(c, cy - 4), ALIGN_CENTRE,
		  palette_text);
	/* Under it, what the share is of, when it fits whole: the legend names
	 * it too, and "Public bo…" in the hole reads worse than nothing. */
	draw_font(c, TEXT_LABEL);
	if (draw_width(c, d->labels[0]) <= 1.7 * r)
		draw_text(c, d->labels[0], cx, draw_mid(c, cy + 13), ALIGN_CENTRE, palette_muted);

	/* The legend: swatch, label, and the count and share right-aligned. */
	y = cy - line * ((double)rows + (has_interval(d) ? 1.5 : 0) - 1) / 2;
	for (size_t i = 0; i < rows; i++, y += line) {
		if (i + 1 == rows && rows < d->nr) {
			buf_reset(&c->tmp);
			format_more(c, &c->tmp, d->nr - i);
			draw_text(c, draw_fit(c, &fit, c->tmp.buf, legw), lx, draw_mid(c, y),
				  ALIGN_LEFT, palette_muted);
			break;
		}
		draw_rect(c, lx, y - 4, 8, 8, part_colour(d, i));
		draw_text(c, draw_fit(c, &fit, d->labels[i], labw), lx + 11, draw_mid(c, y),
			  ALIGN_LEFT, palette_text);
		part_text(c, i, total, &c->tmp);
		draw_text(c, draw_fit(c, &fit, c->tmp.buf, vw), lx + legw, draw_mid(c, y),
			  ALIGN_RIGHT, palette_text);
	}
	if (has_interval(d)) {
		interval_text(c, &c->tmp);
		draw_text(c, draw_fit(c, &fit, c->tmp.buf, c->x1 - lx), lx, draw_mid(c, y + line / 2),
			  ALIGN_LEFT, palette_muted);
	}
out:
	buf_release(&fit);
}

static void bar(struct ctx *c, double total)
{
	const struct chart_data *d = c->d;
	struct legend_item items[16] = { { 0 } };
	struct buf labels[16], fit = BUF_INIT;
	size_t nitems = d->nr < 16 ? d->nr : 16;
	double y = c->y0, x = c->x0, pw = c->x1 - c->x0, hgt, legend_h, group;

	for (size_t i = 0; i < nitems; i++) {
		buf_init(&labels[i]);
		buf_adds(&labels[i], d->labels[i] ? d->labels[i] : "");
		buf_addch(&labels[i], ' ');
		part_text(c, i, total, &c->tmp);
		buf_adds(&labels[i], c->tmp.buf);
		items[i] = (struct legend_item){ labels[i].buf, part_colour(d, i), LEGEND_BOX, 0 };
	}
	/* Legend, bar and interval, centred as a group on the plot's height. */
	legend_h = draw_legend(c, items, nitems, c->x0, y, c->x1, 1) + 8;
	hgt = fmin(28, (c->y1 - y - legend_h) * 0.45);
	if (hgt < 4)
		goto out;
	group = legend_h + hgt + (has_interval(d) ? 6 + 4 + 1.4 * 8 : 0);
	y += fmax(0, (c->y1 - c->y0 - group) / 2);
	draw_legend(c, items, nitems, c->x0, y + 0.7 * 8, c->x1, 0);
	y += legend_h;

	for (size_t i = 0; i < d->nr; i++) {
		double v = d->series[0].values[i], w;

		if (!known(v) || v <= 0)
			continue;
		w = v / total * pw;
		draw_rect(c, x, y, w, hgt, part_colour(d, i));
		if (share_shown(d, i)) {
			struct rgb ink = palette_luminance(part_colour(d, i)) < 0.4 ?
				palette_background : palette_text;

			buf_reset(&c->tmp);
			format_percent(c, &c->tmp, v / total);
			draw_font(c, TEXT_VALUE);
			if (draw_width(c, c->tmp.buf) <= w - 6)
				draw_text(c, c->tmp.buf, x + w / 2, draw_mid(c, y + hgt / 2), ALIGN_CENTRE,
					  ink);
		}
		x += w;
		/* A white seam, unless this is the end of the bar. */
		if (x < c->x1 - 0.5)
			draw_vline(c, x, y, y + hgt, 1, palette_background);
	}
	y += hgt;
	if (has_interval(d)) {
		double a = c->x0 + d->low * pw, b = c->x0 + d->high * pw, tw;

		y += 6;
		draw_hline(c, a, b, y, 1.2, palette_text);
		draw_vline(c, a, y - 3, y + 3, 1.2, palette_text);
		draw_vline(c, b, y - 3, y + 3, 1.2, palette_text);
		interval_text(c, &c->tmp);
		draw_font(c, TEXT_LABEL);
		tw = draw_width(c, c->tmp.buf);
		draw_text(c, draw_fit(c, &fit, c->tmp.buf, pw),
			  layout_clamp((a + b) / 2, fmin(tw, pw), c->x0, c->x1),
			  draw_mid(c, y + 4 + c->size), ALIGN_CENTRE, palette_muted);
	}
out:
	for (size_t i = 0; i < nitems; i++)
		buf_release(&labels[i]);
	buf_release(&fit);
}

void share_draw(struct ctx *c)
{
	double total = sum(c->d);

	if (!(total > 0))
		return;
	if (c->spec->kind == CHART_DONUT)
		donut(c, total);
	else
		bar(c, total);
}
