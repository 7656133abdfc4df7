#ifndef FUZZ_H
#define FUZZ_H

/*
 * Shared by the libFuzzer harnesses (make fuzz; README "Security"). Each
 * harness feeds its bytes to the function that reads untrusted input in
 * ibrief, in memory and without a store, and checks nothing but that it
 * returns: the sanitizers (address, undefined, leaks) and libFuzzer's
 * timeout turn every other outcome into a finding.
 */

#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "store/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bytes as a NUL-terminated string, in a new buffer to free(). */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static int fuzz_keep(struct parse_ctx *ctx, struct incident *inc)
{
	(void)ctx;
	(void)inc;
	return 0;
}

/*
 * Runs an importer's parser over the bytes as the import does (through
 * struct input, so gzip and line reading are fuzzed too), from a memory
 * file. `skip_bad` alternates with the first byte, to reach both paths.
 */
static inline void fuzz_parse(int (*parse)(struct parse_ctx *), const char *format,
			      const uint8_t *data, size_t size)
{
	struct parse_ctx ctx = { .format = format, .on_record = fuzz_keep };
	struct input in;
	char path[64];
	int fd = memfd_create("fuzz", 0);

	if (fd < 0 || (size && write(fd, data, size) != (ssize_t)size))
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (input_open(&in, path) == 0) {
		ctx.in = &in;
		ctx.skip_bad = size && (data[0] & 1);
		parse(&ctx);
		input_close(&in);
	}
	close(fd);
}

#endif
