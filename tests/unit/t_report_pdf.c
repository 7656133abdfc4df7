/*
 * The PDF writer (report/pdf.h): wrapping and fitting text with the
 * embedded font's metrics, the trimmed font program, byte-identical
 * output, and the atomic write of the file.
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "report/pdf.h"
#include "report/pdffont.h"
#include "report/report.h"
#include "charts/chart.h"

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

int main(void)
{
	test_run("wrapped lines fit and keep every word", test_wrapped_lines_fit_and_keep_every_word);
	test_run("text too wide is shortened with an ellipsis",
		 test_text_too_wide_is_shortened_with_an_ellipsis);
	test_run("the trimmed font keeps the required tables with checksums",
		 test_the_trimmed_font_keeps_the_required_tables_with_checksums);
	test_run("the same drawing gives the same small bytes",
		 test_the_same_drawing_gives_the_same_small_bytes);
	chart_cleanup();
	i18n_free();
	cairo_debug_reset_static_data();
	FcFini();
	return test_done();
}
