/*
 * Columns: one per category (CHART_COLUMN), stacked from every series
 * (CHART_STACKED), or response-time buckets with markers
 * (CHART_DISTRIBUTION). column_layout() places every part; column_draw()
 * paints what it placed.
 *
 *   area.y -> +----------------------------------------------+
 *             | ■ 2023  ■ 2024          legend (stacked, 2+) |  LEGEND_LINE_H a row
 *             +----------------------------------------------+  LEGEND_GAP
 *             | median 3 h              one row per marker,  |  MARKER_LINE a row
 *             | :   p90 8.4 h           right of its line    |
 *             +----------------------------------------------+
 *             | incidents               va.caption           |  AXIS_CAPTION_H
 *  va.plot.y -> 3 -|- - - - - - - - - - - - - - - - - - - - -|  the top tick
 *             |    |       2            value boxes: totals, |  VALUE_HEADROOM
 *             | ticks     ###     1     VALUE_LIFT above     |
 *             |    |  1   ###    ###    column boxes         |
 *      base -> 0 --+-###--###----###--------------------------|
 *             |      Jan  Feb    Mar    label boxes, every   |  CATEGORY_BAND
 *             |                         label_step-th        |
 *             +----------------------------------------------+ <- area.y + area.h
 *                  |<-->| pitch: the plot's width / categories
 *
 * Totals are written above all columns or none (so that none is misread as
 * missing); an unknown total writes "n/a" where its column would stand.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "axis.h"
#include "box.h"
#include "draw.h"
#include "layout.h"
#include "../util/util.h"
#include "../util/banned.h"

#define MAX_COLUMN 42.0		/* the widest column, in points */
#define COLUMN_SHARE 0.68	/* a column's share of its slot */
#define BUCKET_SHARE 0.9	/* a bucket's: buckets nearly touch */
#define CATEGORY_BAND 1.7	/* the labels' band under the base, in label sizes */
#define CATEGORY_BASELINE 1.25	/* their baseline under the base, in label sizes */
#define LABEL_EMS 6.0		/* labels wider than this are shortened, not thinned */
#define LABEL_GAP 6.0		/* between category labels */
#define LABEL_MARGIN 4.0	/* a shortened label's margin in its slots */
#define VALUE_HEADROOM 1.5	/* above the highest column, in value sizes */
#define VALUE_LIFT 3.0		/* a total's baseline above its column */
#define VALUE_MARGIN 2.0	/* totals must be this much narrower than a slot */
#define LEGEND_GAP 4.0		/* under the legend */
#define MARKER_LINE 1.35	/* a marker's row, in value sizes */
#define MARKER_GAP 0.4		/* its line to its label, in value sizes */
#define MARKER_DASH_START 0.15	/* where its line starts in its row */
#define MIN_VISIBLE 0.75	/* a count above zero is never thinner */

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

/* The height of a part of value v: to scale, and never invisible. */
static double part_height(const struct column_layout *l, double v)
{
	if (!known(v) || v <= 0)
		return 0;
	return fmax(v / l->va.axis.hi * l->va.plot.h, MIN_VISIBLE);
}

static size_t legend_items(const struct chart_data *d, size_t nseries, struct legend_item *items)
{
	for (size_t s = 0; s < nseries; s++)
		items[s] = (struct legend_item){ d->series[s].name ? d->series[s].name : "",
						 palette_cat[s], LEGEND_BOX, 0 };
	return nseries;
}

/*
 * Marker labels above the plot, one row each, the rows going down from
 * left to right, each label just right of its dashed line:
 *
 *     median 3 h
 *     :   p90 8.4 h
 *     :   :
 *
 * so that a line only ever passes left of the labels below it and never
 * through one. A label that would cross the right edge goes left of its line.
 */
static void place_markers(struct column_layout *l, const struct chart_data *d, double right,
			  const struct box_measure *m)
{
	double size = text_size(TEXT_VALUE), line = MARKER_LINE * size, gap = MARKER_GAP * size;
	double base = l->va.plot.y + l->va.plot.h;

	for (size_t k = 0; k < l->markers_nr; k++) {
		struct column_marker *mk = &l->mk[k];
		const char *label = d->markers[mk->index].label;
		double w = m->width(m->ctx, TEXT_VALUE, label), yc;

		mk->x = l->va.plot.x + d->markers[mk->index].at * l->pitch;
		mk->line_top = fmin(l->markers.y + ((double)k + MARKER_DASH_START) * line, base);
		yc = l->markers.y + ((double)k + 0.5) * line;
		mk->label = box_text(TEXT_VALUE, mk->x + gap <= right - w ? mk->x + gap : mk->x - gap - w,
				     yc + 0.365 * size, w);
	}
}

/* Sorts the drawable markers by position into l->mk; returns how many. */
static size_t sort_markers(struct column_layout *l, const struct chart_data *d)
{
	size_t nr = 0;

	for (size_t i = 0; i < d->marker_nr && nr < COLUMN_MAX_MARKERS; i++) {
		double at = d->markers[i].at;
		size_t k;

		if (!isfinite(at) || at < 0 || at > (double)d->nr || !d->markers[i].label)
			continue;
		/* Insertion sort: there are a handful at most. */
		for (k = nr; k > 0 && d->markers[l->mk[k - 1].index].at > at; k--)
			l->mk[k] = l->mk[k - 1];
		l->mk[k] = (struct column_marker){ .index = i };
		nr++;
	}
	return nr;
}

/* The total above column i, or "n/a" at its foot when it is not known. */
static void place_value(struct column_layout *l, struct column_slot *sl, double xc, int fit,
			const struct chart_words *w, const struct box_measure *m)
{
	double base = l->va.plot.y + l->va.plot.h, vw;

	if (!known(sl->total)) {
		sl->value_role = TEXT_SMALL;
		free(sl->value_text);	/* the empty total text of column_layout() */
		sl->value_text = xstrdup(m->width(m->ctx, TEXT_SMALL, w->not_available) <= l->pitch - 1
						 ? w->not_available : "?");
		vw = m->width(m->ctx, TEXT_SMALL, sl->value_text);
		sl->value = box_text(TEXT_SMALL, xc - vw / 2, base - VALUE_LIFT, vw);
		return;
	}
	if (!fit)
		return;
	sl->value_role = TEXT_VALUE;
	vw = m->width(m->ctx, TEXT_VALUE, sl->value_text);
	sl->value = box_text(TEXT_VALUE, xc - vw / 2, sl->column.y - VALUE_LIFT, vw);
}

/* Every label_step-th category label under the base, shortened to its slots. */
static void place_label(struct column_layout *l, struct column_slot *sl, const char *text,
			double xc, struct box area, const struct box_measure *m)
{
	struct buf fit = BUF_INIT;
	double base = l->va.plot.y + l->va.plot.h, w;

	w = box_fit(&fit, text, fmin(l->label_step * l->pitch, area.w) - LABEL_MARGIN, TEXT_LABEL,
		    m);
	sl->label = box_text(TEXT_LABEL, layout_clamp(xc, w, area.x, area.x + area.w) - w / 2,
			     base + CATEGORY_BASELINE * text_size(TEXT_LABEL), fit.len ? w : 0);
	sl->label_text = buf_detach(&fit, NULL);
}

int column_layout(struct column_layout *l, const struct chart_data *d, enum chart_kind kind,
		  const struct chart_words *words, struct box area, const struct box_measure *m)
{
	struct legend_item items[PALETTE_CAT_NR];
	struct buf b = BUF_INIT;
	double max = 0, widest = 0, vw = 0, base;

	memset(l, 0, sizeof(*l));
	words = chart_words_or_en(words);
	l->kind = kind;
	l->nseries = kind != CHART_STACKED ? 1 : d->series_nr < PALETTE_CAT_NR ? d->series_nr
									    : PALETTE_CAT_NR;
	l->nr = d->nr;
	l->slots = xcalloc(d->nr ? d->nr : 1, sizeof(*l->slots));
	l->legend = (struct box){ area.x, area.y, area.w, 0 };
	if (kind == CHART_STACKED && l->nseries > 1) {
		l->legend.h = legend_height(items, legend_items(d, l->nseries, items), area.w, m);
		area.y += l->legend.h + LEGEND_GAP;
		area.h -= l->legend.h + LEGEND_GAP;
	}
	for (size_t i = 0; i < d->nr; i++) {
		l->slots[i].total = total(d, l->nseries, i);
		if (known(l->slots[i].total))
			max = fmax(max, l->slots[i].total);
		widest = fmax(widest, m->width(m->ctx, TEXT_LABEL, d->labels[i] ? d->labels[i] : ""));
	}
	base = area.y + area.h - CATEGORY_BAND * text_size(TEXT_LABEL);
	if (kind == CHART_DISTRIBUTION)
		l->markers_nr = sort_markers(l, d);
	l->markers = (struct box){ area.x, area.y, area.w,
				   l->markers_nr ? (double)l->markers_nr * MARKER_LINE *
							   text_size(TEXT_VALUE) + 2 : 0 };
	area.y += l->markers.h;
	area.h -= l->markers.h;
	if (!d->nr || value_axis_layout(&l->va, (struct box){ area.x, area.y, area.w, base - area.y },
					max, VALUE_HEADROOM * text_size(TEXT_VALUE), d->unit,
					words, m) < 0 || !(l->va.plot.w > 0))
		return -1;
	l->pitch = l->va.plot.w / (double)d->nr;
	l->colw = kind == CHART_DISTRIBUTION ? fmin(l->pitch * BUCKET_SHARE, 2 * MAX_COLUMN)
					     : fmin(l->pitch * COLUMN_SHARE, MAX_COLUMN);
	l->label_step = kind == CHART_DISTRIBUTION
		? 1 : layout_label_step(l->pitch, fmin(widest, LABEL_EMS * text_size(TEXT_LABEL)),
					LABEL_GAP);
	for (size_t i = 0; i < d->nr; i++) {
		buf_reset(&b);
		if (known(l->slots[i].total))
			i18n_real(&b, chart_words_or_en(words)->lang, l->slots[i].total,
				  l->slots[i].total == floor(l->slots[i].total) ? 0 : 1);
		l->slots[i].value_text = xstrdup(b.buf);
		vw = fmax(vw, m->width(m->ctx, TEXT_VALUE, b.buf));
	}
	buf_release(&b);
	for (size_t i = 0; i < d->nr; i++) {
		struct column_slot *sl = &l->slots[i];
		double xc = l->va.plot.x + l->pitch * ((double)i + 0.5), h = 0;

		for (size_t s = 0; s < l->nseries; s++)
			h += part_height(l, d->series[s].values[i]);
		sl->column = (struct box){ xc - l->colw / 2, base - h, h > 0 ? l->colw : 0, h };
		place_value(l, sl, xc, vw <= l->pitch - VALUE_MARGIN, words, m);
		if (i % (size_t)l->label_step == 0)
			place_label(l, sl, d->labels[i], xc, area, m);
	}
	place_markers(l, d, area.x + area.w, m);
	return 0;
}

void column_layout_release(struct column_layout *l)
{
	for (size_t i = 0; l->slots && i < l->nr; i++) {
		free(l->slots[i].value_text);
		free(l->slots[i].label_text);
	}
	free(l->slots);
	memset(l, 0, sizeof(*l));
}

/* The parts of column i from the base up, each with its own count inside when it fits. */
static void paint_column(struct ctx *c, const struct column_layout *l, size_t i)
{
	const struct column_slot *sl = &l->slots[i];
	double xc = sl->column.x + sl->column.w / 2, y = sl->column.y + sl->column.h;

	for (size_t s = 0; s < l->nseries; s++) {
		double v = c->d->series[s].values[i], hgt = part_height(l, v);
		struct rgb col = palette_cat[l->kind == CHART_STACKED ? s : 0];

		if (!(hgt > 0))
			continue;
		draw_rect(c, sl->column.x, y - hgt, sl->column.w, hgt, col);
		if (l->nseries > 1) {
			struct rgb ink = palette_luminance(col) < 0.4 ? palette_background
								      : palette_text;

			buf_reset(&c->tmp);
			format_count(c, &c->tmp, v);
			draw_font(c, TEXT_LABEL);
			if (hgt >= 1.3 * c->size && draw_width(c, c->tmp.buf) <= sl->column.w - 2)
				draw_text(c, c->tmp.buf, xc, draw_mid(c, y - hgt / 2), ALIGN_CENTRE,
					  ink);
		}
		y -= hgt;
	}
}

void column_draw(struct ctx *c)
{
	struct box_measure m = draw_measure(c);
	struct box area = { c->x0, c->y0, c->x1 - c->x0, c->y1 - c->y0 };
	struct legend_item items[PALETTE_CAT_NR];
	struct column_layout l;
	double base;

	if (column_layout(&l, c->d, c->spec->kind, c->words, area, &m) < 0)
		goto out;
	base = l.va.plot.y + l.va.plot.h;
	if (l.legend.h > 0)
		draw_legend(c, items, legend_items(c->d, l.nseries, items), l.legend.x,
			    l.legend.y + LEGEND_LINE_H / 2, l.legend.x + l.legend.w, 0);
	paint_value_axis(c, &l.va);
	for (size_t i = 0; i < l.nr; i++) {
		const struct column_slot *sl = &l.slots[i];

		paint_column(c, &l, i);
		draw_text_box(c, sl->value_role, sl->value_text, &sl->value,
			      known(sl->total) ? palette_text : palette_muted);
	}
	draw_hline(c, l.va.plot.x, l.va.plot.x + l.va.plot.w, base, 0.75, palette_axis);
	for (size_t i = 0; i < l.nr; i++)
		if (l.slots[i].label_text)
			draw_text_box(c, TEXT_LABEL, l.slots[i].label_text, &l.slots[i].label,
				      palette_text);
	for (size_t k = 0; k < l.markers_nr; k++) {
		draw_vdash(c, l.mk[k].x, l.mk[k].line_top, base, 1, palette_marker);
		draw_text_box(c, TEXT_VALUE, c->d->markers[l.mk[k].index].label, &l.mk[k].label,
			      palette_marker);
	}
out:
	column_layout_release(&l);
}
