//! Native timing and peak heap of `engine::analyze` (issue 8), in release mode:
//!
//!     bash scripts/bench.sh                     # = cargo run --release --example perf
//!     cargo run --release --example perf -- five          # the five articles only
//!     cargo run --release --example perf -- 50 200 1000   # generated corpora only
//!
//! `five`: the five bundled articles analysed 200 times (after one warm-up run that parses the
//! lexicon), median and 10th/90th percentiles; the target is a median of at most 5 ms.
//! `PARALLAX_PERF_RUNS=N` changes the 200 (e.g. a few runs under
//! `valgrind --tool=cachegrind --cache-sim=no`, whose instruction counts do not depend on what
//! else the machine is doing: compare those between two builds, not the times).
//! `N`: a generated corpus of N articles (`benches/support/corpus.rs`, the seed the benchmarks
//! use), analysed several times (once for 1,000 and more); median time, time per article, and
//! the peak heap in use during one run (a counting global allocator), with ratios to the
//! smallest size, so near-linear growth shows as a flat "per article" column.
//! Times are wall-clock on whatever else the machine is doing: compare medians, not single runs.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use parallax::engine::{analyze, Article, Options};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

struct Counting;
static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = IN_USE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    xs[xs.len() / 2]
}

fn pct(xs: &[f64], p: f64) -> f64 {
    xs[((xs.len() - 1) as f64 * p).round() as usize]
}

/// Time of one run in ms, and the heap that run added at its peak (bytes).
fn run_once(articles: &[Article], options: &Options) -> (f64, usize, usize, usize) {
    let base = IN_USE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let t = Instant::now();
    let a = analyze(articles, options);
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    let peak = PEAK.load(Relaxed).saturating_sub(base);
    let claims = a.docs.iter().map(|d| d.claims.len()).sum();
    (ms, peak, claims, a.groups.len())
}

fn five() {
    let options = Options::default();
    let articles = parallax::bundled::articles();
    run_once(&articles, &options); // parses the lexicon and the gazetteer
    let runs: usize =
        std::env::var("PARALLAX_PERF_RUNS").ok().and_then(|v| v.parse().ok()).filter(|&n| n > 0).unwrap_or(200);
    let mut times: Vec<f64> = (0..runs).map(|_| run_once(&articles, &options).0).collect();
    let m = median(&mut times);
    println!(
        "five articles: median {m:.2} ms over {runs} runs (p10 {:.2}, p90 {:.2}); target <= 5 ms: {}",
        pct(&times, 0.1),
        pct(&times, 0.9),
        if m <= 5.0 { "met" } else { "NOT met" }
    );
}

fn sizes(ns: &[usize]) {
    let options = Options::default();
    run_once(&parallax::bundled::articles(), &options);
    println!(
        "{:>8} {:>9} {:>7} {:>7} {:>11} {:>12} {:>9} {:>12} {:>9}",
        "articles", "input KB", "claims", "groups", "median ms", "ms/article", "(ratio)", "peak heap MB", "KB/article"
    );
    let mut first: Option<(f64, f64)> = None;
    for &n in ns {
        let articles: Vec<Article> = corpus::generate(n, corpus::SEED)
            .into_iter()
            .map(|(id, text)| Article { id, text, meta: Default::default() })
            .collect();
        let input: usize = articles.iter().map(|a| a.text.len()).sum();
        let runs = if n >= 1000 {
            1
        } else if n >= 200 {
            3
        } else {
            7
        };
        let mut times = Vec::new();
        let mut peak = 0;
        let mut counts = (0, 0);
        for _ in 0..runs {
            let (ms, p, c, g) = run_once(&articles, &options);
            times.push(ms);
            peak = peak.max(p);
            counts = (c, g);
        }
        let m = median(&mut times);
        let per = m / n as f64;
        let per_kb = peak as f64 / 1024.0 / n as f64;
        let (t0, _) = *first.get_or_insert((per, per_kb));
        println!(
            "{:>8} {:>9} {:>7} {:>7} {:>11.1} {:>12.3} {:>8.2}x {:>12.1} {:>9.1}",
            n,
            input / 1024,
            counts.0,
            counts.1,
            m,
            per,
            per / t0,
            peak as f64 / 1024.0 / 1024.0,
            per_kb
        );
    }
    println!("(ratio: ms per article relative to the first size; 1.0x everywhere is linear growth)");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let want_five = args.is_empty() || args.iter().any(|a| a == "five");
    let ns: Vec<usize> =
        if args.is_empty() { vec![50, 200, 1000] } else { args.iter().filter_map(|a| a.parse().ok()).collect() };
    if want_five {
        five();
    }
    if !ns.is_empty() {
        sizes(&ns);
    }
}
