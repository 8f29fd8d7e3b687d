//! The workspace in the browser's localStorage (as JSON, through the browser's `JSON`): an index (which articles, their
//! metadata, the corrections) and, for each of the user's own articles, its text under a key of
//! its own, so that when the quota runs out the others are still kept and the user can be told
//! exactly which articles will not survive a reload.

use super::corrections::Correction;
use super::state::{Entry, MessageKind};
use crate::engine::{Article, ArticleMeta};
use crate::web::json::{self, array, get};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;

const INDEX_KEY: &str = "parallax.workspace.v1";
const TEXT_PREFIX: &str = "parallax.text.v1.";

#[derive(Serialize, Deserialize)]
struct StoredEntry {
    id: String,
    bundled: bool,
    #[serde(default)]
    meta: ArticleMeta,
}

#[derive(Serialize)]
struct StoredIndex {
    entries: Vec<StoredEntry>,
    #[serde(default)]
    corrections: Vec<Correction>,
}

thread_local! {
    /// Texts already written in this session: id -> (length, cheap hash), to skip rewriting.
    static WRITTEN: RefCell<HashMap<String, (usize, u64)>> = RefCell::new(HashMap::new());
}

fn fingerprint(s: &str) -> (usize, u64) {
    // FNV-1a over the text: enough to notice an edit.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    (s.len(), h)
}

/// localStorage, when the browser lets us use it (it can throw in private modes).
fn available() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether the page can store anything at all.
pub fn is_available() -> bool {
    available().is_some()
}

/// What the user is told when the browser lets the page store nothing.
pub const UNAVAILABLE: &str = "This browser does not let the page store anything (private browsing, or storage turned \
off): your articles and corrections will not survive a reload. Export JSON to keep them.";

/// Where an index that could not be read is kept, so that it is never silently lost.
const UNREADABLE_KEY: &str = "parallax.workspace.v1.unreadable";

pub struct Loaded {
    pub entries: Vec<Entry>,
    pub corrections: Vec<Correction>,
    pub messages: Vec<(MessageKind, String)>,
}

fn all_keys(storage: &web_sys::Storage) -> Vec<String> {
    (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect()
}

fn bundled_all() -> Vec<Entry> {
    super::state::bundled_entries(&(0..crate::bundled::ARTICLES.len()).collect::<Vec<_>>())
}

/// "a.txt, b.txt and c.txt"
fn list(ids: &[String]) -> String {
    match ids {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The stored workspace, or `None` when nothing is stored (first visit).
///
/// Never drops saved data silently: an index that is not JSON (damaged, or written by another
/// version) is kept under `parallax.workspace.v1.unreadable` and the articles whose texts are
/// stored are recovered from them; an entry, its metadata or a correction that cannot be read
/// is named in a message; keys of other versions are reported and left alone.
pub fn load() -> Option<Loaded> {
    let storage = available()?;
    let keys = all_keys(&storage);
    let mut messages = Vec::new();
    for k in &keys {
        if k.starts_with("parallax.") && k != INDEX_KEY && k != UNREADABLE_KEY && !k.starts_with(TEXT_PREFIX) {
            messages.push((
                MessageKind::Error,
                format!(
                    "Saved data from another version of Parallax ({k}) was found; this version cannot read it. \
                     It was left in the browser's storage."
                ),
            ));
        }
    }
    let text_of = |id: &str| storage.get_item(&format!("{TEXT_PREFIX}{id}")).ok().flatten();
    let stored_texts: Vec<String> =
        keys.iter().filter_map(|k| k.strip_prefix(TEXT_PREFIX)).map(str::to_string).collect();
    let raw = storage.get_item(INDEX_KEY).ok().flatten();
    // The index as a JavaScript object (the browser's JSON.parse), when it is one with entries.
    let index: Option<(wasm_bindgen::JsValue, Vec<wasm_bindgen::JsValue>)> = raw
        .as_deref()
        .and_then(|r| json::parse_js(r).ok())
        .and_then(|v| get(&v, "entries").as_ref().and_then(array).map(|entries| (v, entries)));
    let Some((index, index_entries)) = index else {
        // No index, or one that cannot be read.
        if raw.is_none() && stored_texts.is_empty() {
            return (!messages.is_empty()).then(|| Loaded { entries: bundled_all(), corrections: vec![], messages });
        }
        let mut entries = bundled_all();
        let mut recovered = Vec::new();
        for id in &stored_texts {
            if let Some(text) = text_of(id) {
                WRITTEN.with(|w| w.borrow_mut().insert(id.clone(), fingerprint(&text)));
                entries.push(Entry {
                    article: Article { id: id.clone(), text, meta: ArticleMeta::default() },
                    bundled: false,
                });
                recovered.push(id.clone());
            }
        }
        let mut text = match &raw {
            Some(r) => {
                let kept = storage.set_item(UNREADABLE_KEY, r).is_ok();
                format!(
                    "The saved workspace could not be read (it is damaged, or from another version of Parallax){}. ",
                    if kept {
                        format!("; a copy was kept in the browser's storage as {UNREADABLE_KEY}")
                    } else {
                        String::new()
                    }
                )
            }
            None => "The list of your saved articles was missing. ".to_string(),
        };
        if recovered.is_empty() {
            text.push_str("Starting from the bundled articles.");
        } else {
            text.push_str(&format!(
                "Recovered {} of your articles from their saved texts (without outlet, title and date): {}.",
                recovered.len(),
                list(&recovered)
            ));
        }
        messages.insert(0, (MessageKind::Error, text));
        return Some(Loaded { entries, corrections: vec![], messages });
    };
    let bundled = crate::bundled::articles();
    let mut entries: Vec<Entry> = Vec::new();
    let mut unreadable = 0;
    for v in &index_entries {
        let id = match get(v, "id").and_then(|x| x.as_string()) {
            Some(id) if !entries.iter().any(|e| e.article.id == id) => id,
            _ => {
                unreadable += 1;
                continue;
            }
        };
        let meta = match get(v, "meta") {
            None => ArticleMeta::default(),
            Some(m) => json::from_js(m).unwrap_or_else(|_| {
                messages.push((
                    MessageKind::Error,
                    format!("The saved outlet, title and date of {id} could not be read; the article was kept without them."),
                ));
                ArticleMeta::default()
            }),
        };
        let is_bundled = get(v, "bundled").and_then(|x| x.as_bool());
        let bundled_article = bundled.iter().find(|a| a.id == id);
        match (is_bundled, bundled_article, text_of(&id)) {
            (Some(true) | None, Some(a), _) => {
                entries.push(Entry { article: Article { meta, ..a.clone() }, bundled: true })
            }
            (_, _, Some(text)) => {
                WRITTEN.with(|w| w.borrow_mut().insert(id.clone(), fingerprint(&text)));
                entries.push(Entry { article: Article { id, text, meta }, bundled: false });
            }
            _ => {
                messages.push((MessageKind::Error, format!("The text of {id} was not found in the browser's storage.")))
            }
        }
    }
    if unreadable > 0 {
        messages.push((
            MessageKind::Error,
            format!("{unreadable} saved article entr{} could not be read.", if unreadable == 1 { "y" } else { "ies" }),
        ));
    }
    // Texts the index does not list (the index could not be written after them): recovered.
    let orphans: Vec<String> =
        stored_texts.iter().filter(|id| !entries.iter().any(|e| &e.article.id == *id)).cloned().collect();
    let mut recovered = Vec::new();
    for id in orphans {
        if let Some(text) = text_of(&id) {
            WRITTEN.with(|w| w.borrow_mut().insert(id.clone(), fingerprint(&text)));
            entries.push(Entry {
                article: Article { id: id.clone(), text, meta: ArticleMeta::default() },
                bundled: false,
            });
            recovered.push(id);
        }
    }
    if !recovered.is_empty() {
        messages.push((
            MessageKind::Info,
            format!("Recovered {} from the browser's storage (it was saved, but not listed).", list(&recovered)),
        ));
    }
    let mut corrections = Vec::new();
    let mut bad_corrections = 0;
    for c in get(&index, "corrections").as_ref().and_then(array).into_iter().flatten() {
        match json::from_js::<Correction>(c) {
            Ok(c) => corrections.push(c),
            Err(_) => bad_corrections += 1,
        }
    }
    if bad_corrections > 0 {
        messages.push((
            MessageKind::Error,
            format!(
                "{bad_corrections} of your saved corrections could not be read (from another version of Parallax?) and were left out."
            ),
        ));
    }
    Some(Loaded { entries, corrections, messages })
}

/// Stores the workspace. Returns the ids of the user's articles that could not be stored
/// (the quota is full): they will not survive a reload. Err when storage is unavailable.
pub fn save(entries: &[Entry], corrections: &[Correction]) -> Result<Vec<String>, String> {
    let storage = available().ok_or_else(|| UNAVAILABLE.to_string())?;
    // Texts of removed articles go first, to make room.
    let keep: Vec<String> = entries.iter().map(|e| format!("{TEXT_PREFIX}{}", e.article.id)).collect();
    let mut stale = Vec::new();
    for i in 0..storage.length().unwrap_or(0) {
        if let Ok(Some(k)) = storage.key(i) {
            if k.starts_with(TEXT_PREFIX) && !keep.contains(&k) {
                stale.push(k);
            }
        }
    }
    for k in stale {
        let _ = storage.remove_item(&k);
        WRITTEN.with(|w| w.borrow_mut().remove(&k[TEXT_PREFIX.len()..]));
    }
    let mut unsaved = Vec::new();
    let mut stored = Vec::new();
    for e in entries {
        if e.bundled {
            stored.push(StoredEntry { id: e.article.id.clone(), bundled: true, meta: e.article.meta.clone() });
            continue;
        }
        let fp = fingerprint(&e.article.text);
        let already = WRITTEN.with(|w| w.borrow().get(&e.article.id) == Some(&fp));
        let ok = already || {
            let key = format!("{TEXT_PREFIX}{}", e.article.id);
            match storage.set_item(&key, &e.article.text) {
                Ok(()) => {
                    WRITTEN.with(|w| w.borrow_mut().insert(e.article.id.clone(), fp));
                    true
                }
                Err(_) => {
                    let _ = storage.remove_item(&key);
                    WRITTEN.with(|w| w.borrow_mut().remove(&e.article.id));
                    false
                }
            }
        };
        if ok {
            stored.push(StoredEntry { id: e.article.id.clone(), bundled: false, meta: e.article.meta.clone() });
        } else {
            unsaved.push(e.article.id.clone());
        }
    }
    let index = StoredIndex { entries: stored, corrections: corrections.to_vec() };
    let written = json::stringify(&index).map(|json| storage.set_item(INDEX_KEY, &json).is_ok()).unwrap_or(false);
    if !written {
        // Not even the index fits: nothing of the user's survives.
        let mine: Vec<String> = entries.iter().filter(|e| !e.bundled).map(|e| e.article.id.clone()).collect();
        if mine.is_empty() {
            return Err("The browser's storage is full: your choice of articles and your corrections will not survive a reload.".into());
        }
        return Ok(mine);
    }
    Ok(unsaved)
}
