/*
 * The document information dictionary of a PDF, read with bounds on every
 * step; the limits are in pdfinfo.h. Syntax from ISO 32000-1: 7.2.2
 * (white space and delimiters), 7.3.4 (strings), 7.3.10 (indirect
 * objects), 14.3.3 (the Info dictionary), Annex D (PDFDocEncoding).
 */
#include "pdfinfo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/tlp.h"
#include "../util/buf.h"
#include "../util/util.h"
#include "../util/banned.h"

#define MAX_DICT (64 * 1024)
#define MAX_DEPTH 16

struct cursor {
	const unsigned char *p, *end;
};

void pdf_info_init(struct pdf_info *info)
{
	info->title = info->subject = info->keywords = info->author = NULL;
}

void pdf_info_release(struct pdf_info *info)
{
	free(info->title);
	free(info->subject);
	free(info->keywords);
	free(info->author);
	pdf_info_init(info);
}

static int is_white(int c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static int is_delim(int c)
{
	return c && strchr("()<>[]{}/%", c);
}

static int is_regular(int c)
{
	return !is_white(c) && !is_delim(c);
}

/* Skips white space and comments. */
static void skip_space(struct cursor *c)
{
	while (c->p < c->end) {
		if (is_white(*c->p)) {
			c->p++;
		} else if (*c->p == '%') {
			while (c->p < c->end && *c->p != '\n' && *c->p != '\r')
				c->p++;
		} else {
			break;
		}
	}
}

/* A non-negative integer; -1 when there is none. */
static long read_uint(struct cursor *c)
{
	long v = 0;

	if (c->p >= c->end || *c->p < '0' || *c->p > '9')
		return -1;
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
		v = v * 10 + (*c->p++ - '0');
		if (v > 99999999)
			return -1;
	}
	return v;
}

/* A literal string after its "(", escapes undone, into `out` (may be NULL). */
static int read_literal(struct cursor *c, struct buf *out)
{
	int depth = 1;

	while (c->p < c->end) {
		unsigned char ch = *c->p++;

		if (ch == '\\') {
			static const char from[] = "nrtbf", to[] = "\n\r\t\b\f";
			const char *e;
			int v = 0, n = 0;

			if (c->p >= c->end)
				return -1;
			ch = *c->p;
			if (ch >= '0' && ch <= '7') {
				while (n < 3 && c->p < c->end && *c->p >= '0' && *c->p <= '7')
					v = v * 8 + (*c->p++ - '0'), n++;
				ch = (unsigned char)v;
			} else if (ch == '\r' || ch == '\n') {
				/* A line continuation: neither the backslash nor the EOL. */
				c->p++;
				if (ch == '\r' && c->p < c->end && *c->p == '\n')
					c->p++;
				continue;
			} else {
				c->p++;
				e = strchr(from, ch);
				if (ch && e)
					ch = (unsigned char)to[e - from];
			}
		} else if (ch == '(') {
			depth++;
		} else if (ch == ')') {
			if (!--depth)
				return 0;
		} else if (ch == '\r') {
			/* An end of line in a string is read as a line feed. */
			if (c->p < c->end && *c->p == '\n')
				c->p++;
			ch = '\n';
		}
		if (out)
			buf_addch(out, ch);
	}
	return -1;
}

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A hex string after its "<"; an odd last digit is followed by 0. */
static int read_hex(struct cursor *c, struct buf *out)
{
	int hi = -1;

	while (c->p < c->end) {
		unsigned char ch = *c->p++;
		int v;

		if (ch == '>') {
			if (hi >= 0 && out)
				buf_addch(out, hi << 4);
			return 0;
		}
		if (is_white(ch))
			continue;
		v = hex_value(ch);
		if (v < 0)
			return -1;
		if (hi < 0) {
			hi = v;
		} else {
			if (out)
				buf_addch(out, hi << 4 | v);
			hi = -1;
		}
	}
	return -1;
}

/*
 * Reads one value. A string's bytes go to `str` (may be NULL) and the
 * return is 1; other values are skipped and return 0; -1 on bad syntax.
 */
static int read_value(struct cursor *c, struct buf *str, int depth)
{
	if (depth > MAX_DEPTH)
		return -1;
	skip_space(c);
	if (c->p >= c->end)
		return -1;
	if (*c->p == '(') {
		c->p++;
		return read_literal(c, str) < 0 ? -1 : 1;
	}
	if (*c->p == '<' && c->p + 1 < c->end && c->p[1] == '<') {
		c->p += 2;
		for (;;) {
			skip_space(c);
			if (c->end - c->p >= 2 && c->p[0] == '>' && c->p[1] == '>') {
				c->p += 2;
				return 0;
			}
			if (read_value(c, NULL, depth + 1) < 0)
				return -1;
		}
	}
	if (*c->p == '<') {
		c->p++;
		return read_hex(c, str) < 0 ? -1 : 1;
	}
	if (*c->p == '[') {
		c->p++;
		for (;;) {
			skip_space(c);
			if (c->p < c->end && *c->p == ']') {
				c->p++;
				return 0;
			}
			if (read_value(c, NULL, depth + 1) < 0)
				return -1;
		}
	}
	if (*c->p == '/')
		c->p++;
	else if (!is_regular(*c->p))
		return -1;
	/* A name, number, keyword; "3 0 R" reads as three of them. */
	while (c->p < c->end && is_regular(*c->p))
		c->p++;
	return 0;
}

static void add_utf8(struct buf *out, unsigned long cp)
{
	if (cp < 0x20 && cp != '\n' && cp != '\t')
		cp = ' ';
	if (cp < 0x80) {
		buf_addch(out, (int)cp);
	} else if (cp < 0x800) {
		buf_addch(out, (int)(0xc0 | cp >> 6));
		buf_addch(out, (int)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		buf_addch(out, (int)(0xe0 | cp >> 12));
		buf_addch(out, (int)(0x80 | (cp >> 6 & 0x3f)));
		buf_addch(out, (int)(0x80 | (cp & 0x3f)));
	} else {
		buf_addch(out, (int)(0xf0 | cp >> 18));
		buf_addch(out, (int)(0x80 | (cp >> 12 & 0x3f)));
		buf_addch(out, (int)(0x80 | (cp >> 6 & 0x3f)));
		buf_addch(out, (int)(0x80 | (cp & 0x3f)));
	}
}

/* Returns the length of a valid UTF-8 sequence at p (shortest form), or 0. */
static size_t utf8_valid(const unsigned char *p, size_t n, unsigned long *cp)
{
	size_t len;
	unsigned long v;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2, v = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3, v = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4, v = p[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (p[i] & 0x3f);
	}
	if ((len == 3 && (v < 0x800 || (v >= 0xd800 && v <= 0xdfff))) ||
	    (len == 4 && (v < 0x10000 || v > 0x10ffff)))
		return 0;
	*cp = v;
	return len;
}

/* PDFDocEncoding 0x80-0xA0; 0 for the undefined codes. */
static const unsigned short pdfdoc_high[] = {
	0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044,
	0x2039, 0x203a, 0x2212, 0x2030, 0x201e, 0x201c, 0x201d, 0x2018,
	0x2019, 0x201a, 0x2122, 0xfb01, 0xfb02, 0x0141, 0x0152, 0x0160,
	0x0178, 0x017d, 0x0131, 0x0142, 0x0153, 0x0161, 0x017e, 0,
	0x20ac,
};

/* A PDF text string (7.9.2.2) as UTF-8, in a new string. */
static char *text_to_utf8(const unsigned char *s, size_t n)
{
	struct buf out = BUF_INIT;
	unsigned long cp;
	size_t i, k;
	int valid = 1;

	if (n >= 2 && s[0] == 0xfe && s[1] == 0xff) {
		for (i = 2; i + 1 < n; i += 2) {
			cp = (unsigned long)s[i] << 8 | s[i + 1];
			if (cp >= 0xd800 && cp <= 0xdbff && i + 3 < n) {
				unsigned long lo = (unsigned long)s[i + 2] << 8 | s[i + 3];

				if (lo >= 0xdc00 && lo <= 0xdfff) {
					cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
					i += 2;
				} else {
					cp = 0xfffd;
				}
			} else if (cp >= 0xd800 && cp <= 0xdfff) {
				cp = 0xfffd;
			}
			add_utf8(&out, cp);
		}
		return buf_detach(&out, NULL);
	}
	if (n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf) {
		s += 3;
		n -= 3;
	}
	for (i = 0; i < n && valid; i += k)
		valid = (k = utf8_valid(s + i, n - i, &cp)) != 0;
	for (i = 0; i < n; i += valid ? k : 1) {
		if (valid) {
			k = utf8_valid(s + i, n - i, &cp);
		} else {
			cp = s[i];
			if (cp >= 0x80 && cp <= 0xa0)
				cp = pdfdoc_high[cp - 0x80] ? pdfdoc_high[cp - 0x80] : 0xfffd;
			else if (cp == 0xad)
				cp = 0xfffd;
		}
		add_utf8(&out, cp);
	}
	return buf_detach(&out, NULL);
}

/* Finds the last "/Info N G R"; returns 0 and the numbers, or -1. */
static int find_info_ref(const unsigned char *pdf, size_t len, long *num, long *gen)
{
	for (size_t i = len; i >= 5; i--) {
		struct cursor c = { pdf + i - 5, pdf + len };

		if (memcmp(c.p, "/Info", 5))
			continue;
		c.p += 5;
		if (c.p < c.end && is_regular(*c.p))
			continue;	/* "/InfoX" */
		skip_space(&c);
		*num = read_uint(&c);
		skip_space(&c);
		*gen = read_uint(&c);
		skip_space(&c);
		if (*num >= 0 && *gen >= 0 && c.p < c.end && *c.p == 'R' &&
		    (c.p + 1 == c.end || !is_regular(c.p[1])))
			return 0;
	}
	return -1;
}

/* Finds the last "N G obj" and returns where its value starts, or NULL. */
static const unsigned char *find_object(const unsigned char *pdf, size_t len, long num, long gen)
{
	char pat[48];
	size_t n = (size_t)snprintf(pat, sizeof(pat), "%ld %ld obj", num, gen);

	for (size_t i = len; i >= n; i--) {
		const unsigned char *p = pdf + i - n;

		if (memcmp(p, pat, n))
			continue;
		if (p > pdf && !is_white(p[-1]))
			continue;	/* "13 0 obj" when looking for "3 0 obj" */
		if (i < len && is_regular(pdf[i]))
			continue;
		return pdf + i;
	}
	return NULL;
}

int pdf_info_read(struct pdf_info *info, const unsigned char *pdf, size_t len)
{
	struct buf key = BUF_INIT, str = BUF_INIT;
	const unsigned char *obj;
	struct cursor c;
	long num, gen;
	int found = 0;

	pdf_info_init(info);
	if (find_info_ref(pdf, len, &num, &gen) < 0)
		goto out;
	obj = find_object(pdf, len, num, gen);
	if (!obj)
		goto out;
	c.p = obj;
	c.end = (size_t)(pdf + len - obj) > MAX_DICT ? obj + MAX_DICT : pdf + len;
	skip_space(&c);
	if (c.end - c.p < 2 || memcmp(c.p, "<<", 2))
		goto out;
	c.p += 2;
	for (;;) {
		char **slot = NULL;
		int r;

		skip_space(&c);
		if (c.end - c.p >= 2 && !memcmp(c.p, ">>", 2))
			break;
		if (c.p >= c.end || *c.p != '/')
			goto bad;
		buf_reset(&key);
		for (c.p++; c.p < c.end && is_regular(*c.p); c.p++)
			buf_addch(&key, *c.p);
		buf_reset(&str);
		r = read_value(&c, &str, 1);
		if (r < 0)
			goto bad;
		if (!strcmp(key.buf, "Title"))
			slot = &info->title;
		else if (!strcmp(key.buf, "Subject"))
			slot = &info->subject;
		else if (!strcmp(key.buf, "Keywords"))
			slot = &info->keywords;
		else if (!strcmp(key.buf, "Author"))
			slot = &info->author;
		if (slot && r == 1) {
			free(*slot);
			*slot = text_to_utf8((const unsigned char *)str.buf, str.len);
		}
	}
	found = 1;
	goto out;
bad:
	pdf_info_release(info);
out:
	buf_release(&key);
	buf_release(&str);
	return found;
}

int pdf_info_tlp(const char *keywords)
{
	const char *p = keywords;
	int level = -1;

	while (p && (p = strchr(p, ':')) != NULL) {
		char word[32];
		size_t n = 0;
		const char *q = p + 1;
		int t;

		/* "TLP:" with something other than a letter before it. */
		if (p - keywords < 3 || ascii_ncasecmp(p - 3, "TLP", 3) ||
		    (p - keywords > 3 && ((p[-4] | 0x20) >= 'a' && (p[-4] | 0x20) <= 'z'))) {
			p++;
			continue;
		}
		while (n + 1 < sizeof(word) && (((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z') || *q == '+'))
			word[n++] = *q++;
		word[n] = '\0';
		p = q;
		if (*q == ':' || ((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z'))
			continue;
		t = tlp_parse(word);
		if (t < 0)
			continue;
		if (level >= 0 && level != t)
			return -2;
		level = t;
	}
	return level;
}
