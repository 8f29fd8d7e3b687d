//! Sort and filter for the matrix: relation, difference type, name, source.

use crate::app::hash::{parse_difference, parse_relation, relation_filter_str, DIFFERENCE_KINDS};
use crate::app::state::{outlet_name, Action, AppContext, Filters, Sort};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[function_component(FilterBar)]
pub fn filter_bar() -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    let Some(d) = ctx.derived.clone() else {
        return html! {};
    };
    let f = ctx.filters.clone();
    let set = |apply: fn(&mut Filters, String)| {
        let ctx = ctx.clone();
        let f = f.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            let mut nf = f.clone();
            apply(&mut nf, sel.value());
            ctx.dispatch(Action::SetFilters(nf));
        })
    };
    let rel = f.relation.map(relation_filter_str).unwrap_or("");
    let diff = f.difference.map(|k| k.as_str()).unwrap_or("");
    let name = f.name.clone().unwrap_or_default();
    let src = f.source.clone().unwrap_or_default();
    let mut entities: Vec<_> = d.analysis().entities.iter().collect();
    entities.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()));
    let active = f != Filters { sort: f.sort, ..Filters::default() };
    let reset = {
        let ctx = ctx.clone();
        let sort = f.sort;
        Callback::from(move |_| ctx.dispatch(Action::SetFilters(Filters { sort, ..Filters::default() })))
    };
    html! {
        <form class="filters" aria-label="Sort and filter" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label>{ "Relation" }
                <select id="f-rel" onchange={set(|f, v| f.relation = parse_relation(&v))}>
                    <option value="" selected={rel.is_empty()}>{ "All" }</option>
                    { for ["agree", "compatible", "differ", "single"].iter().map(|r| html! {
                        <option value={*r} selected={rel == *r}>{ match *r {
                            "agree" => "= Agree", "compatible" => "≈ Compatible", "differ" => "≠ Differ", _ => "◦ One source only" } }</option>
                    }) }
                </select>
            </label>
            <label>{ "Difference" }
                <select id="f-diff" onchange={set(|f, v| f.difference = parse_difference(&v))}>
                    <option value="" selected={diff.is_empty()}>{ "Any" }</option>
                    { for DIFFERENCE_KINDS.iter().map(|k| html! {
                        <option value={k.as_str()} selected={diff == k.as_str()}>{ k.as_str() }</option>
                    }) }
                </select>
            </label>
            <label>{ "Name" }
                <select id="f-name" onchange={set(|f, v| f.name = (!v.is_empty()).then_some(v))}>
                    <option value="" selected={name.is_empty()}>{ "Any" }</option>
                    { for entities.iter().map(|e| html! {
                        <option value={e.id.clone()} selected={name == e.id}>{ &e.name }</option>
                    }) }
                </select>
            </label>
            <label>{ "Source" }
                <select id="f-src" onchange={set(|f, v| f.source = (!v.is_empty()).then_some(v))}>
                    <option value="" selected={src.is_empty()}>{ "Any" }</option>
                    { for d.analysis().docs.iter().map(|doc| html! {
                        <option value={doc.doc.clone()} selected={src == doc.doc}>{ format!("{} ({})", outlet_name(doc), doc.doc) }</option>
                    }) }
                </select>
            </label>
            <label>{ "Sort" }
                <select id="f-sort" onchange={set(|f, v| f.sort = Sort::parse(&v).unwrap_or_default())}>
                    { for Sort::ALL.iter().map(|s| html! {
                        <option value={s.as_str()} selected={f.sort == *s}>{ s.label() }</option>
                    }) }
                </select>
            </label>
            if active {
                <button type="button" class="reset" onclick={reset}>{ "Clear filters" }</button>
            }
        </form>
    }
}
