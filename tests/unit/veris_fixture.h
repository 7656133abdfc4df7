#ifndef VERIS_FIXTURE_H
#define VERIS_FIXTURE_H

/*
 * What t_veris.c and t_veris_map.c share: running veris_parse() over a
 * file with its records and messages caught, and the names of the records
 * of the fixtures. The Makefile links each tests/unit/t_*.c with test.c
 * alone, so the functions here are static inline: each program gets its
 * own copy and no warning for those it does not use.
 *
 * sample.jsonl.gz is the shared 300-record VCDB sample; quirks.jsonl holds
 * 21 of its lines unchanged (see tests/data/veris/README.md); the other
 * files are written for one behaviour each.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "store/parse.h"
#include "util/buf.h"

#define DATA "tests/data/veris/"

/* One run of the parser over a file. */
struct run {
	int ret;
	long records, rejected;
	struct incident *inc;	/* the good records, taken over from the parser */
	size_t nr, alloc;
	size_t stop_after;	/* on_record asks to stop after this many; 0 never */
	char *err;		/* what the parser wrote to stderr */
};

static inline int take(struct parse_ctx *ctx, struct incident *inc)
{
	struct run *r = ctx->data;

	ALLOC_GROW(r->inc, r->nr + 1, r->alloc);
	r->inc[r->nr++] = *inc;
	incident_init(inc);	/* the parser releases it: leave it nothing */
	return r->stop_after && r->nr >= r->stop_after ? -1 : 0;
}

/* Reads all of `f` from its start. */
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

/* Runs veris_parse() over `path`, capturing standard error. */
static inline void run_path(struct run *r, const char *path, int skip_bad)
{
	struct parse_ctx ctx = { .format = "veris", .skip_bad = skip_bad, .on_record = take, .data = r };
	struct input in;
	FILE *cap = tmpfile();
	int saved;

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
		r->ret = veris_parse(&ctx);
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

static inline void run(struct run *r, const char *name, int skip_bad)
{
	char path[256];

	memset(r, 0, sizeof(*r));
	snprintf(path, sizeof(path), DATA "%s", name);
	run_path(r, path, skip_bad);
}

static inline void run_release(struct run *r)
{
	for (size_t i = 0; i < r->nr; i++)
		incident_release(&r->inc[i]);
	free(r->inc);
	free(r->err);
}

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

/* Sample and quirk keys, named for what they show. */
#define DUPLICATE "00163384-B4D7-46D5-9E6F-543DFB00F598"
#define YEAR_ONLY "00224226-4A39-435C-BFFD-672B5D61C7C1"
#define MONTHS "053b6e58-d51b-41b9-b34e-c93338e280d8"
#define BARE_92 "05449222-6D97-4F2F-9D69-D7C883B6CDC3"
#define FLOATS "0A1608F8-E224-4E4D-9385-0A37CE9A3FC9"
#define RANSOMWARE "0f5420d5-039d-4568-805f-09e5a830ed6d"
#define POLICE "12BABA8B-0278-4824-B009-43CD68108F2F"
#define UNKNOWNS "1AB6CA6E-2D3D-43A7-A9ED-4667F86388E0"
#define NO_COUNTRY "1DADA442-B03F-4CC1-8C1C-89D19D568514"
#define DOS "1EF9CAD4-E31D-4506-83FD-7DC218929CB3"
#define COMMAS "1afcc8c1-07ce-4900-bf82-69f64e6400b1"
#define TWO_COUNTRIES "1ed73372-b0e9-40ba-bca0-dd32bb15f43b"
#define ENVIRONMENTAL "201F17BF-D8C6-4AF5-AB0A-66EA492EAFB1"
#define SPACES "21dbfac0-6c6a-4e53-9fb0-9e201467fe42"
#define NAICS_000 "230ADF5A-6BA5-4541-80EC-2E27C02BF99A"
#define MAILBOX "508D2E23-A892-4A69-A07A-C9351B965144"
#define EMPTY_SUMMARY "BCB88461-5249-46C3-BD5F-8424A55B2164"
#define COURT "DD3FE7DA-5062-46BB-9816-86E7DAF1DDEB"
#define NO_URL "b83c7cf9-9a46-4ed4-ba46-0f7516ed9494"
#define FEB_29 "f3c87c0b-0756-4f26-adab-c1b5b9b4c512"

#endif
