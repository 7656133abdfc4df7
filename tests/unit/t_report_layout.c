/* Page layout arithmetic (report/layout.h): numbers in, placements out. */
#include "test.h"
#include "report/layout.h"

static struct layout_item block(double h)
{
	struct layout_item it = { LAYOUT_BLOCK, h, 0, 0, 0 };

	return it;
}

static struct layout_item kind(enum layout_kind k, double h)
{
	struct layout_item it = { k, h, 0, 0, 0 };

	return it;
}

static struct layout_item lines(size_t n, double lead)
{
	struct layout_item it = { LAYOUT_LINES, (double)n * lead, lead, 0, 0 };

	return it;
}

static void test_a_block_that_does_not_fit_moves_whole_to_the_next_page(void)
{
	struct layout l;
	struct layout_item items[] = { block(60), block(50), block(80) };

	layout_init(&l, 150, 0);
	CHECK_INT(layout_run(&l, items, 3), 0);
	CHECK_INT(l.nr, 3);
	CHECK_INT(l.pages, 2);
	CHECK_INT(l.places[1].page, 0);
	CHECK_DBL(l.places[1].y, 60);
	CHECK_INT(l.places[2].page, 1);	/* 110 + 80 > 150: never split */
	CHECK_DBL(l.places[2].y, 0);
	CHECK_DBL(l.places[2].height, 80);
	layout_release(&l);
}

static void test_space_before_is_dropped_at_the_top_of_a_page(void)
{
	struct layout l;
	struct layout_item items[] = { block(100), block(40), block(40) };

	items[1].space_before = 20;
	items[2].space_before = 20;
	layout_init(&l, 150, 10);
	CHECK_INT(layout_run(&l, items, 3), 0);
	CHECK_DBL(l.places[0].y, 10);	/* the first page starts below the cover's header */
	CHECK_DBL(l.places[1].y, 0);	/* 10 + 100 + 20 + 40 > 150 */
	CHECK_INT(l.places[1].page, 1);
	CHECK_DBL(l.places[2].y, 60);
	layout_release(&l);
}

static void test_a_heading_keeps_with_the_block_after_it(void)
{
	struct layout l;
	struct layout_item items[] = { block(100), block(20), block(60) };

	items[1].keep_with_next = 1;
	layout_init(&l, 150, 0);
	CHECK_INT(layout_run(&l, items, 3), 0);
	CHECK_INT(l.places[1].page, 1);	/* it would fit, but its chart would not */
	CHECK_DBL(l.places[1].y, 0);
	CHECK_INT(l.places[2].page, 1);
	CHECK_DBL(l.places[2].y, 20);
	layout_release(&l);
}

static void test_an_introductory_paragraph_keeps_with_its_chart(void)
{
	struct layout l;
	struct layout_item items[] = { block(40), block(20), lines(2, 10), block(60) };

	items[1].keep_with_next = 1;	/* heading */
	items[2].keep_with_next = 1;	/* "The time to contain is known for..." */
	layout_init(&l, 120, 0);
	CHECK_INT(layout_run(&l, items, 4), 0);
	CHECK_INT(l.places[1].page, 1);	/* 40 + 20 + 20 + 60 > 120: all three move */
	CHECK_INT(l.places[2].page, 1);
	CHECK_INT(l.places[3].page, 1);
	CHECK_DBL(l.places[3].y, 40);
	layout_release(&l);
}

/* Rows of table item `head` placed on each page, in order; returns the count of pages used. */
static int rows_per_page(const struct layout *l, size_t head, int *rows, int max)
{
	int used = 0;

	for (int p = 0; p < max; p++)
		rows[p] = 0;
	for (size_t i = 0; i < l->nr; i++)
		if (l->places[i].item > head && l->places[i].page < max) {
			rows[l->places[i].page]++;
			used = l->places[i].page + 1;
		}
	return used;
}

static void test_a_split_table_repeats_its_head_on_each_page(void)
{
	struct layout l;
	struct layout_item items[12];
	int repeats = 0;

	items[0] = block(5);
	items[1] = kind(LAYOUT_TABLE_HEAD, 15);
	for (size_t i = 2; i < 12; i++)
		items[i] = kind(LAYOUT_TABLE_ROW, 20);
	layout_init(&l, 100, 0);
	CHECK_INT(layout_run(&l, items, 12), 0);
	/* Page 0: block, head, 4 rows (5 + 15 + 80 = 100); then head + 3 twice, not 4 and 2. */
	CHECK_INT(l.pages, 3);
	for (size_t i = 0; i < l.nr; i++) {
		const struct layout_place *p = &l.places[i];

		if (p->repeat) {
			repeats++;
			CHECK_INT(p->item, 1);
			CHECK_DBL(p->y, 0);
			CHECK(i + 1 < l.nr && l.places[i + 1].item > 1 && l.places[i + 1].page == p->page);
		}
		if (items[p->item].kind == LAYOUT_TABLE_ROW)
			CHECK(p->y + p->height <= 100 + 0.01);
	}
	CHECK_INT(repeats, 2);
	CHECK_INT(l.nr, 14);
	layout_release(&l);
}

static void test_a_table_keeps_three_rows_on_each_side_of_a_break(void)
{
	struct layout l;
	struct layout_item items[12];
	int rows[4];

	items[1] = kind(LAYOUT_TABLE_HEAD, 10);
	for (size_t i = 2; i < 12; i++)
		items[i] = kind(LAYOUT_TABLE_ROW, 10);

	/* Room for the head and 2 rows: the table starts on the next page. */
	items[0] = block(70);
	layout_init(&l, 100, 0);
	CHECK_INT(layout_run(&l, items, 12), 0);
	CHECK_INT(l.places[1].page, 1);
	CHECK_INT(l.places[1].repeat, 0);
	/* There, room for 9 of 10 rows: one would be left alone under the repeated head. */
	CHECK_INT(rows_per_page(&l, 1, rows, 4), 3);
	CHECK_INT(rows[0], 0);
	CHECK_INT(rows[1], 7);
	CHECK_INT(rows[2], 3);
	layout_release(&l);

	/* Room for the head and 4 rows: 4 here and 6 on the next page. */
	items[0] = block(50);
	layout_init(&l, 100, 0);
	CHECK_INT(layout_run(&l, items, 12), 0);
	CHECK_INT(rows_per_page(&l, 1, rows, 4), 2);
	CHECK_INT(rows[0], 4);
	CHECK_INT(rows[1], 6);
	layout_release(&l);
}

static void test_a_short_table_is_not_split(void)
{
	struct layout l;
	struct layout_item items[7];
	int rows[3];

	items[0] = block(55);
	items[1] = kind(LAYOUT_TABLE_HEAD, 10);
	for (size_t i = 2; i < 7; i++)
		items[i] = kind(LAYOUT_TABLE_ROW, 10);
	/* 45 pt left: the head and 3 of 5 rows would fit, but 2 would be left over. */
	layout_init(&l, 100, 0);
	CHECK_INT(layout_run(&l, items, 7), 0);
	CHECK_INT(rows_per_page(&l, 1, rows, 3), 2);
	CHECK_INT(rows[0], 0);
	CHECK_INT(rows[1], 5);
	layout_release(&l);
}

static void test_a_table_keeps_its_last_row_with_the_notes(void)
{
	struct layout l;
	struct layout_item items[10];
	int rows[3];

	items[0] = block(0);
	items[1] = kind(LAYOUT_TABLE_HEAD, 10);
	for (size_t i = 2; i < 9; i++)
		items[i] = kind(LAYOUT_TABLE_ROW, 10);
	items[8].keep_with_next = 1;
	items[9] = lines(2, 10);
	/* Head + 7 rows = 80 fit, the notes (20) do not: the break goes before the last three. */
	layout_init(&l, 95, 0);
	CHECK_INT(layout_run(&l, items, 10), 0);
	CHECK_INT(rows_per_page(&l, 1, rows, 3), 2);
	CHECK_INT(rows[0], 4);
	CHECK_INT(rows[1], 3 + 1);	/* 3 rows and the notes */
	CHECK_INT(l.places[l.nr - 1].item, 9);
	CHECK_INT(l.places[l.nr - 1].page, 1);
	layout_release(&l);
}

static void test_a_table_head_never_ends_a_page(void)
{
	struct layout l;
	struct layout_item items[] = { block(75), kind(LAYOUT_TABLE_HEAD, 15), kind(LAYOUT_TABLE_ROW, 20) };

	layout_init(&l, 100, 0);
	CHECK_INT(layout_run(&l, items, 3), 0);
	CHECK_INT(l.places[1].page, 1);
	CHECK_INT(l.places[1].repeat, 0);
	CHECK_INT(l.places[2].page, 1);
	CHECK_INT(l.nr, 3);
	layout_release(&l);
}

static void test_a_paragraph_splits_between_lines_without_widows_or_orphans(void)
{
	struct layout l;
	struct layout_item items[] = { block(64), lines(6, 10) };

	/* 36 pt left: 3 lines fit, but that would leave 3; fine. */
	layout_init(&l, 100, 0);
	CHECK_INT(layout_run(&l, items, 2), 0);
	CHECK_INT(l.nr, 3);
	CHECK_INT(l.places[1].lines, 3);
	CHECK_INT(l.places[2].first_line, 3);
	CHECK_INT(l.places[2].lines, 3);
	layout_release(&l);

	/* 26 pt left: 2 lines fit and 4 go on: fine. 16 pt: 1 line would be an orphan. */
	items[0] = block(84);
	layout_init(&l, 100, 0);
	CHECK_INT(layout_run(&l, items, 2), 0);
	CHECK_INT(l.nr, 2);
	CHECK_INT(l.places[1].page, 1);
	CHECK_INT(l.places[1].lines, 6);
	layout_release(&l);

	/* 56 pt left for 6 lines: 5 fit, but one would be a widow: 4 and 2. */
	items[0] = block(44);
	layout_init(&l, 100, 0);
	CHECK_INT(layout_run(&l, items, 2), 0);
	CHECK_INT(l.places[1].lines, 4);
	CHECK_INT(l.places[2].lines, 2);
	CHECK_INT(l.places[2].page, 1);
	layout_release(&l);
}

static void test_a_page_break_starts_a_page_unless_it_is_empty(void)
{
	struct layout l;
	struct layout_item items[] = {
		kind(LAYOUT_PAGE_BREAK, 0), block(10), kind(LAYOUT_PAGE_BREAK, 0),
		kind(LAYOUT_PAGE_BREAK, 0), block(10),
	};

	layout_init(&l, 100, 0);
	CHECK_INT(layout_run(&l, items, 5), 0);
	CHECK_INT(l.pages, 2);
	CHECK_INT(l.nr, 2);
	CHECK_INT(l.places[0].page, 0);
	CHECK_INT(l.places[1].page, 1);
	layout_release(&l);
}

static void test_a_block_taller_than_a_page_is_an_error(void)
{
	struct layout l;
	struct layout_item items[] = { block(101) };

	layout_init(&l, 100, 0);
	fputs("# expect an error message:\n", stderr);
	CHECK_INT(layout_run(&l, items, 1), -1);
	layout_release(&l);
}

int main(void)
{
	test_run("a block that does not fit moves whole to the next page",
		 test_a_block_that_does_not_fit_moves_whole_to_the_next_page);
	test_run("space before is dropped at the top of a page",
		 test_space_before_is_dropped_at_the_top_of_a_page);
	test_run("a heading keeps with the block after it", test_a_heading_keeps_with_the_block_after_it);
	test_run("an introductory paragraph keeps with its chart",
		 test_an_introductory_paragraph_keeps_with_its_chart);
	test_run("a split table repeats its head on each page",
		 test_a_split_table_repeats_its_head_on_each_page);
	test_run("a table keeps three rows on each side of a break",
		 test_a_table_keeps_three_rows_on_each_side_of_a_break);
	test_run("a short table is not split", test_a_short_table_is_not_split);
	test_run("a table keeps its last row with the notes",
		 test_a_table_keeps_its_last_row_with_the_notes);
	test_run("a table head never ends a page", test_a_table_head_never_ends_a_page);
	test_run("a paragraph splits between lines without widows or orphans",
		 test_a_paragraph_splits_between_lines_without_widows_or_orphans);
	test_run("a page break starts a page unless it is empty",
		 test_a_page_break_starts_a_page_unless_it_is_empty);
	test_run("a block taller than a page is an error", test_a_block_taller_than_a_page_is_an_error);
	return test_done();
}
