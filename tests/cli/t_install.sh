#!/bin/bash
# make install / uninstall into a temporary prefix; the installed program,
# its man page and its bash completion, used from another directory.
. "$(dirname "$0")/lib.sh"

unset IBRIEF_DATA IBRIEF_CONFIG
export XDG_CONFIG_HOME=$TRASH/no-config
MAKE=${MAKE:-make}

# install PREFIX [DESTDIR]: the build is ./ibrief, made by 'make test'.
install_to() {
	"$MAKE" -s -C "$TOP" install PREFIX="$1" ${2:+DESTDIR="$2"} >make.out 2>&1 ||
		{ cat make.out; return 1; }
}

# The files under a directory, one path a line relative to it, sorted.
files_under() { (cd "$1" && find . -type f -o -type l | sort); }

# A small store, imported by the installed program.
incidents() {
	cat >in.csv <<-'CSV'
	id,victim,date,country,public_sector,public_kind,type,summary,sources
	c1,Stad Gent,2024-04-03,BE,yes,municipality,ransomware,Encrypted,https://example.org/a
	c2,Hôpital de Liège,2024-04-11,BE,yes,hospital,denial of service,Portal down,
	c3,Acme NV,2024-03-15,NL,no,,phishing,Mails,
	CSV
}

test_expect 'make install puts the program, data, man page and completion under PREFIX' '
	install_to "$PWD/prefix" &&
	files_under prefix >actual &&
	{
		echo ./bin/ibrief &&
		echo ./share/bash-completion/completions/ibrief &&
		(cd "$TOP/data" && ls geo/europe-50m.geojson geo/world-110m.geojson \
			geo/europe-50m.geo geo/world-110m.geo) | sed "s|^|./share/ibrief/|" &&
		(cd "$TOP" && ls templates/*.yaml) | sed "s|^|./share/ibrief/|" &&
		echo ./share/man/man1/ibrief.1
	} | sort >expect &&
	test_cmp expect actual &&
	test -x prefix/bin/ibrief &&
	cmp "$TOP/doc/ibrief.1" prefix/share/man/man1/ibrief.1
'

test_expect 'the installed program works from another directory' '
	install_to "$PWD/prefix" && mkdir elsewhere && cd elsewhere && incidents &&
	../prefix/bin/ibrief --version >out && grep "^ibrief $(cat "$TOP/VERSION")$" out &&
	../prefix/bin/ibrief --db my.db import in.csv 2>err &&
	../prefix/bin/ibrief --db my.db list --format csv >out &&
	test $(tail -n +2 out | wc -l) = 3 && grep "Hôpital de Liège" out
'

test_expect 'the installed program finds its templates and map in PREFIX/share/ibrief' '
	install_to "$PWD/prefix" && mkdir elsewhere && cd elsewhere && incidents &&
	../prefix/bin/ibrief --db my.db import in.csv 2>err &&
	../prefix/bin/ibrief --db my.db report --month 2024-04 -o april.pdf 2>err &&
	head -c 5 april.pdf | grep "^%PDF-" &&
	../prefix/bin/ibrief --db my.db chart by-country --kind map --month 2024-04 -o map.png 2>err &&
	head -c 8 map.png | grep "PNG"
'

test_expect 'man -l renders the installed page without warnings' '
	install_to "$PWD/prefix" &&
	MANWIDTH=80 man --warnings -l prefix/share/man/man1/ibrief.1 >page 2>warnings &&
	! test -s warnings &&
	grep "^NAME" page && grep "^EXIT STATUS" page && grep "^ENVIRONMENT" page &&
	grep "^FILES" page && grep "^EXAMPLES" page &&
	MANPATH=$PWD/prefix/share/man MANWIDTH=80 man ibrief >page2 2>&1 && cmp page page2
'

test_expect 'the man page names every command and every option of their help' '
	MANWIDTH=200 man -l "$TOP/doc/ibrief.1" >page 2>/dev/null &&
	grep -q "ibrief $(cat "$TOP/VERSION")" "$TOP/doc/ibrief.1" &&
	ibrief --help | awk "/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print \$1; next } on { exit }" >commands &&
	test -s commands && : >missing &&
	while read -r c; do
		grep -q "^   ibrief $c\$" page || echo "command $c" >>missing
		ibrief help "$c" | grep -oE "(^|[ ,[])--?[a-z][a-z-]*" | sed "s/^[ ,[]//" | sort -u |
		while read -r o; do
			grep -qe "$o\\b" page || echo "$c $o" >>missing
		done
	done <commands &&
	test_cmp /dev/null missing
'

test_expect 'every help fits 80 columns and shows an example' '
	ibrief --help >out && ! awk "length > 80" out | grep . && grep "^Example" out &&
	ibrief --help | awk "/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print \$1; next } on { exit }" >commands &&
	: >bad &&
	while read -r c; do
		ibrief help "$c" >out
		awk "length > 80 { print \"$c: \" \$0 }" out >>bad
		grep -q "^Examples\?:" out || echo "$c: no example" >>bad
	done <commands &&
	test_cmp /dev/null bad
'

test_expect 'bash completion offers commands, options, query and template names' '
	install_to "$PWD/prefix" && mkdir elsewhere && cd elsewhere &&
	complete_words() {
		bash -c ". ../prefix/share/bash-completion/completions/ibrief &&
			COMP_WORDS=(\"\$@\") && COMP_CWORD=\$((\$# - 1)) && { _ibrief; true; } &&
			printf \"%s\n\" \"\${COMPREPLY[@]}\" | sort" complete "$@"
	} &&
	export PATH=$PWD/../prefix/bin:$PATH &&
	complete_words ibrief "" >out && grep "^import$" out && grep "^mail$" out && grep "^report$" out &&
	complete_words ibrief mail --a >out && test "$(cat out)" = --allow-red &&
	complete_words ibrief query by >out && grep "^by-country$" out && grep "^by-month$" out &&
	complete_words ibrief report --template "" >out && grep "^monthly$" out &&
	complete_words ibrief report --tlp AMBER >out && grep "^AMBER+STRICT$" out &&
	complete_words ibrief store "" >out && test "$(cat out)" = copy &&
	touch team.db && complete_words ibrief store copy t >out && grep "^team.db$" out &&
	touch april.pdf notes.txt && complete_words ibrief mail --to a@example.org "" >out &&
	grep "^april.pdf$" out && ! grep notes.txt out
'

test_expect 'make uninstall removes exactly what install put there' '
	install_to "$PWD/prefix" && mkdir -p prefix/share/doc/other && echo keep >prefix/share/doc/other/f &&
	"$MAKE" -s -C "$TOP" uninstall PREFIX="$PWD/prefix" >make.out 2>&1 &&
	files_under prefix >actual && echo ./share/doc/other/f >expect && test_cmp expect actual &&
	! test -e prefix/share/ibrief
'

test_expect 'DESTDIR stages an install and an uninstall under it' '
	install_to /usr/local "$PWD/stage" &&
	test -x stage/usr/local/bin/ibrief && test -f stage/usr/local/share/man/man1/ibrief.1 &&
	"$MAKE" -s -C "$TOP" uninstall PREFIX=/usr/local DESTDIR="$PWD/stage" >make.out 2>&1 &&
	test -z "$(files_under stage)"
'

test_done
