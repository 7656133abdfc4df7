#ifndef CSV_H
#define CSV_H

/*
 * The one CSV writer: RFC 4180 fields for every CSV ibrief writes
 * (`query --format csv`, `list --format csv`, the CSVs attached to a
 * briefing).
 *
 * Text comes from imported files, which ibrief does not trust. A cell a
 * spreadsheet would take for a formula ("=HYPERLINK(...)", "+1", "-1",
 * "@SUM(...)", or one starting with a tab or a carriage return) is
 * written with a single quote before it, inside double quotes, as OWASP
 * recommends against CSV injection: the spreadsheet shows the text, and
 * runs nothing. Numbers are not text: a caller writes the cells of a
 */

#include <stdio.h>

/*
 * Writes `s` as one text field: as it is when it needs no quoting, else
 * in double quotes with inner quotes doubled; neutralised as above when
 * it starts with '=', '+', '-', '@', tab or CR. NULL writes an empty field.
 */
void csv_text(FILE *out, const char *s);

/* Whether csv_text() neutralises `s`. */
int csv_is_formula(const char *s);

#endif
