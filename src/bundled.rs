//! The five bundled wire stories (2007-08 US-Russia missile-defence talks), compiled in.
//! They belong to their outlets and are included as sample material (see NOTICE).

use crate::engine::Article;

/// (document id, text), in the order of their file names.
pub const ARTICLES: &[(&str, &str)] = &[
    ("000_59f64d01507f9a7e.txt", include_str!("../assets/articles/000_59f64d01507f9a7e.txt")),
    ("001_9034de37746ab25b.txt", include_str!("../assets/articles/001_9034de37746ab25b.txt")),
    ("002_997de83ce86dabb3.txt", include_str!("../assets/articles/002_997de83ce86dabb3.txt")),
    ("003_83f43f7003ad4c7c.txt", include_str!("../assets/articles/003_83f43f7003ad4c7c.txt")),
    ("004_742d5dcaba902641.txt", include_str!("../assets/articles/004_742d5dcaba902641.txt")),
];

/// The bundled articles as engine input.
pub fn articles() -> Vec<Article> {
    ARTICLES
        .iter()
        .map(|(id, text)| Article { id: id.to_string(), text: text.to_string(), meta: Default::default() })
        .collect()
}
