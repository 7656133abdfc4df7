#ifndef WORDING_H
#define WORDING_H

/*
 * Reading facts out of the free text of an incident write-up: who the
 * victim is, the day, whether the victim is a public body, the kind of
 * incident, how many people were affected and how long containment and
 * recovery took. The page importer (store/page.c) uses it; the rules are
 * heuristics over word lists, kept here as data so they can be read and
 * extended without touching the page layout code. The machinery under
 * them, splitting text into words and matching phrases, numbers and
 * durations, is store/words.h.
 *
 * Matching rules, the same for every function:
 *  - Text is UTF-8. Words are runs of letters and digits; accented letters
 *    (Latin-1 and Latin Extended-A, combining marks) belong to words,
 *    typographic quotes, dashes and other punctuation do not.
 *  - Words compare case-insensitively with accents folded ("Hôpital",
 *    "HOPITAL" and "hôpital" are the same word; ß is "ss", ł is "l").
 *  - Phrases match whole words only: "Stadt" does not match "Stadtwerke".
 *    Within a phrase, words must be separated as in the pattern: spaces
 *    and hyphens are interchangeable ("denial-of-service" matches "denial
 *    of service"), a dot only matches a dot ("N.V."), anything else only
 *    itself.
 *  - Every function that finds something returns, in *phrase, a new string
 *    the caller must free(): the words of the text the value was read from,
 *    as written there. *phrase is set to NULL when nothing was found. A
 *    NULL text is allowed and finds nothing.
 *  - Each text is split into words by the caller, once (words_split()),
 *    however many rules read it: a rule costs time linear in the text.
 *
 * No function reports errors: finding nothing is a normal outcome.
 */

#include <stddef.h>

#include "words.h"

/*
 * Returns the month (1-12) named by the English month name or abbreviation
 * in the `len` bytes at `s` ("March", "mar", "Sept"), or 0.
 */
int wording_month(const char *s, size_t len);

/*
 * Finds the victim named by the first sentence of `summary` ("The X was
 * hit by", "X suffered", "X, a Dutch municipality, experienced", "X fell
 * victim to", "X reported", ...). A leading "The", a leading phrase of time
 * ("On 3 March 2025, ") and an appositive after the name (", a ...,", " (...)",
 * " — ...") are not part of the name, nor is a possessive "'s" and what
 * follows. *phrase gets the words from the start of the sentence through
 * the verb. Returns a new string the caller must free(), or NULL.
 */
char *wording_victim(const struct words *summary, char **phrase);

/*
 * Finds the first full date in `text` that falls in `month` of `year`:
 * "March 3, 2025", "3 March 2025", "3rd March 2025", "March 3rd, 2025",
 * with English month names. A date without a year does not count. Returns
 * the day (1-31), or 0. *phrase includes a leading "On", "On or around",
 * "on or about" or "around" when the text has one.
 */
int wording_day(const struct words *text, int year, int month, char **phrase);

/*
 * Tells from `text` whether the victim is a public body. With `is_name`
 * set, `text` is the victim's name and the strongest clue anywhere in it
 * decides; otherwise the leftmost clue decides, because write-ups describe
 * the victim before anything else. Returns 1 (public; *kind is one of the
 * public_kind words of store/incident.h, a static string), 0 (private;
 * *kind is NULL) or -1 (no clue; *kind is NULL). The word lists and their
 * order are documented in wording.c.
 */
int wording_public(const struct words *text, int is_name, const char **kind, char **phrase);

/*
 * Returns the incident type (one of the type words of store/incident.h, a
 * static string) the wording of `text` points at, or NULL. When several
 * kinds are mentioned, the more specific wins: "ransomware spread after a
 * phishing email" is ransomware. A negated mention ("no indication that data
 * was stolen") does not count, and a bare "cyberattack" gives no type.
 */
const char *wording_type(const struct words *text, char **phrase);

/*
 * Returns the number of people, records or recipients affected, read from
 * a number followed by a noun for them ("approximately 300 recipients",
 * "41,000 residents", "two thousand patients", "1.2 million records"), or
 * -1. The first such number in the text counts. Years, dates, durations,
 * percentages, ordinals and populations ("a town of 24,000 inhabitants")
 * are not counts; neither are things that are not people or records
 * (appointments, devices, servers, files). "One of the employees" is not a
 * count either.
 */
long long wording_affected(const struct words *text, char **phrase);

/*
 * Returns the hours from detection to containment ("disconnected the
 * network within two hours of the discovery", "restored access within 14
 * hours", "contained after 30 minutes"), or a negative value. Sets
 * *approximate to 1 when the wording is approximate: "about", "around",
 * "roughly", ... and "within", which only gives an upper bound; 0 for an
 * exact "after N hours" or "in N hours".
 */
double wording_contain(const struct words *text, int *approximate, char **phrase);

/*
 * Returns the hours until recovery ("services were restored after nine
 * days", "systems were back online within three weeks"), or a negative
 * value. "restored access" is containment, not recovery.
 */
double wording_recover(const struct words *text, char **phrase);

#endif
