/* Running a named query: the catalog, binding, the counts every result carries. */
#include "internal.h"

#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../util/banned.h"

const struct query *const query_catalog[] = {
	&query_overview,
	&query_by_country,
	&query_by_sector,
	&query_by_type,
	&query_by_month,
	&query_public_sector,
	&query_public_kinds,
	&query_response_time,
	&query_techniques,
	&query_motives,
	&query_actors,
	&query_notable,
};
const size_t query_catalog_nr = ARRAY_SIZE(query_catalog);

const char *const query_types[] = {
	"ransomware", "account compromise", "phishing", "denial of service", "data breach",
	"intrusion", "malware", "insider misuse", "error", "theft or loss", "environmental",
	"other", NULL,
};

const struct query *query_find(const char *name)
{
	for (size_t i = 0; i < query_catalog_nr; i++)
		if (!strcmp(query_catalog[i]->name, name))
			return query_catalog[i];
	return NULL;
}

int query_type_known(const char *type)
{
	for (size_t i = 0; query_types[i]; i++)
		if (!strcmp(query_types[i], type))
			return 1;
	return 0;
}

void query_filter_init(struct query_filter *f)
{
	memset(f, 0, sizeof(*f));
	query_period_all(&f->period);
}

int run_error(struct query_run *qr, const char *what)
{
	return error("query %s: '%s': %s: %s", qr->q ? qr->q->name : "", store_path(qr->st), what,
		     db_errmsg(qr->db));
}

static void bind_text(struct db_stmt *s, const char *name, const char *v)
{
	int i = db_param(s, name);

	if (!i)
		return;
	if (v)
		db_bind_text(s, i, v);
	else
		db_bind_null(s, i);
}

static void bind_int(struct db_stmt *s, const char *name, long long v)
{
	int i = db_param(s, name);

	if (i)
		db_bind_int64(s, i, v);
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/*
 * The only date_start values an incident left out of [from, to] can have.
 * Every span in the store is a day, a calendar month or a calendar year
 * (store.c, date_bounds), so a span that crosses `from` is the month or the
 * year holding `from`, and starts on the first of that month or on 1
 * January; likewise for `to`. Counting left-out incidents is then four
 * probes of the date index instead of a scan of everything before `to`.
 */
static void left_out_starts(const struct query_period *p, char s[4][11])
{
	const struct query_date *ends[2] = { &p->start, &p->end };
	const int open[2] = { p->open_start, p->open_end };

	for (int e = 0; e < 2; e++) {
		char *year = s[2 * e], *month = s[2 * e + 1];

		year[0] = month[0] = '\0';
		if (open[e])
			continue;
		date_format(year, ends[e]->year, 1, 1);
		date_format(month, ends[e]->year, ends[e]->month, 1);
	}
}

/* Removes every copy of `clause` from `sql`. */
static void drop_clause(struct buf *sql, const char *clause)
{
	size_t len = strlen(clause);
	char *at;

	while ((at = strstr(sql->buf, clause))) {
		memmove(at, at + len, sql->len - (size_t)(at - sql->buf) - len + 1);
		sql->len -= len;
	}
}

/* `sql` without the conditions of the filters not set, which hold anyway. */
static void filtered_sql(const struct query_run *qr, const char *sql, struct buf *out)
{
	const struct query_filter *f = &qr->f;
	const struct {
		const char *clause;
		int set;
	} filters[] = {
		{ QUERY_FILTER_PUBLIC, f->public_only },
		{ QUERY_FILTER_TYPE, f->type != NULL },
		{ QUERY_FILTER_COUNTRIES, qr->countries_json != NULL },
		{ QUERY_FILTER_SECTOR, f->sector != NULL },
	};

	buf_adds(out, sql);
	for (size_t i = 0; i < ARRAY_SIZE(filters); i++)
		if (!filters[i].set)
			drop_clause(out, filters[i].clause);
}

int run_prepare(struct query_run *qr, const char *sql, const struct query_period *p,
		struct db_stmt **out)
{
	static const char *const starts[4] = { ":s1", ":s2", ":s3", ":s4" };
	const struct query_filter *f = &qr->f;
	struct buf text = BUF_INIT;
	char s[4][11];
	int rc;

	*out = NULL;
	filtered_sql(qr, sql, &text);
	rc = db_prepare(qr->db, text.buf, out);
	buf_release(&text);
	if (rc < 0) {
		run_error(qr, "cannot prepare the query");
		db_finalize(*out);
		*out = NULL;
		return -1;
	}
	bind_text(*out, ":from", p->from);
	bind_text(*out, ":to", p->to);
	left_out_starts(p, s);
	for (int i = 0; i < 4; i++)
		bind_text(*out, starts[i], s[i][0] ? s[i] : NULL);
	bind_int(*out, ":public", f->public_only ? 1 : 0);
	bind_text(*out, ":type", f->type);
	bind_text(*out, ":sector", f->sector);
	bind_text(*out, ":sector_prefix", f->sector && all_digits(f->sector) ? f->sector : NULL);
	bind_text(*out, ":countries", qr->countries_json);
	bind_int(*out, ":limit", f->limit > 0 ? f->limit : QUERY_DEFAULT_LIMIT);
	return 0;
}

int run_count(struct query_run *qr, const char *sql, const struct query_period *p,
	      long long *out)
{
	struct db_stmt *s = NULL;
	int ret = -1;

	if (run_prepare(qr, sql, p, &s) < 0)
		goto out;
	if (db_step(s) != DB_ROW) {
		run_error(qr, "cannot count incidents");
		goto out;
	}
	*out = db_column_int64(s, 0);
	ret = 0;
out:
	db_finalize(s);
	return ret;
}

/*
 * The counts of run_meta(): n, left_out, undated. Without n (the caller
 * counts the period's incidents itself, as by-month does in its own walk
 * of them) the first column is -1: the other two are a few probes of the
 * date index, n a walk of the whole period.
 */
#define META_SQL(n) \
	"SELECT" n "," \
	" (SELECT count(*) FROM incident i" \
	"   WHERE i.date_start IN (:s1, :s2, :s3, :s4)" \
	"     AND i.date_start <= :to AND i.date_end >= :from" \
	"     AND NOT (i.date_start >= :from AND i.date_end <= :to)" QUERY_FILTERS ")," \
	" (SELECT count(*) FROM incident i WHERE i.date_start IS NULL" QUERY_FILTERS ")"

static const char *const meta_sql[2] = {
	META_SQL(" (SELECT count(*)" QUERY_SCOPE ")"),
	META_SQL(" -1"),
};

/*
 * The counts of run_meta() last computed, by period and filter: every
 * query of a briefing starts with them, for the same period, and they
 * walk the period's incidents and those dated to its year (at 1M
 * incidents, June 2024: 31 M instructions each time, 40% of the monthly
 * set). An entry holds while the store's db_data_version() is the one it
 * was computed at. One set per thread, as a connection is used by one.
 */
struct meta_memo {
	struct db_version version;
	char key[256];		/* run_memo_key(); "" for an unused entry */
	long long counts[3];	/* n, left_out, undated */
};

#define META_MEMOS 8
static _Thread_local struct meta_memo meta_memos[META_MEMOS];
static _Thread_local size_t meta_memo_next;

/* Each field with its length, so that no two filters give one key. */
int run_memo_key(const struct query_run *qr, const struct query_period *p, char *key,
		 size_t size)
{
	const struct query_filter *f = &qr->f;
	const char *fields[] = { p->from, p->to, f->type, f->sector, qr->countries_json };
	size_t o = (size_t)snprintf(key, size, "%d", f->public_only ? 1 : 0);

	for (size_t i = 0; i < ARRAY_SIZE(fields) && o < size; i++)
		o += fields[i] ? (size_t)snprintf(key + o, size - o, "|%zu:%s", strlen(fields[i]), fields[i]) :
			(size_t)snprintf(key + o, size - o, "|-");
	return o < size;
}

int run_same_version(const struct db_version *a, const struct db_version *b)
{
	return a->connection == b->connection && a->data == b->data;
}

static struct meta_memo *meta_memo_find(const struct db_version *v, const char *key)
{
	for (size_t i = 0; i < META_MEMOS; i++) {
		struct meta_memo *m = &meta_memos[i];

		if (run_same_version(&m->version, v) && !strcmp(m->key, key))
			return m;
	}
	return NULL;
}

int run_meta(struct query_run *qr, const struct query_period *p, long long *n,
	     long long *left_out, long long *undated)
{
	struct db_stmt *s = NULL;
	struct db_version v;
	struct meta_memo *m = NULL;
	long long counts[3];
	char key[sizeof(m->key)];
	int memo, ret = -1;

	memo = run_memo_key(qr, p, key, sizeof(key)) && db_data_version(qr->db, &v) == 0;
	if (memo)
		m = meta_memo_find(&v, key);
	if (m && n && m->counts[0] < 0) {
		m->key[0] = '\0';	/* remembered without n: count again */
		m = NULL;
	}
	if (m) {
		memcpy(counts, m->counts, sizeof(counts));
	} else {
		if (run_prepare(qr, meta_sql[!n], p, &s) < 0)
			goto out;
		if (db_step(s) != DB_ROW) {
			run_error(qr, "cannot count incidents");
			goto out;
		}
		for (int i = 0; i < 3; i++)
			counts[i] = db_column_int64(s, i);
	}
	if (memo && !m) {
		m = &meta_memos[meta_memo_next++ % META_MEMOS];
		m->version = v;
		memcpy(m->key, key, sizeof(key));
		memcpy(m->counts, counts, sizeof(counts));
	}
	if (n)
		*n = counts[0];
	if (left_out)
		*left_out = counts[1];
	if (undated)
		*undated = counts[2];
	ret = 0;
out:
	db_finalize(s);
	return ret;
}

int run_meta_whole(struct query_run *qr, const struct query_period *p, long long *n)
{
	struct query_run whole = *qr;

	whole.f.countries = NULL;
	whole.f.sector = NULL;
	whole.f.type = NULL;
	whole.f.public_only = 0;
	whole.countries_json = NULL;
	return run_meta(&whole, p, n, NULL, NULL);
}

static int standard_meta(struct query_run *qr, struct query_result *res, int count)
{
	res->meta.period = qr->f.period;
	query_period_previous(&qr->f.period, &res->meta.previous);
	if (query_data_end(qr->st, &res->meta.data_end) < 0)
		return -1;
	res->meta.provisional = query_period_provisional(&res->meta.period, &res->meta.data_end);
	return run_meta(qr, &qr->f.period, count ? &res->meta.n : NULL, &res->meta.left_out,
			&res->meta.undated);
}

int run_standard_meta(struct query_run *qr, struct query_result *res)
{
	return standard_meta(qr, res, 1);
}

int run_standard_meta_uncounted(struct query_run *qr, struct query_result *res)
{
	return standard_meta(qr, res, 0);
}

char *run_json_list(const struct strlist *l)
{
	json_t *a;
	char *s;

	if (!l || !l->n)
		return NULL;
	a = json_array();
	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->v[i]));
	s = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	if (!s)
		die("out of memory");
	return s;
}

static void run_init(struct query_run *qr, struct store *st, const struct query *q,
		     const struct query_filter *f)
{
	memset(qr, 0, sizeof(*qr));
	qr->st = st;
	qr->db = store_db(st);
	qr->q = q;
	qr->f = *f;
	qr->countries_json = run_json_list(f->countries);
}

static void run_release(struct query_run *qr)
{
	free(qr->countries_json);	/* jansson allocates with malloc by default */
	qr->countries_json = NULL;
}

int query_run(struct store *st, const struct query *q, const struct query_filter *f,
	      struct query_result **out)
{
	struct query_run qr;
	struct query_result *res = query_result_new(q);
	int ret;

	*out = NULL;
	run_init(&qr, st, q, f);
	ret = q->run(&qr, res);
	run_release(&qr);
	/* A query that does not narrow its incidents counts the whole period. */
	if (ret == 0 && res->meta.whole < res->meta.n)
		res->meta.whole = res->meta.n;
	if (ret < 0) {
		query_result_free(res);
		return -1;
	}
	*out = res;
	return 0;
}

/*
 * An incident belongs to a month when its span starts and ends in the same
 * month (its date is known to the day or the month). Written on date_start
 * and date_end, not date_precision, so that the date index answers alone.
 */
static const char latest_sql[] =
	"SELECT substr(i.date_start, 1, 7) FROM incident i"
	" WHERE i.date_start IS NOT NULL"
	"   AND substr(i.date_start, 1, 7) = substr(i.date_end, 1, 7)" QUERY_FILTERS
	" ORDER BY i.date_start DESC LIMIT 1";

int query_latest_month(struct store *st, const struct query_filter *f, struct query_period *p)
{
	static const struct query latest = { .name = "latest" };
	struct query_run qr;
	struct db_stmt *s = NULL;
	const char *ym;
	struct query_date d;
	int rc, ret = -1;

	run_init(&qr, st, &latest, f);
	if (run_prepare(&qr, latest_sql, &f->period, &s) < 0)
		goto out;
	rc = db_step(s);
	if (rc == DB_DONE) {
		ret = 0;
		goto out;
	}
	ym = rc == DB_ROW ? db_column_text(s, 0) : NULL;
	if (!ym) {
		run_error(&qr, "cannot find the latest month");
		goto out;
	}
	if (query_date_parse(ym, &d) != 2 || query_period_month(p, d.year, d.month) < 0) {
		error("query: '%s': '%s' is not a month", store_path(st), ym);
		goto out;
	}
	ret = 1;
out:
	db_finalize(s);
	run_release(&qr);
	return ret;
}

static const char counted_sql[] = "SELECT i.digest" QUERY_SCOPE;

int query_counted(struct store *st, const struct query_filter *f, long long *n, char digest[17])
{
	static const struct query counted = { .name = "counted" };
	struct query_run qr;
	struct db_stmt *s = NULL;
	unsigned long long x = 0;
	int rc, ret = -1;

	*n = 0;
	run_init(&qr, st, &counted, f);
	if (run_prepare(&qr, counted_sql, &f->period, &s) < 0)
		goto out;
	while ((rc = db_step(s)) == DB_ROW) {
		x ^= (unsigned long long)db_column_int64(s, 0);
		(*n)++;
	}
	if (rc != DB_DONE) {
		run_error(&qr, "cannot read the incidents counted");
		goto out;
	}
	snprintf(digest, 17, "%016llx", x);
	ret = 0;
out:
	db_finalize(s);
	run_release(&qr);
	return ret;
}

/*
 * Dated in or before the period (the whole date span ends by its end), as
 * matched by the filters, and stored after incident `after` (row ids grow
 * with every new incident; incidents are never deleted).
 */
static const char added_sql[] =
	"SELECT count(*) FROM incident i"
	" WHERE i.date_end <= :to AND i.id > :after" QUERY_FILTERS;

int query_added_since(struct store *st, const struct query_filter *f, long long after,
		      long long *n)
{
	static const struct query added = { .name = "added-since" };
	struct query_run qr;
	struct db_stmt *s = NULL;
	int ret = -1;

	run_init(&qr, st, &added, f);
	if (run_prepare(&qr, added_sql, &f->period, &s) < 0)
		goto out;
	db_bind_int64(s, db_param(s, ":after"), after);
	if (db_step(s) != DB_ROW) {
		run_error(&qr, "cannot count the incidents added since");
		goto out;
	}
	*n = db_column_int64(s, 0);
	ret = 0;
out:
	db_finalize(s);
	run_release(&qr);
	return ret;
}

static const char newest_sql[] = "SELECT coalesce(max(id), 0) FROM incident";

int query_newest_incident(struct store *st, long long *id)
{
	static const struct query newest = { .name = "newest-incident" };
	struct query_run qr;
	struct query_filter f;
	int ret;

	query_filter_init(&f);
	run_init(&qr, st, &newest, &f);
	ret = run_count(&qr, newest_sql, &f.period, id);
	run_release(&qr);
	return ret;
}

/*
 * The last answer of query_data_end(), while the store is at the version
 * it was found at: every query of a briefing starts with it, two
 * statements each time (and two round trips to a PostgreSQL server).
 */
static _Thread_local struct {
	struct db_version version;
	int found;			/* 0 for no entry */
	struct query_data_end end;
} data_end_memo;

static int data_end_read(struct store *st, struct query_data_end *end);

int query_data_end(struct store *st, struct query_data_end *end)
{
	struct db_version v = { 0, 0 };
	int known = db_data_version(store_db(st), &v) == 0, found;

	if (known && data_end_memo.found && run_same_version(&data_end_memo.version, &v)) {
		*end = data_end_memo.end;
		return data_end_memo.found;
	}
	found = data_end_read(st, end);
	data_end_memo.found = known && found > 0 ? found : 0;
	data_end_memo.version = v;
	data_end_memo.end = *end;
	return found;
}

static int data_end_read(struct store *st, struct query_data_end *end)
{
	struct query_date d;
	char month[8], day[11];
	int found;

	memset(end, 0, sizeof(*end));
	/* The store's newest month: the one fact that ibrief stats shows too. */
	found = store_last_month(st, month, day);
	if (found <= 0)
		return found;
	if (query_date_parse(month, &d) != 2 || query_period_month(&end->month, d.year, d.month) < 0)
		return error("query: '%s': '%s' is not a month", store_path(st), month);
	/* The stretch of the month the data covers: to its newest day, or all of it. */
	memcpy(end->last_day, strlen(day) == 10 ? day : end->month.to, 11);
	return 1;
}

/*
 * The incidents of `ibrief list`, newest first: with a period, those that
 * lie in it by the rule every query counts with; with none, every incident,
 * the undated last.
 */
static const char list_sql[] =
	"SELECT i.id" QUERY_SCOPE
	" ORDER BY i.date_start DESC, i.date_end DESC, i.id DESC LIMIT :max";
static const char list_all_sql[] =
	"SELECT i.id FROM incident i WHERE TRUE" QUERY_FILTERS
	" ORDER BY i.date_start DESC NULLS LAST, i.date_end DESC, i.id DESC LIMIT :max";

int query_list(struct store *st, const struct query_filter *f, long max,
	       int (*fn)(const struct incident *inc, void *arg), void *arg)
{
	static const struct query list = { .name = "list" };
	struct query_run qr;
	struct incident inc;
	struct db_stmt *s = NULL;
	char id[32];
	int rc, ret = -1;

	incident_init(&inc);
	run_init(&qr, st, &list, f);
	if (run_prepare(&qr, f->period.kind == QUERY_PERIOD_ALL ? list_all_sql : list_sql,
			&f->period, &s) < 0)
		goto out;
	db_bind_int64(s, db_param(s, ":max"), max > 0 ? max : LLONG_MAX);
	while ((rc = db_step(s)) == DB_ROW) {
		snprintf(id, sizeof(id), "%lld", (long long)db_column_int64(s, 0));
		if (store_get(st, id, &inc) != 1 || fn(&inc, arg) < 0)
			goto out;
	}
	if (rc != DB_DONE) {
		run_error(&qr, "cannot list incidents");
		goto out;
	}
	ret = 0;
out:
	incident_release(&inc);
	db_finalize(s);
	run_release(&qr);
	return ret;
}

void query_forget(void)
{
	memset(meta_memos, 0, sizeof(meta_memos));
	meta_memo_next = 0;
	memset(&data_end_memo, 0, sizeof(data_end_memo));
	list_tally_forget();
}
