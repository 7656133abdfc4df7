#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "filter.h"
#include "../charts/chart.h"
#include "../charts/fromquery.h"
#include "../charts/geo.h"
#include "../queries/query.h"
#include "../lang/lang.h"
#include "../util/buf.h"
#include "../util/file.h"
#include "../util/banned.h"

const char chart_help[] =
	"usage: ibrief chart NAME [PERIOD] [FILTERS] [--kind K] [--lang L] [SIZE] -o FILE\n"
	"\n"
	"Draws the answer of a named query as a chart and writes it to FILE, as PNG,\n"
	"SVG or PDF by its extension (.png, .svg, .pdf).\n"
	"\n"
	"Each query is drawn as a kind of its own; --kind chooses another that fits:\n"
	"  overview                  kpi (tiles: incidents, public share, countries)\n"
	"  by-country                bar, or map (Europe)\n"
	"  by-sector, by-type, public-kinds, techniques, motives, actors\n"
	"                            bar\n"
	"  by-month                  column, or line (with the same months a year\n"
	"                            earlier)\n"
	"  public-sector             donut, share-bar or bar\n"
	"  response-time             distribution (with median and p90), or bar\n"
	"'notable' is a table, not a chart: see 'ibrief query notable'.\n"
	"\n"
	"Period and filters: as for 'ibrief query' (see 'ibrief help query'):\n"
	"  --month M, --quarter Q, --year YYYY, --from DATE, --to DATE\n"
	"  --country CC[,CC...], --sector S, --public-sector, --type T\n"
	"  --limit N         bars of techniques, motives, actors (default 10)\n"
	"\n"
	"Output:\n"
	"  -o, --output FILE the file to write (required); written whole or not at all\n"
	"  --kind K          bar, column, line, donut, share-bar, distribution, kpi, map\n"
	"  --lang L          the chart's words, months and numbers: en (default), fr,\n"
	"                    nl or de, as in 'ibrief report'\n"
	"Size:\n"
	"  --width PT        the chart's width in points (1/72 inch), 100 to 2000;\n"
	"                    default 480 (about 170 mm)\n"
	"  --height PT       its height, 100 to 2000; default 270\n"
	"  --dpi N           PNG only: pixels per inch, 72 to 1200; default 144\n"
	"                    (2 pixels a point)\n"
	HELP_DB("         ", "                    ")
	"\n"
	"A map reads the country shapes from $IBRIEF_DATA/geo/europe-50m.geojson,\n"
	"else from data/geo/europe-50m.geojson under the current directory.\n"
	"Ends with one line on stderr: the file, the kind and the size.\n"
	"\n"
	"Examples:\n"
	"  ibrief chart by-country --month 2024-04 --kind map -o map.png\n"
	"  ibrief chart by-month --year 2024 --kind line -o trend.svg\n";

#define DEFAULT_WIDTH 480
#define DEFAULT_HEIGHT 270
#define DEFAULT_DPI 144

enum {
	OPT_KIND = 1200, OPT_WIDTH, OPT_HEIGHT, OPT_DPI, OPT_LANG,
};

struct chart_options {
	const char *name, *output;
	int kind;		/* -1: the query's own */
	int lang;		/* enum lang */
	long width, height, dpi;
	int has_dpi;
	struct filter_options f;
};

/* The map's shapes, where the report finds them (cli_data_dirs(), geo_path()). */
static void map_path(struct buf *out)
{
	struct buf templates = BUF_INIT, data = BUF_INIT;

	cli_data_dirs(&templates, &data);
	geo_path(out, data.buf, GEO_EUROPE);
	buf_release(&templates);
	buf_release(&data);
}

static int parse_size(const char *opt, const char *arg, long min, long max, long *out)
{
	if (parse_long(arg, min, max, out) < 0)
		return usage_error("chart", "%s: '%s' is not a whole number from %ld to %ld",
				   opt, arg, min, max);
	return 0;
}

static int parse_kind(struct chart_options *o, const char *arg)
{
	struct buf names = BUF_INIT;
	int ret;

	o->kind = chart_kind_parse(arg);
	if (o->kind >= 0)
		return 0;
	for (int k = 0; k < CHART_KIND_NR; k++)
		buf_addf(&names, "%s%s", k ? ", " : "", chart_kind_name((enum chart_kind)k));
	ret = usage_error("chart", "--kind: '%s' is not a chart kind (%s)", arg, names.buf);
	buf_release(&names);
	return ret;
}

static int parse_options(int argc, char **argv, struct chart_options *o)
{
	static const struct option options[] = {
		OPT_DB,
		FILTER_OPTIONS,
		FILTER_OPTION_LIMIT,
		{ "output", required_argument, NULL, 'o' },
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "width", required_argument, NULL, OPT_WIDTH },
		{ "height", required_argument, NULL, OPT_HEIGHT },
		{ "dpi", required_argument, NULL, OPT_DPI },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, ret;

	while ((c = cli_getopt(argc, argv, ":ho:", options)) != -1) {
		ret = filter_option("chart", &o->f, c, optarg);
		if (ret == 0)
			continue;
		if (ret != 1)
			return ret;
		ret = 0;
		switch (c) {
		case 'o':
			if (!*optarg)
				return usage_error("chart", "-o: the file name is empty");
			o->output = optarg;
			break;
		case OPT_KIND:
			ret = parse_kind(o, optarg);
			break;
		case OPT_WIDTH:
			ret = parse_size("--width", optarg, 100, 2000, &o->width);
			break;
		case OPT_HEIGHT:
			ret = parse_size("--height", optarg, 100, 2000, &o->height);
			break;
		case OPT_DPI:
			ret = parse_size("--dpi", optarg, 72, 1200, &o->dpi);
			o->has_dpi = 1;
			break;
		case OPT_LANG:
			ret = filter_lang("chart", optarg, &o->lang);
			break;
		case 'h':
			return -1;
		default:
			return getopt_error("chart", c, argv);
		}
		if (ret)
			return ret;
	}
	if (optind < argc)
		o->name = argv[optind++];
	if (optind < argc)
		return usage_error("chart", "unexpected argument '%s'", argv[optind]);
	return 0;
}

/* "bar or map", the kinds `q` draws as, in a new string the caller frees. */
static char *kinds_of(const struct query *q)
{
	struct buf b = BUF_INIT;
	int left = 0;

	for (int k = 0; k < CHART_KIND_NR; k++)
		left += query_chart_can_draw(q, k);
	for (int k = 0; k < CHART_KIND_NR; k++)
		if (query_chart_can_draw(q, k))
			buf_addf(&b, "%s%s", chart_kind_name((enum chart_kind)k),
				 --left > 1 ? ", " : left ? " or " : "");
	return buf_detach(&b, NULL);
}

/* Checks what depends on the query and the file; returns 0 or EXIT_USAGE. */
static int check_chart(struct chart_options *o, const struct query **q)
{
	char *kinds;
	int ret;

	if (!o->name) {
		struct buf names = BUF_INIT;

		for (size_t i = 0; i < query_catalog_nr; i++)
			if (query_chart_default_kind(query_catalog[i]) >= 0)
				buf_addf(&names, "%s%s", names.len ? ", " : "", query_catalog[i]->name);
		ret = usage_error("chart", "name a query: %s", names.buf);
		buf_release(&names);
		return ret;
	}
	*q = query_find(o->name);
	if (!*q)
		return usage_error("chart", "'%s' is not a query; see 'ibrief query --list'", o->name);
	if (query_chart_default_kind(*q) < 0)
		return usage_error("chart", "query '%s' has no chart: it is a table "
				   "(ibrief query %s)", o->name, o->name);
	if (filter_check_limit("chart", &o->f, *q))
		return EXIT_USAGE;
	if (!query_chart_can_draw(*q, o->kind)) {
		kinds = kinds_of(*q);
		ret = usage_error("chart", "--kind: '%s' cannot be drawn as %s: it draws as %s",
				  o->name, chart_kind_name((enum chart_kind)o->kind), kinds);
		free(kinds);
		return ret;
	}
	if (!o->output)
		return usage_error("chart", "name the file to write with -o FILE.png, .svg or .pdf");
	if (chart_format_for(o->output) < 0)
		return usage_error("chart", "-o: '%s' is not a chart file: name it .png, .svg or .pdf",
				   o->output);
	if (o->has_dpi && chart_format_for(o->output) != CHART_PNG)
		return usage_error("chart", "--dpi: '%s' is not a PNG: SVG and PDF have no pixels",
				   o->output);
	return 0;
}

/* "wrote map.png: map, 480x270 pt, 960x540 px at 144 dpi" */
static void report_written(const struct chart_options *o, const struct chart_spec *spec)
{
	fprintf(stderr, "wrote %s: %s, %ldx%ld pt", o->output, chart_kind_name(spec->kind),
		o->width, o->height);
	if (chart_format_for(o->output) == CHART_PNG)
		fprintf(stderr, ", %ldx%ld px at %ld dpi", (o->width * o->dpi + 71) / 72,
			(o->height * o->dpi + 71) / 72, o->dpi);
	fputc('\n', stderr);
}

int cmd_chart(int argc, char **argv)
{
	struct chart_options o = {
		.kind = -1, .width = DEFAULT_WIDTH, .height = DEFAULT_HEIGHT, .dpi = DEFAULT_DPI,
	};
	const struct query *q = NULL;
	struct query_result *res = NULL;
	struct query_chart_request req = { 0 };
	struct chart_spec spec = { 0 };
	struct geo geo = GEO_INIT;
	struct buf path = BUF_INIT, doc = BUF_INIT;
	struct store *st = NULL;
	int ret;

	filter_options_init(&o.f);
	ret = parse_options(argc, argv, &o);
	if (ret < 0) {
		filter_options_release(&o.f);
		return print_help("chart");
	}
	if (!ret)
		ret = check_chart(&o, &q);
	if (!ret)
		ret = filter_resolve("chart", &o.f);
	if (ret)
		goto out;

	ret = EXIT_WORK;
	spec.kind = (enum chart_kind)(o.kind >= 0 ? o.kind : query_chart_default_kind(q));
	spec.width_pt = (double)o.width;
	spec.height_pt = (double)o.height;
	spec.dpi = (double)o.dpi;
	if (spec.kind == CHART_MAP) {
		map_path(&path);
		if (geo_load(&geo, path.buf) < 0) {
			error("a map needs the country shapes: install ibrief, or set IBRIEF_DATA "
			      "to the directory that holds geo/europe-50m.geojson");
			goto out;
		}
		spec.geo = &geo;
	}
	req.kind = (int)spec.kind;
	req.lang = (enum lang)o.lang;
	if (cli_open_store(&st, STORE_READ) < 0 || filter_resolve_latest(&o.f, st) ||
	    query_run(st, q, &o.f.filter, &res) < 0)
		goto out;
	if (query_chart_draw(res, &req, &spec, (enum chart_format)chart_format_for(o.output),
			     &doc) < 0) {
		error("'%s': chart not written", o.output);
		goto out;
	}
	if (write_file_atomic(o.output, doc.buf, doc.len) < 0)
		goto out;
	report_written(&o, &spec);
	ret = 0;
out:
	query_result_free(res);
	store_close(st);
	geo_release(&geo);
	buf_release(&path);
	buf_release(&doc);
	filter_options_release(&o.f);
	return ret;
}
