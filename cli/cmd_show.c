#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../store/export.h"
#include "../util/banned.h"

const char show_help[] =
	"usage: ibrief show [--format text|json] ID\n"
	"\n"
	"Shows one incident in full: every field, what was read from the wording\n"
	"(and the phrase it came from), and where the record was imported from.\n"
	"ID is the number `ibrief list` prints, or the incident's key.\n"
	"\n"
	"Options:\n"
	"  --format F   text (default) or json\n"
	HELP_DB("    ", "               ")
	"\n"
	"Example:\n"
	"  ibrief show 42 --format json\n";

int cmd_show(int argc, char **argv)
{
	static const struct option options[] = {
		OPT_DB,
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct incident inc;
	struct store *st = NULL;
	int json = 0, c, found;

	while ((c = cli_getopt(argc, argv, ":h", options)) != -1) {
		switch (c) {
		case 'F':
			if (!strcmp(optarg, "json"))
				json = 1;
			else if (strcmp(optarg, "text"))
				return usage_error("show", "--format: '%s' is not one of text, json", optarg);
			break;
		case 'h':
			return print_help("show");
		default:
			return getopt_error("show", c, argv);
		}
	}
	if (optind >= argc)
		return usage_error("show", "no incident named");
	if (optind + 1 < argc)
		return usage_error("show", "one incident at a time (got '%s' too)", argv[optind + 1]);
	if (cli_open_store(&st, STORE_READ) < 0)
		return EXIT_WORK;

	incident_init(&inc);
	found = store_get(st, argv[optind], &inc);
	if (found == 0)
		error("'%s': no such incident in '%s'", argv[optind], store_path(st));
	store_close(st);
	if (found <= 0)
		return EXIT_WORK;
	if (json) {
		json_t *o = incident_json(&inc);

		json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fputc('\n', stdout);
		json_decref(o);
	} else {
		incident_write_text(stdout, &inc);
	}
	incident_release(&inc);
	return finish_output(0);
}
