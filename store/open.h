#ifndef STORE_OPEN_H
#define STORE_OPEN_H

/*
 * Opening a store's SQLite file for one of the modes of store.h, and the
 * checks and migrations that go with it. Only store/store.c includes this.
 *
 * STORE_READ opens read-only and writes nothing: no journal mode, no
 * migration, no file created (an empty or missing file is refused, not
 * made a store). A store of an older schema is refused with a message
 * that a writer must upgrade it, one of a newer schema with a message
 * that a newer ibrief is needed. How the file is opened depends on what
 * the reader may do:
 *
 *   - one who may write the file and its directory opens it read-write
 *     with PRAGMA query_only, so that no statement writes, and SQLite
 *     removes its -wal and -shm files at the close as a writer's would;
 *   - else it is opened read-only (mode=ro); with a -wal file beside it a
 *     writer may be at work, and SQLite reads through the writer's log;
 *   - else, in a directory the reader cannot write and with no -wal,
 *     SQLite could not open it at all: it is read as immutable. That is
 *     right as long as no writer starts during the read (a writer there
 *     leaves a -wal that the next read sees).
 *
 * STORE_UPDATE and STORE_WRITE open read-write, switch WAL on and migrate
 * an older store forward; STORE_WRITE creates a missing file.
 */

#include <sqlite3.h>

#include "store.h"

/*
 * Opens `path` for `mode` and checks or migrates it. On success sets *db
 * to a handle the caller closes with sqlite3_close(). On failure returns
 * -1 with a message naming `path`; *db is NULL.
 */
int store_file_open(sqlite3 **db, const char *path, enum store_mode mode);

#endif
