//! The workspace in the browser's localStorage (gloo storage): an index (which articles, their
//! metadata, the corrections) and, for each of the user's own articles, its text under a key of
//! its own, so that when the quota runs out the others are still kept and the user can be told
//! exactly which articles will not survive a reload.

use super::corrections::Correction;
use super::state::{Entry, MessageKind};
use crate::engine::{Article, ArticleMeta};
use gloo::storage::{LocalStorage, Storage};
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

#[derive(Serialize, Deserialize)]
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

pub struct Loaded {
    pub entries: Vec<Entry>,
    pub corrections: Vec<Correction>,
    pub messages: Vec<(MessageKind, String)>,
}

/// The stored workspace, or `None` when nothing is stored (first visit).
pub fn load() -> Option<Loaded> {
    let storage = available()?;
    let raw = storage.get_item(INDEX_KEY).ok().flatten()?;
    let mut messages = Vec::new();
    let index: StoredIndex = match serde_json::from_str(&raw) {
        Ok(i) => i,
        Err(_) => {
            messages.push((
                MessageKind::Error,
                "The saved workspace could not be read; starting from the bundled articles.".to_string(),
            ));
            return Some(Loaded {
                entries: super::state::bundled_entries(&(0..crate::bundled::ARTICLES.len()).collect::<Vec<_>>()),
                corrections: vec![],
                messages,
            });
        }
    };
    let bundled = crate::bundled::articles();
    let mut entries = Vec::new();
    for e in index.entries {
        if e.bundled {
            if let Some(a) = bundled.iter().find(|a| a.id == e.id) {
                entries.push(Entry { article: Article { meta: e.meta, ..a.clone() }, bundled: true });
            }
        } else {
            match storage.get_item(&format!("{TEXT_PREFIX}{}", e.id)).ok().flatten() {
                Some(text) => {
                    WRITTEN.with(|w| w.borrow_mut().insert(e.id.clone(), fingerprint(&text)));
                    entries.push(Entry { article: Article { id: e.id, text, meta: e.meta }, bundled: false });
                }
                None => messages.push((
                    MessageKind::Error,
                    format!("The text of {} was not found in the browser's storage.", e.id),
                )),
            }
        }
    }
    Some(Loaded { entries, corrections: index.corrections, messages })
}

/// Stores the workspace. Returns the ids of the user's articles that could not be stored
/// (the quota is full): they will not survive a reload. Err when storage is unavailable.
pub fn save(entries: &[Entry], corrections: &[Correction]) -> Result<Vec<String>, String> {
    let storage = available().ok_or_else(|| {
        "This browser does not let the page store anything: your articles will not survive a reload.".to_string()
    })?;
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
    if LocalStorage::set(INDEX_KEY, &index).is_err() {
        // Not even the index fits: nothing of the user's survives.
        return Ok(entries.iter().filter(|e| !e.bundled).map(|e| e.article.id.clone()).collect());
    }
    Ok(unsaved)
}
