//! Cleaning: finds page furniture ("E-mail to a friend", "Decrease font"), credit lines and
//! datelines (which give the outlet and place), and splits what is left into content blocks
//! (body, headline, highlight bullets, photo captions). Works on spans; the text is never
//! changed, so every offset stays exact.
//!
//! Known limits: furniture is recognised from a list of phrases that news sites commonly leave
//! in copied text, and only at line starts or ends (or, for the longer phrases, anywhere);
//! headlines and captions are told by shape (short line, no final stop; "left," in a short
//! paragraph), so an unusual layout may be read as body text.

use super::model::{Block, BlockKind, Furniture, Outlet, Span};

/// What `clean` finds in one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cleaned {
    pub furniture: Vec<Furniture>,
    pub blocks: Vec<Block>,
    pub outlet: Option<Outlet>,
    /// The dateline place ("MOSCOW, Russia").
    pub dateline: Option<Span>,
    /// The headline's text, when the article has one.
    pub headline: Option<String>,
}

/// Outlets a credit line may name, each with the forms it takes. The first form is the name
/// shown.
const OUTLETS: &[(&str, &[&str])] = &[
    ("Reuters", &["reuters", "reuter"]),
    ("AFP", &["agence france-presse", "agence france presse", "afp"]),
    ("AP", &["associated press", "ap"]),
    ("CNN", &["cnn"]),
    ("VOA", &["voice of america", "voa"]),
    ("BBC", &["bbc news", "bbc"]),
    ("Bloomberg", &["bloomberg"]),
    ("UPI", &["united press international", "upi"]),
    ("Xinhua", &["xinhua"]),
    ("dpa", &["deutsche presse-agentur", "dpa"]),
    ("Interfax", &["interfax"]),
    ("RIA Novosti", &["ria novosti"]),
    ("ITAR-TASS", &["itar-tass", "tass"]),
    ("Al Jazeera", &["al jazeera"]),
    ("NPR", &["npr"]),
];

/// Phrases that are furniture wherever they stand in a line.
const FURNITURE_ANYWHERE: &[(&str, &str)] = &[
    ("E-mail to a friend", "share link"),
    ("Email to a friend", "share link"),
    ("Skip to main content", "navigation"),
    ("Decrease font", "page control"),
    ("Enlarge font", "page control"),
    ("Comments are closed.", "comments notice"),
    ("Story Highlights", "label"),
];

/// Phrases that open furniture running to the next "»" (or the line's end).
const FURNITURE_TO_GUILLEMET: &[(&str, &str)] = &[("Next Article in", "navigation"), ("Video Watch", "video link")];

/// Phrases that open furniture running to the end of the line.
const FURNITURE_TO_LINE_END: &[(&str, &str)] = &[
    ("All About ", "topic links"),
    // Staff credits closing a wire story: "(Reporting by A; Writing by B; Editing by C)".
    ("(Reporting by ", "staff credit"),
    ("(Additional reporting by ", "staff credit"),
    ("(Writing by ", "staff credit"),
    ("(Editing by ", "staff credit"),
    ("(Compiled by ", "staff credit"),
    ("Reporting by ", "staff credit"),
    ("Additional reporting by ", "staff credit"),
];

/// Words that are furniture only when they make a whole line (possibly bulleted).
const FURNITURE_WHOLE_LINE: &[&str] = &[
    "E-mail",
    "Email",
    "Save",
    "Print",
    "Share",
    "Comments",
    "Comment",
    "Tweet",
    "Related",
    "Advertisement",
    "Read more",
];

const BULLETS: &[char] = &['•', '*', '·', '-', '–', '—', '▪', '●'];

/// Finds furniture, credit lines and content blocks in `text`.
pub fn clean(text: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let lines = line_spans(text);
    let mut in_highlights = false;
    let mut seen_content = false;
    for (li, &line) in lines.iter().enumerate() {
        let raw = line.text(text);
        let trimmed = trim_span(text, line);
        if trimmed.is_empty() {
            in_highlights = false;
            continue;
        }
        // Furniture inside the line.
        let mut furn: Vec<Furniture> = Vec::new();
        find_furniture(text, trimmed, &mut furn);
        // What remains of the line, after leading/trailing furniture, is content.
        let mut content = trimmed;
        loop {
            let before = content;
            for f in &furn {
                if f.span.start <= content.start && f.span.end > content.start {
                    content.start = f.span.end.min(content.end);
                }
                if f.span.end >= content.end && f.span.start < content.end {
                    content.end = f.span.start.max(content.start);
                }
            }
            content = trim_span(text, content);
            if content == before {
                break;
            }
        }
        let had_highlights_label = furn.iter().any(|f| f.span.text(text).eq_ignore_ascii_case("Story Highlights"));
        out.furniture.extend(furn);
        if had_highlights_label {
            in_highlights = true;
        }
        if content.is_empty() || content.text(text).chars().all(|c| BULLETS.contains(&c)) {
            continue;
        }
        // Leading bullet.
        let mut kind = BlockKind::Body;
        let ctext = content.text(text);
        let bullet = ctext
            .chars()
            .next()
            .filter(|c| BULLETS.contains(c) && ctext.chars().nth(1).is_some_and(|c| c.is_whitespace()));
        if let Some(b) = bullet {
            content = trim_span(text, Span::new(content.start + b.len_utf8(), content.end));
            if content.is_empty() {
                continue;
            }
            if in_highlights || raw.starts_with(char::is_whitespace) {
                kind = BlockKind::Highlight;
            }
        } else {
            in_highlights = false;
        }
        // Whole-line furniture words.
        let ctext = content.text(text);
        if FURNITURE_WHOLE_LINE.iter().any(|w| ctext.eq_ignore_ascii_case(w)) {
            out.furniture.push(Furniture { span: content, what: "share or page control".into() });
            continue;
        }
        // Credit lines at the start of a line: "( Reuter )-", "MOSCOW, Russia (CNN) --",
        // "Agence France-Presse,".
        if let Some((credit, outlet_name, place)) = credit_prefix(text, content) {
            if out.outlet.is_none() {
                out.outlet = Some(Outlet { name: outlet_name.to_string(), span: Some(credit) });
            }
            if out.dateline.is_none() {
                out.dateline = place;
            }
            out.blocks.push(Block { span: credit, kind: BlockKind::Credit });
            content = trim_span(text, Span::new(credit.end, content.end));
            if content.is_empty() {
                continue;
            }
        }
        // Headline: the first content line, short, without a final stop, followed by a blank
        // line or by highlights.
        let ctext = content.text(text);
        if kind == BlockKind::Body && !seen_content && looks_like_headline(ctext) && next_is_break(text, &lines, li) {
            kind = BlockKind::Headline;
            out.headline = Some(ctext.to_string());
        } else if kind == BlockKind::Body && looks_like_caption(text, &lines, li, ctext) {
            kind = BlockKind::Caption;
        }
        seen_content = true;
        // A hard-wrapped paragraph: a body line that does not end a sentence, continued by a
        // line that starts in lower case, is one block.
        let prev_blank = li == 0 || lines[li - 1].text(text).trim().is_empty();
        if let Some(last) = out.blocks.last_mut() {
            let last_text = last.span.text(text);
            if kind == BlockKind::Body
                && last.kind == BlockKind::Body
                && !prev_blank
                && !last_text.ends_with(['.', '!', '?', '"', '”', ':'])
                && ctext.starts_with(|c: char| c.is_lowercase())
            {
                last.span.end = content.end;
                continue;
            }
        }
        out.blocks.push(Block { span: content, kind });
    }
    // Credit sentences inside prose ("VOA correspondent Meredith Buel has a preview ...").
    if out.outlet.is_none() {
        for b in &out.blocks {
            if let Some((name, span)) = credit_in_prose(text, b.span) {
                out.outlet = Some(Outlet { name: name.to_string(), span: Some(span) });
                break;
            }
        }
    }
    out.furniture.sort_by_key(|f| f.span);
    out
}

/// True for a sentence that only credits the report ("VOA correspondent Meredith Buel has a
/// preview of the visit in this report from the State Department.").
pub fn is_credit_sentence(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    (lower.contains(" correspondent ") || lower.starts_with("correspondent "))
        && (lower.contains(" report")
            || lower.contains(" reports ")
            || lower.contains("has a preview")
            || lower.contains("has more"))
}

fn credit_in_prose(text: &str, block: Span) -> Option<(&'static str, Span)> {
    // "{outlet} correspondent", "{outlet} reporter", "{outlet}'s ": one pass over the block for
    // the three markers, then which outlet form ends just before each; the first outlet of
    // `OUTLETS` (then its first form, then the first marker, then the first place) wins.
    const MARKERS: [&str; 3] = [" correspondent", " reporter", "'s "];
    let lower = block.text(text).to_lowercase();
    let word_char_at = |i: usize| lower[i..].chars().next().is_some_and(|c| c.is_alphanumeric());
    // (outlet, form, marker, place) ranks a find; then the name, its start and length.
    type Rank = (usize, usize, usize, usize);
    let mut best: Option<(Rank, &'static str, usize, usize)> = None;
    for (mi, marker) in MARKERS.iter().enumerate() {
        for (at, _) in lower.match_indices(marker) {
            let end = at + marker.len();
            if !marker.ends_with(' ') && end < lower.len() && word_char_at(end) {
                continue;
            }
            for (oi, (name, forms)) in OUTLETS.iter().enumerate() {
                for (fi, form) in forms.iter().enumerate() {
                    let Some(start) = at.checked_sub(form.len()) else { continue };
                    if !lower.is_char_boundary(start) || &lower[start..at] != *form {
                        continue;
                    }
                    if start > 0 && lower[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric()) {
                        continue;
                    }
                    let rank = (oi, fi, mi, start);
                    if best.as_ref().is_none_or(|b| rank < b.0) {
                        best = Some((rank, name, start, form.len()));
                    }
                }
            }
        }
    }
    best.map(|(_, name, start, len)| (name, Span::new(block.start + start, block.start + start + len)))
}

fn outlet_named(s: &str) -> Option<&'static str> {
    let l = s.trim().trim_matches(|c: char| c == ',' || c == '.' || c == ':').trim().to_lowercase();
    OUTLETS.iter().find(|(_, forms)| forms.contains(&l.as_str())).map(|(n, _)| *n)
}

/// A credit line at the start of `line`: returns its span, the outlet and the dateline place.
fn credit_prefix(text: &str, line: Span) -> Option<(Span, &'static str, Option<Span>)> {
    let t = line.text(text);
    // A whole line that is an outlet name: "Agence France-Presse,".
    if let Some(name) = outlet_named(t) {
        return Some((line, name, None));
    }
    // "(Outlet)" followed by a dash, optionally preceded by a dateline place.
    let open = t.find('(')?;
    let close = open + t[open..].find(')')?;
    let name = outlet_named(&t[open + 1..close])?;
    let prefix = &t[..open];
    // The dateline is at most a few capitalised words with commas.
    if prefix.len() > 60 || prefix.contains('.') && prefix.split_whitespace().count() > 4 {
        return None;
    }
    let after = &t[close + 1..];
    let dash_len =
        after.len() - after.trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == '—').len();
    if !after[..dash_len].contains(['-', '–', '—']) {
        return None;
    }
    let end = line.start + close + 1 + after[..dash_len].trim_end().len();
    let place = {
        let p = prefix.trim_end().trim_end_matches(',').trim_end();
        if p.is_empty() {
            None
        } else {
            Some(Span::new(line.start, line.start + p.len()))
        }
    };
    Some((Span::new(line.start, end), name, place))
}

fn looks_like_headline(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (2..=16).contains(&words) && !t.ends_with(['.', '"', '”', ',', ';', ':'])
}

fn looks_like_caption(text: &str, lines: &[Span], li: usize, t: &str) -> bool {
    let lower = t.to_lowercase();
    let marked =
        [", left,", ", right,", ", center,", ", centre,", "(pictured)", ", pictured", "file photo", "(l)", "(r)"]
            .iter()
            .any(|m| lower.contains(m));
    marked && t.split_whitespace().count() <= 40 && next_is_break(text, lines, li)
}

/// The line after `li` is blank (or there is none).
fn next_is_break(text: &str, lines: &[Span], li: usize) -> bool {
    match lines.get(li + 1) {
        None => true,
        Some(&l) => {
            let tt = l.text(text).trim();
            tt.is_empty() || tt.starts_with('•') || FURNITURE_ANYWHERE.iter().any(|(p, _)| tt.contains(p))
        }
    }
}

fn find_furniture(text: &str, line: Span, out: &mut Vec<Furniture>) {
    let t = line.text(text);
    for (pat, what) in FURNITURE_ANYWHERE {
        let mut from = 0;
        while let Some(s) = find_from(t, pat, from) {
            out.push(Furniture { span: Span::new(line.start + s, line.start + s + pat.len()), what: what.to_string() });
            from = s + pat.len();
        }
    }
    for (pat, what) in FURNITURE_TO_GUILLEMET {
        if let Some(s) = find_from(t, pat, 0) {
            let rest = &t[s..];
            let e = rest.find('»').map(|j| s + j + '»'.len_utf8()).unwrap_or(t.len());
            out.push(Furniture { span: Span::new(line.start + s, line.start + e), what: what.to_string() });
        }
    }
    for (pat, what) in FURNITURE_TO_LINE_END {
        if let Some(s) = find_from(t, pat, 0) {
            // Only at a line start, or after a sentence end: "All About" in prose stays.
            let before = t[..s].trim_end();
            let after = t[s..].trim_end();
            if (before.is_empty() || before.ends_with(['.', '»', '"'])) && !after.ends_with(['.', '!', '?', '"', '”'])
            {
                out.push(Furniture { span: Span::new(line.start + s, line.end), what: what.to_string() });
            }
        }
    }
    out.sort_by_key(|f| f.span);
    // Drop furniture nested in other furniture.
    let mut kept: Vec<Furniture> = Vec::new();
    for f in out.drain(..) {
        if let Some(last) = kept.last() {
            if last.span.contains(f.span) {
                continue;
            }
        }
        kept.push(f);
    }
    *out = kept;
}

/// The first place at or after `from` where `pat` (ASCII) starts in `hay`: a byte scan for its
/// first byte, then a comparison, which for the short phrases and lines here is several times
/// faster than a general substring search (that prepares each pattern on every call).
fn find_from(hay: &str, pat: &str, from: usize) -> Option<usize> {
    let (&first, bytes) = (pat.as_bytes().first()?, hay.as_bytes());
    let mut at = from;
    while at < bytes.len() {
        let s = at + bytes[at..].iter().position(|&b| b == first)?;
        if bytes[s..].starts_with(pat.as_bytes()) {
            return Some(s);
        }
        at = s + 1;
    }
    None
}

/// Spans of the lines of `text`, without their line breaks.
pub fn line_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            let mut end = i;
            if end > start && text.as_bytes()[end - 1] == b'\r' {
                end -= 1;
            }
            out.push(Span::new(start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// `span` without leading and trailing white space (including no-break and zero-width space).
pub fn trim_span(text: &str, span: Span) -> Span {
    let t = span.text(text);
    let is_space = |c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}';
    let lead = t.len() - t.trim_start_matches(is_space).len();
    let trail = t.len() - t.trim_end_matches(is_space).len();
    if lead >= t.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_from_finds_each_place_in_turn() {
        let t = "Email: E-mail to a friend. E-mail to a friend";
        assert_eq!(find_from(t, "E-mail to", 0), Some(7));
        assert_eq!(find_from(t, "E-mail to", 8), Some(27));
        assert_eq!(find_from(t, "E-mail to", 28), None);
        assert_eq!(find_from("«Ünter» Video Watch", "Video Watch", 0), Some(11));
        assert_eq!(find_from("short", "longer than it", 0), None);
        assert_eq!(find_from("", "x", 0), None);
    }

    fn furniture_texts(text: &str) -> Vec<&str> {
        clean(text).furniture.iter().map(|f| f.span.text(text)).collect()
    }

    fn blocks(text: &str) -> Vec<(BlockKind, &str)> {
        clean(text).blocks.iter().map(|b| (b.kind, b.span.text(text))).collect()
    }

    #[test]
    fn furniture_trailing_prose_is_a_span_not_the_line() {
        let t = "They met Tuesday. E-mail to a friend E-mail to a friend\n";
        assert_eq!(furniture_texts(t), vec!["E-mail to a friend", "E-mail to a friend"]);
        assert_eq!(blocks(t), vec![(BlockKind::Body, "They met Tuesday.")]);
    }

    #[test]
    fn staff_credits_are_furniture_and_prose_about_reporting_is_not() {
        let t = "Three people died, officials said.\n(Reporting by Petar Lukic; Writing by Anna Berg; Editing by Tom Hale)\n";
        assert_eq!(furniture_texts(t), vec!["(Reporting by Petar Lukic; Writing by Anna Berg; Editing by Tom Hale)"]);
        assert_eq!(blocks(t), vec![(BlockKind::Body, "Three people died, officials said.")]);
        let t = "Additional reporting by Jon Boyle in Paris\n";
        assert_eq!(furniture_texts(t), vec!["Additional reporting by Jon Boyle in Paris"]);
        // In a sentence, about reporting: content.
        let t = "The paper said its reporting by two journalists was accurate.\n";
        assert!(furniture_texts(t).is_empty());
    }

    #[test]
    fn furniture_phrases() {
        let t = "Skip to main content\n\nHeadline here\n\n  • Story Highlights\n  • A bullet that says something\n  • Next Article in U.S. »\nDecrease font Decrease font\nEnlarge font Enlarge font\n\nText. Video Watch Russian defense minister cut through diplo-speak »\n\nAll About RussiaVladimir Putin\n\n  • E-mail\n  • Save\n  • Print\nComments\nComments are closed.\n";
        let f = furniture_texts(t);
        for want in [
            "Skip to main content",
            "Story Highlights",
            "Next Article in U.S. »",
            "Decrease font",
            "Enlarge font",
            "Video Watch Russian defense minister cut through diplo-speak »",
            "All About RussiaVladimir Putin",
            "E-mail",
            "Save",
            "Print",
            "Comments",
            "Comments are closed.",
        ] {
            assert!(f.contains(&want), "{want:?} not in {f:?}");
        }
        let b = blocks(t);
        assert_eq!(
            b,
            vec![
                (BlockKind::Headline, "Headline here"),
                (BlockKind::Highlight, "A bullet that says something"),
                (BlockKind::Body, "Text."),
            ]
        );
    }

    #[test]
    fn credit_lines_give_outlet_and_dateline() {
        let cases: &[(&str, &str, Option<&str>, &str)] = &[
            ("( Reuter )- U.S. and Russian officials met.", "Reuters", None, "( Reuter )-"),
            (
                "MOSCOW, Russia (CNN) -- The United States is trying.",
                "CNN",
                Some("MOSCOW, Russia"),
                "MOSCOW, Russia (CNN) --",
            ),
            ("Agence France-Presse,\nUS Defence Secretary Robert Gates offered.", "AFP", None, "Agence France-Presse,"),
            ("WASHINGTON (AP) — Officials said.", "AP", Some("WASHINGTON"), "WASHINGTON (AP) —"),
        ];
        for (text, outlet, place, credit) in cases {
            let c = clean(text);
            let o = c.outlet.as_ref().expect(text);
            assert_eq!(o.name, *outlet);
            assert_eq!(c.dateline.map(|s| s.text(text)), *place);
            assert_eq!(c.blocks[0].kind, BlockKind::Credit);
            assert_eq!(c.blocks[0].span.text(text), *credit);
            assert_eq!(c.blocks[1].kind, BlockKind::Body);
        }
    }

    #[test]
    fn credit_in_prose_names_outlet() {
        let t = "Rice and Gates will meet. VOA correspondent Meredith Buel has a preview of the visit in this report.";
        assert_eq!(clean(t).outlet.unwrap().name, "VOA");
        assert!(is_credit_sentence(
            "VOA correspondent Meredith Buel has a preview of the visit in this report from the State Department."
        ));
        assert!(!is_credit_sentence("Rice and Gates will meet."));
    }

    #[test]
    fn no_credit_line_means_no_outlet() {
        let t = "US President George W. Bush offered on Wednesday to give Moscow a detailed explanation.";
        assert_eq!(clean(t).outlet, None);
    }

    #[test]
    fn caption_is_content_marked_as_caption() {
        let t = "First line of prose is here.\n\n\nDefense Secretary Robert Gates, left, and Secretary of State Condoleezza Rice meet their Russian counterparts.\n\nMore prose.";
        assert_eq!(blocks(t)[1].0, BlockKind::Caption);
    }

    #[test]
    fn hard_wrapped_lines_make_one_block() {
        let t = "The talks in Moscow were long and\ndifficult, officials said.\nA second line.";
        assert_eq!(
            blocks(t),
            vec![
                (BlockKind::Body, "The talks in Moscow were long and\ndifficult, officials said."),
                (BlockKind::Body, "A second line.")
            ]
        );
    }

    #[test]
    fn outlet_names_in_prose_are_not_furniture() {
        let t = "All About the talks were discussed in Moscow.";
        assert!(furniture_texts(t).is_empty());
    }
}
