#ifndef INPUT_H
#define INPUT_H

/*
 * Reads an input file line by line, gzip or plain alike (zlib passes plain
 * files through), from a path or "-" for standard input. Holds one buffer of
 * the file at a time (a few with input_read_ahead()), never the whole file.
 */

#include <stddef.h>
#include <zlib.h>

#include "../util/buf.h"

/* A line longer than this is an error, not a reason to exhaust memory. */
#define INPUT_MAX_LINE ((size_t)64 << 20)

struct input {
	const char *name;	/* for messages; borrowed from the caller */
	long line;		/* number of the last line returned, 1-based; for a
				 * text made from a file, its line in the file */
	long nread;		/* lines returned so far */
	long *source_line;	/* a text's map to file lines, one per text line */
	size_t source_lines;
	gzFile gz;
	char *data;		/* read buffer, `chunk` bytes */
	size_t chunk;
	size_t len, pos;
	int eof;
	struct readahead *ahead;	/* input_read_ahead()'s thread, or NULL */
};

/*
 * Opens `path` ("-" is standard input). `name` is borrowed and must outlive
 * the input. Returns 0, or -1 after reporting "PATH: cannot open: REASON".
 */
int input_open(struct input *in, const char *path);

/*
 * Returns up to `max` bytes from the start of the file without consuming
 * them, for telling formats apart. Call before the first input_getline().
 * Returns NULL (with a message) on a read error; *len is 0 for an empty file.
 */
const char *input_peek(struct input *in, size_t max, size_t *len);

/*
 * Inflates the rest of a compressed regular file on a thread of its own,
 * a few buffers ahead of the reader, so that decompression runs on one
 * core while the lines are parsed on another. What the reader gets is
 * unchanged: the same bytes, lines and messages, in the same order (a read
 * error is told when the reader reaches it, after the bytes before it).
 * Does nothing for a plain file, standard input (a read there may wait
 * for ever, and input_close() would wait for it) or a text, or when no
 * thread is to be had. The input is still read by one thread at a time
 * (which may change, as parse_threaded() hands it to the parser's).
 * Memory: four more buffers of the read size (1 MiB in all). Cannot fail.
 */
void input_read_ahead(struct input *in);

/*
 * Reads the next line into `line` (replacing its contents), without the
 * line end ("\n" or "\r\n"). Returns 1 for a line, 0 at the end of the file,
 * -1 after reporting a read error or an over-long line.
 */
int input_getline(struct input *in, struct buf *line);

/*
 * Opens a text made from the file `name` (an HTML page's visible text, say)
 * for input_getline(). Takes `text` (from buf_detach(), `len` bytes) and
 * `source_line` (xmalloc'd, `n` entries: the file's line of each text line,
 * or NULL): input_close() frees them. `in->line` then says the file's line.
 * Cannot fail.
 */
void input_open_text(struct input *in, const char *name, char *text, size_t len,
		     long *source_line, size_t n);

/*
 * Reads the rest of the file into `out` (appended), which must stay under
 * `max` bytes. Returns 0, or -1 after reporting a read error or
 * "'NAME': larger than N MiB".
 */
int input_read_all(struct input *in, size_t max, struct buf *out);

/*
 * Stops input_read_ahead()'s thread, closes the file (not standard input's
 * descriptor) and frees the buffers.
 */
void input_close(struct input *in);

#endif
