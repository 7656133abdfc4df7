#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "filter.h"
#include "../queries/query.h"
#include "../util/buf.h"
#include "../util/banned.h"

const char query_help[] =
	"usage: ibrief query NAME [PERIOD] [FILTERS] [--limit N]\n"
	"                    [--format table|csv|json [--meta]]\n"
	"   or: ibrief query --list\n"
	"\n"
	"Runs a named query over the incidents of a period; a briefing is made of\n"
	"these answers. 'ibrief query --list' names the queries.\n"
	"\n"
	"Period (one of; default: all dates):\n"
	"  --month M         YYYY-MM; 'last' (the calendar month before today) or\n"
	"                    'latest' (the newest month with an incident that matches)\n"
	"  --quarter Q       YYYY-Qn\n"
	"  --year YYYY\n"
	"  --from DATE       on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)\n"
	"  --to DATE         on or before DATE\n"
	"An incident counts when its whole date lies in the period: one known only to\n"
	"2024 is in the year 2024 but in none of its months or quarters. Such\n"
	"incidents are reported as left out. Results compare with the previous\n"
	"month, quarter, year, or the same number of days before --from.\n"
	"\n"
	"Filters:\n"
	"  --country CC[,CC...]  victim countries: ISO codes or English names\n"
	"  --sector S        a NAICS code prefix (92) or a sector name\n"
	"  --public-sector   public bodies only\n"
	"  --type T          an incident type: ransomware, account compromise, phishing,\n"
	"                    denial of service, data breach, intrusion, malware, insider\n"
	"                    misuse, error, theft or loss, environmental, other\n"
	"\n"
	"Output:\n"
	"  --limit N         rows of notable, techniques, motives, actors (default 10)\n"
	"  --format F        table (default), csv (RFC 4180 with a header) or json (an\n"
	"                    array of objects, one per row)\n"
	"  --meta            json: an object with the period, n, left_out, the figures\n"
	"                    and the rows\n"
	HELP_DB("         ", "                    ")
	"\n"
	"Examples:\n"
	"  ibrief query by-country --month 2024-04 --format csv\n"
	"  ibrief query notable --month latest --country BE,NL --limit 5\n";

enum query_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };

struct query_options {
	const char *name;
	int list, meta;
	enum query_format format;
	struct filter_options f;
};

/* "overview, by-country, ..." in a new string the caller frees. */
static char *query_names(void)
{
	struct buf names = BUF_INIT;

	for (size_t i = 0; i < query_catalog_nr; i++)
		buf_addf(&names, "%s%s", i ? ", " : "", query_catalog[i]->name);
	return buf_detach(&names, NULL);
}

static int parse_format(struct query_options *o, const char *arg)
{
	if (!strcmp(arg, "table"))
		o->format = FORMAT_TABLE;
	else if (!strcmp(arg, "csv"))
		o->format = FORMAT_CSV;
	else if (!strcmp(arg, "json"))
		o->format = FORMAT_JSON;
	else
		return usage_error("query", "--format: '%s' is not one of table, csv, json", arg);
	return 0;
}

static int parse_options(int argc, char **argv, struct query_options *o)
{
	static const struct option options[] = {
		OPT_DB,
		FILTER_OPTIONS,
		FILTER_OPTION_LIMIT,
		{ "format", required_argument, NULL, 'F' },
		{ "meta", no_argument, NULL, 'M' },
		{ "list", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, ret;

	while ((c = cli_getopt(argc, argv, ":h", options)) != -1) {
		ret = filter_option("query", &o->f, c, optarg);
		if (ret == 0)
			continue;
		if (ret != 1)
			return ret;
		ret = 0;
		switch (c) {
		case 'F':
			ret = parse_format(o, optarg);
			break;
		case 'M':
			o->meta = 1;
			break;
		case 'L':
			o->list = 1;
			break;
		case 'h':
			return -1;
		default:
			return getopt_error("query", c, argv);
		}
		if (ret)
			return ret;
	}
	if (optind < argc)
		o->name = argv[optind++];
	if (optind < argc)
		return usage_error("query", "unexpected argument '%s'", argv[optind]);
	return 0;
}

/* Checks what depends on the query; returns 0 or the usage error's exit code. */
static int check_query(struct query_options *o, const struct query **q)
{
	if (o->list && o->name)
		return usage_error("query", "--list takes no query name");
	if (o->list)
		return 0;
	if (!o->name || !query_find(o->name)) {
		char *names = query_names();
		int ret;

		if (!o->name)
			ret = usage_error("query", "name a query: %s", names);
		else
			ret = usage_error("query", "'%s' is not a query; the queries are: %s", o->name, names);
		free(names);
		return ret;
	}
	*q = query_find(o->name);
	if (filter_check_limit("query", &o->f, *q))
		return EXIT_USAGE;
	if (o->meta && o->format != FORMAT_JSON)
		return usage_error("query", "--meta goes with --format json");
	return 0;
}

int cmd_query(int argc, char **argv)
{
	struct query_options o = { .format = FORMAT_TABLE };
	const struct query *q = NULL;
	struct query_result *res = NULL;
	struct store *st = NULL;
	int ret;

	filter_options_init(&o.f);
	ret = parse_options(argc, argv, &o);
	if (ret < 0) {
		filter_options_release(&o.f);
		return print_help("query");
	}
	if (!ret)
		ret = check_query(&o, &q);
	if (!ret)
		ret = filter_resolve("query", &o.f);
	if (ret)
		goto out;
	if (o.list) {
		query_write_list(stdout);
		ret = finish_output(0);
		goto out;
	}
	ret = EXIT_WORK;
	if (cli_open_store(&st, STORE_READ) < 0 || filter_resolve_latest(&o.f, st))
		goto out;
	if (query_run(st, q, &o.f.filter, &res) < 0)
		goto out;
	if (o.format == FORMAT_TABLE)
		query_write_table(stdout, res);
	else if (o.format == FORMAT_CSV)
		query_write_csv(stdout, res);
	else
		query_write_json(stdout, res, o.meta);
	ret = finish_output(0);
out:
	query_result_free(res);
	store_close(st);
	filter_options_release(&o.f);
	return ret;
}
