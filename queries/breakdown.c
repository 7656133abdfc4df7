/*
 * Breakdowns of the incidents in a period by one value: by-country,
 * by-sector, by-type, public-sector, public-kinds. Each query's columns,
 * SQL and runner are together, ending in its catalog entry.
 *
 * Order of rows: by count, most first, ties by the key (byte order), and
 * the unknown row (NULL key) last whatever its count.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "../util/country.h"
#include "../util/naics.h"
#include "../util/banned.h"

/*
 * Runs `sql`, whose rows are (key TEXT, incidents INT), and appends a row
 * per key: the key in column `key`, the count in `count` and its share of
 * res->meta.n in `share`. `decorate` fills any other column.
 */
static int add_keyed_rows(struct query_run *qr, struct query_result *res, const char *sql,
			  size_t key, size_t count, size_t share,
			  void (*decorate)(struct query_row *row, const char *key))
{
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	if (run_prepare(qr, sql, &qr->f.period, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		struct query_row *row = query_result_add_row(res);
		const char *k = db_column_text(s, 0);
		long long c = db_column_int64(s, 1);

		query_set_text(row, key, k);
		query_set_int(row, count, c);
		query_set_share(row, share, c, res->meta.n);
		if (decorate)
			decorate(row, k);
	}
	if (rc != DB_DONE) {
		run_error(qr, "cannot read the breakdown");
		goto out;
	}
	ret = 0;
out:
	db_finalize(s);
	return ret;
}

/*
 * Appends a row per value of `t`, most incidents first, and the unknown
 * row (a NULL key: t->states[LIST_UNKNOWN]) last, as add_keyed_rows().
 * Values and an unknown row with no incident are left out.
 */
static void add_tally_rows(struct query_result *res, const struct list_tally *t, size_t key,
			   size_t count, size_t share,
			   void (*decorate)(struct query_row *row, const char *key))
{
	for (size_t i = 0; i <= t->nr; i++) {
		const char *k = i < t->nr ? t->v[i].value : NULL;
		long long n = i < t->nr ? t->v[i].n : t->states[LIST_UNKNOWN];
		struct query_row *row;

		if (!n)
			continue;
		row = query_result_add_row(res);
		query_set_text(row, key, k);
		query_set_int(row, count, n);
		query_set_share(row, share, n, res->meta.n);
		if (decorate)
			decorate(row, k);
	}
}

/* ---- by-country ------------------------------------------------------ */

enum { BC_COUNTRY, BC_NAME, BC_INCIDENTS, BC_SHARE };

static const struct query_column by_country_columns[] = {
	[BC_COUNTRY] = { .name = "country", .type = QUERY_TEXT, .null_text = "-",
			 .description = "victim country, ISO 3166-1 alpha-2; null when unknown" },
	[BC_NAME] = { .name = "name", .type = QUERY_TEXT,
		      .description = "the country's English short name, \"unknown\" for the unknown row" },
	[BC_INCIDENTS] = { .name = "incidents", .type = QUERY_INT,
			   .description = "incidents with this victim country; one with two countries counts in both" },
	[BC_SHARE] = { .name = "share", .type = QUERY_REAL, .share = 1,
		       .description = "incidents / n (n: incidents in the period, each once)" },
};

static void country_decorate(struct query_row *row, const char *code)
{
	const char *name = code ? country_name(code) : "unknown";

	query_set_text(row, BC_NAME, name ? name : code);
}

/*
 * Counted by list_tally_run(): an incident with the same country listed
 * twice counts once; those with none make the unknown row, last.
 */
static int run_by_country(struct query_run *qr, struct query_result *res)
{
	struct list_tally t;
	int ret = -1;

	memset(&t, 0, sizeof(t));
	if (run_standard_meta(qr, res) < 0 || list_tally_run(qr, qr->q->sql, LIST_COUNT_NONE, &t) < 0)
		goto out;
	add_tally_rows(res, &t, BC_COUNTRY, BC_INCIDENTS, BC_SHARE, country_decorate);
	ret = 0;
out:
	list_tally_release(&t);
	return ret;
}

const struct query query_by_country = {
	.name = "by-country",
	.description = "incidents per victim country (alpha-2, name, count, share)",
	.columns = by_country_columns,
	.columns_nr = ARRAY_SIZE(by_country_columns),
	.sql = (const char *const[]){ QUERY_COUNTRY_TALLY, NULL },
	.run = run_by_country,
	.key = QUERY_KEY_COUNTRY,
};

/* ---- by-type --------------------------------------------------------- */

enum { BT_TYPE, BT_INCIDENTS, BT_SHARE };

static const struct query_column by_type_columns[] = {
	[BT_TYPE] = { .name = "type", .type = QUERY_TEXT, .null_text = "unknown",
		      .description = "incident type (vocabulary of store/incident.h); null when unknown" },
	[BT_INCIDENTS] = { .name = "incidents", .type = QUERY_INT,
			   .description = "incidents of this type" },
	[BT_SHARE] = { .name = "share", .type = QUERY_REAL, .share = 1,
		       .description = "incidents / n" },
};

static const char by_type_sql[] =
	"SELECT i.type, count(*)" QUERY_SCOPE
	" GROUP BY i.type"
	" ORDER BY i.type IS NULL, count(*) DESC, i.type";

static int run_by_type(struct query_run *qr, struct query_result *res)
{
	if (run_standard_meta(qr, res) < 0)
		return -1;
	return add_keyed_rows(qr, res, qr->q->sql[0], BT_TYPE, BT_INCIDENTS, BT_SHARE, NULL);
}

const struct query query_by_type = {
	.name = "by-type",
	.description = "incidents per type (ransomware, denial of service, account compromise, ...)",
	.columns = by_type_columns,
	.columns_nr = ARRAY_SIZE(by_type_columns),
	.sql = (const char *const[]){ by_type_sql, NULL },
	.run = run_by_type,
	.key = QUERY_KEY_TYPE,
};

/* ---- by-sector ------------------------------------------------------- */

enum { BS_SECTOR, BS_NAME, BS_PUBLIC, BS_INCIDENTS, BS_SHARE };

static const struct query_column by_sector_columns[] = {
	[BS_SECTOR] = { .name = "sector", .type = QUERY_TEXT, .null_text = "unknown",
			.description = "a NAICS sector (\"62\", \"31-33\"), a sector as the source "
				       "named it, or \"public: KIND\" for public bodies; null when unknown" },
	[BS_NAME] = { .name = "name", .type = QUERY_TEXT, .null_text = "unknown",
		      .description = "the NAICS sector's name, else as the sector" },
	[BS_PUBLIC] = { .name = "public", .type = QUERY_BOOL,
			.description = "true for the rows of public bodies, listed first by kind" },
	[BS_INCIDENTS] = { .name = "incidents", .type = QUERY_INT,
			   .description = "incidents; each counts once, by its first sector" },
	[BS_SHARE] = { .name = "share", .type = QUERY_REAL, .share = 1,
		       .description = "incidents / n" },
};

/*
 * A public body (public_sector 1) is counted under its kind, whatever its
 * sector, so that public victims are listed apart ("public: municipality";
 * no kind reads "public: public body", as in the type vocabulary). Other
 * incidents count under their first sector: a NAICS code (VERIS) groups by
 * its sector (util/naics.h), named in English; "000" and the like are
 * VERIS for unknown; any other text (CSV, pages) is a sector as given,
 * grouped ignoring ASCII letter case ("Retail" and "retail" are one row,
 * shown as the first in byte order). One sector per incident keeps the
 * rows adding up to n.
 *
 * The incidents are counted per value as stored, a public body's kind or
 * another incident's first sector (pos 0, as store_put numbers a list
 * from 0), by list_split_tally_run(): the incidents in scope are the
 * lists' (read once for all of them), and the sectors one walk of their
 * date index. The values are keyed, grouped and named in C, per value
 * rather than per incident. As one SQL statement (a join and a grouping
 * on two CASE expressions) this took PostgreSQL longer to plan than to
 * run, and twice as long as the whole query takes now.
 */
static const char by_sector_sql[] =
	"SELECT f.incident_id, f.sector FROM incident_sector f"
	" WHERE" QUERY_LIST_IN_PERIOD("f") " AND f.pos = 0";

struct sector_row {
	int pub;		/* 1 for a public body's kind */
	char *key;		/* "public: KIND", "62", "31-33", a text; NULL unknown */
	char *name;		/* the NAICS name, "NAICS 99" for no sector's code, else key */
	long long n;
};

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Whether `v` is empty or only zeros and spaces: VERIS's unknown ("000"). */
static int zeros(const char *v)
{
	return v[strspn(v, "0 ")] == '\0';
}

/* The key of a value before naming: "public: KIND", 2 digits of NAICS, a text, or NULL. */
static char *sector_key(int pub, const char *v)
{
	struct buf b = BUF_INIT;

	if (pub) {
		buf_addf(&b, "public: %s", v ? v : "public body");
		return buf_detach(&b, NULL);
	}
	if (!v || zeros(v))
		return NULL;
	if (is_digit(v[0]) && is_digit(v[1]))
		return xstrndup(v, 2);
	return xstrdup(v);
}

/* Keys compared as by-sector groups them: public first, unknown last; `fold` ignores case. */
static int sector_cmp(const struct sector_row *a, const struct sector_row *b, int fold)
{
	if (a->pub != b->pub)
		return b->pub - a->pub;
	if (!a->key || !b->key)
		return !a->key - !b->key;
	return fold ? ascii_casecmp(a->key, b->key) : strcmp(a->key, b->key);
}

/* Case-folded, then in byte order: the first of a run of equal keys is the one shown. */
static int by_folded_key(const void *a_, const void *b_)
{
	const struct sector_row *a = a_, *b = b_;
	int c = sector_cmp(a, b, 1);

	return c || !a->key ? c : strcmp(a->key, b->key);
}

static int by_key(const void *a, const void *b)
{
	return sector_cmp(a, b, 0);
}

/* The rows' order: public first, the unknown row last, most incidents first, then by key. */
static int by_count(const void *a_, const void *b_)
{
	const struct sector_row *a = a_, *b = b_;

	if (a->pub != b->pub || !a->key || !b->key)
		return sector_cmp(a, b, 0);
	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return strcmp(a->key, b->key);
}

/*
 * Merges each run of rows with equal keys (`fold`: ignoring case; v is
 * sorted so that they are adjacent) into its first row, adding up counts
 * and keeping the smallest name; returns the rows left.
 */
static size_t merge_runs(struct sector_row *v, size_t nr, int fold)
{
	size_t o = 0;

	for (size_t i = 0; i < nr; i++) {
		if (o && !sector_cmp(&v[o - 1], &v[i], fold)) {
			struct sector_row *first = &v[o - 1];

			first->n += v[i].n;
			if (v[i].name && (!first->name || strcmp(v[i].name, first->name) < 0)) {
				char *name = first->name;

				first->name = v[i].name;
				v[i].name = name;
			}
			free(v[i].key);
			free(v[i].name);
			continue;
		}
		v[o++] = v[i];
	}
	return o;
}

/* Names each row and turns its two-digit NAICS key into its sector's code. */
static void name_sectors(struct sector_row *v, size_t nr)
{
	for (size_t i = 0; i < nr; i++) {
		struct sector_row *r = &v[i];
		const struct naics_sector *sector;
		int code = !r->pub && r->key && is_digit(r->key[0]) && is_digit(r->key[1]) &&
			   !r->key[2];

		if (code && (sector = naics_sector_of(r->key))) {
			free(r->key);
			r->key = xstrdup(sector->code);
			r->name = xstrdup(sector->name);
		} else if (code) {
			struct buf b = BUF_INIT;

			buf_addf(&b, "NAICS %s", r->key);
			r->name = buf_detach(&b, NULL);
		} else {
			r->name = xstrdup_or_null(r->key);
		}
	}
}

/* Appends a row for each value of `t`, and one for its unknown incidents. */
static void add_sector_rows(const struct list_tally *t, int pub, struct sector_row **v,
			    size_t *nr, size_t *alloc)
{
	for (size_t i = 0; i <= t->nr; i++) {
		long long n = i < t->nr ? t->v[i].n : t->states[LIST_UNKNOWN];

		if (!n)
			continue;
		ALLOC_GROW(*v, *nr + 1, *alloc);
		(*v)[*nr].pub = pub;
		(*v)[*nr].key = sector_key(pub, i < t->nr ? t->v[i].value : NULL);
		(*v)[*nr].name = NULL;
		(*v)[(*nr)++].n = n;
	}
}

static int run_by_sector(struct query_run *qr, struct query_result *res)
{
	struct list_tally t[2];
	struct sector_row *v = NULL;
	size_t nr = 0, alloc = 0;
	int ret = -1;

	memset(t, 0, sizeof(t));
	if (run_standard_meta(qr, res) < 0 || list_split_tally_run(qr, qr->q->sql, t) < 0)
		goto out;
	add_sector_rows(&t[1], 1, &v, &nr, &alloc);
	add_sector_rows(&t[0], 0, &v, &nr, &alloc);
	if (nr) {	/* qsort's array may not be NULL, even empty */
		qsort(v, nr, sizeof(*v), by_folded_key);
		nr = merge_runs(v, nr, 1);
		name_sectors(v, nr);
		qsort(v, nr, sizeof(*v), by_key);
		nr = merge_runs(v, nr, 0);
		qsort(v, nr, sizeof(*v), by_count);
	}
	for (size_t i = 0; i < nr; i++) {
		struct query_row *row = query_result_add_row(res);

		query_set_bool(row, BS_PUBLIC, v[i].pub);
		query_set_text(row, BS_SECTOR, v[i].key);
		query_set_text(row, BS_NAME, v[i].name);
		query_set_int(row, BS_INCIDENTS, v[i].n);
		query_set_share(row, BS_SHARE, v[i].n, res->meta.n);
	}
	ret = 0;
out:
	list_tally_release(&t[0]);
	list_tally_release(&t[1]);
	for (size_t i = 0; i < nr; i++) {
		free(v[i].key);
		free(v[i].name);
	}
	free(v);
	return ret;
}

const struct query query_by_sector = {
	.name = "by-sector",
	.description = "incidents per sector, public bodies listed apart by kind",
	.columns = by_sector_columns,
	.columns_nr = ARRAY_SIZE(by_sector_columns),
	.sql = (const char *const[]){ QUERY_TALLY_SCOPE, by_sector_sql, NULL },
	.run = run_by_sector,
	.key = QUERY_KEY_SECTOR,
};

/* ---- public-sector --------------------------------------------------- */

enum { PS_GROUP, PS_INCIDENTS, PS_SHARE, PS_LOW, PS_HIGH, PS_N };

static const struct query_column public_sector_columns[] = {
	[PS_GROUP] = { .name = "group", .type = QUERY_TEXT, .null_text = "unknown",
		       .description = "\"public\" (public bodies), \"other\", null when not known" },
	[PS_INCIDENTS] = { .name = "incidents", .type = QUERY_INT, .description = "incidents" },
	[PS_SHARE] = { .name = "share", .type = QUERY_REAL, .share = 1, .description = "incidents / n" },
	[PS_LOW] = { .name = "ci_low", .type = QUERY_REAL, .share = 1,
		     .description = "95% Wilson score interval of the share, lower end" },
	[PS_HIGH] = { .name = "ci_high", .type = QUERY_REAL, .share = 1,
		      .description = "95% Wilson score interval of the share, upper end" },
	[PS_N] = { .name = "n", .type = QUERY_INT, .description = "incidents in the period" },
};

/*
 * Three rows always, in this order, so that a chart's bars never move.
 * Counted over the incidents in scope as the lists read them, once for all.
 */
static int run_public_sector(struct query_run *qr, struct query_result *res)
{
	static const char *const groups[3] = { "public", "other", NULL };
	long long counts[3];

	if (run_standard_meta(qr, res) < 0 || scope_public_counts(qr, counts) < 0)
		return -1;
	for (int g = 0; g < 3; g++) {
		struct query_row *row = query_result_add_row(res);
		double lo, hi;

		query_set_text(row, PS_GROUP, groups[g]);
		query_set_int(row, PS_INCIDENTS, counts[g]);
		query_set_int(row, PS_N, res->meta.n);
		query_set_share(row, PS_SHARE, counts[g], res->meta.n);
		if (row->flag != SHARE_SUPPRESSED &&
		    wilson_interval(counts[g], res->meta.n, STATS_Z95, &lo, &hi) == 0) {
			query_set_real(row, PS_LOW, lo);
			query_set_real(row, PS_HIGH, hi);
		}
	}
	return 0;
}

const struct query query_public_sector = {
	.name = "public-sector",
	.description = "public bodies against other victims: counts, share, 95% Wilson interval, n",
	.columns = public_sector_columns,
	.columns_nr = ARRAY_SIZE(public_sector_columns),
	.sql = (const char *const[]){ QUERY_TALLY_SCOPE, NULL },
	.run = run_public_sector,
	.key = QUERY_KEY_PUBLIC_GROUP,
	.attached = 1,
};

/* ---- public-kinds ---------------------------------------------------- */

enum { PK_KIND, PK_INCIDENTS, PK_SHARE };

static const struct query_column public_kinds_columns[] = {
	[PK_KIND] = { .name = "kind", .type = QUERY_TEXT, .null_text = "unknown",
		      .description = "kind of public body (municipality, hospital, ...); null when not given" },
	[PK_INCIDENTS] = { .name = "incidents", .type = QUERY_INT, .description = "incidents" },
	[PK_SHARE] = { .name = "share", .type = QUERY_REAL, .share = 1,
		       .description = "incidents / n, n being the public bodies' incidents" },
};

/*
 * Runs with --public-sector forced, so n, left_out and undated are about
 * public bodies; `whole` counts every victim of the period, so that an empty
 * result can say "no public bodies among the 2 incidents". The public
 * bodies are those of the incidents in scope as the lists read them, once
 * for all (list_split_tally_run()), with the filter as given.
 */
static int run_public_kinds(struct query_run *qr, struct query_result *res)
{
	struct list_tally t[2];
	int ret = -1;

	memset(t, 0, sizeof(t));
	if ((!qr->f.public_only &&
	     run_meta(qr, &qr->f.period, &res->meta.whole, NULL, NULL) < 0) ||
	    list_split_tally_run(qr, (const char *const[]){ qr->q->sql[0], NULL }, t) < 0)
		goto out;
	qr->f.public_only = 1;
	if (run_standard_meta(qr, res) < 0)
		goto out;
	add_tally_rows(res, &t[1], PK_KIND, PK_INCIDENTS, PK_SHARE, NULL);
	ret = 0;
out:
	list_tally_release(&t[0]);
	list_tally_release(&t[1]);
	return ret;
}

const struct query query_public_kinds = {
	.name = "public-kinds",
	.description = "public victims by kind (municipality, social welfare, hospital, ...)",
	.columns = public_kinds_columns,
	.columns_nr = ARRAY_SIZE(public_kinds_columns),
	.sql = (const char *const[]){ QUERY_TALLY_SCOPE, NULL },
	.run = run_public_kinds,
	.key = QUERY_KEY_PUBLIC_KIND,
};
