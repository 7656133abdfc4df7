/*
 * The period and filter options of the commands that run queries
 * (filter.h). Moved here from cmd_query.c, messages unchanged but for the
 * command they name.
 */
#include "filter.h"

#include <stdlib.h>
#include <string.h>

#include "../lang/lang.h"
#include "../util/buf.h"
#include "../util/country.h"
#include "../util/banned.h"

void filter_options_init(struct filter_options *o)
{
	memset(o, 0, sizeof(*o));
	strlist_init(&o->countries);
	query_filter_init(&o->filter);
}

void filter_options_release(struct filter_options *o)
{
	strlist_release(&o->countries);
	o->filter.countries = NULL;
}

static int parse_countries(const char *cmd, struct filter_options *o, const char *arg)
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
			ret = usage_error(cmd, "--country: '%s' is not an ISO 3166-1 country",
					  parts.v[i]);
		else
			strlist_add_unique(&o->countries, code);
	}
	strlist_release(&parts);
	return ret;
}

static int parse_type(const char *cmd, struct filter_options *o, const char *arg)
{
	struct buf words = BUF_INIT;
	int ret;

	for (size_t i = 0; query_types[i]; i++) {
		if (!ascii_casecmp(arg, query_types[i])) {
			o->filter.type = query_types[i];
			buf_release(&words);
			return 0;
		}
		buf_addf(&words, "%s%s", i ? ", " : "", query_types[i]);
	}
	ret = usage_error(cmd, "--type: '%s' is not an incident type (%s)", arg, words.buf);
	buf_release(&words);
	return ret;
}

int filter_option(const char *cmd, struct filter_options *o, int c, char *arg)
{
	switch (c) {
	case FILTER_OPT_MONTH:
		o->month = arg;
		return 0;
	case FILTER_OPT_QUARTER:
		o->quarter = arg;
		return 0;
	case FILTER_OPT_YEAR:
		o->year = arg;
		return 0;
	case FILTER_OPT_FROM:
		if (query_date_bound(arg, 0, o->from) < 0)
			return usage_error(cmd, "--from: '%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", arg);
		o->has_from = 1;
		return 0;
	case FILTER_OPT_TO:
		if (query_date_bound(arg, 1, o->to) < 0)
			return usage_error(cmd, "--to: '%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", arg);
		o->has_to = 1;
		return 0;
	case FILTER_OPT_COUNTRY:
		return parse_countries(cmd, o, arg);
	case FILTER_OPT_SECTOR:
		if (!*trim(arg))
			return usage_error(cmd, "--sector: the sector is empty");
		o->filter.sector = arg;
		return 0;
	case FILTER_OPT_PUBLIC:
		o->filter.public_only = 1;
		return 0;
	case FILTER_OPT_TYPE:
		return parse_type(cmd, o, arg);
	case FILTER_OPT_LIMIT:
		if (parse_long(arg, 1, 1000000, &o->filter.limit) < 0)
			return usage_error(cmd, "--limit: '%s' is not a whole number from 1 to 1000000", arg);
		return 0;
	default:
		return 1;
	}
}

int filter_has_period(const struct filter_options *o)
{
	return o->month || o->quarter || o->year || o->has_from || o->has_to;
}

int filter_resolve(const char *cmd, struct filter_options *o)
{
	const char *given[5] = { NULL };
	size_t n = 0;
	struct query_period *p = &o->filter.period;
	char today[11];

	o->filter.countries = &o->countries;
	if (o->month)
		given[n++] = "--month";
	if (o->quarter)
		given[n++] = "--quarter";
	if (o->year)
		given[n++] = "--year";
	if (o->has_from || o->has_to)
		given[n++] = o->has_from ? "--from" : "--to";
	if (n > 1)
		return usage_error(cmd, "%s and %s cannot be used together: choose one period",
				   given[0], given[1]);
	if (o->month && !strcmp(o->month, "last")) {
		if (query_today(today) < 0)
			return usage_error(cmd, "IBRIEF_TODAY: '%s' is not a date (YYYY-MM-DD)",
					   getenv("IBRIEF_TODAY"));
		query_period_parse_month(p, "last", today);
	} else if (o->month && strcmp(o->month, "latest")) {
		if (query_period_parse_month(p, o->month, NULL) < 0)
			return usage_error(cmd, "--month: '%s' is not a month (YYYY-MM, last or latest)",
					   o->month);
	} else if (o->quarter) {
		if (query_period_parse_quarter(p, o->quarter) < 0)
			return usage_error(cmd, "--quarter: '%s' is not a quarter (YYYY-Q1 to YYYY-Q4)",
					   o->quarter);
	} else if (o->year) {
		if (query_period_parse_year(p, o->year) < 0)
			return usage_error(cmd, "--year: '%s' is not a year (YYYY)", o->year);
	} else if (o->has_from || o->has_to) {
		if (o->has_from && o->has_to && strcmp(o->from, o->to) > 0)
			return usage_error(cmd, "--from %s is after --to %s", o->from, o->to);
		query_period_range(p, o->has_from ? o->from : NULL, o->has_to ? o->to : NULL);
	}
	return 0;
}

int filter_check_limit(const char *cmd, const struct filter_options *o, const struct query *q)
{
	if (o->filter.limit && q && !q->uses_limit)
		return usage_error(cmd, "--limit: query '%s' has no limit (notable, techniques, "
				   "motives and actors have)", q->name);
	return 0;
}

int filter_resolve_latest(struct filter_options *o, struct store *st)
{
	int found;

	if (!o->month || strcmp(o->month, "latest"))
		return 0;
	found = query_latest_month(st, &o->filter, &o->filter.period);
	if (!found)
		error("--month latest: no incident known to the month matches the filters");
	return found > 0 ? 0 : EXIT_WORK;
}

int filter_lang(const char *cmd, const char *arg, int *lang)
{
	*lang = LANG_EN;
	if (arg && (*lang = i18n_lang_parse(arg)) < 0)
		return usage_error(cmd, "--lang: '%s' is not one of en, fr, nl, de", arg);
	return 0;
}
