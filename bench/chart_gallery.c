/*
 * Renders every chart kind from a realistic month of European incidents, and
 * the hard cases (empty, tiny n, very long labels), so that a person can
 * look at them:
 *
 *   chart_gallery [-o DIR] [--geo FILE] [--dpi N] [--format png|svg|pdf] [FILE.tsv...]
 *
 * writes DIR/<name>.<format> (default /tmp/gallery, PNG at 300 dpi, 170 x
 * 90 mm). Not a test: tests/unit/t_chart*.c check the pixels.
 *
 * Each FILE.tsv given is one more chart, named after the file, so that
 * series from a real store can be looked at before the query catalog feeds
 * charts (make them with sqlite3 -separator $'\t'). Lines, tab-separated:
 *
 *   kind bar|column|...        title TEXT      subtitle TEXT    note TEXT
 *   unit TEXT                  n COUNT         share 1          flags 1
 *   series NAME                (once per series, in order)
 *   compare NAME               (a year earlier: one more value per row)
 *   row LABEL V1 [V2 ...] [COMPARE]            ("nan" for unknown)
 *   marker LABEL AT            interval LOW HIGH LEVEL
 *   kpi LABEL VALUE PREVIOUS SIGNIFICANT S1,S2,...
 *
 * "flags 1" flags rows as the query catalog will: a count under 5
 * suppressed, every share unreliable when n < 30.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "charts/chart.h"
#include "util/util.h"

#define MM (72 / 25.4)

static const char *outdir = "/tmp/gallery";
static const char *ext = "png";
static struct geo geo = GEO_INIT;
static double dpi = 300;
static int failures;

static void out(const char *name, enum chart_kind kind, const struct chart_data *d, double w_mm,
		double h_mm)
{
	struct chart_spec spec = { .kind = kind, .width_pt = w_mm * MM, .height_pt = h_mm * MM,
				   .dpi = dpi, .geo = &geo };
	char path[512];

	snprintf(path, sizeof(path), "%s/%s.%s", outdir, name, ext);
	if (chart_write_file(&spec, d, path) < 0)
		failures++;
	else
		printf("%s\n", path);
}

#define NR(a) (sizeof(a) / sizeof((a)[0]))

static void countries(void)
{
	static const char *const labels[] = {
		"Belgium", "Netherlands", "Germany", "France", "United Kingdom", "Spain",
		"Italy", "Poland", "Sweden", "Austria", "Czechia", "Ireland", "Luxembourg", "Malta",
	};
	static const double v[] = { 23, 17, 15, 12, 9, 7, 6, 5, 4, 3, 2, 2, 1, 1 };
	unsigned flags[NR(v)];
	struct chart_series s = { NULL, v };
	struct chart_data d = { 0 };

	for (size_t i = 0; i < NR(v); i++)
		flags[i] = v[i] < 5 ? CHART_SUPPRESSED : 0;
	d.title = "Incidents by country";
	d.subtitle = "April 2024, victims in Europe";
	d.note = "Source: ibrief store; an incident may involve several countries.";
	d.n = 107;
	d.nr = NR(v);
	d.labels = labels;
	d.flags = flags;
	d.series = &s;
	d.series_nr = 1;
	d.show_share = 1;
	out("bar-countries", CHART_BAR, &d, 170, 90);
}

static void sectors(void)
{
	static const char *const labels[] = {
		"Public administration and defence; compulsory social security",
		"Human health and social work activities",
		"Professional, scientific and technical activities",
		"Information and communication",
		"Education",
		"Wholesale and retail trade; repair of motor vehicles and motorcycles",
		"Manufacturing",
	};
	static const double v[] = { 8, 5, 4, 3, 2, 1, NAN };
	unsigned flags[NR(v)];
	struct chart_series s = { NULL, v };
	struct chart_data d = { 0 };

	for (size_t i = 0; i < NR(v); i++)
		flags[i] = CHART_UNRELIABLE | (v[i] < 5 ? CHART_SUPPRESSED : 0);
	d.title = "Incidents by sector of the victim";
	d.subtitle = "April 2024";
	d.n = 24;
	d.nr = NR(v);
	d.labels = labels;
	d.flags = flags;
	d.series = &s;
	d.series_nr = 1;
	d.show_share = 1;
	out("bar-sectors", CHART_BAR, &d, 170, 90);
}

static const char *const months[] = {
	"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr",
};

static void per_month(void)
{
	static const double all[] = { 31, 28, 22, 19, 35, 41, 38, 27, 33, 36, 45, 42 };
	static const double pub[] = { 9, 8, 5, 4, 12, 15, 11, 7, 10, 12, 16, 13 };
	static const double earlier[] = { 25, 22, 20, 14, 26, 30, 33, 21, 28, 30, 34, 37 };
	double other[NR(all)];
	struct chart_series one = { NULL, all };
	struct chart_series split[2] = { { "Public bodies", pub }, { "Other victims", other } };
	struct chart_series lines = { "May 2023 – Apr 2024", all };
	struct chart_data d = { 0 };

	for (size_t i = 0; i < NR(all); i++)
		other[i] = all[i] - pub[i];
	d.title = "Incidents per month";
	d.subtitle = "May 2023 – April 2024";
	d.n = 397;
	d.nr = NR(all);
	d.labels = months;
	d.series = &one;
	d.series_nr = 1;
	d.unit = "incidents";
	out("column", CHART_COLUMN, &d, 170, 90);

	d.title = "Incidents per month, public bodies and other victims";
	d.series = split;
	d.series_nr = 2;
	out("stacked", CHART_STACKED, &d, 170, 90);

	d.title = "Incidents per month, against a year earlier";
	d.series = &lines;
	d.series_nr = 1;
	d.compare = (struct chart_series){ "May 2022 – Apr 2023", earlier };
	out("line", CHART_LINE, &d, 170, 90);

	/* Three years of months: labels must thin out. */
	{
		static char names[36][16];
		static const char *lab[36];
		double v[36], e[36];

		for (int i = 0; i < 36; i++) {
			snprintf(names[i], sizeof(names[i]), "%s %d", months[i % 12],
				 2021 + (i + 4) / 12);
			lab[i] = names[i];
			v[i] = 20 + 15 * sin(i / 3.0) + i * 0.8;
			e[i] = 18 + 12 * sin(i / 3.0 + 0.4) + i * 0.6;
		}
		v[20] = NAN;
		lines.values = v;
		d.compare.values = e;
		d.nr = 36;
		d.labels = lab;
		d.subtitle = "May 2021 – April 2024; March 2023 not reported";
		out("line-36-months", CHART_LINE, &d, 170, 90);
		d.series = &lines;
		d.compare.values = NULL;
		out("column-36-months", CHART_COLUMN, &d, 170, 90);
	}
}

static void shares(void)
{
	static const char *const labels[] = { "Public bodies", "Other victims" };
	static const double v[] = { 13, 29 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { 0 };

	d.title = "Share of incidents that hit public bodies";
	d.subtitle = "April 2024";
	d.n = 42;
	d.nr = 2;
	d.labels = labels;
	d.series = &s;
	d.series_nr = 1;
	d.low = 0.19;
	d.high = 0.46;
	d.level = 0.95;
	out("donut", CHART_DONUT, &d, 170, 90);
	out("share-bar", CHART_SHARE_BAR, &d, 170, 90);
}

static void response(void)
{
	static const char *const labels[] = {
		"< 1 h", "1–4 h", "4–24 h", "1–3 days", "3–7 days", "> 7 days",
	};
	static const double edges[] = { 0, 1, 4, 24, 72, 168, INFINITY };
	static const double v[] = { 3, 9, 14, 8, 4, 2 };
	struct chart_series s = { NULL, v };
	struct chart_marker m[2] = {
		{ "median 10 h", chart_bucket_position(edges, 6, 10) },
		{ "p90 4 days", chart_bucket_position(edges, 6, 96) },
	};
	struct chart_data d = { 0 };

	d.title = "Time to contain";
	d.subtitle = "April 2024, incidents with a known time";
	d.note = "From detection to containment, as the sources report it.";
	d.n = 40;
	d.nr = NR(v);
	d.labels = labels;
	d.series = &s;
	d.series_nr = 1;
	d.markers = m;
	d.marker_nr = 2;
	d.unit = "incidents";
	out("distribution", CHART_DISTRIBUTION, &d, 170, 90);
}

static void kpis(void)
{
	static const double s1[] = { 31, 28, 22, 19, 35, 41, 38, 27, 33, 36, 45, 42 };
	static const double s2[] = { 9, 8, 5, 4, 12, 15, 11, 7, 10, 12, 16, 13 };
	static const double s3[] = { 20, 16, 18, 30, 14, 12, 22, 15, 11, 13, 14, 10 };
	static const double s4[] = { 5, 4, 6, 3, 9, 8, 10, 6, 7, 9, 11, 7 };
	struct chart_kpi k[4] = {
		{ "Incidents", 42, 45, NULL, NULL, 0, s1, 12 },
		{ "Public bodies hit", 13, 16, NULL, NULL, 0, s2, 12 },
		{ "Median time to contain", 10, 14, "10 h", "\xe2\x96\xbc \xe2\x88\x92" "4 h", -1, s3, 12 },
		{ "Ransomware", 7, 11, NULL, NULL, 1, s4, 12 },
	};
	struct chart_data d = { 0 };

	d.title = "April 2024 at a glance";
	d.subtitle = "Against March 2024; sparklines: the last 12 months";
	d.n = 42;
	d.kpis = k;
	d.kpi_nr = 4;
	out("kpi", CHART_KPI, &d, 170, 60);
}

static void europe(void)
{
	/* Every EU/EEA country, the UK and Switzerland are covered: 0 where none. */
	static const char *const codes[] = {
		"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
		"IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES",
		"SE", "IS", "LI", "NO", "GB", "CH", "UA",
	};
	static const double v[] = {
		3, 23, 0, 1, 0, 2, 1, 0, 2, 12, 15, 1, 0, 2, 6, 0, 1, 1, 1, 17, 5, 0, 2, 0,
		0, 7, 4, 0, 0, 3, 9, 2, NAN,
	};
	struct chart_series s = { NULL, v };
	struct chart_data d = { 0 };

	d.title = "Incidents by country of the victim";
	d.subtitle = "April 2024";
	d.note = "Hatched: no data (outside the sources' coverage). Made with Natural Earth.";
	d.n = 107;
	d.nr = NR(v);
	d.labels = codes;
	d.series = &s;
	d.series_nr = 1;
	out("map", CHART_MAP, &d, 170, 90);
}

static void hard_cases(void)
{
	static const char *const labels[] = {
		"A category with a very long name that goes on and on, far beyond what any "
		"label column could hold, and then some more words for good measure, and yet more",
		"Short",
		"Médiathèque de Liège — Département des systèmes d’information et de la "
		"communication numérique",
	};
	static const double v[] = { 3, 2, 1 };
	static const double zero[] = { 0, 0, 0 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { 0 };

	d.title = "A title that is far too long for the width of the chart and must be shortened "
		  "with an ellipsis rather than run into the n in the corner";
	d.subtitle = "A period description that is also much too long to fit next to the flag for "
		     "small numbers, which must stay readable";
	d.n = 6;
	d.nr = 3;
	d.labels = labels;
	d.series = &s;
	d.series_nr = 1;
	d.show_share = 1;
	out("long-labels", CHART_BAR, &d, 170, 90);
	out("long-labels-column", CHART_COLUMN, &d, 170, 90);

	d.title = "Incidents by country";
	d.subtitle = "April 2024";
	d.n = 0;
	s.values = zero;
	out("empty", CHART_BAR, &d, 170, 90);
	out("empty-map", CHART_MAP, &d, 170, 90);
	d.kpi_nr = 0;
	out("empty-kpi", CHART_KPI, &d, 170, 60);

	d.n = 6;
	s.values = v;
	d.title = "Incidents by country";
	d.subtitle = "April 2024";
	out("tiny-donut", CHART_DONUT, &d, 170, 90);
	out("small-bar", CHART_BAR, &d, 80, 60);
}

/* Counts of 1 and 2: the axis fits them rather than laying them flat. */
static void small_counts(void)
{
	static const double v[] = { 1, 0, 2, 1, 0, 0, 1, 2, 0, 1, 0, 1 };
	struct chart_series s = { NULL, v };
	struct chart_data d = { 0 };

	d.title = "Incidents per month";
	d.subtitle = "May 2023 to April 2024";
	d.n = 9;
	d.nr = NR(v);
	d.labels = months;
	d.series = &s;
	d.series_nr = 1;
	d.unit = "incidents";
	out("small-column", CHART_COLUMN, &d, 170, 90);
	out("small-line", CHART_LINE, &d, 170, 90);
}

#define MAX_ROWS 256
#define MAX_SERIES 6

/* One chart read from a TSV file; everything it points to lives here. */
struct tsv_chart {
	enum chart_kind kind;
	struct chart_data d;
	struct strlist text;		/* owns every string the chart points to */
	const char *labels[MAX_ROWS];
	double values[MAX_SERIES][MAX_ROWS], compare[MAX_ROWS];
	unsigned flags[MAX_ROWS];
	struct chart_series series[MAX_SERIES];
	struct chart_marker markers[8];
	struct chart_kpi kpis[8];
	double spark[8][64];
};

static const char *keep(struct tsv_chart *t, const char *s)
{
	strlist_add(&t->text, s);
	return t->text.v[t->text.n - 1];
}

static double number(const char *s)
{
	char *end;
	double v = strtod(s, &end);

	return end == s ? NAN : v;
}

/* Splits `line` at tabs in place; returns the number of fields. */
static int fields(char *line, char **f, int max)
{
	int n = 0;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		f[n++] = line;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = '\0';
	}
	return n;
}

static int read_tsv(const char *path, struct tsv_chart *t)
{
	FILE *fp = fopen(path, "r");
	char line[4096], *f[80];
	int lineno = 0, ns = 0, has_compare = 0, catalog = 0;
	struct chart_data *d = &t->d;

	if (!fp)
		return error("'%s': %s", path, strerror(errno));
	memset(d, 0, sizeof(*d));
	d->n = -1;
	t->kind = CHART_BAR;
	while (fgets(line, sizeof(line), fp)) {
		int n = fields(line, f, 80);

		lineno++;
		if (n < 2 || f[0][0] == '#')
			continue;
		if (!strcmp(f[0], "kind") && chart_kind_parse(f[1]) >= 0)
			t->kind = (enum chart_kind)chart_kind_parse(f[1]);
		else if (!strcmp(f[0], "title"))
			d->title = keep(t, f[1]);
		else if (!strcmp(f[0], "subtitle"))
			d->subtitle = keep(t, f[1]);
		else if (!strcmp(f[0], "note"))
			d->note = keep(t, f[1]);
		else if (!strcmp(f[0], "unit"))
			d->unit = keep(t, f[1]);
		else if (!strcmp(f[0], "n"))
			d->n = (long)number(f[1]);
		else if (!strcmp(f[0], "share"))
			d->show_share = 1;
		else if (!strcmp(f[0], "flags"))
			catalog = 1;
		else if (!strcmp(f[0], "series") && ns < MAX_SERIES)
			t->series[ns++].name = keep(t, f[1]);
		else if (!strcmp(f[0], "compare")) {
			d->compare.name = keep(t, f[1]);
			has_compare = 1;
		} else if (!strcmp(f[0], "row") && d->nr < MAX_ROWS) {
			if (!ns)
				ns = 1;
			t->labels[d->nr] = keep(t, f[1]);
			for (int i = 0; i < ns; i++)
				t->values[i][d->nr] = 2 + i < n ? number(f[2 + i]) : NAN;
			t->compare[d->nr] = 2 + ns < n ? number(f[2 + ns]) : NAN;
			d->nr++;
		} else if (!strcmp(f[0], "marker") && n >= 3 && d->marker_nr < 8) {
			t->markers[d->marker_nr++] = (struct chart_marker){ keep(t, f[1]), number(f[2]) };
		} else if (!strcmp(f[0], "interval") && n >= 4) {
			d->low = number(f[1]);
			d->high = number(f[2]);
			d->level = number(f[3]);
		} else if (!strcmp(f[0], "kpi") && n >= 5 && d->kpi_nr < 8) {
			struct chart_kpi *k = &t->kpis[d->kpi_nr];
			char *p = n >= 6 ? f[5] : NULL;

			*k = (struct chart_kpi){ keep(t, f[1]), number(f[2]), number(f[3]), NULL, NULL,
						 (int)number(f[4]), t->spark[d->kpi_nr], 0 };
			while (p && *p && k->spark_nr < 64) {
				t->spark[d->kpi_nr][k->spark_nr++] = number(p);
				p = strchr(p, ',');
				p = p ? p + 1 : NULL;
			}
			d->kpi_nr++;
		} else {
			fclose(fp);
			return error_at(path, lineno, 0, "cannot read '%s'", f[0]);
		}
	}
	fclose(fp);
	for (int i = 0; i < ns; i++)
		t->series[i].values = t->values[i];
	d->labels = t->labels;
	d->series = t->series;
	d->series_nr = (size_t)ns;
	if (has_compare)
		d->compare.values = t->compare;
	d->markers = t->markers;
	d->kpis = t->kpis;
	if (catalog) {
		for (size_t i = 0; i < d->nr; i++)
			t->flags[i] = (t->values[0][i] < 5 ? CHART_SUPPRESSED : 0) |
				      (d->n < 30 ? CHART_UNRELIABLE : 0);
		d->flags = t->flags;
	}
	return 0;
}

static void from_file(const char *path)
{
	static struct tsv_chart t;
	const char *base = strrchr(path, '/');
	char name[256];

	strlist_init(&t.text);
	snprintf(name, sizeof(name), "%s", base ? base + 1 : path);
	name[strcspn(name, ".")] = '\0';
	if (read_tsv(path, &t) < 0)
		failures++;
	else
		out(name, t.kind, &t.d, 170, t.kind == CHART_KPI ? 60 : 90);
	strlist_release(&t.text);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "geo", required_argument, NULL, 'g' },
		{ "dpi", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *geo_path = "data/geo/europe-50m.geojson";
	long n;
	int c;

	error_set_command("gallery");
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			outdir = optarg;
			break;
		case 'g':
			geo_path = optarg;
			break;
		case 'd':
			if (parse_long(optarg, 18, 1200, &n) < 0)
				die("--dpi: '%s' is not a number from 18 to 1200", optarg);
			dpi = (double)n;
			break;
		case 'f':
			if (strcmp(optarg, "png") && strcmp(optarg, "svg") && strcmp(optarg, "pdf"))
				die("--format: '%s' is not png, svg or pdf", optarg);
			ext = optarg;
			break;
		default:
			fprintf(stderr, "usage: chart_gallery [-o DIR] [--geo FILE] [--dpi N] "
				"[--format png|svg|pdf]\n");
			return 2;
		}
	}
	mkdir(outdir, 0777);
	if (geo_load(&geo, geo_path) < 0)
		return 1;
	countries();
	sectors();
	per_month();
	shares();
	response();
	kpis();
	europe();
	hard_cases();
	small_counts();
	for (int i = optind; i < argc; i++)
		from_file(argv[i]);
	geo_release(&geo);
	chart_cleanup();
	cairo_debug_reset_static_data();
	FcFini();
	return failures ? 1 : 0;
}
