/* The PDF metadata reader, as `ibrief mail FILE.pdf` reads a briefing made elsewhere. */
#include "fuzz.h"
#include "mail/pdfinfo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pdf_info info;

	pdf_info_init(&info);
	pdf_info_read(&info, data, size);
	pdf_info_tlp(info.keywords);
	pdf_info_release(&info);
	return 0;
}
