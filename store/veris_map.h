#ifndef VERIS_MAP_H
#define VERIS_MAP_H

/*
 * One VERIS record (the VERIS Community Database, vz-risk/VCDB), as a
 * JSON tree (store/jdom.h), onto struct incident. store/veris.c finds the
 * records in a file and reports what this rejects; here are the key and
 * the mapping.
 *
 * Key: "veris:" + plus.master_id (incident_id when master_id is missing).
 * In the VCDB snapshot of 2020 (8,589 records) incident_id is shared by 4
 * ids over 9 records, and master_id repeats only twice: 00163384-B4D7-...
 * and f100b661-..., each for two byte-identical lines. So master_id alone
 * makes every distinct record its own incident (8,587) and the identical
 * copies import as unchanged. master_id is kept as written (upper or lower
 * case): it names the upstream file. It is also the right identity when a
 * later snapshot re-codes a record: the same key, an updated incident.
 *
 * Mapping (VERIS 1.3.x paths):
 *  - victim: victim.victim_id, trimmed. summary: summary, trimmed.
 *    campaign: campaign_id, trimmed (the 2020 VCDB links 188 records to 10).
 *    description: none; `notes` are the analysts' working notes.
 *  - date: timeline.incident year/month/day. The year is required. A date
 *    that is not in the calendar keeps its valid part, year and month or
 *    the year, and says so with incident_derive("date"). VCDB has one
 *    (2018-02-29) and three with a day but no month.
 *  - countries: victim.country, a list (a lone string is taken as a list of
 *    one); "Unknown" dropped, any two letters kept upper-cased even when
 *    iso-codes lacks them (XK, Kosovo), other names looked up as countries.
 *  - sectors: victim.industry, the NAICS code as written ("48-49" too);
 *    "000" or empty is unknown. Public sector is NAICS 92; the kind comes
 *    from public_kinds[]. Schools (61) and hospitals (62) run by government
 *    are coded by activity in VERIS 1.3.4, which has no government flag, so
 *    they count as not public.
 *  - type: the first rule of type_rules[] that the actions match.
 *  - techniques: "Hacking: SQLi", one per known action variety, in the
 *    VERIS taxonomy (TAXONOMY_VERIS), never mapped to ATT&CK.
 *    actors: "External: Activist" per known variety, or "External" alone;
 *    actor_count counts the known kinds. motives: actor.*.motive without
 *    "NA" and "Unknown"; motive_count is 0 when all are "NA" (no motive).
 *    Counts are -1 when nothing is known.
 *  - cia: the attribute.confidentiality/integrity/availability keys present.
 *    affected: attribute.confidentiality.data_total.
 *  - sources: every http(s) URL in `reference` (one string; URLs split by
 *    ';', white space, or ',' when another URL follows). source_count is the
 *    number found, 0 if reference has none, -1 if it is absent.
 *  - discovery_hours: timeline.discovery; contain_hours: timeline
 *    .containment, contain_approximate for the coarse units (months,
 *    years); recover_hours: attribute.availability.duration, the outage
 *    length, the closest VERIS has to detection-to-recovery. Only numeric
 *    values in a time unit count (see units[]).
 *
 * JSON null counts as absent everywhere. A member of the wrong type, an
 * impossible value or a missing year or key rejects the whole record.
 */

#include "jdom.h"

#include "incident.h"
#include "../util/buf.h"

/* Where in the record the problem is; see struct veris_err `at`. */
#define VERIS_AT_RECORD (-1L)
#define VERIS_AT_VALUE 0L

/*
 * Why veris_map() rejected a record, and the scratch text it reuses from one
 * record to the next (so that mapping allocates nothing but the incident's
 * own strings). Initialise with veris_err_init(); release with
 * veris_err_release().
 */
struct veris_err {
	struct buf field;	/* the path, "timeline.incident.year"; "" for none */
	struct buf msg;		/* what is wrong: "missing" */
	/*
	 * VERIS_AT_RECORD: nowhere in particular (report the record's start);
	 * VERIS_AT_VALUE: the value at `field`; n > 0: the n-th element (from
	 * 1) of the list at `field`. The path is made of plain keys joined by
	 * '.', so a reader can find the value in the record's text again.
	 */
	long at;
	struct buf scratch;	/* veris_map()'s own; means nothing to the caller */
};

void veris_err_init(struct veris_err *e);
void veris_err_release(struct veris_err *e);

/*
 * Maps `rec`, one record (any JSON value: only an object maps), onto `inc`,
 * which the caller has initialised and releases whatever the outcome.
 * `rec` is borrowed. Returns 0, or -1 with `e` saying why; `inc` may then
 * hold part of the record. Reports nothing itself.
 */
int veris_map(const struct jdom *rec, struct incident *inc, struct veris_err *e);

#endif
