#ifndef PARSE_H
#define PARSE_H

/*
 * The contract between the format parsers (page.c, veris.c, csvin.c) and
 * whoever consumes their records (the import in import.c, or a test).
 *
 * A parser reads an opened input to the end and, for each record, either
 * fills a struct incident and calls parse_emit(), or calls parse_reject()
 * with what was wrong. Both return 0 to go on and -1 to stop: a parser that
 * gets -1 stops reading and returns -1 at once. A parser returns 0 when it
 * reached the end of the input, -1 when it stopped or hit an error it
 * reported itself (a read error, a file that is not of its format at all).
 *
 * A parser never writes to the store and never exits.
 */

#include "incident.h"
#include "input.h"

struct parse_ctx {
	const char *format;	/* "page", "veris", "csv": set by the caller */
	int skip_bad;		/* reject and go on, instead of stopping */
	long records;		/* records seen so far, good and bad */
	long rejected;		/* bad records reported */

	/*
	 * Called with each good record. The callee may take what it wants
	 * from `inc`; the parser releases the incident afterwards. Returns 0
	 * to go on, -1 to stop.
	 */
	int (*on_record)(struct parse_ctx *ctx, struct incident *inc);
	void *data;		/* for on_record */
	struct input *in;	/* set by the caller before parsing */
	/*
	 * The record's incident_digest(), when a parser's thread made it
	 * (parse_threaded()); 0 when on_record must compute it itself.
	 */
	unsigned long long digest;
};

/*
 * Checks the record by the rules every importer shares (incident_check():
 * text, numbers) and rejects it as parse_reject() does when it breaks one;
 * else sets the provenance (format, file, record ordinal, and `line` if the
 * parser left it 0) and hands the record to ctx->on_record. `inc` is
 * released when this returns, whatever the outcome.
 */
int parse_emit(struct parse_ctx *ctx, struct incident *inc, long line);

/*
 * Reports a bad record as "FILE:LINE: record N: field 'F': WHAT" (the field
 * part is left out when `field` is NULL, the line when it is 0). Returns 0 to
 * go on when ctx->skip_bad is set, else -1.
 */
int parse_reject(struct parse_ctx *ctx, long line, const char *field,
		 const char *fmt, ...) ATTR_PRINTF(4, 5);
/* The same at a column of the line, from 1: "FILE:LINE:COL: record N: ...". */
int parse_reject_at(struct parse_ctx *ctx, long line, long col, const char *field,
		    const char *fmt, ...) ATTR_PRINTF(5, 6);

/*
 * The parsers. Each reads ctx->in to its end. page_parse() reads a page
 * saved as HTML (store/html.h) as its visible text, with ctx->in that
 * text's input while it parses, and the HTML file's name and lines in
 * what it reports and in each record's provenance. (The CSV one is csvin_: libcsv
 * owns the name csv_parse.)
 */
int page_parse(struct parse_ctx *ctx);
int veris_parse(struct parse_ctx *ctx);
int csvin_parse(struct parse_ctx *ctx);

/*
 * Runs parse(ctx), one of the parsers above, on a thread of its own, and
 * ctx->on_record on the calling thread: the two work at once, while what
 * is read and not yet handed on stays under a few hundred records. The
 * outcome is parse(ctx)'s: the same records to on_record, in order; the
 * same messages (the parser's thread's error() lines are printed by the
 * calling thread, in their place among its own); the same return value;
 * the same ctx->records and ctx->rejected at the end. When on_record
 * returns -1, the parser stops as it would have, and what it read past
 * that record is dropped, its messages unprinted and its counts undone.
 *
 * on_record gets a copy of ctx whose `records` and `rejected` are those
 * the parser had when it made the record, whose `digest` is the record's
 * incident_digest(), computed on the parser's thread, and whose `in` is
 * NULL (the input is the parser's thread's). The parser may use jansson's
 * global allocator (veris_parse() does): the calling thread must not use
 * jansson until this returns. Without a thread to be had, parses on this one.
 */
int parse_threaded(int (*parse)(struct parse_ctx *ctx), struct parse_ctx *ctx);

/*
 * Returns 1 when the first non-blank line of `data` (the first bytes of a
 * file) is a CSV header row with an "id" and a "date" column, in any order
 * and letter case, else 0. Never reports anything.
 */
int csv_looks_like(const char *data, size_t len);

/*
 * Guesses the format from the first bytes of a file: returns "page" (saved
 * as text or as HTML), "veris", "csv", or NULL when it cannot tell.
 */
const char *parse_detect(const char *data, size_t len);

#endif
