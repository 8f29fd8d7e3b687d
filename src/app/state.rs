//! The app state: one `Reducible` with an `Action` enum, provided app-wide as a context
//! (`AppContext`). Components read it and dispatch actions; nothing else mutates it.
//!
//! Large data (the articles, the analysis, the corrections) sits behind `Rc`s that the reducer
//! replaces whole, so comparing two states (Yew does it for every context consumer on every
//! dispatch) compares those pointers, never the contents. Which sources the column views show
//! (`first_doc`, pages of `DOCS_PER_PAGE`) is state too: selecting a claim or jumping to a
//! partner in another page moves it there.

use super::corrections::{self, Applied, ClaimRef, Correction};
use crate::engine::{Analysis, Article, ArticleMeta, Claim, DifferenceKind, DocAnalysis, Group, Relation};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

pub type AppContext = UseReducerHandle<State>;

/// The largest article the page accepts, in bytes.
pub const MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;

/// How many sources (article columns; source columns of the matrix and the names table) are
/// in the page at once; a pager moves between pages of them.
pub const DOCS_PER_PAGE: usize = 10;

/// How many rows a long list (matrix rows, one-source claims, names, the workspace's articles)
/// shows at first and adds with each "Show more".
pub const ROWS_PER_PAGE: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Side,
    Matrix,
    Detail,
    Names,
    Articles,
}

impl View {
    pub const ALL: [View; 5] = [View::Side, View::Matrix, View::Detail, View::Names, View::Articles];
    pub fn as_str(&self) -> &'static str {
        match self {
            View::Side => "side",
            View::Matrix => "matrix",
            View::Detail => "detail",
            View::Names => "names",
            View::Articles => "articles",
        }
    }
    pub fn label(&self) -> &'static str {
        match self {
            View::Side => "Side by side",
            View::Matrix => "Claim matrix",
            View::Detail => "Detail",
            View::Names => "Names",
            View::Articles => "Your articles",
        }
    }
    pub fn parse(s: &str) -> Option<View> {
        View::ALL.iter().copied().find(|v| v.as_str() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Document,
    Relation,
    Sources,
    Score,
    Label,
}

impl Sort {
    pub const ALL: [Sort; 5] = [Sort::Document, Sort::Relation, Sort::Sources, Sort::Score, Sort::Label];
    pub fn as_str(&self) -> &'static str {
        match self {
            Sort::Document => "document",
            Sort::Relation => "relation",
            Sort::Sources => "sources",
            Sort::Score => "score",
            Sort::Label => "label",
        }
    }
    pub fn label(&self) -> &'static str {
        match self {
            Sort::Document => "Order in the articles",
            Sort::Relation => "Differences first",
            Sort::Sources => "Most sources first",
            Sort::Score => "Strongest match first",
            Sort::Label => "Label A–Z",
        }
    }
    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.iter().copied().find(|v| v.as_str() == s)
    }
}

/// Which relation the matrix shows: one of the three, or only the single-source claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelFilter {
    Is(Relation),
    Single,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Filters {
    pub relation: Option<RelFilter>,
    pub difference: Option<DifferenceKind>,
    /// An entity id.
    pub name: Option<String>,
    /// A document id.
    pub source: Option<String>,
    pub sort: Sort,
}

/// One article of the workspace. Bundled articles are not stored (their text is compiled in).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub article: Article,
    pub bundled: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub id: u32,
    pub kind: MessageKind,
    pub text: String,
}

/// The analysis with the user's corrections applied, and indexes for the views.
#[derive(Debug, PartialEq)]
pub struct Derived {
    /// The engine's analysis, before corrections.
    pub raw: Rc<Analysis>,
    /// The articles the analysis was computed from: its spans point into these texts.
    pub entries: Rc<Vec<Entry>>,
    pub applied: Applied,
    /// claim id -> indexes into `analysis().groups`
    groups_of: HashMap<String, Vec<usize>>,
    /// claim id -> (doc index, claim index)
    claims: HashMap<String, (usize, usize)>,
    texts: HashMap<String, usize>,
    /// group id -> index into `analysis().groups`; doc id -> index into `analysis().docs`
    group_index: HashMap<String, usize>,
    doc_index: HashMap<String, usize>,
}

impl Derived {
    pub fn new(raw: Rc<Analysis>, entries: Rc<Vec<Entry>>, corrections: &[Correction]) -> Self {
        let applied = corrections::apply(&raw, corrections);
        let mut groups_of: HashMap<String, Vec<usize>> = HashMap::new();
        for (gi, g) in applied.analysis.groups.iter().enumerate() {
            for c in &g.claims {
                let v = groups_of.entry(c.clone()).or_default();
                if !v.contains(&gi) {
                    v.push(gi);
                }
            }
        }
        let mut claims = HashMap::new();
        for (di, d) in applied.analysis.docs.iter().enumerate() {
            for (ci, c) in d.claims.iter().enumerate() {
                claims.insert(c.id.clone(), (di, ci));
            }
        }
        let texts = entries.iter().enumerate().map(|(i, e)| (e.article.id.clone(), i)).collect();
        let group_index = applied.analysis.groups.iter().enumerate().map(|(i, g)| (g.id.clone(), i)).collect();
        let doc_index = applied.analysis.docs.iter().enumerate().map(|(i, d)| (d.doc.clone(), i)).collect();
        Derived { raw, entries, applied, groups_of, claims, texts, group_index, doc_index }
    }
    pub fn analysis(&self) -> &Analysis {
        &self.applied.analysis
    }
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        let (d, c) = *self.claims.get(id)?;
        self.analysis().docs.get(d)?.claims.get(c)
    }
    pub fn doc_index_of_claim(&self, id: &str) -> Option<usize> {
        self.claims.get(id).map(|x| x.0)
    }
    pub fn groups_of(&self, claim: &str) -> Vec<&Group> {
        self.groups_of
            .get(claim)
            .map(|v| v.iter().filter_map(|&i| self.analysis().groups.get(i)).collect())
            .unwrap_or_default()
    }
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.group_index.get(id).and_then(|&i| self.analysis().groups.get(i))
    }
    /// As `Analysis::relation_of`: the strongest relation over the claim's groups.
    pub fn relation_of(&self, claim: &str) -> Option<Relation> {
        self.groups_of(claim).iter().map(|g| g.relation).max()
    }
    pub fn text(&self, doc: &str) -> &str {
        self.texts.get(doc).and_then(|&i| self.entries.get(i)).map(|e| e.article.text.as_str()).unwrap_or("")
    }
    pub fn claim_text(&self, c: &Claim) -> &str {
        c.span.text(self.text(&c.doc))
    }
    pub fn doc(&self, id: &str) -> Option<&DocAnalysis> {
        self.doc_index.get(id).and_then(|&i| self.analysis().docs.get(i))
    }
    /// The index of a document in `analysis().docs`.
    pub fn doc_position(&self, id: &str) -> Option<usize> {
        self.doc_index.get(id).copied()
    }
    /// The outlet's name, or "No credit line".
    pub fn outlet(&self, doc: &str) -> String {
        self.doc(doc).map(outlet_name).unwrap_or_else(|| doc.to_string())
    }
    pub fn is_accepted(&self, a: &str, b: &str) -> bool {
        let k = if a <= b { (a.to_string(), b.to_string()) } else { (b.to_string(), a.to_string()) };
        self.applied.accepted.contains(&k)
    }
    pub fn claim_ref(&self, id: &str) -> Option<ClaimRef> {
        self.claim(id).map(ClaimRef::of)
    }
    /// The group's label, or (when the engine gave none) the start of its first claim.
    pub fn group_label(&self, g: &Group) -> String {
        if !g.label.trim().is_empty() {
            return g.label.clone();
        }
        let first = g.claims.first().and_then(|c| self.claim(c)).map(|c| self.claim_text(c)).unwrap_or("");
        let short: String = first.chars().take(60).collect();
        if first.chars().count() > 60 {
            format!("{}…", short.trim_end())
        } else {
            short
        }
    }
    /// A short name of a claim for lists: "VOA: “first words…”".
    pub fn claim_label(&self, r: &ClaimRef) -> String {
        let text = self.text(&r.doc).get(r.start..r.end).unwrap_or("");
        let short: String = text.chars().take(48).collect();
        let more = if text.chars().count() > 48 { "…" } else { "" };
        format!("{}: “{}{}”", self.outlet(&r.doc), short.trim(), more)
    }
}

pub fn outlet_name(d: &DocAnalysis) -> String {
    d.outlet.as_ref().map(|o| o.name.clone()).unwrap_or_else(|| "No credit line".to_string())
}

#[derive(Clone, Debug)]
pub struct State {
    pub entries: Rc<Vec<Entry>>,
    /// Bumps whenever an article's text or metadata changes: the analysis must be redone.
    pub revision: u64,
    /// The revision `derived` was computed from.
    pub analysed: u64,
    pub derived: Option<Rc<Derived>>,
    pub corrections: Rc<Vec<Correction>>,
    /// (done, total) while an analysis runs.
    pub progress: Option<(usize, usize)>,
    /// The analysis under way waits for the lexicon ("Loading word data…").
    pub loading_words: bool,
    pub view: View,
    pub group: Option<String>,
    pub claim: Option<String>,
    pub filters: Filters,
    pub messages: Vec<Message>,
    next_message: u32,
    /// Bumps whenever what is persisted changes (articles, metadata, corrections).
    pub save_revision: u64,
    /// Articles that could not be stored and will not survive a reload.
    pub unsaved: Vec<String>,
    /// The first source the column views show (a multiple of `DOCS_PER_PAGE`).
    pub first_doc: usize,
}

impl PartialEq for State {
    /// The `Rc`s by pointer (the reducer replaces them whole when they change), the rest by value.
    fn eq(&self, o: &Self) -> bool {
        fn same<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
        }
        Rc::ptr_eq(&self.entries, &o.entries)
            && self.revision == o.revision
            && self.analysed == o.analysed
            && same(&self.derived, &o.derived)
            && Rc::ptr_eq(&self.corrections, &o.corrections)
            && self.progress == o.progress
            && self.loading_words == o.loading_words
            && self.view == o.view
            && self.group == o.group
            && self.claim == o.claim
            && self.filters == o.filters
            && self.messages == o.messages
            && self.next_message == o.next_message
            && self.save_revision == o.save_revision
            && self.unsaved == o.unsaved
            && self.first_doc == o.first_doc
    }
}

impl State {
    /// The first source shown, kept within the sources there are.
    pub fn first_doc_shown(&self, docs: usize) -> usize {
        let last = docs.saturating_sub(1) / DOCS_PER_PAGE * DOCS_PER_PAGE;
        self.first_doc.min(last)
    }
    /// The range of sources (indexes into `analysis().docs`) the column views show.
    pub fn docs_shown(&self, docs: usize) -> std::ops::Range<usize> {
        let start = self.first_doc_shown(docs);
        start..(start + DOCS_PER_PAGE).min(docs)
    }
}

impl Default for State {
    fn default() -> Self {
        State {
            entries: Rc::new(Vec::new()),
            revision: 1,
            analysed: 0,
            derived: None,
            corrections: Rc::new(Vec::new()),
            progress: None,
            loading_words: false,
            view: View::Side,
            group: None,
            claim: None,
            filters: Filters::default(),
            messages: Vec::new(),
            next_message: 1,
            save_revision: 0,
            unsaved: Vec::new(),
            first_doc: 0,
        }
    }
}

/// View state that goes in the URL hash.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ViewState {
    pub view: Option<View>,
    pub group: Option<String>,
    pub claim: Option<String>,
    pub filters: Filters,
    /// Indexes into `bundled::ARTICLES`, when the hash says which.
    pub bundled: Option<Vec<usize>>,
}

pub enum Action {
    Analysing {
        revision: u64,
        done: usize,
        total: usize,
    },
    Analysed {
        revision: u64,
        entries: Rc<Vec<Entry>>,
        analysis: Rc<Analysis>,
    },
    /// The engine failed on this revision's articles: the previous result stays.
    AnalysisFailed {
        revision: u64,
    },
    /// The analysis of this revision waits for the lexicon to load.
    LoadingWords {
        revision: u64,
    },
    /// This revision could not be analysed (the lexicon could not be loaded, or no analysis
    /// worker could start): the articles stay (and are saved), the previous result stays
    /// shown, and the message says why and what to do.
    NotAnalysed {
        revision: u64,
        message: String,
    },
    SetView(View),
    /// Selects a claim and its first group; selecting it again moves to its next group.
    SelectClaim(String),
    SelectGroup(Option<String>),
    /// Selects a group and opens the detail view.
    OpenGroup(String),
    SetFilters(Filters),
    AddArticles(Vec<Article>),
    UpdateMeta {
        id: String,
        meta: ArticleMeta,
    },
    Remove(String),
    RestoreBundled,
    Import {
        entries: Vec<Entry>,
        analysis: Option<Analysis>,
        corrections: Vec<Correction>,
    },
    Correct(Correction),
    Undo(usize),
    Message(MessageKind, String),
    Dismiss(u32),
    SetUnsaved(Vec<String>),
    ApplyViewState(ViewState),
    /// Shows the page of sources that holds this one (an index into `analysis().docs`).
    ShowDoc(usize),
}

impl State {
    fn push_message(&mut self, kind: MessageKind, text: String) {
        // The same message twice in a row is shown once.
        if self.messages.last().map(|m| m.text == text).unwrap_or(false) {
            return;
        }
        self.messages.push(Message { id: self.next_message, kind, text });
        self.next_message += 1;
        if self.messages.len() > 6 {
            self.messages.remove(0);
        }
    }

    fn rederive(&mut self) {
        if let Some(d) = &self.derived {
            self.derived = Some(Rc::new(Derived::new(d.raw.clone(), d.entries.clone(), &self.corrections)));
        }
        self.fix_selection();
    }

    /// Drops a selection that no longer exists, and shows the page of sources that holds the
    /// selected claim.
    fn fix_selection(&mut self) {
        if let Some(d) = &self.derived {
            if let Some(i) = self.claim.as_deref().and_then(|c| d.doc_index_of_claim(c)) {
                if !self.docs_shown(d.analysis().docs.len()).contains(&i) {
                    self.first_doc = i / DOCS_PER_PAGE * DOCS_PER_PAGE;
                }
            }
            if let Some(g) = &self.group {
                if d.group(g).is_none() {
                    self.group = None;
                }
            }
            if let Some(c) = &self.claim {
                if d.claim(c).is_none() {
                    self.claim = None;
                }
            }
        }
    }

    fn articles_changed(&mut self) {
        self.revision += 1;
        self.save_revision += 1;
    }

    /// An id not yet used in the workspace, based on `wanted`.
    fn unique_id(entries: &[Entry], wanted: &str) -> String {
        let base: String = wanted
            .chars()
            .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
            .take(80)
            .collect();
        let base = if base.is_empty() { "article.txt".to_string() } else { base };
        if !entries.iter().any(|e| e.article.id == base) {
            return base;
        }
        let (stem, ext) = match base.rfind('.') {
            Some(i) if i > 0 => (base[..i].to_string(), base[i..].to_string()),
            _ => (base.clone(), String::new()),
        };
        (2..).map(|n| format!("{stem}-{n}{ext}")).find(|id| !entries.iter().any(|e| e.article.id == *id)).unwrap()
    }
}

pub fn bundled_entries(indexes: &[usize]) -> Vec<Entry> {
    let all = crate::bundled::articles();
    indexes.iter().filter_map(|&i| all.get(i).cloned()).map(|article| Entry { article, bundled: true }).collect()
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Analysing { revision, done, total } => {
                if revision != s.revision {
                    return self;
                }
                s.progress = Some((done, total));
                if done > 0 {
                    s.loading_words = false;
                }
            }
            Action::LoadingWords { revision } => {
                if revision != s.revision {
                    return self;
                }
                s.loading_words = true;
            }
            Action::NotAnalysed { revision, message } => {
                if revision != s.revision {
                    return self;
                }
                s.progress = None;
                s.loading_words = false;
                s.analysed = revision;
                s.push_message(MessageKind::Error, message);
            }
            Action::Analysed { revision, entries, analysis } => {
                if revision != s.revision {
                    return self;
                }
                s.progress = None;
                s.loading_words = false;
                s.analysed = revision;
                let d = Derived::new(analysis, entries, &s.corrections);
                if !d.applied.stale.is_empty() && !s.corrections.is_empty() {
                    let n = d.applied.stale.len();
                    s.push_message(
                        MessageKind::Info,
                        format!("{n} of your corrections no longer apply: the claims they name have changed."),
                    );
                }
                s.derived = Some(Rc::new(d));
                s.fix_selection();
            }
            Action::AnalysisFailed { revision } => {
                if revision != s.revision {
                    return self;
                }
                s.progress = None;
                s.loading_words = false;
                s.analysed = revision;
                s.push_message(
                    MessageKind::Error,
                    "The analysis failed on the current articles (an internal error); the previous result is still shown. Removing the article added last may help.".into(),
                );
            }
            Action::SetView(v) => s.view = v,
            Action::SelectClaim(id) => {
                let Some(d) = s.derived.clone() else {
                    return self;
                };
                let groups: Vec<String> = d.groups_of(&id).iter().map(|g| g.id.clone()).collect();
                let next = if s.claim.as_deref() == Some(id.as_str()) {
                    // Again on the same claim: its next group, and after the last, none.
                    match s.group.as_ref().and_then(|g| groups.iter().position(|x| x == g)) {
                        Some(i) if i + 1 < groups.len() => Some(groups[i + 1].clone()),
                        Some(_) => groups.first().cloned(),
                        None => groups.first().cloned(),
                    }
                } else {
                    groups.first().cloned()
                };
                s.claim = Some(id);
                s.group = next;
                s.fix_selection();
            }
            Action::SelectGroup(g) => {
                if g.is_none() {
                    s.claim = None;
                } else if let (Some(c), Some(d), Some(g)) = (&s.claim, &s.derived, &g) {
                    if !d.group(g).map(|g| g.claims.contains(c)).unwrap_or(false) {
                        s.claim = None;
                    }
                }
                s.group = g;
            }
            Action::OpenGroup(g) => {
                if let (Some(c), Some(d)) = (&s.claim, &s.derived) {
                    if !d.group(&g).map(|x| x.claims.contains(c)).unwrap_or(false) {
                        s.claim = None;
                    }
                }
                s.group = Some(g);
                s.view = View::Detail;
            }
            Action::SetFilters(f) => s.filters = f,
            Action::AddArticles(articles) => {
                let mut entries = (*s.entries).clone();
                let mut added = Vec::new();
                for mut a in articles {
                    a.id = State::unique_id(&entries, &a.id);
                    added.push(a.id.clone());
                    entries.push(Entry { article: a, bundled: false });
                }
                if added.is_empty() {
                    return self;
                }
                s.entries = Rc::new(entries);
                s.articles_changed();
                let n = added.len();
                s.push_message(
                    MessageKind::Info,
                    // Up to ten names; past that the message would fill a phone's screen.
                    if n <= 10 {
                        format!("Added {} article{}: {}.", n, if n == 1 { "" } else { "s" }, added.join(", "))
                    } else {
                        format!("Added {n} articles: {} and {} more.", added[..8].join(", "), n - 8)
                    },
                );
            }
            Action::UpdateMeta { id, meta } => {
                let mut entries = (*s.entries).clone();
                let Some(e) = entries.iter_mut().find(|e| e.article.id == id) else {
                    return self;
                };
                if e.article.meta == meta {
                    return self;
                }
                e.article.meta = meta;
                s.entries = Rc::new(entries);
                s.articles_changed();
            }
            Action::Remove(id) => {
                let mut entries = (*s.entries).clone();
                let before = entries.len();
                entries.retain(|e| e.article.id != id);
                if entries.len() == before {
                    return self;
                }
                s.entries = Rc::new(entries);
                s.unsaved.retain(|u| *u != id);
                if s.filters.source.as_deref() == Some(id.as_str()) {
                    s.filters.source = None;
                }
                s.articles_changed();
                s.push_message(MessageKind::Info, format!("Removed {id}."));
            }
            Action::RestoreBundled => {
                let mut entries: Vec<Entry> = (*s.entries).iter().filter(|e| !e.bundled).cloned().collect();
                let bundled = bundled_entries(&(0..crate::bundled::ARTICLES.len()).collect::<Vec<_>>());
                // A user article that took a bundled article's id keeps it; the bundled one is renamed.
                let mut front = Vec::new();
                for mut b in bundled {
                    if entries.iter().any(|e| e.article.id == b.article.id) {
                        b.article.id = State::unique_id(&entries, &b.article.id);
                    }
                    front.push(b);
                }
                front.append(&mut entries);
                s.entries = Rc::new(front);
                s.articles_changed();
                s.push_message(MessageKind::Info, "Restored the bundled articles.".into());
            }
            Action::Import { entries, analysis, corrections } => {
                let n = entries.len();
                s.entries = Rc::new(entries);
                s.corrections = Rc::new(corrections);
                s.articles_changed();
                s.group = None;
                s.claim = None;
                s.filters = Filters::default();
                s.unsaved.clear();
                if let Some(a) = analysis {
                    s.analysed = s.revision;
                    s.progress = None;
                    s.derived = Some(Rc::new(Derived::new(Rc::new(a), s.entries.clone(), &s.corrections)));
                }
                s.push_message(MessageKind::Info, format!("Imported {n} article{}.", if n == 1 { "" } else { "s" }));
            }
            Action::Correct(c) => {
                let mut v = (*s.corrections).clone();
                // Accepting or rejecting a link again replaces the earlier verdict on it.
                if let Correction::Accept { a, b } | Correction::Reject { a, b } = &c {
                    v.retain(|x| match x {
                        Correction::Accept { a: x1, b: y1 } | Correction::Reject { a: x1, b: y1 } => {
                            !((x1 == a && y1 == b) || (x1 == b && y1 == a))
                        }
                        _ => true,
                    });
                }
                v.push(c);
                s.corrections = Rc::new(v);
                s.save_revision += 1;
                s.rederive();
            }
            Action::Undo(i) => {
                let mut v = (*s.corrections).clone();
                if i >= v.len() {
                    return self;
                }
                v.remove(i);
                s.corrections = Rc::new(v);
                s.save_revision += 1;
                s.rederive();
            }
            Action::ShowDoc(i) => {
                let n = s.derived.as_ref().map(|d| d.analysis().docs.len()).unwrap_or(0);
                let first = i.min(n.saturating_sub(1)) / DOCS_PER_PAGE * DOCS_PER_PAGE;
                if first == s.first_doc {
                    return self;
                }
                s.first_doc = first;
            }
            Action::Message(kind, text) => s.push_message(kind, text),
            Action::Dismiss(id) => s.messages.retain(|m| m.id != id),
            Action::SetUnsaved(u) => {
                if u == s.unsaved {
                    return self;
                }
                s.unsaved = u;
            }
            Action::ApplyViewState(v) => {
                if let Some(view) = v.view {
                    s.view = view;
                }
                s.group = v.group;
                s.claim = v.claim;
                s.filters = v.filters;
                if let Some(b) = v.bundled {
                    let current: Vec<usize> = s
                        .entries
                        .iter()
                        .filter(|e| e.bundled)
                        .filter_map(|e| crate::bundled::ARTICLES.iter().position(|(id, _)| *id == e.article.id))
                        .collect();
                    if current != b {
                        let mut entries = bundled_entries(&b);
                        entries.extend(s.entries.iter().filter(|e| !e.bundled).cloned());
                        s.entries = Rc::new(entries);
                        s.articles_changed();
                    }
                }
                s.fix_selection();
            }
        }
        Rc::new(s)
    }
}
