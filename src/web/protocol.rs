//! The messages between the page and the analysis worker (two wasm modules since issue 8:
//! the engine is only in the worker's, fetched after the page's first view).
//!
//! The page posts a [`Request`] (a structured-clone object made by `json::to_js`); the worker
//! answers with [`Reply`]s: `ready` once it listens, progress (`done`/`total`), the analysis in
//! [`Part`]s (JSON text, about [`PART_BYTES`] each, so that the page reads it in many short tasks),
//! then `complete`. Known limit: both sides must come from the same build (the page finds the
//! worker's files by the names its build wrote, so they always do).

use crate::engine::{Article, DocAnalysis, Entity, Group};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Default)]
pub struct Request {
    pub revision: u64,
    pub articles: Vec<Article>,
    /// Where the worker fetches the lexicon from (`lexicon/` next to the page), if it has not yet.
    #[serde(default)]
    pub lexicon: Option<String>,
    /// The lexicon's texts themselves, in `engine::lexicon::FILES` order, when the page has them
    /// inline (the single-file build, where nothing can be fetched); sent to each worker once,
    /// with its first request (the worker keeps the lexicon installed).
    #[serde(default)]
    pub lexicon_texts: Option<Vec<String>>,
    /// Only load the lexicon (the page asks for this after its first view); no reply.
    #[serde(default)]
    pub preload: bool,
}

/// At most one progress message per this many milliseconds (and the last one).
pub const PROGRESS_MS: f64 = 150.0;
/// About this much JSON per message of the result (a part takes the page a few milliseconds to
/// read; one item larger than this goes alone).
pub const PART_BYTES: usize = 24 * 1024;

/// One part of an analysis on its way to the page.
#[derive(Serialize, Deserialize)]
pub enum Part {
    Docs(Vec<DocAnalysis>),
    Entities(Vec<Entity>),
    Groups(Vec<Group>),
    Single(Vec<String>),
}

#[derive(Serialize, Deserialize, Default)]
pub struct Reply {
    pub revision: u64,
    #[serde(default)]
    pub done: usize,
    #[serde(default)]
    pub total: usize,
    #[serde(default)]
    pub part: Option<Part>,
    /// Every part of this revision's analysis has been sent.
    #[serde(default)]
    pub complete: bool,
    #[serde(default)]
    pub error: Option<String>,
    /// The worker's first message: it has loaded and is listening.
    #[serde(default)]
    pub ready: bool,
    /// The worker is loading the lexicon before it analyses this revision.
    #[serde(default)]
    pub loading_words: bool,
    /// The lexicon could not be loaded: this revision cannot be analysed (a message for the user).
    #[serde(default)]
    pub words_error: Option<String>,
}
