/* Values of query results as a briefing prints them, and placeholders. */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "narrative.h"
#include "../util/country.h"
#include "../util/banned.h"

#define DASH "\xe2\x80\x93"	/* U+2013: no value */

void real_format(struct buf *out, enum lang lang, double v)
{
	double a = fabs(v);

	if (a >= 10 || v == floor(v))
		i18n_real(out, lang, v, 0);
	else if (a >= 1)
		i18n_real(out, lang, v, 1);
	else
		i18n_real(out, lang, v, 2);
}

/* Country codes "BE,NL" as names in `lang`: "Belgique, Pays-Bas". */
static void country_names(struct buf *out, enum lang lang, const char *codes)
{
	const char *p = codes;

	while (*p) {
		size_t n = strcspn(p, ",");
		char *code = xstrndup(p, n);

		if (p != codes)
			buf_adds(out, ", ");
		buf_adds(out, i18n_country(lang, trim(code)));
		free(code);
		p += n + (p[n] == ',');
	}
}

static void text_cell(struct buf *out, enum lang lang, const struct query_result *r, size_t row,
		      const char *column, const char *s)
{
	const struct query_cell *code;

	if (!strcmp(column, "name") && (code = query_cell(r, row, "country")) && !code->null)
		buf_adds(out, i18n_country(lang, code->s));
	else if (!strcmp(column, "name") && (code = query_cell(r, row, "sector")) && !code->null &&
		 i18n_sector(lang, code->s))
		buf_adds(out, i18n_sector(lang, code->s));
	else if (!strcmp(column, "country"))
		country_names(out, lang, s);
	else if (!strcmp(column, "month") || !strcmp(column, "date"))
		i18n_date(out, lang, s);
	else if (!strcmp(column, "taxonomy") && query_row_taxonomy(r, row))
		buf_adds(out, query_row_taxonomy(r, row));
	else if (!strcmp(column, "period"))
		i18n_period(out, lang, &r->meta.period);
	else if (!strcmp(column, "previous_period"))
		i18n_period(out, lang, &r->meta.previous);
	else
		i18n_label(out, lang, s);
}

/*
 * The rows of techniques, motives and actors that are not a value: the
 * source hides the values from non-members, says there are none, or says
 * nothing (queries/lists.c).
 */
static const char *list_kind(enum lang lang, const char *kind)
{
	static const struct {
		const char *kind;
		enum i18n_msg msg;
	} kinds[] = {
		{ "hidden", MSG_LIST_HIDDEN },
		{ "none", MSG_LIST_NONE },
		{ "unknown", MSG_LIST_UNKNOWN },
	};

	for (size_t i = 0; kind && i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(kinds[i].kind, kind))
			return i18n_msg(lang, kinds[i].msg);
	return NULL;
}

void cell_format(struct buf *out, enum lang lang, const struct query_result *r, size_t row,
		 size_t col, int mark_flags)
{
	const struct query_column *c = &r->columns[col];
	const struct query_row *rw = &r->rows[row];
	const struct query_cell *v = &rw->cells[col];

	if (v->null) {
		const char *t = c->null_text;
		const struct query_cell *kind = query_cell(r, row, "kind");

		if (!strcmp(c->name, "value") && kind && !kind->null && list_kind(lang, kind->s)) {
			buf_adds(out, list_kind(lang, kind->s));
			return;
		}

		if (!t || !strcmp(t, "-") || (c->share && rw->flag == SHARE_SUPPRESSED))
			buf_adds(out, DASH);
		else if (!strcmp(t, "unknown"))
			buf_adds(out, i18n_msg(lang, MSG_UNKNOWN));
		else
			buf_adds(out, t);
		return;
	}
	switch (c->type) {
	case QUERY_INT:
		i18n_int(out, lang, v->i);
		break;
	case QUERY_BOOL:
		buf_adds(out, i18n_msg(lang, v->i ? MSG_YES : MSG_NO));
		break;
	case QUERY_REAL:
		if (c->share) {
			i18n_percent(out, lang, v->r);
			if (mark_flags && rw->flag == SHARE_UNRELIABLE)
				buf_addch(out, '*');
		} else {
			real_format(out, lang, v->r);
		}
		break;
	case QUERY_TEXT:
		text_cell(out, lang, r, row, c->name, v->s);
		break;
	}
}

struct fill {
	struct briefing *b;
	const struct tpl_text *where;
	struct buf *out;
	const char *text;
	size_t done;		/* text before this offset is copied */
};

static int fill_error(struct fill *f, const char *name, const char *why)
{
	return error_at(f->b->t->path, f->where->line, f->where->column, "placeholder '{%s}': %s",
			name, why);
}

/* Copies text up to `end`, turning "{{" into "{". */
static void copy_to(struct fill *f, size_t end)
{
	/* A value ending in an abbreviation ("8,4 Std.") takes the sentence's full stop. */
	if (f->done < end && f->text[f->done] == '.' && f->out->len &&
	    f->out->buf[f->out->len - 1] == '.')
		f->done++;
	for (size_t i = f->done; i < end; i++) {
		buf_addch(f->out, f->text[i]);
		if (f->text[i] == '{' && f->text[i + 1] == '{')
			i++;
	}
	f->done = end;
}

static int fill_one(const char *name, size_t offset, void *arg)
{
	struct fill *f = arg;
	struct briefing *b = f->b;
	const char *dot = strchr(name, '.');
	struct rq *ov = briefing_rq(b, &query_overview, TPL_SCOPE_REPORT);
	const struct query_result *r;
	const struct query_figure *fig;
	char *qname;
	int col;

	copy_to(f, offset);
	f->done = offset + strlen(name) + 2;
	if (!strcmp(name, "period")) {
		buf_adds(f->out, b->period.buf);
		return 0;
	}
	if (!strcmp(name, "previous")) {
		if (ov)
			i18n_period(f->out, b->lang, &ov->res->meta.previous);
		return 0;
	}
	qname = dot ? xstrndup(name, (size_t)(dot - name)) : xstrdup(name);
	r = query_find(qname) && briefing_rq(b, query_find(qname), TPL_SCOPE_REPORT) ?
	    briefing_rq(b, query_find(qname), TPL_SCOPE_REPORT)->res : NULL;
	free(qname);
	if (!r || !dot)
		return fill_error(f, name, "no such query");
	dot++;
	col = query_column_index(r, dot);
	if (col >= 0) {
		if (!r->rows_nr)
			buf_adds(f->out, DASH);
		else
			cell_format(f->out, b->lang, r, 0, (size_t)col, 0);
	} else if (!strcmp(dot, "n") || !strcmp(dot, "left_out") || !strcmp(dot, "undated")) {
		i18n_int(f->out, b->lang, !strcmp(dot, "n") ? r->meta.n :
			 !strcmp(dot, "left_out") ? r->meta.left_out : r->meta.undated);
	} else if (!strcmp(dot, "times")) {
		narrative_times(f->out, b->lang, r);
	} else if ((fig = query_figure(r, dot))) {
		if (fig->null)
			buf_adds(f->out, DASH);
		else if (strlen(dot) > 6 && !strcmp(dot + strlen(dot) - 6, "_hours"))
			i18n_duration(f->out, b->lang, fig->value);
		else
			real_format(f->out, b->lang, fig->value);
	} else {
		return fill_error(f, name, "the query has no such column or figure");
	}
	return 0;
}

int fill_text(struct briefing *b, const struct tpl_text *where, const char *text, struct buf *out)
{
	struct fill f = { b, where, out, text, 0 };
	size_t bad = (size_t)-1;

	if (tpl_placeholders(text, fill_one, &f, &bad))
		return bad != (size_t)-1 ? fill_error(&f, "", "not closed") : -1;
	copy_to(&f, strlen(text));
	return 0;
}

/*
 * The notable query's reasons ("public body (municipality); 6,200
 * affected; contained after 8.5 days; ransomware; first in Ireland for 12
 * months; pinned by an analyst", see queries/notable.c score()) in `lang`.
 * A part this does not recognise is kept as the query wrote it.
 */
void reasons_format(struct buf *out, enum lang lang, const char *reasons)
{
	const char *p = reasons;

	while (*p) {
		size_t n = strstr(p, "; ") ? (size_t)(strstr(p, "; ") - p) : strlen(p);
		char *part = xstrndup(p, n), *end;
		struct buf v = BUF_INIT, d = BUF_INIT;
		const char *args[1];
		long count;
		double days;

		if (out->len)
			buf_adds(out, i18n_msg(lang, MSG_SEMICOLON));	/* "touchés ; le premier" */
		if (starts_with(part, "contained after ") && (days = strtod(part + 16, &end)) > 0 &&
		    !strcmp(end, " days")) {
			/* The one spelling of a duration (lang.h), in English too. */
			i18n_duration(&d, lang, days * 24);
			args[0] = d.buf;
			i18n_fill(out, i18n_msg(lang, MSG_CONTAINED), args, 1);
		} else if (lang == LANG_EN) {
			buf_adds(out, part);
		} else if (!strcmp(part, "pinned by an analyst")) {
			buf_adds(out, i18n_msg(lang, MSG_REASON_PINNED));
		} else if (starts_with(part, "public body (") && part[n - 1] == ')') {
			part[n - 1] = '\0';
			buf_adds(out, i18n_vocab(lang, "public body"));
			buf_addf(out, " (%s)", i18n_vocab(lang, part + 13) ? i18n_vocab(lang, part + 13) : part + 13);
		} else if ((end = strstr(part, " affected")) && !end[9]) {
			char *digits = xstrndup(part, (size_t)(end - part)), *q = digits;

			for (char *s = digits; *s; s++)	/* "6,200" */
				if (*s != ',')
					*q++ = *s;
			*q = '\0';
			if (parse_long(digits, 0, 2000000000L, &count) == 0) {
				i18n_int(&v, lang, count);
				args[0] = v.buf;
				i18n_fill(out, i18n_msg(lang, MSG_AFFECTED), args, 1);
			} else {
				buf_adds(out, part);
			}
			free(digits);
		} else if (starts_with(part, "first in ") && strstr(part, " for 12 months") &&
			   !strcmp(strstr(part, " for 12 months"), " for 12 months")) {
			*strstr(part, " for 12 months") = '\0';
			args[0] = country_code(part + 9) ? i18n_country(lang, country_code(part + 9)) : part + 9;
			i18n_fill(out, i18n_msg(lang, MSG_REASON_FIRST), args, 1);
		} else {
			i18n_label(out, lang, part);
		}
		buf_release(&v);
		buf_release(&d);
		free(part);
		p += n + (p[n] ? 2 : 0);
	}
}
