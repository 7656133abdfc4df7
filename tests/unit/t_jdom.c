/*
 * The JSON tree of the VERIS importer (store/jdom.h): its fast reader
 * accepts only what jansson accepts, and gives the values jansson gives.
 */
#include <jansson.h>
#include <string.h>

#include "test.h"
#include "store/jdom.h"
#include "util/buf.h"
#include "util/banned.h"

/* Whether trees a and b hold the same values, members in the same order. */
static int same_tree(const struct jdom *a, const struct jdom *b)
{
	const struct jdom *x, *y;

	if (a->type != b->type || a->len != b->len || a->key_len != b->key_len ||
	    (a->key && memcmp(a->key, b->key, a->key_len)))
		return 0;
	switch (a->type) {
	case JDOM_STRING:
		return !memcmp(a->str, b->str, a->len + 1);
	case JDOM_INTEGER:
		return a->integer == b->integer && a->number == b->number;
	case JDOM_REAL:
		return !memcmp(&a->number, &b->number, sizeof(a->number));
	case JDOM_OBJECT:
	case JDOM_ARRAY:
		for (x = a->first, y = b->first; x && y; x = x->next, y = y->next)
			if (!same_tree(x, y))
				return 0;
		return !x && !y;
	default:
		return 1;
	}
}

/*
 * Parses `text` both ways. Returns 1 when the fast reader took it (then
 * jansson must have, with the same tree), 0 when it refused it.
 */
static int both(const char *file, int line, const char *text)
{
	struct jdom_doc fast, slow;
	const struct jdom *t;
	json_t *j = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
	int took;

	jdom_init(&fast);
	jdom_init(&slow);
	t = jdom_parse(&fast, text, strlen(text));
	took = t != NULL;
	if (t && !j)
		test_fail(file, line, "jansson refuses what the fast reader took: %s", text);
	if (t && j && !same_tree(t, jdom_from_json(&slow, j)))
		test_fail(file, line, "the trees differ: %s", text);
	json_decref(j);
	jdom_release(&fast);
	jdom_release(&slow);
	return took;
}
#define TAKES(text) CHECK(both(__FILE__, __LINE__, (text)))
#define LEAVES(text) CHECK(!both(__FILE__, __LINE__, (text)))

static void test_good_json_is_read_as_jansson_reads_it(void)
{
	TAKES("{}");
	TAKES("[]");
	TAKES(" {\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\"}} \n");
	TAKES("{\"n\": [0, -0, 12, -7, 9223372036854775807, -9223372036854775808]}");
	TAKES("{\"r\": [1.5, -0.0, 1e3, 2E-2, 1.0, 3.25e+2, 1e-400]}");
	TAKES("{\"s\": \"Li\xC3\xA8ge \\u00e9\\n\\t\\\"\\\\\\/ \\u20AC\"}");
	TAKES("[{\"variety\": [\"a\", \"b\"]}, {\"variety\": \"c\"}, [[[]]]]");
	TAKES("{\"\": 1, \"A\": 2, \"a\": 3}");
}

static void test_what_jansson_refuses_is_refused(void)
{
	LEAVES("");
	LEAVES("   ");
	LEAVES("1");
	LEAVES("\"a\"");
	LEAVES("{\"a\": 1,}");
	LEAVES("[1, 2,]");
	LEAVES("{\"a\" 1}");
	LEAVES("{a: 1}");
	LEAVES("{\"a\": 1} x");
	LEAVES("{\"a\": 1} {}");
	LEAVES("{\"a\": 01}");
	LEAVES("{\"a\": 1.}");
	LEAVES("{\"a\": .5}");
	LEAVES("{\"a\": +1}");
	LEAVES("{\"a\": 1e}");
	LEAVES("{\"a\": -}");
	LEAVES("{\"a\": NaN}");
	LEAVES("{\"a\": Infinity}");
	LEAVES("{\"a\": tru}");
	LEAVES("{\"a\": \"\\x41\"}");
	LEAVES("{\"a\": \"\\u12\"}");
	LEAVES("{\"a\": \"tab\there\"}");
	LEAVES("{\"a\": \"\xC3\"}");
	LEAVES("{\"a\": \"\xC0\xAF\"}");		/* overlong */
	LEAVES("{\"a\": \"\xED\xA0\x80\"}");		/* a surrogate in UTF-8 */
	LEAVES("{\"a\": \"\xF4\x90\x80\x80\"}");	/* past U+10FFFF */
	LEAVES("{\"\xFF\": 1}");
	LEAVES("{\"a\": 1 /* comment */}");
	LEAVES("{\"a\": [1}");
	LEAVES("{\"a\": 1]");
}

static void test_what_only_jansson_may_judge_goes_to_jansson(void)
{
	struct buf deep = BUF_INIT, wide = BUF_INIT;

	LEAVES("{\"a\": \"\\ud800\"}");		/* lone high surrogate: yajl makes it '?' */
	LEAVES("{\"a\": \"\\uDC00\"}");
	LEAVES("{\"a\": \"\\ud83d\\ude00\"}");	/* a pair is good, and jansson's too */
	LEAVES("{\"a\": \"x\\u0000y\"}");
	LEAVES("{\"a\\u0000\": 1}");
	LEAVES("{\"a\": 1, \"a\": 2}");
	LEAVES("{\"a\": {\"b\": 1, \"c\": 2, \"b\": 3}}");
	LEAVES("{\"a\": 9223372036854775808}");
	LEAVES("{\"a\": -9223372036854775809}");
	LEAVES("{\"a\": 1e999}");
	for (int i = 0; i < 600; i++)
		buf_addch(&deep, '[');
	for (int i = 0; i < 600; i++)
		buf_addch(&deep, ']');
	LEAVES(deep.buf);
	/* A large object repeating its first key last, and one that does not. */
	buf_adds(&wide, "{");
	for (int i = 0; i < 100; i++)
		buf_addf(&wide, "\"k%d\": %d, ", i, i);
	buf_adds(&wide, "\"k0\": 0}");
	LEAVES(wide.buf);
	buf_reset(&wide);
	buf_adds(&wide, "{");
	for (int i = 0; i < 100; i++)
		buf_addf(&wide, "%s\"k%d\": %d", i ? ", " : "", i, i);
	buf_adds(&wide, "}");
	TAKES(wide.buf);
	buf_release(&deep);
	buf_release(&wide);
}

static void test_members_are_found_by_key_and_position(void)
{
	static const char text[] = "{\"a\": [\"x\", \"y\", 3], \"b\": {\"c\": null}}";
	struct jdom_doc d;
	const struct jdom *r, *a;

	jdom_init(&d);
	r = jdom_parse(&d, text, strlen(text));
	CHECK(r != NULL);
	a = jdom_get(r, "a");
	CHECK_INT(a->len, 3);
	CHECK_STR(jdom_str(jdom_at(a, 1)), "y");
	CHECK_INT(jdom_at(a, 2)->integer, 3);
	CHECK_NULL(jdom_at(a, 3));
	CHECK_NULL(jdom_str(jdom_at(a, 2)));
	CHECK(jdom_is(jdom_get(jdom_get(r, "b"), "c"), JDOM_NULL));
	CHECK_NULL(jdom_get(r, "c"));
	CHECK_NULL(jdom_get(a, "a"));
	CHECK_NULL(jdom_get(NULL, "a"));
	jdom_release(&d);
}

int main(void)
{
	test_run("good JSON is read as jansson reads it", test_good_json_is_read_as_jansson_reads_it);
	test_run("what jansson refuses is refused", test_what_jansson_refuses_is_refused);
	test_run("what only jansson may judge goes to jansson",
		 test_what_only_jansson_may_judge_goes_to_jansson);
	test_run("members are found by key and position", test_members_are_found_by_key_and_position);
	return test_done();
}
