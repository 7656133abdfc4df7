#ifndef CHARTS_PNG_H
#define CHARTS_PNG_H

/*
 * A PNG encoder for chart images, used instead of cairo's own writer.
 *
 * Why: cairo writes 24-bit RGB at libpng's default settings. A chart is a
 * few flat colours plus the antialiased edges between them, which an
 * 8-bit palette holds with one byte a pixel instead of three; that makes a
 * 170 x 90 mm chart at 300 dpi two to three times smaller (measured: 100 KB
 * to 40 KB for a bar chart). The file also records its resolution (pHYs),
 * so that it prints at the size it was drawn, and has no time stamp
 * (tIME), so that the same image always gives the same bytes.
 *
 * The palette is chosen here, and the file written here too: palette
 * colour type, 8 bits an index, no filters, compressed with libdeflate at
 * PNG_LEVEL. No filters also makes the image data what a PDF reader
 * decodes as an indexed image with the PNG predictor, so report/ passes it
 * into the briefing as it is (report/pdf.h, pdf_png()).
 *
 * Colours: with at most 256 distinct colours the image is stored exactly.
 * With more (antialiased lines crossing several fills, as on the map) it
 * gets a palette of 128 (png.c says why), chosen as follows: first the
 * colours that fill areas (a pixel equal to its left and upper neighbours
 * counts as area), most used first, then the most used of the rest; every
 * other colour becomes the nearest palette colour. Flat fills, so the
 * colours that carry meaning, stay exact; only edge pixels may move to a
 * neighbouring shade.
 */

#include "../util/buf.h"

/*
 * libdeflate's level. Measured on the seven charts of the VCDB briefing of
 * June 2013 at 300 dpi (13 M pixels; CPU time of one core): libdeflate 6
 * gives 239 KB in 24 ms; zlib (libpng's) 6 gave 246 KB in 53 ms and 7
 * 244 KB in 62 ms. libdeflate 5 gives 241 KB in 22 ms, 7 237 KB in 31 ms,
 * 9 233 KB in 102 ms; 1 to 4 give 250-255 KB in 20-37 ms. PNG filters
 * make most charts 10-37% larger.
 */
#define PNG_LEVEL 6

/*
 * Appends a PNG of the w x h image at `data` (rows `stride` bytes apart,
 * pixels as cairo's CAIRO_FORMAT_RGB24: native-endian 32-bit 0x00RRGGBB)
 * to `out`, recording `dpi` (0 for none). Returns 0, or -1 with a message
 * (the image is empty or too large, or libdeflate failed), leaving `out`
 * as it was. `data` is only read.
 */
int png_encode(struct buf *out, const unsigned char *data, int w, int h, int stride, double dpi);

/*
 * png_encode() keeps its working memory (the palette indices, util/
 * scratch.h, and libdeflate's compressor) from image to image, so it is not
 * thread-safe; this lets it go. Images can be encoded after.
 */
void png_release(void);

#endif
