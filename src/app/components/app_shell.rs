//! The page frame: header, messages, the current view; files dropped anywhere are added.

use super::detail::Detail;
use super::header::Header;
use super::matrix::Matrix;
use super::messages::Messages;
use super::names::Names;
use super::side_by_side::SideBySide;
use super::workspace::Workspace;
use super::{files_of, handle_files};
use crate::app::state::{AppContext, View};
use yew::prelude::*;

#[function_component(AppShell)]
pub fn app_shell() -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Only when the pointer leaves the window, not when it crosses a child.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let ctx = ctx.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = files_of(e.data_transfer().and_then(|d| d.files()));
            if !files.is_empty() {
                handle_files(ctx.clone(), files);
            }
        })
    };
    let view = match ctx.view {
        View::Side => html! { <SideBySide /> },
        View::Matrix => html! { <Matrix /> },
        View::Detail => html! { <Detail /> },
        View::Names => html! { <Names /> },
        View::Articles => html! { <Workspace /> },
    };
    html! {
        <div class={classes!("app", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            <Header />
            <Messages />
            <main id="main" class={classes!("view", format!("view-{}", ctx.view.as_str()))} tabindex="-1"
                aria-label={ctx.view.label()}>
                { view }
            </main>
            if *dragging {
                <div class="drop-overlay" aria-hidden="true">{ "Drop .txt, .md or .html files to add them as articles" }</div>
            }
        </div>
    }
}
