/*
 * Tracker pages saved as HTML (store/html.c, through the page reader in
 * store/page.c): every page of the tests, saved as a browser would
 * (tests/data/page-html/make.py wrote them and their MANIFEST), reads as
 * the same page saved as text; and the text of HTML by itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "store/html.h"
#include "store/parse.h"
#include "parse_fixture.h"

#define MANIFEST "tests/data/page-html/MANIFEST"

/* The good record the text file gave as its record `n`, or NULL. */
static const struct incident *record_n(const struct run *r, long n)
{
	for (size_t i = 0; i < r->nr; i++)
		if (r->inc[i].record == n)
			return &r->inc[i];
	return NULL;
}

/*
 * What a message says after "record N: ", up to its line end, with tabs as
 * spaces (the HTML reader keeps a table row's cells apart by tabs, and a
 * message may quote the row): the part that does not depend on where the
 * page was in its file. NULL when no message is about record `n`.
 */
static char *message_of(const char *err, long n)
{
	char want[32];
	const char *p, *end;
	char *s;

	snprintf(want, sizeof(want), ": record %ld: ", n);
	p = strstr(err, want);
	if (!p)
		return NULL;
	p += strlen(want);
	end = strchr(p, '\n');
	s = xstrndup(p, end ? (size_t)(end - p) : strlen(p));
	for (char *t = s; *t; t++)
		if (*t == '\t')
			*t = ' ';
	return s;
}

static void compare_one(const char *html, const char *text, long n)
{
	struct run rt, rh;
	const struct incident *want, *got;
	char *want_msg, *got_msg;

	run_parser(&rt, page_parse, "page", text, 1, 0);
	run_parser(&rh, page_parse, "page", html, 1, 0);
	want = record_n(&rt, n);
	got = rh.nr ? &rh.inc[0] : NULL;
	want_msg = message_of(rt.err, n);
	got_msg = message_of(rh.err, 1);
	if (want && !got) {
		test_fail(__FILE__, __LINE__, "%s: no incident, but %s page %ld gives '%s'; messages:\n%s",
			  html, text, n, want->victim, rh.err);
	} else if (want) {
		if (incident_digest(want) != incident_digest(got) || strcmp(want->key, got->key))
			test_fail(__FILE__, __LINE__, "%s: incident '%s' differs from %s page %ld ('%s')",
				  html, got->key, text, n, want->key);
		if (strcmp(got->file, html) || got->line <= 0 || rh.nr != 1)
			test_fail(__FILE__, __LINE__, "%s: provenance %s:%ld, %zu records", html,
				  got->file, got->line, rh.nr);
	} else if (!want_msg || !got_msg || strcmp(want_msg, got_msg)) {
		test_fail(__FILE__, __LINE__, "%s: says '%s' where %s page %ld says '%s'", html,
			  got_msg ? got_msg : "(nothing)", text, n, want_msg ? want_msg : "(nothing)");
	}
	free(want_msg);
	free(got_msg);
	run_release(&rt);
	run_release(&rh);
}

static void test_every_page_saved_as_html_reads_as_its_text(void)
{
	FILE *f = fopen(MANIFEST, "r");
	char html[512], text[512];
	long n;
	int pages = 0;

	if (!f) {
		test_fail(__FILE__, __LINE__, "cannot open " MANIFEST);
		return;
	}
	while (fscanf(f, "%511s %511s %ld", html, text, &n) == 3) {
		compare_one(html, text, n);
		pages++;
	}
	fclose(f);
	CHECK(pages >= 30);
}

/* The visible text of `html`, its lines joined by '|'; "ERROR" when it fails. */
static char *text_of(const char *html, long **lines, size_t *n)
{
	struct buf out = BUF_INIT;
	long *map = NULL;
	size_t nmap = 0;

	if (html_to_text("t.html", html, strlen(html), &out, &map, &nmap) < 0) {
		buf_release(&out);
		return xstrdup("ERROR");
	}
	for (size_t i = 0; i < out.len; i++)
		if (out.buf[i] == '\n' && i + 1 < out.len)
			out.buf[i] = '|';
	if (out.len && out.buf[out.len - 1] == '\n')
		buf_setlen(&out, out.len - 1);
	if (lines) {
		*lines = map;
		*n = nmap;
	} else {
		free(map);
	}
	return buf_detach(&out, NULL);
}

#define CHECK_TEXT(html, want) \
	do { \
		char *got_ = text_of((html), NULL, NULL); \
		CHECK_STR(got_, (want)); \
		free(got_); \
	} while (0)

static void test_blocks_become_lines_and_paragraphs_stand_apart(void)
{
	CHECK_TEXT("<html><body><h1>Title</h1><p>one\n  two</p><p>three</p></body></html>",
		   "Title||one two||three");
	CHECK_TEXT("<html><body><ul><li>a</li><li><b>b</b> c</li></ul><div>d<br>e</div></body></html>",
		   "a|b c|d|e");
	CHECK_TEXT("<html><body><table><tr><th>A B</th><th>C</th></tr>"
		   "<tr><td>1</td> <td>2</td></tr></table></body></html>",
		   "A B\tC|1\t2");
	CHECK_TEXT("<html><body><pre>x  y\nz</pre></body></html>", "x  y|z");
}

static void test_scripts_styles_menus_and_hidden_text_are_dropped(void)
{
	CHECK_TEXT("<html><head><title>T</title><style>p{}</style><script>var a='<p>x</p>';</script>"
		   "</head><body><nav>Menu</nav><div role=\"menu\">Browse</div><menu><li>m</menu>"
		   "<p hidden>h</p><span style=\"DISPLAY: none\">n</span><p aria-hidden=\"true\">a</p>"
		   "<noscript>js</noscript><template>t</template><p>kept</p></body></html>",
		   "kept");
}

static void test_entities_and_declared_charsets_are_decoded(void)
{
	CHECK_TEXT("<html><body><p>caf&eacute; &amp; &#8217;&#x2014;&rsquo;</p></body></html>",
		   "caf\xC3\xA9 & \xE2\x80\x99\xE2\x80\x94\xE2\x80\x99");
	/* windows-1252 as declared: 0x92 is a right single quote. */
	CHECK_TEXT("<html><head><meta charset=\"windows-1252\"></head><body><p>Li\xE8ge\x92s</p></body></html>",
		   "Li\xC3\xA8ge\xE2\x80\x99s");
	/* Undeclared: UTF-8 when the bytes are, else windows-1252. */
	CHECK_TEXT("<html><body><p>Li\xC3\xA8ge</p></body></html>", "Li\xC3\xA8ge");
	CHECK_TEXT("<html><body><p>Li\xE8ge</p></body></html>", "Li\xC3\xA8ge");
}

static void test_each_text_line_knows_its_line_in_the_file(void)
{
	long *lines = NULL;
	size_t n = 0;
	char *s = text_of("<html>\n<body>\n<p>one</p>\n\n<div>two</div>\n</body></html>", &lines, &n);

	CHECK_STR(s, "one||two");
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(lines[0], 3);
		CHECK_INT(lines[2], 5);
	}
	free(s);
	free(lines);
}

static void test_html_is_told_by_its_first_tag(void)
{
	const char *yes[] = {
		"<!DOCTYPE html><html>", "\xEF\xBB\xBF  <!doctype HTML>",
		"<!-- saved from url=(0020)https://x.example/ -->\n<html lang=en>",
		"<?xml version=\"1.0\"?>\n<HTML>", "<html>",
	};
	const char *no[] = { "Menu\nBrowse", "<htmlx>", "<!-- <html>", "<p>text</p>", "" };

	for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
		CHECK_INT(html_looks_like(yes[i], strlen(yes[i])), 1);
		CHECK_STR(parse_detect(yes[i], strlen(yes[i])), "page");
	}
	for (size_t i = 0; i < ARRAY_SIZE(no); i++)
		CHECK_INT(html_looks_like(no[i], strlen(no[i])), 0);
}

static void test_html_without_visible_text_is_an_error_naming_the_file(void)
{
	struct run r;
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/empty.html", test_tmpdir());
	f = fopen(path, "w");
	if (!f) {
		test_fail(__FILE__, __LINE__, "cannot write %s", path);
		return;
	}
	fputs("<!DOCTYPE html><html><head><script>x()</script></head><body><nav>Menu</nav></body></html>", f);
	fclose(f);
	run_parser(&r, page_parse, "page", path, 0, 0);
	CHECK_INT(r.ret, -1);
	CHECK_INT(r.nr, 0);
	CHECK_ERR(&r, "empty.html': the HTML page has no visible text");
	run_release(&r);
	unlink(path);
}

static void test_site_chrome_before_the_page_is_skipped(void)
{
	struct run r;
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/chrome.html", test_tmpdir());
	f = fopen(path, "w");
	if (!f) {
		test_fail(__FILE__, __LINE__, "cannot write %s", path);
		return;
	}
	fputs("<!DOCTYPE html>\n<html><body>\n<div class=\"banner\">Welcome to the tracker</div>\n"
	      "<h1>Cyber Incident Victim: Stad Voorbeeld</h1>\n<p>Date: Apr 2024</p><p>Location: Belgium</p>\n"
	      "<h2>Summary</h2><p>Stad Voorbeeld suffered a ransomware attack.</p>\n"
	      "</body></html>\n", f);
	fclose(f);
	run_parser(&r, page_parse, "page", path, 0, 0);
	CHECK_INT(r.ret, 0);
	CHECK_INT(r.nr, 1);
	if (r.nr) {
		CHECK_STR(r.inc[0].victim, "Stad Voorbeeld");
		CHECK_INT(r.inc[0].line, 4);
	}
	run_release(&r);
	unlink(path);
}

int main(void)
{
	test_run("every test page saved as HTML reads as the same page saved as text",
		 test_every_page_saved_as_html_reads_as_its_text);
	test_run("blocks become lines, and paragraphs stand apart by a blank line",
		 test_blocks_become_lines_and_paragraphs_stand_apart);
	test_run("scripts, styles, menus and hidden text are dropped",
		 test_scripts_styles_menus_and_hidden_text_are_dropped);
	test_run("entities and declared or guessed character sets are decoded",
		 test_entities_and_declared_charsets_are_decoded);
	test_run("each line of the text knows its line in the HTML file",
		 test_each_text_line_knows_its_line_in_the_file);
	test_run("HTML is told by its doctype or html tag after comments",
		 test_html_is_told_by_its_first_tag);
	test_run("an HTML page without visible text is an error naming the file",
		 test_html_without_visible_text_is_an_error_naming_the_file);
	test_run("site chrome before the page's first label is skipped",
		 test_site_chrome_before_the_page_is_skipped);
	return test_done();
}
