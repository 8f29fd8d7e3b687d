//! The precomputed analysis of the bundled articles (`assets/bundled-analysis.json`, shown by
//! the page on its first view without running the engine) must equal a fresh analysis: a
//! change to the engine or the articles that is not followed by
//! `cargo run --example bundled_analysis` (which `trunk build` runs) fails here.
#![cfg(not(target_arch = "wasm32"))]

use parallax::bundled;
use parallax::engine::Analysis;

#[test]
fn precomputed_analysis_equals_a_fresh_one() {
    // Compared as text: serialisation is deterministic (f64 as the shortest text that reads
    // back exactly), while serde_json's default float parsing is not exact to the last bit.
    // tests/web.rs compares the parsed values in the browser (JSON.parse is exact).
    assert!(
        serde_json::from_str::<Analysis>(bundled::PRECOMPUTED).is_ok(),
        "assets/bundled-analysis.json is not an Analysis"
    );
    assert!(
        bundled::PRECOMPUTED == bundled::analysis_json(),
        "assets/bundled-analysis.json is stale: run `cargo run --example bundled_analysis` (trunk build runs it)"
    );
}
