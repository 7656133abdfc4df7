/* The page importer, as `ibrief import --format page` reads a file. */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_parse(page_parse, "page", data, size);
	return 0;
}
