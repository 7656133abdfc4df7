#ifndef QUERY_FIXTURE_H
#define QUERY_FIXTURE_H

/*
 * The named queries against a small hand-made store, every number worked
 * out by hand from the table below.
 *
 *  key  date        cc     pub kind          sector  type          affected contain  techniques (count)
 *  A1   2024-04-03  BE     yes municipality  92      ransomware    41,000   2 h      T1486 (1)
 *  A2   2024-04     NL     no                621111  denial of s.           14 h     hidden (3)
 *  A3   2024-04-15  BE,NL  yes hospital      622110  data breach   120,000  240 h    T1566, T1486 (2)
 *  A4   2024-04-20  -      ?                 -       -                      -        none (0)
 *  A5   2024-04-20  FR     no                Retail  phishing      500      0.5 h    T1566 (1)
 *  A6   2024-04-30  DE     yes (no kind)     -       ransomware    1,000    720 h    -
 *  A7   2024-04-25  LU     no                000     malware
 *  A8   2024-04-20  FR     no                retail  other
 *  Y1   2024        BE     yes municipality          ransomware               (year only)
 *  U1   (no date)   BE     no
 *  M1   2024-03-10  BE     no                        ransomware
 *  M2   2024-03     BE     yes municipality          account compromise
 *  N1   2024-02-05  NL     no                        phishing
 *  P1   2023-04-12  DE     no                        intrusion
 *  F1   2023-02-10  FR     no                        error
 *
 * Motives: A1 hidden (1), A2 and A3 "Financial". Actors: A2 none (0), A3
 * "Hacktivists". April 2024 holds A1-A8 (n = 8); Y1 overlaps it (left out);
 * U1 is undated. Row ids follow the table: A1 is 1, F1 is 15.
 *
 * Notable scores in April 2024 (rules in queries/notable.c, default
 * weights): A3 3 + log10(120,000) + 2 + 2 = 12.1, A6 3 + 3 + 2 + 2 = 10,
 * A1 3 + log10(41,000) + 2 = 9.6, A5 log10(500) + 1 = 3.7; A7 (LU) and A8
 * (FR) 1 each for a new country (FR's last incident, F1, is more than 12
 * months before; DE's, P1, is not); A2 and A4 score nothing.
 *
 * The tests of this store: t_query.c (counts and periods), t_query_notable.c
 * (notable and marks), t_query_output.c (golden CSV and JSON, and the
 * formatting of outputs). Like parse_fixture.h, this is static inline: the
 * Makefile links each tests/unit/t_*.c with test.c alone.
 */
#include <stdlib.h>

#include "test.h"
#include "queries/query.h"
#include "store/store.h"

struct spec {
	const char *key;
	int y, m, d;
	const char *cc;			/* "BE,NL" */
	char pub;			/* 'y', 'n', 0 unknown */
	const char *kind, *sector, *type;
	long long affected;		/* 0 unknown */
	double contain;			/* 0 unknown */
	const char *tech, *tcount;	/* ";"-separated; count as text, NULL unknown */
	const char *motive, *mcount;
	const char *actor, *acount;
	const char *summary;
	const char *victim, *campaign;	/* NULL: the key; none */
	char veris;			/* 'v': the techniques are VERIS actions */
};

static const struct spec fixture[] = {
	{ "A1", 2024, 4, 3, "BE", 'y', "municipality", "92", "ransomware", 41000, 2,
	  "T1486 Data Encrypted for Impact", "1", NULL, "1", NULL, NULL },
	{ "A2", 2024, 4, 0, "NL", 'n', NULL, "621111", "denial of service", 0, 14,
	  NULL, "3", "Financial", "1", NULL, "0" },
	{ "A3", 2024, 4, 15, "BE,NL", 'y', "hospital", "622110", "data breach", 120000, 240,
	  "T1566 Phishing;T1486 Data Encrypted for Impact", "2", "Financial", "1", "Hacktivists", "1",
	  "Hospital \"Sint-X\" hit, data stolen" },
	{ "A4", 2024, 4, 20, NULL, 0, NULL, NULL, NULL, 0, 0, NULL, "0", NULL, NULL, NULL, NULL },
	{ "A5", 2024, 4, 20, "FR", 'n', NULL, "Retail", "phishing", 500, 0.5,
	  "T1566 Phishing", "1", NULL, NULL, NULL, NULL },
	{ "A6", 2024, 4, 30, "DE", 'y', NULL, NULL, "ransomware", 1000, 720 },
	{ "A7", 2024, 4, 25, "LU", 'n', NULL, "000", "malware" },
	{ "A8", 2024, 4, 20, "FR", 'n', NULL, "retail", "other" },
	{ "Y1", 2024, 0, 0, "BE", 'y', "municipality", NULL, "ransomware" },
	{ "U1", 0, 0, 0, "BE", 'n' },
	{ "M1", 2024, 3, 10, "BE", 'n', NULL, NULL, "ransomware" },
	{ "M2", 2024, 3, 0, "BE", 'y', "municipality", NULL, "account compromise" },
	{ "N1", 2024, 2, 5, "NL", 'n', NULL, NULL, "phishing" },
	{ "P1", 2023, 4, 12, "DE", 'n', NULL, NULL, "intrusion" },
	{ "F1", 2023, 2, 10, "FR", 'n', NULL, NULL, "error" },
};

static inline void add_list(struct strlist *l, const char *s, char sep)
{
	while (s && *s) {
		size_t n = strcspn(s, (char[]){ sep, '\0' });
		char *v = xstrndup(s, n);

		strlist_add_owned(l, v);
		s += n + (s[n] == sep);
	}
}

static inline long count_of(const char *s)
{
	long v = -1;

	if (s)
		parse_long(s, 0, 1000, &v);
	return v;
}

static inline struct store *build_store(const struct spec *specs, size_t n)
{
	struct store *st = NULL;
	char path[512];

	snprintf(path, sizeof(path), "%s/q.db", test_tmpdir());
	if (store_open(&st, path, STORE_WRITE) < 0) {
		test_fail(__FILE__, __LINE__, "cannot create %s", path);
		exit(1);
	}
	for (size_t i = 0; i < n; i++) {
		const struct spec *s = &specs[i];
		struct incident inc;
		enum store_put_result r;

		incident_init(&inc);
		inc.key = xstrdup(s->key);
		inc.victim = xstrdup(s->victim ? s->victim : s->key);
		inc.campaign = xstrdup_or_null(s->campaign);
		if (s->y)
			CHECK_INT(incident_set_date(&inc, s->y, s->m, s->d), 0);
		add_list(&inc.countries, s->cc, ',');
		inc.public_sector = s->pub == 'y' ? 1 : s->pub == 'n' ? 0 : -1;
		inc.public_kind = xstrdup_or_null(s->kind);
		add_list(&inc.sectors, s->sector, ';');
		inc.type = xstrdup_or_null(s->type);
		inc.affected = s->affected ? s->affected : -1;
		inc.contain_hours = s->contain ? s->contain : -1;
		add_list(&inc.techniques, s->tech, ';');
		add_list(&inc.motives, s->motive, ';');
		add_list(&inc.actors, s->actor, ';');
		inc.technique_count = count_of(s->tcount);
		inc.technique_taxonomy = s->veris == 'v' ? TAXONOMY_VERIS : TAXONOMY_ATTACK;
		inc.motive_count = count_of(s->mcount);
		inc.actor_count = count_of(s->acount);
		inc.summary = xstrdup_or_null(s->summary);
		CHECK_INT(store_put(st, &inc, &r), 0);
		incident_release(&inc);
	}
	return st;
}

/* The store run() queries: fixture_store(), or another one a test sets and puts back. */
static struct store *st;

static inline struct store *fixture_store(void)
{
	return build_store(fixture, sizeof(fixture) / sizeof(*fixture));
}

static inline struct query_result *run(const char *name, const char *month, const struct query_filter *base)
{
	struct query_filter f;
	struct query_result *r = NULL;

	if (base)
		f = *base;
	else
		query_filter_init(&f);
	if (month && query_period_parse_month(&f.period, month, NULL) < 0)
		test_fail(__FILE__, __LINE__, "bad month %s", month);
	if (query_run(st, query_find(name), &f, &r) < 0 || !r) {
		test_fail(__FILE__, __LINE__, "query %s failed", name);
		exit(1);
	}
	return r;
}

/* The cells of a row in one string, "BE|Belgium|2|0.25", NULL as "~". */
static inline const char *row_text(const struct query_result *r, size_t i)
{
	static char out[512];
	size_t o = 0;

	out[0] = '\0';
	for (size_t c = 0; c < r->columns_nr && i < r->rows_nr; c++) {
		const struct query_cell *cell = &r->rows[i].cells[c];
		int room = (int)(sizeof(out) - o);

		if (cell->null)
			o += (size_t)snprintf(out + o, (size_t)room, "%s~", c ? "|" : "");
		else if (r->columns[c].type == QUERY_TEXT)
			o += (size_t)snprintf(out + o, (size_t)room, "%s%s", c ? "|" : "", cell->s);
		else if (r->columns[c].type == QUERY_REAL)
			o += (size_t)snprintf(out + o, (size_t)room, "%s%.4g", c ? "|" : "", cell->r);
		else
			o += (size_t)snprintf(out + o, (size_t)room, "%s%lld", c ? "|" : "", cell->i);
	}
	return out;
}

#define CHECK_ROWS(r, ...) \
	do { \
		static const char *const want_[] = { __VA_ARGS__ }; \
		CHECK_INT((r)->rows_nr, sizeof(want_) / sizeof(*want_)); \
		for (size_t i_ = 0; i_ < sizeof(want_) / sizeof(*want_); i_++) \
			CHECK_STR(row_text((r), i_), want_[i_]); \
	} while (0)

static inline void check_meta(const struct query_result *r, long long n, long long left_out,
			      long long undated, const char *file, int line)
{
	if (r->meta.n != n || r->meta.left_out != left_out || r->meta.undated != undated)
		test_fail(file, line, "%s: n %lld, left out %lld, undated %lld; expected %lld, %lld, %lld",
			  r->query->name, r->meta.n, r->meta.left_out, r->meta.undated, n, left_out, undated);
}
#define CHECK_META(r, n, l, u) check_meta(r, n, l, u, __FILE__, __LINE__)

#endif
