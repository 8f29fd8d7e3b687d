//! Writes the analysis of the five bundled articles, precomputed for the page's first view
//! (issue 8: the page shows it at once, without the lexicon it would need to compute it):
//! `serde_json` of `engine::analyze(bundled::articles(), Options::default())` into
//! `assets/bundled-analysis.json`, which `src/bundled.rs` compiles into the page.
//!
//!     cargo run --example bundled_analysis [-- PATH]     (Trunk's pre_build hook runs it)
//!
//! The file is rewritten only when its content changes (so `trunk serve` does not rebuild in a
//! loop). `tests/bundled_analysis.rs` fails when the file differs from a fresh analysis, so a
//! change to the engine cannot leave it stale unnoticed.

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| parallax::bundled::PRECOMPUTED_PATH.to_string());
    let json = parallax::bundled::analysis_json();
    if std::fs::read_to_string(&path).ok().as_deref() == Some(json.as_str()) {
        println!("bundled_analysis: {path} is up to date");
        return ExitCode::SUCCESS;
    }
    match std::fs::write(&path, &json) {
        Ok(()) => {
            println!("bundled_analysis: wrote {path} ({} bytes)", json.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bundled_analysis: cannot write {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
