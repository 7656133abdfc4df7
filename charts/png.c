#include "png.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

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
 * zlib's level 9 with its match search cut from 4096 to 256 candidates: on
 * chart images level 9 proper spends 70 ms for 3% less than this, which
 * takes 15 ms (level 6 is as fast but 8% larger).
 */
static int deflate_all(const unsigned char *in, size_t n, unsigned char *out, uLongf *outn)
{
	z_stream zs;
	int r;

	memset(&zs, 0, sizeof(zs));
	if (deflateInit2(&zs, 9, Z_DEFLATED, 15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	deflateTune(&zs, 32, 258, 258, 256);
	zs.next_in = (Bytef *)(uintptr_t)in;
	zs.avail_in = (uInt)n;
	zs.next_out = out;
	zs.avail_out = (uInt)*outn;
	r = deflate(&zs, Z_FINISH);
	*outn = zs.total_out;
	deflateEnd(&zs);
	return r == Z_STREAM_END ? 0 : -1;
}

static void put32(struct buf *out, uint32_t v)
{
	unsigned char b[4] = { v >> 24, v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff };

	buf_add(out, b, 4);
}

static void chunk(struct buf *out, const char *type, const void *data, size_t len)
{
	uLong crc = crc32(0, (const Bytef *)type, 4);

	if (len)
		crc = crc32(crc, data, (uInt)len);
	put32(out, (uint32_t)len);
	buf_add(out, type, 4);
	if (len)
		buf_add(out, data, len);
	put32(out, (uint32_t)crc);
}

int png_encode(struct buf *out, const unsigned char *data, int w, int h, int stride, double dpi)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	struct hist hi = { NULL, 1023, 0 };
	uint32_t pal[256], last = EMPTY, last_index = 0;
	unsigned char ihdr[13], phys[9], plte[3 * 256], *raw = NULL, *z = NULL;
	size_t rawn, keep = out->len;
	uLongf zn;
	int np, ret = 0;

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

	/* One filter byte (0, none: best for palette images) and one index a pixel. */
	rawn = (size_t)h * ((size_t)w + 1);
	raw = xmalloc(rawn);
	for (int y = 0; y < h; y++) {
		unsigned char *row = raw + (size_t)y * ((size_t)w + 1);

		row[0] = 0;
		for (int x = 0; x < w; x++) {
			uint32_t p = pixel(data, stride, x, y);

			if (p != last) {
				last = p;
				last_index = hi.v[slot(&hi, p)].index;
			}
			row[x + 1] = (unsigned char)last_index;
		}
	}
	zn = compressBound((uLong)rawn);
	z = xmalloc(zn);
	if (deflate_all(raw, rawn, z, &zn) < 0) {
		ret = error("png: zlib failed to compress %dx%d pixels", w, h);
		goto out;
	}

	buf_add(out, sig, sizeof(sig));
	for (int i = 0; i < 4; i++) {
		ihdr[i] = (unsigned char)((uint32_t)w >> (24 - 8 * i));
		ihdr[4 + i] = (unsigned char)((uint32_t)h >> (24 - 8 * i));
	}
	ihdr[8] = 8;	/* bits per index */
	ihdr[9] = 3;	/* colour type: palette */
	ihdr[10] = ihdr[11] = ihdr[12] = 0;
	chunk(out, "IHDR", ihdr, sizeof(ihdr));
	if (dpi > 0) {
		uint32_t ppm = (uint32_t)lround(dpi / 0.0254);

		for (int i = 0; i < 4; i++)
			phys[i] = phys[4 + i] = (unsigned char)(ppm >> (24 - 8 * i));
		phys[8] = 1;	/* unit: metre */
		chunk(out, "pHYs", phys, sizeof(phys));
	}
	for (int i = 0; i < np; i++) {
		plte[3 * i] = (unsigned char)(pal[i] >> 16);
		plte[3 * i + 1] = (unsigned char)(pal[i] >> 8);
		plte[3 * i + 2] = (unsigned char)pal[i];
	}
	chunk(out, "PLTE", plte, 3 * (size_t)np);
	chunk(out, "IDAT", z, zn);
	chunk(out, "IEND", NULL, 0);
out:
	free(hi.v);
	free(raw);
	free(z);
	if (ret < 0)
		buf_setlen(out, keep);
	return ret;
}
