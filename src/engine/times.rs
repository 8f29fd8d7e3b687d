//! Time expressions: points and periods in time ("Thursday", "early next week", "March 18,
//! 2008", "in July", "this spring", "2007") and lengths of time ("a week", "hour-long",
//! "several months"), each with a lower-case key (`norm`) and, when it can be pinned down, the
//! first day of the period it means (`resolved`).
//!
//! Kinds and keys (prepositions such as "on", "in" are left out of span and key):
//! - Absolute, a date named outright: "March 18, 2008" and "18 March 2008" (key "march 18,
//!   2008"), "in July" ("july"), "early April" ("early april"), "mid-April" ("mid april"),
//!   "the end of March" ("late march"), "2007", "the 1990s", "spring 2008" ("spring 2008"),
//!   "in the spring" ("spring"). Resolved without an article date when it names its year;
//!   a month or season without a year takes the article's year. A bare month name or season
//!   needs a word before it that marks a date ("in", "since", "by", "the"...), so "May" the
//!   verb, "June" the name and "fall" the verb are not read.
//! - Relative, anchored on the article's date: weekdays ("Thursday", "on Wednesday", "Tuesday
//!   night"), "yesterday", "today", "tomorrow", "tonight", "last night", "this morning";
//!   "this/next/last" with week, weekend, month, year, a season, a month or a weekday ("early
//!   next week", "later this week", "last year", "this spring"); "a week ago", "two days from
//!   now". Also "a week after/later/before/earlier", "the past week", "the next few days",
//!   "recent years": relative to another event or vague, these never resolve. Bare "later",
//!   "now", "recently", "over time", "in the future" are not read.
//! - Duration: "a week", "an hour", "hour-long", "week-long", "two-hour", "three days",
//!   "nine or ten days", "about 10 years", "several months" (3..9), "a few years" (2..5),
//!   "a couple of weeks" (2..3). An age ("27-year-old") and a frequency ("twice a day") are
//!   not durations. `numbers` leaves all of these to this module.
//!
//! Resolution with the article's date D: a weekday is the closest such day in the six days
//! before D, or D itself ("next Tuesday": the first after D; "last Tuesday": one to seven days
//! before); "yesterday" is D-1; a week is its Monday ("next week": the Monday after D's week,
//! "last week": the Monday before it), with "early" the Monday, "mid" the Tuesday and
//! "late"/"later" the Thursday; a month is its first day (early/mid/late: the 1st, 11th,
//! 21st); a year is 1 January (early/mid/late: January, May, September); a season starts on 1
//! March, June, September or December (northern hemisphere; "winter 2008" is December 2008);
//! "X ago" and "X from now" resolve when X is an exact count of days, weeks, months or years.
//! An invalid article date counts as none; without one, relative times stay unresolved.
//!
//! `compare_times`: two durations compare as quantities (a month is 30 days, a year 365);
//! two resolved times compare as periods (same period: agree; one inside or overlapping the
//! other, so at a different precision: compatible; apart: differ); two absolute times compare
//! by the fields both name ("july" / "july 2007": compatible; "july" / "april": differ); the
//! same key with the same resolution agrees; anything else (a relative time with no date
//! against an absolute one, a duration against a point) is not comparable: `None`.
//!
//! Known limits: English only; the past is assumed, so "Gates will visit Warsaw on Tuesday"
//! resolves to the Tuesday before the article; a month named in January for the December
//! before takes the wrong year ("The four last met in October", in a March article, resolves
//! to the October after it); clock times ("5 p.m.") are not read; "late Tuesday" keeps only
//! "Tuesday"; years share `numbers`' rule, so "the 2008 elections" is a year.

use super::model::{Date, Quantity, Relation, Span, TimeExpr, TimeKind};
use super::numbers::{self, Parse, Tok, TokKind};
use super::tokens;

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const DAY_PARTS: [&str; 4] = ["night", "morning", "afternoon", "evening"];
const SEASONS: [(&str, u8); 5] = [("spring", 3), ("summer", 6), ("autumn", 9), ("fall", 9), ("winter", 12)];
const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Words before a bare month or season that mark it as a date.
const DATE_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "of",
    "from",
    "during",
    "through",
    "before",
    "after",
    "the",
    "and",
    "or",
    "to",
    "early",
    "late",
    "mid",
    "throughout",
    "last",
    "next",
    "this",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
}

impl Part {
    fn word(self) -> &'static str {
        match self {
            Part::Early => "early",
            Part::Mid => "mid",
            Part::Late => "late",
        }
    }
    fn of(w: &str) -> Option<Part> {
        match w {
            "early" => Some(Part::Early),
            "mid" => Some(Part::Mid),
            "late" => Some(Part::Late),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dates

fn valid(d: Date) -> bool {
    (-9999..=9999).contains(&d.year) && (1..=12).contains(&d.month) && d.day >= 1 && d.day <= d.days_in_month()
}

fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
    let d = Date { year, month, day };
    valid(d).then_some(d)
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    let r = Date::from_days(d.to_days().checked_add(n)?);
    valid(r).then_some(r)
}

fn add_months(year: i32, month: u8, k: i64) -> (i32, u8) {
    let idx = year as i64 * 12 + (month as i64 - 1) + k;
    (idx.div_euclid(12).clamp(-99_999, 99_999) as i32, (idx.rem_euclid(12) + 1) as u8)
}

/// The same day `k` months on, clamped to the month's end.
fn shift_months(d: Date, k: i64) -> Option<Date> {
    let (y, m) = add_months(d.year, d.month, k);
    let last = Date { year: y, month: m, day: 1 }.days_in_month();
    ymd(y, m, d.day.min(last))
}

fn monday_of(d: Date) -> Option<Date> {
    add_days(d, -(d.weekday() as i64))
}

// ---------------------------------------------------------------------------------------------
// Finding

/// The time expressions inside `span` of `text`, in text order.
pub fn find_times(text: &str, span: Span, article_date: Option<Date>) -> Vec<TimeExpr> {
    let low = tokens::lower_in_place(text.get(span.start..span.end).unwrap_or(""));
    times_in(text, &numbers::tokenize(text, &low, span), span, article_date)
}

/// The time expressions among `toks`, the tokens of `span` of `text` (shared with
/// `numbers::quantities_in`).
pub(crate) fn times_in(text: &str, toks: &[Tok], span: Span, article_date: Option<Date>) -> Vec<TimeExpr> {
    let date = article_date.filter(|d| valid(*d));
    // The last time-unit word ("days", "-year"): a number can start a duration only before it,
    // so most positions skip the number parser (the profile's largest part of this stage).
    let last_unit = toks.iter().rposition(|t| t.kind == TokKind::Word && time_unit(t.text).is_some());
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match match_at(text, toks, i, date, last_unit) {
            Some((e, next)) => {
                if span.contains(e.span) && !e.span.is_empty() {
                    out.push(e);
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

fn lower<'a>(toks: &[Tok<'a>], i: usize) -> Option<std::borrow::Cow<'a, str>> {
    toks.get(i).filter(|t| t.kind == TokKind::Word).map(|t| t.lower())
}

fn is_dash(t: &Tok) -> bool {
    t.kind == TokKind::Punct && matches!(t.text, "-" | "–" | "‑")
}

fn adjacent(a: &Tok, b: &Tok) -> bool {
    a.end == b.start
}

fn weekday_of(w: &str) -> Option<u8> {
    WEEKDAYS.iter().position(|d| *d == w).map(|p| p as u8)
}

fn season_of(w: &str) -> Option<u8> {
    SEASONS.iter().find(|(s, _)| *s == w).map(|&(_, m)| m)
}

/// Collapses white space and lower-cases.
fn norm_of(text: &str, start: usize, end: usize) -> String {
    text.get(start..end).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

struct Found {
    kind: TimeKind,
    norm: String,
    resolved: Option<Date>,
    end_tok: usize,
}

fn match_at(
    text: &str,
    toks: &[Tok],
    i: usize,
    date: Option<Date>,
    last_unit: Option<usize>,
) -> Option<(TimeExpr, usize)> {
    let unit_after = |k: usize| last_unit.is_some_and(|u| u > k);
    let mk = |f: Found| {
        let start = toks.get(i)?.start;
        let end = toks.get(f.end_tok.checked_sub(1)?)?.end;
        Some((TimeExpr { span: Span::new(start, end), kind: f.kind, norm: f.norm, resolved: f.resolved }, f.end_tok))
    };
    // A part of a period: "early", "mid-", "late", "later", "the end of".
    let (part, j) = modifier(toks, i);
    if let Some(f) = deixis(toks, j, part, date) {
        return mk(f);
    }
    if let Some(f) = month_date(toks, j, part, date) {
        return mk(f);
    }
    if let Some(f) = season(toks, j, part, date) {
        return mk(f);
    }
    if let Some(f) = year(toks, j, part) {
        return mk(f);
    }
    if part.is_some() {
        return None;
    }
    let w = lower(toks, i).unwrap_or_default();
    // "the past week", "the next few days", "the last two years": relative, not resolved.
    if w == "the"
        && lower(toks, i + 1)
            .is_some_and(|n| matches!(&*n, "past" | "last" | "next" | "coming" | "previous" | "following"))
    {
        let end = match duration_at(toks, i + 2, unit_after(i + 2)) {
            Some(d) => Some(d.next),
            None => toks.get(i + 2).and_then(|u| time_unit(u.text)).map(|_| i + 3),
        };
        if let Some(end) = end {
            let (start, stop) = (toks.get(i)?.start, toks.get(end - 1)?.end);
            let norm = norm_of(text, start, stop);
            return mk(Found { kind: TimeKind::Relative, norm, resolved: None, end_tok: end });
        }
    }
    // Weekdays: "Thursday", "Tuesday night".
    if let Some(wd) = weekday_of(&w) {
        let mut end = i + 1;
        let mut norm = w.to_string();
        if let Some(dp) = lower(toks, i + 1).filter(|p| DAY_PARTS.contains(&&**p)) {
            norm = format!("{norm} {dp}");
            end = i + 2;
        }
        let resolved = date.and_then(|d| add_days(d, -((d.weekday() as i64 - wd as i64).rem_euclid(7))));
        return mk(Found { kind: TimeKind::Relative, norm, resolved, end_tok: end });
    }
    let day_offset = match &*w {
        "yesterday" => Some(-1),
        "today" | "tonight" => Some(0),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let Some(k) = day_offset {
        return mk(Found {
            kind: TimeKind::Relative,
            norm: w.into_owned(),
            resolved: date.and_then(|d| add_days(d, k)),
            end_tok: i + 1,
        });
    }
    if w == "recent" {
        if let Some(u) =
            lower(toks, i + 1).filter(|u| matches!(&**u, "years" | "months" | "weeks" | "days" | "decades"))
        {
            return mk(Found { kind: TimeKind::Relative, norm: format!("recent {u}"), resolved: None, end_tok: i + 2 });
        }
    }
    // Decades: "the 1990s".
    if let Some(t) = toks.get(i).filter(|t| t.kind == TokKind::Mixed) {
        if let Some(y) = decade(t.text) {
            return mk(Found {
                kind: TimeKind::Absolute,
                norm: format!("{y}s"),
                resolved: ymd(y, 1, 1),
                end_tok: i + 1,
            });
        }
    }
    // Durations, and durations before or after something.
    let prev = i.checked_sub(1).and_then(|k| lower(toks, k));
    if prev.as_deref().is_some_and(|p| matches!(p, "once" | "twice" | "thrice" | "times" | "per" | "every")) {
        return None;
    }
    let d = duration_at(toks, i, unit_after(i))?;
    let start = toks.get(i)?.start;
    let mut end_tok = d.next;
    let after = lower(toks, end_tok);
    let (kind, resolved) = match after.as_deref() {
        Some("ago") => {
            end_tok += 1;
            (TimeKind::Relative, date.and_then(|dt| offset(dt, &d, -1)))
        }
        Some("from") if lower(toks, end_tok + 1).as_deref() == Some("now") => {
            end_tok += 2;
            (TimeKind::Relative, date.and_then(|dt| offset(dt, &d, 1)))
        }
        Some("after" | "later" | "before" | "earlier" | "afterwards" | "afterward") => {
            end_tok += 1;
            (TimeKind::Relative, None)
        }
        _ => (TimeKind::Duration, None),
    };
    let end = toks.get(end_tok - 1)?.end;
    Some((TimeExpr { span: Span::new(start, end), kind, norm: norm_of(text, start, end), resolved }, end_tok))
}

fn decade(t: &str) -> Option<i32> {
    let digits = t.strip_suffix('s')?;
    if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) && digits.ends_with('0') {
        let y: i32 = digits.parse().ok()?;
        (1000..=2190).contains(&y).then_some(y)
    } else {
        None
    }
}

fn modifier(toks: &[Tok], i: usize) -> (Option<Part>, usize) {
    let w = |k: usize| lower(toks, k).unwrap_or_default();
    let the = if w(i) == "the" { 1 } else { 0 };
    match (w(i + the).as_ref(), w(i + the + 1).as_ref()) {
        ("end", "of") => return (Some(Part::Late), i + the + 2),
        ("beginning" | "start", "of") => return (Some(Part::Early), i + the + 2),
        ("middle", "of") => return (Some(Part::Mid), i + the + 2),
        _ => {}
    }
    match w(i).as_ref() {
        "early" | "earlier" => (Some(Part::Early), i + 1),
        "late" | "later" => (Some(Part::Late), i + 1),
        "mid" => {
            let dash = toks.get(i + 1).is_some_and(|h| is_dash(h) && adjacent(&toks[i], h));
            (Some(Part::Mid), if dash { i + 2 } else { i + 1 })
        }
        _ => (None, i),
    }
}

fn with_part(part: Option<Part>, rest: &str) -> String {
    match part {
        Some(p) => format!("{} {rest}", p.word()),
        None => rest.to_string(),
    }
}

/// "this/next/last" + week, weekend, month, year, season, month name, weekday; "last night",
/// "this morning".
fn deixis(toks: &[Tok], j: usize, part: Option<Part>, date: Option<Date>) -> Option<Found> {
    let dir = lower(toks, j)?;
    let step: i64 = match &*dir {
        "this" => 0,
        "next" => 1,
        "last" => -1,
        _ => return None,
    };
    let what_tok = toks.get(j + 1)?;
    let what = lower(toks, j + 1)?;
    let norm = with_part(part, &format!("{dir} {what}"));
    let found =
        |resolved: Option<Date>| Some(Found { kind: TimeKind::Relative, norm: norm.clone(), resolved, end_tok: j + 2 });
    let part_days = |p: Option<Part>| match p {
        Some(Part::Early) | None => 0,
        Some(Part::Mid) => 1,
        Some(Part::Late) => 3,
    };
    match &*what {
        "week" => found(date.and_then(monday_of).and_then(|m| add_days(m, 7 * step + part_days(part)))),
        "weekend" => found(date.and_then(monday_of).and_then(|m| add_days(m, 7 * step + 5))),
        "month" => found(date.and_then(|d| {
            let (y, m) = add_months(d.year, d.month, step);
            ymd(y, m, part_start_day(part))
        })),
        "year" => found(date.and_then(|d| ymd(d.year.checked_add(step as i32)?, part_start_month(part), 1))),
        "night" if step == -1 && part.is_none() => found(date.and_then(|d| add_days(d, -1))),
        "morning" | "afternoon" | "evening" if step == 0 && part.is_none() => found(date),
        _ => {
            if let Some(wd) = weekday_of(&what) {
                return found(date.and_then(|d| {
                    let back = (d.weekday() as i64 - wd as i64).rem_euclid(7);
                    match step {
                        0 => add_days(d, -back),
                        -1 => add_days(d, -(if back == 0 { 7 } else { back })),
                        _ => {
                            let fwd = (wd as i64 - d.weekday() as i64).rem_euclid(7);
                            add_days(d, if fwd == 0 { 7 } else { fwd })
                        }
                    }
                }));
            }
            if let Some(sm) = season_of(&what) {
                return found(
                    date.and_then(|d| season_start(d, sm, step)).and_then(|s| shift_months(s, part_months(part))),
                );
            }
            if let Some(m) = MONTH_NAMES.iter().position(|n| *n == what).filter(|_| what_tok.capitalised()) {
                let m = m as u8 + 1;
                let norm = with_part(part, &format!("{dir} {}", MONTH_NAMES[m as usize - 1]));
                let resolved = date.and_then(|d| {
                    let y = match step {
                        0 => d.year,
                        -1 => {
                            if m < d.month {
                                d.year
                            } else {
                                d.year - 1
                            }
                        }
                        _ => {
                            if m > d.month {
                                d.year
                            } else {
                                d.year + 1
                            }
                        }
                    };
                    ymd(y, m, part_start_day(part))
                });
                return Some(Found { kind: TimeKind::Relative, norm, resolved, end_tok: j + 2 });
            }
            None
        }
    }
}

fn part_start_day(p: Option<Part>) -> u8 {
    match p {
        Some(Part::Mid) => 11,
        Some(Part::Late) => 21,
        _ => 1,
    }
}

fn part_start_month(p: Option<Part>) -> u8 {
    match p {
        Some(Part::Mid) => 5,
        Some(Part::Late) => 9,
        _ => 1,
    }
}

fn part_months(p: Option<Part>) -> i64 {
    match p {
        Some(Part::Mid) => 1,
        Some(Part::Late) => 2,
        _ => 0,
    }
}

/// The start of the season beginning in month `sm` that `step` picks relative to `d`: the
/// current or coming one (0), the next one not yet begun (1), the last one over (-1).
fn season_start(d: Date, sm: u8, step: i64) -> Option<Date> {
    let this = if sm == 12 && d.month <= 2 { ymd(d.year - 1, 12, 1)? } else { ymd(d.year, sm, 1)? };
    match step {
        0 => Some(this),
        1 => {
            if this > d {
                Some(this)
            } else {
                shift_months(this, 12)
            }
        }
        _ => {
            if shift_months(this, 3)? <= d {
                Some(this)
            } else {
                shift_months(this, -12)
            }
        }
    }
}

/// A day number ("18", "18th") at token `k`.
fn day_at(toks: &[Tok], k: usize) -> Option<u8> {
    let t = toks.get(k)?;
    let digits = match t.kind {
        TokKind::Num => t.text,
        TokKind::Mixed => {
            let lower = t.text.to_ascii_lowercase();
            let n = t.text.len().checked_sub(2)?;
            if !["st", "nd", "rd", "th"].iter().any(|s| lower.ends_with(s)) {
                return None;
            }
            t.text.get(..n)?
        }
        _ => return None,
    };
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year at token `k`.
fn year_at(toks: &[Tok], k: usize) -> Option<i32> {
    let t = toks.get(k)?;
    if t.kind == TokKind::Num
        && t.text.len() == 4
        && t.text.bytes().all(|b| b.is_ascii_digit())
        && (1100.0..=2199.0).contains(&t.value)
    {
        Some(t.value as i32)
    } else {
        None
    }
}

/// ", 2008" or "2008" after a month or day.
fn year_after(toks: &[Tok], k: usize) -> (Option<i32>, usize) {
    if toks.get(k).is_some_and(|c| c.is_punct(',')) {
        if let Some(y) = year_at(toks, k + 1) {
            return (Some(y), k + 2);
        }
    }
    if let Some(y) = year_at(toks, k) {
        return (Some(y), k + 1);
    }
    (None, k)
}

fn month_key(part: Option<Part>, m: u8, day: Option<u8>, year: Option<i32>) -> String {
    let name = MONTH_NAMES[(m as usize).saturating_sub(1).min(11)];
    let s = match (day, year) {
        (Some(d), Some(y)) => format!("{name} {d}, {y}"),
        (Some(d), None) => format!("{name} {d}"),
        (None, Some(y)) => format!("{name} {y}"),
        (None, None) => name.to_string(),
    };
    with_part(part, &s)
}

/// "March 18, 2008", "March 18", "March 2008", "in July", "18 March 2008", "the 18th of March".
fn month_date(toks: &[Tok], j: usize, part: Option<Part>, date: Option<Date>) -> Option<Found> {
    let resolve = |m: u8, day: Option<u8>, year: Option<i32>| {
        let y = year.or(date.map(|d| d.year))?;
        ymd(y, m, day.unwrap_or(part_start_day(part)))
    };
    // Day first.
    if let Some(day) = day_at(toks, j) {
        let (mk, of) = if toks.get(j + 1).is_some_and(|o| o.is("of")) { (j + 2, true) } else { (j + 1, false) };
        if numbers::is_month_tok(toks, mk) && (!of || toks[j].kind == TokKind::Mixed) && part.is_none() {
            let m = numbers::month_of(toks[mk].text)?;
            let mut k = mk + 1;
            if toks.get(k).is_some_and(|d| d.is_punct('.') && adjacent(&toks[mk], d)) {
                k += 1;
            }
            let (year, k) = year_after(toks, k);
            return Some(Found {
                kind: TimeKind::Absolute,
                norm: month_key(None, m, Some(day), year),
                resolved: resolve(m, Some(day), year),
                end_tok: k,
            });
        }
        return None;
    }
    if !numbers::is_month_tok(toks, j) {
        return None;
    }
    let m = numbers::month_of(toks[j].text)?;
    let mut k = j + 1;
    if toks.get(k).is_some_and(|d| d.is_punct('.') && adjacent(&toks[j], d)) {
        k += 1;
    }
    let day = if part.is_none() { day_at(toks, k) } else { None };
    if day.is_some() {
        k += 1;
    }
    let (year, k) = year_after(toks, k);
    if day.is_none() && year.is_none() && part.is_none() {
        let prev = j.checked_sub(1).and_then(|p| lower(toks, p));
        if !prev.is_some_and(|p| DATE_CONTEXT.contains(&&*p)) {
            return None;
        }
    }
    Some(Found {
        kind: TimeKind::Absolute,
        norm: month_key(part, m, day, year),
        resolved: resolve(m, day, year),
        end_tok: k,
    })
}

/// "spring 2008", "the spring of 2008", "in the spring", "early summer".
fn season(toks: &[Tok], j: usize, part: Option<Part>, date: Option<Date>) -> Option<Found> {
    let w = lower(toks, j)?;
    let sm = season_of(&w)?;
    let mut k = j + 1;
    let mut year = year_at(toks, k);
    if year.is_some() {
        k += 1;
    } else if toks.get(k).is_some_and(|o| o.is("of")) {
        if let Some(y) = year_at(toks, k + 1) {
            year = Some(y);
            k += 2;
        }
    }
    if year.is_none() && part.is_none() {
        let prev = j.checked_sub(1).and_then(|p| lower(toks, p));
        if !prev.is_some_and(|p| DATE_CONTEXT.contains(&&*p) && p != "of") {
            return None;
        }
    }
    let name = if w == "fall" { "autumn" } else { &*w };
    let norm = with_part(
        part,
        &match year {
            Some(y) => format!("{name} {y}"),
            None => name.to_string(),
        },
    );
    let start = match year {
        Some(y) => ymd(y, sm, 1),
        None => date.and_then(|d| season_start(d, sm, 0)),
    };
    let resolved = start.and_then(|s| shift_months(s, part_months(part)));
    Some(Found { kind: TimeKind::Absolute, norm, resolved, end_tok: k })
}

/// "2007", "early 2008", "mid-2008".
fn year(toks: &[Tok], j: usize, part: Option<Part>) -> Option<Found> {
    if let Some(t) = toks.get(j).filter(|t| t.kind == TokKind::Mixed) {
        let y = decade(t.text)?;
        if part.is_some() {
            let off = match part {
                Some(Part::Mid) => 3,
                Some(Part::Late) => 6,
                _ => 0,
            };
            return Some(Found {
                kind: TimeKind::Absolute,
                norm: with_part(part, &format!("{y}s")),
                resolved: ymd(y + off, 1, 1),
                end_tok: j + 1,
            });
        }
        return None;
    }
    let y = year_at(toks, j)?;
    if !numbers::is_year_at(toks, j) && part.is_none() {
        return None;
    }
    Some(Found {
        kind: TimeKind::Absolute,
        norm: with_part(part, &y.to_string()),
        resolved: ymd(y, part_start_month(part), 1),
        end_tok: j + 1,
    })
}

// ---------------------------------------------------------------------------------------------
// Durations

struct Dur {
    low: f64,
    high: f64,
    approx: bool,
    /// The unit's length in seconds, and its name.
    secs: f64,
    unit: &'static str,
    next: usize,
}

const DAY: f64 = 86_400.0;

fn time_unit(w: &str) -> Option<(&'static str, f64)> {
    // The longest unit word is "centuries": anything longer is no unit (and is not lower-cased).
    if w.len() > 9 {
        return None;
    }
    // Lower-cased on the stack (no allocation: this is asked of every word).
    let mut buf = [0u8; 9];
    let buf = &mut buf[..w.len()];
    buf.copy_from_slice(w.as_bytes());
    buf.make_ascii_lowercase();
    let w = std::str::from_utf8(buf).ok()?;
    let base = match w {
        "centuries" => "century",
        _ => w.strip_suffix('s').unwrap_or(w),
    };
    Some(match base {
        "second" => ("second", 1.0),
        "minute" => ("minute", 60.0),
        "hour" => ("hour", 3600.0),
        "day" => ("day", DAY),
        "night" => ("night", DAY),
        "week" => ("week", 7.0 * DAY),
        "fortnight" => ("fortnight", 14.0 * DAY),
        "month" => ("month", 30.0 * DAY),
        "year" => ("year", 365.0 * DAY),
        "decade" => ("decade", 3650.0 * DAY),
        "century" => ("century", 36500.0 * DAY),
        _ => return None,
    })
}

/// A time unit at `k` ("days", or "-day" joined to the number before), then "-long"; `None`
/// for an age ("27-year-old").
fn unit_at(toks: &[Tok], k: usize) -> Option<((&'static str, f64), usize)> {
    let t = toks.get(k)?;
    let (u, mut next) = if is_dash(t) && k > 0 && adjacent(&toks[k - 1], t) {
        let w = toks.get(k + 1).filter(|w| w.kind == TokKind::Word && adjacent(t, w))?;
        (time_unit(w.text)?, k + 2)
    } else if t.kind == TokKind::Word {
        (time_unit(t.text)?, k + 1)
    } else {
        return None;
    };
    if let (Some(h), Some(w)) = (toks.get(next), toks.get(next + 1)) {
        if is_dash(h) && adjacent(&toks[next - 1], h) && adjacent(h, w) {
            if w.is("old") {
                return None;
            }
            if w.is("long") {
                next += 2;
            }
        }
    }
    Some((u, next))
}

/// A duration at `i`; `unit_after`: whether a time-unit word comes after `i` (if not, no number
/// there can start one, and the number parser is not asked).
fn duration_at(toks: &[Tok], i: usize, unit_after: bool) -> Option<Dur> {
    let t = toks.get(i)?;
    let dur = |low: f64, high: f64, approx: bool, (unit, secs): (&'static str, f64), next: usize| {
        Some(Dur { low, high, approx, secs, unit, next })
    };
    if t.kind == TokKind::Word {
        let w = t.lower();
        // "weeklong", "hour-long".
        if let Some(base) = w.strip_suffix("long") {
            if let Some(u) = time_unit(base) {
                return dur(1.0, 1.0, false, u, i + 1);
            }
        }
        if let Some(u) = time_unit(&w) {
            let long = toks.get(i + 1).is_some_and(|h| is_dash(h) && adjacent(t, h))
                && toks.get(i + 2).is_some_and(|l| l.is("long") && adjacent(&toks[i + 1], l));
            return if long { dur(1.0, 1.0, false, u, i + 3) } else { None };
        }
        let vague =
            |k: usize, low: f64, high: f64| unit_at(toks, k).and_then(|(u, next)| dur(low, high, true, u, next));
        match &*w {
            "a" | "an" => {
                let n = lower(toks, i + 1).unwrap_or_default();
                if n == "few" {
                    return vague(i + 2, 2.0, 5.0);
                }
                if n == "couple" && toks.get(i + 2).is_some_and(|o| o.is("of")) {
                    return vague(i + 3, 2.0, 3.0);
                }
                // "a week", "an hour", "an hour-long"; not "a days".
                if let Some((u, next)) = unit_at(toks, i + 1) {
                    if toks[i + 1].text.eq_ignore_ascii_case(u.0) {
                        return dur(1.0, 1.0, false, u, next);
                    }
                }
            }
            "several" => return vague(i + 1, 3.0, 9.0),
            "few" => return vague(i + 1, 2.0, 5.0),
            _ => {}
        }
    }
    if !unit_after {
        return None;
    }
    match numbers::number_at(toks, i)? {
        Parse::Num(m) if m.start == i && m.next > i => {
            let (u, next) = unit_at(toks, m.next)?;
            dur(m.low, m.high, m.approx, u, next)
        }
        _ => None,
    }
}

/// `d` moved `sign` times the exact length of `dur` ("a week ago": back 7 days).
fn offset(d: Date, dur: &Dur, sign: i64) -> Option<Date> {
    if dur.approx || dur.low != dur.high || dur.low.fract() != 0.0 || dur.low > 100_000.0 {
        return None;
    }
    let n = dur.low as i64 * sign;
    match dur.unit {
        "day" => add_days(d, n),
        "week" => add_days(d, 7 * n),
        "fortnight" => add_days(d, 14 * n),
        "month" => shift_months(d, n),
        "year" => shift_months(d, 12 * n),
        "decade" => shift_months(d, 120 * n),
        _ => None,
    }
}

/// A duration's key read back as a quantity of seconds.
fn duration_quantity(norm: &str) -> Option<Quantity> {
    let low = tokens::lower_in_place(norm);
    let toks = numbers::tokenize(norm, &low, Span::new(0, norm.len()));
    let d = duration_at(&toks, 0, true)?;
    let scale = |v: f64| {
        if v >= numbers::UNBOUNDED / 1e12 {
            numbers::UNBOUNDED
        } else {
            v * d.secs
        }
    };
    Some(Quantity {
        span: Span::new(0, norm.len()),
        low: scale(d.low),
        high: scale(d.high),
        approximate: d.approx,
        written: None,
        from: None,
        unit: Some("second".into()),
        unit_span: None,
    })
}

// ---------------------------------------------------------------------------------------------
// Comparing

#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Fields {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    season: Option<u8>,
    part: Option<Part>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Gran {
    Day,
    Week,
    Weekend,
    Month,
    Season,
    Year,
    Decade,
}

fn words(norm: &str) -> Vec<&str> {
    norm.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

fn granularity(norm: &str) -> (Gran, Option<Part>) {
    let ws = words(norm);
    let part = ws.iter().find_map(|w| Part::of(w));
    let has = |x: &str| ws.contains(&x);
    let gran = if ws.iter().any(|w| {
        weekday_of(w).is_some()
            || DAY_PARTS.contains(w)
            || matches!(*w, "yesterday" | "today" | "tomorrow" | "tonight" | "ago" | "now")
    }) {
        Gran::Day
    } else if has("weekend") {
        Gran::Weekend
    } else if has("week") {
        Gran::Week
    } else if ws.iter().any(|w| season_of(w).is_some()) {
        Gran::Season
    } else if ws.iter().any(|w| MONTH_NAMES.contains(w)) {
        if ws.iter().any(|w| w.len() <= 2 && w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))) {
            Gran::Day
        } else {
            Gran::Month
        }
    } else if has("month") {
        Gran::Month
    } else if ws.iter().any(|w| decade(w).is_some()) {
        Gran::Decade
    } else if has("year") || ws.iter().any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())) {
        Gran::Year
    } else {
        Gran::Day
    };
    (gran, part)
}

/// The days a resolved time covers: [start, end).
fn period(t: &TimeExpr) -> Option<(i64, i64)> {
    let r = t.resolved?;
    if !valid(r) {
        return None;
    }
    let s = r.to_days();
    let (gran, part) = granularity(&t.norm);
    let months = |n: i64| shift_months(Date { day: 1, ..r }, n).map(|e| e.to_days() - Date { day: 1, ..r }.to_days());
    let len = match (gran, part) {
        (Gran::Day, _) => 1,
        (Gran::Weekend, _) => 2,
        (Gran::Week, None) => 7,
        (Gran::Week, Some(Part::Late)) => 4,
        (Gran::Week, Some(_)) => 3,
        (Gran::Month, Some(Part::Late)) => r.days_in_month() as i64 - 20,
        (Gran::Month, Some(_)) => 10,
        (Gran::Month, None) => r.days_in_month() as i64,
        (Gran::Season, Some(_)) => months(1)?,
        (Gran::Season, None) => months(3)?,
        (Gran::Year, Some(_)) => months(4)?,
        (Gran::Year, None) => months(12)?,
        (Gran::Decade, Some(_)) => months(48)?,
        (Gran::Decade, None) => months(120)?,
    };
    Some((s, s + len.max(1)))
}

/// The calendar fields an absolute time's key names.
fn fields_of_norm(norm: &str) -> Fields {
    let mut f = Fields::default();
    for w in words(norm) {
        if let Some(m) = MONTH_NAMES.iter().position(|n| *n == w) {
            f.month = Some(m as u8 + 1);
        } else if let Some(s) = season_of(w) {
            f.season = Some(s);
        } else if let Some(p) = Part::of(w) {
            f.part = Some(p);
        } else if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            f.year = w.parse().ok();
        } else if w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) {
            f.day = w.parse().ok();
        }
    }
    f
}

fn fields(t: &TimeExpr) -> Option<Fields> {
    if t.kind == TimeKind::Absolute {
        if words(&t.norm).iter().any(|w| decade(w).is_some()) {
            return None;
        }
        return Some(fields_of_norm(&t.norm));
    }
    let r = t.resolved?;
    match granularity(&t.norm) {
        (Gran::Day, _) => {
            Some(Fields { year: Some(r.year), month: Some(r.month), day: Some(r.day), ..Default::default() })
        }
        (Gran::Month, part) => Some(Fields { year: Some(r.year), month: Some(r.month), part, ..Default::default() }),
        (Gran::Year, part) => Some(Fields { year: Some(r.year), part, ..Default::default() }),
        _ => None,
    }
}

fn part_has_day(p: Part, day: u8) -> bool {
    match p {
        Part::Early => day <= 10,
        Part::Mid => (11..=20).contains(&day),
        Part::Late => day >= 21,
    }
}

fn compare_fields(a: &Fields, b: &Fields) -> Option<Relation> {
    let mut common = 0;
    let pairs = [
        (a.year.map(|x| x as i64), b.year.map(|x| x as i64)),
        (a.month.map(i64::from), b.month.map(i64::from)),
        (a.day.map(i64::from), b.day.map(i64::from)),
        (a.season.map(i64::from), b.season.map(i64::from)),
    ];
    for (x, y) in pairs {
        if let (Some(x), Some(y)) = (x, y) {
            common += 1;
            if x != y {
                return Some(Relation::Differ);
            }
        }
    }
    if common == 0 {
        return None;
    }
    let same_level = a.month.is_some() == b.month.is_some() && a.season.is_some() == b.season.is_some();
    if let (Some(pa), Some(pb)) = (a.part, b.part) {
        if pa != pb && same_level && a.day.is_none() && b.day.is_none() {
            return Some(Relation::Differ);
        }
    }
    for (x, y) in [(a, b), (b, a)] {
        if let (Some(p), None, Some(d), Some(_), Some(_)) = (x.part, x.day, y.day, x.month, y.month) {
            if !part_has_day(p, d) {
                return Some(Relation::Differ);
            }
        }
    }
    let same_fields = a.year.is_some() == b.year.is_some()
        && a.month.is_some() == b.month.is_some()
        && a.day.is_some() == b.day.is_some()
        && a.season.is_some() == b.season.is_some();
    Some(if same_fields && a.part == b.part { Relation::Agree } else { Relation::Compatible })
}

/// How two time expressions relate, or `None` when they cannot be compared (a relative time
/// with no date against an absolute one; a length of time against a point in time).
pub fn compare_times(a: &TimeExpr, b: &TimeExpr) -> Option<Relation> {
    match (a.kind, b.kind) {
        (TimeKind::Duration, TimeKind::Duration) => {
            let (qa, qb) = (duration_quantity(&a.norm)?, duration_quantity(&b.norm)?);
            return Some(numbers::compare(&qa, &qb));
        }
        (TimeKind::Duration, _) | (_, TimeKind::Duration) => return None,
        _ => {}
    }
    if a.norm == b.norm && a.resolved == b.resolved {
        return Some(Relation::Agree);
    }
    if a.resolved.is_some() && b.resolved.is_some() {
        if let (Some(pa), Some(pb)) = (period(a), period(b)) {
            return Some(if pa == pb {
                Relation::Agree
            } else if pa.0 < pb.1 && pb.0 < pa.1 {
                Relation::Compatible
            } else {
                Relation::Differ
            });
        }
    }
    let unanchored = |t: &TimeExpr| t.kind == TimeKind::Relative && t.resolved.is_none();
    if unanchored(a) || unanchored(b) {
        return None;
    }
    compare_fields(&fields(a)?, &fields(b)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ABS: TimeKind = TimeKind::Absolute;
    const REL: TimeKind = TimeKind::Relative;
    const DUR: TimeKind = TimeKind::Duration;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// (span text, kind, norm, resolved)
    fn assert_times(t: &str, date: Option<&str>, want: &[(&str, TimeKind, &str, Option<&str>)]) {
        let got = find_times(t, Span::new(0, t.len()), date.map(d));
        let got: Vec<(&str, TimeKind, String, Option<String>)> =
            got.iter().map(|e| (e.span.text(t), e.kind, e.norm.clone(), e.resolved.map(|r| r.to_string()))).collect();
        let want: Vec<(&str, TimeKind, String, Option<String>)> =
            want.iter().map(|&(s, k, n, r)| (s, k, n.to_string(), r.map(String::from))).collect();
        assert_eq!(got, want, "in {t:?}");
    }

    /// (span text, kind, norm, resolved)
    type Want = (&'static str, TimeKind, &'static str, Option<&'static str>);

    // 2008-03-05 is a Wednesday.
    const WED: Option<&str> = Some("2008-03-05");

    #[test]
    fn weekdays() {
        let cases: &[(&str, Option<&str>, &[Want])] = &[
            ("met in Washington on Thursday for talks", WED, &[("Thursday", REL, "thursday", Some("2008-02-28"))]),
            ("which started on Wednesday", WED, &[("Wednesday", REL, "wednesday", Some("2008-03-05"))]),
            ("the proposals Tuesday night.", WED, &[("Tuesday night", REL, "tuesday night", Some("2008-03-04"))]),
            ("on Thursday", None, &[("Thursday", REL, "thursday", None)]),
            ("next Tuesday", WED, &[("next Tuesday", REL, "next tuesday", Some("2008-03-11"))]),
            ("last Wednesday", WED, &[("last Wednesday", REL, "last wednesday", Some("2008-02-27"))]),
            (
                "yesterday and today",
                WED,
                &[("yesterday", REL, "yesterday", Some("2008-03-04")), ("today", REL, "today", Some("2008-03-05"))],
            ),
            ("last night", WED, &[("last night", REL, "last night", Some("2008-03-04"))]),
        ];
        for (t, date, want) in cases {
            assert_times(t, *date, want);
        }
    }

    #[test]
    fn relative_periods() {
        let cases: &[(&str, Option<&str>, &[Want])] = &[
            (
                "to meet early next week in Moscow",
                WED,
                &[("early next week", REL, "early next week", Some("2008-03-10"))],
            ),
            ("presented last week at a NATO meeting", WED, &[("last week", REL, "last week", Some("2008-02-25"))]),
            ("next week", WED, &[("next week", REL, "next week", Some("2008-03-10"))]),
            ("later this week", WED, &[("later this week", REL, "late this week", Some("2008-03-06"))]),
            ("next month", WED, &[("next month", REL, "next month", Some("2008-04-01"))]),
            ("late last year", WED, &[("late last year", REL, "late last year", Some("2007-09-01"))]),
            ("Putin, who leaves office this spring,", WED, &[("this spring", REL, "this spring", Some("2008-03-01"))]),
            ("this winter", Some("2008-01-10"), &[("this winter", REL, "this winter", Some("2007-12-01"))]),
            ("next spring", WED, &[("next spring", REL, "next spring", Some("2009-03-01"))]),
            ("last March", WED, &[("last March", REL, "last march", Some("2007-03-01"))]),
            ("comes a week after Rice went", WED, &[("a week after", REL, "a week after", None)]),
            ("two days ago", WED, &[("two days ago", REL, "two days ago", Some("2008-03-03"))]),
            ("a few years from now", WED, &[("a few years from now", REL, "a few years from now", None)]),
            ("a year from now", WED, &[("a year from now", REL, "a year from now", Some("2009-03-05"))]),
            ("in recent years", WED, &[("recent years", REL, "recent years", None)]),
            ("over the past week", WED, &[("the past week", REL, "the past week", None)]),
            ("in the next few days", WED, &[("the next few days", REL, "the next few days", None)]),
            ("over the last two years", WED, &[("the last two years", REL, "the last two years", None)]),
            ("early next week", None, &[("early next week", REL, "early next week", None)]),
            ("The four last met in October", None, &[("October", ABS, "october", None)]),
        ];
        for (t, date, want) in cases {
            assert_times(t, *date, want);
        }
    }

    #[test]
    fn absolute() {
        let cases: &[(&str, Option<&str>, &[Want])] = &[
            ("on March 18, 2008", None, &[("March 18, 2008", ABS, "march 18, 2008", Some("2008-03-18"))]),
            ("on 18 March 2008", None, &[("18 March 2008", ABS, "march 18, 2008", Some("2008-03-18"))]),
            ("on 18 March", WED, &[("18 March", ABS, "march 18", Some("2008-03-18"))]),
            ("the 18th of March", WED, &[("18th of March", ABS, "march 18", Some("2008-03-18"))]),
            ("on Sept. 18", WED, &[("Sept. 18", ABS, "september 18", Some("2008-09-18"))]),
            ("in early April", WED, &[("early April", ABS, "early april", Some("2008-04-01"))]),
            ("in early April", None, &[("early April", ABS, "early april", None)]),
            ("by mid-April", WED, &[("mid-April", ABS, "mid april", Some("2008-04-11"))]),
            ("by the end of March", WED, &[("the end of March", ABS, "late march", Some("2008-03-21"))]),
            ("proposed in July during a visit", WED, &[("July", ABS, "july", Some("2008-07-01"))]),
            ("in July 2007", None, &[("July 2007", ABS, "july 2007", Some("2007-07-01"))]),
            ("in 2007", None, &[("2007", ABS, "2007", Some("2007-01-01"))]),
            ("The dispute began in 2008.", None, &[("2008", ABS, "2008", Some("2008-01-01"))]),
            ("in early 2008", None, &[("early 2008", ABS, "early 2008", Some("2008-01-01"))]),
            ("in the 1990s", None, &[("1990s", ABS, "1990s", Some("1990-01-01"))]),
            ("in the spring of 2008", None, &[("spring of 2008", ABS, "spring 2008", Some("2008-03-01"))]),
            ("in the fall", WED, &[("fall", ABS, "autumn", Some("2008-09-01"))]),
            (
                "from 2007 to 2008",
                None,
                &[("2007", ABS, "2007", Some("2007-01-01")), ("2008", ABS, "2008", Some("2008-01-01"))],
            ),
        ];
        for (t, date, want) in cases {
            assert_times(t, *date, want);
        }
    }

    #[test]
    fn durations() {
        let cases: &[(&str, &[Want])] = &[
            ("The Russians have had a week to study", &[("a week", DUR, "a week", None)]),
            ("before their hour-long meeting", &[("hour-long", DUR, "hour-long", None)]),
            ("an hour-long meeting", &[("an hour-long", DUR, "an hour-long", None)]),
            ("a week-long visit", &[("a week-long", DUR, "a week-long", None)]),
            ("a weeklong visit", &[("weeklong", DUR, "weeklong", None)]),
            ("on the table for several months", &[("several months", DUR, "several months", None)]),
            ("a two-hour meeting", &[("two-hour", DUR, "two-hour", None)]),
            ("for three days", &[("three days", DUR, "three days", None)]),
            ("nine or ten days", &[("nine or ten days", DUR, "nine or ten days", None)]),
            ("about 10 years", &[("about 10 years", DUR, "about 10 years", None)]),
            ("a couple of weeks", &[("a couple of weeks", DUR, "a couple of weeks", None)]),
            ("an hour", &[("an hour", DUR, "an hour", None)]),
        ];
        for (t, want) in cases {
            assert_times(t, WED, want);
        }
    }

    #[test]
    fn not_times() {
        let none: &[&str] = &[
            "a 27-year-old man",
            "twice a day",
            "May I ask",
            "June Smith said",
            "prices may fall",
            "over time",
            "told reporters later",
            "in the future",
            "the day the Czech Prime Minister said",
            "10 interceptor missiles",
            "2000 troops were sent",
            "Strategic Arms Reduction Treaty, or START",
            "the first stop",
            "The four last met",
        ];
        for t in none {
            assert_times(t, WED, &[]);
        }
    }

    #[test]
    fn span_and_bad_dates() {
        let t = "on Thursday and Friday";
        let got = find_times(t, Span::new(3, 11), WED.map(d));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].span.text(t), "Thursday");
        assert!(find_times(t, Span::new(5, 500), None).is_empty());
        // An invalid article date is ignored.
        let bad = Date { year: 2008, month: 13, day: 40 };
        assert_eq!(find_times("on Thursday", Span::new(0, 11), Some(bad))[0].resolved, None);
        let far = Date { year: i32::MAX, month: 12, day: 31 };
        assert_eq!(find_times("next year", Span::new(0, 9), Some(far))[0].resolved, None);
    }

    fn te(kind: TimeKind, norm: &str, resolved: Option<&str>) -> TimeExpr {
        TimeExpr { span: Span::default(), kind, norm: norm.into(), resolved: resolved.map(d) }
    }

    #[test]
    fn comparing() {
        use Relation::*;
        let cases: &[(TimeExpr, TimeExpr, Option<Relation>)] = &[
            (te(REL, "thursday", Some("2008-02-28")), te(REL, "thursday", Some("2008-02-28")), Some(Agree)),
            (te(REL, "thursday", Some("2008-02-28")), te(REL, "wednesday", Some("2008-02-27")), Some(Differ)),
            (te(REL, "thursday", Some("2008-02-28")), te(ABS, "february 28, 2008", Some("2008-02-28")), Some(Agree)),
            (te(REL, "tuesday", Some("2008-03-04")), te(REL, "this week", Some("2008-03-03")), Some(Compatible)),
            (te(ABS, "early april", Some("2008-04-01")), te(ABS, "april", Some("2008-04-01")), Some(Compatible)),
            (te(ABS, "early april", Some("2008-04-01")), te(ABS, "april 3", Some("2008-04-03")), Some(Compatible)),
            (te(ABS, "early april", Some("2008-04-01")), te(ABS, "april 25", Some("2008-04-25")), Some(Differ)),
            (te(ABS, "2007", Some("2007-01-01")), te(ABS, "2008", Some("2008-01-01")), Some(Differ)),
            (te(ABS, "july", None), te(ABS, "july", None), Some(Agree)),
            (te(ABS, "july", None), te(ABS, "july 2007", Some("2007-07-01")), Some(Compatible)),
            (te(ABS, "july", None), te(ABS, "april", None), Some(Differ)),
            (te(ABS, "march 18", None), te(ABS, "march 18, 2008", Some("2008-03-18")), Some(Compatible)),
            (te(ABS, "early april", None), te(ABS, "late april", None), Some(Differ)),
            (te(ABS, "2007", None), te(ABS, "july", None), None),
            (te(REL, "thursday", None), te(ABS, "march 18, 2008", Some("2008-03-18")), None),
            (te(REL, "thursday", None), te(REL, "wednesday", None), None),
            (te(REL, "last week", None), te(REL, "last week", None), Some(Agree)),
            (te(DUR, "a week", None), te(DUR, "seven days", None), Some(Agree)),
            (te(DUR, "a week", None), te(DUR, "several days", None), Some(Compatible)),
            (te(DUR, "hour-long", None), te(DUR, "an hour", None), Some(Agree)),
            (te(DUR, "a week", None), te(DUR, "a month", None), Some(Differ)),
            (te(DUR, "a week", None), te(ABS, "july", None), None),
            (te(DUR, "nonsense", None), te(DUR, "a week", None), None),
        ];
        for (a, b, want) in cases {
            assert_eq!(compare_times(a, b), *want, "{a:?} vs {b:?}");
            assert_eq!(compare_times(b, a), *want, "{b:?} vs {a:?}");
        }
    }

    #[test]
    fn articles() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/articles/");
        let Ok(t) = std::fs::read_to_string(format!("{dir}002_997de83ce86dabb3.txt")) else {
            return;
        };
        let got: Vec<String> = find_times(&t, Span::new(0, t.len()), None).iter().map(|e| e.norm.clone()).collect();
        assert_eq!(got, ["tuesday", "tuesday night", "this spring", "july", "today", "sunday", "monday", "tuesday"]);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod prop {
    use super::*;
    use proptest::prelude::*;

    fn check(s: &str, span: Span, date: Option<Date>) -> Result<(), TestCaseError> {
        for e in find_times(s, span, date) {
            prop_assert!(span.contains(e.span) && !e.span.is_empty());
            prop_assert!(s.is_char_boundary(e.span.start) && s.is_char_boundary(e.span.end));
            for f in find_times(s, span, date) {
                let _ = compare_times(&e, &f);
            }
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_good(s in "\\PC{0,80}", a in 0usize..100, b in 0usize..100,
                                           y in -20000i32..20000, m in 0u8..14, dd in 0u8..33) {
            let date = Some(Date { year: y, month: m, day: dd });
            check(&s, Span { start: 0, end: s.len() }, date)?;
            check(&s, Span { start: a, end: b }, None)?;
        }

        #[test]
        fn time_soup(words in proptest::collection::vec(prop_oneof![
            Just("early"), Just("next"), Just("last"), Just("this"), Just("week"), Just("March"), Just("18"),
            Just(","), Just("2008"), Just("Tuesday"), Just("night"), Just("a"), Just("few"), Just("years"),
            Just("ago"), Just("from"), Just("now"), Just("-"), Just("hour"), Just("long"), Just("the"), Just("end"),
            Just("of"), Just("spring"), Just("mid"), Just("1990s"), Just("18th"), Just("in"), Just("é"), Just("old")
        ], 0..12), sep in prop_oneof![Just(" "), Just("")], y in 1900i32..2100, m in 1u8..13, dd in 1u8..29) {
            let s = words.join(sep);
            check(&s, Span { start: 0, end: s.len() }, Some(Date { year: y, month: m, day: dd }))?;
            let all = find_times(&s, Span { start: 0, end: s.len() }, Some(Date { year: y, month: m, day: dd }));
            for e in &all {
                for f in &all {
                    prop_assert_eq!(compare_times(e, f), compare_times(f, e));
                }
            }
        }
    }
}
