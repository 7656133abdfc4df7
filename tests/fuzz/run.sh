#!/bin/sh
# Runs each libFuzzer harness for SECONDS over its seeds (tests/fuzz/seeds/
# NAME/) and a scratch corpus, and fails on the first crash, leak or timeout.
# Prints each harness's inputs per second. Used by `make fuzz`.
#
#   sh tests/fuzz/run.sh SECONDS BUILD/fuzz/fuzz_NAME...
set -u
seconds=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ibrief-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
failed=0
for bin in "$@"; do
	name=$(basename "$bin")
	seeds=$here/seeds/${name#fuzz_}
	mkdir -p "$work/$name"
	# -close_fd_mask=3: the code under test reports on stderr; libFuzzer keeps its own.
	if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	   "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
		-close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$work/$name-" \
		"$work/$name" "$seeds" >"$work/$name.log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log")
		echo "$name: ${runs:-0} inputs in ${seconds} s, $(( ${runs:-0} / seconds )) inputs/s"
	else
		echo "$name: FAILED"
		grep -E "ERROR|SUMMARY|Test unit written|timeout" "$work/$name.log" | head -20
		for a in "$work/$name"-*; do
			[ -f "$a" ] && { mkdir -p build/fuzz-findings; cp "$a" build/fuzz-findings/; \
				echo "   input kept in build/fuzz-findings/$(basename "$a")"; }
		done
		failed=$((failed + 1))
	fi
done
echo "fuzz: $# harnesses, $failed failed"
[ "$failed" -eq 0 ]
