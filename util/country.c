#include "country.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "banned.h"

#define DEFAULT_PATH "/usr/share/iso-codes/json/iso_3166-1.json"

struct country {
	char alpha2[3];
	char alpha3[4];
	char *name;		/* ISO short name */
	char *official;		/* may be NULL */
	char *common;		/* may be NULL */
};

static struct country *countries;
static size_t countries_nr;
static int load_failed;

/*
 * Everyday English names that ISO 3166-1 does not carry in any of its name
 * fields but that incident write-ups use. Anything ISO has is found there.
 */
static const struct {
	const char *name;
	const char *alpha2;
} aliases[] = {
	{ "Russia", "RU" },
	{ "Turkey", "TR" },
	{ "UK", "GB" },
	{ "Great Britain", "GB" },
	{ "Britain", "GB" },
	{ "England", "GB" },
	{ "Scotland", "GB" },
	{ "Wales", "GB" },
	{ "Northern Ireland", "GB" },
	{ "USA", "US" },
	{ "United States of America", "US" },
	{ "Holland", "NL" },
	{ "Vatican", "VA" },
	{ "Vatican City", "VA" },
	{ "Macedonia", "MK" },
	{ "Ivory Coast", "CI" },
	{ "Cape Verde", "CV" },
	{ "Swaziland", "SZ" },
	{ "Burma", "MM" },
};

static char *dup_field(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s ? xstrdup(s) : NULL;
}

static int load(void)
{
	const char *path = getenv("IBRIEF_ISO_CODES");
	json_error_t jerr;
	json_t *root, *list;
	size_t i;

	if (countries || load_failed)
		return countries ? 0 : -1;
	if (!path || !*path)
		path = DEFAULT_PATH;
	root = json_load_file(path, 0, &jerr);
	list = json_object_get(root, "3166-1");
	if (!json_is_array(list)) {
		load_failed = 1;
		json_decref(root);
		return error("'%s': cannot read the ISO 3166-1 country list (install iso-codes): %s",
			     path, root ? "no \"3166-1\" array" : jerr.text);
	}
	countries = xcalloc(json_array_size(list), sizeof(*countries));
	for (i = 0; i < json_array_size(list); i++) {
		json_t *c = json_array_get(list, i);
		const char *a2 = json_string_value(json_object_get(c, "alpha_2"));
		const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
		const char *name = json_string_value(json_object_get(c, "name"));
		struct country *dst = &countries[countries_nr];

		if (!a2 || strlen(a2) != 2 || !a3 || strlen(a3) != 3 || !name)
			continue;
		memcpy(dst->alpha2, a2, 3);
		memcpy(dst->alpha3, a3, 4);
		dst->name = xstrdup(name);
		dst->official = dup_field(c, "official_name");
		dst->common = dup_field(c, "common_name");
		countries_nr++;
	}
	json_decref(root);
	return 0;
}

static int same_name(const char *a, const char *b)
{
	return b && !ascii_casecmp(a, b);
}

const char *country_code(const char *name)
{
	size_t i;

	if (load() < 0 || !name)
		return NULL;
	while (*name == ' ')
		name++;
	if (!ascii_ncasecmp(name, "the ", 4))
		name += 4;
	for (i = 0; i < countries_nr; i++) {
		struct country *c = &countries[i];

		if (same_name(name, c->alpha2) || same_name(name, c->alpha3) ||
		    same_name(name, c->name) || same_name(name, c->official) ||
		    same_name(name, c->common))
			return c->alpha2;
	}
	for (i = 0; i < ARRAY_SIZE(aliases); i++)
		if (same_name(name, aliases[i].name))
			return country_code(aliases[i].alpha2);
	return NULL;
}

const char *country_name(const char *alpha2)
{
	if (load() < 0 || !alpha2)
		return NULL;
	for (size_t i = 0; i < countries_nr; i++)
		if (!ascii_casecmp(alpha2, countries[i].alpha2))
			return countries[i].common ? countries[i].common : countries[i].name;
	return NULL;
}

void country_free(void)
{
	for (size_t i = 0; i < countries_nr; i++) {
		free(countries[i].name);
		free(countries[i].official);
		free(countries[i].common);
	}
	free(countries);
	countries = NULL;
	countries_nr = 0;
	load_failed = 0;
}
