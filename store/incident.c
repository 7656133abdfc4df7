#include "incident.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
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

	if (year < 1900 || year > 2999)
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

void date_format(char out[11], int year, int month, int day)
{
	unsigned y = (unsigned)year % 10000, m = (unsigned)month % 100, d = (unsigned)day % 100;

	if (!month)
		snprintf(out, 11, "%04u", y);
	else if (!day)
		snprintf(out, 11, "%04u-%02u", y, m);
	else
		snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
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
static void digest_str(struct buf *b, char tag, const char *s)
{
	if (!s) {
		buf_addf(b, "%c-", tag);
		return;
	}
	buf_addf(b, "%c%zu:", tag, strlen(s));
	buf_adds(b, s);
}

static void digest_list(struct buf *b, char tag, const struct strlist *l)
{
	buf_addf(b, "%c[%zu", tag, l->n);
	for (size_t i = 0; i < l->n; i++)
		digest_str(b, ',', l->v[i]);
}

unsigned long long incident_digest(const struct incident *inc)
{
	struct buf b = BUF_INIT;
	unsigned long long h;

	digest_str(&b, 'k', inc->key);
	digest_str(&b, 'v', inc->victim);
	buf_addf(&b, "d%d-%d-%d/%d", inc->year, inc->month, inc->day, (int)inc->date_precision);
	digest_list(&b, 'c', &inc->countries);
	buf_addf(&b, "p%d", inc->public_sector);
	digest_str(&b, 'K', inc->public_kind);
	digest_list(&b, 's', &inc->sectors);
	digest_str(&b, 't', inc->type);
	digest_str(&b, 'S', inc->summary);
	digest_str(&b, 'D', inc->description);
	digest_list(&b, 'C', &inc->cia);
	digest_list(&b, 'm', &inc->motives);
	digest_list(&b, 'T', &inc->techniques);
	/*
	 * Added with schema version 5, and only when known, so that the
	 * digest of a record that names no campaign stays what it was. The
	 * techniques' taxonomy is not a digest's business: the importer, not
	 * the record, decides it.
	 */
	if (inc->campaign)
		digest_str(&b, 'g', inc->campaign);
	digest_list(&b, 'a', &inc->actors);
	digest_list(&b, 'u', &inc->sources);
	buf_addf(&b, "n%ld,%ld,%ld,%ld", inc->motive_count, inc->technique_count,
		 inc->actor_count, inc->source_count);
	buf_addf(&b, "A%lld", inc->affected);
	buf_addf(&b, "h%.6g/%d/%.6g/%.6g", inc->contain_hours, inc->contain_approximate,
		 inc->recover_hours, inc->discovery_hours);
	for (size_t i = 0; i < inc->derived_nr; i++) {
		digest_str(&b, 'f', inc->derived[i].field);
		digest_str(&b, 'r', inc->derived[i].phrase);
	}
	h = fnv64(FNV64_INIT, b.buf, b.len);
	buf_release(&b);
	return h;
}
