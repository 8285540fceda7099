#!/usr/bin/env python3
"""Rebuild data/gazetteer/wikidata.tsv: Wikidata identifiers of countries (by ISO 3166
alpha-2 code), of the European Union and the United Nations, and of continents and world
regions, from the npm package @rapideditor/country-coder (ISC licence), file
src/data/borders.json. Standard library only; deterministic (rows sorted).

usage:
  npm pack @rapideditor/country-coder@5.6.1 && tar xzf rapideditor-country-coder-5.6.1.tgz
  python3 scripts/build_wikidata.py package/src/data/borders.json [OUT_DIR]
"""
import json
import os
import sys

GROUP_LEVELS = {"union", "unitedNations", "region", "subregion", "intermediateRegion"}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "data", "gazetteer")
    features = json.load(open(sys.argv[1], encoding="utf-8"))["features"]
    # "Kingdom of Denmark" (the realm, with Greenland and the Faroes) carries the ISO code;
    # news means the country, which country-coder lists as its own feature ("Denmark").
    by_name = {f["properties"].get("nameEn"): f["properties"].get("wikidata") for f in features}
    rows = set()
    for f in features:
        p = f["properties"]
        qid, name = p.get("wikidata"), p.get("nameEn")
        if not qid or not name:
            continue
        if p.get("level") in GROUP_LEVELS:
            rows.add(("name", name, qid, name))
        elif p.get("iso1A2"):
            for prefix in ("Kingdom of the ", "Kingdom of "):
                if name.startswith(prefix) and by_name.get(name[len(prefix):]):
                    name = name[len(prefix):]
                    qid = by_name[name]
                    break
            rows.add(("country", p["iso1A2"], qid, name))
    with open(os.path.join(out_dir, "wikidata.tsv"), "w", encoding="utf-8") as out:
        out.write("# kind\tkey (ISO 3166 alpha-2 code, or English name)\tWikidata id\tname in country-coder\n")
        for row in sorted(rows):
            out.write("\t".join(row) + "\n")
    print(f"wikidata: {len(rows)} rows -> {out_dir}/wikidata.tsv")


if __name__ == "__main__":
    main()
