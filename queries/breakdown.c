/*
 * Breakdowns of the incidents in a period by one value: by-country,
 * by-sector, by-type, public-sector, public-kinds. Each query's columns,
 * SQL and runner are together, ending in its catalog entry.
 *
 * Order of rows: by count, most first, ties by the key (byte order), and
 * the unknown row (NULL key) last whatever its count.
 */
#include "internal.h"

#include <string.h>

#include "../util/country.h"
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
	if (run_standard_meta(qr, res) < 0 || list_tally_run(qr, qr->q->sql, &t) < 0)
		goto out;
	for (size_t i = 0; i <= t.nr; i++) {
		const char *code = i < t.nr ? t.v[i].value : NULL;
		long long n = i < t.nr ? t.v[i].n : t.states[LIST_UNKNOWN];
		struct query_row *row;

		if (!n)
			continue;
		row = query_result_add_row(res);
		query_set_text(row, BC_COUNTRY, code);
		query_set_int(row, BC_INCIDENTS, n);
		query_set_share(row, BC_SHARE, n, res->meta.n);
		country_decorate(row, code);
	}
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
 * its 2-digit sector, named from the NAICS 2022 manual; "000" and the like
 * are VERIS for unknown; any other text (CSV, pages) is a sector as given,
 * grouped ignoring letter case ("Retail" and "retail" are one row, shown
 * as the first in byte order). One sector per incident keeps the rows
 * adding up to n.
 */
static const char by_sector_sql[] =
	"WITH naics(prefix, code, name) AS (VALUES"
	"  ('11', '11', 'Agriculture, forestry, fishing and hunting'),"
	"  ('21', '21', 'Mining, quarrying, and oil and gas extraction'),"
	"  ('22', '22', 'Utilities'), ('23', '23', 'Construction'),"
	"  ('31', '31-33', 'Manufacturing'), ('32', '31-33', 'Manufacturing'),"
	"  ('33', '31-33', 'Manufacturing'), ('42', '42', 'Wholesale trade'),"
	"  ('44', '44-45', 'Retail trade'), ('45', '44-45', 'Retail trade'),"
	"  ('48', '48-49', 'Transportation and warehousing'),"
	"  ('49', '48-49', 'Transportation and warehousing'),"
	"  ('51', '51', 'Information'), ('52', '52', 'Finance and insurance'),"
	"  ('53', '53', 'Real estate and rental and leasing'),"
	"  ('54', '54', 'Professional, scientific, and technical services'),"
	"  ('55', '55', 'Management of companies and enterprises'),"
	"  ('56', '56', 'Administrative and support and waste management and remediation services'),"
	"  ('61', '61', 'Educational services'), ('62', '62', 'Health care and social assistance'),"
	"  ('71', '71', 'Arts, entertainment, and recreation'),"
	"  ('72', '72', 'Accommodation and food services'),"
	"  ('81', '81', 'Other services (except public administration)'),"
	"  ('92', '92', 'Public administration')),"
	/*
	 * pos 0 is the first sector: store_put numbers a list from 0. The
	 * join on the dates finds each incident's first sector next to the
	 * previous one's (QUERY_LIST_JOIN). Incidents are counted per value
	 * (a public body's kind, another's sector) before the values are
	 * keyed, so that keying runs once per value. (Reading the period's
	 * first sectors apart and joining them took fewer instructions but
	 * twice the time: SQLite builds a temporary index on them.)
	 */
	" scoped AS (SELECT CASE WHEN i.public_sector = 1 THEN 1 ELSE 0 END AS pub,"
	"   CASE WHEN i.public_sector = 1 THEN i.public_kind ELSE f.sector END AS v, count(*) AS n"
	"   FROM incident i LEFT JOIN incident_sector f" QUERY_LIST_JOIN("f") " AND f.pos = 0"
	"  WHERE" QUERY_IN_PERIOD QUERY_FILTERS
	"  GROUP BY CASE WHEN i.public_sector = 1 THEN 1 ELSE 0 END,"
	"   CASE WHEN i.public_sector = 1 THEN i.public_kind ELSE f.sector END),"
	/* The key before naming: a public kind, 2 digits of NAICS, a text, or NULL. */
	" keyed AS (SELECT pub,"
	"   CASE WHEN pub = 1 THEN 'public: ' || coalesce(v, 'public body')"
	"        WHEN v IS NULL OR trim(v, '0 ') = '' THEN NULL"
	"        WHEN substr(v, 1, 1) BETWEEN '0' AND '9'"
	"         AND substr(v, 2, 1) BETWEEN '0' AND '9' THEN substr(v, 1, 2)"
	"        ELSE v END AS raw, n FROM scoped),"
	" grouped AS (SELECT pub, min(raw) AS raw, sum(n) AS n FROM keyed"
	"   GROUP BY pub, lower(raw)),"
	/* Named after grouping, so that the NAICS table is read per group, not per incident. */
	" named AS (SELECT g.pub, coalesce(x.code, g.raw) AS key,"
	"   coalesce(x.name, CASE WHEN g.pub = 0 AND length(g.raw) = 2"
	"                          AND substr(g.raw, 1, 1) BETWEEN '0' AND '9'"
	"                          AND substr(g.raw, 2, 1) BETWEEN '0' AND '9'"
	"                         THEN 'NAICS ' || g.raw ELSE g.raw END) AS name, g.n"
	"   FROM grouped g LEFT JOIN naics x ON x.prefix = g.raw AND g.pub = 0)"
	" SELECT pub, min(key), min(name), sum(n) FROM named"
	" GROUP BY pub, key"
	" ORDER BY pub DESC, min(key) IS NULL, sum(n) DESC, min(key)";

static int run_by_sector(struct query_run *qr, struct query_result *res)
{
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	if (run_standard_meta(qr, res) < 0 || run_prepare(qr, qr->q->sql[0], &qr->f.period, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		struct query_row *row = query_result_add_row(res);
		long long c = db_column_int64(s, 3);

		query_set_bool(row, BS_PUBLIC, (int)db_column_int64(s, 0));
		query_set_text(row, BS_SECTOR, db_column_text(s, 1));
		query_set_text(row, BS_NAME, db_column_text(s, 2));
		query_set_int(row, BS_INCIDENTS, c);
		query_set_share(row, BS_SHARE, c, res->meta.n);
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

const struct query query_by_sector = {
	.name = "by-sector",
	.description = "incidents per sector, public bodies listed apart by kind",
	.columns = by_sector_columns,
	.columns_nr = ARRAY_SIZE(by_sector_columns),
	.sql = (const char *const[]){ by_sector_sql, NULL },
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

static const char public_sector_sql[] =
	"SELECT i.public_sector, count(*)" QUERY_SCOPE " GROUP BY i.public_sector";

/* Three rows always, in this order, so that a chart's bars never move. */
static int run_public_sector(struct query_run *qr, struct query_result *res)
{
	static const char *const groups[3] = { "public", "other", NULL };
	long long counts[3] = { 0, 0, 0 };
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	if (run_standard_meta(qr, res) < 0 || run_prepare(qr, qr->q->sql[0], &qr->f.period, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		int g = db_column_is_null(s, 0) ? 2 :
			(int)db_column_int64(s, 0) == 1 ? 0 : 1;

		counts[g] += db_column_int64(s, 1);
	}
	if (rc != DB_DONE) {
		run_error(qr, "cannot read the breakdown");
		goto out;
	}
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
	ret = 0;
out:
	db_finalize(s);
	return ret;
}

const struct query query_public_sector = {
	.name = "public-sector",
	.description = "public bodies against other victims: counts, share, 95% Wilson interval, n",
	.columns = public_sector_columns,
	.columns_nr = ARRAY_SIZE(public_sector_columns),
	.sql = (const char *const[]){ public_sector_sql, NULL },
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

static const char public_kinds_sql[] =
	"SELECT i.public_kind, count(*)" QUERY_SCOPE
	" GROUP BY i.public_kind"
	" ORDER BY i.public_kind IS NULL, count(*) DESC, i.public_kind";

/*
 * Runs with --public-sector forced, so n, left_out and undated are about
 * public bodies; `whole` counts every victim of the period, so that an empty
 * result can say "no public bodies among the 2 incidents".
 */
static int run_public_kinds(struct query_run *qr, struct query_result *res)
{
	if (!qr->f.public_only &&
	    run_meta(qr, &qr->f.period, &res->meta.whole, NULL, NULL) < 0)
		return -1;
	qr->f.public_only = 1;
	if (run_standard_meta(qr, res) < 0)
		return -1;
	return add_keyed_rows(qr, res, qr->q->sql[0], PK_KIND, PK_INCIDENTS, PK_SHARE, NULL);
}

const struct query query_public_kinds = {
	.name = "public-kinds",
	.description = "public victims by kind (municipality, social welfare, hospital, ...)",
	.columns = public_kinds_columns,
	.columns_nr = ARRAY_SIZE(public_kinds_columns),
	.sql = (const char *const[]){ public_kinds_sql, NULL },
	.run = run_public_kinds,
	.key = QUERY_KEY_PUBLIC_KIND,
};
