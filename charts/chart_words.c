/*
 * The words of a chart (words.h): the English table, and numbers written
 * with a table's separators.
 */
#include "words.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../util/banned.h"

const struct chart_words chart_words_en = {
	.decimal = ".",
	.thousands = ",",
	.percent = "%",
	.month_short = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
			 "Nov", "Dec" },
	.month_long = { "January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December" },
	.month_year = "%s %s",

	.n_is = "n = %s",
	.small_n = "n < 10: read with care",
	.no_incidents = "No incidents in this period",
	.note_unreliable = "* Share from fewer than 30 incidents: read with care.",
	.note_suppressed = "Shares of fewer than 5 incidents are not shown.",
	.note_no_shares = "Shares are not shown: a part has fewer than 5 incidents.",
	.not_available = "n/a",
	.unknown = "unknown",
	.more_not_shown = "+ %s more not shown",
	.interval = "%s interval %s",
	.year_earlier = "a year earlier",
	.no_previous = "no previous period",
	.within_noise = "within normal variation",
	.no_data = "No data",
	.map_unit = "Incidents",

	.unit = "incidents",
	.minutes = "%s min",
	.hours = "%s h",
	.days = "%s d",
	.median = "median %s",
	.p90 = "p90 %s",
	.others = "%s others",
	.hidden = "hidden (members only)",
	.none = "none",
	.public_bodies = "Public bodies",
	.other_victims = "Other victims",
	.left_out_one = "%s incident dated only to a longer period is not counted.",
	.left_out_many = "%s incidents dated only to a longer period are not counted.",
	.contain_known = "Time to contain known for %s of %s incidents.",
	.change_on = "Change on %s",
	.test_below = ", exact Poisson test p < %s",
	.test_is = ", exact Poisson test p = %s",
	.share_note = "* Share from fewer than 30 incidents.",
	.kpi_incidents = "Incidents",
	.kpi_public_share = "Public share",
	.kpi_public_victims = "Public victims",
	.kpi_countries = "Countries",
	.incident_one = "%s incident",
	.incident_many = "%s incidents",
	.part_of = "%s of %s",
	.of = "of %s",
	.not_on_map = "Not on the map: %s",
	.and_more = " and %s more",
	.unknown_country = "Country unknown: %s",
	.also_unknown = "; country unknown: %s",

	.title_overview = "Incidents at a glance",
	.title_by_country = "Incidents by victim country",
	.title_by_sector = "Incidents by sector",
	.title_by_type = "Incidents by type",
	.title_by_month = "Incidents per month",
	.title_public_sector = "Public bodies among the victims",
	.title_public_kinds = "Public victims by kind",
	.title_response_time = "Time to contain",
	.title_techniques = "Most frequent techniques",
	.title_motives = "Most frequent motives",
	.title_actors = "Most frequent threat actors",
	.note_by_country = "An incident with several victim countries counts in each.",
	.note_by_sector = "Public bodies by kind; other victims by their first sector.",
	.note_public_kinds = "Shares are of the incidents with a public body as victim.",
	.note_techniques = "An incident with several techniques counts in each.",
	.note_motives = "An incident with several motives counts in each.",
	.note_actors = "An incident with several actors counts in each.",
};

const struct chart_words *chart_words_or_en(const struct chart_words *w)
{
	return w ? w : &chart_words_en;
}

void chart_words_fill(struct buf *out, const char *fmt, const char *a, const char *b)
{
	const char *args[2] = { a, b };
	size_t used = 0;

	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == 's') {
			if (used < 2 && args[used])
				buf_adds(out, args[used]);
			used++;
			p++;
		} else if (p[0] == '%' && p[1] == '%') {
			buf_addch(out, '%');
			p++;
		} else {
			buf_addch(out, *p);
		}
	}
}

void chart_words_number(struct buf *out, const struct chart_words *w, double v, int decimals)
{
	char tmp[352];
	const char *p, *dot;
	size_t digits;

	w = chart_words_or_en(w);
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (!isfinite(v)) {
		buf_adds(out, "\xe2\x80\x93");	/* en dash */
		return;
	}
	snprintf(tmp, sizeof(tmp), "%.*f", decimals, v);
	if (!strcmp(tmp, "-0") || (tmp[0] == '-' && strspn(tmp + 1, "0.") == strlen(tmp + 1)))
		memmove(tmp, tmp + 1, strlen(tmp));	/* no "-0" */
	p = tmp;
	if (*p == '-')
		buf_addch(out, *p++);
	dot = strchr(p, '.');
	digits = dot ? (size_t)(dot - p) : strlen(p);
	for (size_t i = 0; i < digits; i++) {
		if (i && (digits - i) % 3 == 0)
			buf_adds(out, w->thousands);
		buf_addch(out, p[i]);
	}
	if (dot) {
		buf_adds(out, w->decimal);
		buf_adds(out, dot + 1);
	}
}

void chart_words_percent(struct buf *out, const struct chart_words *w, double share)
{
	double pct = share * 100;

	w = chart_words_or_en(w);
	if (!isfinite(pct)) {
		buf_adds(out, "\xe2\x80\x93");
		return;
	}
	if (pct > 0 && pct < 0.5)
		buf_adds(out, "<1");
	else if (pct >= 99.5 && pct < 100)
		buf_adds(out, ">99");
	else
		buf_addf(out, "%.0f", pct);
	buf_adds(out, w->percent);
}

void chart_words_fill_numbers(struct buf *out, const struct chart_words *w, const char *fmt,
			      double a, double b)
{
	struct buf x = BUF_INIT, y = BUF_INIT;

	chart_words_number(&x, w, a, 0);
	if (!isnan(b))
		chart_words_number(&y, w, b, 0);
	chart_words_fill(out, fmt, x.buf, isnan(b) ? NULL : y.buf);
	buf_release(&x);
	buf_release(&y);
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

void chart_words_duration(struct buf *out, const struct chart_words *w, double hours)
{
	struct buf n = BUF_INIT;
	double d = hours / 24;

	w = chart_words_or_en(w);
	if (hours < 1) {
		chart_words_number(&n, w, round(hours * 60), 0);
		chart_words_fill(out, w->minutes, n.buf, NULL);
	} else if (hours < 48) {
		chart_words_number(&n, w, hours, hours < 10 && hours != floor(hours) ? 1 : 0);
		chart_words_fill(out, w->hours, n.buf, NULL);
	} else {
		chart_words_number(&n, w, d, d < 10 && d != floor(d) ? 1 : 0);
		chart_words_fill(out, w->days, n.buf, NULL);
	}
	buf_release(&n);
}

void chart_words_decimal(struct buf *out, const struct chart_words *w, const char *number)
{
	w = chart_words_or_en(w);
	for (const char *c = number; *c; c++)
		if (*c == '.')
			buf_adds(out, w->decimal);
		else
			buf_addch(out, *c);
}
