/*
 * Lower layers do not print: the import's progress and the mail's status
 * reach the listener the caller gives (util/notify.h), and only it.
 */
#include <stdio.h>
#include <string.h>

#include "test.h"
#include "mail/mail.h"
#include "store/import.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/notify.h"
#include "util/util.h"

struct heard {
	size_t nr;
	enum notify_kind kind[8];
	char text[8][256];
	double seconds[8];
};

static void listen(void *data, const struct notice *n)
{
	struct heard *h = data;

	if (h->nr < 8) {
		h->kind[h->nr] = n->kind;
		snprintf(h->text[h->nr], sizeof(h->text[0]), "%s", n->text);
		h->seconds[h->nr] = n->seconds;
	}
	h->nr++;
}

static void write_csv(const char *path, int records)
{
	FILE *f = fopen(path, "w");

	CHECK(f != NULL);
	if (!f)
		return;
	fputs("id,victim,date,country\n", f);
	for (int i = 0; i < records; i++)
		fprintf(f, "n-%d,Town %d,2024-04-%02d,BE\n", i, i, 1 + i % 28);
	fclose(f);
}

static void import_tells_its_progress_every_1024_records_then_done(void)
{
	struct heard h = { 0 };
	struct import_options opts = { .format = IMPORT_AUTO, .progress = { listen, &h } };
	struct import_totals totals;
	struct store *st = NULL;
	char db[512], big[512], small[512], want[600];
	const char *paths[2] = { big, small };

	snprintf(db, sizeof(db), "%s/n.db", test_tmpdir());
	snprintf(big, sizeof(big), "%s/big.csv", test_tmpdir());
	snprintf(small, sizeof(small), "%s/small.csv", test_tmpdir());
	write_csv(big, 2100);
	write_csv(small, 10);
	CHECK_INT(store_open(&st, db, STORE_WRITE), 0);
	if (!st)
		return;
	CHECK_INT(import_files(st, paths, 2, &opts, &totals), 0);
	CHECK_INT(totals.new_, 2100);
	/* Two progress lines and the end of them for the big file; nothing for the small. */
	CHECK_INT(h.nr, 3);
	CHECK_INT(h.kind[0], NOTIFY_PROGRESS);
	CHECK_INT(h.kind[1], NOTIFY_PROGRESS);
	CHECK_INT(h.kind[2], NOTIFY_DONE);
	snprintf(want, sizeof(want), "importing '%s': 1024 records, ", big);
	CHECK(!strncmp(h.text[0], want, strlen(want)));
	snprintf(want, sizeof(want), "importing '%s': 2048 records, ", big);
	CHECK(!strncmp(h.text[1], want, strlen(want)));
	CHECK(h.seconds[0] >= 0 && h.seconds[1] >= h.seconds[0] && h.seconds[2] >= h.seconds[1]);
	CHECK_STR(h.text[2], "");
	store_close(st);
}

static void mail_tells_its_listener_what_it_wrote(void)
{
	struct heard h = { 0 };
	struct mail_options o = MAIL_OPTIONS_INIT;
	struct report_summary sum = { 0 };
	char pdf[512], eml[512], want[700];
	struct buf text = BUF_INIT;
	FILE *f;

	snprintf(pdf, sizeof(pdf), "%s/b.pdf", test_tmpdir());
	snprintf(eml, sizeof(eml), "%s/b.eml", test_tmpdir());
	f = fopen(pdf, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("%PDF-1.4\n%%EOF\n", f);
	fclose(f);
	sum.path = pdf;
	sum.title = (char *)"Cyber incidents";
	sum.has_tlp = 1;
	sum.tlp = TLP_GREEN;
	o.from = "cert@example.org";
	o.eml = eml;
	o.status = (struct notify){ listen, &h };
	CHECK_INT(mail_briefing(&sum, &o), 0);
	CHECK_INT(h.nr, 1);
	CHECK_INT(h.kind[0], NOTIFY_STATUS);
	f = fopen(eml, "r");
	CHECK(f != NULL);
	if (f) {
		char chunk[4096];
		size_t n;

		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_add(&text, chunk, n);
		fclose(f);
	}
	snprintf(want, sizeof(want), "wrote %s (%zu bytes); nothing was sent", eml, text.len);
	CHECK_STR(h.text[0], want);
	buf_release(&text);
}

int main(void)
{
	test_run("import tells its progress every 1024 records, then done",
		 import_tells_its_progress_every_1024_records_then_done);
	test_run("mail tells its listener what it wrote", mail_tells_its_listener_what_it_wrote);
	return test_done();
}
