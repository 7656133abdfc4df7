#ifndef REPORT_NARRATIVE_H
#define REPORT_NARRATIVE_H

/*
 * The short narrative of a briefing's cover, written from query results
 * and nothing else:
 *
 *   "42 incidents in April 2024, 9 more than in March, not a significant
 *    change; 31% hit public bodies (n = 42, 95% CI 19–46%)."
 *
 * From overview: incidents, previous, change, significant (the exact
 * Poisson test of queries/stats.h; "not a significant change" unless p <
 * 0.05), left_out. From public-sector, the "public" row: incidents, share,
 * ci_low, ci_high, n, and the row's flag: a share over fewer than 30 is
 * said to need care, one over fewer than 5 is not given (the count is).
 * Incidents surface late: when overview says the period is provisional
 * (it reaches into the store's newest month, see queries/query.h), the
 * narrative says that month is provisional, and overview's significant is
 * NULL, so no change is called significant or not.
 *
 * Every number is printed from the result as it is (rounded only as a
 * percentage), so a test can compare the text with `ibrief query`.
 */

#include "../lang/lang.h"
#include "../queries/query.h"
#include "../util/buf.h"

struct narrative_input {
	const struct query_result *overview;		/* required */
	const struct query_result *public_sector;	/* NULL: no sentence on public bodies */
	/*
	 * The incidents the last briefing of the previous period printed for
	 * it, when one was issued (previous_printed_known): when today's count
	 * of the previous period differs, the narrative says the comparison
	 * uses today's.
	 */
	int previous_printed_known;
	long long previous_printed;
};

/* Appends the narrative in `lang` to `out`. */
void narrative_write(struct buf *out, enum lang lang, const struct narrative_input *in);

/*
 * Appends the times to contain of a response-time result as one clause,
 * the template's "{response-time.times}". From ten times or more, the
 * quantiles ("half were contained within 14 h, nine in ten within 8
 * weeks"); under ten, the times themselves from its figures hours_1..
 * ("they were contained after 2 h, 5 days and 9 weeks"): a "nine in ten"
 * of three is not one. With none known, MSG_TIMES_NONE. Durations are
 * i18n_duration()'s, as on the chart.
 */
void narrative_times(struct buf *out, enum lang lang, const struct query_result *r);

#endif
