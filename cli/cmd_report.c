#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "../store/briefing.h"
#include "filter.h"
#include "../mail/mail.h"
#include "../report/report.h"
#include "../util/buf.h"
#include "../util/config.h"
#include "../util/banned.h"

const char report_help[] =
	"usage: ibrief report [--template NAME|FILE.yaml] [PERIOD] [FILTERS]\n"
	"                     [--tlp LABEL] [--lang en|fr|nl|de] [-o FILE.pdf]\n"
	"                     [--mail-to ADDR[,ADDR...]]\n"
	"\n"
	"Writes a PDF briefing for management: a cover with key figures and a short\n"
	"narrative, then charts, tables and the notable incidents of the period, each\n"
	"page marked with its TLP label. The data behind every chart and table is\n"
	"attached to the PDF as CSV.\n"
	"\n"
	"Template:\n"
	"  --template T      monthly (default) or country, or a YAML file of your own\n"
	"                    (copy one from the templates directory and change it)\n"
	"\n"
	"Period (one of; default: the template's, the newest month or year with data):\n"
	"  --month M         YYYY-MM, 'last' or 'latest'\n"
	"  --quarter Q       YYYY-Qn\n"
	"  --year YYYY\n"
	"  --from DATE, --to DATE\n"
	"\n"
	"Filters, as for 'ibrief query':\n"
	"  --country CC[,CC...], --sector S, --public-sector, --type T\n"
	"\n"
	"Output:\n"
	"  --tlp LABEL       CLEAR, GREEN, AMBER, AMBER+STRICT or RED (WHITE is read as\n"
	"                    CLEAR); default: the template's, else the configuration's,\n"
	"                    else AMBER\n"
	"  --lang L          en (default), fr, nl or de\n"
	"  -o, --output F    the PDF to write, or a directory to write it in (default:\n"
	"                    briefing-2024-04.pdf, briefing-BE-2023.pdf, ... here)\n"
	"  --mail-to ADDR    then mail it, as 'ibrief mail' does (server, sender and\n"
	"                    password from the environment and the configuration)\n"
	"  --mail-cc ADDR    copies of that mail\n"
	"  --allow-red       allow mailing a TLP:RED briefing\n"
	"  --allow-empty     mail it even when its period lies after the newest data\n"
	"                    in the store (else refused, exit 1)\n"
	"  --max-recipients N  allow more than 100 recipients of that mail\n"
	HELP_DB("         ", "                    ")
	"\n"
	"Templates and map shapes are read from $IBRIEF_DATA (DIR/templates, DIR/geo),\n"
	"else from the installed share/ibrief next to the program, else from the source\n"
	"tree it was built in. With SOURCE_DATE_EPOCH set, the date of issue is that\n"
	"time and the same store and arguments give the same bytes.\n"
	"\n"
	"Examples:\n"
	"  ibrief report --month latest\n"
	"  ibrief report --template country --country BE --year 2023 --lang nl\n";

enum {
	OPT_TEMPLATE = 1100,
	OPT_TLP,
	OPT_LANG,
	OPT_MAIL_TO,
	OPT_MAIL_CC,
	OPT_ALLOW_RED,
	OPT_ALLOW_EMPTY,
	OPT_MAX_RECIPIENTS,
};

struct report_cli {
	struct filter_options f;
	const char *template, *tlp, *lang, *output;
	const char *mail_to, *mail_cc;
	int allow_red, allow_empty;
	long max_recipients;	/* 0: mail's default */
};

static int parse_options(int argc, char **argv, struct report_cli *o)
{
	static const struct option options[] = {
		OPT_DB,
		FILTER_OPTIONS,
		{ "template", required_argument, NULL, OPT_TEMPLATE },
		{ "tlp", required_argument, NULL, OPT_TLP },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "output", required_argument, NULL, 'o' },
		{ "mail-to", required_argument, NULL, OPT_MAIL_TO },
		{ "mail-cc", required_argument, NULL, OPT_MAIL_CC },
		{ "allow-red", no_argument, NULL, OPT_ALLOW_RED },
		{ "allow-empty", no_argument, NULL, OPT_ALLOW_EMPTY },
		{ "max-recipients", required_argument, NULL, OPT_MAX_RECIPIENTS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, ret;

	while ((c = cli_getopt(argc, argv, ":ho:", options)) != -1) {
		ret = filter_option("report", &o->f, c, optarg);
		if (ret == 0)
			continue;
		if (ret != 1)
			return ret;
		switch (c) {
		case OPT_TEMPLATE:
			o->template = optarg;
			break;
		case OPT_TLP:
			o->tlp = optarg;
			break;
		case OPT_LANG:
			o->lang = optarg;
			break;
		case 'o':
			if (!*optarg)
				return usage_error("report", "--output: the file name is empty");
			o->output = optarg;
			break;
		case OPT_MAIL_TO:
			o->mail_to = optarg;
			break;
		case OPT_MAIL_CC:
			o->mail_cc = optarg;
			break;
		case OPT_ALLOW_RED:
			o->allow_red = 1;
			break;
		case OPT_ALLOW_EMPTY:
			o->allow_empty = 1;
			break;
		case OPT_MAX_RECIPIENTS:
			if (parse_long(optarg, 1, MAIL_MAX_RECIPIENTS, &o->max_recipients) < 0)
				return usage_error("report", "--max-recipients: '%s' is not a whole "
						   "number from 1 to %d", optarg, MAIL_MAX_RECIPIENTS);
			break;
		case 'h':
			return -1;
		default:
			return getopt_error("report", c, argv);
		}
	}
	if (optind < argc)
		return usage_error("report", "unexpected argument '%s'", argv[optind]);
	if ((o->mail_cc || o->allow_red || o->allow_empty || o->max_recipients) && !o->mail_to)
		return usage_error("report", "--mail-cc, --allow-red, --allow-empty and "
				   "--max-recipients go with --mail-to");
	return 0;
}

/*
 * The issuer, the scope and the label from the user's configuration
 * ([report] organisation, scope, tlp). Only a configured organisation is
 * printed as the issuer. The label is tlp_decide()'s: --tlp (`chosen`, -1
 * when not given), the template's, the configured default.
 */
static void apply_config(const struct template *t, int chosen, struct report_options *ro)
{
	const struct config *cfg = config_user();
	const char *label = config_get(cfg, "report", "tlp");

	ro->organisation = config_get(cfg, "report", "organisation");
	ro->scope = config_get(cfg, "report", "scope");
	if (!ro->organisation)
		fprintf(stderr, "ibrief: report: hint: no issuer is printed: set organisation in [report] of the "
			"configuration ('ibrief init' writes one)\n");
	ro->tlp = tlp_decide(chosen, t->has_tlp ? (int)t->tlp : -1, label ? tlp_parse(label) : -1,
			     &ro->tlp_source);
}

/* A name (monthly) is a file in the templates directory; a path is itself. */
static int template_path(const char *arg, const char *dir, struct buf *out)
{
	size_t len = strlen(arg);

	if (strchr(arg, '/') || (len > 5 && !strcmp(arg + len - 5, ".yaml")) ||
	    (len > 4 && !strcmp(arg + len - 4, ".yml"))) {
		buf_adds(out, arg);
		return 0;
	}
	if (!dir) {
		error("--template: no templates directory found (set IBRIEF_DATA, or give a FILE.yaml)");
		return EXIT_WORK;
	}
	buf_addf(out, "%s/%s.yaml", dir, arg);
	if (access(out->buf, R_OK))
		return usage_error("report", "--template: no template '%s' in %s (the built-in "
				   "ones are monthly and country; or give a FILE.yaml)", arg, dir);
	return 0;
}

/* SOURCE_DATE_EPOCH (reproducible-builds.org) or now. */
static int issued_time(time_t *out)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long long v;
	char *end;

	if (!env || !*env) {
		*out = time(NULL);
		return 0;
	}
	errno = 0;
	v = strtoll(env, &end, 10);
	if (errno || *end || v < 0 || v > 253402300799LL)
		return usage_error("report", "SOURCE_DATE_EPOCH: '%s' is not a time in seconds since 1970",
				   env);
	*out = (time_t)v;
	return 0;
}

/* The default period when none is given: the newest month or year with data. */
static int default_period(struct report_cli *o, const struct template *t, struct store *st)
{
	struct query_period month;
	int found;

	if (filter_has_period(&o->f))
		return filter_resolve_latest(&o->f, st);
	found = query_latest_month(st, &o->f.filter, &month);
	if (found < 0)
		return EXIT_WORK;
	if (!found) {
		error("no incident known to the month matches the filters: give a period "
		      "(--month, --year, --from)");
		return EXIT_WORK;
	}
	if (t->default_period == TPL_DEFAULT_YEAR) {
		query_period_year(&o->f.filter.period, month.year);
	} else {
		o->f.filter.period = month;
	}
	return 0;
}

/* "ibrief report --template monthly --month 2024-04 ...": how to make it again. */
static void command_line(struct buf *out, const struct report_cli *o, enum lang lang, enum tlp tlp)
{
	const struct query_filter *f = &o->f.filter;

	buf_addf(out, "ibrief report --template %s", o->template ? o->template : "monthly");
	query_period_args(&f->period, out);
	for (size_t i = 0; i < o->f.countries.n; i++)
		buf_addf(out, "%s%s", i ? "," : " --country ", o->f.countries.v[i]);
	if (f->sector)
		buf_addf(out, " --sector '%s'", f->sector);
	if (f->public_only)
		buf_adds(out, " --public-sector");
	if (f->type)
		buf_addf(out, " --type '%s'", f->type);
	buf_addf(out, " --lang %s --tlp %s", i18n_lang_code(lang), tlp_label(tlp) + 4);
}

/* A stale store: a cron job asking for last month gets an empty briefing. */
static void stale_warning(const struct report_summary *sum, const struct query_period *p)
{
	if (*sum->data_end)
		warning("%s is after the newest data in the store (%s): the briefing holds no "
			"incident; import newer data, or give an earlier period", p->label,
			sum->data_end);
	else
		warning("the store holds no dated incident: the briefing of %s holds none", p->label);
}

/*
 * Records the briefing in the store, for the next one's "Since the last
 * briefing". The order is deliberate: the PDF is renamed into place first
 * (report_write()), then the record is committed, so that no record ever
 * names a briefing that does not exist. When the record fails (a database
 * error, a full disk), the PDF stays, complete and correct, and the
 * command fails: the history lacks this briefing, and the next briefing
 * of the kind compares with the one before it, or with none. A reader of
 * a store they may not write (a shared store) gets the briefing and a
 * warning that it is not recorded.
 *
 * The store is opened again for the record, so that the briefing's
 * reading and its record are separate transactions.
 */
static int record_briefing(struct store **st, struct report_summary *sum)
{
	if (!store_may_write(cli_store_path())) {
		warning("%s is not recorded in the store: you may not write '%s'", sum->path,
			store_path(*st));
		return 0;
	}
	store_close(*st);
	*st = NULL;
	if (cli_open_store(st, STORE_UPDATE) < 0 || store_briefing_record(*st, &sum->record) < 0)
		return error("%s is written but not recorded in the store: the next briefing "
			     "cannot say what changed since", sum->path);
	return 0;
}

int cmd_report(int argc, char **argv)
{
	struct report_cli o;
	struct template t;
	struct report_options ro;
	struct report_summary sum = { 0 };
	struct buf templates = BUF_INIT, data = BUF_INIT, path = BUF_INIT, command = BUF_INIT;
	struct store *st = NULL;
	int lang = LANG_EN, tlp = -1, ret;

	memset(&o, 0, sizeof(o));
	memset(&t, 0, sizeof(t));
	memset(&ro, 0, sizeof(ro));
	filter_options_init(&o.f);
	ret = parse_options(argc, argv, &o);
	if (ret < 0) {
		filter_options_release(&o.f);
		return print_help("report");
	}
	if (!ret)
		ret = filter_resolve("report", &o.f);
	if (!ret)
		ret = filter_lang("report", o.lang, &lang);
	if (!ret && o.tlp && (tlp = tlp_parse(o.tlp)) < 0)
		ret = usage_error("report", "--tlp: '%s' is not a TLP label (CLEAR, GREEN, AMBER, "
				  "AMBER+STRICT, RED)", o.tlp);
	if (!ret)
		ret = issued_time(&ro.issued);
	if (ret)
		goto out;
	cli_data_dirs(&templates, &data);
	ret = template_path(o.template ? o.template : "monthly", templates.len ? templates.buf : NULL,
			    &path);
	if (ret)
		goto out;
	ret = EXIT_WORK;
	/*
	 * A report records itself in the store, so who may write the store
	 * opens it for update (migrating an older one forward); a reader of a
	 * shared store reads it as it is.
	 */
	if (template_load(&t, path.buf) < 0 ||
	    cli_open_store(&st, store_may_write(cli_store_path()) ? STORE_UPDATE : STORE_READ) < 0)
		goto out;
	ret = default_period(&o, &t, st);
	if (ret)
		goto out;
	ret = EXIT_WORK;
	ro.template = &t;
	ro.filter = &o.f.filter;
	ro.lang = (enum lang)lang;
	apply_config(&t, tlp, &ro);
	ro.data_dir = data.len ? data.buf : NULL;
	ro.output = o.output;
	/* Refused before the briefing is written, and by mail_briefing() by the same rule. */
	if (o.mail_to && tlp_check_mailing(ro.tlp, o.allow_red, "the briefing") < 0)
		goto out;
	command_line(&command, &o, ro.lang, ro.tlp);
	ro.command = command.buf;
	if (report_write(st, &ro, &sum) < 0)
		goto out;
	fprintf(stderr, "%s: %d page%s, %zu KB, %s\n", sum.path, sum.pages, sum.pages == 1 ? "" : "s",
		(sum.bytes + 1023) / 1024, tlp_label(sum.tlp));
	if (record_briefing(&st, &sum) < 0)
		goto out;	/* ret is EXIT_WORK; the PDF stays written */
	if (sum.after_data)
		stale_warning(&sum, &ro.filter->period);
	if (o.mail_to && sum.after_data && !o.allow_empty) {
		error("not mailing %s: its period lies after the newest data in the store "
		      "(give --allow-empty to send it anyway)", sum.path);
		goto out;	/* ret is EXIT_WORK; the PDF stays written */
	}
	if (o.mail_to) {
		struct mail_options mo = MAIL_OPTIONS_INIT;

		mo.to = o.mail_to;
		mo.cc = o.mail_cc;
		mo.allow_red = o.allow_red;
		mo.max_recipients = (size_t)o.max_recipients;
		mo.cfg = config_user();
		mo.status = cli_notify_stderr();
		if (!mo.cfg || mail_briefing(&sum, &mo) < 0)
			goto out;	/* ret is EXIT_WORK; the PDF stays written */
	}
	ret = finish_output(0);
out:
	report_summary_release(&sum);
	template_release(&t);
	store_close(st);
	filter_options_release(&o.f);
	buf_release(&templates);
	buf_release(&data);
	buf_release(&path);
	buf_release(&command);
	return ret;
}
