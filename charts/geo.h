#ifndef CHARTS_GEO_H
#define CHARTS_GEO_H

/*
 * Country shapes for the map, read from GeoJSON and projected once
 * (charts/proj.h), so that a process drawing many maps parses the file once.
 *
 * The file is a FeatureCollection of Polygon and MultiPolygon features with
 * the properties `ISO_A2` (a string or null) and `ROLE` ("focus" for the
 * countries a briefing is about, anything else or absent for neighbours
 * drawn for context), as data/geo/europe-50m.geojson has them; see
 * data/geo/README.md. Rings are kept as they come, holes included: draw them
 * with the even-odd fill rule.
 *
 * Invariants: every ring has at least 3 points; a feature's rings are
 * rings[ring .. ring + ring_nr); a ring's points are xy[2 * off ..
 * 2 * (off + n)), x then y, in metres east and north of 10°E 52°N.
 */

#include <stddef.h>

#include "../util/buf.h"

struct geo_ring {
	size_t off, n;
};

struct geo_feature {
	char iso[3];		/* ISO 3166-1 alpha-2 ("XK" for Kosovo), "" for none */
	int focus;		/* 1 when ROLE is "focus" */
	size_t ring, ring_nr;
	double x0, y0, x1, y1;	/* bounding box in metres */
};

/* Which map: the window and the projection the shapes are drawn in. */
enum geo_map {
	GEO_EUROPE,	/* proj_laea(); about 25W-45E, 34N-72N (charts/map.c) */
	GEO_WORLD,	/* proj_equal_earth(); 180W-180E, 58S-84N */
};

struct geo {
	enum geo_map map;
	double wx0, wy0, wx1, wy1;	/* the map window in projected metres */
	struct geo_feature *features;
	size_t nr, alloc;
	struct geo_ring *rings;
	size_t ring_nr, ring_alloc;
	double *xy;
	size_t xy_nr, xy_alloc;	/* counted in doubles */
};
#define GEO_INIT { GEO_EUROPE, 0, 0, 0, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0 }

void geo_init(struct geo *g);

/*
 * The one place that names the maps' files. geo_file() returns the file of
 * `map` relative to the data directory ("geo/europe-50m.geojson"), a static
 * string. geo_path() appends its path under the data directory `data_dir`
 * (cli_data_dirs() finds it: $IBRIEF_DATA, the installed share/ibrief, or
 * the source tree's data/); NULL or "": data/ under the current directory.
 */
const char *geo_file(enum geo_map map);
void geo_path(struct buf *out, const char *data_dir, enum geo_map map);

/*
 * Reads and projects the GeoJSON file at `path` into `g`, which must be
 * empty. Returns 0, or -1 with a message naming the file (and the feature,
 * for bad content); `g` is then empty. Points that cannot be projected are
 * skipped, and rings left with fewer than 3 points dropped.
 */
int geo_load(struct geo *g, const char *path);

/*
 * The same for the map `map`: GEO_EUROPE is geo_load()'s; GEO_WORLD
 * projects with proj_equal_earth() (data/geo/world-110m.geojson).
 */
int geo_load_map(struct geo *g, const char *path, enum geo_map map);

/* Projects a point as the shapes of `g` are; 0, or -1 (see charts/proj.h). */
int geo_project(const struct geo *g, double lon, double lat, double *x, double *y);

/* Frees what `g` holds; it is empty and reusable after. */
void geo_release(struct geo *g);

#endif
