/* Opening a store's file for a mode, and its schema checks (see open.h). */
#include "open.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema.h"
#include "../util/buf.h"
#include "../util/util.h"
#include "../util/banned.h"

/* The first bytes of every SQLite 3 database file. */
#define SQLITE_MAGIC "SQLite format 3"

static int exec(sqlite3 *db, const char *path, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		error("'%s': %s", path, store_errmsg(db));
		return -1;
	}
	return 0;
}

/* Reads one integer from a pragma or query with no parameters. */
static int query_int(sqlite3 *db, const char *path, const char *sql, long long *out)
{
	sqlite3_stmt *s = NULL;
	int ret = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW) {
		error("'%s': cannot read the store: %s", path, store_errmsg(db));
		goto out;
	}
	*out = sqlite3_column_int64(s, 0);
	ret = 0;
out:
	sqlite3_finalize(s);
	return ret;
}

/*
 * For reading: the file exists, is a regular file and starts as an SQLite
 * database does. SQLite takes an empty file for an empty database, which
 * a reader must not make a store of.
 */
static int check_file(const char *path)
{
	char head[sizeof(SQLITE_MAGIC)];
	struct stat st;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 && errno == ENOENT)
		return error("'%s': no such store (import incidents first, or name one with --db)",
			     path);
	if (fd < 0)
		return error("'%s': cannot open the store: %s", path, strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return error("'%s': not a store (not a regular file)", path);
	}
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n == 0)
		return error("'%s' is empty: not a store (import incidents into it first)", path);
	if (n != (ssize_t)sizeof(head) || memcmp(head, SQLITE_MAGIC, sizeof(head)))
		return error("'%s': not an ibrief store (not an SQLite file)", path);
	return 0;
}

/* Appends `s` percent-encoded as a URI path: what SQLite's file: URIs need. */
static void add_uri_path(struct buf *uri, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("/-._~", c))
			buf_addch(uri, c);
		else
			buf_addf(uri, "%%%02X", c);
	}
}

/*
 * How a reader opens `path`: the URI and flags. One who could write the
 * file opens it as a writer would, with every statement refused (PRAGMA
 * query_only): SQLite then removes the -wal and -shm it made when the
 * last connection closes. One who cannot write opens it read-only, which
 * leaves them behind, or immutable when SQLite could not make them at all.
 */
static int read_open_mode(struct buf *uri, const char *path)
{
	struct buf wal = BUF_INIT, dir = BUF_INIT;
	const char *slash = strrchr(path, '/');
	int dir_writable, flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;

	buf_addf(&wal, "%s-wal", path);
	if (slash)
		buf_add(&dir, path, (size_t)(slash - path) + 1);
	else
		buf_adds(&dir, ".");
	dir_writable = !access(dir.buf, W_OK);
	if (dir_writable && !access(path, W_OK)) {
		buf_adds(uri, path);
		flags = SQLITE_OPEN_READWRITE;
	} else {
		buf_adds(uri, "file:");
		add_uri_path(uri, path);
		buf_adds(uri, "?mode=ro");
		if (!dir_writable && access(wal.buf, F_OK) < 0)
			buf_adds(uri, "&immutable=1");
	}
	buf_release(&wal);
	buf_release(&dir);
	return flags;
}

/*
 * Checks that `db` is an ibrief store this build can serve in `mode`,
 * and migrates it forward unless reading.
 */
static int check_schema(sqlite3 *db, const char *path, enum store_mode mode)
{
	long long version, app_id, tables;
	char stamp[96];
	int ret = -1;

	if (query_int(db, path, "PRAGMA application_id", &app_id) < 0 ||
	    query_int(db, path, "PRAGMA user_version", &version) < 0 ||
	    query_int(db, path, "SELECT count(*) FROM sqlite_master", &tables) < 0)
		return -1;
	if ((app_id && app_id != SCHEMA_APPLICATION_ID) || (!app_id && tables))
		return error("'%s': not an ibrief store (it is an SQLite file made by something else)",
			     path);
	if (version > schema_version())
		return error("'%s': the store has schema version %lld, newer than this ibrief "
			     "understands (%d); use a newer ibrief", path, version, schema_version());
	if (version == schema_version())
		return 0;
	if (mode == STORE_READ && !version)
		return error("'%s': not an ibrief store (an empty SQLite database)", path);
	if (mode == STORE_READ)
		return error("'%s': the store has schema version %lld, older than this ibrief's (%d): "
			     "reading never changes a store, so let one who may write it upgrade it "
			     "(any 'ibrief import' does)", path, version, schema_version());
	if (exec(db, path, "BEGIN IMMEDIATE") < 0)
		return -1;
	if (schema_migrate(db, path, (int)version, schema_version()) < 0)
		goto out;
	/* PRAGMA takes no bound parameters; both numbers are this build's own. */
	snprintf(stamp, sizeof(stamp), "PRAGMA user_version = %d; PRAGMA application_id = %d",
		 schema_version(), SCHEMA_APPLICATION_ID);
	if (exec(db, path, stamp) < 0)
		goto out;
	ret = exec(db, path, "COMMIT");
out:
	if (ret < 0)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return ret;
}

int store_file_open(sqlite3 **db, const char *path, enum store_mode mode)
{
	struct buf uri = BUF_INIT;
	int flags = SQLITE_OPEN_READWRITE, ret = -1;

	*db = NULL;
	if (mode != STORE_WRITE && check_file(path) < 0)
		return -1;
	if (mode == STORE_WRITE)
		flags |= SQLITE_OPEN_CREATE;
	if (mode == STORE_READ)
		flags = read_open_mode(&uri, path);
	else
		buf_adds(&uri, path);
	if (sqlite3_open_v2(uri.buf, db, flags, NULL) != SQLITE_OK) {
		error("'%s': cannot open the store: %s", path,
		      *db ? store_errmsg(*db) : "out of memory");
		goto out;
	}
	sqlite3_busy_timeout(*db, 5000);
	/*
	 * WAL lets readers (a report) run while an import writes; NORMAL
	 * synchronisation is durable across application crashes in WAL mode,
	 * which is what a batch import needs. A writer's cache of 32 MiB holds
	 * the key index of a large store, the one an import updates at random
	 * places (a bulk load builds the others at commit, see store_begin());
	 * the sort that builds them takes about as much again. 64 MiB was no
	 * faster (100,000 VERIS records into an empty store: 7.3 s of CPU
	 * against 6.5 s) and peaked at 99 MB against 61 MB. Readers (queries, a
	 * report) walk ranges of the date index and need less: 16 MiB. Both are
	 * bounds, so memory stays flat however large the store grows. (Reading through mmap saved a report
	 * of a 1M-incident store 5% of its time and cost 220 MB of RSS.) A
	 * reader sets nothing that writes: the journal mode is the file's.
	 */
	if (mode == STORE_READ)
		ret = exec(*db, path, "PRAGMA query_only = ON") < 0 ||
		      exec(*db, path, "PRAGMA cache_size = -16384") < 0 ? -1 : 0;
	else
		ret = exec(*db, path, "PRAGMA foreign_keys = ON") < 0 ||
		      exec(*db, path, "PRAGMA journal_mode = WAL") < 0 ||
		      exec(*db, path, "PRAGMA synchronous = NORMAL") < 0 ||
		      exec(*db, path, "PRAGMA cache_size = -32768") < 0 ? -1 : 0;
	if (!ret)
		ret = check_schema(*db, path, mode);
out:
	if (ret < 0) {
		sqlite3_close(*db);
		*db = NULL;
	}
	buf_release(&uri);
	return ret;
}
