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
	signed char public_sector;	/* 1 a public body, 0 another victim, -1 not known */
	int kind;		/* its public_kind in scope.kinds, -1 for NULL */
};

struct scope {
	struct scoped *v;
	size_t nr, slots;	/* slots: a power of 2, at least twice nr */
	struct strlist kinds;	/* the public_kind values, each once */
};

static void scope_release(struct scope *sc)
{
	free(sc->v);
	strlist_release(&sc->kinds);
	memset(sc, 0, sizeof(*sc));
}

/* The index of `kind` in sc->kinds, added when it is not there; -1 for NULL. */
static int scope_kind(struct scope *sc, const char *kind)
{
	size_t i;

	if (!kind)
		return -1;
	/* A handful of kinds, the last one read most often the next. */
	for (i = sc->kinds.n; i-- > 0;)
		if (!strcmp(sc->kinds.v[i], kind))
			return (int)i;
	strlist_add(&sc->kinds, kind);
	return (int)sc->kinds.n - 1;
}

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
		struct scope bigger = { NULL, 0, sc->slots ? 2 * sc->slots : 1024, sc->kinds };

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
			if (db_column_is_null(s, c + 1))
				e->state[c] = LIST_UNKNOWN;
			else
				e->state[c] = db_column_int64(s, c + 1) > 0 ? LIST_HIDDEN : LIST_NONE;
		e->public_sector = db_column_is_null(s, 4) ? -1 : db_column_int64(s, 4) == 1;
		e->kind = scope_kind(sc, db_column_text(s, 5));
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

/* A list counted over the incidents in scope, by its statement and count column. */
struct kept_list {
	const char *sql;	/* NULL for an unused entry */
	enum list_count count;
	struct list_tally t;
};

/*
 * The incidents in scope last read, by statement, period, filter and store
 * state; and the lists counted over them (a briefing counts the countries
 * twice, in overview and by-country, and the three lists of QUERY_LISTS
 * come from one statement). The lists' rows are of the same period and
 * store state. One entry for each list the catalog counts.
 */
#define KEPT_LISTS (1 + LISTS_READ)

static _Thread_local struct scope_memo {
	const char *sql;	/* NULL when nothing is kept */
	struct db_version version;
	char key[256];		/* run_memo_key() */
	struct scope sc;
	struct kept_list lists[KEPT_LISTS];
} last_scope;

static void scope_memo_release(struct scope_memo *m)
{
	scope_release(&m->sc);
	for (size_t i = 0; i < KEPT_LISTS; i++)
		list_tally_release(&m->lists[i].t);
	memset(m, 0, sizeof(*m));
}

/* The list `sql` and `count` counted over the scope kept, or NULL. */
static struct kept_list *kept_list(struct scope_memo *m, const char *sql, enum list_count count)
{
	for (size_t i = 0; m->sql && i < KEPT_LISTS && m->lists[i].sql; i++)
		if (m->lists[i].count == count && !strcmp(m->lists[i].sql, sql))
			return &m->lists[i];
	return NULL;
}

/* A copy of `from` into *to, values and all, for a caller that may change its values. */
static void tally_copy(struct list_tally *to, const struct list_tally *from)
{
	memset(to, 0, sizeof(*to));
	to->v = xcalloc(from->nr ? from->nr : 1, sizeof(*to->v));
	for (size_t i = 0; i < from->nr; i++) {
		to->v[i] = from->v[i];
		to->v[i].value = xstrdup(from->v[i].value);
	}
	to->nr = to->alloc = from->nr;
	memcpy(to->states, from->states, sizeof(to->states));
	to->incidents = from->incidents;
}

/* Keeps a copy of `t`, list `sql` and `count`, with the scope, when the scope is kept. */
static void keep_list(struct scope_memo *m, const char *sql, enum list_count count,
		      const struct list_tally *t)
{
	struct kept_list *k = kept_list(m, sql, count);

	if (!m->sql)
		return;
	for (size_t i = 0; !k && i < KEPT_LISTS; i++)
		if (!m->lists[i].sql)
			k = &m->lists[i];
	if (!k)
		k = &m->lists[0];
	list_tally_release(&k->t);
	tally_copy(&k->t, t);
	k->sql = sql;
	k->count = count;
}

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
	scope_memo_release(m);
	if (read_scope(qr, sql, &m->sc) < 0) {
		scope_memo_release(m);
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
 * other, and counts each value once per incident in scope (but public
 * bodies when `skip_public`), marking in `valued` (by slot of sc) the
 * incidents that list one. The rows are (incident_id, value[, taxonomy]),
 * counted into t[0] and valued[0]; or, with `lists`, QUERY_LISTS's (list,
 * incident_id, value, taxonomy, ...), counted into t[list - 1] and
 * valued[list - 1].
 */
static int read_values(struct query_run *qr, const char *sql, int lists, const struct scope *sc,
		       int skip_public, unsigned char *const *valued, struct list_tally *t)
{
	struct buf key = BUF_INIT;
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	if (run_prepare(qr, sql, &qr->f.period, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		int c = lists;
		size_t l = lists ? (size_t)db_column_int64(s, 0) - 1 : 0;
		long long id = db_column_int64(s, c);
		const char *value = db_column_text(s, c + 1);
		const struct scoped *e = scope_find(sc, id);
		struct list_value *v;

		if (!e || !value || (skip_public && e->public_sector == 1) || l >= LISTS_READ)
			continue;
		if (db_column_count(s) > c + 2 && !db_column_is_null(s, c + 2)) {
			buf_reset(&key);
			buf_addf(&key, "%s%c%s", db_column_text(s, c + 2), LIST_TAXONOMY_SEP, value);
			value = key.buf;
		}
		valued[l][e - sc->v] = 1;
		v = value_find(&t[l], value);
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

/* Sets the incidents counted and sorts the values. */
static void tally_done(struct list_tally *t, size_t incidents)
{
	t->incidents = (long long)incidents;
	if (t->nr)	/* qsort's array may not be NULL, even empty */
		qsort(t->v, t->nr, sizeof(*t->v), by_count);
}

/*
 * Counts the incidents in scope of `sc` into t: those with a value
 * (valued, by slot), the others by their state in column `count`.
 */
static void tally_states(const struct scope *sc, const unsigned char *valued,
			 enum list_count count, struct list_tally *t)
{
	for (size_t i = 0; i < sc->slots; i++)
		if (sc->v[i].used)
			t->states[valued[i] ? LIST_VALUE :
				  count == LIST_COUNT_NONE ? LIST_UNKNOWN :
				  sc->v[i].state[count - 1]]++;
	tally_done(t, sc->nr);
}

int list_tally_run(struct query_run *qr, const char *const sql[2], enum list_count count,
		   struct list_tally *t)
{
	struct scope_memo *m = &last_scope;
	const struct scope *sc;
	const struct kept_list *k;
	/* QUERY_LISTS counts the three lists at once, `count` saying which is asked for. */
	int lists = !strcmp(sql[1], QUERY_LISTS);
	size_t n = lists ? LISTS_READ : 1;
	struct list_tally read[LISTS_READ];
	unsigned char *valued[LISTS_READ];
	int ret = -1;

	memset(t, 0, sizeof(*t));
	if (lists && (count < LIST_COUNT_TECHNIQUES || count > LIST_COUNT_ACTORS))
		return run_error(qr, "no such list");
	if (scope_of(qr, sql[0], &sc) < 0)
		return -1;
	if ((k = kept_list(m, sql[1], count))) {
		tally_copy(t, &k->t);
		return 0;
	}
	memset(read, 0, sizeof(read));
	for (size_t l = 0; l < n; l++)
		valued[l] = xcalloc(sc->slots ? sc->slots : 1, 1);
	if (read_values(qr, sql[1], lists, sc, 0, valued, read) < 0)
		goto out;
	for (size_t l = 0; l < n; l++) {
		enum list_count c = lists ? (enum list_count)(l + 1) : count;

		tally_states(sc, valued[l], c, &read[l]);
		keep_list(m, sql[1], c, &read[l]);
		if (c == count) {
			*t = read[l];
			memset(&read[l], 0, sizeof(read[l]));
		}
	}
	ret = 0;
out:
	for (size_t l = 0; l < n; l++) {
		free(valued[l]);
		list_tally_release(&read[l]);
	}
	return ret;
}

int list_split_tally_run(struct query_run *qr, const char *const sql[2], struct list_tally out[2])
{
	const struct scope *sc;
	unsigned char *valued = NULL;
	int ret = -1;

	memset(out, 0, 2 * sizeof(*out));
	if (scope_of(qr, sql[0], &sc) < 0)
		return -1;
	valued = xcalloc(sc->slots ? sc->slots : 1, 1);
	if (sql[1] && read_values(qr, sql[1], 0, sc, 1, &valued, &out[0]) < 0)
		goto out;
	for (size_t i = 0; i < sc->slots; i++) {
		const struct scoped *e = &sc->v[i];

		if (!e->used)
			continue;
		if (e->public_sector != 1) {
			out[0].states[valued[i] ? LIST_VALUE : LIST_UNKNOWN]++;
		} else if (e->kind >= 0) {
			struct list_value *v = value_find(&out[1], sc->kinds.v[e->kind]);

			v->n++;
			out[1].states[LIST_VALUE]++;
		} else {
			out[1].states[LIST_UNKNOWN]++;
		}
	}
	for (int k = 0; k < 2; k++)
		tally_done(&out[k], (size_t)(out[k].states[LIST_VALUE] + out[k].states[LIST_UNKNOWN]));
	ret = 0;
out:
	free(valued);
	if (ret < 0)
		for (int k = 0; k < 2; k++)
			list_tally_release(&out[k]);
	return ret;
}

int scope_public_counts(struct query_run *qr, long long counts[3])
{
	const struct scope *sc;

	counts[0] = counts[1] = counts[2] = 0;
	if (scope_of(qr, QUERY_TALLY_SCOPE, &sc) < 0)
		return -1;
	for (size_t i = 0; i < sc->slots; i++)
		if (sc->v[i].used)
			counts[sc->v[i].public_sector < 0 ? 2 : sc->v[i].public_sector ? 0 : 1]++;
	return 0;
}

void list_tally_forget(void)
{
	scope_memo_release(&last_scope);
}

void list_tally_release(struct list_tally *t)
{
	for (size_t i = 0; i < t->nr; i++)
		free(t->v[i].value);
	free(t->v);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}
