//! Writes a generated corpus of news-like articles into a folder (issue 8): many stories, each
//! told by three to six outlets, with credit lines, quotes with "said", numbers with units,
//! dates and weekdays, and names some outlets spell differently. Deterministic: the same
//! N and seed always write the same files. The generator is `benches/support/corpus.rs`, shared
//! with the benchmarks.
//!
//!     cargo run --release --example gen_corpus -- N DIR [--seed S]
//!     cargo run --release -- align DIR --format json > /dev/null      # analyse them
//!
//! DIR is created if missing; files are `NNNN_outlet.txt` (existing files of the same name are
//! overwritten, others are left alone).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let mut seed = corpus::SEED;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seed" => match it.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => usage("--seed needs a number"),
            },
            "-h" | "--help" => usage(""),
            _ => pos.push(a.clone()),
        }
    }
    if pos.len() != 2 {
        usage("expected N and DIR");
    }
    let n: usize = pos[0].parse().unwrap_or_else(|_| usage("N must be a number"));
    let dir = PathBuf::from(&pos[1]);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("gen_corpus: cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    let articles = corpus::generate(n, seed);
    let mut bytes = 0;
    for (name, text) in &articles {
        bytes += text.len();
        if let Err(e) = std::fs::write(dir.join(name), text) {
            eprintln!("gen_corpus: cannot write {}: {e}", dir.join(name).display());
            std::process::exit(1);
        }
    }
    eprintln!("gen_corpus: wrote {} articles ({} KB) to {}", articles.len(), bytes / 1024, dir.display());
}

fn usage(msg: &str) -> ! {
    if !msg.is_empty() {
        eprintln!("gen_corpus: {msg}");
    }
    eprintln!("usage: cargo run --release --example gen_corpus -- N DIR [--seed S]");
    std::process::exit(2);
}
