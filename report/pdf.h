#ifndef REPORT_PDF_H
#define REPORT_PDF_H

/*
 * The PDF writer of the briefing, over libharu: an A4 document with DejaVu
 * Sans and DejaVu Sans Bold embedded (found through fontconfig, UTF-8 text
 * through libharu's UTF-8 encoder), pages drawn in points from the top left
 * corner, PNG images, links, an outline, metadata and attached files.
 *
 * Errors: libharu's error handler records the first error in the struct
 * (it never longjmps); drawing calls return nothing and a failed call
 * leaves the document unusable, so callers check with pdf_check() at the
 * end of each phase, which reports the error with the phase's name.
 *
 * Output is a pure function of the calls made: libharu writes no document
 * ID or date unless told (pdf_dates()), and font subsets get fixed tags.
 */

#include <stddef.h>
#include <time.h>
#include <hpdf.h>

#include "../charts/palette.h"
#include "../util/buf.h"
#include "../util/util.h"

#define PDF_A4_WIDTH 595.276
#define PDF_A4_HEIGHT 841.89
#define PDF_MM (72.0 / 25.4)

enum pdf_font {
	PDF_REGULAR,
	PDF_BOLD,
};

struct pdf {
	HPDF_Doc doc;
	HPDF_Font fonts[2];
	HPDF_Page *pages;
	size_t pages_nr, pages_alloc;
	HPDF_STATUS status, detail;	/* the first libharu error, 0 when none */
	unsigned char *used[2];		/* per font, a bit per UTF-16 code drawn */
};

/*
 * Creates the document and loads the fonts. Returns 0, or -1 with a
 * message (DejaVu Sans not found, libharu failed); `p` is then released.
 */
int pdf_open(struct pdf *p);
void pdf_close(struct pdf *p);

/*
 * Returns -1 with a message "pdf: <phase>: libharu error 0x...." when
 * libharu reported an error since the document was opened; 0 otherwise.
 */
int pdf_check(struct pdf *p, const char *phase);

/* The width of UTF-8 `s` in points at `size`. */
double pdf_width(struct pdf *p, enum pdf_font f, double size, const char *s);

/*
 * Appends to `lines` the lines of `s` wrapped to `width` points: breaks at
 * spaces and at newlines; a word longer than a line is broken where it
 * must. Returns the number of lines added (at least 1).
 */
size_t pdf_wrap(struct pdf *p, enum pdf_font f, double size, const char *s, double width,
		struct strlist *lines);

/* Appends `s` to `out`, shortened with "…" when wider than `width`. */
void pdf_fit(struct pdf *p, enum pdf_font f, double size, const char *s, double width,
	     struct buf *out);

/* Adds `n` A4 pages. Pages are numbered from 0 in the calls below. */
void pdf_add_pages(struct pdf *p, size_t n);

/* Text with its baseline at y (from the top of the page). */
void pdf_text(struct pdf *p, size_t page, enum pdf_font f, double size, struct rgb colour,
	      double x, double baseline, const char *s);
void pdf_rect(struct pdf *p, size_t page, struct rgb fill, double x, double y, double w, double h);
void pdf_hline(struct pdf *p, size_t page, struct rgb colour, double width, double x0, double x1,
	       double y);

/* Draws the PNG in `png` into the box; -1 with a message when libharu cannot read it. */
int pdf_png(struct pdf *p, size_t page, const struct buf *png, double x, double y, double w,
	    double h);

/* A clickable area opening `uri`. */
void pdf_link(struct pdf *p, size_t page, double x, double y, double w, double h, const char *uri);

/* A top-level outline entry (bookmark) going to `y` on `page`. */
void pdf_outline(struct pdf *p, const char *title, size_t page, double y);

/* The document information dictionary; NULL values are left out. */
void pdf_info(struct pdf *p, const char *title, const char *subject, const char *author,
	      const char *creator, const char *keywords);
/* Creation and modification dates, UTC. */
void pdf_dates(struct pdf *p, time_t when);

/*
 * Attaches `len` bytes as the file `name` (an embedded file in the
 * document's name tree, as pdfdetach lists them), with a description.
 * Files must be attached in the order of their names.
 */
int pdf_attach(struct pdf *p, const char *name, const char *mime, const char *description,
	       const void *data, size_t len);

/* Writes the document to `out`. 0, or -1 with a message. */
int pdf_save(struct pdf *p, struct buf *out);

#endif
