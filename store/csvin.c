/*
 * The CSV importer: one incident per row of an RFC 4180 file whose first
 * row names the columns. docs/csv-format.md describes the columns for
 * users; this comment says how the file is read.
 *
 * libcsv does the quoting. We feed it one line at a time (input_getline()
 * plus the "\n" that removed) so that we always know where we are: a record
 * begins on the first non-blank line read while no record is open, and as
 * only "\n" ends a row (see is_lf()), at most one record ends per line, at
 * its end. A record stays open across lines only inside a quoted value, whose
 * line ends therefore arrive as "\n" whatever the file used. libcsv skips
 * blank lines between records and removes the spaces around unquoted values.
 *
 * Every message about a record gives the line the record begins on.
 */
#include "parse.h"

#include <csv.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/country.h"
#include "../util/banned.h"


/*
 * A record longer than this is an error that stops the import: it is almost
 * certainly a quote left open, which would otherwise swallow the rest of the
 * file into one value.
 */
#define CSV_MAX_RECORD ((size_t)1 << 20)

/* Values quoted back in messages are cut to this many bytes. */
#define ECHO_MAX 60

#define BOM "\xEF\xBB\xBF"

enum col {
	COL_ID,
	COL_VICTIM,
	COL_DATE,
	COL_COUNTRY,
	COL_SECTOR,
	COL_PUBLIC_SECTOR,
	COL_PUBLIC_KIND,
	COL_TYPE,
	COL_SUMMARY,
	COL_DESCRIPTION,
	COL_AFFECTED,
	COL_CONTAIN_HOURS,
	COL_CONTAIN_APPROX,
	COL_RECOVER_HOURS,
	COL_MOTIVES,
	COL_TECHNIQUES,
	COL_ACTORS,
	COL_SOURCES,
	COL_CIA,
	COL_MOTIVE_COUNT,
	COL_TECHNIQUE_COUNT,
	COL_ACTOR_COUNT,
	COL_SOURCE_COUNT,
	COL_NR
};

/* Keep in step with docs/csv-format.md. */
static const char *const col_names[COL_NR] = {
	[COL_ID] = "id",
	[COL_VICTIM] = "victim",
	[COL_DATE] = "date",
	[COL_COUNTRY] = "country",
	[COL_SECTOR] = "sector",
	[COL_PUBLIC_SECTOR] = "public_sector",
	[COL_PUBLIC_KIND] = "public_kind",
	[COL_TYPE] = "type",
	[COL_SUMMARY] = "summary",
	[COL_DESCRIPTION] = "description",
	[COL_AFFECTED] = "affected",
	[COL_CONTAIN_HOURS] = "time_to_contain_hours",
	[COL_CONTAIN_APPROX] = "contain_approximate",
	[COL_RECOVER_HOURS] = "recover_hours",
	[COL_MOTIVES] = "motives",
	[COL_TECHNIQUES] = "techniques",
	[COL_ACTORS] = "actors",
	[COL_SOURCES] = "sources",
	[COL_CIA] = "cia",
	[COL_MOTIVE_COUNT] = "motive_count",
	[COL_TECHNIQUE_COUNT] = "technique_count",
	[COL_ACTOR_COUNT] = "actor_count",
	[COL_SOURCE_COUNT] = "source_count",
};

/*
 * The vocabularies of store/incident.h. NEEDSWORK: incident.h has them only
 * in a comment; if it exported them, importers would not each copy them.
 */
static const char *const types[] = {
	"ransomware", "account compromise", "phishing", "denial of service",
	"data breach", "intrusion", "malware", "insider misuse", "error",
	"theft or loss", "environmental", "other",
};

static const char *const public_kinds[] = {
	"municipality", "region", "government agency", "social welfare",
	"hospital", "school", "university", "police", "court", "defence",
	"fire service", "public body",
};

static const char *const cia_words[] = { "Confidentiality", "Integrity", "Availability" };

/* Each list column and the count column that may override its length. */
static const struct {
	enum col list, count;
	const char *noun;	/* for messages: "3 motives" */
} counted[] = {
	{ COL_MOTIVES, COL_MOTIVE_COUNT, "motives" },
	{ COL_TECHNIQUES, COL_TECHNIQUE_COUNT, "techniques" },
	{ COL_ACTORS, COL_ACTOR_COUNT, "actors" },
	{ COL_SOURCES, COL_SOURCE_COUNT, "sources" },
};

/* The ids seen so far in the file, with the line of their record. */
struct idset {
	struct idslot {
		char *id;	/* NULL for a free slot */
		long line;
	} *slot;
	size_t nr, size;	/* size is 0 or a power of two */
};

struct field {
	char *s;		/* NUL-terminated copy */
	size_t len;		/* less than strlen(s) when the value holds a NUL */
};

struct csvin {
	struct parse_ctx *ctx;
	struct csv_parser p;

	/* The record being read. */
	struct field *f;
	size_t nr, alloc;
	int open;		/* a record has begun and not yet ended */
	int ended;		/* libcsv ended a row during the last feed */
	long start;		/* the line the open record began on */
	size_t bytes;		/* bytes of the open record so far */

	/* The header, once read. */
	int have_header;
	size_t ncols;
	enum col *col;		/* the column of each field, ncols of them */
	int col_of[COL_NR];	/* the field index of each column, -1 if absent */

	struct idset ids;
};

static long idset_add(struct idset *s, const char *id, long line);

/* Only "\n" ends a row: a lone "\r" inside a line is data, not a line end. */
static int is_lf(unsigned char c)
{
	return c == '\n';
}

static void parser_init(struct csv_parser *p)
{
	/*
	 * CSV_STRICT makes a quote inside an unquoted value, or text after a
	 * closing quote, an error rather than a guess. Memory comes from
	 * xrealloc(), which dies rather than fail, so CSV_ENOMEM cannot happen.
	 */
	if (csv_init(p, CSV_STRICT | CSV_APPEND_NULL))
		die("out of memory (csv parser)");
	csv_set_term_func(p, is_lf);
	csv_set_realloc_func(p, xrealloc);
	csv_set_blk_size(p, 4096);
}

static void on_field(void *s, size_t len, void *data)
{
	struct csvin *c = data;
	struct field *f;

	ALLOC_GROW(c->f, c->nr + 1, c->alloc);
	f = &c->f[c->nr++];
	f->s = s ? xstrndup(s, len) : xstrdup("");
	f->len = s ? len : 0;
}

static void on_row(int term, void *data)
{
	struct csvin *c = data;

	(void)term;
	c->ended = 1;
}

static void clear_fields(struct csvin *c)
{
	for (size_t i = 0; i < c->nr; i++)
		free(c->f[i].s);
	c->nr = 0;
}

/* The name of the column of field `i` of a record, NULL when there is none. */
static const char *field_name(const struct csvin *c, size_t i)
{
	return c->have_header && i < c->ncols ? col_names[c->col[i]] : NULL;
}

/*
 * Appends `s` for quoting in a message: cut to ECHO_MAX bytes (at a
 * character boundary) and with control characters made visible.
 */
static void add_echo(struct buf *b, const char *s)
{
	size_t n = strlen(s), cut = n;

	if (n > ECHO_MAX) {
		cut = ECHO_MAX;
		while (cut && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	for (size_t i = 0; i < cut; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x20 || ch == 0x7F)
			buf_addf(b, "\\x%02X", ch);
		else
			buf_addch(b, ch);
	}
	if (cut < n)
		buf_adds(b, "...");
}

/* Appends "value 'V' " and the rest of the message to `why`. Returns -1. */
static int bad(struct buf *why, const char *v, const char *fmt, ...) ATTR_PRINTF(3, 4);
static int bad(struct buf *why, const char *v, const char *fmt, ...)
{
	va_list ap;

	buf_adds(why, "value '");
	add_echo(why, v);
	buf_adds(why, "' ");
	va_start(ap, fmt);
	buf_vaddf(why, fmt, ap);
	va_end(ap);
	return -1;
}

static int header_error(struct csvin *c, const char *fmt, ...) ATTR_PRINTF(2, 3);
static int header_error(struct csvin *c, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	error("'%s':%ld: header: %s", c->ctx->in->name, c->start, msg.buf);
	buf_release(&msg);
	return -1;
}

/*
 * Returns the offset of the first byte of `s` that does not belong to a
 * well-formed UTF-8 character (no overlong forms, no surrogates, nothing
 * past U+10FFFF), counting NUL as bad too; `len` when there is none.
 */
static size_t utf8_bad_at(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i], cp, min;
		size_t n;

		if (c == 0)
			return i;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1, cp = c & 0x1F, min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2, cp = c & 0x0F, min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3, cp = c & 0x07, min = 0x10000;
		} else {
			return i;
		}
		if (len - i <= n)
			return i;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n + 1;
	}
	return len;
}

static int check_utf8(const struct field *f, struct buf *why)
{
	size_t at = utf8_bad_at(f->s, f->len);

	if (at == f->len)
		return 0;
	if (!f->s[at])
		buf_addf(why, "value contains a NUL byte (at byte %zu)", at + 1);
	else
		buf_addf(why, "value is not valid UTF-8: byte 0x%02X at byte %zu "
			 "(expected UTF-8 text; save the file as UTF-8)",
			 (unsigned char)f->s[at], at + 1);
	return -1;
}

static int is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* A copy of a text value, or NULL when it is empty or only white space. */
static char *text(const char *v)
{
	const char *p = v;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return *p ? xstrdup(v) : NULL;
}

/*
 * Adds the items of a ';'-separated list to `l`, trimmed, leaving out empty
 * items and repeats. Modifies `v`.
 */
static void split_list(struct strlist *l, char *v)
{
	char *item = v, *semi;

	for (;;) {
		semi = strchr(item, ';');
		if (semi)
			*semi = '\0';
		trim(item);
		if (*item)
			strlist_add_unique(l, item);
		if (!semi)
			break;
		item = semi + 1;
	}
}

static int parse_bool(const char *v, int *out)
{
	static const char *const yes[] = { "yes", "true", "1" };
	static const char *const no[] = { "no", "false", "0" };

	for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
		if (!ascii_casecmp(v, yes[i])) {
			*out = 1;
			return 0;
		}
		if (!ascii_casecmp(v, no[i])) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

/* Exactly YYYY, YYYY-MM or YYYY-MM-DD, then a real calendar date. */
static int set_date(struct incident *inc, const char *v)
{
	static const char shape[] = "dddd-dd-dd";
	size_t n = strlen(v);
	int y, m = 0, d = 0;

	if (n != 4 && n != 7 && n != 10)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (shape[i] == 'd' ? v[i] < '0' || v[i] > '9' : v[i] != '-')
			return -1;
	y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
	if (n >= 7)
		m = (v[5] - '0') * 10 + (v[6] - '0');
	if (n == 10)
		d = (v[8] - '0') * 10 + (v[9] - '0');
	if (n >= 7 && !m)
		return -1;
	if (n == 10 && !d)
		return -1;
	return incident_set_date(inc, y, m, d);
}

/*
 * Digits with at most one decimal point ("36", "1.5", ".5"): no sign,
 * exponent, "inf" or hexadecimal, which strtod() would all take.
 */
static int parse_hours(const char *v, double *out)
{
	const char *p = v;
	size_t digits = 0;
	char *end;
	double h;

	for (; *p >= '0' && *p <= '9'; p++)
		digits++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
	if (!digits || *p)
		return -1;
	errno = 0;
	h = strtod(v, &end);
	if (errno || end != p)
		return -1;
	*out = h;
	return 0;
}

/* The canonical word of `v` in `words` (any letter case), or NULL. */
static const char *vocab(const char *v, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_casecmp(v, words[i]))
			return words[i];
	return NULL;
}

static void add_words(struct buf *b, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_addf(b, "%s%s", i ? ", " : "", words[i]);
}

static int set_vocab(char **out, const char *v, const char *const *words, size_t n,
		     const char *what, struct buf *why)
{
	const char *w = vocab(v, words, n);

	if (!w) {
		bad(why, v, "is not %s (expected one of: ", what);
		add_words(why, words, n);
		buf_addch(why, ')');
		return -1;
	}
	*out = xstrdup(w);
	return 0;
}

static int set_countries(struct strlist *l, char *v, struct buf *why)
{
	struct strlist items = STRLIST_INIT;
	int ret = 0;

	split_list(&items, v);
	for (size_t i = 0; i < items.n; i++) {
		const char *cc = country_code(items.v[i]);

		if (!cc) {
			ret = bad(why, items.v[i], "is not a country (expected an ISO 3166-1 "
				  "alpha-2 code or an English name, several separated by ';')");
			break;
		}
		strlist_add_unique(l, cc);
	}
	strlist_release(&items);
	return ret;
}

/* 0, 1, 2 for the word or initial of C, I, A (any letter case), else -1. */
static int cia_index(const char *s)
{
	for (int k = 0; k < 3; k++)
		if (!ascii_casecmp(s, cia_words[k]) ||
		    (s[0] && !s[1] && (s[0] | 0x20) == (cia_words[k][0] | 0x20)))
			return k;
	return -1;
}

/*
 * Items are the words (any letter case) or their initials, which may also
 * be run together: "C;A", "CA" and "confidentiality; availability" are the
 * same. The list is kept in the order C, I, A whatever the input's order.
 */
static int set_cia(struct strlist *l, char *v, struct buf *why)
{
	struct strlist items = STRLIST_INIT;
	int seen[3] = { 0, 0, 0 };
	int ret = 0;

	split_list(&items, v);
	for (size_t i = 0; i < items.n && !ret; i++) {
		const char *item = items.v[i];
		int k = cia_index(item);

		if (k >= 0) {
			seen[k] = 1;
			continue;
		}
		for (const char *p = item; *p; p++) {
			char initial[2] = { *p, '\0' };

			k = cia_index(initial);
			if (k < 0) {
				ret = bad(why, item, "is not a CIA attribute (expected Confidentiality, "
					  "Integrity, Availability or their initials C, I, A, "
					  "separated by ';')");
				break;
			}
			seen[k] = 1;
		}
	}
	for (size_t k = 0; k < 3 && !ret; k++)
		if (seen[k])
			strlist_add(l, cia_words[k]);
	strlist_release(&items);
	return ret;
}

static int set_id(struct csvin *c, struct incident *inc, const char *v, struct buf *why)
{
	struct buf key = BUF_INIT;
	long first;

	if (!*v) {
		buf_adds(why, "is empty; every record needs an id");
		return -1;
	}
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			return bad(why, v, "contains a control character (expected an id on one line)");
	first = idset_add(&c->ids, v, c->start);
	if (first)
		return bad(why, v, "is already the id of the record on line %ld "
			   "(expected ids unique in the file)", first);
	buf_addf(&key, "csv:%s", v);
	inc->key = buf_detach(&key, NULL);
	return 0;
}

static long *count_of(struct incident *inc, enum col col)
{
	switch (col) {
	case COL_MOTIVE_COUNT: return &inc->motive_count;
	case COL_TECHNIQUE_COUNT: return &inc->technique_count;
	case COL_ACTOR_COUNT: return &inc->actor_count;
	default: return &inc->source_count;
	}
}

static struct strlist *list_of(struct incident *inc, enum col col)
{
	switch (col) {
	case COL_MOTIVES: return &inc->motives;
	case COL_TECHNIQUES: return &inc->techniques;
	case COL_ACTORS: return &inc->actors;
	default: return &inc->sources;
	}
}

/*
 * Reads the value of one column into `inc`. Returns 0, or -1 with what is
 * wrong in `why` (the message part after "field 'NAME': "). Text columns
 * keep quoted values as written; the others are trimmed first, and `v`
 * may be modified.
 */
static int set_column(struct csvin *c, struct incident *inc, enum col col, char *v,
		      struct buf *why)
{
	long n;

	switch (col) {
	case COL_VICTIM:
		inc->victim = text(v);
		return 0;
	case COL_SUMMARY:
		inc->summary = text(v);
		return 0;
	case COL_DESCRIPTION:
		inc->description = text(v);
		return 0;
	default:
		break;
	}

	trim(v);
	if (col == COL_ID)
		return set_id(c, inc, v, why);
	if (col == COL_DATE && !*v) {
		buf_adds(why, "is empty; every record needs a date (YYYY-MM-DD, YYYY-MM or YYYY)");
		return -1;
	}
	if (!*v)
		return 0;	/* unknown */

	switch (col) {
	case COL_DATE:
		if (set_date(inc, v) < 0)
			return bad(why, v, "is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)");
		return 0;
	case COL_COUNTRY:
		return set_countries(&inc->countries, v, why);
	case COL_SECTOR:
		split_list(&inc->sectors, v);
		return 0;
	case COL_PUBLIC_SECTOR:
		if (parse_bool(v, &inc->public_sector) < 0)
			return bad(why, v, "is not yes or no (expected yes, no, true, false, 1, 0, "
				   "or nothing for unknown)");
		return 0;
	case COL_PUBLIC_KIND:
		return set_vocab(&inc->public_kind, v, public_kinds, ARRAY_SIZE(public_kinds),
				 "a kind of public body", why);
	case COL_TYPE:
		return set_vocab(&inc->type, v, types, ARRAY_SIZE(types),
				 "an incident type", why);
	case COL_AFFECTED:
		if (parse_long(v, 0, LONG_MAX, &n) < 0)
			return bad(why, v, "is not a non-negative whole number");
		inc->affected = n;
		return 0;
	case COL_CONTAIN_HOURS:
	case COL_RECOVER_HOURS:
		if (parse_hours(v, col == COL_CONTAIN_HOURS ? &inc->contain_hours : &inc->recover_hours) < 0)
			return bad(why, v, "is not a non-negative number of hours (expected digits, "
				   "with a decimal point if needed: 36, 1.5)");
		return 0;
	case COL_CONTAIN_APPROX:
		if (parse_bool(v, &inc->contain_approximate) < 0)
			return bad(why, v, "is not yes or no (expected yes, no, true, false, 1, 0)");
		return 0;
	case COL_MOTIVES:
	case COL_TECHNIQUES:
	case COL_ACTORS:
	case COL_SOURCES:
		split_list(list_of(inc, col), v);
		return 0;
	case COL_CIA:
		return set_cia(&inc->cia, v, why);
	case COL_MOTIVE_COUNT:
	case COL_TECHNIQUE_COUNT:
	case COL_ACTOR_COUNT:
	case COL_SOURCE_COUNT:
		if (parse_long(v, 0, LONG_MAX, count_of(inc, col)) < 0)
			return bad(why, v, "is not a non-negative whole number");
		return 0;
	default:
		die("csvin: column %d has no reader", (int)col);
	}
}

/*
 * Checks that the columns agree and fills in what follows from them.
 * Returns 0, or -1 with the column at fault in *col and what is wrong in `why`.
 */
static int finish_record(struct incident *inc, enum col *col, struct buf *why)
{
	if (inc->public_kind) {
		if (!inc->public_sector) {
			*col = COL_PUBLIC_KIND;
			return bad(why, inc->public_kind, "names a public body, but public_sector "
				   "says no (expected public_kind empty, or public_sector yes)");
		}
		inc->public_sector = 1;
	}
	if (inc->contain_approximate && inc->contain_hours < 0) {
		*col = COL_CONTAIN_APPROX;
		buf_adds(why, "is yes, but time_to_contain_hours is empty "
			 "(expected an approximate time to go with it)");
		return -1;
	}
	/*
	 * A count column says how many items the source knew of, shown or not,
	 * so it may exceed the list, never fall short of it. Without one, a
	 * list gives its length; an empty list cell is unknown, not zero.
	 */
	for (size_t i = 0; i < ARRAY_SIZE(counted); i++) {
		long *count = count_of(inc, counted[i].count);
		size_t n = list_of(inc, counted[i].list)->n;

		if (*count < 0) {
			if (n)
				*count = (long)n;
		} else if ((size_t)*count < n) {
			char v[32];

			*col = counted[i].count;
			snprintf(v, sizeof(v), "%ld", *count);
			return bad(why, v, "is less than the %zu %s listed in column '%s'",
				   n, counted[i].noun, col_names[counted[i].list]);
		}
	}
	return 0;
}

static int read_record(struct csvin *c)
{
	struct parse_ctx *ctx = c->ctx;
	struct incident inc;
	struct buf why = BUF_INIT;
	enum col col = COL_ID;
	int ret = 0;

	incident_init(&inc);
	if (c->nr != c->ncols) {
		ret = parse_reject(ctx, c->start, NULL, "has %zu field%s, the header has %zu",
				   c->nr, c->nr == 1 ? "" : "s", c->ncols);
		goto out;
	}
	for (size_t i = 0; i < c->nr; i++) {
		if (check_utf8(&c->f[i], &why) < 0) {
			col = c->col[i];
			goto reject;
		}
	}
	for (int k = 0; k < COL_NR; k++) {
		col = (enum col)k;
		if (c->col_of[col] >= 0 && set_column(c, &inc, col, c->f[c->col_of[col]].s, &why) < 0)
			goto reject;
	}
	if (finish_record(&inc, &col, &why) < 0)
		goto reject;
	ret = parse_emit(ctx, &inc, c->start);
	goto out;

reject:
	ret = parse_reject(ctx, c->start, col_names[col], "%s", why.buf);
out:
	incident_release(&inc);
	buf_release(&why);
	return ret;
}

static int column_by_name(const char *name)
{
	for (int k = 0; k < COL_NR; k++)
		if (!ascii_casecmp(name, col_names[k]))
			return k;
	return -1;
}

static int read_header(struct csvin *c)
{
	struct buf b = BUF_INIT;
	int ret = 0;

	c->ncols = c->nr;
	c->col = xcalloc(c->nr, sizeof(*c->col));
	for (size_t i = 0; i < c->nr; i++) {
		struct field *f = &c->f[i];
		int col;

		if (utf8_bad_at(f->s, f->len) < f->len) {
			ret = header_error(c, "column %zu: the name is not valid UTF-8", i + 1);
			goto out;
		}
		if (strchr(f->s, '\r')) {
			ret = header_error(c, "lines end in a carriage return alone "
					   "(expected LF or CRLF line ends)");
			goto out;
		}
		trim(f->s);
		if (!*f->s) {
			ret = header_error(c, "column %zu has no name", i + 1);
			goto out;
		}
		col = column_by_name(f->s);
		if (col < 0) {
			buf_adds(&b, "unknown column '");
			add_echo(&b, f->s);
			buf_adds(&b, "' (known columns: ");
			add_words(&b, col_names, COL_NR);
			buf_addch(&b, ')');
			ret = header_error(c, "%s", b.buf);
			goto out;
		}
		if (c->col_of[col] >= 0) {
			ret = header_error(c, "column '%s' appears twice (columns %d and %zu)",
					   col_names[col], c->col_of[col] + 1, i + 1);
			goto out;
		}
		c->col_of[col] = (int)i;
		c->col[i] = (enum col)col;
	}
	if (c->col_of[COL_ID] < 0 || c->col_of[COL_DATE] < 0) {
		ret = header_error(c, "required column '%s' is missing (every file needs "
				   "an 'id' and a 'date' column)",
				   col_names[c->col_of[COL_ID] < 0 ? COL_ID : COL_DATE]);
		goto out;
	}
	c->have_header = 1;
out:
	buf_release(&b);
	return ret;
}

/* libcsv stopped at a quote where none may be. The rest of the line is lost. */
static int quote_error(struct csvin *c, long line)
{
	struct buf where = BUF_INIT;
	int ret;

	if (line != c->start)
		buf_addf(&where, " on line %ld", line);
	if (!c->have_header) {
		ret = header_error(c, "column %zu: a double quote inside an unquoted name, "
				   "or text after a closing quote%s", c->nr + 1, where.buf);
	} else {
		ret = parse_reject(c->ctx, c->start, field_name(c, c->nr),
				   "a double quote inside an unquoted value, or text after "
				   "a closing quote%s (expected the whole value in double "
				   "quotes, with each quote inside it doubled)", where.buf);
	}
	buf_release(&where);
	csv_free(&c->p);
	parser_init(&c->p);
	clear_fields(c);
	c->open = 0;
	return ret;
}

/* Feeds one line (without its line end) to libcsv; handles a record it ends. */
static int feed(struct csvin *c, const char *s, size_t n, long line)
{
	int ret;

	if (!c->open) {
		c->start = line;
		c->bytes = 0;
	}
	c->bytes += n + 1;
	if (c->bytes > CSV_MAX_RECORD) {
		/* No way to tell where the next record starts: stop whatever skip_bad says. */
		if (!c->have_header)
			return header_error(c, "longer than %zu MiB (is a quote left open?)",
					    CSV_MAX_RECORD >> 20);
		parse_reject(c->ctx, c->start, NULL, "record is longer than %zu MiB "
			     "(is a quote left open?); stopping", CSV_MAX_RECORD >> 20);
		return -1;
	}
	c->ended = 0;
	if (csv_parse(&c->p, s, n, on_field, on_row, c) != n ||
	    csv_parse(&c->p, "\n", 1, on_field, on_row, c) != 1)
		return quote_error(c, line);
	if (!c->ended) {
		if (!is_blank(s, n))
			c->open = 1;
		return 0;
	}
	c->open = 0;
	ret = c->have_header ? read_record(c) : read_header(c);
	clear_fields(c);
	return ret;
}

int csvin_parse(struct parse_ctx *ctx)
{
	struct csvin c;
	struct buf line = BUF_INIT;
	int ret = 0, r;

	memset(&c, 0, sizeof(c));
	c.ctx = ctx;
	for (int k = 0; k < COL_NR; k++)
		c.col_of[k] = -1;
	parser_init(&c.p);

	while ((r = input_getline(ctx->in, &line)) > 0) {
		const char *s = line.buf;
		size_t n = line.len;

		if (ctx->in->line == 1 && n >= 3 && !memcmp(s, BOM, 3)) {
			s += 3;
			n -= 3;
		}
		if (feed(&c, s, n, ctx->in->line) < 0) {
			ret = -1;
			goto out;
		}
	}
	if (r < 0) {
		ret = -1;
		goto out;
	}
	if (c.open) {
		if (!c.have_header)
			ret = header_error(&c, "a quoted name is not closed before the end of the file");
		else if (parse_reject(ctx, c.start, field_name(&c, c.nr),
				      "a quoted value is not closed before the end of the file "
				      "(expected a closing double quote)") < 0)
			ret = -1;
	} else if (!c.have_header) {
		ret = error("'%s': header: the file is empty (expected a header row "
			    "naming the columns)", ctx->in->name);
	}
out:
	csv_free(&c.p);
	clear_fields(&c);
	free(c.f);
	free(c.col);
	for (size_t i = 0; i < c.ids.size; i++)
		free(c.ids.slot[i].id);
	free(c.ids.slot);
	buf_release(&line);
	return ret;
}

static void idset_grow(struct idset *s)
{
	struct idslot *old = s->slot;
	size_t old_size = s->size;

	s->size = old_size ? 2 * old_size : 64;
	s->slot = xcalloc(s->size, sizeof(*s->slot));
	for (size_t i = 0; i < old_size; i++) {
		size_t j;

		if (!old[i].id)
			continue;
		j = fnv64(FNV64_INIT, old[i].id, strlen(old[i].id)) & (s->size - 1);
		while (s->slot[j].id)
			j = (j + 1) & (s->size - 1);
		s->slot[j] = old[i];
	}
	free(old);
}

/*
 * Returns the line of the earlier record with `id`, or 0 after adding it.
 * Open addressing, at most half full: files of many thousand rows stay fast.
 */
static long idset_add(struct idset *s, const char *id, long line)
{
	size_t i, mask;

	if (2 * (s->nr + 1) > s->size)
		idset_grow(s);
	mask = s->size - 1;
	for (i = fnv64(FNV64_INIT, id, strlen(id)) & mask; s->slot[i].id; i = (i + 1) & mask)
		if (!strcmp(s->slot[i].id, id))
			return s->slot[i].line;
	s->slot[i].id = xstrdup(id);
	s->slot[i].line = line;
	s->nr++;
	return 0;
}

struct look {
	int id, date;
};

static void look_field(void *s, size_t len, void *data)
{
	struct look *l = data;
	const char *p = s ? s : "";

	while (len && (*p == ' ' || *p == '\t'))
		p++, len--;
	while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	if (len == 2 && !ascii_ncasecmp(p, "id", 2))
		l->id = 1;
	if (len == 4 && !ascii_ncasecmp(p, "date", 4))
		l->date = 1;
}

static void look_row(int term, void *data)
{
	(void)term;
	(void)data;
}

int csv_looks_like(const char *data, size_t len)
{
	struct csv_parser cp;
	struct look l = { 0, 0 };
	size_t i = 0, n;
	const char *nl;
	int ok;

	if (len >= 3 && !memcmp(data, BOM, 3))
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	data += i;
	len -= i;
	nl = memchr(data, '\n', len);
	n = nl ? (size_t)(nl - data) : len;
	if (n && data[n - 1] == '\r')
		n--;
	parser_init(&cp);
	ok = csv_parse(&cp, data, n, look_field, look_row, &l) == n &&
	     csv_fini(&cp, look_field, look_row, &l) == 0;
	csv_free(&cp);
	return ok && l.id && l.date;
}
