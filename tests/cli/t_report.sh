#!/bin/sh
# ibrief report: the PDF briefing, checked with the tools a reader's
# computer has (qpdf, poppler's pdftotext, pdfinfo, pdffonts, pdfdetach).
# The store is the bundled demo data; its newest month is April 2024.
. "$(dirname "$0")/lib.sh"

export SOURCE_DATE_EPOCH=1717200000	# 1 June 2024: a fixed date of issue
DB=$TRASH/demo.db
printf '%s\n' "$TOP"/data/demo/pages/*.txt "$TOP/data/demo/vcdb-slice.jsonl.gz" \
	"$TOP/data/demo/incidents.csv" | xargs "$IBRIEF" --db "$DB" import 2>/dev/null

report() { ibrief --db "$DB" report "$@"; }

# The text of the PDF on one line, as a reader would quote it.
flat_text() { pdftotext "$1" - | tr '\n\f' '  ' | tr -s ' '; }

pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

test_expect 'report --month latest writes the monthly briefing and says where' '
	report --month latest 2>err &&
	test -s briefing-2024-04.pdf &&
	grep -E "^briefing-2024-04.pdf: [0-9]+ pages, [0-9]+ KB, TLP:AMBER$" err &&
	grep "^ibrief: report: hint: no issuer is printed: set organisation in \[report\]" err &&
	test $(wc -l <err) -eq 2
'

test_expect 'the briefing passes qpdf --check and says what it is in its metadata' '
	report --month 2024-04 2>/dev/null &&
	qpdf --check briefing-2024-04.pdf &&
	pdfinfo -isodates briefing-2024-04.pdf >info &&
	grep "^Title: *Cyber incidents in Europe — April 2024$" info &&
	! grep "^Author:" info &&
	grep "^Creator: *ibrief $(cat "$TOP/VERSION")$" info &&
	grep "^Keywords: .*template monthly.yaml.*store digest [0-9a-f]\{16\}" info &&
	grep "^CreationDate: *2024-06-01T00:00:00Z$" info
'

test_expect 'every page carries the TLP label in its header and footer, and its number' '
	report --month 2024-04 2>/dev/null &&
	n=$(pages briefing-2024-04.pdf) && test "$n" -ge 4 &&
	i=1 && while [ $i -le $n ]; do
		pdftotext -f $i -l $i briefing-2024-04.pdf p.txt &&
		test $(grep -o "TLP:AMBER" p.txt | wc -l) -ge 2 &&
		grep -q "^Page $i of $n · April 2024" p.txt || exit 1
		i=$((i + 1))
	done
'

test_expect 'the narrative gives the figures of the overview and public-sector queries' '
	report --month 2024-04 2>/dev/null &&
	ibrief --db "$DB" query overview --month 2024-04 --format json >ov.json &&
	ibrief --db "$DB" query public-sector --month 2024-04 --format json >ps.json &&
	python3 -c "
import json, datetime
o = json.load(open(\"ov.json\"))[0]
p = json.load(open(\"ps.json\"))[0]
assert p[\"group\"] == \"public\"
d = o[\"change\"]
def day(s):
    t = datetime.date.fromisoformat(s)
    return \"%d %s %d\" % (t.day, t.strftime(\"%B\"), t.year)
prev = o[\"previous_period\"]
prev = \"in \" + prev.split()[0] if \" to \" not in prev else \"from %s to %s\" % tuple(map(day, prev.split(\" to \")))
verdict = \"\" if o[\"significant\"] is None else \", a significant change\" if o[\"significant\"] else \", not a significant change\"
print(\"%d incidents in April 2024, %d %s than %s%s; %d%% hit public bodies (n = %d, 95%% CI %d–%d%%\" % (
    o[\"incidents\"], abs(d), \"more\" if d > 0 else \"fewer\", prev, verdict,
    round(p[\"share\"] * 100), p[\"n\"], round(p[\"ci_low\"] * 100), round(p[\"ci_high\"] * 100)))
" >expect &&
	flat_text briefing-2024-04.pdf >text &&
	grep -F "$(cat expect)" text &&
	grep -F "April 2024 is provisional" text &&
	grep -q "\"provisional\": true" ov.json &&
	! grep -i "significant" text
'

test_expect 'the notable incidents are the notable query victims, with sources as links' '
	report --month 2024-04 2>/dev/null &&
	ibrief --db "$DB" query notable --month 2024-04 --limit 8 --format csv >notable.csv &&
	flat_text briefing-2024-04.pdf >text &&
	python3 -c "
import csv, sys
text = open(\"text\").read()
rows = list(csv.DictReader(open(\"notable.csv\", newline=\"\")))
assert len(rows) == 8, len(rows)
for r in rows:
    assert \"%s. %s\" % (r[\"rank\"], r[\"victim\"]) in text, r[\"victim\"]
" &&
	qpdf --qdf --object-streams=disable briefing-2024-04.pdf - | grep -a -c "/URI (https://" >links &&
	test $(cat links) -ge 3 &&
	grep -F "sources (members only)" text
'

test_expect 'every font is embedded, and accents and quotes print right' '
	report --month 2024-04 --lang fr 2>/dev/null &&
	pdffonts briefing-2024-04.pdf >fonts &&
	test $(tail -n +3 fonts | wc -l) -ge 2 &&
	tail -n +3 fonts | awk "{ if (\$(NF-4) != \"yes\") exit 1 }" &&
	grep -q DejaVuSans fonts &&
	flat_text briefing-2024-04.pdf >text &&
	grep -F "Qui a été touché" text &&
	grep -F "pour l’organisation du destinataire" text &&
	grep -F "Belgique" text && grep -F "avril 2024" text
'

test_expect 'the outline has one entry per section, titled as the section' '
	report --month 2024-04 2>/dev/null &&
	qpdf --json briefing-2024-04.pdf >pdf.json &&
	python3 -c "
import json
titles = [o[\"title\"] for o in json.load(open(\"pdf.json\"))[\"outlines\"]]
want = [\"Where\", \"Who was hit\", \"What happened\", \"How fast\", \"Trend\", \"Notable incidents\"]
assert titles == want, titles
"
'

test_expect 'a broken template fails with its line and column and writes nothing' '
	sed "s/query: by-type/query: by-typo/" "$TOP/templates/monthly.yaml" >broken.yaml &&
	line=$(grep -n "query: by-typo" broken.yaml | cut -d: -f1) &&
	test_must_fail 1 report --month 2024-04 --template broken.yaml 2>err &&
	grep "^ibrief: report: broken.yaml:$line:[0-9]*: .by-typo. is not a query" err &&
	test -z "$(ls | grep -v -e broken.yaml -e err)"
'

test_expect 'the TLP label is the one asked for, WHITE printed as CLEAR' '
	report --month 2024-04 --tlp red -o red.pdf 2>err &&
	grep "TLP:RED$" err &&
	n=$(pages red.pdf) &&
	test $(pdftotext red.pdf - | grep -o "TLP:RED" | wc -l) -ge $((2 * n)) &&
	! pdftotext red.pdf - | grep -q AMBER &&
	report --month 2024-04 --tlp WHITE -o clear.pdf 2>/dev/null &&
	test $(pdftotext clear.pdf - | grep -o "TLP:CLEAR" | wc -l) -ge $((2 * n)) &&
	! pdftotext clear.pdf - | grep -q WHITE &&
	pdftotext red.pdf - | grep -q "chosen for this issue"
'

test_expect 'an empty period gives a short PDF that says no incidents were recorded' '
	report --month 2030-01 2>/dev/null &&
	qpdf --check briefing-2030-01.pdf &&
	test $(pages briefing-2030-01.pdf) -eq 2 &&
	flat_text briefing-2030-01.pdf >text &&
	grep -F "No incidents were recorded in January 2030." text &&
	grep -F "Page 2 of 2" text &&
	test $(pdftotext briefing-2030-01.pdf - | grep -o "TLP:AMBER" | wc -l) -ge 4
'

test_expect 'the cover gives the newest incident date beside the import time' '
	report --month 2024-04 2>/dev/null &&
	newest=$(ibrief --db "$DB" list --format csv | sed -n "2,\$p" | cut -d, -f2 | grep -E "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" | sort | tail -n 1) &&
	test -n "$newest" &&
	day=$(date -u -d "$newest" "+%-d %B %Y") &&
	flat_text briefing-2024-04.pdf | grep -F "Newest incident $day"
'

test_expect 'a period after the newest data warns, naming the newest month' '
	report --month 2030-01 2>err &&
	grep "^ibrief: report: warning: January 2030 is after the newest data in the store (2024-04)" err &&
	report --month 2024-04 2>err && ! grep warning err
'

test_expect 'the data of every chart and table is attached as CSV, with the provenance' '
	report --month 2024-04 2>/dev/null &&
	pdfdetach -list briefing-2024-04.pdf >list &&
	for f in by-country.csv by-month-12-months.csv by-sector.csv by-type.csv notable.csv \
		 overview.csv provenance.txt public-kinds.csv public-sector.csv response-time.csv \
		 techniques.csv; do
		grep -q ": TLP-AMBER_$f$" list || exit 1
	done &&
	n=$(grep -n ": TLP-AMBER_by-country.csv$" list | cut -d: -f1) &&
	pdfdetach -save $((n - 1)) -o got.csv briefing-2024-04.pdf &&
	ibrief --db "$DB" query by-country --month 2024-04 --format csv >want.csv &&
	test_cmp want.csv got.csv &&
	n=$(grep -n ": TLP-AMBER_provenance.txt$" list | cut -d: -f1) &&
	pdfdetach -save $((n - 1)) -o prov.txt briefing-2024-04.pdf &&
	grep "^Command: ibrief report --template monthly --month 2024-04 --lang en --tlp AMBER$" prov.txt
'

test_expect 'every attachment of a TLP:RED briefing carries the label in its name' '
	report --month 2024-04 --tlp red -o red.pdf 2>/dev/null &&
	qpdf --list-attachments red.pdf >list &&
	grep -c "^TLP-RED_[a-z0-9-]*\.csv -> " list >n && test $(cat n) -ge 10 &&
	grep -q "^TLP-RED_provenance\.txt -> " list &&
	! grep -v "^TLP-RED_" list | grep " -> " &&
	pdfdetach -saveall red.pdf && ls TLP-RED_by-country.csv TLP-RED_provenance.txt &&
	grep "TLP-RED_by-country.csv: query by-country" TLP-RED_provenance.txt
'

test_expect 'with SOURCE_DATE_EPOCH the same store and arguments give the same bytes' '
	report --month 2024-04 -o a.pdf 2>/dev/null &&
	sleep 1 &&
	report --month 2024-04 -o b.pdf 2>/dev/null &&
	cmp a.pdf b.pdf
'

test_expect 'the monthly briefing stays under 400 KB' '
	report --month 2024-04 2>/dev/null &&
	test $(wc -c <briefing-2024-04.pdf) -lt 409600
'

test_expect 'the country template is named after the country and the newest year' '
	report --template country --country BE 2>err &&
	grep "^briefing-BE-2024.pdf: " err &&
	flat_text briefing-BE-2024.pdf >text &&
	grep -F "Country: Belgium" text
'

test_expect 'a country briefing is titled by its country, in its language' '
	report --template country --country BE --year 2024 --lang fr 2>/dev/null &&
	pdfinfo briefing-BE-2024.pdf | grep "^Title: *Belgique — 2024$" &&
	pdftotext -l 1 briefing-BE-2024.pdf - | sed -n "1,6p" >top &&
	grep -x "Belgique · 2024" top && grep -x "Belgique" top &&
	report --month 2024-04 --country BE,FR --type ransomware -o two.pdf 2>/dev/null &&
	pdfinfo two.pdf | grep "^Title: *Belgium and France, ransomware — April 2024$" &&
	report --month 2024-04 --public-sector --lang de -o public.pdf 2>/dev/null &&
	pdfinfo public.pdf | grep "^Title: *öffentliche Stellen — April 2024$"
'

test_expect 'a country briefing gives the country its share of all incidents, not a count of 1' '
	ibrief --db "$DB" query overview --year 2024 --country BE --format csv | tr -d "\r" >be.csv &&
	ibrief --db "$DB" query overview --year 2024 --format csv | tr -d "\r" >all.csv &&
	n=$(sed -n 2p be.csv | cut -d, -f2) && all=$(sed -n 2p all.csv | cut -d, -f2) &&
	col=$(head -n 1 be.csv | tr , "\n" | grep -n "^all_incidents$" | cut -d: -f1) &&
	test -n "$col" &&
	test "$(sed -n 2p be.csv | cut -d, -f"$col")" = "$all" &&
	test "$n" -lt "$all"
'

test_expect 'nothing unconfigured is printed: no placeholder issuer, a region from the data' '
	report --month 2024-04 2>/dev/null &&
	! flat_text briefing-2024-04.pdf | grep -i "example cert" &&
	! flat_text briefing-2024-04.pdf | grep "Issued by" &&
	! grep -ri "^organisation" "$TOP/templates" &&
	printf "id,victim,date,country\nu1,A,2013-06-02,US\nu2,B,2013-06-03,US\nb1,C,2013-06-04,BE\n" >us.csv &&
	ibrief --db us.db import us.csv 2>/dev/null &&
	ibrief --db us.db report --month 2013-06 -o us.pdf 2>/dev/null &&
	pdfinfo us.pdf | grep "^Title: *Cyber incidents — June 2013$" &&
	pdfdetach -savefile TLP-AMBER_provenance.txt -o us.txt us.pdf &&
	grep "^Map: the world" us.txt &&
	report --month 2024-04 -o eu-data.pdf 2>/dev/null &&
	pdfdetach -savefile TLP-AMBER_provenance.txt -o eu.txt eu-data.pdf &&
	grep "^Map: Europe" eu.txt &&
	printf "[report]\nscope = europe\n" >config &&
	IBRIEF_CONFIG=$PWD/config ibrief --db us.db report --month 2013-06 -o eu.pdf 2>/dev/null &&
	pdfinfo eu.pdf | grep "^Title: *Cyber incidents in Europe — June 2013$" &&
	printf "[report]\nscope = mars\n" >config &&
	test_must_fail 1 env IBRIEF_CONFIG=$PWD/config "$IBRIEF" --db us.db report --month 2013-06 2>err &&
	grep "scope" err
'

test_expect 'report -o DIR writes the briefing under its default name in DIR' '
	mkdir out &&
	report --month 2024-04 -o out 2>err &&
	test -s out/briefing-2024-04.pdf &&
	grep "^out/briefing-2024-04.pdf: " err &&
	test -z "$(ls out | grep tmp)"
'

test_expect 'the configuration names the issuer, and labels templates that name no level' '
	printf "[report]\norganisation = CERT Heidebeek\ntlp = GREEN\n" >config &&
	IBRIEF_CONFIG=$PWD/config report --month 2024-04 -o built-in.pdf 2>err &&
	grep "TLP:AMBER" err &&
	flat_text built-in.pdf >text &&
	grep "Issued by CERT Heidebeek" text &&
	grep "the default level of this template" text &&
	grep -v "^tlp:" "$TOP/templates/monthly.yaml" >mine.yaml &&
	IBRIEF_CONFIG=$PWD/config report --template mine.yaml --month 2024-04 -o mine.pdf 2>err &&
	grep "TLP:GREEN" err &&
	flat_text mine.pdf | grep "TLP:GREEN for the recipient.s community.*the default level of your configuration" &&
	IBRIEF_CONFIG=$PWD/config report --template mine.yaml --tlp RED --month 2024-04 -o red.pdf 2>err &&
	grep "TLP:RED" err
'

test_expect 'a failed write leaves no file behind' '
	test_must_fail 1 report --month 2024-04 -o missing/b.pdf 2>err &&
	grep "missing/b.pdf" err &&
	: >file &&
	test_must_fail 1 report --month 2024-04 -o file/b.pdf 2>err &&
	test "$(ls)" = "err
file"
'

test_expect 'report -o follows a link and refuses a FIFO before any work' '
	mkfifo pipe &&
	test_must_fail 1 timeout 20 "$IBRIEF" --db "$DB" report --month 2024-04 -o pipe 2>err &&
	grep "^ibrief: report: .pipe. is a FIFO, not a file: not replacing it$" err &&
	test -p pipe &&
	mkdir real && ln -s real/b.pdf link.pdf &&
	report --month 2024-04 -o link.pdf 2>err &&
	test -L link.pdf && qpdf --check real/b.pdf >/dev/null
'

test_expect 'report rejects an unknown language, label or template as usage errors' '
	test_must_fail 2 report --lang es 2>err && grep "en, fr, nl, de" err &&
	test_must_fail 2 report --tlp ORANGE 2>err && grep "not a TLP label" err &&
	test_must_fail 2 report --template weekly 2>err &&
	grep "no template .weekly. in .*/templates (the built-in ones are monthly and country" err &&
	IBRIEF_DATA=$TRASH/elsewhere test_must_fail 2 report 2>err &&
	grep "no template .monthly. in $TRASH/elsewhere/templates" err &&
	test -z "$(ls | grep pdf)"
'

test_expect 'a long summary is cut at a sentence end with an ellipsis; the CSV has it whole' '
	store_cp "$DB" long.db &&
	{
		printf "id,victim,date,country,public_sector,affected,summary\n" &&
		printf "long-1,Stad Langwoord,2024-04-09,BE,yes,900000,\"" &&
		i=1 && while [ $i -le 14 ]; do
			printf "Sentence number %d of the summary tells a little more of what happened. " $i
			i=$((i + 1))
		done &&
		printf "The last sentence is only in the attached file.\"\n"
	} >long.csv &&
	ibrief --db long.db import long.csv >/dev/null &&
	ibrief --db long.db report --month 2024-04 -o long.pdf 2>/dev/null &&
	flat_text long.pdf >text &&
	grep -F "Stad Langwoord" text &&
	grep -F "Sentence number 1 of the summary" text &&
	grep -F "tells a little more of what happened. …" text &&
	! grep -F "The last sentence" text &&
	n=$(pdfdetach -list long.pdf | grep -n ": TLP-AMBER_notable.csv$" | cut -d: -f1) &&
	pdfdetach -save $((n - 1)) -o notable.csv long.pdf &&
	grep -F "Sentence number 14 of the summary" notable.csv &&
	grep -F "The last sentence is only in the attached file." notable.csv
'

test_expect 'the weights of a template change the order of the notable incidents' '
	report --month 2024-04 -o default.pdf 2>/dev/null &&
	sed "s/weights: {public-body: 3,/weights: {public-body: 40,/" "$TOP/templates/monthly.yaml" >public.yaml &&
	grep -q "public-body: 40" public.yaml &&
	report --month 2024-04 --template public.yaml -o public.pdf 2>/dev/null &&
	n=$(pdfdetach -list default.pdf | grep -n ": TLP-AMBER_notable.csv$" | cut -d: -f1) &&
	pdfdetach -save $((n - 1)) -o default.csv default.pdf &&
	pdfdetach -save $((n - 1)) -o public.csv public.pdf &&
	python3 -c "
import csv
rows = {f: list(csv.DictReader(open(f, newline=\"\"))) for f in (\"default.csv\", \"public.csv\")}
ids = {f: [r[\"id\"] for r in v] for f, v in rows.items()}
assert ids[\"default.csv\"] != ids[\"public.csv\"], ids
public = [r[\"reasons\"].startswith(\"public body\") for r in rows[\"public.csv\"]]
assert public == sorted(public, reverse=True), public
assert not all(r[\"reasons\"].startswith(\"public body\") for r in rows[\"default.csv\"])
"
'

test_expect 'the techniques table names the taxonomy of its rows, never ATT&CK for VERIS' '
	ibrief --db mixed.db import "$DATA/query/cli.jsonl" >/dev/null &&
	printf "id,victim,date,country,techniques\nt-1,Firm E,2024-04-05,DE,T1486 Data Encrypted for Impact\n" >t.csv &&
	ibrief --db mixed.db import t.csv >/dev/null &&
	ibrief --db mixed.db report --month 2024-04 -o mixed.pdf 2>/dev/null &&
	flat_text mixed.pdf >text &&
	grep -F "Most frequent techniques (MITRE ATT&CK, VERIS)" text &&
	grep -F "Malware: Ransomware VERIS" text &&
	grep -F "T1486 Data Encrypted for Impact MITRE ATT&CK" text &&
	report --year 2019 -o veris.pdf 2>/dev/null &&
	flat_text veris.pdf >text &&
	grep -F "Most frequent techniques (VERIS)" text &&
	! grep -F "ATT&CK" text &&
	report --month 2024-04 -o attack.pdf 2>/dev/null &&
	flat_text attack.pdf | grep -F "Most frequent techniques (MITRE ATT&CK)"
'

# A store whose data ends on 2020-06-03 (in NL), while Belgium's ends in August 2019.
short_store() {
	{
		echo "id,victim,date,country,public_sector,public_kind,type,summary,sources"
		for d in 03 05 08 11 14 16 18 20 22 25 27 28 30; do
			echo "m$d,Gemeente $d,2020-05-$d,NL,yes,municipality,ransomware,May,"
		done
		echo "j1,Gemeente Juni,2020-06-03,NL,yes,municipality,ransomware,June,"
		for m in 03 05 06 08; do
			echo "b$m,Stad $m,2019-$m-10,BE,yes,municipality,phishing,Belgium,"
		done
	} >short.csv &&
	ibrief --db short.db import short.csv 2>/dev/null
}

test_expect 'the end of the data is the store'\''s, not the filter'\''s' '
	short_store &&
	ibrief --db short.db report --template country --country BE --year 2019 -o be.pdf 2>/dev/null &&
	flat_text be.pdf >text &&
	grep -F "4 incidents in 2019" text &&
	! grep -i "provisional" text &&
	ibrief --db short.db query overview --country BE --year 2019 --format json >ov.json &&
	grep -q "\"provisional\": false" ov.json
'

test_expect 'a period the data has not finished is never called a significant change' '
	short_store &&
	ibrief --db short.db report --month latest -o june.pdf 2>/dev/null &&
	flat_text june.pdf >text &&
	grep -F "1 incident in June 2020" text &&
	grep -F "June 2020 is provisional" text &&
	! grep -i "significant" text &&
	ibrief --db short.db query overview --month 2020-06 --format json >ov.json &&
	grep -q "\"provisional\": true" ov.json &&
	grep -q "\"significant\": null" ov.json &&
	grep -q "\"previous_period\": \"2020-05-01 to 2020-05-03\"" ov.json &&
	grep -q "\"previous\": 1," ov.json
'

test_expect 'every cover label fits its column, in the longest language' '
	report --month 2024-04 --lang fr -o cover-fr.pdf 2>/dev/null &&
	pdftotext -layout -l 1 cover-fr.pdf - >cover &&
	grep -q "Incident le plus récent  *[0-9]" cover &&
	grep -q "Date d’émission  *[0-9]" cover
'

test_done
