/*
 * Charts drawn from query results by charts/fromquery.c and checked by
 * their pixels, as t_chart_render.c does.
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdint.h>

#include "fromquery_fixture.h"
#include "charts/palette.h"

#define DPI 144.0
#define SCALE (DPI / 72)
#define W 480.0
#define H 270.0
#define BLUE 0x0072b2ul

/* ---- Drawn ------------------------------------------------------------ */

struct img {
	cairo_surface_t *s;
	int w, h;
};

static int draw(struct img *im, const struct query_chart *qc)
{
	struct chart_spec spec = { .kind = qc->kind, .width_pt = W, .height_pt = H,
				   .dpi = DPI, .geo = &geo };
	cairo_t *cr;
	int ret;

	im->w = (int)ceil(W * SCALE);
	im->h = (int)ceil(H * SCALE);
	im->s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, im->w, im->h);
	cr = cairo_create(im->s);
	cairo_scale(cr, SCALE, SCALE);
	ret = chart_render(cr, &spec, &qc->data);
	cairo_destroy(cr);
	cairo_surface_flush(im->s);
	return ret;
}

static unsigned long px(const struct img *im, int x, int y)
{
	uint32_t p;

	if (x < 0 || y < 0 || x >= im->w || y >= im->h)
		return 0xfffffful;
	memcpy(&p, cairo_image_surface_get_data(im->s) +
		   (size_t)y * (size_t)cairo_image_surface_get_stride(im->s) + 4 * (size_t)x, 4);
	return p & 0xffffff;
}

/* The longest run of `rgb` on row y. */
static int run_on_row(const struct img *im, unsigned long rgb, int y)
{
	int best = 0;

	for (int x = 0; x < im->w;) {
		int s = x;

		while (x < im->w && px(im, x, y) == rgb)
			x++;
		if (x - s > best)
			best = x - s;
		x = x == s ? x + 1 : x;
	}
	return best;
}

static void bars_drawn_from_a_result_follow_its_counts(void)
{
	struct query_result *r = result("by-type", 35);
	struct query_chart qc;
	struct img im;
	int bars[3], nr = 0, in = 0;

	keyed(r, "type", "ransomware", 20);
	keyed(r, "type", "phishing", 10);
	keyed(r, "type", NULL, 5);
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	query_result_free(r);
	CHECK_INT(draw(&im, &qc), 0);
	/* Bars top to bottom: the longest run of blue in each band of rows. */
	for (int y = 0; y < im.h; y++) {
		int len = run_on_row(&im, BLUE, y);

		if (len >= 4 && !in && nr < 3)
			bars[nr++] = len;
		in = len >= 4;
	}
	CHECK_INT(nr, 3);
	if (nr == 3) {
		CHECK(fabs((double)bars[1] / bars[0] - 0.5) < 0.02);
		CHECK(fabs((double)bars[2] / bars[0] - 0.25) < 0.02);
	}
	cairo_surface_destroy(im.s);
	query_chart_release(&qc);
}

static unsigned long at_place(const struct img *im, const struct query_chart *qc, double lon,
			      double lat)
{
	struct chart_spec spec = { .kind = CHART_MAP, .width_pt = W, .height_pt = H,
				   .dpi = DPI, .geo = &geo };
	double x, y;

	if (chart_map_locate(&spec, &qc->data, lon, lat, &x, &y) < 0)
		return 0x1000000ul;	/* no colour */
	return px(im, (int)floor(x * SCALE), (int)floor(y * SCALE));
}

static void the_map_drawn_from_a_result_shows_zero_not_no_data(void)
{
	struct query_result *r = result("by-country", 1020);
	struct query_chart qc;
	struct img im;
	int k;

	country(r, "US", 1000);	/* off the map: sets no class */
	country(r, "BE", 10);
	country(r, "NL", 3);
	country(r, NULL, 7);
	CHECK_INT(query_chart_init(&qc, r, CHART_MAP, NULL, NULL), 0);
	query_result_free(r);
	CHECK_INT(draw(&im, &qc), 0);
	/* Classes for 1..10 (1, 2, 5, 10): Belgium is the darkest, the Netherlands' 3 the third. */
	k = 4;
	CHECK_INT(at_place(&im, &qc, 4.47, 50.5), palette_hex(palette_seq_class(k, k)));
	CHECK_INT(at_place(&im, &qc, 5.6, 52.3), palette_hex(palette_seq_class(3, k)));
	/* Poland and Portugal had none: the colour of zero. */
	CHECK_INT(at_place(&im, &qc, 19.4, 52.1), palette_hex(palette_seq[0]));
	CHECK_INT(at_place(&im, &qc, -8.0, 39.6), palette_hex(palette_seq[0]));
	/* Russia had no row: a grey neighbour. */
	CHECK_INT(at_place(&im, &qc, 40.0, 57.0), palette_hex(palette_context));
	cairo_surface_destroy(im.s);
	query_chart_release(&qc);
}

int main(void)
{
	if (geo_load(&geo, "data/geo/europe-50m.geojson") < 0)
		return 1;
	test_run("bars drawn from a result are as long as its counts",
		 bars_drawn_from_a_result_follow_its_counts);
	test_run("the map drawn from a result shows zero, not no data, for countries without rows",
		 the_map_drawn_from_a_result_shows_zero_not_no_data);
	geo_release(&geo);
	country_free();
	chart_cleanup();
	cairo_debug_reset_static_data();
	FcFini();
	return test_done();
}
