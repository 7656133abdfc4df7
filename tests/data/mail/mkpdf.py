#!/usr/bin/python3
"""Writes a small, valid PDF for the mail tests.

    mkpdf.py OUT.pdf [--title T] [--keywords K] [--subject S] [--author A]
                     [--size BYTES]

The document information dictionary holds the Title, Subject, Keywords and
Author given (as literal strings, the way libharu writes them without an
encoder); a content stream of random bytes pads the file to about BYTES,
so that the attachment is binary and its base64 spans many lines.
"""
import argparse
import os


def literal(text):
    b = text.encode("utf-8")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--title")
    ap.add_argument("--subject")
    ap.add_argument("--keywords")
    ap.add_argument("--author")
    ap.add_argument("--size", type=int, default=3000)
    a = ap.parse_args()
    info = b"<< /Producer (ibrief tests)"
    for key, value in (("Title", a.title), ("Subject", a.subject), ("Keywords", a.keywords),
                       ("Author", a.author)):
        if value is not None:
            info += b" /" + key.encode() + b" " + literal(value)
    info += b" >>"
    data = os.urandom(max(a.size - 600, 16))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [ 4 0 R ] /Count 1 >>",
        info,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595 842 ] /Contents 5 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        pdf += b"%010d 00000 n \n" % offset
    pdf += b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    with open(a.out, "wb") as f:
        f.write(pdf)


if __name__ == "__main__":
    main()
