#!/bin/sh
# Paired timing: ibrief against the Python yardstick (bench/pyref.py) on
# the same work, run in turn (A B A B ...) so that a machine whose speed
# drifts moves both alike. Prints, for each, the median wall and CPU
# seconds and peak RSS, and the median of the per-pair ratios B/A: how many
# times faster ibrief is.
#
#   sh bench/compare.sh LABEL RUNS 'IBRIEF COMMAND' 'PYTHON COMMAND' [TARGET]
#
# TARGET, the "at least" (as "2x"), is printed after the ratios.
# Each command is run by sh -c, its output thrown away; a failure stops.
# RUNTIME is bench/runtime.c's program (the Makefile's build of it):
# times to the microsecond, where time(1) prints hundredths.
set -eu
label=$1 runs=$2 a=$3 b=$4 target=${5:-}
RUNTIME=${RUNTIME:-build/default/bench/runtime}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one CMD OUT: appends "wall cpu peak_kb" of one run of CMD to OUT.
one() {
	"$RUNTIME" "$1" >>"$2" 2>"$tmp/err" ||
		{ cat "$tmp/err" >&2; echo "bench: '$1' failed" >&2; exit 1; }
}

i=0
while [ "$i" -lt "$runs" ]; do
	one "$a" "$tmp/a"
	one "$b" "$tmp/b"
	i=$((i + 1))
done
paste -d ' ' "$tmp/a" "$tmp/b" | awk -v l="$label" -v t="$target" '
function median(v, n,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
	return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
{
	n++
	aw[n] = $1; ac[n] = $2; am[n] = $3; bw[n] = $4; bc[n] = $5; bm[n] = $6
	rw[n] = $1 > 0 ? $4 / $1 : 0; rc[n] = $2 > 0 ? $5 / $2 : 0
}
END {
	printf "%-34s ibrief %7.4f s (cpu %7.4f s, %5.1f MB)  python %7.4f s (cpu %7.4f s, %5.1f MB)  %5.1fx (cpu %5.1fx)\n",
		l, median(aw, n), median(ac, n), median(am, n) / 1024, median(bw, n), median(bc, n),
		median(bm, n) / 1024, median(rw, n), median(rc, n)
	if (t != "") printf "%-34s target: at least %s\n", "", t
}'
