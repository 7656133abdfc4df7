#!/usr/bin/env python3
"""Cut the Europe map out of Natural Earth's 1:50m admin-0 countries.

    python3 data/geo/make-europe.py ../shared/data/geo/countries-50m.geojson \
        > data/geo/europe-50m.geojson

Keeps the features that reach into the map window (Lambert azimuthal
equal-area, 10E 52N; the same window as charts/map.c), clips their rings
to a longitude/latitude box that contains the whole window, drops the
polygons that then lie outside the window (French Guiana, Reunion, the
Canaries, Svalbard), draws Crimea with Ukraine, and marks each feature's
role:

  focus    the countries a European briefing is about: drawn as "no data"
           when the chart has no value for them;
  context  neighbours drawn in a neutral grey unless the chart has a value.

See data/geo/README.md. The output is deterministic: same input, same bytes.
"""
import json
import math
import sys

# EU 27, EEA (IS, LI, NO), UK, Switzerland, the microstates, the Western
# Balkans, Ukraine, Moldova, Belarus and Turkey.
FOCUS = set("""
AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE
IS LI NO GB CH AD MC SM VA AL BA ME MK RS XK UA MD BY TR
""".split())

# Must match MAP_X0.. in charts/map.c (metres, spherical LAEA, R = 6371007).
X0, X1, Y0, Y1 = -1.90e6, 3.00e6, -1.85e6, 2.28e6
# A lon/lat box that contains the whole window (checked below).
LON0, LON1, LAT0, LAT1 = -40.0, 76.0, 28.0, 75.0

R = 6371007.0
L0 = math.radians(10.0)
P1 = math.radians(52.0)


def project(lon, lat):
    lam, phi = math.radians(lon), math.radians(lat)
    k = math.sqrt(2 / (1 + math.sin(P1) * math.sin(phi)
                       + math.cos(P1) * math.cos(phi) * math.cos(lam - L0)))
    return (R * k * math.cos(phi) * math.sin(lam - L0),
            R * k * (math.cos(P1) * math.sin(phi)
                     - math.sin(P1) * math.cos(phi) * math.cos(lam - L0)))


def unproject(x, y):
    rho = math.hypot(x, y)
    c = 2 * math.asin(rho / (2 * R))
    lat = math.asin(math.cos(c) * math.sin(P1) + y * math.sin(c) * math.cos(P1) / rho)
    lon = L0 + math.atan2(x * math.sin(c),
                          rho * math.cos(P1) * math.cos(c) - y * math.sin(P1) * math.sin(c))
    return math.degrees(lon), math.degrees(lat)


def check_box():
    for i in range(201):
        t = i / 200
        for x, y in ((X0 + (X1 - X0) * t, Y0), (X0 + (X1 - X0) * t, Y1),
                     (X0, Y0 + (Y1 - Y0) * t), (X1, Y0 + (Y1 - Y0) * t)):
            lon, lat = unproject(x, y)
            assert LON0 < lon < LON1 and LAT0 < lat < LAT1, (x, y, lon, lat)


def clip(ring, inside, cross):
    """One Sutherland-Hodgman pass against one edge of the box."""
    out = []
    for i, cur in enumerate(ring):
        prev = ring[i - 1]
        if inside(cur):
            if not inside(prev):
                out.append(cross(prev, cur))
            out.append(cur)
        elif inside(prev):
            out.append(cross(prev, cur))
    return out


def at_lon(a, b, lon):
    t = (lon - a[0]) / (b[0] - a[0])
    return [lon, a[1] + t * (b[1] - a[1])]


def at_lat(a, b, lat):
    t = (lat - a[1]) / (b[1] - a[1])
    return [a[0] + t * (b[0] - a[0]), lat]


def clip_ring(ring):
    ring = ring[:-1]		# open; closed again below
    ring = clip(ring, lambda p: p[0] >= LON0, lambda a, b: at_lon(a, b, LON0))
    ring = clip(ring, lambda p: p[0] <= LON1, lambda a, b: at_lon(a, b, LON1))
    ring = clip(ring, lambda p: p[1] >= LAT0, lambda a, b: at_lat(a, b, LAT0))
    ring = clip(ring, lambda p: p[1] <= LAT1, lambda a, b: at_lat(a, b, LAT1))
    ring = [[round(p[0], 3), round(p[1], 3)] for p in ring]
    dedup = []
    for p in ring:
        if not dedup or dedup[-1] != p:
            dedup.append(p)
    while len(dedup) > 1 and dedup[0] == dedup[-1]:
        dedup.pop()
    if len(dedup) < 3:
        return None
    return dedup + [dedup[0]]


def in_window(ring):
    xs, ys = zip(*(project(lon, lat) for lon, lat in ring))
    return max(xs) >= X0 and min(xs) <= X1 and max(ys) >= Y0 and min(ys) <= Y1


# Natural Earth's default point of view draws Crimea as part of Russia. The
# EU, and UN General Assembly resolution 68/262, hold it to be Ukraine's: a
# European briefing draws it with Ukraine.
CRIMEA = (32.0, 37.0, 44.0, 46.5)


def is_crimea(poly):
    lons = [p[0] for p in poly[0]]
    lats = [p[1] for p in poly[0]]
    return (CRIMEA[0] <= min(lons) and max(lons) <= CRIMEA[1]
            and CRIMEA[2] <= min(lats) and max(lats) <= CRIMEA[3])


def main():
    check_box()
    src = json.load(open(sys.argv[1], encoding="utf-8"))
    crimea = [poly for f in src["features"] if f["properties"]["ISO_A2"] == "RU"
              for poly in f["geometry"]["coordinates"] if is_crimea(poly)]
    assert len(crimea) == 1, len(crimea)
    out = []
    for f in src["features"]:
        g = f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        code = f["properties"]["ISO_A2"]
        if code == "RU":
            polys = [poly for poly in polys if not is_crimea(poly)]
        elif code == "UA":
            polys = polys + crimea
        kept = []
        for poly in polys:
            outer = clip_ring(poly[0])
            if outer is None or not in_window(outer):
                continue
            holes = [h for h in (clip_ring(r) for r in poly[1:]) if h is not None]
            kept.append([outer] + holes)
        if not kept:
            continue
        p = f["properties"]
        props = {"ISO_A2": code, "NAME": p["NAME"],
                 "ROLE": "focus" if code in FOCUS else "context"}
        geom = ({"type": "Polygon", "coordinates": kept[0]} if len(kept) == 1
                else {"type": "MultiPolygon", "coordinates": kept})
        out.append({"type": "Feature", "properties": props, "geometry": geom})
    missing = FOCUS - {f["properties"]["ISO_A2"] for f in out}
    assert not missing, missing
    sys.stdout.write('{"type":"FeatureCollection","features":[\n')
    sys.stdout.write(",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":"))
                                for f in out))
    sys.stdout.write("\n]}\n")


main()
