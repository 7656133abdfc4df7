#!/bin/bash
# The size rules of STYLE.md section 1 and PROTOCOL: no source file over 800
# lines and no function over 120, tests included. These read the sources.
. "$(dirname "$0")/lib.sh"

MAX_FILE=800
MAX_FUNCTION=120

# sizes FILE...: prints "file:line: ..." for each file over MAX_FILE lines
# and each function over MAX_FUNCTION lines. A function is what the house
# style writes: its name at column 0, its opening and closing braces alone
# at column 0; it counts from the line of its name to its closing brace.
sizes() {
	awk -v max_file="$MAX_FILE" -v max_fn="$MAX_FUNCTION" '
	FNR == 1 { start = 0; name_line = 0; last = "" }
	/^\{/ && last ~ /\)[ \t]*$/ { start = name_line }
	/^\}/ && start {
		if (FNR - start + 1 > max_fn)
			printf "%s:%d: function is %d lines (at most %d)\n",
				FILENAME, start, FNR - start + 1, max_fn
		start = 0
	}
	/^[A-Za-z_]/ && !/;[ \t]*$/ { name_line = FNR }
	!/^[ \t]*$/ { last = $0 }
	' "$@"
	for f in "$@"; do
		n=$(wc -l <"$f")
		[ "$n" -le "$MAX_FILE" ] || echo "$f:$n: file is $n lines (at most $MAX_FILE)"
	done
}

test_expect 'the size check names an over-long function and file as file:line' '
	{
		echo "#include <stdio.h>" &&
		echo &&
		echo "static int short_one(void)" && echo "{" && echo "	return 0;" && echo "}" &&
		echo &&
		echo "int long_one(int a," && echo "	     int b)" && echo "{" &&
		for i in $(seq 116); do echo "	a += b;"; done &&
		echo "	return a;" && echo "}" &&
		echo "static const int table[] = {" &&
		for i in $(seq 700); do echo "	$i,"; done &&
		echo "};"
	} >big.c &&
	sizes big.c >actual &&
	cat >expect <<-EOF &&
	big.c:8: function is 121 lines (at most 120)
	big.c:830: file is 830 lines (at most 800)
	EOF
	test_cmp expect actual &&
	head -126 big.c >fits.c && echo "}" >>fits.c &&
	sizes fits.c >actual && test_cmp /dev/null actual
'

test_expect 'no source file is over 800 lines and no function over 120' '
	cd "$TOP" &&
	find . \( -path ./build -o -path ./.git -o -path ./bench/data \) -prune -o \
		-name "*.[ch]" -print | sort >"$TRASH/files" &&
	test -s "$TRASH/files" &&
	sizes $(cat "$TRASH/files") >"$TRASH/sizes" &&
	{ test_cmp /dev/null "$TRASH/sizes" || { cat "$TRASH/sizes" >&2; false; }; }
'

test_done
