//! Finding the meeting or the person a question names among those in the store, tolerantly:
//! questions rarely spell a meeting as the article did.
//!
//! A meeting is asked about by its short form (`省委第五十八次专题会议`), by ordinal and body
//! (`第九十三次会议`), with qualifiers the label lacks or has (`省委第五十八次疫情防控专题会`), or
//! in English (`the 58th meeting`). Both sides are normalised (numerals of `第…次` to digits,
//! spaces and quotes dropped); an ordinal or a date in the question must agree with the
//! meeting's; the rest is scored by how much of the question appears, in order, in one of the
//! meeting's labels (a weighted longest common subsequence, generic words like 会议 weighing
//! little), with a small bonus for labels the question explains well. The best meeting wins;
//! those scoring as well are reported alongside, so that a user sees when to say more.

use std::sync::LazyLock;

use oxigraph::model::NamedNode;
use regex::Regex;
use serde::Serialize;

use crate::extract::parse_number;
use crate::sparql::{self, FOUND_SEPARATOR};
use crate::store::Store;

/// Below this score a meeting is not taken to be the one asked about.
const THRESHOLD: f32 = 0.55;

/// An event of the store, with the names it can be asked by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventName {
    #[serde(serialize_with = "iri_string")]
    pub iri: NamedNode,
    pub label: String,
    /// The preferred label first, then the others.
    pub labels: Vec<String>,
    pub ordinal: Option<u32>,
    pub date: Option<String>,
}

/// A person of the store, with the names they can be asked by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonName {
    #[serde(serialize_with = "iri_string")]
    pub iri: NamedNode,
    pub label: String,
    pub labels: Vec<String>,
}

fn iri_string<S: serde::Serializer>(iri: &NamedNode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(iri.as_str())
}

/// The label of an entity without a preferred one, from its other `names`: an event only
/// undated articles mention has none (see `rdf.rs`), and its longest written name is the most
/// complete. `None` when every name is empty.
pub fn longest_name<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<String> {
    names
        .into_iter()
        .max_by_key(|n| n.chars().count())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}

/// Every event of the store.
pub fn events(store: &Store) -> Result<Vec<EventName>, sparql::Error> {
    let rows = sparql::select(store, &sparql::events())?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let iri = r.iri("event")?;
            let label = r.nonempty("label").unwrap_or_else(|| {
                longest_name(r.text("alts").unwrap_or_default().split(FOUND_SEPARATOR))
                    .unwrap_or_else(|| iri.as_str().to_string())
            });
            let labels = labels(&label, r.text("alts"));
            Some(EventName {
                ordinal: r
                    .int("ordinal")
                    .and_then(|n| u32::try_from(n).ok())
                    .or_else(|| labels.iter().find_map(|l| ordinal_of(l))),
                date: r.nonempty("date"),
                iri,
                label,
                labels,
            })
        })
        .collect())
}

/// Every person of the store.
pub fn people(store: &Store) -> Result<Vec<PersonName>, sparql::Error> {
    let rows = sparql::select(store, &sparql::people())?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let iri = r.iri("person")?;
            let label = r.nonempty("label")?;
            Some(PersonName {
                iri,
                labels: labels(&label, r.text("alts")),
                label,
            })
        })
        .collect())
}

fn labels(label: &str, alts: Option<String>) -> Vec<String> {
    let mut all = vec![label.to_string()];
    for alt in alts.unwrap_or_default().split(FOUND_SEPARATOR) {
        if !alt.is_empty() && !all.iter().any(|l| l == alt) {
            all.push(alt.to_string());
        }
    }
    all
}

/// The event a question's words were taken to mean.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventMatch {
    /// The words as asked.
    pub asked: String,
    pub event: EventName,
    /// 1 for a label equal to the question's words (normalised), less for looser matches.
    pub score: f32,
    /// Other events that scored as well, most recent first.
    pub others: Vec<EventName>,
}

/// The person a question's words were taken to mean.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonMatch {
    pub asked: String,
    pub person: PersonName,
    /// Whether the words are one of the person's names (else a name was found in them, or
    /// they are part of a single person's name).
    pub exact: bool,
}

/// Why no event or person was found.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("no event in the store matches “{asked}”{}", suggest(nearest))]
    NoEvent { asked: String, nearest: Vec<String> },
    #[error(
        "no person named “{asked}” in the store{}{}",
        english_hint(asked),
        suggest(nearest)
    )]
    NoPerson { asked: String, nearest: Vec<String> },
    #[error("“{asked}” could be any of {}; give the full name", names.join("、"))]
    AmbiguousPerson { asked: String, names: Vec<String> },
}

fn suggest(nearest: &[String]) -> String {
    if nearest.is_empty() {
        String::new()
    } else {
        format!("; nearest: {}", nearest.join("; "))
    }
}

fn english_hint(asked: &str) -> &'static str {
    if asked.chars().any(|c| c.is_ascii_alphabetic()) {
        " (names are matched as the articles write them, in Chinese characters: 李强, not Li Qiang)"
    } else {
        ""
    }
}

/// What a question says about a meeting, normalised for matching.
#[derive(Debug, Clone, PartialEq)]
struct MeetingQuery {
    /// Pieces that should appear in the label, each in order; more than one for English, whose
    /// word order is not Chinese's.
    pieces: Vec<String>,
    ordinal: Option<u32>,
    /// `YYYY-MM-DD`, or `-MM-DD` when the question gives no year.
    date: Option<String>,
}

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第([0-9零〇一二两三四五六七八九十百千万]+)(次|届)").expect("valid regex")
});
static DATE_ZH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日的?").expect("valid regex"));
static DATE_ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:on )?(\d{4})-(\d{1,2})-(\d{1,2})(?:的)?").expect("valid regex")
});
static ORDINAL_EN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d+)(?:st|nd|rd|th)\b").expect("valid regex"));

/// English words of meeting names and their Chinese, longest first where one contains another.
const GLOSSARY: &[(&str, &str)] = &[
    ("provincial party committee", "省委"),
    ("municipal party committee", "市委"),
    ("city party committee", "市委"),
    ("party committee", "委"),
    ("national people's congress", "全国人民代表大会"),
    ("national congress", "全国代表大会"),
    ("standing committee", "常委会"),
    ("state council", "国务院"),
    ("executive meeting", "常务会议"),
    ("political bureau", "中央政治局"),
    ("politburo", "中央政治局"),
    ("study session", "集体学习"),
    ("leading group", "领导小组"),
    ("prevention and control", "防控"),
    ("plenary session", "全体会议"),
    ("plenary", "全体会议"),
    ("special meeting", "专题会"),
    ("thematic meeting", "专题会"),
    ("symposium", "座谈会"),
    ("forum", "论坛"),
    ("provincial", "省"),
    ("province", "省"),
    ("municipal", "市"),
    ("city", "市"),
    ("epidemic", "疫情"),
    ("covid", "疫情"),
    ("special", "专题"),
    ("thematic", "专题"),
    ("meeting", "会"),
    ("conference", "会"),
    ("session", "会"),
    ("congress", "代表大会"),
    ("cppcc", "政协"),
    ("npc", "人大"),
];

/// English ordinal words: units and tens, combined as in `fifty-eighth`.
const UNITS: [(&str, &str, u32); 19] = [
    ("first", "one", 1),
    ("second", "two", 2),
    ("third", "three", 3),
    ("fourth", "four", 4),
    ("fifth", "five", 5),
    ("sixth", "six", 6),
    ("seventh", "seven", 7),
    ("eighth", "eight", 8),
    ("ninth", "nine", 9),
    ("tenth", "ten", 10),
    ("eleventh", "eleven", 11),
    ("twelfth", "twelve", 12),
    ("thirteenth", "thirteen", 13),
    ("fourteenth", "fourteen", 14),
    ("fifteenth", "fifteen", 15),
    ("sixteenth", "sixteen", 16),
    ("seventeenth", "seventeen", 17),
    ("eighteenth", "eighteen", 18),
    ("nineteenth", "nineteen", 19),
];
const TENS: [(&str, &str, u32); 8] = [
    ("twentieth", "twenty", 20),
    ("thirtieth", "thirty", 30),
    ("fortieth", "forty", 40),
    ("fiftieth", "fifty", 50),
    ("sixtieth", "sixty", 60),
    ("seventieth", "seventy", 70),
    ("eightieth", "eighty", 80),
    ("ninetieth", "ninety", 90),
];

/// An English ordinal word (`58th`, `third`, `fifty-eighth`, `twentieth`).
fn english_ordinal(word: &str) -> Option<u32> {
    if let Some(c) = ORDINAL_EN.captures(word) {
        return c[1].parse().ok();
    }
    if let Some(&(_, _, n)) = UNITS.iter().chain(&TENS).find(|(o, _, _)| *o == word) {
        return Some(n);
    }
    let (tens, unit) = word.split_once('-')?;
    let (_, _, t) = TENS.iter().find(|(_, c, _)| *c == tens)?;
    let (_, _, u) = UNITS[..9].iter().find(|(o, _, _)| *o == unit)?;
    Some(t + u)
}

/// `n` in Chinese numerals, as meeting names write it (`58` → `五十八`).
pub fn chinese_numeral(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const UNITS: [(u32, char); 3] = [(1000, '千'), (100, '百'), (10, '十')];
    if n == 0 {
        return "零".into();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let mut out = String::new();
    let mut rest = n;
    let mut zero = false;
    for (unit, name) in UNITS {
        let d = rest / unit;
        rest %= unit;
        if d > 0 {
            if zero {
                out.push('零');
                zero = false;
            }
            // 十五, not 一十五, when ten leads.
            if !(unit == 10 && d == 1 && out.is_empty()) {
                out.push(DIGITS[d as usize]);
            }
            out.push(name);
        } else if !out.is_empty() {
            zero = true;
        }
    }
    if rest > 0 {
        if zero {
            out.push('零');
        }
        out.push(DIGITS[rest as usize]);
    }
    out
}

/// The ordinal of a label or question (`第五十八次` → 58).
fn ordinal_of(text: &str) -> Option<u32> {
    ORDINAL.captures(text).and_then(|c| parse_number(&c[1]))
}

/// A name as compared: numerals of `第…次` as digits, no spaces, quotes, brackets or marks.
fn normalise(text: &str) -> String {
    let text = ORDINAL.replace_all(text, |c: &regex::Captures<'_>| match parse_number(&c[1]) {
        Some(n) => format!("第{n}{}", &c[2]),
        None => c[0].to_string(),
    });
    text.chars()
        .filter(|c| !c.is_whitespace() && !"“”\"'《》「」〈〉()（）·、，,".contains(*c))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

impl MeetingQuery {
    fn new(asked: &str) -> MeetingQuery {
        let mut text = asked.trim().to_string();
        let mut date = None;
        for re in [&*DATE_ZH, &*DATE_ISO] {
            if let Some(c) = re.captures(&text) {
                let month: u32 = c[2].parse().unwrap_or(0);
                let day: u32 = c[3].parse().unwrap_or(0);
                date = Some(match c.get(1) {
                    Some(y) => format!("{}-{month:02}-{day:02}", y.as_str()),
                    None => format!("-{month:02}-{day:02}"),
                });
                text = re.replace(&text, "").into_owned();
                break;
            }
        }
        let english = text.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3;
        if english {
            return MeetingQuery::english(&text, date);
        }
        MeetingQuery {
            ordinal: ordinal_of(&text),
            pieces: vec![normalise(&text)],
            date,
        }
    }

    /// English words become the Chinese pieces of the glossary, the ordinal `第N次`; Chinese
    /// written in the question is kept as it is.
    fn english(text: &str, date: Option<String>) -> MeetingQuery {
        let mut rest = format!(" {} ", text.to_lowercase().replace(['’', '`'], "'"));
        let mut pieces = Vec::new();
        let mut ordinal = None;
        for word in text
            .to_lowercase()
            .split(|c: char| c.is_whitespace() || c == ',')
        {
            if let Some(n) = english_ordinal(word) {
                ordinal = Some(n);
                pieces.push(format!("第{n}"));
                rest = rest.replacen(&format!(" {word} "), " ", 1);
                break;
            }
        }
        for (en, zh) in GLOSSARY {
            let key = format!(" {en} ");
            let spaced = rest.replace(['\'', '-'], " ");
            if rest.contains(&key) || spaced.contains(&key) {
                pieces.push((*zh).to_string());
                rest = rest.replacen(&key, " ", 1);
            }
        }
        // Chinese written within the English question.
        let mut run = String::new();
        for c in text.chars().chain([' ']) {
            if c.is_ascii() || c.is_whitespace() {
                if !run.is_empty() {
                    pieces.push(normalise(&run));
                    ordinal = ordinal.or_else(|| ordinal_of(&run));
                    run.clear();
                }
            } else {
                run.push(c);
            }
        }
        MeetingQuery {
            pieces,
            ordinal,
            date,
        }
    }

    /// How well `label` (normalised) answers the query: 1 when equal, else below.
    fn score(&self, label: &str) -> f32 {
        if self.pieces.len() == 1 && self.pieces[0] == label {
            return 1.0;
        }
        let label: Vec<char> = label.chars().collect();
        let mut found = 0.0;
        let mut wanted = 0.0;
        for piece in &self.pieces {
            let piece: Vec<char> = piece.chars().collect();
            found += weighted_lcs(&piece, &label);
            wanted += piece.iter().map(|&c| weight(c)).sum::<f32>();
        }
        if wanted == 0.0 {
            return 0.0;
        }
        let whole: f32 = label.iter().map(|&c| weight(c)).sum();
        let recall = found / wanted;
        let precision = if whole > 0.0 {
            (found / whole).min(1.0)
        } else {
            0.0
        };
        (0.85 * recall + 0.15 * precision).min(0.99)
    }

    fn admits(&self, event: &EventName) -> bool {
        if let Some(n) = self.ordinal {
            if event.ordinal != Some(n) {
                return false;
            }
        }
        match (&self.date, &event.date) {
            (Some(want), Some(have)) => have.ends_with(want.as_str()),
            (Some(_), None) => false,
            _ => true,
        }
    }
}

/// Characters that say little about which meeting is meant.
fn weight(c: char) -> f32 {
    if "会议第次届的暨召开了全体".contains(c) {
        0.3
    } else {
        1.0
    }
}

/// The weight of the heaviest common subsequence of `a` and `b`.
fn weighted_lcs(a: &[char], b: &[char]) -> f32 {
    let mut prev = vec![0.0f32; b.len() + 1];
    let mut cur = vec![0.0f32; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + weight(x)
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The event `asked` names, from `events`.
pub fn match_event(asked: &str, events: &[EventName]) -> Result<EventMatch, Error> {
    let query = MeetingQuery::new(asked);
    let scored: Vec<(f32, &EventName)> = events
        .iter()
        .map(|e| {
            let best = e
                .labels
                .iter()
                .map(|l| query.score(&normalise(l)))
                .fold(0.0, f32::max);
            (best, e)
        })
        .collect();
    let mut admitted: Vec<(f32, &EventName)> = scored
        .iter()
        .filter(|(s, e)| *s >= THRESHOLD && query.admits(e))
        .copied()
        .collect();
    // Best first; among equals, the most recent, then by label for a stable answer.
    admitted.sort_by(|(s1, e1), (s2, e2)| {
        s2.total_cmp(s1)
            .then_with(|| e2.date.cmp(&e1.date))
            .then_with(|| e1.label.cmp(&e2.label))
    });
    let Some(&(best, event)) = admitted.first() else {
        let mut near = scored.clone();
        near.sort_by(|a, b| b.0.total_cmp(&a.0));
        return Err(Error::NoEvent {
            asked: asked.to_string(),
            nearest: near
                .iter()
                .filter(|(s, _)| *s >= 0.3)
                .take(3)
                .map(|(_, e)| describe(e))
                .collect(),
        });
    };
    let others = admitted[1..]
        .iter()
        .take_while(|(s, _)| best - s < 0.005)
        .map(|(_, e)| (*e).clone())
        .collect();
    Ok(EventMatch {
        asked: asked.to_string(),
        event: event.clone(),
        score: best,
        others,
    })
}

/// `label (date)`.
pub fn describe(e: &EventName) -> String {
    match &e.date {
        Some(d) => format!("{} ({d})", e.label),
        None => e.label.clone(),
    }
}

/// The person `asked` names, from `people`: one of their names; else the longest name found
/// within the words (`省委书记林武`); else the one person whose name holds the words.
pub fn match_person(asked: &str, people: &[PersonName]) -> Result<PersonMatch, Error> {
    let words: String = asked.chars().filter(|c| !c.is_whitespace()).collect();
    let exact: Vec<&PersonName> = people
        .iter()
        .filter(|p| p.labels.iter().any(|l| *l == words || l == asked))
        .collect();
    let found = |p: &PersonName, exact: bool| PersonMatch {
        asked: asked.to_string(),
        person: p.clone(),
        exact,
    };
    match exact.as_slice() {
        [p] => return Ok(found(p, true)),
        [_, ..] => return Err(ambiguous(asked, &exact)),
        [] => {}
    }
    // The longest name within the words.
    let within = |p: &PersonName| {
        p.labels
            .iter()
            .filter(|l| l.chars().count() >= 2 && words.contains(l.as_str()))
            .map(|l| l.chars().count())
            .max()
    };
    let longest = people.iter().filter_map(within).max();
    if let Some(n) = longest {
        let hits: Vec<&PersonName> = people.iter().filter(|p| within(p) == Some(n)).collect();
        return match hits.as_slice() {
            [p] => Ok(found(p, false)),
            _ => Err(ambiguous(asked, &hits)),
        };
    }
    if words.chars().count() >= 2 {
        let holding: Vec<&PersonName> = people
            .iter()
            .filter(|p| p.labels.iter().any(|l| l.contains(words.as_str())))
            .collect();
        match holding.as_slice() {
            [p] => return Ok(found(p, false)),
            [_, ..] => return Err(ambiguous(asked, &holding)),
            [] => {}
        }
    }
    // Suggestions: names sharing the most characters with the words.
    let mut near: Vec<(usize, &PersonName)> = people
        .iter()
        .map(|p| (p.label.chars().filter(|c| words.contains(*c)).count(), p))
        .filter(|(n, _)| *n > 0)
        .collect();
    near.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.label.cmp(&b.1.label)));
    Err(Error::NoPerson {
        asked: asked.to_string(),
        nearest: near.iter().take(5).map(|(_, p)| p.label.clone()).collect(),
    })
}

fn ambiguous(asked: &str, people: &[&PersonName]) -> Error {
    let mut names: Vec<String> = people.iter().map(|p| p.label.clone()).collect();
    names.sort();
    names.dedup();
    names.truncate(10);
    Error::AmbiguousPerson {
        asked: asked.to_string(),
        names,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(key: &str, labels: &[&str], date: &str) -> EventName {
        let labels: Vec<String> = labels.iter().map(|s| s.to_string()).collect();
        EventName {
            iri: NamedNode::new_unchecked(format!("https://example.org/{key}")),
            label: labels[0].clone(),
            ordinal: labels.iter().find_map(|l| ordinal_of(l)),
            labels,
            date: Some(date.to_string()),
        }
    }

    fn seed_events() -> Vec<EventName> {
        vec![
            event(
                "58",
                &[
                    "省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议",
                    "省委第五十八次专题会议",
                    "省委第五十八次疫情防控专题会",
                    "省疫情防控工作领导小组会议",
                ],
                "2022-01-04",
            ),
            event(
                "93",
                &[
                    "市疫情防控工作领导小组第九十三次会议",
                    "太原市疫情防控工作领导小组第九十三次会议",
                ],
                "2022-01-04",
            ),
            event(
                "exhibition",
                &["科创百年——建党100周年科技成就科普展", "科创百年"],
                "2022-01-05",
            ),
            event("state1", &["国务院常务会议"], "2022-04-13"),
            event("state2", &["国务院常务会议"], "2022-11-22"),
        ]
    }

    #[test]
    fn meetings_are_found_by_loose_names() {
        let events = seed_events();
        let cases = [
            ("省委第五十八次疫情防控专题会", "58"),
            ("省委第五十八次专题会议", "58"),
            ("省委第58次专题会", "58"),
            ("省委第五十八次疫情防控专题会议", "58"),
            ("市疫情防控工作领导小组第九十三次会议", "93"),
            ("第九十三次会议", "93"),
            ("太原市第93次会议", "93"),
            ("the 58th meeting", "58"),
            ("the fifty-eighth meeting", "58"),
            ("the 93rd meeting of the city leading group", "93"),
            (
                "the 58th special meeting of the provincial party committee",
                "58",
            ),
            ("科创百年", "exhibition"),
            ("建党100周年科技成就展", "exhibition"),
            ("国务院常务会议", "state2"),
            ("2022年4月13日的国务院常务会议", "state1"),
            (
                "the state council executive meeting on 2022-04-13",
                "state1",
            ),
        ];
        for (asked, want) in cases {
            let m = match_event(asked, &events).unwrap_or_else(|e| panic!("{asked}: {e}"));
            assert!(
                m.event.iri.as_str().ends_with(&format!("/{want}")),
                "{asked} → {} ({})",
                m.event.label,
                m.score
            );
        }
        // Two meetings of one name: the latest is taken and the other reported.
        let m = match_event("国务院常务会议", &events).unwrap();
        assert_eq!(m.score, 1.0);
        assert_eq!(m.others.len(), 1);
        assert_eq!(m.others[0].date.as_deref(), Some("2022-04-13"));
    }

    #[test]
    fn wrong_ordinals_and_unrelated_names_match_nothing() {
        let events = seed_events();
        for asked in [
            "省委第五十九次专题会议",
            "the 59th meeting",
            "中央经济工作会议",
            "2023年1月4日的第九十三次会议",
        ] {
            assert!(
                matches!(match_event(asked, &events), Err(Error::NoEvent { .. })),
                "{asked}: {:?}",
                match_event(asked, &events).map(|m| m.event.label)
            );
        }
        let Err(Error::NoEvent { nearest, .. }) = match_event("省委第五十九次专题会议", &events)
        else {
            panic!()
        };
        assert!(nearest[0].contains("第五十八次"), "{nearest:?}");
    }

    #[test]
    fn numerals_round_trip() {
        for n in [
            1, 9, 10, 11, 19, 20, 58, 93, 100, 101, 110, 134, 1000, 1005, 2022,
        ] {
            assert_eq!(parse_number(&chinese_numeral(n)), Some(n), "{n}");
        }
        assert_eq!(chinese_numeral(58), "五十八");
        assert_eq!(chinese_numeral(93), "九十三");
        assert_eq!(chinese_numeral(105), "一百零五");
        assert_eq!(english_ordinal("twentieth"), Some(20));
        assert_eq!(english_ordinal("ninety-third"), Some(93));
        assert_eq!(english_ordinal("58th"), Some(58));
        assert_eq!(english_ordinal("meeting"), None);
    }

    fn person(name: &str) -> PersonName {
        PersonName {
            iri: NamedNode::new_unchecked(format!("https://example.org/p/{name}")),
            label: name.into(),
            labels: vec![name.into()],
        }
    }

    #[test]
    fn people_are_found_by_name_or_within_words() {
        let people: Vec<PersonName> = ["林武", "韦韬", "李强", "李克强", "张新伟"]
            .into_iter()
            .map(person)
            .collect();
        let cases = [
            ("林武", Some("林武")),
            ("省委书记林武", Some("林武")),
            ("林武同志", Some("林武")),
            ("李克强", Some("李克强")),
            ("李克强总理", Some("李克强")),
            ("新伟", Some("张新伟")),
            ("李", None),
            ("王毅", None),
            ("Li Qiang", None),
        ];
        for (asked, want) in cases {
            let got = match_person(asked, &people).ok().map(|m| m.person.label);
            assert_eq!(got.as_deref(), want, "{asked}");
        }
        assert!(matches!(
            match_person("Li Qiang", &people),
            Err(e @ Error::NoPerson { .. }) if e.to_string().contains("Chinese characters")
        ));
    }
}
