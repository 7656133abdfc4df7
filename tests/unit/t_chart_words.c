/*
 * The words of charts (lang/lang.h) and the tables the briefing gives
 * them (i18n_chart_words()): a French chart says its months, markers, notes and
 * tiles in French with a decimal comma; English stays the default.
 *
 * Charts reach the briefing as images, which pdftotext cannot read, so the
 * words are checked here, on the chart data the adapter builds.
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "charts/fromquery.h"
#include "lang/lang.h"

#define NBSP "\xc2\xa0"

static size_t col(const struct query_result *r, const char *name)
{
	int i = query_column_index(r, name);

	if (i < 0) {
		fprintf(stderr, "# no column '%s' in '%s'\n", name, r->query->name);
		exit(1);
	}
	return (size_t)i;
}

static struct query_result *result(const char *query, long long n)
{
	struct query_result *r = query_result_new(query_find(query));

	query_period_month(&r->meta.period, 2024, 4);
	query_period_previous(&r->meta.period, &r->meta.previous);
	r->meta.n = n;
	return r;
}

static void words_number_and_percent_follow_the_table(void)
{
	const struct chart_words *fr = i18n_chart_words(LANG_FR);
	struct buf b = BUF_INIT;

	i18n_real(&b, chart_words_or_en(NULL)->lang, 1234.5, 1);
	CHECK_STR(b.buf, "1,234.5");
	buf_reset(&b);
	i18n_real(&b, fr->lang, 1234.5, 1);
	CHECK_STR(b.buf, "1" NBSP "234,5");
	buf_reset(&b);
	i18n_percent(&b, fr->lang, 0.314);
	CHECK_STR(b.buf, "31" NBSP "%");
	buf_reset(&b);
	chart_words_fill(&b, "{1} of {2}, 100%", "a", "b");
	CHECK_STR(b.buf, "a of b, 100%");
	buf_reset(&b);
	/* A pattern with more placeholders than strings keeps the rest. */
	chart_words_fill(&b, "{1} {2} {3}", "a", NULL);
	CHECK_STR(b.buf, "a {2} {3}");
	buf_release(&b);
	CHECK(i18n_chart_words(LANG_EN) == &chart_words_en);
}

/* The placeholders "{1}".."{9}" a pattern takes, as a bit set. */
static unsigned placeholders(const char *s)
{
	unsigned set = 0;

	for (; *s; s++)
		if (s[0] == '{' && s[1] >= '1' && s[1] <= '9' && s[2] == '}')
			set |= 1u << (s[1] - '0');
	return set;
}

static void every_language_gives_every_word_with_the_same_conversions(void)
{
	/* After its language, struct chart_words is strings only: walk them as an array. */
	size_t first = offsetof(struct chart_words, month_short) / sizeof(const char *);
	size_t nr = sizeof(struct chart_words) / sizeof(const char *);
	const char *const *en = (const char *const *)(const void *)&chart_words_en;

	for (int lang = 0; lang < LANG_NR; lang++) {
		const struct chart_words *t = i18n_chart_words((enum lang)lang);
		const char *const *w = (const char *const *)(const void *)t;

		CHECK_INT(t->lang, lang);
		for (size_t i = first; i < nr; i++) {
			CHECK(w[i] != NULL);
			if (w[i])
				CHECK_INT(placeholders(w[i]), placeholders(en[i]));
			if (w[i])
				CHECK(!strchr(w[i], '%') || !strstr(w[i], "%s"));
		}
	}
}

static void a_french_month_chart_has_french_month_labels(void)
{
	const struct chart_words *fr = i18n_chart_words(LANG_FR);
	struct query_result *r = query_result_new(query_find("by-month"));
	struct query_chart qc;

	query_period_range(&r->meta.period, "2023-12-01", "2024-04-30");
	r->meta.n = 3;
	r->meta.left_out = 2;
	query_set_text(query_result_add_row(r), col(r, "month"), "2023-12");
	query_set_text(query_result_add_row(r), col(r, "month"), "2024-04");
	CHECK_INT(query_chart_init(&qc, r, CHART_LINE, NULL, fr), 0);
	CHECK(qc.data.words == fr);
	CHECK_STR(qc.data.labels[0], "déc. 2023");
	CHECK_STR(qc.data.labels[1], "avr. 2024");
	CHECK_STR(qc.data.unit, "incidents");
	CHECK_STR(qc.data.compare.name, "un an plus tôt");
	CHECK_STR(qc.data.title, "Incidents par mois");
	CHECK_STR(qc.data.note, "2 incidents datés seulement d’une période plus longue ne sont "
				"pas comptés.");
	query_chart_release(&qc);
	query_result_free(r);
}

static void a_french_distribution_has_french_markers_and_note(void)
{
	static const char *const labels[2] = { "up to 1 h", "1-24 h" };
	static const double max[2] = { 1, 24 };
	static const long long counts[3] = { 3, 10, 6 };
	struct query_result *r = result("response-time", 19);
	struct query_chart qc;

	for (int b = 0; b < 3; b++) {
		struct query_row *row = query_result_add_row(r);

		if (b < 2) {
			query_set_text(row, col(r, "bucket"), labels[b]);
			if (b)
				query_set_real(row, col(r, "min_hours"), max[b - 1]);
			query_set_real(row, col(r, "max_hours"), max[b]);
		}
		query_set_int(row, col(r, "incidents"), counts[b]);
	}
	query_add_figure(r, "known", 0, 13);
	query_add_figure(r, "median_hours", 0, 3);
	query_add_figure(r, "p90_hours", 0, 8.4);
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, i18n_chart_words(LANG_FR)), 0);
	CHECK_INT(qc.data.marker_nr, 2);
	CHECK_STR(qc.data.markers[0].label, "médiane 3 h");
	CHECK_STR(qc.data.markers[1].label, "p90 8,4 h");
	CHECK_STR(qc.data.note, "Délai de maîtrise connu pour 13 des 19 incidents.");
	query_chart_release(&qc);

	/* The same in English, and in German. */
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_STR(qc.data.markers[1].label, "p90 8.4 h");
	CHECK_STR(qc.data.note, "Time to contain known for 13 of 19 incidents.");
	query_chart_release(&qc);
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, i18n_chart_words(LANG_DE)), 0);
	CHECK_STR(qc.data.markers[0].label, "Median 3 Std.");
	CHECK_STR(qc.data.markers[1].label, "p90 8,4 Std.");
	query_chart_release(&qc);
	query_result_free(r);
}

static void french_tiles_say_their_labels_texts_and_test_in_french(void)
{
	struct query_result *r = result("overview", 19);
	struct query_row *row = query_result_add_row(r);
	struct query_chart qc;

	query_set_int(row, col(r, "incidents"), 19);
	query_set_int(row, col(r, "previous"), 10);
	query_set_int(row, col(r, "countries"), 10);
	query_set_int(row, col(r, "public"), 15);
	query_set_share(row, col(r, "public_share"), 15, 19);
	r->meta.has_test = 1;
	r->meta.p_value = 0.094;
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, i18n_chart_words(LANG_FR)), 0);
	CHECK_STR(qc.data.kpis[0].label, "Incidents");
	CHECK_STR(qc.data.kpis[1].label, "Part publique");
	CHECK_STR(qc.data.kpis[1].value_text, "79" NBSP "%*");
	CHECK_STR(qc.data.kpis[1].change_text, "15 sur 19 incidents");
	CHECK_STR(qc.data.kpis[2].label, "Pays");
	CHECK_STR(qc.data.subtitle, "avril 2024");
	CHECK_STR(qc.data.note, "Variation par rapport à mars 2024, test exact de Poisson "
				"p = 0,094. * Part calculée sur moins de 30 incidents.");
	query_chart_release(&qc);

	CHECK_INT(query_chart_init(&qc, r, -1, NULL, NULL), 0);
	CHECK_STR(qc.data.kpis[1].change_text, "15 of 19 incidents");
	CHECK_STR(qc.data.note, "Change on March 2024, exact Poisson test p = 0.094. "
				"* Share from fewer than 30 incidents.");
	query_chart_release(&qc);
	query_result_free(r);
}

static void a_french_chart_renders(void)
{
	struct query_result *r = result("by-type", 0);
	struct chart_spec spec = { .kind = CHART_BAR, .width_pt = 300, .height_pt = 200 };
	struct query_chart qc;
	struct buf png = BUF_INIT;

	/* No incidents: the chart says so in French ("Aucun incident ..."). */
	CHECK_INT(query_chart_init(&qc, r, -1, NULL, i18n_chart_words(LANG_FR)), 0);
	CHECK_INT(chart_write(&spec, &qc.data, CHART_PNG, &png), 0);
	CHECK(png.len > 0);
	buf_release(&png);
	query_chart_release(&qc);
	query_result_free(r);
}

int main(void)
{
	test_run("numbers and shares follow the words' separators",
		 words_number_and_percent_follow_the_table);
	test_run("every language gives every chart word with the same conversions",
		 every_language_gives_every_word_with_the_same_conversions);
	test_run("a French month chart has French month labels, unit and note",
		 a_french_month_chart_has_french_month_labels);
	test_run("a French distribution has French markers with a decimal comma",
		 a_french_distribution_has_french_markers_and_note);
	test_run("French tiles say their labels, texts and test in French",
		 french_tiles_say_their_labels_texts_and_test_in_french);
	test_run("a chart with French words renders", a_french_chart_renders);
	i18n_free();
	/* Fonts and fontconfig's tables, so that valgrind sees no leak. */
	chart_cleanup();
	cairo_debug_reset_static_data();
	FcFini();
	return test_done();
}
