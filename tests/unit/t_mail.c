/* Building mail: addresses, base64, quoted-printable, RFC 2047, the message. */
#include "test.h"

#include <stdlib.h>

#include "../../mail/mail.h"
#include "../../util/buf.h"
#include "../../util/util.h"

/* Decoders written from the RFCs, independent of the encoders under test. */
static int b64_value(int c)
{
	const char *abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = c ? strchr(abc, c) : NULL;

	return p ? (int)(p - abc) : -1;
}

static void b64_decode(struct buf *out, const char *s, size_t n)
{
	unsigned v = 0;
	int bits = 0;

	for (size_t i = 0; i < n; i++) {
		int d = b64_value((unsigned char)s[i]);

		if (d < 0)
			continue;	/* line ends, padding */
		v = v << 6 | (unsigned)d;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_addch(out, (int)(v >> bits & 0xff));
		}
	}
}

static int hexval(int c)
{
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= '0' && c <= '9' ? c - '0' : -1;
}

static void qp_decode(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (s[0] == '=' && s[1] == '\r' && s[2] == '\n') {
			s += 2;
		} else if (s[0] == '=' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
			buf_addch(out, hexval(s[1]) * 16 + hexval(s[2]));
			s += 2;
		} else if (s[0] == '\r' && s[1] == '\n') {
			buf_addch(out, '\n');
			s++;
		} else {
			buf_addch(out, *s);
		}
	}
}

/* Unfolds a header and decodes its B encoded-words (RFC 2047 section 6.2). */
static void header_decode(struct buf *out, const char *s)
{
	int last_encoded = 0;
	struct buf plain = BUF_INIT;

	for (const char *p = s; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n') {
			p++;
			continue;
		}
		buf_addch(&plain, *p);
	}
	for (const char *p = plain.buf; *p;) {
		const char *end;
		size_t sp = strspn(p, " ");

		if (starts_with(p + sp, "=?UTF-8?B?") && (end = strstr(p + sp + 10, "?=")) != NULL) {
			if (!last_encoded || !out->len)
				buf_add(out, p, sp);
			b64_decode(out, p + sp + 10, (size_t)(end - (p + sp + 10)));
			p = end + 2;
			last_encoded = 1;
		} else {
			size_t n = sp + strcspn(p + sp, " ");

			buf_add(out, p, n);
			p += n;
			last_encoded = 0;
			if (!n)
				break;
		}
	}
	buf_release(&plain);
}

/* Every line ends CRLF and is at most `width` characters. */
static int lines_ok(const char *s, size_t width)
{
	size_t col = 0;

	for (; *s; s++) {
		if (*s == '\n')
			return 0;	/* a bare LF */
		if (*s == '\r') {
			if (s[1] != '\n')
				return 0;
			s++;
			col = 0;
			continue;
		}
		if (++col > width)
			return 0;
	}
	return 1;
}

static void test_base64_vectors(void)
{
	static const char *in[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
	static const char *out[] = { "", "Zg==\r\n", "Zm8=\r\n", "Zm9v\r\n", "Zm9vYg==\r\n",
				     "Zm9vYmE=\r\n", "Zm9vYmFy\r\n" };

	for (size_t i = 0; i < ARRAY_SIZE(in); i++) {
		struct buf b = BUF_INIT;

		mail_base64(&b, (const unsigned char *)in[i], strlen(in[i]));
		CHECK_STR(b.buf, out[i]);
		buf_release(&b);
	}
}

static void test_base64_round_trip(void)
{
	unsigned char data[1000];

	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i * 7919 >> 3 ^ i);
	for (size_t n = 0; n <= sizeof(data); n += n < 200 ? 1 : 97) {
		struct buf enc = BUF_INIT, dec = BUF_INIT;

		mail_base64(&enc, data, n);
		b64_decode(&dec, enc.buf, enc.len);
		CHECK_INT(dec.len, n);
		CHECK(!memcmp(dec.buf, data, n));
		CHECK(lines_ok(enc.buf, 76));
		if (n == 57)
			CHECK_INT(enc.len, 78);	/* exactly one full line */
		buf_release(&enc);
		buf_release(&dec);
	}
}

static void test_quoted_printable(void)
{
	static const char *texts[] = {
		"Plain text.\nTwo lines.\n",
		"a = b, trailing space \nand tab\t\n",
		".dot first\nFrom here on\n",
		"Liège, Köln, Ærø and 東京: 79% hit public bodies (n = 19, 95% CI 57–91%)\n",
		("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxé"
		 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
		"no final newline",
	};

	for (size_t i = 0; i < ARRAY_SIZE(texts); i++) {
		struct buf enc = BUF_INIT, dec = BUF_INIT;
		size_t len = strlen(texts[i]);

		mail_qp(&enc, texts[i]);
		CHECK(lines_ok(enc.buf, 76));
		qp_decode(&dec, enc.buf);
		/* The encoder ends the last line; nothing else may change. */
		if (texts[i][len - 1] != '\n' && dec.len && dec.buf[dec.len - 1] == '\n')
			buf_setlen(&dec, dec.len - 1);
		CHECK_STR(dec.buf, texts[i]);
		for (const char *p = enc.buf; *p; p++)
			CHECK((unsigned char)*p < 0x80);
		/* A space before a line end, a dot or "From " at a line start, coded. */
		CHECK(!strstr(enc.buf, " \r\n") && !strstr(enc.buf, "\t\r\n"));
		CHECK(!strstr(enc.buf, "\n.") && !strstr(enc.buf, "\nFrom ") && enc.buf[0] != '.');
		buf_release(&enc);
		buf_release(&dec);
	}
}

static void test_qp_keeps_characters_whole(void)
{
	struct buf enc = BUF_INIT;
	char text[200];

	/* 73 ASCII then "é" (=C3=A9): the character goes to the next line whole. */
	memset(text, 'x', 73);
	memcpy(text + 73, "\xc3\xa9yyy\n", 7);
	mail_qp(&enc, text);
	CHECK(strstr(enc.buf, "=\r\n=C3=A9yyy\r\n") != NULL);
	buf_release(&enc);
}

static void test_ascii_subject_stays_readable(void)
{
	struct buf h = BUF_INIT;

	mail_header(&h, "Subject", "[TLP:AMBER] Cyber incident briefing, April 2024");
	CHECK_STR(h.buf, "Subject: [TLP:AMBER] Cyber incident briefing, April 2024\r\n");
	buf_reset(&h);
	mail_header(&h, "Subject", "a long subject line that goes on and on well past the "
		    "seventy-eight columns a header line should keep to");
	CHECK(lines_ok(h.buf, 78));
	CHECK(strstr(h.buf, "\r\n ") != NULL);
	buf_release(&h);
}

static void test_non_ascii_subject_is_rfc2047(void)
{
	static const char *subjects[] = {
		"[TLP:AMBER] Cyberincidenten, april 2024 — Liège",
		("[TLP:RED] Vorfälle in Österreich und Südtirol, Bericht für die Geschäftsführung "
		 "über die öffentlichen Stellen"),
		"=?UTF-8?B?not really?= an encoded word",
		"東京 大阪 名古屋 札幌 福岡 神戸 京都 川崎 さいたま 広島 仙台 千葉 北九州 堺 新潟 浜松",
	};

	for (size_t i = 0; i < ARRAY_SIZE(subjects); i++) {
		struct buf h = BUF_INIT, dec = BUF_INIT;
		const char *p;

		mail_header(&h, "Subject", subjects[i]);
		CHECK(lines_ok(h.buf, 78));
		for (p = h.buf; *p; p++)
			CHECK((unsigned char)*p < 0x80);
		for (p = h.buf; (p = strstr(p, "=?UTF-8?B?")) != NULL; p += 2)
			CHECK(strstr(p, "?=") - p + 2 <= 75);
		CHECK(starts_with(h.buf, "Subject: "));
		header_decode(&dec, h.buf + 9);
		CHECK_STR(dec.buf, subjects[i]);
		buf_release(&h);
		buf_release(&dec);
	}
}

static void test_addresses_parse(void)
{
	struct mail_addr a;
	struct mail_addr_list l = MAIL_ADDR_LIST_INIT;
	FILE *keep;

	CHECK_INT(mail_addr_parse(&a, "  ciso@example.org "), 0);
	CHECK_STR(a.addr, "ciso@example.org");
	CHECK_NULL(a.name);
	mail_addr_release(&a);
	CHECK_INT(mail_addr_parse(&a, "Ann O'Neil <ann.o-neil+cert@mail.example.org>"), 0);
	CHECK_STR(a.name, "Ann O'Neil");
	CHECK_STR(a.addr, "ann.o-neil+cert@mail.example.org");
	mail_addr_release(&a);
	CHECK_INT(mail_addr_parse(&a, "\"Doe, J. \\\"JD\\\"\" <jd@example.org>"), 0);
	CHECK_STR(a.name, "Doe, J. \"JD\"");
	mail_addr_release(&a);

	CHECK_INT(mail_addr_list_parse(&l, "a@example.org, \"Doe, J.\" <j@example.org>,"
				       "A@EXAMPLE.ORG,b@localhost"), 0);
	CHECK_INT(l.n, 3);
	CHECK_STR(l.v[1].name, "Doe, J.");
	CHECK_STR(l.v[2].addr, "b@localhost");
	keep = stderr;
	stderr = fopen("/dev/null", "w");
	CHECK_INT(mail_addr_list_parse(&l, "c@example.org,,d@example.org"), -1);
	fclose(stderr);
	stderr = keep;
	mail_addr_list_release(&l);
}

static void test_bad_addresses_are_refused(void)
{
	static const char *bad[] = {
		"a@example.org\r\nBcc: spy@example.net", "a@example.org\nx", "no-at-sign",
		"a@", "@example.org", "a b@example.org", "a@-example.org", "a@example..org",
		"a..b@example.org", ".a@example.org", "a@exa_mple.org", "Ann <a@example.org",
		"Ann <a@example.org> x", "élise@example.org", "a@example.org>", "a,b@example.org",
		"\"Ann <a@example.org>", "a@b@example.org",
	};
	FILE *keep = stderr;

	stderr = fopen("/dev/null", "w");
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct mail_addr a = { NULL, NULL };

		if (mail_addr_parse(&a, bad[i]) != -1)
			test_fail(__FILE__, __LINE__, "'%s' was taken", bad[i]);
		CHECK_NULL(a.addr);
	}
	fclose(stderr);
	stderr = keep;
}

static void sample(struct mail_message *m, size_t att_len)
{
	mail_message_init(m);
	CHECK_INT(mail_addr_parse(&m->from, "Example CERT <cert@example.org>"), 0);
	CHECK_INT(mail_addr_list_parse(&m->to, "ciso@example.org, Bob Böhm <b@example.org>"), 0);
	CHECK_INT(mail_addr_list_parse(&m->cc, "soc@example.org"), 0);
	m->subject = xstrdup("[TLP:AMBER] Cyber incident briefing, April 2024");
	m->body = xstrdup("19 incidents in April 2024.\n79% hit public bodies.\n");
	m->att_name = xstrdup("briefing-2024-04.pdf");
	m->att_type = xstrdup("application/pdf");
	m->att = xmalloc(att_len);
	m->att_len = att_len;
	for (size_t i = 0; i < att_len; i++)
		m->att[i] = (unsigned char)(i * 31 + 7);
}

/* The text between "\r\n\r\n" after `marker` and the next "\r\n--". */
static void part_body(struct buf *out, const char *msg, const char *marker)
{
	const char *p = strstr(msg, marker), *end;

	p = p ? strstr(p, "\r\n\r\n") : NULL;
	end = p ? strstr(p + 4, "\r\n--") : NULL;
	if (p && end)
		buf_add(out, p + 4, (size_t)(end - p - 4));
}

static void test_message_is_well_formed(void)
{
	struct mail_message m;
	struct buf out = BUF_INIT, att = BUF_INIT, body = BUF_INIT, text = BUF_INIT;
	const char *head_end;

	setenv("SOURCE_DATE_EPOCH", "1714500000", 1);
	sample(&m, 5000);
	CHECK_INT(mail_message_build(&m, 0, &out), 0);
	head_end = strstr(out.buf, "\r\n\r\n");
	CHECK(head_end != NULL);
	CHECK(starts_with(out.buf, "Date: Tue, 30 Apr 2024 18:00:00 +0000\r\n"));
	CHECK(strstr(out.buf, "\r\nFrom: Example CERT <cert@example.org>\r\n") != NULL);
	CHECK(strstr(out.buf, "\r\nTo: ciso@example.org, =?UTF-8?B?Qm9iIELDtmht?= <b@example.org>\r\n"));
	CHECK(strstr(out.buf, "\r\nCc: soc@example.org\r\n") != NULL);
	CHECK(strstr(out.buf, "\r\nSubject: [TLP:AMBER] Cyber incident briefing, April 2024\r\n"));
	CHECK(strstr(out.buf, "\r\nMessage-ID: <") && strstr(out.buf, "@example.org>\r\n"));
	CHECK(strstr(out.buf, "\r\nMIME-Version: 1.0\r\n") != NULL);
	CHECK(strstr(out.buf, "\r\nContent-Type: multipart/mixed;\r\n boundary=\"=_ibrief_"));
	CHECK(lines_ok(out.buf, 78));
	CHECK(strstr(out.buf, "Content-Type: text/plain; charset=UTF-8\r\n"
		     "Content-Transfer-Encoding: quoted-printable\r\n") != NULL);
	CHECK(strstr(out.buf, "Content-Type: application/pdf;\r\n name=\"briefing-2024-04.pdf\"\r\n"
		     "Content-Disposition: attachment;\r\n filename=\"briefing-2024-04.pdf\"\r\n"
		     "Content-Transfer-Encoding: base64\r\n") != NULL);
	/* The closing delimiter ends the message. */
	CHECK(out.len > 20 && !strcmp(out.buf + out.len - 2, "\r\n"));
	CHECK(strstr(out.buf, "--\r\n") == out.buf + out.len - 4);

	part_body(&att, out.buf, "Content-Transfer-Encoding: base64");
	b64_decode(&body, att.buf, att.len);
	CHECK_INT(body.len, 5000);
	CHECK(body.len == 5000 && !memcmp(body.buf, m.att, 5000));
	buf_reset(&att);
	part_body(&att, out.buf, "quoted-printable");
	qp_decode(&text, att.buf);
	CHECK_STR(text.buf, "19 incidents in April 2024.\n79% hit public bodies.\n");

	buf_release(&att);
	buf_release(&body);
	buf_release(&text);
	buf_release(&out);
	mail_message_release(&m);
	unsetenv("SOURCE_DATE_EPOCH");
}

static void test_message_is_reproducible_with_source_date_epoch(void)
{
	struct mail_message m;
	struct buf a = BUF_INIT, b = BUF_INIT;

	setenv("SOURCE_DATE_EPOCH", "1714500000", 1);
	sample(&m, 100);
	CHECK_INT(mail_message_build(&m, 0, &a), 0);
	CHECK_INT(mail_message_build(&m, 0, &b), 0);
	CHECK_INT(a.len, b.len);
	CHECK(a.len == b.len && !memcmp(a.buf, b.buf, a.len));
	unsetenv("SOURCE_DATE_EPOCH");
	buf_release(&a);
	buf_release(&b);
	mail_message_release(&m);
}

static void test_non_ascii_file_name_uses_rfc2231(void)
{
	struct mail_message m;
	struct buf out = BUF_INIT;

	sample(&m, 10);
	free(m.att_name);
	m.att_name = xstrdup("Liège 2024.pdf");
	CHECK_INT(mail_message_build(&m, 0, &out), 0);
	CHECK(strstr(out.buf, "\r\n filename*=UTF-8''Li%C3%A8ge%202024.pdf\r\n") != NULL);
	buf_release(&out);
	mail_message_release(&m);
}

static void test_size_budget(void)
{
	struct mail_message m;
	struct buf out = BUF_INIT, keep = BUF_INIT;
	FILE *saved = stderr;
	size_t exact;

	setenv("SOURCE_DATE_EPOCH", "1714500000", 1);
	sample(&m, 30000);
	CHECK_INT(mail_message_build(&m, 0, &out), 0);
	exact = out.len;
	buf_reset(&out);
	CHECK_INT(mail_message_build(&m, exact, &out), 0);	/* the budget is inclusive */
	CHECK_INT(out.len, exact);
	buf_adds(&keep, "kept");
	stderr = fopen("/dev/null", "w");
	CHECK_INT(mail_message_build(&m, exact - 1, &keep), -1);
	CHECK_INT(mail_message_build(&m, 30000, &keep), -1);	/* refused before encoding */
	fclose(stderr);
	stderr = saved;
	CHECK_STR(keep.buf, "kept");
	unsetenv("SOURCE_DATE_EPOCH");
	buf_release(&out);
	buf_release(&keep);
	mail_message_release(&m);
}

static void test_refusals(void)
{
	struct mail_message m;
	struct buf out = BUF_INIT;
	FILE *saved = stderr;

	stderr = fopen("/dev/null", "w");
	sample(&m, 10);
	free(m.att);
	m.att = NULL;
	m.att_len = 0;
	CHECK_INT(mail_message_build(&m, 0, &out), -1);	/* no attachment */
	mail_message_release(&m);

	sample(&m, 10);
	free(m.subject);
	m.subject = xstrdup("Briefing\r\nBcc: spy@example.net");
	CHECK_INT(mail_message_build(&m, 0, &out), -1);
	mail_message_release(&m);

	sample(&m, 10);
	free(m.att_name);
	m.att_name = xstrdup("../etc/passwd");
	CHECK_INT(mail_message_build(&m, 0, &out), -1);
	mail_message_release(&m);

	sample(&m, 10);
	free(m.from.name);
	m.from.name = xstrdup("CERT\nBcc: spy@example.net");
	CHECK_INT(mail_message_build(&m, 0, &out), -1);
	mail_message_release(&m);
	fclose(stderr);
	stderr = saved;
	CHECK_INT(out.len, 0);
	buf_release(&out);
}

static void test_url_check(void)
{
	FILE *saved = stderr;

	CHECK_INT(mail_check_url("smtp://127.0.0.1:2525"), 0);
	CHECK_INT(mail_check_url("smtps://mail.example.org"), 0);
	stderr = fopen("/dev/null", "w");
	CHECK_INT(mail_check_url("smtp://ann:secret@mail.example.org"), -1);
	CHECK_INT(mail_check_url("http://mail.example.org"), -1);
	CHECK_INT(mail_check_url("smtp://"), -1);
	CHECK_INT(mail_check_url("smtp://a b"), -1);
	fclose(stderr);
	stderr = saved;
}

int main(void)
{
	test_run("base64 matches the RFC 4648 vectors", test_base64_vectors);
	test_run("base64 decodes back to the bytes, in lines of 76", test_base64_round_trip);
	test_run("quoted-printable decodes back to the text, in lines of 76",
		 test_quoted_printable);
	test_run("quoted-printable never splits a UTF-8 character", test_qp_keeps_characters_whole);
	test_run("an ASCII subject is written as it is, folded when long",
		 test_ascii_subject_stays_readable);
	test_run("a non-ASCII subject is RFC 2047 words that decode back",
		 test_non_ascii_subject_is_rfc2047);
	test_run("addresses parse with names, quotes and lists, once each", test_addresses_parse);
	test_run("addresses with line breaks or junk are refused", test_bad_addresses_are_refused);
	test_run("a message has the headers and MIME parts a mail client needs",
		 test_message_is_well_formed);
	test_run("with SOURCE_DATE_EPOCH the message is the same bytes every time",
		 test_message_is_reproducible_with_source_date_epoch);
	test_run("a non-ASCII file name is written as RFC 2231", test_non_ascii_file_name_uses_rfc2231);
	test_run("a message over the size budget is refused and nothing written", test_size_budget);
	test_run("no attachment, or a line break in a header, is refused", test_refusals);
	test_run("an SMTP URL with a password in it is refused", test_url_check);
	return test_done();
}
