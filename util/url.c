#include "url.h"

#include <string.h>

#include "util.h"
#include "banned.h"

/* Appends the query `q` ("?a=1&password=x#f") without its password parameters. */
static void add_query(struct buf *out, const char *q)
{
	const char *end = q + strcspn(q, "#"), *p = q + 1;
	int first = 1;

	for (;;) {
		const char *amp = memchr(p, '&', (size_t)(end - p)), *stop = amp ? amp : end;
		size_t n = (size_t)(stop - p);

		if (n && !(n >= 9 && !strncmp(p, "password=", 9))) {
			buf_addch(out, first ? '?' : '&');
			buf_add(out, p, n);
			first = 0;
		}
		if (!amp)
			break;
		p = amp + 1;
	}
	buf_adds(out, end);
}

void url_redact(struct buf *out, const char *url)
{
	const char *scheme_end = strstr(url, "://"), *auth, *at, *colon, *rest;
	size_t auth_len;

	if (!scheme_end || scheme_end == url || strcspn(url, "/?#@") < (size_t)(scheme_end - url)) {
		buf_adds(out, url);
		return;
	}
	auth = scheme_end + 3;
	auth_len = strcspn(auth, "/?#");
	rest = auth + auth_len;
	/* The last '@' ends the user information: a password may hold '@'. */
	at = NULL;
	for (const char *p = auth; p < rest; p++)
		if (*p == '@')
			at = p;
	buf_add(out, url, (size_t)(auth - url));
	if (at) {
		colon = memchr(auth, ':', (size_t)(at - auth));
		buf_add(out, auth, (size_t)((colon ? colon : at) - auth));
		buf_add(out, at, (size_t)(rest - at));
	} else {
		buf_add(out, auth, auth_len);
	}
	buf_add(out, rest, strcspn(rest, "?#"));
	rest += strcspn(rest, "?#");
	if (*rest == '?')
		add_query(out, rest);
	else
		buf_adds(out, rest);
}

const char *url_smtp_problem(const char *url)
{
	const char *host;

	if (starts_with(url, "smtp://"))
		host = url + 7;
	else if (starts_with(url, "smtps://"))
		host = url + 8;
	else
		return "is not an smtp:// or smtps:// URL";
	if (!*host || *host == '/' || *host == ':')
		return "names no host";
	if (memchr(host, '@', strcspn(host, "/")))
		return "holds a user name or password: set them with user and password in [smtp] "
		       "of the configuration file, or $IBRIEF_SMTP_USER and $IBRIEF_SMTP_PASSWORD";
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return "holds white space or a control character";
	return NULL;
}
