/*
 * Counting a list's values (countries, techniques, ...) over the incidents
 * of a period: see struct list_tally in internal.h.
 *
 * Two walks of two indexes, each over one range: the incidents in scope
 * (the date index of incident, filters applied), kept in a hash table by
 * id, and the list's rows of the period (its date index, schema version
 * 7), each looked up there. Joining the two in SQL would find each
 * incident's rows with a search of the list's index per incident.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/banned.h"

/* An incident in scope, in an open-addressing table on its id. */
struct scoped {
	long long id;
	int used, state;
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

static struct scoped *scope_find(struct scope *sc, long long id, int add)
{
	size_t mask, h;

	if (add && 2 * (sc->nr + 1) > sc->slots) {
		struct scope bigger = { NULL, 0, sc->slots ? 2 * sc->slots : 1024 };

		bigger.v = xcalloc(bigger.slots, sizeof(*bigger.v));
		for (size_t i = 0; i < sc->slots; i++)
			if (sc->v[i].used)
				*scope_find(&bigger, sc->v[i].id, 1) = sc->v[i];
		free(sc->v);
		*sc = bigger;
	}
	if (!sc->slots)
		return NULL;
	mask = sc->slots - 1;
	for (h = id_hash(id, mask); sc->v[h].used; h = (h + 1) & mask)
		if (sc->v[h].id == id)
			return &sc->v[h];
	if (!add)
		return NULL;
	sc->v[h].used = 1;
	sc->v[h].id = id;
	sc->nr++;
	return &sc->v[h];
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

/* Reads the incidents in scope, each with the state its count column gives. */
static int read_scope(struct query_run *qr, const char *sql, struct scope *sc)
{
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	if (run_prepare(qr, sql, &qr->f.period, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		struct scoped *e = scope_find(sc, db_column_int64(s, 0), 1);

		if (db_column_count(s) < 2 || db_column_is_null(s, 1))
			e->state = LIST_UNKNOWN;
		else
			e->state = db_column_int64(s, 1) > 0 ? LIST_HIDDEN : LIST_NONE;
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

/*
 * Reads the list's rows of the period, an incident's rows one after the
 * other, and counts each value once per incident in scope.
 */
static int read_values(struct query_run *qr, const char *sql, struct scope *sc,
		       struct list_tally *t)
{
	struct buf key = BUF_INIT;
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	if (run_prepare(qr, sql, &qr->f.period, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		long long id = db_column_int64(s, 0);
		const char *value = db_column_text(s, 1);
		struct scoped *e = scope_find(sc, id, 0);
		struct list_value *v;

		if (!e || !value)
			continue;
		if (db_column_count(s) > 2) {
			buf_reset(&key);
			buf_addf(&key, "%s%c%s", db_column_text(s, 2), LIST_TAXONOMY_SEP, value);
			value = key.buf;
		}
		e->state = LIST_VALUE;
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

int list_tally_run(struct query_run *qr, const char *const sql[2], struct list_tally *t)
{
	struct scope sc = { NULL, 0, 0 };
	int ret = -1;

	memset(t, 0, sizeof(*t));
	if (read_scope(qr, sql[0], &sc) < 0 || read_values(qr, sql[1], &sc, t) < 0)
		goto out;
	for (size_t i = 0; i < sc.slots; i++)
		if (sc.v[i].used)
			t->states[sc.v[i].state]++;
	t->incidents = (long long)sc.nr;
	if (t->nr)	/* qsort's array may not be NULL, even empty */
		qsort(t->v, t->nr, sizeof(*t->v), by_count);
	ret = 0;
out:
	free(sc.v);
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
