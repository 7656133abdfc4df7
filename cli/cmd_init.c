#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "../util/buf.h"
#include "../util/config.h"
#include "../util/file.h"
#include "../util/banned.h"

const char init_help[] =
	"usage: ibrief init [--organisation NAME] [--scope europe|world] [--tlp LABEL]\n"
	"                   [--smtp URL] [--from ADDR] [--force]\n"
	"\n"
	"Writes a commented starter configuration where ibrief looks for it\n"
	"($IBRIEF_CONFIG, else $XDG_CONFIG_HOME/ibrief/config, else\n"
	"~/.config/ibrief/config). The values given are set; every other key is\n"
	"written as a comment to fill in. Nothing unset is printed on a briefing:\n"
	"without an organisation, a briefing names no issuer.\n"
	"\n"
	"Options:\n"
	"  --organisation NAME  the issuer on the cover, in every footer, as the\n"
	"                       PDF's author and in the mail signature\n"
	"  --scope S            europe or world: the region in the title, and the map\n"
	"  --tlp LABEL          the label of a template that names none\n"
	"  --smtp URL           the mail server, smtp://HOST:PORT or smtps://HOST:PORT\n"
	"  --from ADDR          the sender of mailed briefings\n"
	"  --force              replace an existing configuration\n"
	"\n"
	"Example:\n"
	"  ibrief init --organisation 'CERT Heidebeek' --scope europe\n";

struct init_values {
	const char *organisation, *scope, *tlp, *smtp, *from;
};

/* "key = value" when given, else "#key = example". */
static void setting(struct buf *b, const char *key, const char *value, const char *example)
{
	if (value)
		buf_addf(b, "%s = %s\n", key, value);
	else
		buf_addf(b, "#%s = %s\n", key, example);
}

static void starter(struct buf *b, const struct init_values *v)
{
	buf_adds(b, "# ibrief configuration, written by 'ibrief init'. A line starting with '#'\n"
		    "# is a comment: nothing in one is used. See 'man ibrief' for every key.\n"
		    "\n"
		    "[report]\n"
		    "# The issuer, printed on the cover, in every footer, as the PDF's author and\n"
		    "# in the mail signature. Unset, a briefing names no issuer.\n");
	setting(b, "organisation", v->organisation, "Your CERT");
	buf_adds(b, "# The region the briefings are about: europe (\"Cyber incidents in Europe\",\n"
		    "# the map of Europe) or world (no region in the title, the world map).\n"
		    "# Unset, the data decides: Europe when most incidents are European.\n");
	setting(b, "scope", v->scope, "europe");
	buf_adds(b, "# The TLP label of a template that names none: CLEAR, GREEN, AMBER,\n"
		    "# AMBER+STRICT or RED. --tlp overrides it.\n");
	setting(b, "tlp", v->tlp, "AMBER");
	buf_adds(b, "\n[store]\n"
		    "# The store when neither --db nor $IBRIEF_DB names one.\n"
		    "#path = ~/cert/incidents.db\n"
		    "\n[smtp]\n"
		    "# Where 'ibrief mail' and 'report --mail-to' send: smtp:// (STARTTLS when\n"
		    "# offered) or smtps://. The password may also come from $IBRIEF_SMTP_PASSWORD.\n");
	setting(b, "url", v->smtp, "smtp://mail.example.org:587");
	setting(b, "from", v->from, "Your CERT <cert@example.org>");
	buf_adds(b, "#user = cert\n"
		    "#password = secret\n"
		    "#max_size = 10M\n");
}

/* Creates the directories above `path` that are missing, as mkdir -p. */
static int make_parents(const char *path)
{
	struct buf dir = BUF_INIT;
	int ret = 0;

	buf_adds(&dir, path);
	for (char *p = strchr(dir.buf + 1, '/'); p && !ret; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(dir.buf, 0700) < 0 && errno != EEXIST)
			ret = error("'%s': %s", dir.buf, strerror(errno));
		*p = '/';
	}
	buf_release(&dir);
	return ret;
}

static int parse_options(int argc, char **argv, struct init_values *v, int *force)
{
	static const struct option options[] = {
		OPT_DB,
		{ "organisation", required_argument, NULL, 'o' },
		{ "scope", required_argument, NULL, 's' },
		{ "tlp", required_argument, NULL, 't' },
		{ "smtp", required_argument, NULL, 'S' },
		{ "from", required_argument, NULL, 'f' },
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = cli_getopt(argc, argv, ":h", options)) != -1) {
		switch (c) {
		case 'o': v->organisation = optarg; break;
		case 's': v->scope = optarg; break;
		case 't': v->tlp = optarg; break;
		case 'S': v->smtp = optarg; break;
		case 'f': v->from = optarg; break;
		case 'F': *force = 1; break;
		case 'h': return -1;
		default: return getopt_error("init", c, argv);
		}
	}
	if (optind < argc)
		return usage_error("init", "unexpected argument '%s'", argv[optind]);
	return 0;
}

int cmd_init(int argc, char **argv)
{
	struct init_values v = { NULL };
	struct buf text = BUF_INIT;
	struct config check;
	char *path = NULL;
	int force = 0, ret;

	ret = parse_options(argc, argv, &v, &force);
	if (ret < 0)
		return print_help("init");
	if (ret)
		return ret;
	starter(&text, &v);
	/* The values given are checked as the file will be read. */
	config_init(&check);
	ret = config_parse(&check, "the values given", text.buf, text.len) < 0 ? EXIT_USAGE : EXIT_WORK;
	config_release(&check);
	if (ret == EXIT_USAGE) {
		fputs("usage: ibrief init [--organisation NAME] [--scope europe|world] [--tlp LABEL] ...\n",
		      stderr);
		goto out;
	}
	path = config_default_path();
	if (!path) {
		error("no place for the configuration: set $HOME, $XDG_CONFIG_HOME or $IBRIEF_CONFIG");
		goto out;
	}
	if (!force && access(path, F_OK) == 0) {
		error("'%s' exists: not replacing it (give --force to)", path);
		goto out;
	}
	/* It may come to hold the SMTP password: readable by its owner only. */
	umask(077);
	if (make_parents(path) < 0 || write_file_atomic(path, text.buf, text.len) < 0)
		goto out;
	fprintf(stderr, "wrote %s\n", path);
	ret = finish_output(0);
out:
	free(path);
	buf_release(&text);
	return ret;
}
