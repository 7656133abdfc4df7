#ifndef REPORT_REPORT_H
#define REPORT_REPORT_H

/*
 * Briefings: a template (report/template.h) and a period with filters in,
 * a PDF out.
 *
 * The report runs the template's catalog queries with query_run() and
 * nothing else: every number it prints comes from a query result (the
 * notable incidents' impact and sources come from the incidents the
 * notable query names, read with store_get()). Charts are drawn by charts/
 * from query_chart_init() data as 300 dpi PNG images; tables, text and the
 * notable incidents are text in the PDF.
 *
 * What every briefing has: a cover (title, period, filters, issuer, date of
 * issue, "data as of" the newest import, the TLP label and what it means),
 * the cover's blocks (key figures, narrative), then the sections, each a
 * bookmark. Every page carries the TLP label in its header and footer,
 * "Page X of Y" and the period. The data behind every chart and table is
 * attached as CSV, with a provenance note (ibrief version, template,
 * filters, the store's digest) that is also in the document's keywords.
 * An empty period gives a cover and one page saying so.
 *
 * Output is written to a temporary file in the target's directory, synced
 * and renamed: a failure never leaves a partial PDF, and nothing is written
 * at all before the whole document is built. With the same store,
 * arguments and `issued` time the bytes are the same.
 */

#include <stddef.h>
#include <time.h>

#include "../lang/lang.h"
#include "template.h"
#include "../charts/chart.h"
#include "../util/tlp.h"
#include "../queries/query.h"
#include "../store/store.h"
#include "../store/briefing.h"
#include "../util/buf.h"

/* The most pages a briefing may take: report_write() refuses a longer one. */
#define REPORT_MAX_PAGES 100

struct report_options {
	const struct template *template;
	/* The period must be resolved (no "latest"); countries etc. as for query_run(). */
	const struct query_filter *filter;
	enum lang lang;
	/* The issuer ([report] organisation); NULL prints none: no placeholder stands in. */
	const char *organisation;
	/* The configured scope ([report] scope: "europe" or "world"), or NULL (see report/title.c). */
	const char *scope;
	/* The label, and where it came from, as tlp_decide() chose; the cover says which. */
	enum tlp tlp;
	enum tlp_source tlp_source;
	/* Holds geo/europe-50m.geojson for maps; see cli/cmd_report.c for how it is found. */
	const char *data_dir;
	/*
	 * The output file; a directory (an existing one, or a path ending in
	 * "/") for report_default_name() in it; NULL for that name in the
	 * current directory.
	 */
	const char *output;
	/* Date of issue: SOURCE_DATE_EPOCH when set, else now (the caller decides). */
	time_t issued;
	/* How to make this briefing again, for the provenance note ("ibrief report ..."). */
	const char *command;
	/*
	 * When set, the briefing is built by the same code but not written:
	 * what it would print is recorded here (see struct report_proof) and
	 * its charts are drawn at a low resolution, for the audit that checks
	 * every statement against the query catalog.
	 */
	struct report_proof *proof;
};

/*
 * What a briefing prints, as data: for tests that prove each statement
 * true without reading a PDF back. Everything is owned by the proof and
 * freed by report_proof_release().
 */
struct report_proof_chart {
	const struct query *query;
	enum chart_kind kind;
	char *file;		/* the attachment that holds its data: "TLP-AMBER_by-country.csv" */
	char *title;
	char *empty;		/* the empty-state message it shows; NULL when it has data */
	size_t nr;		/* categories */
	char **labels;
	double *values;		/* series[0]; NaN for unknown */
};

struct report_proof_file {
	const struct query *query;	/* whose result it is; NULL for the provenance note */
	enum tpl_scope scope;
	char *name;			/* "TLP-AMBER_by-country.csv": see tlp_file_tag() */
	char *data;
	size_t len;
};

struct report_proof {
	char *title;			/* the cover's title, and the page header's */
	struct buf text;		/* every line of text in the flow, '\n' after each */
	int provisional;		/* the period holds the store's unfinished month */
	struct report_proof_chart *charts;
	size_t charts_nr, charts_alloc;
	struct report_proof_file *files;
	size_t files_nr, files_alloc;
	/*
	 * The section "Since the last briefing", when printed: the earlier
	 * briefing's id and period, and the incidents it states were added
	 * since (report/history.c). since_id is 0 when there is no section.
	 */
	long long since_id;
	struct query_period since_period;
	long long since_late;
};

void report_proof_init(struct report_proof *p);
void report_proof_release(struct report_proof *p);

/*
 * What a briefing is, for whoever passes it on (ibrief mail): the values
 * the report had in hand when it wrote the file, so nobody reads them back
 * from the PDF. The strings are owned (report_summary_release()); `title`,
 * `narrative` and `organisation` are the PDF's Title, Subject and Author.
 * mail/ fills the same struct from the metadata of a PDF made elsewhere.
 */
struct report_summary {
	char *path;		/* the file written */
	char *title;		/* "Cyber incidents – April 2024", in the briefing's language */
	char *narrative;	/* the cover's narrative: key figures in sentences */
	char *organisation;	/* the issuer; NULL when none is configured */
	int has_tlp;		/* 0 only for a PDF made elsewhere without a label */
	enum tlp tlp;
	int pages;
	size_t bytes;
	/*
	 * The period holds no incident and starts after the newest month with
	 * data in the whole store (`data_end`, "2020-06"; the newest year when
	 * no date is known to the month or the day): the store is stale, and the briefing
	 * says nothing about its period. Never set by mail_read_briefing().
	 */
	int after_data;
	char data_end[8];
	/*
	 * What the store keeps of the briefing (store/briefing.h): filled by
	 * report_write(), recorded by whoever wrote it (cli/cmd_report.c) with
	 * store_briefing_record() once the file is in place. Never set by
	 * mail_read_briefing().
	 */
	struct store_briefing record;
};

/*
 * Builds the briefing and writes it. Returns 0 and fills `sum`, or -1 with
 * a message (a template problem found when filling it, a query or libharu
 * failure, a write error); nothing is left on disk then.
 */
int report_write(struct store *st, const struct report_options *o, struct report_summary *sum);

/* Frees what the summary holds. */
void report_summary_release(struct report_summary *sum);

/*
 * The default file name for a filter, appended to `out`: "briefing-2024-04.pdf"
 * for a month, "briefing-2024-Q2.pdf", "briefing-2024.pdf", with the country
 * when one to three are filtered ("briefing-BE-2023.pdf"), and the other
 * filters after the period ("briefing-2024-04-public-ransomware.pdf"); a
 * range of days gives "briefing-2024-01-15-to-2024-03-10.pdf", all dates
 * "briefing-all.pdf".
 */
void report_default_name(struct buf *out, const struct query_filter *f);

#endif
