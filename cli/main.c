/*
 * ibrief: turn a store of cyber incidents into briefings.
 *
 * Global options come before the command (`ibrief --db x.db list`); every
 * command also takes --db itself. The command table below is the one place
 * that lists the commands: help and dispatch both read it.
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../charts/chart.h"
#include "../lang/lang.h"
#include "../util/config.h"
#include "../util/country.h"
#include "../util/util.h"
#include "../util/version.h"
#include "../util/banned.h"

static int cmd_help(int argc, char **argv);

static const char help_help[] =
	"usage: ibrief help [COMMAND]\n"
	"\n"
	"Shows what COMMAND does and its options, or the list of commands.\n"
	"\n"
	"Example:\n"
	"  ibrief help import\n";

static const struct command commands[] = {
	{ "import", cmd_import, "read incidents from tracker pages, VERIS JSON or CSV", import_help },
	{ "list", cmd_list, "list incidents, newest first", list_help },
	{ "show", cmd_show, "show one incident in full", show_help },
	{ "stats", cmd_stats, "summarise what the store holds", stats_help },
	{ "query", cmd_query, "run a named aggregation query", query_help },
	{ "chart", cmd_chart, "draw a query's answer as a chart (PNG, SVG, PDF)", chart_help },
	{ "report", cmd_report, "write a PDF briefing for management", report_help },
	{ "mark", cmd_mark, "pin an incident as notable, or ignore it", mark_help },
	{ "briefings", cmd_briefings, "list the briefings written, with their figures", briefings_help },
	{ "store", cmd_store, "copy a whole store, between SQLite and PostgreSQL", store_help },
	{ "mail", cmd_mail, "send a briefing PDF by e-mail", mail_help },
	{ "init", cmd_init, "write a starter configuration file", init_help },
	{ "help", cmd_help, "show help for a command", help_help },
};

const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static void main_usage(FILE *out)
{
	int width = 0;

	fputs("usage: ibrief [--db PATH] COMMAND [OPTIONS] [ARGS]\n"
	      "\n"
	      "Turns a store of cyber incidents into briefings.\n"
	      "\n"
	      "Commands:\n", out);
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if ((int)strlen(commands[i].name) > width)
			width = (int)strlen(commands[i].name);
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(out, "  %-*s  %s\n", width, commands[i].name, commands[i].summary);
	fputs("\n"
	      "Options:\n"
	      HELP_DB("    ", "               ")
	      "  --help       show this help\n"
	      "  --version    show the version\n"
	      "\n"
	      "Example:\n"
	      "  ibrief import pages/*.txt vcdb.jsonl.gz && ibrief list --country BE --limit 10\n"
	      "\n"
	      "'ibrief help COMMAND' tells more about a command.\n"
	      "Exit status: 0 done, 1 the work failed, 2 wrong usage.\n", out);
}

static int cmd_help(int argc, char **argv)
{
	const struct command *c;

	if (argc > 2)
		return usage_error("help", "too many arguments");
	if (argc < 2) {
		main_usage(stdout);
		return finish_output(0);
	}
	c = command_find(argv[1]);
	if (!c)
		return usage_error("help", "'%s' is not an ibrief command", argv[1]);
	return print_help(c->name);
}

/*
 * Process-wide teardown, once, after the command: the configuration, the
 * country and translation tables, the chart fonts, cairo's static data and
 * fontconfig's, so that a leak checker sees a clean exit. Nothing may use
 * fontconfig after this.
 */
static void teardown(void)
{
	config_user_release();
	country_free();
	i18n_free();
	chart_cleanup();
	cairo_debug_reset_static_data();
	FcFini();
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		OPT_DB,
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const struct command *c;
	int opt, ret;

	while ((opt = cli_getopt(argc, argv, "+:hV", options)) != -1) {
		switch (opt) {
		case 'h':
			main_usage(stdout);
			return finish_output(0);
		case 'V':
			printf("ibrief %s\n", ibrief_version);
			return finish_output(0);
		default:
			fprintf(stderr, "ibrief: unknown option '%s'\n", argv[optind - 1]);
			fputs("usage: ibrief [--db PATH] COMMAND [OPTIONS] [ARGS]\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		main_usage(stderr);
		return EXIT_USAGE;
	}
	c = command_find(argv[optind]);
	if (!c) {
		fprintf(stderr, "ibrief: '%s' is not an ibrief command; see 'ibrief --help'\n",
			argv[optind]);
		return EXIT_USAGE;
	}
	error_set_command(c->name);
	/* A bad configuration file stops every command but help and init. */
	if (c->run != cmd_help && c->run != cmd_init && !config_user())
		return EXIT_WORK;
	argc -= optind;
	argv += optind;
	optind = 0;	/* glibc: start afresh for the command's own options */
	ret = c->run(argc, argv);
	teardown();
	return ret;
}
