/* Flow layout arithmetic: see layout.h for the rules. */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "../util/util.h"
#include "../util/banned.h"

/* Heights are sums of measured text: allow for rounding. */
#define EPSILON 0.01
#define MIN_LINES 2
/* Rows of a table left on each side of a page break. */
#define MIN_ROWS 3

void layout_init(struct layout *l, double page_height, double first_top)
{
	memset(l, 0, sizeof(*l));
	l->page_height = page_height;
	l->first_top = first_top;
	l->pages = 1;
}

void layout_release(struct layout *l)
{
	free(l->places);
	memset(l, 0, sizeof(*l));
}

struct cursor {
	struct layout *l;
	const struct layout_item *items;
	size_t nr;
	int page;
	double y;		/* next free y on the page */
	int empty;		/* nothing placed on this page yet */
};

static void place(struct cursor *c, size_t item, double height, size_t first, size_t lines,
		  int repeat)
{
	struct layout_place *p;

	ALLOC_GROW(c->l->places, c->l->nr + 1, c->l->alloc);
	p = &c->l->places[c->l->nr++];
	p->item = item;
	p->page = c->page;
	p->y = c->y;
	p->height = height;
	p->first_line = first;
	p->lines = lines;
	p->repeat = repeat;
	c->y += height;
	c->empty = 0;
}

static void new_page(struct cursor *c)
{
	c->page++;
	c->y = 0;
	c->empty = 1;
	if (c->page + 1 > c->l->pages)
		c->l->pages = c->page + 1;
}

static double room(const struct cursor *c)
{
	return c->l->page_height - c->y + EPSILON;
}

static double space_before(const struct cursor *c, const struct layout_item *it)
{
	return c->empty ? 0 : it->space_before;
}

/* Lines of a paragraph that must come together at its start (or all). */
static size_t first_lines(const struct layout_item *it)
{
	size_t n = (size_t)(it->height / it->line_height + 0.5);

	return n < 2 * MIN_LINES ? n : MIN_LINES;
}

static double min_start(const struct cursor *c, size_t i);

/* The number of rows of the table whose head is item `head`. */
static size_t table_rows(const struct cursor *c, size_t head)
{
	size_t n = 0;

	while (head + 1 + n < c->nr && c->items[head + 1 + n].kind == LAYOUT_TABLE_ROW)
		n++;
	return n;
}

/*
 * What the table's last row keeps with (the notes under it), to be placed
 * on its page: 0 when it keeps with nothing.
 */
static double table_tail(const struct cursor *c, size_t last)
{
	const struct layout_item *it = &c->items[last];

	if (!it->keep_with_next || last + 1 >= c->nr || c->items[last + 1].kind == LAYOUT_PAGE_BREAK)
		return 0;
	return c->items[last + 1].space_before + min_start(c, last + 1);
}

/*
 * Rows that must come with the head: MIN_ROWS of a table that can be
 * split leaving MIN_ROWS on each side, else all of them (with what the
 * last keeps with).
 */
static double table_start(const struct cursor *c, size_t head)
{
	size_t n = table_rows(c, head), k = n < 2 * MIN_ROWS ? n : MIN_ROWS;
	double h = c->items[head].height;

	for (size_t r = 0; r < k; r++)
		h += c->items[head + 1 + r].height;
	if (k == n && n)
		h += table_tail(c, head + n);
	return h;
}

/*
 * The height item i needs at the top of where it goes, with what it keeps
 * with (space_before included after the first).
 */
static double min_start(const struct cursor *c, size_t i)
{
	const struct layout_item *it = &c->items[i];
	double h;

	switch (it->kind) {
	case LAYOUT_LINES:
		h = (double)first_lines(it) * it->line_height;
		break;
	case LAYOUT_TABLE_HEAD:
		return table_start(c, i);
	case LAYOUT_PAGE_BREAK:
		return 0;
	default:
		h = it->height;
	}
	if (it->keep_with_next && i + 1 < c->nr && c->items[i + 1].kind != LAYOUT_PAGE_BREAK)
		h += c->items[i + 1].space_before + min_start(c, i + 1);
	return h;
}

static int too_tall(const struct cursor *c, size_t i)
{
	return error("layout: item %zu is %.0f pt tall, more than a page (%.0f pt)", i,
		     c->items[i].height, c->l->page_height);
}

static void place_lines(struct cursor *c, size_t i)
{
	const struct layout_item *it = &c->items[i];
	size_t n = (size_t)(it->height / it->line_height + 0.5), done = 0;

	while (done < n) {
		size_t fit = (size_t)(room(c) / it->line_height), left = n - done;

		if (fit >= left) {
			place(c, i, (double)left * it->line_height, done, left, 0);
			return;
		}
		/* Split only where both parts keep MIN_LINES (when there are enough). */
		if (n >= 2 * MIN_LINES && left - fit < MIN_LINES)
			fit = left > MIN_LINES ? left - MIN_LINES : 0;
		if (n >= 2 * MIN_LINES && done == 0 && fit < MIN_LINES)
			fit = 0;
		if (fit == 0 && c->empty)
			fit = 1;	/* a line taller than the page: place it anyway */
		if (fit > 0) {
			place(c, i, (double)fit * it->line_height, done, fit, 0);
			done += fit;
		}
		new_page(c);
	}
}

/*
 * How many of the `left` rows from `first` go on this page: as many as fit,
 * less what would leave fewer than MIN_ROWS for the next page. A table of
 * fewer than 2 * MIN_ROWS rows is split only when a page cannot hold it
 * (its start was checked by table_start()).
 */
static size_t rows_that_fit(const struct cursor *c, size_t first, size_t left, size_t n)
{
	double y = c->y;
	size_t fit = 0;

	while (fit < left) {
		double h = c->items[first + fit].height;

		if (fit + 1 == left)
			h += table_tail(c, first + fit);
		if (y + h > c->l->page_height + EPSILON)
			break;
		y += c->items[first + fit].height;
		fit++;
	}
	if (fit < left && n >= 2 * MIN_ROWS && left - fit < MIN_ROWS)
		fit = left - MIN_ROWS;
	return fit;
}

/*
 * Places the head at `head` and its rows, the head again atop each page
 * the table continues on. Returns the index of the last item placed.
 */
static size_t place_table(struct cursor *c, size_t head)
{
	size_t n = table_rows(c, head), done = 0;
	int alone = c->empty;	/* the head starts the page */

	place(c, head, c->items[head].height, 0, 0, 0);
	while (done < n) {
		size_t fit = rows_that_fit(c, head + 1 + done, n - done, n);

		if (fit == 0 && alone)
			fit = 1;	/* a row taller than the page under its head: place it anyway */
		for (size_t r = 0; r < fit; r++)
			place(c, head + 1 + done + r, c->items[head + 1 + done + r].height, 0, 0, 0);
		done += fit;
		if (done < n) {
			new_page(c);
			place(c, head, c->items[head].height, 0, 0, 1);
			alone = 1;
		}
	}
	return head + n;
}

int layout_run(struct layout *l, const struct layout_item *items, size_t nr)
{
	struct cursor c = { l, items, nr, 0, l->first_top, 1 };

	l->nr = 0;
	l->pages = 1;
	for (size_t i = 0; i < nr; i++) {
		const struct layout_item *it = &items[i];
		double need;

		if (it->kind == LAYOUT_PAGE_BREAK) {
			if (!c.empty)
				new_page(&c);
			continue;
		}
		if (it->kind != LAYOUT_LINES && it->height > l->page_height + EPSILON)
			return too_tall(&c, i);
		if (it->kind == LAYOUT_TABLE_ROW)
			return error("layout: item %zu is a table row with no table head", i);
		for (size_t r = i + 1; it->kind == LAYOUT_TABLE_HEAD && r <= i + table_rows(&c, i); r++)
			if (items[r].height > l->page_height + EPSILON)
				return too_tall(&c, r);
		need = space_before(&c, it) + min_start(&c, i);
		if (need > room(&c) && !c.empty)
			new_page(&c);
		c.y += space_before(&c, it);
		if (it->kind == LAYOUT_TABLE_HEAD)
			i = place_table(&c, i);
		else if (it->kind == LAYOUT_LINES)
			place_lines(&c, i);
		else
			place(&c, i, it->height, 0, 0, 0);
	}
	return 0;
}
