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

/// A list of phrases (words in order), indexed by their first word.
pub struct PhraseIndex {
    list: &'static [&'static [&'static str]],
    by_first: OnceLock<FastMap<&'static str, Vec<&'static [&'static str]>>>,
}

impl PhraseIndex {
    pub const fn new(list: &'static [&'static [&'static str]]) -> Self {
        PhraseIndex { list, by_first: OnceLock::new() }
    }

    /// The phrases whose first word is `first`, in list order (empty when none).
    pub fn starting_with(&self, first: &str) -> &[&'static [&'static str]] {
        let map = self.by_first.get_or_init(|| {
            let mut map: FastMap<&'static str, Vec<&'static [&'static str]>> = FastMap::default();
            for p in self.list {
                if let Some(f) = p.first() {
                    map.entry(*f).or_default().push(*p);
                }
            }
            map
        });
        map.get(first).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The first phrase, in list order, that starts with `first` and that `matches` accepts:
    /// what `list.iter().find(|p| matches(p))` gives when `matches` checks the first word too.
    pub fn find(&self, first: &str, matches: impl Fn(&[&str]) -> bool) -> Option<&'static [&'static str]> {
        self.starting_with(first).iter().copied().find(|p| matches(p))
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
        assert_eq!(index.starting_with("no"), &[&["no", "longer"][..], &["no", "one"], &["no"]]);
        assert!(index.starting_with("way").is_empty());
        let text = ["no", "one", "came"];
        let at = |p: &[&str]| p.iter().zip(&text).filter(|(a, b)| a == b).count() == p.len();
        assert_eq!(index.find("no", at), PHRASES.iter().copied().find(|p| at(p)));
        assert_eq!(index.find("no", at), Some(&["no", "one"][..]));
        assert_eq!(index.find("in", at), None);
    }
}
