//! People, organisations and places, with the spellings each source uses. The source columns
//! are the page of sources shown (`SourcePager`), the names come `ROWS_PER_PAGE` at a time.

use super::show_more::ShowMore;
use super::source_pager::SourcePager;
use crate::app::state::{outlet_name, Action, AppContext, Filters, View, ROWS_PER_PAGE};
use crate::engine::EntityKind;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn kind_label(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "Person",
        EntityKind::Organisation => "Organisation",
        EntityKind::Place => "Place",
    }
}

#[function_component(Names)]
pub fn names() -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    let only_differing = use_state(|| false);
    let wanted = use_state(|| ROWS_PER_PAGE);
    let Some(d) = ctx.derived.clone() else {
        return html! { <p class="empty" role="status">{ "Analysing the articles…" }</p> };
    };
    let all_docs = &d.analysis().docs;
    let docs = &all_docs[ctx.docs_shown(all_docs.len())];
    let mut entities: Vec<_> =
        d.analysis().entities.iter().filter(|e| !*only_differing || e.spelling_differs).collect();
    entities.sort_by(|a, b| {
        a.kind.cmp(&b.kind).then(b.spelling_differs.cmp(&a.spelling_differs)).then(a.name.cmp(&b.name))
    });
    let toggle = {
        let only_differing = only_differing.clone();
        Callback::from(move |e: Event| {
            let i: HtmlInputElement = e.target_unchecked_into();
            only_differing.set(i.checked());
        })
    };
    let more = {
        let wanted = wanted.clone();
        Callback::from(move |n: usize| wanted.set(n))
    };
    let rows = entities.iter().take(*wanted).map(|e| {
        let show = {
            let ctx = ctx.clone();
            let id = e.id.clone();
            let f = ctx.filters.clone();
            Callback::from(move |_| {
                ctx.dispatch(Action::SetFilters(Filters { name: Some(id.clone()), ..f.clone() }));
                ctx.dispatch(Action::SetView(View::Matrix));
            })
        };
        let cells = docs.iter().map(|doc| {
            let used: Vec<_> = e.spellings.iter().filter(|s| s.docs.contains(&doc.doc)).collect();
            html! {
                <td data-col={doc.doc.clone()} data-outlet={outlet_name(doc)} class={classes!(used.is_empty().then_some("absent-cell"))}>
                    if used.is_empty() { <span class="absent" aria-label="not named">{ "—" }</span> }
                    else { { for used.iter().map(|s| html! { <span class="spelling">{ &s.text }</span> }) } }
                </td>
            }
        });
        html! {
            <tr class={classes!(e.spelling_differs.then_some("differs"))} data-entity={e.id.clone()}>
                <th scope="row">
                    <span class="entity-name">{ &e.name }</span>
                    <span class="muted">{ format!(" {} · {} mentions", kind_label(e.kind), e.mentions.len()) }</span>
                    if e.spelling_differs { <span class="chip diff-spelling">{ "≠ spellings differ" }</span> }
                    <button type="button" class="link-button" onclick={show}>{ "Show claims" }</button>
                </th>
                { for cells }
            </tr>
        }
    });
    html! {
        <section class="names" aria-labelledby="names-h">
            <h2 id="names-h">{ "Names and how each source spells them" }</h2>
            <label class="toggle"><input type="checkbox" checked={*only_differing} onchange={toggle} />{ " Only names spelled differently" }</label>
            <SourcePager total={all_docs.len()} noun="Sources" />
            if d.analysis().entities.is_empty() {
                <p class="empty">{ "No names found (or the name finder is not available yet)." }</p>
            } else {
                <div class="matrix-wrap">
                    <table class="matrix names-table">
                        <caption>{ format!("{} names", entities.len()) }</caption>
                        <thead><tr>
                            <th scope="col">{ "Name" }</th>
                            { for docs.iter().map(|doc| html! { <th scope="col" title={doc.doc.clone()}>{ outlet_name(doc) }</th> }) }
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                <ShowMore shown={(*wanted).min(entities.len())} total={entities.len()} noun="names" onmore={more} />
            }
        </section>
    }
}
