/*
 * The PostgreSQL backend (store/db_pg.c) against a real server: a
 * throwaway cluster from tests/pg.sh (or the one $IBRIEF_TEST_PG names),
 * stopped and removed at the end. Without a server every test is skipped.
 */
#include "test.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../store/db.h"
#include "../../store/db_pg.h"
#include "../../store/schema.h"
#include "../../util/buf.h"
#include "../../util/util.h"

static char base[512];		/* postgresql://ibrief@/?host=DIR */
static int own_cluster;
static int db_nr;
static char target[600];	/* the current test's database */

/* The URI of database `name` on the cluster. */
static void uri_of(char *out, size_t size, const char *name)
{
	const char *query = strchr(base, '?');

	snprintf(out, size, "%.*s%s%s", (int)(query - base), base, name, query);
}

/* Runs `sql` on database `name` through a connection of its own; the first value or "". */
static const char *admin(const char *name, const char *sql)
{
	static char value[256];
	static const char *const keys[] = { "dbname", NULL };
	char uri[600];
	const char *values[] = { uri, NULL };
	PGconn *c;
	PGresult *r;

	uri_of(uri, sizeof(uri), name);
	c = PQconnectdbParams(keys, values, 1);
	r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
		test_fail(__FILE__, __LINE__, "%s: %s", sql, PQerrorMessage(c));
	snprintf(value, sizeof(value), "%s",
		 PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) ? PQgetvalue(r, 0, 0) : "");
	PQclear(r);
	PQfinish(c);
	return value;
}

/* The name of the running test's database. */
static const char *db_name(void)
{
	static char name[48];

	snprintf(name, sizeof(name), "t_db_pg_%ld_%d", (long)getpid(), db_nr);
	return name;
}

/* A new empty database for the running test: sets `target`. */
static void fresh_database(void)
{
	char sql[64];

	db_nr++;
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s", db_name());
	admin("postgres", sql);
	uri_of(target, sizeof(target), db_name());
}

static struct db *open_db(enum store_mode mode)
{
	struct db *db = NULL;

	if (db_open(&db, target, mode) < 0)
		test_fail(__FILE__, __LINE__, "cannot open %s", target);
	return db;
}

static struct db *fresh_store(void)
{
	fresh_database();
	return open_db(STORE_WRITE);
}

/* The one value of `sql` as text (NULL: "NULL"), or "ERROR: ...". */
static const char *value(struct db *db, const char *sql)
{
	static char out[256];
	struct db_stmt *s = NULL;
	int rc;

	if (db_prepare(db, sql, &s) < 0 || (rc = db_step(s)) < 0)
		snprintf(out, sizeof(out), "ERROR: %s", db_errmsg(db));
	else if (rc == DB_DONE)
		snprintf(out, sizeof(out), "no row");
	else
		snprintf(out, sizeof(out), "%s", db_column_text(s, 0) ? db_column_text(s, 0) : "NULL");
	db_finalize(s);
	return out;
}

static void test_a_new_database_gets_the_schema_a_reader_then_reads(void)
{
	struct db *db = fresh_store();
	char version[16];

	snprintf(version, sizeof(version), "%d", schema_version());
	CHECK(db != NULL);
	CHECK_INT(db_backend(db), DB_POSTGRES);
	CHECK_STR(value(db, "SELECT version FROM ibrief_meta"), version);
	CHECK_STR(value(db, "SELECT count(*) FROM incident"), "0");
	db_close(db);
	db = open_db(STORE_READ);
	CHECK_STR(value(db, "SELECT incidents FROM store_state"), "0");
	db_close(db);
}

static void test_a_reader_refuses_an_empty_database_and_a_newer_schema(void)
{
	struct db *db = NULL;
	const char *err;

	fresh_database();
	test_capture_start();
	CHECK_INT(db_open(&db, target, STORE_READ), -1);
	err = test_capture_end();
	CHECK(strstr(err, "not an ibrief store (an empty database") != NULL);
	db_close(open_db(STORE_WRITE));
	admin(db_name(), "UPDATE ibrief_meta SET version = 999");
	for (int mode = STORE_READ; mode <= STORE_WRITE; mode++) {
		test_capture_start();
		CHECK_INT(db_open(&db, target, mode), -1);
		err = test_capture_end();
		CHECK(strstr(err, "schema version 999, newer than this ibrief") != NULL);
		CHECK(strchr(err, '\n') == strrchr(err, '\n'));
	}
}

static void test_a_database_not_in_utf8_is_refused(void)
{
	struct db *db = NULL;
	char sql[128];
	const char *err;

	db_nr++;
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s ENCODING 'LATIN1' TEMPLATE template0"
		 " LOCALE 'C'", db_name());
	admin("postgres", sql);
	uri_of(target, sizeof(target), db_name());
	test_capture_start();
	CHECK_INT(db_open(&db, target, STORE_WRITE), -1);
	err = test_capture_end();
	CHECK(strstr(err, "encoding is LATIN1, not UTF8") != NULL);
	CHECK_STR(admin(db_name(), "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
		  "0");
}

/* Opens `uri` (expecting failure) and returns the message. */
static const char *failed_open(const char *uri)
{
	struct db *db = NULL;
	const char *err;

	test_capture_start();
	CHECK_INT(db_open(&db, uri, STORE_READ), -1);
	err = test_capture_end();
	CHECK(db == NULL);
	CHECK(strchr(err, '\n') == err + strlen(err) - 1);	/* one line */
	CHECK(strstr(err, "s3cret") == NULL);
	return err;
}

static void test_a_failed_connection_is_one_line_naming_host_and_database(void)
{
	const char *dir = strstr(base, "host=") + 5;
	char uri[700];
	const char *err;

	snprintf(uri, sizeof(uri), "postgresql://ibrief:s3cret@/no_such_db?host=%s", dir);
	err = failed_open(uri);
	CHECK(strstr(err, "database 'no_such_db'") && strstr(err, dir));
	CHECK(strstr(err, "does not exist") != NULL);

	snprintf(uri, sizeof(uri), "postgresql://nobody:s3cret@/postgres?host=%s", dir);
	err = failed_open(uri);
	CHECK(strstr(err, "database 'postgres'") && strstr(err, dir));
	CHECK(strstr(err, "role \"nobody\" does not exist") != NULL);

	/* A folder where no server listens: the server is down. */
	snprintf(uri, sizeof(uri), "postgresql://ibrief:s3cret@/ibrief?host=%s", test_tmpdir());
	err = failed_open(uri);
	CHECK(strstr(err, "database 'ibrief'") && strstr(err, "on host '/"));
	CHECK(strstr(err, "is the server running") != NULL);
}

static void test_parameters_are_named_numbered_or_plain_outside_literals(void)
{
	struct db *db = fresh_store();
	struct db_stmt *s = NULL;

	CHECK_INT(db_prepare(db, "SELECT :a || ':a' || '?' || :b || :a /* :c ? */ -- ?\n", &s), 0);
	CHECK_INT(db_param(s, ":a"), 1);
	CHECK_INT(db_param(s, ":b"), 2);
	CHECK_INT(db_param(s, ":c"), 0);
	db_bind_text(s, 1, "x");
	db_bind_text(s, 2, "it's");
	CHECK_INT(db_step(s), DB_ROW);
	CHECK_STR(db_column_text(s, 0), "x:a?it'sx");
	db_finalize(s);
	CHECK_INT(db_prepare(db, "SELECT ?2 - ?1, ?2", &s), 0);
	db_bind_int64(s, 1, 40);
	db_bind_int64(s, 2, 42);
	CHECK_INT(db_step(s), DB_ROW);
	CHECK_INT(db_column_int64(s, 0), 2);
	db_finalize(s);
	CHECK_INT(db_prepare(db, "SELECT CAST(? AS TEXT) || CAST(? AS TEXT)", &s), 0);
	db_bind_text(s, 1, "a");
	db_bind_text(s, 2, "b");
	CHECK_INT(db_step(s), DB_ROW);
	CHECK_STR(db_column_text(s, 0), "ab");
	CHECK_INT(db_step(s), DB_DONE);
	db_finalize(s);
	db_close(db);
}

static void test_values_read_as_sqlite_gives_them(void)
{
	struct db *db = fresh_store();
	struct db_stmt *s = NULL;

	CHECK_INT(db_prepare(db, "SELECT 1 = 1, 1 = 2, avg(x), CAST(3 AS double precision),"
			     " CAST(1e20 AS double precision), ?1, ?2, NULL, sum(x)"
			     " FROM (VALUES (1), (2)) v(x)", &s), 0);
	db_bind_int64(s, 1, -9223372036854775807LL - 1);
	db_bind_double(s, 2, 0.1 + 0.2);
	CHECK_INT(db_step(s), DB_ROW);
	CHECK_STR(db_column_text(s, 0), "1");
	CHECK_INT(db_column_int64(s, 0), 1);
	CHECK_STR(db_column_text(s, 1), "0");
	CHECK_INT(db_column_int64(s, 1), 0);
	CHECK_STR(db_column_text(s, 2), "1.5");
	CHECK_DBL(db_column_double(s, 2), 1.5);
	CHECK_INT(db_column_int64(s, 2), 1);
	CHECK_STR(db_column_text(s, 3), "3.0");
	CHECK_STR(db_column_text(s, 4), "1.0e+20");
	CHECK_INT(db_column_int64(s, 5), -9223372036854775807LL - 1);
	CHECK(db_column_double(s, 6) == 0.1 + 0.2);
	CHECK(db_column_is_null(s, 7));
	CHECK_NULL(db_column_text(s, 7));
	CHECK_STR(db_column_text(s, 8), "3");
	CHECK_INT(db_column_count(s), 9);
	db_finalize(s);
	db_close(db);
}

static void test_the_sqlite_functions_the_portable_sql_uses(void)
{
	struct db *db = fresh_store();

	CHECK_STR(value(db, "SELECT group_concat(v, ',') FROM (VALUES ('b', 1), (NULL, 2),"
			" ('a', 3)) t(v, n)"), "b,a");
	CHECK_STR(value(db, "SELECT group_concat(v, ',') FROM (SELECT 'x' AS v WHERE false) t"),
		  "NULL");
	CHECK_STR(value(db, "SELECT string_agg(value, '+') FROM json_each('[\"BE\",\"NL\"]')"),
		  "BE+NL");
	CHECK_STR(value(db, "SELECT total(v = 'a') FROM (VALUES ('a'), ('b'), ('a')) t(v)"), "2.0");
	CHECK_STR(value(db, "SELECT total(v) FROM (SELECT 1 AS v WHERE false) t"), "0.0");
	/* Text sorts bytewise, as in SQLite. */
	db_exec(db, "INSERT INTO incident (key, digest, format, file, imported_at) VALUES"
		" ('b', 1, 'csv', 'f', 't'), ('B', 2, 'csv', 'f', 't'), ('a', 3, 'csv', 'f', 't')");
	CHECK_STR(value(db, "SELECT group_concat(key, '') FROM (SELECT key FROM incident"
			" ORDER BY key) k"), "Bab");
	CHECK_STR(value(db, "SELECT group_concat(CAST(id AS TEXT), ' ') FROM"
			" (SELECT id FROM incident ORDER BY id) k"), "1 2 3");
	db_close(db);
}

/* Ids as SQLite's INTEGER PRIMARY KEY gives them: the largest plus one. */
static void test_ids_are_the_largest_plus_one_as_in_sqlite(void)
{
	struct db *db = fresh_store();
	static const char insert[] =
		"INSERT INTO incident (key, digest, format, file, imported_at)"
		" VALUES (:key, 1, 'csv', 'f', 't') RETURNING id";
	struct db_stmt *s = NULL;

	db_prepare(db, insert, &s);
	CHECK_INT(db_begin(db), 0);
	for (int i = 0; i < 3; i++) {
		char key[16];

		snprintf(key, sizeof(key), "a%d", i);
		db_reset(s);
		db_bind_text(s, 1, key);
		CHECK_INT(db_step(s), DB_ROW);
		CHECK_INT(db_column_int64(s, 0), i + 1);
	}
	db_rollback(db);
	CHECK_INT(db_begin(db), 0);
	db_reset(s);
	db_bind_text(s, 1, "b");
	CHECK_INT(db_step(s), DB_ROW);
	CHECK_INT(db_column_int64(s, 0), 1);
	CHECK_INT(db_exec(db, "INSERT INTO incident (id, key, digest, format, file, imported_at)"
			  " VALUES (41, 'c', 1, 'csv', 'f', 't')"), 0);
	db_reset(s);
	db_bind_text(s, 1, "d");
	CHECK_INT(db_step(s), DB_ROW);
	CHECK_INT(db_column_int64(s, 0), 42);
	CHECK_INT(db_commit(db), 0);
	db_finalize(s);
	db_close(db);
}

/* A scan with a lookup per row, as SQLite allows: every row comes, in order. */
static void test_a_statement_may_run_while_another_sends_rows(void)
{
	struct db *db = fresh_store();
	struct db_stmt *scan = NULL, *look = NULL;
	long long n = 0, sum = 0;
	int rc;

	db_prepare(db, "SELECT g FROM generate_series(1, 3000) g ORDER BY g", &scan);
	db_prepare(db, "SELECT :x * 2", &look);
	while ((rc = db_step(scan)) == DB_ROW) {
		long long g = db_column_int64(scan, 0);

		CHECK_INT(g, n + 1);
		db_bind_int64(look, db_param(look, ":x"), g);
		CHECK_INT(db_step(look), DB_ROW);
		sum += db_column_int64(look, 0);
		db_reset(look);
		n++;
	}
	CHECK_INT(rc, DB_DONE);
	CHECK_INT(n, 3000);
	CHECK_INT(sum, 3000LL * 3001);
	/* Left in the middle, a scan gives the connection back. */
	db_reset(scan);
	CHECK_INT(db_step(scan), DB_ROW);
	db_reset(scan);
	CHECK_STR(value(db, "SELECT 7"), "7");
	/* One plan however often it runs. */
	CHECK_STR(value(db, "SELECT count(*) FROM pg_prepared_statements"
			" WHERE statement LIKE 'SELECT $1 * 2'"), "1");
	db_finalize(scan);
	db_finalize(look);
	db_close(db);
}

static void test_a_reader_writes_nothing_and_reads_on_after_an_error(void)
{
	struct db *db;

	db_close(fresh_store());
	db = open_db(STORE_READ);
	CHECK_INT(db_exec(db, "INSERT INTO incident (key, digest, format, file, imported_at)"
			  " VALUES ('a', 1, 'csv', 'f', 't')"), -1);
	CHECK(strstr(db_errmsg(db), "read-only") != NULL);
	CHECK_INT(db_begin(db), -1);
	CHECK_STR(value(db, "SELECT count(*) FROM incident"), "0");
	db_close(db);
}

/* A reader sees a store as it was when it opened it, in every query. */
static void test_a_reader_sees_one_snapshot(void)
{
	struct db *w = fresh_store(), *r = open_db(STORE_READ);

	CHECK_INT(db_begin(w), 0);
	CHECK_INT(db_exec(w, "INSERT INTO incident (key, digest, format, file, imported_at)"
			  " VALUES ('a', 1, 'csv', 'f', 't')"), 0);
	CHECK_STR(value(r, "SELECT count(*) FROM incident"), "0");
	CHECK_INT(db_commit(w), 0);
	CHECK_STR(value(r, "SELECT count(*) FROM incident"), "0");
	db_close(r);
	r = open_db(STORE_READ);
	CHECK_STR(value(r, "SELECT count(*) FROM incident"), "1");
	db_close(r);
	db_close(w);
}

/* A report that may record itself reads one snapshot too, until it writes. */
static void test_a_writer_reads_one_snapshot_until_it_writes(void)
{
	struct db *w = fresh_store(), *u = open_db(STORE_UPDATE);

	CHECK_STR(value(u, "SELECT count(*) FROM incident"), "0");
	CHECK_INT(db_exec(w, "INSERT INTO incident (key, digest, format, file, imported_at)"
			  " VALUES ('a', 1, 'csv', 'f', 't')"), 0);
	CHECK_STR(value(u, "SELECT count(*) FROM incident"), "0");
	CHECK_INT(db_exec(u, "INSERT INTO incident_mark (incident_id, mark, marked_at)"
			  " VALUES (1, 'notable', 't')"), 0);
	CHECK_STR(value(u, "SELECT count(*) FROM incident"), "1");
	CHECK_STR(value(w, "SELECT count(*) FROM incident_mark"), "1");
	/* An error ends the snapshot; the next read takes a new one. */
	CHECK(!strncmp(value(u, "SELECT * FROM no_such_table"), "ERROR", 5));
	CHECK_STR(value(u, "SELECT count(*) FROM incident_mark"), "1");
	db_close(u);
	db_close(w);
}

static void test_writers_queue_on_one_lock(void)
{
	struct db *a = fresh_store(), *b = open_db(STORE_UPDATE);

	CHECK_INT(db_begin(a), 0);
	CHECK_STR(value(b, "SELECT pg_try_advisory_xact_lock(1768059506)"), "0");
	db_rollback(a);
	CHECK_STR(value(b, "SELECT pg_try_advisory_xact_lock(1768059506)"), "1");
	db_close(a);
	db_close(b);
}

static void test_a_transaction_an_error_aborted_does_not_commit(void)
{
	struct db *db = fresh_store();

	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_exec(db, "INSERT INTO incident (key, digest, format, file, imported_at)"
			  " VALUES ('a', 1, 'csv', 'f', 't')"), 0);
	CHECK_INT(db_exec(db, "INSERT INTO no_such_table VALUES (1)"), -1);
	CHECK_INT(db_commit(db), -1);
	CHECK(strstr(db_errmsg(db), "aborted") != NULL);
	CHECK_STR(value(db, "SELECT count(*) FROM incident"), "0");
	db_close(db);
}

static void test_a_lost_connection_rolls_the_transaction_back(void)
{
	struct db *db = fresh_store();
	struct db_stmt *s = NULL;
	char sql[200], name[48];

	snprintf(name, sizeof(name), "%s", db_name());
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_exec(db, "INSERT INTO incident (key, digest, format, file, imported_at)"
			  " VALUES ('a', 1, 'csv', 'f', 't')"), 0);
	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
		 " WHERE datname = '%s' AND pid <> pg_backend_pid()", name);
	admin(name, sql);
	CHECK_INT(db_prepare(db, "SELECT count(*) FROM incident", &s), 0);
	CHECK_INT(db_step(s), -1);
	CHECK(strstr(db_errmsg(db), "connection to the server was lost") != NULL);
	CHECK_INT(db_commit(db), -1);
	db_finalize(s);
	db_close(db);
	CHECK_STR(admin(name, "SELECT count(*) FROM incident"), "0");
}

/*
 * The cluster: $IBRIEF_TEST_PG, else one of our own (tests/pg.sh). Returns
 * 0; 3 with `why` when there is no server to test with (the tests are
 * skipped); -1 with `why` when the cluster did not start (a failure).
 */
static int find_cluster(struct buf *why)
{
	const char *env = getenv("IBRIEF_TEST_PG");
	char line[512];
	FILE *p;
	int status;

	if (env && *env) {
		snprintf(base, sizeof(base), "%s", env);
		return 0;
	}
	if (access("tests/pg.sh", R_OK) < 0) {
		buf_adds(why, "no tests/pg.sh here (run from the top of the tree)");
		return 3;
	}
	p = popen("sh tests/pg.sh start 2>&1", "r");
	if (!p)
		die("cannot run tests/pg.sh");
	/* The URI base is the last line; the others say why it failed. */
	while (fgets(line, sizeof(line), p)) {
		if (*base)
			buf_addf(why, "%s ", base);
		snprintf(base, sizeof(base), "%.*s", (int)strcspn(line, "\n"), line);
	}
	status = pclose(p);
	if (WIFEXITED(status) && !WEXITSTATUS(status)) {
		own_cluster = 1;
		return 0;
	}
	buf_adds(why, base);
	return WIFEXITED(status) && WEXITSTATUS(status) == 3 ? 3 : -1;
}

/* Drops the tests' databases from a cluster that is not ours, stops ours. */
static void stop_cluster(void)
{
	struct buf cmd = BUF_INIT;

	for (; !own_cluster && db_nr > 0; db_nr--) {
		buf_reset(&cmd);
		buf_addf(&cmd, "DROP DATABASE %s WITH (FORCE)", db_name());
		admin("postgres", cmd.buf);
	}
	if (!own_cluster) {
		buf_release(&cmd);
		return;
	}
	buf_addf(&cmd, "sh tests/pg.sh stop '%s'", base);
	if (system(cmd.buf) != 0)
		fprintf(stderr, "# cannot stop the test cluster %s\n", base);
	buf_release(&cmd);
}

static void test_the_size_is_the_databases_and_no_index_is_set_aside(void)
{
	static const char indexes[] = "SELECT count(*) FROM pg_indexes WHERE tablename LIKE 'incident%'";
	struct db *db = fresh_store();
	struct buf rebuild = BUF_INIT;
	char size[32], before[16];

	CHECK(db != NULL);
	if (!db)
		return;
	snprintf(size, sizeof(size), "%lld", db_size(db));
	CHECK_STR(value(db, "SELECT pg_database_size(current_database())"), size);
	CHECK(db_size(db) > 1000000);
	snprintf(before, sizeof(before), "%s", value(db, indexes));
	CHECK(atoi(before) > 0);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_defer_indexes(db, "incident", &rebuild), 0);
	CHECK_INT((int)rebuild.len, 0);
	CHECK_STR(value(db, indexes), before);
	db_rollback(db);
	buf_release(&rebuild);
	db_close(db);
}

static const struct {
	const char *name;
	void (*fn)(void);
} tests[] = {
	{ "a new database gets the schema, a reader then reads it",
	  test_a_new_database_gets_the_schema_a_reader_then_reads },
	{ "a reader refuses an empty database, every mode a newer schema",
	  test_a_reader_refuses_an_empty_database_and_a_newer_schema },
	{ "a database not in UTF-8 is refused", test_a_database_not_in_utf8_is_refused },
	{ "a failed connection is one line naming host and database, no password",
	  test_a_failed_connection_is_one_line_naming_host_and_database },
	{ "parameters are named, numbered or plain, outside literals and comments",
	  test_parameters_are_named_numbered_or_plain_outside_literals },
	{ "values read as SQLite gives them", test_values_read_as_sqlite_gives_them },
	{ "the SQLite functions the portable SQL uses",
	  test_the_sqlite_functions_the_portable_sql_uses },
	{ "ids are the largest plus one, as in SQLite",
	  test_ids_are_the_largest_plus_one_as_in_sqlite },
	{ "a statement may run while another sends rows, prepared once",
	  test_a_statement_may_run_while_another_sends_rows },
	{ "a reader writes nothing and reads on after an error",
	  test_a_reader_writes_nothing_and_reads_on_after_an_error },
	{ "a reader sees one snapshot", test_a_reader_sees_one_snapshot },
	{ "a writer reads one snapshot until it writes",
	  test_a_writer_reads_one_snapshot_until_it_writes },
	{ "writers queue on one lock", test_writers_queue_on_one_lock },
	{ "a transaction an error aborted does not commit",
	  test_a_transaction_an_error_aborted_does_not_commit },
	{ "a lost connection rolls the transaction back and says so",
	  test_a_lost_connection_rolls_the_transaction_back },
	{ "the size is the database's, and a bulk load sets no index aside",
	  test_the_size_is_the_databases_and_no_index_is_set_aside },
};

int main(void)
{
	struct buf why = BUF_INIT;
	int ret;

	switch (find_cluster(&why)) {
	case 0:
		/* The tests' own connections use libpq as the backend opens it. */
		if (pg_lib_load("t_db_pg") < 0)
			return 1;
		break;
	case 3:
		for (size_t i = 0; i < ARRAY_SIZE(tests); i++)
			printf("ok - %s # SKIP %s\n", tests[i].name, why.buf);
		buf_release(&why);
		return 0;
	default:
		printf("not ok - the PostgreSQL test cluster starts\n# %s\n", why.buf);
		buf_release(&why);
		return 1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(tests); i++)
		test_run(tests[i].name, tests[i].fn);
	ret = test_done();
	stop_cluster();
	return ret;
}
