#include "naics.h"

#include <string.h>

#include "util.h"
#include "banned.h"

/* The NAICS 2022 manual's sectors. */
static const struct naics_sector sectors[] = {
	{ "11", "Agriculture, forestry, fishing and hunting", 11, 11 },
	{ "21", "Mining, quarrying, and oil and gas extraction", 21, 21 },
	{ "22", "Utilities", 22, 22 },
	{ "23", "Construction", 23, 23 },
	{ "31-33", "Manufacturing", 31, 33 },
	{ "42", "Wholesale trade", 42, 42 },
	{ "44-45", "Retail trade", 44, 45 },
	{ "48-49", "Transportation and warehousing", 48, 49 },
	{ "51", "Information", 51, 51 },
	{ "52", "Finance and insurance", 52, 52 },
	{ "53", "Real estate and rental and leasing", 53, 53 },
	{ "54", "Professional, scientific, and technical services", 54, 54 },
	{ "55", "Management of companies and enterprises", 55, 55 },
	{ "56",
	  "Administrative and support and waste management and remediation services", 56, 56 },
	{ "61", "Educational services", 61, 61 },
	{ "62", "Health care and social assistance", 62, 62 },
	{ "71", "Arts, entertainment, and recreation", 71, 71 },
	{ "72", "Accommodation and food services", 72, 72 },
	{ "81", "Other services (except public administration)", 81, 81 },
	{ "92", "Public administration", 92, 92 },
};

const struct naics_sector *naics_sector_of(const char *prefix)
{
	int n;

	if (!prefix || prefix[0] < '0' || prefix[0] > '9' || prefix[1] < '0' || prefix[1] > '9')
		return NULL;
	n = (prefix[0] - '0') * 10 + (prefix[1] - '0');
	for (size_t i = 0; i < ARRAY_SIZE(sectors); i++)
		if (n >= sectors[i].first && n <= sectors[i].last)
			return &sectors[i];
	return NULL;
}

const struct naics_sector *naics_sector(const char *code)
{
	for (size_t i = 0; code && i < ARRAY_SIZE(sectors); i++)
		if (!strcmp(sectors[i].code, code))
			return &sectors[i];
	return NULL;
}

size_t naics_sectors(const struct naics_sector **v)
{
	*v = sectors;
	return ARRAY_SIZE(sectors);
}
