#ifndef WORDS_H
#define WORDS_H

/*
 * Text as a list of words, for reading facts out of prose: the machinery
 * under the rules of store/wording.h. A text is split once; phrases are
 * then matched against its words, numbers and durations read from them.
 *
 * What a word is:
 *  - Text is UTF-8; an invalid byte is a separator. Words are runs of
 *    letters and digits: ASCII letters and digits, everything from U+00C0
 *    to U+1FFF but × and ÷ (accented Latin, combining marks, Greek,
 *    Cyrillic, ...) and the scripts from U+2C00 up. ASCII and Latin-1
 *    punctuation, U+2000..U+2BFF (’ “ ” — …, symbols, arrows), CJK
 *    punctuation, private use, variation selectors, the BOM and full-width
 *    ASCII punctuation are separators.
 *  - Each word has a normalized form, `norm`: ASCII lower case, Latin-1
 *    and Latin Extended-A letters folded to their base letter ("é" is "e",
 *    "ł" is "l"; "ß" is "ss", "æ" "ae", "þ" "th", "ĳ" "ij", "œ" "oe"),
 *    combining marks (U+0300..U+036F) dropped; other letters are kept as
 *    written, not lower-cased.
 *  - Each word records the separator before it, its gap: GAP_NONE for the
 *    first word; GAP_SPACE when it is only spaces, tabs, line ends,
 *    no-break or thin spaces and hyphens; GAP_DOT when it is exactly ".";
 *    else GAP_OTHER.
 *  - A word starts a sentence when it is the first, when two line ends
 *    come before it (a new paragraph), or when '.', '!' or '?' and then a
 *    space or line end come before it, the word before is not an
 *    abbreviation (one letter, "St", "Dr", "Inc", "approx", ...) and the
 *    word starts with an ASCII capital, a digit or a non-ASCII letter.
 *
 * How phrases match: a pattern is a string of alternatives separated by
 * '|' ("data breach|data leak"), each split into words as above. An
 * alternative matches at word i when its words' normalized forms equal
 * those of the text's words from i on, and each gap inside it is alike:
 * both GAP_SPACE ("denial-of-service" matches "denial of service"), both
 * GAP_DOT ("n.v." matches "N.V."), or both GAP_OTHER and the same once
 * spaces and hyphens are dropped, with ’ read as '. The gap before an
 * alternative's first word and what follows its last do not count, so a
 * match is always of whole words ("Stadt" does not match "Stadtwerke"). An
 * empty alternative never matches.
 *
 * Cost: splitting is linear in the text; a search costs one look-up per
 * word it passes (a phrase table is split once per process and kept), and
 * the sentence functions are constant time, so rules that search from every
 * word stay linear in the text.
 *
 * Memory: struct words borrows its text, which must outlive it, and owns
 * the rest until words_release(). Strings returned are new and the caller
 * free()s them. Nothing here reports errors: a search that finds nothing
 * returns an empty hit or 0. Allocation failure dies (xmalloc).
 */

#include <stddef.h>
#include <stdint.h>

enum gap {
	GAP_NONE,	/* before the first word */
	GAP_SPACE,	/* only white space, no-break spaces and hyphens */
	GAP_DOT,	/* exactly "." (inside "N.V.") */
	GAP_OTHER,
};

/* Offsets and indices are 32-bit to keep a long text's words small: see words_split(). */
struct word {
	uint32_t gap_start;	/* the separator before the word: [gap_start, start) */
	uint32_t start, end;	/* the word's bytes in the text */
	uint32_t sentence_start;	/* the first word of this word's sentence */
	uint32_t sentence_end;	/* the first word of the next sentence, or n */
	uint32_t hash;		/* of norm, to look phrases up by their first word */
	unsigned char gap;	/* enum gap */
	unsigned char sentence;	/* a sentence starts at this word */
	const char *norm;	/* lower case, accents folded; points into norms */
};

struct words {
	const char *text;	/* borrowed */
	struct word *v;		/* v[0..n), in text order */
	size_t n, alloc;
	char *norms;		/* the words' normalized forms, each NUL-terminated */
};
#define WORDS_INIT { NULL, NULL, 0, 0, NULL }

/* A match: words [at, at + n) of the text. */
struct hit {
	size_t at, n;		/* first word and number of words; n == 0: none */
};

/* As `to` of words_find(): search to the end of the text. */
#define WORDS_NO_LIMIT SIZE_MAX

/*
 * Splits the NUL-terminated `text` into `w`, which need not be initialised
 * (whatever it held is overwritten, not freed). A text without words gives
 * n == 0. Only the first 4 GiB of a text are read (nothing here holds
 * more than a page of a few MiB). Release with words_release().
 */
void words_split(struct words *w, const char *text);

/* Frees the words and leaves `w` empty; calling it again is harmless. */
void words_release(struct words *w);

/*
 * Returns the normalized form (see above) of the `len` bytes at `s`, which
 * need not be a word nor NUL-terminated, in a new string. What is not a
 * letter is kept as written, so "Sept." gives "sept." (but × and ÷ become
 * '*').
 */
char *words_normalize(const char *s, size_t len);

/*
 * A phrase table `alts` must not change for the life of the process (the
 * rules' tables are string constants): it is split the first time it is
 * searched for, kept, and found again by its address.
 *
 * Finds the leftmost match of any alternative of `alts` that starts at a
 * word in [from, to) and touches no masked word; of the alternatives that
 * match there the longest wins, then the first listed. The match may run
 * past `to`; `to` may be past the end (WORDS_NO_LIMIT). `mask` is NULL or
 * one byte per word of `t`, nonzero for a masked word. Returns the hit, n
 * == 0 when there is none.
 */
struct hit words_find(const struct words *t, const char *alts, size_t from, size_t to,
		      const unsigned char *mask);

/*
 * Finds an alternative of `alts` of one to four words that ends exactly at
 * word `last` and starts no earlier than word `from` (`from` <= `last`),
 * preferring the longest: for n from 4 down, the hit words_find() gives
 * for a start at word last + 1 - n, if it is n words long. Returns n == 0
 * when there is none.
 */
struct hit words_find_ending(const struct words *t, const char *alts, size_t last, size_t from);

/*
 * Returns 1 when an alternative of `alts` matches starting at word `i` (it
 * may run on past `i`), else 0. `i` may be past the end, (size_t)-1
 * included ("the word before word 0"): that gives 0.
 */
int words_is(const struct words *t, size_t i, const char *alts);

/*
 * Returns the text of words [first, last] as written, gaps included, in a
 * new string. first <= last < t->n.
 */
char *words_span(const struct words *t, size_t first, size_t last);

/*
 * Returns the first word of the sentence after the one word `i` is in, or
 * t->n when that sentence is the last (also when i >= t->n).
 */
size_t words_sentence_end(const struct words *t, size_t i);

/* Returns the first word of the sentence word `i` is in (0 when i >= t->n). */
size_t words_sentence_start(const struct words *t, size_t i);

/*
 * Returns how many words this process has visited in searches so far:
 * positions tried by words_find() and steps taken by the sentence functions.
 * For tests that check that the work grows linearly with the text.
 */
size_t words_steps(void);

/* Returns 1 when `s` is one to `max` ASCII digits and nothing else, else 0. */
int words_all_digits(const char *s, size_t max);

/*
 * Reads a number starting at word `i`: digits with thousands separators
 * ("41,000", "41.000", "41 000", with a no-break or thin space too) or a
 * decimal ("1.5", "1,5"), either optionally followed by "thousand",
 * "million" or "billion" ("1.2 million"); or English number words
 * ("forty-one thousand", "three hundred and twelve", "a dozen", "a
 * hundred"). One to three digits, a separator and exactly three digits
 * are thousands: "1,500" is 1500, never 1.5. Returns how many words the
 * number spans and sets *value and *in_words (1 for number words, else 0);
 * returns 0 when there is no number at `i` (also when `i` is past the
 * end), leaving *value alone.
 */
size_t words_number(const struct words *t, size_t i, double *value, int *in_words);

/*
 * Reads a duration at word `i`: a number (words_number()), "a", "an",
 * "half a" or "half an", then after a space or hyphen a unit: minutes
 * ("min", "mins"), hours ("hr", "hrs", "h"), days, weeks or months (730
 * hours): "14 hours", "nine days", "an hour", "half a day". Returns how
 * many words it spans and sets *hours; returns 0 when there is no
 * duration at `i`, leaving *hours alone.
 */
size_t words_duration(const struct words *t, size_t i, double *hours);

#endif
