/*
 * A briefing from a template: run the queries it names, build the flow of
 * items (flow.c), lay it out (layout.c), draw it (page.c), attach the data
 * and the provenance, and write the file in one rename.
 */
#include "internal.h"
#include "narrative.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/file.h"
#include "../util/version.h"
#include "../util/banned.h"

struct rq *briefing_rq(struct briefing *b, const struct query *q, enum tpl_scope scope)
{
	for (size_t i = 0; q && i < b->rqs_nr; i++)
		if (b->rqs[i].q == q && b->rqs[i].scope == scope)
			return &b->rqs[i];
	return NULL;
}

void briefing_narrative(struct briefing *b, struct buf *out)
{
	struct narrative_input in = { 0 };

	in.overview = briefing_rq(b, &query_overview, TPL_SCOPE_REPORT)->res;
	in.public_sector = briefing_rq(b, &query_public_sector, TPL_SCOPE_REPORT)->res;
	in.previous_printed = history_printed(b, &in.overview->meta.previous);
	in.previous_printed_known = in.previous_printed >= 0;
	narrative_write(out, b->lang, &in);
}

static void want(struct briefing *b, const struct query *q, enum tpl_scope scope)
{
	struct rq *rq;
	struct buf name = BUF_INIT;

	if (briefing_rq(b, q, scope))
		return;
	ALLOC_GROW(b->rqs, b->rqs_nr + 1, b->rqs_alloc);
	rq = &b->rqs[b->rqs_nr++];
	memset(rq, 0, sizeof(*rq));
	rq->q = q;
	rq->scope = scope;
	buf_addf(&name, "%s_%s%s.csv", tlp_file_tag(b->tlp), q->name,
		 scope == TPL_SCOPE_12_MONTHS ? "-12-months" : "");
	rq->file = buf_detach(&name, NULL);
}

static int want_placeholder(const char *name, size_t offset, void *arg)
{
	const char *dot = strchr(name, '.');
	char *qname;

	(void)offset;
	if (!dot)
		return 0;
	qname = xstrndup(name, (size_t)(dot - name));
	if (query_find(qname))
		want(arg, query_find(qname), TPL_SCOPE_REPORT);
	free(qname);
	return 0;
}

/*
 * What the notable list needs of the template's notable blocks: as many
 * rows as the longest shows, ranked with the weights the one that gives
 * them gives (template.h allows one), else with the first's defaults.
 */
struct notable_need {
	long limit;
	const struct notable_weights *weights;
};

static void want_blocks(struct briefing *b, const struct tpl_block *blocks, size_t nr,
			struct notable_need *need)
{
	for (size_t i = 0; i < nr; i++) {
		const struct tpl_block *blk = &blocks[i];
		size_t bad;

		if (blk->query)
			want(b, blk->query, blk->kind == TPL_NOTABLE ? TPL_SCOPE_REPORT : blk->scope);
		if (blk->kind == TPL_NOTABLE && blk->count > need->limit)
			need->limit = blk->count;
		if (blk->kind == TPL_NOTABLE && (!need->weights || blk->has_weights))
			need->weights = &blk->weights;
		for (size_t l = 0; blk->kind == TPL_TEXT && l < LANG_NR; l++)
			if (blk->text.v[l])
				tpl_placeholders(blk->text.v[l], want_placeholder, b, &bad);
	}
}

/* The filter of a scope: the report's, or the twelve months that end with it. */
static int scope_filter(struct briefing *b, enum tpl_scope scope, long limit, struct query_filter *f)
{
	*f = *b->o->filter;
	f->limit = limit;
	if (scope == TPL_SCOPE_12_MONTHS &&
	    query_period_last_twelve_months(&b->o->filter->period, &f->period) < 0)
		return error("cannot make the twelve months up to %s", b->o->filter->period.to);
	return 0;
}

static int run_queries(struct briefing *b)
{
	const struct template *t = b->t;
	struct notable_need need = { 0, NULL };

	/* The narrative is made of these two, whatever the template shows. */
	want(b, &query_overview, TPL_SCOPE_REPORT);
	want(b, &query_public_sector, TPL_SCOPE_REPORT);
	/* The headline figures a briefing records (history.c) count by country too. */
	want(b, &query_by_country, TPL_SCOPE_REPORT);
	want_blocks(b, t->cover, t->cover_nr, &need);
	for (size_t s = 0; s < t->sections_nr; s++)
		want_blocks(b, t->sections[s].blocks, t->sections[s].blocks_nr, &need);
	for (size_t i = 0; i < b->rqs_nr; i++) {
		struct query_filter f;

		/* Incidents are listed as many as the template shows; the others keep their default. */
		int notable = b->rqs[i].q->key == QUERY_KEY_INCIDENT;

		if (scope_filter(b, b->rqs[i].scope, notable ? need.limit : 0, &f) < 0)
			return -1;
		if (notable)
			f.weights = need.weights;
		if (query_run(b->st, b->rqs[i].q, &f, &b->rqs[i].res) < 0)
			return -1;
	}
	return 0;
}

/* What the briefing was made from, for the keywords and the attached note. */
static void provenance(struct briefing *b, struct buf *kw, struct buf *note)
{
	const struct query_period *p = &b->o->filter->period;
	const struct store_summary *s = &b->store;

	buf_addf(kw, "ibrief %s; template %s (fnv1a64 %016llx); period %s..%s; filters ",
		 ibrief_version, b->t->name, b->t->digest, p->from, p->to);
	history_filter_words(kw, b->o->filter);
	buf_addf(kw, "; lang %s; %s; store digest %s (%lld incidents, last import %s)",
		 i18n_lang_code(b->lang), tlp_label(b->tlp), s->digest, s->incidents,
		 s->last_import ? s->last_import : "none");

	buf_addf(note, "Made by ibrief %s.\n", ibrief_version);
	if (b->o->command)
		buf_addf(note, "Command: %s\n", b->o->command);
	buf_addf(note, "Template: %s (FNV-1a 64: %016llx)\n", b->t->name, b->t->digest);
	buf_addf(note, "Period: %s to %s (%s)\nFilters: ", p->from, p->to, p->label);
	history_filter_words(note, b->o->filter);
	buf_addf(note, "\nLanguage: %s\nMarking: %s\n", i18n_lang_code(b->lang), tlp_label(b->tlp));
	buf_addf(note, "Store: %lld incidents, last import %s, digest %s\n", s->incidents,
		 s->last_import ? s->last_import : "none", s->digest);
	if (b->geo_loaded)
		buf_addf(note, "Map: %s (%s, %s)\n", b->map_world ? "the world" : "Europe",
			 geo_file(b->map_world ? GEO_WORLD : GEO_EUROPE),
			 b->map_world ? "Equal Earth" : "Lambert azimuthal equal-area");
	buf_adds(note, "\nFiles (each is the result of one catalog query, 'ibrief query NAME'):\n");
	for (size_t i = 0; i < b->rqs_nr; i++) {
		const struct rq *rq = &b->rqs[i];
		const struct query_meta *m = &rq->res->meta;

		buf_addf(note, "  %s: query %s, period %s to %s, n = %lld, left out %lld, undated %lld\n",
			 rq->file, rq->q->name, m->period.from, m->period.to, m->n, m->left_out,
			 m->undated);
	}
	buf_adds(note, "\nEvery number in the briefing is a value of these files, formatted. The same\n"
		       "command on a store with the same digest makes the same briefing.\n");
}

static int cmp_rq_file(const void *a, const void *b)
{
	return strcmp((*(const struct rq *const *)a)->file, (*(const struct rq *const *)b)->file);
}

/* The CSV of every result shown, and the provenance note, in name order. */
static int attach(struct briefing *b, const char *note)
{
	struct rq **list = xcalloc(b->rqs_nr + 1, sizeof(*list));
	struct buf name = BUF_INIT;
	size_t nr = 0;
	int ret = 0;

	for (size_t i = 0; i < b->rqs_nr; i++)
		if (b->rqs[i].attach || b->rqs[i].q->attached)
			list[nr++] = &b->rqs[i];
	qsort(list, nr, sizeof(*list), cmp_rq_file);
	for (size_t i = 0; i < nr && !ret; i++) {
		char *data = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&data, &len);

		if (!f)
			die("out of memory");
		query_write_csv(f, list[i]->res);
		if (fclose(f) != 0)
			die("out of memory");
		ret = pdf_attach(&b->pdf, list[i]->file, "text/csv", list[i]->q->description, data, len);
		if (b->o->proof)
			proof_file(b->o->proof, list[i], list[i]->file, data, len);
		free(data);
	}
	if (!ret && history_shown(b))
		ret = history_attach(b);
	buf_addf(&name, "%s_provenance.txt", tlp_file_tag(b->tlp));
	if (!ret)
		ret = pdf_attach(&b->pdf, name.buf, "text/plain", "how this briefing was made", note,
				 strlen(note));
	if (!ret && b->o->proof)
		proof_file(b->o->proof, NULL, name.buf, note, strlen(note));
	buf_release(&name);
	free(list);
	return ret;
}

/* "-denial-of-service": a filter's value in a file name, letters and digits only. */
static void name_part(struct buf *out, const char *value)
{
	int dash = 1;

	for (const char *p = value; *p; p++) {
		int c = (unsigned char)*p;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			if (dash)
				buf_addch(out, '-');
			buf_addch(out, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
			dash = 0;
		} else {
			dash = 1;
		}
	}
}

void report_default_name(struct buf *out, const struct query_filter *f)
{
	buf_adds(out, "briefing-");
	if (f->countries && f->countries->n >= 1 && f->countries->n <= 3)
		for (size_t i = 0; i < f->countries->n; i++)
			buf_addf(out, "%s-", f->countries->v[i]);
	query_period_tag(&f->period, out);
	if (f->public_only)
		buf_adds(out, "-public");
	if (f->type)
		name_part(out, f->type);
	if (f->sector)
		name_part(out, f->sector);
	buf_adds(out, ".pdf");
}

/*
 * A template of a few lines can ask for thousands of pages (long tables,
 * full-page charts, a long text): refuse a briefing longer than
 * REPORT_MAX_PAGES, naming the template's node that passes the limit.
 */
static int pages_check(const struct briefing *b, const struct layout *l)
{
	const struct item *it = NULL;

	if (l->pages <= REPORT_MAX_PAGES)
		return 0;
	for (size_t i = 0; i < l->nr && !it; i++)
		if (l->places[i].page >= REPORT_MAX_PAGES)
			it = &b->items[l->places[i].item];
	return error_at(b->t->path, it ? it->line : 1, it ? it->column : 1,
			"the briefing passes %d pages here (it would take %d; expected "
			"fewer blocks, rows or notable incidents)", REPORT_MAX_PAGES, l->pages);
}

/* Lays out the items and draws them on as many pages as they take. */
static int render(struct briefing *b, int *pages)
{
	struct layout l;
	struct layout_item *items = xcalloc(b->items_nr + 1, sizeof(*items));
	int ret = -1;

	layout_init(&l, CONTENT_HEIGHT, 0);
	for (size_t i = 0; i < b->items_nr; i++)
		items[i] = b->items[i].l;
	if (layout_run(&l, items, b->items_nr) < 0 || pages_check(b, &l) < 0)
		goto out;
	pdf_add_pages(&b->pdf, (size_t)l.pages);
	for (size_t i = 0; i < l.nr; i++)
		page_draw_item(b, &b->items[l.places[i].item], &l.places[i]);
	for (int page = 0; page < l.pages; page++)
		page_furniture(b, (size_t)page, (size_t)l.pages);
	*pages = l.pages;
	ret = pdf_check(&b->pdf, "drawing");
out:
	free(items);
	layout_release(&l);
	return ret;
}

/* -o FILE as given; -o DIR (or DIR/) the default name in it; none: in the current directory. */
static void output_path(struct buf *path, const struct report_options *o)
{
	struct stat st;
	size_t len = o->output ? strlen(o->output) : 0;

	if (o->output && (o->output[len - 1] == '/' || (!stat(o->output, &st) && S_ISDIR(st.st_mode)))) {
		buf_adds(path, o->output);
		if (o->output[len - 1] != '/')
			buf_addch(path, '/');
	} else if (o->output) {
		buf_adds(path, o->output);
		return;
	}
	report_default_name(path, o->filter);
}

static void briefing_release(struct briefing *b)
{
	flow_release(b);
	for (size_t i = 0; i < b->rqs_nr; i++) {
		query_result_free(b->rqs[i].res);
		free(b->rqs[i].file);
	}
	free(b->rqs);
	history_release(b);
	if (b->geo_loaded)
		geo_release(&b->geo);
	store_summary_release(&b->store);
	pdf_close(&b->pdf);
	buf_release(&b->title);
	buf_release(&b->period);
}

/* Whether the period lies after the store's data: see report_summary. */
static void after_data(struct briefing *b, struct report_summary *sum)
{
	const struct store_extent *e = &b->store.extent;
	const char *end = *e->last_month ? e->last_month : e->last_year;
	const struct query_result *overview = briefing_rq(b, &query_overview, TPL_SCOPE_REPORT)->res;

	snprintf(sum->data_end, sizeof(sum->data_end), "%s", end);
	sum->after_data = overview->meta.n == 0 &&
			  (!*end || strncmp(b->o->filter->period.from, end, strlen(end)) > 0);
}

int report_write(struct store *st, const struct report_options *o, struct report_summary *sum)
{
	struct briefing b;
	struct buf doc = BUF_INIT, path = BUF_INIT, kw = BUF_INIT, note = BUF_INIT, subject = BUF_INIT;
	struct buf creator = BUF_INIT;
	int pages = 0, ret = -1;

	memset(sum, 0, sizeof(*sum));
	memset(&b, 0, sizeof(b));
	buf_init(&b.title);
	buf_init(&b.period);
	geo_init(&b.geo);
	b.st = st;
	b.o = o;
	b.t = o->template;
	b.lang = o->lang;
	b.tlp = o->tlp;
	i18n_period(&b.period, b.lang, &o->filter->period);
	/* A path that cannot be written is refused before the work, not after. */
	output_path(&path, o);
	if (output_path_check(path.buf) < 0)
		goto out;
	if (run_queries(&b) < 0 || store_summary(st, &b.store) < 0 || briefing_title(&b) < 0 ||
	    history_load(&b) < 0)
		goto out;
	if (pdf_open(&b.pdf) < 0 || flow_build(&b) < 0 || render(&b, &pages) < 0)
		goto out;
	provenance(&b, &kw, &note);
	if (attach(&b, note.buf) < 0)
		goto out;
	buf_addf(&doc, "%s \xe2\x80\x94 %s", b.title.buf, b.period.buf);
	briefing_narrative(&b, &subject);
	buf_addf(&creator, "ibrief %s", ibrief_version);
	pdf_info(&b.pdf, doc.buf, subject.buf, o->organisation, creator.buf, kw.buf);
	sum->title = xstrdup(doc.buf);
	sum->narrative = xstrdup(subject.buf);
	sum->organisation = o->organisation ? xstrdup(o->organisation) : NULL;
	buf_reset(&doc);
	pdf_dates(&b.pdf, o->issued);
	if (pdf_save(&b.pdf, &doc) < 0)
		goto out;
	if (o->proof) {
		/* The same briefing, recorded instead of written. */
		proof_text(o->proof, &b);
		o->proof->provisional =
			briefing_rq(&b, &query_overview, TPL_SCOPE_REPORT)->res->meta.provisional;
		proof_history(o->proof, &b);
	} else {
		if (write_file_atomic(path.buf, doc.buf, doc.len) < 0)
			goto out;
		sum->path = buf_detach(&path, NULL);
	}
	if (history_record(&b, sum->path, &doc, &sum->record) < 0)
		goto out;
	sum->pages = pages;
	sum->bytes = doc.len;
	sum->has_tlp = 1;
	sum->tlp = b.tlp;
	after_data(&b, sum);
	ret = 0;
out:
	if (ret)
		report_summary_release(sum);
	briefing_release(&b);
	buf_release(&doc);
	buf_release(&path);
	buf_release(&kw);
	buf_release(&note);
	buf_release(&subject);
	buf_release(&creator);
	return ret;
}

void report_summary_release(struct report_summary *sum)
{
	store_briefing_release(&sum->record);
	free(sum->path);
	free(sum->title);
	free(sum->narrative);
	free(sum->organisation);
	memset(sum, 0, sizeof(*sum));
}
