#ifndef UTIL_H
#define UTIL_H

/*
 * Small helpers every module uses: error reporting, allocation that dies on
 * out-of-memory, strict number parsing and a growable list of strings.
 *
 * Errors: lower layers report a problem once, through error(), and return -1.
 * Only cli/ decides to exit. Messages follow one shape:
 *
 *     ibrief: <command>: <where>: <what>
 *
 * where <command> is set once by the CLI with error_set_command() and <where>
 * is part of the message the caller formats (file:line, field name).
 */

#include <stddef.h>

#define ATTR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define ATTR_NORETURN __attribute__((noreturn))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Sets the command named in every message ("import"); NULL for none. */
void error_set_command(const char *cmd);

/* Prints "ibrief: <cmd>: <msg>" to stderr. Always returns -1. */
int error(const char *fmt, ...) ATTR_PRINTF(1, 2);
/*
 * The one form of a place in a file, as compilers and git print it, so an
 * editor can jump there: "ibrief: <cmd>: FILE:LINE:COL: <msg>", unquoted;
 * LINE and COL from 1, each left out when 0 ("FILE:LINE: ", "FILE: ").
 * Always returns -1. Every message about a place in a file goes through it
 * (tests/cli/t_onehome.sh greps for other forms).
 */
int error_at(const char *file, long line, long col, const char *fmt, ...) ATTR_PRINTF(4, 5);
/* Same shape as error(), prefixed "warning: ". */
void warning(const char *fmt, ...) ATTR_PRINTF(1, 2);
/*
 * Hands this thread's error(), error_at() and warning() lines to `fn`
 * instead of stderr, each whole line (escaped, with its '\n') in one or
 * more pieces in order; `fn` NULL gives them back to stderr. For a worker
 * thread whose messages another thread prints in their place among its
 * own (store/parse.h, parse_threaded()). die() always prints at once.
 */
void error_redirect(void (*fn)(void *data, const char *text, size_t len), void *data);
/* Writes a line error_redirect() caught to stderr, as error() would have. */
void error_write(const char *line, size_t len);
/* Prints like error() and exits 1. For the impossible and for out-of-memory. */
void die(const char *fmt, ...) ATTR_PRINTF(1, 2) ATTR_NORETURN;

/* Allocation that never returns NULL: dies with a message instead. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* xstrdup() that maps NULL to NULL. */
char *xstrdup_or_null(const char *s);

/*
 * Grows array `x` (of `alloc` elements) so that it holds at least `nr`.
 * The same growth rule everywhere: half as much again, at least 16.
 */
#define ALLOC_GROW(x, nr, alloc) \
	do { \
		if ((nr) > (alloc)) { \
			(alloc) = (alloc) + (alloc) / 2 < 16 ? 16 : (alloc) + (alloc) / 2; \
			if ((alloc) < (nr)) \
				(alloc) = (nr); \
			(x) = xrealloc((x), (alloc) * sizeof(*(x))); \
		} \
	} while (0)

/*
 * Parses all of `s` as a base-10 integer in [min, max]. Leading and trailing
 * white space, an empty string, trailing junk or a value out of range are
 * errors. Returns 0 and sets *out, or -1 without a message (the caller knows
 * which option or field it was).
 */
int parse_long(const char *s, long min, long max, long *out);

/* Case-insensitive ASCII comparisons (locale-independent). */
int ascii_casecmp(const char *a, const char *b);
int ascii_ncasecmp(const char *a, const char *b, size_t n);
/* Returns 1 if `s` starts with `prefix` (case-sensitive). */
int starts_with(const char *s, const char *prefix);

/* Removes leading and trailing ASCII white space in place; returns s. */
char *trim(char *s);

/*
 * An owned list of owned strings. Invariant: v[0..n) are non-NULL strings
 * allocated with malloc; v is NULL when alloc is 0.
 */
struct strlist {
	char **v;
	size_t n, alloc;
};
#define STRLIST_INIT { NULL, 0, 0 }

void strlist_init(struct strlist *l);
/* Appends a copy of `s`. */
void strlist_add(struct strlist *l, const char *s);
/* Appends a copy of `s` unless an equal string is already there. */
void strlist_add_unique(struct strlist *l, const char *s);
/* Appends `s` itself; the list takes ownership. */
void strlist_add_owned(struct strlist *l, char *s);
int strlist_has(const struct strlist *l, const char *s);
/* Frees the strings and the array; the list is empty and reusable after. */
void strlist_release(struct strlist *l);

/* 64-bit FNV-1a over `n` bytes, continuing from `h` (start with FNV64_INIT). */
#define FNV64_INIT 0xcbf29ce484222325ULL
unsigned long long fnv64(unsigned long long h, const void *p, size_t n);

#endif
