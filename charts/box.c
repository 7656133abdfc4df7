/*
 * The parts of layout that every chart kind shares: text boxes, legends and
 * value axes, measured and placed without drawing (box.h).
 */
#include "box.h"

#include <math.h>

#include "layout.h"
#include "../lang/lang.h"
#include "../util/banned.h"

static const double sizes[] = {
	[TEXT_TITLE] = 11,
	[TEXT_SUBTITLE] = 8.5,
	[TEXT_LABEL] = 8,
	[TEXT_VALUE] = 8,
	[TEXT_SMALL] = 7,
	[TEXT_MESSAGE] = 11,
	[TEXT_BIG] = 22,
};

double text_size(enum text_role role)
{
	return sizes[role];
}

struct box box_text(enum text_role role, double x, double baseline, double w)
{
	double h = text_size(role);

	return (struct box){ x, baseline - TEXT_ASCENT * h, w, h };
}

double box_baseline(const struct box *b)
{
	return b->y + TEXT_ASCENT * b->h;
}

int box_overlap(const struct box *a, const struct box *b)
{
	if (!(a->w > 0 && a->h > 0 && b->w > 0 && b->h > 0))
		return 0;
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h &&
	       b->y < a->y + a->h;
}

int box_inside(const struct box *in, const struct box *out)
{
	const double e = 0.01;

	return in->x >= out->x - e && in->y >= out->y - e && in->x + in->w <= out->x + out->w + e &&
	       in->y + in->h <= out->y + out->h + e;
}

struct role_measure {
	const struct box_measure *m;
	enum text_role role;
};

static double measure_in_role(void *ctx, const char *s)
{
	const struct role_measure *rm = ctx;

	return rm->m->width(rm->m->ctx, rm->role, s);
}

double box_fit(struct buf *out, const char *s, double max_w, enum text_role role,
	       const struct box_measure *m)
{
	struct role_measure rm = { m, role };

	layout_ellipsize(out, s ? s : "", max_w, measure_in_role, &rm);
	return m->width(m->ctx, role, out->buf);
}

double legend_height(const struct legend_item *items, size_t nr, double width,
		     const struct box_measure *m)
{
	double x = 0;
	int rows = nr ? 1 : 0;

	for (size_t i = 0; i < nr; i++) {
		double sw = items[i].style == LEGEND_LINE ? LEGEND_LINE_SWATCH : LEGEND_SWATCH;
		double w = sw + LEGEND_SWATCH_GAP + m->width(m->ctx, TEXT_LABEL, items[i].label);

		if (x > 0 && x + w > width) {
			x = 0;
			rows++;
		}
		x += w + LEGEND_ITEM_GAP;
	}
	return rows * LEGEND_LINE_H;
}

int value_axis_layout(struct value_axis *va, struct box area, double max, double headroom,
		      const char *unit, const struct chart_words *words,
		      const struct box_measure *m)
{
	double size = text_size(TEXT_LABEL), lw = 0;
	struct buf b = BUF_INIT;

	va->caption = (struct box){ area.x, area.y, 0, 0 };
	if (unit) {
		va->caption = (struct box){ area.x, area.y, fmin(m->width(m->ctx, TEXT_LABEL, unit),
								  area.w), AXIS_CAPTION_H };
		area.y += AXIS_CAPTION_H;
		area.h -= AXIS_CAPTION_H;
	}
	va->plot = area;
	va->ticks = (struct box){ area.x, area.y, 0, area.h };
	if (!(area.h > 0) || axis_counts(max, area.h, AXIS_TICK_SPACING * size, headroom,
					 &va->axis) < 0) {
		va->axis = (struct axis){ .lo = 0, .hi = max > 0 ? max : 1, .step = 1, .nr = 0 };
		return -1;
	}
	for (int i = 0; i < va->axis.nr; i++) {
		buf_reset(&b);
		i18n_real(&b, chart_words_or_en(words)->lang, va->axis.v[i], va->axis.decimals);
		lw = fmax(lw, m->width(m->ctx, TEXT_LABEL, b.buf));
	}
	buf_release(&b);
	va->ticks.w = lw;
	va->plot.x = area.x + lw + AXIS_GAP;
	va->plot.w = area.w - lw - AXIS_GAP;
	return 0;
}

double value_axis_y(const struct value_axis *va, double v)
{
	return va->plot.y + va->plot.h - v / va->axis.hi * va->plot.h;
}
