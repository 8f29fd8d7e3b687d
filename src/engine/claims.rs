//! Claims: each content sentence gives one claim, or one per clause when it joins two
//! statements ("Russia opposes the plan, but ... the U.S. has presented proposals"; "...; ...").
//! A claim carries the sentence's source and the names, numbers, times and cues inside it.
//!
//! Clauses are split, between two stretches of four words or more, at a semicolon; at "but" /
//! "while" / "whereas"; after a comma at a clause opener ("as", "including", "saying",
//! "which") or a purpose "to"; and at "and" before a finite or past-tense verb ("went to
//! Moscow and offered ...") or before a new subject with a verb of saying. The same rules
//! split inside a direct quote (a quoted list of proposals states one claim per item), except
//! that a verb of saying after "and" there belongs to the quote's attribution. A short aside
//! closed by a comma ("..., as we say, ...") opens no clause.
//!
//! Known limits: no parser, so these are word rules: a second clause may lack its subject
//! ("and offered to grant access"); "and" before a verb that is not in the short list or
//! does not end in "-ed" ("and gave" is listed, "and sought" is not) does not split; a
//! relative clause without a comma stays in its sentence.

use super::model::Span;
use super::tokens;

/// Words at which a sentence splits into two claims, when both sides are long enough.
const CLAUSE_SPLITS: &[&str] = &["but", "while", "whereas"];

/// The minimum number of words on each side of a split.
const MIN_CLAUSE_WORDS: usize = 4;

/// Splits a sentence into the spans of its claims (clauses). The spans cover the sentence
/// without gaps except the white space at the splits.
pub fn split_clauses(text: &str, sentence: Span) -> Vec<Span> {
    split_clauses_in(text, sentence, &tokens::words(text, sentence))
}

/// [`split_clauses`] over the sentence's word tokens, already made.
pub fn split_clauses_in(text: &str, sentence: Span, toks: &[tokens::Token]) -> Vec<Span> {
    let mut cuts: Vec<usize> = Vec::new(); // byte offsets where a new clause starts
    let mut last_cut_tok = 0usize;
    let mut depth_quote = false;
    for (i, t) in toks.iter().enumerate() {
        let gap = gap_before(text, sentence, toks, i);
        for c in gap.chars() {
            match c {
                '“' => depth_quote = true,
                '”' => depth_quote = false,
                '"' => depth_quote = !depth_quote,
                _ => {}
            }
        }
        let words_before = i - last_cut_tok;
        let words_after = toks.len() - i;
        if words_before < MIN_CLAUSE_WORDS || words_after < MIN_CLAUSE_WORDS + 1 {
            continue;
        }
        if gap.contains(';') {
            cuts.push(t.span.start);
            last_cut_tok = i;
            continue;
        }
        let lw = tokens::lower(t.text);
        if starts_clause(text, sentence, toks, i, !depth_quote) {
            cuts.push(t.span.start);
            last_cut_tok = i;
            continue;
        }
        if CLAUSE_SPLITS.contains(&&*lw) {
            // "but" right after a comma, or "but was/but not": a new statement.
            let next = toks.get(i + 1).map(|n| tokens::lower(n.text)).unwrap_or_default();
            let comma = gap.contains(',');
            let verbish = matches!(
                &*next,
                "was"
                    | "were"
                    | "is"
                    | "are"
                    | "has"
                    | "have"
                    | "had"
                    | "said"
                    | "says"
                    | "did"
                    | "does"
                    | "will"
                    | "would"
            );
            if comma || (lw == "but" && verbish) {
                cuts.push(t.span.start);
                last_cut_tok = i;
            }
        }
    }
    let mut out = Vec::new();
    let mut start = sentence.start;
    for c in cuts {
        let s = super::clean::trim_span(text, Span::new(start, c));
        // Drop the joining punctuation at the end of the first clause.
        let st = s.text(text);
        let trimmed = st.trim_end_matches([',', ';', ' ']);
        if !trimmed.is_empty() {
            out.push(Span::new(s.start, s.start + trimmed.len()));
        }
        start = c;
    }
    let last = super::clean::trim_span(text, Span::new(start, sentence.end));
    if !last.is_empty() {
        out.push(last);
    }
    out
}

/// Finite verbs and auxiliaries that start a coordinated predicate after "and" ("... and
/// offered", "... and does not believe").
const FINITE: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "does", "did",
    "do", "should", "must", "says", "said", "told", "went", "gave", "made", "took", "met", "sent", "left", "became",
    "brought", "began", "called", "wants",
];

/// Words that open a new statement right after a comma (or a dash): a subordinate or
/// participial clause that adds a fact of its own ("..., as Washington tried to ...",
/// "..., including possible data transfer", "..., saying they would have preferred ...").
const AFTER_COMMA: &[&str] = &["as", "including", "saying", "adding", "which", "whereas", "although", "though"];

/// Verbs of saying that, a few words after "and", show a new clause with its own subject
/// ("... measures and spokesman Sean McCormack says talks ...").
const SPEECH: &[&str] = &["says", "said", "told", "added", "adds"];

/// The text between token `i - 1` (or the sentence's start) and token `i`: spaces and
/// punctuation.
fn gap_before<'t>(text: &'t str, sentence: Span, toks: &[tokens::Token], i: usize) -> &'t str {
    let start = if i == 0 { sentence.start } else { toks[i - 1].span.end };
    toks.get(i).and_then(|t| text.get(start..t.span.start)).unwrap_or("")
}

/// Whether token `i` of `sentence` opens a new clause, beyond the "but"/"while" rule: after a
/// comma, a clause opener or "to" (a purpose clause: "..., to counter ..."), unless a comma
/// closes it within three words (an aside: "..., as we say, ..."); "and" before a finite or
/// past-tense verb (a second predicate) or, when `speech` (outside a direct quote, where the
/// verb would belong to the quote's attribution), before a new subject with a verb of saying.
fn starts_clause(text: &str, sentence: Span, toks: &[tokens::Token], i: usize, speech: bool) -> bool {
    let lw = tokens::lower(toks[i].text);
    let gap = gap_before(text, sentence, toks, i);
    let comma = gap.contains(',') || gap.contains("--") || gap.contains('—');
    let next = toks.get(i + 1).map(|n| tokens::lower(n.text)).unwrap_or_default();
    let aside = || (i + 1..i + 4).any(|k| gap_before(text, sentence, toks, k).contains(','));
    if comma && (AFTER_COMMA.contains(&&*lw) || lw == "to") && !aside() {
        return true;
    }
    if lw != "and" {
        return false;
    }
    if comma && next == "to" {
        return true;
    }
    let past = next.len() > 4 && next.ends_with("ed") && next.chars().all(|c| c.is_ascii_lowercase());
    if FINITE.contains(&&*next) || past {
        return true;
    }
    speech && toks[i + 1..].iter().take(5).any(|t| SPEECH.contains(&&*tokens::lower(t.text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(t: &str) -> Vec<&str> {
        split_clauses(t, Span::new(0, t.len())).into_iter().map(|s| s.text(t)).collect()
    }

    #[test]
    fn splits_two_statements() {
        assert_eq!(
            clauses("Russia opposes the plan, but according to State Department spokesman Sean McCormack the U.S. has presented proposals."),
            vec!["Russia opposes the plan", "but according to State Department spokesman Sean McCormack the U.S. has presented proposals."]
        );
        assert_eq!(
            clauses("US Defence Secretary Robert Gates offered Russia cooperation on missile defence activities Monday but was rebuffed by Moscow."),
            vec!["US Defence Secretary Robert Gates offered Russia cooperation on missile defence activities Monday", "but was rebuffed by Moscow."]
        );
        assert_eq!(
            clauses("The other issues included economic trade and investments; Kosovo, whose declaration is opposed by Russia, and Afghanistan."),
            vec!["The other issues included economic trade and investments", "Kosovo, whose declaration is opposed by Russia, and Afghanistan."]
        );
    }

    #[test]
    fn splits_coordinated_predicates_and_added_clauses() {
        assert_eq!(
            clauses("The United States is offering to allow Russian monitors at the missile sites, and to negotiate limits to the system over time."),
            vec!["The United States is offering to allow Russian monitors at the missile sites", "and to negotiate limits to the system over time."]
        );
        assert_eq!(
            clauses(
                "It says the plan is a threat to its national security and does not believe US assurances about Iran."
            ),
            vec![
                "It says the plan is a threat to its national security",
                "and does not believe US assurances about Iran."
            ]
        );
        assert_eq!(
            clauses("Rice and Gates went to Moscow last week and offered to grant Russians access to the sites."),
            vec!["Rice and Gates went to Moscow last week", "and offered to grant Russians access to the sites."]
        );
        assert_eq!(
            clauses("Bush offered to explain his plans to Moscow, the Kremlin said, as Washington tried to cool Russian anger."),
            vec!["Bush offered to explain his plans to Moscow, the Kremlin said", "as Washington tried to cool Russian anger."]
        );
        assert_eq!(
            clauses("Officials are proposing a range of confidence-building measures and spokesman Sean McCormack says talks will continue."),
            vec!["Officials are proposing a range of confidence-building measures", "and spokesman Sean McCormack says talks will continue."]
        );
    }

    #[test]
    fn keeps_coordinated_names_and_nouns_together() {
        assert_eq!(
            clauses("The radar in Poland and the Czech Republic is designed to defend against attacks."),
            vec!["The radar in Poland and the Czech Republic is designed to defend against attacks."]
        );
        assert_eq!(
            clauses("They discussed transparency and confidence-building measures and joint early warning."),
            vec!["They discussed transparency and confidence-building measures and joint early warning."]
        );
    }

    #[test]
    fn splits_statements_inside_a_direct_quote() {
        // A quoted list of proposals states one claim per item, as it would outside quotes.
        assert_eq!(
            clauses("“We could work together to explore new concepts and technologies, to share early warning data, to promote stability and to improve our forces,” he said."),
            vec![
                "“We could work together to explore new concepts and technologies",
                "to share early warning data",
                "to promote stability and to improve our forces,” he said."
            ]
        );
        assert_eq!(
            clauses(
                "\"It will defend against threats from the Middle East, and is not aimed at Russia,\" Hadley said."
            ),
            vec!["\"It will defend against threats from the Middle East", "and is not aimed at Russia,\" Hadley said."]
        );
        // "but" after a comma splits inside a quote as outside.
        assert_eq!(
            clauses(
                "“We have serious differences on this issue, but we are very serious about cooperation,” she said."
            ),
            vec!["“We have serious differences on this issue", "but we are very serious about cooperation,” she said."]
        );
        // "and" a few words before the attribution's verb of saying is still inside the quote.
        assert_eq!(
            clauses("“The system is a factor that can have a significant influence on regional and global security,” Serdyukov said."),
            vec!["“The system is a factor that can have a significant influence on regional and global security,” Serdyukov said."]
        );
    }

    #[test]
    fn keeps_asides_inside_their_clause() {
        // "as we say" is an aside closed by a comma, not a clause.
        assert_eq!(
            clauses("The installations in Poland are, as we say, about potential threats coming from the Middle East."),
            vec!["The installations in Poland are, as we say, about potential threats coming from the Middle East."]
        );
        // "as" opening a longer clause still splits.
        assert_eq!(
            clauses("Gates met his counterpart in Moscow on Monday, as Washington tried to cool Russian anger over the scheme."),
            vec!["Gates met his counterpart in Moscow on Monday", "as Washington tried to cool Russian anger over the scheme."]
        );
    }

    #[test]
    fn keeps_short_or_single_statements() {
        assert_eq!(clauses("Russia opposes the plan."), vec!["Russia opposes the plan."]);
        assert_eq!(clauses("Short, but fine."), vec!["Short, but fine."]);
        assert_eq!(
            clauses("\"We have differences, but we are very serious about cooperation,\" she said."),
            vec!["\"We have differences, but we are very serious about cooperation,\" she said."]
        );
    }
}
