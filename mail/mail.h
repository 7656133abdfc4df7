#ifndef MAIL_H
#define MAIL_H

/*
 * Mailing a briefing: build an RFC 5322 message with the PDF attached
 * (message.c), send it over SMTP with libcurl (send.c), and the whole
 * command, from a PDF file to a sent message or an .eml file (briefing.c).
 *
 * The message is MIME (RFC 2045-2049): multipart/mixed holding a
 * text/plain; charset=UTF-8 part in quoted-printable and the attachment in
 * base64, 76-character lines, CRLF line ends throughout. A non-ASCII
 * subject or display name is written as RFC 2047 encoded-words, a
 * non-ASCII file name as RFC 2231 filename*=. Addresses are plain ASCII
 * (no SMTPUTF8).
 *
 * Everything here reports problems with error() and returns -1; nothing
 * exits except on out-of-memory. Every check that can refuse a message
 * (addresses, attachment, size) runs before any connection is made.
 */

#include <stddef.h>

#include "../report/report.h"
#include "../util/buf.h"
#include "../util/config.h"
#include "../util/notify.h"

/* The size budget when neither the caller nor the configuration sets one. */
#define MAIL_DEFAULT_MAX_SIZE ((size_t)10 * 1024 * 1024)
/*
 * The most recipients (To and Cc together, each once) of one message unless
 * the caller allows more: a briefing is for named readers, not a list, and
 * a slip of the shell must not mail a directory of addresses.
 */
#define MAIL_DEFAULT_MAX_RECIPIENTS 100
#define MAIL_MAX_RECIPIENTS 10000	/* the most a caller may allow */

/*
 * One address. `addr` is "local@domain" in plain ASCII, checked by
 * mail_addr_parse(): dot-atom local part of at most 64 bytes, a domain of
 * letters, digits and hyphens in dot-separated labels, no white space or
 * control characters (so no header or SMTP command injection). `name` is
 * the display name (UTF-8), or NULL.
 */
struct mail_addr {
	char *name;
	char *addr;
};

struct mail_addr_list {
	struct mail_addr *v;
	size_t n, alloc;
};
#define MAIL_ADDR_LIST_INIT { NULL, 0, 0 }

/*
 * Parses "user@example.org", "<user@example.org>" or
 * "Display Name <user@example.org>" ("\"Doe, J.\" <j@example.org>" for a
 * name with a comma). Returns 0 with `out` filled (free with
 * mail_addr_release()), or -1 with a message quoting `s`; `out` is then
 * empty.
 */
int mail_addr_parse(struct mail_addr *out, const char *s);
void mail_addr_release(struct mail_addr *a);

/*
 * Appends the addresses of a comma-separated list (commas inside quotes or
 * angle brackets do not separate) to `l`, skipping any already in it
 * (compared case-insensitively). An empty item is an error. Returns 0, or
 * -1 with a message; `l` then holds what came before the bad item.
 */
int mail_addr_list_parse(struct mail_addr_list *l, const char *s);
void mail_addr_list_release(struct mail_addr_list *l);

/*
 * A message to build. Every string is owned by the message (malloc'd) and
 * freed by mail_message_release(); `att` likewise. `to` and `cc` may be
 * empty when the message is only written to a file, not sent.
 */
struct mail_message {
	struct mail_addr from;
	struct mail_addr_list to, cc;
	char *subject;		/* UTF-8, no line breaks */
	char *body;		/* UTF-8 text, lines ending "\n" */
	char *att_name;		/* the attachment's file name, UTF-8, no '/' */
	char *att_type;		/* its MIME type: "application/pdf" */
	unsigned char *att;
	size_t att_len;
};

void mail_message_init(struct mail_message *m);
void mail_message_release(struct mail_message *m);

/*
 * Writes `m` as RFC 5322 text to `out` (appending). Date: $SOURCE_DATE_EPOCH
 * in UTC when set, else the local time now. The Message-ID is made from a
 * hash of the message and the time, on the sender's domain; with
 * $SOURCE_DATE_EPOCH the output is the same bytes on every run.
 *
 * Refuses, with -1 and a message: no attachment (att_len 0), a subject
 * with a line break or control character, a display name with one, and a
 * message whose encoded size would be over `max_size` bytes (0 for
 * MAIL_DEFAULT_MAX_SIZE). On error `out` is left as it was.
 */
int mail_message_build(const struct mail_message *m, size_t max_size, struct buf *out);

/*
 * Helpers, exposed for the tests. Each appends to `out`.
 * mail_base64(): standard alphabet, '=' padding, CRLF after every 76
 * characters and at the end. mail_qp(): quoted-printable of UTF-8 text with
 * "\n" line ends, CRLF line ends out, soft breaks keeping lines at most
 * 76 characters, '=' and trailing blanks and non-ASCII bytes encoded and
 * a multi-byte character never split. mail_header(): "Name: value" with
 * RFC 2047 encoded-words for a value that is not printable ASCII, folded
 * to lines of at most 78 characters, ending CRLF.
 */
void mail_base64(struct buf *out, const unsigned char *p, size_t n);
void mail_qp(struct buf *out, const char *text);
void mail_header(struct buf *out, const char *name, const char *value);

/* How to reach the server. */
enum mail_tls {
	MAIL_TLS_AUTO,		/* required when a password is sent, else "try" */
	MAIL_TLS_TRY,		/* STARTTLS when the server offers it */
	MAIL_TLS_REQUIRED,	/* smtp:// fails unless STARTTLS succeeds */
};

struct mail_server {
	const char *url;	/* smtp://HOST[:PORT] or smtps://HOST[:PORT] */
	const char *user;	/* NULL: no authentication */
	const char *password;	/* NULL: none */
	const char *ca_file;	/* NULL: the system's certificate store */
	enum mail_tls tls;
	long connect_timeout;	/* seconds; 0 for 20 */
	/* Told the SMTP dialogue, without secrets, a NOTIFY_STATUS line each; zero: nobody. */
	struct notify dialogue;
};

/*
 * Checks that `url` is smtp:// or smtps:// with a host and without a user
 * or password in it. Returns 0, or -1 with a message.
 */
int mail_check_url(const char *url);

/*
 * Sends the built message `text` to every address of m->to and m->cc (the
 * envelope: exactly those, each once), from m->from. All recipients must be
 * accepted or nothing is sent. Returns 0, or -1 with a message that names
 * the server and says what failed: "smtp://127.0.0.1:2525: recipient
 * 'x@example.org' refused: 550 5.1.1 no such user", "smtp://...: cannot
 * connect: Couldn't connect to server (...)". Calls curl_global_init() and
 * curl_global_cleanup() itself.
 */
int mail_send(const struct mail_server *srv, const struct mail_message *m,
	      const struct buf *text);

/*
 * The mail command: what to send and where. Strings are borrowed. NULL or
 * 0 means "not given": the configuration (`cfg`, may be NULL) or the
 * environment decides, as described for each.
 */
struct mail_options {
	const char *to;		/* comma-separated; required unless `eml` */
	const char *cc;
	const char *from;	/* else smtp.from */
	const char *subject;	/* else the briefing's title, else its file name */
	const char *tlp;	/* the label when the briefing has none; must agree when it has */
	const char *smtp_url;	/* else $IBRIEF_SMTP_URL, else smtp.url */
	const char *eml;	/* write the message here ("-": stdout) instead of sending */
	size_t max_size;	/* else smtp.max_size, else MAIL_DEFAULT_MAX_SIZE */
	size_t max_recipients;	/* else MAIL_DEFAULT_MAX_RECIPIENTS */
	int allow_red;		/* send a TLP:RED briefing */
	int verbose;		/* tell `status` the SMTP dialogue too */
	const struct config *cfg;
	struct notify status;	/* told what was done: "sent x.pdf to a@b through ..." */
};
#define MAIL_OPTIONS_INIT { 0 }

/*
 * Mails the briefing `sum` describes (report_write() filled it, or
 * mail_read_briefing() for a PDF made elsewhere): attaches the file at
 * sum->path (refusing one that is not a PDF, or that cannot fit the size
 * budget), makes the subject from its title and label ("[TLP:AMBER] Cyber
 * incidents – April 2024") and a short body from its narrative, then sends
 * it or writes it to opts->eml. The TLP:RED rule is tlp_check_mailing()'s.
 * The signature names the configured organisation, else sum->organisation.
 * The password comes from $IBRIEF_SMTP_PASSWORD, else smtp.password; the
 * user from $IBRIEF_SMTP_USER, else smtp.user. More recipients than
 * opts->max_recipients are refused, naming their number. Returns 0, or -1
 * with a message; nothing was sent then.
 */
int mail_briefing(const struct report_summary *sum, const struct mail_options *opts);

/*
 * The summary of a briefing made elsewhere, from the document information
 * of the PDF at `path`, read with libqpdf (any PDF qpdf reads: object and
 * cross-reference streams, UTF-16 and PDFDocEncoding strings): Title,
 * Subject (the narrative), Author (the organisation), the TLP label named
 * in Keywords (tlp_find()), the page count and the file size. Strings come
 * as UTF-8 with control characters other than line feeds made spaces; an
 * absent one is NULL. Returns 0 with `sum` filled (report_summary_release()
 * it), or -1 with a message (a file qpdf cannot read, Keywords naming two
 * different levels); `sum` is then empty.
 */
int mail_read_briefing(const char *path, struct report_summary *sum);

/*
 * Whether `head`, the first `len` bytes of the file at `path`, are a
 * PDF's: 0, or -1 with a message for an empty file or one that does not
 * start with "%PDF-".
 */
int mail_check_pdf_head(const char *path, const unsigned char *head, size_t len);

#endif
