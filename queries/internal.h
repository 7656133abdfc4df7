#ifndef QUERIES_INTERNAL_H
#define QUERIES_INTERNAL_H

/*
 * For the files of queries/ only: what the runners of the named queries
 * share. Each query lives in one place, its file: columns, SQL and run
 * function together, ending in its `const struct query` entry.
 *
 * The SQL of every query restricts incidents with the fragments below, so
 * that the period rule and the filters are written once. Parameters bound
 * by run_prepare() when the statement names them:
 *   :from :to          the period (always valid dates; open ends are the
 *                      sentinels QUERY_DATE_MIN/MAX)
 *   :s1 :s2 :s3 :s4    the only date_start values an incident left out of
 *                      the period can have (see run_meta)
 *   :public            1 for --public-sector, else 0
 *   :type :sector      the filter's, or NULL
 *   :sector_prefix     the sector when it is all digits, else NULL
 *   :countries         a JSON array of the filter's codes, or NULL
 *   :limit             the filter's limit, or QUERY_DEFAULT_LIMIT
 * A runner binds its own parameters after run_prepare().
 *
 * Speed. Every statement searches a date index over [from, to] (check
 * with EXPLAIN QUERY PLAN, or query_bench --plans: "SEARCH i USING ...
 * INDEX incident_by_period (date_start>? AND date_start<?)", or a list
 * table's _by_date index), so the work grows with the incidents of the
 * period, not with the store. incident_by_period also holds the columns
 * the queries read (schema version 3), so no incident row is read; the
 * lists carry their incident's dates (version 7, QUERY_LIST_JOIN), so a
 * period's values lie in one range of their index instead of one probe
 * per incident. bench/query_bench.c measures the monthly set.
 */


#include "query.h"
#include "../store/db.h"

/*
 * The filter conditions on `incident i`, to follow a WHERE clause. Each
 * holds trivially when its parameter is unset, and run_prepare() then
 * drops it from the statement before preparing it: a statement with
 * conditions that hold anyway takes longer to parse and to plan, on
 * PostgreSQL for every run (it plans a prepared statement for its values
 * its first five runs). None of them names a column the date index lacks
 * unless its filter is set, so an unfiltered scan of the date index never
 * reads the incident rows for them.
 */
#define QUERY_FILTER_PUBLIC " AND (:public = 0 OR i.public_sector = 1)"
#define QUERY_FILTER_TYPE " AND (CAST(:type AS TEXT) IS NULL OR i.type = :type)"
#define QUERY_FILTER_COUNTRIES \
	" AND (CAST(:countries AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM incident_country fc" \
	"      WHERE fc.incident_id = i.id" \
	"        AND fc.country IN (SELECT value FROM json_each(:countries))))"
#define QUERY_FILTER_SECTOR \
	" AND (CAST(:sector AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM incident_sector fs" \
	"      WHERE fs.incident_id = i.id" \
	"        AND (lower(fs.sector) = lower(CAST(:sector AS TEXT))" \
	"             OR substr(fs.sector, 1, length(CAST(:sector_prefix AS TEXT)))" \
	"                = :sector_prefix)))"
#define QUERY_FILTERS \
	QUERY_FILTER_PUBLIC QUERY_FILTER_TYPE QUERY_FILTER_COUNTRIES QUERY_FILTER_SECTOR

/*
 * The period rule: the incident's whole span lies inside [from, to]. The
 * bound date_start <= :to follows from the other two; it is written out
 * so that the date index is searched over [from, to] only, and the work
 * grows with the incidents of the period, not with the store.
 */
#define QUERY_IN_PERIOD \
	" i.date_start >= :from AND i.date_start <= :to AND i.date_end <= :to"

/*
 * Joins list table `t` (incident_country, incident_technique, ...) to the
 * incidents `i` of a period: its rows carry their incident's dates
 * (schema version 7) and an index on (date_start, date_end, incident_id),
 * so that SQLite, walking the period's incidents in date order, finds each
 * incident's values next to the previous one's instead of at a random
 * place of the table. Only for incidents in a period (a dated one): an
 * undated incident's rows have NULL dates and match nothing here.
 */
#define QUERY_LIST_JOIN(t) \
	" ON " t ".incident_id = i.id AND " t ".date_start = i.date_start" \
	" AND " t ".date_end = i.date_end"

/*
 * The rows of list table `t` in the period: its rows carry their
 * incident's dates (schema version 7), so the rule is the incidents'.
 * Ordered by the list's date index, so that an incident's rows come one
 * after the other (SQLite walks the index in that order and sorts nothing).
 */
#define QUERY_LIST_IN_PERIOD(t) \
	" " t ".date_start >= :from AND " t ".date_start <= :to AND " t ".date_end <= :to"
#define QUERY_LIST_ORDER(t) \
	" ORDER BY " t ".date_start, " t ".date_end, " t ".incident_id"

/* `FROM incident i WHERE` in the period and matching the filter. */
#define QUERY_SCOPE " FROM incident i WHERE" QUERY_IN_PERIOD QUERY_FILTERS

/*
 * The incidents in scope for list_tally_run() (below), with the count
 * column of each list that has one and what makes a public body: one
 * statement for every list and by-sector, so that they read the
 * incidents of one period and filter once.
 */
#define QUERY_TALLY_SCOPE \
	"SELECT i.id, i.technique_count, i.motive_count, i.actor_count," \
	" i.public_sector, i.public_kind" QUERY_SCOPE

/*
 * The rows of an incident's three lists in the period, in one statement
 * for list_tally_run(): a briefing counts all three, and on PostgreSQL
 * each statement is a round trip and a plan. A row is (list, incident_id,
 * value, taxonomy, date_start, date_end), list being the list's enum
 * list_count; ordered as QUERY_LIST_ORDER, which each list's date index
 * gives, so that an incident's rows are together, those of every list.
 * Not by list first: SQLite would then sort each list's rows in a
 * temporary B-tree instead of merging them from their indexes (at 1M
 * incidents, June 2024: 17-26 ms against 7-9).
 */
#define QUERY_LIST_ROWS(list, table, column, taxonomy) \
	"SELECT " list ", t.incident_id, t." column ", " taxonomy ", t.date_start, t.date_end" \
	" FROM " table " t WHERE" QUERY_LIST_IN_PERIOD("t")
#define QUERY_LISTS \
	QUERY_LIST_ROWS("1", "incident_technique", "technique", "t.taxonomy") " UNION ALL " \
	QUERY_LIST_ROWS("2", "incident_motive", "motive", "NULL") " UNION ALL " \
	QUERY_LIST_ROWS("3", "incident_actor", "actor", "NULL") " ORDER BY 5, 6, 2"
#define LISTS_READ 3

/* The two statements of list_tally_run() for the victims' countries. */
#define QUERY_COUNTRY_TALLY \
	QUERY_TALLY_SCOPE, \
	"SELECT c.incident_id, c.country FROM incident_country c" \
	" WHERE" QUERY_LIST_IN_PERIOD("c") QUERY_LIST_ORDER("c")

struct query_run {
	struct store *st;
	struct db *db;
	const struct query *q;
	struct query_filter f;		/* a copy the runner may adjust */
	char *countries_json;		/* owned; NULL when no country filter */
};

/*
 * A list's values (countries, techniques, ...) counted over the incidents
 * of the run's period and filter (queries/tally.c). Each incident is in
 * one state: it lists values (it counts once in the row of each), or it
 * lists none and its count column says the source hides them (hidden:
 * "Available to members"), that there are none, or nothing (unknown).
 */
enum { LIST_VALUE, LIST_HIDDEN, LIST_NONE, LIST_UNKNOWN, LIST_STATES };

#define LIST_TAXONOMY_SEP '\x1f'	/* ASCII unit separator: in no value */

struct list_value {
	char *value;		/* "VALUE", or "TAXONOMY\x1fVALUE" for a list with taxonomies */
	long long n;		/* incidents listing it */
	long long last_id;
};

struct list_tally {
	struct list_value *v;	/* most incidents first, ties by value (byte order) */
	size_t nr, alloc;
	size_t *slots, slots_nr;	/* the index on the values while counting */
	long long states[LIST_STATES];	/* incidents in each state */
	long long incidents;	/* in scope: the sum of states[] */
};

/* The column of QUERY_TALLY_SCOPE that says why an incident lists no value. */
enum list_count { LIST_COUNT_NONE, LIST_COUNT_TECHNIQUES, LIST_COUNT_MOTIVES, LIST_COUNT_ACTORS };

/*
 * Runs sql[0], QUERY_TALLY_SCOPE, and sql[1], the list's rows of the
 * period as (t.incident_id, value[, taxonomy]) with an incident's rows one
 * after the other, and counts into *t, which the caller releases with
 * list_tally_release(). `count` is the list's count column; with none
 * (LIST_COUNT_NONE) an incident that lists nothing is unknown. sql[1] may
 * be QUERY_LISTS: then `count` names the list, and the other two are
 * counted with it. The incidents in scope last read are kept, per thread,
 * with the lists counted over them, and read again only for another
 * statement, period or filter, or another state of the store
 * (db_data_version). Returns 0, or -1 with a message.
 */
int list_tally_run(struct query_run *qr, const char *const sql[2], enum list_count count,
		   struct list_tally *t);
void list_tally_release(struct list_tally *t);
/* Drops the incidents in scope and the lists kept (query_forget()). */
void list_tally_forget(void);

/*
 * The same walk, the incidents in scope split in two: out[1] counts the
 * public bodies (public_sector 1) by their public_kind, out[0] the others
 * by the value of their row in sql[1] (one row an incident at most, as
 * (t.incident_id, value); with sql[1] NULL, none has a value). In each, states[LIST_UNKNOWN] counts those
 * without: a public body of no kind, another incident with no row. The
 * caller releases both, also on failure. Returns 0, or -1 with a message.
 */
int list_split_tally_run(struct query_run *qr, const char *const sql[2], struct list_tally out[2]);

/*
 * The incidents in scope, the lists' (QUERY_TALLY_SCOPE, read once for
 * all), by public_sector: counts[0] public bodies, [1] other victims, [2]
 * not known. Returns 0, or -1 with a message.
 */
int scope_public_counts(struct query_run *qr, long long counts[3]);

/*
 * The strings of `l` as a JSON array, for json_each(:param) (both
 * backends have it); NULL when `l` is NULL or empty. The caller frees it.
 */
char *run_json_list(const struct strlist *l);

/*
 * What a remembered answer for period `p` and the run's filter depends on
 * besides the store, into `key` (at most `size` bytes): 0 when it does not
 * fit, and then nothing may be remembered.
 */
int run_memo_key(const struct query_run *qr, const struct query_period *p, char *key,
		 size_t size);

/* Whether an answer remembered at store version `a` holds at version `b`. */
int run_same_version(const struct db_version *a, const struct db_version *b);

/* Reports a database error for the query being run; returns -1. */
int run_error(struct query_run *qr, const char *what);

/*
 * Prepares `sql`, less the QUERY_FILTER_ conditions of the filters not
 * set, and binds the common parameters for period `p` (see the top).
 * Returns 0, or -1 with a message and *out NULL.
 */
int run_prepare(struct query_run *qr, const char *sql, const struct query_period *p,
		struct db_stmt **out);

/*
 * Counts, for period `p` and the run's filter: the incidents in the
 * period, those left out of it because their date is too coarse, and the
 * undated ones. Any pointer may be NULL; without `n` the period's
 * incidents are not walked (the other two are a few probes of an index).
 */
int run_meta(struct query_run *qr, const struct query_period *p, long long *n,
	     long long *left_out, long long *undated);

/*
 * The incidents in period `p` with none of the run's filters: the whole
 * that a filtered answer is a part of. As run_meta(), remembered.
 */
int run_meta_whole(struct query_run *qr, const struct query_period *p, long long *n);

/* Reads one integer from a statement with one row; -1 on error. */
int run_count(struct query_run *qr, const char *sql, const struct query_period *p,
	      long long *out);

/* Sets res->meta's period, previous, n, left_out and undated for the run's filter. */
int run_standard_meta(struct query_run *qr, struct query_result *res);

/*
 * The same but meta.n, left 0 for a caller that counts the period's
 * incidents in its own walk of them (QUERY_SCOPE, the same rows).
 */
int run_standard_meta_uncounted(struct query_run *qr, struct query_result *res);

/*
 * For a period `p` that is not over on `last` ("YYYY-MM-DD", the last day
 * the store has data for): sets *out to the stretch of `prev` as long as
 * `p` is up to `last`, [prev.from, prev.from + days - 1], and returns those
 * days. Returns 0, leaving *out alone, when `p` is over by `last`, has not
 * begun, or has no bounded previous period.
 */
long query_period_so_far(const struct query_period *p, const struct query_period *prev,
			 const char *last, struct query_period *out);


/*
 * The same days `years` years earlier: each end moves back keeping month
 * and day (29 February becomes the 28th in a common year); an open end
 * stays open. The kind and label are those of `p`. `out` may be `p`.
 */
void query_period_years_earlier(const struct query_period *p, int years, struct query_period *out);

#endif
