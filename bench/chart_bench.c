/*
 * Chart benchmark: every kind at 170 x 90 mm and 300 dpi (2008 x 1063
 * pixels), rendered N times. Prints per kind the time to draw into an image
 * surface, the time for the whole PNG (surface, drawing and encoding), and
 * the PNG's size, against the targets of issue 5 (draw < 20 ms, PNG < 80 KB).
 *
 *   chart_bench [-n N] [--geo FILE] [--kind KIND]
 *
 * Exit status 1 when a chart misses a target, so `make bench` can tell.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "charts/chart.h"
#include "util/util.h"

#define MM (72 / 25.4)
#define DPI 300
#define MAX_RENDER_MS 20.0
#define MAX_PNG_KB 80.0

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static const char *const months[] = {
	"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr",
};
static const double all[] = { 31, 28, 22, 19, 35, 41, 38, 27, 33, 36, 45, 42 };
static const double pub[] = { 9, 8, 5, 4, 12, 15, 11, 7, 10, 12, 16, 13 };
static const double other[] = { 22, 20, 17, 15, 23, 26, 27, 20, 23, 24, 29, 29 };
static const double earlier[] = { 25, 22, 20, 14, 26, 30, 33, 21, 28, 30, 34, 37 };
static const char *const countries[] = {
	"Belgium", "Netherlands", "Germany", "France", "United Kingdom", "Spain", "Italy",
	"Poland", "Sweden", "Austria", "Czechia", "Ireland", "Luxembourg", "Malta",
};
static const char *const codes[] = {
	"BE", "NL", "DE", "FR", "GB", "ES", "IT", "PL", "SE", "AT", "CZ", "IE", "LU", "MT",
	"PT", "DK", "FI", "NO", "CH", "GR", "HU", "RO", "BG", "HR", "SK", "SI", "EE", "LV",
	"LT", "CY", "IS",
};
static const double by_country[] = {
	23, 17, 15, 12, 9, 7, 6, 5, 4, 3, 2, 2, 1, 1, 0, 1, 2, 3, 2, 1, 0, 2, 0, 1, 0, 0, 0, 0,
	1, 0, 0,
};
static const char *const shares[] = { "Public bodies", "Other victims" };
static const double share_v[] = { 13, 29 };
static const char *const buckets[] = { "< 1 h", "1–4 h", "4–24 h", "1–3 days", "3–7 days", "> 7 days" };
static const double bucket_v[] = { 3, 9, 14, 8, 4, 2 };

/* The data for each kind. */
static void fill(enum chart_kind kind, struct chart_data *d, struct chart_series *s,
		 struct chart_marker *m, struct chart_kpi *k)
{
	memset(d, 0, sizeof(*d));
	d->title = "Incidents";
	d->subtitle = "April 2024";
	d->n = 107;
	d->series = s;
	d->series_nr = 1;
	s[0] = (struct chart_series){ NULL, all };
	d->labels = months;
	d->nr = 12;
	d->unit = "incidents";
	switch (kind) {
	case CHART_BAR:
		s[0].values = by_country;
		d->labels = countries;
		d->nr = 14;
		d->show_share = 1;
		break;
	case CHART_STACKED:
		s[0] = (struct chart_series){ "Public bodies", pub };
		s[1] = (struct chart_series){ "Other victims", other };
		d->series_nr = 2;
		break;
	case CHART_LINE:
		s[0].name = "2023-24";
		d->compare = (struct chart_series){ "2022-23", earlier };
		break;
	case CHART_DONUT:
	case CHART_SHARE_BAR:
		s[0].values = share_v;
		d->labels = shares;
		d->nr = 2;
		d->n = 42;
		d->low = 0.19;
		d->high = 0.46;
		d->level = 0.95;
		break;
	case CHART_DISTRIBUTION:
		s[0].values = bucket_v;
		d->labels = buckets;
		d->nr = 6;
		m[0] = (struct chart_marker){ "median 10 h", 2.3 };
		m[1] = (struct chart_marker){ "p90 4 days", 4.25 };
		d->markers = m;
		d->marker_nr = 2;
		break;
	case CHART_KPI:
		for (int i = 0; i < 4; i++)
			k[i] = (struct chart_kpi){ "Incidents", 42, 45, NULL, NULL, i % 2, all, 12 };
		d->kpis = k;
		d->kpi_nr = 4;
		break;
	case CHART_MAP:
		s[0].values = by_country;
		d->labels = codes;
		d->nr = sizeof(codes) / sizeof(codes[0]);
		break;
	case CHART_COLUMN:
		break;
	}
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "geo", required_argument, NULL, 'g' },
		{ "kind", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	const char *geo_path = "data/geo/europe-50m.geojson";
	struct geo geo = GEO_INIT;
	long n = 20;
	int c, missed = 0, only = -1;
	double t;

	error_set_command("bench");
	while ((c = getopt_long(argc, argv, "n:", opts, NULL)) != -1) {
		if (c == 'n' && parse_long(optarg, 1, 100000, &n) == 0)
			continue;
		if (c == 'g') {
			geo_path = optarg;
			continue;
		}
		if (c == 'k' && (only = chart_kind_parse(optarg)) >= 0)
			continue;
		fprintf(stderr, "usage: chart_bench [-n N] [--geo FILE] [--kind KIND]\n");
		return 2;
	}
	t = now_ms();
	if (geo_load(&geo, geo_path) < 0)
		return 1;
	printf("map shapes loaded in %.1f ms (once per process)\n", now_ms() - t);
	printf("%-13s %10s %10s %9s   (170 x 90 mm, %d dpi, mean of %ld)\n", "kind", "draw ms",
	       "PNG ms", "PNG KB", DPI, n);

	for (int kind = 0; kind < CHART_KIND_NR; kind++) {
		struct chart_spec spec = { .kind = (enum chart_kind)kind, .width_pt = 170 * MM,
					   .height_pt = 90 * MM, .dpi = DPI, .geo = &geo };
		struct chart_series s[2];
		struct chart_marker m[2];
		struct chart_kpi k[4];
		struct chart_data d;
		struct buf png = BUF_INIT;
		cairo_surface_t *img;
		cairo_t *cr;
		double draw = 0, whole = 0;
		int pw = (int)ceil(spec.width_pt * DPI / 72), ph = (int)ceil(spec.height_pt * DPI / 72);

		if (only >= 0 && kind != only)
			continue;
		fill((enum chart_kind)kind, &d, s, m, k);
		img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
		cr = cairo_create(img);
		cairo_scale(cr, DPI / 72.0, DPI / 72.0);
		/* One untimed run loads the fonts and fills cairo's glyph cache. */
		if (chart_render(cr, &spec, &d) < 0)
			return 1;
		t = now_ms();
		for (long i = 0; i < n; i++)
			chart_render(cr, &spec, &d);
		draw = (now_ms() - t) / (double)n;
		cairo_destroy(cr);
		cairo_surface_destroy(img);

		t = now_ms();
		for (long i = 0; i < n; i++) {
			buf_reset(&png);
			if (chart_write(&spec, &d, CHART_PNG, &png) < 0)
				return 1;
		}
		whole = (now_ms() - t) / (double)n;
		printf("%-13s %10.2f %10.2f %9.1f%s\n", chart_kind_name((enum chart_kind)kind), draw,
		       whole, (double)png.len / 1024,
		       draw > MAX_RENDER_MS || png.len > MAX_PNG_KB * 1024 ? "  over target" : "");
		if (draw > MAX_RENDER_MS || png.len > MAX_PNG_KB * 1024)
			missed = 1;
		buf_release(&png);
	}
	printf("targets: draw < %.0f ms, PNG < %.0f KB\n", MAX_RENDER_MS, MAX_PNG_KB);
	geo_release(&geo);
	chart_cleanup();
	cairo_debug_reset_static_data();
	FcFini();
	return missed;
}
