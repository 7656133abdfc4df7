#include "csv.h"

#include <string.h>

#include "banned.h"

int csv_is_formula(const char *s)
{
	return s && *s && strchr("=+-@\t\r", *s);
}

void csv_text(FILE *out, const char *s)
{
	int formula = csv_is_formula(s);

	if (!s)
		return;
	if (!formula && !strpbrk(s, ",\"\r\n") && *s != ' ' && (!*s || s[strlen(s) - 1] != ' ')) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}
