#ifndef FILE_H
#define FILE_H

/*
 * Writing output files so that a failure never leaves half of one: the
 * data goes to a temporary file beside the target, is flushed to disk, and
 * is renamed over the target only once complete. A reader sees the old
 * file or the new one, never a mixture; a failure leaves the old one.
 *
 * Every file ibrief writes (briefings, charts, messages, the
 * configuration) goes through write_file_atomic(), so one rule holds for
 * every command:
 *
 *   - a plain file, or a path that does not exist yet, is replaced or
 *     created;
 *   - a symbolic link is followed (a chain of them, up to 40) and the file
 *     it names is replaced; the link itself stays;
 *   - a device, FIFO or socket is refused: renaming over it would replace
 *     the node itself (`report -o /dev/full` as root once did);
 *   - a directory is refused (the commands that take a directory turn it
 *     into a file name inside before calling).
 *
 * The temporary file is ".NAME.XXXXXX" beside the target. It is locked
 * (flock) while written; a successful write removes the unlocked ones of
 * the same target, which a process killed in the middle left behind.
 */

#include <stddef.h>

/*
 * Writes `len` bytes at `data` to `path` by the rule above. A new file
 * gets the mode fopen() would give it (0666 less the umask); a replaced
 * file keeps its permission bits. Returns 0, or -1 with a message naming
 * the file; no temporary file is left behind, and what was at `path`
 * before is untouched.
 */
int write_file_atomic(const char *path, const void *data, size_t len);

/*
 * Checks `path` against the rule above without writing: returns 0 when
 * write_file_atomic() could replace or create it, or -1 with the same
 * message it would give for a device, FIFO, socket or directory. For
 * commands that do long work before writing, to refuse early.
 */
int output_path_check(const char *path);

#endif
