#include "proj.h"

#include <math.h>

#include "../util/banned.h"

int proj_laea(double lon, double lat, double *x, double *y)
{
	const double rad = M_PI / 180;
	double lam = (lon - PROJ_LON0) * rad, phi = lat * rad, phi1 = PROJ_LAT0 * rad;
	double d, k;

	*x = *y = 0;
	if (!isfinite(lon) || !isfinite(lat))
		return -1;
	d = 1 + sin(phi1) * sin(phi) + cos(phi1) * cos(phi) * cos(lam);
	if (d < 1e-9)
		return -1;
	k = sqrt(2 / d);
	*x = PROJ_RADIUS * k * cos(phi) * sin(lam);
	*y = PROJ_RADIUS * k * (cos(phi1) * sin(phi) - sin(phi1) * cos(phi) * cos(lam));
	return 0;
}

int proj_equal_earth(double lon, double lat, double *x, double *y)
{
	/* The polynomial's coefficients, from the paper. */
	const double a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796;
	const double rad = M_PI / 180, m = sqrt(3) / 2;
	double t, t2, t6;

	*x = *y = 0;
	if (!isfinite(lon) || !isfinite(lat) || fabs(lon) > 180 || fabs(lat) > 90)
		return -1;
	t = asin(m * sin(lat * rad));
	t2 = t * t;
	t6 = t2 * t2 * t2;
	*x = PROJ_RADIUS * 2 * sqrt(3) * lon * rad * cos(t) /
	     (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1));
	*y = PROJ_RADIUS * t * (a4 * t6 * t2 + a3 * t6 + a2 * t2 + a1);
	return 0;
}
