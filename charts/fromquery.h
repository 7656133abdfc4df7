#ifndef CHARTS_FROMQUERY_H
#define CHARTS_FROMQUERY_H

/*
 * Charts from query results: the one place that knows which column of which
 * catalog query becomes labels, values, flags, markers or an interval.
 * Data flows one way: queries/ produce a struct query_result, this adapter
 * turns it into the typed series of chart.h, charts/ draw it. Nothing here
 * runs SQL.
 *
 * A struct query_chart owns every array and string its `data` points into,
 * and borrows nothing from the result after query_chart_init() returns, so
 * the result may be freed first. Release with query_chart_release().
 */

#include "chart.h"
#include "../queries/query.h"

struct query_chart {
	struct chart_data data;
	enum chart_kind kind;		/* as chosen: the query's default or the caller's */

	/* Storage behind `data` (owned). */
	char **labels;
	double *values, *compare;
	unsigned *flags;
	struct chart_series series[4];
	struct chart_marker markers[2];
	struct chart_kpi kpis[4];
	char *strings[16];		/* titles, notes, marker labels, texts */
	size_t strings_nr;
	size_t nr;
};

/*
 * The chart kind a query is drawn as when the caller does not choose:
 * bar for breakdowns, column for by-month, donut for public-sector,
 * distribution for response-time, kpi for overview. -1 for a query that
 * has no chart (notable).
 */
int query_chart_default_kind(const struct query *q);

/*
 * 1 when query `q` can be drawn as `kind` (-1: its default), 0 when
 * query_chart_init() would refuse it. No message: for checking a command
 * line or a template before any query runs.
 */
int query_chart_can_draw(const struct query *q, int kind);

/*
 * Builds the chart data for `r` drawn as `kind` (-1: the default). The
 * title is `title`, or the query's chart title ("Incidents by victim
 * country") when NULL; the subtitle is the period's label; n is the
 * result's n, except for response-time as a distribution, whose n is the
 * incidents with a known time to contain (the rest are in the note).
 *
 * Every word the adapter adds (default titles, notes, month labels,
 * marker labels, "12 others", "unknown", ...) and every number it writes
 * comes from `words` (lang/lang.h), which data.words points to, so that
 * the drawing uses the same; NULL is English. `words` is borrowed: it must
 * outlive the drawing. Labels that are data (country names, the
 * vocabulary, bucket names) are the result's, in English, for the caller
 * to translate; a map's labels are ISO codes and must stay so.
 *
 * Returns 0, or -1 with a message when the query cannot be drawn as that
 * kind ("'by-month' cannot be drawn as map: it draws as column or line");
 * `qc` is then released.
 */
int query_chart_init(struct query_chart *qc, const struct query_result *r, int kind,
		     const char *title, const struct chart_words *words);
void query_chart_release(struct query_chart *qc);

/*
 * Appends what an empty chart or table of `r` says, in `words` (NULL:
 * English): chart_words_empty() with the period's incidents (meta.whole)
 * and the words for what the query's rows count ("No public bodies among
 * the 2 incidents"). query_chart_init() sets data.empty to it; the
 * report's tables print it.
 */
void query_empty_text(struct buf *out, const struct query_result *r,
		      const struct chart_words *words);

/*
 * Puts a chart's data into `lang` where the adapter left data in English:
 * its subtitle becomes the period in `lang` (`subtitle` holds the text and
 * must outlive the drawing, as must qc), category labels that are country
 * names (by-country) or words of the vocabulary are translated, and so are
 * KPI labels, series names and the axis caption. A map's labels are ISO
 * codes and are left alone. qc must have been built with
 * i18n_chart_words(lang), which gives the chart's own words.
 */
void query_chart_localize(struct query_chart *qc, const struct query_result *r, enum lang lang,
			  struct buf *subtitle);

#endif
