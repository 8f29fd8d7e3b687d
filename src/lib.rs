//! Parallax: puts several news reports of one story side by side, claim by claim.
//!
//! `engine` is plain Rust (no IO, no web dependency) and is shared by the native command-line
//! tool (`cli`, not on wasm) and the page (`app`, only on wasm).

pub mod bundled;
pub mod engine;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod app;
