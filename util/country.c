#include "country.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "buf.h"
#include "util.h"
#include "banned.h"

#define DEFAULT_PATH "/usr/share/iso-codes/json/iso_3166-1.json"

/* Every string points into `names`, one block for the whole table. */
struct country {
	const char *alpha2;
	const char *alpha3;
	const char *name;	/* ISO short name */
	const char *official;	/* may be NULL */
	const char *common;	/* may be NULL */
};

static struct country *countries;
static size_t countries_nr;
static char *names;
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

/*
 * The file is read with yajl's callbacks straight into the table, one
 * string arena for every name: building jansson's values for the whole
 * file (an object, a hash table and a string for each of its 1,500 fields)
 * cost 8.1 M instructions, a quarter of an `ibrief query by-country` on
 * the VCDB store, to keep five fields of each country.
 */
enum field { F_OTHER, F_ALPHA2, F_ALPHA3, F_NAME, F_OFFICIAL, F_COMMON, F_NR };

struct reader {
	int depth;		/* 1: the top object, 2: the list, 3: a country */
	int list_next;		/* the value that comes is the "3166-1" list */
	int list_depth;		/* depth of that list's members once open; else 0 */
	int seen_list;
	enum field field;	/* the field a string at depth 3 belongs to */
	size_t at[F_NR];	/* the current country's fields in `text`, 0: absent */
	size_t len[F_NR];
	struct buf text;	/* every string kept, each NUL-terminated, after a NUL */
	struct country_at {
		size_t at[F_NR];
	} *list;
	size_t nr, alloc;
};

static int on_value(void *arg)
{
	struct reader *r = arg;

	r->list_next = 0;
	return 1;
}

static int on_bool(void *arg, int b)
{
	(void)b;
	return on_value(arg);
}

static int on_number(void *arg, const char *s, size_t n)
{
	(void)s;
	(void)n;
	return on_value(arg);
}

static int on_string(void *arg, const unsigned char *s, size_t n)
{
	struct reader *r = arg;

	r->list_next = 0;
	if (r->list_depth && r->depth == r->list_depth + 1 && r->field != F_OTHER) {
		r->at[r->field] = r->text.len;
		r->len[r->field] = n;
		buf_add(&r->text, s, n);
		buf_addch(&r->text, '\0');
	}
	return 1;
}

static int on_key(void *arg, const unsigned char *s, size_t n)
{
	static const char *const keys[F_NR] = {
		[F_ALPHA2] = "alpha_2", [F_ALPHA3] = "alpha_3", [F_NAME] = "name",
		[F_OFFICIAL] = "official_name", [F_COMMON] = "common_name",
	};
	struct reader *r = arg;

	if (r->depth == 1) {
		r->list_next = n == 6 && !memcmp(s, "3166-1", 6);
		return 1;
	}
	r->field = F_OTHER;
	for (int f = F_ALPHA2; f < F_NR; f++)
		if (strlen(keys[f]) == n && !memcmp(s, keys[f], n))
			r->field = f;
	return 1;
}

static int on_start(void *arg)
{
	struct reader *r = arg;

	r->depth++;
	if (r->list_depth && r->depth == r->list_depth + 1) {
		memset(r->at, 0, sizeof(r->at));
		memset(r->len, 0, sizeof(r->len));
		r->field = F_OTHER;
	}
	return 1;
}

static int on_start_array(void *arg)
{
	struct reader *r = arg;

	if (r->list_next) {
		r->list_depth = r->depth + 1;
		r->seen_list = 1;
	}
	r->list_next = 0;
	return on_start(arg);
}

static int on_start_map(void *arg)
{
	struct reader *r = arg;

	r->list_next = 0;
	return on_start(arg);
}

/* A country is kept when it has both codes of the right length and a name. */
static int on_end(void *arg)
{
	struct reader *r = arg;

	if (r->list_depth && r->depth == r->list_depth + 1 && r->at[F_ALPHA2] &&
	    r->len[F_ALPHA2] == 2 && r->at[F_ALPHA3] && r->len[F_ALPHA3] == 3 && r->at[F_NAME]) {
		ALLOC_GROW(r->list, r->nr + 1, r->alloc);
		memcpy(r->list[r->nr++].at, r->at, sizeof(r->at));
	}
	if (r->depth == r->list_depth)
		r->list_depth = 0;
	r->depth--;
	return 1;
}

static const yajl_callbacks callbacks = {
	.yajl_null = on_value,
	.yajl_boolean = on_bool,
	.yajl_number = on_number,
	.yajl_string = on_string,
	.yajl_start_map = on_start_map,
	.yajl_map_key = on_key,
	.yajl_end_map = on_end,
	.yajl_start_array = on_start_array,
	.yajl_end_array = on_end,
};

#define CANNOT_READ "'%s': cannot read the ISO 3166-1 country list (install iso-codes): "

/* Feeds the file to the reader; -1 with a message when it is not JSON. */
static int parse_file(const char *path, FILE *f, struct reader *r)
{
	yajl_handle h = yajl_alloc(&callbacks, NULL, r);
	unsigned char chunk[16384];
	size_t got;
	yajl_status st = yajl_status_ok;
	int ret = 0;

	while (st == yajl_status_ok && (got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		st = yajl_parse(h, chunk, got);
	if (st == yajl_status_ok && ferror(f)) {
		ret = error(CANNOT_READ "%s", path, strerror(errno));
	} else if (st != yajl_status_ok || yajl_complete_parse(h) != yajl_status_ok) {
		unsigned char *msg = yajl_get_error(h, 0, NULL, 0);

		ret = error(CANNOT_READ "%.*s", path, (int)strcspn((char *)msg, "\n"), msg);
		yajl_free_error(h, msg);
	} else if (!r->seen_list) {
		ret = error(CANNOT_READ "no \"3166-1\" array", path);
	}
	yajl_free(h);
	return ret;
}

static const char *field_or_null(const struct country_at *c, enum field f)
{
	return c->at[f] ? names + c->at[f] : NULL;
}

static int load(void)
{
	const char *path = getenv("IBRIEF_ISO_CODES");
	struct reader r = { .text = BUF_INIT };
	FILE *f;

	if (countries || load_failed)
		return countries ? 0 : -1;
	if (!path || !*path)
		path = DEFAULT_PATH;
	load_failed = 1;
	f = fopen(path, "rb");
	if (!f)
		return error(CANNOT_READ "%s", path, strerror(errno));
	buf_addch(&r.text, '\0');	/* offset 0 stands for an absent field */
	if (parse_file(path, f, &r) < 0) {
		fclose(f);
		buf_release(&r.text);
		free(r.list);
		return -1;
	}
	fclose(f);
	names = buf_detach(&r.text, NULL);
	countries = xcalloc(r.nr, sizeof(*countries));
	for (size_t i = 0; i < r.nr; i++) {
		const struct country_at *c = &r.list[i];

		countries[i].alpha2 = names + c->at[F_ALPHA2];
		countries[i].alpha3 = names + c->at[F_ALPHA3];
		countries[i].name = names + c->at[F_NAME];
		countries[i].official = field_or_null(c, F_OFFICIAL);
		countries[i].common = field_or_null(c, F_COMMON);
	}
	countries_nr = r.nr;
	free(r.list);
	load_failed = 0;
	return 0;
}

/* `a` has lost its leading "the "; ISO's names may have one ("the State of Eritrea"). */
static int same_name(const char *a, const char *b)
{
	if (b && !ascii_ncasecmp(b, "the ", 4))
		b += 4;
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
	free(countries);
	free(names);
	names = NULL;
	countries = NULL;
	countries_nr = 0;
	load_failed = 0;
}
