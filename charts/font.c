#include "font.h"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>

#include "../util/fontfile.h"
#include "../util/util.h"
#include "../util/banned.h"

#define FAMILY "DejaVu Sans"

static cairo_font_face_t *faces[2];
static int failed;

/* A pattern naming nothing but the file of DejaVu Sans (util/fontfile.h). */
static FcPattern *locate(int bold)
{
	FcPattern *file = NULL;
	char *path;
	int index;

	if (font_file_find(bold, &path, &index) < 0)
		return NULL;
	file = FcPatternCreate();
	if (file) {
		FcPatternAddString(file, FC_FILE, (const FcChar8 *)path);
		FcPatternAddInteger(file, FC_INDEX, index);
	}
	free(path);
	return file;
}

cairo_font_face_t *font_face(enum font_style style)
{
	int i = style == FONT_BOLD;

	if (!faces[i] && !failed) {
		FcPattern *file = locate(i);

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
