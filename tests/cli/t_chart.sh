#!/bin/sh
# ibrief chart: every query with a chart, in PNG, SVG and PDF; the kinds each
# query takes and refuses; sizes; usage errors; determinism. What the charts
# hold is checked in tests/unit/t_fromquery.c; the store here is
# tests/data/chart/incidents.csv: eight incidents in April 2024 (BE, NL, FR,
# US, one without a country), two in March, one known only to 2024.
. "$(dirname "$0")/lib.sh"

export IBRIEF_DATA="$TOP/data"
store() { ibrief --db t.db import "$DATA/chart/incidents.csv" 2>/dev/null; }

# png_size FILE: "WIDTHxHEIGHT" from the IHDR chunk; fails when not a PNG.
png_size() {
	python3 - "$1" <<-\EOT
	import struct, sys
	b = open(sys.argv[1], "rb").read(24)
	if b[:8] != b"\x89PNG\r\n\x1a\n" or b[12:16] != b"IHDR":
	    sys.exit("not a PNG: " + sys.argv[1])
	print("%dx%d" % struct.unpack(">II", b[16:24]))
	EOT
}

# is_format FILE EXT: the file starts as a PNG, SVG or PDF does.
is_format() {
	case $2 in
	png) png_size "$1" >/dev/null ;;
	svg) head -c 200 "$1" | grep -q "<svg" ;;
	pdf) [ "$(head -c 5 "$1")" = "%PDF-" ] ;;
	esac
}

QUERIES="overview by-country by-sector by-type by-month public-sector public-kinds
	 response-time techniques motives actors"

test_expect 'chart draws every query that has a chart as PNG, SVG and PDF' '
	store &&
	for q in $QUERIES; do
		for ext in png svg pdf; do
			ibrief --db t.db chart $q --month 2024-04 -o $q.$ext 2>err &&
			test -s $q.$ext && is_format $q.$ext $ext || { cat err; exit 1; }
		done
	done
'

test_expect 'chart says nothing on stdout and one line on stderr: file, kind, size' '
	store &&
	ibrief --db t.db chart by-type --month 2024-04 -o t.png >out 2>err &&
	test ! -s out &&
	echo "wrote t.png: bar, 480x270 pt, 960x540 px at 144 dpi" >expect &&
	test_cmp expect err &&
	ibrief --db t.db chart by-month --year 2024 --kind line -o t.svg >out 2>err &&
	test ! -s out &&
	echo "wrote t.svg: line, 480x270 pt" >expect &&
	test_cmp expect err
'

test_expect 'a PNG is width and height in points at the dpi, rounded up to pixels' '
	store &&
	ibrief --db t.db chart by-type --month 2024-04 -o a.png 2>/dev/null &&
	test "$(png_size a.png)" = 960x540 &&
	ibrief --db t.db chart by-type --month 2024-04 --width 333 --height 200 --dpi 100 \
		-o b.png 2>err &&
	test "$(png_size b.png)" = 463x278 &&
	grep -q "333x200 pt, 463x278 px at 100 dpi" err &&
	ibrief --db t.db chart overview --month 2024-04 --width 100 --height 100 --dpi 72 \
		-o c.PNG 2>/dev/null &&
	test "$(png_size c.PNG)" = 100x100
'

test_expect 'each query draws as the other kinds it takes' '
	store &&
	for qk in by-country:map by-country:bar by-month:column by-month:line \
		  public-sector:donut public-sector:share-bar public-sector:bar \
		  response-time:distribution response-time:bar overview:kpi; do
		q=${qk%%:*} k=${qk#*:} &&
		ibrief --db t.db chart $q --month 2024-04 --kind $k -o $q-$k.png 2>err &&
		grep -q ": $k, " err || { cat err; exit 1; }
	done
'

test_expect 'a map reads its shapes from IBRIEF_DATA, else from data/geo here' '
	store &&
	ibrief --db t.db chart by-country --month 2024-04 --kind map -o a.svg 2>/dev/null &&
	mkdir -p data &&
	ln -s "$TOP/data/geo" data/geo &&
	(unset IBRIEF_DATA && ibrief --db t.db chart by-country --month 2024-04 --kind map \
		-o b.svg 2>/dev/null) &&
	cmp a.svg b.svg &&
	(export IBRIEF_DATA=/nonexistent && test_must_fail 1 ibrief --db t.db chart by-country \
		--month 2024-04 --kind map -o c.png 2>err) &&
	grep -q "IBRIEF_DATA" err &&
	test ! -e c.png
'

test_expect 'a kind the query cannot be drawn as is a usage error naming its kinds' '
	store &&
	test_must_fail 2 ibrief --db t.db chart by-month --kind map -o a.png 2>err &&
	grep -q "'\''by-month'\'' cannot be drawn as map: it draws as column or line" err &&
	grep -q "^usage: ibrief chart" err &&
	test_must_fail 2 ibrief --db t.db chart overview --kind bar -o a.png 2>err &&
	grep -q "it draws as kpi" err &&
	test_must_fail 2 ibrief --db t.db chart by-type --kind donut -o a.png 2>/dev/null &&
	test_must_fail 2 ibrief --db t.db chart public-sector --kind stacked -o a.png 2>/dev/null &&
	test_must_fail 2 ibrief --db t.db chart response-time --kind line -o a.png 2>/dev/null &&
	test_must_fail 2 ibrief --db t.db chart notable -o a.png 2>err &&
	grep -q "query '\''notable'\'' has no chart: it is a table" err &&
	test_must_fail 2 ibrief --db t.db chart by-type --kind pie -o a.png 2>err &&
	grep -q "'\''pie'\'' is not a chart kind (bar, column" err &&
	test ! -e a.png
'

test_expect 'a missing -o, an unknown extension or --dpi for a vector file is a usage error' '
	store &&
	test_must_fail 2 ibrief --db t.db chart by-type 2>err &&
	grep -q "name the file to write with -o" err &&
	test_must_fail 2 ibrief --db t.db chart by-type -o chart.jpg 2>err &&
	grep -q "'\''chart.jpg'\'' is not a chart file: name it .png, .svg or .pdf" err &&
	test_must_fail 2 ibrief --db t.db chart by-type -o chart 2>/dev/null &&
	test_must_fail 2 ibrief --db t.db chart by-type -o "" 2>/dev/null &&
	test_must_fail 2 ibrief --db t.db chart by-type --dpi 300 -o chart.svg 2>err &&
	grep -q "^ibrief: chart: --dpi: '\''chart.svg'\'' is not a PNG" err &&
	! ls chart* 2>/dev/null
'

test_expect 'sizes and dpi outside their ranges or not numbers are usage errors' '
	store &&
	for bad in "--width 99" "--width 2001" "--width 12x" "--width -480" "--height 0" \
		   "--height 3000" "--height 2.5" "--dpi 71" "--dpi 1201" "--dpi abc" "--dpi ''"; do
		test_must_fail 2 ibrief --db t.db chart by-type $bad -o a.png 2>err &&
		grep -q "is not a whole number from" err || { echo "$bad"; cat err; exit 1; }
	done &&
	test ! -e a.png
'

test_expect 'no query, an unknown query or an extra argument is a usage error' '
	store &&
	test_must_fail 2 ibrief --db t.db chart -o a.png 2>err &&
	grep -q "name a query: overview, by-country" err &&
	! grep -q notable err &&
	test_must_fail 2 ibrief --db t.db chart by-planet -o a.png 2>err &&
	grep -q "'\''by-planet'\'' is not a query" err &&
	test_must_fail 2 ibrief --db t.db chart by-type extra -o a.png 2>/dev/null &&
	test_must_fail 2 ibrief --db t.db chart by-type --bogus -o a.png 2>/dev/null
'

test_expect 'periods, filters and --limit are those of ibrief query' '
	store &&
	ibrief --db t.db chart by-type --quarter 2024-Q2 --country BE,NL --sector 92 \
		--type ransomware --public-sector -o a.png 2>/dev/null &&
	ibrief --db t.db chart by-month --from 2024-03 --to 2024-04 -o b.png 2>/dev/null &&
	ibrief --db t.db chart techniques --month latest --limit 2 -o c.png 2>/dev/null &&
	test_must_fail 2 ibrief --db t.db chart by-type --limit 2 -o d.png 2>err &&
	grep -q "query '\''by-type'\'' has no limit" err &&
	test_must_fail 2 ibrief --db t.db chart by-type --country Atlantis -o d.png 2>err &&
	grep -q "'\''Atlantis'\'' is not an ISO 3166-1 country" err &&
	test_must_fail 2 ibrief --db t.db chart by-type --month 2024-13 -o d.png 2>/dev/null &&
	test_must_fail 2 ibrief --db t.db chart by-type --month 2024-04 --year 2024 -o d.png 2>/dev/null &&
	test_must_fail 1 ibrief --db t.db chart by-type --month latest --country JP -o d.png 2>/dev/null &&
	test ! -e d.png
'

test_expect 'the same store and arguments give the same bytes' '
	store &&
	for ext in png svg pdf; do
		for q in by-country:map by-month:line response-time:distribution overview:kpi; do
			ibrief --db t.db chart ${q%%:*} --year 2024 --kind ${q#*:} -o a.$ext 2>/dev/null &&
			ibrief --db t.db chart ${q%%:*} --year 2024 --kind ${q#*:} -o b.$ext 2>/dev/null &&
			cmp a.$ext b.$ext || exit 1
		done
	done
'

test_expect 'a failure leaves the previous file as it was and no temporary file' '
	store &&
	echo old >a.png &&
	test_must_fail 1 ibrief --db missing.db chart by-type -o a.png 2>/dev/null &&
	(export IBRIEF_DATA=/nonexistent && test_must_fail 1 ibrief --db t.db chart by-country \
		--kind map -o a.png 2>/dev/null) &&
	test "$(cat a.png)" = old &&
	ibrief --db t.db chart by-type -o a.png 2>/dev/null &&
	is_format a.png png &&
	test "$(ls -A | grep -v "^t\.db$" | tr "\n" " ")" = "a.png "
'

test_expect 'chart -o refuses a FIFO and keeps a link a link' '
	store && mkfifo pipe.png && ln -s pipe.png to-pipe.png &&
	test_must_fail 1 timeout 20 "$IBRIEF" --db t.db chart by-type -o pipe.png 2>err &&
	grep "^ibrief: chart: .pipe.png. is a FIFO, not a file: not replacing it$" err &&
	test_must_fail 1 timeout 20 "$IBRIEF" --db t.db chart by-type -o to-pipe.png 2>err &&
	grep "^ibrief: chart: .to-pipe.png. leads to .pipe.png., which is a FIFO, not a file" err &&
	test -p pipe.png &&
	ln -s chart.png link.png &&
	ibrief --db t.db chart by-type -o link.png 2>/dev/null &&
	test -L link.png && is_format chart.png png
'

# A chart written as PDF keeps its text (cairo embeds it), so pdftotext reads
# the words the chart itself adds; a briefing's charts are images and are
# checked in tests/unit/t_chart_words.c instead.
test_expect 'chart --lang writes the chart words, months and numbers in that language' '
	store &&
	ibrief --db t.db chart overview --month 2024-03 --lang fr -o fr.pdf 2>/dev/null &&
	pdftotext fr.pdf fr.txt &&
	grep "Variation par rapport à février 2024" fr.txt &&
	grep "p = 0,5" fr.txt && grep "Victimes publiques" fr.txt &&
	grep "dans la variation normale" fr.txt &&
	! grep -e "Change on" -e "Public bodies" -e "read with care" -e "within normal" fr.txt &&
	ibrief --db t.db chart by-month --year 2024 --lang de -o de.pdf 2>/dev/null &&
	pdftotext de.pdf de.txt && grep "^Jan\.$" de.txt && grep "^Vorfälle$" de.txt
'

test_expect 'the overview chart of a provisional month gives no verdict on its change' '
	store &&
	ibrief --db t.db query overview --month 2024-04 --format json >ov.json &&
	grep -q "\"provisional\": true" ov.json &&
	ibrief --db t.db chart overview --month 2024-04 -o ov.pdf 2>/dev/null &&
	pdftotext ov.pdf ov.txt &&
	grep "Poisson" ov.txt &&
	! grep -i -e "within normal" -e "significant" ov.txt
'

test_expect 'chart --lang en is the default: the same bytes' '
	store &&
	ibrief --db t.db chart by-month --month 2024-04 -o a.png 2>/dev/null &&
	ibrief --db t.db chart by-month --month 2024-04 --lang EN -o b.png 2>/dev/null &&
	cmp a.png b.png
'

test_expect 'an unknown --lang is a usage error naming the languages' '
	store &&
	test_must_fail 2 ibrief --db t.db chart overview --lang es -o x.png 2>err &&
	grep "chart: --lang: .es. is not one of en, fr, nl, de" err && test ! -e x.png
'

test_expect 'chart --help and help chart print the usage on stdout' '
	ibrief chart --help >out &&
	head -n 1 out | grep -q "^usage: ibrief chart NAME" &&
	ibrief help chart >out2 &&
	test_cmp out out2 &&
	ibrief --help | grep -q "^  chart "
'

test_done
