/* Briefing templates (YAML), as `ibrief report --template FILE` reads one. */
#include "fuzz.h"
#include "report/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct template t;

	memset(&t, 0, sizeof(t));
	if (template_parse(&t, "fuzz.yaml", (const char *)data, size) == 0)
		template_release(&t);
	return 0;
}
