#include "font.h"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <string.h>

#include "../util/util.h"
#include "../util/banned.h"

#define FAMILY "DejaVu Sans"

static cairo_font_face_t *faces[2];
static int failed;

/* Finds the file of DejaVu Sans in `weight`; returns a pattern naming only it. */
static FcPattern *locate(int weight)
{
	FcPattern *want = FcPatternCreate(), *match = NULL, *file = NULL;
	FcResult res;
	FcChar8 *family = NULL, *path = NULL;
	int index = 0;

	if (!want)
		return NULL;
	FcPatternAddString(want, FC_FAMILY, (const FcChar8 *)FAMILY);
	FcPatternAddInteger(want, FC_WEIGHT, weight);
	FcPatternAddInteger(want, FC_SLANT, FC_SLANT_ROMAN);
	FcPatternAddBool(want, FC_SCALABLE, FcTrue);
	if (!FcConfigSubstitute(NULL, want, FcMatchPattern))
		goto out;
	FcDefaultSubstitute(want);
	match = FcFontMatch(NULL, want, &res);
	if (!match || res != FcResultMatch)
		goto out;
	/* Fontconfig offers something for any request: make sure it is DejaVu. */
	if (FcPatternGetString(match, FC_FAMILY, 0, &family) != FcResultMatch ||
	    strcmp((const char *)family, FAMILY) ||
	    FcPatternGetString(match, FC_FILE, 0, &path) != FcResultMatch)
		goto out;
	FcPatternGetInteger(match, FC_INDEX, 0, &index);
	file = FcPatternCreate();
	if (file) {
		FcPatternAddString(file, FC_FILE, path);
		FcPatternAddInteger(file, FC_INDEX, index);
	}
out:
	if (match)
		FcPatternDestroy(match);
	FcPatternDestroy(want);
	return file;
}

cairo_font_face_t *font_face(enum font_style style)
{
	int i = style == FONT_BOLD;

	if (!faces[i] && !failed) {
		FcPattern *file = locate(i ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);

		if (file) {
			faces[i] = cairo_ft_font_face_create_for_pattern(file);
			FcPatternDestroy(file);
			if (cairo_font_face_status(faces[i]) != CAIRO_STATUS_SUCCESS) {
				cairo_font_face_destroy(faces[i]);
				faces[i] = NULL;
			}
		}
		if (!faces[i]) {
			failed = 1;
			error("font '" FAMILY "%s' not found through fontconfig "
			      "(Debian: install fonts-dejavu-core)", i ? " Bold" : "");
		}
	}
	return faces[i];
}

void font_options(cairo_t *cr)
{
	cairo_font_options_t *o = cairo_font_options_create();

	cairo_font_options_set_antialias(o, CAIRO_ANTIALIAS_GRAY);
	cairo_font_options_set_hint_style(o, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(o, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_subpixel_order(o, CAIRO_SUBPIXEL_ORDER_DEFAULT);
	cairo_set_font_options(cr, o);
	cairo_font_options_destroy(o);
}

void font_release(void)
{
	for (int i = 0; i < 2; i++) {
		if (faces[i])
			cairo_font_face_destroy(faces[i]);
		faces[i] = NULL;
	}
	failed = 0;
}
