/* Query results: building, looking up, freeing. */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/banned.h"

struct query_result *query_result_new(const struct query *q)
{
	struct query_result *r = xcalloc(1, sizeof(*r));

	r->query = q;
	r->columns = q->columns;
	r->columns_nr = q->columns_nr;
	return r;
}

void query_result_free(struct query_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->rows_nr; i++) {
		for (size_t c = 0; c < r->columns_nr; c++)
			free(r->rows[i].cells[c].s);
		free(r->rows[i].cells);
	}
	free(r->rows);
	free(r->meta.figures);
	free(r);
}

struct query_row *query_result_add_row(struct query_result *r)
{
	struct query_row *row;

	ALLOC_GROW(r->rows, r->rows_nr + 1, r->rows_alloc);
	row = &r->rows[r->rows_nr++];
	row->cells = xcalloc(r->columns_nr ? r->columns_nr : 1, sizeof(*row->cells));
	for (size_t c = 0; c < r->columns_nr; c++)
		row->cells[c].null = 1;
	row->flag = SHARE_OK;
	return row;
}

int query_column_index(const struct query_result *r, const char *name)
{
	for (size_t c = 0; c < r->columns_nr; c++)
		if (!strcmp(r->columns[c].name, name))
			return (int)c;
	return -1;
}

const struct query_cell *query_cell(const struct query_result *r, size_t row, const char *name)
{
	int c = query_column_index(r, name);

	if (c < 0 || row >= r->rows_nr)
		return NULL;
	return &r->rows[row].cells[c];
}

const struct query_figure *query_figure(const struct query_result *r, const char *name)
{
	for (size_t i = 0; i < r->meta.figures_nr; i++)
		if (!strcmp(r->meta.figures[i].name, name))
			return &r->meta.figures[i];
	return NULL;
}

const char *query_row_taxonomy(const struct query_result *r, size_t row)
{
	const struct query_cell *c = query_cell(r, row, "taxonomy");
	int t = c && !c->null ? taxonomy_parse(c->s) : -1;

	return t >= 0 ? taxonomy_title((enum taxonomy)t) : NULL;
}

const char *query_taxonomy_label(const struct query_result *r, int *mixed)
{
	const char *one = NULL;

	if (mixed)
		*mixed = 0;
	for (size_t i = 0; i < r->rows_nr; i++) {
		const char *t = query_row_taxonomy(r, i);

		if (t && one && strcmp(t, one)) {
			if (mixed)
				*mixed = 1;
			return "MITRE ATT&CK, VERIS";
		}
		one = t ? t : one;
	}
	return one;
}

void query_taxonomy_title(const struct query_result *r, const char *title, struct buf *out)
{
	const char *label = query_taxonomy_label(r, NULL);

	buf_adds(out, title);
	if (label)
		buf_addf(out, " (%s)", label);
}

void query_set_text(struct query_row *row, size_t col, const char *s)
{
	struct query_cell *c = &row->cells[col];

	free(c->s);
	c->s = xstrdup_or_null(s);
	c->null = !s;
}

void query_set_int(struct query_row *row, size_t col, long long v)
{
	row->cells[col].i = v;
	row->cells[col].null = 0;
}

void query_set_real(struct query_row *row, size_t col, double v)
{
	row->cells[col].r = v;
	row->cells[col].null = 0;
}

void query_set_bool(struct query_row *row, size_t col, int v)
{
	row->cells[col].i = !!v;
	row->cells[col].null = 0;
}

void query_set_share(struct query_row *row, size_t col, long long k, long long n)
{
	enum share_flag f = share_flag(n);

	if (f > row->flag)
		row->flag = f;
	if (f == SHARE_SUPPRESSED) {
		row->cells[col].null = 1;
		return;
	}
	query_set_real(row, col, (double)k / (double)n);
}

void query_add_figure(struct query_result *r, const char *name, int null, double value)
{
	struct query_figure *f;

	ALLOC_GROW(r->meta.figures, r->meta.figures_nr + 1, r->meta.figures_alloc);
	f = &r->meta.figures[r->meta.figures_nr++];
	f->name = name;
	f->null = null;
	f->value = null ? 0 : value;
}
