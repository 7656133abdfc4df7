/*
 * The briefing's title: only what the filters, the configured scope or the
 * data say. A briefing filtered to countries, a sector, a type or public
 * bodies is titled by its filters ("United Kingdom"); an unfiltered one by
 * the template's title and its region: the configured scope ([report]
 * scope = europe or world), else Europe when most incidents with a known
 * country are European (the map's focus countries), else none.
 */
#include "internal.h"

#include <string.h>

#include "../util/banned.h"

int briefing_title_needs_countries(const struct briefing *b)
{
	const struct query_filter *f = b->o->filter;

	return !b->o->scope && !(f->countries && f->countries->n);
}

/* Whether every country of the filter is one the Europe map is about. */
static int european_filter(struct briefing *b)
{
	const struct strlist *l = b->o->filter->countries;

	if (briefing_geo(b) < 0)
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		int found = 0;

		for (size_t j = 0; j < b->geo.nr && !found; j++)
			found = b->geo.features[j].focus && !strcmp(b->geo.features[j].iso, l->v[i]);
		if (!found)
			return 0;
	}
	return 1;
}

/* The title's words for the filters, appended to `out`; 0 when there are none. */
static int filter_title(struct briefing *b, struct buf *out)
{
	const struct query_filter *f = b->o->filter;
	size_t start = out->len;

	for (size_t i = 0; f->countries && i < f->countries->n; i++) {
		const char *sep = !i ? "" : i + 1 < f->countries->n ? ", " :
				  i18n_msg(b->lang, MSG_TITLE_AND);

		buf_addf(out, "%s%s", sep, i18n_country(b->lang, f->countries->v[i]));
	}
	if (f->sector)
		buf_addf(out, "%s%s", out->len > start ? ", " : "", f->sector);
	if (f->type) {
		const char *t = i18n_vocab(b->lang, f->type);

		buf_addf(out, "%s%s", out->len > start ? ", " : "", t ? t : f->type);
	}
	if (f->public_only)
		buf_addf(out, "%s%s", out->len > start ? ", " : "",
			 i18n_msg(b->lang, MSG_TITLE_PUBLIC));
	return out->len > start;
}

/*
 * Whether most incidents with a known country are in the Europe map's focus
 * countries, from the by-country result. -1 when none has a country.
 */
static int mostly_european(struct briefing *b)
{
	struct rq *rq = briefing_rq(b, &query_by_country, TPL_SCOPE_REPORT);
	long long in = 0, all = 0;

	if (!rq || briefing_geo(b) < 0)
		return -1;
	rq->attach = 1;		/* the title rests on it */
	for (size_t r = 0; r < rq->res->rows_nr; r++) {
		const struct query_cell *code = query_cell(rq->res, r, "country");
		const struct query_cell *n = query_cell(rq->res, r, "incidents");

		if (!code || code->null || !n || n->null)
			continue;
		all += n->i;
		for (size_t i = 0; i < b->geo.nr; i++)
			if (b->geo.features[i].focus && !strcmp(b->geo.features[i].iso, code->s)) {
				in += n->i;
				break;
			}
	}
	return all ? 2 * in >= all : -1;
}

int briefing_title(struct briefing *b)
{
	const struct query_filter *f = b->o->filter;
	const char *scope = b->o->scope;
	const char *base = tpl_text_get(&b->t->title, b->lang);
	int europe;

	/* The region: the configured one, else the filter's countries', else the data's. */
	if (scope)
		europe = !ascii_casecmp(scope, "europe");
	else if (f->countries && f->countries->n)
		europe = european_filter(b);
	else
		europe = mostly_european(b);
	/* The map: the world's when the region is not Europe (none known: Europe's). */
	b->map_world = europe == 0;
	if (b->map_world && b->geo_loaded) {
		geo_release(&b->geo);
		b->geo_loaded = 0;
	}
	buf_reset(&b->title);
	if (filter_title(b, &b->title))
		return 0;
	if (europe == 1) {
		const char *args[1] = { base };

		i18n_fill(&b->title, i18n_msg(b->lang, MSG_TITLE_EUROPE), args, 1);
	} else {
		buf_adds(&b->title, base);
	}
	return 0;
}
