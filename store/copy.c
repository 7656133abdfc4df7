#include "copy.h"

#include <stdio.h>
#include <stdlib.h>

#include "briefing.h"
#include "db.h"
#include "../util/banned.h"

/*
 * The rows the store's own API does not read or write as they are: the
 * marks (store_mark() stamps the time of marking) and the import log
 * (store_log_import() stamps the time of the import). Copied row by row,
 * column by column as the type letter says (i integer, t text), with
 * their row ids. The incidents they name have their ids in the copy.
 */
struct raw_table {
	const char *what;	/* for a message and the counts */
	const char *select_sql, *insert_sql;
	const char *types;
};

static const struct raw_table raw_tables[] = {
	{
		.what = "the marks",
		.select_sql = "SELECT incident_id, mark, marked_at FROM incident_mark"
			      " ORDER BY incident_id",
		.insert_sql = "INSERT INTO incident_mark (incident_id, mark, marked_at)"
			      " VALUES (?, ?, ?)",
		.types = "itt",
	},
	{
		.what = "the import log",
		.select_sql = "SELECT id, file, format, finished_at, new, updated, unchanged,"
			      " rejected FROM import_run ORDER BY id",
		.insert_sql = "INSERT INTO import_run (id, file, format, finished_at, new, updated,"
			      " unchanged, rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		.types = "itttiiii",
	},
};

/* Copies one of raw_tables; sets *n to the rows copied. */
static int copy_raw(struct store *src, struct store *dst, const struct raw_table *t,
		    long long *n)
{
	struct db_stmt *in = NULL, *out = NULL;
	int rc = -1;

	*n = 0;
	if (db_prepare(store_db(src), t->select_sql, &in) < 0) {
		store_db_error(src, "cannot read the store");
		goto out;
	}
	if (db_prepare(store_db(dst), t->insert_sql, &out) < 0) {
		store_db_error(dst, "cannot write the store");
		goto out;
	}
	while ((rc = db_step(in)) == DB_ROW) {
		for (int c = 0; t->types[c]; c++) {
			int bad;

			if (db_column_is_null(in, c))
				bad = db_bind_null(out, c + 1);
			else if (t->types[c] == 'i')
				bad = db_bind_int64(out, c + 1, db_column_int64(in, c));
			else
				bad = db_bind_text(out, c + 1, db_column_text(in, c));
			if (bad < 0) {
				rc = -1;
				break;
			}
		}
		if (rc < 0 || db_step(out) != DB_DONE) {
			rc = error("'%s': cannot copy %s: %s", store_path(dst), t->what,
				   db_errmsg(store_db(dst)));
			goto out;
		}
		db_reset(out);
		(*n)++;
	}
	if (rc != DB_DONE) {
		rc = store_db_error(src, "cannot read the store");
		goto out;
	}
	rc = 0;
out:
	db_finalize(in);
	db_finalize(out);
	return rc;
}

/* The row ids of the incidents of `st`, in order, in a new array of *n. */
static int incident_ids(struct store *st, long long **ids, size_t *n)
{
	struct db_stmt *s = NULL;
	size_t alloc = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (db_prepare(store_db(st), "SELECT id FROM incident ORDER BY id", &s) < 0)
		return store_db_error(st, "cannot read the incidents");
	while ((rc = db_step(s)) == DB_ROW) {
		ALLOC_GROW(*ids, *n + 1, alloc);
		(*ids)[(*n)++] = db_column_int64(s, 0);
	}
	db_finalize(s);
	if (rc != DB_DONE) {
		free(*ids);
		*ids = NULL;
		return store_db_error(st, "cannot read the incidents");
	}
	return 0;
}

/*
 * Each incident as store_get() reads it and store_put() writes it: the
 * same lists, derived values and digest as an import makes, with the id
 * and import time of the original (store.h).
 */
static int copy_incidents(struct store *src, struct store *dst, const struct notify *progress,
			  long long *copied)
{
	struct incident inc;
	long long *ids;
	size_t n;
	int ret = -1, told = 0;

	*copied = 0;
	if (incident_ids(src, &ids, &n) < 0)
		return -1;
	incident_init(&inc);
	for (size_t i = 0; i < n; i++) {
		enum store_put_result res;
		char ref[24];
		int found;

		snprintf(ref, sizeof(ref), "%lld", ids[i]);
		found = store_get(src, ref, &inc);
		if (found < 0)
			goto out;
		if (!found) {
			error("'%s': incident %s went away during the copy", store_path(src), ref);
			goto out;
		}
		if (store_put(dst, &inc, &res) < 0)
			goto out;
		if (res != STORE_PUT_NEW || inc.id != ids[i]) {
			error("'%s': incident %s ('%s') is there twice", store_path(src), ref, inc.key);
			goto out;
		}
		(*copied)++;
		if (progress && !((i + 1) & 1023)) {
			told = 1;
			notify(progress, NOTIFY_PROGRESS, 0, "copying incidents: %zu of %zu", i + 1, n);
		}
	}
	ret = 0;
out:
	if (told)
		notify(progress, NOTIFY_DONE, 0, "%s", "");
	incident_release(&inc);
	free(ids);
	return ret;
}

/* The briefings, oldest first, with their ids and figures. */
static int copy_briefings(struct store *src, struct store *dst, long long *copied)
{
	struct store_briefing *v;
	size_t n;
	int ret = 0;

	*copied = 0;
	if (store_briefing_list(src, &v, &n) < 0)
		return -1;
	for (size_t i = n; i-- > 0 && !ret;) {
		if (store_briefing_put(dst, &v[i]) < 0)
			ret = -1;
		else
			(*copied)++;
	}
	for (size_t i = 0; i < n; i++)
		store_briefing_release(&v[i]);
	free(v);
	return ret;
}

/* 1 when `st` holds no incident, import or briefing, 0 when it does, -1 on error. */
static int store_is_empty(struct store *st)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM incident), (SELECT count(*) FROM import_run),"
		" (SELECT count(*) FROM briefing)";
	struct db_stmt *s = NULL;
	int ret = -1;

	if (db_prepare(store_db(st), sql, &s) < 0 || db_step(s) != DB_ROW) {
		store_db_error(st, "cannot read the store");
		goto out;
	}
	ret = 1;
	long long incidents = db_column_int64(s, 0), imports = db_column_int64(s, 1),
		  briefings = db_column_int64(s, 2);
	if (incidents || imports || briefings) {
		error("'%s' is not empty (%lld incident%s, %lld import%s, %lld briefing%s):"
		      " store copy writes into a new or empty store only", store_path(st),
		      incidents, incidents == 1 ? "" : "s", imports, imports == 1 ? "" : "s",
		      briefings, briefings == 1 ? "" : "s");
		ret = 0;
	}
out:
	db_finalize(s);
	return ret;
}

int store_copy(const char *from, const char *to, const struct notify *progress,
	       struct store_copy_counts *out)
{
	struct store_copy_counts counts = { 0 };
	struct store *src = NULL, *dst = NULL;
	int ret = -1;

	if (store_open(&src, from, STORE_READ) < 0 || store_open(&dst, to, STORE_WRITE) < 0 ||
	    store_is_empty(dst) <= 0)
		goto out;
	if (store_begin(dst) < 0)
		goto out;
	if (copy_incidents(src, dst, progress, &counts.incidents) < 0 ||
	    copy_raw(src, dst, &raw_tables[0], &counts.marks) < 0 ||
	    copy_raw(src, dst, &raw_tables[1], &counts.imports) < 0 ||
	    copy_briefings(src, dst, &counts.briefings) < 0 ||
	    store_commit(dst) < 0) {
		store_rollback(dst);
		goto out;
	}
	if (out)
		*out = counts;
	ret = 0;
out:
	store_close(src);
	store_close(dst);
	return ret;
}
