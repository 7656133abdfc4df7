/*
 * The build step that packs a map's GeoJSON for fast loading (charts/geo.h,
 * geo_pack()): make runs it for each map of data/geo.
 *
 *     pack europe|world FILE.geojson
 *
 * writes FILE.geo beside it (geo_pack_path()).
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "charts/geo.h"
#include "util/file.h"
#include "util/util.h"
#include "util/banned.h"

int main(int argc, char **argv)
{
	struct geo g = GEO_INIT;
	struct buf out = BUF_INIT, path = BUF_INIT;
	struct stat st;
	enum geo_map map;
	int ret = 1;

	if (argc != 3 || (strcmp(argv[1], "europe") && strcmp(argv[1], "world"))) {
		fprintf(stderr, "usage: pack europe|world FILE.geojson\n");
		return 2;
	}
	map = !strcmp(argv[1], "world") ? GEO_WORLD : GEO_EUROPE;
	if (stat(argv[2], &st) < 0) {
		error("'%s': cannot open the map", argv[2]);
		return 1;
	}
	if (geo_read_geojson(&g, argv[2], map) < 0)
		return 1;
	geo_pack(&g, (uint64_t)st.st_size, &out);
	geo_pack_path(&path, argv[2]);
	if (write_file_atomic(path.buf, out.buf, out.len) == 0)
		ret = 0;
	geo_release(&g);
	buf_release(&out);
	buf_release(&path);
	return ret;
}
