/*
 * The PDF metadata reader, as `ibrief mail FILE.pdf` reads a briefing made
 * elsewhere: libqpdf behind mail_read_briefing(), which reads a file.
 */
#include "fuzz.h"
#include "mail/mail.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/ibrief-fuzz-pdf-XXXXXX";
	struct report_summary sum;
	int fd = mkstemp(path);
	FILE *err;

	if (fd < 0)
		return 0;
	if (write(fd, data, size) == (ssize_t)size) {
		/* Its messages are expected; keep them off the fuzzer's output. */
		err = freopen("/dev/null", "w", stderr);
		(void)err;
		if (mail_read_briefing(path, &sum) == 0)
			report_summary_release(&sum);
	}
	close(fd);
	unlink(path);
	return 0;
}
