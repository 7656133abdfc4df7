#include "input.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/banned.h"

#define CHUNK (256 * 1024)
#define SMALL_CHUNK (8 * 1024)
/* input_read_ahead()'s buffers: enough that neither thread waits on a hiccup of the other. */
#define AHEAD 4

/*
 * input_read_ahead(): the thread calls gzread() into the next free buffer
 * of a ring, and the reader copies from the oldest full one. `full`
 * buffers from `head` on hold data; the thread writes only the others, and
 * the reader reads only buffer `head`, so neither touches the other's
 * buffer without the lock. At the end or at an error the thread keeps
 * gzread()'s result and errno and stops; the reader, once it has taken
 * every byte before them, acts on them as on its own gzread()'s (fill()).
 */
struct readahead {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	gzFile gz;
	size_t chunk;
	char *data[AHEAD];
	size_t len[AHEAD];
	size_t head, full, pos;		/* pos: the reader's offset in data[head] */
	int ended, last, last_errno;	/* the thread stopped; its gzread() result, errno */
	int stop;			/* input_close() wants the thread gone */
};

static void *read_ahead(void *arg)
{
	struct readahead *ra = arg;

	for (;;) {
		size_t slot;
		int n, saved;

		pthread_mutex_lock(&ra->lock);
		while (ra->full == AHEAD && !ra->stop)
			pthread_cond_wait(&ra->changed, &ra->lock);
		if (ra->stop) {
			pthread_mutex_unlock(&ra->lock);
			return NULL;
		}
		slot = (ra->head + ra->full) % AHEAD;
		pthread_mutex_unlock(&ra->lock);

		n = gzread(ra->gz, ra->data[slot], (unsigned)ra->chunk);
		saved = errno;
		pthread_mutex_lock(&ra->lock);
		if (n > 0) {
			ra->len[slot] = (size_t)n;
			ra->full++;
		} else {
			ra->ended = 1;
			ra->last = n;
			ra->last_errno = saved;
		}
		pthread_cond_signal(&ra->changed);
		pthread_mutex_unlock(&ra->lock);
		if (n <= 0)
			return NULL;
	}
}

/* gzread() for the reader: up to `room` bytes from the ring, or the thread's last result. */
static int ahead_read(struct readahead *ra, char *to, size_t room)
{
	size_t take;

	pthread_mutex_lock(&ra->lock);
	while (!ra->full && !ra->ended)
		pthread_cond_wait(&ra->changed, &ra->lock);
	if (!ra->full) {
		errno = ra->last_errno;
		pthread_mutex_unlock(&ra->lock);
		return ra->last;
	}
	pthread_mutex_unlock(&ra->lock);
	take = ra->len[ra->head] - ra->pos;
	if (take > room)
		take = room;
	memcpy(to, ra->data[ra->head] + ra->pos, take);
	ra->pos += take;
	if (ra->pos == ra->len[ra->head]) {
		pthread_mutex_lock(&ra->lock);
		ra->head = (ra->head + 1) % AHEAD;
		ra->full--;
		ra->pos = 0;
		pthread_cond_signal(&ra->changed);
		pthread_mutex_unlock(&ra->lock);
	}
	return (int)take;
}

static void ahead_free(struct readahead *ra)
{
	pthread_cond_destroy(&ra->changed);
	pthread_mutex_destroy(&ra->lock);
	for (size_t i = 0; i < AHEAD; i++)
		free(ra->data[i]);
	free(ra);
}

/* Stops the thread, in the middle of a gzread() or waiting, and frees all. */
static void ahead_stop(struct readahead *ra)
{
	pthread_mutex_lock(&ra->lock);
	ra->stop = 1;
	pthread_cond_signal(&ra->changed);
	pthread_mutex_unlock(&ra->lock);
	pthread_join(ra->thread, NULL);
	ahead_free(ra);
}

void input_read_ahead(struct input *in)
{
	struct readahead *ra;
	struct stat st;

	if (in->ahead || !in->gz || !strcmp(in->name, "-") || stat(in->name, &st) ||
	    !S_ISREG(st.st_mode) || gzdirect(in->gz))
		return;
	ra = xcalloc(1, sizeof(*ra));
	ra->gz = in->gz;
	ra->chunk = in->chunk;
	for (size_t i = 0; i < AHEAD; i++)
		ra->data[i] = xmalloc(ra->chunk);
	pthread_mutex_init(&ra->lock, NULL);
	pthread_cond_init(&ra->changed, NULL);
	if (pthread_create(&ra->thread, NULL, read_ahead, ra)) {
		/* No thread to be had: the reader calls gzread() itself, as before. */
		ahead_free(ra);
		return;
	}
	in->ahead = ra;
}

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
	n = in->ahead ? ahead_read(in->ahead, in->data + in->len, room) :
			gzread(in->gz, in->data + in->len, (unsigned)room);
	if (n < 0) {
		int saved = errno;
		const char *msg = gzerror(in->gz, &zerr);

		return error("'%s': read error: %s", in->name,
			     zerr == Z_ERRNO ? strerror(saved) : msg);
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
	if (in->ahead)
		ahead_stop(in->ahead);
	if (in->gz)
		gzclose(in->gz);
	free(in->data);
	free(in->source_line);
	memset(in, 0, sizeof(*in));
}
