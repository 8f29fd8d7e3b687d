#!/usr/bin/env bash
# Native performance figures of the engine (issue 8), release build, in its own target dir by
# default (PARALLAX_BENCH_TARGET, default target/perf) so it does not rebuild anyone's tree:
#   bash scripts/bench.sh              the five articles (median of 200 runs; target <= 5 ms),
#                                      then generated corpora of 50, 200 and 1,000 articles: median
#                                      time, time per article with its ratio, peak heap
#   bash scripts/bench.sh five         the five articles only
#   bash scripts/bench.sh 50 200       chosen sizes only
#   bash scripts/bench.sh criterion [FILTER]   the criterion benchmarks (benches/engine.rs)
# Figures are wall-clock on a shared machine: they are reported, never asserted.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/env.sh
export CARGO_TARGET_DIR="${PARALLAX_BENCH_TARGET:-${CARGO_TARGET_DIR:-target/perf}}"
if [ "${1:-}" = criterion ]; then
    shift
    exec cargo bench --bench engine -- "$@"
fi
exec cargo run --quiet --release --example perf -- "$@"
