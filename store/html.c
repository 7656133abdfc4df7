#include "html.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "../util/utf8.h"
#include "../util/banned.h"

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\f'))
		p++;
	return p;
}

/* Skips from "<!--" or "<?" past its end; returns `end` when it does not end. */
static const char *skip_markup(const char *p, const char *end, const char *close)
{
	size_t n = strlen(close);

	for (; p + n <= end; p++)
		if (!memcmp(p, close, n))
			return p + n;
	return end;
}

int html_looks_like(const char *data, size_t len)
{
	const char *p = data, *end = data + len;

	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	for (;;) {
		p = skip_space(p, end);
		if (end - p >= 4 && !memcmp(p, "<!--", 4))
			p = skip_markup(p + 4, end, "-->");
		else if (end - p >= 2 && !memcmp(p, "<?", 2))
			p = skip_markup(p + 2, end, "?>");
		else
			break;
	}
	if (end - p >= 14 && !ascii_ncasecmp(p, "<!doctype html", 14))
		return 1;
	return end - p >= 6 && !ascii_ncasecmp(p, "<html", 5) &&
	       strchr(" \t\r\n\f>", p[5]) && p[5];
}

/*
 * The character set to read the page in, when the page does not say: a
 * declaration (a <meta> charset, before the body) or a UTF-16 byte order
 * mark is libxml2's to honour (NULL); else UTF-8 when every byte fits it,
 * else windows-1252, the browsers' guess for western pages.
 */
static const char *charset_for(const char *data, size_t len)
{
	size_t head = len < 16384 ? len : 16384;

	if (len >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') ||
			 (data[0] == '\xFE' && data[1] == '\xFF')))
		return NULL;
	for (size_t i = 0; i + 7 <= head; i++) {
		if (!ascii_ncasecmp(data + i, "<body", 5))
			break;
		if (!ascii_ncasecmp(data + i, "charset", 7))
			return NULL;
	}
	return utf8_bad_at(data, len) == len ? "UTF-8" : "windows-1252";
}

/* --- which elements show, and how they break lines --- */

static int name_in(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return 1;
	return 0;
}

/* Attribute `attr` of `n` contains `what` (ASCII case ignored, spaces skipped). */
static int attr_has(xmlNode *n, const char *attr, const char *what)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	char squeezed[256];
	size_t k = 0;
	int found = 0;

	if (!v)
		return 0;
	for (const xmlChar *p = v; *p && k + 1 < sizeof(squeezed); p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			squeezed[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	squeezed[k] = '\0';
	found = strstr(squeezed, what) != NULL;
	xmlFree(v);
	return found;
}

/*
 * The site's footer (the "contentinfo" landmark: a <footer> not inside an
 * article, aside, main, nav or section), which would otherwise run on from
 * the page's last part.
 */
static int site_footer(xmlNode *n)
{
	static const char *const scopes[] = { "article", "aside", "main", "nav", "section", NULL };

	if (strcmp((const char *)n->name, "footer"))
		return 0;
	for (xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
		if (name_in((const char *)p->name, scopes))
			return 0;
	return 1;
}

static int dropped(xmlNode *n)
{
	static const char *const hidden_elements[] = {
		"head", "title", "script", "style", "noscript", "template", "nav", "menu",
		"iframe", "frame", "frameset", "noframes", "object", "embed", "applet",
		"svg", "math", "canvas", "audio", "video", "map", "select", "datalist",
		"button", "input", "textarea", "noembed", NULL
	};
	static const char *const roles[] = {
		"navigation", "menu", "menubar", "search", "contentinfo", "dialog",
		"alertdialog", NULL
	};
	xmlChar *role;
	int drop;

	if (name_in((const char *)n->name, hidden_elements) || site_footer(n) ||
	    (!strcmp((const char *)n->name, "dialog") && !xmlHasProp(n, (const xmlChar *)"open")) ||
	    xmlHasProp(n, (const xmlChar *)"hidden") ||
	    attr_has(n, "aria-hidden", "true") ||
	    attr_has(n, "style", "display:none") || attr_has(n, "style", "visibility:hidden"))
		return 1;
	role = xmlGetProp(n, (const xmlChar *)"role");
	drop = role && name_in((const char *)role, roles);
	xmlFree(role);
	return drop;
}

/* The line breaks an element needs before and after it: 2, 1 or 0 (inline). */
static int breaks_of(const char *name)
{
	static const char *const paragraphs[] = { "p", "h1", "h2", "h3", "h4", "h5", "h6", NULL };
	static const char *const blocks[] = {
		"address", "article", "aside", "blockquote", "body", "caption", "center",
		"dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
		"figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html",
		"legend", "li", "listing", "main", "ol", "pre", "section", "summary",
		"table", "tbody", "tfoot", "thead", "tr", "ul", NULL
	};

	if (name_in(name, paragraphs))
		return 2;
	return name_in(name, blocks);
}

static int is_cell(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       (!strcmp((const char *)n->name, "td") || !strcmp((const char *)n->name, "th"));
}

/* --- writing the text --- */

struct walk {
	struct buf *text;
	size_t start;		/* where this document's text starts in `text` */
	long *lines;		/* the document's line of each text line */
	size_t n, alloc;
	int need;		/* line breaks owed before the next text: 0, 1 or 2 */
	char sep;		/* ' ' or '\t' owed before the next text of this line */
	int pre;		/* inside <pre>: white space kept */
	size_t col;		/* bytes on the current line */
	long src;		/* the document line of the text being written */
	long line_src;		/* the document line of the current line; 0: none yet */
};

static void end_line(struct walk *w)
{
	buf_addch(w->text, '\n');
	ALLOC_GROW(w->lines, w->n + 1, w->alloc);
	w->lines[w->n++] = w->line_src ? w->line_src : w->src;
	w->line_src = 0;
	w->col = 0;
	w->sep = 0;
}

/* Pays the line breaks owed; none before the first text. */
static void pay_breaks(struct walk *w)
{
	if (w->text->len > w->start || w->col)
		for (int i = 0; i < w->need; i++)
			end_line(w);
	w->need = 0;
}

static void emit(struct walk *w, const char *s, size_t len)
{
	pay_breaks(w);
	if (w->sep && w->col)
		buf_addch(w->text, w->sep);
	w->sep = 0;
	if (!w->line_src)
		w->line_src = w->src;
	buf_add(w->text, s, len);
	w->col += len;
}

static void add_text(struct walk *w, const char *s)
{
	while (*s) {
		size_t run;

		if (w->pre && *s == '\n') {
			pay_breaks(w);
			end_line(w);
			s++;
			continue;
		}
		if (!w->pre && strchr(" \t\r\n\f", *s)) {
			if (w->col && !w->sep)
				w->sep = ' ';
			s++;
			continue;
		}
		run = w->pre ? strcspn(s, "\n") : strcspn(s, " \t\r\n\f");
		emit(w, s, run);
		s += run;
	}
}

static void enter(struct walk *w, xmlNode *n)
{
	const char *name = (const char *)n->name;
	int b = breaks_of(name);
	long line = xmlGetLineNo(n);

	if (line > 0)
		w->src = line;
	if (!strcmp(name, "br")) {
		pay_breaks(w);
		end_line(w);
	}
	if (!strcmp(name, "pre"))
		w->pre++;
	if (b > w->need)
		w->need = b;
}

static void leave(struct walk *w, xmlNode *n)
{
	const char *name = (const char *)n->name;
	int b = breaks_of(name);

	if (!strcmp(name, "pre"))
		w->pre--;
	if (b > w->need)
		w->need = b;
	if (is_cell(n)) {
		const xmlNode *next = n->next;

		while (next && next->type != XML_ELEMENT_NODE)
			next = next->next;
		if (is_cell(next))
			w->sep = '\t';
	}
}

static void on_text(struct walk *w, xmlNode *n)
{
	long line = n->parent ? xmlGetLineNo(n->parent) : -1;

	if (line <= 0)
		line = xmlGetLineNo(n);
	if (line > 0)
		w->src = line;
	if (n->content)
		add_text(w, (const char *)n->content);
}

/* Walks the tree without recursion: real pages nest deeply, hostile ones more. */
static void walk_tree(struct walk *w, xmlNode *root)
{
	xmlNode *n = root;

	while (n) {
		int descend = 0;

		if (n->type == XML_ELEMENT_NODE) {
			if (!dropped(n)) {
				enter(w, n);
				descend = n->children != NULL;
				if (!descend)
					leave(w, n);
			}
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			on_text(w, n);
		}
		if (descend) {
			n = n->children;
			continue;
		}
		while (n != root && !n->next) {
			n = n->parent;
			leave(w, n);
		}
		if (n == root)
			break;
		n = n->next;
	}
	if (w->col)
		end_line(w);
}

static void parse_failed(const char *name, htmlParserCtxtPtr ctxt)
{
	const xmlError *e = ctxt ? xmlCtxtGetLastError(ctxt) : NULL;
	size_t n = e && e->message ? strlen(e->message) : 0;

	while (n && (e->message[n - 1] == '\n' || e->message[n - 1] == ' '))
		n--;
	error("'%s': not readable as HTML: %.*s", name, (int)n,
	      n ? e->message : "the parser gave no document");
}

int html_to_text(const char *name, const char *data, size_t len, struct buf *text,
		 long **source_line, size_t *n)
{
	struct walk w = { .text = text, .start = text->len };
	htmlParserCtxtPtr ctxt = NULL;
	htmlDocPtr doc = NULL;
	xmlNode *root;
	int ret = -1;

	*source_line = NULL;
	*n = 0;
	if (len > HTML_MAX_BYTES || len > INT_MAX)
		return error("'%s': larger than %zu MiB", name, HTML_MAX_BYTES >> 20);
	if (html_lib_load(name) < 0)
		return -1;
	xmlInitParser();
	ctxt = htmlNewParserCtxt();
	if (ctxt)
		doc = htmlCtxtReadMemory(ctxt, data, (int)len, NULL, charset_for(data, len),
					 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
					 HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
					 HTML_PARSE_COMPACT);
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root) {
		parse_failed(name, ctxt);
		goto out;
	}
	w.src = 1;
	walk_tree(&w, root);
	if (!w.n) {
		error("'%s': the HTML page has no visible text", name);
		goto out;
	}
	*source_line = w.lines;
	*n = w.n;
	w.lines = NULL;
	ret = 0;
out:
	if (ret < 0)
		buf_setlen(text, w.start);
	free(w.lines);
	xmlFreeDoc(doc);
	htmlFreeParserCtxt(ctxt);
	return ret;
}

int html_open_text(struct input *file, struct input *text)
{
	struct buf html = BUF_INIT, out = BUF_INIT;
	long *lines = NULL;
	size_t n = 0, len;
	char *s;
	int ret = -1;

	if (input_read_all(file, HTML_MAX_BYTES, &html) < 0)
		goto out;
	if (html_to_text(file->name, html.buf, html.len, &out, &lines, &n) < 0)
		goto out;
	s = buf_detach(&out, &len);
	input_open_text(text, file->name, s, len, lines, n);
	ret = 0;
out:
	buf_release(&html);
	buf_release(&out);
	return ret;
}
