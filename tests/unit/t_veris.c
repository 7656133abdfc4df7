/*
 * The VERIS importer (store/veris.c, which reads with jansson, and
 * store/veris_map.c) over the fixtures in tests/data/veris/ (see
 * veris_fixture.h): finding the records in a file, in every layout, and
 * reporting the bad ones. The mapping of each field is tested in
 * t_veris_map.c.
 */
#include <stdlib.h>
#include <unistd.h>

#include "test.h"
#include "store/parse.h"
#include "util/buf.h"
#include "util/country.h"
#include "veris_fixture.h"
#include "util/banned.h"

/* The keys of the good records in order, '|'-separated, without "veris:". */
static void check_keys(const char *file, int line, const struct run *r, const char *want)
{
	struct buf got = BUF_INIT;

	for (size_t i = 0; i < r->nr; i++)
		buf_addf(&got, "%s%s", i ? "|" : "", r->inc[i].key + 6);
	if (strcmp(got.buf, want))
		test_fail(file, line, "keys are \"%s\", expected \"%s\"", got.buf, want);
	buf_release(&got);
}
#define CHECK_KEYS(r, want) check_keys(__FILE__, __LINE__, (r), (want))

static void test_sample(void)
{
	struct run r;
	size_t distinct = 0;

	run(&r, "sample.jsonl.gz", 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.records, 300);
	CHECK_INT(r.rejected, 0);
	CHECK_INT(r.nr, 300);
	CHECK_STR(r.err, "");
	for (size_t i = 0; i < r.nr; i++) {
		size_t j = 0;

		while (j < i && strcmp(r.inc[j].key, r.inc[i].key))
			j++;
		distinct += j == i;
		CHECK(r.inc[i].date_precision != DATE_NONE);
		CHECK_INT(r.inc[i].line, (long)i + 1);
		CHECK_INT(r.inc[i].record, (long)i + 1);
	}
	CHECK_INT(distinct, 298);
	CHECK_STR(r.inc[0].format, "veris");
	CHECK_STR(r.inc[0].file, DATA "sample.jsonl.gz");
	run_release(&r);
}

static void test_pretty(void)
{
	struct run r, one;

	run(&r, "pretty.json", 0);
	run(&one, "quirks.jsonl", 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.nr, 1);
	CHECK_INT(r.inc[0].line, 1);
	CHECK_STR(r.inc[0].key, "veris:" RANSOMWARE);
	CHECK_STR(one.inc[6].key, "veris:" RANSOMWARE);
	CHECK(incident_digest(&r.inc[0]) == incident_digest(&one.inc[6]));
	run_release(&r);
	run_release(&one);
}

static void test_lists(void)
{
	struct run r;

	run(&r, "array.json", 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.rejected, 0);
	CHECK_KEYS(&r, YEAR_ONLY "|" NO_COUNTRY "|" TWO_COUNTRIES);
	if (r.nr == 3) {
		CHECK_INT(r.inc[0].line, 2);
		CHECK_INT(r.inc[1].line, 109);
		CHECK_INT(r.inc[2].line, 246);
		CHECK_LIST(&r.inc[2].countries, "NO|US");
	}
	run_release(&r);
	run(&r, "array-oneline.json", 0);
	CHECK_INT(r.ret, 0);
	CHECK_KEYS(&r, YEAR_ONLY "|" NO_COUNTRY "|" TWO_COUNTRIES);
	CHECK_INT(r.inc[2].line, 1);
	CHECK_INT(r.inc[2].record, 3);
	run_release(&r);
}

static void test_concatenated(void)
{
	struct run r;

	/* Indented by four spaces, by tabs, then two objects on one line. */
	run(&r, "concat.json", 0);
	CHECK_INT(r.ret, 0);
	CHECK_KEYS(&r, YEAR_ONLY "|" NO_COUNTRY "|" TWO_COUNTRIES "|" ENVIRONMENTAL);
	if (r.nr == 4) {
		CHECK_INT(r.inc[1].line, 108);
		CHECK_INT(r.inc[2].line, 245);
		CHECK_INT(r.inc[3].line, 245);
	}
	run_release(&r);
	run(&r, "bom-crlf.json", 0);
	CHECK_INT(r.ret, 0);
	CHECK_KEYS(&r, "c-1|c-2");
	CHECK_INT(r.inc[1].line, 2);
	run_release(&r);
}

static void test_bad_fields(void)
{
	static const char *const want[] = {
		"bad-fields.jsonl:2: record 2: field 'timeline.incident.year': missing\n",
		"bad-fields.jsonl:3: record 3: expected a JSON object, got a number\n",
		"bad-fields.jsonl:4: record 4: field 'victim.country': expected a list of strings, "
		"got a number\n",
		"bad-fields.jsonl:5: record 5: field 'victim.country': expected a list of strings, "
		"but item 2 is true\n",
		"bad-fields.jsonl:6: record 6: field 'victim': expected an object, got a list\n",
		"bad-fields.jsonl:7: record 7: field 'timeline.incident.year': expected a number, "
		"got a string\n",
		"bad-fields.jsonl:8: record 8: field 'plus.master_id': missing, and so is incident_id\n",
		"bad-fields.jsonl:9: record 9: field 'timeline.discovery.unit': value 'Fortnights' "
		"is not a VERIS time unit\n",
		"bad-fields.jsonl:10: record 10: field 'timeline.containment.value': value '-3' "
		"is negative\n",
		"bad-fields.jsonl:11: record 11: field 'attribute.confidentiality.data_total': "
		"value '1.5' is not a whole number\n",
		"bad-fields.jsonl:12: record 12: field 'timeline.incident.year': value '1850' "
		"is not a year from 1900 to 2999\n",
		"bad-fields.jsonl:13: record 13: field 'victim.country': value 'Narnia' "
		"is not a country\n",
		"bad-fields.jsonl:14: record 14: field 'action.hacking.variety': expected a list "
		"of strings, got a string\n",
		"bad-fields.jsonl:15: record 15: field 'reference': expected a string, got a list\n",
		"bad-fields.jsonl:17: record 17: expected a JSON object, got a string\n",
	};
	struct run r;

	run(&r, "bad-fields.jsonl", 1);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.records, 17);
	CHECK_INT(r.rejected, 15);
	CHECK_KEYS(&r, "good-1|good-2");
	CHECK_INT(r.inc[1].record, 16);
	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++)
		CHECK_ERR(&r, want[k]);
	CHECK_INT(count_lines(r.err), 15);
	run_release(&r);
	country_free();

	/* The line of the field, not of the object's start. */
	run(&r, "bad-field-pretty.json", 1);
	CHECK_ERR(&r, "ibrief: " DATA "bad-field-pretty.json:7: record 1: field 'victim.country': "
		  "expected a list of strings, got a number\n");
	run_release(&r);
	/* And of the list item, past an escaped key and strings holding brackets. */
	run(&r, "bad-item-pretty.json", 1);
	CHECK_ERR(&r, "bad-item-pretty.json:8: record 1: field 'victim.country': value 'Narnia' "
		  "is not a country\n");
	CHECK_ERR(&r, "bad-item-pretty.json:17: record 2: field 'action.hacking.variety': "
		  "expected a list of strings, but item 2 is a number\n");
	run_release(&r);
	country_free();
}

static void test_strict(void)
{
	struct run r;

	run(&r, "bad-fields.jsonl", 0);
	CHECK_INT(r.ret, -1);
	CHECK_INT(r.records, 2);
	CHECK_INT(r.rejected, 1);
	CHECK_KEYS(&r, "good-1");
	CHECK_INT(count_lines(r.err), 1);
	run_release(&r);

	run_parser(&r, veris_parse, "veris", DATA "quirks.jsonl", 1, 2);
	CHECK_INT(r.ret, -1);
	CHECK_INT(r.nr, 2);
	run_release(&r);
}

static void test_syntax(void)
{
	struct run r;

	run(&r, "syntax.jsonl", 1);
	CHECK_INT(r.ret, 0);
	CHECK_KEYS(&r, "s-1|s-3|s-5|s-7|s-9|s-10b|s-11");
	CHECK_INT(r.rejected, 6);
	/* jansson's column: the last byte it read, the end of 'tru'. */
	CHECK_ERR(&r, "syntax.jsonl:2:62: record 2: invalid JSON: ");
	CHECK_ERR(&r, "syntax.jsonl:4:5: record 4: invalid JSON: ");
	/* A record cut short, then a new one. */
	CHECK_ERR(&r, "syntax.jsonl:6: record 6: JSON object not closed before line 7, "
		  "which starts a new record\n");
	CHECK_ERR(&r, "syntax.jsonl:8:35: record 8: invalid JSON: ");
	/* Three on a line: good JSON with a bad field, bad JSON, good. */
	CHECK_ERR(&r, "syntax.jsonl:10: record 10: field 'timeline.incident.year': missing\n");
	CHECK_ERR(&r, "syntax.jsonl:10:38: record 11: invalid JSON: ");
	CHECK_INT(count_lines(r.err), 6);
	run_release(&r);

	/* The file line of the error in a pretty-printed object. */
	run(&r, "syntax-pretty.json", 1);
	CHECK_KEYS(&r, "p-1|p-3|p-5");
	CHECK_ERR(&r, "syntax-pretty.json:7:12: record 2: invalid JSON: ");
	/* A broken object that ends mid-line: the next one on the line is read. */
	CHECK_ERR(&r, "syntax-pretty.json:15:44: record 4: invalid JSON: ");
	CHECK_INT(r.inc[1].line, 9);
	CHECK_INT(r.inc[2].line, 16);
	run_release(&r);
}

static void test_broken_strings(void)
{
	struct run r;

	run(&r, "string-break.json", 1);
	CHECK_KEYS(&r, "b-2");
	CHECK_INT(r.records, 2);
	CHECK_ERR(&r, "string-break.json:3:23: record 1: invalid JSON: ");
	run_release(&r);

	/* In a list, reading resumes at the next element at the same indent. */
	run(&r, "list-bad-element.json", 1);
	CHECK_KEYS(&r, "e-1|e-3");
	CHECK_ERR(&r, "list-bad-element.json:9:22: record 2: invalid JSON: ");
	CHECK_ERR(&r, "list-bad-element.json:15: record 4: expected a JSON object, got a number\n");
	CHECK_INT(count_lines(r.err), 2);
	run_release(&r);
}

static void test_unterminated(void)
{
	struct run r;

	run(&r, "unterminated.json", 1);
	CHECK_INT(r.ret, 0);
	CHECK_KEYS(&r, "u-1");
	CHECK_ERR(&r, "unterminated.json:2: record 2: the file ends inside a JSON object "
		  "that began on line 2\n");
	run_release(&r);
	run(&r, "unterminated.json", 0);
	CHECK_INT(r.ret, -1);
	run_release(&r);

	run(&r, "unterminated-list.json", 1);
	CHECK_KEYS(&r, "l-1|l-2");
	CHECK_ERR(&r, "unterminated-list.json:1: record 3: the file ends inside the JSON list "
		  "that began on line 1\n");
	run_release(&r);
}

/* Writes `text` to a new file in a fresh directory; returns its path. */
static const char *write_tmp(char *path, size_t size, const char *text, size_t len)
{
	FILE *f;

	snprintf(path, size, "%s/in.json", test_tmpdir());
	f = fopen(path, "wb");
	if (!f || fwrite(text, 1, len, f) != len || fclose(f))
		test_fail(__FILE__, __LINE__, "cannot write %s", path);
	return path;
}

static void remove_tmp(const char *path)
{
	char dir[256];

	snprintf(dir, sizeof(dir), "%s", path);
	*strrchr(dir, '/') = '\0';
	unlink(path);
	rmdir(dir);
}

/* Parses `text` as a file with skip-bad into `r`. */
static void run_text(struct run *r, const char *text)
{
	char path[256];

	run_parser(r, veris_parse, "veris", write_tmp(path, sizeof(path), text, strlen(text)), 1, 0);
	remove_tmp(path);
}

static void test_trailing_comma(void)
{
	struct run r;

	run_text(&r, "{\"plus\":{\"master_id\":\"t-1\"},\"timeline\":{\"incident\":{\"year\":2020}}}\n"
		 "{\n"
		 "  \"plus\": {\"master_id\": \"t-2\"},\n"
		 "  \"victim\": {\"country\": [\"BE\",]},\n"
		 "  \"timeline\": {\"incident\": {\"year\": 2020}}\n"
		 "}\n"
		 "{\"plus\":{\"master_id\":\"t-3\"},\"timeline\":{\"incident\":{\"year\":2020}}}\n");
	CHECK_KEYS(&r, "t-1|t-3");
	CHECK_INT(r.rejected, 1);
	/* jansson stops at the ']' after the comma, on the object's third line. */
	CHECK_ERR(&r, "in.json:4:31: record 2: invalid JSON: ");
	CHECK_INT(count_lines(r.err), 1);
	run_release(&r);
}

static void test_broken_open_line(void)
{
	struct run r;

	run_text(&r, "{\"plus\":{\"master_id\":\"o-1\"} \"timeline\":{\"incident\":{\"year\":2020}}\n"
		 "{\"plus\":{\"master_id\":\"o-2\"},\"timeline\":{\"incident\":{\"year\":2020}}}\n"
		 "{\"plus\":{\"master_id\":\"o-3\"},\"timeline\":{\"incident\":{\"year\":2020}}}\n");
	CHECK_KEYS(&r, "o-2|o-3");
	CHECK_ERR(&r, "in.json:1:");
	CHECK_ERR(&r, ": record 1: invalid JSON: ");
	CHECK_INT(count_lines(r.err), 1);
	run_release(&r);
}

static void test_duplicate_keys(void)
{
	struct run r;

	run_text(&r, "{\"plus\":{\"master_id\":\"d-1\"},\"plus\":{\"master_id\":\"d-2\"},"
		 "\"timeline\":{\"incident\":{\"year\":2020}}}\n"
		 "{\"plus\":{\"master_id\":\"d-3\"},\"timeline\":{\"incident\":{\"year\":2020}}}\n");
	CHECK_KEYS(&r, "d-3");
	CHECK_ERR(&r, "in.json:1:");
	CHECK_ERR(&r, "duplicate");
	run_release(&r);
}

static void test_deep_nesting(void)
{
	struct buf text = BUF_INIT;
	struct run r;

	/* jansson stops at 2048 levels; the scanner only counts. */
	buf_adds(&text, "{\"plus\":{\"master_id\":\"deep\"},"
		 "\"timeline\":{\"incident\":{\"year\":2020}},\"v\":");
	for (int k = 0; k < 3000; k++)
		buf_addch(&text, '[');
	for (int k = 0; k < 3000; k++)
		buf_addch(&text, ']');
	buf_adds(&text, "}\n{\"plus\":{\"master_id\":\"after\"},"
		 "\"timeline\":{\"incident\":{\"year\":2020}}}\n");
	run_text(&r, text.buf);
	CHECK_KEYS(&r, "after");
	CHECK_ERR(&r, "in.json:1:");
	run_release(&r);
	buf_release(&text);
}

static void test_empty(void)
{
	static const char *const texts[] = { "", "\n\n  \t\n", "[]\n", "[\n]\n" };
	struct run r;
	char path[256];

	for (size_t k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
		run_parser(&r, veris_parse, "veris",
			   write_tmp(path, sizeof(path), texts[k], strlen(texts[k])), 0, 0);
		CHECK_INT(r.ret, 0);
		CHECK_INT(r.records, 0);
		CHECK_STR(r.err, "");
		remove_tmp(path);
		run_release(&r);
	}
}

int main(void)
{
	test_run("all 300 records of the gzipped VCDB sample import, 298 distinct keys", test_sample);
	test_run("a pretty-printed object maps exactly like its one-line form", test_pretty);
	test_run("a list of objects, pretty or on one line, gives each with its line", test_lists);
	test_run("concatenated objects are read, also two on a line, with a BOM and CRLF",
		 test_concatenated);
	test_run("a bad field is rejected with its line and path and skip-bad goes on",
		 test_bad_fields);
	test_run("without skip-bad the first bad record stops the parse, as does the callback",
		 test_strict);
	test_run("a syntax error is reported with line and column and the next record is read",
		 test_syntax);
	test_run("a string broken by a line end is an error there; reading resumes after it",
		 test_broken_strings);
	test_run("a file that ends inside an object or a list is reported", test_unterminated);
	test_run("a trailing comma is invalid JSON, reported with its line", test_trailing_comma);
	test_run("a record broken and left open on its line is an error there, not the next's start",
		 test_broken_open_line);
	test_run("a key given twice in an object is invalid JSON, not a silent choice",
		 test_duplicate_keys);
	test_run("nesting deeper than jansson's 2048 levels is an error, not a crash",
		 test_deep_nesting);
	test_run("an empty file, white space or an empty list hold no records", test_empty);
	return test_done();
}
