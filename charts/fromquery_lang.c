/*
 * The translation of the data a chart shows (fromquery.h,
 * query_chart_localize()): the adapter leaves data in English.
 */
#include "fromquery.h"

#include <stdlib.h>
#include <string.h>

#include "../util/country.h"
#include "../util/util.h"
#include "../util/banned.h"

void query_chart_localize(struct query_chart *qc, const struct query_result *r, enum lang lang,
			 struct buf *subtitle)
{
	int by_country = !strcmp(r->query->name, "by-country");

	buf_reset(subtitle);
	i18n_period(subtitle, lang, &r->meta.period);
	qc->data.subtitle = subtitle->buf;
	for (size_t i = 0; qc->kind != CHART_MAP && qc->labels && i < qc->nr; i++) {
		const char *t = NULL;

		if (!qc->labels[i])
			continue;
		if (by_country && country_code(qc->labels[i]))
			t = i18n_country(lang, country_code(qc->labels[i]));
		else
			t = i18n_vocab(lang, qc->labels[i]);
		if (t && strcmp(t, qc->labels[i])) {
			free(qc->labels[i]);
			qc->labels[i] = xstrdup(t);
		}
	}
	/* A line's series is the period: named as the subtitle names it. */
	if (qc->kind == CHART_LINE && qc->data.series_nr)
		qc->series[0].name = subtitle->buf;
}
