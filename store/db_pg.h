#ifndef STORE_DB_PG_H
#define STORE_DB_PG_H

/*
 * For store/db_pg*.c and store/schema_pg.c only: the PostgreSQL backend of
 * store/db.h, on libpq.
 *
 * A connection sends one statement's rows at a time, and a statement's
 * rows come one by one (libpq's single-row mode), so that a scan of a
 * whole store is never held in memory. When another statement needs the
 * connection while one is still sending (a lookup per row of a scan, as
 * SQLite allows), the rows still to come are first read into the sending
 * statement's own queue (pg_claim()); only such nesting holds rows.
 *
 * Statements are prepared on the server once per connection for each
 * text and each set of parameter types (a cache in struct pg_db), so that
 * an import runs its lookups and inserts a million times on one plan.
 * Every value goes as text, and comes back as text (db_pg_stmt.c reads it
 * as the type asked for).
 *
 * Transactions: see db_pg.c (writers queue on an advisory lock; a reader's
 * whole session is one read-only snapshot).
 */

#include <libpq-fe.h>

#include "db_impl.h"
#include "../util/buf.h"

/* A server-side prepared statement: its text, parameter types and name. */
struct pg_prepared {
	struct pg_prepared *next;
	char *sql;
	int nparams;
	Oid *types;
	char name[24];
};

#define PG_CACHE_BUCKETS 256

struct pg_stmt;

struct pg_db {
	struct db base;
	PGconn *conn;
	enum store_mode mode;
	int in_transaction;		/* between db_begin() and db_commit()/db_rollback() */
	int snapshot;			/* a writer's reads share a snapshot (db_pg.c) */
	unsigned long long snapshots;	/* snapshots begun or ended: db_data_version() */
	struct pg_stmt *sending;	/* the statement whose rows the connection is sending */
	struct pg_prepared *cache[PG_CACHE_BUCKETS];
	unsigned long prepared_nr;
	struct buf err;			/* the last failure's text */
};

/*
 * Makes the connection free for a new command: the statement still
 * sending rows reads them into its queue.
 */
void pg_claim(struct pg_db *pg);

/*
 * Records the failure of `res` (NULL: of the connection) as the db's
 * error text, the server's primary message, or that the connection is
 * lost. Returns -1. A reader whose snapshot an error aborted starts a new
 * one so that it can go on reading.
 */
int pg_fail(struct pg_db *pg, const PGresult *res);
/* Records `msg` as the db's error text; returns -1. */
int pg_fail_text(struct pg_db *pg, const char *msg);

/*
 * Before `sql` runs outside a transaction of db_begin(): a writer's reads
 * take a snapshot, its writes end it (db_pg.c).
 */
void pg_before(struct pg_db *pg, const char *sql);

/* Whether `sql` only reads: it starts SELECT, WITH or VALUES. */
int pg_reads_only(const char *sql);

/* Runs `sql` (no parameters, rows ignored); 0 or -1 via pg_fail(). */
int pg_exec(struct pg_db *pg, const char *sql);

/*
 * The name of the statement prepared for `sql` with `types` (nparams of
 * them, 0 for unknown), preparing it the first time. NULL after pg_fail().
 */
const char *pg_prepared_name(struct pg_db *pg, const char *sql, int nparams, const Oid *types);
void pg_cache_release(struct pg_db *pg);

/* db_pg_stmt.c: the statement operations of db_pg_ops. */
int pg_prepare(struct db *db, const char *sql, struct db_stmt **out);
void pg_finalize(struct db_stmt *s);
void pg_reset(struct db_stmt *s);
void pg_clear_bindings(struct db_stmt *s);
int pg_param(struct db_stmt *s, const char *name);
int pg_bind_int64(struct db_stmt *s, int i, long long v);
int pg_bind_double(struct db_stmt *s, int i, double v);
int pg_bind_text(struct db_stmt *s, int i, const char *text);
int pg_bind_null(struct db_stmt *s, int i);
int pg_step(struct db_stmt *s);
int pg_column_count(struct db_stmt *s);
int pg_column_is_null(struct db_stmt *s, int i);
long long pg_column_int64(struct db_stmt *s, int i);
double pg_column_double(struct db_stmt *s, int i);
const char *pg_column_text(struct db_stmt *s, int i);
/* Reads the rest of `s`'s rows into its queue (pg_claim()'s work). */
void pg_stmt_park(struct pg_stmt *s);

/*
 * schema_pg.c: checks the schema of the database `pg` is connected to
 * and, unless reading, creates or migrates it, as store/db.h's db_open()
 * says. Reports with error() naming `display`; returns 0 or -1.
 */
int schema_pg_check(struct pg_db *pg, const char *display, enum store_mode mode);

/*
 * Opens libpq (store/db_pg_lib.c) before the first connection; 0, or -1
 * with a message about `name` (the store) when it cannot be loaded.
 */
int pg_lib_load(const char *where);

/* The key of the advisory lock every writer takes (pg_advisory_xact_lock). */
#define PG_WRITE_LOCK "1768059506"	/* 0x69627272, "ibrr" */

#endif
