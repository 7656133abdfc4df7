#include "palette.h"

#include <math.h>

#include "../util/banned.h"

/* Okabe-Ito: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow. */
const struct rgb palette_cat[PALETTE_CAT_NR] = {
	{ 0x00, 0x72, 0xb2 },
	{ 0xe6, 0x9f, 0x00 },
	{ 0x00, 0x9e, 0x73 },
	{ 0xd5, 0x5e, 0x00 },
	{ 0xcc, 0x79, 0xa7 },
	{ 0x56, 0xb4, 0xe9 },
	{ 0xf0, 0xe4, 0x42 },
};

const struct rgb palette_background = { 0xff, 0xff, 0xff };
/* Near-black and a grey that keeps a contrast of 6:1 on white (WCAG AA). */
const struct rgb palette_text = { 0x1a, 0x1a, 0x1a };
const struct rgb palette_muted = { 0x5f, 0x5f, 0x5f };
const struct rgb palette_grid = { 0xe3, 0xe3, 0xe3 };
const struct rgb palette_axis = { 0x8c, 0x8c, 0x8c };
/* Okabe-Ito vermillion darkened until small bold text reads on white. */
const struct rgb palette_flag = { 0xa3, 0x3a, 0x00 };
const struct rgb palette_rest = { 0xc4, 0xc4, 0xc4 };
const struct rgb palette_marker = { 0x1a, 0x1a, 0x1a };
const struct rgb palette_tile = { 0xf2, 0xf2, 0xf2 };

/*
 * ColorBrewer Blues, 9 classes, without the lightest: its first step is so
 * close to white that zero would look like sea; the second (zero here) is
 * visibly tinted, and the gap between it and the first class is kept wide.
 */
const struct rgb palette_seq[PALETTE_SEQ_NR] = {
	{ 0xde, 0xeb, 0xf7 },
	{ 0x9e, 0xca, 0xe1 },
	{ 0x6b, 0xae, 0xd6 },
	{ 0x42, 0x92, 0xc6 },
	{ 0x21, 0x71, 0xb5 },
	{ 0x08, 0x51, 0x9c },
	{ 0x08, 0x30, 0x6b },
};
const struct rgb palette_nodata = { 0xff, 0xff, 0xff };
const struct rgb palette_hatch = { 0x9a, 0x9a, 0x9a };
const struct rgb palette_context = { 0xe6, 0xe6, 0xe6 };
const struct rgb palette_border = { 0x80, 0x80, 0x80 };

struct rgb palette_seq_class(int i, int k)
{
	int steps = PALETTE_SEQ_NR - 1;

	if (i <= 0 || k <= 0)
		return palette_seq[0];
	if (i > k)
		i = k;
	if (k == 1)
		return palette_seq[steps];
	/* Spread 1..k over 1..steps, first and last fixed. */
	return palette_seq[1 + (int)lround((double)(i - 1) * (steps - 1) / (k - 1))];
}

struct rgb palette_lighter(struct rgb c, double t)
{
	struct rgb o;

	if (t < 0)
		t = 0;
	if (t > 1)
		t = 1;
	o.r = (unsigned char)lround(c.r + (255 - c.r) * t);
	o.g = (unsigned char)lround(c.g + (255 - c.g) * t);
	o.b = (unsigned char)lround(c.b + (255 - c.b) * t);
	return o;
}

static double linear(unsigned char v)
{
	double s = v / 255.0;

	return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

double palette_luminance(struct rgb c)
{
	return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

unsigned long palette_hex(struct rgb c)
{
	return (unsigned long)c.r << 16 | (unsigned long)c.g << 8 | c.b;
}
