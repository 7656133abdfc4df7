#ifndef CHARTS_BOX_H
#define CHARTS_BOX_H

/*
 * Internal to charts/: layout apart from painting. A chart kind first lays
 * itself out with a pure function that measures text through a callback and
 * returns boxes (where each part goes, in points from the chart's top left
 * corner, y downwards); its paint function then draws those boxes with
 * cairo (draw.h). Nothing here draws or needs cairo, so tests lay charts out
 * with a fake measure and assert numbers: positions, that no two labels
 * overlap, that every label lies inside the chart.
 *
 * A text box is the line the text stands on: `h` is the font size, the
 * baseline is at y + TEXT_ASCENT * h, and `w` the text's advance width.
 */

#include <stddef.h>

#include "axis.h"
#include "chart.h"
#include "palette.h"
#include "../util/buf.h"

/* DejaVu Sans: the baseline's depth in a line one em high. */
#define TEXT_ASCENT 0.76

struct box {
	double x, y, w, h;
};

enum text_role {
	TEXT_TITLE,		/* 11 bold */
	TEXT_SUBTITLE,		/* 8.5 */
	TEXT_LABEL,		/* 8: category labels, axis labels, legend */
	TEXT_VALUE,		/* 8 bold: value labels */
	TEXT_SMALL,		/* 7: footnotes */
	TEXT_MESSAGE,		/* 11: "No incidents in this period" */
	TEXT_BIG,		/* 22 bold: KPI values, the donut's share */
};

/* The point size of a role. */
double text_size(enum text_role role);

/* Width of the UTF-8 string `s` set in `role`, in points. */
typedef double box_measure_fn(void *ctx, enum text_role role, const char *s);

struct box_measure {
	box_measure_fn *width;
	void *ctx;
};

/* A text box `w` wide in `role` with its left edge at x and its baseline at `baseline`. */
struct box box_text(enum text_role role, double x, double baseline, double w);
/* The baseline of a text box. */
double box_baseline(const struct box *b);
/* 1 when a and b share an area (touching edges do not count); empty boxes share none. */
int box_overlap(const struct box *a, const struct box *b);
/* 1 when `in` lies inside `out` (within 0.01 points). */
int box_inside(const struct box *in, const struct box *out);
/*
 * Sets `out` to `s` set in `role`, shortened with "…" to `max_w` points
 * (layout_ellipsize()); returns its width. `s` NULL is "".
 */
double box_fit(struct buf *out, const char *s, double max_w, enum text_role role,
	       const struct box_measure *m);

/* ---- Legends ------------------------------------------------------------ */

enum legend_style {
	LEGEND_BOX,
	LEGEND_LINE,
	LEGEND_HATCH,
};

struct legend_item {
	const char *label;
	struct rgb col;
	enum legend_style style;
	double width;			/* line width for LEGEND_LINE */
};

#define LEGEND_SWATCH 7.0		/* a box's side */
#define LEGEND_LINE_SWATCH 14.0		/* a line's length */
#define LEGEND_SWATCH_GAP 3.0		/* swatch to label */
#define LEGEND_ITEM_GAP 10.0		/* label to the next swatch */
#define LEGEND_LINE_H (1.4 * 8)		/* one row: 1.4 labels high */

/*
 * The height of a legend of `nr` items wrapped at `width`, items left to
 * right, a new row before an item that would cross the right edge.
 */
double legend_height(const struct legend_item *items, size_t nr, double width,
		     const struct box_measure *m);

/* ---- Value axes ---------------------------------------------------------- */

/*
 * A value axis on the left of an area, for counts from 0 to `max`:
 *
 *   caption                     <- caption (the unit), when there is one
 *   15 -|- - - - - - - - -      <- plot.y: the top tick, axis.hi
 *      |                          grid lines across plot at each tick
 *   ticks|     plot
 *    0 -+------------------     <- plot.y + plot.h: the base line
 *
 * `ticks` is the column of tick labels, right-aligned at plot.x - AXIS_GAP.
 */
#define AXIS_GAP 5.0			/* tick labels to the grid */
#define AXIS_CAPTION_H (2.2 * 8)	/* the caption's line */
#define AXIS_TICK_SPACING 2.4		/* between ticks, in label heights */

struct value_axis {
	struct box caption;		/* w 0 when there is none */
	struct box ticks;		/* the tick labels' column */
	struct box plot;		/* the grid: top tick to base line */
	struct axis axis;
};

/*
 * Lays out a value axis in `area` for counts up to `max`, leaving
 * `headroom` points above the highest value. `unit` is the caption (NULL:
 * none). Tick labels are written with `words`. Returns 0, or -1 when the
 * area is too small for any axis (then the plot is the whole area).
 */
int value_axis_layout(struct value_axis *va, struct box area, double max, double headroom,
		      const char *unit, const struct chart_words *words,
		      const struct box_measure *m);

/* The y of `v` on the axis. */
double value_axis_y(const struct value_axis *va, double v);

/* ---- Columns (column.c) --------------------------------------------------- */

#define COLUMN_MAX_MARKERS 16

struct column_slot {
	double total;			/* NaN when no part is known */
	struct box column;		/* the whole column; h 0 when nothing above zero */
	struct box value;		/* its total (or "n/a"); w 0 when not written */
	struct box label;		/* the category label; w 0 when not written */
	char *value_text, *label_text;	/* owned */
	enum text_role value_role;
};

struct column_marker {
	size_t index;			/* into chart_data.markers */
	double x;			/* the dashed line's x */
	double line_top;		/* the line runs from here to the base */
	struct box label;
};

struct column_layout {
	enum chart_kind kind;
	size_t nseries;
	struct box legend;		/* stacked with two or more series; h 0 otherwise */
	struct box markers;		/* the marker labels' rows; h 0 when none */
	struct value_axis va;
	double pitch, colw;		/* a slot's width, a column's */
	int label_step;			/* every label_step-th category is labelled */
	size_t nr;
	struct column_slot *slots;	/* nr */
	size_t markers_nr;
	struct column_marker mk[COLUMN_MAX_MARKERS];
};

/*
 * Lays out a CHART_COLUMN, _STACKED or _DISTRIBUTION chart of `d` in the
 * plot area `area`, writing with `words`. The caller releases `l` with
 * column_layout_release() whatever this returns. Returns 0, or -1 when the
 * area is too small for any column.
 */
int column_layout(struct column_layout *l, const struct chart_data *d, enum chart_kind kind,
		  const struct chart_words *words, struct box area, const struct box_measure *m);
void column_layout_release(struct column_layout *l);

/* ---- Maps (map.c) --------------------------------------------------------- */

#define MAP_MAX_CLASSES (PALETTE_SEQ_NR - 1)
#define MAP_MAX_ITEMS (MAP_MAX_CLASSES + 2)	/* 0, the classes, "no data" */
/* How a country is drawn: its class (0 for zero, 1..k), or one of these. */
#define MAP_CONTEXT (-2)			/* a neighbour: flat grey */
#define MAP_NODATA (-1)				/* a focus country without a value */

struct geo;

struct map_layout {
	struct box map;			/* the map window on the page */
	double s, tx, ty;		/* page = (x * s + tx, -y * s + ty), x y in metres */
	int k;				/* classes above 0 */
	double upper[MAP_MAX_CLASSES];	/* class i + 1 holds counts up to upper[i] */
	int *state;			/* per feature of the geo: a class or MAP_* */
	struct box legend;		/* the legend's column: caption and rows */
	struct box caption;		/* the unit; w 0 when nothing of it fits */
	char *caption_text;		/* owned, shortened to fit */
	size_t items_nr;
	struct legend_item items[MAP_MAX_ITEMS];	/* labels owned, whole */
	struct box swatch[MAP_MAX_ITEMS];
	struct box label[MAP_MAX_ITEMS];
	char *label_text[MAP_MAX_ITEMS];	/* owned, shortened to fit */
};

/*
 * Lays out a CHART_MAP of `d` over the shapes of `g` in the plot area
 * `area`, writing with `words`. The caller releases `l` with
 * map_layout_release() whatever this returns. Returns 0, or -1 when the
 * area is too small for a map (then nothing is to be drawn).
 */
int map_layout(struct map_layout *l, const struct chart_data *d, const struct geo *g,
	       const struct chart_words *words, struct box area, const struct box_measure *m);
void map_layout_release(struct map_layout *l);


/* ---- Donuts (share.c) ------------------------------------------------------ */

struct donut_row {
	struct box swatch;		/* w 0 on the "+ 3 more not shown" row */
	struct box label;		/* the category, or "+ 3 more not shown" */
	struct box value;		/* "13 (31%)"; w 0 on the "more" row */
	char *label_text, *value_text;	/* owned, shortened to fit */
};

struct donut_layout {
	double cx, cy, R, r;		/* the ring: centre, outer and inner radius */
	struct box ring;		/* its bounding box */
	struct box centre;		/* the share of category 0, in centre_role */
	enum text_role centre_role;
	char *centre_text;		/* owned */
	struct box name;		/* category 0's name under it; w 0 when it does not fit */
	struct box legend;		/* every row and the interval */
	size_t rows_nr;
	struct donut_row *rows;		/* rows_nr, owned */
	struct box interval;		/* "95% interval 19–46%"; w 0 when there is none */
	char *interval_text;		/* owned */
};

/*
 * Lays out a CHART_DONUT of `d` (its first series; every known value
 * counts, `total` their sum, above 0) in `area`, writing with `words`.
 * The caller releases `l` with donut_layout_release() whatever this
 * returns. Returns 0, or -1 when the area is too small for a ring.
 */
int donut_layout(struct donut_layout *l, const struct chart_data *d, double total,
		 const struct chart_words *words, struct box area, const struct box_measure *m);
void donut_layout_release(struct donut_layout *l);

#endif
