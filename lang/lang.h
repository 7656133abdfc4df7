#ifndef LANG_LANG_H
#define LANG_LANG_H

/*
 * The language layer: every word ibrief prints in a briefing or on a
 * chart, in English, French, Dutch and German, and the one way each kind
 * of value is spelt (numbers, shares, durations, dates, periods). Both
 * charts/ and report/ use it; it knows no PDF, no cairo and no SQL.
 *
 *   words.c        the report's messages, the vocabulary, column headings
 *   chart_words.c  the words of charts, one table per language
 *   format.c       numbers, shares, durations, dates, periods, the filler
 *   country.c      country names from Debian's iso-codes catalogues
 *
 * Country names come from Debian's iso-codes: the English name from
 * util/country.h, its translation from the gettext catalogue
 * /usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo, read here directly
 * (a small documented binary format, see i18n_mo_lookup()) rather than
 * through dgettext(), which needs an installed locale for the language.
 * A missing catalogue is no error: the English name is used.
 *
 * Strings returned are static, or owned by this module until i18n_free().
 * Not thread-safe (the catalogues are loaded on first use).
 */

#include <stddef.h>

#include "../queries/query.h"
#include "../util/buf.h"

struct chart_words;

enum lang {
	LANG_EN,
	LANG_FR,
	LANG_NL,
	LANG_DE,
};
#define LANG_NR (LANG_DE + 1)

/* "en", "fr", "nl", "de" (any letter case) to the language; -1 for others. */
int i18n_lang_parse(const char *s);
const char *i18n_lang_code(enum lang lang);

/* The report's own words. Patterns hold {1}, {2}: see i18n_fill(). */
enum i18n_msg {
	MSG_PAGE_OF,		/* "Page {1} of {2}" */
	MSG_PERIOD,
	MSG_FILTERS,
	MSG_NO_FILTERS,
	MSG_ISSUED_BY,
	MSG_ISSUED,
	MSG_DATA_AS_OF,
	MSG_NEWEST_INCIDENT,	/* the newest incident date known to the day */
	MSG_TITLE_EUROPE,	/* "{1} in Europe": the template's title and the region */
	MSG_TITLE_AND,		/* " and ", before the last of the countries in a title */
	MSG_TITLE_PUBLIC,	/* "public bodies", the public-sector filter in a title */
	MSG_MARKING,
	MSG_TLP_DEFAULT,	/* the label is the template's default */
	MSG_TLP_CHOSEN,		/* the label was chosen on the command line */
	MSG_TLP_CONFIG,		/* the label is the user's configured default */
	MSG_COUNTRY,
	MSG_COUNTRIES,
	MSG_SECTOR,
	MSG_TYPE,
	MSG_PUBLIC_ONLY,
	MSG_WHY,
	MSG_WHAT,
	MSG_IMPACT,
	MSG_SOURCES,
	MSG_SOURCES_HIDDEN,	/* "{1} sources (members only)" */
	MSG_SOURCE_HIDDEN,	/* the same for one */
	MSG_MORE_SOURCES,	/* "{1} more sources" */
	MSG_AFFECTED,		/* "{1} people or records affected" */
	MSG_CONTAINED,		/* "contained after {1}" */
	MSG_ABOUT,		/* "about {1}" */
	MSG_MINUTES,		/* "{1} min": i18n_duration() */
	MSG_HOURS,		/* "{1} h" */
	MSG_DAY,		/* "1 day" */
	MSG_DAYS,		/* "{1} days" */
	MSG_WEEK,		/* "1 week" */
	MSG_WEEKS,		/* "{1} weeks" */
	MSG_MONTH,		/* "1 month" */
	MSG_MONTHS,		/* "{1} months" */
	MSG_AND,		/* "{1} and {2}": the last two of a list */
	MSG_SEMICOLON,		/* "; " between clauses, " ; " in French */
	MSG_COLON,		/* ": " after a label, " : " in French */
	MSG_TIMES_SPREAD,	/* "half were contained within {1}, nine in ten within {2}" */
	MSG_TIMES_FEW,		/* "they were contained after {1}" (the times, fewer than ten) */
	MSG_TIMES_NONE,		/* no time to contain is known */
	MSG_NOT_KNOWN,
	MSG_NO_INCIDENTS,	/* "No incidents were recorded {1}." ({1}: in the period) */
	MSG_NO_INCIDENTS_MORE,
	MSG_MORE_ROWS,		/* "{1} more rows in the attached file {2}." */
	MSG_UNRELIABLE,
	MSG_SUPPRESSED,
	MSG_DATA_FILE,		/* "Data: {1} (attached)" */
	MSG_PROVISIONAL,	/* "{1} is provisional: incidents surface late." */
	MSG_MADE_BY,		/* "Made with ibrief {1} from template {2}; ..." */
	MSG_YES,
	MSG_NO,
	MSG_UNKNOWN,
	MSG_NO_NOTABLE,		/* no incident met the criteria */
	MSG_TLP_CLEAR,		/* the meaning of each label, one line */
	MSG_TLP_GREEN,
	MSG_TLP_AMBER,
	MSG_TLP_AMBER_STRICT,
	MSG_TLP_RED,
	/* The cover's narrative: parts of its sentences. */
	MSG_NARR_ONE,		/* "1 incident {2}" ({2}: the period phrase) */
	MSG_NARR_MANY,		/* "{1} incidents {2}" ({1}: the count) */
	MSG_NARR_MORE,		/* "{1} more than {2}" ({1}: the difference, {2}: the previous period) */
	MSG_NARR_FEWER,
	MSG_NARR_SAME,		/* "as many as {2}" */
	MSG_NARR_SIGNIFICANT,
	MSG_NARR_NOT_SIGNIFICANT,
	MSG_NARR_PUBLIC,	/* "{1} hit public bodies (n = {2}, 95% CI {3})" */
	MSG_NARR_PUBLIC_CARE,	/* the same, from fewer than 30 incidents */
	MSG_NARR_PUBLIC_FEW,	/* "{1} of {2} hit public bodies (too few for a share)" */
	MSG_NARR_LEFT_OUT_ONE,	/* one incident dated too coarsely for the period */
	MSG_NARR_LEFT_OUT,	/* "{1} more incidents are dated too coarsely ..." */
	/* Table cells: rows of techniques, motives, actors that hold no value. */
	MSG_LIST_HIDDEN,	/* the source shows them to members only */
	MSG_LIST_NONE,		/* the source says there are none */
	MSG_LIST_UNKNOWN,	/* the source says nothing */
	/* The notable incidents' reasons (queries/notable.c), translated. */
	MSG_REASON_PINNED,	/* "pinned by an analyst" */
	MSG_REASON_FIRST,	/* "first in {1} for 12 months" ({1}: the country) */
	MSG_SINCE_TITLE,	/* the section "Since the last briefing" */
	MSG_SINCE_ISSUED,	/* "The last ... was issued on {1} for {2}." */
	MSG_SINCE_LATE,		/* "{1} incidents dated in or before {2} were added since." */
	MSG_SINCE_LATE_ONE,	/* the same for one */
	MSG_SINCE_FIGURE,	/* "{1}: {2} then, {3} now" */
	MSG_SINCE_PUBLIC,	/* "{1}, share of public bodies" ({1}: the period) */
	MSG_SINCE_COUNTRY,	/* "{1}, {2}" ({2}: a country) */
	MSG_NARR_TODAY,		/* "The comparison uses today’s count for {1}, {2} incidents; ..." */
};
#define MSG_NR (MSG_NARR_TODAY + 1)

/* The message in `lang`. */
const char *i18n_msg(enum lang lang, enum i18n_msg msg);

/*
 * Appends `pattern` to `out` with {1}..{9} replaced by args[0..nr) ({n}
 * beyond nr is left as it is). Patterns come from tables, so printf
 * formats are never built from data.
 */
void i18n_fill(struct buf *out, const char *pattern, const char *const *args, size_t nr);

/* Month 1-12 in `lang`, lower case where the language writes it so ("avril"). */
const char *i18n_month(enum lang lang, int month);

/*
 * A date "YYYY-MM-DD", "YYYY-MM" or "YYYY" as people write it: "8 April
 * 2024", "8 avril 2024", "8 april 2024", "8. April 2024"; "April 2024";
 * "2024". Anything else is appended as it is.
 */
void i18n_date(struct buf *out, enum lang lang, const char *date);

/* A period's label: "avril 2024", "T2 2024", "2024", "1 janvier 2024 – 10 mars 2024". */
void i18n_period(struct buf *out, enum lang lang, const struct query_period *p);

/*
 * The period as the complement of a sentence: "in April 2024", "en avril
 * 2024", "in april 2024", "im April 2024"; "from 1 January 2024 to ...".
 * `short_month` drops the year of a month or quarter (the sentence already
 * named it: "than in March").
 */
void i18n_in_period(struct buf *out, enum lang lang, const struct query_period *p, int short_month);

/* Integers with the language's thousands separator: 12,400 / 12 400 / 12.400. */
void i18n_int(struct buf *out, enum lang lang, long long v);
/*
 * A real with `decimals` places (0 to 6), rounded half away from zero, with
 * the language's marks: "-1,234.5", "-1 234,5"; never "-0"; an en dash
 * when v is not finite. The one number formatter of charts, text and tables.
 */
void i18n_real(struct buf *out, enum lang lang, double v, int decimals);
/*
 * A proportion in [0, 1] as a whole percentage, rounded half away from
 * zero: "31%", "31 %" (fr, de); 1 of 8 is "13%". A share above 0 that
 * would round to 0 is "<1%", one below 1 that would round to 100 is
 * ">99%"; an en dash when it is not finite. The one percent formatter of
 * charts, text and tables.
 */
void i18n_percent(struct buf *out, enum lang lang, double share);
/*
 * A time given in hours as a manager reads it, the same in text and on
 * charts: minutes under an hour ("45 min"), hours under two days ("6 h",
 * "1.5 h"), days under eight weeks ("12 days"), weeks under half a year
 * ("9 weeks"), then months of 30.44 days ("7 months"). An en dash when
 * hours is negative or not finite.
 */
void i18n_duration(struct buf *out, enum lang lang, double hours);

/*
 * Appends the items of a list joined as the language does: "a", "a and b",
 * "a, b and c" (MSG_AND).
 */
void i18n_list(struct buf *out, enum lang lang, const char *const *items, size_t nr);

/* A range of proportions: "19–46%", "19–46 %". */
void i18n_percent_range(struct buf *out, enum lang lang, double low, double high);
/* The marks those use: decimal ("." ","), thousands ("," NBSP "."), after a percentage. */
const char *i18n_decimal_mark(enum lang lang);
const char *i18n_thousands(enum lang lang);
const char *i18n_percent_sign(enum lang lang);

/*
 * The words of charts (struct chart_words below) in `lang`, from
 * chart_words.c; month names and number marks are the ones above.
 * The table is static (filled on first use); never NULL.
 */
const struct chart_words *i18n_chart_words(enum lang lang);

/*
 * A word of the incident vocabulary (types, public kinds, response-time
 * buckets, the adapter's group labels) in `lang`; NULL when the word is not
 * in the vocabulary, so callers keep what they had.
 */
const char *i18n_vocab(enum lang lang, const char *word);

/*
 * A label of query data in `lang`: a word of the vocabulary, or "public:
 * KIND" (by-sector's public bodies) as "public" and the kind; any other
 * text as it is.
 */
void i18n_label(struct buf *out, enum lang lang, const char *s);

/*
 * The name of NAICS sector `code` ("62", "31-33", as by-sector's sector
 * column gives it) in `lang`; NULL when it is not a NAICS 2022 sector.
 */
const char *i18n_sector(enum lang lang, const char *code);

/* A column's heading for tables: "Incidents", "Part", ...; never NULL. */
const char *i18n_column(enum lang lang, const char *column);

/*
 * The name of the country with alpha-2 code `code` in `lang`; the English
 * name when there is no translation, the code itself when ISO has no such
 * country. Never NULL.
 */
const char *i18n_country(enum lang lang, const char *code);

/*
 * Looks `msgid` up in the gettext catalogue at `path` (a .mo file: magic
 * 0x950412de in either byte order, then the count N and the offsets of
 * two tables of N (length, offset) pairs, originals sorted). Returns the
 * translation in a new string the caller frees, or NULL when the file
 * cannot be read, is not a catalogue, or has no such message. For tests;
 * i18n_country() keeps its catalogues loaded.
 */
char *i18n_mo_lookup(const char *path, const char *msgid);

/*
 * Checks every table of words.c: each key (message, month, vocabulary
 * word, column, sector) has a non-empty entry in every language, with the
 * English entry's placeholders. Appends one line per fault to `problems`
 * and returns their number (0: every language is complete).
 */
size_t i18n_check(struct buf *problems);

/* Frees the loaded catalogues (for leak checkers). */
void i18n_free(void);

/* ---- The words of charts ------------------------------------------------ */

/*
 * The words and number conventions a chart is written in: every string the
 * chart library (the charts/ drawing code) and the query adapter (charts/fromquery.c)
 * put on a chart that the caller did not give them.
 *
 * charts/ knows no language: the caller picks a struct chart_words
 * (i18n_chart_words()) and points struct chart_data's
 * `words` at it; NULL means chart_words_en, which gives the English every
 * chart had before charts had words, byte for byte.
 *
 * Formats are patterns of i18n_fill(): "{1}" gets the first string given,
 * "{2}" the second (numbers are formatted first, in the table's language);
 * each field's comment says what they get. Strings are UTF-8 and borrowed
 * for the duration of a call, like the rest of struct chart_data. No field
 * may be NULL.
 */

struct chart_words {
	/* ---- Numbers: i18n_real() and i18n_percent() in this language ---- */
	enum lang lang;

	/* ---- Months (the adapter's axis labels) ---- */
	const char *month_short[12];	/* "Jan" .. "Dec" */
	const char *month_long[12];	/* "January" .. "December" */
	const char *month_year;		/* a month of a year: "{1} {2}" (month, year) */

	/* ---- The chart library ---- */
	const char *n_is;		/* "n = {1}" (the count) */
	const char *small_n;		/* "n < 10: read with care" */
	const char *no_incidents;	/* "No incidents in this period" */
	/*
	 * What an empty chart or table says when the period is not empty
	 * (chart_words_empty()): {1} gets "2 incidents" (incident_one/_many),
	 * or, for empty_coarse, a count.
	 */
	const char *empty_among;	/* "None among the {1}" */
	const char *empty_public;	/* "No public bodies among the {1}" */
	const char *empty_time;		/* "No time to contain known for the {1}" */
	/* "No incident dated within this period ({1} known only to a coarser date)" */
	const char *empty_coarse;
	const char *note_unreliable;	/* "* Share from fewer than 30 incidents: read with care." */
	const char *note_suppressed;	/* "Shares of fewer than 5 incidents are not shown." */
	const char *note_no_shares;	/* "Shares are not shown: a part has fewer than 5 incidents." */
	const char *not_available;	/* "n/a": a column without a value */
	const char *unknown;		/* "unknown": a count or a category not known */
	const char *more_not_shown;	/* "+ {1} more not shown" (a count) */
	const char *interval;		/* "{1} interval {2}" (the level "95%", the range "19–46%") */
	const char *year_earlier;	/* "a year earlier": CHART_LINE's comparison */
	const char *no_previous;	/* "no previous period": a KPI without one */
	const char *within_noise;	/* "within normal variation": a KPI's change */
	const char *no_data;		/* "No data": the map's hatching */
	const char *map_unit;		/* "Incidents": the map legend's title */

	/* ---- The adapter (charts/fromquery.c) ---- */
	const char *unit;		/* "incidents": the count axis' caption */
	const char *median;		/* "median {1}" (a time: "3 h") */
	const char *p90;		/* "p90 {1}" (a time) */
	const char *others;		/* "{1} others" (a count): bars summed into one */
	const char *hidden;		/* "hidden (members only)": a list row not shown */
	const char *none;		/* "none": a list row of incidents with none */
	const char *public_bodies;	/* "Public bodies": public-sector's rows */
	const char *other_victims;	/* "Other victims" */
	/* "{1} incident dated only to a longer period is not counted." (1) */
	const char *left_out_one;
	/* "{1} incidents dated only to a longer period are not counted." (a count) */
	const char *left_out_many;
	/* "Time to contain known for {1} of {2} incidents." (known, n) */
	const char *contain_known;
	const char *change_on;		/* "Change on {1}" (the previous period's label) */
	const char *test_below;		/* ", exact Poisson test p < {1}" (0.001) */
	const char *test_is;		/* ", exact Poisson test p = {1}" (p, 2 digits) */
	const char *share_note;		/* "* Share from fewer than 30 incidents." */
	const char *kpi_incidents;	/* "Incidents": the KPI tiles' labels */
	const char *kpi_public_share;	/* "Public share" */
	const char *kpi_public_victims;	/* "Public victims" */
	const char *kpi_countries;	/* "Countries" */
	const char *kpi_share_of_all;	/* "Share of all incidents": a filtered briefing's part */
	const char *incident_one;	/* "{1} incident" (1) */
	const char *incident_many;	/* "{1} incidents" (a count) */
	const char *part_of;		/* "{1} of {2}" (a count, "19 incidents") */
	const char *of;			/* "of {1}" ("4 incidents"): a count not shared */
	/* "Not on the map: {1}" (countries with their counts, ", " between) */
	const char *not_on_map;
	const char *and_more;		/* " and {1} more" (a count of countries) */
	const char *unknown_country;	/* "Country unknown: {1}" (a count), alone */
	const char *also_unknown;	/* "; country unknown: {1}" (a count), after others */

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
 * Appends `fmt` filled by i18n_fill() with `a` as {1} and `b` as {2}; a
 * NULL string leaves its placeholder and those after it as they are.
 */
void chart_words_fill(struct buf *out, const char *fmt, const char *a, const char *b);

/* Appends `fmt` with whole numbers a and b (i18n_real()); b NaN: none. */
void chart_words_fill_numbers(struct buf *out, const struct chart_words *w, const char *fmt,
			      double a, double b);

/*
 * Appends what an empty chart or table says, the one rule for every chart
 * and table of a briefing: with no incident in the period (`whole` 0), "No
 * incidents in this period", or empty_coarse when `left_out` incidents are
 * known only to a coarser date that overlaps it; else `what` (a pattern of
 * `w`, such as w->empty_public; NULL: w->empty_among) with the period's
 * `whole` incidents: "No public bodies among the 2 incidents".
 */
void chart_words_empty(struct buf *out, const struct chart_words *w, const char *what,
		       long long whole, long long left_out);

/*
 * Appends month 1-12 (short: "Apr", long: "April") and, when `year` is not
 * NULL, its year as month_year says ("Apr 2024").
 */
void chart_words_month(struct buf *out, const struct chart_words *w, int month,
		       const char *year, int long_name);

/* Appends `number`, as printf wrote it, with w's decimal mark: "0.094" to "0,094". */
void chart_words_decimal(struct buf *out, const struct chart_words *w, const char *number);

#endif
