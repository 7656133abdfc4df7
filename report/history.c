/*
 * Briefings that remember: what this briefing records of itself (the
 * summary's record, which the CLI stores once the PDF is in place), and
 * what it says of the last briefing of the same template and filters
 * ("Since the last briefing"): the incidents dated in or before that
 * briefing's period that surfaced after it was issued, and each headline
 * figure of that period as printed then and as the queries give it now.
 *
 * Every number comes from a query (queries/) or from the stored record
 * (store/briefing.h); nothing here runs SQL.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../util/csv.h"
#include "../util/sha256.h"
#include "../util/banned.h"

struct since_row {
	char *name;		/* "incidents", "public-share", "country" */
	char *label;		/* the country code, or "" */
	double then, now;
	int then_null, now_null;
};

struct history {
	struct store_briefing prev;
	struct query_period period;	/* the earlier briefing's */
	long long late;
	struct since_row *rows;
	size_t nr, alloc;
	int changed;
};

static const struct {
	enum query_period_kind kind;
	const char *name;
} kinds[] = {
	{ QUERY_PERIOD_ALL, "all" },
	{ QUERY_PERIOD_RANGE, "range" },
	{ QUERY_PERIOD_MONTH, "month" },
	{ QUERY_PERIOD_QUARTER, "quarter" },
	{ QUERY_PERIOD_YEAR, "year" },
};

static const char *kind_name(enum query_period_kind k)
{
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (kinds[i].kind == k)
			return kinds[i].name;
	return "range";
}

/* The period a stored briefing was made for, from its kind and bounds. */
static int restore_period(const struct store_briefing *r, struct query_period *p)
{
	struct query_date a;
	int open_from = !strcmp(r->period_from, QUERY_DATE_MIN);
	int open_to = !strcmp(r->period_to, QUERY_DATE_MAX);

	if (!strcmp(r->period_kind, "all")) {
		query_period_all(p);
		return 0;
	}
	if (query_date_parse(r->period_from, &a) != 3)
		return -1;
	if (!strcmp(r->period_kind, "month"))
		return query_period_month(p, a.year, a.month);
	if (!strcmp(r->period_kind, "quarter"))
		return query_period_quarter(p, a.year, (a.month - 1) / 3 + 1);
	if (!strcmp(r->period_kind, "year"))
		return query_period_year(p, a.year);
	return query_period_range(p, open_from ? NULL : r->period_from,
				  open_to ? NULL : r->period_to);
}

/* "country=BE public-sector", "none": the filters, as the provenance note spells them. */
void history_filter_words(struct buf *out, const struct query_filter *f)
{
	size_t start = out->len;

	if (f->countries && f->countries->n) {
		buf_adds(out, "country=");
		for (size_t i = 0; i < f->countries->n; i++)
			buf_addf(out, "%s%s", i ? "," : "", f->countries->v[i]);
	}
	if (f->sector)
		buf_addf(out, "%ssector=%s", out->len > start ? " " : "", f->sector);
	if (f->type)
		buf_addf(out, "%stype=%s", out->len > start ? " " : "", f->type);
	if (f->public_only)
		buf_addf(out, "%spublic-sector", out->len > start ? " " : "");
	if (out->len == start)
		buf_adds(out, "none");
}

static void iso_time(char out[21], time_t t)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/*
 * The headline figures of a briefing, from its overview, public-sector and
 * by-country results: the incidents, the share of public bodies, the
 * incidents of each known country.
 */
static void headline(const struct query_result *ov, const struct query_result *ps,
		     const struct query_result *bc, struct store_briefing *out)
{
	int have_share = 0;

	store_briefing_figure(out, "incidents", "", (double)ov->meta.n, 0);
	for (size_t r = 0; ps && r < ps->rows_nr; r++) {
		const struct query_cell *g = query_cell(ps, r, "group");
		const struct query_cell *s = query_cell(ps, r, "share");

		if (g && !g->null && !strcmp(g->s, "public") && s) {
			store_briefing_figure(out, "public-share", "", s->null ? 0 : s->r, s->null);
			have_share = 1;
		}
	}
	if (!have_share)
		store_briefing_figure(out, "public-share", "", 0, ov->meta.n == 0);
	for (size_t r = 0; bc && r < bc->rows_nr; r++) {
		const struct query_cell *c = query_cell(bc, r, "country");
		const struct query_cell *n = query_cell(bc, r, "incidents");

		if (c && !c->null && n && !n->null)
			store_briefing_figure(out, "country", c->s, (double)n->i, 0);
	}
}

static const struct store_figure *find_figure(const struct store_briefing *b, const char *name,
					      const char *label)
{
	for (size_t i = 0; i < b->figures_nr; i++)
		if (!strcmp(b->figures[i].name, name) && !strcmp(b->figures[i].label, label))
			return &b->figures[i];
	return NULL;
}

static int same_value(double a, int a_null, double b, int b_null)
{
	if (a_null || b_null)
		return a_null == b_null;
	return a - b < 5e-7 && b - a < 5e-7;
}

static void add_row(struct history *h, const char *name, const char *label,
		    const struct store_figure *then, const struct store_figure *now)
{
	struct since_row *r;

	ALLOC_GROW(h->rows, h->nr + 1, h->alloc);
	r = &h->rows[h->nr++];
	r->name = xstrdup(name);
	r->label = xstrdup(label);
	/* A country absent from a by-country table had no incident there. */
	r->then = then ? then->value : 0;
	r->then_null = then ? then->null : strcmp(name, "country") != 0;
	r->now = now ? now->value : 0;
	r->now_null = now ? now->null : strcmp(name, "country") != 0;
	if (!same_value(r->then, r->then_null, r->now, r->now_null))
		h->changed = 1;
}

/* The figures of the earlier period as they stand now, with the same filters. */
static int figures_now(struct briefing *b, const struct query_period *p, struct store_briefing *now)
{
	const struct query *qs[3] = { &query_overview, &query_public_sector, &query_by_country };
	struct query_result *res[3] = { NULL, NULL, NULL };
	struct query_filter f = *b->o->filter;
	int ret = -1;

	/*
	 * The earlier briefing was of this period (a briefing issued again):
	 * its figures now are this briefing's own, counted with the same
	 * filter and no limit (run_queries() in report.c), in the same state
	 * of the store.
	 */
	if (!strcmp(p->from, b->o->filter->period.from) && !strcmp(p->to, b->o->filter->period.to)) {
		headline(briefing_rq(b, qs[0], TPL_SCOPE_REPORT)->res,
			 briefing_rq(b, qs[1], TPL_SCOPE_REPORT)->res,
			 briefing_rq(b, qs[2], TPL_SCOPE_REPORT)->res, now);
		return 0;
	}
	f.period = *p;
	f.limit = 0;
	for (size_t i = 0; i < 3; i++)
		if (query_run(b->st, qs[i], &f, &res[i]) < 0)
			goto out;
	headline(res[0], res[1], res[2], now);
	ret = 0;
out:
	for (size_t i = 0; i < 3; i++)
		query_result_free(res[i]);
	return ret;
}

int history_load(struct briefing *b)
{
	struct history *h = xcalloc(1, sizeof(*h));
	struct store_briefing now;
	struct buf filters = BUF_INIT;
	struct query_filter f;
	char issued[21];
	int found, ret = -1;

	store_briefing_init(&now);
	b->hist = h;
	history_filter_words(&filters, b->o->filter);
	iso_time(issued, b->o->issued);
	found = store_briefing_last(b->st, b->t->name, filters.buf, issued, &h->prev);
	if (found <= 0) {
		ret = found;
		goto out;
	}
	if (restore_period(&h->prev, &h->period) < 0) {
		ret = error("briefing %lld: period %s..%s (%s) cannot be read", h->prev.id,
			    h->prev.period_from, h->prev.period_to, h->prev.period_kind);
		goto out;
	}
	f = *b->o->filter;
	f.period = h->period;
	if (query_added_since(b->st, &f, h->prev.last_incident, &h->late) < 0 ||
	    figures_now(b, &h->period, &now) < 0)
		goto out;
	h->changed = h->late > 0;
	for (size_t i = 0; i < h->prev.figures_nr; i++) {
		const struct store_figure *t = &h->prev.figures[i];

		add_row(h, t->name, t->label, t, find_figure(&now, t->name, t->label));
	}
	for (size_t i = 0; i < now.figures_nr; i++)
		if (!find_figure(&h->prev, now.figures[i].name, now.figures[i].label))
			add_row(h, now.figures[i].name, now.figures[i].label, NULL, &now.figures[i]);
	ret = 0;
out:
	store_briefing_release(&now);
	buf_release(&filters);
	return ret;
}

void history_release(struct briefing *b)
{
	struct history *h = b->hist;

	if (!h)
		return;
	store_briefing_release(&h->prev);
	for (size_t i = 0; i < h->nr; i++) {
		free(h->rows[i].name);
		free(h->rows[i].label);
	}
	free(h->rows);
	free(h);
	b->hist = NULL;
}

int history_shown(const struct briefing *b)
{
	return b->hist && b->hist->prev.id && b->hist->changed;
}

void history_file(const struct briefing *b, struct buf *out)
{
	buf_addf(out, "%s_since-last-briefing.csv", tlp_file_tag(b->tlp));
}

void history_proof(const struct briefing *b, long long *id, struct query_period *period,
		   long long *late)
{
	*id = b->hist->prev.id;
	*period = b->hist->period;
	*late = b->hist->late;
}

long long history_printed(const struct briefing *b, const struct query_period *p)
{
	const struct history *h = b->hist;
	const struct store_figure *f;

	if (!h || !h->prev.id || strcmp(h->period.from, p->from) || strcmp(h->period.to, p->to))
		return -1;
	f = find_figure(&h->prev, "incidents", "");
	return f && !f->null ? (long long)f->value : -1;
}

/* A figure's value as printed: a count, or a share as a percentage. */
static void value_text(struct buf *out, enum lang lang, const struct since_row *r, int now)
{
	double v = now ? r->now : r->then;

	if (now ? r->now_null : r->then_null)
		buf_adds(out, i18n_msg(lang, MSG_NOT_KNOWN));
	else if (!strcmp(r->name, "public-share"))
		i18n_percent(out, lang, v);
	else
		i18n_int(out, lang, (long long)v);
}

/* What a figure is about: "June 2013", "June 2013, share of public bodies", "June 2013, Belgium". */
static void row_label(struct buf *out, enum lang lang, const struct since_row *r,
		      const char *period)
{
	const char *args[2] = { period, NULL };

	if (!strcmp(r->name, "public-share")) {
		i18n_fill(out, i18n_msg(lang, MSG_SINCE_PUBLIC), args, 1);
	} else if (!strcmp(r->name, "country")) {
		args[1] = i18n_country(lang, r->label);
		if (!args[1])
			args[1] = r->label;
		i18n_fill(out, i18n_msg(lang, MSG_SINCE_COUNTRY), args, 2);
	} else {
		buf_adds(out, period);
	}
}

void history_sentences(const struct briefing *b, struct strlist *out)
{
	const struct history *h = b->hist;
	struct buf s = BUF_INIT, date = BUF_INIT, period = BUF_INIT, n = BUF_INIT;
	const char *args[3];

	{
		char day[11];

		snprintf(day, sizeof(day), "%s", h->prev.issued_at);	/* the date of "...T...Z" */
		i18n_date(&date, b->lang, day);
	}
	i18n_period(&period, b->lang, &h->period);
	args[0] = date.buf;
	args[1] = period.buf;
	i18n_fill(&s, i18n_msg(b->lang, MSG_SINCE_ISSUED), args, 2);
	i18n_int(&n, b->lang, h->late);
	args[0] = n.buf;
	buf_addch(&s, ' ');
	i18n_fill(&s, i18n_msg(b->lang, h->late == 1 ? MSG_SINCE_LATE_ONE : MSG_SINCE_LATE), args, 2);
	strlist_add(out, s.buf);
	for (size_t i = 0; i < h->nr; i++) {
		const struct since_row *r = &h->rows[i];
		struct buf label = BUF_INIT, then = BUF_INIT, now = BUF_INIT;

		if (same_value(r->then, r->then_null, r->now, r->now_null))
			continue;
		row_label(&label, b->lang, r, period.buf);
		value_text(&then, b->lang, r, 0);
		value_text(&now, b->lang, r, 1);
		args[0] = label.buf;
		args[1] = then.buf;
		args[2] = now.buf;
		buf_reset(&s);
		i18n_fill(&s, i18n_msg(b->lang, MSG_SINCE_FIGURE), args, 3);
		strlist_add(out, s.buf);
		buf_release(&label);
		buf_release(&then);
		buf_release(&now);
	}
	buf_release(&s);
	buf_release(&date);
	buf_release(&period);
	buf_release(&n);
}

static void csv_value(FILE *f, double v, int null, int share)
{
	if (!null)
		fprintf(f, share ? "%.6f" : "%.0f", v);
}

/* The section's data: one row per figure, then and now, and the late incidents. */
int history_attach(struct briefing *b)
{
	const struct history *h = b->hist;
	struct buf name = BUF_INIT;
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	int ret;

	if (!f)
		die("out of memory");
	fputs("figure,country,period_from,period_to,issued_at,then,now\n", f);
	fprintf(f, "incidents_added_since,,%s,%s,", h->period.from, h->period.to);
	csv_text(f, h->prev.issued_at);
	fprintf(f, ",,%lld\n", h->late);
	for (size_t i = 0; i < h->nr; i++) {
		const struct since_row *r = &h->rows[i];
		int share = !strcmp(r->name, "public-share");

		csv_text(f, r->name);
		fputc(',', f);
		csv_text(f, r->label);
		fprintf(f, ",%s,%s,", h->period.from, h->period.to);
		csv_text(f, h->prev.issued_at);
		fputc(',', f);
		csv_value(f, r->then, r->then_null, share);
		fputc(',', f);
		csv_value(f, r->now, r->now_null, share);
		fputc('\n', f);
	}
	if (fclose(f) != 0)
		die("out of memory");
	history_file(b, &name);
	ret = pdf_attach(&b->pdf, name.buf, "text/csv", "what changed since the last briefing",
			 data, len);
	if (b->o->proof)
		proof_file(b->o->proof, NULL, name.buf, data, len);
	buf_release(&name);
	free(data);
	return ret;
}

int history_record(struct briefing *b, const char *path, const struct buf *doc,
		   struct store_briefing *rec)
{
	const struct query_filter *f = b->o->filter;
	struct buf s = BUF_INIT;
	char issued[21], digest[17];

	store_briefing_init(rec);
	rec->template = xstrdup(b->t->name);
	buf_addf(&s, "%016llx", b->t->digest);
	rec->template_digest = buf_detach(&s, NULL);
	rec->period_kind = xstrdup(kind_name(f->period.kind));
	rec->period_from = xstrdup(f->period.from);
	rec->period_to = xstrdup(f->period.to);
	rec->period_label = xstrdup(f->period.label);
	history_filter_words(&s, f);
	rec->filters = buf_detach(&s, NULL);
	rec->lang = xstrdup(i18n_lang_code(b->lang));
	rec->tlp = xstrdup(tlp_label(b->tlp));
	iso_time(issued, b->o->issued);
	rec->issued_at = xstrdup(issued);
	rec->path = xstrdup(path ? path : "");
	sha256_hex(doc->buf, doc->len, rec->sha256);
	rec->bytes = (long long)doc->len;
	if (query_counted(b->st, f, &rec->incidents, digest) < 0 ||
	    query_newest_incident(b->st, &rec->last_incident) < 0) {
		store_briefing_release(rec);
		return -1;
	}
	snprintf(rec->incidents_digest, sizeof(rec->incidents_digest), "%s", digest);
	headline(briefing_rq(b, &query_overview, TPL_SCOPE_REPORT)->res,
		 briefing_rq(b, &query_public_sector, TPL_SCOPE_REPORT)->res,
		 briefing_rq(b, &query_by_country, TPL_SCOPE_REPORT)->res, rec);
	return 0;
}
