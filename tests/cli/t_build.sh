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

test_expect './ibrief is the build of the tree built last, whichever is newer' '
	mk -j2 ibrief &&
	cp -a "$COPY/build/default" "$COPY/build/other" &&
	echo other >>"$COPY/build/other/ibrief" &&
	mk BUILD=build/other ibrief &&
	cmp "$COPY/build/other/ibrief" "$COPY/ibrief" &&
	mk ibrief &&
	cmp "$COPY/build/default/ibrief" "$COPY/ibrief" &&
	rm -rf "$COPY/build/other"
'

# These build for real: with make -n the flags file, remade on every run
# (FORCE, as git's GIT-CFLAGS), would count as changed.
test_expect 'a changed header rebuilds the tests that include it, and them alone' '
	tests="build/default/tests/t_query build/default/tests/t_query_output build/default/tests/t_chart" &&
	mk -j2 $tests &&
	touch "$COPY/tests/unit/query_fixture.h" &&
	mk V=1 $tests &&
	compiled >actual &&
	printf "%s\n" build/default/tests/t_query build/default/tests/t_query_output >expect &&
	test_cmp expect actual
'

# Last: it leaves the copy built with other flags.
test_expect 'changed CFLAGS rebuild every object; the same flags rebuild none' '
	mk -j2 ibrief && mk V=1 ibrief && compiled >actual && test_cmp /dev/null actual &&
	(cd "$COPY" && ls util/*.c store/*.c queries/*.c lang/*.c charts/*.c report/*.c mail/*.c cli/*.c) |
		sed "s|^\(.*\)\.c$|build/default/\1.o|" >expect &&
	echo build/default/ibrief >>expect &&
	sort -o expect expect &&
	mk -j2 V=1 CFLAGS="-O0 -DIBRIEF_NEW_FLAGS" ibrief &&
	compiled >actual &&
	test_cmp expect actual &&
	grep -q -- "-DIBRIEF_NEW_FLAGS" "$COPY/build/default/FLAGS"
'

test_done
