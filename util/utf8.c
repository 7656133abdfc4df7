#include "utf8.h"

#include <string.h>

#include "banned.h"

long utf8_decode(const char *str, size_t len, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str + *i;
	size_t left = len - *i, n;
	unsigned c = s[0];
	long cp, min;

	if (c < 0x80) {
		(*i)++;
		return (long)c;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, cp = c & 0x1F, min = 0x80;
	else if ((c & 0xF0) == 0xE0)
		n = 3, cp = c & 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, cp = c & 0x07, min = 0x10000;
	else
		goto bad;
	if (left < n)
		goto bad;
	for (size_t k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			goto bad;
		cp = cp << 6 | (s[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		goto bad;
	*i += n;
	return cp;
bad:
	(*i)++;
	return UTF8_BAD;
}

/* Every byte of a 64-bit word, each 0x01 or 0x80. */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

size_t utf8_ascii_span(const char *s, size_t len)
{
	size_t i = 0;

	/*
	 * A word whose bytes are all 0x20 to 0x7E: none has its high bit set,
	 * none is under 0x20 (b - 0x20 borrows into the high bit), none is
	 * 0x7F (b + 1 carries into it). The tests are exact for a word with
	 * no byte of 0x80 or more, which the first term has ruled out.
	 */
	for (; len - i >= 8; i += 8) {
		unsigned long long w;

		memcpy(&w, s + i, 8);
		if ((w | (w - 0x20 * ONES) | (w + 0x01 * ONES)) & HIGHS)
			break;
	}
	while (i < len && (unsigned char)s[i] - 0x20u < 0x5Fu)
		i++;
	return i;
}

size_t utf8_bad_at(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t at;

		i += utf8_ascii_span(s + i, len - i);
		if (i == len)
			break;
		at = i;
		if (utf8_decode(s, len, &i) == UTF8_BAD)
			return at;
	}
	return len;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; n++)
		utf8_decode(s, len, &i);
	return n;
}

size_t utf8_prefix(const char *s, size_t len, size_t chars)
{
	size_t i = 0;

	while (i < len && chars--)
		utf8_decode(s, len, &i);
	return i;
}

/* A C0 control or DEL: what text from outside may not hold (tab and line feed aside). */
static int is_c0(long cp, int lines)
{
	if (cp == '\t' || (lines && cp == '\n'))
		return 0;
	return (cp >= 0 && cp < 0x20) || cp == 0x7F;
}

/* Also C1 (U+0080..U+009F): what may not reach a terminal raw. */
static int is_control(long cp, int lines)
{
	return is_c0(cp, lines) || (cp >= 0x80 && cp <= 0x9F);
}

int utf8_check_text(const char *s, size_t len, int lines, struct buf *why)
{
	for (size_t i = 0; i < len;) {
		size_t at;
		long cp;

		i += utf8_ascii_span(s + i, len - i);
		if (i == len)
			break;
		at = i;
		cp = utf8_decode(s, len, &i);

		if (cp == 0) {
			buf_addf(why, "contains a NUL byte at byte %zu", at + 1);
			return -1;
		}
		if (cp == UTF8_BAD) {
			buf_addf(why, "is not valid UTF-8: byte 0x%02X at byte %zu (expected UTF-8 "
				 "text; save the file as UTF-8)", (unsigned char)s[at], at + 1);
			return -1;
		}
		if (is_c0(cp, lines)) {
			buf_addf(why, "contains a control character (U+%04lX) at byte %zu%s", cp,
				 at + 1, cp == '\n' ? " (expected one line)" : "");
			return -1;
		}
	}
	return 0;
}

size_t utf8_escape_next(const char *s, size_t len, size_t *i, int lines, char *out)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t at = *i;
	long cp = utf8_decode(s, len, i);
	unsigned char b = (unsigned char)s[at];

	if (cp == UTF8_BAD || (cp < 0x80 && is_control(cp, lines))) {
		out[0] = '\\', out[1] = 'x', out[2] = hex[b >> 4], out[3] = hex[b & 15];
		return 4;
	}
	if (is_control(cp, lines)) {
		out[0] = '\\', out[1] = 'u', out[2] = '0', out[3] = '0';
		out[4] = hex[cp >> 4], out[5] = hex[cp & 15];
		return 6;
	}
	memcpy(out, s + at, *i - at);
	return *i - at;
}

void utf8_escape(struct buf *out, const char *s, size_t len, int lines)
{
	char one[UTF8_ESCAPE_MAX];

	for (size_t i = 0; i < len;)
		buf_add(out, one, utf8_escape_next(s, len, &i, lines, one));
}
