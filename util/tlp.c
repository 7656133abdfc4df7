/* TLP 2.0 labels and colours, from FIRST's standard via docs/tlp.md. */
#include "tlp.h"

#include <string.h>

#include "util.h"
#include "banned.h"

static const struct {
	const char *label;
	unsigned char rgb[3];
} levels[] = {
	[TLP_CLEAR] = { "TLP:CLEAR", { 255, 255, 255 } },
	[TLP_GREEN] = { "TLP:GREEN", { 51, 255, 0 } },
	[TLP_AMBER] = { "TLP:AMBER", { 255, 192, 0 } },
	[TLP_AMBER_STRICT] = { "TLP:AMBER+STRICT", { 255, 192, 0 } },
	[TLP_RED] = { "TLP:RED", { 255, 43, 43 } },
};

int tlp_parse(const char *s)
{
	if (!ascii_ncasecmp(s, "TLP:", 4))
		s += 4;
	if (!ascii_casecmp(s, "WHITE"))
		return TLP_CLEAR;
	for (size_t i = 0; i < ARRAY_SIZE(levels); i++)
		if (!ascii_casecmp(s, levels[i].label + 4))
			return (int)i;
	return -1;
}

const char *tlp_label(enum tlp t)
{
	return levels[t].label;
}

void tlp_colour(enum tlp t, unsigned char rgb[3])
{
	memcpy(rgb, levels[t].rgb, 3);
}
