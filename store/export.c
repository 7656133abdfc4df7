#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/csv.h"
#include "../util/country.h"
#include "../util/utf8.h"
#include "../util/banned.h"

static json_t *json_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *json_count(long long n)
{
	return n >= 0 ? json_integer(n) : json_null();
}

static json_t *json_hours(double h)
{
	return h >= 0 ? json_real(h) : json_null();
}

static json_t *json_list(const struct strlist *l)
{
	json_t *a = json_array();

	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

json_t *incident_json(const struct incident *inc)
{
	json_t *o = json_object(), *derived = json_object();
	char date[11];

	incident_date_string(inc, date);
	json_object_set_new(o, "id", json_integer(inc->id));
	json_object_set_new(o, "key", json_str(inc->key));
	json_object_set_new(o, "victim", json_str(inc->victim));
	json_object_set_new(o, "countries", json_list(&inc->countries));
	json_object_set_new(o, "date", json_str(*date ? date : NULL));
	json_object_set_new(o, "date_precision", json_str(date_precision_name(inc->date_precision)));
	json_object_set_new(o, "public_sector",
			    inc->public_sector < 0 ? json_null() : json_boolean(inc->public_sector));
	json_object_set_new(o, "public_kind", json_str(inc->public_kind));
	json_object_set_new(o, "sector", json_str(inc->sectors.n ? inc->sectors.v[0] : NULL));
	json_object_set_new(o, "sectors", json_list(&inc->sectors));
	json_object_set_new(o, "type", json_str(inc->type));
	json_object_set_new(o, "summary", json_str(inc->summary));
	json_object_set_new(o, "description", json_str(inc->description));
	json_object_set_new(o, "cia", json_list(&inc->cia));
	json_object_set_new(o, "motives", json_list(&inc->motives));
	json_object_set_new(o, "techniques", json_list(&inc->techniques));
	json_object_set_new(o, "technique_taxonomy",
			    json_str(inc->techniques.n ? taxonomy_name(inc->technique_taxonomy) : NULL));
	json_object_set_new(o, "campaign", json_str(inc->campaign));
	json_object_set_new(o, "actors", json_list(&inc->actors));
	json_object_set_new(o, "motive_count", json_count(inc->motive_count));
	json_object_set_new(o, "technique_count", json_count(inc->technique_count));
	json_object_set_new(o, "actor_count", json_count(inc->actor_count));
	json_object_set_new(o, "source_count", json_count(inc->source_count));
	json_object_set_new(o, "sources", json_list(&inc->sources));
	json_object_set_new(o, "affected", json_count(inc->affected));
	json_object_set_new(o, "time_to_contain", inc->contain_hours < 0 ? json_null() :
			    json_pack("{s:f, s:b}", "hours", inc->contain_hours,
				      "approximate", inc->contain_approximate));
	json_object_set_new(o, "time_to_recover", inc->recover_hours < 0 ? json_null() :
			    json_pack("{s:f}", "hours", inc->recover_hours));
	json_object_set_new(o, "discovery_hours", json_hours(inc->discovery_hours));
	json_object_set_new(o, "provenance",
			    json_pack("{s:o, s:o, s:o, s:o, s:o}",
				      "format", json_str(inc->format),
				      "file", json_str(inc->file),
				      "line", inc->line > 0 ? json_integer(inc->line) : json_null(),
				      "record", inc->record > 0 ? json_integer(inc->record) : json_null(),
				      "imported_at", json_str(inc->imported_at)));
	for (size_t i = 0; i < inc->derived_nr; i++)
		json_object_set_new(derived, inc->derived[i].field,
				    json_string(inc->derived[i].phrase));
	json_object_set_new(o, "derived", derived);
	return o;
}

static void csv_write_list(FILE *out, const struct strlist *l)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < l->n; i++) {
		if (i)
			buf_addch(&b, ';');
		buf_adds(&b, l->v[i]);
	}
	csv_text(out, b.buf);
	buf_release(&b);
}

void incident_csv_header(FILE *out)
{
	fputs("id,date,date_precision,victim,countries,public_sector,public_kind,"
	      "sector,type,affected,time_to_contain_hours,source_count,format,file\r\n", out);
}

void incident_csv_row(FILE *out, const struct incident *inc)
{
	char date[11];

	incident_date_string(inc, date);
	fprintf(out, "%lld,%s,%s,", inc->id, date,
		inc->date_precision ? date_precision_name(inc->date_precision) : "");
	csv_text(out, inc->victim);
	fputc(',', out);
	csv_write_list(out, &inc->countries);
	fprintf(out, ",%s,", inc->public_sector < 0 ? "" : inc->public_sector ? "yes" : "no");
	csv_text(out, inc->public_kind);
	fputc(',', out);
	csv_text(out, inc->sectors.n ? inc->sectors.v[0] : NULL);
	fputc(',', out);
	csv_text(out, inc->type);
	fputc(',', out);
	if (inc->affected >= 0)
		fprintf(out, "%lld", inc->affected);
	fputc(',', out);
	if (inc->contain_hours >= 0)
		fprintf(out, "%g", inc->contain_hours);
	fputc(',', out);
	if (inc->source_count >= 0)
		fprintf(out, "%ld", inc->source_count);
	fputc(',', out);
	csv_text(out, inc->format);
	fputc(',', out);
	csv_text(out, inc->file);
	fputs("\r\n", out);
}

/* Table cells are escaped before they are measured: what is shown is what counts. */
void write_cut(FILE *out, const char *s, size_t width, int pad)
{
	struct buf e = BUF_INIT;
	size_t w;

	if (!s)
		s = "-";
	utf8_escape(&e, s, strlen(s), 0);
	w = utf8_count(e.buf, e.len);
	if (w <= width) {
		fputs(e.buf, out);
	} else {
		fwrite(e.buf, 1, utf8_prefix(e.buf, e.len, width ? width - 1 : 0), out);
		fputs("\u2026", out);
		w = width;
	}
	if (pad)
		for (; w < width; w++)
			fputc(' ', out);
	buf_release(&e);
}

void incident_table_header(FILE *out)
{
	fprintf(out, "%6s  %-10s  %-5s  %-3s  %-18s  %s\n",
		"ID", "DATE", "CC", "PUB", "TYPE", "VICTIM");
}

void incident_table_row(FILE *out, const struct incident *inc)
{
	char date[11];
	struct buf cc = BUF_INIT;

	incident_date_string(inc, date);
	for (size_t i = 0; i < inc->countries.n; i++)
		buf_addf(&cc, "%s%s", i ? "," : "", inc->countries.v[i]);
	fprintf(out, "%6lld  %-10s  ", inc->id, *date ? date : "-");
	write_cut(out, cc.len ? cc.buf : "-", 5, 1);
	fprintf(out, "  %-3s  ", inc->public_sector < 0 ? "?" : inc->public_sector ? "yes" : "no");
	write_cut(out, inc->type, 18, 1);
	fputs("  ", out);
	write_cut(out, inc->victim, 40, 0);
	fputc('\n', out);
	buf_release(&cc);
}

/* Writes `text` wrapped at `width` columns, each line indented by `indent`. */
static void write_wrapped(FILE *out, const char *text, const char *indent, size_t width)
{
	const char *p = text;
	size_t len = strlen(text);

	while (*p) {
		const char *line = p, *cut = NULL;
		size_t w = 0;

		while (*p && *p != '\n' && (w < width || !cut)) {
			size_t i = (size_t)(p - text);

			if (*p == ' ')
				cut = p;
			utf8_decode(text, len, &i);
			p = text + i;
			w++;
		}
		if (!*p || *p == '\n' || !cut)
			cut = p;
		fprintf(out, "%s%.*s\n", indent, (int)(cut - line), line);
		p = cut;
		while (*p == ' ')
			p++;
		if (*p == '\n')
			p++;
	}
}

static void field(FILE *out, const struct incident *inc, const char *name,
		  const char *label, const char *value)
{
	fprintf(out, "%-14s %s%s\n", label, value && *value ? value : "unknown",
		incident_derived_from(inc, name) ? " *" : "");
}

static void count_field(FILE *out, const char *label, const struct strlist *l, long count,
			const char *hidden)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < l->n; i++)
		buf_addf(&b, "%s%s", i ? "; " : "", l->v[i]);
	if (!l->n && count == 0)
		buf_adds(&b, "none");
	else if (!l->n && count > 0)
		buf_addf(&b, "%ld %s", count, hidden);
	fprintf(out, "%-14s %s\n", label, b.len ? b.buf : "unknown");
	buf_release(&b);
}

static void hours_text(struct buf *b, double h, int approximate)
{
	if (h < 0)
		return;
	if (h < 1)
		buf_addf(b, "%.0f minutes", h * 60);
	else if (h < 48)
		buf_addf(b, "%.3g hours", h);
	else
		buf_addf(b, "%.3g days", h / 24);
	if (approximate)
		buf_adds(b, " (approximate)");
}

static void write_text(FILE *out, const struct incident *inc)
{
	struct buf b = BUF_INIT;
	char date[11];

	fprintf(out, "Incident %lld  (%s)\n\n", inc->id, inc->key ? inc->key : "no key");
	field(out, inc, "victim", "Victim", inc->victim);

	incident_date_string(inc, date);
	if (*date)
		buf_addf(&b, "%s (known to the %s)", date, date_precision_name(inc->date_precision));
	field(out, inc, "date", "Date", b.buf);

	buf_reset(&b);
	for (size_t i = 0; i < inc->countries.n; i++) {
		const char *name = country_name(inc->countries.v[i]);

		buf_addf(&b, "%s%s%s%s%s", i ? ", " : "", name ? name : "",
			 name ? " (" : "", inc->countries.v[i], name ? ")" : "");
	}
	field(out, inc, "countries", "Country", b.buf);

	buf_reset(&b);
	if (inc->public_sector >= 0)
		buf_addf(&b, "%s%s%s", inc->public_sector ? "yes" : "no",
			 inc->public_kind ? ", " : "", inc->public_kind ? inc->public_kind : "");
	field(out, inc, "public_sector", "Public sector", b.buf);

	buf_reset(&b);
	for (size_t i = 0; i < inc->sectors.n; i++)
		buf_addf(&b, "%s%s", i ? "; " : "", inc->sectors.v[i]);
	field(out, inc, "sector", "Sector", b.buf);
	field(out, inc, "type", "Type", inc->type);

	buf_reset(&b);
	if (inc->affected >= 0)
		buf_addf(&b, "%lld", inc->affected);
	field(out, inc, "affected", "Affected", b.buf);

	buf_reset(&b);
	hours_text(&b, inc->contain_hours, inc->contain_approximate);
	field(out, inc, "time_to_contain", "Contained in", b.buf);
	buf_reset(&b);
	hours_text(&b, inc->recover_hours, 0);
	field(out, inc, "time_to_recover", "Recovered in", b.buf);
	buf_reset(&b);
	hours_text(&b, inc->discovery_hours, 0);
	field(out, inc, "discovery_hours", "Discovered in", b.buf);

	count_field(out, "CIA", &inc->cia, -1, "");
	count_field(out, "Motives", &inc->motives, inc->motive_count, "(members only)");
	count_field(out, "Techniques", &inc->techniques, inc->technique_count, "(members only)");
	count_field(out, "Actors", &inc->actors, inc->actor_count, "(members only)");

	if (inc->summary) {
		fputs("\nSummary\n", out);
		write_wrapped(out, inc->summary, "  ", 76);
	}
	if (inc->description) {
		fputs("\nDescription\n", out);
		write_wrapped(out, inc->description, "  ", 76);
	}

	fputs("\nSources\n", out);
	for (size_t i = 0; i < inc->sources.n; i++)
		fprintf(out, "  %s\n", inc->sources.v[i]);
	if (!inc->sources.n && inc->source_count > 0)
		fprintf(out, "  %ld source%s, available to members only\n", inc->source_count,
			inc->source_count == 1 ? "" : "s");
	else if (!inc->sources.n)
		fputs("  none given\n", out);

	if (inc->derived_nr) {
		fputs("\n* Read from the wording, not from a field:\n", out);
		for (size_t i = 0; i < inc->derived_nr; i++)
			fprintf(out, "  %-15s \"%s\"\n", inc->derived[i].field, inc->derived[i].phrase);
	}

	fprintf(out, "\nImported from %s", inc->file ? inc->file : "?");
	if (inc->line > 0)
		fprintf(out, ", line %ld", inc->line);
	if (inc->record > 0)
		fprintf(out, ", record %ld", inc->record);
	fprintf(out, " (%s) at %s\n", inc->format ? inc->format : "?",
		inc->imported_at ? inc->imported_at : "?");
	buf_release(&b);
}

/*
 * The text is written whole into memory, then escaped on its way out: any
 * control character an imported value holds is shown, never obeyed.
 */
void incident_write_text(FILE *out, const struct incident *inc)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	struct buf e = BUF_INIT;

	if (!mem)
		die("out of memory (open_memstream)");
	write_text(mem, inc);
	if (fclose(mem))
		die("out of memory (open_memstream)");
	utf8_escape(&e, text, len, 1);
	fwrite(e.buf, 1, e.len, out);
	buf_release(&e);
	free(text);
}
