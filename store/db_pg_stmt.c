/* The PostgreSQL backend's statements: parameters, rows and values (db_pg.h). */
#include "db_pg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"
#include "../util/banned.h"

/* The type OIDs of pg_type.h that a statement binds or reads. */
#define BOOLOID 16
#define INT8OID 20
#define FLOAT4OID 700
#define FLOAT8OID 701
#define TEXTOID 25
#define NUMERICOID 1700

/* The rows of a statement: not started, coming from the server, or all read. */
enum pg_state {
	PG_IDLE,
	PG_SENDING,	/* the connection is sending this statement's rows */
	PG_PARKED,	/* the rest of the rows are in the queue */
	PG_DONE,
};

struct pg_stmt {
	struct db_stmt base;
	char *sql;		/* the text with $n parameters */
	int nparams;
	char **names;		/* ":name" of parameter i+1, or NULL */
	char **values;		/* bound text of parameter i+1; NULL binds NULL */
	Oid *types;		/* its type; 0 for NULL */
	Oid *sent_types;	/* the types it was last run with */
	enum pg_state state;
	PGresult *row;		/* the current row (a single-tuple result) */
	PGresult **queue;	/* parked rows, queue_pos.. still to read */
	size_t queue_nr, queue_alloc, queue_pos;
	char *parked_error;	/* what ended a parked statement, if it failed */
	char **text;		/* column text made for the current row (booleans, reals) */
	int text_nr;
};

static struct pg_stmt *stmt_of(struct db_stmt *s)
{
	return (struct pg_stmt *)s;
}

static struct pg_db *db_of(struct pg_stmt *s)
{
	return (struct pg_db *)s->base.db;
}

/* Skips a quoted literal or identifier starting at `p` (its opening quote). */
static const char *skip_quoted(const char *p)
{
	char q = *p++;

	for (; *p; p++) {
		if (*p == q && p[1] == q)
			p++;
		else if (*p == q)
			return p + 1;
	}
	return p;
}

/* Skips a comment starting at `p`, or returns `p` when none starts there. */
static const char *skip_comment(const char *p)
{
	if (p[0] == '-' && p[1] == '-')
		return p + strcspn(p, "\n");
	if (p[0] == '/' && p[1] == '*') {
		const char *end = strstr(p + 2, "*/");

		return end ? end + 2 : p + strlen(p);
	}
	return p;
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* The number of `name` (":x", `len` bytes) among s->names, adding it when new. */
static int named_param(struct pg_stmt *s, const char *name, size_t len)
{
	for (int i = 0; i < s->nparams; i++)
		if (s->names[i] && strlen(s->names[i]) == len && !memcmp(s->names[i], name, len))
			return i + 1;
	s->names = xrealloc(s->names, (size_t)(s->nparams + 1) * sizeof(*s->names));
	s->names[s->nparams++] = xstrndup(name, len);
	return s->nparams;
}

/*
 * Rewrites the parameters of store/db.h's dialect (:name, ?N, ?) to
 * PostgreSQL's $n, outside literals, quoted names and comments, and
 * counts them. A "::" cast is not a parameter.
 */
static void rewrite_params(struct pg_stmt *s, const char *sql)
{
	struct buf out = BUF_INIT;
	const char *p = sql;
	int plain = 0;

	while (*p) {
		const char *skip = *p == '\'' || *p == '"' ? skip_quoted(p) : skip_comment(p);
		int n = 0;

		if (skip != p) {
			buf_add(&out, p, (size_t)(skip - p));
			p = skip;
			continue;
		}
		if (*p == ':' && p[1] == ':') {
			buf_add(&out, p, 2);
			p += 2;
			continue;
		}
		if (*p == ':' && is_name_char(p[1]) && !(p[1] >= '0' && p[1] <= '9')) {
			size_t len = 1;

			while (is_name_char(p[len]))
				len++;
			n = named_param(s, p, len);
			p += len;
		} else if (*p == '?') {
			char *end;
			long v = strtol(p + 1, &end, 10);

			n = end != p + 1 && v > 0 && v < 10000 ? (int)v : ++plain;
			p = end != p + 1 ? end : p + 1;
			if (n > s->nparams)
				s->nparams = n;
		} else {
			buf_addch(&out, *p++);
			continue;
		}
		buf_addf(&out, "$%d", n);
	}
	s->sql = buf_detach(&out, NULL);
}

int pg_prepare(struct db *db, const char *sql, struct db_stmt **out)
{
	struct pg_stmt *s = xcalloc(1, sizeof(*s));

	s->base.db = db;
	rewrite_params(s, sql);
	s->values = xcalloc((size_t)s->nparams + 1, sizeof(*s->values));
	s->types = xcalloc((size_t)s->nparams + 1, sizeof(*s->types));
	s->sent_types = xcalloc((size_t)s->nparams + 1, sizeof(*s->sent_types));
	*out = &s->base;
	return 0;
}

static void clear_row(struct pg_stmt *s)
{
	PQclear(s->row);
	s->row = NULL;
	for (int i = 0; i < s->text_nr; i++)
		free(s->text[i]);
	free(s->text);
	s->text = NULL;
	s->text_nr = 0;
}

static void clear_queue(struct pg_stmt *s)
{
	for (size_t i = s->queue_pos; i < s->queue_nr; i++)
		PQclear(s->queue[i]);
	s->queue_nr = s->queue_pos = 0;
	free(s->parked_error);
	s->parked_error = NULL;
}

/* Reads the connection's results until it is free: the rest of `s`'s rows are dropped. */
static void discard(struct pg_stmt *s)
{
	struct pg_db *pg = db_of(s);
	PGresult *r;

	while ((r = PQgetResult(pg->conn)))
		PQclear(r);
	pg->sending = NULL;
}

void pg_stmt_park(struct pg_stmt *s)
{
	struct pg_db *pg = db_of(s);
	PGresult *r;

	while ((r = PQgetResult(pg->conn))) {
		ExecStatusType st = PQresultStatus(r);

		if (st == PGRES_SINGLE_TUPLE) {
			ALLOC_GROW(s->queue, s->queue_nr + 1, s->queue_alloc);
			s->queue[s->queue_nr++] = r;
			continue;
		}
		if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK && !s->parked_error) {
			const char *msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);

			s->parked_error = xstrdup(msg ? msg : PQerrorMessage(pg->conn));
		}
		PQclear(r);
	}
	if (PQstatus(pg->conn) == CONNECTION_BAD && !s->parked_error)
		s->parked_error = xstrdup("the connection to the server was lost");
	s->state = PG_PARKED;
	pg->sending = NULL;
}

/*
 * Sends `s` with its bindings, prepared for their types. A NULL keeps the
 * type its parameter had before (a NULL fits any), so that a column that
 * is now and then NULL does not prepare the statement again.
 *
 * Every statement is prepared once per connection, so that an import's
 * million lookups and inserts and a briefing's queries cost one parse each.
 * A read with a filter left out (":type IS NULL OR i.type = :type") would
 * scan every incident under a plan made for any values; PostgreSQL plans
 * a prepared statement for its values its first five runs, and after that
 * keeps a plan for any values only when that plan is estimated no dearer
 * (plan_cache_mode auto), which a scan of every incident is not. Measured
 * (make bench, query set of June): sending such reads unprepared, to be
 * planned each time, cost 20-40% more on the VCDB store and on 1M
 * incidents alike.
 */
static int start(struct pg_stmt *s)
{
	struct pg_db *pg = db_of(s);
	const char *name;

	pg_before(pg, s->sql);
	pg_claim(pg);
	for (int i = 0; i < s->nparams; i++)
		if (s->types[i])
			s->sent_types[i] = s->types[i];
	name = pg_prepared_name(pg, s->sql, s->nparams, s->sent_types);
	if (!name)
		return -1;
	if (!PQsendQueryPrepared(pg->conn, name, s->nparams, (const char *const *)s->values, NULL,
				 NULL, 0))
		return pg_fail(pg, NULL);
	PQsetSingleRowMode(pg->conn);
	s->state = PG_SENDING;
	pg->sending = s;
	return 0;
}

/* The next row of a statement whose rows are in its queue. */
static int step_parked(struct pg_stmt *s)
{
	char *failed;

	if (s->queue_pos < s->queue_nr) {
		s->row = s->queue[s->queue_pos++];
		return DB_ROW;
	}
	failed = s->parked_error;
	s->parked_error = NULL;
	clear_queue(s);
	s->state = PG_DONE;
	if (failed) {
		pg_fail_text(db_of(s), failed);
		free(failed);
		return -1;
	}
	return DB_DONE;
}

int pg_step(struct db_stmt *bs)
{
	struct pg_stmt *s = stmt_of(bs);
	struct pg_db *pg = db_of(s);
	PGresult *r;
	ExecStatusType st;
	int ret = DB_DONE;

	clear_row(s);
	if (s->state == PG_DONE)	/* as sqlite3_step(): run again after the end */
		s->state = PG_IDLE;
	if (s->state == PG_IDLE && start(s) < 0)
		return -1;
	if (s->state == PG_PARKED)
		return step_parked(s);
	r = PQgetResult(pg->conn);
	st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st == PGRES_SINGLE_TUPLE) {
		s->row = r;
		return DB_ROW;
	}
	discard(s);
	s->state = PG_DONE;
	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
		ret = pg_fail(pg, r);
	PQclear(r);
	return ret;
}

void pg_reset(struct db_stmt *bs)
{
	struct pg_stmt *s = stmt_of(bs);

	clear_row(s);
	if (s->state == PG_SENDING)
		discard(s);
	clear_queue(s);
	s->state = PG_IDLE;
}

void pg_clear_bindings(struct db_stmt *bs)
{
	struct pg_stmt *s = stmt_of(bs);

	for (int i = 0; i < s->nparams; i++) {
		free(s->values[i]);
		s->values[i] = NULL;
		s->types[i] = 0;
	}
}

void pg_finalize(struct db_stmt *bs)
{
	struct pg_stmt *s = stmt_of(bs);

	if (!s)
		return;
	pg_reset(bs);
	pg_clear_bindings(bs);
	for (int i = 0; s->names && i < s->nparams; i++)
		free(s->names[i]);
	free(s->names);
	free(s->values);
	free(s->types);
	free(s->sent_types);
	free(s->queue);
	free(s->sql);
	free(s);
}

int pg_param(struct db_stmt *bs, const char *name)
{
	struct pg_stmt *s = stmt_of(bs);

	for (int i = 0; s->names && i < s->nparams; i++)
		if (!strcmp(s->names[i], name))
			return i + 1;
	return 0;
}

static int bind(struct pg_stmt *s, int i, Oid type, char *value)
{
	if (i < 1 || i > s->nparams) {
		free(value);
		return pg_fail_text(db_of(s), "parameter index out of range");
	}
	free(s->values[i - 1]);
	s->values[i - 1] = value;
	s->types[i - 1] = value ? type : 0;
	return 0;
}

int pg_bind_int64(struct db_stmt *s, int i, long long v)
{
	char t[24];

	snprintf(t, sizeof(t), "%lld", v);
	return bind(stmt_of(s), i, INT8OID, xstrdup(t));
}

int pg_bind_double(struct db_stmt *s, int i, double v)
{
	char t[40];

	/* 17 significant digits give the same double back. */
	snprintf(t, sizeof(t), "%.17g", v);
	return bind(stmt_of(s), i, FLOAT8OID, xstrdup(t));
}

int pg_bind_text(struct db_stmt *s, int i, const char *text)
{
	return bind(stmt_of(s), i, TEXTOID, xstrdup_or_null(text));
}

int pg_bind_null(struct db_stmt *s, int i)
{
	return bind(stmt_of(s), i, 0, NULL);
}

int pg_column_count(struct db_stmt *bs)
{
	struct pg_stmt *s = stmt_of(bs);

	return s->row ? PQnfields(s->row) : 0;
}

/* Column `i`'s text as the server sent it; NULL for SQL NULL or no such column. */
static const char *raw(struct pg_stmt *s, int i)
{
	if (!s->row || i < 0 || i >= PQnfields(s->row) || PQgetisnull(s->row, 0, i))
		return NULL;
	return PQgetvalue(s->row, 0, i);
}

int pg_column_is_null(struct db_stmt *s, int i)
{
	return !raw(stmt_of(s), i);
}

long long pg_column_int64(struct db_stmt *bs, int i)
{
	struct pg_stmt *s = stmt_of(bs);
	const char *v = raw(s, i);
	char *end;
	long long n;

	if (!v)
		return 0;
	if (PQftype(s->row, i) == BOOLOID)
		return *v == 't';
	errno = 0;
	n = strtoll(v, &end, 10);
	/* A numeric with a fraction or exponent is cut toward zero, as SQLite's CAST. */
	if (*end == '.' || *end == 'e' || *end == 'E' || errno == ERANGE)
		return (long long)strtod(v, NULL);
	return n;
}

double pg_column_double(struct db_stmt *bs, int i)
{
	struct pg_stmt *s = stmt_of(bs);
	const char *v = raw(s, i);

	if (!v)
		return 0.0;
	if (PQftype(s->row, i) == BOOLOID)
		return *v == 't';
	return strtod(v, NULL);
}

/*
 * A REAL's text as SQLite gives it ("%!.15g": 15 digits, always a point:
 * 3.0, 1.0e+20), so that a value read as text is the same on both.
 */
static char *real_text(double v)
{
	char t[48];
	char *e;

	snprintf(t, sizeof(t), "%.15g", v);
	if (!strcmp(t, "inf") || !strcmp(t, "-inf"))
		return xstrdup(v > 0 ? "Inf" : "-Inf");
	if (strchr(t, '.') || strchr(t, 'n'))
		return xstrdup(t);
	e = strchr(t, 'e');
	if (!e)
		e = t + strlen(t);
	memmove(e + 2, e, strlen(e) + 1);
	memcpy(e, ".0", 2);
	return xstrdup(t);
}

const char *pg_column_text(struct db_stmt *bs, int i)
{
	struct pg_stmt *s = stmt_of(bs);
	const char *v = raw(s, i);
	Oid type;

	if (!v)
		return NULL;
	type = PQftype(s->row, i);
	if (type == BOOLOID)
		return *v == 't' ? "1" : "0";
	if (type != FLOAT8OID && type != FLOAT4OID &&
	    !(type == NUMERICOID && strpbrk(v, ".eE")))
		return v;
	if (!s->text) {
		s->text_nr = PQnfields(s->row);
		s->text = xcalloc((size_t)s->text_nr, sizeof(*s->text));
	}
	if (!s->text[i])
		s->text[i] = real_text(strtod(v, NULL));
	return s->text[i];
}
