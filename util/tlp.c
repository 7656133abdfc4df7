/* TLP 2.0 labels and colours, from FIRST's standard via docs/tlp.md. */
#include "tlp.h"

#include <string.h>

#include "util.h"
#include "banned.h"

static const struct {
	const char *label, *file;
	unsigned char rgb[3];
} levels[] = {
	[TLP_CLEAR] = { "TLP:CLEAR", "TLP-CLEAR", { 255, 255, 255 } },
	[TLP_GREEN] = { "TLP:GREEN", "TLP-GREEN", { 51, 255, 0 } },
	[TLP_AMBER] = { "TLP:AMBER", "TLP-AMBER", { 255, 192, 0 } },
	[TLP_AMBER_STRICT] = { "TLP:AMBER+STRICT", "TLP-AMBER+STRICT", { 255, 192, 0 } },
	[TLP_RED] = { "TLP:RED", "TLP-RED", { 255, 43, 43 } },
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

const char *tlp_file_tag(enum tlp t)
{
	return levels[t].file;
}

void tlp_colour(enum tlp t, unsigned char rgb[3])
{
	memcpy(rgb, levels[t].rgb, 3);
}

enum tlp tlp_decide(int chosen, int template_level, int configured, enum tlp_source *source)
{
	enum tlp_source from = chosen >= 0 ? TLP_FROM_OPTION : template_level >= 0 ? TLP_FROM_TEMPLATE :
			       configured >= 0 ? TLP_FROM_CONFIG : TLP_FROM_DEFAULT;

	if (source)
		*source = from;
	switch (from) {
	case TLP_FROM_OPTION:
		return (enum tlp)chosen;
	case TLP_FROM_TEMPLATE:
		return (enum tlp)template_level;
	case TLP_FROM_CONFIG:
		return (enum tlp)configured;
	default:
		return TLP_DEFAULT;
	}
}

int tlp_check_mailing(enum tlp t, int allow_red, const char *what)
{
	if (t != TLP_RED || allow_red)
		return 0;
	return error("%s is TLP:RED, for the named recipients only: give --allow-red to send it "
		     "to exactly the addresses named", what);
}

int tlp_find(const char *keywords)
{
	const char *p = keywords;
	int level = -1;

	while (p && (p = strchr(p, ':')) != NULL) {
		char word[32];
		size_t n = 0;
		const char *q = p + 1;
		int t;

		/* "TLP:" with something other than a letter before it. */
		if (p - keywords < 3 || ascii_ncasecmp(p - 3, "TLP", 3) ||
		    (p - keywords > 3 && ((p[-4] | 0x20) >= 'a' && (p[-4] | 0x20) <= 'z'))) {
			p++;
			continue;
		}
		while (n + 1 < sizeof(word) && (((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z') || *q == '+'))
			word[n++] = *q++;
		word[n] = '\0';
		p = q;
		if (*q == ':' || ((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z'))
			continue;
		t = tlp_parse(word);
		if (t < 0)
			continue;
		if (level >= 0 && level != t)
			return -2;
		level = t;
	}
	return level;
}
