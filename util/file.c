#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "util.h"
#include "banned.h"

int write_file_atomic(const char *path, const void *data, size_t len)
{
	struct buf tmp = BUF_INIT;
	const char *slash = strrchr(path, '/');
	mode_t mask = umask(0);
	int fd, ret = -1;
	FILE *f = NULL;

	umask(mask);
	if (slash)
		buf_add(&tmp, path, (size_t)(slash - path + 1));
	buf_addf(&tmp, ".%s.XXXXXX", slash ? slash + 1 : path);
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		error("'%s': cannot create a temporary file beside it: %s", path, strerror(errno));
		goto out;
	}
	f = fdopen(fd, "wb");
	if (!f) {
		error("'%s': cannot write: %s", tmp.buf, strerror(errno));
		close(fd);
		goto fail;
	}
	if (fchmod(fd, 0666 & ~mask) < 0 || fwrite(data, 1, len, f) != len ||
	    fflush(f) || fsync(fd) < 0) {
		error("'%s': cannot write: %s", tmp.buf, strerror(errno));
		fclose(f);
		goto fail;
	}
	if (fclose(f)) {
		error("'%s': cannot write: %s", tmp.buf, strerror(errno));
		goto fail;
	}
	if (rename(tmp.buf, path) < 0) {
		error("'%s': cannot rename '%s' to it: %s", path, tmp.buf, strerror(errno));
		goto fail;
	}
	ret = 0;
	goto out;
fail:
	remove(tmp.buf);
out:
	buf_release(&tmp);
	return ret;
}
