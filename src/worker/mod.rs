//! The analysis worker: its own wasm module (`src/bin/parallax-worker.rs`), the only one with
//! the engine's analysis in it. The page starts it after its first view, or when articles need
//! analysing (`app::worker`), in a Web Worker, so that the page's own download stays small and
//! the page answers input while the engine works.
//!
//! Each request (`web::protocol::Request`) is analysed with `analyze_with_progress`, posting
//! progress at most every `PROGRESS_MS` and then the analysis in parts (`Part`: documents,
//! groups or names, about `PART_BYTES` of JSON per message); the last message says the analysis
//! is complete. The lexicon (`words`) is loaded first, once per worker.
//!
//! Known limit: a panic aborts the worker's module; the page hears it as the worker's `error`
//! event, says the analysis failed, and starts a fresh worker for the next request.

pub mod words;

use crate::engine::{self, Analysis, Options, Progress};
use crate::web::json;
use crate::web::protocol::{Reply, Request, PART_BYTES, PROGRESS_MS};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker module's entry point: the panic message to the console, then serve requests.
/// Outside a worker (someone loaded this module in a page) it does nothing.
pub fn start() {
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
    serve();
}

/// In a worker: answers analysis requests and returns true. Elsewhere: returns false.
pub fn serve() -> bool {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return false;
    };
    let post_scope = scope.clone();
    let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let scope = post_scope.clone();
        let req: Request = match json::from_js(e.data()) {
            Ok(r) => r,
            Err(err) => {
                post(&scope, &Reply { revision: 0, error: Some(err), ..Reply::default() });
                return;
            }
        };
        if words::ready() {
            if !req.preload {
                answer(&scope, req);
            }
            return;
        }
        // The lexicon first (loaded once per worker), then the analysis.
        wasm_bindgen_futures::spawn_local(async move {
            let mut req = req;
            if !req.preload {
                post(&scope, &Reply { revision: req.revision, loading_words: true, ..Reply::default() });
            }
            let source = match req.lexicon_texts.take() {
                Some(texts) => words::Source::Texts(texts),
                None => words::Source::Url(req.lexicon.take()),
            };
            match words::load(source).await {
                Ok(()) if !req.preload => answer(&scope, req),
                Ok(()) => {}
                Err(e) if !req.preload => {
                    post(&scope, &Reply { revision: req.revision, words_error: Some(e), ..Reply::default() })
                }
                Err(_) => {}
            }
        });
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post(&scope, &Reply { ready: true, ..Reply::default() });
    true
}

fn post(scope: &web_sys::DedicatedWorkerGlobalScope, r: &Reply) {
    if let Ok(v) = json::to_js(r) {
        let _ = scope.post_message(&v);
    }
}

/// Analyses one request and posts the progress and the result in parts.
fn answer(post_scope: &web_sys::DedicatedWorkerGlobalScope, req: Request) {
    let post = |r: &Reply| post(post_scope, r);
    let revision = req.revision;
    let mut last = f64::NEG_INFINITY;
    let mut progress = |p: Progress| {
        let now = js_sys::Date::now();
        if now - last >= PROGRESS_MS || p.done >= p.total {
            last = now;
            post(&Reply { revision, done: p.done, total: p.total, ..Reply::default() });
        }
    };
    let analysis = engine::analyze_with_progress(&req.articles, &Options::default(), &mut progress);
    let Analysis { docs, entities, groups, single_source } = analysis;
    // Each message is `Reply { revision, part: Some(Part::Tag([items])) }` as JSON, written
    // from the items' own JSON so that a part can be cut by size.
    let send = |tag: &str, items: Vec<String>| {
        let mut batch = String::new();
        let flush = |batch: &mut String| {
            if !batch.is_empty() {
                let msg = format!("{{\"revision\":{revision},\"part\":{{\"{tag}\":[{batch}]}}}}");
                let _ = post_scope.post_message(&JsValue::from_str(&msg));
                batch.clear();
            }
        };
        for item in items {
            if !batch.is_empty() && batch.len() + item.len() > PART_BYTES {
                flush(&mut batch);
            }
            if !batch.is_empty() {
                batch.push(',');
            }
            batch.push_str(&item);
        }
        flush(&mut batch);
    };
    let items = || -> Result<[Vec<String>; 4], String> {
        Ok([
            docs.iter().map(json::stringify).collect::<Result<_, _>>()?,
            entities.iter().map(json::stringify).collect::<Result<_, _>>()?,
            groups.iter().map(json::stringify).collect::<Result<_, _>>()?,
            single_source.iter().map(json::stringify).collect::<Result<_, _>>()?,
        ])
    };
    match items() {
        Ok([d, e, g, s]) => {
            send("Docs", d);
            send("Entities", e);
            send("Groups", g);
            send("Single", s);
            post(&Reply { revision, complete: true, ..Reply::default() });
        }
        Err(err) => post(&Reply { revision, error: Some(err), ..Reply::default() }),
    }
}
