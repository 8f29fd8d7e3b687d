//! The header: title, the views, exports and import, and the analysis progress.

use super::{files_of, handle_files};
use crate::app::io;
use crate::app::state::{Action, AppContext, MessageKind, View};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component(Header)]
pub fn header() -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    let tabs = View::ALL.iter().map(|v| {
        let v = *v;
        let current = ctx.view == v;
        let onclick = {
            let ctx = ctx.clone();
            Callback::from(move |_| ctx.dispatch(Action::SetView(v)))
        };
        html! {
            <li>
                <button type="button" class={classes!("tab", current.then_some("current"))}
                    aria-current={current.then_some("page")} data-view={v.as_str()} {onclick}>
                    { v.label() }
                </button>
            </li>
        }
    });
    let export = |kind: &'static str| {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            let Some(d) = ctx.derived.clone() else {
                ctx.dispatch(Action::Message(MessageKind::Info, "The analysis is not ready yet.".into()));
                return;
            };
            let result = match kind {
                "json" => io::export_json(&d, &ctx.corrections)
                    .and_then(|text| io::download("parallax.json", "application/json", &text)),
                "csv" => io::download("parallax.csv", "text/csv;charset=utf-8", &io::export_csv(&d)),
                _ => io::download(
                    "parallax.md",
                    "text/markdown;charset=utf-8",
                    &io::export_markdown(&d, &ctx.corrections),
                ),
            };
            if let Err(m) = result {
                ctx.dispatch(Action::Message(MessageKind::Error, m));
            }
        })
    };
    let on_import = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = files_of(input.files());
            input.set_value("");
            handle_files(ctx.clone(), files);
        })
    };
    // Analysing (or waiting for the lexicon); with no result yet, the exports wait too. With no
    // result because the lexicon could not be loaded, nothing spins: the message says why.
    let analysing = ctx.progress.is_some() || ctx.analysed != ctx.revision;
    let busy = analysing || ctx.derived.is_none();
    let n = ctx.entries.len();
    html! {
        <header class="top">
            <div class="brand">
                <h1>{ "Parallax" }</h1>
                <p class="tagline">{ "One story, several reports, claim by claim." }</p>
            </div>
            <nav class="views" aria-label="Views"><ul>{ for tabs }</ul></nav>
            <div class="io" role="group" aria-label="Export and import">
                <span class="io-label">{ "Export" }</span>
                <button type="button" data-export="json" onclick={export("json")} disabled={busy}>{ "JSON" }</button>
                <button type="button" data-export="csv" onclick={export("csv")} disabled={busy}>{ "CSV" }</button>
                <button type="button" data-export="md" onclick={export("md")} disabled={busy}>{ "Markdown" }</button>
                <label class="button import">
                    { "Import JSON" }
                    <input type="file" class="visually-hidden" accept=".json,application/json" onchange={on_import}
                        data-import="json" />
                </label>
            </div>
            <div class="progress" role="status" aria-live="polite">
                if analysing {
                    if let Some((done, total)) = ctx.progress.filter(|p| p.1 > 0) {
                        <progress aria-label="Analysing" max={total.to_string()} value={done.min(total).to_string()}></progress>
                    } else {
                        <progress aria-label="Analysing"></progress>
                    }
                    if ctx.loading_words {
                        <span data-loading-words="">{ "Loading word data…" }</span>
                    } else {
                        <span>{ format!("Analysing {n} article{}…", if n == 1 { "" } else { "s" }) }</span>
                    }
                }
            </div>
        </header>
    }
}
