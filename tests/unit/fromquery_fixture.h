#ifndef FROMQUERY_FIXTURE_H
#define FROMQUERY_FIXTURE_H

/*
 * What t_fromquery.c and t_fromquery_drawn.c share: results built by hand
 * with the catalog's own queries, and the map's geography. Like
 * parse_fixture.h, this is static inline: the Makefile links each
 * tests/unit/t_*.c with test.c alone.
 */
#include <stdlib.h>

#include "test.h"
#include "charts/fromquery.h"
#include "util/country.h"

/* Loaded by main() from data/geo/europe-50m.geojson. */
static struct geo geo = GEO_INIT;
/* ---- Building results ------------------------------------------------- */

static inline struct query_result *result(const char *query, long long n)
{
	struct query_result *r = query_result_new(query_find(query));

	query_period_month(&r->meta.period, 2024, 4);
	query_period_previous(&r->meta.period, &r->meta.previous);
	r->meta.n = n;
	return r;
}

static inline size_t col(const struct query_result *r, const char *name)
{
	int i = query_column_index(r, name);

	if (i < 0) {
		fprintf(stderr, "# no column '%s' in '%s'\n", name, r->query->name);
		exit(1);
	}
	return (size_t)i;
}

/* A row of a breakdown: key (NULL for unknown) in `key_col`, count and share. */
static inline void keyed(struct query_result *r, const char *key_col, const char *key, long long k)
{
	struct query_row *row = query_result_add_row(r);

	query_set_text(row, col(r, key_col), key);
	query_set_int(row, col(r, "incidents"), k);
	query_set_share(row, col(r, "share"), k, r->meta.n);
}

static inline void country(struct query_result *r, const char *code, long long k)
{
	struct query_row *row = query_result_add_row(r);
	const char *name = code ? country_name(code) : "unknown";

	query_set_text(row, col(r, "country"), code);
	query_set_text(row, col(r, "name"), name ? name : code);
	query_set_int(row, col(r, "incidents"), k);
	query_set_share(row, col(r, "share"), k, r->meta.n);
}

/* The index of `label` in the chart's labels; -1 when absent. */
static inline long find(const struct query_chart *qc, const char *label)
{
	for (size_t i = 0; i < qc->data.nr; i++)
		if (!strcmp(qc->data.labels[i], label))
			return (long)i;
	return -1;
}

#endif
