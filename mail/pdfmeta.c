/*
 * The summary of a briefing made elsewhere, read from its PDF with libqpdf:
 * a real PDF reader (cross-reference streams, object streams, encodings),
 * where the report's own briefings need none (it hands over its summary).
 *
 * libqpdf is opened when a PDF is read, not linked (util/dynlib.h): with
 * libstdc++, GnuTLS and the libraries those need, and qpdf's own static
 * constructors, it was a third of the instructions of every command
 * (`ibrief query` by country: 10.9 M of 32.3 M), for `mail` alone.
 */
#include "mail.h"

#include <errno.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/dynlib.h"
#include "../util/tlp.h"
#include "../util/util.h"
#include "../util/banned.h"

#define QPDF_SONAME "libqpdf.so.29"

static struct {
	void *handle;
	qpdf_data (*init)(void);
	void (*cleanup)(qpdf_data *q);
	void (*silence_errors)(qpdf_data q);
	void (*set_suppress_warnings)(qpdf_data q, QPDF_BOOL value);
	QPDF_ERROR_CODE (*read)(qpdf_data q, const char *filename, const char *password);
	qpdf_error (*get_error)(qpdf_data q);
	const char *(*get_error_message_detail)(qpdf_data q, qpdf_error e);
	int (*get_num_pages)(qpdf_data q);
	qpdf_oh (*get_trailer)(qpdf_data q);
	qpdf_oh (*oh_get_key)(qpdf_data q, qpdf_oh oh, const char *key);
	const char *(*oh_get_utf8_value)(qpdf_data q, qpdf_oh oh);
	QPDF_BOOL (*oh_is_dictionary)(qpdf_data q, qpdf_oh oh);
	QPDF_BOOL (*oh_is_string)(qpdf_data q, qpdf_oh oh);
} qp;

/* Loads libqpdf once; the handle stays open until the process ends. */
static int load_qpdf(const char *path)
{
	static const struct dynlib_sym syms[] = {
		DYNLIB_SYM("qpdf_init", qp.init),
		DYNLIB_SYM("qpdf_cleanup", qp.cleanup),
		DYNLIB_SYM("qpdf_silence_errors", qp.silence_errors),
		DYNLIB_SYM("qpdf_set_suppress_warnings", qp.set_suppress_warnings),
		DYNLIB_SYM("qpdf_read", qp.read),
		DYNLIB_SYM("qpdf_get_error", qp.get_error),
		DYNLIB_SYM("qpdf_get_error_message_detail", qp.get_error_message_detail),
		DYNLIB_SYM("qpdf_get_num_pages", qp.get_num_pages),
		DYNLIB_SYM("qpdf_get_trailer", qp.get_trailer),
		DYNLIB_SYM("qpdf_oh_get_key", qp.oh_get_key),
		DYNLIB_SYM("qpdf_oh_get_utf8_value", qp.oh_get_utf8_value),
		DYNLIB_SYM("qpdf_oh_is_dictionary", qp.oh_is_dictionary),
		DYNLIB_SYM("qpdf_oh_is_string", qp.oh_is_string),
	};
	return dynlib_load(&qp.handle, QPDF_SONAME, "libqpdf29", syms, ARRAY_SIZE(syms), path);
}

/* A text string of the Info dictionary as UTF-8, control characters as spaces; NULL if absent. */
static char *info_text(qpdf_data q, qpdf_oh info, const char *key)
{
	qpdf_oh v = qp.oh_get_key(q, info, key);
	const char *s;
	char *out;

	if (!qp.oh_is_string(q, v))
		return NULL;
	s = qp.oh_get_utf8_value(q, v);
	if (!s)
		return NULL;
	out = xstrdup(s);
	for (char *p = out; *p; p++)
		if ((unsigned char)*p < 0x20 && *p != '\n')
			*p = ' ';
	return out;
}

/* A regular file that starts as a PDF does; -1 with a message. */
static int check_file(const char *path, struct stat *st)
{
	unsigned char head[5];
	size_t n = 0;
	FILE *f = fopen(path, "rb");
	int ret;

	if (!f)
		return error("'%s': %s", path, strerror(errno));
	if (fstat(fileno(f), st) < 0 || !S_ISREG(st->st_mode)) {
		fclose(f);
		return error("'%s': not a regular file", path);
	}
	n = fread(head, 1, sizeof(head), f);
	fclose(f);
	ret = mail_check_pdf_head(path, head, n);
	return ret;
}

int mail_read_briefing(const char *path, struct report_summary *sum)
{
	qpdf_data q = NULL;
	struct stat st;
	char *keywords = NULL;
	int level, ret = -1;

	memset(sum, 0, sizeof(*sum));
	if (check_file(path, &st) < 0 || load_qpdf(path) < 0)
		goto out;
	q = qp.init();
	qp.silence_errors(q);
	qp.set_suppress_warnings(q, QPDF_TRUE);
	if (qp.read(q, path, "") & QPDF_ERRORS) {
		qpdf_error e = qp.get_error(q);

		error("'%s' cannot be read as a PDF: %s", path,
		      e ? qp.get_error_message_detail(q, e) : "unknown error");
		goto out;
	}
	{
		qpdf_oh info = qp.oh_get_key(q, qp.get_trailer(q), "/Info");

		if (qp.oh_is_dictionary(q, info)) {
			sum->title = info_text(q, info, "/Title");
			sum->narrative = info_text(q, info, "/Subject");
			sum->organisation = info_text(q, info, "/Author");
			keywords = info_text(q, info, "/Keywords");
		}
	}
	level = tlp_find(keywords);
	if (level == -2) {
		error("'%s' names two different TLP levels in its keywords ('%s'): not guessing "
		      "which holds", path, keywords);
		goto out;
	}
	sum->has_tlp = level >= 0;
	sum->tlp = level >= 0 ? (enum tlp)level : TLP_DEFAULT;
	sum->pages = qp.get_num_pages(q);
	if (sum->pages < 0)
		sum->pages = 0;
	sum->bytes = (size_t)st.st_size;
	sum->path = xstrdup(path);
	ret = 0;
out:
	if (ret)
		report_summary_release(sum);
	free(keywords);
	if (q)
		qp.cleanup(&q);
	return ret;
}
