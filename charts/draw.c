#include "draw.h"

#include <stdio.h>
#include <string.h>

#include "axis.h"
#include "font.h"
#include "layout.h"
#include "../util/banned.h"

static const struct {
	double size;
	enum font_style style;
} roles[] = {
	[TEXT_TITLE] = { 11, FONT_BOLD },
	[TEXT_SUBTITLE] = { 8.5, FONT_REGULAR },
	[TEXT_LABEL] = { 8, FONT_REGULAR },
	[TEXT_VALUE] = { 8, FONT_BOLD },
	[TEXT_SMALL] = { 7, FONT_REGULAR },
	[TEXT_MESSAGE] = { 11, FONT_REGULAR },
	[TEXT_BIG] = { 22, FONT_BOLD },
};

void draw_font(struct ctx *c, enum text_role role)
{
	/* chart_render() has loaded both faces before any drawing. */
	cairo_set_font_face(c->cr, font_face(roles[role].style));
	cairo_set_font_size(c->cr, roles[role].size);
	c->size = roles[role].size;
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

#define SWATCH 7.0
#define LINE_SWATCH 14.0

static double item_width(struct ctx *c, const struct legend_item *it)
{
	return (it->style == LEGEND_LINE ? LINE_SWATCH : SWATCH) + 3 + draw_width(c, it->label);
}

static void draw_swatch(struct ctx *c, const struct legend_item *it, double x, double y)
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
	double x = x0, line = 1.4 * roles[TEXT_LABEL].size;
	int rows = nr ? 1 : 0;
	struct buf fit = BUF_INIT;

	draw_font(c, TEXT_LABEL);
	for (size_t i = 0; i < nr; i++) {
		double w = item_width(c, &items[i]);
		double sw = items[i].style == LEGEND_LINE ? LINE_SWATCH : SWATCH;

		if (x > x0 && x + w > x1) {
			x = x0;
			y += line;
			rows++;
		}
		if (!measure_only) {
			draw_swatch(c, &items[i], x, y);
			draw_fit(c, &fit, items[i].label, x1 - x - sw - 3);
			draw_text(c, fit.buf, x + sw + 3, draw_mid(c, y), ALIGN_LEFT, palette_text);
		}
		x += w + 10;
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
		chart_words_number(out, c->words, v, v == floor(v) ? 0 : 1);
	else
		buf_adds(out, c->words->unknown);
}

void format_number(struct ctx *c, struct buf *out, double v, int decimals)
{
	chart_words_number(out, c->words, v, decimals);
}

void format_percent(struct ctx *c, struct buf *out, double share)
{
	chart_words_percent(out, c->words, share);
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

/* Ticks for [0, max] over `length`, and the widest tick label. */
static int value_ticks(struct ctx *c, double max, double length, double headroom,
		       struct axis *ax, double *lw)
{
	struct buf b = BUF_INIT;

	*lw = 0;
	draw_font(c, TEXT_LABEL);
	if (axis_counts(max, length, 2.4 * c->size, headroom, ax) < 0)
		return -1;
	for (int i = 0; i < ax->nr; i++) {
		buf_reset(&b);
		format_number(c, &b, ax->v[i], ax->decimals);
		*lw = fmax(*lw, draw_width(c, b.buf));
	}
	buf_release(&b);
	return 0;
}

#define AXIS_GAP 5.0
#define CAPTION_H(size) (2.2 * (size))

double value_axis_width(struct ctx *c, double max, double length, double headroom)
{
	struct axis ax;
	double lw;

	if (c->d->unit)
		length -= CAPTION_H(8);
	if (value_ticks(c, max, length, headroom, &ax, &lw) < 0)
		return 0;
	return lw + AXIS_GAP;
}

double draw_value_axis(struct ctx *c, double max, double *x0, double *y0, double x1,
		       double y1, double headroom)
{
	struct axis ax;
	struct buf b = BUF_INIT;
	double lw;

	draw_font(c, TEXT_LABEL);
	if (c->d->unit) {
		draw_text(c, draw_fit(c, &b, c->d->unit, x1 - *x0), *x0, draw_mid(c, *y0 + c->size / 2),
			  ALIGN_LEFT, palette_muted);
		*y0 += CAPTION_H(c->size);
	}
	if (value_ticks(c, max, y1 - *y0, headroom, &ax, &lw) < 0) {
		buf_release(&b);
		return max > 0 ? max : 1;
	}
	for (int i = 0; i < ax.nr; i++) {
		double y = y1 - ax.v[i] / ax.hi * (y1 - *y0);

		buf_reset(&b);
		format_number(c, &b, ax.v[i], ax.decimals);
		draw_text(c, b.buf, *x0 + lw, draw_mid(c, y), ALIGN_RIGHT, palette_muted);
		if (i > 0)
			draw_hline(c, *x0 + lw + AXIS_GAP, x1, y, 0.5, palette_grid);
	}
	*x0 += lw + AXIS_GAP;
	buf_release(&b);
	return ax.hi;
}
