#ifndef STORE_H
#define STORE_H

/*
 * The incident store: one database holding every imported incident, a
 * SQLite file by default, reached through store/db.h.
 *
 * Layout (see store/schema.c for the tables): one row per incident in
 * `incident`, child tables for each list (countries, sectors, motives,
 * techniques, actors, sources, CIA attributes), the derived values with the
 * phrases they came from, and provenance on the incident row. The schema
 * version is PRAGMA user_version; store_open() for writing migrates older
 * files forward; every mode refuses newer ones.
 *
 * All functions report failures with error() and return -1; nothing here
 * exits. A struct store is not thread-safe.
 */

#include "incident.h"

struct store;

enum store_mode {
	STORE_READ,	/* read-only: the store must exist at this schema; nothing is written */
	STORE_UPDATE,	/* read-write: the store must exist; migrated forward */
	STORE_WRITE,	/* read-write: created when missing; migrated forward */
};

/*
 * Opens the store at `path` for `mode` (store/db_sqlite.c says how for a
 * file; db.h which `path` names a PostgreSQL database instead): a reader
 * never changes the file, not even to migrate it, and refuses a missing,
 * empty, foreign, older or newer one with a message saying which and what
 * to do. A writer creates (STORE_WRITE) and migrates. On success sets
 * *out to a store the caller must store_close(). On failure returns -1
 * with a message naming the file, *out is NULL.
 */
int store_open(struct store **out, const char *path, enum store_mode mode);
/* Closes the store; NULL is a no-op. An open transaction is rolled back. */
void store_close(struct store *st);

/* The schema version this build writes. */
int store_schema_version(void);
/*
 * The store as messages name it: the path it was opened with, or a
 * PostgreSQL target without its password (db_target_display()). Owned by
 * the store.
 */
const char *store_path(const struct store *st);

/*
 * Whether one may write the store `target` names (a --db value), as far
 * as can be told without opening it: a file and its folder writable
 * (SQLite needs both); a PostgreSQL database decides when it is written
 * (1).
 */
int store_may_write(const char *target);

/*
 * The database under the store (store/db.h), for store/ and queries/ only
 * (the named aggregation queries run their own SQL over the schema in
 * store/schema.c). Owned by the store.
 */
struct db;
struct db *store_db(struct store *st);
/*
 * Reports that `what` failed on the store, with the database's reason:
 * "'STORE': WHAT: REASON". Returns -1, for store/ code to return.
 */
int store_db_error(struct store *st, const char *what);

/* Transactions: one per imported file. */
int store_begin(struct store *st);
int store_commit(struct store *st);
/* Never fails loudly: rolling back a store with no transaction is a no-op. */
void store_rollback(struct store *st);

enum store_put_result {
	STORE_PUT_NEW,
	STORE_PUT_UPDATED,
	STORE_PUT_UNCHANGED,
};

/*
 * Writes `inc` under its key (which must be set): inserts it when the key is
 * new, replaces it in place (same id) when what the source said differs,
 * and leaves it alone when it does not. Sets *result accordingly. Sets
 * inc->id to the row id. Returns 0, or -1 on a database error.
 *
 * A new incident is given the next row id and this session's time as its
 * import time, unless inc->id (> 0) and inc->imported_at are set: an
 * incident store_get() read from another store keeps both (store/copy.h).
 * An importer leaves them 0 and NULL (incident_init()).
 */
int store_put(struct store *st, struct incident *inc, enum store_put_result *result);
/* The same, given incident_digest(inc), made elsewhere (on a parser's thread). */
int store_put_digest(struct store *st, struct incident *inc, unsigned long long digest,
		     enum store_put_result *result);

/*
 * Reads the incident whose row id or key is `ref` into `out` (which must be
 * initialised; it is released first). Returns 1 when found, 0 when there is
 * no such incident, -1 on a database error.
 */
int store_get(struct store *st, const char *ref, struct incident *out);

struct store_count {
	char *name;
	long long n;
};

/*
 * Where the store's data lies in time, by the precision each incident's
 * date is known to: one fact of the whole store (never of a filter) for
 * every reader that needs the end of the data (ibrief stats, the cover's
 * "data as of", the warning for a period after the data).
 */
struct store_extent {
	char first_day[11], last_day[11];	/* oldest and newest dates known to the day; "" */
	char last_month[8];	/* "2020-06": the newest month of an incident known to the
				 * month or the day; "" when there is none */
	char last_year[5];	/* the newest year of an incident known only to the year; "" */
	long long by_day, by_month, by_year, undated;	/* incidents known to each precision */
};

/* Fills `out` (no allocation). Returns 0, or -1 with a message. */
int store_extent(struct store *st, struct store_extent *out);

/*
 * The one answer to "where does the data end": the newest month of an
 * incident known to the month or the day ("2020-06"), written to `out`,
 * and, when `day` is not NULL, the newest day of that month an incident
 * is known to ("2020-06-14"; "" when none of the month is known to the
 * day). store_extent() and query_data_end() (queries/) both take it from
 * here, in one statement. Returns 1, 0 when no incident is known to the
 * month (`out` and `day` are then ""), or -1 with a message.
 */
int store_last_month(struct store *st, char out[8], char day[11]);

struct store_stats {
	long long incidents;
	char first[11], last[11];	/* date range, "" when empty */
	struct store_extent extent;
	long long countries;		/* distinct victim countries */
	long long no_country;		/* incidents with no known country */
	struct store_count *formats;	/* incidents per source format */
	size_t formats_nr;
	char *last_import;		/* ISO 8601 UTC, NULL when empty */
	long long file_size;		/* bytes, main file and WAL */
	int schema_version;
};

/*
 * Records that `file` was imported (in the current transaction, so a dry
 * run leaves no trace), with what came of it. "Data as of" in a briefing is
 * the newest of these.
 */
int store_log_import(struct store *st, const char *file, const char *format,
		     long new_, long updated, long unchanged, long rejected);

/*
 * What a briefing records of the store it was made from: the number of
 * incidents, where their dates end (read from the ends of the date index,
 * cheap however large the store: the extent's counts by precision, which
 * need a walk of every incident, are left 0), a digest of their
 * contents that changes whenever any incident is added or changed (and is
 * the same for two stores holding the same incidents, whatever the order
 * of import), and the time of the newest import (NULL when none).
 */
struct store_summary {
	long long incidents;
	struct store_extent extent;	/* its dates only: the counts by precision are 0 */
	char digest[17];	/* 16 hex digits */
	char *last_import;	/* ISO 8601 UTC, owned; NULL when never imported */
};

/*
 * Fills `out`; release it with store_summary_release(). Returns 0 or -1.
 * Inside a transaction the count and digest are those of its start: the
 * puts of a transaction reach them at store_commit().
 */
int store_summary(struct store *st, struct store_summary *out);
void store_summary_release(struct store_summary *s);

/* Fills `out`, which the caller releases with store_stats_release(). */
int store_stats(struct store *st, struct store_stats *out);
void store_stats_release(struct store_stats *s);

#endif
