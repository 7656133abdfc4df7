/*
 * Counting a list's values (countries, techniques, ...) over the incidents
 * of a period: see struct list_tally in internal.h.
 *
 * Two walks of two indexes, each over one range: the incidents in scope
 * (the date index of incident, filters applied), kept in a hash table by
 * id, and the list's rows of the period (its date index, schema version
 * 7), each looked up there. Joining the two in SQL would find each
 * incident's rows with a search of the list's index per incident.
 *
 * The incidents in scope are one statement for every list
 * (QUERY_TALLY_SCOPE), and the last read is kept: a briefing counts the
 * countries twice (overview, by-country) and three other lists, for one
 * period and filter, and on PostgreSQL each statement is a round trip and
 * a plan.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/banned.h"

/* An incident in scope, in an open-addressing table on its id. */
struct scoped {
	long long id;
	int used;
	unsigned char state[3];	/* by count column: LIST_HIDDEN, _NONE or _UNKNOWN */
};

struct scope {
	struct scoped *v;
	size_t nr, slots;	/* slots: a power of 2, at least twice nr */
};

static size_t id_hash(long long id, size_t mask)
{
	unsigned long long h = (unsigned long long)id * 0x9E3779B97F4A7C15ULL;

	return (size_t)(h >> 32) & mask;
}

/* The slot of `id`, or of the free slot it would take; sc->slots may not be 0. */
static size_t scope_slot(const struct scope *sc, long long id)
{
	size_t mask = sc->slots - 1, h;

	for (h = id_hash(id, mask); sc->v[h].used; h = (h + 1) & mask)
		if (sc->v[h].id == id)
			break;
	return h;
}

/* The entry of `id`, or NULL when it is not in scope. */
static const struct scoped *scope_find(const struct scope *sc, long long id)
{
	const struct scoped *e = sc->slots ? &sc->v[scope_slot(sc, id)] : NULL;

	return e && e->used ? e : NULL;
}

/* The entry of `id`, added when it is not there. */
static struct scoped *scope_add(struct scope *sc, long long id)
{
	struct scoped *e;

	if (2 * (sc->nr + 1) > sc->slots) {
		struct scope bigger = { NULL, 0, sc->slots ? 2 * sc->slots : 1024 };

		bigger.v = xcalloc(bigger.slots, sizeof(*bigger.v));
		for (size_t i = 0; i < sc->slots; i++)
			if (sc->v[i].used)
				*scope_add(&bigger, sc->v[i].id) = sc->v[i];
		free(sc->v);
		*sc = bigger;
	}
	e = &sc->v[scope_slot(sc, id)];
	if (!e->used) {
		e->used = 1;
		e->id = id;
		sc->nr++;
	}
	return e;
}

static void tally_grow_index(struct list_tally *t)
{
	size_t mask;

	free(t->slots);
	t->slots_nr = t->slots_nr ? 2 * t->slots_nr : 64;
	t->slots = xcalloc(t->slots_nr, sizeof(*t->slots));
	mask = t->slots_nr - 1;
	for (size_t i = 0; i < t->nr; i++) {
		size_t h = (size_t)fnv64(FNV64_INIT, t->v[i].value, strlen(t->v[i].value)) & mask;

		while (t->slots[h])
			h = (h + 1) & mask;
		t->slots[h] = i + 1;
	}
}

static struct list_value *value_find(struct list_tally *t, const char *value)
{
	size_t len = strlen(value), mask, h;

	if (2 * (t->nr + 1) > t->slots_nr)
		tally_grow_index(t);
	mask = t->slots_nr - 1;
	h = (size_t)fnv64(FNV64_INIT, value, len) & mask;
	for (; t->slots[h]; h = (h + 1) & mask)
		if (!strcmp(t->v[t->slots[h] - 1].value, value))
			return &t->v[t->slots[h] - 1];
	ALLOC_GROW(t->v, t->nr + 1, t->alloc);
	t->v[t->nr].value = xstrdup(value);
	t->v[t->nr].n = 0;
	t->v[t->nr].last_id = -1;
	t->slots[h] = ++t->nr;
	return &t->v[t->nr - 1];
}

/* Reads the incidents in scope, each with the state each count column gives. */
static int read_scope(struct query_run *qr, const char *sql, struct scope *sc)
{
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	if (run_prepare(qr, sql, &qr->f.period, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		struct scoped *e = scope_add(sc, db_column_int64(s, 0));

		for (int c = 0; c < 3; c++)
			if (db_column_count(s) < c + 2 || db_column_is_null(s, c + 1))
				e->state[c] = LIST_UNKNOWN;
			else
				e->state[c] = db_column_int64(s, c + 1) > 0 ? LIST_HIDDEN : LIST_NONE;
	}
	if (rc != DB_DONE) {
		run_error(qr, "cannot read the incidents");
		goto out;
	}
	ret = 0;
out:
	db_finalize(s);
	return ret;
}

/* The incidents in scope last read, by statement, period, filter and store state. */
static _Thread_local struct scope_memo {
	const char *sql;	/* NULL when nothing is kept */
	struct db_version version;
	char key[256];		/* run_memo_key() */
	struct scope sc;
} last_scope;

/* The incidents in scope by `sql` for the run, read again only when last_scope does not hold. */
static int scope_of(struct query_run *qr, const char *sql, const struct scope **out)
{
	struct scope_memo *m = &last_scope;
	struct db_version v;
	char key[sizeof(m->key)];
	int memo = run_memo_key(qr, &qr->f.period, key, sizeof(key)) &&
		   db_data_version(qr->db, &v) == 0;

	*out = &m->sc;
	if (memo && m->sql && !strcmp(m->sql, sql) && run_same_version(&m->version, &v) &&
	    !strcmp(m->key, key))
		return 0;
	free(m->sc.v);
	memset(m, 0, sizeof(*m));
	if (read_scope(qr, sql, &m->sc) < 0) {
		free(m->sc.v);
		memset(m, 0, sizeof(*m));
		return -1;
	}
	if (memo) {
		m->sql = sql;
		m->version = v;
		memcpy(m->key, key, sizeof(key));
	}
	return 0;
}

/*
 * Reads the list's rows of the period, an incident's rows one after the
 * other, and counts each value once per incident in scope, marking in
 * `valued` (by slot of sc) the incidents that list one.
 */
static int read_values(struct query_run *qr, const char *sql, const struct scope *sc,
		       unsigned char *valued, struct list_tally *t)
{
	struct buf key = BUF_INIT;
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	if (run_prepare(qr, sql, &qr->f.period, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		long long id = db_column_int64(s, 0);
		const char *value = db_column_text(s, 1);
		const struct scoped *e = scope_find(sc, id);
		struct list_value *v;

		if (!e || !value)
			continue;
		if (db_column_count(s) > 2) {
			buf_reset(&key);
			buf_addf(&key, "%s%c%s", db_column_text(s, 2), LIST_TAXONOMY_SEP, value);
			value = key.buf;
		}
		valued[e - sc->v] = 1;
		v = value_find(t, value);
		if (v->last_id != id) {
			v->n++;
			v->last_id = id;
		}
	}
	if (rc != DB_DONE) {
		run_error(qr, "cannot read the values");
		goto out;
	}
	ret = 0;
out:
	buf_release(&key);
	db_finalize(s);
	return ret;
}

/* Most incidents first, ties by value in byte order (SQLite's BINARY). */
static int by_count(const void *a_, const void *b_)
{
	const struct list_value *a = a_, *b = b_;

	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->value, b->value);
}

int list_tally_run(struct query_run *qr, const char *const sql[2], enum list_count count,
		   struct list_tally *t)
{
	const struct scope *sc;
	unsigned char *valued = NULL;
	int ret = -1;

	memset(t, 0, sizeof(*t));
	if (scope_of(qr, sql[0], &sc) < 0)
		return -1;
	valued = xcalloc(sc->slots ? sc->slots : 1, 1);
	if (read_values(qr, sql[1], sc, valued, t) < 0)
		goto out;
	for (size_t i = 0; i < sc->slots; i++)
		if (sc->v[i].used)
			t->states[valued[i] ? LIST_VALUE :
				  count == LIST_COUNT_NONE ? LIST_UNKNOWN :
				  sc->v[i].state[count - 1]]++;
	t->incidents = (long long)sc->nr;
	if (t->nr)	/* qsort's array may not be NULL, even empty */
		qsort(t->v, t->nr, sizeof(*t->v), by_count);
	ret = 0;
out:
	free(valued);
	return ret;
}

void list_tally_release(struct list_tally *t)
{
	for (size_t i = 0; i < t->nr; i++)
		free(t->v[i].value);
	free(t->v);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}
