/*
 * The VERIS importer (store/veris.c, which reads with jansson, and
 * store/veris_map.c) over the fixtures in tests/data/veris/.
 * sample.jsonl.gz is the shared 300-record VCDB sample; quirks.jsonl holds
 * 21 of its lines unchanged (see tests/data/veris/README.md); the other
 * files are written for one behaviour each.
 */
#include <stdlib.h>
#include <unistd.h>

#include "test.h"
#include "store/parse.h"
#include "util/buf.h"
#include "util/country.h"
#include "util/banned.h"

#define DATA "tests/data/veris/"

/* One run of the parser over a file. */
struct run {
	int ret;
	long records, rejected;
	struct incident *inc;	/* the good records, taken over from the parser */
	size_t nr, alloc;
	size_t stop_after;	/* on_record asks to stop after this many; 0 never */
	char *err;		/* what the parser wrote to stderr */
};

static int take(struct parse_ctx *ctx, struct incident *inc)
{
	struct run *r = ctx->data;

	ALLOC_GROW(r->inc, r->nr + 1, r->alloc);
	r->inc[r->nr++] = *inc;
	incident_init(inc);	/* the parser releases it: leave it nothing */
	return r->stop_after && r->nr >= r->stop_after ? -1 : 0;
}

/* Reads all of `f` from its start. */
static char *slurp(FILE *f)
{
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	rewind(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	return buf_detach(&b, NULL);
}

/* Runs veris_parse() over `path`, capturing standard error. */
static void run_path(struct run *r, const char *path, int skip_bad)
{
	struct parse_ctx ctx = { .format = "veris", .skip_bad = skip_bad, .on_record = take, .data = r };
	struct input in;
	FILE *cap = tmpfile();
	int saved;

	if (!cap) {
		test_fail(__FILE__, __LINE__, "tmpfile failed");
		return;
	}
	fflush(stderr);
	saved = dup(2);
	dup2(fileno(cap), 2);
	if (input_open(&in, path) < 0) {
		r->ret = -2;
	} else {
		ctx.in = &in;
		r->ret = veris_parse(&ctx);
		input_close(&in);
	}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	r->records = ctx.records;
	r->rejected = ctx.rejected;
	r->err = slurp(cap);
	fclose(cap);
	if (r->ret == -2)
		test_fail(__FILE__, __LINE__, "cannot open %s: %s", path, r->err);
}

static void run(struct run *r, const char *name, int skip_bad)
{
	char path[256];

	memset(r, 0, sizeof(*r));
	snprintf(path, sizeof(path), DATA "%s", name);
	run_path(r, path, skip_bad);
}

static void run_release(struct run *r)
{
	for (size_t i = 0; i < r->nr; i++)
		incident_release(&r->inc[i]);
	free(r->inc);
	free(r->err);
}

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

/* Checks that the parser's messages contain `want`. */
#define CHECK_ERR(r, want) \
	do { \
		if (!strstr((r)->err, (want))) \
			test_fail(__FILE__, __LINE__, "messages lack \"%s\"; they were:\n%s", \
				  (want), (r)->err); \
	} while (0)

static size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void check_list(const char *file, int line, const struct strlist *l, const char *want)
{
	struct buf got = BUF_INIT;

	for (size_t i = 0; i < l->n; i++)
		buf_addf(&got, "%s%s", i ? "|" : "", l->v[i]);
	if (strcmp(got.buf, want))
		test_fail(file, line, "list is \"%s\", expected \"%s\"", got.buf, want);
	buf_release(&got);
}
#define CHECK_LIST(l, want) check_list(__FILE__, __LINE__, (l), (want))

static void check_date(const char *file, int line, const struct incident *inc, const char *want)
{
	char got[11];

	incident_date_string(inc, got);
	if (strcmp(got, want))
		test_fail(file, line, "date is \"%s\", expected \"%s\"", got, want);
}
#define CHECK_DATE(inc, want) check_date(__FILE__, __LINE__, (inc), (want))

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

/* Sample and quirk keys, named for what they show. */
#define DUPLICATE "00163384-B4D7-46D5-9E6F-543DFB00F598"
#define YEAR_ONLY "00224226-4A39-435C-BFFD-672B5D61C7C1"
#define MONTHS "053b6e58-d51b-41b9-b34e-c93338e280d8"
#define BARE_92 "05449222-6D97-4F2F-9D69-D7C883B6CDC3"
#define FLOATS "0A1608F8-E224-4E4D-9385-0A37CE9A3FC9"
#define RANSOMWARE "0f5420d5-039d-4568-805f-09e5a830ed6d"
#define POLICE "12BABA8B-0278-4824-B009-43CD68108F2F"
#define UNKNOWNS "1AB6CA6E-2D3D-43A7-A9ED-4667F86388E0"
#define NO_COUNTRY "1DADA442-B03F-4CC1-8C1C-89D19D568514"
#define DOS "1EF9CAD4-E31D-4506-83FD-7DC218929CB3"
#define COMMAS "1afcc8c1-07ce-4900-bf82-69f64e6400b1"
#define TWO_COUNTRIES "1ed73372-b0e9-40ba-bca0-dd32bb15f43b"
#define ENVIRONMENTAL "201F17BF-D8C6-4AF5-AB0A-66EA492EAFB1"
#define SPACES "21dbfac0-6c6a-4e53-9fb0-9e201467fe42"
#define NAICS_000 "230ADF5A-6BA5-4541-80EC-2E27C02BF99A"
#define MAILBOX "508D2E23-A892-4A69-A07A-C9351B965144"
#define EMPTY_SUMMARY "BCB88461-5249-46C3-BD5F-8424A55B2164"
#define COURT "DD3FE7DA-5062-46BB-9816-86E7DAF1DDEB"
#define NO_URL "b83c7cf9-9a46-4ed4-ba46-0f7516ed9494"
#define FEB_29 "f3c87c0b-0756-4f26-adab-c1b5b9b4c512"

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
		CHECK_LIST(&i->actors, "External: Organized crime");
		CHECK_INT(i->actor_count, 1);
		CHECK_LIST(&i->motives, "Financial");
		CHECK_INT(i->motive_count, 1);
	}
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
		"bad-fields.jsonl':2: record 2: field 'timeline.incident.year': missing\n",
		"bad-fields.jsonl':3: record 3: expected a JSON object, got a number\n",
		"bad-fields.jsonl':4: record 4: field 'victim.country': expected a list of strings, "
		"got a number\n",
		"bad-fields.jsonl':5: record 5: field 'victim.country': expected a list of strings, "
		"but item 2 is true\n",
		"bad-fields.jsonl':6: record 6: field 'victim': expected an object, got a list\n",
		"bad-fields.jsonl':7: record 7: field 'timeline.incident.year': expected a number, "
		"got a string\n",
		"bad-fields.jsonl':8: record 8: field 'plus.master_id': missing, and so is incident_id\n",
		"bad-fields.jsonl':9: record 9: field 'timeline.discovery.unit': value 'Fortnights' "
		"is not a VERIS time unit\n",
		"bad-fields.jsonl':10: record 10: field 'timeline.containment.value': value '-3' "
		"is negative\n",
		"bad-fields.jsonl':11: record 11: field 'attribute.confidentiality.data_total': "
		"value '1.5' is not a whole number\n",
		"bad-fields.jsonl':12: record 12: field 'timeline.incident.year': value '1850' "
		"is not a year from 1900 to 2999\n",
		"bad-fields.jsonl':13: record 13: field 'victim.country': value 'Narnia' "
		"is not a country\n",
		"bad-fields.jsonl':14: record 14: field 'action.hacking.variety': expected a list "
		"of strings, got a string\n",
		"bad-fields.jsonl':15: record 15: field 'reference': expected a string, got a list\n",
		"bad-fields.jsonl':17: record 17: expected a JSON object, got a string\n",
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
	CHECK_ERR(&r, "ibrief: '" DATA "bad-field-pretty.json':7: record 1: field 'victim.country': "
		  "expected a list of strings, got a number\n");
	run_release(&r);
	/* And of the list item, past an escaped key and strings holding brackets. */
	run(&r, "bad-item-pretty.json", 1);
	CHECK_ERR(&r, "bad-item-pretty.json':8: record 1: field 'victim.country': value 'Narnia' "
		  "is not a country\n");
	CHECK_ERR(&r, "bad-item-pretty.json':17: record 2: field 'action.hacking.variety': "
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

	memset(&r, 0, sizeof(r));
	r.stop_after = 2;
	run_path(&r, DATA "quirks.jsonl", 1);
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
	CHECK_ERR(&r, "syntax.jsonl':2: record 2: invalid JSON at line 2 column 62: ");
	CHECK_ERR(&r, "syntax.jsonl':4: record 4: invalid JSON at line 4 column 5: ");
	/* A record cut short, then a new one. */
	CHECK_ERR(&r, "syntax.jsonl':6: record 6: JSON object not closed before line 7, "
		  "which starts a new record\n");
	CHECK_ERR(&r, "syntax.jsonl':8: record 8: invalid JSON at line 8 column 35: ");
	/* Three on a line: good JSON with a bad field, bad JSON, good. */
	CHECK_ERR(&r, "syntax.jsonl':10: record 10: field 'timeline.incident.year': missing\n");
	CHECK_ERR(&r, "syntax.jsonl':10: record 11: invalid JSON at line 10 column 38: ");
	CHECK_INT(count_lines(r.err), 6);
	run_release(&r);

	/* The file line of the error in a pretty-printed object. */
	run(&r, "syntax-pretty.json", 1);
	CHECK_KEYS(&r, "p-1|p-3|p-5");
	CHECK_ERR(&r, "syntax-pretty.json':7: record 2: invalid JSON at line 7 column 12: ");
	/* A broken object that ends mid-line: the next one on the line is read. */
	CHECK_ERR(&r, "syntax-pretty.json':15: record 4: invalid JSON at line 15 column 44: ");
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
	CHECK_ERR(&r, "string-break.json':3: record 1: invalid JSON at line 3 column 23: ");
	run_release(&r);

	/* In a list, reading resumes at the next element at the same indent. */
	run(&r, "list-bad-element.json", 1);
	CHECK_KEYS(&r, "e-1|e-3");
	CHECK_ERR(&r, "list-bad-element.json':9: record 2: invalid JSON at line 9 column 22: ");
	CHECK_ERR(&r, "list-bad-element.json':15: record 4: expected a JSON object, got a number\n");
	CHECK_INT(count_lines(r.err), 2);
	run_release(&r);
}

static void test_unterminated(void)
{
	struct run r;

	run(&r, "unterminated.json", 1);
	CHECK_INT(r.ret, 0);
	CHECK_KEYS(&r, "u-1");
	CHECK_ERR(&r, "unterminated.json':2: record 2: the file ends inside a JSON object "
		  "that began on line 2\n");
	run_release(&r);
	run(&r, "unterminated.json", 0);
	CHECK_INT(r.ret, -1);
	run_release(&r);

	run(&r, "unterminated-list.json", 1);
	CHECK_KEYS(&r, "l-1|l-2");
	CHECK_ERR(&r, "unterminated-list.json':1: record 3: the file ends inside the JSON list "
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

	memset(r, 0, sizeof(*r));
	run_path(r, write_tmp(path, sizeof(path), text, strlen(text)), 1);
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
	CHECK_ERR(&r, "in.json':4: record 2: invalid JSON at line 4 column 31: ");
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
	CHECK_ERR(&r, "in.json':1: record 1: invalid JSON at line 1 column ");
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
	CHECK_ERR(&r, "in.json':1: record 1: invalid JSON at line 1 column ");
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
	CHECK_ERR(&r, "in.json':1: record 1: invalid JSON at line 1 column ");
	run_release(&r);
	buf_release(&text);
}

static void test_empty(void)
{
	static const char *const texts[] = { "", "\n\n  \t\n", "[]\n", "[\n]\n" };
	struct run r;
	char path[256];

	for (size_t k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
		memset(&r, 0, sizeof(r));
		run_path(&r, write_tmp(path, sizeof(path), texts[k], strlen(texts[k])), 0);
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
