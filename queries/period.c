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

/* Parses exactly "YYYY-MM-DD" of a real date. 0 or -1. */
static int parse_ymd(const char *s, int *y, int *m, int *d)
{
	long v[3];
	char part[5];
	static const int off[3] = { 0, 5, 8 }, len[3] = { 4, 2, 2 };

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 3; i++) {
		memcpy(part, s + off[i], (size_t)len[i]);
		part[len[i]] = '\0';
		if (part[0] < '0' || part[0] > '9' || parse_long(part, 0, 9999, &v[i]) < 0)
			return -1;
	}
	if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month((int)v[0], (int)v[1]))
		return -1;
	*y = (int)v[0];
	*m = (int)v[1];
	*d = (int)v[2];
	return 0;
}

static long date_days(const char *s)
{
	int y, m, d;

	if (parse_ymd(s, &y, &m, &d) < 0)
		return 0;
	return days_from_civil(y, m, d);
}

void query_period_all(struct query_period *p)
{
	memset(p, 0, sizeof(*p));
	p->kind = QUERY_PERIOD_ALL;
	memcpy(p->from, QUERY_DATE_MIN, 11);
	memcpy(p->to, QUERY_DATE_MAX, 11);
	snprintf(p->label, sizeof(p->label), "all dates");
}

int query_period_month(struct query_period *p, int year, int month)
{
	if (year < 1000 || year > 9999 || month < 1 || month > 12)
		return -1;
	memset(p, 0, sizeof(*p));
	p->kind = QUERY_PERIOD_MONTH;
	date_format(p->from, year, month, 1);
	date_format(p->to, year, month, days_in_month(year, month));
	snprintf(p->label, sizeof(p->label), "%s %d", month_names[month - 1], year);
	return 0;
}

int query_period_quarter(struct query_period *p, int year, int quarter)
{
	int m1 = 3 * (quarter - 1) + 1;

	if (year < 1000 || year > 9999 || quarter < 1 || quarter > 4)
		return -1;
	memset(p, 0, sizeof(*p));
	p->kind = QUERY_PERIOD_QUARTER;
	date_format(p->from, year, m1, 1);
	date_format(p->to, year, m1 + 2, days_in_month(year, m1 + 2));
	snprintf(p->label, sizeof(p->label), "Q%d %d", quarter, year);
	return 0;
}

int query_period_year(struct query_period *p, int year)
{
	if (year < 1000 || year > 9999)
		return -1;
	memset(p, 0, sizeof(*p));
	p->kind = QUERY_PERIOD_YEAR;
	date_format(p->from, year, 1, 1);
	date_format(p->to, year, 12, 31);
	snprintf(p->label, sizeof(p->label), "%d", year);
	return 0;
}

int query_period_range(struct query_period *p, const char *from, const char *to)
{
	int y, m, d;

	if (!from && !to) {
		query_period_all(p);
		return 0;
	}
	if ((from && parse_ymd(from, &y, &m, &d) < 0) || (to && parse_ymd(to, &y, &m, &d) < 0))
		return -1;
	if (from && to && strcmp(from, to) > 0)
		return -1;
	memset(p, 0, sizeof(*p));
	p->kind = QUERY_PERIOD_RANGE;
	memcpy(p->from, from ? from : QUERY_DATE_MIN, 11);
	memcpy(p->to, to ? to : QUERY_DATE_MAX, 11);
	if (from && to)
		snprintf(p->label, sizeof(p->label), "%s to %s", from, to);
	else if (from)
		snprintf(p->label, sizeof(p->label), "from %s", from);
	else
		snprintf(p->label, sizeof(p->label), "until %s", to);
	return 0;
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
	if (parse_ymd(p->from, &y, &m, &d) < 0)
		return;
	switch (p->kind) {
	case QUERY_PERIOD_MONTH:
		if (m == 1)
			query_period_month(prev, y - 1, 12);
		else
			query_period_month(prev, y, m - 1);
		break;
	case QUERY_PERIOD_QUARTER:
		if (m <= 3)
			query_period_quarter(prev, y - 1, 4);
		else
			query_period_quarter(prev, y, (m - 1) / 3);
		break;
	case QUERY_PERIOD_YEAR:
		query_period_year(prev, y - 1);
		break;
	case QUERY_PERIOD_RANGE:
		if (!strcmp(p->from, QUERY_DATE_MIN) || !strcmp(p->to, QUERY_DATE_MAX))
			break;
		from = date_days(p->from);
		len = date_days(p->to) - from + 1;
		civil_from_days(from - len, &y, &m, &d);
		date_format(a, y, m, d);
		civil_from_days(from - 1, &y, &m, &d);
		date_format(b, y, m, d);
		if (y >= 1000)
			query_period_range(prev, a, b);
		break;
	case QUERY_PERIOD_NONE:
	case QUERY_PERIOD_ALL:
		break;
	}
}

long query_period_days(const struct query_period *p)
{
	if (p->kind == QUERY_PERIOD_NONE || p->kind == QUERY_PERIOD_ALL ||
	    !strcmp(p->from, QUERY_DATE_MIN) || !strcmp(p->to, QUERY_DATE_MAX))
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
		query_date_add_years(last, -1, to);
	} else {
		civil_from_days(date_days(from) + days - 1, &y, &m, &d);
		date_format(to, y, m, d);
	}
	if (query_period_range(out, from, to) < 0)
		return 0;
	return days;
}

void query_date_add_years(const char *s, int years, char out[11])
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
