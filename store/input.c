#include "input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/banned.h"

#define CHUNK (256 * 1024)
#define SMALL_CHUNK (8 * 1024)

/*
 * The read buffers (ours and zlib's, three in all) are CHUNK bytes, or for a
 * small plain file a little more than the file: a page or a CSV of a few KiB
 * need not cost 768 KiB of fresh memory. The size only sets how much is read
 * at a time, never what a line may hold.
 */
static size_t chunk_for(const char *path)
{
	struct stat st;

	if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size >= 0 && (unsigned long long)st.st_size < CHUNK - SMALL_CHUNK)
		return (size_t)st.st_size + SMALL_CHUNK;
	return CHUNK;
}

int input_open(struct input *in, const char *path)
{
	memset(in, 0, sizeof(*in));
	in->name = path;
	in->chunk = chunk_for(path);
	if (!strcmp(path, "-")) {
		int fd = dup(STDIN_FILENO);

		in->gz = fd < 0 ? NULL : gzdopen(fd, "rb");
		if (!in->gz && fd >= 0)
			close(fd);
	} else {
		in->gz = gzopen(path, "rb");
	}
	if (!in->gz)
		return error("'%s': cannot open: %s", path, errno ? strerror(errno) : "out of memory");
	gzbuffer(in->gz, (unsigned)in->chunk);
	in->data = xmalloc(in->chunk);
	return 0;
}

/* Reads more into the buffer, keeping unconsumed bytes. 0 ok, -1 error. */
static int fill(struct input *in)
{
	int n, zerr;
	size_t room;

	if (in->eof)
		return 0;
	if (in->pos) {
		memmove(in->data, in->data + in->pos, in->len - in->pos);
		in->len -= in->pos;
		in->pos = 0;
	}
	room = in->chunk - in->len;
	if (!room)
		return 0;
	n = gzread(in->gz, in->data + in->len, (unsigned)room);
	if (n < 0) {
		const char *msg = gzerror(in->gz, &zerr);

		return error("'%s': read error: %s", in->name,
			     zerr == Z_ERRNO ? strerror(errno) : msg);
	}
	if (n == 0) {
		/* gzread returns 0 both at the end and on a truncated stream. */
		const char *msg = gzerror(in->gz, &zerr);

		if (zerr != Z_OK && zerr != Z_BUF_ERROR)
			return error("'%s': read error: %s", in->name, msg);
		if (zerr == Z_BUF_ERROR)
			return error("'%s': read error: the compressed file is truncated", in->name);
		in->eof = 1;
	}
	in->len += (size_t)n;
	return 0;
}

const char *input_peek(struct input *in, size_t max, size_t *len)
{
	while (!in->eof && in->len < max && in->len < in->chunk)
		if (fill(in) < 0)
			return NULL;
	*len = in->len < max ? in->len : max;
	return in->data;
}

int input_getline(struct input *in, struct buf *line)
{
	buf_reset(line);
	for (;;) {
		char *start = in->data + in->pos;
		size_t avail = in->len - in->pos;
		char *nl = memchr(start, '\n', avail);
		size_t take = nl ? (size_t)(nl - start) : avail;

		if (line->len + take > INPUT_MAX_LINE)
			return error_at(in->name, in->line + 1, 0, "line longer than %zu MiB",
					INPUT_MAX_LINE >> 20);
		buf_add(line, start, take);
		in->pos += take;
		if (nl) {
			in->pos++;
			break;
		}
		if (in->eof) {
			if (!line->len)
				return 0;
			break;
		}
		if (fill(in) < 0)
			return -1;
	}
	if (line->len && line->buf[line->len - 1] == '\r')
		buf_setlen(line, line->len - 1);
	in->nread++;
	if (in->source_line && in->source_lines)
		in->line = in->source_line[(size_t)in->nread <= in->source_lines ?
					   in->nread - 1 : (long)in->source_lines - 1];
	else
		in->line = in->nread;
	return 1;
}

void input_open_text(struct input *in, const char *name, char *text, size_t len,
		     long *source_line, size_t n)
{
	memset(in, 0, sizeof(*in));
	in->name = name;
	in->data = text;
	in->len = in->chunk = len;
	in->eof = 1;
	in->source_line = source_line;
	in->source_lines = n;
}

int input_read_all(struct input *in, size_t max, struct buf *out)
{
	for (;;) {
		size_t avail = in->len - in->pos;

		if (out->len + avail >= max)
			return error("'%s': larger than %zu MiB", in->name, max >> 20);
		buf_add(out, in->data + in->pos, avail);
		in->pos = in->len;
		if (in->eof)
			return 0;
		if (fill(in) < 0)
			return -1;
	}
}

void input_close(struct input *in)
{
	if (in->gz)
		gzclose(in->gz);
	free(in->data);
	free(in->source_line);
	memset(in, 0, sizeof(*in));
}
