//! "Show more" under a long list: says how many of how many rows are shown and adds the next
//! `ROWS_PER_PAGE`. Shows only the count when everything is shown. Test hook: `data-show-more`
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
}

#[function_component(ShowMore)]
pub fn show_more(p: &ShowMoreProps) -> Html {
    if p.total <= ROWS_PER_PAGE {
        return html! {};
    }
    let more = (p.total - p.shown).min(ROWS_PER_PAGE);
    let onclick = {
        let (cb, shown) = (p.onmore.clone(), p.shown);
        Callback::from(move |_| cb.emit(shown + ROWS_PER_PAGE))
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
