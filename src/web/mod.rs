//! What the page's wasm (`app`) and the analysis worker's wasm (`worker`) share: JSON through
//! the browser (`json`) and the messages between them (`protocol`). Only compiled for wasm; no
//! engine code beyond its data types, so that the page's first download stays small (issue 8).

pub mod json;
pub mod protocol;
