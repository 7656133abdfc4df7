/*
 * A query result as a drawn chart (fromquery.h, query_chart_draw()): the
 * one path from a result to a chart, for `ibrief chart` and the report.
 */
#include "fromquery.h"

#include <string.h>

#include "../util/banned.h"

int query_chart_build(struct query_chart *qc, const struct query_result *r,
		      const struct query_chart_request *req)
{
	if (query_chart_init(qc, r, req->kind, req->title, i18n_chart_words(req->lang)) < 0)
		return -1;
	if (req->shapes && qc->kind == CHART_MAP && query_chart_map_shapes(qc, r, req->shapes) < 0) {
		query_chart_release(qc);
		return -1;
	}
	return 0;
}

int query_chart_draw(const struct query_result *r, const struct query_chart_request *req,
		     const struct chart_spec *spec, enum chart_format format, struct buf *out)
{
	struct query_chart qc;
	struct chart_spec s = *spec;
	int ret;

	if (query_chart_build(&qc, r, req) < 0)
		return -1;
	s.kind = qc.kind;
	if (req->seen)
		req->seen(req->seen_arg, &s, &qc.data);
	ret = chart_write(&s, &qc.data, format, out);
	query_chart_release(&qc);
	return ret;
}
