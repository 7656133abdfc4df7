/*
 * A parser on its own thread (store/parse_thread.c, parse_threaded()) gives
 * what the parser gives alone: every importer fixture is read both ways,
 * with and without skip-bad, and with on_record refusing a record early,
 * and the two runs must agree on the return value, the counts, the
 * messages byte for byte, and each record handed over.
 */
#include <dirent.h>
#include <stdlib.h>
#include <zlib.h>

#include "test.h"
#include "store/parse.h"
#include "parse_fixture.h"
#include "util/banned.h"

/* Checks that `got`, through parse_threaded(), is `want`, the parser alone. */
static void check_same(const char *what, const struct run *got, const struct run *want)
{
	if (got->ret != want->ret || got->records != want->records ||
	    got->rejected != want->rejected || got->nr != want->nr) {
		test_fail(__FILE__, __LINE__,
			  "%s: ret %d, %ld records, %ld rejected, %zu taken; alone %d, %ld, %ld, %zu",
			  what, got->ret, got->records, got->rejected, got->nr, want->ret,
			  want->records, want->rejected, want->nr);
		return;
	}
	if (strcmp(got->err, want->err))
		test_fail(__FILE__, __LINE__, "%s: messages\n%s\nalone\n%s", what, got->err,
			  want->err);
	/* Each record comes with its digest, made on the parser's thread. */
	if (got->digested != got->nr || got->wrong_digest)
		test_fail(__FILE__, __LINE__, "%s: %zu of %zu records came with a digest, %zu wrong",
			  what, got->digested, got->nr, got->wrong_digest);
	for (size_t i = 0; i < got->nr; i++) {
		const struct incident *a = &got->inc[i], *b = &want->inc[i];

		if (strcmp(a->key, b->key) || incident_digest(a) != incident_digest(b) ||
		    a->line != b->line || a->record != b->record || strcmp(a->file, b->file))
			test_fail(__FILE__, __LINE__, "%s: record %zu is %s line %ld, alone %s line %ld",
				  what, i + 1, a->key, a->line, b->key, b->line);
	}
}

/* Reads `path` both ways in every mode and compares. */
static void compare_file(parse_fn *parse, const char *format, const char *path)
{
	static const size_t stops[] = { 0, 1, 2, 100 };
	char what[512];

	for (int skip_bad = 0; skip_bad <= 1; skip_bad++) {
		for (size_t s = 0; s < ARRAY_SIZE(stops); s++) {
			struct run alone, threaded;

			run_parser(&alone, parse, format, path, skip_bad, stops[s]);
			run_parser_by(&threaded, parse_threaded, parse, format, path, skip_bad,
				      stops[s]);
			snprintf(what, sizeof(what), "%s (skip-bad %d, stop after %zu)", path,
				 skip_bad, stops[s]);
			check_same(what, &threaded, &alone);
			run_release(&alone);
			run_release(&threaded);
		}
	}
}

/* Every regular file of `dir` whose name ends in `ext`. */
static void compare_dir(parse_fn *parse, const char *format, const char *dir, const char *ext)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	if (!d) {
		test_fail(__FILE__, __LINE__, "cannot open %s", dir);
		return;
	}
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name), elen = strlen(ext);
		char path[512];

		if (len <= elen || strcmp(e->d_name + len - elen, ext))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		compare_file(parse, format, path);
		n++;
	}
	closedir(d);
	CHECK(n > 3);
}

static void test_veris_fixtures(void)
{
	compare_dir(veris_parse, "veris", "tests/data/veris", ".json");
	compare_dir(veris_parse, "veris", "tests/data/veris", ".jsonl");
	/* 300 records: more than the queue holds, so the parser waits for the store. */
	compare_file(veris_parse, "veris", "tests/data/veris/sample.jsonl.gz");
}

static void test_csv_fixtures(void)
{
	compare_dir(csvin_parse, "csv", "tests/data/csv", ".csv");
}

static void test_page_fixtures(void)
{
	compare_dir(page_parse, "page", "tests/data/page", ".txt");
}

/*
 * Writes the sample's records, gzip-compressed, to `path` with the
 * compressed bytes from `at` on overwritten: the records before it are
 * read, then inflate fails in the parser's thread.
 */
static void write_corrupt_gz(const char *path, long at)
{
	gzFile in = gzopen("tests/data/veris/sample.jsonl.gz", "rb");
	struct buf text = BUF_INIT;
	char chunk[8192];
	int n;

	while (in && (n = gzread(in, chunk, sizeof(chunk))) > 0)
		buf_add(&text, chunk, (size_t)n);
	if (in)
		gzclose(in);
	write_gz(path, text.buf, text.len, 6, (unsigned long)at);
	buf_release(&text);
}

static void test_corrupt_gzip(void)
{
	char path[512];
	struct run alone, threaded;

	snprintf(path, sizeof(path), "%s/corrupt.jsonl.gz", test_tmpdir());
	write_corrupt_gz(path, 100000);
	run_parser(&alone, veris_parse, "veris", path, 1, 0);
	run_parser_by(&threaded, parse_threaded, veris_parse, "veris", path, 1, 0);
	CHECK_INT(threaded.ret, -1);
	CHECK(threaded.nr > 0);
	CHECK_ERR(&threaded, "read error");
	check_same(path, &threaded, &alone);
	run_release(&alone);
	run_release(&threaded);
}

int main(void)
{
	test_run("a parser on its own thread reads every VERIS fixture as it does alone",
		 test_veris_fixtures);
	test_run("a parser on its own thread reads every CSV fixture as it does alone",
		 test_csv_fixtures);
	test_run("a parser on its own thread reads every page fixture as it does alone",
		 test_page_fixtures);
	test_run("a gzip file corrupt mid-way gives the records before it and its read error",
		 test_corrupt_gzip);
	return test_done();
}
