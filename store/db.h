#ifndef STORE_DB_H
#define STORE_DB_H

/*
 * The SQL database under the store: a SQLite file (store/db_sqlite.c) or a
 * PostgreSQL database (store/db_pg.c), behind one statement interface. Only
 * store/ and queries/ include this header; nothing above them knows which
 * backend serves a store.
 *
 * One dialect. SQL is written once, in the subset both backends take:
 *
 *   - parameters are named (:name, the same name may recur) or numbered
 *     (?1 .. ?99, which may recur) or plain ? (numbered in order); one
 *     statement uses one of the three forms. db_pg.c rewrites them to $n.
 *   - a parameter whose type the SQL does not fix, because it is only
 *     tested for NULL or compared with a literal, is cast where it is
 *     used: CAST(:type AS TEXT) IS NULL. (PostgreSQL must know the type of
 *     every parameter; SQLite ignores the cast.)
 *   - text compares and sorts bytewise in both (PostgreSQL columns are
 *     declared COLLATE "C"); case-insensitive matching is lower(x) =
 *     lower(y), which folds ASCII only in both.
 *   - an id made by an insert comes back with RETURNING id.
 *   - what cannot be said in the subset (the JSON array of a country
 *     filter, group_concat) is provided by the PostgreSQL schema as a
 *     function of the SQLite name, in store/db_pg.c's schema, so that the
 *     difference lives in one place.
 *
 * Values. A column is read as the type asked for, whatever the backend
 * sent: db_column_int64() of "t"/"f" (a PostgreSQL boolean) is 1/0, of a
 * numeric text its value; db_column_text() of a number is its text.
 *
 * Errors. Every function that can fail returns -1 and leaves what the
 * database said in db_errmsg(), for the caller to report with error() and
 * its own context (the store's db_display(), what it was doing); only
 * db_open() reports itself. Nothing here exits. A struct db is one
 * connection and is not thread-safe.
 */

#include "store.h"

struct buf;
struct db;
struct db_stmt;

enum db_backend {
	DB_SQLITE,
	DB_POSTGRES,
};

/*
 * Whether `target` (a --db value, $IBRIEF_DB or [store] path) names a
 * PostgreSQL database: a postgresql:// or postgres:// URI, or a libpq
 * keyword string with service=, host= or dbname=. Anything else is a path.
 */
int db_target_is_postgres(const char *target);

/*
 * `target` as it may be shown (messages, a PDF's provenance, ibrief
 * stats): a path as it is, a URI or keyword string with any password
 * removed. Returns an allocated string the caller frees; never NULL.
 */
char *db_target_display(const char *target);

/*
 * Opens the database `target` names for `mode` (store.h): a SQLite file
 * as store/db_sqlite.c describes, or a PostgreSQL connection (connect timeout
 * 10 s unless the target sets connect_timeout). Checks the schema (an
 * ibrief store, not newer than this build) and, unless reading, creates
 * or migrates it. On success sets *out to a db the caller releases with
 * db_close(). On failure reports one message naming db_target_display()
 * and returns -1, *out NULL.
 */
int db_open(struct db **out, const char *target, enum store_mode mode);
/*
 * What the database holds, as this connection would read it now: two
 * calls give equal versions only if nothing changed in between, neither
 * through this connection nor by a commit of another that it would see.
 * Versions of two connections are never equal (`connection` is unique in
 * the process). Returns 0, or -1 when the backend cannot tell at this
 * point (a PostgreSQL writer outside a snapshot): then assume a change.
 * For caching what a query computed (queries/run.c).
 */
struct db_version {
	unsigned long long connection, data;
};
int db_data_version(struct db *db, struct db_version *out);

/* Closes `db`, rolling back an open transaction; NULL is a no-op. */
void db_close(struct db *db);

/*
 * What the last failed call on `db` (or a statement of it) failed with,
 * for a message. For SQLite as db_sqlite_errmsg() says it (with the system's
 * reason for an I/O error); for PostgreSQL the server's primary message.
 * The text lives until the next call on `db`.
 */
const char *db_errmsg(struct db *db);

enum db_backend db_backend(const struct db *db);
/* The target as db_target_display() shows it; owned by the db. */
const char *db_display(const struct db *db);

/*
 * Prepares one statement of `sql` (which the statement may keep pointing
 * to: pass a string that outlives it, normally a literal). On success
 * sets *out to a statement the caller releases with db_finalize().
 */
int db_prepare(struct db *db, const char *sql, struct db_stmt **out);
/* Releases `s`; NULL is a no-op. */
void db_finalize(struct db_stmt *s);
/* Makes `s` ready to run again; its bindings are kept until rebound or cleared. */
void db_reset(struct db_stmt *s);
void db_clear_bindings(struct db_stmt *s);

/* The 1-based index of parameter ":name" (the name given with its colon), or 0. */
int db_param(struct db_stmt *s, const char *name);

/* Binding parameter `i` (1-based). text is copied; NULL text binds NULL. */
int db_bind_int64(struct db_stmt *s, int i, long long v);
int db_bind_double(struct db_stmt *s, int i, double v);
int db_bind_text(struct db_stmt *s, int i, const char *text);
int db_bind_null(struct db_stmt *s, int i);
/*
 * db_bind_text() without the copy where the backend can do without one
 * (SQLite): `text` must stay valid and unchanged for as long as `s` may
 * be stepped with this binding, that is until the parameter is bound
 * again, the bindings are cleared or `s` is finalized. For the writes of
 * a record its caller holds.
 */
int db_bind_text_ref(struct db_stmt *s, int i, const char *text);

enum {
	DB_DONE = 0,
	DB_ROW = 1,
};

/* Runs `s` to its next row: DB_ROW, DB_DONE, or -1 with a message. */
int db_step(struct db_stmt *s);

/* The current row's columns (0-based); valid until the next step or reset. */
int db_column_count(struct db_stmt *s);
int db_column_is_null(struct db_stmt *s, int i);
long long db_column_int64(struct db_stmt *s, int i);
double db_column_double(struct db_stmt *s, int i);
/* NULL for SQL NULL; owned by the statement until the next step or reset. */
const char *db_column_text(struct db_stmt *s, int i);

/* Runs one or more statements without parameters or rows. */
int db_exec(struct db *db, const char *sql);

/*
 * Transactions. db_begin() takes the write lock at once where the backend
 * has one (SQLite BEGIN IMMEDIATE), so that two writers queue rather than
 * fail at commit. Rolling back without a transaction is a no-op.
 */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/*
 * For a bulk load into empty tables, inside a transaction: drops the
 * indexes of the tables whose names start with `table_prefix` that are
 * not unique (a unique index is a constraint the rows must meet as they
 * come) and appends to `rebuild` the SQL that makes them again, for the
 * caller to db_exec() before the commit: one sort per index instead of an
 * insert at a random place per row. The SQL may set what the build runs
 * under (SQLite: a sorter thread) and sets it back after. Done where it
 * is safe and pays: SQLite, whose DDL is part of the transaction (a rollback or a crash
 * leaves the indexes as they were) and whose writer is alone. On
 * PostgreSQL, where other sessions' queries use the indexes meanwhile, it
 * does nothing. Returns 0, or -1 on error (db_errmsg() says why).
 */
int db_defer_indexes(struct db *db, const char *table_prefix, struct buf *rebuild);

/*
 * Whether the connection checks, as rows are written, that each reference
 * (a foreign key) names an existing row, and acts on ON DELETE CASCADE.
 * Outside a transaction only. The store turns it off for the length of
 * its own transactions, whose rows name their parents by construction
 * (store_begin() in store.c says why). Where the backend always checks
 * (PostgreSQL) it does nothing. Returns 0, or -1 (db_errmsg() says why).
 */
int db_foreign_keys(struct db *db, int on);

/*
 * The bytes the database takes: a SQLite file with its -wal file, or
 * pg_database_size() of a PostgreSQL database. -1 when it cannot be told
 * (db_errmsg() says why).
 */
long long db_size(struct db *db);

#endif
