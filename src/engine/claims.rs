//! Claims: each content sentence gives one claim, or one per clause when it joins two
//! statements ("Russia opposes the plan, but ... the U.S. has presented proposals"; "...; ...").
//! A claim carries the sentence's source and the names, numbers, times and cues inside it.
//!
//! Known limits: clauses are split only at a semicolon and at "but" / "while" / "whereas"
//! between two stretches of four words or more; relative clauses and coordinated verbs
//! ("offered X and invited Y") stay one claim.

use super::model::Span;
use super::tokens;

/// Words at which a sentence splits into two claims, when both sides are long enough.
const CLAUSE_SPLITS: &[&str] = &["but", "while", "whereas"];

/// The minimum number of words on each side of a split.
const MIN_CLAUSE_WORDS: usize = 4;

/// Splits a sentence into the spans of its claims (clauses). The spans cover the sentence
/// without gaps except the white space at the splits.
pub fn split_clauses(text: &str, sentence: Span) -> Vec<Span> {
    let toks = tokens::words(text, sentence);
    let mut cuts: Vec<usize> = Vec::new(); // byte offsets where a new clause starts
    let mut last_cut_tok = 0usize;
    let mut depth_quote = false;
    for (i, t) in toks.iter().enumerate() {
        let gap_start = if i == 0 { sentence.start } else { toks[i - 1].span.end };
        let gap = text.get(gap_start..t.span.start).unwrap_or("");
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
        let lw = t.text.to_lowercase();
        if CLAUSE_SPLITS.contains(&lw.as_str()) && !depth_quote {
            // "but" right after a comma, or "but was/but not": a new statement.
            let next = toks.get(i + 1).map(|n| n.text.to_lowercase()).unwrap_or_default();
            let comma = gap.contains(',');
            let verbish = matches!(
                next.as_str(),
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
    fn keeps_short_or_quoted_or_single_statements() {
        assert_eq!(clauses("Russia opposes the plan."), vec!["Russia opposes the plan."]);
        assert_eq!(clauses("Short, but fine."), vec!["Short, but fine."]);
        assert_eq!(
            clauses("\"We have differences, but we are very serious about cooperation,\" she said."),
            vec!["\"We have differences, but we are very serious about cooperation,\" she said."]
        );
    }
}
