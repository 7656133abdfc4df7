#ifndef CSVCOL_H
#define CSVCOL_H

/*
 * The columns of the CSV importer and the reading of their values: from
 * the text of one field to the fields of a struct incident. store/csvin.c
 * reads the file with libcsv, matches the header to the columns, reads
 * the id (unique within a file) and reports what this module rejects; here
 * are the column names, the value syntax (dates, numbers, yes/no,
 * ';'-separated lists, the vocabularies of store/incident.h) and the
 * checks across the columns of one record. docs/csv-format.md describes
 * the columns for users.
 *
 * Nothing here reports errors, keeps a pointer to its input or holds
 * state between calls. A function that rejects a value appends to `why`
 * what is wrong, the words that follow "field 'NAME': " in a message
 * ("value '2024-13' is not a date (expected ...)"), and returns -1; the
 * caller passes an empty `why` and adds the file, line and field. Memory
 * failure dies (xmalloc).
 */

#include "incident.h"
#include "../util/buf.h"

/*
 * The columns. csvin.c reads the columns of a record in this order and
 * reports the first value rejected, so the order decides which of several
 * faults is reported.
 */
enum csvcol {
	CSVCOL_ID,
	CSVCOL_VICTIM,
	CSVCOL_DATE,
	CSVCOL_COUNTRY,
	CSVCOL_SECTOR,
	CSVCOL_PUBLIC_SECTOR,
	CSVCOL_PUBLIC_KIND,
	CSVCOL_TYPE,
	CSVCOL_SUMMARY,
	CSVCOL_DESCRIPTION,
	CSVCOL_AFFECTED,
	CSVCOL_CONTAIN_HOURS,
	CSVCOL_CONTAIN_APPROX,
	CSVCOL_RECOVER_HOURS,
	CSVCOL_MOTIVES,
	CSVCOL_TECHNIQUES,
	CSVCOL_ACTORS,
	CSVCOL_SOURCES,
	CSVCOL_CIA,
	CSVCOL_MOTIVE_COUNT,
	CSVCOL_TECHNIQUE_COUNT,
	CSVCOL_ACTOR_COUNT,
	CSVCOL_SOURCE_COUNT,
	CSVCOL_NR
};

/* The name of each column as the header row spells it, in lower case. */
extern const char *const csvcol_names[CSVCOL_NR];

/*
 * Returns the column that `name` (already trimmed) names, in any letter
 * case, or -1 when it names none.
 */
int csvcol_by_name(const char *name);

/*
 * Reads `v`, the value of column `col` of one record, into `inc`, which the
 * caller has initialised and releases whatever the outcome. `col` must not
 * be CSVCOL_ID: the id is checked against the other ids of the file, which
 * only csvin.c knows; passing it dies.
 *
 * victim, summary and description are kept as written (a copy, or NULL
 * when only white space); every other value is trimmed first, in place,
 * so `v` may be modified. An empty value leaves the field unknown, except
 * for the date, which every record needs. Strings and list items added to
 * `inc` are copies that `inc` owns; `v` is not kept.
 *
 * Returns 0, or -1 with what is wrong appended to `why`; `inc` may then
 * hold part of the value (a list cut short).
 */
int csvcol_set(struct incident *inc, enum csvcol col, char *v, struct buf *why);

/*
 * Checks that the columns of a record that csvcol_set() read agree, and
 * fills in what follows from them: a public_kind makes public_sector yes,
 * and a list whose count is unknown gives the count. Returns 0, or -1
 * with the column at fault in *col and what is wrong appended to `why`.
 */
int csvcol_finish(struct incident *inc, enum csvcol *col, struct buf *why);

/*
 * Appends "value 'V' " and the rest of the message, formatted from `fmt`,
 * to `why`, with `v` as csvcol_echo() quotes it. Returns -1, so that a
 * reader can reject with `return csvcol_bad(...)`.
 */
int csvcol_bad(struct buf *why, const char *v, const char *fmt, ...) ATTR_PRINTF(3, 4);

/*
 * Appends `s` (NUL-terminated) for quoting in a message: cut to 60
 * characters, with "..." after a cut, and escaped as utf8_escape() does.
 */
void csvcol_echo(struct buf *b, const char *s);

/* Appends the `n` strings of `words` separated by ", ". */
void csvcol_add_words(struct buf *b, const char *const *words, size_t n);

#endif
