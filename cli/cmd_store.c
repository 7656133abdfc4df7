#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../store/copy.h"
#include "../util/banned.h"

const char store_help[] =
	"usage: ibrief store copy FROM TO\n"
	"\n"
	"Copies the whole store FROM into TO: every incident with all it holds,\n"
	"the marks, the import log and the briefings with their figures, with\n"
	"their numbers, so that every query answers the same. FROM and TO are\n"
	"stores as --db takes them: a SQLite file or a PostgreSQL database\n"
	"(postgresql://USER@HOST/DB, service=NAME), either way. TO must be new\n"
	"or empty; it is written in one transaction, and a copy that fails\n"
	"leaves it empty. FROM is only read.\n"
	"\n"
	"Examples:\n"
	"  ibrief store copy incidents.db postgresql://analyst@db.example.org/ibrief\n"
	"  ibrief store copy service=ibrief home.db\n";

int cmd_store(int argc, char **argv)
{
	static const struct option options[] = {
		OPT_DB,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_copy_counts n;
	struct cli_progress progress = { 0 };
	struct notify tell;
	int c;

	while ((c = cli_getopt(argc, argv, ":h", options)) != -1) {
		if (c == 'h')
			return print_help("store");
		return getopt_error("store", c, argv);
	}
	if (argc - optind < 1)
		return usage_error("store", "give what to do with the store (copy)");
	if (strcmp(argv[optind], "copy"))
		return usage_error("store", "'%s' is not a store command (copy)", argv[optind]);
	if (argc - optind < 3)
		return usage_error("store", "copy: give the store to copy and where to");
	if (argc - optind > 3)
		return usage_error("store", "copy: unexpected argument '%s'", argv[optind + 3]);
	tell = cli_progress(&progress);
	if (store_copy(argv[optind + 1], argv[optind + 2], &tell, &n) < 0)
		return EXIT_WORK;
	fprintf(stderr, "copied %lld incident%s, %lld mark%s, %lld import%s and %lld briefing%s\n",
		n.incidents, n.incidents == 1 ? "" : "s", n.marks, n.marks == 1 ? "" : "s",
		n.imports, n.imports == 1 ? "" : "s", n.briefings, n.briefings == 1 ? "" : "s");
	return finish_output(0);
}
