/*
 * charts/: layout apart from painting. Each chart kind's layout function is
 * run with a fake measure (every character 0.6 em wide) and its boxes are
 * checked as numbers: where they are, that no two labels overlap, that every
 * label lies inside the chart's plot area.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "test.h"
#include "charts/box.h"
#include "charts/geo.h"

/* Every character (not byte) 0.6 em wide: DejaVu Sans averages a little less. */
static double fake_width(void *ctx, enum text_role role, const char *s)
{
	size_t n = 0;

	(void)ctx;
	for (; *s; s++)
		if ((*s & 0xc0) != 0x80)
			n++;
	return 0.6 * text_size(role) * (double)n;
}

static const struct box_measure fake = { fake_width, NULL };
static const struct box area = { 10, 40, 460, 190 };

static void check_no_overlap(const struct box *b, size_t nr, size_t stride, const char *what,
			     int line)
{
	for (size_t i = 0; i < nr; i++) {
		const struct box *bi = (const struct box *)((const char *)b + i * stride);

		if (bi->w > 0 && !box_inside(bi, &area))
			test_fail(__FILE__, line, "%s %zu (%g, %g, %g x %g) is outside the area", what,
				  i, bi->x, bi->y, bi->w, bi->h);
		for (size_t j = 0; j < i; j++) {
			const struct box *bj = (const struct box *)((const char *)b + j * stride);

			if (box_overlap(bi, bj))
				test_fail(__FILE__, line, "%s %zu and %zu overlap", what, j, i);
		}
	}
}

static void check_slots(const struct column_layout *l, int line)
{
	check_no_overlap(&l->slots[0].label, l->nr, sizeof(l->slots[0]), "label", line);
	check_no_overlap(&l->slots[0].value, l->nr, sizeof(l->slots[0]), "value", line);
	for (size_t i = 0; i < l->nr; i++) {
		const struct column_slot *s = &l->slots[i];

		if (s->column.w > 0 && !box_inside(&s->column, &l->va.plot))
			test_fail(__FILE__, line, "column %zu is outside the plot", i);
		/* A total stands above its own column, clear of it. */
		if (s->value.w > 0 && s->column.w > 0 && box_overlap(&s->value, &s->column))
			test_fail(__FILE__, line, "the total of column %zu is inside it", i);
		if (s->label.w > 0 && s->label.y < l->va.plot.y + l->va.plot.h)
			test_fail(__FILE__, line, "label %zu is above the base line", i);
	}
}

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static void small_counts_take_the_plot_on_a_whole_number_axis(void)
{
	static const double v[] = { 1, 2, 0, 1 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .n = 4, .nr = 4, .labels = months, .series = &s, .series_nr = 1,
				.unit = "incidents" };
	struct column_layout l;

	CHECK_INT(column_layout(&l, &d, CHART_COLUMN, NULL, area, &fake), 0);
	/* The axis is 0, 1, 2, 3: the column of 2 is two thirds of the plot. */
	CHECK_INT(l.va.axis.nr, 4);
	CHECK_DBL(l.va.axis.hi, 3);
	CHECK_DBL(l.slots[1].column.h, l.va.plot.h * 2 / 3);
	CHECK_DBL(l.slots[0].column.h, l.va.plot.h / 3);
	CHECK_DBL(l.slots[2].column.h, 0);
	/* The caption sits above the plot, the ticks left of it. */
	CHECK(l.va.caption.y + l.va.caption.h <= l.va.plot.y);
	CHECK(l.va.ticks.x + l.va.ticks.w < l.va.plot.x);
	/* Every slot is the same width and its column centred in it. */
	CHECK_DBL(l.pitch * 4, l.va.plot.w);
	CHECK_DBL(l.slots[3].column.x + l.colw / 2, l.va.plot.x + 3.5 * l.pitch);
	CHECK_STR(l.slots[1].value_text, "2");
	check_slots(&l, __LINE__);
	column_layout_release(&l);
}

static void thirty_six_months_thin_their_labels_and_never_overlap(void)
{
	const char *labels[36];
	double v[36];
	struct chart_series s = { NULL, v };
	struct chart_data d = { .n = 1000, .nr = 36, .labels = labels, .series = &s,
				.series_nr = 1 };
	struct column_layout l;

	for (int i = 0; i < 36; i++) {
		labels[i] = months[i % 12];
		v[i] = 10 + (i * 37) % 90;
	}
	CHECK_INT(column_layout(&l, &d, CHART_COLUMN, NULL, area, &fake), 0);
	CHECK(l.label_step > 1);
	for (size_t i = 0; i < l.nr; i++)
		CHECK_INT(l.slots[i].label.w > 0, i % (size_t)l.label_step == 0);
	check_slots(&l, __LINE__);
	column_layout_release(&l);
}

static void long_labels_are_shortened_inside_their_slots(void)
{
	static const char *const labels[] = {
		"A category with a very long name that goes on and on, far beyond any slot",
		"Short",
		"Médiathèque de Liège — Département des systèmes d’information",
	};
	static const double v[] = { 3, 2, NAN };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .n = 5, .nr = 3, .labels = labels, .series = &s, .series_nr = 1 };
	struct column_layout l;

	CHECK_INT(column_layout(&l, &d, CHART_COLUMN, NULL, area, &fake), 0);
	CHECK_INT(l.label_step, 1);
	for (size_t i = 0; i < l.nr; i++)
		CHECK(l.slots[i].label.w <= l.pitch - 4 + 1e-9);
	CHECK_STR(l.slots[1].label_text, "Short");
	/* The unknown total says so at the column's foot. */
	CHECK_STR(l.slots[2].value_text, "n/a");
	CHECK_DBL(l.slots[2].column.h, 0);
	check_slots(&l, __LINE__);
	column_layout_release(&l);
}

static void stacked_columns_make_room_for_their_legend(void)
{
	static const double a[] = { 10, 30, 5 }, b[] = { 20, 10, 15 };
	struct chart_series s[] = { { "Public bodies", a }, { "Other victims", b } };
	struct chart_data d = { .n = 90, .nr = 3, .labels = months, .series = s, .series_nr = 2,
				.unit = "incidents" };
	struct column_layout l;

	CHECK_INT(column_layout(&l, &d, CHART_STACKED, NULL, area, &fake), 0);
	CHECK_DBL(l.legend.h, LEGEND_LINE_H);
	CHECK(l.legend.y + l.legend.h <= l.va.caption.y);
	/* The column is its two parts, to the same scale. */
	CHECK_DBL(l.slots[1].column.h, 40 / l.va.axis.hi * l.va.plot.h);
	check_slots(&l, __LINE__);
	column_layout_release(&l);
}

static void marker_labels_stand_in_rows_and_stay_inside(void)
{
	static const char *const buckets[] = { "< 1 h", "1–4 h", "4–24 h", "1–3 days",
					       "3–7 days", "> 7 days" };
	static const double v[] = { 3, 9, 14, 8, 4, 2 };
	/* Two markers close together, one at the right edge. */
	static const struct chart_marker mk[] = { { "median 10 h", 2.3 }, { "p75 12 h", 2.4 },
						  { "p90 9 days", 6 } };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .n = 40, .nr = 6, .labels = buckets, .series = &s, .series_nr = 1,
				.markers = mk, .marker_nr = 3, .unit = "incidents" };
	struct column_layout l;
	struct box labels[3];

	CHECK_INT(column_layout(&l, &d, CHART_DISTRIBUTION, NULL, area, &fake), 0);
	CHECK_INT(l.markers_nr, 3);
	for (size_t k = 0; k < l.markers_nr && k < 3; k++) {
		labels[k] = l.mk[k].label;
		CHECK_DBL(l.mk[k].x, l.va.plot.x + mk[k].at * l.pitch);
		CHECK(box_inside(&l.mk[k].label, &l.markers));
	}
	check_no_overlap(labels, 3, sizeof(labels[0]), "marker label", __LINE__);
	/* The last marker's label goes left of its line, not off the chart. */
	CHECK(l.mk[2].label.x + l.mk[2].label.w < l.mk[2].x);
	/* No dashed line passes through a label below it. */
	for (size_t k = 0; k < 3; k++)
		for (size_t j = k + 1; j < 3; j++)
			CHECK(!(l.mk[k].x > labels[j].x && l.mk[k].x < labels[j].x + labels[j].w));
	check_slots(&l, __LINE__);
	column_layout_release(&l);
}

/* ---- Maps ------------------------------------------------------------------ */

static const struct geo_feature *feature(const struct geo *g, const char *iso, int focus)
{
	for (size_t i = 0; i < g->nr; i++)
		if ((!iso || !strcmp(g->features[i].iso, iso)) && g->features[i].focus == focus)
			return &g->features[i];
	return NULL;
}

static void check_map(const struct map_layout *l, struct box a, int line)
{
	struct box rows[MAP_MAX_ITEMS + 1];

	if (!box_inside(&l->map, &a) || !box_inside(&l->legend, &a))
		test_fail(__FILE__, line, "the map or its legend is outside the area");
	if (box_overlap(&l->map, &l->legend) || !(l->legend.x >= l->map.x + l->map.w))
		test_fail(__FILE__, line, "the legend is not right of the map");
	rows[0] = l->caption;
	for (size_t i = 0; i < l->items_nr; i++) {
		if (!box_inside(&l->swatch[i], &l->legend) || !box_inside(&l->label[i], &l->legend))
			test_fail(__FILE__, line, "legend row %zu is outside the legend", i);
		if (box_overlap(&l->swatch[i], &l->label[i]))
			test_fail(__FILE__, line, "swatch %zu overlaps its label", i);
		rows[i + 1] = l->label[i];
	}
	if (!box_inside(&l->caption, &l->legend))
		test_fail(__FILE__, line, "the caption is outside the legend");
	check_no_overlap(rows, l->items_nr + 1, sizeof(rows[0]), "legend text", line);
}

static void a_map_and_its_legend_are_centred_side_by_side(void)
{
	static const char *const iso[] = { "BE", "FR", "DE", "NL" };
	static const double v[] = { 0, 5, 40, NAN };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .n = 45, .nr = 4, .labels = iso, .series = &s, .series_nr = 1 };
	struct geo g = GEO_INIT;
	struct map_layout l;

	CHECK_INT(geo_load(&g, "data/geo/europe-50m.geojson"), 0);
	CHECK_INT(map_layout(&l, &d, &g, NULL, area, &fake), 0);
	check_map(&l, area, __LINE__);
	/* The window to scale, as high as the area, and the group centred across it. */
	CHECK_DBL(l.map.w / l.map.h, (g.wx1 - g.wx0) / (g.wy1 - g.wy0));
	CHECK_DBL(l.map.h, area.h);
	CHECK_DBL(l.map.x - area.x, area.x + area.w - (l.legend.x + l.legend.w));
	/* The window's corners are the map box's. */
	CHECK_DBL(g.wx0 * l.s + l.tx, l.map.x);
	CHECK_DBL(-g.wy1 * l.s + l.ty, l.map.y);
	CHECK_DBL(g.wx1 * l.s + l.tx, l.map.x + l.map.w);
	/* The rows are centred on the map, with the caption above them. */
	CHECK_DBL((l.swatch[0].y + l.swatch[l.items_nr - 1].y) / 2, l.map.y + l.map.h / 2 -
		  LEGEND_SWATCH / 2);
	CHECK(l.caption.y + l.caption.h <= l.label[0].y);
	CHECK_STR(l.caption_text, "Incidents");
	map_layout_release(&l);
	geo_release(&g);
}

static void a_map_classes_its_countries_and_says_which_have_no_data(void)
{
	static const char *const iso[] = { "BE", "FR", "DE", "NL" };
	static const double v[] = { 0, 5, 40, NAN };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .n = 45, .nr = 4, .labels = iso, .series = &s, .series_nr = 1 };
	struct geo g = GEO_INIT;
	const struct geo_feature *other, *context;
	struct map_layout l;

	CHECK_INT(geo_load(&g, "data/geo/europe-50m.geojson"), 0);
	other = feature(&g, "PL", 1);
	context = feature(&g, NULL, 0);
	CHECK(other && context);
	CHECK_INT(map_layout(&l, &d, &g, NULL, area, &fake), 0);
	CHECK(l.k >= 2);
	CHECK_INT(l.state[feature(&g, "BE", 1) - g.features], 0);
	CHECK_INT(l.state[feature(&g, "DE", 1) - g.features], l.k);
	CHECK(l.state[feature(&g, "FR", 1) - g.features] > 0);
	/* Listed without a value, or not listed: "no data"; a neighbour: context. */
	CHECK_INT(l.state[feature(&g, "NL", 1) - g.features], MAP_NODATA);
	if (other)
		CHECK_INT(l.state[other - g.features], MAP_NODATA);
	if (context)
		CHECK_INT(l.state[context - g.features], MAP_CONTEXT);
	/* The legend: 0, each class, then "No data" hatched. */
	CHECK_INT(l.items_nr, (size_t)l.k + 2);
	CHECK_STR(l.items[0].label, "0");
	CHECK_INT(l.items[l.items_nr - 1].style, LEGEND_HATCH);
	CHECK_STR(l.label_text[l.items_nr - 1], "No data");
	map_layout_release(&l);
	geo_release(&g);
}

static void a_long_map_caption_is_shortened_to_the_legend(void)
{
	static const char *const iso[] = { "BE" };
	static const double v[] = { 3 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .n = 3, .nr = 1, .labels = iso, .series = &s, .series_nr = 1,
				.unit = "Incidents reported by the national CSIRT network, per country" };
	struct geo g = GEO_INIT;
	struct map_layout l;
	struct box narrow = { 0, 0, 40, 120 };

	CHECK_INT(geo_load(&g, "data/geo/europe-50m.geojson"), 0);
	CHECK_INT(map_layout(&l, &d, &g, NULL, area, &fake), 0);
	CHECK(l.legend.w <= 0.3 * area.w + 1e-9);
	CHECK(l.caption.w <= l.legend.w + 1e-9);
	CHECK(strstr(l.caption_text, "\xe2\x80\xa6") != NULL);
	check_map(&l, area, __LINE__);
	map_layout_release(&l);
	/* Too narrow for any map: nothing to draw. */
	CHECK_INT(map_layout(&l, &d, &g, NULL, narrow, &fake), -1);
	map_layout_release(&l);
	geo_release(&g);
}

/* ---- Donuts ---------------------------------------------------------------- */

static void check_donut(const struct donut_layout *l, struct box a, int line)
{
	struct box text[64];
	size_t nr = 0;

	if (!box_inside(&l->ring, &a) || !box_inside(&l->legend, &a))
		test_fail(__FILE__, line, "the ring or its legend is outside the area");
	if (box_overlap(&l->ring, &l->legend))
		test_fail(__FILE__, line, "the ring overlaps its legend");
	/* The share and its name stand in the hole. */
	if (l->centre.w > 1.8 * l->r + 1e-9 || fabs(l->centre.x + l->centre.w / 2 - l->cx) > 1e-9)
		test_fail(__FILE__, line, "the centre's text is not centred in the hole");
	for (size_t i = 0; i < l->rows_nr && nr + 3 < 64; i++) {
		const struct donut_row *row = &l->rows[i];

		text[nr++] = row->swatch;
		text[nr++] = row->label;
		text[nr++] = row->value;
		if ((row->label.w > 0 && !box_inside(&row->label, &l->legend)) ||
		    (row->value.w > 0 && !box_inside(&row->value, &l->legend)))
			test_fail(__FILE__, line, "legend row %zu is outside the legend", i);
	}
	text[nr++] = l->interval;
	check_no_overlap(text, nr, sizeof(text[0]), "legend part", line);
}

static void a_donut_and_its_legend_stand_apart_inside_the_area(void)
{
	static const char *const labels[] = { "Public bodies", "Other victims" };
	static const double v[] = { 13, 29 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .n = 42, .nr = 2, .labels = labels, .series = &s, .series_nr = 1,
				.level = 0.95, .low = 0.19, .high = 0.46 };
	struct donut_layout l;

	CHECK_INT(donut_layout(&l, &d, 42, NULL, area, &fake), 0);
	check_donut(&l, area, __LINE__);
	/* The ring is as large as the area's height allows and centred on it. */
	CHECK_DBL(l.R, 0.4 * area.h);
	CHECK_DBL(l.cy, area.y + area.h / 2);
	CHECK_DBL(l.r, 0.6 * l.R);
	CHECK_INT(l.rows_nr, 2);
	CHECK_STR(l.centre_text, "31%");
	CHECK_INT(l.centre_role, TEXT_BIG);
	CHECK_STR(l.rows[0].value_text, "13 (31%)");
	CHECK_STR(l.interval_text, "95% interval 19%\xe2\x80\x93" "46%");
	/* The interval comes after the rows, left-aligned with them. */
	CHECK(l.interval.y > l.rows[1].label.y + l.rows[1].label.h);
	CHECK_DBL(l.interval.x, l.rows[0].swatch.x);
	/* Values are right-aligned in one column. */
	CHECK_DBL(l.rows[0].value.x + l.rows[0].value.w, l.rows[1].value.x + l.rows[1].value.w);
	donut_layout_release(&l);
}

static void a_cut_donut_legend_counts_the_rest_and_clears_the_interval(void)
{
	const char *labels[20];
	char names[20][24];
	double v[20], total = 0;
	struct chart_series s = { NULL, v };
	struct chart_data d = { .n = 400, .nr = 20, .labels = labels, .series = &s, .series_nr = 1,
				.level = 0.95, .low = 0.08, .high = 0.14 };
	struct donut_layout l;
	char more[64];

	for (int i = 0; i < 20; i++) {
		snprintf(names[i], sizeof(names[i]), "Kind %d", i + 1);
		labels[i] = names[i];
		v[i] = 45 - 2 * i;
		total += v[i];
	}
	CHECK_INT(donut_layout(&l, &d, total, NULL, area, &fake), 0);
	CHECK(l.rows_nr < 20);
	snprintf(more, sizeof(more), "+ %zu more not shown", 20 - l.rows_nr + 1);
	CHECK_STR(l.rows[l.rows_nr - 1].label_text, more);
	CHECK_DBL(l.rows[l.rows_nr - 1].swatch.w, 0);
	/* Half a row under the last row, as when no row is cut. */
	CHECK(l.interval.y >= l.rows[l.rows_nr - 1].label.y + l.rows[l.rows_nr - 1].label.h);
	check_donut(&l, area, __LINE__);
	donut_layout_release(&l);
}

static void a_donut_of_a_tiny_whole_gives_counts_not_shares(void)
{
	static const char *const labels[] = { "Public bodies", "Other victims" };
	static const double v[] = { 1, 2 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .n = 3, .nr = 2, .labels = labels, .series = &s, .series_nr = 1,
				.level = 0.95, .low = 0.01, .high = 0.8 };
	struct donut_layout l;
	struct box tiny = { 0, 0, 30, 30 };

	CHECK_INT(donut_layout(&l, &d, 3, NULL, area, &fake), 0);
	CHECK_STR(l.centre_text, "1");
	CHECK_STR(l.rows[0].value_text, "1");
	/* No share, so no interval either. */
	CHECK_NULL(l.interval_text);
	CHECK_DBL(l.interval.w, 0);
	check_donut(&l, area, __LINE__);
	donut_layout_release(&l);
	CHECK_INT(donut_layout(&l, &d, 3, NULL, tiny, &fake), -1);
	donut_layout_release(&l);
}

int main(void)
{
	test_run("small counts take the plot on a whole-number axis",
		 small_counts_take_the_plot_on_a_whole_number_axis);
	test_run("thirty-six months thin their labels and never overlap",
		 thirty_six_months_thin_their_labels_and_never_overlap);
	test_run("long labels are shortened inside their slots",
		 long_labels_are_shortened_inside_their_slots);
	test_run("stacked columns make room for their legend",
		 stacked_columns_make_room_for_their_legend);
	test_run("marker labels stand in rows and stay inside",
		 marker_labels_stand_in_rows_and_stay_inside);
	test_run("a map and its legend are centred side by side",
		 a_map_and_its_legend_are_centred_side_by_side);
	test_run("a map classes its countries and says which have no data",
		 a_map_classes_its_countries_and_says_which_have_no_data);
	test_run("a long map caption is shortened to the legend",
		 a_long_map_caption_is_shortened_to_the_legend);
	test_run("a donut and its legend stand apart inside the area",
		 a_donut_and_its_legend_stand_apart_inside_the_area);
	test_run("a cut donut legend counts the rest and clears the interval",
		 a_cut_donut_legend_counts_the_rest_and_clears_the_interval);
	test_run("a donut of a tiny whole gives counts, not shares",
		 a_donut_of_a_tiny_whole_gives_counts_not_shares);
	return test_done();
}
