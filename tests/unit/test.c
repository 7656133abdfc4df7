/* nftw() is an X/Open function. */
#define _XOPEN_SOURCE 700

#include "test.h"

#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int test_failed_checks;
static int passed, failed;
static const char *current;
static char tmpdir[256];
/* Every folder test_tmpdir() made, removed by test_done(). */
static char **made;
static size_t made_nr;

void test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "# %s:%d: in '%s': ", file, line, current);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	test_failed_checks++;
}

const char *test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");

	snprintf(tmpdir, sizeof(tmpdir), "%s/ibrief-test-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		exit(1);
	}
	made = realloc(made, (made_nr + 1) * sizeof(*made));
	if (!made || !(made[made_nr] = strdup(tmpdir))) {
		perror("test_tmpdir");
		exit(1);
	}
	made_nr++;
	return tmpdir;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void test_run(const char *name, void (*fn)(void))
{
	int before = test_failed_checks;

	current = name;
	fn();
	fflush(stderr);
	if (test_failed_checks == before) {
		passed++;
		printf("ok - %s\n", name);
	} else {
		failed++;
		printf("not ok - %s\n", name);
	}
	fflush(stdout);
}

int test_done(void)
{
	for (size_t i = 0; i < made_nr; i++) {
		nftw(made[i], remove_one, 16, FTW_DEPTH | FTW_PHYS);
		free(made[i]);
	}
	free(made);
	return failed ? 1 : 0;
}

static int saved_stderr = -1;
static char capture_path[4096];

void test_capture_start(void)
{
	int fd;

	snprintf(capture_path, sizeof(capture_path), "%s/stderr", test_tmpdir());
	fflush(stderr);
	saved_stderr = dup(2);
	fd = open(capture_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 2);
	close(fd);
}

const char *test_capture_end(void)
{
	static char text[4096];
	FILE *f;
	size_t n;

	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	f = fopen(capture_path, "r");
	n = f ? fread(text, 1, sizeof(text) - 1, f) : 0;
	text[n] = '\0';
	if (f)
		fclose(f);
	return text;
}
