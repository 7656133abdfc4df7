/*
 * The mail command's work: from a briefing's PDF to a sent message or an
 * .eml file. Every check runs before the connection: a message that would
 * be refused is never half sent.
 */
#include "mail.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/file.h"
#include "../util/tlp.h"
#include "../util/url.h"
#include "../util/utf8.h"
#include "../util/util.h"
#include "../util/banned.h"

#define BODY_WIDTH 72

/* What the label asks of the reader, from FIRST's TLP 2.0 definitions. */
static const char *const tlp_meaning[] = {
	[TLP_CLEAR] = "no limit on disclosure.",
	[TLP_GREEN] = "share within your community only, not publicly.",
	[TLP_AMBER] = ("share within your organisation and with its clients only, "
		       "on a need-to-know basis."),
	[TLP_AMBER_STRICT] = "share within your organisation only.",
	[TLP_RED] = "for the named recipients only: do not share it.",
};

static void size_text(struct buf *out, size_t n)
{
	if (n >= 1024 * 1024)
		buf_addf(out, "%.1f MiB", (double)n / 1048576.0);
	else
		buf_addf(out, "%.1f KiB", (double)n / 1024.0);
}

int mail_check_pdf_head(const char *path, const unsigned char *head, size_t len)
{
	if (!len)
		return error("'%s' is empty: there is no briefing to attach", path);
	if (len < 5 || memcmp(head, "%PDF-", 5))
		return error("'%s' is not a PDF file (it does not start with %%PDF-)", path);
	return 0;
}

/* Reads the whole file, at most `max` bytes; -1 with a message. */
static int read_pdf(const char *path, size_t max, unsigned char **out, size_t *len)
{
	struct buf b = BUF_INIT;
	char chunk[65536];
	struct stat st;
	ssize_t n;
	int fd, ret = -1;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error("'%s': %s", path, strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		error("'%s': not a regular file", path);
		goto out;
	}
	if ((unsigned long long)st.st_size > max) {
		struct buf a = BUF_INIT, m = BUF_INIT;

		size_text(&a, (size_t)st.st_size);
		size_text(&m, max);
		error("'%s' is %s: over the size budget of %s even before base64 (set max_size "
		      "in [smtp] of the configuration, or --max-size)", path, a.buf, m.buf);
		buf_release(&a);
		buf_release(&m);
		goto out;
	}
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			error("'%s': %s", path, strerror(errno));
			goto out;
		}
		if (b.len + (size_t)n > max) {
			error("'%s' grew past the size budget while being read", path);
			goto out;
		}
		buf_add(&b, chunk, (size_t)n);
	}
	if (mail_check_pdf_head(path, (const unsigned char *)b.buf, b.len) < 0)
		goto out;
	*out = (unsigned char *)buf_detach(&b, len);
	ret = 0;
out:
	close(fd);
	buf_release(&b);
	return ret;
}

/* `s` with every run of white space made one space, trimmed. */
static char *one_line(const char *s)
{
	struct buf b = BUF_INIT;
	int space = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_addch(&b, ' ');
		space = 0;
		buf_addch(&b, *s);
	}
	return buf_detach(&b, NULL);
}

/* Appends `text` wrapped at BODY_WIDTH characters (UTF-8 aware). */
static void add_wrapped(struct buf *out, const char *text)
{
	char *flat = one_line(text);
	const char *p = flat;
	size_t col = 0;

	while (*p) {
		size_t n = strcspn(p, " "), chars = utf8_count(p, n);

		if (col && col + 1 + chars > BODY_WIDTH) {
			buf_addch(out, '\n');
			col = 0;
		} else if (col) {
			buf_addch(out, ' ');
			col++;
		}
		buf_add(out, p, n);
		col += chars;
		p += n;
		while (*p == ' ')
			p++;
	}
	buf_addch(out, '\n');
	free(flat);
}

static char *make_body(const struct report_summary *sum, int level, const char *file, size_t size,
		       const char *organisation)
{
	struct buf b = BUF_INIT;

	if (sum->title) {
		add_wrapped(&b, sum->title);
		buf_addch(&b, '\n');
	}
	if (sum->narrative && *sum->narrative) {
		add_wrapped(&b, sum->narrative);
		buf_addch(&b, '\n');
	}
	buf_addf(&b, "The %sbriefing is attached: %s (", sum->narrative ? "full " : "", file);
	size_text(&b, size);
	buf_adds(&b, ").\n");
	if (level >= 0) {
		struct buf line = BUF_INIT;

		buf_addf(&line, "%s: %s", tlp_label((enum tlp)level), tlp_meaning[level]);
		buf_addch(&b, '\n');
		add_wrapped(&b, line.buf);
		buf_release(&line);
	}
	buf_adds(&b, "\n-- \n");
	if (organisation)
		buf_addf(&b, "%s, ", organisation);
	buf_adds(&b, "sent with ibrief\n");
	return buf_detach(&b, NULL);
}

/* The label in force: the briefing's, or --tlp's when it has none. */
static int choose_tlp(const struct report_summary *sum, const char *opt, int *level)
{
	int given = -1;

	if (opt) {
		given = tlp_parse(opt);
		if (given < 0)
			return error("--tlp: '%s' is not a TLP level (CLEAR, GREEN, AMBER, "
				     "AMBER+STRICT, RED)", opt);
	}
	if (sum->has_tlp && given >= 0 && (int)sum->tlp != given)
		return error("'%s' is marked %s; --tlp %s disagrees: the label is the briefing's",
			     sum->path, tlp_label(sum->tlp), opt);
	*level = sum->has_tlp ? (int)sum->tlp : given;
	if (*level < 0)
		warning("'%s' carries no TLP label (in its Keywords) and --tlp gives none: "
			"the subject has no label", sum->path);
	return 0;
}

static char *make_subject(const char *given, const struct report_summary *sum, const char *file,
			  int level)
{
	struct buf b = BUF_INIT, tag = BUF_INIT;
	char *base = given ? xstrdup(given) : one_line(sum->title && *sum->title ? sum->title : file);

	if (level >= 0)
		buf_addf(&tag, "[%s]", tlp_label((enum tlp)level));
	/* "[TLP:AMBER] ..." given as the subject is not tagged twice. */
	if (tag.len && !strstr(base, tag.buf))
		buf_addf(&b, "%s ", tag.buf);
	buf_adds(&b, base);
	free(base);
	buf_release(&tag);
	return buf_detach(&b, NULL);
}

static int parse_sender(struct mail_addr *from, const struct mail_options *o)
{
	const struct config_entry *e = config_entry(o->cfg, "smtp", "from");

	if (o->from)
		return mail_addr_parse(from, o->from);
	if (!e)
		return error("no sender: give --from ADDR or set from in [smtp] of the "
			     "configuration file");
	if (mail_addr_parse(from, e->value) < 0)
		return error_at(o->cfg->path, e->line, 0, "smtp.from: this is the sender");
	return 0;
}

/* The message to `path` through the one atomic writer, or to stdout for "-". */
static int write_eml(const char *path, const struct buf *text)
{
	if (strcmp(path, "-"))
		return write_file_atomic(path, text->buf, text->len);
	if (fwrite(text->buf, 1, text->len, stdout) != text->len || fflush(stdout))
		return error("cannot write the message to standard output: %s", strerror(errno));
	return 0;
}

/* Where to send: everything but the message. */
static int server_settings(struct mail_server *srv, const struct mail_options *o)
{
	const char *env_url = getenv("IBRIEF_SMTP_URL");
	const char *env_user = getenv("IBRIEF_SMTP_USER");
	const char *env_pass = getenv("IBRIEF_SMTP_PASSWORD");
	const char *tls = config_get(o->cfg, "smtp", "tls");

	memset(srv, 0, sizeof(*srv));
	srv->url = o->smtp_url ? o->smtp_url : env_url && *env_url ? env_url
				: config_get(o->cfg, "smtp", "url");
	if (!srv->url)
		return error("no SMTP server: give --smtp smtp://HOST:PORT, set $IBRIEF_SMTP_URL, "
			     "or set url in [smtp] of the configuration file");
	srv->user = env_user && *env_user ? env_user : config_get(o->cfg, "smtp", "user");
	srv->password = env_pass && *env_pass ? env_pass : config_get(o->cfg, "smtp", "password");
	srv->ca_file = config_get(o->cfg, "smtp", "ca_file");
	srv->tls = !tls || !strcmp(tls, "auto") ? MAIL_TLS_AUTO :
		   !strcmp(tls, "try") ? MAIL_TLS_TRY : MAIL_TLS_REQUIRED;
	if (o->verbose)
		srv->dialogue = o->status;
	return mail_check_url(srv->url);
}

static void list_addrs(struct buf *b, const struct mail_addr_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		buf_addf(b, "%s%s", b->len ? ", " : "", l->v[i].addr);
}

int mail_briefing(const struct report_summary *sum, const struct mail_options *o)
{
	const char *pdf_path = sum->path;
	struct mail_message m;
	struct mail_addr_list cc = MAIL_ADDR_LIST_INIT;
	struct mail_server srv;
	struct buf text = BUF_INIT, who = BUF_INIT, shown = BUF_INIT;
	const char *file = strrchr(pdf_path, '/') ? strrchr(pdf_path, '/') + 1 : pdf_path;
	const char *size_cfg = config_get(o->cfg, "smtp", "max_size"), *organisation;
	size_t max = o->max_size;
	int level = -1, ret = -1;

	mail_message_init(&m);
	if (!max && (!size_cfg || config_parse_size(size_cfg, &max) < 0))
		max = MAIL_DEFAULT_MAX_SIZE;
	if (!o->eml && server_settings(&srv, o) < 0)
		goto out;
	if (o->eml && !strcmp(o->eml, pdf_path)) {
		error("--eml '%s' is the briefing itself", o->eml);
		goto out;
	}
	if ((o->to && mail_addr_list_parse(&m.to, o->to) < 0) ||
	    (o->cc && mail_addr_list_parse(&cc, o->cc) < 0))
		goto out;
	/* Someone in both To and Cc is a To recipient, once. */
	for (size_t i = 0; i < cc.n; i++) {
		int dup = 0;

		for (size_t j = 0; j < m.to.n; j++)
			dup |= !ascii_casecmp(cc.v[i].addr, m.to.v[j].addr);
		if (dup) {
			mail_addr_release(&cc.v[i]);
		} else {
			ALLOC_GROW(m.cc.v, m.cc.n + 1, m.cc.alloc);
			m.cc.v[m.cc.n++] = cc.v[i];
		}
	}
	free(cc.v);
	cc.v = NULL;
	cc.n = 0;
	if (!o->eml && !m.to.n) {
		error("no recipient: give --to ADDR");
		goto out;
	}
	if (m.to.n + m.cc.n > (o->max_recipients ? o->max_recipients : MAIL_DEFAULT_MAX_RECIPIENTS)) {
		error("%zu recipients (To and Cc together) are more than %zu in one message: "
		      "allow more with --max-recipients N", m.to.n + m.cc.n,
		      o->max_recipients ? o->max_recipients : MAIL_DEFAULT_MAX_RECIPIENTS);
		goto out;
	}
	if (parse_sender(&m.from, o) < 0)
		goto out;
	if (read_pdf(pdf_path, max, &m.att, &m.att_len) < 0)
		goto out;
	if (!sum->title)
		warning("'%s' has no title in its document information: the subject is the "
			"file name", pdf_path);
	if (choose_tlp(sum, o->tlp, &level) < 0)
		goto out;
	if (level >= 0 && !o->eml) {
		struct buf what = BUF_INIT;
		int bad;

		buf_addf(&what, "'%s'", pdf_path);
		bad = tlp_check_mailing((enum tlp)level, o->allow_red, what.buf) < 0;
		buf_release(&what);
		if (bad)
			goto out;
	}
	m.subject = make_subject(o->subject, sum, file, level);
	organisation = config_get(o->cfg, "report", "organisation");
	m.body = make_body(sum, level, file, m.att_len, organisation ? organisation : sum->organisation);
	m.att_name = xstrdup(file);
	m.att_type = xstrdup("application/pdf");
	if (mail_message_build(&m, max, &text) < 0)
		goto out;

	if (o->eml) {
		if (write_eml(o->eml, &text) < 0)
			goto out;
		if (strcmp(o->eml, "-"))
			notify(&o->status, NOTIFY_STATUS, 0, "wrote %s (%zu bytes); nothing was sent",
			       o->eml, text.len);
	} else {
		if (mail_send(&srv, &m, &text) < 0)
			goto out;
		list_addrs(&who, &m.to);
		list_addrs(&who, &m.cc);
		url_redact(&shown, srv.url);
		notify(&o->status, NOTIFY_STATUS, 0, "sent %s to %s through %s (%zu bytes)", file,
		       who.buf, shown.buf, text.len);
	}
	ret = 0;
out:
	mail_addr_list_release(&cc);
	mail_message_release(&m);
	buf_release(&text);
	buf_release(&who);
	buf_release(&shown);
	return ret;
}
