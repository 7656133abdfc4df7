#ifndef EXPORT_H
#define EXPORT_H

/*
 * Writing incidents out: JSON objects, CSV rows and the readable text of
 * `ibrief show`. Nothing here touches the store; the incidents come from
 * store_get() and query_list().
 *
 * Write errors are not reported here: callers check ferror()/fflush() on
 * the stream once at the end.
 */

#include <stdio.h>
#include <jansson.h>

#include "incident.h"

/*
 * Returns a new JSON object (the caller owns the reference) with the keys
 * documented for `ibrief show --format json`: id, key, victim, countries,
 * date, date_precision, public_sector, public_kind, sector, sectors, type,
 * summary, description, cia, motives, techniques, technique_taxonomy
 * ("attack" or "veris", null without techniques), campaign, actors, motive_count,
 * technique_count, actor_count, source_count, sources, affected,
 * time_to_contain {hours, approximate}, time_to_recover {hours},
 * discovery_hours, provenance {format, file, line, record, imported_at},
 * derived {field: phrase}. Unknown values are null.
 */
json_t *incident_json(const struct incident *inc);

/* The CSV columns of `ibrief list --format csv`, written by util/csv.h. */
void incident_csv_header(FILE *out);
void incident_csv_row(FILE *out, const struct incident *inc);

/* One aligned line per incident for a terminal, after a header line. */
void incident_table_header(FILE *out);
void incident_table_row(FILE *out, const struct incident *inc);

/* The readable form of one incident, as `ibrief show` prints it. */
void incident_write_text(FILE *out, const struct incident *inc);

/*
 * Writes at most `width` columns of UTF-8 `s`, cutting with "…" when longer,
 * padded with spaces to `width` when `pad` is set.
 */
void write_cut(FILE *out, const char *s, size_t width, int pad);

#endif
