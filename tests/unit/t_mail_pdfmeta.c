/*
 * Reading the summary of a briefing made elsewhere from its PDF, with
 * libqpdf (mail_read_briefing()): PDFs written by libharu (as the report
 * writes them), by cairo, by a hand-written generator (tests/data/mail/
 * mkpdf.py) and rewritten by qpdf into object streams.
 */
#include "test.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <hpdf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "mail/mail.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/tlp.h"

static const char title[] = "Cyberincidenten – april 2024, Liège";
static const char subject[] = "19 incidents in April 2024 (9 more than in March), not a "
			      "significant change; 79% hit public bodies \\ 95% CI 57–91%";

static void hpdf_error(HPDF_STATUS e, HPDF_STATUS detail, void *arg)
{
	(void)arg;
	test_fail(__FILE__, __LINE__, "libharu error 0x%04lx (%lu)", (unsigned long)e,
		  (unsigned long)detail);
}

/* A one-page PDF made by libharu with its UTF-8 encoder, as the report makes it. */
static void make_libharu(const char *path, const char *keywords)
{
	HPDF_Doc pdf = HPDF_New(hpdf_error, NULL);

	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	HPDF_AddPage(pdf);
	HPDF_AddPage(pdf);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, title);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, subject);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, "Stad Gent CERT");
	HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, keywords);
	HPDF_SaveToFile(pdf, path);
	HPDF_Free(pdf);
}

/* A PDF made by cairo, with its own metadata writer. */
static void make_cairo(const char *path)
{
	cairo_surface_t *s = cairo_pdf_surface_create(path, 595, 842);

	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, "briefing; TLP:GREEN");
	cairo_surface_show_page(s) ;
	cairo_surface_destroy(s);
}

static const char *in_tmp(struct buf *b, const char *name)
{
	buf_reset(b);
	buf_addf(b, "%s/%s", test_tmpdir(), name);
	return b->buf;
}

static void test_a_libharu_briefing_reads_back_whole(void)
{
	struct buf path = BUF_INIT;
	struct report_summary sum;

	make_libharu(in_tmp(&path, "haru.pdf"), "ibrief 1.0; TLP:AMBER+STRICT; store digest 0");
	CHECK_INT(mail_read_briefing(path.buf, &sum), 0);
	CHECK_STR(sum.title, title);
	CHECK_STR(sum.narrative, subject);
	CHECK_STR(sum.organisation, "Stad Gent CERT");
	CHECK_INT(sum.has_tlp, 1);
	CHECK_INT(sum.tlp, TLP_AMBER_STRICT);
	CHECK_INT(sum.pages, 2);
	CHECK(sum.bytes > 100);
	CHECK_STR(sum.path, path.buf);
	report_summary_release(&sum);
	buf_release(&path);
}

static void test_a_cairo_pdf_gives_its_title_and_label(void)
{
	struct buf path = BUF_INIT;
	struct report_summary sum;

	make_cairo(in_tmp(&path, "cairo.pdf"));
	CHECK_INT(mail_read_briefing(path.buf, &sum), 0);
	CHECK_STR(sum.title, title);
	CHECK_NULL(sum.narrative);
	CHECK_INT(sum.has_tlp, 1);
	CHECK_INT(sum.tlp, TLP_GREEN);
	CHECK_INT(sum.pages, 1);
	report_summary_release(&sum);
	buf_release(&path);
}

/* Runs a command line; 0 when it exits 0. */
__attribute__((format(printf, 1, 2)))
static int run(const char *fmt, ...)
{
	struct buf cmd = BUF_INIT;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	buf_vaddf(&cmd, fmt, ap);
	va_end(ap);
	rc = system(cmd.buf);
	buf_release(&cmd);
	return rc;
}

static void test_a_generated_pdf_in_object_streams_reads_back(void)
{
	struct buf plain = BUF_INIT, packed = BUF_INIT;
	struct report_summary sum;

	/* Literal strings with escapes, written by hand; then qpdf packs the Info into an object stream. */
	CHECK_INT(run("python3 tests/data/mail/mkpdf.py %s --title 'Briefing (April) \\ 2024' "
		      "--keywords 'incidents, tlp:red' --author 'Example' --subject %s",
		      in_tmp(&plain, "plain.pdf"), "'two\tlines'"), 0);
	CHECK_INT(run("qpdf --object-streams=generate --compress-streams=y %s %s", plain.buf,
		      in_tmp(&packed, "packed.pdf")), 0);
	for (int i = 0; i < 2; i++) {
		CHECK_INT(mail_read_briefing(i ? packed.buf : plain.buf, &sum), 0);
		CHECK_STR(sum.title, "Briefing (April) \\ 2024");
		CHECK_STR(sum.narrative, "two lines");	/* a tab is made a space */
		CHECK_STR(sum.organisation, "Example");
		CHECK_INT(sum.tlp, TLP_RED);
		CHECK_INT(sum.pages, 1);
		report_summary_release(&sum);
	}
	buf_release(&plain);
	buf_release(&packed);
}

static void test_a_pdf_without_information_gives_none(void)
{
	struct buf path = BUF_INIT;
	struct report_summary sum;

	CHECK_INT(run("python3 tests/data/mail/mkpdf.py %s%s", in_tmp(&path, "bare.pdf"), ""), 0);
	CHECK_INT(mail_read_briefing(path.buf, &sum), 0);
	CHECK_NULL(sum.title);
	CHECK_NULL(sum.narrative);
	CHECK_NULL(sum.organisation);
	CHECK_INT(sum.has_tlp, 0);
	report_summary_release(&sum);
	buf_release(&path);
}

static void test_two_labels_or_no_pdf_are_refused(void)
{
	struct buf path = BUF_INIT;
	struct report_summary sum;

	make_libharu(in_tmp(&path, "two.pdf"), "TLP:RED, TLP:GREEN");
	fputs("# expect three error messages:\n", stderr);
	CHECK_INT(mail_read_briefing(path.buf, &sum), -1);
	CHECK_NULL(sum.path);
	CHECK_NULL(sum.title);
	CHECK_INT(write_file_atomic(in_tmp(&path, "text.pdf"), "%PDF-1.4 not really\n", 20), 0);
	CHECK_INT(mail_read_briefing(path.buf, &sum), -1);
	CHECK_INT(mail_read_briefing(in_tmp(&path, "missing.pdf"), &sum), -1);
	buf_release(&path);
}

int main(void)
{
	test_run("a libharu briefing reads back whole", test_a_libharu_briefing_reads_back_whole);
	test_run("a cairo PDF gives its title and label", test_a_cairo_pdf_gives_its_title_and_label);
	test_run("a generated PDF, and the same in object streams, reads back",
		 test_a_generated_pdf_in_object_streams_reads_back);
	test_run("a PDF without information gives none", test_a_pdf_without_information_gives_none);
	test_run("two labels, or a file that is no PDF, are refused",
		 test_two_labels_or_no_pdf_are_refused);
	cairo_debug_reset_static_data();
	return test_done();
}
