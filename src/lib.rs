//! Parallax: puts several news reports of one story side by side, claim by claim.
//!
//! `engine` is plain Rust (no IO, no web dependency) and is shared by the native command-line
//! tool (`cli`, not on wasm), the page (`app`, only on wasm) and the page's analysis worker
//! (`worker`, only on wasm, its own wasm module: `src/bin/parallax-worker.rs`); `web` is what
//! the two wasm modules share.

pub mod bundled;
pub mod engine;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod app;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(target_arch = "wasm32")]
pub mod worker;
