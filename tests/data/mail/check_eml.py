#!/usr/bin/python3
"""Checks that a message is well formed and prints what a reader sees.

    check_eml.py MESSAGE.eml ATTACHED.pdf

Fails (exit 1, reason on stderr) unless: every line ends CRLF, header
lines are at most 78 characters, the message parses without defects,
Date, From, Message-ID and MIME-Version are there and well formed, and it
is multipart/mixed with a text/plain UTF-8 part and one attachment. Then
prints one "key: value" line each for subject, from, to, cc, the
attachment (name, type, and whether its bytes equal ATTACHED.pdf) and the
body, for the test to compare.
"""
import email
import email.policy
import email.utils
import re
import sys


def fail(why):
    print("check_eml: " + why, file=sys.stderr)
    sys.exit(1)


def main():
    raw = open(sys.argv[1], "rb").read()
    pdf = open(sys.argv[2], "rb").read()
    if re.search(rb"(?<!\r)\n", raw) or re.search(rb"\r(?!\n)", raw):
        fail("a line does not end CRLF")
    head = raw.split(b"\r\n\r\n", 1)[0]
    for line in head.split(b"\r\n"):
        if len(line) > 78:
            fail("header line over 78 characters: %r" % line)
        if any(c >= 0x80 for c in line):
            fail("non-ASCII header line: %r" % line)
    m = email.message_from_bytes(raw, policy=email.policy.default)
    if m.defects:
        fail("defects: %r" % m.defects)
    for name in ("Date", "From", "Message-ID", "MIME-Version", "Subject"):
        if m[name] is None:
            fail("no %s header" % name)
    if email.utils.parsedate_to_datetime(str(m["Date"])) is None:
        fail("bad Date")
    if not re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", str(m["Message-ID"])):
        fail("bad Message-ID %r" % str(m["Message-ID"]))
    if str(m["MIME-Version"]) != "1.0" or m.get_content_type() != "multipart/mixed":
        fail("not MIME multipart/mixed")
    parts = list(m.iter_parts())
    if len(parts) != 2:
        fail("%d parts, not 2" % len(parts))
    text, att = parts
    if text.get_content_type() != "text/plain" or text.get_content_charset() != "utf-8":
        fail("the first part is not text/plain; charset=UTF-8")
    if att.get_content_disposition() != "attachment":
        fail("the second part is not an attachment")
    for p in parts:
        if p.defects:
            fail("part defects: %r" % p.defects)
    print("subject: " + str(m["Subject"]))
    print("from: " + str(m["From"]))
    print("to: " + str(m["To"] or ""))
    print("cc: " + str(m["Cc"] or ""))
    print("attachment: %s %s %s" % (att.get_filename(), att.get_content_type(),
                                   "same bytes" if att.get_content() == pdf else "DIFFERENT"))
    for line in text.get_content().splitlines():
        print("body: " + line)


if __name__ == "__main__":
    main()
