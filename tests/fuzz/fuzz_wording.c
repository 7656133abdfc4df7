/* The wording rules of the page importer, over one text as a summary. */
#include "fuzz.h"
#include "store/wording.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size), *phrase, *victim;
	const char *kind;
	struct words w;
	int approx;

	words_split(&w, text);
	victim = wording_victim(&w, &phrase);
	free(victim);
	free(phrase);
	wording_day(&w, 2024, size % 12 + 1, &phrase);
	free(phrase);
	wording_public(&w, (int)(size & 1), &kind, &phrase);
	free(phrase);
	wording_type(&w, &phrase);
	free(phrase);
	wording_affected(&w, &phrase);
	free(phrase);
	wording_contain(&w, &approx, &phrase);
	free(phrase);
	wording_recover(&w, &phrase);
	free(phrase);
	wording_month(text, strlen(text));
	words_release(&w);
	free(text);
	return 0;
}
