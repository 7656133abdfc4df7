#ifndef STORE_DB_IMPL_H
#define STORE_DB_IMPL_H

/*
 * For store/db*.c only: how a backend plugs into store/db.h. store/db.c
 * holds what is common (choosing the backend for a target, the display
 * form of a target, the error text) and calls the backend through its
 * table of operations. A backend's struct embeds `struct db` (and
 * `struct db_stmt`) as its first member and casts back.
 */

#include "db.h"

struct db_ops {
	/* Opens `target` (db_open()'s contract) and returns the backend's db, or NULL. */
	struct db *(*open)(const char *target, const char *display, enum store_mode mode);
	void (*close)(struct db *db);
	int (*prepare)(struct db *db, const char *sql, struct db_stmt **out);
	void (*finalize)(struct db_stmt *s);
	void (*reset)(struct db_stmt *s);
	void (*clear_bindings)(struct db_stmt *s);
	int (*param)(struct db_stmt *s, const char *name);
	int (*bind_int64)(struct db_stmt *s, int i, long long v);
	int (*bind_double)(struct db_stmt *s, int i, double v);
	int (*bind_text)(struct db_stmt *s, int i, const char *text);
	/* May be NULL: bind_text does. */
	int (*bind_text_ref)(struct db_stmt *s, int i, const char *text);
	int (*bind_null)(struct db_stmt *s, int i);
	int (*step)(struct db_stmt *s);
	int (*column_count)(struct db_stmt *s);
	int (*column_is_null)(struct db_stmt *s, int i);
	long long (*column_int64)(struct db_stmt *s, int i);
	double (*column_double)(struct db_stmt *s, int i);
	const char *(*column_text)(struct db_stmt *s, int i);
	int (*exec)(struct db *db, const char *sql);
	int (*begin)(struct db *db);
	int (*commit)(struct db *db);
	void (*rollback)(struct db *db);
	/* db.h's contracts of the same names; defer_indexes may be NULL (a no-op). */
	int (*defer_indexes)(struct db *db, const char *table_prefix, struct buf *rebuild);
	/* May be NULL: the backend always checks them. */
	int (*foreign_keys)(struct db *db, int on);
	long long (*size)(struct db *db);
	/* The backend's own text for the last failure; may be refreshed by the call. */
	const char *(*errmsg)(struct db *db);
	/* db_data_version()'s `data`: 0 and *out, or -1 when it cannot tell. */
	int (*data_version)(struct db *db, unsigned long long *out);
};

struct db {
	const struct db_ops *ops;
	enum db_backend backend;
	char *display;		/* owned: db_target_display() of the target */
	unsigned long long serial;	/* unique in the process: db_version.connection */
};

struct db_stmt {
	struct db *db;
};

extern const struct db_ops db_sqlite_ops;	/* store/db_sqlite.c */
extern const struct db_ops db_pg_ops;		/* store/db_pg.c */

#endif
