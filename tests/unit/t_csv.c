/* The CSV importer (store/csvin.c) over the fixtures in tests/data/csv/. */
#include <unistd.h>

#include "test.h"
#include "store/parse.h"
#include "util/country.h"
#include "parse_fixture.h"

#define DATA "tests/data/csv/"

/* Runs csvin_parse() over tests/data/csv/NAME. */
static void run(struct run *r, const char *name, int skip_bad)
{
	char path[256];

	snprintf(path, sizeof(path), DATA "%s", name);
	run_parser(r, csvin_parse, "csv", path, skip_bad, 0);
}

static void test_every_column_of_a_full_record(void)
{
	struct run r;
	struct incident *i;

	run(&r, "good.csv", 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.nr, 3);
	CHECK_INT(r.rejected, 0);
	CHECK_STR(r.err, "");
	if (r.nr < 1)
		goto out;
	i = &r.inc[0];
	CHECK_STR(i->key, "csv:t-001");
	CHECK_STR(i->victim, "Provincie Voorbeeld");
	CHECK_DATE(i, "2024-04-03");
	CHECK_INT(i->date_precision, DATE_DAY);
	CHECK_LIST(&i->countries, "BE");
	CHECK_LIST(&i->sectors, "92|Public administration");
	CHECK_INT(i->public_sector, 1);
	CHECK_STR(i->public_kind, "region");
	CHECK_STR(i->type, "ransomware");
	CHECK_STR(i->summary, "Short summary.");
	CHECK_STR(i->description, "Description text.");
	CHECK_INT(i->affected, 41000);
	CHECK_DBL(i->contain_hours, 2);
	CHECK_INT(i->contain_approximate, 0);
	CHECK_DBL(i->recover_hours, 216);
	CHECK_DBL(i->discovery_hours, -1);
	CHECK_LIST(&i->motives, "Financial|Extortion");
	CHECK_LIST(&i->techniques, "T1486 Data Encrypted for Impact|T1566 Phishing");
	CHECK_LIST(&i->actors, "Example Group");
	CHECK_LIST(&i->sources, "https://example.org/a|https://example.net/b");
	CHECK_LIST(&i->cia, "Confidentiality|Availability");
	CHECK_INT(i->derived_nr, 0);
	CHECK_STR(i->format, "csv");
	CHECK_STR(i->file, DATA "good.csv");
	CHECK_INT(i->line, 2);
	CHECK_INT(i->record, 1);
out:
	run_release(&r);
}

static void test_counts_follow_lists_unless_a_count_column_says_more(void)
{
	struct run r;

	run(&r, "good.csv", 0);
	CHECK_INT(r.nr, 3);
	if (r.nr < 3)
		goto out;
	/* Lists without a count: their length. */
	CHECK_INT(r.inc[0].motive_count, 2);
	CHECK_INT(r.inc[0].actor_count, 1);
	/* A count over the list length wins: the source hid some. */
	CHECK_INT(r.inc[0].technique_count, 5);
	CHECK_INT(r.inc[0].source_count, 3);
	/* Empty list cells are unknown; an explicit 0 is zero. */
	CHECK_INT(r.inc[1].motive_count, -1);
	CHECK_INT(r.inc[1].technique_count, -1);
	CHECK_INT(r.inc[1].actor_count, 0);
	CHECK_INT(r.inc[1].source_count, -1);
out:
	run_release(&r);
}

static void test_quoted_values_keep_newlines_commas_and_quotes(void)
{
	struct run r;
	struct incident *i;

	run(&r, "good.csv", 0);
	CHECK_INT(r.nr, 3);
	if (r.nr < 2)
		goto out;
	i = &r.inc[1];
	CHECK_STR(i->key, "csv:t-002");
	CHECK_STR(i->victim, "Ville de Liège");
	CHECK_STR(i->summary, "Staff of the city received \xE2\x80\x9Cinvoice\xE2\x80\x9D "
		  "e-mails, some with \"urgent\" in the subject.");
	CHECK_STR(i->description, "Line one,\nline two with \"quotes\" and a comma, here.\n"
		  "\nLine four after a blank line.");
	CHECK_INT(i->line, 3);
	CHECK_INT(i->record, 2);
out:
	run_release(&r);
}

static void test_names_words_and_letter_cases_map_to_the_vocabularies(void)
{
	struct run r;
	struct incident *i;

	run(&r, "good.csv", 0);
	if (r.nr < 2) {
		CHECK_INT(r.nr, 3);
		goto out;
	}
	i = &r.inc[1];
	CHECK_DATE(i, "2024-03");
	CHECK_INT(i->date_precision, DATE_MONTH);
	CHECK_LIST(&i->countries, "BE");	/* "Belgium" */
	CHECK_INT(i->sectors.n, 0);
	/* A kind of public body makes an empty public_sector yes. */
	CHECK_INT(i->public_sector, 1);
	CHECK_STR(i->public_kind, "municipality");	/* "Municipality" */
	CHECK_STR(i->type, "phishing");			/* "Phishing" */
	CHECK_INT(i->affected, 300);
	CHECK_DBL(i->contain_hours, 0.5);
	CHECK_INT(i->contain_approximate, 1);
	CHECK_DBL(i->recover_hours, -1);
	CHECK_LIST(&i->cia, "Confidentiality|Integrity");
out:
	run_release(&r);
}

static void test_a_record_after_a_blank_line_and_a_multiline_one(void)
{
	struct run r;
	struct incident *i;

	run(&r, "good.csv", 0);
	if (r.nr < 3) {
		CHECK_INT(r.nr, 3);
		goto out;
	}
	i = &r.inc[2];
	CHECK_STR(i->key, "csv:t-003");
	CHECK_INT(i->line, 8);
	CHECK_INT(i->record, 3);
	CHECK_STR(i->victim, "Port Company Example NV");	/* unquoted: trimmed */
	CHECK_DATE(i, "2023");
	CHECK_INT(i->date_precision, DATE_YEAR);
	CHECK_LIST(&i->countries, "NL|FR");	/* "NL; fr ;the Netherlands" */
	CHECK_LIST(&i->sectors, "48-49 Transportation");
	CHECK_INT(i->public_sector, 0);		/* "FALSE" */
	CHECK_NULL(i->public_kind);
	CHECK_STR(i->type, "denial of service");
	CHECK_NULL(i->summary);
	CHECK_NULL(i->description);
	CHECK_INT(i->affected, -1);
	CHECK_DBL(i->contain_hours, -1);
	CHECK_LIST(&i->cia, "Confidentiality|Integrity|Availability");	/* "CIA" */
out:
	run_release(&r);
}

static void test_crlf_line_ends_and_a_byte_order_mark(void)
{
	struct run r;

	run(&r, "crlf-bom.csv", 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.nr, 2);
	CHECK_STR(r.err, "");
	if (r.nr < 2)
		goto out;
	CHECK_STR(r.inc[0].key, "csv:c-1");
	CHECK_STR(r.inc[0].summary, "First line\nsecond line");
	CHECK_INT(r.inc[0].line, 2);
	CHECK_STR(r.inc[1].summary, "plain text");
	CHECK_INT(r.inc[1].line, 4);
out:
	run_release(&r);
}

static void test_columns_in_any_order_and_case(void)
{
	struct run r;
	struct incident *i;

	run(&r, "reordered.csv", 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.nr, 3);
	if (r.nr < 3)
		goto out;
	i = &r.inc[0];
	CHECK_STR(i->key, "csv:r-1");
	CHECK_STR(i->victim, "Gemeente Voorbeeldstad");
	CHECK_DATE(i, "2024-04");
	CHECK_INT(i->cia.n, 0);
	CHECK_INT(i->actors.n, 0);
	CHECK_INT(i->actor_count, -1);
	/* Columns that are absent leave their fields unknown. */
	CHECK_INT(i->countries.n, 0);
	CHECK_INT(i->public_sector, -1);
	CHECK_NULL(i->type);
	CHECK_INT(i->motive_count, -1);
	CHECK_INT(i->source_count, -1);
	i = &r.inc[1];
	CHECK_STR(i->key, "csv:r-2");
	CHECK_STR(i->victim, "  Spaced in quotes  ");	/* quoted: as written */
	CHECK_DATE(i, "2024-04-09");
	CHECK_LIST(&i->cia, "Integrity");		/* "i" */
	CHECK_LIST(&i->actors, "Actor A|Actor B");	/* trimmed, no repeats */
	CHECK_INT(i->actor_count, 2);
	i = &r.inc[2];
	CHECK_NULL(i->victim);				/* only spaces: unknown */
	CHECK_DATE(i, "2023");
out:
	run_release(&r);
}

static void test_a_bad_date_is_rejected_naming_file_line_and_field(void)
{
	struct run r;

	run(&r, "bad-date.csv", 1);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.rejected, 6);
	CHECK_INT(r.records, 7);
	CHECK_INT(count_lines(r.err), 6);
	CHECK_ERR(&r, "ibrief: " DATA "bad-date.csv:2: record 1: field 'date': value '2024-13-01' "
		  "is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)\n");
	CHECK_ERR(&r, ":3: record 2: field 'date': value '2023-02-29' is not a date");
	CHECK_ERR(&r, ":4: record 3: field 'date': value '2024-4-1' is not a date");
	CHECK_ERR(&r, ":5: record 4: field 'date': value '2024/04/01' is not a date");
	CHECK_ERR(&r, ":6: record 5: field 'date': value 'April 2024' is not a date");
	CHECK_ERR(&r, ":7: record 6: field 'date': value '2024-04-00' is not a date");
	CHECK_INT(r.nr, 1);
	if (r.nr == 1) {
		CHECK_STR(r.inc[0].key, "csv:d-7");
		CHECK_INT(r.inc[0].record, 7);
		CHECK_INT(r.inc[0].line, 8);
	}
	run_release(&r);
}

static void test_without_skip_bad_the_first_bad_record_stops_the_parse(void)
{
	struct run r;

	run(&r, "bad-date.csv", 0);
	CHECK_INT(r.ret, -1);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 0);
	CHECK_INT(count_lines(r.err), 1);
	CHECK_ERR(&r, ":2: record 1: field 'date': value '2024-13-01'");
	run_release(&r);
}

static void test_an_empty_date_or_id_is_rejected(void)
{
	struct run r;

	run(&r, "empty-date.csv", 1);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, "empty-date.csv:2: record 1: field 'date': is empty; every record needs a date");
	run_release(&r);

	run(&r, "empty-id.csv", 1);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, "empty-id.csv:2: record 1: field 'id': is empty; every record needs an id");
	run_release(&r);
}

static void test_an_id_with_a_line_break_is_rejected(void)
{
	struct run r;

	run(&r, "id-control.csv", 1);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, "id-control.csv:2: record 1: field 'id': value 'i-1\\x0Asecond line' "
		  "contains a control character");
	if (r.nr == 1)
		CHECK_INT(r.inc[0].line, 4);
	run_release(&r);
}

static void test_a_repeated_id_names_the_line_of_the_first(void)
{
	struct run r;

	run(&r, "dup-id.csv", 1);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 3);
	CHECK_ERR(&r, "dup-id.csv:4: record 3: field 'id': value 'x-1' is already the id of "
		  "the record on line 2");
	if (r.nr == 3)
		CHECK_STR(r.inc[2].key, "csv:x-3");
	run_release(&r);
}

static void test_an_unknown_country_is_rejected(void)
{
	struct run r;

	run(&r, "bad-country.csv", 1);
	CHECK_INT(r.rejected, 2);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, ":2: record 1: field 'country': value 'Atlantis' is not a country");
	CHECK_ERR(&r, ":3: record 2: field 'country': value 'Narnia' is not a country");
	if (r.nr == 1)
		CHECK_LIST(&r.inc[0].countries, "DE");
	run_release(&r);
}

static void test_affected_must_be_a_non_negative_whole_number(void)
{
	struct run r;

	run(&r, "bad-affected.csv", 1);
	CHECK_INT(r.rejected, 3);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, ":2: record 1: field 'affected': value '-3' is not a non-negative whole number");
	CHECK_ERR(&r, ":3: record 2: field 'affected': value '12 000' is not");
	CHECK_ERR(&r, ":4: record 3: field 'affected': value '1e3' is not");
	if (r.nr == 1)
		CHECK_INT(r.inc[0].affected, 0);
	run_release(&r);
}

static void test_hours_must_be_non_negative_numbers(void)
{
	struct run r;

	run(&r, "bad-hours.csv", 1);
	CHECK_INT(r.rejected, 4);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, ":2: record 1: field 'time_to_contain_hours': value 'two' is not a "
		  "non-negative number of hours");
	CHECK_ERR(&r, ":3: record 2: field 'time_to_contain_hours': value '-1' is not");
	CHECK_ERR(&r, ":4: record 3: field 'recover_hours': value '1,5' is not");
	CHECK_ERR(&r, ":5: record 4: field 'recover_hours': value 'inf' is not");
	if (r.nr == 1) {
		CHECK_DBL(r.inc[0].contain_hours, 0.5);
		CHECK_DBL(r.inc[0].recover_hours, 72);
	}
	run_release(&r);
}

static void test_yes_no_columns_take_only_yes_no_words(void)
{
	struct run r;

	run(&r, "bad-bool.csv", 1);
	CHECK_INT(r.rejected, 2);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, ":2: record 1: field 'public_sector': value 'maybe' is not yes or no");
	CHECK_ERR(&r, ":3: record 2: field 'contain_approximate': value 'perhaps' is not yes or no");
	if (r.nr == 1) {
		CHECK_INT(r.inc[0].public_sector, 1);
		CHECK_INT(r.inc[0].contain_approximate, 1);
	}
	run_release(&r);
}

static void test_public_kind_and_type_come_from_the_vocabularies(void)
{
	struct run r;

	run(&r, "bad-kind.csv", 1);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, ":2: record 1: field 'public_kind': value 'city hall' is not a kind of "
		  "public body (expected one of: municipality, region,");
	if (r.nr == 1)
		CHECK_STR(r.inc[0].public_kind, "hospital");
	run_release(&r);

	run(&r, "bad-type.csv", 1);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, ":2: record 1: field 'type': value 'DDoS' is not an incident type "
		  "(expected one of: ransomware, account compromise,");
	if (r.nr == 1)
		CHECK_STR(r.inc[0].type, "data breach");
	run_release(&r);
}

static void test_a_public_kind_contradicting_public_sector_is_rejected(void)
{
	struct run r;

	run(&r, "kind-not-public.csv", 1);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, ":2: record 1: field 'public_kind': value 'hospital' names a public body, "
		  "but public_sector says no");
	if (r.nr == 1)
		CHECK_INT(r.inc[0].public_sector, 0);
	run_release(&r);
}

static void test_an_approximate_time_needs_a_time(void)
{
	struct run r;

	run(&r, "approx-no-hours.csv", 1);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, ":2: record 1: field 'contain_approximate': is yes, but "
		  "time_to_contain_hours is empty");
	run_release(&r);
}

static void test_cia_takes_words_or_initials_only(void)
{
	struct run r;

	run(&r, "bad-cia.csv", 1);
	CHECK_INT(r.rejected, 2);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, ":2: record 1: field 'cia': value 'Secrecy' is not a CIA attribute");
	CHECK_ERR(&r, ":3: record 2: field 'cia': value 'CX' is not a CIA attribute");
	if (r.nr == 1)
		CHECK_LIST(&r.inc[0].cia, "Confidentiality|Availability");	/* "a;C" */
	run_release(&r);
}

static void test_counts_must_be_whole_numbers_not_below_the_list(void)
{
	struct run r;

	run(&r, "bad-count.csv", 1);
	CHECK_INT(r.rejected, 3);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, ":2: record 1: field 'motive_count': value 'many' is not a non-negative "
		  "whole number");
	CHECK_ERR(&r, ":3: record 2: field 'source_count': value '-1' is not");
	CHECK_ERR(&r, ":4: record 3: field 'motive_count': value '2' is less than the 3 motives "
		  "listed in column 'motives'");
	if (r.nr == 1) {
		CHECK_INT(r.inc[0].motive_count, 4);
		CHECK_INT(r.inc[0].source_count, 0);
	}
	run_release(&r);
}

static void test_a_record_with_the_wrong_number_of_fields_is_rejected(void)
{
	struct run r;

	run(&r, "field-count.csv", 1);
	CHECK_INT(r.rejected, 2);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, "field-count.csv:2: record 1: has 7 fields, the header has 9\n");
	CHECK_ERR(&r, "field-count.csv:3: record 2: has 10 fields, the header has 9\n");
	if (r.nr == 1)
		CHECK_STR(r.inc[0].key, "csv:f-3");
	run_release(&r);
}

static void test_invalid_utf8_is_rejected_naming_the_field(void)
{
	struct run r;

	run(&r, "bad-utf8.csv", 1);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, "bad-utf8.csv:2: record 1: field 'victim': value is not valid UTF-8: "
		  "byte 0xE8 at byte 3");
	if (r.nr == 1)
		CHECK_STR(r.inc[0].victim, "Liège");
	run_release(&r);

	run(&r, "nul-byte.csv", 1);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, "nul-byte.csv:2: record 1: field 'victim': value contains a NUL byte");
	run_release(&r);
}

static void test_a_stray_quote_is_rejected_and_the_next_line_read(void)
{
	struct run r;

	run(&r, "bad-quote.csv", 1);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.rejected, 3);
	CHECK_INT(r.nr, 2);
	CHECK_ERR(&r, "bad-quote.csv:2: record 1: field 'victim': a double quote inside an "
		  "unquoted value, or text after a closing quote (expected");
	CHECK_ERR(&r, "bad-quote.csv:3: record 2: field 'victim': a double quote");
	/* The record begins on line 5; the stray text is on line 6. */
	CHECK_ERR(&r, "bad-quote.csv:5: record 4: field 'victim': a double quote inside an "
		  "unquoted value, or text after a closing quote on line 6 (expected");
	if (r.nr == 2) {
		CHECK_STR(r.inc[0].key, "csv:q-3");
		CHECK_INT(r.inc[0].line, 4);
		CHECK_STR(r.inc[1].key, "csv:q-5");
		CHECK_INT(r.inc[1].line, 7);
	}
	run_release(&r);
}

static void test_a_quote_left_open_names_the_line_the_record_began(void)
{
	struct run r;

	run(&r, "unterminated.csv", 1);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 1);
	CHECK_ERR(&r, "unterminated.csv:3: record 2: field 'summary': a quoted value is not "
		  "closed before the end of the file");
	run_release(&r);

	run(&r, "unterminated.csv", 0);
	CHECK_INT(r.ret, -1);
	CHECK_INT(r.nr, 1);
	run_release(&r);
}

static void test_line_numbers_stay_right_after_multiline_records(void)
{
	struct run r;

	run(&r, "multiline-lines.csv", 1);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.rejected, 1);
	CHECK_ERR(&r, "multiline-lines.csv:5: record 2: field 'date': value '2024-13-01'");
	CHECK_INT(r.nr, 3);
	if (r.nr == 3) {
		CHECK_INT(r.inc[0].line, 2);
		CHECK_STR(r.inc[0].description, "one\ntwo\nthree");
		CHECK_INT(r.inc[1].line, 7);
		CHECK_INT(r.inc[1].record, 3);
		CHECK_STR(r.inc[1].description, "a\nb");
		CHECK_INT(r.inc[2].line, 9);
		CHECK_INT(r.inc[2].record, 4);
	}
	run_release(&r);
}

static void test_a_header_error_stops_even_with_skip_bad(void)
{
	static const struct {
		const char *file, *msg;
	} cases[] = {
		{ "header-unknown.csv", "header-unknown.csv:1: header: unknown column 'victm' "
		  "(known columns: id, victim, date, country, sector, public_sector, public_kind, "
		  "type, summary, description, affected, time_to_contain_hours, contain_approximate, "
		  "recover_hours, motives, techniques, actors, sources, cia, motive_count, "
		  "technique_count, actor_count, source_count)\n" },
		{ "header-missing.csv", "header-missing.csv:1: header: required column 'date' "
		  "is missing" },
		{ "header-dup.csv", "header-dup.csv:1: header: column 'date' appears twice "
		  "(columns 2 and 3)" },
		{ "header-empty-name.csv", "header-empty-name.csv:1: header: column 2 has no name" },
		{ "header-quote.csv", "header-quote.csv:1: header: column 2: a double quote inside "
		  "an unquoted name" },
		{ "header-cr.csv", "header-cr.csv:1: header: lines end in a carriage return alone" },
		{ "header-unterminated.csv", "header-unterminated.csv:1: header: a quoted name "
		  "is not closed" },
	};

	for (size_t k = 0; k < ARRAY_SIZE(cases); k++) {
		struct run r;

		run(&r, cases[k].file, 1);
		CHECK_INT(r.ret, -1);
		CHECK_INT(r.nr, 0);
		CHECK_INT(r.rejected, 0);
		CHECK_INT(count_lines(r.err), 1);
		CHECK_ERR(&r, cases[k].msg);
		run_release(&r);
	}
}

static void test_a_header_alone_is_a_file_with_no_records(void)
{
	static const char *const files[] = { "header-only.csv", "empty.csv", "blank.csv" };

	for (size_t k = 0; k < ARRAY_SIZE(files); k++) {
		struct run r;

		run(&r, files[k], 0);
		CHECK_INT(r.ret, 0);
		CHECK_INT(r.records, 0);
		CHECK_STR(r.err, "");
		run_release(&r);
	}
}

static void test_on_record_can_stop_the_parse(void)
{
	struct run r;

	run_parser(&r, csvin_parse, "csv", DATA "good.csv", 1, 1);
	CHECK_INT(r.ret, -1);
	CHECK_INT(r.nr, 1);
	CHECK_INT(r.records, 1);
	run_release(&r);
}

static void test_a_record_over_the_size_limit_stops_the_parse(void)
{
	char path[512];
	FILE *f;
	struct run r;

	snprintf(path, sizeof(path), "%s/big.csv", test_tmpdir());
	f = fopen(path, "w");
	if (!f) {
		test_fail(__FILE__, __LINE__, "cannot write %s", path);
		return;
	}
	fputs("id,date,summary\ns-1,2024-04-01,\"open quote\n", f);
	for (int i = 0; i < 25000; i++)	/* 1.3 MB */
		fputs("a line of text that goes on inside the quoted value\n", f);
	fputs("s-2,2024-04-02,after\n", f);
	fclose(f);

	run_parser(&r, csvin_parse, "csv", path, 1, 0);
	CHECK_INT(r.ret, -1);
	CHECK_INT(r.nr, 0);
	CHECK_ERR(&r, "big.csv:2: record 1: record is longer than 1 MiB (is a quote left open?)");
	run_release(&r);
	unlink(path);
	*strrchr(path, '/') = '\0';
	rmdir(path);
}

static void test_looks_like_wants_id_and_date_columns_in_any_order(void)
{
	static const struct {
		const char *data;
		int want;
	} cases[] = {
		{ "id,date\nx,2024\n", 1 },
		{ "victim, Date ,ID\r\nx,2024,y\r\n", 1 },
		{ "\xEF\xBB\xBF\n\"date\",\"id\"\n", 1 },
		{ "date;id\n", 0 },		/* not comma-separated */
		{ "id,victim\ndate,x\n", 0 },	/* the header row has no date */
		{ "\"id,date\"\n", 0 },		/* one column */
		{ "Menu\nBrowse\n", 0 },
		{ "{\"date\": 1, \"id\": 2}", 0 },
		{ "", 0 },
		{ "id,da", 0 },			/* cut short */
	};

	for (size_t k = 0; k < ARRAY_SIZE(cases); k++) {
		int got = csv_looks_like(cases[k].data, strlen(cases[k].data));

		if (got != cases[k].want)
			test_fail(__FILE__, __LINE__, "csv_looks_like(\"%s\") == %d, expected %d",
				  cases[k].data, got, cases[k].want);
	}
}

static void test_the_demo_file_imports_without_rejects(void)
{
	struct run r;

	run_parser(&r, csvin_parse, "csv", "data/demo/incidents.csv", 0, 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.rejected, 0);
	CHECK_STR(r.err, "");
	CHECK(r.nr >= 15 && r.nr <= 25);
	for (size_t i = 0; i < r.nr; i++)
		CHECK(starts_with(r.inc[i].key, "csv:demo-csv-"));
	run_release(&r);
}

int main(void)
{
	test_run("every column of a full record maps to its field", test_every_column_of_a_full_record);
	test_run("counts follow the lists unless a count column says more",
		 test_counts_follow_lists_unless_a_count_column_says_more);
	test_run("quoted values keep newlines, commas, doubled quotes and UTF-8",
		 test_quoted_values_keep_newlines_commas_and_quotes);
	test_run("names, words and letter cases map to the vocabularies",
		 test_names_words_and_letter_cases_map_to_the_vocabularies);
	test_run("a record after a blank line and a multi-line record has its own line",
		 test_a_record_after_a_blank_line_and_a_multiline_one);
	test_run("CRLF line ends and a byte order mark are read", test_crlf_line_ends_and_a_byte_order_mark);
	test_run("columns come in any order and letter case", test_columns_in_any_order_and_case);
	test_run("a bad date is rejected naming file, line and field",
		 test_a_bad_date_is_rejected_naming_file_line_and_field);
	test_run("without skip-bad the first bad record stops the parse",
		 test_without_skip_bad_the_first_bad_record_stops_the_parse);
	test_run("an empty date or id is rejected", test_an_empty_date_or_id_is_rejected);
	test_run("an id with a line break is rejected", test_an_id_with_a_line_break_is_rejected);
	test_run("a repeated id names the line of the first", test_a_repeated_id_names_the_line_of_the_first);
	test_run("an unknown country is rejected", test_an_unknown_country_is_rejected);
	test_run("affected must be a non-negative whole number",
		 test_affected_must_be_a_non_negative_whole_number);
	test_run("hours must be non-negative numbers", test_hours_must_be_non_negative_numbers);
	test_run("yes/no columns take only yes/no words", test_yes_no_columns_take_only_yes_no_words);
	test_run("public_kind and type come from the vocabularies",
		 test_public_kind_and_type_come_from_the_vocabularies);
	test_run("a public_kind contradicting public_sector is rejected",
		 test_a_public_kind_contradicting_public_sector_is_rejected);
	test_run("an approximate time needs a time", test_an_approximate_time_needs_a_time);
	test_run("cia takes words or initials only", test_cia_takes_words_or_initials_only);
	test_run("counts must be whole numbers not below the list length",
		 test_counts_must_be_whole_numbers_not_below_the_list);
	test_run("a record with the wrong number of fields is rejected",
		 test_a_record_with_the_wrong_number_of_fields_is_rejected);
	test_run("invalid UTF-8 or a NUL byte is rejected naming the field",
		 test_invalid_utf8_is_rejected_naming_the_field);
	test_run("a stray quote is rejected and reading goes on at the next line",
		 test_a_stray_quote_is_rejected_and_the_next_line_read);
	test_run("a quote left open names the line the record began on",
		 test_a_quote_left_open_names_the_line_the_record_began);
	test_run("line numbers stay right after multi-line records",
		 test_line_numbers_stay_right_after_multiline_records);
	test_run("a header error stops the parse even with skip-bad",
		 test_a_header_error_stops_even_with_skip_bad);
	test_run("a header alone is a file with no records", test_a_header_alone_is_a_file_with_no_records);
	test_run("on_record can stop the parse", test_on_record_can_stop_the_parse);
	test_run("a record over the size limit stops the parse",
		 test_a_record_over_the_size_limit_stops_the_parse);
	test_run("csv_looks_like wants an id and a date column in any order",
		 test_looks_like_wants_id_and_date_columns_in_any_order);
	test_run("the demo file imports without rejects", test_the_demo_file_imports_without_rejects);
	country_free();
	return test_done();
}
