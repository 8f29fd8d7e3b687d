//! Sentence splitting inside content blocks. A sentence ends at `.`, `!` or `?` (with any
//! closing quote marks or brackets after it) when the next word starts a sentence: an upper-case
//! letter, a digit or an opening quote. Abbreviations ("Gen.", "Sept."), initials ("George W.
//! Bush") and dotted acronyms ("U.S.") do not end a sentence unless the next word is one that
//! usually starts one ("The", "He"). Quotes that run over several sentences are split into their
//! sentences; unbalanced quote marks are tolerated, since the split never depends on them.
//!
//! Known limits: English only; an abbreviation not in the list followed by a capitalised name
//! ("Ala. Governor") splits; a sentence that ends in an initial before "He ..." may not.

use super::clean::is_credit_sentence;
use super::model::{Block, BlockKind, Sentence, Span};

/// Abbreviations that a period follows without ending the sentence (lower case, no period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "sen",
    "rep", "gov", "pres", "sec", "amb", "rev", "st", "jr", "sr", "mt", "ft", "no", "nos", "vs", "v", "jan", "feb",
    "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "bros", "dept", "est",
    "approx", "fig", "al", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex",
    "va", "vt", "wash", "wis", "wyo", "e.g", "i.e", "a.m", "p.m", "u.s", "u.n", "u.k", "e.u", "d.c", "u.s.a",
];

/// Words that, after an abbreviation or acronym, show that a new sentence has begun.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "In",
    "On",
    "At",
    "A",
    "An",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "As",
    "However",
    "Meanwhile",
    "Officials",
    "When",
    "While",
    "If",
    "After",
    "Before",
    "Some",
    "Many",
    "Most",
];

const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '»'];
const OPENERS: &[char] = &['"', '“', '‘', '\'', '(', '[', '«'];

/// Splits the content blocks of `text` into sentences. Every sentence lies within one block.
pub fn split_sentences(text: &str, blocks: &[Block]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for b in blocks {
        if b.kind == BlockKind::Credit {
            continue;
        }
        for span in split_block(text, b.span) {
            let kind = if b.kind == BlockKind::Body && is_credit_sentence(span.text(text)) {
                BlockKind::Credit
            } else {
                b.kind
            };
            out.push(Sentence { span, kind });
        }
    }
    out
}

/// Sentence spans within one block (trimmed of white space).
pub fn split_block(text: &str, block: Span) -> Vec<Span> {
    let t = block.text(text);
    let mut out = Vec::new();
    let mut start = 0usize;
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Run of terminators ("?!", "...").
            let mut j = i;
            while j + 1 < chars.len() && matches!(chars[j + 1].1, '.' | '!' | '?' | '…') {
                j += 1;
            }
            // Closing quotes and brackets.
            let mut k = j + 1;
            while k < chars.len() && CLOSERS.contains(&chars[k].1) {
                k += 1;
            }
            let end = if k < chars.len() { chars[k].0 } else { t.len() };
            // White space, then the next word.
            let mut m = k;
            while m < chars.len() && chars[m].1.is_whitespace() {
                m += 1;
            }
            if m == k && k < chars.len() {
                i = j + 1;
                continue; // no space: "U.S.-Russian", "3.5"
            }
            let mut n = m;
            while n < chars.len() && OPENERS.contains(&chars[n].1) {
                n += 1;
            }
            let next_char = chars.get(n).map(|x| x.1);
            let starts_sentence = match next_char {
                None => true,
                Some(ch) => ch.is_uppercase() || ch.is_ascii_digit() || (n > m && ch.is_alphabetic()),
            };
            if starts_sentence {
                let boundary = if c == '.' && j == i { !is_abbreviation(t, pos, &chars, n) } else { true };
                if boundary {
                    push_trimmed(text, block.start + start, block.start + end, &mut out);
                    start = if m < chars.len() { chars[m].0 } else { t.len() };
                }
            }
            i = k.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(text, block.start + start, block.end, &mut out);
    out
}

/// The period at byte `pos` of `t` follows an abbreviation or initial and the word at char
/// index `next` does not look like a new sentence.
fn is_abbreviation(t: &str, pos: usize, chars: &[(usize, char)], next: usize) -> bool {
    // The token before the period: letters and inner periods.
    let before = &t[..pos];
    let tok_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let tok = &before[tok_start..];
    if tok.is_empty() {
        return false;
    }
    let lower = tok.to_lowercase();
    let single_initial = tok.chars().count() == 1 && tok.chars().all(|c| c.is_uppercase());
    let dotted = tok.contains('.') && tok.split('.').all(|p| p.chars().count() <= 2);
    let known = ABBREVIATIONS.contains(&lower.as_str());
    if !(single_initial || dotted || known) {
        return false;
    }
    // Next word: a common sentence starter ends the sentence after all (not after a title or
    // an initial, where a name follows).
    let next_word: String =
        chars[next.min(chars.len())..].iter().map(|x| x.1).take_while(|c| c.is_alphabetic()).collect();
    let title = matches!(
        lower.as_str(),
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "gen"
            | "lt"
            | "col"
            | "maj"
            | "capt"
            | "sen"
            | "rep"
            | "gov"
            | "st"
            | "rev"
    );
    if single_initial || title {
        return true;
    }
    !SENTENCE_STARTERS.contains(&next_word.as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = super::clean::trim_span(text, Span::new(start, end));
    if !s.is_empty() {
        out.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        split_block(t, Span::new(0, t.len())).into_iter().map(|s| s.text(t)).collect()
    }

    #[test]
    fn simple() {
        assert_eq!(split("One two. Three four! Five? Six"), vec!["One two.", "Three four!", "Five?", "Six"]);
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            split("U.S. President George W. Bush plans to go to Russia. He will meet Putin."),
            vec!["U.S. President George W. Bush plans to go to Russia.", "He will meet Putin."]
        );
        assert_eq!(
            split("Gen. Henry Obering spoke. Lt. Col. Smith did not."),
            vec!["Gen. Henry Obering spoke.", "Lt. Col. Smith did not."]
        );
        assert_eq!(
            split("They met in the U.S. The talks went on."),
            vec!["They met in the U.S.", "The talks went on."]
        );
        assert_eq!(
            split("The U.S.-Russian relations are 3.5 times worse."),
            vec!["The U.S.-Russian relations are 3.5 times worse."]
        );
    }

    #[test]
    fn quotes_spanning_sentences() {
        let t = "\"The Russians have had a week. We look forward to it,\" said Geoff Morrell. Next one.";
        assert_eq!(
            split(t),
            vec!["\"The Russians have had a week.", "We look forward to it,\" said Geoff Morrell.", "Next one."]
        );
        let t = "\"Are you sure?\" he asked. \"Yes.\" She left.";
        assert_eq!(split(t), vec!["\"Are you sure?\" he asked.", "\"Yes.\"", "She left."]);
    }

    #[test]
    fn unbalanced_quotes_and_ellipsis() {
        let t = "Obering said: \"We are very open to Russian participation ... and to collaboration in the broadest sense. \"We would love to share that data.";
        assert_eq!(
            split(t),
            vec![
                "Obering said: \"We are very open to Russian participation ... and to collaboration in the broadest sense.",
                "\"We would love to share that data."
            ]
        );
    }

    #[test]
    fn credit_sentence_is_marked() {
        let t = "Rice will go. VOA correspondent Meredith Buel has a preview of the visit in this report from the State Department.";
        let s = split_sentences(t, &[Block { span: Span::new(0, t.len()), kind: BlockKind::Body }]);
        assert_eq!(s.iter().map(|s| s.kind).collect::<Vec<_>>(), vec![BlockKind::Body, BlockKind::Credit]);
    }
}
