#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../store/mark.h"
#include "../util/banned.h"

const char mark_help[] =
	"usage: ibrief mark ID notable|ignore|clear\n"
	"\n"
	"Marks an incident for the notable query, which picks the incidents a\n"
	"briefing summarises: 'notable' lists it first in every period it is in,\n"
	"'ignore' never lists it, 'clear' removes the mark. ID is the incident's\n"
	"number (as 'ibrief list' shows it) or its key. The mark is kept in the\n"
	"store.\n"
	"\n"
	"Options:\n"
	HELP_DB("    ", "               ")
	"\n"
	"Example:\n"
	"  ibrief mark 1234 notable\n";

int cmd_mark(int argc, char **argv)
{
	static const struct option options[] = {
		OPT_DB,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store *st = NULL;
	const char *ref, *mark;
	long long id = 0;
	int c, found;

	while ((c = cli_getopt(argc, argv, ":h", options)) != -1) {
		if (c == 'h')
			return print_help("mark");
		return getopt_error("mark", c, argv);
	}
	if (argc - optind < 2)
		return usage_error("mark", "give an incident and a mark (notable, ignore or clear)");
	if (argc - optind > 2)
		return usage_error("mark", "unexpected argument '%s'", argv[optind + 2]);
	ref = argv[optind];
	mark = argv[optind + 1];
	if (strcmp(mark, "notable") && strcmp(mark, "ignore") && strcmp(mark, "clear"))
		return usage_error("mark", "'%s' is not a mark (notable, ignore or clear)", mark);
	if (cli_open_store(&st, STORE_UPDATE) < 0)
		return EXIT_WORK;
	found = store_mark(st, ref, strcmp(mark, "clear") ? mark : NULL, &id);
	store_close(st);
	if (found < 0)
		return EXIT_WORK;
	if (!found) {
		error("no incident '%s' in the store", ref);
		return EXIT_WORK;
	}
	if (strcmp(mark, "clear"))
		printf("incident %lld marked %s\n", id, mark);
	else
		printf("incident %lld: mark cleared\n", id);
	return finish_output(0);
}
