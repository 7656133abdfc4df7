/*
 * What the store says about itself: the statistics of `ibrief stats`, and
 * the summary a briefing records (store.h). Apart from
 * store.c because none of it touches an incident's rows; it reaches the
 * database through store_db() like any other reader.
 */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "../util/buf.h"
#include "../util/banned.h"

static char *column_text(struct db_stmt *s, int i)
{
	const char *t = db_column_text(s, i);

	return t ? xstrdup(t) : NULL;
}

static void copy_text(char *out, size_t size, struct db_stmt *s, int i)
{
	const char *t = db_column_text(s, i);

	snprintf(out, size, "%s", t ? t : "");
}

/* Reads the text of the first row of `sql` into `out` ("" for NULL or no row); 0 or -1. */
static int one_text(struct store *st, const char *sql, char *out, size_t size)
{
	struct db_stmt *s = NULL;
	int rc = -1, ret = 0;

	*out = '\0';
	if (db_prepare(store_db(st), sql, &s) < 0 || ((rc = db_step(s)) != DB_ROW && rc != DB_DONE))
		ret = store_db_error(st, "cannot read where the data ends");
	else if (rc == DB_ROW)
		copy_text(out, size, s, 0);
	db_finalize(s);
	return ret;
}

/*
 * An incident known to the month or the day starts and ends in one month;
 * one known to the year does not. The index on date_start finds the
 * newest without a scan: every query result asks (queries/run.c
 * query_data_end()). The newest day of that month known to the day is at
 * most that incident's start (nothing of the month starts later), so the
 * second column walks the month's range of the index up to it.
 */
int store_last_month(struct store *st, char out[8], char day[11])
{
	static const char last_month_sql[] =
		"SELECT substr(m.d, 1, 7),"
		"  (SELECT max(i.date_start) FROM incident i"
		"    WHERE i.date_start >= substr(m.d, 1, 7) || '-01' AND i.date_start <= m.d"
		"      AND i.date_end = i.date_start)"
		"  FROM (SELECT date_start AS d FROM incident"
		"         WHERE date_start IS NOT NULL AND substr(date_start, 1, 7) = substr(date_end, 1, 7)"
		"         ORDER BY date_start DESC LIMIT 1) m";
	struct db_stmt *s = NULL;
	int rc = -1, ret = 0;

	*out = '\0';
	if (day)
		*day = '\0';
	if (db_prepare(store_db(st), last_month_sql, &s) < 0 ||
	    ((rc = db_step(s)) != DB_ROW && rc != DB_DONE)) {
		ret = store_db_error(st, "cannot read where the data ends");
	} else if (rc == DB_ROW) {
		copy_text(out, 8, s, 0);
		if (day)
			copy_text(day, 11, s, 1);
		ret = *out ? 1 : 0;
	}
	db_finalize(s);
	return ret;
}

/*
 * The newest year of an incident known only to the year, whose span is
 * that whole year: a probe of the date index for each year from the
 * newest date down to the oldest, which stops at the first one that has
 * such an incident (the newest data's year, as a rule).
 */
static int extent_last_year(struct store *st, char out[5])
{
	static const char probe_sql[] =
		"SELECT EXISTS (SELECT 1 FROM incident WHERE date_start = ?1 AND date_end = ?2)";
	char first[11], last[11], from[11], to[11];
	struct db_stmt *s = NULL;
	long y, oldest;
	int ret = -1;

	*out = '\0';
	if (one_text(st, "SELECT min(date_start) FROM incident", first, sizeof(first)) < 0 ||
	    one_text(st, "SELECT max(date_start) FROM incident", last, sizeof(last)) < 0)
		return -1;
	if (!*first)
		return 0;
	first[4] = last[4] = '\0';
	if (parse_long(first, 0, 9999, &oldest) < 0 || parse_long(last, 0, 9999, &y) < 0)
		return error("'%s': '%s' is not a date", store_path(st), last);
	if (db_prepare(store_db(st), probe_sql, &s) < 0)
		goto fail;
	for (; y >= oldest; y--) {
		snprintf(from, sizeof(from), "%04ld-01-01", y);
		snprintf(to, sizeof(to), "%04ld-12-31", y);
		db_bind_text(s, 1, from);
		db_bind_text(s, 2, to);
		if (db_step(s) != DB_ROW)
			goto fail;
		if (db_column_int64(s, 0)) {
			snprintf(out, 5, "%04ld", y);
			break;
		}
		db_reset(s);
	}
	ret = 0;
	goto out;
fail:
	store_db_error(st, "cannot read where the data ends");
out:
	db_finalize(s);
	return ret;
}

/*
 * The dates of `out`, each from an end of the date index: the oldest and
 * newest day of an incident known to the day (its span is one day), the
 * newest month and the newest year. Reads no incident row: a briefing
 * needs these, and not the counts by precision, whose walk of every
 * incident was three quarters of the work of a briefing of 1M incidents.
 */
static int extent_dates(struct store *st, struct store_extent *out)
{
	static const char first_day_sql[] =
		"SELECT date_start FROM incident WHERE date_start IS NOT NULL AND date_start = date_end"
		" ORDER BY date_start LIMIT 1";
	static const char last_day_sql[] =
		"SELECT date_start FROM incident WHERE date_start IS NOT NULL AND date_start = date_end"
		" ORDER BY date_start DESC LIMIT 1";

	if (one_text(st, first_day_sql, out->first_day, sizeof(out->first_day)) < 0 ||
	    one_text(st, last_day_sql, out->last_day, sizeof(out->last_day)) < 0 ||
	    extent_last_year(st, out->last_year) < 0 ||
	    store_last_month(st, out->last_month, NULL) < 0)
		return -1;
	return 0;
}

int store_extent(struct store *st, struct store_extent *out)
{
	static const char counts_sql[] =
		"SELECT count(CASE WHEN date_precision = 'day' THEN 1 END),"
		"       count(CASE WHEN date_precision = 'month' THEN 1 END),"
		"       count(CASE WHEN date_precision = 'year' THEN 1 END),"
		"       count(*) - count(date_start)"
		"  FROM incident";
	struct db_stmt *s = NULL;
	int ret = 0;

	memset(out, 0, sizeof(*out));
	if (extent_dates(st, out) < 0)
		return -1;
	if (db_prepare(store_db(st), counts_sql, &s) < 0 ||
	    db_step(s) != DB_ROW) {
		ret = store_db_error(st, "cannot read where the data ends");
		goto out;
	}
	out->by_day = db_column_int64(s, 0);
	out->by_month = db_column_int64(s, 1);
	out->by_year = db_column_int64(s, 2);
	out->undated = db_column_int64(s, 3);
out:
	db_finalize(s);
	return ret;
}

int store_stats(struct store *st, struct store_stats *out)
{
	static const char summary_sql[] =
		"SELECT count(*), min(date_start), max(date_end), max(imported_at) FROM incident";
	static const char countries_sql[] =
		"SELECT (SELECT count(DISTINCT country) FROM incident_country),"
		"       (SELECT count(*) FROM incident i WHERE NOT EXISTS"
		"          (SELECT 1 FROM incident_country c WHERE c.incident_id = i.id))";
	static const char formats_sql[] =
		"SELECT format, count(*) FROM incident GROUP BY format ORDER BY count(*) DESC, format";
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	memset(out, 0, sizeof(*out));
	out->schema_version = store_schema_version();
	if (db_prepare(store_db(st), summary_sql, &s) < 0 ||
	    db_step(s) != DB_ROW)
		goto fail;
	out->incidents = db_column_int64(s, 0);
	if (!db_column_is_null(s, 1)) {
		snprintf(out->first, sizeof(out->first), "%s", db_column_text(s, 1));
		snprintf(out->last, sizeof(out->last), "%s", db_column_text(s, 2));
	}
	out->last_import = column_text(s, 3);
	db_finalize(s);
	s = NULL;

	if (db_prepare(store_db(st), countries_sql, &s) < 0 ||
	    db_step(s) != DB_ROW)
		goto fail;
	out->countries = db_column_int64(s, 0);
	out->no_country = db_column_int64(s, 1);
	db_finalize(s);
	s = NULL;

	if (db_prepare(store_db(st), formats_sql, &s) < 0)
		goto fail;
	while ((rc = db_step(s)) == DB_ROW) {
		size_t alloc = out->formats_nr;

		out->formats = xrealloc(out->formats, (alloc + 1) * sizeof(*out->formats));
		out->formats[out->formats_nr].name = column_text(s, 0);
		out->formats[out->formats_nr].n = db_column_int64(s, 1);
		out->formats_nr++;
	}
	if (rc != DB_DONE)
		goto fail;

	if (store_extent(st, &out->extent) < 0) {
		store_stats_release(out);
		goto out;
	}
	out->file_size = db_size(store_db(st));
	if (out->file_size < 0)
		goto fail;
	ret = 0;
	goto out;
fail:
	store_db_error(st, "cannot read the store's statistics");
	store_stats_release(out);
out:
	db_finalize(s);
	return ret;
}

void store_stats_release(struct store_stats *s)
{
	for (size_t i = 0; i < s->formats_nr; i++)
		free(s->formats[i].name);
	free(s->formats);
	free(s->last_import);
	memset(s, 0, sizeof(*s));
}

/* Computes the state of a store migrated with incidents in it, and keeps it. */
static int compute_state(struct store *st, long long *incidents, unsigned long long *digest)
{
	static const char scan_sql[] = "SELECT digest FROM incident";
	static const char save_sql[] = "UPDATE store_state SET incidents = ?1, digest = ?2 WHERE id = 1";
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	*incidents = 0;
	*digest = 0;
	if (db_prepare(store_db(st), scan_sql, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		*digest ^= (unsigned long long)db_column_int64(s, 0);
		(*incidents)++;
	}
	if (rc != DB_DONE)
		goto out;
	db_finalize(s);
	if (db_prepare(store_db(st), save_sql, &s) < 0)
		goto out;
	db_bind_int64(s, 1, *incidents);
	db_bind_int64(s, 2, (long long)*digest);
	/* Keeping it is an optimisation: a store opened read-only still answers. */
	db_step(s);
	ret = 0;
out:
	if (ret < 0)
		store_db_error(st, "cannot compute the store's digest");
	db_finalize(s);
	return ret;
}

int store_summary(struct store *st, struct store_summary *out)
{
	static const char state_read_sql[] = "SELECT incidents, digest FROM store_state WHERE id = 1";
	static const char last_sql[] = "SELECT finished_at FROM import_run ORDER BY id DESC LIMIT 1";
	struct db_stmt *s = NULL;
	long long incidents = 0;
	unsigned long long digest = 0;
	int rc, ret = -1;

	memset(out, 0, sizeof(*out));
	if (db_prepare(store_db(st), state_read_sql, &s) < 0 ||
	    db_step(s) != DB_ROW) {
		store_db_error(st, "cannot read the store's digest");
		goto out;
	}
	if (db_column_is_null(s, 1)) {
		if (compute_state(st, &incidents, &digest) < 0)
			goto out;
	} else {
		incidents = db_column_int64(s, 0);
		digest = (unsigned long long)db_column_int64(s, 1);
	}
	db_finalize(s);
	s = NULL;
	out->incidents = incidents;
	snprintf(out->digest, sizeof(out->digest), "%016llx", digest);
	if (extent_dates(st, &out->extent) < 0)
		goto out;

	if (db_prepare(store_db(st), last_sql, &s) < 0) {
		store_db_error(st, "cannot read the import log");
		goto out;
	}
	rc = db_step(s);
	if (rc == DB_ROW)
		out->last_import = column_text(s, 0);
	else if (rc != DB_DONE) {
		store_db_error(st, "cannot read the import log");
		goto out;
	}
	ret = 0;
out:
	if (ret < 0)
		store_summary_release(out);
	db_finalize(s);
	return ret;
}

void store_summary_release(struct store_summary *s)
{
	free(s->last_import);
	memset(s, 0, sizeof(*s));
}
