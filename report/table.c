/*
 * Tables: a query result's rows under a head that repeats on every page
 * the table continues on (layout.h), numbers right-aligned, text wrapped,
 * with the notes its flags call for and where its data is attached.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../charts/fromquery.h"
#include "../util/banned.h"

struct table {
	size_t cols;
	size_t *index;		/* result column of each table column */
	double *x, *w;
	int *right;		/* numbers are right-aligned */
};

static int numeric(const struct query_column *c)
{
	return c->type == QUERY_INT || c->type == QUERY_REAL;
}

/* Column widths: numbers as wide as their widest cell, text shares the rest. */
static void table_widths(struct briefing *b, struct table *t, const struct query_result *r,
			 size_t rows, char ***cells, char **heads)
{
	double fixed = 0, natural = 0, *want = xcalloc(t->cols, sizeof(double));
	const double pad = 8;

	for (size_t c = 0; c < t->cols; c++) {
		want[c] = pdf_width(&b->pdf, PDF_BOLD, CELL_SIZE - 0.5, heads[c]);
		for (size_t row = 0; row < rows; row++)
			want[c] = fmax(want[c], pdf_width(&b->pdf, PDF_REGULAR, CELL_SIZE, cells[row][c]));
		want[c] += pad;
		t->right[c] = numeric(&r->columns[t->index[c]]);
		if (t->right[c])
			fixed += want[c];
		else
			natural += want[c];
	}
	for (size_t c = 0; c < t->cols; c++) {
		if (t->right[c] || natural + fixed <= CONTENT_WIDTH)
			t->w[c] = want[c];
		else	/* text columns share what the numbers leave */
			t->w[c] = fmax(40, (CONTENT_WIDTH - fixed) * want[c] / natural);
		t->x[c] = c ? t->x[c - 1] + t->w[c - 1] : 0;
	}
	free(want);
}

/* One row of cells (heads when bold): wrapped, numbers right-aligned. Returns its height. */
static double table_row(struct briefing *b, struct item *it, const struct table *t, char **cells,
			int head)
{
	enum pdf_font f = head ? PDF_BOLD : PDF_REGULAR;
	double size = head ? CELL_SIZE - 0.5 : CELL_SIZE, h = 0;
	struct rgb colour = head ? palette_muted : palette_text;

	for (size_t c = 0; c < t->cols; c++) {
		struct strlist lines = STRLIST_INIT;
		size_t n = pdf_wrap(&b->pdf, f, size, cells[c], t->w[c] - 6, &lines);

		for (size_t k = 0; k < n; k++) {
			double x = t->x[c] + (t->right[c] ? t->w[c] - 3 - pdf_width(&b->pdf, f, size, lines.v[k]) : 0);

			flow_text(it, f, size, colour, x, CELL_PAD + (double)k * CELL_LEAD + CELL_LEAD * 0.75,
				 lines.v[k]);
		}
		h = fmax(h, (double)n * CELL_LEAD);
		strlist_release(&lines);
	}
	h += 2 * CELL_PAD;
	flow_rule(it, head ? palette_axis : palette_grid, 0, h, t->x[t->cols - 1] + t->w[t->cols - 1],
		 head ? 0.8 : 0.4);
	return h;
}

static void table_notes(struct briefing *b, const struct tpl_block *blk, const struct rq *rq,
			size_t shown, int unreliable, int suppressed)
{
	struct buf s = BUF_INIT, n = BUF_INIT;
	const char *args[2];

	if (unreliable) {
		buf_adds(&s, i18n_msg(b->lang, MSG_UNRELIABLE));
		buf_addch(&s, '\n');
	}
	if (suppressed) {
		buf_adds(&s, i18n_msg(b->lang, MSG_SUPPRESSED));
		buf_addch(&s, '\n');
	}
	if (shown < rq->res->rows_nr) {
		i18n_int(&n, b->lang, (long long)(rq->res->rows_nr - shown));
		args[0] = n.buf;
		args[1] = rq->file;
		i18n_fill(&s, i18n_msg(b->lang, MSG_MORE_ROWS), args, 2);
	} else {
		args[0] = rq->file;
		i18n_fill(&s, i18n_msg(b->lang, MSG_DATA_FILE), args, 1);
	}
	flow_paragraph(b, PDF_REGULAR, SMALL_SIZE, SMALL_LEAD, palette_muted, 3, s.buf);
	(void)blk;
	buf_release(&s);
	buf_release(&n);
}

void flow_table(struct briefing *b, const struct tpl_block *blk)
{
	struct rq *rq = briefing_rq(b, blk->query, blk->scope);
	const struct query_result *r = rq->res;
	struct table t;
	size_t rows = blk->max_rows && (size_t)blk->max_rows < r->rows_nr ? (size_t)blk->max_rows : r->rows_nr;
	char **heads, ***cells;
	const char *title = tpl_text_get(&blk->text, b->lang);
	int unreliable = 0, suppressed = 0;

	rq->attach = 1;
	t.cols = blk->columns_nr ? blk->columns_nr : r->columns_nr;
	t.index = xcalloc(t.cols, sizeof(*t.index));
	t.x = xcalloc(t.cols, sizeof(double));
	t.w = xcalloc(t.cols, sizeof(double));
	t.right = xcalloc(t.cols, sizeof(int));
	heads = xcalloc(t.cols, sizeof(char *));
	cells = xcalloc(rows ? rows : 1, sizeof(char **));
	for (size_t c = 0; c < t.cols; c++) {
		const char *label = blk->columns_nr ? tpl_text_get(&blk->columns[c].label, b->lang) : NULL;

		t.index[c] = blk->columns_nr ? blk->columns[c].index : c;
		heads[c] = xstrdup(label ? label : i18n_column(b->lang, r->columns[t.index[c]].name));
	}
	for (size_t row = 0; row < rows; row++) {
		cells[row] = xcalloc(t.cols, sizeof(char *));
		for (size_t c = 0; c < t.cols; c++) {
			struct buf v = BUF_INIT;

			cell_format(&v, b->lang, r, row, t.index[c], 1);
			cells[row][c] = buf_detach(&v, NULL);
			if (r->columns[t.index[c]].share) {
				unreliable |= r->rows[row].flag == SHARE_UNRELIABLE;
				suppressed |= r->rows[row].flag == SHARE_SUPPRESSED;
			}
		}
	}
	table_widths(b, &t, r, rows, cells, heads);
	if (title) {
		struct buf named = BUF_INIT;
		size_t i;

		query_taxonomy_title(r, title, &named);
		i = flow_paragraph(b, PDF_BOLD, BODY_SIZE, BODY_LEAD, palette_text, 10, named.buf);
		b->items[i].l.keep_with_next = 1;
		buf_release(&named);
	}
	if (!rows) {
		/* What is empty, of how many: the rule every chart follows too. */
		struct buf empty = BUF_INIT;

		query_empty_text(&empty, r, i18n_chart_words(b->lang));
		buf_addch(&empty, '.');
		flow_paragraph(b, PDF_REGULAR, BODY_SIZE, BODY_LEAD, palette_muted, title ? 2 : 10,
			       empty.buf);
		buf_release(&empty);
	} else {
		size_t i = flow_item(b, LAYOUT_TABLE_HEAD, title ? 2 : 10);

		b->items[i].l.height = table_row(b, &b->items[i], &t, heads, 1);
		for (size_t row = 0; row < rows; row++) {
			i = flow_item(b, LAYOUT_TABLE_ROW, 0);
			b->items[i].l.height = table_row(b, &b->items[i], &t, cells[row], 0);
			b->items[i].l.keep_with_next = row + 1 == rows;
		}
	}
	table_notes(b, blk, rq, rows, unreliable, suppressed);
	for (size_t row = 0; row < rows; row++) {
		for (size_t c = 0; c < t.cols; c++)
			free(cells[row][c]);
		free(cells[row]);
	}
	for (size_t c = 0; c < t.cols; c++)
		free(heads[c]);
	free(cells);
	free(heads);
	free(t.index);
	free(t.x);
	free(t.w);
	free(t.right);
}

