#include "words.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/util.h"
#include "../util/banned.h"

/*
 * Text as words, for the rules of store/wording.c. The contract, and the
 * rules for what a word is and how phrases match, are in words.h.
 */

static size_t steps;

size_t words_steps(void)
{
	return steps;
}

/* --- UTF-8 and words --- */

/*
 * Letters and digits make words. Latin-1 punctuation (no-break space, « »),
 * the general punctuation block (’ “ ” — …) and other symbols do not.
 */
static int is_letter(long cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return 0;
	if (cp < 0x2000)
		return 1;
	if (cp < 0x2C00 || (cp >= 0x3000 && cp < 0x3040) || (cp >= 0xD800 && cp < 0xF900))
		return 0;
	return !(cp >= 0xFE00 && cp < 0xFE70) && cp != 0xFEFF && !(cp >= 0xFF00 && cp < 0xFF10);
}

static int is_gap_space(long cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '-' ||
	       cp == 0xA0 || cp == 0x2009 || cp == 0x2010 || cp == 0x2011 || cp == 0x202F;
}

/*
 * Base letters of U+00C0..U+00FF and U+0100..U+017F; '?' marks the letters
 * that fold to two (æ, þ, ß, ĳ, œ), '*' the two signs (×, ÷).
 */
static const char fold_latin1[] =
	"aaaaaa?ceeeeiiiidnooooo*ouuuuy??"	/* U+00C0..U+00DF */
	"aaaaaa?ceeeeiiiidnooooo*ouuuuy?y";	/* U+00E0..U+00FF */
static const char fold_latin_a[] =
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllll"
	"nnnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
_Static_assert(sizeof(fold_latin1) == 64 + 1, "one letter for each of U+00C0..U+00FF");
_Static_assert(sizeof(fold_latin_a) == 128 + 1, "one letter for each of U+0100..U+017F");

static void fold(struct buf *out, long cp, const char *raw, size_t rawlen)
{
	const char *two = NULL;
	char c = 0;

	if (cp >= 'A' && cp <= 'Z')
		c = (char)(cp + 'a' - 'A');
	else if (cp >= 0 && cp < 0x80)
		c = (char)cp;
	else if (cp >= 0xC0 && cp <= 0xFF)
		c = fold_latin1[cp - 0xC0];
	else if (cp >= 0x100 && cp <= 0x17F)
		c = fold_latin_a[cp - 0x100];
	else if (cp >= 0x300 && cp <= 0x36F)
		return;	/* combining accents: "é" written as "e" + U+0301 */
	if (c == '?') {
		two = cp == 0xDF ? "ss" : (cp | 0x20) == 0xFE ? "th" : (cp | 0x20) == 0xE6 ? "ae" :
		      cp < 0x140 ? "ij" : "oe";
		buf_adds(out, two);
	} else if (c) {
		buf_addch(out, c);
	} else {
		buf_add(out, raw, rawlen);	/* other scripts: kept as written */
	}
}

static void normalize_into(struct buf *b, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t at = i;
		long cp = utf8_decode(s, len, &i);

		fold(b, cp, s + at, i - at);
	}
}

char *words_normalize(const char *s, size_t len)
{
	struct buf b = BUF_INIT;

	normalize_into(&b, s, len);
	return buf_detach(&b, NULL);
}

/* Abbreviations whose dot does not end a sentence ("St. Mary's Hospital"). */
static const char *const abbreviations[] = {
	"st", "ste", "dr", "mr", "mrs", "ms", "prof", "co", "corp", "inc", "ltd", "no", "nr",
	"mt", "jr", "sr", "vs", "approx", "ca", "incl", "dept", "univ", "gov",
};

static int is_abbreviation(const char *norm)
{
	if (strlen(norm) == 1)
		return 1;	/* an initial, "e.g.", "S.A." */
	for (size_t i = 0; i < ARRAY_SIZE(abbreviations); i++)
		if (!strcmp(norm, abbreviations[i]))
			return 1;
	return 0;
}

static void classify_gap(struct words *w, struct word *wd, const char *prev_norm)
{
	const char *t = w->text;
	size_t i = wd->gap_start, end = wd->start;
	int only_space = 1, stop = 0, stop_then_space = 0, newlines = 0;
	unsigned char first = (unsigned char)t[wd->start];

	if (wd == w->v) {
		wd->gap = GAP_NONE;
		wd->sentence = 1;
		return;
	}
	while (i < end) {
		long cp = utf8_decode(t, end, &i);

		if (!is_gap_space(cp))
			only_space = 0;
		if (cp == '\n')
			newlines++;
		if (cp == '.' || cp == '!' || cp == '?')
			stop = 1;
		else if (stop && (cp == ' ' || cp == '\n' || cp == 0xA0))
			stop_then_space = 1;
	}
	wd->gap = only_space ? GAP_SPACE : (end - wd->gap_start == 1 && t[wd->gap_start] == '.') ?
		  GAP_DOT : GAP_OTHER;
	wd->sentence = stop_then_space && !is_abbreviation(prev_norm) &&
		       ((first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9') || first >= 0x80);
	if (newlines >= 2)
		wd->sentence = 1;	/* a new paragraph */
}

/* Records each word's sentence, so that asking for it costs nothing. */
static void mark_sentences(struct words *w)
{
	uint32_t start = 0, next = (uint32_t)w->n;

	for (size_t i = 0; i < w->n; i++) {
		if (w->v[i].sentence)
			start = (uint32_t)i;
		w->v[i].sentence_start = start;
	}
	for (size_t i = w->n; i-- > 0;) {
		w->v[i].sentence_end = next;
		if (w->v[i].sentence)
			next = (uint32_t)i;
	}
}

/*
 * The normalized forms go into one buffer, NUL after each, in word order;
 * each word's `norm` points into it once the buffer has stopped growing.
 */
void words_split(struct words *w, const char *text)
{
	size_t len = strlen(text), i = 0, gap_start = 0, prev_norm = 0;

	if (len > UINT32_MAX)
		len = UINT32_MAX;
	struct buf norms = BUF_INIT;
	const char *p;

	w->text = text;
	w->v = NULL;
	w->n = w->alloc = 0;
	while (i < len) {
		size_t at = i, end, norm_at = norms.len;
		struct word *wd;

		if (!is_letter(utf8_decode(text, len, &i)))
			continue;
		for (end = i; end < len; end = i) {
			if (!is_letter(utf8_decode(text, len, &i))) {
				i = end;
				break;
			}
		}
		ALLOC_GROW(w->v, w->n + 1, w->alloc);
		wd = &w->v[w->n++];
		wd->gap_start = (uint32_t)gap_start;
		wd->start = (uint32_t)at;
		wd->end = (uint32_t)end;
		normalize_into(&norms, text + at, end - at);
		wd->hash = (uint32_t)fnv64(FNV64_INIT, norms.buf + norm_at, norms.len - norm_at);
		buf_addch(&norms, '\0');
		classify_gap(w, wd, norms.buf + prev_norm);
		prev_norm = norm_at;
		gap_start = i = end;
	}
	w->norms = buf_detach(&norms, NULL);
	p = w->norms;
	for (size_t k = 0; k < w->n; k++) {
		w->v[k].norm = p;
		p += strlen(p) + 1;
	}
	mark_sentences(w);
}

void words_release(struct words *w)
{
	free(w->v);
	free(w->norms);
	w->v = NULL;
	w->norms = NULL;
	w->n = w->alloc = 0;
}

/* The non-space bytes of a gap, with ’ read as ', for comparing gaps. */
static void gap_key(const struct words *w, size_t i, struct buf *out)
{
	const char *t = w->text;
	size_t p = w->v[i].gap_start, end = w->v[i].start;

	buf_reset(out);
	while (p < end) {
		size_t at = p;
		long cp = utf8_decode(t, end, &p);

		if (cp == 0x2019)
			buf_addch(out, '\'');
		else if (!is_gap_space(cp))
			buf_add(out, t + at, p - at);
	}
}

static int same_gap(const struct words *t, size_t ti, const struct words *p, size_t pi)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	int same;

	if (t->v[ti].gap != p->v[pi].gap)
		return 0;
	if (t->v[ti].gap != GAP_OTHER)
		return 1;
	gap_key(t, ti, &a);
	gap_key(p, pi, &b);
	same = !strcmp(a.buf, b.buf);
	buf_release(&a);
	buf_release(&b);
	return same;
}

static int match_at(const struct words *t, size_t i, const struct words *p)
{
	if (!p->n || i + p->n > t->n)
		return 0;
	for (size_t k = 0; k < p->n; k++) {
		if (strcmp(t->v[i + k].norm, p->v[k].norm))
			return 0;
		if (k && !same_gap(t, i + k, p, k))
			return 0;
	}
	return 1;
}

static int masked(const unsigned char *mask, size_t at, size_t n)
{
	for (size_t k = 0; mask && k < n; k++)
		if (mask[at + k])
			return 1;
	return 0;
}

/*
 * A phrase table ("data breach|data leak") split into its alternatives,
 * chained by the hash of their first word so that a search looks up only
 * the alternatives that can start at a word. The tables are the rules'
 * string constants: each is split the first time it is used and kept for
 * the life of the process, found again by its address (words.h: a table
 * never changes). Past PHRASES_MAX tables (never, with the rules of wording.c) a
 * table is split for one search and freed after it.
 */
#define PHRASE_BUCKETS 64
#define PHRASES_MAX 512
#define NO_ALT SIZE_MAX

struct phrases {
	const char *key;	/* the caller's pointer */
	char **alt_text;	/* each alternative's text, which alt[] borrows */
	struct words *alt;	/* the alternatives in the order listed */
	size_t n;
	size_t *next;		/* the next alternative in the same bucket, or NO_ALT */
	size_t head[PHRASE_BUCKETS];
};

static struct phrases *phrase_cache[PHRASES_MAX];

static struct phrases *phrases_new(const char *alts)
{
	struct phrases *p = xcalloc(1, sizeof(*p));
	size_t alloc = 0;

	p->key = alts;
	for (size_t b = 0; b < PHRASE_BUCKETS; b++)
		p->head[b] = NO_ALT;
	while (*alts) {
		const char *bar = strchr(alts, '|');
		size_t len = bar ? (size_t)(bar - alts) : strlen(alts);

		ALLOC_GROW(p->alt_text, p->n + 1, alloc);
		p->alt_text[p->n++] = xstrndup(alts, len);
		alts += len + (bar ? 1 : 0);
	}
	p->alt = xcalloc(p->n + 1, sizeof(*p->alt));
	p->next = xcalloc(p->n + 1, sizeof(*p->next));
	for (size_t a = p->n; a-- > 0;) {
		size_t b;

		words_split(&p->alt[a], p->alt_text[a]);
		if (!p->alt[a].n)
			continue;	/* an empty alternative never matches */
		b = p->alt[a].v[0].hash % PHRASE_BUCKETS;
		p->next[a] = p->head[b];
		p->head[b] = a;
	}
	return p;
}

static void phrases_free(struct phrases *p)
{
	for (size_t a = 0; a < p->n; a++) {
		words_release(&p->alt[a]);
		free(p->alt_text[a]);
	}
	free(p->alt);
	free(p->alt_text);
	free(p->next);
	free(p);
}

/* The split table for `alts`; *cached is 0 when the caller must free it. */
static struct phrases *phrases_get(const char *alts, int *cached)
{
	size_t slot = (size_t)(((uintptr_t)alts >> 3) % PHRASES_MAX);

	for (size_t k = 0; k < PHRASES_MAX; k++, slot = (slot + 1) % PHRASES_MAX) {
		struct phrases *p = phrase_cache[slot];

		if (p && p->key == alts) {
			*cached = 1;
			return p;
		}
		if (!p) {
			*cached = 1;
			return phrase_cache[slot] = phrases_new(alts);
		}
	}
	*cached = 0;
	return phrases_new(alts);
}

/*
 * Finds the leftmost (then longest, then first listed) occurrence of any
 * alternative of `alts` that starts in [from, to) and touches no masked word.
 */
struct hit words_find(const struct words *t, const char *alts, size_t from, size_t to,
		      const unsigned char *mask)
{
	int cached;
	struct phrases *p = phrases_get(alts, &cached);
	struct hit best = { 0, 0 };

	if (to > t->n)
		to = t->n;
	for (size_t i = from; i < to && !best.n; i++) {
		size_t best_alt = NO_ALT;

		steps++;
		for (size_t a = p->head[t->v[i].hash % PHRASE_BUCKETS]; a != NO_ALT; a = p->next[a]) {
			const struct words *alt = &p->alt[a];

			if (alt->n < best.n || (alt->n == best.n && a > best_alt))
				continue;
			if (!match_at(t, i, alt) || masked(mask, i, alt->n))
				continue;
			best.at = i;
			best.n = alt->n;
			best_alt = a;
		}
	}
	if (!cached)
		phrases_free(p);
	return best;
}

/* Finds the longest alternative of `alts` that ends exactly at word `last`. */
struct hit words_find_ending(const struct words *t, const char *alts, size_t last, size_t from)
{
	for (size_t n = 4; n >= 1; n--) {
		struct hit h;

		if (n > last + 1 - from)
			continue;
		h = words_find(t, alts, last + 1 - n, last + 2 - n, NULL);
		if (h.n == n)
			return h;
	}
	return (struct hit){ 0, 0 };
}

int words_is(const struct words *t, size_t i, const char *alts)
{
	return i < t->n && words_find(t, alts, i, i + 1, NULL).n;
}

/* The text of words [first, last] as written, in a new string. */
char *words_span(const struct words *t, size_t first, size_t last)
{
	return xstrndup(t->text + t->v[first].start, t->v[last].end - t->v[first].start);
}

/* The first word of the sentence after the one word `i` is in. */
size_t words_sentence_end(const struct words *t, size_t i)
{
	steps++;
	return i < t->n ? t->v[i].sentence_end : t->n;
}

size_t words_sentence_start(const struct words *t, size_t i)
{
	steps++;
	return i < t->n ? t->v[i].sentence_start : 0;
}

/* --- numbers --- */

static const struct {
	const char *word;
	int value;
} small_numbers[] = {
	{ "zero", 0 }, { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
	{ "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 },
	{ "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 },
	{ "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 },
	{ "nineteen", 19 }, { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 },
	{ "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
};

static int small_number(const char *norm)
{
	for (size_t i = 0; i < ARRAY_SIZE(small_numbers); i++)
		if (!strcmp(norm, small_numbers[i].word))
			return small_numbers[i].value;
	return -1;
}

static double multiplier(const char *norm)
{
	return !strcmp(norm, "thousand") ? 1e3 : !strcmp(norm, "million") ? 1e6 :
	       !strcmp(norm, "billion") ? 1e9 : 0;
}

int words_all_digits(const char *s, size_t max)
{
	size_t n = strspn(s, "0123456789");

	return n && !s[n] && n <= max;
}

/* A one-character gap of "," "." or a (no-break, thin) space: "41,000", "41 000". */
static int group_gap(const struct words *t, size_t i)
{
	const char *g = t->text + t->v[i].gap_start;
	size_t len = t->v[i].start - t->v[i].gap_start;

	return (len == 1 && (*g == ',' || *g == '.' || *g == ' ')) ||
	       (len == 2 && !memcmp(g, "\xC2\xA0", 2)) ||
	       (len == 3 && (!memcmp(g, "\xE2\x80\xAF", 3) || !memcmp(g, "\xE2\x80\x89", 3)));
}

/*
 * Reads a number starting at word i: digits with thousands separators
 * ("41,000", "41.000", "41 000"), a decimal ("1.5", "1,5"), or English
 * number words ("forty-one thousand", "three hundred and twelve"), each
 * optionally followed by "thousand" or "million". Returns how many words
 * it spans (0: not a number) and sets *value; *in_words tells which kind.
 */
size_t words_number(const struct words *t, size_t i, double *value, int *in_words)
{
	size_t j = i + 1;
	double v, m;

	*in_words = 0;
	if (i >= t->n)
		return 0;
	if (words_all_digits(t->v[i].norm, 9)) {
		int grouped = 0;

		v = strtod(t->v[i].norm, NULL);
		while (strlen(t->v[i].norm) <= 3 && j < t->n && words_all_digits(t->v[j].norm, 3) &&
		       strlen(t->v[j].norm) == 3 && group_gap(t, j)) {
			v = v * 1000 + strtod(t->v[j].norm, NULL);
			grouped = 1;
			j++;
		}
		if (!grouped && j < t->n && words_all_digits(t->v[j].norm, 3) && t->v[j].start -
		    t->v[j].gap_start == 1 && strchr(".,", t->text[t->v[j].gap_start])) {
			double frac = strtod(t->v[j].norm, NULL);

			for (size_t k = strlen(t->v[j].norm); k; k--)
				frac /= 10;
			v += frac;
			j++;
		}
	} else {
		double current = 0, total = 0;
		int any = 0;

		/* "a hundred", "a thousand": the article counts as one. */
		if (words_is(t, i, "a|an") && j < t->n &&
		    (multiplier(t->v[j].norm) > 0 || words_is(t, j, "hundred|dozen"))) {
			current = 1;
			any = 1;
		} else {
			j = i;
		}
		for (; j < t->n; j++) {
			const char *w = t->v[j].norm;
			int n = small_number(w);

			if (any && t->v[j].gap != GAP_SPACE)
				break;
			if (n >= 0)
				current += n;
			else if (any && !strcmp(w, "hundred"))
				current = (current ? current : 1) * 100;
			else if (any && !strcmp(w, "dozen"))
				current = (current ? current : 1) * 12;
			else if (any && multiplier(w) > 0) {
				total += (current ? current : 1) * multiplier(w);
				current = 0;
			} else if (any && !strcmp(w, "and") && j + 1 < t->n &&
				 small_number(t->v[j + 1].norm) >= 0)
				continue;
			else
				break;
			any = 1;
		}
		if (!any)
			return 0;
		*in_words = 1;
		*value = total + current;
		return j - i;
	}
	if (j < t->n && t->v[j].gap == GAP_SPACE && (m = multiplier(t->v[j].norm)) > 0) {
		v *= m;
		j++;
	}
	*value = v;
	return j - i;
}

/* --- durations --- */

/* Reads a duration at word i ("14 hours", "nine days", "an hour", "half a day"). */
size_t words_duration(const struct words *t, size_t i, double *hours)
{
	static const struct {
		const char *words;
		double hours;
	} units[] = {
		{ "minute|minutes|min|mins", 1.0 / 60 },
		{ "hour|hours|hr|hrs|h", 1 },
		{ "day|days", 24 },
		{ "week|weeks", 168 },
		{ "month|months", 730 },
	};
	double v = 1;
	int in_words;
	size_t n;

	if (words_is(t, i, "half") && words_is(t, i + 1, "a|an")) {
		v = 0.5;
		n = 2;
	} else if (words_is(t, i, "a|an")) {
		n = 1;
	} else if (!(n = words_number(t, i, &v, &in_words))) {
		return 0;
	}
	for (size_t u = 0; u < ARRAY_SIZE(units); u++) {
		if (i + n < t->n && t->v[i + n].gap == GAP_SPACE &&
		    words_find(t, units[u].words, i + n, i + n + 1, NULL).n) {
			*hours = v * units[u].hours;
			return n + 1;
		}
	}
	return 0;
}
