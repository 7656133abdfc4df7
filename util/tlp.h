#ifndef REPORT_TLP_H
#define REPORT_TLP_H

/*
 * Traffic Light Protocol 2.0 labels (FIRST, August 2022), as
 * /work/shared/docs/tlp.md asks a briefing to print them: the label written
 * exactly ("TLP:AMBER+STRICT"), in its colour on black, in the header and
 * the footer of every page. TLP 1.0's WHITE is accepted as input and
 * printed as TLP:CLEAR.
 */

enum tlp {
	TLP_CLEAR,
	TLP_GREEN,
	TLP_AMBER,
	TLP_AMBER_STRICT,
	TLP_RED,
};

/* The level the built-in templates use when neither they nor --tlp say. */
#define TLP_DEFAULT TLP_AMBER

/* Where a briefing's label comes from, in the order that decides it. */
enum tlp_source {
	TLP_FROM_OPTION,	/* chosen for this briefing (--tlp) */
	TLP_FROM_TEMPLATE,	/* the template's own level */
	TLP_FROM_CONFIG,	/* the user's default ([report] tlp) */
	TLP_FROM_DEFAULT,	/* TLP_DEFAULT */
};

/*
 * The one rule for a briefing's label: the level chosen for it, else the
 * template's, else the configured default, else TLP_DEFAULT. Each of
 * `chosen`, `template_level` and `configured` is a level, or -1 when that
 * one names none. The configured default never lowers a template's own
 * label. Returns the level and sets `*source` (may be NULL).
 */
enum tlp tlp_decide(int chosen, int template_level, int configured, enum tlp_source *source);

/*
 * The TLP:RED mailing rule: a TLP:RED briefing goes by mail only when the
 * sender allowed it (--allow-red), and then to exactly the addresses
 * named. Returns 0 when a briefing labelled `t` may be sent, else -1
 * with a message naming `what` (the file, or "a TLP:RED briefing").
 */
int tlp_check_mailing(enum tlp t, int allow_red, const char *what);

/*
 * Parses "AMBER", "amber", "TLP:AMBER", "AMBER+STRICT", "WHITE" (as CLEAR)
 * and the others. Returns the level, or -1 without a message.
 */
int tlp_parse(const char *s);

/* The label exactly as printed: "TLP:AMBER+STRICT". */
const char *tlp_label(enum tlp t);

/*
 * The TLP label named in a text (a PDF's Keywords: "TLP:AMBER, incidents"):
 * "TLP:" (any case) followed by a level tlp_parse() knows, delimited by
 * anything but a letter, '+' or ':'. Returns the level; -1 when there is
 * none; -2 when two different levels are named (the caller must not
 * guess). `text` may be NULL.
 */
int tlp_find(const char *text);

/*
 * The label as it begins the name of a file a briefing carries, so that
 * the marking stays with the file once it is extracted: "TLP-AMBER+STRICT"
 * (a ':' is not allowed in Windows file names), as in
 * "TLP-AMBER+STRICT_by-country.csv".
 */
const char *tlp_file_tag(enum tlp t);

/* The text colour of the label, 8-bit sRGB (the background is black). */
void tlp_colour(enum tlp t, unsigned char rgb[3]);

#endif
