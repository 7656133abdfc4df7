#include "schema.h"

#include <sqlite3.h>
#include <stdio.h>

#include "db_sqlite.h"
#include "../util/util.h"
#include "../util/banned.h"

/*
 * Version 1: incidents, their lists as child tables, derived values and
 * the import log.
 *
 * Dates: year/month/day hold what is known (NULL for an unknown part);
 * date_start and date_end are the first and last day the date can mean
 * ("2024-04" -> 2024-04-01 .. 2024-04-30), so that range filters need no
 * case analysis. Hours are REAL; NULL is unknown everywhere.
 */
static const char schema_v1[] =
	"CREATE TABLE incident ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  digest INTEGER NOT NULL,"
	"  victim TEXT,"
	"  year INTEGER, month INTEGER, day INTEGER,"
	"  date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),"
	"  date_start TEXT, date_end TEXT,"
	"  public_sector INTEGER CHECK (public_sector IN (0, 1)),"
	"  public_kind TEXT,"
	"  type TEXT,"
	"  summary TEXT,"
	"  description TEXT,"
	"  affected INTEGER,"
	"  contain_hours REAL,"
	"  contain_approximate INTEGER NOT NULL DEFAULT 0,"
	"  recover_hours REAL,"
	"  discovery_hours REAL,"
	"  motive_count INTEGER, technique_count INTEGER,"
	"  actor_count INTEGER, source_count INTEGER,"
	"  format TEXT NOT NULL,"
	"  file TEXT NOT NULL,"
	"  line INTEGER,"
	"  record INTEGER,"
	"  imported_at TEXT NOT NULL"
	");"
#define LIST_TABLE(name, column) \
	"CREATE TABLE " name " ("						\
	"  incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE," \
	"  pos INTEGER NOT NULL,"						\
	"  " column " TEXT NOT NULL,"						\
	"  PRIMARY KEY (incident_id, pos)"					\
	") WITHOUT ROWID;"
	LIST_TABLE("incident_country", "country")
	LIST_TABLE("incident_sector", "sector")
	LIST_TABLE("incident_cia", "attribute")
	LIST_TABLE("incident_motive", "motive")
	LIST_TABLE("incident_technique", "technique")
	LIST_TABLE("incident_actor", "actor")
	LIST_TABLE("incident_source", "url")
#undef LIST_TABLE
	"CREATE TABLE incident_derived ("
	"  incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL,"
	"  field TEXT NOT NULL,"
	"  phrase TEXT NOT NULL,"
	"  PRIMARY KEY (incident_id, field)"
	") WITHOUT ROWID;"
	"CREATE TABLE import_run ("
	"  id INTEGER PRIMARY KEY,"
	"  file TEXT NOT NULL,"
	"  format TEXT NOT NULL,"
	"  finished_at TEXT NOT NULL,"
	"  new INTEGER NOT NULL, updated INTEGER NOT NULL,"
	"  unchanged INTEGER NOT NULL, rejected INTEGER NOT NULL"
	");";

/*
 * Version 2: the indexes the monthly and country queries need, and the
 * analysts' marks (pin an incident as notable, or ignore it).
 */
static const char schema_v2[] =
	"CREATE INDEX incident_by_date ON incident(date_start, date_end);"
	"CREATE INDEX incident_by_public ON incident(public_sector, date_start);"
	"CREATE INDEX incident_country_by_country ON incident_country(country, incident_id);"
	"CREATE INDEX incident_sector_by_sector ON incident_sector(sector, incident_id);"
	"CREATE TABLE incident_mark ("
	"  incident_id INTEGER PRIMARY KEY REFERENCES incident(id) ON DELETE CASCADE,"
	"  mark TEXT NOT NULL CHECK (mark IN ('notable', 'ignore')),"
	"  marked_at TEXT NOT NULL"
	");";

/*
 * Version 3: the monthly briefing reads, for every incident of the period,
 * the columns below. With them in the date index, a query over a month of
 * a large store reads the index alone instead of one table row per
 * incident (measured: 330-510 ms down to about 180 ms for the monthly set
 * at 1M incidents). The index starts like the one it replaces, so range
 * filters use it as before.
 */
static const char schema_v3[] =
	"CREATE INDEX incident_by_period ON incident(date_start, date_end, public_sector,"
	"  type, public_kind, contain_hours, affected, technique_count, motive_count,"
	"  actor_count);"
	"DROP INDEX incident_by_date;";

/*
 * Version 4: what a briefing records of the store it was made from, kept
 * up to date by every write so that it is read, not computed: the number
 * of incidents and an order-independent digest of their contents (the XOR
 * of their digests). A store migrated with incidents in it starts with
 * NULL, and store_summary() computes the values once.
 */
static const char schema_v4[] =
	"CREATE TABLE store_state ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  incidents INTEGER,"
	"  digest INTEGER"
	");"
	"INSERT INTO store_state (id, incidents, digest)"
	"  SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM incident) THEN NULL ELSE 0 END,"
	"            CASE WHEN EXISTS (SELECT 1 FROM incident) THEN NULL ELSE 0 END;";

/*
 * Version 5: what the notable ranking and the techniques need to be
 * honest. campaign: the source's identifier of a campaign (VERIS
 * campaign_id), so that one campaign takes one notable slot. taxonomy:
 * the vocabulary each technique value is named in, 'attack' (MITRE
 * ATT&CK: tracker pages, CSV) or 'veris' (VERIS action varieties), so
 * that a table of techniques never calls one the other. Existing rows take
 * the taxonomy their importer gives (VERIS records are the only ones with
 * VERIS actions); their campaign stays unknown until the file is imported
 * again.
 */
static const char schema_v5[] =
	"ALTER TABLE incident ADD COLUMN campaign TEXT;"
	"ALTER TABLE incident_technique ADD COLUMN taxonomy TEXT NOT NULL DEFAULT 'attack'"
	"  CHECK (taxonomy IN ('attack', 'veris'));"
	"UPDATE incident_technique SET taxonomy = 'veris'"
	"  WHERE incident_id IN (SELECT id FROM incident WHERE format = 'veris');";

/*
 * Version 6: the briefings ibrief wrote, so that the next one can say what
 * changed since (cli/cmd_report.c records one after its PDF is in place).
 * A briefing's figures are the headline numbers it printed: `name` is
 * "incidents", "public-share" (a fraction) or "country" (with the ISO code
 * in `label`), in the order printed. last_incident is the newest
 * incident's row id at the issue: those stored later surfaced late.
 * Deleting or moving the store loses the briefings with the incidents.
 */
static const char schema_v6[] =
	"CREATE TABLE briefing ("
	"  id INTEGER PRIMARY KEY,"
	"  template TEXT NOT NULL,"
	"  template_digest TEXT NOT NULL,"
	"  period_kind TEXT NOT NULL,"
	"  period_from TEXT NOT NULL, period_to TEXT NOT NULL, period_label TEXT NOT NULL,"
	"  filters TEXT NOT NULL,"
	"  lang TEXT NOT NULL,"
	"  tlp TEXT NOT NULL,"
	"  issued_at TEXT NOT NULL,"
	"  path TEXT NOT NULL,"
	"  sha256 TEXT NOT NULL,"
	"  bytes INTEGER NOT NULL,"
	"  incidents INTEGER NOT NULL,"
	"  incidents_digest TEXT NOT NULL,"
	"  last_incident INTEGER NOT NULL"
	");"
	"CREATE TABLE briefing_figure ("
	"  briefing_id INTEGER NOT NULL REFERENCES briefing(id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL,"
	"  name TEXT NOT NULL CHECK (name IN ('incidents', 'public-share', 'country')),"
	"  label TEXT NOT NULL,"
	"  value REAL,"
	"  PRIMARY KEY (briefing_id, pos)"
	") WITHOUT ROWID;";

/*
 * Version 7: the incident's date on the lists the monthly queries count
 * (countries, sectors, motives, techniques, actors), indexed by date and
 * incident, so that a period's list values lie in one range of one index.
 * A query joins a list to its incidents on the incident and its dates
 * (QUERY_LIST_JOIN in queries/internal.h): SQLite walks the period's
 * incidents in date order and finds each one's values next to the last
 * one's, instead of at a random place of the list's table (measured on
 * 1M incidents, June 2024: by-country from 87 ms to 10 ms in a cold
 * sqlite3 shell). The dates are the incident's date_start and date_end,
 * NULL when it has none; store_put writes them with the values.
 */
#define LIST_DATES(table, columns) \
	"ALTER TABLE " table " ADD COLUMN date_start TEXT;" \
	"ALTER TABLE " table " ADD COLUMN date_end TEXT;" \
	"UPDATE " table " SET (date_start, date_end) =" \
	"  (SELECT i.date_start, i.date_end FROM incident i WHERE i.id = incident_id);" \
	"CREATE INDEX " table "_by_date ON " table "(date_start, date_end, incident_id, " \
	columns ");"
static const char schema_v7[] =
	LIST_DATES("incident_country", "pos, country")
	LIST_DATES("incident_sector", "pos, sector")
	LIST_DATES("incident_motive", "motive")
	LIST_DATES("incident_technique", "technique, taxonomy")
	LIST_DATES("incident_actor", "actor");
#undef LIST_DATES

/*
 * Version 8: the incident's digest in the date index, last, so that the
 * digest of the incidents a briefing counted (query_counted()) is read
 * from the period's range of the index instead of from one table row per
 * incident, at a random place of the table (measured on 1M incidents,
 * June 2024: 8,160 of the briefing's 15,260 page reads).
 */
static const char schema_v8[] =
	"DROP INDEX incident_by_period;"
	"CREATE INDEX incident_by_period ON incident(date_start, date_end, public_sector,"
	"  type, public_kind, contain_hours, affected, technique_count, motive_count,"
	"  actor_count, digest);";

/*
 * Version 9: the same CHECK constraints, spelt so that checking a row
 * costs three comparisons. SQLite evaluates `x IN (a, b, c)` of three or
 * more constants by building a temporary B-tree of the constants, once per
 * row written: for the date precision of every incident that was a fifth
 * of the instructions of the thread that stores an import (callgrind,
 * VCDB, 8,589 records: 1,626 M down to 1,383 M). The rules are the same,
 * NULL still passes, so rows already stored need no check again.
 *
 * A CHECK cannot be altered; the table's SQL is edited in sqlite_master
 * as SQLite's documentation of ALTER TABLE says a constraint may be
 * changed without rebuilding the table ("Making Other Kinds Of Table
 * Schema Changes"): writable_schema on, the edit, then reload_schema().
 * All of it happens in the migration's transaction.
 */
/* The two spellings, as the text of a quoted SQL literal (its quotes doubled). */
#define CHECK_IN3(column, a, b, c) \
	column " IN (''" a "'', ''" b "'', ''" c "'')"
#define CHECK_OR3(column, a, b, c) \
	column " = ''" a "'' OR " column " = ''" b "'' OR " column " = ''" c "''"
#define RESPELL(table, column, a, b, c) \
	"UPDATE sqlite_master SET sql = replace(sql, '" CHECK_IN3(column, a, b, c) "', " \
	"'" CHECK_OR3(column, a, b, c) "') WHERE type = 'table' AND name = '" table "';"
static const char schema_v9[] =
	"PRAGMA writable_schema = ON;"
	RESPELL("incident", "date_precision", "day", "month", "year")
	RESPELL("briefing_figure", "name", "incidents", "public-share", "country");
#undef RESPELL
#undef CHECK_OR3
#undef CHECK_IN3

/*
 * Version 10: two indexes of version 2 that no query reads any more. The
 * monthly, country and public-sector queries walk the date indexes of
 * version 3 and 7 (EXPLAIN QUERY PLAN of every query of the catalog, with
 * each filter, and of `stats` and the briefing, on a store of 1M
 * incidents): incident_by_public served only whole-table counts, which
 * the date index serves as well, and incident_sector_by_sector nothing.
 * Each cost an entry per row written; an import of 1M incidents spent
 * 2.5 to 4 s of its 16 s of building indexes on the two.
 */
static const char schema_v10[] =
	"DROP INDEX IF EXISTS incident_by_public;"
	"DROP INDEX IF EXISTS incident_sector_by_sector;";

/*
 * A new version is written for both backends: here for SQLite, and in
 * store/schema_pg.c (pg_migrations[], and its current schema) for
 * PostgreSQL, which refuses to open a store it has no migration for.
 * `edits_schema`: the migration edits sqlite_master (version 9), and the
 * schema cookie must move on after it.
 */
static const struct migration {
	const char *sql;
	int edits_schema;
} migrations[] = {
	{ schema_v1, 0 },
	{ schema_v2, 0 },
	{ schema_v3, 0 },
	{ schema_v4, 0 },
	{ schema_v5, 0 },
	{ schema_v6, 0 },
	{ schema_v7, 0 },
	{ schema_v8, 0 },
	{ schema_v9, 1 },
	{ schema_v10, 0 },
};

int schema_version(void)
{
	return (int)ARRAY_SIZE(migrations);
}

/*
 * After an edit of sqlite_master: moves the schema cookie on by one, so
 * that other connections read the schema again, and has this one read it
 * (RESET also turns writable_schema off).
 */
static int reload_schema(sqlite3 *db)
{
	sqlite3_stmt *s = NULL;
	char sql[96];
	long long cookie;
	int rc;

	if (sqlite3_prepare_v2(db, "PRAGMA schema_version", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return -1;
	}
	cookie = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	/* PRAGMA takes no bound parameter; the number is the file's own. */
	snprintf(sql, sizeof(sql), "PRAGMA schema_version = %lld; PRAGMA writable_schema = RESET",
		 (cookie + 1) & 0x7fffffff);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : -1;
}

int schema_migrate(sqlite3 *db, const char *path, int from, int to)
{
	for (int v = from; v < to && v < schema_version(); v++) {
		if (sqlite3_exec(db, migrations[v].sql, NULL, NULL, NULL) != SQLITE_OK ||
		    (migrations[v].edits_schema && reload_schema(db) < 0)) {
			error("'%s': cannot migrate the store to version %d: %s",
			      path, v + 1, db_sqlite_errmsg(db));
			return -1;
		}
	}
	return 0;
}
