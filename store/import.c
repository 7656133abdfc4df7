#include "import.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "parse.h"
#include "../util/banned.h"

static const struct {
	const char *name;
	enum import_format format;
	int (*parse)(struct parse_ctx *ctx);
} formats[] = {
	{ "page", IMPORT_PAGE, page_parse },
	{ "veris", IMPORT_VERIS, veris_parse },
	{ "csv", IMPORT_CSV, csvin_parse },
};

int import_format_parse(const char *name, enum import_format *out)
{
	if (!strcmp(name, "auto")) {
		*out = IMPORT_AUTO;
		return 0;
	}
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++) {
		if (!strcmp(name, formats[i].name)) {
			*out = formats[i].format;
			return 0;
		}
	}
	return -1;
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* What one file's import is doing; the parse context's `data`. */
struct file_import {
	struct store *st;
	const char *path;
	const struct import_options *opts;
	long new_, updated, unchanged;
	double started;
	int progress_told;
};

/* Every 1024 records: checking the clock costs more than a record. */
static void tell_progress(struct file_import *fi, struct parse_ctx *ctx)
{
	double seconds;

	if (!fi->opts->progress.fn || (ctx->records & 1023))
		return;
	seconds = now_seconds() - fi->started;
	fi->progress_told = 1;
	notify(&fi->opts->progress, NOTIFY_PROGRESS, seconds,
	       "importing '%s': %ld records, %.0f records/s", fi->path, ctx->records,
	       seconds > 0 ? (double)ctx->records / seconds : 0);
}

static int on_record(struct parse_ctx *ctx, struct incident *inc)
{
	struct file_import *fi = ctx->data;
	enum store_put_result res;

	if (store_put_digest(fi->st, inc, ctx->digest ? ctx->digest : incident_digest(inc),
			     &res) < 0)
		return -1;
	switch (res) {
	case STORE_PUT_NEW:
		fi->new_++;
		break;
	case STORE_PUT_UPDATED:
		fi->updated++;
		break;
	case STORE_PUT_UNCHANGED:
		fi->unchanged++;
		break;
	}
	tell_progress(fi, ctx);
	return 0;
}

/*
 * One rule for every format: a file without a single record (empty, blank
 * lines only, a CSV header alone, an empty JSON array) is an error, not an
 * import of nothing.
 */
static int no_records(const char *path)
{
	return error("'%s': holds no incident record (the file is empty or has only "
		     "blank lines or a header)", path);
}

/* Finds the parser for `path`, by content when the format is auto. */
static int pick_parser(struct input *in, enum import_format want, size_t *which)
{
	const char *name = NULL;
	const char *data;
	size_t len;

	if (want != IMPORT_AUTO) {
		for (*which = 0; formats[*which].format != want; (*which)++)
			;
		return 0;
	}
	data = input_peek(in, 4096, &len);
	if (!data)
		return -1;
	if (!len)
		return no_records(in->name);
	name = parse_detect(data, len);
	if (!name)
		return error("'%s': cannot tell the format from the content (expected a saved "
			     "tracker page, VERIS JSON or CSV with a header naming an id column); "
			     "name it with --format", in->name);
	for (*which = 0; strcmp(formats[*which].name, name); (*which)++)
		;
	return 0;
}

static int import_one(struct store *st, const char *path, const struct import_options *opts,
		      struct import_totals *totals)
{
	struct file_import fi = { .st = st, .path = path, .opts = opts };
	struct parse_ctx ctx = { .skip_bad = opts->skip_bad, .on_record = on_record, .data = &fi };
	struct input in;
	size_t which = 0;
	int ret = -1, began = 0;

	fi.started = now_seconds();
	if (input_open(&in, path) < 0)
		return -1;
	ctx.in = &in;
	if (pick_parser(&in, opts->format, &which) < 0)
		goto out;
	ctx.format = formats[which].name;
	/* A .gz file is inflated on a thread of its own, ahead of the parser's. */
	input_read_ahead(&in);
	if (store_begin(st) < 0)
		goto out;
	began = 1;
	/* The parser reads on a second core while this thread stores. */
	if (parse_threaded(formats[which].parse, &ctx) < 0)
		goto out;
	if (!ctx.records) {
		no_records(path);
		goto out;
	}
	if (store_log_import(st, path, ctx.format, fi.new_, fi.updated, fi.unchanged,
			     ctx.rejected) < 0)
		goto out;
	if (opts->dry_run)
		store_rollback(st);
	else if (store_commit(st) < 0)
		goto out;
	began = 0;
	totals->new_ += fi.new_;
	totals->updated += fi.updated;
	totals->unchanged += fi.unchanged;
	totals->rejected += ctx.rejected;
	ret = 0;
out:
	if (fi.progress_told)
		notify(&opts->progress, NOTIFY_DONE, now_seconds() - fi.started, "%s", "");
	if (began)
		store_rollback(st);
	if (ret < 0) {
		totals->rejected += ctx.rejected;
		error("'%s': not imported; the store is as it was before this file", path);
	}
	input_close(&in);
	return ret;
}

int import_files(struct store *st, const char *const *paths, size_t n,
		 const struct import_options *opts, struct import_totals *totals)
{
	double start = now_seconds();

	memset(totals, 0, sizeof(*totals));
	for (size_t i = 0; i < n; i++) {
		totals->files++;
		if (import_one(st, paths[i], opts, totals) < 0)
			totals->failed++;
	}
	totals->seconds = now_seconds() - start;
	return totals->failed ? -1 : 0;
}
