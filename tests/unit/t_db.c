/*
 * store/db.c: which targets are PostgreSQL, and how a target is shown;
 * what the SQLite backend does of db.h's calls that differ by backend.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "test.h"
#include "store/db.h"
#include "util/buf.h"

static void test_uris_and_keyword_strings_name_postgresql(void)
{
	CHECK_INT(db_target_is_postgres("postgresql://db.example.org/ibrief"), 1);
	CHECK_INT(db_target_is_postgres("postgres://alice@db/ibrief"), 1);
	CHECK_INT(db_target_is_postgres("PostgreSQL://db/ibrief"), 0);
	CHECK_INT(db_target_is_postgres("postgresql://"), 1);
	CHECK_INT(db_target_is_postgres("service=team"), 1);
	CHECK_INT(db_target_is_postgres("host=/run/postgresql dbname=ibrief"), 1);
	CHECK_INT(db_target_is_postgres("  user=alice   dbname = 'team store' "), 1);
	CHECK_INT(db_target_is_postgres("port=5433 host=db"), 1);
}

static void test_anything_else_is_a_path(void)
{
	CHECK_INT(db_target_is_postgres("incidents.db"), 0);
	CHECK_INT(db_target_is_postgres("/srv/ibrief/incidents.db"), 0);
	CHECK_INT(db_target_is_postgres("./postgresql://x"), 0);
	CHECK_INT(db_target_is_postgres("postgresql:/x.db"), 0);
	/* keyword strings that name no database */
	CHECK_INT(db_target_is_postgres("user=alice"), 0);
	CHECK_INT(db_target_is_postgres("x=1.db"), 0);
	/* not a keyword string at all */
	CHECK_INT(db_target_is_postgres("my store host=x.db"), 0);
	CHECK_INT(db_target_is_postgres("host='unterminated"), 0);
	CHECK_INT(db_target_is_postgres("=x host=y"), 0);
	CHECK_INT(db_target_is_postgres(""), 0);
}

#define CHECK_DISPLAY(target, expected) \
	do { \
		char *d_ = db_target_display(target); \
		CHECK_STR(d_, expected); \
		free(d_); \
	} while (0)

static void test_a_uri_is_shown_without_its_password(void)
{
	CHECK_DISPLAY("postgresql://alice:s3cret@db.example.org:5432/ibrief?sslmode=require",
		      "postgresql://alice@db.example.org:5432/ibrief?sslmode=require");
	CHECK_DISPLAY("postgres://alice:p%40ss%2Fw%3Ard@db/ibrief", "postgres://alice@db/ibrief");
	CHECK_DISPLAY("postgresql://:s3cret@db/ibrief", "postgresql://@db/ibrief");
	CHECK_DISPLAY("postgresql://alice:@db/ibrief", "postgresql://alice@db/ibrief");
	CHECK_DISPLAY("postgresql://alice:s3cret@h1:5432,h2:5433/ibrief",
		      "postgresql://alice@h1:5432,h2:5433/ibrief");
	/* a password with ':' in it: the user ends at the first */
	CHECK_DISPLAY("postgresql://alice:a:b@db", "postgresql://alice@db");
	/* an '@' after the path is not user information */
	CHECK_DISPLAY("postgresql://db/ibrief?application_name=a@b",
		      "postgresql://db/ibrief?application_name=a@b");
}

static void test_a_password_parameter_is_left_out(void)
{
	CHECK_DISPLAY("postgresql://db/ibrief?password=s3cret", "postgresql://db/ibrief");
	CHECK_DISPLAY("postgresql://db/ibrief?password=s3cret&sslmode=require",
		      "postgresql://db/ibrief?sslmode=require");
	CHECK_DISPLAY("postgresql://db/ibrief?sslmode=require&password=s3cret&connect_timeout=3",
		      "postgresql://db/ibrief?sslmode=require&connect_timeout=3");
	/* libpq decodes the keyword too */
	CHECK_DISPLAY("postgresql://db/ibrief?pass%77ord=s3cret&application_name=ib",
		      "postgresql://db/ibrief?application_name=ib");
	CHECK_DISPLAY("postgresql://db/ibrief?%70%61%73%73%77%6F%72%64=s3cret",
		      "postgresql://db/ibrief");
	CHECK_DISPLAY("postgresql://db/ibrief?sslpassword=s3cret&sslmode=verify-full",
		      "postgresql://db/ibrief?sslmode=verify-full");
	CHECK_DISPLAY("postgresql://alice:s3cret@db?password=s3cret", "postgresql://alice@db");
	/* not a password */
	CHECK_DISPLAY("postgresql://db/ibrief?passwords=kept&xpassword=kept",
		      "postgresql://db/ibrief?passwords=kept&xpassword=kept");
}

static void test_a_keyword_string_is_shown_without_its_password(void)
{
	CHECK_DISPLAY("host=db.example.org password=s3cret dbname=ibrief",
		      "host=db.example.org dbname=ibrief");
	CHECK_DISPLAY("password=s3cret service=team", "service=team");
	CHECK_DISPLAY("host=db dbname=ibrief password = 's3 cr\\'et x'", "host=db dbname=ibrief");
	CHECK_DISPLAY("host=db password='' dbname=ibrief", "host=db dbname=ibrief");
	CHECK_DISPLAY("host=db sslpassword=s3cret dbname='team store'",
		      "host=db dbname='team store'");
	CHECK_DISPLAY("dbname=ibrief", "dbname=ibrief");
}

static void test_a_path_is_shown_as_it_is(void)
{
	CHECK_DISPLAY("incidents.db", "incidents.db");
	CHECK_DISPLAY("/srv/alice:s3cret@store.db", "/srv/alice:s3cret@store.db");
	CHECK_DISPLAY("password=x.db", "password=x.db");
	CHECK_DISPLAY("", "");
}

/* Runs an insert into import_run ending in RETURNING id; returns the id or -1. */
static long long insert_returning_id(struct db *db, const char *file)
{
	static const char sql[] =
		"INSERT INTO import_run (file, format, finished_at, new, updated, unchanged, rejected)"
		" VALUES (?, 'csv', '2024-01-01T00:00:00Z', 0, 0, 0, 0) RETURNING id";
	struct db_stmt *s = NULL;
	long long id = -1;

	if (db_prepare(db, sql, &s) < 0)
		return -1;
	db_bind_text(s, 1, file);
	if (db_step(s) == DB_ROW && db_column_count(s) == 1 && !db_column_is_null(s, 0)) {
		char want[24];

		id = db_column_int64(s, 0);
		snprintf(want, sizeof(want), "%lld", id);
		if (strcmp(db_column_text(s, 0), want) || db_step(s) != DB_DONE)
			id = -1;
	}
	db_finalize(s);
	return id;
}

static void test_an_insert_returns_its_id(void)
{
	char path[4096];
	struct db *db = NULL;

	snprintf(path, sizeof(path), "%s/returning.db", test_tmpdir());
	CHECK_INT(db_open(&db, path, STORE_WRITE), 0);
	if (!db)
		return;
	CHECK_INT(db_exec(db, "INSERT INTO import_run (id, file, format, finished_at, new, updated,"
			  " unchanged, rejected) VALUES (41, 'a', 'csv', 'x', 0, 0, 0, 0)"), 0);
	CHECK_INT(insert_returning_id(db, "b"), 42);
	CHECK_INT(insert_returning_id(db, "c"), 43);
	db_close(db);
}

static long long file_bytes(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
}

static long long count(struct db *db, const char *sql)
{
	struct db_stmt *s = NULL;
	long long n = -1;

	if (db_prepare(db, sql, &s) == 0 && db_step(s) == DB_ROW)
		n = db_column_int64(s, 0);
	db_finalize(s);
	return n;
}

static void test_the_size_is_the_file_and_its_log(void)
{
	char path[4096], wal[4200];
	struct db *db = NULL;

	snprintf(path, sizeof(path), "%s/size.db", test_tmpdir());
	snprintf(wal, sizeof(wal), "%s-wal", path);
	/* The writer that makes a store writes no log (db_sqlite.c); the next ones do. */
	CHECK_INT(db_open(&db, path, STORE_WRITE), 0);
	db_close(db);
	CHECK_INT(db_open(&db, path, STORE_WRITE), 0);
	if (!db)
		return;
	CHECK_INT(db_exec(db, "INSERT INTO import_run (file, format, finished_at, new, updated,"
			  " unchanged, rejected) VALUES ('a', 'csv', 'x', 0, 0, 0, 0)"), 0);
	CHECK(file_bytes(wal) > 0);
	CHECK(file_bytes(path) > 0);
	CHECK_INT(db_size(db), file_bytes(path) + file_bytes(wal));
	db_close(db);
}

static void test_a_bulk_load_sets_aside_the_indexes_that_are_not_constraints(void)
{
	static const char indexes[] =
		"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
		" AND tbl_name LIKE 'incident%'";
	static const char unique[] =
		"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
		" AND tbl_name LIKE 'incident%' AND sql LIKE 'CREATE UNIQUE%'";
	char path[4096];
	struct buf rebuild = BUF_INIT;
	struct db *db = NULL;
	long long all, constraints;

	snprintf(path, sizeof(path), "%s/defer.db", test_tmpdir());
	CHECK_INT(db_open(&db, path, STORE_WRITE), 0);
	if (!db)
		return;
	all = count(db, indexes);
	constraints = count(db, unique);
	CHECK(all > constraints);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_defer_indexes(db, "incident", &rebuild), 0);
	CHECK_INT(count(db, indexes), constraints);
	CHECK(strstr(rebuild.buf, "CREATE INDEX ") != NULL);
	CHECK(strstr(rebuild.buf, "UNIQUE") == NULL);
	CHECK_INT(db_exec(db, rebuild.buf), 0);
	CHECK_INT(count(db, indexes), all);
	/* Set aside and rolled back: the indexes are as they were. */
	buf_reset(&rebuild);
	CHECK_INT(db_defer_indexes(db, "incident", &rebuild), 0);
	db_rollback(db);
	CHECK_INT(count(db, indexes), all);
	buf_release(&rebuild);
	db_close(db);
}

/* PRAGMA mmap_size of a store opened in `mode`; -1 when it cannot be read. */
static long long mmap_size(const char *path, enum store_mode mode)
{
	struct db *db = NULL;
	struct db_stmt *s = NULL;
	long long size = -1;

	if (db_open(&db, path, mode) < 0)
		return -1;
	if (db_prepare(db, "PRAGMA mmap_size", &s) == 0 && db_step(s) == DB_ROW)
		size = db_column_int64(s, 0);
	db_finalize(s);
	db_close(db);
	return size;
}

static void test_a_reader_maps_the_first_16_mib_and_an_import_none(void)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/mapped.db", test_tmpdir());
	CHECK_INT(mmap_size(path, STORE_WRITE), 0);
	CHECK_INT(mmap_size(path, STORE_UPDATE), 16 << 20);
	CHECK_INT(mmap_size(path, STORE_READ), 16 << 20);
}

int main(void)
{
	test_run("URIs and keyword strings with a database name PostgreSQL",
		 test_uris_and_keyword_strings_name_postgresql);
	test_run("anything else is a SQLite path", test_anything_else_is_a_path);
	test_run("a URI is shown without the password of its user information",
		 test_a_uri_is_shown_without_its_password);
	test_run("a URI's password parameter is left out, however it is encoded",
		 test_a_password_parameter_is_left_out);
	test_run("a keyword string is shown without its password, however it is quoted",
		 test_a_keyword_string_is_shown_without_its_password);
	test_run("a path is shown as it is", test_a_path_is_shown_as_it_is);
	test_run("an insert's RETURNING id gives one row, the new id", test_an_insert_returns_its_id);
	test_run("a SQLite store's size is its file and its log", test_the_size_is_the_file_and_its_log);
	test_run("a bulk load sets aside the indexes that are not constraints, a rollback restores them",
		 test_a_bulk_load_sets_aside_the_indexes_that_are_not_constraints);
	test_run("a reader maps the first 16 MiB of the store, an import none",
		 test_a_reader_maps_the_first_16_mib_and_an_import_none);
	return test_done();
}
