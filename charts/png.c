#include "png.h"

#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "../util/util.h"
#include "../util/banned.h"

#define MAX_SIDE 32767
#define EMPTY UINT32_MAX
/*
 * Palette size when an image has more than 256 colours. Fewer entries mean
 * fewer shades on antialiased edges and a smaller file: the map at 300 dpi
 * takes 86 KB with 256, 75 KB with 128 and 66 KB with 64, and 128 leaves
 * edges and text looking the same at 100% zoom.
 */
#define QUANTIZED 128

/*
 * Colour histogram: open addressing on 0x00RRGGBB keys. `area` counts the
 * pixels that repeat their left and upper neighbours; `index` is the palette
 * entry the colour is written as.
 */
struct entry {
	uint32_t rgb;
	uint32_t count, area;
	uint32_t index;
};

struct hist {
	struct entry *v;
	size_t mask, nr;
};

static size_t slot(const struct hist *h, uint32_t rgb)
{
	size_t i = (rgb * 2654435761u) & h->mask;

	while (h->v[i].rgb != EMPTY && h->v[i].rgb != rgb)
		i = (i + 1) & h->mask;
	return i;
}

static void hist_grow(struct hist *h)
{
	struct hist n = { NULL, h->mask * 2 + 1, 0 };

	n.v = xmalloc((n.mask + 1) * sizeof(*n.v));
	for (size_t i = 0; i <= n.mask; i++)
		n.v[i].rgb = EMPTY;
	for (size_t i = 0; h->v && i <= h->mask; i++)
		if (h->v[i].rgb != EMPTY)
			n.v[slot(&n, h->v[i].rgb)] = h->v[i];
	n.nr = h->nr;
	free(h->v);
	*h = n;
}

static struct entry *hist_get(struct hist *h, uint32_t rgb)
{
	size_t i;

	if (2 * (h->nr + 1) > h->mask + 1)
		hist_grow(h);
	i = slot(h, rgb);
	if (h->v[i].rgb == EMPTY) {
		h->v[i] = (struct entry){ rgb, 0, 0, 0 };
		h->nr++;
	}
	return &h->v[i];
}

static uint32_t pixel(const unsigned char *data, int stride, int x, int y)
{
	uint32_t p;

	memcpy(&p, data + (size_t)y * (size_t)stride + 4 * (size_t)x, 4);
	return p & 0xffffff;
}

/* Palette order: area colours first, by area; then by count; then by value. */
static int by_importance(const void *pa, const void *pb)
{
	const struct entry *a = *(const struct entry *const *)pa, *b = *(const struct entry *const *)pb;

	if ((a->area > 0) != (b->area > 0))
		return a->area > 0 ? -1 : 1;
	if (a->area != b->area)
		return a->area > b->area ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->rgb < b->rgb ? -1 : a->rgb > b->rgb;
}

static long dist2(uint32_t a, uint32_t b)
{
	long dr = (long)(a >> 16 & 0xff) - (long)(b >> 16 & 0xff);
	long dg = (long)(a >> 8 & 0xff) - (long)(b >> 8 & 0xff);
	long db = (long)(a & 0xff) - (long)(b & 0xff);

	/* Weighted for the eye's sensitivity (green most, blue least). */
	return 3 * dr * dr + 4 * dg * dg + 2 * db * db;
}

/*
 * Fills pal[] and sets every entry's index; returns the palette size. Area
 * colours go in first, as they are; the other slots are filled in passes
 * that take the most used colour not within `spread` of a colour already
 * chosen, the spread shrinking pass by pass, so that the shades of edges
 * (or of a gradient) are covered evenly rather than crowded at one end.
 */
static int make_palette(struct hist *h, uint32_t pal[256])
{
	static const long spread[] = { 9 * 64 * 64, 9 * 16 * 16, 9 * 4 * 4, 0 };
	struct entry **e = xmalloc(h->nr * sizeof(*e));
	size_t n = 0;
	int np = 0, max;

	for (size_t i = 0; i <= h->mask; i++)
		if (h->v[i].rgb != EMPTY)
			e[n++] = &h->v[i];
	qsort(e, n, sizeof(*e), by_importance);
	max = n <= 256 ? (int)n : QUANTIZED;
	for (size_t i = 0; i < n && np < max && e[i]->area; i++) {
		e[i]->index = (uint32_t)np;
		pal[np++] = e[i]->rgb;
	}
	for (size_t pass = 0; pass < sizeof(spread) / sizeof(spread[0]) && np < max; pass++) {
		for (size_t i = 0; i < n && np < max; i++) {
			int k, clear = 1;

			for (k = 0; k < np && clear; k++)
				if (pal[k] == e[i]->rgb || dist2(pal[k], e[i]->rgb) < spread[pass])
					clear = 0;
			if (clear) {
				e[i]->index = (uint32_t)np;
				pal[np++] = e[i]->rgb;
			}
		}
	}
	/* Every colour is written as its nearest palette colour (itself if there). */
	for (size_t i = 0; i < n; i++) {
		long best = -1;

		for (int k = 0; k < np && best != 0; k++) {
			long d = dist2(e[i]->rgb, pal[k]);

			if (best < 0 || d < best) {
				best = d;
				e[i]->index = (uint32_t)k;
			}
		}
	}
	free(e);
	return np;
}

/*
 * libpng reports an error by calling this, which must not return: it longjmps
 * back to the setjmp() in write_png(). The message is printed here, once.
 */
static void on_error(png_structp png, png_const_charp msg)
{
	error("png: libpng: %s", msg);
	png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	warning("png: libpng: %s", msg);
}

static void on_write(png_structp png, png_bytep data, size_t n)
{
	buf_add(png_get_io_ptr(png), data, n);
}

/* libpng's default flush would fflush() the io pointer as a FILE *. */
static void on_flush(png_structp png)
{
	(void)png;
}

/*
 * Appends the PNG of the w x h palette indices at `idx` (rows w bytes apart)
 * with palette pal[0..np) to `out`. Returns 0, or -1 with a message, after
 * which `out` may hold part of a file (png_encode() cuts it).
 *
 * The one exception to ibrief's rule that error handlers record and return,
 * never longjmp (STYLE.md, section 4): libpng has no other way to report an
 * error. Its error callback may not return, and libpng longjmps to the
 * caller's setjmp() whether the callback is ours or its default. To keep
 * that safe, setjmp() stays in this one function, after everything of ours
 * is set up; the variables read after a longjmp (png, info) are not changed
 * after it (C11 7.13.2.1 leaves changed ones indeterminate); from there on
 * only libpng allocates, and png_destroy_write_struct() frees it on both
 * paths. The buffers it reads are the caller's.
 */
static int write_png(struct buf *out, const unsigned char *idx, int w, int h,
		     const uint32_t *pal, int np, double dpi, int level)
{
	png_structp png = NULL;
	png_infop info = NULL;
	png_color plte[256];

	for (int i = 0; i < np; i++)
		plte[i] = (png_color){ pal[i] >> 16 & 0xff, pal[i] >> 8 & 0xff, pal[i] & 0xff };
	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, on_error, on_warning);
	if (png)
		info = png_create_info_struct(png);
	if (!info) {
		png_destroy_write_struct(&png, NULL);
		return error("png: libpng is out of memory");
	}
	if (setjmp(png_jmpbuf(png))) {
		/* on_error() has reported it. */
		png_destroy_write_struct(&png, &info);
		return -1;
	}
	png_set_write_fn(png, out, on_write, on_flush);
	/*
	 * zlib level 7; the rest is libpng's default for palette images: no
	 * filters, so zlib's default strategy, memLevel 8. Measured on the
	 * bench charts at 300 dpi (make bench): level 7 takes 13-18 ms a chart
	 * (the map 32) for 16-44 KB (the map 69); level 9 saves 5-15% of the
	 * bytes but takes 3-4 times as long, past the 20 ms a chart may take;
	 * filters make most charts 10-37% larger; Z_FILTERED or memLevel 9
	 * change less than 1%.
	 */
	png_set_compression_level(png, level);
	png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_PALETTE,
		     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_set_PLTE(png, info, plte, np);
	if (dpi > 0) {
		png_uint_32 ppm = (png_uint_32)lround(dpi / 0.0254);

		png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
	}
	/* No png_set_tIME(): the same image must give the same bytes. */
	png_write_info(png, info);
	for (int y = 0; y < h; y++)
		png_write_row(png, idx + (size_t)y * (size_t)w);
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	return 0;
}

int png_encode(struct buf *out, const unsigned char *data, int w, int h, int stride, double dpi,
	       int stored)
{
	struct hist hi = { NULL, 1023, 0 };
	uint32_t pal[256], last = EMPTY, last_index = 0;
	unsigned char *idx;
	size_t keep = out->len;
	int np, ret;

	if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE)
		return error("png: image of %dx%d pixels", w, h);
	hist_grow(&hi);
	for (int y = 0; y < h; y++) {
		struct entry *e = NULL;

		for (int x = 0; x < w; x++) {
			uint32_t p = pixel(data, stride, x, y);

			/* Within a run the entry stays put: nothing was inserted. */
			if (!e || e->rgb != p)
				e = hist_get(&hi, p);
			e->count++;
			if (x > 0 && y > 0 && pixel(data, stride, x - 1, y) == p &&
			    pixel(data, stride, x, y - 1) == p)
				e->area++;
		}
	}
	np = make_palette(&hi, pal);

	/* One palette index a pixel. */
	idx = xmalloc((size_t)h * (size_t)w);
	for (int y = 0; y < h; y++) {
		unsigned char *row = idx + (size_t)y * (size_t)w;

		for (int x = 0; x < w; x++) {
			uint32_t p = pixel(data, stride, x, y);

			if (p != last) {
				last = p;
				last_index = hi.v[slot(&hi, p)].index;
			}
			row[x] = (unsigned char)last_index;
		}
	}
	ret = write_png(out, idx, w, h, pal, np, dpi, stored ? 0 : 7);
	free(hi.v);
	free(idx);
	if (ret < 0)
		buf_setlen(out, keep);
	return ret;
}
