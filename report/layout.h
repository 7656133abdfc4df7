#ifndef REPORT_LAYOUT_H
#define REPORT_LAYOUT_H

/*
 * Page layout as arithmetic: a flow of items of known heights placed top to
 * bottom on pages of a fixed content height. No fonts, no libharu: the
 * report measures its items first, lays them out here, then draws each
 * placement, so the rules below are unit-tested on numbers alone.
 *
 *     +---------------------------+  <- y = 0, top of the content area
 *     | heading   (keep_with_next)|
 *     | chart     (BLOCK)         |     a BLOCK is never split
 *     | table head                |  \
 *     | row                       |   | at least three rows on each side
 *     | row                       |   | of a break, and the head placed
 *     | row                       |   | again above the first row of
 *     +---------------------------+  /  each page
 *     | (footer, not ours)        |
 *
 * Rules:
 *  - space_before is dropped at the top of a page;
 *  - a BLOCK that does not fit in what is left of the page goes to the top
 *    of the next; one taller than a whole page is an error;
 *  - LINES (a paragraph) splits between lines, leaving at least two lines
 *    on each side (no widows or orphans) when it has four or more;
 *  - an item with keep_with_next stays on the page of what follows it: of
 *    a BLOCK all of it, of LINES its first two lines, of a table what its
 *    head needs (below). Chains of keep_with_next are followed;
 *  - the TABLE_ROW items right after a TABLE_HEAD are its rows (a row
 *    anywhere else is an error). A table splits between rows under a
 *    repeat of its head, leaving at least three rows on each side of a
 *    break; a table of fewer than six rows is not split (unless a page
 *    cannot hold it), and one that does not start on this page with its
 *    head and first three rows (all of them, if it is not split) starts on
 *    the next. A last row with keep_with_next keeps it;
 *  - PAGE_BREAK starts a new page unless the current one is empty.
 */

#include <stddef.h>

enum layout_kind {
	LAYOUT_BLOCK,
	LAYOUT_LINES,
	LAYOUT_TABLE_HEAD,
	LAYOUT_TABLE_ROW,
	LAYOUT_PAGE_BREAK,
};

struct layout_item {
	enum layout_kind kind;
	double height;		/* LINES: lines * line_height */
	double line_height;	/* LINES only */
	double space_before;
	int keep_with_next;
};

/* Where (a part of) an item goes. */
struct layout_place {
	size_t item;		/* index into the items */
	int page;		/* from 0 */
	double y;		/* top edge, from the top of the content area */
	double height;
	size_t first_line, lines;	/* LINES: the part placed here */
	int repeat;		/* TABLE_HEAD placed again atop a continued table */
};

struct layout {
	double page_height;	/* the content area's height */
	double first_top;	/* y where the first page starts (a cover header above) */
	struct layout_place *places;
	size_t nr, alloc;
	int pages;		/* pages used, at least 1 */
};

void layout_init(struct layout *l, double page_height, double first_top);

/*
 * Places `nr` items. Returns 0, or -1 with a message when an item that may
 * not be split is taller than a page (the caller sized it wrong).
 */
int layout_run(struct layout *l, const struct layout_item *items, size_t nr);

void layout_release(struct layout *l);

#endif
