#include "geo.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <math.h>
#include <string.h>

#include "proj.h"
#include "../util/util.h"
#include "../util/banned.h"

void geo_init(struct geo *g)
{
	memset(g, 0, sizeof(*g));
}

void geo_release(struct geo *g)
{
	free(g->features);
	free(g->rings);
	free(g->xy);
	geo_init(g);
}

/* Appends one ring of [lon, lat] pairs; returns 0, or -1 when malformed. */
static int add_ring(struct geo *g, struct geo_feature *f, json_t *ring)
{
	struct geo_ring r = { g->xy_nr / 2, 0 };
	size_t i;
	json_t *pt;

	if (!json_is_array(ring))
		return -1;
	json_array_foreach(ring, i, pt) {
		json_t *lon = json_array_get(pt, 0), *lat = json_array_get(pt, 1);
		double x, y;

		if (!json_is_number(lon) || !json_is_number(lat))
			return -1;
		if (geo_project(g, json_number_value(lon), json_number_value(lat), &x, &y) < 0)
			continue;
		ALLOC_GROW(g->xy, g->xy_nr + 2, g->xy_alloc);
		g->xy[g->xy_nr++] = x;
		g->xy[g->xy_nr++] = y;
		r.n++;
		if (x < f->x0)
			f->x0 = x;
		if (x > f->x1)
			f->x1 = x;
		if (y < f->y0)
			f->y0 = y;
		if (y > f->y1)
			f->y1 = y;
	}
	if (r.n < 3) {
		g->xy_nr = 2 * r.off;
		return 0;
	}
	ALLOC_GROW(g->rings, g->ring_nr + 1, g->ring_alloc);
	g->rings[g->ring_nr++] = r;
	f->ring_nr++;
	return 0;
}

static int add_polygon(struct geo *g, struct geo_feature *f, json_t *poly)
{
	size_t i;
	json_t *ring;

	if (!json_is_array(poly))
		return -1;
	json_array_foreach(poly, i, ring)
		if (add_ring(g, f, ring) < 0)
			return -1;
	return 0;
}

static int add_feature(struct geo *g, json_t *feat)
{
	json_t *props = json_object_get(feat, "properties");
	json_t *geom = json_object_get(feat, "geometry");
	json_t *iso = json_object_get(props, "ISO_A2");
	json_t *role = json_object_get(props, "ROLE");
	json_t *coords = json_object_get(geom, "coordinates");
	const char *type = json_string_value(json_object_get(geom, "type"));
	struct geo_feature f = { "", 0, g->ring_nr, 0, HUGE_VAL, HUGE_VAL, -HUGE_VAL, -HUGE_VAL };
	size_t i;
	json_t *poly;

	if (!json_is_object(feat) || !type || !json_is_array(coords))
		return -1;
	if (json_is_string(iso) && json_string_length(iso) == 2)
		memcpy(f.iso, json_string_value(iso), 3);
	f.focus = json_is_string(role) && !strcmp(json_string_value(role), "focus");
	if (!strcmp(type, "Polygon")) {
		if (add_polygon(g, &f, coords) < 0)
			return -1;
	} else if (!strcmp(type, "MultiPolygon")) {
		json_array_foreach(coords, i, poly)
			if (add_polygon(g, &f, poly) < 0)
				return -1;
	} else {
		return -1;
	}
	if (!f.ring_nr)
		return 0;
	ALLOC_GROW(g->features, g->nr + 1, g->alloc);
	g->features[g->nr++] = f;
	return 0;
}

int geo_project(const struct geo *g, double lon, double lat, double *x, double *y)
{
	return g->map == GEO_WORLD ? proj_equal_earth(lon, lat, x, y) : proj_laea(lon, lat, x, y);
}

/*
 * The window of each map, in its projection's metres. Europe's is fixed
 * (data/geo/make-europe.py cuts the shapes to it); the world's runs from
 * the antimeridian to the antimeridian and from 58S (Cape Horn) to 84N
 * (Greenland's north coast): Antarctica is not drawn.
 */
static void set_window(struct geo *g, enum geo_map map)
{
	g->map = map;
	if (map == GEO_WORLD) {
		double x, y;

		proj_equal_earth(180, 0, &x, &y);
		g->wx0 = -x;
		g->wx1 = x;
		proj_equal_earth(0, -58, &x, &g->wy0);
		proj_equal_earth(0, 84, &x, &g->wy1);
	} else {
		g->wx0 = -1.90e6;
		g->wx1 = 3.00e6;
		g->wy0 = -1.85e6;
		g->wy1 = 2.28e6;
	}
}

const char *geo_file(enum geo_map map)
{
	return map == GEO_WORLD ? "geo/world-110m.geojson" : "geo/europe-50m.geojson";
}

void geo_path(struct buf *out, const char *data_dir, enum geo_map map)
{
	buf_addf(out, "%s/%s", data_dir && *data_dir ? data_dir : "data", geo_file(map));
}

int geo_load(struct geo *g, const char *path)
{
	return geo_load_map(g, path, GEO_EUROPE);
}

int geo_load_map(struct geo *g, const char *path, enum geo_map map)
{
	set_window(g, map);
	if (geo_load_packed(g, path, map) == 0)
		return 0;
	return geo_read_geojson(g, path, map);
}

int geo_read_geojson(struct geo *g, const char *path, enum geo_map map)
{
	json_error_t err;
	json_t *root, *features, *feat;
	FILE *f;
	size_t i;
	int ret = 0;

	set_window(g, map);
	f = fopen(path, "rb");
	if (!f)
		return error("'%s': cannot open the map: %s", path, strerror(errno));
	root = json_loadf(f, 0, &err);
	fclose(f);
	if (!root)
		return error_at(path, err.line, err.column, "not JSON: %s", err.text);
	features = json_object_get(root, "features");
	if (!json_is_array(features)) {
		ret = error("'%s': not a GeoJSON FeatureCollection", path);
		goto out;
	}
	json_array_foreach(features, i, feat) {
		if (add_feature(g, feat) < 0) {
			ret = error("'%s': feature %zu: not a Polygon or MultiPolygon of [lon, lat] pairs",
				    path, i + 1);
			goto out;
		}
	}
out:
	json_decref(root);
	if (ret < 0)
		geo_release(g);
	return ret;
}
