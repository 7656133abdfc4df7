#include "notify.h"

#include <stdarg.h>

#include "buf.h"
#include "banned.h"

void notify(const struct notify *n, enum notify_kind kind, double seconds, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	struct notice notice;
	va_list ap;

	if (!n || !n->fn)
		return;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	notice = (struct notice){ kind, b.buf, seconds };
	n->fn(n->data, &notice);
	buf_release(&b);
}
