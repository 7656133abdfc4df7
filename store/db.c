/* What both backends share: the target, its display form, the calls (see db.h). */
#include "db_impl.h"

#include <ctype.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/util.h"
#include "../util/banned.h"

/*
 * Length of the URI scheme postgresql:// or postgres:// that `s` starts
 * with, or 0. Spelt in lower case, as libpq takes it.
 */
static size_t uri_scheme(const char *s)
{
	static const char *const schemes[] = { "postgresql://", "postgres://" };

	for (size_t i = 0; i < ARRAY_SIZE(schemes); i++)
		if (!strncmp(s, schemes[i], strlen(schemes[i])))
			return strlen(schemes[i]);
	return 0;
}

/*
 * One keyword = value pair of a libpq keyword string, as libpq reads it:
 * the value is bare up to white space, or single-quoted with \ escaping
 * the next character. `*pos` moves past the pair and the space after it.
 */
struct kv_pair {
	size_t start, end;		/* the pair in the string */
	size_t key, key_len;
};

static int next_pair(const char *s, size_t *pos, struct kv_pair *kv)
{
	size_t i = *pos;

	while (isspace((unsigned char)s[i]))
		i++;
	if (!s[i])
		return 0;
	kv->start = kv->key = i;
	while (s[i] && s[i] != '=' && !isspace((unsigned char)s[i]))
		i++;
	kv->key_len = i - kv->key;
	while (isspace((unsigned char)s[i]))
		i++;
	if (s[i] != '=' || !kv->key_len)
		return -1;
	i++;
	while (isspace((unsigned char)s[i]))
		i++;
	if (s[i] == '\'') {
		for (i++; s[i] && s[i] != '\''; i++)
			if (s[i] == '\\' && s[i + 1])
				i++;
		if (s[i] != '\'')
			return -1;
		i++;
	} else {
		while (s[i] && !isspace((unsigned char)s[i]))
			i++;
	}
	kv->end = i;
	*pos = i;
	return 1;
}

static int key_is(const char *s, const struct kv_pair *kv, const char *key)
{
	return kv->key_len == strlen(key) && !strncmp(s + kv->key, key, kv->key_len);
}

/* A keyword that holds a secret: never shown. */
static int key_is_secret(const char *key, size_t len)
{
	return (len == 8 && !strncmp(key, "password", len)) ||
	       (len == 11 && !strncmp(key, "sslpassword", len));
}

int db_target_is_postgres(const char *target)
{
	struct kv_pair kv;
	size_t pos = 0;
	int rc, names_db = 0;

	if (uri_scheme(target))
		return 1;
	while ((rc = next_pair(target, &pos, &kv)) > 0)
		names_db |= key_is(target, &kv, "service") || key_is(target, &kv, "host") ||
			    key_is(target, &kv, "dbname");
	return rc == 0 && names_db;
}

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Whether the URI query parameter name s[0..len) decodes to a secret's keyword. */
static int uri_key_is_secret(const char *s, size_t len)
{
	char key[32];
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		int c = (unsigned char)s[i];

		if (c == '%' && i + 2 < len && hex_value(s[i + 1]) >= 0 &&
		    hex_value(s[i + 2]) >= 0) {
			c = hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]);
			i += 2;
		}
		if (n == sizeof(key))
			return 0;
		key[n++] = (char)c;
	}
	return key_is_secret(key, n);
}

/*
 * postgresql://user:secret@host/db?password=x&sslmode=y: the password of
 * the user information (before the first @ that comes before a /, as
 * libpq reads it) and any password parameter are left out.
 */
static void display_uri(struct buf *out, const char *s)
{
	size_t scheme = uri_scheme(s);
	const char *at = memchr(s + scheme, '@', strcspn(s + scheme, "/"));
	const char *rest = s, *query;
	int first = 1;

	if (at) {
		buf_add(out, s, scheme + strcspn(s + scheme, ":@"));
		buf_adds(out, "@");
		rest = at + 1;
	}
	query = strchr(rest, '?');
	if (!query) {
		buf_adds(out, rest);
		return;
	}
	buf_add(out, rest, (size_t)(query - rest));
	for (const char *p = query + 1; *p;) {
		size_t len = strcspn(p, "&");

		if (len && !uri_key_is_secret(p, strcspn(p, "=&"))) {
			buf_adds(out, first ? "?" : "&");
			buf_add(out, p, len);
			first = 0;
		}
		p += len;
		if (*p == '&')
			p++;
	}
}

/* host=h password='x y' dbname=d: every pair but a secret, as written. */
static void display_keywords(struct buf *out, const char *s)
{
	struct kv_pair kv;
	size_t pos = 0;

	while (next_pair(s, &pos, &kv) > 0) {
		if (key_is_secret(s + kv.key, kv.key_len))
			continue;
		if (out->len)
			buf_adds(out, " ");
		buf_add(out, s + kv.start, kv.end - kv.start);
	}
}

char *db_target_display(const char *target)
{
	struct buf out = BUF_INIT;

	if (uri_scheme(target))
		display_uri(&out, target);
	else if (db_target_is_postgres(target))
		display_keywords(&out, target);
	else
		buf_adds(&out, target);
	return buf_detach(&out, NULL);
}

/* Numbers the connections of the process (struct db_version). */
static _Atomic unsigned long long serials;

int db_open(struct db **out, const char *target, enum store_mode mode)
{
	char *display = db_target_display(target);
	const struct db_ops *ops = db_target_is_postgres(target) ? &db_pg_ops : &db_sqlite_ops;
	struct db *db;

	*out = NULL;
	db = ops->open(target, display, mode);
	if (!db) {
		free(display);
		return -1;
	}
	db->ops = ops;
	db->display = display;
	db->serial = atomic_fetch_add(&serials, 1) + 1;
	*out = db;
	return 0;
}

int db_data_version(struct db *db, struct db_version *out)
{
	out->connection = db->serial;
	return db->ops->data_version(db, &out->data);
}

void db_close(struct db *db)
{
	char *display;

	if (!db)
		return;
	display = db->display;
	db->ops->close(db);
	free(display);
}

const char *db_errmsg(struct db *db)
{
	const char *msg = db->ops->errmsg(db);

	return msg && *msg ? msg : "unknown database error";
}

enum db_backend db_backend(const struct db *db)
{
	return db->backend;
}

const char *db_display(const struct db *db)
{
	return db->display;
}

int db_prepare(struct db *db, const char *sql, struct db_stmt **out)
{
	*out = NULL;
	return db->ops->prepare(db, sql, out);
}

void db_finalize(struct db_stmt *s)
{
	if (s)
		s->db->ops->finalize(s);
}

void db_reset(struct db_stmt *s)
{
	s->db->ops->reset(s);
}

void db_clear_bindings(struct db_stmt *s)
{
	s->db->ops->clear_bindings(s);
}

int db_param(struct db_stmt *s, const char *name)
{
	return s->db->ops->param(s, name);
}

int db_bind_int64(struct db_stmt *s, int i, long long v)
{
	return s->db->ops->bind_int64(s, i, v);
}

int db_bind_double(struct db_stmt *s, int i, double v)
{
	return s->db->ops->bind_double(s, i, v);
}

int db_bind_text(struct db_stmt *s, int i, const char *text)
{
	return s->db->ops->bind_text(s, i, text);
}

int db_bind_text_ref(struct db_stmt *s, int i, const char *text)
{
	return s->db->ops->bind_text_ref ? s->db->ops->bind_text_ref(s, i, text) :
	       s->db->ops->bind_text(s, i, text);
}

int db_bind_null(struct db_stmt *s, int i)
{
	return s->db->ops->bind_null(s, i);
}

int db_step(struct db_stmt *s)
{
	return s->db->ops->step(s);
}

int db_column_count(struct db_stmt *s)
{
	return s->db->ops->column_count(s);
}

int db_column_is_null(struct db_stmt *s, int i)
{
	return s->db->ops->column_is_null(s, i);
}

long long db_column_int64(struct db_stmt *s, int i)
{
	return s->db->ops->column_int64(s, i);
}

double db_column_double(struct db_stmt *s, int i)
{
	return s->db->ops->column_double(s, i);
}

const char *db_column_text(struct db_stmt *s, int i)
{
	return s->db->ops->column_text(s, i);
}

int db_exec(struct db *db, const char *sql)
{
	return db->ops->exec(db, sql);
}

int db_defer_indexes(struct db *db, const char *table_prefix, struct buf *rebuild)
{
	return db->ops->defer_indexes ? db->ops->defer_indexes(db, table_prefix, rebuild) : 0;
}

int db_foreign_keys(struct db *db, int on)
{
	return db->ops->foreign_keys ? db->ops->foreign_keys(db, on) : 0;
}

long long db_size(struct db *db)
{
	return db->ops->size(db);
}

int db_begin(struct db *db)
{
	return db->ops->begin(db);
}

int db_commit(struct db *db)
{
	return db->ops->commit(db);
}

void db_rollback(struct db *db)
{
	db->ops->rollback(db);
}
