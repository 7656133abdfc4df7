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
 * vocabulary, NAICS sectors) are put into the words' language here; a
 * map's labels are ISO codes and stay so.
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
 * What a chart of a result is drawn with, besides the result and its size.
 * Months not known yet (after the store's newest data) are the result's
 * NULL counts: queries/ decides them, the chart draws them as unknown.
 */
struct query_chart_request {
	int kind;			/* -1: the query's default */
	const char *title;		/* NULL: the query's chart title in `lang` */
	enum lang lang;
	/* When not NULL, called with the spec and data just before they are drawn (a proof). */
	void (*seen)(void *arg, const struct chart_spec *spec, const struct chart_data *data);
	void *seen_arg;
	/* CHART_MAP: list the countries of these shapes (the world map); NULL: Europe's. */
	const struct geo *shapes;
};

/*
 * Builds the chart data for `r` as `req` asks: query_chart_init() with the
 * words of req->lang. Returns 0, or -1 with a message (qc released).
 */
int query_chart_build(struct query_chart *qc, const struct query_result *r,
		      const struct query_chart_request *req);

/*
 * Draws `r` as `req` asks, at spec's size, resolution and map (its kind is
 * the chart's), and appends the document in `format` to `out`: the one
 * path from a result to a chart, which `ibrief chart` and the report both
 * take, so that the two cannot differ. Returns 0, or -1 with a message.
 */
int query_chart_draw(const struct query_result *r, const struct query_chart_request *req,
		     const struct chart_spec *spec, enum chart_format format, struct buf *out);

/*
 * Re-lists the countries of a CHART_MAP made by query_chart_init() for the
 * shapes `g` instead of the built-in Europe map's: every focus feature of
 * `g` (0 when the result has no row for it), the other features the result
 * has a row for, and in the note the rows no feature draws and the unknown
 * country. For the world map. Returns 0, or -1 with a message when `qc` is
 * not a map.
 */
int query_chart_map_shapes(struct query_chart *qc, const struct query_result *r,
			   const struct geo *g);

#endif
