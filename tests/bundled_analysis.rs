//! The precomputed analysis of the bundled articles (`assets/bundled-analysis.json`, shown by
//! the page on its first view without running the engine) must equal a fresh analysis: a
//! change to the engine or the articles that is not followed by
//! `cargo run --example bundled_analysis` (which `trunk build` runs) fails here.
#![cfg(not(target_arch = "wasm32"))]

use parallax::bundled;
use parallax::engine::{analyze, Analysis, Options};

#[test]
fn precomputed_analysis_equals_a_fresh_one() {
    let stored: Analysis =
        serde_json::from_str(bundled::PRECOMPUTED).expect("assets/bundled-analysis.json is not an Analysis");
    let fresh = analyze(&bundled::articles(), &Options::default());
    assert!(
        stored == fresh,
        "assets/bundled-analysis.json is stale: run `cargo run --example bundled_analysis` (trunk build runs it)"
    );
    assert_eq!(bundled::PRECOMPUTED, bundled::analysis_json(), "same analysis, different text: regenerate the file");
}
