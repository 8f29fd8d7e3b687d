//! One article in the side-by-side view: its outlet, then its text with each claim marked by
//! relation. Test hooks: `data-doc` on the column; `data-claim`, `data-groups`,
//! `data-relation` on each claim; `aria-current="true"` on the claims of the selected group.

use crate::app::state::{outlet_name, Action, AppContext, Derived};
use crate::engine::{BlockKind, Claim, DocAnalysis, Relation, Span};
use std::collections::HashSet;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleColumnProps {
    pub index: usize,
}

/// The claim element an event happened in, if any.
fn claim_of(e: &Event) -> Option<(web_sys::Element, String)> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let el = target.closest("[data-claim]").ok()??;
    let id = el.get_attribute("data-claim")?;
    Some((el, id))
}

/// Moves focus to the neighbouring column's tab stop (its partner claim when a group is
/// selected, else the claim last focused there). Returns false when there is no such column in
/// the page (the first or last column of the page of articles shown).
fn move_column(el: &web_sys::Element, step: i32) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return true;
    };
    let Ok(cols) = doc.query_selector_all(".column-text") else {
        return true;
    };
    let n = cols.length() as i32;
    let Some(mine) = el.closest(".column-text").ok().flatten() else {
        return true;
    };
    let Some(pos) = (0..n).find(|&i| cols.item(i as u32).map(|x| x.is_same_node(Some(&mine))).unwrap_or(false)) else {
        return true;
    };
    let next = pos + step;
    if next < 0 || next >= n {
        return false;
    }
    let Some(col) = cols.item(next as u32).and_then(|x| x.dyn_into::<web_sys::Element>().ok()) else {
        return true;
    };
    focus_tab_stop(&col);
    true
}

/// Focuses a column's tab stop: its marked partner, else the claim that takes Tab.
fn focus_tab_stop(col: &web_sys::Element) -> bool {
    let target = col
        .query_selector("[data-claim][aria-current=\"true\"]")
        .ok()
        .flatten()
        .or_else(|| col.query_selector("[data-claim][tabindex=\"0\"]").ok().flatten());
    match target.and_then(|x| x.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(h) => h.focus().is_ok(),
        None => false,
    }
}

/// Moves focus to the previous or next claim of the same column.
fn move_focus(el: &web_sys::Element, step: i32) {
    let Some(col) = el.closest(".column-text").ok().flatten() else {
        return;
    };
    let Ok(list) = col.query_selector_all("[data-claim]") else {
        return;
    };
    let n = list.length() as i32;
    let pos = (0..n).find(|&i| list.item(i as u32).map(|x| x.is_same_node(Some(el))).unwrap_or(false));
    let next = match (pos, step) {
        (Some(p), s) => (p + s).clamp(0, n - 1),
        (None, _) => 0,
    };
    if let Some(h) = list.item(next as u32).and_then(|x| x.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = h.focus();
    }
}

struct Ctx<'a> {
    d: &'a Derived,
    text: &'a str,
    current: &'a HashSet<String>,
    selected: Option<&'a str>,
    tab_stop: Option<&'a str>,
}

fn claim_html(c: &Claim, span: Span, cx: &Ctx) -> Html {
    let groups = cx.d.groups_of(&c.id);
    let ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
    // Test hook: over its groups, differ, else compatible, else agree.
    let relation = cx.d.relation_of(&c.id);
    let data_relation = relation.unwrap_or(Relation::Agree).as_str();
    let single = groups.is_empty();
    let class = classes!(
        "claim",
        if single { "rel-single".to_string() } else { format!("rel-{data_relation}") },
        cx.current.contains(&c.id).then_some("partner"),
        (cx.selected == Some(c.id.as_str())).then_some("selected"),
        (c.kind == BlockKind::Headline).then_some("headline-claim"),
    );
    let label = match relation {
        None => "stated by this source only".to_string(),
        Some(r) => format!(
            "{}, in {} group{}",
            match r {
                Relation::Agree => "sources agree",
                Relation::Compatible => "sources compatible",
                Relation::Differ => "sources differ",
            },
            ids.len(),
            if ids.len() == 1 { "" } else { "s" }
        ),
    };
    let tabindex = if cx.tab_stop == Some(c.id.as_str()) { "0" } else { "-1" };
    html! {
        <span class={class} data-claim={c.id.clone()}
            data-groups={(!ids.is_empty()).then(|| ids.join(" "))}
            data-relation={data_relation}
            aria-current={cx.current.contains(&c.id).then_some("true")}
            role="button" tabindex={tabindex} title={label}>
            { span.text(cx.text) }
        </span>
    }
}

/// The text of one block, with its claims.
fn block_html(span: Span, kind: BlockKind, claims: &[Claim], next: &mut usize, cx: &Ctx) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut pos = span.start;
    while *next < claims.len() && claims[*next].span.start < span.end {
        let c = &claims[*next];
        let cs = c.span.start.max(pos);
        let ce = c.span.end.min(span.end);
        if cs > pos {
            parts.push(html! { { Span::new(pos, cs).text(cx.text) } });
        }
        if ce > cs {
            parts.push(claim_html(c, Span::new(cs, ce), cx));
            pos = ce;
        }
        *next += 1;
    }
    if span.end > pos {
        parts.push(html! { { Span::new(pos, span.end).text(cx.text) } });
    }
    let class = match kind {
        BlockKind::Body => "block body",
        BlockKind::Headline => "block headline",
        BlockKind::Highlight => "block highlight",
        BlockKind::Caption => "block caption",
        BlockKind::Credit => "block credit",
    };
    html! { <p class={class}>{ for parts }</p> }
}

fn column_text(doc: &DocAnalysis, cx: &Ctx) -> Html {
    let mut blocks: Vec<(Span, BlockKind)> = doc.blocks.iter().map(|b| (b.span, b.kind)).collect();
    blocks.sort_by_key(|b| b.0.start);
    if blocks.is_empty() {
        blocks.push((Span::new(0, cx.text.len()), BlockKind::Body));
    }
    let mut claims: Vec<Claim> = doc.claims.clone();
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    let mut next = 0;
    let mut out = Vec::new();
    for (span, kind) in blocks {
        // Claims that start before this block (outside every block) are skipped.
        while next < claims.len() && claims[next].span.end <= span.start {
            next += 1;
        }
        out.push(block_html(span, kind, &claims, &mut next, cx));
    }
    html! { { for out } }
}

#[function_component(ArticleColumn)]
pub fn article_column(p: &ArticleColumnProps) -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    let Some(d) = ctx.derived.clone() else {
        return html! {};
    };
    let Some(doc) = d.analysis().docs.get(p.index) else {
        return html! {};
    };
    let current: HashSet<String> =
        ctx.group.as_ref().and_then(|g| d.group(g)).map(|g| g.claims.iter().cloned().collect()).unwrap_or_default();
    // One tab stop per column: the selected claim, else the first partner, else the first claim.
    let tab_stop = doc
        .claims
        .iter()
        .find(|c| ctx.claim.as_deref() == Some(c.id.as_str()))
        .or_else(|| doc.claims.iter().find(|c| current.contains(&c.id)))
        .or_else(|| doc.claims.first())
        .map(|c| c.id.clone());
    let cx = Ctx {
        d: &d,
        text: d.text(&doc.doc),
        current: &current,
        selected: ctx.claim.as_deref(),
        tab_stop: tab_stop.as_deref(),
    };
    let onclick = {
        let ctx = ctx.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((_, id)) = claim_of(&e) {
                ctx.dispatch(Action::SelectClaim(id));
            }
        })
    };
    let onkeydown = {
        let ctx = ctx.clone();
        let index = p.index;
        let docs: Vec<String> = d.analysis().docs.iter().map(|x| x.doc.clone()).collect();
        // Past the first or last column of the page: the neighbouring page, focused on the
        // column next to this one.
        let across = move |ctx: &AppContext, step: i32| {
            let Some(target) = index.checked_add_signed(step as isize).filter(|&t| t < docs.len()) else {
                return;
            };
            ctx.dispatch(Action::ShowDoc(target));
            let id = docs[target].clone();
            super::after_render(move || {
                web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|doc| {
                        doc.query_selector(&format!(".column[data-doc=\"{}\"] .column-text", super::css_escape(&id)))
                            .ok()
                            .flatten()
                    })
                    .map(|col| focus_tab_stop(&col))
                    .unwrap_or(false)
            });
        };
        Callback::from(move |e: KeyboardEvent| {
            let Some((el, id)) = claim_of(&e) else { return };
            match e.key().as_str() {
                "Enter" | " " => {
                    e.prevent_default();
                    ctx.dispatch(Action::SelectClaim(id));
                }
                "Escape" => ctx.dispatch(Action::SelectGroup(None)),
                "ArrowDown" => {
                    e.prevent_default();
                    move_focus(&el, 1);
                }
                "ArrowUp" => {
                    e.prevent_default();
                    move_focus(&el, -1);
                }
                "ArrowRight" => {
                    e.prevent_default();
                    if !move_column(&el, 1) {
                        across(&ctx, 1);
                    }
                }
                "ArrowLeft" => {
                    e.prevent_default();
                    if !move_column(&el, -1) {
                        across(&ctx, -1);
                    }
                }
                "Home" => {
                    e.prevent_default();
                    move_focus(&el, -100_000);
                }
                "End" => {
                    e.prevent_default();
                    move_focus(&el, 100_000);
                }
                _ => {}
            }
        })
    };
    let outlet = outlet_name(doc);
    let heading_id = format!("col-{}", p.index);
    let n_claims = doc.claims.len();
    let n_shared = doc.claims.iter().filter(|c| !d.groups_of(&c.id).is_empty()).count();
    html! {
        <article class="column" data-doc={doc.doc.clone()} aria-labelledby={heading_id.clone()}>
            <header class="column-head">
                <h2 class="outlet" id={heading_id}>{ outlet }</h2>
                <p class="doc-meta">
                    if let Some(t) = &doc.title { <span class="doc-title">{ t }</span> }
                    <span class="doc-id">{ &doc.doc }</span>
                    if let Some(date) = doc.date { <span class="doc-date">{ date.to_string() }</span> }
                    <span class="doc-count">{ format!("{n_shared} of {n_claims} claims shared") }</span>
                </p>
                { for doc.warnings.iter().map(|w| html! { <p class="warning" role="note">{ w }</p> }) }
            </header>
            <div class="column-text" {onclick} {onkeydown}>
                { column_text(doc, &cx) }
            </div>
        </article>
    }
}
