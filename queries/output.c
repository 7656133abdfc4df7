/* Writing query results: an aligned table, CSV and JSON (see query.h). */
#include "query.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

#include "../store/export.h"
#include "../util/buf.h"
#include "../util/csv.h"
#include "../util/utf8.h"
#include "../util/banned.h"

/* The widest a table column gets; longer text is cut with "…". */
#define TABLE_MAX_WIDTH 48

static const char *period_kind_name(enum query_period_kind k)
{
	switch (k) {
	case QUERY_PERIOD_ALL:
		return "all";
	case QUERY_PERIOD_RANGE:
		return "range";
	case QUERY_PERIOD_MONTH:
		return "month";
	case QUERY_PERIOD_QUARTER:
		return "quarter";
	case QUERY_PERIOD_YEAR:
		return "year";
	case QUERY_PERIOD_NONE:
		break;
	}
	return NULL;
}

static int is_number(enum query_type t)
{
	return t == QUERY_INT || t == QUERY_REAL;
}

/* The text of a cell in the table. */
static void cell_text(struct buf *b, const struct query_column *col, const struct query_row *row,
		      const struct query_cell *c)
{
	buf_reset(b);
	if (c->null) {
		buf_adds(b, col->null_text ? col->null_text : "-");
		return;
	}
	switch (col->type) {
	case QUERY_TEXT:
		/* A row stays on one line: line breaks and tabs read as spaces. */
		for (const char *p = c->s; *p; p++)
			buf_addch(b, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
		break;
	case QUERY_INT:
		buf_addf(b, "%lld", c->i);
		break;
	case QUERY_REAL:
		if (col->share)
			buf_addf(b, "%.1f%%%s", 100 * c->r, row->flag == SHARE_UNRELIABLE ? "*" : "");
		else
			buf_addf(b, "%.4g", c->r);
		break;
	case QUERY_BOOL:
		buf_adds(b, c->i ? "yes" : "no");
		break;
	}
}

static size_t text_width(const char *s)
{
	return utf8_count(s, strlen(s));
}

static void write_period(FILE *out, const char *what, const struct query_period *p)
{
	fprintf(out, "%s %s", what, p->label);
	if (p->kind != QUERY_PERIOD_ALL)
		fprintf(out, " (%s to %s)", !p->open_start ? p->from : "...",
			!p->open_end ? p->to : "...");
}

static void write_table_meta(FILE *out, const struct query_result *r)
{
	const struct query_meta *m = &r->meta;

	fprintf(out, "# %s: %s\n# ", r->query->name, r->query->description);
	write_period(out, "period:", &m->period);
	if (m->previous.kind != QUERY_PERIOD_NONE)
		write_period(out, "; previous:", &m->previous);
	fprintf(out, "\n# n = %lld; left out (date too coarse for the period): %lld; undated: %lld\n",
		m->n, m->left_out, m->undated);
	if (m->has_test)
		fprintf(out, "# change: %lld against %lld over %g and %g days, p = %.3g (%s)\n",
			m->k1, m->k2, m->t1, m->t2, m->p_value,
			query_significant(m) < 0 ? "provisional: no claim" :
			query_significant(m) ? "significant" : "no significant change");
	for (size_t i = 0; i < m->figures_nr; i++) {
		if (m->figures[i].null)
			fprintf(out, "# %s: unknown\n", m->figures[i].name);
		else
			fprintf(out, "# %s: %.4g\n", m->figures[i].name, m->figures[i].value);
	}
}

void query_write_table(FILE *out, const struct query_result *r)
{
	size_t width[64] = { 0 }, ncols = r->columns_nr < 64 ? r->columns_nr : 64;
	struct buf b = BUF_INIT;
	unsigned flags = 0;

	write_table_meta(out, r);
	for (size_t c = 0; c < ncols; c++)
		width[c] = strlen(r->columns[c].name);
	for (size_t i = 0; i < r->rows_nr; i++) {
		flags |= r->rows[i].flag;
		for (size_t c = 0; c < ncols; c++) {
			size_t w;

			cell_text(&b, &r->columns[c], &r->rows[i], &r->rows[i].cells[c]);
			w = text_width(b.buf);
			if (w > width[c])
				width[c] = w < TABLE_MAX_WIDTH ? w : TABLE_MAX_WIDTH;
		}
	}
	for (size_t c = 0; c < ncols; c++) {
		const char *sep = c + 1 < ncols ? "  " : "";

		buf_reset(&b);
		for (const char *p = r->columns[c].name; *p; p++)
			buf_addch(&b, *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
		if (is_number(r->columns[c].type))
			fprintf(out, "%*s%s", (int)width[c], b.buf, sep);
		else
			fprintf(out, "%-*s%s", c + 1 < ncols ? (int)width[c] : 0, b.buf, sep);
	}
	fputc('\n', out);
	for (size_t i = 0; i < r->rows_nr; i++) {
		for (size_t c = 0; c < ncols; c++) {
			int last = c + 1 == ncols;
			size_t w;

			cell_text(&b, &r->columns[c], &r->rows[i], &r->rows[i].cells[c]);
			w = text_width(b.buf);
			if (is_number(r->columns[c].type) && w < width[c])
				fprintf(out, "%*s", (int)(width[c] - w), "");
			write_cut(out, b.buf, width[c], !is_number(r->columns[c].type) && !last);
			if (!last)
				fputs("  ", out);
		}
		fputc('\n', out);
	}
	if (flags & SHARE_UNRELIABLE)
		fprintf(out, "# * share over fewer than %d incidents: unreliable\n", STATS_RELIABLE_N);
	if (flags & SHARE_SUPPRESSED)
		fprintf(out, "# share not given: fewer than %d incidents\n", STATS_SHOWN_N);
	buf_release(&b);
}

void query_write_csv(FILE *out, const struct query_result *r)
{
	for (size_t c = 0; c < r->columns_nr; c++) {
		if (c)
			fputc(',', out);
		csv_text(out, r->columns[c].name);
	}
	fputs("\r\n", out);
	for (size_t i = 0; i < r->rows_nr; i++) {
		for (size_t c = 0; c < r->columns_nr; c++) {
			const struct query_cell *cell = &r->rows[i].cells[c];

			if (c)
				fputc(',', out);
			if (cell->null)
				continue;
			switch (r->columns[c].type) {
			case QUERY_TEXT:
				csv_text(out, cell->s);
				break;
			case QUERY_INT:
				fprintf(out, "%lld", cell->i);
				break;
			case QUERY_REAL:
				fprintf(out, "%.10g", cell->r);
				break;
			case QUERY_BOOL:
				fputs(cell->i ? "true" : "false", out);
				break;
			}
		}
		fputs("\r\n", out);
	}
}

static json_t *cell_json(const struct query_column *col, const struct query_cell *c)
{
	if (c->null)
		return json_null();
	switch (col->type) {
	case QUERY_TEXT:
		return json_string(c->s);
	case QUERY_INT:
		return json_integer(c->i);
	case QUERY_REAL:
		/* JSON has no NaN or infinity; no query makes one, but never write invalid JSON. */
		return isfinite(c->r) ? json_real(c->r) : json_null();
	case QUERY_BOOL:
		return json_boolean(c->i);
	}
	return json_null();
}

static json_t *rows_json(const struct query_result *r)
{
	json_t *rows = json_array();
	int has_share = 0;

	for (size_t c = 0; c < r->columns_nr; c++)
		has_share |= r->columns[c].share;
	for (size_t i = 0; i < r->rows_nr; i++) {
		json_t *o = json_object();
		const char *flag = share_flag_name(r->rows[i].flag);

		for (size_t c = 0; c < r->columns_nr; c++)
			json_object_set_new(o, r->columns[c].name,
					    cell_json(&r->columns[c], &r->rows[i].cells[c]));
		if (has_share)
			json_object_set_new(o, "share_flag", flag ? json_string(flag) : json_null());
		json_array_append_new(rows, o);
	}
	return rows;
}

static json_t *period_json(const struct query_period *p)
{
	if (p->kind == QUERY_PERIOD_NONE)
		return json_null();
	return json_pack("{s:s, s:s, s:o, s:o}", "kind", period_kind_name(p->kind),
			 "label", p->label,
			 "from", !p->open_start ? json_string(p->from) : json_null(),
			 "to", !p->open_end ? json_string(p->to) : json_null());
}

static json_t *meta_json(const struct query_result *r, json_t *rows)
{
	static const char *const type_names[] = {
		[QUERY_TEXT] = "text", [QUERY_INT] = "int", [QUERY_REAL] = "real", [QUERY_BOOL] = "bool",
	};
	const struct query_meta *m = &r->meta;
	json_t *o = json_object(), *columns = json_array(), *figures = json_object();

	for (size_t c = 0; c < r->columns_nr; c++)
		json_array_append_new(columns, json_pack("{s:s, s:s, s:s}",
							 "name", r->columns[c].name,
							 "type", type_names[r->columns[c].type],
							 "description", r->columns[c].description));
	for (size_t i = 0; i < m->figures_nr; i++)
		json_object_set_new(figures, m->figures[i].name,
				    m->figures[i].null ? json_null() : json_real(m->figures[i].value));
	json_object_set_new(o, "query", json_string(r->query->name));
	json_object_set_new(o, "period", period_json(&m->period));
	json_object_set_new(o, "previous", period_json(&m->previous));
	json_object_set_new(o, "n", json_integer(m->n));
	json_object_set_new(o, "left_out", json_integer(m->left_out));
	json_object_set_new(o, "undated", json_integer(m->undated));
	json_object_set_new(o, "provisional", json_boolean(m->provisional));
	json_object_set_new(o, "figures", figures);
	json_object_set_new(o, "test", !m->has_test ? json_null() :
			    json_pack("{s:I, s:I, s:f, s:f, s:f, s:o}", "k1", (json_int_t)m->k1,
				      "k2", (json_int_t)m->k2, "t1", m->t1, "t2", m->t2,
				      "p_value", m->p_value, "significant",
				      query_significant(m) < 0 ? json_null() :
				      json_boolean(query_significant(m))));
	json_object_set_new(o, "columns", columns);
	json_object_set_new(o, "rows", rows);
	return o;
}

void query_write_json(FILE *out, const struct query_result *r, int with_meta)
{
	json_t *doc = rows_json(r);

	if (with_meta)
		doc = meta_json(r, doc);
	json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	fputc('\n', out);
	json_decref(doc);
}

void query_write_list(FILE *out)
{
	for (size_t i = 0; i < query_catalog_nr; i++)
		fprintf(out, "%-14s %s\n", query_catalog[i]->name, query_catalog[i]->description);
}
