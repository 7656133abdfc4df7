/*
 * The mapping of VERIS records onto incidents (store/veris_map.c), field by
 * field, over the fixtures in tests/data/veris/ (see veris_fixture.h).
 * Reading the files and reporting bad ones are tested in t_veris.c.
 */
#include "test.h"
#include "store/parse.h"
#include "util/country.h"
#include "veris_fixture.h"
#include "util/banned.h"

/* The record with `key` (without the "veris:"), or NULL after a failure. */
static struct incident *find_at(const char *file, int line, struct run *r, const char *key)
{
	for (size_t i = 0; i < r->nr; i++)
		if (r->inc[i].key && !strncmp(r->inc[i].key, "veris:", 6) &&
		    !strcmp(r->inc[i].key + 6, key))
			return &r->inc[i];
	test_fail(file, line, "no record with key 'veris:%s'", key);
	return NULL;
}
#define FIND(r, key) find_at(__FILE__, __LINE__, (r), (key))

static void test_duplicates(void)
{
	struct run r;

	run(&r, "quirks.jsonl", 0);
	CHECK_INT(r.nr, 21);
	CHECK_STR(r.inc[0].key, "veris:" DUPLICATE);
	CHECK_STR(r.inc[1].key, "veris:" DUPLICATE);
	CHECK(incident_digest(&r.inc[0]) == incident_digest(&r.inc[1]));
	CHECK(incident_digest(&r.inc[0]) != incident_digest(&r.inc[2]));
	run_release(&r);
}

static void test_key(void)
{
	struct run r;

	run(&r, "mapping.jsonl", 0);
	/* master_id wins over incident_id; incident_id when it is missing. */
	CHECK_STR(r.inc[0].key, "veris:m-lone-country");
	CHECK_STR(r.inc[1].key, "veris:i-2");
	run_release(&r);
	run(&r, "quirks.jsonl", 0);
	/* Kept as written, upper or lower case. */
	CHECK(FIND(&r, MONTHS) != NULL);
	CHECK(FIND(&r, FLOATS) != NULL);
	run_release(&r);
}

static void test_victim_and_summary(void)
{
	struct run r;
	struct incident *i;

	run(&r, "quirks.jsonl", 0);
	if ((i = FIND(&r, SPACES)))
		CHECK_STR(i->victim, "Elizabeth Family Health");
	if ((i = FIND(&r, NO_COUNTRY)))
		CHECK_NULL(i->victim);
	if ((i = FIND(&r, EMPTY_SUMMARY)))
		CHECK_NULL(i->summary);
	if ((i = FIND(&r, UNKNOWNS)))
		CHECK_NULL(i->summary);
	if ((i = FIND(&r, TWO_COUNTRIES))) {
		/* "\u2019" in the file. */
		CHECK(!strncmp(i->summary, "Fresenius, Europe\xE2\x80\x99s largest", 29));
		CHECK_NULL(i->description);
	}
	run_release(&r);
	run(&r, "mapping.jsonl", 0);
	CHECK_STR(r.inc[0].victim, "Stad Gent");
	if ((i = FIND(&r, "m-escapes"))) {
		/* An escaped key, a surrogate pair, a summary of white space. */
		CHECK_STR(i->victim, "Caf\xC3\xA9 \xF0\x9F\x98\x80");
		CHECK_NULL(i->summary);
	}
	run_release(&r);
}

static void test_dates(void)
{
	struct run r;
	struct incident *i;

	run(&r, "quirks.jsonl", 0);
	CHECK_DATE(&r.inc[0], "2014-02-03");
	CHECK_INT(r.inc[0].date_precision, DATE_DAY);
	if ((i = FIND(&r, YEAR_ONLY))) {
		CHECK_DATE(i, "2013");
		CHECK_INT(i->date_precision, DATE_YEAR);
		CHECK_INT(i->derived_nr, 0);
	}
	if ((i = FIND(&r, MONTHS)))
		CHECK_INT(i->date_precision, DATE_MONTH);
	if ((i = FIND(&r, POLICE)))
		CHECK_DATE(i, "1971-03-08");
	if ((i = FIND(&r, FEB_29))) {
		CHECK_DATE(i, "2018-02");
		CHECK_INT(i->date_precision, DATE_MONTH);
		CHECK_STR(incident_derived_from(i, "date"),
			  "timeline.incident 2018-02-29 is not a calendar date; kept 2018-02");
	}
	run_release(&r);
	run(&r, "mapping.jsonl", 0);
	if ((i = FIND(&r, "m-month-13"))) {
		CHECK_DATE(i, "2020");
		CHECK_STR(incident_derived_from(i, "date"),
			  "timeline.incident 2020-13-01 is not a calendar date; kept 2020");
	}
	if ((i = FIND(&r, "m-day-no-month"))) {
		CHECK_DATE(i, "2019");
		CHECK_STR(incident_derived_from(i, "date"),
			  "timeline.incident has day 5 but no month; kept 2019");
	}
	if ((i = FIND(&r, "m-escapes")))
		CHECK_DATE(i, "2020");
	run_release(&r);
}

static void test_countries(void)
{
	struct run r;
	struct incident *i;

	run(&r, "quirks.jsonl", 0);
	if ((i = FIND(&r, TWO_COUNTRIES)))
		CHECK_LIST(&i->countries, "NO|US");
	if ((i = FIND(&r, NO_COUNTRY)))
		CHECK_LIST(&i->countries, "");
	if ((i = FIND(&r, YEAR_ONLY)))
		CHECK_LIST(&i->countries, "AZ");
	run_release(&r);
	run(&r, "mapping.jsonl", 0);
	/* A lone string; lower case. */
	CHECK_LIST(&r.inc[0].countries, "BE");
	/* A name, a code iso-codes lacks (Kosovo), Unknown, a repeat, a blank. */
	CHECK_LIST(&r.inc[1].countries, "BE|XK");
	run_release(&r);
	country_free();
}

static void test_sectors(void)
{
	struct run r;
	struct incident *i;

	run(&r, "quirks.jsonl", 0);
	CHECK_LIST(&r.inc[0].sectors, "923140");
	CHECK_INT(r.inc[0].public_sector, 1);
	CHECK_STR(r.inc[0].public_kind, "government agency");
	if ((i = FIND(&r, POLICE))) {
		CHECK_LIST(&i->sectors, "92212");
		CHECK_STR(i->public_kind, "police");
	}
	if ((i = FIND(&r, COURT)))
		CHECK_STR(i->public_kind, "court");
	if ((i = FIND(&r, BARE_92))) {
		CHECK_INT(i->public_sector, 1);
		CHECK_STR(i->public_kind, "public body");
	}
	if ((i = FIND(&r, NAICS_000))) {
		CHECK_LIST(&i->sectors, "");
		CHECK_INT(i->public_sector, -1);
		CHECK_NULL(i->public_kind);
	}
	if ((i = FIND(&r, TWO_COUNTRIES))) {
		/* A hospital: not public by NAICS. */
		CHECK_LIST(&i->sectors, "622110");
		CHECK_INT(i->public_sector, 0);
		CHECK_NULL(i->public_kind);
	}
	run_release(&r);
	run(&r, "mapping.jsonl", 0);
	CHECK_LIST(&r.inc[1].sectors, "48-49");
	CHECK_INT(r.inc[1].public_sector, 0);
	if ((i = FIND(&r, "m-fire")))
		CHECK_STR(i->public_kind, "fire service");
	if ((i = FIND(&r, "m-school")))
		CHECK_INT(i->public_sector, 0);
	if ((i = FIND(&r, "m-nulls"))) {
		CHECK_INT(i->public_sector, -1);
		CHECK_LIST(&i->sectors, "");
	}
	run_release(&r);
}

static void test_types(void)
{
	static const struct {
		const char *key, *type;
	} want[] = {
		{ DUPLICATE, "error" },
		{ YEAR_ONLY, "intrusion" },
		{ RANSOMWARE, "ransomware" },		/* over its phishing */
		{ POLICE, "theft or loss" },
		{ UNKNOWNS, NULL },
		{ NO_COUNTRY, "phishing" },		/* over hacking and malware */
		{ DOS, "denial of service" },
		{ ENVIRONMENTAL, "environmental" },
		{ MAILBOX, "account compromise" },	/* stolen creds on a mail server */
		{ NO_URL, "intrusion" },		/* stolen creds, no mail server */
		{ COURT, "other" },			/* tampering */
		{ FEB_29, "other" },			/* a skimmer */
	};
	struct run r;
	struct incident *i;

	run(&r, "quirks.jsonl", 0);
	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		if (!(i = FIND(&r, want[k].key)))
			continue;
		if (want[k].type)
			CHECK_STR(i->type, want[k].type);
		else
			CHECK_NULL(i->type);
	}
	run_release(&r);
	run(&r, "mapping.jsonl", 0);
	if ((i = FIND(&r, "m-pretexting")))
		CHECK_STR(i->type, "other");
	if ((i = FIND(&r, "m-lost")))
		CHECK_STR(i->type, "theft or loss");
	if ((i = FIND(&r, "m-nulls")))
		CHECK_NULL(i->type);
	run_release(&r);
}

static void test_techniques_actors_motives(void)
{
	struct run r;
	struct incident *i;

	run(&r, "quirks.jsonl", 0);
	if ((i = FIND(&r, RANSOMWARE))) {
		CHECK_LIST(&i->techniques, "Malware: Ransomware|Social: Phishing");
		CHECK_INT(i->technique_count, 2);
		/* VERIS action varieties, never taken for ATT&CK techniques. */
		CHECK_INT(i->technique_taxonomy, TAXONOMY_VERIS);
		CHECK_NULL(i->campaign);
		CHECK_LIST(&i->actors, "External: Organized crime");
		CHECK_INT(i->actor_count, 1);
		CHECK_LIST(&i->motives, "Financial");
		CHECK_INT(i->motive_count, 1);
	}
	if ((i = FIND(&r, NO_COUNTRY)))
		CHECK_STR(i->campaign, "0A74F3BC-4844-4D5F-A350-017A9C81B464");
	if ((i = FIND(&r, YEAR_ONLY))) {
		/* Hacking of an unknown variety. */
		CHECK_LIST(&i->techniques, "");
		CHECK_INT(i->technique_count, -1);
	}
	if ((i = FIND(&r, FLOATS))) {
		CHECK_LIST(&i->actors, "Internal|Partner");
		CHECK_INT(i->actor_count, 2);
		/* Only "NA": no motive, which is known. */
		CHECK_INT(i->motive_count, 0);
	}
	if ((i = FIND(&r, UNKNOWNS))) {
		CHECK_LIST(&i->actors, "");
		CHECK_INT(i->actor_count, -1);
		CHECK_INT(i->motive_count, -1);
		CHECK_INT(i->technique_count, -1);
	}
	run_release(&r);
	run(&r, "mapping.jsonl", 0);
	if ((i = FIND(&r, "m-actors"))) {
		CHECK_LIST(&i->actors, "External: Activist|Internal|Partner");
		CHECK_INT(i->actor_count, 3);
		CHECK_LIST(&i->motives, "Ideology");
		CHECK_INT(i->motive_count, 1);
	}
	if ((i = FIND(&r, "m-motive-na"))) {
		CHECK_LIST(&i->actors, "Internal: End-user");
		CHECK_INT(i->motive_count, 0);
	}
	run_release(&r);
}

static void test_cia_and_affected(void)
{
	struct run r;
	struct incident *i;

	run(&r, "quirks.jsonl", 0);
	CHECK_LIST(&r.inc[0].cia, "Confidentiality");
	CHECK_INT(r.inc[0].affected, 87);
	if ((i = FIND(&r, RANSOMWARE))) {
		CHECK_LIST(&i->cia, "Confidentiality|Integrity|Availability");
		CHECK_INT(i->affected, -1);
	}
	if ((i = FIND(&r, FLOATS)))
		CHECK_INT(i->affected, 655550);
	if ((i = FIND(&r, BARE_92)))
		CHECK_LIST(&i->cia, "Integrity|Availability");
	run_release(&r);
}

static void test_sources(void)
{
	struct run r;
	struct incident *i;

	run(&r, "quirks.jsonl", 0);
	if ((i = FIND(&r, YEAR_ONLY))) {
		/* " (20140227)" after the URL is not part of it. */
		CHECK_INT(i->source_count, 1);
		CHECK(i->sources.n == 1 && !strchr(i->sources.v[0], ' '));
	}
	if ((i = FIND(&r, COMMAS)))
		CHECK_LIST(&i->sources,
			   "https://news.softpedia.com/news/possible-bug-in-whatsapp-may-provide-"
			   "others-with-access-to-all-your-messages-524516.shtml|"
			   "https://twitter.com/abbyfuller/status/1083560674884694017");
	if ((i = FIND(&r, FLOATS)))
		CHECK_INT(i->source_count, 3);
	if ((i = FIND(&r, NO_URL))) {
		CHECK_INT(i->source_count, 0);
		CHECK_LIST(&i->sources, "");
	}
	if ((i = FIND(&r, UNKNOWNS)))
		CHECK_INT(i->source_count, -1);
	run_release(&r);
	run(&r, "mapping.jsonl", 0);
	if ((i = FIND(&r, "m-urls"))) {
		/* A comma inside a URL stays; one before another URL splits. */
		CHECK_LIST(&i->sources, "https://a.example/x,y|HTTPS://b.example/z");
		CHECK_INT(i->source_count, 2);
	}
	if ((i = FIND(&r, "m-nulls")))
		CHECK_INT(i->source_count, -1);
	run_release(&r);
}

static void test_timeline(void)
{
	struct run r;
	struct incident *i;

	run(&r, "quirks.jsonl", 0);
	if ((i = FIND(&r, FLOATS))) {
		/* {Months, 2.0} and {Days, 1.0}. */
		CHECK_DBL(i->discovery_hours, 2 * 30.44 * 24);
		CHECK_DBL(i->contain_hours, 24);
		CHECK_INT(i->contain_approximate, 0);
	}
	if ((i = FIND(&r, MONTHS))) {
		/* {Years, 1} and {Months, 3}. */
		CHECK_DBL(i->discovery_hours, 365.25 * 24);
		CHECK_DBL(i->contain_hours, 3 * 30.44 * 24);
		CHECK_INT(i->contain_approximate, 1);
	}
	if ((i = FIND(&r, DOS))) {
		/* {Hours, 17} of outage; containment {Days, 15}. */
		CHECK_DBL(i->recover_hours, 17);
		CHECK_DBL(i->contain_hours, 360);
		CHECK(i->discovery_hours < 0);
	}
	if ((i = FIND(&r, UNKNOWNS))) {
		CHECK(i->discovery_hours < 0);
		CHECK(i->contain_hours < 0);
		CHECK(i->recover_hours < 0);
	}
	run_release(&r);
	run(&r, "mapping.jsonl", 0);
	if ((i = FIND(&r, "m-spans"))) {
		CHECK(i->discovery_hours < 0);	/* "Never", value or not */
		CHECK_DBL(i->contain_hours, 0.5 * 365.25 * 24);
		CHECK_INT(i->contain_approximate, 1);
		CHECK_DBL(i->recover_hours, 1.5);
	}
	run_release(&r);
}

static void test_nulls(void)
{
	struct run r;
	struct incident *i;

	run(&r, "mapping.jsonl", 0);
	CHECK_INT(r.rejected, 0);
	if ((i = FIND(&r, "m-nulls"))) {
		CHECK_DATE(i, "2020");
		CHECK_NULL(i->victim);
		CHECK_NULL(i->summary);
		CHECK_LIST(&i->countries, "");
		CHECK_LIST(&i->cia, "");
		CHECK_INT(i->affected, -1);
	}
	run_release(&r);
}

int main(void)
{
	test_run("byte-identical duplicate lines give the same key and the same digest",
		 test_duplicates);
	test_run("the key is plus.master_id as written, else incident_id", test_key);
	test_run("victim and summary are trimmed, blank is unknown, escapes decode to UTF-8",
		 test_victim_and_summary);
	test_run("dates keep their precision; an impossible date keeps its valid part and says so",
		 test_dates);
	test_run("countries drop Unknown, keep two-letter codes upper-cased, accept names",
		 test_countries);
	test_run("industry is the sector; 000 is unknown; NAICS 92 is public with a kind",
		 test_sectors);
	test_run("the incident type follows the precedence of type_rules", test_types);
	test_run("techniques, actors and motives are readable and counted, unknowns left out",
		 test_techniques_actors_motives);
	test_run("cia lists the attributes present and affected is data_total",
		 test_cia_and_affected);
	test_run("every http(s) URL of reference is a source; none gives 0, absent -1",
		 test_sources);
	test_run("timeline values in any VERIS unit become hours, floats too", test_timeline);
	test_run("JSON nulls count as absent", test_nulls);
	return test_done();
}
