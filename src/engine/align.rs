//! Alignment: finds which claims of different articles state the same fact, groups them, and
//! judges how the versions relate (agree, compatible, differ) with typed differences.
//!
//! Matching is on what makes a claim, not on topic words: resolved entities (weighted by how
//! few claims name them, so the story's ever-present "Russia" counts little), quantities with
//! what they count, and content words weighted by how rare they are in news generally (a
//! background frequency table, `lexicon`), matched through lemmas, British/American spelling,
//! WordNet synonyms, derivational families and the synonyms of the word a derived word comes
//! from ("restriction", from "restrict" ~ "limit"), thesaurus pairs (Moby: "plant" ~ "factory",
//! "worker" ~ "employee"), adjective near-synonyms and, weakest, words of related meaning (a
//! noun or verb and its narrow hypernym or a co-hyponym: "fear" ~ "anger") and words one of
//! which is in the other's WordNet definition ("launch" ~ "attack"). Counted things match as
//! the same word, a synonym or a thesaurus pair ("40 workers" / "42 employees"); a share
//! counts its whole ("72% of the water" / "about 70 percent of its irrigation water"), and
//! the same unround share of two different wholes is not one fact on its value. A verb and
//! its particle side by side are one word when WordNet has the phrasal verb ("turned down" ~
//! "rejected"); a particle parted from its verb ("turned the offer down") is not seen.
//! A stance is a word of its own: the actor and its stand (`stance`: "Russia against" from
//! "Russia opposes" and "rebuffed by Moscow"; "United States reassuring" from "calm Russian
//! fears" and "Washington tried to cool Russian anger"), as informative as the rarest word, so
//! that one position in other words meets across articles.
//! Each reason names what matched ("fear ~ anger (related meaning)"). Two levels: whole claims
//! that say the same thing (score over all their features), and single facts inside otherwise
//! different claims (the same counted thing: "nine or ten interceptors" / "10 interceptor
//! missiles"; a count without a unit by the word beside it: "injuring 27 others" / "27 people
//! were injured"). Each counted thing gets its own fact group and relation, so a lead that
//! agrees on the dead and differs on the injured is two facts, not one "differ". Occasions are
//! kept apart: claims whose places exclude each other are not linked, nor are counts of one
//! thing that cannot both be true where one version names a date and the other no time ("in
//! May, some 200 residents" / "312 residents": two evacuations, not a discrepancy). Two changes
//! in value that start or end at one value are one fact ("to 64 from 62" / "from 62 to 64"),
//! one that starts where the other ends is another step ("from 60 to 62" / "from 62 to 64"); an
//! ordinal and what it orders links two claims ("the second day of protests" / "the second big
//! protest day"), other ordinals of one thing are other occasions ("the third round").
//!
//! Scale: candidates come from an inverted index over entities, counted things and rare
//! words; very common keys are not indexed, so no pass over all pairs of claims is made and
//! cost grows near-linearly with the number of articles. Grouping is average-linkage
//! clustering within each connected set of candidate links, capped in size, with one claim per
//! article in a cluster (claims of one article are never scored against each other); a claim
//! that states two facts also stands in a star group with its strong partners, taken only
//! while they are linked to each other (the strongest first), so one star holds one fact.
//!
//! Known limits: no syntax, so "A offered B" and "B offered A" look alike; no paraphrase
//! beyond WordNet (synonyms, hypernyms one step, co-hyponyms, words of a definition) and a
//! filtered Moby thesaurus, in any sense of a synonym but only the most frequent sense for
//! related meanings (the first two for definitions); stances in other words meet only through
//! the few stands `stance` reads, with an actor it can name (not "the unions", a common noun);
//! what a count without a unit counts is only the few words beside it; ordinals from "second"
//! up only, and a length of time never changes a relation; a claim group still
//! takes the strongest difference of all its facts (its counted facts also have
//! their own groups); thresholds were set on the development sets (see `eval/README.md`), not
//! learned.

use super::model::*;
use super::wordset::WordSet;
use super::{lexicon, numbers, stance, times, tokens};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The score at which two claims count as stating one fact.
pub const LINK_THRESHOLD: f64 = 0.35;
/// The average link score at which two clusters merge.
pub const MERGE_THRESHOLD: f64 = 0.35;
/// What a shared name counts for beside a shared word of the same weight.
pub const ENTITY_FACTOR: f64 = 0.5;
/// What a synonym of a word's related form counts for ("restriction" ~ "limit"): a synonym
/// (0.8) through a related form (0.7).
const STEM_SYNONYM_FACTOR: f64 = 0.56;
/// What a gloss-related word pair counts for beside the same word.
const GLOSS_FACTOR: f64 = 0.5;
/// What a thesaurus pair (Moby, entries alike) counts for beside the same word: above the
/// WordNet relations that are not synonymy, below synonyms (0.8).
const THESAURUS_FACTOR: f64 = 0.6;
/// Words less informative than this are matched only as themselves (no synonyms, no
/// families) and are not indexed: "say" ~ "state" says nothing.
const RELATED_MIN_INFO: f64 = 0.25;
/// How hard a story's recurring words and names are discounted: `(1 - share)^TOPIC_POWER`.
pub const TOPIC_POWER: f64 = 2.0;
/// The shared word weight at which a pair scores half on words whatever its length.
pub const SHARED_HALF: f64 = 2.0;
/// Keys naming more than this share of all claims are not indexed (and a floor of claims).
const MAX_POSTING_SHARE: f64 = 0.2;
const MIN_POSTING_CAP: usize = 8;
/// Keys naming more claims than this are never followed, whatever the corpus size.
pub const MAX_POSTING: usize = 200;
/// The most candidate partners one claim brings in (its rarest keys first).
pub const MAX_CANDIDATES_PER_CLAIM: usize = 60;
/// Groups up to this size compare every pair of versions for differences.
pub const ALL_PAIRS_UP_TO: usize = 8;
/// The most quantities of one claim that are matched (a claim states few facts; a table of
/// numbers pasted as one line must not make matching quadratic).
pub const MAX_QUANTITIES_PER_CLAIM: usize = 8;
/// The largest connected set that average linkage clusters; larger ones are clustered by
/// leaders (see `leader_clusters`).
const MAX_COMPONENT: usize = 150;

/// Function words and reporting words that carry no fact.
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "if",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "with",
    "as",
    "that",
    "this",
    "these",
    "those",
    "it",
    "its",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "shall",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "our",
    "their",
    "his",
    "my",
    "your",
    "who",
    "whom",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "there",
    "here",
    "than",
    "then",
    "so",
    "also",
    "not",
    "no",
    "any",
    "some",
    "all",
    "such",
    "very",
    "just",
    "only",
    "even",
    "still",
    "about",
    "into",
    "over",
    "after",
    "before",
    "while",
    "said",
    "say",
    "says",
    "told",
    "tell",
    "according",
    "added",
    "statement",
    "reporter",
    "reporters",
    "news",
    "official",
    "officials",
    "spokesman",
    "s",
    "one",
    "other",
    "more",
    "most",
    "up",
    "out",
    "said",
    "both",
    "well",
    "way",
    "now",
    "later",
    "during",
    "under",
    "against",
    "between",
    "through",
    "until",
    "because",
    "however",
    "since",
    "mr",
    "ms",
    "mrs",
    "own",
    "same",
    "being",
    "made",
    "make",
    "if",
    "yet",
    "whether",
    "either",
    "neither",
    "nor",
];

/// Story-wide numbers for the strings claims are compared by (word keys, derivational
/// families, unit heads; entity ids in a vocabulary of their own), so that comparing two
/// claims compares integers, and a reason is spelled out only for a link that is kept.
#[derive(Clone, Debug, Default)]
pub struct Vocab {
    ids: lexicon::FastMap<String, u32>,
    names: Vec<String>,
}

impl Vocab {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.names.len() as u32;
        self.ids.insert(s.to_string(), i);
        self.names.push(s.to_string());
        i
    }
    fn name(&self, i: u32) -> &str {
        self.names.get(i as usize).map(String::as_str).unwrap_or("")
    }
    fn len(&self) -> usize {
        self.names.len()
    }
}

/// The vocabularies and corpus statistics a comparison needs.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub words: Vocab,
    pub entities: Vocab,
    pub stats: Stats,
    /// The country each person acts for (`stance::affiliations`).
    pub affiliations: stance::Affiliations,
}

/// One content word of a claim.
#[derive(Clone, Debug)]
struct WordFeature {
    key: u32,
    /// Background informativeness, 0..=1.
    info: f64,
    /// `info` discounted by how much of the story repeats the word (set by `Stats::weigh`).
    weight: f64,
}

/// A counted thing of a claim ("interceptor missiles").
#[derive(Clone, Debug)]
struct UnitFeature {
    /// The quantity's index in the claim's numbers.
    index: usize,
    head: u32,
    head_lex: Option<u32>,
    /// Every word of the unit, as keys.
    words: Vec<u32>,
    /// The content words right around the quantity, as keys, sorted ("injured", "hurt").
    context: Vec<u32>,
    /// The same with their lexicon numbers and informativeness, to meet a count without a unit.
    context_words: Vec<(u32, Option<u32>, f64)>,
    info: f64,
    /// For a share ("70 percent of its irrigation water"), the whole it is a share of: the
    /// head noun's key and lexicon number ("water").
    whole: Option<(u32, Option<u32>)>,
}

/// A count without a unit ("injuring 27 others", "27 hurt"): what it counts is only in the
/// words around it.
#[derive(Clone, Debug)]
struct BareCount {
    /// The quantity's index in the claim's numbers.
    index: usize,
    /// The informative content words right around the quantity: (key, lexicon number,
    /// informativeness), sorted by key.
    context: Vec<(u32, Option<u32>, f64)>,
}

/// Features of one claim used for matching, numbered through a `Context`'s vocabularies.
#[derive(Clone, Debug, Default)]
pub struct Features {
    /// Sorted by key, one entry per key.
    words: Vec<WordFeature>,
    /// (synset, word index) for the informative words the lexicon knows, sorted.
    synsets: Vec<(u32, u32)>,
    /// (synset, word index) of the word a derived word comes from ("restriction": the synsets
    /// of "restrict"), sorted.
    stem_synsets: Vec<(u32, u32)>,
    /// (derivational family, word index), sorted.
    families: Vec<(u32, u32)>,
    /// (lexicon word, word index) for the informative words the lexicon knows, sorted.
    lexes: Vec<(u32, u32)>,
    /// (lexicon word, word index, how they relate) for each near-synonym, word of related
    /// meaning, gloss-related word and thesaurus word of an informative word, sorted: one list,
    /// so that a pair walks the other claim's words once for all four relations.
    near: Vec<(u32, u32, WordRelation)>,
    /// (entity, weight), sorted by entity.
    entities: Vec<(u32, f64)>,
    /// Places where something happens ("in Poland", "at Fort Greely"), sorted.
    places: Vec<u32>,
    units: Vec<UnitFeature>,
    bare: Vec<BareCount>,
    /// Ordinals and the words they order ("the second day of protests": 2, [day]), the words
    /// as keys, sorted.
    ordinals: Vec<(u8, Vec<u32>)>,
    source_entity: Option<u32>,
    /// (word key, label) of each stance the claim states ("Russia against"), which stands in
    /// `words` as a word of its own.
    stances: Vec<(u32, String)>,
    total_words: f64,
    total_entities: f64,
}

/// The key a word is matched by: lower case, lemma, American spelling.
pub fn word_key(w: &str) -> String {
    lexicon::key(&tokens::key(w))
}

fn is_stop(k: &str) -> bool {
    static STOP_SET: WordSet = WordSet::new(STOP);
    STOP_SET.contains(k) || k.chars().all(|c| !c.is_alphabetic())
}

/// Derivational suffixes, longest first, that `family` strips (one of them).
const DERIVATIONAL: &[&str] = &[
    "ization", "isation", "ation", "ition", "ution", "ment", "ness", "ance", "ence", "ity", "ion", "ive", "ate", "ize",
    "ise", "al", "en", "e",
];

/// A word key's derivational family: the key without one derivational suffix, when at least
/// five letters stay ("cooperation", "cooperate" -> "cooper"; "threaten" -> "threat";
/// "restriction", "restrict" -> "restrict"). Crude, like any suffix stripper: it can join
/// unrelated words ("general" / "generate"), so a family match counts less than a synonym.
pub fn family(key: &str) -> Option<&str> {
    if key.len() < 5 || !key.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    for suf in DERIVATIONAL {
        if let Some(stem) = key.strip_suffix(suf) {
            if stem.len() >= 5 {
                return Some(stem);
            }
        }
    }
    Some(key)
}

/// The words right before a place that make it where something happens, not what is talked
/// about ("sites in Poland", not "threats from Iran").
const LOCATING: &[&str] = &["in", "at", "near", "inside", "outside", "to"];

/// What one token gives for matching (a hyphenated word gives itself and its parts).
#[derive(Clone, Debug)]
struct WordEntry {
    key: u32,
    info: f64,
    lex: Option<u32>,
    family: Option<u32>,
    /// The lexicon's number of the word this one is derived from, when that is another word
    /// ("restriction": "restrict").
    stem_lex: Option<u32>,
}

/// The entries of one token (lower case), numbered in `vocab`; none for a stop word.
fn word_entries(raw: &str, vocab: &mut Vocab) -> Vec<WordEntry> {
    let mut out = Vec::new();
    if is_stop(raw) {
        return out;
    }
    // Hyphenated words also give their parts ("confidence-building").
    let mut parts = vec![raw.to_string()];
    if raw.contains('-') {
        parts.extend(raw.split('-').filter(|p| p.len() > 2 && !is_stop(p)).map(str::to_string));
    }
    for p in parts {
        // "unchanged" is "not changed": matched as "change" (the negation is a cue).
        let p = match p.strip_prefix("un") {
            Some(rest) if rest.len() >= 5 && rest.ends_with("ed") && lexicon::known(rest) => rest.to_string(),
            _ => p,
        };
        let key = word_key(&p);
        if key.is_empty() || is_stop(&key) {
            continue;
        }
        let stem = family(&key);
        let lex = lexicon::word_id(&key);
        let stem_lex = stem.and_then(lexicon::word_id).filter(|&st| Some(st) != lex);
        let family = stem.map(|s| format!("~{s}")).map(|s| vocab.id(&s));
        out.push(WordEntry { key: vocab.id(&key), info: lexicon::informativeness(&p) as f64, lex, family, stem_lex });
    }
    out
}

/// The phrasal verb (the lexicon's spelling, "turn_down") that token `t` and the next token
/// `u` make when only spaces stand between them; `None` otherwise. A verb parted from its
/// particle ("turned the offer down") is not seen.
fn phrasal_verb(text: &str, t: &tokens::Token, u: &tokens::Token) -> Option<String> {
    let between = text.get(t.span.end..u.span.start)?;
    if between.is_empty() || !between.chars().all(|c| c == ' ') {
        return None;
    }
    lexicon::phrasal(t.text, u.text)
}

/// Extracts a claim's matching features, numbering its strings in `ctx`'s vocabularies
/// (weights are set later, by `Stats::weigh`, once every claim is known).
/// Each token's entries by its text as written, computed once per distinct token (lemmas and
/// lookups are the costly part of extracting features; the text itself is the key, so a
/// token already seen costs one hash and no allocation).
type TokenMemo<'t> = lexicon::FastMap<&'t str, Vec<WordEntry>>;

fn features<'t>(text: &'t str, claim: &Claim, ctx: &mut Context, memo: &mut TokenMemo<'t>) -> Features {
    let mut f = Features::default();
    let name_spans: Vec<Span> = claim.names.iter().map(|m| m.span).collect();
    let speaker_span = claim.source.as_ref().map(|s| s.span);
    // (key, info, lexicon number, family, lexicon number of the word it derives from), gathered
    // per token, then sorted and merged by key.
    let mut words: Vec<(u32, f64, Option<u32>, Option<u32>, Option<u32>)> = Vec::new();
    let toks = tokens::words(text, claim.span);
    let mut particle_taken = false;
    for (k, t) in toks.iter().enumerate() {
        if std::mem::take(&mut particle_taken)
            // A name's possessive ("Kyrvania's": the name is "Kyrvania") is the name too.
            || name_spans.iter().any(|s| s.start <= t.span.start && t.span.start < s.end)
            || speaker_span.is_some_and(|s| s.contains(t.span))
        {
            continue;
        }
        // A verb and its particle, side by side, are one word when the lexicon has the
        // phrasal verb: "turned down" is "turn down", a synonym of "reject".
        if let Some(phrase) = toks.get(k + 1).and_then(|u| phrasal_verb(text, t, u)) {
            let info = lexicon::informativeness(&phrase) as f64;
            let key = ctx.words.id(&phrase.replace('_', " "));
            words.push((key, info, lexicon::word_id(&phrase), None, None));
            particle_taken = true;
            continue;
        }
        let entries = memo.entry(t.text).or_insert_with(|| word_entries(&tokens::key(t.text), &mut ctx.words));
        words.extend(entries.iter().map(|e| (e.key, e.info, e.lex, e.family, e.stem_lex)));
    }
    // A stand someone takes ("Russia opposes", "rebuffed by Moscow"): one word of its own,
    // the actor and the stance, so that versions of a position in other words meet.
    for st in stance::find_stances(claim, &toks, &ctx.affiliations) {
        let key = ctx.words.id(&format!("{} {}", st.actor, st.stand.label()));
        words.push((key, STANCE_INFO, None, None, None));
        f.stances.push((key, st.label()));
    }
    // One entry per key, with the highest informativeness its tokens gave.
    words.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
    words.dedup_by_key(|w| w.0);
    for (key, info, lex, fam, stem) in words {
        let i = f.words.len() as u32;
        if info >= RELATED_MIN_INFO {
            if let Some(l) = lex {
                f.synsets.extend(lexicon::synsets_of_id(l).iter().map(|&s| (s, i)));
                f.lexes.push((l, i));
                f.near.extend(lexicon::close_of_id(l).iter().map(|&c| (c, i, WordRelation::Close)));
                f.near.extend(lexicon::related_of_id(l).iter().map(|&c| (c, i, WordRelation::Related)));
                f.near.extend(lexicon::gloss_of_id(l).iter().map(|&c| (c, i, WordRelation::Gloss)));
                f.near.extend(lexicon::thesaurus_of_id(l).iter().map(|&c| (c, i, WordRelation::Thesaurus)));
            }
            if let Some(fam) = fam {
                f.families.push((fam, i));
                // The synsets of the word the derived one comes from: "restriction" is
                // "restrict", a synonym of "limit".
                if let Some(st) = stem {
                    f.stem_synsets.extend(lexicon::synsets_of_id(st).iter().map(|&s| (s, i)));
                }
            }
        }
        f.words.push(WordFeature { key, info, weight: info });
    }
    f.synsets.sort_unstable();
    f.stem_synsets.sort_unstable();
    f.families.sort_unstable();
    f.lexes.sort_unstable();
    f.near.sort_unstable();
    let mut entities: Vec<u32> = Vec::new();
    for m in &claim.names {
        if speaker_span.is_some_and(|s| s.contains(m.span)) {
            continue;
        }
        let id = ctx.entities.id(&m.entity);
        entities.push(id);
        let before = text.get(claim.span.start..m.span.start).unwrap_or("");
        let prep = before.split_whitespace().last().map(str::to_lowercase);
        if m.kind == EntityKind::Place && prep.is_some_and(|p| LOCATING.contains(&p.as_str())) {
            f.places.push(id);
        }
    }
    entities.sort_unstable();
    entities.dedup();
    f.entities = entities.into_iter().map(|e| (e, 1.0)).collect();
    f.places.sort_unstable();
    f.places.dedup();
    f.ordinals = ordinals(&toks)
        .into_iter()
        .map(|(n, words)| {
            let mut keys: Vec<u32> = words.iter().map(|w| ctx.words.id(w)).collect();
            keys.sort_unstable();
            (n, keys)
        })
        .collect();
    for (i, q) in claim.numbers.iter().enumerate().take(MAX_QUANTITIES_PER_CLAIM) {
        if let Some(u) = &q.unit {
            let head = word_key(numbers::unit_head(u));
            let words = u.split_whitespace().map(|w| ctx.words.id(&word_key(w))).collect();
            let unit_words: BTreeSet<String> = u.split_whitespace().map(word_key).collect();
            let mut context: Vec<u32> = number_context(text, claim, q)
                .iter()
                .filter(|k| !unit_words.contains(*k))
                .map(|k| ctx.words.id(k))
                .collect();
            context.sort_unstable();
            let context_words = context
                .iter()
                .map(|&k| {
                    let name = ctx.words.name(k);
                    (k, lexicon::word_id(name), lexicon::informativeness(name) as f64)
                })
                .collect();
            let whole = share_whole(text, claim, q).map(|k| {
                let lex = lexicon::word_id(&k);
                (ctx.words.id(&k), lex)
            });
            f.units.push(UnitFeature {
                context,
                context_words,
                whole,
                index: i,
                head: ctx.words.id(&head),
                head_lex: lexicon::word_id(&head),
                words,
                info: lexicon::informativeness(&head) as f64,
            });
        } else {
            let mut context: Vec<(u32, Option<u32>, f64)> = number_context(text, claim, q)
                .iter()
                .map(|k| (ctx.words.id(k), lexicon::word_id(k), lexicon::informativeness(k) as f64))
                .filter(|w| w.2 >= BARE_CONTEXT_MIN_INFO)
                .collect();
            context.sort_by_key(|w| w.0);
            if !context.is_empty() {
                f.bare.push(BareCount { index: i, context });
            }
        }
    }
    f.source_entity = claim.source.as_ref().and_then(|s| s.entity.as_ref()).map(|e| ctx.entities.id(e));
    f
}

/// How informative a shared stance (an actor and its stand) is, as a word's informativeness:
/// as much as the rarest word, since it is a whole proposition ("Russia against"). Measured at
/// 0.6 / 0.8 / 1.0 / 1.2 (see `eval/README.md`, session 10).
const STANCE_INFO: f64 = 1.0;

/// Corpus statistics the scorer needs: how many claims have each word key and name each
/// entity (indexed by their numbers in the vocabularies).
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub claims: usize,
    word_df: Vec<u32>,
    entity_df: Vec<u32>,
}

impl Stats {
    pub fn new(feats: &[Features], ctx: &Context) -> Self {
        let mut s =
            Stats { claims: feats.len(), word_df: vec![0; ctx.words.len()], entity_df: vec![0; ctx.entities.len()] };
        for f in feats {
            for e in &f.entities {
                s.entity_df[e.0 as usize] += 1;
            }
            for w in &f.words {
                s.word_df[w.key as usize] += 1;
            }
        }
        s
    }
    /// An entity's weight: high for one named by few claims, low for the story's constants.
    fn entity_weight(&self, e: u32) -> f64 {
        topic_discount(self.entity_df.get(e as usize).map_or(1, |&d| d as usize), self.claims)
    }
    /// A word's weight: its informativeness in news generally (background frequencies),
    /// discounted when the story repeats it in a large share of its claims (its topic words:
    /// "missile", "shield" in a story about a missile shield).
    fn word_weight(&self, key: u32, informativeness: f64) -> f64 {
        informativeness * topic_discount(self.word_df.get(key as usize).map_or(1, |&d| d as usize), self.claims)
    }
    /// Sets a claim's weights and totals, once per claim (not once per pair).
    pub fn weigh(&self, f: &mut Features) {
        for w in &mut f.words {
            w.weight = self.word_weight(w.key, w.info);
        }
        for e in &mut f.entities {
            e.1 = self.entity_weight(e.0);
        }
        f.total_words = f.words.iter().map(|w| w.weight).sum();
        f.total_entities = f.entities.iter().map(|e| e.1).sum();
    }
}

/// `(1 - share)^2` of the claims that have a feature, with at least twenty claims assumed so
/// a pair of sentences still weighs what they share; at least 0.05.
fn topic_discount(df: usize, claims: usize) -> f64 {
    let share = df as f64 / (claims.max(20) as f64);
    (1.0 - share).powf(TOPIC_POWER).clamp(0.05, 1.0)
}

/// Features of all claims, weighted, with their context.
pub fn prepare<'t>(claims: &[&Claim], text_of: &dyn Fn(&Claim) -> &'t str) -> (Vec<Features>, Context) {
    let mut ctx = Context { affiliations: stance::affiliations(claims, text_of), ..Context::default() };
    let mut memo = TokenMemo::default();
    let mut feats: Vec<Features> = claims.iter().map(|c| features(text_of(c), c, &mut ctx, &mut memo)).collect();
    // Entries no other claim can meet are dropped here, once, rather than walked past in every
    // compared pair: synsets and families only one claim has, and near-synonyms and related
    // words that no claim uses.
    keep_synsets_met(&mut feats);
    keep_shared(feats.iter_mut().map(|f| &mut f.families).collect());
    let used = key_set(feats.iter().flat_map(|f| f.lexes.iter().map(|e| e.0)));
    for f in &mut feats {
        f.near.retain(|e| used.get(e.0 as usize).copied().unwrap_or(false));
    }
    ctx.stats = Stats::new(&feats, &ctx);
    for f in &mut feats {
        ctx.stats.weigh(f);
    }
    (feats, ctx)
}

/// Keeps the synsets another claim can meet: a claim's own synsets that another claim has
/// too, or that another claim's derived word comes from; and the synsets of the word a derived
/// word comes from only when some claim has them as its own (they are compared with those
/// alone).
fn keep_synsets_met(feats: &mut [Features]) {
    let size =
        feats.iter().flat_map(|f| f.synsets.iter().chain(&f.stem_synsets).map(|e| e.0 as usize + 1)).max().unwrap_or(0);
    let (own, twice) = once_and_twice(feats.iter().map(|f| f.synsets.as_slice()), size);
    let mut stem = vec![false; size];
    for &(k, _) in feats.iter().flat_map(|f| &f.stem_synsets) {
        stem[k as usize] = true;
    }
    for f in feats.iter_mut() {
        f.synsets.retain(|e| twice[e.0 as usize] || stem[e.0 as usize]);
        f.stem_synsets.retain(|e| own[e.0 as usize]);
    }
}

/// Keeps, in each of `lists` (sorted by key), the entries whose key at least two lists have.
fn keep_shared(mut lists: Vec<&mut Vec<(u32, u32)>>) {
    let size = lists.iter().flat_map(|l| l.iter().map(|e| e.0 as usize + 1)).max().unwrap_or(0);
    let (_, twice) = once_and_twice(lists.iter().map(|l| l.as_slice()), size);
    for l in &mut lists {
        l.retain(|e| twice[e.0 as usize]);
    }
}

/// Bitmaps of the keys (below `size`) that at least one, and at least two, of `lists` (each
/// sorted by key) have.
fn once_and_twice<'a>(lists: impl Iterator<Item = &'a [(u32, u32)]>, size: usize) -> (Vec<bool>, Vec<bool>) {
    let (mut once, mut twice) = (vec![false; size], vec![false; size]);
    for l in lists {
        let mut prev = None;
        for &(k, _) in l {
            if prev != Some(k) {
                prev = Some(k);
                let k = k as usize;
                twice[k] |= once[k];
                once[k] = true;
            }
        }
    }
    (once, twice)
}

/// The set of `keys` as a bitmap indexed by key (the keys are small dense numbers).
fn key_set(keys: impl Iterator<Item = u32> + Clone) -> Vec<bool> {
    let mut set = vec![false; keys.clone().max().map_or(0, |k| k as usize + 1)];
    for k in keys {
        set[k as usize] = true;
    }
    set
}

/// A scored comparison of two claims.
#[derive(Clone, Debug, PartialEq)]
pub struct PairScore {
    pub score: f64,
    pub reasons: Vec<Reason>,
    /// Linked through a single fact (a counted thing) rather than the whole claim.
    pub fact: Option<String>,
    /// Each counted thing the two claims share (explained pairs only): what it is and the
    /// quantities' indices in each claim's numbers.
    pub facts: Vec<FactMatch>,
}

/// One counted thing two claims share: "injure", the 2nd number of one, the 1st of the other.
#[derive(Clone, Debug, PartialEq)]
pub struct FactMatch {
    pub thing: String,
    pub a: usize,
    pub b: usize,
}

/// How two different words of two claims relate, weakest last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum WordRelation {
    Synonym,
    Family,
    /// A synonym of the word the other is derived from ("restriction" ~ "limit").
    StemSynonym,
    Close,
    Related,
    Gloss,
    Thesaurus,
}

impl WordRelation {
    fn factor(self) -> f64 {
        match self {
            WordRelation::Synonym => 0.8,
            WordRelation::Family => 0.7,
            WordRelation::StemSynonym => STEM_SYNONYM_FACTOR,
            WordRelation::Close => 0.5,
            WordRelation::Related => 0.5,
            WordRelation::Gloss => GLOSS_FACTOR,
            WordRelation::Thesaurus => THESAURUS_FACTOR,
        }
    }
    fn label(self) -> &'static str {
        match self {
            WordRelation::Synonym => "synonym",
            WordRelation::Family => "related form",
            WordRelation::StemSynonym => "synonym of a related form",
            WordRelation::Close => "near-synonym",
            WordRelation::Related => "related meaning",
            WordRelation::Gloss => "in a definition",
            WordRelation::Thesaurus => "thesaurus",
        }
    }
}

/// Scores two claims (of different articles): the score alone, for every candidate pair.
pub fn score_pair(a: &Claim, fa: &Features, b: &Claim, fb: &Features, ctx: &Context) -> f64 {
    compare(a, fa, b, fb, ctx, false).score
}

/// Scores two claims with the reasons for the score (for links that are kept).
pub fn explain_pair(a: &Claim, fa: &Features, b: &Claim, fb: &Features, ctx: &Context) -> PairScore {
    compare(a, fa, b, fb, ctx, true)
}

/// A set of small indices: a machine word for claims of up to 128 words (all but pasted
/// tables), a vector beyond; no allocation per compared pair in the common case.
enum Bits {
    Small(u128),
    Large(Vec<bool>),
}

impl Bits {
    fn new(n: usize) -> Self {
        if n <= 128 {
            Bits::Small(0)
        } else {
            Bits::Large(vec![false; n])
        }
    }
    fn get(&self, i: usize) -> bool {
        match self {
            Bits::Small(b) => i < 128 && b & (1u128 << i) != 0,
            Bits::Large(v) => v.get(i).copied().unwrap_or(false),
        }
    }
    fn set(&mut self, i: usize) {
        match self {
            Bits::Small(b) if i < 128 => *b |= 1u128 << i,
            Bits::Small(_) => {}
            Bits::Large(v) => {
                if let Some(x) = v.get_mut(i) {
                    *x = true;
                }
            }
        }
    }
}

/// Walks two sorted lists, calling `f` on each pair of entries with equal keys.
fn merge_equal<T, U>(xs: &[T], ys: &[U], kx: impl Fn(&T) -> u32, ky: impl Fn(&U) -> u32, mut f: impl FnMut(&T, &U)) {
    let (mut i, mut j) = (0, 0);
    while i < xs.len() && j < ys.len() {
        let (a, b) = (kx(&xs[i]), ky(&ys[j]));
        if a == b {
            // Every entry of ys with this key against this entry of xs.
            let mut jj = j;
            while jj < ys.len() && ky(&ys[jj]) == a {
                f(&xs[i], &ys[jj]);
                jj += 1;
            }
        }
        // Branch-free steps: the comparison's outcome is unpredictable, and most of a pair's
        // time went to mispredicting it.
        i += usize::from(a <= b);
        j += usize::from(b < a);
    }
}

fn compare(a: &Claim, fa: &Features, b: &Claim, fb: &Features, ctx: &Context, explain: bool) -> PairScore {
    let mut reasons = Vec::new();
    // Words: the same keys first.
    let mut used_a = Bits::new(fa.words.len());
    let mut used_b = Bits::new(fb.words.len());
    let mut shared = 0.0;
    let mut best_word: f64 = 0.0;
    {
        let (mut i, mut j) = (0, 0);
        while i < fa.words.len() && j < fb.words.len() {
            match fa.words[i].key.cmp(&fb.words[j].key) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let w = fa.words[i].weight.min(fb.words[j].weight);
                    shared += w;
                    best_word = best_word.max(w);
                    used_a.set(i);
                    used_b.set(j);
                    if explain && w >= 0.3 {
                        let key = fa.words[i].key;
                        let reason = match fa.stances.iter().find(|s| s.0 == key) {
                            Some((_, label)) => {
                                Reason { kind: ReasonKind::Action, what: label.clone(), weight: round3(w) }
                            }
                            None => Reason {
                                kind: ReasonKind::Word,
                                what: ctx.words.name(key).to_string(),
                                weight: round3(w),
                            },
                        };
                        reasons.push(reason);
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
    }
    // Then different words that are synonyms, of one family, or close: the strongest pairs
    // first, each word used once.
    let mut related: Vec<(f64, u32, u32, WordRelation)> = Vec::new();
    let mut offer = |ia: u32, ib: u32, rel: WordRelation| {
        let (x, y) = (&fa.words[ia as usize], &fb.words[ib as usize]);
        if !used_a.get(ia as usize) && !used_b.get(ib as usize) {
            related.push((x.weight.min(y.weight) * rel.factor(), ia, ib, rel));
        }
    };
    merge_equal(&fa.synsets, &fb.synsets, |s| s.0, |s| s.0, |x, y| offer(x.1, y.1, WordRelation::Synonym));
    merge_equal(&fa.stem_synsets, &fb.synsets, |s| s.0, |s| s.0, |x, y| offer(x.1, y.1, WordRelation::StemSynonym));
    merge_equal(&fa.synsets, &fb.stem_synsets, |s| s.0, |s| s.0, |x, y| offer(x.1, y.1, WordRelation::StemSynonym));
    merge_equal(&fa.families, &fb.families, |s| s.0, |s| s.0, |x, y| offer(x.1, y.1, WordRelation::Family));
    merge_equal(&fa.near, &fb.lexes, |s| s.0, |s| s.0, |x, y| offer(x.1, y.1, x.2));
    related.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2, x.3).cmp(&(y.1, y.2, y.3))));
    for (w, ia, ib, rel) in related {
        if used_a.get(ia as usize) || used_b.get(ib as usize) {
            continue;
        }
        used_a.set(ia as usize);
        used_b.set(ib as usize);
        shared += w;
        if explain {
            let (ka, kb) = (ctx.words.name(fa.words[ia as usize].key), ctx.words.name(fb.words[ib as usize].key));
            reasons.push(Reason {
                kind: ReasonKind::Word,
                what: format!("{ka} ~ {kb} ({})", rel.label()),
                weight: round3(w),
            });
        }
    }
    // Entities.
    let mut ent_shared = 0.0;
    merge_equal(
        &fa.entities,
        &fb.entities,
        |e| e.0,
        |e| e.0,
        |x, _| {
            ent_shared += x.1;
            if explain {
                let id = ctx.entities.name(x.0);
                let name = a.names.iter().find(|m| m.entity == id).map(|m| m.text.clone()).unwrap_or_default();
                reasons.push(Reason { kind: ReasonKind::Name, what: name, weight: round3(x.1) });
            }
        },
    );
    // One bag of words and names: between cosine and containment (a short claim inside a
    // longer one is the same fact with details added, but a long claim must not match
    // everything it touches), or what is shared in itself, whatever the lengths (two rare
    // words in common say much even inside two long sentences). Names count for less than
    // words: a story names the same few people in most of its claims.
    let sh = shared + ENTITY_FACTOR * ent_shared;
    let (ta, tb) =
        (fa.total_words + ENTITY_FACTOR * fa.total_entities, fb.total_words + ENTITY_FACTOR * fb.total_entities);
    let norm = 0.5 * ta.min(tb) + 0.5 * (ta * tb).sqrt();
    let mut score = if ta > 0.0 && tb > 0.0 { (sh / norm).max(sh / (sh + SHARED_HALF)) } else { 0.0 };
    // Same speaker.
    if fa.source_entity.is_some() && fa.source_entity == fb.source_entity {
        score += 0.05;
        if explain {
            let what = a.source.as_ref().map(|s| s.speaker.clone()).unwrap_or_default();
            reasons.push(Reason { kind: ReasonKind::Source, what, weight: 0.05 });
        }
    }
    // A single fact: the same counted thing, and (unless the thing is rare enough to be the
    // fact on its own) a shared word beside it ("27 people injured" / "27 people hurt").
    let mut fact = None;
    let mut facts: Vec<FactMatch> = Vec::new();
    // Counts of one thing that cannot both be true ("312 residents" / "some 200 residents"),
    // and counts of one thing that can.
    let (mut counts_conflict, mut counts_fit) = (false, false);
    for ua in &fa.units {
        for ub in &fb.units {
            let same = ua.head == ub.head
                || ub.words.contains(&ua.head)
                || ua.words.contains(&ub.head)
                || matches!((ua.head_lex, ub.head_lex), (Some(x), Some(y)) if lexicon::same_kind_ids(x, y));
            if !same {
                continue;
            }
            // Counts of one thing that cannot both be true ("40 workers on the night shift" /
            // "three workers died") are one fact only when the words around them say so
            // ("27 injured" / "25 injured"); otherwise they are two facts about the thing.
            let (qa, qb) = (&a.numbers[ua.index], &b.numbers[ub.index]);
            let rel = numbers::compare(qa, qb);
            if rel != Relation::Differ {
                counts_fit = true;
            } else {
                counts_conflict = true;
                if !ua.context.iter().any(|k| ub.context.binary_search(k).is_ok()) {
                    continue;
                }
            }
            let mut w = ua.info.max(ub.info);
            // Shares of one whole are as specific as the share and the whole together ("72%
            // of the water" / "about 70 percent of its irrigation water"). Shares of wholes in
            // other words may still be one fact ("40% of the waters" / "40 percent of the
            // flow"), but then their value alone does not make them one.
            let mut thing = ctx.words.name(ua.head).to_string();
            let mut other_wholes = false;
            if let (Some(xa), Some(xb)) = (ua.whole, ub.whole) {
                if xa.0 == xb.0 || matches!((xa.1, xb.1), (Some(x), Some(y)) if lexicon::same_kind_ids(x, y)) {
                    let of = ctx.words.name(xa.0);
                    w = 1.0 - (1.0 - w) * (1.0 - lexicon::informativeness(of) as f64);
                    thing = format!("{thing} of {of}");
                } else {
                    other_wholes = true;
                }
            }
            // The same value that is not round, of one thing ("55 percent" / "55%"), is rarely
            // written twice by chance: it is the fact however common its unit.
            if rel == Relation::Agree && unround(qa) && unround(qb) && !other_wholes {
                w = w.max(UNROUND_VALUE_INFO);
            }
            if w >= 0.5 || (best_word >= 0.4 && score >= LINK_THRESHOLD * 0.8) {
                score = score.max(FACT_BASE + FACT_RANGE * w);
                if explain {
                    let what = format!("{thing}: {} ~ {}", fmt_q(qa), fmt_q(qb));
                    reasons.push(Reason { kind: ReasonKind::Number, what: what.clone(), weight: round3(w) });
                    fact = Some(what);
                    facts.push(FactMatch { thing, a: ua.index, b: ub.index });
                } else {
                    fact = Some(String::new());
                }
            }
        }
    }
    // A count without a unit and another count (with or without one) are one fact when an
    // informative word right around them is the same or a synonym ("injuring 27 others" /
    // "27 people were injured"; "27 hurt" / "25 injured").
    {
        let mut pairs: Vec<(usize, usize, u32, f64)> = Vec::new();
        for xa in &fa.bare {
            for xb in &fb.bare {
                pairs.extend(bare_meet(&xa.context, &xb.context).map(|(k, w)| (xa.index, xb.index, k, w)));
            }
            for ub in &fb.units {
                pairs.extend(bare_meet(&xa.context, &ub.context_words).map(|(k, w)| (xa.index, ub.index, k, w)));
            }
        }
        for xb in &fb.bare {
            for ua in &fa.units {
                pairs.extend(bare_meet(&ua.context_words, &xb.context).map(|(k, w)| (ua.index, xb.index, k, w)));
            }
        }
        for (ia, ib, k, w) in pairs {
            if w >= 0.5 || (best_word >= 0.4 && score >= LINK_THRESHOLD * 0.8) {
                score = score.max(FACT_BASE + FACT_RANGE * w);
                if explain {
                    let what = format!("{}: {} ~ {}", ctx.words.name(k), fmt_q(&a.numbers[ia]), fmt_q(&b.numbers[ib]));
                    reasons.push(Reason { kind: ReasonKind::Number, what: what.clone(), weight: round3(w) });
                    fact = Some(what);
                    facts.push(FactMatch { thing: ctx.words.name(k).to_string(), a: ia, b: ib });
                } else {
                    fact = Some(String::new());
                }
            }
        }
    }
    // Changes: the same value before or after ("raise the age to 64 from 62" / "the age would
    // go up from 62 to 64", or "... to 65") is one fact, whatever the words around them, which
    // agrees or differs as the values do; a change that
    // starts where the other ends ("from 60 to 62" / "from 62 to 64") is another step, so
    // another occasion.
    let mut steps = false;
    for (ia, qa) in a.numbers.iter().enumerate().filter(|(_, q)| q.from.is_some()).take(MAX_QUANTITIES_PER_CLAIM) {
        for (ib, qb) in b.numbers.iter().enumerate().filter(|(_, q)| q.from.is_some()).take(MAX_QUANTITIES_PER_CLAIM) {
            if qa.unit.is_some() && qb.unit.is_some() && !same_unit(qa, qb) {
                continue;
            }
            if numbers::chained(qa, qb) {
                steps = true;
            } else if numbers::one_change(qa, qb) {
                score = score.max(FACT_BASE + FACT_RANGE * CHANGE_INFO);
                let thing = qa.unit.clone().or_else(|| qb.unit.clone()).unwrap_or_else(|| "change".into());
                if explain {
                    let what = format!("{thing}: {} ~ {}", fmt_q(qa), fmt_q(qb));
                    reasons.push(Reason { kind: ReasonKind::Number, what: what.clone(), weight: CHANGE_INFO });
                    fact = Some(what);
                    facts.push(FactMatch { thing, a: ia, b: ib });
                } else {
                    fact = Some(String::new());
                }
            }
        }
    }
    // Ordinals of one thing: the same ("the second day of protests" / "the second nationwide
    // day of action") is one fact; different ones ("the second round of talks" / "the first
    // round") are other occasions.
    for (na, wa) in &fa.ordinals {
        for (nb, wb) in &fb.ordinals {
            let Some(&thing) = wa.iter().find(|k| wb.binary_search(k).is_ok()) else { continue };
            if na != nb {
                steps = true;
                continue;
            }
            // A link of the claims, not a fact group of its own: an ordinal is no quantity
            // to compare.
            score = score.max(FACT_BASE + FACT_RANGE * ORDINAL_INFO);
            if explain {
                let what = format!("{} {}", ordinal_word(*na), ctx.words.name(thing));
                reasons.push(Reason { kind: ReasonKind::Number, what, weight: ORDINAL_INFO });
            }
        }
    }
    if steps {
        score = score.min(ANOTHER_OCCASION_MAX);
        if explain {
            reasons.push(Reason {
                kind: ReasonKind::Against,
                what: "one change after the other: another occasion".into(),
                weight: -0.5,
            });
        }
    }
    // Occasions: places where things happen that exclude each other (each names a specific
    // place the other lacks, and they share none) keep two acts apart.
    let specific = |f: &Features| -> Vec<u32> {
        f.places.iter().copied().filter(|&p| ctx.stats.entity_weight(p) >= 0.45).collect()
    };
    let (pa, pb) = (specific(fa), specific(fb));
    let disjoint = |x: &[u32], y: &[u32]| !x.iter().any(|p| y.binary_search(p).is_ok());
    if !pa.is_empty() && !pb.is_empty() && disjoint(&pa, &pb) && disjoint(&fa.places, &fb.places) {
        score *= 0.5;
        if explain {
            reasons.push(Reason {
                kind: ReasonKind::Against,
                what: "different places: another occasion".into(),
                weight: -0.5,
            });
        }
    }
    // Occasions: counts of one thing that cannot both be true, where one version dates
    // itself ("in May, some 200 residents were moved out") and the other names no time at
    // all ("312 residents were evacuated"), are two events, not a discrepancy. With no date on
    // either side, or dates on both, differing counts stay one fact that differs; and when
    // other counts of a thing fit ("three killed and 27 injured" / "27 injured, 40 workers on
    // the shift"), the two share a fact and the conflict is between others.
    let dated = |c: &Claim| c.times.iter().any(|t| t.kind == TimeKind::Absolute);
    let timeless = |c: &Claim| !c.times.iter().any(|t| t.kind != TimeKind::Duration);
    if counts_conflict && !counts_fit && ((dated(a) && timeless(b)) || (dated(b) && timeless(a))) {
        score = (score * 0.5).min(ANOTHER_OCCASION_MAX);
        if explain {
            reasons.push(Reason {
                kind: ReasonKind::Against,
                what: "other counts at a named time: another occasion".into(),
                weight: -0.5,
            });
        }
    }
    if explain {
        reasons.sort_by(|x, y| y.weight.total_cmp(&x.weight));
    }
    PairScore { score: score.clamp(0.0, 1.0), reasons, fact, facts }
}

/// The most that two versions told apart as two occasions by their counts and dates score: below
/// the link threshold, whatever else they share.
const ANOTHER_OCCASION_MAX: f64 = LINK_THRESHOLD * 0.9;

/// How informative one ordinal of one thing is ("the second day of action"), as a counted
/// thing's informativeness: a little less than an unround value.
const ORDINAL_INFO: f64 = 0.4;

/// Ordinal words from "second" up: "first" is too often no count of occasions ("first
/// reported", "at first").
const ORDINALS: &[&str] = &["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

fn ordinal_word(n: u8) -> &'static str {
    ORDINALS.get(usize::from(n).wrapping_sub(2)).copied().unwrap_or("nth")
}

/// Words after an ordinal that are not what it orders: times and superlatives ("the second
/// time", "the second half", "the third-largest").
const NOT_ORDERED: &[&str] = &[
    "time",
    "half",
    "quarter",
    "place",
    "term",
    "hand",
    "thought",
    "opinion",
    "largest",
    "biggest",
    "highest",
    "lowest",
    "greatest",
    "oldest",
    "richest",
    "poorest",
    "longest",
    "busiest",
    "deadliest",
    "most",
    "best",
    "worst",
    "least",
];

/// The ordinals of a claim and the content words they order, up to three words after it
/// before punctuation or a function word ("the second nationwide day of action": 2, [nationwide,
/// day]); "2nd" as "second". None for superlatives ("the second largest") or "the second
/// time".
fn ordinals(toks: &[tokens::Token]) -> Vec<(u8, Vec<String>)> {
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let low = tokens::key(t.text);
        let n =
            match low.as_str() {
                "2nd" => Some(2),
                "3rd" => Some(3),
                w => ORDINALS.iter().position(|o| *o == w).map(|i| i as u8 + 2).or_else(|| {
                    w.strip_suffix("th").and_then(|d| d.parse::<u8>().ok()).filter(|n| (4..=20).contains(n))
                }),
            };
        let Some(n) = n else { continue };
        let mut words = Vec::new();
        let mut prev_end = t.span.end;
        for u in toks[k + 1..].iter().take(3) {
            let key = tokens::key(u.text);
            if u.span.start != prev_end + 1 || is_stop(&key) || NOT_ORDERED.contains(&key.as_str()) {
                break;
            }
            words.push(word_key(u.text));
            prev_end = u.span.end;
        }
        if !words.is_empty() {
            out.push((n, words));
        }
    }
    out
}

/// How informative one change is, the same value before and after it, as a counted thing's
/// informativeness: like an unround value, it is rarely written twice by chance.
const CHANGE_INFO: f64 = 0.5;

/// How informative the same unround value of one thing is, as a counted thing's
/// informativeness: enough to be the fact on its own.
const UNROUND_VALUE_INFO: f64 = 0.5;

/// A single whole value, as written, past the numbers that count anything (up to twelve)
/// and not a multiple of ten: "55", "27", "285", not "10", "40", "3,600" or "nine or ten".
fn unround(q: &Quantity) -> bool {
    let (lo, hi) = q.written.unwrap_or((q.low, q.high));
    lo == hi && lo.fract() == 0.0 && lo > 12.0 && lo < 1e15 && (lo as i64) % 10 != 0
}

/// Context words of a count without a unit below this informativeness are not what it counts.
const BARE_CONTEXT_MIN_INFO: f64 = 0.3;

/// The most informative word two counts' contexts share, as itself or a word of the same kind
/// (a synonym or thesaurus pair, [`lexicon::same_kind`]): (key, weight).
fn bare_meet(xa: &[(u32, Option<u32>, f64)], xb: &[(u32, Option<u32>, f64)]) -> Option<(u32, f64)> {
    let mut best: Option<(u32, f64)> = None;
    for &(ka, la, wa) in xa {
        if wa < BARE_CONTEXT_MIN_INFO {
            continue;
        }
        for &(kb, lb, wb) in xb {
            if wb < BARE_CONTEXT_MIN_INFO {
                continue;
            }
            let same_kind = matches!((la, lb), (Some(x), Some(y)) if lexicon::same_kind_ids(x, y));
            if ka == kb || same_kind {
                let w = wa.min(wb);
                if best.is_none_or(|(_, b)| w > b) {
                    best = Some((ka, w));
                }
            }
        }
    }
    best
}

/// Two quantities count the same thing: the same head noun, or the head of one is a word of
/// the other's unit ("interceptor" / "interceptor missile").
pub fn same_unit(a: &Quantity, b: &Quantity) -> bool {
    let (Some(ua), Some(ub)) = (&a.unit, &b.unit) else {
        return false;
    };
    let words = |u: &str| -> BTreeSet<String> { u.split_whitespace().map(word_key).collect() };
    let (wa, wb) = (words(ua), words(ub));
    let (ha, hb) = (word_key(numbers::unit_head(ua)), word_key(numbers::unit_head(ub)));
    ha == hb || wb.contains(&ha) || wa.contains(&hb) || lexicon::same_kind(&ha, &hb)
}

/// Words after a quantity that end what it counts: conjunctions ("three workers | and injuring
/// 27 others") and prepositions that open what the claim is about rather than the count ("27
/// hurt | in the explosion", "300 residents | from nearby streets").
const CONTEXT_ENDS: &[&str] = &[
    "and", "or", "but", "while", "in", "at", "on", "from", "by", "with", "for", "after", "before", "during", "when",
    "as", "near", "since", "of",
];

/// The content words around a quantity, as matching keys: the word right before it (when it
/// is a content word: "injuring 27") and up to three after it, stopping at punctuation or at a
/// word of `CONTEXT_ENDS` ("three workers | and injuring 27 others", "27 hurt | in the
/// explosion"); the words of its unit are not its context.
fn number_context(text: &str, claim: &Claim, q: &Quantity) -> BTreeSet<String> {
    let toks = tokens::words(text, claim.span);
    let at = toks.iter().position(|t| t.span.start >= q.span.end).unwrap_or(toks.len());
    let from = toks.iter().position(|t| t.span.end > q.span.start).unwrap_or(toks.len());
    // The unit is what is counted, not a word around it; it is stored in the singular
    // ("27 people" counts "person").
    let unit: BTreeSet<&str> = q.unit.as_deref().map(|u| u.split_whitespace().collect()).unwrap_or_default();
    let content = |t: &tokens::Token| {
        let k = tokens::key(t.text);
        !is_stop(&k) && !k.chars().any(|c| c.is_ascii_digit()) && !unit.contains(numbers::singular(&k).as_str())
    };
    let mut out = BTreeSet::new();
    if let Some(t) = from.checked_sub(1).map(|i| &toks[i]) {
        let gap = text.get(t.span.end..q.span.start).unwrap_or(",");
        if content(t) && gap.trim().is_empty() {
            out.insert(word_key(t.text));
        }
    }
    let mut prev_end = q.span.end;
    for t in toks[at..].iter().take(4) {
        let gap = text.get(prev_end..t.span.start).unwrap_or(",");
        let k = tokens::key(t.text);
        if gap.contains([',', ';', ':', '.', '(', ')']) || CONTEXT_ENDS.contains(&k.as_str()) {
            break;
        }
        if content(t) {
            out.insert(word_key(t.text));
        }
        prev_end = t.span.end;
    }
    out
}

/// Words between "of" and the whole a share is of: articles, possessive pronouns, quantifiers.
const WHOLE_SKIP: &[&str] =
    &["the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those", "all"];

/// The whole a share is of: for a quantity in percent (a percentage or a fraction), the head
/// of the noun phrase after "of", as a matching key: "70 percent of its irrigation water" ->
/// "water", "40% of the river's average annual flow" -> "flow", "two-thirds of the water used
/// to irrigate" -> "water". Possessors ("the river's", "Zeravan's") are skipped; the phrase
/// ends at punctuation, a function word, a participle or a name, at most three words in.
fn share_whole(text: &str, claim: &Claim, q: &Quantity) -> Option<String> {
    if q.unit.as_deref() != Some("percent") {
        return None;
    }
    let end = q.unit_span.map_or(q.span.end, |u| u.end.max(q.span.end));
    let toks = tokens::words(text, claim.span);
    let at = toks.iter().position(|t| t.span.start >= end)?;
    let mut prev_end = end;
    let mut head: Option<String> = None;
    let mut taken = 0;
    for (n, t) in toks[at..].iter().enumerate() {
        let gap = text.get(prev_end..t.span.start).unwrap_or(",");
        if !gap.chars().all(char::is_whitespace) {
            break;
        }
        prev_end = t.span.end;
        let k = tokens::key(t.text);
        if n == 0 {
            if k != "of" {
                return None;
            }
            continue;
        }
        let possessor = lexicon::strip_possessive(t.text) != t.text;
        if head.is_none() && (WHOLE_SKIP.contains(&k.as_str()) || possessor) {
            continue;
        }
        let participle = head.is_some() && (k.ends_with("ed") || k.ends_with("ing"));
        if possessor || participle || is_stop(&k) || t.is_capitalised() || taken == 3 {
            break;
        }
        head = Some(word_key(t.text));
        taken += 1;
    }
    head
}

/// Two quantities, one or both without a unit ("27 injured" / "25 people were hurt"), count
/// the same thing when the words around them share a key or a synonym.
fn same_context(ta: &str, a: &Claim, qa: &Quantity, tb: &str, b: &Claim, qb: &Quantity) -> bool {
    if qa.unit.is_some() && qb.unit.is_some() {
        return false;
    }
    contexts_meet(ta, a, qa, tb, b, qb)
}

/// The words around two quantities, other than what they count, share an informative key or
/// a word of the same kind (a synonym or thesaurus pair).
fn contexts_meet(ta: &str, a: &Claim, qa: &Quantity, tb: &str, b: &Claim, qb: &Quantity) -> bool {
    let unit_words: BTreeSet<String> =
        [qa, qb].iter().filter_map(|q| q.unit.as_deref()).flat_map(|u| u.split_whitespace().map(word_key)).collect();
    let (mut ca, mut cb) = (number_context(ta, a, qa), number_context(tb, b, qb));
    ca.retain(|k| !unit_words.contains(k));
    cb.retain(|k| !unit_words.contains(k));
    ca.iter().any(|x| lexicon::informativeness(x) >= 0.3 && cb.iter().any(|y| x == y || lexicon::same_kind(x, y)))
}

fn fmt_q(q: &Quantity) -> String {
    if let Some((low, high)) = q.from {
        let before = Quantity { low, high, from: None, ..q.clone() };
        return format!("{} → {}", fmt_q(&before), fmt_q(&Quantity { from: None, ..q.clone() }));
    }
    if q.low == q.high {
        fmt_value(q.low)
    } else if q.high < numbers::UNBOUNDED {
        format!("{}-{}", fmt_value(q.low), fmt_value(q.high))
    } else {
        format!("{}+", fmt_value(q.low))
    }
}

/// A number as a reader writes it: no float noise ("220", not "220.00000000000003"), at most
/// three decimals.
fn fmt_value(x: f64) -> String {
    let r = (x * 1000.0).round() / 1000.0;
    if r.fract() == 0.0 && r.abs() < 1e15 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// Index keys of a claim for candidate generation: its entities, counted things, informative
/// words, their synsets and families, each as `kind << 32 | number`.
fn index_keys(f: &Features) -> Vec<u64> {
    let key = |kind: u64, id: u32| (kind << 32) | id as u64;
    let mut keys: Vec<u64> = Vec::new();
    keys.extend(f.entities.iter().map(|e| key(0, e.0)));
    keys.extend(f.units.iter().map(|u| key(1, u.head)));
    keys.extend(f.words.iter().filter(|w| w.info >= RELATED_MIN_INFO).map(|w| key(2, w.key)));
    keys.extend(f.synsets.iter().map(|s| key(3, s.0)));
    keys.extend(f.families.iter().map(|s| key(4, s.0)));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Aligns the claims of all articles. `texts` are the articles' texts by doc id.
pub fn align_claims(
    docs: &[DocAnalysis],
    texts: &HashMap<&str, &str>,
    entities: &[Entity],
) -> (Vec<Group>, Vec<String>) {
    let claims: Vec<&Claim> = docs.iter().flat_map(|d| d.claims.iter()).collect();
    let doc_of: Vec<usize> =
        docs.iter().enumerate().flat_map(|(i, d)| std::iter::repeat_n(i, d.claims.len())).collect();
    let (feats, ctx) = prepare(&claims, &|c: &Claim| texts.get(c.doc.as_str()).copied().unwrap_or(""));
    // Inverted index. Each claim takes candidates from its rarest keys first, up to
    // `MAX_CANDIDATES_PER_CLAIM`; keys that name too many claims (a share of all, and an
    // absolute cap) are not followed. So the work is at most claims x keys x MAX_POSTING.
    let mut key_ids: lexicon::FastMap<u64, usize> = lexicon::FastMap::default();
    let mut postings: Vec<Vec<usize>> = Vec::new();
    let mut keys_of: Vec<Vec<usize>> = Vec::with_capacity(feats.len());
    for (i, f) in feats.iter().enumerate() {
        let mut ks = Vec::new();
        for k in index_keys(f) {
            let id = *key_ids.entry(k).or_insert_with(|| {
                postings.push(Vec::new());
                postings.len() - 1
            });
            postings[id].push(i);
            ks.push(id);
        }
        keys_of.push(ks);
    }
    let cap = ((claims.len() as f64 * MAX_POSTING_SHARE) as usize).clamp(MIN_POSTING_CAP, MAX_POSTING);
    // Candidate pairs: a hash set to ask "seen?", a vector sorted afterwards to score them in
    // a fixed order.
    let mut seen: lexicon::FastSet<(usize, usize)> = lexicon::FastSet::default();
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for (i, ks) in keys_of.iter_mut().enumerate() {
        ks.sort_by_key(|&k| (postings[k].len(), k));
        let mut taken = 0;
        'keys: for &k in ks.iter() {
            if postings[k].len() > cap {
                break;
            }
            for &j in &postings[k] {
                if doc_of[i] != doc_of[j] && seen.insert((i.min(j), i.max(j))) {
                    candidates.push((i.min(j), i.max(j)));
                    taken += 1;
                    if taken >= MAX_CANDIDATES_PER_CLAIM {
                        break 'keys;
                    }
                }
            }
        }
    }
    candidates.sort_unstable();
    // Score candidates.
    let mut links: BTreeMap<(usize, usize), PairScore> = BTreeMap::new();
    for &(i, j) in &candidates {
        if score_pair(claims[i], &feats[i], claims[j], &feats[j], &ctx) >= LINK_THRESHOLD {
            links.insert((i, j), explain_pair(claims[i], &feats[i], claims[j], &feats[j], &ctx));
        }
    }
    // Fact-level links form their own groups; the rest cluster.
    let (fact_links, claim_links): (Vec<_>, Vec<_>) =
        links.iter().partition(|(_, s)| s.fact.is_some() && s.score <= FACT_BASE + FACT_RANGE && !is_whole_match(s));
    let claim_pairs: Vec<((usize, usize), f64)> = claim_links.iter().map(|(k, s)| (**k, s.score)).collect();
    let mut clusters = cluster(claims.len(), &doc_of, &claim_pairs);
    // A claim that states two facts stands in two groups: a claim whose strong partners were
    // clustered elsewhere also gets a group of its own with them.
    clusters.extend(star_groups(&doc_of, &claim_pairs, &clusters));
    // Each claim's links, to list a group's links without a pass over all its pairs.
    let mut adjacency: Vec<Vec<(usize, f64)>> = vec![Vec::new(); claims.len()];
    for (&(i, j), s) in &links {
        adjacency[i].push((j, s.score));
        adjacency[j].push((i, s.score));
    }
    let mut groups: Vec<Group> = Vec::new();
    for members in clusters {
        let docs_in: BTreeSet<usize> = members.iter().map(|&i| doc_of[i]).collect();
        if docs_in.len() < 2 {
            continue;
        }
        let group_links = best_links(&members, &adjacency, &links, &claims);
        groups.push(make_group(
            &members.iter().map(|&i| claims[i]).collect::<Vec<_>>(),
            group_links,
            "claim",
            texts,
            entities,
            None,
        ));
    }
    // Fact groups: claims linked through one counted thing; one group per thing and connected
    // set, so that each fact has its own relation (a lead sentence's deaths may agree while its
    // injuries differ). The quantities each group compares are the ones its links matched.
    let mut by_thing: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for ((i, j), s) in &fact_links {
        let mut things: Vec<&str> = s.facts.iter().map(|f| f.thing.as_str()).collect();
        things.sort_unstable();
        things.dedup();
        for t in things {
            by_thing.entry(t).or_default().push((*i, *j));
        }
    }
    for (thing, pairs) in by_thing {
        let scored: Vec<((usize, usize), f64)> = pairs.iter().map(|&p| (p, links[&p].score)).collect();
        for members in components(claims.len(), &scored) {
            let inside = |i: usize| members.binary_search(&i).is_ok();
            let in_set: Vec<(usize, usize)> = pairs.iter().copied().filter(|&(i, _)| inside(i)).collect();
            let mut counted: BTreeSet<(&str, usize)> = BTreeSet::new();
            for &(i, j) in &in_set {
                for f in links[&(i, j)].facts.iter().filter(|f| f.thing == thing) {
                    counted.insert((claims[i].id.as_str(), f.a));
                    counted.insert((claims[j].id.as_str(), f.b));
                }
            }
            let group_links: Vec<Link> = in_set
                .iter()
                .map(|p| {
                    let s = &links[p];
                    Link {
                        a: claims[p.0].id.clone(),
                        b: claims[p.1].id.clone(),
                        score: round3(s.score),
                        reasons: s.reasons.clone(),
                    }
                })
                .collect();
            let member_claims: Vec<&Claim> = members.iter().map(|&i| claims[i]).collect();
            let mut g = make_group(&member_claims, group_links, "fact", texts, entities, Some(&counted));
            g.label = format!("number: {thing}");
            groups.push(g);
        }
    }
    for (n, g) in groups.iter_mut().enumerate() {
        g.id = format!("g{}", n + 1);
    }
    let grouped: BTreeSet<&str> = groups.iter().flat_map(|g| g.claims.iter().map(String::as_str)).collect();
    let single = claims.iter().filter(|c| !grouped.contains(c.id.as_str())).map(|c| c.id.clone()).collect();
    (groups, single)
}

/// The highest score between claims of article "a" and article "b" of a two-article
/// analysis (`texts` in that order), for the `pairs` command.
pub fn best_pair_score(analysis: &Analysis, texts: &[&str; 2]) -> f64 {
    let all: Vec<&Claim> = analysis.claims().collect();
    let text_of = |c: &Claim| -> &str {
        if c.doc == "a" {
            texts[0]
        } else {
            texts[1]
        }
    };
    let (feats, ctx) = prepare(&all, &text_of);
    let mut best: f64 = 0.0;
    for (i, a) in all.iter().enumerate() {
        for (j, b) in all.iter().enumerate() {
            if a.doc == "a" && b.doc == "b" {
                best = best.max(score_pair(a, &feats[i], b, &feats[j], &ctx));
            }
        }
    }
    round3(best)
}

/// The links of a group: each member's strongest link to another member (so a group of m
/// claims lists at most m links, not m²/2).
fn best_links(
    members: &[usize],
    adjacency: &[Vec<(usize, f64)>],
    links: &BTreeMap<(usize, usize), PairScore>,
    claims: &[&Claim],
) -> Vec<Link> {
    let mut inside: Vec<usize> = members.to_vec();
    inside.sort_unstable();
    let mut chosen: BTreeSet<(usize, usize)> = BTreeSet::new();
    for &i in members {
        let best = adjacency[i]
            .iter()
            .filter(|(j, _)| inside.binary_search(j).is_ok())
            .map(|&(j, score)| ((i.min(j), i.max(j)), score))
            .max_by(|x, y| x.1.partial_cmp(&y.1).unwrap_or(std::cmp::Ordering::Equal).then(y.0.cmp(&x.0)));
        if let Some((k, _)) = best {
            chosen.insert(k);
        }
    }
    chosen
        .into_iter()
        .map(|(i, j)| {
            let s = &links[&(i, j)];
            Link {
                a: claims[i].id.clone(),
                b: claims[j].id.clone(),
                score: round3(s.score),
                reasons: s.reasons.clone(),
            }
        })
        .collect()
}

/// A number link whose words also match well stays a whole-claim link.
fn is_whole_match(s: &PairScore) -> bool {
    s.reasons.iter().filter(|r| r.kind == ReasonKind::Word || r.kind == ReasonKind::Name).map(|r| r.weight).sum::<f64>()
        >= 1.5
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A link through one counted thing scores `FACT_BASE + FACT_RANGE * informativeness(thing)`;
/// a link scoring more matched on the whole claim as well.
const FACT_BASE: f64 = 0.5;
const FACT_RANGE: f64 = 0.3;

/// The score at which a link alone makes its two claims a group, beside the clusters.
pub const STAR_THRESHOLD: f64 = 0.45;

/// For each claim, the claim with its partners linked at `STAR_THRESHOLD` or more, when no
/// cluster already holds them all; subsets of another such group are dropped. The partners
/// must hang together: the strongest always joins, each next one only when it is linked to
/// every partner already taken from another article (a claim that states two facts is linked
/// to the versions of each, and those of one fact are linked to each other, not to those of
/// the other). So every two claims of different articles in a star were matched themselves:
/// a group never says two versions agree on the strength of a third alone. A partner from
/// an article a taken partner is from (the fact restated there) needs no link to that one,
/// since claims of one article are never scored against each other.
fn star_groups(doc_of: &[usize], pairs: &[((usize, usize), f64)], clusters: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = doc_of.len();
    // Each claim's partners at `STAR_THRESHOLD` or more, strongest first.
    let mut scored: Vec<Vec<(f64, usize)>> = vec![Vec::new(); n];
    let mut linked: lexicon::FastSet<(usize, usize)> = lexicon::FastSet::default();
    for &((i, j), s) in pairs {
        linked.insert((i.min(j), i.max(j)));
        if s >= STAR_THRESHOLD {
            scored[i].push((s, j));
            scored[j].push((s, i));
        }
    }
    let mut partners: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, v) in scored.iter_mut().enumerate() {
        v.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        for &(_, j) in v.iter() {
            let coherent = partners[i]
                .iter()
                .filter(|&&m| doc_of[m] != doc_of[j])
                .all(|&m| linked.contains(&(m.min(j), m.max(j))));
            if coherent {
                partners[i].push(j);
            }
        }
    }
    // The clusters and stars holding each claim, so that "is this set inside one already?"
    // looks only at the sets holding its claims, not at all sets (quadratic at scale).
    let mut holders: Vec<Vec<(bool, usize)>> = vec![Vec::new(); n];
    for (k, c) in clusters.iter().enumerate() {
        for &x in c {
            if let Some(h) = holders.get_mut(x) {
                h.push((false, k));
            }
        }
    }
    let mut stars: Vec<Option<Vec<usize>>> = Vec::new();
    for (i, p) in partners.iter().enumerate() {
        if p.is_empty() {
            continue;
        }
        let mut g: Vec<usize> = p.clone();
        g.push(i);
        g.sort();
        g.dedup();
        let inside = |c: &[usize], set: &[usize]| set.iter().all(|x| c.binary_search(x).is_ok());
        let covered = holders[i].iter().any(|&(is_star, k)| {
            if is_star {
                stars[k].as_deref().is_some_and(|s| inside(s, &g))
            } else {
                inside(&clusters[k], &g)
            }
        });
        if !covered {
            // Stars inside the new one go.
            let mut held: Vec<usize> = g.iter().flat_map(|&x| holders[x].iter().filter(|h| h.0).map(|h| h.1)).collect();
            held.sort_unstable();
            held.dedup();
            for k in held {
                if stars[k].as_deref().is_some_and(|s| inside(&g, s)) {
                    stars[k] = None;
                }
            }
            for &x in &g {
                holders[x].push((true, stars.len()));
            }
            stars.push(Some(g));
        }
    }
    stars.into_iter().flatten().collect()
}

/// Connected sets (of two or more) of the graph given by `pairs`.
fn components(n: usize, pairs: &[((usize, usize), f64)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p[x] = r;
        r
    }
    for &((i, j), _) in pairs {
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut sets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut placed = vec![false; n];
    for &((i, j), _) in pairs {
        for x in [i, j] {
            if !placed[x] {
                placed[x] = true;
                let r = find(&mut parent, x);
                sets.entry(r).or_default().push(x);
            }
        }
    }
    sets.into_values()
        .map(|mut v| {
            v.sort();
            v
        })
        .collect()
}

/// Average-linkage clustering of claims over scored links, within each connected component.
/// Only pairs from different articles count in the averages. A component larger than
/// `MAX_COMPONENT` is clustered by leaders instead (linear), so the cubic average linkage
/// only ever runs on small sets.
fn cluster(n: usize, doc_of: &[usize], links: &[((usize, usize), f64)]) -> Vec<Vec<usize>> {
    let comps = components(n, links);
    // Each link goes to its component's list in one pass (not one pass over all links per
    // component).
    let mut comp_of = vec![usize::MAX; n];
    for (c, members) in comps.iter().enumerate() {
        for &i in members {
            comp_of[i] = c;
        }
    }
    let mut comp_links: Vec<Vec<((usize, usize), f64)>> = vec![Vec::new(); comps.len()];
    for &l in links {
        comp_links[comp_of[l.0 .0]].push(l);
    }
    let mut out = Vec::new();
    for (comp, links) in comps.iter().zip(&comp_links) {
        if comp.len() > MAX_COMPONENT {
            out.extend(leader_clusters(comp, doc_of, links, MERGE_THRESHOLD));
        } else {
            out.extend(average_linkage(comp, doc_of, links, MERGE_THRESHOLD));
        }
    }
    out
}

/// Clusters a large component in one pass: claims in order of how many links they have (then
/// index); each claim not yet taken leads a cluster of its untaken partners linked at
/// `threshold` or more, the strongest one of each other article. Linear in the links (and a
/// sort of each claim's partners), where average linkage is cubic in the claims.
fn leader_clusters(
    comp: &[usize],
    doc_of: &[usize],
    links: &[((usize, usize), f64)],
    threshold: f64,
) -> Vec<Vec<usize>> {
    let mut scored: BTreeMap<usize, Vec<(f64, usize)>> = BTreeMap::new();
    for &((i, j), s) in links {
        if s >= threshold {
            scored.entry(i).or_default().push((s, j));
            scored.entry(j).or_default().push((s, i));
        }
    }
    // Strongest partners first, so that the one taken from each article is the best.
    let partners: BTreeMap<usize, Vec<usize>> = scored
        .into_iter()
        .map(|(i, mut v)| {
            v.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            (i, v.into_iter().map(|(_, j)| j).collect())
        })
        .collect();
    let mut order: Vec<usize> = comp.to_vec();
    order.sort_by_key(|i| (std::cmp::Reverse(partners.get(i).map_or(0, Vec::len)), *i));
    let mut taken: BTreeSet<usize> = BTreeSet::new();
    let mut out = Vec::new();
    for i in order {
        if taken.contains(&i) {
            continue;
        }
        taken.insert(i);
        let mut c = vec![i];
        let mut docs = vec![doc_of[i]];
        for &j in partners.get(&i).map(Vec::as_slice).unwrap_or(&[]) {
            if !docs.contains(&doc_of[j]) && taken.insert(j) {
                docs.push(doc_of[j]);
                c.push(j);
            }
        }
        if c.len() > 1 {
            c.sort();
            out.push(c);
        }
    }
    out
}

/// Greedy average-linkage merging of `comp` while the best average link is at least
/// `threshold`, never joining two clusters that hold claims of one article: a cluster is one
/// fact with one version per article (links are only scored across articles, so a second
/// claim of an article would join on its partner's links alone; a claim that states the fact
/// again, or states two facts, stands in a star group as well). Cluster-to-cluster sums and
/// counts of cross-article pairs live in dense matrices updated on each merge, so a merge costs
/// a pass over the clusters, not over all pairs of claims.
fn average_linkage(
    comp: &[usize],
    doc_of: &[usize],
    links: &[((usize, usize), f64)],
    threshold: f64,
) -> Vec<Vec<usize>> {
    let n = comp.len();
    let local: lexicon::FastMap<usize, usize> = comp.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    // sum[x * n + y]: total link score between clusters x and y; count: their cross-article
    // claim pairs.
    let mut sum = vec![0.0f64; n * n];
    let mut count = vec![0u32; n * n];
    for x in 0..n {
        for y in 0..n {
            if x != y && doc_of[comp[x]] != doc_of[comp[y]] {
                count[x * n + y] = 1;
            }
        }
    }
    // The live clusters each live cluster is linked to, ascending: the search for the best
    // pair walks these (the links), not all n x n pairs.
    let mut neighbours: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    for &((i, j), s) in links {
        let (Some(&x), Some(&y)) = (local.get(&i), local.get(&j)) else { continue };
        if x == y || doc_of[i] == doc_of[j] {
            continue;
        }
        sum[x * n + y] += s;
        sum[y * n + x] += s;
        neighbours[x].insert(y);
        neighbours[y].insert(x);
    }
    // A merged-away cluster is left empty.
    let mut members: Vec<Vec<usize>> = comp.iter().map(|&i| vec![i]).collect();
    // The articles each cluster holds a claim of.
    let mut docs: Vec<Vec<usize>> = comp.iter().map(|&i| vec![doc_of[i]]).collect();
    let share_doc = |x: &[usize], y: &[usize]| x.iter().any(|d| y.contains(d));
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for x in 0..n {
            if members[x].is_empty() {
                continue;
            }
            for &y in neighbours[x].range(x + 1..) {
                let k = x * n + y;
                if count[k] == 0 {
                    continue;
                }
                if share_doc(&docs[x], &docs[y]) {
                    continue;
                }
                let avg = sum[k] / count[k] as f64;
                if avg >= threshold && best.is_none_or(|(b, _, _)| avg > b) {
                    best = Some((avg, x, y));
                }
            }
        }
        let Some((_, x, y)) = best else { break };
        // Merge y into x.
        let moved = std::mem::take(&mut members[y]);
        members[x].extend(moved);
        let moved = std::mem::take(&mut docs[y]);
        docs[x].extend(moved);
        for z in std::mem::take(&mut neighbours[y]) {
            neighbours[z].remove(&y);
            if z != x {
                neighbours[z].insert(x);
                neighbours[x].insert(z);
            }
        }
        neighbours[x].remove(&y);
        for z in 0..n {
            if members[z].is_empty() || z == x {
                continue;
            }
            let (xz, yz) = (x * n + z, y * n + z);
            sum[xz] += sum[yz];
            count[xz] += count[yz];
            sum[z * n + x] = sum[xz];
            count[z * n + x] = count[xz];
        }
    }
    members
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|mut c| {
            c.sort();
            c
        })
        .collect()
}

/// Builds a group from its claims: relation, differences and label.
fn make_group(
    members: &[&Claim],
    links: Vec<Link>,
    level: &str,
    texts: &HashMap<&str, &str>,
    entities: &[Entity],
    counted: Option<&BTreeSet<(&str, usize)>>,
) -> Group {
    let mut differences = Vec::new();
    let ds = |c: &Claim, s: Span| DocSpan { doc: c.doc.clone(), start: s.start, end: s.end };
    // Every pair of versions in a small group; in a large one, each version against the first,
    // so the work stays linear in the group's size.
    // Each member's shares and the wholes they are of (`share_whole`), looked up once.
    let wholes: HashMap<&str, Vec<Option<String>>> = members
        .iter()
        .map(|c| {
            let t = texts.get(c.doc.as_str()).copied().unwrap_or("");
            (c.id.as_str(), c.numbers.iter().take(MAX_QUANTITIES_PER_CLAIM).map(|q| share_whole(t, c, q)).collect())
        })
        .collect();
    let pairs: Vec<(&Claim, &Claim)> = if members.len() <= ALL_PAIRS_UP_TO {
        members.iter().enumerate().flat_map(|(x, a)| members[x + 1..].iter().map(move |b| (*a, *b))).collect()
    } else {
        members[1..].iter().map(|b| (members[0], *b)).collect()
    };
    for (a, b) in pairs {
        {
            if a.doc == b.doc {
                continue;
            }
            // Numbers of the same thing: the pairs that may be compared, then each quantity
            // judged against its closest counterpart in the other version only ("about 70
            // percent ... at least 55 percent" / "at least 55 percent": the 55s agree, and the
            // 70 is not set against the other 55).
            let ta = texts.get(a.doc.as_str()).copied().unwrap_or("");
            let tb = texts.get(b.doc.as_str()).copied().unwrap_or("");
            let mut compared: Vec<(usize, usize, Relation)> = Vec::new();
            // A share is compared with the other version's share of the same whole when there
            // is one ("about 70 percent of its irrigation water" with "two-thirds of the water",
            // not with "at least 55 percent" of something else).
            let (wholes_a, wholes_b) = (&wholes[a.id.as_str()], &wholes[b.id.as_str()]);
            let one_whole = |x: &str, y: &str| x == y || lexicon::same_kind(x, y);
            let elsewhere = |w: &Option<String>, other: &Option<String>, others: &[Option<String>]| {
                w.as_deref().is_some_and(|x| {
                    !other.as_deref().is_some_and(|y| one_whole(x, y))
                        && others.iter().flatten().any(|y| one_whole(x, y))
                })
            };
            for (ia, qa) in a.numbers.iter().enumerate().take(MAX_QUANTITIES_PER_CLAIM) {
                for (ib, qb) in b.numbers.iter().enumerate().take(MAX_QUANTITIES_PER_CLAIM) {
                    // A fact group compares the quantities its links matched, and only those.
                    if let Some(set) = counted {
                        if !(set.contains(&(a.id.as_str(), ia)) && set.contains(&(b.id.as_str(), ib))) {
                            continue;
                        }
                    }
                    if elsewhere(&wholes_a[ia], &wholes_b[ib], wholes_b)
                        || elsewhere(&wholes_b[ib], &wholes_a[ia], wholes_a)
                    {
                        continue;
                    }
                    let unit = same_unit(qa, qb);
                    if counted.is_none() && !(unit || same_context(ta, a, qa, tb, b, qb)) {
                        continue;
                    }
                    let rel = numbers::compare(qa, qb);
                    // Counts of one thing that cannot both be true are two facts about it
                    // ("40 workers on the night shift" / "three workers died") unless the
                    // words around them meet ("27 people injured" / "25 people injured").
                    if counted.is_none() && unit && rel == Relation::Differ && !contexts_meet(ta, a, qa, tb, b, qb) {
                        continue;
                    }
                    compared.push((ia, ib, rel));
                }
            }
            let closest = |side: fn(&(usize, usize, Relation)) -> usize, k: usize| {
                compared.iter().filter(|c| side(c) == k).map(|c| c.2).min()
            };
            for &(ia, ib, rel) in &compared {
                if closest(|c| c.0, ia) != Some(rel) || closest(|c| c.1, ib) != Some(rel) {
                    continue;
                }
                let (qa, qb) = (&a.numbers[ia], &b.numbers[ib]);
                let thing = qa.unit.as_deref().or(qb.unit.as_deref()).map(numbers::unit_head).unwrap_or("");
                if rel == Relation::Agree && qa.approximate != qb.approximate {
                    differences.push(Difference {
                        kind: DifferenceKind::Hedging,
                        effect: Relation::Agree,
                        spans: vec![ds(a, qa.span), ds(b, qb.span)],
                        note: format!(
                            "{} vs {} {}: the same value, one hedged",
                            qa.span.text(ta),
                            qb.span.text(tb),
                            thing
                        ),
                    });
                } else if rel != Relation::Agree {
                    differences.push(Difference {
                        kind: DifferenceKind::Number,
                        effect: rel,
                        spans: vec![ds(a, qa.span), ds(b, qb.span)],
                        note: format!("{} vs {} {}: {}", qa.span.text(ta), qb.span.text(tb), thing, rel.as_str()),
                    });
                }
            }
            // A fact group is about its count: how else the claims differ (times, who said it,
            // hedging) is the whole claims' business, not this fact's.
            if counted.is_some() {
                continue;
            }
            // Polarity and hedging: noted.
            if a.negated() != b.negated() {
                let spans = a.cues.iter().chain(b.cues.iter()).filter(|c| c.kind == CueKind::Negation).map(|c| {
                    let owner = if a.cues.contains(c) { a } else { b };
                    ds(owner, c.span)
                });
                differences.push(Difference {
                    kind: DifferenceKind::Polarity,
                    effect: Relation::Agree,
                    spans: spans.collect(),
                    note: "one version is negated".into(),
                });
            }
            if a.hedged() != b.hedged() {
                let spans = a.cues.iter().chain(b.cues.iter()).filter(|c| c.kind == CueKind::Hedge).map(|c| {
                    let owner = if a.cues.contains(c) { a } else { b };
                    ds(owner, c.span)
                });
                differences.push(Difference {
                    kind: DifferenceKind::Hedging,
                    effect: Relation::Agree,
                    spans: spans.collect(),
                    note: "one version is hedged".into(),
                });
            }
            // Who said it.
            if let (Some(sa), Some(sb)) = (&a.source, &b.source) {
                // "Moscow says" and "Russia says" are one voice: a capital speaks for its country.
                let country = |s: &str| super::names::actor_country(s);
                let one_voice = country(&sa.speaker).is_some() && country(&sa.speaker) == country(&sb.speaker);
                if sa.entity.is_some() && sb.entity.is_some() && sa.entity != sb.entity && !one_voice {
                    let same_words = sa.direct && sb.direct && quote_overlap(a, b, texts) >= 0.8;
                    differences.push(Difference {
                        kind: DifferenceKind::Attribution,
                        effect: if same_words { Relation::Differ } else { Relation::Agree },
                        spans: vec![ds(a, sa.span), ds(b, sb.span)],
                        note: format!("{} vs {}", sa.speaker, sb.speaker),
                    });
                }
            }
            // Times: compared when both are anchored. Two dates that exclude each other are a
            // discrepancy; a relative time that could not be anchored is never compared.
            for ta in &a.times {
                for tb in &b.times {
                    if let Some(rel) = times::compare_times(ta, tb) {
                        if rel != Relation::Agree {
                            let anchored = |t: &TimeExpr| t.kind == TimeKind::Absolute || t.resolved.is_some();
                            // Only when each version gives one time: with several, which two
                            // belong together is not known.
                            let points = ta.kind != TimeKind::Duration
                                && tb.kind != TimeKind::Duration
                                && a.times.len() == 1
                                && b.times.len() == 1;
                            differences.push(Difference {
                                kind: DifferenceKind::Time,
                                effect: if points && anchored(ta) && anchored(tb) { rel } else { Relation::Agree },
                                spans: vec![ds(a, ta.span), ds(b, tb.span)],
                                note: format!("{} vs {}", ta.norm, tb.norm),
                            });
                        }
                    }
                }
            }
            // Name spellings.
            for ma in &a.names {
                for mb in &b.names {
                    if ma.entity == mb.entity && ma.kind == EntityKind::Person && ma.text != mb.text {
                        let differs = entities.iter().any(|e| e.id == ma.entity && e.spelling_differs);
                        let (la, lb) = (ma.text.split_whitespace().last(), mb.text.split_whitespace().last());
                        if differs
                            && (la != lb || ma.text.split_whitespace().count() == mb.text.split_whitespace().count())
                        {
                            differences.push(Difference {
                                kind: DifferenceKind::Spelling,
                                effect: Relation::Agree,
                                spans: vec![ds(a, ma.span), ds(b, mb.span)],
                                note: format!("{} vs {}", ma.text, mb.text),
                            });
                        }
                    }
                }
            }
        }
    }
    let relation = differences.iter().map(|d| d.effect).max().unwrap_or(Relation::Agree);
    let score =
        if links.is_empty() { 0.0 } else { round3(links.iter().map(|l| l.score).sum::<f64>() / links.len() as f64) };
    // Label: the strongest shared reasons.
    let mut label_words: Vec<String> = Vec::new();
    for l in &links {
        for r in &l.reasons {
            if r.kind != ReasonKind::Against && !label_words.contains(&r.what) && label_words.len() < 4 {
                label_words.push(r.what.clone());
            }
        }
    }
    Group {
        id: String::new(),
        claims: members.iter().map(|c| c.id.clone()).collect(),
        relation,
        label: label_words.join(", "),
        level: level.to_string(),
        score,
        links,
        differences,
    }
}

/// The parts of `span` inside quote marks. A claim may start inside a quote (its sentence was
/// split): a closing mark before any opening one makes the part before it quoted.
fn quoted_spans(text: &str, span: Span) -> Vec<Span> {
    let t = span.text(text);
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut seen_mark = false;
    for (i, ch) in t.char_indices() {
        let closing = match ch {
            '\u{201c}' => false,
            '\u{201d}' => true,
            '"' => {
                let before = t[..i].chars().next_back();
                let after = t[i + 1..].chars().next();
                // Opening after a space or at the start, closing otherwise.
                !(before.is_none_or(char::is_whitespace) && after.is_some_and(|c| !c.is_whitespace()))
            }
            _ => continue,
        };
        match (closing, open) {
            (false, _) => open = Some(i + ch.len_utf8()),
            (true, Some(o)) => {
                out.push(Span::new(span.start + o, span.start + i));
                open = None;
            }
            (true, None) if !seen_mark => out.push(Span::new(span.start, span.start + i)),
            (true, None) => {}
        }
        seen_mark = true;
    }
    if let Some(o) = open {
        out.push(Span::new(span.start + o, span.end));
    }
    out
}

/// Share of the shorter quote's words that the other quote has too: the words inside quote
/// marks, or (with no quote of four words or more) all words outside the speaker's name.
fn quote_overlap(a: &Claim, b: &Claim, texts: &HashMap<&str, &str>) -> f64 {
    let words = |c: &Claim| -> BTreeSet<String> {
        let text = texts.get(c.doc.as_str()).copied().unwrap_or("");
        let speaker = c.source.as_ref().map(|s| s.span);
        let quoted = quoted_spans(text, c.span);
        let all: Vec<_> =
            tokens::words(text, c.span).into_iter().filter(|t| !speaker.is_some_and(|s| s.contains(t.span))).collect();
        // The quoted words when the claim has quote marks (not "... told a news conference");
        // a phrase of three words or fewer in quotes ("missile defence cooperation") is a
        // borrowed term, not a quote, and the claim counts whole.
        let inside: BTreeSet<String> =
            all.iter().filter(|t| quoted.iter().any(|q| q.contains(t.span))).map(|t| word_key(t.text)).collect();
        if inside.len() <= 3 {
            all.iter().map(|t| word_key(t.text)).collect()
        } else {
            inside
        }
    };
    let (wa, wb) = (words(a), words(b));
    let small = wa.len().min(wb.len()).max(1) as f64;
    wa.intersection(&wb).count() as f64 / small
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pruning_keeps_exactly_the_entries_another_claim_can_meet() {
        let (mut a, mut b, mut c) = (vec![(1, 0), (2, 0), (2, 1), (5, 2)], vec![(2, 3), (7, 0)], vec![(5, 1), (9, 0)]);
        keep_shared(vec![&mut a, &mut b, &mut c]);
        // 2 is in a and b, 5 in a and c; 1, 7 and 9 in one list only (2 twice in a is one list).
        assert_eq!(a, vec![(2, 0), (2, 1), (5, 2)]);
        assert_eq!(b, vec![(2, 3)]);
        assert_eq!(c, vec![(5, 1)]);
        assert_eq!(key_set([4u32, 9, 4].into_iter()), [[false; 4].as_slice(), &[true], &[false; 4], &[true]].concat());
        assert!(key_set(std::iter::empty()).is_empty());
    }

    #[test]
    fn star_groups_take_only_partners_linked_to_each_other() {
        // Claim 0 states two facts: 1 and 2 are versions of one (linked to each other), 3 a
        // version of the other (linked to neither). Claim 0's star holds 0, 1, 2, not 3.
        let pairs = [((0, 1), 0.6), ((0, 2), 0.5), ((0, 3), 0.55), ((1, 2), 0.4)];
        let stars = star_groups(&[0, 1, 2, 3], &pairs, &[]);
        assert!(stars.contains(&vec![0, 1, 2]), "{stars:?}");
        assert!(!stars.iter().any(|s| s.contains(&1) && s.contains(&3)), "{stars:?}");
        assert!(!stars.iter().any(|s| s.contains(&2) && s.contains(&3)), "{stars:?}");
        // Claim 3's own star is 3 with 0 only.
        assert!(stars.iter().any(|s| s == &vec![0, 3]), "{stars:?}");
    }

    #[test]
    fn a_star_partner_must_be_linked_to_every_partner_of_another_article() {
        // Claim 0's partners, strongest first: 1, 2, 3 (articles 1, 2, 3). 2 is linked to 1;
        // 3 is linked to 1 but not to 2, so it does not join: nothing matched 2 with 3.
        let pairs = [((0, 1), 0.7), ((0, 2), 0.6), ((0, 3), 0.5), ((1, 2), 0.4), ((1, 3), 0.4)];
        let stars = star_groups(&[0, 1, 2, 3], &pairs, &[]);
        assert!(stars.contains(&vec![0, 1, 2]), "{stars:?}");
        assert!(!stars.iter().any(|s| s.contains(&2) && s.contains(&3)), "{stars:?}");
        // Claims 2 and 3 of one article (the fact stated twice there), each linked to 0 and
        // to 1: both join 0's star, though claims of one article are never linked.
        let pairs = [((0, 1), 0.7), ((0, 2), 0.6), ((0, 3), 0.5), ((1, 2), 0.4), ((1, 3), 0.4)];
        let stars = star_groups(&[0, 1, 2, 2], &pairs, &[]);
        assert!(stars.contains(&vec![0, 1, 2, 3]), "{stars:?}");
    }

    #[test]
    fn a_cluster_holds_one_claim_per_article() {
        // Claims 1 and 2 are of one article, each linked to claim 0 of another: each makes a
        // cluster with 0, not one cluster of three (the 1-2 pair is never scored).
        // (doc of each claim, links, clusters wanted)
        type Case<'a> = (&'a [usize], &'a [((usize, usize), f64)], &'a [&'a [usize]]);
        let cases: &[Case] = &[
            (&[0, 1, 1], &[((0, 1), 0.6), ((0, 2), 0.5)], &[&[0, 1]]),
            (&[0, 1, 2], &[((0, 1), 0.6), ((0, 2), 0.5), ((1, 2), 0.4)], &[&[0, 1, 2]]),
            (&[0, 1, 1, 2], &[((0, 1), 0.6), ((0, 2), 0.5), ((2, 3), 0.7)], &[&[0, 1], &[2, 3]]),
        ];
        for &(doc_of, links, want) in cases {
            let comp: Vec<usize> = (0..doc_of.len()).collect();
            let mut got = average_linkage(&comp, doc_of, links, MERGE_THRESHOLD);
            got.sort();
            assert_eq!(got, want.iter().map(|c| c.to_vec()).collect::<Vec<_>>(), "average linkage, {links:?}");
            let mut got = leader_clusters(&comp, doc_of, links, MERGE_THRESHOLD);
            got.sort();
            for c in &got {
                let mut docs: Vec<usize> = c.iter().map(|&i| doc_of[i]).collect();
                docs.sort();
                docs.dedup();
                assert_eq!(docs.len(), c.len(), "leaders, {links:?}: {got:?}");
            }
        }
    }
}
