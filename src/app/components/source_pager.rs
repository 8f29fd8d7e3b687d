//! The pager of sources: the column views (side by side, the claim matrix, the names table)
//! show `DOCS_PER_PAGE` sources at a time, from `State::first_doc`; this moves between those
//! pages. Shows nothing when every source fits in one page. Test hooks: `data-doc-count` (all
//! sources), `data-doc-first` (the first shown, from 1), `data-pager="prev"|"next"`.

use crate::app::state::{Action, AppContext, DOCS_PER_PAGE};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourcePagerProps {
    /// How many sources there are.
    pub total: usize,
    /// What the pages are of, for the label ("Articles", "Sources").
    pub noun: AttrValue,
}

#[function_component(SourcePager)]
pub fn source_pager(p: &SourcePagerProps) -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    let shown = ctx.docs_shown(p.total);
    if p.total <= DOCS_PER_PAGE {
        return html! {};
    }
    let go = |to: usize| {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::ShowDoc(to)))
    };
    let prev = shown.start.saturating_sub(DOCS_PER_PAGE);
    let next = shown.end;
    html! {
        <nav class="pager source-pager" aria-label={format!("{} pages", p.noun)}
            data-doc-count={p.total.to_string()} data-doc-first={(shown.start + 1).to_string()}>
            <button type="button" data-pager="prev" disabled={shown.start == 0} onclick={go(prev)}
                aria-label={format!("Previous {DOCS_PER_PAGE} {}", p.noun.to_lowercase())}>{ "‹ Previous" }</button>
            <span class="pager-label" aria-live="polite">
                { format!("{} {}–{} of {}", p.noun, shown.start + 1, shown.end, p.total) }
            </span>
            <button type="button" data-pager="next" disabled={shown.end >= p.total} onclick={go(next)}
                aria-label={format!("Next {DOCS_PER_PAGE} {}", p.noun.to_lowercase())}>{ "Next ›" }</button>
        </nav>
    }
}
