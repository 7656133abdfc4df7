#include "file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "util.h"
#include "banned.h"

/* As the kernel's limit on links followed in one path (MAXSYMLINKS). */
#define MAX_LINKS 40
/* mkstemp() replaces exactly these six characters. */
#define TEMP_SUFFIX "XXXXXX"

static const char *kind_of(mode_t mode)
{
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISDIR(mode))
		return "a directory";
	return NULL;
}

/*
 * Follows symbolic links from `path` to the path of the file they name,
 * in `out`. Sets *exists, and *st when it does. A dangling link names a
 * file to create. Returns 0, or -1 with a message.
 */
static int resolve(const char *path, struct buf *out, struct stat *st, int *exists)
{
	char link[PATH_MAX];

	buf_reset(out);
	buf_adds(out, path);
	for (int hops = 0;; hops++) {
		ssize_t n;
		char *slash;

		if (lstat(out->buf, st) < 0) {
			*exists = 0;
			if (errno == ENOENT)
				return 0;
			return error("'%s': %s", path, strerror(errno));
		}
		*exists = 1;
		if (!S_ISLNK(st->st_mode))
			return 0;
		if (hops == MAX_LINKS)
			return error("'%s': more than %d symbolic links in a chain", path, MAX_LINKS);
		n = readlink(out->buf, link, sizeof(link) - 1);
		if (n < 0)
			return error("'%s': cannot read the link '%s': %s", path, out->buf,
				     strerror(errno));
		link[n] = '\0';
		/* A relative link is relative to the directory that holds it. */
		slash = strrchr(out->buf, '/');
		if (link[0] == '/' || !slash)
			buf_reset(out);
		else
			buf_setlen(out, (size_t)(slash - out->buf + 1));
		buf_adds(out, link);
	}
}

/* The rule of file.h, on the resolved target. */
static int check_target(const char *path, const struct buf *target, const struct stat *st)
{
	const char *kind = kind_of(st->st_mode);

	if (!kind)
		return 0;
	if (strcmp(path, target->buf))
		return error("'%s' leads to '%s', which is %s, not a file: not replacing it",
			     path, target->buf, kind);
	return error("'%s' is %s, not a file: not replacing it", path, kind);
}

int output_path_check(const char *path)
{
	struct buf target = BUF_INIT;
	struct stat st;
	int exists, ret;

	ret = resolve(path, &target, &st, &exists);
	if (!ret && exists)
		ret = check_target(path, &target, &st);
	buf_release(&target);
	return ret;
}

/*
 * Whether `name` is a temporary of the file `base`: "." base "." and six
 * characters of mkstemp()'s alphabet.
 */
static int is_temp_of(const char *name, const char *base)
{
	size_t n = strlen(base), len = strlen(name);

	if (len != n + 2 + strlen(TEMP_SUFFIX) || name[0] != '.' || strncmp(name + 1, base, n) ||
	    name[n + 1] != '.')
		return 0;
	for (const char *p = name + n + 2; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') && !(*p >= '0' && *p <= '9'))
			return 0;
	return 1;
}

/*
 * Removes the temporaries of `base` in `dir` that no writer holds: a
 * writer keeps its temporary locked until renamed, and the lock of a
 * killed process is gone with it. Best effort: failing to tidy is not
 * failing to write.
 */
static void remove_stale_temps(const char *dir, const char *base)
{
	DIR *d = opendir(*dir ? dir : ".");
	struct dirent *e;
	struct buf p = BUF_INIT;

	while (d && (e = readdir(d))) {
		struct stat before, now;
		int fd;

		if (!is_temp_of(e->d_name, base))
			continue;
		buf_reset(&p);
		buf_addf(&p, "%s%s", dir, e->d_name);
		fd = open(p.buf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
		if (fd < 0)
			continue;
		if (!fstat(fd, &before) && S_ISREG(before.st_mode) &&
		    !flock(fd, LOCK_EX | LOCK_NB) && !lstat(p.buf, &now) &&
		    now.st_ino == before.st_ino && now.st_dev == before.st_dev)
			unlink(p.buf);
		close(fd);
	}
	if (d)
		closedir(d);
	buf_release(&p);
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Creates and locks the temporary `tmp` for the file `base` in `dir`.
 * Returns its descriptor, or -1 with a message. A temporary removed by
 * another writer's tidying between mkstemp() and flock() is made again.
 */
static int make_temp(struct buf *tmp, const char *dir, const char *base, const char *path)
{
	for (int tries = 0; tries < 10; tries++) {
		struct stat st;
		int fd;

		buf_reset(tmp);
		buf_addf(tmp, "%s.%s." TEMP_SUFFIX, dir, base);
		fd = mkstemp(tmp->buf);
		if (fd < 0)
			return error("'%s': cannot create a temporary file beside it: %s", path,
				     strerror(errno));
		if (!flock(fd, LOCK_EX) && !fstat(fd, &st) && st.st_nlink > 0)
			return fd;
		close(fd);
	}
	return error("'%s': cannot keep a temporary file beside it", path);
}

int write_file_atomic(const char *path, const void *data, size_t len)
{
	struct buf target = BUF_INIT, dir = BUF_INIT, tmp = BUF_INIT;
	const char *slash, *base;
	struct stat st;
	mode_t mask = umask(0);
	int fd = -1, exists, ret = -1;

	umask(mask);
	if (resolve(path, &target, &st, &exists) < 0)
		goto out;
	/* A directory is left to rename(), which refuses it. */
	if (exists && !S_ISDIR(st.st_mode) && check_target(path, &target, &st) < 0)
		goto out;
	slash = strrchr(target.buf, '/');
	base = slash ? slash + 1 : target.buf;
	if (slash)
		buf_add(&dir, target.buf, (size_t)(slash - target.buf + 1));
	fd = make_temp(&tmp, dir.buf, base, path);
	if (fd < 0)
		goto out;
	if (fchmod(fd, exists && S_ISREG(st.st_mode) ? st.st_mode & 07777 : 0666 & ~mask) < 0 ||
	    write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		error("'%s': cannot write: %s; it is left as it was", path, strerror(errno));
		goto fail;
	}
	if (rename(tmp.buf, target.buf) < 0) {
		if (errno == EISDIR)
			error("'%s' is a directory, not a file: not replacing it", path);
		else
			error("'%s': cannot rename '%s' to it: %s", path, tmp.buf, strerror(errno));
		goto fail;
	}
	remove_stale_temps(dir.buf, base);
	ret = 0;
	goto out;
fail:
	unlink(tmp.buf);
out:
	/* Closed last: the lock keeps the temporary ours until renamed; fsync() has the data. */
	if (fd >= 0)
		close(fd);
	buf_release(&target);
	buf_release(&dir);
	buf_release(&tmp);
	return ret;
}
