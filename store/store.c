#include "store.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "schema.h"
#include "../util/buf.h"
#include "../util/banned.h"

/*
 * The lists of an incident and their child tables. The SQL is spelled out
 * per table (a table name cannot be a bound parameter); LIST() keeps the
 * three statements of a table in step.
 */
struct list_table {
	size_t offset;		/* of the struct strlist in struct incident */
	const char *insert_sql;
	const char *select_sql;
	int taxonomy;		/* the rows also hold inc->technique_taxonomy */
	int dated;		/* the rows also hold the incident's dates (version 7) */
};

#define LIST(member, table, column) { \
	.offset = offsetof(struct incident, member), \
	.insert_sql = "INSERT INTO " table " (incident_id, pos, " column ") VALUES (?, ?, ?)", \
	.select_sql = "SELECT " column " FROM " table " WHERE incident_id = ? ORDER BY pos", \
}

/* A list the period's queries count: its rows carry the incident's dates (schema version 7). */
#define LIST_DATED(member, table, column) { \
	.offset = offsetof(struct incident, member), \
	.insert_sql = "INSERT INTO " table " (incident_id, pos, " column ", date_start, date_end)" \
		      " VALUES (?, ?, ?, ?, ?)", \
	.select_sql = "SELECT " column " FROM " table " WHERE incident_id = ? ORDER BY pos", \
	.dated = 1, \
}

/* A dated list whose values carry their taxonomy (schema version 5). */
#define LIST_TAXONOMY(member, table, column) { \
	.offset = offsetof(struct incident, member), \
	.insert_sql = "INSERT INTO " table " (incident_id, pos, " column ", date_start, date_end," \
		      " taxonomy) VALUES (?, ?, ?, ?, ?, ?)", \
	.select_sql = "SELECT " column ", taxonomy FROM " table " WHERE incident_id = ? ORDER BY pos", \
	.taxonomy = 1, \
	.dated = 1, \
}

static const struct list_table list_tables[] = {
	LIST_DATED(countries, "incident_country", "country"),
	LIST_DATED(sectors, "incident_sector", "sector"),
	LIST(cia, "incident_cia", "attribute"),
	LIST_DATED(motives, "incident_motive", "motive"),
	LIST_TAXONOMY(techniques, "incident_technique", "technique"),
	LIST_DATED(actors, "incident_actor", "actor"),
	LIST(sources, "incident_source", "url"),
};
#undef LIST
#undef LIST_DATED
#undef LIST_TAXONOMY
#define NLISTS ARRAY_SIZE(list_tables)

/*
 * Removing an incident's children before rewriting them. Spelled out for
 * the same reason as above; run in this order.
 */
static const char *const delete_children_sql[] = {
	"DELETE FROM incident_country WHERE incident_id = ?",
	"DELETE FROM incident_sector WHERE incident_id = ?",
	"DELETE FROM incident_cia WHERE incident_id = ?",
	"DELETE FROM incident_motive WHERE incident_id = ?",
	"DELETE FROM incident_technique WHERE incident_id = ?",
	"DELETE FROM incident_actor WHERE incident_id = ?",
	"DELETE FROM incident_source WHERE incident_id = ?",
	"DELETE FROM incident_derived WHERE incident_id = ?",
};

/* Columns of `incident` that store_put writes, in bind order (after the key). */
#define INCIDENT_COLUMNS \
	"digest, victim, year, month, day, date_precision, date_start, date_end, " \
	"public_sector, public_kind, type, summary, description, affected, " \
	"contain_hours, contain_approximate, recover_hours, discovery_hours, " \
	"motive_count, technique_count, actor_count, source_count, " \
	"format, file, line, record, imported_at, campaign"
#define NCOLUMNS 28

static const char insert_sql[] =
	"INSERT INTO incident (id, key, " INCIDENT_COLUMNS ") VALUES (?30, ?1, "
	"?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
	"?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29) RETURNING id";
static const char update_sql[] =
	"UPDATE incident SET (" INCIDENT_COLUMNS ") = ("
	"?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
	"?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29) WHERE key = ?1";
static const char lookup_sql[] = "SELECT id, digest FROM incident WHERE key = ?";
static const char derived_insert_sql[] =
	"INSERT INTO incident_derived (incident_id, pos, field, phrase) VALUES (?, ?, ?, ?)";
/*
 * Folds `delta` into the store's digest (XOR, spelt with | & ~ as SQLite
 * has no XOR operator) and adds `added` to its count; a state not yet
 * computed (NULL after a migration) stays NULL until store_summary().
 */
static const char state_sql[] =
	"UPDATE store_state SET incidents = incidents + ?2,"
	" digest = (digest | ?1) & ~(digest & ?1) WHERE id = 1 AND digest IS NOT NULL";
static const char derived_select_sql[] =
	"SELECT field, phrase FROM incident_derived WHERE incident_id = ? ORDER BY pos";

/* The columns store_get reads, in the order read_incident expects. */
#define SELECT_COLUMNS \
	"id, key, victim, year, month, day, date_precision, " \
	"public_sector, public_kind, type, summary, description, affected, " \
	"contain_hours, contain_approximate, recover_hours, discovery_hours, " \
	"motive_count, technique_count, actor_count, source_count, " \
	"format, file, line, record, imported_at, campaign"

struct store {
	struct db *db;
	char now[32];		/* import time stamp of this session */
	int in_transaction;
	/* What the puts of the open transaction add to store_state. */
	unsigned long long state_delta;
	long long state_added;
	/* The secondary indexes a bulk import dropped, to build at commit. */
	struct buf deferred_indexes;
	struct db_stmt *lookup, *insert, *update, *derived_insert, *derived_select, *state;
	struct db_stmt *list_insert[NLISTS], *list_select[NLISTS];
	struct db_stmt *delete_children[ARRAY_SIZE(delete_children_sql)];
};

int store_db_error(struct store *st, const char *what)
{
	return error("'%s': %s: %s", db_display(st->db), what, db_errmsg(st->db));
}

/* Readies the cached statement *out of `sql`, preparing it the first time. */
static int prepare(struct store *st, const char *sql, struct db_stmt **out)
{
	if (*out) {
		db_reset(*out);
		db_clear_bindings(*out);
		return 0;
	}
	if (db_prepare(st->db, sql, out) < 0)
		return store_db_error(st, "cannot prepare a statement");
	return 0;
}

struct db *store_db(struct store *st)
{
	return st->db;
}

int store_schema_version(void)
{
	return schema_version();
}

const char *store_path(const struct store *st)
{
	return db_display(st->db);
}

int store_may_write(const char *target)
{
	const char *slash = strrchr(target, '/');
	struct buf dir = BUF_INIT;
	int ok;

	if (db_target_is_postgres(target))
		return 1;
	if (slash)
		buf_add(&dir, target, slash == target ? 1 : (size_t)(slash - target));
	else
		buf_adds(&dir, ".");
	ok = access(target, W_OK) == 0 && access(dir.buf, W_OK) == 0;
	buf_release(&dir);
	return ok;
}

/* What the database said, after the store's name: for a statement that is its own context. */
static int exec_error(struct store *st)
{
	return error("'%s': %s", db_display(st->db), db_errmsg(st->db));
}

static int exec(struct store *st, const char *sql)
{
	return db_exec(st->db, sql) < 0 ? exec_error(st) : 0;
}

int store_open(struct store **out, const char *path, enum store_mode mode)
{
	struct store *st;
	struct tm tm;
	time_t now = time(NULL);

	*out = NULL;
	st = xcalloc(1, sizeof(*st));
	buf_init(&st->deferred_indexes);
	gmtime_r(&now, &tm);
	strftime(st->now, sizeof(st->now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (db_open(&st->db, path, mode) < 0) {
		store_close(st);
		return -1;
	}
	*out = st;
	return 0;
}

static void finalize_all(struct db_stmt **s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		db_finalize(s[i]);
		s[i] = NULL;
	}
}

void store_close(struct store *st)
{
	if (!st)
		return;
	if (st->in_transaction)
		store_rollback(st);
	db_finalize(st->lookup);
	db_finalize(st->insert);
	db_finalize(st->update);
	db_finalize(st->derived_insert);
	db_finalize(st->derived_select);
	db_finalize(st->state);
	finalize_all(st->list_insert, NLISTS);
	finalize_all(st->list_select, NLISTS);
	finalize_all(st->delete_children, ARRAY_SIZE(st->delete_children));
	db_close(st->db);
	buf_release(&st->deferred_indexes);
	free(st);
}

static int update_state(struct store *st, unsigned long long delta, long long added);

/*
 * A transaction that starts on a store without incidents is a bulk load:
 * the secondary indexes of the incident tables are built again at
 * store_commit(), one sort each instead of an insert at a random place per
 * row, where the backend finds that pays (db_defer_indexes()). Measured on
 * 100,000 VERIS records into SQLite: CPU 8.9 s down to 8.1 s; at 1M records
 * the indexes outgrow the cache and they are most of the store's time.
 */
static int defer_indexes(struct store *st)
{
	struct db_stmt *s = NULL;
	int empty;

	if (db_prepare(st->db, "SELECT NOT EXISTS (SELECT 1 FROM incident)", &s) < 0 ||
	    db_step(s) != DB_ROW) {
		db_finalize(s);
		return store_db_error(st, "cannot read the store");
	}
	empty = (int)db_column_int64(s, 0);
	db_finalize(s);
	if (empty && db_defer_indexes(st->db, "incident", &st->deferred_indexes) < 0)
		return store_db_error(st, "cannot set the store's indexes aside for a bulk load");
	return 0;
}

/*
 * A store transaction writes its rows without foreign key checks: every
 * row it writes names its parent by construction (an incident's lists and
 * derived values the incident just written or looked up, a briefing's
 * figures the briefing just written), and it deletes no parent, so no
 * cascade is lost. The check was a lookup of the parent per list row, 9%
 * of the instructions of the thread that stores an import of VCDB
 * (callgrind: 1,383 M down to 1,261 M). Readers and the other writers
 * (marks) keep the checks; they are on again after the transaction.
 */
int store_begin(struct store *st)
{
	if (db_foreign_keys(st->db, 0) < 0)
		return exec_error(st);
	if (db_begin(st->db) < 0) {
		db_foreign_keys(st->db, 1);
		return exec_error(st);
	}
	st->in_transaction = 1;
	st->state_delta = 0;
	st->state_added = 0;
	buf_reset(&st->deferred_indexes);
	if (defer_indexes(st) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int store_commit(struct store *st)
{
	if ((st->state_delta || st->state_added) &&
	    update_state(st, st->state_delta, st->state_added) < 0)
		return -1;
	st->state_delta = 0;
	st->state_added = 0;
	if (st->deferred_indexes.len && exec(st, st->deferred_indexes.buf) < 0)
		return -1;
	buf_reset(&st->deferred_indexes);
	if (db_commit(st->db) < 0)
		return exec_error(st);
	st->in_transaction = 0;
	return db_foreign_keys(st->db, 1) < 0 ? exec_error(st) : 0;
}

void store_rollback(struct store *st)
{
	if (st->in_transaction) {
		db_rollback(st->db);
		db_foreign_keys(st->db, 1);
	}
	st->in_transaction = 0;
	st->state_delta = 0;
	st->state_added = 0;
	buf_reset(&st->deferred_indexes);
}

static int bind_count(struct db_stmt *s, int i, long long v)
{
	return v >= 0 ? db_bind_int64(s, i, v) : db_bind_null(s, i);
}

static int bind_hours(struct db_stmt *s, int i, double v)
{
	return v >= 0 ? db_bind_double(s, i, v) : db_bind_null(s, i);
}

/* The first and last day an incident's date can mean. */
static void date_bounds(const struct incident *inc, char start[11], char end[11])
{
	int y = inc->year % 10000;
	int m1 = inc->month ? inc->month : 1, m2 = inc->month ? inc->month : 12;
	int d1 = inc->day ? inc->day : 1, d2 = inc->day ? inc->day : days_in_month(y, m2);

	date_format(start, y, m1, d1);
	date_format(end, y, m2, d2);
}

/*
 * Binds the incident's columns. Its texts are bound without a copy
 * (db_bind_text_ref()): the incident outlives the statement's step, and
 * prepare() clears the bindings before the statement is used again. The
 * dates are this function's and are copied.
 */
static int bind_incident(struct db_stmt *s, const struct incident *inc,
			 unsigned long long digest, const char *now)
{
	char start[11], end[11];
	int has_date = inc->date_precision != DATE_NONE;
	int rc = 0;

	if (has_date)
		date_bounds(inc, start, end);
	rc |= db_bind_text_ref(s, 1, inc->key);
	rc |= db_bind_int64(s, 2, (long long)digest);
	rc |= db_bind_text_ref(s, 3, inc->victim);
	rc |= has_date ? db_bind_int64(s, 4, inc->year) : db_bind_null(s, 4);
	rc |= inc->month ? db_bind_int64(s, 5, inc->month) : db_bind_null(s, 5);
	rc |= inc->day ? db_bind_int64(s, 6, inc->day) : db_bind_null(s, 6);
	rc |= db_bind_text_ref(s, 7, date_precision_name(inc->date_precision));
	rc |= has_date ? db_bind_text(s, 8, start) : db_bind_null(s, 8);
	rc |= has_date ? db_bind_text(s, 9, end) : db_bind_null(s, 9);
	rc |= bind_count(s, 10, inc->public_sector);
	rc |= db_bind_text_ref(s, 11, inc->public_kind);
	rc |= db_bind_text_ref(s, 12, inc->type);
	rc |= db_bind_text_ref(s, 13, inc->summary);
	rc |= db_bind_text_ref(s, 14, inc->description);
	rc |= bind_count(s, 15, inc->affected);
	rc |= bind_hours(s, 16, inc->contain_hours);
	rc |= db_bind_int64(s, 17, inc->contain_approximate);
	rc |= bind_hours(s, 18, inc->recover_hours);
	rc |= bind_hours(s, 19, inc->discovery_hours);
	rc |= bind_count(s, 20, inc->motive_count);
	rc |= bind_count(s, 21, inc->technique_count);
	rc |= bind_count(s, 22, inc->actor_count);
	rc |= bind_count(s, 23, inc->source_count);
	rc |= db_bind_text_ref(s, 24, inc->format ? inc->format : "unknown");
	rc |= db_bind_text_ref(s, 25, inc->file ? inc->file : "");
	rc |= bind_count(s, 26, inc->line > 0 ? inc->line : -1);
	rc |= bind_count(s, 27, inc->record > 0 ? inc->record : -1);
	rc |= db_bind_text_ref(s, 28, now);
	rc |= db_bind_text_ref(s, 29, inc->campaign);
	return rc ? -1 : 0;
}

static int step_done(struct store *st, struct db_stmt *s, const char *what)
{
	int rc = db_step(s);

	db_reset(s);
	if (rc != DB_DONE)
		return store_db_error(st, what);
	return 0;
}

/* Texts are bound without a copy, as in bind_incident(); the dates live until the last step. */
static int write_children(struct store *st, const struct incident *inc)
{
	char start[11], end[11];
	int has_date = inc->date_precision != DATE_NONE;

	if (has_date)
		date_bounds(inc, start, end);
	for (size_t t = 0; t < NLISTS; t++) {
		const struct strlist *l = (const void *)((const char *)inc + list_tables[t].offset);

		for (size_t i = 0; i < l->n; i++) {
			struct db_stmt *s;

			if (prepare(st, list_tables[t].insert_sql, &st->list_insert[t]) < 0)
				return -1;
			s = st->list_insert[t];
			db_bind_int64(s, 1, inc->id);
			db_bind_int64(s, 2, (long long)i);
			db_bind_text_ref(s, 3, l->v[i]);
			if (list_tables[t].dated) {
				db_bind_text_ref(s, 4, has_date ? start : NULL);
				db_bind_text_ref(s, 5, has_date ? end : NULL);
			}
			if (list_tables[t].taxonomy)
				db_bind_text_ref(s, 6, taxonomy_name(inc->technique_taxonomy));
			if (step_done(st, s, "cannot write an incident's list") < 0)
				return -1;
		}
	}
	for (size_t i = 0; i < inc->derived_nr; i++) {
		if (prepare(st, derived_insert_sql, &st->derived_insert) < 0)
			return -1;
		db_bind_int64(st->derived_insert, 1, inc->id);
		db_bind_int64(st->derived_insert, 2, (long long)i);
		db_bind_text_ref(st->derived_insert, 3, inc->derived[i].field);
		db_bind_text_ref(st->derived_insert, 4, inc->derived[i].phrase);
		if (step_done(st, st->derived_insert, "cannot write a derived value") < 0)
			return -1;
	}
	return 0;
}

static int delete_children(struct store *st, long long id)
{
	for (size_t i = 0; i < ARRAY_SIZE(delete_children_sql); i++) {
		if (prepare(st, delete_children_sql[i], &st->delete_children[i]) < 0)
			return -1;
		db_bind_int64(st->delete_children[i], 1, id);
		if (step_done(st, st->delete_children[i], "cannot update an incident") < 0)
			return -1;
	}
	return 0;
}

static int update_state(struct store *st, unsigned long long delta, long long added)
{
	if (prepare(st, state_sql, &st->state) < 0)
		return -1;
	db_bind_int64(st->state, 1, (long long)delta);
	db_bind_int64(st->state, 2, added);
	return step_done(st, st->state, "cannot update the store's digest");
}

/*
 * Folds a put into store_state: at once outside a transaction, else at
 * store_commit(), so that an import updates that row once per file and
 * not once per incident.
 */
static int add_state(struct store *st, unsigned long long delta, int added)
{
	if (!st->in_transaction)
		return update_state(st, delta, added);
	st->state_delta ^= delta;
	st->state_added += added;
	return 0;
}

int store_put(struct store *st, struct incident *inc, enum store_put_result *result)
{
	return store_put_digest(st, inc, incident_digest(inc), result);
}

int store_put_digest(struct store *st, struct incident *inc, unsigned long long digest,
		     enum store_put_result *result)
{
	unsigned long long old;
	struct db_stmt *s;
	int rc;

	if (!inc->key)
		return error("'%s': an incident has no key", store_path(st));
	if (prepare(st, lookup_sql, &st->lookup) < 0)
		return -1;
	s = st->lookup;
	db_bind_text_ref(s, 1, inc->key);
	rc = db_step(s);
	if (rc == DB_ROW) {
		inc->id = db_column_int64(s, 0);
		old = (unsigned long long)db_column_int64(s, 1);
		if (old == digest) {
			db_reset(s);
			*result = STORE_PUT_UNCHANGED;
			return 0;
		}
		db_reset(s);
		if (prepare(st, update_sql, &st->update) < 0 ||
		    bind_incident(st->update, inc, digest, st->now) < 0 ||
		    step_done(st, st->update, "cannot update an incident") < 0 ||
		    delete_children(st, inc->id) < 0 ||
		    write_children(st, inc) < 0 ||
		    add_state(st, old ^ digest, 0) < 0)
			return -1;
		*result = STORE_PUT_UPDATED;
		return 0;
	}
	db_reset(s);
	if (rc != DB_DONE)
		return store_db_error(st, "cannot look up an incident");
	/* A copied incident keeps its id and import time (store.h). */
	if (prepare(st, insert_sql, &st->insert) < 0 ||
	    bind_incident(st->insert, inc, digest, inc->imported_at ? inc->imported_at : st->now) < 0 ||
	    (inc->id > 0 ? db_bind_int64(st->insert, 30, inc->id) : db_bind_null(st->insert, 30)) < 0)
		return -1;
	rc = db_step(st->insert);
	if (rc == DB_ROW)
		inc->id = db_column_int64(st->insert, 0);
	if (rc == DB_ROW)
		rc = db_step(st->insert);
	db_reset(st->insert);
	if (rc != DB_DONE)
		return store_db_error(st, "cannot write an incident");
	if (write_children(st, inc) < 0 || add_state(st, digest, 1) < 0)
		return -1;
	*result = STORE_PUT_NEW;
	return 0;
}

int store_log_import(struct store *st, const char *file, const char *format,
		     long new_, long updated, long unchanged, long rejected)
{
	static const char sql[] =
		"INSERT INTO import_run (file, format, finished_at, new, updated, unchanged, rejected)"
		" VALUES (?, ?, ?, ?, ?, ?, ?)";
	struct db_stmt *s = NULL;
	int ret = -1;

	if (db_prepare(st->db, sql, &s) < 0) {
		store_db_error(st, "cannot log the import");
		goto out;
	}
	db_bind_text(s, 1, file);
	db_bind_text(s, 2, format);
	db_bind_text(s, 3, st->now);
	db_bind_int64(s, 4, new_);
	db_bind_int64(s, 5, updated);
	db_bind_int64(s, 6, unchanged);
	db_bind_int64(s, 7, rejected);
	ret = step_done(st, s, "cannot log the import");
out:
	db_finalize(s);
	return ret;
}

static char *column_text(struct db_stmt *s, int i)
{
	const char *t = db_column_text(s, i);

	return t ? xstrdup(t) : NULL;
}

static long long column_count(struct db_stmt *s, int i)
{
	return db_column_is_null(s, i) ? -1 : db_column_int64(s, i);
}

static double column_hours(struct db_stmt *s, int i)
{
	return db_column_is_null(s, i) ? -1 : db_column_double(s, i);
}

static enum date_precision precision_from(const char *name)
{
	if (!name)
		return DATE_NONE;
	if (!strcmp(name, "day"))
		return DATE_DAY;
	if (!strcmp(name, "month"))
		return DATE_MONTH;
	return DATE_YEAR;
}

/* Fills `inc` from a row of SELECT_COLUMNS, then reads its children. */
static int read_incident(struct store *st, struct db_stmt *s, struct incident *inc)
{
	const char *prec = db_column_text(s, 6);

	incident_release(inc);
	inc->id = db_column_int64(s, 0);
	inc->key = column_text(s, 1);
	inc->victim = column_text(s, 2);
	inc->year = (int)db_column_int64(s, 3);
	inc->month = (int)db_column_int64(s, 4);
	inc->day = (int)db_column_int64(s, 5);
	inc->date_precision = precision_from(prec);
	inc->public_sector = (int)column_count(s, 7);
	inc->public_kind = column_text(s, 8);
	inc->type = column_text(s, 9);
	inc->summary = column_text(s, 10);
	inc->description = column_text(s, 11);
	inc->affected = column_count(s, 12);
	inc->contain_hours = column_hours(s, 13);
	inc->contain_approximate = (int)db_column_int64(s, 14);
	inc->recover_hours = column_hours(s, 15);
	inc->discovery_hours = column_hours(s, 16);
	inc->motive_count = (long)column_count(s, 17);
	inc->technique_count = (long)column_count(s, 18);
	inc->actor_count = (long)column_count(s, 19);
	inc->source_count = (long)column_count(s, 20);
	inc->format = column_text(s, 21);
	inc->file = column_text(s, 22);
	inc->line = (long)column_count(s, 23);
	inc->record = (long)column_count(s, 24);
	inc->imported_at = column_text(s, 25);
	inc->campaign = column_text(s, 26);
	if (inc->line < 0)
		inc->line = 0;
	if (inc->record < 0)
		inc->record = 0;

	for (size_t t = 0; t < NLISTS; t++) {
		struct strlist *l = (void *)((char *)inc + list_tables[t].offset);
		struct db_stmt *c;
		int rc;

		if (prepare(st, list_tables[t].select_sql, &st->list_select[t]) < 0)
			return -1;
		c = st->list_select[t];
		db_bind_int64(c, 1, inc->id);
		while ((rc = db_step(c)) == DB_ROW) {
			strlist_add(l, db_column_text(c, 0));
			/* One record's values share one taxonomy: the importer's. */
			if (list_tables[t].taxonomy &&
			    taxonomy_parse(db_column_text(c, 1)) > 0)
				inc->technique_taxonomy =
					(enum taxonomy)taxonomy_parse(db_column_text(c, 1));
		}
		db_reset(c);
		if (rc != DB_DONE)
			return store_db_error(st, "cannot read an incident's list");
	}
	if (prepare(st, derived_select_sql, &st->derived_select) < 0)
		return -1;
	db_bind_int64(st->derived_select, 1, inc->id);
	for (;;) {
		int rc = db_step(st->derived_select);

		if (rc == DB_DONE)
			break;
		if (rc != DB_ROW) {
			db_reset(st->derived_select);
			return store_db_error(st, "cannot read derived values");
		}
		incident_derive(inc, db_column_text(st->derived_select, 0),
				db_column_text(st->derived_select, 1));
	}
	db_reset(st->derived_select);
	return 0;
}

int store_get(struct store *st, const char *ref, struct incident *out)
{
	static const char by_id[] = "SELECT " SELECT_COLUMNS " FROM incident WHERE id = ?";
	static const char by_key[] = "SELECT " SELECT_COLUMNS " FROM incident WHERE key = ?";
	struct db_stmt *s = NULL;
	long id;
	int is_id = parse_long(ref, 1, LONG_MAX, &id) == 0;
	int rc, ret = -1;

	if (db_prepare(st->db, is_id ? by_id : by_key, &s) < 0) {
		store_db_error(st, "cannot read an incident");
		goto out;
	}
	if (is_id)
		db_bind_int64(s, 1, id);
	else
		db_bind_text(s, 1, ref);
	rc = db_step(s);
	if (rc == DB_DONE) {
		ret = 0;
		goto out;
	}
	if (rc != DB_ROW) {
		store_db_error(st, "cannot read an incident");
		goto out;
	}
	ret = read_incident(st, s, out) < 0 ? -1 : 1;
out:
	db_finalize(s);
	return ret;
}

