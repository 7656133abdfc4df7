/*
 * The words of the four languages: every key of every table is there in
 * every language, and the NAICS sectors the by-sector query names in
 * English are the ones the language layer translates, so that no sector
 * stays English in a French, Dutch or German briefing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "charts/fromquery.h"
#include "lang/lang.h"
#include "report/internal.h"
#include "queries/query.h"
#include "store/incident.h"
#include "store/store.h"
#include "util/naics.h"

static void every_key_exists_in_every_language(void)
{
	struct buf problems = BUF_INIT;

	CHECK_INT((long long)i18n_check(&problems), 0);
	if (problems.len)
		fprintf(stderr, "%s", problems.buf);
	buf_release(&problems);
	/* The chart words are checked key by key in t_chart_words.c. */
}

/*
 * The words of the cover's narrative and of the table cells are messages
 * of lang/ too, so i18n_check() reviews them: each in every language, with
 * the placeholders of the English.
 */
static void the_narrative_and_cell_words_are_in_every_language(void)
{
	static const enum i18n_msg keys[] = {
		MSG_NARR_ONE, MSG_NARR_MANY, MSG_NARR_MORE, MSG_NARR_FEWER, MSG_NARR_SAME,
		MSG_NARR_SIGNIFICANT, MSG_NARR_NOT_SIGNIFICANT, MSG_NARR_PUBLIC,
		MSG_NARR_PUBLIC_CARE, MSG_NARR_PUBLIC_FEW, MSG_NARR_LEFT_OUT_ONE, MSG_NARR_LEFT_OUT,
		MSG_LIST_HIDDEN, MSG_LIST_NONE, MSG_LIST_UNKNOWN, MSG_REASON_PINNED, MSG_REASON_FIRST,
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		CHECK((size_t)keys[i] < MSG_NR);
		for (int l = 0; l < LANG_NR; l++)
			CHECK(i18n_msg((enum lang)l, keys[i]) && *i18n_msg((enum lang)l, keys[i]));
	}
	CHECK_STR(i18n_msg(LANG_DE, MSG_NARR_MORE), "{1} mehr als {2}");
	CHECK_STR(i18n_msg(LANG_FR, MSG_LIST_NONE), "aucune indiquée");
}

/* One incident in April 2024 for each two-digit NAICS prefix of a sector. */
static struct store *sector_store(void)
{
	static const char *const prefixes[] = {
		"11", "21", "22", "23", "31", "32", "33", "42", "44", "45", "48", "49", "51",
		"52", "53", "54", "55", "56", "61", "62", "71", "72", "81", "92",
	};
	struct store *st = NULL;
	char path[512], key[16], code[16];

	snprintf(path, sizeof(path), "%s/sectors.db", test_tmpdir());
	if (store_open(&st, path, STORE_WRITE) < 0)
		exit(1);
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		struct incident inc;
		enum store_put_result r;

		incident_init(&inc);
		snprintf(key, sizeof(key), "S%zu", i);
		snprintf(code, sizeof(code), "%s1110", prefixes[i]);
		inc.key = xstrdup(key);
		inc.victim = xstrdup(key);
		CHECK_INT(incident_set_date(&inc, 2024, 4, 2), 0);
		inc.public_sector = 0;
		strlist_add(&inc.sectors, code);
		CHECK_INT(store_put(st, &inc, &r), 0);
		incident_release(&inc);
	}
	return st;
}

static void every_naics_sector_is_named_in_every_language(void)
{
	struct store *st = sector_store();
	struct query_filter f;
	struct query_result *r = NULL;
	const struct naics_sector *sectors;
	size_t nr = naics_sectors(&sectors);

	query_filter_init(&f);
	CHECK_INT(query_period_parse_month(&f.period, "2024-04", NULL), 0);
	CHECK_INT(query_run(st, query_find("by-sector"), &f, &r), 0);
	CHECK_INT((long long)r->rows_nr, (long long)nr);
	for (size_t i = 0; r && i < r->rows_nr; i++) {
		const struct query_cell *code = query_cell(r, i, "sector");
		const struct query_cell *name = query_cell(r, i, "name");

		CHECK(code && !code->null && i18n_sector(LANG_EN, code->s));
		if (!code || code->null || !i18n_sector(LANG_EN, code->s))
			continue;
		/* The query's English name is the layer's: one table, two readers agree. */
		CHECK_STR(name->s, i18n_sector(LANG_EN, code->s));
	}
	for (size_t i = 0; i < nr; i++)
		for (int l = LANG_FR; l < LANG_NR; l++)
			CHECK(i18n_sector((enum lang)l, sectors[i].code) != NULL);
	CHECK_STR(i18n_sector(LANG_FR, "62"), "Soins de santé et assistance sociale");
	CHECK(i18n_sector(LANG_FR, "Retail") == NULL);
	query_result_free(r);
	store_close(st);
}

static void public_kinds_of_a_sector_row_are_translated(void)
{
	struct buf b = BUF_INIT;

	i18n_label(&b, LANG_FR, "public: municipality");
	CHECK_STR(b.buf, "public\xc2\xa0: commune");
	buf_reset(&b);
	i18n_label(&b, LANG_DE, "ransomware");
	CHECK_STR(b.buf, "Ransomware");
	buf_reset(&b);
	i18n_label(&b, LANG_NL, "Retail");
	CHECK_STR(b.buf, "Retail");
	buf_release(&b);
}

/* A by-sector row in French: the table's cell and the chart's bar say the same French name. */
static void a_sector_is_french_in_the_table_and_on_the_chart(void)
{
	struct query_result *r = query_result_new(query_find("by-sector"));
	struct query_row *row = query_result_add_row(r);
	struct query_chart_request req = { .kind = -1, .lang = LANG_FR };
	struct query_chart qc;
	struct buf cell = BUF_INIT;

	query_period_month(&r->meta.period, 2024, 4);
	r->meta.n = 40;
	query_set_text(row, (size_t)query_column_index(r, "sector"), "62");
	query_set_text(row, (size_t)query_column_index(r, "name"), "Health care and social assistance");
	query_set_bool(row, (size_t)query_column_index(r, "public"), 0);
	query_set_int(row, (size_t)query_column_index(r, "incidents"), 40);
	query_set_share(row, (size_t)query_column_index(r, "share"), 40, 40);
	cell_format(&cell, LANG_FR, r, 0, (size_t)query_column_index(r, "name"), 0);
	CHECK_STR(cell.buf, "Soins de santé et assistance sociale");
	CHECK_INT(query_chart_build(&qc, r, &req), 0);
	CHECK_STR(qc.data.labels[0], cell.buf);
	CHECK_STR(qc.data.subtitle, "avril 2024");
	query_chart_release(&qc);
	buf_release(&cell);
	query_result_free(r);
}

int main(void)
{
	test_run("the narrative and cell words are in every language",
		 the_narrative_and_cell_words_are_in_every_language);
	test_run("every key exists in every language", every_key_exists_in_every_language);
	test_run("every NAICS sector is named in every language",
		 every_naics_sector_is_named_in_every_language);
	test_run("public kinds of a sector row are translated",
		 public_kinds_of_a_sector_row_are_translated);
	test_run("a sector is French in the table and on the chart",
		 a_sector_is_french_in_the_table_and_on_the_chart);
	i18n_free();
	return test_done();
}
