/*
 * One share, one spelling: a table of shares goes through every place
 * that prints one (a chart's share label, the KPI tile of the public
 * share, the cover's narrative, a table cell and a template's key figure)
 * and each must print what i18n_percent() prints, which rounds half away
 * from zero: 1 of 8 is "13%" everywhere.
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "charts/draw.h"
#include "charts/fromquery.h"
#include "lang/lang.h"
#include "report/internal.h"
#include "report/narrative.h"

#define NBSP "\xc2\xa0"

/* k of n, and how it must be spelt in English (French puts NBSP before "%"). */
static const struct {
	long long k, n;
	const char *en;
} shares[] = {
	{ 5, 40, "13%" },	/* 12.5 */
	{ 1, 8, "13%" },	/* 12.5, the example (starred: under 30) */
	{ 29, 200, "15%" },	/* 14.5, 14.499999999999998 in binary */
	{ 199, 200, ">99%" },	/* 99.5: not 100 */
	{ 1, 201, "<1%" },	/* 0.497: not 0 */
	{ 1, 200, "1%" },	/* 0.5 rounds to a true 1 */
	{ 10, 30, "33%" },
	{ 20, 30, "67%" },
	{ 25, 40, "63%" },	/* 62.5 */
	{ 40, 40, "100%" },
	{ 0, 40, "0%" },
};

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

/* The label a bar or donut puts on a share (charts/draw.h format_percent()). */
static void chart_label(struct buf *out, enum lang lang, double share)
{
	struct ctx c;

	memset(&c, 0, sizeof(c));
	c.words = i18n_chart_words(lang);
	format_percent(&c, out, share);
}

/* The overview's public-share tile, as the adapter writes it. */
static void kpi_tile(struct buf *out, enum lang lang, long long k, long long n)
{
	struct query_result *r = result("overview", n);
	struct query_row *row = query_result_add_row(r);
	struct query_chart qc;

	query_set_int(row, col(r, "incidents"), n);
	query_set_int(row, col(r, "previous"), n);
	query_set_int(row, col(r, "countries"), 1);
	query_set_int(row, col(r, "public"), k);
	query_set_share(row, col(r, "public_share"), k, n);
	if (query_chart_init(&qc, r, -1, NULL, i18n_chart_words(lang)) == 0) {
		size_t len;

		buf_adds(out, qc.data.kpis[1].value_text ? qc.data.kpis[1].value_text : "(none)");
		/* A share of fewer than 30 is starred; the star is not the share. */
		len = out->len;
		if (len && out->buf[len - 1] == '*')
			buf_setlen(out, len - 1);
		query_chart_release(&qc);
	}
	query_result_free(r);
}

/* The public-sector result the narrative and tables read. */
static struct query_result *public_sector(long long k, long long n)
{
	struct query_result *r = result("public-sector", n);
	struct query_row *row = query_result_add_row(r);

	query_set_text(row, col(r, "group"), "public");
	query_set_int(row, col(r, "incidents"), k);
	query_set_share(row, col(r, "share"), k, n);
	query_set_real(row, col(r, "ci_low"), 0);
	query_set_real(row, col(r, "ci_high"), 1);
	query_set_int(row, col(r, "n"), n);
	return r;
}

/* The narrative's clause on public bodies, up to its verb. */
static void narrative(struct buf *out, enum lang lang, long long k, long long n)
{
	struct query_result *ov = result("overview", n), *ps = public_sector(k, n);
	struct narrative_input in = { ov, ps };
	struct buf text = BUF_INIT;
	const char *verb = lang == LANG_FR ? " visaient" : " hit";
	const char *semi = lang == LANG_FR ? NBSP "; " : "; ";
	const char *at, *end;

	query_set_int(query_result_add_row(ov), col(ov, "incidents"), n);
	narrative_write(&text, lang, &in);
	at = strstr(text.buf, semi);
	end = at ? strstr(at, verb) : NULL;
	if (at && end)
		buf_add(out, at + strlen(semi), (size_t)(end - at - strlen(semi)));
	else
		buf_adds(out, text.buf);	/* shows what was written instead */
	buf_release(&text);
	query_result_free(ov);
	query_result_free(ps);
}

/* The share column of a table, and the same cell as a template's key figure. */
static void table_cell(struct buf *out, enum lang lang, long long k, long long n)
{
	struct query_result *r = public_sector(k, n);

	cell_format(out, lang, r, 0, col(r, "share"), 0);
	query_result_free(r);
}

static void every_place_spells_a_share_as_the_formatter_does(void)
{
	for (int lang = LANG_EN; lang <= LANG_FR; lang++) {
		for (size_t i = 0; i < sizeof(shares) / sizeof(shares[0]); i++) {
			double s = (double)shares[i].k / (double)shares[i].n;
			struct buf want = BUF_INIT, got = BUF_INIT;

			i18n_percent(&want, (enum lang)lang, s);
			if (lang == LANG_EN)
				CHECK_STR(want.buf, shares[i].en);
			chart_label(&got, (enum lang)lang, s);
			CHECK_STR(got.buf, want.buf);
			buf_reset(&got);
			kpi_tile(&got, (enum lang)lang, shares[i].k, shares[i].n);
			CHECK_STR(got.buf, want.buf);
			buf_reset(&got);
			table_cell(&got, (enum lang)lang, shares[i].k, shares[i].n);
			CHECK_STR(got.buf, want.buf);
			buf_reset(&got);
			if (shares[i].n >= 5) {
				narrative(&got, (enum lang)lang, shares[i].k, shares[i].n);
				CHECK_STR(got.buf, want.buf);
			}
			buf_release(&want);
			buf_release(&got);
		}
	}
}

static void numbers_round_half_away_from_zero(void)
{
	struct buf b = BUF_INIT;

	i18n_real(&b, LANG_EN, 2.5, 0);
	CHECK_STR(b.buf, "3");
	buf_reset(&b);
	i18n_real(&b, LANG_EN, -2.5, 0);
	CHECK_STR(b.buf, "-3");
	buf_reset(&b);
	i18n_real(&b, LANG_EN, 0.125, 2);
	CHECK_STR(b.buf, "0.13");
	buf_reset(&b);
	i18n_real(&b, LANG_FR, 1.45, 1);
	CHECK_STR(b.buf, "1,5");
	buf_reset(&b);
	i18n_real(&b, LANG_EN, -0.4, 0);
	CHECK_STR(b.buf, "0");
	buf_reset(&b);
	i18n_percent_range(&b, LANG_EN, 0.125, 0.625);
	CHECK_STR(b.buf, "13\xe2\x80\x93" "63%");
	buf_release(&b);
}

int main(void)
{
	test_run("every place spells a share as the one formatter does",
		 every_place_spells_a_share_as_the_formatter_does);
	test_run("numbers round half away from zero", numbers_round_half_away_from_zero);
	i18n_free();
	return test_done();
}
