#include "incident.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/banned.h"

void incident_init(struct incident *inc)
{
	memset(inc, 0, sizeof(*inc));
	inc->public_sector = INCIDENT_UNKNOWN;
	inc->motive_count = inc->technique_count = INCIDENT_UNKNOWN;
	inc->actor_count = inc->source_count = INCIDENT_UNKNOWN;
	inc->affected = INCIDENT_UNKNOWN;
	inc->contain_hours = inc->recover_hours = inc->discovery_hours = -1;
}

void incident_release(struct incident *inc)
{
	free(inc->key);
	free(inc->victim);
	free(inc->campaign);
	strlist_release(&inc->countries);
	free(inc->public_kind);
	strlist_release(&inc->sectors);
	free(inc->type);
	free(inc->summary);
	free(inc->description);
	strlist_release(&inc->cia);
	strlist_release(&inc->motives);
	strlist_release(&inc->techniques);
	strlist_release(&inc->actors);
	strlist_release(&inc->sources);
	for (size_t i = 0; i < inc->derived_nr; i++) {
		free(inc->derived[i].field);
		free(inc->derived[i].phrase);
	}
	free(inc->derived);
	free(inc->format);
	free(inc->file);
	free(inc->imported_at);
	incident_init(inc);
}

static const char *const taxonomy_names[TAXONOMY_NR] = {
	[TAXONOMY_ATTACK] = "attack",
	[TAXONOMY_VERIS] = "veris",
};

const char *taxonomy_name(enum taxonomy t)
{
	return (unsigned)t < TAXONOMY_NR ? taxonomy_names[t] : taxonomy_names[TAXONOMY_ATTACK];
}

const char *taxonomy_title(enum taxonomy t)
{
	return t == TAXONOMY_VERIS ? "VERIS" : "MITRE ATT&CK";
}

int taxonomy_parse(const char *name)
{
	for (int t = 0; name && t < TAXONOMY_NR; t++)
		if (!strcmp(name, taxonomy_names[t]))
			return t;
	return -1;
}

void incident_derive(struct incident *inc, const char *field, const char *phrase)
{
	struct derived *d;

	for (size_t i = 0; i < inc->derived_nr; i++) {
		if (!strcmp(inc->derived[i].field, field)) {
			free(inc->derived[i].phrase);
			inc->derived[i].phrase = xstrdup(phrase);
			return;
		}
	}
	ALLOC_GROW(inc->derived, inc->derived_nr + 1, inc->derived_alloc);
	d = &inc->derived[inc->derived_nr++];
	d->field = xstrdup(field);
	d->phrase = xstrdup(phrase);
}

const char *incident_derived_from(const struct incident *inc, const char *field)
{
	for (size_t i = 0; i < inc->derived_nr; i++)
		if (!strcmp(inc->derived[i].field, field))
			return inc->derived[i].phrase;
	return NULL;
}

int days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

int incident_set_date(struct incident *inc, int year, int month, int day)
{
	enum date_precision p;

	if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX)
		return -1;
	if (!month && day)
		return -1;
	if (month && (month < 1 || month > 12))
		return -1;
	if (day && (day < 1 || day > days_in_month(year, month)))
		return -1;
	p = day ? DATE_DAY : month ? DATE_MONTH : DATE_YEAR;
	inc->year = year;
	inc->month = month;
	inc->day = day;
	inc->date_precision = p;
	return 0;
}

/* The `width` last decimal digits of v, zero-padded; returns past them. */
static char *put_digits(char *p, unsigned v, int width)
{
	for (int i = width - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + width;
}

/*
 * "%04u-%02u-%02u" of the parts' last digits, spelt by hand: an import
 * spells two dates per incident, and snprintf() of those and of the
 * digest's hours (spell_hours()) was 7% of the instructions of the thread
 * that stores an import of VCDB (callgrind: 1,261 M, now 1,172 M).
 */
void date_format(char out[11], int year, int month, int day)
{
	char *p = put_digits(out, (unsigned)year % 10000, 4);

	if (month) {
		*p++ = '-';
		p = put_digits(p, (unsigned)month % 100, 2);
		if (day) {
			*p++ = '-';
			p = put_digits(p, (unsigned)day % 100, 2);
		}
	}
	*p = '\0';
}

void incident_date_string(const struct incident *inc, char out[11])
{
	switch (inc->date_precision) {
	case DATE_DAY:
		date_format(out, inc->year, inc->month, inc->day);
		break;
	case DATE_MONTH:
		date_format(out, inc->year, inc->month, 0);
		break;
	case DATE_YEAR:
		date_format(out, inc->year, 0, 0);
		break;
	default:
		out[0] = '\0';
	}
}

const char *date_precision_name(enum date_precision p)
{
	switch (p) {
	case DATE_DAY: return "day";
	case DATE_MONTH: return "month";
	case DATE_YEAR: return "year";
	default: return NULL;
	}
}

/*
 * Each value goes in with a tag and its length, so that moving text from one
 * field to the next can never produce the same bytes.
 */
/*
 * The digest is FNV-1a over a text that spells every field ("k12:veris:...
 * v-d2013-6-0/2c[1,2:US..."). FNV-1a goes byte by byte, so the text is
 * hashed piece by piece as it is spelt, without being built: printf and a
 * growing buffer were a tenth of an import's time.
 */
static void digest_bytes(unsigned long long *h, const void *p, size_t n)
{
	*h = fnv64(*h, p, n);
}

/* `tag` (when not 0), then v in decimal, as "%lld" spells it. */
static void digest_num(unsigned long long *h, char tag, long long v)
{
	char s[24], *p = s + sizeof(s);
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	if (tag)
		*--p = tag;
	digest_bytes(h, p, (size_t)(s + sizeof(s) - p));
}

static void digest_str(unsigned long long *h, char tag, const char *s)
{
	size_t n;

	if (!s) {
		char t[2] = { tag, '-' };

		digest_bytes(h, t, 2);
		return;
	}
	n = strlen(s);
	digest_num(h, tag, (long long)n);
	digest_bytes(h, ":", 1);
	digest_bytes(h, s, n);
}

static void digest_list(unsigned long long *h, char tag, const struct strlist *l)
{
	char t[2] = { tag, '[' };

	digest_bytes(h, t, 2);
	digest_num(h, 0, (long long)l->n);
	for (size_t i = 0; i < l->n; i++)
		digest_str(h, ',', l->v[i]);
}

/*
 * Writes "%.6g" of v at p (room for 24 bytes) and returns past it: by
 * hand for what most records hold (unknown, -1, or a whole number of
 * hours below a million, which %.6g spells as %d), else by snprintf().
 */
static char *spell_hours(char *p, double v)
{
	char s[8], *end = s + sizeof(s), *q = end;
	long n;

	if (!(v == -1 || (v >= 0 && v < 1e6 && v == (double)(long)v && !signbit(v))))
		return p + snprintf(p, 24, "%.6g", v);
	if (v == -1) {
		memcpy(p, "-1", 2);
		return p + 2;
	}
	n = (long)v;
	do
		*--q = (char)('0' + n % 10);
	while (n /= 10);
	memcpy(p, q, (size_t)(end - q));
	return p + (end - q);
}

unsigned long long incident_digest(const struct incident *inc)
{
	unsigned long long h = FNV64_INIT;
	char hours[96], *p = hours;

	digest_str(&h, 'k', inc->key);
	digest_str(&h, 'v', inc->victim);
	digest_num(&h, 'd', inc->year);
	digest_num(&h, '-', inc->month);
	digest_num(&h, '-', inc->day);
	digest_num(&h, '/', (int)inc->date_precision);
	digest_list(&h, 'c', &inc->countries);
	digest_num(&h, 'p', inc->public_sector);
	digest_str(&h, 'K', inc->public_kind);
	digest_list(&h, 's', &inc->sectors);
	digest_str(&h, 't', inc->type);
	digest_str(&h, 'S', inc->summary);
	digest_str(&h, 'D', inc->description);
	digest_list(&h, 'C', &inc->cia);
	digest_list(&h, 'm', &inc->motives);
	digest_list(&h, 'T', &inc->techniques);
	/*
	 * Added with schema version 5, and only when known, so that the digest
	 * of a record that names no campaign stays what it was. The techniques'
	 * taxonomy is not a digest's business: the importer, not the record,
	 * decides it.
	 */
	if (inc->campaign)
		digest_str(&h, 'g', inc->campaign);
	digest_list(&h, 'a', &inc->actors);
	digest_list(&h, 'u', &inc->sources);
	digest_num(&h, 'n', inc->motive_count);
	digest_num(&h, ',', inc->technique_count);
	digest_num(&h, ',', inc->actor_count);
	digest_num(&h, ',', inc->source_count);
	digest_num(&h, 'A', inc->affected);
	/* "h%.6g/%d/%.6g/%.6g" of the hours */
	*p++ = 'h';
	p = spell_hours(p, inc->contain_hours);
	if (inc->contain_approximate == 0 || inc->contain_approximate == 1) {
		memcpy(p, inc->contain_approximate ? "/1/" : "/0/", 3);
		p += 3;
	} else {
		p += snprintf(p, 16, "/%d/", inc->contain_approximate);
	}
	p = spell_hours(p, inc->recover_hours);
	*p++ = '/';
	p = spell_hours(p, inc->discovery_hours);
	digest_bytes(&h, hours, (size_t)(p - hours));
	for (size_t i = 0; i < inc->derived_nr; i++) {
		digest_str(&h, 'f', inc->derived[i].field);
		digest_str(&h, 'r', inc->derived[i].phrase);
	}
	return h;
}

/* --- the rules every importer shares --- */

static int check_text(const char *s, int lines, const char *name, const char **field,
		      struct buf *why)
{
	if (!s)
		return 0;
	buf_adds(why, "value ");
	if (utf8_check_text(s, strlen(s), lines, why) == 0) {
		buf_reset(why);
		return 0;
	}
	*field = name;
	return -1;
}

static int check_list(const struct strlist *l, const char *name, const char **field,
		      struct buf *why)
{
	for (size_t i = 0; i < l->n; i++)
		if (check_text(l->v[i], 0, name, field, why) < 0)
			return -1;
	return 0;
}

static int check_hours(double h, const char *name, const char **field, struct buf *why)
{
	if (h < 0 && h > -INFINITY)
		return 0;	/* unknown */
	if (isfinite(h) && h <= INCIDENT_MAX_HOURS)
		return 0;
	*field = name;
	buf_addf(why, "value %g hours is %s (expected at most %.0f hours, 100 years)", h,
		 isnan(h) ? "not a number" : "too long", INCIDENT_MAX_HOURS);
	return -1;
}

static int check_count(long long n, long long max, const char *name, const char **field,
		       struct buf *why)
{
	if (n <= max)
		return 0;
	*field = name;
	buf_addf(why, "value %lld is more than %lld", n, max);
	return -1;
}

int incident_check(const struct incident *inc, const char **field, struct buf *why)
{
	const struct {
		const struct strlist *list;
		const char *name;
	} lists[] = {
		{ &inc->countries, "countries" }, { &inc->sectors, "sectors" },
		{ &inc->cia, "cia" }, { &inc->motives, "motives" },
		{ &inc->techniques, "techniques" }, { &inc->actors, "actors" },
		{ &inc->sources, "sources" },
	};
	const struct {
		long n;
		const char *name;
	} counts[] = {
		{ inc->motive_count, "motive_count" }, { inc->technique_count, "technique_count" },
		{ inc->actor_count, "actor_count" }, { inc->source_count, "source_count" },
	};

	if (check_text(inc->victim, 0, "victim", field, why) < 0 ||
	    check_text(inc->campaign, 0, "campaign", field, why) < 0 ||
	    check_text(inc->public_kind, 0, "public_kind", field, why) < 0 ||
	    check_text(inc->type, 0, "type", field, why) < 0 ||
	    check_text(inc->summary, 1, "summary", field, why) < 0 ||
	    check_text(inc->description, 1, "description", field, why) < 0 ||
	    check_text(inc->key, 0, "key", field, why) < 0)
		return -1;	/* the key last: it is made of the fields above */
	for (size_t i = 0; i < ARRAY_SIZE(lists); i++)
		if (check_list(lists[i].list, lists[i].name, field, why) < 0)
			return -1;
	for (size_t i = 0; i < inc->derived_nr; i++)
		if (check_text(inc->derived[i].phrase, 1, "derived", field, why) < 0)
			return -1;
	for (size_t i = 0; i < ARRAY_SIZE(counts); i++)
		if (check_count(counts[i].n, INCIDENT_MAX_COUNT, counts[i].name, field, why) < 0)
			return -1;
	return check_count(inc->affected, INCIDENT_MAX_AFFECTED, "affected", field, why) < 0 ||
	       check_hours(inc->contain_hours, "time_to_contain", field, why) < 0 ||
	       check_hours(inc->recover_hours, "time_to_recover", field, why) < 0 ||
	       check_hours(inc->discovery_hours, "discovery_hours", field, why) < 0 ? -1 : 0;
}
