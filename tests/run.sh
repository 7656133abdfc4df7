#!/bin/sh
# Runs every unit-test program and CLI test script given as arguments, says
# how many seconds each took, and ends with one line "N passed, N failed"
# over all of them.
#
# A program or script that exits non-zero without a "not ok" line of its own
# (a crash, a sanitizer report) counts as one more failure.
#
# "pg:SCRIPT" runs a CLI test script against PostgreSQL (tests/cli/lib.sh,
# IBRIEF_TEST_BACKEND=pg): the first such argument starts one throwaway
# cluster (tests/pg.sh) for all of them, stopped and removed when this
# script ends, however it ends. Without a server their tests are skipped.
#
# -j (first): runs the "pg:" scripts and the rest as two groups at once,
# each its own tests/run.sh, so that both passes of `make test` share two
# cores; prints each group's output when it ends, then the one line over
# both.
if [ "${1:-}" = -j ]; then
	shift
	plain= pgs=
	for t in "$@"; do
		case "$t" in
		pg:*) pgs="$pgs $t" ;;
		*) plain="$plain $t" ;;
		esac
	done
	if [ -n "$plain" ] && [ -n "$pgs" ]; then
		out=$(mktemp -d)
		# shellcheck disable=SC2086 # the names hold no blanks
		sh "$0" $plain >"$out/1" 2>&1 &
		one=$!
		# shellcheck disable=SC2086
		sh "$0" $pgs >"$out/2" 2>&1 &
		two=$!
		trap 'kill "$one" "$two" 2>/dev/null; rm -rf "$out"; exit 130' INT TERM
		wait "$one"
		sed '$d' "$out/1"
		wait "$two"
		sed '$d' "$out/2"
		tail -q -n 1 "$out/1" "$out/2" | awk '
			{ passed += $1; failed += $3; skipped += $5 }
			NR == 1 && !/^[0-9]+ passed, [0-9]+ failed/ { failed++ }
			NR == 2 && !/^[0-9]+ passed, [0-9]+ failed/ { failed++ }
			END {
				if (skipped > 0) printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
				else printf "%d passed, %d failed\n", passed, failed
				exit failed > 0
			}'
		status=$?
		rm -rf "$out"
		exit "$status"
	fi
	set -- $plain $pgs
fi

. "$(dirname "$0")/pg.sh"
pg_started=
pg_cluster() {
	[ -n "$pg_started" ] && return 0
	pg_started=1
	IBRIEF_TEST_PG=$(pg_start 2>"$log")
	case $? in
	0)
		trap 'pg_stop "$IBRIEF_TEST_PG"' EXIT
		trap 'exit 130' INT
		trap 'exit 143' TERM
		;;
	3) IBRIEF_TEST_PG=; IBRIEF_TEST_PG_WHY=$(sed 's/^pg.sh: //' "$log") ;;
	*)
		IBRIEF_TEST_PG=
		IBRIEF_TEST_PG_WHY="the PostgreSQL test cluster did not start"
		echo "not ok - the PostgreSQL test cluster starts"
		sed 's/^/#   /' "$log"
		failed=$((failed + 1))
		;;
	esac
	export IBRIEF_TEST_PG IBRIEF_TEST_PG_WHY
}

passed=0
failed=0
skipped=0
log=$(mktemp)
for t in "$@"; do
	echo "# $t"
	start=$(date +%s)
	case "$t" in
	pg:*.sh)
		pg_cluster
		IBRIEF_TEST_BACKEND=pg bash "${t#pg:}" >"$log" 2>&1
		;;
	*.sh) bash "$t" >"$log" 2>&1 ;;
	*) ${IBRIEF_WRAP:-} "$t" >"$log" 2>&1 ;;
	esac
	rc=$?
	cat "$log"
	# "ok - NAME # SKIP why": a check the environment cannot run, not a pass.
	k=$(grep -c '^ok - .* # SKIP' "$log")
	p=$(($(grep -c '^ok - ' "$log") - k))
	f=$(grep -c '^not ok - ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $t exited with status $rc"
		f=1
	fi
	passed=$((passed + p))
	skipped=$((skipped + k))
	failed=$((failed + f))
	# How long each took, for keeping the whole run within CI's time.
	echo "# $t: $(($(date +%s) - start)) s"
done
rm -f "$log"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
