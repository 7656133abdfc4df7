#ifndef STORE_COPY_H
#define STORE_COPY_H

/*
 * Copying a whole store to another one, between any two targets a store
 * opens (a SQLite file, a PostgreSQL database: `ibrief store copy`), so
 * that a team can start on a file and move to a shared database, or take
 * a database home as a file.
 *
 * What is copied: every incident with its lists, derived values and
 * provenance (the time it was imported too), the analysts' marks, the
 * import log ("data as of"), and the briefings with their figures. Row
 * ids are kept: `ibrief show`, the notable query and the briefings name
 * incidents and briefings by them. So every `ibrief query` answer of the
 * copy is the answer of the original.
 *
 * The destination must be empty (no incident, import or briefing; a new
 * SQLite file is made) and is written in one transaction: a copy that
 * fails leaves it as empty as it was. The source is only read, and must
 * be at this build's schema version (an older one is upgraded by any
 * command that writes to it, e.g. `ibrief import` of nothing new).
 */

#include "store.h"
#include "../util/notify.h"

struct store_copy_counts {
	long long incidents, marks, imports, briefings;
};

/*
 * Copies the store `from` names into the store `to` names (both as
 * store_open() takes them). Tells `progress` (may be NULL) a
 * NOTIFY_PROGRESS line every 1024 incidents ("copying incidents: 4096 of
 * 8123"), NOTIFY_DONE after them when it told any. Fills `out` (may be
 * NULL) with what was copied. Returns 0, or -1 with a message naming the
 * store at fault (a missing source, a non-empty destination, a database
 * error); nothing is written then.
 */
int store_copy(const char *from, const char *to, const struct notify *progress,
	       struct store_copy_counts *out);

#endif
