#!/usr/bin/env python3
"""Make the world map from Natural Earth's 1:110m admin-0 countries.

    python3 data/geo/make-world.py ../shared/data/geo/countries-110m.geojson \
        > data/geo/world-110m.geojson

Keeps every country but Antarctica (no incident is reported from it, and
on an equal-area map it would take a sixth of the picture), keeps the
properties ISO_A2 and NAME, and marks each feature's role: `focus` for a
country with an ISO code (drawn as "no data" when the chart has no value
for it), `context` for the two without one (N. Cyprus, Somaliland).
Crimea is drawn with Ukraine, as on the Europe map (see README.md).
Coordinates are rounded to 2 decimals, which at this scale (1:110m) moves
no point by more than a pixel of a printed map. The output is
deterministic: same input, same bytes.
"""
import json
import sys

# Crimea: the part of Russia's 1:110m outline south of the Perekop isthmus
# (about 46.2N; the box reaches 46.3N) and west of the Kerch strait (about 36.6E).
CRIMEA = (32.4, 44.3, 36.7, 46.3)


def rnd(ring):
    out = []
    for lon, lat in ring:
        p = [round(lon, 2), round(lat, 2)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def inside(ring, box):
    return all(box[0] <= lon <= box[2] and box[1] <= lat <= box[3] for lon, lat in ring)


def polygons(geom):
    return geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]


def main():
    src = json.load(open(sys.argv[1], encoding="utf-8"))
    feats = []
    crimea = []
    for f in src["features"]:
        p = f["properties"]
        if p.get("ISO_A2") == "AQ":
            continue
        polys = polygons(f["geometry"])
        if p.get("ISO_A2") == "RU":
            crimea = [q for q in polys if inside(q[0], CRIMEA)]
            polys = [q for q in polys if not inside(q[0], CRIMEA)]
        feats.append((p, polys))
    for p, polys in feats:
        if p.get("ISO_A2") == "UA":
            polys.extend(crimea)
    sys.stdout.write('{"type":"FeatureCollection","features":[\n')
    for i, (p, polys) in enumerate(feats):
        polys = [[rnd(r) for r in q] for q in polys]
        out = {"type": "Feature",
               "properties": {"ISO_A2": p.get("ISO_A2"), "NAME": p.get("NAME"),
                              "ROLE": "focus" if p.get("ISO_A2") else "context"},
               "geometry": {"type": "MultiPolygon", "coordinates": polys}}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, separators=(",", ":")))
        sys.stdout.write(",\n" if i + 1 < len(feats) else "\n")
    sys.stdout.write("]}\n")
    if not crimea:
        sys.stderr.write("note: Crimea is not a separate polygon of Russia at this scale\n")


if __name__ == "__main__":
    main()
