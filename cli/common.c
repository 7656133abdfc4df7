#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <limits.h>

#include "../store/incident.h"
#include "../util/util.h"
#include "../util/buf.h"
#include "../util/config.h"
#include "../util/banned.h"

const char *cli_db_path;

const char *cli_store_path(void)
{
	const char *env = getenv("IBRIEF_DB");
	const char *cfg;

	if (cli_db_path)
		return cli_db_path;
	if (env && *env)
		return env;
	cfg = config_get(config_user(), "store", "path");
	return cfg ? cfg : "incidents.db";
}

int cli_open_store(struct store **st, enum store_mode mode)
{
	return store_open(st, cli_store_path(), mode);
}

/* The first line of a command's help is its usage line. */
static void print_usage_line(FILE *out, const struct command *c)
{
	const char *nl = strchr(c->help, '\n');

	fprintf(out, "%.*s\n", nl ? (int)(nl - c->help) : (int)strlen(c->help), c->help);
}

int usage_error(const char *cmd, const char *fmt, ...)
{
	const struct command *c = command_find(cmd);
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	error("%s", msg.buf);
	buf_release(&msg);
	if (c)
		print_usage_line(stderr, c);
	fprintf(stderr, "Try 'ibrief help %s' for more.\n", cmd);
	return EXIT_USAGE;
}

int print_help(const char *cmd)
{
	const struct command *c = command_find(cmd);

	fputs(c->help, stdout);
	return finish_output(0);
}

static void status_to_stderr(void *data, const struct notice *n)
{
	(void)data;
	if (n->kind == NOTIFY_STATUS)
		fprintf(stderr, "%s\n", n->text);
}

struct notify cli_notify_stderr(void)
{
	return (struct notify){ status_to_stderr, NULL };
}

static void progress_to_stderr(void *data, const struct notice *n)
{
	struct cli_progress *p = data;

	switch (n->kind) {
	case NOTIFY_PROGRESS:
		if (n->seconds < 1.0 || n->seconds - p->last < 0.25)
			return;
		p->last = n->seconds;
		fprintf(stderr, "\r%s ", n->text);
		break;
	case NOTIFY_DONE:
		if (p->last > 0)
			fputs("\r\033[K", stderr);
		p->last = 0;
		break;
	case NOTIFY_STATUS:
		fprintf(stderr, "%s\n", n->text);
		break;
	}
}

struct notify cli_progress(struct cli_progress *state)
{
	state->last = 0;
	return (struct notify){ progress_to_stderr, state };
}

int finish_output(int code)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		error("cannot write the output: %s", strerror(errno));
		return EXIT_WORK;
	}
	return code;
}

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts)
{
	int c;

	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) == OPT_DB_NUMBER)
		cli_db_path = optarg;
	return c;
}

int getopt_error(const char *cmd, int c, char **argv)
{
	const char *opt = argv[optind - 1];

	if (c == ':')
		return usage_error(cmd, "option '%s' needs a value", opt);
	if (optopt && optopt != OPT_DB_NUMBER && !starts_with(opt, "--"))
		return usage_error(cmd, "unknown option '-%c'", optopt);
	return usage_error(cmd, "unknown option '%s'", opt);
}

static int is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

int cli_data_dirs(struct buf *templates, struct buf *data)
{
	const char *env = getenv("IBRIEF_DATA");
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct buf dir = BUF_INIT, probe = BUF_INIT;
	char *slash;
	int ret = -1;

	if (env && *env) {
		buf_addf(templates, "%s/templates", env);
		buf_adds(data, env);
		return 0;
	}
	if (n <= 0)
		return -1;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	buf_addf(&probe, "%s/../share/ibrief", exe);
	if (is_dir(probe.buf)) {
		buf_addf(templates, "%s/templates", probe.buf);
		buf_adds(data, probe.buf);
		ret = 0;
		goto out;
	}
	buf_adds(&dir, exe);
	for (int up = 0; up < 3 && ret < 0; up++) {
		buf_reset(&probe);
		buf_addf(&probe, "%s/templates/monthly.yaml", dir.buf);
		if (!access(probe.buf, R_OK)) {
			buf_addf(templates, "%s/templates", dir.buf);
			buf_addf(data, "%s/data", dir.buf);
			ret = 0;
		}
		buf_adds(&dir, "/..");
	}
out:
	buf_release(&dir);
	buf_release(&probe);
	return ret;
}
