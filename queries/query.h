#ifndef QUERY_H
#define QUERY_H

/*
 * The named queries a briefing is made of, and their results.
 *
 * Every number a briefing prints comes from here: the charts and the PDF
 * only consume a struct query_result. A query has a name, a one-line
 * description and typed columns (the catalog, query_catalog[]); it runs
 * over the store with the common filters (struct query_filter) and returns
 * rows of cells plus metadata about the period.
 *
 * Periods. An incident's date may be known to the day, the month or only
 * the year; the store keeps the first and last day it can mean
 * (date_start, date_end). An incident is IN a period [from, to] when its
 * whole span lies inside: date_start >= from and date_end <= to. An
 * incident whose span overlaps the period without lying inside it (known
 * only to 2024, looked at in a view of April 2024) is counted in no row and
 * reported as `left_out`; an incident with no date at all is in no period
 * and reported as `undated`. So an incident known only to the month
 * belongs to that month, and one known only to the year belongs to its
 * year, to quarters never, and to every range that holds the whole year.
 *
 * The previous comparable period: the month before a month, the quarter
 * before a quarter, the year before a year; for a range of days (--from
 * and --to) the range of the same number of days that ends the day before
 * it starts. A range open at one end, and "all dates", have none.
 *
 * Shares. A share is a count over the result's n (meta.n). Per the DBIR's
 * own tooling a share over fewer than 30 incidents is flagged unreliable
 * and one over fewer than 5 is not given (NULL cell, flag "suppressed");
 * the counts are always given. The flag is per row (struct query_row) and
 * applies to every share column of the row (see stats.h).
 *
 * Unknown values are rows of their own (a NULL key cell), never dropped:
 * in every breakdown of incidents by one value the rows add up to n. The
 * exceptions say so in their column descriptions: by-country counts an
 * incident once per listed country, and techniques/motives/actors once per
 * listed value.
 *
 * All SQL runs with bound parameters only. Functions report failures with
 * error() and return -1; nothing here exits.
 */

#include <stdio.h>

#include "stats.h"
#include "../store/store.h"
#include "../util/buf.h"
#include "../util/util.h"

/* ---- Periods ---------------------------------------------------------- */

enum query_period_kind {
	QUERY_PERIOD_NONE = 0,	/* no period (the previous of "all dates") */
	QUERY_PERIOD_ALL,	/* every dated incident */
	QUERY_PERIOD_RANGE,	/* --from/--to; either end may be open */
	QUERY_PERIOD_MONTH,
	QUERY_PERIOD_QUARTER,
	QUERY_PERIOD_YEAR,
};

/*
 * A day, a month or a year: month and day are 0 when not known ("2024"
 * is { 2024, 0, 0 }, "2024-04" is { 2024, 4, 0 }).
 */
struct query_date {
	int year, month, day;
};

/*
 * A period of days, both ends inclusive. `start` and `end` are whole
 * dates; an open end is QUERY_DATE_MIN or QUERY_DATE_MAX and says so in
 * open_start/open_end. `year` is the calendar year of a month, quarter or
 * year (else 0), `month` the month of a month (1-12, else 0), `quarter`
 * the quarter of a quarter (1-4, else 0). from/to spell start and end as
 * "YYYY-MM-DD", for binding and printing only: read the numbers, never
 * the text. `label` is for people: "April 2024", "Q2 2024", "2024",
 * "2024-01-15 to 2024-03-10", "from 2024-01-15", "all dates".
 */
struct query_period {
	enum query_period_kind kind;
	struct query_date start, end;
	int open_start, open_end;
	int year, month, quarter;
	char from[11], to[11];
	char label[48];
};

#define QUERY_DATE_MIN "0000-01-01"
#define QUERY_DATE_MAX "9999-12-31"

/* The period of everything (kind ALL). */
void query_period_all(struct query_period *p);
/*
 * A calendar month (1-12), quarter (1-4) or year, the year in the range of
 * valid dates (DATE_YEAR_MIN..DATE_YEAR_MAX, store/incident.h). -1 when out
 * of range.
 */
int query_period_month(struct query_period *p, int year, int month);
int query_period_quarter(struct query_period *p, int year, int quarter);
int query_period_year(struct query_period *p, int year);
/*
 * A range of days; `from` or `to` may be NULL for an open end. The dates
 * must be valid "YYYY-MM-DD" in the range of valid dates (or the open-end
 * sentinels) and from <= to. -1 otherwise.
 */
int query_period_range(struct query_period *p, const char *from, const char *to);
/*
 * Parses the values of --month YYYY-MM, --quarter YYYY-Qn and --year YYYY.
 * --month also takes "last", the calendar month before `today`
 * ("YYYY-MM-DD"); "latest" needs the store: see query_latest_month().
 * Returns 0, or -1 without a message when `s` has the wrong shape.
 */
int query_period_parse_month(struct query_period *p, const char *s, const char *today);
int query_period_parse_quarter(struct query_period *p, const char *s);
int query_period_parse_year(struct query_period *p, const char *s);
/*
 * Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" of a real date in the range of
 * valid dates into *d (the parts not given 0). Returns the number of parts
 * (1, 2 or 3), or -1 when `s` is not such a date.
 */
int query_date_parse(const char *s, struct query_date *d);
/*
 * The value of --from (end 0) or --to (end 1) as a day: "2024" is
 * 2024-01-01 or 2024-12-31, "2024-02" 2024-02-01 or 2024-02-29. Writes
 * "YYYY-MM-DD" to `out`; -1 when query_date_parse() refuses `s`.
 */
int query_date_bound(const char *s, int end, char out[11]);
/* The previous comparable period (see above); kind NONE when there is none. */
void query_period_previous(const struct query_period *p, struct query_period *prev);
/*
 * The twelve calendar months that end with the month `p` ends in, as a
 * range; a period longer than that stays whole, and one open at its end
 * is copied as it is. `out` may be `p`. Returns 0, or -1 when the months
 * would start before the valid dates.
 */
int query_period_last_twelve_months(const struct query_period *p, struct query_period *out);
/* 1 when `p` is a bounded range from the first of a month to the last day of a month. */
int query_period_whole_months(const struct query_period *p);
/*
 * The period in a file name: "2024-04", "2024-Q2", "2024", "2024-01-15-to-
 * 2024-03-10", "from-2024-01-15", "until-2024-03-10", "all". Appends to `out`.
 */
void query_period_tag(const struct query_period *p, struct buf *out);
/*
 * The options that choose `p` again, each after a space: " --month
 * 2024-04", " --quarter 2024-Q2", " --year 2024", " --from A --to B";
 * nothing for all dates. Appends to `out`.
 */
void query_period_args(const struct query_period *p, struct buf *out);
/* The length in days; 0 for NONE, and for ALL or an open range. */
long query_period_days(const struct query_period *p);
/*
 * Today's date as "YYYY-MM-DD" for --month last: $IBRIEF_TODAY when set
 * (tests fix it so), else the local date. Returns -1 when $IBRIEF_TODAY is
 * set but not a date.
 */
int query_today(char out[11]);

/* ---- Filters ---------------------------------------------------------- */

/*
 * What to count. All pointers are borrowed and may be NULL for "any".
 *  - countries: ISO alpha-2 codes; an incident matches when one of its
 *    countries is in the list.
 *  - sector: a NAICS code prefix when all digits ("92" matches "921" and
 *    "923140"), else a sector name matched whole, ignoring letter case.
 *  - type: a word of the type vocabulary (store/incident.h).
 *  - limit: rows for notable, techniques, motives and actors; 0 is the
 *    default, QUERY_DEFAULT_LIMIT. The other queries ignore it.
 *  - weights: how notable ranks; NULL for notable_weights_default().
 */
struct notable_weights;

struct query_filter {
	struct query_period period;
	const struct strlist *countries;
	const char *sector;
	int public_only;
	const char *type;
	long limit;
	const struct notable_weights *weights;
};

/*
 * The points of the notable ranking (queries/notable.c has the rules, the
 * README says them for analysts): what each rule adds to an incident's
 * score. Every weight is from 0 to NOTABLE_WEIGHT_MAX; 0 turns a rule off.
 */
struct notable_weights {
	double public_body;	/* the victim is a public body (3) */
	double impact;		/* per power of ten of the people or records affected (1) */
	double slow;		/* contained more than 7 days after detection (2) */
	double severe;		/* ransomware or a data breach (2) */
	double new_country;	/* first incident in a country for 12 months (1) */
};

#define NOTABLE_WEIGHT_MAX 100.0

/* Sets the weights the notable query uses when a filter names none. */
void notable_weights_default(struct notable_weights *w);

#define QUERY_DEFAULT_LIMIT 10

/* Sets the filter to all dates, no conditions. */
void query_filter_init(struct query_filter *f);

/*
 * The incidents a briefing of `f` counts (those of its period that match
 * its filters, as every query counts them): their number in *n and, in
 * `digest`, 16 hex digits of the XOR of their content digests (store's
 * incident.digest), which changes when one is added, removed or changed.
 * Returns 0, or -1 with a message.
 */
int query_counted(struct store *st, const struct query_filter *f, long long *n, char digest[17]);

/*
 * The incidents stored after incident `after` (a row id from
 * query_newest_incident()) that are dated in or before f's period (their
 * whole date ends by its end) and match f's filters: the late ones, for a
 * briefing issued when `after` was the newest. Returns 0, or -1.
 */
int query_added_since(struct store *st, const struct query_filter *f, long long after,
		      long long *n);

/* The row id of the newest incident stored, 0 for none. Returns 0, or -1. */
int query_newest_incident(struct store *st, long long *id);

/* The words of the type vocabulary (store/incident.h), NULL-terminated. */
extern const char *const query_types[];
/* 1 when `type` is a word of query_types. */
int query_type_known(const char *type);

/*
 * --month latest: sets *p to the newest month holding an incident known to
 * the month or the day that matches the filter's other conditions (the
 * filter's period is ignored), so "--country BE --month latest" is
 * Belgium's newest month. Returns 1 when found, 0 when no incident
 * qualifies (*p untouched), -1 on a database error.
 */
int query_latest_month(struct store *st, const struct query_filter *f, struct query_period *p);

/*
 * The end of the data: a fact of the store, whatever the filter. `month`
 * is the newest month holding an incident known to the month or the day
 * (kind NONE for a store with none); `last_day` ("YYYY-MM-DD") the newest
 * day the data reaches in it: its newest incident known to the day, or
 * the month's last day when it has none.
 *
 * Incidents surface late, so the data of the newest month is not complete:
 * a period is provisional when it reaches into that month or past it. A
 * provisional period is compared with the same stretch of the previous one
 * (its first days, as many as the period has data for) and is never called
 * a significant change (see overview).
 */
struct query_data_end {
	struct query_period month;
	char last_day[11];
};

/* Sets *end for store `st`. Returns 1, 0 for a store with no month (*end kind NONE), -1 on error. */
int query_data_end(struct store *st, struct query_data_end *end);
/* 1 when `p` reaches into the newest month of the data or past it (see above). */
int query_period_provisional(const struct query_period *p, const struct query_data_end *end);

/*
 * `ibrief list`: calls fn for each incident the filter selects, newest
 * first (by date, then id), at most `max` of them (0: all). With a period,
 * an incident is listed when it lies in the period by the rule above, the
 * rule every query counts with, so a list of a period has as many rows as
 * overview's n; with all dates, every incident is listed, the undated last.
 * The filter's limit is not used. The incident passed to fn is valid during
 * the call; fn returns 0 to go on or -1 to stop, which query_list returns.
 * Returns 0, or -1 with a message on a database error.
 */
int query_list(struct store *st, const struct query_filter *f, long max,
	       int (*fn)(const struct incident *inc, void *arg), void *arg);

/* ---- Results ---------------------------------------------------------- */

enum query_type {
	QUERY_TEXT,
	QUERY_INT,
	QUERY_REAL,
	QUERY_BOOL,
};

struct query_column {
	const char *name;		/* snake_case, the CSV header and JSON key */
	enum query_type type;
	const char *description;
	int share;			/* a proportion in [0, 1] the row flag applies to */
	const char *null_text;		/* how the table prints NULL; "-" when NULL */
};

/*
 * One value. NULL means unknown or not given; otherwise the member that
 * matches the column type holds it (`i` for INT and BOOL 0/1, `r` for
 * REAL, `s` for TEXT, owned by the result).
 */
struct query_cell {
	int null;
	long long i;
	double r;
	char *s;
};

struct query_row {
	struct query_cell *cells;	/* one per column */
	enum share_flag flag;		/* for the share columns of the row */
};

/* A named number that is not a row: the median of response-time, say. */
struct query_figure {
	const char *name;		/* static */
	int null;
	double value;
};

struct query_meta {
	struct query_period period;	/* as run */
	struct query_period previous;	/* kind NONE when there is none */
	long long n;		/* incidents the rows are about, the share denominator */
	/*
	 * Incidents in the period under the caller's filters, before the query
	 * narrows them to what its rows count: public-kinds counts public
	 * bodies only (n), among `whole` incidents. Equal to n for most
	 * queries; what an empty chart or table says depends on it.
	 */
	long long whole;
	long long left_out;	/* overlap the period, date too coarse for it (see top) */
	long long undated;	/* match the filter but have no date */
	struct query_data_end data_end;	/* the store's, whatever the filter */
	int provisional;	/* query_period_provisional(period, data_end) */
	/* overview: the change against the previous period (has_test 0 otherwise) */
	int has_test;
	long long k1, k2;	/* incidents in the period and in the previous one */
	double t1, t2;		/* their lengths in days */
	double p_value;		/* poisson_test(k1, t1, k2, t2) */
	struct query_figure *figures;
	size_t figures_nr, figures_alloc;
};

struct query;

/*
 * A result is owned by the caller and freed, with every string in it, by
 * query_result_free(). Columns are the query's own static table.
 */
struct query_result {
	const struct query *query;
	const struct query_column *columns;
	size_t columns_nr;
	struct query_row *rows;
	size_t rows_nr, rows_alloc;
	struct query_meta meta;
};

/*
 * The verdict of overview's test, the one rule every output and sentence
 * follows: 1 a significant change (p < STATS_ALPHA), 0 not, -1 no claim:
 * there is no test, or the period is provisional.
 */
int query_significant(const struct query_meta *m);

/* Frees the result and all it holds; NULL is a no-op. */
void query_result_free(struct query_result *r);
/* The index of the column called `name`, or -1. */
int query_column_index(const struct query_result *r, const char *name);
/* The cell of row `row` in column `name`; NULL when there is no such column or row. */
const struct query_cell *query_cell(const struct query_result *r, size_t row, const char *name);
/* A figure by name; NULL when the result has none of that name. */
const struct query_figure *query_figure(const struct query_result *r, const char *name);

/*
 * The taxonomies the values of `r` are named in (its "taxonomy" column, as
 * techniques has), the one rule for every title and heading that names
 * them: "MITRE ATT&CK", "VERIS", or "MITRE ATT&CK, VERIS" when the rows
 * hold both (then *mixed is 1, and each row must say its own); NULL when
 * the result has no such column or no value. Proper names, the same in
 * every language. `mixed` may be NULL.
 */
const char *query_taxonomy_label(const struct query_result *r, int *mixed);
/* The proper name of row `row`'s taxonomy; NULL when it has none. */
const char *query_row_taxonomy(const struct query_result *r, size_t row);
/* Appends `title` and, when `r` names a taxonomy, " (LABEL)" to `out`. */
struct buf;
void query_taxonomy_title(const struct query_result *r, const char *title, struct buf *out);

/* Building a result (for queries/ itself and for tests). */
struct query_result *query_result_new(const struct query *q);
/* Appends a row of NULL cells and returns it (valid until the next append). */
struct query_row *query_result_add_row(struct query_result *r);
void query_set_text(struct query_row *row, size_t col, const char *s);	/* copies; NULL sets NULL */
void query_set_int(struct query_row *row, size_t col, long long v);
void query_set_real(struct query_row *row, size_t col, double v);
void query_set_bool(struct query_row *row, size_t col, int v);
/*
 * Sets a share column to k / n and the row's flag by the rules above
 * (NULL and SHARE_SUPPRESSED when n < 5).
 */
void query_set_share(struct query_row *row, size_t col, long long k, long long n);
void query_add_figure(struct query_result *r, const char *name, int null, double value);

/* ---- The catalog ------------------------------------------------------ */

/*
 * How a result is drawn is not the catalog's business: charts/fromquery.h
 * is the one place that decides it.
 */

struct query_run;

/*
 * What a row of a query is about: the kind of its key. Charts and the
 * report decide by this, never by a query's name.
 */
enum query_key {
	QUERY_KEY_PERIOD,	/* one row about the whole period (overview) */
	QUERY_KEY_COUNTRY,	/* a victim country, ISO alpha-2 */
	QUERY_KEY_SECTOR,	/* a victim sector */
	QUERY_KEY_TYPE,		/* an incident type */
	QUERY_KEY_MONTH,	/* a calendar month, "YYYY-MM" */
	QUERY_KEY_PUBLIC_GROUP,	/* public bodies, other victims, unknown */
	QUERY_KEY_PUBLIC_KIND,	/* a kind of public body */
	QUERY_KEY_DURATION,	/* a bucket of response times */
	QUERY_KEY_VALUE,	/* a listed value: technique, motive, actor */
	QUERY_KEY_INCIDENT,	/* one incident */
};

/*
 * A named query and its traits:
 *  - key: what each row is about (above).
 *  - timeline: the rows are the months of the period in order, and those
 *    after the end of the data are unknown (NULL), not zero.
 *  - attached: a briefing that runs it attaches its CSV even when no
 *    chart or table shows it (its numbers are in the text).
 *  - uses_limit: takes --limit (the number of rows).
 */
struct query {
	const char *name;
	const char *description;	/* one line */
	const struct query_column *columns;
	size_t columns_nr;
	const char *const *sql;		/* the statements run uses, in one place */
	int (*run)(struct query_run *qr, struct query_result *res);
	enum query_key key;
	int timeline;
	int attached;
	int uses_limit;
};

/* Every query, in the order `ibrief query --list` shows them. */
extern const struct query *const query_catalog[];
extern const size_t query_catalog_nr;

/* Each query by itself, for callers that need one of them whatever the template. */
extern const struct query query_overview, query_by_country, query_by_sector, query_by_type,
	query_by_month, query_public_sector, query_public_kinds, query_response_time,
	query_techniques, query_motives, query_actors, query_notable;

/* The query called `name`; NULL when there is none. */
const struct query *query_find(const char *name);

/*
 * Runs `q` with filter `f` and sets *out to a new result the caller frees
 * with query_result_free(). On error returns -1 with a message and *out is
 * NULL.
 *
 * What every query of a period starts with (the counts, the end of the
 * data, the incidents in scope and the lists counted over them) is read
 * once and remembered, per thread, while the store is unchanged
 * (db_data_version): a briefing's queries share it. query_forget() drops
 * it all, so that the next query reads it again: for a benchmark that
 * times the queries as one briefing runs them, not as memory answers them.
 */
void query_forget(void);
int query_run(struct store *st, const struct query *q, const struct query_filter *f,
	      struct query_result **out);

/* ---- Output ----------------------------------------------------------- */

/*
 * Writing a result. Write errors are not reported here: callers check the
 * stream once at the end.
 *
 *  - table: for a terminal. Comment lines starting "# " give the query, the
 *    period, the previous period, n, left_out and undated, the figures and
 *    the test; then a header line and one aligned line per row (numbers
 *    right-aligned, shares as percentages, "*" after an unreliable share,
 *    NULL as the column's null_text), and a note on the flags when a row
 *    has one.
 *  - csv: RFC 4180, CRLF line ends, a header of the column names, NULL as
 *    an empty field, reals with up to 10 significant digits. Exactly the
 *    query's columns: the share flags are not in CSV (a suppressed share is
 *    an empty field).
 *  - json: an array of objects, one per row, keyed by column name in column
 *    order; numbers as numbers, booleans as booleans, NULL as null; when the
 *    query has a share column each object also has "share_flag":
 *    "unreliable", "suppressed" or null. With `with_meta` the array becomes
 *    the "rows" of an object that also has "query", "period", "previous",
 *    "n", "left_out", "undated", "figures" and, for overview, "test".
 */
void query_write_table(FILE *out, const struct query_result *r);
void query_write_csv(FILE *out, const struct query_result *r);
void query_write_json(FILE *out, const struct query_result *r, int with_meta);
/* One line per query: name and description, for `ibrief query --list`. */
void query_write_list(FILE *out);

#endif
