#!/bin/bash
# The bundled demo data imports cleanly, twice, and reads as a user expects.
. "$(dirname "$0")/lib.sh"

demo_files() {
	printf '%s\n' "$TOP"/data/demo/pages/*.txt "$TOP/data/demo/vcdb-slice.jsonl.gz" \
		"$TOP/data/demo/incidents.csv"
}

test_expect 'every demo file imports with no rejected record, and again unchanged' '
	demo_files | xargs "$IBRIEF" import 2>err &&
	grep "^imported [0-9]* new, 0 updated, 0 unchanged, 0 rejected from 7 files" err &&
	new=$(sed -n "s/^imported \([0-9]*\) new.*/\1/p" err) &&
	demo_files | xargs "$IBRIEF" import 2>err &&
	grep "^imported 0 new, 0 updated, $new unchanged, 0 rejected" err
'

test_expect 'the demo store holds the three formats and April 2024 incidents' '
	demo_files | xargs "$IBRIEF" import 2>/dev/null &&
	ibrief stats >out &&
	grep "^formats: .*veris" out && grep "^formats: .*page" out && grep "^formats: .*csv" out &&
	test $(ibrief list --from 2024-04 --to 2024-04 --format csv | tail -n +2 | wc -l) -ge 10
'

test_expect 'a demo page shows what was read from its wording' '
	demo_files | xargs "$IBRIEF" import 2>/dev/null &&
	ibrief list --format json >all &&
	id=$(python3 -c "
import json
for o in json.load(open(\"all\")):
    if o[\"victim\"] == \"OCMW Heidebeek\":
        print(o[\"id\"])
") &&
	ibrief show "$id" --format json >one &&
	python3 -c "
import json
o = json.load(open(\"one\"))
assert o[\"public_kind\"] == \"social welfare\", o[\"public_kind\"]
assert o[\"type\"] == \"ransomware\"
assert o[\"time_to_contain\"][\"hours\"] == 4 and o[\"time_to_contain\"][\"approximate\"]
assert \"public_kind\" in o[\"derived\"] and \"time_to_contain\" in o[\"derived\"]
assert o[\"date_precision\"] == \"day\"
"
'

test_done
