#!/usr/bin/env bash
# Serves the app locally at http://127.0.0.1:8080/ (rebuilds on change), installing whatever is
# missing first (scripts/setup.sh). Extra arguments go to `trunk serve` (e.g. --port 9000, --release).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/env.sh

bash scripts/setup.sh
echo
echo "serve: Parallax at http://127.0.0.1:8080/ (Ctrl-C stops it; the port is set in Trunk.toml, --port N overrides it)"
exec trunk serve "$@"
