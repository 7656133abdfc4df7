/*
 * The incident-page importer (store/page.c, store/pageattr.c, store/wording.c)
 * over tests/data/page/. The wording rules on their own are tested in
 * t_page_wording.c.
 */
#include <glob.h>
#include <unistd.h>

#include "test.h"
#include "store/parse.h"
#include "util/country.h"
#include "parse_fixture.h"

#define DATA "tests/data/page/"

/* Runs page_parse() over tests/data/page/NAME. */
static void run(struct run *r, const char *name, int skip_bad)
{
	char path[256];

	snprintf(path, sizeof(path), DATA "%s", name);
	run_parser(r, page_parse, "page", path, skip_bad, 0);
}

/* The n-th good record, or an empty incident (and a failure) if there is none. */
static struct incident *nth(const char *file, int line, struct run *r, size_t n)
{
	static struct incident none;

	if (n < r->nr)
		return &r->inc[n];
	test_fail(file, line, "no record %zu (got %zu); messages:\n%s", n, r->nr, r->err);
	incident_init(&none);
	return &none;
}
#define NTH(r, n) nth(__FILE__, __LINE__, (r), (n))

#define CHECK_DERIVED(inc, field, want) CHECK_STR(incident_derived_from((inc), (field)), (want))

/* --- fields of good pages --- */

static void test_header_victim_is_taken_as_written(void)
{
	struct run r;

	run(&r, "ocmw-header.txt", 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.nr, 1);
	CHECK_STR(NTH(&r, 0)->victim, "OCMW Zandvliet-Noord");
	CHECK_NULL(incident_derived_from(NTH(&r, 0), "victim"));
	CHECK_STR(r.err, "");
	run_release(&r);
}

static void test_day_comes_from_the_description_of_the_same_month(void)
{
	struct run r;

	run(&r, "ocmw-header.txt", 0);
	CHECK_DATE(NTH(&r, 0), "2024-02-14");
	CHECK_INT(NTH(&r, 0)->date_precision, DATE_DAY);
	CHECK_DERIVED(NTH(&r, 0), "date", "On 14 February 2024");
	run_release(&r);

	run(&r, "multi.txt", 0);
	CHECK_DATE(NTH(&r, 0), "2024-01-22");
	CHECK_DERIVED(NTH(&r, 0), "date", "on January 22, 2024");
	CHECK_DATE(NTH(&r, 2), "2024-04-17");
	CHECK_DERIVED(NTH(&r, 2), "date", "On April 17th, 2024");
	run_release(&r);
}

static void test_day_of_another_month_leaves_month_precision(void)
{
	struct run r;

	run(&r, "multi.txt", 0);
	/* The description says "March 30, 2024"; the page's month is April. */
	CHECK_DATE(NTH(&r, 1), "2024-04");
	CHECK_INT(NTH(&r, 1)->date_precision, DATE_MONTH);
	CHECK_NULL(incident_derived_from(NTH(&r, 1), "date"));
	run_release(&r);
}

static void test_location_becomes_an_alpha2_code(void)
{
	struct run r;

	run(&r, "multi.txt", 0);
	CHECK_LIST(&NTH(&r, 0)->countries, "DE");
	CHECK_LIST(&NTH(&r, 1)->countries, "ES");
	CHECK_LIST(&NTH(&r, 2)->countries, "BE");
	run_release(&r);
}

static void test_key_is_victim_month_country_and_stable(void)
{
	struct run a, b;

	run(&a, "multi.txt", 0);
	run(&b, "multi.txt", 0);
	CHECK_STR(NTH(&a, 0)->key, "page:Landkreis Beispielheim|2024-01|DE");
	CHECK_STR(NTH(&a, 1)->key, "page:Ayuntamiento de Villanueva del Ejemplo|2024-04|ES");
	CHECK_STR(NTH(&a, 2)->key, "page:Brouwerij De Ketel N.V.|2024-04|BE");
	CHECK_INT(a.nr, b.nr);
	for (size_t i = 0; i < a.nr && i < b.nr; i++) {
		CHECK_STR(a.inc[i].key, b.inc[i].key);
		CHECK(incident_digest(&a.inc[i]) == incident_digest(&b.inc[i]));
	}
	run_release(&a);
	run_release(&b);
}

static void test_each_page_of_a_file_is_a_record_at_its_menu_line(void)
{
	struct run r;

	run(&r, "multi.txt", 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.nr, 3);
	CHECK_INT(r.records, 3);
	CHECK_INT(NTH(&r, 0)->line, 1);
	CHECK_INT(NTH(&r, 1)->line, 30);
	CHECK_INT(NTH(&r, 2)->line, 51);
	CHECK_INT(NTH(&r, 2)->record, 3);
	CHECK_STR(NTH(&r, 2)->format, "page");
	CHECK_STR(NTH(&r, 2)->file, DATA "multi.txt");
	run_release(&r);
}

static void test_victim_without_header_comes_from_the_summary(void)
{
	struct run r;

	run(&r, "mailbox-no-blank-lines.txt", 0);
	/* The appositive ", a small Dutch municipality," is not part of the name. */
	CHECK_STR(NTH(&r, 0)->victim, "Gemeente Oosterdijk");
	CHECK_DERIVED(NTH(&r, 0), "victim", "Gemeente Oosterdijk, a small Dutch municipality, reported");
	run_release(&r);

	run(&r, "multi.txt", 0);
	/* A leading "The" is not part of the name. */
	CHECK_STR(NTH(&r, 1)->victim, "Ayuntamiento de Villanueva del Ejemplo");
	CHECK_DERIVED(NTH(&r, 1), "victim", "The Ayuntamiento de Villanueva del Ejemplo suffered");
	run_release(&r);
}

static void test_public_kind_is_read_from_names_in_several_languages(void)
{
	struct run r;

	run(&r, "ocmw-header.txt", 0);
	CHECK_INT(NTH(&r, 0)->public_sector, 1);
	CHECK_STR(NTH(&r, 0)->public_kind, "social welfare");
	CHECK_DERIVED(NTH(&r, 0), "public_sector", "OCMW");
	CHECK_DERIVED(NTH(&r, 0), "public_kind", "OCMW");
	run_release(&r);

	run(&r, "multi.txt", 0);
	CHECK_STR(NTH(&r, 0)->public_kind, "region");
	CHECK_DERIVED(NTH(&r, 0), "public_kind", "Landkreis");
	CHECK_STR(NTH(&r, 1)->public_kind, "municipality");
	CHECK_DERIVED(NTH(&r, 1), "public_kind", "Ayuntamiento");
	run_release(&r);

	run(&r, "crlf-no-menu.txt", 0);
	CHECK_STR(NTH(&r, 0)->public_kind, "municipality");
	CHECK_DERIVED(NTH(&r, 0), "public_kind", "Stad");
	CHECK_STR(NTH(&r, 1)->public_kind, "municipality");
	CHECK_DERIVED(NTH(&r, 1), "public_kind", "Mairie");
	run_release(&r);

	run(&r, "paragraphs.txt", 0);
	CHECK_STR(NTH(&r, 0)->public_kind, "university");
	CHECK_DERIVED(NTH(&r, 0), "public_kind", "Université");
	run_release(&r);
}

static void test_a_company_with_a_legal_form_is_not_public(void)
{
	struct run r;

	run(&r, "multi.txt", 0);
	CHECK_INT(NTH(&r, 2)->public_sector, 0);
	CHECK_NULL(NTH(&r, 2)->public_kind);
	CHECK_DERIVED(NTH(&r, 2), "public_sector", "N.V");
	run_release(&r);
}

static void test_type_is_read_from_the_wording_with_its_phrase(void)
{
	struct run r;

	run(&r, "ocmw-header.txt", 0);
	CHECK_STR(NTH(&r, 0)->type, "ransomware");
	CHECK_DERIVED(NTH(&r, 0), "type", "ransomware");
	run_release(&r);

	/* The mailbox was taken over to send phishing: account compromise wins. */
	run(&r, "mailbox-no-blank-lines.txt", 0);
	CHECK_STR(NTH(&r, 0)->type, "account compromise");
	CHECK_DERIVED(NTH(&r, 0), "type", "mailbox of its civil affairs department had been taken over");
	run_release(&r);

	/* "cyberattack" says nothing; the description's "Unauthorised access" does. */
	run(&r, "multi.txt", 0);
	CHECK_STR(NTH(&r, 0)->type, "intrusion");
	CHECK_DERIVED(NTH(&r, 0), "type", "Unauthorised access");
	CHECK_STR(NTH(&r, 2)->type, "denial of service");
	CHECK_DERIVED(NTH(&r, 2), "type", "denial-of-service");
	run_release(&r);

	run(&r, "paragraphs.txt", 0);
	CHECK_STR(NTH(&r, 0)->type, "data breach");
	CHECK_DERIVED(NTH(&r, 0), "type", "copied the records");
	run_release(&r);
}

static void test_affected_is_read_with_its_qualifier_and_in_words(void)
{
	struct run r;

	run(&r, "ocmw-header.txt", 0);
	CHECK_INT(NTH(&r, 0)->affected, 8500);
	CHECK_DERIVED(NTH(&r, 0), "affected", "about 8,500 beneficiaries");
	run_release(&r);

	run(&r, "mailbox-no-blank-lines.txt", 0);
	CHECK_INT(NTH(&r, 0)->affected, 300);
	CHECK_DERIVED(NTH(&r, 0), "affected", "approximately 300 recipients");
	run_release(&r);

	run(&r, "multi.txt", 0);
	CHECK_INT(NTH(&r, 1)->affected, 2000);
	CHECK_DERIVED(NTH(&r, 1), "affected", "two thousand residents");
	CHECK_INT(NTH(&r, 2)->affected, -1);
	run_release(&r);
}

static void test_time_to_contain_within_is_approximate_after_is_exact(void)
{
	struct run r;

	run(&r, "ocmw-header.txt", 0);
	CHECK_DBL(NTH(&r, 0)->contain_hours, 3);
	CHECK_INT(NTH(&r, 0)->contain_approximate, 1);
	CHECK_DERIVED(NTH(&r, 0), "time_to_contain",
		      "isolated the affected servers within about three hours of detection");
	run_release(&r);

	run(&r, "multi.txt", 0);
	CHECK_DBL(NTH(&r, 2)->contain_hours, 6);
	CHECK_INT(NTH(&r, 2)->contain_approximate, 0);
	CHECK_DERIVED(NTH(&r, 2), "time_to_contain", "mitigated the attack after 6 hours");
	run_release(&r);

	run(&r, "paragraphs.txt", 0);
	CHECK_DBL(NTH(&r, 0)->contain_hours, 40.0 / 60);
	CHECK_INT(NTH(&r, 0)->contain_approximate, 1);
	CHECK_DERIVED(NTH(&r, 0), "time_to_contain", "blocked within 40 minutes of the first alert");
	run_release(&r);
}

static void test_time_to_recover_is_read_in_days_and_weeks(void)
{
	struct run r;

	run(&r, "ocmw-header.txt", 0);
	CHECK_DBL(NTH(&r, 0)->recover_hours, 14 * 24);
	CHECK_DERIVED(NTH(&r, 0), "time_to_recover", "resumed after two weeks");
	run_release(&r);

	run(&r, "multi.txt", 0);
	CHECK_DBL(NTH(&r, 0)->recover_hours, 21 * 24);
	CHECK_DERIVED(NTH(&r, 0), "time_to_recover", "restored within three weeks");
	CHECK_DBL(NTH(&r, 0)->contain_hours, -1);
	run_release(&r);
}

static void test_members_only_attributes_leave_lists_empty_and_counts_unknown(void)
{
	struct run r;
	struct incident *inc;

	run(&r, "ocmw-header.txt", 0);
	inc = NTH(&r, 0);
	CHECK_INT(inc->cia.n + inc->motives.n + inc->techniques.n + inc->actors.n, 0);
	CHECK_INT(inc->motive_count, -1);
	CHECK_INT(inc->technique_count, -1);
	CHECK_INT(inc->actor_count, -1);
	run_release(&r);
}

static void test_attribute_counts_set_counts_and_leave_lists_empty(void)
{
	struct run r;
	struct incident *inc;

	run(&r, "multi.txt", 0);
	inc = NTH(&r, 0);	/* "Availability 1 motive 2 techniques", "0 actors ..." */
	CHECK_LIST(&inc->cia, "Availability");
	CHECK_INT(inc->motive_count, 1);
	CHECK_INT(inc->technique_count, 2);
	CHECK_INT(inc->actor_count, 0);
	CHECK_INT(inc->motives.n + inc->techniques.n + inc->actors.n, 0);
	inc = NTH(&r, 1);	/* "Confidentiality, Availability Financial Available to members" */
	CHECK_LIST(&inc->cia, "Confidentiality|Availability");
	CHECK_LIST(&inc->motives, "Financial");
	CHECK_INT(inc->motive_count, 1);
	CHECK_INT(inc->technique_count, -1);
	run_release(&r);
}

static void test_attribute_values_fill_lists_and_counts(void)
{
	struct run r;
	struct incident *inc;

	run(&r, "mailbox-no-blank-lines.txt", 0);
	inc = NTH(&r, 0);
	CHECK_LIST(&inc->cia, "Confidentiality|Integrity");
	CHECK_LIST(&inc->motives, "Financial");
	CHECK_LIST(&inc->techniques, "T1566 Phishing|T1078 Valid Accounts");
	CHECK_INT(inc->technique_count, 2);
	/* Only the type is shown ("1 actor Cybercriminal ..."): it describes the actor. */
	CHECK_LIST(&inc->actors, "Cybercriminal");
	CHECK_INT(inc->actor_count, 1);
	run_release(&r);

	run(&r, "multi.txt", 0);
	inc = NTH(&r, 2);	/* "NoName057(16) Hacktivism Russia" */
	CHECK_LIST(&inc->actors, "NoName057(16)");
	CHECK_INT(inc->actor_count, 1);
	CHECK_LIST(&inc->techniques, "T1498 Network Denial of Service");
	CHECK_LIST(&inc->motives, "Political");
	run_release(&r);
}

static void test_attribute_values_are_split_by_shape_not_position(void)
{
	struct run r;
	struct incident *inc;

	run(&r, "attribute-shapes.txt", 0);
	CHECK_INT(r.nr, 2);
	/* Technique names without ids, and a list of motives: */
	inc = NTH(&r, 0);
	CHECK_LIST(&inc->cia, "Confidentiality");
	CHECK_LIST(&inc->motives, "Political|Espionage");
	CHECK_INT(inc->motive_count, 2);
	CHECK_LIST(&inc->techniques, "Spearphishing Attachment|Drive-by Compromise");
	CHECK_INT(inc->technique_count, 2);
	/* A two-word actor name before a known type and a two-word country: */
	CHECK_LIST(&inc->actors, "Lazarus Group");
	CHECK_INT(inc->actor_count, 1);
	inc = NTH(&r, 1);
	CHECK_LIST(&inc->cia, "Integrity|Availability");
	CHECK_INT(inc->motive_count, 2);
	CHECK_LIST(&inc->techniques, "T1486 Data Encrypted for Impact|T1490 Inhibit System Recovery");
	CHECK_INT(inc->technique_count, 2);
	CHECK_LIST(&inc->actors, "Cybercriminal|Insider");
	CHECK_INT(inc->actor_count, 2);
	run_release(&r);
}

static void test_sources_are_urls_or_a_stated_count(void)
{
	struct run r;

	run(&r, "mailbox-no-blank-lines.txt", 0);
	CHECK_LIST(&NTH(&r, 0)->sources, "https://example.org/oosterdijk/mailbox|"
		   "https://example.com/nl/nieuws/2024/04/phishing-gemeente");
	CHECK_INT(NTH(&r, 0)->source_count, 2);
	run_release(&r);

	run(&r, "ocmw-header.txt", 0);
	CHECK_INT(NTH(&r, 0)->sources.n, 0);
	CHECK_INT(NTH(&r, 0)->source_count, 2);
	run_release(&r);
}

static void test_description_keeps_paragraphs_and_drops_the_image_line(void)
{
	struct run r;

	run(&r, "paragraphs.txt", 0);
	CHECK_STR(NTH(&r, 0)->description,
		  "In the first week of March, the university’s security team noticed unusual "
		  "queries against the enrolment database.\n\n"
		  "The intruder used the credentials of a former contractor. The account was "
		  "blocked within 40 minutes of the first alert.\n\n"
		  "The university informed the students concerned and the CNIL.");
	CHECK_STR(NTH(&r, 0)->summary, "Université de Montval disclosed that an intruder had "
		  "copied the records of 3,100 students from its enrolment platform.");
	run_release(&r);

	run(&r, "ocmw-header.txt", 0);
	CHECK(strstr(NTH(&r, 0)->description, "detection.\n\nPayments resumed") != NULL);
	run_release(&r);

	/* Without blank lines, the image line alone separates the paragraphs. */
	run(&r, "mailbox-no-blank-lines.txt", 0);
	CHECK(strstr(NTH(&r, 0)->description, "of detection.\n\nResidents were warned") != NULL);
	run_release(&r);
}

static void test_crlf_pages_without_menu_lines_are_read(void)
{
	struct run r;

	run(&r, "crlf-no-menu.txt", 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.nr, 2);
	CHECK_INT(NTH(&r, 0)->line, 1);
	CHECK_INT(NTH(&r, 1)->line, 27);
	CHECK_STR(NTH(&r, 0)->victim, "Stad Rivierenbeek");
	CHECK_STR(NTH(&r, 0)->summary, "Stad Rivierenbeek’s “digital counter” was taken offline "
		  "after a ransomware attack — residents could not request documents for a week.");
	CHECK(!strchr(NTH(&r, 0)->description, '\r'));
	CHECK_LIST(&NTH(&r, 0)->sources, "https://example.be/rivierenbeek");
	CHECK_STR(NTH(&r, 1)->victim, "Mairie de Saint-Ouen-les-Prés");
	CHECK_INT(NTH(&r, 1)->source_count, 3);
	CHECK_DBL(NTH(&r, 1)->contain_hours, 2);
	run_release(&r);
}

static void test_stopping_in_on_record_stops_the_parser(void)
{
	struct run r;

	run_parser(&r, page_parse, "page", DATA "multi.txt", 0, 1);
	CHECK_INT(r.ret, -1);
	CHECK_INT(r.nr, 1);
	CHECK_INT(r.records, 1);
	run_release(&r);
}

static void test_an_empty_file_gives_no_record_and_no_error(void)
{
	struct run r = { 0 };
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/empty.txt", test_tmpdir());
	f = fopen(path, "w");
	if (f)
		fclose(f);
	run_parser(&r, page_parse, "page", path, 0, 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.records, 0);
	CHECK_STR(r.err, "");
	run_release(&r);
	unlink(path);
}

/* --- bad pages --- */

static void test_misspelled_month_is_rejected_with_line_and_field(void)
{
	struct run r;

	run(&r, "bad-month.txt", 0);
	CHECK_INT(r.ret, -1);
	CHECK_INT(r.nr, 0);
	CHECK_INT(r.rejected, 1);
	CHECK_ERR(&r, DATA "bad-month.txt:8: record 1: field 'date': "
		  "value 'Aprl 2024' is not a month (expected e.g. 'Mar 2025')");
	run_release(&r);
}

static void test_skip_bad_goes_on_at_the_next_page(void)
{
	struct run r;

	run(&r, "bad-month.txt", 1);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.rejected, 1);
	CHECK_INT(r.nr, 1);
	CHECK_STR(NTH(&r, 0)->victim, "Gemeinde Beispielfeld");
	CHECK_INT(NTH(&r, 0)->line, 21);
	CHECK_INT(NTH(&r, 0)->record, 2);
	run_release(&r);
}

static void test_unknown_country_is_rejected(void)
{
	struct run r;

	run(&r, "bad-country.txt", 1);
	CHECK_INT(r.rejected, 1);
	CHECK_ERR(&r, "bad-country.txt:7: record 1: field 'country': "
		  "'Atlantis' is not a country name known to ISO 3166-1");
	CHECK_INT(r.nr, 1);
	CHECK_STR(NTH(&r, 0)->victim, "Comune di Esempiano");
	run_release(&r);
}

static void test_missing_parts_are_rejected_where_they_were_expected(void)
{
	struct run r;

	run(&r, "missing-parts.txt", 1);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.nr, 0);
	CHECK_INT(r.rejected, 5);
	CHECK_ERR(&r, "missing-parts.txt:4: record 1: field 'date': no 'Date:' line before 'Location:'");
	CHECK_ERR(&r, "missing-parts.txt:11: record 2: field 'date': 'Date:' has no value");
	CHECK_ERR(&r, "missing-parts.txt:23: record 3: field 'summary': "
		  "no 'Summary' line before 'CIA Posture'");
	CHECK_ERR(&r, "missing-parts.txt:32: record 4: field 'summary': "
		  "'Summary' is followed by no text");
	CHECK_ERR(&r, "missing-parts.txt:39: record 5: field 'country': "
		  "the page ends before its 'Location:' line");
	run_release(&r);
}

static void test_summary_naming_no_victim_is_rejected(void)
{
	struct run r;

	run(&r, "no-victim.txt", 0);
	CHECK_INT(r.ret, -1);
	CHECK_ERR(&r, "no-victim.txt:14: record 1: field 'victim': no 'Cyber Incident Victim:' "
		  "line, and the summary's first sentence names no victim ('A ransomware attack "
		  "hit the servers of a town in Flanders over the weekend.')");
	run_release(&r);
}

static void test_a_file_not_starting_with_a_page_is_rejected(void)
{
	struct run r;

	run(&r, "not-a-page.txt", 0);
	CHECK_INT(r.ret, -1);
	CHECK_INT(r.nr, 0);
	CHECK_ERR(&r, "not-a-page.txt:1: record 1: 'Notes from the analyst meeting' does not "
		  "start an incident page");
	run_release(&r);

	run(&r, "not-a-page.txt", 1);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.nr, 1);
	CHECK_INT(NTH(&r, 0)->line, 4);
	CHECK_STR(NTH(&r, 0)->public_kind, "police");
	run_release(&r);
}

static void test_attribute_values_that_do_not_split_are_rejected(void)
{
	struct run r;

	run(&r, "bad-block.txt", 0);
	CHECK_INT(r.ret, -1);
	CHECK_ERR(&r, "bad-block.txt:19: record 1: 'Top secret 1 motive 3 techniques' does not "
		  "read as the values of 'CIA Posture', 'Motives'");
	run_release(&r);
}

static void test_an_overlong_page_is_rejected_and_the_next_read(void)
{
	struct run r = { 0 };
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/long.txt", test_tmpdir());
	f = fopen(path, "w");
	if (!f) {
		test_fail(__FILE__, __LINE__, "cannot write %s", path);
		return;
	}
	fputs("Menu\nBrowse\nCyber Incident Victim: Stad Eindeloos\nDate: Apr 2024\n"
	      "Location: Belgium\nSummary\nStad Eindeloos suffered a ransomware attack.\n"
	      "Description\n", f);
	for (int i = 0; i < 70000; i++)
		fputs("The same sentence again and again, to make the page far too long.\n", f);
	fputs("Menu\nBrowse\nCyber Incident Victim: Stad Kortbij\nDate: Apr 2024\n"
	      "Location: Belgium\nSummary\nStad Kortbij suffered a DDoS attack.\n", f);
	fclose(f);
	run_parser(&r, page_parse, "page", path, 1, 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.rejected, 1);
	CHECK(strstr(r.err, "long.txt:1: record 1: the page is longer than 4 MiB") != NULL);
	CHECK_INT(r.nr, 1);
	CHECK_STR(NTH(&r, 0)->victim, "Stad Kortbij");
	run_release(&r);
	unlink(path);
}

static void test_every_demo_page_file_imports_cleanly(void)
{
	glob_t g;
	size_t total = 0;

	if (glob("data/demo/pages/*.txt", 0, NULL, &g) != 0) {
		test_fail(__FILE__, __LINE__, "no demo pages in data/demo/pages/");
		return;
	}
	for (size_t i = 0; i < g.gl_pathc; i++) {
		struct run r = { 0 };

		run_parser(&r, page_parse, "page", g.gl_pathv[i], 0, 0);
		if (r.ret != 0 || r.rejected || !r.nr)
			test_fail(__FILE__, __LINE__, "%s: ret %d, %zu records; messages:\n%s",
				  g.gl_pathv[i], r.ret, r.nr, r.err);
		for (size_t k = 0; k < r.nr; k++)
			if (!r.inc[k].type || r.inc[k].public_sector < 0)
				test_fail(__FILE__, __LINE__, "%s: '%s' has no type or public sector",
					  g.gl_pathv[i], r.inc[k].victim);
		total += r.nr;
		run_release(&r);
	}
	CHECK(total >= 12);
	globfree(&g);
}
int main(void)
{
	test_run("a page with the victim header gives the victim as written, not derived",
		 test_header_victim_is_taken_as_written);
	test_run("the day comes from the description when it is in the page's month",
		 test_day_comes_from_the_description_of_the_same_month);
	test_run("a day in another month leaves the date at month precision",
		 test_day_of_another_month_leaves_month_precision);
	test_run("the location becomes an ISO 3166-1 alpha-2 code",
		 test_location_becomes_an_alpha2_code);
	test_run("the key is page:victim|YYYY-MM|country and the same on a second import",
		 test_key_is_victim_month_country_and_stable);
	test_run("each page of a file is a record at the line of its Menu",
		 test_each_page_of_a_file_is_a_record_at_its_menu_line);
	test_run("without a header the victim comes from the summary's first sentence",
		 test_victim_without_header_comes_from_the_summary);
	test_run("the public kind is read from Dutch, French, German and Spanish names",
		 test_public_kind_is_read_from_names_in_several_languages);
	test_run("a company with a legal form in its name is not public",
		 test_a_company_with_a_legal_form_is_not_public);
	test_run("the incident type is read from the wording, with its phrase",
		 test_type_is_read_from_the_wording_with_its_phrase);
	test_run("the number affected is read with its qualifier and from words",
		 test_affected_is_read_with_its_qualifier_and_in_words);
	test_run("time to contain: 'within' is approximate, 'after' exact",
		 test_time_to_contain_within_is_approximate_after_is_exact);
	test_run("time to recover is read in days and weeks",
		 test_time_to_recover_is_read_in_days_and_weeks);
	test_run("members-only attributes leave lists empty and counts unknown",
		 test_members_only_attributes_leave_lists_empty_and_counts_unknown);
	test_run("attribute counts set the counts and leave the lists empty",
		 test_attribute_counts_set_counts_and_leave_lists_empty);
	test_run("attribute values fill the lists and the counts",
		 test_attribute_values_fill_lists_and_counts);
	test_run("attribute values are split by their shapes, not by position",
		 test_attribute_values_are_split_by_shape_not_position);
	test_run("sources are URLs one a line, or the stated count",
		 test_sources_are_urls_or_a_stated_count);
	test_run("the description keeps paragraphs and drops 'Cyber Incident Image'",
		 test_description_keeps_paragraphs_and_drops_the_image_line);
	test_run("pages with CRLF line ends and without Menu lines are read",
		 test_crlf_pages_without_menu_lines_are_read);
	test_run("on_record returning -1 stops the parser with -1",
		 test_stopping_in_on_record_stops_the_parser);
	test_run("an empty file gives no record and no error",
		 test_an_empty_file_gives_no_record_and_no_error);
	test_run("a misspelled month is rejected with file, line and field 'date'",
		 test_misspelled_month_is_rejected_with_line_and_field);
	test_run("with skip-bad, parsing goes on at the next page",
		 test_skip_bad_goes_on_at_the_next_page);
	test_run("an unknown country is rejected with field 'country'",
		 test_unknown_country_is_rejected);
	test_run("missing parts are rejected at the line where they were expected",
		 test_missing_parts_are_rejected_where_they_were_expected);
	test_run("a summary that names no victim is rejected with field 'victim'",
		 test_summary_naming_no_victim_is_rejected);
	test_run("a file that does not start with a page is rejected at line 1",
		 test_a_file_not_starting_with_a_page_is_rejected);
	test_run("attribute values that do not split into the columns are rejected",
		 test_attribute_values_that_do_not_split_are_rejected);
	test_run("a page past the size limit is rejected and the next one read",
		 test_an_overlong_page_is_rejected_and_the_next_read);
	test_run("every demo page file imports without a rejection",
		 test_every_demo_page_file_imports_cleanly);
	country_free();
	return test_done();
}
