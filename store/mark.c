#include "mark.h"

#include <limits.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "../util/banned.h"

/* The row id of incident `ref` (a row id or a key): 1 found, 0 not, -1 error. */
static int resolve(struct store *st, const char *ref, long long *id)
{
	static const char by_id[] = "SELECT id FROM incident WHERE id = ?";
	static const char by_key[] = "SELECT id FROM incident WHERE key = ?";
	struct db_stmt *s = NULL;
	long n;
	int is_id = parse_long(ref, 1, LONG_MAX, &n) == 0;
	int rc, ret = -1;

	if (db_prepare(store_db(st), is_id ? by_id : by_key, &s) < 0) {
		store_db_error(st, "cannot look up an incident");
		goto out;
	}
	if (is_id)
		db_bind_int64(s, 1, n);
	else
		db_bind_text(s, 1, ref);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*id = db_column_int64(s, 0);
		ret = 1;
	} else if (rc == DB_DONE) {
		ret = 0;
	} else {
		store_db_error(st, "cannot look up an incident");
	}
out:
	db_finalize(s);
	return ret;
}

int store_mark(struct store *st, const char *ref, const char *mark, long long *id_out)
{
	static const char set_sql[] =
		"INSERT INTO incident_mark (incident_id, mark, marked_at) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (incident_id) DO UPDATE SET mark = ?2, marked_at = ?3";
	static const char clear_sql[] = "DELETE FROM incident_mark WHERE incident_id = ?1";
	struct db_stmt *s = NULL;
	long long id = 0;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	int ret;

	if (mark && strcmp(mark, "notable") && strcmp(mark, "ignore"))
		return error("'%s' is not a mark (notable, ignore)", mark);
	ret = resolve(st, ref, &id);
	if (ret <= 0)
		return ret;
	if (id_out)
		*id_out = id;
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	ret = -1;
	if (db_prepare(store_db(st), mark ? set_sql : clear_sql, &s) < 0) {
		store_db_error(st, "cannot mark the incident");
		goto out;
	}
	db_bind_int64(s, 1, id);
	if (mark) {
		db_bind_text(s, 2, mark);
		db_bind_text(s, 3, now);
	}
	if (db_step(s) != DB_DONE) {
		store_db_error(st, "cannot mark the incident");
		goto out;
	}
	ret = 1;
out:
	db_finalize(s);
	return ret;
}

int store_mark_get(struct store *st, const char *ref, const char **mark)
{
	static const char sql[] = "SELECT mark FROM incident_mark WHERE incident_id = ?";
	struct db_stmt *s = NULL;
	long long id = 0;
	const char *m;
	int rc, ret;

	*mark = NULL;
	ret = resolve(st, ref, &id);
	if (ret <= 0)
		return ret;
	ret = -1;
	if (db_prepare(store_db(st), sql, &s) < 0) {
		store_db_error(st, "cannot read the mark");
		goto out;
	}
	db_bind_int64(s, 1, id);
	rc = db_step(s);
	if (rc != DB_ROW && rc != DB_DONE) {
		store_db_error(st, "cannot read the mark");
		goto out;
	}
	m = rc == DB_ROW ? db_column_text(s, 0) : NULL;
	if (m)
		*mark = !strcmp(m, "notable") ? "notable" : "ignore";
	ret = 1;
out:
	db_finalize(s);
	return ret;
}
