#!/bin/sh
# Import benchmark: the full VCDB file, then a synthetic file of 1,000,000
# VERIS records made from it (each copy of a record gets its own
# master_id, so every record is new). The synthetic file is written out
# first (about 1.9 GB in $TMPDIR, removed at the end), so that making it
# does not take the cores the import uses, and imported RUNS times into a
# new store each time; the median run is the figure. Prints records per
# second by wall time (what the analyst waits) and by CPU time (user +
# system, over the import's two threads), and the peak RSS: memory must
# stay flat as the input grows. The synthetic file then goes through
# bench/pyref.py once, for the ratio to the Python script.
#
#   VCDB=path/to/vcdb.jsonl.gz N=1000000 RUNS=3 sh bench/import.sh
set -eu
VCDB=${VCDB:-../shared/data/vcdb/vcdb.jsonl.gz}
N=${N:-1000000}
RUNS=${RUNS:-3}
IBRIEF=${IBRIEF:-./ibrief}
PYTHON=${PYTHON:-/usr/bin/python3}
if [ ! -r "$VCDB" ]; then
	echo "bench: '$VCDB' not found; set VCDB to the VCDB JSON Lines file" >&2
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run LABEL RECORDS CMD...: runs an import, prints its rate (by wall and
# by CPU seconds, user + system: on a busy machine the wall time moves
# more) and peak RSS, and leaves its times in $tmp/time and its CPU
# seconds in $tmp/cpu.
run() {
	label=$1 records=$2
	shift 2
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
	summary=$(tail -n 1 "$tmp/err")
	set -- $(cat "$tmp/time")
	awk -v u="$2" -v s="$3" 'BEGIN { print u + s }' >"$tmp/cpu"
	awk -v l="$label" -v n="$records" -v w="$1" -v c="$(cat "$tmp/cpu")" -v kb="$4" -v sum="$summary" 'BEGIN {
		printf "%-28s %9d records %7.2f s %8.0f records/s  cpu %7.2f s %8.0f records/s  peak RSS %6.1f MB\n",
			l, n, w, n / w, c, n / c, kb / 1024
		if (sum != "") printf "    (%s)\n", sum
	}'
}

total=$(gzip -dc "$VCDB" | wc -l)
run "VCDB (file)" "$total" "$IBRIEF" --db "$tmp/vcdb.db" import "$VCDB"
run "VCDB again (all unchanged)" "$total" "$IBRIEF" --db "$tmp/vcdb.db" import "$VCDB"

copies=$(( (N + total - 1) / total ))
i=0
while [ $i -lt "$copies" ]; do
	gzip -dc "$VCDB" | sed "s/\"master_id\":\"/&bench$i-/"
	i=$((i + 1))
done | head -n "$N" >"$tmp/big.jsonl"
# The runs' wall and CPU seconds, one run a line, for the median.
: >"$tmp/runs"
r=0
while [ $r -lt "$RUNS" ]; do
	rm -f "$tmp"/big.db*
	r=$((r + 1))
	run "synthetic (run $r of $RUNS)" "$N" "$IBRIEF" --db "$tmp/big.db" import --format veris \
		"$tmp/big.jsonl"
	echo "$(cut -d' ' -f1 "$tmp/time") $(cat "$tmp/cpu")" >>"$tmp/runs"
done
median() {
	sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
wall=$(cut -d' ' -f1 "$tmp/runs" | median)
ibrief_cpu=$(cut -d' ' -f2 "$tmp/runs" | median)
ls -l "$tmp/big.db" | awk '{ printf "store size %.0f MB for %d records\n", $5 / 1e6, '"$N"' }'
rm -f "$tmp"/big.db*
# The same records through the Python yardstick (bench/pyref.py), once:
# the ratio of CPU seconds is how many times faster ibrief is.
run "synthetic, bench/pyref.py" "$N" "$PYTHON" bench/pyref.py import "$tmp/big-py.db" "$tmp/big.jsonl"
awk -v n="$N" -v w="$wall" -v a="$ibrief_cpu" -v b="$(cat "$tmp/cpu")" 'BEGIN {
	printf "import %d synthetic records, median of the runs: ibrief %.0f records/s (%.0f of CPU), python %.0f of CPU: %.1fx (target 50,000 records/s)\n",
		n, n / w, n / a, n / b, b / a
}'
