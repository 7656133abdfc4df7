/*
 * libxml2, opened when a page saved as HTML is read, not linked.
 *
 * Linked, libxml2 (with ICU and liblzma) was loaded and relocated by
 * every command before main(): 4.8 M instructions, a fifth of what an
 * `ibrief query` costs in all. As db_pg_lib.c does for libpq, this file
 * defines the libxml2 functions html.c calls, by their own names and with
 * the header's prototypes, each calling the library's function through a
 * pointer that html_lib_load() fills (util/dynlib.h). html.c reads as
 * plain libxml2; a function it starts to use and this file lacks is an
 * undefined reference at link time. xmlFree, a variable of libxml2 (the
 * function that frees what it allocates), is defined here too and set to
 * the library's value when it is loaded.
 *
 * Every libxml2 object comes from htmlNewParserCtxt(), so only
 * html_lib_load() needs to run first; the functions that free take NULL
 * as libxml2's own do, before the library is loaded too.
 */
#include "html.h"

#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/tree.h>

#include "../util/dynlib.h"
#include "../util/util.h"
#include "../util/banned.h"

#define XML_SONAME "libxml2.so.2"

static struct {
	void *handle;
	xmlFreeFunc *free_func;
	void (*init_parser)(void);
	htmlParserCtxtPtr (*new_parser_ctxt)(void);
	htmlDocPtr (*ctxt_read_memory)(xmlParserCtxtPtr ctxt, const char *buffer, int size,
				       const char *url, const char *encoding, int options);
	xmlErrorPtr (*ctxt_get_last_error)(void *ctxt);
	void (*free_parser_ctxt)(htmlParserCtxtPtr ctxt);
	void (*free_doc)(xmlDocPtr doc);
	xmlNodePtr (*doc_get_root_element)(const xmlDoc *doc);
	long (*get_line_no)(const xmlNode *node);
	xmlChar *(*get_prop)(const xmlNode *node, const xmlChar *name);
	xmlAttrPtr (*has_prop)(const xmlNode *node, const xmlChar *name);
} xml;

int html_lib_load(const char *name)
{
	static const struct dynlib_sym syms[] = {
		DYNLIB_SYM("xmlFree", xml.free_func),
		DYNLIB_SYM("xmlInitParser", xml.init_parser),
		DYNLIB_SYM("htmlNewParserCtxt", xml.new_parser_ctxt),
		DYNLIB_SYM("htmlCtxtReadMemory", xml.ctxt_read_memory),
		DYNLIB_SYM("xmlCtxtGetLastError", xml.ctxt_get_last_error),
		DYNLIB_SYM("htmlFreeParserCtxt", xml.free_parser_ctxt),
		DYNLIB_SYM("xmlFreeDoc", xml.free_doc),
		DYNLIB_SYM("xmlDocGetRootElement", xml.doc_get_root_element),
		DYNLIB_SYM("xmlGetLineNo", xml.get_line_no),
		DYNLIB_SYM("xmlGetProp", xml.get_prop),
		DYNLIB_SYM("xmlHasProp", xml.has_prop),
	};

	int ret = dynlib_load(&xml.handle, XML_SONAME, "libxml2", syms, ARRAY_SIZE(syms), name);

	if (!ret)
		xmlFree = *xml.free_func;
	return ret;
}

xmlFreeFunc xmlFree;

void xmlInitParser(void)
{
	xml.init_parser();
}

htmlParserCtxtPtr htmlNewParserCtxt(void)
{
	return xml.new_parser_ctxt();
}

htmlDocPtr htmlCtxtReadMemory(xmlParserCtxtPtr ctxt, const char *buffer, int size,
			      const char *URL, const char *encoding, int options)
{
	return xml.ctxt_read_memory(ctxt, buffer, size, URL, encoding, options);
}

xmlErrorPtr xmlCtxtGetLastError(void *ctx)
{
	return xml.ctxt_get_last_error(ctx);
}

void htmlFreeParserCtxt(htmlParserCtxtPtr ctxt)
{
	if (ctxt)
		xml.free_parser_ctxt(ctxt);
}

void xmlFreeDoc(xmlDocPtr cur)
{
	if (cur)
		xml.free_doc(cur);
}

xmlNodePtr xmlDocGetRootElement(const xmlDoc *doc)
{
	return xml.doc_get_root_element(doc);
}

long xmlGetLineNo(const xmlNode *node)
{
	return xml.get_line_no(node);
}

xmlChar *xmlGetProp(const xmlNode *node, const xmlChar *name)
{
	return xml.get_prop(node, name);
}

xmlAttrPtr xmlHasProp(const xmlNode *node, const xmlChar *name)
{
	return xml.has_prop(node, name);
}
