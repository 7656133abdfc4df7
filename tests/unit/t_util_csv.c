/* The one CSV writer (util/csv.c): RFC 4180 and the formula guard. */
#include "test.h"

#include <stdlib.h>

#include "../../util/csv.h"

/* What csv_text() writes for `s`, in a static buffer. */
static const char *field(const char *s)
{
	static char text[256];
	FILE *f;

	memset(text, 0, sizeof(text));
	f = fmemopen(text, sizeof(text), "w");

	csv_text(f, s);
	fclose(f);
	return text;
}

static void test_text_is_quoted_only_when_it_must_be(void)
{
	CHECK_STR(field("Stad Gent"), "Stad Gent");
	CHECK_STR(field("Gent, Stad"), "\"Gent, Stad\"");
	CHECK_STR(field("say \"hi\""), "\"say \"\"hi\"\"\"");
	CHECK_STR(field(" padded"), "\" padded\"");
	CHECK_STR(field(""), "");
	CHECK_STR(field(NULL), "");
}

static void test_a_cell_a_spreadsheet_would_run_is_neutralised(void)
{
	CHECK_STR(field("=HYPERLINK(\"http://evil.example/\",\"x\")"),
		  "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\"");
	CHECK_STR(field("+31 20 123"), "\"'+31 20 123\"");
	CHECK_STR(field("-2+3"), "\"'-2+3\"");
	CHECK_STR(field("@SUM(A1)"), "\"'@SUM(A1)\"");
	CHECK_STR(field("\tTab"), "\"'\tTab\"");
	CHECK_STR(field("\rCR"), "\"'\rCR\"");
	/* Only the first character counts. */
	CHECK_STR(field("a=b"), "a=b");
	CHECK(csv_is_formula("=1"));
	CHECK(!csv_is_formula("1-2"));
}

int main(void)
{
	test_run("text is quoted only when it must be", test_text_is_quoted_only_when_it_must_be);
	test_run("a cell a spreadsheet would run is neutralised",
		 test_a_cell_a_spreadsheet_would_run_is_neutralised);
	return test_done();
}
