#ifndef CHARTS_WORDS_H
#define CHARTS_WORDS_H

/*
 * The words and number conventions a chart is written in: every string the
 * chart library (the charts/ drawing code) and the query adapter (charts/fromquery.c)
 * put on a chart that the caller did not give them.
 *
 * charts/ knows no language: the caller fills a struct chart_words (the
 * report does so from report/i18n.h) and points struct chart_data's
 * `words` at it; NULL means chart_words_en, which gives the English every
 * chart had before charts had words, byte for byte.
 *
 * Formats are printf-like: each "%s" gets a string (numbers are formatted
 * first, with the separators below), in order, and "%%" is a "%"; each
 * field's comment says what its "%s" get. They are filled by
 * chart_words_fill(), not by printf, so a table with a wrong conversion shows it
 * on the chart instead of reading memory it should not.
 * Strings are UTF-8 and borrowed for the duration of a call, like the
 * rest of struct chart_data. No field may be NULL.
 */

#include "../util/buf.h"

struct chart_words {
	/* ---- Numbers ---- */
	const char *decimal;		/* the decimal mark: "." */
	const char *thousands;		/* between groups of three digits: "," */
	const char *percent;		/* after a percentage: "%" ("31%", "<1%") */

	/* ---- Months (the adapter's axis labels) ---- */
	const char *month_short[12];	/* "Jan" .. "Dec" */
	const char *month_long[12];	/* "January" .. "December" */
	const char *month_year;		/* a month of a year: "%s %s" (month, year) */

	/* ---- The chart library ---- */
	const char *n_is;		/* "n = %s" (the count) */
	const char *small_n;		/* "n < 10: read with care" */
	const char *no_incidents;	/* "No incidents in this period" */
	const char *note_unreliable;	/* "* Share from fewer than 30 incidents: read with care." */
	const char *note_suppressed;	/* "Shares of fewer than 5 incidents are not shown." */
	const char *note_no_shares;	/* "Shares are not shown: a part has fewer than 5 incidents." */
	const char *not_available;	/* "n/a": a column without a value */
	const char *unknown;		/* "unknown": a count or a category not known */
	const char *more_not_shown;	/* "+ %s more not shown" (a count) */
	const char *interval;		/* "%s interval %s" (the level "95%", the range "19–46%") */
	const char *year_earlier;	/* "a year earlier": CHART_LINE's comparison */
	const char *no_previous;	/* "no previous period": a KPI without one */
	const char *within_noise;	/* "within normal variation": a KPI's change */
	const char *no_data;		/* "No data": the map's hatching */
	const char *map_unit;		/* "Incidents": the map legend's title */

	/* ---- The adapter (charts/fromquery.c) ---- */
	const char *unit;		/* "incidents": the count axis' caption */
	const char *minutes;		/* "%s min" (a number) */
	const char *hours;		/* "%s h" (a number) */
	const char *days;		/* "%s d" (a number) */
	const char *median;		/* "median %s" (a time: "3 h") */
	const char *p90;		/* "p90 %s" (a time) */
	const char *others;		/* "%s others" (a count): bars summed into one */
	const char *hidden;		/* "hidden (members only)": a list row not shown */
	const char *none;		/* "none": a list row of incidents with none */
	const char *public_bodies;	/* "Public bodies": public-sector's rows */
	const char *other_victims;	/* "Other victims" */
	/* "%s incident dated only to a longer period is not counted." (1) */
	const char *left_out_one;
	/* "%s incidents dated only to a longer period are not counted." (a count) */
	const char *left_out_many;
	/* "Time to contain known for %s of %s incidents." (known, n) */
	const char *contain_known;
	const char *change_on;		/* "Change on %s" (the previous period's label) */
	const char *test_below;		/* ", exact Poisson test p < %s" (0.001) */
	const char *test_is;		/* ", exact Poisson test p = %s" (p, 2 digits) */
	const char *share_note;		/* "* Share from fewer than 30 incidents." */
	const char *kpi_incidents;	/* "Incidents": the KPI tiles' labels */
	const char *kpi_public_share;	/* "Public share" */
	const char *kpi_public_victims;	/* "Public victims" */
	const char *kpi_countries;	/* "Countries" */
	const char *incident_one;	/* "%s incident" (1) */
	const char *incident_many;	/* "%s incidents" (a count) */
	const char *part_of;		/* "%s of %s" (a count, "19 incidents") */
	const char *of;			/* "of %s" ("4 incidents"): a count not shared */
	/* "Not on the map: %s" (countries with their counts, ", " between) */
	const char *not_on_map;
	const char *and_more;		/* " and %s more" (a count of countries) */
	const char *unknown_country;	/* "Country unknown: %s" (a count), alone */
	const char *also_unknown;	/* "; country unknown: %s" (a count), after others */

	/* Default titles (when the caller gives none) and notes, by query. */
	const char *title_overview, *title_by_country, *title_by_sector, *title_by_type;
	const char *title_by_month, *title_public_sector, *title_public_kinds;
	const char *title_response_time, *title_techniques, *title_motives, *title_actors;
	const char *note_by_country;	/* "An incident with several victim countries counts in each." */
	const char *note_by_sector;	/* "Public bodies by kind; other victims by their first sector." */
	const char *note_public_kinds;	/* "Shares are of the incidents with a public body as victim." */
	const char *note_techniques, *note_motives, *note_actors;
};

/* English: what every chart says when chart_data.words is NULL. */
extern const struct chart_words chart_words_en;

/* `w`, or chart_words_en when NULL. */
const struct chart_words *chart_words_or_en(const struct chart_words *w);

/*
 * Appends `fmt` with its first "%s" replaced by `a`, its second by `b`
 * ("%s" for which no string is given, NULL, is dropped) and "%%" by "%";
 * any other "%" is copied as it is.
 */
void chart_words_fill(struct buf *out, const char *fmt, const char *a, const char *b);

/* Appends `fmt` with numbers a and b (whole, chart_words_number()); b NaN: none. */
void chart_words_fill_numbers(struct buf *out, const struct chart_words *w, const char *fmt,
			      double a, double b);

/*
 * Appends month 1-12 (short: "Apr", long: "April") and, when `year` is not
 * NULL, its year as month_year says ("Apr 2024").
 */
void chart_words_month(struct buf *out, const struct chart_words *w, int month,
		       const char *year, int long_name);

/* Appends a time given in hours: "45 min", "6 h", "1.5 h", "12 d". */
void chart_words_duration(struct buf *out, const struct chart_words *w, double hours);

/* Appends `number`, as printf wrote it, with w's decimal mark: "0.094" to "0,094". */
void chart_words_decimal(struct buf *out, const struct chart_words *w, const char *number);

/*
 * Appends `v` with `decimals` digits (0 to 6) and w's separators:
 * "-1,234.5", "-1 234,5"; an en dash when v is not finite. w may be NULL.
 */
void chart_words_number(struct buf *out, const struct chart_words *w, double v, int decimals);

/*
 * Appends a share (0..1) as a whole percentage with w's sign: "31%",
 * "31 %"; "<1%" and ">99%" rather than a 0% or 100% that is not true.
 */
void chart_words_percent(struct buf *out, const struct chart_words *w, double share);

#endif
