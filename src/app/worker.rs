//! The analysis off the main thread, in a Web Worker running this same wasm module.
//!
//! The page starts a module worker from a tiny script (a Blob URL) that imports the page's own
//! wasm-bindgen glue (found from the `modulepreload` link Trunk writes into index.html) and
//! waits for its first message: the page's own compiled `WebAssembly.Module`
//! (`wasm_bindgen::module()`), so the worker neither downloads nor compiles the wasm again (the
//! browser's cache may not keep it: a private window's in-memory cache skips files over 1.5 MiB);
//! failing that, the wasm's URL (from the `preload` link). In the worker, `start()` sees no `window` and calls `serve()` instead of
//! mounting the page: each request (the articles, a structured-clone object) is analysed with
//! `analyze_with_progress`, posting progress at most every `PROGRESS_MS` and then the analysis
//! in parts (`Part`: documents, groups or names, about `PART_BYTES` of JSON per message), so that
//! the page reads it in many short tasks (`JSON.parse` and serde-wasm-bindgen: no serde_json in
//! the wasm) instead of one long one and can answer input between
//! them; the last message says the analysis is complete and the page assembles it.
//!
//! So the page needs no second wasm binary and no change to the build. Where a worker cannot
//! be started (no module workers, no links: a hand-made index.html), the page analyses in
//! its own thread instead, as before.

use super::{json, words};
use crate::engine::{self, Analysis, Article, DocAnalysis, Entity, Group, Options, Progress};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Serialize, Deserialize)]
struct Request {
    revision: u64,
    articles: Vec<Article>,
    /// Where the worker fetches the lexicon from (`words::base_url`), if it has not yet.
    #[serde(default)]
    lexicon: Option<String>,
    /// Only load the lexicon (the page asks for this after its first view); no reply.
    #[serde(default)]
    preload: bool,
}

/// At most one progress message per this many milliseconds (and the last one).
const PROGRESS_MS: f64 = 150.0;
/// About this much JSON per message of the result (a part takes the page a few milliseconds to
/// read; one item larger than this goes alone).
const PART_BYTES: usize = 24 * 1024;

/// One part of an analysis on its way to the page.
#[derive(Serialize, Deserialize)]
enum Part {
    Docs(Vec<DocAnalysis>),
    Entities(Vec<Entity>),
    Groups(Vec<Group>),
    Single(Vec<String>),
}

#[derive(Serialize, Deserialize)]
struct Reply {
    revision: u64,
    #[serde(default)]
    done: usize,
    #[serde(default)]
    total: usize,
    #[serde(default)]
    part: Option<Part>,
    /// Every part of this revision's analysis has been sent.
    #[serde(default)]
    complete: bool,
    #[serde(default)]
    error: Option<String>,
    /// The worker's first message: it has loaded and is listening.
    #[serde(default)]
    ready: bool,
    /// The worker is loading the lexicon before it analyses this revision.
    #[serde(default)]
    loading_words: bool,
    /// The lexicon could not be loaded: this revision cannot be analysed (a message for the user).
    #[serde(default)]
    words_error: Option<String>,
}

/// In a worker: answers analysis requests and returns true. On a page: returns false.
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
        // The lexicon first (fetched once per worker), then the analysis.
        wasm_bindgen_futures::spawn_local(async move {
            if !req.preload {
                post(&scope, &Reply { revision: req.revision, loading_words: true, ..Reply::default() });
            }
            match words::load(req.lexicon.clone()).await {
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

/// What the page hears back from the worker.
pub enum Event {
    Progress {
        revision: u64,
        done: usize,
        total: usize,
    },
    Done {
        revision: u64,
        analysis: Analysis,
    },
    /// The worker could not start: the page should analyse this revision itself.
    Failed {
        revision: u64,
    },
    /// The analysis itself failed (an engine error) in the worker.
    Crashed {
        revision: u64,
    },
    /// The worker is loading the lexicon first.
    LoadingWords {
        revision: u64,
    },
    /// The lexicon could not be loaded: this revision was not analysed.
    WordsUnavailable {
        revision: u64,
        message: String,
    },
}

impl Default for Reply {
    fn default() -> Self {
        Reply {
            revision: 0,
            done: 0,
            total: 0,
            part: None,
            complete: false,
            error: None,
            ready: false,
            loading_words: false,
            words_error: None,
        }
    }
}

struct Handle {
    worker: web_sys::Worker,
    /// The revision being analysed, if any.
    busy: Rc<RefCell<Option<u64>>>,
    /// Whether the worker has loaded; until then the request waits in `queued` (a message
    /// posted earlier would arrive before the worker listens, and be lost).
    ready: Rc<RefCell<bool>>,
    queued: Rc<RefCell<Option<JsValue>>>,
    _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static WORKER: RefCell<Option<Handle>> = const { RefCell::new(None) };
    /// Set once starting a worker failed: do not try again.
    static UNAVAILABLE: RefCell<bool> = const { RefCell::new(false) };
}

fn absolute(href: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(href, &base).ok().map(|u| u.href())
}

/// The page's own glue script and wasm, from the links Trunk writes.
fn module_urls() -> Option<(String, String)> {
    let doc = web_sys::window()?.document()?;
    let js = doc.query_selector("link[rel=modulepreload][href$='.js']").ok()??.get_attribute("href")?;
    let wasm = doc.query_selector("link[rel=preload][href$='.wasm']").ok()??.get_attribute("href")?;
    Some((absolute(&js)?, absolute(&wasm)?))
}

fn spawn(on_event: Rc<dyn Fn(Event)>) -> Option<Handle> {
    let (js, wasm) = module_urls()?;
    // The first message is the module (or the wasm's URL): initialise with it, once.
    let script = format!(
        "import init from {};\naddEventListener('message', (e) => init({{ module_or_path: e.data }}).catch((e) => postMessage(JSON.stringify({{ revision: 0, error: String(e) }}))), {{ once: true }});\n",
        json::stringify(&js).ok()?,
    );
    let parts = js_sys::Array::of1(&JsValue::from_str(&script));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&url, &opts).ok();
    let _ = web_sys::Url::revoke_object_url(&url);
    let worker = worker?;
    let module = wasm_bindgen::module();
    let first = if module.is_instance_of::<js_sys::WebAssembly::Module>() { module } else { JsValue::from_str(&wasm) };
    worker.post_message(&first).ok()?;
    let busy: Rc<RefCell<Option<u64>>> = Rc::new(RefCell::new(None));
    let ready = Rc::new(RefCell::new(false));
    let queued: Rc<RefCell<Option<JsValue>>> = Rc::new(RefCell::new(None));
    // The parts of the analysis received so far, for the revision being analysed, and whether
    // a message could not be read (then the page analyses that revision itself).
    let partial: RefCell<Option<(u64, Analysis)>> = RefCell::new(None);
    let unreadable = std::cell::Cell::new(false);
    let onmessage = {
        let busy = busy.clone();
        let ready = ready.clone();
        let queued = queued.clone();
        let me = worker.clone();
        let on_event = on_event.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            // Parts come as JSON text (cut to size in the worker), the other replies as objects.
            let data = e.data();
            let value = match data.as_string() {
                Some(text) => json::parse_js(&text),
                None => Ok(data),
            };
            let Ok(reply) = value.and_then(json::from_js::<Reply>) else {
                unreadable.set(true);
                return;
            };
            if reply.ready {
                *ready.borrow_mut() = true;
                if let Some(body) = queued.borrow_mut().take() {
                    let _ = me.post_message(&body);
                }
                return;
            }
            if reply.error.is_some() {
                let current = busy.borrow_mut().take();
                fail();
                if let Some(revision) = current {
                    on_event(Event::Failed { revision });
                }
                return;
            }
            let revision = reply.revision;
            if reply.loading_words {
                on_event(Event::LoadingWords { revision });
                return;
            }
            if let Some(message) = reply.words_error {
                *busy.borrow_mut() = None;
                on_event(Event::WordsUnavailable { revision, message });
                return;
            }
            if let Some(part) = reply.part {
                let mut partial = partial.borrow_mut();
                if partial.as_ref().map(|(r, _)| *r != revision).unwrap_or(true) {
                    *partial = Some((revision, Analysis::default()));
                }
                if let Some((_, a)) = partial.as_mut() {
                    match part {
                        Part::Docs(v) => a.docs.extend(v),
                        Part::Entities(v) => a.entities.extend(v),
                        Part::Groups(v) => a.groups.extend(v),
                        Part::Single(v) => a.single_source.extend(v),
                    }
                }
                return;
            }
            if reply.complete {
                let whole = partial.borrow_mut().take().filter(|(r, _)| *r == revision);
                *busy.borrow_mut() = None;
                if unreadable.replace(false) {
                    on_event(Event::Failed { revision });
                } else {
                    on_event(Event::Done { revision, analysis: whole.map(|(_, a)| a).unwrap_or_default() });
                }
                return;
            }
            on_event(Event::Progress { revision, done: reply.done, total: reply.total });
        })
    };
    let onerror = {
        let busy = busy.clone();
        let ready = ready.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            let current = busy.borrow_mut().take();
            if *ready.borrow() {
                // It had started: the engine failed on these articles. A fresh worker next time.
                drop_worker();
                if let Some(revision) = current {
                    on_event(Event::Crashed { revision });
                }
            } else {
                fail();
                if let Some(revision) = current {
                    on_event(Event::Failed { revision });
                }
            }
        })
    };
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    Some(Handle { worker, busy, ready, queued, _onmessage: onmessage, _onerror: onerror })
}

/// Drops the worker for good (it failed): later analyses run in the page.
fn fail() {
    UNAVAILABLE.with(|u| *u.borrow_mut() = true);
    drop_worker();
}

fn drop_worker() {
    // Dropping the handle from inside its own callback would free the running closure:
    // terminate now, drop later.
    let handle = WORKER.with(|w| w.borrow_mut().take());
    if let Some(h) = handle {
        h.worker.terminate();
        gloo::timers::callback::Timeout::new(0, move || drop(h)).forget();
    }
}

/// Sends the articles to the worker. Returns false when no worker can be used (the caller then
/// analyses in the page). A request made while an older one runs stops the older one.
pub fn analyse(revision: u64, articles: &[Article], on_event: Rc<dyn Fn(Event)>) -> bool {
    if UNAVAILABLE.with(|u| *u.borrow()) {
        return false;
    }
    let request = Request { revision, articles: articles.to_vec(), lexicon: words::base_url(), preload: false };
    let Ok(body) = json::to_js(&request) else {
        return false;
    };
    WORKER.with(|w| {
        let mut w = w.borrow_mut();
        // A worker busy with an older revision is stopped: its answer no longer matters.
        if w.as_ref().map(|h| h.busy.borrow().is_some()).unwrap_or(false) {
            if let Some(h) = w.take() {
                h.worker.terminate();
            }
        }
        if w.is_none() {
            *w = spawn(on_event.clone());
        }
        let Some(h) = w.as_ref() else {
            UNAVAILABLE.with(|u| *u.borrow_mut() = true);
            return false;
        };
        *h.busy.borrow_mut() = Some(revision);
        if !*h.ready.borrow() {
            *h.queued.borrow_mut() = Some(body);
            return true;
        }
        if h.worker.post_message(&body).is_err() {
            *h.busy.borrow_mut() = None;
            return false;
        }
        true
    })
}

/// Starts the worker (if it can be) and has it load the lexicon, so that the first analysis
/// of the user's articles does not wait for it. Returns false when no worker can be used (the
/// page then loads the lexicon itself).
pub fn preload(on_event: Rc<dyn Fn(Event)>) -> bool {
    if UNAVAILABLE.with(|u| *u.borrow()) {
        return false;
    }
    let request = Request { revision: 0, articles: Vec::new(), lexicon: words::base_url(), preload: true };
    let Ok(body) = json::to_js(&request) else {
        return false;
    };
    WORKER.with(|w| {
        let mut w = w.borrow_mut();
        if w.is_none() {
            *w = spawn(on_event);
        }
        let Some(h) = w.as_ref() else {
            UNAVAILABLE.with(|u| *u.borrow_mut() = true);
            return false;
        };
        if !*h.ready.borrow() {
            // A real request queued later replaces this one; it loads the lexicon too.
            h.queued.borrow_mut().get_or_insert(body);
            return true;
        }
        h.worker.post_message(&body).is_ok()
    })
}
