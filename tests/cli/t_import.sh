#!/bin/bash
# ibrief import: formats, idempotence, transactions, errors, summary.
. "$(dirname "$0")/lib.sh"

# Three small inputs, one per format, written by the tests themselves.
write_inputs() {
	cat >veris.jsonl <<-'JSON'
	{"incident_id":"A1","plus":{"master_id":"m-1"},"timeline":{"incident":{"year":2024,"month":4,"day":3}},"victim":{"victim_id":"Stad Voorbeeld","country":["BE"],"industry":"921110"},"action":{"malware":{"variety":["Ransomware"]}},"summary":"Files encrypted."}
	{"incident_id":"A2","plus":{"master_id":"m-2"},"timeline":{"incident":{"year":2023}},"victim":{"victim_id":"Acme","country":["Unknown"],"industry":"000"},"action":{"unknown":{}}}
	JSON
	cat >pages.txt <<-'PAGE'
	Menu
	Browse

	Cyber Incident Victim: Gemeente Proefdorp

	Date:

	Apr 2024

	Location:

	Netherlands

	Summary

	Gemeente Proefdorp, a Dutch municipality, suffered a ransomware attack that stopped its permit desk.

	CIA Posture Motives Tactics, Techniques & Procedures
	Available to members 1 motive 2 techniques
	Threat Actors Type Location
	1 actor Available to members Available to members

	Description

	On April 9, 2024, staff found encrypted servers. About 12,000 residents could not book appointments.

	Sources
	Sources available to members
	2 sources
	PAGE
	printf 'id,victim,date,country,type,summary\r\n' >incidents.csv
	printf 'demo-1,"Port of Example, Ltd",2024-03,NL,phishing,"Two lines\r\nof summary"\r\n' >>incidents.csv
	printf 'demo-2,CPAS Exemple,2024-04-11,BE,ransomware,Payments keyed in by hand\r\n' >>incidents.csv
}

count() { ibrief list --format csv | tail -n +2 | wc -l; }

test_expect 'import reads all three formats by content and reports a summary' '
	write_inputs &&
	ibrief import veris.jsonl pages.txt incidents.csv 2>err &&
	grep -x "imported 5 new, 0 updated, 0 unchanged, 0 rejected from 3 files in [0-9.]* s" err &&
	test "$(count)" = 5
'

test_expect 'importing the same files again changes nothing and says so' '
	write_inputs &&
	ibrief import veris.jsonl pages.txt incidents.csv 2>/dev/null &&
	ibrief import veris.jsonl pages.txt incidents.csv 2>err &&
	grep "^imported 0 new, 0 updated, 5 unchanged, 0 rejected from 3 files" err &&
	test "$(count)" = 5
'

test_expect 'a changed record is updated in place and keeps its id' '
	write_inputs &&
	ibrief import incidents.csv 2>/dev/null &&
	id=$(ibrief show csv:demo-2 --format json | python3 -c "import json,sys; print(json.load(sys.stdin)[\"id\"])") &&
	sed -i "s/Payments keyed in by hand/Payments keyed in by hand for a week/" incidents.csv &&
	ibrief import incidents.csv 2>err &&
	grep "^imported 0 new, 1 updated, 1 unchanged" err &&
	ibrief show "$id" | grep "for a week"
'

test_expect 'gzip files and standard input are read, and --format forces a parser' '
	write_inputs &&
	gzip -c veris.jsonl >v.gz &&
	ibrief import v.gz 2>err && grep "^imported 2 new" err &&
	ibrief import --format csv - <incidents.csv 2>err && grep "^imported 2 new" err
'

# The parser reads on a thread of its own (store/parse_thread.c): what goes
# wrong there must still be told in order and undo the whole file.
test_expect 'a gzip file corrupt mid-way is told in order and leaves the store as it was' '
	write_inputs &&
	ibrief import veris.jsonl 2>/dev/null &&
	cp "$DATA/veris/sample.jsonl.gz" bad.gz &&
	printf "%040d" 0 | dd of=bad.gz bs=1 seek=40000 conv=notrunc 2>/dev/null &&
	test_must_fail 1 ibrief import --skip-bad bad.gz 2>err &&
	tail -n 4 err >last &&
	cat >expect <<-\EOF &&
	ibrief: import: '\''bad.gz'\'': read error: bad.gz: incorrect data check
	ibrief: import: '\''bad.gz'\'': not imported; the store is as it was before this file
	EOF
	head -n 2 last >actual && test_cmp expect actual &&
	grep "^ibrief: import: bad.gz:86:[0-9]*: record 86: invalid JSON" err &&
	test "$(grep -c "record [0-9]*: " err)" = "$(sed -n "s/.* \([0-9]*\) rejected from.*/\1/p" err)" &&
	test "$(count)" = 2 &&
	test_must_fail 1 ibrief import bad.gz 2>err &&
	test "$(grep -c "record [0-9]*: " err)" = 1 &&
	test "$(count)" = 2
'

test_expect 'a bad record leaves the store exactly as before that file, exit 1' '
	write_inputs &&
	ibrief import incidents.csv 2>/dev/null &&
	printf "demo-3,Town,2024-13-01,BE,,x\r\n" >>incidents.csv &&
	sed -i "s/keyed in by hand/changed/" incidents.csv &&
	test_must_fail 1 ibrief import incidents.csv 2>err &&
	grep "incidents.csv:5: record 3: field .date.: " err &&
	grep "not imported; the store is as it was before this file" err &&
	ibrief show csv:demo-2 | grep "keyed in by hand" &&
	test "$(count)" = 2
'

test_expect '--skip-bad imports the good records and reports every bad one' '
	write_inputs &&
	printf "demo-3,Town,2024-13-01,BE,,x\r\ndemo-4,Town,2024-01-01,Atlantis,,x\r\ndemo-5,Good,2024-02,FR,,ok\r\n" >>incidents.csv &&
	ibrief import --skip-bad incidents.csv 2>err &&
	grep "record 3: field .date." err &&
	grep "record 4: field .country." err &&
	grep "^imported 3 new, 0 updated, 0 unchanged, 2 rejected from 1 file " err &&
	test "$(count)" = 3
'

test_expect 'a bad file does not stop the good files after it' '
	write_inputs &&
	echo "{ not json" >broken.jsonl &&
	test_must_fail 1 ibrief import broken.jsonl incidents.csv 2>err &&
	grep "broken.jsonl" err &&
	grep "^imported 2 new, 0 updated, 0 unchanged, [0-9]* rejected from 2 files" err &&
	grep "1 of 2 files not imported" err
'

test_expect '--dry-run checks everything and writes nothing' '
	write_inputs &&
	ibrief import --dry-run veris.jsonl incidents.csv 2>err &&
	grep "^dry run, nothing changed: would import 4 new" err &&
	test "$(count)" = 0
'

test_expect 'a missing file, an empty file and an unknown format are clear errors' '
	test_must_fail 1 ibrief import nowhere.txt 2>err &&
	grep "ibrief: import: .nowhere.txt.: cannot open: No such file" err &&
	: >empty.txt &&
	test_must_fail 1 ibrief import empty.txt 2>err &&
	grep "empty.txt.: holds no incident record" err &&
	echo "hello" >odd.txt &&
	test_must_fail 1 ibrief import odd.txt 2>err &&
	grep "odd.txt.: cannot tell the format" err
'

test_expect 'wrong usage exits 2 with the usage line' '
	test_must_fail 2 ibrief import 2>err &&
	grep "no file to import" err && grep "^usage: ibrief import" err &&
	test_must_fail 2 ibrief import --format xml a.txt 2>err &&
	grep "format: .xml. is not one of auto, page, veris, csv" err &&
	test_must_fail 2 ibrief import --bogus a.txt 2>err &&
	grep "unknown option .--bogus." err &&
	test_must_fail 2 ibrief import - - 2>err
'

sqlite_only 'looks for the files each store option makes'
test_expect 'IBRIEF_DB and --db choose the store' '
	write_inputs &&
	IBRIEF_DB=env.db ibrief import incidents.csv 2>/dev/null &&
	test -f env.db && ! test -f incidents.db &&
	IBRIEF_DB=env.db ibrief --db opt.db import veris.jsonl 2>/dev/null &&
	test -f opt.db &&
	ibrief import --db opt2.db veris.jsonl 2>/dev/null && test -f opt2.db
'

name='a long import on a terminal shows a progress line, then the summary'
if ! command -v script >/dev/null; then
	test_skip "$name" "no script(1) to give it a terminal (util-linux)"
else
test_expect "$name" '
	# Input that pauses longer than the second after which progress is
	# shown, after its first 2000 records: the line comes with record
	# 2048, however fast the import is (a file imported at full speed may
	# be stored within the second and spend the rest in its commit).
	for i in $(seq 1 12); do
		gzip -dc "$DATA/veris/sample.jsonl.gz" | sed "s/\"master_id\":\"/&copy$i-/"
	done >many.jsonl &&
	echo "{ head -n 2000 many.jsonl; sleep 1.5; tail -n +2001 many.jsonl; } |" \
		"\"\$1\" import --format veris -" >slow.sh &&
	script -q -e -c "sh slow.sh $IBRIEF" typescript >/dev/null &&
	tr "\r" "\n" <typescript >screen &&
	grep "^importing .-.: 2048 records, [0-9]* records/s" screen &&
	grep "imported 3576 new" screen &&
	sh slow.sh "$IBRIEF" 2>err &&
	grep "^imported 0 new, 0 updated, 3600 unchanged" err &&
	! grep "^importing" err
'

fi

test_done
