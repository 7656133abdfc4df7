/*
 * charts/: every chart kind rendered from a known series, checked by its
 * pixels: a bar's colour where its value puts it and the background just
 * beyond, the empty case, tiny n, very long labels, the map's classes; and
 * byte-identical output for identical input in PNG, SVG and PDF.
 *
 * Charts are drawn at 144 dpi (2 pixels a point) onto an image surface.
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "test.h"
#include "charts/chart.h"
#include "charts/palette.h"

#define DPI 144.0
#define SCALE (DPI / 72)
#define W 480.0		/* 170 x 90 mm in points, near enough */
#define H 255.0

#define BLUE 0x0072b2ul
#define WHITE 0xfffffful

static struct geo geo = GEO_INIT;

struct img {
	cairo_surface_t *s;
	int w, h;
};

static int draw(struct img *im, enum chart_kind kind, const struct chart_data *d)
{
	struct chart_spec spec = { .kind = kind, .width_pt = W, .height_pt = H,
				   .dpi = DPI, .geo = &geo };
	cairo_t *cr;
	int ret;

	im->w = (int)ceil(W * SCALE);
	im->h = (int)ceil(H * SCALE);
	im->s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, im->w, im->h);
	cr = cairo_create(im->s);
	cairo_scale(cr, SCALE, SCALE);
	ret = chart_render(cr, &spec, d);
	cairo_destroy(cr);
	cairo_surface_flush(im->s);
	return ret;
}

static void done(struct img *im)
{
	cairo_surface_destroy(im->s);
}

static unsigned long px(const struct img *im, int x, int y)
{
	uint32_t p;

	if (x < 0 || y < 0 || x >= im->w || y >= im->h)
		return WHITE;
	memcpy(&p, cairo_image_surface_get_data(im->s) +
		   (size_t)y * (size_t)cairo_image_surface_get_stride(im->s) + 4 * (size_t)x, 4);
	return p & 0xffffff;
}

static unsigned long at_pt(const struct img *im, double x, double y)
{
	return px(im, (int)floor(x * SCALE), (int)floor(y * SCALE));
}

static long count(const struct img *im, unsigned long rgb, int x0, int y0, int x1, int y1)
{
	long n = 0;

	for (int y = y0; y < y1; y++)
		for (int x = x0; x < x1; x++)
			n += px(im, x, y) == rgb;
	return n;
}

/* A pixel of text: clearly darker than every fill of the palette's greys. */
static int dark(unsigned long rgb)
{
	return (rgb >> 16 & 0xff) < 0x90 && (rgb >> 8 & 0xff) < 0x90 && (rgb & 0xff) < 0x90;
}

/*
 * Horizontal runs of `rgb`: the bars of a bar chart, top to bottom. A bar
 * is a band of rows whose longest run starts at the same x.
 */
struct run {
	int start, end, top, bottom;
};

static int hbars(const struct img *im, unsigned long rgb, struct run *bars, int max)
{
	int nr = 0, in = 0;

	for (int y = 0; y < im->h; y++) {
		int best = 0, bs = 0;

		for (int x = 0; x < im->w;) {
			int s = x;

			while (x < im->w && px(im, x, y) == rgb)
				x++;
			if (x - s > best) {
				best = x - s;
				bs = s;
			}
			x = x == s ? x + 1 : x;
		}
		if (best >= 4 && !in && nr < max) {
			bars[nr++] = (struct run){ bs, bs + best, y, y };
			in = 1;
		} else if (best >= 4 && in) {
			bars[nr - 1].bottom = y;
		} else {
			in = 0;
		}
	}
	return nr;
}

/* Vertical columns of `rgb`, left to right: start..end in x, top..bottom in y. */
static int vbars(const struct img *im, unsigned long rgb, struct run *cols, int max)
{
	int nr = 0, in = 0;

	for (int x = 0; x < im->w; x++) {
		int top = -1, bottom = -1;

		for (int y = im->h - 1; y >= 0; y--) {
			if (px(im, x, y) == rgb) {
				if (bottom < 0)
					bottom = y;
				top = y;
			} else if (bottom >= 0) {
				break;
			}
		}
		if (bottom >= 0 && bottom - top >= 2 && !in && nr < max) {
			cols[nr++] = (struct run){ x, x + 1, top, bottom };
			in = 1;
		} else if (bottom >= 0 && bottom - top >= 2 && in) {
			cols[nr - 1].end = x + 1;
		} else {
			in = 0;
			/* Legend swatches (7 points) are narrower than any column. */
			if (nr && cols[nr - 1].end - cols[nr - 1].start < 20)
				nr--;
		}
	}
	return nr;
}

static void check_ratio(double got, double want, double tol, int line)
{
	if (fabs(got - want) > tol)
		test_fail(__FILE__, line, "ratio %g, expected %g", got, want);
}

static const char *const three[] = { "Belgium", "Netherlands", "Luxembourg" };

static void bar_lengths_follow_values(void)
{
	static const double v[] = { 40, 20, 10 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .title = "Bars", .subtitle = "April 2024", .n = 70, .nr = 3,
				.labels = three, .series = &s, .series_nr = 1 };
	struct img im;
	struct run b[8];

	CHECK_INT(draw(&im, CHART_BAR, &d), 0);
	CHECK_INT(hbars(&im, BLUE, b, 8), 3);
	check_ratio((double)(b[1].end - b[1].start) / (b[0].end - b[0].start), 0.5, 0.02, __LINE__);
	check_ratio((double)(b[2].end - b[2].start) / (b[0].end - b[0].start), 0.25, 0.02, __LINE__);
	for (int i = 0; i < 3; i++) {
		int mid = (b[i].top + b[i].bottom) / 2, text = 0;

		/* Same zero line; background just past the end; then the value. */
		CHECK_INT(b[i].start, b[0].start);
		CHECK_INT(px(&im, b[i].end + 2, mid), WHITE);
		for (int x = b[i].end + 2; x < b[i].end + 40; x++)
			text += dark(px(&im, x, mid));
		CHECK(text > 0);
		/* Biggest first, in the order given. */
		if (i)
			CHECK(b[i].top > b[i - 1].bottom);
	}
	done(&im);
}

static void unknown_values_draw_no_bar(void)
{
	static const double v[] = { 40, NAN, 10 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .title = "Bars", .n = 70, .nr = 3, .labels = three, .series = &s,
				.series_nr = 1 };
	struct img im;
	struct run b[8];

	CHECK_INT(draw(&im, CHART_BAR, &d), 0);
	CHECK_INT(hbars(&im, BLUE, b, 8), 2);
	/* The gap between the two bars is a whole row: the unknown one. */
	CHECK(b[1].top - b[0].bottom > (b[0].bottom - b[0].top));
	done(&im);
}

/* The rightmost non-white pixel on the rows of a bar. */
static int right_edge(const struct img *im, const struct run *b)
{
	int edge = 0;

	for (int y = b->top; y <= b->bottom; y++)
		for (int x = b->end; x < im->w; x++)
			if (px(im, x, y) != WHITE && x > edge)
				edge = x;
	return edge;
}

static void suppressed_share_shows_the_count_only(void)
{
	static const double v[] = { 40, 20, 3 };
	unsigned flags[] = { 0, 0, CHART_SUPPRESSED };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .title = "Bars", .n = 63, .nr = 3, .labels = three, .series = &s,
				.series_nr = 1, .show_share = 1 };
	struct img with, without;
	struct run bw[8], bo[8];

	CHECK_INT(draw(&without, CHART_BAR, &d), 0);
	d.flags = flags;
	CHECK_INT(draw(&with, CHART_BAR, &d), 0);
	CHECK_INT(hbars(&without, BLUE, bo, 8), 3);
	CHECK_INT(hbars(&with, BLUE, bw, 8), 3);
	/* "3 (5%)" against "3": the label of the suppressed bar is shorter. */
	CHECK(right_edge(&with, &bw[2]) < right_edge(&without, &bo[2]) - 10);
	CHECK_INT(right_edge(&with, &bw[1]), right_edge(&without, &bo[1]));
	done(&with);
	done(&without);
}

static void long_labels_never_overflow(void)
{
	static const char *const labels[] = {
		("A category with a very long name that goes on and on, far beyond what any label "
		 "column could hold, and then some more words for good measure, and yet more words"),
		"Short",
		"Wholesale and retail trade; repair of motor vehicles and motorcycles; and more",
	};
	static const double v[] = { 12, 6, 3 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .n = 21, .nr = 3, .labels = labels, .series = &s, .series_nr = 1,
				.title = "A title that is far too long for the width of the chart and "
					 "must be shortened with an ellipsis before the n in the corner",
				.subtitle = labels[0] };
	enum chart_kind kinds[] = { CHART_BAR, CHART_COLUMN, CHART_LINE, CHART_DONUT,
				    CHART_SHARE_BAR, CHART_STACKED };
	int pad = (int)(10 * SCALE) - 1;

	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		struct img im;

		CHECK_INT(draw(&im, kinds[k], &d), 0);
		/* The margins stay empty: nothing ran past the chart's padding. */
		if (count(&im, WHITE, 0, 0, pad, im.h) != (long)pad * im.h ||
		    count(&im, WHITE, im.w - pad, 0, im.w, im.h) != (long)pad * im.h)
			test_fail(__FILE__, __LINE__, "%s: text in the side margins",
				  chart_kind_name(kinds[k]));
		if (count(&im, BLUE, 0, 0, im.w, im.h) < 100)
			test_fail(__FILE__, __LINE__, "%s: no bars drawn", chart_kind_name(kinds[k]));
		done(&im);
	}
}

static void empty_series_says_so(void)
{
	static const double zero[] = { 0, 0, 0 };
	struct chart_series s = { NULL, zero };
	struct chart_data d = { .title = "Bars", .subtitle = "April 2024", .n = 0, .nr = 3,
				.labels = three, .series = &s, .series_nr = 1 };
	struct chart_data none = { .title = "Nothing", .n = 0 };
	enum chart_kind kinds[] = { CHART_BAR, CHART_COLUMN, CHART_STACKED, CHART_LINE,
				    CHART_DONUT, CHART_SHARE_BAR, CHART_DISTRIBUTION, CHART_MAP,
				    CHART_KPI };

	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		struct img im;
		long msg;

		CHECK_INT(draw(&im, kinds[k], kinds[k] == CHART_KPI ? &none : &d), 0);
		/* No bars, no map; the message in the middle of the plot. */
		CHECK_INT(count(&im, BLUE, 0, 0, im.w, im.h), 0);
		msg = count(&im, palette_hex(palette_muted), im.w / 4, im.h / 2 - 30,
			    3 * im.w / 4, im.h / 2 + 40);
		if (msg < 50)
			test_fail(__FILE__, __LINE__, "%s: no message (%ld pixels)",
				  chart_kind_name(kinds[k]), msg);
		done(&im);
	}
}

static void tiny_n_is_flagged(void)
{
	static const double v[] = { 4, 2, 1 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .title = "Bars", .subtitle = "April 2024", .n = 7, .nr = 3,
				.labels = three, .series = &s, .series_nr = 1 };
	unsigned long flag = palette_hex(palette_flag);
	struct img im;

	CHECK_INT(draw(&im, CHART_BAR, &d), 0);
	CHECK(count(&im, flag, im.w / 2, 0, im.w, (int)(50 * SCALE)) > 30);
	done(&im);
	d.n = 10;
	CHECK_INT(draw(&im, CHART_BAR, &d), 0);
	CHECK_INT(count(&im, flag, 0, 0, im.w, im.h), 0);
	done(&im);
}

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May" };

static void columns_rise_to_their_values(void)
{
	static const double v[] = { 13, 27, 41, 0, NAN };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .title = "Per month", .n = 81, .nr = 5, .labels = months,
				.series = &s, .series_nr = 1, .unit = "incidents" };
	struct img im;
	struct run c[8];

	CHECK_INT(draw(&im, CHART_COLUMN, &d), 0);
	/* Zero and unknown months have no column. */
	CHECK_INT(vbars(&im, BLUE, c, 8), 3);
	for (int i = 0; i < 3; i++) {
		CHECK_INT(c[i].bottom, c[0].bottom);
		CHECK_INT(px(&im, (c[i].start + c[i].end) / 2, c[i].top - 2), WHITE);
	}
	check_ratio((double)(c[0].bottom - c[0].top + 1) / (c[2].bottom - c[2].top + 1), 13.0 / 41,
		    0.02, __LINE__);
	check_ratio((double)(c[1].bottom - c[1].top + 1) / (c[2].bottom - c[2].top + 1), 27.0 / 41,
		    0.02, __LINE__);
	done(&im);
}

/*
 * Counts of 1 and 2 are not drawn flat on a fixed 0-15 scale: the scale fits
 * them, so the taller column and the longer bar take most of the plot.
 */
static void small_counts_fill_the_plot(void)
{
	static const double v[] = { 1, 2, 1 };
	static const double b[] = { 2, 1 };
	struct chart_series s = { NULL, v }, sb = { NULL, b };
	struct chart_data d = { .title = "Per month", .n = 4, .nr = 3, .labels = months,
				.series = &s, .series_nr = 1, .unit = "incidents" };
	struct chart_data db = { .title = "Bars", .n = 3, .nr = 2, .labels = three,
				 .series = &sb, .series_nr = 1 };
	struct img im;
	struct run c[8];

	CHECK_INT(draw(&im, CHART_COLUMN, &d), 0);
	CHECK_INT(vbars(&im, BLUE, c, 8), 3);
	/* The plot is about 180 of the chart's 255 points high. */
	if (c[1].bottom - c[1].top < im.h / 3)
		test_fail(__FILE__, __LINE__, "the column of 2 is %d of %d pixels high",
			  c[1].bottom - c[1].top, im.h);
	check_ratio((double)(c[0].bottom - c[0].top + 1) / (c[1].bottom - c[1].top + 1), 0.5,
		    0.02, __LINE__);
	done(&im);

	CHECK_INT(draw(&im, CHART_BAR, &db), 0);
	CHECK_INT(hbars(&im, BLUE, c, 8), 2);
	if (c[0].end - c[0].start < im.w / 2)
		test_fail(__FILE__, __LINE__, "the bar of 2 is %d of %d pixels long",
			  c[0].end - c[0].start, im.w);
	done(&im);
}

static void stacked_parts_keep_their_proportions(void)
{
	static const double pub[] = { 10, 30, 5 };
	static const double other[] = { 30, 10, 5 };
	struct chart_series s[2] = { { "Public", pub }, { "Other", other } };
	struct chart_data d = { .title = "Split", .n = 90, .nr = 3, .labels = months, .series = s,
				.series_nr = 2 };
	unsigned long orange = palette_hex(palette_cat[1]);
	struct img im;
	struct run b[8], o[8];

	CHECK_INT(draw(&im, CHART_STACKED, &d), 0);
	CHECK_INT(vbars(&im, BLUE, b, 8), 3);
	CHECK_INT(vbars(&im, orange, o, 8), 3);
	/* Public at the bottom, other on top of it. */
	CHECK(o[0].bottom < b[0].top);
	check_ratio((double)(o[0].bottom - o[0].top + 1) / (b[0].bottom - b[0].top + 1), 3, 0.1,
		    __LINE__);
	check_ratio((double)(b[1].bottom - b[1].top + 1) / (o[1].bottom - o[1].top + 1), 3, 0.1,
		    __LINE__);
	done(&im);
}

/* The mean y of `rgb` pixels in a column band, below y0. */
static double mean_y(const struct img *im, unsigned long rgb, int x0, int x1, int y0)
{
	double sum = 0;
	long n = 0;

	for (int x = x0; x < x1; x++)
		for (int y = y0; y < im->h; y++)
			if (px(im, x, y) == rgb) {
				sum += y;
				n++;
			}
	return n ? sum / (double)n : -1;
}

static void line_rises_over_a_lighter_year_earlier(void)
{
	static const double v[] = { 10, 20, 30, 40, 50 };
	static const double e[] = { 5, 5, 5, 5, 5 };
	struct chart_series s = { "2024", v };
	struct chart_data d = { .title = "Line", .n = 150, .nr = 5, .labels = months, .series = &s,
				.series_nr = 1, .compare = { "2023", e } };
	unsigned long light = palette_hex(palette_lighter(palette_cat[0], 0.6));
	struct img im;
	double left, right, eleft, eright;

	CHECK_INT(draw(&im, CHART_LINE, &d), 0);
	left = mean_y(&im, BLUE, im.w / 5, im.w / 5 + 20, 0);
	right = mean_y(&im, BLUE, im.w - im.w / 5 - 20, im.w - im.w / 5, 0);
	/* Below the blue line: its antialiased edge has the lighter colour too. */
	eleft = mean_y(&im, light, im.w / 5, im.w / 5 + 20, (int)left + 10);
	eright = mean_y(&im, light, im.w - im.w / 5 - 20, im.w - im.w / 5, (int)left + 10);
	CHECK(left > 0 && right > 0 && eleft > 0 && eright > 0);
	/* Rising (y falls), and the year earlier flat and below. */
	CHECK(right < left - 50);
	if (fabs(eright - eleft) >= 3)
		test_fail(__FILE__, __LINE__, "year earlier at %g and %g", eleft, eright);
	CHECK(eleft > left);
	done(&im);
}

static void donut_share_is_the_blue_part_of_the_ring(void)
{
	static const char *const labels[] = { "Public bodies", "Other victims" };
	static const double v[] = { 13, 29 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .title = "Share", .n = 42, .nr = 2, .labels = labels, .series = &s,
				.series_nr = 1, .low = 0.19, .high = 0.46, .level = 0.95 };
	unsigned long rest = palette_hex(palette_rest);
	struct img im;
	double blue, grey;

	CHECK_INT(draw(&im, CHART_DONUT, &d), 0);
	blue = (double)count(&im, BLUE, 0, 0, im.w, im.h);
	grey = (double)count(&im, rest, 0, 0, im.w, im.h);
	check_ratio(blue / (blue + grey), 13.0 / 42, 0.02, __LINE__);
	done(&im);

	CHECK_INT(draw(&im, CHART_SHARE_BAR, &d), 0);
	blue = (double)count(&im, BLUE, 0, 0, im.w, im.h);
	grey = (double)count(&im, rest, 0, 0, im.w, im.h);
	check_ratio(blue / (blue + grey), 13.0 / 42, 0.02, __LINE__);
	done(&im);
}

static void distribution_marks_median_and_p90(void)
{
	static const char *const labels[] = { "< 1 h", "1-4 h", "4-24 h", "1-3 d", "> 3 d" };
	static const double v[] = { 3, 9, 14, 8, 4 };
	struct chart_series s = { NULL, v };
	struct chart_marker m[2] = { { "median 10 h", 2.3 }, { "p90 3 days", 4.5 } };
	struct chart_data d = { .title = "Time to contain", .n = 38, .nr = 5, .labels = labels,
				.series = &s, .series_nr = 1, .markers = m, .marker_nr = 2 };
	struct img im;
	struct run c[8];
	double pitch, x0;

	CHECK_INT(draw(&im, CHART_DISTRIBUTION, &d), 0);
	CHECK_INT(vbars(&im, BLUE, c, 8), 5);
	check_ratio((double)(c[0].bottom - c[0].top + 1) / (c[2].bottom - c[2].top + 1), 3.0 / 14,
		    0.02, __LINE__);
	pitch = ((c[4].start + c[4].end) - (c[0].start + c[0].end)) / 2.0 / 4;
	x0 = (c[0].start + c[0].end) / 2.0 - pitch / 2;
	for (int k = 0; k < 2; k++) {
		int x = (int)lround(x0 + m[k].at * pitch), marks = 0;

		/* The dashed marker line, above the columns and through them. */
		for (int dx = -1; dx <= 1; dx++)
			marks += (int)count(&im, palette_hex(palette_marker), x + dx, 0, x + dx + 1,
					    c[4].bottom);
		if (marks < 20)
			test_fail(__FILE__, __LINE__, "marker %d: %d pixels at x = %d", k, marks, x);
	}
	done(&im);
}

static void kpi_tiles_show_value_and_sparkline(void)
{
	static const double spark[] = { 3, 5, 4, 8, 6, 9 };
	struct chart_kpi k[2] = {
		{ "Incidents", 42, 37, NULL, NULL, 1, spark, 6 },
		{ "Public bodies", 13, NAN, NULL, NULL, -1, NULL, 0 },
	};
	struct chart_data d = { .title = "At a glance", .n = 42, .kpis = k, .kpi_nr = 2 };
	unsigned long tile = palette_hex(palette_tile);
	struct img im;

	CHECK_INT(draw(&im, CHART_KPI, &d), 0);
	/* Two tiles side by side, each with a big dark number. */
	CHECK(count(&im, tile, 0, 0, im.w / 2, im.h) > 10000);
	CHECK(count(&im, tile, im.w / 2, 0, im.w, im.h) > 10000);
	/* The sparkline only in the first. */
	CHECK(count(&im, BLUE, 0, 0, im.w / 2, im.h) > 50);
	CHECK_INT(count(&im, BLUE, im.w / 2, 0, im.w, im.h), 0);
	done(&im);
}

/*
 * "No data" around (x, y) points: white with grey hatching, so both white
 * and darker grey pixels, all neutral; the flat context grey has neither.
 */
static void check_nodata(const struct img *im, double x, double y, int line)
{
	int cx = (int)(x * SCALE), cy = (int)(y * SCALE);
	long white = 0, hatch = 0, colour = 0;

	for (int py = cy - 12; py < cy + 12; py++) {
		for (int px_ = cx - 12; px_ < cx + 12; px_++) {
			unsigned long p = px(im, px_, py);

			if (p >> 16 != (p & 0xff) || (p >> 8 & 0xff) != (p & 0xff))
				colour++;
			else if (p == WHITE)
				white++;
			else if ((p & 0xff) < 0xc0)
				hatch++;
		}
	}
	if (white < 100 || hatch < 30 || colour > 0)
		test_fail(__FILE__, line, "not hatched: %ld white, %ld hatch, %ld coloured pixels",
			  white, hatch, colour);
}

static void map_colours_countries_by_class(void)
{
	static const char *const codes[] = { "BE", "NL", "DE", "PT", "FR" };
	static const double v[] = { 23, 5, 12, 0, NAN };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .title = "Map", .n = 40, .nr = 5, .labels = codes, .series = &s,
				.series_nr = 1 };
	struct chart_spec spec = { .kind = CHART_MAP, .width_pt = W, .height_pt = H,
				   .dpi = DPI, .geo = &geo };
	struct img im;
	double x, y;

	CHECK_INT(draw(&im, CHART_MAP, &d), 0);
	/* Classes for 1..23: 1, 2, 5, 10, 23; Belgium's 23 is the darkest. */
	CHECK_INT(chart_map_locate(&spec, &d, 4.47, 50.5, &x, &y), 0);
	CHECK_INT(at_pt(&im, x, y), palette_hex(palette_seq_class(5, 5)));
	CHECK_INT(chart_map_locate(&spec, &d, 10.0, 51.0, &x, &y), 0);
	CHECK_INT(at_pt(&im, x, y), palette_hex(palette_seq_class(5, 5)));
	CHECK_INT(chart_map_locate(&spec, &d, 5.6, 52.3, &x, &y), 0);
	CHECK_INT(at_pt(&im, x, y), palette_hex(palette_seq_class(3, 5)));
	/* Zero has its own colour, not white, not no-data. */
	CHECK_INT(chart_map_locate(&spec, &d, -8.0, 39.6, &x, &y), 0);
	CHECK_INT(at_pt(&im, x, y), palette_hex(palette_seq[0]));
	/* France is listed as unknown, Poland not at all: both "no data",
	 * white or hatching grey, never a class colour. */
	CHECK_INT(chart_map_locate(&spec, &d, 2.5, 46.5, &x, &y), 0);
	check_nodata(&im, x, y, __LINE__);
	CHECK_INT(chart_map_locate(&spec, &d, 19.4, 52.1, &x, &y), 0);
	check_nodata(&im, x, y, __LINE__);
	/* Russia is context: flat grey. */
	CHECK_INT(chart_map_locate(&spec, &d, 40.0, 57.0, &x, &y), 0);
	CHECK_INT(at_pt(&im, x, y), palette_hex(palette_context));
	/* Outside the window there is no map. */
	CHECK_INT(chart_map_locate(&spec, &d, -52.3, 4.9, &x, &y), -1);
	done(&im);
}

static void bad_data_is_an_error(void)
{
	static const double v[] = { 1, 2, 3 };
	struct chart_series s = { NULL, v }, none = { NULL, NULL };
	struct chart_data d = { .title = "Bad", .n = 6, .nr = 3, .series = &s, .series_nr = 1 };
	struct chart_spec spec = { .kind = CHART_BAR, .width_pt = W, .height_pt = H,
				   .dpi = DPI, .geo = NULL };
	struct buf b = BUF_INIT;
	struct img im;
	char path[512];
	FILE *f;

	CHECK_INT(draw(&im, CHART_BAR, &d), -1);	/* no labels */
	done(&im);
	d.labels = three;
	d.series = &none;
	CHECK_INT(draw(&im, CHART_BAR, &d), -1);	/* no values */
	done(&im);
	d.series = &s;
	spec.kind = CHART_MAP;
	CHECK_INT(chart_write(&spec, &d, CHART_PNG, &b), -1);	/* no shapes */
	CHECK_INT(b.len, 0);
	spec.kind = CHART_BAR;
	spec.width_pt = 0;
	CHECK_INT(chart_write(&spec, &d, CHART_PNG, &b), -1);
	spec.width_pt = W;
	snprintf(path, sizeof(path), "%s/no/such/dir/x.png", test_tmpdir());
	CHECK_INT(chart_write_file(&spec, &d, path), -1);
	snprintf(path, sizeof(path), "%s/x.gif", test_tmpdir());
	CHECK_INT(chart_write_file(&spec, &d, path), -1);
	f = fopen(path, "r");
	CHECK_NULL(f);
	if (f)
		fclose(f);
	buf_release(&b);
}

static int contains(const struct buf *b, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i + n <= b->len; i++)
		if (!memcmp(b->buf + i, s, n))
			return 1;
	return 0;
}

static void identical_input_gives_identical_bytes(void)
{
	static const double v[] = { 40, 20, 10 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .title = "Bars", .subtitle = "April 2024", .n = 70, .nr = 3,
				.labels = three, .series = &s, .series_nr = 1 };
	static const char *const codes[] = { "BE", "NL", "DE" };
	struct chart_data m = d;
	enum chart_format formats[] = { CHART_PNG, CHART_SVG, CHART_PDF };

	m.labels = codes;
	unsetenv("SOURCE_DATE_EPOCH");
	for (size_t f = 0; f < 3; f++) {
		for (int kind = CHART_BAR; kind <= CHART_MAP; kind += CHART_MAP - CHART_BAR) {
			struct chart_spec spec = { .kind = (enum chart_kind)kind, .width_pt = W, .height_pt = H,
				   .dpi = 100, .geo = &geo };
			struct buf a = BUF_INIT, b = BUF_INIT;

			CHECK_INT(chart_write(&spec, kind == CHART_MAP ? &m : &d, formats[f], &a), 0);
			CHECK_INT(chart_write(&spec, kind == CHART_MAP ? &m : &d, formats[f], &b), 0);
			if (a.len != b.len || memcmp(a.buf, b.buf, a.len))
				test_fail(__FILE__, __LINE__, "format %zu, %s: two renders differ", f,
					  chart_kind_name((enum chart_kind)kind));
			if (formats[f] == CHART_SVG)
				CHECK(contains(&a, "id=\"surface1\""));
			if (formats[f] == CHART_PDF)
				CHECK(contains(&a, "/CreationDate (19700101000000Z)"));
			if (formats[f] == CHART_PNG)
				CHECK(!contains(&a, "tIME"));
			buf_release(&a);
			buf_release(&b);
		}
	}
}

/* PNG surfaces reuse their memory (chart.c): what a larger chart left there never shows. */
static void a_png_is_the_same_after_a_larger_chart(void)
{
	static const double v[] = { 40, 20, 10 };
	static const char *const codes[] = { "BE", "NL", "DE" };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .title = "Bars", .n = 70, .nr = 3, .labels = three, .series = &s,
				.series_nr = 1 };
	struct chart_data m = d;
	struct chart_spec small = { .kind = CHART_BAR, .width_pt = W, .height_pt = H, .dpi = 100 };
	struct chart_spec big = { .kind = CHART_MAP, .width_pt = 2 * W, .height_pt = 2 * H,
				  .dpi = 300, .geo = &geo };
	struct buf a = BUF_INIT, b = BUF_INIT, c = BUF_INIT;

	m.labels = codes;
	chart_cleanup();
	CHECK_INT(chart_write(&small, &d, CHART_PNG, &a), 0);
	CHECK_INT(chart_write(&big, &m, CHART_PNG, &c), 0);
	CHECK_INT(chart_write(&small, &d, CHART_PNG, &b), 0);
	CHECK(a.len > 0 && a.len == b.len && !memcmp(a.buf, b.buf, a.len));
	buf_release(&a);
	buf_release(&b);
	buf_release(&c);
}

static void pdf_date_follows_source_date_epoch(void)
{
	static const double v[] = { 4, 2 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { .title = "Bars", .n = 6, .nr = 2, .labels = three, .series = &s,
				.series_nr = 1 };
	struct chart_spec spec = { .kind = CHART_BAR, .width_pt = W, .height_pt = H,
				   .dpi = 0, .geo = NULL };
	struct buf b = BUF_INIT;

	setenv("SOURCE_DATE_EPOCH", "1714521600", 1);	/* 2024-05-01 */
	CHECK_INT(chart_write(&spec, &d, CHART_PDF, &b), 0);
	CHECK(contains(&b, "/CreationDate (20240501000000Z)"));
	unsetenv("SOURCE_DATE_EPOCH");
	buf_release(&b);
}

int main(void)
{
	if (geo_load(&geo, "data/geo/europe-50m.geojson") < 0)
		return 1;
	test_run("bars are as long as their values and the background follows",
		 bar_lengths_follow_values);
	test_run("an unknown value draws no bar", unknown_values_draw_no_bar);
	test_run("a suppressed share shows the count and no share",
		 suppressed_share_shows_the_count_only);
	test_run("very long labels and titles never run off the chart",
		 long_labels_never_overflow);
	test_run("every kind says 'no incidents' instead of drawing an empty series",
		 empty_series_says_so);
	test_run("fewer than 10 incidents raise the flag, 10 do not", tiny_n_is_flagged);
	test_run("columns rise to their values; zero and unknown have none",
		 columns_rise_to_their_values);
	test_run("small counts fill the plot rather than lie flat", small_counts_fill_the_plot);
	test_run("stacked parts keep their proportions", stacked_parts_keep_their_proportions);
	test_run("the line rises over a flat, lighter year earlier",
		 line_rises_over_a_lighter_year_earlier);
	test_run("the donut and the share bar are blue in proportion to the share",
		 donut_share_is_the_blue_part_of_the_ring);
	test_run("the distribution marks the median and p90 where they fall",
		 distribution_marks_median_and_p90);
	test_run("KPI tiles carry their own sparkline", kpi_tiles_show_value_and_sparkline);
	test_run("the map colours countries by class, zero and no data apart",
		 map_colours_countries_by_class);
	test_run("inconsistent data, a missing map or a bad file name is an error",
		 bad_data_is_an_error);
	test_run("identical input gives identical PNG, SVG and PDF bytes",
		 identical_input_gives_identical_bytes);
	test_run("a PNG is the same after a larger chart was drawn",
		 a_png_is_the_same_after_a_larger_chart);
	test_run("the PDF creation date comes from SOURCE_DATE_EPOCH",
		 pdf_date_follows_source_date_epoch);
	geo_release(&geo);
	chart_cleanup();
	cairo_debug_reset_static_data();
	FcFini();
	return test_done();
}
