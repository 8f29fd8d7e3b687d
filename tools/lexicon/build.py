#!/usr/bin/env python3
"""Builds the engine's lexical data, data/lexicon/*, from wordfreq, WordNet 3.0 and Moby.

Inputs (nothing is downloaded at build time; install these once):

    pip install wordfreq==3.1.1
        English word frequencies (the package's `large_en` list). The code is Apache-2.0;
        its data is CC BY-SA 4.0 (see the package README, "License").
    apt-get install wordnet-base        (Debian package, version 1:3.0-37 here)
        WordNet 3.0; the database files are read from /usr/share/wordnet/
        (index.*, data.{noun,verb,adj} with their glosses, *.exc, cntlist.rev). Licence: the WordNet 3.0 licence,
        copied whole into data/lexicon/LICENSE-WordNet.
    npm pack moby@1.1.2 && tar xzf moby-1.1.2.tgz package/words.txt
        Moby Thesaurus II (Grady Ward, public domain), as the npm package ships it; put
        words.txt in tools/lexicon/.cache/moby/ (git-ignored) or pass --moby PATH.

Usage:

    python3 tools/lexicon/build.py [--wordnet DIR] [--out DIR] [--show WORD...]

It is deterministic: the same inputs give byte-identical files. `--show` prints what the data
says about some words (their frequency, synsets and close words) in readable form, since the
synonym files number words rather than spell them (see below).

Outputs (all plain UTF-8 text, `#` lines are comments, every other line is data):

  wordfreq-en.txt   The vocabulary: lower-case a-z words (and `_` in phrasal verbs), sorted,
                    one per line, front-coded.
                    A line is `ZZ` (Zipf x 10, two digits) + `P` (one digit: how many leading
                    letters are shared with the previous word, at most 9) + the rest of the
                    word. `4500offer`, `451ed` => offer 4.5, offered 4.5. The line number among
                    data lines (from 0) is the word's number, used by the two files below.
                    Chosen: every word with Zipf >= CORE_ZIPF; below that, down to
                    TAIL_ZIPF, only words that a kept WordNet synset needs or that are the
                    American spelling of a British form (so `american` can check them).
                    Also WordNet's phrasal verbs (a verb and a PARTICLES word, spelt with
                    `_`: "turn_down", "rule_out") that share a synset with a listed one-word
                    verb, their Zipf wordfreq's estimate for the two-word phrase (at least
                    PHRASAL_ZIPF; it combines the two words' frequencies, an upper bound).
  synonyms.txt      WordNet synsets (n, v, a = adjectives with their satellites) reduced to
                    members in the vocabulary, kept when 2+ members remain and not a subset of
                    another kept synset of the same part of speech. A line is the POS then the
                    members as word numbers in ascending order, each after the first written
                    as the difference from the one before: `v 1200 37 5` = words 1200, 1237,
                    1242. Numbers instead of words: it halves the gzip size.
  close.txt         Near-synonyms that are not synonyms, as word-number pairs, grouped by the
                    first word: `a b c` = a~b and a~c, with b, c written as differences from a
                    (both > 0). From WordNet: an adjective satellite and the head adjective of
                    its cluster ("similar to", when the head has at most ADJ_MAX_SATELLITES
                    satellites), and, if HYPERNYM_MAX_CHILDREN >= 0, a noun or verb synset
                    and its direct hypernym when the hypernym has at most that many hyponyms
                    (off by default: even at 2 it adds ~14 KB gzip for one test pair,
                    oppose~resist). Words with Zipf >= CLOSE_ZIPF only.
                    After the close pairs, a second block of lines starting with `~`, in the
                    same format (its own differences), lists words of related meaning: a noun
                    or verb and its direct hypernym, or two co-hyponyms (the same direct
                    hypernym), when that hypernym has at most RELATED_MAX_CHILDREN hyponyms
                    and the synsets are each word's most frequent sense of that part of speech
                    (WordNet's sense order in index.noun/index.verb): "calm" ~ "ease" (both
                    under "soothe"). Not synonyms, not close pairs.
                    After those, a third block of lines starting with `^`, in the same format
                    (its own differences), lists gloss-related pairs (extended-Lesk style): a
                    word w (Zipf >= GLOSS_SOURCE_ZIPF, a base form) and a word g of the gloss
                    of one of w's first GLOSS_SENSES senses of each part of speech (index.*
                    order, by SemCor counts; only senses SemCor tagged, and always the first),
                    the glosses' quoted examples left out, g lemmatised with *.exc and regular
                    endings, g informative (Zipf CLOSE_ZIPF..GLOSS_MAX_ZIPF, in at most
                    GLOSS_MAX_DF glosses, 3+ letters), at most GLOSS_MAX_WORDS g per w (first
                    senses first), pairs already synonyms, close or related left out:
                    "launch" ~ "attack" ("a rocket attack"), "shield" ~ "protect". Symmetric,
                    like the other blocks.
                    Last, a block of lines starting with `%` (same format, its own
                    differences): thesaurus pairs from Moby, two words (Zipf >= THES_ZIPF,
                    a-z) that each list the other and whose entries are alike (cosine of the
                    two entries' word sets, each with its root, >= THES_MIN_COS), at most
                    THES_MAX_PAIRS partners per word (the most alike first), pairs WordNet
                    already relates above left out: "plant" ~ "factory", "worker" ~
                    "employee". Moby mixes senses and loose associations in one entry with no
                    part of speech; the mutual listing and the alike entries drop most loose
                    ones ("aim" lists "object", "propose", "want").
  exceptions.txt    WordNet's irregular forms (verb.exc, then noun.exc, then adj.exc), as
                    `form base [base2]`, kept when the base is in the vocabulary, the form is
                    a-z and known to wordfreq (Zipf >= EXC_FORM_ZIPF), form != base, and the
                    form is not a common word of its own (SemCor tag count in cntlist.rev >=
                    EXC_OWN_TAGS and >= a quarter of the base's: drops "offer off", "feed
                    fee", "ground grind", "wound wind", "best good").
"""

import argparse
import math
import os
import re
import sys

COMMON_ZIPF = 3.5  # every word at or above this is in the vocabulary
CORE_ZIPF = 3.0  # and down to this, every word WordNet knows (or an inflection of one)
TAIL_ZIPF = 2.5  # rarer words are kept only when needed, down to this
CLOSE_ZIPF = 3.5
ADJ_MAX_SATELLITES = 12
HYPERNYM_MAX_CHILDREN = -1  # -1: no hypernym links (they cost ~6 KB gzip per child allowed)
RELATED_MAX_CHILDREN = 10  # "related meaning": only under hypernyms this narrow
GLOSS_SENSES = 2  # gloss relatedness: a word's first senses (of each part of speech) read
GLOSS_MAX_WORDS = 2  # the most gloss words kept per word
GLOSS_MAX_ZIPF = 5.0  # a gloss word must be at most this frequent in English ("make" is not)
GLOSS_MAX_DF = 60  # and in at most this many glosses ("act", "state", "person" are in more)
GLOSS_SOURCE_ZIPF = 3.5  # the glossed word: a common word
EXC_FORM_ZIPF = 2.5
EXC_OWN_TAGS = 5
AMERICAN_BRITISH_ZIPF = 1.5  # a British variant must be at least this frequent to count
THES_ZIPF = 3.5  # thesaurus pairs: both words at least this frequent
THES_MIN_COS = 0.15  # and their Moby entries this alike (cosine of the two entries' word sets)
THES_MAX_PAIRS = 3  # the most thesaurus partners kept per word (the most alike first)
MOBY_SHA256 = "63fcdcec2efe34414825945c7837f4381c7df7344ae34fdf1e8368eda19d59f3"

WORD = re.compile(r"^[a-z]+$")
# Phrasal verbs: a WordNet verb lemma of a verb and one of these particles ("turn_down",
# "rule_out", "set_up"). Prepositions that also head phrases of their own ("in", "on", "over",
# "about", "through") are left out: "talks over a dam" is not "talk over".
PARTICLES = ("up", "down", "out", "off", "back", "away", "aside", "forward", "ahead", "apart", "together")
PHRASAL = re.compile(r"^[a-z]+_(" + "|".join(PARTICLES) + r")$")
PHRASAL_ZIPF = 3.0  # a phrasal verb must be at least this frequent (wordfreq's phrase estimate)
# Regular endings a gloss word is lemmatised by (irregular forms come from *.exc).
GLOSS_SUFFIXES = [
    ("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ied", ("y",)), ("ed", ("", "e")),
    ("ing", ("", "e")), ("er", ("", "e")), ("est", ("", "e")),
]
# Function words that WordNet also lists as lemmas and that glosses use as such.
GLOSS_STOP = {"neither", "nor", "either", "whether", "especially", "usually", "etc"}
POS_FILES = [("noun", "n"), ("verb", "v"), ("adj", "a")]

WORDFREQ_HEADER = """\
# Parallax lexicon: English word frequencies (Zipf scale) for {n} words.
# Source: wordfreq {version} (https://github.com/rspeer/wordfreq), list `large_en`,
#   by Robyn Speer. Data licence: CC BY-SA 4.0
#   (https://creativecommons.org/licenses/by-sa/4.0/); wordfreq includes data from
#   Google Books Ngrams, the Leeds Internet Corpus, Wikipedia, ParaCrawl, OPUS
#   OpenSubtitles 2018 (OpenSubtitles.org), SUBTLEX (Brysbaert et al.) and Twitter.
#   This file is a derived work (selected words, Zipf rounded to 0.1) under the same licence.
# Generated by tools/lexicon/build.py; see there for the selection rules.
# Format: ZZ P rest, no spaces: Zipf x 10 (2 digits), letters shared with the previous word
#   (1 digit), remaining letters. Sorted; the n-th data line (from 0) is word number n.
"""

WORDNET_HEADER = """\
# Parallax lexicon: {what}
# Source: WordNet 3.0, Copyright 2006 by Princeton University, as packaged in Debian
#   wordnet-base 1:3.0; licence in data/lexicon/LICENSE-WordNet. Derived by
#   tools/lexicon/build.py from the files named below; word numbers refer to wordfreq-en.txt.
"""


WORDFREQ_VERSION = "3.1.1"


def load_zipf():
    import wordfreq

    if pkg_version() != WORDFREQ_VERSION:
        print(
            f"warning: wordfreq {pkg_version()} installed, the data was built with "
            f"{WORDFREQ_VERSION} (pip install wordfreq=={WORDFREQ_VERSION})",
            file=sys.stderr,
        )

    freqs = wordfreq.get_frequency_dict("en", wordlist="large")
    zipf = {}
    for w, f in freqs.items():
        if f > 0 and WORD.match(w):
            zipf[w] = math.log10(f) + 9.0
    return zipf, pkg_version()


def phrasal_zipf(wn, zipf):
    """{phrasal verb: Zipf} for WordNet's verb + particle lemmas whose verb is in the word
    list; the frequency is wordfreq's estimate for the two-word phrase (it combines the
    words' frequencies, so it is an upper bound: "turn down" 5.2)."""
    import wordfreq

    out = {}
    for _, members, _ in wn["v"].values():
        for w in members:
            if PHRASAL.match(w) and w not in out and zipf.get(w.split("_")[0], 0.0) >= CORE_ZIPF:
                z = wordfreq.zipf_frequency(w.replace("_", " "), "en", wordlist="large")
                if z >= PHRASAL_ZIPF:
                    out[w] = z
    return out


def pkg_version():
    from importlib.metadata import version

    return version("wordfreq")


def load_glosses(wndir):
    """{(pos, offset): the gloss's definitions, without its quoted examples}"""
    out = {}
    for name, pos in POS_FILES:
        with open(os.path.join(wndir, "data." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  ") or " | " not in line:
                    continue
                out[(pos, line.split(" ", 1)[0])] = re.sub(r'"[^"]*"', " ", line.split(" | ", 1)[1])
    return out


def load_wordnet(wndir):
    """{pos: {offset: (ss_type, [members], [(symbol, target_offset)])}}"""
    out = {}
    for name, pos in POS_FILES:
        synsets = {}
        with open(os.path.join(wndir, "data." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue  # licence header
                fields = line.split(" | ")[0].split()
                off, ss_type = fields[0], fields[2]
                n = int(fields[3], 16)
                members = []
                for i in range(n):
                    w = re.sub(r"\([a-z]+\)$", "", fields[4 + 2 * i])
                    if w not in members:
                        members.append(w)
                i = 4 + 2 * n
                count = int(fields[i])
                i += 1
                ptrs = []
                for _ in range(count):
                    sym, target, tpos = fields[i], fields[i + 1], fields[i + 2]
                    if (tpos == pos) or (pos == "a" and tpos in ("a", "s")):
                        ptrs.append((sym, target))
                    i += 4
                synsets[off] = (ss_type, members, ptrs)
        out[pos] = synsets
    return out


def wordnet_words(wndir):
    """Every lemma in WordNet's index files (all four parts of speech, lower-cased there) and
    every irregular form in its exception lists."""
    known = set()
    for name in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(wndir, "index." + name), encoding="latin-1") as f:
            for line in f:
                if not line.startswith(" "):
                    known.add(line.split(" ", 1)[0])
        with open(os.path.join(wndir, name + ".exc"), encoding="latin-1") as f:
            for line in f:
                known.update(line.split()[:1])
    return known


INFLECTIONS = [
    ("s", ("",)), ("es", ("",)), ("ies", ("y",)), ("ed", ("", "e")), ("ied", ("y",)),
    ("ing", ("", "e")), ("er", ("", "e")), ("est", ("", "e")), ("ier", ("y",)),
    ("iest", ("y",)), ("ly", ("", "le")), ("ily", ("y",)),
]


def wordnet_related(w, known):
    """`w` is a WordNet lemma or irregular form, or a regular inflection of a lemma."""
    if w in known:
        return True
    for suffix, endings in INFLECTIONS:
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)]
            if any(stem + e in known for e in endings):
                return True
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in known:
                return True
    return False


def british_variants(w):
    """British spellings that `american` in lexicon.rs would map to `w` (approximately)."""
    out = set()
    for m in re.finditer(r"(?<=[a-z]{2})(iz|yz)(?=(e|es|ed|ing|ation|ations|er|ers|able)$)", w):
        out.add(w[: m.start()] + m.group(1)[0] + "s" + w[m.end():])
    m = re.search(r"(?<=[a-z]{2})or(s|ed|ing|ful|able|ite|ites)?$", w)
    if m:
        out.add(w[: m.start()] + "our" + (m.group(1) or ""))
    m = re.search(r"(?<=[a-z]{2})ter(s)?$", w)
    if m:
        out.add(w[: m.start()] + "tre" + (m.group(1) or ""))
    m = re.search(r"(?<=[a-z]{2})ense(s)?$", w)
    if m:
        out.add(w[: m.start()] + "ence" + (m.group(1) or ""))
    m = re.search(r"(?<=[a-z]{3})m(s)?$", w)
    if m:
        out.add(w[: m.start()] + "mme" + (m.group(1) or ""))
    return out


def front_code(words):
    prev = ""
    for w in words:
        k = 0
        while k < 9 and k < len(w) and k < len(prev) and w[k] == prev[k]:
            k += 1
        yield k, w[k:]
        prev = w


def load_moby(path):
    """Moby Thesaurus II (`words.txt` of the npm package moby 1.1.2, the same text as Moby's
    mthesaur.txt): one root word per line, then its synonyms and related words, by commas."""
    import hashlib

    raw = open(path, "rb").read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != MOBY_SHA256:
        print(f"warning: {path} has sha256 {digest}, the data was built from {MOBY_SHA256}", file=sys.stderr)
    entries = {}
    for line in raw.decode("latin-1").splitlines():
        parts = [p for p in line.split(",") if p]
        if len(parts) >= 2:
            entries[parts[0]] = set(parts[1:])
    return entries


def thesaurus_pairs(moby, zipf):
    """Pairs of words that list each other in Moby and whose entries are alike: the cosine of
    the two entries' word sets (each with its root) at least THES_MIN_COS, at most
    THES_MAX_PAIRS partners per word, the most alike first. Moby lists every sense and loose
    associations together ("aim": "object", "propose", "want"); asking that both entries share
    much of their lists keeps near-synonyms ("plant" ~ "factory", "worker" ~ "employee",
    "ease" ~ "relieve") and drops most of those."""
    import math

    roots = sorted(w for w in moby if WORD.match(w) and zipf.get(w, 0.0) >= THES_ZIPF)
    rooted = set(roots)
    entry = {w: moby[w] | {w} for w in roots}
    pairs = set()
    for a in roots:
        alike = []
        for b in moby[a]:
            if b == a or b not in rooted or a not in moby[b]:
                continue
            cos = len(entry[a] & entry[b]) / math.sqrt(len(entry[a]) * len(entry[b]))
            if cos >= THES_MIN_COS:
                alike.append((-cos, b))
        for _, b in sorted(alike)[:THES_MAX_PAIRS]:
            pairs.add(tuple(sorted((a, b))))
    return sorted(pairs)


def build(wndir, moby_path):
    zipf, version = load_zipf()
    wn = load_wordnet(wndir)
    phrasal = phrasal_zipf(wn, zipf)
    zipf.update(phrasal)
    thes_words = thesaurus_pairs(load_moby(moby_path), zipf)

    def members(pos, off, vocab):
        return [w for w in wn[pos][off][1] if w in vocab]

    # Vocabulary: the core, plus the tail words that a synset or a spelling rule needs.
    known = wordnet_words(wndir)
    core = {
        w
        for w, z in zipf.items()
        if z >= COMMON_ZIPF or (z >= CORE_ZIPF and wordnet_related(w, known))
    }
    candidates = core | {
        w
        for pos in wn
        for (_, ms, _) in wn[pos].values()
        for w in ms
        if WORD.match(w) and zipf.get(w, 0.0) >= TAIL_ZIPF
    }
    tail = set()
    for pos in wn:
        for off in wn[pos]:
            ms = members(pos, off, candidates)
            if len(ms) >= 2:
                tail.update(w for w in ms if w not in core)
    for w, z in zipf.items():
        if TAIL_ZIPF <= z < CORE_ZIPF and any(
            zipf.get(b, 0.0) >= AMERICAN_BRITISH_ZIPF for b in british_variants(w)
        ):
            tail.add(w)
    tail.update(w for pair in thes_words for w in pair if w not in core and zipf[w] >= TAIL_ZIPF)
    # Phrasal verbs that share a synset with a one-word verb of the list.
    listed = core | tail
    core.update(w for (_, ms, _) in wn["v"].values() for w in ms if w in phrasal and any(o in listed for o in ms))
    vocab = sorted(core | tail)
    number = {w: i for i, w in enumerate(vocab)}

    # Synonyms: synsets with 2+ members in the vocabulary, minus same-POS subsets.
    synsets = {}  # (pos, frozenset of numbers) -> None, in a stable order
    for pos in ("n", "v", "a"):
        for off in sorted(wn[pos]):
            ms = members(pos, off, number)
            if len(ms) >= 2:
                synsets.setdefault((pos, frozenset(number[w] for w in ms)), None)
    by_word = {}
    for key in synsets:
        for i in key[1]:
            by_word.setdefault((key[0], i), []).append(key[1])
    kept = []
    for pos, s in synsets:
        first = min(s)
        if any(len(o) > len(s) and s < o for o in by_word[(pos, first)]):
            continue
        kept.append((pos, sorted(s)))
    kept.sort(key=lambda x: ("nva".index(x[0]), x[1]))

    # Close: adjective similar-to (satellite -> head) and tight noun/verb hypernyms.
    children = {}
    for pos in ("n", "v"):
        for off, (_, _, ptrs) in wn[pos].items():
            for sym, t in ptrs:
                if sym in ("@", "@i"):
                    children[(pos, t)] = children.get((pos, t), 0) + 1
    satellites = {
        off: sum(1 for sym, _ in ptrs if sym == "&") for off, (_, _, ptrs) in wn["a"].items()
    }
    same = set()
    for pos, s in kept:
        for a in s:
            for b in s:
                same.add((a, b))
    close_vocab = {w: i for w, i in number.items() if zipf[w] >= CLOSE_ZIPF}
    close = set()
    for pos in ("n", "v", "a"):
        for off, (ss_type, _, ptrs) in wn[pos].items():
            here = members(pos, off, close_vocab)
            if not here:
                continue
            for sym, t in ptrs:
                if pos == "a":
                    ok = sym == "&" and ss_type == "s" and satellites.get(t, 99) <= ADJ_MAX_SATELLITES
                else:
                    ok = sym in ("@", "@i") and children.get((pos, t), 0) <= HYPERNYM_MAX_CHILDREN
                if not ok:
                    continue
                for x in here:
                    for y in members(pos, t, close_vocab):
                        a, b = sorted((number[x], number[y]))
                        if a != b and (a, b) not in same:
                            close.add((a, b))
    close_groups = {}
    for a, b in sorted(close):
        close_groups.setdefault(a, []).append(b)

    # Related meaning: hypernym and co-hyponyms under a narrow hypernym, first senses only.
    first_sense = {}
    for name, pos in (("noun", "n"), ("verb", "v")):
        with open(os.path.join(wndir, "index." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                fields = line.split()
                n_senses = int(fields[2])
                first_sense[(fields[0], pos)] = fields[-n_senses]
    hyponyms = {}
    for pos in ("n", "v"):
        for off in sorted(wn[pos]):
            for sym, t in wn[pos][off][2]:
                if sym in ("@", "@i"):
                    hyponyms.setdefault((pos, t), []).append(off)
    related = set()
    for pos in ("n", "v"):
        for off in sorted(wn[pos]):
            here = [w for w in members(pos, off, close_vocab) if first_sense.get((w, pos)) == off]
            if not here:
                continue
            for sym, t in wn[pos][off][2]:
                kids = hyponyms.get((pos, t), [])
                if sym not in ("@", "@i") or len(kids) > RELATED_MAX_CHILDREN:
                    continue
                for other in [t] + [k for k in kids if k != off]:
                    for y in members(pos, other, close_vocab):
                        if first_sense.get((y, pos)) != other:
                            continue
                        for x in here:
                            a, b = sorted((number[x], number[y]))
                            if a != b and (a, b) not in same and (a, b) not in close:
                                related.add((a, b))
    related_groups = {}
    for a, b in sorted(related):
        related_groups.setdefault(a, []).append(b)

    # Gloss relatedness: a word and the informative words of the glosses (definitions) of its
    # first GLOSS_SENSES senses of each part of speech (the order of index.*, by SemCor
    # counts; only senses SemCor tagged, and always the first), each gloss word lemmatised,
    # the first GLOSS_MAX_WORDS in the order read (first senses first), pairs already
    # synonyms, close or related left out.
    glosses = load_glosses(wndir)
    lemmas = set()
    for name in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(wndir, "index." + name), encoding="latin-1") as f:
            lemmas.update(line.split(" ", 1)[0] for line in f if not line.startswith(" "))
    exc_base = {}
    for name in ("noun", "verb", "adj"):
        with open(os.path.join(wndir, name + ".exc"), encoding="latin-1") as f:
            for line in f:
                fields = line.split()
                if len(fields) >= 2:
                    exc_base.setdefault(fields[0], fields[1])

    def gloss_lemma(t):
        if t in exc_base and exc_base[t] in number:
            return exc_base[t]
        for suffix, endings in GLOSS_SUFFIXES:
            if t.endswith(suffix) and len(t) > len(suffix) + 2:
                stem = t[: -len(suffix)]
                bases = [stem + e for e in endings]
                if len(stem) > 3 and stem[-1] == stem[-2]:
                    bases.append(stem[:-1])
                for b in bases:
                    if b in lemmas and b in number and zipf[b] >= zipf.get(t, 0.0) - 1.0:
                        return b
        return t if t in number and t in lemmas else None

    def gloss_words(key):
        out = []
        for t in re.findall(r"[a-z]+", glosses.get(key, "").lower()):
            w = gloss_lemma(t)
            if w and w not in out:
                out.append(w)
        return out

    gloss_df = {}
    for key in sorted(glosses):
        for w in gloss_words(key):
            gloss_df[w] = gloss_df.get(w, 0) + 1
    senses = {}
    for name, pos in (("noun", "n"), ("verb", "v"), ("adj", "a")):
        with open(os.path.join(wndir, "index." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                fields = line.split()
                n_senses, tagged = int(fields[2]), int(fields[-int(fields[2]) - 1])
                for rank, off in enumerate(fields[-n_senses:][: max(1, min(GLOSS_SENSES, tagged))]):
                    senses.setdefault(fields[0], []).append((rank, "nva".index(pos), pos, off))
    gloss = set()
    for w in sorted(senses):
        # Only base forms: the engine looks words up by their lemma, so "protecting" (an
        # adjective of its own in WordNet) would never be asked about.
        if w not in number or zipf[w] < GLOSS_SOURCE_ZIPF or gloss_lemma(w) != w:
            continue
        got = []
        for _, _, pos, off in sorted(senses[w]):
            for g in gloss_words((pos, off)):
                if (
                    g != w
                    and len(g) >= 3
                    and g not in got
                    and g not in GLOSS_STOP
                    and zipf[g] >= CLOSE_ZIPF
                    and zipf[g] <= GLOSS_MAX_ZIPF
                    and gloss_df.get(g, 0) <= GLOSS_MAX_DF
                ):
                    got.append(g)
        for g in got[:GLOSS_MAX_WORDS]:
            a, b = sorted((number[w], number[g]))
            if (a, b) not in same and (a, b) not in close and (a, b) not in related:
                gloss.add((a, b))
    gloss_groups = {}
    for a, b in sorted(gloss):
        gloss_groups.setdefault(a, []).append(b)

    # Thesaurus pairs (Moby), less those WordNet already relates.
    thesaurus = set()
    for x, y in thes_words:
        if x in number and y in number:
            a, b = sorted((number[x], number[y]))
            if (a, b) not in same and (a, b) not in close and (a, b) not in related and (a, b) not in gloss:
                thesaurus.add((a, b))
    thes_groups = {}
    for a, b in sorted(thesaurus):
        thes_groups.setdefault(a, []).append(b)

    # Exceptions, less those whose form is a common word of its own: its SemCor tag count
    # (cntlist.rev) is at least EXC_OWN_TAGS and at least a quarter of the base's ("offer" is
    # not "off", "feed" not "fee", "ground" not "grind", "wound" not "wind").
    tags = {}
    with open(os.path.join(wndir, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            fields = line.split()
            if len(fields) == 3:
                lem = fields[0].split("%", 1)[0]
                tags[lem] = tags.get(lem, 0) + int(fields[2])
    exceptions = {}
    for name in ("verb", "noun", "adj"):
        with open(os.path.join(wndir, name + ".exc"), encoding="latin-1") as f:
            for line in f:
                fields = line.split()
                if len(fields) < 2 or not WORD.match(fields[0]):
                    continue
                form = fields[0]
                if zipf.get(form, 0.0) < EXC_FORM_ZIPF:
                    continue
                for base in fields[1:]:
                    own = tags.get(form, 0)
                    if own >= EXC_OWN_TAGS and own * 4 >= tags.get(base, 0):
                        continue
                    if base != form and base in number:
                        bases = exceptions.setdefault(form, [])
                        if base not in bases:
                            bases.append(base)

    return {
        "zipf": zipf,
        "version": version,
        "vocab": vocab,
        "number": number,
        "synonyms": kept,
        "close": close_groups,
        "related": related_groups,
        "gloss": gloss_groups,
        "thesaurus": thes_groups,
        "exceptions": exceptions,
        "core": len(core),
        "tail": len(tail),
    }


def pair_block(prefix, groups):
    """Lines of a block of close.txt: `prefix`, a (as the difference from the previous line's
    a), then each b > a as b - a."""
    lines, prev = [], 0
    for a, bs in groups.items():
        lines.append(prefix + str(a - prev) + " " + " ".join(str(b - a) for b in bs) + "\n")
        prev = a
    return lines


def render(d):
    zipf, vocab = d["zipf"], d["vocab"]
    files = {}
    lines = [WORDFREQ_HEADER.format(n=len(vocab), version=d["version"])]
    for w, (k, rest) in zip(vocab, front_code(vocab)):
        z = min(99, max(10, int(math.floor(zipf[w] * 10 + 0.5))))
        lines.append(f"{z}{k}{rest}\n")
    files["wordfreq-en.txt"] = "".join(lines)

    lines = [
        WORDNET_HEADER.format(
            what=f"{len(d['synonyms'])} synsets (n noun, v verb, a adjective), from data.noun, "
            "data.verb, data.adj"
        ),
        "# Format: POS first ascending word number, then each next number as a difference.\n",
    ]
    prev_pos, prev_first = None, 0
    for pos, s in d["synonyms"]:
        if pos != prev_pos:
            prev_pos, prev_first = pos, 0
        deltas = [s[0] - prev_first] + [s[i] - s[i - 1] for i in range(1, len(s))]
        prev_first = s[0]
        lines.append(pos + " " + " ".join(map(str, deltas)) + "\n")
    files["synonyms.txt"] = "".join(lines)

    n_pairs = sum(len(v) for v in d["close"].values())
    lines = [
        WORDNET_HEADER.format(
            what=f"{n_pairs} close (near-synonym) word pairs: adjective 'similar to' links"
            + (
                " and narrow noun/verb hypernym links, from data.noun, data.verb, data.adj"
                if HYPERNYM_MAX_CHILDREN >= 0
                else ", from data.adj"
            )
        ),
        "# Format: word number a (as the difference from the previous line's a), then the\n"
        "#   numbers b > a close to it, each as b - a.\n",
    ]
    lines += pair_block("", d["close"])
    n_related = sum(len(v) for v in d["related"].values())
    lines.append(
        f"# Related meaning: {n_related} pairs, a noun or verb and its direct hypernym or a\n"
        f"#   co-hyponym, under hypernyms of at most {RELATED_MAX_CHILDREN} hyponyms, most frequent\n"
        "#   senses only (data.noun, data.verb, index.noun, index.verb). Same format after `~`.\n"
    )
    lines += pair_block("~", d["related"])
    n_gloss = sum(len(v) for v in d["gloss"].values())
    lines.append(
        f"# Gloss relatedness: {n_gloss} pairs, a word and an informative word of the gloss of one\n"
        f"#   of its first {GLOSS_SENSES} senses (data.*, index.*, *.exc). Same format after `^`.\n"
    )
    lines += pair_block("^", d["gloss"])
    n_thes = sum(len(v) for v in d["thesaurus"].values())
    lines.append(
        f"# Thesaurus: {n_thes} pairs of words that list each other in Moby Thesaurus II (by Grady\n"
        "#   Ward, placed in the public domain; read from words.txt of the npm package moby 1.1.2)\n"
        f"#   and whose entries are alike (cosine >= {THES_MIN_COS}, at most {THES_MAX_PAIRS} per word), less pairs\n"
        "#   WordNet already relates above. Same format after `%`.\n"
    )
    lines += pair_block("%", d["thesaurus"])
    files["close.txt"] = "".join(lines)

    lines = [
        WORDNET_HEADER.format(
            what=f"{len(d['exceptions'])} irregular forms, from verb.exc, noun.exc, adj.exc "
            "(filtered with cntlist.rev)"
        ),
        "# Format: form base [other bases]; the first base is the one lemma() uses.\n",
    ]
    for form in sorted(d["exceptions"]):
        lines.append(form + " " + " ".join(d["exceptions"][form]) + "\n")
    files["exceptions.txt"] = "".join(lines)
    return files


def show(d, words):
    vocab, number, zipf = d["vocab"], d["number"], d["zipf"]
    for w in words:
        print(f"{w}: zipf {zipf.get(w, 0):.2f}, in vocabulary: {w in number}")
        if w not in number:
            continue
        i = number[w]
        for pos, s in d["synonyms"]:
            if i in s:
                print(f"  syn {pos}: " + " ".join(vocab[j] for j in s))
        for kind in ("close", "related", "gloss", "thesaurus"):
            got = d[kind].get(i, []) + [a for a, bs in d[kind].items() if i in bs]
            if got:
                print(f"  {kind}: " + " ".join(vocab[j] for j in sorted(got)))
        if w in d["exceptions"]:
            print("  exception: " + " ".join(d["exceptions"][w]))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default=os.path.join(here, "..", "..", "data", "lexicon"))
    ap.add_argument(
        "--moby",
        default=os.path.join(here, ".cache", "moby", "words.txt"),
        help="Moby Thesaurus II as words.txt of the npm package moby 1.1.2 "
        "(npm pack moby@1.1.2, then tar xzf moby-1.1.2.tgz package/words.txt)",
    )
    ap.add_argument("--show", nargs="*", help="print what the data says about these words")
    args = ap.parse_args()
    d = build(args.wordnet, args.moby)
    if args.show:
        show(d, args.show)
        return
    files = render(d)
    os.makedirs(args.out, exist_ok=True)
    import gzip

    total_raw = total_gz = 0
    for name, text in files.items():
        data = text.encode("utf-8")
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(data)
        gz = len(gzip.compress(data, 9, mtime=0))
        total_raw += len(data)
        total_gz += gz
        print(f"{name:16} {len(data):8} bytes, gzip -9 {gz:7}", file=sys.stderr)
    print(
        f"{'total':16} {total_raw:8} bytes, gzip -9 {total_gz:7}; vocabulary {len(d['vocab'])} "
        f"({d['core']} core + {d['tail']} tail), {len(d['synonyms'])} synsets, "
        f"{len(d['exceptions'])} exceptions",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
