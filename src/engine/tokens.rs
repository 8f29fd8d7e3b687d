//! Word tokens with byte spans. A token is a run of letters and digits, with inner hyphens,
//! apostrophes and periods kept ("U.S.", "two-plus-two", "Gates'", "don't"); a trailing
//! period stays on a dotted acronym ("U.S.") and nowhere else.
//!
//! Known limits: no handling of scripts without spaces (Chinese, Japanese, Thai): such text
//! gives one token per run of letters.

use super::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub span: Span,
    pub text: &'a str,
}

impl Token<'_> {
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    /// Every letter is upper case and there are at least two ("NATO", "U.S.").
    pub fn is_all_caps(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && self.text.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// The word tokens of `text` within `span`.
pub fn words(text: &str, span: Span) -> Vec<Token<'_>> {
    let Some(t) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    // About one token per six bytes of English prose: one allocation for most sentences.
    let mut out = Vec::with_capacity(t.len() / 6 + 1);
    let mut i = 0;
    while let Some((c, len)) = char_at(t, i) {
        if !is_word_char(c) {
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        // Word characters, and inner joiners when a word character follows.
        while let Some((d, dl)) = char_at(t, end) {
            let joiner =
                matches!(d, '-' | '\'' | '’' | '.' | '‑') && char_at(t, end + dl).is_some_and(|(e, _)| is_word_char(e));
            if is_word_char(d) || joiner {
                end += dl;
            } else {
                break;
            }
        }
        // "U.S." keeps its final period; "Gates'" its apostrophe (possessive).
        let tok = &t[start..end];
        if tok.contains('.') && t[end..].starts_with('.') && tok.split('.').all(|p| p.chars().count() <= 2) {
            end += 1;
        }
        out.push(Token { span: Span::new(span.start + start, span.start + end), text: &t[start..end] });
        i = end;
    }
    out
}

/// The character at byte `i` of `t` and its length in bytes: ASCII without decoding.
#[inline]
fn char_at(t: &str, i: usize) -> Option<(char, usize)> {
    let b = *t.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((b as char, 1));
    }
    t.get(i..).and_then(|r| r.chars().next()).map(|c| (c, c.len_utf8()))
}

/// `s` in lower case, borrowed when it has no upper-case letter (most words): no allocation.
pub fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(s.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// `text` in lower case with the same byte offsets (a token's lower case is then the same
/// span of it; `numbers::tokenize`, `cues::find_cues_lowered`): each character is
/// replaced by its lower case when that is as long in UTF-8 (all of ASCII and nearly every
/// letter; a rare letter whose lower case is longer, such as "İ", stays as it is).
pub fn lower_in_place(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut low = c.to_lowercase();
        match (low.next(), low.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

/// Lower-case key of a token for matching: without possessive "'s"/"'", without periods
/// ("U.S." gives "us"), with typographic apostrophes folded.
pub fn key(word: &str) -> String {
    // Most words: ASCII with no period and no apostrophe, only lower-cased (one allocation).
    if word.bytes().all(|b| b.is_ascii() && b != b'.' && b != b'\'') {
        return word.to_ascii_lowercase();
    }
    let mut w = word.replace('’', "'");
    if let Some(s) = w.strip_suffix("'s") {
        w = s.to_string();
    } else if let Some(s) = w.strip_suffix('\'') {
        w = s.to_string();
    }
    w.chars().filter(|&c| c != '.').flat_map(|c| c.to_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_tokens(text: &str, want: &[&str]) {
        let got: Vec<&str> = words(text, Span::new(0, text.len())).iter().map(|t| t.text).collect();
        assert_eq!(got, want, "{text:?}");
        for t in words(text, Span::new(0, text.len())) {
            assert_eq!(&text[t.span.start..t.span.end], t.text);
        }
    }

    #[test]
    fn tokens() {
        assert_tokens("U.S. and Russian officials met.", &["U.S.", "and", "Russian", "officials", "met"]);
        assert_tokens("the two-plus-two format", &["the", "two-plus-two", "format"]);
        assert_tokens("Gates' first stop, Moscow's concerns", &["Gates", "first", "stop", "Moscow's", "concerns"]);
        assert_tokens("“seriously destabilising”.", &["seriously", "destabilising"]);
        assert_tokens("5,000 and 3.5", &["5", "000", "and", "3.5"]);
        assert_tokens("", &[]);
        assert_tokens("Đorđe Ülker’s co‑operation, naïve—café", &["Đorđe", "Ülker’s", "co‑operation", "naïve", "café"]);
        assert_tokens("end of line-", &["end", "of", "line"]);
    }

    #[test]
    fn keys() {
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("Moscow's"), "moscow");
        assert_eq!(key("Gates’"), "gates");
        assert_eq!(key("NATO"), "nato");
    }
}
