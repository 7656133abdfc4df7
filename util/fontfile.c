#include "fontfile.h"

#include <fontconfig/fontconfig.h>
#include <string.h>

#include "util.h"
#include "banned.h"

#define FAMILY "DejaVu Sans"

int font_file_find(int bold, char **path, int *index)
{
	int weight = bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR, got = -1, ret = -1;
	FcPattern *want, *match = NULL;
	FcChar8 *family = NULL, *file = NULL;
	FcResult res;

	*path = NULL;
	*index = 0;
	if (!FcInit() || !(want = FcPatternCreate()))
		return -1;
	FcPatternAddString(want, FC_FAMILY, (const FcChar8 *)FAMILY);
	FcPatternAddInteger(want, FC_WEIGHT, weight);
	FcPatternAddInteger(want, FC_SLANT, FC_SLANT_ROMAN);
	FcPatternAddBool(want, FC_SCALABLE, FcTrue);
	if (!FcConfigSubstitute(NULL, want, FcMatchPattern))
		goto out;
	FcDefaultSubstitute(want);
	match = FcFontMatch(NULL, want, &res);
	if (!match || res != FcResultMatch ||
	    FcPatternGetString(match, FC_FAMILY, 0, &family) != FcResultMatch ||
	    strcmp((const char *)family, FAMILY) ||
	    FcPatternGetInteger(match, FC_WEIGHT, 0, &got) != FcResultMatch || got != weight ||
	    FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch)
		goto out;
	FcPatternGetInteger(match, FC_INDEX, 0, index);
	*path = xstrdup((const char *)file);
	ret = 0;
out:
	if (match)
		FcPatternDestroy(match);
	FcPatternDestroy(want);
	return ret;
}
