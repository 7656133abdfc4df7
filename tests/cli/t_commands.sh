#!/bin/bash
# ibrief list, show, stats, help and version.
. "$(dirname "$0")/lib.sh"

setup() {
	cat >in.csv <<-'CSV'
	id,victim,date,country,public_sector,public_kind,type,summary,sources
	c1,Stad Gent,2024-04-03,BE,yes,municipality,ransomware,"Encrypted, then ""restored""",https://example.org/a;https://example.org/b
	c2,Hôpital de Liège,2024-04,BE,yes,hospital,denial of service,Portal down,
	c3,Acme NV,2024-03-15,NL,no,,phishing,Mails,
	c4,Ville de Lyon,2023,FR,yes,municipality,,Year only,
	CSV
	ibrief import in.csv 2>/dev/null
}

test_expect 'help lists every command with its summary in one column' '
	ibrief help >help &&
	sed -n "/^Commands:/,/^\$/p" help | sed "1d;\$d" >commands &&
	test $(wc -l <commands) -ge 12 &&
	grep -q "^  briefings  list the briefings" commands &&
	test $(awk "{ match(\$0, /^  [a-z]+ +/); print RLENGTH }" commands | sort -u | wc -l) -eq 1
'

test_expect 'list shows every incident newest first as a table' '
	setup &&
	ibrief list >out &&
	head -n 1 out | grep "ID  DATE" &&
	sed -n 2p out | grep "2024-04-03" &&
	sed -n 3p out | grep "2024-04 " &&
	sed -n 4p out | grep "2024-03-15" &&
	sed -n 5p out | grep "2023 " &&
	test $(wc -l <out) = 5
'

test_expect 'list filters by date range, country and public sector, and limits' '
	setup &&
	ibrief list --from 2024-04 --to 2024-04 --format csv >out &&
	test $(tail -n +2 out | wc -l) = 2 &&
	ibrief list --country Belgium --format csv >out &&
	test $(tail -n +2 out | wc -l) = 2 &&
	ibrief list --public-sector --country FR --format csv >out &&
	grep "Ville de Lyon" out &&
	ibrief list --limit 1 --format csv >out &&
	test $(tail -n +2 out | wc -l) = 1
'

test_expect 'list counts a period as the queries do, with their options' '
	setup &&
	printf "%s\n" "id,victim,date,country,public_sector,public_kind,type,summary,sources" \
		"c5,Gemeente Y,2024,NL,yes,municipality,ransomware,Year only," >more.csv &&
	ibrief import more.csv 2>/dev/null &&
	for p in "--from 2024-04 --to 2024-04" "--month 2024-04" "--quarter 2024-Q2" \
		 "--year 2024" "--year 2023" "--from 2024-03-15" "--month 2024-04 --type ransomware" \
		 "--year 2024 --public-sector --country NL,BE"; do
		ibrief list $p --format json >l.json &&
		ibrief query overview $p --format json --meta >o.json &&
		python3 -c "
import json
l = len(json.load(open(\"l.json\")))
n = json.load(open(\"o.json\"))[\"n\"]
assert l == n, (\"$p\", l, n)
" || exit 1
	done &&
	ibrief list --from 2024-04 --to 2024-04 --format csv >out &&
	! grep "Gemeente Y" out &&
	ibrief list --year 2024 --format csv >out &&
	grep "Gemeente Y" out &&
	test_must_fail 2 ibrief list --month 2024-13 2>err &&
	test_must_fail 2 ibrief list --type nonsense 2>err
'

test_expect 'list CSV has a header and RFC 4180 quoting' '
	setup &&
	ibrief list --format csv >out &&
	head -n 1 out | grep "^id,date,date_precision,victim,countries" &&
	grep "Hôpital de Liège" out &&
	python3 -c "import csv,sys; r=list(csv.DictReader(open(\"out\", newline=\"\"))); assert len(r)==4, r; assert r[0][\"victim\"]==\"Stad Gent\"; assert r[0][\"public_sector\"]==\"yes\""
'

test_expect 'a cell a spreadsheet would run is neutralised in every CSV, numbers stay numbers' '
	cat >in.csv <<-\CSV &&
	id,victim,date,country,public_sector,public_kind,type,summary,sources
	e1,"=HYPERLINK(""http://evil.example/"",""x"")",2024-04-03,BE,yes,municipality,ransomware,x,
	CSV
	ibrief import in.csv 2>/dev/null &&
	echo "\"'"'"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\"" >cell &&
	ibrief list --format csv >out && grep -F -f cell out &&
	ibrief query notable --format csv >q && grep -F -f cell q &&
	grep "^1,1,2024-04-03," q
'

test_expect 'list JSON is an array of objects with id, date, victim, countries, type' '
	setup &&
	ibrief list --format json >out &&
	python3 -c "
import json
a = json.load(open(\"out\"))
assert len(a) == 4
for o in a:
    for k in (\"id\", \"date\", \"victim\", \"countries\", \"type\"):
        assert k in o, k
assert a[0][\"countries\"] == [\"BE\"]
assert a[3][\"date\"] == \"2023\" and a[3][\"type\"] is None
" &&
	ibrief list --from 2030 --format json >out && test "$(cat out)" = "[]"
'

test_expect 'list refuses bad filters with exit 2' '
	setup &&
	test_must_fail 2 ibrief list --from 2024-13 2>err && grep "from: .2024-13. is not a date" err &&
	test_must_fail 2 ibrief list --country Atlantis 2>err && grep "not an ISO 3166-1 country" err &&
	test_must_fail 2 ibrief list --limit 0 2>err &&
	test_must_fail 2 ibrief list --limit 5x 2>err &&
	test_must_fail 2 ibrief list --format xml 2>err &&
	test_must_fail 2 ibrief list --from 2024-05 --to 2024-04 2>err
'

sqlite_only 'a missing store is a missing file, and none is made'
test_expect 'list on a missing store is an error naming it' '
	test_must_fail 1 ibrief --db none.db list 2>err &&
	grep "none.db.: no such store" err && ! test -f none.db
'

# A PostgreSQL target that cannot be reached (port 1 refuses): whatever the
# reason it fails, the message names it without its password.
test_expect 'a PostgreSQL target is named without its password, and is no file' '
	test_must_fail 1 ibrief --db "postgresql://alice:s3cret@127.0.0.1:1/ibrief" stats 2>err &&
	grep "postgresql://alice@127.0.0.1:1/ibrief" err && ! grep s3cret err &&
	IBRIEF_DB="host=127.0.0.1 port=1 password=s3cret dbname=ibrief" test_must_fail 1 ibrief list 2>err &&
	grep "host=127.0.0.1 port=1 dbname=ibrief" err && ! grep s3cret err &&
	! ls -a | grep -e s3cret -e postgres
'

# as_reader CMD...: runs CMD as someone who may read but not write. Root
# ignores file modes, so as root the command runs as nobody.
as_reader() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else
		"$@"
	fi
}

# state FILE: what must not change when a store is only read.
state() { sha256sum "$1" && stat -c "%s %Y" "$1"; }

sqlite_only 'who may write the store is the file'"'"'s mode'
test_expect 'a store one may read but not write is read, and left as it was' '
	mkdir shared && (cd shared && setup) && mkdir out &&
	chmod 755 "$TRASH" . && chmod 777 out && chmod 444 shared/incidents.db && chmod 555 shared &&
	state shared/incidents.db >before &&
	as_reader "$IBRIEF" --db shared/incidents.db list >list.out &&
	grep "Stad Gent" list.out &&
	as_reader "$IBRIEF" --db shared/incidents.db show csv:c1 >/dev/null &&
	as_reader "$IBRIEF" --db shared/incidents.db stats >/dev/null &&
	as_reader "$IBRIEF" --db shared/incidents.db query by-country --format csv >/dev/null &&
	as_reader "$IBRIEF" --db shared/incidents.db report --month 2024-04 -o out/ 2>/dev/null &&
	test -s out/briefing-2024-04.pdf &&
	state shared/incidents.db >after &&
	test_cmp before after &&
	test "$(ls -A shared | grep incidents)" = incidents.db
'

sqlite_only 'checks the file'"'"'s bytes and time, and an empty file'
test_expect 'reading leaves a writable store as it was and makes no store of an empty file' '
	setup && state incidents.db >before &&
	ibrief list >/dev/null && ibrief stats >/dev/null && ibrief query overview >/dev/null &&
	state incidents.db >after && test_cmp before after &&
	: >empty.db &&
	test_must_fail 1 ibrief --db empty.db stats 2>err &&
	grep "^ibrief: stats: .empty.db. is empty: not a store" err &&
	test ! -s empty.db && test "$(ls empty.db*)" = empty.db
'

sqlite_only 'sets the schema version with sqlite3 and PRAGMA user_version'
test_expect 'an older store is refused for reading with what to do, and kept' '
	setup && sqlite3 incidents.db "PRAGMA user_version = 1" && state incidents.db >before &&
	test_must_fail 1 ibrief list 2>err &&
	grep "schema version 1, older than this ibrief.s" err && grep "ibrief import" err &&
	state incidents.db >after && test_cmp before after &&
	sqlite3 incidents.db "PRAGMA user_version = 99" &&
	test_must_fail 1 ibrief stats 2>err &&
	grep "schema version 99, newer than this ibrief understands (.*); use a newer ibrief" err
'

test_expect 'show JSON has every documented key, null where unknown' '
	setup &&
	ibrief show csv:c1 --format json >out &&
	python3 -c "
import json
o = json.load(open(\"out\"))
keys = \"id victim countries date date_precision public_sector public_kind sector type summary description cia motives techniques actors motive_count technique_count actor_count source_count sources affected time_to_contain provenance derived\".split()
missing = [k for k in keys if k not in o]
assert not missing, missing
assert o[\"victim\"] == \"Stad Gent\" and o[\"date\"] == \"2024-04-03\" and o[\"date_precision\"] == \"day\"
assert o[\"public_sector\"] is True and o[\"public_kind\"] == \"municipality\"
assert o[\"sources\"] == [\"https://example.org/a\", \"https://example.org/b\"] and o[\"source_count\"] == 2
assert o[\"affected\"] is None and o[\"time_to_contain\"] is None and o[\"description\"] is None
assert o[\"summary\"] == \"Encrypted, then \\\"restored\\\"\"
assert o[\"provenance\"][\"format\"] == \"csv\" and o[\"provenance\"][\"file\"] == \"in.csv\" and o[\"provenance\"][\"line\"] == 2
assert o[\"derived\"] == {}
"
'

test_expect 'show text prints the fields a reader needs' '
	setup &&
	ibrief show csv:c2 >out &&
	grep "^Victim  *Hôpital de Liège" out &&
	grep "^Date  *2024-04 (known to the month)" out &&
	grep "^Country  *Belgium (BE)" out &&
	grep "^Public sector  *yes, hospital" out &&
	grep "^Imported from in.csv, line 3, record 2 (csv)" out
'

test_expect 'show a missing incident exits 1; bad usage exits 2' '
	setup &&
	test_must_fail 1 ibrief show 999 2>err && grep ".999.: no such incident" err &&
	test_must_fail 2 ibrief show 2>err &&
	test_must_fail 2 ibrief show 1 2 2>err &&
	test_must_fail 2 ibrief show --format xml 1 2>err
'

test_expect 'stats summarises incidents, dates, countries and formats' '
	setup &&
	ibrief stats >out &&
	grep "^incidents:   4$" out &&
	grep "^dates:       2024-03-15 to 2024-04-03 (2 incidents known to the day)$" out &&
	grep "^             1 known only to the month (newest 2024-04), 1 only to the year (newest 2023)$" out &&
	grep "^countries:   3 (0 incidents with no known country)$" out &&
	grep "^formats:     csv 4$" out &&
	grep -F "store:       $(store_name incidents.db) (schema version 10, " out &&
	store_bytes incidents.db | awk "{ printf \"%.1f MB)\n\", \$1 / 1e6 }" >size &&
	test "$(cat size)" != "0.0 MB)" && grep -qF "$(cat size)" out
'

test_expect 'stats gives the newest exact date, and counts what is known only to the year' '
	printf "id,victim,date,country\ny1,A,2020,BE\nd1,B,2019-06-30,BE\n" >in.csv &&
	ibrief import in.csv 2>/dev/null &&
	ibrief stats >out &&
	grep "^dates:       2019-06-30 to 2019-06-30 (1 incident known to the day)$" out &&
	grep "^             1 known only to the year (newest 2020)$" out &&
	! grep "2020-12-31" out
'

test_expect 'init writes a commented starter configuration, and keeps an existing one' '
	export IBRIEF_CONFIG=$PWD/conf/ibrief/config &&
	ibrief init --organisation "CERT Heidebeek" --scope world 2>err &&
	grep "^wrote $IBRIEF_CONFIG$" err &&
	grep "^organisation = CERT Heidebeek$" "$IBRIEF_CONFIG" &&
	grep "^scope = world$" "$IBRIEF_CONFIG" &&
	grep "^#tlp = " "$IBRIEF_CONFIG" && grep "^#url = smtp://" "$IBRIEF_CONFIG" &&
	test "$(stat -c %a "$IBRIEF_CONFIG")" = 600 &&
	setup && ibrief stats >/dev/null &&
	cp "$IBRIEF_CONFIG" before &&
	test_must_fail 1 ibrief init --scope europe 2>err && grep "exists: not replacing it" err &&
	cmp before "$IBRIEF_CONFIG" &&
	test_must_fail 2 ibrief init --force --scope mars 2>err && grep "mars" err &&
	cmp before "$IBRIEF_CONFIG" &&
	ibrief init --force 2>err && grep "^#organisation = " "$IBRIEF_CONFIG"
'

test_expect 'help, --help, --version and an unknown command' '
	ibrief --help >out && grep "^usage: ibrief" out && grep "import" out &&
	ibrief help list >out && grep "^usage: ibrief list" out && grep "Example" out &&
	ibrief list --help >out && grep "^usage: ibrief list" out &&
	ibrief --version >out && echo "ibrief $(cat "$TOP/VERSION")" >expect && test_cmp expect out &&
	test_must_fail 2 ibrief frobnicate 2>err && grep "not an ibrief command" err &&
	test_must_fail 2 ibrief help frobnicate 2>err &&
	test_must_fail 2 ibrief 2>err && grep usage err &&
	test_must_fail 2 ibrief --bogus 2>err
'

test_done
