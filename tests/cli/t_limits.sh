#!/bin/sh
# Templates are input like any other: a few lines of YAML may not ask for
# billions of nodes or a thousand pages. The store is the bundled demo data.
. "$(dirname "$0")/lib.sh"

DB=$TRASH/demo.db
printf '%s\n' "$TOP"/data/demo/pages/*.txt "$TOP/data/demo/vcdb-slice.jsonl.gz" \
	"$TOP/data/demo/incidents.csv" | xargs "$IBRIEF" --db "$DB" import 2>/dev/null

# head TITLE: a template's first lines, up to its one section's blocks.
head_yaml() { printf 'title: %s\nsections:\n  - title: %s\n    blocks:\n' "$1" "$1"; }

test_expect 'a 2 KB template of notable blocks is refused at the block past 100 pages' '
	{ head_yaml Many && for i in $(seq 60); do echo "      - notable: {count: 50}"; done; } >many.yaml &&
	test $(wc -c <many.yaml) -lt 2048 &&
	test_must_fail 1 ibrief --db "$DB" report --year 2024 --template ./many.yaml -o many.pdf 2>err &&
	grep -E "^ibrief: report: \./many\.yaml:[0-9]+:9: the briefing passes 100 pages here \(it would take [0-9]+;" err &&
	test ! -e many.pdf && ! ls .many.pdf.* 2>/dev/null
'

test_expect 'a long text block is refused at its line, and an existing output stays' '
	{ head_yaml Long && printf "      - narrative\n      - text: \"" &&
	  for i in $(seq 7000); do printf "incident incident incident incident incident incident incident incident incident incident "; done &&
	  printf "\"\n"; } >long.yaml &&
	echo kept >long.pdf &&
	test_must_fail 1 ibrief --db "$DB" report --month 2024-04 --template ./long.yaml -o long.pdf 2>err &&
	grep "^ibrief: report: \./long\.yaml:6:9: the briefing passes 100 pages here" err &&
	test "$(cat long.pdf)" = kept
'

test_expect 'a template of aliases is refused at its first alias' '
	{ printf "title: Bomb\ncover: &c [narrative" && for i in $(seq 99); do printf ", narrative"; done &&
	  printf "]\nsections:\n  - &s {title: S, blocks: *c}\n" &&
	  for i in $(seq 999); do echo "  - *s"; done; } >bomb.yaml &&
	test_must_fail 1 ibrief --db "$DB" report --month 2024-04 --template ./bomb.yaml -o bomb.pdf 2>err &&
	grep "^ibrief: report: \./bomb\.yaml:4:27: alias .\*c. is not allowed in a template" err &&
	test ! -e bomb.pdf
'

test_done
