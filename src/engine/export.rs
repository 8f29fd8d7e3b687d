//! Exports of an analysis: the alignment JSON (the format of the gold scorer, plus every field
//! the engine knows), a Markdown report and a CSV claim x source matrix. Pure functions from
//! an `Analysis` to a string or a JSON value; the caller writes them wherever it wants.

use super::model::{
    Analysis, Article, ArticleMeta, Block, Claim, DocAnalysis, Entity, Furniture, Group, Outlet, Relation, Sentence,
    Span,
};
use serde::Serialize;

/// The format name and version written into every JSON export.
pub const FORMAT: &str = "parallax-alignment";
pub const FORMAT_VERSION: u32 = 1;

/// The alignment JSON as a serialisable view of an analysis (borrowed, nothing copied):
/// `claims`, `groups`, `entities` as `shared/eval/README.md` has them, plus `documents`
/// (metadata, furniture, sentences) and `single_source`. With `articles`, the texts go in too,
/// so the file can be imported back. Serialised by [`to_json`] natively and by the page with
/// whatever serialiser it has (the wasm build has no `serde_json`).
#[derive(Serialize)]
pub struct Export<'a> {
    pub format: &'static str,
    pub version: u32,
    pub documents: Vec<ExportDoc<'a>>,
    pub claims: Vec<&'a Claim>,
    pub groups: &'a [Group],
    pub entities: &'a [Entity],
    pub single_source: &'a [String],
}

/// One document of an [`Export`].
#[derive(Serialize)]
pub struct ExportDoc<'a> {
    pub id: &'a str,
    pub outlet: &'a Option<Outlet>,
    pub title: &'a Option<String>,
    pub date: Option<String>,
    pub dateline: &'a Option<Span>,
    pub furniture: &'a [Furniture],
    pub blocks: &'a [Block],
    pub sentences: &'a [Sentence],
    pub warnings: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<&'a ArticleMeta>,
}

impl<'a> Export<'a> {
    pub fn new(analysis: &'a Analysis, articles: Option<&'a [Article]>) -> Export<'a> {
        let documents = analysis
            .docs
            .iter()
            .map(|d| {
                let article = articles.and_then(|a| a.iter().find(|a| a.id == d.doc));
                ExportDoc {
                    id: &d.doc,
                    outlet: &d.outlet,
                    title: &d.title,
                    date: d.date.map(|x| x.to_string()),
                    dateline: &d.dateline,
                    furniture: &d.furniture,
                    blocks: &d.blocks,
                    sentences: &d.sentences,
                    warnings: &d.warnings,
                    text: article.map(|a| a.text.as_str()),
                    meta: article.map(|a| &a.meta),
                }
            })
            .collect();
        Export {
            format: FORMAT,
            version: FORMAT_VERSION,
            documents,
            claims: analysis.claims().collect(),
            groups: &analysis.groups,
            entities: &analysis.entities,
            single_source: &analysis.single_source,
        }
    }
}

/// The alignment as a JSON value ([`Export`]; object keys sorted). Native builds only: the
/// page serialises [`Export`] itself.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_json(analysis: &Analysis, articles: Option<&[Article]>) -> serde_json::Value {
    serde_json::to_value(Export::new(analysis, articles)).unwrap_or(serde_json::Value::Null)
}

/// The display name of an article: its outlet, else its id.
pub fn doc_label(d: &DocAnalysis) -> String {
    match &d.outlet {
        Some(o) => format!("{} ({})", o.name, d.doc),
        None => format!("{} (no credit line)", d.doc),
    }
}

fn claim_text<'a>(articles: &'a [Article], doc: &str, start: usize, end: usize) -> &'a str {
    articles.iter().find(|a| a.id == doc).and_then(|a| a.text.get(start..end)).unwrap_or("")
}

/// Quotes a CSV field when it needs it (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The claim x source matrix: one row per group, then one per single-source claim; one column
/// per article with that article's wording.
pub fn to_csv(analysis: &Analysis, articles: &[Article]) -> String {
    let mut out = String::new();
    let mut header = vec!["group".to_string(), "relation".to_string(), "differences".to_string(), "label".to_string()];
    header.extend(analysis.docs.iter().map(doc_label));
    out.push_str(&header.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    let cell = |doc: &str, ids: &mut dyn Iterator<Item = &String>| -> String {
        ids.filter_map(|id| analysis.claim(id))
            .filter(|c| c.doc == doc)
            .map(|c| claim_text(articles, &c.doc, c.span.start, c.span.end).to_string())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    for g in &analysis.groups {
        let kinds: Vec<&str> = g.differences.iter().map(|d| d.kind.as_str()).collect();
        let mut row = vec![g.id.clone(), g.relation.as_str().to_string(), kinds.join(" "), g.label.clone()];
        for d in &analysis.docs {
            row.push(cell(&d.doc, &mut g.claims.iter()));
        }
        out.push_str(&row.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    for id in &analysis.single_source {
        let mut row = vec![String::new(), "single".to_string(), String::new(), id.clone()];
        for d in &analysis.docs {
            row.push(cell(&d.doc, &mut std::iter::once(id)));
        }
        out.push_str(&row.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

fn md_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
            o.push('\\');
        }
        if c == '\n' {
            o.push(' ');
        } else {
            o.push(c);
        }
    }
    o
}

/// A readable report: the articles, then each group with its versions and differences, then
/// the names with their spellings, then single-source claims.
pub fn to_markdown(analysis: &Analysis, articles: &[Article]) -> String {
    let mut o = String::from("# Parallax report\n\n## Articles\n\n");
    for d in &analysis.docs {
        o.push_str(&format!("- {} — {} claims\n", md_escape(&doc_label(d)), d.claims.len()));
    }
    let count = |r: Relation| analysis.groups.iter().filter(|g| g.relation == r).count();
    o.push_str(&format!(
        "\n## Claims stated by several sources\n\n{} groups: {} agree, {} compatible, {} differ.\n\n",
        analysis.groups.len(),
        count(Relation::Agree),
        count(Relation::Compatible),
        count(Relation::Differ)
    ));
    let outlet = |doc: &str| {
        analysis.doc(doc).and_then(|d| d.outlet.as_ref().map(|o| o.name.clone())).unwrap_or_else(|| doc.to_string())
    };
    for g in &analysis.groups {
        o.push_str(&format!("### {} — {} ({})\n\n", g.id, md_escape(&g.label), g.relation.as_str()));
        for id in &g.claims {
            if let Some(c) = analysis.claim(id) {
                o.push_str(&format!(
                    "- **{}**: {}\n",
                    md_escape(&outlet(&c.doc)),
                    md_escape(claim_text(articles, &c.doc, c.span.start, c.span.end))
                ));
            }
        }
        for d in &g.differences {
            o.push_str(&format!("- *{}*: {}\n", d.kind.as_str(), md_escape(&d.note)));
        }
        if let Some(l) = g.links.first() {
            let why: Vec<String> = l.reasons.iter().map(|r| r.what.clone()).collect();
            o.push_str(&format!("- why matched (score {:.2}): {}\n", g.score, md_escape(&why.join("; "))));
        }
        o.push('\n');
    }
    o.push_str("## Names\n\n");
    for e in &analysis.entities {
        let sp: Vec<String> = e
            .spellings
            .iter()
            .map(|s| format!("{} ({})", s.text, s.docs.iter().map(|d| outlet(d)).collect::<Vec<_>>().join(", ")))
            .collect();
        let flag = if e.spelling_differs { " — spellings differ" } else { "" };
        o.push_str(&format!("- **{}**: {}{}\n", md_escape(&e.name), md_escape(&sp.join("; ")), flag));
    }
    o.push_str("\n## Stated by one source only\n\n");
    for id in &analysis.single_source {
        if let Some(c) = analysis.claim(id) {
            o.push_str(&format!(
                "- **{}**: {}\n",
                md_escape(&outlet(&c.doc)),
                md_escape(claim_text(articles, &c.doc, c.span.start, c.span.end))
            ));
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_fields() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(md_escape("<script>|x"), "\\<script\\>\\|x");
    }
}
