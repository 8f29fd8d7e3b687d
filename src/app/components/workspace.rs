//! The user's articles: add, edit, remove, restore the bundled set. The list shows
//! `ROWS_PER_PAGE` articles at a time ("Show more").

use super::add_article::AddArticle;
use super::article_editor::ArticleEditor;
use super::show_more::ShowMore;
use crate::app::state::{Action, AppContext, ROWS_PER_PAGE};
use yew::prelude::*;

#[function_component(Workspace)]
pub fn workspace() -> Html {
    let ctx = use_context::<AppContext>().expect("AppContext");
    let wanted = use_state(|| ROWS_PER_PAGE);
    let more = {
        let wanted = wanted.clone();
        Callback::from(move |n: usize| wanted.set(n))
    };
    let restore = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::RestoreBundled))
    };
    let d = ctx.derived.clone();
    let items = ctx.entries.iter().take(*wanted).map(|e| {
        let found = d.as_ref().and_then(|d| {
            d.doc_position(&e.article.id).and_then(|i| d.raw.docs.get(i)).filter(|x| x.doc == e.article.id)
        });
        html! {
            <ArticleEditor key={e.article.id.clone()} entry={e.clone()}
                found_outlet={found.and_then(|f| f.outlet.as_ref().map(|o| o.name.clone()))}
                found_title={found.and_then(|f| f.title.clone())}
                unsaved={ctx.unsaved.contains(&e.article.id)} />
        }
    });
    html! {
        <div class="workspace">
            <section aria-labelledby="ws-h">
                <h2 id="ws-h">{ format!("Articles in the comparison ({})", ctx.entries.len()) }</h2>
                <p class="muted">{ "Your articles and edits are kept in this browser only. Changing an outlet, title or date re-runs the analysis." }</p>
                <ul class="article-list">{ for items }</ul>
                <ShowMore shown={(*wanted).min(ctx.entries.len())} total={ctx.entries.len()} noun="articles" onmore={more} />
                <button type="button" onclick={restore}>{ "Restore the bundled articles" }</button>
            </section>
            <AddArticle />
        </div>
    }
}
