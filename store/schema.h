#ifndef SCHEMA_H
#define SCHEMA_H

/*
 * The store's schema, as a list of migrations. Migration i (1-based) takes
 * a file at user_version i-1 to i; a new file runs them all. The SQLite
 * backend (store/db_sqlite.c) and tests that build an older file include
 * this header; it speaks SQLite, as the files it makes.
 */

struct sqlite3;

/* PRAGMA application_id of an ibrief store: "ibrf". */
#define SCHEMA_APPLICATION_ID 0x69627266

/* The version this build writes: the number of migrations. */
int schema_version(void);

/*
 * Brings `db` (inside a transaction the caller opened) from version `from`
 * to `to` (normally schema_version(); tests build older stores with a
 * smaller one). Does not set user_version. Returns 0, or -1 after reporting
 * what failed, naming `path`.
 */
int schema_migrate(struct sqlite3 *db, const char *path, int from, int to);

#endif
