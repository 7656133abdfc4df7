#ifndef STORE_DB_SQLITE_H
#define STORE_DB_SQLITE_H

/*
 * For store/schema.c (and tests that build a store's file by hand): what
 * the SQLite backend (store/db_sqlite.c) says of a raw SQLite handle.
 * Everything else reaches the database through store/db.h.
 */

struct sqlite3;

/*
 * What the last call on `db` failed with, for a message: SQLite's message,
 * and when a file could not be written or read, the system's reason when
 * SQLite kept it ("disk I/O error (Permission denied)"), else what it was
 * doing ("disk I/O error: cannot write the store's files (is the disk
 * full?)"). The text lives until the next call.
 */
const char *db_sqlite_errmsg(struct sqlite3 *db);

#endif
