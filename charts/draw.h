#ifndef CHARTS_DRAW_H
#define CHARTS_DRAW_H

/*
 * Internal to charts/: the drawing context that chart.c sets up and the
 * chart kinds draw with, and the helpers they share. Not part of the
 * contract (chart.h is).
 *
 * Every chart has the same box model, in points, set by chart.c:
 *
 *   +--------------------------------------------------------------+
 *   |                          PAD                                 |
 *   |  Title (11 bold, "…" when long)               n = 1,234 (8)  |
 *   |  Period (8.5, grey)         n < 10: read with care (8 bold)  |
 *   |                          GAP                                 |
 *   |  +- plot area: x0, y0 -------------------------------------+ |
 *   |  |  the kind's own legend, axes, bars, map ...            | |
 *   |  +------------------------------------------------ x1, y1 -+ |
 *   |  * Share from fewer than 30 incidents: read with care. (7)   |
 *   |  Note (7, grey)                                              |
 *   |                          PAD                                 |
 *   +--------------------------------------------------------------+
 *
 * Text is placed by its baseline; draw_mid() gives the baseline that
 * centres digits and capitals on a line.
 */

#include <cairo.h>
#include <math.h>

#include "box.h"
#include "chart.h"
#include "palette.h"
#include "../util/buf.h"

#define PAD 10.0		/* around the chart */
/* A share of a whole smaller than this is never printed (charts/share.c). */
#define CHART_MIN_WHOLE 5
#define GAP 8.0			/* between the header and the plot area */

enum align {
	ALIGN_LEFT,
	ALIGN_CENTRE,
	ALIGN_RIGHT,
};

struct ctx {
	cairo_t *cr;
	const struct chart_spec *spec;
	const struct chart_data *d;
	double w, h;			/* chart size */
	int raster;			/* snap edges to device pixels */
	double x0, y0, x1, y1;		/* plot area */
	double size;			/* current font size */
	struct buf tmp;			/* scratch for the kinds */
	const struct chart_words *words;	/* d->words, or English: never NULL */
	/* chart_map_locate(): the point to find, and where it was found. */
	int locate;
	double lon, lat, lx, ly;
	int located;
};

/* 1 when v is a known count or value (finite and not negative). */
static inline int known(double v)
{
	return isfinite(v) && v >= 0;
}

void draw_font(struct ctx *c, enum text_role role);
/* A measure for the layout functions of box.h, in the chart's fonts. */
struct box_measure draw_measure(struct ctx *c);
/* Writes `s` in `role` in the text box `b` (box.h), aligned in it. */
void draw_text_box(struct ctx *c, enum text_role role, const char *s, const struct box *b,
		   struct rgb col);
double draw_width(struct ctx *c, const char *s);
/* The baseline that centres digits and capitals on `y`. */
double draw_mid(struct ctx *c, double y);
void draw_text(struct ctx *c, const char *s, double x, double baseline, enum align a,
	       struct rgb col);
/* Sets `out` to `s`, shortened with "…" to `max_w` in the current font; returns out->buf. */
const char *draw_fit(struct ctx *c, struct buf *out, const char *s, double max_w);

void draw_rgb(struct ctx *c, struct rgb col);
/* Fills a rectangle, its edges on device pixels on raster surfaces. */
void draw_rect(struct ctx *c, double x, double y, double w, double h, struct rgb col);
/* Lines drawn as snapped rectangles, so that they are crisp on raster. */
void draw_hline(struct ctx *c, double x0, double x1, double y, double width, struct rgb col);
void draw_vline(struct ctx *c, double x, double y0, double y1, double width, struct rgb col);
/* A dashed vertical line. */
void draw_vdash(struct ctx *c, double x, double y0, double y1, double width, struct rgb col);
/*
 * Adds to the current path a line through the known values of v[0..nr),
 * value i at x = x + i * dx and y = base - v[i] * scale, broken at every
 * unknown value: an unknown month is a gap, not a zero. The caller strokes.
 */
void draw_polyline_path(struct ctx *c, const double *v, size_t nr, double x, double dx,
			double base, double scale);
/* Fills the current path with "no data": grey diagonal hatching on white. */
void draw_hatch_fill(struct ctx *c);

/* Draws the swatch of a legend item, its left edge at x and its middle at y. */
void draw_swatch(struct ctx *c, const struct legend_item *it, double x, double y);
/*
 * Draws a legend, left-aligned at x0 with its first row's middle at `y`,
 * wrapping before x1. Returns the height it took (rows times line height).
 * With `measure_only` nothing is drawn.
 */
double draw_legend(struct ctx *c, const struct legend_item *items, size_t nr, double x0,
		   double y, double x1, int measure_only);

/* Appends a count ("1,234") or "unknown", in c->words. */
void format_count(struct ctx *c, struct buf *out, double v);
/* Appends a number or a share in c->words (i18n_real(), i18n_percent() in c->words->lang). */
void format_number(struct ctx *c, struct buf *out, double v, int decimals);
void format_percent(struct ctx *c, struct buf *out, double share);
/* Appends "+ 3 more not shown" (c->words->more_not_shown) for `nr`. */
void format_more(struct ctx *c, struct buf *out, size_t nr);

/* The largest known value of series `s` (0 when none is known). */
double series_max(const struct chart_data *d, size_t s);

/*
 * Draws a value axis on the left of [x0, x1] x [y0, y1] for values in
 * [0, max]: the caption (data->unit) at the top, then grid lines and tick
 * labels, the scale reaching far enough above `max` to leave `headroom`
 * points for value labels. Narrows the area by the labels' width (writes
 * the new x0), moves *y0 below the caption, and returns the scale's top.
 */
double draw_value_axis(struct ctx *c, double max, double *x0, double *y0, double x1,
		       double y1, double headroom);
/* Draws a value axis laid out by value_axis_layout(). */
void paint_value_axis(struct ctx *c, const struct value_axis *va);

/*
 * Every how many slots `pitch` apart a category axis writes its label. Labels
 * wider than 6 ems are shortened rather than thinned out: thinning suits
 * series (months), not names.
 */
int label_step(struct ctx *c, double pitch, double widest);

/* The chart kinds; each draws into the plot area c->x0 .. c->y1. */
void bar_draw(struct ctx *c);
void column_draw(struct ctx *c);	/* CHART_COLUMN, _STACKED, _DISTRIBUTION */
void line_draw(struct ctx *c);
void share_draw(struct ctx *c);		/* CHART_DONUT, _SHARE_BAR */
void kpi_draw(struct ctx *c);
void map_draw(struct ctx *c);

#endif
