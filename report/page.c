/* Drawing placed items, and what every page carries: header, footer, TLP labels. */
#include "internal.h"

#include <string.h>

#include "../util/banned.h"

#define TLP_PAD 5.0
#define FURNITURE_SIZE 8.5

static const struct rgb black = { 0, 0, 0 };

double tlp_box_width(struct briefing *b)
{
	return pdf_width(&b->pdf, PDF_BOLD, TLP_SIZE, tlp_label(b->tlp)) + 2 * TLP_PAD;
}

/* The label in its colour on black, 12 pt, its box's top left corner at (x, y). */
static void tlp_box(struct briefing *b, size_t page, double x, double y)
{
	unsigned char c[3];
	struct rgb colour;

	tlp_colour(b->tlp, c);
	colour.r = c[0];
	colour.g = c[1];
	colour.b = c[2];
	pdf_rect(&b->pdf, page, black, x, y, tlp_box_width(b), TLP_BOX_HEIGHT);
	pdf_text(&b->pdf, page, PDF_BOLD, TLP_SIZE, colour, x + TLP_PAD, y + TLP_BOX_HEIGHT - 4.3,
		 tlp_label(b->tlp));
}

static void draw_run(struct briefing *b, size_t page, const struct run *r, double x, double y)
{
	switch (r->kind) {
	case RUN_TEXT:
		pdf_text(&b->pdf, page, r->font, r->size, r->colour, x + r->x, y + r->y, r->text);
		if (r->uri) {
			pdf_hline(&b->pdf, page, r->colour, 0.4, x + r->x, x + r->x + r->w, y + r->y + 1.5);
			pdf_link(&b->pdf, page, x + r->x, y + r->y - r->size * 0.8, r->w, r->size * 1.1,
				 r->uri);
		}
		break;
	case RUN_TLP:
		tlp_box(b, page, x + r->x, y + r->y);
		break;
	case RUN_RULE:
		pdf_hline(&b->pdf, page, r->colour, r->h, x + r->x, x + r->x + r->w, y + r->y);
		break;
	case RUN_RECT:
		pdf_rect(&b->pdf, page, r->colour, x + r->x, y + r->y, r->w, r->h);
		break;
	}
}

void page_draw_item(struct briefing *b, const struct item *it, const struct layout_place *pl)
{
	size_t page = (size_t)pl->page;
	double y = CONTENT_TOP + pl->y;

	if (it->kind == ITEM_CHART && pdf_png(&b->pdf, page, &it->png, MARGIN_X, y, it->chart_w,
					      it->chart_h) < 0)
		return;	/* the error is in b->pdf, checked after drawing */
	for (size_t i = 0; i < it->runs_nr; i++) {
		const struct run *r = &it->runs[i];

		if (it->l.kind == LAYOUT_LINES) {
			if (r->line < pl->first_line || r->line >= pl->first_line + pl->lines)
				continue;
			draw_run(b, page, r, MARGIN_X,
				 y + (double)(r->line - pl->first_line) * it->l.line_height);
		} else {
			draw_run(b, page, r, MARGIN_X, y);
		}
	}
	if (it->bookmark && !pl->repeat && (it->l.kind != LAYOUT_LINES || pl->first_line == 0))
		pdf_outline(&b->pdf, it->bookmark, page, y);
}

/*
 * Header: the title and period left, the TLP label right; footer: "Page X
 * of Y" and the issuer left, the label right. Both labels on every page,
 * cover included (tlp.md).
 */
void page_furniture(struct briefing *b, size_t page, size_t pages)
{
	struct buf s = BUF_INIT, n = BUF_INIT, of = BUF_INIT;
	double w = tlp_box_width(b), right = PDF_A4_WIDTH - MARGIN_X;
	double head_y = 10 * PDF_MM, foot_y = PDF_A4_HEIGHT - 10 * PDF_MM - TLP_BOX_HEIGHT;
	const char *args[2];

	tlp_box(b, page, right - w, head_y);
	buf_addf(&s, "%s \xc2\xb7 %s", b->title.buf, b->period.buf);
	buf_reset(&n);
	pdf_fit(&b->pdf, PDF_REGULAR, FURNITURE_SIZE, s.buf, CONTENT_WIDTH - w - 12, &n);
	pdf_text(&b->pdf, page, PDF_REGULAR, FURNITURE_SIZE, palette_muted, MARGIN_X,
		 head_y + TLP_BOX_HEIGHT - 4.5, n.buf);
	pdf_hline(&b->pdf, page, palette_grid, 0.6, MARGIN_X, right, head_y + TLP_BOX_HEIGHT + 5);

	tlp_box(b, page, right - w, foot_y);
	pdf_hline(&b->pdf, page, palette_grid, 0.6, MARGIN_X, right, foot_y - 5);
	buf_reset(&s);
	buf_reset(&n);
	buf_addf(&n, "%zu", page + 1);
	buf_addf(&of, "%zu", pages);
	args[0] = n.buf;
	args[1] = of.buf;
	i18n_fill(&s, i18n_msg(b->lang, MSG_PAGE_OF), args, 2);
	buf_addf(&s, " \xc2\xb7 %s", b->period.buf);
	if (b->o->organisation)
		buf_addf(&s, " \xc2\xb7 %s", b->o->organisation);
	buf_reset(&n);
	pdf_fit(&b->pdf, PDF_REGULAR, FURNITURE_SIZE, s.buf, CONTENT_WIDTH - w - 12, &n);
	pdf_text(&b->pdf, page, PDF_REGULAR, FURNITURE_SIZE, palette_muted, MARGIN_X,
		 foot_y + TLP_BOX_HEIGHT - 4.5, n.buf);
	buf_release(&s);
	buf_release(&n);
	buf_release(&of);
}
