#ifndef URL_H
#define URL_H

/*
 * URLs as ibrief shows and checks them. A URL may carry a password
 * ("smtp://user:secret@host", "postgresql://u:secret@h/db?password=x"):
 * every message, log line and document that shows a URL shows it through
 * url_redact(), so no password ever reaches a terminal, a log or a file.
 */

#include "buf.h"

/*
 * Appends `url` to `out` without its passwords: the ":secret" of the user
 * information ("scheme://user:secret@host" becomes "scheme://user@host")
 * and every "password=..." query parameter (as libpq's URIs allow). Text
 * that is not "scheme://..." is appended as it is. Never fails.
 */
void url_redact(struct buf *out, const char *url);

/*
 * The one check of an SMTP server's URL, for --smtp, $IBRIEF_SMTP_URL and
 * smtp.url: smtp:// or smtps://, a host, no user or password in it (they
 * have settings of their own, out of shell histories and process lists),
 * no white space or control character. Returns NULL when it is good, else
 * what is wrong, to follow the (redacted) URL in a message: "names no
 * host".
 */
const char *url_smtp_problem(const char *url);

#endif
