#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; skips what is already there.
#   bash scripts/setup.sh
# - the wasm32-unknown-unknown Rust target (rustup), and the project's crates (cargo fetch);
# - trunk 0.21.14 and wasm-bindgen-cli 0.2.130 (cargo install, into CARGO_HOME/bin);
# - the npm packages pinned in package.json / package-lock.json (npm ci): binaryen 132 (wasm-opt)
#   and playwright-core (driving Debian's Chromium; no browser is ever downloaded);
# - Debian's chromium and chromium-driver (apt-get, as root or with sudo) if /usr/bin/chromium or
#   /usr/bin/chromedriver is missing.
# Other scripts source scripts/env.sh to get these tools on PATH.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PARALLAX_ROOT"

say() { echo "setup: $*"; }

# --- Rust toolchain and the wasm32 target -----------------------------------------------------
if ! command -v cargo >/dev/null 2>&1; then
    say "cargo not found: install Rust 1.95 with rustup (https://rustup.rs), then run this again." >&2
    exit 1
fi
if command -v rustup >/dev/null 2>&1; then
    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        say "wasm32-unknown-unknown target: present"
    else
        say "installing the wasm32-unknown-unknown target (rustup target add)"
        rustup target add wasm32-unknown-unknown
    fi
elif [ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]; then
    say "wasm32-unknown-unknown target: present"
else
    say "the wasm32-unknown-unknown target is missing and rustup is not available to add it" >&2
    exit 1
fi

# Trunk.toml sets offline = true, which makes trunk run cargo with --offline: fetch the crates of
# Cargo.lock (for every target) first. Quick when they are already there.
say "cargo fetch (the project's crates, for trunk's offline builds)"
cargo fetch --quiet

# --- cargo-installed tools, pinned exactly ----------------------------------------------------
version_of() { "$1" --version 2>/dev/null | head -n 1 || true; }

if [ "$(version_of trunk)" = "trunk $PARALLAX_TRUNK_VERSION" ]; then
    say "trunk $PARALLAX_TRUNK_VERSION: present"
else
    say "installing trunk $PARALLAX_TRUNK_VERSION (cargo install --locked; several minutes)"
    # trunk's own release profile asks for fat LTO with one codegen unit, which makes its last
    # step by far the longest on a small machine; trunk only drives other tools, so build it
    # without LTO (same version, same locked dependencies).
    CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
        cargo install trunk --version "$PARALLAX_TRUNK_VERSION" --locked
fi

# The CLI must equal the wasm-bindgen crate version exactly. It brings wasm-bindgen-test-runner.
if [ "$(version_of wasm-bindgen)" = "wasm-bindgen $PARALLAX_WASM_BINDGEN_VERSION" ] \
    && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    say "wasm-bindgen-cli $PARALLAX_WASM_BINDGEN_VERSION: present"
else
    say "installing wasm-bindgen-cli $PARALLAX_WASM_BINDGEN_VERSION (cargo install; a few minutes)"
    # Without --locked, as verified with this toolchain (the version itself is pinned exactly).
    cargo install wasm-bindgen-cli --version "$PARALLAX_WASM_BINDGEN_VERSION"
fi

# --- npm packages, pinned exactly in package-lock.json ----------------------------------------
npm_ok() {
    [ -f node_modules/.package-lock.json ] || return 1
    # npm records what it installed in node_modules/.package-lock.json: compare the pinned ones.
    node -e '
        const want = require("./package-lock.json").packages, have = require("./node_modules/.package-lock.json").packages;
        for (const [k, v] of Object.entries(want)) {
            if (k && (!have[k] || have[k].version !== v.version)) process.exit(1);
        }' 2>/dev/null || return 1
    [ "$(wasm-opt --version 2>/dev/null | sed -n 's/.*(\(version_[0-9]*\)).*/\1/p')" = "$PARALLAX_WASM_OPT_VERSION" ]
}
if npm_ok; then
    say "npm packages (binaryen, playwright-core): present"
else
    say "installing npm packages (npm ci: binaryen, playwright-core)"
    npm ci --no-audit --no-fund
fi

# --- Debian's Chromium and ChromeDriver ------------------------------------------------------
if [ -x "$PARALLAX_CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
    say "chromium and chromedriver: present ($PARALLAX_CHROMIUM, $CHROMEDRIVER)"
else
    say "installing Debian's chromium and chromium-driver (apt-get)"
    if [ "$(id -u)" = 0 ]; then
        as_root=()
    elif command -v sudo >/dev/null 2>&1; then
        as_root=(sudo -n)
    else
        say "not root and no sudo: install the Debian packages chromium and chromium-driver, then run this again" >&2
        exit 1
    fi
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

say "done"
