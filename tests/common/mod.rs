//! Shared by the property tests (tests/properties.rs), the bounds tests (tests/bounds.rs), the
//! fuzz replay (tests/fuzz_replay.rs) and the cargo-fuzz target (fuzz/fuzz_targets/analyze.rs):
//! checks that every span an analysis returns is in bounds and on character boundaries.
#![allow(dead_code)]

use parallax::engine::{analyze, cap_text, Analysis, Article, Options, Span};

/// Panics with `what` unless `s` is a valid range of `text` on character boundaries.
pub fn check_span(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end && s.end <= text.len(), "{what} {s:?} out of bounds ({} bytes)", text.len());
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{what} {s:?} not on char boundaries");
}

fn doc_index(a: &Analysis, doc: &str, what: &str) -> usize {
    a.docs.iter().position(|d| d.doc == doc).unwrap_or_else(|| panic!("{what} names an unknown document {doc:?}"))
}

/// Checks every item of `a` against `texts` (the analysed text of each document, in order:
/// the article's text capped at `Options::max_article_bytes`): blocks, furniture, the outlet and
/// the dateline, sentences (in order, no overlap), claims and everything in them (numbers and
/// their units, times, cues, names, sources), entity mentions, group differences; and that
/// groups and single-source lists name claims that exist.
pub fn check_analysis(texts: &[&str], a: &Analysis) {
    assert_eq!(a.docs.len(), texts.len(), "one DocAnalysis per article");
    for (d, text) in a.docs.iter().zip(texts) {
        let text = *text;
        for b in &d.blocks {
            check_span(text, b.span, "block");
        }
        for f in &d.furniture {
            check_span(text, f.span, "furniture");
        }
        if let Some(s) = d.outlet.as_ref().and_then(|o| o.span) {
            check_span(text, s, "outlet");
        }
        if let Some(s) = d.dateline {
            check_span(text, s, "dateline");
        }
        let mut last_end = 0;
        for s in &d.sentences {
            check_span(text, s.span, "sentence");
            assert!(s.span.start >= last_end, "sentences overlap at {:?}", s.span);
            last_end = s.span.end;
        }
        for c in &d.claims {
            assert_eq!(c.doc, d.doc, "claim {} filed under the wrong document", c.id);
            assert!(c.sentence < d.sentences.len().max(1), "claim {} names sentence {}", c.id, c.sentence);
            check_span(text, c.span, "claim");
            for q in &c.numbers {
                check_span(text, q.span, "number");
                assert!(c.span.contains(q.span), "number {:?} outside its claim {:?}", q.span, c.span);
                if let Some(u) = q.unit_span {
                    check_span(text, u, "unit");
                }
            }
            for t in &c.times {
                check_span(text, t.span, "time");
            }
            for cue in &c.cues {
                check_span(text, cue.span, "cue");
            }
            for m in &c.names {
                check_span(text, m.span, "name");
            }
            if let Some(s) = &c.source {
                check_span(text, s.span, "source");
            }
        }
    }
    for e in &a.entities {
        for m in &e.mentions {
            let i = doc_index(a, &m.doc, "entity mention");
            check_span(texts[i], Span { start: m.start, end: m.end }, "entity mention");
        }
    }
    let claim_ids: std::collections::HashSet<&str> = a.claims().map(|c| c.id.as_str()).collect();
    for g in &a.groups {
        assert!(g.claims.iter().all(|c| claim_ids.contains(c.as_str())), "group {} names an unknown claim", g.id);
        for d in &g.differences {
            for s in &d.spans {
                let i = doc_index(a, &s.doc, "difference");
                check_span(texts[i], Span { start: s.start, end: s.end }, "difference");
            }
        }
        for l in &g.links {
            assert!(l.score.is_finite(), "link score {} in group {}", l.score, g.id);
        }
        assert!(g.score.is_finite(), "group {} score {}", g.id, g.score);
    }
    assert!(a.single_source.iter().all(|c| claim_ids.contains(c.as_str())), "single_source names an unknown claim");
}

/// The articles `d0`, `d1`, … with these texts and no metadata.
pub fn articles(texts: &[&str]) -> Vec<Article> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article { id: format!("d{i}"), text: t.to_string(), meta: Default::default() })
        .collect()
}

/// Analyses `texts` (one article each) with `options` and checks the result; returns it.
pub fn run_with(texts: &[&str], options: &Options) -> Analysis {
    let a = analyze(&articles(texts), options);
    let capped: Vec<&str> = texts.iter().map(|t| cap_text(t, options.max_article_bytes)).collect();
    check_analysis(&capped, &a);
    a
}

/// As `run_with`, with the default options.
pub fn run(texts: &[&str]) -> Analysis {
    run_with(texts, &Options::default())
}

/// The fuzz harness (fuzz/fuzz_targets/analyze.rs, tests/fuzz_replay.rs): the bytes, read as
/// UTF-8 with replacement, split at U+001E (record separator) into at most four articles. When
/// the first byte is odd, the size cap is small (16 × the second byte), so capping is fuzzed
/// too. Panics on any bad span.
pub fn fuzz_one(data: &[u8]) {
    let options = match data {
        [a, b, ..] if a % 2 == 1 => Options { max_article_bytes: *b as usize * 16 },
        _ => Options::default(),
    };
    let text = String::from_utf8_lossy(data);
    let texts: Vec<&str> = text.splitn(4, '\u{1e}').collect();
    run_with(&texts, &options);
}
