/*
 * Reading a compressed file ahead on a thread of its own (store/input.h,
 * input_read_ahead()) changes nothing a reader sees: the same lines, the
 * same message at the same place when the file is corrupt. The files are
 * made larger than the buffers the thread fills ahead, with lines that
 * cross from one buffer into the next.
 */
#include "test.h"
#include "parse_fixture.h"
#include "store/input.h"
#include "util/buf.h"
#include "util/banned.h"

/*
 * Lines of lengths 0 to about 300 KiB, over 1.5 MiB in all: more than the
 * thread's buffers hold. Letters drawn at random, so that the compressed
 * file is large too.
 */
static void make_text(struct buf *text)
{
	unsigned long long r = 1;

	for (unsigned long i = 0; text->len < ((size_t)3 << 19); i++) {
		size_t len = (i * 7919) % 997;

		if (i % 50 == 49)
			len = 300 * 1024 + i;
		buf_addf(text, "%lu:", i);
		for (size_t k = 0; k < len; k++) {
			r = r * 6364136223846793005ULL + 1442695040888963407ULL;
			buf_addch(text, 'a' + (int)((r >> 33) % 26));
		}
		buf_adds(text, i % 3 ? "\n" : "\r\n");
	}
}

struct reading {
	int ret;		/* input_getline()'s last */
	long lines;
	struct buf all;		/* every line, each followed by '\n' */
	const char *err;	/* what was said on stderr */
	int ahead;		/* a thread read ahead */
};

/* Reads `path` to its end (or its error), ahead when `ahead`. */
static void read_file(const char *path, int ahead, struct reading *r)
{
	struct input in;
	struct buf line = BUF_INIT;

	buf_init(&r->all);
	r->lines = 0;
	test_capture_start();
	r->ret = input_open(&in, path);
	if (!r->ret) {
		if (ahead)
			input_read_ahead(&in);
		r->ahead = in.ahead != NULL;
		while ((r->ret = input_getline(&in, &line)) > 0) {
			r->lines++;
			buf_add(&r->all, line.buf, line.len);
			buf_addch(&r->all, '\n');
		}
		input_close(&in);
	}
	r->err = test_capture_end();
	buf_release(&line);
}

/*
 * Writes the test text to `name` in the test folder, gzipped and cut short
 * after `corrupt_at` bytes when not 0, and reads it inline and ahead;
 * returns what inline reading said on stderr (the caller frees it).
 */
static char *read_both(const char *name, size_t corrupt_at, struct reading *inline_,
		       struct reading *ahead)
{
	struct buf text = BUF_INIT;
	char path[512];
	char *err;

	make_text(&text);
	snprintf(path, sizeof(path), "%s/%s", test_tmpdir(), name);
	write_gz(path, text.buf, text.len, 1, corrupt_at);
	read_file(path, 0, inline_);
	err = xstrdup(inline_->err);
	read_file(path, 1, ahead);
	buf_release(&text);
	return err;
}

static void test_same_lines(void)
{
	struct reading inline_, ahead;
	char *err = read_both("lines.gz", 0, &inline_, &ahead);

	CHECK(!inline_.ahead);
	CHECK(ahead.ahead);
	CHECK_INT(ahead.ret, 0);
	CHECK_INT(ahead.lines, inline_.lines);
	CHECK(ahead.lines > 100);
	CHECK(ahead.all.len == inline_.all.len && !memcmp(ahead.all.buf, inline_.all.buf,
							    ahead.all.len));
	CHECK_STR(ahead.err, err);
	CHECK_STR(ahead.err, "");
	free(err);
	buf_release(&inline_.all);
	buf_release(&ahead.all);
}

static void test_same_error(void)
{
	struct reading inline_, ahead;
	char *err = read_both("corrupt.gz", 20000, &inline_, &ahead);

	CHECK(ahead.ahead);
	CHECK_INT(inline_.ret, -1);
	CHECK_INT(ahead.ret, -1);
	CHECK(ahead.lines > 0);
	CHECK_INT(ahead.lines, inline_.lines);
	CHECK(ahead.all.len == inline_.all.len && !memcmp(ahead.all.buf, inline_.all.buf,
							    ahead.all.len));
	CHECK(strstr(ahead.err, "read error") != NULL);
	CHECK_STR(ahead.err, err);
	free(err);
	buf_release(&inline_.all);
	buf_release(&ahead.all);
}

/* Closed after a line, the thread is stopped whether it waits or inflates. */
static void test_close_early(void)
{
	struct buf text = BUF_INIT, line = BUF_INIT;
	char path[512];

	make_text(&text);
	snprintf(path, sizeof(path), "%s/early.gz", test_tmpdir());
	write_gz(path, text.buf, text.len, 1, 0);
	for (int i = 0; i < 20; i++) {
		struct input in;

		CHECK_INT(input_open(&in, path), 0);
		input_read_ahead(&in);
		CHECK(in.ahead != NULL);
		CHECK_INT(input_getline(&in, &line), 1);
		CHECK_STR(line.buf, "0:");
		input_close(&in);
	}
	buf_release(&line);
	buf_release(&text);
}

/* A plain file is read as it is: there is nothing to inflate. */
static void test_plain_not_ahead(void)
{
	struct buf text = BUF_INIT;
	struct reading r;
	char path[512];
	FILE *f;

	make_text(&text);
	snprintf(path, sizeof(path), "%s/plain.txt", test_tmpdir());
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f) {
		fwrite(text.buf, 1, text.len, f);
		fclose(f);
	}
	read_file(path, 1, &r);
	CHECK(!r.ahead);
	CHECK_INT(r.ret, 0);
	CHECK(r.lines > 100);
	buf_release(&r.all);
	buf_release(&text);
}

int main(void)
{
	test_run("a gzip file read ahead gives the lines it gives read inline", test_same_lines);
	test_run("a corrupt gzip file read ahead gives the same lines, then the same error",
		 test_same_error);
	test_run("an input read ahead and closed early stops its thread", test_close_early);
	test_run("a plain file is not read ahead", test_plain_not_ahead);
	return test_done();
}
