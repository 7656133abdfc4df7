/*
 * The briefing as a flow of measured items: the cover, then each section's
 * heading and blocks. Text is wrapped here with the PDF's own font metrics,
 * so the layout (report/layout.h) knows every height before anything is
 * drawn; page.c draws the runs where the layout puts them.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../charts/fromquery.h"
#include "../store/incident.h"
#include "../util/version.h"
#include "../util/banned.h"

#define CAPTION_HEIGHT 12.0
#define MAX_LINES 15		/* of one text in a block that cannot split */
#define MAX_SOURCES 4		/* links listed per notable incident; the rest are counted */
#define SUMMARY_LINES 6		/* of a notable incident's summary; the CSV has it whole */

static const struct rgb link_colour = { 0, 90, 160 };

size_t flow_item(struct briefing *b, enum layout_kind kind, double space_before)
{
	struct item *it;

	ALLOC_GROW(b->items, b->items_nr + 1, b->items_alloc);
	it = &b->items[b->items_nr];
	memset(it, 0, sizeof(*it));
	buf_init(&it->png);
	it->l.kind = kind;
	it->l.space_before = space_before;
	it->line = b->at_line;
	it->column = b->at_column;
	return b->items_nr++;
}

static struct run *run_add(struct item *it, enum run_kind kind)
{
	struct run *r;

	ALLOC_GROW(it->runs, it->runs_nr + 1, it->runs_alloc);
	r = &it->runs[it->runs_nr++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->colour = palette_text;
	return r;
}

/* A text run in `it`: its baseline at y. */
struct run *flow_text(struct item *it, enum pdf_font f, double size, struct rgb c,
			    double x, double y, const char *s)
{
	struct run *r = run_add(it, RUN_TEXT);

	r->font = f;
	r->size = size;
	r->colour = c;
	r->x = x;
	r->y = y;
	r->text = xstrdup(s);
	return r;
}

void flow_rule(struct item *it, struct rgb c, double x, double y, double w, double thick)
{
	struct run *r = run_add(it, RUN_RULE);

	r->colour = c;
	r->x = x;
	r->y = y;
	r->w = w;
	r->h = thick;
}

/*
 * Wraps `s` into `width` at x and adds one run per line, from y on, `lead`
 * apart (baseline at 0.75 of the lead); in a `block`, at most MAX_LINES.
 * Returns the height used.
 */
static double wrapped_text(struct briefing *b, struct item *it, enum pdf_font f, double size,
			   double lead, struct rgb c, double x, double y, double width, const char *s,
			   int block)
{
	struct strlist lines = STRLIST_INIT;
	size_t n = pdf_wrap(&b->pdf, f, size, s, width, &lines);
	struct buf last = BUF_INIT, tail = BUF_INIT;

	/* A block never splits: a summary as long as a page is cut, the rest is in the CSV. */
	if (block && n > MAX_LINES) {
		buf_addf(&tail, "%s \xe2\x80\xa6", lines.v[MAX_LINES - 1]);
		pdf_fit(&b->pdf, f, size, tail.buf, width, &last);
		buf_release(&tail);
		n = MAX_LINES;
	}
	for (size_t i = 0; i < n; i++)
		flow_text(it, f, size, c, x, y + (double)i * lead + lead * 0.75,
			  i + 1 == n && last.len ? last.buf : lines.v[i]);
	strlist_release(&lines);
	buf_release(&last);
	return (double)n * lead;
}

static double wrapped(struct briefing *b, struct item *it, enum pdf_font f, double size,
		      double lead, struct rgb c, double x, double y, double width, const char *s)
{
	return wrapped_text(b, it, f, size, lead, c, x, y, width, s, 1);
}

/* A paragraph that may split between lines: each run on its own line. */
size_t flow_paragraph(struct briefing *b, enum pdf_font f, double size, double lead,
			struct rgb c, double space_before, const char *s)
{
	size_t i = flow_item(b, LAYOUT_LINES, space_before);
	struct item *it = &b->items[i];
	double h = wrapped_text(b, it, f, size, lead, c, 0, 0, CONTENT_WIDTH, s, 0);

	for (size_t k = 0; k < it->runs_nr; k++) {
		it->runs[k].line = k;
		it->runs[k].y = lead * 0.75;
	}
	it->l.line_height = lead;
	it->l.height = h;
	return i;
}

/* ---- cover -------------------------------------------------------------- */

static void detail_row(struct briefing *b, struct item *it, double *y, enum i18n_msg label,
		       const char *value)
{
	double h;

	flow_text(it, PDF_BOLD, 9, palette_muted, 0, *y + 9.5, i18n_msg(b->lang, label));
	h = wrapped(b, it, PDF_REGULAR, 9.5, 13, palette_text, b->cover_label, *y, CONTENT_WIDTH - b->cover_label,
		    value);
	*y += h + 4;
}

static void filters_text(struct briefing *b, struct buf *out)
{
	const struct query_filter *f = b->o->filter;
	const char *colon = i18n_msg(b->lang, MSG_COLON), *sep = "";

	if (f->countries && f->countries->n) {
		buf_addf(out, "%s%s", i18n_msg(b->lang, f->countries->n > 1 ? MSG_COUNTRIES : MSG_COUNTRY),
			 colon);
		for (size_t i = 0; i < f->countries->n; i++)
			buf_addf(out, "%s%s", i ? ", " : "", i18n_country(b->lang, f->countries->v[i]));
		sep = i18n_msg(b->lang, MSG_SEMICOLON);
	}
	if (f->sector) {
		buf_addf(out, "%s%s%s%s", sep, i18n_msg(b->lang, MSG_SECTOR), colon, f->sector);
		sep = i18n_msg(b->lang, MSG_SEMICOLON);
	}
	if (f->type) {
		const char *t = i18n_vocab(b->lang, f->type);

		buf_addf(out, "%s%s%s%s", sep, i18n_msg(b->lang, MSG_TYPE), colon, t ? t : f->type);
		sep = i18n_msg(b->lang, MSG_SEMICOLON);
	}
	if (f->public_only)
		buf_addf(out, "%s%s", sep, i18n_msg(b->lang, MSG_PUBLIC_ONLY));
	if (!out->len)
		buf_adds(out, i18n_msg(b->lang, MSG_NO_FILTERS));
}

/* "23 November 2026" from an ISO 8601 time or date. */
static void iso_date(struct buf *out, enum lang lang, const char *iso)
{
	char day[11];

	if (!iso || strlen(iso) < 10) {
		buf_adds(out, i18n_msg(lang, MSG_NOT_KNOWN));
		return;
	}
	memcpy(day, iso, 10);
	day[10] = '\0';
	i18n_date(out, lang, day);
}

static void cover(struct briefing *b)
{
	struct buf v = BUF_INIT;
	struct tm tm;
	char day[16];
	double y = 8, tlp_w = tlp_box_width(b);
	struct item *it;
	size_t i;
	struct run *r;
	const char *args[2];

	flow_paragraph(b, PDF_BOLD, 22, 27, palette_text, 0, b->title.buf);
	flow_paragraph(b, PDF_REGULAR, 14, 20, palette_muted, 4, b->period.buf);
	i = flow_item(b, LAYOUT_BLOCK, 14);
	it = &b->items[i];
	flow_rule(it, palette_grid, 0, 0, CONTENT_WIDTH, 0.8);
	detail_row(b, it, &y, MSG_PERIOD, b->period.buf);
	filters_text(b, &v);
	detail_row(b, it, &y, MSG_FILTERS, v.buf);
	if (b->o->organisation)
		detail_row(b, it, &y, MSG_ISSUED_BY, b->o->organisation);
	buf_reset(&v);
	if (gmtime_r(&b->o->issued, &tm) && strftime(day, sizeof(day), "%Y-%m-%d", &tm))
		i18n_date(&v, b->lang, day);
	detail_row(b, it, &y, MSG_ISSUED, v.buf);
	buf_reset(&v);
	iso_date(&v, b->lang, b->store.last_import);
	detail_row(b, it, &y, MSG_DATA_AS_OF, v.buf);
	/* The import time alone says nothing of how recent the incidents are. */
	buf_reset(&v);
	iso_date(&v, b->lang, b->store.extent.last_day);
	detail_row(b, it, &y, MSG_NEWEST_INCIDENT, v.buf);
	/* The label, then in words what it allows and why this one (tlp.md). */
	flow_text(it, PDF_BOLD, 9, palette_muted, 0, y + 12, i18n_msg(b->lang, MSG_MARKING));
	r = run_add(it, RUN_TLP);
	r->x = b->cover_label;
	r->y = y;
	buf_reset(&v);
	buf_addf(&v, "%s (%s)", i18n_msg(b->lang, (enum i18n_msg)(MSG_TLP_CLEAR + b->tlp)),
		 i18n_msg(b->lang, b->o->tlp_source == TLP_FROM_OPTION ? MSG_TLP_CHOSEN :
				   b->o->tlp_source == TLP_FROM_CONFIG ? MSG_TLP_CONFIG : MSG_TLP_DEFAULT));
	y += fmax(TLP_BOX_HEIGHT, wrapped(b, it, PDF_REGULAR, 9.5, 13, palette_text,
					  b->cover_label + tlp_w + 8, y + 2,
					  CONTENT_WIDTH - b->cover_label - tlp_w - 8, v.buf)) + 6;
	flow_rule(it, palette_grid, 0, y, CONTENT_WIDTH, 0.8);
	it->l.height = y + 1;
	buf_reset(&v);
	args[0] = ibrief_version;
	args[1] = b->t->name;
	i18n_fill(&v, i18n_msg(b->lang, MSG_MADE_BY), args, 2);
	flow_paragraph(b, PDF_REGULAR, SMALL_SIZE, SMALL_LEAD, palette_muted, 5, v.buf);
	buf_release(&v);
}

/* ---- blocks --------------------------------------------------------------- */

static void heading(struct briefing *b, const char *title, int new_page)
{
	struct item *it;
	size_t i;

	if (new_page)
		flow_item(b, LAYOUT_PAGE_BREAK, 0);
	i = flow_item(b, LAYOUT_BLOCK, 18);
	it = &b->items[i];
	it->l.keep_with_next = 1;
	it->l.height = 30;
	flow_text(it, PDF_BOLD, 15, palette_text, 0, 19, title);
	flow_rule(it, palette_cat[0], 0, 25, CONTENT_WIDTH, 1.2);
	it->bookmark = xstrdup(title);
}

/* The caption under a chart or table: provisional month left, data file right. */
static void caption(struct briefing *b, struct item *it, double y, const struct rq *rq)
{
	struct buf s = BUF_INIT, label = BUF_INIT;
	const char *args[1];
	const struct query_meta *m = &rq->res->meta;

	args[0] = rq->file;
	i18n_fill(&s, i18n_msg(b->lang, MSG_DATA_FILE), args, 1);
	flow_text(it, PDF_REGULAR, SMALL_SIZE, palette_muted,
		 CONTENT_WIDTH - pdf_width(&b->pdf, PDF_REGULAR, SMALL_SIZE, s.buf), y, s.buf);
	if (rq->q->timeline && m->provisional && m->n > 0) {
		buf_reset(&s);
		i18n_period(&label, b->lang, &m->data_end.month);
		args[0] = label.buf;
		i18n_fill(&s, i18n_msg(b->lang, MSG_PROVISIONAL), args, 1);
		flow_text(it, PDF_REGULAR, SMALL_SIZE, palette_muted, 0, y, s.buf);
	}
	buf_release(&s);
	buf_release(&label);
}

int briefing_geo(struct briefing *b)
{
	struct buf path = BUF_INIT;
	int ret;

	if (b->geo_loaded)
		return 0;
	geo_path(&path, b->o->data_dir, b->map_world ? GEO_WORLD : GEO_EUROPE);
	ret = geo_load_map(&b->geo, path.buf, b->map_world ? GEO_WORLD : GEO_EUROPE);
	buf_release(&path);
	b->geo_loaded = ret == 0;
	return ret;
}

/* The proof's record of a chart, from the data query_chart_draw() draws. */
struct proof_seen {
	struct report_proof *proof;
	const struct rq *rq;
};

static void chart_seen(void *arg, const struct chart_spec *spec, const struct chart_data *data)
{
	struct proof_seen *s = arg;

	proof_chart(s->proof, s->rq, spec->kind, data, chart_empty_text(spec, data));
}

static int chart(struct briefing *b, const struct tpl_block *blk)
{
	struct rq *rq = briefing_rq(b, blk->query, blk->scope);
	struct proof_seen seen = { b->o->proof, rq };
	struct query_chart_request req = {
		.kind = blk->chart_kind, .title = tpl_text_get(&blk->text, b->lang), .lang = b->lang,
		.seen = b->o->proof ? chart_seen : NULL, .seen_arg = &seen,
	};
	struct chart_spec spec;
	int kind = blk->chart_kind >= 0 ? blk->chart_kind : query_chart_default_kind(blk->query);
	size_t i;

	if (!query_chart_can_draw(blk->query, kind))
		return error_at(b->t->path, blk->kind_line, blk->kind_column,
				"query '%s' cannot be drawn as this chart kind", blk->query->name);
	memset(&spec, 0, sizeof(spec));
	spec.kind = (enum chart_kind)kind;
	spec.width_pt = blk->width_mm * PDF_MM;
	spec.height_pt = blk->height_mm * PDF_MM;
	spec.dpi = b->o->proof ? PROOF_DPI : CHART_DPI;
	if (spec.kind == CHART_MAP) {
		if (briefing_geo(b) < 0)
			return -1;
		if (b->map_world)
			req.shapes = &b->geo;
		spec.geo = &b->geo;
	}
	i = flow_item(b, LAYOUT_BLOCK, 10);
	rq->attach = 1;
	if (query_chart_draw(rq->res, &req, &spec, CHART_PNG, &b->items[i].png) < 0)
		return -1;
	b->items[i].kind = ITEM_CHART;
	b->items[i].chart_w = spec.width_pt;
	b->items[i].chart_h = spec.height_pt;
	b->items[i].l.height = spec.height_pt + CAPTION_HEIGHT;
	caption(b, &b->items[i], spec.height_pt + 9, rq);
	return 0;
}

/* ---- notable incidents ---------------------------------------------------- */

/* "contained after about 4 h", "6,200 people or records affected". */
static void impact(struct buf *out, enum lang lang, const struct incident *inc)
{
	struct buf v = BUF_INIT, d = BUF_INIT;
	const char *args[1];

	if (inc->affected >= 0) {
		i18n_int(&v, lang, inc->affected);
		args[0] = v.buf;
		i18n_fill(out, i18n_msg(lang, MSG_AFFECTED), args, 1);
	}
	if (inc->contain_hours >= 0) {
		i18n_duration(&d, lang, inc->contain_hours);
		if (inc->contain_approximate) {
			buf_reset(&v);
			args[0] = d.buf;
			i18n_fill(&v, i18n_msg(lang, MSG_ABOUT), args, 1);
			buf_reset(&d);
			buf_adds(&d, v.buf);
		}
		if (out->len)
			buf_adds(out, i18n_msg(lang, MSG_SEMICOLON));
		args[0] = d.buf;
		i18n_fill(out, i18n_msg(lang, MSG_CONTAINED), args, 1);
	}
	if (!out->len)
		buf_adds(out, i18n_msg(lang, MSG_NOT_KNOWN));
	buf_release(&v);
	buf_release(&d);
}

/* The lines `s` takes as a labelled paragraph (labelled() below). */
static size_t labelled_lines(struct briefing *b, const char *s)
{
	struct strlist lines = STRLIST_INIT;
	size_t n = pdf_wrap(&b->pdf, PDF_REGULAR, 9, s, CONTENT_WIDTH - b->notable_label, &lines);

	strlist_release(&lines);
	return n;
}

/*
 * Whether the first `len` bytes of `text`, with " …" after them, take at
 * most SUMMARY_LINES lines; if so, sets `out` to them.
 */
static int cut_fits(struct briefing *b, const char *text, size_t len, struct buf *out)
{
	struct buf t = BUF_INIT;
	int fits;

	buf_add(&t, text, len);
	buf_adds(&t, " \xe2\x80\xa6");
	fits = labelled_lines(b, t.buf) <= SUMMARY_LINES;
	if (fits) {
		buf_reset(out);
		buf_adds(out, t.buf);
	}
	buf_release(&t);
	return fits;
}

/*
 * A notable incident's summary as the briefing prints it: whole when it
 * takes at most SUMMARY_LINES lines, else cut after the last sentence that
 * fits, with "…" (the attached CSV has it whole); when not even the first
 * sentence fits, after the last word that does. A sentence ends with ".",
 * "!" or "?" before white space.
 */
static void summary_text(struct briefing *b, const char *text, struct buf *out)
{
	size_t len = strlen(text);

	buf_reset(out);
	if (labelled_lines(b, text) <= SUMMARY_LINES) {
		buf_adds(out, text);
		return;
	}
	for (int words = 0; words < 2 && !out->len; words++) {
		for (size_t i = 1; i < len; i++) {
			int end = words ? (text[i] == ' ' || text[i] == '\n') && text[i - 1] != ' ' :
				  strchr(".!?", text[i - 1]) && (text[i] == ' ' || text[i] == '\n');

			if (end && !cut_fits(b, text, i, out))
				break;	/* a longer cut takes as many lines or more */
		}
	}
	if (!out->len)	/* one word longer than six lines */
		pdf_fit(&b->pdf, PDF_REGULAR, 9, text, CONTENT_WIDTH - b->notable_label, out);
}

/* A labelled paragraph of a notable incident; returns the new y. */
static double labelled(struct briefing *b, struct item *it, double y, enum i18n_msg label,
		       const char *text)
{
	flow_text(it, PDF_BOLD, 8.5, palette_muted, 0, y + 9, i18n_msg(b->lang, label));
	return y + wrapped(b, it, PDF_REGULAR, 9, 12, palette_text, b->notable_label, y,
			   CONTENT_WIDTH - b->notable_label, text) + 2;
}

static double sources(struct briefing *b, struct item *it, double y, const struct incident *inc)
{
	double x = b->notable_label, w = CONTENT_WIDTH - b->notable_label;
	long hidden = inc->source_count > (long)inc->sources.n ? inc->source_count - (long)inc->sources.n : 0;
	struct buf s = BUF_INIT;

	if (!inc->sources.n && !hidden)
		return labelled(b, it, y, MSG_SOURCES, i18n_msg(b->lang, MSG_NOT_KNOWN));
	flow_text(it, PDF_BOLD, 8.5, palette_muted, 0, y + 9, i18n_msg(b->lang, MSG_SOURCES));
	for (size_t i = 0; i < inc->sources.n && i < MAX_SOURCES; i++) {
		struct run *r;

		buf_reset(&s);
		pdf_fit(&b->pdf, PDF_REGULAR, 9, inc->sources.v[i], w, &s);
		/* Only web addresses become links: a source could hold any scheme. */
		if (starts_with(inc->sources.v[i], "https://") || starts_with(inc->sources.v[i], "http://")) {
			r = flow_text(it, PDF_REGULAR, 9, link_colour, x, y + 9, s.buf);
			r->uri = xstrdup(inc->sources.v[i]);
			r->w = pdf_width(&b->pdf, PDF_REGULAR, 9, s.buf);
		} else {
			flow_text(it, PDF_REGULAR, 9, palette_text, x, y + 9, s.buf);
		}
		y += 12;
	}
	if (inc->sources.n > MAX_SOURCES) {
		char n[24];
		const char *args[1] = { n };

		buf_reset(&s);
		snprintf(n, sizeof(n), "%zu", inc->sources.n - MAX_SOURCES);
		i18n_fill(&s, i18n_msg(b->lang, MSG_MORE_SOURCES), args, 1);
		flow_text(it, PDF_REGULAR, 9, palette_muted, x, y + 9, s.buf);
		y += 12;
	}
	if (hidden) {
		char n[24];
		const char *args[1] = { n };

		buf_reset(&s);
		snprintf(n, sizeof(n), "%ld", hidden);
		i18n_fill(&s, i18n_msg(b->lang, hidden == 1 ? MSG_SOURCE_HIDDEN : MSG_SOURCES_HIDDEN), args, 1);
		flow_text(it, PDF_REGULAR, 9, palette_text, x, y + 9, s.buf);
		y += 12;
	}
	buf_release(&s);
	return y + 2;
}

static int notable_one(struct briefing *b, const struct tpl_block *blk, const struct query_result *r,
		       size_t row)
{
	static const struct {
		unsigned field;
		const char *column;
	} meta[] = {
		{ TPL_FIELD_DATE, "date" }, { TPL_FIELD_COUNTRY, "country" }, { TPL_FIELD_TYPE, "type" },
	};
	size_t i = flow_item(b, LAYOUT_BLOCK, 8);
	struct item *it = &b->items[i];
	struct buf s = BUF_INIT, v = BUF_INIT;
	struct incident inc;
	const struct query_cell *id = query_cell(r, row, "id");
	char ref[24];
	double y = 0;
	int found;

	incident_init(&inc);
	snprintf(ref, sizeof(ref), "%lld", id ? id->i : 0);
	found = store_get(b->st, ref, &inc);
	if (found < 0)
		return -1;
	cell_format(&s, b->lang, r, row, (size_t)query_column_index(r, "rank"), 0);
	buf_adds(&s, ". ");
	cell_format(&s, b->lang, r, row, (size_t)query_column_index(r, "victim"), 0);
	y += wrapped(b, it, PDF_BOLD, 11, 14, palette_text, 0, y, CONTENT_WIDTH, s.buf);
	buf_reset(&s);
	for (size_t k = 0; k < ARRAY_SIZE(meta); k++) {
		if (!(blk->fields & meta[k].field))
			continue;
		if (s.len)
			buf_adds(&s, " \xc2\xb7 ");
		cell_format(&s, b->lang, r, row, (size_t)query_column_index(r, meta[k].column), 0);
	}
	if (s.len)
		y += wrapped(b, it, PDF_REGULAR, 9, 12, palette_muted, 0, y, CONTENT_WIDTH, s.buf);
	y += 3;
	if (blk->fields & TPL_FIELD_REASONS) {
		const struct query_cell *why = query_cell(r, row, "reasons");

		buf_reset(&s);
		reasons_format(&s, b->lang, why && !why->null ? why->s : "");
		y = labelled(b, it, y, MSG_WHY, s.buf);
	}
	if ((blk->fields & TPL_FIELD_SUMMARY) && query_cell(r, row, "summary") &&
	    !query_cell(r, row, "summary")->null) {
		summary_text(b, query_cell(r, row, "summary")->s, &s);
		y = labelled(b, it, y, MSG_WHAT, s.buf);
	}
	if ((blk->fields & TPL_FIELD_IMPACT) && found) {
		impact(&v, b->lang, &inc);
		y = labelled(b, it, y, MSG_IMPACT, v.buf);
	}
	if ((blk->fields & TPL_FIELD_SOURCES) && found)
		y = sources(b, it, y, &inc);
	flow_rule(it, palette_grid, 0, y + 3, CONTENT_WIDTH, 0.4);
	it->l.height = y + 4;
	incident_release(&inc);
	buf_release(&s);
	buf_release(&v);
	return 0;
}

static int notable(struct briefing *b, const struct tpl_block *blk)
{
	const struct query_result *r = briefing_rq(b, blk->query, TPL_SCOPE_REPORT)->res;

	if (!r->rows_nr) {
		flow_paragraph(b, PDF_REGULAR, BODY_SIZE, BODY_LEAD, palette_muted, 8,
			  i18n_msg(b->lang, MSG_NO_NOTABLE));
		return 0;
	}
	for (size_t row = 0; row < r->rows_nr && row < (size_t)blk->count; row++)
		if (notable_one(b, blk, r, row) < 0)
			return -1;
	return 0;
}

/* ---- the flow ------------------------------------------------------------- */

/* `last`: the block ends its section; an introductory text keeps with what follows. */
static int block(struct briefing *b, const struct tpl_block *blk, int last)
{
	struct buf s = BUF_INIT;
	int ret = 0;

	b->at_line = blk->line;
	b->at_column = blk->column;
	switch (blk->kind) {
	case TPL_TEXT:
		ret = fill_text(b, &blk->text, tpl_text_get(&blk->text, b->lang), &s);
		if (!ret) {
			size_t i = flow_paragraph(b, PDF_REGULAR, BODY_SIZE, BODY_LEAD, palette_text, 8,
						  s.buf);

			b->items[i].l.keep_with_next = !last;
		}
		break;
	case TPL_NARRATIVE:
		briefing_narrative(b, &s);
		flow_paragraph(b, PDF_REGULAR, 10.5, 15, palette_text, 10, s.buf);
		break;
	case TPL_CHART:
		ret = chart(b, blk);
		break;
	case TPL_TABLE:
		flow_table(b, blk);
		break;
	case TPL_NOTABLE:
		ret = notable(b, blk);
		break;
	}
	buf_release(&s);
	return ret;
}

/* An empty period: the cover says so, and one page says why there is nothing more. */
static void empty(struct briefing *b)
{
	struct buf s = BUF_INIT, in = BUF_INIT;
	const char *args[1];
	size_t i;

	i18n_in_period(&in, b->lang, &b->o->filter->period, 0);
	args[0] = in.buf;
	i18n_fill(&s, i18n_msg(b->lang, MSG_NO_INCIDENTS), args, 1);
	if (s.buf[0] >= 'a' && s.buf[0] <= 'z')
		s.buf[0] = (char)(s.buf[0] - 'a' + 'A');
	flow_paragraph(b, PDF_REGULAR, 10.5, 15, palette_text, 14, s.buf);
	flow_item(b, LAYOUT_PAGE_BREAK, 0);
	i = flow_paragraph(b, PDF_BOLD, 15, 20, palette_text, 0, s.buf);
	b->items[i].bookmark = xstrdup(s.buf);
	flow_paragraph(b, PDF_REGULAR, BODY_SIZE, BODY_LEAD, palette_text, 10,
		  i18n_msg(b->lang, MSG_NO_INCIDENTS_MORE));
	buf_release(&s);
	buf_release(&in);
}

/* The width of the widest of `nr` labels, plus a gap, and never less than `min`. */
static double label_column(struct briefing *b, double size, const enum i18n_msg *labels,
			   size_t nr, double min)
{
	double w = min;

	for (size_t i = 0; i < nr; i++)
		w = fmax(w, pdf_width(&b->pdf, PDF_BOLD, size, i18n_msg(b->lang, labels[i])) + 10);
	return w;
}

/* "Since the last briefing": what changed since, and the file that holds it (history.c). */
static void since_section(struct briefing *b)
{
	struct strlist lines;
	struct buf file = BUF_INIT, s = BUF_INIT;
	const char *args[1];

	strlist_init(&lines);
	history_sentences(b, &lines);
	heading(b, i18n_msg(b->lang, MSG_SINCE_TITLE), 0);
	for (size_t i = 0; i < lines.n; i++)
		flow_paragraph(b, PDF_REGULAR, BODY_SIZE, BODY_LEAD, palette_text, i ? 2 : 6,
			       lines.v[i]);
	history_file(b, &file);
	args[0] = file.buf;
	i18n_fill(&s, i18n_msg(b->lang, MSG_DATA_FILE), args, 1);
	flow_paragraph(b, PDF_REGULAR, SMALL_SIZE, SMALL_LEAD, palette_muted, 3, s.buf);
	strlist_release(&lines);
	buf_release(&file);
	buf_release(&s);
}

int flow_build(struct briefing *b)
{
	static const enum i18n_msg cover_labels[] = {
		MSG_PERIOD, MSG_FILTERS, MSG_ISSUED_BY, MSG_ISSUED, MSG_DATA_AS_OF, MSG_NEWEST_INCIDENT,
		MSG_MARKING,
	};
	static const enum i18n_msg notable_labels[] = { MSG_WHY, MSG_WHAT, MSG_IMPACT, MSG_SOURCES };
	const struct template *t = b->t;
	struct rq *ov = briefing_rq(b, &query_overview, TPL_SCOPE_REPORT);

	b->cover_label = label_column(b, 9, cover_labels, ARRAY_SIZE(cover_labels), 38 * PDF_MM);
	b->notable_label = label_column(b, 8.5, notable_labels, ARRAY_SIZE(notable_labels), 30 * PDF_MM);

	cover(b);
	if (!ov->res->meta.n) {
		empty(b);
		return 0;
	}
	for (size_t i = 0; i < t->cover_nr; i++)
		if (block(b, &t->cover[i], i + 1 == t->cover_nr) < 0)
			return -1;
	flow_item(b, LAYOUT_PAGE_BREAK, 0);
	for (size_t s = 0; s < t->sections_nr; s++) {
		const struct tpl_section *sec = &t->sections[s];

		b->at_line = sec->title.line;
		b->at_column = sec->title.column;
		heading(b, tpl_text_get(&sec->title, b->lang), sec->new_page);
		for (size_t i = 0; i < sec->blocks_nr; i++)
			if (block(b, &sec->blocks[i], i + 1 == sec->blocks_nr) < 0)
				return -1;
	}
	if (history_shown(b))
		since_section(b);
	return 0;
}

void flow_release(struct briefing *b)
{
	for (size_t i = 0; i < b->items_nr; i++) {
		struct item *it = &b->items[i];

		for (size_t r = 0; r < it->runs_nr; r++) {
			free(it->runs[r].text);
			free(it->runs[r].uri);
		}
		free(it->runs);
		buf_release(&it->png);
		free(it->bookmark);
	}
	free(b->items);
	b->items = NULL;
	b->items_nr = b->items_alloc = 0;
}
