//! View state in the URL hash, so a link reopens the same view: the view, the selected group
//! and claim, the filters and which bundled articles are in. Never any article text.
//!
//! `#view=matrix&g=g3&c=c12&rel=differ&diff=number&name=e2&src=001.txt&sort=relation&b=0,1,2`

use super::state::{Filters, RelFilter, Sort, State, View, ViewState};
use crate::engine::{DifferenceKind, Relation};

fn enc(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

fn dec(s: &str) -> String {
    js_sys::decode_uri_component(s).ok().map(String::from).unwrap_or_else(|| s.to_string())
}

pub const DIFFERENCE_KINDS: [DifferenceKind; 8] = [
    DifferenceKind::Number,
    DifferenceKind::Spelling,
    DifferenceKind::Time,
    DifferenceKind::Place,
    DifferenceKind::Attribution,
    DifferenceKind::Polarity,
    DifferenceKind::Hedging,
    DifferenceKind::Quotation,
];

pub fn parse_relation(s: &str) -> Option<RelFilter> {
    match s {
        "agree" => Some(RelFilter::Is(Relation::Agree)),
        "compatible" => Some(RelFilter::Is(Relation::Compatible)),
        "differ" => Some(RelFilter::Is(Relation::Differ)),
        "single" => Some(RelFilter::Single),
        _ => None,
    }
}

pub fn relation_filter_str(r: RelFilter) -> &'static str {
    match r {
        RelFilter::Is(r) => r.as_str(),
        RelFilter::Single => "single",
    }
}

pub fn parse_difference(s: &str) -> Option<DifferenceKind> {
    DIFFERENCE_KINDS.iter().copied().find(|k| k.as_str() == s)
}

/// The hash (without `#`) for the current state.
pub fn to_hash(s: &State) -> String {
    let mut parts = vec![format!("view={}", s.view.as_str())];
    if let Some(g) = &s.group {
        parts.push(format!("g={}", enc(g)));
    }
    if let Some(c) = &s.claim {
        parts.push(format!("c={}", enc(c)));
    }
    let f = &s.filters;
    if let Some(r) = f.relation {
        parts.push(format!("rel={}", relation_filter_str(r)));
    }
    if let Some(d) = f.difference {
        parts.push(format!("diff={}", d.as_str()));
    }
    if let Some(n) = &f.name {
        parts.push(format!("name={}", enc(n)));
    }
    if let Some(src) = &f.source {
        parts.push(format!("src={}", enc(src)));
    }
    if f.sort != Sort::Document {
        parts.push(format!("sort={}", f.sort.as_str()));
    }
    let bundled: Vec<String> = s
        .entries
        .iter()
        .filter(|e| e.bundled)
        .filter_map(|e| crate::bundled::ARTICLES.iter().position(|(id, _)| *id == e.article.id))
        .map(|i| i.to_string())
        .collect();
    parts.push(format!("b={}", bundled.join(",")));
    parts.join("&")
}

/// Reads a hash (with or without `#`). Unknown keys and values are ignored.
pub fn parse(hash: &str) -> ViewState {
    let mut v = ViewState { filters: Filters::default(), ..Default::default() };
    for part in hash.trim_start_matches('#').split('&') {
        let (k, val) = part.split_once('=').unwrap_or((part, ""));
        let val = dec(val);
        match k {
            "view" => v.view = View::parse(&val),
            "g" if !val.is_empty() => v.group = Some(val),
            "c" if !val.is_empty() => v.claim = Some(val),
            "rel" => v.filters.relation = parse_relation(&val),
            "diff" => v.filters.difference = parse_difference(&val),
            "name" if !val.is_empty() => v.filters.name = Some(val),
            "src" if !val.is_empty() => v.filters.source = Some(val),
            "sort" => v.filters.sort = Sort::parse(&val).unwrap_or_default(),
            "b" => {
                let n = crate::bundled::ARTICLES.len();
                let mut idx: Vec<usize> =
                    val.split(',').filter_map(|x| x.trim().parse().ok()).filter(|&i| i < n).collect();
                idx.dedup();
                v.bundled = Some(idx);
            }
            _ => {}
        }
    }
    v
}

pub fn current() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Replaces the hash without adding a history entry or firing `hashchange`.
pub fn write(hash: &str) {
    let Some(w) = web_sys::window() else { return };
    if current().trim_start_matches('#') == hash {
        return;
    }
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{hash}")));
    }
}
