#!/bin/bash
# ibrief import of tracker pages saved by a browser as HTML.
. "$(dirname "$0")/lib.sh"

HTML=$DATA/page-html

# Every incident of the store in full, without what says where and when it
# was read (the provenance differs by design: it names the HTML file).
incidents() {
	for id in $(ibrief --db "$1" list --format csv | sed 1d | cut -d, -f1 | sort -n); do
		ibrief --db "$1" show --format json "$id" |
			grep -v -E '"(file|line|record|imported_at)":'
	done
}

test_expect 'every test page saved as HTML imports as the same incidents as its text' '
	ibrief --db text.db import --format page --skip-bad $(cut -d" " -f2 $HTML/MANIFEST | sed "s|^|$TOP/|" | uniq) 2>/dev/null >/dev/null;
	(cd "$TOP" && ibrief --db "$OLDPWD/html.db" import --format page --skip-bad $(cut -d" " -f1 $HTML/MANIFEST)) 2>/dev/null >/dev/null;
	incidents text.db >expect &&
	incidents html.db >actual &&
	test $(grep -c "\"key\":" expect) -ge 25 &&
	test_cmp expect actual
'

test_expect 'a complete save beside its _files folder is told by content and named in the provenance' '
	cp -r $HTML/tests/multi-1.html $HTML/tests/multi-1_files . &&
	test -d multi-1_files &&
	ibrief --db s.db import multi-1.html 2>out &&
	grep "imported 1 new" out &&
	ibrief --db s.db show --format json 1 >show &&
	grep "\"file\": \"multi-1.html\"" show &&
	grep "\"format\": \"page\"" show &&
	grep "\"victim\": \"Landkreis Beispielheim\"" show
'

test_expect '--format page reads a single-file save too' '
	ibrief --db s.db import --format page $HTML/tests/paragraphs-1.html 2>out &&
	grep "imported 1 new" out
'

test_expect 'an HTML file without visible text is refused, naming the file' '
	printf "<!DOCTYPE html>\n<html><head><script>go()</script></head><body><nav>Menu</nav></body></html>\n" >bad.html &&
	test_must_fail 1 ibrief --db s.db import bad.html 2>err &&
	grep "^ibrief: import: .bad.html.: the HTML page has no visible text$" err &&
	grep "not imported" err
'

test_expect 'an HTML page that is not a tracker page is refused at its line' '
	printf "<!DOCTYPE html>\n<html><body>\n<h1>Our blog</h1>\n<p>Hello</p>\n</body></html>\n" >blog.html &&
	test_must_fail 1 ibrief --db s.db import blog.html 2>err &&
	grep "^ibrief: import: blog.html:3: record 1: .Our blog. does not start an incident page" err
'

test_done
