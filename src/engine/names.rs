//! Names: finds mentions of people, organisations and places in sentences, then resolves them
//! across all articles into one entity per real-world thing.
//!
//! Finding: runs of capitalised words; place names, aliases and demonyms from a bundled
//! gazetteer (`data/gazetteer.txt`: "Russian" is a mention of Russia, "U.S." of the United
//! States); titles ("Defense Secretary", "Foreign Minister") are stripped from a person's
//! name, and the common words before a title stay out of a name the gazetteer lacks
//! ("Ardesian Foreign Minister Selin Aydin"); a possessive ends a name ("Kyrvania's Boztau
//! dam") unless an organisation's name goes on ("McDonald's Corporation"); a run ending in an
//! organisation word ("Department", "Agency") is an organisation.
//! Resolving: people by surname, tolerant of transliteration and misspelling ("Serdyukov" /
//! "Serdukov", "Sergei" / "Sergey"), with first names that must not conflict (Sergei Ivanov
//! and Sergey Lavrov stay two); surname-only and title references join the person of that
//! surname, preferring one named in the same article; an acronym joins the name whose
//! initials it spells ("Strategic Arms Reduction Treaty, or START").
//!
//! Known limits: no coreference of descriptions ("the Russian defence minister") or pronouns;
//! a capitalised common word at a sentence start is dropped, so a name there that is also a
//! common English word ("Rice said") is missed unless named elsewhere; two different people
//! who share a surname and are named only by it are merged.

use super::model::{DocSpan, EntityKind, Span};
use super::tokens::{self, Token};
use super::wordset::WordSet;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

/// A name found in one sentence, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct RawMention {
    pub doc: usize,
    pub span: Span,
    /// The name's words as written ("Anatoly Serdukov").
    pub text: String,
    pub kind: EntityKind,
    /// For places: the gazetteer's name; for others: the folded key.
    pub canonical: String,
    /// Preceded by a title ("Defense Secretary").
    pub titled: bool,
    /// A lone common word opening a sentence ("Fire", "Rice"): a name only if it turns out to
    /// be a known person's surname or a known place or organisation.
    pub tentative: bool,
    /// The kind was guessed from the words beside a lone unknown word ("the Hemikol plant"):
    /// a person's surname found elsewhere overrides it (`settle_guesses`).
    pub guessed: bool,
}

struct Place {
    name: &'static str,
}

struct Gazetteer {
    /// lower-case form (name, alias or demonym, with spaces) -> place index
    forms: HashMap<String, usize>,
    /// lower-case form -> the country it stands for as an actor (`actor_country`)
    actors: HashMap<String, &'static str>,
    places: Vec<Place>,
    /// longest form in tokens
    max_tokens: usize,
    given: std::collections::HashSet<&'static str>,
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut g = Gazetteer {
            forms: HashMap::new(),
            actors: HashMap::new(),
            places: Vec::new(),
            max_tokens: 1,
            given: Default::default(),
        };
        for line in include_str!("../../data/gazetteer.txt").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut parts = line.split('|');
            let (Some(kind), Some(name)) = (parts.next(), parts.next()) else {
                continue;
            };
            let idx = g.places.len();
            let aliases = parts.next().unwrap_or("");
            let demonyms = parts.next().unwrap_or("");
            let capital_of = parts.next().map(str::trim).filter(|c| !c.is_empty());
            g.places.push(Place { name });
            let names = std::iter::once(name).chain(aliases.split(',')).map(|f| (f, false));
            for (form, demonym) in names.chain(demonyms.split(',').map(|f| (f, true))) {
                let form = form.trim();
                if form.is_empty() {
                    continue;
                }
                let key = form_key(form);
                g.max_tokens = g.max_tokens.max(key.split(' ').count());
                if let std::collections::hash_map::Entry::Vacant(e) = g.forms.entry(key.clone()) {
                    e.insert(idx);
                    // A country by any of its forms; a capital by its names, not by its people
                    // ("Muscovites" are not the government).
                    let actor = if kind == "country" { Some(name) } else { capital_of.filter(|_| !demonym) };
                    if let Some(country) = actor {
                        g.actors.insert(key, country);
                    }
                }
            }
        }
        for line in include_str!("../../data/given-names.txt").lines() {
            if line.starts_with('#') {
                continue;
            }
            g.given.extend(line.split_whitespace());
        }
        g
    })
}

/// The country a place name stands for as an actor: a country itself ("Russia", "Russian"),
/// or a capital that news uses for its government ("Moscow says ..."). `None` for other places
/// and unknown words.
pub fn actor_country(form: &str) -> Option<&'static str> {
    gazetteer().actors.get(&form_key(form)).copied()
}

/// Lower-case key of a multi-word form, tokens joined by one space, periods dropped.
fn form_key(form: &str) -> String {
    tokens::words(form, Span::new(0, form.len())).iter().map(|t| tokens::key(t.text)).collect::<Vec<_>>().join(" ")
}

/// Titles that, inside a run of capitalised words, start a person's name.
const STRONG_TITLES: &[&str] = &[
    "mayor",
    "president",
    "minister",
    "secretary",
    "chief",
    "prosecutor",
    "spokesman",
    "spokeswoman",
    "governor",
    "general",
    "director",
    "ambassador",
    "chancellor",
    "senator",
    "judge",
    "commander",
    "premier",
    "king",
    "queen",
    "prince",
    "sheriff",
    "inspector",
    "colonel",
    "captain",
];

/// Words that stand before a person's name as a title or function, or make part of one.
const TITLE_WORDS: &[&str] = &[
    "president",
    "president-elect",
    "vice",
    "secretary",
    "secretaries",
    "minister",
    "ministers",
    "prime",
    "deputy",
    "first",
    "foreign",
    "defense",
    "defence",
    "state",
    "general",
    "lieutenant",
    "lt",
    "gen",
    "colonel",
    "col",
    "major",
    "maj",
    "captain",
    "capt",
    "admiral",
    "adm",
    "sergeant",
    "sgt",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "senator",
    "sen",
    "representative",
    "rep",
    "governor",
    "gov",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "director",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "mayor",
    "premier",
    "commander",
    "air",
    "force",
    "under",
    "undersecretary",
    "under-secretary",
    "assistant",
    "press",
    "adviser",
    "advisor",
    "national",
    "security",
    "interior",
    "finance",
    "economy",
    "energy",
    "trade",
    "attorney",
    "speaker",
    "leader",
    "sheikh",
    "rev",
    "father",
    "bishop",
    "cardinal",
    "lord",
    "lady",
    "prof",
    "professor",
    "officer",
    "inspector",
    "marshal",
    "of",
    "the",
    "former",
    "acting",
    "senior",
    "top",
    "white",
    "house",
    "army",
    "navy",
    "chancellor",
    "ceo",
    "executive",
    "head",
    "envoy",
    "negotiator",
    "correspondent",
];

/// Words that end an organisation's name.
const ORG_HEADS: &[&str] = &[
    "department",
    "ministry",
    "agency",
    "council",
    "committee",
    "commission",
    "office",
    "organization",
    "organisation",
    "party",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "union",
    "bank",
    "fund",
    "court",
    "army",
    "navy",
    "forces",
    "corporation",
    "corp",
    "company",
    "inc",
    "ltd",
    "group",
    "university",
    "institute",
    "association",
    "federation",
    "alliance",
    "treaty",
    "pact",
    "service",
    "administration",
    "kremlin",
    "pentagon",
    "nato",
    "house",
    "cabinet",
    "government",
    "police",
    "guard",
    "authority",
    "board",
    "bureau",
    "centre",
    "center",
    "foundation",
    "network",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "command",
    "coalition",
    "front",
    "movement",
    "brigade",
    "secretariat",
    "tribunal",
    "program",
    "programme",
    "initiative",
    "conference",
    "summit",
    "talks",
    "hospital",
    "clinic",
    "school",
    "college",
    "academy",
    "airport",
    "embassy",
    "prison",
    "hotel",
    "museum",
    "stadium",
    "cathedral",
    "mosque",
];

/// Single words that name organisations on their own.
const ORG_WORDS: &[&str] = &[
    "kremlin",
    "pentagon",
    "nato",
    "congress",
    "parliament",
    "senate",
    "duma",
    "un",
    "eu",
    "iaea",
    "opec",
    "who",
    "reuters",
    "afp",
    "ap",
    "cnn",
    "bbc",
    "voa",
];

/// Words that make a run a place ("Fort Greely", "Lake Baikal").
const PLACE_WORDS: &[&str] = &[
    "fort", "mount", "mt", "lake", "river", "bay", "island", "islands", "street", "square", "province", "region",
    "county", "city", "port", "gulf", "sea", "ocean", "valley", "district", "base",
];

/// Capitalised words that are not names when they stand alone or open a sentence.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "if",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "as",
    "of",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "what",
    "when",
    "while",
    "where",
    "who",
    "why",
    "how",
    "after",
    "before",
    "although",
    "though",
    "since",
    "both",
    "some",
    "many",
    "most",
    "all",
    "any",
    "each",
    "other",
    "another",
    "such",
    "no",
    "not",
    "nor",
    "yet",
    "so",
    "then",
    "also",
    "even",
    "still",
    "nevertheless",
    "however",
    "meanwhile",
    "moreover",
    "instead",
    "officials",
    "official",
    "secretaries",
    "work",
    "one",
    "two",
    "three",
    "four",
    "five",
    "obviously",
    "in",
    "e-mail",
    "story",
    "highlights",
    "video",
    "watch",
    "comments",
    "said",
    "says",
    "formal",
    "talks",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "spring",
    "summer",
    "autumn",
    "winter",
    "war",
    "cold",
    "post-cold",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "secretary",
    "general",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "last",
    "next",
    "early",
    "late",
    "according",
    "under",
    "over",
    "about",
    "into",
    "through",
    "during",
    "until",
    "without",
    "within",
    "against",
    "between",
    "among",
    "because",
    "do",
    "does",
    "did",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "my",
    "me",
    "us",
    "him",
    "them",
    "your",
    "let",
    "just",
    "now",
    "only",
    "very",
    "more",
    "less",
    "well",
    "new",
    "old",
    "good",
    "great",
    "big",
    "rogue",
    "our",
    "we're",
    "i'm",
    "it's",
    "he's",
    "she's",
    "they're",
    "we've",
    "i've",
    "don't",
    "that's",
    "there's",
];

fn is_title(w: &str) -> bool {
    TITLE_SET.contains(w) || STRONG_TITLE_SET.contains(w)
}

fn is_not_name(w: &str) -> bool {
    NOT_NAME_SET.contains(w)
}

/// Is the gap between two tokens only white space (so they can make one name)?
fn joined(text: &str, a: &Token, b: &Token) -> bool {
    let Some(g) = text.get(a.span.end..b.span.start) else {
        return false;
    };
    let plain = |g: &str| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}');
    // An initial: "George W. Bush".
    let initial = a.text.chars().count() == 1 && a.is_capitalised();
    plain(g) || (initial && g.starts_with('.') && plain(&g[1..]))
}

/// The most tokens one run of capitalised words may have.
const MAX_RUN: usize = 10;

static TITLE_SET: WordSet = WordSet::new(TITLE_WORDS);
static STRONG_TITLE_SET: WordSet = WordSet::new(STRONG_TITLES);
static NOT_NAME_SET: WordSet = WordSet::new(NOT_NAMES);
static ORG_HEAD_SET: WordSet = WordSet::new(ORG_HEADS);
static ORG_WORD_SET: WordSet = WordSet::new(ORG_WORDS);
static PLACE_WORD_SET: WordSet = WordSet::new(PLACE_WORDS);

const CONNECTORS: &[&str] = &["of", "de", "del", "da", "van", "von", "der", "al", "bin", "la", "le", "du"];

/// Finds the name mentions in `span` of `text` (one sentence or block).
pub fn find_mentions(text: &str, span: Span, doc: usize) -> Vec<RawMention> {
    find_mentions_in(text, span, &tokens::words(text, span), doc)
}

/// [`find_mentions`] over the span's word tokens, already made (`tokens::words(text, span)`).
pub fn find_mentions_in(text: &str, span: Span, toks: &[Token], doc: usize) -> Vec<RawMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !(t.is_capitalised() || t.is_all_caps()) {
            i += 1;
            continue;
        }
        // A hyphenated word ("Russian-US", "Soviet-allied"): its parts that are places.
        if t.text.contains('-') && !t.text.split('-').all(|p| p.chars().next().is_some_and(|c| c.is_uppercase()))
            || t.text.contains('-') && t.text.split('-').any(|p| gazetteer().forms.contains_key(&tokens::key(p)))
        {
            hyphen_places(t, doc, &mut out);
            i += 1;
            continue;
        }
        // A run of capitalised tokens joined by spaces (with inner connectors), at most
        // `MAX_RUN` tokens: no name is longer, and a longer run (a title-case line) must not
        // make the passes over it quadratic.
        let mut j = i + 1;
        while j < toks.len() && j - i < MAX_RUN && joined(text, &toks[j - 1], &toks[j]) {
            let tj = &toks[j];
            if tj.is_capitalised() || tj.is_all_caps() {
                j += 1;
            } else if CONNECTORS.contains(&tj.text)
                && j + 1 < toks.len()
                && toks[j + 1].is_capitalised()
                && joined(text, tj, &toks[j + 1])
            {
                j += 2;
            } else {
                break;
            }
        }
        // Possessive on an inner token ends the run after it ("Pentagon's Missile Defence Agency"
        // is kept whole; "Gates' first" has a lower-case word after it anyway).
        let sentence_start = i == 0 || opens_sentence(text, span, t);
        // The words right before and after a one-word run, when only spaces stand between:
        // they tell a lone unknown capitalised word's kind (see `lone_word_kind`).
        let lone = if j == i + 1 {
            let spaced = |a: &Token, b: &Token| {
                text.get(a.span.end..b.span.start).is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' '))
            };
            Some(Lone {
                word: t.text,
                before: i.checked_sub(1).map(|k| &toks[k]).filter(|b| spaced(b, t)).map(|b| tokens::key(b.text)),
                after: toks.get(j).filter(|a| spaced(t, a)).map(|a| a.text),
            })
        } else {
            None
        };
        analyse_run(text, &toks[i..j], sentence_start, lone.as_ref(), doc, &mut out);
        i = j;
    }
    coordinate_places(text, &mut out);
    out
}

/// Words before a list that make it a list of places ("from Belovac, Kragujevac and
/// Jagodina", "at Kennebunkport, Maine") when it holds a known place: [`PLACE_BEFORE`] and
/// words that also take people.
const LIST_PLACE_BEFORE: &[&str] = &["from", "at", "to", "between"];

/// Names listed with a place are places. A list is names joined by ", ", the last two by "and"
/// or "or" ("X, Y and Z", "X or Y"; "in Moscow, Putin said" is no list). In a list that holds
/// a place and has three names or follows a preposition ("in", "from"...), or that has three
/// names after [`PLACE_BEFORE`] ("in Belovac, Kragujevac and Jagodina"), a lone unknown word
/// taken for a person (one word, no title) is a place too; so is the town in "at
/// Kennebunkport, Maine". It stays a guess: a person's surname found elsewhere wins
/// (`settle_guesses`). "Russia and Putin" is left alone.
fn coordinate_places(text: &str, out: &mut [RawMention]) {
    let gap = |a: &RawMention, b: &RawMention| text.get(a.span.end..b.span.start).unwrap_or("");
    let conjunction = |g: &str| matches!(g, " and " | ", and " | " or " | ", or ");
    let mut start = 0;
    while start < out.len() {
        let mut end = start + 1;
        while end < out.len() && (gap(&out[end - 1], &out[end]) == ", " || conjunction(gap(&out[end - 1], &out[end]))) {
            end += 1;
        }
        let names = end - start;
        // The word right before the list, lower case.
        let before = text
            .get(..out[start].span.start)
            .and_then(|b| b.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next())
            .map(str::to_lowercase)
            .unwrap_or_default();
        let locative = PLACE_BEFORE.contains(&before.as_str());
        let after_preposition = locative || LIST_PLACE_BEFORE.contains(&before.as_str());
        let conjoined = names >= 2 && conjunction(gap(&out[end - 2], &out[end - 1]));
        let has_place = out[start..end].iter().any(|m| m.kind == EntityKind::Place);
        let town_then_place = names == 2
            && after_preposition
            && gap(&out[start], &out[start + 1]) == ", "
            && out[start + 1].kind == EntityKind::Place;
        let place_list = conjoined && (locative && names >= 3 || has_place && (names >= 3 || after_preposition));
        if town_then_place || place_list {
            for m in &mut out[start..end] {
                if m.kind == EntityKind::Person && !m.titled && !m.tentative && !m.text.contains(' ') {
                    m.kind = EntityKind::Place;
                    m.guessed = true;
                }
            }
        }
        start = end;
    }
}

/// The token stands right after an opening quote or a colon at the start of a clause.
fn opens_sentence(text: &str, span: Span, t: &Token) -> bool {
    // Only the few bytes before the token matter (no scan back over a long sentence).
    let mut from = t.span.start.saturating_sub(8).max(span.start);
    while from < t.span.start && !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(span.start..t.span.start).unwrap_or("");
    let before = if before.trim().is_empty() { "" } else { text.get(from..t.span.start).unwrap_or("").trim_end() };
    before.is_empty() || before.ends_with(['"', '“', '‘', ':', '(', '—', '–']) || before.ends_with(" --")
}

fn hyphen_places(t: &Token, doc: usize, out: &mut Vec<RawMention>) {
    let g = gazetteer();
    let mut off = 0;
    for part in t.text.split('-') {
        if let Some(&p) = g.forms.get(&tokens::key(part)) {
            let span = Span::new(t.span.start + off, t.span.start + off + part.len());
            out.push(RawMention {
                doc,
                span,
                text: part.to_string(),
                kind: EntityKind::Place,
                canonical: g.places[p].name.to_string(),
                titled: false,
                tentative: false,
                guessed: false,
            });
        }
        off += part.len() + 1;
    }
}

/// A word that opens a sentence and looks like an inflected common word ("Offering",
/// "Asked", "Clearly"), not a name.
fn inflected_opener(w: &str) -> bool {
    w.chars().count() > 4 && (w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly"))
}

/// The words around a run of one capitalised word (`None` when not right beside it).
struct Lone<'a> {
    /// The word itself, as written.
    word: &'a str,
    /// The word before, as a key ("the", "in").
    before: Option<String>,
    /// The token after, as written ("river", "15").
    after: Option<&'a str>,
}

fn analyse_run(
    text: &str,
    run: &[Token],
    sentence_start: bool,
    lone: Option<&Lone>,
    doc: usize,
    out: &mut Vec<RawMention>,
) {
    let g = gazetteer();
    let keys: Vec<String> = run.iter().map(|t| tokens::key(t.text)).collect();
    let mut k = 0;
    // Drop a common word opening the sentence ("The", "But", "While", "Offering").
    if sentence_start
        && !keys.is_empty()
        && (is_not_name(&keys[0]) || inflected_opener(&keys[0]))
        && !g.forms.contains_key(&keys[0])
    {
        k = 1;
    }
    let n = run.len();
    let mut titled = false;
    let mut start = k;
    let mut segment_start = k;
    while k < n {
        // Gazetteer: longest match from k.
        let mut matched = None;
        for len in (1..=g.max_tokens.min(n - k)).rev() {
            let key = keys[k..k + len].join(" ");
            if let Some(&p) = g.forms.get(&key) {
                matched = Some((len, p));
                break;
            }
        }
        if let Some((len, p)) = matched {
            // A place inside an organisation's name ("Russian Foreign Ministry", "Czech
            // Republic" stays a place) or before "House" ("White House") is left to the run.
            let rest_is_org = keys[k + len..].iter().any(|w| ORG_HEAD_SET.contains(w) && w != "house");
            let is_person_surname = k > segment_start && !titled && g.given.contains(keys[segment_start].as_str());
            if !rest_is_org && !is_person_surname {
                flush(text, &run[start..k], &keys[start..k], titled, sentence_start && start == 0, lone, (doc, out));
                let sp = Span::new(run[k].span.start, run[k + len - 1].span.end);
                out.push(RawMention {
                    doc,
                    span: sp,
                    text: sp.text(text).to_string(),
                    kind: EntityKind::Place,
                    canonical: g.places[p].name.to_string(),
                    titled: false,
                    tentative: false,
                    guessed: false,
                });
                k += len;
                start = k;
                segment_start = k;
                titled = false;
                continue;
            }
        }
        // A title inside a run ends what came before it ("Belovac Mayor Aleksandar
        // Jovanovic": a place, then a mayor).
        // Common words before the title are part of it ("Higher Public Prosecutor Jelena
        // Marković", "Senior Deputy Mayor"), not a name of their own.
        // A name, then common words before the title: the words belong to the title
        // ("Ardesian Foreign Minister Selin Aydin": a name the gazetteer lacks, then a title).
        if k > start && STRONG_TITLE_SET.contains(&keys[k]) && !keys[k..].iter().any(|w| ORG_HEAD_SET.contains(w)) {
            let title_from = (start..k).rev().take_while(|&j| is_common_word(&keys[j]) || is_title(&keys[j])).last();
            if keys[start..k].iter().all(|w| is_common_word(w)) {
                titled = true;
            } else {
                let end = title_from.unwrap_or(k);
                flush(
                    text,
                    &run[start..end],
                    &keys[start..end],
                    titled,
                    sentence_start && start == 0,
                    lone,
                    (doc, out),
                );
                titled = title_from.is_some();
            }
            start = k;
        }
        // A possessive ends a name ("Ardesia's Zeravan river": a country, then a river),
        // unless an organisation's name goes on ("McDonald's Corporation").
        if k + 1 < n
            && k >= start
            && (run[k].text.ends_with("'s") || run[k].text.ends_with("’s"))
            && !keys[k + 1..].iter().any(|w| ORG_HEAD_SET.contains(w))
        {
            flush(text, &run[start..=k], &keys[start..=k], titled, sentence_start && start == 0, lone, (doc, out));
            titled = false;
            k += 1;
            start = k;
            segment_start = k;
            continue;
        }
        // Title words before a name: skip them, remember the name is titled.
        if k == start && is_title(&keys[k]) && !keys[k..].iter().any(|w| ORG_HEAD_SET.contains(w)) {
            titled = true;
            k += 1;
            start = k;
            continue;
        }
        k += 1;
    }
    flush(text, &run[start..n], &keys[start..n], titled, sentence_start && start == 0, lone, (doc, out));
}

/// Classifies what is left of a run after places and titles and records it.
fn flush(
    text: &str,
    run: &[Token],
    keys: &[String],
    titled: bool,
    opens_sentence: bool,
    lone: Option<&Lone>,
    (doc, out): (usize, &mut Vec<RawMention>),
) {
    // Trim connectors and not-names at the edges.
    let mut a = 0;
    let mut b = run.len();
    while a < b && (CONNECTORS.contains(&keys[a].as_str()) || (is_not_name(&keys[a]) && !titled)) {
        a += 1;
    }
    while b > a && (CONNECTORS.contains(&keys[b - 1].as_str()) || is_not_name(&keys[b - 1])) {
        b -= 1;
    }
    if a >= b {
        return;
    }
    let (run, keys) = (&run[a..b], &keys[a..b]);
    let mut guessed = false;
    let span = Span::new(run[0].span.start, run[run.len() - 1].span.end);
    let words: Vec<&str> = keys.iter().map(String::as_str).collect();
    let g = gazetteer();
    let last = *words.last().unwrap_or(&"");
    let kind = if words.iter().any(|w| ORG_HEAD_SET.contains(w)) || (words.len() == 1 && ORG_WORD_SET.contains(last)) {
        EntityKind::Organisation
    } else if words.iter().any(|w| PLACE_WORD_SET.contains(w)) {
        EntityKind::Place
    } else if words.len() == 1 && run[0].is_all_caps() {
        EntityKind::Organisation
    } else if titled
        || g.given.contains(words[0])
        || ((2..=4).contains(&words.len()) && words.iter().all(|w| !is_common_word(w)))
    {
        EntityKind::Person
    } else if words.len() >= 2 {
        // Several capitalised words without a person's marks: a named thing.
        EntityKind::Organisation
    } else {
        // A lone capitalised word: its neighbours may tell ("the Courier", "the Morava river",
        // "in Jagodina", "Oct 15"); else decided when resolving (a known surname, or a place).
        if is_not_name(last) {
            return;
        }
        match lone.map(|l| lone_word_kind(last, l)) {
            Some(LoneKind::NotAName) => return,
            Some(LoneKind::Is(kind)) => {
                guessed = true;
                kind
            }
            Some(LoneKind::Unknown) | None => EntityKind::Person,
        }
    };
    let name_text = span.text(text);
    let name_text = name_text.strip_suffix("'s").or_else(|| name_text.strip_suffix("’s")).unwrap_or(name_text);
    let span = Span::new(span.start, span.start + name_text.len());
    let tentative =
        opens_sentence && words.len() == 1 && !titled && is_common_word(words[0]) && !g.given.contains(words[0]);
    out.push(RawMention {
        doc,
        span,
        text: name_text.to_string(),
        kind,
        canonical: name_text.to_string(),
        titled,
        tentative,
        guessed,
    });
}

/// A kind guessed from a lone word's neighbours gives way to a person: "the Bush
/// administration" names the man whom another mention calls "George W. Bush".
pub fn settle_guesses(mentions: &mut [RawMention]) {
    if !mentions.iter().any(|m| m.guessed) {
        return;
    }
    let surnames: BTreeSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && !m.guessed && m.text.contains(' '))
        .filter_map(|m| m.text.split_whitespace().last().map(fold))
        .collect();
    for m in mentions.iter_mut().filter(|m| m.guessed && m.kind != EntityKind::Person) {
        if surnames.contains(&fold(&m.text)) {
            m.kind = EntityKind::Person;
            m.guessed = false;
        }
    }
}

/// A word common enough in English (Zipf >= 3.5 in the background list) that its capital at
/// a sentence start says nothing.
enum LoneKind {
    NotAName,
    Is(EntityKind),
    Unknown,
}

/// Month abbreviations, which are no name before a day ("Oct 15"); "May" and "Jan" are also
/// names, and "May 15" / "Jan 15" are left to the date parser's context.
const MONTH_ABBREVIATIONS: &[&str] = &["feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Common nouns that make the capitalised word before them a place ("the Morava river",
/// "Brdska street"): [`PLACE_WORDS`] and these.
const PLACE_AFTER: &[&str] = &[
    "mountain",
    "mountains",
    "peninsula",
    "streets",
    "avenue",
    "road",
    "bridge",
    "village",
    "canal",
    "airport",
    "border",
    "coast",
    "basin",
    "delta",
    "strait",
];

/// Prepositions after which a lone unknown capitalised word is a place ("in Jagodina",
/// "near Belovac"), not a person.
const PLACE_BEFORE: &[&str] = &["in", "near", "outside", "across", "throughout"];

/// What a lone capitalised word that is no known name is, from the words beside it.
fn lone_word_kind(key: &str, lone: &Lone) -> LoneKind {
    let after = lone.after.map(|a| a.to_lowercase());
    let after = after.as_deref();
    if MONTH_ABBREVIATIONS.contains(&key) && after.is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit())) {
        return LoneKind::NotAName;
    }
    if gazetteer().given.contains(key) {
        return LoneKind::Unknown;
    }
    if after.is_some_and(|a| PLACE_WORD_SET.contains(a) || PLACE_AFTER.contains(&a)) {
        return LoneKind::Is(EntityKind::Place);
    }
    // A possessive ("in Lavrov's view") gets no guess; "in X" is a place only where X ends the
    // phrase ("in Hemikol explosion" qualifies a noun). "the X" is no person either way ("the
    // Hemikol plant"); `settle_guesses` gives "the Bush administration" back to the person.
    let possessive = lone.word.ends_with("'s") || lone.word.ends_with("’s") || lone.word.ends_with('\'');
    let ends_phrase = after.is_none_or(|a| AFTER_PHRASE_END.contains(&a));
    match lone.before.as_deref() {
        _ if possessive => LoneKind::Unknown,
        Some("the") => LoneKind::Is(EntityKind::Organisation),
        Some(b) if PLACE_BEFORE.contains(&b) && ends_phrase => LoneKind::Is(EntityKind::Place),
        _ => LoneKind::Unknown,
    }
}

/// Words that may follow "in X" when X ends the phrase ("in Jagodina and"), rather than
/// qualify a noun after it ("in Hemikol explosion": a company).
const AFTER_PHRASE_END: &[&str] = &[
    "on", "in", "at", "of", "for", "from", "to", "with", "by", "and", "or", "but", "that", "which", "who", "said",
    "says", "reported", "reports", "is", "was", "are", "were", "has", "had", "have", "will", "would", "could",
];

fn is_common_word(w: &str) -> bool {
    super::lexicon::zipf(w) >= 3.5
}

/// Folds a name token for comparison across transliterations: lower case, accents dropped
/// (Turkish dotless "ı" as "i"), "dzh" as "j" (Russian "Дж": "Khodzhayev" / "Khojayev"), y/j as
/// i, doubled letters single, "kh" as "h".
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    let lower: String = word.chars().flat_map(|c| c.to_lowercase()).collect();
    for c in lower.replace("dzh", "j").chars() {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' | 'ā' | 'ă' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ő' | 'ō' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ů' | 'ű' | 'ū' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'ñ' | 'ń' | 'ň' => 'n',
            'š' | 'ś' | 'ş' | 'ș' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ğ' => 'g',
            'ţ' | 'ț' | 'ť' => 't',
            'ď' => 'd',
            'ł' | 'ľ' | 'ĺ' => 'l',
            'ý' => 'i',
            // Serbo-Croatian "đ" is written "dj" in English ("Đorđe" / "Djordje"), and "j" is
            // folded to "i" below: the same here, or the two spellings never meet.
            'đ' => {
                if !s.ends_with('d') {
                    s.push('d');
                }
                s.push('i');
                continue;
            }
            'x' => {
                s.push_str("ks");
                continue;
            }
            'ř' => 'r',
            'y' | 'j' => 'i',
            c if c.is_alphanumeric() => c,
            _ => continue,
        };
        if s.ends_with(c) && c != 'i' {
            continue;
        }
        s.push(c);
    }
    s.replace("kh", "h").replace("ii", "i").replace("ie", "e").replace("io", "o").replace("iu", "u").replace("ia", "a")
}

/// Edit distance (Levenshtein) between two short strings, capped: returns `cap + 1` when larger.
pub fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > cap {
            return cap + 1;
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Two surnames (or given names) are spellings of one name: equal when folded, or one edit
/// apart when long enough that one edit is a misspelling rather than another name.
pub fn same_name(a: &str, b: &str) -> bool {
    same_folded(&fold(a), &fold(b))
}

/// `same_name` for names already folded.
fn same_folded(fa: &str, fb: &str) -> bool {
    if fa == fb {
        return true;
    }
    let len = fa.chars().count().min(fb.chars().count());
    len >= 6 && edit_distance(fa, fb, 1) <= 1
}

/// Given names that do not conflict: the same name, or an initial of it, or one missing.
fn given_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (ka, kb) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
            if ka.chars().count() == 1 || kb.chars().count() == 1 {
                ka.chars().next().map(|c| c.to_lowercase().to_string())
                    == kb.chars().next().map(|c| c.to_lowercase().to_string())
            } else {
                same_name(ka, kb)
                    || (fold(ka).len() >= 3 && (fold(ka).starts_with(&fold(kb)) || fold(kb).starts_with(&fold(ka))))
            }
        }
        _ => true,
    }
}

/// Two full names (folded surname, folded given name) with the same given name written out
/// (three letters or more) and surnames one edit apart, however short: one person
/// transliterated two ways ("Rustam Hocayev" / "Rustam Khojayev", Turkish "c" for "j").
/// Without the given name a short surname needs an exact match (`same_folded`).
fn same_given_near_surname((si, gi): &(String, String), (sj, gj): &(String, String)) -> bool {
    gi == gj
        && gi.chars().count() >= 3
        && si.chars().count().min(sj.chars().count()) >= 4
        && edit_distance(si, sj, 1) <= 1
}

/// The resolved entities: mention index -> entity index, and each entity's mentions.
#[derive(Debug, Default)]
pub struct Resolution {
    /// For each raw mention, its entity index; `None` for a tentative mention that named
    /// nothing known.
    pub entity_of: Vec<Option<usize>>,
    pub entities: Vec<ResolvedEntity>,
}

#[derive(Debug, Clone)]
pub struct ResolvedEntity {
    pub kind: EntityKind,
    pub name: String,
    pub mentions: Vec<usize>,
    pub spelling_differs: bool,
}

/// Resolves mentions from all articles into entities.
pub fn resolve(mentions: &[RawMention]) -> Resolution {
    let n = mentions.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    fn union(p: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            p[hi] = lo;
        }
    }
    // Places and organisations: by canonical key.
    let mut by_key: BTreeMap<(u8, String), usize> = BTreeMap::new();
    let word_lists: Vec<Vec<String>> = mentions
        .iter()
        .map(|m| tokens::words(&m.text, Span::new(0, m.text.len())).iter().map(|t| t.text.to_string()).collect())
        .collect();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityKind::Person {
            let k = (m.kind as u8, m.canonical.to_lowercase());
            match by_key.get(&k) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    by_key.insert(k, i);
                }
            }
        }
    }
    // People with a given name and surname: surname the same name, given names compatible.
    // Mentions with the same folded (surname, given name) join at once; only the distinct
    // names are compared pairwise, within buckets of the surname's first two letters, so the
    // pass stays near-linear in the number of mentions.
    let full: Vec<usize> =
        (0..n).filter(|&i| mentions[i].kind == EntityKind::Person && word_lists[i].len() >= 2).collect();
    let folded_surname: HashMap<usize, String> =
        full.iter().map(|&i| (i, fold(word_lists[i].last().map(String::as_str).unwrap_or("")))).collect();
    let mut reps: BTreeMap<(String, String), usize> = BTreeMap::new();
    for &i in &full {
        let key = (folded_surname[&i].clone(), fold(&word_lists[i][0]));
        match reps.get(&key) {
            Some(&r) => union(&mut parent, i, r),
            None => {
                reps.insert(key, i);
            }
        }
    }
    let mut by_initial: BTreeMap<String, Vec<(&(String, String), usize)>> = BTreeMap::new();
    for (key, &i) in &reps {
        by_initial.entry(key.0.chars().take(2).collect()).or_default().push((key, i));
    }
    for bucket in by_initial.values() {
        for (x, &(ki, i)) in bucket.iter().enumerate() {
            for &(kj, j) in &bucket[x + 1..] {
                let (wi, wj) = (&word_lists[i], &word_lists[j]);
                if (same_folded(&ki.0, &kj.0)
                    && given_compatible(wi.first().map(String::as_str), wj.first().map(String::as_str)))
                    || same_given_near_surname(ki, kj)
                {
                    union(&mut parent, i, j);
                }
            }
        }
    }
    // Single-word person mentions: a known surname (same article first), else a place or
    // organisation of that key, else an entity of its own.
    let mut surnames_by_prefix: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut by_surname_doc: BTreeMap<(String, usize), Vec<usize>> = BTreeMap::new();
    for &i in &full {
        let sn = folded_surname[&i].clone();
        surnames_by_prefix.entry(sn.chars().take(2).collect()).or_default().insert(sn.clone());
        by_surname_doc.entry((sn, mentions[i].doc)).or_default().push(i);
    }
    let mut roots_of_surname: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for &i in &full {
        let r = find(&mut parent, i);
        roots_of_surname.entry(folded_surname[&i].clone()).or_default().insert(r);
    }
    let folded_keys: HashMap<String, usize> = by_key.iter().map(|((_, k), &v)| (fold(k), v)).collect();
    let mut single_key: HashMap<String, usize> = HashMap::new();
    let mut dropped = vec![false; n];
    let mut tentative_singles: Vec<(usize, String)> = Vec::new();
    for i in 0..n {
        let m = &mentions[i];
        if m.kind != EntityKind::Person || word_lists[i].len() != 1 {
            continue;
        }
        let key = fold(&word_lists[i][0]);
        let prefix: String = key.chars().take(2).collect();
        let surnames: Vec<&String> = surnames_by_prefix
            .get(&prefix)
            .map(|set| set.iter().filter(|sn| same_folded(sn, &key)).collect())
            .unwrap_or_default();
        // Distinct people among the candidates.
        let roots: BTreeSet<usize> = surnames.iter().flat_map(|sn| roots_of_surname[*sn].iter().copied()).collect();
        // The nearest earlier full mention in the same article, else its first.
        let same_doc: Vec<usize> = surnames
            .iter()
            .filter_map(|sn| by_surname_doc.get(&((*sn).clone(), m.doc)))
            .flat_map(|v| v.iter().copied())
            .collect();
        let nearest = same_doc
            .iter()
            .copied()
            .filter(|&j| mentions[j].span.start <= m.span.start)
            .max_by_key(|&j| mentions[j].span.start)
            .or_else(|| same_doc.iter().copied().min_by_key(|&j| mentions[j].span.start));
        let target = if roots.len() == 1 { roots.iter().next().copied() } else { nearest };
        match target {
            Some(j) => union(&mut parent, i, j),
            None => {
                if let Some(&j) = folded_keys.get(&key) {
                    union(&mut parent, i, j);
                } else if let Some(&j) = single_key.get(&key) {
                    union(&mut parent, i, j);
                } else if m.tentative {
                    tentative_singles.push((i, key));
                } else {
                    single_key.insert(key, i);
                }
            }
        }
    }
    // A tentative single joins a name seen elsewhere (even later), else it named nothing.
    for (i, key) in tentative_singles {
        match single_key.get(&key) {
            Some(&j) => union(&mut parent, i, j),
            None => dropped[i] = true,
        }
    }
    // Acronyms: "START" joins "Strategic Arms Reduction Treaty" named in the same article.
    for i in 0..n {
        let m = &mentions[i];
        if word_lists[i].len() != 1 || !m.text.chars().all(|c| c.is_uppercase()) || m.text.chars().count() < 2 {
            continue;
        }
        // The expansion comes shortly before the acronym: look back a few mentions only.
        for j in (i.saturating_sub(12)..i).rev() {
            if mentions[j].doc != m.doc || word_lists[j].len() < 2 {
                continue;
            }
            let words: Vec<String> = word_lists[j]
                .iter()
                .filter(|w| !CONNECTORS.contains(&w.to_lowercase().as_str()))
                .map(|w| w.to_lowercase())
                .collect();
            if spells_acronym(&m.text.to_lowercase(), &words) {
                union(&mut parent, i, j);
                break;
            }
        }
    }
    // Collect.
    let mut index_of_root: BTreeMap<usize, usize> = BTreeMap::new();
    let mut res = Resolution { entity_of: vec![None; n], entities: Vec::new() };
    for i in 0..n {
        if dropped[i] {
            continue;
        }
        let r = find(&mut parent, i);
        let e = *index_of_root.entry(r).or_insert_with(|| {
            res.entities.push(ResolvedEntity {
                kind: mentions[r].kind,
                name: String::new(),
                mentions: Vec::new(),
                spelling_differs: false,
            });
            res.entities.len() - 1
        });
        res.entity_of[i] = Some(e);
        res.entities[e].mentions.push(i);
    }
    for e in &mut res.entities {
        // Kind: the most specific evidence wins (a place or organisation key over a guess).
        let kinds: Vec<EntityKind> = e.mentions.iter().map(|&i| mentions[i].kind).collect();
        e.kind = if kinds.contains(&EntityKind::Place) {
            EntityKind::Place
        } else if kinds.contains(&EntityKind::Organisation)
            && !e.mentions.iter().any(|&i| word_lists[i].len() >= 2 && mentions[i].kind == EntityKind::Person)
        {
            EntityKind::Organisation
        } else {
            kinds[0]
        };
        // Name: a place's gazetteer name; else the longest, most frequent form.
        e.name = if e.kind == EntityKind::Place && mentions[e.mentions[0]].kind == EntityKind::Place {
            mentions[e.mentions[0]].canonical.clone()
        } else {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for &i in &e.mentions {
                *counts.entry(mentions[i].text.as_str()).or_default() += 1;
            }
            counts
                .iter()
                .max_by_key(|(t, c)| (t.split_whitespace().count(), **c, std::cmp::Reverse(**t)))
                .map(|(t, _)| t.to_string())
                .unwrap_or_default()
        };
        // A spelling differs when two forms of the surname (or given name) are not identical.
        if e.kind == EntityKind::Person {
            let mut surnames: Vec<String> = e.mentions.iter().filter_map(|&i| word_lists[i].last().cloned()).collect();
            surnames.sort();
            surnames.dedup();
            let mut givens: Vec<String> = e
                .mentions
                .iter()
                .filter(|&&i| word_lists[i].len() >= 2)
                .map(|&i| word_lists[i][0].clone())
                .filter(|g| g.chars().count() > 2)
                .collect();
            givens.sort();
            givens.dedup();
            e.spelling_differs = surnames.len() > 1 || givens.len() > 1;
        }
    }
    res
}

/// The acronym is made of a non-empty prefix of each word in turn ("start" from "strategic
/// arms reduction treaty": "st" + "a" + "r" + "t").
fn spells_acronym(acronym: &str, words: &[String]) -> bool {
    match words.split_first() {
        None => acronym.is_empty(),
        Some((w, rest)) => {
            let common = acronym.chars().zip(w.chars()).take_while(|(a, b)| a == b).count();
            (1..=common.min(3)).any(|k| {
                let cut = acronym.char_indices().nth(k).map(|(i, _)| i).unwrap_or(acronym.len());
                spells_acronym(&acronym[cut..], rest)
            })
        }
    }
}

/// For each span (in text order, not overlapping), the range of `mentions` (in text order)
/// that lie inside it. One sweep over both lists.
pub fn ranges_within(spans: impl Iterator<Item = Span>, mentions: &[RawMention]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut k = 0;
    for s in spans {
        while k < mentions.len() && mentions[k].span.start < s.start {
            k += 1;
        }
        let start = k;
        let mut end = k;
        while end < mentions.len() && mentions[end].span.start < s.end {
            end += 1;
        }
        // Only those wholly inside.
        let mut e = start;
        while e < end && s.contains(mentions[e].span) {
            e += 1;
        }
        out.push(start..e);
        k = start;
    }
    out
}

/// The mentions of an entity as `DocSpan`s, given the document ids.
pub fn doc_spans(mentions: &[RawMention], idx: &[usize], doc_ids: &[String]) -> Vec<DocSpan> {
    idx.iter()
        .map(|&i| DocSpan {
            doc: doc_ids[mentions[i].doc].clone(),
            start: mentions[i].span.start,
            end: mentions[i].span.end,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(String, EntityKind)> {
        find_mentions(text, Span::new(0, text.len()), 0).into_iter().map(|m| (m.text, m.kind)).collect()
    }

    fn assert_mentions(text: &str, want: &[(&str, EntityKind)]) {
        let got = mentions(text);
        let want: Vec<(String, EntityKind)> = want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
        assert_eq!(got, want, "{text:?}");
    }

    use EntityKind::*;

    #[test]
    fn titles_are_stripped_and_places_split_off() {
        assert_mentions(
            "Russian Foreign Minister Sergei Lavrov and Defense Minister Anatoly Serdyukov met.",
            &[("Russian", Place), ("Sergei Lavrov", Person), ("Anatoly Serdyukov", Person)],
        );
        assert_mentions(
            "U.S. Secretary of State Condoleezza Rice and Defense Secretary Robert Gates went to Moscow.",
            &[("U.S.", Place), ("Condoleezza Rice", Person), ("Robert Gates", Person), ("Moscow", Place)],
        );
        assert_mentions(
            "White House national security adviser Stephen Hadley said.",
            &[("White House", Organisation), ("Stephen Hadley", Person)],
        );
        assert_mentions("The State Department spokesman spoke.", &[("State Department", Organisation)]);
        // A name the gazetteer lacks keeps the title's common words out of it.
        assert_mentions(
            "Ardesian Foreign Minister Selin Aydin spoke.",
            &[("Ardesian", Person), ("Selin Aydin", Person)],
        );
    }

    #[test]
    fn a_possessive_ends_a_name() {
        // (A lone name the gazetteer lacks is a person until resolving says otherwise.)
        assert_mentions("talks on Kyrvania's Boztau dam", &[("Kyrvania", Person), ("Boztau", Person)]);
        assert_mentions(
            "He met Kyrvania’s Energy Minister Rustam Khodzhayev.",
            &[("Kyrvania", Person), ("Rustam Khodzhayev", Person)],
        );
        // Unless an organisation's name goes on.
        assert_mentions("McDonald's Corporation said", &[("McDonald's Corporation", Organisation)]);
    }

    #[test]
    fn places_and_organisations() {
        assert_mentions(
            "He invited the Russians to inspect the US missile defence site at Fort Greely, Alaska.",
            &[("Russians", Place), ("US", Place), ("Fort Greely", Place), ("Alaska", Place)],
        );
        assert_mentions(
            "shield sites in the Czech Republic and Poland",
            &[("Czech Republic", Place), ("Poland", Place)],
        );
        assert_mentions("Nato missile shield", &[("Nato", Organisation)]);
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        assert_mentions("But Moscow says the system could threaten Russia.", &[("Moscow", Place), ("Russia", Place)]);
        assert_mentions("While McCormack says he expects serious discussions.", &[("McCormack", Person)]);
    }

    #[test]
    fn folding_and_spelling_tolerance() {
        assert!(same_name("Serdyukov", "Serdukov"));
        assert!(same_name("Sergei", "Sergey"));
        assert!(!same_name("Ivanov", "Lavrov"));
        // Short names must match exactly once folded; doubled letters fold to one.
        assert!(!same_name("Rice", "Rica"));
        assert!(same_name("Putin", "Puttin"));
        assert_eq!(fold("Serdyukov"), "serdukov");
        // Turkish dotless "ı"; Russian "Дж" as "dzh" or "j".
        assert!(same_name("Aydın", "Aydin"));
        assert!(same_name("Khodzhayev", "Khojayev"));
        assert!(same_name("Khojaev", "Khojayev"));
        assert!(!same_name("Hocayev", "Khojayev"), "short once folded: needs the given name");
        // Serbo-Croatian "đ" as English "dj", both ways.
        assert_eq!(fold("Đorđe"), fold("Djordje"));
        assert!(same_name("Đorđe", "Djordje"));
        assert!(same_name("Djordje", "Đorđe"));
        assert!(same_name("Đurić", "Djuric"));
    }

    fn kinds(text: &str) -> Vec<(String, EntityKind)> {
        find_mentions(text, Span::new(0, text.len()), 0).into_iter().map(|m| (m.text, m.kind)).collect()
    }

    #[test]
    fn a_lone_unknown_word_takes_its_kind_from_its_neighbours() {
        use EntityKind::*;
        // A month abbreviation before a day is no name.
        assert_eq!(
            kinds("Belgrade, Serbia, Oct 15 - A blast."),
            vec![("Belgrade".into(), Place), ("Serbia".into(), Place)]
        );
        assert_eq!(kinds("he said Oct was a good month"), vec![("Oct".into(), Person)]);
        // A geographic common noun after it: a place.
        assert_eq!(kinds("homes along the Morava river were flooded"), vec![("Morava".into(), Place)]);
        assert_eq!(kinds("residents of Brdska street left"), vec![("Brdska".into(), Place)]);
        // "the" before it: not a person.
        assert_eq!(kinds("his family confirmed to the Courier on Monday"), vec![("Courier".into(), Organisation)]);
        // A place preposition before it.
        assert_eq!(kinds("a plant in Jagodina, officials said"), vec![("Jagodina".into(), Place)]);
        assert_eq!(kinds("three dead in Hemikol explosion"), vec![("Hemikol".into(), Person)]);
        // A known given name stays a person; an unknown word with no such neighbour too.
        assert_eq!(kinds("a letter in Anna's hand"), vec![("Anna".into(), Person)]);
        assert_eq!(kinds("he met Stankovic on Monday"), vec![("Stankovic".into(), Person)]);
        // "the X" before a noun: not a person either ("the Hemikol plant"), unless another
        // mention makes X a person's surname (`settle_guesses`); a possessive is not guessed at.
        assert_eq!(kinds("a blast at the Hemikol plant"), vec![("Hemikol".into(), Organisation)]);
        let all = |t: &str, doc: usize| find_mentions(t, Span::new(0, t.len()), doc);
        let mut ms = all("a plan of the Markovic administration", 0);
        ms.extend(all("Goran Markovic spoke.", 1));
        assert_eq!(ms[0].kind, Organisation);
        settle_guesses(&mut ms);
        assert_eq!(ms[0].kind, Person);
        let mut ms = all("a blast at the Hemikol plant", 0);
        settle_guesses(&mut ms);
        assert_eq!(ms[0].kind, Organisation);
        assert_eq!(kinds("nothing changed in Lavrov's view"), vec![("Lavrov".into(), Person)]);
        // Facilities are organisations.
        assert_eq!(kinds("taken to Belovac General Hospital"), vec![("Belovac General Hospital".into(), Organisation)]);
    }

    fn resolve_texts(texts: &[&str]) -> (Vec<RawMention>, Resolution) {
        let mut all = Vec::new();
        for (d, t) in texts.iter().enumerate() {
            all.extend(find_mentions(t, Span::new(0, t.len()), d));
        }
        let r = resolve(&all);
        (all, r)
    }

    fn entity_of(all: &[RawMention], r: &Resolution, doc: usize, text: &str) -> usize {
        let i = all
            .iter()
            .position(|m| m.doc == doc && m.text == text)
            .unwrap_or_else(|| panic!("no mention {text:?} in doc {doc}"));
        r.entity_of[i].expect("resolved")
    }

    #[test]
    fn resolution_variants_and_apart() {
        let docs = [
            "Secretaries Rice and Gates will be meeting with Russian Foreign Minister Sergei Lavrov and Defense Minister Anatoly Serdyukov.",
            "Russian Foreign Minister Sergey Lavrov said so. Russian Defense Minister Anatoly Serdyukov said so.",
            "Gates met First Deputy Prime Minister Sergei Ivanov and Defence Minister Anatoly Serdukov. Serdyukov said no.",
        ];
        let (all, r) = resolve_texts(&docs);
        let lavrov = entity_of(&all, &r, 0, "Sergei Lavrov");
        assert_eq!(lavrov, entity_of(&all, &r, 1, "Sergey Lavrov"));
        let serd = entity_of(&all, &r, 0, "Anatoly Serdyukov");
        assert_eq!(serd, entity_of(&all, &r, 1, "Anatoly Serdyukov"));
        assert_eq!(serd, entity_of(&all, &r, 2, "Anatoly Serdukov"));
        assert_eq!(serd, entity_of(&all, &r, 2, "Serdyukov"));
        assert!(r.entities[serd].spelling_differs);
        assert_ne!(entity_of(&all, &r, 2, "Sergei Ivanov"), lavrov);
        assert_eq!(entity_of(&all, &r, 0, "Gates"), entity_of(&all, &r, 2, "Gates"));
        assert_eq!(entity_of(&all, &r, 0, "Russian"), entity_of(&all, &r, 1, "Russian"));
    }

    #[test]
    fn transliterations_of_one_person_meet_and_namesakes_stay_apart() {
        let docs = [
            "Energy Minister Rustam Khojayev met Foreign Minister Selin Aydin. Deputy Minister Rustam Nazarov said so.",
            "Energy Minister Rustam Khodzhayev spoke. Foreign Minister Selin Aydın answered, and Kemal Aydın agreed.",
            "Energy Minister Rustam Hocayev spoke. Opposition leader Kemal Aydin disagreed.",
        ];
        let (all, r) = resolve_texts(&docs);
        let rustam = entity_of(&all, &r, 0, "Rustam Khojayev");
        assert_eq!(rustam, entity_of(&all, &r, 1, "Rustam Khodzhayev"));
        assert_eq!(rustam, entity_of(&all, &r, 2, "Rustam Hocayev"));
        assert_ne!(rustam, entity_of(&all, &r, 0, "Rustam Nazarov"));
        let selin = entity_of(&all, &r, 0, "Selin Aydin");
        assert_eq!(selin, entity_of(&all, &r, 1, "Selin Aydın"));
        let kemal = entity_of(&all, &r, 1, "Kemal Aydın");
        assert_eq!(kemal, entity_of(&all, &r, 2, "Kemal Aydin"));
        assert_ne!(selin, kemal);
    }

    #[test]
    fn names_listed_with_a_place_are_places() {
        assert_mentions(
            "the plants in Belovac, Kragujevac and Jagodina",
            &[("Belovac", Place), ("Kragujevac", Place), ("Jagodina", Place)],
        );
        assert_mentions(
            "ambulances came from Poland, Kragujevac and Jagodina",
            &[("Poland", Place), ("Kragujevac", Place), ("Jagodina", Place)],
        );
        // "from" takes people too: three unknown names after it stay as they were.
        assert_mentions(
            "a letter from Rice, Gates and Lavrov",
            &[("Rice", Person), ("Gates", Person), ("Lavrov", Person)],
        );
        assert_mentions("talks were held in Poland and Kragujevac", &[("Poland", Place), ("Kragujevac", Place)]);
        assert_mentions(
            "In Belovac, Kragujevac and Jagodina",
            &[("Belovac", Place), ("Kragujevac", Place), ("Jagodina", Place)],
        );
        // Two names after no preposition: a person may stand beside a country.
        assert_mentions("both Russia and Putin disagree", &[("Russia", Place), ("Putin", Person)]);
        // A comma alone makes no list: "in Moscow, Putin said"; but a town before its state or
        // country is a place.
        assert_mentions("a visit at Kennebunkport, Maine", &[("Kennebunkport", Place), ("Maine", Place)]);
        assert_mentions("speaking in Moscow, Putin said so", &[("Moscow", Place), ("Putin", Person)]);
        // A person's full name is never a place, whatever the list.
        assert_mentions(
            "officials from Poland, Ivan Petrović and Kragujevac met",
            &[("Poland", Place), ("Ivan Petrović", Person), ("Kragujevac", Place)],
        );
    }

    #[test]
    fn a_title_inside_a_run_starts_a_person() {
        // "Belovac" alone is left for resolution to decide (a lone unknown word).
        let got = mentions("The blast was described by Belovac Mayor Aleksandar Jovanovic as a tragedy.");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, vec!["Belovac", "Aleksandar Jovanovic"]);
        assert_eq!(got[1].1, Person);
        // Common words before the title are part of it, and the title is stripped: a person,
        // not an organisation "Higher Public" and another "Prosecutor Jelena Marković".
        assert_mentions(
            "Higher Public Prosecutor Jelena Marković ordered an investigation.",
            &[("Jelena Marković", Person)],
        );
        assert_mentions("Police Chief Ivan Petrović said so.", &[("Ivan Petrović", Person)]);
    }

    #[test]
    fn a_common_word_opening_a_sentence_names_nothing_unless_known() {
        let (all, r) =
            resolve_texts(&["Firefighters battled the blaze. Rice spoke.", "Secretary Condoleezza Rice left."]);
        let fire = all.iter().position(|m| m.text == "Firefighters").expect("found, tentatively");
        assert_eq!(r.entity_of[fire], None);
        assert_eq!(entity_of(&all, &r, 0, "Rice"), entity_of(&all, &r, 1, "Condoleezza Rice"));
    }

    #[test]
    fn aliases_are_one_place() {
        let (all, r) = resolve_texts(&["U.S. officials said.", "US officials said.", "The United States said."]);
        let us = entity_of(&all, &r, 0, "U.S.");
        assert_eq!(us, entity_of(&all, &r, 1, "US"));
        assert_eq!(us, entity_of(&all, &r, 2, "United States"));
        assert_eq!(r.entities[us].name, "United States");
    }

    #[test]
    fn acronym_joins_its_expansion() {
        let t = "The Russians also disagree with provisions of the Strategic Arms Reduction Treaty, or START.";
        let (all, r) = resolve_texts(&[t]);
        assert_eq!(entity_of(&all, &r, 0, "START"), entity_of(&all, &r, 0, "Strategic Arms Reduction Treaty"));
    }
}
