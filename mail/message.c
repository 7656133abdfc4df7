/*
 * Addresses and the RFC 5322 / MIME message. Sources: RFC 5322 (message
 * format, dot-atom, folding at 78 characters), RFC 2045 (base64 and
 * quoted-printable, 76-character lines), RFC 2046 (multipart), RFC 2047
 * (encoded-words, at most 75 characters each), RFC 2231 (parameter values
 * in UTF-8).
 */
#include "mail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../util/utf8.h"
#include "../util/util.h"
#include "../util/banned.h"

#define HEADER_WIDTH 78
#define ENCODED_WORD_BYTES 45	/* 60 base64 characters + 12 = 72 <= 75 */

void mail_addr_release(struct mail_addr *a)
{
	free(a->name);
	free(a->addr);
	a->name = a->addr = NULL;
}

void mail_addr_list_release(struct mail_addr_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		mail_addr_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

void mail_message_init(struct mail_message *m)
{
	memset(m, 0, sizeof(*m));
}

void mail_message_release(struct mail_message *m)
{
	mail_addr_release(&m->from);
	mail_addr_list_release(&m->to);
	mail_addr_list_release(&m->cc);
	free(m->subject);
	free(m->body);
	free(m->att_name);
	free(m->att_type);
	free(m->att);
	mail_message_init(m);
}

/* RFC 5322 atext: the characters of a dot-atom besides the dots. */
static int is_atext(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

static int is_label_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/* NULL when `a` is a plausible plain address, else what is wrong with it. */
static const char *addr_problem(const char *a)
{
	const char *at = strrchr(a, '@'), *p, *label;

	for (p = a; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "it holds a line break or control character";
		if ((unsigned char)*p >= 0x80)
			return "non-ASCII addresses are not supported";
		if (*p == ' ' || *p == '\t')
			return "it holds white space";
	}
	if (!at)
		return "there is no '@'";
	if (at == a || at - a > 64)
		return "the part before '@' is empty or over 64 characters";
	if (strlen(at + 1) > 253 || !at[1])
		return "the domain is empty or over 253 characters";
	for (p = a; p < at; p++) {
		if (*p == '.' ? p == a || p + 1 == at || p[1] == '.' : !is_atext((unsigned char)*p))
			return "the part before '@' is not a plain name (letters, digits, dots and "
			       "!#$%&'*+-/=?^_`{|}~)";
	}
	for (label = p = at + 1;; p++) {
		if (*p == '.' || !*p) {
			if (p == label || p - label > 63 || *label == '-' || p[-1] == '-')
				return "the domain is not a host name";
			if (!*p)
				break;
			label = p + 1;
		} else if (!is_label_char((unsigned char)*p)) {
			return "the domain is not a host name";
		}
	}
	return NULL;
}

static int has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

int mail_addr_parse(struct mail_addr *out, const char *s)
{
	char *copy = xstrdup(s), *addr = trim(copy), *name = NULL, *lt, *gt;
	const char *why;
	int ret = -1;

	out->name = out->addr = NULL;
	if (has_control(s)) {
		error("'%s' is not an e-mail address: it holds a line break or control character", s);
		goto out;
	}
	lt = strrchr(addr, '<');
	if (lt) {
		gt = strchr(lt, '>');
		if (!gt || *trim(gt + 1)) {
			error("'%s' is not an e-mail address: write 'Name <user@example.org>'", s);
			goto out;
		}
		*gt = '\0';
		*lt = '\0';
		name = trim(addr);
		addr = trim(lt + 1);
	}
	why = addr_problem(addr);
	if (why) {
		error("'%s' is not an e-mail address: %s", s, why);
		goto out;
	}
	if (name && *name == '"') {
		/* A quoted display name: drop the quotes, undo backslash escapes. */
		size_t n = strlen(name), j = 0;

		if (n < 2 || name[n - 1] != '"') {
			error("'%s' is not an e-mail address: the name's quotes do not close", s);
			goto out;
		}
		for (size_t i = 1; i + 1 < n; i++) {
			if (name[i] == '\\' && i + 2 < n)
				i++;
			name[j++] = name[i];
		}
		name[j] = '\0';
	}
	out->addr = xstrdup(addr);
	out->name = name && *name ? xstrdup(name) : NULL;
	ret = 0;
out:
	free(copy);
	return ret;
}

static int list_has(const struct mail_addr_list *l, const char *addr)
{
	for (size_t i = 0; i < l->n; i++)
		if (!ascii_casecmp(l->v[i].addr, addr))
			return 1;
	return 0;
}

int mail_addr_list_parse(struct mail_addr_list *l, const char *s)
{
	const char *p = s, *start = s;
	int quoted = 0, angle = 0;

	for (;; p++) {
		if (*p == '\\' && quoted && p[1]) {
			p++;
			continue;
		}
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '<' && !quoted)
			angle = 1;
		else if (*p == '>' && !quoted)
			angle = 0;
		if (!*p || (*p == ',' && !quoted && !angle)) {
			char *item = xstrndup(start, (size_t)(p - start));
			struct mail_addr a;
			int bad = !*trim(item) ? error("'%s': an empty address in the list", s)
					       : mail_addr_parse(&a, item);

			free(item);
			if (bad)
				return -1;
			if (list_has(l, a.addr)) {
				mail_addr_release(&a);
			} else {
				ALLOC_GROW(l->v, l->n + 1, l->alloc);
				l->v[l->n++] = a;
			}
			if (!*p)
				return 0;
			start = p + 1;
		}
	}
}

void mail_base64(struct buf *out, const unsigned char *p, size_t n)
{
	static const char abc[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t col = 0;

	buf_grow(out, n / 3 * 4 + n / 57 * 2 + 8);
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		char q[4];

		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		q[0] = abc[v >> 18 & 63];
		q[1] = abc[v >> 12 & 63];
		q[2] = i + 1 < n ? abc[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? abc[v & 63] : '=';
		buf_add(out, q, 4);
		col += 4;
		if (col == 76) {
			buf_adds(out, "\r\n");
			col = 0;
		}
	}
	if (col)
		buf_adds(out, "\r\n");
}

/* The length of base64 text with line ends, for the size check. */
static size_t base64_size(size_t n)
{
	size_t chars = (n + 2) / 3 * 4;

	return chars + (chars + 75) / 76 * 2;
}

void mail_qp(struct buf *out, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *p = text, *stop = text + strlen(text);
	size_t col = 0;

	while (*p) {
		char tok[16];
		size_t n = 0, len;

		if (*p == '\n') {
			buf_adds(out, "\r\n");
			col = 0;
			p++;
			continue;
		}
		/* A character is never split over two lines. */
		len = 0;
		utf8_decode(p, (size_t)(stop - p), &len);
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)p[i];
			int end = p[i + 1] == '\n' || !p[i + 1];
			/*
			 * Encoded besides the rule's musts: a dot or "From " at the
			 * start of a line, which some transports mangle.
			 */
			int literal = (c >= 33 && c <= 126 && c != '=') ||
				      ((c == ' ' || c == '\t') && !end);

			if (col == 0 && n == 0 && (c == '.' || (c == 'F' && starts_with(p, "From "))))
				literal = 0;
			if (literal) {
				tok[n++] = (char)c;
			} else {
				tok[n++] = '=';
				tok[n++] = hex[c >> 4];
				tok[n++] = hex[c & 15];
			}
		}
		/* A soft break "=" must fit in the 76 columns too. */
		if (col + n > 75 && !(col + n == 76 && (p[len] == '\n' || !p[len]))) {
			buf_adds(out, "=\r\n");
			col = 0;
			if (tok[0] == '.') {
				memmove(tok + 3, tok + 1, n - 1);
				memcpy(tok, "=2E", 3);
				n += 2;
			}
		}
		buf_add(out, tok, n);
		col += n;
		p += len;
	}
	if (col)
		buf_adds(out, "\r\n");
}

/* A header being written: folds before a unit that would pass the width. */
struct hdr {
	struct buf *out;
	size_t col;
	int units;
};

static void hdr_start(struct hdr *h, struct buf *out, const char *name)
{
	h->out = out;
	buf_addf(out, "%s:", name);
	h->col = strlen(name) + 1;
	h->units = 0;
}

static void hdr_unit(struct hdr *h, const char *unit, size_t n)
{
	if (h->units && h->col + 1 + n > HEADER_WIDTH) {
		buf_adds(h->out, "\r\n ");
		h->col = 1;
	} else {
		buf_addch(h->out, ' ');
		h->col++;
	}
	buf_add(h->out, unit, n);
	h->col += n;
	h->units++;
}

static void hdr_end(struct hdr *h)
{
	buf_adds(h->out, "\r\n");
}

/* Units of RFC 2047 B encoded-words for `n` bytes of UTF-8 text. */
static void hdr_encoded(struct hdr *h, const char *s, size_t n)
{
	struct buf w = BUF_INIT;

	while (n) {
		size_t take = 0, room = ENCODED_WORD_BYTES;
		/* Fill the line's room when a word of some size fits there. */
		size_t left = HEADER_WIDTH > h->col + 13 ? (HEADER_WIDTH - h->col - 13) / 4 * 3 : 0;

		if (h->units && left >= 12 && left < room)
			room = left;
		else if (!h->units && left < room)
			room = left;
		/* Whole characters: an encoded-word never splits one. */
		while (take < n) {
			size_t next = take;

			utf8_decode(s, n, &next);
			if (next > room)
				break;
			take = next;
		}
		if (!take)
			utf8_decode(s, n, &take);
		buf_reset(&w);
		buf_adds(&w, "=?UTF-8?B?");
		mail_base64(&w, (const unsigned char *)s, take);
		buf_setlen(&w, w.len - 2);	/* the CRLF */
		buf_adds(&w, "?=");
		hdr_unit(h, w.buf, w.len);
		s += take;
		n -= take;
	}
	buf_release(&w);
}

/* A word that cannot stand as itself in a header. */
static int needs_encoding(const char *w, size_t n)
{
	if (n > HEADER_WIDTH - 2)
		return 1;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)w[i] < 0x21 || (unsigned char)w[i] > 0x7e ||
		    (w[i] == '=' && i + 1 < n && w[i + 1] == '?'))
			return 1;
	return 0;
}

/*
 * Writes text word by word: printable ASCII words as they are, runs of
 * other words as encoded-words (the spaces inside a run encoded with it,
 * since white space between two encoded-words is not text).
 */
static void hdr_text(struct hdr *h, const char *s)
{
	const char *run = NULL, *run_end = NULL;

	for (;;) {
		size_t n;

		while (*s == ' ' || *s == '\t')
			s++;
		n = strcspn(s, " \t");
		if (n && needs_encoding(s, n)) {
			if (!run)
				run = s;
			run_end = s + n;
		} else {
			if (run)
				hdr_encoded(h, run, (size_t)(run_end - run));
			run = NULL;
			if (!n)
				break;
			hdr_unit(h, s, n);
		}
		s += n;
	}
}

void mail_header(struct buf *out, const char *name, const char *value)
{
	struct hdr h;

	hdr_start(&h, out, name);
	hdr_text(&h, value);
	hdr_end(&h);
}

/* A display name as an RFC 5322 phrase: atoms, a quoted string, or encoded. */
static void hdr_name(struct hdr *h, const char *name)
{
	struct buf q = BUF_INIT;
	int plain = 1, ascii = 1;

	for (const char *p = name; *p; p++) {
		if ((unsigned char)*p >= 0x80)
			ascii = 0;
		else if (!is_atext((unsigned char)*p) && *p != ' ')
			plain = 0;
	}
	if (!ascii || strlen(name) > HEADER_WIDTH - 10) {
		hdr_encoded(h, name, strlen(name));
	} else if (plain) {
		hdr_text(h, name);
	} else {
		buf_addch(&q, '"');
		for (const char *p = name; *p; p++) {
			if (*p == '"' || *p == '\\')
				buf_addch(&q, '\\');
			buf_addch(&q, *p);
		}
		buf_addch(&q, '"');
		hdr_unit(h, q.buf, q.len);
	}
	buf_release(&q);
}

static void address_header(struct buf *out, const char *name, const struct mail_addr *v,
			   size_t n)
{
	struct buf unit = BUF_INIT;
	struct hdr h;

	hdr_start(&h, out, name);
	for (size_t i = 0; i < n; i++) {
		if (v[i].name)
			hdr_name(&h, v[i].name);
		buf_reset(&unit);
		buf_addf(&unit, v[i].name ? "<%s>%s" : "%s%s", v[i].addr, i + 1 < n ? "," : "");
		hdr_unit(&h, unit.buf, unit.len);
	}
	hdr_end(&h);
	buf_release(&unit);
}

static void add_date(struct buf *out, time_t t, int utc)
{
	static const char days[][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char months[][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	long off;

	if (!(utc ? gmtime_r(&t, &tm) : localtime_r(&t, &tm)))
		die("mail: cannot convert the time %lld", (long long)t);
	off = utc ? 0 : tm.tm_gmtoff / 60;
	buf_addf(out, "Date: %s, %d %s %d %02d:%02d:%02d %c%02ld%02ld\r\n",
		 days[tm.tm_wday % 7], tm.tm_mday, months[tm.tm_mon % 12], tm.tm_year + 1900,
		 tm.tm_hour, tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+',
		 (off < 0 ? -off : off) / 60, (off < 0 ? -off : off) % 60);
}

/* A file name parameter: quoted when plain ASCII, else RFC 2231 UTF-8. */
static void add_filename_param(struct buf *out, const char *param, const char *name)
{
	int plain = strlen(name) <= 60;

	for (const char *p = name; *p && plain; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e || *p == '"' || *p == '\\')
			plain = 0;
	if (plain) {
		buf_addf(out, ";\r\n %s=\"%s\"", param, name);
		return;
	}
	buf_addf(out, ";\r\n %s*=UTF-8''", param);
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (is_label_char(*p) || *p == '.' || *p == '_')
			buf_addch(out, *p);
		else
			buf_addf(out, "%%%02X", *p);
	}
}

static void format_size(struct buf *out, size_t n)
{
	if (n >= 1024 * 1024)
		buf_addf(out, "%.1f MiB", (double)n / (1024.0 * 1024.0));
	else
		buf_addf(out, "%.1f KiB", (double)n / 1024.0);
}

static int over_budget(size_t size, size_t max, int estimate)
{
	struct buf a = BUF_INIT, b = BUF_INIT;

	format_size(&a, size);
	format_size(&b, max);
	error("the message would be %s%s, over the size budget of %s (set max_size in [smtp] "
	      "of the configuration, or --max-size)", estimate ? "at least " : "", a.buf, b.buf);
	buf_release(&a);
	buf_release(&b);
	return -1;
}

static int check_message(const struct mail_message *m)
{
	if (!m->att || !m->att_len)
		return error("the message has no attachment: nothing to send");
	if (!m->att_name || !*m->att_name || strchr(m->att_name, '/') || has_control(m->att_name))
		return error("'%s' is not a plain file name for the attachment",
			     m->att_name ? m->att_name : "");
	if (!m->from.addr || addr_problem(m->from.addr))
		return error("the message has no valid sender");
	if (!m->subject || has_control(m->subject))
		return error("the subject is missing or holds a line break or control character");
	if ((m->from.name && has_control(m->from.name)))
		return error("the sender's name holds a line break or control character");
	for (size_t i = 0; i < m->to.n + m->cc.n; i++) {
		const struct mail_addr *a = i < m->to.n ? &m->to.v[i] : &m->cc.v[i - m->to.n];

		if (addr_problem(a->addr) || (a->name && has_control(a->name)))
			return error("'%s' is not a valid recipient", a->addr);
	}
	return 0;
}

int mail_message_build(const struct mail_message *m, size_t max_size, struct buf *out)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	unsigned long long h = FNV64_INIT;
	struct buf b = BUF_INIT;
	long epoch = 0;
	time_t now;
	char boundary[40];

	if (!max_size)
		max_size = MAIL_DEFAULT_MAX_SIZE;
	if (check_message(m) < 0)
		return -1;
	if (base64_size(m->att_len) > max_size)
		return over_budget(base64_size(m->att_len), max_size, 1);
	if (sde && *sde && parse_long(sde, 0, 253402300799L, &epoch) < 0)
		return error("SOURCE_DATE_EPOCH: '%s' is not a number of seconds", sde);
	now = sde && *sde ? (time_t)epoch : time(NULL);

	/* Unique enough for Message-ID and boundary; reproducible with SDE. */
	h = fnv64(h, m->subject, strlen(m->subject));
	h = fnv64(h, m->att, m->att_len);
	for (size_t i = 0; i < m->to.n; i++)
		h = fnv64(h, m->to.v[i].addr, strlen(m->to.v[i].addr));
	h = fnv64(h, &now, sizeof(now));
	if (!(sde && *sde)) {
		pid_t pid = getpid();

		h = fnv64(h, &pid, sizeof(pid));
	}
	/* "=_" cannot occur in base64 or quoted-printable text. */
	snprintf(boundary, sizeof(boundary), "=_ibrief_%016llx", h);

	add_date(&b, now, sde && *sde);
	address_header(&b, "From", &m->from, 1);
	if (m->to.n)
		address_header(&b, "To", m->to.v, m->to.n);
	if (m->cc.n)
		address_header(&b, "Cc", m->cc.v, m->cc.n);
	mail_header(&b, "Subject", m->subject);
	buf_addf(&b, "Message-ID: <%016llx.%08llx@%s>\r\n", h, (unsigned long long)now & 0xffffffffULL,
		 strrchr(m->from.addr, '@') + 1);
	buf_adds(&b, "MIME-Version: 1.0\r\n");
	buf_addf(&b, "Content-Type: multipart/mixed;\r\n boundary=\"%s\"\r\n", boundary);
	buf_adds(&b, "\r\nThis is a MIME message with an attached file.\r\n");

	buf_addf(&b, "\r\n--%s\r\n", boundary);
	buf_adds(&b, "Content-Type: text/plain; charset=UTF-8\r\n"
		 "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	mail_qp(&b, m->body ? m->body : "");

	buf_addf(&b, "\r\n--%s\r\n", boundary);
	buf_addf(&b, "Content-Type: %s", m->att_type ? m->att_type : "application/octet-stream");
	add_filename_param(&b, "name", m->att_name);
	buf_adds(&b, "\r\nContent-Disposition: attachment");
	add_filename_param(&b, "filename", m->att_name);
	buf_adds(&b, "\r\nContent-Transfer-Encoding: base64\r\n\r\n");
	mail_base64(&b, m->att, m->att_len);
	buf_addf(&b, "\r\n--%s--\r\n", boundary);

	if (b.len > max_size) {
		size_t len = b.len;

		buf_release(&b);
		return over_budget(len, max_size, 0);
	}
	buf_add(out, b.buf, b.len);
	buf_release(&b);
	return 0;
}
