/* The one atomic writer (util/file.c) and its rule for what a path may be. */
#include "test.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "../../util/buf.h"
#include "../../util/file.h"

static char *path_in(const char *dir, const char *name)
{
	static char p[4][1024];
	static int next;
	char *s = p[next++ % 4], copy[256];

	/* `dir` may be an earlier result. */
	snprintf(copy, sizeof(copy), "%s", dir);
	snprintf(s, sizeof(p[0]), "%s/%s", copy, name);
	return s;
}

/* The whole content of `path`, in a static buffer; "" when unreadable. */
static const char *slurp(const char *path)
{
	static char text[4096];
	FILE *f = fopen(path, "rb");
	size_t n = f ? fread(text, 1, sizeof(text) - 1, f) : 0;

	text[n] = '\0';
	if (f)
		fclose(f);
	return text;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* Entries of `dir` whose name starts with a dot, but . and .. */
static int hidden_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)))
		n += e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	if (d)
		closedir(d);
	return n;
}

static void test_a_file_is_written_whole_or_not_at_all(void)
{
	const char *dir = test_tmpdir();
	char *file = path_in(dir, "briefing.pdf"), *sub = path_in(dir, "sub");
	struct stat st;

	CHECK_INT(write_file_atomic(file, "%PDF-1.3\n", 9), 0);
	CHECK(!stat(file, &st) && st.st_size == 9);
	CHECK_INT(write_file_atomic(file, "%PDF-1.4\nnew\n", 13), 0);
	CHECK_STR(slurp(file), "%PDF-1.4\nnew\n");
	/*
	 * A non-empty directory as the target: the temporary file is made and
	 * written, and the rename fails. It must not stay behind.
	 */
	mkdir(sub, 0777);
	put(path_in(sub, "keep"), "x");
	fputs("# expect an error message:\n", stderr);
	CHECK_INT(write_file_atomic(sub, "x", 1), -1);
	CHECK(!stat(sub, &st) && S_ISDIR(st.st_mode));
	CHECK_STR(slurp(path_in(sub, "keep")), "x");
	CHECK_INT(hidden_entries(dir), 0);
}

static void test_a_write_that_fails_midway_keeps_the_old_file(void)
{
	const char *dir = test_tmpdir();
	char *file = path_in(dir, "message.eml");
	static char big[64 * 1024];
	struct rlimit saved, small;
	void (*old)(int) = signal(SIGXFSZ, SIG_IGN);

	put(file, "the old message\n");
	/* A full disk without a full disk: the file size limit (root obeys it too). */
	getrlimit(RLIMIT_FSIZE, &saved);
	small = saved;
	small.rlim_cur = 4096;
	CHECK_INT(setrlimit(RLIMIT_FSIZE, &small), 0);
	memset(big, 'x', sizeof(big));
	fputs("# expect an error message:\n", stderr);
	CHECK_INT(write_file_atomic(file, big, sizeof(big)), -1);
	setrlimit(RLIMIT_FSIZE, &saved);
	signal(SIGXFSZ, old);
	CHECK_STR(slurp(file), "the old message\n");
	CHECK_INT(hidden_entries(dir), 0);
}

static void test_a_link_is_followed_and_stays_a_link(void)
{
	const char *dir = test_tmpdir();
	char *real = path_in(dir, "real.pdf"), *link = path_in(dir, "link.pdf");
	char *dangling = path_in(dir, "dangling.png");
	struct stat st;

	put(real, "old");
	chmod(real, 0640);
	CHECK_INT(symlink("real.pdf", link), 0);
	CHECK_INT(write_file_atomic(link, "new", 3), 0);
	CHECK(!lstat(link, &st) && S_ISLNK(st.st_mode));
	CHECK_STR(slurp(real), "new");
	CHECK(!stat(real, &st) && (st.st_mode & 07777) == 0640);
	/* A link to a file not there yet makes the file. */
	CHECK_INT(symlink("made.png", dangling), 0);
	CHECK_INT(write_file_atomic(dangling, "png", 3), 0);
	CHECK(!lstat(dangling, &st) && S_ISLNK(st.st_mode));
	CHECK_STR(slurp(path_in(dir, "made.png")), "png");
	CHECK_INT(hidden_entries(dir), 0);
}

static void test_a_fifo_or_a_socket_is_refused_and_stays(void)
{
	const char *dir = test_tmpdir();
	char *fifo = path_in(dir, "fifo"), *sock = path_in(dir, "sock"), *link = path_in(dir, "l");
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	struct stat st;

	CHECK_INT(mkfifo(fifo, 0600), 0);
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", sock);
	CHECK_INT(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	CHECK_INT(symlink("fifo", link), 0);
	fputs("# expect three error messages:\n", stderr);
	CHECK_INT(write_file_atomic(fifo, "x", 1), -1);
	CHECK_INT(write_file_atomic(sock, "x", 1), -1);
	CHECK_INT(write_file_atomic(link, "x", 1), -1);
	CHECK(!lstat(fifo, &st) && S_ISFIFO(st.st_mode));
	CHECK(!lstat(sock, &st) && S_ISSOCK(st.st_mode));
	CHECK(!lstat(link, &st) && S_ISLNK(st.st_mode));
	CHECK_INT(output_path_check(fifo), -1);
	CHECK_INT(output_path_check(path_in(dir, "new.pdf")), 0);
	CHECK_INT(hidden_entries(dir), 0);
	close(fd);
}

static void test_a_temporary_left_by_a_killed_writer_is_removed(void)
{
	const char *dir = test_tmpdir();
	char *file = path_in(dir, "briefing.pdf"), *stale = path_in(dir, ".briefing.pdf.a1B2c3");
	char *busy = path_in(dir, ".briefing.pdf.zzZZ99"), *other = path_in(dir, ".other.pdf.a1B2c3");
	int fd;

	put(stale, "half a briefi");
	put(other, "not ours");
	/* A writer at work holds its temporary locked: it is not stale. */
	put(busy, "being written");
	fd = open(busy, O_RDONLY);
	CHECK(fd >= 0 && !flock(fd, LOCK_EX));
	CHECK_INT(write_file_atomic(file, "%PDF", 4), 0);
	CHECK(access(stale, F_OK) < 0);
	CHECK(!access(busy, F_OK));
	CHECK(!access(other, F_OK));
	close(fd);
	CHECK_INT(write_file_atomic(file, "%PDF", 4), 0);
	CHECK(access(busy, F_OK) < 0);
	CHECK_STR(slurp(file), "%PDF");
}

int main(void)
{
	test_run("a file is written whole or not at all", test_a_file_is_written_whole_or_not_at_all);
	test_run("a write that fails midway keeps the old file",
		 test_a_write_that_fails_midway_keeps_the_old_file);
	test_run("a link is followed and stays a link", test_a_link_is_followed_and_stays_a_link);
	test_run("a FIFO or a socket is refused and stays", test_a_fifo_or_a_socket_is_refused_and_stays);
	test_run("a temporary left by a killed writer is removed",
		 test_a_temporary_left_by_a_killed_writer_is_removed);
	return test_done();
}
