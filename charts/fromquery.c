/*
 * Charts from query results (fromquery.h): which column of which catalog
 * query becomes labels, values, flags, markers or an interval.
 *
 * The table adapters[] says, per query, the kind it is drawn as by default,
 * the kinds it can be drawn as, its title and which column labels its rows.
 * The builders below say, per kind, how rows become a struct chart_data:
 *
 *   bar           one bar per row, in row order: counts from `incidents`,
 *                 the row's share flag, shares shown; a NULL key is the
 *                 category "unknown" (a list query's rows that are not a
 *                 value are named by their `kind`), never dropped, so the
 *                 bars add up as the rows do; past BAR_KEEP rows, the
 *                 smallest are summed into one bar ("12 others")
 *   map           by-country: alpha-2 codes; see fromquery_map.c
 *   column, line  by-month: one slot per row; the line has `year_before` as
 *                 its comparison
 *   donut,        public-sector: the public row first, then the others; the
 *   share-bar     interval is the public row's ci_low .. ci_high at 0.95
 *   distribution  response-time: the buckets with a bucket name; markers
 *                 for the median and the p90 placed over the buckets' edges
 *                 (min_hours, max_hours); n is the incidents with a known
 *                 time, and the note says how many of the result's n
 *   kpi           overview: incidents against the previous period with its
 *                 test, the public bodies' share, victim countries
 *
 */
#include "fromquery.h"
#include "fromquery_int.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/country.h"
#include "../util/util.h"
#include "../util/banned.h"

#define KIND(k) (1u << (k))

/* A word of struct chart_words, by its offset: the adapters' titles and notes. */
#define WORD(field) (offsetof(struct chart_words, field) + 1)

struct adapter {
	const struct query *query;
	size_t title;			/* WORD(): the title when the caller gives none */
	enum chart_kind kind;		/* the default */
	unsigned kinds;			/* KIND() of every kind it can be drawn as */
	const char *label;		/* the column that names a row */
	const char *key;		/* the column NULL on the unknown row; NULL: label */
	const char *kind_column;	/* lists: names the rows without a value */
	size_t note;			/* WORD(): the note of bars; 0 for none */
	/* WORD(): what is empty when its rows count none of the period's
	 * incidents (chart_words_empty()); 0: empty_among. */
	size_t empty;
};

static const struct adapter adapters[] = {
	{ .query = &query_overview, .title = WORD(title_overview),
	  .kind = CHART_KPI, .kinds = KIND(CHART_KPI) },
	{ .query = &query_by_country, .title = WORD(title_by_country),
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR) | KIND(CHART_MAP), .label = "name",
	  .key = "country",
	  .note = WORD(note_by_country) },
	{ .query = &query_by_sector, .title = WORD(title_by_sector),
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR), .label = "name",
	  .note = WORD(note_by_sector) },
	{ .query = &query_by_type, .title = WORD(title_by_type),
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR), .label = "type" },
	{ .query = &query_by_month, .title = WORD(title_by_month),
	  .kind = CHART_COLUMN, .kinds = KIND(CHART_COLUMN) | KIND(CHART_LINE), .label = "month" },
	{ .query = &query_public_sector, .title = WORD(title_public_sector),
	  .kind = CHART_DONUT, .kinds = KIND(CHART_DONUT) | KIND(CHART_SHARE_BAR) | KIND(CHART_BAR),
	  .label = "group" },
	{ .query = &query_public_kinds, .title = WORD(title_public_kinds),
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR), .label = "kind",
	  .note = WORD(note_public_kinds), .empty = WORD(empty_public) },
	{ .query = &query_response_time, .title = WORD(title_response_time),
	  .kind = CHART_DISTRIBUTION, .kinds = KIND(CHART_DISTRIBUTION) | KIND(CHART_BAR),
	  .label = "bucket", .empty = WORD(empty_time) },
	{ .query = &query_techniques, .title = WORD(title_techniques),
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR), .label = "value", .kind_column = "kind",
	  .note = WORD(note_techniques) },
	{ .query = &query_motives, .title = WORD(title_motives),
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR), .label = "value", .kind_column = "kind",
	  .note = WORD(note_motives) },
	{ .query = &query_actors, .title = WORD(title_actors),
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR), .label = "value", .kind_column = "kind",
	  .note = WORD(note_actors) },
};

/* The word at WORD() offset `off` of `w`; NULL for 0. */
static const char *word_at(const struct chart_words *w, size_t off)
{
	return off ? *(const char *const *)(const void *)((const char *)w + off - 1) : NULL;
}

static const struct adapter *adapter_for(const struct query *q)
{
	for (size_t i = 0; q && i < ARRAY_SIZE(adapters); i++)
		if (adapters[i].query == q)
			return &adapters[i];
	return NULL;
}

void query_empty_text(struct buf *out, const struct query_result *r,
		      const struct chart_words *words)
{
	const struct adapter *a = adapter_for(r->query);

	words = chart_words_or_en(words);
	chart_words_empty(out, words, a ? word_at(words, a->empty) : NULL, r->meta.whole,
			  r->meta.left_out);
}

int query_chart_default_kind(const struct query *q)
{
	const struct adapter *a = adapter_for(q);

	return a ? (int)a->kind : -1;
}

int query_chart_can_draw(const struct query *q, int kind)
{
	const struct adapter *a = adapter_for(q);

	if (!a)
		return 0;
	return kind < 0 || (kind < CHART_KIND_NR && (a->kinds & KIND(kind)));
}

/* "column or line", "bar, donut or share-bar" */
static void kinds_text(struct buf *out, unsigned kinds)
{
	int left = 0;

	for (int k = 0; k < CHART_KIND_NR; k++)
		left += !!(kinds & KIND(k));
	for (int k = 0; k < CHART_KIND_NR; k++)
		if (kinds & KIND(k))
			buf_addf(out, "%s%s", chart_kind_name((enum chart_kind)k),
				 --left > 1 ? ", " : left ? " or " : "");
}

/* ---- Storage --------------------------------------------------------- */

/* Takes `s` (malloc'ed) into qc->strings and returns it. */
static const char *keep(struct query_chart *qc, char *s)
{
	if (qc->strings_nr >= ARRAY_SIZE(qc->strings))
		die("query_chart: more than %zu strings", ARRAY_SIZE(qc->strings));
	qc->strings[qc->strings_nr++] = s;
	return s;
}

const char *qc_keep_buf(struct query_chart *qc, struct buf *b)
{
	return keep(qc, buf_detach(b, NULL));
}

/* Room for nr categories: labels, values and flags, set to none. */
void qc_alloc_categories(struct query_chart *qc, size_t nr, int with_compare)
{
	size_t n = nr ? nr : 1;

	qc->nr = nr;
	qc->labels = xcalloc(n, sizeof(*qc->labels));
	qc->values = xcalloc(n, sizeof(*qc->values));
	qc->flags = xcalloc(n, sizeof(*qc->flags));
	if (with_compare)
		qc->compare = xcalloc(n, sizeof(*qc->compare));
	qc->data.nr = nr;
	qc->data.labels = (const char *const *)qc->labels;
	qc->data.flags = qc->flags;
	qc->series[0].values = qc->values;
	qc->data.series = qc->series;
	qc->data.series_nr = 1;
}

void query_chart_release(struct query_chart *qc)
{
	for (size_t i = 0; qc->labels && i < qc->nr; i++)
		free(qc->labels[i]);
	free(qc->labels);
	free(qc->values);
	free(qc->compare);
	free(qc->flags);
	for (size_t i = 0; i < qc->strings_nr; i++)
		free(qc->strings[i]);
	memset(qc, 0, sizeof(*qc));
}

/* ---- Words ------------------------------------------------------------ */

/* The chart's words: never NULL. */
const struct chart_words *qc_words(const struct query_chart *qc)
{
	return chart_words_or_en(qc->data.words);
}

/* A period's label in the chart's language, as the report names it (i18n_period()). */
static char *period_text(const struct query_chart *qc, const struct query_period *p)
{
	struct buf b = BUF_INIT;

	i18n_period(&b, qc_words(qc)->lang, p);
	return buf_detach(&b, NULL);
}

/* ---- Reading the result ---------------------------------------------- */

/* The column must be there: a query whose columns changed is a bug to report, not to draw. */
int qc_need_columns(const struct query_result *r, const char *const *names)
{
	for (; *names; names++)
		if (query_column_index(r, *names) < 0)
			return error("query '%s' has no column '%s' to chart", r->query->name, *names);
	return 0;
}

const char *qc_text_at(const struct query_result *r, size_t row, const char *col)
{
	const struct query_cell *c = query_cell(r, row, col);

	return c && !c->null ? c->s : NULL;
}

/* A count or a real as a double; NaN when NULL (unknown, never zero). */
double qc_number_at(const struct query_result *r, size_t row, const char *col)
{
	const struct query_cell *c = query_cell(r, row, col);
	int i = query_column_index(r, col);

	if (!c || c->null || i < 0)
		return NAN;
	return r->columns[i].type == QUERY_REAL ? c->r : (double)c->i;
}

unsigned qc_chart_flag(enum share_flag f)
{
	return f == SHARE_SUPPRESSED ? CHART_SUPPRESSED : f == SHARE_UNRELIABLE ? CHART_UNRELIABLE : 0;
}

static double figure(const struct query_result *r, const char *name)
{
	const struct query_figure *f = query_figure(r, name);

	return f && !f->null ? f->value : NAN;
}

/*
 * A name the result gives in English, in `lang`: a country by its code
 * (by-country's "country" column), a NAICS sector by its code (by-sector's
 * "sector"), else a word of the vocabulary (i18n_label()). The labels of a
 * chart are made here, once, for `ibrief chart` and the report alike.
 */
static char *data_label(enum lang lang, const struct query_result *r, size_t row, const char *s)
{
	const char *code = qc_text_at(r, row, "country");
	struct buf b = BUF_INIT;

	if (code && country_name(code))
		return xstrdup(i18n_country(lang, code));
	code = qc_text_at(r, row, "sector");
	if (code && i18n_sector(lang, code))
		return xstrdup(i18n_sector(lang, code));
	i18n_label(&b, lang, s);
	return buf_detach(&b, NULL);
}

/* How a row is named on a chart. */
static char *row_label(const struct query_chart *qc, const struct adapter *a,
		       const struct query_result *r, size_t row)
{
	const char *s = qc_text_at(r, row, a->label), *kind;
	const struct chart_words *w = qc_words(qc);

	if (a->query->key == QUERY_KEY_PUBLIC_GROUP && s)
		return xstrdup(!strcmp(s, "public") ? w->public_bodies :
			       !strcmp(s, "other") ? w->other_victims : s);
	if (s)
		return data_label(w->lang, r, row, s);
	kind = a->kind_column ? qc_text_at(r, row, a->kind_column) : NULL;
	if (kind && !strcmp(kind, "hidden"))
		return xstrdup(w->hidden);
	if (kind && !strcmp(kind, "none"))
		return xstrdup(w->none);
	return xstrdup(w->unknown);
}

/* ---- Bars ------------------------------------------------------------ */

/*
 * A breakdown of many rows (by-country over a year has dozens) keeps its
 * BAR_KEEP largest keyed rows, in row order, and sums the others into one
 * bar ("21 others") before the unknown row, so that the unknown row is
 * never among the rows a chart has no room for, and the bars still add up
 * as the rows do. Lists (techniques, ...) are already cut by --limit.
 */
#define BAR_KEEP 10

struct ranked {
	size_t row;
	double v;
};

/* Most first; ties in row order, so that the same rows are kept every time. */
static int by_value(const void *a_, const void *b_)
{
	const struct ranked *a = a_, *b = b_;
	double va = isfinite(a->v) ? a->v : -1, vb = isfinite(b->v) ? b->v : -1;

	if (va != vb)
		return va > vb ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

/* 1 for a row with a key, 0 for the unknown row. */
static int keyed_row(const struct adapter *a, const struct query_result *r, size_t row)
{
	return qc_text_at(r, row, a->key ? a->key : a->label) != NULL;
}

/* Marks in keep[] the rows drawn as bars of their own; returns how many are folded. */
static size_t choose_rows(const struct adapter *a, const struct query_result *r, char *keep)
{
	struct ranked *rank;
	size_t keyed = 0, folded = 0;

	for (size_t i = 0; i < r->rows_nr; i++)
		keep[i] = 1;
	if (a->kind_column || r->rows_nr <= BAR_KEEP + 2)
		return 0;
	rank = xcalloc(r->rows_nr, sizeof(*rank));
	for (size_t i = 0; i < r->rows_nr; i++)
		if (keyed_row(a, r, i))
			rank[keyed++] = (struct ranked){ i, qc_number_at(r, i, "incidents") };
	if (keyed > BAR_KEEP + 1) {
		qsort(rank, keyed, sizeof(*rank), by_value);
		for (size_t k = BAR_KEEP; k < keyed; k++)
			keep[rank[k].row] = 0;
		folded = keyed - BAR_KEEP;
	}
	free(rank);
	return folded;
}

static int build_bar(struct query_chart *qc, const struct query_result *r, const struct adapter *a)
{
	const char *const cols[] = { a->label, "incidents", NULL };
	char *keep = NULL;
	size_t folded, k = 0;
	double others = 0;
	unsigned others_flag = 0;
	int others_placed = 0, mixed;

	query_taxonomy_label(r, &mixed);
	if (qc_need_columns(r, cols) < 0)
		return -1;
	keep = xcalloc(r->rows_nr ? r->rows_nr : 1, 1);
	folded = choose_rows(a, r, keep);
	qc_alloc_categories(qc, r->rows_nr - folded + (folded > 0), 0);
	for (size_t i = 0; i < r->rows_nr; i++) {
		if (!keep[i]) {
			double v = qc_number_at(r, i, "incidents");

			others += isfinite(v) ? v : 0;
			others_flag = qc_chart_flag(r->rows[i].flag);
		}
	}
	for (size_t i = 0; i <= r->rows_nr; i++) {
		/* The others go before the first unknown row, or last. */
		if (folded && !others_placed && (i == r->rows_nr || !keyed_row(a, r, i))) {
			struct buf b = BUF_INIT;

			chart_words_fill_numbers(&b, qc_words(qc), qc_words(qc)->others, (double)folded, NAN);
			qc->labels[k] = buf_detach(&b, NULL);
			qc->values[k] = others;
			qc->flags[k++] = others_flag;
			others_placed = 1;
		}
		if (i == r->rows_nr || !keep[i])
			continue;
		qc->labels[k] = row_label(qc, a, r, i);
		if (mixed && query_row_taxonomy(r, i)) {	/* each bar says its taxonomy */
			struct buf b = BUF_INIT;

			buf_addf(&b, "%s \xc2\xb7 %s", query_row_taxonomy(r, i), qc->labels[k]);
			free(qc->labels[k]);
			qc->labels[k] = buf_detach(&b, NULL);
		}
		qc->values[k] = qc_number_at(r, i, "incidents");
		qc->flags[k++] = qc_chart_flag(r->rows[i].flag);
	}
	free(keep);
	qc->data.show_share = 1;
	qc->data.note = word_at(qc_words(qc), a->note);
	return 0;
}

/* ---- Months ---------------------------------------------------------- */

/*
 * "Apr" when every month is of one year (the subtitle names it), else
 * "Apr 2024"; a label that is not YYYY-MM is kept as it is.
 */
static char *month_label(const struct query_chart *qc, const char *ym, int one_year)
{
	const struct chart_words *w = qc_words(qc);
	long y, m;
	char part[5];
	struct buf b = BUF_INIT;

	if (!ym || strlen(ym) != 7 || ym[4] != '-')
		return xstrdup(ym ? ym : w->unknown);
	memcpy(part, ym, 4);
	part[4] = '\0';
	if (parse_long(part, 0, 9999, &y) < 0 || parse_long(ym + 5, 1, 12, &m) < 0)
		return xstrdup(ym);
	chart_words_month(&b, w, (int)m, one_year ? NULL : part, 0);
	return buf_detach(&b, NULL);
}

static int build_months(struct query_chart *qc, const struct query_result *r,
			const struct adapter *a, enum chart_kind kind)
{
	static const char *const cols[] = { "month", "incidents", "year_before", NULL };
	const struct query_period *p = &r->meta.period;
	const char *first = r->rows_nr ? qc_text_at(r, 0, "month") : NULL;
	const char *last = r->rows_nr ? qc_text_at(r, r->rows_nr - 1, "month") : NULL;
	int one_year = first && last && !strncmp(first, last, 4);

	(void)a;
	if (qc_need_columns(r, cols) < 0)
		return -1;
	qc_alloc_categories(qc, r->rows_nr, kind == CHART_LINE);
	for (size_t i = 0; i < r->rows_nr; i++) {
		qc->labels[i] = month_label(qc, qc_text_at(r, i, "month"), one_year);
		qc->values[i] = qc_number_at(r, i, "incidents");
		if (qc->compare)
			qc->compare[i] = qc_number_at(r, i, "year_before");
	}
	qc->data.flags = NULL;
	qc->data.unit = qc_words(qc)->unit;
	if (kind == CHART_LINE) {
		struct query_period before;

		qc->series[0].name = keep(qc, period_text(qc, p));
		qc->data.compare.values = qc->compare;
		/* A year's comparison is the year before: name it. */
		if (p->kind == QUERY_PERIOD_YEAR && query_period_year(&before, p->year - 1) == 0)
			qc->data.compare.name = keep(qc, xstrdup(before.label));
		else
			qc->data.compare.name = qc_words(qc)->year_earlier;
	}
	if (r->meta.left_out > 0) {
		struct buf b = BUF_INIT;

		chart_words_fill_numbers(&b, qc_words(qc), r->meta.left_out == 1 ? qc_words(qc)->left_out_one
							   : qc_words(qc)->left_out_many,
			     (double)r->meta.left_out, NAN);
		qc->data.note = qc_keep_buf(qc, &b);
	}
	return 0;
}

/* ---- Shares: public-sector ------------------------------------------- */

/*
 * Category 0 is the public row, as the donut needs, then the others; the
 * unknown row only when it has incidents (the whole is then n, as the
 * interval's), so that a donut of two parts keeps its grey "other".
 */
static int build_share(struct query_chart *qc, const struct query_result *r,
		       const struct adapter *a)
{
	static const char *const cols[] = { "group", "incidents", "ci_low", "ci_high", NULL };
	size_t order[3], nr = 0;
	long pub = -1;
	double lo, hi;

	if (qc_need_columns(r, cols) < 0)
		return -1;
	if (!r->rows_nr) {
		qc_alloc_categories(qc, 0, 0);	/* drawn as "No incidents" */
		return 0;
	}
	for (size_t i = 0; i < r->rows_nr; i++) {
		const char *g = qc_text_at(r, i, "group");

		if (g && !strcmp(g, "public"))
			pub = (long)i;
	}
	if (pub < 0)
		return error("query '%s' has no row 'public' to chart", r->query->name);
	order[nr++] = (size_t)pub;
	for (size_t i = 0; i < r->rows_nr && nr < ARRAY_SIZE(order); i++) {
		double v = qc_number_at(r, i, "incidents");

		if ((long)i == pub || (!qc_text_at(r, i, "group") && !(v > 0)))
			continue;
		order[nr++] = i;
	}
	qc_alloc_categories(qc, nr, 0);
	for (size_t k = 0; k < nr; k++) {
		qc->labels[k] = row_label(qc, a, r, order[k]);
		qc->values[k] = qc_number_at(r, order[k], "incidents");
		qc->flags[k] = qc_chart_flag(r->rows[order[k]].flag);
	}
	lo = qc_number_at(r, (size_t)pub, "ci_low");
	hi = qc_number_at(r, (size_t)pub, "ci_high");
	if (isfinite(lo) && isfinite(hi)) {
		qc->data.low = lo;
		qc->data.high = hi;
		qc->data.level = 0.95;
	}
	return 0;
}

/* ---- Distribution: response-time ------------------------------------ */

static int build_distribution(struct query_chart *qc, const struct query_result *r,
			      const struct adapter *a)
{
	static const char *const cols[] = { "bucket", "min_hours", "max_hours", "incidents", NULL };
	const char *const names[2] = { qc_words(qc)->median, qc_words(qc)->p90 };
	static const char *const figures[2] = { "median_hours", "p90_hours" };
	double *edges = NULL, known, unknown = 0;
	size_t nr = 0, k = 0;
	struct buf b = BUF_INIT, time = BUF_INIT;

	if (qc_need_columns(r, cols) < 0)
		return -1;
	for (size_t i = 0; i < r->rows_nr; i++)
		nr += qc_text_at(r, i, "bucket") != NULL;
	qc_alloc_categories(qc, nr, 0);
	edges = xcalloc(nr + 1, sizeof(*edges));
	for (size_t i = 0; i < r->rows_nr; i++) {
		double v = qc_number_at(r, i, "incidents"), lo, hi;

		if (!qc_text_at(r, i, "bucket")) {
			unknown += isfinite(v) ? v : 0;
			continue;
		}
		lo = qc_number_at(r, i, "min_hours");
		hi = qc_number_at(r, i, "max_hours");
		if (k == 0)
			edges[0] = isfinite(lo) ? lo : 0;
		edges[k + 1] = isfinite(hi) ? hi : INFINITY;
		qc->labels[k] = row_label(qc, a, r, i);
		qc->values[k] = v;
		qc->flags[k++] = 0;
	}
	qc->data.flags = NULL;
	qc->data.unit = qc_words(qc)->unit;

	/* The distribution is of the incidents with a time: its n is theirs. */
	known = figure(r, "known");
	if (!isfinite(known))
		known = (double)r->meta.n - unknown;
	/* No "nine in ten" from fewer than ten times (lang.h MSG_TIMES_FEW). */
	for (int m = 0; m < (known < 10 ? 1 : 2) && nr; m++) {
		double h = figure(r, figures[m]);
		double at = chart_bucket_position(edges, nr, h);

		if (isnan(at))
			continue;
		buf_reset(&b);
		buf_reset(&time);
		i18n_duration(&time, qc_words(qc)->lang, h);
		chart_words_fill(&b, names[m], time.buf, NULL);
		qc->markers[qc->data.marker_nr].label = qc_keep_buf(qc, &b);
		qc->markers[qc->data.marker_nr++].at = at;
	}
	qc->data.markers = qc->markers;
	qc->data.n = (long)known;
	if (unknown > 0) {
		buf_reset(&b);
		chart_words_fill_numbers(&b, qc_words(qc), qc_words(qc)->contain_known, known, (double)r->meta.n);
		qc->data.note = qc_keep_buf(qc, &b);
	}
	buf_release(&b);
	buf_release(&time);
	free(edges);
	return 0;
}

/* ---- KPI tiles: overview --------------------------------------------- */

/*
 * The third tile: the number of countries, or, for a briefing filtered to
 * one country (or narrowed by any filter), that part's share of all the
 * incidents of the period: "Countries 1" would say nothing.
 */
static void kpi_third(struct query_chart *qc, const struct query_result *r, struct chart_kpi *k)
{
	const struct chart_words *w = qc_words(qc);
	double n = qc_number_at(r, 0, "incidents"), all = qc_number_at(r, 0, "all_incidents");
	double countries = qc_number_at(r, 0, "countries");
	struct buf b = BUF_INIT, whole = BUF_INIT;

	k->previous = NAN;
	k->significant = -1;
	k->change_text = "";	/* no previous count to compare with */
	if (!isfinite(all) || all <= 0 || (all <= n && countries > 1)) {
		k->label = w->kpi_countries;
		k->value = countries;
		return;
	}
	k->label = w->kpi_share_of_all;
	k->value = n / all;
	i18n_percent(&b, w->lang, n / all);
	k->value_text = qc_keep_buf(qc, &b);
	chart_words_fill_numbers(&whole, w, all == 1 ? w->incident_one : w->incident_many, all, NAN);
	chart_words_fill(&b, w->of, whole.buf, NULL);
	k->change_text = qc_keep_buf(qc, &b);
	buf_release(&b);
	buf_release(&whole);
}

static int build_kpis(struct query_chart *qc, const struct query_result *r,
		      const struct adapter *a)
{
	static const char *const cols[] = { "incidents", "previous", "countries", "public",
					    "public_share", NULL };
	const struct query_meta *m = &r->meta;
	struct chart_kpi *k = qc->kpis;
	const struct chart_words *w = qc_words(qc);
	struct buf b = BUF_INIT, note = BUF_INIT, whole = BUF_INIT;
	double share, pub;
	char p[32];

	(void)a;
	if (qc_need_columns(r, cols) < 0)
		return -1;
	if (!r->rows_nr)
		return 0;	/* no tiles: drawn as "No incidents" */
	if (r->rows_nr != 1)
		return error("query '%s' has %zu rows; a chart of it needs one",
			     r->query->name, r->rows_nr);

	k[0].label = w->kpi_incidents;
	k[0].value = qc_number_at(r, 0, "incidents");
	k[0].previous = qc_number_at(r, 0, "previous");
	k[0].significant = query_significant(m);	/* the rule overview's outputs follow */
	if (m->previous.kind != QUERY_PERIOD_NONE) {
		char *prev = period_text(qc, &m->previous);

		chart_words_fill(&note, w->change_on, prev, NULL);
		free(prev);
		snprintf(p, sizeof(p), "%.2g", m->p_value);
		chart_words_decimal(&b, w, m->p_value < 0.001 ? "0.001" : p);
		if (m->has_test)
			chart_words_fill(&note, m->p_value < 0.001 ? w->test_below : w->test_is,
					 b.buf, NULL);
		buf_reset(&b);
		buf_adds(&note, ".");
	}

	share = qc_number_at(r, 0, "public_share");
	pub = qc_number_at(r, 0, "public");
	k[1].previous = NAN;
	k[1].significant = -1;
	if (isfinite(share)) {
		k[1].label = w->kpi_public_share;
		k[1].value = share;
		i18n_percent(&b, w->lang, share);
		if (r->rows[0].flag == SHARE_UNRELIABLE) {
			buf_addch(&b, '*');
			buf_adds(&note, note.len ? " " : "");
			buf_adds(&note, w->share_note);
		}
		k[1].value_text = qc_keep_buf(qc, &b);
		buf_reset(&b);
		i18n_real(&b, w->lang, pub, 0);
	} else {
		/* No share under 5 incidents: the count, and of how many. */
		k[1].label = w->kpi_public_victims;
		k[1].value = pub;
	}
	chart_words_fill_numbers(&whole, qc_words(qc), m->n == 1 ? w->incident_one : w->incident_many, (double)m->n, NAN);
	if (b.len) {
		struct buf part = BUF_INIT;

		chart_words_fill(&part, w->part_of, b.buf, whole.buf);
		k[1].change_text = qc_keep_buf(qc, &part);
	} else {
		chart_words_fill(&b, w->of, whole.buf, NULL);
		k[1].change_text = qc_keep_buf(qc, &b);
	}

	kpi_third(qc, r, &k[2]);

	qc->data.kpis = qc->kpis;
	qc->data.kpi_nr = 3;
	if (note.len)
		qc->data.note = qc_keep_buf(qc, &note);
	buf_release(&b);
	buf_release(&note);
	buf_release(&whole);
	return 0;
}

/* ---- The entry point ------------------------------------------------- */

int query_chart_init(struct query_chart *qc, const struct query_result *r, int kind,
		     const char *title, const struct chart_words *w)
{
	const struct adapter *a;
	struct buf b = BUF_INIT;
	int ret;

	memset(qc, 0, sizeof(*qc));
	a = r ? adapter_for(r->query) : NULL;
	if (!a)
		return error("query '%s' has no chart: it is a table",
			     r && r->query ? r->query->name : "?");
	if (kind < 0)
		kind = (int)a->kind;
	if (!query_chart_can_draw(r->query, kind)) {
		kinds_text(&b, a->kinds);
		if (kind >= CHART_KIND_NR)
			ret = error("no chart kind %d", kind);
		else
			ret = error("'%s' cannot be drawn as %s: it draws as %s", a->query->name,
				    chart_kind_name((enum chart_kind)kind), b.buf);
		buf_release(&b);
		return ret;
	}
	qc->kind = (enum chart_kind)kind;
	qc->data.words = w;
	query_taxonomy_title(r, title ? title : word_at(qc_words(qc), a->title), &b);
	qc->data.title = keep(qc, buf_detach(&b, NULL));
	qc->data.subtitle = keep(qc, period_text(qc, &r->meta.period));
	qc->data.n = (long)r->meta.n;
	query_empty_text(&b, r, w);
	qc->data.empty = qc_keep_buf(qc, &b);
	switch (qc->kind) {
	case CHART_BAR:
		ret = build_bar(qc, r, a);
		break;
	case CHART_MAP:
		ret = qc_build_map(qc, r);
		break;
	case CHART_COLUMN:
	case CHART_LINE:
		ret = build_months(qc, r, a, qc->kind);
		break;
	case CHART_DONUT:
	case CHART_SHARE_BAR:
		ret = build_share(qc, r, a);
		break;
	case CHART_DISTRIBUTION:
		ret = build_distribution(qc, r, a);
		break;
	case CHART_KPI:
		ret = build_kpis(qc, r, a);
		break;
	default:
		ret = error("'%s' cannot be drawn as %s", a->query->name, chart_kind_name(qc->kind));
		break;
	}
	if (ret < 0)
		query_chart_release(qc);
	return ret;
}
