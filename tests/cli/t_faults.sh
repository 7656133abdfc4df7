#!/bin/sh
# Faults from outside: a process killed in the middle of an import, and a
# disk that fills (simulated with a small RLIMIT_FSIZE, SIGXFSZ ignored, so
# write() fails with EFBIG as it would with ENOSPC). Whatever happens, a
# store stays sound and holds a file's incidents all or not at all, and an
# output file is either the new one or the old one, whole.
. "$(dirname "$0")/lib.sh"

# incidents FILE ROWS FIRST: a CSV of ROWS incidents with ids from FIRST.
incidents() {
	awk -v n="$2" -v first="$3" 'BEGIN {
		print "id,victim,date,country,type,summary"
		for (i = first; i < first + n; i++)
			printf "f%d,Victim %d,2023-%02d-%02d,BE,ransomware,Summary of incident %d long enough to fill a page\n",
				i, i, i % 12 + 1, i % 28 + 1, i
	}' >"$1"
}

count() { sqlite3 "$1" "SELECT count(*) FROM incident"; }
sound() { test "$(sqlite3 "$1" "PRAGMA integrity_check")" = ok; }
now_ms() { date +%s%3N; }

sqlite_only 'checks the file with PRAGMA integrity_check after kill -9'
test_expect 'kill -9 at random moments of a large import leaves the store sound, all or nothing' '
	incidents base.csv 1000 0 && incidents big.csv 20000 1000 &&
	ibrief --db base.db import base.csv 2>/dev/null && test "$(count base.db)" = 1000 &&
	cp base.db whole.db && t0=$(now_ms) &&
	ibrief --db whole.db import big.csv 2>/dev/null && ms=$(($(now_ms) - t0)) &&
	test "$(count whole.db)" = 21000 &&
	for k in 1 2 3 4 5; do
		rm -f s.db s.db-wal s.db-shm && cp base.db s.db &&
		at=$(awk -v ms="$ms" -v k="$k" "BEGIN { srand(); printf \"%.3f\", rand() * ms / 1000 }") &&
		{ "$IBRIEF" --db s.db import big.csv 2>/dev/null & pid=$!; } &&
		sleep "$at" && kill -9 $pid 2>/dev/null; wait $pid
		echo "killed after $at s of $ms ms: $(count s.db) incidents" &&
		sound s.db && case $(count s.db) in 1000|21000) ;; *) exit 1 ;; esac || exit 1
	done &&
	ibrief --db s.db import big.csv 2>/dev/null && test "$(count s.db)" = 21000 && sound s.db
'

sqlite_only 'checks the file with PRAGMA integrity_check and journal_mode after kill -9'
test_expect 'kill -9 in the first import of a new store leaves it sound, all or nothing' '
	incidents big.csv 20000 1000 && t0=$(now_ms) &&
	ibrief --db whole.db import big.csv 2>/dev/null && ms=$(($(now_ms) - t0)) &&
	test "$(sqlite3 whole.db "PRAGMA journal_mode")" = wal &&
	for k in 1 2 3; do
		rm -f s.db s.db-wal s.db-shm s.db-journal &&
		at=$(awk -v ms="$ms" -v k="$k" "BEGIN { srand(); printf \"%.3f\", rand() * ms / 1000 }") &&
		{ "$IBRIEF" --db s.db import big.csv 2>/dev/null & pid=$!; } &&
		sleep "$at" && kill -9 $pid 2>/dev/null; wait $pid
		n=$(sqlite3 s.db "SELECT count(*) FROM incident" 2>/dev/null || echo none)
		echo "killed after $at s of $ms ms: $n incidents" &&
		sound s.db && case $n in none|0|20000) ;; *) exit 1 ;; esac || exit 1
	done &&
	ibrief --db s.db import big.csv 2>/dev/null && test "$(count s.db)" = 20000 && sound s.db &&
	test "$(sqlite3 s.db "PRAGMA journal_mode")" = wal
'

sqlite_only 'ulimit -f limits the file the store is written to'
test_expect 'a full disk fails an import clearly and leaves the store as it was' '
	incidents base.csv 1000 0 && incidents big.csv 20000 1000 &&
	ibrief --db s.db import base.csv 2>/dev/null && cp s.db before.db &&
	(trap "" XFSZ && ulimit -f 1000 &&
	 test_must_fail 1 ibrief --db s.db import big.csv 2>err) &&
	grep "^ibrief: import: .s.db.: disk I/O error: cannot write the store.s files (is the disk full?)$" err &&
	grep "^ibrief: import: .big.csv.: not imported; the store is as it was before this file$" err &&
	sound s.db && test "$(count s.db)" = 1000 &&
	ibrief --db s.db import big.csv 2>/dev/null && test "$(count s.db)" = 21000
'

test_expect 'a full disk fails a report and keeps the PDF that was there, with no temporary file' '
	printf "%s\n" "$TOP"/data/demo/pages/*.txt "$TOP/data/demo/incidents.csv" |
		xargs "$IBRIEF" --db demo.db import 2>/dev/null &&
	echo "the old briefing" >april.pdf && cp april.pdf expect &&
	(trap "" XFSZ && ulimit -f 100 &&
	 test_must_fail 1 ibrief --db demo.db report --month 2024-04 -o april.pdf 2>err) &&
	grep "^ibrief: report: .april\.pdf.: cannot write: File too large; it is left as it was$" err &&
	test_cmp expect april.pdf &&
	test -z "$(ls -A | grep "^\.april\.pdf\.")" &&
	ibrief --db demo.db report --month 2024-04 -o april.pdf 2>/dev/null &&
	pdfinfo april.pdf >/dev/null
'

test_done
