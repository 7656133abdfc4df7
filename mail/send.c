/*
 * Sending a built message over SMTP with libcurl's easy interface.
 *
 * libcurl says that a transfer failed ("Failed sending RCPT to server")
 * but not which command the server refused, nor the server's words; the
 * debug callback keeps the last command sent and the last reply, so that
 * the message can name the refused recipient and quote the reply. It
 * never keeps or prints AUTH lines, which carry the password.
 */
#include "mail.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#include "../util/dynlib.h"
#include "../util/url.h"
#include "../util/util.h"
#include "../util/banned.h"

#define DEFAULT_CONNECT_TIMEOUT 20L
/* A transfer slower than this for this long is abandoned. */
#define LOW_SPEED_BYTES 64L
#define LOW_SPEED_SECONDS 60L

/*
 * libcurl is opened when a message is sent, not linked (util/dynlib.h):
 * with the TLS, Kerberos, LDAP and SSH libraries it loads, linking it cost
 * every command about 25 ms of CPU at start-up (an empty program linked as
 * ibrief was: 39 ms with libcurl, 14 ms without), more than a query takes.
 */
#define CURL_SONAME "libcurl.so.4"

static struct {
	void *handle;
	CURLcode (*global_init)(long flags);
	void (*global_cleanup)(void);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *c, CURLoption opt, ...);
	CURLcode (*easy_perform)(CURL *c);
	void (*easy_cleanup)(CURL *c);
	const char *(*easy_strerror)(CURLcode rc);
	struct curl_slist *(*slist_append)(struct curl_slist *l, const char *s);
	void (*slist_free_all)(struct curl_slist *l);
} lib;

/* Loads libcurl once; the handle stays open until the process ends. */
static int load_curl(const char *url)
{
	static const struct dynlib_sym syms[] = {
		DYNLIB_SYM("curl_global_init", lib.global_init),
		DYNLIB_SYM("curl_global_cleanup", lib.global_cleanup),
		DYNLIB_SYM("curl_easy_init", lib.easy_init),
		DYNLIB_SYM("curl_easy_setopt", lib.easy_setopt),
		DYNLIB_SYM("curl_easy_perform", lib.easy_perform),
		DYNLIB_SYM("curl_easy_cleanup", lib.easy_cleanup),
		DYNLIB_SYM("curl_easy_strerror", lib.easy_strerror),
		DYNLIB_SYM("curl_slist_append", lib.slist_append),
		DYNLIB_SYM("curl_slist_free_all", lib.slist_free_all),
	};

	return dynlib_load(&lib.handle, CURL_SONAME, "libcurl4", syms, ARRAY_SIZE(syms), url);
}

struct upload {
	const struct buf *text;
	size_t done;
};

struct dialogue {
	char command[512];	/* the last command sent, one line, secrets hidden */
	char reply[512];	/* the last reply line received */
	char failed[512];	/* the command of the first 4xx or 5xx reply */
	char refusal[512];	/* that reply */
	int in_auth;		/* between AUTH and its final reply */
	const struct notify *tell;
};

static size_t read_cb(char *dst, size_t size, size_t nmemb, void *arg)
{
	struct upload *u = arg;
	size_t n = size * nmemb, left = u->text->len - u->done;

	if (n > left)
		n = left;
	memcpy(dst, u->text->buf + u->done, n);
	u->done += n;
	return n;
}

/* Copies the first line of `data` into `dst`, without its line end. */
static void keep_line(char *dst, size_t cap, const char *data, size_t n)
{
	size_t len = 0;

	while (len < n && data[len] != '\r' && data[len] != '\n')
		len++;
	if (len >= cap)
		len = cap - 1;
	memcpy(dst, data, len);
	dst[len] = '\0';
}

static int debug_cb(CURL *c, curl_infotype type, char *data, size_t n, void *arg)
{
	struct dialogue *d = arg;

	(void)c;
	if (type == CURLINFO_HEADER_OUT) {
		/*
		 * AUTH PLAIN carries the password on its line, AUTH LOGIN on the
		 * lines after it, until the server's final reply.
		 */
		keep_line(d->command, sizeof(d->command), data, n);
		if (d->in_auth || !ascii_ncasecmp(d->command, "AUTH", 4)) {
			d->in_auth = 1;
			memcpy(d->command, "AUTH (hidden)", sizeof("AUTH (hidden)"));
		}
		notify(d->tell, NOTIFY_STATUS, 0, "> %s", d->command);
	} else if (type == CURLINFO_HEADER_IN) {
		keep_line(d->reply, sizeof(d->reply), data, n);
		if (strncmp(d->reply, "334", 3) && d->reply[3] != '-')
			d->in_auth = 0;
		/* The first refusal: libcurl's QUIT and its reply come after it. */
		if ((d->reply[0] == '4' || d->reply[0] == '5') && !d->refusal[0]) {
			memcpy(d->failed, d->command, sizeof(d->failed));
			memcpy(d->refusal, d->reply, sizeof(d->refusal));
		}
		notify(d->tell, NOTIFY_STATUS, 0, "< %s", d->reply);
	} else if (type == CURLINFO_TEXT) {
		while (n && (data[n - 1] == '\n' || data[n - 1] == '\r'))
			n--;
		notify(d->tell, NOTIFY_STATUS, 0, "* %.*s", (int)n, data);
	}
	return 0;
}

int mail_check_url(const char *url)
{
	const char *why = url_smtp_problem(url);
	struct buf shown = BUF_INIT;

	if (!why)
		return 0;
	url_redact(&shown, url);
	error("'%s' %s", shown.buf, why);
	buf_release(&shown);
	return -1;
}

/* "recipient 'x' refused: 550 ..." from the command the server refused. */
static void explain(struct buf *why, const struct mail_server *srv, const struct dialogue *d,
		    CURLcode rc, const char *errbuf)
{
	const char *cmd = d->failed, *reply = d->refusal;
	int refused = *reply != '\0';

	if (refused && !ascii_ncasecmp(cmd, "RCPT TO:", 8)) {
		buf_addf(why, "recipient '%.*s' refused: %s", (int)strcspn(cmd + 9, ">"), cmd + 9,
			 reply);
	} else if (refused && !ascii_ncasecmp(cmd, "MAIL FROM:", 10)) {
		buf_addf(why, "sender '%.*s' refused: %s", (int)strcspn(cmd + 11, ">"), cmd + 11,
			 reply);
	} else if (refused && !ascii_ncasecmp(cmd, "AUTH", 4)) {
		buf_addf(why, "login refused: %s", reply);
	} else if (refused && (!ascii_casecmp(cmd, "DATA") || !*cmd || cmd[0] == '.')) {
		buf_addf(why, "message refused: %s", reply);
	} else if (rc == CURLE_USE_SSL_FAILED) {
		buf_addf(why, "the server does not offer STARTTLS, and %s",
			 srv->password && srv->tls != MAIL_TLS_REQUIRED
			 ? "a password is never sent in clear (use smtps://, or set tls = try in "
			   "[smtp] to allow it)"
			 : "tls = required in [smtp] asks for it");
	} else if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
		   rc == CURLE_OPERATION_TIMEDOUT) {
		buf_addf(why, "cannot connect: %s", *errbuf ? errbuf : lib.easy_strerror(rc));
	} else if (refused) {
		buf_addf(why, "'%s' refused: %s", cmd, reply);
	} else {
		buf_addf(why, "%s", lib.easy_strerror(rc));
		if (*errbuf && strcmp(errbuf, lib.easy_strerror(rc)))
			buf_addf(why, " (%s)", errbuf);
	}
}

static int set_options(CURL *c, const struct mail_server *srv, struct curl_slist *rcpt,
		       const char *from, struct upload *up, struct dialogue *d, char *errbuf,
		       const char *shown)
{
	enum mail_tls tls = srv->tls;
	CURLcode rc = CURLE_OK;

	if (tls == MAIL_TLS_AUTO)
		tls = srv->password ? MAIL_TLS_REQUIRED : MAIL_TLS_TRY;
#define SET(opt, val) do { if (rc == CURLE_OK) rc = lib.easy_setopt(c, opt, val); } while (0)
	SET(CURLOPT_ERRORBUFFER, errbuf);
	SET(CURLOPT_URL, srv->url);
	SET(CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	SET(CURLOPT_MAIL_FROM, from);
	SET(CURLOPT_MAIL_RCPT, rcpt);
	SET(CURLOPT_UPLOAD, 1L);
	SET(CURLOPT_READFUNCTION, read_cb);
	SET(CURLOPT_READDATA, up);
	SET(CURLOPT_INFILESIZE_LARGE, (curl_off_t)up->text->len);
	SET(CURLOPT_USE_SSL, (long)(tls == MAIL_TLS_REQUIRED ? CURLUSESSL_ALL : CURLUSESSL_TRY));
	SET(CURLOPT_CONNECTTIMEOUT, srv->connect_timeout > 0 ? srv->connect_timeout
							    : DEFAULT_CONNECT_TIMEOUT);
	SET(CURLOPT_LOW_SPEED_LIMIT, LOW_SPEED_BYTES);
	SET(CURLOPT_LOW_SPEED_TIME, LOW_SPEED_SECONDS);
	SET(CURLOPT_NOSIGNAL, 1L);
	SET(CURLOPT_VERBOSE, 1L);	/* for the debug callback; it prints nothing itself */
	SET(CURLOPT_DEBUGFUNCTION, debug_cb);
	SET(CURLOPT_DEBUGDATA, d);
	if (srv->ca_file)
		SET(CURLOPT_CAINFO, srv->ca_file);
	if (srv->user)
		SET(CURLOPT_USERNAME, srv->user);
	if (srv->password)
		SET(CURLOPT_PASSWORD, srv->password);
#undef SET
	if (rc != CURLE_OK)
		return error("%s: libcurl: %s", shown, lib.easy_strerror(rc));
	return 0;
}

/* The i-th recipient of To and Cc together. */
static const char *envelope_addr(const struct mail_message *m, size_t i)
{
	return i < m->to.n ? m->to.v[i].addr : m->cc.v[i - m->to.n].addr;
}

int mail_send(const struct mail_server *srv, const struct mail_message *m,
	      const struct buf *text)
{
	struct dialogue d = { "", "", "", "", 0, &srv->dialogue };
	struct upload up = { text, 0 };
	struct curl_slist *rcpt = NULL;
	struct buf from = BUF_INIT, line = BUF_INIT, why = BUF_INIT, shown = BUF_INIT;
	char errbuf[CURL_ERROR_SIZE] = "";
	CURL *c = NULL;
	CURLcode rc;
	int ret = -1, started = 0;

	if (mail_check_url(srv->url) < 0)
		return -1;
	/* Messages name the server, never with a password. */
	url_redact(&shown, srv->url);
	if (!m->to.n && !m->cc.n) {
		error("%s: no recipient", shown.buf);
		goto out;
	}
	if (srv->password && !srv->user) {
		error("%s: a password needs a user name (user in [smtp])", shown.buf);
		goto out;
	}
	if (load_curl(shown.buf) < 0)
		goto out;
	if (lib.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		error("%s: cannot start libcurl", shown.buf);
		goto out;
	}
	started = 1;
	/* The envelope: each named recipient once, and no one else. */
	for (size_t i = 0; i < m->to.n + m->cc.n; i++) {
		struct curl_slist *next;
		int seen = 0;

		for (size_t j = 0; j < i; j++)
			seen |= !ascii_casecmp(envelope_addr(m, i), envelope_addr(m, j));
		if (seen)
			continue;
		buf_reset(&line);
		buf_addf(&line, "<%s>", envelope_addr(m, i));
		next = lib.slist_append(rcpt, line.buf);
		if (!next)
			die("out of memory");
		rcpt = next;
	}
	buf_addf(&from, "<%s>", m->from.addr);
	c = lib.easy_init();
	if (!c) {
		error("%s: cannot start libcurl", shown.buf);
		goto out;
	}
	if (set_options(c, srv, rcpt, from.buf, &up, &d, errbuf, shown.buf) < 0)
		goto out;
	rc = lib.easy_perform(c);
	if (rc != CURLE_OK) {
		explain(&why, srv, &d, rc, errbuf);
		error("%s: %s", shown.buf, why.buf);
		goto out;
	}
	ret = 0;
out:
	if (c)
		lib.easy_cleanup(c);
	if (started) {
		lib.slist_free_all(rcpt);
		lib.global_cleanup();
	}
	buf_release(&from);
	buf_release(&line);
	buf_release(&why);
	buf_release(&shown);
	return ret;
}
