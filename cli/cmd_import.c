#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../store/import.h"
#include "../util/banned.h"

const char import_help[] =
	"usage: ibrief import [--format auto|page|veris|csv] [--skip-bad] [--dry-run]\n"
	"                     FILE...\n"
	"\n"
	"Reads incidents into the store. FILE may be gzip-compressed; '-' reads\n"
	"standard input. Each file is one transaction: it goes in whole or, on the\n"
	"first bad record, not at all. Importing a record again changes nothing;\n"
	"a record whose source changed is updated in place.\n"
	"\n"
	"Options:\n"
	"  --format F   auto (default: decided by the content), page (saved tracker\n"
	"               pages), veris (VERIS JSON: one object, an array, or JSON Lines)\n"
	"               or csv (see docs/csv-format.md)\n"
	"  --skip-bad   report bad records and import the good ones\n"
	"  --dry-run    read and check everything, change nothing\n"
	HELP_DB("    ", "               ")
	"\n"
	"Ends with a summary on stderr:\n"
	"  imported N new, N updated, N unchanged, N rejected from N files in X s\n"
	"\n"
	"Example:\n"
	"  ibrief import --skip-bad saved-pages/*.txt vcdb.jsonl.gz\n";

int cmd_import(int argc, char **argv)
{
	static const struct option options[] = {
		OPT_DB,
		{ "format", required_argument, NULL, 'f' },
		{ "skip-bad", no_argument, NULL, 's' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_options opts = { .format = IMPORT_AUTO };
	struct cli_progress progress;
	struct import_totals totals;
	struct store *st = NULL;
	int c, stdin_seen = 0, ret;

	while ((c = cli_getopt(argc, argv, ":h", options)) != -1) {
		switch (c) {
		case 'f':
			if (import_format_parse(optarg, &opts.format) < 0)
				return usage_error("import", "--format: '%s' is not one of auto, page, veris, csv",
						   optarg);
			break;
		case 's':
			opts.skip_bad = 1;
			break;
		case 'n':
			opts.dry_run = 1;
			break;
		case 'h':
			return print_help("import");
		default:
			return getopt_error("import", c, argv);
		}
	}
	if (optind >= argc)
		return usage_error("import", "no file to import");
	for (int i = optind; i < argc; i++) {
		if (strcmp(argv[i], "-"))
			continue;
		if (stdin_seen++)
			return usage_error("import", "'-' (standard input) is named twice");
	}
	if (isatty(STDERR_FILENO))
		opts.progress = cli_progress(&progress);

	if (cli_open_store(&st, STORE_WRITE) < 0)
		return EXIT_WORK;
	ret = import_files(st, (const char *const *)argv + optind, (size_t)(argc - optind),
			   &opts, &totals);
	store_close(st);
	fprintf(stderr, "%s%ld new, %ld updated, %ld unchanged, %ld rejected from %ld file%s in %.2f s\n",
		opts.dry_run ? "dry run, nothing changed: would import " : "imported ",
		totals.new_, totals.updated, totals.unchanged, totals.rejected,
		totals.files, totals.files == 1 ? "" : "s", totals.seconds);
	if (totals.failed)
		error("%ld of %ld file%s not imported", totals.failed, totals.files,
		      totals.files == 1 ? "" : "s");
	return finish_output(ret < 0 ? EXIT_WORK : 0);
}
