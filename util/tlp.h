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

/*
 * Parses "AMBER", "amber", "TLP:AMBER", "AMBER+STRICT", "WHITE" (as CLEAR)
 * and the others. Returns the level, or -1 without a message.
 */
int tlp_parse(const char *s);

/* The label exactly as printed: "TLP:AMBER+STRICT". */
const char *tlp_label(enum tlp t);

/* The text colour of the label, 8-bit sRGB (the background is black). */
void tlp_colour(enum tlp t, unsigned char rgb[3]);

#endif
