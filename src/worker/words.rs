//! The lexicon (word frequencies and synonyms, `data/lexicon/`) for the engine, in the analysis
//! worker (issue 8: it is in neither wasm module). The engine does no IO: this module gets the
//! files' texts and hands them to `engine::lexicon::install`.
//!
//! Where the texts come from ([`Source`]): a `fetch` of `lexicon/<file>` from the absolute URL
//! the page gives (Trunk copies `data/lexicon/` next to the page; the service worker precaches
//! it, so it works offline once the site was opened online), or the texts themselves, which the
//! page reads from inline blocks in the single-file build (a worker cannot see the page's DOM).
//!
//! One load at a time: callers share it ([`load`]); a failed load is forgotten, so a later call
//! tries again. Known limit: the files are fetched whole (about 158 KB gzip).

use crate::engine::lexicon::{self, LexiconData, FILES};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The load under way (a promise of `undefined`, or a rejection with the message).
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Where the lexicon comes from.
pub enum Source {
    /// Fetched from this base URL (`…/lexicon/`); `None`: the page gave no address.
    Url(Option<String>),
    /// The files' texts, in [`FILES`] order.
    Texts(Vec<String>),
}

/// Whether the lexicon is installed.
pub fn ready() -> bool {
    lexicon::ready()
}

/// Loads and installs the lexicon unless it already is. The error is a sentence for the user.
pub async fn load(source: Source) -> Result<(), String> {
    if lexicon::ready() {
        return Ok(());
    }
    let promise = LOADING.with(|l| {
        l.borrow_mut()
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async move {
                    let texts = match source {
                        Source::Texts(t) if t.len() == FILES.len() => t,
                        Source::Texts(_) => return Err(JsValue::from_str("the page gave incomplete word data")),
                        Source::Url(base) => fetch_all(base.as_deref()).await?,
                    };
                    let mut it = texts.into_iter();
                    let mut next = || it.next().unwrap_or_default();
                    let data = LexiconData { wordfreq: next(), synonyms: next(), close: next(), exceptions: next() };
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

async fn fetch_all(base: Option<&str>) -> Result<Vec<String>, JsValue> {
    let base = base.ok_or_else(|| JsValue::from_str("no address to fetch it from"))?;
    let scope: web_sys::WorkerGlobalScope = js_sys::global().dyn_into()?;
    // Start every request first, then read them in turn.
    let pending: Vec<_> = FILES.iter().map(|f| (f, scope.fetch_with_str(&format!("{base}{f}")))).collect();
    // Every request is awaited, failed or not (an unawaited rejection is a console error).
    let mut responses = Vec::new();
    for (f, p) in pending {
        responses.push((f, JsFuture::from(p).await));
    }
    let mut texts = Vec::with_capacity(FILES.len());
    for (f, r) in responses {
        let resp: web_sys::Response =
            r.map_err(|_| JsValue::from_str(&format!("lexicon/{f} could not be fetched: offline?")))?.dyn_into()?;
        if !resp.ok() {
            return Err(JsValue::from_str(&format!("lexicon/{f}: HTTP {}", resp.status())));
        }
        let text = JsFuture::from(resp.text()?).await?;
        texts.push(text.as_string().unwrap_or_default());
    }
    Ok(texts)
}
