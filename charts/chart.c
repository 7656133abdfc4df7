#include "chart.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "axis.h"
#include "draw.h"
#include "font.h"
#include "png.h"
#include "../util/util.h"
#include "../util/file.h"
#include "../util/scratch.h"
#include "../util/banned.h"

/* cairo's image surfaces stop at 32767 pixels a side. */
#define MAX_PIXELS 32767

static const char *const kind_names[CHART_KIND_NR] = {
	[CHART_BAR] = "bar",
	[CHART_COLUMN] = "column",
	[CHART_STACKED] = "stacked",
	[CHART_LINE] = "line",
	[CHART_DONUT] = "donut",
	[CHART_SHARE_BAR] = "share-bar",
	[CHART_DISTRIBUTION] = "distribution",
	[CHART_KPI] = "kpi",
	[CHART_MAP] = "map",
};

const char *chart_kind_name(enum chart_kind kind)
{
	return (unsigned)kind < CHART_KIND_NR ? kind_names[kind] : NULL;
}

int chart_kind_parse(const char *name)
{
	for (int i = 0; i < CHART_KIND_NR; i++)
		if (!strcmp(name, kind_names[i]))
			return i;
	return -1;
}

static const char *chart_name(const struct chart_spec *spec, const struct chart_data *d)
{
	if (d->title && *d->title)
		return d->title;
	return chart_kind_name(spec->kind) ? chart_kind_name(spec->kind) : "?";
}

static int check(const struct chart_spec *spec, const struct chart_data *d)
{
	const char *name = chart_name(spec, d);

	if ((unsigned)spec->kind >= CHART_KIND_NR)
		return error("chart '%s': no chart kind %d", name, (int)spec->kind);
	if (!(spec->width_pt > 0 && spec->height_pt > 0 && spec->width_pt <= MAX_PIXELS &&
	      spec->height_pt <= MAX_PIXELS))
		return error("chart '%s': size %gx%g pt is not usable", name, spec->width_pt,
			     spec->height_pt);
	if (d->nr && !d->labels)
		return error("chart '%s': %zu categories but no labels", name, d->nr);
	if (d->series_nr && !d->series)
		return error("chart '%s': %zu series missing", name, d->series_nr);
	for (size_t s = 0; s < d->series_nr; s++)
		if (d->nr && !d->series[s].values)
			return error("chart '%s': series %zu has no values", name, s + 1);
	if (spec->kind != CHART_KPI && d->nr && !d->series_nr)
		return error("chart '%s': %zu categories but no series", name, d->nr);
	if (d->marker_nr && !d->markers)
		return error("chart '%s': %zu markers missing", name, d->marker_nr);
	if (d->kpi_nr && !d->kpis)
		return error("chart '%s': %zu KPIs missing", name, d->kpi_nr);
	for (size_t i = 0; i < d->kpi_nr; i++)
		if (d->kpis[i].spark_nr && !d->kpis[i].spark)
			return error("chart '%s': KPI %zu has no sparkline values", name, i + 1);
	if (spec->kind == CHART_MAP && !spec->geo)
		return error("chart '%s': a map needs country shapes (geo_load)", name);
	return 0;
}

/* An empty chart: nothing to count, or no category above zero. */
static int empty(const struct chart_spec *spec, const struct chart_data *d)
{
	if (spec->kind == CHART_KPI)
		return d->kpi_nr == 0;
	if (d->n == 0 || !d->nr || !d->series_nr)
		return 1;
	for (size_t s = 0; s < d->series_nr; s++)
		if (series_max(d, s) > 0)
			return 0;
	return 1;
}

const char *chart_empty_text(const struct chart_spec *spec, const struct chart_data *d)
{
	if (!empty(spec, d))
		return NULL;
	return d->empty ? d->empty : chart_words_or_en(d->words)->no_incidents;
}

/* A share chart that prints no share at all (share.c). */
#define NOTE_NO_SHARES 0x100u

/*
 * The footnotes the chart's shares need: CHART_UNRELIABLE when a share is
 * printed with a "*", CHART_SUPPRESSED when one is left out, NOTE_NO_SHARES
 * when a donut or 100% bar prints none. The rules
 * mirror bar.c (share = value / n) and share.c (any suppressed part, or a
 * whole under CHART_MIN_WHOLE, hides every share).
 */
static unsigned share_notes(const struct chart_spec *spec, const struct chart_data *d)
{
	unsigned notes = 0;
	double whole = 0;

	if (spec->kind == CHART_BAR && d->show_share && d->n > 0) {
		for (size_t i = 0; d->flags && i < d->nr; i++) {
			double v = d->series[0].values[i];

			if (!known(v) || v > (double)d->n)
				continue;
			notes |= d->flags[i] & CHART_SUPPRESSED ? CHART_SUPPRESSED
								: d->flags[i] & CHART_UNRELIABLE;
		}
		return notes;
	}
	if (spec->kind != CHART_DONUT && spec->kind != CHART_SHARE_BAR)
		return 0;
	for (size_t i = 0; i < d->nr; i++) {
		if (known(d->series[0].values[i]))
			whole += d->series[0].values[i];
		if (d->flags)
			notes |= d->flags[i];
	}
	if (whole < CHART_MIN_WHOLE || notes & CHART_SUPPRESSED)
		return NOTE_NO_SHARES;
	return notes & CHART_UNRELIABLE;
}

/* Title, period, n, the small-n flag and the footnotes; sets the plot area. */
static void frame(struct ctx *c, int is_empty)
{
	const struct chart_data *d = c->d;
	struct buf b = BUF_INIT, fit = BUF_INIT;
	const char *lines[4];
	size_t nlines = 0;
	unsigned notes = is_empty ? 0 : share_notes(c->spec, d);
	double y = PAD, right = c->w - PAD, nw = 0, fw = 0;

	if (d->n >= 0) {
		struct buf num = BUF_INIT;

		format_number(c, &num, (double)d->n, 0);
		chart_words_fill(&b, c->words->n_is, num.buf, NULL);
		buf_release(&num);
		draw_font(c, TEXT_LABEL);
		nw = draw_width(c, b.buf);
		draw_text(c, b.buf, right, y + 0.76 * 11, ALIGN_RIGHT, palette_muted);
	}
	draw_font(c, TEXT_TITLE);
	if (d->title) {
		draw_fit(c, &fit, d->title, right - PAD - (nw ? nw + 12 : 0));
		draw_text(c, fit.buf, PAD, y + 0.76 * c->size, ALIGN_LEFT, palette_text);
	}
	y += 1.3 * c->size;

	draw_font(c, TEXT_VALUE);
	if (d->n > 0 && d->n < 10) {
		const char *flag = c->words->small_n;

		fw = draw_width(c, flag);
		draw_text(c, flag, right, y + 0.76 * 8.5, ALIGN_RIGHT, palette_flag);
	}
	draw_font(c, TEXT_SUBTITLE);
	if (d->subtitle) {
		draw_fit(c, &fit, d->subtitle, right - PAD - (fw ? fw + 12 : 0));
		draw_text(c, fit.buf, PAD, y + 0.76 * c->size, ALIGN_LEFT, palette_muted);
	}
	if (d->subtitle || fw)
		y += 1.3 * c->size;
	c->y0 = y + GAP;
	c->x0 = PAD;
	c->x1 = right;

	if (notes & CHART_UNRELIABLE)
		lines[nlines++] = c->words->note_unreliable;
	if (notes & CHART_SUPPRESSED)
		lines[nlines++] = c->words->note_suppressed;
	if (notes & NOTE_NO_SHARES)
		lines[nlines++] = c->words->note_no_shares;
	if (d->note && *d->note)
		lines[nlines++] = d->note;
	draw_font(c, TEXT_SMALL);
	y = c->h - PAD - (double)nlines * 1.3 * c->size;
	c->y1 = nlines ? y - 4 : c->h - PAD;
	for (size_t i = 0; i < nlines; i++) {
		draw_fit(c, &fit, lines[i], right - PAD);
		draw_text(c, fit.buf, PAD, y + 0.76 * c->size, ALIGN_LEFT, palette_muted);
		y += 1.3 * c->size;
	}
	buf_release(&b);
	buf_release(&fit);
}

static void draw_empty(struct ctx *c)
{
	struct buf fit = BUF_INIT;

	draw_font(c, TEXT_MESSAGE);
	draw_fit(c, &fit, chart_empty_text(c->spec, c->d), c->x1 - c->x0);
	draw_text(c, fit.buf, (c->x0 + c->x1) / 2, draw_mid(c, (c->y0 + c->y1) / 2), ALIGN_CENTRE,
		  palette_muted);
	buf_release(&fit);
}

static void (*const kinds[CHART_KIND_NR])(struct ctx *) = {
	[CHART_BAR] = bar_draw,
	[CHART_COLUMN] = column_draw,
	[CHART_STACKED] = column_draw,
	[CHART_LINE] = line_draw,
	[CHART_DONUT] = share_draw,
	[CHART_SHARE_BAR] = share_draw,
	[CHART_DISTRIBUTION] = column_draw,
	[CHART_KPI] = kpi_draw,
	[CHART_MAP] = map_draw,
};

static int render(cairo_t *cr, const struct chart_spec *spec, const struct chart_data *d,
		  struct ctx *c)
{
	cairo_status_t st;
	int is_empty;

	if (check(spec, d) < 0)
		return -1;
	if ((st = cairo_status(cr)) != CAIRO_STATUS_SUCCESS)
		return error("chart '%s': cairo: %s", chart_name(spec, d), cairo_status_to_string(st));
	if (!font_face(FONT_REGULAR) || !font_face(FONT_BOLD))
		return -1;
	c->cr = cr;
	c->spec = spec;
	c->d = d;
	c->words = chart_words_or_en(d->words);
	c->w = spec->width_pt;
	c->h = spec->height_pt;
	c->raster = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE;
	buf_init(&c->tmp);

	cairo_save(cr);
	font_options(cr);
	cairo_rectangle(cr, 0, 0, c->w, c->h);
	cairo_clip(cr);
	draw_rgb(c, palette_background);
	cairo_paint(cr);
	is_empty = empty(spec, d);
	frame(c, is_empty);
	if (is_empty)
		draw_empty(c);
	else if (c->x1 > c->x0 && c->y1 > c->y0)
		kinds[spec->kind](c);
	cairo_restore(cr);
	buf_release(&c->tmp);

	if ((st = cairo_status(cr)) != CAIRO_STATUS_SUCCESS)
		return error("chart '%s': cairo: %s", chart_name(spec, d), cairo_status_to_string(st));
	return 0;
}

int chart_render(cairo_t *cr, const struct chart_spec *spec, const struct chart_data *data)
{
	struct ctx c = { 0 };

	return render(cr, spec, data, &c);
}

static cairo_status_t append(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* The PDF creation date: SOURCE_DATE_EPOCH when set, else the epoch. */
static void pdf_date(char *out, size_t n)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long t = 0;
	time_t tt;
	struct tm tm;

	if (env && parse_long(env, 0, 253402300799L, &t) < 0)
		t = 0;
	tt = (time_t)t;
	if (!gmtime_r(&tt, &tm) || !strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(out, n, "1970-01-01T00:00:00Z");
}

/*
 * cairo numbers SVG surfaces with a counter that lives as long as the
 * process, so the second chart a process writes says id="surface6". Renumber
 * the one top-level group so that the bytes depend on the chart alone.
 */
static void svg_renumber(struct buf *out, size_t from)
{
	static const char key[] = "<g id=\"surface";
	char *p = strstr(out->buf + from, key), *digits, *end;
	size_t tail;

	if (!p || strstr(p + 1, key))
		return;
	digits = p + strlen(key);
	end = digits + strspn(digits, "0123456789");
	if (end == digits || *end != '"')
		return;
	tail = out->len - (size_t)(end - out->buf);
	*digits = '1';
	memmove(digits + 1, end, tail + 1);
	buf_setlen(out, (size_t)(digits + 1 - out->buf) + tail);
}

/*
 * The memory of PNG surfaces, kept from chart to chart: a 300-dpi surface
 * takes up to 12 MB, each 4 KB of it a page fault when new, and a report
 * draws one chart after another (util/scratch.h). Every chart paints all
 * of it white first.
 */
static struct scratch image_mem = SCRATCH_INIT;

/* An opaque surface (the PNG has no alpha to store) in image_mem. */
static cairo_surface_t *image_surface(int w, int h)
{
	int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);

	if (stride < 0)
		return cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	return cairo_image_surface_create_for_data(scratch_get(&image_mem, (size_t)stride * (size_t)h),
						   CAIRO_FORMAT_RGB24, w, h, stride);
}

int chart_write(const struct chart_spec *spec, const struct chart_data *data,
		enum chart_format format, struct buf *out)
{
	size_t keep = out->len;
	double dpi = spec->dpi > 0 ? spec->dpi : 72;
	cairo_surface_t *s = NULL;
	cairo_t *cr = NULL;
	cairo_status_t st;
	char date[32];
	int ret = 0;

	if (check(spec, data) < 0)
		return -1;
	switch (format) {
	case CHART_PNG: {
		double pw = ceil(spec->width_pt * dpi / 72 - 1e-6);
		double ph = ceil(spec->height_pt * dpi / 72 - 1e-6);

		if (!(dpi <= 2400) || pw > MAX_PIXELS || ph > MAX_PIXELS)
			return error("chart '%s': %gx%g pt at %g dpi is too large for PNG",
				     chart_name(spec, data), spec->width_pt, spec->height_pt, dpi);
		s = image_surface((int)pw, (int)ph);
		break;
	}
	case CHART_SVG:
		s = cairo_svg_surface_create_for_stream(append, out, spec->width_pt, spec->height_pt);
		break;
	case CHART_PDF:
		s = cairo_pdf_surface_create_for_stream(append, out, spec->width_pt, spec->height_pt);
		pdf_date(date, sizeof(date));
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "ibrief");
		if (data->title)
			cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, data->title);
		break;
	default:
		return error("chart '%s': no output format %d", chart_name(spec, data), (int)format);
	}
	if ((st = cairo_surface_status(s)) != CAIRO_STATUS_SUCCESS) {
		ret = error("chart '%s': cairo: %s", chart_name(spec, data), cairo_status_to_string(st));
		goto out;
	}
	cr = cairo_create(s);
	if (format == CHART_PNG) {
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		cairo_scale(cr, dpi / 72, dpi / 72);
	}
	if (chart_render(cr, spec, data) < 0) {
		ret = -1;
		goto out;
	}
	cairo_destroy(cr);
	cr = NULL;
	if (format == CHART_PNG) {
		cairo_surface_flush(s);
		if ((st = cairo_surface_status(s)) == CAIRO_STATUS_SUCCESS &&
		    png_encode(out, cairo_image_surface_get_data(s), cairo_image_surface_get_width(s),
			       cairo_image_surface_get_height(s), cairo_image_surface_get_stride(s),
			       dpi) < 0)
			ret = -1;
	} else {
		cairo_surface_finish(s);
		st = cairo_surface_status(s);
	}
	if (st != CAIRO_STATUS_SUCCESS)
		ret = error("chart '%s': cairo: %s", chart_name(spec, data), cairo_status_to_string(st));
	else if (ret == 0 && format == CHART_SVG)
		svg_renumber(out, keep);
out:
	if (cr)
		cairo_destroy(cr);
	if (s)
		cairo_surface_destroy(s);
	if (ret < 0)
		buf_setlen(out, keep);
	return ret;
}

int chart_format_for(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (!dot || strchr(dot, '/'))
		return -1;
	if (!ascii_casecmp(dot, ".png"))
		return CHART_PNG;
	if (!ascii_casecmp(dot, ".svg"))
		return CHART_SVG;
	if (!ascii_casecmp(dot, ".pdf"))
		return CHART_PDF;
	return -1;
}

int chart_write_file(const struct chart_spec *spec, const struct chart_data *data,
		     const char *path)
{
	struct buf b = BUF_INIT;
	int format = chart_format_for(path), ret;

	if (format < 0)
		return error("'%s': unknown chart format: name it .png, .svg or .pdf", path);
	if (chart_write(spec, data, (enum chart_format)format, &b) < 0)
		ret = error("'%s': chart not written", path);
	else
		ret = write_file_atomic(path, b.buf, b.len);
	buf_release(&b);
	return ret;
}

int chart_map_locate(const struct chart_spec *spec, const struct chart_data *data,
		     double lon, double lat, double *x, double *y)
{
	struct ctx c = { 0 };
	cairo_surface_t *s;
	cairo_t *cr;
	int ret;

	*x = *y = NAN;
	if (spec->kind != CHART_MAP)
		return error("chart '%s': not a map", chart_name(spec, data));
	/* Lay the chart out on a surface too small to cost anything to draw. */
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	cr = cairo_create(s);
	c.locate = 1;
	c.lon = lon;
	c.lat = lat;
	ret = render(cr, spec, data, &c);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	if (ret < 0)
		return -1;
	if (!c.located)
		return -1;
	*x = c.lx;
	*y = c.ly;
	return 0;
}

double chart_bucket_position(const double *edges, size_t nr, double value)
{
	if (!known(value) || !nr || value < edges[0])
		return NAN;
	for (size_t i = 0; i < nr; i++) {
		if (value < edges[i + 1] || (i + 1 == nr && value == edges[nr])) {
			if (isinf(edges[i + 1]))
				return (double)i + 0.5;
			return (double)i + (value - edges[i]) / (edges[i + 1] - edges[i]);
		}
	}
	return NAN;
}

void chart_cleanup(void)
{
	font_release();
	scratch_release(&image_mem);
	png_release();
}
