#include "wording.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/util.h"
#include "../util/banned.h"

/*
 * Text is split once into words; every rule below is a table of phrases
 * matched against those words. A phrase table entry may hold alternatives
 * separated by '|'.
 */

enum gap {
	GAP_NONE,	/* before the first word */
	GAP_SPACE,	/* only white space, no-break spaces and hyphens */
	GAP_DOT,	/* exactly "." (inside "N.V.") */
	GAP_OTHER,
};

struct word {
	size_t gap_start;	/* the separator before the word: [gap_start, start) */
	size_t start, end;	/* the word's bytes in the text */
	enum gap gap;
	int sentence;		/* a sentence starts at this word */
	char *norm;		/* lower case, accents folded */
};

struct words {
	const char *text;
	struct word *v;
	size_t n, alloc;
};

struct hit {
	size_t at, n;		/* first word and number of words; n == 0: none */
};

#define NO_LIMIT SIZE_MAX

/* --- UTF-8 and words --- */

/* Decodes the code point at s[*i] and advances; an invalid byte is -1. */
static long utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t n, left = len - *i;
	long cp;

	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0) {
		n = 2;
		cp = p[0] & 0x1F;
	} else if ((p[0] & 0xF0) == 0xE0) {
		n = 3;
		cp = p[0] & 0x0F;
	} else if ((p[0] & 0xF8) == 0xF0) {
		n = 4;
		cp = p[0] & 0x07;
	} else {
		(*i)++;
		return -1;
	}
	for (size_t k = 1; k < n; k++) {
		if (k >= left || (p[k] & 0xC0) != 0x80) {
			(*i)++;
			return -1;
		}
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	*i += n;
	return cp;
}

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

static char *normalize(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i = 0;

	while (i < len) {
		size_t at = i;
		long cp = utf8_next(s, len, &i);

		fold(&b, cp, s + at, i - at);
	}
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

static void classify_gap(struct words *w, struct word *wd)
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
		long cp = utf8_next(t, end, &i);

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
	wd->sentence = stop_then_space && !is_abbreviation(wd[-1].norm) &&
		       ((first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9') || first >= 0x80);
	if (newlines >= 2)
		wd->sentence = 1;	/* a new paragraph */
}

static void words_split(struct words *w, const char *text)
{
	size_t len = strlen(text), i = 0, gap_start = 0;

	w->text = text;
	w->v = NULL;
	w->n = w->alloc = 0;
	while (i < len) {
		size_t at = i, end;
		struct word *wd;

		if (!is_letter(utf8_next(text, len, &i)))
			continue;
		for (end = i; end < len; end = i) {
			if (!is_letter(utf8_next(text, len, &i))) {
				i = end;
				break;
			}
		}
		ALLOC_GROW(w->v, w->n + 1, w->alloc);
		wd = &w->v[w->n++];
		wd->gap_start = gap_start;
		wd->start = at;
		wd->end = end;
		wd->norm = normalize(text + at, end - at);
		classify_gap(w, wd);
		gap_start = i = end;
	}
}

static void words_release(struct words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i].norm);
	free(w->v);
	w->v = NULL;
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
		long cp = utf8_next(t, end, &p);

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
 * Finds the leftmost (then longest) occurrence of any alternative of
 * `alts` that starts in [from, to) and touches no masked word.
 */
static struct hit find(const struct words *t, const char *alts, size_t from, size_t to,
		       const unsigned char *mask)
{
	struct hit best = { 0, 0 };

	if (to > t->n)
		to = t->n;
	while (*alts) {
		const char *bar = strchr(alts, '|');
		size_t len = bar ? (size_t)(bar - alts) : strlen(alts);
		char *alt = xstrndup(alts, len);
		struct words p;

		words_split(&p, alt);
		for (size_t i = from; i < to && (!best.n || i <= best.at); i++) {
			if (!match_at(t, i, &p) || masked(mask, i, p.n))
				continue;
			if (!best.n || i < best.at || p.n > best.n) {
				best.at = i;
				best.n = p.n;
			}
			break;
		}
		words_release(&p);
		free(alt);
		alts += len + (bar ? 1 : 0);
	}
	return best;
}

/* Finds the longest alternative of `alts` that ends exactly at word `last`. */
static struct hit find_ending(const struct words *t, const char *alts, size_t last, size_t from)
{
	for (size_t n = 4; n >= 1; n--) {
		struct hit h;

		if (n > last + 1 - from)
			continue;
		h = find(t, alts, last + 1 - n, last + 2 - n, NULL);
		if (h.n == n)
			return h;
	}
	return (struct hit){ 0, 0 };
}

static int is_word(const struct words *t, size_t i, const char *alts)
{
	return i < t->n && find(t, alts, i, i + 1, NULL).n;
}

/* The text of words [first, last] as written, in a new string. */
static char *span(const struct words *t, size_t first, size_t last)
{
	return xstrndup(t->text + t->v[first].start, t->v[last].end - t->v[first].start);
}

/* The first word of the sentence after the one word `i` is in. */
static size_t sentence_end(const struct words *t, size_t i)
{
	for (i++; i < t->n; i++)
		if (t->v[i].sentence)
			break;
	return i;
}

static size_t sentence_start(const struct words *t, size_t i)
{
	while (i > 0 && !t->v[i].sentence)
		i--;
	return i;
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

static int all_digits(const char *s, size_t max)
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
static size_t number_at(const struct words *t, size_t i, double *value, int *in_words)
{
	size_t j = i + 1;
	double v, m;

	*in_words = 0;
	if (i >= t->n)
		return 0;
	if (all_digits(t->v[i].norm, 9)) {
		int grouped = 0;

		v = strtod(t->v[i].norm, NULL);
		while (strlen(t->v[i].norm) <= 3 && j < t->n && all_digits(t->v[j].norm, 3) &&
		       strlen(t->v[j].norm) == 3 && group_gap(t, j)) {
			v = v * 1000 + strtod(t->v[j].norm, NULL);
			grouped = 1;
			j++;
		}
		if (!grouped && j < t->n && all_digits(t->v[j].norm, 3) && t->v[j].start -
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
		if (is_word(t, i, "a|an") && j < t->n &&
		    (multiplier(t->v[j].norm) > 0 || is_word(t, j, "hundred|dozen"))) {
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

/* Words before a number that say it is an estimate. */
static const char approx_words[] =
	"about|around|approximately|roughly|some|nearly|almost|over|more than|up to|"
	"at least|an estimated|estimated|close to|fewer than|less than|just over|"
	"just under|under|circa|ca|barely";

/* --- the month and the day --- */

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december",
};

int wording_month(const char *s, size_t len)
{
	char *norm = normalize(s, len);
	size_t n = strlen(norm);
	int month = 0;

	if (n && norm[n - 1] == '.')
		norm[--n] = '\0';
	for (int i = 0; i < 12 && !month; i++) {
		if (!strcmp(norm, months[i]) || (n == 3 && !strncmp(norm, months[i], 3)))
			month = i + 1;
	}
	if (!strcmp(norm, "sept"))
		month = 9;
	free(norm);
	return month;
}

static int word_month(const struct words *t, size_t i)
{
	return i < t->n ? wording_month(t->text + t->v[i].start, t->v[i].end - t->v[i].start) : 0;
}

/* A day of the month: "3", "03", "3rd", "21st". */
static int word_day(const struct words *t, size_t i)
{
	const char *w;
	char *end;
	long d;

	if (i >= t->n)
		return 0;
	w = t->v[i].norm;
	if (*w < '0' || *w > '9')
		return 0;
	d = strtol(w, &end, 10);
	if (*end && strcmp(end, "st") && strcmp(end, "nd") && strcmp(end, "rd") && strcmp(end, "th"))
		return 0;
	return d >= 1 && d <= 31 && end - w <= 2 ? (int)d : 0;
}

/* The gap before word i holds only spaces, commas and dots (dates allow them). */
static int date_gap(const struct words *t, size_t i)
{
	for (size_t p = t->v[i].gap_start; p < t->v[i].start; p++)
		if (!strchr(" ,.\t\n", t->text[p]) && (unsigned char)t->text[p] < 0x80)
			return 0;
	return t->v[i].gap != GAP_NONE;
}

static int word_year(const struct words *t, size_t i)
{
	return i < t->n && date_gap(t, i) && all_digits(t->v[i].norm, 4) &&
	       strlen(t->v[i].norm) == 4 ? (int)strtol(t->v[i].norm, NULL, 10) : 0;
}

int wording_day(const char *text, int year, int month, char **phrase)
{
	struct words t;
	int day = 0;

	*phrase = NULL;
	if (!text)
		return 0;
	words_split(&t, text);
	for (size_t i = 0; i < t.n && !day; i++) {
		size_t first = i, last = 0;
		int d = 0;
		struct hit on;

		if (word_month(&t, i) == month && word_day(&t, i + 1) && date_gap(&t, i + 1) &&
		    word_year(&t, i + 2) == year) {
			d = word_day(&t, i + 1);	/* March 3, 2025 */
			last = i + 2;
		} else if (word_day(&t, i) && i + 1 < t.n) {
			size_t m = is_word(&t, i + 1, "of") ? i + 2 : i + 1;

			if (m < t.n && date_gap(&t, m) && word_month(&t, m) == month &&
			    word_year(&t, m + 1) == year) {
				d = word_day(&t, i);	/* 3 March 2025, the 3rd of March 2025 */
				last = m + 1;
			}
		}
		if (!d)
			continue;
		if (first >= 1 && is_word(&t, first - 1, "the"))
			first--;
		on = first ? find_ending(&t, "on or around|on or about|on|around|on the night of",
					 first - 1, 0) : (struct hit){ 0, 0 };
		if (on.n)
			first = on.at;
		day = d;
		*phrase = span(&t, first, last);
	}
	words_release(&t);
	return day;
}

/* --- the victim --- */

/* Verbs that follow the victim's name in a summary's first sentence. */
static const char victim_verbs[] =
	"was hit by|were hit by|has been hit by|had been hit by|was hit with|was struck by|"
	"experienced|has experienced|suffered|has suffered|fell victim to|has fallen victim to|"
	"was targeted|were targeted|has been targeted|was the victim of|was the target of|"
	"became the victim of|became the target of|reported|has reported|disclosed|announced|"
	"confirmed|was attacked|has been attacked|was affected by|is recovering from|detected|"
	"discovered|was compromised|was breached|faced|is investigating|was forced|was hacked";

/* Subjects that are not a name: "A Dutch municipality", "Attackers", "It". */
static const char not_names[] =
	"a|an|it|this|they|attackers|hackers|criminals|cybercriminals|unknown|someone";

/* Cuts an appositive or possessive off a name: ", a Dutch municipality". */
static void cut_appositive(char *s)
{
	static const char *const cuts[] = {
		",", " (", "(", " \xE2\x80\x94", "\xE2\x80\x94", " \xE2\x80\x93", " - ",
		"\xE2\x80\x99s ", "'s ", ";",
	};
	size_t n = strlen(s);

	for (size_t i = 0; i < ARRAY_SIZE(cuts); i++) {
		char *p = strstr(s, cuts[i]);

		if (p && (size_t)(p - s) < n)
			n = (size_t)(p - s);
	}
	s[n] = '\0';
	trim(s);
}

/* Removes quotes around a name: “Stad Gent”, "Stad Gent", « Ville ». */
static void strip_quotes(char *s)
{
	static const char *const quotes[] = {
		"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xE2\x80\x98",
		"\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB",
	};
	int again = 1;

	while (again) {
		again = 0;
		trim(s);
		for (size_t i = 0; i < ARRAY_SIZE(quotes); i++) {
			size_t q = strlen(quotes[i]), n = strlen(s);

			if (starts_with(s, quotes[i])) {
				memmove(s, s + q, n - q + 1);
				again = 1;
			} else if (n >= q && !strcmp(s + n - q, quotes[i])) {
				s[n - q] = '\0';
				again = 1;
			}
		}
	}
}

char *wording_victim(const char *summary, char **phrase)
{
	struct words t;
	struct hit verb, lead;
	size_t first = 0, end;
	char *name = NULL;

	*phrase = NULL;
	if (!summary)
		return NULL;
	words_split(&t, summary);
	end = sentence_end(&t, 0);
	verb = find(&t, victim_verbs, 1, end, NULL);
	if (!verb.n)
		goto out;

	/* "On March 3, 2025, Gemeente X suffered": skip the time phrase. */
	lead = find(&t, "on|in|during|earlier|last|between|at|over|since|early|late", 0, 1, NULL);
	if (lead.n) {
		for (size_t i = 1; i < verb.at && !first; i++)
			if (t.text[t.v[i].gap_start] == ',' && !all_digits(t.v[i].norm, 4))
				first = i;
		if (!first)
			goto out;	/* no comma closes the time phrase: no clear name */
	}
	if (is_word(&t, first, "the") && first + 1 < verb.at)
		first++;
	if (first >= verb.at || is_word(&t, first, not_names))
		goto out;
	name = xstrndup(t.text + t.v[first].start, t.v[verb.at].gap_start - t.v[first].start);
	cut_appositive(name);
	strip_quotes(name);
	if (!*name || strlen(name) > 150) {
		free(name);
		name = NULL;
		goto out;
	}
	*phrase = span(&t, 0, verb.at + verb.n - 1);
out:
	words_release(&t);
	return name;
}

/* --- public or private --- */

enum verdict {
	MASK = -2,	/* the words say nothing about the victim: skip them */
	PRIVATE = 0,
	PUBLIC = 1,
};

/*
 * Clues to whether the victim is a public body. The order is the priority
 * within a victim's name: masks first (they only hide words), then phrases
 * that override a later public word ("private hospital"), public companies
 * that override a legal form ("Stadtwerke X GmbH" is owned by the town: a
 * public body), legal forms, public institutions before the places they
 * belong to ("CPAS de la Ville de Liège" is social welfare,
 * "Universitair Ziekenhuis" a hospital), and last the words for a business.
 *
 * Decisions: hospitals, schools and universities count as public unless
 * the wording says private; "business school", "driving school" and the
 * like are private; "clinic" and bare "college" decide nothing (the Dutch
 * "college van B&W" is a municipal executive). Plural forms are mostly
 * left out: "a supplier to several municipalities" is about someone else.
 */
static const struct {
	const char *words;
	enum verdict verdict;
	const char *kind;
} public_terms[] = {
	{ "to the police|with the police|informed the police|notified the police|"
	  "alerted the police|contacted the police|police investigation|police are investigating|"
	  "police is investigating|police complaint|bij de politie|auprès de la police|"
	  "bei der polizei|to court|in court|court order|to the ministry|notified the ministry|"
	  "informed the ministry|in the city|in the town", MASK, NULL },
	{ "private hospital|private clinic|privatklinik|clinique privée|private school|"
	  "private university|business school|driving school|language school|public company|"
	  "publicly listed|listed company|defence contractor|defense contractor|news agency|"
	  "travel agency|advertising agency|recruitment agency|marketing agency|staffing agency|"
	  "government contractor", PRIVATE, NULL },
	{ "stadtwerke|intercommunale|intercommunal|municipal company|municipal utility|"
	  "state owned|publicly owned|régie communale|zweckverband|eigenbetrieb|waterschap|"
	  "water board|public body|public institution|public administration|public sector",
	  PUBLIC, "public body" },
	{ "gmbh|ag|ltd|plc|inc|llc|s.a.|sa|s.p.a.|srl|s.r.l.|s.l.|n.v.|nv|b.v.|bv|"
	  "bvba|sprl|sas|sarl|kg|oy|ab|a/s|sp. z o.o.|spółka|s.r.o.", PRIVATE, NULL },
	{ "police|politie|politiezone|zone de police|polizei|polizia|policía|policja|"
	  "gendarmerie|carabinieri|guardia civil|constabulary", PUBLIC, "police" },
	{ "court|tribunal|rechtbank|gericht|amtsgericht|landgericht|tribunale|sąd|juzgado",
	  PUBLIC, "court" },
	{ "fire service|fire brigade|fire department|fire and rescue|brandweer|pompiers|"
	  "sapeurs pompiers|sdis|feuerwehr|vigili del fuoco|bomberos|straż pożarna|"
	  "hulpverleningszone", PUBLIC, "fire service" },
	{ "ministry of defence|ministry of defense|defence ministry|defense ministry|"
	  "armed forces|army|navy|air force|bundeswehr|defensie|ministère des armées|military",
	  PUBLIC, "defence" },
	{ "hospital|hospitals|hôpital|centre hospitalier|chu|chr|ziekenhuis|az|krankenhaus|"
	  "klinikum|universitätsklinikum|uniklinik|ospedale|azienda ospedaliera|"
	  "azienda sanitaria|asl|szpital|nhs trust|health trust", PUBLIC, "hospital" },
	{ "ocmw|cpas|ccas|social welfare|welfare centre|welfare center|action sociale|"
	  "maatschappelijk welzijn|sozialamt|servizi sociali|servicios sociales|social services|"
	  "sociale dienst|ośrodek pomocy społecznej|mops|gops", PUBLIC, "social welfare" },
	{ "university|université|universiteit|universität|hochschule|fachhochschule|"
	  "università|universidad|uniwersytet|politechnika|polytechnic|hogeschool|haute école",
	  PUBLIC, "university" },
	{ "school|schools|école|schule|grundschule|gesamtschule|gymnasium|scuola|escuela|"
	  "colegio|szkoła|lycée|athénée|basisschool", PUBLIC, "school" },
	{ "ministry|ministère|ministerie|ministerium|ministero|ministerio|ministerstwo|"
	  "federal public service|service public fédéral|spf|fod|agency|agence|agentschap|"
	  "agentur|bundesamt|landesamt|agenzia|agencia|government|gouvernement|regering|"
	  "regierung|tax office|tax authority|finanzamt|belastingdienst|public authority|"
	  "government department|federal office|jobcenter|arbeitsagentur", PUBLIC,
	  "government agency" },
	{ "province|provincie|provinz|provincia|département|conseil départemental|"
	  "conseil régional|conseil général|region|région|regione|regional council|"
	  "regional government|landkreis|kreisverwaltung|landratsamt|kreis|county council|"
	  "county|województwo|voivodeship|powiat|starostwo|urząd marszałkowski|diputación|"
	  "generalitat|comunidad autónoma|landsting|fylkeskommune", PUBLIC, "region" },
	{ "municipality|municipal council|municipal administration|municipal government|"
	  "municipal services|city council|town council|borough council|district council|"
	  "parish council|local authority|local council|local government|city hall|town hall|"
	  "city|town|village|borough|gemeente|gemeentebestuur|gemeentehuis|stad|stadsbestuur|"
	  "stadsdiensten|stadhuis|commune|administration communale|ville|mairie|hôtel de ville|"
	  "municipalité|gemeinde|gemeindeverwaltung|stadt|stadtverwaltung|rathaus|"
	  "marktgemeinde|samtgemeinde|verbandsgemeinde|magistrat|bezirksamt|comune|municipio|"
	  "ayuntamiento|ajuntament|concello|câmara municipal|município|gmina|urząd miasta|"
	  "urząd gminy|miasto|obec|město|magistrát|kommun|kommune|kunta|kaupunki",
	  PUBLIC, "municipality" },
	{ "council", PUBLIC, "public body" },
	{ "company|companies|firm|corporation|manufacturer|retailer|supplier|vendor|startup|"
	  "start up|bank|insurer|law firm|software provider|it provider|service provider|"
	  "privately owned|privately held|family business|entreprise|société|bedrijf|"
	  "onderneming|unternehmen|firma|azienda|empresa|hotel chain|retail chain",
	  PRIVATE, NULL },
};

int wording_public(const char *text, int is_name, const char **kind, char **phrase)
{
	struct words t;
	unsigned char *mask = NULL;
	struct hit best = { 0, 0 };
	size_t best_term = 0;
	int verdict = -1;

	*kind = NULL;
	*phrase = NULL;
	if (!text)
		return -1;
	words_split(&t, text);
	mask = xcalloc(t.n + 1, 1);
	for (size_t i = 0; i < ARRAY_SIZE(public_terms); i++) {
		struct hit h;

		if (public_terms[i].verdict != MASK)
			continue;
		for (size_t from = 0; (h = find(&t, public_terms[i].words, from, NO_LIMIT, NULL)).n;
		     from = h.at + 1)
			memset(mask + h.at, 1, h.n);
	}
	for (size_t i = 0; i < ARRAY_SIZE(public_terms); i++) {
		struct hit h;

		if (public_terms[i].verdict == MASK)
			continue;
		h = find(&t, public_terms[i].words, 0, NO_LIMIT, mask);
		if (!h.n || (best.n && (is_name || h.at > best.at ||
					(h.at == best.at && h.n <= best.n))))
			continue;
		best = h;
		best_term = i;
	}
	if (best.n) {
		verdict = public_terms[best_term].verdict;
		*kind = public_terms[best_term].kind;
		*phrase = span(&t, best.at, best.at + best.n - 1);
	}
	free(mask);
	words_release(&t);
	return verdict;
}

/* --- the kind of incident --- */

/*
 * Wording for each type, most specific first: the first row that matches
 * decides ("ransomware deployed through a phishing email" is ransomware;
 * a mailbox taken over to send phishing is account compromise). A row with
 * `near` needs those words within 8 words after `words` in the same
 * sentence. A hit right after "no", "not", "without"... does not count
 * ("there is no indication that data was stolen"). A bare "cyberattack"
 * says nothing about the type and leaves it unknown.
 */
static const struct {
	const char *type;
	const char *words;
	const char *near;
} type_terms[] = {
	{ "ransomware", "ransomware|ransom", NULL },
	{ "denial of service", "denial of service|ddos|dos attack|dos attacks|overload attack", NULL },
	{ "account compromise", "account compromise|account takeover|business email compromise|"
	  "compromised account|compromised mailbox|compromised email account|hijacked account|"
	  "hijacked mailbox", NULL },
	{ "account compromise", "mailbox|mailboxes|email account|email accounts|e-mail account|"
	  "mail account", "taken over|took over|compromised|hijacked|hacked|broken into" },
	{ "account compromise", "took over|taken over|hijacked|compromised|hacked into|"
	  "gained access to|accessed", "mailbox|mailboxes|email account|e-mail account|"
	  "email accounts|mail account" },
	{ "insider misuse", "insider|former employee|disgruntled employee|employee misused|"
	  "abused his access|abused her access|abused their access", NULL },
	{ "theft or loss", "stolen laptop|stolen laptops|lost laptop|theft of a laptop|"
	  "lost usb|stolen phone|stolen car", NULL },
	{ "theft or loss", "laptop|laptops|usb stick|hard drive", "was stolen|were stolen|was lost" },
	{ "error", "misconfiguration|misconfigured|sent to the wrong|by mistake|human error|"
	  "accidentally|in error", NULL },
	{ "data breach", "data breach|data leak|leaked data|data theft|stolen data|stole data|"
	  "exposed data|data exposure|exfiltrated|exfiltration", NULL },
	{ "data breach", "data|records|files|documents|information", "stolen|leaked|exposed|"
	  "published|copied|exfiltrated|accessed|downloaded" },
	{ "data breach", "stole|copied|leaked|published|exfiltrated|downloaded", "data|records|files|"
	  "documents" },
	{ "phishing", "phishing|spear phishing|spearphishing|smishing|vishing|fraudulent emails|"
	  "fraudulent e-mails|fake emails|scam emails|malicious emails", NULL },
	{ "malware", "malware|trojan|infostealer|info stealer|spyware|wiper|keylogger|"
	  "malicious software|emotet|qakbot|backdoor", NULL },
	{ "intrusion", "intrusion|unauthorised access|unauthorized access|service disruption|"
	  "broke into|hacked|hack|network compromise|breached|hackers gained access|intruder|"
	  "intruders", NULL },
};

static const char negations[] = "no|not|nor|never|without|neither|none";

static int negated(const struct words *t, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < t->n; i++)
		if (is_word(t, i, negations))
			return 1;
	return 0;
}

const char *wording_type(const char *text, char **phrase)
{
	struct words t;
	const char *type = NULL;

	*phrase = NULL;
	if (!text)
		return NULL;
	words_split(&t, text);
	for (size_t i = 0; i < ARRAY_SIZE(type_terms) && !type; i++) {
		struct hit h, n = { 0, 0 };

		for (size_t from = 0; !type && (h = find(&t, type_terms[i].words, from, NO_LIMIT,
							 NULL)).n; from = h.at + 1) {
			size_t stop = sentence_end(&t, h.at), last = h.at + h.n - 1;
			size_t before = sentence_start(&t, h.at);

			if (type_terms[i].near) {
				n = find(&t, type_terms[i].near, h.at + h.n, h.at + h.n + 8, NULL);
				if (!n.n || n.at >= stop)
					continue;
				last = n.at + n.n - 1;
			}
			if (negated(&t, h.at >= before + 3 ? h.at - 3 : before, last + 1))
				continue;
			type = type_terms[i].type;
			*phrase = span(&t, h.at, last);
		}
	}
	words_release(&t);
	return type;
}

/* --- how many were affected --- */

/* Nouns for people and records. Appointments, devices and files are not. */
static const char affected_nouns[] =
	"residents|resident|inhabitants|citizens|citizen|people|persons|person|individuals|"
	"individual|patients|patient|customers|customer|clients|client|users|user|employees|"
	"employee|staff|workers|students|student|pupils|recipients|recipient|beneficiaries|"
	"beneficiary|records|record|accounts|account|members|member|households|household|"
	"families|taxpayers|voters|applicants|subscribers|contacts|victims|children|parents|"
	"teachers|data subjects|email addresses|mailboxes|officers|civil servants|tenants";

/* Words allowed between the number and its noun: "300 current and former employees". */
static const char affected_fillers[] =
	"of|its|the|their|current|former|and|or|registered|local|affected|elderly|vulnerable|"
	"other|municipal|city|town|benefit|welfare|social|email|e|mail|online|hospital|"
	"university|school|council|young|adult|private|personal|additional|further";

/* A population is not a count of people affected: "a town of 24,000 inhabitants". */
static const char population_words[] =
	"town of|city of|municipality of|village of|commune of|district of|population of|"
	"home to|population";

/* Words before a four-digit number that make it a year: "in 2024", "March 3, 2024". */
static const char year_words[] =
	"in|since|during|until|from|of|by|early|late|mid|year|spring|summer|autumn|fall|winter|end";

long long wording_affected(const char *text, char **phrase)
{
	struct words t;
	long long found = -1;

	*phrase = NULL;
	if (!text)
		return -1;
	words_split(&t, text);
	for (size_t i = 0; i < t.n && found < 0; i++) {
		double v;
		int in_words, year_like;
		size_t n = number_at(&t, i, &v, &in_words), j, first = i;
		struct hit noun = { 0, 0 }, pre;

		if (!n || v < 1 || v > 1e10)
			continue;
		year_like = n == 1 && strlen(t.v[i].norm) == 4 && v >= 1900 && v <= 2100 &&
			    (is_word(&t, i - 1, year_words) || word_month(&t, i - 1) ||
			     word_day(&t, i - 1));
		if (year_like || (i && t.text[t.v[i].gap_start] == ':') ||
		    (i && find_ending(&t, population_words, i - 1, 0).n))
			continue;
		for (j = i + n; j < t.n && j <= i + n + 3 && t.v[j].gap == GAP_SPACE; j++) {
			noun = find(&t, affected_nouns, j, j + 1, NULL);
			if (noun.n || !is_word(&t, j, affected_fillers))
				break;
			if (in_words && v == 1)
				break;	/* "one of the employees" is not a count */
		}
		if (!noun.n || t.v[noun.at].gap != GAP_SPACE)
			continue;
		pre = find(&t, approx_words, i >= 2 ? i - 2 : 0, i, NULL);
		if (pre.n && pre.at + pre.n == i)
			first = pre.at;
		found = (long long)(v + 0.5);
		*phrase = span(&t, first, noun.at + noun.n - 1);
		i = j;
	}
	words_release(&t);
	return found;
}

/* --- how long it took --- */

static const char contain_terms[] =
	"contained|contain|containment|disconnected|disconnect|isolated|isolate|blocked|block|"
	"shut down|shut off|switched off|taken offline|offline|cut off|mitigated|mitigate|"
	"filtering|filtered|stopped|halted|locked|reset|revoked|secured|restored access|"
	"regained control|under control|neutralised|neutralized|removed|expelled|evicted|"
	"quarantined";

static const char recover_terms[] =
	"restored|restore|restoration|resumed|resume|recovered|recovery|back online|"
	"operational|running again|reopened|returned to normal|normal operations|rebuilt|"
	"available again|up and running|fully functional|back to normal|came back";

/* "of detection", "of the discovery", "of being detected". */
static const char detection_words[] =
	"detection|discovery|detected|discovered|identification|identified|noticing|noticed|"
	"alert|alarm|report|reported|notification";

/* Reads a duration at word i ("14 hours", "nine days", "an hour", "half a day"). */
static size_t duration_at(const struct words *t, size_t i, double *hours)
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

	if (is_word(t, i, "half") && is_word(t, i + 1, "a|an")) {
		v = 0.5;
		n = 2;
	} else if (is_word(t, i, "a|an")) {
		n = 1;
	} else if (!(n = number_at(t, i, &v, &in_words))) {
		return 0;
	}
	for (size_t u = 0; u < ARRAY_SIZE(units); u++) {
		if (i + n < t->n && t->v[i + n].gap == GAP_SPACE &&
		    find(t, units[u].words, i + n, i + n + 1, NULL).n) {
			*hours = v * units[u].hours;
			return n + 1;
		}
	}
	return 0;
}

/*
 * Finds the first duration that belongs to containment (want_contain) or
 * to recovery. A duration is "within", "after", "in" or "took" followed by
 * a length of time; the nearest containment or recovery verb before it in
 * the same sentence says which it is ("disconnected the network within two
 * hours", "services were restored after nine days"), else the nearest one
 * after it ("Within two hours, staff had isolated ..."), else a following
 * "of detection" makes it containment.
 */
static double scan_durations(const char *text, int want_contain, int *approximate, char **phrase)
{
	struct words t;
	double found = -1;

	*phrase = NULL;
	if (!text)
		return -1;
	words_split(&t, text);
	for (size_t i = 0; i < t.n && found < 0; i++) {
		struct hit prep = find(&t, "within|after|in|took", i, i + 1, NULL), pre, verb = { 0, 0 };
		size_t j = i + 1, n, last, start = sentence_start(&t, i), stop = sentence_end(&t, i);
		int approx, is_contain = -1;
		double hours;

		if (!prep.n)
			continue;
		approx = is_word(&t, i, "within");
		pre = find(&t, approx_words, j, j + 1, NULL);
		if (pre.n) {
			approx = 1;
			j += pre.n;
		}
		if (!(n = duration_at(&t, j, &hours)))
			continue;
		last = j + n - 1;
		for (size_t k = i; k-- > start && k + 15 > i && is_contain < 0;) {
			if ((verb = find_ending(&t, contain_terms, k, start)).n)
				is_contain = 1;
			else if ((verb = find_ending(&t, recover_terms, k, start)).n)
				is_contain = 0;
		}
		if (is_word(&t, last + 1, "of")) {
			struct hit det = find(&t, detection_words, last + 2, last + 5, NULL);

			if (det.n && det.at < stop) {
				last = det.at + det.n - 1;
				if (is_contain < 0)
					is_contain = 1;
			}
		}
		if (is_contain < 0) {
			struct hit c = find(&t, contain_terms, last + 1, last + 11, NULL);
			struct hit r = find(&t, recover_terms, last + 1, last + 11, NULL);

			if (c.n && c.at < stop && (!r.n || c.at <= r.at)) {
				is_contain = 1;
				last = c.at + c.n - 1;
			} else if (r.n && r.at < stop) {
				is_contain = 0;
				last = r.at + r.n - 1;
			}
		}
		if (is_contain != want_contain)
			continue;
		found = hours;
		if (approximate)
			*approximate = approx;
		*phrase = span(&t, verb.n ? verb.at : i, last);
	}
	words_release(&t);
	return found;
}

double wording_contain(const char *text, int *approximate, char **phrase)
{
	*approximate = 0;
	return scan_durations(text, 1, approximate, phrase);
}

double wording_recover(const char *text, char **phrase)
{
	return scan_durations(text, 0, NULL, phrase);
}
