/*
 * charts/: the arithmetic and the parts that do not draw: ticks, classes,
 * number formats, text shortening and placement, the projection, the
 * palette, the PNG encoder, the map shapes and the small API helpers.
 * Pixels of rendered charts are checked in t_chart_render.c.
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <zlib.h>

#include "test.h"
#include "charts/axis.h"
#include "charts/chart.h"
#include "charts/font.h"
#include "charts/geo.h"
#include "charts/layout.h"
#include "charts/palette.h"
#include "charts/png.h"
#include "charts/proj.h"
#include "util/fontfile.h"

#define GEO_PATH "data/geo/europe-50m.geojson"

static void check_ticks(double lo, double hi, double len, double min, int integer,
			const double *want, int nr)
{
	struct axis ax;

	CHECK_INT(axis_ticks(lo, hi, len, min, integer, &ax), 0);
	CHECK_INT(ax.nr, nr);
	for (int i = 0; i < nr && i < ax.nr; i++)
		if (fabs(ax.v[i] - want[i]) > 1e-9)
			test_fail(__FILE__, __LINE__, "ticks for [%g, %g]: v[%d] = %g, expected %g",
				  lo, hi, i, ax.v[i], want[i]);
}

static void ticks_golden(void)
{
	static const double a[] = { 0, 5, 10, 15, 20, 25, 30, 35, 40 };
	static const double b[] = { 0, 500, 1000, 1500 };
	static const double c[] = { 0, 0.2, 0.4, 0.6, 0.8, 1.0 };
	static const double d[] = { 0, 1 };
	static const double e[] = { 0, 1, 2, 3 };
	static const double f[] = { 0, 2e5, 4e5, 6e5, 8e5, 1e6, 1.2e6, 1.4e6, 1.6e6, 1.8e6,
				    2e6, 2.2e6, 2.4e6, 2.6e6 };
	static const double g[] = { -10, -5, 0, 5, 10, 15 };
	static const double h[] = { 0, 10 };

	check_ticks(0, 37, 200, 20, 1, a, 9);
	check_ticks(0, 1234, 150, 25, 1, b, 4);
	check_ticks(0, 0.83, 100, 20, 0, c, 6);
	check_ticks(0, 0, 100, 20, 1, d, 2);
	check_ticks(0, 3, 300, 20, 1, e, 4);
	check_ticks(0, 2.5e6, 400, 30, 1, f, 14);
	check_ticks(-7, 12, 190, 20, 1, g, 6);
	/* Not even one step clears the spacing: one step all the same. */
	check_ticks(0, 10, 10, 50, 1, h, 2);
}

static void ticks_decimals_and_errors(void)
{
	struct axis ax;

	CHECK_INT(axis_ticks(0, 0.83, 100, 20, 0, &ax), 0);
	CHECK_INT(ax.decimals, 1);
	CHECK_INT(axis_ticks(0, 37, 200, 20, 1, &ax), 0);
	CHECK_INT(ax.decimals, 0);
	CHECK_DBL(ax.hi, 40);
	CHECK_INT(axis_ticks(NAN, 3, 100, 20, 1, &ax), -1);
	CHECK_INT(axis_ticks(0, INFINITY, 100, 20, 1, &ax), -1);
	CHECK_INT(axis_ticks(5, 3, 100, 20, 1, &ax), -1);
	CHECK_INT(axis_ticks(0, 3, 0, 20, 1, &ax), -1);
	CHECK_INT(ax.nr, 0);
}

static void count_axes_fit_small_counts_with_whole_ticks(void)
{
	static const double two[] = { 0, 1, 2, 3 };
	static const double one[] = { 0, 1, 2 };
	static const double none[] = { 0, 1 };
	static const double many[] = { 0, 5, 10, 15, 20, 25, 30, 35, 40, 45 };
	struct axis ax;

	/* Counts of 1 and 2 over 150 points, 19.2 apart, 12 points of headroom. */
	CHECK_INT(axis_counts(2, 150, 19.2, 12, &ax), 0);
	CHECK_INT(ax.nr, 4);
	for (int i = 0; i < ax.nr && i < 4; i++)
		CHECK_DBL(ax.v[i], two[i]);
	CHECK_INT(ax.decimals, 0);
	CHECK_INT(axis_counts(1, 150, 19.2, 12, &ax), 0);
	CHECK_INT(ax.nr, 3);
	for (int i = 0; i < ax.nr && i < 3; i++)
		CHECK_DBL(ax.v[i], one[i]);
	/* Nothing above zero: one whole step, never halves. */
	CHECK_INT(axis_counts(0, 150, 19.2, 12, &ax), 0);
	CHECK_INT(ax.nr, 2);
	for (int i = 0; i < ax.nr && i < 2; i++)
		CHECK_DBL(ax.v[i], none[i]);
	/* Larger counts: the headroom lifts 41 past 40 to the next tick. */
	CHECK_INT(axis_counts(41, 200, 19.2, 12, &ax), 0);
	CHECK_INT(ax.nr, 10);
	for (int i = 0; i < ax.nr && i < 10; i++)
		CHECK_DBL(ax.v[i], many[i]);
	CHECK_INT(axis_counts(NAN, 150, 19.2, 12, &ax), -1);
	CHECK_INT(axis_counts(3, 0, 19.2, 12, &ax), -1);
	CHECK_INT(ax.nr, 0);
}

static void classes_golden(void)
{
	double u[8];

	CHECK_INT(axis_classes(3, 6, u), 3);
	CHECK_DBL(u[2], 3);
	CHECK_INT(axis_classes(6, 6, u), 6);
	CHECK_INT(axis_classes(23, 6, u), 5);
	CHECK(u[0] == 1 && u[1] == 2 && u[2] == 5 && u[3] == 10 && u[4] == 23);
	CHECK_INT(axis_classes(37, 6, u), 6);
	CHECK(u[4] == 20 && u[5] == 37);
	CHECK_INT(axis_classes(3000, 6, u), 6);
	CHECK(u[0] == 2 && u[1] == 10 && u[2] == 50 && u[3] == 200 && u[4] == 1000 &&
	      u[5] == 3000);
	CHECK_INT(axis_classes(22.5, 6, u), 5);
	CHECK_DBL(u[4], 23);
	CHECK_INT(axis_classes(0, 6, u), 0);
	CHECK_INT(axis_classes(0.5, 6, u), 0);
	CHECK_INT(axis_classes(NAN, 6, u), 0);
}

static struct buf scratch = BUF_INIT;

static const char *fmt(double v, int decimals)
{
	buf_reset(&scratch);
	axis_format(&scratch, v, decimals);
	return scratch.buf;
}

static const char *pct(double share)
{
	buf_reset(&scratch);
	axis_format_percent(&scratch, share);
	return scratch.buf;
}

static void numbers_are_written_the_english_way(void)
{
	CHECK_STR(fmt(0, 0), "0");
	CHECK_STR(fmt(999, 0), "999");
	CHECK_STR(fmt(1234, 0), "1,234");
	CHECK_STR(fmt(-1234, 0), "-1,234");
	CHECK_STR(fmt(1234567.5, 1), "1,234,567.5");
	CHECK_STR(fmt(-0.04, 1), "0.0");
	CHECK_STR(fmt(NAN, 0), "\xe2\x80\x93");
	CHECK_STR(pct(0.31), "31%");
	CHECK_STR(pct(0), "0%");
	CHECK_STR(pct(1), "100%");
	CHECK_STR(pct(0.004), "<1%");
	CHECK_STR(pct(0.996), ">99%");
}

/* One unit per character, as a monospaced font would measure. */
static double per_char(void *ctx, const char *s)
{
	double n = 0;

	(void)ctx;
	for (; *s; s++)
		if ((*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void ellipsis_shortens_to_the_width(void)
{
	struct buf b = BUF_INIT;

	CHECK_INT(layout_ellipsize(&b, "abc", 3, per_char, NULL), 0);
	CHECK_STR(b.buf, "abc");
	CHECK_INT(layout_ellipsize(&b, "abcdefghij", 5, per_char, NULL), 1);
	CHECK_STR(b.buf, "abcd\xe2\x80\xa6");
	/* No space or comma before the ellipsis. */
	layout_ellipsize(&b, "hello world", 7, per_char, NULL);
	CHECK_STR(b.buf, "hello\xe2\x80\xa6");
	layout_ellipsize(&b, "Public administration, defence", 22, per_char, NULL);
	CHECK_STR(b.buf, "Public administration\xe2\x80\xa6");
	/* Cut between characters, not inside one. */
	layout_ellipsize(&b, "Li\xc3\xa8ge\xe2\x80\x93" "Bruxelles", 4, per_char, NULL);
	CHECK_STR(b.buf, "Li\xc3\xa8\xe2\x80\xa6");
	/* Not even the ellipsis fits. */
	CHECK_INT(layout_ellipsize(&b, "abc", 0.5, per_char, NULL), 1);
	CHECK_STR(b.buf, "");
	buf_release(&b);
}

static double dejavu(void *ctx, const char *s)
{
	cairo_text_extents_t e;

	cairo_text_extents(ctx, s, &e);
	return e.x_advance;
}

static void ellipsis_with_the_real_font_never_exceeds_its_box(void)
{
	static const char *const labels[] = {
		"Wholesale and retail trade; repair of motor vehicles and motorcycles",
		"Public administration and defence; compulsory social security",
		"WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
		"iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii",
	};
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	cairo_t *cr = cairo_create(s);
	cairo_font_face_t *face = font_face(FONT_REGULAR);
	struct buf b = BUF_INIT;

	CHECK(face != NULL);
	cairo_set_font_face(cr, face);
	cairo_set_font_size(cr, 8);
	font_options(cr);
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		for (double max = 10; max <= 150; max += 7.5) {
			size_t len;

			CHECK_INT(layout_ellipsize(&b, labels[i], max, dejavu, cr), 1);
			len = b.len;
			if (dejavu(cr, b.buf) > max)
				test_fail(__FILE__, __LINE__, "'%s' is %g wide, more than %g", b.buf,
					  dejavu(cr, b.buf), max);
			if (len < 3 || strcmp(b.buf + len - 3, "\xe2\x80\xa6"))
				test_fail(__FILE__, __LINE__, "'%s' does not end in an ellipsis", b.buf);
		}
	}
	buf_release(&b);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

static void label_steps_and_rows(void)
{
	double centre[] = { 10, 15, 40, 12 }, width[] = { 8, 8, 8, 8 };
	int row[4];

	CHECK_INT(layout_label_step(30, 20, 6), 1);
	CHECK_INT(layout_label_step(10, 35, 6), 6);
	CHECK_INT(layout_label_step(10, 25, 6), 4);
	CHECK_INT(layout_label_step(1, 100, 6), 192);
	CHECK_INT(layout_label_step(0, 10, 6), 1);
	CHECK_INT(layout_rows(centre, width, 4, 2, row), 3);
	CHECK_INT(row[0], 0);
	CHECK_INT(row[1], 1);
	CHECK_INT(row[2], 0);
	CHECK_INT(row[3], 2);
	CHECK_DBL(layout_clamp(2, 10, 0, 100), 5);
	CHECK_DBL(layout_clamp(98, 10, 0, 100), 95);
	CHECK_DBL(layout_clamp(50, 10, 0, 100), 50);
	CHECK_DBL(layout_clamp(50, 200, 0, 100), 50);
}

static void check_proj(double lon, double lat, double x, double y)
{
	double px, py;

	CHECK_INT(proj_laea(lon, lat, &px, &py), 0);
	/* Golden values from the formulas of the geo README, in Python. */
	if (fabs(px - x) > 0.5 || fabs(py - y) > 0.5)
		test_fail(__FILE__, __LINE__, "(%g, %g) projects to (%.1f, %.1f), expected (%.1f, %.1f)",
			  lon, lat, px, py, x, y);
}

static void projection_matches_computed_points(void)
{
	double x, y;

	check_proj(10, 52, 0, 0);
	check_proj(4.47, 50.5, -390734.6, -151993.4);	/* Belgium */
	check_proj(-9.14, 38.72, -1651951.4, -1263907.1);	/* Lisbon */
	check_proj(24.94, 60.17, 821242.3, 994918.4);	/* Helsinki */
	check_proj(-21.9, 64.1, -1494232.3, 1693489.2);	/* Reykjavik */
	check_proj(33.4, 35.2, 2112433.8, -1536657.4);	/* Cyprus */
	/* The antipode has no image. */
	CHECK_INT(proj_laea(-170, -52, &x, &y), -1);
	CHECK_INT(proj_laea(NAN, 52, &x, &y), -1);
}

static void palette_ramp_and_helpers(void)
{
	CHECK_INT(palette_hex(palette_seq_class(0, 6)), palette_hex(palette_seq[0]));
	CHECK_INT(palette_hex(palette_seq_class(1, 6)), palette_hex(palette_seq[1]));
	CHECK_INT(palette_hex(palette_seq_class(6, 6)), palette_hex(palette_seq[6]));
	CHECK_INT(palette_hex(palette_seq_class(1, 1)), palette_hex(palette_seq[6]));
	CHECK_INT(palette_hex(palette_seq_class(3, 3)), palette_hex(palette_seq[6]));
	CHECK_INT(palette_hex(palette_seq_class(1, 3)), palette_hex(palette_seq[1]));
	/* The ramp gets darker, class by class; zero is not white. */
	for (int i = 1; i < PALETTE_SEQ_NR; i++)
		CHECK(palette_luminance(palette_seq[i]) < palette_luminance(palette_seq[i - 1]));
	CHECK(palette_hex(palette_seq[0]) != palette_hex(palette_background));
	CHECK(palette_hex(palette_nodata) != palette_hex(palette_seq[0]));
	CHECK_INT(palette_hex(palette_lighter(palette_cat[0], 1)), 0xffffff);
	CHECK_INT(palette_hex(palette_lighter(palette_cat[0], 0)), 0x0072b2);
	CHECK_DBL(palette_luminance(palette_background), 1);
}

static int contains(const struct buf *b, const char *needle, size_t n)
{
	for (size_t i = 0; i + n <= b->len; i++)
		if (!memcmp(b->buf + i, needle, n))
			return 1;
	return 0;
}

/* Decodes a PNG with cairo's reader. */
struct reader {
	const struct buf *b;
	size_t pos;
};

static cairo_status_t read_png(void *closure, unsigned char *data, unsigned int len)
{
	struct reader *r = closure;

	if (r->pos + len > r->b->len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->b->buf + r->pos, len);
	r->pos += len;
	return CAIRO_STATUS_SUCCESS;
}

static uint32_t get(cairo_surface_t *s, int x, int y)
{
	uint32_t p;

	memcpy(&p, cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s) + 4 * x, 4);
	return p & 0xffffff;
}

static void put(cairo_surface_t *s, int x, int y, uint32_t rgb)
{
	memcpy(cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s) + 4 * x, &rgb, 4);
}

static void png_is_exact_up_to_256_colours(void)
{
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40, 30), *back;
	struct buf b = BUF_INIT;
	struct reader r = { &b, 0 };
	int bad = 0;

	cairo_surface_flush(img);
	for (int y = 0; y < 30; y++)
		for (int x = 0; x < 40; x++)
			put(img, x, y, (uint32_t)((x % 16) * 16 << 16 | (y % 8) * 32 << 8 | 0x42));
	cairo_surface_mark_dirty(img);
	CHECK_INT(png_encode(&b, cairo_image_surface_get_data(img), 40, 30,
			     cairo_image_surface_get_stride(img), 300), 0);
	CHECK(b.len > 8 && !memcmp(b.buf, "\x89PNG", 4));
	/* 300 dpi is 11811 pixels a metre. */
	CHECK(contains(&b, "pHYs\0\0\x2e\x23\0\0\x2e\x23\1", 13));
	/* No time stamp: the same image must give the same bytes. */
	CHECK(!contains(&b, "tIME", 4));
	back = cairo_image_surface_create_from_png_stream(read_png, &r);
	CHECK_INT(cairo_surface_status(back), CAIRO_STATUS_SUCCESS);
	CHECK_INT(cairo_image_surface_get_width(back), 40);
	for (int y = 0; y < 30 && !bad; y++)
		for (int x = 0; x < 40 && !bad; x++)
			if (get(back, x, y) != get(img, x, y))
				bad = 1;
	CHECK(!bad);
	cairo_surface_destroy(back);
	cairo_surface_destroy(img);
	buf_release(&b);
}

/*
 * Rows are read 64 pixels at a time (png.c): runs that cross a block, rows
 * narrower than a block or one pixel past it, and rows that repeat the row
 * above, all come back exactly.
 */
static void png_is_exact_at_every_width_around_a_block(void)
{
	static const int widths[] = { 1, 2, 3, 5, 63, 64, 65, 127, 128, 129, 200 };
	unsigned seed = 12345;
	int bad = 0;

	for (size_t k = 0; k < sizeof(widths) / sizeof(widths[0]); k++) {
		int w = widths[k], h = 40;
		cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h), *back;
		struct buf b = BUF_INIT;
		struct reader r = { &b, 0 };

		cairo_surface_flush(img);
		for (int y = 0; y < h; y++) {
			int x = 0;

			seed = seed * 1103515245u + 12345u;
			if (y > 0 && seed >> 16 & 1) {
				for (x = 0; x < w; x++)
					put(img, x, y, get(img, x, y - 1));
				continue;
			}
			while (x < w) {
				int len, i;
				uint32_t c;

				seed = seed * 1103515245u + 12345u;
				len = 1 + (int)(seed >> 16) % 80;
				seed = seed * 1103515245u + 12345u;
				c = (seed >> 16) % 200 * 0x010203u;
				for (i = 0; i < len && x < w; i++, x++)
					put(img, x, y, c | (seed & 0xff000000u));	/* any top byte */
			}
		}
		cairo_surface_mark_dirty(img);
		CHECK_INT(png_encode(&b, cairo_image_surface_get_data(img), w, h,
				     cairo_image_surface_get_stride(img), 0), 0);
		back = cairo_image_surface_create_from_png_stream(read_png, &r);
		CHECK_INT(cairo_surface_status(back), CAIRO_STATUS_SUCCESS);
		for (int y = 0; y < h && !bad; y++)
			for (int x = 0; x < w && !bad; x++)
				if (get(back, x, y) != get(img, x, y))
					bad = w;
		cairo_surface_destroy(back);
		cairo_surface_destroy(img);
		buf_release(&b);
	}
	CHECK_INT(bad, 0);
}

static void png_keeps_flat_colours_when_it_reduces(void)
{
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 200, 100), *back;
	struct buf b = BUF_INIT;
	struct reader r = { &b, 0 };
	long far = 0;

	/* A flat orange block on white, and 2,000 shades in a gradient strip:
	 * more colours than a palette holds. */
	cairo_surface_flush(img);
	for (int y = 0; y < 100; y++)
		for (int x = 0; x < 200; x++)
			put(img, x, y, y < 10 ? (uint32_t)(x << 8 | (y * 25)) :
				       x >= 50 && x < 90 ? 0xe69f00 : 0xffffff);
	cairo_surface_mark_dirty(img);
	CHECK_INT(png_encode(&b, cairo_image_surface_get_data(img), 200, 100,
			     cairo_image_surface_get_stride(img), 0), 0);
	CHECK(!contains(&b, "pHYs", 4));
	back = cairo_image_surface_create_from_png_stream(read_png, &r);
	CHECK_INT(cairo_surface_status(back), CAIRO_STATUS_SUCCESS);
	CHECK_INT(get(back, 60, 50), 0xe69f00);
	CHECK_INT(get(back, 10, 50), 0xffffff);
	/* The gradient becomes its nearest palette colours: close, not equal. */
	for (int y = 0; y < 10; y++) {
		for (int x = 0; x < 200; x++) {
			for (int shift = 0; shift <= 16; shift += 8) {
				long d = labs((long)(get(back, x, y) >> shift & 0xff) -
					      (long)(get(img, x, y) >> shift & 0xff));

				if (d > far)
					far = d;
			}
		}
	}
	CHECK(far < 40);
	cairo_surface_destroy(back);
	cairo_surface_destroy(img);
	buf_release(&b);
}

static uint32_t be32(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/*
 * The chunks are whole with their CRCs right, and the image data is the
 * rows as a PDF's PNG predictor reads them: filter byte 0, then one
 * palette index a pixel (report/ passes it into the PDF as it is).
 */
static void png_rows_are_unfiltered_palette_indices(void)
{
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 120, 80);
	const unsigned char *b;
	const unsigned char *plte = NULL;
	unsigned char *rows = xmalloc(80 * 121 + 1);
	uLongf rows_len = 80 * 121 + 1;
	struct buf png = BUF_INIT, idat = BUF_INIT;
	size_t pos = 8;
	int bad = 0, chunks = 0;

	cairo_surface_flush(img);
	for (int y = 0; y < 80; y++)
		for (int x = 0; x < 120; x++)
			put(img, x, y, x < 60 ? 0x0072b2 : y < 40 ? 0xffffff : 0xe69f00);
	cairo_surface_mark_dirty(img);
	CHECK_INT(png_encode(&png, cairo_image_surface_get_data(img), 120, 80,
			     cairo_image_surface_get_stride(img), 300), 0);
	b = (const unsigned char *)png.buf;
	while (pos + 12 <= png.len) {
		uint32_t n = be32(b + pos);

		CHECK(pos + 12 + n <= png.len);
		CHECK_INT(be32(b + pos + 8 + n), crc32(0, b + pos + 4, n + 4));
		if (!memcmp(b + pos + 4, "PLTE", 4))
			plte = b + pos + 8;
		if (!memcmp(b + pos + 4, "IDAT", 4))
			buf_add(&idat, b + pos + 8, n);
		chunks++;
		pos += 12 + n;
	}
	CHECK_INT(pos, png.len);
	CHECK(!memcmp(b + png.len - 8, "IEND", 4));
	/* IHDR: 120 x 80, 8-bit palette */
	CHECK(!memcmp(b + 12, "IHDR\0\0\0\x78\0\0\0\x50\x08\x03", 14));
	CHECK(plte != NULL);
	CHECK_INT(uncompress(rows, &rows_len, (const Bytef *)idat.buf, idat.len), Z_OK);
	CHECK_INT(rows_len, 80 * 121);
	for (int y = 0; y < 80 && !bad && plte; y++) {
		const unsigned char *row = rows + y * 121;

		bad = row[0] != 0;
		for (int x = 0; x < 120 && !bad; x++) {
			const unsigned char *c = plte + 3 * row[1 + x];

			bad = (uint32_t)(c[0] << 16 | c[1] << 8 | c[2]) != get(img, x, y);
		}
	}
	CHECK(!bad);
	CHECK_INT(chunks, 5);	/* IHDR pHYs PLTE IDAT IEND */
	free(rows);
	cairo_surface_destroy(img);
	buf_release(&png);
	buf_release(&idat);
}

static void png_rejects_an_empty_or_huge_image_and_keeps_the_buffer(void)
{
	unsigned char px[4] = { 0 };
	struct buf b = BUF_INIT;

	buf_adds(&b, "kept");
	CHECK_INT(png_encode(&b, px, 0, 1, 4, 300), -1);
	CHECK_INT(png_encode(&b, px, 1, 40000, 4, 300), -1);
	CHECK_INT(b.len, 4);
	CHECK_STR(b.buf, "kept");
	buf_release(&b);
}

static void one_font_lookup_finds_each_weight_of_dejavu_sans(void)
{
	char *regular = NULL, *bold = NULL;
	int index = -1;

	CHECK_INT(font_file_find(0, &regular, &index), 0);
	CHECK_INT(index, 0);
	CHECK_INT(font_file_find(1, &bold, &index), 0);
	/* Two files: a regular face is never passed off as the bold one. */
	CHECK(regular && strstr(regular, "DejaVuSans.ttf"));
	CHECK(bold && strstr(bold, "DejaVuSans-Bold.ttf"));
	free(regular);
	free(bold);
}

static void geo_loads_the_europe_map(void)
{
	struct geo g = GEO_INIT;
	struct buf path = BUF_INIT;
	int be = 0, ru = 0, fr_far = 0;

	/* One name for the file, under any data directory. */
	geo_path(&path, "/usr/share/ibrief", GEO_EUROPE);
	CHECK_STR(path.buf, "/usr/share/ibrief/geo/europe-50m.geojson");
	buf_reset(&path);
	geo_path(&path, "", GEO_WORLD);
	CHECK_STR(path.buf, "data/geo/world-110m.geojson");
	buf_reset(&path);
	geo_path(&path, NULL, GEO_EUROPE);
	CHECK_STR(path.buf, GEO_PATH);
	CHECK_INT(geo_load(&g, path.buf), 0);
	buf_release(&path);
	CHECK(g.nr >= 60);
	for (size_t i = 0; i < g.nr; i++) {
		const struct geo_feature *f = &g.features[i];

		CHECK(f->ring_nr > 0);
		if (!strcmp(f->iso, "BE"))
			be = f->focus;
		if (!strcmp(f->iso, "RU"))
			ru = !f->focus;
		/* French Guiana and Reunion were cut out: France stays in Europe. */
		if (!strcmp(f->iso, "FR") && (f->x0 < -2.5e6 || f->y0 < -2.5e6))
			fr_far = 1;
	}
	CHECK(be);
	CHECK(ru);
	CHECK(!fr_far);
	for (size_t r = 0; r < g.ring_nr; r++)
		CHECK(g.rings[r].n >= 3);
	geo_release(&g);
	CHECK_INT(g.nr, 0);
}

static void geo_loads_the_world_map_in_equal_earth(void)
{
	struct geo g = GEO_INIT;
	double x, y;
	int us = 0, aq = 0;

	/* Equal Earth's published extent: x 2.7066297 R at the equator's ends, y 1.3173627 R at the pole. */
	CHECK_INT(proj_equal_earth(180, 0, &x, &y), 0);
	CHECK(fabs(x / PROJ_RADIUS - 2.7066297) < 1e-6 && fabs(y) < 1e-9);
	CHECK_INT(proj_equal_earth(0, 90, &x, &y), 0);
	CHECK(fabs(y / PROJ_RADIUS - 1.3173627) < 1e-6 && fabs(x) < 1e-6);
	CHECK_INT(proj_equal_earth(0, 91, &x, &y), -1);
	CHECK_INT(proj_equal_earth(NAN, 0, &x, &y), -1);

	CHECK_INT(geo_load_map(&g, "data/geo/world-110m.geojson", GEO_WORLD), 0);
	CHECK_INT(g.map, GEO_WORLD);
	CHECK(g.nr >= 170);
	for (size_t i = 0; i < g.nr; i++) {
		if (!strcmp(g.features[i].iso, "US"))
			us = g.features[i].focus && g.features[i].x0 < -1e7;	/* Alaska, far west */
		aq |= !strcmp(g.features[i].iso, "AQ");
	}
	CHECK(us);
	CHECK(!aq);
	CHECK(g.wx0 < -1.7e7 && g.wx1 > 1.7e7 && g.wy0 < -6e6 && g.wy1 > 8e6);
	CHECK_INT(geo_project(&g, 180, 0, &x, &y), 0);
	CHECK(fabs(x - g.wx1) < 1);
	geo_release(&g);
}

static void geo_rejects_bad_files(void)
{
	const char *dir = test_tmpdir();
	char path[512];
	struct geo g = GEO_INIT;
	FILE *f;

	snprintf(path, sizeof(path), "%s/missing.geojson", dir);
	CHECK_INT(geo_load(&g, path), -1);
	snprintf(path, sizeof(path), "%s/bad.geojson", dir);
	f = fopen(path, "w");
	fputs("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
	      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[1,2],[\"x\",3]]]}}]}", f);
	fclose(f);
	CHECK_INT(geo_load(&g, path), -1);
	CHECK_INT(g.nr, 0);
	CHECK_NULL(g.xy);
}

static void bucket_positions(void)
{
	static const double edges[] = { 0, 1, 4, 24, 72, 168, INFINITY };

	CHECK_DBL(chart_bucket_position(edges, 6, 10), 2.3);
	CHECK_DBL(chart_bucket_position(edges, 6, 96), 4.25);
	CHECK_DBL(chart_bucket_position(edges, 6, 0), 0);
	CHECK_DBL(chart_bucket_position(edges, 6, 500), 5.5);
	CHECK(isnan(chart_bucket_position(edges, 6, NAN)));
	CHECK(isnan(chart_bucket_position(edges, 6, -1)));
	CHECK_DBL(chart_bucket_position(edges, 5, 168), 5);
	CHECK(isnan(chart_bucket_position(edges, 5, 169)));
}

static void formats_and_kind_names(void)
{
	CHECK_INT(chart_format_for("a.png"), CHART_PNG);
	CHECK_INT(chart_format_for("dir/A.PNG"), CHART_PNG);
	CHECK_INT(chart_format_for("x.svg"), CHART_SVG);
	CHECK_INT(chart_format_for("y.Pdf"), CHART_PDF);
	CHECK_INT(chart_format_for("z.jpg"), -1);
	CHECK_INT(chart_format_for("noext"), -1);
	CHECK_INT(chart_format_for("dir.png/x"), -1);
	for (int k = 0; k < CHART_KIND_NR; k++)
		CHECK_INT(chart_kind_parse(chart_kind_name((enum chart_kind)k)), k);
	CHECK_INT(chart_kind_parse("pie"), -1);
	CHECK_NULL(chart_kind_name(CHART_KIND_NR));
}

int main(void)
{
	test_run("ticks follow 1-2-5 steps and clear the minimum spacing", ticks_golden);
	test_run("ticks know their decimals and reject bad ranges", ticks_decimals_and_errors);
	test_run("one font lookup finds each weight of DejaVu Sans",
		 one_font_lookup_finds_each_weight_of_dejavu_sans);
	test_run("a count axis fits small counts with whole-number ticks",
		 count_axes_fit_small_counts_with_whole_ticks);
	test_run("map classes come from the 1-2-5 sequence and end at the maximum",
		 classes_golden);
	test_run("numbers and shares are written the English way",
		 numbers_are_written_the_english_way);
	test_run("a long label is cut between characters and ends in an ellipsis",
		 ellipsis_shortens_to_the_width);
	test_run("with DejaVu Sans a shortened label is never wider than its box",
		 ellipsis_with_the_real_font_never_exceeds_its_box);
	test_run("axis labels thin out by month steps and markers take rows",
		 label_steps_and_rows);
	test_run("the projection matches points computed from the geo README",
		 projection_matches_computed_points);
	test_run("the map ramp darkens class by class and zero is not no-data",
		 palette_ramp_and_helpers);
	test_run("a PNG of up to 256 colours decodes to the same pixels",
		 png_is_exact_up_to_256_colours);
	test_run("png is exact at every width around a block",
		 png_is_exact_at_every_width_around_a_block);
	test_run("a PNG of many colours keeps its flat colours exactly",
		 png_keeps_flat_colours_when_it_reduces);
	test_run("a PNG's rows are unfiltered palette indices under right CRCs",
		 png_rows_are_unfiltered_palette_indices);
	test_run("a PNG of an empty or huge image is an error and keeps the buffer",
		 png_rejects_an_empty_or_huge_image_and_keeps_the_buffer);
	test_run("the Europe map loads, France without its overseas regions",
		 geo_loads_the_europe_map);
	test_run("the world map loads, in Equal Earth, without Antarctica",
		 geo_loads_the_world_map_in_equal_earth);
	test_run("a missing or malformed map file is an error and leaves nothing",
		 geo_rejects_bad_files);
	test_run("response times fall into buckets at the right place", bucket_positions);
	test_run("file extensions choose the format; kind names round-trip",
		 formats_and_kind_names);
	buf_release(&scratch);
	chart_cleanup();
	cairo_debug_reset_static_data();
	FcFini();
	return test_done();
}
