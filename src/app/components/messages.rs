//! Messages for the user: errors (role alert), notices (role status), and the standing warning
//! about articles that will not survive a reload.

use crate::app::state::{Action, AppContext, MessageKind};
use yew::prelude::*;

#[function_component(Messages)]
pub fn messages() -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    // Notices go by themselves after a while; errors stay until dismissed.
    {
        let newest = ctx.messages.iter().filter(|m| m.kind == MessageKind::Info).map(|m| m.id).max();
        let dispatcher = ctx.dispatcher();
        use_effect_with(newest, move |newest| {
            if let Some(id) = *newest {
                gloo::timers::callback::Timeout::new(12_000, move || dispatcher.dispatch(Action::Dismiss(id))).forget();
            }
        });
    }
    let items = ctx.messages.iter().map(|m| {
        let id = m.id;
        let dismiss = {
            let ctx = ctx.clone();
            Callback::from(move |_| ctx.dispatch(Action::Dismiss(id)))
        };
        let (class, role) = match m.kind {
            MessageKind::Error => ("message error", "alert"),
            MessageKind::Info => ("message info", "status"),
        };
        html! {
            <li class={class} role={role}>
                <span>{ &m.text }</span>
                <button type="button" class="dismiss" onclick={dismiss} aria-label="Dismiss message">{ "×" }</button>
            </li>
        }
    });
    let unsaved = if ctx.unsaved.is_empty() {
        html! {}
    } else {
        html! {
            <li class="message error storage" role="alert">
                { format!(
                    "The browser's storage is full: {} will not survive a reload. Export JSON to keep {}.",
                    ctx.unsaved.join(", "),
                    if ctx.unsaved.len() == 1 { "it" } else { "them" }
                ) }
            </li>
        }
    };
    html! {
        <ul class="messages" aria-label="Messages">
            { unsaved }
            { for items }
        </ul>
    }
}
