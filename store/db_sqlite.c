/*
 * The SQLite backend of store/db.h: a store's SQLite file, opened for
 * one of the modes of store.h, with the checks and migrations that go with
 * it.
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

#include "db_sqlite.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_impl.h"
#include "schema.h"
#include "../util/buf.h"
#include "../util/scratch.h"
#include "../util/util.h"
#include "../util/banned.h"

struct sqlite_db {
	struct db base;
	sqlite3 *handle;
	/* sqlite_data_version(): PRAGMA data_version, and what it and the changes were. */
	sqlite3_stmt *data_version;
	long long seen_pragma, seen_changes;
	unsigned long long version;
	int wal_at_close;	/* made by this connection: rollback journal until closed */
};

/*
 * An insert that ends in " RETURNING id" (db.h's way to learn the id an
 * insert made) is prepared without the clause, and its one row is made
 * from sqlite3_last_insert_rowid(): SQLite runs a RETURNING statement
 * under a statement journal of its own, which cost an import of VCDB
 * 5,300 brk() calls against 25, and a third of its system time.
 */
#define RETURNING_ID " RETURNING id"

struct sqlite_stmt {
	struct db_stmt base;
	sqlite3_stmt *handle;
	int returning_id;	/* the statement's SQL ended in RETURNING_ID */
	int id_row;		/* 1 while the made-up row is current, 2 after it */
	long long id;
	char id_text[24];
};

static struct sqlite_stmt *sqlite_stmt_of(struct db_stmt *s)
{
	return (struct sqlite_stmt *)s;
}

/* The made-up row of an insert's id is the current row. */
static int on_id_row(struct db_stmt *s)
{
	return sqlite_stmt_of(s)->id_row == 1;
}

static sqlite3 *handle_of(struct db *db)
{
	return ((struct sqlite_db *)db)->handle;
}

static sqlite3_stmt *stmt_of(struct db_stmt *s)
{
	return ((struct sqlite_stmt *)s)->handle;
}

const char *db_sqlite_errmsg(sqlite3 *db)
{
	static char msg[512];
	int code = sqlite3_errcode(db), ext = sqlite3_extended_errcode(db);
	int sys = sqlite3_system_errno(db);

	if (code != SQLITE_IOERR && code != SQLITE_FULL && code != SQLITE_CANTOPEN)
		return sqlite3_errmsg(db);
	/* SQLite often loses the system's errno of a failed write on its way up. */
	if (sys)
		snprintf(msg, sizeof(msg), "%s (%s)", sqlite3_errmsg(db), strerror(sys));
	else if (code == SQLITE_FULL || ext == SQLITE_IOERR_WRITE || ext == SQLITE_IOERR_FSYNC ||
		 ext == SQLITE_IOERR_TRUNCATE)
		snprintf(msg, sizeof(msg), "%s: cannot write the store's files (is the disk full?)",
			 sqlite3_errmsg(db));
	else
		return sqlite3_errmsg(db);
	return msg;
}

/* Runs `sql` (no parameters, no rows); on failure reports it naming `path`. */
static int exec_or_report(sqlite3 *db, const char *path, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return error("'%s': %s", path, db_sqlite_errmsg(db));
	return 0;
}

/* Reads one integer from a pragma or query with no parameters. */
static int query_int(sqlite3 *db, const char *path, const char *sql, long long *out)
{
	sqlite3_stmt *s = NULL;
	int ret = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW) {
		error("'%s': cannot read the store: %s", path, db_sqlite_errmsg(db));
		goto out;
	}
	*out = sqlite3_column_int64(s, 0);
	ret = 0;
out:
	sqlite3_finalize(s);
	return ret;
}

/* The first bytes of every SQLite 3 database file. */
#define SQLITE_MAGIC "SQLite format 3"

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
	if (exec_or_report(db, path, "BEGIN IMMEDIATE") < 0)
		return -1;
	if (schema_migrate(db, path, (int)version, schema_version()) < 0)
		goto out;
	/* PRAGMA takes no bound parameters; both numbers are this build's own. */
	snprintf(stamp, sizeof(stamp), "PRAGMA user_version = %d; PRAGMA application_id = %d",
		 schema_version(), SCHEMA_APPLICATION_ID);
	if (exec_or_report(db, path, stamp) < 0)
		goto out;
	ret = exec_or_report(db, path, "COMMIT");
out:
	if (ret < 0)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return ret;
}

/*
 * Whether a writer opening `path` makes the store: no file, or an empty
 * one. Such a store is written with a rollback journal until the writer
 * closes it, and turned to WAL then (sqlite_close()): in WAL mode every
 * page of its first import was written twice, to the log and by the
 * checkpoint at close, which read it back first; a rollback journal
 * records only pages that existed before the transaction, none here. An
 * import of VCDB into a new store made 10,303 pwrite() and 3,422 pread()
 * calls, and makes 3,500 and none. Until the first writer closes it a
 * reader may wait for its lock (a store that is being made has nothing to
 * read yet); a crash leaves a journal that the next opener rolls back,
 * and a store left in rollback mode is turned to WAL by its next writer.
 */
static int makes_store(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) < 0)
		return errno == ENOENT;
	return S_ISREG(sb.st_mode) && sb.st_size == 0;
}

/*
 * A bulk writer's page cache (an import, a copy: STORE_WRITE) in memory
 * mapped in 2 MB pages (util/scratch.h). The writer fills its cache with
 * fresh pages, and memory new to the process costs a page fault for each
 * 4 KB the first time it is written, dear on a virtual machine: an import
 * of VCDB into a new store made 5,800 page faults, most of them its 14 MB
 * of cache, and makes 1,700.
 *
 * The slots hold CACHE_SLOTS pages of 4 KiB (a store of another page size
 * has its pages from malloc(), as before): as many as the writer's cache
 * of 32 MiB and some more, since SQLite treats its cache as full, and
 * writes pages out early, when fewer than ten slots are free. SQLite
 * writes into every slot when it takes them, so the process holds the
 * 34 MB from the start: a small import peaks at 47 MB instead of 12 MB,
 * while a large one fills as much cache either way. The setting is
 * process-wide and comes before SQLite starts: a later call changes
 * nothing, so a process that opened a store before keeps malloc().
 */
#define CACHE_SLOTS 8192

static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void cache_setup(void)
{
	static struct scratch mem = SCRATCH_INIT;
	int header = 0;
	size_t slot;

	if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK || header < 0)
		return;
	slot = (4096 + (size_t)header + 7) & ~(size_t)7;
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, scratch_get(&mem, slot * CACHE_SLOTS), (int)slot,
		       CACHE_SLOTS);
}

static int file_open(sqlite3 **db, const char *path, enum store_mode mode, int *fresh)
{
	struct buf uri = BUF_INIT;
	int flags = SQLITE_OPEN_READWRITE, ret = -1;

	*db = NULL;
	*fresh = mode == STORE_WRITE && makes_store(path);
	if (mode != STORE_WRITE && check_file(path) < 0)
		return -1;
	if (mode == STORE_WRITE)
		flags |= SQLITE_OPEN_CREATE;
	if (mode == STORE_READ)
		flags = read_open_mode(&uri, path);
	else
		buf_adds(&uri, path);
	/*
	 * A struct db serves one thread (db.h): SQLite's locks on the
	 * connection and on its allocator's statistics only cost, 12% of the
	 * instructions of the thread that writes an import of VCDB (1,753 M
	 * down to 1,541 M). The statistics are process-wide and set before
	 * SQLite starts; a later call changes nothing and does no harm.
	 */
	flags |= SQLITE_OPEN_NOMUTEX;
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (mode == STORE_WRITE)
		pthread_once(&cache_once, cache_setup);
	if (sqlite3_open_v2(uri.buf, db, flags, NULL) != SQLITE_OK) {
		error("'%s': cannot open the store: %s", path,
		      *db ? db_sqlite_errmsg(*db) : "out of memory");
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
		ret = exec_or_report(*db, path, "PRAGMA query_only = ON") < 0 ||
		      exec_or_report(*db, path, "PRAGMA cache_size = -16384") < 0 ? -1 : 0;
	else
		ret = exec_or_report(*db, path, "PRAGMA foreign_keys = ON") < 0 ||
		      (!*fresh && exec_or_report(*db, path, "PRAGMA journal_mode = WAL") < 0) ||
		      exec_or_report(*db, path, "PRAGMA synchronous = NORMAL") < 0 ||
		      exec_or_report(*db, path, "PRAGMA cache_size = -32768") < 0 ? -1 : 0;
	/*
	 * A reader and a report read the first 16 MiB of the file through a
	 * memory map instead of a read() into SQLite's cache for each page:
	 * the VCDB store (11 MB) whole. Its briefing of June 2013 made 1,830
	 * preads and 4,470 page faults, and makes 14 and 2,750, in 15% less
	 * CPU time. The map is a bound, and pages read through it are not
	 * cached again: a report of a 1M-incident store peaks at 65 MB without
	 * one and would at 98 MB with 32 MiB. An import, which writes, keeps
	 * to its cache.
	 */
	if (!ret && mode != STORE_WRITE)
		ret = exec_or_report(*db, path, "PRAGMA mmap_size = 16777216");
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

static struct db *sqlite_open(const char *target, const char *display, enum store_mode mode)
{
	struct sqlite_db *db;
	sqlite3 *handle;
	int fresh;

	(void)display;		/* a path is shown as it is */
	if (file_open(&handle, target, mode, &fresh) < 0)
		return NULL;
	db = xcalloc(1, sizeof(*db));
	db->base.backend = DB_SQLITE;
	db->handle = handle;
	db->wal_at_close = fresh;
	return &db->base;
}

static void sqlite_close(struct db *db)
{
	sqlite3 *h = handle_of(db);

	sqlite3_finalize(((struct sqlite_db *)db)->data_version);
	/* Closing with a transaction open rolls it back. */
	if (((struct sqlite_db *)db)->wal_at_close) {
		if (!sqlite3_get_autocommit(h))
			sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
		/* If a reader holds the file, the next writer turns it to WAL. */
		sqlite3_exec(h, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	}
	sqlite3_close(h);
	free(db);
}

static int sqlite_prepare(struct db *db, const char *sql, struct db_stmt **out)
{
	size_t len = strlen(sql), tail = strlen(RETURNING_ID);
	int returning_id = len > tail && !strcmp(sql + len - tail, RETURNING_ID);
	sqlite3_stmt *handle = NULL;
	struct sqlite_stmt *s;

	if (returning_id)
		len -= tail;
	if (sqlite3_prepare_v2(handle_of(db), sql, (int)len, &handle, NULL) != SQLITE_OK) {
		sqlite3_finalize(handle);
		return -1;
	}
	s = xcalloc(1, sizeof(*s));
	s->base.db = db;
	s->handle = handle;
	s->returning_id = returning_id;
	*out = &s->base;
	return 0;
}

static void sqlite_finalize(struct db_stmt *s)
{
	sqlite3_finalize(stmt_of(s));
	free(s);
}

static void sqlite_reset(struct db_stmt *s)
{
	sqlite_stmt_of(s)->id_row = 0;
	sqlite3_reset(stmt_of(s));
}

static void sqlite_clear_bindings(struct db_stmt *s)
{
	sqlite3_clear_bindings(stmt_of(s));
}

static int sqlite_param(struct db_stmt *s, const char *name)
{
	return sqlite3_bind_parameter_index(stmt_of(s), name);
}

static int sqlite_bind_int64(struct db_stmt *s, int i, long long v)
{
	return sqlite3_bind_int64(stmt_of(s), i, v) == SQLITE_OK ? 0 : -1;
}

static int sqlite_bind_double(struct db_stmt *s, int i, double v)
{
	return sqlite3_bind_double(stmt_of(s), i, v) == SQLITE_OK ? 0 : -1;
}

static int sqlite_bind_text(struct db_stmt *s, int i, const char *text)
{
	int rc = text ? sqlite3_bind_text(stmt_of(s), i, text, -1, SQLITE_TRANSIENT) :
		 sqlite3_bind_null(stmt_of(s), i);

	return rc == SQLITE_OK ? 0 : -1;
}

static int sqlite_bind_text_ref(struct db_stmt *s, int i, const char *text)
{
	int rc = text ? sqlite3_bind_text(stmt_of(s), i, text, -1, SQLITE_STATIC) :
		 sqlite3_bind_null(stmt_of(s), i);

	return rc == SQLITE_OK ? 0 : -1;
}

static int sqlite_bind_null(struct db_stmt *s, int i)
{
	return sqlite3_bind_null(stmt_of(s), i) == SQLITE_OK ? 0 : -1;
}

static int sqlite_step(struct db_stmt *s)
{
	struct sqlite_stmt *st = sqlite_stmt_of(s);

	if (st->returning_id && st->id_row) {
		st->id_row = 2;
		return DB_DONE;
	}
	switch (sqlite3_step(st->handle)) {
	case SQLITE_ROW:
		return DB_ROW;
	case SQLITE_DONE:
		if (!st->returning_id)
			return DB_DONE;
		st->id = sqlite3_last_insert_rowid(handle_of(s->db));
		snprintf(st->id_text, sizeof(st->id_text), "%lld", st->id);
		st->id_row = 1;
		return DB_ROW;
	default:
		return -1;
	}
}

static int sqlite_column_count(struct db_stmt *s)
{
	return sqlite_stmt_of(s)->returning_id ? 1 : sqlite3_column_count(stmt_of(s));
}

static int sqlite_column_is_null(struct db_stmt *s, int i)
{
	if (on_id_row(s))
		return i != 0;
	return sqlite3_column_type(stmt_of(s), i) == SQLITE_NULL;
}

static long long sqlite_column_int64(struct db_stmt *s, int i)
{
	if (on_id_row(s))
		return i ? 0 : sqlite_stmt_of(s)->id;
	return sqlite3_column_int64(stmt_of(s), i);
}

static double sqlite_column_double(struct db_stmt *s, int i)
{
	if (on_id_row(s))
		return i ? 0 : (double)sqlite_stmt_of(s)->id;
	return sqlite3_column_double(stmt_of(s), i);
}

static const char *sqlite_column_text(struct db_stmt *s, int i)
{
	if (on_id_row(s))
		return i ? NULL : sqlite_stmt_of(s)->id_text;
	return (const char *)sqlite3_column_text(stmt_of(s), i);
}

static int sqlite_exec(struct db *db, const char *sql)
{
	return sqlite3_exec(handle_of(db), sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Appends `name` quoted as an SQL identifier. */
static void add_identifier(struct buf *b, const char *name)
{
	buf_addch(b, '"');
	for (; *name; name++) {
		if (*name == '"')
			buf_addch(b, '"');
		buf_addch(b, *name);
	}
	buf_addch(b, '"');
}

/*
 * db_defer_indexes(): SQLite's catalog names them and keeps their SQL.
 *
 * The indexes are built at the end of the load, when the importer's
 * parser thread has finished and its core is idle: SQLite's sorter may
 * then sort on a helper thread (PRAGMA threads) while the writer merges.
 * Each of the two sorts in memory up to cache_size bytes, so the cache is
 * halved for the build and the peak stays what one sorter took: on 1M
 * VERIS records into a new store, the import took 10% less wall time
 * (15.95 s to 14.32 s, median of 5 pairs) at the same 77 MB peak. The
 * build's SQL sets both back after it.
 */
static int sqlite_defer_indexes(struct db *db, const char *table_prefix, struct buf *rebuild)
{
	static const char sql[] =
		"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
		" AND substr(tbl_name, 1, length(?1)) = ?1 AND sql NOT LIKE 'CREATE UNIQUE%'";
	sqlite3_stmt *s = NULL;
	struct buf drop = BUF_INIT, make = BUF_INIT;
	long long cache;
	int rc, ret = -1;

	if (sqlite3_prepare_v2(handle_of(db), sql, -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(s, 1, table_prefix, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		/* The name is the schema's own; quoted as an identifier all the same. */
		buf_adds(&drop, "DROP INDEX ");
		add_identifier(&drop, (const char *)sqlite3_column_text(s, 0));
		buf_adds(&drop, ";");
		buf_addf(&make, "%s;", (const char *)sqlite3_column_text(s, 1));
	}
	if (rc != SQLITE_DONE)
		goto out;
	if (!drop.len) {
		ret = 0;
		goto out;
	}
	sqlite3_finalize(s);
	s = NULL;
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2) {
		buf_add(rebuild, make.buf, make.len);
	} else {
		if (sqlite3_prepare_v2(handle_of(db), "PRAGMA cache_size", -1, &s, NULL) != SQLITE_OK ||
		    sqlite3_step(s) != SQLITE_ROW)
			goto out;
		cache = sqlite3_column_int64(s, 0);
		/* PRAGMA takes no bound parameters; the number is the connection's own. */
		buf_addf(rebuild, "PRAGMA threads = 1; PRAGMA cache_size = %lld;%s"
			 "PRAGMA threads = 0; PRAGMA cache_size = %lld;",
			 cache / 2, make.buf, cache);
	}
	ret = sqlite_exec(db, drop.buf);
out:
	sqlite3_finalize(s);
	buf_release(&drop);
	buf_release(&make);
	return ret;
}

static long long file_bytes(const char *path)
{
	struct stat sb;

	return path && *path && stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
}

/* db_size(): the main file and its write-ahead log, whose pages are the store's too. */
static long long sqlite_size(struct db *db)
{
	const char *name = sqlite3_db_filename(handle_of(db), "main");

	return name ? file_bytes(name) + file_bytes(sqlite3_filename_wal(name)) : 0;
}

static int sqlite_foreign_keys(struct db *db, int on)
{
	return sqlite_exec(db, on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
}

/* The write lock at once: two writers queue (busy timeout) rather than fail at commit. */
static int sqlite_begin(struct db *db)
{
	return sqlite_exec(db, "BEGIN IMMEDIATE");
}

static int sqlite_commit(struct db *db)
{
	return sqlite_exec(db, "COMMIT");
}

static void sqlite_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(handle_of(db)))
		sqlite3_exec(handle_of(db), "ROLLBACK", NULL, NULL, NULL);
}

static const char *sqlite_errmsg(struct db *db)
{
	return db_sqlite_errmsg(handle_of(db));
}

/*
 * A count of the changes seen: PRAGMA data_version changes when another
 * connection commits (it reads the file's state now, so a commit since the
 * last statement counts), sqlite3_total_changes64() with every row this
 * connection writes. Inside a transaction it cannot tell: a rollback
 * takes back changes without changing either.
 */
static int sqlite_data_version(struct db *db, unsigned long long *out)
{
	struct sqlite_db *sd = (struct sqlite_db *)db;
	long long pragma, changes = sqlite3_total_changes64(sd->handle);
	int rc;

	if (!sqlite3_get_autocommit(sd->handle))
		return -1;
	if (!sd->data_version &&
	    sqlite3_prepare_v2(sd->handle, "PRAGMA data_version", -1, &sd->data_version, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(sd->data_version);
	pragma = sqlite3_column_int64(sd->data_version, 0);
	sqlite3_reset(sd->data_version);
	if (rc != SQLITE_ROW)
		return -1;
	if (pragma != sd->seen_pragma || changes != sd->seen_changes)
		sd->version++;
	sd->seen_pragma = pragma;
	sd->seen_changes = changes;
	*out = sd->version;
	return 0;
}

const struct db_ops db_sqlite_ops = {
	.open = sqlite_open,
	.close = sqlite_close,
	.prepare = sqlite_prepare,
	.finalize = sqlite_finalize,
	.reset = sqlite_reset,
	.clear_bindings = sqlite_clear_bindings,
	.param = sqlite_param,
	.bind_int64 = sqlite_bind_int64,
	.bind_double = sqlite_bind_double,
	.bind_text = sqlite_bind_text,
	.bind_text_ref = sqlite_bind_text_ref,
	.bind_null = sqlite_bind_null,
	.step = sqlite_step,
	.column_count = sqlite_column_count,
	.column_is_null = sqlite_column_is_null,
	.column_int64 = sqlite_column_int64,
	.column_double = sqlite_column_double,
	.column_text = sqlite_column_text,
	.exec = sqlite_exec,
	.begin = sqlite_begin,
	.commit = sqlite_commit,
	.rollback = sqlite_rollback,
	.defer_indexes = sqlite_defer_indexes,
	.foreign_keys = sqlite_foreign_keys,
	.size = sqlite_size,
	.errmsg = sqlite_errmsg,
	.data_version = sqlite_data_version,
};
