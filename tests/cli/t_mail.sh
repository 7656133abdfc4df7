#!/bin/bash
# ibrief mail, against a real SMTP server on 127.0.0.1 (tests/smtp_server.py,
# Debian's python3-aiosmtpd). Nothing here talks to any other address.
. "$(dirname "$0")/lib.sh"

unset IBRIEF_SMTP_URL IBRIEF_SMTP_USER IBRIEF_SMTP_PASSWORD IBRIEF_CONFIG
# No configuration of the person running the tests takes part.
export XDG_CONFIG_HOME=$TRASH/no-config
MAILDATA=$DATA/mail
PY=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import aiosmtpd' 2>/dev/null; then
		PY=$p
		break
	fi
done

test_expect 'python3-aiosmtpd is installed for the SMTP tests' '
	test -n "$PY"
'

mkpdf() { "$PY" "$MAILDATA/mkpdf.py" "$@"; }
check_eml() { "$PY" "$MAILDATA/check_eml.py" "$@"; }

# start_server [ARGS]: a server writing to ./inbox; sets $port and $url.
# It is stopped when the test's subshell exits, or by itself after 60 s.
start_server() {
	mkdir -p inbox || return 1
	"$PY" "$TOP/tests/smtp_server.py" inbox "$@" >port 2>server.err &
	server_pid=$!
	trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null' EXIT
	for _ in $(seq 100); do
		test -s port && break
		sleep 0.1
	done
	port=$(head -n 1 port)
	url=smtp://127.0.0.1:$port
	test -n "$port"
}

# use_config TEXT: the configuration file of this test, ./xdg/ibrief/config.
use_config() {
	export XDG_CONFIG_HOME=$PWD/xdg &&
	mkdir -p xdg/ibrief &&
	printf "%s\n" "$1" >xdg/ibrief/config
}

# A port on 127.0.0.1 that nothing listens on.
closed_port() {
	"$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# No message arrived and nobody even connected.
nothing_arrived() {
	test -z "$(ls inbox | grep -v "^sessions$")" && ! test -e inbox/sessions
}

april() {
	mkpdf april.pdf --title "Cyber incident briefing, April 2024" --keywords "TLP:AMBER, incidents" \
		--subject "19 incidents in April 2024, 9 more than in March, not a significant change; 79% hit public bodies (n = 19, 95% CI 57-91%)"
}

test_expect 'mail sends the PDF to the server: headers well formed, attachment byte for byte' '
	april && start_server &&
	ibrief mail --to a@example.org,"Bob Böhm <b@example.org>" --cc c@example.org \
		--from "Example CERT <cert@example.org>" --smtp "$url" april.pdf 2>err &&
	grep "^sent april.pdf to a@example.org, b@example.org, c@example.org through $url" err &&
	check_eml inbox/1.eml april.pdf | sed "s/(\([0-9.]*\) KiB)/(N KiB)/" >actual &&
	cat >expect <<-EOF &&
	subject: [TLP:AMBER] Cyber incident briefing, April 2024
	from: Example CERT <cert@example.org>
	to: a@example.org, Bob Böhm <b@example.org>
	cc: c@example.org
	attachment: april.pdf application/pdf same bytes
	body: Cyber incident briefing, April 2024
	body: 
	body: 19 incidents in April 2024, 9 more than in March, not a significant
	body: change; 79% hit public bodies (n = 19, 95% CI 57-91%)
	body: 
	body: The full briefing is attached: april.pdf (N KiB).
	body: 
	body: TLP:AMBER: share within your organisation and with its clients only, on
	body: a need-to-know basis.
	body: 
	body: -- 
	body: sent with ibrief
	EOF
	test_cmp expect actual &&
	"$PY" -c "
import json
e = json.load(open(\"inbox/1.json\"))
assert e[\"mail_from\"] == \"cert@example.org\", e
assert e[\"rcpt_tos\"] == [\"a@example.org\", \"b@example.org\", \"c@example.org\"], e
"
'

test_expect 'a refused recipient exits 1 naming it and the reply; nothing is delivered' '
	april && start_server &&
	test_must_fail 1 ibrief mail --to a@example.org,refuse@example.org --from cert@example.org \
		--smtp "$url" april.pdf 2>err &&
	grep "^ibrief: mail: $url: recipient .refuse@example.org. refused: 550 5.1.1 <refuse@example.org>: no such user here$" err &&
	! ls inbox/*.eml 2>/dev/null
'

test_expect 'an unreachable server exits 1 with a clear error' '
	april && closed=$(closed_port) &&
	test_must_fail 1 ibrief mail --to a@example.org --from cert@example.org \
		--smtp smtp://127.0.0.1:$closed april.pdf 2>err &&
	grep "^ibrief: mail: smtp://127.0.0.1:$closed: cannot connect: .*127.0.0.1" err
'

test_expect '--eml writes the message to a file and sends nothing' '
	april && start_server && export IBRIEF_SMTP_URL=$url &&
	ibrief mail --eml out.eml --to a@example.org --from cert@example.org april.pdf 2>err &&
	grep "^wrote out.eml" err &&
	check_eml out.eml april.pdf >actual &&
	grep "^subject: \[TLP:AMBER\] Cyber incident briefing, April 2024$" actual &&
	grep "^attachment: april.pdf application/pdf same bytes$" actual &&
	ibrief mail --eml - --from cert@example.org april.pdf >stdout.eml 2>err &&
	check_eml stdout.eml april.pdf >actual &&
	grep "^to: $" actual &&
	nothing_arrived
'

test_expect 'with SOURCE_DATE_EPOCH the .eml is the same bytes every time' '
	april && export SOURCE_DATE_EPOCH=1714500000 &&
	ibrief mail --eml 1.eml --to a@example.org --from cert@example.org april.pdf 2>err &&
	ibrief mail --eml 2.eml --to a@example.org --from cert@example.org april.pdf 2>err &&
	cmp 1.eml 2.eml &&
	grep "^Date: Tue, 30 Apr 2024 18:00:00 +0000" 1.eml
'

test_expect '--eml keeps the old file when the disk fills and never writes to a device' '
	april && echo "the old message" >old.eml && cp old.eml expect &&
	(trap "" XFSZ && ulimit -f 2 &&
	 test_must_fail 1 ibrief mail --eml old.eml --from cert@example.org april.pdf 2>err) &&
	grep "cannot write: File too large" err &&
	test_cmp expect old.eml &&
	test -z "$(ls -A | grep "^\.old\.eml\.")" &&
	mkfifo pipe &&
	test_must_fail 1 timeout 10 "$IBRIEF" mail --eml pipe --from cert@example.org april.pdf 2>err &&
	grep "^ibrief: mail: .pipe. is a FIFO, not a file: not replacing it$" err &&
	test -p pipe &&
	ln -s real.eml link.eml &&
	ibrief mail --eml link.eml --from cert@example.org april.pdf 2>err &&
	test -L link.eml && check_eml real.eml april.pdf | grep "same bytes"
'

test_expect 'more than 100 recipients are refused, naming their number, unless allowed' '
	april && start_server && export IBRIEF_SMTP_URL=$url &&
	to=$(seq -f "r%g@example.org" 100 | paste -sd,) &&
	test_must_fail 1 ibrief mail --to "$to" --cc R1@example.org,x@example.org \
		--from cert@example.org april.pdf 2>err &&
	grep "^ibrief: mail: 101 recipients (To and Cc together) are more than 100 in one message: allow more with --max-recipients N$" err &&
	test_must_fail 1 ibrief mail --eml out.eml --to "$to,y@example.org" --from cert@example.org \
		april.pdf 2>err && grep "101 recipients" err && test ! -e out.eml &&
	nothing_arrived &&
	ibrief mail --eml out.eml --to "$to" --cc r7@example.org --from cert@example.org april.pdf 2>err &&
	ibrief mail --max-recipients 101 --to "$to,x@example.org" --from cert@example.org april.pdf 2>err &&
	grep "^sent april.pdf to " err &&
	test_must_fail 2 ibrief mail --max-recipients 0 --to a@example.org april.pdf 2>err &&
	grep "max-recipients: .0. is not a whole number from 1 to 10000" err
'

test_expect 'a message over the size budget is refused before connecting' '
	mkpdf big.pdf --title "Big" --keywords TLP:GREEN --size 20000 && start_server &&
	test_must_fail 1 ibrief mail --max-size 24k --to a@example.org --from cert@example.org \
		--smtp "$url" big.pdf 2>err &&
	grep "^ibrief: mail: the message would be at least 26.*, over the size budget of 24.0 KiB" err &&
	test_must_fail 1 ibrief mail --max-size 8k --to a@example.org --from cert@example.org \
		--smtp "$url" big.pdf 2>err &&
	grep "big.pdf. is 19.[0-9] KiB: over the size budget of 8.0 KiB even before base64" err &&
	use_config "$(printf "[smtp]\nmax_size = 25k")" &&
	test_must_fail 1 ibrief mail --to a@example.org --from cert@example.org \
		--smtp "$url" big.pdf 2>err &&
	grep "over the size budget of 25.0 KiB" err &&
	nothing_arrived
'

test_expect 'the default budget is 10 MiB after base64' '
	mkpdf huge.pdf --title Huge --keywords TLP:GREEN --size 8000000 && start_server &&
	test_must_fail 1 ibrief mail --to a@example.org --from cert@example.org --smtp "$url" \
		huge.pdf 2>err &&
	grep "over the size budget of 10.0 MiB" err &&
	nothing_arrived &&
	mkpdf fits.pdf --title Fits --keywords TLP:GREEN --size 7000000 &&
	ibrief mail --to a@example.org --from cert@example.org --smtp "$url" fits.pdf 2>err &&
	check_eml inbox/1.eml fits.pdf | grep "same bytes"
'

test_expect 'TLP:RED is refused without --allow-red, and with it goes to the named only' '
	mkpdf red.pdf --title "Ransomware at the port" --keywords "TLP:RED" && start_server &&
	test_must_fail 1 ibrief mail --to a@example.org --from cert@example.org --smtp "$url" \
		red.pdf 2>err &&
	grep "red.pdf. is TLP:RED, for the named recipients only: give --allow-red" err &&
	nothing_arrived &&
	ibrief mail --allow-red --to a@example.org,A@EXAMPLE.ORG --cc a@example.org \
		--from cert@example.org --smtp "$url" red.pdf 2>err &&
	check_eml inbox/1.eml red.pdf >actual &&
	grep "^subject: \[TLP:RED\] Ransomware at the port$" actual &&
	grep "^to: a@example.org$" actual && grep "^cc: $" actual &&
	grep "^body: TLP:RED: for the named recipients only: do not share it.$" actual &&
	"$PY" -c "
import json
e = json.load(open(\"inbox/1.json\"))
assert e[\"rcpt_tos\"] == [\"a@example.org\"], e
"
'

test_expect 'an empty file, a non-PDF or a missing file is refused: no attachment' '
	start_server && : >empty.pdf && echo "not a pdf" >notes.pdf &&
	test_must_fail 1 ibrief mail --to a@example.org --from cert@example.org --smtp "$url" \
		empty.pdf 2>err &&
	grep "empty.pdf. is empty: there is no briefing to attach" err &&
	test_must_fail 1 ibrief mail --to a@example.org --from cert@example.org --smtp "$url" \
		notes.pdf 2>err &&
	grep "notes.pdf. is not a PDF file" err &&
	test_must_fail 1 ibrief mail --to a@example.org --from cert@example.org --smtp "$url" \
		none.pdf 2>err &&
	grep "none.pdf.: No such file" err &&
	nothing_arrived
'

test_expect 'a PDF without a label gets no tag and a warning; --tlp must agree with one' '
	mkpdf plain.pdf --size 1000 && april &&
	ibrief mail --eml 1.eml --from cert@example.org plain.pdf 2>err &&
	grep "warning: .plain.pdf. has no title" err &&
	grep "warning: .plain.pdf. carries no TLP label" err &&
	check_eml 1.eml plain.pdf | grep "^subject: plain.pdf$" &&
	ibrief mail --eml 2.eml --tlp amber --from cert@example.org plain.pdf 2>err &&
	check_eml 2.eml plain.pdf | grep "^subject: \[TLP:AMBER\] plain.pdf$" &&
	test_must_fail 1 ibrief mail --eml 3.eml --tlp clear --from cert@example.org april.pdf 2>err &&
	grep "april.pdf. is marked TLP:AMBER; --tlp clear disagrees" err && ! test -e 3.eml
'

test_expect 'a subject of our own is RFC 2047 encoded and keeps the label' '
	april &&
	ibrief mail --eml 1.eml --subject "Cyberincidenten — Liège, april 2024" \
		--from cert@example.org april.pdf 2>err &&
	check_eml 1.eml april.pdf | grep "^subject: \[TLP:AMBER\] Cyberincidenten — Liège, april 2024$" &&
	grep "^Subject: \[TLP:AMBER\] Cyberincidenten =?UTF-8?B?" 1.eml &&
	test_must_fail 1 ibrief mail --eml 2.eml --subject "$(printf "x\nBcc: spy@example.net")" \
		--from cert@example.org april.pdf 2>err && ! test -e 2.eml
'

test_expect 'addresses with line breaks or without a domain are refused' '
	april &&
	test_must_fail 1 ibrief mail --eml 1.eml --to "$(printf "a@example.org\r\nBcc: spy@example.net")" \
		--from cert@example.org april.pdf 2>err &&
	grep "is not an e-mail address: it holds a line break" err &&
	test_must_fail 1 ibrief mail --eml 1.eml --to ann --from cert@example.org april.pdf 2>err &&
	grep ".ann. is not an e-mail address: there is no .@." err &&
	! test -e 1.eml
'

test_expect 'server, sender and organisation come from the config; options override it' '
	april && start_server && closed=$(closed_port) &&
	use_config "[report]
organisation = Example CERT
[smtp]
url = smtp://127.0.0.1:$closed
from = Example CERT <cert@example.org>" &&
	test_must_fail 1 ibrief mail --to a@example.org april.pdf 2>err &&
	grep "smtp://127.0.0.1:$closed: cannot connect" err &&
	IBRIEF_SMTP_URL=$url ibrief mail --to a@example.org april.pdf 2>err &&
	ibrief mail --smtp "$url" --from other@example.org --to b@example.org april.pdf 2>err &&
	check_eml inbox/1.eml april.pdf >actual &&
	grep "^from: Example CERT <cert@example.org>$" actual &&
	grep "^body: Example CERT, sent with ibrief$" actual &&
	check_eml inbox/2.eml april.pdf | grep "^from: other@example.org$"
'

test_expect 'without an organisation in the config, the author of the PDF signs the mail' '
	mkpdf signed.pdf --title "Briefing" --keywords TLP:GREEN --author "Stad Gent CERT" &&
	ibrief mail --eml 1.eml --from cert@example.org signed.pdf 2>err &&
	check_eml 1.eml signed.pdf | grep "^body: Stad Gent CERT, sent with ibrief$" &&
	use_config "$(printf "[report]\norganisation = Example CERT")" &&
	ibrief mail --eml 2.eml --from cert@example.org signed.pdf 2>err &&
	check_eml 2.eml signed.pdf | grep "^body: Example CERT, sent with ibrief$"
'

test_expect 'a bad config file stops mail with its file and line' '
	april && use_config "$(printf "[smtp]\nport = 25")" &&
	test_must_fail 1 ibrief mail --eml 1.eml --from cert@example.org april.pdf 2>err &&
	grep "xdg/ibrief/config:2: .port. is not a key of \[smtp\] (known: url, " err
'

test_expect 'no password on the command line: no option, none in the URL' '
	april &&
	test_must_fail 2 ibrief mail --password s3cret --to a@example.org april.pdf 2>err &&
	grep "unknown option .--password." err &&
	test_must_fail 1 ibrief mail --smtp smtp://ann:s3cret@127.0.0.1:25 --to a@example.org \
		--from cert@example.org april.pdf 2>err &&
	grep "^ibrief: mail: .smtp://ann@127.0.0.1:25. holds a user name or password" err &&
	! grep s3cret err
'

test_expect 'a password in a URL is never printed, wherever the URL came from' '
	april &&
	(export IBRIEF_SMTP_URL="smtps://ann:s3cret@127.0.0.1:1" &&
	 test_must_fail 1 ibrief mail --to a@example.org --from cert@example.org april.pdf) 2>err &&
	grep "smtps://ann@127.0.0.1:1" err &&
	use_config "$(printf "[smtp]\nurl = smtp://ann:s3cret@127.0.0.1:1")" &&
	test_must_fail 1 ibrief mail --to a@example.org --from cert@example.org april.pdf 2>>err &&
	grep "smtp.url: .smtp://ann@127.0.0.1:1. holds" err &&
	! grep s3cret err
'

test_expect 'STARTTLS with a password from the environment logs in and delivers' '
	april && start_server --starttls "$MAILDATA/localhost.crt" "$MAILDATA/localhost.key" --auth ann:s3cret &&
	use_config "$(printf "[smtp]\nuser = ann\nca_file = %s\nfrom = cert@example.org" \
		"$MAILDATA/localhost.crt")" &&
	IBRIEF_SMTP_PASSWORD=s3cret ibrief mail -v --to a@example.org --smtp "$url" april.pdf 2>err &&
	grep "^> STARTTLS" err && grep "^> AUTH (hidden)" err && ! grep s3cret err &&
	grep -E "^(PLAIN|LOGIN) ok$" inbox/auth &&
	"$PY" -c "import json; assert json.load(open(\"inbox/1.json\"))[\"tls\"]" &&
	IBRIEF_SMTP_PASSWORD=wrong test_must_fail 1 ibrief mail --to a@example.org \
		--smtp "$url" april.pdf 2>err &&
	grep "^ibrief: mail: $url: login refused: 535" err &&
	! test -e inbox/2.eml
'

test_expect 'a password is never sent over a connection without TLS' '
	april && start_server &&
	IBRIEF_SMTP_USER=ann IBRIEF_SMTP_PASSWORD=s3cret test_must_fail 1 ibrief mail \
		--to a@example.org --from cert@example.org --smtp "$url" april.pdf 2>err &&
	grep "^ibrief: mail: $url: the server does not offer STARTTLS, and a password is never sent in clear" err &&
	! test -e inbox/auth && ! ls inbox/*.eml 2>/dev/null
'

test_expect 'smtps:// delivers over TLS from the first byte' '
	april && start_server --smtps "$MAILDATA/localhost.crt" "$MAILDATA/localhost.key" &&
	use_config "$(printf "[smtp]\nca_file = %s" "$MAILDATA/localhost.crt")" &&
	ibrief mail --to a@example.org --from cert@example.org --smtp smtps://127.0.0.1:$port april.pdf 2>err &&
	check_eml inbox/1.eml april.pdf | grep "same bytes" &&
	"$PY" -c "import json; assert json.load(open(\"inbox/1.json\"))[\"tls\"]" &&
	rm xdg/ibrief/config &&
	test_must_fail 1 ibrief mail --to a@example.org --from cert@example.org \
		--smtp smtps://127.0.0.1:$port april.pdf 2>err &&
	grep "^ibrief: mail: smtps://127.0.0.1:$port: .*certificate" err
'

test_expect 'report --mail-to writes the briefing and mails it in one command' '
	cat >in.csv <<-\CSV &&
	id,victim,date,country,public_sector,public_kind,type,summary,sources
	c1,Stad Gent,2024-04-03,BE,yes,municipality,ransomware,Encrypted,https://example.org/a
	c2,Hôpital de Liège,2024-04-11,BE,yes,hospital,denial of service,Portal down,
	c3,Acme NV,2024-03-15,NL,no,,phishing,Mails,
	CSV
	ibrief import in.csv 2>err && start_server &&
	use_config "$(printf "[smtp]\nurl = %s\nfrom = cert@example.org" "$url")" &&
	ibrief report --month 2024-04 -o april.pdf --mail-to a@example.org 2>err &&
	check_eml inbox/1.eml april.pdf >actual &&
	grep "^subject: \[TLP:AMBER\] .*April 2024$" actual &&
	grep "^attachment: april.pdf application/pdf same bytes$" actual &&
	test_must_fail 1 ibrief report --month 2024-04 --tlp red -o red.pdf --mail-to a@example.org 2>err &&
	grep "TLP:RED" err && ! test -e inbox/2.eml
'

test_expect 'report --mail-to refuses a period after the newest data unless --allow-empty' '
	cat >in.csv <<-\CSV &&
	id,victim,date,country
	c1,Stad Gent,2020-06-03,BE
	c2,Acme NV,2020,NL
	CSV
	ibrief import in.csv 2>err && start_server &&
	use_config "$(printf "[smtp]\nurl = %s\nfrom = cert@example.org" "$url")" &&
	test_must_fail 1 ibrief report --month 2024-04 -o stale.pdf --mail-to a@example.org 2>err &&
	grep "^ibrief: report: warning: April 2024 is after the newest data in the store (2020-06)" err &&
	grep "^ibrief: report: not mailing stale.pdf: its period lies after the newest data" err &&
	nothing_arrived && test -s stale.pdf &&
	ibrief report --month 2024-04 -o stale.pdf --mail-to a@example.org --allow-empty 2>err &&
	grep "warning: April 2024 is after the newest data" err &&
	check_eml inbox/1.eml stale.pdf | grep "same bytes" &&
	ibrief report --month 2020-06 -o june.pdf --mail-to a@example.org 2>err &&
	! grep warning err && test -e inbox/2.eml
'

test_expect 'usage errors exit 2 with the usage line' '
	april &&
	test_must_fail 2 ibrief mail --to a@example.org 2>err && grep "^usage: ibrief mail" err &&
	test_must_fail 2 ibrief mail april.pdf 2>err && grep "no recipient" err &&
	test_must_fail 2 ibrief mail --to a@example.org april.pdf april.pdf 2>err &&
	test_must_fail 2 ibrief mail --max-size 10Q --to a@example.org april.pdf 2>err &&
	test_must_fail 2 ibrief mail --tlp orange --to a@example.org april.pdf 2>err &&
	test_must_fail 1 ibrief mail --to a@example.org april.pdf 2>err &&
	grep "no SMTP server: give --smtp" err
'

test_expect 'mail help fits a terminal and shows an example' '
	ibrief help mail >out && grep "^usage: ibrief mail" out && grep "^Examples:" out &&
	! awk "length > 80" out | grep . &&
	ibrief mail --help | cmp - out
'

test_done
