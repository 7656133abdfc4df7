/* The veris importer, as `ibrief import --format veris` reads a file. */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_parse(veris_parse, "veris", data, size);
	return 0;
}
