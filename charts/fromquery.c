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
 *   map           by-country: alpha-2 codes; see "The map" below
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
 * The map. charts/map.c draws a country listed with a value in its class
 * colour, and a focus country (ROLE "focus" in the shapes) that is not
 * listed as "no data", hatched. The store holds whatever was imported and
 * does not know which countries its sources watch, so a country absent
 * from the result had no incident in the store, which is a 0, not a gap:
 * every country of map_focus[] (the shapes' focus set, which
 * tests/unit/t_fromquery.c checks against data/geo/europe-50m.geojson) is
 * listed, with 0 when the result has no row for it. "No data" hatching is
 * thus left for a focus country the shapes gain and this list lacks.
 * Neighbours drawn for context (map_context[]) are listed only when the
 * result has a row for them, so that they stay grey otherwise. Countries
 * the map does not show (the United States, say) are left out of the
 * labels, or their counts would set the classes of a map that does not
 * draw them; they and the unknown row are named in the note instead.
 *
 * NEEDSWORK: with per-source coverage in the store (which countries a
 * tracker watches), countries outside every source's coverage could be
 * listed as unknown and drawn as "no data". Which module should own it?
 */
#include "fromquery.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "axis.h"
#include "../util/buf.h"
#include "../util/util.h"
#include "../util/banned.h"

#define KIND(k) (1u << (k))

/* ROLE "focus" in data/geo/europe-50m.geojson: data/geo/make-europe.py FOCUS. */
static const char *const map_focus[] = {
	"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
	"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
	"IS", "LI", "NO", "GB", "CH", "AD", "MC", "SM", "VA", "AL", "BA", "ME", "MK", "RS",
	"XK", "UA", "MD", "BY", "TR",
};

/* Every other feature of the shapes with a code: drawn grey unless given a value. */
static const char *const map_context[] = {
	"AM", "AX", "AZ", "DZ", "FO", "GE", "GG", "GL", "IL", "IM", "IQ", "IR", "JE", "JO",
	"KZ", "LB", "MA", "PS", "RU", "SA", "SY", "TN",
};

struct adapter {
	const char *query;
	const char *title;		/* when the caller gives none */
	enum chart_kind kind;		/* the default */
	unsigned kinds;			/* KIND() of every kind it can be drawn as */
	const char *label;		/* the column that names a row */
	const char *key;		/* the column NULL on the unknown row; NULL: label */
	const char *kind_column;	/* lists: names the rows without a value */
	const char *note;		/* for bars */
};

static const struct adapter adapters[] = {
	{ .query = "overview", .title = "Incidents at a glance",
	  .kind = CHART_KPI, .kinds = KIND(CHART_KPI) },
	{ .query = "by-country", .title = "Incidents by victim country",
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR) | KIND(CHART_MAP), .label = "name",
	  .key = "country",
	  .note = "An incident with several victim countries counts in each." },
	{ .query = "by-sector", .title = "Incidents by sector",
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR), .label = "name",
	  .note = "Public bodies by kind; other victims by their first sector." },
	{ .query = "by-type", .title = "Incidents by type",
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR), .label = "type" },
	{ .query = "by-month", .title = "Incidents per month",
	  .kind = CHART_COLUMN, .kinds = KIND(CHART_COLUMN) | KIND(CHART_LINE), .label = "month" },
	{ .query = "public-sector", .title = "Public bodies among the victims",
	  .kind = CHART_DONUT, .kinds = KIND(CHART_DONUT) | KIND(CHART_SHARE_BAR) | KIND(CHART_BAR),
	  .label = "group" },
	{ .query = "public-kinds", .title = "Public victims by kind",
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR), .label = "kind",
	  .note = "Shares are of the incidents with a public body as victim." },
	{ .query = "response-time", .title = "Time to contain",
	  .kind = CHART_DISTRIBUTION, .kinds = KIND(CHART_DISTRIBUTION) | KIND(CHART_BAR),
	  .label = "bucket" },
	{ .query = "techniques", .title = "Most frequent techniques",
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR), .label = "value", .kind_column = "kind",
	  .note = "An incident with several techniques counts in each." },
	{ .query = "motives", .title = "Most frequent motives",
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR), .label = "value", .kind_column = "kind",
	  .note = "An incident with several motives counts in each." },
	{ .query = "actors", .title = "Most frequent threat actors",
	  .kind = CHART_BAR, .kinds = KIND(CHART_BAR), .label = "value", .kind_column = "kind",
	  .note = "An incident with several actors counts in each." },
};

static const struct adapter *adapter_for(const struct query *q)
{
	for (size_t i = 0; q && i < ARRAY_SIZE(adapters); i++)
		if (!strcmp(adapters[i].query, q->name))
			return &adapters[i];
	return NULL;
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

static const char *keep_buf(struct query_chart *qc, struct buf *b)
{
	return keep(qc, buf_detach(b, NULL));
}

/* Room for nr categories: labels, values and flags, set to none. */
static void alloc_categories(struct query_chart *qc, size_t nr, int with_compare)
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

/* ---- Reading the result ---------------------------------------------- */

/* The column must be there: a query whose columns changed is a bug to report, not to draw. */
static int need_columns(const struct query_result *r, const char *const *names)
{
	for (; *names; names++)
		if (query_column_index(r, *names) < 0)
			return error("query '%s' has no column '%s' to chart", r->query->name, *names);
	return 0;
}

static const char *text_at(const struct query_result *r, size_t row, const char *col)
{
	const struct query_cell *c = query_cell(r, row, col);

	return c && !c->null ? c->s : NULL;
}

/* A count or a real as a double; NaN when NULL (unknown, never zero). */
static double number_at(const struct query_result *r, size_t row, const char *col)
{
	const struct query_cell *c = query_cell(r, row, col);
	int i = query_column_index(r, col);

	if (!c || c->null || i < 0)
		return NAN;
	return r->columns[i].type == QUERY_REAL ? c->r : (double)c->i;
}

static unsigned chart_flag(enum share_flag f)
{
	return f == SHARE_SUPPRESSED ? CHART_SUPPRESSED : f == SHARE_UNRELIABLE ? CHART_UNRELIABLE : 0;
}

static double figure(const struct query_result *r, const char *name)
{
	const struct query_figure *f = query_figure(r, name);

	return f && !f->null ? f->value : NAN;
}

/* How a row is named on a chart. */
static char *row_label(const struct adapter *a, const struct query_result *r, size_t row)
{
	const char *s = text_at(r, row, a->label), *kind;

	if (!strcmp(a->query, "public-sector") && s)
		return xstrdup(!strcmp(s, "public") ? "Public bodies" :
			       !strcmp(s, "other") ? "Other victims" : s);
	if (s)
		return xstrdup(s);
	kind = a->kind_column ? text_at(r, row, a->kind_column) : NULL;
	if (kind && !strcmp(kind, "hidden"))
		return xstrdup("hidden (members only)");
	if (kind && !strcmp(kind, "none"))
		return xstrdup("none");
	return xstrdup("unknown");
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
	return text_at(r, row, a->key ? a->key : a->label) != NULL;
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
			rank[keyed++] = (struct ranked){ i, number_at(r, i, "incidents") };
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
	int others_placed = 0;

	if (need_columns(r, cols) < 0)
		return -1;
	keep = xcalloc(r->rows_nr ? r->rows_nr : 1, 1);
	folded = choose_rows(a, r, keep);
	alloc_categories(qc, r->rows_nr - folded + (folded > 0), 0);
	for (size_t i = 0; i < r->rows_nr; i++) {
		if (!keep[i]) {
			double v = number_at(r, i, "incidents");

			others += isfinite(v) ? v : 0;
			others_flag = chart_flag(r->rows[i].flag);
		}
	}
	for (size_t i = 0; i <= r->rows_nr; i++) {
		/* The others go before the first unknown row, or last. */
		if (folded && !others_placed && (i == r->rows_nr || !keyed_row(a, r, i))) {
			struct buf b = BUF_INIT;

			buf_addf(&b, "%zu others", folded);
			qc->labels[k] = buf_detach(&b, NULL);
			qc->values[k] = others;
			qc->flags[k++] = others_flag;
			others_placed = 1;
		}
		if (i == r->rows_nr || !keep[i])
			continue;
		qc->labels[k] = row_label(a, r, i);
		qc->values[k] = number_at(r, i, "incidents");
		qc->flags[k++] = chart_flag(r->rows[i].flag);
	}
	free(keep);
	qc->data.show_share = 1;
	qc->data.note = a->note;
	return 0;
}

/* ---- The map --------------------------------------------------------- */

static int listed(const char *const *list, size_t nr, const char *code)
{
	for (size_t i = 0; i < nr; i++)
		if (!strcmp(list[i], code))
			return 1;
	return 0;
}

/* The row of `code`; -1 when none. */
static long row_of(const struct query_result *r, const char *code)
{
	for (size_t i = 0; i < r->rows_nr; i++) {
		const char *c = text_at(r, i, "country");

		if (c && !strcmp(c, code))
			return (long)i;
	}
	return -1;
}

/* "Not on the map: United States 790, Canada 12 and 3 more; country unknown: 40." */
static void map_note(struct query_chart *qc, const struct query_result *r)
{
	struct buf b = BUF_INIT;
	size_t off = 0, named = 0;
	double unknown = NAN;

	for (size_t i = 0; i < r->rows_nr; i++) {
		const char *code = text_at(r, i, "country"), *name;
		double v = number_at(r, i, "incidents");

		if (!code) {
			unknown = v;
			continue;
		}
		if (listed(map_focus, ARRAY_SIZE(map_focus), code) ||
		    listed(map_context, ARRAY_SIZE(map_context), code))
			continue;
		if (named == 3) {
			off++;
			continue;
		}
		name = text_at(r, i, "name");
		buf_adds(&b, named ? ", " : "Not on the map: ");
		buf_adds(&b, name ? name : code);
		buf_addch(&b, ' ');
		axis_format(&b, v, 0);
		named++;
	}
	if (off)
		buf_addf(&b, " and %zu more", off);
	if (isfinite(unknown) && unknown > 0) {
		buf_adds(&b, named ? "; country unknown: " : "Country unknown: ");
		axis_format(&b, unknown, 0);
	}
	if (b.len) {
		buf_addch(&b, '.');
		qc->data.note = keep_buf(qc, &b);
	}
	buf_release(&b);
}

static int build_map(struct query_chart *qc, const struct query_result *r, const struct adapter *a)
{
	static const char *const cols[] = { "country", "name", "incidents", NULL };
	size_t nr = ARRAY_SIZE(map_focus), k;

	(void)a;
	if (need_columns(r, cols) < 0)
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(map_context); i++)
		nr += row_of(r, map_context[i]) >= 0;
	alloc_categories(qc, nr, 0);
	for (k = 0; k < ARRAY_SIZE(map_focus); k++) {
		long row = row_of(r, map_focus[k]);

		qc->labels[k] = xstrdup(map_focus[k]);
		qc->values[k] = row < 0 ? 0 : number_at(r, (size_t)row, "incidents");
		qc->flags[k] = row < 0 ? 0 : chart_flag(r->rows[row].flag);
	}
	for (size_t i = 0; i < ARRAY_SIZE(map_context); i++) {
		long row = row_of(r, map_context[i]);

		if (row < 0)
			continue;
		qc->labels[k] = xstrdup(map_context[i]);
		qc->values[k] = number_at(r, (size_t)row, "incidents");
		qc->flags[k++] = chart_flag(r->rows[row].flag);
	}
	map_note(qc, r);
	return 0;
}

/* ---- Months ---------------------------------------------------------- */

static const char *const month_abbr[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/*
 * "Apr" when every month is of one year (the subtitle names it), else
 * "Apr 2024"; a label that is not YYYY-MM is kept as it is.
 */
static char *month_label(const char *ym, int one_year)
{
	long y, m;
	char part[5];
	struct buf b = BUF_INIT;

	if (!ym || strlen(ym) != 7 || ym[4] != '-')
		return xstrdup(ym ? ym : "unknown");
	memcpy(part, ym, 4);
	part[4] = '\0';
	if (parse_long(part, 0, 9999, &y) < 0 || parse_long(ym + 5, 1, 12, &m) < 0)
		return xstrdup(ym);
	buf_adds(&b, month_abbr[m - 1]);
	if (!one_year)
		buf_addf(&b, " %ld", y);
	return buf_detach(&b, NULL);
}

static int build_months(struct query_chart *qc, const struct query_result *r,
			const struct adapter *a, enum chart_kind kind)
{
	static const char *const cols[] = { "month", "incidents", "year_before", NULL };
	const struct query_period *p = &r->meta.period;
	const char *first = r->rows_nr ? text_at(r, 0, "month") : NULL;
	const char *last = r->rows_nr ? text_at(r, r->rows_nr - 1, "month") : NULL;
	int one_year = first && last && !strncmp(first, last, 4);

	(void)a;
	if (need_columns(r, cols) < 0)
		return -1;
	alloc_categories(qc, r->rows_nr, kind == CHART_LINE);
	for (size_t i = 0; i < r->rows_nr; i++) {
		qc->labels[i] = month_label(text_at(r, i, "month"), one_year);
		qc->values[i] = number_at(r, i, "incidents");
		if (qc->compare)
			qc->compare[i] = number_at(r, i, "year_before");
	}
	qc->data.flags = NULL;
	qc->data.unit = "incidents";
	if (kind == CHART_LINE) {
		struct query_period before;
		long year;

		qc->series[0].name = keep(qc, xstrdup(p->label));
		qc->data.compare.values = qc->compare;
		/* A year's comparison is the year before: name it. */
		if (p->kind == QUERY_PERIOD_YEAR && parse_long(p->label, 1001, 9999, &year) == 0 &&
		    query_period_year(&before, (int)year - 1) == 0)
			qc->data.compare.name = keep(qc, xstrdup(before.label));
		else
			qc->data.compare.name = "a year earlier";
	}
	if (r->meta.left_out > 0) {
		struct buf b = BUF_INIT;

		axis_format(&b, (double)r->meta.left_out, 0);
		buf_adds(&b, r->meta.left_out == 1 ? " incident dated only to a longer period is"
						  : " incidents dated only to a longer period are");
		buf_adds(&b, " not counted.");
		qc->data.note = keep_buf(qc, &b);
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

	if (need_columns(r, cols) < 0)
		return -1;
	if (!r->rows_nr) {
		alloc_categories(qc, 0, 0);	/* drawn as "No incidents" */
		return 0;
	}
	for (size_t i = 0; i < r->rows_nr; i++) {
		const char *g = text_at(r, i, "group");

		if (g && !strcmp(g, "public"))
			pub = (long)i;
	}
	if (pub < 0)
		return error("query '%s' has no row 'public' to chart", r->query->name);
	order[nr++] = (size_t)pub;
	for (size_t i = 0; i < r->rows_nr && nr < ARRAY_SIZE(order); i++) {
		double v = number_at(r, i, "incidents");

		if ((long)i == pub || (!text_at(r, i, "group") && !(v > 0)))
			continue;
		order[nr++] = i;
	}
	alloc_categories(qc, nr, 0);
	for (size_t k = 0; k < nr; k++) {
		qc->labels[k] = row_label(a, r, order[k]);
		qc->values[k] = number_at(r, order[k], "incidents");
		qc->flags[k] = chart_flag(r->rows[order[k]].flag);
	}
	lo = number_at(r, (size_t)pub, "ci_low");
	hi = number_at(r, (size_t)pub, "ci_high");
	if (isfinite(lo) && isfinite(hi)) {
		qc->data.low = lo;
		qc->data.high = hi;
		qc->data.level = 0.95;
	}
	return 0;
}

/* ---- Distribution: response-time ------------------------------------ */

/* "45 min", "6 h", "1.5 h", "12 d": the marker's value. */
static void format_hours(struct buf *out, double h)
{
	double d = h / 24;

	if (h < 1) {
		axis_format(out, round(h * 60), 0);
		buf_adds(out, " min");
	} else if (h < 48) {
		axis_format(out, h, h < 10 && h != floor(h) ? 1 : 0);
		buf_adds(out, " h");
	} else {
		axis_format(out, d, d < 10 && d != floor(d) ? 1 : 0);
		buf_adds(out, " d");
	}
}

static int build_distribution(struct query_chart *qc, const struct query_result *r,
			      const struct adapter *a)
{
	static const char *const cols[] = { "bucket", "min_hours", "max_hours", "incidents", NULL };
	static const char *const names[2] = { "median", "p90" };
	static const char *const figures[2] = { "median_hours", "p90_hours" };
	double *edges = NULL, known, unknown = 0;
	size_t nr = 0, k = 0;
	struct buf b = BUF_INIT;

	if (need_columns(r, cols) < 0)
		return -1;
	for (size_t i = 0; i < r->rows_nr; i++)
		nr += text_at(r, i, "bucket") != NULL;
	alloc_categories(qc, nr, 0);
	edges = xcalloc(nr + 1, sizeof(*edges));
	for (size_t i = 0; i < r->rows_nr; i++) {
		double v = number_at(r, i, "incidents"), lo, hi;

		if (!text_at(r, i, "bucket")) {
			unknown += isfinite(v) ? v : 0;
			continue;
		}
		lo = number_at(r, i, "min_hours");
		hi = number_at(r, i, "max_hours");
		if (k == 0)
			edges[0] = isfinite(lo) ? lo : 0;
		edges[k + 1] = isfinite(hi) ? hi : INFINITY;
		qc->labels[k] = row_label(a, r, i);
		qc->values[k] = v;
		qc->flags[k++] = 0;
	}
	qc->data.flags = NULL;
	qc->data.unit = "incidents";

	for (int m = 0; m < 2 && nr; m++) {
		double h = figure(r, figures[m]);
		double at = chart_bucket_position(edges, nr, h);

		if (isnan(at))
			continue;
		buf_reset(&b);
		buf_addf(&b, "%s ", names[m]);
		format_hours(&b, h);
		qc->markers[qc->data.marker_nr].label = keep_buf(qc, &b);
		qc->markers[qc->data.marker_nr++].at = at;
	}
	qc->data.markers = qc->markers;

	/* The distribution is of the incidents with a time: its n is theirs. */
	known = figure(r, "known");
	if (!isfinite(known))
		known = (double)r->meta.n - unknown;
	qc->data.n = (long)known;
	if (unknown > 0) {
		buf_reset(&b);
		buf_adds(&b, "Time to contain known for ");
		axis_format(&b, known, 0);
		buf_adds(&b, " of ");
		axis_format(&b, (double)r->meta.n, 0);
		buf_adds(&b, " incidents.");
		qc->data.note = keep_buf(qc, &b);
	}
	buf_release(&b);
	free(edges);
	return 0;
}

/* ---- KPI tiles: overview --------------------------------------------- */

static int build_kpis(struct query_chart *qc, const struct query_result *r,
		      const struct adapter *a)
{
	static const char *const cols[] = { "incidents", "previous", "countries", "public",
					    "public_share", NULL };
	const struct query_meta *m = &r->meta;
	struct chart_kpi *k = qc->kpis;
	struct buf b = BUF_INIT, note = BUF_INIT;
	double share, pub;

	(void)a;
	if (need_columns(r, cols) < 0)
		return -1;
	if (!r->rows_nr)
		return 0;	/* no tiles: drawn as "No incidents" */
	if (r->rows_nr != 1)
		return error("query '%s' has %zu rows; a chart of it needs one",
			     r->query->name, r->rows_nr);

	k[0].label = "Incidents";
	k[0].value = number_at(r, 0, "incidents");
	k[0].previous = number_at(r, 0, "previous");
	k[0].significant = m->has_test ? m->p_value < STATS_ALPHA : -1;
	if (m->previous.kind != QUERY_PERIOD_NONE) {
		buf_addf(&note, "Change on %s", m->previous.label);
		if (m->has_test && m->p_value < 0.001)
			buf_adds(&note, ", exact Poisson test p < 0.001");
		else if (m->has_test)
			buf_addf(&note, ", exact Poisson test p = %.2g", m->p_value);
		buf_adds(&note, ".");
	}

	share = number_at(r, 0, "public_share");
	pub = number_at(r, 0, "public");
	k[1].previous = NAN;
	k[1].significant = -1;
	if (isfinite(share)) {
		k[1].label = "Public share";
		k[1].value = share;
		axis_format_percent(&b, share);
		if (r->rows[0].flag == SHARE_UNRELIABLE) {
			buf_addch(&b, '*');
			buf_adds(&note, note.len ? " " : "");
			buf_adds(&note, "* Share from fewer than 30 incidents.");
		}
		k[1].value_text = keep_buf(qc, &b);
		buf_reset(&b);
		axis_format(&b, pub, 0);
		buf_adds(&b, " of ");
	} else {
		/* No share under 5 incidents: the count, and of how many. */
		k[1].label = "Public victims";
		k[1].value = pub;
		buf_adds(&b, "of ");
	}
	axis_format(&b, (double)m->n, 0);
	buf_adds(&b, m->n == 1 ? " incident" : " incidents");
	k[1].change_text = keep_buf(qc, &b);

	k[2].label = "Countries";
	k[2].value = number_at(r, 0, "countries");
	k[2].previous = NAN;
	k[2].significant = -1;
	k[2].change_text = "";	/* no previous count to compare with */

	qc->data.kpis = qc->kpis;
	qc->data.kpi_nr = 3;
	if (note.len)
		qc->data.note = keep_buf(qc, &note);
	buf_release(&b);
	buf_release(&note);
	return 0;
}

/* ---- The entry point ------------------------------------------------- */

int query_chart_init(struct query_chart *qc, const struct query_result *r, int kind,
		     const char *title)
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
			ret = error("'%s' cannot be drawn as %s: it draws as %s", a->query,
				    chart_kind_name((enum chart_kind)kind), b.buf);
		buf_release(&b);
		return ret;
	}
	qc->kind = (enum chart_kind)kind;
	qc->data.title = title ? keep(qc, xstrdup(title)) : a->title;
	qc->data.subtitle = keep(qc, xstrdup(r->meta.period.label));
	qc->data.n = (long)r->meta.n;
	switch (qc->kind) {
	case CHART_BAR:
		ret = build_bar(qc, r, a);
		break;
	case CHART_MAP:
		ret = build_map(qc, r, a);
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
		ret = error("'%s' cannot be drawn as %s", a->query, chart_kind_name(qc->kind));
		break;
	}
	if (ret < 0)
		query_chart_release(qc);
	return ret;
}
