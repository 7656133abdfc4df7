#ifndef MARK_H
#define MARK_H

/*
 * An analyst's marks on incidents, kept in the store (table incident_mark,
 * schema version 2): "notable" pins an incident at the top of the notable
 * query of any period it is in; "ignore" keeps it out of notable. At most
 * one mark per incident; a new mark replaces the old one. Marks go with
 * the incident: deleting it deletes them (ON DELETE CASCADE).
 *
 * `ref` is an incident's row id or its key, as for store_get().
 */

#include "store.h"

/*
 * Sets the mark of incident `ref` to `mark` ("notable" or "ignore"), or
 * clears it when `mark` is NULL. Returns 1 when done, 0 when there is no
 * such incident (nothing changed, no message), -1 with a message when
 * `mark` is not one of the words or on a database error. Sets *id, when
 * not NULL, to the incident's row id.
 */
int store_mark(struct store *st, const char *ref, const char *mark, long long *id);

/*
 * Reads the mark of incident `ref` into *mark: a static string ("notable",
 * "ignore") or NULL when unmarked. Returns 1 when the incident exists, 0
 * when it does not, -1 on a database error.
 */
int store_mark_get(struct store *st, const char *ref, const char **mark);

#endif
