#ifndef BUF_H
#define BUF_H

/*
 * A growable byte buffer, always NUL-terminated, for building text.
 *
 * Invariants: `buf` is never NULL (an empty buffer points at a shared ""),
 * `buf[len] == '\0'`, and `len < alloc` whenever `alloc` is non-zero.
 * Initialise with BUF_INIT or buf_init(); release with buf_release().
 * Growing past BUF_MAX bytes is treated like out-of-memory (the program dies):
 * readers that take untrusted input check their own, smaller limits first.
 */

#include <stdarg.h>
#include <stddef.h>

#include "util.h"

#define BUF_MAX ((size_t)1 << 30)

extern char buf_empty[];

struct buf {
	char *buf;
	size_t len, alloc;
};
#define BUF_INIT { buf_empty, 0, 0 }

void buf_init(struct buf *b);
/* Frees the memory; the buffer is empty and reusable after. */
void buf_release(struct buf *b);
/* Empties the buffer, keeping its memory. */
void buf_reset(struct buf *b);
/* Makes room for `extra` more bytes. */
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addch(struct buf *b, int c);
void buf_addf(struct buf *b, const char *fmt, ...) ATTR_PRINTF(2, 3);
void buf_vaddf(struct buf *b, const char *fmt, va_list ap) ATTR_PRINTF(2, 0);
/* Shortens to `len` bytes (len <= b->len). */
void buf_setlen(struct buf *b, size_t len);
/* Returns the string, which the caller must free(); the buffer is empty after. */
char *buf_detach(struct buf *b, size_t *len);

#endif
