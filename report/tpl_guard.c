/*
 * What a template may not do before it is parsed: be larger than
 * TPL_MAX_BYTES, or hold YAML aliases. See template.h.
 */
#include "template.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "../util/buf.h"
#include "../util/banned.h"

/*
 * An alias is a reference to an anchored node: libyaml's loader shares
 * the node, but every reader of the template walks it once per reference,
 * so ten nested lists of ten aliases are ten billion blocks in 200 bytes.
 * Templates are short and written by hand: refuse aliases outright rather
 * than count how far they expand. Only the first document is read, as
 * yaml_parser_load() does; a syntax error is left to the loader's message.
 */
int tpl_refuse_aliases(const char *path, const char *text, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int ret = 0, done = 0;

	if (!yaml_parser_initialize(&parser))
		die("out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!done && yaml_parser_parse(&parser, &ev)) {
		if (ev.type == YAML_ALIAS_EVENT) {
			ret = error_at(path, (long)ev.start_mark.line + 1,
				       (long)ev.start_mark.column + 1,
				       "alias '*%s' is not allowed in a template "
				       "(write the node out in full)", (const char *)ev.data.alias.anchor);
			done = 1;
		}
		if (ev.type == YAML_DOCUMENT_END_EVENT || ev.type == YAML_STREAM_END_EVENT)
			done = 1;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return ret;
}

int template_load(struct template *t, const char *path)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t got;
	int ret;

	memset(t, 0, sizeof(*t));
	if (!f)
		return error("template '%s': %s", path, strerror(errno));
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.len <= TPL_MAX_BYTES)
		buf_add(&b, chunk, got);
	if (ferror(f) || b.len > TPL_MAX_BYTES) {
		ret = error("template '%s': %s", path, ferror(f) ? strerror(errno) :
			    "larger than 1 MB");
		fclose(f);
		buf_release(&b);
		return ret;
	}
	fclose(f);
	ret = template_parse(t, path, b.buf, b.len);
	buf_release(&b);
	return ret;
}
