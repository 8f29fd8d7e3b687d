//! Property tests: any input string analyses without panic; every span the engine returns is
//! in bounds and on character boundaries; sentences lie inside the text, in order, without
//! overlap.
#![cfg(not(target_arch = "wasm32"))]

use parallax::engine::{analyze, Analysis, Article, Options, Span};
use proptest::prelude::*;

fn check_span(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end && s.end <= text.len(), "{what} {s:?} out of bounds ({} bytes)", text.len());
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{what} {s:?} not on char boundaries");
}

fn check_analysis(texts: &[String], a: &Analysis) {
    for (d, text) in a.docs.iter().zip(texts) {
        let mut last_end = 0;
        for s in &d.sentences {
            check_span(text, s.span, "sentence");
            assert!(s.span.start >= last_end, "sentences overlap");
            last_end = s.span.end;
        }
        for f in &d.furniture {
            check_span(text, f.span, "furniture");
        }
        for c in &d.claims {
            check_span(text, c.span, "claim");
            for q in &c.numbers {
                check_span(text, q.span, "number");
                assert!(c.span.contains(q.span));
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
            let i = a.docs.iter().position(|d| d.doc == m.doc).unwrap();
            check_span(&texts[i], Span::new(m.start, m.end), "entity mention");
        }
    }
    for g in &a.groups {
        assert!(g.claims.iter().all(|c| a.claim(c).is_some()), "group names an unknown claim");
        for d in &g.differences {
            for s in &d.spans {
                let i = a.docs.iter().position(|x| x.doc == s.doc).unwrap();
                check_span(&texts[i], Span::new(s.start, s.end), "difference");
            }
        }
    }
}

fn run(texts: Vec<String>) {
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article { id: format!("d{i}"), text: t.clone(), meta: Default::default() })
        .collect();
    let a = analyze(&articles, &Options::default());
    check_analysis(&texts, &a);
}

/// Text made of news-like pieces and hostile characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S. ".to_string()),
        Just("Gates said ".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just(". ".to_string()),
        Just("nine or ten interceptors ".to_string()),
        Just("10 ".to_string()),
        Just("Serdyukov ".to_string()),
        Just("E-mail to a friend ".to_string()),
        Just("\n".to_string()),
        Just("  • ".to_string()),
        Just("( Reuter )- ".to_string()),
        Just("MOSCOW (CNN) -- ".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\0".to_string()),
        Just("é".to_string()),
        Just("🚀".to_string()),
        Just("مرحبا ".to_string()),
        Just("Thursday ".to_string()),
        Just("5-6,000 ".to_string()),
        "[a-zA-Z ,.;:!?'\"-]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_string_analyses_with_spans_in_bounds(s in any::<String>()) {
        run(vec![s]);
    }

    #[test]
    fn news_like_strings_analyse_with_spans_in_bounds(a in newsy(), b in newsy(), c in newsy()) {
        run(vec![a, b, c]);
    }
}

#[test]
fn adversarial_inputs() {
    let long_line = "word ".repeat(20_000);
    let periods = ".".repeat(5_000);
    let cases = vec![
        String::new(),
        "   \n\t  \n".to_string(),
        long_line,
        periods,
        "Ünïcödé “quotes” — and ‘more’ … done. Next one!".to_string(),
        "שלום עולם. مرحبا بالعالم. Hello.".to_string(),
        "\0\0\0 binary \u{1} stuff".to_string(),
        "a\u{200b}b\u{200d}c. \u{feff}D e f.".to_string(),
        "🚀🚀. 🎉 Gates said \"".to_string(),
        "\"\"\"\"\"".to_string(),
    ];
    run(cases);
}
