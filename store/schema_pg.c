/*
 * The store's schema on PostgreSQL: the tables of store/schema.c in
 * PostgreSQL's DDL, the version kept in a table (PostgreSQL has no
 * user_version), and the functions that give the SQLite names the
 * portable SQL of store/ and queries/ uses (store/db.h). All the SQL that
 * only PostgreSQL runs is here.
 *
 * A new database gets the tables of version 6 at once, then the
 * migrations since. A migration added to store/schema.c must be added
 * here too, in pg_migrations[], for the version it makes:
 * schema_pg_check() refuses a store it cannot bring to schema_version(),
 * and tests/unit/t_db_pg.c checks that a new one gets there.
 */
#include "db_pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "../util/util.h"
#include "../util/banned.h"

/*
 * Text sorts and compares bytewise, as in SQLite (COLLATE "C"), whatever
 * the database's locale. Integers are 64-bit (bigint) as SQLite's; REAL
 * is double precision. An id is the largest id plus one (next_id()), as
 * SQLite's INTEGER PRIMARY KEY gives it, so that both backends number the
 * same imports the same way (a sequence would leave gaps after a
 * rollback) and a copied store keeps its ids. Writers hold the write lock
 * (PG_WRITE_LOCK) while they take one. The largest id is looked up once
 * per transaction and the next one kept in a setting of the transaction:
 * a lookup per row would step, every time, over the index entries that a
 * rolled-back import left above the live ids until VACUUM removes them
 * (measured: 3,000 inserts after a rolled-back import of 100,000 took
 * 1.6 s, and take 0.13 s).
 */
#define T " text COLLATE \"C\""

#define NEXT_ID(table) \
	"CREATE FUNCTION " table "_next_id() RETURNS trigger LANGUAGE plpgsql AS $$" \
	" DECLARE next bigint := nullif(current_setting('ibrief.next_" table "', true), '');" \
	" BEGIN" \
	"  IF next IS NULL THEN" \
	"   PERFORM pg_advisory_xact_lock(" PG_WRITE_LOCK ");" \
	"   next := (SELECT coalesce(max(id), 0) + 1 FROM " table ");" \
	"  END IF;" \
	"  IF NEW.id IS NULL THEN" \
	"   NEW.id := next;" \
	"  END IF;" \
	"  PERFORM set_config('ibrief.next_" table "', greatest(next, NEW.id + 1)::text, true);" \
	"  RETURN NEW;" \
	" END $$;" \
	"CREATE TRIGGER " table "_id BEFORE INSERT ON " table \
	" FOR EACH ROW EXECUTE FUNCTION " table "_next_id();"

#define LIST_TABLE(name, column, more) \
	"CREATE TABLE " name " (" \
	"  incident_id bigint NOT NULL REFERENCES incident(id) ON DELETE CASCADE," \
	"  pos bigint NOT NULL," \
	"  " column T " NOT NULL," more \
	"  PRIMARY KEY (incident_id, pos)" \
	");"

static const char schema_tables[] =
	"CREATE TABLE ibrief_meta ("
	"  application_id bigint NOT NULL,"
	"  version integer NOT NULL"
	");"
	"CREATE TABLE incident ("
	"  id bigint PRIMARY KEY,"
	"  key" T " NOT NULL UNIQUE,"
	"  digest bigint NOT NULL,"
	"  victim" T ","
	"  year bigint, month bigint, day bigint,"
	"  date_precision" T " CHECK (date_precision IN ('day', 'month', 'year')),"
	"  date_start" T ", date_end" T ","
	"  public_sector bigint CHECK (public_sector IN (0, 1)),"
	"  public_kind" T ","
	"  type" T ","
	"  summary" T ","
	"  description" T ","
	"  affected bigint,"
	"  contain_hours double precision,"
	"  contain_approximate bigint NOT NULL DEFAULT 0,"
	"  recover_hours double precision,"
	"  discovery_hours double precision,"
	"  motive_count bigint, technique_count bigint,"
	"  actor_count bigint, source_count bigint,"
	"  format" T " NOT NULL,"
	"  file" T " NOT NULL,"
	"  line bigint,"
	"  record bigint,"
	"  imported_at" T " NOT NULL,"
	"  campaign" T
	");"
	NEXT_ID("incident")
	LIST_TABLE("incident_country", "country", "")
	LIST_TABLE("incident_sector", "sector", "")
	LIST_TABLE("incident_cia", "attribute", "")
	LIST_TABLE("incident_motive", "motive", "")
	LIST_TABLE("incident_technique", "technique",
		   "  taxonomy" T " NOT NULL DEFAULT 'attack' CHECK (taxonomy IN ('attack', 'veris')),")
	LIST_TABLE("incident_actor", "actor", "")
	LIST_TABLE("incident_source", "url", "")
	"CREATE TABLE incident_derived ("
	"  incident_id bigint NOT NULL REFERENCES incident(id) ON DELETE CASCADE,"
	"  pos bigint NOT NULL,"
	"  field" T " NOT NULL,"
	"  phrase" T " NOT NULL,"
	"  PRIMARY KEY (incident_id, field)"
	");"
	"CREATE TABLE import_run ("
	"  id bigint PRIMARY KEY,"
	"  file" T " NOT NULL,"
	"  format" T " NOT NULL,"
	"  finished_at" T " NOT NULL,"
	"  new bigint NOT NULL, updated bigint NOT NULL,"
	"  unchanged bigint NOT NULL, rejected bigint NOT NULL"
	");"
	NEXT_ID("import_run")
	"CREATE TABLE incident_mark ("
	"  incident_id bigint PRIMARY KEY REFERENCES incident(id) ON DELETE CASCADE,"
	"  mark" T " NOT NULL CHECK (mark IN ('notable', 'ignore')),"
	"  marked_at" T " NOT NULL"
	");"
	"CREATE TABLE store_state ("
	"  id bigint PRIMARY KEY CHECK (id = 1),"
	"  incidents bigint,"
	"  digest bigint"
	");"
	"INSERT INTO store_state (id, incidents, digest) VALUES (1, 0, 0);"
	"CREATE TABLE briefing ("
	"  id bigint PRIMARY KEY,"
	"  template" T " NOT NULL,"
	"  template_digest" T " NOT NULL,"
	"  period_kind" T " NOT NULL,"
	"  period_from" T " NOT NULL, period_to" T " NOT NULL, period_label" T " NOT NULL,"
	"  filters" T " NOT NULL,"
	"  lang" T " NOT NULL,"
	"  tlp" T " NOT NULL,"
	"  issued_at" T " NOT NULL,"
	"  path" T " NOT NULL,"
	"  sha256" T " NOT NULL,"
	"  bytes bigint NOT NULL,"
	"  incidents bigint NOT NULL,"
	"  incidents_digest" T " NOT NULL,"
	"  last_incident bigint NOT NULL"
	");"
	NEXT_ID("briefing")
	"CREATE TABLE briefing_figure ("
	"  briefing_id bigint NOT NULL REFERENCES briefing(id) ON DELETE CASCADE,"
	"  pos bigint NOT NULL,"
	"  name" T " NOT NULL CHECK (name IN ('incidents', 'public-share', 'country')),"
	"  label" T " NOT NULL,"
	"  value double precision,"
	"  PRIMARY KEY (briefing_id, pos)"
	");"
	/*
	 * The indexes of schema.c's versions 2 and 3. SQLite's indexes hold
	 * the row id; here it is included, so that the queries of a month
	 * read the date index alone, as in SQLite.
	 */
	"CREATE INDEX incident_by_period ON incident(date_start, date_end, public_sector,"
	"  type, public_kind, contain_hours, affected, technique_count, motive_count,"
	"  actor_count) INCLUDE (id);"
	"CREATE INDEX incident_by_public ON incident(public_sector, date_start);"
	"CREATE INDEX incident_country_by_country ON incident_country(country, incident_id);"
	"CREATE INDEX incident_sector_by_sector ON incident_sector(sector, incident_id);";

/*
 * SQLite's functions under their SQLite names, for the portable SQL:
 * json_each(text) of a JSON array gives its elements as `value` (text);
 * group_concat(x, sep) joins the non-NULL values in the order given, NULL
 * for none; total(x) sums as a double, 0.0 for none.
 */
static const char schema_functions[] =
	"CREATE FUNCTION json_each(text) RETURNS TABLE (value text) LANGUAGE sql IMMUTABLE"
	"  AS $$ SELECT json_array_elements_text($1::json) $$;"
	/* string_agg's own functions: it is group_concat under another name. */
	"CREATE AGGREGATE group_concat(text, text) (SFUNC = string_agg_transfn,"
	"  STYPE = internal, FINALFUNC = string_agg_finalfn);"
	"CREATE FUNCTION ibrief_total(acc double precision, v double precision)"
	"  RETURNS double precision LANGUAGE sql IMMUTABLE"
	"  AS $$ SELECT acc + coalesce(v, 0) $$;"
	"CREATE AGGREGATE total(double precision)"
	"  (SFUNC = ibrief_total, STYPE = double precision, INITCOND = '0');"
	"CREATE FUNCTION ibrief_total_bool(acc double precision, v boolean)"
	"  RETURNS double precision LANGUAGE sql IMMUTABLE"
	"  AS $$ SELECT acc + CASE WHEN v THEN 1 ELSE 0 END $$;"
	"CREATE AGGREGATE total(boolean)"
	"  (SFUNC = ibrief_total_bool, STYPE = double precision, INITCOND = '0');";

/*
 * Migrations of a PostgreSQL store, from the version it has to the next:
 * pg_migrations[v - PG_FIRST_VERSION] takes version v to v + 1. Version 6
 * (schema_version() when PostgreSQL came), the tables above, is the first
 * a PostgreSQL store has; a new database gets it and then the migrations.
 */
#define PG_FIRST_VERSION 6

/* Version 7 (store/schema.c): the incident's dates on the lists the queries count. */
#define LIST_DATES(table, columns) \
	"ALTER TABLE " table " ADD COLUMN date_start" T ", ADD COLUMN date_end" T ";" \
	"UPDATE " table " t SET date_start = i.date_start, date_end = i.date_end" \
	"  FROM incident i WHERE i.id = t.incident_id;" \
	"CREATE INDEX " table "_by_date ON " table "(date_start, date_end, incident_id, " \
	columns ");"
static const char pg_v7[] =
	LIST_DATES("incident_country", "pos, country")
	LIST_DATES("incident_sector", "pos, sector")
	LIST_DATES("incident_motive", "pos, motive")
	LIST_DATES("incident_technique", "pos, technique, taxonomy")
	LIST_DATES("incident_actor", "pos, actor");
#undef LIST_DATES

/* Version 8 (store/schema.c): the digest in the date index. */
static const char pg_v8[] =
	"DROP INDEX incident_by_period;"
	"CREATE INDEX incident_by_period ON incident(date_start, date_end, public_sector,"
	"  type, public_kind, contain_hours, affected, technique_count, motive_count,"
	"  actor_count, digest) INCLUDE (id);";

/*
 * Version 9 (store/schema.c) spells SQLite's CHECK constraints of three
 * values without IN, which SQLite checks through a temporary B-tree per
 * row. PostgreSQL checks an IN list as an array at no such cost: its
 * schema stays as it is, and the migration only moves the version on.
 */
static const char pg_v9[] = "";

/* Version 10 (store/schema.c): two indexes no query reads. */
static const char pg_v10[] =
	"DROP INDEX IF EXISTS incident_by_public;"
	"DROP INDEX IF EXISTS incident_sector_by_sector;";

static const char *const pg_migrations[] = { pg_v7, pg_v8, pg_v9, pg_v10 };

/* Reads one integer (NULL: 0) of a query without parameters; 0 or -1. */
static int query_int(struct pg_db *pg, const char *sql, long long *out)
{
	PGresult *r;
	int ret = -1;

	pg_claim(pg);
	r = PQexec(pg->conn, sql);
	if (r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
		*out = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
		ret = 0;
	} else {
		pg_fail(pg, r);
	}
	PQclear(r);
	return ret;
}

/*
 * Creates the current schema in an empty database (inside the caller's
 * transaction). The database must hold UTF-8, as every text ibrief keeps
 * is: another encoding would refuse or change what an import stores.
 */
static int create_schema(struct pg_db *pg, const char *display)
{
	const char *encoding = PQparameterStatus(pg->conn, "server_encoding");
	char stamp[128];

	if (encoding && strcmp(encoding, "UTF8"))
		return error("'%s': the database's encoding is %s, not UTF8: create it with "
			     "'createdb -E UTF8 -T template0'", display, encoding);
	snprintf(stamp, sizeof(stamp),
		 "INSERT INTO ibrief_meta (application_id, version) VALUES (%d, %d)",
		 SCHEMA_APPLICATION_ID, PG_FIRST_VERSION);
	if (pg_exec(pg, schema_tables) < 0 || pg_exec(pg, schema_functions) < 0 ||
	    pg_exec(pg, stamp) < 0)
		return error("'%s': cannot create the store: %s", display, pg->err.buf);
	return 0;
}

/* Brings a store of `version` to schema_version() (inside the caller's transaction). */
static int migrate(struct pg_db *pg, const char *display, long long version)
{
	char stamp[96];

	for (long long v = version; v < schema_version(); v++) {
		const char *sql = v >= PG_FIRST_VERSION &&
			(size_t)(v - PG_FIRST_VERSION) < ARRAY_SIZE(pg_migrations) ?
			pg_migrations[v - PG_FIRST_VERSION] : NULL;

		if (!sql)
			return error("'%s': no migration of a PostgreSQL store from schema "
				     "version %lld (a bug: store/schema_pg.c lacks it)", display, v);
		if (pg_exec(pg, sql) < 0)
			return error("'%s': cannot migrate the store to version %lld: %s",
				     display, v + 1, pg->err.buf);
	}
	snprintf(stamp, sizeof(stamp), "UPDATE ibrief_meta SET version = %d", schema_version());
	if (pg_exec(pg, stamp) < 0)
		return error("'%s': cannot migrate the store: %s", display, pg->err.buf);
	return 0;
}

/*
 * What the database holds: *version the store's schema version, 0 when
 * it has no ibrief_meta; *tables the number of tables in the schema the
 * session uses.
 */
static int read_meta(struct pg_db *pg, const char *display, long long *version,
		     long long *app_id, long long *tables)
{
	*version = *app_id = 0;
	if (query_int(pg, "SELECT count(*) FROM pg_catalog.pg_tables"
		      " WHERE schemaname = current_schema()", tables) < 0 ||
	    query_int(pg, "SELECT (to_regclass('ibrief_meta') IS NOT NULL)::int", version) < 0)
		return error("'%s': cannot read the store: %s", display, pg->err.buf);
	if (!*version)
		return 0;
	if (query_int(pg, "SELECT max(application_id) FROM ibrief_meta", app_id) < 0 ||
	    query_int(pg, "SELECT max(version) FROM ibrief_meta", version) < 0)
		return error("'%s': cannot read the store: %s", display, pg->err.buf);
	return 0;
}

static int check_version(const char *display, enum store_mode mode, long long version,
			 long long app_id, long long tables)
{
	if ((version && app_id != SCHEMA_APPLICATION_ID) || (!version && tables))
		return error("'%s': not an ibrief store (the database holds tables made by "
			     "something else)", display);
	if (version > schema_version())
		return error("'%s': the store has schema version %lld, newer than this ibrief "
			     "understands (%d); use a newer ibrief", display, version, schema_version());
	if (mode == STORE_READ && !version)
		return error("'%s': not an ibrief store (an empty database: import incidents "
			     "into it first)", display);
	if (mode == STORE_READ && version < schema_version())
		return error("'%s': the store has schema version %lld, older than this ibrief's (%d): "
			     "reading never changes a store, so let one who may write it upgrade it "
			     "(any 'ibrief import' does)", display, version, schema_version());
	return 0;
}

int schema_pg_check(struct pg_db *pg, const char *display, enum store_mode mode)
{
	long long version, app_id, tables;

	if (mode == STORE_READ)
		return read_meta(pg, display, &version, &app_id, &tables) < 0 ? -1 :
			check_version(display, mode, version, app_id, tables);
	/* Two writers opening a new database at once: one creates, the other waits. */
	if (pg_exec(pg, "BEGIN; SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK ")") < 0)
		return error("'%s': cannot lock the store: %s", display, pg->err.buf);
	if (read_meta(pg, display, &version, &app_id, &tables) < 0 ||
	    check_version(display, mode, version, app_id, tables) < 0)
		goto fail;
	if (!version && create_schema(pg, display) < 0)
		goto fail;
	if (!version)
		version = PG_FIRST_VERSION;
	if (version < schema_version() && migrate(pg, display, version) < 0)
		goto fail;
	if (pg_exec(pg, "COMMIT") < 0) {
		error("'%s': cannot create the store: %s", display, pg->err.buf);
		goto fail;
	}
	return 0;
fail:
	PQclear(PQexec(pg->conn, "ROLLBACK"));
	return -1;
}
