#ifndef UTF8_H
#define UTF8_H

/*
 * UTF-8: the one decoder of the tree, the rule for text that comes from
 * outside, and the escaping of text that goes to a terminal.
 *
 * Well-formed means RFC 3629: no overlong forms, no surrogates
 * (U+D800..U+DFFF), nothing past U+10FFFF, no truncated sequence. Every
 * reader of UTF-8 decodes with utf8_decode() and so agrees on what a
 * character is; a byte that starts no well-formed character is one bad
 * byte, and the next byte is read afresh.
 *
 * Nothing here allocates except into a caller's struct buf, and nothing
 * reports errors: the caller names the file, record and field.
 */

#include <stddef.h>

#include "buf.h"

#define UTF8_BAD (-1L)

/*
 * Decodes the character at s[*i] of the `len` bytes at `s` (*i < len) and
 * advances *i past it. Returns the code point, or UTF8_BAD for a byte that
 * starts no well-formed character, advancing *i by one.
 */
long utf8_decode(const char *s, size_t len, size_t *i);

/*
 * Returns the length of the run of printable ASCII (0x20 to 0x7E) that
 * s[0, len) begins with: bytes that are each a character and that no rule
 * here refuses, the bulk of most text, so that a check can step over them
 * eight at a time and decode only what follows.
 */
size_t utf8_ascii_span(const char *s, size_t len);

/*
 * Returns the offset of the first byte of s[0, len) that starts no
 * well-formed character, or len when there is none. A NUL byte is
 * well-formed here; utf8_check_text() refuses it.
 */
size_t utf8_bad_at(const char *s, size_t len);

/* Returns the number of characters in s[0, len); a bad byte counts as one. */
size_t utf8_count(const char *s, size_t len);

/*
 * Returns the number of bytes of the first `chars` characters of
 * s[0, len) (all of them when there are fewer): where to cut the text
 * without splitting a character.
 */
size_t utf8_prefix(const char *s, size_t len, size_t chars);

/*
 * The rule for imported text, the same in every importer: well-formed
 * UTF-8 without control characters. Tab is allowed; line feed only where
 * `lines` is set (summaries, descriptions). NUL, the other C0 controls
 * and DEL are refused: they would reach terminals and files raw. (The C1
 * controls, U+0080..U+009F, are let through: real VCDB summaries hold
 * them, Windows-1252 quotes decoded twice; utf8_escape() shows them.) Returns 0, or -1 after appending to `why`
 * what is wrong and at which byte (1-based), e.g. "contains a control
 * character (0x1B) at byte 7".
 */
int utf8_check_text(const char *s, size_t len, int lines, struct buf *why);

/*
 * Appends s[0, len) to `out` as it may be shown on a terminal: characters
 * that utf8_check_text() refuses, and bad bytes, are written as "\xNN"
 * (C0, DEL, bad bytes) or "\u0085" (C1); tab is kept, and line feed when
 * `lines` is set. Everything else is copied as it is.
 */
void utf8_escape(struct buf *out, const char *s, size_t len, int lines);

/*
 * The same for one character, for writers that must not allocate (the
 * error reporter): writes the character at s[*i] (*i < len), escaped as
 * above, to `out`, which has room for UTF8_ESCAPE_MAX bytes, advances *i
 * past it and returns the number of bytes written (not NUL-terminated).
 */
#define UTF8_ESCAPE_MAX 8
size_t utf8_escape_next(const char *s, size_t len, size_t *i, int lines, char *out);

#endif
