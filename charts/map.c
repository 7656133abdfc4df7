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
#include "../lang/lang.h"
#include "../util/util.h"
#include "../util/banned.h"

#define SMALL 4.0		/* points: a country smaller than this gets a dot */
#define DOT_RADIUS 2.2		/* its dot */
#define LEGEND_GAP 14.0		/* the map to its legend */
#define LEGEND_ROW 1.6		/* a legend row, in label sizes */
#define LEGEND_SHARE 0.3	/* the legend's widest share of the plot's width */
#define MAP_MIN 20.0		/* a map narrower or lower than this is not drawn */

static void to_page(const struct map_layout *l, double x, double y, double *px, double *py)
{
	*px = x * l->s + l->tx;
	*py = -y * l->s + l->ty;
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
 * Adds a ring to the path, or only counts its points with `emit` 0, leaving
 * out points closer than `tol` (page units) to the last one kept. Returns
 * the number of points kept.
 */
static size_t ring_path(struct ctx *c, const double *p, size_t n, const struct map_layout *l,
			double tol, int emit)
{
	size_t kept = 1;
	double px, py, lx, ly;

	to_page(l, p[0], p[1], &lx, &ly);
	if (emit)
		cairo_move_to(c->cr, lx, ly);
	for (size_t i = 1; i < n; i++) {
		to_page(l, p[2 * i], p[2 * i + 1], &px, &py);
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
			 const struct map_layout *l, double tol)
{
	for (size_t r = f->ring; r < f->ring + f->ring_nr; r++) {
		const double *p = g->xy + 2 * g->rings[r].off;

		if (ring_path(c, p, g->rings[r].n, l, tol, 0) >= 4)
			ring_path(c, p, g->rings[r].n, l, tol, 1);
	}
}

/* "1–2", "3", "21–37" */
static char *class_label(const double *upper, int i, enum lang lang)
{
	double lo = i ? upper[i - 1] + 1 : 1;
	struct buf b = BUF_INIT;

	i18n_real(&b, lang, lo, 0);
	if (upper[i] > lo) {
		buf_adds(&b, "\xe2\x80\x93");
		i18n_real(&b, lang, upper[i], 0);
	}
	return buf_detach(&b, NULL);
}

/* Each feature's state, and the legend's items: 0, the classes, "no data" if any. */
static void classify(struct map_layout *l, const struct chart_data *d, const struct geo *g,
		     const struct chart_words *words)
{
	int nodata = 0;

	l->k = axis_classes(series_max(d, 0), MAP_MAX_CLASSES, l->upper);
	l->state = xmalloc((g->nr ? g->nr : 1) * sizeof(*l->state));
	for (size_t i = 0; i < g->nr; i++) {
		double val = value_for(d, g->features[i].iso);

		if (!isnan(val))
			l->state[i] = class_of(val, l->upper, l->k);
		else
			l->state[i] = g->features[i].focus ? MAP_NODATA : MAP_CONTEXT;
		if (l->state[i] == MAP_NODATA)
			nodata = 1;
	}
	for (int i = 0; i <= l->k; i++)
		l->items[l->items_nr++] = (struct legend_item){
			i ? class_label(l->upper, i - 1, words->lang) : xstrdup("0"),
			palette_seq_class(i, l->k), LEGEND_BOX, 0 };
	if (nodata)
		l->items[l->items_nr++] = (struct legend_item){ xstrdup(words->no_data),
								palette_nodata, LEGEND_HATCH, 0 };
}

/*
 * The map and its legend, side by side and centred together in the area:
 *
 *   area.x                                                  area.x + area.w
 *   |     +- map (the window, to scale) -+ LEGEND_GAP  Incidents  <- caption
 *   |     |                              |<--------->  ■ 0        <- rows,
 *   |     |                              |             ■ 1–2         LEGEND_ROW
 *   |     |                              |             ▨ No data     labels high,
 *   |     +------------------------------+             |<-- lw -->|  centred on
 *   |<--->| centring                                                 the map
 *
 * lw is the widest of the caption and the rows (swatch, gap, label), at
 * most LEGEND_SHARE of the area; what is wider is shortened with "…".
 */
int map_layout(struct map_layout *l, const struct chart_data *d, const struct geo *g,
	       const struct chart_words *words, struct box area, const struct box_measure *m)
{
	const char *unit;
	struct buf fit = BUF_INIT;
	double line = LEGEND_ROW * text_size(TEXT_LABEL), inset = LEGEND_SWATCH + LEGEND_SWATCH_GAP;
	double lw = 0, mw, mh, ly, x;

	memset(l, 0, sizeof(*l));
	words = chart_words_or_en(words);
	unit = d->unit ? d->unit : words->map_unit;
	classify(l, d, g, words);
	for (size_t i = 0; i < l->items_nr; i++)
		lw = fmax(lw, inset + m->width(m->ctx, TEXT_LABEL, l->items[i].label));
	lw = fmax(lw, m->width(m->ctx, TEXT_VALUE, unit));
	lw = fmin(lw, LEGEND_SHARE * area.w);
	mw = area.w - lw - LEGEND_GAP;
	mh = area.h;
	if (mw < MAP_MIN || mh < MAP_MIN)
		return -1;
	/* The window to scale, whole: its aspect ratio is the projection's. */
	l->s = fmin(mw / (g->wx1 - g->wx0), mh / (g->wy1 - g->wy0));
	mw = l->s * (g->wx1 - g->wx0);
	mh = l->s * (g->wy1 - g->wy0);
	l->map = (struct box){ area.x + (area.w - (mw + LEGEND_GAP + lw)) / 2,
			       area.y + (area.h - mh) / 2, mw, mh };
	l->tx = l->map.x - g->wx0 * l->s;
	l->ty = l->map.y + g->wy1 * l->s;

	/* The legend: the caption's row, then one row per item, centred on the map. */
	x = l->map.x + l->map.w + LEGEND_GAP;
	ly = l->map.y + l->map.h / 2 - line * (double)l->items_nr / 2;
	l->legend = (struct box){ x, ly - line, lw, line * (double)(l->items_nr + 1) };
	l->caption = box_text(TEXT_VALUE, x, ly - line / 2 + 0.365 * text_size(TEXT_VALUE),
			      box_fit(&fit, unit, lw, TEXT_VALUE, m));
	l->caption_text = buf_detach(&fit, NULL);
	for (size_t i = 0; i < l->items_nr; i++) {
		double mid = ly + line * ((double)i + 0.5);

		l->swatch[i] = (struct box){ x, mid - LEGEND_SWATCH / 2, LEGEND_SWATCH,
					     LEGEND_SWATCH };
		l->label[i] = box_text(TEXT_LABEL, x + inset, mid + 0.365 * text_size(TEXT_LABEL),
				       box_fit(&fit, l->items[i].label, lw - inset, TEXT_LABEL, m));
		l->label_text[i] = buf_detach(&fit, NULL);
	}
	return 0;
}

void map_layout_release(struct map_layout *l)
{
	for (size_t i = 0; i < l->items_nr; i++) {
		free((char *)l->items[i].label);
		free(l->label_text[i]);
	}
	free(l->state);
	free(l->caption_text);
	memset(l, 0, sizeof(*l));
}

/*
 * The fills, one per colour, not per country: the scan conversion is most
 * of the drawing time, and neighbours of the same colour then have no seam
 * between them.
 */
static void paint_fills(struct ctx *c, const struct geo *g, const struct map_layout *l,
			double tol)
{
	for (int st = MAP_CONTEXT; st <= l->k; st++) {
		int any = 0;

		cairo_new_path(c->cr);
		for (size_t i = 0; i < g->nr; i++) {
			if (l->state[i] == st) {
				feature_path(c, g, &g->features[i], l, tol);
				any = 1;
			}
		}
		if (!any)
			continue;
		if (st == MAP_NODATA) {
			draw_hatch_fill(c);
		} else {
			draw_rgb(c, st == MAP_CONTEXT ? palette_context : palette_seq_class(st, l->k));
			cairo_fill(c->cr);
		}
	}
}

/*
 * Borders and coasts in one stroke, over the fills. Neighbours drawn for
 * context have none: they read as one grey landmass, and their long coasts
 * would double the size of a PNG. Stroking 20,000 segments is most of a
 * map's time; bevel joins and cairo's coarser ("fast") antialiasing halve
 * it, and at 0.3 points the result looks the same.
 */
static void paint_borders(struct ctx *c, const struct geo *g, const struct map_layout *l,
			  double tol)
{
	cairo_new_path(c->cr);
	for (size_t i = 0; i < g->nr; i++)
		if (l->state[i] != MAP_CONTEXT)
			feature_path(c, g, &g->features[i], l, tol);
	draw_rgb(c, palette_border);
	cairo_set_line_width(c->cr, 0.3);
	cairo_set_line_join(c->cr, CAIRO_LINE_JOIN_BEVEL);
	cairo_set_antialias(c->cr, CAIRO_ANTIALIAS_FAST);
	cairo_stroke(c->cr);
	cairo_set_antialias(c->cr, CAIRO_ANTIALIAS_DEFAULT);
}

/* Dots for countries too small to see. */
static void paint_dots(struct ctx *c, const struct geo *g, const struct map_layout *l)
{
	for (size_t i = 0; i < g->nr; i++) {
		const struct geo_feature *f = &g->features[i];
		double x0, y0, x1, y1;

		/* On the world map, where small islands are many, only those with incidents. */
		if (l->state[i] < 0 || !f->focus || (g->map == GEO_WORLD && l->state[i] == 0))
			continue;
		to_page(l, f->x0, f->y1, &x0, &y0);
		to_page(l, f->x1, f->y0, &x1, &y1);
		if (x1 - x0 >= SMALL || y1 - y0 >= SMALL)
			continue;
		cairo_new_path(c->cr);
		cairo_arc(c->cr, (x0 + x1) / 2, (y0 + y1) / 2, DOT_RADIUS, 0, 2 * M_PI);
		draw_rgb(c, palette_seq_class(l->state[i], l->k));
		cairo_fill_preserve(c->cr);
		draw_rgb(c, palette_text);
		cairo_set_line_width(c->cr, 0.5);
		cairo_stroke(c->cr);
	}
}

static void paint_map(struct ctx *c, const struct geo *g, const struct map_layout *l)
{
	const struct box *b = &l->map;
	/* Half a device pixel on raster; a tenth of a point on vector. */
	double tol = 0.1;

	if (c->raster) {
		double px = 1, py = 0;

		cairo_device_to_user_distance(c->cr, &px, &py);
		tol = 0.5 * hypot(px, py);
	}
	cairo_save(c->cr);
	cairo_rectangle(c->cr, b->x, b->y, b->w, b->h);
	cairo_clip(c->cr);
	cairo_set_fill_rule(c->cr, CAIRO_FILL_RULE_EVEN_ODD);
	paint_fills(c, g, l, tol);
	paint_borders(c, g, l, tol);
	paint_dots(c, g, l);
	cairo_restore(c->cr);
	draw_hline(c, b->x, b->x + b->w, b->y, 0.5, palette_grid);
	draw_hline(c, b->x, b->x + b->w, b->y + b->h, 0.5, palette_grid);
	draw_vline(c, b->x, b->y, b->y + b->h, 0.5, palette_grid);
	draw_vline(c, b->x + b->w, b->y, b->y + b->h, 0.5, palette_grid);
}

/* chart_map_locate(): where the point c->lon, c->lat falls on the map, if inside its window. */
static void locate(struct ctx *c, const struct geo *g, const struct map_layout *l)
{
	double x, y;

	if (geo_project(g, c->lon, c->lat, &x, &y) == 0 && x >= g->wx0 && x <= g->wx1 &&
	    y >= g->wy0 && y <= g->wy1) {
		to_page(l, x, y, &c->lx, &c->ly);
		c->located = 1;
	}
}

void map_draw(struct ctx *c)
{
	const struct geo *g = c->spec->geo;
	struct box_measure m = draw_measure(c);
	struct box area = { c->x0, c->y0, c->x1 - c->x0, c->y1 - c->y0 };
	struct map_layout l;

	if (map_layout(&l, c->d, g, c->words, area, &m) < 0)
		goto out;
	if (c->locate)
		locate(c, g, &l);
	paint_map(c, g, &l);
	draw_text_box(c, TEXT_VALUE, l.caption_text, &l.caption, palette_text);
	for (size_t i = 0; i < l.items_nr; i++) {
		draw_swatch(c, &l.items[i], l.swatch[i].x, l.swatch[i].y + l.swatch[i].h / 2);
		draw_text_box(c, TEXT_LABEL, l.label_text[i], &l.label[i], palette_text);
	}
out:
	map_layout_release(&l);
}
