#ifndef CHARTS_PALETTE_H
#define CHARTS_PALETTE_H

/*
 * Every colour a chart uses, in one place, so that a change of palette is a
 * change of this file only.
 *
 * Categorical colours are Okabe and Ito's "Color Universal Design" set
 * (Okabe & Ito 2008, jfly.uni-koeln.de/color), chosen to stay distinct under
 * the common forms of colour blindness. They are used in the order below:
 * blue and orange first, the pair most readers tell apart; yellow last, as it
 * is weak on white paper. Never rely on colour alone: every series also has
 * a legend entry or a label.
 *
 * The map uses a sequential single-hue ramp, ColorBrewer "Blues" (Cynthia A.
 * Brewer, colorbrewer2.org), its 9 steps less the lightest: lightness alone
 * carries the order, so it reads the same for colour-blind readers and in
 * greyscale print. The lightest step kept is for zero, then up to 6 classes. "No data" is not on the ramp: it is white
 * with grey hatching, so that it can never be mistaken for zero; neighbours
 * drawn only for context are a flat light grey.
 *
 * Colours are 8-bit sRGB so that tests can compare pixels exactly.
 */

struct rgb {
	unsigned char r, g, b;
};

#define PALETTE_CAT_NR 7
extern const struct rgb palette_cat[PALETTE_CAT_NR];

extern const struct rgb palette_background;	/* page, sea */
extern const struct rgb palette_text;		/* titles, labels, values */
extern const struct rgb palette_muted;		/* period, axis labels, notes */
extern const struct rgb palette_grid;		/* grid lines */
extern const struct rgb palette_axis;		/* base line, tick marks */
extern const struct rgb palette_flag;		/* "n < 10: read with care" */
extern const struct rgb palette_rest;		/* the "other" part of a share */
extern const struct rgb palette_marker;	/* median and p90 lines */
extern const struct rgb palette_tile;		/* KPI tile background */

/* The map ramp: [0] is the colour of zero, [1..] the classes, light to dark. */
#define PALETTE_SEQ_NR 7
extern const struct rgb palette_seq[PALETTE_SEQ_NR];
extern const struct rgb palette_nodata;	/* fill under the hatching */
extern const struct rgb palette_hatch;		/* hatching lines of "no data" */
extern const struct rgb palette_context;	/* countries outside the briefing */
extern const struct rgb palette_border;	/* country borders and coasts */

/*
 * The colour of class `i` (1-based) of `k` classes on the map ramp: the
 * classes are spread over palette_seq[1..] so that the last one is always the
 * darkest. Returns palette_seq[0] for i == 0.
 */
struct rgb palette_seq_class(int i, int k);

/* `c` blended towards white by `t` (0 keeps c, 1 gives white). */
struct rgb palette_lighter(struct rgb c, double t);

/* Relative luminance (WCAG 2), 0 black to 1 white: picks label colours. */
double palette_luminance(struct rgb c);

/* 0xRRGGBB, for tests and messages. */
unsigned long palette_hex(struct rgb c);

#endif
