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

pub mod align;
pub mod attribution;
pub mod claims;
pub mod clean;
pub mod cues;
pub mod export;
pub mod lexicon;
pub mod model;
pub mod names;
pub mod numbers;
pub mod sentences;
pub mod stance;
pub mod times;
pub mod tokens;
pub mod wordset;

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
pub fn analyze_with_progress(articles: &[Article], options: &Options, progress: &mut dyn FnMut(Progress)) -> Analysis {
    let total = articles.len() * 2 + 1;
    // Per article: cleaning, sentences, name mentions, attribution.
    let mut prepared = Vec::with_capacity(articles.len());
    let mut all_mentions: Vec<names::RawMention> = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        let p = prepare_article(article, i, options, all_mentions.len());
        all_mentions.extend(p.mentions.iter().cloned());
        prepared.push(p);
        progress(Progress { done: i + 1, total, stage: "sentences" });
    }
    // Across articles: entities.
    names::settle_guesses(&mut all_mentions);
    let resolution = names::resolve(&all_mentions);
    let doc_ids: Vec<String> = articles.iter().map(|a| a.id.clone()).collect();
    let entities = build_entities(&all_mentions, &resolution, &doc_ids);
    // Per article: claims.
    let mut docs = Vec::with_capacity(articles.len());
    let mut next_claim = 1usize;
    for (i, (article, p)) in articles.iter().zip(prepared).enumerate() {
        docs.push(build_doc(article, p, &all_mentions, &resolution, &entities, &mut next_claim));
        progress(Progress { done: articles.len() + i + 1, total, stage: "claims" });
    }
    let texts: std::collections::HashMap<&str, &str> =
        articles.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect();
    let (groups, single_source) = align::align_claims(&docs, &texts, &entities);
    let analysis = Analysis { docs, entities, groups, single_source };
    progress(Progress { done: total, total, stage: "done" });
    analysis
}

/// What one article gives before names are resolved across articles.
struct Prepared<'a> {
    text_len: usize,
    cleaned: clean::Cleaned,
    sentences: Vec<Sentence>,
    mentions: Vec<names::RawMention>,
    /// Index of this article's first mention in the corpus-wide list.
    first_mention: usize,
    sources: Vec<attribution::SentenceSource>,
    /// Each sentence's word tokens, made once for names, attribution and clauses.
    words: Vec<Vec<tokens::Token<'a>>>,
    warnings: Vec<String>,
}

fn prepare_article<'a>(article: &'a Article, doc: usize, options: &Options, first_mention: usize) -> Prepared<'a> {
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
    // Each sentence's block, in one sweep (both are in text order).
    let mut block_of = Vec::with_capacity(sentences.len());
    let mut b = 0;
    for s in &sentences {
        while b + 1 < cleaned.blocks.len() && cleaned.blocks[b].span.end <= s.span.start {
            b += 1;
        }
        block_of.push(b);
    }
    let words: Vec<Vec<tokens::Token>> = sentences.iter().map(|s| tokens::words(text, s.span)).collect();
    let mut mentions = Vec::new();
    for (s, toks) in sentences.iter().zip(&words) {
        if s.kind != BlockKind::Credit {
            mentions.extend(names::find_mentions_in(text, s.span, toks, doc));
        }
    }
    let sources = attribution::attribute_with_words(text, &sentences, &words, &block_of, &mentions);
    Prepared { text_len: text.len(), cleaned, sentences, mentions, first_mention, sources, words, warnings }
}

fn build_entities(mentions: &[names::RawMention], res: &names::Resolution, doc_ids: &[String]) -> Vec<Entity> {
    res.entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut spellings: Vec<Spelling> = Vec::new();
            for &m in &e.mentions {
                let text = &mentions[m].text;
                let doc = &doc_ids[mentions[m].doc];
                match spellings.iter_mut().find(|s| &s.text == text) {
                    Some(s) => {
                        s.count += 1;
                        if !s.docs.contains(doc) {
                            s.docs.push(doc.clone());
                        }
                    }
                    None => spellings.push(Spelling { text: text.clone(), docs: vec![doc.clone()], count: 1 }),
                }
            }
            Entity {
                id: format!("e{}", i + 1),
                name: e.name.clone(),
                kind: e.kind,
                mentions: names::doc_spans(mentions, &e.mentions, doc_ids),
                spellings,
                spelling_differs: e.spelling_differs,
            }
        })
        .collect()
}

fn build_doc(
    article: &Article,
    p: Prepared<'_>,
    all_mentions: &[names::RawMention],
    res: &names::Resolution,
    entities: &[Entity],
    next_claim: &mut usize,
) -> DocAnalysis {
    let text = &article.text[..p.text_len];
    let mention_model = |local: usize| {
        let g = p.first_mention + local;
        let m = &all_mentions[g];
        res.entity_of[g].map(|e| Mention {
            span: m.span,
            text: m.text.clone(),
            kind: m.kind,
            entity: entities[e].id.clone(),
        })
    };
    let mut claims = Vec::new();
    let ranges = names::ranges_within(p.sentences.iter().map(|s| s.span), &p.mentions);
    for (si, s) in p.sentences.iter().enumerate() {
        if s.kind == BlockKind::Credit {
            continue;
        }
        let src = &p.sources[si];
        let source = src.speaker.as_ref().map(|sp| {
            let entity = sp.mention.and_then(|m| res.entity_of[p.first_mention + m]).map(|e| entities[e].id.clone());
            let speaker = match (&entity, sp.resolved_from_pronoun) {
                (Some(id), true) => {
                    entities.iter().find(|e| &e.id == id).map(|e| e.name.clone()).unwrap_or(sp.text.clone())
                }
                _ => sp.text.clone(),
            };
            Attribution { speaker, span: sp.span, entity, direct: src.direct }
        });
        for span in claims::split_clauses_in(text, s.span, &p.words[si]) {
            // One lower-cased copy for cues, and one tokenisation for times and numbers.
            let low = tokens::lower_in_place(span.text(text));
            let toks = numbers::tokenize(text, &low, span);
            let names: Vec<Mention> =
                ranges[si].clone().filter(|&i| span.contains(p.mentions[i].span)).filter_map(mention_model).collect();
            claims.push(Claim {
                id: format!("c{}", *next_claim),
                doc: article.id.clone(),
                span,
                sentence: si,
                kind: s.kind,
                source: source.clone(),
                cues: cues::find_cues_lowered(text, span, &low),
                times: times::times_in(text, &toks, span, article.meta.date),
                numbers: numbers::quantities_in(&toks, span),
                names,
            });
            *next_claim += 1;
        }
    }
    let outlet = match &article.meta.outlet {
        Some(name) if !name.trim().is_empty() => Some(Outlet { name: name.trim().to_string(), span: None }),
        _ => p.cleaned.outlet,
    };
    DocAnalysis {
        doc: article.id.clone(),
        outlet,
        dateline: p.cleaned.dateline,
        title: article.meta.title.clone().or(p.cleaned.headline),
        date: article.meta.date,
        furniture: p.cleaned.furniture,
        blocks: p.cleaned.blocks,
        sentences: p.sentences,
        claims,
        warnings: p.warnings,
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

/// Judges whether two sentences state a fact in common, with the matcher `align` uses: the
/// two are analysed as two one-sentence articles; they match when a group joins them.
pub fn judge_pair(a: &str, b: &str) -> PairJudgement {
    let articles = [
        Article { id: "a".into(), text: a.to_string(), meta: Default::default() },
        Article { id: "b".into(), text: b.to_string(), meta: Default::default() },
    ];
    let analysis = analyze(&articles, &Options::default());
    let in_doc = |g: &Group, doc: &str| g.claims.iter().any(|c| analysis.claim(c).is_some_and(|c| c.doc == doc));
    let best = analysis
        .groups
        .iter()
        .filter(|g| in_doc(g, "a") && in_doc(g, "b"))
        .max_by(|x, y| x.score.partial_cmp(&y.score).unwrap_or(std::cmp::Ordering::Equal));
    match best {
        Some(g) => PairJudgement { matched: true, relation: g.relation, score: g.score.clamp(0.0, 1.0) },
        None => {
            // No group: the best score between the two sides, below the link threshold.
            let score = align::best_pair_score(&analysis, &[a, b]);
            PairJudgement { matched: false, relation: Relation::Agree, score }
        }
    }
}
