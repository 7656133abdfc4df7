#!/bin/sh
# Import benchmark: the full VCDB file, then a synthetic file of 1,000,000
# VERIS records made from it on the fly (each copy of a record gets its own
# master_id, so every record is new), streamed through standard input so
# that it is never written to disk. Prints records per second and peak RSS
# for both: memory must stay flat as the input grows.
#
#   VCDB=path/to/vcdb.jsonl.gz N=1000000 sh bench/import.sh
set -eu
VCDB=${VCDB:-../shared/data/vcdb/vcdb.jsonl.gz}
N=${N:-1000000}
IBRIEF=${IBRIEF:-./ibrief}
if [ ! -r "$VCDB" ]; then
	echo "bench: '$VCDB' not found; set VCDB to the VCDB JSON Lines file" >&2
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run LABEL RECORDS CMD...: runs an import, prints rate and peak RSS.
run() {
	label=$1 records=$2
	shift 2
	/usr/bin/time -f '%e %M' -o "$tmp/time" "$@" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
	summary=$(tail -n 1 "$tmp/err")
	set -- $(cat "$tmp/time")
	awk -v l="$label" -v n="$records" -v s="$1" -v kb="$2" -v sum="$summary" 'BEGIN {
		printf "%-28s %9d records %7.2f s %9.0f records/s  peak RSS %6.1f MB\n", l, n, s, n / s, kb / 1024
		printf "    (%s)\n", sum
	}'
}

total=$(gzip -dc "$VCDB" | wc -l)
run "VCDB (file)" "$total" "$IBRIEF" --db "$tmp/vcdb.db" import "$VCDB"
run "VCDB again (all unchanged)" "$total" "$IBRIEF" --db "$tmp/vcdb.db" import "$VCDB"

copies=$(( (N + total - 1) / total ))
gen() {
	i=0
	while [ $i -lt "$copies" ]; do
		gzip -dc "$VCDB" | sed "s/\"master_id\":\"/&bench$i-/"
		i=$((i + 1))
	done | head -n "$N"
}
gen | run "synthetic (stdin)" "$N" "$IBRIEF" --db "$tmp/big.db" import --format veris -
ls -l "$tmp/big.db" | awk '{ printf "store size %.0f MB for %d records\n", $5 / 1e6, '"$N"' }'
