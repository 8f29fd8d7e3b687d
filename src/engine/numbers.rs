//! Quantities: the numbers in a stretch of text that count something, each as an interval of
//! the values the text allows, with the thing counted (`unit`) as a lower-case singular phrase.
//!
//! What is read, inside the given span only:
//! - digits: "10", "5,000", "3.5"; "27%" and "27 percent" (unit "percent"); "$5" (unit
//!   "dollar", likewise euro, pound, yen);
//! - number words: "nine", "twenty-five", "one hundred and twenty", "a dozen", "a million";
//! - multipliers: "1.2 million", "five thousand"; a number with a multiplier of a thousand or
//!   more is read as rounded to its last stated digit ("1.2 million" is 1.15M..1.25M, "two
//!   million" is 1.5M..2.5M) and marked approximate, while plain digits are exact ("5,000");
//! - vague plurals: "dozens" 24..119, "hundreds" 200..999, "thousands" 2000..9999, "millions";
//!   "tens of thousands" 20000..99999, "hundreds of thousands"; "several hundred", "a few
//!   thousand" as "hundreds", "thousands" (the rule: 2 to 10 of the base, less one);
//! - ranges: "5-6", "20 to 30", "between 20 and 30", "from 20 to 30"; a shared multiplier or
//!   shared thousands ("5-6 million", "five to six thousand", "5-6,000" are 5000..6000);
//!   alternatives: "nine or ten" is 9..10 and approximate; "10 or more", "40-plus", "40+";
//! - changes: "from 62 to 64" after a verb of change ("raised", "fell", "went up"), "to 64
//!   from 62", "27, up from 25", "64 instead of 62" are one quantity, the value after the
//!   change, with the value before in `from`; without a verb of change, "from 20 to 30" stays
//!   a range of estimates;
//! - fractions, as a share in percent (unit "percent", approximate, so "two-thirds" and
//!   "72%" are compatible): "two-thirds", "two thirds", "one-third", "three-quarters", "a
//!   third of", "a quarter of", "one fifth of", and "half" ("more than half", "half of", "half
//!   the water"; not "half an hour", "half-hour", "the first half", "two and a half");
//! - approximations: "about", "around", "some", "roughly", "approximately", "an estimated",
//!   "close to", "or so" widen by 10% each way; "nearly", "almost", "just under" give
//!   0.9v..v; "more than", "over", "at least", "upwards of" give v..`UNBOUNDED`; "less than",
//!   "fewer than", "under", "up to", "as many as", "at most" give 0..v. All are approximate.
//!   `UNBOUNDED` is `f64::MAX` (finite, so it serialises); "more than 40" does not exclude 40.
//!
//! The unit is the noun phrase after the number (after "of" for "thousands of", after "of the"
//! for a partitive): words up to and including the first plural one ("10 interceptor
//! missiles in" gives "interceptor missile"), stopping at function words; for a count of one,
//! the words up to the first function word. `unit_head` gives its last word ("missile"). A
//! hyphenated adjective counts its first word ("10-point plan": "point"; "5,000-strong": no
//! unit); a dotted acronym stays in the phrase ("20 U.S. officials": "u.s. official");
//! "people" is lemmatised to "person".
//!
//! Not quantities of a thing (dropped):
//! - names and idioms: "two-plus-two", "one-on-one", "2+2"; a number after a capitalised word
//!   with nothing counted after it ("Boeing 747", "Article 5") or joined to one by a hyphen
//!   ("F-16"); letters and digits in one word ("G8", "747s", "18th", "1990s"); a capitalised
//!   number word after another word ("Group of Eight"); "No. 5";
//! - references back: a number after "the", "these", "all", "their"... with nothing counted
//!   after it ("The four last met"); "one" with nothing counted ("one can't"), "one of",
//!   "no one";
//! - years ("in 2007", "2008", "the 2008 elections": four digits from 1100 to 2199, unless a
//!   plural noun follows and no year word or determiner precedes: "2000 troops" counts),
//!   dates ("March 18", "18 March"), clock times ("5 p.m.", "10:30"), scores ("3-1"), codes
//!   with a leading zero ("007");
//! - lengths of time ("three days", "a 10-year plan", "27-year-old"): `times` reads those as
//!   durations, so nothing is counted twice. "a week" and "an hour" are never numbers here.
//!
//! Ordinals ("first", "second") are not counts; "START" is a word. Words like "several",
//! "a few", "many" alone are not quantities (too vague to compare).
//!
//! `compare` judges two quantities of the same thing (the caller checks the unit): identical
//! intervals agree (exact "10" and "10", "thousands" and "thousands", and "about 10" or "at
//! least 10" and "ten": the same value as written, one hedged or bounded inclusively, which the
//! alignment notes as hedging); overlapping intervals
//! are compatible ("nine or ten" / "10"; "thousands" / "5-6,000"; "about 300" / "312");
//! disjoint ones differ ("27" / "25"). Exact numbers have no tolerance beyond float rounding;
//! an approximate single value ("a dozen") is widened by 10% each way. Two changes relate as
//! the worse of their values before and after; `one_change` says two changes start or end at
//! one value (versions of one change), `chained` that one starts where the other ends (two
//! steps: "from 60 to 62" / "from 62 to 64").
//!
//! Known limits: English only; no parsing, so a unit is guessed from word shapes (a plural verb
//! or an uncounted plural noun after a number can be taken as the unit); a title-case headline
//! drops its number words ("Ten Interceptors"); Roman numerals, negative numbers and fractions
//! other than halves to tenths are not read; a four-digit count with no noun after it, or after
//! "the" ("the 2000 troops"), reads as a year; a plain space is not read as a thousands
//! separator ("10 000": a no-break or thin space is). A change is read from the words only:
//! a verb of change more than six words before "from" is missed, "from about 50 to 60" has no
//! hedged value before, and "doubled to 40" has no value before at all.

use super::model::{Quantity, Relation, Span};
use super::wordset::{PhraseIndex, WordSet};

/// The upper end of an open interval ("more than 40" is 40..UNBOUNDED).
pub const UNBOUNDED: f64 = f64::MAX;

// ---------------------------------------------------------------------------------------------
// Tokens (shared with `times`)

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters, with inner apostrophes ("don't", "Gates's").
    Word,
    /// Digits with thousands groups and a decimal part ("5,000", "3.5").
    Num,
    /// Letters and digits in one run ("G8", "18th", "1990s", "747s").
    Mixed,
    /// Any other single character that is not white space.
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok<'a> {
    pub kind: TokKind,
    /// Byte offsets into the whole text.
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// `text` in lower case (see [`tokens::lower_in_place`](super::tokens::lower_in_place)).
    pub low: &'a str,
    /// For `Num`: its value.
    pub value: f64,
}

impl<'a> Tok<'a> {
    pub fn is(&self, w: &str) -> bool {
        self.kind == TokKind::Word && self.text.eq_ignore_ascii_case(w)
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }
    /// The token in lower case, cut from the lower-cased text [`tokenize`] was given: the
    /// parsers ask for it at every position, and it costs no allocation.
    pub fn lower(&self) -> std::borrow::Cow<'a, str> {
        std::borrow::Cow::Borrowed(self.low)
    }
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokens of `text` within `span`; an out-of-bounds span or one off character boundaries gives
/// none.
/// The tokens of `text` within `span`; `lower` is `tokens::lower_in_place` of that span's text.
pub(crate) fn tokenize<'a>(text: &'a str, lower: &'a str, span: Span) -> Vec<Tok<'a>> {
    let Some(t) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    debug_assert_eq!(lower.len(), t.len());
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let n = chars.len();
    let at = |k: usize| if k < n { chars[k].0 } else { t.len() };
    let ch = |k: usize| chars.get(k).map(|x| x.1);
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let (kind, j) = if c.is_ascii_digit() {
            let mut j = i;
            while ch(j).is_some_and(|d| d.is_ascii_digit()) {
                j += 1;
            }
            if j - i <= 3 {
                // Thousands groups: ",ddd" (or with a no-break or thin space: "10 000") not
                // followed by another digit; one kind of separator per number.
                let sep = ch(j).filter(|c| matches!(c, ',' | '\u{a0}' | '\u{202f}' | '\u{2009}'));
                while sep.is_some()
                    && ch(j) == sep
                    && (1..=3).all(|k| ch(j + k).is_some_and(|d| d.is_ascii_digit()))
                    && !ch(j + 4).is_some_and(|d| d.is_ascii_digit())
                {
                    j += 4;
                }
            }
            if ch(j) == Some('.') && ch(j + 1).is_some_and(|d| d.is_ascii_digit()) {
                j += 1;
                while ch(j).is_some_and(|d| d.is_ascii_digit()) {
                    j += 1;
                }
            }
            if ch(j).is_some_and(|d| d.is_alphanumeric()) {
                while ch(j).is_some_and(|d| d.is_alphanumeric()) {
                    j += 1;
                }
                (TokKind::Mixed, j)
            } else {
                (TokKind::Num, j)
            }
        } else if c.is_alphanumeric() {
            let mut j = i;
            let mut digit = false;
            loop {
                match ch(j) {
                    Some(d) if d.is_alphanumeric() => {
                        digit |= d.is_numeric();
                        j += 1;
                    }
                    Some(d) if is_apostrophe(d) && ch(j + 1).is_some_and(|e| e.is_alphabetic()) => j += 2,
                    _ => break,
                }
            }
            (if digit { TokKind::Mixed } else { TokKind::Word }, j)
        } else {
            (TokKind::Punct, i + 1)
        };
        let (s, e) = (at(i), at(j));
        let text_part = &t[s..e];
        let value = if kind == TokKind::Num {
            parse_decimal(text_part.bytes().filter(|c| c.is_ascii_digit() || *c == b'.'))
        } else {
            0.0
        };
        let kind = if kind == TokKind::Num && !value.is_finite() { TokKind::Mixed } else { kind };
        let low = lower.get(s..e).unwrap_or(text_part);
        out.push(Tok { kind, start: span.start + s, end: span.start + e, text: text_part, low, value });
        i = j;
    }
    out
}

fn adjacent(a: &Tok, b: &Tok) -> bool {
    a.end == b.start
}

fn is_dash(t: &Tok) -> bool {
    t.kind == TokKind::Punct && matches!(t.text, "-" | "–" | "—" | "‑")
}

// ---------------------------------------------------------------------------------------------
// Word lists

const UNITS: &[&str] = &["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS: &[&str] =
    &["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn scale_of(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

fn vague_base(w: &str) -> Option<f64> {
    match w {
        "dozens" => Some(12.0),
        "hundreds" => Some(100.0),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    }
}

/// A word that can begin or continue a number written in words.
/// Which of [`UNITS`] (0), [`TEENS`] (1) or [`TENS`] (2) `w` is in, and its place there (one
/// hash look-up instead of three scans: the parsers ask at every word).
fn small_number(w: &str) -> Option<(u8, usize)> {
    static MAP: std::sync::OnceLock<super::lexicon::FastMap<&'static str, (u8, usize)>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = super::lexicon::FastMap::default();
        for (class, list) in [UNITS, TEENS, TENS].into_iter().enumerate() {
            for (k, w) in list.iter().enumerate() {
                map.entry(*w).or_insert((class as u8, k));
            }
        }
        map
    })
    .get(w)
    .copied()
}

fn is_number_word(w: &str) -> bool {
    small_number(w).is_some() || scale_of(w).is_some() || vague_base(w).is_some() || w == "dozen"
}

/// Function words and common verbs and adverbs: a unit stops before them.
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "with",
    "without",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "above",
    "below",
    "between",
    "among",
    "against",
    "across",
    "through",
    "during",
    "before",
    "after",
    "since",
    "until",
    "than",
    "as",
    "like",
    "per",
    "via",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "if",
    "when",
    "while",
    "because",
    "although",
    "though",
    "whether",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "where",
    "why",
    "how",
    "it",
    "its",
    "they",
    "them",
    "their",
    "he",
    "him",
    "his",
    "she",
    "her",
    "we",
    "us",
    "our",
    "you",
    "your",
    "i",
    "me",
    "my",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "can't",
    "cannot",
    "won't",
    "don't",
    "didn't",
    "doesn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "wouldn't",
    "couldn't",
    "shouldn't",
    "not",
    "no",
    "never",
    "also",
    "only",
    "just",
    "even",
    "still",
    "already",
    "now",
    "then",
    "here",
    "there",
    "again",
    "ago",
    "later",
    "earlier",
    "each",
    "every",
    "all",
    "both",
    "some",
    "any",
    "most",
    "less",
    "least",
    "own",
    "same",
    "last",
    "next",
    "first",
    "said",
    "says",
    "say",
    "told",
    "according",
    "including",
    "out",
    "up",
    "down",
    "off",
    "away",
    "back",
    "too",
    "very",
    "or",
    "plus",
    "times",
    "apiece",
    "each",
    "altogether",
    "respectively",
    "instead",
    "either",
    "neither",
    "more",
    "other",
    "another",
    "such",
    "many",
    "much",
    "few",
    "several",
    "enough",
    "percent",
    "cent",
    "hence",
    "thus",
    "however",
    "meanwhile",
    "today",
    "yesterday",
    "tomorrow",
    "ever",
    "recently",
    "nearly",
    "almost",
    "about",
    "around",
    "others",
    "ones",
    "one",
];

/// Quantifier adjectives left out of a unit when they open it ("10 more missiles": "missile").
const SKIP_LEAD: &[&str] = &["more", "additional", "other", "extra", "further", "such", "fewer"];

/// Words that a reference back stands after ("The four last met").
const ANAPHORIC: &[&str] = &[
    "the",
    "these",
    "those",
    "all",
    "both",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "whose",
    "each",
    "every",
    "first",
    "last",
    "other",
    "top",
    "latest",
    "remaining",
    "same",
];

/// Nouns counted without a plural ending ("10 aircraft").
const INVARIANT: &[&str] = &[
    "staff",
    "personnel",
    "police",
    "aircraft",
    "sheep",
    "fish",
    "deer",
    "cattle",
    "livestock",
    "crew",
    "km",
    "kg",
    "mph",
    "kph",
    "mw",
    "gw",
    "ha",
    "artillery",
    "infantry",
    "cavalry",
    "offspring",
    "spacecraft",
    "hovercraft",
    "militia",
    "head",
];

/// Not plural though they end in "s".
const NOT_PLURAL: &[&str] = &[
    "news",
    "series",
    "species",
    "means",
    "plus",
    "thus",
    "always",
    "perhaps",
    "whereas",
    "across",
    "various",
    "previous",
    "overseas",
    "besides",
    "towards",
    "afterwards",
    "upwards",
    "downwards",
    "nevertheless",
    "sometimes",
    "status",
    "campus",
    "virus",
    "bus",
    "gas",
    "lens",
    "atlas",
    "canvas",
    "alias",
    "bias",
    "chaos",
    "ethos",
    "pathos",
    "physics",
    "politics",
    "economics",
    "mathematics",
    "ethics",
    "tactics",
    "logistics",
    "athletics",
    "aegis",
    "analysis",
    "crisis",
    "basis",
    "thesis",
    "genesis",
    "emphasis",
    "diagnosis",
    "tennis",
    "yes",
    "ours",
    "yours",
    "hers",
    "theirs",
    "his",
    "its",
    "this",
    "has",
    "was",
    "does",
    "is",
    "us",
    "as",
    "famous",
    "serious",
    "various",
    "numerous",
    "dangerous",
    "nervous",
    "obvious",
    "conscious",
];

const IRREGULAR: &[(&str, &str)] = &[
    ("people", "person"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("analyses", "analysis"),
    ("crises", "crisis"),
    ("theses", "thesis"),
    ("bases", "base"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("leaves", "leaf"),
    ("thieves", "thief"),
    ("heroes", "hero"),
    ("potatoes", "potato"),
    ("tomatoes", "tomato"),
    ("echoes", "echo"),
    ("vetoes", "veto"),
    ("torpedoes", "torpedo"),
    ("embargoes", "embargo"),
    ("dice", "die"),
    ("oxen", "ox"),
    ("indices", "index"),
    ("matrices", "matrix"),
];

/// Lengths of time: a number counting one of these is a duration, left to `times`.
pub(crate) const TIME_UNITS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "weekend",
    "fortnight",
    "month",
    "year",
    "decade",
    "century",
    "millennium",
    "yr",
    "hr",
    "min",
    "sec",
];

const FRACTIONS: &[&str] = &[
    "half",
    "halve",
    "third",
    "quarter",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "hundredth",
    "thousandth",
];

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The month a word names (any case; full names and three- or four-letter abbreviations).
pub(crate) fn month_of(w: &str) -> Option<u8> {
    MONTHS.iter().find(|(m, _)| w.eq_ignore_ascii_case(m)).map(|&(_, n)| n)
}

/// Whether token `i` names a month as a date would: capitalised, and an abbreviation only
/// with a period or a day after it.
pub(crate) fn is_month_tok(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if t.kind != TokKind::Word || !t.capitalised() {
        return false;
    }
    let Some(_) = month_of(t.text) else {
        return false;
    };
    if t.text.len() <= 4
        && !t.text.eq_ignore_ascii_case("june")
        && !t.text.eq_ignore_ascii_case("july")
        && !t.text.eq_ignore_ascii_case("may")
    {
        // An abbreviation: "Sept." or "Sept 18".
        return toks.get(i + 1).is_some_and(|n| (n.is_punct('.') && adjacent(t, n)) || n.kind == TokKind::Num);
    }
    true
}

// ---------------------------------------------------------------------------------------------
// Lemmas

/// Whether a lower-case word looks like a plural noun.
fn is_plural(w: &str) -> bool {
    if IRREGULAR.iter().any(|(p, _)| *p == w) {
        return true;
    }
    if NOT_PLURAL.contains(&w) || STOP.contains(&w) {
        return false;
    }
    if w.len() >= 5 && w.ends_with("men") && !matches!(w, "specimen" | "abdomen" | "regimen" | "acumen" | "stamen") {
        return true;
    }
    w.chars().count() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("ous")
        && !w.ends_with("'s")
        && !w.ends_with("’s")
}

/// A lower-case word's singular (a small suffix lemmatiser).
pub fn singular(w: &str) -> String {
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return s.to_string();
    }
    if !is_plural(w) {
        return w.to_string();
    }
    if let Some(s) = w.strip_suffix("men") {
        return format!("{s}man");
    }
    if let Some(s) = w.strip_suffix("ies") {
        if s.chars().count() >= 2 {
            return format!("{s}y");
        }
    }
    if let Some(s) = w.strip_suffix("lves") {
        return format!("{s}lf");
    }
    for suf in ["sses", "shes", "ches", "xes", "zzes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    w[..w.len() - 1].to_string()
}

/// The head noun of a unit phrase: its last word ("interceptor missile" gives "missile").
pub fn unit_head(unit: &str) -> &str {
    unit.split_whitespace().last().unwrap_or(unit)
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// One value as written: digits or words, with any multiplier.
#[derive(Clone, Copy, Debug)]
struct Val {
    /// The value and half the width of its rounding ("1.2 million": 0.05 million).
    v: f64,
    half: f64,
    /// "a dozen".
    approx: bool,
    next: usize,
    digits: bool,
    /// The multiplier word applied last (1 when none).
    scale: f64,
    /// The word "one" alone.
    word_one: bool,
    /// Thousands groups in the digits ("6,000").
    grouped: bool,
}

fn word_at<'a>(toks: &'a [Tok], i: usize) -> Option<&'a Tok<'a>> {
    toks.get(i).filter(|t| t.kind == TokKind::Word)
}

/// Reads ASCII digits with at most one '.' as a number: the digits as an integer divided by a
/// power of ten. IEEE division rounds correctly, so this is what `str::parse::<f64>` gives for
/// up to 15 significant digits and 22 decimals (past that, within a rounding step), without
/// pulling the float-parsing tables (about 10 KB gzip) into the page's wasm. No digits, or a
/// second '.', is NaN.
fn parse_decimal(bytes: impl Iterator<Item = u8>) -> f64 {
    let (mut mantissa, mut decimals, mut dropped, mut digits, mut dot) = (0u64, 0i32, 0i32, 0usize, false);
    for b in bytes {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa < (1u64 << 53) / 10 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if dot {
                        decimals += 1;
                    }
                } else if !dot {
                    dropped += 1;
                }
            }
            b'.' if !dot => dot = true,
            _ => return f64::NAN,
        }
    }
    if digits == 0 {
        return f64::NAN;
    }
    let mut v = mantissa as f64;
    if dropped > 0 {
        v *= 10f64.powi(dropped);
    }
    if decimals > 0 {
        v /= 10f64.powi(decimals);
    }
    v
}

fn lower_at<'a>(toks: &[Tok<'a>], i: usize) -> Option<std::borrow::Cow<'a, str>> {
    toks.get(i).filter(|t| t.kind == TokKind::Word).map(|t| t.lower())
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Last {
    Start,
    A,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Dozen,
    And,
}

fn parse_words(toks: &[Tok], p: usize) -> Option<Val> {
    let mut j = p;
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut last = Last::Start;
    let mut scale_last = 1.0;
    let mut count = 0usize;
    let mut only_one = false;
    let mut dozen = false;
    let mut end = p;
    while let Some(t) = word_at(toks, j) {
        if count >= 16 {
            break;
        }
        let w = t.lower();
        let w = &*w;
        let follows_scale = |k: usize| lower_at(toks, k).is_some_and(|n| scale_of(&n).is_some() || n == "dozen");
        if (w == "a" || w == "an") && last == Last::Start && follows_scale(j + 1) {
            current = 1.0;
            last = Last::A;
        } else if let Some((0, k)) = small_number(w) {
            if !matches!(last, Last::Start | Last::Tens | Last::Hundred | Last::Scale | Last::And) {
                break;
            }
            current += k as f64;
            only_one = last == Last::Start && w == "one";
            last = Last::Unit;
        } else if let Some((1, k)) = small_number(w) {
            if !matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And) {
                break;
            }
            current += 10.0 + k as f64;
            last = Last::Teen;
        } else if let Some((2, k)) = small_number(w) {
            if !matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And) {
                break;
            }
            current += 20.0 + 10.0 * k as f64;
            last = Last::Tens;
        } else if w == "hundred" {
            if !matches!(last, Last::A | Last::Unit | Last::Teen) {
                break;
            }
            current = current.max(1.0) * 100.0;
            last = Last::Hundred;
            scale_last = 100.0;
        } else if let Some(s) = scale_of(w) {
            if !matches!(last, Last::A | Last::Unit | Last::Teen | Last::Tens | Last::Hundred) {
                break;
            }
            total += current.max(1.0) * s;
            current = 0.0;
            last = Last::Scale;
            scale_last = s;
        } else if w == "dozen" {
            if !matches!(last, Last::A | Last::Unit) {
                break;
            }
            current = current.max(1.0) * 12.0;
            last = Last::Dozen;
            dozen = true;
        } else if w == "and" {
            let next_small = lower_at(toks, j + 1).is_some_and(|n| small_number(&n).is_some());
            if !matches!(last, Last::Hundred | Last::Scale) || !next_small {
                break;
            }
            last = Last::And;
        } else {
            break;
        }
        count += 1;
        j += 1;
        if last != Last::And && last != Last::A {
            end = j;
        }
        // What may follow: a hyphen only inside "twenty-five"; a word only after white space.
        match toks.get(j) {
            Some(h) if is_dash(h) => {
                let joined = last == Last::Tens
                    && adjacent(&toks[j - 1], h)
                    && toks.get(j + 1).is_some_and(|n| {
                        adjacent(h, n)
                            && n.kind == TokKind::Word
                            && UNITS[1..].iter().any(|u| n.text.eq_ignore_ascii_case(u))
                    });
                if joined {
                    j += 1;
                } else {
                    break;
                }
            }
            Some(n) if n.kind == TokKind::Word && !adjacent(&toks[j - 1], n) => {}
            _ => break,
        }
    }
    if end == p {
        return None;
    }
    let v = total + current;
    let rounded = last == Last::Scale && scale_last >= 1e3;
    let half = if rounded { 0.5 * scale_last } else { 0.0 };
    Some(Val {
        v,
        half,
        approx: dozen,
        next: end,
        digits: false,
        scale: scale_last,
        word_one: only_one && count == 1,
        grouped: false,
    })
}

fn parse_value(toks: &[Tok], p: usize) -> Option<Val> {
    let t = toks.get(p)?;
    match t.kind {
        TokKind::Num => {
            let mut v = t.value;
            let decimals = t.text.split_once('.').map(|(_, d)| d.len()).unwrap_or(0) as i32;
            let mut next = p + 1;
            let mut scale = 1.0;
            let mut half = 0.0;
            if let Some(s) = lower_at(toks, p + 1).and_then(|w| scale_of(&w)) {
                v *= s;
                scale = s;
                next = p + 2;
                if s >= 1e3 {
                    half = 0.5 * 10f64.powi(-decimals.min(300)) * s;
                }
            }
            Some(Val {
                v,
                half,
                approx: false,
                next,
                digits: true,
                scale,
                word_one: false,
                grouped: t.text.contains(','),
            })
        }
        TokKind::Word => parse_words(toks, p),
        _ => None,
    }
}

/// Vague amounts: "thousands", "tens of thousands", "several hundred", "a few thousand".
fn parse_vague(toks: &[Tok], p: usize) -> Option<(f64, f64, usize)> {
    let w = lower_at(toks, p)?;
    if matches!(&*w, "tens" | "hundreds" | "dozens") && lower_at(toks, p + 1).as_deref() == Some("of") {
        if let Some(b) = lower_at(toks, p + 2).and_then(|x| if x == "dozens" { None } else { vague_base(&x) }) {
            if b >= 1e3 {
                let a = match &*w {
                    "tens" => 10.0,
                    "dozens" => 12.0,
                    _ => 100.0,
                };
                return Some((2.0 * a * b, 10.0 * a * b - 1.0, p + 3));
            }
        }
    }
    if let Some(b) = vague_base(&w) {
        return Some((2.0 * b, 10.0 * b - 1.0, p + 1));
    }
    let (after, q) = match &*w {
        "several" => (lower_at(toks, p + 1), p + 1),
        "a" if lower_at(toks, p + 1).as_deref() == Some("few") => (lower_at(toks, p + 2), p + 2),
        _ => return None,
    };
    let b = after.and_then(|x| if x == "dozen" { Some(12.0) } else { scale_of(&x) })?;
    Some((2.0 * b, 10.0 * b - 1.0, q + 1))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prefix {
    About,
    Nearly,
    More,
    Less,
    /// Bounds that include their value: "at least 40" allows 40, "more than 40" does not.
    AtLeast,
    AtMost,
}

const PREFIXES: &[(&[&str], Prefix)] = &[
    (&["in", "excess", "of"], Prefix::More),
    (&["no", "fewer", "than"], Prefix::AtLeast),
    (&["no", "less", "than"], Prefix::AtLeast),
    (&["no", "more", "than"], Prefix::AtMost),
    (&["as", "many", "as"], Prefix::AtMost),
    (&["as", "much", "as"], Prefix::AtMost),
    (&["an", "estimated"], Prefix::About),
    (&["close", "to"], Prefix::About),
    (&["just", "under"], Prefix::Nearly),
    (&["just", "below"], Prefix::Nearly),
    (&["just", "over"], Prefix::More),
    (&["well", "over"], Prefix::More),
    (&["more", "than"], Prefix::More),
    (&["greater", "than"], Prefix::More),
    (&["at", "least"], Prefix::AtLeast),
    (&["upwards", "of"], Prefix::More),
    (&["less", "than"], Prefix::Less),
    (&["fewer", "than"], Prefix::Less),
    (&["up", "to"], Prefix::AtMost),
    (&["at", "most"], Prefix::AtMost),
    (&["about"], Prefix::About),
    (&["around"], Prefix::About),
    (&["some"], Prefix::About),
    (&["roughly"], Prefix::About),
    (&["approximately"], Prefix::About),
    (&["approx"], Prefix::About),
    (&["estimated"], Prefix::About),
    (&["circa"], Prefix::About),
    (&["nearly"], Prefix::Nearly),
    (&["almost"], Prefix::Nearly),
    (&["over"], Prefix::More),
    (&["under"], Prefix::Less),
];

/// A number phrase found at a token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct NumMatch {
    pub low: f64,
    pub high: f64,
    pub approx: bool,
    /// The interval as written before a hedge or an inclusive bound widened it ("about 10",
    /// "at least 10": 10..=10).
    pub written: Option<(f64, f64)>,
    /// First token of the phrase (a prefix word, if any) and of the number itself.
    pub start: usize,
    pub core: usize,
    /// The token after the phrase.
    pub next: usize,
    /// Written in digits (the first value).
    pub digits: bool,
    /// A single value, not a range or a vague amount.
    pub single: bool,
    /// "one" alone.
    pub word_one: bool,
    /// "thousands", "a dozen": "of" may come before the unit.
    pub takes_of: bool,
    /// A single exact value: for years and dates.
    pub exact_int: Option<i64>,
    /// A fraction read as a share in percent ("two-thirds", "a quarter of", "half"): the unit
    /// is "percent", written by the fraction words from `core` to `next`.
    pub share: bool,
    /// For a change ("from 62 to 64" after a verb of change): the value before it.
    pub from: Option<(f64, f64)>,
}

pub(crate) enum Parse {
    Num(NumMatch),
    /// Not a quantity; carry on from this token ("two-plus-two").
    Skip(usize),
}

/// The denominator a fraction word names ("thirds": 3, "quarter": 4, "half": 2).
fn denominator(w: &str) -> Option<f64> {
    Some(match singular(w).as_str() {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        _ => return None,
    })
}

/// A fraction as a share in percent, and the token after it: "two-thirds" / "two thirds"
/// (66.7), "one-third", "three-quarters"; "a third of", "a quarter of", "one fifth of" (the
/// article or "one" needs the "of": "a third round" is an ordinal); "half" alone ("more than
/// half", "half of", "half the water"), but not "half an hour", "half-hour", "the first half".
fn parse_share(toks: &[Tok], p: usize) -> Option<(f64, usize)> {
    let t = word_at(toks, p)?;
    let w = t.lower();
    let not_time = |k: usize| {
        let after_of = if toks.get(k).is_some_and(|n| n.is("of")) { k + 1 } else { k };
        let k = if lower_at(toks, after_of).is_some_and(|a| a == "a" || a == "an") { after_of + 1 } else { after_of };
        !lower_at(toks, k).is_some_and(|u| TIME_UNITS.contains(&singular(&u).as_str()))
    };
    if w == "half" {
        let prev = p.checked_sub(1).and_then(|k| toks.get(k));
        let joined = |a: &Tok, b: &Tok| is_dash(b) && adjacent(a, b);
        let after = toks.get(p + 1);
        if prev.is_some_and(|q| {
            joined(t, q)
                || is_dash(q) && adjacent(q, t)
                || ["first", "second", "last", "latter", "other", "a", "and"].iter().any(|o| q.is(o))
        }) || after.is_some_and(|n| joined(t, n) || n.is("a") || n.is("an") || n.is("way"))
            || !not_time(p + 1)
        {
            return None;
        }
        return Some((50.0, p + 1));
    }
    // "a third of", "one quarter of".
    if w == "a" || w == "an" {
        let f = word_at(toks, p + 1)?;
        let d = denominator(&f.lower()).filter(|_| !f.is("half"))?;
        if toks.get(p + 2).is_some_and(|n| n.is("of")) && not_time(p + 2) {
            return Some((100.0 / d, p + 2));
        }
        return None;
    }
    // "two-thirds", "two thirds", "one-third", "three-quarters": a number word up to nine,
    // then the fraction word, hyphenated or not.
    let n = match small_number(&w)? {
        (0, k) if (1..=9).contains(&k) => k as u32,
        _ => return None,
    };
    let mut k = p + 1;
    let hyphen = toks.get(k).is_some_and(|d| is_dash(d) && adjacent(t, d));
    if hyphen {
        k += 1;
    }
    let f = word_at(toks, k)?;
    let lf = f.lower();
    let d = denominator(&lf)?;
    // "one-third", "one third of" are singular ("one third party" is not a share); "two
    // thirds" plural ("two third" is not a fraction).
    let plural = lf.ends_with('s');
    let of_after = toks.get(k + 1).is_some_and(|o| o.is("of"));
    if (n == 1) == plural || (n == 1 && !hyphen && !of_after) || f64::from(n) >= d || !not_time(k + 1) {
        return None;
    }
    Some((100.0 * f64::from(n) / d, k + 1))
}

fn starts_value(toks: &[Tok], p: usize) -> bool {
    if parse_share(toks, p).is_some() {
        return true;
    }
    match toks.get(p) {
        Some(t) if t.kind == TokKind::Num => true,
        Some(t) if t.kind == TokKind::Word => {
            let w = t.lower();
            is_number_word(&w)
                || w == "several"
                || ((w == "a" || w == "an")
                    && lower_at(toks, p + 1).is_some_and(|n| scale_of(&n).is_some() || n == "dozen" || n == "few"))
        }
        _ => false,
    }
}

/// [`PREFIXES`] by their first word ([`number_at`] asks at every token: a scan of the whole
/// list there showed in the profile).
static PREFIX_INDEX: PhraseIndex<(&[&str], Prefix)> = PhraseIndex::with(PREFIXES, |e| e.0);

/// Verbs of a change in value, as written: a "from X to Y" after one of them is the
/// value before and after ("raised the age from 62 to 64"), not a range of estimates ("from 20
/// to 30 people were hurt").
const CHANGE_WORDS: &[&str] = &[
    "raise",
    "raises",
    "raised",
    "raising",
    "rise",
    "rises",
    "rose",
    "risen",
    "rising",
    "increase",
    "increases",
    "increased",
    "increasing",
    "lift",
    "lifts",
    "lifted",
    "lifting",
    "grow",
    "grows",
    "grew",
    "grown",
    "growing",
    "climb",
    "climbs",
    "climbed",
    "climbing",
    "jump",
    "jumps",
    "jumped",
    "soar",
    "soared",
    "surge",
    "surged",
    "boost",
    "boosted",
    "hike",
    "hiked",
    "push",
    "pushed",
    "up",
    "down",
    "cut",
    "cuts",
    "cutting",
    "lower",
    "lowers",
    "lowered",
    "lowering",
    "reduce",
    "reduces",
    "reduced",
    "reducing",
    "fall",
    "falls",
    "fell",
    "fallen",
    "falling",
    "drop",
    "drops",
    "dropped",
    "dropping",
    "decline",
    "declined",
    "declining",
    "slip",
    "slipped",
    "sink",
    "sank",
    "plunge",
    "plunged",
    "shrink",
    "shrank",
    "slash",
    "slashed",
    "trim",
    "trimmed",
    "extend",
    "extended",
    "shorten",
    "shortened",
    "change",
    "changed",
    "changes",
    "revise",
    "revised",
    "move",
    "moved",
    "moves",
    "go",
    "goes",
    "went",
    "gone",
    "going",
    "bring",
    "brought",
    "widen",
    "widened",
    "narrow",
    "narrowed",
    "double",
    "doubled",
    "halve",
    "halved",
];
static CHANGE_SET: WordSet = WordSet::new(CHANGE_WORDS);

/// How many words before "from" a verb of change may stand ("raise the state pension age from").
const CHANGE_REACH: usize = 6;

/// A verb of change stands among the few words before token `i`, with no punctuation other
/// than a comma or a dash between ("was last raised, from 60 to 62").
fn change_before(toks: &[Tok], i: usize) -> bool {
    for k in (i.saturating_sub(CHANGE_REACH)..i).rev() {
        let t = &toks[k];
        if t.kind == TokKind::Punct && !is_dash(t) && !t.is_punct(',') {
            return false;
        }
        if t.kind == TokKind::Word && CHANGE_SET.contains(t.low) {
            return true;
        }
    }
    false
}

/// "from X to Y" at token `i` (on "from"), read as a change: the value after it, Y, with X as
/// its value before. Either value may carry a percent sign or word ("from 5% to 6 percent").
fn change_at(toks: &[Tok], i: usize) -> Option<NumMatch> {
    // A join no token is: one value, not a range.
    let value = |p: usize| -> Option<NumMatch> {
        match core_at(toks, p, Some(""))? {
            Parse::Num(m) if m.next > p => Some(m),
            _ => None,
        }
    };
    let before = value(i + 1)?;
    let mut k = before.next;
    if toks.get(k).is_some_and(|t| t.is_punct('%') || t.is("percent")) {
        k += 1;
    }
    if !toks.get(k).is_some_and(|t| t.is("to")) {
        return None;
    }
    // The value after may be hedged ("from 27 to about 30").
    let after = match number_at(toks, k + 1)? {
        Parse::Num(m) if m.next > k + 1 => m,
        _ => return None,
    };
    Some(NumMatch { start: i, from: Some((before.low, before.high)), ..after })
}

/// The number phrase starting at token `i`, with any approximation word before it.
pub(crate) fn number_at(toks: &[Tok], i: usize) -> Option<Parse> {
    // A change: "raised the age from 62 to 64", "fell from 27% to 25%".
    if toks.get(i).is_some_and(|t| t.is("from")) && change_before(toks, i) {
        if let Some(m) = change_at(toks, i) {
            return Some(Parse::Num(m));
        }
    }
    // Range introducers: "between 20 and 30", "from 20 to 30".
    for (intro, join) in [("between", "and"), ("from", "to")] {
        if toks.get(i).is_some_and(|t| t.is(intro)) && starts_value(toks, i + 1) {
            if let Some(Parse::Num(m)) = core_at(toks, i + 1, Some(join)) {
                if !m.single && m.low < m.high {
                    return Some(Parse::Num(NumMatch { start: i, ..m }));
                }
            }
            return None;
        }
    }
    let first = match toks.get(i) {
        Some(t) if t.kind == TokKind::Word => t.lower(),
        _ => return core_at(toks, i, None),
    };
    for &&(words, kind) in PREFIX_INDEX.starting_with(&first) {
        let matches = words.iter().enumerate().all(|(k, w)| toks.get(i + k).is_some_and(|t| t.is(w)));
        let p = i + words.len();
        if matches && starts_value(toks, p) {
            match core_at(toks, p, None) {
                Some(Parse::Num(m)) => {
                    let (low, high) = match kind {
                        Prefix::About => (m.low * 0.9, m.high * 1.1),
                        Prefix::Nearly => (m.low * 0.9, m.high),
                        Prefix::More | Prefix::AtLeast => (m.low, UNBOUNDED),
                        Prefix::Less | Prefix::AtMost => (0.0, m.high),
                    };
                    // The value as written, when the prefix hedges it or bounds it inclusively
                    // ("about 40", "at least 40", "up to 40" all still allow 40 itself).
                    let inclusive = matches!(kind, Prefix::About | Prefix::AtLeast | Prefix::AtMost);
                    let written = inclusive.then_some((m.low, m.high));
                    return Some(Parse::Num(NumMatch {
                        low,
                        high,
                        approx: true,
                        written,
                        start: i,
                        single: false,
                        exact_int: None,
                        ..m
                    }));
                }
                other => return other,
            }
        }
    }
    core_at(toks, i, None)
}

/// A value, a range or alternative, or a vague amount at `p`; `join` is the word a range
/// introducer requires ("and" after "between").
fn core_at(toks: &[Tok], p: usize, join: Option<&str>) -> Option<Parse> {
    if let Some((low, high, next)) = parse_vague(toks, p) {
        let m = NumMatch { low, high, approx: true, start: p, core: p, next, takes_of: true, ..NumMatch::default() };
        return Some(Parse::Num(m));
    }
    if let Some((v, next)) = parse_share(toks, p) {
        let m = NumMatch {
            low: v,
            high: v,
            approx: true,
            start: p,
            core: p,
            next,
            single: true,
            share: true,
            ..NumMatch::default()
        };
        return Some(Parse::Num(m));
    }
    let a = parse_value(toks, p)?;
    let j = a.next;
    let single = |v: Val| {
        let exact_int =
            if v.half == 0.0 && !v.approx && v.v.fract() == 0.0 && v.v.abs() < 1e15 { Some(v.v as i64) } else { None };
        Parse::Num(NumMatch {
            low: v.v - v.half,
            high: v.v + v.half,
            approx: v.approx || v.half > 0.0,
            written: None,
            start: p,
            core: p,
            next: v.next,
            digits: v.digits,
            single: true,
            word_one: v.word_one,
            takes_of: v.approx || v.scale >= 12.0 && !v.digits,
            exact_int,
            share: false,
            from: None,
        })
    };
    let range = |lo: Val, hi: Val, approx: bool| {
        let (mut l, h) = (lo.v, hi.v);
        // A shared multiplier: "5-6 million", "five to six thousand", "two or three hundred"
        // (not "five to one hundred").
        if lo.scale == 1.0 && hi.scale > 1.0 && l < hi.v / hi.scale {
            l *= hi.scale;
        }
        // Shared thousands: "5-6,000".
        if lo.digits && hi.digits && lo.scale == 1.0 && hi.scale == 1.0 && hi.grouped && l < 1000.0 {
            for s in [1e9, 1e6, 1e3] {
                if h % s == 0.0 && l * s < h && l * s >= h / 10.0 {
                    l *= s;
                    break;
                }
            }
        }
        Parse::Num(NumMatch {
            low: l.min(h),
            high: l.max(h),
            approx: approx || lo.approx || hi.approx || lo.half > 0.0 || hi.half > 0.0,
            written: None,
            start: p,
            core: p,
            next: hi.next,
            digits: lo.digits,
            single: false,
            word_one: false,
            takes_of: false,
            exact_int: None,
            share: false,
            from: None,
        })
    };
    let Some(t) = toks.get(j) else {
        return Some(single(a));
    };
    if let Some(jw) = join {
        if t.is(jw) {
            if let Some(b) = parse_value(toks, j + 1) {
                if b.v > a.v || (b.scale > a.scale && a.v < b.scale) {
                    return Some(range(a, b, false));
                }
            }
        }
        return Some(single(a));
    }
    // Names and idioms: "two-plus-two", "one-on-one", "2+2", "2 plus 2".
    let prev_tok = &toks[j - 1];
    if is_dash(t) && adjacent(prev_tok, t) {
        if let Some(w) = toks.get(j + 1).filter(|w| adjacent(t, w)) {
            let lw = w.lower();
            if matches!(&*lw, "plus" | "by" | "on" | "to" | "for" | "and") {
                if let (Some(h2), true) = (toks.get(j + 2), starts_value(toks, j + 3)) {
                    if is_dash(h2) && adjacent(w, h2) {
                        let end = parse_value(toks, j + 3).map(|v| v.next).unwrap_or(j + 4);
                        return Some(Parse::Skip(end));
                    }
                }
                if lw == "plus" {
                    return Some(Parse::Num(NumMatch {
                        low: a.v,
                        high: UNBOUNDED,
                        approx: true,
                        next: j + 2,
                        single: false,
                        exact_int: None,
                        ..as_match(single(a))
                    }));
                }
            }
            if FRACTIONS.iter().any(|f| singular(&lw) == *f) {
                return Some(Parse::Skip(j + 2));
            }
            // A range: "5-6", "5-6,000"; a score when the second is not larger ("3-1").
            if a.digits && w.kind == TokKind::Num {
                if let Some(b) = parse_value(toks, j + 1) {
                    if b.v > a.v {
                        return Some(range(a, b, false));
                    }
                    return Some(Parse::Skip(b.next));
                }
            }
        }
    }
    // An en or em dash between spaced numbers: "5 – 6".
    if (t.text == "–" || t.text == "—") && a.digits && toks.get(j + 1).is_some_and(|n| n.kind == TokKind::Num) {
        if let Some(b) = parse_value(toks, j + 1).filter(|b| b.v > a.v) {
            return Some(range(a, b, false));
        }
    }
    if (t.is_punct('+') && adjacent(prev_tok, t)) || t.is("plus") {
        if starts_value(toks, j + 1) {
            let end = parse_value(toks, j + 1).map(|v| v.next).unwrap_or(j + 2);
            return Some(Parse::Skip(end));
        }
        if t.is_punct('+') {
            return Some(Parse::Num(NumMatch {
                low: a.v,
                high: UNBOUNDED,
                approx: true,
                next: j + 1,
                single: false,
                exact_int: None,
                ..as_match(single(a))
            }));
        }
    }
    if t.is("to") {
        if let Some(b) = parse_value(toks, j + 1) {
            if b.v > a.v || (b.scale > a.scale && a.v < b.scale) {
                return Some(range(a, b, false));
            }
        }
    }
    if t.is("or") {
        let next = lower_at(toks, j + 1);
        match next.as_deref() {
            Some("more") | Some("above") => {
                return Some(Parse::Num(NumMatch {
                    low: a.v - a.half,
                    high: UNBOUNDED,
                    approx: true,
                    next: j + 2,
                    single: false,
                    exact_int: None,
                    ..as_match(single(a))
                }))
            }
            Some("less") | Some("fewer") | Some("below") => {
                return Some(Parse::Num(NumMatch {
                    low: 0.0,
                    high: a.v + a.half,
                    approx: true,
                    next: j + 2,
                    single: false,
                    exact_int: None,
                    ..as_match(single(a))
                }))
            }
            Some("so") => {
                return Some(Parse::Num(NumMatch {
                    low: a.v * 0.9,
                    high: a.v * 1.1,
                    approx: true,
                    next: j + 2,
                    single: false,
                    exact_int: None,
                    ..as_match(single(a))
                }))
            }
            _ => {}
        }
        if let Some(b) = parse_value(toks, j + 1) {
            if b.v != a.v {
                return Some(range(a, b, true));
            }
        }
    }
    Some(single(a))
}

fn as_match(p: Parse) -> NumMatch {
    match p {
        Parse::Num(m) => m,
        Parse::Skip(next) => NumMatch { next, ..NumMatch::default() },
    }
}

// ---------------------------------------------------------------------------------------------
// Units

/// Words joined by hyphens with no space ("surface-to-air"), from token `j`: (words, next).
struct Group<'a> {
    words: Vec<&'a Tok<'a>>,
    /// The token after the group, and the byte where it ends.
    next: usize,
    end: usize,
    /// A dotted acronym ("U.S."): its letters are the words.
    acronym: bool,
}

/// Words joined by hyphens with no space ("surface-to-air"), or a dotted acronym ("U.S."),
/// from token `j`.
fn word_group<'a>(toks: &'a [Tok<'a>], j: usize) -> Option<Group<'a>> {
    let first = word_at(toks, j)?;
    // "U.S.": single letters, each with a period right after it.
    let letter_dot = |k: usize| {
        word_at(toks, k).is_some_and(|w| w.text.chars().count() == 1 && w.capitalised())
            && toks.get(k + 1).is_some_and(|d| d.is_punct('.') && adjacent(&toks[k], d))
    };
    if letter_dot(j) && letter_dot(j + 2) && adjacent(&toks[j + 1], &toks[j + 2]) {
        let mut k = j;
        let mut words = Vec::new();
        while letter_dot(k) && (k == j || adjacent(&toks[k - 1], &toks[k])) {
            words.push(&toks[k]);
            k += 2;
        }
        return Some(Group { words, next: k, end: toks[k - 1].end, acronym: true });
    }
    let mut words = vec![first];
    let mut k = j + 1;
    while let (Some(h), Some(w)) = (toks.get(k), toks.get(k + 1)) {
        if is_dash(h) && adjacent(toks_last(&words), h) && adjacent(h, w) && w.kind == TokKind::Word {
            words.push(w);
            k += 2;
        } else {
            break;
        }
    }
    let end = toks_last(&words).end;
    Some(Group { words, next: k, end, acronym: false })
}

fn toks_last<'a>(w: &[&'a Tok<'a>]) -> &'a Tok<'a> {
    w[w.len() - 1]
}

/// The unit after a number phrase ending before token `k`: (lemma phrase, span).
fn scan_unit(toks: &[Tok], k: usize, count_one: bool, takes_of: bool) -> Option<(String, Span)> {
    let mut j = k;
    let t = toks.get(j)?;
    // "27%", "27 percent", "27 per cent".
    if t.is_punct('%') {
        return Some(("percent".to_string(), t.span()));
    }
    if t.is("percent") || t.is("pct") {
        return Some(("percent".to_string(), t.span()));
    }
    if t.is("per") && toks.get(j + 1).is_some_and(|c| c.is("cent")) {
        return Some(("percent".to_string(), Span::new(t.start, toks[j + 1].end)));
    }
    // "10-point plan", "27-year-old"; "5,000-strong" names nothing counted.
    if is_dash(t) && j > 0 && adjacent(&toks[j - 1], t) {
        let w = toks.get(j + 1).filter(|w| w.kind == TokKind::Word && adjacent(t, w))?;
        if ["strong", "odd", "fold", "something", "plus"].iter().any(|x| w.is(x)) {
            return None;
        }
        return Some((singular(&w.lower()), w.span()));
    }
    if t.is("of")
        && (takes_of
            || lower_at(toks, j + 1).is_some_and(|d| {
                matches!(
                    &*d,
                    "the"
                        | "these"
                        | "those"
                        | "its"
                        | "their"
                        | "our"
                        | "his"
                        | "her"
                        | "them"
                        | "us"
                        | "whom"
                        | "which"
                        | "my"
                        | "your"
                )
            }))
    {
        j += 1;
        if lower_at(toks, j).is_some_and(|d| {
            matches!(&*d, "the" | "these" | "those" | "its" | "their" | "our" | "his" | "her" | "my" | "your")
        }) {
            j += 1;
        }
    }
    while lower_at(toks, j).is_some_and(|w| SKIP_LEAD.contains(&&*w)) {
        j += 1;
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut plural = false;
    while groups.len() < 4 {
        let Some(g) = word_group(toks, j) else {
            break;
        };
        let (words, next) = (&g.words, g.next);
        let first = words[0].lower();
        let last = toks_last(words).lower();
        if words.len() == 1 && !g.acronym && (STOP.contains(&&*first) || is_number_word(&first)) {
            break;
        }
        if words.len() == 1 && (is_month_tok(toks, j) && words[0].capitalised()) {
            break;
        }
        if count_one && !g.acronym && (last.ends_with("ed") || (!groups.is_empty() && last.ends_with("ing"))) {
            break;
        }
        // "countries'" possessive: the apostrophe ends the unit.
        let possessive = toks.get(next).is_some_and(|a| {
            a.kind == TokKind::Punct
                && is_apostrophe(a.text.chars().next().unwrap_or(' '))
                && adjacent(toks_last(words), a)
        });
        let acronym = g.acronym;
        groups.push(g);
        j = next;
        if !acronym && (is_plural(&last) || INVARIANT.contains(&&*last)) {
            plural = true;
            break;
        }
        if possessive {
            break;
        }
    }
    if groups.is_empty() {
        return None;
    }
    let take = if plural || count_one {
        groups.len().min(if count_one && !plural { 3 } else { 4 })
    } else {
        // No plural: only an invariant noun counts ("10 aircraft" is caught above), else none.
        return None;
    };
    let groups = &groups[..take];
    let mut parts: Vec<String> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        let mut s = String::new();
        if g.acronym {
            for w in &g.words {
                s.push_str(&w.lower());
                s.push('.');
            }
            parts.push(s);
            continue;
        }
        for (wi, w) in g.words.iter().enumerate() {
            if wi > 0 {
                s.push('-');
            }
            let lw = w.lower();
            if gi + 1 == groups.len() && wi + 1 == g.words.len() {
                s.push_str(&singular(&lw));
            } else {
                s.push_str(lw.strip_suffix("'s").or_else(|| lw.strip_suffix("’s")).unwrap_or(&lw));
            }
        }
        parts.push(s);
    }
    let start = groups[0].words[0].start;
    let end = groups[groups.len() - 1].end;
    Some((parts.join(" "), Span::new(start, end)))
}

// ---------------------------------------------------------------------------------------------
// Years and dates

const YEAR_CONTEXT: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "from",
    "through",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "year",
    "of",
    "throughout",
    "circa",
    "the",
    "this",
    "that",
    "its",
    "their",
    "his",
    "her",
    "our",
];

/// Whether the four-digit number at token `i` is a year ("in 2007", "2008") rather than a
/// count ("2000 troops").
pub(crate) fn is_year_at(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if t.kind != TokKind::Num || t.text.len() != 4 || !t.text.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if !(1100.0..=2199.0).contains(&t.value) {
        return false;
    }
    let prev = i.checked_sub(1).and_then(|k| toks.get(k));
    if prev.is_some_and(|p| p.kind == TokKind::Punct && matches!(p.text, "$" | "€" | "£" | "¥" | "#")) {
        return false;
    }
    let next = toks.get(i + 1);
    if next.is_some_and(|n| n.is_punct('%') || (n.kind == TokKind::Word && scale_of(&n.lower()).is_some())) {
        return false;
    }
    let year_word_before = prev.is_some_and(|p| {
        (p.kind == TokKind::Word && (YEAR_CONTEXT.iter().any(|w| p.is(w)) || month_of(p.text).is_some()))
            || p.is_punct(',')
            || (is_dash(p) && i >= 2 && toks[i - 2].is("mid"))
    });
    if year_word_before {
        return true;
    }
    // A plural noun after it makes a count.
    scan_unit(toks, i + 1, false, false).is_none()
}

fn is_clock_after(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    if t.is_punct(':') && toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Num && adjacent(t, n)) {
        return true;
    }
    if (t.is("a") || t.is("p"))
        && toks.get(k + 1).is_some_and(|d| d.is_punct('.'))
        && toks.get(k + 2).is_some_and(|m| m.is("m"))
    {
        return true;
    }
    ["am", "pm", "gmt", "utc", "o'clock", "o’clock", "hrs", "bst"].iter().any(|w| t.is(w))
}

// ---------------------------------------------------------------------------------------------
// Finding

/// The quantities inside `span` of `text`, in text order.
pub fn find_quantities(text: &str, span: Span) -> Vec<Quantity> {
    let low = super::tokens::lower_in_place(text.get(span.start..span.end).unwrap_or(""));
    quantities_in(&tokenize(text, &low, span), span)
}

/// The quantities among `toks`, the tokens of `span` (shared with `times::times_in`).
pub(crate) fn quantities_in(toks: &[Tok], span: Span) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match number_at(toks, i) {
            None => i += 1,
            Some(Parse::Skip(next)) => i = next.max(i + 1),
            Some(Parse::Num(m)) => {
                if let Some(q) = build(toks, &m) {
                    if q.span.start >= span.start && q.span.end <= span.end {
                        out.push(q);
                    }
                }
                i = m.next.max(i + 1);
            }
        }
    }
    join_changes(toks, &mut out);
    out
}

/// Words between the value after a change and the value before it: "to 64 from 62", "27, up
/// from 25", "at 64 instead of 62".
const CHANGE_GAPS: &[&[&str]] = &[
    &["from"],
    &["up", "from"],
    &[",", "up", "from"],
    &["down", "from"],
    &[",", "down", "from"],
    &["instead", "of"],
    &["rather", "than"],
];

/// Joins two quantities that state one change, the value after it first ("raise the age to 64
/// from 62", "27, up from 25", "retire at 64 instead of 62"), into one with `from` set. A bare
/// "X from Y" is a change only after "to" or a verb of change ("rose to 27 from 25"). The two
/// must count the same thing, or one counts nothing.
fn join_changes(toks: &[Tok], out: &mut Vec<Quantity>) {
    let mut k = 0;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        let end = a.unit_span.map_or(a.span.end, |u| u.end.max(a.span.end));
        let gap: Vec<&str> = toks.iter().filter(|t| t.start >= end && t.end <= b.span.start).map(|t| t.low).collect();
        let first = toks.iter().position(|t| t.start >= a.span.start).unwrap_or(0);
        let bare_from = gap == ["from"];
        let after_to = first > 0 && (toks[first - 1].is("to") || change_before(toks, first));
        let same_thing = match (&a.unit, &b.unit) {
            (Some(x), Some(y)) => unit_head(x) == unit_head(y),
            _ => true,
        };
        let joins = CHANGE_GAPS.contains(&gap.as_slice()) && (!bare_from || after_to);
        if joins && same_thing && a.from.is_none() && b.from.is_none() {
            let b = out.remove(k + 1);
            let a = &mut out[k];
            a.from = Some((b.low, b.high));
            a.span.end = b.span.end;
            if a.unit.is_none() {
                a.unit = b.unit;
                a.unit_span = b.unit_span;
            }
        }
        k += 1;
    }
}

fn build(toks: &[Tok], m: &NumMatch) -> Option<Quantity> {
    if !(m.low.is_finite() && m.high.is_finite()) || m.next <= m.start || m.next > toks.len() {
        return None;
    }
    let core = toks.get(m.core)?;
    let prev = m.start.checked_sub(1).and_then(|k| toks.get(k));
    let next = toks.get(m.next);
    let no_prefix = m.start == m.core;
    // Letters-and-digits names joined by a hyphen: "F-16", "MiG-29".
    if m.digits && no_prefix {
        if let Some(h) = prev.filter(|h| is_dash(h) && adjacent(h, core)) {
            if m.start >= 2
                && toks.get(m.start - 2).is_some_and(|w| {
                    adjacent(w, h) && (w.kind == TokKind::Mixed || (w.kind == TokKind::Word && w.capitalised()))
                })
            {
                return None;
            }
        }
        if prev.is_some_and(|p| p.is_punct('#') || p.is("no") || p.is("nos") || p.is("number")) {
            return None;
        }
        if m.start >= 2 && prev.is_some_and(|d| d.is_punct('.')) && toks.get(m.start - 2).is_some_and(|n| n.is("no")) {
            return None;
        }
    }
    // "007", "000": codes, not counts.
    if m.digits && core.text.len() > 1 && core.text.starts_with('0') && !core.text.starts_with("0.") {
        return None;
    }
    // Dates and clock times.
    if m.single && m.digits {
        if let Some(v) = m.exact_int {
            let month_before = m.start >= 1
                && (is_month_tok(toks, m.start - 1)
                    || (m.start >= 2 && toks[m.start - 1].is_punct('.') && is_month_tok(toks, m.start - 2)));
            if (1..=31).contains(&v) && (month_before || is_month_tok(toks, m.next)) {
                return None;
            }
        }
        if is_clock_after(toks, m.next) {
            return None;
        }
        if next.is_some_and(|n| {
            (n.is_punct('/') || n.is_punct(':')) && toks.get(m.next - 1).is_some_and(|l| adjacent(l, n))
        }) && toks.get(m.next + 1).is_some_and(|d| d.kind == TokKind::Num)
        {
            return None;
        }
        if is_year_at(toks, m.core) && m.next == m.core + 1 {
            return None;
        }
    }
    if prev.is_some_and(|p| p.is_punct(':') && adjacent(p, core))
        && m.start >= 2
        && toks[m.start - 2].kind == TokKind::Num
    {
        return None;
    }
    // A capitalised number word inside a sentence is a name ("Group of Eight").
    if !m.digits
        && no_prefix
        && core.capitalised()
        && prev.is_some_and(|p| matches!(p.kind, TokKind::Word | TokKind::Num | TokKind::Mixed))
    {
        return None;
    }
    // The unit.
    let currency = prev
        .filter(|p| p.kind == TokKind::Punct && adjacent(p, toks.get(m.start).unwrap_or(core)))
        .and_then(|p| match p.text {
            "$" => Some("dollar"),
            "€" => Some("euro"),
            "£" => Some("pound"),
            "¥" => Some("yen"),
            _ => None,
        });
    let count_one = m.single && m.low == 1.0 && m.high == 1.0;
    if count_one && next.is_some_and(|n| n.is("of")) {
        return None; // "one of the concerns"
    }
    // "no one", "the one proposed", "this one".
    if m.word_one
        && prev.is_some_and(|p| {
            ["no", "any", "this", "that", "which", "some", "every"].iter().chain(ANAPHORIC).any(|w| p.is(w))
        })
    {
        return None;
    }
    let year_shaped = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Num
                && t.text.len() == 4
                && t.text.bytes().all(|b| b.is_ascii_digit())
                && (1100.0..=2199.0).contains(&t.value)
        })
    };
    let years_range = !m.single && m.digits && year_shaped(m.core) && year_shaped(m.next - 1);
    let (unit, unit_span) = match currency {
        _ if m.share => (Some("percent".to_string()), Some(Span::new(core.start, toks[m.next - 1].end))),
        Some(c) => (Some(c.to_string()), prev.map(|p| p.span())),
        None => match scan_unit(toks, m.next, count_one, m.takes_of) {
            Some((u, s)) => (Some(u), Some(s)),
            None => (None, None),
        },
    };
    if unit.is_none() {
        if years_range {
            return None; // "from 2007 to 2008"
        }
        if m.word_one || (count_one && !m.digits) {
            return None;
        }
        if prev.is_some_and(|p| ANAPHORIC.iter().any(|a| p.is(a))) {
            return None; // "The four last met"
        }
        if m.digits
            && no_prefix
            && m.exact_int.is_some()
            && prev.is_some_and(|p| {
                p.kind == TokKind::Word
                    && p.capitalised()
                    && !p.text.contains(['\'', '’'])
                    && !STOP.iter().any(|s| p.is(s))
            })
        {
            return None; // "Boeing 747"
        }
    }
    if let Some(u) = &unit {
        let head = unit_head(u);
        if TIME_UNITS.contains(&head)
            || TIME_UNITS.iter().any(|t| {
                head.strip_suffix("-long").is_some_and(|h| h == *t)
                    || head.strip_suffix("-old").is_some_and(|h| h == *t)
            })
        {
            return None; // a duration: `times`
        }
        if FRACTIONS.contains(&head) {
            return None;
        }
    }
    let start = toks.get(m.start)?.start;
    let end = toks.get(m.next - 1)?.end;
    Some(Quantity {
        span: Span::new(start, end),
        low: m.low,
        high: m.high,
        approximate: m.approx,
        written: m.written,
        from: m.from,
        unit,
        unit_span,
    })
}

// ---------------------------------------------------------------------------------------------
// Comparing

fn close(x: f64, y: f64) -> bool {
    x == y || (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
}

/// How two quantities of the same thing relate: identical intervals agree, and so do two that
/// write the same value, one hedged or bounded inclusively; overlapping intervals are
/// compatible, disjoint ones differ. An approximate single value is widened by 10%. Two
/// changes relate as the worse of their values after and before ("from 62 to 64" / "to 64
/// from 60" differ); a change and a plain value compare the value after the change.
pub fn compare(a: &Quantity, b: &Quantity) -> Relation {
    let after = compare_values(a, b);
    let (Some(ba), Some(bb)) = (value_before(a), value_before(b)) else {
        return after;
    };
    match (after, compare_values(&ba, &bb)) {
        (Relation::Differ, _) | (_, Relation::Differ) => Relation::Differ,
        (Relation::Compatible, _) | (_, Relation::Compatible) => Relation::Compatible,
        _ => Relation::Agree,
    }
}

/// The value before a change, as a quantity of its own.
fn value_before(q: &Quantity) -> Option<Quantity> {
    let (low, high) = q.from?;
    Some(Quantity { low, high, written: None, from: None, unit: None, unit_span: None, ..*q })
}

/// Two changes that start or end at the same value ("from 62 to 64" / "from 62 to 65",
/// "from 62 to 64" / "to 64 from 60"): versions of one change, whether or not they differ.
pub fn one_change(a: &Quantity, b: &Quantity) -> bool {
    let (Some(ba), Some(bb)) = (value_before(a), value_before(b)) else {
        return false;
    };
    !chained(a, b) && (compare_values(a, b) != Relation::Differ || compare_values(&ba, &bb) != Relation::Differ)
}

/// Two changes, one of which starts where the other ends ("from 60 to 62" / "from 62 to 64"):
/// two steps, so two occasions.
pub fn chained(a: &Quantity, b: &Quantity) -> bool {
    let ends_at = |x: &Quantity, y: &Quantity| {
        y.from.is_some_and(|(l, h)| close(l, x.low) && close(h, x.high))
            && !(close(x.low, y.low) && close(x.high, y.high))
    };
    a.from.is_some() && b.from.is_some() && (ends_at(a, b) || ends_at(b, a))
}

fn compare_values(a: &Quantity, b: &Quantity) -> Relation {
    let same = close(a.low, b.low) && close(a.high, b.high);
    if same && (a.approximate == b.approximate || a.low < a.high) {
        return Relation::Agree;
    }
    // The same value, one of them hedged or bounded ("about 10 km" / "ten km"; "at least 40
    // percent" / "40%"): both say the value. The hedge is a typed difference of the group, not
    // another precision.
    let value = |q: &Quantity| q.written.unwrap_or((q.low, q.high));
    let ((al, ah), (bl, bh)) = (value(a), value(b));
    if (a.written.is_some() || b.written.is_some()) && close(al, bl) && close(ah, bh) {
        return Relation::Agree;
    }
    let widen = |q: &Quantity| {
        if q.approximate && close(q.low, q.high) {
            (q.low - 0.1 * q.low.abs(), q.high + 0.1 * q.high.abs())
        } else {
            (q.low, q.high)
        }
    };
    let (al, ah) = widen(a);
    let (bl, bh) = widen(b);
    let le = |x: f64, y: f64| x <= y || (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0);
    if le(al, bh) && le(bl, ah) {
        Relation::Compatible
    } else {
        Relation::Differ
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(t: &str) -> Span {
        Span::new(0, t.len())
    }

    #[test]
    fn tokens_carry_their_lower_case_at_the_same_offsets() {
        for t in ["Ten Interceptors in POLAND", "Đorđe Ülker said NINE", "İstanbul, 10 km", ""] {
            let low = crate::engine::tokens::lower_in_place(t);
            assert_eq!(low.len(), t.len(), "{t:?}");
            for tok in tokenize(t, &low, full(t)) {
                assert_eq!(tok.text, &t[tok.start..tok.end]);
                assert_eq!(tok.low.len(), tok.text.len());
                if !tok.text.contains('İ') {
                    assert_eq!(tok.lower(), tok.text.to_lowercase(), "{t:?}");
                }
            }
        }
        // A letter whose lower case is longer in UTF-8 stays as it is; the rest lower.
        assert_eq!(crate::engine::tokens::lower_in_place("İstanbul"), "İstanbul");
        assert_eq!(crate::engine::tokens::lower_in_place("ÜBER"), "über");
    }

    /// (span text, low, high, approximate, unit)
    fn assert_quantities(t: &str, want: &[(&str, f64, f64, bool, Option<&str>)]) {
        let got = find_quantities(t, full(t));
        let got: Vec<(&str, f64, f64, bool, Option<String>)> =
            got.iter().map(|q| (q.span.text(t), q.low, q.high, q.approximate, q.unit.clone())).collect();
        let want: Vec<(&str, f64, f64, bool, Option<String>)> =
            want.iter().map(|&(s, l, h, a, u)| (s, l, h, a, u.map(|u| u.to_string()))).collect();
        assert_eq!(got.len(), want.len(), "in {t:?}: got {got:?}, want {want:?}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g.0, w.0, "in {t:?}");
            assert!(close(g.1, w.1) && close(g.2, w.2), "in {t:?}: got {g:?}, want {w:?}");
            assert_eq!(g.3, w.3, "approximate, in {t:?}: {g:?}");
            assert_eq!(g.4, w.4, "unit, in {t:?}");
        }
    }

    const U: f64 = UNBOUNDED;
    /// (span text, low, high, approximate, unit)
    type Want = (&'static str, f64, f64, bool, Option<&'static str>);

    #[test]
    fn digits() {
        let cases: &[(&str, &[Want])] = &[
            (
                "plans to station 10 interceptor missiles in Poland",
                &[("10", 10.0, 10.0, false, Some("interceptor missile"))],
            ),
            ("any of the 20 countries that are developing", &[("20", 20.0, 20.0, false, Some("country"))]),
            ("27 people were hurt", &[("27", 27.0, 27.0, false, Some("person"))]),
            ("some 5,000 troops", &[("some 5,000", 4500.0, 5500.0, true, Some("troop"))]),
            ("5,000 troops", &[("5,000", 5000.0, 5000.0, false, Some("troop"))]),
            ("it grew 3.5 times", &[("3.5", 3.5, 3.5, false, None)]),
            ("turnout was 27%", &[("27", 27.0, 27.0, false, Some("percent"))]),
            ("a 27 percent rise", &[("27", 27.0, 27.0, false, Some("percent"))]),
            ("a 27 per cent rise", &[("27", 27.0, 27.0, false, Some("percent"))]),
            ("it cost $5 million", &[("5 million", 4.5e6, 5.5e6, true, Some("dollar"))]),
            ("1.2 million refugees", &[("1.2 million", 1.15e6, 1.25e6, true, Some("refugee"))]),
            ("10 aircraft", &[("10", 10.0, 10.0, false, Some("aircraft"))]),
            ("10 more missiles", &[("10", 10.0, 10.0, false, Some("missile"))]),
            ("casualties rose to 27.", &[("27", 27.0, 27.0, false, None)]),
            ("2000 troops were sent", &[("2000", 2000.0, 2000.0, false, Some("troop"))]),
            ("a 10-point plan", &[("10", 10.0, 10.0, false, Some("point"))]),
            ("20 countries' leaders", &[("20", 20.0, 20.0, false, Some("country"))]),
            ("some 20 U.S. officials", &[("some 20", 18.0, 22.0, true, Some("u.s. official"))]),
            ("It's 3.5 million", &[("3.5 million", 3.45e6, 3.55e6, true, None)]),
            ("10\u{a0}000 people", &[("10\u{a0}000", 10000.0, 10000.0, false, Some("person"))]),
            // Known limit: a plain space is not a thousands separator; "000" is dropped.
            ("10 000 people", &[("10", 10.0, 10.0, false, None)]),
            ("a 5,000-strong force", &[("5,000", 5000.0, 5000.0, false, None)]),
            ("In Poland 10 interceptors", &[("10", 10.0, 10.0, false, Some("interceptor"))]),
        ];
        for (t, want) in cases {
            assert_quantities(t, want);
        }
    }

    #[test]
    fn words() {
        let cases: &[(&str, &[Want])] = &[
            (
                "there is no way that nine or ten interceptors could",
                &[("nine or ten", 9.0, 10.0, true, Some("interceptor"))],
            ),
            ("twenty-five soldiers", &[("twenty-five", 25.0, 25.0, false, Some("soldier"))]),
            ("twenty five soldiers", &[("twenty five", 25.0, 25.0, false, Some("soldier"))]),
            ("one hundred and twenty people", &[("one hundred and twenty", 120.0, 120.0, false, Some("person"))]),
            ("a dozen countries", &[("a dozen", 12.0, 12.0, true, Some("country"))]),
            ("a hundred tanks", &[("a hundred", 100.0, 100.0, false, Some("tank"))]),
            ("two million voters", &[("two million", 1.5e6, 2.5e6, true, Some("voter"))]),
            ("the two countries strategic relationship", &[("two", 2.0, 2.0, false, Some("country"))]),
            ("one interceptor missile", &[("one", 1.0, 1.0, false, Some("interceptor missile"))]),
            (
                "three men and two women",
                &[("three", 3.0, 3.0, false, Some("man")), ("two", 2.0, 2.0, false, Some("woman"))],
            ),
        ];
        for (t, want) in cases {
            assert_quantities(t, want);
        }
    }

    #[test]
    fn vague_amounts() {
        let cases: &[(&str, &[Want])] = &[
            ("thousands of protesters", &[("thousands", 2000.0, 9999.0, true, Some("protester"))]),
            ("thousands marched", &[("thousands", 2000.0, 9999.0, true, None)]),
            ("hundreds of people", &[("hundreds", 200.0, 999.0, true, Some("person"))]),
            ("tens of thousands of refugees", &[("tens of thousands", 20000.0, 99999.0, true, Some("refugee"))]),
            ("hundreds of thousands of votes", &[("hundreds of thousands", 2e5, 999999.0, true, Some("vote"))]),
            ("dozens of villages", &[("dozens", 24.0, 119.0, true, Some("village"))]),
            ("several hundred soldiers", &[("several hundred", 200.0, 999.0, true, Some("soldier"))]),
            ("a few thousand soldiers", &[("a few thousand", 2000.0, 9999.0, true, Some("soldier"))]),
            ("several countries", &[]),
            ("a few people", &[]),
        ];
        for (t, want) in cases {
            assert_quantities(t, want);
        }
    }

    #[test]
    fn ranges_and_alternatives() {
        let cases: &[(&str, &[Want])] = &[
            ("5-6,000 protesters", &[("5-6,000", 5000.0, 6000.0, false, Some("protester"))]),
            ("1-1,000 votes", &[("1-1,000", 1.0, 1000.0, false, Some("vote"))]),
            ("5-6 missiles", &[("5-6", 5.0, 6.0, false, Some("missile"))]),
            ("5–6 missiles", &[("5–6", 5.0, 6.0, false, Some("missile"))]),
            ("between 20 and 30 people", &[("between 20 and 30", 20.0, 30.0, false, Some("person"))]),
            ("from 20 to 30 people", &[("from 20 to 30", 20.0, 30.0, false, Some("person"))]),
            ("20 to 30 people", &[("20 to 30", 20.0, 30.0, false, Some("person"))]),
            ("5-6 million people", &[("5-6 million", 5e6, 6e6, true, Some("person"))]),
            ("five to six thousand people", &[("five to six thousand", 5000.0, 6000.0, true, Some("person"))]),
            ("one or two", &[("one or two", 1.0, 2.0, true, None)]),
            ("10 or more ships", &[("10 or more", 10.0, U, true, Some("ship"))]),
            ("40-plus people", &[("40-plus", 40.0, U, true, Some("person"))]),
            ("40+ people", &[("40+", 40.0, U, true, Some("person"))]),
            ("300 or so people", &[("300 or so", 270.0, 330.0, true, Some("person"))]),
            ("won 3-1 yesterday", &[]),
            ("fell from the sky", &[]),
        ];
        for (t, want) in cases {
            assert_quantities(t, want);
        }
    }

    /// (span text, value after, value before, unit) of each change in `t`.
    fn assert_changes(t: &str, want: &[(&str, f64, f64, Option<&str>)]) {
        let got: Vec<(&str, f64, Option<(f64, f64)>, Option<String>)> =
            find_quantities(t, full(t)).iter().map(|q| (q.span.text(t), q.low, q.from, q.unit.clone())).collect();
        let want: Vec<(&str, f64, Option<(f64, f64)>, Option<String>)> =
            want.iter().map(|&(s, v, f, u)| (s, v, Some((f, f)), u.map(str::to_string))).collect();
        assert_eq!(got, want, "in {t:?}");
    }

    #[test]
    fn changes_are_a_value_after_and_a_value_before() {
        let cases: &[(&str, &[(&str, f64, f64, Option<&str>)])] = &[
            ("raise the state pension age from 62 to 64", &[("from 62 to 64", 64.0, 62.0, None)]),
            ("raise the state pension age to 64 from 62", &[("64 from 62", 64.0, 62.0, None)]),
            ("the age was last raised, from 60 to 62, in 2013", &[("from 60 to 62", 62.0, 60.0, None)]),
            ("the toll fell from 27 to 25 people", &[("from 27 to 25", 25.0, 27.0, Some("person"))]),
            ("inflation rose from 5% to 6%", &[("from 5% to 6", 6.0, 5.0, Some("percent"))]),
            ("12 ships, up from 9 ships", &[("12 ships, up from 9", 12.0, 9.0, Some("ship"))]),
            ("retire at 64 instead of 62", &[("64 instead of 62", 64.0, 62.0, None)]),
        ];
        for (t, want) in cases {
            assert_changes(t, want);
        }
        // Without a verb of change, "from X to Y" is a range of estimates, and "X from Y" two counts.
        assert_quantities("from 20 to 30 people were hurt", &[("from 20 to 30", 20.0, 30.0, false, Some("person"))]);
        assert_quantities(
            "40 people from 12 villages",
            &[("40", 40.0, 40.0, false, Some("person")), ("12", 12.0, 12.0, false, Some("village"))],
        );
        // Counts of two things are not one change.
        assert_quantities(
            "cut to 40 ships from 12 ports",
            &[("40", 40.0, 40.0, false, Some("ship")), ("12", 12.0, 12.0, false, Some("port"))],
        );
    }

    #[test]
    fn changes_compare_before_and_after() {
        let find = |t: &str| find_quantities(t, full(t)).into_iter().next().unwrap();
        let cases: &[(&str, &str, Relation)] = &[
            ("raise the age from 62 to 64", "raise the age to 64 from 62", Relation::Agree),
            ("raise the age from 62 to 64", "raise the age from 60 to 64", Relation::Differ),
            ("raise the age from 62 to 64", "raise the age from 62 to 65", Relation::Differ),
            ("raise the age from 62 to 64", "the age of 64", Relation::Agree),
            ("rose from 27 to about 30 people", "rose from 27 to 31 people", Relation::Compatible),
        ];
        for (a, b, want) in cases {
            assert_eq!(compare(&find(a), &find(b)), *want, "{a} vs {b}");
            assert_eq!(compare(&find(b), &find(a)), *want, "{b} vs {a}");
        }
        let (older, newer) = (find("raised from 60 to 62"), find("raise from 62 to 64"));
        assert!(chained(&older, &newer) && chained(&newer, &older));
        assert!(!chained(&newer, &find("raise to 64 from 62")));
        assert!(!chained(&older, &find("the age of 62")), "a plain value is not a step");
    }

    #[test]
    fn approximations() {
        let cases: &[(&str, &[Want])] = &[
            ("about 300 people", &[("about 300", 270.0, 330.0, true, Some("person"))]),
            ("around 300 people", &[("around 300", 270.0, 330.0, true, Some("person"))]),
            ("an estimated 300 people", &[("an estimated 300", 270.0, 330.0, true, Some("person"))]),
            ("nearly 40 people", &[("nearly 40", 36.0, 40.0, true, Some("person"))]),
            ("more than 40 people", &[("more than 40", 40.0, U, true, Some("person"))]),
            ("over 40 people", &[("over 40", 40.0, U, true, Some("person"))]),
            ("at least 40 people", &[("at least 40", 40.0, U, true, Some("person"))]),
            ("fewer than 40 people", &[("fewer than 40", 0.0, 40.0, true, Some("person"))]),
            ("up to 40 people", &[("up to 40", 0.0, 40.0, true, Some("person"))]),
            ("as many as 40 people", &[("as many as 40", 0.0, 40.0, true, Some("person"))]),
            ("About 300 people came", &[("About 300", 270.0, 330.0, true, Some("person"))]),
            ("some progress over time", &[]),
        ];
        for (t, want) in cases {
            assert_quantities(t, want);
        }
    }

    #[test]
    fn not_quantities() {
        let none: &[&str] = &[
            "in what is being called the two-plus-two format",
            "during this two-plus-two session",
            "a one-on-one meeting",
            "a 2+2 meeting",
            "from 2007 to 2008",
            "in 2007-2008",
            "a radar similar to the one proposed for the Czech Republic",
            "the 2008 elections",
            "agent 007",
            "The four last met in October",
            "the four agreed",
            "One of the concerns that we are going to have to address",
            "But one can't guarantee that.",
            "no one was hurt",
            "at the G8 summit",
            "an F-16 fighter",
            "F-16 fighters",
            "a Boeing 747 landed",
            "under Article 5 of the treaty",
            "in 2007",
            "The dispute began in 2008.",
            "March 18, 2008",
            "on 18 March",
            "on Sept. 18",
            "Strategic Arms Reduction Treaty, or START",
            "the first stop and the second stop",
            "at 5 p.m. on Tuesday",
            "at 10:30 local time",
            "the 1990s",
            "the 18th century",
            "No. 5 Downing",
            "the Group of Eight",
            "a week after Rice went",
            "their hour-long meeting",
            "for three days",
            "a 27-year-old man",
            "a five-year plan",
            "several months",
            "nine or ten years",
        ];
        for t in none {
            assert_quantities(t, &[]);
        }
    }

    #[test]
    fn fractions_are_shares_in_percent() {
        let third = 100.0 / 3.0;
        assert_quantities("two-thirds of voters", &[("two-thirds", 2.0 * third, 2.0 * third, true, Some("percent"))]);
        assert_quantities(
            "for more than two thirds of the water",
            &[("more than two thirds", 2.0 * third, UNBOUNDED, true, Some("percent"))],
        );
        assert_quantities(
            "holding out for more than half.",
            &[("more than half", 50.0, UNBOUNDED, true, Some("percent"))],
        );
        assert_quantities("half of the reservoir", &[("half", 50.0, 50.0, true, Some("percent"))]);
        assert_quantities("a quarter of the budget", &[("a quarter", 25.0, 25.0, true, Some("percent"))]);
        assert_quantities("one-third of the seats", &[("one-third", third, third, true, Some("percent"))]);
        assert_quantities(
            "nearly three-quarters of them",
            &[("nearly three-quarters", 67.5, 75.0, true, Some("percent"))],
        );
        // Not shares: times, ordinals, a fraction without "of" after "a", halves of things.
        for t in [
            "half an hour later",
            "a half-hour meeting",
            "in the first half of the year",
            "a third round of talks",
            "a quarter of a century",
            "the second half",
            "two and a half",
            "one third party",
        ] {
            let got = find_quantities(t, full(t));
            assert!(got.iter().all(|q| q.unit.as_deref() != Some("percent")), "{t:?}: {got:?}");
        }
        // A share compares with a percentage: "more than half" / "55%" can both be true.
        let q = |t: &str| find_quantities(t, full(t)).remove(0);
        assert_eq!(compare(&q("more than half"), &q("55%")), Relation::Compatible);
        assert_eq!(compare(&q("two-thirds of it"), &q("72%")), Relation::Compatible);
        assert_eq!(compare(&q("a quarter of it"), &q("60 percent")), Relation::Differ);
    }

    #[test]
    fn units_and_heads() {
        let cases: &[(&str, &str)] = &[
            ("interceptor missile", "missile"),
            ("interceptor", "interceptor"),
            ("surface-to-air interceptor", "interceptor"),
            ("", ""),
        ];
        for (u, h) in cases {
            assert_eq!(unit_head(u), *h);
        }
        let lemmas: &[(&str, &str)] = &[
            ("interceptors", "interceptor"),
            ("countries", "country"),
            ("missiles", "missile"),
            ("people", "person"),
            ("boxes", "box"),
            ("churches", "church"),
            ("wolves", "wolf"),
            ("servicemen", "serviceman"),
            ("bases", "base"),
            ("news", "news"),
            ("crisis", "crisis"),
            ("class", "class"),
            ("allies", "ally"),
        ];
        for (w, l) in lemmas {
            assert_eq!(singular(w), *l, "{w}");
        }
        let t = "plans to station 10 interceptor missiles in Poland";
        let q = &find_quantities(t, full(t))[0];
        assert_eq!(q.unit_span.unwrap().text(t), "interceptor missiles");
        let t = "the shield, which consists of a radar system and surface-to-air interceptors";
        assert_quantities(t, &[]);
        let t = "12 surface-to-air interceptors";
        assert_quantities(t, &[("12", 12.0, 12.0, false, Some("surface-to-air interceptor"))]);
    }

    #[test]
    fn within_span_only() {
        let t = "10 missiles and 20 countries";
        let qs = find_quantities(t, Span::new(3, t.len()));
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].span.text(t), "20");
        assert!(find_quantities(t, Span::new(5, 500)).is_empty());
        assert!(find_quantities("é10 missiles", Span::new(1, 5)).is_empty());
    }

    fn q(low: f64, high: f64, approximate: bool) -> Quantity {
        Quantity {
            span: Span::default(),
            low,
            high,
            approximate,
            written: None,
            from: None,
            unit: None,
            unit_span: None,
        }
    }

    #[test]
    fn comparing() {
        let find = |t: &str| find_quantities(t, full(t)).into_iter().next().unwrap();
        let cases: &[(&str, &str, Relation)] = &[
            ("nine or ten interceptors", "10 interceptor missiles", Relation::Compatible),
            ("thousands of people", "5-6,000 people", Relation::Compatible),
            ("about 300 people", "312 people", Relation::Compatible),
            ("27 people", "25 people", Relation::Differ),
            ("10 missiles", "20 missiles", Relation::Differ),
            ("10 missiles", "10 missiles", Relation::Agree),
            ("thousands of people", "thousands of people", Relation::Agree),
            ("more than 40 people", "50 people", Relation::Compatible),
            ("more than 40 people", "30 people", Relation::Differ),
            ("a dozen people", "12 people", Relation::Compatible),
            ("about 10 kilometres", "ten kilometres", Relation::Agree),
            ("some 300 people", "300 people", Relation::Agree),
            ("about 300 people", "some 300 people", Relation::Agree),
            ("at least 40 percent", "40 percent", Relation::Agree),
            ("up to 40 percent", "40 percent", Relation::Agree),
            ("more than 40 percent", "40 percent", Relation::Compatible),
            ("at least 40 percent", "45 percent", Relation::Compatible),
            ("a dozen people", "11 people", Relation::Compatible),
            ("1.2 million people", "1,234,567 people", Relation::Compatible),
            ("5 million people", "5 million people", Relation::Agree),
            ("nine or ten interceptors", "9-10 interceptors", Relation::Agree),
            ("hundreds of people", "thousands of people", Relation::Differ),
        ];
        for (a, b, want) in cases {
            assert_eq!(compare(&find(a), &find(b)), *want, "{a} vs {b}");
            assert_eq!(compare(&find(b), &find(a)), *want, "{b} vs {a}");
        }
        assert_eq!(compare(&q(f64::NAN, 1.0, false), &q(1.0, 1.0, false)), Relation::Differ);
        assert_eq!(compare(&q(0.0, UNBOUNDED, true), &q(1e300, 1e300, false)), Relation::Compatible);
    }

    #[test]
    fn articles() {
        let t = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/articles/004_742d5dcaba902641.txt"
        ));
        let Ok(t) = t else { return };
        let got: Vec<String> =
            find_quantities(&t, full(&t)).iter().map(|q| format!("{} {:?}", q.span.text(&t), q.unit)).collect();
        assert_eq!(got, vec!["10 Some(\"interceptor missile\")".to_string()]);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_spans_are_good(s in "\\PC{0,80}", a in 0usize..100, b in 0usize..100) {
            for span in [Span { start: 0, end: s.len() }, Span { start: a, end: b }] {
                for q in find_quantities(&s, span) {
                    prop_assert!(span.contains(q.span));
                    prop_assert!(s.is_char_boundary(q.span.start) && s.is_char_boundary(q.span.end));
                    prop_assert!(q.span.start < q.span.end);
                    prop_assert!(q.low <= q.high && q.low.is_finite() && q.high.is_finite());
                    if let Some(u) = q.unit_span {
                        prop_assert!(span.contains(u));
                        prop_assert!(s.is_char_boundary(u.start) && s.is_char_boundary(u.end));
                    }
                }
            }
        }

        #[test]
        fn number_soup(words in proptest::collection::vec(prop_oneof![
            Just("nine"), Just("or"), Just("ten"), Just("-"), Just("5"), Just("6,000"), Just("thousands"), Just("of"),
            Just("a"), Just("dozen"), Just("million"), Just("plus"), Just("about"), Just("more"), Just("than"),
            Just("people"), Just("the"), Just("2008"), Just("March"), Just("between"), Just("and"), Just("+"),
            Just("%"), Just("$"), Just("one"), Just("hundred"), Just("1.5"), Just("’s"), Just("é")
        ], 0..14), sep in prop_oneof![Just(" "), Just("")]) {
            let s = words.join(sep);
            for q in find_quantities(&s, Span { start: 0, end: s.len() }) {
                prop_assert!(s.is_char_boundary(q.span.start) && s.is_char_boundary(q.span.end) && q.span.end <= s.len());
                prop_assert!(q.low <= q.high);
            }
        }
    }
}

#[cfg(test)]
mod parse_decimal_tests {
    use super::parse_decimal;

    #[test]
    fn reads_numbers_as_str_parse_does() {
        for s in ["0", "7", "27", "2007", "3.5", "0.1", "2.35", "1.", "12.125", "5000000", "9876543210.25", "0.000001"]
        {
            assert_eq!(parse_decimal(s.bytes()), s.parse::<f64>().unwrap(), "{s}");
        }
        for s in ["", ".", "1.2.3"] {
            assert!(parse_decimal(s.bytes()).is_nan(), "{s}");
        }
    }
}
