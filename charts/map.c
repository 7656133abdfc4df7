/*
 * A choropleth of Europe, or of the world (the shapes say which: struct geo
 * carries its projection and window): incidents per country, in classes
 * of the sequential ramp, with a legend.
 *
 *   +- map window (fixed) -------+  Incidents
 *   |   countries with a value:  |  ■ 0
 *   |   class colours; focus     |  ■ 1–2
 *   |   countries without one:   |  ■ 3–5 ...
 *   |   hatched "no data";       |  ▨ No data
 *   |   neighbours: flat grey    |
 *   +----------------------------+
 *
 * The window is fixed in projected metres (about 25°W-45°E, 34°N-72°N, the
 * same as data/geo/make-europe.py), never taken from the shapes, so that
 * France's overseas regions or Svalbard do not stretch the map. It keeps the
 * projection's aspect ratio and is centred, with its legend, in the plot
 * area.
 *
 * A country is looked up by its ISO code among the labels. Listed with a
 * known value: its class colour (0 has its own, lightest, colour). Listed
 * with an unknown value, or not listed: "no data" if it is a focus country,
 * else the neutral context grey. So the caller says which countries its
 * sources cover by listing them, with 0 where there was nothing.
 *
 * Countries too small to see (Malta, Luxembourg, the microstates) get a dot
 * in their colour.
 *
 * NEEDSWORK: the window leaves out the EU's outermost regions (the Canaries,
 * the Azores, Madeira, the French overseas regions). Should the map carry
 * insets for them, as Eurostat's maps do?
 * NEEDSWORK: classes are for counts (whole numbers). Incidents per million
 * inhabitants would need bounds with decimals; axis_classes() could take
 * the step's decimals as axis_ticks() does.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "axis.h"
#include "draw.h"
#include "geo.h"
#include "layout.h"
#include "proj.h"
#include "../util/util.h"
#include "../util/banned.h"

/* The map window: the geo's (charts/geo.c set_window(), data/geo/make-europe.py). */
#define MAP_X0 (g->wx0)
#define MAP_X1 (g->wx1)
#define MAP_Y0 (g->wy0)
#define MAP_Y1 (g->wy1)
#define MAX_CLASSES (PALETTE_SEQ_NR - 1)
#define SMALL 4.0		/* points: a country smaller than this gets a dot */
#define LEGEND_GAP 14.0
/* How a country is drawn: a class (0 for zero, 1..k), or one of these. */
#define STATE_CONTEXT (-2)
#define STATE_NODATA (-1)

struct view {
	double s, tx, ty;	/* device = (x * s + tx, -y * s + ty) */
	double x0, y0, x1, y1;	/* the window on the page */
};

static void to_page(const struct view *v, double x, double y, double *px, double *py)
{
	*px = x * v->s + v->tx;
	*py = -y * v->s + v->ty;
}

/* The value listed for `iso`; NaN when not listed or unknown. */
static double value_for(const struct chart_data *d, const char *iso)
{
	if (!*iso)
		return NAN;
	for (size_t i = 0; i < d->nr; i++)
		if (d->labels[i] && !ascii_casecmp(d->labels[i], iso))
			return known(d->series[0].values[i]) ? d->series[0].values[i] : NAN;
	return NAN;
}

static int class_of(double v, const double *upper, int k)
{
	if (v <= 0)
		return 0;
	for (int i = 0; i < k; i++)
		if (v <= upper[i])
			return i + 1;
	return k;
}

/*
 * Adds a feature's rings to the path, leaving out points closer than `tol`
 * (page units) to the last one kept: at 300 dpi most of the 1:50m shapes'
 * vertices are less than a pixel apart, and stroking them all is most of a
 * map's drawing time. Rings that shrink below a triangle are dropped.
 */
/*
 * Adds a ring to the path, or only counts its points with `emit` 0, leaving
 * out points closer than `tol` (page units) to the last one kept. Returns
 * the number of points kept.
 */
static size_t ring_path(struct ctx *c, const double *p, size_t n, const struct view *v,
			double tol, int emit)
{
	size_t kept = 1;
	double px, py, lx, ly;

	to_page(v, p[0], p[1], &lx, &ly);
	if (emit)
		cairo_move_to(c->cr, lx, ly);
	for (size_t i = 1; i < n; i++) {
		to_page(v, p[2 * i], p[2 * i + 1], &px, &py);
		if (fabs(px - lx) < tol && fabs(py - ly) < tol && i + 1 < n)
			continue;
		if (emit)
			cairo_line_to(c->cr, px, py);
		lx = px;
		ly = py;
		kept++;
	}
	if (emit)
		cairo_close_path(c->cr);
	return kept;
}

/*
 * Adds a feature's rings to the path. At 300 dpi most of the 1:50m shapes'
 * vertices are less than a pixel apart and stroking them all is most of a
 * map's drawing time, so points within `tol` of the last one kept are left
 * out, and rings that shrink below a triangle (closed: 4 points) dropped.
 */
static void feature_path(struct ctx *c, const struct geo *g, const struct geo_feature *f,
			 const struct view *v, double tol)
{
	for (size_t r = f->ring; r < f->ring + f->ring_nr; r++) {
		const double *p = g->xy + 2 * g->rings[r].off;

		if (ring_path(c, p, g->rings[r].n, v, tol, 0) >= 4)
			ring_path(c, p, g->rings[r].n, v, tol, 1);
	}
}

/* "1–2", "3", "21–37" */
static void class_label(struct ctx *c, struct buf *out, const double *upper, int i)
{
	double lo = i ? upper[i - 1] + 1 : 1;

	buf_reset(out);
	format_number(c, out, lo, 0);
	if (upper[i] > lo) {
		buf_adds(out, "\xe2\x80\x93");
		format_number(c, out, upper[i], 0);
	}
}

void map_draw(struct ctx *c)
{
	const struct chart_data *d = c->d;
	const struct geo *g = c->spec->geo;
	struct legend_item items[MAX_CLASSES + 2];
	struct buf labels[MAX_CLASSES + 1];
	double upper[MAX_CLASSES], max = series_max(d, 0), lw = 0, line, mw, mh, total, ly, tol;
	int k = axis_classes(max, MAX_CLASSES, upper), nodata = 0, *state;
	size_t nitems = 0;
	struct view v;

	state = xmalloc((g->nr ? g->nr : 1) * sizeof(*state));
	for (size_t i = 0; i < g->nr; i++) {
		double val = value_for(d, g->features[i].iso);

		if (!isnan(val))
			state[i] = class_of(val, upper, k);
		else
			state[i] = g->features[i].focus ? STATE_NODATA : STATE_CONTEXT;
		if (state[i] == STATE_NODATA)
			nodata = 1;
	}
	for (int i = 0; i <= k; i++) {
		buf_init(&labels[i]);
		if (i == 0)
			buf_adds(&labels[i], "0");
		else
			class_label(c, &labels[i], upper, i - 1);
		items[nitems++] = (struct legend_item){ labels[i].buf, palette_seq_class(i, k),
							LEGEND_BOX, 0 };
	}
	if (nodata)
		items[nitems++] = (struct legend_item){ c->words->no_data, palette_nodata, LEGEND_HATCH, 0 };

	/* Legend: one item per row, to the right of the map. */
	draw_font(c, TEXT_LABEL);
	line = 1.6 * c->size;
	for (size_t i = 0; i < nitems; i++)
		lw = fmax(lw, 10 + draw_width(c, items[i].label));
	draw_font(c, TEXT_VALUE);
	lw = fmax(lw, draw_width(c, d->unit ? d->unit : c->words->map_unit));
	lw = fmin(lw, 0.3 * (c->x1 - c->x0));

	mw = c->x1 - c->x0 - lw - LEGEND_GAP;
	mh = c->y1 - c->y0;
	if (mw < 20 || mh < 20)
		goto out;
	v.s = fmin(mw / (MAP_X1 - MAP_X0), mh / (MAP_Y1 - MAP_Y0));
	mw = v.s * (MAP_X1 - MAP_X0);
	mh = v.s * (MAP_Y1 - MAP_Y0);
	total = mw + LEGEND_GAP + lw;
	v.x0 = c->x0 + (c->x1 - c->x0 - total) / 2;
	v.y0 = c->y0 + (c->y1 - c->y0 - mh) / 2;
	v.x1 = v.x0 + mw;
	v.y1 = v.y0 + mh;
	v.tx = v.x0 - MAP_X0 * v.s;
	v.ty = v.y0 + MAP_Y1 * v.s;

	if (c->locate) {
		double x, y;

		if (geo_project(g, c->lon, c->lat, &x, &y) == 0 && x >= MAP_X0 && x <= MAP_X1 &&
		    y >= MAP_Y0 && y <= MAP_Y1) {
			to_page(&v, x, y, &c->lx, &c->ly);
			c->located = 1;
		}
	}

	/* Half a device pixel on raster; a tenth of a point on vector. */
	tol = 0.1;
	if (c->raster) {
		double px = 1, py = 0;

		cairo_device_to_user_distance(c->cr, &px, &py);
		tol = 0.5 * hypot(px, py);
	}
	cairo_save(c->cr);
	cairo_rectangle(c->cr, v.x0, v.y0, mw, mh);
	cairo_clip(c->cr);
	cairo_set_fill_rule(c->cr, CAIRO_FILL_RULE_EVEN_ODD);
	/*
	 * One fill per colour, not per country: the scan conversion is most of
	 * the drawing time, and neighbours of the same colour then have no
	 * seam between them.
	 */
	for (int st = STATE_CONTEXT; st <= k; st++) {
		int any = 0;

		cairo_new_path(c->cr);
		for (size_t i = 0; i < g->nr; i++) {
			if (state[i] == st) {
				feature_path(c, g, &g->features[i], &v, tol);
				any = 1;
			}
		}
		if (!any)
			continue;
		if (st == STATE_NODATA) {
			draw_hatch_fill(c);
		} else {
			draw_rgb(c, st == STATE_CONTEXT ? palette_context : palette_seq_class(st, k));
			cairo_fill(c->cr);
		}
	}
	/*
	 * Borders and coasts in one stroke, over the fills. Neighbours drawn for
	 * context have none: they read as one grey landmass, and their long
	 * coasts would double the size of a PNG. Stroking 20,000 segments is
	 * most of a map's time; bevel joins and cairo's coarser ("fast")
	 * antialiasing halve it, and at 0.3 points the result looks the same.
	 */
	cairo_new_path(c->cr);
	for (size_t i = 0; i < g->nr; i++)
		if (state[i] != STATE_CONTEXT)
			feature_path(c, g, &g->features[i], &v, tol);
	draw_rgb(c, palette_border);
	cairo_set_line_width(c->cr, 0.3);
	cairo_set_line_join(c->cr, CAIRO_LINE_JOIN_BEVEL);
	cairo_set_antialias(c->cr, CAIRO_ANTIALIAS_FAST);
	cairo_stroke(c->cr);
	cairo_set_antialias(c->cr, CAIRO_ANTIALIAS_DEFAULT);
	/* Dots for countries too small to see. */
	for (size_t i = 0; i < g->nr; i++) {
		const struct geo_feature *f = &g->features[i];
		double x0, y0, x1, y1;

		/* On the world map, where small islands are many, only those with incidents. */
		if (state[i] < 0 || !f->focus || (g->map == GEO_WORLD && state[i] == 0))
			continue;
		to_page(&v, f->x0, f->y1, &x0, &y0);
		to_page(&v, f->x1, f->y0, &x1, &y1);
		if (x1 - x0 >= SMALL || y1 - y0 >= SMALL)
			continue;
		cairo_new_path(c->cr);
		cairo_arc(c->cr, (x0 + x1) / 2, (y0 + y1) / 2, 2.2, 0, 2 * M_PI);
		draw_rgb(c, palette_seq_class(state[i], k));
		cairo_fill_preserve(c->cr);
		draw_rgb(c, palette_text);
		cairo_set_line_width(c->cr, 0.5);
		cairo_stroke(c->cr);
	}
	cairo_restore(c->cr);
	draw_hline(c, v.x0, v.x1, v.y0, 0.5, palette_grid);
	draw_hline(c, v.x0, v.x1, v.y1, 0.5, palette_grid);
	draw_vline(c, v.x0, v.y0, v.y1, 0.5, palette_grid);
	draw_vline(c, v.x1, v.y0, v.y1, 0.5, palette_grid);

	/* The legend, centred on the map's height. */
	ly = (v.y0 + v.y1) / 2 - line * (double)nitems / 2;
	draw_font(c, TEXT_VALUE);
	draw_text(c, draw_fit(c, &c->tmp, d->unit ? d->unit : c->words->map_unit, lw), v.x1 + LEGEND_GAP,
		  draw_mid(c, ly - line / 2), ALIGN_LEFT, palette_text);
	for (size_t i = 0; i < nitems; i++)
		draw_legend(c, &items[i], 1, v.x1 + LEGEND_GAP, ly + line * ((double)i + 0.5),
			    v.x1 + LEGEND_GAP + lw, 0);
out:
	free(state);
	for (int i = 0; i <= k; i++)
		buf_release(&labels[i]);
}
