#!/bin/bash
# Hostile and broken input: every importer refuses the same text, numbers
# and empty files, and nothing from the data reaches a terminal raw.
. "$(dirname "$0")/lib.sh"

# page FILE VICTIM-LINE: a one-incident page whose victim line is given raw.
page() {
	{
		printf 'Menu\nBrowse\n'
		printf '%b\n' "$2"
		printf 'Date:\nMar 2025\nLocation:\nBelgium\nSummary\nStad Gent suffered an attack.\n'
	} >"$1"
}

test_expect 'a victim holding ESC is refused by the CSV, VERIS and page importers alike' '
	printf "id,victim,date,country\nx1,Evil\033]0;owned\007Corp,2024-03-01,BE\n" >esc.csv &&
	printf "{\"plus\":{\"master_id\":\"m-1\"},\"timeline\":{\"incident\":{\"year\":2024}},\"victim\":{\"victim_id\":\"Evil\\\\u001b[2JCorp\",\"country\":[\"BE\"]},\"action\":{\"unknown\":{}}}\n" >esc.json &&
	page esc.txt "Cyber Incident Victim: Evil\033[2JCorp" &&
	for f in esc.csv esc.json esc.txt; do
		test_must_fail 1 ibrief --db s.db import $f 2>err &&
		grep "field .victim.: value contains a control character (U+001B)" err || return 1
	done &&
	test_must_fail 1 ibrief --db s.db list 2>/dev/null >out; ! grep -q "Evil" out
'

test_expect 'a page line holding NUL is refused, not cut short' '
	page nul.txt "Cyber Incident Victim: Vander\0steen" &&
	test_must_fail 1 ibrief --db s.db import nul.txt 2>err &&
	grep "nul.txt:3: record 1: the line contains a NUL byte at byte 30" err
'

test_expect 'a page holding invalid UTF-8 is refused with the field named' '
	page bad.txt "Cyber Incident Victim: Li\0351ge" &&
	test_must_fail 1 ibrief --db s.db import bad.txt 2>err &&
	grep "field .victim.: value is not valid UTF-8: byte 0xE9 at byte 3" err
'

test_expect 'an empty or blank file is an error in every format' '
	: >empty.json && printf "\n  \n\n" >blank.txt && printf "id,date\n" >header.csv &&
	for f in "--format veris empty.json" "--format page blank.txt" "header.csv" \
		 "--format csv empty.json"; do
		test_must_fail 1 ibrief --db s.db import $f 2>err &&
		grep "holds no incident record" err || return 1
	done
'

test_expect 'a duration past the documented bound is refused with record and field' '
	printf "{\"plus\":{\"master_id\":\"m-2\"},\"timeline\":{\"incident\":{\"year\":2024},\"containment\":{\"unit\":\"Months\",\"value\":1e308}},\"victim\":{\"victim_id\":\"Acme\",\"country\":[\"BE\"]},\"action\":{\"unknown\":{}}}\n" >inf.json &&
	test_must_fail 1 ibrief --db s.db import inf.json 2>err &&
	grep "inf.json:1: record 1: field .time_to_contain.: value inf hours is too long" err &&
	printf "id,date,affected,time_to_contain_hours\nx2,2024-03-01,1,900000\n" >long.csv &&
	test_must_fail 1 ibrief --db s.db import long.csv 2>err &&
	grep "field .time_to_contain.: value 900000 hours is too long" err &&
	printf "id,date,affected\nx3,2024-03-01,2000000000000\n" >many.csv &&
	test_must_fail 1 ibrief --db s.db import many.csv 2>err &&
	grep "field .affected.: value 2000000000000 is more than 1000000000000" err
'

test_expect 'list and show escape control characters a store holds' '
	printf "id,victim,date,country\nx4,Acme\302\233Corp,2024-03-01,BE\n" >c1.csv &&
	ibrief --db s.db import c1.csv 2>err &&
	ibrief --db s.db list >out && grep -F "Acme\\u009BCorp" out &&
	id=$(ibrief --db s.db list --format csv | sed -n "2s/,.*//p") &&
	ibrief --db s.db show $id >out && grep -F "Acme\\u009BCorp" out &&
	! grep -q "$(printf "\302\233")" out
'

test_expect 'an importer error echoes a line with its control characters escaped' '
	printf "Menu\nBrowse\nDate:\nMar 2025\nLocation:\nBelgium\nSummary\nSome text.\nMenu\n\033[2Jnot a page\n" >two.txt &&
	printf "Date: x\033]0;t\007\n" >echo.txt &&
	test_must_fail 1 ibrief --db s.db import --format page echo.txt 2>err &&
	grep -F "\\x1B]0;t\\x07" err && ! grep -q "$(printf "\033")" err
'

name='each message reaches stderr in one write, not one per character'
if ! command -v strace >/dev/null; then
	test_skip "$name" "no strace(1) to count the writes"
else
test_expect "$name" '
	printf "id,date\nx1,2024-13-01\n" >bad.csv &&
	strace -o trace -e trace=write "$IBRIEF" --db s.db import bad.csv 2>err;
	test $(grep -c "^i" err) -eq 4 &&
	# Under ASan, LeakSanitizer says it cannot run under strace: not ours.
	test $(grep "^write(2, " trace | grep -vc "^write(2, \"==") -eq 4
'
fi

test_done
