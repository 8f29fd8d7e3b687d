//! Diagnostic for tuning the matcher honestly: for every pair of gold quotes (from two articles)
//! that state one gold claim, the score the matcher gives the two claims covering them, with
//! its reasons, and for every predicted link between claims of two different gold claims, the
//! same. Reads a gold file in the format of `../shared/eval/seed-gold.json`.
//!
//!     cargo run --release --example gold_pairs -- GOLD.json ARTICLES_DIR [--missed]
//!
//! Prints one line per pair: score, gold claim, the two quotes, the reasons. Never used by the
//! program itself; it only reads the engine's public API.

use parallax::engine::align::{explain_pair, prepare, score_pair, LINK_THRESHOLD};
use parallax::engine::{analyze, Article, ArticleMeta, Claim, Options};
use std::collections::HashMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: gold_pairs GOLD.json ARTICLES_DIR [--missed]");
        std::process::exit(2);
    }
    let missed_only = args.iter().any(|a| a == "--missed");
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&args[0]).expect("gold")).expect("json");
    let mut paths: Vec<_> =
        std::fs::read_dir(&args[1]).expect("dir").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    let articles: Vec<Article> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| Article {
            id: p.file_name().unwrap().to_string_lossy().into_owned(),
            text: std::fs::read_to_string(p).expect("article"),
            meta: ArticleMeta::default(),
        })
        .collect();
    let analysis = analyze(&articles, &Options::default());
    let texts: HashMap<&str, &str> = articles.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect();
    let claims: Vec<&Claim> = analysis.claims().collect();
    let (feats, ctx) = prepare(&claims, &|c: &Claim| texts[c.doc.as_str()]);
    // The claim covering a quote: the one overlapping most of it (at least half).
    let cover = |doc: &str, s: usize, e: usize| -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, c) in claims.iter().enumerate() {
            if c.doc != doc {
                continue;
            }
            let ov = e.min(c.span.end).saturating_sub(s.max(c.span.start));
            if ov * 2 >= (e - s) && best.is_none_or(|(b, _)| ov > b) {
                best = Some((ov, i));
            }
        }
        best.map(|(_, i)| i)
    };
    let mut gold_of: HashMap<usize, Vec<String>> = HashMap::new();
    for cl in gold["clusters"].as_array().unwrap() {
        let id = cl["id"].as_str().unwrap().to_string();
        let ms: Vec<(String, Option<usize>, String)> = cl["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                let doc = m["doc"].as_str().unwrap();
                let (s, e) = (m["byte_start"].as_u64().unwrap() as usize, m["byte_end"].as_u64().unwrap() as usize);
                (doc.to_string(), cover(doc, s, e), m["quote"].as_str().unwrap().to_string())
            })
            .collect();
        for (_, c, _) in &ms {
            if let Some(c) = c {
                gold_of.entry(*c).or_default().push(id.clone());
            }
        }
        for i in 0..ms.len() {
            for j in i + 1..ms.len() {
                if ms[i].0 == ms[j].0 {
                    continue;
                }
                let (Some(a), Some(b)) = (ms[i].1, ms[j].1) else {
                    println!("  -.-- {id}: uncovered quote");
                    continue;
                };
                let s = explain_pair(claims[a], &feats[a], claims[b], &feats[b], &ctx);
                if missed_only && s.score >= LINK_THRESHOLD {
                    continue;
                }
                let reasons: Vec<String> = s.reasons.iter().map(|r| format!("{}:{:.2}", r.what, r.weight)).collect();
                println!("{:.2} {id}: {:?} ~ {:?}  [{}]", s.score, ms[i].2, ms[j].2, reasons.join(", "));
            }
        }
    }
    // Separation: over the judged pairs (both claims cover gold quotes, different articles),
    // the pair F1 a plain threshold on the score would give.
    let mut judged: Vec<(f64, bool)> = Vec::new();
    for a in 0..claims.len() {
        for b in a + 1..claims.len() {
            if claims[a].doc == claims[b].doc {
                continue;
            }
            let (Some(ga), Some(gb)) = (gold_of.get(&a), gold_of.get(&b)) else { continue };
            let s = score_pair(claims[a], &feats[a], claims[b], &feats[b], &ctx);
            judged.push((s, ga.iter().any(|g| gb.contains(g))));
        }
    }
    let positives = judged.iter().filter(|j| j.1).count();
    let f1_at = |t: f64| {
        let tp = judged.iter().filter(|j| j.1 && j.0 >= t).count() as f64;
        let fp = judged.iter().filter(|j| !j.1 && j.0 >= t).count() as f64;
        let (p, r) = (tp / (tp + fp).max(1.0), tp / (positives as f64).max(1.0));
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let best =
        (1..100)
            .map(|i| i as f64 / 100.0)
            .map(|t| (f1_at(t), t))
            .fold((0.0, 0.0), |a, b| if b.0 > a.0 { b } else { a });
    println!(
        "-- judged claim pairs {} (positive {positives}); link F1 at {LINK_THRESHOLD}: {:.3}; best {:.3} at {:.2}",
        judged.len(),
        f1_at(LINK_THRESHOLD),
        best.0,
        best.1
    );
    if args.iter().any(|a| a == "--summary") {
        return;
    }
    println!("-- links above the threshold between claims of different gold claims:");
    for a in 0..claims.len() {
        for b in a + 1..claims.len() {
            if claims[a].doc == claims[b].doc {
                continue;
            }
            let (Some(ga), Some(gb)) = (gold_of.get(&a), gold_of.get(&b)) else { continue };
            if ga.iter().any(|g| gb.contains(g)) {
                continue;
            }
            let s = explain_pair(claims[a], &feats[a], claims[b], &feats[b], &ctx);
            if s.score >= LINK_THRESHOLD {
                let reasons: Vec<String> = s.reasons.iter().map(|r| format!("{}:{:.2}", r.what, r.weight)).collect();
                let ta = claims[a].span.text(texts[claims[a].doc.as_str()]);
                let tb = claims[b].span.text(texts[claims[b].doc.as_str()]);
                println!("{:.2} {ga:?}~{gb:?}: {ta:?} ~ {tb:?}  [{}]", s.score, reasons.join(", "));
            }
        }
    }
}
