#!/usr/bin/env python3
"""The yardstick for make bench: what an analyst would write with json,
sqlite3, matplotlib and reportlab to do ibrief's work, run on the same data
so that ibrief's speed is measured against it.

    pyref.py import DB FILE.jsonl[.gz]   VERIS records into a fresh store
    pyref.py report DB YYYY-MM OUT.pdf    the month's counts, charts and PDF
    pyref.py query DB YYYY-MM             the month's incidents by country, CSV

The store has ibrief's tables and indexes (store/schema.c): one incident
row, one row per country, sector, CIA attribute, motive, technique, actor
and source, the same mapping of VERIS fields as store/veris_map.c in its
main lines. The briefing runs the monthly template's queries, draws its
charts at 300 dpi (a key-figure panel, a map of Europe, a donut, bars, a
distribution, a timeline) and lays them out with the tables and notable
incidents. It is a fair script, not a port: no validation, no messages.
"""
import calendar
import gzip
import hashlib
import io
import json
import os
import sqlite3
import sys

SCHEMA = """
CREATE TABLE incident (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,
  digest INTEGER NOT NULL, victim TEXT, year INTEGER, month INTEGER, day INTEGER,
  date_precision TEXT, date_start TEXT, date_end TEXT, public_sector INTEGER,
  public_kind TEXT, type TEXT, summary TEXT, description TEXT, affected INTEGER,
  contain_hours REAL, contain_approximate INTEGER NOT NULL DEFAULT 0,
  recover_hours REAL, discovery_hours REAL, motive_count INTEGER,
  technique_count INTEGER, actor_count INTEGER, source_count INTEGER,
  format TEXT NOT NULL, file TEXT NOT NULL, line INTEGER, record INTEGER,
  imported_at TEXT NOT NULL);
CREATE INDEX incident_by_period ON incident(date_start, date_end, public_sector,
  type, public_kind, contain_hours, affected, technique_count, motive_count, actor_count);
"""
LISTS = [("incident_country", "country"), ("incident_sector", "sector"),
         ("incident_cia", "attribute"), ("incident_motive", "motive"),
         ("incident_technique", "technique"), ("incident_actor", "actor"),
         ("incident_source", "url")]
for _t, _c in LISTS:
    SCHEMA += (f"CREATE TABLE {_t} (incident_id INTEGER NOT NULL REFERENCES incident(id)"
               f" ON DELETE CASCADE, pos INTEGER NOT NULL, {_c} TEXT NOT NULL,"
               f" PRIMARY KEY (incident_id, pos)) WITHOUT ROWID;\n")
SCHEMA += "CREATE INDEX incident_country_by_country ON incident_country(country, incident_id);\n"

HOURS = {"Seconds": 1 / 3600, "Minutes": 1 / 60, "Hours": 1, "Days": 24, "Weeks": 168,
         "Months": 730, "Years": 8760}
TYPES = [("malware", "Ransomware", "ransomware"), ("hacking", "DoS", "denial of service"),
         ("malware", "DoS", "denial of service"), ("social", "Phishing", "phishing"),
         ("hacking", None, "intrusion"), ("malware", None, "malware"),
         ("misuse", None, "insider misuse"), ("physical", "Theft", "theft or loss"),
         ("error", "Loss", "theft or loss"), ("error", None, "error"),
         ("environmental", None, "environmental"), ("physical", None, "other"),
         ("social", None, "other")]


def hours(t):
    if isinstance(t, dict) and isinstance(t.get("value"), (int, float)) and t.get("unit") in HOURS:
        return t["value"] * HOURS[t["unit"]]
    return None


def as_list(x):
    if x is None:
        return []
    return x if isinstance(x, list) else [x]


def map_record(rec, path, lineno, now):
    plus = rec.get("plus", {})
    key = "veris:" + (plus.get("master_id") or rec["incident_id"])
    victim = rec.get("victim", {})
    when = rec.get("timeline", {}).get("incident", {})
    y, m, d = when.get("year"), when.get("month"), when.get("day")
    if m and d:
        try:
            calendar.monthrange(y, m)
            if d > calendar.monthrange(y, m)[1]:
                d = None
        except Exception:
            m = d = None
    elif not m:
        d = None
    prec = "day" if d else "month" if m else "year"
    start = "%04d-%02d-%02d" % (y, m or 1, d or 1)
    end = "%04d-%02d-%02d" % (y, m or 12, d or calendar.monthrange(y, m or 12)[1])
    countries = [c.upper() for c in as_list(victim.get("country")) if c != "Unknown"]
    sectors = [s for s in as_list(victim.get("industry")) if s not in ("", "000")]
    public = 1 if any(s.startswith("92") for s in sectors) else 0 if sectors else None
    action = rec.get("action", {})
    typ = None
    for cat, variety, name in TYPES:
        a = action.get(cat)
        if a is not None and (variety is None or variety in a.get("variety", [])):
            typ = name
            break
    techniques = [f"{cat.capitalize()}: {v}" for cat, a in action.items()
                  for v in a.get("variety", []) if v != "Unknown"]
    actors, motives = [], []
    for kind, a in rec.get("actor", {}).items():
        vs = [v for v in a.get("variety", []) if v != "Unknown"]
        actors += [f"{kind.capitalize()}: {v}" for v in vs] or [kind.capitalize()]
        motives += [mo for mo in a.get("motive", []) if mo not in ("NA", "Unknown")]
    attr = rec.get("attribute", {})
    cia = [k for k in ("confidentiality", "integrity", "availability") if k in attr]
    affected = attr.get("confidentiality", {}).get("data_total")
    ref = rec.get("reference")
    sources = [w.strip(",;") for w in (ref or "").replace(";", " ").split()
               if w.startswith(("http://", "https://"))]
    tl = rec.get("timeline", {})
    row = (key, None, (victim.get("victim_id") or "").strip() or None, y, m, d, prec, start, end,
           public, "government agency" if public else None, typ,
           (rec.get("summary") or "").strip() or None, None, affected,
           hours(tl.get("containment")), hours(attr.get("availability", {}).get("duration")),
           hours(tl.get("discovery")), len(motives), len(techniques), len(actors),
           len(sources) if ref is not None else None, "veris", path, lineno, lineno, now)
    lists = (countries, sectors, cia, motives, techniques, actors, sources)
    digest = int.from_bytes(hashlib.blake2b(repr((row[2:22], lists)).encode(), digest_size=8)
                            .digest(), "little", signed=True)
    return (row[0], digest) + row[2:], lists


def do_import(db, path):
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("PRAGMA foreign_keys = ON")
    con.executescript(SCHEMA)
    opener = gzip.open if path.endswith(".gz") else open
    now = "2024-06-01T00:00:00Z"
    insert = ("INSERT INTO incident (key, digest, victim, year, month, day, date_precision,"
              " date_start, date_end, public_sector, public_kind, type, summary, description,"
              " affected, contain_hours, recover_hours, discovery_hours, motive_count,"
              " technique_count, actor_count, source_count, format, file, line, record,"
              " imported_at) VALUES (" + ",".join("?" * 27) + ")")
    new = unchanged = 0
    with con, opener(path, "rt", encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            row, lists = map_record(json.loads(line), path, lineno, now)
            old = con.execute("SELECT digest FROM incident WHERE key = ?", (row[0],)).fetchone()
            if old and old[0] == row[1]:
                unchanged += 1
                continue
            if old:
                con.execute("DELETE FROM incident WHERE key = ?", (row[0],))
            cur = con.execute(insert, row)
            new += 1
            for (table, col), values in zip(LISTS, lists):
                con.executemany(f"INSERT INTO {table} (incident_id, pos, {col}) VALUES (?, ?, ?)",
                                [(cur.lastrowid, i, v) for i, v in enumerate(values)])
    con.close()
    print(f"imported {new} new, {unchanged} unchanged")


IN_MONTH = " FROM incident i WHERE i.date_start >= :from AND i.date_end <= :to"


BY_COUNTRY = ("SELECT c.country, count(DISTINCT i.id) FROM incident i JOIN incident_country c"
              " ON c.incident_id = i.id WHERE i.date_start >= :from AND i.date_end <= :to"
              " GROUP BY c.country ORDER BY 2 DESC")


def month_bounds(month):
    y, m = map(int, month.split("-"))
    return {"from": f"{month}-01", "to": f"{month}-{calendar.monthrange(y, m)[1]:02d}"}


def queries(con, month):
    y, m = map(int, month.split("-"))
    p = month_bounds(month)
    py, pm = (y, m - 1) if m > 1 else (y - 1, 12)
    prev = {"from": f"{py:04d}-{pm:02d}-01", "to": f"{py:04d}-{pm:02d}-{calendar.monthrange(py, pm)[1]:02d}"}
    q = lambda sql, a=p: con.execute(sql, a).fetchall()
    r = {}
    r["overview"] = (q("SELECT count(*)" + IN_MONTH)[0][0], q("SELECT count(*)" + IN_MONTH, prev)[0][0])
    r["by-country"] = q(BY_COUNTRY)
    r["public-sector"] = q("SELECT coalesce(i.public_sector, 0), count(*)" + IN_MONTH + " GROUP BY 1")
    r["public-kinds"] = q("SELECT i.public_kind, count(*)" + IN_MONTH +
                          " AND i.public_sector = 1 GROUP BY 1 ORDER BY 2 DESC")
    r["by-sector"] = q("SELECT s.sector, count(DISTINCT i.id) FROM incident i JOIN incident_sector s"
                       " ON s.incident_id = i.id WHERE i.date_start >= :from AND i.date_end <= :to"
                       " GROUP BY 1 ORDER BY 2 DESC LIMIT 12")
    r["by-type"] = q("SELECT coalesce(i.type, 'unknown'), count(*)" + IN_MONTH + " GROUP BY 1 ORDER BY 2 DESC")
    r["techniques"] = q("SELECT t.technique, count(*) FROM incident i JOIN incident_technique t"
                        " ON t.incident_id = i.id WHERE i.date_start >= :from AND i.date_end <= :to"
                        " GROUP BY 1 ORDER BY 2 DESC LIMIT 8")
    r["response-time"] = sorted(h for (h,) in q("SELECT i.contain_hours" + IN_MONTH +
                                                 " AND i.contain_hours IS NOT NULL"))
    r["by-month"] = []
    for k in range(12):
        yy, mm = divmod(y * 12 + m - 1 - 11 + k, 12)
        a = {"from": f"{yy:04d}-{mm + 1:02d}-01",
             "to": f"{yy:04d}-{mm + 1:02d}-{calendar.monthrange(yy, mm + 1)[1]:02d}"}
        r["by-month"].append((f"{yy:04d}-{mm + 1:02d}", q("SELECT count(*)" + IN_MONTH, a)[0][0]))
    r["notable"] = q("SELECT i.victim, i.date_start, i.type, coalesce(i.affected, 0), i.summary,"
                     " (SELECT group_concat(url, ' ') FROM incident_source s WHERE s.incident_id = i.id)"
                     + IN_MONTH + " ORDER BY (i.public_sector = 1) DESC, i.affected DESC NULLS LAST"
                     " LIMIT 8")
    return r


def charts(r, geo):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Polygon

    mm = 1 / 25.4
    out = []

    def save(fig, w, h):
        b = io.BytesIO()
        fig.savefig(b, format="png", dpi=300)
        plt.close(fig)
        out.append((b.getvalue(), w, h))

    fig = plt.figure(figsize=(170 * mm, 50 * mm))
    n, prev = r["overview"]
    for i, (label, v) in enumerate((("incidents", n), ("previous month", prev),
                                     ("countries", len(r["by-country"])))):
        fig.text(0.15 + 0.33 * i, 0.55, str(v), fontsize=28, ha="center")
        fig.text(0.15 + 0.33 * i, 0.3, label, fontsize=10, ha="center")
    save(fig, 170, 50)

    counts = dict(r["by-country"])
    top = max(counts.values(), default=1)
    fig, ax = plt.subplots(figsize=(170 * mm, 125 * mm))
    for feat in geo["features"]:
        props = feat["properties"]
        cc = props.get("ISO_A2") or props.get("iso_a2") or props.get("ISO_A2_EH")
        g = feat["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        shade = plt.cm.Blues(0.15 + 0.85 * counts.get(cc, 0) / top)
        for poly in polys:
            ax.add_patch(Polygon(poly[0], closed=True, facecolor=shade, edgecolor="white", lw=0.3))
    ax.set_xlim(-25, 45)
    ax.set_ylim(34, 72)
    ax.set_axis_off()
    save(fig, 170, 125)

    fig, ax = plt.subplots(figsize=(170 * mm, 62 * mm))
    ps = dict(r["public-sector"])
    ax.pie([ps.get(1, 0), ps.get(0, 0)] if ps else [1], labels=["public", "other"][:len(ps) or 1],
           wedgeprops={"width": 0.35})
    save(fig, 170, 62)

    for key, h in (("public-kinds", 70), ("by-type", 80)):
        fig, ax = plt.subplots(figsize=(170 * mm, h * mm))
        rows = r[key] or [("none", 0)]
        ax.barh([str(k) for k, _ in rows][::-1], [v for _, v in rows][::-1])
        fig.tight_layout()
        save(fig, 170, h)

    fig, ax = plt.subplots(figsize=(170 * mm, 70 * mm))
    ax.hist(r["response-time"] or [0], bins=[0, 1, 4, 24, 72, 168, 720, 8760])
    ax.set_xscale("log")
    save(fig, 170, 70)

    fig, ax = plt.subplots(figsize=(170 * mm, 75 * mm))
    ax.plot([k for k, _ in r["by-month"]], [v for _, v in r["by-month"]], marker="o")
    ax.tick_params(axis="x", labelrotation=45)
    fig.tight_layout()
    save(fig, 170, 75)
    return out


def do_report(db, month, pdf, geo_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table

    con = sqlite3.connect(db)
    r = queries(con, month)
    con.close()
    with open(geo_path) as f:
        geo = json.load(f)
    images = charts(r, geo)
    st = getSampleStyleSheet()
    n, prev = r["overview"]
    story = [Paragraph(f"Cyber incidents in Europe - {month}", st["Title"]),
             Paragraph(f"{n} incidents, against {prev} the month before.", st["Normal"])]
    tables = {1: [("Country", "Incidents")] + r["by-country"][:10],
              3: [("Sector", "Incidents")] + r["by-sector"],
              4: [("Technique", "Incidents")] + r["techniques"]}
    for i, (png, w, h) in enumerate(images):
        story += [Image(io.BytesIO(png), width=w * mm, height=h * mm), Spacer(1, 4 * mm)]
        if i in tables:
            story += [Table([list(map(str, row)) for row in tables[i]]), Spacer(1, 4 * mm)]
    for victim, date, typ, affected, summary, urls in r["notable"]:
        story.append(Paragraph(f"<b>{victim}</b> ({date}, {typ}, {affected} affected)", st["Normal"]))
        text = (summary or "").replace("&", "&amp;").replace("<", "&lt;")
        story += [Paragraph(text, st["Normal"]), Paragraph(urls or "", st["Normal"])]
    SimpleDocTemplate(pdf, pagesize=A4).build(story)


def main(argv):
    if len(argv) == 4 and argv[1] == "import":
        if os.path.exists(argv[2]):
            os.unlink(argv[2])
        do_import(argv[2], argv[3])
    elif len(argv) == 5 and argv[1] == "report":
        here = os.path.dirname(os.path.abspath(__file__))
        do_report(argv[2], argv[3], argv[4], os.path.join(here, "..", "data", "geo", "europe-50m.geojson"))
    elif len(argv) == 4 and argv[1] == "query":
        con = sqlite3.connect(argv[2])
        print("country,incidents")
        for country, n in con.execute(BY_COUNTRY, month_bounds(argv[3])):
            print(f"{country},{n}")
    else:
        sys.exit("usage: pyref.py import DB FILE | pyref.py report DB YYYY-MM OUT.pdf"
                 " | pyref.py query DB YYYY-MM")


if __name__ == "__main__":
    main(sys.argv)
