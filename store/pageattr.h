#ifndef PAGEATTR_H
#define PAGEATTR_H

/*
 * The attribute block of a tracker page: two lines of labels, each
 * followed by a line of values with three columns and nothing to mark
 * where one column ends and the next begins:
 *
 *	CIA Posture Motives Tactics, Techniques & Procedures
 *	Confidentiality, Availability Financial T1190 Exploit Public-Facing Application
 *	Threat Actors Type Location
 *	1 actor Hacktivism Russia
 *
 * The columns are read in this documented order: "CIA Posture",
 * "Motives", "Tactics, Techniques & Procedures" on the first values line,
 * "Threat Actors", "Type", "Location" on the second. Each column shows
 * "Available to members" (hidden), a count ("3 motives", "1 technique",
 * "2 actors"; CIA Posture, Type and Location have no count form) or its
 * values, comma-separated.
 *
 * The page importer (store/page.c) finds the lines and reports failures;
 * this module only splits them. Nothing here reports errors, keeps a
 * pointer to its input or holds state between calls. Memory failure dies
 * (xmalloc).
 */

#include "incident.h"

/*
 * Splits one values line, `line` (words separated by spaces or tabs; not
 * modified, not kept), and adds what it says to `inc`. `second` is 0 for
 * the line under "CIA Posture ...", 1 for the line under "Threat Actors
 * ...".
 *
 * Returns 0 after adding, as copies that `inc` owns (incident_release()
 * frees them):
 *  - first line: the CIA words to inc->cia ("Confidentiality",
 *    "Integrity", "Availability", no duplicates); the motives to
 *    inc->motives and the techniques to inc->techniques (split before each
 *    technique id when the values start with one, since technique names
 *    may hold commas: "T1566 Phishing, T1078 Valid Accounts");
 *  - second line: the actors to inc->actors.
 * Each `*_count` gets the count the column states, or the length of its
 * list when the column shows values, and is left alone when the column is
 * hidden.
 *
 * Decisions: the actors list holds the actors' names when the page shows
 * them; when it shows only their type ("1 actor Hacktivism France"), the
 * type is the only description of the actor there is and goes into the
 * list instead, while actor_count keeps what the Threat Actors column
 * said. The actors' location is not stored: struct incident has no field
 * for it, and `countries` is the victim's.
 *
 * Returns -1, leaving `inc` as it was, when the line has more than 100
 * words or does not split into the three columns. A shown CIA Posture
 * holds only those three words, "and" and "&". When several splits fit,
 * the first one wins, trying columns from the left and for each column
 * "Available to members", then a count, then its values from the shortest
 * up. Splits in which the techniques start with an id, the type is a
 * known word for a kind of actor ("Hacktivism", "Nation-state", ...) and
 * the location reads as countries are tried before all others.
 */
int pageattr_read_values(struct incident *inc, const char *line, int second);

/*
 * Reads `s` as one country name, or as several separated by commas
 * ("Belgium, France"), as util/country.h country_code() understands them.
 * Adds their alpha-2 codes to `out`, skipping codes already there; `out`
 * may be NULL to only check. Used for the Location column and for the
 * page's "Location:" line.
 *
 * Returns 0, or -1 when a name is not a country; `out` may then hold the
 * codes of the names before it. Reports nothing itself (country_code()
 * reports once if its table cannot be read, and every name then fails).
 */
int pageattr_read_countries(const char *s, struct strlist *out);

#endif
