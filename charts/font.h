#ifndef CHARTS_FONT_H
#define CHARTS_FONT_H

/*
 * The one typeface of every chart: DejaVu Sans (Debian: fonts-dejavu-core),
 * found through fontconfig and drawn through cairo's FreeType backend.
 *
 * Why not cairo's toy API with the family "DejaVu Sans": fontconfig would
 * silently substitute another font where DejaVu is missing, and the
 * rendering options (hinting, subpixel order, antialiasing) would come from
 * the user's fontconfig files. Here fontconfig only locates the file; the
 * face is made from a pattern that holds nothing but that file, and the
 * rendering options are fixed by font_options() (grey antialiasing, no
 * hinting, unhinted metrics). Text widths then scale exactly with the size,
 * so a chart has the same layout in PNG at any resolution, in SVG and in
 * PDF, and the same pixels on every machine with the same DejaVu release.
 *
 * Faces are cached for the life of the process (not thread-safe) until
 * font_release().
 */

#include <cairo.h>

enum font_style {
	FONT_REGULAR,
	FONT_BOLD,
};

/*
 * Returns the face for `style`, owned by this module. On the first failure
 * reports once, with error(), that DejaVu Sans was not found, and returns
 * NULL then and after.
 */
cairo_font_face_t *font_face(enum font_style style);

/* Sets the fixed rendering options on `cr`. */
void font_options(cairo_t *cr);

/* Drops the cached faces (for leak checkers); they are loaded again on use. */
void font_release(void);

#endif
