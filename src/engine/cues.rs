//! Cues: the words that turn a claim's polarity (negation) or soften its certainty (hedging),
//! each with its span and its lower-case wording.
//!
//! Negation: "not", "no", "never", "none", "nothing", "nobody", "nowhere", "neither", "nor",
//! "without", "cannot", any "-n't" word ("didn't", "won't", "can’t"), "no one", "no-one",
//! "no longer", "in no way", "denied"/"denies"/"deny"/"denying", "declined to", "refused to",
//! "failed to" (and their other tenses). "not only" (additive), "whether or not", "no doubt",
//! "No. 5" and compounds like "no-fly" are not negations; matching is on whole words, so
//! "Nobel", "know", "notable", "non-proliferation" are not either.
//!
//! Hedging: "may", "might", "could", "would", "possibly", "perhaps", "maybe", "likely",
//! "unlikely", "probably", "potentially", "reportedly", "apparently", "allegedly",
//! "supposedly", "purportedly", "presumably", "seemingly", "appear(s/ed)", "seem(s/ed)",
//! "hope(s/d)", "hoping", "expect(s/ed)", "expecting", "believe(s/d)", "plans to", "planned
//! to", "planning to", "(is/are/was/were) scheduled to", "if", "unless". Not hedges: "should",
//! "must", "will" (obligation or plain future), "think", "possible" and "potential" (as
//! adjectives they describe the thing, not the claim), "if you will", "May" capitalised inside
//! a sentence or before a number (the month).
//!
//! "would" after a reporting verb earlier in the span ("said they would give", "stressed that
//! the governments would have to agree") is the future in the past of reported speech, not a
//! hedge; a quote mark after the reporting verb starts a direct quote, where "would" hedges
//! again. "would like/love/prefer/rather" is a wish, not a hedge. "would not be made
//! operational until" gives a hedge ("would") and a negation ("not").
//!
//! `polarity_differs`: one side has an odd number of negations and the other an even number
//! ("nor" does not count: "neither ... nor" is one negation). `hedging_differs`: one side is
//! hedged and the other not.
//!
//! Known limits: English only; no syntax, so a negation's scope is not known ("not only" aside,
//! "it is not that X" and "not X but Y" count as negating the whole claim); lexical negatives
//! ("rejected", "unchanged", "opposes") are not cues; reported speech is found only by its
//! verb, so "would" after an unlisted reporting verb still counts as a hedge.

use super::model::{Cue, CueKind, Span};
use super::wordset::{PhraseIndex, WordSet};

#[derive(Clone, Copy, Debug)]
struct W<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Lower case, curly apostrophes made straight.
    lower: &'a str,
    punct: bool,
}

/// Word tokens (letters and digits with inner apostrophes) and single punctuation characters.
fn tokens(text: &str, span: Span) -> Vec<(usize, usize, bool)> {
    let Some(t) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let n = chars.len();
    let at = |k: usize| if k < n { chars[k].0 } else { t.len() };
    let mut out = Vec::with_capacity(t.len() / 5 + 1);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            loop {
                match chars.get(j).map(|x| x.1) {
                    Some(d) if d.is_alphanumeric() => j += 1,
                    Some('\'' | '’') if chars.get(j + 1).is_some_and(|x| x.1.is_alphabetic()) => j += 2,
                    _ => break,
                }
            }
            out.push((span.start + at(i), span.start + at(j), false));
            i = j;
        } else {
            out.push((span.start + at(i), span.start + at(i + 1), true));
            i += 1;
        }
    }
    out
}

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nothing", "nobody", "nowhere", "neither", "nor", "without", "cannot", "denied",
    "denies", "deny", "denying",
];

/// Multi-word cues, longest first within each kind.
const NEGATION_PHRASES: &[&[&str]] = &[
    &["in", "no", "way"],
    &["no", "one"],
    &["no", "longer"],
    &["declined", "to"],
    &["declines", "to"],
    &["decline", "to"],
    &["declining", "to"],
    &["refused", "to"],
    &["refuses", "to"],
    &["refuse", "to"],
    &["refusing", "to"],
    &["failed", "to"],
    &["fails", "to"],
    &["fail", "to"],
    &["failing", "to"],
];

const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "would",
    "possibly",
    "perhaps",
    "maybe",
    "likely",
    "unlikely",
    "probably",
    "potentially",
    "reportedly",
    "apparently",
    "allegedly",
    "supposedly",
    "purportedly",
    "presumably",
    "seemingly",
    "appear",
    "appears",
    "appeared",
    "appearing",
    "seem",
    "seems",
    "seemed",
    "seeming",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "expect",
    "expects",
    "expected",
    "expecting",
    "believe",
    "believes",
    "believed",
    "if",
    "unless",
];

const HEDGE_PHRASES: &[&[&str]] = &[
    &["is", "scheduled", "to"],
    &["are", "scheduled", "to"],
    &["was", "scheduled", "to"],
    &["were", "scheduled", "to"],
    &["scheduled", "to"],
    &["plans", "to"],
    &["planned", "to"],
    &["planning", "to"],
    &["expected", "to"],
];

/// Verbs whose clause puts a later "would" in reported speech.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "stressed",
    "added",
    "announced",
    "insisted",
    "promised",
    "pledged",
    "warned",
    "noted",
    "explained",
    "confirmed",
    "claimed",
    "argued",
    "predicted",
    "agreed",
    "indicated",
    "reported",
    "stated",
    "declared",
    "acknowledged",
    "assured",
    "vowed",
    "replied",
    "wrote",
    "thought",
    "knew",
    "understood",
    "decided",
];

fn is_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "«" | "»" | "„")
}

static NEGATION_SET: WordSet = WordSet::new(NEGATIONS);
static HEDGE_SET: WordSet = WordSet::new(HEDGES);
static REPORTING_SET: WordSet = WordSet::new(REPORTING);
static NEGATION_PHRASE_INDEX: PhraseIndex = PhraseIndex::new(NEGATION_PHRASES);
static HEDGE_PHRASE_INDEX: PhraseIndex = PhraseIndex::new(HEDGE_PHRASES);

/// The negation and hedging cues inside `span` of `text`, in text order.
pub fn find_cues(text: &str, span: Span) -> Vec<Cue> {
    find_cues_lowered(text, span, &super::tokens::lower_in_place(text.get(span.start..span.end).unwrap_or("")))
}

/// [`find_cues`] with the span's text already in lower case (`tokens::lower_in_place`), as the
/// claim builder has it for numbers and times.
pub fn find_cues_lowered(text: &str, span: Span, low: &str) -> Vec<Cue> {
    let raw = tokens(text, span);
    // Lower case with a straight apostrophe, cut from the lower-cased span (an allocation only
    // for a token with a curly apostrophe).
    let lowers: Vec<std::borrow::Cow<str>> = raw
        .iter()
        .map(|&(s, e, _)| {
            let t = low.get(s - span.start..e - span.start).unwrap_or("");
            if t.contains('’') {
                std::borrow::Cow::Owned(t.replace('’', "'"))
            } else {
                std::borrow::Cow::Borrowed(t)
            }
        })
        .collect();
    let toks: Vec<W> = raw
        .iter()
        .zip(&lowers)
        .map(|(&(start, end, punct), lower)| W { start, end, text: text.get(start..end).unwrap_or(""), lower, punct })
        .collect();
    let word = |k: usize| toks.get(k).filter(|t| !t.punct).map(|t| t.lower);
    // Consecutive words with only white space between them match a phrase.
    let phrase_at = |k: usize, p: &[&str]| p.iter().enumerate().all(|(o, w)| word(k + o) == Some(*w));
    let mut out = Vec::new();
    let mut reported = false;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if t.punct {
            if is_quote(t.text) {
                reported = false;
            }
            i += 1;
            continue;
        }
        let push = |out: &mut Vec<Cue>, kind: CueKind, from: usize, to: usize| {
            let (s, e) = (toks[from].start, toks[to - 1].end);
            let word = toks[from..to].iter().map(|w| w.lower).collect::<Vec<_>>().join(" ");
            out.push(Cue { kind, span: Span::new(s, e), word });
        };
        if let Some(&p) = NEGATION_PHRASE_INDEX.find(t.lower, |p| phrase_at(i, p)) {
            push(&mut out, CueKind::Negation, i, i + p.len());
            i += p.len();
            continue;
        }
        // "no-one".
        if t.lower == "no"
            && toks.get(i + 1).is_some_and(|h| h.text == "-" && h.start == t.end)
            && toks.get(i + 2).is_some_and(|o| o.lower == "one" && o.start == toks[i + 1].end)
        {
            out.push(Cue { kind: CueKind::Negation, span: Span::new(t.start, toks[i + 2].end), word: "no-one".into() });
            i += 3;
            continue;
        }
        if let Some(&p) = HEDGE_PHRASE_INDEX.find(t.lower, |p| phrase_at(i, p)) {
            push(&mut out, CueKind::Hedge, i, i + p.len());
            i += p.len();
            continue;
        }
        let w = t.lower;
        if REPORTING_SET.contains(w) {
            reported = true;
        }
        let next = word(i + 1);
        let prev = i.checked_sub(1).and_then(|k| toks.get(k));
        if NEGATION_SET.contains(w) || (w.ends_with("n't") && w.len() > 3) {
            let skip = match w {
                "not" => {
                    next == Some("only")
                        || (prev.is_some_and(|p| p.lower == "or") && i >= 2 && word(i - 2) == Some("whether"))
                }
                "no" => {
                    next == Some("doubt")
                        || toks
                            .get(i + 1)
                            .is_some_and(|n| n.punct && (n.text == "-" || n.text == ".") && n.start == t.end)
                        || toks.get(i + 1).is_some_and(|n| n.lower.bytes().next().is_some_and(|b| b.is_ascii_digit()))
                }
                _ => false,
            };
            if !skip {
                out.push(Cue { kind: CueKind::Negation, span: Span::new(t.start, t.end), word: w.to_string() });
            }
            i += 1;
            continue;
        }
        if HEDGE_SET.contains(w) {
            let skip = match w {
                "would" => reported || matches!(next, Some("like" | "love" | "prefer" | "rather")),
                "may" => {
                    // "May" the month: capitalised inside the span, or before a number.
                    (t.text.starts_with('M') && i > 0 && !prev.is_some_and(|p| p.punct && is_quote(p.text)))
                        || toks.get(i + 1).is_some_and(|n| n.lower.bytes().next().is_some_and(|b| b.is_ascii_digit()))
                }
                "if" => next == Some("you") && word(i + 2) == Some("will"),
                _ => false,
            };
            if !skip {
                out.push(Cue { kind: CueKind::Hedge, span: Span::new(t.start, t.end), word: w.to_string() });
            }
        }
        i += 1;
    }
    out
}

/// Negations that count for polarity ("nor" continues a negation rather than adding one).
fn negations(cues: &[Cue]) -> usize {
    cues.iter().filter(|c| c.kind == CueKind::Negation && c.word != "nor").count()
}

/// One side negated an odd number of times and the other an even number.
pub fn polarity_differs(a: &[Cue], b: &[Cue]) -> bool {
    negations(a) % 2 != negations(b) % 2
}

/// One side hedged and the other not.
pub fn hedging_differs(a: &[Cue], b: &[Cue]) -> bool {
    let hedged = |c: &[Cue]| c.iter().any(|c| c.kind == CueKind::Hedge);
    hedged(a) != hedged(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const N: CueKind = CueKind::Negation;
    const H: CueKind = CueKind::Hedge;

    fn assert_cues(t: &str, want: &[(&str, CueKind)]) {
        let got: Vec<(&str, CueKind, String)> =
            find_cues(t, Span::new(0, t.len())).iter().map(|c| (c.span.text(t), c.kind, c.word.clone())).collect();
        let got_short: Vec<(&str, CueKind)> = got.iter().map(|g| (g.0, g.1)).collect();
        assert_eq!(got_short, want, "in {t:?}: {got:?}");
    }

    #[test]
    fn negations() {
        let cases: &[(&str, &[(&str, CueKind)])] = &[
            ("and are not aimed at Russia", &[("not", N)]),
            ("there is no way that", &[("no", N)]),
            ("It is in no way, shape or form, directed at Russia.", &[("in no way", N)]),
            (
                "Nobody knows; nothing happened; none came; never again",
                &[("Nobody", N), ("nothing", N), ("none", N), ("never", N)],
            ),
            ("it didn't work and they can’t say", &[("didn't", N), ("can’t", N)]),
            ("one cannot guarantee", &[("cannot", N)]),
            ("no one was injured", &[("no one", N)]),
            ("no-one was injured", &[("no-one", N)]),
            ("neither Rice nor Gates", &[("neither", N), ("nor", N)]),
            ("they left without a deal", &[("without", N)]),
            ("but declined to provide any specifics", &[("declined to", N)]),
            ("he refused to comment", &[("refused to", N)]),
            ("the ministry denied the report", &[("denied", N)]),
            ("Russia no longer objects", &[("no longer", N)]),
            ("The Nobel laureate did know it was notable", &[]),
            ("non-proliferation and nonproliferation", &[]),
            ("not only the radar but also the missiles", &[]),
            ("whether or not they agree", &[]),
            ("a no-fly zone", &[]),
            ("No. 10 Downing Street", &[]),
            ("there is no doubt", &[]),
            ("Moscow has no right to interfere", &[("no", N)]),
        ];
        for (t, want) in cases {
            assert_cues(t, want);
        }
    }

    #[test]
    fn hedges() {
        let cases: &[(&str, &[(&str, CueKind)])] = &[
            ("the talks may go some way", &[("may", H)]),
            ("the character of these sites might change", &[("might", H)]),
            ("the system could threaten Russia", &[("could", H)]),
            ("possibly Iraq, perhaps Azerbaijan", &[("possibly", H), ("perhaps", H)]),
            ("the four are expected to discuss", &[("expected to", H)]),
            ("Bush plans to go to Russia", &[("plans to", H)]),
            ("Rice and Gates are scheduled to meet", &[("are scheduled to", H)]),
            ("the administration hopes will lead", &[("hopes", H)]),
            ("he reportedly said", &[("reportedly", H)]),
            ("it appears likely", &[("appears", H), ("likely", H)]),
            ("if Iran tests a missile", &[("if", H)]),
            ("coming to Russia, if you will, from the Middle East", &[]),
            ("In May the talks resumed", &[]),
            ("May 5 was the date", &[]),
            ("May we ask?", &[("May", H)]),
            ("the shield should be set; it must work; it will work", &[]),
            ("We would love to share that data", &[]),
            ("We would like to have the Russians as partners", &[]),
        ];
        for (t, want) in cases {
            assert_cues(t, want);
        }
    }

    #[test]
    fn would_in_reported_speech() {
        let cases: &[(&str, &[(&str, CueKind)])] = &[
            ("Rice and Gates said they would give the Russians a report", &[]),
            ("officials have stressed that the Czech and Polish governments would have to agree", &[]),
            ("\"I would expect to hear back reasonably quickly,\" he said.", &[("would", H), ("expect", H)]),
            ("he said: \"We would consider it.\"", &[("would", H)]),
            (
                "The system would not be made operational until Iran test-fires a missile that could threaten Europe",
                &[("would", H), ("not", N), ("could", H)],
            ),
            ("Russia would not have a veto", &[("would", H), ("not", N)]),
            ("officials said that Russia would not have a veto", &[("not", N)]),
        ];
        for (t, want) in cases {
            assert_cues(t, want);
        }
    }

    #[test]
    fn within_span_only() {
        let t = "not here, but may be there";
        let cues = find_cues(t, Span::new(4, t.len()));
        assert_eq!(cues.len(), 1);
        assert_eq!(cues[0].word, "may");
        assert!(find_cues(t, Span::new(3, 100)).is_empty());
        assert!(find_cues("é not", Span::new(1, 5)).is_empty());
    }

    #[test]
    fn differences() {
        let cues = |t: &str| find_cues(t, Span::new(0, t.len()));
        let cases: &[(&str, &str, bool, bool)] = &[
            ("two people were hurt", "no one was injured", true, false),
            ("the plan is not aimed at Russia", "the plan is aimed at Iran", true, false),
            ("it was not without problems", "it had problems", false, false),
            ("neither Rice nor Gates spoke", "Rice did not speak", false, false),
            ("the talks may resume", "the talks will resume", false, true),
            ("the talks may not resume", "the talks will resume", true, true),
            ("they could act", "they might act", false, false),
        ];
        for (a, b, pol, hedge) in cases {
            assert_eq!(polarity_differs(&cues(a), &cues(b)), *pol, "polarity: {a} / {b}");
            assert_eq!(polarity_differs(&cues(b), &cues(a)), *pol, "polarity: {b} / {a}");
            assert_eq!(hedging_differs(&cues(a), &cues(b)), *hedge, "hedging: {a} / {b}");
        }
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
                for c in find_cues(&s, span) {
                    prop_assert!(span.contains(c.span) && !c.span.is_empty());
                    prop_assert!(s.is_char_boundary(c.span.start) && s.is_char_boundary(c.span.end));
                    prop_assert_eq!(c.word.to_lowercase(), c.word.clone());
                }
            }
        }

        #[test]
        fn cue_soup(words in proptest::collection::vec(prop_oneof![
            Just("not"), Just("no"), Just("one"), Just("-"), Just("in"), Just("way"), Just("would"), Just("said"),
            Just("\""), Just("May"), Just("5"), Just("if"), Just("you"), Just("will"), Just("can’t"), Just("’"),
            Just("declined"), Just("to"), Just("é"), Just("."), Just("whether"), Just("or")
        ], 0..14), sep in prop_oneof![Just(" "), Just("")]) {
            let s = words.join(sep);
            for c in find_cues(&s, Span { start: 0, end: s.len() }) {
                prop_assert!(s.is_char_boundary(c.span.start) && s.is_char_boundary(c.span.end) && c.span.end <= s.len());
            }
        }
    }
}
