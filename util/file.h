#ifndef FILE_H
#define FILE_H

/*
 * Writing output files so that a failure never leaves half of one: the
 * data goes to a temporary file beside the target, is flushed to disk, and
 * is renamed over the target only once complete. A reader sees the old
 * file or the new one, never a mixture; a failure leaves the old one.
 */

#include <stddef.h>

/*
 * Writes `len` bytes at `data` to `path` as above. The file gets the mode
 * fopen() would give it (0666 less the umask). Returns 0, or -1 with a
 * message naming the file; no temporary file is left behind.
 */
int write_file_atomic(const char *path, const void *data, size_t len);

#endif
