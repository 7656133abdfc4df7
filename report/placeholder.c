/*
 * Template texts: the text for a language, and the placeholders in it
 * (template.h). Apart from the YAML reading so that the report, which
 * fills placeholders, and the template checks share one reading of them.
 */
#include "template.h"

#include <stdlib.h>
#include <string.h>

#include "../util/banned.h"

const char *tpl_text_get(const struct tpl_text *t, enum lang lang)
{
	if (t->v[lang])
		return t->v[lang];
	if (t->v[LANG_EN])
		return t->v[LANG_EN];
	for (size_t i = 0; i < LANG_NR; i++)
		if (t->v[i])
			return t->v[i];
	return NULL;
}

int tpl_placeholders(const char *text, int (*fn)(const char *name, size_t offset, void *arg),
		     void *arg, size_t *bad_offset)
{
	const char *p = text;

	while ((p = strchr(p, '{'))) {
		const char *end;
		char *name;
		int ret;

		if (p[1] == '{') {
			p += 2;
			continue;
		}
		end = strchr(p + 1, '}');
		if (!end || memchr(p + 1, '{', (size_t)(end - p - 1))) {
			*bad_offset = (size_t)(p - text);
			return -1;
		}
		name = xstrndup(p + 1, (size_t)(end - p - 1));
		ret = fn(name, (size_t)(p - text), arg);
		free(name);
		if (ret)
			return ret;
		p = end + 1;
	}
	return 0;
}

/*
 * The figures queries/ adds to results (query_add_figure()), so that a
 * typo in a placeholder is caught before any query runs. The report checks
 * again when it fills the text: this list can only make the early check
 * weaker, never let a wrong figure through.
 *
 * NEEDSWORK: struct query could list its figures, as it lists its columns;
 * then this copy would go.
 */
static const char *const known_figures[] = {
	"known", "median_hours", "p90_hours", "with_values", "values",
	"times",	/* not a figure: report/cells.c times_text() says them in words */
};

int tpl_placeholder_check(const char *name, struct buf *why)
{
	const char *dot = strchr(name, '.');
	const struct query *q;
	char *qname;

	if (!strcmp(name, "period") || !strcmp(name, "previous"))
		return 0;
	if (!dot) {
		buf_adds(why, "names no query (expected {QUERY.COLUMN}, {period} or {previous})");
		return -1;
	}
	qname = xstrndup(name, (size_t)(dot - name));
	q = query_find(qname);
	if (!q)
		buf_addf(why, "'%s' is not a query (see 'ibrief query --list')", qname);
	free(qname);
	if (!q)
		return -1;
	dot++;
	for (size_t i = 0; i < q->columns_nr; i++)
		if (!strcmp(q->columns[i].name, dot))
			return 0;
	if (!strcmp(dot, "n") || !strcmp(dot, "left_out") || !strcmp(dot, "undated"))
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(known_figures); i++)
		if (!strcmp(known_figures[i], dot))
			return 0;
	buf_addf(why, "query '%s' has no column '%s' (expected ", q->name, dot);
	for (size_t i = 0; i < q->columns_nr; i++)
		buf_addf(why, "%s, ", q->columns[i].name);
	buf_adds(why, "n or a figure)");
	return -1;
}
