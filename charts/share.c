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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "axis.h"
#include "draw.h"
#include "layout.h"
#include "../lang/lang.h"
#include "../util/util.h"
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
static void part_text(const struct chart_data *d, const struct chart_words *w, size_t i,
		      double total, struct buf *out)
{
	double v = d->series[0].values[i];

	buf_reset(out);
	if (known(v))
		i18n_real(out, w->lang, v, v == floor(v) ? 0 : 1);
	else
		buf_adds(out, w->unknown);
	if (share_shown(d, i) && total > 0) {
		buf_adds(out, " (");
		i18n_percent(out, w->lang, v / total);
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
static void interval_text(const struct chart_data *d, const struct chart_words *w,
			  struct buf *out)
{
	struct buf level = BUF_INIT, range = BUF_INIT;

	i18n_percent(&level, w->lang, d->level);
	i18n_percent(&range, w->lang, d->low);
	buf_adds(&range, "\xe2\x80\x93");
	i18n_percent(&range, w->lang, d->high);
	buf_reset(out);
	chart_words_fill(out, w->interval, level.buf, range.buf);
	buf_release(&level);
	buf_release(&range);
}

/*
 * The donut and its legend, centred together across the area, the ring
 * centred on its height:
 *
 *           .-""-.                     ■ Public bodies    13 (31%)  <- rows,
 *         /   31%  \  <- centre        ■ Other            29 (69%)     ROW_H apart
 *   R ->  | Public |  <- name          + 3 more not shown           <- when cut
 *         \ bodies /                   95% interval: 19–46%         <- interval,
 *           `-..-'                     |<- labw ->|   |<- vw ->|       1.5 rows on
 *     RING_MARGIN |<- RING_GAP ->|<- lx    SWATCH_W  VALUE_GAP
 *
 * R is at most DONUT_HEIGHT of the area's height and DONUT_WIDTH of its
 * width, r INNER of R. The labels give way first: they are shortened so
 * that the values keep their room.
 */
#define DONUT_HEIGHT 0.4
#define DONUT_WIDTH 0.2
#define INNER 0.6
#define MIN_RADIUS 8.0		/* a smaller ring is not drawn */
#define ROW_H (1.8 * 8)		/* a legend row: 1.8 labels */
#define RING_MARGIN 5.0		/* left of the ring */
#define RING_GAP 25.0		/* the ring to its legend */
#define DONUT_SWATCH 8.0	/* a row's colour square */
#define SWATCH_W 11.0		/* from a row's left edge to its label */
#define VALUE_GAP 12.0		/* the label to the value's column */
#define CENTRE_FIT 1.8		/* the centre's text: at most this many r wide */
#define CENTRE_BIG_MIN 30.0	/* under this r the centre is in title size */
#define CENTRE_LIFT 4.0		/* the share's middle above the ring's */
#define NAME_FIT 1.7		/* the name under it: written whole within this many r */
#define NAME_DROP 13.0		/* its middle under the ring's */

/* The share or count in the hole, and what it is of under it. */
static void place_centre(struct donut_layout *l, const struct chart_data *d, double total,
			 const struct chart_words *w, const struct box_measure *m)
{
	struct buf b = BUF_INIT, fit = BUF_INIT;
	const char *name = d->labels[0] ? d->labels[0] : "";
	double width;

	if (share_shown(d, 0)) {
		i18n_percent(&b, w->lang, d->series[0].values[0] / total);
		if (d->flags && d->flags[0] & CHART_UNRELIABLE)
			buf_addch(&b, '*');
	} else {
		i18n_real(&b, w->lang, d->series[0].values[0],
			  d->series[0].values[0] == floor(d->series[0].values[0]) ? 0 : 1);
	}
	l->centre_role = TEXT_BIG;
	if (m->width(m->ctx, TEXT_BIG, b.buf) > CENTRE_FIT * l->r || l->r < CENTRE_BIG_MIN)
		l->centre_role = TEXT_TITLE;
	width = box_fit(&fit, b.buf, CENTRE_FIT * l->r, l->centre_role, m);
	l->centre = box_text(l->centre_role, l->cx - width / 2,
			     l->cy - CENTRE_LIFT + 0.365 * text_size(l->centre_role), width);
	l->centre_text = buf_detach(&fit, NULL);
	/* The legend names it too, and "Public bo…" in the hole reads worse than nothing. */
	width = m->width(m->ctx, TEXT_LABEL, name);
	if (width <= NAME_FIT * l->r)
		l->name = box_text(TEXT_LABEL, l->cx - width / 2,
				   l->cy + NAME_DROP + 0.365 * text_size(TEXT_LABEL), width);
	buf_release(&b);
}

/* Legend row i, its middle at y: swatch, label, and the value right-aligned. */
static void place_row(struct donut_layout *l, size_t i, double y, double labw, double vw,
		      const struct box_measure *m)
{
	struct donut_row *row = &l->rows[i];
	double lx = l->legend.x, base = y + 0.365 * text_size(TEXT_LABEL), w;
	struct buf fit = BUF_INIT;

	row->swatch = (struct box){ lx, y - DONUT_SWATCH / 2, DONUT_SWATCH, DONUT_SWATCH };
	w = box_fit(&fit, row->label_text, labw, TEXT_LABEL, m);
	row->label = box_text(TEXT_LABEL, lx + SWATCH_W, base, w);
	free(row->label_text);
	row->label_text = buf_detach(&fit, NULL);
	w = box_fit(&fit, row->value_text, vw, TEXT_LABEL, m);
	row->value = box_text(TEXT_LABEL, lx + l->legend.w - w, base, w);
	free(row->value_text);
	row->value_text = buf_detach(&fit, NULL);
}

int donut_layout(struct donut_layout *l, const struct chart_data *d, double total,
		 const struct chart_words *words, struct box area, const struct box_measure *m)
{
	double vw = 0, labw = 0, legw, y, extra;
	struct buf b = BUF_INIT, fit = BUF_INIT;

	memset(l, 0, sizeof(*l));
	words = chart_words_or_en(words);
	l->R = fmin(DONUT_HEIGHT * area.h, DONUT_WIDTH * area.w);
	l->r = INNER * l->R;
	if (l->R < MIN_RADIUS || !d->nr)
		return -1;
	/* The legend's size first: the donut and its legend are centred together. */
	l->rows = xcalloc(d->nr, sizeof(*l->rows));
	for (size_t i = 0; i < d->nr; i++) {
		part_text(d, words, i, total, &b);
		vw = fmax(vw, m->width(m->ctx, TEXT_LABEL, b.buf));
		labw = fmax(labw, m->width(m->ctx, TEXT_LABEL, d->labels[i] ? d->labels[i] : ""));
	}
	if (has_interval(d)) {
		interval_text(d, words, &b);
		vw = fmax(vw, m->width(m->ctx, TEXT_LABEL, b.buf) - labw - SWATCH_W - VALUE_GAP);
		l->interval_text = xstrdup(b.buf);
	}
	labw = fmax(0, fmin(labw, area.w - 2 * l->R - RING_MARGIN - RING_GAP - SWATCH_W -
				  VALUE_GAP - vw));
	legw = SWATCH_W + labw + VALUE_GAP + vw;
	l->cx = area.x + fmax(0, (area.w - (2 * l->R + RING_MARGIN + RING_GAP + legw)) / 2) + l->R +
		RING_MARGIN;
	l->cy = area.y + area.h / 2;
	l->ring = (struct box){ l->cx - l->R, l->cy - l->R, 2 * l->R, 2 * l->R };
	place_centre(l, d, total, words, m);

	/* As many rows as fit, the last saying how many more when not all do. */
	extra = l->interval_text ? 1.5 : 0;
	l->rows_nr = (size_t)fmax(1, floor(area.h / ROW_H) - extra);
	if (l->rows_nr > d->nr)
		l->rows_nr = d->nr;
	y = l->cy - ROW_H * ((double)l->rows_nr + extra - 1) / 2;
	l->legend = (struct box){ l->cx + l->R + RING_GAP, y - ROW_H / 2, legw,
				  ROW_H * ((double)l->rows_nr + extra) };
	for (size_t i = 0; i < l->rows_nr; i++) {
		struct donut_row *row = &l->rows[i];
		double mid = y + ROW_H * (double)i, w;
		char count[32];

		if (i + 1 == l->rows_nr && l->rows_nr < d->nr) {
			buf_reset(&b);
			snprintf(count, sizeof(count), "%zu", d->nr - i);
			chart_words_fill(&b, words->more_not_shown, count, NULL);
			w = box_fit(&fit, b.buf, legw, TEXT_LABEL, m);
			row->label = box_text(TEXT_LABEL, l->legend.x,
					      mid + 0.365 * text_size(TEXT_LABEL), w);
			row->label_text = buf_detach(&fit, NULL);
			break;
		}
		row->label_text = xstrdup(d->labels[i] ? d->labels[i] : "");
		part_text(d, words, i, total, &b);
		row->value_text = xstrdup(b.buf);
		place_row(l, i, mid, labw, vw, m);
	}
	/* The interval half a row under the last row: what it is of is above it. */
	if (l->interval_text) {
		double w = box_fit(&fit, l->interval_text, area.x + area.w - l->legend.x, TEXT_LABEL,
				   m);

		free(l->interval_text);
		l->interval_text = buf_detach(&fit, NULL);
		l->interval = box_text(TEXT_LABEL, l->legend.x,
				       y + ROW_H * ((double)l->rows_nr + 0.5) +
					       0.365 * text_size(TEXT_LABEL), w);
	}
	buf_release(&b);
	return 0;
}

void donut_layout_release(struct donut_layout *l)
{
	for (size_t i = 0; l->rows && i < l->rows_nr; i++) {
		free(l->rows[i].label_text);
		free(l->rows[i].value_text);
	}
	free(l->rows);
	free(l->centre_text);
	free(l->interval_text);
	memset(l, 0, sizeof(*l));
}

/* The parts, from the top clockwise, with white seams between them. */
static void paint_ring(struct ctx *c, const struct donut_layout *l, double total)
{
	const struct chart_data *d = c->d;
	double a = -M_PI / 2;

	for (size_t i = 0; i < d->nr; i++) {
		double v = d->series[0].values[i], a1;

		if (!known(v) || v <= 0)
			continue;
		a1 = a + 2 * M_PI * v / total;
		cairo_new_path(c->cr);
		cairo_arc(c->cr, l->cx, l->cy, l->R, a, a1);
		cairo_arc_negative(c->cr, l->cx, l->cy, l->r, a1, a);
		cairo_close_path(c->cr);
		draw_rgb(c, part_colour(d, i));
		cairo_fill(c->cr);
		a = a1;
	}
	a = -M_PI / 2;
	cairo_new_path(c->cr);
	cairo_set_line_width(c->cr, 1);
	draw_rgb(c, palette_background);
	for (size_t i = 0; i < d->nr && d->nr > 1; i++) {
		double v = d->series[0].values[i];

		if (!known(v) || v <= 0 || v >= total)
			continue;
		cairo_move_to(c->cr, l->cx + l->r * cos(a), l->cy + l->r * sin(a));
		cairo_line_to(c->cr, l->cx + l->R * cos(a), l->cy + l->R * sin(a));
		a += 2 * M_PI * v / total;
	}
	cairo_stroke(c->cr);
}

/* The interval as an arc just outside the ring, with end ticks. */
static void paint_interval_arc(struct ctx *c, const struct donut_layout *l)
{
	double cx = l->cx, cy = l->cy, R = l->R;
	double a0 = -M_PI / 2 + 2 * M_PI * c->d->low, a1 = -M_PI / 2 + 2 * M_PI * c->d->high;

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

static void donut(struct ctx *c, double total)
{
	struct box_measure m = draw_measure(c);
	struct box area = { c->x0, c->y0, c->x1 - c->x0, c->y1 - c->y0 };
	struct donut_layout l;

	if (donut_layout(&l, c->d, total, c->words, area, &m) < 0)
		goto out;
	paint_ring(c, &l, total);
	if (l.interval_text)
		paint_interval_arc(c, &l);
	draw_text_box(c, l.centre_role, l.centre_text, &l.centre, palette_text);
	draw_text_box(c, TEXT_LABEL, c->d->labels[0], &l.name, palette_muted);
	for (size_t i = 0; i < l.rows_nr; i++) {
		const struct donut_row *row = &l.rows[i];

		if (!row->value_text) {
			draw_text_box(c, TEXT_LABEL, row->label_text, &row->label, palette_muted);
			continue;
		}
		draw_rect(c, row->swatch.x, row->swatch.y, row->swatch.w, row->swatch.h,
			  part_colour(c->d, i));
		draw_text_box(c, TEXT_LABEL, row->label_text, &row->label, palette_text);
		draw_text_box(c, TEXT_LABEL, row->value_text, &row->value, palette_text);
	}
	draw_text_box(c, TEXT_LABEL, l.interval_text, &l.interval, palette_muted);
out:
	donut_layout_release(&l);
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
		part_text(d, c->words, i, total, &c->tmp);
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
		interval_text(d, c->words, &c->tmp);
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
