#!/usr/bin/env python3
"""Writes every tracker page of the tests as a browser's "Save page as" would.

Each page of tests/data/page/*.txt and data/demo/pages/*.txt becomes one HTML
file here, NAME-N.html for the N-th page of NAME.txt, in one of three kinds
of save, in turn:

  complete   Chrome's "Webpage, Complete": a "saved from url" comment, the
             page's stylesheet and script in NAME-N_files/ beside it
  single     a single-file save (SingleFile): styles inline, the picture as
             a data: URL, scripts kept
  legacy     a windows-1252 page declaring its charset in a <meta>, with
             named entities for what windows-1252 lacks

Every kind carries the site's chrome the text form does not show: a menu,
navigation, a hidden tracking span, a cookie banner, a footer. The MANIFEST
lists "HTML TEXT N" for tests/unit/t_page_html.c, which checks that each
HTML page gives the incident (or the error) its text form gives.

Run from the top of the tree: python3 tests/data/page-html/make.py
"""
import glob
import html
import os
import re

OUT = "tests/data/page-html"
LABELS_PAGE = ("Menu", "Browse")
PARTS = ("Summary", "Description", "Sources")


def pages_of(path):
    """Cuts a text file into pages as store/page.c does."""
    with open(path, encoding="utf-8", newline=None) as f:
        lines = [l.rstrip("\n").strip() for l in f]
    pages, cur, body = [], [], False
    for line in lines:
        if not cur and not line:
            continue
        starts = line == "Menu" or (body and (line == "Browse" or
                 line.startswith("Cyber Incident Victim:") or line.startswith("Date:")))
        if cur and starts:
            pages.append(cur)
            cur, body = [], False
        if line in PARTS or line.startswith("CIA Posture") or line.startswith("Threat Actors"):
            body = True
        cur.append(line)
    if cur:
        pages.append(cur)
    return pages


def text(s, kind):
    s = html.escape(s, quote=False)
    if kind == "legacy":
        s = s.replace("\u2019", "&rsquo;").replace("\u201c", "&ldquo;").replace("\u201d", "&rdquo;")
        s = s.replace("\u2014", "&mdash;").replace("\u00e9", "&eacute;")
    elif kind == "single":
        s = "".join("&#%d;" % ord(c) if ord(c) > 0x2000 else c for c in s)
    return s


def cells(line, header):
    """Splits a line of the attribute block into three cells, plausibly."""
    if header:
        for titles in (("CIA Posture", "Motives", "Tactics, Techniques & Procedures"),
                       ("Threat Actors", "Type", "Location")):
            if line == " ".join(titles):
                return list(titles)
        return [line]
    item = r"(Available to members|\d+ \w+|.+?)"
    m = re.fullmatch(item + " " + item + " " + r"(Available to members|\d+ \w+|.+)", line)
    return list(m.groups()) if m else [line]


def body_of(page, kind):
    out, para, part, in_table = [], [], None, False

    def flush():
        if para:
            out.append("<p>" + "\n".join(text(l, kind) for l in para) + "</p>")
            para.clear()

    def close_table():
        nonlocal in_table
        if in_table:
            out.append("</tbody></table>")
            in_table = False

    pending = False
    for line in page:
        if line in LABELS_PAGE:
            continue
        if not line:
            flush()
            continue
        if pending:
            if not (part is None and not line.endswith(":") and not line.startswith("Cyber Incident")
                    and line not in PARTS and not line.startswith("Location:")):
                out.append("</dl>")
            else:
                out.append("<dd>%s</dd></dl>" % text(line, kind))
                pending = False
                continue
            pending = False
        if line.startswith("Cyber Incident Victim:") and part is None:
            flush()
            out.append('<h1 class="victim">%s</h1>' % text(line, kind))
        elif (line.startswith("Date:") or line.startswith("Location:")) and part is None:
            flush()
            label, _, value = line.partition(":")
            if value.strip():
                out.append('<div class="field"><span class="label">%s:</span>&nbsp;<span>%s</span></div>'
                           % (label, text(value.strip(), kind)))
            else:
                out.append('<dl class="field"><dt>%s:</dt>' % label)
                pending = True
                continue
        elif line in PARTS:
            flush()
            close_table()
            part = line
            out.append("<h2>%s</h2>" % line)
        elif line.startswith("CIA Posture") or line.startswith("Threat Actors"):
            flush()
            if not in_table:
                out.append('<table class="attributes"><tbody>')
                in_table = True
            part = "block"
            out.append("<tr>" + "".join("<th>%s</th>" % text(c, kind) for c in cells(line, True)) + "</tr>")
        elif part == "block" and in_table:
            out.append("<tr>" + "".join("<td>%s</td>" % text(c, kind) for c in cells(line, False)) + "</tr>")
        elif line == "Cyber Incident Image":
            flush()
            src = "data:image/png;base64,iVBORw0KGgo=" if kind == "single" else "NAME_files/picture.jpg"
            out.append('<figure class="image"><img src="%s" alt="Cyber Incident Image"></figure>' % src)
        elif part == "Sources" and re.match(r"https?://", line):
            flush()
            out.append('<ul class="sources"><li><a href="%s">%s</a></li></ul>'
                       % (html.escape(line), text(line, kind)))
        elif part is None:
            flush()
            out.append("<div>%s</div>" % text(line, kind))
        elif part == "Sources":
            flush()
            out.append('<div class="sources-note">%s</div>' % text(line, kind))
        else:
            para.append(line)
    flush()
    close_table()
    return "\n".join(out)


CHROME_TOP = """<header class="site"><a class="logo" href="/"><img src="%(files)slogo.png" alt="Incident Tracker"></a>
<nav class="menu"><button class="toggle">Menu</button><ul><li><a href="/browse">Browse</a></li>
<li><a href="/about">About &amp; contact</a></li><li><a href="/login">Log in</a></li></ul></nav>
<div role="search"><form><input name="q" placeholder="Search incidents"></form></div></header>
<span style="display: none">tracking pixel 0x1f</span>
<main class="incident">
"""
CHROME_BOTTOM = """</main>
<div id="cookies" class="banner" role="dialog" aria-label="Cookie consent">We use cookies to keep you signed in. <button>Accept</button></div>
<aside aria-hidden="true">Share this page</aside>
<footer class="site">&copy; 2024 Incident Tracker &middot; <a href="/privacy">Privacy</a> &middot; <a href="/terms">Terms</a></footer>
<script>document.getElementById("cookies").addEventListener("click", function () { /* </p><p>Menu */ });</script>
"""


def page_html(page, kind, name, n):
    files = "%s-%d_files/" % (name, n)
    body = body_of(page, kind).replace("NAME_files/", files)
    top = CHROME_TOP % {"files": files if kind != "single" else "data:image/png;base64,"}
    if kind == "complete":
        head = ('<!-- saved from url=(0052)https://tracker.example.org/incidents/%s-%d -->\n'
                '<!DOCTYPE html>\n<html lang="en"><head><meta http-equiv="Content-Type" '
                'content="text/html; charset=UTF-8">\n<title>Incident Tracker</title>\n'
                '<link rel="stylesheet" href="%sstyle.css">\n<script src="%sapp.js"></script>\n'
                '</head>\n<body>\n' % (name, n, files, files))
    elif kind == "single":
        head = ('<!DOCTYPE html> <html lang="en"><!--\n Page saved with SingleFile \n url: '
                'https://tracker.example.org/incidents/%s-%d \n saved date: Mon Apr 15 2024\n-->'
                '<meta charset="utf-8"><title>Incident Tracker</title><style>body{margin:0}'
                '.banner{position:fixed}</style><noscript><p>Enable JavaScript</p></noscript>'
                '<template><p>Cyber Incident Victim: template</p></template>\n<body>\n' % (name, n))
    else:
        head = ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">\n<HTML><HEAD>\n'
                '<META http-equiv="Content-Type" content="text/html; charset=windows-1252">\n'
                '<TITLE>Incident Tracker</TITLE><STYLE type="text/css">p { margin: 0 }</STYLE>\n'
                '</HEAD><BODY>\n')
    return head + top + body + "\n" + CHROME_BOTTOM + "</body></html>\n"


def write(path, s, kind):
    with open(path, "wb") as f:
        if kind == "legacy":
            f.write(s.encode("cp1252", "xmlcharrefreplace"))
        else:
            f.write(s.encode("utf-8"))


def main():
    manifest, i = [], 0
    for src in sorted(glob.glob("tests/data/page/*.txt")) + sorted(glob.glob("data/demo/pages/*.txt")):
        name = os.path.splitext(os.path.basename(src))[0]
        sub = "demo" if src.startswith("data/") else "tests"
        os.makedirs(os.path.join(OUT, sub), exist_ok=True)
        for n, page in enumerate(pages_of(src), 1):
            kind = ("complete", "single", "legacy")[i % 3]
            i += 1
            path = os.path.join(OUT, sub, "%s-%d.html" % (name, n))
            write(path, page_html(page, kind, name, n), kind)
            if kind == "complete":
                files = os.path.join(OUT, sub, "%s-%d_files" % (name, n))
                os.makedirs(files, exist_ok=True)
                with open(os.path.join(files, "style.css"), "w") as f:
                    f.write("body { font-family: sans-serif }\n.menu { display: flex }\n")
                with open(os.path.join(files, "app.js"), "w") as f:
                    f.write('document.title = "<p>Summary</p>";\n')
            manifest.append("%s %s %d" % (path, src, n))
    with open(os.path.join(OUT, "MANIFEST"), "w") as f:
        f.write("\n".join(manifest) + "\n")


main()
