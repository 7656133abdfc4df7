/* Periods and filters as the command line takes them (--month, --from, --country, ...). */
#include "fuzz.h"
#include "cli/cli.h"
#include "cli/filter.h"
#include "queries/query.h"

/* The command table lives in cli/main.c, which a harness does not link: no command here. */
const struct command *command_find(const char *name)
{
	(void)name;
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), *t = fuzz_string(data, size);
	struct query_period p;
	struct filter_options o;
	static const int opts[] = {
		FILTER_OPT_FROM, FILTER_OPT_TO, FILTER_OPT_COUNTRY, FILTER_OPT_SECTOR,
		FILTER_OPT_TYPE, FILTER_OPT_LIMIT, FILTER_OPT_MONTH, FILTER_OPT_QUARTER,
		FILTER_OPT_YEAR,
	};

	query_period_parse_month(&p, s, "2024-06-15");
	query_period_parse_quarter(&p, s);
	query_period_parse_year(&p, s);
	query_period_range(&p, s, s);
	filter_options_init(&o);
	filter_option("fuzz", &o, opts[size % (sizeof(opts) / sizeof(opts[0]))], t);
	filter_resolve("fuzz", &o);
	filter_options_release(&o);
	free(s);
	free(t);
	return 0;
}
