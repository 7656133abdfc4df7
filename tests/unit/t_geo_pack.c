/*
 * The packed maps (charts/geo.h, charts/geopack.c): the same shapes as the
 * GeoJSON, read instead of it only when made from that file for that map.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "charts/geo.h"
#include "util/file.h"

/* Copies the Europe map into the test directory as NAME.geojson; its path in `out`. */
static void copy_map(const char *name, struct buf *out)
{
	struct buf data = BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *f = fopen("data/geo/europe-50m.geojson", "rb");

	CHECK(f != NULL);
	while (f && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&data, chunk, n);
	if (f)
		fclose(f);
	buf_reset(out);
	buf_addf(out, "%s/%s.geojson", test_tmpdir(), name);
	CHECK_INT(write_file_atomic(out->buf, data.buf, data.len), 0);
	buf_release(&data);
}

/* Writes the pack of `g` beside the GeoJSON at `path`, as made from `size` bytes. */
static void write_pack(const struct geo *g, const char *path, uint64_t size, size_t cut)
{
	struct buf pack = BUF_INIT, name = BUF_INIT;

	geo_pack(g, size, &pack);
	geo_pack_path(&name, path);
	CHECK_INT(write_file_atomic(name.buf, pack.buf, pack.len - cut), 0);
	buf_release(&pack);
	buf_release(&name);
}

static int same_shapes(const struct geo *a, const struct geo *b)
{
	if (a->nr != b->nr || a->ring_nr != b->ring_nr || a->xy_nr != b->xy_nr || a->map != b->map ||
	    a->wx0 != b->wx0 || a->wy1 != b->wy1)
		return 0;
	for (size_t i = 0; i < a->nr; i++) {
		const struct geo_feature *f = &a->features[i], *g = &b->features[i];

		if (strcmp(f->iso, g->iso) || f->focus != g->focus || f->ring != g->ring ||
		    f->ring_nr != g->ring_nr || f->x0 != g->x0 || f->y0 != g->y0 || f->x1 != g->x1 ||
		    f->y1 != g->y1)
			return 0;
	}
	return !memcmp(a->rings, b->rings, a->ring_nr * sizeof(*a->rings)) &&
	       !memcmp(a->xy, b->xy, a->xy_nr * sizeof(*a->xy));
}

static long file_size(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;

	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fclose(f);
	return n;
}

static void a_pack_loads_the_same_shapes_as_its_geojson(void)
{
	struct geo json = GEO_INIT, packed = GEO_INIT;
	struct buf path = BUF_INIT, name = BUF_INIT;

	copy_map("same", &path);
	CHECK_INT(geo_read_geojson(&json, path.buf, GEO_EUROPE), 0);
	write_pack(&json, path.buf, (uint64_t)file_size(path.buf), 0);
	geo_pack_path(&name, path.buf);
	CHECK(strstr(name.buf, "/same.geo") && !strstr(name.buf, ".geojson"));
	CHECK_INT(geo_load_packed(&packed, path.buf, GEO_EUROPE), 0);
	geo_release(&packed);
	CHECK_INT(geo_load_map(&packed, path.buf, GEO_EUROPE), 0);
	CHECK(json.nr > 30 && same_shapes(&json, &packed));
	geo_release(&json);
	geo_release(&packed);
	buf_release(&path);
	buf_release(&name);
}

/* A pack told apart from its GeoJSON: France renamed "ZZ". */
static int france_renamed(const char *path)
{
	struct geo g = GEO_INIT;
	int zz = 0;

	CHECK_INT(geo_load_map(&g, path, GEO_EUROPE), 0);
	for (size_t i = 0; i < g.nr; i++)
		zz |= !strcmp(g.features[i].iso, "ZZ");
	geo_release(&g);
	return zz;
}

static void only_a_pack_made_from_the_file_for_the_map_is_read(void)
{
	struct geo g = GEO_INIT;
	struct buf path = BUF_INIT;
	uint64_t size;

	copy_map("stale", &path);
	size = (uint64_t)file_size(path.buf);
	CHECK_INT(geo_read_geojson(&g, path.buf, GEO_EUROPE), 0);
	for (size_t i = 0; i < g.nr; i++)
		if (!strcmp(g.features[i].iso, "FR"))
			memcpy(g.features[i].iso, "ZZ", 3);
	write_pack(&g, path.buf, size, 0);
	CHECK(france_renamed(path.buf));	/* the pack, not the GeoJSON, was read */
	write_pack(&g, path.buf, size + 1, 0);	/* the GeoJSON was replaced since */
	CHECK(!france_renamed(path.buf));
	write_pack(&g, path.buf, size, 9);	/* cut short */
	CHECK(!france_renamed(path.buf));
	g.map = GEO_WORLD;			/* packed for the other map */
	write_pack(&g, path.buf, size, 0);
	CHECK(!france_renamed(path.buf));
	geo_release(&g);
	buf_release(&path);
}

int main(void)
{
	test_run("a pack loads the same shapes as its GeoJSON",
		 a_pack_loads_the_same_shapes_as_its_geojson);
	test_run("only a pack made from the file for the map is read",
		 only_a_pack_made_from_the_file_for_the_map_is_read);
	return test_done();
}
