/*
 * Query results as maps: by-country drawn as CHART_MAP (fromquery.h),
 * apart from fromquery.c for its size. The builders of fromquery.c work
 * the same way (see there).
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
#include "fromquery_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/util.h"
#include "../util/banned.h"

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
		const char *c = qc_text_at(r, i, "country");

		if (c && !strcmp(c, code))
			return (long)i;
	}
	return -1;
}

/* Whether the map draws `code`: on the Europe map, or a feature of `g` when given. */
static int on_map(const struct geo *g, const char *code)
{
	if (!g)
		return listed(map_focus, ARRAY_SIZE(map_focus), code) ||
		       listed(map_context, ARRAY_SIZE(map_context), code);
	for (size_t i = 0; i < g->nr; i++)
		if (!strcmp(g->features[i].iso, code))
			return 1;
	return 0;
}

/* "Not on the map: United States 790, Canada 12 and 3 more; country unknown: 40." */
static void map_note(struct query_chart *qc, const struct query_result *r, const struct geo *g)
{
	const struct chart_words *w = qc_words(qc);
	struct buf b = BUF_INIT, list = BUF_INIT;
	size_t off = 0, named = 0;
	double unknown = NAN;

	for (size_t i = 0; i < r->rows_nr; i++) {
		const char *code = qc_text_at(r, i, "country"), *name;
		double v = qc_number_at(r, i, "incidents");

		if (!code) {
			unknown = v;
			continue;
		}
		if (on_map(g, code))
			continue;
		if (named == 3) {
			off++;
			continue;
		}
		name = qc_text_at(r, i, "name");
		buf_adds(&list, named ? ", " : "");
		buf_adds(&list, name ? name : code);
		buf_addch(&list, ' ');
		i18n_real(&list, w->lang, v, 0);
		named++;
	}
	if (named)
		chart_words_fill(&b, w->not_on_map, list.buf, NULL);
	if (off)
		chart_words_fill_numbers(&b, qc_words(qc), w->and_more, (double)off, NAN);
	if (isfinite(unknown) && unknown > 0)
		chart_words_fill_numbers(&b, qc_words(qc), named ? w->also_unknown : w->unknown_country, unknown, NAN);
	if (b.len) {
		buf_addch(&b, '.');
		qc->data.note = qc_keep_buf(qc, &b);
	}
	buf_release(&b);
	buf_release(&list);
}

int qc_build_map(struct query_chart *qc, const struct query_result *r)
{
	static const char *const cols[] = { "country", "name", "incidents", NULL };
	size_t nr = ARRAY_SIZE(map_focus), k;

	if (qc_need_columns(r, cols) < 0)
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(map_context); i++)
		nr += row_of(r, map_context[i]) >= 0;
	qc_alloc_categories(qc, nr, 0);
	for (k = 0; k < ARRAY_SIZE(map_focus); k++) {
		long row = row_of(r, map_focus[k]);

		qc->labels[k] = xstrdup(map_focus[k]);
		qc->values[k] = row < 0 ? 0 : qc_number_at(r, (size_t)row, "incidents");
		qc->flags[k] = row < 0 ? 0 : qc_chart_flag(r->rows[row].flag);
	}
	for (size_t i = 0; i < ARRAY_SIZE(map_context); i++) {
		long row = row_of(r, map_context[i]);

		if (row < 0)
			continue;
		qc->labels[k] = xstrdup(map_context[i]);
		qc->values[k] = qc_number_at(r, (size_t)row, "incidents");
		qc->flags[k++] = qc_chart_flag(r->rows[row].flag);
	}
	map_note(qc, r, NULL);
	return 0;
}

int query_chart_map_shapes(struct query_chart *qc, const struct query_result *r,
			   const struct geo *g)
{
	size_t nr = 0, k = 0;

	if (qc->kind != CHART_MAP)
		return error("query_chart_map_shapes: not a map");
	for (size_t i = 0; qc->labels && i < qc->nr; i++)
		free(qc->labels[i]);
	free(qc->labels);
	free(qc->values);
	free(qc->flags);
	qc->labels = NULL;
	/* Every focus country (0 when the result has no row), and others with a row. */
	for (size_t i = 0; i < g->nr; i++)
		nr += *g->features[i].iso && (g->features[i].focus || row_of(r, g->features[i].iso) >= 0);
	qc_alloc_categories(qc, nr, 0);
	for (size_t i = 0; i < g->nr; i++) {
		const char *code = g->features[i].iso;
		long row = *code ? row_of(r, code) : -1;

		if (!*code || (!g->features[i].focus && row < 0))
			continue;
		qc->labels[k] = xstrdup(code);
		qc->values[k] = row < 0 ? 0 : qc_number_at(r, (size_t)row, "incidents");
		qc->flags[k++] = row < 0 ? 0 : qc_chart_flag(r->rows[row].flag);
	}
	qc->data.note = NULL;
	map_note(qc, r, g);
	return 0;
}

