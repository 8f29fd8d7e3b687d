//! The page: Yew components over one app state. Only compiled for wasm.

use crate::engine::{self, Analysis, Article, Options};
use yew::prelude::*;

/// Mounts the app on the page body.
pub fn start() {
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::new().render();
}

#[function_component(App)]
pub fn app() -> Html {
    let articles = use_memo((), |_| crate::bundled::articles());
    let analysis: std::rc::Rc<Analysis> = use_memo((), {
        let articles = articles.clone();
        move |_| engine::analyze(&articles, &Options::default())
    });
    html! {
        <main class="app">
            <header><h1>{ "Parallax" }</h1></header>
            <section class="articles" aria-label="Articles">
                { for analysis.docs.iter().zip(articles.iter()).map(|(d, a)| view_article(d, a)) }
            </section>
        </main>
    }
}

fn view_article(d: &engine::DocAnalysis, a: &Article) -> Html {
    let outlet = d.outlet.as_ref().map(|o| o.name.clone()).unwrap_or_else(|| "No credit line".to_string());
    html! {
        <article class="article" data-doc={d.doc.clone()}>
            <h2 class="outlet">{ outlet }</h2>
            <p class="doc-id">{ &d.doc }</p>
            { for d.sentences.iter().map(|s| html!{ <p class="sentence">{ s.span.text(&a.text) }</p> }) }
        </article>
    }
}
