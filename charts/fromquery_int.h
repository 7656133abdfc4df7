#ifndef CHARTS_FROMQUERY_INT_H
#define CHARTS_FROMQUERY_INT_H

/*
 * Internal to the adapter (fromquery.c, fromquery_map.c): the helpers its
 * builders share. Not a contract; fromquery.h is.
 */

#include "fromquery.h"

/* Takes the text of `b` into qc->strings and returns it; `b` is left empty. */
const char *qc_keep_buf(struct query_chart *qc, struct buf *b);
/* Room for nr categories: labels, values and flags, set to none. */
void qc_alloc_categories(struct query_chart *qc, size_t nr, int with_compare);
/* The chart's words: never NULL. */
const struct chart_words *qc_words(const struct query_chart *qc);
/* -1 with a message when `r` lacks one of the NULL-ended `names`. */
int qc_need_columns(const struct query_result *r, const char *const *names);
/* The text at (row, col); NULL for NULL or no such cell. */
const char *qc_text_at(const struct query_result *r, size_t row, const char *col);
/* A count or a real as a double; NaN when NULL (unknown, never zero). */
double qc_number_at(const struct query_result *r, size_t row, const char *col);
unsigned qc_chart_flag(enum share_flag f);

/* The builder of CHART_MAP (fromquery_map.c). */
int qc_build_map(struct query_chart *qc, const struct query_result *r);

#endif
