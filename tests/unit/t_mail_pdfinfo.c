/* Reading a briefing's Title, Subject and Keywords back from its PDF. */
#include "test.h"

#include <hpdf.h>
#include <stdlib.h>

#include "../../mail/pdfinfo.h"
#include "util/tlp.h"
#include "../../util/buf.h"
#include "../../util/util.h"

static void hpdf_error(HPDF_STATUS e, HPDF_STATUS detail, void *arg)
{
	(void)arg;
	test_fail(__FILE__, __LINE__, "libharu error 0x%04lx (%lu)", (unsigned long)e,
		  (unsigned long)detail);
}

/*
 * A one-page PDF made by libharu as the report makes it, into `out`. With
 * `utf8`, libharu's UTF-8 encoder is current (hex UTF-16BE strings);
 * without, strings are written as given (literal strings).
 */
static void make_pdf(struct buf *out, int utf8, const char *title, const char *subject,
		     const char *keywords)
{
	HPDF_Doc pdf = HPDF_New(hpdf_error, NULL);
	HPDF_UINT32 size;

	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	if (utf8) {
		HPDF_UseUTFEncodings(pdf);
		HPDF_SetCurrentEncoder(pdf, "UTF-8");
	}
	HPDF_AddPage(pdf);
	if (title)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, title);
	if (subject)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, subject);
	if (keywords)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, keywords);
	HPDF_SaveToStream(pdf);
	size = HPDF_GetStreamSize(pdf);
	buf_grow(out, size);
	HPDF_ReadFromStream(pdf, (HPDF_BYTE *)out->buf + out->len, &size);
	out->len += size;
	out->buf[out->len] = '\0';
	HPDF_Free(pdf);
}

static int read_info(struct pdf_info *info, const struct buf *pdf)
{
	return pdf_info_read(info, (const unsigned char *)pdf->buf, pdf->len);
}

static const char title[] = "Cyberincidenten, april 2024 — Liège";
static const char subject[] = "19 incidents in April 2024 (9 more than in March), not a "
			      "significant change; 79% hit public bodies \\ 95% CI 57–91%";

static void test_libharu_utf8_strings(void)
{
	struct buf pdf = BUF_INIT;
	struct pdf_info info;

	make_pdf(&pdf, 1, title, subject, "TLP:AMBER+STRICT, incidents");
	CHECK(strstr(pdf.buf, "/Title <FEFF") != NULL);	/* what libharu writes */
	CHECK_INT(read_info(&info, &pdf), 1);
	CHECK_STR(info.title, title);
	CHECK_STR(info.subject, subject);
	CHECK_STR(info.keywords, "TLP:AMBER+STRICT, incidents");
	CHECK_INT(pdf_info_tlp(info.keywords), TLP_AMBER_STRICT);
	pdf_info_release(&info);
	buf_release(&pdf);
}

static void test_libharu_literal_strings(void)
{
	struct buf pdf = BUF_INIT;
	struct pdf_info info;

	make_pdf(&pdf, 0, "Cyber incident briefing (April 2024)", subject, "TLP:RED");
	CHECK(strstr(pdf.buf, "/Title (Cyber incident briefing \\050April 2024\\051)") != NULL);
	CHECK_INT(read_info(&info, &pdf), 1);
	CHECK_STR(info.title, "Cyber incident briefing (April 2024)");
	CHECK_STR(info.subject, subject);
	CHECK_INT(pdf_info_tlp(info.keywords), TLP_RED);
	pdf_info_release(&info);
	buf_release(&pdf);
}

static void test_no_information(void)
{
	struct buf pdf = BUF_INIT;
	struct pdf_info info;

	make_pdf(&pdf, 0, NULL, NULL, NULL);
	/* libharu always writes /Producer, so there is a dictionary without our keys. */
	CHECK_INT(read_info(&info, &pdf), 1);
	CHECK_NULL(info.title);
	CHECK_NULL(info.subject);
	CHECK_NULL(info.keywords);
	CHECK_INT(pdf_info_tlp(info.keywords), -1);
	pdf_info_release(&info);
	CHECK_INT(pdf_info_read(&info, (const unsigned char *)"%PDF-1.4\n%%EOF\n", 15), 0);
	CHECK_NULL(info.title);
	buf_release(&pdf);
}

/* A hand-written PDF around `objects`, with the trailer naming `info`. */
static void hand_pdf(struct buf *out, const char *objects, const char *trailer)
{
	buf_reset(out);
	buf_addf(out, "%%PDF-1.4\n%s\ntrailer\n<< /Size 20 /Root 1 0 R %s >>\nstartxref\n0\n%%%%EOF\n",
		 objects, trailer);
}

static void test_escapes_and_encodings(void)
{
	struct buf pdf = BUF_INIT;
	struct pdf_info info;

	hand_pdf(&pdf,
		 "13 0 obj\n<< /Title (wrong object) >>\nendobj\n"
		 "3 0 obj\n<<\n/Title (a \\(nested (paren)\\) \\\\ \\101\\102C \\7x and\\\n"
		 " continued\\n) % a comment\n"
		 "/Subject (line one\r\nline two \x80 caf\xe9 \xa0)\n"
		 "/Creator [ (x) << /A (y) >> 1 2 R /Name ]\n"
		 "/Author (Example CERT)\n"
		 "/Keywords <FEFF0054004C0050003A0047005200450045004E0020D83DDE00 DC00>\n"
		 ">>\nendobj\n",
		 "/Info 3 0 R");
	CHECK_INT(read_info(&info, &pdf), 1);
	CHECK_STR(info.title, "a (nested (paren)) \\ ABC  x and continued\n");
	CHECK_STR(info.subject, "line one\nline two \xe2\x80\xa2 caf\xc3\xa9 \xe2\x82\xac");
	CHECK_STR(info.keywords, "TLP:GREEN \xf0\x9f\x98\x80\xef\xbf\xbd");
	CHECK_STR(info.author, "Example CERT");
	pdf_info_release(&info);
	buf_release(&pdf);
}

static void test_control_characters_become_spaces(void)
{
	struct buf pdf = BUF_INIT;
	struct pdf_info info;

	hand_pdf(&pdf, "3 0 obj << /Title (a\\rb\\033c\\000d\\te) >> endobj", "/Info 3 0 R");
	CHECK_INT(read_info(&info, &pdf), 1);
	CHECK_STR(info.title, "a b c d\te");
	pdf_info_release(&info);
	buf_release(&pdf);
}

static void test_incremental_update_wins(void)
{
	struct buf pdf = BUF_INIT;
	struct pdf_info info;

	hand_pdf(&pdf, "3 0 obj << /Title (old) >> endobj\n"
		 "trailer << /Info 3 0 R >>\n"
		 "7 0 obj << /Title <EFBBBF6E6577> /Subject (s) >> endobj\n"
		 "% /InfoX 9 0 R is not the key\n", "/Info 7 0 R /InfoX 9 0 R");
	CHECK_INT(read_info(&info, &pdf), 1);
	CHECK_STR(info.title, "new");
	CHECK_STR(info.subject, "s");
	pdf_info_release(&info);
	buf_release(&pdf);
}

static void test_bad_dictionaries_are_not_found(void)
{
	static const char *objects[] = {
		"3 0 obj << /Title (unclosed >> endobj",
		"3 0 obj << /Title <4142 zz> >> endobj",
		"3 0 obj (not a dictionary) endobj",
		"3 0 obj << /Title [[[[[[[[[[[[[[[[[[[[[[[[ ]]]]]]]]]]]]]]]]]]]]]]]] >> endobj",
		"4 0 obj << /Title (other object) >> endobj",
	};
	struct buf pdf = BUF_INIT;

	for (size_t i = 0; i < ARRAY_SIZE(objects); i++) {
		struct pdf_info info;

		hand_pdf(&pdf, objects[i], "/Info 3 0 R");
		if (read_info(&info, &pdf) != 0)
			test_fail(__FILE__, __LINE__, "found a dictionary in '%s'", objects[i]);
		CHECK_NULL(info.title);
		pdf_info_release(&info);
	}
	buf_release(&pdf);
}

static void test_every_truncation_is_safe(void)
{
	struct buf pdf = BUF_INIT;
	size_t found = 0;

	make_pdf(&pdf, 1, title, subject, "TLP:AMBER");
	for (size_t n = 0; n <= pdf.len; n++) {
		struct pdf_info info;
		/* A copy of exactly n bytes, so that a read past it is caught. */
		unsigned char *copy = xmalloc(n);

		memcpy(copy, pdf.buf, n);
		found += (size_t)pdf_info_read(&info, copy, n);
		if (info.title)
			CHECK_STR(info.title, title);
		pdf_info_release(&info);
		free(copy);
	}
	CHECK(found > 0);
	buf_release(&pdf);
}

static void test_tlp_from_keywords(void)
{
	CHECK_INT(pdf_info_tlp("TLP:AMBER"), TLP_AMBER);
	CHECK_INT(pdf_info_tlp("incidents, tlp:red, Europe"), TLP_RED);
	CHECK_INT(pdf_info_tlp("TLP:AMBER+STRICT"), TLP_AMBER_STRICT);
	CHECK_INT(pdf_info_tlp("TLP:WHITE"), TLP_CLEAR);
	CHECK_INT(pdf_info_tlp("TLP:CLEAR;briefing"), TLP_CLEAR);
	CHECK_INT(pdf_info_tlp("TLP:RED TLP:RED"), TLP_RED);
	CHECK_INT(pdf_info_tlp("TLP:RED, TLP:GREEN"), -2);
	CHECK_INT(pdf_info_tlp("NOTLP:RED"), -1);
	CHECK_INT(pdf_info_tlp("TLP:AMBERISH"), -1);
	CHECK_INT(pdf_info_tlp("TLP:"), -1);
	CHECK_INT(pdf_info_tlp("TLP:RED:x"), -1);
	CHECK_INT(pdf_info_tlp(""), -1);
	CHECK_INT(pdf_info_tlp(NULL), -1);
}

int main(void)
{
	test_run("libharu's UTF-16BE hex strings read back as UTF-8", test_libharu_utf8_strings);
	test_run("libharu's literal strings read back with their escapes undone",
		 test_libharu_literal_strings);
	test_run("a PDF without our keys, or without a dictionary, gives none",
		 test_no_information);
	test_run("escapes, comments, skipped values, PDFDocEncoding and surrogates",
		 test_escapes_and_encodings);
	test_run("control characters in a string become spaces",
		 test_control_characters_become_spaces);
	test_run("the last /Info and the last object win, as in an incremental update",
		 test_incremental_update_wins);
	test_run("broken or deep dictionaries are not found, without a crash",
		 test_bad_dictionaries_are_not_found);
	test_run("every truncation of a PDF reads safely", test_every_truncation_is_safe);
	test_run("the TLP label is read from the keywords, and two labels are refused",
		 test_tlp_from_keywords);
	return test_done();
}
