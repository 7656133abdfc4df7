/* The store: writing, re-importing, reading back, listing, migrating. */
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"
#include "util/buf.h"
#include "store/db.h"
#include "store/schema.h"
#include "store/store.h"

static char path[512];

static long long count_rows(const char *p, const char *sql);

static struct store *fresh_store(void)
{
	struct store *st = NULL;

	snprintf(path, sizeof(path), "%s/t.db", test_tmpdir());
	if (store_open(&st, path, STORE_WRITE) < 0)
		test_fail(__FILE__, __LINE__, "cannot create %s", path);
	return st;
}

static void sample(struct incident *inc, const char *key, int y, int m, int d, const char *cc)
{
	incident_init(inc);
	inc->key = xstrdup(key);
	inc->victim = xstrdup("Gemeente Voorbeeld");
	incident_set_date(inc, y, m, d);
	if (cc)
		strlist_add(&inc->countries, cc);
	inc->public_sector = 1;
	inc->public_kind = xstrdup("municipality");
	inc->type = xstrdup("ransomware");
	strlist_add(&inc->sources, "https://example.org/a");
	inc->source_count = 1;
	inc->affected = 41000;
	inc->contain_hours = 2;
	inc->contain_approximate = 1;
	incident_derive(inc, "affected", "About 41,000 residents");
	inc->format = xstrdup("page");
	inc->file = xstrdup("x.txt");
	inc->line = 7;
	inc->record = 2;
}

static enum store_put_result put(struct store *st, struct incident *inc)
{
	enum store_put_result r = -1;

	CHECK_INT(store_put(st, inc, &r), 0);
	return r;
}

static void test_put_then_get_round_trips_every_field(void)
{
	struct store *st = fresh_store();
	struct incident in, out;

	sample(&in, "page:a", 2024, 4, 3, "NL");
	CHECK_INT(put(st, &in), STORE_PUT_NEW);
	CHECK(in.id > 0);
	incident_init(&out);
	CHECK_INT(store_get(st, "page:a", &out), 1);
	CHECK_STR(out.victim, "Gemeente Voorbeeld");
	CHECK_INT(out.year, 2024);
	CHECK_INT(out.month, 4);
	CHECK_INT(out.day, 3);
	CHECK_INT(out.date_precision, DATE_DAY);
	CHECK_INT(out.countries.n, 1);
	CHECK_STR(out.countries.v[0], "NL");
	CHECK_INT(out.public_sector, 1);
	CHECK_STR(out.public_kind, "municipality");
	CHECK_STR(out.type, "ransomware");
	CHECK_INT(out.affected, 41000);
	CHECK_DBL(out.contain_hours, 2);
	CHECK_INT(out.contain_approximate, 1);
	CHECK_DBL(out.recover_hours, -1);
	CHECK_INT(out.motive_count, -1);
	CHECK_INT(out.source_count, 1);
	CHECK_STR(out.sources.v[0], "https://example.org/a");
	CHECK_STR(incident_derived_from(&out, "affected"), "About 41,000 residents");
	CHECK_STR(out.format, "page");
	CHECK_STR(out.file, "x.txt");
	CHECK_INT(out.line, 7);
	CHECK_INT(out.record, 2);
	CHECK(out.imported_at != NULL);
	CHECK(incident_digest(&in) == incident_digest(&out));
	incident_release(&out);
	incident_release(&in);
	store_close(st);
}

static void test_campaign_and_technique_taxonomy_round_trip(void)
{
	struct store *st = fresh_store();
	struct incident in, out;

	sample(&in, "veris:a", 2013, 6, 0, "US");
	in.campaign = xstrdup("CBAA666B");
	strlist_add(&in.techniques, "Misuse: Privilege abuse");
	in.technique_taxonomy = TAXONOMY_VERIS;
	put(st, &in);
	incident_release(&in);
	sample(&in, "page:b", 2013, 6, 0, "US");
	strlist_add(&in.techniques, "T1566 Phishing");
	put(st, &in);
	incident_init(&out);
	CHECK_INT(store_get(st, "veris:a", &out), 1);
	CHECK_STR(out.campaign, "CBAA666B");
	CHECK_INT(out.technique_taxonomy, TAXONOMY_VERIS);
	CHECK_INT(store_get(st, "page:b", &out), 1);
	CHECK_NULL(out.campaign);
	CHECK_INT(out.technique_taxonomy, TAXONOMY_ATTACK);
	CHECK_INT(count_rows(path, "SELECT count(*) FROM incident_technique WHERE taxonomy = 'veris'"), 1);
	/* A campaign the source names later is an update; none leaves the digest as it was. */
	{
		unsigned long long before = incident_digest(&in);

		CHECK_INT(put(st, &in), STORE_PUT_UNCHANGED);
		in.campaign = xstrdup("D9A0A1DC");
		CHECK(incident_digest(&in) != before);
		CHECK_INT(put(st, &in), STORE_PUT_UPDATED);
	}
	incident_release(&out);
	incident_release(&in);
	store_close(st);
}

static void test_get_finds_by_row_id_and_reports_missing(void)
{
	struct store *st = fresh_store();
	struct incident in, out;
	char id[32];

	sample(&in, "page:a", 2024, 4, 3, "NL");
	put(st, &in);
	snprintf(id, sizeof(id), "%lld", in.id);
	incident_init(&out);
	CHECK_INT(store_get(st, id, &out), 1);
	CHECK_STR(out.key, "page:a");
	CHECK_INT(store_get(st, "999", &out), 0);
	CHECK_INT(store_get(st, "page:nope", &out), 0);
	incident_release(&out);
	incident_release(&in);
	store_close(st);
}

static void test_same_record_again_is_unchanged_and_a_change_updates_in_place(void)
{
	struct store *st = fresh_store();
	struct incident a, out;
	long long id;

	sample(&a, "page:a", 2024, 4, 3, "NL");
	CHECK_INT(put(st, &a), STORE_PUT_NEW);
	id = a.id;
	/* Another file, same content: provenance is not part of the record. */
	free(a.file);
	a.file = xstrdup("other.txt");
	CHECK_INT(put(st, &a), STORE_PUT_UNCHANGED);
	strlist_add(&a.countries, "BE");
	a.affected = 12;
	CHECK_INT(put(st, &a), STORE_PUT_UPDATED);
	CHECK_INT(a.id, id);
	incident_init(&out);
	CHECK_INT(store_get(st, "page:a", &out), 1);
	CHECK_INT(out.id, id);
	CHECK_INT(out.countries.n, 2);
	CHECK_STR(out.countries.v[1], "BE");
	CHECK_INT(out.affected, 12);
	CHECK_STR(out.file, "other.txt");
	CHECK_INT(incident_derived_from(&out, "affected") != NULL, 1);
	incident_release(&out);
	incident_release(&a);
	store_close(st);
}

static void test_rollback_leaves_the_store_as_before(void)
{
	struct store *st = fresh_store();
	struct incident a;
	struct store_stats s;

	sample(&a, "page:a", 2024, 4, 3, "NL");
	CHECK_INT(store_begin(st), 0);
	put(st, &a);
	store_rollback(st);
	CHECK_INT(store_stats(st, &s), 0);
	CHECK_INT(s.incidents, 0);
	store_stats_release(&s);
	incident_release(&a);
	store_close(st);
}

/*
 * A store transaction writes without checking references (its rows name
 * their parents by construction); other writes, after it, are checked
 * again, whether it was committed or rolled back.
 */
static void test_references_are_checked_outside_store_transactions_only(void)
{
	static const char orphan[] =
		"INSERT INTO incident_country (incident_id, pos, country) VALUES (999, 0, 'BE')";
	static const char unorphan[] = "DELETE FROM incident_country WHERE incident_id = 999";
	struct store *st = fresh_store();
	struct db *db = store_db(st);

	for (int commit = 0; commit < 2; commit++) {
		CHECK_INT(store_begin(st), 0);
		CHECK_INT(db_exec(db, orphan), 0);
		CHECK_INT(db_exec(db, unorphan), 0);
		if (commit)
			CHECK_INT(store_commit(st), 0);
		else
			store_rollback(st);
		CHECK_INT(db_exec(db, orphan), -1);
		CHECK(strstr(db_errmsg(db), "FOREIGN KEY") != NULL);
	}
	store_close(st);
}

static int exists(const char *suffix)
{
	char name[600];

	snprintf(name, sizeof(name), "%s%s", path, suffix);
	return access(name, F_OK) == 0;
}

/*
 * The writer that makes a store writes its pages once, with a rollback
 * journal, not to a write-ahead log and again at the checkpoint; it
 * leaves a store in WAL mode, as every later writer keeps it.
 */
static void test_a_new_store_is_written_once_and_left_in_wal_mode(void)
{
	struct store *st = fresh_store(), *again = NULL;
	struct incident a;

	sample(&a, "page:a", 2024, 4, 3, "NL");
	CHECK_INT(store_begin(st), 0);
	put(st, &a);
	CHECK(!exists("-wal"));
	CHECK_INT(store_commit(st), 0);
	CHECK(!exists("-wal"));
	store_close(st);
	CHECK_INT(count_rows(path, "SELECT count(*) FROM incident"), 1);
	CHECK_INT(store_open(&again, path, STORE_WRITE), 0);
	CHECK_INT(store_begin(again), 0);
	put(again, &a);
	CHECK(exists("-wal"));
	store_rollback(again);
	store_close(again);
	incident_release(&a);
}

static void put_sample(struct store *st, const char *key, int y, int m, int d, const char *cc,
		       int public)
{
	struct incident a;

	sample(&a, key, y, m, d, cc);
	a.public_sector = public;
	put(st, &a);
	incident_release(&a);
}

static void test_stats_count_incidents_countries_and_formats(void)
{
	struct store *st = fresh_store();
	struct store_stats s;

	put_sample(st, "a", 2024, 4, 3, "NL", 1);
	put_sample(st, "b", 2023, 1, 0, "BE", 0);
	put_sample(st, "c", 2022, 0, 0, NULL, 0);
	CHECK_INT(store_stats(st, &s), 0);
	CHECK_INT(s.incidents, 3);
	CHECK_STR(s.first, "2022-01-01");
	CHECK_STR(s.last, "2024-04-03");
	CHECK_INT(s.countries, 2);
	CHECK_INT(s.no_country, 1);
	CHECK_INT(s.formats_nr, 1);
	CHECK_STR(s.formats[0].name, "page");
	CHECK_INT(s.formats[0].n, 3);
	CHECK(s.file_size > 0);
	store_stats_release(&s);
	store_close(st);
}

/* The indexes of the store's file, as "name:sql;" in name order. */
static void index_list(struct store *st, struct buf *out)
{
	struct db_stmt *s;

	buf_reset(out);
	CHECK_INT(db_prepare(store_db(st), "SELECT name, sql FROM sqlite_master"
		" WHERE type = 'index' AND sql IS NOT NULL ORDER BY name", &s), 0);
	while (db_step(s) == DB_ROW)
		buf_addf(out, "%s:%s;", db_column_text(s, 0), db_column_text(s, 1));
	db_finalize(s);
}

/* A pragma's value on the store's own connection. */
static long long pragma(struct store *st, const char *sql)
{
	struct db_stmt *s;
	long long v = -1;

	CHECK_INT(db_prepare(store_db(st), sql, &s), 0);
	if (db_step(s) == DB_ROW)
		v = db_column_int64(s, 0);
	db_finalize(s);
	return v;
}

static void test_a_bulk_load_builds_its_indexes_at_commit_or_keeps_them(void)
{
	struct store *st = fresh_store();
	struct buf before = BUF_INIT, during = BUF_INIT, after = BUF_INIT;
	long long cache = pragma(st, "PRAGMA cache_size");

	index_list(st, &before);
	CHECK(before.len > 0);
	/* Rolled back: the indexes are as they were. */
	CHECK_INT(store_begin(st), 0);
	put_sample(st, "a", 2024, 4, 3, "NL", 1);
	index_list(st, &during);
	CHECK_INT(during.len, 0);
	store_rollback(st);
	index_list(st, &after);
	CHECK_STR(after.buf, before.buf);
	/* Committed: built again, the same, and holding every row. */
	CHECK_INT(store_begin(st), 0);
	put_sample(st, "a", 2024, 4, 3, "NL", 1);
	put_sample(st, "b", 2024, 5, 1, "BE", 0);
	CHECK_INT(store_commit(st), 0);
	index_list(st, &after);
	CHECK_STR(after.buf, before.buf);
	CHECK_INT(count_rows(path, "SELECT count(*) FROM incident_country"
		" INDEXED BY incident_country_by_country WHERE country > ''"), 2);
	/* The build's settings (a sorter thread, half the cache) are undone. */
	CHECK_INT(pragma(st, "PRAGMA threads"), 0);
	CHECK_INT(pragma(st, "PRAGMA cache_size"), cache);
	/* A store with incidents keeps its indexes while it is written. */
	CHECK_INT(store_begin(st), 0);
	index_list(st, &during);
	CHECK_STR(during.buf, before.buf);
	store_rollback(st);
	buf_release(&before);
	buf_release(&during);
	buf_release(&after);
	store_close(st);
}

/* Builds a store at schema version `v` with the real migrations up to v. */
static void make_old_store(const char *p, int v)
{
	sqlite3 *db;
	char sql[128];

	CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
	CHECK_INT(schema_migrate(db, p, 0, v), 0);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d; PRAGMA application_id = %d;", v,
		 SCHEMA_APPLICATION_ID);
	CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db,
		"INSERT INTO incident (key, digest, victim, year, date_precision, date_start, date_end,"
		" format, file, imported_at) VALUES ('csv:1', 0, 'Old Town', 2019, 'year',"
		" '2019-01-01', '2019-12-31', 'csv', 'old.csv', '2020-01-01T00:00:00Z')",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static long long count_rows(const char *p, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long n = -1;

	sqlite3_open(p, &db);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

static void test_an_older_store_is_migrated_forward_keeping_its_incidents(void)
{
	struct store *st = NULL;
	struct incident out;

	snprintf(path, sizeof(path), "%s/v1.db", test_tmpdir());
	make_old_store(path, 1);
	CHECK_INT(count_rows(path, "SELECT count(*) FROM sqlite_master WHERE name = 'incident_mark'"), 0);
	CHECK_INT(store_open(&st, path, STORE_UPDATE), 0);
	incident_init(&out);
	CHECK_INT(store_get(st, "csv:1", &out), 1);
	CHECK_STR(out.victim, "Old Town");
	incident_release(&out);
	store_close(st);
	CHECK_INT(count_rows(path, "PRAGMA user_version"), store_schema_version());
	CHECK_INT(count_rows(path, "SELECT count(*) FROM sqlite_master WHERE name = 'incident_mark'"), 1);
	CHECK_INT(count_rows(path, "SELECT count(*) FROM sqlite_master WHERE name = 'incident_by_period'"), 1);
	/* Version 10 drops the indexes no query reads. */
	CHECK_INT(count_rows(path, "SELECT count(*) FROM sqlite_master WHERE name IN"
			     " ('incident_by_public', 'incident_sector_by_sector')"), 0);
}

/*
 * Version 5 gives the techniques of existing rows the taxonomy of their
 * importer: VERIS action varieties for VERIS records, ATT&CK otherwise.
 */
static void test_a_version_4_store_gets_the_taxonomy_of_its_techniques(void)
{
	struct store *st = NULL;
	struct incident out;
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s/v4.db", test_tmpdir());
	make_old_store(path, 4);
	sqlite3_open(path, &db);
	CHECK_INT(sqlite3_exec(db,
		"INSERT INTO incident (key, digest, victim, year, date_precision, date_start, date_end,"
		" format, file, imported_at) VALUES ('veris:1', 0, 'Agency', 2013, 'year',"
		" '2013-01-01', '2013-12-31', 'veris', 'v.json', '2020-01-01T00:00:00Z');"
		"INSERT INTO incident_technique VALUES (1, 0, 'T1566 Phishing'),"
		" (2, 0, 'Misuse: Privilege abuse'), (2, 1, 'Hacking: SQLi');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	CHECK_INT(store_open(&st, path, STORE_UPDATE), 0);
	incident_init(&out);
	CHECK_INT(store_get(st, "veris:1", &out), 1);
	CHECK_INT(out.technique_taxonomy, TAXONOMY_VERIS);
	CHECK_NULL(out.campaign);
	CHECK_INT(store_get(st, "csv:1", &out), 1);
	CHECK_INT(out.technique_taxonomy, TAXONOMY_ATTACK);
	incident_release(&out);
	store_close(st);
	CHECK_INT(count_rows(path, "SELECT count(*) FROM incident_technique WHERE taxonomy = 'veris'"), 2);
	CHECK_INT(count_rows(path, "SELECT count(*) FROM incident_technique WHERE taxonomy = 'attack'"), 1);
}

/* The whole file, to compare before and after. */
static void slurp(const char *p, struct buf *out)
{
	FILE *f = fopen(p, "rb");
	char chunk[4096];
	size_t n;

	buf_reset(out);
	while (f && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	if (f)
		fclose(f);
}

static int exists_with(const char *p, const char *suffix)
{
	char name[600];

	snprintf(name, sizeof(name), "%s%s", p, suffix);
	return !access(name, F_OK);
}

static void test_reading_never_migrates_creates_or_changes_a_store(void)
{
	struct store *st = NULL;
	struct buf before = BUF_INIT, after = BUF_INIT;
	FILE *f;

	/* An older store is refused for reading, and stays as it was. */
	snprintf(path, sizeof(path), "%s/v1.db", test_tmpdir());
	make_old_store(path, 1);
	slurp(path, &before);
	fputs("# expect an error message:\n", stderr);
	CHECK_INT(store_open(&st, path, STORE_READ), -1);
	CHECK_NULL(st);
	slurp(path, &after);
	CHECK(before.len == after.len && !memcmp(before.buf, after.buf, before.len));
	CHECK_INT(count_rows(path, "PRAGMA user_version"), 1);
	CHECK(!exists_with(path, "-wal") && !exists_with(path, "-shm"));
	/* An empty file is not made a store. */
	snprintf(path, sizeof(path), "%s/empty.db", test_tmpdir());
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f)
		fclose(f);
	fputs("# expect an error message:\n", stderr);
	CHECK_INT(store_open(&st, path, STORE_READ), -1);
	CHECK_INT(store_open(&st, path, STORE_UPDATE), -1);
	slurp(path, &after);
	CHECK_INT(after.len, 0);
	/* A current store reads, and its bytes stay the same. */
	snprintf(path, sizeof(path), "%s/now.db", test_tmpdir());
	make_old_store(path, store_schema_version());
	slurp(path, &before);
	CHECK_INT(store_open(&st, path, STORE_READ), 0);
	CHECK_INT(count_rows(path, "SELECT count(*) FROM incident"), 1);
	store_close(st);
	slurp(path, &after);
	CHECK(before.len == after.len && !memcmp(before.buf, after.buf, before.len));
	buf_release(&before);
	buf_release(&after);
}

static void test_a_newer_store_is_refused(void)
{
	struct store *st = NULL;
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s/new.db", test_tmpdir());
	make_old_store(path, store_schema_version());
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	CHECK_INT(store_open(&st, path, STORE_READ), -1);
	CHECK_NULL(st);
	CHECK_INT(count_rows(path, "PRAGMA user_version"), 99);
}

/* How many temporary B-trees the program of `sql` opens for each run. */
static long long ephemeral_tables(sqlite3 *db, const char *sql)
{
	struct buf explain = BUF_INIT;
	sqlite3_stmt *s = NULL;
	long long n = 0;

	buf_addf(&explain, "EXPLAIN %s", sql);
	CHECK_INT(sqlite3_prepare_v2(db, explain.buf, -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		n += !strcmp((const char *)sqlite3_column_text(s, 1), "OpenEphemeral");
	sqlite3_finalize(s);
	buf_release(&explain);
	return n;
}

static const char *table_sql(sqlite3 *db, const char *table, struct buf *out)
{
	sqlite3_stmt *s = NULL;

	buf_reset(out);
	CHECK_INT(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE name = ?", -1, &s,
				     NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		buf_adds(out, (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return out->buf;
}

/*
 * Version 9: writing an incident or a briefing's figure checks its value
 * with comparisons, not a temporary B-tree per row, and refuses what it
 * refused; a store migrated from version 7 gets the same tables.
 */
static void test_checks_cost_no_table_per_row_and_still_refuse(void)
{
	static const char incident_sql[] =
		"INSERT INTO incident (key, digest, date_precision, format, file, imported_at)"
		" VALUES (?1, 0, ?2, 'csv', 'x.csv', 'now')";
	static const char figure_sql[] =
		"INSERT INTO briefing_figure (briefing_id, pos, name, label) VALUES (1, ?1, ?2, '')";
	struct store *st = fresh_store();
	struct buf fresh = BUF_INIT, migrated = BUF_INIT;
	char old[512];
	sqlite3 *db, *olddb;
	sqlite3_stmt *s = NULL;

	store_close(st);
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(ephemeral_tables(db, incident_sql), 0);
	CHECK_INT(ephemeral_tables(db, figure_sql), 0);
	CHECK_INT(sqlite3_prepare_v2(db, incident_sql, -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, "csv:1", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, "week", -1, SQLITE_STATIC);
	CHECK_INT(sqlite3_step(s), SQLITE_CONSTRAINT);
	sqlite3_reset(s);
	sqlite3_bind_text(s, 2, "month", -1, SQLITE_STATIC);
	CHECK_INT(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);

	snprintf(old, sizeof(old), "%s/v7.db", test_tmpdir());
	make_old_store(old, 7);
	CHECK_INT(store_open(&st, old, STORE_UPDATE), 0);
	store_close(st);
	CHECK_INT(sqlite3_open(old, &olddb), SQLITE_OK);
	CHECK_STR(table_sql(olddb, "incident", &migrated), table_sql(db, "incident", &fresh));
	CHECK_STR(table_sql(olddb, "briefing_figure", &migrated),
		  table_sql(db, "briefing_figure", &fresh));
	CHECK_INT(count_rows(old, "SELECT count(*) FROM incident WHERE key = 'csv:1'"), 1);
	sqlite3_close(olddb);
	sqlite3_close(db);
	buf_release(&fresh);
	buf_release(&migrated);
}

static void test_a_foreign_sqlite_file_or_a_missing_store_is_refused(void)
{
	struct store *st = NULL;
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s/other.db", test_tmpdir());
	sqlite3_open(path, &db);
	sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL);
	sqlite3_close(db);
	CHECK_INT(store_open(&st, path, STORE_WRITE), -1);
	CHECK_INT(count_rows(path, "SELECT count(*) FROM sqlite_master WHERE name = 'incident'"), 0);

	snprintf(path, sizeof(path), "%s/none.db", test_tmpdir());
	CHECK_INT(store_open(&st, path, STORE_READ), -1);
	CHECK_NULL(st);
}

static void summary_of(struct store *st, struct store_summary *s)
{
	CHECK_INT(store_summary(st, s), 0);
}

/*
 * A stored digest is compared with the digest of the record imported
 * again: its spelling of the hours and the dates must never change. The
 * values below are what the first spelling (snprintf) gave.
 */
static void test_digests_and_dates_are_spelt_as_they_always_were(void)
{
	static const struct {
		double contain, recover;
		int approximate;
		const char *digest;
	} cases[] = {
		{ -1, -1, 0, "50ab03c171f2cf7f" },
		{ 0, 2, 1, "9def83f340fddda2" },
		{ 24.5, 999999, 0, "4ed61c1a9e6e309f" },
		{ 1e6, -0.0, 1, "395af231ebd5de2d" },
		{ 1e-7, 123456.5, 2, "55434c4453465038" },
		{ 8760, 1e300, -3, "7e5640923589cbaf" },
	};
	char out[11], hex[17];
	struct incident inc;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		sample(&inc, "csv:7", 2024, 4, 3, "BE");
		inc.contain_hours = cases[i].contain;
		inc.recover_hours = cases[i].recover;
		inc.discovery_hours = cases[i].contain;
		inc.contain_approximate = cases[i].approximate;
		snprintf(hex, sizeof(hex), "%016llx", incident_digest(&inc));
		CHECK_STR(hex, cases[i].digest);
		incident_release(&inc);
	}
	date_format(out, 2024, 4, 3);
	CHECK_STR(out, "2024-04-03");
	date_format(out, 987, 11, 0);
	CHECK_STR(out, "0987-11");
	date_format(out, 12024, 0, 0);
	CHECK_STR(out, "2024");
}

static void test_the_summary_digest_follows_the_contents_not_the_order(void)
{
	struct store *a = fresh_store(), *b;
	struct store_summary sa, sb;
	char first[17];
	struct incident inc;

	summary_of(a, &sa);
	CHECK_INT(sa.incidents, 0);
	CHECK_STR(sa.digest, "0000000000000000");
	CHECK_NULL(sa.last_import);
	store_summary_release(&sa);

	put_sample(a, "x", 2024, 4, 3, "NL", 1);
	put_sample(a, "y", 2024, 3, 0, "BE", 0);
	b = fresh_store();
	put_sample(b, "y", 2024, 3, 0, "BE", 0);
	put_sample(b, "x", 2024, 4, 3, "NL", 1);
	summary_of(a, &sa);
	summary_of(b, &sb);
	CHECK_INT(sa.incidents, 2);
	CHECK_STR(sa.digest, sb.digest);
	snprintf(first, sizeof(first), "%s", sa.digest);
	store_summary_release(&sb);

	/* A change to one incident changes the digest, not the count... */
	sample(&inc, "x", 2024, 4, 3, "NL");
	inc.affected = 7;
	put(a, &inc);
	store_summary_release(&sa);
	summary_of(a, &sa);
	CHECK_INT(sa.incidents, 2);
	CHECK(strcmp(sa.digest, first) != 0);
	/* ...and changing it back restores it. */
	inc.affected = 41000;
	put(a, &inc);
	store_summary_release(&sa);
	summary_of(a, &sa);
	CHECK_STR(sa.digest, first);
	incident_release(&inc);

	/* A rolled-back write leaves it as it was. */
	store_begin(a);
	put_sample(a, "z", 2020, 1, 1, "FR", 1);
	store_rollback(a);
	store_summary_release(&sa);
	summary_of(a, &sa);
	CHECK_INT(sa.incidents, 2);
	CHECK_STR(sa.digest, first);
	store_summary_release(&sa);
	store_close(a);
	store_close(b);
}

static void test_a_migrated_store_computes_its_summary_once(void)
{
	struct store *st = NULL;
	struct store_summary s;

	snprintf(path, sizeof(path), "%s/v3.db", test_tmpdir());
	make_old_store(path, 3);
	CHECK_INT(store_open(&st, path, STORE_WRITE), 0);
	CHECK_INT(count_rows(path, "SELECT count(*) FROM store_state WHERE digest IS NULL"), 1);
	summary_of(st, &s);
	CHECK_INT(s.incidents, 1);
	CHECK(strcmp(s.digest, "0000000000000000") == 0);	/* make_old_store's digest is 0 */
	store_summary_release(&s);
	CHECK_INT(count_rows(path, "SELECT incidents FROM store_state"), 1);
	put_sample(st, "new", 2024, 1, 2, "BE", 1);
	summary_of(st, &s);
	CHECK_INT(s.incidents, 2);
	CHECK(strcmp(s.digest, "0000000000000000") != 0);
	store_summary_release(&s);
	store_close(st);
}

static void test_set_date_rejects_impossible_dates(void)
{
	struct incident inc;

	incident_init(&inc);
	CHECK_INT(incident_set_date(&inc, 2018, 2, 29), -1);
	CHECK_INT(incident_set_date(&inc, 2024, 2, 29), 0);
	CHECK_INT(incident_set_date(&inc, 2024, 13, 0), -1);
	CHECK_INT(incident_set_date(&inc, 2024, 0, 5), -1);
	CHECK_INT(incident_set_date(&inc, 2024, 0, 0), 0);
	CHECK_INT(inc.date_precision, DATE_YEAR);
	incident_release(&inc);
}

int main(void)
{
	test_run("put then get round-trips every field", test_put_then_get_round_trips_every_field);
	test_run("get finds by row id and reports a missing incident", test_get_finds_by_row_id_and_reports_missing);
	test_run("the same record again is unchanged and a change updates in place",
		 test_same_record_again_is_unchanged_and_a_change_updates_in_place);
	test_run("rollback leaves the store as before", test_rollback_leaves_the_store_as_before);
	test_run("references are checked outside store transactions only",
		 test_references_are_checked_outside_store_transactions_only);
	test_run("a new store is written once and left in WAL mode",
		 test_a_new_store_is_written_once_and_left_in_wal_mode);
	test_run("a bulk load builds its indexes at commit, or keeps them",
		 test_a_bulk_load_builds_its_indexes_at_commit_or_keeps_them);
	test_run("stats count incidents, countries and formats", test_stats_count_incidents_countries_and_formats);
	test_run("reading never migrates, creates or changes a store",
		 test_reading_never_migrates_creates_or_changes_a_store);
	test_run("an older store is migrated forward keeping its incidents",
		 test_an_older_store_is_migrated_forward_keeping_its_incidents);
	test_run("a newer store is refused and left alone", test_a_newer_store_is_refused);
	test_run("a version 4 store gets the taxonomy of its techniques",
		 test_a_version_4_store_gets_the_taxonomy_of_its_techniques);
	test_run("campaign and technique taxonomy round-trip",
		 test_campaign_and_technique_taxonomy_round_trip);
	test_run("checks cost no table per row and still refuse",
		 test_checks_cost_no_table_per_row_and_still_refuse);
	test_run("a foreign SQLite file or a missing store is refused",
		 test_a_foreign_sqlite_file_or_a_missing_store_is_refused);
	test_run("set_date rejects impossible dates", test_set_date_rejects_impossible_dates);
	test_run("digests and dates are spelt as they always were",
		 test_digests_and_dates_are_spelt_as_they_always_were);
	test_run("the summary digest follows the contents, not the order",
		 test_the_summary_digest_follows_the_contents_not_the_order);
	test_run("a migrated store computes its summary once",
		 test_a_migrated_store_computes_its_summary_once);
	return test_done();
}
