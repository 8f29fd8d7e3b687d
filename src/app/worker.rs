//! The analysis off the main thread, in a Web Worker running this same wasm module.
//!
//! The page starts a module worker from a tiny script (a Blob URL) that imports the page's own
//! wasm-bindgen glue and wasm (found from the `modulepreload` and `preload` links Trunk writes
//! into index.html). In the worker, `start()` sees no `window` and calls `serve()` instead of
//! mounting the page: each request (the articles, as JSON) is analysed with
//! `analyze_with_progress`, posting progress after each article and then the analysis.
//!
//! So the page needs no second wasm binary and no change to the build. Where a worker cannot
//! be started (no module workers, no links: a hand-made index.html), the page analyses in
//! its own thread instead, as before.

use crate::engine::{self, Analysis, Article, Options, Progress};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Serialize, Deserialize)]
struct Request {
    revision: u64,
    articles: Vec<Article>,
}

#[derive(Serialize, Deserialize)]
struct Reply {
    revision: u64,
    #[serde(default)]
    done: usize,
    #[serde(default)]
    total: usize,
    #[serde(default)]
    analysis: Option<Analysis>,
    #[serde(default)]
    error: Option<String>,
    /// The worker's first message: it has loaded and is listening.
    #[serde(default)]
    ready: bool,
}

/// In a worker: answers analysis requests and returns true. On a page: returns false.
pub fn serve() -> bool {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return false;
    };
    let post_scope = scope.clone();
    let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let post = |r: &Reply| {
            if let Ok(s) = serde_json::to_string(r) {
                let _ = post_scope.post_message(&JsValue::from_str(&s));
            }
        };
        let Some(text) = e.data().as_string() else {
            return;
        };
        let req: Request = match serde_json::from_str(&text) {
            Ok(r) => r,
            Err(err) => {
                post(&Reply {
                    revision: 0,
                    done: 0,
                    total: 0,
                    analysis: None,
                    error: Some(err.to_string()),
                    ready: false,
                });
                return;
            }
        };
        let revision = req.revision;
        let mut progress = |p: Progress| {
            post(&Reply { revision, done: p.done, total: p.total, analysis: None, error: None, ready: false });
        };
        let analysis = engine::analyze_with_progress(&req.articles, &Options::default(), &mut progress);
        post(&Reply { revision, done: 0, total: 0, analysis: Some(analysis), error: None, ready: false });
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    if let Ok(s) =
        serde_json::to_string(&Reply { revision: 0, done: 0, total: 0, analysis: None, error: None, ready: true })
    {
        let _ = scope.post_message(&JsValue::from_str(&s));
    }
    true
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
}

struct Handle {
    worker: web_sys::Worker,
    /// The revision being analysed, if any.
    busy: Rc<RefCell<Option<u64>>>,
    /// Whether the worker has loaded; until then the request waits in `queued` (a message
    /// posted earlier would arrive before the worker listens, and be lost).
    ready: Rc<RefCell<bool>>,
    queued: Rc<RefCell<Option<String>>>,
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
    let script = format!(
        "import init from {};\ninit({{ module_or_path: {} }}).catch((e) => postMessage(JSON.stringify({{ revision: 0, error: String(e) }})));\n",
        serde_json::to_string(&js).ok()?,
        serde_json::to_string(&wasm).ok()?
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
    let busy: Rc<RefCell<Option<u64>>> = Rc::new(RefCell::new(None));
    let ready = Rc::new(RefCell::new(false));
    let queued: Rc<RefCell<Option<String>>> = Rc::new(RefCell::new(None));
    let onmessage = {
        let busy = busy.clone();
        let ready = ready.clone();
        let queued = queued.clone();
        let me = worker.clone();
        let on_event = on_event.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            let Ok(reply) = serde_json::from_str::<Reply>(&text) else {
                return;
            };
            if reply.ready {
                *ready.borrow_mut() = true;
                if let Some(body) = queued.borrow_mut().take() {
                    let _ = me.post_message(&JsValue::from_str(&body));
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
            match reply.analysis {
                Some(analysis) => {
                    *busy.borrow_mut() = None;
                    on_event(Event::Done { revision: reply.revision, analysis });
                }
                None => on_event(Event::Progress { revision: reply.revision, done: reply.done, total: reply.total }),
            }
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
    let Ok(body) = serde_json::to_string(&Request { revision, articles: articles.to_vec() }) else {
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
        if h.worker.post_message(&JsValue::from_str(&body)).is_err() {
            *h.busy.borrow_mut() = None;
            return false;
        }
        true
    })
}
