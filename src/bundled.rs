//! The five bundled wire stories (2007-08 US-Russia missile-defence talks), compiled in, and
//! their analysis, precomputed at build time (`assets/bundled-analysis.json`: the page shows it
//! on its first view without the lexicon, issue 8; `tests/bundled_analysis.rs` keeps it equal
//! to a fresh analysis). They belong to their outlets and are included as sample material (see
//! NOTICE).

use crate::engine::Article;

/// (document id, text), in the order of their file names.
pub const ARTICLES: &[(&str, &str)] = &[
    ("000_59f64d01507f9a7e.txt", include_str!("../assets/articles/000_59f64d01507f9a7e.txt")),
    ("001_9034de37746ab25b.txt", include_str!("../assets/articles/001_9034de37746ab25b.txt")),
    ("002_997de83ce86dabb3.txt", include_str!("../assets/articles/002_997de83ce86dabb3.txt")),
    ("003_83f43f7003ad4c7c.txt", include_str!("../assets/articles/003_83f43f7003ad4c7c.txt")),
    ("004_742d5dcaba902641.txt", include_str!("../assets/articles/004_742d5dcaba902641.txt")),
];

/// The bundled articles as engine input.
pub fn articles() -> Vec<Article> {
    ARTICLES
        .iter()
        .map(|(id, text)| Article { id: id.to_string(), text: text.to_string(), meta: Default::default() })
        .collect()
}

/// Where the precomputed analysis lives, from the repository root.
pub const PRECOMPUTED_PATH: &str = "assets/bundled-analysis.json";

/// `engine::analyze(&articles(), &Options::default())` as JSON (serde), written by
/// `examples/bundled_analysis.rs` (run by Trunk's pre_build hook).
pub const PRECOMPUTED: &str = include_str!("../assets/bundled-analysis.json");

/// The JSON [`PRECOMPUTED`] must hold: a fresh analysis of [`articles`]. Native only.
#[cfg(not(target_arch = "wasm32"))]
pub fn analysis_json() -> String {
    let analysis = crate::engine::analyze(&articles(), &crate::engine::Options::default());
    let mut json = serde_json::to_string(&analysis).unwrap_or_default();
    json.push('\n');
    json
}
