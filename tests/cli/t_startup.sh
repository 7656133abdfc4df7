#!/bin/bash
# What a command loads at start-up: only the libraries it uses. Every
# library linked into ibrief is loaded and relocated by every command
# before main(), so one that a single command needs is opened by that
# command (util/dynlib.h). LD_DEBUG=files lists what the dynamic linker
# loads; it runs the program itself, not under $IBRIEF_WRAP.
. "$(dirname "$0")/lib.sh"

# loads LIB CMD...: CMD's process loads the library named LIB (a soname prefix).
loads() {
	lib=$1
	shift
	LD_DEBUG=files "$IBRIEF" "$@" 2>ld.log >/dev/null
	grep -q "file=$lib" ld.log
}

setup() {
	printf "%s\n" "id,victim,date,country,public_sector,public_kind,type,summary,sources" \
		"c1,Stad Gent,2024-04-03,BE,yes,municipality,ransomware,Encrypted," >in.csv &&
	ibrief import in.csv 2>/dev/null
}

sqlite_only 'a store on PostgreSQL loads libpq, as it must'
test_expect 'query, list and --version on a SQLite store load none of the opened libraries' '
	setup &&
	for cmd in "--version" "query by-country --month 2024-04" "list"; do
		for lib in libqpdf libcurl libpq libxml2; do
			! loads $lib $cmd || { echo "$cmd loads $lib"; return 1; }
		done
	done
'

test_expect 'import loads libxml2 when it reads a page saved as HTML, and only then' '
	setup &&
	! loads libxml2 --db s.db import in.csv &&
	cp "$DATA/page-html/tests/multi-1.html" . &&
	loads libxml2 --db s.db import multi-1.html &&
	ibrief --db s.db list --format csv >out &&
	test $(sed 1d out | wc -l) = 2
'

test_expect 'mail loads libqpdf when it reads a PDF it did not write' '
	python3 "$DATA/mail/mkpdf.py" b.pdf --title "Briefing" --keywords "TLP:GREEN" &&
	loads libqpdf mail --eml out.eml --to a@example.org --from cert@example.org b.pdf &&
	grep -q "^Subject: \[TLP:GREEN\] Briefing.\?$" out.eml
'

test_done
