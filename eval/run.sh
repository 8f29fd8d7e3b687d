#!/usr/bin/env bash
# Scores the alignment of the four development sets: the five bundled articles against
# ../shared/eval/seed-gold.json, and eval/devset, eval/devset2 and eval/devset3 (written blind to
# the matcher) against their gold.
# usage: bash eval/run.sh [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${PARALLAX_SHARED:-../shared}"
scorer="$shared/eval/score_alignment.py"
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"${CARGO_TARGET_DIR:-target}/release/parallax" align "$shared/articles" --format json > "$out/seed.json"
"${CARGO_TARGET_DIR:-target}/release/parallax" align eval/devset/articles --format json > "$out/dev.json"
echo "seed (five bundled articles):"
python3 "$scorer" "$shared/eval/seed-gold.json" "$out/seed.json" --docs "$shared/articles" "$@"
echo "devset (eval/devset, written blind):"
python3 "$scorer" eval/devset/gold.json "$out/dev.json" --docs eval/devset/articles "$@"
"${CARGO_TARGET_DIR:-target}/release/parallax" align eval/devset2/articles --format json > "$out/dev2.json"
echo "devset2 (eval/devset2, a diplomatic story, written blind):"
python3 "$scorer" eval/devset2/gold.json "$out/dev2.json" --docs eval/devset2/articles "$@"
"${CARGO_TARGET_DIR:-target}/release/parallax" align eval/devset3/articles --format json > "$out/dev3.json"
echo "devset3 (eval/devset3, a pension-reform strike, written blind):"
python3 "$scorer" eval/devset3/gold.json "$out/dev3.json" --docs eval/devset3/articles "$@"
