/*
 * A store opened to be written in bulk (STORE_WRITE: import, copy) keeps
 * its pages in the page cache set up for it in huge pages
 * (store/db_sqlite.c, cache_setup()), not in memory from malloc(). The
 * setting is process-wide and must come before SQLite starts, so this
 * program opens nothing before.
 */
#include <sqlite3.h>

#include "test.h"
#include "store/store.h"
#include "util/banned.h"

static void test_writer_pages_in_slots(void)
{
	struct store *st = NULL;
	char path[512];
	int used = 0, highest = 0;

	snprintf(path, sizeof(path), "%s/t.db", test_tmpdir());
	CHECK_INT(store_open(&st, path, STORE_WRITE), 0);
	CHECK_INT(sqlite3_status(SQLITE_STATUS_PAGECACHE_USED, &used, &highest, 0), SQLITE_OK);
	/* Making the store's schema wrote pages, each into a slot. */
	CHECK(highest > 0);
	CHECK(used > 0);
	store_close(st);
}

int main(void)
{
	test_run("a store opened to be written keeps its pages in the slots set up for them",
		 test_writer_pages_in_slots);
	return test_done();
}
