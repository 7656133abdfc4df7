/*
 * Country codes and names from iso-codes (util/country.h): every country
 * of the file as jansson, the reference JSON reader, reads it; the names
 * people write; a file with members the table skips; files it cannot
 * read; and the names in each language of the briefings (lang/lang.h).
 */
#include "test.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "lang/lang.h"
#include "util/country.h"
#include "util/util.h"

#define ISO_PATH "/usr/share/iso-codes/json/iso_3166-1.json"

/* Points the module at a file holding `json` and forgets the table it had. */
static void use_file(const char *json)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/iso.json", test_tmpdir());
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(json, f);
		fclose(f);
	}
	setenv("IBRIEF_ISO_CODES", path, 1);
	country_free();
}

static void use_debian_file(void)
{
	unsetenv("IBRIEF_ISO_CODES");
	country_free();
}

static void test_every_country_of_iso_codes_reads_as_jansson_reads_it(void)
{
	json_t *root = json_load_file(ISO_PATH, 0, NULL);
	json_t *list = json_object_get(root, "3166-1"), *c;
	size_t i, checked = 0;

	use_debian_file();
	CHECK(json_array_size(list) >= 249);
	json_array_foreach(list, i, c) {
		const char *a2 = json_string_value(json_object_get(c, "alpha_2"));
		const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
		const char *name = json_string_value(json_object_get(c, "name"));
		const char *common = json_string_value(json_object_get(c, "common_name"));
		const char *official = json_string_value(json_object_get(c, "official_name"));

		CHECK_STR(country_name(a2), common ? common : name);
		CHECK_STR(country_code(a2), a2);
		CHECK_STR(country_code(a3), a2);
		CHECK_STR(country_code(name), a2);
		if (official)
			CHECK_STR(country_code(official), a2);
		if (common)
			CHECK_STR(country_code(common), a2);
		checked++;
	}
	CHECK_INT(checked, json_array_size(list));
	json_decref(root);
}

static void test_names_people_write_find_their_code(void)
{
	use_debian_file();
	CHECK_STR(country_code("czech republic"), "CZ");
	CHECK_STR(country_code("  the Netherlands"), "NL");
	CHECK_STR(country_code("IRAN"), "IR");
	CHECK_STR(country_code("Russia"), "RU");
	CHECK_STR(country_code("UK"), "GB");
	CHECK_STR(country_code("be"), "BE");
	CHECK_STR(country_code("bel"), "BE");
	CHECK(country_code("Atlantis") == NULL);
	CHECK(country_code(NULL) == NULL);
	CHECK_STR(country_name("ir"), "Iran");
	CHECK_STR(country_name("BE"), "Belgium");
	CHECK(country_name("ZZ") == NULL);
	CHECK(country_name(NULL) == NULL);
}

static void test_a_country_needs_both_codes_and_a_name_and_its_own_fields(void)
{
	use_file("{\"other\": {\"3166-1\": [{\"alpha_2\": \"QA\"}]}, \"3166-1\": [\n"
		 " {\"alpha_2\": \"XA\", \"alpha_3\": \"XAA\", \"name\": \"L\\u00e9ge \\\"X\\\"\",\n"
		 "  \"flag\": \"f\", \"numeric\": 1, \"x\": null, \"y\": [true, \"Wrong\"],\n"
		 "  \"z\": {\"name\": \"Wrong\", \"common_name\": \"Wrong\"},\n"
		 "  \"official_name\": \"Republic of Xa\"},\n"
		 " {\"alpha_2\": \"XBB\", \"alpha_3\": \"XBB\", \"name\": \"Bad code\"},\n"
		 " {\"alpha_2\": \"XC\", \"alpha_3\": \"XCC\"},\n"
		 " {\"alpha_2\": \"XD\", \"alpha_3\": \"XDD\", \"name\": 4},\n"
		 " {\"alpha_2\": \"XE\", \"alpha_3\": \"XEE\", \"name\": \"Xe\", \"common_name\": \"E\"}\n"
		 "]}");
	CHECK_STR(country_name("XA"), "L\xc3\xa9ge \"X\"");
	CHECK_STR(country_code("republic of xa"), "XA");
	CHECK(country_code("Wrong") == NULL);
	CHECK(country_code("Bad code") == NULL);
	CHECK(country_name("XC") == NULL);
	CHECK(country_name("XD") == NULL);
	CHECK_STR(country_name("XE"), "E");
	CHECK(country_name("QA") == NULL);
	CHECK(country_name("BE") == NULL);	/* only this file's countries */
	use_debian_file();
	CHECK_STR(country_name("BE"), "Belgium");
}

static void test_a_file_that_is_not_the_country_list_gives_no_names(void)
{
	static const char *const bad[] = {
		"{\"3166-1\": [{\"alpha_2\": \"XA\", \"alpha_3\": \"XAA\", \"name\": \"Xa\"}",
		"{\"3166-1\": {\"alpha_2\": \"XA\"}}",
		"[{\"3166-1\": []}]",
		"{\"3166-1\": []} []",
		"",
	};

	fprintf(stderr, "# expect %zu messages and one for a missing file:\n", ARRAY_SIZE(bad));
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		use_file(bad[i]);
		CHECK(country_name("XA") == NULL);
		CHECK(country_code("Xa") == NULL);
	}
	setenv("IBRIEF_ISO_CODES", "/nonexistent/iso.json", 1);
	country_free();
	CHECK(country_name("BE") == NULL);
	use_debian_file();
}

static void test_country_names_in_every_language_of_the_briefings(void)
{
	static const struct {
		const char *code, *name[LANG_NR];
	} want[] = {
		{ "BE", { "Belgium", "Belgique", "België", "Belgien" } },
		{ "CZ", { "Czechia", "Tchéquie", "Tsjechië", "Tschechien" } },
		{ "BO", { "Bolivia", "Bolivie", "Bolivia", "Bolivien" } },
		{ "GB", { "United Kingdom", "Royaume-Uni", "Verenigd Koninkrijk",
			  "Vereinigtes Königreich" } },
	};

	use_debian_file();
	for (size_t i = 0; i < ARRAY_SIZE(want); i++)
		for (int l = 0; l < LANG_NR; l++)
			CHECK_STR(i18n_country((enum lang)l, want[i].code), want[i].name[l]);
	i18n_free();
}

int main(void)
{
	test_run("every country of iso-codes reads as jansson reads it",
		 test_every_country_of_iso_codes_reads_as_jansson_reads_it);
	test_run("names people write find their code", test_names_people_write_find_their_code);
	test_run("a country needs both codes and a name, and its own fields",
		 test_a_country_needs_both_codes_and_a_name_and_its_own_fields);
	test_run("a file that is not the country list gives no names",
		 test_a_file_that_is_not_the_country_list_gives_no_names);
	test_run("country names in every language of the briefings",
		 test_country_names_in_every_language_of_the_briefings);
	country_free();
	return test_done();
}
