/*
 * Parse-only benchmark of the VERIS reader: runs veris_parse() (JSON and
 * the mapping) over a file with a callback that only counts, and prints
 * records per second. The store is not involved; bench/import.sh measures
 * the whole import.
 *
 *   make BUILD=build/vj build/vj/libibrief.a &&
 *   cc -std=c11 -O2 -I. $(pkg-config --cflags cairo) -o /tmp/vpb bench/veris_parse_bench.c \
 *       build/vj/libibrief.a $(pkg-config --libs sqlite3 jansson yajl zlib cairo fontconfig) \
 *       -lcsv -lm &&
 *   /tmp/vpb /work/shared/data/vcdb/vcdb.jsonl.gz 10
 *
 * Run it on the .gz and on an uncompressed copy: zlib's share shows in
 * the difference. With several rounds it reports the best, as the first
 * may pay for the page cache.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "store/parse.h"
#include "util/banned.h"

static int count(struct parse_ctx *ctx, struct incident *inc)
{
	(void)ctx;
	(void)inc;
	return 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	long rounds = argc > 2 ? strtol(argv[2], NULL, 10) : 5;
	double best = 0;
	long records = 0, rejected = 0;

	if (argc < 2 || rounds < 1) {
		fprintf(stderr, "usage: veris_parse_bench FILE [ROUNDS]\n");
		return 2;
	}
	for (long r = 0; r < rounds; r++) {
		struct input in;
		struct parse_ctx ctx = { .format = "veris", .skip_bad = 1, .on_record = count, .in = &in };
		double t0, t;

		if (input_open(&in, argv[1]) < 0)
			return 1;
		t0 = now();
		if (veris_parse(&ctx) < 0)
			return 1;
		t = now() - t0;
		input_close(&in);
		if (!r || t < best)
			best = t;
		records = ctx.records;
		rejected = ctx.rejected;
	}
	printf("%ld records (%ld rejected) in %.4f s: %.0f records/s\n", records, rejected, best,
	       (double)records / best);
	return 0;
}
