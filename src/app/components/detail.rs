//! One group in detail: its versions one under another with the differences marked inline,
//! why they were matched (each link's score and reasons), and the user's corrections: accept
//! or reject a link, split versions off, merge with another group.

use super::relation_badge::RelationBadge;
use crate::app::corrections::Correction;
use crate::app::state::{Action, AppContext, Derived, View};
use crate::engine::{Claim, Group, Relation};
use std::collections::HashSet;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A claim's text with the differences' spans marked.
fn marked(d: &Derived, c: &Claim, g: &Group) -> Html {
    let text = d.text(&c.doc);
    let mut marks: Vec<(usize, usize, &str, &str, Relation)> = g
        .differences
        .iter()
        .flat_map(|x| {
            x.spans
                .iter()
                .filter(|s| s.doc == c.doc && s.start >= c.span.start && s.end <= c.span.end && s.start < s.end)
                .map(move |s| (s.start, s.end, x.kind.as_str(), x.note.as_str(), x.effect))
        })
        .collect();
    marks.sort();
    let mut out = Vec::new();
    let mut pos = c.span.start;
    for (s, e, kind, note, effect) in marks {
        if s < pos {
            continue;
        }
        if s > pos {
            out.push(html! { { text.get(pos..s).unwrap_or("") } });
        }
        out.push(html! {
            <mark class={classes!("diff", format!("diff-{kind}"), format!("effect-{}", effect.as_str()))} title={note.to_string()} data-diff={kind}>
                { text.get(s..e).unwrap_or("") }<span class="visually-hidden">{ format!(" ({kind} difference)") }</span>
            </mark>
        });
        pos = e;
    }
    if c.span.end > pos {
        out.push(html! { { text.get(pos..c.span.end).unwrap_or("") } });
    }
    html! { { for out } }
}

#[function_component(Detail)]
pub fn detail() -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    let split_sel = use_state(HashSet::<String>::new);
    let merge_with = use_state(String::new);
    let Some(d) = ctx.derived.clone() else {
        return html! { <p class="empty" role="status">{ "Analysing the articles…" }</p> };
    };
    let groups = &d.analysis().groups;
    let corrections_list = corrections_html(&ctx, &d);
    let Some(g) = ctx.group.as_ref().and_then(|id| d.group(id)).or(groups.first()) else {
        return html! {
            <>
                <p class="empty">{ "No claim is stated by more than one source here, so there is nothing to compare in detail yet." }</p>
                { corrections_list }
            </>
        };
    };
    let gi = groups.iter().position(|x| x.id == g.id).unwrap_or(0);
    let go = |i: Option<usize>| {
        let ctx = ctx.clone();
        let id = i.and_then(|i| groups.get(i)).map(|g| g.id.clone());
        let split_sel = split_sel.clone();
        Callback::from(move |_| {
            if let Some(id) = &id {
                split_sel.set(HashSet::new());
                ctx.dispatch(Action::SelectGroup(Some(id.clone())));
            }
        })
    };
    let prev = go(gi.checked_sub(1));
    let next = go(Some(gi + 1).filter(|&i| i < groups.len()));
    let on_pick = {
        let ctx = ctx.clone();
        let split_sel = split_sel.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            split_sel.set(HashSet::new());
            ctx.dispatch(Action::SelectGroup(Some(sel.value())));
        })
    };
    let back = |v: View| {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::SetView(v)))
    };
    let versions = g.claims.iter().filter_map(|id| d.claim(id)).map(|c| {
        let id = c.id.clone();
        let checked = split_sel.contains(&id);
        let toggle = {
            let split_sel = split_sel.clone();
            let id = id.clone();
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let mut s = (*split_sel).clone();
                if input.checked() { s.insert(id.clone()); } else { s.remove(&id); }
                split_sel.set(s);
            })
        };
        let attribution = c.source.as_ref().map(|s| html! {
            <p class="attribution">{ if s.direct { "Quoted: " } else { "According to: " } }<strong>{ &s.speaker }</strong></p>
        });
        let cues: Vec<String> = c.cues.iter().map(|x| format!("{} “{}”", match x.kind { crate::engine::CueKind::Negation => "negation", crate::engine::CueKind::Hedge => "hedge" }, x.word)).collect();
        html! {
            <li class="version" data-version={c.id.clone()}>
                <h3>{ d.outlet(&c.doc) }<span class="muted">{ format!(" · {} · {}", c.doc, c.id) }</span></h3>
                <blockquote>{ marked(&d, c, g) }</blockquote>
                { attribution.unwrap_or_default() }
                if !cues.is_empty() { <p class="cues muted">{ cues.join(" · ") }</p> }
                <label class="split-pick"><input type="checkbox" checked={checked} onchange={toggle} />{ " move to a new group" }</label>
            </li>
        }
    });
    // The same difference noted between several pairs of versions is listed once, with a count.
    let mut seen: Vec<(&crate::engine::Difference, usize)> = Vec::new();
    for x in &g.differences {
        match seen.iter_mut().find(|(y, _)| y.kind == x.kind && y.note == x.note && y.effect == x.effect) {
            Some((_, n)) => *n += 1,
            None => seen.push((x, 1)),
        }
    }
    seen.sort_by(|a, b| b.0.effect.cmp(&a.0.effect));
    let differences = seen.iter().map(|(x, n)| html! {
        <li class={classes!("difference", format!("diff-{}", x.kind.as_str()))}>
            <span class={classes!("chip", format!("diff-{}", x.kind.as_str()))}>{ x.kind.as_str() }</span>
            { " " }{ &x.note }
            if *n > 1 { <span class="muted">{ format!(" ×{n}") }</span> }
            { " " }<span class="muted">{ match x.effect { Relation::Agree => "(noted; does not change the relation)", Relation::Compatible => "(compatible)", Relation::Differ => "(they differ)" } }</span>
        </li>
    });
    // Strongest first; past the first six, behind a disclosure.
    let mut sorted_links: Vec<&crate::engine::Link> = g.links.iter().collect();
    sorted_links.sort_by(|a, b| b.score.partial_cmp(&a.score).unwrap_or(std::cmp::Ordering::Equal));
    let more_links = sorted_links.len().saturating_sub(6);
    let mut links: Vec<Html> = sorted_links.iter().map(|l| {
        let (Some(ra), Some(rb)) = (d.claim_ref(&l.a), d.claim_ref(&l.b)) else { return html! {} };
        let accepted = d.is_accepted(&l.a, &l.b);
        let accept = {
            let ctx = ctx.clone();
            let (a, b) = (ra.clone(), rb.clone());
            Callback::from(move |_| ctx.dispatch(Action::Correct(Correction::Accept { a: a.clone(), b: b.clone() })))
        };
        let reject = {
            let ctx = ctx.clone();
            let (a, b) = (ra.clone(), rb.clone());
            Callback::from(move |_| ctx.dispatch(Action::Correct(Correction::Reject { a: a.clone(), b: b.clone() })))
        };
        let name = |id: &str| d.claim(id).map(|c| d.outlet(&c.doc)).unwrap_or_default();
        html! {
            <li class="link" data-link={format!("{} {}", l.a, l.b)}>
                <p><strong>{ format!("{} ↔ {}", name(&l.a), name(&l.b)) }</strong>
                    <span class="score">{ format!(" score {:.2}", l.score) }</span>
                    if accepted { <span class="chip accepted">{ "✓ accepted by you" }</span> }
                </p>
                if l.reasons.is_empty() { <p class="muted">{ "No reasons given." }</p> } else {
                    <ul class="reasons">
                        { for l.reasons.iter().map(|r| html! {
                            <li class={classes!((r.weight < 0.0).then_some("against"))}>
                                <span class="reason-kind">{ format!("{:?}", r.kind).to_lowercase() }</span>{ ": " }{ &r.what }
                                <span class="muted">{ format!(" ({:+.2})", r.weight) }</span>
                            </li>
                        }) }
                    </ul>
                }
                <div class="link-actions" role="group" aria-label={format!("Correct the link {} ↔ {}", name(&l.a), name(&l.b))}>
                    <button type="button" onclick={accept} aria-pressed={accepted.to_string()} disabled={accepted}>{ "Accept link" }</button>
                    <button type="button" onclick={reject}>{ "Reject link" }</button>
                </div>
            </li>
        }
    }).collect();
    let rest_links: Vec<Html> = if links.len() > 6 { links.split_off(6) } else { Vec::new() };
    let do_split = {
        let ctx = ctx.clone();
        let split_sel = split_sel.clone();
        let group: Vec<_> = g.claims.iter().filter_map(|c| d.claim_ref(c)).collect();
        let d = d.clone();
        Callback::from(move |_| {
            let out: Vec<_> = split_sel.iter().filter_map(|c| d.claim_ref(c)).collect();
            if !out.is_empty() {
                split_sel.set(HashSet::new());
                ctx.dispatch(Action::Correct(Correction::Split { group: group.clone(), out }));
            }
        })
    };
    let can_split =
        !split_sel.is_empty() && split_sel.len() < g.claims.len() && split_sel.iter().all(|c| g.claims.contains(c));
    let others: Vec<&Group> = groups.iter().filter(|x| x.id != g.id).collect();
    let on_merge_pick = {
        let merge_with = merge_with.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            merge_with.set(sel.value());
        })
    };
    let do_merge = {
        let ctx = ctx.clone();
        let merge_with = merge_with.clone();
        let a: Vec<_> = g.claims.iter().filter_map(|c| d.claim_ref(c)).collect();
        let d = d.clone();
        Callback::from(move |_| {
            if let Some(other) = d.group(&merge_with) {
                let b: Vec<_> = other.claims.iter().filter_map(|c| d.claim_ref(c)).collect();
                merge_with.set(String::new());
                ctx.dispatch(Action::Correct(Correction::Merge { a: a.clone(), b }));
            }
        })
    };
    html! {
        <article class={classes!("detail", format!("rel-{}", g.relation.as_str()))} data-group={g.id.clone()} aria-labelledby="detail-h">
            <nav class="detail-nav" aria-label="Groups">
                <button type="button" onclick={back(View::Matrix)}>{ "← Matrix" }</button>
                <button type="button" onclick={back(View::Side)}>{ "← Side by side" }</button>
                <button type="button" onclick={prev} disabled={gi == 0} aria-label="Previous group">{ "‹ Previous" }</button>
                <label class="group-pick">{ format!("Group {} of {} ", gi + 1, groups.len()) }
                    <select onchange={on_pick} aria-label="Choose a group">
                        { for groups.iter().map(|x| html! { <option value={x.id.clone()} selected={x.id == g.id}>{ format!("{} — {}", x.id, d.group_label(x)) }</option> }) }
                    </select>
                </label>
                <button type="button" onclick={next} disabled={gi + 1 >= groups.len()} aria-label="Next group">{ "Next ›" }</button>
            </nav>
            <header class="detail-head">
                <h2 id="detail-h"><RelationBadge relation={g.relation} />{ " " }{ d.group_label(g) }</h2>
                <p class="muted">{ format!("{} · {} versions · matched on the {} · score {:.2}", g.id, g.claims.len(), if g.level == "fact" { "fact" } else { "claim" }, g.score) }</p>
            </header>
            <section aria-labelledby="versions-h">
                <h3 id="versions-h">{ "Versions" }</h3>
                <ol class="versions">{ for versions }</ol>
                <div class="correct-split">
                    <button type="button" onclick={do_split} disabled={!can_split}>{ "Split the checked versions into a new group" }</button>
                </div>
            </section>
            <section aria-labelledby="diffs-h">
                <h3 id="diffs-h">{ "Differences" }</h3>
                if g.differences.is_empty() { <p class="muted">{ "None found: the versions say the same, in other words." }</p> }
                else { <ul class="differences">{ for differences }</ul> }
            </section>
            <section aria-labelledby="why-h">
                <h3 id="why-h">{ "Why these were matched" }</h3>
                if g.links.is_empty() { <p class="muted">{ "The engine gave no links for this group." }</p> }
                else {
                    <ul class="links">{ for links }</ul>
                    if more_links > 0 {
                        <details class="more-links">
                            <summary>{ format!("{more_links} more link{}", if more_links == 1 { "" } else { "s" }) }</summary>
                            <ul class="links">{ for rest_links }</ul>
                        </details>
                    }
                }
            </section>
            <section aria-labelledby="merge-h" class="merge">
                <h3 id="merge-h">{ "Merge with another group" }</h3>
                if others.is_empty() { <p class="muted">{ "There is no other group." }</p> } else {
                    <label>{ "Group " }
                        <select onchange={on_merge_pick}>
                            <option value="" selected={merge_with.is_empty()}>{ "Choose…" }</option>
                            { for others.iter().map(|x| html! { <option value={x.id.clone()} selected={*merge_with == x.id}>{ format!("{} — {}", x.id, d.group_label(x)) }</option> }) }
                        </select>
                    </label>
                    { " " }<button type="button" onclick={do_merge} disabled={merge_with.is_empty()}>{ "Merge" }</button>
                }
            </section>
            { corrections_list }
        </article>
    }
}

fn corrections_html(ctx: &AppContext, d: &Derived) -> Html {
    if ctx.corrections.is_empty() {
        return html! {};
    }
    let stale: HashSet<usize> = d.applied.stale.iter().copied().collect();
    let items = ctx.corrections.iter().enumerate().map(|(i, c)| {
        let undo = {
            let ctx = ctx.clone();
            Callback::from(move |_| ctx.dispatch(Action::Undo(i)))
        };
        html! {
            <li>
                { c.describe(d.analysis(), &|r| d.claim_label(r)) }
                if stale.contains(&i) { <span class="muted">{ " (no longer applies)" }</span> }
                { " " }<button type="button" onclick={undo}>{ "Undo" }</button>
            </li>
        }
    });
    html! {
        <section class="corrections" aria-labelledby="corr-h">
            <h3 id="corr-h">{ format!("Your corrections ({})", ctx.corrections.len()) }</h3>
            <ol>{ for items }</ol>
        </section>
    }
}
