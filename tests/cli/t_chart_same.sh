#!/bin/sh
# One path from a query result to a chart: `ibrief chart` and the report's
# chart of the same query, period, size and language are the same pixels.
# The report's PNG is taken back out of the PDF with poppler's pdfimages.
. "$(dirname "$0")/lib.sh"

export SOURCE_DATE_EPOCH=1717200000
DB=$TRASH/demo.db
printf '%s\n' "$TOP"/data/demo/pages/*.txt "$TOP/data/demo/vcdb-slice.jsonl.gz" \
	"$TOP/data/demo/incidents.csv" | xargs "$IBRIEF" --db "$DB" import 2>/dev/null

# A template of one chart, 63.5 x 38.1 mm: 180 x 108 pt, whole points as `chart` takes them.
template() {
	cat >one.yaml <<-EOT
	title: {en: One chart, fr: Un graphique}
	tlp: CLEAR
	cover:
	  - narrative
	sections:
	  - title: {en: Chart, fr: Graphique}
	    blocks:
	      - chart:
	          query: $1
	          kind: $2
	          size: [63.5, 38.1]
	EOT
}

# same_pixels A.png B.png: the same size and the same RGB pixels.
same_pixels() {
	python3 - "$1" "$2" <<-\EOT
	import struct, sys, zlib
	def rgb(path):
	    b = open(path, "rb").read()
	    assert b[:8] == b"\x89PNG\r\n\x1a\n", path
	    pos, idat, plte = 8, b"", None
	    while pos < len(b):
	        n, kind = struct.unpack(">I4s", b[pos:pos + 8])
	        data = b[pos + 8:pos + 8 + n]
	        if kind == b"IHDR":
	            w, h, depth, ctype, _, _, lace = struct.unpack(">IIBBBBB", data)
	        elif kind == b"PLTE":
	            plte = data
	        elif kind == b"IDAT":
	            idat += data
	        pos += 12 + n
	    assert depth == 8 and lace == 0, (path, depth, lace)
	    bpp = {0: 1, 2: 3, 3: 1, 6: 4}[ctype]
	    raw, stride, prev, out = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
	    for y in range(h):
	        at = y * (stride + 1)
	        f, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
	        for i in range(stride):
	            a = line[i - bpp] if i >= bpp else 0
	            c = prev[i - bpp] if i >= bpp else 0
	            p = a + prev[i] - c
	            pa, pb, pc = abs(p - a), abs(p - prev[i]), abs(p - c)
	            pr = a if pa <= pb and pa <= pc else prev[i] if pb <= pc else c
	            line[i] = (line[i] + [0, a, prev[i], (a + prev[i]) // 2, pr][f]) & 255
	        prev = line
	        for x in range(w):
	            px = line[x * bpp:(x + 1) * bpp]
	            out.append(bytes(plte[px[0] * 3:px[0] * 3 + 3]) if ctype == 3 else
	                       bytes(px[:3]) if bpp >= 3 else bytes(px * 3))
	    return w, h, out
	a, b = rgb(sys.argv[1]), rgb(sys.argv[2])
	if a[:2] != b[:2]:
	    sys.exit("sizes differ: %dx%d and %dx%d" % (a[0], a[1], b[0], b[1]))
	diff = sum(1 for p, q in zip(a[2], b[2]) if p != q)
	if diff:
	    sys.exit("%d of %d pixels differ" % (diff, a[0] * a[1]))
	EOT
}

# chart_and_report QUERY KIND LANG PERIOD...: the two charts, as chart.png and img-000.png.
chart_and_report() {
	q=$1 kind=$2 lang=$3 && shift 3 &&
	template $q $kind &&
	ibrief --db "$DB" report --template one.yaml --lang $lang "$@" -o r.pdf 2>/dev/null &&
	rm -f img-*.png && pdfimages -png r.pdf img &&
	test "$(ls img-*.png | wc -l)" -eq 1 &&
	ibrief --db "$DB" chart $q --kind $kind --lang $lang "$@" --width 180 --height 108 \
		--dpi 300 -o chart.png 2>/dev/null
}

test_expect 'chart by-month and the report draw the same months the same way' '
	chart_and_report by-month column en --year 2024 &&
	same_pixels chart.png img-000.png
'

test_expect 'a range of months is named alike by chart and report' '
	chart_and_report by-month column en --from 2024-01-01 --to 2024-04-30 &&
	same_pixels chart.png img-000.png
'

test_expect 'a French bar chart of sectors is the same from chart and report' '
	chart_and_report by-sector bar fr --month 2024-04 &&
	same_pixels chart.png img-000.png
'

test_done
