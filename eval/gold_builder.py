"""Builds a development set's gold.json from its annotations (used by each set's build_gold.py).

Reads the five articles from ./articles beside the set's build_gold.py. Every quote must occur
exactly once in its article; spans are UTF-8 byte offsets (end exclusive). Same format as
/work/shared/eval/build_seed_gold.py (see that README for the relation decision table). Prints
the gold JSON on stdout and a count on stderr; exits 1, naming each bad quote, cluster or
relation, if any check fails."""
import glob, json, os, sys

ABOUT_TAIL = ("Each cluster is one claim stated by two or more sources; each mention is a verbatim "
              "quote from one article (doc = the article's file name; byte_start/byte_end = the "
              "quote's UTF-8 byte span in that file). relation: as the decision table in "
              "/work/shared/eval/README.md. Not exhaustive: sentences that no cluster names are unjudged.")


def main(script, about, clusters, variants, distinct):
    """clusters: (id, claim, relation, [(doc, quote)], note); variants: (name, [(doc, quote)]);
    distinct: ((doc, quote), (doc, quote)). `about` opens the file's "about" line."""
    articles = os.path.join(os.path.dirname(os.path.abspath(script)), "articles")
    docs = {}
    for f in sorted(glob.glob(os.path.join(articles, "*.txt"))):
        docs[os.path.basename(f)[:3]] = (os.path.basename(f), open(f, encoding='utf-8').read())
    out = {"about": f"{about} {ABOUT_TAIL}",
           "docs": {k: v[0] for k, v in docs.items()}, "clusters": [], "name_variants": []}
    bad = 0

    def check(d, q):
        nonlocal bad
        t = docs[d][1]
        n = t.count(q)
        if n != 1:
            print("QUOTE", d, repr(q), "found", n, file=sys.stderr); bad += 1
        i = t.find(q)
        b = len(t[:i].encode("utf-8"))
        return {"doc": docs[d][0], "quote": q, "byte_start": b, "byte_end": b + len(q.encode("utf-8"))}
    ids = [c[0] for c in clusters]
    if len(set(ids)) != len(ids):
        print("duplicate cluster id", file=sys.stderr); bad += 1
    for cid, label, rel, ms, note in clusters:
        if rel not in ("agree", "compatible", "differ"):
            print("bad relation", cid, rel, file=sys.stderr); bad += 1
        if len({d for d, _ in ms}) < 2:
            print("cluster", cid, "has quotes from fewer than two articles", file=sys.stderr); bad += 1
        out["clusters"].append({"id": cid, "claim": label, "relation": rel, "note": note,
                                "mentions": [check(d, q) for d, q in ms]})
    for name, ms in variants:
        out["name_variants"].append({"canonical": name, "mentions": [check(d, q) for d, q in ms]})
    out["distinct_entities"] = [[check(d, q) for d, q in pair] for pair in distinct]
    print(json.dumps(out, indent=1, ensure_ascii=False))
    print("clusters", len(clusters), "mentions", sum(len(c[3]) for c in clusters), "bad", bad, file=sys.stderr)
    sys.exit(1 if bad else 0)
