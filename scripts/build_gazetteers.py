#!/usr/bin/env python3
"""Rebuild data/gazetteer/*.tsv from ../shared/datasets (standard library only).

usage: python3 scripts/build_gazetteers.py [DATASETS_DIR] [OUT_DIR]

Sources (licences in data/gazetteer/README.md):
  countries_and_leaders/world_countries_mledoze.json   names, official names, demonyms, capitals
  countries_and_leaders/countryinfo_schrodt_120116.parsed.json  dotted abbreviations, acronyms, capital spellings
  countries_and_leaders/geonames_cities15000.tsv       cities with population >= 15,000
  petrarch_phoenix_dictionaries/Phoenix.Countries.actors.txt  former states (Soviet Union, ...), national actors
  petrarch_phoenix_dictionaries/Phoenix.International.actors.txt  international organisations and figures
  petrarch_phoenix_dictionaries/Phoenix.MilNonState.actors.txt    militant and non-state groups
  conll2003/eng.train                                   common lower-case English words
The output is deterministic: rows sorted, fields joined with '|'.
"""
import json
import os
import re
import sys
import unicodedata

DATASETS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "datasets")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "data", "gazetteer")
CITY_MIN_POPULATION = 15_000


def latin(s):
    """True when every letter of s is Latin script (so the alias can occur in English text)."""
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def title_case(s):
    """SCHRODT-STYLE UPPER CASE to Title Case, keeping short function words lower."""
    small = {"of", "and", "the", "de", "da", "du", "la", "le"}
    words = s.lower().split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


GENERIC_NAME_WORDS = {"united", "republic", "islands", "island", "kingdom", "states", "state", "democratic",
                      "federal", "people", "peoples", "socialist", "islamic", "northern", "southern", "north", "south"}


def is_initials(acronym, official):
    """USA for United States of America, UK for United Kingdom (function words skipped)."""
    words = [w for w in re.findall(r"[A-Za-z]+", official) if w.lower() not in ("of", "and", "the")]
    initials = "".join(w[0].upper() for w in words)
    return len(acronym) >= 2 and initials.startswith(acronym)


def part_of_name(synonym, official):
    """A short form that is a run of whole words of the official name (Britain, America, United States)."""
    syn = synonym.lower()
    if len(syn) < 4 or syn in GENERIC_NAME_WORDS or not re.fullmatch(r"[a-z ]+", syn):
        return False
    return re.search(r"\b" + re.escape(syn) + r"\b", official.lower()) is not None and syn != official.lower()


def clean(values):
    out = []
    for v in values:
        v = v.strip()
        if v and "|" not in v and "\t" not in v and v not in out:
            out.append(v)
    return out


def countries():
    world = json.load(open(os.path.join(DATASETS, "countries_and_leaders", "world_countries_mledoze.json"), encoding="utf-8"))
    schrodt = json.load(open(os.path.join(DATASETS, "countries_and_leaders", "countryinfo_schrodt_120116.parsed.json"), encoding="utf-8"))
    by_iso2 = {r["iso3166_alpha2"]: r for r in schrodt if r.get("iso3166_alpha2")}
    rows = []
    iso3 = set()
    for c in world:
        code = c["cca2"]
        iso3.add(c["cca3"])
        name = c["name"]["common"]
        official = c["name"]["official"]
        aliases = [official] if official != name else []
        for alt in c.get("altSpellings", []):
            # Two-letter ISO codes ("IN", "IT", "NO") are English words in headlines: leave them out.
            if alt == code or "," in alt or not latin(alt) or len(alt) < 2:
                continue
            aliases.append(alt)
        s = by_iso2.get(code)
        capitals = list(c.get("capital", []))
        if s:
            schrodt_name = title_case(s["name"])
            if schrodt_name != name and schrodt_name != official and "(" not in schrodt_name:
                aliases.append(schrodt_name)
            for syn in s.get("nationality_and_synonyms", []):
                # Only unambiguous abbreviations: dotted forms (U.S., U.K.) and 2-4 letter acronyms.
                if re.fullmatch(r"(?:[A-Z]\.){2,4}", syn) or (re.fullmatch(r"[A-Z]{2,4}", syn) and is_initials(syn, official)):
                    aliases.append(syn)
                elif part_of_name(syn, official) and not is_initials(syn, official):
                    aliases.append(title_case(syn))
            for cap in s.get("capital", []):
                capitals.append(title_case(re.sub(r"\s+D\.?C\.?$", "", cap)))
        capitals = [re.sub(r"\s+D\.?C\.?$", "", x) for x in capitals]
        demonyms = []
        eng = (c.get("demonyms") or {}).get("eng") or {}
        for k in ("m", "f"):
            if eng.get(k):
                demonyms.append(eng[k])
        rows.append((code, name, clean(aliases), clean(demonyms), clean(capitals)))
    # A demonym an independent state shares with a territory ("American": the United States
    # and the Northern Mariana Islands; "French", "Dutch", "Indian", "Norwegian") is the state's.
    independent = {c["cca2"] for c in world if c.get("independent")}
    sovereign = {d for code, _, _, demonyms, _ in rows if code in independent for d in demonyms}
    rows = [(code, name, aliases, demonyms if code in independent else [d for d in demonyms if d not in sovereign], capitals)
            for code, name, aliases, demonyms, capitals in rows]
    states = territory_states(world, schrodt)
    rows = [row + (states.get(row[0], ""),) for row in rows]
    rows.extend(row + ("",) for row in former_states(iso3))
    rows.sort()
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# iso2\tname\taliases\tdemonyms\tcapitals\tstate of a territory\n")
        for code, name, aliases, demonyms, capitals, state in rows:
            f.write("\t".join([code, name, "|".join(aliases), "|".join(demonyms), "|".join(capitals), state]) + "\n")
    return len(rows)


def territory_states(world, schrodt):
    """Territories that are no state (Puerto Rico, Greenland, Bermuda), each with the ISO code
    of the state it belongs to, or "-" where the data sets do not say. A territory is an entry
    of world-countries that is not independent, unless its official name makes it a state-like
    polity ("Republic of Kosovo", "State of Palestine"). The state comes from CountryInfo's
    six-letter code, whose first three letters are the state's ("USAPRI" for Puerto Rico), or
    from an official name that contains a state's ("Hong Kong Special Administrative Region of
    the People's Republic of China")."""
    iso2_of_iso3 = {c["cca3"]: c["cca2"] for c in world}
    independent = [c for c in world if c.get("independent")]
    schrodt_code = {r["iso3166_alpha2"]: r["code"] for r in schrodt if r.get("iso3166_alpha2")}
    states = {}
    for c in world:
        official = c["name"]["official"]
        if c.get("independent"):
            continue
        named = [s["cca2"] for s in independent if len(s["name"]["official"].split()) > 1 and s["name"]["official"] in official]
        if len(named) != 1 and ("Republic" in official or official.startswith("State of")):
            continue
        code = schrodt_code.get(c["cca2"], "")
        state = iso2_of_iso3.get(code[:3]) if re.fullmatch(r"[A-Z]{6}", code) else None
        if state is None and len(named) == 1:
            state = named[0]
        states[c["cca2"]] = state or "-"
    return states


def former_states(current_iso3):
    """Former states from the Phoenix country dictionary: a block whose only code is a bare
    three-letter state code that no current country uses (SUN = Soviet Union, CSK, YUG, ...)."""
    path = os.path.join(DATASETS, "petrarch_phoenix_dictionaries", "Phoenix.Countries.actors.txt")
    text = open(path, encoding="utf-8", errors="replace").read()
    rows = []
    for block in re.split(r"\n\s*\n", text):
        lines = [l.split("#")[0].rstrip() for l in block.splitlines()]
        lines = [l for l in lines if l.strip()]
        if not lines or lines[0].startswith(("+", "\t", " ", "[")) or lines[0].endswith("_"):
            continue
        codes = re.findall(r"\[([A-Z]{3})(?:\s[^\]]*)?\]", block.split("#")[0] if False else "\n".join(lines))
        all_codes = re.findall(r"\[([^\]]+)\]", "\n".join(lines))
        if len(all_codes) != 1 or len(codes) != 1 or codes[0] in current_iso3:
            continue
        name = title_case(re.sub(r"\[.*", "", lines[0]).replace("_", " ").strip())
        synonyms = []
        for l in lines[1:]:
            if l.startswith("+"):
                syn = l[1:].replace("_", " ").strip()
                if latin(syn) and "(" not in syn:
                    synonyms.append(syn if re.fullmatch(r"[A-Z]{2,5}", syn) else title_case(syn))
        # Adjectival forms ("Soviet") are one-word synonyms that are a prefix of the name.
        demonyms = [s for s in synonyms if " " not in s and name.startswith(s + " ")]
        aliases = [s for s in synonyms if s not in demonyms]
        rows.append(("X-" + codes[0], name, clean(aliases), clean(demonyms), []))
    return rows


def cities():
    path = os.path.join(DATASETS, "countries_and_leaders", "geonames_cities15000.tsv")
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {h: i for i, h in enumerate(header)}
        for line in f:
            p = line.rstrip("\n").split("\t")
            pop = int(p[col["population"]] or 0)
            if pop >= CITY_MIN_POPULATION:
                rows.append((p[col["name"]], p[col["countrycode"]], pop))
    rows.sort(key=lambda r: (r[0], -r[2], r[1]))
    with open(os.path.join(OUT, "cities.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tiso2\tpopulation\n")
        for name, cc, pop in rows:
            f.write(f"{name}\t{cc}\t{pop}\n")
    return len(rows)


def common_words():
    """Lower-case English words seen at least twice in lower case (and never tagged as part of a
    name) in the CoNLL-2003 training split: capitalised at a sentence start, they are ordinary
    words, not names ("Sanctions were imposed", "Negotiators agreed"). Only the word list is
    derived; no text is copied."""
    counts, named = {}, set()
    path = os.path.join(DATASETS, "conll2003", "eng.train")
    for line in open(path, encoding="utf-8"):
        cols = line.split()
        if len(cols) < 4 or cols[0] == "-DOCSTART-":
            continue
        word, tag = cols[0], cols[-1]
        if tag != "O":
            named.add(word.lower())
        elif re.fullmatch(r"[a-z][a-z'-]*", word):
            counts[word] = counts.get(word, 0) + 1
    words = sorted(w for w, n in counts.items() if n >= 2 and w not in named and len(w) > 1)
    with open(os.path.join(OUT, "common_words.txt"), "w", encoding="utf-8") as f:
        f.write("# Lower-case common English words from the CoNLL-2003 training split; see README.md\n")
        f.write("\n".join(words) + "\n")
    return len(words)


def regions():
    """First-level administrative regions (US states, Canadian provinces, Indian states,
    German Laender, ...) from countryinfo's `provinces`, with the ISO code of their country.
    Parenthesised capitals ("Bashkortostan (Ufa)") are dropped; a region named like its own
    country ("Mexico", "Panama") is left out (the country wins); one named like another
    state ("Georgia", a US state) is kept: the extractor reads it as that state unless the
    document says otherwise."""
    country_codes = {}
    for c in json.load(open(os.path.join(DATASETS, "countries_and_leaders", "world_countries_mledoze.json"), encoding="utf-8")):
        country_codes[c["name"]["common"].lower()] = c["cca2"]
    rows = {}
    for line in open(os.path.join(DATASETS, "countries_and_leaders", "countryinfo_pypi.jsonl"), encoding="utf-8"):
        d = json.loads(line)
        iso = (d.get("ISO") or {}).get("alpha2")
        if not iso:
            continue
        for p in d.get("provinces") or []:
            name = re.sub(r"\s*\(.*?\)\s*", " ", p).strip()
            if len(name) < 3 or country_codes.get(name.lower()) == iso or not name[0].isupper():
                continue
            rows.setdefault((name, iso), None)
    with open(os.path.join(OUT, "regions.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tiso2 of the country\n")
        for name, iso in sorted(rows):
            f.write(f"{name}\t{iso}\n")
    return len(rows)


def english_words():
    """Common English words for the name rules (not the recogniser's features): words that
    Reuters-21578 bodies, WikiEvents news and CrossNER politics sentences write in lower case
    at least three times and at least as often as capitalised inside a sentence. A
    capitalised word of this list that the recogniser does not take for a name is no entity
    ("Women", "Unlike", "Science"). Only the word list is derived; no text is copied."""
    lower, capitalised = {}, {}

    def count(tokens):
        for k, word in enumerate(tokens):
            if not re.fullmatch(r"[A-Za-z][a-z'-]*", word):
                continue
            if word[0].islower():
                lower[word] = lower.get(word, 0) + 1
            elif k > 0 and re.fullmatch(r"[A-Za-z]+", tokens[k - 1]):
                key = word.lower()
                capitalised[key] = capitalised.get(key, 0) + 1

    for line in open(os.path.join(DATASETS, "news_reuters21578", "reuters21578.jsonl"), encoding="utf-8"):
        body = json.loads(line).get("body") or ""
        for sentence in re.split(r"(?<=[.!?])\s+", body):
            count(re.findall(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]", sentence))
    for split in ("dev", "test"):
        for line in open(os.path.join(DATASETS, "wikievents", f"{split}.jsonl"), encoding="utf-8"):
            count(json.loads(line).get("tokens", []))
    for split in ("train", "dev", "test"):
        sentence = []
        for line in open(os.path.join(DATASETS, "crossner_politics", f"{split}.txt"), encoding="utf-8"):
            cols = line.split()
            if cols:
                sentence.append(cols[0])
            elif sentence:
                count(sentence)
                sentence = []
        count(sentence)
    words = sorted(w for w, n in lower.items() if n >= 3 and n >= capitalised.get(w, 0) and len(w) > 1)
    with open(os.path.join(OUT, "english_words.txt"), "w", encoding="utf-8") as f:
        f.write("# Lower-case common English words from Reuters-21578, WikiEvents and CrossNER politics; see README.md\n")
        f.write("\n".join(words) + "\n")
    return len(words)


ORG_WORDS = {"ORGANIZATION", "ORGANISATION", "UNION", "COUNCIL", "ASSOCIATION", "BANK", "FUND", "COMMITTEE",
             "COMMISSION", "AGENCY", "PARTY", "FRONT", "ARMY", "BRIGADE", "BRIGADES", "MOVEMENT", "GROUP", "FORCES",
             "FORCE", "LEAGUE", "ALLIANCE", "CONGRESS", "ASSEMBLY", "INSTITUTE", "FEDERATION", "COURT", "OFFICE",
             "PROGRAMME", "PROGRAM", "FOUNDATION", "SOCIETY", "CENTRE", "CENTER", "CONFERENCE", "COMMUNITY",
             "NATIONS", "MINISTRY", "GOVERNMENT", "POLICE", "GUARD", "COALITION", "NETWORK", "TRIBUNAL", "CROSS",
             "CRESCENT", "BUREAU", "AUTHORITY", "SECRETARIAT", "BOARD", "CORPORATION", "COMPANY", "MISSION",
             "JIHAD", "HAMAS", "HEZBOLLAH", "HIZBOLLAH", "TALIBAN", "QAEDA", "BOKO", "SHABAAB", "ISIS", "ISIL",
             "WATCH", "INTERNATIONAL", "UNIVERSITY", "COUNCILS", "UNIT", "BATTALION", "REGIMENT", "CORPS",
             "SOLDIERS", "FIGHTERS", "MILITIA", "MILITIAS", "REBELS", "ORGANIZATIONS", "CABINET", "PARLIAMENT"}
TITLE_WORDS = {"PRESIDENT", "MINISTER", "SECRETARY", "GENERAL", "CHIEF", "KING", "QUEEN", "PRINCE", "SHEIKH",
               "AMBASSADOR", "ENVOY", "CHAIRMAN", "LEADER", "SPOKESMAN", "HEAD", "DIRECTOR", "COMMISSIONER",
               "PREMIER", "CHANCELLOR", "GOVERNOR", "SENATOR", "POPE", "COMMANDER", "DEPUTY", "FORMER", "VICE",
               "DR", "MR", "MRS", "GEN", "COL", "SEC", "SECY", "PRES", "REP", "SEN", "AYATOLLAH", "EMIR", "SULTAN"}


def phoenix_date(yymmdd):
    """Phoenix's yymmdd to ISO (years before 30 are 20xx)."""
    if not re.fullmatch(r"\d{6}", yymmdd):
        return ""
    yy = int(yymmdd[:2])
    return f"{2000 + yy if yy < 30 else 1900 + yy}-{yymmdd[2:4]}-{yymmdd[4:6]}"


def phoenix_role(code):
    """`RUSGOV 000507-080507` -> `RUSGOV 2000-05-07/2008-05-07`; `>070101` and `<070101` open one end."""
    parts = code.split()
    if len(parts) == 1:
        return parts[0]
    span = parts[1]
    if span.startswith(">"):
        return f"{parts[0]} {phoenix_date(span[1:])}/"
    if span.startswith("<"):
        return f"{parts[0]} /{phoenix_date(span[1:])}"
    start, _, end = span.partition("-")
    return f"{parts[0]} {phoenix_date(start)}/{phoenix_date(end)}"


def phoenix_entries(name):
    """(primary phrase, synonyms, role codes) of a Phoenix actor file, in file order."""
    path = os.path.join(DATASETS, "petrarch_phoenix_dictionaries", name)
    entries, current = [], None
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        codes = re.findall(r"\[([^\]]+)\]", line)
        phrase = re.sub(r"\[[^\]]*\]", "", line).strip()
        if line.startswith("+") and current:
            current[1].append(phrase[1:])
        elif line[0] in " \t[" and current:
            current[2].extend(codes)
        elif phrase and not line.startswith("+"):
            current = (phrase, [], list(codes))
            entries.append(current)
    return entries


def words_of(phrase):
    return [w for w in re.split(r"[_\s]+", phrase.upper()) if w]


def actor_kind(primary, codes, default):
    """Person, Organization, or None for role phrases ("UN_SECRETARY_GENERAL") and places."""
    words = words_of(primary)
    if not words or not latin(primary) or "(" in primary:
        return None
    if any(w in ORG_WORDS for w in words) or words[0] == "THE":
        return "Organization"
    if any(w in TITLE_WORDS for w in words):
        return None
    dated = any(" " in c for c in codes)
    if dated and 2 <= len(words) <= 4 and not {"OF", "AND", "FOR"} & set(words):
        return "Person"
    return default


def actors():
    rows = {}
    sources = [("Phoenix.Countries.actors.txt", None), ("Phoenix.International.actors.txt", "Organization"),
               ("Phoenix.MilNonState.actors.txt", "Organization")]
    for source, default in sources:
        for primary, synonyms, codes in phoenix_entries(source):
            # Country blocks ("AFGHANISTAN_ [AFG]") list cities and provinces: countries.tsv covers them.
            if len(codes) == 1 and re.fullmatch(r"[A-Z]{3}", codes[0]):
                continue
            kind = actor_kind(primary, codes, default)
            if kind is None:
                continue
            name = title_case(" ".join(words_of(primary)))
            aliases = []
            for syn in synonyms:
                w = words_of(syn)
                pieces = re.split(r"[-.\s]+", " ".join(w))
                if not w or not latin(syn) or "(" in syn or any(x in TITLE_WORDS for x in pieces) or len(w) == 1 and kind == "Person":
                    continue
                alias = " ".join(w) if re.fullmatch(r"[A-Z.]{2,8}", " ".join(w)) else title_case(" ".join(w))
                if alias != name:
                    aliases.append(alias)
            roles = [phoenix_role(c) for c in codes if re.fullmatch(r"[A-Z]{3,9}( [<>]?\d{6}(-\d{6})?)?", c.strip())]
            key = (name, kind)
            if key in rows:
                rows[key][0].extend(roles)
                rows[key][1].extend(aliases)
            else:
                rows[key] = (roles, aliases)
    with open(os.path.join(OUT, "actors.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\ttype\troles (Phoenix/CAMEO actor code and ISO date range start/end)\taliases\n")
        for (name, kind), (roles, aliases) in sorted(rows.items()):
            f.write("\t".join([name, kind, "|".join(clean(roles)), "|".join(clean(aliases))]) + "\n")
    return len(rows)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    print(f"countries: {countries()} rows, cities: {cities()} rows, actors: {actors()} rows, common words: {common_words()}, "
          f"English words: {english_words()}, regions: {regions()} -> {OUT}")
