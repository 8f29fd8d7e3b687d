//! The lexicon (word frequencies and synonyms, `data/lexicon/`) for the engine, loaded after the
//! page's first view (issue 8: it is not in the wasm any more). The engine does no IO: this
//! module gets the four files' texts and hands them to `engine::lexicon::install`.
//!
//! Where the texts come from, first found: `<script type="text/plain" id="parallax-lexicon-…">`
//! blocks in the page's head (the single-file build inlines them: `scripts/postbuild.mjs`), else a
//! `fetch` of `lexicon/<file>` next to the page (Trunk copies `data/lexicon/` there; the service
//! worker precaches it, so it works offline once the site was opened online). The analysis
//! worker fetches them itself from the absolute URL the page gives it ([`base_url`]).
//!
//! One load at a time per thread: callers share it ([`load`]); a failed load is forgotten, so a
//! later call tries again. Known limit: the files are fetched whole (about 150 KB gzip).

use crate::engine::lexicon::{self, LexiconData, FILES};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The load under way (a promise of `undefined`, or a rejection with the message).
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Where the page's lexicon files are: `lexicon/` resolved against the page's URL (absolute,
/// so that a worker started from a Blob URL can fetch it).
pub fn base_url() -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base("lexicon/", &base).ok().map(|u| u.href())
}

/// Whether the lexicon is installed in this thread (the page or the worker).
pub fn ready() -> bool {
    lexicon::ready()
}

/// Loads and installs the lexicon unless it already is; `base` is where to fetch the files
/// (`None`: only inline blocks). The error is a sentence for the user.
pub async fn load(base: Option<String>) -> Result<(), String> {
    if lexicon::ready() {
        return Ok(());
    }
    let promise = LOADING.with(|l| {
        l.borrow_mut()
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async move {
                    let data = fetch_all(base.as_deref()).await?;
                    lexicon::install(data).map_err(|e| JsValue::from_str(&e))?;
                    Ok(JsValue::UNDEFINED)
                })
            })
            .clone()
    });
    let result = JsFuture::from(promise).await;
    if result.is_err() {
        LOADING.with(|l| *l.borrow_mut() = None);
    }
    result.map(|_| ()).map_err(|e| {
        let detail = e.as_string().unwrap_or_else(|| "unknown error".into());
        format!(
            "The word data (lexicon) could not be loaded ({detail}), so the articles cannot be analysed yet. \
             They are kept; reload the page to try again once you are online."
        )
    })
}

async fn fetch_all(base: Option<&str>) -> Result<LexiconData, JsValue> {
    let mut texts = Vec::with_capacity(FILES.len());
    match inline_texts() {
        Some(t) => texts = t,
        None => {
            let base = base.ok_or_else(|| JsValue::from_str("no address to fetch it from"))?;
            // Start every request first, then read them in turn.
            let mut pending = Vec::new();
            for f in FILES {
                pending.push((f, fetch(&format!("{base}{f}"))?));
            }
            // Every request is awaited, failed or not (an unawaited rejection is a console error).
            let mut responses = Vec::new();
            for (f, p) in pending {
                responses.push((f, JsFuture::from(p).await));
            }
            for (f, r) in responses {
                let resp: web_sys::Response = r
                    .map_err(|_| JsValue::from_str(&format!("lexicon/{f} could not be fetched: offline?")))?
                    .dyn_into()?;
                if !resp.ok() {
                    return Err(JsValue::from_str(&format!("lexicon/{f}: HTTP {}", resp.status())));
                }
                let text = JsFuture::from(resp.text()?).await?;
                texts.push(text.as_string().unwrap_or_default());
            }
        }
    }
    let mut it = texts.into_iter();
    let mut next = || it.next().unwrap_or_default();
    Ok(LexiconData { wordfreq: next(), synonyms: next(), close: next(), exceptions: next() })
}

/// `fetch(url)` from the page or from a worker.
fn fetch(url: &str) -> Result<js_sys::Promise, JsValue> {
    if let Some(w) = web_sys::window() {
        return Ok(w.fetch_with_str(url));
    }
    let scope: web_sys::WorkerGlobalScope = js_sys::global().dyn_into()?;
    Ok(scope.fetch_with_str(url))
}

/// The texts of the inline blocks, when the page has all four (the single-file build).
fn inline_texts() -> Option<Vec<String>> {
    let doc = web_sys::window()?.document()?;
    FILES
        .iter()
        .map(|f| {
            let id = format!("parallax-lexicon-{}", f.trim_end_matches(".txt"));
            doc.get_element_by_id(&id)?.text_content()
        })
        .collect()
}
