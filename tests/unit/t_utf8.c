/*
 * util/utf8.c: the printable ASCII run that checks step over a word at a
 * time must end exactly where a byte-by-byte look ends it, wherever in
 * the word the first other byte falls, and the checks built on it must
 * still find each bad byte at its place.
 */
#include <stdio.h>

#include "test.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/banned.h"

#define LEN 21

/* Printable text of LEN bytes with byte `b` at `at`. */
static void fill(char *s, int b, size_t at)
{
	for (size_t i = 0; i < LEN; i++)
		s[i] = (char)('a' + i % 26);
	s[at] = (char)b;
}

static void test_span_ends_at_the_first_other_byte(void)
{
	char s[LEN];

	for (int b = 0; b < 256; b++) {
		int printable = b >= 0x20 && b <= 0x7E;

		for (size_t at = 0; at < LEN; at++) {
			fill(s, b, at);
			for (size_t from = 0; from <= at; from++) {
				size_t got = utf8_ascii_span(s + from, LEN - from);
				size_t want = printable ? LEN - from : at - from;

				if (got != want)
					test_fail(__FILE__, __LINE__,
						  "byte 0x%02X at %zu, from %zu: span %zu, expected %zu",
						  (unsigned)b, at, from, got, want);
			}
		}
	}
	CHECK_INT(utf8_ascii_span("", 0), 0);
}

static void test_checks_find_each_bad_byte_at_its_place(void)
{
	char s[LEN], want[64];

	for (int b = 0; b < 256; b++) {
		for (size_t at = 0; at < LEN; at++) {
			struct buf why = BUF_INIT;
			int bad = b >= 0x80 || b < 0x20 || b == 0x7F;
			int allowed = b == '\t' || b == '\n';

			fill(s, b, at);
			CHECK_INT(utf8_bad_at(s, LEN), b >= 0x80 ? at : LEN);
			CHECK_INT(utf8_check_text(s, LEN, 1, &why), bad && !allowed ? -1 : 0);
			snprintf(want, sizeof(want), "at byte %zu", at + 1);
			if (bad && !allowed && !strstr(why.buf, want))
				test_fail(__FILE__, __LINE__, "byte 0x%02X at %zu: \"%s\"", (unsigned)b,
					  at, why.buf);
			buf_release(&why);
		}
	}
}

static void test_checks_accept_multibyte_text_between_ascii(void)
{
	const char *s = "Li\xC3\xA8ge, ma\xC3\xAEtre d'\xC5\x93uvre \xE2\x80\x94 caf\xC3\xA9 ok";
	struct buf why = BUF_INIT;

	CHECK_INT(utf8_bad_at(s, strlen(s)), strlen(s));
	CHECK_INT(utf8_check_text(s, strlen(s), 0, &why), 0);
	CHECK_INT(utf8_check_text("abcdefgh\x1b[31m", 13, 0, &why), -1);
	CHECK(strstr(why.buf, "at byte 9") != NULL);
	buf_release(&why);
}

int main(void)
{
	test_run("the printable ASCII run ends at the first other byte, wherever it falls",
		 test_span_ends_at_the_first_other_byte);
	test_run("the checks find each bad byte at its place", test_checks_find_each_bad_byte_at_its_place);
	test_run("the checks accept multibyte text between ASCII",
		 test_checks_accept_multibyte_text_between_ascii);
	return test_done();
}
