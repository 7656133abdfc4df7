#ifndef REPORT_I18N_H
#define REPORT_I18N_H

/*
 * The words of a briefing in English, French, Dutch and German: the few
 * template words the report itself prints (page numbers, the cover's
 * labels, the notable incidents' headings), month names, dates, numbers in
 * each language's conventions, the incident vocabulary, and country names.
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
struct query_chart;

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
	MSG_HOURS,		/* "{1} h" */
	MSG_DAYS,		/* "{1} days" */
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
	MSG_NO_ROWS,		/* a table with no rows */
	MSG_TLP_CLEAR,		/* the meaning of each label, one line */
	MSG_TLP_GREEN,
	MSG_TLP_AMBER,
	MSG_TLP_AMBER_STRICT,
	MSG_TLP_RED,
};
#define MSG_NR (MSG_TLP_RED + 1)

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
/* A real with `decimals` places and the language's decimal mark. */
void i18n_real(struct buf *out, enum lang lang, double v, int decimals);
/* A proportion in [0, 1] as a whole percentage: "31%", "31 %" (fr, de); "<1%" above 0. */
void i18n_percent(struct buf *out, enum lang lang, double share);
/* A range of proportions: "19–46%", "19–46 %". */
void i18n_percent_range(struct buf *out, enum lang lang, double low, double high);
/* The marks those use: decimal ("." ","), thousands ("," NBSP "."), after a percentage. */
const char *i18n_decimal_mark(enum lang lang);
const char *i18n_thousands(enum lang lang);
const char *i18n_percent_sign(enum lang lang);

/*
 * The words of charts (charts/words.h) in `lang`: the translations are in
 * report/i18n_chart.c; month names and number marks are the ones above.
 * The table is static (filled on first use); never NULL.
 */
const struct chart_words *i18n_chart_words(enum lang lang);

/*
 * Puts a chart's data into `lang` where the adapter left data in English:
 * its subtitle becomes the period in `lang` (`subtitle` holds the text and
 * must outlive the drawing, as must qc), category labels that are country
 * names (by-country) or words of the vocabulary are translated, and so are
 * KPI labels, series names and the axis caption. A map's labels are ISO
 * codes and are left alone. qc must have been built with
 * i18n_chart_words(lang), which gives the chart's own words.
 */
void i18n_chart_localize(enum lang lang, struct query_chart *qc, const struct query_result *r,
			 struct buf *subtitle);

/*
 * A word of the incident vocabulary (types, public kinds, response-time
 * buckets, the adapter's group labels) in `lang`; NULL when the word is not
 * in the vocabulary, so callers keep what they had.
 */
const char *i18n_vocab(enum lang lang, const char *word);

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

/* Frees the loaded catalogues (for leak checkers). */
void i18n_free(void);

#endif
