//! The articles in columns with their claims marked by relation. Selecting a claim marks the
//! claims of its group in every article and scrolls each column to its first partner.
//! Only one page of `DOCS_PER_PAGE` articles is in the page at a time (`SourcePager`); a partner
//! in another page is reached from the selection bar, which brings its page in. Test hook:
//! `data-doc-count` on the columns (how many articles in all).

use super::article_column::ArticleColumn;
use super::legend::Legend;
use super::selection_bar::SelectionBar;
use super::source_pager::SourcePager;
use crate::app::state::AppContext;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Scrolls each scrollable column so that its first marked claim is in view (the column that
/// holds the selected claim stays where the user is reading).
fn scroll_partners(selected: Option<&str>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(cols) = doc.query_selector_all(".column-text") else {
        return;
    };
    for i in 0..cols.length() {
        let Some(col) = cols.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else {
            continue;
        };
        if let Some(sel) = selected {
            if col.query_selector(&format!("[data-claim=\"{sel}\"]")).ok().flatten().is_some() {
                continue;
            }
        }
        let Some(el) = col.query_selector("[aria-current=\"true\"]").ok().flatten() else {
            continue;
        };
        if col.scroll_height() > col.client_height() + 4 {
            let top = el.get_bounding_client_rect().top() - col.get_bounding_client_rect().top();
            let target = col.scroll_top() as f64 + top - 24.0;
            col.set_scroll_top(target.max(0.0) as i32);
        }
    }
}

#[function_component(SideBySide)]
pub fn side_by_side() -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    {
        let key = (ctx.group.clone(), ctx.claim.clone(), ctx.derived.is_some());
        use_effect_with(key, |(g, c, _)| {
            if g.is_some() {
                scroll_partners(c.as_deref());
            }
        });
    }
    let Some(d) = ctx.derived.clone() else {
        return html! { <p class="empty" role="status">{ "Analysing the articles…" }</p> };
    };
    let n = d.analysis().docs.len();
    let shown = ctx.docs_shown(n);
    if n == 0 {
        return html! {
            <p class="empty">{ "No articles yet. Add some under “Your articles”, or restore the bundled set there." }</p>
        };
    }
    html! {
        <>
            <h2 class="visually-hidden">{ "Articles side by side" }</h2>
            <div class="side-tools">
                <p class="hint">{ "Select a claim to see what the other articles say about it (keyboard: Tab, then ↑ ↓ within an article, ← → across, Enter selects, Esc clears)." }</p>
                <Legend />
            </div>
            <SelectionBar />
            <SourcePager total={n} noun="Articles" />
            <section class="columns" style={format!("--cols: {}", shown.len())} aria-label="Articles"
                data-doc-count={n.to_string()}>
                { for shown.map(|i| html! { <ArticleColumn key={i} index={i} /> }) }
            </section>
        </>
    }
}
