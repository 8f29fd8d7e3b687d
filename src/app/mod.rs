//! The page: Yew components over one app state (`state::State`, a `Reducible` provided as a
//! context). Only compiled for wasm.
//!
//! - `state`: the state, its actions and the corrected analysis (`Derived`);
//! - `corrections`: the user's accept/reject/split/merge, applied over the engine's analysis;
//! - `storage`: the workspace in localStorage; `hash`: the view state in the URL hash;
//! - `io`: files in (text, Markdown, HTML), downloads, JSON export and import;
//! - `worker`: the page's side of the analysis worker (the engine runs only there, in its own
//!   wasm module, started after the first view: `crate::worker`);
//! - `components`: one component per file.

pub mod components;
pub mod corrections;
pub mod hash;
pub mod io;
pub mod state;
pub mod storage;
pub mod worker;

use crate::engine::{Analysis, Article};
use crate::web::json;
use components::app_shell::AppShell;
use gloo::events::EventListener;
use state::{Action, AppContext, MessageKind, State};
use std::rc::Rc;
use yew::prelude::*;

/// Mounts the app on the page body.
pub fn start() {
    install_panic_hook();
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("loading")) {
        el.remove();
    }
    yew::Renderer::<App>::new().render();
}

/// On a panic, besides the message in the console, a visible error with a Reload button over
/// the page (a panic stops the wasm module: without this the page would silently stop
/// responding). Built with plain DOM calls, never through Yew, which is dead by then. (The
/// analysis worker is another module with its own hook: the page hears of its crash.)
/// Through Yew, which would otherwise replace any hook with its own when it renders.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash(&info.to_string());
    }));
}

/// Writes the crash notice (`#crash`, role alert) at the top of the body, once.
pub fn show_crash(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("crash").is_some() {
        return;
    }
    let Some(body) = doc.body() else {
        return;
    };
    let el = |tag: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        // Text, never markup: the detail can quote anything.
        e.set_text_content(Some(text));
        Some(e)
    };
    let build = || -> Option<web_sys::Element> {
        let crash = doc.create_element("div").ok()?;
        crash.set_id("crash");
        crash.set_attribute("role", "alert").ok()?;
        crash
            .set_attribute(
                "style",
                "position:fixed;inset:0;z-index:10000;overflow:auto;padding:2rem;background:#fff;color:#111;font:1rem/1.5 system-ui,sans-serif",
            )
            .ok()?;
        let h = el("h2", "Parallax stopped because of an internal error.")?;
        crash.append_child(&h).ok()?;
        let p = el(
            "p",
            "Nothing you saved in this browser is lost: reload the page to go on. If it happens again, \
             please report it with the details below.",
        )?;
        crash.append_child(&p).ok()?;
        let reload = el("button", "Reload")?;
        reload.set_attribute("type", "button").ok()?;
        // An inline handler: the wasm module cannot run callbacks after a panic.
        reload.set_attribute("onclick", "location.reload()").ok()?;
        reload.set_attribute("data-reload", "").ok()?;
        crash.append_child(&reload).ok()?;
        let details = doc.create_element("details").ok()?;
        let (summary, pre) = (el("summary", "Details")?, el("pre", detail)?);
        details.append_child(&summary).ok()?;
        details.append_child(&pre).ok()?;
        crash.append_child(&details).ok()?;
        Some(crash)
    };
    if let Some(crash) = build() {
        let _ = body.prepend_with_node_1(&crash);
        if let Ok(b) = crash.query_selector("button") {
            if let Some(b) = b.and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok()) {
                let _ = b.focus();
            }
        }
    }
}

/// Panics on purpose, so that the end-to-end tests can check the panic hook on the release build
/// that is deployed (`window.wasmBindings.parallaxPanicTest()`, tests/e2e/robustness.test.mjs).
/// Safe in production: only script already running in the page can call it, and such script
/// could stop the page anyway; nothing in the page calls it, and no URL or input reaches it.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = parallaxPanicTest)]
pub fn panic_test() {
    panic!("parallaxPanicTest: a deliberate panic to test the panic hook");
}

/// How long after the first view the worker and the lexicon start loading (milliseconds).
const PRELOAD_MS: u32 = 200;

thread_local! {
    /// The articles of the analysis asked of the worker (its spans point into these texts).
    static PENDING: std::cell::RefCell<Option<(u64, Rc<Vec<state::Entry>>)>> = const { std::cell::RefCell::new(None) };
}

/// The analysis of the bundled articles, precomputed at build time
/// (`assets/bundled-analysis.json`, compiled in; `examples/bundled_analysis.rs`), read once.
/// `None` only if it cannot be read (then the page analyses them like any articles).
fn precomputed() -> Option<Rc<Analysis>> {
    thread_local! {
        static PRECOMPUTED: std::cell::OnceCell<Option<Rc<Analysis>>> = const { std::cell::OnceCell::new() };
    }
    PRECOMPUTED
        .with(|p| p.get_or_init(|| json::parse::<Analysis>(crate::bundled::PRECOMPUTED).ok().map(Rc::new)).clone())
}

/// What the page does with the worker's events (one handler for every request: the worker
/// keeps the one it was started with).
fn worker_events(dispatcher: UseReducerDispatcher<State>) -> Rc<dyn Fn(worker::Event)> {
    Rc::new(move |ev| match ev {
        worker::Event::Progress { revision, done, total } => {
            dispatcher.dispatch(Action::Analysing { revision, done, total });
        }
        worker::Event::Done { revision, analysis } => {
            let entries = PENDING.with(|p| p.borrow().as_ref().filter(|(r, _)| *r == revision).map(|(_, e)| e.clone()));
            if let Some(entries) = entries {
                dispatcher.dispatch(Action::Analysed { revision, entries, analysis: Rc::new(analysis) });
            }
        }
        worker::Event::Failed { revision } => {
            dispatcher.dispatch(Action::NotAnalysed { revision, message: NO_WORKER.into() })
        }
        worker::Event::Crashed { revision } => dispatcher.dispatch(Action::AnalysisFailed { revision }),
        worker::Event::LoadingWords { revision } => dispatcher.dispatch(Action::LoadingWords { revision }),
        worker::Event::WordsUnavailable { revision, message } => {
            dispatcher.dispatch(Action::NotAnalysed { revision, message })
        }
    })
}

/// What the user reads when no analysis worker could start.
const NO_WORKER: &str = "The analysis could not start: its background worker (parallax-worker) could not be loaded. \
     Your articles are kept; reload the page to try again (once you are online, if this is the first visit).";

/// Asks the worker for an analysis (the engine runs only there). The
/// bundled articles, unchanged, get their precomputed analysis at once.
fn request_analysis(revision: u64, entries: Rc<Vec<state::Entry>>, dispatcher: UseReducerDispatcher<State>) {
    PENDING.with(|p| *p.borrow_mut() = Some((revision, entries.clone())));
    let articles: Vec<Article> = entries.iter().map(|e| e.article.clone()).collect();
    if articles == crate::bundled::articles() {
        if let Some(analysis) = precomputed() {
            dispatcher.dispatch(Action::Analysed { revision, entries, analysis });
            return;
        }
    }
    let on_event = worker_events(dispatcher.clone());
    dispatcher.dispatch(Action::Analysing { revision, done: 0, total: articles.len() + 1 });
    if !worker::analyse(revision, &articles, on_event) {
        dispatcher.dispatch(Action::NotAnalysed { revision, message: NO_WORKER.into() });
    }
}

fn initial_state() -> State {
    let view = hash::parse(&hash::current());
    let mut s = State::default();
    let mut messages = Vec::new();
    match storage::load() {
        Some(l) => {
            s.entries = Rc::new(l.entries);
            s.corrections = Rc::new(l.corrections);
            messages = l.messages;
        }
        None => {
            s.entries = Rc::new(state::bundled_entries(&(0..crate::bundled::ARTICLES.len()).collect::<Vec<_>>()));
            if !storage::is_available() {
                messages.push((MessageKind::Error, storage::UNAVAILABLE.to_string()));
            }
        }
    }
    let mut rc = Rc::new(s).reduce(Action::ApplyViewState(view));
    for (kind, text) in messages {
        rc = rc.reduce(Action::Message(kind, text));
    }
    Rc::try_unwrap(rc).unwrap_or_else(|rc| (*rc).clone())
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);

    // Analysis whenever the articles changed.
    {
        let dispatcher = state.dispatcher();
        let entries = state.entries.clone();
        let needed = state.analysed != state.revision;
        use_effect_with((state.revision, needed), move |(revision, needed)| {
            if *needed {
                let revision = *revision;
                request_analysis(revision, entries, dispatcher);
            }
        });
    }

    // After the first view: the analysis worker and its lexicon, so that analysing the user's
    // articles need not wait for them. A failure here is quiet: an analysis tries again and
    // says so.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            gloo::timers::callback::Timeout::new(PRELOAD_MS, move || {
                let _ = worker::preload(worker_events(dispatcher));
            })
            .forget();
        });
    }

    // Persist the workspace whenever it changed.
    {
        let dispatcher = state.dispatcher();
        let entries = state.entries.clone();
        let corrections = state.corrections.clone();
        use_effect_with(state.save_revision, move |rev| {
            if *rev > 0 {
                match storage::save(&entries, &corrections) {
                    Ok(unsaved) => dispatcher.dispatch(Action::SetUnsaved(unsaved)),
                    Err(msg) => dispatcher.dispatch(Action::Message(MessageKind::Error, msg)),
                }
            }
        });
    }

    // View state into the URL hash; a hash the user changes (or pastes) back into the state.
    {
        let h = hash::to_hash(&state);
        use_effect_with(h, |h| hash::write(h));
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    dispatcher.dispatch(Action::ApplyViewState(hash::parse(&hash::current())));
                })
            });
            move || drop(listener)
        });
    }

    html! {
        <ContextProvider<AppContext> context={state}>
            <AppShell />
        </ContextProvider<AppContext>>
    }
}
