#include "briefing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "../util/banned.h"

void store_briefing_init(struct store_briefing *b)
{
	memset(b, 0, sizeof(*b));
}

void store_briefing_release(struct store_briefing *b)
{
	char **s[] = { &b->template, &b->template_digest, &b->period_kind, &b->period_from, &b->period_to,
		       &b->period_label, &b->filters, &b->lang, &b->tlp, &b->issued_at, &b->path };

	for (size_t i = 0; i < ARRAY_SIZE(s); i++)
		free(*s[i]);
	for (size_t i = 0; i < b->figures_nr; i++) {
		free(b->figures[i].name);
		free(b->figures[i].label);
	}
	free(b->figures);
	store_briefing_init(b);
}

void store_briefing_figure(struct store_briefing *b, const char *name, const char *label,
			   double value, int null)
{
	struct store_figure *f;

	ALLOC_GROW(b->figures, b->figures_nr + 1, b->figures_alloc);
	f = &b->figures[b->figures_nr++];
	f->name = xstrdup(name);
	f->label = xstrdup(label ? label : "");
	f->value = value;
	f->null = null;
}

static const char insert_sql[] =
	"INSERT INTO briefing (template, template_digest, period_kind, period_from, period_to,"
	"  period_label, filters, lang, tlp, issued_at, path, sha256, bytes, incidents,"
	"  incidents_digest, last_incident, id)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
	" RETURNING id";
static const char figure_sql[] =
	"INSERT INTO briefing_figure (briefing_id, pos, name, label, value) VALUES (?1, ?2, ?3, ?4, ?5)";

static int insert_figures(struct store *st, const struct store_briefing *b)
{
	struct db_stmt *s = NULL;
	int ret = -1;

	if (db_prepare(store_db(st), figure_sql, &s) < 0) {
		store_db_error(st, "cannot record the briefing's figures");
		goto out;
	}
	for (size_t i = 0; i < b->figures_nr; i++) {
		db_reset(s);
		db_bind_int64(s, 1, b->id);
		db_bind_int64(s, 2, (long long)i);
		db_bind_text(s, 3, b->figures[i].name);
		db_bind_text(s, 4, b->figures[i].label);
		if (b->figures[i].null)
			db_bind_null(s, 5);
		else
			db_bind_double(s, 5, b->figures[i].value);
		if (db_step(s) != DB_DONE) {
			store_db_error(st, "cannot record the briefing's figures");
			goto out;
		}
	}
	ret = 0;
out:
	db_finalize(s);
	return ret;
}

int store_briefing_put(struct store *st, struct store_briefing *b)
{
	const char *text[] = { b->template, b->template_digest, b->period_kind, b->period_from,
			       b->period_to,
			       b->period_label, b->filters, b->lang, b->tlp, b->issued_at, b->path,
			       b->sha256 };
	struct db_stmt *s = NULL;
	int ret = -1;

	if (db_prepare(store_db(st), insert_sql, &s) < 0) {
		store_db_error(st, "cannot record the briefing");
		goto out;
	}
	for (size_t i = 0; i < ARRAY_SIZE(text); i++)
		db_bind_text(s, (int)i + 1, text[i] ? text[i] : "");
	db_bind_int64(s, 13, b->bytes);
	db_bind_int64(s, 14, b->incidents);
	db_bind_text(s, 15, b->incidents_digest);
	db_bind_int64(s, 16, b->last_incident);
	if (b->id > 0)
		db_bind_int64(s, 17, b->id);
	else
		db_bind_null(s, 17);
	if (db_step(s) != DB_ROW) {
		store_db_error(st, "cannot record the briefing");
		goto out;
	}
	b->id = db_column_int64(s, 0);
	if (db_step(s) != DB_DONE) {
		store_db_error(st, "cannot record the briefing");
		goto out;
	}
	if (insert_figures(st, b) < 0)
		goto out;
	ret = 0;
out:
	db_finalize(s);
	return ret;
}

int store_briefing_record(struct store *st, struct store_briefing *b)
{
	if (store_begin(st) < 0)
		return -1;
	b->id = 0;
	if (store_briefing_put(st, b) < 0 || store_commit(st) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

#define SELECT_BRIEFING \
	"SELECT id, template, template_digest, period_kind, period_from, period_to, period_label," \
	" filters, lang, tlp, issued_at, path, sha256, bytes, incidents, incidents_digest," \
	" last_incident FROM briefing"

static char *column_dup(struct db_stmt *s, int col)
{
	const char *t = db_column_text(s, col);

	return xstrdup(t ? t : "");
}

static void read_row(struct db_stmt *s, struct store_briefing *b)
{
	char **text[] = { &b->template, &b->template_digest, &b->period_kind, &b->period_from,
			  &b->period_to,
			  &b->period_label, &b->filters, &b->lang, &b->tlp, &b->issued_at, &b->path };
	char *sha, *digest;

	store_briefing_init(b);
	b->id = db_column_int64(s, 0);
	for (size_t i = 0; i < ARRAY_SIZE(text); i++)
		*text[i] = column_dup(s, (int)i + 1);
	sha = column_dup(s, 12);
	snprintf(b->sha256, sizeof(b->sha256), "%s", sha);
	free(sha);
	b->bytes = db_column_int64(s, 13);
	b->incidents = db_column_int64(s, 14);
	b->last_incident = db_column_int64(s, 16);
	digest = column_dup(s, 15);
	snprintf(b->incidents_digest, sizeof(b->incidents_digest), "%s", digest);
	free(digest);
}

static int read_figures(struct store *st, struct store_briefing *b)
{
	static const char sql[] =
		"SELECT name, label, value FROM briefing_figure WHERE briefing_id = ? ORDER BY pos";
	struct db_stmt *s = NULL;
	int rc, ret = -1;

	if (db_prepare(store_db(st), sql, &s) < 0) {
		store_db_error(st, "cannot read a briefing's figures");
		goto out;
	}
	db_bind_int64(s, 1, b->id);
	while ((rc = db_step(s)) == DB_ROW)
		store_briefing_figure(b, db_column_text(s, 0),
				      db_column_text(s, 1),
				      db_column_double(s, 2),
				      db_column_is_null(s, 2));
	if (rc != DB_DONE) {
		store_db_error(st, "cannot read a briefing's figures");
		goto out;
	}
	ret = 0;
out:
	db_finalize(s);
	return ret;
}

/* Runs `sql` with text parameters `args` and reads up to `max` (0: all) rows. */
static int select_briefings(struct store *st, const char *sql, const char *const *args,
			    size_t nargs, long long id, struct store_briefing **out, size_t *n)
{
	struct db_stmt *s = NULL;
	size_t alloc = 0;
	int rc, ret = -1;

	*out = NULL;
	*n = 0;
	if (db_prepare(store_db(st), sql, &s) < 0) {
		store_db_error(st, "cannot read the briefings");
		goto out;
	}
	for (size_t i = 0; i < nargs; i++)
		db_bind_text(s, (int)i + 1, args[i]);
	if (id)
		db_bind_int64(s, 1, id);
	while ((rc = db_step(s)) == DB_ROW) {
		ALLOC_GROW(*out, *n + 1, alloc);
		read_row(s, &(*out)[(*n)++]);
	}
	if (rc != DB_DONE) {
		store_db_error(st, "cannot read the briefings");
		goto out;
	}
	for (size_t i = 0; i < *n; i++)
		if (read_figures(st, &(*out)[i]) < 0)
			goto out;
	ret = 0;
out:
	db_finalize(s);
	if (ret < 0) {
		for (size_t i = 0; i < *n; i++)
			store_briefing_release(&(*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return ret;
}

int store_briefing_list(struct store *st, struct store_briefing **out, size_t *n)
{
	return select_briefings(st, SELECT_BRIEFING " ORDER BY issued_at DESC, id DESC", NULL, 0, 0,
				out, n);
}

/* Moves the first of `v` to `out` and frees the rest: 1, or 0 when `v` is empty. */
static int take_first(struct store_briefing *v, size_t n, struct store_briefing *out)
{
	if (n)
		*out = v[0];
	for (size_t i = 1; i < n; i++)
		store_briefing_release(&v[i]);
	free(v);
	return n > 0;
}

int store_briefing_get(struct store *st, long long id, struct store_briefing *out)
{
	struct store_briefing *v;
	size_t n;

	if (select_briefings(st, SELECT_BRIEFING " WHERE id = ?1", NULL, 0, id, &v, &n) < 0)
		return -1;
	return take_first(v, n, out);
}

int store_briefing_last(struct store *st, const char *template, const char *filters,
			const char *before, struct store_briefing *out)
{
	const char *args[] = { template, filters, before };
	struct store_briefing *v;
	size_t n;

	if (select_briefings(st, SELECT_BRIEFING " WHERE template = ?1 AND filters = ?2"
			     " AND issued_at <= ?3 ORDER BY issued_at DESC, id DESC LIMIT 1",
			     args, 3, 0, &v, &n) < 0)
		return -1;
	return take_first(v, n, out);
}
