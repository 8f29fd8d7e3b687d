//! The fuzz target's harness on the stable toolchain, for a bounded time: every seed in
//! fuzz/corpus/analyze/ and the five bundled articles, then deterministic mutations of them
//! (byte flips, hostile insertions, splices, truncations, repetitions). Any panic or bad span
//! fails. PARALLAX_FUZZ_ITERATIONS sets the number of mutations (default 200); with cargo-fuzz
//! on nightly, `cargo +nightly fuzz run analyze -- -max_total_time=60` explores far more.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

/// A tiny deterministic generator (the same mutations on every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

const HOSTILE: &[&str] = &[
    "\0",
    "\u{1e}",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{feff}",
    "\u{fffd}",
    "\u{a0}",
    "\u{3000}",
    "\u{2028}",
    "\u{85}",
    "🚀",
    "👩‍👩‍👧",
    "e\u{301}",
    "é",
    "北京",
    "مرحبا",
    "שלום",
    "１０",
    "٣",
    "²",
    ". ",
    "...",
    "\"",
    "“",
    "”",
    "'",
    "’",
    "(",
    ")",
    " said ",
    " U.S. ",
    " Mr. ",
    "MOSCOW (Reuters) - ",
    "E-mail to a friend",
    "\n",
    "\r\n",
    "10",
    "9,999,999",
    "1e308",
    " nine or ten ",
    "%",
    "$",
    " Thursday ",
    " last week ",
    " not ",
    " may ",
];

fn seeds() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/analyze");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).expect("fuzz/corpus/analyze").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    let mut seeds: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    // The bundled articles, two at a time, joined as the harness splits them.
    let bundled = parallax::bundled::ARTICLES;
    for (i, (_, a)) in bundled.iter().enumerate() {
        let (_, b) = bundled[(i + 1) % bundled.len()];
        seeds.push(format!("{a}\u{1e}{b}").into_bytes());
    }
    seeds
}

fn mutate(r: &mut Lcg, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + r.next(8) {
        let at = r.next(v.len() + 1);
        match r.next(6) {
            0 if !v.is_empty() => {
                let i = r.next(v.len());
                v[i] ^= 1 << r.next(8);
            }
            1 => {
                let h = HOSTILE[r.next(HOSTILE.len())].as_bytes();
                v.splice(at..at, h.iter().copied());
            }
            2 if !other.is_empty() => {
                let s = r.next(other.len());
                let e = (s + r.next(400)).min(other.len());
                v.splice(at..at, other[s..e].iter().copied());
            }
            3 => v.truncate(at),
            4 if at < v.len() => {
                let e = (at + 1 + r.next(40)).min(v.len());
                let piece = v[at..e].to_vec();
                for _ in 0..r.next(50) {
                    v.splice(at..at, piece.iter().copied());
                }
            }
            _ => {
                let e = (at + r.next(100)).min(v.len());
                v.drain(at..e);
            }
        }
    }
    v.truncate(16 * 1024);
    v
}

#[test]
fn seeds_analyse_with_spans_in_bounds() {
    for s in seeds() {
        common::fuzz_one(&s);
        // And with a small cap (odd first byte, cap 16 × second byte).
        let mut capped = vec![1u8, 5];
        capped.extend_from_slice(&s);
        common::fuzz_one(&capped);
    }
}

#[test]
fn mutations_analyse_with_spans_in_bounds() {
    let n: usize = std::env::var("PARALLAX_FUZZ_ITERATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let seeds = seeds();
    let mut r = Lcg(7);
    for i in 0..n {
        let seed = &seeds[r.next(seeds.len())];
        let other = &seeds[r.next(seeds.len())];
        let input = mutate(&mut r, seed, other);
        let result = std::panic::catch_unwind(|| common::fuzz_one(&input));
        if result.is_err() {
            let path = std::env::temp_dir().join(format!("parallax-fuzz-crash-{i}.bin"));
            let _ = std::fs::write(&path, &input);
            panic!(
                "mutation {i} failed; input written to {} (replay: cargo +nightly fuzz run analyze {0})",
                path.display()
            );
        }
    }
}
