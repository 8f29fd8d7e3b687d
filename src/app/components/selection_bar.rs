//! What is selected: the group's label and relation, the sources that state it (each a button
//! that jumps to that article's version, bringing its page of articles in when it is not
//! shown), details, next group, clear. Test hook: `data-partner-doc` on each source's button.

use super::relation_badge::RelationBadge;
use super::{after_render, css_escape};
use crate::app::state::{Action, AppContext};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Scrolls the claim into view and focuses it; false when it is not in the page.
fn scroll_to(claim: &str) -> bool {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!(".column-text [data-claim=\"{}\"]", css_escape(claim))).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    let _ = el.focus();
    true
}

/// Goes to a claim: in the page already, or after bringing in the page of articles that has it.
fn jump_to(ctx: &AppContext, claim: &str) {
    if scroll_to(claim) {
        return;
    }
    let Some(i) = ctx.derived.as_ref().and_then(|d| d.doc_index_of_claim(claim)) else {
        return;
    };
    ctx.dispatch(Action::ShowDoc(i));
    let claim = claim.to_string();
    after_render(move || scroll_to(&claim));
}

#[function_component(SelectionBar)]
pub fn selection_bar() -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    let Some(d) = ctx.derived.clone() else {
        return html! {};
    };
    let clear = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::SelectGroup(None)))
    };
    let group = ctx.group.as_ref().and_then(|g| d.group(g));
    let Some(g) = group else {
        return match ctx.claim.as_ref().and_then(|c| d.claim(c)) {
            Some(c) => html! {
                <div class="selection-bar" role="region" aria-label="Selection" aria-live="polite">
                    <p><span class="badge rel-single"><span class="icon" aria-hidden="true">{ "◦" }</span>{ "One source" }</span>
                    { format!(" Only {} states this claim.", d.outlet(&c.doc)) }</p>
                    <button type="button" onclick={clear}>{ "Clear selection" }</button>
                </div>
            },
            None => html! {},
        };
    };
    let claim_groups: Vec<String> =
        ctx.claim.as_ref().map(|c| d.groups_of(c).iter().map(|g| g.id.clone()).collect()).unwrap_or_default();
    // One button per article (with how many versions it has), jumping to its first version.
    let mut per_doc: Vec<(String, Vec<&crate::engine::Claim>)> = Vec::new();
    for c in g.claims.iter().filter_map(|id| d.claim(id)) {
        match per_doc.iter_mut().find(|(doc, _)| *doc == c.doc) {
            Some((_, v)) => v.push(c),
            None => per_doc.push((c.doc.clone(), vec![c])),
        }
    }
    let partners = per_doc.iter().map(|(doc, versions)| {
        let mine = ctx.claim.as_ref().filter(|sel| versions.iter().any(|c| c.id == **sel));
        // In the selected claim's own article, jump to its next version, if any.
        let target = match mine {
            Some(sel) => versions
                .iter()
                .position(|c| c.id == *sel)
                .and_then(|i| versions.get(i + 1))
                .unwrap_or(&versions[0])
                .id
                .clone(),
            None => versions[0].id.clone(),
        };
        let onclick = {
            let ctx = ctx.clone();
            Callback::from(move |_| jump_to(&ctx, &target))
        };
        let n = versions.len();
        html! {
            <li><button type="button" class={classes!("partner-link", mine.is_some().then_some("me"))} {onclick}
                data-partner-doc={doc.clone()}
                title={d.claim_text(versions[0]).to_string()}>
                { d.outlet(doc) }
                if n > 1 { <span class="muted">{ format!(" ×{n}") }</span> }
                if mine.is_some() { <span class="muted">{ " (selected)" }</span> }
            </button></li>
        }
    });
    let open = {
        let ctx = ctx.clone();
        let id = g.id.clone();
        Callback::from(move |_| ctx.dispatch(Action::OpenGroup(id.clone())))
    };
    let next = (claim_groups.len() > 1).then(|| {
        let ctx = ctx.clone();
        let c = ctx.claim.clone().unwrap_or_default();
        let pos = claim_groups.iter().position(|x| *x == g.id).map(|p| p + 1).unwrap_or(1);
        let total = claim_groups.len();
        let onclick = Callback::from(move |_| ctx.dispatch(Action::SelectClaim(c.clone())));
        html! { <button type="button" {onclick}>{ format!("Next group of this claim ({pos} of {total})") }</button> }
    });
    html! {
        <div class={classes!("selection-bar", format!("rel-{}", g.relation.as_str()))} role="region"
            aria-label="Selection" aria-live="polite" data-selected-group={g.id.clone()}>
            <p class="sel-label"><RelationBadge relation={g.relation} />{ " " }<strong>{ d.group_label(g) }</strong>
                <span class="muted">{ format!(" · {} · {} versions", g.id, g.claims.len()) }</span></p>
            <ul class="partners" aria-label="Go to a version">{ for partners }</ul>
            <div class="sel-actions">
                <button type="button" onclick={open}>{ "Details and why matched" }</button>
                { next.unwrap_or_default() }
                <button type="button" onclick={clear}>{ "Clear" }</button>
            </div>
        </div>
    }
}
