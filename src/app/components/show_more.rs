//! "Show more" under a long list: says how many of how many rows are shown and adds the next
//! `step` (`ROWS_PER_PAGE` unless told). Shows nothing when the list fits in one step. Test hook: `data-show-more`
//! on the button, `data-shown`/`data-total` on the wrapper.

use crate::app::state::ROWS_PER_PAGE;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShowMoreProps {
    pub shown: usize,
    pub total: usize,
    /// What the rows are ("groups", "claims", "names", "articles").
    pub noun: AttrValue,
    /// Called with the new number of rows to show.
    pub onmore: Callback<usize>,
    /// Rows per page.
    #[prop_or(ROWS_PER_PAGE)]
    pub step: usize,
}

#[function_component(ShowMore)]
pub fn show_more(p: &ShowMoreProps) -> Html {
    if p.total <= p.step {
        return html! {};
    }
    let more = p.total.saturating_sub(p.shown).min(p.step);
    let onclick = {
        let (cb, shown, step) = (p.onmore.clone(), p.shown, p.step);
        Callback::from(move |_| cb.emit(shown + step))
    };
    html! {
        <div class="show-more" data-shown={p.shown.to_string()} data-total={p.total.to_string()}>
            <span class="muted" aria-live="polite">{ format!("{} of {} {} shown", p.shown, p.total, p.noun) }</span>
            if more > 0 {
                <button type="button" data-show-more="" {onclick}>{ format!("Show {more} more") }</button>
            }
        </div>
    }
}
