/*
 * VERIS JSON files into records: finds each record's text and has it read
 * into a JSON tree (store/jdom.h); store/veris_map.h maps the tree onto
 * struct incident.
 *
 * Input: one object per file (pretty-printed or not), concatenated objects,
 * JSON Lines, or a top-level list of objects; plain or gzip. The file is
 * streamed: a record's text is held only until it is mapped.
 *
 * Reading. A small scanner, tracking only strings and {} [] depth, finds
 * where a value that opens with '{' (or '[') closes, on its first line or
 * after collecting the lines it spans; a top-level '[' is a wrapper whose
 * elements are the records. The value's text then goes to jdom_parse(),
 * and when it refuses it, to jansson's json_loadb(), which is the judge of
 * every value and the author of every syntax message (jdom.h says why the
 * two agree). A value that opens with anything else is read by jansson
 * itself from the rest of the line (JSON_DISABLE_EOF_CHECK) and rejected
 * as not an object. Duplicate keys are an error (JSON_REJECT_DUPLICATES):
 * VCDB has none, and it is better to say so than to map one of the two
 * silently.
 *
 * Messages give the file line. jansson keeps no positions in the values it
 * builds, so a field the mapping rejects is found again in the record's
 * text for its line (find_value()). Columns of JSON errors count bytes
 * and point at the last byte jansson read: the end of the token it
 * stopped at.
 *
 * Nesting is limited by jansson (2048 levels); the scanner only counts.
 *
 * Recovery, with skip-bad: a syntax error inside a value whose brackets
 * balance skips that value. A string cannot hold a line break, so a line
 * that ends inside a string ends the record there. A line that begins with
 * '{', no deeper than the open value began, and that cannot continue it (a
 * JSON Lines record cut short) ends it and starts a new record. After any
 * other syntax error reading resumes at the next line that begins with
 * '{' no deeper than the broken value began: the next JSON Lines record,
 * object or list element, not an object nested in the broken one.
 *
 * Speed (callgrind, `ibrief import` of VCDB, 8,589 records, 16 MB, into a
 * fresh store): jansson building a tree of values per record took 2,680 M
 * of the import's 4,853 M instructions; yajl with jdom takes 710 M. The
 * hand-written reader before jansson did about as well; the fast path is a
 * maintained library, and jansson still judges what it refuses.
 *
 * Memory: jansson allocates every value, key and hash table of a record
 * on its own, and frees each again, one malloc() and free() per piece. For
 * the length of veris_parse() its allocator is a bump arena (below) that
 * is emptied when a record's values are all freed, so that a record costs
 * a few large blocks; the setting is global to the process, and restored
 * on return. NEEDSWORK: nothing else may use jansson meanwhile (no other
 * thread, no jansson value that outlives the record); is a lock worth it?
 */
#include "parse.h"

#include <jansson.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "veris_map.h"
#include "../util/buf.h"
#include "../util/util.h"
#include "../util/banned.h"

/*
 * The arena: blocks newest first, each twice the last from ARENA_FIRST up
 * to ARENA_BLOCK bytes (or what one allocation needs); freeing is a no-op
 * until arena_reset() empties all but the newest block, which the next
 * record reuses. A record of n bytes needs a few times n: a file of small
 * records (or a fuzzing input) never pays for a large block.
 */
#define ARENA_FIRST (4 * 1024)
#define ARENA_BLOCK (256 * 1024)

struct arena_block {
	struct arena_block *next;
	size_t cap, used;
	max_align_t data[];
};

static struct arena_block *arena;

static void *arena_malloc(size_t n)
{
	struct arena_block *b = arena;
	void *p;

	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!b || b->cap - b->used < n) {
		size_t cap = !b ? ARENA_FIRST : b->cap < ARENA_BLOCK / 2 ? 2 * b->cap : ARENA_BLOCK;

		if (cap < n)
			cap = n;

		/* jansson reports a NULL as a failure of its own. */
		if (!(b = malloc(sizeof(*b) + cap)))
			return NULL;
		b->next = arena;
		b->cap = cap;
		b->used = 0;
		arena = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

static void arena_free(void *p)
{
	(void)p;
}

/* Call only when no jansson value made since the last reset is alive. */
static void arena_reset(void)
{
	struct arena_block *b, *next;

	if (!arena)
		return;
	for (b = arena->next; b; b = next) {
		next = b->next;
		free(b);
	}
	arena->next = NULL;
	arena->used = 0;
}

static void arena_release(void)
{
	arena_reset();
	free(arena);
	arena = NULL;
}

/* The reader's state across lines. */
struct veris {
	struct parse_ctx *ctx;
	struct veris_err err;		/* why veris_map() rejected a record */
	struct buf line;		/* the current input line */
	struct buf text;		/* a value collected over several lines */
	struct jdom_doc dom;		/* the record being mapped */

	long first_line;		/* where the value being read starts */
	size_t first_col;		/* its byte column on that line, from 1 */
	int collecting;			/* the value goes on past its first line */
	int depth;			/* its {} [] depth after the lines so far */
	int in_list;			/* inside a top-level [ ... ] */
	long list_line;
	int resync;			/* skipping lines after a syntax error, */
	size_t resync_col;		/* to a '{' at most this deep */
};

static size_t skip_ws(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/*
 * Past the closing quote of the string whose text starts at s[i], just
 * after its opening quote; 0 when s[0..len) ends first. Most bytes are in
 * strings, so memchr() goes from quote to quote; a quote after an odd run
 * of backslashes is escaped.
 */
static size_t string_end(const char *s, size_t len, size_t i)
{
	size_t start = i, bs;
	const char *q;

	do {
		if (!(q = memchr(s + i, '"', len - i)))
			return 0;
		i = (size_t)(q - s);
		for (bs = 0; i - bs > start && s[i - bs - 1] == '\\'; bs++)
			;
		i++;
	} while (bs & 1);
	return i;
}

/*
 * The scanner: goes on through s[0..len), part of a value whose brackets
 * are *depth deep (0 before its opening bracket). Returns the offset just
 * past the bracket that closes the value, or -1 when the text ends first;
 * then *in_str says whether it ended inside a string. No state but the
 * depth outlives a line: a line that ends in a string is an error there.
 */
static long scan(const char *s, size_t len, int *depth, int *in_str)
{
	size_t i = 0;

	*in_str = 0;
	while (i < len) {
		char c = s[i++];

		if (c == '"') {
			if (!(i = string_end(s, len, i))) {
				*in_str = 1;
				return -1;
			}
		} else if (c == '{' || c == '[') {
			++*depth;
		} else if ((c == '}' || c == ']') && --*depth == 0) {
			return (long)i;
		}
	}
	return -1;
}

/* Past the value at s[i], in text jansson has accepted. */
static size_t skip_value(const char *s, size_t len, size_t i)
{
	int depth = 0, in_str;
	long q;

	if (i >= len)
		return len;
	if (s[i] == '"') {
		size_t end = string_end(s, len, i + 1);

		return end ? end : len;
	}
	if (s[i] == '{' || s[i] == '[') {
		q = scan(s + i, len - i, &depth, &in_str);
		return q < 0 ? len : i + (size_t)q;
	}
	while (i < len && !strchr(",]} \t\r\n", s[i]))
		i++;
	return i;
}

/* Whether the JSON string s[0..n) (with its quotes) is `key` (klen bytes). */
static int key_is(const char *s, size_t n, const char *key, size_t klen)
{
	json_t *k;
	int eq;

	if (!memchr(s, '\\', n))
		return n == klen + 2 && !memcmp(s + 1, key, klen);
	k = json_loadb(s, n, JSON_DECODE_ANY, NULL);
	eq = json_is_string(k) && json_string_length(k) == klen &&
	     !memcmp(json_string_value(k), key, klen);
	json_decref(k);
	return eq;
}

/*
 * The offset in the record's text s[0..len) of the value at `path` (keys
 * joined by '.'), or of its element number `at` (from 1) when `at` > 0;
 * 0, the record's start, if it is not there. The text is one value that
 * jansson accepted without duplicate keys, so the walk checks no syntax.
 */
static size_t find_value(const char *s, size_t len, const char *path, long at)
{
	size_t i = skip_ws(s, len, 0);

	while (*path) {
		size_t klen = strcspn(path, ".");

		if (i >= len || s[i] != '{')
			return 0;
		for (i = skip_ws(s, len, i + 1);; i = skip_ws(s, len, i + 1)) {
			size_t k = i;
			int found;

			if (i >= len || s[i] != '"')
				return 0;
			i = skip_value(s, len, i);
			found = key_is(s + k, i - k, path, klen);
			i = skip_ws(s, len, skip_ws(s, len, i) + 1);	/* past the ':' */
			if (found)
				break;
			i = skip_ws(s, len, skip_value(s, len, i));
			if (i >= len || s[i] != ',')
				return 0;
		}
		path += klen + (path[klen] == '.');
	}
	if (at <= 0)
		return i;
	if (i >= len || s[i] != '[')
		return 0;
	i = skip_ws(s, len, i + 1);
	for (long n = 1; n < at; n++) {
		i = skip_ws(s, len, skip_value(s, len, i));
		if (i >= len || s[i] != ',')
			return 0;
		i = skip_ws(s, len, i + 1);
	}
	return i;
}

/* The file line of byte `pos` of the value s[] being read. */
static long line_at(const struct veris *v, const char *s, size_t pos)
{
	long line = v->first_line;

	for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + pos - p))); p++)
		line++;
	return line;
}

/* Reports the error jansson found in s[0..len), the value being read. */
static int reject_syntax(struct veris *v, const char *s, size_t len, const json_error_t *jerr)
{
	size_t pos = jerr->position < 0 ? 0 : (size_t)jerr->position, bol;
	long line = v->first_line + (jerr->line > 1 ? jerr->line - 1 : 0);

	if (pos > len)
		pos = len;
	for (bol = pos; bol && s[bol - 1] != '\n'; bol--)
		;
	return parse_reject_at(v->ctx, line, (long)(pos - bol + (bol ? 0 : v->first_col - 1)), NULL,
			       "invalid JSON: %s", jerr->text);
}

/*
 * Parses s[0..len) as one value and maps it. With JSON_DISABLE_EOF_CHECK
 * in `flags` the value is the one at the start of s, and *end is set past
 * it; *end is 0 when s holds no JSON value there. Returns 0 to go on, -1
 * to stop.
 */
static int map_value(struct veris *v, const struct jdom *rec, const char *s, size_t len);

static int read_value(struct veris *v, const char *s, size_t len, size_t flags, size_t *end)
{
	const struct jdom *rec = flags ? NULL : jdom_parse(&v->dom, s, len);

	if (!rec) {
		/* What the fast reader refuses, jansson reads or reports. */
		json_error_t jerr;
		json_t *j = json_loadb(s, len, JSON_REJECT_DUPLICATES | flags, &jerr);

		if (end)
			*end = j ? (size_t)jerr.position : 0;
		if (!j) {
			arena_reset();
			return reject_syntax(v, s, len, &jerr);
		}
		rec = jdom_from_json(&v->dom, j);
		json_decref(j);
		arena_reset();
	}
	return map_value(v, rec, s, len);
}

/* Maps the tree `rec` of the value s[0..len) and hands it on. 0 to go on, -1 to stop. */
static int map_value(struct veris *v, const struct jdom *rec, const char *s, size_t len)
{
	struct incident inc;
	int ret;

	incident_init(&inc);
	if (veris_map(rec, &inc, &v->err) < 0) {
		long line = v->first_line;

		if (v->err.at != VERIS_AT_RECORD && memchr(s, '\n', len))
			line = line_at(v, s, find_value(s, len, v->err.field.buf, v->err.at));
		incident_release(&inc);
		ret = parse_reject(v->ctx, line, *v->err.field.buf ? v->err.field.buf : NULL, "%s",
				   v->err.msg.buf);
	} else {
		ret = parse_emit(v->ctx, &inc, v->first_line);
	}
	return ret;
}

/*
 * Whether s[0..len) is the good start of a value that ends too soon. This
 * and cannot_continue() ask only where the syntax breaks: a key given
 * twice is for read_value() to report once the value is whole.
 */
static int truncated(const char *s, size_t len)
{
	json_error_t jerr;
	json_t *j = json_loadb(s, len, 0, &jerr);

	json_decref(j);
	arena_reset();
	return !j && json_error_code(&jerr) == json_error_premature_end_of_input;
}

/* Column of the first non-blank byte of s if it is '{', else 0. */
static size_t brace_col(const char *s, size_t len)
{
	size_t i = skip_ws(s, len, 0);

	return i < len && s[i] == '{' ? i + 1 : 0;
}

/*
 * Whether the line s, whose first non-blank byte is a '{' at column `col`,
 * cannot go on with the value collected: jansson stops at that brace.
 */
static int cannot_continue(struct veris *v, const char *s, size_t len, size_t col)
{
	size_t mark = v->text.len;
	json_error_t jerr;
	json_t *j;

	buf_addch(&v->text, '\n');
	buf_add(&v->text, s, len);
	j = json_loadb(v->text.buf, v->text.len, 0, &jerr);
	buf_setlen(&v->text, mark);
	json_decref(j);
	arena_reset();
	/*
	 * The '{' is at mark + col, its line's '\n' at mark. An error just
	 * past it about the end of the text is no objection to the brace.
	 */
	return !j && jerr.position == (int)(mark + col + 1) &&
	       json_error_code(&jerr) != json_error_premature_end_of_input;
}

/*
 * Adds a line to the value being collected. Sets *resume to where the
 * rest of the line is to be read as new values: 0 for all of it, past the
 * end when the line is used up.
 */
static int collect(struct veris *v, const char *s, size_t len, size_t *resume)
{
	size_t col = brace_col(s, len);
	int in_str;
	long q;

	*resume = len;
	/*
	 * A '{' opening a line no deeper than the value began: if it cannot
	 * continue the value, that value was cut short (a truncated JSON
	 * Lines record) and this line starts the next.
	 */
	if (col && col <= v->first_col && cannot_continue(v, s, len, col)) {
		v->collecting = 0;
		*resume = 0;
		return parse_reject(v->ctx, v->first_line, NULL,
				    "JSON %s not closed before line %ld, which starts a new record",
				    v->text.buf[0] == '{' ? "object" : "list", v->ctx->in->line);
	}
	q = scan(s, len, &v->depth, &in_str);
	buf_addch(&v->text, '\n');
	buf_add(&v->text, s, q < 0 ? len : (size_t)q);
	if (v->text.len > INPUT_MAX_LINE) {
		v->collecting = 0;
		v->resync = 1;
		v->resync_col = v->first_col;
		return parse_reject(v->ctx, v->first_line, NULL, "JSON value longer than %zu MiB",
				    INPUT_MAX_LINE >> 20);
	}
	if (q < 0 && !in_str)
		return 0;
	v->collecting = 0;
	if (q < 0) {
		/* A string open at the end of a line: an error there. */
		v->resync = 1;
		v->resync_col = v->first_col;
	} else {
		*resume = (size_t)q;
	}
	return read_value(v, v->text.buf, v->text.len, 0, NULL);
}

/* Whether the last byte of s[0..len) that is not white space is '}'. */
static int ends_in_brace(const char *s, size_t len)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	return len && s[len - 1] == '}';
}

/* Reads the values that start on the current line. 0 to go on, -1 to stop. */
static int read_line(struct veris *v)
{
	const char *s = v->line.buf;
	size_t len = v->line.len, i = 0, end;
	long lineno = v->ctx->in->line, q;
	int in_str;

	if (lineno == 1 && len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	if (v->collecting && collect(v, s, len, &i) < 0)
		return -1;
	if (v->collecting)
		return 0;
	if (v->resync) {
		size_t col = brace_col(s, len);

		if (!col || col > v->resync_col)
			return 0;
		v->resync = 0;
	}
	for (;;) {
		char c;

		i = skip_ws(s, len, i);
		if (i >= len)
			return 0;
		c = s[i];
		if (v->in_list && (c == ',' || c == ']')) {
			v->in_list = c == ',';
			i++;
			continue;
		}
		if (!v->in_list && c == '[') {
			v->in_list = 1;
			v->list_line = lineno;
			i++;
			continue;
		}
		v->first_line = lineno;
		v->first_col = i + 1;
		if (c != '{' && c != '[') {
			/* Not a record; jansson says whether it is JSON at all. */
			if (read_value(v, s + i, len - i, JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK,
				       &end) < 0)
				return -1;
			if (!end) {
				v->resync = 1;
				v->resync_col = i + 1;
				return 0;
			}
			i += end;
			continue;
		}
		/*
		 * A JSON Lines record is the whole rest of its line: read at
		 * once when the reader takes all of it as one value (what it
		 * refuses, two values on a line included, goes the long way).
		 * The scan for the value's end was 6% of the parser's thread.
		 */
		if (c == '{' && ends_in_brace(s + i, len - i)) {
			const struct jdom *rec = jdom_parse(&v->dom, s + i, len - i);

			if (rec)
				return map_value(v, rec, s + i, len - i);
		}
		v->depth = 0;
		q = scan(s + i, len - i, &v->depth, &in_str);
		if (q >= 0) {
			/* Whole on this line, good or bad: go on after it. */
			if (read_value(v, s + i, (size_t)q, 0, NULL) < 0)
				return -1;
			i += (size_t)q;
			continue;
		}
		if (!in_str && truncated(s + i, len - i)) {
			/* It goes on in the next lines. */
			buf_reset(&v->text);
			buf_add(&v->text, s + i, len - i);
			v->collecting = 1;
			return 0;
		}
		/* Broken on this line, or a string open at its end: an error here. */
		v->resync = 1;
		v->resync_col = i + 1;
		return read_value(v, s + i, len - i, 0, NULL);
	}
}

int veris_parse(struct parse_ctx *ctx)
{
	struct veris v;
	json_malloc_t saved_malloc;
	json_free_t saved_free;
	int r, ret = 0;

	json_get_alloc_funcs(&saved_malloc, &saved_free);
	json_set_alloc_funcs(arena_malloc, arena_free);
	memset(&v, 0, sizeof(v));
	v.ctx = ctx;
	veris_err_init(&v.err);
	buf_init(&v.line);
	buf_init(&v.text);
	jdom_init(&v.dom);
	while ((r = input_getline(ctx->in, &v.line)) > 0) {
		if (read_line(&v) < 0) {
			ret = -1;
			goto out;
		}
	}
	if (r < 0) {
		ret = -1;
		goto out;
	}
	if (v.collecting)
		ret = parse_reject(ctx, v.first_line, NULL,
				   "the file ends inside a JSON %s that began on line %ld",
				   v.text.buf[0] == '{' ? "object" : "list", v.first_line);
	else if (v.in_list && !v.resync)
		ret = parse_reject(ctx, v.list_line, NULL,
				   "the file ends inside the JSON list that began on line %ld",
				   v.list_line);
out:
	json_set_alloc_funcs(saved_malloc, saved_free);
	arena_release();
	veris_err_release(&v.err);
	buf_release(&v.line);
	buf_release(&v.text);
	jdom_release(&v.dom);
	return ret;
}
