#ifndef NOTIFY_H
#define NOTIFY_H

/*
 * How a lower layer says what it is doing without printing: its caller
 * (cli/) hands it a struct notify, and it hands each line to the callback,
 * which decides whether and where to show it. Lower layers never write to
 * stdout or stderr themselves, except through error() and warning().
 *
 * A progress line passes (the next replaces it, and NOTIFY_DONE ends the
 * run of them); a status line stays (what was done: "sent ... to ...").
 */

#include "util.h"

enum notify_kind {
	NOTIFY_PROGRESS,	/* passing; `seconds` since the work began */
	NOTIFY_DONE,		/* the progress lines are over; text "" */
	NOTIFY_STATUS,		/* a line that stays */
};

struct notice {
	enum notify_kind kind;
	const char *text;	/* one line without its line end; the callback does not keep it */
	double seconds;
};

struct notify {
	void (*fn)(void *data, const struct notice *n);	/* NULL: nobody listens */
	void *data;
};

/* Formats a line and hands it to n->fn; does nothing when n or n->fn is NULL. */
void notify(const struct notify *n, enum notify_kind kind, double seconds, const char *fmt, ...)
	ATTR_PRINTF(4, 5);

#endif
