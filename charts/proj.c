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
