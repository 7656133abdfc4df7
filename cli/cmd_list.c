#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "filter.h"
#include "../queries/query.h"
#include "../store/export.h"
#include "../util/banned.h"

const char list_help[] =
	"usage: ibrief list [PERIOD] [FILTERS] [--limit N] [--format table|csv|json]\n"
	"\n"
	"Lists the incidents that match, newest first.\n"
	"\n"
	"Period (one of; default: every incident, the undated too):\n"
	"  --month M         YYYY-MM; 'last' (the calendar month before today) or\n"
	"                    'latest' (the newest month with an incident that matches)\n"
	"  --quarter Q       YYYY-Qn\n"
	"  --year YYYY\n"
	"  --from DATE       on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)\n"
	"  --to DATE         on or before DATE\n"
	"An incident is listed when its whole date lies in the period, as 'ibrief\n"
	"query' counts it: one known only to 2024 is in the year 2024 but in none of\n"
	"its months, so a month lists as many incidents as its overview counts.\n"
	"\n"
	"Filters:\n"
	"  --country CC[,CC...]  victim countries: ISO codes or English names\n"
	"  --sector S        a NAICS code prefix (92) or a sector name\n"
	"  --public-sector   public bodies only\n"
	"  --type T          an incident type (see 'ibrief help query')\n"
	"\n"
	"Output:\n"
	"  --limit N         at most N incidents\n"
	"  --format F        table (default), csv (RFC 4180 with a header) or json\n"
	HELP_DB("         ", "                    ")
	"\n"
	"Example:\n"
	"  ibrief list --month 2024-04 --country NL --format csv\n";

enum list_format { LIST_TABLE, LIST_CSV, LIST_JSON };

struct list_state {
	enum list_format format;
	long count;
};

static int print_one(const struct incident *inc, void *arg)
{
	struct list_state *ls = arg;
	json_t *o;

	switch (ls->format) {
	case LIST_TABLE:
		incident_table_row(stdout, inc);
		break;
	case LIST_CSV:
		incident_csv_row(stdout, inc);
		break;
	case LIST_JSON:
		/* Streamed one object at a time: a long list is never held whole. */
		o = incident_json(inc);
		fputs(ls->count ? ",\n" : "\n", stdout);
		json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(o);
		break;
	}
	ls->count++;
	return ferror(stdout) ? -1 : 0;
}


static int parse_list_format(const char *s, enum list_format *out)
{
	if (!strcmp(s, "table"))
		*out = LIST_TABLE;
	else if (!strcmp(s, "csv"))
		*out = LIST_CSV;
	else if (!strcmp(s, "json"))
		*out = LIST_JSON;
	else
		return -1;
	return 0;
}

int cmd_list(int argc, char **argv)
{
	/* --limit is the list's own (incidents shown), not FILTER_OPTION_LIMIT. */
	static const struct option options[] = {
		OPT_DB,
		FILTER_OPTIONS,
		{ "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct filter_options f;
	struct list_state ls = { LIST_TABLE, 0 };
	struct store *st = NULL;
	long max = 0;
	int c, ret = 0;

	filter_options_init(&f);
	while (!ret && (c = cli_getopt(argc, argv, ":h", options)) != -1) {
		ret = filter_option("list", &f, c, optarg);
		if (ret != 1)
			continue;
		ret = 0;
		switch (c) {
		case 'l':
			if (parse_long(optarg, 1, 1000000000, &max) < 0)
				ret = usage_error("list", "--limit: '%s' is not a whole number from 1 up", optarg);
			break;
		case 'F':
			if (parse_list_format(optarg, &ls.format) < 0)
				ret = usage_error("list", "--format: '%s' is not one of table, csv, json", optarg);
			break;
		case 'h':
			filter_options_release(&f);
			return print_help("list");
		default:
			ret = getopt_error("list", c, argv);
		}
	}
	if (!ret && optind < argc)
		ret = usage_error("list", "unexpected argument '%s'", argv[optind]);
	if (!ret)
		ret = filter_resolve("list", &f);
	if (ret)
		goto out;
	ret = EXIT_WORK;
	if (cli_open_store(&st, STORE_READ) < 0 || filter_resolve_latest(&f, st))
		goto out;
	if (ls.format == LIST_TABLE)
		incident_table_header(stdout);
	else if (ls.format == LIST_CSV)
		incident_csv_header(stdout);
	else
		fputs("[", stdout);
	ret = query_list(st, &f.filter, max, print_one, &ls);
	if (ls.format == LIST_JSON)
		fputs(ls.count ? "\n]\n" : "]\n", stdout);
	ret = finish_output(ret < 0 ? EXIT_WORK : 0);
out:
	store_close(st);
	filter_options_release(&f);
	return ret;
}
