#ifndef IMPORT_H
#define IMPORT_H

/*
 * Importing files into the store: opens each file (gzip or plain, "-" for
 * standard input), tells its format by content unless one is given, parses
 * it and writes its records, one transaction per file.
 *
 * A file either goes in whole or not at all: on the first bad record (unless
 * skip_bad is set) or any error, the file's transaction is rolled back and
 * the store is exactly as it was before that file. Import goes on with the
 * next file. With skip_bad, bad records are reported and skipped and the
 * good ones go in. With dry_run every file is rolled back after it is read,
 * and the totals say what would have happened.
 */

#include "store.h"
#include "../util/notify.h"

enum import_format {
	IMPORT_AUTO,
	IMPORT_PAGE,
	IMPORT_VERIS,
	IMPORT_CSV,
};

struct import_options {
	enum import_format format;
	int skip_bad;
	int dry_run;
	/*
	 * Told a NOTIFY_PROGRESS line every 1024 records of a file ("importing
	 * 'x.jsonl': 4096 records, 9120 records/s", `seconds` since the file was
	 * opened), and NOTIFY_DONE after a file that had any; the listener
	 * decides which to show. Zero: nobody is told.
	 */
	struct notify progress;
};

struct import_totals {
	long new_, updated, unchanged, rejected;
	long files;	/* files read */
	long failed;	/* files not imported because of an error */
	double seconds;
};

/*
 * Parses "auto", "page", "veris" or "csv". Returns 0, or -1 without a
 * message for anything else.
 */
int import_format_parse(const char *name, enum import_format *out);

/*
 * Imports `paths` into `st` and adds up what happened in `totals` (zeroed
 * first). Every problem is reported as it is met. Returns 0 when every file
 * went in (bad records skipped under skip_bad do not count as failure), -1
 * when at least one file was not imported.
 */
int import_files(struct store *st, const char *const *paths, size_t n,
		 const struct import_options *opts, struct import_totals *totals);

#endif
