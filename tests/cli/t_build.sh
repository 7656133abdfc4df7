#!/bin/bash
# The build keeps itself honest: what a change needs rebuilt is rebuilt,
# so no stale object survives it. Each test works on a copy of the tree and
# of its default build (build/default, mtimes kept), never on the tree.
. "$(dirname "$0")/lib.sh"

COPY=$TRASH/tree
mkdir -p "$COPY/build" &&
tar -C "$TOP" --exclude=./.git --exclude=./build --exclude=./bench/data -cf - . | tar -C "$COPY" -xf - &&
{ [ ! -d "$TOP/build/default" ] || cp -a "$TOP/build/default" "$COPY/build/"; } || exit 1

# mk ARGS...: make in the copy, the commands it runs in $TRASH/made.
mk() { make -C "$COPY" --no-print-directory "$@" >"$TRASH/made" 2>&1 || { cat "$TRASH/made"; false; }; }

# What `make V=1` compiled: the objects and test programs, one a line, sorted.
compiled() { sed -n 's/.* -o \(build\/default\/[^ ]*\) .*/\1/p' "$TRASH/made" | sort; }

test_expect 'a bumped VERSION rebuilds one object and reaches --version and the PDF' '
	mk -j2 ibrief &&
	echo 9.8.7-test >"$COPY/VERSION" &&
	mk V=1 ibrief &&
	compiled >actual &&
	printf "%s\n" build/default/ibrief build/default/util/version.o >expect &&
	test_cmp expect actual &&
	"$COPY/ibrief" --version >actual && echo "ibrief 9.8.7-test" >expect && test_cmp expect actual &&
	"$COPY/ibrief" --db d.db import "$TOP"/data/demo/pages/*.txt 2>/dev/null &&
	"$COPY/ibrief" --db d.db report --month latest -o b.pdf 2>/dev/null &&
	pdfinfo b.pdf >info && grep "^Creator: *ibrief 9.8.7-test$" info &&
	grep "^Keywords: *ibrief 9.8.7-test;" info &&
	pdftotext b.pdf - | tr "\n" " " | grep "Made with ibrief 9.8.7-test from" &&
	! strings "$COPY/ibrief" | grep -F "$(cat "$TOP/VERSION")"
'

test_done
