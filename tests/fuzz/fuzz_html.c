/*
 * The HTML page reader (store/html.c): the visible text of the bytes and
 * each line's place in them, in memory. What the page reader makes of such
 * text is fuzz_page's.
 */

#include "fuzz.h"
#include "store/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf text = BUF_INIT;
	long *lines = NULL;
	size_t n = 0;

	if (html_to_text("fuzz.html", (const char *)data, size, &text, &lines, &n) == 0) {
		/* Every line of the text has its line in the file. */
		size_t nl = 0;

		for (size_t i = 0; i < text.len; i++)
			nl += text.buf[i] == '\n';
		if (nl != n)
			abort();
		for (size_t i = 0; i < n; i++)
			if (lines[i] < 1)
				abort();
	}
	free(lines);
	buf_release(&text);
	return 0;
}
