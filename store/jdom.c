/* A JSON value as a read-only tree, built by yajl or copied from jansson (jdom.h). */
#include "jdom.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "../util/utf8.h"
#include "../util/util.h"
#include "../util/banned.h"

#define NONE ((size_t)-1)
/* Deeper values go to jansson, whose own limit (2048) is the one that counts. */
#define MAX_DEPTH 512
/* Objects with more members are checked for a repeated key by sorting. */
#define FEW_MEMBERS 16

void jdom_init(struct jdom_doc *d)
{
	memset(d, 0, sizeof(*d));
	buf_init(&d->text);
	buf_init(&d->scratch);
}

void jdom_release(struct jdom_doc *d)
{
	free(d->v);
	free(d->items);
	buf_release(&d->text);
	buf_release(&d->scratch);
	jdom_init(d);
}

static void reset(struct jdom_doc *d)
{
	d->nr = 0;
	buf_reset(&d->text);
	d->open = NONE;
	d->depth = 0;
	d->key_at = NONE;
	d->key_len = 0;
}

/* Copies s[0..len) and a NUL into the doc's text; returns its offset. */
static size_t add_text(struct jdom_doc *d, const char *s, size_t len)
{
	size_t at = d->text.len;

	buf_add(&d->text, s, len);
	buf_addch(&d->text, '\0');
	return at;
}

/* Appends a node of `type` as the next member of the open container. */
static size_t add_node(struct jdom_doc *d, enum jdom_type type)
{
	size_t n = d->nr;
	struct jdom *x;

	ALLOC_GROW(d->v, d->nr + 1, d->alloc);
	x = &d->v[d->nr++];
	memset(x, 0, sizeof(*x));
	x->type = type;
	x->up = d->open;
	x->first_at = x->next_at = x->last_at = x->key_at = x->str_at = NONE;
	if (d->open != NONE) {
		struct jdom *c = &d->v[d->open];

		if (c->type == JDOM_OBJECT) {
			x->key_at = d->key_at;
			x->key_len = d->key_len;
		}
		if (c->last_at == NONE)
			c->first_at = n;
		else
			d->v[c->last_at].next_at = n;
		c->last_at = n;
		c->len++;
	}
	return n;
}

static int open_container(struct jdom_doc *d, enum jdom_type type)
{
	if (++d->depth > MAX_DEPTH)
		return 0;
	d->open = add_node(d, type);
	return 1;
}

static int same_key(const struct jdom_doc *d, size_t a, size_t b)
{
	return d->v[a].key_len == d->v[b].key_len &&
	       !memcmp(d->text.buf + d->v[a].key_at, d->text.buf + d->v[b].key_at, d->v[a].key_len);
}

struct key {
	const char *s;
	size_t len;
};

static int key_cmp(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;

	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return memcmp(a->s, b->s, a->len);
}

/*
 * Whether object `o` has a key twice (jansson's JSON_REJECT_DUPLICATES):
 * pair by pair when it is small, by sorting its keys when not, so that a
 * hostile object of a million keys costs n log n.
 */
static int has_repeated_key(struct jdom_doc *d, size_t o)
{
	struct key *k;
	size_t n = 0;
	int repeated = 0;

	if (d->v[o].len <= FEW_MEMBERS) {
		for (size_t a = d->v[o].first_at; a != NONE; a = d->v[a].next_at)
			for (size_t b = d->v[a].next_at; b != NONE; b = d->v[b].next_at)
				if (same_key(d, a, b))
					return 1;
		return 0;
	}
	k = xmalloc(d->v[o].len * sizeof(*k));
	for (size_t a = d->v[o].first_at; a != NONE; a = d->v[a].next_at)
		k[n++] = (struct key){ d->text.buf + d->v[a].key_at, d->v[a].key_len };
	qsort(k, n, sizeof(*k), key_cmp);
	for (size_t i = 1; i < n && !repeated; i++)
		repeated = !key_cmp(&k[i - 1], &k[i]);
	free(k);
	return repeated;
}

static int close_container(struct jdom_doc *d)
{
	size_t c = d->open;

	if (d->v[c].type == JDOM_OBJECT && has_repeated_key(d, c))
		return 0;
	d->open = d->v[c].up;
	d->depth--;
	return 1;
}

/* jansson refuses a NUL in a string or key, and text that is not UTF-8. */
static int acceptable_text(const char *s, size_t len)
{
	/* Most text is printable ASCII: step over it, decode only past it. */
	size_t i = utf8_ascii_span(s, len);

	return i == len || (!memchr(s + i, '\0', len - i) && utf8_bad_at(s + i, len - i) == len - i);
}

static int on_null(void *ctx)
{
	add_node(ctx, JDOM_NULL);
	return 1;
}

static int on_boolean(void *ctx, int b)
{
	add_node(ctx, b ? JDOM_TRUE : JDOM_FALSE);
	return 1;
}

/*
 * A number as jansson reads it: an integer when the text has no '.', 'e'
 * or 'E' (refused past long long), else a double (refused when it
 * overflows; an underflow is kept, as jansson keeps it).
 */
static int on_number(void *ctx, const char *s, size_t len)
{
	struct jdom_doc *d = ctx;
	int real = memchr(s, '.', len) || memchr(s, 'e', len) || memchr(s, 'E', len);
	long long i = 0;
	double x;
	char *end;
	size_t n;

	buf_reset(&d->scratch);
	buf_add(&d->scratch, s, len);
	errno = 0;
	if (real) {
		x = strtod(d->scratch.buf, &end);
		if (isinf(x))
			return 0;
	} else {
		i = strtoll(d->scratch.buf, &end, 10);
		if (errno == ERANGE)
			return 0;
		x = (double)i;
	}
	if (*end)
		return 0;
	n = add_node(d, real ? JDOM_REAL : JDOM_INTEGER);
	d->v[n].integer = i;
	d->v[n].number = x;
	return 1;
}

static int on_string(void *ctx, const unsigned char *s, size_t len)
{
	struct jdom_doc *d = ctx;
	size_t n;

	if (!acceptable_text((const char *)s, len))
		return 0;
	n = add_node(d, JDOM_STRING);
	d->v[n].str_at = add_text(d, (const char *)s, len);
	d->v[n].len = len;
	return 1;
}

static int on_start_map(void *ctx)
{
	return open_container(ctx, JDOM_OBJECT);
}

static int on_map_key(void *ctx, const unsigned char *s, size_t len)
{
	struct jdom_doc *d = ctx;

	if (!acceptable_text((const char *)s, len))
		return 0;
	d->key_at = add_text(d, (const char *)s, len);
	d->key_len = len;
	return 1;
}

static int on_end(void *ctx)
{
	return close_container(ctx);
}

static int on_start_array(void *ctx)
{
	return open_container(ctx, JDOM_ARRAY);
}

static const yajl_callbacks callbacks = {
	.yajl_null = on_null,
	.yajl_boolean = on_boolean,
	.yajl_number = on_number,
	.yajl_string = on_string,
	.yajl_start_map = on_start_map,
	.yajl_map_key = on_map_key,
	.yajl_end_map = on_end,
	.yajl_start_array = on_start_array,
	.yajl_end_array = on_end,
};

/*
 * Whether s[0..len) escapes a UTF-16 surrogate (\uD800 to \uDFFF). yajl
 * turns a lone one into '?', where jansson refuses it; a pair is left to
 * jansson too. An escaped backslash before "uD8.." counts as well: that
 * only sends a good value the slow way.
 */
static int escapes_surrogate(const char *s, size_t len)
{
	for (const char *p = s, *end = s + len; (p = memchr(p, '\\', (size_t)(end - p))); p++)
		if (end - p >= 4 && p[1] == 'u' && (p[2] | 0x20) == 'd' &&
		    memchr("89abcdefABCDEF", p[3], 14))
			return 1;
	return 0;
}

/* Sets the pointers of the tree from the indexes it was built with. */
static const struct jdom *finish(struct jdom_doc *d)
{
	size_t items = 0, k = 0;

	for (size_t i = 0; i < d->nr; i++)
		if (d->v[i].type == JDOM_ARRAY)
			items += d->v[i].len;
	ALLOC_GROW(d->items, items, d->items_alloc);
	for (size_t i = 0; i < d->nr; i++) {
		struct jdom *x = &d->v[i];

		x->key = x->key_at == NONE ? NULL : d->text.buf + x->key_at;
		x->str = x->str_at == NONE ? NULL : d->text.buf + x->str_at;
		x->first = x->first_at == NONE ? NULL : &d->v[x->first_at];
		x->next = x->next_at == NONE ? NULL : &d->v[x->next_at];
		x->items = NULL;
		if (x->type == JDOM_ARRAY) {
			/* d->items is NULL when no array has items: no offset from it. */
			x->items = items ? &d->items[k] : NULL;
			for (size_t m = x->first_at; m != NONE; m = d->v[m].next_at)
				d->items[k++] = &d->v[m];
		}
	}
	return d->nr ? &d->v[0] : NULL;
}

const struct jdom *jdom_parse(struct jdom_doc *d, const char *s, size_t len)
{
	yajl_handle h;
	int ok;

	reset(d);
	if (escapes_surrogate(s, len))
		return NULL;
	h = yajl_alloc(&callbacks, NULL, d);
	if (!h)
		die("out of memory");
	ok = yajl_parse(h, (const unsigned char *)s, len) == yajl_status_ok &&
	     yajl_complete_parse(h) == yajl_status_ok;
	yajl_free(h);
	if (!ok || !d->nr || d->open != NONE ||
	    (d->v[0].type != JDOM_OBJECT && d->v[0].type != JDOM_ARRAY))
		return NULL;
	return finish(d);
}

static void copy_json(struct jdom_doc *d, json_t *j)
{
	const char *key;
	json_t *x;
	size_t n, i;

	switch (json_typeof(j)) {
	case JSON_OBJECT:
		d->open = add_node(d, JDOM_OBJECT);
		json_object_foreach(j, key, x) {
			d->key_len = strlen(key);
			d->key_at = add_text(d, key, d->key_len);
			copy_json(d, x);
		}
		d->open = d->v[d->open].up;
		return;
	case JSON_ARRAY:
		d->open = add_node(d, JDOM_ARRAY);
		json_array_foreach(j, i, x)
			copy_json(d, x);
		d->open = d->v[d->open].up;
		return;
	case JSON_STRING:
		n = add_node(d, JDOM_STRING);
		d->v[n].len = json_string_length(j);
		d->v[n].str_at = add_text(d, json_string_value(j), d->v[n].len);
		return;
	case JSON_INTEGER:
		n = add_node(d, JDOM_INTEGER);
		d->v[n].integer = json_integer_value(j);
		d->v[n].number = (double)d->v[n].integer;
		return;
	case JSON_REAL:
		n = add_node(d, JDOM_REAL);
		d->v[n].number = json_real_value(j);
		return;
	case JSON_TRUE:
		add_node(d, JDOM_TRUE);
		return;
	case JSON_FALSE:
		add_node(d, JDOM_FALSE);
		return;
	case JSON_NULL:
		add_node(d, JDOM_NULL);
		return;
	}
}

const struct jdom *jdom_from_json(struct jdom_doc *d, json_t *j)
{
	reset(d);
	copy_json(d, j);
	return finish(d);
}

const struct jdom *jdom_get(const struct jdom *obj, const char *key)
{
	size_t len;

	if (!jdom_is(obj, JDOM_OBJECT))
		return NULL;
	len = strlen(key);
	for (const struct jdom *m = obj->first; m; m = m->next)
		if (m->key_len == len && !memcmp(m->key, key, len))
			return m;
	return NULL;
}

const struct jdom *jdom_at(const struct jdom *arr, size_t i)
{
	return jdom_is(arr, JDOM_ARRAY) && i < arr->len ? arr->items[i] : NULL;
}

const char *jdom_str(const struct jdom *x)
{
	return jdom_is(x, JDOM_STRING) ? x->str : NULL;
}
