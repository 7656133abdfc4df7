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
#include <stdint.h>

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
 *
 * When the packed form of the file is beside it (geo_pack_path(): made
 * by the build, data/geo/pack.c) and was made for `map` from a file of
 * the GeoJSON's size, the shapes are read from there, as they are, and
 * the GeoJSON is not parsed: that saves about 200 M instructions a map.
 * A pack that is missing, stale or damaged is passed over in silence.
 */
int geo_load_map(struct geo *g, const char *path, enum geo_map map);

/* geo_load_map() without looking for a pack: always parses the GeoJSON. */
int geo_read_geojson(struct geo *g, const char *path, enum geo_map map);

/*
 * The pack of a GeoJSON file (charts/geopack.c has its layout): the same
 * shapes, projected, in arrays. geo_pack() appends that of `g`, recording
 * `source_size`, the GeoJSON's size in bytes, so that a replaced file is
 * not drawn from an old pack. geo_pack_path() appends the pack's file
 * name for the GeoJSON at `path` (".geojson" becomes ".geo").
 * geo_load_packed() fills the empty `g` from the pack of the GeoJSON at
 * `path` and returns 0, or returns -1, with no message and `g` empty,
 * when there is none fit for `map` and the file as it is now.
 */
void geo_pack(const struct geo *g, uint64_t source_size, struct buf *out);
void geo_pack_path(struct buf *out, const char *path);
int geo_load_packed(struct geo *g, const char *path, enum geo_map map);

/* Projects a point as the shapes of `g` are; 0, or -1 (see charts/proj.h). */
int geo_project(const struct geo *g, double lon, double lat, double *x, double *y);

/* Frees what `g` holds; it is empty and reusable after. */
void geo_release(struct geo *g);

#endif
