//! Attribution: who said each sentence. Finds a speech verb ("said", "told", "according to")
//! and the speaker beside it, before ("Gates said") or after (`"...," said Eric Edelman`);
//! resolves pronoun speakers ("he said", "she said") to the article's most recent speaker, or
//! to its most recently named person; carries a speaker over every sentence of a quote that
//! runs over several sentences, and to a quoted sentence that follows another quote of the
//! same speaker in the same paragraph.
//!
//! Known limits: one speaker per sentence (the first); no gender agreement for pronouns;
//! a quote that spans paragraphs takes its speaker only within its own paragraph.

use super::model::{EntityKind, Sentence, Span};
use super::names::RawMention;
use super::tokens::{self, Token};

/// Verbs (and phrases) that introduce what someone said.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "stressed",
    "noted",
    "acknowledged",
    "declared",
    "insisted",
    "warned",
    "announced",
    "argued",
    "explained",
    "stated",
    "claimed",
    "asked",
    "replied",
    "commented",
    "confirmed",
    "denied",
    "reported",
    "wrote",
    "writes",
    "quoted",
    "cautioned",
    "conceded",
    "admitted",
    "recalled",
    "suggested",
    "urged",
    "predicted",
    "believes",
    "believed",
    "thinks",
    "described",
    "called",
];

/// Words that stop the walk back from a speech verb to its subject.
const CLAUSE_WORDS: &[&str] = &[
    "that", "and", "but", "which", "who", "while", "as", "although", "because", "when", "if", "whether", "than",
    "where", "after", "before", "since", "though", "so", "later", "also", "has", "have", "had", "was", "were", "is",
    "are", "in", "on", "at", "for", "with", "from", "to", "by", "of", "both", "then", "not", "did", "does", "do",
    "would", "could", "will", "may", "might", "should", "can", "must", "been", "be", "being",
];

const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];

/// The speaker of one sentence, before it is turned into a model `Attribution`.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The speaker as the text names it ("White House national security adviser Stephen
    /// Hadley", "U.S. officials"), or the pronoun.
    pub text: String,
    pub span: Span,
    /// The index (into the article's mentions) of the named person or body, if any.
    pub mention: Option<usize>,
    /// For a pronoun: the index of the mention it resolves to.
    pub resolved_from_pronoun: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SentenceSource {
    pub speaker: Option<Speaker>,
    /// The sentence is (mostly) a direct quote.
    pub direct: bool,
}

/// Quote marks in a sentence: (opens, closes) counts, straight quotes toggling.
fn quote_balance(s: &str, mut inside: bool) -> bool {
    for c in s.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            _ => {}
        }
    }
    inside
}

fn has_quote(s: &str) -> bool {
    s.contains(['"', '“', '”'])
}

/// The speakers of an article's sentences. `mentions` are the article's name mentions, in
/// text order; `block_of` gives each sentence's paragraph index.
pub fn attribute(
    text: &str,
    sentences: &[Sentence],
    block_of: &[usize],
    mentions: &[RawMention],
) -> Vec<SentenceSource> {
    let words: Vec<Vec<tokens::Token>> = sentences.iter().map(|s| tokens::words(text, s.span)).collect();
    attribute_with_words(text, sentences, &words, block_of, mentions)
}

/// [`attribute`] with each sentence's word tokens already made (`words[i]` of `sentences[i]`).
pub fn attribute_with_words(
    text: &str,
    sentences: &[Sentence],
    words: &[Vec<tokens::Token>],
    block_of: &[usize],
    mentions: &[RawMention],
) -> Vec<SentenceSource> {
    let mut out: Vec<SentenceSource> = Vec::with_capacity(sentences.len());
    // Whether each sentence starts inside an open quote.
    let mut starts_inside = Vec::with_capacity(sentences.len());
    let mut inside = false;
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 && block_of[i] != block_of[i - 1] {
            inside = false;
        }
        starts_inside.push(inside);
        inside = quote_balance(s.span.text(text), inside);
    }
    // The mentions of each sentence, as a range (both lists are in text order): one sweep.
    let ranges = super::names::ranges_within(sentences.iter().map(|s| s.span), mentions);
    let mut last_person: Option<usize> = None;
    let mut last_speaker: Option<Speaker> = None;
    for (i, s) in sentences.iter().enumerate() {
        let st = s.span.text(text);
        let toks = &words[i];
        let here = ranges[i].clone();
        let mut speaker = find_speaker(text, s.span, toks, &mentions[here.clone()], starts_inside[i]).map(|mut sp| {
            sp.mention = sp.mention.map(|m| m + here.start);
            sp
        });
        // Pronoun: resolve to the last speaker, or the last person named.
        if let Some(sp) = &mut speaker {
            let lower = sp.text.to_lowercase();
            if PRONOUNS.contains(&lower.as_str()) {
                let target = if lower == "it" || lower == "they" {
                    // A body: the first place or organisation of the previous sentence.
                    i.checked_sub(1).and_then(|p| {
                        let r = ranges[p].clone();
                        mentions[r.clone()].iter().position(|m| m.kind != EntityKind::Person).map(|k| k + r.start)
                    })
                } else {
                    last_speaker
                        .as_ref()
                        .and_then(|l| l.mention)
                        .filter(|&m| mentions[m].kind == EntityKind::Person)
                        .or(last_person)
                };
                if let Some(t) = target {
                    sp.mention = Some(t);
                    sp.resolved_from_pronoun = true;
                }
            }
        }
        let direct = has_quote(st) || starts_inside[i];
        out.push(SentenceSource { speaker: speaker.clone(), direct });
        if let Some(sp) = speaker {
            last_speaker = Some(sp);
        }
        if let Some(p) = mentions[here.clone()].iter().rposition(|m| m.kind == EntityKind::Person) {
            last_person = Some(p + here.start);
        }
    }
    // Quotes over several sentences: a quoted sentence without a speaker takes the speaker of
    // the sentence that closes its quote, or of the quote before it in the same paragraph.
    for i in 0..sentences.len() {
        if out[i].speaker.is_some() || !out[i].direct {
            continue;
        }
        let mut found = None;
        for j in i + 1..sentences.len() {
            if block_of[j] != block_of[i] || !(starts_inside[j] || has_quote(sentences[j].span.text(text))) {
                break;
            }
            if out[j].speaker.is_some() {
                found = out[j].speaker.clone();
                break;
            }
            if !quote_balance(sentences[j].span.text(text), starts_inside[j]) {
                break;
            }
        }
        if found.is_none() && i > 0 && block_of[i - 1] == block_of[i] && out[i - 1].direct {
            found = out[i - 1].speaker.clone();
        }
        // A quote opening a paragraph right after a paragraph that ended in a quote.
        if found.is_none() && i > 0 && out[i - 1].direct && sentences[i].span.text(text).starts_with(['"', '“']) {
            found = out[i - 1].speaker.clone();
        }
        out[i].speaker = found;
    }
    out
}

/// Finds the speaker named beside a speech verb in one sentence.
/// Speech verbs inside a quote ("as we say") are the quoted person's words, not an attribution.
fn find_speaker(
    text: &str,
    span: Span,
    toks: &[Token],
    mentions: &[RawMention],
    starts_inside: bool,
) -> Option<Speaker> {
    let lower: Vec<std::borrow::Cow<str>> = toks.iter().map(|t| tokens::lower(t.text)).collect();
    // Whether each token stands inside quote marks.
    let mut inside = starts_inside;
    let mut quoted = Vec::with_capacity(toks.len());
    let mut prev_end = span.start;
    for t in toks {
        inside = quote_balance(text.get(prev_end..t.span.start).unwrap_or(""), inside);
        quoted.push(inside);
        prev_end = t.span.end;
    }
    for (v, w) in lower.iter().enumerate() {
        if quoted[v] {
            continue;
        }
        let is_according = w == "according" && lower.get(v + 1).is_some_and(|n| n == "to");
        if !(SPEECH_VERBS.contains(&&**w) || is_according) {
            continue;
        }
        // "described ... as", "called the meetings": only with a named subject right before.
        // After the verb: `"...," said X` or `according to X`.
        let gap_before = text.get(span.start..toks[v].span.start).unwrap_or("").trim_end();
        let after_quote = gap_before.ends_with([',', '"', '”'])
            && (gap_before.ends_with(",\"")
                || gap_before.ends_with(",”")
                || gap_before.ends_with('"')
                || gap_before.ends_with('”'));
        if is_according || (after_quote && v + 1 < toks.len() && toks[v + 1].is_capitalised()) {
            let from = if is_according { v + 2 } else { v + 1 };
            if let Some(sp) = noun_phrase_after(text, toks, from, mentions) {
                return Some(sp);
            }
            continue;
        }
        // Before the verb: "Gates said", "U.S. officials said", "the Kremlin said".
        if v == 0 {
            continue;
        }
        if let Some(sp) = noun_phrase_before(text, toks, &lower, v, mentions) {
            return Some(sp);
        }
    }
    None
}

fn gap_is_plain(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.span.end..b.span.start).is_some_and(|g| g.chars().all(|c| c.is_whitespace() || c == '\''))
}

fn noun_phrase_before(
    text: &str,
    toks: &[Token],
    lower: &[std::borrow::Cow<str>],
    v: usize,
    mentions: &[RawMention],
) -> Option<Speaker> {
    let end = v; // exclusive
    let mut start = v;
    // A person's name set off by commas before the verb ("Ardesia's Foreign Minister, Selin
    // Aydın, told"): the phrase may cross the name's two commas.
    let comma_gap = |k: usize| text.get(toks[k].span.end..toks[k + 1].span.start).is_some_and(|g| g.trim() == ",");
    let appositive = v > 0
        && comma_gap(v - 1)
        && mentions.iter().any(|m| m.kind == EntityKind::Person && m.span.end == toks[v - 1].span.end);
    let mut commas_left = if appositive { 2 } else { 0 };
    while start > 0 && end - start < 9 {
        let k = start - 1;
        if !gap_is_plain(text, &toks[k], &toks[k + 1]) {
            if commas_left > 0 && comma_gap(k) {
                commas_left -= 1;
            } else {
                break;
            }
        }
        if CLAUSE_WORDS.contains(&&*lower[k]) && !(k + 1 < end && lower[k] == "of") {
            break;
        }
        start = k;
    }
    // Drop leading determiners and sentence connectives.
    while start < end
        && matches!(&*lower[start], "the" | "but" | "and" | "a" | "an" | "nevertheless" | "however" | "meanwhile")
    {
        start += 1;
    }
    if start >= end {
        return None;
    }
    let span = Span::new(toks[start].span.start, toks[end - 1].span.end);
    let phrase = span.text(text);
    // Adverbs that sit between subject and verb ("Gates later said"): one lower-case word
    // ending in -ly before the verb is dropped.
    let mention = mentions.iter().rposition(|m| span.contains(m.span));
    // A speaker is a name, a pronoun, or a phrase ending in a person noun ("officials").
    let last = &*lower[end - 1];
    let ok = mention.is_some()
        || PRONOUNS.contains(&last)
        || matches!(
            last,
            "officials"
                | "official"
                | "spokesman"
                | "spokeswoman"
                | "diplomats"
                | "sources"
                | "experts"
                | "analysts"
                | "witnesses"
                | "police"
                | "statement"
                | "leaders"
                | "government"
                | "ministry"
                | "report"
        );
    if !ok {
        return None;
    }
    Some(Speaker { text: phrase.to_string(), span, mention, resolved_from_pronoun: false })
}

fn noun_phrase_after(text: &str, toks: &[Token], from: usize, mentions: &[RawMention]) -> Option<Speaker> {
    if from >= toks.len() {
        return None;
    }
    let mut end = from;
    while end < toks.len() && end - from < 9 {
        if end > from && !gap_is_plain(text, &toks[end - 1], &toks[end]) {
            break;
        }
        end += 1;
    }
    let span = Span::new(toks[from].span.start, toks[end - 1].span.end);
    let mention = mentions
        .iter()
        .position(|m| span.contains(m.span) && m.kind == EntityKind::Person)
        .or_else(|| mentions.iter().position(|m| span.contains(m.span)));
    Some(Speaker { text: span.text(text).to_string(), span, mention, resolved_from_pronoun: false })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::BlockKind;
    use crate::engine::names::find_mentions;
    use crate::engine::sentences::split_block;

    /// (sentence start, speaker mention text or speaker phrase, direct)
    fn speakers(text: &str) -> Vec<(String, Option<String>, bool)> {
        let mut sentences = Vec::new();
        let mut block_of = Vec::new();
        for (b, line) in crate::engine::clean::line_spans(text).into_iter().enumerate() {
            for s in split_block(text, line) {
                sentences.push(Sentence { span: s, kind: BlockKind::Body });
                block_of.push(b);
            }
        }
        let mut mentions = Vec::new();
        for s in &sentences {
            mentions.extend(find_mentions(text, s.span, 0));
        }
        let src = attribute(text, &sentences, &block_of, &mentions);
        sentences
            .iter()
            .zip(src)
            .map(|(s, a)| {
                let who = a.speaker.map(|sp| {
                    sp.mention
                        .filter(|&m| mentions[m].kind == EntityKind::Person || sp.resolved_from_pronoun)
                        .map(|m| mentions[m].text.clone())
                        .unwrap_or(sp.text)
                });
                (s.span.text(text).chars().take(12).collect(), who, a.direct)
            })
            .collect()
    }

    fn who(v: &[(String, Option<String>, bool)]) -> Vec<Option<&str>> {
        v.iter().map(|x| x.1.as_deref()).collect()
    }

    #[test]
    fn speaker_before_and_after_the_verb() {
        let t = "\"The radar is not aimed at Russia,\" White House national security adviser Stephen Hadley said.\nState Department spokesman Sean McCormack said there had been progress.\n\"I'm hoping we're going to try,\" said Eric Edelman, US under-secretary of defence.\nRussia opposes the plan, but according to State Department spokesman Sean McCormack the U.S. has presented proposals.\nU.S. officials said the talks went well.";
        assert_eq!(
            who(&speakers(t)),
            vec![
                Some("Stephen Hadley"),
                Some("Sean McCormack"),
                Some("Eric Edelman"),
                Some("Sean McCormack"),
                Some("U.S. officials")
            ]
        );
    }

    #[test]
    fn speech_verbs_inside_a_quote_are_not_attributions() {
        let t = "McCormack said so.\n\"The sites are, as we say, about threats from the Middle East,\" White House national security adviser Stephen Hadley said.\n\"We are trying,\" he said.";
        assert_eq!(who(&speakers(t)), vec![Some("McCormack"), Some("Stephen Hadley"), Some("Stephen Hadley")]);
    }

    #[test]
    fn a_name_set_off_by_commas_before_the_verb_speaks() {
        let t = "\u{201c}The gap has narrowed,\u{201d} Ardesia\u{2019}s Foreign Minister, Selin Aydın, told the GBC.\nThe talks, Solheim said, were useful.";
        let s = speakers(t);
        assert_eq!(who(&s), vec![Some("Selin Aydın"), Some("Solheim")]);
    }

    #[test]
    fn pronouns_point_back() {
        let t = "Rice called the meetings \"constructive and useful.\"\n\"As you know, we have differences,\" she said. \"We're very serious about cooperation.\"";
        let s = speakers(t);
        assert_eq!(who(&s), vec![Some("Rice"), Some("Rice"), Some("Rice")]);
        assert!(s[2].2);
    }

    #[test]
    fn quote_over_several_sentences_takes_its_speaker() {
        let t = "\"The Russians have had a week to study our measures. We very much look forward to hearing their reaction,\" said Pentagon press secretary Geoff Morrell.";
        assert_eq!(who(&speakers(t)), vec![Some("Geoff Morrell"), Some("Geoff Morrell")]);
    }

    #[test]
    fn it_points_to_a_body() {
        let t = "Russia has opposed stationing elements of the missile shield close to its borders. It says the plan is a threat to its national security.";
        assert_eq!(who(&speakers(t)), vec![None, Some("Russia")]);
    }

    #[test]
    fn reported_sentences_without_speech_have_no_speaker() {
        let t = "Putin, who leaves office this spring, proposed in July that the system be based elsewhere.";
        assert_eq!(who(&speakers(t)), vec![None]);
    }
}
