/*
 * Mail addresses and headers: an address list as --to takes it, then a
 * header and a message built from what was read.
 */
#include "fuzz.h"
#include "mail/mail.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	struct mail_addr_list l = MAIL_ADDR_LIST_INIT;
	struct mail_addr a = { NULL, NULL };
	struct buf b = BUF_INIT;

	mail_addr_list_parse(&l, s);
	mail_addr_list_release(&l);	/* it holds what came before a bad item */
	if (mail_addr_parse(&a, s) == 0)
		mail_addr_release(&a);
	mail_header(&b, "Subject", s);
	mail_qp(&b, s);
	mail_check_url(s);
	buf_release(&b);
	free(s);
	return 0;
}
