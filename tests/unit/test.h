#ifndef TEST_H
#define TEST_H

/*
 * A small unit-test harness. Each test is a function run by test_run() with
 * a sentence for a name; CHECK* macros record a failure with file and line
 * and let the test go on. Output is one "ok - NAME" or "not ok - NAME" line
 * per test, which tests/run.sh counts; test_done() returns the exit code.
 */

#include <stdio.h>
#include <string.h>

extern int test_failed_checks;

void test_run(const char *name, void (*fn)(void));
int test_done(void);
/* Makes a fresh directory for the running test and returns its path. */
const char *test_tmpdir(void);

/*
 * Between test_capture_start() and test_capture_end(), stderr goes to a
 * file in test_tmpdir(); test_capture_end() restores it and returns what
 * was written (at most 4 KiB), in a static buffer.
 */
void test_capture_start(void);
const char *test_capture_end(void);
void test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define CHECK(cond) \
	do { if (!(cond)) test_fail(__FILE__, __LINE__, "%s", #cond); } while (0)

#define CHECK_INT(a, b) \
	do { \
		long long a_ = (long long)(a), b_ = (long long)(b); \
		if (a_ != b_) \
			test_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, a_, b_); \
	} while (0)

#define CHECK_STR(a, b) \
	do { \
		const char *a_ = (a), *b_ = (b); \
		if (!a_ || !b_ || strcmp(a_, b_)) \
			test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a, \
				  a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
	} while (0)

#define CHECK_NULL(a) \
	do { if ((a) != NULL) test_fail(__FILE__, __LINE__, "%s is not NULL", #a); } while (0)

#define CHECK_DBL(a, b) \
	do { \
		double a_ = (a), b_ = (b); \
		if (a_ - b_ > 1e-9 || b_ - a_ > 1e-9) \
			test_fail(__FILE__, __LINE__, "%s == %g, expected %g", #a, a_, b_); \
	} while (0)

#endif
