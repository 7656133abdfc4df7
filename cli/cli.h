#ifndef CLI_H
#define CLI_H

/*
 * The `ibrief` command: one file per command (cmd_<name>.c), dispatched
 * through the table in main.c. Commands parse their arguments, call the
 * parts, and return the exit code: 0 done, 1 the work failed (bad input,
 * a database error), 2 wrong usage. Only this layer exits.
 */

#include <getopt.h>

#include "../store/store.h"
#include "../util/buf.h"
#include "../util/notify.h"

#define EXIT_WORK 1
#define EXIT_USAGE 2

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;	/* one line, for `ibrief --help` */
	const char *help;	/* the full text of `ibrief help NAME` */
};

/* Finds a command by name; NULL when there is none. */
const struct command *command_find(const char *name);

int cmd_import(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_mark(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_chart(int argc, char **argv);
int cmd_mail(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_briefings(int argc, char **argv);
int cmd_store(int argc, char **argv);

extern const char import_help[], list_help[], show_help[], stats_help[];
extern const char query_help[], mark_help[], chart_help[], report_help[], mail_help[];
extern const char init_help[], briefings_help[], store_help[];

/*
 * The help line of --db, the same in every command: `pad` aligns the
 * description with the command's other options, `indent` its second line.
 */
#define HELP_DB(pad, indent) \
	"  --db PATH" pad "the store (default: $IBRIEF_DB, else the configuration's\n" \
	indent "[store] path, else ./incidents.db)\n"

/* The option every command takes, and how it is spelt in option tables. */
#define OPT_DB_NUMBER 1000
#define OPT_DB { "db", required_argument, NULL, OPT_DB_NUMBER }

/*
 * The store path in force: --db if given, else $IBRIEF_DB, else path in
 * [store] of the configuration file (util/config.h), else ./incidents.db.
 * Set by main.c and by each command's --db.
 */
extern const char *cli_db_path;
const char *cli_store_path(void);

/* Opens the store at cli_store_path(). Returns 0, or -1 with a message. */
int cli_open_store(struct store **st, enum store_mode mode);

/*
 * Reports a usage error for `cmd` ("ibrief: list: --limit: 'x' is not a
 * whole number"), then the command's usage line, and returns EXIT_USAGE.
 */
int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints the command's help to stdout; returns 0. */
int print_help(const char *cmd);

/*
 * Where the templates and the map shapes are, in this order:
 *  - $IBRIEF_DATA: DIR/templates and DIR/geo;
 *  - an installed tree: EXE/../share/ibrief/{templates,geo}, EXE being the
 *    directory of the running program;
 *  - the source tree the program was built in: templates/ and data/geo/ in
 *    EXE, EXE/.. or EXE/../.. (./ibrief, build/NAME/ibrief).
 * Sets `templates` and `data` (the directory holding geo/); returns -1,
 * without a message, when none is found.
 */
int cli_data_dirs(struct buf *templates, struct buf *data);

/*
 * Where the lower layers' progress and status lines go: standard error.
 * cli_notify_stderr() shows status lines as they come; cli_progress() a
 * terminal's passing progress line, once a piece of work has run a second,
 * at most four times a second, erased when it is done. The struct
 * cli_progress is the callback's state and must outlive the work.
 */
struct cli_progress {
	double last;	/* `seconds` of the line last shown; 0: none yet */
};
struct notify cli_notify_stderr(void);
struct notify cli_progress(struct cli_progress *state);

/* Flushes stdout and reports a write error. Returns `code`, or 1 on error. */
int finish_output(int code);

/*
 * getopt_long() that handles --db itself (every command takes it) and
 * returns the other options like getopt_long(). Errors are left to the
 * caller: pass shortopts starting with ':' and handle '?' and ':'.
 */
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts);

/* The usage error for getopt's '?' (unknown option) or ':' (missing value). */
int getopt_error(const char *cmd, int c, char **argv);

#endif
