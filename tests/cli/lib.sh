# Shell test library for ibrief's command-line tests.
#
# A test script sources this file, then calls
#     test_expect 'a sentence saying what must hold' '
#         commands && chained && with &&
#     '
# for each behaviour and test_done at the end. Each test runs in a subshell
# in a fresh directory under $TRASH; it passes when its commands exit 0. A
# behaviour the environment cannot check is `test_skip NAME WHY` instead,
# never a test that passes.
# Prints "ok - NAME" / "not ok - NAME" lines, which tests/run.sh counts.
#
# The same tests run against a PostgreSQL store when IBRIEF_TEST_BACKEND=pg
# (tests/run.sh does so for "pg:SCRIPT"): $IBRIEF is then tests/pg-ibrief,
# which maps each store path a test names to a database of the test
# cluster $IBRIEF_TEST_PG (tests/pg.sh), and test names start "pg: ". A
# test about the SQLite file itself (its permissions, its -wal file, the
# sqlite3 command on it) says so with `sqlite_only WHY` before its
# test_expect, and is skipped in that mode. Without a cluster
# ($IBRIEF_TEST_PG_WHY says why) every test of the mode is skipped. A test
# that reads or copies a store behind ibrief's back uses store_sql and
# store_cp, which do so in either backend.

set -u
TOP=${TEST_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
IBRIEF=${IBRIEF:-$TOP/ibrief}
DATA=$TOP/tests/data
TRASH=$(mktemp -d "${TMPDIR:-/tmp}/ibrief-cli-XXXXXX")
unset IBRIEF_DB IBRIEF_CONFIG IBRIEF_SMTP_URL IBRIEF_SMTP_USER IBRIEF_SMTP_PASSWORD
# No configuration file of the person running the tests takes part.
export XDG_CONFIG_HOME=$TRASH/no-config
export LC_ALL=C.UTF-8
test_count=0
test_failures=0
i=0
sqlite_only_why=
backend=sqlite
if [ "${IBRIEF_TEST_BACKEND:-sqlite}" = pg ]; then
	backend=pg
	# The wrapper runs the program under IBRIEF_WRAP (valgrind), not itself.
	export IBRIEF_TEST_REAL=$IBRIEF IBRIEF_TEST_WRAP=${IBRIEF_WRAP:-}
	export IBRIEF_TEST_PG_DBS=$TRASH/pg-databases
	IBRIEF=$TOP/tests/pg-ibrief
	IBRIEF_WRAP=
	mkdir "$IBRIEF_TEST_PG_DBS"
	[ -n "${IBRIEF_TEST_PG:-}" ] ||
		IBRIEF_TEST_PG_WHY=${IBRIEF_TEST_PG_WHY:-no PostgreSQL test cluster (IBRIEF_TEST_PG)}
fi

. "$TOP/tests/pg.sh"

ibrief() { ${IBRIEF_WRAP:-} "$IBRIEF" "$@"; }

# store_sql STORE SQL: the rows of SQL (written in the SQL both backends
# take) over the store a test calls STORE, one a line, columns split by |.
store_sql() {
	if [ "$backend" = pg ]; then
		pg_db_create "$(pg_db_name "$1")" &&
			"$PG_BIN/psql" -AtqX -v ON_ERROR_STOP=1 \
				-d "$(pg_uri "$IBRIEF_TEST_PG" "$(pg_db_name "$1")")" -c "$2"
	else
		sqlite3 "$1" "$2"
	fi
}

# store_name STORE: how ibrief names the store a test calls STORE.
store_name() {
	if [ "$backend" = pg ]; then
		pg_uri "$IBRIEF_TEST_PG" "$(pg_db_name "$1")"
	else
		echo "$1"
	fi
}

# store_bytes STORE: the bytes the store a test calls STORE takes (the
# file and its -wal; the PostgreSQL database's size).
store_bytes() {
	if [ "$backend" = pg ]; then
		store_sql "$1" "SELECT pg_database_size(current_database())"
	else
		cat "$1" "$1-wal" 2>/dev/null | wc -c
	fi
}

# store_cp FROM TO: TO becomes a copy of store FROM (TO must not exist).
store_cp() {
	if [ "$backend" = pg ]; then
		"$PG_BIN/createdb" -h "$(pg_dir "$IBRIEF_TEST_PG")" -U ibrief \
			-T "$(pg_db_name "$1")" "$(pg_db_name "$2")" &&
			: >"$IBRIEF_TEST_PG_DBS/$(pg_db_name "$2")"
	else
		cp "$1" "$2"
	fi
}

# sqlite_only WHY: the next test is about the SQLite file (WHY says how)
# and does not run against PostgreSQL. pg_only WHY: the next test needs the
# cluster of the pg mode, and runs in that pass only.
sqlite_only() { sqlite_only_why=$1; }
pg_only_why=
pg_only() { pg_only_why=$1; }

# store_uri STORE: the PostgreSQL URI the pg mode gives store path STORE
# (its database made), for a test that names both kinds of store: in that
# mode "$IBRIEF_TEST_REAL" is the program itself, which maps nothing.
store_uri() {
	pg_db_create "$(pg_db_name "$1")" && pg_uri "$IBRIEF_TEST_PG" "$(pg_db_name "$1")"
}

# test_cmp EXPECTED ACTUAL: the files are equal, or show the difference.
test_cmp() { diff -u "$1" "$2"; }

# test_must_fail CODE CMD...: CMD exits with CODE (1 or 2 for ibrief).
test_must_fail() {
	want=$1
	shift
	"$@"
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "# expected exit $want, got $got: $*" >&2
		return 1
	fi
	return 0
}

test_expect() {
	if [ "$backend" = pg ]; then
		why=${IBRIEF_TEST_PG_WHY:-}
		[ -z "$why" ] && [ -n "$sqlite_only_why" ] && why="SQLite only: $sqlite_only_why"
		sqlite_only_why=
		if [ -n "$why" ]; then
			test_skip "$1" "$why"
			return
		fi
		set -- "pg: $1" "$2"
	elif [ -n "$pg_only_why" ]; then
		test_skip "$1" "runs in the PostgreSQL pass only: $pg_only_why"
		pg_only_why=
		return
	fi
	pg_only_why=
	sqlite_only_why=
	i=$((i + 1))
	dir=$TRASH/$i
	mkdir -p "$dir"
	if (cd "$dir" && eval "$2") >"$TRASH/$i.out" 2>&1; then
		echo "ok - $1"
	else
		echo "not ok - $1"
		sed 's/^/#   /' "$TRASH/$i.out"
		test_failures=$((test_failures + 1))
	fi
	test_count=$((test_count + 1))
}

# test_skip NAME WHY: NAME cannot run here (a tool or data file is missing).
# tests/run.sh counts it as skipped, saying WHY, never as a pass.
test_skip() {
	[ "$backend" = pg ] && set -- "pg: $1" "$2"
	echo "ok - $1 # SKIP $2"
	test_count=$((test_count + 1))
}

# Drops the databases the tests of this script made (tests/pg-ibrief).
pg_drop_databases() {
	set --
	for f in "$IBRIEF_TEST_PG_DBS"/*; do
		[ -e "$f" ] && set -- "$@" -c "DROP DATABASE \"${f##*/}\" WITH (FORCE)"
	done
	[ $# -eq 0 ] || "$PG_BIN/psql" -qX -d "$(pg_uri "$IBRIEF_TEST_PG" postgres)" "$@" >/dev/null
}

test_done() {
	if [ "$backend" = pg ] && [ -n "${IBRIEF_TEST_PG:-}" ]; then
		pg_drop_databases || {
			echo "not ok - pg: the test databases are dropped"
			test_failures=$((test_failures + 1))
		}
	fi
	rm -rf "$TRASH"
	[ "$test_failures" -eq 0 ]
}
