#ifndef STORE_JDOM_H
#define STORE_JDOM_H

/*
 * One JSON value as a read-only tree: what the VERIS importer maps
 * (store/veris_map.h). jdom_parse() builds it with a streaming parser
 * (yajl) into memory a struct jdom_doc keeps and reuses value after value,
 * so that a record costs no allocation once the first few are read.
 *
 * Why not jansson's values: jansson reads a character at a time through a
 * callback and allocates every value, key and hash table; it took over half
 * of an import's instructions (VCDB, 8,589 records: 2,680 M of 4,890 M).
 * yajl with this tree does the same records in about a fifth of that.
 *
 * jansson stays the reference. jdom_parse() accepts only text that
 * json_loadb() with JSON_REJECT_DUPLICATES accepts, and gives the same
 * values; it may refuse more (a \u escape of a surrogate, a NUL in a
 * string, a number jansson cannot hold, nesting deeper than 512, text yajl
 * refuses). For what it refuses the caller asks jansson, which either says
 * what is wrong, with its line and column, or gives a value that
 * jdom_from_json() copies. So every message and every value is jansson's.
 *
 * A tree (every struct jdom and string it reaches) lives until the next
 * jdom_parse() or jdom_from_json() on the same doc, or jdom_release().
 */

#include <jansson.h>
#include <stddef.h>

#include "../util/buf.h"

enum jdom_type {
	JDOM_OBJECT,
	JDOM_ARRAY,
	JDOM_STRING,
	JDOM_INTEGER,
	JDOM_REAL,
	JDOM_TRUE,
	JDOM_FALSE,
	JDOM_NULL,
};

struct jdom {
	enum jdom_type type;
	const char *key;		/* as a member of an object; else NULL */
	size_t key_len;
	const char *str;		/* JDOM_STRING: NUL-terminated, holds no NUL */
	size_t len;			/* JDOM_STRING: bytes; object, array: members */
	long long integer;		/* JDOM_INTEGER */
	double number;			/* JDOM_INTEGER, JDOM_REAL: the value as a double */
	const struct jdom *first, *next;	/* members in order */
	const struct jdom *const *items;	/* JDOM_ARRAY: members by position */
	/* While the tree is built: indexes into the doc's nodes and text. */
	size_t up, first_at, next_at, last_at, key_at, str_at;
};

struct jdom_doc {
	struct jdom *v;
	size_t nr, alloc;
	struct buf text;		/* keys and strings, each NUL-terminated */
	const struct jdom **items;
	size_t items_alloc;
	struct buf scratch;
	size_t open;			/* the container being filled, or (size_t)-1 */
	size_t depth;
	size_t key_at, key_len;		/* the key of the next member of `open` */
};

void jdom_init(struct jdom_doc *d);
void jdom_release(struct jdom_doc *d);

/*
 * Parses s[0..len), one object or array and nothing else but white space.
 * Returns the root, or NULL when it refuses the text (see above; it says
 * nothing, and has no position to give).
 */
const struct jdom *jdom_parse(struct jdom_doc *d, const char *s, size_t len);

/* Copies the jansson value `j` (borrowed); returns the root. Never fails. */
const struct jdom *jdom_from_json(struct jdom_doc *d, json_t *j);

/* Member `key` of object `obj`; NULL when absent, or obj is NULL or no object. */
const struct jdom *jdom_get(const struct jdom *obj, const char *key);
/* Item i of array `arr`; NULL when past its end, or arr is NULL or no array. */
const struct jdom *jdom_at(const struct jdom *arr, size_t i);
/* The text of a string; NULL for NULL or any other type. */
const char *jdom_str(const struct jdom *x);

static inline int jdom_is(const struct jdom *x, enum jdom_type type)
{
	return x && x->type == type;
}

static inline int jdom_is_number(const struct jdom *x)
{
	return x && (x->type == JDOM_INTEGER || x->type == JDOM_REAL);
}

#endif
