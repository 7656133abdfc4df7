#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../queries/query.h"
#include "../util/buf.h"
#include "../util/country.h"
#include "../util/banned.h"

const char query_help[] =
	"usage: ibrief query NAME [PERIOD] [FILTERS] [--limit N] [--format table|csv|json [--meta]]\n"
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
	"  --db PATH         the store (default: $IBRIEF_DB, else ./incidents.db)\n"
	"\n"
	"Examples:\n"
	"  ibrief query by-country --month 2024-04 --format csv\n"
	"  ibrief query notable --month latest --country BE,NL --limit 5\n";

enum query_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };

struct query_options {
	const char *name;
	const char *month, *quarter, *year;
	char from[11], to[11];
	int has_from, has_to, list, meta;
	long limit;
	enum query_format format;
	struct strlist countries;
	struct query_filter filter;
};

/* "overview, by-country, ..." in a new string the caller frees. */
static char *query_names(void)
{
	struct buf names = BUF_INIT;

	for (size_t i = 0; i < query_catalog_nr; i++)
		buf_addf(&names, "%s%s", i ? ", " : "", query_catalog[i]->name);
	return buf_detach(&names, NULL);
}

static int parse_countries(struct query_options *o, const char *arg)
{
	struct strlist parts = STRLIST_INIT;
	const char *p = arg;
	int ret = 0;

	do {
		size_t n = strcspn(p, ",");

		strlist_add_owned(&parts, xstrndup(p, n));
		p += n + (p[n] == ',');
	} while (*p);
	for (size_t i = 0; i < parts.n && !ret; i++) {
		const char *code = country_code(trim(parts.v[i]));

		if (!code)
			ret = usage_error("query", "--country: '%s' is not an ISO 3166-1 country",
					  parts.v[i]);
		else
			strlist_add_unique(&o->countries, code);
	}
	strlist_release(&parts);
	return ret;
}

static int parse_type(struct query_options *o, const char *arg)
{
	struct buf words = BUF_INIT;
	int ret;

	for (size_t i = 0; query_types[i]; i++) {
		if (!ascii_casecmp(arg, query_types[i])) {
			o->filter.type = query_types[i];
			return 0;
		}
		buf_addf(&words, "%s%s", i ? ", " : "", query_types[i]);
	}
	ret = usage_error("query", "--type: '%s' is not an incident type (%s)", arg, words.buf);
	buf_release(&words);
	return ret;
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

/* The period options, checked against each other; "latest" waits for the store. */
static int resolve_period(struct query_options *o)
{
	const char *given[5] = { NULL };
	size_t n = 0;
	struct query_period *p = &o->filter.period;
	char today[11];

	if (o->month)
		given[n++] = "--month";
	if (o->quarter)
		given[n++] = "--quarter";
	if (o->year)
		given[n++] = "--year";
	if (o->has_from || o->has_to)
		given[n++] = o->has_from ? "--from" : "--to";
	if (n > 1)
		return usage_error("query", "%s and %s cannot be used together: choose one period",
				   given[0], given[1]);
	if (o->month && !strcmp(o->month, "last")) {
		if (query_today(today) < 0)
			return usage_error("query", "IBRIEF_TODAY: '%s' is not a date (YYYY-MM-DD)",
					   getenv("IBRIEF_TODAY"));
		query_period_parse_month(p, "last", today);
	} else if (o->month && strcmp(o->month, "latest")) {
		if (query_period_parse_month(p, o->month, NULL) < 0)
			return usage_error("query", "--month: '%s' is not a month (YYYY-MM, last or latest)",
					   o->month);
	} else if (o->quarter) {
		if (query_period_parse_quarter(p, o->quarter) < 0)
			return usage_error("query", "--quarter: '%s' is not a quarter (YYYY-Q1 to YYYY-Q4)",
					   o->quarter);
	} else if (o->year) {
		if (query_period_parse_year(p, o->year) < 0)
			return usage_error("query", "--year: '%s' is not a year (YYYY)", o->year);
	} else if (o->has_from || o->has_to) {
		if (o->has_from && o->has_to && strcmp(o->from, o->to) > 0)
			return usage_error("query", "--from %s is after --to %s", o->from, o->to);
		query_period_range(p, o->has_from ? o->from : NULL, o->has_to ? o->to : NULL);
	}
	return 0;
}

static int parse_options(int argc, char **argv, struct query_options *o)
{
	static const struct option options[] = {
		OPT_DB,
		{ "month", required_argument, NULL, 'm' },
		{ "quarter", required_argument, NULL, 'q' },
		{ "year", required_argument, NULL, 'y' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "country", required_argument, NULL, 'c' },
		{ "sector", required_argument, NULL, 's' },
		{ "public-sector", no_argument, NULL, 'p' },
		{ "type", required_argument, NULL, 'T' },
		{ "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'F' },
		{ "meta", no_argument, NULL, 'M' },
		{ "list", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, ret;

	while ((c = cli_getopt(argc, argv, ":h", options)) != -1) {
		ret = 0;
		switch (c) {
		case 'm':
			o->month = optarg;
			break;
		case 'q':
			o->quarter = optarg;
			break;
		case 'y':
			o->year = optarg;
			break;
		case 'f':
			if (parse_date_bound(optarg, 0, o->from) < 0)
				return usage_error("query", "--from: '%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", optarg);
			o->has_from = 1;
			break;
		case 't':
			if (parse_date_bound(optarg, 1, o->to) < 0)
				return usage_error("query", "--to: '%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", optarg);
			o->has_to = 1;
			break;
		case 'c':
			ret = parse_countries(o, optarg);
			break;
		case 's':
			if (!*trim(optarg))
				return usage_error("query", "--sector: the sector is empty");
			o->filter.sector = optarg;
			break;
		case 'p':
			o->filter.public_only = 1;
			break;
		case 'T':
			ret = parse_type(o, optarg);
			break;
		case 'l':
			if (parse_long(optarg, 1, 1000000, &o->limit) < 0)
				return usage_error("query", "--limit: '%s' is not a whole number from 1 to 1000000", optarg);
			break;
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
	if (o->limit && !(*q)->uses_limit)
		return usage_error("query", "--limit: query '%s' has no limit (notable, techniques, "
				   "motives and actors have)", o->name);
	if (o->meta && o->format != FORMAT_JSON)
		return usage_error("query", "--meta goes with --format json");
	return 0;
}

int cmd_query(int argc, char **argv)
{
	struct query_options o = { .format = FORMAT_TABLE, .countries = STRLIST_INIT };
	const struct query *q = NULL;
	struct query_result *res = NULL;
	struct store *st = NULL;
	int ret;

	query_filter_init(&o.filter);
	ret = parse_options(argc, argv, &o);
	if (ret < 0) {
		strlist_release(&o.countries);
		return print_help("query");
	}
	if (!ret)
		ret = check_query(&o, &q);
	if (!ret)
		ret = resolve_period(&o);
	if (ret)
		goto out;
	if (o.list) {
		query_write_list(stdout);
		ret = finish_output(0);
		goto out;
	}
	o.filter.countries = &o.countries;
	o.filter.limit = o.limit;
	ret = EXIT_WORK;
	if (cli_open_store(&st, STORE_READ) < 0)
		goto out;
	if (o.month && !strcmp(o.month, "latest")) {
		int found = query_latest_month(st, &o.filter, &o.filter.period);

		if (found <= 0) {
			if (!found)
				error("--month latest: no incident known to the month matches the filters");
			goto out;
		}
	}
	if (query_run(st, q, &o.filter, &res) < 0)
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
	strlist_release(&o.countries);
	return ret;
}
