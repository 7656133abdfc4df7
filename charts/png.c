#include "png.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "../util/scratch.h"
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

/* The colour of pixel x of a row, without cairo's unused top byte. */
static uint32_t pixel(const unsigned char *row, int x)
{
	uint32_t p;

	memcpy(&p, row + 4 * (size_t)x, 4);
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

static void put32(unsigned char *b, uint32_t v)
{
	b[0] = (unsigned char)(v >> 24);
	b[1] = (unsigned char)(v >> 16);
	b[2] = (unsigned char)(v >> 8);
	b[3] = (unsigned char)v;
}

/* Appends a chunk: length, type, data, CRC of type and data. */
static void chunk(struct buf *out, const char *type, const void *data, size_t n)
{
	unsigned char be[4];
	size_t at;

	put32(be, (uint32_t)n);
	buf_add(out, be, 4);
	at = out->len;
	buf_add(out, type, 4);
	buf_add(out, data, n);
	put32(be, (uint32_t)libdeflate_crc32(0, out->buf + at, n + 4));
	buf_add(out, be, 4);
}

/*
 * Appends the PNG of the w x h image whose rows are at `rows`, each a
 * filter byte (0, none) and w palette indices, with palette pal[0..np).
 * Returns 0, or -1 with a message when libdeflate fails (png_encode()
 * then cuts `out`).
 */
/* Kept from image to image: see png_release(). */
static struct scratch indices = SCRATCH_INIT;
static struct libdeflate_compressor *compressor;

void png_release(void)
{
	scratch_release(&indices);
	libdeflate_free_compressor(compressor);
	compressor = NULL;
}

static int write_png(struct buf *out, const unsigned char *rows, int w, int h,
		     const uint32_t *pal, int np, double dpi)
{
	struct libdeflate_compressor *z = compressor ? compressor
						     : (compressor = libdeflate_alloc_compressor(PNG_LEVEL));
	unsigned char ihdr[13], phys[9], plte[3 * 256];
	size_t n = (size_t)h * ((size_t)w + 1), bound;
	unsigned char *packed;

	if (!z)
		return error("png: libdeflate is out of memory");
	put32(ihdr, (uint32_t)w);
	put32(ihdr + 4, (uint32_t)h);
	/* 8 bits an index, palette, deflate, adaptive filters, no interlace */
	memcpy(ihdr + 8, "\x08\x03\x00\x00\x00", 5);
	buf_add(out, "\x89PNG\r\n\x1a\n", 8);
	chunk(out, "IHDR", ihdr, sizeof(ihdr));
	if (dpi > 0) {
		uint32_t ppm = (uint32_t)lround(dpi / 0.0254);

		put32(phys, ppm);
		put32(phys + 4, ppm);
		phys[8] = 1;	/* the unit is the metre */
		chunk(out, "pHYs", phys, sizeof(phys));
	}
	for (int i = 0; i < np; i++) {
		plte[3 * i] = (unsigned char)(pal[i] >> 16);
		plte[3 * i + 1] = (unsigned char)(pal[i] >> 8);
		plte[3 * i + 2] = (unsigned char)pal[i];
	}
	chunk(out, "PLTE", plte, 3 * (size_t)np);
	/* No tIME chunk: the same image must give the same bytes. */
	bound = libdeflate_zlib_compress_bound(z, n);
	packed = xmalloc(bound);
	n = libdeflate_zlib_compress(z, rows, n, packed, bound);
	if (n) {
		chunk(out, "IDAT", packed, n);
		chunk(out, "IEND", "", 0);
	}
	free(packed);
	return n ? 0 : error("png: libdeflate cannot compress the image");
}

/*
 * Rows are walked 64 pixels at a time with two masks: bit i of `left` is
 * set when pixel i repeats the pixel on its left, of `up` when it repeats
 * the pixel above. A run of one colour starts at each clear bit of `left`;
 * its area pixels are the bits set in both. SSE2 compares four pixels at
 * a time (a third of the palette pass's instructions are these compares).
 */
#define BLOCK 64

/* Bits from..to-1 (0 <= from <= to <= 64). */
static uint64_t bits(int from, int to)
{
	uint64_t below_to = to == BLOCK ? ~(uint64_t)0 : ((uint64_t)1 << to) - 1;

	return below_to & ~(((uint64_t)1 << from) - 1);
}

/* Bit i set when pixel i of `a` is pixel i of `b`, for n <= 64 pixels. */
static uint64_t equal_mask(const unsigned char *a, const unsigned char *b, int n)
{
	uint64_t m = 0;
	int i = 0;

#ifdef __SSE2__
	const __m128i rgb = _mm_set1_epi32(0xffffff);

	for (; i + 4 <= n; i += 4) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(a + 4 * (size_t)i));
		__m128i y = _mm_loadu_si128((const __m128i *)(const void *)(b + 4 * (size_t)i));
		__m128i eq = _mm_cmpeq_epi32(_mm_and_si128(_mm_xor_si128(x, y), rgb),
					     _mm_setzero_si128());

		m |= (uint64_t)_mm_movemask_ps(_mm_castsi128_ps(eq)) << i;
	}
#endif
	for (; i < n; i++)
		m |= (uint64_t)(pixel(a, i) == pixel(b, i)) << i;
	return m;
}

/*
 * Bit i set when pixel x + i repeats pixel x + i - 1, for the n pixels
 * from x; pixel 0 repeats nothing.
 */
static uint64_t left_mask(const unsigned char *row, int x, int n)
{
	if (x > 0)
		return equal_mask(row + 4 * (size_t)x, row + 4 * (size_t)x - 4, n);
	return n > 1 ? equal_mask(row + 4, row, n - 1) << 1 : 0;
}

/*
 * Counts the colours of one row into the histogram, run by run: a run of
 * one colour adds its length to the count and, for every pixel after its
 * first (whose left neighbour is the same colour), one to the area when
 * the pixel above is the same colour too. `up` is the row above, or NULL
 * on the first row; `same` says the row is the same bytes as `up`, when
 * every pixel's upper neighbour is its own colour.
 */
static void count_row(struct hist *hi, const unsigned char *row, const unsigned char *up, int w,
		      int same)
{
	struct entry *e = NULL;
	int start = 0;

	for (int x = 0; x < w; x += BLOCK) {
		int n = w - x < BLOCK ? w - x : BLOCK, from = 0;
		uint64_t left = left_mask(row, x, n);
		uint64_t area = left & (same ? ~(uint64_t)0 : up ? equal_mask(row + 4 * (size_t)x,
									      up + 4 * (size_t)x, n) : 0);
		uint64_t starts = ~left & bits(0, n);

		/* The entry is used before the next hist_get(), which may move it. */
		while (starts) {
			int s = __builtin_ctzll(starts);

			if (e) {
				e->area += (uint32_t)__builtin_popcountll(area & bits(from, s));
				e->count += (uint32_t)(x + s - start);
			}
			e = hist_get(hi, pixel(row, x + s));
			start = x + s;
			from = s;
			starts &= starts - 1;
		}
		e->area += (uint32_t)__builtin_popcountll(area & bits(from, n));
	}
	e->count += (uint32_t)(w - start);
}

/* Writes one row's palette indices; a run of one colour is looked up once. */
static void index_row(const struct hist *hi, const unsigned char *row, int w, unsigned char *out)
{
	int start = 0;
	unsigned char index = 0;

	for (int x = 0; x < w; x += BLOCK) {
		int n = w - x < BLOCK ? w - x : BLOCK;
		uint64_t starts = ~left_mask(row, x, n) & bits(0, n);

		while (starts) {
			int s = __builtin_ctzll(starts);

			memset(out + start, index, (size_t)(x + s - start));
			index = (unsigned char)hi->v[slot(hi, pixel(row, x + s))].index;
			start = x + s;
			starts &= starts - 1;
		}
	}
	memset(out + start, index, (size_t)(w - start));
}

int png_encode(struct buf *out, const unsigned char *data, int w, int h, int stride, double dpi)
{
	struct hist hi = { NULL, 1023, 0 };
	uint32_t pal[256];
	unsigned char *idx, *same;
	size_t keep = out->len;
	int np, ret;

	if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE)
		return error("png: image of %dx%d pixels", w, h);
	hist_grow(&hi);
	/*
	 * Charts are mostly rows that repeat the row above (margins, bars,
	 * the inside of a legend's box): found with one memcmp() each, such
	 * a row counts without looking at its upper neighbours and takes the
	 * indices of the row above.
	 */
	same = xcalloc((size_t)h, 1);
	for (int y = 0; y < h; y++) {
		const unsigned char *row = data + (size_t)y * (size_t)stride;

		same[y] = y > 0 && !memcmp(row, row - stride, 4 * (size_t)w);
		count_row(&hi, row, y > 0 ? row - stride : NULL, w, same[y]);
	}
	np = make_palette(&hi, pal);

	/* A row is its filter byte, 0 (none), and one palette index a pixel. */
	idx = scratch_get(&indices, (size_t)h * ((size_t)w + 1));
	for (int y = 0; y < h; y++) {
		unsigned char *row = idx + (size_t)y * ((size_t)w + 1);

		row[0] = 0;
		if (same[y])
			memcpy(row + 1, row - w, (size_t)w);
		else
			index_row(&hi, data + (size_t)y * (size_t)stride, w, row + 1);
	}
	ret = write_png(out, idx, w, h, pal, np, dpi);
	free(hi.v);
	free(same);
	if (ret < 0)
		buf_setlen(out, keep);
	return ret;
}
