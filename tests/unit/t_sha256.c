/* util/sha256.c against the FIPS 180-4 examples and sha256sum. */
#include <string.h>

#include "test.h"
#include "util/sha256.h"

static void check(const char *file, int line, const void *data, size_t len, const char *want)
{
	char got[65];

	sha256_hex(data, len, got);
	if (strcmp(got, want))
		test_fail(file, line, "sha256 of %zu bytes is %s, expected %s", len, got, want);
}
#define CHECK_SHA(s, n, want) check(__FILE__, __LINE__, (s), (n), (want))

static void test_digests_match_the_standard_examples(void)
{
	CHECK_SHA("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	CHECK_SHA("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	CHECK_SHA("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_lengths_around_a_block_boundary(void)
{
	char a[130];

	memset(a, 'a', sizeof(a));
	/* printf 'a%.0s' $(seq N) | sha256sum */
	CHECK_SHA(a, 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
	CHECK_SHA(a, 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
	CHECK_SHA(a, 129, "c12cb024a2e5551cca0e08fce8f1c5e314555cc3fef6329ee994a3db752166ae");
}

int main(void)
{
	test_run("digests match the FIPS 180-4 examples", test_digests_match_the_standard_examples);
	test_run("lengths around a 64-byte block give sha256sum's digests",
		 test_lengths_around_a_block_boundary);
	return test_done();
}
