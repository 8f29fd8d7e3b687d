//! The page's side of the analysis worker (`crate::worker`, its own wasm module since issue 8:
//! the engine's analysis is not in the page's wasm, so the first download stays small).
//!
//! The worker is a classic Web Worker started from a tiny script (a Blob URL): on the site it
//! `importScripts` the worker's wasm-bindgen glue, whose file names the build wrote into the
//! page (`<meta name="parallax-worker" content="GLUE WASM">`, `scripts/postbuild.mjs`); in the
//! single-file build the glue is the script itself and the wasm comes as base64, both from inline
//! blocks (`#parallax-worker-glue`, `#parallax-worker-wasm`), since a page opened from `file://`
//! can start a classic worker from a Blob but fetch nothing. The first message tells the worker
//! where its wasm is (or gives its bytes); requests wait until it says it is ready.
//!
//! It is started after the page's first view (`preload`, which also has it load the lexicon) or
//! by the first request. Where no worker can start, the page says so and keeps the articles: it
//! cannot analyse them itself (known limit; every current browser has Web Workers).

use crate::engine::{lexicon, Analysis, Article};
use crate::web::json;
use crate::web::protocol::{Part, Reply, Request};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
    /// The worker could not start (its files could not be loaded, or it failed before it was
    /// ready): this revision was not analysed.
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

struct Handle {
    worker: web_sys::Worker,
    /// The revision being analysed, if any.
    busy: Rc<RefCell<Option<u64>>>,
    /// Whether the worker has loaded; until then the request waits in `queued` (a message
    /// posted earlier would arrive before the worker listens, and be lost).
    ready: Rc<RefCell<bool>>,
    queued: Rc<RefCell<Option<JsValue>>>,
    /// Whether a request with the lexicon's source (its address, or the single file's inline
    /// texts) has been posted to this worker: later requests leave it out.
    words_sent: Rc<std::cell::Cell<bool>>,
    _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static WORKER: RefCell<Option<Handle>> = const { RefCell::new(None) };
}

fn absolute(href: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(href, &base).ok().map(|u| u.href())
}

/// Where the worker fetches the lexicon from: `lexicon/` next to the page (absolute, since the
/// worker runs from a Blob URL).
fn lexicon_url() -> Option<String> {
    absolute("lexicon/")
}

/// The lexicon's texts when the page has them inline (the single-file build), in `FILES` order.
fn inline_lexicon() -> Option<Vec<String>> {
    let doc = web_sys::window()?.document()?;
    lexicon::FILES
        .iter()
        .map(|f| doc.get_element_by_id(&format!("parallax-lexicon-{}", f.trim_end_matches(".txt")))?.text_content())
        .collect()
}

/// A request for the worker `h`. The single file's inline lexicon (~350 KB of text) goes only
/// to a worker that has not been sent it yet: the worker keeps the lexicon once installed.
fn request(h: &Handle, revision: u64, articles: Vec<Article>, preload: bool) -> Result<JsValue, String> {
    let texts = if h.words_sent.get() { None } else { inline_lexicon() };
    let lexicon = if texts.is_some() || h.words_sent.get() { None } else { lexicon_url() };
    json::to_js(&Request { revision, articles, lexicon, lexicon_texts: texts, preload })
}

/// Posts `body` to the worker; the worker then has its lexicon source (a body built before
/// `words_sent` was set carries it).
fn post(h: &Handle, body: &JsValue) -> bool {
    let sent = h.worker.post_message(body).is_ok();
    if sent {
        h.words_sent.set(true);
    }
    sent
}

/// The worker's boot script and its first message (the wasm's URL, or its bytes in base64).
fn worker_source() -> Option<(String, JsValue)> {
    let doc = web_sys::window()?.document()?;
    let first = js_sys::Object::new();
    let glue = if let Some(meta) = doc.query_selector("meta[name=parallax-worker]").ok()? {
        // The site: "GLUE WASM", relative to the page.
        let content = meta.get_attribute("content")?;
        let mut names = content.split_whitespace();
        let (glue, wasm) = (absolute(names.next()?)?, absolute(names.next()?)?);
        json::set(&first, "wasm", &JsValue::from_str(&wasm));
        format!("importScripts({});", json::stringify(&glue).ok()?)
    } else {
        // The single file: everything inline.
        let glue = doc.get_element_by_id("parallax-worker-glue")?.text_content()?;
        let wasm64 = doc.get_element_by_id("parallax-worker-wasm")?.text_content()?;
        json::set(&first, "wasm64", &JsValue::from_str(wasm64.trim()));
        glue
    };
    // wasm-bindgen's no-modules glue defines `wasm_bindgen` (the init function); the worker's
    // `main` then serves (src/worker/mod.rs). A failure to start is reported as a JSON reply.
    let script = format!(
        "{glue}\naddEventListener('message', (e) => {{\n  const d = e.data;\n  let w = d.wasm;\n  if (d.wasm64) {{ const s = atob(d.wasm64); w = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) w[i] = s.charCodeAt(i); }}\n  wasm_bindgen({{ module_or_path: w }}).catch((err) => postMessage(JSON.stringify({{ revision: 0, error: String(err) }})));\n}}, {{ once: true }});\n"
    );
    Some((script, first.into()))
}

fn spawn(on_event: Rc<dyn Fn(Event)>) -> Option<Handle> {
    let (script, first) = worker_source()?;
    let parts = js_sys::Array::of1(&JsValue::from_str(&script));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let worker = web_sys::Worker::new(&url).ok();
    let _ = web_sys::Url::revoke_object_url(&url);
    let worker = worker?;
    worker.post_message(&first).ok()?;
    let busy: Rc<RefCell<Option<u64>>> = Rc::new(RefCell::new(None));
    let ready = Rc::new(RefCell::new(false));
    let queued: Rc<RefCell<Option<JsValue>>> = Rc::new(RefCell::new(None));
    let words_sent = Rc::new(std::cell::Cell::new(false));
    // The parts of the analysis received so far, for the revision being analysed, and whether
    // a message could not be read (then that revision's analysis failed).
    let partial: RefCell<Option<(u64, Analysis)>> = RefCell::new(None);
    let unreadable = std::cell::Cell::new(false);
    let onmessage = {
        let busy = busy.clone();
        let ready = ready.clone();
        let queued = queued.clone();
        let words_sent = words_sent.clone();
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
                    if me.post_message(&body).is_ok() {
                        words_sent.set(true);
                    }
                }
                return;
            }
            if reply.error.is_some() {
                // Before it was ready: it could not start; after: a request it could not read.
                let current = busy.borrow_mut().take();
                let started = *ready.borrow();
                drop_worker();
                if let Some(revision) = current {
                    on_event(if started { Event::Crashed { revision } } else { Event::Failed { revision } });
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
                    on_event(Event::Crashed { revision });
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
                drop_worker();
                if let Some(revision) = current {
                    on_event(Event::Failed { revision });
                }
            }
        })
    };
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    Some(Handle { worker, busy, ready, queued, words_sent, _onmessage: onmessage, _onerror: onerror })
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

/// Sends the articles to the worker, starting one if needed. Returns false when no worker can
/// be started (then nothing is analysed). A request made while an older one runs stops the older one.
pub fn analyse(revision: u64, articles: &[Article], on_event: Rc<dyn Fn(Event)>) -> bool {
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
            return false;
        };
        let Ok(body) = request(h, revision, articles.to_vec(), false) else {
            return false;
        };
        *h.busy.borrow_mut() = Some(revision);
        if !*h.ready.borrow() {
            *h.queued.borrow_mut() = Some(body);
            return true;
        }
        if !post(h, &body) {
            *h.busy.borrow_mut() = None;
            return false;
        }
        true
    })
}

/// Starts the worker (if it can be) and has it load the lexicon, so that the first analysis
/// of the user's articles does not wait for it. Returns false when no worker can be started.
pub fn preload(on_event: Rc<dyn Fn(Event)>) -> bool {
    WORKER.with(|w| {
        let mut w = w.borrow_mut();
        if w.is_none() {
            *w = spawn(on_event);
        }
        let Some(h) = w.as_ref() else {
            return false;
        };
        let Ok(body) = request(h, 0, Vec::new(), true) else {
            return false;
        };
        if !*h.ready.borrow() {
            // A real request queued later replaces this one; it loads the lexicon too.
            h.queued.borrow_mut().get_or_insert(body);
            return true;
        }
        post(h, &body)
    })
}
