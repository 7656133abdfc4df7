/* util/scratch.c: working memory kept from use to use, on huge page boundaries. */
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>

#include "test.h"
#include "util/scratch.h"

static long minor_faults(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

static void test_a_scratch_keeps_its_memory_for_a_smaller_size(void)
{
	struct scratch s = SCRATCH_INIT;
	unsigned char *a = scratch_get(&s, 12 << 20), *b;
	long before;

	CHECK(a != NULL);
	CHECK_INT((uintptr_t)a % (2 << 20), 0);
	CHECK(s.cap >= 12 << 20);
	memset(a, 0xff, 12 << 20);
	/* Used again, it is the same memory: no page is new, none faults. */
	before = minor_faults();
	b = scratch_get(&s, 4 << 20);
	CHECK(b == a);
	memset(b, 0, 12 << 20);
	CHECK(minor_faults() - before < 16);
	scratch_release(&s);
	CHECK_NULL(s.mem);
	CHECK_INT(s.cap, 0);
}

static void test_a_scratch_grows_when_a_larger_size_is_asked(void)
{
	struct scratch s = SCRATCH_INIT;
	unsigned char *a;

	a = scratch_get(&s, 1);
	CHECK(a != NULL && s.cap >= 1);
	a[0] = 1;
	a = scratch_get(&s, s.cap + 1);
	CHECK(s.cap >= 4 << 20);
	CHECK_INT((uintptr_t)a % (2 << 20), 0);
	a[s.cap - 1] = 1;
	scratch_release(&s);
	scratch_release(&s);	/* twice is harmless */
}

int main(void)
{
	test_run("a scratch keeps its memory for a smaller size",
		 test_a_scratch_keeps_its_memory_for_a_smaller_size);
	test_run("a scratch grows when a larger size is asked",
		 test_a_scratch_grows_when_a_larger_size_is_asked);
	return test_done();
}
