#ifndef UTIL_SCRATCH_H
#define UTIL_SCRATCH_H

/*
 * Large working memory kept from one use to the next: a chart's 300-dpi
 * surface (up to 12 MB), its palette indices.
 *
 * Why: memory new to the process costs a page fault for every 4 KB the
 * first time it is written. Measured on the 2-core VM the briefings are
 * timed on: writing 12 MB of fresh 4 KB pages takes 50-60 ms, the same in
 * 2 MB pages 3 ms; the VCDB briefing of June 2013 took 8,700 page faults,
 * 4,000 of them its surfaces. A scratch is mapped in whole 2 MB pages,
 * aligned and marked for transparent huge pages (MADV_HUGEPAGE; Linux
 * honours it in the "always" and "madvise" modes, and otherwise it is
 * plain memory), and kept until a larger size is asked for.
 *
 * Not thread-safe: one scratch serves one thread at a time.
 */

#include <stddef.h>

struct scratch {
	void *mem;
	size_t cap;
};
#define SCRATCH_INIT { NULL, 0 }

/*
 * Returns at least `n` bytes, their contents undefined: the scratch's own
 * memory when it is large enough, else new memory (the old is unmapped, so
 * earlier pointers are then invalid). Dies when out of memory, as xmalloc().
 */
void *scratch_get(struct scratch *s, size_t n);

/* Unmaps the memory; the scratch is empty and reusable after. */
void scratch_release(struct scratch *s);

#endif
