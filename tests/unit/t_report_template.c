/*
 * Briefing templates: the shipped ones load, a good one reads as written,
 * and every kind of mistake is reported with its line and column. The bad
 * templates are files in tests/data/report/, each with the message it must
 * give in its first line ("# error: LINE:COLUMN: words").
 */
#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"
#include "charts/chart.h"
#include "report/template.h"
#include "util/buf.h"
#include "util/country.h"

static const char good[] =
	"title: {en: Monthly, fr: Mensuel}\n"
	"# the issuer is the configuration's, never a template's\n"
	"tlp: amber+strict\n"
	"default-period: year\n"
	"cover:\n"
	"  - chart: {query: overview, kind: kpi, size: [170, 40]}\n"
	"  - narrative\n"
	"sections:\n"
	"  - title: Where\n"
	"    new-page: true\n"
	"    blocks:\n"
	"      - text: \"{overview.incidents} incidents {{sic}} in {period}\"\n"
	"      - chart: {query: by-month, kind: line, period: 12-months, size: [100, 50]}\n"
	"      - table:\n"
	"          query: by-country\n"
	"          columns: [name, {column: incidents, label: {en: Count, de: Anzahl}}]\n"
	"          max-rows: 5\n"
	"      - notable: {count: 3, fields: [victim, sources],\n"
	"                  weights: {impact: 2.5, new-country: 0}}\n";

static void test_a_good_template_reads_as_written(void)
{
	struct template t;
	const struct tpl_section *s;

	CHECK_INT(template_parse(&t, "good.yaml", good, sizeof(good) - 1), 0);
	CHECK_STR(t.name, "good.yaml");
	CHECK_STR(tpl_text_get(&t.title, LANG_FR), "Mensuel");
	CHECK_STR(tpl_text_get(&t.title, LANG_NL), "Monthly");	/* falls back to English */
	CHECK_INT(t.has_tlp, 1);
	CHECK_INT(t.tlp, TLP_AMBER_STRICT);
	CHECK_INT(t.default_period, TPL_DEFAULT_YEAR);
	CHECK_INT(t.cover_nr, 2);
	CHECK_INT(t.cover[0].kind, TPL_CHART);
	CHECK_INT(t.cover[0].chart_kind, CHART_KPI);
	CHECK_INT(t.cover[1].kind, TPL_NARRATIVE);
	CHECK_INT(t.sections_nr, 1);
	s = &t.sections[0];
	CHECK_INT(s->new_page, 1);
	CHECK_INT(s->blocks_nr, 4);
	CHECK_INT(s->blocks[0].kind, TPL_TEXT);
	CHECK_INT(s->blocks[0].line, 12);
	CHECK_INT(s->blocks[1].scope, TPL_SCOPE_12_MONTHS);
	CHECK_DBL(s->blocks[1].width_mm, 100);
	CHECK_DBL(s->blocks[1].height_mm, 50);
	CHECK_STR(s->blocks[2].query->name, "by-country");
	CHECK_INT(s->blocks[2].columns_nr, 2);
	CHECK_INT(s->blocks[2].columns[1].index, 2);
	CHECK_STR(tpl_text_get(&s->blocks[2].columns[1].label, LANG_DE), "Anzahl");
	CHECK_INT(s->blocks[2].max_rows, 5);
	CHECK_INT(s->blocks[3].count, 3);
	CHECK_INT(s->blocks[3].fields, TPL_FIELD_VICTIM | TPL_FIELD_SOURCES);
	CHECK_INT(s->blocks[3].has_weights, 1);
	CHECK_DBL(s->blocks[3].weights.impact, 2.5);
	CHECK_DBL(s->blocks[3].weights.new_country, 0);
	CHECK_DBL(s->blocks[3].weights.public_body, 3);	/* not given: the default */
	template_release(&t);
}

static void test_the_shipped_templates_load(void)
{
	static const char *const names[] = { "templates/monthly.yaml", "templates/country.yaml" };

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		struct template t;

		CHECK_INT(template_load(&t, names[i]), 0);
		CHECK(t.sections_nr >= 4);
		CHECK(!t.has_tlp || t.tlp == TLP_AMBER);
		for (size_t l = 0; l < LANG_NR; l++)
			CHECK(t.title.v[l] != NULL);	/* every language has its own title */
		template_release(&t);
	}
}

/* Loads the template at `path` with stderr caught in `err`. */
static int load_catching(const char *path, struct buf *err)
{
	char tmpl[] = "/tmp/ibrief-err-XXXXXX", chunk[1024];
	int fd = mkstemp(tmpl), saved = dup(2), rc;
	struct template t;
	ssize_t n;

	fflush(stderr);
	dup2(fd, 2);
	rc = template_load(&t, path);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	lseek(fd, 0, SEEK_SET);
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		buf_add(err, chunk, (size_t)n);
	close(fd);
	unlink(tmpl);
	if (!rc)
		template_release(&t);
	return rc;
}

/* Each bad template's first line: "# error: LINE:COLUMN: words that must appear". */
static void check_bad(const char *dir, const char *name)
{
	struct buf path = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	char line[512];
	FILE *f;

	buf_addf(&path, "%s/%s", dir, name);
	f = fopen(path.buf, "r");
	if (!f || !fgets(line, sizeof(line), f) || strncmp(line, "# error: ", 9)) {
		test_fail(__FILE__, __LINE__, "%s: no '# error:' first line", path.buf);
	} else {
		line[strcspn(line, "\n")] = '\0';
		buf_addf(&want, "%s:%s", path.buf, line + 9);
		CHECK_INT(load_catching(path.buf, &got), -1);
		if (!strstr(got.buf, want.buf))
			test_fail(__FILE__, __LINE__, "%s: message\n#   %s#   lacks '%s'", name, got.buf,
				  want.buf);
	}
	if (f)
		fclose(f);
	buf_release(&path);
	buf_release(&want);
	buf_release(&got);
}

static void test_every_bad_template_fails_with_its_line_and_column(void)
{
	const char *dir = "tests/data/report";
	DIR *d = opendir(dir);
	struct dirent *e;
	int seen = 0;

	CHECK(d != NULL);
	while (d && (e = readdir(d))) {
		if (strncmp(e->d_name, "bad-", 4))
			continue;
		check_bad(dir, e->d_name);
		seen++;
	}
	if (d)
		closedir(d);
	CHECK(seen >= 10);
}

static int count_name(const char *name, size_t offset, void *arg)
{
	(void)name;
	(void)offset;
	(*(int *)arg)++;
	return 0;
}

static void test_placeholders_skip_doubled_braces_and_find_unclosed_ones(void)
{
	size_t bad = 99;
	int n = 0;

	CHECK_INT(tpl_placeholders("{{a}} {b.c} and {period}", count_name, &n, &bad), 0);
	CHECK_INT(n, 2);
	CHECK_INT(bad, 99);
	CHECK_INT(tpl_placeholders("ok {a.b} then {oops", count_name, &n, &bad), -1);
	CHECK_INT(bad, 14);
}

int main(void)
{
	test_run("a good template reads as written", test_a_good_template_reads_as_written);
	test_run("the shipped templates load", test_the_shipped_templates_load);
	test_run("every bad template fails with its line and column",
		 test_every_bad_template_fails_with_its_line_and_column);
	test_run("placeholders skip doubled braces and find unclosed ones",
		 test_placeholders_skip_doubled_braces_and_find_unclosed_ones);
	country_free();
	return test_done();
}
