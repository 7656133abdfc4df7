#ifndef MAIL_PDFINFO_H
#define MAIL_PDFINFO_H

/*
 * The key figures of a briefing, read back from its PDF's document
 * information dictionary: Title ("Cyber incident briefing, April 2024"),
 * Subject (the one-paragraph narrative), Keywords (holding the TLP
 * label, "TLP:AMBER") and Author (the issuing organisation). The report writes them with libharu's
 * HPDF_SetInfoAttr(); libharu writes the dictionary as a plain,
 * uncompressed object, with literal strings ("(April \050x\051)") or, under
 * its UTF-8 encoder, hex strings of UTF-16BE with a byte order mark.
 *
 * This is not a PDF parser. It finds the last "/Info N G R" in the file
 * (the trailer, or a cross-reference stream's dictionary in PDF 1.5), then
 * the last "N G obj" (so an incremental update wins), and reads the
 * dictionary there: literal strings with every escape, hex strings, and
 * skips other values. Limits: the dictionary must be within 64 KiB of its
 * "obj", nest at most 16 deep, and be written "N G obj" with single
 * spaces; an Info dictionary inside a compressed object stream is not
 * found. Anything else is "not found", never an error: the caller decides
 * what to do without the figures.
 *
 * Text strings are returned as UTF-8: UTF-16BE (with BOM) and UTF-8 (with
 * BOM, PDF 2.0) are converted, a string that is valid UTF-8 is kept as it is
 * (libharu without an encoder writes the bytes it was given), anything else
 * is read as PDFDocEncoding. Control characters other than line feed and tab
 * become spaces; an invalid UTF-16 sequence becomes U+FFFD.
 */

#include <stddef.h>

struct pdf_info {
	char *title, *subject, *keywords;	/* UTF-8, or NULL when absent */
	char *author;				/* the issuing organisation, or NULL */
};

void pdf_info_init(struct pdf_info *info);
void pdf_info_release(struct pdf_info *info);

/*
 * Reads the information dictionary of the `len` bytes of a PDF file into an
 * initialised `info`. Returns 1 when the dictionary was found (any of the
 * four may still be NULL), 0 when it was not (all NULL). Never reports.
 */
int pdf_info_read(struct pdf_info *info, const unsigned char *pdf, size_t len);

/*
 * The TLP label in a Keywords string: "TLP:" (any case) followed by a level
 * that tlp_parse() knows (report/tlp.h), delimited by anything but a
 * letter, '+' or ':'. Returns the level (enum tlp); -1 when there is none;
 * -2 when two different levels are named (the caller must not guess).
 * `keywords` may be NULL.
 */
int pdf_info_tlp(const char *keywords);

#endif
