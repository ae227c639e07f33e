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

use crate::relation::Relation;

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

/// How sure govkg is of an entity or a fact, from 0 to 1 (kept in thousandths, so that it
/// compares and hashes exactly).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Confidence(u16);

impl Confidence {
    /// Everything passes: `--min-confidence 0`.
    pub const NONE: Confidence = Confidence(0);
    /// Certain: what the input gives whole.
    pub const FULL: Confidence = Confidence(1000);
    /// What the store, answers, diagrams and entity lists keep unless told otherwise
    /// (`--min-confidence`): what was right at least half of the time in the by-eye audit that
    /// set [`Basis::confidence`].
    pub const DEFAULT_MIN: Confidence = Confidence(500);

    /// A presence the sentence announces for later (`将出席`, `将于…主持`): an intent, not an
    /// attendance, so below [`Confidence::DEFAULT_MIN`]; `--min-confidence 0` shows it.
    pub const ANNOUNCED: Confidence = Confidence(300);

    /// From thousandths, clamped to 1000.
    pub const fn from_thousandths(t: u16) -> Confidence {
        Confidence(if t > 1000 { 1000 } else { t })
    }

    /// From a fraction; `None` outside 0–1 or not a number.
    pub fn from_fraction(f: f64) -> Option<Confidence> {
        (0.0..=1.0)
            .contains(&f)
            .then(|| Confidence((f * 1000.0).round() as u16))
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 1000.0
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Shortest exact form: 0.95, 0.5, 1.
        write!(f, "{}", self.as_f64())
    }
}

impl std::str::FromStr for Confidence {
    type Err = String;
    fn from_str(s: &str) -> Result<Confidence, String> {
        s.trim()
            .parse::<f64>()
            .ok()
            .and_then(Confidence::from_fraction)
            .ok_or_else(|| format!("not a confidence between 0 and 1: {s}"))
    }
}

/// The cue an entity was found by. Each has one [`confidence`](Basis::confidence): the share of
/// the names it gives that a reader judged right, so that an entity found several ways is as
/// sure as its best cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Basis {
    /// Given whole by the input or a program (a byline's reporter, an entity built by hand).
    Given,
    /// A person's name after a title chain: `副省长于英杰`.
    Titled,
    /// A name in a list that a titled or untitled name opens: `张吉福、李凤岐`.
    List,
    /// A name before a title: `栗战书委员长`, `基里延科总理`.
    NameTitle,
    /// A foreign name written with a middle dot: `汤姆士·史达福`.
    Dotted,
    /// An untitled name before a verb of the genre: `林武指出`.
    Verb,
    /// A three-character name shaped like one, with no title or verb: `苗立杰`.
    NameShaped,
    /// A two-character name shaped like one: `彭真`.
    ShortNameShaped,
    /// An untitled run of transliteration characters: `涅姆佐夫`.
    Transliterated,
    /// A name the learned person tagger reads where no rule found one, shaped like a name.
    Tagged,
    /// Another mention of a name the article gives elsewhere; as sure as the cue that found it
    /// there, which it stands for.
    Known,
    /// A body of the lexicon (`bodies.tsv`): `国务院`.
    BodyListed,
    /// A body suffix after a place, a level word or a known body: `太原市人民政府`.
    BodyAnchored,
    /// A company's or institution's suffix after words with no anchor: `…有限公司`.
    BodyFree,
    /// The words before a title, as the post's body: `市委书记` → 市委.
    PostBody,
    /// The body a bare title implies: `省长` → 省人民政府.
    ImpliedBody,
    /// A body holding a meeting, at the start of its name: `省委` of 省委常委会会议.
    Organizer,
    /// A division of China or a place abroad of the lexicon.
    Place,
    /// A meeting named with its number or session: `市政府第七次全体会议`.
    NumberedMeeting,
    /// A meeting or other event named after its body, place or scope: `中共中央政治局会议`,
    /// `全省经济工作会议`.
    AnchoredEvent,
    /// A meeting or other event named by other words before its head: `长江经济带发展座谈会`.
    NamedEvent,
    /// A meeting named by its chair: `李克强主持召开的座谈会`.
    ChairedMeeting,
    /// A meeting named by the body that holds it: `中共中央政治局召开会议`.
    BodyMeeting,
}

impl Basis {
    /// The confidence of what this cue finds: the share of its finds judged right (OK, not
    /// partial) in the by-eye audit of 40 random distinct entities per cue of 新闻联播
    /// 2022–23 (`examples/entity_sample.rs --by-cue 40`; README, "Confidence"), rounded down to
    /// a twentieth. Cues an audit of mentions cannot sample (a bare title's body) and cues with
    /// few finds (an organiser: 8 of 8) are capped at 0.9; 0 of 8 counts as 0.1.
    pub fn confidence(self) -> Confidence {
        Confidence::from_thousandths(match self {
            Basis::Given => 1000,
            Basis::Titled => 800,
            Basis::List => 900,
            Basis::NameTitle => 550,
            Basis::Dotted => 850,
            Basis::Verb => 750,
            Basis::NameShaped => 600,
            Basis::ShortNameShaped => 550,
            Basis::Transliterated => 450,
            Basis::Tagged => 500,
            Basis::Known => 500,
            Basis::BodyListed => 950,
            Basis::BodyAnchored => 600,
            Basis::BodyFree => 250,
            Basis::PostBody => 250,
            Basis::ImpliedBody => 900,
            Basis::Organizer => 900,
            Basis::Place => 950,
            Basis::NumberedMeeting => 700,
            Basis::AnchoredEvent => 700,
            Basis::NamedEvent => 550,
            Basis::ChairedMeeting => 850,
            Basis::BodyMeeting => 100,
        })
    }

    /// The name in JSON Lines and RDF (`titled`, `body_listed`).
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Given => "given",
            Basis::Titled => "titled",
            Basis::List => "list",
            Basis::NameTitle => "name_title",
            Basis::Dotted => "dotted",
            Basis::Verb => "verb",
            Basis::NameShaped => "name_shaped",
            Basis::ShortNameShaped => "short_name_shaped",
            Basis::Transliterated => "transliterated",
            Basis::Tagged => "tagged",
            Basis::Known => "known",
            Basis::BodyListed => "body_listed",
            Basis::BodyAnchored => "body_anchored",
            Basis::BodyFree => "body_free",
            Basis::PostBody => "post_body",
            Basis::ImpliedBody => "implied_body",
            Basis::Organizer => "organizer",
            Basis::Place => "place",
            Basis::NumberedMeeting => "numbered_meeting",
            Basis::AnchoredEvent => "anchored_event",
            Basis::NamedEvent => "named_event",
            Basis::ChairedMeeting => "chaired_meeting",
            Basis::BodyMeeting => "body_meeting",
        }
    }

    /// The better of two cues: the more confident, the earlier listed on a tie.
    pub fn best(self, other: Basis) -> Basis {
        if (other.confidence(), std::cmp::Reverse(other))
            > (self.confidence(), std::cmp::Reverse(self))
        {
            other
        } else {
            self
        }
    }

    /// An untitled person's name, vouched for by what surrounds it rather than by a title.
    pub fn is_untitled_name(self) -> bool {
        matches!(
            self,
            Basis::Dotted
                | Basis::Verb
                | Basis::NameShaped
                | Basis::ShortNameShaped
                | Basis::Transliterated
                | Basis::Tagged
        )
    }
}

impl fmt::Display for Basis {
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
    /// The best cue it was found by; its confidence is the entity's.
    pub basis: Basis,
}

impl Entity {
    /// An entity given whole ([`Basis::Given`]); the extractor sets the cue it found it by.
    pub fn new(id: EntityId, label: impl Into<String>) -> Entity {
        Entity {
            id,
            label: label.into(),
            aliases: BTreeSet::new(),
            posts: Vec::new(),
            ordinal: None,
            date: None,
            articles: BTreeSet::new(),
            basis: Basis::Given,
        }
    }

    pub fn confidence(&self) -> Confidence {
        self.basis.confidence()
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
    /// The confidence of its less certain end in its article (an article is certain): a
    /// relation read from a frame is as sure as the names it joins.
    pub confidence: Confidence,
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
    /// Drops what is less sure than `min`: entities, their mentions, the facts of which they
    /// are an end (and any fact below `min`), and the body of a post when it is the one dropped.
    /// Done once per article before anything is written, so that every writer and the store
    /// see the same graph.
    pub fn retain_confident(&mut self, min: Confidence) {
        if min == Confidence::NONE {
            return;
        }
        let dropped: BTreeSet<EntityId> = self
            .entities
            .iter()
            .filter(|e| e.confidence() < min)
            .map(|e| e.id.clone())
            .collect();
        let gone = |n: &Node| matches!(n, Node::Entity(id) if dropped.contains(id));
        self.facts
            .retain(|f| f.confidence >= min && !gone(&f.subject) && !gone(&f.object));
        if dropped.is_empty() {
            return;
        }
        self.entities.retain(|e| !dropped.contains(&e.id));
        self.mentions.retain(|m| !dropped.contains(&m.entity));
        for e in &mut self.entities {
            for p in &mut e.posts {
                if p.organization.as_ref().is_some_and(|o| dropped.contains(o)) {
                    p.organization = None;
                }
            }
        }
    }

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
    fn confidences_parse_print_and_clamp() {
        let cases: &[(&str, Option<&str>)] = &[
            ("0", Some("0")),
            ("0.5", Some("0.5")),
            ("0.95", Some("0.95")),
            (" 1 ", Some("1")),
            ("1.2", None),
            ("-0.1", None),
            ("NaN", None),
            ("high", None),
        ];
        for (input, want) in cases {
            let got = input.parse::<Confidence>().ok().map(|c| c.to_string());
            assert_eq!(got.as_deref(), *want, "{input}");
        }
        assert_eq!(Confidence::from_thousandths(1500), Confidence::FULL);
    }

    #[test]
    fn the_better_cue_is_the_more_confident() {
        assert_eq!(Basis::Transliterated.best(Basis::Titled), Basis::Titled);
        assert_eq!(Basis::Titled.best(Basis::Transliterated), Basis::Titled);
        assert_eq!(Basis::Given.best(Basis::Place), Basis::Given);
        for b in [Basis::Titled, Basis::BodyFree, Basis::NamedEvent] {
            assert_eq!(b.best(b), b);
            assert!(b.confidence() <= Confidence::FULL);
        }
    }

    fn person(name: &str, basis: Basis) -> Entity {
        let mut e = Entity::new(EntityId::new(EntityKind::Person, name), name);
        e.basis = basis;
        e
    }

    #[test]
    fn what_is_less_sure_goes_with_its_mentions_facts_and_post_bodies() {
        let evidence = Evidence {
            article: "a".into(),
            sentence: 0,
            text: "…".into(),
            start: 0,
            end: 1,
        };
        let sure = person("林武", Basis::Titled);
        let unsure = person("哈马斯", Basis::Transliterated);
        let mut body = Entity::new(
            EntityId::new(EntityKind::Organization, "欢迎法国"),
            "欢迎法国",
        );
        body.basis = Basis::PostBody;
        let mut sure = sure;
        sure.posts.push(Post {
            written: "欢迎法国总统".into(),
            resolved: "欢迎法国总统".into(),
            role: "总统".into(),
            organization: Some(body.id.clone()),
            date: None,
            evidence: evidence.clone(),
        });
        let mention = |e: &Entity| Mention {
            entity: e.id.clone(),
            article: "a".into(),
            sentence: 0,
            text: e.label.clone(),
            start: 0,
            end: 1,
        };
        let fact = |s: &Entity, o: &Entity| Fact {
            subject: Node::Entity(s.id.clone()),
            relation: Relation::Meets,
            object: Node::Entity(o.id.clone()),
            trigger: "会见".into(),
            date: None,
            evidence: evidence.clone(),
            confidence: s.confidence().min(o.confidence()),
        };
        let mut x = Extraction {
            mentions: vec![mention(&sure), mention(&unsure), mention(&body)],
            facts: vec![fact(&sure, &unsure)],
            entities: vec![sure.clone(), unsure.clone(), body.clone()],
            ..Extraction::default()
        };
        let all = x.clone();
        x.retain_confident(Confidence::NONE);
        assert_eq!(x.entities, all.entities, "0 keeps everything");
        x.retain_confident(Confidence::DEFAULT_MIN);
        let kept: Vec<&str> = x.entities.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(kept, ["林武"]);
        assert_eq!(x.mentions.len(), 1);
        assert!(x.facts.is_empty());
        assert_eq!(x.entities[0].posts[0].organization, None);
        assert_eq!(x.entities[0].posts[0].written, "欢迎法国总统");
    }

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
