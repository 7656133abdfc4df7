#ifndef CONFIG_H
#define CONFIG_H

/*
 * The user's configuration file: INI-style, a handful of known keys.
 *
 *     # The store when neither --db nor $IBRIEF_DB names one.
 *     [store]
 *     path = ~/cert/incidents.db
 *
 *     [report]
 *     organisation = Example CERT
 *     tlp = AMBER
 *
 *     [smtp]
 *     url = smtps://mail.example.org:465
 *     user = cert
 *     password = s3cret
 *     from = Example CERT <cert@example.org>
 *     max_size = 10M
 *     tls = auto
 *     ca_file = /etc/ssl/certs/internal-ca.pem
 *
 * Syntax: one setting a line, "key = value"; the value is the rest of the
 * line with white space trimmed (no quoting, no inline comments, so a
 * password may hold '#' or ';'); lines whose first non-blank character is
 * '#' or ';' are comments. Section and key names are ASCII letters, digits,
 * '_' and '-', compared case-insensitively. A key set twice in a section,
 * an unknown section or key, an empty value or a value that cannot be
 * right (tlp, max_size, tls, url; see config.c) is an error naming the
 * file and line. Values are otherwise UTF-8 text, at most 1024 bytes,
 * without control characters. A leading "~/" in store.path and
 * smtp.ca_file stands for $HOME.
 *
 * Where: $IBRIEF_CONFIG when set (for tests and odd setups; a missing file
 * there is an error), else $XDG_CONFIG_HOME/ibrief/config when that variable
 * holds an absolute path (XDG Base Directory), else ~/.config/ibrief/config.
 * No file at the default place is no error: every key is then unset.
 * A file that holds smtp.password and that other users can read or change
 * gets a warning, as ssh warns of open key files.
 *
 * Command-line options override the file; see each command.
 */

#include <stddef.h>

/* The largest accepted file, in bytes. */
#define CONFIG_MAX_FILE (64 * 1024)
#define CONFIG_MAX_VALUE 1024

struct config_entry {
	char *section, *key;	/* lower case */
	char *value;
	int line;
};

/* Invariant: at most one entry per (section, key). */
struct config {
	char *path;		/* the file read; NULL when there was none */
	struct config_entry *v;
	size_t n, alloc;
};
#define CONFIG_INIT { NULL, NULL, 0, 0 }

void config_init(struct config *cfg);

/*
 * Reads `path`, or the default file when `path` is NULL (see above), into
 * an initialised, empty `cfg`. Returns 0, also when there is no default
 * file; on error returns -1 with a message "FILE:LINE: what is wrong" and
 * leaves `cfg` empty (config_release() is still allowed).
 */
int config_load(struct config *cfg, const char *path);

/*
 * Parses `len` bytes of text as if read from a file named `name` (for
 * messages). Same returns as config_load(); no permission check.
 */
int config_parse(struct config *cfg, const char *name, const char *text, size_t len);

/* The value of section.key, or NULL when unset. `cfg` may be NULL. */
const char *config_get(const struct config *cfg, const char *section, const char *key);
/* The whole entry (for "FILE:LINE" in a later message), or NULL. */
const struct config_entry *config_entry(const struct config *cfg, const char *section,
					const char *key);

/*
 * The default file's path as config_load(cfg, NULL) would read it, in a
 * new string the caller frees; NULL when neither $IBRIEF_CONFIG,
 * $XDG_CONFIG_HOME nor $HOME gives one.
 */
char *config_default_path(void);

/*
 * Parses a size: a whole number of bytes with an optional suffix k, M or G
 * (powers of 1024; "KiB", "MB" and "MiB" are read the same way), as in
 * "10M". Returns 0 and sets *out, or -1 without a message.
 */
int config_parse_size(const char *s, size_t *out);

/*
 * The user's configuration, loaded by the first call with
 * config_load(.., NULL) and kept for the process. Returns NULL when the
 * file is bad (the message was printed by that first call; later calls
 * return NULL silently). config_user_release() frees it; the next call
 * loads again.
 */
const struct config *config_user(void);
void config_user_release(void);

/* Frees the contents; `cfg` is empty and reusable after. */
void config_release(struct config *cfg);

#endif
