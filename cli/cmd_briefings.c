#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../store/briefing.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/banned.h"

const char briefings_help[] =
	"usage: ibrief briefings [--format table|json] [show ID]\n"
	"\n"
	"Lists the briefings 'ibrief report' wrote from this store, newest first:\n"
	"when, template, period, filters, language, label, the incidents counted\n"
	"and the file. 'show ID' gives one in full with the headline figures it\n"
	"printed (incidents, share of public bodies, incidents by country) and\n"
	"the SHA-256 of the file as written. The history is kept in the store:\n"
	"deleting or moving the store file loses it.\n"
	"\n"
	"Options:\n"
	"  --format F   table (default) or json\n"
	HELP_DB("    ", "               ")
	"\n"
	"Example:\n"
	"  ibrief briefings show 3 --format json\n";

/* Text from the store as a terminal may show it. */
static const char *shown(struct buf *b, const char *s)
{
	buf_reset(b);
	utf8_escape(b, s, strlen(s), 0);
	return b->buf;
}

static json_t *figures_json(const struct store_briefing *r)
{
	json_t *o = json_object(), *countries = json_object();

	for (size_t i = 0; i < r->figures_nr; i++) {
		const struct store_figure *f = &r->figures[i];
		json_t *v = f->null ? json_null() : !strcmp(f->name, "public-share") ?
			json_real(f->value) : json_integer((json_int_t)f->value);

		if (!strcmp(f->name, "country"))
			json_object_set_new(countries, f->label, v);
		else
			json_object_set_new(o, f->name, v);
	}
	json_object_set_new(o, "countries", countries);
	return o;
}

static json_t *briefing_json(const struct store_briefing *r, int figures)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(r->id));
	json_object_set_new(o, "issued_at", json_string(r->issued_at));
	json_object_set_new(o, "template", json_string(r->template));
	json_object_set_new(o, "template_digest", json_string(r->template_digest));
	json_object_set_new(o, "period", json_string(r->period_label));
	json_object_set_new(o, "period_kind", json_string(r->period_kind));
	json_object_set_new(o, "from", json_string(r->period_from));
	json_object_set_new(o, "to", json_string(r->period_to));
	json_object_set_new(o, "filters", json_string(r->filters));
	json_object_set_new(o, "lang", json_string(r->lang));
	json_object_set_new(o, "tlp", json_string(r->tlp));
	json_object_set_new(o, "file", json_string(r->path));
	json_object_set_new(o, "sha256", json_string(r->sha256));
	json_object_set_new(o, "bytes", json_integer(r->bytes));
	json_object_set_new(o, "incidents", json_integer(r->incidents));
	json_object_set_new(o, "incidents_digest", json_string(r->incidents_digest));
	if (figures)
		json_object_set_new(o, "figures", figures_json(r));
	return o;
}

static void write_json(json_t *o)
{
	json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(o);
}

static void show_text(const struct store_briefing *r)
{
	struct buf b = BUF_INIT;

	printf("briefing %lld\n", r->id);
	printf("issued:      %s\n", r->issued_at);
	printf("template:    %s (FNV-1a 64: %s)\n", shown(&b, r->template), r->template_digest);
	printf("period:      %s (%s to %s)\n", r->period_label, r->period_from, r->period_to);
	printf("filters:     %s\n", shown(&b, r->filters));
	printf("language:    %s\n", r->lang);
	printf("marking:     %s\n", r->tlp);
	printf("file:        %s\n", shown(&b, r->path));
	printf("size:        %lld bytes\n", r->bytes);
	printf("sha256:      %s\n", r->sha256);
	printf("counted:     %lld incidents (digest %s)\n", r->incidents, r->incidents_digest);
	printf("figures:\n");
	for (size_t i = 0; i < r->figures_nr; i++) {
		const struct store_figure *f = &r->figures[i];

		if (f->null)
			printf("  %-14s %-3s -\n", f->name, f->label);
		else if (!strcmp(f->name, "public-share"))
			printf("  %-14s %-3s %.1f%%\n", f->name, f->label, f->value * 100);
		else
			printf("  %-14s %-3s %.0f\n", f->name, shown(&b, f->label), f->value);
	}
	buf_release(&b);
}

static void list_table(const struct store_briefing *v, size_t n)
{
	struct buf a = BUF_INIT, b = BUF_INIT;

	printf("%-4s  %-20s  %-14s  %-12s  %-5s  %-4s  %9s  %s\n", "id", "issued", "template",
	       "period", "lang", "tlp", "incidents", "file (filters)");
	for (size_t i = 0; i < n; i++)
		printf("%-4lld  %-20s  %-14s  %-12s  %-5s  %-4s  %9lld  %s (%s)\n", v[i].id,
		       v[i].issued_at, shown(&a, v[i].template), v[i].period_label, v[i].lang,
		       v[i].tlp + (strncmp(v[i].tlp, "TLP:", 4) ? 0 : 4), v[i].incidents,
		       shown(&b, v[i].path), v[i].filters);
	buf_release(&a);
	buf_release(&b);
}

static int show_one(struct store *st, const char *ref, int json)
{
	struct store_briefing r;
	long id;
	int found;

	if (parse_long(ref, 1, LONG_MAX, &id) < 0)
		return usage_error("briefings", "show: '%s' is not a briefing number", ref);
	found = store_briefing_get(st, id, &r);
	if (found < 0)
		return EXIT_WORK;
	if (!found) {
		error("no briefing %ld in the store", id);
		return EXIT_WORK;
	}
	if (json)
		write_json(briefing_json(&r, 1));
	else
		show_text(&r);
	store_briefing_release(&r);
	return finish_output(0);
}

static int list_all(struct store *st, int json)
{
	struct store_briefing *v;
	size_t n;

	if (store_briefing_list(st, &v, &n) < 0)
		return EXIT_WORK;
	if (json) {
		json_t *a = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(a, briefing_json(&v[i], 1));
		write_json(a);
	} else {
		list_table(v, n);
	}
	for (size_t i = 0; i < n; i++)
		store_briefing_release(&v[i]);
	free(v);
	return finish_output(0);
}

int cmd_briefings(int argc, char **argv)
{
	static const struct option options[] = {
		OPT_DB,
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store *st = NULL;
	int json = 0, c, ret;

	while ((c = cli_getopt(argc, argv, ":hf:", options)) != -1) {
		if (c == 'h')
			return print_help("briefings");
		if (c != 'f')
			return getopt_error("briefings", c, argv);
		if (!strcmp(optarg, "json"))
			json = 1;
		else if (strcmp(optarg, "table"))
			return usage_error("briefings", "--format: '%s' is not one of table, json",
					   optarg);
	}
	if (optind < argc && strcmp(argv[optind], "show"))
		return usage_error("briefings", "unexpected argument '%s'", argv[optind]);
	if (optind < argc && argc - optind != 2)
		return usage_error("briefings", "show: give one briefing number");
	if (cli_open_store(&st, STORE_READ) < 0)
		return EXIT_WORK;
	ret = optind < argc ? show_one(st, argv[optind + 1], json) : list_all(st, json);
	store_close(st);
	return ret;
}
