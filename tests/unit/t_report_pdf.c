/*
 * The PDF writer (report/pdf.h): wrapping and fitting text with the
 * embedded font's metrics, the trimmed font program, byte-identical
 * output, and the atomic write of the file.
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <hpdf_font.h>
#include <qpdf/qpdf-c.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "report/pdf.h"
#include "report/pdffont.h"
#include "util/utf8.h"
#include "report/report.h"
#include "charts/chart.h"
#include "charts/png.h"

#define DEJAVU "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

static void test_wrapped_lines_fit_and_keep_every_word(void)
{
	struct pdf p;
	struct strlist lines = STRLIST_INIT;
	const char *text = "Regionaal Ziekenhuis Heidebeek, a regional hospital in Liège, was hit by "
			   "ransomware that encrypted its “patient administration” servers.";
	struct buf joined = BUF_INIT;
	size_t n;

	CHECK_INT(pdf_open(&p), 0);
	n = pdf_wrap(&p, PDF_REGULAR, 10, text, 150, &lines);
	CHECK(n >= 3);
	CHECK_INT(n, lines.n);
	for (size_t i = 0; i < lines.n; i++) {
		CHECK(pdf_width(&p, PDF_REGULAR, 10, lines.v[i]) <= 150);
		buf_addf(&joined, "%s%s", i ? " " : "", lines.v[i]);
	}
	CHECK_STR(joined.buf, text);
	strlist_release(&lines);

	/* A word wider than the line is broken, never lost. */
	n = pdf_wrap(&p, PDF_BOLD, 10, "https://example.org/a/very/long/path/that/cannot/fit", 60, &lines);
	CHECK(n >= 3);
	buf_reset(&joined);
	for (size_t i = 0; i < lines.n; i++) {
		CHECK(pdf_width(&p, PDF_BOLD, 10, lines.v[i]) <= 60);
		buf_adds(&joined, lines.v[i]);
	}
	CHECK_STR(joined.buf, "https://example.org/a/very/long/path/that/cannot/fit");
	strlist_release(&lines);

	/* An empty text is one empty line; a newline starts a new one. */
	CHECK_INT(pdf_wrap(&p, PDF_REGULAR, 10, "", 100, &lines), 1);
	CHECK_INT(pdf_wrap(&p, PDF_REGULAR, 10, "one\ntwo", 100, &lines), 2);
	CHECK_STR(lines.v[2], "two");
	strlist_release(&lines);
	buf_release(&joined);
	pdf_close(&p);
}

static void test_text_too_wide_is_shortened_with_an_ellipsis(void)
{
	struct pdf p;
	struct buf out = BUF_INIT;

	CHECK_INT(pdf_open(&p), 0);
	pdf_fit(&p, PDF_REGULAR, 9, "short", 100, &out);
	CHECK_STR(out.buf, "short");
	buf_reset(&out);
	pdf_fit(&p, PDF_REGULAR, 9, "Marktgemeinde Sankt Erlach, Österreich", 80, &out);
	CHECK(pdf_width(&p, PDF_REGULAR, 9, out.buf) <= 80);
	CHECK(strlen(out.buf) > 4 && !strcmp(out.buf + strlen(out.buf) - 3, "\xe2\x80\xa6"));
	buf_release(&out);
	pdf_close(&p);
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static void test_the_trimmed_font_keeps_the_required_tables_with_checksums(void)
{
	static const char *const want[] = {
		"OS/2", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep",
	};
	FILE *f = fopen(DEJAVU, "rb");
	struct buf ttf = BUF_INIT;
	char chunk[65536];
	size_t got, len = 0;
	unsigned char *out;
	unsigned long sum = 0;

	CHECK(f != NULL);
	while (f && (got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&ttf, chunk, got);
	if (f)
		fclose(f);
	out = pdffont_trim_ttf((const unsigned char *)ttf.buf, ttf.len, &len);
	CHECK(out != NULL);
	if (out) {
		CHECK(len + 140000 < ttf.len);	/* no post, name, cmap, kern, GPOS... */
		CHECK_INT((out[4] << 8) | out[5], 10);
		for (size_t i = 0; i < 10; i++)
			CHECK(!memcmp(out + 12 + 16 * i, want[i], 4));
		for (size_t i = 0; i < len; i += 4)
			sum = (sum + be32(out + i)) & 0xffffffffUL;
		CHECK_INT(sum, 0xB1B0AFBAUL);	/* head.checkSumAdjustment is right */
	}
	CHECK_NULL(pdffont_trim_ttf((const unsigned char *)"not a font", 10, &len));
	free(out);
	buf_release(&ttf);
}

/*
 * A document of one page of text in DejaVu Sans, its font made by
 * pdffont_get() (cheap) or by libharu's HPDF_GetFont(), trimmed and saved
 * into `out`. Sets *map_len to the size of the font's CIDToGIDMap as
 * libharu made it, before the trim.
 */
static void font_document(int cheap, struct buf *out, unsigned *map_len)
{
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	const char *name;
	HPDF_Font font = NULL;
	HPDF_Page page;
	unsigned char used[65536 / 8] = { 0 };
	const char *text = "Liège “Österreich” – 12 400 € Ελλάδα";
	size_t len = strlen(text), i = 0;
	HPDF_UINT32 size;
	HPDF_BYTE *data;

	*map_len = 0;
	HPDF_UseUTFEncodings(doc);
	HPDF_SetCurrentEncoder(doc, "UTF-8");
	name = HPDF_LoadTTFontFromFile(doc, DEJAVU, HPDF_TRUE);
	if (name)
		font = cheap ? pdffont_get(doc, name) : HPDF_GetFont(doc, name, "UTF-8");
	CHECK(font != NULL);
	if (!font) {
		HPDF_Free(doc);
		return;
	}
	*map_len = HPDF_Stream_Size(((HPDF_FontAttr)font->attr)->map_stream->stream);
	page = HPDF_AddPage(doc);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, 12);
	HPDF_Page_TextOut(page, 50, 700, text);
	HPDF_Page_EndText(page);
	while (i < len) {
		long cp = utf8_decode(text, len, &i);

		used[cp / 8] |= (unsigned char)(1u << (cp % 8));
	}
	CHECK_INT(pdffont_trim(doc, font, used), 0);
	CHECK_INT(HPDF_SaveToStream(doc), HPDF_OK);
	size = HPDF_GetStreamSize(doc);
	data = xmalloc(size);
	HPDF_ReadFromStream(doc, data, &size);
	buf_add(out, data, size);
	free(data);
	HPDF_Free(doc);
}

/*
 * libharu's HPDF_GetFont() looks up every code up to U+FFFF, for a
 * CIDToGIDMap of 128 KB that pdffont_trim() replaces; pdffont_get() makes
 * the font without that walk, and the document is the same bytes.
 */
static void test_a_font_made_without_the_walk_gives_the_same_document(void)
{
	struct buf cheap = BUF_INIT, full = BUF_INIT;
	unsigned cheap_map, full_map;

	font_document(1, &cheap, &cheap_map);
	font_document(0, &full, &full_map);
	CHECK(full_map > 100000);
	CHECK(cheap_map < 100);
	CHECK(cheap.len > 1000);
	CHECK(cheap.len == full.len && !memcmp(cheap.buf, full.buf, cheap.len));
	buf_release(&cheap);
	buf_release(&full);
}

/* 1 when the n bytes at `hay` hold `s` (the dictionaries are not compressed). */
static int contains(const char *hay, size_t n, const char *s)
{
	size_t len = strlen(s);

	for (size_t i = 0; i + len <= n; i++)
		if (!memcmp(hay + i, s, len))
			return 1;
	return 0;
}

static void make_document(struct buf *out)
{
	struct pdf p;

	CHECK_INT(pdf_open(&p), 0);
	pdf_add_pages(&p, 2);
	pdf_text(&p, 0, PDF_BOLD, 12, palette_text, 50, 100, "TLP:AMBER “Liège” – 12 400 €");
	pdf_text(&p, 1, PDF_REGULAR, 10, palette_text, 50, 100, "Tchéquie, Österreich, België");
	pdf_outline(&p, "Où", 1, 80);
	pdf_info(&p, "Titre", "Sujet", "Auteur", "ibrief", "mots");
	pdf_dates(&p, 1717200000);
	CHECK_INT(pdf_attach(&p, "a.csv", "text/csv", "données", "x,y\r\n1,2\r\n", 10), 0);
	CHECK_INT(pdf_save(&p, out), 0);
	pdf_close(&p);
}

static void test_the_same_drawing_gives_the_same_small_bytes(void)
{
	struct buf a = BUF_INIT, b = BUF_INIT;

	make_document(&a);
	make_document(&b);
	CHECK(a.len > 1000);
	CHECK_INT(a.len, b.len);
	CHECK(a.len == b.len && !memcmp(a.buf, b.buf, a.len));
	CHECK(a.len < 40 * 1024);	/* two faces, trimmed to what was drawn */
	CHECK(contains(a.buf, a.len, "/ToUnicode"));
	CHECK(contains(a.buf, a.len, "/Identity-H"));
	CHECK(contains(a.buf, a.len, "(a.csv)"));
	buf_release(&a);
	buf_release(&b);
}

/* The colour of a pixel of a cairo RGB24 surface, as 0xRRGGBB. */
static uint32_t surface_pixel(cairo_surface_t *s, int x, int y)
{
	uint32_t p;

	memcpy(&p, cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s) + 4 * x, 4);
	return p & 0xffffff;
}

/* The first image XObject of the document's first page, read with qpdf. */
static qpdf_oh first_image(qpdf_data q)
{
	qpdf_oh xobjects = qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_get_page_n(q, 0), "/Resources"),
					   "/XObject");
	qpdf_oh img = 0;

	qpdf_oh_begin_dict_key_iter(q, xobjects);
	if (qpdf_oh_dict_more_keys(q))
		img = qpdf_oh_get_key(q, xobjects, qpdf_oh_dict_next_key(q));
	return img;
}

/*
 * A chart's PNG goes into the PDF as it is (its zlib stream verbatim, not
 * decoded and compressed again), and a PDF reader gets the chart's size
 * and pixels back from it.
 */
static void test_a_chart_png_is_placed_as_it_is_with_its_size_and_pixels(void)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 90, 50);
	cairo_t *cr = cairo_create(s);
	struct buf png = BUF_INIT, pdf = BUF_INIT;
	qpdf_data q = qpdf_init();
	qpdf_oh img, dict, cs;
	unsigned char *raw = NULL, *pixels = NULL;
	const char *plte;
	size_t raw_len = 0, len = 0, plte_len = 0;
	struct pdf p;
	int bad = 0, found = 0;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 0, 0.447, 0.698);
	cairo_arc(cr, 45, 25, 20, 0, 6.3);	/* antialiased edges: many shades */
	cairo_fill(cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	CHECK_INT(png_encode(&png, cairo_image_surface_get_data(s), 90, 50,
			     cairo_image_surface_get_stride(s), 300), 0);
	CHECK_INT(pdf_open(&p), 0);
	pdf_add_pages(&p, 1);
	CHECK_INT(pdf_png(&p, 0, &png, 50, 50, 90 * 72 / 300.0, 50 * 72 / 300.0), 0);
	CHECK_INT(pdf_save(&p, &pdf), 0);
	pdf_close(&p);

	qpdf_silence_errors(q);
	CHECK_INT(qpdf_read_memory(q, "t.pdf", pdf.buf, pdf.len, "") & QPDF_ERRORS, 0);
	img = first_image(q);
	CHECK(img && qpdf_oh_is_stream(q, img));
	dict = qpdf_oh_get_dict(q, img);
	CHECK_INT(qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, dict, "/Width")), 90);
	CHECK_INT(qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, dict, "/Height")), 50);
	/* As it is: the stored stream is the PNG's image data, byte for byte. */
	CHECK_INT(qpdf_oh_get_stream_data(q, img, qpdf_dl_none, NULL, &raw, &raw_len) & QPDF_ERRORS, 0);
	CHECK(raw_len > 0);
	for (size_t i = 4; raw_len && i + raw_len <= png.len && !found; i++)
		found = !memcmp(png.buf + i - 4, "IDAT", 4) && !memcmp(png.buf + i, raw, raw_len);
	CHECK(found);
	/* The pixels, decoded by qpdf (FlateDecode, PNG predictor) through the palette. */
	cs = qpdf_oh_get_key(q, dict, "/ColorSpace");
	plte = qpdf_oh_get_binary_string_value(q, qpdf_oh_get_array_item(q, cs, 3), &plte_len);
	CHECK_INT(qpdf_oh_get_stream_data(q, img, qpdf_dl_generalized, NULL, &pixels, &len) & QPDF_ERRORS,
		  0);
	CHECK_INT(len, 90 * 50);
	for (int y = 0; y < 50 && !bad && len == 90 * 50; y++) {
		for (int x = 0; x < 90 && !bad; x++) {
			size_t k = 3 * (size_t)pixels[y * 90 + x];
			const unsigned char *c = (const unsigned char *)plte + k;

			bad = k + 3 > plte_len ||
			      (uint32_t)(c[0] << 16 | c[1] << 8 | c[2]) != surface_pixel(s, x, y);
		}
	}
	CHECK(!bad);
	free(raw);
	free(pixels);
	qpdf_cleanup(&q);
	cairo_surface_destroy(s);
	buf_release(&png);
	buf_release(&pdf);
}

int main(void)
{
	test_run("wrapped lines fit and keep every word", test_wrapped_lines_fit_and_keep_every_word);
	test_run("text too wide is shortened with an ellipsis",
		 test_text_too_wide_is_shortened_with_an_ellipsis);
	test_run("the trimmed font keeps the required tables with checksums",
		 test_the_trimmed_font_keeps_the_required_tables_with_checksums);
	test_run("a chart's PNG is placed as it is, with its size and pixels",
		 test_a_chart_png_is_placed_as_it_is_with_its_size_and_pixels);
	test_run("a font made without the walk gives the same document",
		 test_a_font_made_without_the_walk_gives_the_same_document);
	test_run("the same drawing gives the same small bytes",
		 test_the_same_drawing_gives_the_same_small_bytes);
	chart_cleanup();
	i18n_free();
	cairo_debug_reset_static_data();
	FcFini();
	return test_done();
}
