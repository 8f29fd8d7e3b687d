//! Criterion benchmarks of `engine::analyze` (issue 8): the five bundled articles, and generated
//! corpora (`support/corpus.rs`, the generator `examples/gen_corpus.rs` writes to disk) of 50,
//! 200 and 1,000 articles.
//!
//!     bash scripts/bench.sh                      # everything, then a time-per-article table
//!     cargo bench --bench engine -- five         # only the five articles (target: <= 5 ms)
//!
//! Under `cargo test` (no `--bench` argument) criterion runs each benchmark once as a smoke test;
//! there only the five articles and a 10-article corpus run, to keep the test suite quick.

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{black_box, BenchmarkId, Criterion, Throughput};
use parallax::engine::{analyze, Article, Options};
use std::time::Duration;

fn articles(n: usize) -> Vec<Article> {
    corpus::generate(n, corpus::SEED)
        .into_iter()
        .map(|(id, text)| Article { id, text, meta: Default::default() })
        .collect()
}

fn benches(c: &mut Criterion, sizes: &[usize]) {
    let options = Options::default();
    let five = parallax::bundled::articles();
    c.bench_function("five", |b| b.iter(|| analyze(black_box(&five), &options)));

    let mut g = c.benchmark_group("generated");
    for &n in sizes {
        let corpus = articles(n);
        // Few samples for the big corpora: each iteration already takes long enough to time.
        g.sample_size(if n >= 200 { 10 } else { 20 });
        g.measurement_time(Duration::from_secs(if n >= 1000 { 20 } else { 5 }));
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &corpus, |b, corpus| {
            b.iter(|| analyze(black_box(corpus), &options))
        });
    }
    g.finish();
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if benching { &[50, 200, 1000] } else { &[10] };
    let mut c = Criterion::default().warm_up_time(Duration::from_secs(1)).configure_from_args();
    benches(&mut c, sizes);
    c.final_summary();
}
