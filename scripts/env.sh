# Sourced (not run) by the other scripts: puts the project's tools on PATH.
#   . scripts/env.sh
# - the Rust toolchain (rustup's cargo/rustc), found even when ~/.cargo/bin is not on PATH;
# - CARGO_HOME/bin, where setup.sh cargo-installs trunk and wasm-bindgen-cli;
# - node_modules/.bin, where `npm ci` puts wasm-opt (binaryen) and playwright-core.

PARALLAX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PARALLAX_ROOT

# Where `cargo install` puts binaries (cargo's own rule: $CARGO_HOME/bin, else ~/.cargo/bin).
PARALLAX_CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PARALLAX_CARGO_BIN

# The Rust toolchain. A machine may have rustup's proxies (cargo, rustc, rustup) somewhere that is
# not on PATH, or under another home than $HOME (e.g. root's, with an empty HOME/CARGO_HOME).
# If cargo is not on PATH, look in the usual places and append the first one that has it.
if ! command -v cargo >/dev/null 2>&1; then
    _parallax_user_home="$(getent passwd "$(id -un)" 2>/dev/null | cut -d: -f6)"
    for _parallax_dir in \
        "$PARALLAX_CARGO_BIN" \
        "$HOME/.cargo/bin" \
        ${RUSTUP_HOME:+"$(dirname "$RUSTUP_HOME")/.cargo/bin"} \
        ${_parallax_user_home:+"$_parallax_user_home/.cargo/bin"} \
        /usr/local/cargo/bin \
        /root/.cargo/bin; do
        if [ -x "$_parallax_dir/cargo" ]; then
            PATH="$PATH:$_parallax_dir"
            break
        fi
    done
    unset _parallax_dir _parallax_user_home
fi
# rustup keeps its toolchains beside its own folder (~/.rustup) unless RUSTUP_HOME says otherwise:
# with an empty HOME, point it at the one beside the rustup that was found.
if [ -z "${RUSTUP_HOME:-}" ] && [ ! -d "$HOME/.rustup" ] && command -v rustup >/dev/null 2>&1; then
    _parallax_rustup_home="$(dirname "$(command -v rustup)")/../../.rustup"
    if [ -d "$_parallax_rustup_home/toolchains" ]; then
        RUSTUP_HOME="$(cd "$_parallax_rustup_home" && pwd)"
        export RUSTUP_HOME
    fi
    unset _parallax_rustup_home
fi

# Our own tools come first: they are pinned, whatever else the machine has (Debian's wasm-opt is
# too old for today's Rust wasm).
PATH="$PARALLAX_ROOT/node_modules/.bin:$PARALLAX_CARGO_BIN:$PATH"
export PATH

# Pinned versions (Cargo.toml pins wasm-bindgen "=0.2.130"; Trunk.toml pins the same tools).
PARALLAX_TRUNK_VERSION="0.21.14"
PARALLAX_WASM_BINDGEN_VERSION="0.2.130"
PARALLAX_WASM_OPT_VERSION="version_132"

# Browsers: Debian's chromium and chromium-driver.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export PARALLAX_CHROMIUM="${PARALLAX_CHROMIUM:-/usr/bin/chromium}"

# trunk would otherwise look for a newer release on the network at each start.
export TRUNK_SKIP_VERSION_CHECK="${TRUNK_SKIP_VERSION_CHECK:-true}"
