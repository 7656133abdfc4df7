#include "test.h"

#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

int test_failed_checks;
static int passed, failed;
static const char *current;
static char tmpdir[256];

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
	return tmpdir;
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
	return failed ? 1 : 0;
}
