#include "parse.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "pageattr.h"
#include "wording.h"
#include "../util/buf.h"
#include "../util/banned.h"

/*
 * Saved incident-tracker pages, as described in docs/incident-pages.md.
 *
 * The file is cut into pages first (a page starts at a "Menu" line, or at
 * "Cyber Incident Victim:", "Date:" or "Browse" once the page before has
 * reached its body), then each page is read by its labels rather than by
 * position, so blank lines between the parts may be there or not. The
 * labelled fields (victim, month, country, the attribute block, sources)
 * are taken as written; everything else comes from the wording of summary
 * and description through store/wording.h and is recorded as derived.
 * The values lines of the attribute block are split by store/pageattr.h.
 */

struct line {
	char *text;
	long no;
};

/*
 * Pages are a few KiB. A "page" past this limit is not one (a file without
 * page breaks, say) and is rejected rather than held in memory.
 */
#define PAGE_MAX_BYTES ((size_t)4 << 20)

struct page {
	struct line *v;
	size_t n, alloc;
	size_t bytes;
	int overlong;		/* lines were dropped past PAGE_MAX_BYTES */
	long nul_line;		/* the first line that holds a NUL byte; 0: none */
	size_t nul_at;		/* and where in it, 1-based */
};

struct reader {
	struct input *in;
	struct buf line;
	struct buf pending;	/* the first line of the next page, read ahead */
	long pending_no;
	int has_pending;
};

enum label {
	L_NONE,
	L_MENU,
	L_BROWSE,
	L_VICTIM,
	L_DATE,
	L_LOCATION,
	L_SUMMARY,
	L_BLOCK1,
	L_BLOCK2,
	L_DESCRIPTION,
	L_IMAGE,
	L_SOURCES,
	L_COUNT
};

/* How each label is written. Labels that end in ':' may have their value on the same line. */
static const struct {
	const char *text;
	int prefix;		/* the line starts with the text, rather than is it */
} labels[L_COUNT] = {
	[L_MENU] = { "Menu", 0 },
	[L_BROWSE] = { "Browse", 0 },
	[L_VICTIM] = { "Cyber Incident Victim:", 1 },
	[L_DATE] = { "Date:", 1 },
	[L_LOCATION] = { "Location:", 1 },
	[L_SUMMARY] = { "Summary", 0 },
	[L_BLOCK1] = { "CIA Posture", 1 },
	[L_BLOCK2] = { "Threat Actors", 1 },
	[L_DESCRIPTION] = { "Description", 0 },
	[L_IMAGE] = { "Cyber Incident Image", 0 },
	[L_SOURCES] = { "Sources", 0 },
};

/* Returns the label a (trimmed) line is, and in *value what follows it. */
static enum label label_of(const char *s, const char **value)
{
	*value = NULL;
	for (int l = L_MENU; l < L_COUNT; l++) {
		size_t n = strlen(labels[l].text);

		if (labels[l].prefix ? ascii_ncasecmp(s, labels[l].text, n) : ascii_casecmp(s, labels[l].text))
			continue;
		if (labels[l].prefix) {
			*value = s + n;
			while (**value == ' ')
				(*value)++;
		}
		return (enum label)l;
	}
	return L_NONE;
}

/* --- cutting the file into pages --- */

/* Trims the line and turns no-break spaces into spaces (browsers copy them). */
static void clean_line(struct buf *b, long no)
{
	size_t out = 0;

	size_t i = no == 1 && b->len >= 3 && !memcmp(b->buf, "\xEF\xBB\xBF", 3) ? 3 : 0;

	for (; i < b->len; i++) {
		if (i + 1 < b->len && !memcmp(b->buf + i, "\xC2\xA0", 2)) {
			b->buf[out++] = ' ';
			i++;
		} else {
			b->buf[out++] = b->buf[i];
		}
	}
	while (out && strchr(" \t\r\f\v", b->buf[out - 1]) && b->buf[out - 1])
		out--;
	for (i = 0; i < out && b->buf[i] && strchr(" \t\r\f\v", b->buf[i]); i++)
		;
	memmove(b->buf, b->buf + i, out - i);	/* trimmed by length: a NUL stays to be seen */
	buf_setlen(b, out - i);
}

static void page_add(struct page *pg, const char *text, long no)
{
	ALLOC_GROW(pg->v, pg->n + 1, pg->alloc);
	pg->v[pg->n].text = xstrdup(text);
	pg->v[pg->n].no = no;
	pg->n++;
}

static void page_clear(struct page *pg)
{
	for (size_t i = 0; i < pg->n; i++)
		free(pg->v[i].text);
	pg->n = 0;
	pg->bytes = 0;
	pg->overlong = 0;
	pg->nul_line = 0;
}

/* Reads the next page into `pg`. Returns 1 for a page, 0 at the end, -1 on a read error. */
static int read_page(struct reader *r, struct page *pg)
{
	int in_body = 0;

	page_clear(pg);
	for (;;) {
		const char *value;
		enum label l;
		long no;

		if (r->has_pending) {
			buf_reset(&r->line);
			buf_add(&r->line, r->pending.buf, r->pending.len);
			no = r->pending_no;
			r->has_pending = 0;
		} else {
			int rc = input_getline(r->in, &r->line);

			if (rc <= 0)
				return rc < 0 ? -1 : pg->n > 0;
			no = r->in->line;
			clean_line(&r->line, no);
		}
		if (!pg->n && !r->line.len)
			continue;
		l = label_of(r->line.buf, &value);
		if (pg->n && (l == L_MENU || (in_body && (l == L_BROWSE || l == L_VICTIM ||
							  l == L_DATE)))) {
			buf_reset(&r->pending);
			buf_add(&r->pending, r->line.buf, r->line.len);
			r->pending_no = no;
			r->has_pending = 1;
			return 1;
		}
		if (l >= L_SUMMARY)
			in_body = 1;
		if (!pg->nul_line && memchr(r->line.buf, '\0', r->line.len)) {
			/* Lines are C strings from here on: a NUL would cut one short. */
			pg->nul_line = no;
			pg->nul_at = (size_t)((char *)memchr(r->line.buf, '\0', r->line.len) -
					      r->line.buf) + 1;
		}
		if (pg->bytes + r->line.len > PAGE_MAX_BYTES) {
			pg->overlong = 1;
			continue;	/* read on to the next page, keeping nothing */
		}
		pg->bytes += r->line.len;
		page_add(pg, r->line.buf, no);
	}
}

/*
 * A page saved as HTML carries the site's chrome a copy of the page leaves
 * out (a cookie banner, the site's name): its text is read from the first
 * line that starts a page. When no line does, the first line is kept, to be
 * reported as not starting a page. Returns 0, or -1 on a read error.
 */
static int skip_chrome(struct reader *r)
{
	const char *value;
	long first_no = 0;
	int rc;

	while ((rc = input_getline(r->in, &r->line)) > 0) {
		enum label l;

		clean_line(&r->line, r->in->line);
		if (!r->line.len)
			continue;
		l = label_of(r->line.buf, &value);
		if (l == L_MENU || l == L_BROWSE || l == L_VICTIM || l == L_DATE || !first_no) {
			buf_reset(&r->pending);
			buf_add(&r->pending, r->line.buf, r->line.len);
			r->pending_no = first_no = r->in->line;
			r->has_pending = 1;
		}
		if (l == L_MENU || l == L_BROWSE || l == L_VICTIM || l == L_DATE)
			return 0;
	}
	return rc;
}

/* --- reading one page by its labels --- */

struct page_labels {
	long label_line[L_COUNT];	/* where each label first is; 0: absent */
	const char *field[L_COUNT];	/* the value of victim, date, location */
	long field_line[L_COUNT];	/* where that value is */
	struct buf summary, description;
	long summary_line;		/* the first line of the summary's text */
	const char *values[2];		/* the two values lines of the attribute block */
	long values_line[2];
	struct strlist urls;
	long stated_sources;		/* "3 sources"; -1 when not said */
};

static void page_labels_release(struct page_labels *lay)
{
	buf_release(&lay->summary);
	buf_release(&lay->description);
	strlist_release(&lay->urls);
}

/* Adds a line of text; lines join with a space, paragraphs with a blank line. */
static void add_text(struct buf *b, const char *text, int *paragraph)
{
	if (b->len)
		buf_adds(b, *paragraph ? "\n\n" : " ");
	buf_adds(b, text);
	*paragraph = 0;
}

static void read_source_line(struct page_labels *lay, const char *s)
{
	char *end;
	long n;

	if (!ascii_ncasecmp(s, "http://", 7) || !ascii_ncasecmp(s, "https://", 8)) {
		strlist_add(&lay->urls, s);
	} else if (*s >= '0' && *s <= '9') {
		n = strtol(s, &end, 10);
		if (!ascii_casecmp(end, " source") || !ascii_casecmp(end, " sources"))
			lay->stated_sources = n;
	}
	/*
	 * Anything else says nothing countable: "Sources available to members"
	 * (the count follows on its own line), or a footer the browser copied.
	 */
}

static void read_page_labels(const struct page *pg, struct page_labels *lay)
{
	enum label part = L_NONE, pending = L_NONE;
	int paragraph = 0;

	for (size_t i = 0; i < pg->n; i++) {
		const char *s = pg->v[i].text, *value;
		long no = pg->v[i].no;
		enum label l = label_of(s, &value);

		/* Header labels only count in the header. */
		if ((l == L_VICTIM || l == L_DATE || l == L_LOCATION) && part != L_NONE)
			l = L_NONE;
		if (l == L_IMAGE) {
			paragraph = 1;	/* a picture stood here; the text around it is two paragraphs */
			continue;
		}
		if (l != L_NONE) {
			if (!lay->label_line[l])
				lay->label_line[l] = no;
			pending = L_NONE;
			if (l == L_VICTIM || l == L_DATE || l == L_LOCATION) {
				lay->field_line[l] = no;
				if (*value)
					lay->field[l] = value;
				else
					pending = l;
			} else if (l != L_MENU && l != L_BROWSE) {
				part = l;
				paragraph = 0;
			}
			continue;
		}
		if (!*s) {
			paragraph = 1;
			continue;
		}
		if (pending != L_NONE) {
			lay->field[pending] = s;
			lay->field_line[pending] = no;
			pending = L_NONE;
			continue;
		}
		switch (part) {
		case L_SUMMARY:
			if (!lay->summary.len)
				lay->summary_line = no;
			add_text(&lay->summary, s, &paragraph);
			break;
		case L_BLOCK1:
		case L_BLOCK2:
			if (!lay->values[part - L_BLOCK1]) {
				lay->values[part - L_BLOCK1] = s;
				lay->values_line[part - L_BLOCK1] = no;
			}
			break;
		case L_DESCRIPTION:
			add_text(&lay->description, s, &paragraph);
			break;
		case L_SOURCES:
			read_source_line(lay, s);
			break;
		default:
			break;	/* other navigation in the header */
		}
	}
}

/* --- from the labels to the incident --- */

/* A problem with a page: where, which field, what. */
struct problem {
	long line;
	const char *field;
	struct buf msg;
};

static int fail(struct problem *pb, long line, const char *field, const char *fmt, ...)
	ATTR_PRINTF(4, 5);

static int fail(struct problem *pb, long line, const char *field, const char *fmt, ...)
{
	va_list ap;

	pb->line = line;
	pb->field = field;
	va_start(ap, fmt);
	buf_vaddf(&pb->msg, fmt, ap);
	va_end(ap);
	return -1;
}

/* Reports a required label that is missing: where the next part starts, or where the page ends. */
static int missing(struct problem *pb, const struct page_labels *lay, const struct page *pg,
		   enum label l, const char *field)
{
	for (int next = l + 1; next < L_COUNT; next++)
		if (lay->label_line[next])
			return fail(pb, lay->label_line[next], field, "no '%s' line before '%s'",
				    labels[l].text, labels[next].text);
	return fail(pb, pg->v[pg->n - 1].no, field, "the page ends before its '%s' line",
		    labels[l].text);
}

/* "Mar 2025", "March 2025", "Sept. 2025". */
static int read_month(struct incident *inc, const char *s)
{
	const char *sp = strchr(s, ' ');
	long year;
	int month;

	if (!sp)
		return -1;
	month = wording_month(s, (size_t)(sp - s - (sp[-1] == ',')));
	while (*sp == ' ')
		sp++;
	if (!month || parse_long(sp, DATE_YEAR_MIN, DATE_YEAR_MAX, &year) < 0)
		return -1;
	return incident_set_date(inc, (int)year, month, 0);
}

/*
 * Reads the facts that come from wording: each derived with its phrase.
 * Each text is split into words once, for all the rules.
 */
static void read_wording(struct incident *inc, const struct words *summary)
{
	struct words description, name;
	const struct words *texts[2] = { summary, inc->description ? &description : NULL };
	char *phrase = NULL;
	int day = 0;

	words_split(&description, inc->description ? inc->description : "");
	words_split(&name, inc->victim);

	for (size_t i = 0; i < 2 && !day; i++) {
		day = wording_day(texts[1 - i], inc->year, inc->month, &phrase);
		if (day && incident_set_date(inc, inc->year, inc->month, day) == 0)
			incident_derive(inc, "date", phrase);
		free(phrase);
	}

	for (size_t i = 0; i < 3 && inc->public_sector < 0; i++) {
		const char *kind;
		int v = wording_public(i ? texts[i - 1] : &name, !i, &kind, &phrase);

		if (v >= 0) {
			inc->public_sector = v;
			incident_derive(inc, "public_sector", phrase);
			if (kind) {
				inc->public_kind = xstrdup(kind);
				incident_derive(inc, "public_kind", phrase);
			}
		}
		free(phrase);
	}
	for (size_t i = 0; i < 2 && !inc->type; i++) {
		const char *type = wording_type(texts[i], &phrase);

		if (type) {
			inc->type = xstrdup(type);
			incident_derive(inc, "type", phrase);
		}
		free(phrase);
	}

	for (size_t i = 0; i < 2 && inc->affected < 0; i++) {
		inc->affected = wording_affected(texts[i], &phrase);
		if (inc->affected >= 0)
			incident_derive(inc, "affected", phrase);
		free(phrase);
	}

	for (size_t i = 0; i < 2 && inc->contain_hours < 0; i++) {
		inc->contain_hours = wording_contain(texts[i], &inc->contain_approximate, &phrase);
		if (inc->contain_hours >= 0)
			incident_derive(inc, "time_to_contain", phrase);
		free(phrase);
	}

	for (size_t i = 0; i < 2 && inc->recover_hours < 0; i++) {
		inc->recover_hours = wording_recover(texts[i], &phrase);
		if (inc->recover_hours >= 0)
			incident_derive(inc, "time_to_recover", phrase);
		free(phrase);
	}
	words_release(&description);
	words_release(&name);
}

/* Reads the lines of values under the two blocks of labels the page has. */
static int read_value_lines(struct incident *inc, const struct page_labels *lay, struct problem *pb)
{
	for (int k = 0; k < 2; k++) {
		enum label block = k ? L_BLOCK2 : L_BLOCK1;

		if (!lay->label_line[block])
			continue;
		if (!lay->values[k]) {
			fail(pb, lay->label_line[block], NULL, "no line of values under '%s ...'",
			     labels[block].text);
			return -1;
		}
		if (pageattr_read_values(inc, lay->values[k], k) < 0) {
			fail(pb, lay->values_line[k], NULL, "'%.100s%s' does not read as the values of %s",
			     lay->values[k], strlen(lay->values[k]) > 100 ? "..." : "",
			     k ? "'Threat Actors', 'Type' and 'Location'" :
			     "'CIA Posture', 'Motives' and 'Tactics, Techniques & Procedures'");
			return -1;
		}
	}
	return 0;
}

/* The victim: its line, or else the one the summary's first sentence names. */
static int read_victim(struct incident *inc, const struct page_labels *lay, const struct words *summary,
		       struct problem *pb)
{
	if (lay->label_line[L_VICTIM]) {
		if (!lay->field[L_VICTIM]) {
			fail(pb, lay->field_line[L_VICTIM], "victim", "'Cyber Incident Victim:' has no value");
			return -1;
		}
		inc->victim = xstrdup(lay->field[L_VICTIM]);
	} else {
		char *phrase = NULL;

		inc->victim = wording_victim(summary, &phrase);
		if (inc->victim)
			incident_derive(inc, "victim", phrase);
		free(phrase);
		if (!inc->victim) {
			const char *stop = strstr(inc->summary, ". ");
			int n = stop && stop - inc->summary < 100 ? (int)(stop - inc->summary + 1) : 100;

			fail(pb, lay->summary_line, "victim", "no 'Cyber Incident Victim:' line, and the "
			     "summary's first sentence names no victim ('%.*s')", n, inc->summary);
			return -1;
		}
	}
	return 0;
}

/* Fills `inc` from one page. Returns 0, or -1 with what is wrong in `pb`. */
static int read_incident(const struct page *pg, struct incident *inc, struct problem *pb)
{
	struct page_labels lay = { .stated_sources = -1 };
	struct words summary = WORDS_INIT;
	struct buf key = BUF_INIT;
	const char *first = pg->v[0].text, *value, *s;
	enum label l = label_of(first, &value);
	int ret = -1;

	buf_init(&lay.summary);
	buf_init(&lay.description);
	strlist_init(&lay.urls);
	if (pg->overlong) {
		fail(pb, pg->v[0].no, NULL, "the page is longer than %zu MiB (expected an incident "
		     "page of a few KiB)", PAGE_MAX_BYTES >> 20);
		goto out;
	}
	if (pg->nul_line) {
		fail(pb, pg->nul_line, NULL, "the line contains a NUL byte at byte %zu", pg->nul_at);
		goto out;
	}
	if (l != L_MENU && l != L_BROWSE && l != L_VICTIM && l != L_DATE) {
		fail(pb, pg->v[0].no, NULL, "'%.60s' does not start an incident page "
		     "(expected 'Menu', 'Cyber Incident Victim:' or 'Date:')", first);
		goto out;
	}
	read_page_labels(pg, &lay);

	if (!lay.label_line[L_DATE]) {
		missing(pb, &lay, pg, L_DATE, "date");
		goto out;
	}
	if (!(s = lay.field[L_DATE])) {
		fail(pb, lay.field_line[L_DATE], "date", "'Date:' has no value (expected e.g. 'Mar 2025')");
		goto out;
	}
	if (read_month(inc, s) < 0) {
		fail(pb, lay.field_line[L_DATE], "date",
		     "value '%s' is not a month (expected e.g. 'Mar 2025')", s);
		goto out;
	}

	if (!lay.label_line[L_LOCATION]) {
		missing(pb, &lay, pg, L_LOCATION, "country");
		goto out;
	}
	if (!(s = lay.field[L_LOCATION])) {
		fail(pb, lay.field_line[L_LOCATION], "country",
		     "'Location:' has no value (expected a country name, e.g. 'Belgium')");
		goto out;
	}
	if (pageattr_read_countries(s, &inc->countries) < 0) {
		fail(pb, lay.field_line[L_LOCATION], "country",
		     "'%s' is not a country name known to ISO 3166-1", s);
		goto out;
	}

	if (!lay.label_line[L_SUMMARY]) {
		missing(pb, &lay, pg, L_SUMMARY, "summary");
		goto out;
	}
	if (!lay.summary.len) {
		fail(pb, lay.label_line[L_SUMMARY], "summary", "'Summary' is followed by no text");
		goto out;
	}
	inc->summary = xstrdup(lay.summary.buf);
	words_split(&summary, inc->summary);
	if (lay.description.len)
		inc->description = xstrdup(lay.description.buf);

	if (read_value_lines(inc, &lay, pb) < 0 || read_victim(inc, &lay, &summary, pb) < 0)
		goto out;

	for (size_t i = 0; i < lay.urls.n; i++)
		strlist_add(&inc->sources, lay.urls.v[i]);
	inc->source_count = lay.stated_sources >= 0 ? lay.stated_sources :
			    lay.urls.n ? (long)lay.urls.n : -1;

	read_wording(inc, &summary);

	buf_addf(&key, "page:%s|%04d-%02d|", inc->victim, inc->year, inc->month);
	for (size_t i = 0; i < inc->countries.n; i++)
		buf_addf(&key, "%s%s", i ? "," : "", inc->countries.v[i]);
	inc->key = buf_detach(&key, NULL);
	ret = 0;
out:
	buf_release(&key);
	page_labels_release(&lay);
	words_release(&summary);
	return ret;
}

int page_parse(struct parse_ctx *ctx)
{
	struct reader r = { .in = ctx->in };
	struct page pg = { NULL, 0, 0, 0, 0, 0, 0 };
	struct incident inc;
	struct input text, *file = ctx->in;
	const char *head;
	size_t len;
	int ret = 0, rc;

	/*
	 * A page saved as HTML is read as its visible text, whose lines count
	 * as the HTML file's lines in messages and provenance.
	 */
	head = input_peek(file, 4096, &len);
	if (!head)
		return -1;
	if (html_looks_like(head, len)) {
		if (html_open_text(file, &text) < 0)
			return -1;
		ctx->in = r.in = &text;
	}
	buf_init(&r.line);
	buf_init(&r.pending);
	incident_init(&inc);
	if (ctx->in != file && skip_chrome(&r) < 0)
		ret = -1;
	while (ret == 0 && (rc = read_page(&r, &pg)) != 0) {
		struct problem pb = { 0, NULL, BUF_INIT };

		if (rc < 0) {
			ret = -1;
			break;
		}
		if (read_incident(&pg, &inc, &pb) == 0)
			ret = parse_emit(ctx, &inc, pg.v[0].no);
		else
			ret = parse_reject(ctx, pb.line, pb.field, "%s", pb.msg.buf);
		incident_release(&inc);
		buf_release(&pb.msg);
	}
	page_clear(&pg);
	free(pg.v);
	buf_release(&r.line);
	buf_release(&r.pending);
	if (ctx->in != file) {
		input_close(&text);
		ctx->in = file;
	}
	return ret;
}
