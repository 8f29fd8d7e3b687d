//! One component per file, named after it. Shared helpers below.

pub mod add_article;
pub mod app_shell;
pub mod article_column;
pub mod article_editor;
pub mod detail;
pub mod filter_bar;
pub mod header;
pub mod legend;
pub mod matrix;
pub mod messages;
pub mod names;
pub mod relation_badge;
pub mod selection_bar;
pub mod show_more;
pub mod side_by_side;
pub mod source_pager;
pub mod workspace;

use super::io;
use super::state::{Action, AppContext, MessageKind, MAX_ARTICLE_BYTES};
use crate::engine::Relation;
use yew::platform::spawn_local;

/// The relation's icon: colour is never the only signal.
pub fn relation_icon(r: Relation) -> &'static str {
    match r {
        Relation::Agree => "=",
        Relation::Compatible => "≈",
        Relation::Differ => "≠",
    }
}

pub fn relation_label(r: Relation) -> &'static str {
    match r {
        Relation::Agree => "Agree",
        Relation::Compatible => "Compatible",
        Relation::Differ => "Differ",
    }
}

/// The files of a file input or a drop, as a list.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return vec![] };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads dropped or chosen files: .txt, .md and .html become articles, a .json is imported.
/// Every problem becomes a message; the other files are still added.
pub fn handle_files(ctx: AppContext, files: Vec<web_sys::File>) {
    let dispatcher = ctx.dispatcher();
    spawn_local(async move {
        let mut articles = Vec::new();
        for f in files {
            let name = f.name();
            let size = f.size();
            let err = |m: String| dispatcher.dispatch(Action::Message(MessageKind::Error, m));
            let Some(kind) = io::kind_of(&name) else {
                err(format!(
                    "{name}: only .txt, .md and .html files can be added (or a Parallax .json export imported)."
                ));
                continue;
            };
            if kind != io::FileKind::Json && size > MAX_ARTICLE_BYTES as f64 {
                err(format!(
                    "{name} is {}; an article can be at most 5 MB. It was not added; the other articles are untouched.",
                    io::human_size(size)
                ));
                continue;
            }
            if kind == io::FileKind::Json && size > 64.0 * 1024.0 * 1024.0 {
                err(format!("{name} is {}: too large to import.", io::human_size(size)));
                continue;
            }
            let blob = gloo::file::Blob::from(f);
            let bytes = match gloo::file::futures::read_as_bytes(&blob).await {
                Ok(b) => b,
                Err(_) => {
                    err(format!("{name} could not be read."));
                    continue;
                }
            };
            let text = match io::decode(&name, &bytes) {
                Ok(t) => t,
                Err(m) => {
                    err(m);
                    continue;
                }
            };
            if kind == io::FileKind::Json {
                match io::import_json(&text) {
                    Ok(imp) => dispatcher.dispatch(Action::Import {
                        entries: imp.entries,
                        analysis: imp.analysis,
                        corrections: imp.corrections,
                    }),
                    Err(m) => err(format!("{name}: {m}")),
                }
                continue;
            }
            match io::article_from_file(&name, kind, &text) {
                Ok(a) if a.text.len() > MAX_ARTICLE_BYTES => err(format!(
                    "{name}: its text is {}; an article can be at most 5 MB. It was not added.",
                    io::human_size(a.text.len() as f64)
                )),
                Ok(a) => articles.push(a),
                Err(m) => err(m),
            }
        }
        if !articles.is_empty() {
            dispatcher.dispatch(Action::AddArticles(articles));
        }
    });
}

/// Focuses the first element matching `selector`, if any.
pub fn focus(selector: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Runs `f` once the page has drawn what was just dispatched (after Yew's render), trying again
/// every 16 ms, up to 20 times, while it returns false (the element it wants is not there yet).
pub fn after_render(f: impl Fn() -> bool + 'static) {
    fn attempt(f: std::rc::Rc<dyn Fn() -> bool>, left: u32) {
        gloo::timers::callback::Timeout::new(if left == 20 { 0 } else { 16 }, move || {
            if !f() && left > 1 {
                attempt(f, left - 1);
            }
        })
        .forget();
    }
    attempt(std::rc::Rc::new(f), 20);
}

/// `s` for a CSS attribute selector in double quotes.
pub fn css_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}
