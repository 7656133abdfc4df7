#ifndef INCIDENT_H
#define INCIDENT_H

/*
 * One incident as the importers produce it and the store keeps it.
 *
 * This is the contract between importers and the store: an importer fills a
 * struct incident from one record of its input and hands it over; the store
 * writes it (store/store.h) and reads it back into the same shape.
 *
 * Conventions, so that "unknown" is never confused with zero or "no":
 *  - strings are owned (malloc'd) or NULL for unknown;
 *  - integers use -1 for unknown (INCIDENT_UNKNOWN), hours use a negative
 *    value (the `*_hours` fields), public_sector is -1/0/1;
 *  - lists are empty when nothing is known. `*_count` fields hold what the
 *    source counted even when it hid the values ("3 techniques" on a page
 *    that shows no techniques), -1 when it said nothing.
 *  - year/month/day: 0 for an unknown part; `date_precision` says how much is
 *    known and always matches (DATE_DAY needs all three).
 *
 * Vocabularies shared by every importer, so that queries can group on them
 * (the words are the stored values; NULL stays unknown):
 *  - type: "ransomware", "account compromise", "phishing",
 *    "denial of service", "data breach", "intrusion", "malware",
 *    "insider misuse", "error", "theft or loss", "environmental", "other".
 *  - public_kind: "municipality", "region", "government agency",
 *    "social welfare", "hospital", "school", "university", "police",
 *    "court", "defence", "fire service", "public body" (public, kind unknown).
 *  - cia: "Confidentiality", "Integrity", "Availability".
 */

#include "../util/util.h"

#define INCIDENT_UNKNOWN (-1)

/*
 * The vocabulary an incident's techniques are named in. Every value of one
 * record is in its importer's: tracker pages and CSV name MITRE ATT&CK
 * techniques ("T1566 Phishing", "Spearphishing Attachment"), VERIS records
 * name VERIS action varieties ("Misuse: Privilege abuse"). The two are
 * never mapped onto each other: the published mapping is many-to-many.
 */
enum taxonomy {
	TAXONOMY_ATTACK = 0,
	TAXONOMY_VERIS,
	TAXONOMY_NR,
};

/* The stored names, "attack" and "veris". */
const char *taxonomy_name(enum taxonomy t);
/* Their proper names, for people: "MITRE ATT&CK", "VERIS". */
const char *taxonomy_title(enum taxonomy t);
/* The taxonomy called `name`, or -1. */
int taxonomy_parse(const char *name);

enum date_precision {
	DATE_NONE = 0,	/* no date at all */
	DATE_YEAR,
	DATE_MONTH,
	DATE_DAY,
};

/* A value the importer read from wording, and the phrase it came from. */
struct derived {
	char *field;	/* incident field name, as in `ibrief show --format json` */
	char *phrase;	/* the words of the source it was read from */
};

struct incident {
	/*
	 * Identity. `key` is unique in the store and stable across re-imports of
	 * the same record ("veris:<master_id>", "page:<victim>|<YYYY-MM>|<cc>",
	 * "csv:<id>"). `id` is the store's row id, 0 until stored.
	 */
	long long id;
	char *key;

	char *victim;
	/*
	 * The source's identifier of the campaign the incident belongs to
	 * (VERIS campaign_id), NULL when it names none.
	 */
	char *campaign;
	int year, month, day;
	enum date_precision date_precision;

	struct strlist countries;	/* ISO 3166-1 alpha-2, upper case */
	int public_sector;		/* 1 public body, 0 not, -1 unknown */
	char *public_kind;		/* "municipality", "hospital", ... */
	struct strlist sectors;		/* NAICS codes or sector names */
	char *type;			/* "ransomware", "denial of service", ... */
	char *summary;
	char *description;

	struct strlist cia;		/* "Confidentiality", "Integrity", "Availability" */
	struct strlist motives;
	struct strlist techniques;
	enum taxonomy technique_taxonomy;	/* the vocabulary of `techniques` */
	struct strlist actors;
	struct strlist sources;		/* URLs */
	long motive_count, technique_count, actor_count, source_count;

	long long affected;		/* people or records affected, -1 unknown */
	double contain_hours;		/* detection to containment, < 0 unknown */
	int contain_approximate;	/* 1 when the wording was approximate */
	double recover_hours;		/* detection to recovery, < 0 unknown */
	double discovery_hours;		/* compromise to discovery, < 0 unknown */

	struct derived *derived;
	size_t derived_nr, derived_alloc;

	/* Provenance: where the record was read. */
	char *format;			/* "page", "veris", "csv" */
	char *file;			/* as named on the command line; "-" for stdin */
	long line;			/* first line of the record, 0 if not known */
	long record;			/* 1-based ordinal of the record in the file */
	char *imported_at;		/* ISO 8601 UTC, set by the store */
};

/* Sets every field to unknown/empty. No allocation. */
void incident_init(struct incident *inc);
/* Frees everything the incident owns and re-initialises it. */
void incident_release(struct incident *inc);

/* Records that `field` was derived from `phrase` (both copied). */
void incident_derive(struct incident *inc, const char *field, const char *phrase);
/* Returns the phrase `field` was derived from, or NULL. */
const char *incident_derived_from(const struct incident *inc, const char *field);

/*
 * The range of valid dates: every date the store keeps and every date and
 * period an option names (--month, --quarter, --year, --from, --to) has a
 * year from DATE_YEAR_MIN to DATE_YEAR_MAX. One range, so that what one
 * parser accepts no other refuses.
 */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2999

/*
 * Sets the date, checking it is a real calendar date for the precision given
 * (year in the range of valid dates, month 1-12, day within the month, leap
 * years). Returns 0, or -1 without a message when it is not a date.
 */
int incident_set_date(struct incident *inc, int year, int month, int day);

/* Days in a month of the Gregorian calendar (month 1-12). */
int days_in_month(int year, int month);

/*
 * Writes the known part of a date, the parts that are not 0: "2024-04-03",
 * "2024-04" (day 0) or "2024" (month 0). The one place dates are spelt.
 */
void date_format(char out[11], int year, int month, int day);

/* Formats the known part of the date: "2024-04-03", "2024-04", "2024", or "". */
void incident_date_string(const struct incident *inc, char out[11]);

/*
 * A digest of everything the source said (not the provenance nor the id),
 * so the store can tell an unchanged re-import from an updated record.
 */
unsigned long long incident_digest(const struct incident *inc);

/*
 * The bounds of an incident's numbers, the same for every importer (and
 * documented in README, docs/csv-format.md and docs/incident-pages.md):
 * durations from 0 to 100 years in hours, people or records affected from
 * 0 to 10^12 (more than every person and record there is), list counts
 * from 0 to 10^6.
 */
#define INCIDENT_MAX_HOURS (100 * 365.25 * 24)
#define INCIDENT_MAX_AFFECTED 1000000000000LL
#define INCIDENT_MAX_COUNT 1000000L

/*
 * Checks what a parser filled in, by the rules every importer shares: each
 * text is well-formed UTF-8 without control characters (util/utf8.h; the
 * summary, description and derived phrases may hold line feeds, other
 * texts are one line), and each number lies within the bounds above.
 * Returns 0, or -1 with the field at fault in *field (its name in `ibrief
 * show --format json`, a static string) and what is wrong appended to
 * `why` ("value 12345678901234 is more than ...").
 */
struct buf;
int incident_check(const struct incident *inc, const char **field, struct buf *why);

/* The canonical names of date precisions: "day", "month", "year"; NULL for none. */
const char *date_precision_name(enum date_precision p);

#endif
