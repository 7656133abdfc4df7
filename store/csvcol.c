/*
 * The columns of the CSV importer and the syntax of their values; see
 * store/csvcol.h. store/csvin.c reads the file and reports what these
 * functions reject.
 */
#include "csvcol.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/country.h"
#include "../util/utf8.h"
#include "../util/banned.h"

/* Values quoted back in messages are cut to this many bytes. */
#define ECHO_MAX 60

/* Keep in step with docs/csv-format.md. */
const char *const csvcol_names[CSVCOL_NR] = {
	[CSVCOL_ID] = "id",
	[CSVCOL_VICTIM] = "victim",
	[CSVCOL_DATE] = "date",
	[CSVCOL_COUNTRY] = "country",
	[CSVCOL_SECTOR] = "sector",
	[CSVCOL_PUBLIC_SECTOR] = "public_sector",
	[CSVCOL_PUBLIC_KIND] = "public_kind",
	[CSVCOL_TYPE] = "type",
	[CSVCOL_SUMMARY] = "summary",
	[CSVCOL_DESCRIPTION] = "description",
	[CSVCOL_AFFECTED] = "affected",
	[CSVCOL_CONTAIN_HOURS] = "time_to_contain_hours",
	[CSVCOL_CONTAIN_APPROX] = "contain_approximate",
	[CSVCOL_RECOVER_HOURS] = "recover_hours",
	[CSVCOL_MOTIVES] = "motives",
	[CSVCOL_TECHNIQUES] = "techniques",
	[CSVCOL_ACTORS] = "actors",
	[CSVCOL_SOURCES] = "sources",
	[CSVCOL_CIA] = "cia",
	[CSVCOL_MOTIVE_COUNT] = "motive_count",
	[CSVCOL_TECHNIQUE_COUNT] = "technique_count",
	[CSVCOL_ACTOR_COUNT] = "actor_count",
	[CSVCOL_SOURCE_COUNT] = "source_count",
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
	enum csvcol list, count;
	const char *noun;	/* for messages: "3 motives" */
} counted[] = {
	{ CSVCOL_MOTIVES, CSVCOL_MOTIVE_COUNT, "motives" },
	{ CSVCOL_TECHNIQUES, CSVCOL_TECHNIQUE_COUNT, "techniques" },
	{ CSVCOL_ACTORS, CSVCOL_ACTOR_COUNT, "actors" },
	{ CSVCOL_SOURCES, CSVCOL_SOURCE_COUNT, "sources" },
};

/* Appends `s` for quoting in a message, as csvcol.h says. */
void csvcol_echo(struct buf *b, const char *s)
{
	size_t n = strlen(s), cut = utf8_prefix(s, n, ECHO_MAX);

	utf8_escape(b, s, cut, 0);
	if (cut < n)
		buf_adds(b, "...");
}

int csvcol_bad(struct buf *why, const char *v, const char *fmt, ...)
{
	va_list ap;

	buf_adds(why, "value '");
	csvcol_echo(why, v);
	buf_adds(why, "' ");
	va_start(ap, fmt);
	buf_vaddf(why, fmt, ap);
	va_end(ap);
	return -1;
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

void csvcol_add_words(struct buf *b, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_addf(b, "%s%s", i ? ", " : "", words[i]);
}

static int set_vocab(char **out, const char *v, const char *const *words, size_t n,
		     const char *what, struct buf *why)
{
	const char *w = vocab(v, words, n);

	if (!w) {
		csvcol_bad(why, v, "is not %s (expected one of: ", what);
		csvcol_add_words(why, words, n);
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
			ret = csvcol_bad(why, items.v[i], "is not a country (expected an ISO "
					 "3166-1 alpha-2 code or an English name, several "
					 "separated by ';')");
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
				ret = csvcol_bad(why, item, "is not a CIA attribute (expected "
						 "Confidentiality, Integrity, Availability or "
						 "their initials C, I, A, separated by ';')");
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

static long *count_of(struct incident *inc, enum csvcol col)
{
	switch (col) {
	case CSVCOL_MOTIVE_COUNT: return &inc->motive_count;
	case CSVCOL_TECHNIQUE_COUNT: return &inc->technique_count;
	case CSVCOL_ACTOR_COUNT: return &inc->actor_count;
	default: return &inc->source_count;
	}
}

static struct strlist *list_of(struct incident *inc, enum csvcol col)
{
	switch (col) {
	case CSVCOL_MOTIVES: return &inc->motives;
	case CSVCOL_TECHNIQUES: return &inc->techniques;
	case CSVCOL_ACTORS: return &inc->actors;
	default: return &inc->sources;
	}
}

/*
 * Text columns keep quoted values as written; the others are trimmed
 * first, and `v` may be modified.
 */
int csvcol_set(struct incident *inc, enum csvcol col, char *v, struct buf *why)
{
	long n;

	switch (col) {
	case CSVCOL_VICTIM:
		inc->victim = text(v);
		return 0;
	case CSVCOL_SUMMARY:
		inc->summary = text(v);
		return 0;
	case CSVCOL_DESCRIPTION:
		inc->description = text(v);
		return 0;
	default:
		break;
	}

	if (col == CSVCOL_ID)
		die("csvcol: column 'id' is read by csvin.c, which knows the other ids");
	trim(v);
	if (col == CSVCOL_DATE && !*v) {
		buf_adds(why, "is empty; every record needs a date (YYYY-MM-DD, YYYY-MM or YYYY)");
		return -1;
	}
	if (!*v)
		return 0;	/* unknown */

	switch (col) {
	case CSVCOL_DATE:
		if (set_date(inc, v) < 0)
			return csvcol_bad(why, v, "is not a date (expected YYYY-MM-DD, YYYY-MM "
					  "or YYYY)");
		return 0;
	case CSVCOL_COUNTRY:
		return set_countries(&inc->countries, v, why);
	case CSVCOL_SECTOR:
		split_list(&inc->sectors, v);
		return 0;
	case CSVCOL_PUBLIC_SECTOR:
		if (parse_bool(v, &inc->public_sector) < 0)
			return csvcol_bad(why, v, "is not yes or no (expected yes, no, true, "
					  "false, 1, 0, or nothing for unknown)");
		return 0;
	case CSVCOL_PUBLIC_KIND:
		return set_vocab(&inc->public_kind, v, public_kinds, ARRAY_SIZE(public_kinds),
				 "a kind of public body", why);
	case CSVCOL_TYPE:
		return set_vocab(&inc->type, v, types, ARRAY_SIZE(types),
				 "an incident type", why);
	case CSVCOL_AFFECTED:
		if (parse_long(v, 0, LONG_MAX, &n) < 0)
			return csvcol_bad(why, v, "is not a non-negative whole number");
		inc->affected = n;
		return 0;
	case CSVCOL_CONTAIN_HOURS:
	case CSVCOL_RECOVER_HOURS:
		if (parse_hours(v, col == CSVCOL_CONTAIN_HOURS ? &inc->contain_hours
							       : &inc->recover_hours) < 0)
			return csvcol_bad(why, v, "is not a non-negative number of hours "
					  "(expected digits, with a decimal point if needed: "
					  "36, 1.5)");
		return 0;
	case CSVCOL_CONTAIN_APPROX:
		if (parse_bool(v, &inc->contain_approximate) < 0)
			return csvcol_bad(why, v, "is not yes or no (expected yes, no, true, "
					  "false, 1, 0)");
		return 0;
	case CSVCOL_MOTIVES:
	case CSVCOL_TECHNIQUES:
	case CSVCOL_ACTORS:
	case CSVCOL_SOURCES:
		split_list(list_of(inc, col), v);
		return 0;
	case CSVCOL_CIA:
		return set_cia(&inc->cia, v, why);
	case CSVCOL_MOTIVE_COUNT:
	case CSVCOL_TECHNIQUE_COUNT:
	case CSVCOL_ACTOR_COUNT:
	case CSVCOL_SOURCE_COUNT:
		if (parse_long(v, 0, LONG_MAX, count_of(inc, col)) < 0)
			return csvcol_bad(why, v, "is not a non-negative whole number");
		return 0;
	default:
		die("csvin: column %d has no reader", (int)col);
	}
}

int csvcol_finish(struct incident *inc, enum csvcol *col, struct buf *why)
{
	if (inc->public_kind) {
		if (!inc->public_sector) {
			*col = CSVCOL_PUBLIC_KIND;
			return csvcol_bad(why, inc->public_kind, "names a public body, but "
					  "public_sector says no (expected public_kind empty, "
					  "or public_sector yes)");
		}
		inc->public_sector = 1;
	}
	if (inc->contain_approximate && inc->contain_hours < 0) {
		*col = CSVCOL_CONTAIN_APPROX;
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
			return csvcol_bad(why, v, "is less than the %zu %s listed in column '%s'",
					  n, counted[i].noun, csvcol_names[counted[i].list]);
		}
	}
	return 0;
}

int csvcol_by_name(const char *name)
{
	for (int k = 0; k < CSVCOL_NR; k++)
		if (!ascii_casecmp(name, csvcol_names[k]))
			return k;
	return -1;
}
