//! Browser tests (wasm-bindgen-test in headless Chromium): mount the app and look at the DOM.
//! Run by scripts/test.sh, or by hand:
//!   CHROMEDRIVER=/usr/bin/chromedriver \
//!   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!   cargo test --target wasm32-unknown-unknown --test web
//! (webdriver.json at the repository root holds the Chromium flags.)
//!
//! The contract with the page is the DOM only: each article element carries `data-doc` (its
//! document id) and shows its outlet, or "No credit line" when the text has none.
#![cfg(target_arch = "wasm32")]

use parallax::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// What each bundled article shows: its outlet, or that it has no credit line.
const EXPECTED: &[(&str, &str)] = &[
    ("000_59f64d01507f9a7e.txt", "Reuters"),
    ("001_9034de37746ab25b.txt", "VOA"),
    ("002_997de83ce86dabb3.txt", "CNN"),
    ("003_83f43f7003ad4c7c.txt", "No credit line"),
    ("004_742d5dcaba902641.txt", "AFP"),
];

/// Mounts the app into a fresh `div` appended to the body and lets it render.
async fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    // The analysis runs off the main thread (or in steps on it) and the articles appear when
    // it is done: wait for them, up to 30 s on a loaded machine.
    for _ in 0..600 {
        if docs(&root).len() >= EXPECTED.len() {
            break;
        }
        gloo::timers::future::TimeoutFuture::new(50).await;
    }
    root
}

fn docs(root: &Element) -> Vec<Element> {
    let list = root.query_selector_all("[data-doc]").unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// The rendered text of an element (what is on screen), falling back to its text content.
fn text(e: &Element) -> String {
    match e.dyn_ref::<HtmlElement>() {
        Some(h) => h.inner_text(),
        None => e.text_content().unwrap_or_default(),
    }
}

/// The element's headings (where the outlet is shown), or its whole text if it has none.
fn heading_text(e: &Element) -> String {
    let list = e.query_selector_all("h1, h2, h3, h4, h5, h6, header, .outlet, [data-outlet]").unwrap();
    let parts: Vec<String> =
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).map(|h| text(&h)).collect();
    if parts.is_empty() {
        text(e)
    } else {
        parts.join("\n")
    }
}

#[wasm_bindgen_test]
async fn app_shows_the_five_bundled_articles() {
    let root = mount().await;
    let docs = docs(&root);
    let ids: Vec<String> = docs.iter().map(|d| d.get_attribute("data-doc").unwrap_or_default()).collect();
    assert_eq!(docs.len(), 5, "expected five [data-doc] articles, found {ids:?}");
    for (id, _) in EXPECTED {
        assert!(ids.iter().any(|i| i == id), "no [data-doc=\"{id}\"] among {ids:?}");
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn each_article_shows_its_outlet_or_no_credit_line() {
    let root = mount().await;
    assert_eq!(docs(&root).len(), EXPECTED.len(), "the articles did not appear");
    for d in docs(&root) {
        let id = d.get_attribute("data-doc").unwrap_or_default();
        let shown = heading_text(&d);
        let Some((_, outlet)) = EXPECTED.iter().find(|(doc, _)| *doc == id) else {
            panic!("unexpected article {id:?}");
        };
        assert!(
            shown.to_lowercase().contains(&outlet.to_lowercase()),
            "article {id} should show {outlet:?}; its headings read {shown:?}"
        );
        if *outlet != "No credit line" {
            assert!(
                !shown.contains("No credit line"),
                "article {id} has a credit line ({outlet}) but says it has none"
            );
        }
    }
    root.remove();
}

/// The page shows the bundled articles' analysis precomputed natively
/// (`assets/bundled-analysis.json`); the engine compiled to wasm must compute the same (no
/// difference between 32- and 64-bit builds), or the first view would differ from a re-analysis.
#[wasm_bindgen_test]
fn the_precomputed_analysis_is_what_the_wasm_engine_computes() {
    use parallax::engine::{analyze, lexicon, Analysis, Options};
    let data = lexicon::LexiconData {
        wordfreq: include_str!("../data/lexicon/wordfreq-en.txt").into(),
        synonyms: include_str!("../data/lexicon/synonyms.txt").into(),
        close: include_str!("../data/lexicon/close.txt").into(),
        exceptions: include_str!("../data/lexicon/exceptions.txt").into(),
    };
    lexicon::install(data).unwrap();
    let fresh = analyze(&parallax::bundled::articles(), &Options::default());
    let stored: Analysis =
        serde_wasm_bindgen::from_value(js_sys::JSON::parse(parallax::bundled::PRECOMPUTED).unwrap()).unwrap();
    assert_eq!(stored.docs, fresh.docs);
    assert_eq!(stored.entities, fresh.entities);
    assert_eq!(stored.groups, fresh.groups);
    assert_eq!(stored.single_source, fresh.single_source);
}
