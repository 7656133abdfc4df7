#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "banned.h"

static const char *error_command;

/* Where this thread's messages go instead of stderr (error_redirect()). */
static _Thread_local void (*sink_fn)(void *data, const char *text, size_t len);
static _Thread_local void *sink_data;

void error_set_command(const char *cmd)
{
	error_command = cmd;
}

/*
 * Messages quote file names, lines and values from imported files: their
 * control characters are escaped (util/utf8.h) so that no message can move
 * the cursor, retitle the terminal or ring it. Formatted on the stack, as
 * the out-of-memory message must not allocate; a message is cut at 4 KiB.
 * stderr is unbuffered: the line goes out in one write, not one per
 * character (an import that warns of every record, and every fuzzing input
 * that fails, paid a system call per byte).
 */
void error_redirect(void (*fn)(void *data, const char *text, size_t len), void *data)
{
	sink_fn = fn;
	sink_data = data;
}

void error_write(const char *line, size_t len)
{
	fflush(stdout);
	fwrite(line, 1, len, stderr);
}

/* A piece of a message line, to stderr or where the thread redirected it. */
static void emit(const char *text, size_t len, int direct)
{
	if (sink_fn && !direct)
		sink_fn(sink_data, text, len);
	else
		fwrite(text, 1, len, stderr);
}

ATTR_PRINTF(3, 0)
static void report(const char *kind, int direct, const char *fmt, va_list ap)
{
	char msg[4096], out[4096 + 256], one[UTF8_ESCAPE_MAX];
	int n = vsnprintf(msg, sizeof(msg), fmt, ap);
	size_t len = n < 0 ? 0 : (size_t)n < sizeof(msg) ? (size_t)n : sizeof(msg) - 1, o;

	n = snprintf(out, sizeof(out), "ibrief: %s%s%s", error_command ? error_command : "",
		     error_command ? ": " : "", kind ? kind : "");
	o = n < 0 ? 0 : (size_t)n < sizeof(out) ? (size_t)n : sizeof(out) - 1;
	if (!sink_fn || direct)
		fflush(stdout);
	for (size_t i = 0; i < len;) {
		size_t k = utf8_escape_next(msg, len, &i, 0, one);

		if (o + k + 1 > sizeof(out)) {
			emit(out, o, direct);
			o = 0;
		}
		memcpy(out + o, one, k);
		o += k;
	}
	out[o++] = '\n';
	emit(out, o, direct);
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(NULL, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int error_at(const char *file, long line, long col, const char *fmt, ...)
{
	char msg[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (line > 0 && col > 0)
		return error("%s:%ld:%ld: %s", file, line, col, msg);
	if (line > 0)
		return error("%s:%ld: %s", file, line, msg);
	return error("%s: %s", file, msg);
}

void warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("warning: ", 0, fmt, ap);
	va_end(ap);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(NULL, 1, fmt, ap);
	va_end(ap);
	exit(1);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory (%zu bytes)", n);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		die("out of memory (%zu x %zu bytes)", nmemb, size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die("out of memory (%zu bytes)", n);
	return q;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrdup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

int parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (!s || !*s || *s == ' ' || *s == '\t')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int d = lower((unsigned char)*a) - lower((unsigned char)*b);

		if (d || !*a)
			return d;
	}
	return 0;
}

int ascii_casecmp(const char *a, const char *b)
{
	return ascii_ncasecmp(a, b, (size_t)-1);
}

int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

char *trim(char *s)
{
	char *start = s, *end;
	size_t n;

	while (is_space((unsigned char)*start))
		start++;
	end = start + strlen(start);
	while (end > start && is_space((unsigned char)end[-1]))
		end--;
	n = (size_t)(end - start);
	memmove(s, start, n);
	s[n] = '\0';
	return s;
}

void strlist_init(struct strlist *l)
{
	l->v = NULL;
	l->n = l->alloc = 0;
}

void strlist_add_owned(struct strlist *l, char *s)
{
	ALLOC_GROW(l->v, l->n + 1, l->alloc);
	l->v[l->n++] = s;
}

void strlist_add(struct strlist *l, const char *s)
{
	strlist_add_owned(l, xstrdup(s));
}

int strlist_has(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return 1;
	return 0;
}

void strlist_add_unique(struct strlist *l, const char *s)
{
	if (!strlist_has(l, s))
		strlist_add(l, s);
}

void strlist_release(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	strlist_init(l);
}

unsigned long long fnv64(unsigned long long h, const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n--) {
		h ^= *c++;
		h *= 0x100000001b3ULL;
	}
	return h;
}
