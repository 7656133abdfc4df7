/*
 * The summary of a briefing made elsewhere, read from its PDF with libqpdf:
 * a real PDF reader (cross-reference streams, object streams, encodings),
 * where the report's own briefings need none (it hands over its summary).
 */
#include "mail.h"

#include <errno.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/tlp.h"
#include "../util/util.h"
#include "../util/banned.h"

/* A text string of the Info dictionary as UTF-8, control characters as spaces; NULL if absent. */
static char *info_text(qpdf_data q, qpdf_oh info, const char *key)
{
	qpdf_oh v = qpdf_oh_get_key(q, info, key);
	const char *s;
	char *out;

	if (!qpdf_oh_is_string(q, v))
		return NULL;
	s = qpdf_oh_get_utf8_value(q, v);
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
	qpdf_data q = qpdf_init();
	struct stat st;
	char *keywords = NULL;
	int level, ret = -1;

	memset(sum, 0, sizeof(*sum));
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (check_file(path, &st) < 0)
		goto out;
	if (qpdf_read(q, path, "") & QPDF_ERRORS) {
		qpdf_error e = qpdf_get_error(q);

		error("'%s' cannot be read as a PDF: %s", path,
		      e ? qpdf_get_error_message_detail(q, e) : "unknown error");
		goto out;
	}
	{
		qpdf_oh info = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info");

		if (qpdf_oh_is_dictionary(q, info)) {
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
	sum->pages = qpdf_get_num_pages(q);
	if (sum->pages < 0)
		sum->pages = 0;
	sum->bytes = (size_t)st.st_size;
	sum->path = xstrdup(path);
	ret = 0;
out:
	if (ret)
		report_summary_release(sum);
	free(keywords);
	qpdf_cleanup(&q);
	return ret;
}
