#include <stdio.h>

#include "cli.h"
#include "../util/banned.h"

const char stats_help[] =
	"usage: ibrief stats\n"
	"\n"
	"Summarises the store: incidents, their date range, victim countries,\n"
	"source formats, the last import and the size of the file.\n"
	"\n"
	"Options:\n"
	HELP_DB("    ", "               ")
	"\n"
	"Example:\n"
	"  ibrief --db demo/incidents.db stats\n";

/*
 * The dates by what is known of them: the range of the exact ones, then
 * how many are known only to the month or the year (a year-only record
 * would otherwise stretch the range to 31 December).
 */
static void print_dates(const struct store_extent *e)
{
	const char *sep = "             ";

	if (e->by_day)
		printf("dates:       %s to %s (%lld incident%s known to the day)\n", e->first_day,
		       e->last_day, e->by_day, e->by_day == 1 ? "" : "s");
	else
		printf("dates:       none known to the day\n");
	if (!e->by_month && !e->by_year && !e->undated)
		return;
	fputs(sep, stdout);
	sep = "";
	if (e->by_month) {
		printf("%lld known only to the month (newest %s)", e->by_month, e->last_month);
		sep = ", ";
	}
	if (e->by_year) {
		printf("%s%lld %s the year (newest %s)", sep, e->by_year,
		       e->by_month ? "only to" : "known only to", e->last_year);
		sep = ", ";
	}
	if (e->undated)
		printf("%s%lld with no date", sep, e->undated);
	putchar('\n');
}

int cmd_stats(int argc, char **argv)
{
	static const struct option options[] = {
		OPT_DB,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_stats s;
	struct store *st = NULL;
	int c;

	while ((c = cli_getopt(argc, argv, ":h", options)) != -1) {
		if (c == 'h')
			return print_help("stats");
		return getopt_error("stats", c, argv);
	}
	if (optind < argc)
		return usage_error("stats", "unexpected argument '%s'", argv[optind]);
	if (cli_open_store(&st, STORE_READ) < 0)
		return EXIT_WORK;
	if (store_stats(st, &s) < 0) {
		store_close(st);
		return EXIT_WORK;
	}
	printf("store:       %s (schema version %d, %.1f MB)\n", store_path(st),
	       s.schema_version, (double)s.file_size / 1e6);
	store_close(st);
	printf("incidents:   %lld\n", s.incidents);
	if (s.incidents)
		print_dates(&s.extent);
	printf("countries:   %lld (%lld incident%s with no known country)\n", s.countries,
	       s.no_country, s.no_country == 1 ? "" : "s");
	printf("formats:    ");
	for (size_t i = 0; i < s.formats_nr; i++)
		printf(" %s %lld%s", s.formats[i].name, s.formats[i].n,
		       i + 1 < s.formats_nr ? "," : "");
	printf("%s\n", s.formats_nr ? "" : " none");
	printf("last import: %s\n", s.last_import ? s.last_import : "never");
	store_stats_release(&s);
	return finish_output(0);
}
