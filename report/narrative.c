/* The cover's narrative, from overview and public-sector results. */
#include "narrative.h"

#include <stdio.h>
#include <string.h>

#include "../util/banned.h"



static long long cell_int(const struct query_result *r, size_t row, const char *col, int *null)
{
	const struct query_cell *c = query_cell(r, row, col);

	*null = !c || c->null;
	return *null ? 0 : c->i;
}

static double cell_real(const struct query_result *r, size_t row, const char *col, int *null)
{
	const struct query_cell *c = query_cell(r, row, col);

	*null = !c || c->null;
	return *null ? 0 : c->r;
}

/* Upper-cases an ASCII first letter: German sentences may start "im April". */
static void capitalize_from(struct buf *b, size_t at)
{
	if (at < b->len && b->buf[at] >= 'a' && b->buf[at] <= 'z')
		b->buf[at] = (char)(b->buf[at] - 'a' + 'A');
}

/* The previous period as the end of a comparison: "in March", "qu’en mars". */
static void than_previous(struct buf *out, enum lang lang, const struct query_meta *m)
{
	struct buf in = BUF_INIT;
	int same_year = m->period.start.year == m->previous.start.year &&
			m->period.end.year == m->previous.end.year;

	i18n_in_period(&in, lang, &m->previous, same_year);
	if (lang == LANG_FR)	/* "que" elides before a vowel: qu’en, qu’au */
		buf_adds(out, strchr("aeiouéAEIOU", in.buf[0]) ? "qu’" : "que ");
	buf_adds(out, in.buf);
	buf_release(&in);
}

static void count_sentence(struct buf *out, enum lang lang, const struct query_result *ov)
{
	const struct query_meta *m = &ov->meta;
	struct buf in = BUF_INIT, n = BUF_INIT, d = BUF_INIT, prev = BUF_INIT;
	long long incidents, change;
	int null, change_null, sig_null, significant;
	size_t start = out->len;

	incidents = cell_int(ov, 0, "incidents", &null);
	if (null)
		incidents = m->n;
	change = cell_int(ov, 0, "change", &change_null);
	significant = (int)cell_int(ov, 0, "significant", &sig_null);
	i18n_in_period(&in, lang, &m->period, 0);
	if (!incidents) {
		const char *args[1] = { in.buf };

		i18n_fill(out, i18n_msg(lang, MSG_NO_INCIDENTS), args, 1);
		capitalize_from(out, start);
		goto out;
	}
	i18n_int(&n, lang, incidents);
	{
		const char *args[2] = { n.buf, in.buf };

		i18n_fill(out, i18n_msg(lang, incidents == 1 ? MSG_NARR_ONE : MSG_NARR_MANY), args, 2);
	}
	if (m->previous.kind != QUERY_PERIOD_NONE && !change_null) {
		const char *args[2];
		enum i18n_msg p = change > 0 ? MSG_NARR_MORE : change < 0 ? MSG_NARR_FEWER : MSG_NARR_SAME;

		i18n_int(&d, lang, change < 0 ? -change : change);
		than_previous(&prev, lang, m);
		args[0] = d.buf;
		args[1] = prev.buf;
		buf_adds(out, ", ");
		i18n_fill(out, i18n_msg(lang, p), args, 2);
		if (!sig_null) {
			buf_adds(out, ", ");
			buf_adds(out, i18n_msg(lang, significant ? MSG_NARR_SIGNIFICANT : MSG_NARR_NOT_SIGNIFICANT));
		}
	}
out:
	buf_release(&in);
	buf_release(&n);
	buf_release(&d);
	buf_release(&prev);
}

/* "31% hit public bodies (n = 42, 95% CI 19–46%)", from the "public" row. */
static int public_clause(struct buf *out, enum lang lang, const struct query_result *ps)
{
	struct buf share = BUF_INIT, n = BUF_INIT, ci = BUF_INIT, k = BUF_INIT;
	const char *args[3];
	size_t row;
	int null, lo_null, hi_null;
	long long total, count;
	double s, lo, hi;

	for (row = 0; row < ps->rows_nr; row++) {
		const struct query_cell *g = query_cell(ps, row, "group");

		if (g && !g->null && !strcmp(g->s, "public"))
			break;
	}
	if (row == ps->rows_nr)
		return 0;
	count = cell_int(ps, row, "incidents", &null);
	total = cell_int(ps, row, "n", &null);
	if (null)
		total = ps->meta.n;
	if (!total)
		return 0;
	s = cell_real(ps, row, "share", &null);
	lo = cell_real(ps, row, "ci_low", &lo_null);
	hi = cell_real(ps, row, "ci_high", &hi_null);
	i18n_int(&n, lang, total);
	if (null || lo_null || hi_null || ps->rows[row].flag == SHARE_SUPPRESSED) {
		i18n_int(&k, lang, count);
		args[0] = k.buf;
		args[1] = n.buf;
		i18n_fill(out, i18n_msg(lang, MSG_NARR_PUBLIC_FEW), args, 2);
	} else {
		i18n_percent(&share, lang, s);
		i18n_percent_range(&ci, lang, lo, hi);
		args[0] = share.buf;
		args[1] = n.buf;
		args[2] = ci.buf;
		i18n_fill(out, i18n_msg(lang, ps->rows[row].flag == SHARE_UNRELIABLE ? MSG_NARR_PUBLIC_CARE : MSG_NARR_PUBLIC),
			  args, 3);
	}
	buf_release(&share);
	buf_release(&n);
	buf_release(&ci);
	buf_release(&k);
	return 1;
}

static void today_sentence(struct buf *out, enum lang lang, const struct query_result *ov,
			   const struct narrative_input *in);

void narrative_write(struct buf *out, enum lang lang, const struct narrative_input *in)
{
	const struct query_result *ov = in->overview;
	struct buf clause = BUF_INIT, label = BUF_INIT;
	int null;
	long long left_out;

	count_sentence(out, lang, ov);
	if (ov->meta.n > 0 && in->public_sector && public_clause(&clause, lang, in->public_sector)) {
		buf_adds(out, i18n_msg(lang, MSG_SEMICOLON));
		buf_adds(out, clause.buf);
	}
	if (ov->meta.n > 0)
		buf_addch(out, '.');
	left_out = cell_int(ov, 0, "left_out", &null);
	if (null)
		left_out = ov->meta.left_out;
	if (left_out > 0) {
		struct buf k = BUF_INIT;
		const char *args[1];

		i18n_int(&k, lang, left_out);
		args[0] = k.buf;
		buf_addch(out, ' ');
		i18n_fill(out, i18n_msg(lang, left_out == 1 ? MSG_NARR_LEFT_OUT_ONE : MSG_NARR_LEFT_OUT), args, 1);
		buf_release(&k);
	}
	if (cell_int(ov, 0, "provisional", &null) && !null && ov->meta.n > 0 &&
	    ov->meta.data_end.month.kind != QUERY_PERIOD_NONE) {
		const char *args[1];
		size_t at;

		i18n_period(&label, lang, &ov->meta.data_end.month);
		args[0] = label.buf;
		buf_addch(out, ' ');
		at = out->len;
		i18n_fill(out, i18n_msg(lang, MSG_PROVISIONAL), args, 1);
		capitalize_from(out, at);
	}
	today_sentence(out, lang, ov, in);
	buf_release(&clause);
	buf_release(&label);
}

/*
 * Incidents surface late: the previous period's count is today's, and
 * when the briefing issued for that period printed another, say so.
 */
static void today_sentence(struct buf *out, enum lang lang, const struct query_result *ov,
			   const struct narrative_input *in)
{
	struct buf period = BUF_INIT, now = BUF_INIT, then = BUF_INIT;
	const char *args[3];
	long long previous;
	int null;

	previous = cell_int(ov, 0, "previous", &null);
	if (!in->previous_printed_known || null || ov->meta.n == 0 ||
	    ov->meta.previous.kind == QUERY_PERIOD_NONE || previous == in->previous_printed)
		return;
	i18n_period(&period, lang, &ov->meta.previous);
	i18n_int(&now, lang, previous);
	i18n_int(&then, lang, in->previous_printed);
	args[0] = period.buf;
	args[1] = now.buf;
	args[2] = then.buf;
	buf_addch(out, ' ');
	i18n_fill(out, i18n_msg(lang, MSG_NARR_TODAY), args, 3);
	buf_release(&period);
	buf_release(&now);
	buf_release(&then);
}

/* narrative.h: the response-time clause. */
void narrative_times(struct buf *out, enum lang lang, const struct query_result *r)
{
	const struct query_figure *known = query_figure(r, "known");
	const struct query_figure *median = query_figure(r, "median_hours");
	const struct query_figure *p90 = query_figure(r, "p90_hours");
	struct buf items[9], list = BUF_INIT;
	const char *args[2], *texts[9];
	size_t nr = 0;

	if (!known || known->null || known->value < 1 || !median || median->null) {
		buf_adds(out, i18n_msg(lang, MSG_TIMES_NONE));
		return;
	}
	if (known->value >= 10 && p90 && !p90->null) {
		struct buf a = BUF_INIT, z = BUF_INIT;

		i18n_duration(&a, lang, median->value);
		i18n_duration(&z, lang, p90->value);
		args[0] = a.buf;
		args[1] = z.buf;
		i18n_fill(out, i18n_msg(lang, MSG_TIMES_SPREAD), args, 2);
		buf_release(&a);
		buf_release(&z);
		return;
	}
	for (; nr < 9; nr++) {
		char name[16];
		const struct query_figure *h;

		snprintf(name, sizeof(name), "hours_%zu", nr + 1);
		if (!(h = query_figure(r, name)) || h->null)
			break;
		buf_init(&items[nr]);
		i18n_duration(&items[nr], lang, h->value);
		texts[nr] = items[nr].buf;
	}
	i18n_list(&list, lang, texts, nr);
	args[0] = list.buf;
	i18n_fill(out, i18n_msg(lang, MSG_TIMES_FEW), args, 1);
	for (size_t i = 0; i < nr; i++)
		buf_release(&items[i]);
	buf_release(&list);
}
