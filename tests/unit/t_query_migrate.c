/*
 * A store made by an older version answers every query, once migrated, as
 * a store made by this one with the same incidents: schema version 7 put
 * the incident's dates on the list tables the queries join on, and a
 * migrated store must have them filled in for its old rows.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "query_fixture.h"
#include "store/mark.h"
#include "store/schema.h"
#include "util/buf.h"

/* The CSV answers of every catalog query over a few periods and a filter. */
static void answers(struct store *s, struct buf *out)
{
	static const char *const months[] = { "2024-04", "2024-03", "2023-04", NULL };
	struct strlist be = STRLIST_INIT;

	strlist_add(&be, "BE");
	st = s;
	buf_reset(out);
	for (size_t m = 0; m < ARRAY_SIZE(months); m++) {
		for (int filtered = 0; filtered < 2; filtered++) {
			struct query_filter f;

			query_filter_init(&f);
			if (filtered)
				f.countries = &be;
			for (size_t q = 0; q < query_catalog_nr; q++) {
				struct query_result *r = run(query_catalog[q]->name, months[m], &f);
				char *text = NULL;
				size_t len = 0;
				FILE *mem = open_memstream(&text, &len);

				query_write_csv(mem, r);
				fclose(mem);
				buf_addf(out, "%s %s%s\n%s", query_catalog[q]->name,
					 months[m] ? months[m] : "all", filtered ? " BE" : "", text);
				free(text);
				query_result_free(r);
			}
		}
	}
	strlist_release(&be);
}

static void exec_ok(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		test_fail(__FILE__, __LINE__, "%s: %s", sql, msg ? msg : "?");
	sqlite3_free(msg);
}

/*
 * A store at schema version 6, made by that version's migrations, holding
 * the rows of `from` (a current store) in the columns version 6 has.
 */
static void make_version_6(const char *path, const char *from)
{
	sqlite3 *db;
	struct buf sql = BUF_INIT;

	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	exec_ok(db, "BEGIN");
	CHECK_INT(schema_migrate(db, path, 0, 6), 0);
	buf_addf(&sql, "PRAGMA user_version = 6; PRAGMA application_id = %d;", SCHEMA_APPLICATION_ID);
	exec_ok(db, sql.buf);
	exec_ok(db, "COMMIT");
	buf_reset(&sql);
	buf_adds(&sql, "ATTACH ");
	buf_addf(&sql, "'%s'", from);	/* a test directory: no quote in it */
	buf_adds(&sql, " AS f;");
	exec_ok(db, sql.buf);
	exec_ok(db,
		"BEGIN;"
		"INSERT INTO incident SELECT * FROM f.incident;"
		"INSERT INTO incident_country SELECT incident_id, pos, country FROM f.incident_country;"
		"INSERT INTO incident_sector SELECT incident_id, pos, sector FROM f.incident_sector;"
		"INSERT INTO incident_cia SELECT * FROM f.incident_cia;"
		"INSERT INTO incident_motive SELECT incident_id, pos, motive FROM f.incident_motive;"
		"INSERT INTO incident_technique SELECT incident_id, pos, technique, taxonomy"
		"  FROM f.incident_technique;"
		"INSERT INTO incident_actor SELECT incident_id, pos, actor FROM f.incident_actor;"
		"INSERT INTO incident_source SELECT * FROM f.incident_source;"
		"INSERT INTO incident_derived SELECT * FROM f.incident_derived;"
		"INSERT INTO incident_mark SELECT * FROM f.incident_mark;"
		"UPDATE store_state SET (incidents, digest) = (SELECT incidents, digest FROM f.store_state);"
		"COMMIT; DETACH f;");
	sqlite3_close(db);
	buf_release(&sql);
}

static void test_a_version_6_store_answers_every_query_as_a_new_one_once_migrated(void)
{
	struct store *fresh = fixture_store(), *old = NULL;
	struct buf want = BUF_INIT, got = BUF_INIT, from = BUF_INIT, path = BUF_INIT;

	buf_adds(&from, store_path(fresh));
	CHECK_INT(store_mark(fresh, "3", "notable", NULL), 1);
	CHECK_INT(store_mark(fresh, "5", "ignore", NULL), 1);
	answers(fresh, &want);
	store_close(fresh);
	buf_addf(&path, "%s/v6.db", test_tmpdir());
	make_version_6(path.buf, from.buf);
	CHECK_INT(store_open(&old, path.buf, STORE_UPDATE), 0);
	CHECK_INT(store_schema_version(), 10);
	answers(old, &got);
	CHECK_STR(got.buf, want.buf);
	store_close(old);
	buf_release(&want);
	buf_release(&got);
	buf_release(&from);
	buf_release(&path);
}

int main(void)
{
	test_run("a version 6 store answers every query as a new one once migrated",
		 test_a_version_6_store_answers_every_query_as_a_new_one_once_migrated);
	return test_done();
}
