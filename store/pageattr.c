#include "pageattr.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/country.h"
#include "../util/banned.h"

/*
 * The values lines of a tracker page's attribute block (store/pageattr.h).
 *
 * A values line is a run of words with nothing to mark where one column
 * ends and the next begins, so the split is a search: each column is tried
 * as "Available to members", as a count, then as values from the shortest
 * up, backtracking when the rest of the line does not fit. A first pass
 * also asks the Tactics, Type and Location columns to look like what they
 * hold; only when no split passes that is the line read without it.
 */

/* A values line of the attribute block has a dozen words, a long one 50. */
#define VALUES_MAX_WORDS 100

enum shape { HIDDEN, COUNT, VALUE };

struct column {
	const char *unit;	/* counts read "1 motive", "3 motives"; NULL: no count */
	/* Both NULL-able: `check` must hold for a value, `strict` in the first pass. */
	int (*check)(char **tok, size_t from, size_t to);
	int (*strict)(char **tok, size_t from, size_t to);
};

struct split {
	char **tok;
	size_t ntok;
	const struct column *col;
	int lenient;
	enum shape shape[3];
	size_t from[3], to[3];
};

static int is_digits(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* A token without a trailing comma, lower-cased and hyphens as spaces, into `b`. */
static void token_key(struct buf *b, const char *tok)
{
	size_t n = strlen(tok);

	while (n && tok[n - 1] == ',')
		n--;
	for (size_t i = 0; i < n; i++)
		buf_addch(b, tok[i] == '-' ? ' ' : tok[i] >= 'A' && tok[i] <= 'Z' ? tok[i] + 32 : tok[i]);
}

static int cia_ok(char **tok, size_t from, size_t to)
{
	static const char *const ok[] = { "confidentiality", "integrity", "availability", "and", "&" };
	struct buf b = BUF_INIT;
	int good = 1;

	for (size_t i = from; i < to && good; i++) {
		buf_reset(&b);
		token_key(&b, tok[i]);
		good = 0;
		for (size_t k = 0; k < ARRAY_SIZE(ok); k++)
			good |= !strcmp(b.buf, ok[k]);
	}
	buf_release(&b);
	return good;
}

/* A MITRE ATT&CK technique id: T1566, T1566.001. */
static int is_technique_id(const char *s)
{
	size_t n = strspn(s + 1, "0123456789");

	return (*s == 'T' || *s == 't') && n == 4 &&
	       (!s[5] || s[5] == ',' || (s[5] == '.' && strspn(s + 6, "0123456789") == 3));
}

static int ttp_ok(char **tok, size_t from, size_t to)
{
	return to > from && is_technique_id(tok[from]);
}

/* Words for the type of threat actor, as the tracker writes them. */
static int type_ok(char **tok, size_t from, size_t to)
{
	static const char *const types[] = {
		"hacktivism", "hacktivist", "hacktivists", "nation state", "state sponsored",
		"state actor", "cybercriminal", "cybercriminals", "cybercrime", "criminal",
		"criminals", "organised crime", "organized crime", "insider", "unknown",
		"terrorist", "terrorism", "ransomware group", "ransomware gang", "other",
	};
	struct buf b = BUF_INIT;
	int good = 1;

	for (size_t i = from; i < to && good; i++) {
		size_t start;

		buf_reset(&b);
		for (start = i; i < to; i++) {
			if (i > start)
				buf_addch(&b, ' ');
			token_key(&b, tok[i]);
			if (strchr(tok[i], ','))
				break;
		}
		good = 0;
		for (size_t k = 0; k < ARRAY_SIZE(types); k++)
			good |= !strcmp(b.buf, types[k]);
	}
	buf_release(&b);
	return good;
}

static void join_tokens(struct buf *b, char **tok, size_t from, size_t to)
{
	buf_reset(b);
	for (size_t i = from; i < to; i++)
		buf_addf(b, "%s%s", i > from ? " " : "", tok[i]);
}

/* One name as a whole first: ISO names may hold a comma ("Korea, Republic of"). */
int pageattr_read_countries(const char *s, struct strlist *out)
{
	const char *code = country_code(s);
	char *copy, *item, *next;
	int ret = 0;

	if (code) {
		if (out)
			strlist_add_unique(out, code);
		return 0;
	}
	copy = xstrdup(s);
	for (item = copy; item && !ret; item = next) {
		next = strchr(item, ',');
		if (next)
			*next++ = '\0';
		code = country_code(trim(item));
		if (!code)
			ret = -1;
		else if (out)
			strlist_add_unique(out, code);
	}
	free(copy);
	return ret;
}

static int country_ok(char **tok, size_t from, size_t to)
{
	struct buf b = BUF_INIT;
	int good;

	join_tokens(&b, tok, from, to);
	good = pageattr_read_countries(b.buf, NULL) == 0;
	buf_release(&b);
	return good;
}

static int members_at(const struct split *s, size_t i)
{
	return i + 2 < s->ntok && !ascii_casecmp(s->tok[i], "Available") &&
	       !ascii_casecmp(s->tok[i + 1], "to") && !ascii_casecmp(s->tok[i + 2], "members");
}

static int count_at(const struct split *s, size_t c, size_t i)
{
	const char *unit = s->col[c].unit;
	size_t n = unit ? strlen(unit) : 0;

	return unit && i + 1 < s->ntok && is_digits(s->tok[i]) &&
	       !ascii_ncasecmp(s->tok[i + 1], unit, n) &&
	       (!s->tok[i + 1][n] || !ascii_casecmp(s->tok[i + 1] + n, "s"));
}

/*
 * Matches columns c.. to tokens pos.., trying for each column the words
 * "Available to members", then a count, then values from the shortest up,
 * and backtracking when the rest of the line does not fit.
 */
static int split_from(struct split *s, size_t c, size_t pos)
{
	const struct column *col = &s->col[c];
	size_t first_end = pos + 1;

	if (c == 3)
		return pos == s->ntok;
	if (pos >= s->ntok)
		return 0;
	s->from[c] = pos;
	s->shape[c] = HIDDEN;
	s->to[c] = pos + 3;
	if (members_at(s, pos) && split_from(s, c + 1, pos + 3))
		return 1;
	s->shape[c] = COUNT;
	s->to[c] = pos + 2;
	if (count_at(s, c, pos) && split_from(s, c + 1, pos + 2))
		return 1;
	if (col->unit && is_digits(s->tok[pos]))
		return 0;
	s->shape[c] = VALUE;
	if (c == 2) {
		/* The last column takes the rest of the line: only one end to try. */
		for (size_t k = pos; k < s->ntok; k++)
			if (members_at(s, k))
				return 0;
		first_end = s->ntok;
	}
	for (size_t end = first_end; end <= s->ntok; end++) {
		if (members_at(s, end - 1))
			break;
		if (s->tok[end - 1][strlen(s->tok[end - 1]) - 1] == ',')
			continue;	/* a list goes on after a comma */
		if ((col->check && !col->check(s->tok, pos, end)) ||
		    (!s->lenient && col->strict && !col->strict(s->tok, pos, end)))
			continue;
		s->to[c] = end;
		if (split_from(s, c + 1, end))
			return 1;
	}
	return 0;
}

/*
 * Splits a value into items at commas or, when `by_id` is set and the value
 * starts with a technique id, before each id ("T1566 Phishing, T1078 Valid
 * Accounts": technique names may hold commas, ids never do).
 */
static void add_items(struct strlist *l, char **tok, size_t from, size_t to, int by_id)
{
	struct buf b = BUF_INIT;

	by_id = by_id && is_technique_id(tok[from]);
	for (size_t i = from; i < to; i++) {
		size_t n = strlen(tok[i]);
		int comma = tok[i][n - 1] == ',';

		if (b.len && by_id && is_technique_id(tok[i])) {
			strlist_add(l, b.buf);
			buf_reset(&b);
		}
		if (b.len)
			buf_addch(&b, ' ');
		buf_add(&b, tok[i], comma ? n - 1 : n);
		if (comma && !by_id) {
			strlist_add(l, b.buf);
			buf_reset(&b);
		}
	}
	if (b.len)
		strlist_add(l, b.buf);
	buf_release(&b);
}

static void set_column(const struct split *s, size_t c, struct strlist *list, long *count,
		       int by_id)
{
	if (s->shape[c] == COUNT) {
		*count = strtol(s->tok[s->from[c]], NULL, 10);
	} else if (s->shape[c] == VALUE) {
		add_items(list, s->tok, s->from[c], s->to[c], by_id);
		*count = (long)list->n;
	}
}

static const struct column line1[3] = {
	{ .unit = NULL, .check = cia_ok },	/* CIA Posture */
	{ .unit = "motive" },			/* Motives */
	{ .unit = "technique", .strict = ttp_ok },	/* Tactics, Techniques & Procedures */
};

static const struct column line2[3] = {
	{ .unit = "actor" },			/* Threat Actors */
	{ .unit = NULL, .strict = type_ok },	/* Type */
	{ .unit = NULL, .strict = country_ok },	/* Location */
};

/* Nothing goes into `inc` until the line has split: a failed line leaves it as it was. */
int pageattr_read_values(struct incident *inc, const char *line, int second)
{
	struct strlist tok = STRLIST_INIT;
	struct split s = { 0 };
	char *copy = xstrdup(line), *p, *save = NULL;
	int ret = -1;

	for (p = copy; (p = strtok_r(p, " \t", &save)); p = NULL)
		strlist_add(&tok, p);
	if (tok.n > VALUES_MAX_WORDS)
		goto out;
	s.tok = tok.v;
	s.ntok = tok.n;
	s.col = second ? line2 : line1;
	for (s.lenient = 0; s.lenient < 2 && ret < 0; s.lenient++)
		if (split_from(&s, 0, 0))
			ret = 0;
	if (ret < 0)
		goto out;
	if (!second) {
		struct buf b = BUF_INIT;

		for (size_t i = s.from[0]; s.shape[0] == VALUE && i < s.to[0]; i++) {
			buf_reset(&b);
			token_key(&b, s.tok[i]);
			if (strcmp(b.buf, "and") && strcmp(b.buf, "&")) {
				b.buf[0] = (char)(b.buf[0] - 32);	/* "Confidentiality" */
				strlist_add_unique(&inc->cia, b.buf);
			}
		}
		buf_release(&b);
		set_column(&s, 1, &inc->motives, &inc->motive_count, 0);
		set_column(&s, 2, &inc->techniques, &inc->technique_count, 1);
	} else {
		set_column(&s, 0, &inc->actors, &inc->actor_count, 0);
		if (s.shape[0] != VALUE && s.shape[1] == VALUE)
			add_items(&inc->actors, s.tok, s.from[1], s.to[1], 0);
	}
out:
	strlist_release(&tok);
	free(copy);
	return ret;
}
