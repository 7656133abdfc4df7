/*
 * The proof of a briefing: what it prints, kept as data while the same
 * code builds it, so that a test can hold every statement against the
 * query catalog without reading a PDF back (tests/unit/t_audit.c).
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/banned.h"

void report_proof_init(struct report_proof *p)
{
	memset(p, 0, sizeof(*p));
	buf_init(&p->text);
}

void report_proof_release(struct report_proof *p)
{
	if (!p)
		return;
	free(p->title);
	buf_release(&p->text);
	for (size_t i = 0; i < p->charts_nr; i++) {
		struct report_proof_chart *c = &p->charts[i];

		free(c->file);
		free(c->title);
		free(c->empty);
		for (size_t k = 0; k < c->nr; k++)
			free(c->labels[k]);
		free(c->labels);
		free(c->values);
	}
	free(p->charts);
	for (size_t i = 0; i < p->files_nr; i++) {
		free(p->files[i].name);
		free(p->files[i].data);
	}
	free(p->files);
	memset(p, 0, sizeof(*p));
}

void proof_chart(struct report_proof *p, const struct rq *rq, enum chart_kind kind,
		 const struct chart_data *d, const char *empty)
{
	struct report_proof_chart *c;

	ALLOC_GROW(p->charts, p->charts_nr + 1, p->charts_alloc);
	c = &p->charts[p->charts_nr++];
	memset(c, 0, sizeof(*c));
	c->query = rq->q;
	c->kind = kind;
	c->file = xstrdup(rq->file);
	c->title = d->title ? xstrdup(d->title) : NULL;
	c->empty = empty ? xstrdup(empty) : NULL;
	c->nr = d->nr;
	c->labels = xcalloc(d->nr + 1, sizeof(*c->labels));
	c->values = xcalloc(d->nr + 1, sizeof(*c->values));
	for (size_t i = 0; i < d->nr; i++) {
		c->labels[i] = xstrdup(d->labels && d->labels[i] ? d->labels[i] : "");
		c->values[i] = d->series_nr && d->series[0].values ? d->series[0].values[i] : NAN;
	}
}

void proof_file(struct report_proof *p, const struct rq *rq, const char *name, const char *data,
		size_t len)
{
	struct report_proof_file *f;

	ALLOC_GROW(p->files, p->files_nr + 1, p->files_alloc);
	f = &p->files[p->files_nr++];
	f->query = rq ? rq->q : NULL;
	f->scope = rq ? rq->scope : TPL_SCOPE_REPORT;
	f->name = xstrdup(name);
	f->data = xmalloc(len + 1);
	memcpy(f->data, data, len);
	f->data[len] = '\0';
	f->len = len;
}

void proof_text(struct report_proof *p, const struct briefing *b)
{
	free(p->title);
	p->title = xstrdup(b->title.buf);
	for (size_t i = 0; i < b->items_nr; i++)
		for (size_t r = 0; r < b->items[i].runs_nr; r++)
			if (b->items[i].runs[r].kind == RUN_TEXT && b->items[i].runs[r].text)
				buf_addf(&p->text, "%s\n", b->items[i].runs[r].text);
}

/* The section "Since the last briefing", when printed: what it states. */
void proof_history(struct report_proof *p, const struct briefing *b)
{
	p->since_id = 0;
	if (!history_shown(b))
		return;
	history_proof(b, &p->since_id, &p->since_period, &p->since_late);
}
