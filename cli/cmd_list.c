#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../queries/query.h"
#include "../store/export.h"
#include "../util/country.h"
#include "../util/banned.h"

const char list_help[] =
	"usage: ibrief list [--from DATE] [--to DATE] [--country CC] [--public-sector]\n"
	"                   [--limit N] [--format table|csv|json]\n"
	"\n"
	"Lists the incidents that match, newest first.\n"
	"\n"
	"Options:\n"
	"  --from DATE       on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)\n"
	"  --to DATE         on or before DATE; an incident known only to the month\n"
	"                    or year matches when any of its days is in the range\n"
	"  --country CC      victim country: ISO code (BE) or English name (Belgium)\n"
	"  --public-sector   public bodies only\n"
	"  --limit N         at most N incidents\n"
	"  --format F        table (default), csv (RFC 4180 with a header) or json\n"
	HELP_DB("         ", "                    ")
	"\n"
	"Example:\n"
	"  ibrief list --from 2024-04 --to 2024-04 --country NL --format csv\n";

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
	static const struct option options[] = {
		OPT_DB,
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "country", required_argument, NULL, 'c' },
		{ "public-sector", no_argument, NULL, 'p' },
		{ "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_filter filter = { 0 };
	struct list_state ls = { LIST_TABLE, 0 };
	struct store *st = NULL;
	char from[11], to[11];
	int c, ret;

	while ((c = cli_getopt(argc, argv, ":h", options)) != -1) {
		switch (c) {
		case 'f':
			if (query_date_bound(optarg, 0, from) < 0)
				return usage_error("list", "--from: '%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", optarg);
			filter.from = from;
			break;
		case 't':
			if (query_date_bound(optarg, 1, to) < 0)
				return usage_error("list", "--to: '%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", optarg);
			filter.to = to;
			break;
		case 'c':
			filter.country = country_code(optarg);
			if (!filter.country)
				return usage_error("list", "--country: '%s' is not an ISO 3166-1 country", optarg);
			break;
		case 'p':
			filter.public_only = 1;
			break;
		case 'l':
			if (parse_long(optarg, 1, 1000000000, &filter.limit) < 0)
				return usage_error("list", "--limit: '%s' is not a whole number from 1 up", optarg);
			break;
		case 'F':
			if (parse_list_format(optarg, &ls.format) < 0)
				return usage_error("list", "--format: '%s' is not one of table, csv, json", optarg);
			break;
		case 'h':
			return print_help("list");
		default:
			return getopt_error("list", c, argv);
		}
	}
	if (optind < argc)
		return usage_error("list", "unexpected argument '%s'", argv[optind]);
	if (filter.from && filter.to && strcmp(filter.from, filter.to) > 0)
		return usage_error("list", "--from %s is after --to %s", filter.from, filter.to);
	if (cli_open_store(&st, STORE_READ) < 0)
		return EXIT_WORK;

	if (ls.format == LIST_TABLE)
		incident_table_header(stdout);
	else if (ls.format == LIST_CSV)
		incident_csv_header(stdout);
	else
		fputs("[", stdout);
	ret = store_list(st, &filter, print_one, &ls);
	if (ls.format == LIST_JSON)
		fputs(ls.count ? "\n]\n" : "]\n", stdout);
	store_close(st);
	return finish_output(ret < 0 ? EXIT_WORK : 0);
}
