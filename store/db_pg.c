/*
 * The PostgreSQL backend of store/db.h: the connection, its errors, the
 * cache of prepared statements and transactions (db_pg.h).
 *
 * Transactions. Writers queue as SQLite's BEGIN IMMEDIATE makes them: a
 * writer's db_begin() takes a transaction-level advisory lock, held to its
 * commit or rollback, and reads at READ COMMITTED, so that each statement
 * after the lock sees every import committed before it. An import's
 * lookup-then-insert of a record (store_put()) then never races another
 * import's: two analysts importing the same record at once make one
 * incident. (REPEATABLE READ would not do: its snapshot would be taken by
 * the statement that waits for the lock, before the other import
 * commits.) A reader's whole session is one REPEATABLE READ, READ ONLY
 * transaction, so a report sees an import that runs beside it wholly or
 * not at all, in every one of its queries; and the session is read-only
 * (default_transaction_read_only), so a reader never writes. A writer's
 * reads outside db_begin() (a report that may record itself, `ibrief
 * mark` looking an incident up) share such a snapshot too, from the first
 * read to the next write, which runs on its own as SQLite's autocommit
 * does (pg_before()).
 *
 * Plans: see start() in db_pg_stmt.c. The session costs a random page as
 * little more than a sequential one, as for a store in memory or on SSD:
 * the per-incident lookups of the queries are index probes, which
 * PostgreSQL's default costs would trade for a scan of a whole child
 * table.
 */
#include "db_pg.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"
#include "../util/banned.h"

#define READ_TRANSACTION "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

static struct pg_db *pg_of(struct db *db)
{
	return (struct pg_db *)db;
}

void pg_claim(struct pg_db *pg)
{
	if (pg->sending)
		pg_stmt_park(pg->sending);
}

/* Ends a writer's snapshot (its reads only: nothing to lose). */
static void end_snapshot(struct pg_db *pg)
{
	if (!pg->snapshot)
		return;
	pg_claim(pg);
	PQclear(PQexec(pg->conn, "ROLLBACK"));
	pg->snapshot = 0;
	pg->snapshots++;
}

int pg_reads_only(const char *sql)
{
	static const char *const words[] = { "select", "with", "values" };

	sql += strspn(sql, " \t\n(");
	for (size_t i = 0; i < ARRAY_SIZE(words); i++) {
		size_t n = strlen(words[i]);

		if (!ascii_ncasecmp(sql, words[i], n) && !isalnum((unsigned char)sql[n]) &&
		    sql[n] != '_')
			return 1;
	}
	return 0;
}

void pg_before(struct pg_db *pg, const char *sql)
{
	PGresult *r;

	if (pg->mode == STORE_READ || pg->in_transaction)
		return;
	if (!pg_reads_only(sql)) {
		end_snapshot(pg);
		return;
	}
	if (pg->snapshot)
		return;
	pg_claim(pg);
	r = PQexec(pg->conn, READ_TRANSACTION);
	pg->snapshot = r && PQresultStatus(r) == PGRES_COMMAND_OK;
	pg->snapshots++;
	PQclear(r);
}

/*
 * A snapshot an error aborted is given up, so that reading goes on: a
 * reader takes a new one at once, a writer at its next read.
 */
static void restart_reader(struct pg_db *pg)
{
	PGresult *r;

	if (PQtransactionStatus(pg->conn) != PQTRANS_INERROR || pg->in_transaction)
		return;
	if (pg->mode != STORE_READ) {
		end_snapshot(pg);
		return;
	}
	pg_claim(pg);
	r = PQexec(pg->conn, "ROLLBACK; " READ_TRANSACTION);
	pg->snapshots++;
	PQclear(r);
}

int pg_fail_text(struct pg_db *pg, const char *msg)
{
	buf_reset(&pg->err);
	buf_adds(&pg->err, msg);
	restart_reader(pg);
	return -1;
}

/* The first line of libpq's text, without its "ERROR:  " or "FATAL:  ". */
static void add_first_line(struct buf *b, const char *msg)
{
	const char *p = msg;

	if (starts_with(p, "ERROR:  ") || starts_with(p, "FATAL:  "))
		p += 8;
	buf_add(b, p, strcspn(p, "\n"));
}

int pg_fail(struct pg_db *pg, const PGresult *res)
{
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	buf_reset(&pg->err);
	if (PQstatus(pg->conn) == CONNECTION_BAD)
		buf_adds(&pg->err, "the connection to the server was lost");
	else if (msg)
		buf_adds(&pg->err, msg);
	else
		add_first_line(&pg->err, res ? PQresultErrorMessage(res) : PQerrorMessage(pg->conn));
	if (!pg->err.len)
		buf_adds(&pg->err, "unknown error");
	restart_reader(pg);
	return -1;
}

int pg_exec(struct pg_db *pg, const char *sql)
{
	PGresult *r;
	ExecStatusType st;
	int ret = 0;

	pg_claim(pg);
	r = PQexec(pg->conn, sql);
	st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
		ret = pg_fail(pg, r);
	PQclear(r);
	return ret;
}

/* FNV-1a over the text and the types. */
static unsigned hash_prepared(const char *sql, int nparams, const Oid *types)
{
	unsigned h = 2166136261u;

	for (const char *p = sql; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	for (int i = 0; i < nparams; i++)
		h = (h ^ types[i]) * 16777619u;
	return h;
}

const char *pg_prepared_name(struct pg_db *pg, const char *sql, int nparams, const Oid *types)
{
	unsigned h = hash_prepared(sql, nparams, types) % PG_CACHE_BUCKETS;
	struct pg_prepared *p;
	PGresult *r;
	int ok;

	for (p = pg->cache[h]; p; p = p->next)
		if (p->nparams == nparams && !strcmp(p->sql, sql) &&
		    !memcmp(p->types, types, (size_t)nparams * sizeof(*types)))
			return p->name;
	p = xcalloc(1, sizeof(*p));
	snprintf(p->name, sizeof(p->name), "ibrief_%lu", ++pg->prepared_nr);
	pg_claim(pg);
	r = PQprepare(pg->conn, p->name, sql, nparams, types);
	ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok) {
		pg_fail(pg, r);
		PQclear(r);
		free(p);
		return NULL;
	}
	PQclear(r);
	p->sql = xstrdup(sql);
	p->nparams = nparams;
	p->types = xcalloc((size_t)nparams + 1, sizeof(*types));
	memcpy(p->types, types, (size_t)nparams * sizeof(*types));
	p->next = pg->cache[h];
	pg->cache[h] = p;
	return p->name;
}

void pg_cache_release(struct pg_db *pg)
{
	for (size_t i = 0; i < PG_CACHE_BUCKETS; i++) {
		while (pg->cache[i]) {
			struct pg_prepared *p = pg->cache[i];

			pg->cache[i] = p->next;
			free(p->sql);
			free(p->types);
			free(p);
		}
	}
}

/* Notices ("table exists, skipping") are the server's chatter, not ibrief's. */
static void ignore_notice(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/*
 * Reports a connection that failed, in one line: the host (or socket
 * folder) and database libpq tried, and why, from the first line of its
 * message without the "connection to server ... failed:" that repeats
 * the host.
 */
static void report_connect(PGconn *conn, const char *display)
{
	const char *msg = PQerrorMessage(conn), *why = strstr(msg, "failed: ");
	const char *host = PQhost(conn), *port = PQport(conn), *dbname = PQdb(conn);
	struct buf reason = BUF_INIT;

	add_first_line(&reason, why ? why + 8 : msg);
	if (!reason.len)
		buf_adds(&reason, "unknown error");
	/* libpq's hint is a second line; the server did not answer at all. */
	if (strstr(msg, "Is the server running"))
		buf_adds(&reason, " (is the server running?)");
	error("'%s': cannot connect to database '%s' on host '%s'%s%s: %s", display,
	      dbname && *dbname ? dbname : "?", host && *host ? host : "localhost",
	      port && *port ? " port " : "", port && *port ? port : "", reason.buf);
	buf_release(&reason);
}

/*
 * The session: text in UTF-8, every double sent back with the digits that
 * give the same double (whatever the server's configuration says), and
 * the plans of the comment at the top.
 */
static int setup_session(struct pg_db *pg, const char *display)
{
#define SESSION "SET client_encoding = 'UTF8'; SET extra_float_digits = 1;" \
		" SET random_page_cost = 1.1"
	const char *sql = pg->mode == STORE_READ ?
		SESSION "; SET default_transaction_read_only = on" : SESSION;
#undef SESSION

	if (pg_exec(pg, sql) < 0)
		return error("'%s': cannot set up the session: %s", display, pg->err.buf);
	return 0;
}

static void pg_close(struct db *db)
{
	struct pg_db *pg = pg_of(db);

	if (!pg)
		return;
	/* The server rolls back what is open when the connection ends. */
	PQfinish(pg->conn);
	pg_cache_release(pg);
	buf_release(&pg->err);
	free(pg);
}

static struct db *pg_open(const char *target, const char *display, enum store_mode mode)
{
	/* Later entries override earlier ones: the target may set its own timeout. */
	const char *keys[] = { "connect_timeout", "fallback_application_name", "dbname", NULL };
	const char *values[] = { getenv("PGCONNECT_TIMEOUT") ? NULL : "10", "ibrief", target, NULL };
	struct pg_db *pg = xcalloc(1, sizeof(*pg));

	pg->base.ops = &db_pg_ops;
	pg->base.backend = DB_POSTGRES;
	pg->mode = mode;
	buf_init(&pg->err);
	if (pg_lib_load(display) < 0)
		goto fail;
	pg->conn = PQconnectdbParams(keys, values, 1);
	if (!pg->conn)
		die("out of memory");
	if (PQstatus(pg->conn) != CONNECTION_OK) {
		report_connect(pg->conn, display);
		goto fail;
	}
	PQsetNoticeProcessor(pg->conn, ignore_notice, NULL);
	if (setup_session(pg, display) < 0)
		goto fail;
	if (mode == STORE_READ && pg_exec(pg, READ_TRANSACTION) < 0) {
		error("'%s': cannot start reading: %s", display, pg->err.buf);
		goto fail;
	}
	if (schema_pg_check(pg, display, mode) < 0)
		goto fail;
	return &pg->base;
fail:
	pg_close(&pg->base);
	return NULL;
}

static int pg_begin(struct db *db)
{
	struct pg_db *pg = pg_of(db);

	if (pg->mode == STORE_READ)
		return pg_fail_text(pg, "the store is open for reading");
	end_snapshot(pg);
	if (pg_exec(pg, "BEGIN ISOLATION LEVEL READ COMMITTED;"
		    " SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK ")") < 0) {
		PQclear(PQexec(pg->conn, "ROLLBACK"));
		return -1;
	}
	pg->in_transaction = 1;
	return 0;
}

static int pg_commit(struct db *db)
{
	struct pg_db *pg = pg_of(db);

	pg_claim(pg);
	if (PQtransactionStatus(pg->conn) == PQTRANS_INERROR) {
		/* COMMIT would roll back without an error. */
		PQclear(PQexec(pg->conn, "ROLLBACK"));
		pg->in_transaction = 0;
		return pg_fail_text(pg, "the transaction was aborted by an earlier error");
	}
	if (pg_exec(pg, "COMMIT") < 0)
		return -1;
	pg->in_transaction = 0;
	return 0;
}

static void pg_rollback(struct db *db)
{
	struct pg_db *pg = pg_of(db);

	if (!pg->in_transaction)
		return;
	pg_claim(pg);
	PQclear(PQexec(pg->conn, "ROLLBACK"));
	pg->in_transaction = 0;
}

static int pg_db_exec(struct db *db, const char *sql)
{
	pg_before(pg_of(db), sql);
	return pg_exec(pg_of(db), sql);
}

static long long pg_size(struct db *db)
{
	struct db_stmt *s = NULL;
	long long bytes = -1;

	if (pg_prepare(db, "SELECT pg_database_size(current_database())", &s) == 0 &&
	    pg_step(s) == DB_ROW)
		bytes = pg_column_int64(s, 0);
	pg_finalize(s);
	return bytes;
}

static const char *pg_errmsg(struct db *db)
{
	struct pg_db *pg = pg_of(db);

	return pg->err.len ? pg->err.buf : "unknown error";
}

/*
 * Within one snapshot nothing changes: a reader's session, or a writer's
 * reads between its writes (pg_before()). A writer outside a snapshot (in
 * a transaction, or before its first read) reads at READ COMMITTED, where
 * any statement may see another's commit: it cannot tell.
 */
static int pg_data_version(struct db *db, unsigned long long *out)
{
	struct pg_db *pg = pg_of(db);

	if (pg->in_transaction || (pg->mode != STORE_READ && !pg->snapshot))
		return -1;
	*out = pg->snapshots;
	return 0;
}

const struct db_ops db_pg_ops = {
	.open = pg_open,
	.close = pg_close,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.reset = pg_reset,
	.clear_bindings = pg_clear_bindings,
	.param = pg_param,
	.bind_int64 = pg_bind_int64,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.column_count = pg_column_count,
	.column_is_null = pg_column_is_null,
	.column_int64 = pg_column_int64,
	.column_double = pg_column_double,
	.column_text = pg_column_text,
	.exec = pg_db_exec,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.size = pg_size,
	.errmsg = pg_errmsg,
	.data_version = pg_data_version,
};
