#!/bin/sh
# Runs every unit-test program and CLI test script given as arguments and
# ends with one line "N passed, N failed" over all of them.
#
# A program or script that exits non-zero without a "not ok" line of its own
# (a crash, a sanitizer report) counts as one more failure.
passed=0
failed=0
skipped=0
log=$(mktemp)
for t in "$@"; do
	echo "# $t"
	case "$t" in
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
done
rm -f "$log"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
