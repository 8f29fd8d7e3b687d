//! One article of the workspace: its outlet, title and date (editable), and remove.

use crate::app::state::{Action, AppContext, Entry, MessageKind};
use crate::engine::{ArticleMeta, Date};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleEditorProps {
    pub entry: Entry,
    /// What the engine found (the outlet from the credit line, the headline), as placeholders.
    #[prop_or_default]
    pub found_outlet: Option<String>,
    #[prop_or_default]
    pub found_title: Option<String>,
    #[prop_or_default]
    pub unsaved: bool,
}

#[function_component(ArticleEditor)]
pub fn article_editor(p: &ArticleEditorProps) -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    let a = &p.entry.article;
    let field = |which: &'static str| {
        let ctx = ctx.clone();
        let id = a.id.clone();
        let meta = a.meta.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let v = input.value();
            let v = v.trim();
            let mut m: ArticleMeta = meta.clone();
            match which {
                "outlet" => m.outlet = (!v.is_empty()).then(|| v.to_string()),
                "title" => m.title = (!v.is_empty()).then(|| v.to_string()),
                _ => {
                    if v.is_empty() {
                        m.date = None;
                    } else if let Some(d) = Date::parse(v) {
                        m.date = Some(d);
                    } else {
                        ctx.dispatch(Action::Message(MessageKind::Error, format!("“{v}” is not a date (YYYY-MM-DD).")));
                        return;
                    }
                }
            }
            ctx.dispatch(Action::UpdateMeta { id: id.clone(), meta: m });
        })
    };
    let remove = {
        let ctx = ctx.clone();
        let id = a.id.clone();
        Callback::from(move |_| ctx.dispatch(Action::Remove(id.clone())))
    };
    let slug: String = a.id.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
    // Counted once per text, not on every render.
    // (Articles' texts are never edited in place: the id and length name the text.)
    let words = *use_memo((a.id.clone(), a.text.len()), |_| a.text.split_whitespace().count());
    html! {
        <li class="article-card" data-article={a.id.clone()}>
            <h3>{ &a.id }
                <span class="muted">{ format!(" · {} · {} words", if p.entry.bundled { "bundled" } else { "yours" }, words) }</span>
                if p.unsaved { <span class="chip warn">{ "not stored: will not survive a reload" }</span> }
            </h3>
            <div class="meta-fields">
                <label for={format!("outlet-{slug}")}>{ "Outlet" }</label>
                <input id={format!("outlet-{slug}")} type="text" value={a.meta.outlet.clone().unwrap_or_default()}
                    placeholder={p.found_outlet.clone().unwrap_or_else(|| "No credit line found".into())} onchange={field("outlet")} />
                <label for={format!("title-{slug}")}>{ "Title" }</label>
                <input id={format!("title-{slug}")} type="text" value={a.meta.title.clone().unwrap_or_default()}
                    placeholder={p.found_title.clone().unwrap_or_default()} onchange={field("title")} />
                <label for={format!("date-{slug}")}>{ "Date" }</label>
                <input id={format!("date-{slug}")} type="date" value={a.meta.date.map(|d| d.to_string()).unwrap_or_default()}
                    onchange={field("date")} />
            </div>
            <button type="button" class="remove" onclick={remove} aria-label={format!("Remove {}", a.id)}>{ "Remove" }</button>
        </li>
    }
}
