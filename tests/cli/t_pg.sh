#!/bin/sh
# The PostgreSQL test harness itself (tests/pg.sh, tests/pg-ibrief and the
# pg mode of lib.sh): the cluster starts, serves on its socket only and is
# removed however the run ends; the pg mode maps stores to databases and
# skips what it cannot run. Checked once, in the SQLite pass.
. "$(dirname "$0")/lib.sh"

export PG_BIN
missing=$(pg_missing)
skip_all() {
	for name in 'pg.sh run serves CMD on a unix socket only, keeps its status, removes the cluster' \
		'an interrupted run stops and removes its cluster' \
		'the pg mode gives each store path one database, made once and dropped at the end' \
		'without a server the pg mode skips every test and passes none'; do
		test_skip "$name" "$1"
	done
	test_done
	exit
}
[ "$backend" = pg ] && skip_all 'the harness is checked once, in the SQLite pass'
[ -n "$missing" ] && skip_all "$missing"

# The socket folder of the URI a run wrote to file $1.
run_dir() { sed 's/.*?host=//' "$1"; }

test_expect 'pg.sh run serves CMD on a unix socket only, keeps its status, removes the cluster' '
	test_must_fail 7 sh "$TOP/tests/pg.sh" run sh -c "
		echo \"\$IBRIEF_TEST_PG\" >uri &&
		\"\$PG_BIN/psql\" -AtqX -d \"\$(echo \"\$IBRIEF_TEST_PG\" | sed s,/?,/postgres?,)\" \
			-c \"SHOW listen_addresses\" -c \"SELECT current_user\" >out &&
		stat -c %U \"\$(sed s/.*?host=// uri)/data\" >owner && exit 7" &&
	printf "\nibrief\n" >expect && test_cmp expect out &&
	if [ "$(id -u)" = 0 ]; then test "$(cat owner)" = postgres; fi &&
	grep -q "^postgresql://ibrief@/?host=/tmp/ibrief-pg-" uri &&
	test ! -e "$(run_dir uri)"
'

# A terminal interrupts the whole process group; setsid gives the run one
# of its own to signal (TERM: a background job ignores INT).
test_expect 'an interrupted run stops and removes its cluster' '
	{ setsid sh "$TOP/tests/pg.sh" run sh -c "echo \"\$IBRIEF_TEST_PG\" >uri; sleep 60" & } &&
	pid=$! && n=0 &&
	while [ ! -s uri ] && [ $n -lt 600 ]; do sleep 0.1; n=$((n + 1)); done &&
	dir=$(run_dir uri) && test -d "$dir/data" &&
	kill -TERM -- -$pid && { wait $pid; test $? -ne 0; } &&
	test ! -e "$dir"
'

# A test script in the pg mode, over a stand-in for ibrief that prints
# how it was called.
write_script() {
	cat >fake <<-\EOT &&
	#!/bin/sh
	echo "$*|${IBRIEF_DB:-}" >>"$CALLS"
	EOT
	chmod +x fake &&
	cat >t_x.sh <<-EOT
	TEST_TOP="$TOP"
	. "\$TEST_TOP/tests/cli/lib.sh"
	test_expect 'maps' '
		mkdir a && cd a && ibrief --db s.db list && ibrief list &&
		IBRIEF_DB=../a/s.db ibrief stats && cd .. && ibrief --db=a/s.db show 1 &&
		ibrief store copy a/s.db b.db && ibrief help &&
		test "\$(store_sql a/s.db "SELECT 6 * 7")" = 42 &&
		test \$(ls "\$IBRIEF_TEST_PG_DBS" | wc -l) = 3
	'
	sqlite_only 'the file'
	test_expect 'about the file' 'false'
	test_expect 'after it' 'true'
	test_done
	EOT
}

test_expect 'the pg mode gives each store path one database, made once and dropped at the end' '
	write_script && export CALLS=$PWD/calls &&
	sh "$TOP/tests/pg.sh" run sh -c "
		echo \"\$IBRIEF_TEST_PG\" >uri &&
		IBRIEF_TEST_BACKEND=pg IBRIEF=\$PWD/fake bash t_x.sh >out;
		\"\$PG_BIN/psql\" -AtqX -d \"\$(echo \"\$IBRIEF_TEST_PG\" | sed s,/?,/postgres?,)\" \
			-c \"SELECT datname FROM pg_database WHERE datname LIKE '"'"'s\\_%'"'"'\" >left" &&
	cat out &&
	grep -q "^ok - pg: maps$" out &&
	grep -q "^ok - pg: about the file # SKIP SQLite only: the file$" out &&
	grep -q "^ok - pg: after it$" out &&
	test ! -s left &&
	base=$(sed "s,/?.*,/," uri) && host=$(sed "s/.*?/?/" uri) &&
	s=$(sed -n "1s/^--db \(.*\) list|$/\1/p" calls) &&
	case "$s" in "$base"s_*"$host") ;; *) false ;; esac &&
	test "$(sed -n 3p calls)" = "stats|$s" &&
	test "$(sed -n 4p calls)" = "--db=$s show 1|" &&
	i=$(sed -n "2s/^list|//p" calls) && test "$i" != "$s" &&
	case "$i" in "$base"s_*"$host") ;; *) false ;; esac &&
	b=$(sed -n "5s/^store copy \([^ ]*\) \([^ ]*\)|$/\2/p" calls) &&
	test "$(sed -n 5p calls)" = "store copy $s $b|" && test "$b" != "$s" &&
	h=$(sed -n "6s/^help|//p" calls) && test "$h" != "$i" &&
	case "$h" in "$base"s_*"$host") ;; *) false ;; esac
'

test_expect 'without a server the pg mode skips every test and passes none' '
	write_script &&
	PG_BIN=/nonexistent sh "$TOP/tests/run.sh" pg:t_x.sh >out; cat out &&
	grep -q "^ok - pg: maps # SKIP no PostgreSQL server (initdb) installed$" out &&
	test "$(tail -1 out)" = "0 passed, 0 failed, 3 skipped"
'

test_done
