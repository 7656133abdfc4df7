/* The TLP rules of util/tlp.h: which label a briefing gets, when it may be mailed. */
#include "test.h"

#include "util/tlp.h"

static void test_the_label_is_the_option_then_the_template_then_the_configuration(void)
{
	enum tlp_source from;

	CHECK_INT(tlp_decide(TLP_RED, TLP_GREEN, TLP_CLEAR, &from), TLP_RED);
	CHECK_INT(from, TLP_FROM_OPTION);
	CHECK_INT(tlp_decide(-1, TLP_GREEN, TLP_RED, &from), TLP_GREEN);
	CHECK_INT(from, TLP_FROM_TEMPLATE);	/* the default never changes a template's label */
	CHECK_INT(tlp_decide(-1, -1, TLP_CLEAR, &from), TLP_CLEAR);
	CHECK_INT(from, TLP_FROM_CONFIG);
	CHECK_INT(tlp_decide(-1, -1, -1, &from), TLP_DEFAULT);
	CHECK_INT(from, TLP_FROM_DEFAULT);
	CHECK_INT(tlp_decide(TLP_CLEAR, -1, -1, NULL), TLP_CLEAR);
}

static void test_a_red_briefing_is_mailed_only_when_allowed(void)
{
	CHECK_INT(tlp_check_mailing(TLP_AMBER_STRICT, 0, "x.pdf"), 0);
	CHECK_INT(tlp_check_mailing(TLP_RED, 1, "x.pdf"), 0);
	fputs("# expect an error message:\n", stderr);
	CHECK_INT(tlp_check_mailing(TLP_RED, 0, "x.pdf"), -1);
}

static void test_the_label_is_found_in_keywords(void)
{
	CHECK_INT(tlp_find("TLP:AMBER"), TLP_AMBER);
	CHECK_INT(tlp_find("incidents, tlp:red, Europe"), TLP_RED);
	CHECK_INT(tlp_find("TLP:AMBER+STRICT"), TLP_AMBER_STRICT);
	CHECK_INT(tlp_find("TLP:WHITE"), TLP_CLEAR);
	CHECK_INT(tlp_find("TLP:CLEAR;briefing"), TLP_CLEAR);
	CHECK_INT(tlp_find("TLP:RED TLP:RED"), TLP_RED);
	CHECK_INT(tlp_find("TLP:RED, TLP:GREEN"), -2);
	CHECK_INT(tlp_find("NOTLP:RED"), -1);
	CHECK_INT(tlp_find("TLP:AMBERISH"), -1);
	CHECK_INT(tlp_find("TLP:"), -1);
	CHECK_INT(tlp_find("TLP:RED:x"), -1);
	CHECK_INT(tlp_find(""), -1);
	CHECK_INT(tlp_find(NULL), -1);
}

int main(void)
{
	test_run("the label is the option, then the template, then the configuration",
		 test_the_label_is_the_option_then_the_template_then_the_configuration);
	test_run("a red briefing is mailed only when allowed",
		 test_a_red_briefing_is_mailed_only_when_allowed);
	test_run("the label is found in keywords", test_the_label_is_found_in_keywords);
	return test_done();
}
