#!/bin/sh
# The same data in a SQLite file and in a PostgreSQL database gives the
# same answers: every catalog query, for several periods and filters, in
# CSV, byte for byte; list and show too (but for the time of the import).
# Two imports at once make one store; a connection lost mid-file rolls
# the file back. The PostgreSQL side runs on the
# test cluster ($IBRIEF_TEST_PG) or, without one, on a cluster of its own
# (tests/pg.sh), removed at the end; without a server the tests are
# skipped. The script compares the two backends itself, so it runs in the
# SQLite pass only.
. "$(dirname "$0")/lib.sh"

DEMO=$TOP/data/demo
SQLITE=$TRASH/same.db

if [ "$backend" = pg ]; then
	test_skip 'both backends give the same answers' 'compares both itself, in the SQLite pass'
	test_done
	exit
fi

own=
why=
if [ -z "${IBRIEF_TEST_PG:-}" ]; then
	IBRIEF_TEST_PG=$(pg_start 2>"$TRASH/pg.err")
	case $? in
	0) own=1; trap 'pg_stop "$IBRIEF_TEST_PG"' EXIT ;;
	*) why="no PostgreSQL test cluster: $(cat "$TRASH/pg.err")"; IBRIEF_TEST_PG= ;;
	esac
fi
PGNAME=t_pg_same_$$
PGDB=$(pg_uri "${IBRIEF_TEST_PG:-postgresql://x@/?host=/nonexistent}" "$PGNAME")

# The CSV of every query over one period and filter, one file per query.
answers() {
	db=$1 out=$2
	shift 2
	mkdir -p "$out" &&
	for q in $(ibrief query --list | cut -d" " -f1); do
		ibrief --db "$db" query "$q" "$@" --format csv >"$out/$q.csv" || return 1
	done
}

# Runs `answers` on both stores and compares.
same_answers() {
	answers "$SQLITE" sqlite "$@" && answers "$PGDB" pg "$@" &&
	diff -r sqlite pg
}

if [ -n "$why" ]; then
	for t in 'the demo data imports into both backends' 'every query gives the same CSV'; do
		test_skip "$t" "$why"
	done
	test_done
	exit
fi

test_expect 'the demo data imports into both backends' '
	"$PG_BIN/createdb" -h "$(pg_dir "$IBRIEF_TEST_PG")" -U ibrief $PGNAME &&
	ibrief --db "$SQLITE" import $DEMO/pages/*.txt $DEMO/incidents.csv \
		$DEMO/vcdb-slice.jsonl.gz 2>&1 | sed "s/ in [0-9.]* s$//" >sqlite.err &&
	ibrief --db "$PGDB" import $DEMO/pages/*.txt $DEMO/incidents.csv \
		$DEMO/vcdb-slice.jsonl.gz 2>&1 | sed "s/ in [0-9.]* s$//" >pg.err &&
	grep "^imported 381 new" pg.err &&
	diff sqlite.err pg.err &&
	ibrief --db "$SQLITE" stats | grep -v "^\(store\|last import\):" >sqlite.stats &&
	ibrief --db "$PGDB" stats | grep -v "^\(store\|last import\):" >pg.stats &&
	diff sqlite.stats pg.stats
'

test_expect 'every query gives the same CSV over all dates' '
	same_answers
'

test_expect 'every query gives the same CSV for a month, a quarter and a range' '
	same_answers --month 2024-04 && rm -r sqlite pg &&
	same_answers --quarter 2024-Q1 && rm -r sqlite pg &&
	same_answers --from 2013 --to 2019-06
'

test_expect 'every query gives the same CSV under every kind of filter' '
	same_answers --country BE,NL --year 2024 && rm -r sqlite pg &&
	same_answers --sector 92 && rm -r sqlite pg &&
	same_answers --sector retail && rm -r sqlite pg &&
	same_answers --public-sector --type "data breach" &&
	ibrief --db "$SQLITE" query notable --type ransomware --limit 3 --format csv >sqlite.csv &&
	ibrief --db "$PGDB" query notable --type ransomware --limit 3 --format csv >pg.csv &&
	test $(grep -c "^[0-9],[0-9]*,20" pg.csv) = 3 &&
	cmp sqlite.csv pg.csv
'

# PostgreSQL gives rows in no order unless asked (a hash aggregate, a
# sequential scan): a query that counts on an order SQLite's index walk
# gives unasked answers wrongly there. Forbid PostgreSQL the index and the
# sort where it has a choice, so every order must be asked for.
test_expect 'every query gives the same CSV when PostgreSQL hashes and scans' '
	PGOPTIONS="-c enable_indexscan=off -c enable_indexonlyscan=off -c enable_bitmapscan=off -c enable_sort=off" &&
	export PGOPTIONS &&
	same_answers && rm -r sqlite pg &&
	same_answers --year 2024 --public-sector && rm -r sqlite pg &&
	same_answers --from 2013 --to 2019-06 --country US
'

test_expect 'list and show give the same text' '
	ibrief --db "$SQLITE" list >sqlite.list && ibrief --db "$PGDB" list >pg.list &&
	diff sqlite.list pg.list &&
	ibrief --db "$SQLITE" list --country BE --format csv >sqlite.list &&
	ibrief --db "$PGDB" list --country BE --format csv >pg.list &&
	diff sqlite.list pg.list &&
	for id in 1 2 7 40; do
		for f in text json; do
			ibrief --db "$SQLITE" show $id --format $f | grep -v imported_at |
				sed "s/ at [0-9T:-]*Z$//" >sqlite.show &&
			ibrief --db "$PGDB" show $id --format $f | grep -v imported_at |
				sed "s/ at [0-9T:-]*Z$//" >pg.show &&
			diff sqlite.show pg.show || exit 1
		done
	done
'

test_expect 'a briefing from a PostgreSQL store is recorded in it' '
	ibrief --db "$PGDB" report --month 2024-04 -o b.pdf 2>err &&
	! grep "not recorded" err &&
	ibrief --db "$PGDB" briefings >list &&
	test $(wc -l <list) = 2 && grep -q "monthly.yaml  *April 2024 .*b.pdf" list
'

test_expect 'a message names the database without its password' '
	secret=$(echo "$PGDB" | sed "s|//ibrief@|//ibrief:s3cret@|") &&
	test_must_fail 1 ibrief --db "$secret" show 99999 2>err &&
	grep "no such incident" err &&
	! grep s3cret err
'

# psql on database $1 of the cluster: one value a line.
pg_sql() {
	"$PG_BIN/psql" -AtqX -v ON_ERROR_STOP=1 -d "$(pg_uri "$IBRIEF_TEST_PG" "$1")" -c "$2"
}

test_expect 'two imports at once of overlapping halves make the store one import makes' '
	zcat $DEMO/vcdb-slice.jsonl.gz >all.jsonl &&
	head -n 200 all.jsonl >a.jsonl && tail -n +120 all.jsonl >b.jsonl &&
	"$PG_BIN/createdb" -h "$(pg_dir "$IBRIEF_TEST_PG")" -U ibrief ${PGNAME}_two &&
	two=$(pg_uri "$IBRIEF_TEST_PG" ${PGNAME}_two) &&
	{ ibrief --db "$two" import a.jsonl 2>a.err & } &&
	ibrief --db "$two" import b.jsonl 2>b.err &&
	wait &&
	all="SELECT count(*), sum(digest), count(DISTINCT key) FROM incident" &&
	test "$(pg_sql ${PGNAME}_two "$all")" = \
		"$(pg_sql $PGNAME "$all WHERE format = '\''veris'\''")" &&
	test "$(pg_sql ${PGNAME}_two "SELECT count(*) FROM incident_country")" = \
		"$(pg_sql $PGNAME "SELECT count(*) FROM incident_country c JOIN incident i
			ON i.id = c.incident_id WHERE i.format = '\''veris'\''")"
'

test_expect 'a connection lost in the middle of a file rolls the file back and fails' '
	"$PG_BIN/createdb" -h "$(pg_dir "$IBRIEF_TEST_PG")" -U ibrief ${PGNAME}_lost &&
	lost=$(pg_uri "$IBRIEF_TEST_PG" ${PGNAME}_lost) &&
	ibrief --db "$lost" import $DEMO/incidents.csv 2>/dev/null &&
	before=$(pg_sql ${PGNAME}_lost "SELECT count(*) FROM incident") &&
	pg_sql ${PGNAME}_lost "CREATE FUNCTION t_wait() RETURNS trigger LANGUAGE plpgsql
		AS \$\$ BEGIN IF (SELECT count(*) FROM incident) > $before + 20 THEN
		PERFORM pg_sleep(60); END IF; RETURN NEW; END \$\$;
		CREATE TRIGGER t_wait BEFORE INSERT ON incident
		FOR EACH ROW EXECUTE FUNCTION t_wait()" || exit 1
	{ ibrief --db "$lost" import $DEMO/vcdb-slice.jsonl.gz 2>err; echo $? >rc; } &
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		test "$(pg_sql ${PGNAME}_lost "SELECT count(*) FROM pg_stat_activity
			WHERE wait_event = '\''PgSleep'\''")" = 1 && break
		sleep 0.5
	done &&
	pg_sql ${PGNAME}_lost "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE application_name = '\''ibrief'\'' AND datname = current_database()" &&
	wait &&
	test "$(cat rc)" = 1 &&
	grep "cannot write an incident: the connection to the server was lost" err &&
	grep "not imported; the store is as it was before this file" err &&
	test "$(pg_sql ${PGNAME}_lost "SELECT count(*) FROM incident")" = "$before"
'

if [ -z "$own" ]; then
	for d in "$PGNAME" "${PGNAME}_two" "${PGNAME}_lost"; do
		"$PG_BIN/dropdb" -h "$(pg_dir "$IBRIEF_TEST_PG")" -U ibrief --force --if-exists "$d"
	done
fi
test_done
