#include "parse.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "wording.h"
#include "../util/buf.h"
#include "../util/country.h"
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
 *
 * The attribute block is read assuming the documented column order:
 * "CIA Posture", "Motives", "Tactics, Techniques & Procedures", then
 * "Threat Actors", "Type", "Location".
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

/* A values line of the attribute block has a dozen words, a long one 50. */
#define VALUES_MAX_WORDS 100

struct page {
	struct line *v;
	size_t n, alloc;
	size_t bytes;
	int overlong;		/* lines were dropped past PAGE_MAX_BYTES */
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
	buf_setlen(b, out);
	trim(b->buf);
	buf_setlen(b, strlen(b->buf));
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
		if (pg->bytes + r->line.len > PAGE_MAX_BYTES) {
			pg->overlong = 1;
			continue;	/* read on to the next page, keeping nothing */
		}
		pg->bytes += r->line.len;
		page_add(pg, r->line.buf, no);
	}
}

/* --- reading one page by its labels --- */

struct layout {
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

static void layout_release(struct layout *lay)
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

static void read_source_line(struct layout *lay, const char *s)
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

static void read_layout(const struct page *pg, struct layout *lay)
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

/* --- the attribute block --- */

enum shape { HIDDEN, COUNT, VALUE };

struct column {
	const char *unit;	/* counts read "1 motive", "3 motives"; NULL: no count */
	/* Both NULL-able: `check` must hold for a value, `strict` in the first pass. */
	int (*check)(char **tok, size_t from, size_t to);
	int (*strict)(char **tok, size_t from, size_t to);
};

struct split {
	char **tok;
	size_t ntok;
	const struct column *col;
	int lenient;
	enum shape shape[3];
	size_t from[3], to[3];
};

static int is_digits(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* A token without a trailing comma, lower-cased and hyphens as spaces, into `b`. */
static void token_key(struct buf *b, const char *tok)
{
	size_t n = strlen(tok);

	while (n && tok[n - 1] == ',')
		n--;
	for (size_t i = 0; i < n; i++)
		buf_addch(b, tok[i] == '-' ? ' ' : tok[i] >= 'A' && tok[i] <= 'Z' ? tok[i] + 32 : tok[i]);
}

static int cia_ok(char **tok, size_t from, size_t to)
{
	static const char *const ok[] = { "confidentiality", "integrity", "availability", "and", "&" };
	struct buf b = BUF_INIT;
	int good = 1;

	for (size_t i = from; i < to && good; i++) {
		buf_reset(&b);
		token_key(&b, tok[i]);
		good = 0;
		for (size_t k = 0; k < ARRAY_SIZE(ok); k++)
			good |= !strcmp(b.buf, ok[k]);
	}
	buf_release(&b);
	return good;
}

/* A MITRE ATT&CK technique id: T1566, T1566.001. */
static int is_technique_id(const char *s)
{
	size_t n = strspn(s + 1, "0123456789");

	return (*s == 'T' || *s == 't') && n == 4 &&
	       (!s[5] || s[5] == ',' || (s[5] == '.' && strspn(s + 6, "0123456789") == 3));
}

static int ttp_ok(char **tok, size_t from, size_t to)
{
	return to > from && is_technique_id(tok[from]);
}

/* Words for the type of threat actor, as the tracker writes them. */
static int type_ok(char **tok, size_t from, size_t to)
{
	static const char *const types[] = {
		"hacktivism", "hacktivist", "hacktivists", "nation state", "state sponsored",
		"state actor", "cybercriminal", "cybercriminals", "cybercrime", "criminal",
		"criminals", "organised crime", "organized crime", "insider", "unknown",
		"terrorist", "terrorism", "ransomware group", "ransomware gang", "other",
	};
	struct buf b = BUF_INIT;
	int good = 1;

	for (size_t i = from; i < to && good; i++) {
		size_t start;

		buf_reset(&b);
		for (start = i; i < to; i++) {
			if (i > start)
				buf_addch(&b, ' ');
			token_key(&b, tok[i]);
			if (strchr(tok[i], ','))
				break;
		}
		good = 0;
		for (size_t k = 0; k < ARRAY_SIZE(types); k++)
			good |= !strcmp(b.buf, types[k]);
	}
	buf_release(&b);
	return good;
}

static void join_tokens(struct buf *b, char **tok, size_t from, size_t to)
{
	buf_reset(b);
	for (size_t i = from; i < to; i++)
		buf_addf(b, "%s%s", i > from ? " " : "", tok[i]);
}

/*
 * Reads one country name, or several separated by commas, adding their
 * alpha-2 codes to `out` (NULL: only check). Returns 0, or -1 when a name
 * is not a country (`out` may then hold the codes before it).
 */
static int read_countries(const char *s, struct strlist *out)
{
	const char *code = country_code(s);
	char *copy, *item, *next;
	int ret = 0;

	if (code) {
		if (out)
			strlist_add_unique(out, code);
		return 0;
	}
	copy = xstrdup(s);
	for (item = copy; item && !ret; item = next) {
		next = strchr(item, ',');
		if (next)
			*next++ = '\0';
		code = country_code(trim(item));
		if (!code)
			ret = -1;
		else if (out)
			strlist_add_unique(out, code);
	}
	free(copy);
	return ret;
}

static int country_ok(char **tok, size_t from, size_t to)
{
	struct buf b = BUF_INIT;
	int good;

	join_tokens(&b, tok, from, to);
	good = read_countries(b.buf, NULL) == 0;
	buf_release(&b);
	return good;
}

static int members_at(const struct split *s, size_t i)
{
	return i + 2 < s->ntok && !ascii_casecmp(s->tok[i], "Available") &&
	       !ascii_casecmp(s->tok[i + 1], "to") && !ascii_casecmp(s->tok[i + 2], "members");
}

static int count_at(const struct split *s, size_t c, size_t i)
{
	const char *unit = s->col[c].unit;
	size_t n = unit ? strlen(unit) : 0;

	return unit && i + 1 < s->ntok && is_digits(s->tok[i]) &&
	       !ascii_ncasecmp(s->tok[i + 1], unit, n) &&
	       (!s->tok[i + 1][n] || !ascii_casecmp(s->tok[i + 1] + n, "s"));
}

/*
 * Matches columns c.. to tokens pos.., trying for each column the words
 * "Available to members", then a count, then values from the shortest up,
 * and backtracking when the rest of the line does not fit.
 */
static int split_from(struct split *s, size_t c, size_t pos)
{
	const struct column *col = &s->col[c];
	size_t first_end = pos + 1;

	if (c == 3)
		return pos == s->ntok;
	if (pos >= s->ntok)
		return 0;
	s->from[c] = pos;
	s->shape[c] = HIDDEN;
	s->to[c] = pos + 3;
	if (members_at(s, pos) && split_from(s, c + 1, pos + 3))
		return 1;
	s->shape[c] = COUNT;
	s->to[c] = pos + 2;
	if (count_at(s, c, pos) && split_from(s, c + 1, pos + 2))
		return 1;
	if (col->unit && is_digits(s->tok[pos]))
		return 0;
	s->shape[c] = VALUE;
	if (c == 2) {
		/* The last column takes the rest of the line: only one end to try. */
		for (size_t k = pos; k < s->ntok; k++)
			if (members_at(s, k))
				return 0;
		first_end = s->ntok;
	}
	for (size_t end = first_end; end <= s->ntok; end++) {
		if (members_at(s, end - 1))
			break;
		if (s->tok[end - 1][strlen(s->tok[end - 1]) - 1] == ',')
			continue;	/* a list goes on after a comma */
		if ((col->check && !col->check(s->tok, pos, end)) ||
		    (!s->lenient && col->strict && !col->strict(s->tok, pos, end)))
			continue;
		s->to[c] = end;
		if (split_from(s, c + 1, end))
			return 1;
	}
	return 0;
}

/*
 * Splits a value into items at commas or, when `by_id` is set and the value
 * starts with a technique id, before each id ("T1566 Phishing, T1078 Valid
 * Accounts": technique names may hold commas, ids never do).
 */
static void add_items(struct strlist *l, char **tok, size_t from, size_t to, int by_id)
{
	struct buf b = BUF_INIT;

	by_id = by_id && is_technique_id(tok[from]);
	for (size_t i = from; i < to; i++) {
		size_t n = strlen(tok[i]);
		int comma = tok[i][n - 1] == ',';

		if (b.len && by_id && is_technique_id(tok[i])) {
			strlist_add(l, b.buf);
			buf_reset(&b);
		}
		if (b.len)
			buf_addch(&b, ' ');
		buf_add(&b, tok[i], comma ? n - 1 : n);
		if (comma && !by_id) {
			strlist_add(l, b.buf);
			buf_reset(&b);
		}
	}
	if (b.len)
		strlist_add(l, b.buf);
	buf_release(&b);
}

static void set_column(const struct split *s, size_t c, struct strlist *list, long *count,
		       int by_id)
{
	if (s->shape[c] == COUNT) {
		*count = strtol(s->tok[s->from[c]], NULL, 10);
	} else if (s->shape[c] == VALUE) {
		add_items(list, s->tok, s->from[c], s->to[c], by_id);
		*count = (long)list->n;
	}
}

static const struct column line1[3] = {
	{ .unit = NULL, .check = cia_ok },	/* CIA Posture */
	{ .unit = "motive" },			/* Motives */
	{ .unit = "technique", .strict = ttp_ok },	/* Tactics, Techniques & Procedures */
};

static const struct column line2[3] = {
	{ .unit = "actor" },			/* Threat Actors */
	{ .unit = NULL, .strict = type_ok },	/* Type */
	{ .unit = NULL, .strict = country_ok },	/* Location */
};

/*
 * Reads one values line of the attribute block into `inc`. Returns 0, or
 * -1 when the line does not split into the three columns.
 *
 * Decisions: the actors list holds the actors' names when the page shows
 * them; when it shows only their type ("1 actor Hacktivism France"), the
 * type is the only description of the actor there is and goes into the
 * list instead, while actor_count keeps what the Threat Actors column
 * said. The actors' location is not stored: struct incident has no field
 * for it, and `countries` is the victim's.
 */
static int read_values(struct incident *inc, const char *line, int second)
{
	struct strlist tok = STRLIST_INIT;
	struct split s = { 0 };
	char *copy = xstrdup(line), *p, *save = NULL;
	int ret = -1;

	for (p = copy; (p = strtok_r(p, " \t", &save)); p = NULL)
		strlist_add(&tok, p);
	if (tok.n > VALUES_MAX_WORDS)
		goto out;
	s.tok = tok.v;
	s.ntok = tok.n;
	s.col = second ? line2 : line1;
	for (s.lenient = 0; s.lenient < 2 && ret < 0; s.lenient++)
		if (split_from(&s, 0, 0))
			ret = 0;
	if (ret < 0)
		goto out;
	if (!second) {
		struct buf b = BUF_INIT;

		for (size_t i = s.from[0]; s.shape[0] == VALUE && i < s.to[0]; i++) {
			buf_reset(&b);
			token_key(&b, s.tok[i]);
			if (strcmp(b.buf, "and") && strcmp(b.buf, "&")) {
				b.buf[0] = (char)(b.buf[0] - 32);	/* "Confidentiality" */
				strlist_add_unique(&inc->cia, b.buf);
			}
		}
		buf_release(&b);
		set_column(&s, 1, &inc->motives, &inc->motive_count, 0);
		set_column(&s, 2, &inc->techniques, &inc->technique_count, 1);
	} else {
		set_column(&s, 0, &inc->actors, &inc->actor_count, 0);
		if (s.shape[0] != VALUE && s.shape[1] == VALUE)
			add_items(&inc->actors, s.tok, s.from[1], s.to[1], 0);
	}
out:
	strlist_release(&tok);
	free(copy);
	return ret;
}

/* --- from layout to incident --- */

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
static int missing(struct problem *pb, const struct layout *lay, const struct page *pg,
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
	if (!month || parse_long(sp, 1900, 2999, &year) < 0)
		return -1;
	return incident_set_date(inc, (int)year, month, 0);
}

/* Reads the facts that come from wording: each derived with its phrase. */
static void read_wording(struct incident *inc)
{
	const char *texts[] = { inc->summary, inc->description };
	char *phrase = NULL;
	int day = 0;

	for (size_t i = 0; i < 2 && !day; i++) {
		day = wording_day(texts[1 - i], inc->year, inc->month, &phrase);
		if (day && incident_set_date(inc, inc->year, inc->month, day) == 0)
			incident_derive(inc, "date", phrase);
		free(phrase);
	}

	for (size_t i = 0; i < 3 && inc->public_sector < 0; i++) {
		const char *kind;
		int v = wording_public(i ? texts[i - 1] : inc->victim, !i, &kind, &phrase);

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
}

/* Fills `inc` from one page. Returns 0, or -1 with what is wrong in `pb`. */
static int read_incident(const struct page *pg, struct incident *inc, struct problem *pb)
{
	struct layout lay = { .stated_sources = -1 };
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
	if (l != L_MENU && l != L_BROWSE && l != L_VICTIM && l != L_DATE) {
		fail(pb, pg->v[0].no, NULL, "'%.60s' does not start an incident page "
		     "(expected 'Menu', 'Cyber Incident Victim:' or 'Date:')", first);
		goto out;
	}
	read_layout(pg, &lay);

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
	if (read_countries(s, &inc->countries) < 0) {
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
	if (lay.description.len)
		inc->description = xstrdup(lay.description.buf);

	for (int k = 0; k < 2; k++) {
		enum label block = k ? L_BLOCK2 : L_BLOCK1;

		if (!lay.label_line[block])
			continue;
		if (!lay.values[k]) {
			fail(pb, lay.label_line[block], NULL, "no line of values under '%s ...'",
			     labels[block].text);
			goto out;
		}
		if (read_values(inc, lay.values[k], k) < 0) {
			fail(pb, lay.values_line[k], NULL, "'%.100s%s' does not read as the values of %s",
			     lay.values[k], strlen(lay.values[k]) > 100 ? "..." : "",
			     k ? "'Threat Actors', 'Type' and 'Location'" :
			     "'CIA Posture', 'Motives' and 'Tactics, Techniques & Procedures'");
			goto out;
		}
	}

	if (lay.label_line[L_VICTIM]) {
		if (!(s = lay.field[L_VICTIM])) {
			fail(pb, lay.field_line[L_VICTIM], "victim", "'Cyber Incident Victim:' has no value");
			goto out;
		}
		inc->victim = xstrdup(s);
	} else {
		char *phrase = NULL;

		inc->victim = wording_victim(inc->summary, &phrase);
		if (inc->victim)
			incident_derive(inc, "victim", phrase);
		free(phrase);
		if (!inc->victim) {
			const char *stop = strstr(inc->summary, ". ");
			int n = stop && stop - inc->summary < 100 ? (int)(stop - inc->summary + 1) : 100;

			fail(pb, lay.summary_line, "victim", "no 'Cyber Incident Victim:' line, and the "
			     "summary's first sentence names no victim ('%.*s')", n, inc->summary);
			goto out;
		}
	}

	for (size_t i = 0; i < lay.urls.n; i++)
		strlist_add(&inc->sources, lay.urls.v[i]);
	inc->source_count = lay.stated_sources >= 0 ? lay.stated_sources :
			    lay.urls.n ? (long)lay.urls.n : -1;

	read_wording(inc);

	buf_addf(&key, "page:%s|%04d-%02d|", inc->victim, inc->year, inc->month);
	for (size_t i = 0; i < inc->countries.n; i++)
		buf_addf(&key, "%s%s", i ? "," : "", inc->countries.v[i]);
	inc->key = buf_detach(&key, NULL);
	ret = 0;
out:
	buf_release(&key);
	layout_release(&lay);
	return ret;
}

int page_parse(struct parse_ctx *ctx)
{
	struct reader r = { .in = ctx->in };
	struct page pg = { NULL, 0, 0, 0, 0 };
	struct incident inc;
	int ret = 0, rc;

	buf_init(&r.line);
	buf_init(&r.pending);
	incident_init(&inc);
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
	return ret;
}
