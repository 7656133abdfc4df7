/* URLs shown without their passwords (util/url.c). */
#include "test.h"

#include "../../util/buf.h"
#include "../../util/url.h"

static void check_redact(const char *url, const char *expected)
{
	struct buf b = BUF_INIT;

	url_redact(&b, url);
	CHECK_STR(b.buf, expected);
	buf_release(&b);
}

static void test_a_url_is_shown_without_its_password(void)
{
	check_redact("smtp://ann:s3cret@mail.example.org:587", "smtp://ann@mail.example.org:587");
	check_redact("smtps://ann:p@ss:w@rd@mail.example.org/x", "smtps://ann@mail.example.org/x");
	check_redact("smtp://:s3cret@mail.example.org", "smtp://@mail.example.org");
	check_redact("postgresql://ibrief:s3cret@db.example.org:5432/incidents?sslmode=require",
		     "postgresql://ibrief@db.example.org:5432/incidents?sslmode=require");
	check_redact("postgresql://db.example.org/incidents?password=s3cret&sslmode=require#x",
		     "postgresql://db.example.org/incidents?sslmode=require#x");
	check_redact("postgresql://h/db?user=u&password=s3cret", "postgresql://h/db?user=u");
}

static void test_what_holds_no_password_is_shown_as_it_is(void)
{
	check_redact("smtp://ann@mail.example.org", "smtp://ann@mail.example.org");
	check_redact("smtp://mail.example.org:25", "smtp://mail.example.org:25");
	check_redact("https://example.org/a@b:c", "https://example.org/a@b:c");
	check_redact("not a url: ann:x@y", "not a url: ann:x@y");
	check_redact("", "");
}

static void test_the_smtp_check_names_what_is_wrong(void)
{
	CHECK_NULL(url_smtp_problem("smtps://mail.example.org:465"));
	CHECK_STR(url_smtp_problem("http://x"), "is not an smtp:// or smtps:// URL");
	CHECK_STR(url_smtp_problem("smtp://:25"), "names no host");
	CHECK(url_smtp_problem("smtp://a:b@x") != NULL);
	CHECK_STR(url_smtp_problem("smtp://x y"), "holds white space or a control character");
}

int main(void)
{
	test_run("a URL is shown without its password", test_a_url_is_shown_without_its_password);
	test_run("what holds no password is shown as it is",
		 test_what_holds_no_password_is_shown_as_it_is);
	test_run("the SMTP check names what is wrong", test_the_smtp_check_names_what_is_wrong);
	return test_done();
}
