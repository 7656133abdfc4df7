#include "scratch.h"

#include <stdint.h>
#include <sys/mman.h>

#include "util.h"
#include "banned.h"

#define HUGE_PAGE ((size_t)2 << 20)

void *scratch_get(struct scratch *s, size_t n)
{
	size_t size, slack;
	unsigned char *map, *start;

	if (n <= s->cap && s->mem)
		return s->mem;
	scratch_release(s);
	if (n > SIZE_MAX - 2 * HUGE_PAGE)
		die("out of memory (%zu bytes)", n);
	size = (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	/* One huge page more than asked, to start on a huge page boundary. */
	map = mmap(NULL, size + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		   0);
	if (map == MAP_FAILED)
		die("out of memory (%zu bytes)", n);
	start = map + ((HUGE_PAGE - (uintptr_t)map % HUGE_PAGE) % HUGE_PAGE);
	slack = (size_t)(start - map);
	if (slack)
		munmap(map, slack);
	if (HUGE_PAGE - slack)
		munmap(start + size, HUGE_PAGE - slack);
#ifdef MADV_HUGEPAGE
	madvise(start, size, MADV_HUGEPAGE);	/* advice: failing changes nothing */
#endif
	s->mem = start;
	s->cap = size;
	return s->mem;
}

void scratch_release(struct scratch *s)
{
	if (s->mem)
		munmap(s->mem, s->cap);
	s->mem = NULL;
	s->cap = 0;
}
