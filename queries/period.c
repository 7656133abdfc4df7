/* Periods of days: building, parsing, labels, the previous comparable one. */
#include "query.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../store/incident.h"
#include "../util/banned.h"

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
};

/*
 * Days since 1970-01-01 of a proleptic Gregorian date, and back: Howard
 * Hinnant's days_from_civil/civil_from_days ("chrono-Compatible Low-Level
 * Date Algorithms"), valid for every date we can write as YYYY-MM-DD.
 */
static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Parses `len` digits at s into *out; -1 unless they are all digits. */
static int digits(const char *s, size_t len, long *out)
{
	char part[8];

	if (len >= sizeof(part))
		return -1;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	memcpy(part, s, len);
	part[len] = '\0';
	return parse_long(part, 0, 9999999, out);
}

/* Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" with any year; the number of parts or -1. */
static int split_date(const char *s, struct query_date *d)
{
	size_t len = strlen(s);
	long v[3] = { 0, 0, 0 };
	int parts = len == 4 ? 1 : len == 7 ? 2 : len == 10 ? 3 : 0;

	if (!parts || digits(s, 4, &v[0]) < 0)
		return -1;
	if (parts >= 2 && (s[4] != '-' || digits(s + 5, 2, &v[1]) < 0 || v[1] < 1 || v[1] > 12))
		return -1;
	if (parts == 3 && (s[7] != '-' || digits(s + 8, 2, &v[2]) < 0 || v[2] < 1 ||
			   v[2] > days_in_month((int)v[0], (int)v[1])))
		return -1;
	d->year = (int)v[0];
	d->month = (int)v[1];
	d->day = (int)v[2];
	return parts;
}

/* Parses exactly "YYYY-MM-DD" of a real date, any year. 0 or -1. */
static int parse_ymd(const char *s, int *y, int *m, int *d)
{
	struct query_date date;

	if (split_date(s, &date) != 3)
		return -1;
	*y = date.year;
	*m = date.month;
	*d = date.day;
	return 0;
}

int query_date_parse(const char *s, struct query_date *d)
{
	struct query_date date;
	int parts = split_date(s, &date);

	if (parts < 0 || date.year < DATE_YEAR_MIN || date.year > DATE_YEAR_MAX)
		return -1;
	*d = date;
	return parts;
}

int query_date_bound(const char *s, int end, char out[11])
{
	struct query_date d;

	if (query_date_parse(s, &d) < 0)
		return -1;
	if (!d.month)
		d.month = end ? 12 : 1;
	if (!d.day)
		d.day = end ? days_in_month(d.year, d.month) : 1;
	date_format(out, d.year, d.month, d.day);
	return 0;
}

static long date_days(const char *s)
{
	int y, m, d;

	if (parse_ymd(s, &y, &m, &d) < 0)
		return 0;
	return days_from_civil(y, m, d);
}

/* Sets the days of `p` from its text ends, which are valid dates. */
static void set_ends(struct query_period *p)
{
	split_date(p->from, &p->start);
	split_date(p->to, &p->end);
	p->open_start = !strcmp(p->from, QUERY_DATE_MIN);
	p->open_end = !strcmp(p->to, QUERY_DATE_MAX);
}

void query_period_all(struct query_period *p)
{
	memset(p, 0, sizeof(*p));
	p->kind = QUERY_PERIOD_ALL;
	memcpy(p->from, QUERY_DATE_MIN, 11);
	memcpy(p->to, QUERY_DATE_MAX, 11);
	set_ends(p);
	snprintf(p->label, sizeof(p->label), "all dates");
}

int query_period_month(struct query_period *p, int year, int month)
{
	if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX || month < 1 || month > 12)
		return -1;
	memset(p, 0, sizeof(*p));
	p->kind = QUERY_PERIOD_MONTH;
	p->year = year;
	p->month = month;
	date_format(p->from, year, month, 1);
	date_format(p->to, year, month, days_in_month(year, month));
	set_ends(p);
	snprintf(p->label, sizeof(p->label), "%s %d", month_names[month - 1], year);
	return 0;
}

int query_period_quarter(struct query_period *p, int year, int quarter)
{
	int m1 = 3 * (quarter - 1) + 1;

	if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX || quarter < 1 || quarter > 4)
		return -1;
	memset(p, 0, sizeof(*p));
	p->kind = QUERY_PERIOD_QUARTER;
	p->year = year;
	p->quarter = quarter;
	date_format(p->from, year, m1, 1);
	date_format(p->to, year, m1 + 2, days_in_month(year, m1 + 2));
	set_ends(p);
	snprintf(p->label, sizeof(p->label), "Q%d %d", quarter, year);
	return 0;
}

int query_period_year(struct query_period *p, int year)
{
	if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX)
		return -1;
	memset(p, 0, sizeof(*p));
	p->kind = QUERY_PERIOD_YEAR;
	p->year = year;
	date_format(p->from, year, 1, 1);
	date_format(p->to, year, 12, 31);
	set_ends(p);
	snprintf(p->label, sizeof(p->label), "%d", year);
	return 0;
}

/* A whole date in the range of valid dates, or an open-end sentinel. */
static int valid_day(const char *s)
{
	struct query_date d;

	return query_date_parse(s, &d) == 3 || !strcmp(s, QUERY_DATE_MIN) || !strcmp(s, QUERY_DATE_MAX);
}

int query_period_range(struct query_period *p, const char *from, const char *to)
{
	if (!from && !to) {
		query_period_all(p);
		return 0;
	}
	if ((from && !valid_day(from)) || (to && !valid_day(to)))
		return -1;
	if (from && to && strcmp(from, to) > 0)
		return -1;
	memset(p, 0, sizeof(*p));
	p->kind = QUERY_PERIOD_RANGE;
	memcpy(p->from, from ? from : QUERY_DATE_MIN, 11);
	memcpy(p->to, to ? to : QUERY_DATE_MAX, 11);
	set_ends(p);
	if (from && to)
		snprintf(p->label, sizeof(p->label), "%s to %s", from, to);
	else if (from)
		snprintf(p->label, sizeof(p->label), "from %s", from);
	else
		snprintf(p->label, sizeof(p->label), "until %s", to);
	return 0;
}

int query_period_parse_month(struct query_period *p, const char *s, const char *today)
{
	long y, m;

	if (!strcmp(s, "last")) {
		int ty, tm, td;

		if (!today || parse_ymd(today, &ty, &tm, &td) < 0)
			return -1;
		return tm == 1 ? query_period_month(p, ty - 1, 12) : query_period_month(p, ty, tm - 1);
	}
	if (strlen(s) != 7 || s[4] != '-' || digits(s, 4, &y) < 0 || digits(s + 5, 2, &m) < 0)
		return -1;
	return query_period_month(p, (int)y, (int)m);
}

int query_period_parse_quarter(struct query_period *p, const char *s)
{
	long y, q;

	if (strlen(s) != 7 || s[4] != '-' || (s[5] != 'Q' && s[5] != 'q') ||
	    digits(s, 4, &y) < 0 || digits(s + 6, 1, &q) < 0)
		return -1;
	return query_period_quarter(p, (int)y, (int)q);
}

int query_period_parse_year(struct query_period *p, const char *s)
{
	long y;

	if (strlen(s) != 4 || digits(s, 4, &y) < 0)
		return -1;
	return query_period_year(p, (int)y);
}

void query_period_previous(const struct query_period *p, struct query_period *prev)
{
	int y, m, d;
	long from, len;
	char a[11], b[11];

	memset(prev, 0, sizeof(*prev));
	switch (p->kind) {
	case QUERY_PERIOD_MONTH:
		if (p->month == 1)
			query_period_month(prev, p->year - 1, 12);
		else
			query_period_month(prev, p->year, p->month - 1);
		break;
	case QUERY_PERIOD_QUARTER:
		if (p->quarter == 1)
			query_period_quarter(prev, p->year - 1, 4);
		else
			query_period_quarter(prev, p->year, p->quarter - 1);
		break;
	case QUERY_PERIOD_YEAR:
		query_period_year(prev, p->year - 1);
		break;
	case QUERY_PERIOD_RANGE:
		if (p->open_start || p->open_end)
			break;
		from = days_from_civil(p->start.year, p->start.month, p->start.day);
		len = days_from_civil(p->end.year, p->end.month, p->end.day) - from + 1;
		civil_from_days(from - len, &y, &m, &d);
		date_format(a, y, m, d);
		civil_from_days(from - 1, &y, &m, &d);
		date_format(b, y, m, d);
		if (y >= DATE_YEAR_MIN)
			query_period_range(prev, a, b);
		break;
	case QUERY_PERIOD_NONE:
	case QUERY_PERIOD_ALL:
		break;
	}
}

int query_period_last_twelve_months(const struct query_period *p, struct query_period *out)
{
	int y = p->end.year, m = p->end.month - 11;
	char from[11], to[11];

	if (p->kind == QUERY_PERIOD_NONE || p->open_end) {
		*out = *p;
		return 0;
	}
	if (m < 1) {
		m += 12;
		y--;
	}
	if (y < DATE_YEAR_MIN)
		return -1;
	date_format(from, y, m, 1);
	if (strcmp(from, p->from) > 0)
		memcpy(from, p->from, sizeof(from));	/* a longer period stays whole */
	memcpy(to, p->to, sizeof(to));			/* `out` may be `p` */
	return query_period_range(out, from, to);
}

int query_period_whole_months(const struct query_period *p)
{
	return p->kind != QUERY_PERIOD_NONE && !p->open_start && !p->open_end &&
	       p->start.day == 1 && p->end.day == days_in_month(p->end.year, p->end.month);
}

void query_period_tag(const struct query_period *p, struct buf *out)
{
	switch (p->kind) {
	case QUERY_PERIOD_MONTH:
		buf_addf(out, "%04d-%02d", p->year, p->month);
		break;
	case QUERY_PERIOD_QUARTER:
		buf_addf(out, "%04d-Q%d", p->year, p->quarter);
		break;
	case QUERY_PERIOD_YEAR:
		buf_addf(out, "%04d", p->year);
		break;
	case QUERY_PERIOD_RANGE:
		if (p->open_start)
			buf_addf(out, "until-%s", p->to);
		else if (p->open_end)
			buf_addf(out, "from-%s", p->from);
		else
			buf_addf(out, "%s-to-%s", p->from, p->to);
		break;
	case QUERY_PERIOD_ALL:
	case QUERY_PERIOD_NONE:
		buf_adds(out, "all");
		break;
	}
}

void query_period_args(const struct query_period *p, struct buf *out)
{
	switch (p->kind) {
	case QUERY_PERIOD_MONTH:
		buf_addf(out, " --month %04d-%02d", p->year, p->month);
		break;
	case QUERY_PERIOD_QUARTER:
		buf_addf(out, " --quarter %04d-Q%d", p->year, p->quarter);
		break;
	case QUERY_PERIOD_YEAR:
		buf_addf(out, " --year %04d", p->year);
		break;
	case QUERY_PERIOD_RANGE:
		if (!p->open_start)
			buf_addf(out, " --from %s", p->from);
		if (!p->open_end)
			buf_addf(out, " --to %s", p->to);
		break;
	case QUERY_PERIOD_ALL:
	case QUERY_PERIOD_NONE:
		break;
	}
}

long query_period_days(const struct query_period *p)
{
	if (p->kind == QUERY_PERIOD_NONE || p->open_start || p->open_end)
		return 0;
	return date_days(p->to) - date_days(p->from) + 1;
}

int query_today(char out[11])
{
	const char *env = getenv("IBRIEF_TODAY");
	time_t now = time(NULL);
	struct tm tm;
	int y, m, d;

	if (env && *env) {
		if (parse_ymd(env, &y, &m, &d) < 0)
			return -1;
		memcpy(out, env, 11);
		return 0;
	}
	localtime_r(&now, &tm);
	date_format(out, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return 0;
}

/* Shifts "YYYY-MM-DD" by whole years; the open-end sentinels stay. */
static void date_add_years(const char *s, int years, char out[11])
{
	int y, m, d;

	if (!strcmp(s, QUERY_DATE_MIN) || !strcmp(s, QUERY_DATE_MAX) ||
	    parse_ymd(s, &y, &m, &d) < 0 || y + years < 0 || y + years > 9999) {
		memcpy(out, s, 11);
		return;
	}
	y += years;
	if (d > days_in_month(y, m))
		d = days_in_month(y, m);
	date_format(out, y, m, d);
}

void query_period_years_earlier(const struct query_period *p, int years, struct query_period *out)
{
	char from[11], to[11];

	date_add_years(p->from, -years, from);
	date_add_years(p->to, -years, to);
	if (out != p)
		*out = *p;
	memcpy(out->from, from, sizeof(from));
	memcpy(out->to, to, sizeof(to));
	if (out->year)
		out->year -= years;
	set_ends(out);
}

long query_period_so_far(const struct query_period *p, const struct query_period *prev,
			 const char *last, struct query_period *out)
{
	long days;
	int y, m, d;
	char from[11], to[11];

	if (prev->kind == QUERY_PERIOD_NONE || p->kind == QUERY_PERIOD_ALL ||
	    !strcmp(p->to, QUERY_DATE_MAX) || !strcmp(prev->from, QUERY_DATE_MIN) ||
	    strcmp(p->to, last) <= 0 || strcmp(p->from, last) > 0)
		return 0;
	days = date_days(last) - date_days(p->from) + 1;
	memcpy(from, prev->from, sizeof(from));	/* `out` may be `prev` */
	if (p->kind == QUERY_PERIOD_YEAR) {
		/* The same calendar days a year earlier: 1 January to 30 April. */
		date_add_years(last, -1, to);
	} else {
		civil_from_days(date_days(from) + days - 1, &y, &m, &d);
		date_format(to, y, m, d);
	}
	if (query_period_range(out, from, to) < 0)
		return 0;
	return days;
}

int query_period_provisional(const struct query_period *p, const struct query_data_end *end)
{
	const struct query_date *a = &p->end, *b = &end->month.start;

	if (p->kind == QUERY_PERIOD_NONE || end->month.kind == QUERY_PERIOD_NONE)
		return 0;
	return a->year != b->year ? a->year > b->year :
	       a->month != b->month ? a->month > b->month : a->day >= b->day;
}
