//! Reading the user's files, turning HTML and Markdown into article text, downloads, and the
//! JSON export and import of a whole workspace.

use super::corrections::Correction;
use super::state::{Derived, Entry, MAX_ARTICLE_BYTES};
use crate::engine::export;
use crate::engine::{
    Analysis, Article, ArticleMeta, Block, Claim, Date, DocAnalysis, Entity, Furniture, Group, Outlet, Sentence, Span,
};
use crate::web::json::{self, array, get};
use wasm_bindgen::{JsCast, JsValue};

/// Size in words: "7.2 MB", "812 kB".
pub fn human_size(bytes: f64) -> String {
    if bytes >= 1024.0 * 1024.0 {
        format!("{:.1} MB", bytes / (1024.0 * 1024.0))
    } else {
        format!("{:.0} kB", (bytes / 1024.0).ceil())
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FileKind {
    Text,
    Markdown,
    Html,
    Json,
}

pub fn kind_of(name: &str) -> Option<FileKind> {
    let lower = name.to_lowercase();
    let ext = lower.rsplit('.').next().unwrap_or("");
    match ext {
        "txt" | "text" => Some(FileKind::Text),
        "md" | "markdown" => Some(FileKind::Markdown),
        "html" | "htm" | "xhtml" => Some(FileKind::Html),
        "json" => Some(FileKind::Json),
        _ => None,
    }
}

/// Bytes to text, or why not: not UTF-8, or binary (NUL bytes, many control characters).
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, String> {
    let binary = || format!("{name} does not look like a text file (it has binary content); it was not added.");
    if bytes.contains(&0) {
        return Err(binary());
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| format!("{name} is not UTF-8 text; it was not added. Save it as UTF-8 and try again."))?;
    let control = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
    if control * 100 > text.chars().count().max(1) {
        return Err(binary());
    }
    Ok(text.trim_start_matches('\u{feff}').to_string())
}

/// Collapses the spaces of each line, drops empty lines.
fn tidy_lines(s: &str) -> String {
    s.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The article text of an HTML page, via the browser's DOMParser (which runs no scripts):
/// the body's text without script, style and nav, one line per block element.
/// Returns (text, title).
pub fn html_to_text(html: &str) -> Result<(String, Option<String>), String> {
    let parser = web_sys::DomParser::new().map_err(|_| "The browser could not parse HTML.".to_string())?;
    let doc = parser
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .map_err(|_| "The browser could not parse this HTML.".to_string())?;
    if let Ok(list) = doc.query_selector_all("script, style, nav, noscript, template") {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                el.remove();
            }
        }
    }
    if let Ok(list) = doc.query_selector_all(
        "p, div, br, li, h1, h2, h3, h4, h5, h6, tr, section, article, blockquote, pre, header, footer, figcaption, dd, dt, aside, main, hr",
    ) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.append_with_str_1("\n");
            }
        }
    }
    let title = {
        let t = doc.title();
        let t = t.trim().to_string();
        if t.is_empty() {
            doc.query_selector("h1")
                .ok()
                .flatten()
                .and_then(|h| h.text_content())
                .map(|s| tidy_lines(&s))
                .filter(|s| !s.is_empty())
        } else {
            Some(t)
        }
    };
    let body = doc.body().and_then(|b| b.text_content()).unwrap_or_default();
    Ok((tidy_lines(&body), title))
}

/// Markdown to plain text: headings, emphasis, links and images lose their markup.
/// Returns (text, the first heading as title).
pub fn markdown_to_text(md: &str) -> (String, Option<String>) {
    let mut title = None;
    let mut out = Vec::new();
    for line in md.lines() {
        let mut l = line.trim_end().to_string();
        let trimmed = l.trim_start();
        if trimmed.starts_with("```")
            || trimmed.chars().all(|c| matches!(c, '-' | '=' | '*' | '_')) && !trimmed.is_empty()
        {
            continue;
        }
        if let Some(h) = trimmed.strip_prefix('#') {
            let h = h.trim_start_matches('#').trim().to_string();
            if title.is_none() && !h.is_empty() {
                title = Some(h.clone());
            }
            l = h;
        } else if let Some(q) = trimmed.strip_prefix("> ") {
            l = q.to_string();
        }
        // [text](url) and ![alt](url) -> text
        let mut s = String::with_capacity(l.len());
        let chars: Vec<char> = l.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '!' && chars.get(i + 1) == Some(&'[') {
                i += 1;
                continue;
            }
            if c == ']' && chars.get(i + 1) == Some(&'(') {
                if let Some(close) = chars[i + 2..].iter().position(|&x| x == ')') {
                    i += close + 3;
                    continue;
                }
            }
            if c == '[' || c == '*' || c == '`' {
                i += 1;
                continue;
            }
            if c == '_'
                && (i == 0
                    || !chars[i - 1].is_alphanumeric()
                    || chars.get(i + 1).map(|x| !x.is_alphanumeric()).unwrap_or(true))
            {
                i += 1;
                continue;
            }
            s.push(c);
            i += 1;
        }
        out.push(s);
    }
    (tidy_lines(&out.join("\n")), title)
}

/// An article from a file's content, by its kind.
pub fn article_from_file(name: &str, kind: FileKind, text: &str) -> Result<Article, String> {
    let (text, title) = match kind {
        FileKind::Html => html_to_text(text)?,
        FileKind::Markdown => markdown_to_text(text),
        _ => (text.replace("\r\n", "\n"), None),
    };
    if text.trim().is_empty() {
        return Err(format!("{name} has no text in it; it was not added."));
    }
    let id = if kind == FileKind::Html || kind == FileKind::Markdown {
        // The text is no longer the file's bytes: the id says it is the text of that file.
        let stem = name.rsplit_once('.').map(|x| x.0).unwrap_or(name);
        format!("{stem}.txt")
    } else {
        name.to_string()
    };
    Ok(Article { id, text, meta: ArticleMeta { title, ..Default::default() } })
}

/// Starts a download of `content` named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let fail = || "The browser refused the download.".to_string();
    let blob = gloo::file::Blob::new_with_options(content, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(fail)?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| fail())?.dyn_into().map_err(|_| fail())?;
    a.set_href(&url);
    a.set_download(name);
    let _ = a.set_attribute("hidden", "");
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
    }
    a.click();
    a.remove();
    // Revoke the object URL once the download has started.
    gloo::timers::callback::Timeout::new(10_000, move || drop(url)).forget();
    Ok(())
}

fn articles(entries: &[Entry]) -> Vec<Article> {
    entries.iter().map(|e| e.article.clone()).collect()
}

/// The JSON export: the engine's alignment JSON with the texts, plus the user's corrections,
/// the engine's groups before them, and which articles are bundled. Written through the
/// browser's `JSON.stringify` (`json`); an error (not expected) is a message.
pub fn export_json(d: &Derived, corrections: &[Correction]) -> Result<String, String> {
    #[derive(serde::Serialize)]
    struct Uncorrected<'a> {
        groups: &'a [Group],
        single_source: &'a [String],
    }
    #[derive(serde::Serialize)]
    struct Workspace {
        bundled: Vec<String>,
    }
    let fail = |e: String| format!("The export could not be written ({e}).");
    let arts = articles(&d.entries);
    let v = json::to_js(&export::Export::new(d.analysis(), Some(&arts))).map_err(fail)?;
    json::set(&v, "corrections", &json::to_js(corrections).map_err(fail)?);
    let uncorrected = Uncorrected { groups: &d.raw.groups, single_source: &d.raw.single_source };
    json::set(&v, "uncorrected", &json::to_js(&uncorrected).map_err(fail)?);
    let workspace =
        Workspace { bundled: d.entries.iter().filter(|e| e.bundled).map(|e| e.article.id.clone()).collect() };
    json::set(&v, "workspace", &json::to_js(&workspace).map_err(fail)?);
    json::stringify_js(&v, true).map_err(fail)
}

pub fn export_csv(d: &Derived) -> String {
    export::to_csv(d.analysis(), &articles(&d.entries))
}

pub fn export_markdown(d: &Derived, corrections: &[Correction]) -> String {
    let mut md = export::to_markdown(d.analysis(), &articles(&d.entries));
    if !corrections.is_empty() {
        md.push_str("\n## Your corrections\n\n");
        for c in corrections {
            let text = c.describe(d.analysis(), &|r| d.claim_label(r));
            md.push_str(&format!("- {}\n", text.replace('*', "\\*")));
        }
    }
    md
}

pub struct Imported {
    pub entries: Vec<Entry>,
    /// The analysis as exported (before corrections), when it is consistent with the texts.
    pub analysis: Option<Analysis>,
    pub corrections: Vec<Correction>,
}

fn field(v: &JsValue, k: &str) -> Option<JsValue> {
    get(v, k)
}

fn parse<T: serde::de::DeserializeOwned>(v: Option<JsValue>) -> Option<T> {
    json::from_js(v?).ok()
}

fn as_str(v: Option<JsValue>) -> Option<String> {
    v?.as_string()
}

/// Reads a JSON export back. A file that is not JSON, not a Parallax export, or has no article
/// texts is an error; the caller then changes nothing.
pub fn import_json(text: &str) -> Result<Imported, String> {
    let v = json::parse_js(text).map_err(|e| format!("This file is not valid JSON ({e}). Nothing was changed."))?;
    if as_str(get(&v, "format")).as_deref() != Some(export::FORMAT) {
        return Err("This JSON file is not a Parallax export (it has no \"format\": \"parallax-alignment\"). Nothing was changed.".into());
    }
    let version = get(&v, "version")
        .and_then(|x| x.as_f64())
        .filter(|x| *x >= 0.0 && x.fract() == 0.0)
        .map(|x| x as u64)
        .unwrap_or(0);
    if version == 0 || version > export::FORMAT_VERSION as u64 {
        return Err(format!(
            "This export has format version {version}, which this page cannot read. Nothing was changed."
        ));
    }
    let docs =
        get(&v, "documents").as_ref().and_then(array).ok_or("This export lists no documents. Nothing was changed.")?;
    if docs.is_empty() {
        return Err("This export has no articles in it. Nothing was changed.".into());
    }
    let bundled_ids: Vec<String> =
        get(&v, "workspace").and_then(|w| get(&w, "bundled")).and_then(|b| json::from_js(b).ok()).unwrap_or_default();
    let bundle = crate::bundled::articles();
    let mut entries: Vec<Entry> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let id = as_str(get(d, "id")).ok_or(format!("Document {} has no id. Nothing was changed.", i + 1))?;
        let id = id.as_str();
        let text = as_str(get(d, "text")).ok_or(format!(
            "The export has no text for {id} (it was exported without the articles). Nothing was changed."
        ))?;
        if text.len() > MAX_ARTICLE_BYTES {
            return Err(format!("{id} is larger than 5 MB. Nothing was changed."));
        }
        if entries.iter().any(|e| e.article.id == id) {
            return Err(format!("The export lists {id} twice. Nothing was changed."));
        }
        let meta: ArticleMeta = match field(d, "meta") {
            Some(m) => {
                json::from_js(m).map_err(|_| format!("The metadata of {id} is malformed. Nothing was changed."))?
            }
            None => ArticleMeta::default(),
        };
        let bundled = (bundled_ids.iter().any(|b| b == id) || bundled_ids.is_empty())
            && bundle.iter().any(|a| a.id == id && a.text == text);
        entries.push(Entry { article: Article { id: id.to_string(), text, meta }, bundled });
    }
    let corrections: Vec<Correction> = match field(&v, "corrections") {
        Some(c) => json::from_js(c)
            .map_err(|_| "The corrections in this export are malformed. Nothing was changed.".to_string())?,
        None => Vec::new(),
    };
    let analysis = analysis_from_json(&v, &docs, &entries);
    Ok(Imported { entries, analysis, corrections })
}

/// The exported analysis, rebuilt, when every span in it fits its text; else `None` (the page
/// then analyses the texts again).
fn analysis_from_json(v: &JsValue, docs_v: &[JsValue], entries: &[Entry]) -> Option<Analysis> {
    let claims: Vec<Claim> = parse(get(v, "claims"))?;
    let uncorrected = get(v, "uncorrected");
    let from_uncorrected = |k: &str| uncorrected.as_ref().and_then(|u| get(u, k)).or_else(|| get(v, k));
    let groups: Vec<Group> = parse(from_uncorrected("groups"))?;
    let single_source: Vec<String> = parse(from_uncorrected("single_source")).unwrap_or_default();
    let entities: Vec<Entity> = parse(get(v, "entities")).unwrap_or_default();
    let fits = |doc: &str, s: &Span| {
        entries
            .iter()
            .find(|e| e.article.id == doc)
            .map(|e| s.start <= s.end && e.article.text.get(s.start..s.end).is_some())
            .unwrap_or(false)
    };
    let mut docs = Vec::new();
    for d in docs_v {
        let id = as_str(get(d, "id"))?;
        let doc_claims: Vec<Claim> = claims.iter().filter(|c| c.doc == id).cloned().collect();
        if !doc_claims.iter().all(|c| fits(&id, &c.span)) {
            return None;
        }
        docs.push(DocAnalysis {
            outlet: parse::<Outlet>(field(d, "outlet")),
            dateline: parse::<Span>(field(d, "dateline")),
            title: as_str(field(d, "title")),
            date: as_str(field(d, "date")).as_deref().and_then(Date::parse),
            furniture: parse::<Vec<Furniture>>(get(d, "furniture")).unwrap_or_default(),
            blocks: parse::<Vec<Block>>(get(d, "blocks")).unwrap_or_default(),
            sentences: parse::<Vec<Sentence>>(get(d, "sentences")).unwrap_or_default(),
            warnings: parse::<Vec<String>>(get(d, "warnings")).unwrap_or_default(),
            claims: doc_claims,
            doc: id,
        });
    }
    if docs.iter().map(|d| d.claims.len()).sum::<usize>() != claims.len() {
        return None;
    }
    let known: std::collections::HashSet<&String> = claims.iter().map(|c| &c.id).collect();
    if !groups.iter().all(|g| g.claims.iter().all(|c| known.contains(c))) {
        return None;
    }
    Some(Analysis { docs, entities, groups, single_source })
}
