//! Snapshot fixtures: each bundled article annotated with its claims (source, cues, times,
//! numbers, names), and the alignment of the five, so a change in the engine shows as a
//! readable diff in `tests/snapshots/`. Review with `cargo insta review`, or accept with
//! `INSTA_UPDATE=always cargo test --test annotated`.
#![cfg(not(target_arch = "wasm32"))]

use parallax::engine::{analyze, Analysis, Options};
use std::fmt::Write;

fn bundled() -> (Vec<parallax::engine::Article>, Analysis) {
    let articles = parallax::bundled::articles();
    let analysis = analyze(&articles, &Options::default());
    (articles, analysis)
}

/// One article, annotated: a line per claim, with what the engine found in it.
fn annotate(text: &str, analysis: &Analysis, doc: &str) -> String {
    let d = analysis.doc(doc).expect("doc");
    let mut o = String::new();
    let outlet = d.outlet.as_ref().map(|o| o.name.as_str()).unwrap_or("(no credit line)");
    writeln!(o, "outlet: {outlet}").unwrap();
    if let Some(p) = d.dateline {
        writeln!(o, "dateline: {}", p.text(text)).unwrap();
    }
    for f in &d.furniture {
        writeln!(o, "furniture: {:?} ({})", f.span.text(text), f.what).unwrap();
    }
    for c in &d.claims {
        writeln!(o, "\n[{}] {:?} {}", c.id, c.kind, c.span.text(text)).unwrap();
        if let Some(s) = &c.source {
            writeln!(o, "    source: {}{}", s.speaker, if s.direct { " (direct quote)" } else { "" }).unwrap();
        }
        for q in &c.numbers {
            writeln!(
                o,
                "    number: {:?} = {}..{} {}",
                q.span.text(text),
                q.low,
                q.high,
                q.unit.as_deref().unwrap_or("-")
            )
            .unwrap();
        }
        for t in &c.times {
            writeln!(o, "    time: {:?} {:?}", t.span.text(text), t.kind).unwrap();
        }
        for cue in &c.cues {
            writeln!(o, "    {:?}: {:?}", cue.kind, cue.span.text(text)).unwrap();
        }
        let names: Vec<String> = c.names.iter().map(|m| format!("{} [{}]", m.text, m.entity)).collect();
        if !names.is_empty() {
            writeln!(o, "    names: {}", names.join(", ")).unwrap();
        }
        let groups: Vec<String> =
            analysis.groups_of(&c.id).map(|g| format!("{} {}", g.id, g.relation.as_str())).collect();
        if !groups.is_empty() {
            writeln!(o, "    groups: {}", groups.join(", ")).unwrap();
        }
    }
    o
}

#[test]
fn bundled_articles_annotated() {
    let (articles, analysis) = bundled();
    for a in &articles {
        let name = a.id.trim_end_matches(".txt").to_string();
        insta::assert_snapshot!(name, annotate(&a.text, &analysis, &a.id));
    }
}

#[test]
fn bundled_alignment() {
    let (articles, analysis) = bundled();
    let text = |doc: &str| articles.iter().find(|a| a.id == doc).map(|a| a.text.as_str()).unwrap_or("");
    let mut o = String::new();
    for g in &analysis.groups {
        writeln!(o, "{} {} ({}, score {:.2}): {}", g.id, g.relation.as_str(), g.level, g.score, g.label).unwrap();
        for id in &g.claims {
            let c = analysis.claim(id).unwrap();
            writeln!(o, "    {} {}: {}", &c.doc[..3], c.id, c.span.text(text(&c.doc))).unwrap();
        }
        for d in &g.differences {
            writeln!(o, "    ~ {} ({}): {}", d.kind.as_str(), d.effect.as_str(), d.note).unwrap();
        }
    }
    writeln!(o, "\nentities:").unwrap();
    for e in &analysis.entities {
        let sp: Vec<String> = e.spellings.iter().map(|s| format!("{} x{}", s.text, s.count)).collect();
        writeln!(
            o,
            "    {} {:?} {}: {}{}",
            e.id,
            e.kind,
            e.name,
            sp.join("; "),
            if e.spelling_differs { "  [spelling differs]" } else { "" }
        )
        .unwrap();
    }
    insta::assert_snapshot!("alignment", o);
}

#[test]
fn outlets_of_the_bundled_articles() {
    let (_, analysis) = bundled();
    let outlets: Vec<Option<&str>> = analysis.docs.iter().map(|d| d.outlet.as_ref().map(|o| o.name.as_str())).collect();
    assert_eq!(outlets, vec![Some("Reuters"), Some("VOA"), Some("CNN"), None, Some("AFP")]);
}

#[test]
fn the_interceptor_count_is_one_compatible_fact() {
    let (articles, analysis) = bundled();
    let text = |doc: &str| articles.iter().find(|a| a.id == doc).map(|a| a.text.as_str()).unwrap_or("");
    let g = analysis
        .groups
        .iter()
        .find(|g| {
            let texts: Vec<&str> =
                g.claims.iter().filter_map(|id| analysis.claim(id)).map(|c| c.span.text(text(&c.doc))).collect();
            texts.iter().any(|t| t.contains("nine or ten interceptors"))
                && texts.iter().any(|t| t.contains("10 interceptor missiles"))
        })
        .expect("a group joins 'nine or ten interceptors' and '10 interceptor missiles'");
    assert_eq!(g.relation, parallax::engine::Relation::Compatible);
    assert!(g.differences.iter().any(|d| d.kind == parallax::engine::DifferenceKind::Number));
}

#[test]
fn spelling_variants_are_one_entity_and_flagged() {
    let (_, analysis) = bundled();
    let serdyukov = analysis.entities.iter().find(|e| e.name == "Anatoly Serdyukov").expect("Serdyukov");
    assert!(serdyukov.spelling_differs);
    assert!(serdyukov.spellings.iter().any(|s| s.text == "Anatoly Serdukov" && s.docs == ["004_742d5dcaba902641.txt"]));
    let lavrov =
        analysis.entities.iter().find(|e| e.spellings.iter().any(|s| s.text == "Sergey Lavrov")).expect("Lavrov");
    assert!(lavrov.spellings.iter().any(|s| s.text == "Sergei Lavrov"));
    let ivanov = analysis.entities.iter().find(|e| e.name == "Sergei Ivanov").expect("Ivanov");
    assert_ne!(ivanov.id, lavrov.id);
}
