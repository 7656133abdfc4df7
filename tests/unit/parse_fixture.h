#ifndef PARSE_FIXTURE_H
#define PARSE_FIXTURE_H

/*
 * What the importer tests (t_csv.c, t_page.c, t_veris.c, t_veris_map.c)
 * share: running one parser over a file with its good records collected and
 * its messages caught, and checks on what it gave. Each test file names its
 * parser and fixture directory in a local run(). The Makefile links each
 * tests/unit/t_*.c with test.c alone, so the functions here are static
 * inline: each program gets its own copy and no warning for those it does
 * not use.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "test.h"
#include "store/parse.h"
#include "util/buf.h"

/* One run of a parser over a file; run_release() frees it. */
struct run {
	int ret;		/* the parser's, or -2 if the file did not open */
	long records, rejected;
	struct incident *inc;	/* the good records, taken over from the parser */
	size_t nr, alloc;
	size_t stop_after;	/* on_record asks to stop after this many; 0 never */
	size_t digested;	/* records that came with ctx->digest set */
	size_t wrong_digest;	/* ... and whose digest was not incident_digest()'s */
	char *err;		/* what the parser wrote to standard error */
};

/* The on_record callback: keeps `inc` in the run of ctx->data. */
static inline int take(struct parse_ctx *ctx, struct incident *inc)
{
	struct run *r = ctx->data;

	if (ctx->digest) {
		r->digested++;
		r->wrong_digest += ctx->digest != incident_digest(inc);
	}
	ALLOC_GROW(r->inc, r->nr + 1, r->alloc);
	r->inc[r->nr++] = *inc;
	incident_init(inc);	/* the parser releases it: leave it nothing */
	return r->stop_after && r->nr >= r->stop_after ? -1 : 0;
}

/* Reads all of `f` from its start into a new string the caller frees. */
static inline char *slurp(FILE *f)
{
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	rewind(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	return buf_detach(&b, NULL);
}

/*
 * Runs `parse` over `path` as `format` (what parse_ctx.format and each
 * incident's format say) into `r`, which it clears first, capturing standard
 * error into r->err. on_record asks to stop after `stop_after` records (0:
 * never). A file that does not open is a test failure and r->ret -2.
 */
/* How a run calls its parser: parse(ctx) itself, or parse_threaded(). */
typedef int parse_fn(struct parse_ctx *ctx);
static inline int parse_here(parse_fn *parse, struct parse_ctx *ctx)
{
	return parse(ctx);
}

/* run_parser(), with the parser called through `runner`. */
static inline void run_parser_by(struct run *r, int (*runner)(parse_fn *, struct parse_ctx *),
				 parse_fn *parse, const char *format, const char *path,
				 int skip_bad, size_t stop_after)
{
	struct parse_ctx ctx = { .format = format, .skip_bad = skip_bad, .on_record = take, .data = r };
	struct input in;
	FILE *cap;
	int saved;

	memset(r, 0, sizeof(*r));
	r->stop_after = stop_after;
	cap = tmpfile();
	if (!cap) {
		test_fail(__FILE__, __LINE__, "tmpfile failed");
		return;
	}
	fflush(stderr);
	saved = dup(2);
	dup2(fileno(cap), 2);
	if (input_open(&in, path) < 0) {
		r->ret = -2;
	} else {
		ctx.in = &in;
		r->ret = runner(parse, &ctx);
		input_close(&in);
	}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	r->records = ctx.records;
	r->rejected = ctx.rejected;
	r->err = slurp(cap);
	fclose(cap);
	if (r->ret == -2)
		test_fail(__FILE__, __LINE__, "cannot open %s: %s", path, r->err);
}

static inline void run_parser(struct run *r, parse_fn *parse, const char *format,
			      const char *path, int skip_bad, size_t stop_after)
{
	run_parser_by(r, parse_here, parse, format, path, skip_bad, stop_after);
}

/* Frees what `r` holds and clears it. */
static inline void run_release(struct run *r)
{
	for (size_t i = 0; i < r->nr; i++)
		incident_release(&r->inc[i]);
	free(r->inc);
	free(r->err);
	memset(r, 0, sizeof(*r));
}

/* Checks that the parser's messages contain `want`. */
#define CHECK_ERR(r, want) \
	do { \
		if (!strstr((r)->err, (want))) \
			test_fail(__FILE__, __LINE__, "messages lack \"%s\"; they were:\n%s", \
				  (want), (r)->err); \
	} while (0)

/* The number of messages (one a line) in `s`. */
static inline size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Checks that list `l` is `want`, its items joined by '|'. */
static inline void check_list(const char *file, int line, const struct strlist *l, const char *want)
{
	struct buf got = BUF_INIT;

	for (size_t i = 0; i < l->n; i++)
		buf_addf(&got, "%s%s", i ? "|" : "", l->v[i]);
	if (strcmp(got.buf, want))
		test_fail(file, line, "list is \"%s\", expected \"%s\"", got.buf, want);
	buf_release(&got);
}
#define CHECK_LIST(l, want) check_list(__FILE__, __LINE__, (l), (want))

/* Checks the date of `inc` as incident_date_string() writes it. */
static inline void check_date(const char *file, int line, const struct incident *inc, const char *want)
{
	char got[11];

	incident_date_string(inc, got);
	if (strcmp(got, want))
		test_fail(file, line, "date is \"%s\", expected \"%s\"", got, want);
}
#define CHECK_DATE(inc, want) check_date(__FILE__, __LINE__, (inc), (want))

/*
 * Writes `text` (len bytes) gzip-compressed at `level`, as gzip writes it,
 * to `path`; with `corrupt_at` > 0 the 64 compressed bytes from there on
 * are garbled, so that inflate fails there, after the text before it.
 */
static inline void write_gz(const char *path, const char *text, size_t len, int level,
			    unsigned long corrupt_at)
{
	unsigned long zlen = compressBound(len) + 32;
	unsigned char *z = xmalloc(zlen);
	z_stream zs = { .next_in = (unsigned char *)text, .avail_in = (uInt)len,
			.next_out = z, .avail_out = (uInt)zlen };
	FILE *f;

	deflateInit2(&zs, level, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);	/* 31: gzip */
	deflate(&zs, Z_FINISH);
	zlen = zs.total_out;
	deflateEnd(&zs);
	CHECK(corrupt_at < zlen);
	for (unsigned long i = corrupt_at; corrupt_at && i < zlen && i < corrupt_at + 64; i++)
		z[i] ^= 0x5a;
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f) {
		fwrite(z, 1, zlen, f);
		fclose(f);
	}
	free(z);
}

#endif
