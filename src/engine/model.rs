//! The engine's data model: what goes in (`Article`), what comes out (`Analysis`), and the
//! pieces in between. Every item found in a text carries a byte `Span` into that article's
//! original text; nothing here owns a copy of an article beyond the input itself.
//!
//! These types are the contract between the engine, the command-line tool and the page: they
//! serialise with serde, so the page can keep them in its state and the exports can write them.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into one article's original UTF-8 text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers. Returns "" for a span that is out of bounds or not on
    /// character boundaries, so a bad span never panics.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A calendar date (proleptic Gregorian), used to anchor relative times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let year: i32 = it.next()?.parse().ok()?;
        let month: u8 = it.next()?.parse().ok()?;
        let day: u8 = it.next()?.parse().ok()?;
        let d = Date { year, month, day };
        if (1..=12).contains(&month) && day >= 1 && day <= d.days_in_month() {
            Some(d)
        } else {
            None
        }
    }
    pub fn days_in_month(&self) -> u8 {
        match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (self.year % 4 == 0 && self.year % 100 != 0) || self.year % 400 == 0 => 29,
            _ => 28,
        }
    }
    /// Days since 1970-01-01 (negative before).
    pub fn to_days(&self) -> i64 {
        // Howard Hinnant's days_from_civil
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }
    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        Date { year: (y + if m <= 2 { 1 } else { 0 }) as i32, month: m, day: d }
    }
    /// 0 = Monday .. 6 = Sunday.
    pub fn weekday(&self) -> u8 {
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One article as the user (or the bundle) gives it. The engine never reads files: the caller
/// hands it the text and whatever it knows about the article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The document id: for files, the file name (`000_59f64d01507f9a7e.txt`).
    pub id: String,
    pub text: String,
    /// What the user or caller says about the article; overrides what the engine detects.
    #[serde(default)]
    pub meta: ArticleMeta,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The article's publication date, when known: anchors relative times ("Thursday").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// The role a stretch of an article plays on the page it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Ordinary prose.
    Body,
    Headline,
    /// A "Story Highlights" bullet.
    Highlight,
    /// A photo caption.
    Caption,
    /// A credit line or dateline ("( Reuter )-", "Agence France-Presse,").
    Credit,
}

/// A stretch of text that is not article content: navigation, share buttons, "Comments".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Furniture {
    pub span: Span,
    /// What it is, in words ("share link", "navigation").
    pub what: String,
}

/// The outlet that published the article, and where the text says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outlet {
    pub name: String,
    /// The credit line the name was read from; `None` when the user set it.
    pub span: Option<Span>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub kind: BlockKind,
}

/// Who a claim comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker as the text names it, resolved back through pronouns ("he said" after a
    /// paragraph about Rice gives "Rice").
    pub speaker: String,
    /// Where the speaker is named (for a pronoun: the pronoun itself).
    pub span: Span,
    /// The entity the speaker resolves to, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// A direct quote (in quote marks) rather than reported speech.
    pub direct: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// "not", "no", "never", "declined to".
    Negation,
    /// "may", "could", "would", "expected to", "plans to".
    Hedge,
}

/// A word or phrase that turns a claim's polarity or certainty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub kind: CueKind,
    pub span: Span,
    /// The cue in lower case ("not", "may").
    pub word: String,
}

/// A number found in a text, as an interval of possible values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub span: Span,
    /// Lowest and highest value the text allows ("nine or ten": 9..=10; "10": 10..=10;
    /// "thousands": 2000..=9999; "about 50": 45..=55).
    pub low: f64,
    pub high: f64,
    /// Vague or approximate ("about", "some", "thousands", "nine or ten").
    pub approximate: bool,
    /// The value as written before a hedge ("about", "some", "around" ...) or an inclusive bound
    /// ("at least", "up to") widened it: "about 50" and "at least 50" are 50..=50 here. Two
    /// versions that write the same value, one hedged or bounded, agree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<(f64, f64)>,
    /// For a change ("raise the age from 62 to 64", "to 64 from 62", "27, up from 25", "at 64
    /// instead of 62"): the value before it, as an interval. The quantity itself is the value
    /// after the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<(f64, f64)>,
    /// The thing counted, normalised to a lower-case singular stem ("interceptor").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_span: Option<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A date or day named outright ("March 18, 2008", "in July").
    Absolute,
    /// A time relative to the article's date ("Thursday", "last week", "early next week").
    Relative,
    /// A length of time ("a week", "hour-long"), not a point in time.
    Duration,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub span: Span,
    pub kind: TimeKind,
    /// The expression in lower case, as a key for comparison ("thursday", "early april").
    pub norm: String,
    /// With the article's date known: the calendar day or the first day of the period meant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
}

/// A name as it stands in one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    /// The words of the name as written ("Defense Secretary Robert Gates" gives "Robert Gates").
    pub text: String,
    pub kind: EntityKind,
    /// The id of the entity this mention was resolved to ("e3").
    pub entity: String,
}

/// One claim: a sentence, or a clause of one, that states something.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Unique across the whole analysis ("c12").
    pub id: String,
    pub doc: String,
    /// Serialised flat, as `start` and `end`, as the alignment format has it.
    #[serde(flatten)]
    pub span: Span,
    /// Index of the sentence in the article's `sentences`.
    pub sentence: usize,
    pub kind: BlockKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Attribution>,
    pub cues: Vec<Cue>,
    pub times: Vec<TimeExpr>,
    pub numbers: Vec<Quantity>,
    /// People, organisations and places named in the claim (places are mentions of kind Place).
    pub names: Vec<Mention>,
}

impl Claim {
    pub fn negated(&self) -> bool {
        self.cues.iter().any(|c| c.kind == CueKind::Negation)
    }
    pub fn hedged(&self) -> bool {
        self.cues.iter().any(|c| c.kind == CueKind::Hedge)
    }
}

/// Everything the engine found in one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocAnalysis {
    pub doc: String,
    /// The outlet: the user's, else the one the credit line names, else none ("no credit line").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<Outlet>,
    /// The place a dateline names ("MOSCOW, Russia").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub furniture: Vec<Furniture>,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    /// Indexes into `Analysis::claims` are by id; these are this article's claims in text order.
    pub claims: Vec<Claim>,
    /// Warnings about this article the user should see (input cut at the size cap, say).
    pub warnings: Vec<String>,
}

/// One spelling of an entity and the articles that use it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spelling {
    pub text: String,
    pub docs: Vec<String>,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocSpan {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// One real-world person, organisation or place, over all articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    /// The fullest, most common form ("Anatoly Serdyukov").
    pub name: String,
    pub kind: EntityKind,
    pub mentions: Vec<DocSpan>,
    /// Every spelling used; more than one (beyond surname-only and title forms) means a
    /// spelling difference the page can point out ("AFP spells it Serdukov").
    pub spellings: Vec<Spelling>,
    /// True when two spellings of the full name or surname differ (not just a shortening).
    pub spelling_differs: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Agree,
    Compatible,
    Differ,
}

impl Relation {
    pub fn as_str(&self) -> &'static str {
        match self {
            Relation::Agree => "agree",
            Relation::Compatible => "compatible",
            Relation::Differ => "differ",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    Number,
    Spelling,
    Time,
    Place,
    Attribution,
    Polarity,
    Hedging,
    Quotation,
}

impl DifferenceKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            DifferenceKind::Number => "number",
            DifferenceKind::Spelling => "spelling",
            DifferenceKind::Time => "time",
            DifferenceKind::Place => "place",
            DifferenceKind::Attribution => "attribution",
            DifferenceKind::Polarity => "polarity",
            DifferenceKind::Hedging => "hedging",
            DifferenceKind::Quotation => "quotation",
        }
    }
}

/// A typed difference between two versions of one claim, pointing at the spans that differ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Difference {
    pub kind: DifferenceKind,
    /// The effect on the relation: `Agree` when it is only noted (hedging, spelling, a relative
    /// time), else `Compatible` or `Differ`.
    pub effect: Relation,
    pub spans: Vec<DocSpan>,
    /// A sentence for the reader ("9-10 vs 10 interceptors: compatible").
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    /// Both name the same entity.
    Name,
    /// Both give a quantity of the same thing.
    Number,
    /// Both use an informative word (or a synonym, or a word of the same stem).
    Word,
    /// Both say the same action or state (offer, oppose, meet).
    Action,
    /// Same speaker.
    Source,
    /// Same time.
    Time,
    /// A reason against: a different occasion, polarity or actor.
    Against,
}

/// One reason two claims were linked, with its weight in the score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub kind: ReasonKind,
    /// What is shared, for the reader ("interceptor: 9-10 ~ 10", "offer ~ allow (synonym)").
    pub what: String,
    pub weight: f64,
}

/// A scored link between two claims of different articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub a: String,
    pub b: String,
    /// 0..1
    pub score: f64,
    pub reasons: Vec<Reason>,
}

/// A set of claims, from two or more articles, that state one fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub claims: Vec<String>,
    pub relation: Relation,
    /// A short label of the fact ("interceptor: 9-10 ~ 10", "offer access site").
    pub label: String,
    /// `claim` when whole claims say the same; `fact` when a single fact inside them matches.
    pub level: String,
    pub score: f64,
    pub links: Vec<Link>,
    pub differences: Vec<Difference>,
}

/// How far the analysis has come, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub stage: &'static str,
}

/// The whole result over a set of articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub docs: Vec<DocAnalysis>,
    pub entities: Vec<Entity>,
    pub groups: Vec<Group>,
    /// Claims that no other article states.
    pub single_source: Vec<String>,
}

impl Analysis {
    pub fn claims(&self) -> impl Iterator<Item = &Claim> {
        self.docs.iter().flat_map(|d| d.claims.iter())
    }
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims().find(|c| c.id == id)
    }
    pub fn doc(&self, id: &str) -> Option<&DocAnalysis> {
        self.docs.iter().find(|d| d.doc == id)
    }
    /// The groups a claim stands in.
    pub fn groups_of<'a>(&'a self, claim: &'a str) -> impl Iterator<Item = &'a Group> + 'a {
        self.groups.iter().filter(move |g| g.claims.iter().any(|c| c == claim))
    }
    /// The strongest relation over a claim's groups: `differ`, else `compatible`, else `agree`.
    pub fn relation_of(&self, claim: &str) -> Option<Relation> {
        self.groups_of(claim).map(|g| g.relation).max()
    }
}
