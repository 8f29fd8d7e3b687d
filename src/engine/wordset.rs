//! Static word lists as hash sets, and phrase lists indexed by their first word, each built once
//! on first use: the stages ask "is this token in the list?" at every token, and a linear scan
//! of a list of dozens of words there showed in the profile (issue 8).
//!
//! The answers are exactly those of a scan of the list (`contains`, or the first phrase in list
//! order that matches); building them uses no clock and no randomness, so the output stays
//! deterministic. Known limit: for lists of a handful of words a scan is as fast; use these for
//! the long ones.

use super::lexicon::{FastMap, FastSet};
use std::sync::OnceLock;

/// A list of words, looked up through a hash set.
pub struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<FastSet<&'static str>>,
}

impl WordSet {
    pub const fn new(list: &'static [&'static str]) -> Self {
        WordSet { list, set: OnceLock::new() }
    }

    /// Whether `w` is one of the words (compared exactly, as `list.contains(&w)`).
    pub fn contains(&self, w: &str) -> bool {
        self.set.get_or_init(|| self.list.iter().copied().collect()).contains(w)
    }
}

/// A list of entries that each start with a phrase (words in order), indexed by the phrase's
/// first word: the phrases themselves (`PhraseIndex::new`) or phrases with data
/// (`PhraseIndex::with`, e.g. the number prefixes and what each means).
pub struct PhraseIndex<T: 'static = &'static [&'static str]> {
    list: &'static [T],
    phrase: fn(&T) -> &'static [&'static str],
    by_first: OnceLock<FastMap<&'static str, Vec<&'static T>>>,
}

impl PhraseIndex {
    pub const fn new(list: &'static [&'static [&'static str]]) -> Self {
        PhraseIndex::with(list, |p| p)
    }
}

impl<T: 'static> PhraseIndex<T> {
    /// Entries and where each one's phrase is.
    pub const fn with(list: &'static [T], phrase: fn(&T) -> &'static [&'static str]) -> Self {
        PhraseIndex { list, phrase, by_first: OnceLock::new() }
    }

    /// The entries whose phrase starts with `first`, in list order (empty when none).
    pub fn starting_with(&self, first: &str) -> &[&'static T] {
        let map = self.by_first.get_or_init(|| {
            let mut map: FastMap<&'static str, Vec<&'static T>> = FastMap::default();
            for e in self.list {
                if let Some(f) = (self.phrase)(e).first() {
                    map.entry(*f).or_default().push(e);
                }
            }
            map
        });
        map.get(first).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The first entry, in list order, whose phrase starts with `first` and that `matches`
    /// accepts: what `list.iter().find(|e| matches(e))` gives when `matches` checks the first
    /// word too.
    pub fn find(&self, first: &str, matches: impl Fn(&T) -> bool) -> Option<&'static T> {
        self.starting_with(first).iter().copied().find(|e| matches(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: &[&str] = &["not", "never", "no"];
    const PHRASES: &[&[&str]] = &[&["no", "longer"], &["in", "no", "way"], &["no", "one"], &["no"]];

    #[test]
    fn a_word_set_answers_as_the_list_does() {
        let set = WordSet::new(WORDS);
        for w in ["not", "never", "no", "No", "nothing", "", "n"] {
            assert_eq!(set.contains(w), WORDS.contains(&w), "{w:?}");
        }
    }

    #[test]
    fn a_phrase_index_finds_the_first_phrase_in_list_order() {
        let index = PhraseIndex::new(PHRASES);
        let got: Vec<&[&str]> = index.starting_with("no").iter().map(|p| **p).collect();
        assert_eq!(got, vec![&["no", "longer"][..], &["no", "one"], &["no"]]);
        assert!(index.starting_with("way").is_empty());
        let text = ["no", "one", "came"];
        let at = |p: &[&str]| p.iter().zip(&text).filter(|(a, b)| a == b).count() == p.len();
        assert_eq!(index.find("no", |p| at(p)).copied(), PHRASES.iter().copied().find(|p| at(p)));
        assert_eq!(index.find("no", |p| at(p)).copied(), Some(&["no", "one"][..]));
        assert_eq!(index.find("in", |p| at(p)), None);
        // With data beside each phrase.
        const TAGGED: &[(&[&str], u8)] = &[(&["no", "longer"], 1), (&["in", "no", "way"], 2), (&["no"], 3)];
        static TAGGED_INDEX: PhraseIndex<(&[&str], u8)> = PhraseIndex::with(TAGGED, |e| e.0);
        let tags: Vec<u8> = TAGGED_INDEX.starting_with("no").iter().map(|e| e.1).collect();
        assert_eq!(tags, vec![1, 3]);
    }
}
