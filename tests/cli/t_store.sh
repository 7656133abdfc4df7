#!/bin/sh
# ibrief store copy: a whole store, to a new or empty one, either backend.
. "$(dirname "$0")/lib.sh"

PAGES=$TOP/data/demo/pages

# A store with all a store holds: incidents of the three formats, marks
# on two of the April 2024 notable incidents (the first ignored, the last
# pinned), the import log and a briefing with its figures.
full_store() {
	printf '%s\n' "$PAGES"/*.txt "$TOP/data/demo/vcdb-slice.jsonl.gz" \
		"$TOP/data/demo/incidents.csv" | xargs "$IBRIEF" --db "$1" import 2>/dev/null &&
	ibrief --db "$1" query notable --month 2024-04 --format json |
		sed -n "s/^ *\"id\": \([0-9]*\),*$/\1/p" >"$1.notable" &&
	test $(wc -l <"$1.notable") -ge 3 &&
	ibrief --db "$1" mark "$(head -1 "$1.notable")" ignore >/dev/null &&
	ibrief --db "$1" mark "$(tail -1 "$1.notable")" notable >/dev/null &&
	SOURCE_DATE_EPOCH=1717200000 ibrief --db "$1" report --month 2024-04 -o briefing.pdf 2>/dev/null
}

# The --limit of query $1 that lists them all, if it takes one.
all_rows() {
	case $1 in notable | techniques | motives | actors) echo "--limit 500" ;; esac
}

# queries STORE: every query's answer over STORE, in several periods.
# (Its variables are the shell's globals: q_ and period_ clash with no test.)
queries() {
	for q_ in $(ibrief query --list | awk '{ print $1 }'); do
		for period_ in "" "--month 2024-04" "--year 2013" "--quarter 2024-Q1"; do
			echo "== $q_ $period_"
			ibrief --db "$1" query $q_ $period_ $(all_rows $q_) --format csv || return 1
		done
		echo "== $q_ --country BE --public-sector"
		ibrief --db "$1" query $q_ --country BE --public-sector --format csv || return 1
	done
}

# answers STORE: what the queries, list, show, briefings and stats say of
# STORE (but its name), for comparing two stores.
answers() {
	queries "$1" &&
	ibrief --db "$1" list --format csv &&
	for id in $(seq 1 20 400); do
		ibrief --db "$1" show "$id" --format json 2>&1 || echo "no incident $id"
	done &&
	ibrief --db "$1" briefings --format json &&
	ibrief --db "$1" stats | grep -v "^store:"
}

test_expect 'store copy makes a new store that answers everything as the original' '
	full_store a.db && answers a.db >expect &&
	grep -q "^== notable" expect && grep -q "\"incidents\": " expect &&
	ibrief store copy a.db b.db 2>err &&
	grep -q "^copied 381 incidents, 2 marks, 7 imports and 1 briefing$" err &&
	answers b.db >actual && test_cmp expect actual
'

test_expect 'a copy goes on as the original: a new import, mark and briefing' '
	full_store a.db && ibrief store copy a.db b.db 2>/dev/null &&
	printf "id,victim,date,country,type,summary\nnew-1,Stad Nieuw,2024-04-20,BE,ransomware,New\n" >new.csv &&
	for s in a.db b.db; do
		ibrief --db $s import new.csv 2>/dev/null && ibrief --db $s mark csv:new-1 notable >/dev/null &&
		SOURCE_DATE_EPOCH=1719800000 ibrief --db $s report --month 2024-04 -o $s.pdf 2>/dev/null ||
		exit 1
	done &&
	queries a.db >expect && queries b.db >actual && test_cmp expect actual &&
	ibrief --db a.db show csv:new-1 | head -1 >id-a && ibrief --db b.db show csv:new-1 | head -1 >id-b &&
	test_cmp id-a id-b &&
	pdftotext b.db.pdf - | tr "\n" " " | grep -q "The last briefing of this kind was issued on 1 June 2024"
'

test_expect 'a copy keeps the ids of the original, gaps and all' '
	ibrief --db a.db import "$TOP/data/demo/incidents.csv" 2>/dev/null &&
	store_sql a.db "DELETE FROM incident WHERE id IN (1, 5)" &&
	ibrief store copy a.db b.db 2>/dev/null &&
	ibrief --db a.db list --format csv >expect && ibrief --db b.db list --format csv >actual &&
	test_cmp expect actual && test $(wc -l <actual) = 20 &&
	ibrief --db a.db show 6 >expect && ibrief --db b.db show 6 >actual && test_cmp expect actual
'

test_expect 'store copy refuses a store that is not empty and leaves both as they were' '
	full_store a.db && ibrief --db b.db import "$TOP/data/demo/incidents.csv" 2>/dev/null &&
	answers a.db >a-before && answers b.db >b-before &&
	test_must_fail 1 ibrief store copy a.db b.db 2>err &&
	grep "^ibrief: store: .* is not empty ([1-9][0-9]* incidents, 1 import, 0 briefings): store copy writes into a new or empty store only$" err &&
	grep -qF "$(store_name b.db)" err &&
	answers a.db >a-after && answers b.db >b-after &&
	test_cmp a-before a-after && test_cmp b-before b-after
'

test_expect 'store copy into an empty store, and of an empty store' '
	ibrief --db e.db import "$TOP/data/demo/incidents.csv" --dry-run 2>/dev/null &&
	ibrief store copy e.db f.db 2>err &&
	grep -q "^copied 0 incidents, 0 marks, 0 imports and 0 briefings$" err &&
	full_store a.db && ibrief store copy a.db f.db 2>/dev/null &&
	answers a.db >expect && answers f.db >actual && test_cmp expect actual
'

sqlite_only 'a missing store is a missing file'
test_expect 'store copy of a missing store fails naming it' '
	test_must_fail 1 ibrief store copy nowhere.db b.db 2>err &&
	grep "nowhere\.db" err
'

test_expect 'store copy says how it is used' '
	ibrief help store >out && grep "^usage: ibrief store copy FROM TO$" out &&
	test_must_fail 2 ibrief store 2>err && grep "^usage: ibrief store copy FROM TO$" err &&
	test_must_fail 2 ibrief store move a.db b.db 2>err && grep ".move. is not a store command" err &&
	test_must_fail 2 ibrief store copy a.db 2>err && grep "give the store to copy and where to" err &&
	test_must_fail 2 ibrief store copy a.db b.db c.db 2>err && grep "unexpected argument .c.db." err &&
	! test -e a.db && ! test -e b.db
'

# Both kinds of store in one test: the program itself ($IBRIEF_TEST_REAL),
# which maps nothing, with SQLite files and the URI of a database of the
# pg mode's cluster.
pg_only 'copies between a SQLite file and a PostgreSQL database'
test_expect 'SQLite to PostgreSQL and back: every answer the same' '
	IBRIEF=$IBRIEF_TEST_REAL && full_store a.db && answers a.db >expect &&
	pg=$(store_uri p.db) &&
	ibrief store copy a.db "$pg" 2>/dev/null && answers "$pg" >via-pg &&
	ibrief store copy "$pg" c.db 2>/dev/null && answers c.db >actual &&
	test_cmp expect via-pg && test_cmp expect actual
'

pg_only 'the configuration names a database of the cluster'
test_expect 'the configuration'"'"'s [store] path takes a PostgreSQL URI, shown without its password' '
	IBRIEF=$IBRIEF_TEST_REAL && pg=$(store_uri conf.db) &&
	printf "[store]\npath = %s\n" "$(echo "$pg" | sed "s|//ibrief@|//ibrief:s3cret@|")" >config &&
	export IBRIEF_CONFIG=$PWD/config &&
	ibrief import "$TOP/data/demo/incidents.csv" 2>err && ! grep s3cret err &&
	ibrief stats >out && grep -F "store:       $pg (" out && ! grep s3cret out &&
	ibrief query by-country --format csv >actual &&
	ibrief --db "$pg" query by-country --format csv >expect && test_cmp expect actual &&
	! test -e incidents.db
'

VCDB=${VCDB:-$TOP/../shared/data/vcdb/vcdb.jsonl.gz}
if [ -f "$VCDB" ]; then
pg_only 'copies between a SQLite file and a PostgreSQL database'
test_expect 'VCDB: SQLite to PostgreSQL and back, every query the same' '
	IBRIEF=$IBRIEF_TEST_REAL && ibrief --db v.db import "$VCDB" 2>/dev/null &&
	p=$(store_uri p.db) &&
	ibrief store copy v.db "$p" 2>/dev/null && ibrief store copy "$p" w.db 2>/dev/null &&
	for s in v p w; do
		t=$s.db && [ $s = p ] && t=$p
		for q in $(ibrief query --list | awk "{ print \$1 }"); do
			for o in "" "--year 2013" "--month 2013-06" "--quarter 2016-Q2" "--country US,GB"; do
				echo "== $q $o" && ibrief --db "$t" query $q $o $(all_rows $q) --format csv || exit 1
			done
		done >answers-$s || exit 1
	done &&
	test_cmp answers-v answers-p && test_cmp answers-v answers-w
'
else
	test_skip 'VCDB: SQLite to PostgreSQL and back' "no VCDB at $VCDB (set VCDB=path)"
fi

test_done
