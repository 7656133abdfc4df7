/*
 * The wording rules of the incident-page importer (store/wording.c) on their
 * own, sentence by sentence: what they read from free text and what they
 * must leave alone. t_page.c tests them as part of whole pages.
 */
#include <stdlib.h>

#include "test.h"
#include "store/wording.h"
#include "store/words.h"
#include "util/buf.h"

/* The rules take split text; a few slots are reused in turn. */
static struct words slots[4];
static size_t next_slot;

static const struct words *split(const char *text)
{
	struct words *w = &slots[next_slot++ % ARRAY_SIZE(slots)];

	words_release(w);
	words_split(w, text);
	return w;
}

static long long affected(const char *text)
{
	char *phrase;
	long long n = wording_affected(split(text), &phrase);

	free(phrase);
	return n;
}

static void test_years_times_percentages_and_appointments_are_not_counts(void)
{
	CHECK_INT(affected("In 2024 residents of the town were warned."), -1);
	CHECK_INT(affected("Since March 3, 2024 residents could not log in."), -1);
	CHECK_INT(affected("The portal was down for 14 hours."), -1);
	CHECK_INT(affected("About 30% of residents were affected."), -1);
	CHECK_INT(affected("Around 2,300 appointments were moved."), -1);
	CHECK_INT(affected("One of the employees opened the attachment."), -1);
	CHECK_INT(affected("The 3rd floor staff were evacuated."), -1);
	CHECK_INT(affected("Montval, a town of 24,000 inhabitants, was hit."), -1);
}

static void test_counts_in_words_and_millions_are_read(void)
{
	CHECK_INT(affected("Twelve employees lost access."), 12);
	CHECK_INT(affected("The data of three hundred and twenty patients leaked."), 320);
	CHECK_INT(affected("Some 1.2 million records were exposed."), 1200000);
	CHECK_INT(affected("Les données de 1 500 citizens"), 1500);
	CHECK_INT(affected("the data of 300 current and former employees"), 300);
}

static int public_of(const char *text, int is_name, const char **kind)
{
	char *phrase;
	int v = wording_public(split(text), is_name, kind, &phrase);

	free(phrase);
	return v;
}

static void test_public_words_match_whole_words_with_documented_false_friends(void)
{
	const char *kind;

	CHECK_INT(public_of("Stadt Beispielstadt", 1, &kind), 1);
	CHECK_STR(kind, "municipality");
	CHECK_INT(public_of("Stadtwerke Beispielstadt GmbH", 1, &kind), 1);
	CHECK_STR(kind, "public body");
	CHECK_INT(public_of("Beispielstadt Logistik GmbH", 1, &kind), 0);
	CHECK_INT(public_of("Vlaamse Business School", 1, &kind), 0);
	CHECK_INT(public_of("Brasserie Dupont", 1, &kind), -1);
	CHECK_NULL(kind);
}

static void test_accents_and_case_fold_in_public_words(void)
{
	const char *kind;

	CHECK_INT(public_of("HÔPITAL DE LA CITADELLE", 1, &kind), 1);
	CHECK_STR(kind, "hospital");
	CHECK_INT(public_of("Hopital de la Citadelle", 1, &kind), 1);
	CHECK_STR(kind, "hospital");
	CHECK_INT(public_of("Urząd Gminy Przykładowo", 1, &kind), 1);
	CHECK_STR(kind, "municipality");
	CHECK_INT(public_of("URZAD GMINY PRZYKLADOWO", 1, &kind), 1);
	CHECK_STR(kind, "municipality");
}

static void test_the_institution_decides_over_the_place_in_a_name(void)
{
	const char *kind;

	public_of("CPAS de la Ville de Liège", 1, &kind);
	CHECK_STR(kind, "social welfare");
	public_of("Ghent University Hospital", 1, &kind);
	CHECK_STR(kind, "hospital");
	public_of("Politiezone Stad Rivierenbeek", 1, &kind);
	CHECK_STR(kind, "police");
	/* In running text the first clue describes the victim. */
	CHECK_INT(public_of("Acme, a software company, reported it to the police.", 0, &kind), 0);
	CHECK_INT(public_of("Beekdal, a municipality in Limburg, saw its website hit.", 0, &kind), 1);
	CHECK_STR(kind, "municipality");
}

static void test_negated_and_generic_wording_sets_no_type(void)
{
	char *phrase;

	CHECK_NULL(wording_type(split("There is no indication that data was stolen."), &phrase));
	CHECK_NULL(phrase);
	CHECK_NULL(wording_type(split("The town was hit by a cyberattack."), &phrase));
	CHECK_STR(wording_type(split("Ransomware was deployed after a phishing email."), &phrase),
		  "ransomware");
	free(phrase);
}

static void test_restored_access_is_containment_restored_services_recovery(void)
{
	char *phrase;
	int approx = -1;

	CHECK_DBL(wording_contain(split("Filtering restored access within 14 hours."), &approx, &phrase), 14);
	CHECK_INT(approx, 1);
	free(phrase);
	CHECK(wording_recover(split("Filtering restored access within 14 hours."), &phrase) < 0);
	CHECK_DBL(wording_recover(split("All services were restored after nine days."), &phrase), 216);
	free(phrase);
	CHECK(wording_contain(split("All services were restored after nine days."), &approx, &phrase) < 0);
	CHECK_DBL(wording_contain(split("The attack was contained after 30 minutes."), &approx, &phrase), 0.5);
	CHECK_INT(approx, 0);
	free(phrase);
	CHECK_DBL(wording_contain(split("It took four hours to contain the attack."), &approx, &phrase), 4);
	free(phrase);
}

static void test_victim_phrase_skips_time_phrases_and_possessives(void)
{
	char *phrase, *v;

	v = wording_victim(split("On 3 March 2024, Gemeente Beekdal suffered an attack."), &phrase);
	CHECK_STR(v, "Gemeente Beekdal");
	CHECK_STR(phrase, "On 3 March 2024, Gemeente Beekdal suffered");
	free(v);
	free(phrase);
	v = wording_victim(split("The Stad Rivierenbeek’s website was hit by a DDoS attack."), &phrase);
	CHECK_STR(v, "Stad Rivierenbeek");
	free(v);
	free(phrase);
	v = wording_victim(split("“Ville de Montval” fell victim to ransomware."), &phrase);
	CHECK_STR(v, "Ville de Montval");
	free(v);
	free(phrase);
	CHECK_NULL(wording_victim(split("A Dutch municipality suffered an attack."), &phrase));
	CHECK_NULL(phrase);
}

static void test_day_needs_the_same_month_and_year(void)
{
	char *phrase;

	CHECK_INT(wording_day(split("It began on or about 2 March 2024."), 2024, 3, &phrase), 2);
	CHECK_STR(phrase, "on or about 2 March 2024");
	free(phrase);
	CHECK_INT(wording_day(split("It began on 2 March 2023."), 2024, 3, &phrase), 0);
	CHECK_INT(wording_day(split("It began on March 2."), 2024, 3, &phrase), 0);
	CHECK_NULL(phrase);
}

/*
 * Runs every wording rule over `reps` copies of `chunk` as one sentence and
 * returns the words the searches visited.
 */
static size_t steps_over(const char *chunk, size_t reps)
{
	struct buf b = BUF_INIT;
	size_t before = words_steps();
	const struct words *t;
	const char *kind;
	char *phrase, *victim;
	int approximate;

	buf_adds(&b, "Stad Gent suffered an attack");
	for (size_t i = 0; i < reps; i++)
		buf_addf(&b, " %s", chunk);
	t = split(b.buf);
	victim = wording_victim(t, &phrase);
	free(victim);
	free(phrase);
	wording_day(t, 2025, 3, &phrase);
	free(phrase);
	wording_public(t, 0, &kind, &phrase);
	free(phrase);
	wording_public(t, 1, &kind, &phrase);
	free(phrase);
	wording_type(t, &phrase);
	free(phrase);
	wording_affected(t, &phrase);
	free(phrase);
	wording_contain(t, &approximate, &phrase);
	free(phrase);
	wording_recover(t, &phrase);
	free(phrase);
	buf_release(&b);
	return words_steps() - before;
}

/*
 * A page's text may be megabytes long: four times the words may cost about
 * four times the work, never sixteen. Each chunk repeats what one rule looks
 * at again and again within one long sentence.
 */
static void test_wording_work_grows_linearly_with_the_text(void)
{
	static const char *const chunks[] = {
		"was restored within two hours of the discovery",	/* durations */
		"in in in in after after took took",
		"no ransomware and not a data leak, without phishing",	/* negated types */
		"the town of 41,000 inhabitants in 2024 on 3 March 2024",	/* counts, dates */
		"lorem ipsum dolor sit amet",
	};

	for (size_t i = 0; i < ARRAY_SIZE(chunks); i++) {
		size_t small = steps_over(chunks[i], 500), large = steps_over(chunks[i], 2000);

		if (large > 5 * small)
			test_fail(__FILE__, __LINE__, "'%s': %zu steps for 500 copies, %zu for 2000",
				  chunks[i], small, large);
	}
}

int main(void)
{
	test_run("years, times, percentages and appointments are not counts of people",
		 test_years_times_percentages_and_appointments_are_not_counts);
	test_run("counts in words and in millions are read",
		 test_counts_in_words_and_millions_are_read);
	test_run("public words match whole words, with the documented false friends",
		 test_public_words_match_whole_words_with_documented_false_friends);
	test_run("public words match across accents and letter case",
		 test_accents_and_case_fold_in_public_words);
	test_run("in a name the institution decides over the place",
		 test_the_institution_decides_over_the_place_in_a_name);
	test_run("negated or generic wording sets no type",
		 test_negated_and_generic_wording_sets_no_type);
	test_run("'restored access' is containment, restored services recovery",
		 test_restored_access_is_containment_restored_services_recovery);
	test_run("the victim skips a leading time phrase, possessives and quotes",
		 test_victim_phrase_skips_time_phrases_and_possessives);
	test_run("the day needs the page's month and year",
		 test_day_needs_the_same_month_and_year);
	test_run("wording work grows linearly with the text",
		 test_wording_work_grows_linearly_with_the_text);
	for (size_t i = 0; i < ARRAY_SIZE(slots); i++)
		words_release(&slots[i]);
	return test_done();
}
