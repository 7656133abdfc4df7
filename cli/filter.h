#ifndef CLI_FILTER_H
#define CLI_FILTER_H

/*
 * The options that choose what a query counts, shared by the commands that
 * run queries (query, chart, report), so that they spell, check and report
 * them alike: the period (--month, --quarter, --year, --from, --to) and the
 * filters (--country, --sector, --public-sector, --type), plus --limit for
 * the commands that list FILTER_OPTION_LIMIT.
 *
 * A command puts FILTER_OPTIONS (and FILTER_OPTION_LIMIT) in its
 * getopt_long() table, offers every option to filter_option() before its
 * own, calls filter_resolve() once the options are read, and
 * filter_resolve_latest() once the store is open. Usage errors name the
 * command `cmd`. The option values are FILTER_OPT_* (1010 and up): a
 * command's own long options must use others.
 */

#include "cli.h"
#include "../queries/query.h"
#include "../util/util.h"

struct filter_options {
	const char *month, *quarter, *year;	/* as given; parsed by filter_resolve() */
	char from[11], to[11];
	int has_from, has_to;
	struct strlist countries;		/* alpha-2 codes, each once */
	/*
	 * The result, for query_run(). filter.countries points at
	 * `countries` once filter_resolve() has run: keep the struct in place.
	 */
	struct query_filter filter;
};

enum {
	FILTER_OPT_MONTH = 1010, FILTER_OPT_QUARTER, FILTER_OPT_YEAR, FILTER_OPT_FROM,
	FILTER_OPT_TO, FILTER_OPT_COUNTRY, FILTER_OPT_SECTOR, FILTER_OPT_PUBLIC,
	FILTER_OPT_TYPE, FILTER_OPT_LIMIT,
};

#define FILTER_OPTIONS \
	{ "month", required_argument, NULL, FILTER_OPT_MONTH }, \
	{ "quarter", required_argument, NULL, FILTER_OPT_QUARTER }, \
	{ "year", required_argument, NULL, FILTER_OPT_YEAR }, \
	{ "from", required_argument, NULL, FILTER_OPT_FROM }, \
	{ "to", required_argument, NULL, FILTER_OPT_TO }, \
	{ "country", required_argument, NULL, FILTER_OPT_COUNTRY }, \
	{ "sector", required_argument, NULL, FILTER_OPT_SECTOR }, \
	{ "public-sector", no_argument, NULL, FILTER_OPT_PUBLIC }, \
	{ "type", required_argument, NULL, FILTER_OPT_TYPE }
/* --limit N: rows of notable, techniques, motives, actors; see filter_check_limit(). */
#define FILTER_OPTION_LIMIT { "limit", required_argument, NULL, FILTER_OPT_LIMIT }

/* All dates, no conditions. */
void filter_options_init(struct filter_options *o);
void filter_options_release(struct filter_options *o);

/*
 * Takes getopt_long()'s result `c` and its argument. Returns 0 when `c` is
 * a filter option and its value is good, 1 when `c` is not a filter option
 * (the caller's own), or EXIT_USAGE after reporting a bad value.
 */
int filter_option(const char *cmd, struct filter_options *o, int c, char *arg);

/* 1 when a period option was given. */
int filter_has_period(const struct filter_options *o);

/*
 * Checks the period options against each other and sets o->filter, the
 * period included, except for --month latest, which needs the store.
 * Returns 0 or EXIT_USAGE.
 */
int filter_resolve(const char *cmd, struct filter_options *o);

/* --limit was given for query `q`, which takes none: EXIT_USAGE; else 0. */
int filter_check_limit(const char *cmd, const struct filter_options *o, const struct query *q);

/*
 * --month latest: sets the period to the newest month that matches the
 * other filters; a no-op for any other period. Returns 0, or EXIT_WORK
 * with a message (no such month, a database error).
 */
int filter_resolve_latest(struct filter_options *o, struct store *st);

/*
 * --lang for `cmd` (report, chart): sets *lang to the language of `arg`
 * ("en", "fr", "nl", "de", any case) and returns 0, or returns EXIT_USAGE
 * after a usage message. NULL (no --lang) is English.
 */
int filter_lang(const char *cmd, const char *arg, int *lang);

#endif
