/*
 * The packed form of a map's shapes (geo.h): what geo_read_geojson() makes
 * of a GeoJSON file, projected, as flat arrays that load with a read and
 * a few copies. Parsing the Europe map's GeoJSON took 204 M instructions,
 * as much as drawing four charts; the packed file loads in well under 1 M.
 *
 * Layout, in the byte order of the machine that packed it (the build):
 *
 *   "IBGEO\0\0\1"            magic, version 1
 *   u32 0x01020304            byte order
 *   u32 map                   enum geo_map
 *   u64 source                size in bytes of the GeoJSON it came from
 *   u64 nr, ring_nr, xy_nr    counts (xy_nr in doubles)
 *   nr x { char iso[3], u8 focus, u32 0, u64 ring, ring_nr, f64 x0, y0, x1, y1 }
 *   ring_nr x { u64 off, n }
 *   xy_nr x f64
 *
 * The window is not stored: set_window() in geo.c knows it from the map.
 */
#include "geo.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/util.h"
#include "../util/banned.h"

static const char magic[8] = { 'I', 'B', 'G', 'E', 'O', 0, 0, 1 };
#define ORDER 0x01020304u
#define HEAD (8 + 4 + 4 + 8 * 4)
#define FEATURE (3 + 1 + 4 + 8 * 2 + 8 * 4)

static void add_u32(struct buf *b, uint32_t v)
{
	buf_add(b, &v, sizeof(v));
}

static void add_u64(struct buf *b, uint64_t v)
{
	buf_add(b, &v, sizeof(v));
}

void geo_pack(const struct geo *g, uint64_t source_size, struct buf *out)
{
	buf_add(out, magic, sizeof(magic));
	add_u32(out, ORDER);
	add_u32(out, (uint32_t)g->map);
	add_u64(out, source_size);
	add_u64(out, g->nr);
	add_u64(out, g->ring_nr);
	add_u64(out, g->xy_nr);
	for (size_t i = 0; i < g->nr; i++) {
		const struct geo_feature *f = &g->features[i];
		double box[4] = { f->x0, f->y0, f->x1, f->y1 };

		buf_add(out, f->iso, 3);
		buf_addch(out, f->focus ? 1 : 0);
		add_u32(out, 0);
		add_u64(out, f->ring);
		add_u64(out, f->ring_nr);
		buf_add(out, box, sizeof(box));
	}
	for (size_t i = 0; i < g->ring_nr; i++) {
		add_u64(out, g->rings[i].off);
		add_u64(out, g->rings[i].n);
	}
	buf_add(out, g->xy, g->xy_nr * sizeof(double));
}

static uint64_t u64_at(const char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint32_t u32_at(const char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Checks what the shapes promise (geo.h): rings within the points, features within the rings. */
static int consistent(const struct geo *g)
{
	for (size_t i = 0; i < g->ring_nr; i++)
		if (g->rings[i].n < 3 || g->rings[i].off > g->xy_nr / 2 ||
		    g->rings[i].n > g->xy_nr / 2 - g->rings[i].off)
			return 0;
	for (size_t i = 0; i < g->nr; i++)
		if (g->features[i].ring > g->ring_nr ||
		    g->features[i].ring_nr > g->ring_nr - g->features[i].ring ||
		    g->features[i].iso[2] != '\0')
			return 0;
	return 1;
}

/* Fills the empty `g` from the packed bytes; -1 (g empty) when they are not a pack of `map` made from `source_size` bytes. */
static int unpack(struct geo *g, const char *p, size_t len, enum geo_map map, uint64_t source_size)
{
	uint64_t nr, ring_nr, xy_nr;
	const char *at = p + HEAD;

	if (len < HEAD || memcmp(p, magic, sizeof(magic)) || u32_at(p + 8) != ORDER ||
	    u32_at(p + 12) != (uint32_t)map || u64_at(p + 16) != source_size)
		return -1;
	nr = u64_at(p + 24);
	ring_nr = u64_at(p + 32);
	xy_nr = u64_at(p + 40);
	if (nr > len / FEATURE || ring_nr > len / 16 || xy_nr > len / 8 ||
	    len - HEAD != nr * FEATURE + ring_nr * 16 + xy_nr * 8)
		return -1;
	g->features = xcalloc(nr ? nr : 1, sizeof(*g->features));
	g->rings = xcalloc(ring_nr ? ring_nr : 1, sizeof(*g->rings));
	g->xy = xmalloc(xy_nr ? xy_nr * sizeof(double) : 1);
	g->nr = g->alloc = nr;
	g->ring_nr = g->ring_alloc = ring_nr;
	g->xy_nr = g->xy_alloc = xy_nr;
	for (size_t i = 0; i < nr; i++, at += FEATURE) {
		struct geo_feature *f = &g->features[i];

		memcpy(f->iso, at, 3);
		f->focus = at[3] != 0;
		f->ring = u64_at(at + 8);
		f->ring_nr = u64_at(at + 16);
		memcpy(&f->x0, at + 24, 8);
		memcpy(&f->y0, at + 32, 8);
		memcpy(&f->x1, at + 40, 8);
		memcpy(&f->y1, at + 48, 8);
	}
	for (size_t i = 0; i < ring_nr; i++, at += 16) {
		g->rings[i].off = u64_at(at);
		g->rings[i].n = u64_at(at + 8);
	}
	memcpy(g->xy, at, xy_nr * sizeof(double));
	if (!consistent(g)) {
		geo_release(g);
		return -1;
	}
	return 0;
}

void geo_pack_path(struct buf *out, const char *path)
{
	size_t n = strlen(path);

	if (n > 8 && !strcmp(path + n - 8, ".geojson"))
		n -= 8;
	buf_add(out, path, n);
	buf_adds(out, ".geo");
}

int geo_load_packed(struct geo *g, const char *path, enum geo_map map)
{
	struct buf pack = BUF_INIT, data = BUF_INIT;
	struct stat st;
	FILE *f = NULL;
	char chunk[65536];
	size_t n;
	int ret = -1;

	if (stat(path, &st) < 0)
		return -1;
	geo_pack_path(&pack, path);
	f = fopen(pack.buf, "rb");
	if (!f)
		goto out;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&data, chunk, n);
	if (!ferror(f) && data.len)
		ret = unpack(g, data.buf, data.len, map, (uint64_t)st.st_size);
out:
	if (f)
		fclose(f);
	buf_release(&pack);
	buf_release(&data);
	return ret;
}
