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

set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
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

ibrief() { ${IBRIEF_WRAP:-} "$IBRIEF" "$@"; }

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
	echo "ok - $1 # SKIP $2"
	test_count=$((test_count + 1))
}

test_done() {
	rm -rf "$TRASH"
	[ "$test_failures" -eq 0 ]
}
