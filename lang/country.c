/*
 * Country names in each language, from Debian's iso-codes gettext
 * catalogues read directly (lang.h, i18n_country()).
 */
#include "lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/country.h"
#include "../util/banned.h"


#define MO_MAGIC 0x950412deu
#define MO_MAX_SIZE (16u << 20)

struct mo {
	unsigned char *data;
	size_t size;
	int swap;		/* the file's byte order is not ours */
	unsigned n, originals, translations;
};

static unsigned mo_u32(const struct mo *mo, size_t off)
{
	const unsigned char *p = mo->data + off;

	if (mo->swap)
		return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
	return (unsigned)p[3] << 24 | (unsigned)p[2] << 16 | (unsigned)p[1] << 8 | p[0];
}

static void mo_release(struct mo *mo)
{
	free(mo->data);
	memset(mo, 0, sizeof(*mo));
}

/* Reads and checks the header and both tables fit. 0, or -1 (no message). */
static int mo_load(struct mo *mo, const char *path)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t got;

	memset(mo, 0, sizeof(*mo));
	if (!f)
		return -1;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.len < MO_MAX_SIZE)
		buf_add(&b, chunk, got);
	fclose(f);
	mo->data = (unsigned char *)buf_detach(&b, &mo->size);
	if (mo->size < 20 || mo->size >= MO_MAX_SIZE)
		goto bad;
	mo->swap = mo_u32(mo, 0) != MO_MAGIC;
	if (mo_u32(mo, 0) != MO_MAGIC)
		goto bad;
	mo->n = mo_u32(mo, 8);
	mo->originals = mo_u32(mo, 12);
	mo->translations = mo_u32(mo, 16);
	if (mo->n > mo->size / 16 || mo->originals > mo->size - 8ull * mo->n ||
	    mo->translations > mo->size - 8ull * mo->n)
		goto bad;
	return 0;
bad:
	mo_release(mo);
	return -1;
}

/* String i of the table at `table`; NULL when it does not fit in the file. */
static const char *mo_string(const struct mo *mo, unsigned table, unsigned i)
{
	unsigned len = mo_u32(mo, table + 8ull * i), off = mo_u32(mo, table + 8ull * i + 4);

	if (off >= mo->size || len >= mo->size - off || mo->data[off + len] != '\0')
		return NULL;
	return (const char *)mo->data + off;
}

/* Binary search: originals are sorted by strcmp (gettext's msgfmt does so). */
static const char *mo_find(const struct mo *mo, const char *msgid)
{
	unsigned lo = 0, hi = mo->n;

	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		const char *s = mo_string(mo, mo->originals, mid);
		int c;

		if (!s)
			return NULL;
		c = strcmp(msgid, s);
		if (!c) {
			s = mo_string(mo, mo->translations, mid);
			return s && *s ? s : NULL;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

char *i18n_mo_lookup(const char *path, const char *msgid)
{
	struct mo mo;
	char *ret;

	if (mo_load(&mo, path) < 0)
		return NULL;
	ret = xstrdup_or_null(mo_find(&mo, msgid));
	mo_release(&mo);
	return ret;
}

static struct mo catalogues[LANG_NR];
static int catalogue_tried[LANG_NR];

const char *i18n_country(enum lang lang, const char *code)
{
	const char *name = code ? country_name(code) : NULL;
	const char *t;
	char path[128];

	if (!name)
		return code ? code : "?";
	if (lang == LANG_EN)
		return name;
	if (!catalogue_tried[lang]) {
		catalogue_tried[lang] = 1;
		snprintf(path, sizeof(path), "/usr/share/locale/%s/LC_MESSAGES/iso_3166-1.mo",
			 i18n_lang_code(lang));
		mo_load(&catalogues[lang], path);
	}
	t = catalogues[lang].data ? mo_find(&catalogues[lang], name) : NULL;
	return t ? t : name;
}

void i18n_free(void)
{
	for (size_t i = 0; i < LANG_NR; i++) {
		mo_release(&catalogues[i]);
		catalogue_tried[i] = 0;
	}
}
