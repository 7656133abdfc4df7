#include "parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "../util/buf.h"
#include "../util/banned.h"

int parse_emit(struct parse_ctx *ctx, struct incident *inc, long line)
{
	struct buf why = BUF_INIT;
	const char *field = NULL;
	int ret;

	if (incident_check(inc, &field, &why) < 0) {
		ret = parse_reject(ctx, inc->line ? inc->line : line, field, "%s", why.buf);
		buf_release(&why);
		incident_release(inc);
		return ret;
	}
	buf_release(&why);
	ctx->records++;
	free(inc->format);
	inc->format = xstrdup(ctx->format);
	free(inc->file);
	inc->file = xstrdup(ctx->in->name);
	inc->record = ctx->records;
	if (!inc->line)
		inc->line = line;
	ret = ctx->on_record(ctx, inc);
	incident_release(inc);
	return ret;
}

ATTR_PRINTF(5, 0)
static int reject(struct parse_ctx *ctx, long line, long col, const char *field,
		  const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT;

	ctx->records++;
	ctx->rejected++;
	buf_addf(&msg, "record %ld: ", ctx->records);
	if (field)
		buf_addf(&msg, "field '%s': ", field);
	buf_vaddf(&msg, fmt, ap);
	error_at(ctx->in->name, line, col, "%s", msg.buf);
	buf_release(&msg);
	return ctx->skip_bad ? 0 : -1;
}

int parse_reject(struct parse_ctx *ctx, long line, const char *field,
		 const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = reject(ctx, line, 0, field, fmt, ap);
	va_end(ap);
	return ret;
}

int parse_reject_at(struct parse_ctx *ctx, long line, long col, const char *field,
		    const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = reject(ctx, line, col, field, fmt, ap);
	va_end(ap);
	return ret;
}

static const char *skip_space(const char *p, const char *end)
{
	/* A UTF-8 byte order mark counts as white space here. */
	if (end - p >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

const char *parse_detect(const char *data, size_t len)
{
	const char *end = data + len;
	const char *p = skip_space(data, end);
	size_t rest = (size_t)(end - p);

	if (p == end)
		return NULL;
	if (*p == '{' || *p == '[')
		return "veris";
	/* A tracker page saved by a browser as HTML. */
	if (html_looks_like(data, len))
		return "page";
	/* A saved tracker page opens with the site's navigation or a label. */
	if ((rest >= 4 && !memcmp(p, "Menu", 4)) ||
	    (rest >= 6 && !memcmp(p, "Browse", 6)) ||
	    (rest >= 22 && !memcmp(p, "Cyber Incident Victim:", 22)) ||
	    (rest >= 5 && !memcmp(p, "Date:", 5)))
		return "page";
	/* A CSV file opens with its header row, which names id and date. */
	if (csv_looks_like(data, len))
		return "csv";
	return NULL;
}
