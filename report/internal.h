#ifndef REPORT_INTERNAL_H
#define REPORT_INTERNAL_H

/*
 * Shared by the files of report/: the briefing being built, and its flow
 * of items. report.c runs the queries and writes the file; flow.c turns
 * the template's blocks into items of measured height; cells.c formats
 * values and fills placeholders; page.c draws placed items and the page
 * furniture (header, footer, TLP labels).
 *
 * Page geometry (A4, points from the top left):
 *
 *     +--------------------------------------------------+
 *     |  title · period                     [TLP:AMBER]  |  header, 10-20 mm
 *     |  ----------------------------------------------  |
 *     |  content: CONTENT_TOP .. CONTENT_BOTTOM,         |
 *     |  CONTENT_WIDTH wide from MARGIN_X                |
 *     |  ----------------------------------------------  |
 *     |  Page 2 of 7 · organisation         [TLP:AMBER]  |  footer, 280-292 mm
 *     +--------------------------------------------------+
 */

#include "layout.h"
#include "pdf.h"
#include "report.h"
#include "../charts/chart.h"
#include "../charts/geo.h"

#define MARGIN_X (20 * PDF_MM)
#define CONTENT_WIDTH (PDF_A4_WIDTH - 2 * MARGIN_X)
#define CONTENT_TOP (26 * PDF_MM)
#define CONTENT_BOTTOM (PDF_A4_HEIGHT - 22 * PDF_MM)
#define CONTENT_HEIGHT (CONTENT_BOTTOM - CONTENT_TOP)
#define CHART_DPI 300

/* A query result the briefing uses, run once per query and scope. */
struct rq {
	const struct query *q;
	enum tpl_scope scope;
	struct query_result *res;
	char *file;		/* its attachment: "TLP-AMBER_by-country.csv" */
	int attach;		/* a chart or table shows it */
};

enum run_kind {
	RUN_TEXT,	/* text with its baseline at y */
	RUN_TLP,	/* the TLP label box, top left at (x, y) */
	RUN_RULE,	/* a horizontal line at y from x, w long, h thick */
	RUN_RECT,	/* a filled rectangle */
};

/* Something drawn, relative to its item: x from MARGIN_X, y from the item's top. */
struct run {
	enum run_kind kind;
	enum pdf_font font;
	double size;
	struct rgb colour;
	double x, y, w, h;
	size_t line;		/* in a LINES item, the line it is on (y is within the line) */
	char *text;
	char *uri;		/* RUN_TEXT: a link over it */
};

enum item_kind {
	ITEM_RUNS,
	ITEM_CHART,
};

struct item {
	enum item_kind kind;
	struct layout_item l;	/* kind, height, line_height, space_before, keep_with_next */
	struct run *runs;
	size_t runs_nr, runs_alloc;
	struct buf png;		/* ITEM_CHART: drawn at (0, 0) in chart_w x chart_h */
	double chart_w, chart_h;
	char *bookmark;		/* an outline entry at this item */
	int line, column;	/* the template node it comes from; 0 on the cover */
};

struct briefing {
	struct store *st;
	const struct report_options *o;
	const struct template *t;
	enum lang lang;
	enum tlp tlp;
	struct pdf pdf;
	struct geo geo;
	int geo_loaded;
	struct rq *rqs;
	size_t rqs_nr, rqs_alloc;
	struct store_summary store;	/* what the briefing was made from */
	struct item *items;
	size_t items_nr, items_alloc;
	struct buf title, period;	/* in the briefing's language */
	int map_world;			/* the region is not Europe: the world map (title.c) */
	double cover_label, notable_label;	/* widths of the label columns */
	int at_line, at_column;		/* the template node new items come from */
	struct history *hist;		/* the last briefing of the kind (history.c); NULL before */
};

/* report.c: the result of (q, scope), run before the flow is built; NULL if not run. */
struct rq *briefing_rq(struct briefing *b, const struct query *q, enum tpl_scope scope);
/*
 * The narrative of the cover, written from the overview and public-sector
 * results: the same sentences go on the cover, into the PDF's Subject and
 * into the summary that `ibrief report --mail-to` hands to mail/.
 */
void briefing_narrative(struct briefing *b, struct buf *out);

/* title.c: fills b->title (see there); run after the queries. Returns 0 or -1. */
int briefing_title(struct briefing *b);
/* Whether the title's region comes from the by-country result (no filter, no scope). */
int briefing_title_needs_countries(const struct briefing *b);

/* flow.c: loads the shapes of the briefing's map once; 0, or -1 with a message. */
int briefing_geo(struct briefing *b);

/*
 * history.c: the last briefing of the same template and filters, issued
 * before this one, and what changed since (see there).
 *
 * history_load() looks it up and runs the queries of its period now;
 * returns 0 (also when there is none) or -1 with a message.
 * history_shown() says whether the section "Since the last briefing" is
 * printed: there is such a briefing and something changed.
 * history_sentences() adds the section's sentences to `out`, in order;
 * history_attach() attaches its data (history_file() names it).
 * history_printed() is the incident count that briefing printed for period
 * `p`, when it was a briefing of `p`; else -1.
 * history_record() fills what this briefing records of itself, once the
 * document `doc` is made; 0 or -1 with a message.
 */
struct history;
struct store_briefing;
struct strlist;
int history_load(struct briefing *b);
void history_release(struct briefing *b);
int history_shown(const struct briefing *b);
void history_sentences(const struct briefing *b, struct strlist *out);
void history_file(const struct briefing *b, struct buf *out);
int history_attach(struct briefing *b);
long long history_printed(const struct briefing *b, const struct query_period *p);
int history_record(struct briefing *b, const char *path, const struct buf *doc,
		   struct store_briefing *rec);
/* "country=BE public-sector", "none": the filters as the record and the provenance spell them. */
void history_filter_words(struct buf *out, const struct query_filter *f);

/* cells.c */
void cell_format(struct buf *out, enum lang lang, const struct query_result *r, size_t row,
		 size_t col, int mark_flags);
/* The notable query's reasons, part by part, in `lang`. */
void reasons_format(struct buf *out, enum lang lang, const char *reasons);
/* A number that is not a count or share: 8.4, 90, 0.09. */
void real_format(struct buf *out, enum lang lang, double v);
/*
 * Appends `text` with its placeholders filled; returns -1 with a message
 * naming the template, line and column of the block when one cannot be.
 */
int fill_text(struct briefing *b, const struct tpl_text *where, const char *text, struct buf *out);

/* flow.c: the items of the briefing, and the helpers table.c shares. */
#define BODY_SIZE 10.0
#define BODY_LEAD 14.0
#define SMALL_SIZE 7.5
#define SMALL_LEAD 10.0
#define CELL_SIZE 8.5
#define CELL_LEAD 11.0
#define CELL_PAD 3.0

int flow_build(struct briefing *b);
void flow_release(struct briefing *b);
/* A new item of layout kind `kind`; returns its index (pointers move as items grow). */
size_t flow_item(struct briefing *b, enum layout_kind kind, double space_before);
struct run *flow_text(struct item *it, enum pdf_font f, double size, struct rgb c, double x,
		      double y, const char *s);
void flow_rule(struct item *it, struct rgb c, double x, double y, double w, double thick);
/* A paragraph, wrapped to the content width, that may split between lines. */
size_t flow_paragraph(struct briefing *b, enum pdf_font f, double size, double lead,
		      struct rgb c, double space_before, const char *s);

/* table.c */
void flow_table(struct briefing *b, const struct tpl_block *blk);

/* proof.c: recording what the briefing prints, when o->proof is set. */
void proof_chart(struct report_proof *p, const struct rq *rq, enum chart_kind kind,
		 const struct chart_data *d, const char *empty);
/* An attached file: the data of `rq`, or (rq NULL) the provenance note. */
void proof_file(struct report_proof *p, const struct rq *rq, const char *name, const char *data,
		size_t len);
void proof_text(struct report_proof *p, const struct briefing *b);
void proof_history(struct report_proof *p, const struct briefing *b);
/* history.c: the earlier briefing's id and period, and the late incidents stated. */
void history_proof(const struct briefing *b, long long *id, struct query_period *period,
		   long long *late);
/* Charts of a proof are drawn, but small: the audit reads their data, not their pixels. */
#define PROOF_DPI 12

/* page.c */
void page_draw_item(struct briefing *b, const struct item *it, const struct layout_place *pl);
void page_furniture(struct briefing *b, size_t page, size_t pages);
double tlp_box_width(struct briefing *b);
#define TLP_BOX_HEIGHT 17.0
#define TLP_SIZE 12.0

#endif
