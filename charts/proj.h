#ifndef CHARTS_PROJ_H
#define CHARTS_PROJ_H

/*
 * The map projection: Lambert azimuthal equal-area centred at 10°E 52°N,
 * the projection of EPSG:3035 (ETRS89-LAEA), in its spherical form with the
 * authalic radius and without EPSG:3035's false easting and northing (see
 * ../shared/data/geo/README.md). Equal-area matters for a choropleth: a
 * country's colour covers an area in proportion to its size.
 *
 * Between 25°W-45°E and 34°N-72°N the sphere differs from the GRS80
 * ellipsoid by at most about 8 km, 1 to 2 pixels on a 1000-pixel map.
 */

#define PROJ_RADIUS 6371007.0	/* metres */
#define PROJ_LON0 10.0		/* degrees */
#define PROJ_LAT0 52.0

/*
 * Projects a longitude and latitude in degrees (WGS 84) to x (east) and
 * y (north) in metres, the centre at 0, 0. Returns 0, or -1 for the
 * antipode of the centre and its neighbourhood (170°W 52°S), where the
 * projection is undefined, and for points that are not finite; x and y are
 * then 0.
 */
int proj_laea(double lon, double lat, double *x, double *y);

/*
 * The world map's projection: Equal Earth (Šavrič, Patterson and Jenny,
 * 2018), equal-area like the Europe map's, centred on Greenwich, on the
 * sphere of PROJ_RADIUS. Projects a longitude and latitude in degrees to x
 * and y in metres, the centre at 0, 0. Returns 0, or -1 for points that
 * are not finite or not on the globe; x and y are then 0.
 */
int proj_equal_earth(double lon, double lat, double *x, double *y);

#endif
