#ifndef REPORT_PDFFONT_H
#define REPORT_PDFFONT_H

/*
 * Smaller embedded fonts for libharu 2.3 (report/pdf.c's helper).
 *
 * libharu embeds a TrueType font used through its UTF-8 encoder with, for
 * each of DejaVu Sans's 6,000 glyphs, a width in /W (24 KB of plain text),
 * a CIDToGIDMap of every code up to U+FFFF (10 KB), and a font program
 * whose glyph outlines are subset but whose glyph names (post), names,
 * character map and metrics are whole (57 KB). That is 90 KB a face, more
 * than three charts; the briefing's size budget is 400 KB. libharu also
 * gives the font an /Encoding CMap that poppler warns about and no
 * /ToUnicode.
 *
 * pdffont_trim() rewrites those objects in place, before the document is
 * saved, for the characters actually drawn: /W and the CIDToGIDMap list
 * only them, /Encoding becomes the predefined Identity-H (libharu's codes
 * are the UTF-16 code units, which are the CIDs), a /ToUnicode CMap maps
 * each back, and the font program keeps only the tables PDF requires of
 * a CIDFontType2 program (ISO 32000-1, 9.9: cvt, fpgm, glyf, head, hhea,
 * hmtx, loca, maxp, prep; OS/2 is kept as it is small) with the metrics of
 * glyphs without outlines zeroed. Text extraction, copying and rendering
 * are unchanged; 90 KB becomes about 15.
 *
 * It relies on libharu's object API and record layouts (hpdf_font.h,
 * hpdf_objects.h), which 2.3 and 2.4 share.
 */

#include <hpdf.h>

/*
 * HPDF_GetFont(doc, name, "UTF-8") for a TrueType font loaded with
 * HPDF_LoadTTFontFromFile(), without its cost. libharu looks up the glyph
 * of every code U+0000..U+FFFF (a linear search of DejaVu Sans's 193
 * character map segments each) to fill a /W array and a CIDToGIDMap of the whole
 * range: 70 M instructions and 2 MB of small allocations a face, a sixth
 * of a briefing. pdffont_trim() replaces both with the characters drawn,
 * so this hides all codes but one from libharu while it makes the font.
 * Returns the font, or NULL (libharu's error is recorded in the document).
 */
HPDF_Font pdffont_get(HPDF_Doc doc, const char *name);

/*
 * Trims `font` (from pdffont_get() or HPDF_GetFont() with a TrueType font and the UTF-8
 * encoder) to the characters whose bits are set in `used` (a bit per
 * code U+0000..U+FFFF). Returns 0, or -1 with a message; the document is
 * then unusable.
 */
int pdffont_trim(HPDF_Doc doc, HPDF_Font font, const unsigned char *used);

/*
 * Keeps only the tables listed above of the TrueType font in `len` bytes
 * at `ttf`, zeroing the horizontal metrics of glyphs with no outline.
 * Returns a new buffer the caller frees and sets *out_len, or NULL when
 * `ttf` is not a TrueType font this understands. For tests.
 */
unsigned char *pdffont_trim_ttf(const unsigned char *ttf, size_t len, size_t *out_len);

#endif
