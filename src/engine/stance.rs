//! Stances: who takes a stand against or for something in a claim ("Russia opposes the plan",
//! "rebuffed by Moscow", "Ardesia turned down the offer"), so that versions of one position in
//! other words meet on the actor and the stand even when they share no word.
//!
//! A stance word is a verb or noun of opposition or rejection ("oppose", "objection",
//! "rebuff", "turn down", "condemn"), of danger said of something ("a threat to", "could
//! destabilise": a stand only when someone is reported saying it), of support ("welcome",
//! "endorse", "support"), or of easing a worry ("reassure", "allay"; "calm" or "ease" with a
//! worry after it: "calm Russian fears"), of fighting or defending a measure ("vowed to fight
//! the reform", "defended the bill"), or of a thing judged needed by whoever is reported
//! saying so ("says the change is needed", "indispensable"). Its actor is, in this order: the name right after "by" in a
//! passive ("rebuffed by Moscow"); the last name before the word in the claim ("Russia in
//! particular has adamantly opposed"); the claim's speaker ("It says the plan is a threat",
//! the speaker resolved back through the pronoun). A country's capital stands for its
//! government ("Moscow says ..."), a demonym for its country ("Russian opposition"), and a
//! person for the country their title names ("Russian Defence Minister Anatoly Serdyukov").
//!
//! Two countries' relations getting worse or better are a stance of the pair: "the
//! deterioration of U.S.-Russian relations" and "a new irritant in Russian-US relations" are
//! one ("relations" with two places right before it or after "between" / "with", and a word
//! of worsening or improving near it).
//!
//! What something is aimed at is a stance too, with the target as its actor: "protect against
//! launches from rogue regimes such as Iran" and "to counter ... a threat from Iran" are
//! "aimed at Iran"; "would not be directed against Russia" and "in no way, shape or form,
//! directed at Russia" are "not aimed at Russia" (the first name within a few words after
//! "aimed at", "directed against", "defend against", "counter", ...; negated by a negation
//! just before the aiming word or the name). A thing aimed at no one is "not aimed at anyone":
//! "not aimed against anyone", "not directed at any country", "threatens no one", "posed no
//! threat to anyone".
//!
//! Known limits: the word lists are hand-chosen general English stance vocabulary (members of
//! WordNet's "oppose", "reject", "criticize", "protest", "endanger" and "soothe" families, and
//! their opposites), not learned, and English only; stances in words they lack ("unjust",
//! "an insult") are not seen. No syntax, so the last name before the word may be its
//! object in an inverted sentence ("the plan, which Washington backs, Russia opposes" gives
//! both to Russia), and an actor named only by a common noun ("the unions reject the reform",
//! "the ministry") is not seen. A stand's target is not read, so one actor's stands against
//! two different things are one stance, and what is called a threat is not read either
//! ("Doing nothing is the real threat to our pensions" is read as its speaker's stand
//! against). A negated stand ("does not oppose", "posed no threat": a negation cue of `cues`
//! among the three words before) gives none; the target of
//! an aim is only a name ("rogue states" is no target); a stand taken "also" or "too" is left
//! out, as likely another occasion.

use super::model::{Claim, CueKind, EntityKind, Mention};
use super::tokens::{self, Token};
use super::wordset::WordSet;
use super::{lexicon, names};

/// Which way a stand goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stand {
    Against,
    For,
    /// Easing another's worry: "tries to calm Russian fears", "allay concerns".
    Reassure,
    /// What something is aimed at (the actor is the target): "protect against launches from
    /// rogue regimes such as Iran", "to counter ... a threat from Iran".
    AimedAt,
    /// What it is not aimed at: "would not be directed against Russia", "in no way, shape or
    /// form, directed at Russia".
    NotAimedAt,
    /// Two countries' relations getting worse (the actor is the pair): "the deterioration of
    /// U.S.-Russian relations", "a new irritant in Russian-US relations".
    RelationsWorse,
    /// Two countries' relations getting better: "relations between Ankara and Athens thawed".
    RelationsBetter,
}

impl Stand {
    pub fn label(self) -> &'static str {
        match self {
            Stand::Against => "against",
            Stand::For => "for",
            Stand::Reassure => "reassuring",
            Stand::AimedAt => "aimed at",
            Stand::NotAimedAt => "not aimed at",
            Stand::RelationsWorse => "relations worse",
            Stand::RelationsBetter => "relations better",
        }
    }
}

/// One stand a claim states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stance {
    /// Who stands: a country's name for a country, its demonym or its capital ("Russia"), else
    /// the entity id the name resolved to.
    pub actor: String,
    /// The actor as the claim names it ("Moscow").
    pub actor_text: String,
    pub stand: Stand,
}

impl Stance {
    /// How the page names it: "Moscow against", "not aimed at Russia".
    pub fn label(&self) -> String {
        match self.stand {
            Stand::AimedAt | Stand::NotAimedAt => format!("{} {}", self.stand.label(), self.actor_text),
            _ => format!("{} {}", self.actor_text, self.stand.label()),
        }
    }
}

/// Verbs and nouns of opposition and rejection, as lemmas (phrasal verbs with a space).
const AGAINST: &[&str] = &[
    "oppose",
    "opposition",
    "opponent",
    "object",
    "objection",
    "reject",
    "rejection",
    "rebuff",
    "spurn",
    "snub",
    "repudiate",
    "refuse",
    "refusal",
    "turn down",
    "criticize",
    "criticism",
    "condemn",
    "condemnation",
    "denounce",
    "decry",
    "deplore",
    "protest",
    "resist",
    "resistance",
    "disapprove",
    "disapproval",
    "dismiss",
    "veto",
    "boycott",
];

/// Words of danger: a stand against their subject only when someone is reported saying so
/// ("Moscow says the system could threaten Russia"; not "a missile that could threaten
/// Europe"). The nouns count only as "a threat to ..." (not "the missile threat").
const DANGER: &[&str] = &["threaten", "endanger", "jeopardize", "menace", "destabilize", "destabilizing"];
const DANGER_NOUNS: &[&str] = &["threat", "danger", "menace"];

/// Words that mark a stand as taken again ("also rejected", "refused that too").
const ADDITIVE: &[&str] = &["also", "too"];

/// Forms of "be" that make a participle after them passive.
const BE: &[&str] = &["be", "is", "are", "was", "were", "been", "being"];

/// Words that judge a thing offered or done not good enough: a stand against it by whoever is
/// reported saying so ("told reporters the offer was unacceptable"; with "fell short" and
/// "not enough", see `short_of`).
const UNSATISFIED: &[&str] = &["unacceptable", "insufficient", "inadequate"];

/// The words `short_of` reads.
const SHORT: &[&str] = &["short", "enough"];

/// Verbs and nouns of support.
const FOR: &[&str] = &["support", "endorse", "endorsement", "welcome", "approve", "approval", "praise", "hail"];

/// Verbs of standing up for a thing: a stand for it when what is defended is a measure
/// ("defended the reform as unavoidable"), not a place or an interest ("defend its
/// interests", "defend against attacks").
const DEFEND: &[&str] = &["defend", "champion"];

/// Words that judge a thing needed: a stand for it by whoever is reported saying so ("says
/// the change is necessary", "called the reform indispensable").
/// "needed" counts after a form of "be" ("the change is needed").
const NECESSARY: &[&str] = &["necessary", "indispensable", "unavoidable", "essential", "vital", "inevitable"];
const NEEDED: &[&str] = &["needed"];

/// Verbs of fighting a thing: a stand against it when written as a verb and what is fought is
/// a measure someone proposes ("vowed to fight the reform", "would fight it"), not a problem
/// ("fight terrorism") and not as a noun ("the fight against terrorism").
const FIGHT: &[&str] = &["fight"];

/// Measures someone proposes: one of them must follow a verb of `FIGHT` or `DEFEND` within
/// `MEASURE_REACH` words.
const MEASURES: &[&str] = &[
    "reform", "plan", "bill", "law", "proposal", "measure", "policy", "decision", "scheme", "project", "it", "them",
    "this", "that", "cut", "increase", "change",
];
const MEASURE_REACH: usize = 3;

/// Words before a noun: after one of them a verb-shaped word is a noun ("the fight").
const DETERMINERS: &[&str] = &["the", "a", "an", "their", "its", "his", "her", "our", "this", "that"];

/// Verbs that reassure on their own ("to reassure Moscow").
const REASSURE: &[&str] = &["reassure", "placate", "appease", "mollify", "assuage", "allay", "soothe"];
/// Verbs that reassure when a worry follows ("ease tensions", "calm Russian fears").
const EASE: &[&str] = &["ease", "calm", "cool", "defuse", "dispel", "alleviate", "address", "answer", "relieve"];
/// Worries, as lemmas.
const WORRY: &[&str] =
    &["fear", "concern", "worry", "anger", "tension", "anxiety", "suspicion", "misgiving", "objection", "alarm"];

/// Words that say what something is aimed at, with the words one of which must follow them
/// (none: the target follows directly, "to counter the threat from Iran").
const AIMED: &[(&str, &[&str])] = &[
    ("aim", &["at", "against"]),
    ("direct", &["at", "against"]),
    ("target", &["at", "against"]),
    ("protect", &["against", "from"]),
    ("protection", &["against", "from"]),
    ("defend", &["against", "from"]),
    ("defense", &["against"]),
    ("guard", &["against"]),
    ("counter", &[]),
];

/// Words of relations between countries, and words of their getting worse or better, as
/// lemmas.
const RELATIONS: &[&str] = &["relation", "tie"];
const WORSE: &[&str] = &[
    "deteriorate",
    "deterioration",
    "worsen",
    "strain",
    "sour",
    "irritant",
    "tension",
    "rift",
    "chill",
    "damage",
    "harm",
    "poison",
    "undermine",
    "hurt",
    "fray",
    "crisis",
];
const BETTER: &[&str] = &["improve", "improvement", "warm", "thaw", "mend", "repair", "reset", "normalize", "boost"];

/// How many words either side of "relations" a word of their change may stand.
const RELATIONS_WINDOW: usize = 8;

/// Words before a name that make it the subject of a relative clause, not a target.
const RELATIVES: &[&str] = &["what", "which", "who", "whom", "that"];

/// Words for anyone at all, as a target ("not aimed at anyone", "any country"), and the same
/// denied ("threatens no one"); each a phrase of words in lower case.
const UNIVERSAL: &[&[&str]] = &[
    &["anyone"],
    &["anybody"],
    &["any", "country"],
    &["any", "other", "country"],
    &["any", "third", "country"],
    &["any", "state"],
    &["any", "nation"],
];
const UNIVERSAL_NEGATIVE: &[&[&str]] = &[
    &["no", "one"],
    &["nobody"],
    &["no", "country"],
    &["no", "other", "country"],
    &["no", "state"],
    &["no", "nation"],
];

/// One of `phrases` starts at word `k`.
fn universal_at(toks: &[Token], k: usize, phrases: &[&[&str]]) -> bool {
    phrases
        .iter()
        .any(|p| p.iter().enumerate().all(|(i, w)| toks.get(k + i).is_some_and(|t| t.text.eq_ignore_ascii_case(w))))
}

/// A stand aimed at (or not at) anyone at all.
fn anyone(stand: Stand) -> Stance {
    Stance { actor: "anyone".into(), actor_text: "anyone".into(), stand }
}

/// How many words after an aiming word its target may stand ("protect against growing
/// capabilities of states such as Iran").
const TARGET_WINDOW: usize = 12;

/// How many words before a stance word a negation cue negates it ("does not oppose").
const NEGATION_REACH: usize = 3;
/// How many words before an aiming word a negation cue negates it ("in no way, shape or form,
/// directed at").
const AIM_NEGATION_REACH: usize = 6;

/// Nouns of an office held for a country, which may end a title in lower case before a name
/// ("Russia's foreign minister Sergei Lavrov").
const TITLE_NOUNS: &[&str] = &[
    "minister",
    "president",
    "premier",
    "chancellor",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "negotiator",
    "diplomat",
    "official",
    "leader",
    "chief",
    "head",
    "commander",
    "general",
    "adviser",
    "advisor",
    "representative",
];

/// The country (its actor key) each person acts for, by the person's entity id.
pub type Affiliations = std::collections::HashMap<String, String>;

/// The country each person acts for, from titles such as "Russian Defence Minister Anatoly
/// Serdyukov" or "Kyrvania's Energy Minister, Rustam Khodzhayev": a country (its name,
/// demonym or capital; a place the gazetteer lacks by its entity) then capitalised title words
/// (and "of", "for", "the", "and"), or lower-case words ending in a title noun ("Russia's
/// foreign minister"), right before the person's name. A person given two
/// countries is given none.
pub fn affiliations<'t>(claims: &[&Claim], text_of: &dyn Fn(&Claim) -> &'t str) -> Affiliations {
    let mut found: std::collections::BTreeMap<&str, Option<String>> = Default::default();
    for c in claims {
        let text = text_of(c);
        for (i, m) in c.names.iter().enumerate() {
            if m.kind != EntityKind::Person || i == 0 {
                continue;
            }
            let p = &c.names[i - 1];
            if p.kind != EntityKind::Place {
                continue;
            }
            let country = actor_key(p, &Affiliations::default());
            let Some(between) = text.get(p.span.end..m.span.start) else { continue };
            let words: Vec<&str> = between
                .trim_start_matches(['\'', '’'])
                .trim_start_matches('s')
                .split(|ch: char| ch.is_whitespace() || ch == ',')
                .filter(|w| !w.is_empty())
                .collect();
            let title = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
            let joiner = |w: &&str| matches!(*w, "of" | "for" | "the" | "and");
            // "Russian Foreign Minister", or in lower case ending in a title noun ("Russia's
            // foreign minister", "the Russian defence minister,").
            let capitalised = words.iter().any(title) && words.iter().all(|w| title(w) || joiner(w));
            let titled = words.last().is_some_and(|w| TITLE_NOUNS.contains(&w.to_lowercase().as_str()))
                && words.iter().all(|w| w.chars().all(char::is_alphabetic));
            if words.len() <= 5 && (capitalised || titled) {
                let e = found.entry(m.entity.as_str()).or_insert_with(|| Some(country.clone()));
                if e.as_ref() != Some(&country) {
                    *e = None;
                }
            }
        }
    }
    found.into_iter().filter_map(|(e, c)| Some((e.to_string(), c?))).collect()
}

/// The stances `claim` states, sorted, one per actor and stand; a person acts for the country
/// `affiliations` gives them.
pub fn find_stances(claim: &Claim, toks: &[Token], affiliations: &Affiliations) -> Vec<Stance> {
    static AGAINST_SET: WordSet = WordSet::new(AGAINST);
    static DANGER_SET: WordSet = WordSet::new(DANGER);
    static FOR_SET: WordSet = WordSet::new(FOR);
    static DANGER_NOUN_SET: WordSet = WordSet::new(DANGER_NOUNS);
    static ADDITIVE_SET: WordSet = WordSet::new(ADDITIVE);
    static REASSURE_SET: WordSet = WordSet::new(REASSURE);
    static EASE_SET: WordSet = WordSet::new(EASE);
    static WORRY_SET: WordSet = WordSet::new(WORRY);
    static UNSATISFIED_SET: WordSet = WordSet::new(UNSATISFIED);
    static NECESSARY_SET: WordSet = WordSet::new(NECESSARY);
    static FIGHT_SET: WordSet = WordSet::new(FIGHT);
    static DEFEND_SET: WordSet = WordSet::new(DEFEND);
    static MEASURE_SET: WordSet = WordSet::new(MEASURES);
    static DETERMINER_SET: WordSet = WordSet::new(DETERMINERS);
    let mut out: Vec<Stance> = Vec::new();
    // Most words start as no stance word does: they are passed over without a lemma.
    let candidates: Vec<(usize, String)> =
        toks.iter().enumerate().filter(|(_, t)| may_be_stance_word(t.text)).map(|(k, t)| (k, lemma(t.text))).collect();
    for (k, key) in &candidates {
        let (k, key, t) = (*k, key.as_str(), &toks[*k]);
        let phrase = toks.get(k + 1).and_then(|u| lexicon::phrasal(t.text, u.text)).map(|p| p.replace('_', " "));
        // "fell short", "not enough", "nowhere near enough", "not good enough": the negation
        // is the stand, not its denial.
        let short = short_of(claim, toks, k, key);
        let measure_after = || {
            toks[k + 1..(k + 1 + MEASURE_REACH).min(toks.len())].iter().any(|u| MEASURE_SET.contains(&key_of(u.text)))
        };
        let noun = k.checked_sub(1).is_some_and(|j| DETERMINER_SET.contains(&tokens::key(toks[j].text)));
        let (stand, said_only) =
            if AGAINST_SET.contains(key) || phrase.as_deref().is_some_and(|p| AGAINST_SET.contains(p)) {
                (Stand::Against, false)
            } else if FIGHT_SET.contains(key) && !noun && measure_after() {
                (Stand::Against, false)
            } else if DANGER_SET.contains(key)
                || (DANGER_NOUN_SET.contains(key) && toks.get(k + 1).is_some_and(|u| u.text.eq_ignore_ascii_case("to")))
                || UNSATISFIED_SET.contains(key)
                || short
            {
                (Stand::Against, true)
            } else if FOR_SET.contains(key) || (DEFEND_SET.contains(key) && !noun && measure_after()) {
                (Stand::For, false)
            } else if NECESSARY_SET.contains(key)
                || (key == "need" && t.text.eq_ignore_ascii_case("needed") && passive_be(toks, k))
            {
                (Stand::For, true)
            } else if REASSURE_SET.contains(key)
                || (EASE_SET.contains(key)
                    && toks[k + 1..(k + 4).min(toks.len())].iter().any(|u| WORRY_SET.contains(&lemma(u.text))))
            {
                (Stand::Reassure, false)
            } else {
                continue;
            };
        // "threatens no one", "posed no threat to anyone": a danger denied to all is a stand
        // that the thing is aimed at no one.
        let danger = DANGER_SET.contains(key) || DANGER_NOUN_SET.contains(key);
        if danger {
            let after = if DANGER_NOUN_SET.contains(key) { k + 2 } else { k + 1 };
            let denied_all = universal_at(toks, after, UNIVERSAL_NEGATIVE)
                || (negated_before(claim, toks, k, NEGATION_REACH) && universal_at(toks, after, UNIVERSAL));
            if denied_all {
                out.push(anyone(Stand::NotAimedAt));
                continue;
            }
        }
        if !short && negated_before(claim, toks, k, NEGATION_REACH) {
            continue;
        }
        // "to be turned down", "was rejected": the name before is what the stand is against,
        // and without "by" the actor is not named.
        let passive = passive_be(toks, k);
        let speaker = || speaker_actor(claim, affiliations);
        let actor = if said_only {
            speaker()
        } else {
            let agent = passive_agent(claim, toks, k);
            if passive && agent.is_none() {
                continue;
            }
            agent
                .or_else(|| claim.names.iter().rev().find(|m| m.span.end <= t.span.start && !indefinite(m, toks)))
                .map(|m| (actor_key(m, affiliations), m.text.clone()))
                .or_else(speaker)
        };
        if let Some((actor, actor_text)) = actor {
            out.push(Stance { actor, actor_text, stand });
        }
    }
    out.extend(find_targets(claim, toks, &candidates, affiliations));
    out.extend(find_relations(claim, toks));
    // "Ardesia rejected that offer as well", "a proposal Ardesia also rejected": a stand
    // taken again, on another occasion, is not the standing position.
    if !out.is_empty() {
        let again = toks.iter().enumerate().any(|(k, t)| {
            ADDITIVE_SET.contains(&t.text.to_ascii_lowercase())
                || (t.text.eq_ignore_ascii_case("well") && k > 0 && toks[k - 1].text.eq_ignore_ascii_case("as"))
        });
        if again {
            out.clear();
        }
    }
    // One per actor and stand, whatever name each gives the actor ("Moscow", "Russia").
    out.sort_by(|x, y| (&x.actor, x.stand, &x.actor_text).cmp(&(&y.actor, y.stand, &y.actor_text)));
    out.dedup_by(|x, y| x.actor == y.actor && x.stand == y.stand);
    out
}

/// A form of "be" right before word `k` ("was rejected", "is needed").
fn passive_be(toks: &[Token], k: usize) -> bool {
    static BE_SET: WordSet = WordSet::new(BE);
    k.checked_sub(1).is_some_and(|j| BE_SET.contains(&tokens::key(toks[j].text)))
}

/// The claim's speaker as an actor (key, as written): a country for a country, its capital or
/// one of its officials, else the speaker's entity.
fn speaker_actor(claim: &Claim, affiliations: &Affiliations) -> Option<(String, String)> {
    let s = claim.source.as_ref()?;
    Some((resolve_actor(Some(&s.speaker), s.entity.as_deref(), affiliations)?, s.speaker.clone()))
}

/// Whether the word at `k` (its lemma `key`) says something falls short: "fell short", "not
/// enough", "nowhere near enough", "not good enough".
fn short_of(claim: &Claim, toks: &[Token], k: usize, key: &str) -> bool {
    match key {
        "short" => k.checked_sub(1).is_some_and(|j| key_of(toks[j].text) == "fall"),
        "enough" => negated_before(claim, toks, k, NEGATION_REACH),
        _ => false,
    }
}

/// Whether one of the claim's negation cues (`cues`: "not", "nowhere", "in no way", ...)
/// stands among the `reach` words before word `k`.
fn negated_before(claim: &Claim, toks: &[Token], k: usize, reach: usize) -> bool {
    let (Some(first), Some(word)) = (toks.get(k.saturating_sub(reach)), toks.get(k)) else { return false };
    let (from, to) = (first.span.start, word.span.start);
    claim.cues.iter().any(|c| c.kind == CueKind::Negation && c.span.start >= from && c.span.end <= to)
}

/// What the claim says something is aimed at, or not: the first name within
/// `TARGET_WINDOW` words after an aiming word and its preposition. Negated by a negation
/// among the six words before the aiming word ("in no way, shape or form, directed at") or
/// right before the name ("against attacks -- not from Russia").
fn find_targets(
    claim: &Claim,
    toks: &[Token],
    candidates: &[(usize, String)],
    affiliations: &Affiliations,
) -> Vec<Stance> {
    let mut out = Vec::new();
    for (k, key) in candidates {
        let (k, t) = (*k, &toks[*k]);
        let Some((_, preps)) = AIMED.iter().find(|(w, _)| w == key) else { continue };
        let mut from = k + 1;
        if !preps.is_empty() {
            match toks.get(k + 1) {
                Some(u) if preps.iter().any(|p| u.text.eq_ignore_ascii_case(p)) => from = k + 2,
                _ => continue,
            }
        }
        let end = toks.get((k + TARGET_WINDOW).min(toks.len() - 1)).map_or(t.span.end, |u| u.span.end);
        // Not the subject of a relative clause: "counter what Washington views as a threat".
        let start = toks.get(from).map_or(usize::MAX, |u| u.span.start);
        let relative = |m: &Mention| {
            toks.iter()
                .rposition(|u| u.span.end <= m.span.start)
                .is_some_and(|i| RELATIVES.iter().any(|r| toks[i].text.eq_ignore_ascii_case(r)))
        };
        let Some(m) = claim.names.iter().find(|m| m.span.start >= start && m.span.end <= end && !relative(m)) else {
            // "not aimed against anyone", "not directed at any country": aimed at no one.
            if universal_at(toks, from, UNIVERSAL) && negated_before(claim, toks, k, AIM_NEGATION_REACH) {
                out.push(anyone(Stand::NotAimedAt));
            }
            continue;
        };
        // "against attacks -- not from Russia": a negation among the two words before the name.
        let before_name = toks.iter().rposition(|u| u.span.end <= m.span.start).map_or(0, |i| i + 1);
        let negated = negated_before(claim, toks, k, AIM_NEGATION_REACH)
            || (before_name > k + 1 && negated_before(claim, toks, before_name, 2));
        let stand = if negated { Stand::NotAimedAt } else { Stand::AimedAt };
        out.push(Stance { actor: actor_key(m, affiliations), actor_text: m.text.clone(), stand });
    }
    out
}

/// Two countries' relations getting worse or better: "relations" with two places right
/// before it ("U.S.-Russian relations") or after "between" / "with" ("relations between
/// Ankara and Athens", "Russia's relations with Georgia"), and a word of worsening or
/// improving within `RELATIONS_WINDOW` words. The actor is the pair, in a fixed order.
fn find_relations(claim: &Claim, toks: &[Token]) -> Vec<Stance> {
    static RELATIONS_SET: WordSet = WordSet::new(RELATIONS);
    static WORSE_SET: WordSet = WordSet::new(WORSE);
    static BETTER_SET: WordSet = WordSet::new(BETTER);
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let starts = |w: &str| prefix(w) == prefix(t.text);
        if !RELATIONS.iter().any(|w| starts(w)) || !RELATIONS_SET.contains(&lemma(t.text)) {
            continue;
        }
        let from = toks[k.saturating_sub(2)].span.start;
        let mut to = from;
        if toks
            .get(k + 1)
            .is_some_and(|u| u.text.eq_ignore_ascii_case("between") || u.text.eq_ignore_ascii_case("with"))
        {
            to = toks[(k + 6).min(toks.len() - 1)].span.end;
        }
        let mut sides: Vec<(String, String)> = claim
            .names
            .iter()
            .filter(|m| m.kind == EntityKind::Place)
            .filter(|m| {
                (m.span.start >= from && m.span.end <= t.span.start) || (m.span.start > t.span.end && m.span.end <= to)
            })
            .map(|m| (actor_key(m, &Affiliations::default()), m.text.clone()))
            .collect();
        sides.sort();
        sides.dedup_by(|x, y| x.0 == y.0);
        if sides.len() != 2 {
            continue;
        }
        let near = &toks[k.saturating_sub(RELATIONS_WINDOW)..(k + RELATIONS_WINDOW + 1).min(toks.len())];
        let change = |set: &WordSet| near.iter().any(|u| set.contains(&key_of(u.text)));
        let stand = if change(&WORSE_SET) {
            Stand::RelationsWorse
        } else if change(&BETTER_SET) {
            Stand::RelationsBetter
        } else {
            continue;
        };
        out.push(Stance {
            actor: format!("{}/{}", sides[0].0, sides[1].0),
            actor_text: format!("{}-{}", sides[0].1, sides[1].1),
            stand,
        });
    }
    out
}

/// Whether `word` starts (in lower case) as some stance word does: a cheap test before the
/// lemma is looked up.
fn may_be_stance_word(word: &str) -> bool {
    static PREFIXES: std::sync::OnceLock<Vec<[u8; 3]>> = std::sync::OnceLock::new();
    let prefixes = PREFIXES.get_or_init(|| {
        let mut v: Vec<[u8; 3]> =
            [AGAINST, DANGER, DANGER_NOUNS, UNSATISFIED, SHORT, FOR, DEFEND, NECESSARY, NEEDED, FIGHT, REASSURE, EASE]
                .iter()
                .flat_map(|l| l.iter())
                .chain(AIMED.iter().map(|(w, _)| w))
                .filter_map(|w| prefix(w))
                .collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    prefix(word).is_some_and(|p| prefixes.binary_search(&p).is_ok())
}

/// The first three letters of a word in ASCII lower case (`None` for shorter or non-ASCII).
fn prefix(word: &str) -> Option<[u8; 3]> {
    let b = word.as_bytes();
    (b.len() >= 3).then(|| [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase(), b[2].to_ascii_lowercase()])
}

/// A word's lemma in lower case, as the lexicon gives it (`align::word_key`'s recipe).
fn key_of(word: &str) -> String {
    lexicon::key(&tokens::key(word))
}

/// A word of any of the lists.
fn is_stance_word(w: &str) -> bool {
    [AGAINST, DANGER, DANGER_NOUNS, UNSATISFIED, SHORT, FOR, REASSURE, EASE].iter().any(|l| l.contains(&w))
        || AIMED.iter().any(|(a, _)| *a == w)
}

/// A word's lemma: the lexicon's, or for a word too rare for the lexicon ("rebuffed") the word
/// without a regular ending, when that is a stance word.
fn lemma(word: &str) -> String {
    let key = key_of(word);
    for ending in ["ed", "d", "s", "es", "ing"] {
        if let Some(stem) = key.strip_suffix(ending) {
            for stem in [stem.to_string(), format!("{stem}e")] {
                if is_stance_word(&stem) {
                    return stem;
                }
            }
        }
    }
    key
}

/// A name right after "a" or "an" ("a European trip", "an American plan"): a word describing a
/// thing, not who acts.
fn indefinite(m: &Mention, toks: &[Token]) -> bool {
    let before = toks.iter().rposition(|u| u.span.end <= m.span.start);
    before.is_some_and(|i| toks[i].text.eq_ignore_ascii_case("a") || toks[i].text.eq_ignore_ascii_case("an"))
}

/// The name right after "by" just after the stance word ("rebuffed by Moscow", "was rejected
/// outright by Ardesia").
fn passive_agent<'c>(claim: &'c Claim, toks: &[Token], k: usize) -> Option<&'c Mention> {
    let by = toks.get(k + 1..(k + 3).min(toks.len()))?.iter().find(|u| u.text.eq_ignore_ascii_case("by"))?;
    let next = toks.iter().position(|u| u.span.start > by.span.start)?;
    let start = toks[next].span.start;
    // "by the Kremlin": the name may follow one article.
    let start2 = toks.get(next + 1).map(|u| u.span.start);
    claim.names.iter().find(|m| m.span.start == start || Some(m.span.start) == start2)
}

/// A mention's actor key: a place's country (a country, its demonym, its capital), a person's
/// country when their title names one, else the entity.
fn actor_key(m: &Mention, affiliations: &Affiliations) -> String {
    let place = (m.kind == EntityKind::Place).then_some(m.text.as_str());
    resolve_actor(place, Some(&m.entity), affiliations).unwrap_or_else(|| m.entity.clone())
}

/// Who acts: the country a place name stands for (`place`: a country, its demonym, its
/// capital), else the country the entity's title gives it, else the entity.
fn resolve_actor(place: Option<&str>, entity: Option<&str>, affiliations: &Affiliations) -> Option<String> {
    place
        .and_then(names::actor_country)
        .map(str::to_string)
        .or_else(|| affiliations.get(entity?).cloned())
        .or_else(|| entity.map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{analyze, Article, Options};

    /// The stances of every claim of `text` read as one article, with the countries its
    /// titles give people.
    fn stances_of(text: &str) -> Vec<Stance> {
        let art = Article { id: "a.txt".into(), text: text.to_string(), meta: Default::default() };
        let a = analyze(&[art], &Options::default());
        let claims: Vec<&Claim> = a.claims().collect();
        let aff = affiliations(&claims, &|_| text);
        claims.iter().flat_map(|c| find_stances(c, &tokens::words(text, c.span), &aff)).collect()
    }

    /// The stances of `text` are `want`: (actor as written, stand).
    fn assert_stances(text: &str, want: &[(&str, Stand)]) {
        let got = stances_of(text);
        let got: Vec<(&str, Stand)> = got.iter().map(|s| (s.actor_text.as_str(), s.stand)).collect();
        assert_eq!(got, want, "in {text:?}");
    }

    /// The actor (its key) of the first stance of `text`.
    fn actor(text: &str) -> String {
        stances_of(text).into_iter().map(|s| s.actor).next().unwrap_or_default()
    }

    /// How the page names each stance of `text`.
    fn labels(text: &str) -> Vec<String> {
        stances_of(text).iter().map(Stance::label).collect()
    }

    use Stand::*;

    #[test]
    fn fighting_or_defending_a_measure_is_a_stand() {
        assert_stances("Ardesia vowed to fight the reform until it is withdrawn.", &[("Ardesia", Against)]);
        assert_stances("Ardesia defended the reform as unavoidable.", &[("Ardesia", For)]);
        // A problem fought, an interest defended, or the noun: no stand on a measure.
        assert_stances("Ardesia vowed to fight terrorism and corruption.", &[]);
        assert_stances("Ardesia joined the fight against the plan.", &[]);
        assert_stances("Ardesia will defend its borders.", &[]);
    }

    #[test]
    fn a_thing_aimed_at_no_one() {
        for text in [
            "He said the dam was \"not aimed against anyone\".",
            "He insisted the dam posed no threat to anyone downstream.",
            "He repeated that the dam threatens no one.",
            "The exercises are not directed at any country, he said.",
        ] {
            assert_eq!(labels(text), ["not aimed at anyone"], "{text}");
        }
        // Aimed at a named country is another stance; a threat to someone is not denied.
        assert_eq!(labels("He said the dam was not aimed at Ardesia."), ["not aimed at Ardesia"]);
        assert!(
            !labels("Ardesia says the dam threatens anyone downstream.").contains(&"not aimed at anyone".to_string())
        );
    }

    #[test]
    fn calling_a_thing_needed_is_a_stand_for_it_by_the_speaker() {
        assert_stances("Prime Minister Tomas Radev says the change is needed.", &[("Prime Minister Tomas Radev", For)]);
        assert_stances("\"It is late, but it is necessary,\" Boris Lendl said.", &[("Boris Lendl", For)]);
        // Said by no one, or a need that is not a judgement: none.
        assert_stances("The change is necessary for the budget.", &[]);
        assert_stances("Boris Lendl said they need more time.", &[]);
    }

    #[test]
    fn the_actor_is_the_name_before_the_stance_word() {
        assert_stances("Russia has adamantly opposed the plan.", &[("Russia", Against)]);
        assert_stances("Poland welcomed the decision on Friday.", &[("Poland", For)]);
        assert_stances("Some European states have objected to the approach.", &[("European", Against)]);
        // "a European trip" describes the trip: the actor is the one before.
        assert_stances("Robert Gates began a European trip to ease tensions.", &[("Robert Gates", Reassure)]);
    }

    #[test]
    fn the_agent_of_a_passive_is_the_actor() {
        assert_stances("Gates offered help but was rebuffed by Moscow.", &[("Moscow", Against)]);
        // The name before a passive is what the stand is against; with no agent there is no
        // actor.
        assert_stances("The Kyrvanian offer was turned down on Tuesday.", &[]);
    }

    #[test]
    fn a_capital_and_a_demonym_stand_for_their_country() {
        assert_eq!(actor("Moscow rejected the proposal."), "Russia");
        assert_eq!(actor("Russian opposition to the plan is strong."), "Russia");
        assert_eq!(actor("Washington tried to cool Russian anger over the scheme."), "United States");
        assert_eq!(names::actor_country("Moscow"), Some("Russia"));
        assert_eq!(names::actor_country("Muscovites"), None, "the city's people are not its government");
        assert_eq!(names::actor_country("Chicago"), None);
    }

    #[test]
    fn a_person_acts_for_the_country_their_title_names() {
        let text = "Russian Defence Minister Anatoly Serdyukov met Gates. Serdyukov rejected the plan.";
        assert_eq!(actor(text), "Russia");
        let text = "France's Foreign Minister, Jean Dupont, spoke. Dupont refused to halt work.";
        assert_eq!(actor(text), "France");
        // A title in lower case, as British papers write it.
        let text = "Russia's foreign minister Sergei Lavrov spoke. Lavrov rejected the plan.";
        assert_eq!(actor(text), "Russia");
        let text = "The French defence minister, Jean Dupont, spoke. Dupont rejected the plan.";
        assert_eq!(actor(text), "France");
        // A name after a country with no title between is not its official, nor is one after
        // lower-case words that are no title.
        let text = "He flew from Russia with Anatoly Serdyukov. Serdyukov rejected the plan.";
        assert_ne!(actor(text), "Russia");
        let text = "Troops in Russia met Anatoly Serdyukov. Serdyukov rejected the plan.";
        assert_ne!(actor(text), "Russia");
    }

    #[test]
    fn danger_is_a_stand_only_when_someone_says_it() {
        assert_stances("But Moscow says the system could threaten Russia.", &[("Moscow", Against)]);
        assert_stances("The system will not work until Iran tests a missile that could threaten Europe.", &[]);
        // The noun only as "a threat to".
        assert_stances("Officials say the missile threat from Iran is growing.", &[]);
    }

    #[test]
    fn not_good_enough_is_a_stand_against_by_whoever_says_it() {
        assert_stances("Kyrvania's offer fell short of its needs, Ardesia said.", &[("Ardesia", Against)]);
        assert_stances("Ardesia says the offer is nowhere near enough.", &[("Ardesia", Against)]);
        assert_stances("Ardesia said the offer was simply not good enough.", &[("Ardesia", Against)]);
        assert_stances("The offer is unacceptable, Ardesia said.", &[("Ardesia", Against)]);
        // No one says it: no stand.
        assert_stances("The harvest fell short of expectations.", &[]);
    }

    #[test]
    fn a_negated_stand_or_one_taken_again_gives_none() {
        assert_stances("Kyrvania does not oppose the monitoring plan.", &[]);
        assert_stances("Ardesia rejected that offer as well.", &[]);
        assert_stances("At the first round Kyrvania offered 35 percent, a proposal Ardesia also rejected.", &[]);
        // "again" is the same stand restated, not another one.
        assert_stances("Kyrvania again refused to halt work on the dam.", &[("Kyrvania", Against)]);
    }

    #[test]
    fn what_something_is_aimed_at_or_not() {
        assert_eq!(
            labels("The system is needed to protect against growing capabilities of states such as Iran."),
            ["aimed at Iran"]
        );
        assert_eq!(
            labels("The shield is designed to counter what Washington views as a threat from Iran."),
            ["aimed at Iran"]
        );
        assert_eq!(labels("It is in no way, shape or form, directed at Russia."), ["not aimed at Russia"]);
        assert_eq!(
            labels("It is designed to defend against attacks -- not from Russia but from rogue states."),
            ["not aimed at Russia"]
        );
        // "aim" needs its "at"; "a targeting radar" aims at nothing.
        assert!(labels("He aims to visit Russia in May.").is_empty());
        assert!(labels("They will build a targeting radar in the Czech Republic.").is_empty());
    }

    #[test]
    fn two_countries_relations_getting_worse_or_better() {
        let worse = "The plan has been a major factor in the deterioration of U.S.-Russian relations.";
        assert_eq!(labels(worse), ["Russian-U.S. relations worse"]);
        let worse = "The shield is a new irritant in Russian-US relations.";
        assert_eq!(labels(worse), ["Russian-US relations worse"]);
        let better = "Relations between Greece and Turkey have thawed since the earthquake.";
        assert_eq!(labels(better), ["Greece-Turkey relations better"]);
        // One country, or no change, is no such stance.
        assert!(labels("Russia's relations have soured.").is_empty());
        assert!(labels("U.S.-Russian relations were discussed on Monday.").is_empty());
    }

    #[test]
    fn easing_a_worry_is_reassuring() {
        assert_stances(
            "The United States is trying to allay Russian fears about the plans.",
            &[("United States", Reassure)],
        );
        assert_stances("Washington must work to ease Russian concerns.", &[("Washington", Reassure)]);
        // "ease" without a worry after it is no reassurance.
        assert_stances("Washington moved to ease the rules on exports.", &[]);
    }
}
