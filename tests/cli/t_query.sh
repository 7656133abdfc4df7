#!/bin/sh
# ibrief query and ibrief mark: periods, formats, usage errors, marks.
# The numbers themselves are checked in tests/unit/t_query.c; the store here
# is four VERIS records: April 3 2024 (BE, public), April 2024 (NL), 2024
# only (BE) and March 9 2024 (FR).
. "$(dirname "$0")/lib.sh"

store() { ibrief --db t.db import "$DATA/query/cli.jsonl" 2>/dev/null; }

test_expect 'query --list names every query' '
	ibrief query --list >out &&
	for q in overview by-country by-sector by-type by-month public-sector public-kinds \
		 response-time techniques motives actors notable; do
		grep -q "^$q " out || exit 1
	done
'

test_expect 'query writes RFC 4180 CSV with a header' '
	store &&
	printf "%s\r\n" "country,name,incidents,share" "BE,Belgium,1," "NL,Netherlands,1," >expect &&
	ibrief --db t.db query by-country --month 2024-04 --format csv >actual &&
	test_cmp expect actual
'

test_expect 'query writes JSON rows with numbers as numbers and flags' '
	store &&
	cat >expect <<-\EOT &&
	[
	  {
	    "type": "denial of service",
	    "incidents": 1,
	    "share": null,
	    "share_flag": "suppressed"
	  },
	  {
	    "type": "ransomware",
	    "incidents": 1,
	    "share": null,
	    "share_flag": "suppressed"
	  }
	]
	EOT
	ibrief --db t.db query by-type --month 2024-04 --format json >actual &&
	test_cmp expect actual
'

test_expect 'query --meta adds the period, n and what was left out' '
	store &&
	ibrief --db t.db query overview --month 2024-04 --format json --meta >actual &&
	grep -q "\"label\": \"April 2024\"" actual &&
	grep -q "\"n\": 2," actual &&
	grep -q "\"left_out\": 1," actual
'

test_expect 'the table says the period, n and the left-out incidents' '
	store &&
	ibrief --db t.db query overview --month 2024-04 >actual &&
	grep -q "^# period: April 2024 (2024-04-01 to 2024-04-30); previous: 2024-03-01 to 2024-03-03" actual &&
	grep -q "(provisional: no claim)$" actual &&
	grep -q "^# n = 2; left out (date too coarse for the period): 1; undated: 0$" actual
'

test_expect '--month latest is the newest month with a month-precise incident' '
	store &&
	ibrief --db t.db query overview --month latest >actual &&
	grep -q "^# period: April 2024" actual &&
	ibrief --db t.db query overview --month latest --country FR >actual &&
	grep -q "^# period: March 2024" actual
'

test_expect '--month last is the month before IBRIEF_TODAY' '
	store &&
	IBRIEF_TODAY=2024-05-10 ibrief --db t.db query by-type --month last >actual &&
	grep -q "^# period: April 2024" actual
'

test_expect '--month latest with nothing to show fails' '
	store &&
	test_must_fail 1 ibrief --db t.db query overview --month latest --country JP 2>err &&
	grep -q "no incident known to the month matches" err
'

test_expect 'an unknown query name is a usage error listing the queries' '
	store &&
	test_must_fail 2 ibrief --db t.db query by-planet 2>err &&
	grep -q "query: '\''by-planet'\'' is not a query; the queries are: overview, by-country" err
'

test_expect 'bad periods are usage errors' '
	test_must_fail 2 ibrief query overview --quarter 2024-Q5 2>err &&
	grep -q "'\''2024-Q5'\'' is not a quarter" err &&
	test_must_fail 2 ibrief query overview --month 2024-13 2>err &&
	grep -q "'\''2024-13'\'' is not a month" err &&
	test_must_fail 2 ibrief query overview --month 2024-04 --year 2024 2>err &&
	grep -q "month and --year cannot be used together" err &&
	test_must_fail 2 ibrief query overview --year 2024 --from 2024-01 2>err &&
	grep -q "year and --from cannot be used together" err &&
	test_must_fail 2 ibrief query overview --from 2024-05 --to 2024-04 2>err
'

test_expect 'every period option takes the same range of dates' '
	store &&
	ibrief --db t.db query overview --month 2999-12 --format csv >/dev/null &&
	ibrief --db t.db query overview --to 2999-12-31 --format csv >/dev/null &&
	test_must_fail 2 ibrief query overview --month 9999-12 2>err &&
	test_must_fail 2 ibrief query overview --to 9999-12-31 2>err &&
	test_must_fail 2 ibrief query overview --year 1899 2>err &&
	test_must_fail 2 ibrief query overview --from 1899-12 2>err
'

test_expect 'a bad --type lists the vocabulary and a bad --country names itself' '
	test_must_fail 2 ibrief query by-type --type worms 2>err &&
	grep -q "'\''worms'\'' is not an incident type (ransomware, account compromise" err &&
	test_must_fail 2 ibrief query by-type --country BE,Atlantis 2>err &&
	grep -q "'\''Atlantis'\'' is not an ISO 3166-1 country" err
'

test_expect '--limit only goes with the queries that take it, --meta only with json' '
	test_must_fail 2 ibrief query by-country --limit 3 2>err &&
	grep -q "has no limit" err &&
	test_must_fail 2 ibrief query by-country --meta 2>err &&
	test_must_fail 2 ibrief query notable --limit 0 2>err
'

test_expect 'mark pins an incident in notable, clear unpins it' '
	store &&
	ibrief --db t.db mark 2 notable >out &&
	grep -q "incident 2 marked notable" out &&
	ibrief --db t.db query notable --month 2024-04 --format csv >actual &&
	sed -n 2p actual | grep -q "^1,2,2024-04,Shop B,NL,denial of service,1,true,pinned by an analyst; first in Netherlands" &&
	ibrief --db t.db mark 2 clear &&
	ibrief --db t.db query notable --month 2024-04 --format csv >actual &&
	sed -n 2p actual | grep -q "^1,1,2024-04-03,Town of A,BE,ransomware,"
'

test_expect 'by-sector keys, groups and names sectors as documented' '
	{
		echo "id,victim,date,country,sector,public_sector,public_kind,type" &&
		echo "s1,A,2024-04-01,BE,Retail,no,,malware" &&
		echo "s2,B,2024-04-02,BE,retail,no,,malware" &&
		echo "s3,C,2024-04-03,BE,RETAIL,no,,malware" &&
		echo "s4,D,2024-04-04,BE,311811,no,,malware" &&
		echo "s5,E,2024-04-05,BE,33,no,,malware" &&
		echo "s6,F,2024-04-06,BE,99123,no,,malware" &&
		echo "s7,G,2024-04-07,BE,000,no,,malware" &&
		echo "s8,H,2024-04-08,BE,0 0,no,,malware" &&
		echo "s9,I,2024-04-09,BE,4 Shops,no,,malware" &&
		echo "s10,J,2024-04-10,BE,62,yes,municipality,malware" &&
		echo "s11,K,2024-04-11,BE,,yes,,malware" &&
		echo "s12,L,2024-04-12,BE,92,yes,,malware"
	} >sectors.csv &&
	ibrief --db s.db import sectors.csv 2>/dev/null &&
	printf "%s\r\n" "sector,name,public,incidents,share" \
		"public: public body,public: public body,true,2,0.1666666667" \
		"public: municipality,public: municipality,true,1,0.08333333333" \
		"RETAIL,RETAIL,false,3,0.25" "31-33,Manufacturing,false,2,0.1666666667" \
		"4 Shops,4 Shops,false,1,0.08333333333" "99,NAICS 99,false,1,0.08333333333" \
		",,false,2,0.1666666667" >expect &&
	ibrief --db s.db query by-sector --month 2024-04 --format csv >actual &&
	test_cmp expect actual
'

test_expect 'mark ignore keeps an incident out of notable' '
	store &&
	ibrief --db t.db mark 1 ignore &&
	ibrief --db t.db query notable --month 2024-04 --format csv >actual &&
	test $(wc -l <actual) -eq 2 &&
	sed -n 2p actual | grep -q "^1,2,"
'

test_expect 'mark refuses a missing incident and an unknown mark' '
	store &&
	test_must_fail 1 ibrief --db t.db mark 99 notable 2>err &&
	grep -q "no incident '\''99'\''" err &&
	test_must_fail 2 ibrief --db t.db mark 1 important 2>err &&
	test_must_fail 2 ibrief --db t.db mark 1 2>err
'

# The full VERIS Community Database, as the README names it; without it
# the check is skipped, saying so, as the briefing audit is.
VCDB=${VCDB:-$TOP/../shared/data/vcdb/vcdb.jsonl.gz}

if [ -f "$VCDB" ]; then
test_expect 'notable on VCDB: June 2013 lists Facebook, every month each victim and campaign once' '
	ibrief --db v.db import "$VCDB" >/dev/null &&
	ibrief --db v.db query notable --month 2013-06 --limit 8 --format csv >june &&
	grep -q "^[1-8],[0-9]*,2013-06,Facebook Inc,US,error,6.8,false,\"6,000,000 affected\"," june &&
	for m in 2012-01 2012-08 2013-01 2013-06 2014-01 2014-03 2016-05; do
		ibrief --db v.db query notable --month $m --limit 10 --format csv >"n-$m.csv" || exit 1
	done &&
	store_sql v.db "SELECT id, campaign FROM incident WHERE campaign IS NOT NULL" >campaigns &&
	python3 -c "
import csv, glob, re
campaign = dict(line.rstrip(\"\\n\").split(\"|\", 1) for line in open(\"campaigns\"))
for f in glob.glob(\"n-*.csv\"):
    victims, campaigns = set(), set()
    for row in csv.DictReader(open(f, newline=\"\")):
        v = re.sub(\"[^0-9a-z\\x80-\\U0010ffff]\", \"\", row[\"victim\"].lower())
        c = campaign.get(row[\"id\"])
        assert v in (\"\", \"unknown\") or v not in victims, (f, row[\"victim\"])
        assert c is None or c not in campaigns, (f, c)
        victims.add(v)
        campaigns.add(c)
"
'
else
	test_skip "notable on VCDB" "no VCDB at $VCDB (set VCDB=path)"
fi

test_done
