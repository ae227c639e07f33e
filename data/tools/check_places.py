#!/usr/bin/env python3
"""Check data/countries.tsv and data/world_cities.tsv.

Both files are written by hand.  This script checks their format and their
consistency, and can compare them with Unicode CLDR's Chinese names.

Checks (an error makes the exit status 1):
  - UTF-8, Unix newlines, comment lines only at the top, TAB-separated
    columns: countries.tsv `name, canonical, kind`, world_cities.tsv
    `name, country`;
  - kind is `country` or `region`; every canonical name has a row of its
    own with the same kind; no name occurs twice;
  - the country of a city is a canonical `country` name of countries.tsv;
  - no city is also a country or region name;
  - with --divisions, no name is also a name or short form of
    divisions.tsv (those are Chinese places).

Comparison with CLDR (printed for review, never an error):
  --cldr-territories main/zh/territories.json (npm cldr-localenames-full):
      CLDR territory names that countries.tsv lacks, and canonical country
      names that CLDR lacks;
  --cldr-zones main/zh/timeZoneNames.json (npm cldr-dates-full):
      cities of world_cities.tsv that are not CLDR exemplar cities, and
      exemplar cities that world_cities.tsv lacks.

Usage:
    python3 data/tools/check_places.py data [--divisions]
        [--cldr-territories FILE] [--cldr-zones FILE]
"""
import json
import os
import sys

KINDS = ("country", "region")


def read_rows(path, ncols, errors):
    raw = open(path, "rb").read()
    if b"\r" in raw:
        errors.append(f"{path}: carriage return found")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        errors.append(f"{path}: not UTF-8 ({e})")
        return []
    if not text.endswith("\n"):
        errors.append(f"{path}: no newline at the end")
    rows = []
    in_header = True
    for i, line in enumerate(text.split("\n")[:-1], 1):
        if line.startswith("#"):
            if not in_header:
                errors.append(f"{path}:{i}: comment after the data")
            continue
        in_header = False
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != ncols or any(not c or c != c.strip() for c in cols):
            errors.append(f"{path}:{i}: expected {ncols} non-empty columns: {line!r}")
            continue
        rows.append((i, cols))
    return rows


def main(argv):
    args = list(argv)
    opts = {}
    for flag in ("--cldr-territories", "--cldr-zones"):
        if flag in args:
            k = args.index(flag)
            opts[flag] = args[k + 1]
            del args[k:k + 2]
    use_div = "--divisions" in args
    if use_div:
        args.remove("--divisions")
    if len(args) != 1:
        sys.exit(__doc__)
    data = args[0]
    errors = []
    cpath = os.path.join(data, "countries.tsv")
    wpath = os.path.join(data, "world_cities.tsv")

    kind_of, canon_of = {}, {}
    crow = read_rows(cpath, 3, errors)
    for i, (name, canon, kind) in crow:
        if kind not in KINDS:
            errors.append(f"{cpath}:{i}: unknown kind {kind!r}")
        if name in kind_of:
            errors.append(f"{cpath}:{i}: {name} occurs twice")
        kind_of[name] = kind
        canon_of[name] = canon
    for name, canon in canon_of.items():
        if canon_of.get(canon) != canon:
            errors.append(f"{cpath}: canonical {canon} (of {name}) has no row of its own")
        elif kind_of[canon] != kind_of[name]:
            errors.append(f"{cpath}: {name} and its canonical {canon} differ in kind")
    countries = {c for c, k in kind_of.items() if k == "country" and canon_of[c] == c}

    cities = {}
    for i, (name, country) in read_rows(wpath, 2, errors):
        if name in cities:
            errors.append(f"{wpath}:{i}: {name} occurs twice")
        if country not in countries:
            errors.append(f"{wpath}:{i}: {country} is not a canonical country of countries.tsv")
        if name in kind_of:
            errors.append(f"{wpath}:{i}: {name} is also in countries.tsv")
        cities[name] = country

    if use_div:
        div = set()
        for line in open(os.path.join(data, "divisions.tsv"), encoding="utf-8"):
            if not line.startswith("#") and line.strip():
                div.update(line.split("\t")[1:3])
        for name in list(kind_of) + list(cities):
            if name in div:
                errors.append(f"{name} is also a name in divisions.tsv")

    ncountry = len(countries)
    nregion = sum(1 for c, k in kind_of.items() if k == "region" and canon_of[c] == c)
    print(f"countries.tsv: {len(crow)} rows, {ncountry} countries, {nregion} regions")
    print(f"world_cities.tsv: {len(cities)} rows, {len(set(cities.values()))} countries")

    if "--cldr-territories" in opts:
        t = json.load(open(opts["--cldr-territories"], encoding="utf-8"))
        t = t["main"]["zh"]["localeDisplayNames"]["territories"]
        cldr = set(t.values())
        print("CLDR territory names not in countries.tsv:")
        print("  " + " ".join(f"{k}={v}" for k, v in sorted(t.items())
                             if v not in kind_of))
        print("canonical countries that are not CLDR names:")
        print("  " + " ".join(sorted(c for c in countries if c not in cldr)))

    if "--cldr-zones" in opts:
        z = json.load(open(opts["--cldr-zones"], encoding="utf-8"))
        z = z["main"]["zh"]["dates"]["timeZoneNames"]["zone"]
        exemplar = {}

        def walk(node, path):
            for k, v in node.items():
                if isinstance(v, dict):
                    if "exemplarCity" in v:
                        exemplar[v["exemplarCity"]] = "/".join(path + [k])
                    walk(v, path + [k])
        walk(z, [])
        print("cities not among CLDR exemplar cities:")
        print("  " + " ".join(c for c in cities if c not in exemplar))
        print("CLDR exemplar cities not in world_cities.tsv or countries.tsv:")
        print("  " + " ".join(f"{k.split('/')[-1]}={v}" for v, k in sorted(
            exemplar.items(), key=lambda x: x[1])
            if v not in cities and v not in kind_of))

    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
