#include "draw.h"

#include <stdio.h>
#include <string.h>

#include "axis.h"
#include "font.h"
#include "layout.h"
#include "../util/banned.h"

/* The face of each role; its size is text_size()'s (box.c). */
static const enum font_style styles[] = {
	[TEXT_TITLE] = FONT_BOLD,
	[TEXT_SUBTITLE] = FONT_REGULAR,
	[TEXT_LABEL] = FONT_REGULAR,
	[TEXT_VALUE] = FONT_BOLD,
	[TEXT_SMALL] = FONT_REGULAR,
	[TEXT_MESSAGE] = FONT_REGULAR,
	[TEXT_BIG] = FONT_BOLD,
};

void draw_font(struct ctx *c, enum text_role role)
{
	/* chart_render() has loaded both faces before any drawing. */
	cairo_set_font_face(c->cr, font_face(styles[role]));
	c->size = text_size(role);
	cairo_set_font_size(c->cr, c->size);
}

static double measure_role(void *ctx, enum text_role role, const char *s)
{
	draw_font(ctx, role);
	return draw_width(ctx, s);
}

struct box_measure draw_measure(struct ctx *c)
{
	return (struct box_measure){ measure_role, c };
}

void draw_text_box(struct ctx *c, enum text_role role, const char *s, const struct box *b,
		   struct rgb col)
{
	if (!(b->w > 0))
		return;
	draw_font(c, role);
	draw_text(c, s, b->x, box_baseline(b), ALIGN_LEFT, col);
}

double draw_width(struct ctx *c, const char *s)
{
	cairo_text_extents_t e;

	if (!*s)
		return 0;
	cairo_text_extents(c->cr, s, &e);
	return e.x_advance;
}

/* DejaVu Sans: capitals and digits are 0.73 em tall. */
double draw_mid(struct ctx *c, double y)
{
	return y + 0.365 * c->size;
}

void draw_text(struct ctx *c, const char *s, double x, double baseline, enum align a,
	       struct rgb col)
{
	if (!*s)
		return;
	if (a != ALIGN_LEFT) {
		double w = draw_width(c, s);

		x -= a == ALIGN_CENTRE ? w / 2 : w;
	}
	draw_rgb(c, col);
	cairo_move_to(c->cr, x, baseline);
	cairo_show_text(c->cr, s);
}

static double measure(void *ctx, const char *s)
{
	return draw_width(ctx, s);
}

const char *draw_fit(struct ctx *c, struct buf *out, const char *s, double max_w)
{
	layout_ellipsize(out, s ? s : "", max_w, measure, c);
	return out->buf;
}

void draw_polyline_path(struct ctx *c, const double *v, size_t nr, double x, double dx,
			double base, double scale)
{
	int open = 0;

	for (size_t i = 0; i < nr; i++) {
		double px = x + dx * (double)i, py = base - v[i] * scale;

		if (!known(v[i]))
			open = 0;
		else if (open)
			cairo_line_to(c->cr, px, py);
		else
			cairo_move_to(c->cr, px, py);
		open = known(v[i]);
	}
}

void draw_rgb(struct ctx *c, struct rgb col)
{
	cairo_set_source_rgb(c->cr, col.r / 255.0, col.g / 255.0, col.b / 255.0);
}

/*
 * A rectangle on whole device pixels (charts are drawn unrotated, so device
 * axes are user axes), never thinner than a pixel. With `keep_size` the
 * corner and the size are rounded apart, so that all lines of one width are
 * equally thick; else both edges are rounded, so that neighbours (stacked
 * parts, a column and its base line) meet without a gap.
 */
static void fill_rect(struct ctx *c, double x, double y, double w, double h, struct rgb col,
		      int keep_size)
{
	if (!(w > 0) || !(h > 0))
		return;
	if (c->raster) {
		double x1 = x + w, y1 = y + h;

		cairo_user_to_device(c->cr, &x, &y);
		cairo_user_to_device(c->cr, &x1, &y1);
		if (keep_size) {
			x1 = round(x) + round(x1 - x);
			y1 = round(y) + round(y1 - y);
		}
		x = round(x);
		y = round(y);
		x1 = fmax(x + 1, round(x1));
		y1 = fmax(y + 1, round(y1));
		cairo_device_to_user(c->cr, &x, &y);
		cairo_device_to_user(c->cr, &x1, &y1);
		w = x1 - x;
		h = y1 - y;
	}
	draw_rgb(c, col);
	cairo_rectangle(c->cr, x, y, w, h);
	cairo_fill(c->cr);
}

void draw_rect(struct ctx *c, double x, double y, double w, double h, struct rgb col)
{
	fill_rect(c, x, y, w, h, col, 0);
}

void draw_hline(struct ctx *c, double x0, double x1, double y, double width, struct rgb col)
{
	fill_rect(c, x0, y - width / 2, x1 - x0, width, col, 1);
}

void draw_vline(struct ctx *c, double x, double y0, double y1, double width, struct rgb col)
{
	fill_rect(c, x - width / 2, y0, width, y1 - y0, col, 1);
}

void draw_vdash(struct ctx *c, double x, double y0, double y1, double width, struct rgb col)
{
	for (double y = y0; y < y1; y += 4)
		fill_rect(c, x - width / 2, y, width, fmin(2.5, y1 - y), col, 1);
}

#define HATCH_STEP 2.5		/* points between lines, along the x axis */
#define HATCH_WIDTH 0.5

/* Hatching over a rectangle, as lines, within the current clip. */
static void hatch_lines(struct ctx *c, double x0, double y0, double x1, double y1)
{
	double h = y1 - y0;

	cairo_save(c->cr);
	draw_rgb(c, palette_hatch);
	cairo_set_line_width(c->cr, HATCH_WIDTH);
	/* Lines at 45 degrees, anchored to the page so that neighbours line up. */
	for (double x = floor((x0 - h) / HATCH_STEP) * HATCH_STEP; x < x1; x += HATCH_STEP) {
		cairo_move_to(c->cr, x, y1);
		cairo_line_to(c->cr, x + h, y0);
	}
	cairo_stroke(c->cr);
	cairo_restore(c->cr);
}

/*
 * On raster surfaces the hatching is a repeating tile of whole device
 * pixels, so that filling with it is one composite rather than a clip mask
 * and a stroke per line (a fifth of a map's drawing time).
 */
static cairo_pattern_t *hatch_tile(struct ctx *c)
{
	cairo_surface_t *tile;
	cairo_pattern_t *pat;
	cairo_matrix_t ctm;
	cairo_t *t;
	double sx = 1, sy = 0;
	int n;

	cairo_user_to_device_distance(c->cr, &sx, &sy);
	sx = hypot(sx, sy);
	n = (int)lround(HATCH_STEP * sx);
	if (n < 2)
		n = 2;
	tile = cairo_image_surface_create(CAIRO_FORMAT_RGB24, n, n);
	t = cairo_create(tile);
	cairo_set_source_rgb(t, palette_nodata.r / 255.0, palette_nodata.g / 255.0,
			     palette_nodata.b / 255.0);
	cairo_paint(t);
	cairo_set_source_rgb(t, palette_hatch.r / 255.0, palette_hatch.g / 255.0,
			     palette_hatch.b / 255.0);
	cairo_set_line_width(t, HATCH_WIDTH * sx);
	for (int k = -1; k <= 1; k++) {
		cairo_move_to(t, k * n, n);
		cairo_line_to(t, (k + 1) * n, 0);
	}
	cairo_stroke(t);
	cairo_destroy(t);
	pat = cairo_pattern_create_for_surface(tile);
	cairo_surface_destroy(tile);
	cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
	/* Pattern space is device space: the tiles sit on the pixel grid. */
	cairo_get_matrix(c->cr, &ctm);
	cairo_pattern_set_matrix(pat, &ctm);
	return pat;
}

void draw_hatch_fill(struct ctx *c)
{
	double x0, y0, x1, y1;

	if (c->raster) {
		cairo_pattern_t *pat = hatch_tile(c);

		cairo_set_source(c->cr, pat);
		cairo_fill(c->cr);
		cairo_pattern_destroy(pat);
		return;
	}
	draw_rgb(c, palette_nodata);
	cairo_fill_preserve(c->cr);
	cairo_save(c->cr);
	cairo_clip(c->cr);
	cairo_clip_extents(c->cr, &x0, &y0, &x1, &y1);
	hatch_lines(c, x0, y0, x1, y1);
	cairo_restore(c->cr);
}

#define SWATCH LEGEND_SWATCH
#define LINE_SWATCH LEGEND_LINE_SWATCH

static double item_width(struct ctx *c, const struct legend_item *it)
{
	return (it->style == LEGEND_LINE ? LINE_SWATCH : SWATCH) + LEGEND_SWATCH_GAP +
	       draw_width(c, it->label);
}

void draw_swatch(struct ctx *c, const struct legend_item *it, double x, double y)
{
	switch (it->style) {
	case LEGEND_LINE:
		draw_hline(c, x, x + LINE_SWATCH, y, it->width > 0 ? it->width : 2, it->col);
		break;
	case LEGEND_HATCH:
		cairo_new_path(c->cr);
		cairo_rectangle(c->cr, x, y - SWATCH / 2, SWATCH, SWATCH);
		draw_hatch_fill(c);
		cairo_set_line_width(c->cr, 0.5);
		draw_rgb(c, palette_border);
		cairo_rectangle(c->cr, x + 0.25, y - SWATCH / 2 + 0.25, SWATCH - 0.5, SWATCH - 0.5);
		cairo_stroke(c->cr);
		break;
	case LEGEND_BOX:
		draw_rect(c, x, y - SWATCH / 2, SWATCH, SWATCH, it->col);
		if (palette_luminance(it->col) > 0.8) {
			/* Pale swatches need an edge to be seen on white. */
			cairo_set_line_width(c->cr, 0.5);
			draw_rgb(c, palette_border);
			cairo_rectangle(c->cr, x + 0.25, y - SWATCH / 2 + 0.25, SWATCH - 0.5,
					SWATCH - 0.5);
			cairo_stroke(c->cr);
		}
		break;
	}
}

double draw_legend(struct ctx *c, const struct legend_item *items, size_t nr, double x0,
		   double y, double x1, int measure_only)
{
	double x = x0, line = LEGEND_LINE_H;
	int rows = nr ? 1 : 0;
	struct buf fit = BUF_INIT;

	if (measure_only) {
		struct box_measure m = draw_measure(c);

		return legend_height(items, nr, x1 - x0, &m);
	}
	draw_font(c, TEXT_LABEL);
	for (size_t i = 0; i < nr; i++) {
		double w = item_width(c, &items[i]);
		double sw = items[i].style == LEGEND_LINE ? LINE_SWATCH : SWATCH;

		if (x > x0 && x + w > x1) {
			x = x0;
			y += line;
			rows++;
		}
		draw_swatch(c, &items[i], x, y);
		draw_fit(c, &fit, items[i].label, x1 - x - sw - LEGEND_SWATCH_GAP);
		draw_text(c, fit.buf, x + sw + LEGEND_SWATCH_GAP, draw_mid(c, y), ALIGN_LEFT,
			  palette_text);
		x += w + LEGEND_ITEM_GAP;
	}
	buf_release(&fit);
	return rows * line;
}

int label_step(struct ctx *c, double pitch, double widest)
{
	return layout_label_step(pitch, fmin(widest, 6 * c->size), 6);
}

void format_count(struct ctx *c, struct buf *out, double v)
{
	if (known(v))
		i18n_real(out, c->words->lang, v, v == floor(v) ? 0 : 1);
	else
		buf_adds(out, c->words->unknown);
}

void format_number(struct ctx *c, struct buf *out, double v, int decimals)
{
	i18n_real(out, c->words->lang, v, decimals);
}

void format_percent(struct ctx *c, struct buf *out, double share)
{
	i18n_percent(out, c->words->lang, share);
}

void format_more(struct ctx *c, struct buf *out, size_t nr)
{
	char count[32];

	snprintf(count, sizeof(count), "%zu", nr);
	chart_words_fill(out, c->words->more_not_shown, count, NULL);
}

double series_max(const struct chart_data *d, size_t s)
{
	double max = 0;

	if (s >= d->series_nr || !d->series[s].values)
		return 0;
	for (size_t i = 0; i < d->nr; i++)
		if (known(d->series[s].values[i]) && d->series[s].values[i] > max)
			max = d->series[s].values[i];
	return max;
}

void paint_value_axis(struct ctx *c, const struct value_axis *va)
{
	struct buf b = BUF_INIT;

	draw_font(c, TEXT_LABEL);
	if (va->caption.h > 0 && c->d->unit)
		draw_text(c, draw_fit(c, &b, c->d->unit, va->caption.w + 0.5), va->caption.x,
			  draw_mid(c, va->caption.y + c->size / 2), ALIGN_LEFT, palette_muted);
	for (int i = 0; i < va->axis.nr; i++) {
		double y = value_axis_y(va, va->axis.v[i]);

		buf_reset(&b);
		format_number(c, &b, va->axis.v[i], va->axis.decimals);
		draw_text(c, b.buf, va->ticks.x + va->ticks.w, draw_mid(c, y), ALIGN_RIGHT,
			  palette_muted);
		if (i > 0)
			draw_hline(c, va->plot.x, va->plot.x + va->plot.w, y, 0.5, palette_grid);
	}
	buf_release(&b);
}

double draw_value_axis(struct ctx *c, double max, double *x0, double *y0, double x1,
		       double y1, double headroom)
{
	struct box_measure m = draw_measure(c);
	struct value_axis va;

	value_axis_layout(&va, (struct box){ *x0, *y0, x1 - *x0, y1 - *y0 }, max, headroom,
			  c->d->unit, c->words, &m);
	paint_value_axis(c, &va);
	*x0 = va.plot.x;
	*y0 = va.plot.y;
	return va.axis.hi;
}
