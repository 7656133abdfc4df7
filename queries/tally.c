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
 * The incidents in scope are one statement for every list and breakdown
 * (QUERY_TALLY_SCOPE), the rows of every list another (QUERY_LISTS), and
 * the last read are kept: a briefing counts five lists and the breakdowns
 * for one period and filter, the countries twice (overview, by-country),
 * and on PostgreSQL each statement is a round trip and a plan.
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
	int kind, type;		/* public_kind, type: index in scope.words, -1 for NULL */
	double contain_hours;	/* < 0 when not known */
};

struct scope {
	struct scoped *v;
	size_t nr, slots;	/* slots: a power of 2, at least twice nr */
	struct strlist words;	/* the public_kind and type values, each once */
};

static void scope_release(struct scope *sc)
{
	free(sc->v);
	strlist_release(&sc->words);
	memset(sc, 0, sizeof(*sc));
}

/* The index of `word` in sc->words, added when it is not there; -1 for NULL. */
static int scope_word(struct scope *sc, const char *word)
{
	size_t i;

	if (!word)
		return -1;
	/* A handful of kinds and types, the last one read most often the next. */
	for (i = sc->words.n; i-- > 0;)
		if (!strcmp(sc->words.v[i], word))
			return (int)i;
	strlist_add(&sc->words, word);
	return (int)sc->words.n - 1;
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
		struct scope bigger = { NULL, 0, sc->slots ? 2 * sc->slots : 1024, sc->words };

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
		e->kind = scope_word(sc, db_column_text(s, 5));
		e->type = scope_word(sc, db_column_text(s, 6));
		e->contain_hours = db_column_is_null(s, 7) ? -1 : db_column_double(s, 7);
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
 * The incidents in scope last read, by period, filter and store state, and
 * the lists counted over them: QUERY_LISTS reads the rows of every list at
 * once, and a briefing counts each list over the same scope (the
 * countries twice, in overview and by-country). The lists' rows are of the
 * same period and store state.
 */
static _Thread_local struct scope_memo {
	const char *sql;	/* NULL when nothing is kept */
	struct db_version version;
	char key[256];		/* run_memo_key() */
	struct scope sc;
	int lists_read;		/* lists[] holds the lists counted over sc */
	struct list_tally lists[LISTS];
} last_scope;

static void lists_release(struct list_tally t[LISTS])
{
	for (size_t l = 0; l < LISTS; l++)
		list_tally_release(&t[l]);
}

static void scope_memo_release(struct scope_memo *m)
{
	scope_release(&m->sc);
	lists_release(m->lists);
	memset(m, 0, sizeof(*m));
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
 * The count column of QUERY_TALLY_SCOPE that says why an incident lists
 * nothing, by list; with none (LIST_COUNT_NONE) such an incident is
 * unknown.
 */
static const enum list_count count_of[LISTS] = {
	[LIST_COUNTRIES] = LIST_COUNT_NONE,
	[LIST_SECTORS] = LIST_COUNT_NONE,
	[LIST_TECHNIQUES] = LIST_COUNT_TECHNIQUES,
	[LIST_MOTIVES] = LIST_COUNT_MOTIVES,
	[LIST_ACTORS] = LIST_COUNT_ACTORS,
};

/* Whether an incident counts in list `l`: the sectors are those of other victims than public bodies. */
static int counts_in(enum query_list l, const struct scoped *e)
{
	return l != LIST_SECTORS || e->public_sector != 1;
}

/*
 * Reads QUERY_LISTS's rows, (list, incident_id, value, taxonomy, ...), an
 * incident's rows of a list one after the other, and counts each value
 * once per incident in scope that counts in the list, marking in
 * valued[list] (by slot of sc) the incidents that list one.
 */
static int read_values(struct query_run *qr, const struct scope *sc,
		       unsigned char *const valued[LISTS], struct list_tally t[LISTS])
{
	struct buf key = BUF_INIT;
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	if (run_prepare(qr, QUERY_LISTS, &qr->f.period, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		long long l = db_column_int64(s, 0), id = db_column_int64(s, 1);
		const char *value = db_column_text(s, 2);
		const struct scoped *e = scope_find(sc, id);
		struct list_value *v;

		if (!e || !value || l < 0 || l >= LISTS || !counts_in((enum query_list)l, e))
			continue;
		if (!db_column_is_null(s, 3)) {
			buf_reset(&key);
			buf_addf(&key, "%s%c%s", db_column_text(s, 3), LIST_TAXONOMY_SEP, value);
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

/* Counts every list over the incidents in scope of `sc` into t[], which the caller releases. */
static int read_lists(struct query_run *qr, const struct scope *sc, struct list_tally t[LISTS])
{
	unsigned char *valued[LISTS];
	int ret;

	memset(t, 0, LISTS * sizeof(*t));
	for (size_t l = 0; l < LISTS; l++)
		valued[l] = xcalloc(sc->slots ? sc->slots : 1, 1);
	ret = read_values(qr, sc, valued, t);
	for (size_t l = 0; l < LISTS; l++) {
		long long incidents = 0;

		for (size_t i = 0; ret == 0 && i < sc->slots; i++) {
			const struct scoped *e = &sc->v[i];

			if (!e->used || !counts_in((enum query_list)l, e))
				continue;
			t[l].states[valued[l][i] ? LIST_VALUE :
				    count_of[l] == LIST_COUNT_NONE ? LIST_UNKNOWN :
				    e->state[count_of[l] - 1]]++;
			incidents++;
		}
		tally_done(&t[l], (size_t)incidents);
		free(valued[l]);
	}
	return ret;
}

int list_tally_run(struct query_run *qr, enum query_list list, struct list_tally *t)
{
	struct scope_memo *m = &last_scope;
	const struct scope *sc;
	struct list_tally read[LISTS];

	memset(t, 0, sizeof(*t));
	if (list >= LISTS)
		return run_error(qr, "no such list");
	if (scope_of(qr, QUERY_TALLY_SCOPE, &sc) < 0)
		return -1;
	if (m->sql && m->lists_read) {
		tally_copy(t, &m->lists[list]);
		return 0;
	}
	if (read_lists(qr, sc, read) < 0) {
		lists_release(read);
		return -1;
	}
	*t = read[list];
	if (m->sql) {	/* the scope is kept: keep its lists with it */
		for (size_t l = 0; l < LISTS; l++)
			if (l == list)
				tally_copy(&m->lists[l], t);
			else
				m->lists[l] = read[l];
		m->lists_read = 1;
	} else {
		memset(&read[list], 0, sizeof(read[list]));
		lists_release(read);
	}
	return 0;
}

int scope_kind_tally(struct query_run *qr, struct list_tally *t)
{
	const struct scope *sc;
	long long n = 0;

	memset(t, 0, sizeof(*t));
	if (scope_of(qr, QUERY_TALLY_SCOPE, &sc) < 0)
		return -1;
	for (size_t i = 0; i < sc->slots; i++) {
		const struct scoped *e = &sc->v[i];

		if (!e->used || e->public_sector != 1)
			continue;
		if (e->kind >= 0)
			value_find(t, sc->words.v[e->kind])->n++;
		t->states[e->kind >= 0 ? LIST_VALUE : LIST_UNKNOWN]++;
		n++;
	}
	tally_done(t, (size_t)n);
	return 0;
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

int scope_type_tally(struct query_run *qr, struct list_tally *t)
{
	const struct scope *sc;

	memset(t, 0, sizeof(*t));
	if (scope_of(qr, QUERY_TALLY_SCOPE, &sc) < 0)
		return -1;
	for (size_t i = 0; i < sc->slots; i++) {
		const struct scoped *e = &sc->v[i];

		if (!e->used)
			continue;
		if (e->type >= 0)
			value_find(t, sc->words.v[e->type])->n++;
		t->states[e->type >= 0 ? LIST_VALUE : LIST_UNKNOWN]++;
	}
	tally_done(t, sc->nr);
	return 0;
}

static int by_hours(const void *a_, const void *b_)
{
	double a = *(const double *)a_, b = *(const double *)b_;

	return (a > b) - (a < b);
}

int scope_contain_hours(struct query_run *qr, double **hours, size_t *n)
{
	const struct scope *sc;

	*hours = NULL;
	*n = 0;
	if (scope_of(qr, QUERY_TALLY_SCOPE, &sc) < 0)
		return -1;
	*hours = xmalloc((sc->nr ? sc->nr : 1) * sizeof(**hours));
	for (size_t i = 0; i < sc->slots; i++)
		if (sc->v[i].used && sc->v[i].contain_hours >= 0)
			(*hours)[(*n)++] = sc->v[i].contain_hours;
	if (*n)
		qsort(*hours, *n, sizeof(**hours), by_hours);
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
