/*
 * The CSV importer: one incident per row of an RFC 4180 file whose first
 * row names the columns. docs/csv-format.md describes the columns for
 * users; this comment says how the file is read.
 *
 * libcsv does the quoting. We feed it one line at a time (input_getline()
 * plus the "\n" that removed) so that we always know where we are: a record
 * begins on the first non-blank line read while no record is open, and as
 * only "\n" ends a row (see is_lf()), at most one record ends per line, at
 * its end. A record stays open across lines only inside a quoted value, whose
 * line ends therefore arrive as "\n" whatever the file used. libcsv skips
 * blank lines between records and removes the spaces around unquoted values.
 *
 * Every message about a record gives the line the record begins on.
 *
 * The columns and the syntax of their values are store/csvcol.c's; here
 * are the header, the unique ids and the messages.
 */
#include "parse.h"

#include <csv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "csvcol.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/banned.h"

/*
 * A record longer than this is an error that stops the import: it is almost
 * certainly a quote left open, which would otherwise swallow the rest of the
 * file into one value.
 */
#define CSV_MAX_RECORD ((size_t)1 << 20)

#define BOM "\xEF\xBB\xBF"

/* The ids seen so far in the file, with the line of their record. */
struct idset {
	struct idslot {
		char *id;	/* NULL for a free slot */
		long line;
	} *slot;
	size_t nr, size;	/* size is 0 or a power of two */
};

struct field {
	char *s;		/* NUL-terminated copy */
	size_t len;		/* less than strlen(s) when the value holds a NUL */
};

struct csvin {
	struct parse_ctx *ctx;
	struct csv_parser p;

	/* The record being read. */
	struct field *f;
	size_t nr, alloc;
	int open;		/* a record has begun and not yet ended */
	int ended;		/* libcsv ended a row during the last feed */
	long start;		/* the line the open record began on */
	size_t bytes;		/* bytes of the open record so far */

	/* The header, once read. */
	int have_header;
	size_t ncols;
	enum csvcol *col;	/* the column of each field, ncols of them */
	int col_of[CSVCOL_NR];	/* the field index of each column, -1 if absent */

	struct idset ids;
};

static long idset_add(struct idset *s, const char *id, long line);

/* Only "\n" ends a row: a lone "\r" inside a line is data, not a line end. */
static int is_lf(unsigned char c)
{
	return c == '\n';
}

static void parser_init(struct csv_parser *p)
{
	/*
	 * CSV_STRICT makes a quote inside an unquoted value, or text after a
	 * closing quote, an error rather than a guess. Memory comes from
	 * xrealloc(), which dies rather than fail, so CSV_ENOMEM cannot happen.
	 */
	if (csv_init(p, CSV_STRICT | CSV_APPEND_NULL))
		die("out of memory (csv parser)");
	csv_set_term_func(p, is_lf);
	csv_set_realloc_func(p, xrealloc);
	csv_set_blk_size(p, 4096);
}

static void on_field(void *s, size_t len, void *data)
{
	struct csvin *c = data;
	struct field *f;

	ALLOC_GROW(c->f, c->nr + 1, c->alloc);
	f = &c->f[c->nr++];
	f->s = s ? xstrndup(s, len) : xstrdup("");
	f->len = s ? len : 0;
}

static void on_row(int term, void *data)
{
	struct csvin *c = data;

	(void)term;
	c->ended = 1;
}

static void clear_fields(struct csvin *c)
{
	for (size_t i = 0; i < c->nr; i++)
		free(c->f[i].s);
	c->nr = 0;
}

/* The name of the column of field `i` of a record, NULL when there is none. */
static const char *field_name(const struct csvin *c, size_t i)
{
	return c->have_header && i < c->ncols ? csvcol_names[c->col[i]] : NULL;
}

static int header_error(struct csvin *c, const char *fmt, ...) ATTR_PRINTF(2, 3);
static int header_error(struct csvin *c, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	error_at(c->ctx->in->name, c->start, 0, "header: %s", msg.buf);
	buf_release(&msg);
	return -1;
}

static int is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/*
 * Reads the id, trimmed in place, into inc->key, as csvcol_set() reads the
 * other columns. It is read here because it must differ from the ids
 * before it in the file.
 */
static int set_id(struct csvin *c, struct incident *inc, char *v, struct buf *why)
{
	struct buf key = BUF_INIT;
	long first;

	trim(v);
	if (!*v) {
		buf_adds(why, "is empty; every record needs an id");
		return -1;
	}
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			return csvcol_bad(why, v, "contains a control character "
					  "(expected an id on one line)");
	first = idset_add(&c->ids, v, c->start);
	if (first)
		return csvcol_bad(why, v, "is already the id of the record on line %ld "
				  "(expected ids unique in the file)", first);
	buf_addf(&key, "csv:%s", v);
	inc->key = buf_detach(&key, NULL);
	return 0;
}

static int read_record(struct csvin *c)
{
	struct parse_ctx *ctx = c->ctx;
	struct incident inc;
	struct buf why = BUF_INIT;
	enum csvcol col = CSVCOL_ID;
	int ret = 0;

	incident_init(&inc);
	if (c->nr != c->ncols) {
		ret = parse_reject(ctx, c->start, NULL, "has %zu field%s, the header has %zu",
				   c->nr, c->nr == 1 ? "" : "s", c->ncols);
		goto out;
	}
	for (size_t i = 0; i < c->nr; i++) {
		buf_adds(&why, "value ");
		if (utf8_check_text(c->f[i].s, c->f[i].len, 1, &why) < 0) {
			col = c->col[i];
			goto reject;
		}
		buf_reset(&why);
	}
	for (int k = 0; k < CSVCOL_NR; k++) {
		char *v;

		col = (enum csvcol)k;
		if (c->col_of[col] < 0)
			continue;
		v = c->f[c->col_of[col]].s;
		if (col == CSVCOL_ID ? set_id(c, &inc, v, &why) < 0
				     : csvcol_set(&inc, col, v, &why) < 0)
			goto reject;
	}
	if (csvcol_finish(&inc, &col, &why) < 0)
		goto reject;
	ret = parse_emit(ctx, &inc, c->start);
	goto out;

reject:
	ret = parse_reject(ctx, c->start, csvcol_names[col], "%s", why.buf);
out:
	incident_release(&inc);
	buf_release(&why);
	return ret;
}

static int read_header(struct csvin *c)
{
	struct buf b = BUF_INIT;
	int ret = 0;

	c->ncols = c->nr;
	c->col = xcalloc(c->nr, sizeof(*c->col));
	for (size_t i = 0; i < c->nr; i++) {
		struct field *f = &c->f[i];
		int col;

		if (memchr(f->s, '\r', f->len)) {
			ret = header_error(c, "lines end in a carriage return alone "
					   "(expected LF or CRLF line ends)");
			goto out;
		}
		if (utf8_check_text(f->s, f->len, 0, &b) < 0) {
			ret = header_error(c, "column %zu: the name %s", i + 1, b.buf);
			goto out;
		}
		trim(f->s);
		if (!*f->s) {
			ret = header_error(c, "column %zu has no name", i + 1);
			goto out;
		}
		col = csvcol_by_name(f->s);
		if (col < 0) {
			buf_adds(&b, "unknown column '");
			csvcol_echo(&b, f->s);
			buf_adds(&b, "' (known columns: ");
			csvcol_add_words(&b, csvcol_names, CSVCOL_NR);
			buf_addch(&b, ')');
			ret = header_error(c, "%s", b.buf);
			goto out;
		}
		if (c->col_of[col] >= 0) {
			ret = header_error(c, "column '%s' appears twice (columns %d and %zu)",
					   csvcol_names[col], c->col_of[col] + 1, i + 1);
			goto out;
		}
		c->col_of[col] = (int)i;
		c->col[i] = (enum csvcol)col;
	}
	if (c->col_of[CSVCOL_ID] < 0 || c->col_of[CSVCOL_DATE] < 0) {
		ret = header_error(c, "required column '%s' is missing (every file needs "
				   "an 'id' and a 'date' column)",
				   csvcol_names[c->col_of[CSVCOL_ID] < 0 ? CSVCOL_ID
									 : CSVCOL_DATE]);
		goto out;
	}
	c->have_header = 1;
out:
	buf_release(&b);
	return ret;
}

/* libcsv stopped at a quote where none may be. The rest of the line is lost. */
static int quote_error(struct csvin *c, long line)
{
	struct buf where = BUF_INIT;
	int ret;

	if (line != c->start)
		buf_addf(&where, " on line %ld", line);
	if (!c->have_header) {
		ret = header_error(c, "column %zu: a double quote inside an unquoted name, "
				   "or text after a closing quote%s", c->nr + 1, where.buf);
	} else {
		ret = parse_reject(c->ctx, c->start, field_name(c, c->nr),
				   "a double quote inside an unquoted value, or text after "
				   "a closing quote%s (expected the whole value in double "
				   "quotes, with each quote inside it doubled)", where.buf);
	}
	buf_release(&where);
	csv_free(&c->p);
	parser_init(&c->p);
	clear_fields(c);
	c->open = 0;
	return ret;
}

/* Feeds one line (without its line end) to libcsv; handles a record it ends. */
static int feed(struct csvin *c, const char *s, size_t n, long line)
{
	int ret;

	if (!c->open) {
		c->start = line;
		c->bytes = 0;
	}
	c->bytes += n + 1;
	if (c->bytes > CSV_MAX_RECORD) {
		/* No way to tell where the next record starts: stop whatever skip_bad says. */
		if (!c->have_header)
			return header_error(c, "longer than %zu MiB (is a quote left open?)",
					    CSV_MAX_RECORD >> 20);
		parse_reject(c->ctx, c->start, NULL, "record is longer than %zu MiB "
			     "(is a quote left open?); stopping", CSV_MAX_RECORD >> 20);
		return -1;
	}
	c->ended = 0;
	if (csv_parse(&c->p, s, n, on_field, on_row, c) != n ||
	    csv_parse(&c->p, "\n", 1, on_field, on_row, c) != 1)
		return quote_error(c, line);
	if (!c->ended) {
		if (!is_blank(s, n))
			c->open = 1;
		return 0;
	}
	c->open = 0;
	ret = c->have_header ? read_record(c) : read_header(c);
	clear_fields(c);
	return ret;
}

int csvin_parse(struct parse_ctx *ctx)
{
	struct csvin c;
	struct buf line = BUF_INIT;
	int ret = 0, r;

	memset(&c, 0, sizeof(c));
	c.ctx = ctx;
	for (int k = 0; k < CSVCOL_NR; k++)
		c.col_of[k] = -1;
	parser_init(&c.p);

	while ((r = input_getline(ctx->in, &line)) > 0) {
		const char *s = line.buf;
		size_t n = line.len;

		if (ctx->in->line == 1 && n >= 3 && !memcmp(s, BOM, 3)) {
			s += 3;
			n -= 3;
		}
		if (feed(&c, s, n, ctx->in->line) < 0) {
			ret = -1;
			goto out;
		}
	}
	if (r < 0) {
		ret = -1;
		goto out;
	}
	if (c.open) {
		if (!c.have_header)
			ret = header_error(&c, "a quoted name is not closed before the end of the file");
		else if (parse_reject(ctx, c.start, field_name(&c, c.nr),
				      "a quoted value is not closed before the end of the file "
				      "(expected a closing double quote)") < 0)
			ret = -1;
	}
	/* A file without a header has no records: the import says so (store/import.c). */
out:
	csv_free(&c.p);
	clear_fields(&c);
	free(c.f);
	free(c.col);
	for (size_t i = 0; i < c.ids.size; i++)
		free(c.ids.slot[i].id);
	free(c.ids.slot);
	buf_release(&line);
	return ret;
}

static void idset_grow(struct idset *s)
{
	struct idslot *old = s->slot;
	size_t old_size = s->size;

	s->size = old_size ? 2 * old_size : 64;
	s->slot = xcalloc(s->size, sizeof(*s->slot));
	for (size_t i = 0; i < old_size; i++) {
		size_t j;

		if (!old[i].id)
			continue;
		j = fnv64(FNV64_INIT, old[i].id, strlen(old[i].id)) & (s->size - 1);
		while (s->slot[j].id)
			j = (j + 1) & (s->size - 1);
		s->slot[j] = old[i];
	}
	free(old);
}

/*
 * Returns the line of the earlier record with `id`, or 0 after adding it.
 * Open addressing, at most half full: files of many thousand rows stay fast.
 */
static long idset_add(struct idset *s, const char *id, long line)
{
	size_t i, mask;

	if (2 * (s->nr + 1) > s->size)
		idset_grow(s);
	mask = s->size - 1;
	for (i = fnv64(FNV64_INIT, id, strlen(id)) & mask; s->slot[i].id; i = (i + 1) & mask)
		if (!strcmp(s->slot[i].id, id))
			return s->slot[i].line;
	s->slot[i].id = xstrdup(id);
	s->slot[i].line = line;
	s->nr++;
	return 0;
}

struct look {
	int id, date;
};

static void look_field(void *s, size_t len, void *data)
{
	struct look *l = data;
	const char *p = s ? s : "";

	while (len && (*p == ' ' || *p == '\t'))
		p++, len--;
	while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	if (len == 2 && !ascii_ncasecmp(p, "id", 2))
		l->id = 1;
	if (len == 4 && !ascii_ncasecmp(p, "date", 4))
		l->date = 1;
}

static void look_row(int term, void *data)
{
	(void)term;
	(void)data;
}

int csv_looks_like(const char *data, size_t len)
{
	struct csv_parser cp;
	struct look l = { 0, 0 };
	size_t i = 0, n;
	const char *nl;
	int ok;

	if (len >= 3 && !memcmp(data, BOM, 3))
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	data += i;
	len -= i;
	nl = memchr(data, '\n', len);
	n = nl ? (size_t)(nl - data) : len;
	if (n && data[n - 1] == '\r')
		n--;
	parser_init(&cp);
	ok = csv_parse(&cp, data, n, look_field, look_row, &l) == n &&
	     csv_fini(&cp, look_field, look_row, &l) == 0;
	csv_free(&cp);
	return ok && l.id && l.date;
}
