#ifndef HTML_H
#define HTML_H

/*
 * Tracker pages saved by a browser as HTML ("Save page as", complete or
 * single file): the visible text of the page, laid out in lines as a
 * browser's copy of the page lays it out, for the page reader (page.c),
 * which then reads it as it reads a page saved as text.
 *
 * The text follows the rules of the HTML standard's innerText, without
 * CSS: a paragraph or heading stands apart by a blank line; another block
 * (div, list item, definition, table row, ...) starts a line; a <br> ends
 * one; the cells of a table row are one line, separated by tabs, as a
 * browser copies a table (the page reader's attribute block is rows of
 * cells); runs of white space are one space except in <pre>. Dropped, with
 * all they hold: the head, scripts, styles, <noscript>, <template>, forms'
 * controls, embedded objects and pictures, navigation and menus (<nav>,
 * <menu>, role "navigation", "menu", "menubar" or "search") and anything
 * hidden (the hidden attribute, aria-hidden="true", display:none or
 * visibility:hidden in its style attribute). Entities are decoded; the
 * character set is the one the page declares (a <meta> charset or a byte
 * order mark), else UTF-8 when the bytes are UTF-8, else windows-1252, as
 * browsers guess. The text is UTF-8.
 *
 * libxml2's HTML parser reads the markup: it mends what real pages get
 * wrong. Nothing is fetched (no network, no files of a "_files" folder).
 */

#include <stddef.h>

#include "input.h"
#include "../util/buf.h"

/* A page larger than this (single-file saves carry their pictures) is refused. */
#define HTML_MAX_BYTES ((size_t)64 << 20)

/*
 * Returns 1 when `data` (the first bytes of a file) opens as an HTML
 * document: after a byte order mark, white space, comments (a browser's
 * "saved from url") and an XML declaration, a "<!DOCTYPE html" or an
 * "<html" tag, in any letter case. Else 0. Never reports.
 */
int html_looks_like(const char *data, size_t len);

/*
 * Appends the visible text of the HTML document data[0, len) to `text`
 * and, in *source_line (a new xmalloc'd array of *n entries the caller
 * frees, NULL when there is no text), the document's line of each line of
 * the text. `name` is for messages. Returns 0, or -1 after reporting
 * "'NAME': not readable as HTML: WHY" or "'NAME': the HTML page has no
 * visible text".
 */
int html_to_text(const char *name, const char *data, size_t len, struct buf *text,
		 long **source_line, size_t *n);

/*
 * Reads the rest of `file` (an HTML page, not yet read beyond peeking) and
 * opens its visible text as `text`, whose name is the file's and whose
 * lines count as the file's lines (input_open_text()). Returns 0, or -1
 * after reporting (read error, too large, html_to_text()); `text` then
 * needs no closing.
 */
int html_open_text(struct input *file, struct input *text);

/*
 * Opens libxml2 (store/html_lib.c) before html_to_text() parses; 0, or -1
 * with a message about `name` (the file) when it cannot be loaded.
 */
int html_lib_load(const char *where);

#endif
