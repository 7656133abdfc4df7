/* Numbers, shares, dates and periods as each language writes them; the pattern filler. */
#include "lang.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../store/incident.h"
#include "../util/banned.h"

#define NDASH "\xe2\x80\x93"	/* U+2013: ranges */

void i18n_fill(struct buf *out, const char *pattern, const char *const *args, size_t nr)
{
	const char *p = pattern;

	while (*p) {
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}' &&
		    (size_t)(p[1] - '1') < nr) {
			buf_adds(out, args[p[1] - '1']);
			p += 3;
		} else {
			buf_addch(out, *p++);
		}
	}
}

/* "2024", "April 2024", "12 April 2024": the parts of `d` that are known. */
static void date_parts(struct buf *out, enum lang lang, const struct query_date *d)
{
	if (!d->month)
		buf_addf(out, "%d", d->year);
	else if (!d->day)
		buf_addf(out, "%s %d", i18n_month(lang, d->month), d->year);
	else
		buf_addf(out, lang == LANG_DE ? "%d. %s %d" : "%d %s %d", d->day,
			 i18n_month(lang, d->month), d->year);
}

void i18n_date(struct buf *out, enum lang lang, const char *date)
{
	struct query_date d;

	if (query_date_parse(date, &d) < 0)
		buf_adds(out, date);
	else
		date_parts(out, lang, &d);
}

/* The month of a period of one month: "April 2024". */
static void month_of(struct buf *out, enum lang lang, const struct query_period *p)
{
	struct query_date d = { p->year, p->month, 0 };

	date_parts(out, lang, &d);
}

/* "Q2 2024", "T2 2024" (trimestre), "K2 2024" (kwartaal); without the year: "Q2". */
static void quarter_label(struct buf *out, enum lang lang, const struct query_period *p, int year)
{
	static const char letter[LANG_NR] = { 'Q', 'T', 'K', 'Q' };

	buf_addf(out, "%c%d", letter[lang], p->quarter);
	if (year)
		buf_addf(out, " %d", p->year);
}

void i18n_period(struct buf *out, enum lang lang, const struct query_period *p)
{
	static const char *const all[LANG_NR] = { "all dates", "toutes dates", "alle data", "alle Daten" };
	static const char *const from[LANG_NR] = { "from ", "depuis le ", "vanaf ", "ab " };
	static const char *const until[LANG_NR] = { "until ", "jusqu’au ", "tot en met ", "bis " };
	struct query_date first = { p->start.year, p->start.month, 0 };
	struct query_date last = { p->end.year, p->end.month, 0 };

	switch (p->kind) {
	case QUERY_PERIOD_MONTH:
		month_of(out, lang, p);
		return;
	case QUERY_PERIOD_QUARTER:
		quarter_label(out, lang, p, 1);
		return;
	case QUERY_PERIOD_YEAR:
		buf_addf(out, "%d", p->year);
		return;
	case QUERY_PERIOD_RANGE:
		if (p->open_start) {
			buf_adds(out, until[lang]);
			date_parts(out, lang, &p->end);
		} else if (p->open_end) {
			buf_adds(out, from[lang]);
			date_parts(out, lang, &p->start);
		} else if (query_period_whole_months(p)) {
			/* From the first of a month to the last day of a month: "May 2023 – April 2024". */
			date_parts(out, lang, &first);
			buf_adds(out, " " NDASH " ");
			date_parts(out, lang, &last);
		} else {
			date_parts(out, lang, &p->start);
			buf_adds(out, " " NDASH " ");
			date_parts(out, lang, &p->end);
		}
		return;
	case QUERY_PERIOD_ALL:
	case QUERY_PERIOD_NONE:
		buf_adds(out, all[lang]);
		return;
	}
}

void i18n_in_period(struct buf *out, enum lang lang, const struct query_period *p, int short_month)
{
	/* Prepositions by kind: month, quarter, year, range, since, until, all. */
	static const char *const in[LANG_NR][7] = {
		{ "in ", "in ", "in ", "from ", "since ", "up to ", "over all dates" },
		{ "en ", "au ", "en ", "du ", "depuis le ", "jusqu’au ", "sur toute la période" },
		{ "in ", "in ", "in ", "van ", "sinds ", "tot en met ", "over alle data" },
		{ "im ", "im ", "im Jahr ", "vom ", "seit dem ", "bis zum ", "insgesamt" },
	};
	static const char *const to[LANG_NR] = { " to ", " au ", " tot en met ", " bis zum " };

	switch (p->kind) {
	case QUERY_PERIOD_MONTH:
		buf_adds(out, in[lang][0]);
		if (short_month)
			buf_adds(out, i18n_month(lang, p->month));
		else
			month_of(out, lang, p);
		return;
	case QUERY_PERIOD_QUARTER:
		buf_adds(out, in[lang][1]);
		quarter_label(out, lang, p, !short_month);
		return;
	case QUERY_PERIOD_YEAR:
		buf_adds(out, in[lang][2]);
		buf_addf(out, "%d", p->year);
		return;
	case QUERY_PERIOD_RANGE:
		if (p->open_start) {
			buf_adds(out, in[lang][5]);
			date_parts(out, lang, &p->end);
		} else if (p->open_end) {
			buf_adds(out, in[lang][4]);
			date_parts(out, lang, &p->start);
		} else {
			buf_adds(out, in[lang][3]);
			date_parts(out, lang, &p->start);
			buf_adds(out, to[lang]);
			date_parts(out, lang, &p->end);
		}
		return;
	case QUERY_PERIOD_ALL:
	case QUERY_PERIOD_NONE:
		buf_adds(out, in[lang][6]);
		return;
	}
}

/* Appends a string of digits with the thousands separator of `lang`. */
static void add_grouped(struct buf *out, enum lang lang, const char *digits)
{
	size_t n = strlen(digits);

	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			buf_adds(out, i18n_thousands(lang));
		buf_addch(out, digits[i]);
	}
}

void i18n_int(struct buf *out, enum lang lang, long long v)
{
	char digits[32];

	snprintf(digits, sizeof(digits), "%llu",
		 v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
	if (v < 0)
		buf_addch(out, '-');
	add_grouped(out, lang, digits);
}

/*
 * v rounded to `decimals` places, half away from zero: 12.5 is 13 and
 * -12.5 is -13, whatever printf's rounding of the binary value would do
 * (0.145 * 100 is 14.499999999999998 in binary, and is 15). The nudge of
 * 1e-9 relative is far below any digit printed and far above the error of
 * a ratio of two counts.
 */
static double round_half_away(double v, int decimals)
{
	double scale = pow(10, decimals), x = fabs(v) * scale;

	return copysign(floor(x + 0.5 + x * 1e-12 + 1e-9) / scale, v);
}

void i18n_real(struct buf *out, enum lang lang, double v, int decimals)
{
	char text[352];
	char *dot;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (!isfinite(v)) {
		buf_adds(out, NDASH);
		return;
	}
	v = round_half_away(v, decimals);
	snprintf(text, sizeof(text), "%.*f", decimals, fabs(v));
	if (v < 0 && strspn(text, "0.") != strlen(text))
		buf_addch(out, '-');	/* never "-0" */
	dot = strchr(text, '.');
	if (dot)
		*dot = '\0';
	add_grouped(out, lang, text);
	if (dot) {
		buf_adds(out, i18n_decimal_mark(lang));
		buf_adds(out, dot + 1);
	}
}

void i18n_percent(struct buf *out, enum lang lang, double share)
{
	double pct = round_half_away(share * 100, 0);

	if (!isfinite(share)) {
		buf_adds(out, NDASH);
		return;
	}
	if (share > 0 && pct < 1)		/* 1 of 381 is not "0%" */
		buf_adds(out, "<1");
	else if (share < 1 && pct >= 100)	/* 380 of 381 is not "100%" */
		buf_adds(out, ">99");
	else
		i18n_real(out, lang, pct, 0);
	buf_adds(out, i18n_percent_sign(lang));
}

void i18n_percent_range(struct buf *out, enum lang lang, double low, double high)
{
	i18n_real(out, lang, round_half_away(low * 100, 0), 0);
	buf_adds(out, NDASH);
	i18n_percent(out, lang, high);
}

void chart_words_fill(struct buf *out, const char *fmt, const char *a, const char *b)
{
	const char *args[2] = { a, b };

	i18n_fill(out, fmt, args, !a ? 0 : !b ? 1 : 2);
}

void chart_words_fill_numbers(struct buf *out, const struct chart_words *w, const char *fmt,
			      double a, double b)
{
	struct buf x = BUF_INIT, y = BUF_INIT;

	w = chart_words_or_en(w);
	i18n_real(&x, w->lang, a, 0);
	if (!isnan(b))
		i18n_real(&y, w->lang, b, 0);
	chart_words_fill(out, fmt, x.buf, isnan(b) ? NULL : y.buf);
	buf_release(&x);
	buf_release(&y);
}

void chart_words_empty(struct buf *out, const struct chart_words *w, const char *what,
		       long long whole, long long left_out)
{
	struct buf count = BUF_INIT;

	w = chart_words_or_en(w);
	if (whole <= 0 && left_out > 0) {
		chart_words_fill_numbers(out, w, w->empty_coarse, (double)left_out, NAN);
	} else if (whole <= 0) {
		buf_adds(out, w->no_incidents);
	} else {
		chart_words_fill_numbers(&count, w, whole == 1 ? w->incident_one : w->incident_many,
					 (double)whole, NAN);
		chart_words_fill(out, what ? what : w->empty_among, count.buf, NULL);
	}
	buf_release(&count);
}

void chart_words_month(struct buf *out, const struct chart_words *w, int month,
		       const char *year, int long_name)
{
	const char *name;

	w = chart_words_or_en(w);
	if (month < 1 || month > 12) {
		buf_adds(out, "?");
		return;
	}
	name = long_name ? w->month_long[month - 1] : w->month_short[month - 1];
	if (year)
		chart_words_fill(out, w->month_year, name, year);
	else
		buf_adds(out, name);
}

/* Appends `v` units with one decimal under 10 when it has one ("1.5 h"), singular for 1. */
static void duration_in(struct buf *out, enum lang lang, double v, int decimals,
			enum i18n_msg one, enum i18n_msg many)
{
	struct buf n = BUF_INIT;
	const char *args[1];

	if (decimals && (v >= 10 || round_half_away(v, 1) == floor(round_half_away(v, 1))))
		decimals = 0;
	i18n_real(&n, lang, v, decimals);
	args[0] = n.buf;
	if (one != many && !strcmp(n.buf, "1"))
		buf_adds(out, i18n_msg(lang, one));
	else
		i18n_fill(out, i18n_msg(lang, many), args, 1);
	buf_release(&n);
}

void i18n_duration(struct buf *out, enum lang lang, double hours)
{
	const double day = 24, week = 7 * 24, month = 30.44 * 24;

	if (!isfinite(hours) || hours < 0)
		buf_adds(out, NDASH);
	else if (round_half_away(hours * 60, 0) < 60)
		duration_in(out, lang, hours * 60, 0, MSG_MINUTES, MSG_MINUTES);
	else if (round_half_away(hours, 1) < 2 * day)
		duration_in(out, lang, hours, 1, MSG_HOURS, MSG_HOURS);
	else if (round_half_away(hours / day, 1) < 8 * 7)
		duration_in(out, lang, hours / day, 1, MSG_DAY, MSG_DAYS);
	else if (round_half_away(hours / week, 0) < 26)
		duration_in(out, lang, hours / week, 0, MSG_WEEK, MSG_WEEKS);
	else
		duration_in(out, lang, hours / month, 0, MSG_MONTH, MSG_MONTHS);
}

void i18n_list(struct buf *out, enum lang lang, const char *const *items, size_t nr)
{
	for (size_t i = 0; i + 1 < nr; i++) {
		buf_adds(out, items[i]);
		if (i + 2 < nr)
			buf_adds(out, ", ");
	}
	if (nr == 1) {
		buf_adds(out, items[0]);
	} else if (nr > 1) {
		/* The pattern "{1} and {2}" with {1} already written. */
		const char *args[2] = { "", items[nr - 1] };

		i18n_fill(out, i18n_msg(lang, MSG_AND), args, 2);
	}
}

void chart_words_decimal(struct buf *out, const struct chart_words *w, const char *number)
{
	w = chart_words_or_en(w);
	for (const char *c = number; *c; c++)
		if (*c == '.')
			buf_adds(out, i18n_decimal_mark(w->lang));
		else
			buf_addch(out, *c);
}
