/*
 * query_bench: times the queries of a monthly briefing on synthetic stores
 * of 10k, 100k and 1M incidents.
 *
 *     query_bench [--plans] [--mmap] [--vcdb STORE] [--pg URI [--pg-max N]] [DIR]
 *
 * Builds DIR/bench-N.db (default DIR: bench/data) with store_put, one
 * transaction per store, unless the file is already there; then runs the
 * briefing set for June 2024 five times per store and prints the best time
 * of the whole set and of each query alone (best of 5, one core), each
 * run from nothing remembered (query_forget(), below). --plans prints
 * EXPLAIN QUERY PLAN for every statement of the catalog on the largest store;
 * --mmap sets PRAGMA mmap_size to 1 GiB on the connection first, to measure
 * what memory-mapped reads would bring. --pg URI (a PostgreSQL URI that
 * names no database, as tests/pg.sh gives: postgresql://ibrief@/?host=DIR)
 * times the same set on PostgreSQL too, beside SQLite, on database bench_N
 * of that server for the stores of up to --pg-max incidents (default
 * 100000): a copy of DIR/bench-N.db that bench/query_pg.sh makes.
 * --vcdb STORE times the set for June 2013 on a store of the VCDB file
 * too, and with --pg on its copy, database bench_vcdb.
 *
 * The incidents are drawn from a fixed seed so that every run builds the
 * same stores: 2015-2024, a tenth more each year; dates known to the day
 * (70%), the month (20%) or the year (10%); 40 countries with a heavy head
 * (the US a third), 2% unknown and 1% two countries; a quarter public
 * bodies; NAICS sectors; the type vocabulary with ransomware and errors
 * most frequent; affected people for 60%, time to contain for 30%;
 * techniques, motives and actors given, hidden ("Available to members") or
 * unknown. They are stored in random date order, as imports of many files
 * leave them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "queries/query.h"
#include "store/db.h"
#include "store/mark.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/util.h"
#include "util/banned.h"

static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;

/* splitmix64: small, fast and good enough to draw test data. */
static unsigned long long rnd(void)
{
	unsigned long long z = (rng_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static double uniform(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

static size_t below(size_t n)
{
	return (size_t)(uniform() * (double)n);
}

/* An index into a list whose first entries are the most frequent (Zipf-like). */
static size_t skewed(size_t n)
{
	double u = uniform();

	return (size_t)((double)n * u * u * u);
}

static const char *const countries[] = {
	"US", "GB", "CA", "DE", "FR", "NL", "BE", "AU", "IN", "JP", "IT", "ES", "SE", "NO", "DK",
	"FI", "IE", "AT", "CH", "PL", "CZ", "PT", "GR", "RO", "HU", "BR", "MX", "ZA", "NZ", "KR",
	"SG", "IL", "TR", "UA", "LU", "EE", "LV", "LT", "SK", "SI",
};
static const char *const sectors[] = {
	"621111", "622110", "611310", "92", "921110", "522110", "541511", "517311", "445110",
	"336111", "481111", "221122", "721110", "813110", "000", "561499", "611110", "923140",
};
static const char *const kinds[] = {
	"municipality", "region", "government agency", "social welfare", "hospital", "school",
	"university", "police", "court", "defence", "fire service", "public body",
};
static const char *const types[] = {
	"ransomware", "error", "account compromise", "phishing", "data breach", "denial of service",
	"intrusion", "malware", "insider misuse", "theft or loss", "other", "environmental",
};
static const char *const techniques[] = {
	"T1566 Phishing", "T1486 Data Encrypted for Impact", "T1078 Valid Accounts",
	"T1190 Exploit Public-Facing Application", "T1133 External Remote Services",
	"T1498 Network Denial of Service", "T1110 Brute Force", "T1059 Command and Scripting",
	"T1021 Remote Services", "T1567 Exfiltration Over Web Service", "T1485 Data Destruction",
	"T1499 Endpoint Denial of Service", "T1204 User Execution", "T1105 Ingress Tool Transfer",
};
static const char *const motives[] = { "Financial", "Espionage", "Ideology", "Grudge", "Fun" };
static const char *const actors[] = {
	"LockBit", "BlackCat", "NoName057(16)", "Cl0p", "Akira", "Play", "Killnet", "Rhysida",
};

#define PICK(list) (list[below(ARRAY_SIZE(list))])
#define PICK_SKEWED(list) (list[skewed(ARRAY_SIZE(list))])

/* A list given (count and values), hidden (count only) or unknown. */
static void draw_list(struct strlist *l, long *count, const char *const *values, size_t n)
{
	double u = uniform();

	*count = -1;
	if (u < 0.35) {
		*count = 1 + (long)below(3);
		for (long i = 0; i < *count; i++)
			strlist_add_unique(l, values[skewed(n)]);
	} else if (u < 0.75) {
		*count = 1 + (long)below(3);
	}
}

static void draw(struct incident *inc, long i)
{
	/* Years 2015-2024, each a tenth busier than the one before. */
	static const double year_weight[] = { 1, 1.1, 1.21, 1.33, 1.46, 1.61, 1.77, 1.95, 2.14, 2.36 };
	double total = 0, u;
	int year = 2015, month = 1 + (int)below(12), day;
	char key[32];

	for (size_t y = 0; y < ARRAY_SIZE(year_weight); y++)
		total += year_weight[y];
	u = uniform() * total;
	for (size_t y = 0; y < ARRAY_SIZE(year_weight) && u > year_weight[y]; y++) {
		u -= year_weight[y];
		year++;
	}
	day = 1 + (int)below((size_t)days_in_month(year, month));
	u = uniform();
	incident_set_date(inc, year, u < 0.9 ? month : 0, u < 0.7 ? day : 0);

	snprintf(key, sizeof(key), "bench:%ld", i);
	inc->key = xstrdup(key);
	snprintf(key, sizeof(key), "Victim %ld", i);
	inc->victim = xstrdup(key);
	u = uniform();
	if (u >= 0.02)
		strlist_add(&inc->countries, PICK_SKEWED(countries));
	if (u >= 0.99)
		strlist_add_unique(&inc->countries, PICK(countries));
	u = uniform();
	inc->public_sector = u < 0.25 ? 1 : u < 0.97 ? 0 : -1;
	if (inc->public_sector == 1 && uniform() < 0.9)
		inc->public_kind = xstrdup(PICK_SKEWED(kinds));
	if (uniform() < 0.9)
		strlist_add(&inc->sectors, PICK_SKEWED(sectors));
	if (uniform() < 0.95)
		inc->type = xstrdup(PICK_SKEWED(types));
	inc->summary = xstrdup("A synthetic incident for the query benchmark: a victim, "
			       "an attack, a consequence and a response.");
	if (uniform() < 0.6)
		inc->affected = (long long)(10.0 / (0.0001 + uniform() * uniform()));
	if (uniform() < 0.3)
		inc->contain_hours = 0.25 / (0.0002 + uniform() * uniform());
	draw_list(&inc->techniques, &inc->technique_count, techniques, ARRAY_SIZE(techniques));
	draw_list(&inc->motives, &inc->motive_count, motives, ARRAY_SIZE(motives));
	draw_list(&inc->actors, &inc->actor_count, actors, ARRAY_SIZE(actors));
	strlist_add(&inc->sources, "https://example.org/incident");
	inc->source_count = 1;
	inc->format = xstrdup("csv");
	inc->file = xstrdup("bench");
	inc->record = i + 1;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int build(const char *path, long n)
{
	struct store *st = NULL;
	double t0 = now();
	int ret = -1;

	rng_state = 0x9E3779B97F4A7C15ULL + (unsigned long long)n;
	if (store_open(&st, path, STORE_WRITE) < 0 || store_begin(st) < 0)
		goto out;
	for (long i = 0; i < n; i++) {
		struct incident inc;
		enum store_put_result r;

		incident_init(&inc);
		draw(&inc, i);
		if (store_put(st, &inc, &r) < 0) {
			incident_release(&inc);
			goto out;
		}
		incident_release(&inc);
	}
	/* A few analysts' marks, as a real store has. */
	for (long i = 1; i <= n; i += n / 50 + 1) {
		char id[24];

		snprintf(id, sizeof(id), "%ld", i);
		if (store_mark(st, id, i % 3 ? "notable" : "ignore", NULL) < 0)
			goto out;
	}
	if (store_commit(st) < 0)
		goto out;
	fprintf(stderr, "built %s: %ld incidents in %.1f s\n", path, n, now() - t0);
	ret = 0;
out:
	store_close(st);
	return ret;
}

/*
 * The queries of a monthly briefing, all for the month. The twelve-month
 * trend (by-month from July 2023) is timed on its own line, outside the
 * set: it reads twelve months of incidents, and twelve more a year before.
 */
static const char *const briefing[] = {
	"overview", "by-country", "by-sector", "by-type", "by-month", "public-sector",
	"public-kinds", "response-time", "techniques", "motives", "actors", "notable",
};

#define RUNS 5

static double now_ms(void)
{
	return now() * 1000;
}

/*
 * Each timed run starts from nothing remembered (query_forget()): what a
 * briefing's queries share (the counts, the incidents in scope, the
 * lists) is read once in each run, as one briefing reads it. The
 * statements stay prepared, as they do for the queries of one process.
 */

/* Best of RUNS for query `name` with filter `f`; -1 on error. */
static double best_of(struct store *st, const char *name, const struct query_filter *f)
{
	double best = 1e12;

	for (int run = 0; run < RUNS; run++) {
		struct query_result *r = NULL;
		double t;

		query_forget();
		t = now_ms();

		if (query_run(st, query_find(name), f, &r) < 0)
			return -1;
		t = now_ms() - t;
		if (t < best)
			best = t;
		query_result_free(r);
	}
	return best;
}

/* The year whose June the set is for: 2024 on the synthetic stores, 2013 on VCDB. */
static int bench_year = 2024;

static int run_set(struct store *st, double *each, double *total, double *trend)
{
	struct query_filter month, twelve;
	char from[24], to[24];

	query_filter_init(&month);
	query_period_month(&month.period, bench_year, 6);
	query_filter_init(&twelve);
	snprintf(from, sizeof(from), "%d-07-01", bench_year - 1);
	snprintf(to, sizeof(to), "%d-06-30", bench_year);
	query_period_range(&twelve.period, from, to);
	*total = 1e12;
	for (int run = 0; run < RUNS; run++) {
		double t;

		query_forget();
		t = now_ms();

		for (size_t i = 0; i < ARRAY_SIZE(briefing); i++) {
			struct query_result *r = NULL;

			if (query_run(st, query_find(briefing[i]), &month, &r) < 0)
				return -1;
			query_result_free(r);
		}
		t = now_ms() - t;
		if (t < *total)
			*total = t;
	}
	for (size_t i = 0; i < ARRAY_SIZE(briefing); i++)
		if ((each[i] = best_of(st, briefing[i], &month)) < 0)
			return -1;
	*trend = best_of(st, "by-month", &twelve);
	return *trend < 0 ? -1 : 0;
}

static void print_plans(struct store *st)
{
	struct db *db = store_db(st);

	for (size_t q = 0; q < query_catalog_nr; q++) {
		for (size_t k = 0; query_catalog[q]->sql[k]; k++) {
			struct buf sql = BUF_INIT;
			struct db_stmt *s = NULL;

			buf_addf(&sql, "EXPLAIN QUERY PLAN %s", query_catalog[q]->sql[k]);
			printf("\n%s, statement %zu:\n", query_catalog[q]->name, k + 1);
			if (db_prepare(db, sql.buf, &s) == 0)
				while (db_step(s) == DB_ROW)
					printf("  %3lld %3lld  %s\n", db_column_int64(s, 0),
					       db_column_int64(s, 1), db_column_text(s, 3));
			db_finalize(s);
			buf_release(&sql);
		}
	}
}

/* The incidents of the month, for the table: what the set has to read. */
static int month_rows(struct store *st, long *out)
{
	struct query_filter f;
	struct query_result *r = NULL;

	query_filter_init(&f);
	query_period_month(&f.period, bench_year, 6);
	if (query_run(st, query_find("overview"), &f, &r) < 0)
		return -1;
	*out = (long)r->meta.n;
	query_result_free(r);
	return 0;
}

static const long sizes[] = { 10000, 100000, 1000000 };

struct timings {
	double each[ARRAY_SIZE(sizes)][ARRAY_SIZE(briefing)], total[ARRAY_SIZE(sizes)];
	double trend[ARRAY_SIZE(sizes)];
	long rows[ARRAY_SIZE(sizes)];
};

/* Brings a store an older ibrief built to this one's schema, as any writer does. */
static int migrate(const char *path)
{
	struct store *st = NULL;
	int ret = store_open(&st, path, STORE_UPDATE);

	store_close(st);
	return ret;
}

/* Times the set on store `target` of `n` incidents; `plans` prints its plans too. */
static int time_store(const char *target, size_t s, int mmap, int plans, struct timings *t)
{
	struct store *st = NULL;
	int ok = store_open(&st, target, STORE_READ) == 0;

	if (ok && mmap)
		db_exec(store_db(st), "PRAGMA mmap_size = 1073741824");
	ok = ok && run_set(st, t->each[s], &t->total[s], &t->trend[s]) == 0 &&
	     month_rows(st, &t->rows[s]) == 0;
	if (ok && plans)
		print_plans(st);
	store_close(st);
	return ok ? 0 : -1;
}

/* The URI of database `name` on the server of `base` (a URI naming none). */
static void pg_target(struct buf *out, const char *base, const char *name)
{
	const char *q = strchr(base, '?');
	size_t len = q ? (size_t)(q - base) : strlen(base);

	buf_add(out, base, len);
	if (!len || base[len - 1] != '/')
		buf_addch(out, '/');
	buf_adds(out, name);
	if (q)
		buf_adds(out, q);
}

/* One column of a table: `ms`, or "-" for a store not timed. */
static void print_cell(const struct timings *t, size_t s, double ms)
{
	if (t->rows[s] < 0)
		printf("%10s", "-");
	else
		printf("%10.2f", ms);
}

static void print_table(const char *title, const struct timings *t)
{
	printf("\nMonthly briefing for June 2024, %s, best of %d, each run from nothing remembered, ms\n\n",
	       title, RUNS);
	printf("%-22s", "incidents in the store");
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
		printf("%10ld", sizes[s]);
	printf("\n%-22s", "incidents in June 2024");
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
		if (t->rows[s] < 0)
			printf("%10s", "-");
		else
			printf("%10ld", t->rows[s]);
	printf("\n\n");
	for (size_t i = 0; i < ARRAY_SIZE(briefing); i++) {
		printf("%-22s", briefing[i]);
		for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
			print_cell(t, s, t->each[s][i]);
		printf("\n");
	}
	printf("%-22s", "whole set");
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
		print_cell(t, s, t->total[s]);
	printf("\n%-22s", "by-month, 12 months");
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
		print_cell(t, s, t->trend[s]);
	printf("\n");
}

/* The set for June 2013 on the VCDB store `path`, and on its copy bench_vcdb at `pg_base`. */
static int time_vcdb(const char *path, const char *pg_base)
{
	static struct timings lite, pg;
	struct buf target = BUF_INIT;
	int ok;

	bench_year = 2013;
	ok = time_store(path, 0, 0, 0, &lite) == 0;
	if (ok && pg_base) {
		pg_target(&target, pg_base, "bench_vcdb");
		ok = time_store(target.buf, 0, 0, 0, &pg) == 0;
	}
	buf_release(&target);
	if (!ok)
		return 1;
	printf("\nVCDB store, June 2013 (%ld incidents), whole set, best of %d: SQLite %.2f ms",
	       lite.rows[0], RUNS, lite.total[0]);
	if (pg_base)
		printf(", PostgreSQL %.2f ms: %.1fx (target: within 3x)", pg.total[0],
		       pg.total[0] / lite.total[0]);
	printf("\n");
	if (!pg_base)
		return 0;
	printf("\n%-22s%10s%12s\n", "each query alone", "SQLite", "PostgreSQL");
	for (size_t i = 0; i < ARRAY_SIZE(briefing); i++)
		printf("%-22s%10.2f%12.2f\n", briefing[i], lite.each[0][i], pg.each[0][i]);
	return 0;
}

int main(int argc, char **argv)
{
	static struct timings lite, pg;
	const char *dir = "bench/data", *pg_base = NULL, *vcdb = NULL;
	long pg_max = 100000;
	int plans = 0, mmap = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--plans"))
			plans = 1;
		else if (!strcmp(argv[i], "--mmap"))
			mmap = 1;
		else if (!strcmp(argv[i], "--vcdb") && i + 1 < argc)
			vcdb = argv[++i];
		else if (!strcmp(argv[i], "--pg") && i + 1 < argc)
			pg_base = argv[++i];
		else if (!strcmp(argv[i], "--pg-max") && i + 1 < argc &&
			 parse_long(argv[i + 1], 0, 1000000000, &pg_max) == 0)
			i++;
		else
			dir = argv[i];
	}
	mkdir(dir, 0777);
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++) {
		struct buf path = BUF_INIT, target = BUF_INIT;
		struct stat sb;
		int last = s + 1 == ARRAY_SIZE(sizes);
		int ok;

		buf_addf(&path, "%s/bench-%ld.db", dir, sizes[s]);
		ok = stat(path.buf, &sb) == 0 ? migrate(path.buf) == 0 : build(path.buf, sizes[s]) == 0;
		ok = ok && time_store(path.buf, s, mmap, plans && last, &lite) == 0;
		pg.rows[s] = -1;
		if (ok && pg_base && sizes[s] <= pg_max) {
			struct buf name = BUF_INIT;

			buf_addf(&name, "bench_%ld", sizes[s]);
			pg_target(&target, pg_base, name.buf);
			buf_release(&name);
			ok = time_store(target.buf, s, 0, 0, &pg) == 0;
		}
		buf_release(&path);
		buf_release(&target);
		if (!ok)
			return 1;
	}
	print_table(mmap ? "SQLite, mmap" : "SQLite", &lite);
	/* The target; the Python script has no such set to compare. */
	printf("%-22s%*s\n", "target: whole set", 10 * (int)ARRAY_SIZE(sizes), "under 50 ms at 1M");
	if (pg_base) {
		print_table("PostgreSQL", &pg);
		printf("%-22s", "PostgreSQL / SQLite");
		for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
			if (pg.rows[s] < 0)
				printf("%10s", "-");
			else
				printf("%9.1fx", pg.total[s] / lite.total[s]);
		printf("\n%-22s%*s\n", "target: whole set", 10 * (int)ARRAY_SIZE(sizes), "within 3x");
	}
	return vcdb ? time_vcdb(vcdb, pg_base) : 0;
}
