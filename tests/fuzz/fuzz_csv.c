/* The csv importer, as `ibrief import --format csv` reads a file. */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_parse(csvin_parse, "csv", data, size);
	return 0;
}
