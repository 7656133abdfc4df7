/* The configuration file, and the sizes it may hold. */
#include "fuzz.h"
#include "util/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg;
	char *s = fuzz_string(data, size);
	size_t n;

	config_init(&cfg);
	config_parse(&cfg, "fuzz.conf", (const char *)data, size);
	config_release(&cfg);
	config_parse_size(s, &n);
	free(s);
	return 0;
}
