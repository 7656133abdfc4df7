#ifndef UTIL_SHA256_H
#define UTIL_SHA256_H

/*
 * SHA-256 (FIPS 180-4) of a buffer in memory, for recording what a
 * briefing wrote: whoever holds the PDF can check it is the one recorded
 * (sha256sum). Not for secrets: no care is taken against timing.
 */

#include <stddef.h>

/* Writes the digest of data[0, len) as 64 lower-case hex digits and a NUL. */
void sha256_hex(const void *data, size_t len, char out[65]);

#endif
