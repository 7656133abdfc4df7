#!/bin/bash
# One fact, one home: the period and the query traits are not re-derived
# outside queries/ (STYLE.md section 11). These read the sources.
. "$(dirname "$0")/lib.sh"

names='overview|by-country|by-sector|by-type|by-month|public-sector|public-kinds|response-time|techniques|motives|actors|notable'

test_expect 'no query name is compared as a string outside queries/' '
	cd "$TOP" &&
	! grep -nE "(name|query), *\"($names)\"\\)" report/*.c charts/*.c cli/*.c mail/*.c &&
	! grep -nE "query_find\\(\"($names)\"\\)" report/*.c charts/*.c cli/*.c mail/*.c &&
	! grep -nE "\\.query *= *\"($names)\"" charts/*.c report/*.c
'

test_expect 'no file outside queries/period.c decodes the text of a period' '
	cd "$TOP" &&
	! grep -nE "(from|to)\\[[0-9]\\]|(from|to) *\\+ *[0-9]|%\\.[0-9]s\", *[a-z>.-]*(from|to)\\b" \
		report/*.c charts/*.c cli/*.c mail/*.c queries/*.c | grep -v "^queries/period.c:" | grep . >&2 && false ||
	! grep -nE "memcpy\\([a-z]*, *[a-z>.-]*(from|to), *[0-9]\\)|split_date|parse_date_bound|whole_months\\(" \
		report/*.c charts/*.c cli/*.c mail/*.c | grep -v "query_period_whole_months" | grep . >&2
'

# Lead bytes sorted by mask, continuation bytes tested by mask, bits shifted
# in six at a time: each is a decoder, and util/utf8.c holds the only one.
test_expect 'no file outside util/utf8.c decodes UTF-8 by hand' '
	cd "$TOP" &&
	! grep -nE "& *0x[cC]0\)? *[!=]= *0x80|0x[fF]0 *\? *4|<< *6 *\||0x7[fF] *>> *[a-z]" \
		util/*.c store/*.c queries/*.c lang/*.c charts/*.c report/*.c mail/*.c cli/*.c |
		grep -v "^util/utf8.c:" | grep . >&2
'

# Progress and status go through the caller's struct notify (util/notify.h);
# error() and warning() in util/util.c are the only other voice.
test_expect 'no layer below cli/ writes to standard error itself' '
	cd "$TOP" &&
	! grep -n "stderr" store/*.c queries/*.c lang/*.c charts/*.c report/*.c mail/*.c \
		util/*.c | grep -v "^util/util.c:" | grep . >&2
'

# A place in a file is printed one way, FILE:LINE:COL unquoted, by error_at()
# (util/util.h); no message formats a place by hand or in another form.
test_expect 'every message about a place in a file goes through error_at()' '
	cd "$TOP" &&
	! grep -nE "\"[^\"]*(%s:%[lz]?[du][:\" ]|.%s.:%[lz]?[du]|.%s., line %|%s line %[lz]?d|record %ld of .%s.|at line %[lz]?d column)" \
		util/*.c store/*.c queries/*.c lang/*.c charts/*.c report/*.c mail/*.c cli/*.c bench/*.c |
		grep -v "^util/util.c:" | grep . >&2
'

# The database is reached through store/db.h: SQLite is spoken by its
# backend (store/db_sqlite.c) and the schema of its files (store/schema.c)
# alone, so that a PostgreSQL store serves every caller the same.
test_expect 'no file but the SQLite backend includes sqlite3.h or calls SQLite' '
	cd "$TOP" &&
	! grep -nE "sqlite3\.h|sqlite3_[a-z]" store/*.[ch] queries/*.[ch] report/*.[ch] cli/*.[ch] \
		charts/*.[ch] mail/*.[ch] lang/*.[ch] util/*.[ch] |
		grep -vE "^store/(db_sqlite|schema)\.c:" |
		grep -vE "^[^:]*:[0-9]+:[[:space:]]*(/\*|\*|//)|/\*.*sqlite3_" | grep . >&2
'

test_done
