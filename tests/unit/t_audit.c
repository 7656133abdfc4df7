/*
 * The briefing audit: every statement a briefing makes, held against the
 * query catalog, over the whole VERIS Community Database.
 *
 * One store is imported once from the full VCDB file; then, for every
 * country with incidents and every year in which it has any (the country
 * template), and for every month of two years (the monthly template), the
 * briefing is built by report_write() with a proof (report/report.h): the
 * same code that writes the PDF, with its charts drawn small and nothing
 * written. Each rule below is checked on each briefing, and a failure
 * names the briefing ("BE 2019", "2013-06") and the rule.
 *
 * The VCDB file is ../shared/data/vcdb/vcdb.jsonl.gz beside the checkout,
 * or $IBRIEF_VCDB; without it the audit is skipped, saying why.
 * AUDIT_DUMP="GB 2014" (or "2020-06") prints what that briefing says.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "test.h"
#include "charts/chart.h"
#include "lang/lang.h"
#include "report/report.h"
#include "store/import.h"
#include "util/country.h"

#define AUDIT_ISSUED 1717200000	/* 2024-06-01: the proof is the same every run */
#define MONTHLY_YEARS 2		/* months of the two newest whole years */

static struct store *st;
static struct template monthly, country;
static struct query_period data_end;	/* the store's newest month: unfinished */
static int have_data_end;
static long briefings;

/* The failures of one briefing are named by it. */
static char what[64];

#define AUDIT(cond, ...) \
	do { \
		if (!(cond)) { \
			char msg_[512]; \
			snprintf(msg_, sizeof(msg_), __VA_ARGS__); \
			test_fail(__FILE__, __LINE__, "%s: %s", what, msg_); \
		} \
	} while (0)

static char *csv_of(const struct query_result *r, size_t *len)
{
	char *data = NULL;
	FILE *f = open_memstream(&data, len);

	if (!f)
		abort();
	query_write_csv(f, r);
	fclose(f);
	return data;
}

static const struct report_proof_file *proof_file_named(const struct report_proof *p,
							 const char *name)
{
	for (size_t i = 0; i < p->files_nr; i++)
		if (!strcmp(p->files[i].name, name))
			return &p->files[i];
	return NULL;
}

/* The catalog's own answer for an attached file: its query, run again. */
static struct query_result *catalog_answer(const struct report_proof_file *pf,
					   const struct query_filter *f)
{
	struct query_filter g = *f;
	struct query_result *r = NULL;

	if (query_run(st, pf->query, &g, &r) < 0)
		return NULL;
	return r;
}

/* Rule 0: every attachment's name carries the briefing's marking. */
static void check_file_names(const struct report_proof *p, enum tlp tlp)
{
	size_t len = strlen(tlp_file_tag(tlp));

	for (size_t i = 0; i < p->files_nr; i++)
		AUDIT(!strncmp(p->files[i].name, tlp_file_tag(tlp), len) &&
		      p->files[i].name[len] == '_',
		      "attachment '%s' does not begin with '%s_'", p->files[i].name, tlp_file_tag(tlp));
}

/* Rule 1: each attached CSV is the catalog's answer, byte for byte. */
static void check_files(const struct report_proof *p, const struct query_filter *f)
{
	for (size_t i = 0; i < p->files_nr; i++) {
		const struct report_proof_file *pf = &p->files[i];
		struct query_result *r;
		char *csv;
		size_t len;

		/* The 12 months have a scope of their own; notable's limit is the template's. */
		if (!pf->query || pf->scope != TPL_SCOPE_REPORT || pf->query == &query_notable)
			continue;
		r = catalog_answer(pf, f);
		AUDIT(r != NULL, "attachment '%s': its query does not run", pf->name);
		if (!r)
			continue;
		csv = csv_of(r, &len);
		AUDIT(len == pf->len && !memcmp(csv, pf->data, len),
		      "attachment '%s' differs from 'ibrief query' with the same filter", pf->name);
		free(csv);
		query_result_free(r);
	}
}

/* An attached CSV as rows of fields (RFC 4180 as query_write_csv() writes it). */
struct csv {
	char **cells;		/* rows_nr x cols */
	size_t rows_nr, cols, cells_alloc;
};

static void csv_parse(struct csv *c, const char *s, size_t len)
{
	struct buf cell = BUF_INIT;
	size_t col = 0;
	int quoted = 0;

	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];

		if (quoted) {
			if (ch == '"' && i + 1 < len && s[i + 1] == '"')
				buf_addch(&cell, s[++i]);
			else if (ch == '"')
				quoted = 0;
			else
				buf_addch(&cell, ch);
		} else if (ch == '"') {
			quoted = 1;
		} else if (ch == ',' || ch == '\n') {
			size_t at = c->cols ? (c->rows_nr + 1) * c->cols + col : col;

			if (c->cols && col >= c->cols)
				abort();	/* a row longer than the header: not our CSV */
			ALLOC_GROW(c->cells, at + 1, c->cells_alloc);
			c->cells[at] = buf_detach(&cell, NULL);
			col++;
			if (ch == '\n') {
				if (!c->cols)
					c->cols = col;
				else
					c->rows_nr++;
				col = 0;
			}
		} else if (ch != '\r') {
			buf_addch(&cell, ch);
		}
	}
	buf_release(&cell);
}

static void csv_release(struct csv *c)
{
	for (size_t i = 0; i < (c->rows_nr + 1) * c->cols; i++)
		free(c->cells[i]);
	free(c->cells);
}

/* Row 0 is the header; returns the column called `name`, or -1. */
static int csv_col(const struct csv *c, const char *name)
{
	for (size_t i = 0; i < c->cols; i++)
		if (!strcmp(c->cells[i], name))
			return (int)i;
	return -1;
}

static const char *csv_at(const struct csv *c, size_t row, int col)
{
	return c->cells[(row + 1) * c->cols + (size_t)col];
}

/* A map draws each country of its shapes: each drawn value is its country's row. */
static void check_map(const struct report_proof_chart *c, const struct csv *csv, int count)
{
	int code = csv_col(csv, "country");

	AUDIT(code >= 0, "map '%s': its attachment has no country column", c->title);
	for (size_t k = 0; code >= 0 && k < c->nr; k++) {
		double want = 0;

		for (size_t r = 0; r < csv->rows_nr; r++)
			if (!strcmp(csv_at(csv, r, code), c->labels[k]))
				want = strtod(csv_at(csv, r, count), NULL);
		if (!isnan(c->values[k]))
			AUDIT(fabs(c->values[k] - want) < 0.5, "map '%s' gives %s %g, its data %g",
			      c->title, c->labels[k], c->values[k], want);
	}
}

/*
 * Rule 2: each chart shows its attached data. A map's countries one by
 * one; any other chart adds up to its rows, or to its rows of a known
 * value when it leaves "unknown" out (a distribution of known times).
 */
static void check_charts(const struct report_proof *p)
{
	for (size_t i = 0; i < p->charts_nr; i++) {
		const struct report_proof_chart *c = &p->charts[i];
		const struct report_proof_file *pf = proof_file_named(p, c->file);
		struct csv csv;
		double sum = 0, all = 0, known = 0;
		int count;

		AUDIT(pf != NULL, "chart '%s' has no attachment '%s'", c->title ? c->title : "",
		      c->file);
		if (!pf || c->kind == CHART_KPI)
			continue;	/* tiles show the overview's figures, checked as text */
		csv_parse(&csv, pf->data, pf->len);
		count = csv_col(&csv, "incidents");
		AUDIT(count >= 0, "chart '%s': attachment '%s' has no column 'incidents'", c->title,
		      c->file);
		if (count >= 0 && c->kind == CHART_MAP)
			check_map(c, &csv, count);
		for (size_t r = 0; count >= 0 && r < csv.rows_nr; r++) {
			double v = strtod(csv_at(&csv, r, count), NULL);

			all += v;
			if (*csv_at(&csv, r, 0))
				known += v;
		}
		for (size_t k = 0; k < c->nr; k++)
			if (!isnan(c->values[k]))
				sum += c->values[k];
		if (count >= 0 && c->kind != CHART_MAP)
			AUDIT(fabs(sum - all) < 0.5 || fabs(sum - known) < 0.5,
			      "chart '%s' adds up to %g, its attachment '%s' to %g (%g known)",
			      c->title, sum, c->file, all, known);
		csv_release(&csv);
	}
}

/*
 * Rule 3 and 4: "provisional" only for a period that reaches into the
 * store's newest month (its data is not complete) or past it; no
 * significance claimed on such a period.
 */
static void check_provisional(const struct report_proof *p, const struct query_filter *f)
{
	const struct query_period *per = &f->period;
	int holds = have_data_end && strcmp(per->to, data_end.from) >= 0;
	int says = strstr(p->text.buf, "provisional") != NULL;

	AUDIT(!says || holds, "says 'provisional' but the period ends before %s, the newest month",
	      data_end.label);
	AUDIT(p->provisional == holds, "provisional is %d, but the period %s into the newest month",
	      p->provisional, holds ? "reaches" : "does not reach");
	if (holds)
		AUDIT(!strstr(p->text.buf, "significant change"),
		      "claims a significant change, or none, over a provisional period");
}

/* Rule 5: empty-state messages agree with the counts. */
static void check_empty(const struct report_proof *p, long long n)
{
	int says_none = strstr(p->text.buf, "No incidents in this period") != NULL;
	struct buf among_n = BUF_INIT;

	buf_adds(&among_n, "among the ");
	i18n_int(&among_n, LANG_EN, n);
	buf_addch(&among_n, ' ');

	AUDIT(!says_none || n == 0, "says 'No incidents in this period' with %lld incidents", n);
	for (size_t i = 0; i < p->charts_nr; i++) {
		const struct report_proof_chart *c = &p->charts[i];

		if (!c->empty)
			continue;
		const char *among = strstr(c->empty, "among the ");

		AUDIT(n == 0 || !strstr(c->empty, "No incidents in this period"),
		      "chart '%s' says '%s' with %lld incidents", c->title, c->empty, n);
		AUDIT(!among || !strncmp(among, among_n.buf, among_n.len),
		      "chart '%s' says '%s' with %lld incidents", c->title, c->empty, n);
	}
	buf_release(&among_n);
}

/* Rule 6: the title names the filters. */
static void check_title(const struct report_proof *p, const struct query_filter *f)
{
	for (size_t i = 0; f->countries && i < f->countries->n; i++) {
		const char *name = i18n_country(LANG_EN, f->countries->v[i]);

		AUDIT(name && strstr(p->title, name), "title '%s' does not name %s", p->title,
		      f->countries->v[i]);
	}
}

/* Rule 7: the public share is printed as the one formatter spells it. */
static void check_share(const struct report_proof *p, const struct query_filter *f)
{
	struct query_result *r = NULL;
	const struct query_cell *share;
	struct buf s = BUF_INIT;

	if (query_run(st, query_find("public-sector"), f, &r) < 0) {
		AUDIT(0, "public-sector does not run");
		return;
	}
	share = query_cell(r, 0, "share");
	if (share && !share->null && strstr(p->text.buf, "%")) {
		i18n_percent(&s, LANG_EN, share->r);
		AUDIT(strstr(p->text.buf, s.buf) != NULL,
		      "public share %g is not printed as '%s'", share->r, s.buf);
	}
	buf_release(&s);
	query_result_free(r);
}

/*
 * Rule 8: the cover's count is the overview's, nothing is said of the
 * spread of fewer than ten times, and no placeholder stands for a fact.
 */
static void check_words(const struct report_proof *p, const struct query_filter *f,
			long long n)
{
	struct query_result *rt = NULL;
	const struct query_figure *known;
	struct buf s = BUF_INIT;

	i18n_int(&s, LANG_EN, n);
	buf_addf(&s, " incident%s in ", n == 1 ? "" : "s");
	AUDIT(n == 0 || strstr(p->text.buf, s.buf), "the cover does not say '%s'", s.buf);
	AUDIT(!strstr(p->text.buf, "Example CERT"), "prints the placeholder issuer 'Example CERT'");
	if (query_run(st, query_find("response-time"), f, &rt) == 0) {
		known = query_figure(rt, "known");
		AUDIT(!strstr(p->text.buf, "nine in ten") || (known && !known->null && known->value >= 10),
		      "says 'nine in ten' of %g times", known && !known->null ? known->value : 0.0);
	}
	query_result_free(rt);
	buf_release(&s);
}

static void audit_one(const struct template *t, struct query_filter *f)
{
	struct report_options o;
	struct report_summary sum;
	struct report_proof p;
	struct query_result *ov = NULL;

	memset(&o, 0, sizeof(o));
	report_proof_init(&p);
	o.template = t;
	o.filter = f;
	o.lang = LANG_EN;
	o.tlp = TLP_DEFAULT;
	o.data_dir = "data";
	o.issued = AUDIT_ISSUED;
	o.proof = &p;
	briefings++;
	if (report_write(st, &o, &sum) < 0) {
		AUDIT(0, "the briefing cannot be built");
		goto out;
	}
	report_summary_release(&sum);
	if (getenv("AUDIT_DUMP") && !strcmp(getenv("AUDIT_DUMP"), what))
		printf("%s\n%s", p.title, p.text.buf);
	if (query_run(st, query_find("overview"), f, &ov) < 0) {
		AUDIT(0, "overview does not run");
		goto out;
	}
	check_file_names(&p, o.tlp);
	check_files(&p, f);
	check_charts(&p);
	check_provisional(&p, f);
	check_empty(&p, ov->meta.n);
	check_title(&p, f);
	check_share(&p, f);
	check_words(&p, f, ov->meta.n);
out:
	query_result_free(ov);
	report_proof_release(&p);
}

static void every_country_year(void)
{
	for (int y = 1971; y <= 2030; y++) {
		struct query_filter f;
		struct query_result *r = NULL;

		query_filter_init(&f);
		query_period_year(&f.period, y);
		if (query_run(st, query_find("by-country"), &f, &r) < 0) {
			CHECK(!"by-country runs");
			return;
		}
		for (size_t i = 0; i < r->rows_nr; i++) {
			const struct query_cell *cc = query_cell(r, i, "country");
			const char *one[1];
			struct strlist countries = { 0 };

			if (!cc || cc->null)
				continue;
			one[0] = cc->s;
			countries.v = (char **)one;
			countries.n = 1;
			f.countries = &countries;
			snprintf(what, sizeof(what), "%s %d", cc->s, y);
			audit_one(&country, &f);
			f.countries = NULL;
		}
		query_result_free(r);
	}
}

static void every_month(void)
{
	int last = atoi(data_end.from);

	for (int y = last - MONTHLY_YEARS + 1; y <= last; y++)
		for (int m = 1; m <= 12; m++) {
			struct query_filter f;

			query_filter_init(&f);
			query_period_month(&f.period, y, m);
			snprintf(what, sizeof(what), "%04d-%02d", y, m);
			audit_one(&monthly, &f);
		}
}

static void test_audit(void)
{
	every_country_year();
	every_month();
	printf("# audited %ld briefings\n", briefings);
	CHECK(briefings > 500);
}

static int setup(const char *vcdb)
{
	const char *paths[1] = { vcdb };
	struct import_options io = { 0 };
	struct import_totals tot;
	struct query_filter all;
	struct buf db = BUF_INIT;
	int ret;

	buf_addf(&db, "%s/vcdb.db", test_tmpdir());
	ret = store_open(&st, db.buf, STORE_WRITE);
	buf_release(&db);
	if (ret < 0 || import_files(st, paths, 1, &io, &tot) < 0)
		return -1;
	if (template_load(&monthly, "templates/monthly.yaml") < 0 ||
	    template_load(&country, "templates/country.yaml") < 0)
		return -1;
	query_filter_init(&all);
	have_data_end = query_latest_month(st, &all, &data_end) == 1;
	return have_data_end ? 0 : -1;
}

int main(void)
{
	const char *vcdb = getenv("IBRIEF_VCDB");

	if (!vcdb)
		vcdb = "../shared/data/vcdb/vcdb.jsonl.gz";
	if (access(vcdb, R_OK) != 0) {
		printf("ok - the briefing audit # SKIP no VCDB file at %s\n", vcdb);
		return 0;
	}
	if (setup(vcdb) < 0) {
		printf("not ok - the briefing audit: cannot set up the VCDB store\n");
		return 1;
	}
	test_run("every briefing of the VCDB store says only what the catalog says", test_audit);
	template_release(&monthly);
	template_release(&country);
	store_close(st);
	i18n_free();
	/* What cli/main.c frees at exit, so that leak checkers see a clean one. */
	chart_cleanup();
	cairo_debug_reset_static_data();
	FcFini();
	return test_done();
}
