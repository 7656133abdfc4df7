#ifndef NAICS_H
#define NAICS_H

#include <stddef.h>

/*
 * The 20 sectors of NAICS 2022, the North American Industry Classification
 * System that VERIS's victim.industry codes use: the one table of their
 * codes and English names. A sector is a two-digit prefix of a code, or a
 * range of them ("31-33", Manufacturing, covers codes from 31 to 33).
 * lang/ translates the names by code.
 *
 * The table is static: pointers returned live as long as the program.
 */

struct naics_sector {
	const char *code;	/* "62", "31-33": as by-sector's sector column gives it */
	const char *name;	/* "Health care and social assistance" */
	int first, last;	/* the two-digit prefixes it covers: 31 and 33 */
};

/*
 * The sector of a NAICS code whose first two characters are `prefix`
 * ("31" and "33" give "31-33"); NULL when they are no sector's (or are
 * not two digits).
 */
const struct naics_sector *naics_sector_of(const char *prefix);

/* The sector whose code is `code` ("62", "31-33"); NULL for none. */
const struct naics_sector *naics_sector(const char *code);

/* Sets *v to the sectors in code order; returns how many. */
size_t naics_sectors(const struct naics_sector **v);

#endif
