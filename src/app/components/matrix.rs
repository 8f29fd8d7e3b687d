//! The claim matrix: one row per group, one column per source, each cell that source's
//! wording; then the claims only one source states. Keyboard: Tab to the matrix, ↑ ↓ Home End
//! move between rows, Enter opens a row's detail.
//!
//! Long lists are paged: the source columns are the page of `DOCS_PER_PAGE` sources shown
//! (`SourcePager`, shared with the other column views), the rows come `ROWS_PER_PAGE` at a time
//! ("Show more", or ↓ past the last row). The one-source claims are those of the page of
//! sources shown, `SINGLES_PER_PAGE` at a time. The selected group's row is always shown.

use super::filter_bar::FilterBar;
use super::legend::Legend;
use super::relation_badge::RelationBadge;
use super::show_more::ShowMore;
use super::source_pager::SourcePager;
use crate::app::state::{outlet_name, Action, AppContext, Derived, Filters, RelFilter, Sort, ROWS_PER_PAGE};
use crate::engine::{Claim, Group};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// One-source claims shown at first and added by "Show more" (plain list items: more than rows).
const SINGLES_PER_PAGE: usize = 4 * ROWS_PER_PAGE;

fn mentions(c: &Claim, entity: &str) -> bool {
    c.names.iter().any(|m| m.entity == entity)
}

fn entity_in_claim(d: &Derived, c: &Claim, entity: &str) -> bool {
    mentions(c, entity)
        || d.analysis().entities.iter().find(|e| e.id == entity).map_or(false, |e| {
            e.mentions.iter().any(|m| m.doc == c.doc && c.span.start <= m.start && m.end <= c.span.end)
        })
}

/// The groups the filters let through, in the chosen order.
pub fn visible_groups<'a>(d: &'a Derived, f: &Filters) -> Vec<&'a Group> {
    let mut v: Vec<&Group> = d
        .analysis()
        .groups
        .iter()
        .filter(|g| match f.relation {
            None => true,
            Some(RelFilter::Is(r)) => g.relation == r,
            Some(RelFilter::Single) => false,
        })
        .filter(|g| f.difference.map_or(true, |k| g.differences.iter().any(|x| x.kind == k)))
        .filter(|g| f.source.as_ref().map_or(true, |s| g.claims.iter().filter_map(|c| d.claim(c)).any(|c| c.doc == *s)))
        .filter(|g| {
            f.name
                .as_ref()
                .map_or(true, |n| g.claims.iter().filter_map(|c| d.claim(c)).any(|c| entity_in_claim(d, c, n)))
        })
        .collect();
    let sources = |g: &Group| {
        let mut docs: Vec<&str> = g.claims.iter().filter_map(|c| d.claim(c)).map(|c| c.doc.as_str()).collect();
        docs.sort();
        docs.dedup();
        docs.len()
    };
    match f.sort {
        Sort::Document => {}
        Sort::Relation => v.sort_by(|a, b| b.relation.cmp(&a.relation)),
        Sort::Sources => v.sort_by_key(|g| std::cmp::Reverse(sources(g))),
        Sort::Score => v.sort_by(|a, b| b.score.partial_cmp(&a.score).unwrap_or(std::cmp::Ordering::Equal)),
        Sort::Label => v.sort_by(|a, b| a.label.to_lowercase().cmp(&b.label.to_lowercase())),
    }
    v
}

/// ↑ ↓ Home End between the row heads; ↓ on the last row shown calls `more` (the next rows).
fn row_key(e: &KeyboardEvent, more: &dyn Fn()) {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    if !target.class_list().contains("row-head") {
        return;
    }
    let step: i32 = match e.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        "Home" => -100_000,
        "End" => 100_000,
        _ => return,
    };
    e.prevent_default();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = doc.query_selector_all(".matrix .row-head") else {
        return;
    };
    let n = list.length() as i32;
    let pos =
        (0..n).find(|&i| list.item(i as u32).map(|x| x.is_same_node(Some(&target))).unwrap_or(false)).unwrap_or(0);
    if step == 1 && pos == n - 1 {
        more();
        return;
    }
    let next = (pos + step).clamp(0, n - 1);
    if let Some(h) = list.item(next as u32).and_then(|x| x.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = h.focus();
    }
}

#[function_component(Matrix)]
pub fn matrix() -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    let rows_wanted = use_state(|| ROWS_PER_PAGE);
    let singles_wanted = use_state(|| SINGLES_PER_PAGE);
    let Some(d) = ctx.derived.clone() else {
        return html! { <p class="empty" role="status">{ "Analysing the articles…" }</p> };
    };
    let all_docs = &d.analysis().docs;
    let docs = &all_docs[ctx.docs_shown(all_docs.len())];
    let groups = visible_groups(&d, &ctx.filters);
    let total = d.analysis().groups.len();
    let n_groups = groups.len();
    // Rows shown: as many pages as asked for, and always the selected group's row.
    let selected_at = ctx.group.as_ref().and_then(|g| groups.iter().position(|x| x.id == *g));
    let limit = (*rows_wanted).max(selected_at.map(|i| (i / ROWS_PER_PAGE + 1) * ROWS_PER_PAGE).unwrap_or(0));
    let more_rows = {
        let rows_wanted = rows_wanted.clone();
        Callback::from(move |n: usize| rows_wanted.set(n))
    };
    let show_single =
        matches!(ctx.filters.relation, None | Some(RelFilter::Single)) && ctx.filters.difference.is_none();
    // The tab stop: the selected group's row, else the first row.
    let stop = ctx
        .group
        .clone()
        .filter(|g| groups.iter().any(|x| x.id == *g))
        .or_else(|| groups.first().map(|g| g.id.clone()));
    let rows = groups.iter().take(limit).map(|g| {
        let open = {
            let ctx = ctx.clone();
            let id = g.id.clone();
            Callback::from(move |_| ctx.dispatch(Action::OpenGroup(id.clone())))
        };
        let selected = ctx.group.as_deref() == Some(g.id.as_str());
        let mut kinds: Vec<&str> = g.differences.iter().map(|x| x.kind.as_str()).collect();
        kinds.sort();
        kinds.dedup();
        let cells = docs.iter().map(|doc| {
            let versions: Vec<&Claim> = g.claims.iter().filter_map(|c| d.claim(c)).filter(|c| c.doc == doc.doc).collect();
            let outlet = outlet_name(doc);
            html! {
                <td data-col={doc.doc.clone()} data-outlet={outlet.clone()} class={classes!(versions.is_empty().then_some("absent-cell"))}>
                    if versions.is_empty() {
                        <span class="absent" aria-label={format!("{outlet}: not stated")}>{ "—" }</span>
                    } else {
                        { for versions.iter().map(|c| html! { <p class="wording" data-cell-claim={c.id.clone()}>{ d.claim_text(c) }</p> }) }
                    }
                </td>
            }
        });
        html! {
            <tr class={classes!(format!("rel-{}", g.relation.as_str()), selected.then_some("selected"))}
                data-group={g.id.clone()} aria-current={selected.then_some("true")}>
                <th scope="row">
                    <button type="button" class="row-head" onclick={open}
                        tabindex={if stop.as_deref() == Some(g.id.as_str()) { "0" } else { "-1" }}
                        aria-label={format!("{}: {}, {} versions. Open details.", d.group_label(g), g.relation.as_str(), g.claims.len())}>
                        <RelationBadge relation={g.relation} />
                        <span class="row-label">{ d.group_label(g) }</span>
                    </button>
                    if !kinds.is_empty() {
                        <span class="diff-kinds">{ for kinds.iter().map(|k| html! { <span class={classes!("chip", format!("diff-{k}"))}>{ *k }</span> }) }</span>
                    }
                </th>
                { for cells }
            </tr>
        }
    });
    let single: Vec<&Claim> = d
        .analysis()
        .single_source
        .iter()
        .filter_map(|c| d.claim(c))
        .filter(|c| ctx.filters.source.as_ref().map_or(true, |s| c.doc == *s))
        .filter(|c| docs.iter().any(|doc| doc.doc == c.doc))
        .filter(|c| ctx.filters.name.as_ref().map_or(true, |n| entity_in_claim(&d, c, n)))
        .collect();
    let single_shown: Vec<&Claim> = single.iter().take(*singles_wanted).copied().collect();
    let single_section = show_single.then(|| {
        let more_singles = {
            let singles_wanted = singles_wanted.clone();
            Callback::from(move |n: usize| singles_wanted.set(n))
        };
        let by_doc = docs.iter().filter_map(|doc| {
            let mine: Vec<&&Claim> = single_shown.iter().filter(|c| c.doc == doc.doc).collect();
            let all_mine = single.iter().filter(|c| c.doc == doc.doc).count();
            (!mine.is_empty()).then(|| html! {
                <section class="single-doc">
                    <h3>{ outlet_name(doc) }<span class="muted">{ format!(" · {} · {}", doc.doc, all_mine) }</span></h3>
                    <ul>{ for mine.iter().map(|c| html! { <li data-single-claim={c.id.clone()}>{ d.claim_text(c) }</li> }) }</ul>
                </section>
            })
        });
        html! {
            <section class="single" aria-labelledby="single-h">
                <h2 id="single-h"><span class="badge rel-single"><span class="icon" aria-hidden="true">{ "◦" }</span>{ "One source" }</span>
                    { format!(" Stated by one source only ({})", single.len()) }
                    if docs.len() < all_docs.len() {
                        <span class="muted">{ format!(" in the sources shown ({}–{} of {})",
                            ctx.docs_shown(all_docs.len()).start + 1, ctx.docs_shown(all_docs.len()).end, all_docs.len()) }</span>
                    }</h2>
                if single.is_empty() { <p class="empty">{ "None with these filters." }</p> }
                { for by_doc }
                <ShowMore shown={single_shown.len()} total={single.len()} noun="claims" onmore={more_singles} step={SINGLES_PER_PAGE} />
            </section>
        }
    });
    let only_single = ctx.filters.relation == Some(RelFilter::Single);
    let onkeydown = {
        let (more_rows, shown) = (more_rows.clone(), limit.min(n_groups));
        Callback::from(move |e: KeyboardEvent| {
            let more = || {
                if shown < n_groups {
                    more_rows.emit(shown + ROWS_PER_PAGE);
                    // Then focus the first new row's head.
                    super::after_render(move || {
                        let Some(list) = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.query_selector_all(".matrix .row-head").ok())
                        else {
                            return false;
                        };
                        match list.item(shown as u32).and_then(|x| x.dyn_into::<web_sys::HtmlElement>().ok()) {
                            Some(h) => h.focus().is_ok(),
                            None => false,
                        }
                    });
                }
            };
            row_key(&e, &more)
        })
    };
    html! {
        <>
            <div class="matrix-tools">
                <FilterBar />
                <Legend />
            </div>
            <SourcePager total={all_docs.len()} noun="Sources" />
            if !only_single {
                <div class="matrix-wrap">
                    <table class="matrix" onkeydown={onkeydown}>
                        <caption>
                            { format!("Claims stated by several sources: {} of {} groups match", n_groups, total) }
                            <span class="hint">{ " · ↑ ↓ move between rows, Enter opens the details" }</span>
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Claim" }</th>
                                { for docs.iter().map(|doc| html! { <th scope="col" title={doc.doc.clone()}>{ outlet_name(doc) }</th> }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for rows }
                            if groups.is_empty() {
                                <tr><td colspan={(docs.len() + 1).to_string()} class="empty">
                                    { if total == 0 { "No claim is stated by more than one source (or the alignment is not available yet)." } else { "No group matches these filters." } }
                                </td></tr>
                            }
                        </tbody>
                    </table>
                </div>
                <ShowMore shown={limit.min(n_groups)} total={n_groups} noun="groups" onmore={more_rows.clone()} />
            }
            { single_section.unwrap_or_default() }
        </>
    }
}
