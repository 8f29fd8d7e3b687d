#!/usr/bin/env python3
"""Fills the country field of the national capitals in data/gazetteer.txt from WordNet 3.0.

A city of the gazetteer is a national capital when one of its WordNet noun synsets (by the
gazetteer's name or an alias) is an instance of `national_capital` (08691669); its country is
the first place reached through part holonyms (#p, up to three steps) whose synset has a
member that is a gazetteer country's name or alias ("Moscow" -> "Russia"; "Washington" ->
"District of Columbia" -> "United States"). Other cities ("Mumbai", "Sydney") get no
country. Only that field (the fifth) is written; every other byte of the file is kept.

    apt-get install wordnet-base        (Debian, 1:3.0-37; /usr/share/wordnet/data.noun)
    python3 tools/gazetteer/capitals.py [--wordnet DIR] [--check]

`--check` exits 1 when the file is not what the script would write. Deterministic.
"""

import argparse
import os
import sys

NATIONAL_CAPITAL = "08691669"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--gazetteer", default=os.path.join(here, "..", "..", "data", "gazetteer.txt"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    synsets = {}  # offset -> (members lower-case with spaces, [(symbol, target)])
    by_lemma = {}
    with open(os.path.join(args.wordnet, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            off, n = fields[0], int(fields[3], 16)
            members = [fields[4 + 2 * i].replace("_", " ").lower() for i in range(n)]
            i = 4 + 2 * n
            count = int(fields[i])
            ptrs = [(fields[i + 1 + 4 * k], fields[i + 2 + 4 * k]) for k in range(count)]
            synsets[off] = (members, ptrs)
            for m in members:
                by_lemma.setdefault(m, []).append(off)

    with open(args.gazetteer, encoding="utf-8") as f:
        lines = f.read().split("\n")
    countries = {}  # lower-case name or alias -> gazetteer name
    for line in lines:
        parts = line.split("|")
        if line.startswith("country|") and len(parts) >= 3:
            for form in [parts[1]] + parts[2].split(","):
                if form.strip():
                    countries.setdefault(form.strip().lower(), parts[1])

    def country_of(forms):
        for form in forms:
            for off in sorted(by_lemma.get(form.lower(), [])):
                if ("@i", NATIONAL_CAPITAL) not in synsets[off][1]:
                    continue
                frontier = [off]
                for _ in range(3):
                    nxt = []
                    for o in frontier:
                        for sym, t in synsets[o][1]:
                            if sym == "#p":
                                hit = [countries[m] for m in synsets[t][0] if m in countries]
                                if hit:
                                    return hit[0]
                                nxt.append(t)
                    frontier = nxt
        return ""

    out = []
    for line in lines:
        parts = line.split("|")
        if line.startswith("city|") and len(parts) >= 4:
            forms = [parts[1]] + [a for a in parts[2].split(",") if a.strip()]
            parts = parts[:4] + [country_of(forms)]
            line = "|".join(parts).rstrip("|") if not parts[4] else "|".join(parts)
            if not parts[4]:
                line = "|".join(parts[:4])
        out.append(line)
    text = "\n".join(out)
    if args.check:
        with open(args.gazetteer, encoding="utf-8") as f:
            sys.exit(0 if f.read() == text else 1)
    with open(args.gazetteer, "w", encoding="utf-8") as f:
        f.write(text)
    done = [l.split("|")[1] + "=" + l.split("|")[4] for l in out if l.startswith("city|") and len(l.split("|")) > 4]
    print(f"{len(done)} capitals: " + ", ".join(done), file=sys.stderr)


if __name__ == "__main__":
    main()
