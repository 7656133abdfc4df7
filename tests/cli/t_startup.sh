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

test_expect 'query, list and --version load neither libqpdf nor libcurl' '
	setup &&
	for cmd in "--version" "query by-country --month 2024-04" "list"; do
		! loads libqpdf $cmd && ! loads libcurl $cmd || return 1
	done
'

test_expect 'mail loads libqpdf when it reads a PDF it did not write' '
	python3 "$DATA/mail/mkpdf.py" b.pdf --title "Briefing" --keywords "TLP:GREEN" &&
	loads libqpdf mail --eml out.eml --to a@example.org --from cert@example.org b.pdf &&
	grep -q "^Subject: \[TLP:GREEN\] Briefing.\?$" out.eml
'

test_done
