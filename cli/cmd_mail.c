#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../mail/mail.h"
#include "../util/tlp.h"
#include "../util/buf.h"
#include "../util/config.h"
#include "../util/banned.h"

const char mail_help[] =
	"usage: ibrief mail --to ADDR[,ADDR...] [--cc ADDR[,ADDR...]] [--from ADDR]\n"
	"                   [--subject TEXT] [--tlp LEVEL] [--smtp URL] [--max-size SIZE]\n"
	"                   [--max-recipients N] [--allow-red] [--verbose] [--eml FILE]\n"
	"                   FILE.pdf\n"
	"\n"
	"Sends a briefing as a PDF attachment over SMTP. The subject is the PDF's\n"
	"title with its TLP label ('[TLP:AMBER] Cyber incidents – April 2024');\n"
	"the body is its key figures. Nothing is sent unless every check passes.\n"
	"\n"
	"Options:\n"
	"  --to ADDR,...     recipients (the option may be repeated)\n"
	"  --cc ADDR,...     copies; ADDR is user@example.org or 'Name <user@...>'\n"
	"  --from ADDR       the sender (default: from in [smtp] of the configuration)\n"
	"  --subject TEXT    instead of the PDF's title; the TLP label is still added\n"
	"  --tlp LEVEL       the label of a PDF that carries none (CLEAR, GREEN, AMBER,\n"
	"                    AMBER+STRICT, RED); it must agree with one it carries\n"
	"  --smtp URL        smtp://HOST:PORT (STARTTLS when offered) or\n"
	"                    smtps://HOST:PORT (default: $IBRIEF_SMTP_URL, else url\n"
	"                    in [smtp]); the password only ever comes from\n"
	"                    $IBRIEF_SMTP_PASSWORD or the configuration file\n"
	"  --max-size SIZE   refuse a larger message, base64 included (default:\n"
	"                    max_size in [smtp], else 10M)\n"
	"  --max-recipients N  allow N recipients, To and Cc together (default 100)\n"
	"  --allow-red       send a TLP:RED briefing (to exactly the addresses named)\n"
	"  --eml FILE        write the message to FILE ('-': standard output), RFC 5322\n"
	"                    with MIME, instead of sending it; --to is then optional\n"
	"  -v, --verbose     show the SMTP dialogue (passwords hidden) on stderr\n"
	"\n"
	"Examples:\n"
	"  ibrief mail --to ciso@example.org --smtp smtp://mail.example.org:587 april.pdf\n"
	"  ibrief mail --eml april.eml --from cert@example.org april.pdf\n";

/* Appends a repeated option's value as one comma-separated list. */
static void add_list(struct buf *b, const char *v)
{
	buf_addf(b, "%s%s", b->len ? "," : "", v);
}

int cmd_mail(int argc, char **argv)
{
	static const struct option options[] = {
		OPT_DB,
		{ "to", required_argument, NULL, 't' },
		{ "cc", required_argument, NULL, 'c' },
		{ "from", required_argument, NULL, 'f' },
		{ "subject", required_argument, NULL, 's' },
		{ "tlp", required_argument, NULL, 'T' },
		{ "smtp", required_argument, NULL, 'S' },
		{ "max-size", required_argument, NULL, 'm' },
		{ "max-recipients", required_argument, NULL, 'M' },
		{ "allow-red", no_argument, NULL, 'R' },
		{ "eml", required_argument, NULL, 'e' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct mail_options mo = MAIL_OPTIONS_INIT;
	struct buf to = BUF_INIT, cc = BUF_INIT;
	struct report_summary sum = { 0 };
	long n;
	int c, ret = EXIT_USAGE;

	while ((c = cli_getopt(argc, argv, ":hv", options)) != -1) {
		switch (c) {
		case 't':
			add_list(&to, optarg);
			break;
		case 'c':
			add_list(&cc, optarg);
			break;
		case 'f':
			mo.from = optarg;
			break;
		case 's':
			mo.subject = optarg;
			break;
		case 'T':
			if (tlp_parse(optarg) < 0) {
				usage_error("mail", "--tlp: '%s' is not one of CLEAR, GREEN, AMBER, "
					    "AMBER+STRICT, RED", optarg);
				goto out;
			}
			mo.tlp = optarg;
			break;
		case 'S':
			mo.smtp_url = optarg;
			break;
		case 'm':
			if (config_parse_size(optarg, &mo.max_size) < 0 || mo.max_size < 1024) {
				usage_error("mail", "--max-size: '%s' is not a size of at least 1k "
					    "(bytes, or with k, M or G: 10M)", optarg);
				goto out;
			}
			break;
		case 'M':
			if (parse_long(optarg, 1, MAIL_MAX_RECIPIENTS, &n) < 0) {
				usage_error("mail", "--max-recipients: '%s' is not a whole number from 1 "
					    "to %d", optarg, MAIL_MAX_RECIPIENTS);
				goto out;
			}
			mo.max_recipients = (size_t)n;
			break;
		case 'R':
			mo.allow_red = 1;
			break;
		case 'e':
			mo.eml = optarg;
			break;
		case 'v':
			mo.verbose = 1;
			break;
		case 'h':
			ret = print_help("mail");
			goto out;
		default:
			ret = getopt_error("mail", c, argv);
			goto out;
		}
	}
	if (optind >= argc) {
		usage_error("mail", "no briefing given: name the PDF file to send");
		goto out;
	}
	if (optind + 1 < argc) {
		usage_error("mail", "one PDF at a time: unexpected '%s'", argv[optind + 1]);
		goto out;
	}
	if (!to.len && !mo.eml) {
		usage_error("mail", "no recipient: give --to ADDR (or --eml FILE to write the "
			    "message instead)");
		goto out;
	}
	mo.to = to.len ? to.buf : NULL;
	mo.cc = cc.len ? cc.buf : NULL;
	mo.cfg = config_user();
	mo.status = cli_notify_stderr();
	if (!mo.cfg) {
		ret = EXIT_WORK;
		goto out;
	}
	ret = EXIT_WORK;
	if (mail_read_briefing(argv[optind], &sum) < 0 || mail_briefing(&sum, &mo) < 0)
		goto out;
	ret = finish_output(0);
out:
	report_summary_release(&sum);
	buf_release(&to);
	buf_release(&cc);
	return ret;
}
