#ifndef CHARTS_CHART_H
#define CHARTS_CHART_H

/*
 * Briefing charts, drawn with cairo from a typed data series.
 *
 * charts/ knows nothing of SQL or of the store: the caller fills a
 * struct chart_data (labels, values, flags) and a struct chart_spec (kind and
 * size), and gets a drawing. The same drawing code writes PNG, SVG and PDF,
 * and draws into a cairo context the report provides.
 *
 * What every chart does:
 *  - a title, the period under it and "n = ..." in the top right corner;
 *  - when n is 0, or no category has a count above zero, it draws `empty`
 *    (what is empty: "No public bodies among the 2 incidents"), or, when
 *    that is NULL, "No incidents in this period", instead of bars, axes or
 *    a map;
 *  - when 0 < n < 10 it writes "n < 10: read with care" under the n;
 *  - text that does not fit is shortened with "…", never overflows;
 *  - a category flagged CHART_SUPPRESSED shows its count and never its share;
 *    one flagged CHART_UNRELIABLE shows its share with a "*" and a footnote;
 *  - an unknown value (NaN or negative) draws no bar and is labelled
 *    "unknown"; it is never drawn as zero;
 *  - counts start at zero on every axis, and the scale fits the data with
 *    whole-number ticks (axis_counts()): bars of 1 and 2 are drawn on 0..3,
 *    not flat on a fixed 0..15;
 *  - in a share (donut, 100% bar) a whole under 5, or any part flagged
 *    CHART_SUPPRESSED, hides every share: the others would give it away.
 * Sizes are in points (1/72 inch); fonts have fixed point sizes (title 11,
 * labels 8), so charts stay legible when printed at the size they are drawn.
 * Colours come from charts/palette.h; text is DejaVu Sans (charts/font.h).
 * The words quoted here, and the way numbers are written, are those of
 * `words` (lang/lang.h), English unless the caller gives others.
 *
 * Ownership: charts/ never keeps a pointer to the caller's data. Everything
 * in struct chart_data and struct chart_spec is borrowed for the duration of
 * one call. Optional fields that are zero (NULL, 0) mean "none", so a
 * chart_data set to {0} and given n, labels and one series is complete; n is
 * not optional (0 means no incidents, negative unknown).
 *
 * Output is the same bytes for the same input: PNG has no time stamp, PDF
 * takes its creation date from SOURCE_DATE_EPOCH or else the epoch, and SVG
 * ids do not depend on what the process drew before. PNG is written by
 * charts/png.h: an 8-bit palette image that records its resolution.
 *
 * Not thread-safe: fonts are loaded once and cached, and PNG surfaces
 * reuse one block of memory (chart_cleanup() lets both go).
 */

#include <cairo.h>
#include <stddef.h>

#include "geo.h"
#include "../lang/lang.h"
#include "../util/buf.h"

enum chart_kind {
	/* Horizontal bars, one per category in the order given (rank them
	 * first), from series[0], with value labels and no value axis. */
	CHART_BAR = 0,
	/* One column per category (months), from series[0]. */
	CHART_COLUMN,
	/* Columns stacked from every series, bottom to top, with a legend. */
	CHART_STACKED,
	/* One line per series over the categories; `compare`, if given, is the
	 * same months a year earlier, drawn as a lighter line. */
	CHART_LINE,
	/* The share of category 0 in the sum of series[0], as a donut with
	 * counts, shares, n and the interval. */
	CHART_DONUT,
	/* The same as a single 100% bar. */
	CHART_SHARE_BAR,
	/* Response-time buckets as columns from series[0], with markers
	 * (median, p90) placed with chart_bucket_position(). */
	CHART_DISTRIBUTION,
	/* KPI tiles from `kpis`: a number, its change, a sparkline. */
	CHART_KPI,
	/* Choropleth of Europe from series[0]; labels are ISO 3166-1 alpha-2
	 * codes ("XK" for Kosovo). Needs spec->geo. */
	CHART_MAP,
};

#define CHART_KIND_NR (CHART_MAP + 1)

/* Per-category flags, as the query catalog sets them. */
#define CHART_UNRELIABLE 1u	/* share from fewer than 30: marked "*", footnoted */
#define CHART_SUPPRESSED 2u	/* fewer than 5: the count is shown, the share is not */

struct chart_series {
	const char *name;	/* legend text; NULL when there is one series */
	const double *values;	/* `nr` values; NaN or negative for unknown */
};

struct chart_marker {
	const char *label;	/* "median 6 h" */
	/*
	 * Position along the category axis, in categories: 0 is the left edge
	 * of the first, `nr` the right edge of the last. chart_bucket_position()
	 * computes it from bucket edges. NaN: not drawn.
	 */
	double at;
};

struct chart_kpi {
	const char *label;	/* "Incidents" */
	double value;		/* NaN: unknown, drawn as a dash */
	double previous;	/* the previous period; NaN when unknown */
	const char *value_text;	/* preformatted value ("6.5 h"); NULL: a count */
	const char *change_text;/* "+4 on March"; NULL: computed from previous */
	/* 1: the change is significant (drawn in full colour); 0: within normal
	 * variation (drawn grey, "not significant"); -1: not known. */
	int significant;
	const double *spark;	/* spark_nr values, oldest first; NULL for none */
	size_t spark_nr;
};

struct chart_data {
	const char *title;	/* NULL for none */
	const char *subtitle;	/* the period: "April 2024" */
	const char *note;	/* footnote: source, definitions; NULL for none */
	long n;			/* incidents the chart is about; negative: unknown */
	/*
	 * What the chart says when it has nothing to draw, built with
	 * chart_words_empty() from the period's incidents (the adapter of
	 * charts/fromquery.h does); NULL: "No incidents in this period", which
	 * is only true of a period without incidents.
	 */
	const char *empty;

	size_t nr;				/* categories */
	const char *const *labels;		/* nr labels */
	const unsigned *flags;			/* nr CHART_* flags, or NULL */
	const struct chart_series *series;	/* series_nr series */
	size_t series_nr;
	struct chart_series compare;		/* CHART_LINE: a year earlier */
	/* CHART_BAR: label each bar "12 (29%)", the share being value / n. */
	int show_share;
	/* Axis caption (CHART_COLUMN, _STACKED, _LINE, _DISTRIBUTION), e.g.
	 * "incidents"; NULL for none. CHART_MAP: the legend's title, NULL
	 * for "Incidents". */
	const char *unit;

	const struct chart_marker *markers;	/* CHART_DISTRIBUTION */
	size_t marker_nr;

	/* CHART_DONUT, _SHARE_BAR: interval for the share of category 0, as
	 * fractions, at confidence `level` (0.95). level == 0: no interval. */
	double low, high, level;

	const struct chart_kpi *kpis;		/* CHART_KPI */
	size_t kpi_nr;

	/* The words the chart adds and how it writes numbers; NULL: English. */
	const struct chart_words *words;
};

struct chart_spec {
	enum chart_kind kind;
	double width_pt, height_pt;	/* the chart's size in points */
	double dpi;			/* PNG only; 0 means 72 */
	const struct geo *geo;		/* CHART_MAP: shapes from geo_load() */
};

enum chart_format {
	CHART_PNG,
	CHART_SVG,
	CHART_PDF,
};

/*
 * Draws the chart into `cr`, filling the rectangle (0, 0)-(width_pt,
 * height_pt) of its current user space, whose units are taken as points.
 * The state of `cr` is saved and restored. Its transformation may scale and
 * translate but not rotate. On an image surface edges are snapped to device
 * pixels; on vector surfaces they are not.
 *
 * Returns 0, or -1 with a message naming the chart's title when the data is
 * inconsistent (labels or values missing for nr categories, no geo for a
 * map, a size not positive), when DejaVu Sans cannot be loaded, or when cairo
 * failed (its error is sticky: `cr` is then unusable).
 */
int chart_render(cairo_t *cr, const struct chart_spec *spec, const struct chart_data *data);

/*
 * Renders the chart as a whole document in `format` and appends it to `out`.
 * PNG is width_pt x height_pt at spec->dpi (at most 2400), rounded up to
 * whole pixels, on an opaque white background; SVG and PDF are
 * width_pt x height_pt. Returns 0, or -1 with a message, leaving `out` as it
 * was.
 */
int chart_write(const struct chart_spec *spec, const struct chart_data *data,
		enum chart_format format, struct buf *out);

/*
 * What the chart says instead of its data when it has nothing to draw
 * (n is 0, or no category is above zero): data->empty, or "No incidents
 * in this period" in its words. NULL when the chart has data to draw.
 * The string is data's or static.
 */
const char *chart_empty_text(const struct chart_spec *spec, const struct chart_data *data);

/* The format for a file name's extension (.png, .svg, .pdf, any case); -1 if none. */
int chart_format_for(const char *path);

/*
 * Renders the chart to the file `path`, the format chosen by its extension,
 * through a temporary file renamed over it (util/file.h): a failure leaves
 * the previous file as it was. Returns 0, or -1 with a message naming the
 * file.
 */
int chart_write_file(const struct chart_spec *spec, const struct chart_data *data,
		     const char *path);

/*
 * The position on a CHART_MAP chart of a point given in degrees, in the
 * chart's user space (points from its top left corner), for annotations and
 * tests. It lays the chart out on a 1x1 pixel surface, so costs about one
 * map render. Returns 0, or -1 with a message (as chart_render) or without
 * one when the chart draws no map (no data) or the point is outside the map
 * window.
 */
int chart_map_locate(const struct chart_spec *spec, const struct chart_data *data,
		     double lon, double lat, double *x, double *y);

/*
 * Where `value` falls in buckets with nr + 1 ascending `edges` (the last may
 * be INFINITY), in the units of struct chart_marker.at: i + the fraction of
 * the way through bucket i, linear inside a bucket; the middle of an
 * open-ended last bucket. NaN when value is unknown (NaN, negative) or
 * outside the edges.
 */
double chart_bucket_position(const double *edges, size_t nr, double value);

/* The name of a kind ("bar", "column", ...), and back; -1 for no such name. */
const char *chart_kind_name(enum chart_kind kind);
int chart_kind_parse(const char *name);

/*
 * Drops the cached fonts and surface memory. Call it before exit under a
 * leak checker (then cairo_debug_reset_static_data() and FcFini()). Charts
 * can be drawn after; fonts are loaded again.
 */
void chart_cleanup(void);

#endif
