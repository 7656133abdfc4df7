/*
 * The briefing's languages: months, dates, periods, numbers, the
 * vocabulary, country names from iso-codes' catalogues, and the default
 * file names of briefings.
 */
#include <stdlib.h>

#include "test.h"
#include "lang/lang.h"
#include "report/internal.h"
#include "report/report.h"
#include "util/tlp.h"
#include "util/country.h"

#define NBSP "\xc2\xa0"

static void check_buf(struct buf *b, const char *want)
{
	CHECK_STR(b->buf, want);
	buf_reset(b);
}

static void test_month_names_and_dates_read_as_each_language_writes_them(void)
{
	struct buf b = BUF_INIT;

	CHECK_STR(i18n_month(LANG_FR, 8), "août");
	CHECK_STR(i18n_month(LANG_DE, 3), "März");
	i18n_date(&b, LANG_EN, "2024-04-08");
	check_buf(&b, "8 April 2024");
	i18n_date(&b, LANG_FR, "2024-04-08");
	check_buf(&b, "8 avril 2024");
	i18n_date(&b, LANG_NL, "2024-04");
	check_buf(&b, "april 2024");
	i18n_date(&b, LANG_DE, "2024-04-08");
	check_buf(&b, "8. April 2024");
	i18n_date(&b, LANG_DE, "2024");
	check_buf(&b, "2024");
	i18n_date(&b, LANG_EN, "not a date");
	check_buf(&b, "not a date");
	buf_release(&b);
}

static void test_periods_have_labels_and_sentence_forms(void)
{
	struct query_period p;
	struct buf b = BUF_INIT;

	query_period_month(&p, 2024, 4);
	i18n_period(&b, LANG_FR, &p);
	check_buf(&b, "avril 2024");
	i18n_in_period(&b, LANG_DE, &p, 0);
	check_buf(&b, "im April 2024");
	i18n_in_period(&b, LANG_EN, &p, 1);
	check_buf(&b, "in April");
	query_period_quarter(&p, 2024, 2);
	i18n_period(&b, LANG_FR, &p);
	check_buf(&b, "T2 2024");
	i18n_period(&b, LANG_NL, &p);
	check_buf(&b, "K2 2024");
	query_period_year(&p, 2023);
	i18n_in_period(&b, LANG_DE, &p, 0);
	check_buf(&b, "im Jahr 2023");
	query_period_range(&p, "2024-01-15", "2024-03-10");
	i18n_period(&b, LANG_EN, &p);
	check_buf(&b, "15 January 2024 – 10 March 2024");
	i18n_in_period(&b, LANG_FR, &p, 0);
	check_buf(&b, "du 15 janvier 2024 au 10 mars 2024");
	buf_release(&b);
}

static void test_numbers_use_the_language_separators(void)
{
	struct buf b = BUF_INIT;

	i18n_int(&b, LANG_EN, 1234567);
	check_buf(&b, "1,234,567");
	i18n_int(&b, LANG_FR, 12400);
	check_buf(&b, "12" NBSP "400");
	i18n_int(&b, LANG_DE, -12400);
	check_buf(&b, "-12.400");
	i18n_int(&b, LANG_NL, 999);
	check_buf(&b, "999");
	i18n_real(&b, LANG_DE, 8.4, 1);
	check_buf(&b, "8,4");
	i18n_real(&b, LANG_EN, 12345.5, 1);
	check_buf(&b, "12,345.5");
	i18n_real(&b, LANG_EN, -0.01, 1);
	check_buf(&b, "0.0");
	i18n_percent(&b, LANG_EN, 0.3095);
	check_buf(&b, "31%");
	i18n_percent(&b, LANG_FR, 0.3095);
	check_buf(&b, "31" NBSP "%");
	i18n_percent(&b, LANG_EN, 1.0 / 381);
	check_buf(&b, "<1%");
	i18n_percent(&b, LANG_EN, 0);
	check_buf(&b, "0%");
	i18n_percent_range(&b, LANG_NL, 0.19, 0.464);
	check_buf(&b, "19–46%");
	buf_release(&b);
}

static void test_country_names_come_from_iso_codes_in_each_language(void)
{
	CHECK_STR(i18n_country(LANG_EN, "BE"), "Belgium");
	CHECK_STR(i18n_country(LANG_FR, "BE"), "Belgique");
	CHECK_STR(i18n_country(LANG_NL, "BE"), "België");
	CHECK_STR(i18n_country(LANG_DE, "BE"), "Belgien");
	CHECK_STR(i18n_country(LANG_FR, "CZ"), "Tchéquie");
	CHECK_STR(i18n_country(LANG_DE, "NL"), "Niederlande");
	CHECK_STR(i18n_country(LANG_FR, "ZZ"), "ZZ");	/* not ISO: the code itself */
	i18n_free();
	CHECK_STR(i18n_country(LANG_NL, "DE"), "Duitsland");	/* loaded again */
}

static void test_the_catalogue_reader_finds_messages_and_rejects_other_files(void)
{
	char *s = i18n_mo_lookup("/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo", "Germany");

	CHECK_STR(s, "Deutschland");
	free(s);
	CHECK_NULL(i18n_mo_lookup("/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo", "Atlantis"));
	CHECK_NULL(i18n_mo_lookup("templates/monthly.yaml", "Germany"));
	CHECK_NULL(i18n_mo_lookup("/nonexistent.mo", "Germany"));
}

static void test_the_vocabulary_and_messages_are_translated(void)
{
	struct buf b = BUF_INIT;
	const char *args[2] = { "2", "7" };

	CHECK_STR(i18n_vocab(LANG_FR, "ransomware"), "rançongiciel");
	CHECK_STR(i18n_vocab(LANG_DE, "municipality"), "Gemeinde");
	CHECK_NULL(i18n_vocab(LANG_DE, "T1078 Valid Accounts"));
	CHECK_STR(i18n_column(LANG_NL, "share"), "Aandeel");
	CHECK_STR(i18n_column(LANG_NL, "no_such_column"), "no_such_column");
	i18n_fill(&b, i18n_msg(LANG_DE, MSG_PAGE_OF), args, 2);
	check_buf(&b, "Seite 2 von 7");
	i18n_fill(&b, "{1} of {3}", args, 2);
	check_buf(&b, "2 of {3}");
	CHECK_INT(i18n_lang_parse("NL"), LANG_NL);
	CHECK_INT(i18n_lang_parse("es"), -1);
	buf_release(&b);
}

static void test_tlp_labels_are_written_exactly(void)
{
	CHECK_INT(tlp_parse("amber+strict"), TLP_AMBER_STRICT);
	CHECK_INT(tlp_parse("TLP:RED"), TLP_RED);
	CHECK_INT(tlp_parse("WHITE"), TLP_CLEAR);
	CHECK_INT(tlp_parse("TLP: Amber"), -1);
	CHECK_STR(tlp_label(TLP_CLEAR), "TLP:CLEAR");
	CHECK_STR(tlp_label(TLP_AMBER_STRICT), "TLP:AMBER+STRICT");
}

static void test_notable_reasons_are_said_in_the_briefing_language(void)
{
	struct buf b = BUF_INIT;
	const char *why = "pinned by an analyst; public body (hospital); 12,400 affected; "
			  "contained after 8.5 days; ransomware; first in Ireland for 12 months; "
			  "something new";

	reasons_format(&b, LANG_EN, why);
	check_buf(&b, why);
	reasons_format(&b, LANG_DE, why);
	check_buf(&b, "von einem Analysten markiert; öffentliche Stelle (Krankenhaus); 12.400 "
		      "Personen oder Datensätze betroffen; eingedämmt nach 8,5 Tg.; Ransomware; "
		      "der erste in Irland seit 12 Monaten; something new");
	reasons_format(&b, LANG_FR, "public body; 1,900 affected");
	check_buf(&b, "organisme public" NBSP "; 1" NBSP "900 personnes ou enregistrements touchés");
	buf_release(&b);
}

static void test_cells_print_counts_shares_and_names_as_the_reader_reads_them(void)
{
	struct query_result *r = query_result_new(query_find("by-country"));
	struct query_row *row = query_result_add_row(r);
	struct buf b = BUF_INIT;

	r->meta.n = 19;
	query_set_text(row, 0, "BE");
	query_set_text(row, 1, "Belgium");
	query_set_int(row, 2, 12400);
	query_set_share(row, 3, 7, 19);
	row = query_result_add_row(r);
	query_set_int(row, 2, 2);
	query_set_share(row, 3, 2, 3);
	cell_format(&b, LANG_NL, r, 0, 1, 1);
	check_buf(&b, "België");
	cell_format(&b, LANG_DE, r, 0, 2, 1);
	check_buf(&b, "12.400");
	cell_format(&b, LANG_EN, r, 0, 3, 1);
	check_buf(&b, "37%*");	/* fewer than 30: marked */
	cell_format(&b, LANG_EN, r, 1, 3, 1);
	check_buf(&b, "–");	/* fewer than 5: not given */
	cell_format(&b, LANG_EN, r, 1, 0, 1);
	check_buf(&b, "–");
	real_format(&b, LANG_FR, 8.4);
	check_buf(&b, "8,4");
	real_format(&b, LANG_EN, 0.0945);
	check_buf(&b, "0.09");
	query_result_free(r);
	buf_release(&b);
}

static void check_name(struct query_filter *f, const char *want)
{
	struct buf b = BUF_INIT;

	report_default_name(&b, f);
	CHECK_STR(b.buf, want);
	buf_release(&b);
}

static void test_default_file_names_say_what_the_briefing_is(void)
{
	struct query_filter f;
	struct strlist countries = STRLIST_INIT;

	query_filter_init(&f);
	query_period_month(&f.period, 2024, 4);
	check_name(&f, "briefing-2024-04.pdf");
	query_period_quarter(&f.period, 2024, 2);
	check_name(&f, "briefing-2024-Q2.pdf");
	strlist_add(&countries, "BE");
	f.countries = &countries;
	query_period_year(&f.period, 2023);
	check_name(&f, "briefing-BE-2023.pdf");
	query_period_range(&f.period, "2024-01-15", "2024-03-10");
	check_name(&f, "briefing-BE-2024-01-15-to-2024-03-10.pdf");
	strlist_add(&countries, "NL");
	query_period_all(&f.period);
	check_name(&f, "briefing-BE-NL-all.pdf");
	f.countries = NULL;
	query_period_month(&f.period, 2024, 4);
	f.public_only = 1;
	f.type = "denial of service";
	f.sector = "Health care";
	check_name(&f, "briefing-2024-04-public-denial-of-service-health-care.pdf");
	strlist_release(&countries);
}

int main(void)
{
	test_run("month names and dates read as each language writes them",
		 test_month_names_and_dates_read_as_each_language_writes_them);
	test_run("periods have labels and sentence forms", test_periods_have_labels_and_sentence_forms);
	test_run("numbers use the language's separators", test_numbers_use_the_language_separators);
	test_run("country names come from iso-codes in each language",
		 test_country_names_come_from_iso_codes_in_each_language);
	test_run("the catalogue reader finds messages and rejects other files",
		 test_the_catalogue_reader_finds_messages_and_rejects_other_files);
	test_run("the vocabulary and messages are translated",
		 test_the_vocabulary_and_messages_are_translated);
	test_run("TLP labels are written exactly", test_tlp_labels_are_written_exactly);
	test_run("notable reasons are said in the briefing's language",
		 test_notable_reasons_are_said_in_the_briefing_language);
	test_run("cells print counts, shares and names as the reader reads them",
		 test_cells_print_counts_shares_and_names_as_the_reader_reads_them);
	test_run("default file names say what the briefing is",
		 test_default_file_names_say_what_the_briefing_is);
	i18n_free();
	country_free();
	return test_done();
}
