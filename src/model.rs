//! Plain data passed between the pipeline's stages: articles, entities, mentions, facts and their evidence.
//!
//! Nothing here does I/O. Readers produce [`Article`]s, the extractor turns each into an
//! [`Extraction`], the resolver merges extractions into one set of entities, and the RDF and
//! JSON Lines writers serialise the result.
//!
//! Offsets (`start`, `end`) always count Unicode scalar values (`char`s) of [`Article::text`],
//! never bytes, so that a user can highlight them in the source with any tool.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

/// A calendar date (proleptic Gregorian), printed as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date when the triple is a real day of the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, `YYYYMMDD` or `YYYY/MM/DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
        let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
        let (y, m, d) = if parts.len() == 3 {
            (
                parts[0].parse().ok()?,
                parts[1].parse().ok()?,
                parts[2].parse().ok()?,
            )
        } else if digits.len() == 8 && digits.len() == s.len() {
            (
                digits[..4].parse().ok()?,
                digits[4..6].parse().ok()?,
                digits[6..].parse().ok()?,
            )
        } else {
            return None;
        };
        Date::new(y, m, d)
    }

    /// Resolves a dateline that gives only month and day (`1月4日`) against the publication date:
    /// the nearest such day that is not more than about three months after publication, so that
    /// a page published on 2 January speaking of `12月30日` means the previous year. News
    /// reports the past but also announces the near future (`将于10月16日召开` at the end of
    /// August, `自3月1日起施行`); a day further ahead is more often one of last year.
    pub fn resolve_month_day(published: Date, month: u8, day: u8) -> Option<Date> {
        let same = Date::new(published.year, month, day);
        let before = Date::new(published.year - 1, month, day);
        match same {
            Some(d) if d.ordinal_months() <= published.ordinal_months() + 3 => Some(d),
            Some(_) => before.or(same),
            None => before,
        }
    }

    /// Resolves a day of the month alone (`4日`) against the publication date: the latest such
    /// day on or before publication (news reports what happened, rarely what will).
    pub fn resolve_day(published: Date, day: u8) -> Option<Date> {
        if day <= published.day {
            return Date::new(published.year, published.month, day);
        }
        let (y, m) = if published.month == 1 {
            (published.year - 1, 12)
        } else {
            (published.year, published.month - 1)
        };
        Date::new(y, m, day)
    }

    /// The day `n` days earlier (`昨天` is one day before the dateline).
    pub fn days_before(self, n: u32) -> Date {
        let mut d = self;
        for _ in 0..n {
            d = if d.day > 1 {
                Date {
                    day: d.day - 1,
                    ..d
                }
            } else if d.month > 1 {
                let month = d.month - 1;
                Date {
                    month,
                    day: days_in_month(d.year, month),
                    ..d
                }
            } else {
                Date {
                    year: d.year - 1,
                    month: 12,
                    day: 31,
                }
            };
        }
        d
    }

    fn ordinal_months(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

/// Where an article came from, for messages that name the file and line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The input path as given (`-` for standard input).
    pub path: String,
    /// The 1-based line where the article starts in that input.
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path, self.line)
    }
}

/// One news article as read from an input, before extraction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The input's own id where it has one (the JSON Lines `id`), otherwise a content hash.
    pub id: String,
    /// The main headline.
    pub title: String,
    /// Every headline line in page order: kicker, main headline, sub-headlines.
    pub headlines: Vec<String>,
    /// The publication date, from the input or the command line.
    pub published: Option<Date>,
    /// The date the article reports on (`1月4日` in its lead), resolved against `published`.
    pub dateline: Option<Date>,
    /// The outlet or the input's `source` field (`山西日报`, `新闻联播`).
    pub source: Option<String>,
    pub url: Option<String>,
    /// Reporters named in the byline, in order.
    pub reporters: Vec<String>,
    /// The text that offsets count in: the JSON Lines `text` exactly, or the article's slice of a
    /// page or transcript. It may contain layout line breaks inside sentences.
    pub text: String,
    /// Character offset in `text` where the body starts (after headlines and byline).
    pub body_start: usize,
    /// The jurisdiction the outlet reports from, when the input says so (`山西省`, `太原市`);
    /// otherwise the extractor infers it from the text.
    pub jurisdiction: Vec<String>,
    pub origin: Origin,
}

impl Article {
    /// The date facts of this article are attested on: the dateline, else publication.
    pub fn date(&self) -> Option<Date> {
        self.dateline.or(self.published)
    }
}

/// The kinds of entities govkg extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Meeting,
    Exhibition,
    Event,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Meeting,
        EntityKind::Exhibition,
        EntityKind::Event,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Organization => "Organization",
            EntityKind::Place => "Place",
            EntityKind::Meeting => "Meeting",
            EntityKind::Exhibition => "Exhibition",
            EntityKind::Event => "Event",
        }
    }

    /// Meetings, exhibitions and other happenings.
    pub fn is_event(self) -> bool {
        matches!(
            self,
            EntityKind::Meeting | EntityKind::Exhibition | EntityKind::Event
        )
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The relations between entities (and articles) that govkg extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A person (or body) chairs a meeting: 主持, 主持召开.
    Chairs,
    /// A person attends an event: 出席, 参加, 列席.
    Attends,
    /// A person gives instructions at a meeting: 提出具体要求.
    Instructs,
    /// A person reports to a meeting: 通报/汇报……情况.
    Reports,
    /// A venue hosts an event, or a building hosts its tenant bodies (入驻).
    Hosts,
    /// A meeting relays another meeting's spirit: 传达贯彻, 传达学习.
    Relays,
    /// A reporter wrote an article (object is the article id).
    ReportsFor,
    /// A body organises an event.
    Organizes,
    /// A body develops or launches a product or event (合作开发, 推出).
    Develops,
    /// A person speaks at an event (讲话, 发表讲话).
    Speaks,
    /// A person meets another person (会见, 会谈).
    Meets,
}

impl Relation {
    pub const ALL: [Relation; 11] = [
        Relation::Chairs,
        Relation::Attends,
        Relation::Instructs,
        Relation::Reports,
        Relation::Hosts,
        Relation::Relays,
        Relation::ReportsFor,
        Relation::Organizes,
        Relation::Develops,
        Relation::Speaks,
        Relation::Meets,
    ];

    /// The name used in JSON Lines and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Chairs => "chairs",
            Relation::Attends => "attends",
            Relation::Instructs => "instructs",
            Relation::Reports => "reports",
            Relation::Hosts => "hosts",
            Relation::Relays => "relays",
            Relation::ReportsFor => "reports_for",
            Relation::Organizes => "organizes",
            Relation::Develops => "develops",
            Relation::Speaks => "speaks",
            Relation::Meets => "meets",
        }
    }

    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Identity of an entity: its kind and canonical key (the resolved label, or for a meeting a key
/// built from its organiser, ordinal and date). The IRI is derived from it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntityId {
    pub kind: EntityKind,
    pub key: String,
}

impl EntityId {
    pub fn new(kind: EntityKind, key: impl Into<String>) -> EntityId {
        EntityId {
            kind,
            key: key.into(),
        }
    }
}

/// A span of an article's text that supports a mention, a post or a fact.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The article id.
    pub article: String,
    /// Index of the sentence in the article (0-based, headlines count as sentences).
    pub sentence: usize,
    /// The sentence, with layout line breaks removed.
    pub text: String,
    /// Character offsets of the sentence in the article's text.
    pub start: usize,
    pub end: usize,
}

/// A post held by a person, attested on a date by a span of text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Post {
    /// The post as written (`省委副书记`).
    pub written: String,
    /// The post with its jurisdiction spelt out (`山西省委副书记`); equal to `written` when
    /// nothing needed resolving or the jurisdiction is unknown.
    pub resolved: String,
    /// The role alone (`副书记`).
    pub role: String,
    /// The body the post is in, when it names one (`山西省委`).
    pub organization: Option<EntityId>,
    pub date: Option<Date>,
    pub evidence: Evidence,
}

/// A thing in the world: a person, a body, a place or an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub id: EntityId,
    /// The preferred label (full, resolved form).
    pub label: String,
    /// Other names seen for it (short forms, forms as written).
    pub aliases: BTreeSet<String>,
    pub posts: Vec<Post>,
    /// A meeting's ordinal (`第五十八次` → 58).
    pub ordinal: Option<u32>,
    /// An event's date.
    pub date: Option<Date>,
    /// The articles it is mentioned in.
    pub articles: BTreeSet<String>,
}

impl Entity {
    pub fn new(id: EntityId, label: impl Into<String>) -> Entity {
        Entity {
            id,
            label: label.into(),
            aliases: BTreeSet::new(),
            posts: Vec::new(),
            ordinal: None,
            date: None,
            articles: BTreeSet::new(),
        }
    }

    pub fn kind(&self) -> EntityKind {
        self.id.kind
    }

    /// Adds a name; the label itself is never an alias.
    pub fn add_alias(&mut self, name: &str) {
        if !name.is_empty() && name != self.label {
            self.aliases.insert(name.to_string());
        }
    }
}

/// An occurrence of an entity in an article's text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mention {
    pub entity: EntityId,
    pub article: String,
    pub sentence: usize,
    /// The text as written (layout breaks removed).
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Either end of a fact: an entity, or an article (the object of `reports_for`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    Entity(EntityId),
    Article(String),
}

/// A relation between two nodes, with the sentence that states it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fact {
    pub subject: Node,
    pub relation: Relation,
    pub object: Node,
    /// The word that triggered it (`主持召开`), empty when the fact comes from structure (a byline).
    pub trigger: String,
    pub date: Option<Date>,
    pub evidence: Evidence,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub article: Article,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub facts: Vec<Fact>,
    /// Non-fatal problems worth telling the user (no date, …), each naming the article.
    pub warnings: Vec<String>,
}

impl Extraction {
    /// A node as a reader names it: an entity's label (its key if the extraction lacks it), an
    /// article's id.
    pub fn label(&self, node: &Node) -> String {
        match node {
            Node::Entity(id) => self
                .entities
                .iter()
                .find(|e| &e.id == id)
                .map_or_else(|| id.key.clone(), |e| e.label.clone()),
            Node::Article(a) => a.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_before_cross_months_and_years() {
        let cases: &[(&str, u32, &str)] = &[
            ("2022-05-08", 1, "2022-05-07"),
            ("2022-03-01", 1, "2022-02-28"),
            ("2024-03-01", 1, "2024-02-29"),
            ("2022-01-01", 2, "2021-12-30"),
            ("2022-01-04", 0, "2022-01-04"),
        ];
        for &(date, n, want) in cases {
            let d = Date::parse(date).unwrap();
            assert_eq!(d.days_before(n).to_string(), want, "{date} - {n}");
        }
    }

    #[test]
    fn dates_parse_and_resolve() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2022-01-04", Some("2022-01-04")),
            ("20220104", Some("2022-01-04")),
            ("2022/1/4", Some("2022-01-04")),
            ("2022-02-30", None),
            ("2024-02-29", Some("2024-02-29")),
            ("2023-02-29", None),
            ("yesterday", None),
        ];
        for (input, want) in cases {
            assert_eq!(
                Date::parse(input).map(|d| d.to_string()).as_deref(),
                *want,
                "{input}"
            );
        }
        let published = Date::parse("2022-01-02").unwrap();
        let cases: &[(u8, u8, &str)] = &[
            (12, 30, "2021-12-30"),
            (1, 2, "2022-01-02"),
            (1, 1, "2022-01-01"),
            (2, 1, "2022-02-01"),
            (4, 30, "2022-04-30"),
            (5, 1, "2021-05-01"),
            (6, 1, "2021-06-01"),
        ];
        for &(m, d, want) in cases {
            assert_eq!(
                Date::resolve_month_day(published, m, d)
                    .unwrap()
                    .to_string(),
                want
            );
        }
        assert_eq!(
            Date::resolve_day(published, 30).unwrap().to_string(),
            "2021-12-30"
        );
        assert_eq!(
            Date::resolve_day(published, 2).unwrap().to_string(),
            "2022-01-02"
        );
    }
}
