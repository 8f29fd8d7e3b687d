//! Adding articles: paste a text, or drop (or choose) .txt, .md and .html files.

use super::{files_of, handle_files};
use crate::app::state::{Action, AppContext, MessageKind, MAX_ARTICLE_BYTES};
use crate::engine::{Article, ArticleMeta, Date};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[function_component(AddArticle)]
pub fn add_article() -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    let text = use_state(String::new);
    let outlet = use_state(String::new);
    let title = use_state(String::new);
    let date = use_state(String::new);
    let over = use_state(|| false);
    let bind_input = |h: UseStateHandle<String>| {
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            h.set(i.value());
        })
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let t: HtmlTextAreaElement = e.target_unchecked_into();
            text.set(t.value());
        })
    };
    let onsubmit = {
        let (ctx, text, outlet, title, date) = (ctx.clone(), text.clone(), outlet.clone(), title.clone(), date.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let t = text.replace("\r\n", "\n");
            if t.trim().is_empty() {
                ctx.dispatch(Action::Message(MessageKind::Error, "Paste an article's text first.".into()));
                return;
            }
            if t.len() > MAX_ARTICLE_BYTES {
                ctx.dispatch(Action::Message(
                    MessageKind::Error,
                    "This text is larger than 5 MB; it was not added.".into(),
                ));
                return;
            }
            let d = date.trim();
            let parsed = if d.is_empty() {
                None
            } else {
                match Date::parse(d) {
                    Some(x) => Some(x),
                    None => {
                        ctx.dispatch(Action::Message(MessageKind::Error, format!("“{d}” is not a date (YYYY-MM-DD).")));
                        return;
                    }
                }
            };
            let o = outlet.trim().to_string();
            let ti = title.trim().to_string();
            let base = if o.is_empty() { "pasted".to_string() } else { o.to_lowercase() };
            let meta = ArticleMeta {
                outlet: (!o.is_empty()).then_some(o),
                title: (!ti.is_empty()).then_some(ti),
                date: parsed,
            };
            ctx.dispatch(Action::AddArticles(vec![Article { id: format!("{base}.txt"), text: t, meta }]));
            text.set(String::new());
            outlet.set(String::new());
            title.set(String::new());
            date.set(String::new());
        })
    };
    let on_files = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = files_of(input.files());
            input.set_value("");
            handle_files(ctx.clone(), files);
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_| over.set(false))
    };
    let ondrop = {
        let ctx = ctx.clone();
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            over.set(false);
            handle_files(ctx.clone(), files_of(e.data_transfer().and_then(|d| d.files())));
        })
    };
    html! {
        <section class="add" aria-labelledby="add-h">
            <h2 id="add-h">{ "Add an article" }</h2>
            <div class={classes!("dropzone", over.then_some("over"))} {ondragover} {ondragleave} {ondrop} data-dropzone="">
                <p>{ "Drop .txt, .md or .html files here (up to 5 MB each), or " }
                    <label class="button">{ "choose files" }
                        <input type="file" multiple=true accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                            class="visually-hidden" onchange={on_files} data-add-files="" />
                    </label>
                </p>
                <p class="muted">{ "Web pages are reduced to their text (no scripts, styles or navigation). Files stay in your browser." }</p>
            </div>
            <form class="paste" {onsubmit}>
                <label for="paste-text">{ "Or paste the article's text" }</label>
                <textarea id="paste-text" rows="8" value={(*text).clone()} oninput={on_text}
                    placeholder="Paste the text of a news report…"></textarea>
                <div class="meta-fields">
                    <label for="paste-outlet">{ "Outlet" }</label>
                    <input id="paste-outlet" type="text" value={(*outlet).clone()} oninput={bind_input(outlet.clone())} placeholder="e.g. Reuters (optional)" />
                    <label for="paste-title">{ "Title" }</label>
                    <input id="paste-title" type="text" value={(*title).clone()} oninput={bind_input(title.clone())} placeholder="optional" />
                    <label for="paste-date">{ "Date" }</label>
                    <input id="paste-date" type="date" value={(*date).clone()} oninput={bind_input(date.clone())} />
                </div>
                <button type="submit" class="primary">{ "Add article" }</button>
            </form>
        </section>
    }
}
