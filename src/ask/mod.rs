//! `govkg ask`: questions in Chinese or English about who chaired or attended a meeting, what a
//! person chaired, the posts a person holds, the meetings two people shared and the meetings
//! that relayed another, answered from the store with the date and the sentence behind each
//! answer.
//!
//! A question is taken apart by [`question`], the names in it are found in the store by
//! [`crate::matching`], and the answer comes from one SPARQL query of [`crate::sparql`], kept in the
//! [`Answer`] so that a user can see (`--sparql`) and rerun it.

pub mod question;

use std::io::{self, Write};

use serde::Serialize;

use crate::matching;
use crate::relation::{role_name, role_of_name, Relation};
use crate::sparql::{self, Citations, Evidence, Row, TermLabels};
use crate::store::{write_table, QueryOptions, Store};

pub use matching::{EventMatch, EventName, PersonMatch, PersonName};
pub use question::{Language, Question, FORMS};

/// What can keep a question from being answered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The question is in none of the forms; the message lists them.
    #[error("cannot read the question “{question}”; govkg ask understands these forms (Chinese or English):\n{}", question::forms_text())]
    NotUnderstood { question: String },
    /// A meeting or person it names is not in the store.
    #[error(transparent)]
    NotFound(#[from] matching::Error),
    #[error(transparent)]
    Query(#[from] sparql::Error),
    #[error("cannot write the answer")]
    Write(#[from] io::Error),
}

/// A person (or body) in a role at an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participation {
    pub event: String,
    pub event_label: String,
    pub date: Option<String>,
    pub person: String,
    pub person_label: String,
    /// `chair`, `attendee`, `instructor`, `reporter`, `speaker` or `organizer`.
    pub role: &'static str,
    pub evidence: Evidence,
}

impl Participation {
    fn of(row: &Row) -> Option<Participation> {
        Some(Participation {
            event: row.text("event")?,
            event_label: row.nonempty("eventLabel").unwrap_or_default(),
            date: row.nonempty("date"),
            person: row.text("agent")?,
            person_label: row.nonempty("agentLabel").unwrap_or_default(),
            role: role_name(&row.text("role")?),
            evidence: Evidence::of(row),
        })
    }
}

pub use crate::sparql::PostHeld;

/// An event two people were both present at, with each one's role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedEvent {
    pub event: String,
    pub event_label: String,
    pub date: Option<String>,
    /// One entry per person and role, the first person's first.
    pub roles: Vec<Participation>,
}

/// A meeting that relayed (传达) the one asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relay {
    pub event: String,
    pub event_label: String,
    pub date: Option<String>,
    /// Who chaired the relaying meeting.
    pub chairs: Vec<String>,
    pub evidence: Evidence,
}

/// The answers, by kind of question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Findings {
    Participations(Vec<Participation>),
    Posts(Vec<PostHeld>),
    Shared(Vec<SharedEvent>),
    Relays(Vec<Relay>),
}

impl Findings {
    pub fn len(&self) -> usize {
        match self {
            Findings::Participations(v) => v.len(),
            Findings::Posts(v) => v.len(),
            Findings::Shared(v) => v.len(),
            Findings::Relays(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a name in the question was taken to mean.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Matched {
    Event(EventMatch),
    Person(PersonMatch),
}

/// The answer to a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// The question as asked.
    pub text: String,
    pub language: Language,
    pub question: Question,
    pub matched: Vec<Matched>,
    /// The query that produced the answers; it runs as it is with `govkg query`.
    pub sparql: String,
    pub answers: Findings,
}

/// Answers `text` from the store.
pub fn ask(store: &Store, text: &str) -> Result<Answer, Error> {
    ask_with(store, text, &QueryOptions::default())
}

/// [`ask`] with options for the queries that answer (the server's timeout cancels them).
pub fn ask_with(store: &Store, text: &str, options: &QueryOptions) -> Result<Answer, Error> {
    let (question, language) = question::parse(text).ok_or_else(|| Error::NotUnderstood {
        question: text.trim().to_string(),
    })?;
    let mut events = None;
    let mut people = None;
    let mut event = |asked: &str| -> Result<EventMatch, Error> {
        if events.is_none() {
            events = Some(matching::events(store)?);
        }
        Ok(matching::match_event(
            asked,
            events.as_deref().unwrap_or_default(),
        )?)
    };
    let mut person = |asked: &str| -> Result<PersonMatch, Error> {
        if people.is_none() {
            people = Some(matching::people(store)?);
        }
        Ok(matching::match_person(
            asked,
            people.as_deref().unwrap_or_default(),
        )?)
    };
    let (matched, sparql, answers) = match &question {
        Question::WhoChaired { meeting } | Question::WhoAttended { meeting } => {
            let m = event(meeting)?;
            // A body organising the event is not among who attended it.
            let roles = if matches!(question, Question::WhoChaired { .. }) {
                vec![Relation::Chairs]
            } else {
                Relation::present_at_event()
            };
            let sparql = sparql::participants(m.event.iri.as_ref(), &roles);
            let mut found = participations(store, &sparql, options)?;
            if matches!(question, Question::WhoAttended { .. }) {
                // Attendees first, in the order the article names them; then the other roles.
                let attendee = Relation::Attends.role().map(|r| r.name);
                found.sort_by_key(|p| Some(p.role) != attendee);
            }
            (
                vec![Matched::Event(m)],
                sparql,
                Findings::Participations(found),
            )
        }
        Question::ChairedBy { person: name } => {
            let p = person(name)?;
            let sparql = sparql::participations(p.person.iri.as_ref(), &[Relation::Chairs]);
            let found = participations(store, &sparql, options)?;
            (
                vec![Matched::Person(p)],
                sparql,
                Findings::Participations(found),
            )
        }
        Question::Posts { person: name } => {
            let p = person(name)?;
            let sparql = sparql::posts(Some(p.person.iri.as_ref()));
            let found = sparql::select_with(store, &sparql, options)?
                .iter()
                .filter_map(PostHeld::of)
                .collect();
            (vec![Matched::Person(p)], sparql, Findings::Posts(found))
        }
        Question::SharedMeetings { a, b } => {
            let pa = person(a)?;
            let pb = person(b)?;
            let sparql = sparql::shared_events(pa.person.iri.as_ref(), pb.person.iri.as_ref());
            let rows = participations(store, &sparql, options)?;
            let mut shared: Vec<SharedEvent> = Vec::new();
            for p in rows {
                match shared.iter_mut().find(|s| s.event == p.event) {
                    Some(s) => s.roles.push(p),
                    None => shared.push(SharedEvent {
                        event: p.event.clone(),
                        event_label: p.event_label.clone(),
                        date: p.date.clone(),
                        roles: vec![p],
                    }),
                }
            }
            let first = pa.person.iri.as_str().to_string();
            for s in &mut shared {
                s.roles.sort_by_key(|p| p.person != first);
            }
            (
                vec![Matched::Person(pa), Matched::Person(pb)],
                sparql,
                Findings::Shared(shared),
            )
        }
        Question::Relayed { meeting } => {
            let m = event(meeting)?;
            let sparql = sparql::relays(Some(m.event.iri.as_ref()));
            let found = sparql::select_with(store, &sparql, options)?
                .iter()
                .filter_map(|r| {
                    Some(Relay {
                        event: r.text("event")?,
                        event_label: r.nonempty("eventLabel").unwrap_or_default(),
                        date: r.nonempty("date"),
                        chairs: r
                            .nonempty("chairs")
                            .map(|c| c.split('、').map(str::to_string).collect())
                            .unwrap_or_default(),
                        evidence: Evidence::of(r),
                    })
                })
                .collect();
            (vec![Matched::Event(m)], sparql, Findings::Relays(found))
        }
    };
    Ok(Answer {
        text: text.trim().to_string(),
        language,
        question,
        matched,
        sparql,
        answers,
    })
}

fn participations(
    store: &Store,
    sparql: &str,
    options: &QueryOptions,
) -> Result<Vec<Participation>, Error> {
    Ok(sparql::select_with(store, sparql, options)?
        .iter()
        .filter_map(Participation::of)
        .collect())
}

/// Words of the plain-text answer, in the question's language.
struct Words {
    lang: &'static str,
    meeting: &'static str,
    person: &'static str,
    role: &'static str,
    date: &'static str,
    evidence: &'static str,
    post: &'static str,
    resolved: &'static str,
    body: &'static str,
    attested: &'static str,
    chaired_by: &'static str,
    none: &'static str,
    also: &'static str,
    more: &'static str,
    articles: &'static str,
}

const ZH: Words = Words {
    lang: "zh",
    meeting: "会议",
    person: "人物",
    role: "角色",
    date: "日期",
    evidence: "证据",
    post: "职务",
    resolved: "完整职务",
    body: "机构",
    attested: "见于",
    chaired_by: "主持人",
    none: "（库中没有相关记录）",
    also: "同样匹配",
    more: "请补充日期或机构以区分",
    articles: "篇文章",
};

const EN: Words = Words {
    lang: "en",
    meeting: "meeting",
    person: "person",
    role: "role",
    date: "date",
    evidence: "evidence",
    post: "post",
    resolved: "resolved post",
    body: "body",
    attested: "attested",
    chaired_by: "chaired by",
    none: "(nothing recorded in the store)",
    also: "also matching",
    more: "add a date or the body to choose",
    articles: "articles",
};

impl Answer {
    /// Writes the answer for people: what the names were taken to mean, a table of answers
    /// whose evidence column points to numbered sentences listed below it.
    pub fn write_text(&self, labels: &TermLabels, out: &mut impl Write) -> Result<(), Error> {
        let w = match self.language {
            Language::Zh => &ZH,
            Language::En => &EN,
        };
        for m in &self.matched {
            match m {
                Matched::Event(e) => {
                    let sign = if e.score >= 1.0 { "=" } else { "≈" };
                    writeln!(
                        out,
                        "{}: “{}” {sign} {}",
                        w.meeting,
                        e.asked,
                        matching::describe(&e.event)
                    )?;
                    if !e.others.is_empty() {
                        let shown: Vec<String> =
                            e.others.iter().take(5).map(matching::describe).collect();
                        let more = e.others.len().saturating_sub(shown.len());
                        writeln!(
                            out,
                            "  {} ({}): {}{} — {}",
                            w.also,
                            e.others.len(),
                            shown.join("; "),
                            if more > 0 {
                                format!("; … {more}")
                            } else {
                                String::new()
                            },
                            w.more
                        )?;
                    }
                }
                Matched::Person(p) if !p.exact => {
                    writeln!(out, "{}: “{}” ≈ {}", w.person, p.asked, p.person.label)?;
                }
                Matched::Person(_) => {}
            }
        }
        if self.answers.is_empty() {
            writeln!(out, "{}", w.none)?;
            return Ok(());
        }
        let mut notes = Citations::default();
        let role = |r: &str| -> String {
            role_of_name(r)
                .and_then(|role| labels.get(role.iri, w.lang))
                .unwrap_or(r)
                .to_string()
        };
        let date = |d: &Option<String>| d.clone().unwrap_or_default();
        let h = |cols: &[&str]| -> Vec<String> { cols.iter().map(|c| c.to_string()).collect() };
        let (header, rows): (Vec<String>, Vec<Vec<String>>) = match &self.answers {
            Findings::Participations(found) => match self.question {
                Question::ChairedBy { .. } => (
                    h(&[w.meeting, w.date, w.evidence]),
                    found
                        .iter()
                        .map(|p| {
                            vec![
                                p.event_label.clone(),
                                date(&p.date),
                                notes.cite(&p.evidence),
                            ]
                        })
                        .collect(),
                ),
                _ => (
                    h(&[w.person, w.role, w.date, w.evidence]),
                    found
                        .iter()
                        .map(|p| {
                            vec![
                                p.person_label.clone(),
                                role(p.role),
                                date(&p.date),
                                notes.cite(&p.evidence),
                            ]
                        })
                        .collect(),
                ),
            },
            Findings::Posts(posts) => (
                h(&[w.post, w.resolved, w.body, w.attested, w.evidence]),
                posts
                    .iter()
                    .map(|p| {
                        let attested = match (&p.first, &p.last) {
                            (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
                            (Some(a), _) | (None, Some(a)) => a.clone(),
                            (None, None) => String::new(),
                        };
                        vec![
                            p.post.clone(),
                            p.resolved.clone(),
                            p.body_label.clone().unwrap_or_default(),
                            attested,
                            notes.cite(&p.evidence),
                        ]
                    })
                    .collect(),
            ),
            Findings::Shared(shared) => {
                let names: Vec<String> = self
                    .matched
                    .iter()
                    .filter_map(|m| match m {
                        Matched::Person(p) => Some(p.person.label.clone()),
                        Matched::Event(_) => None,
                    })
                    .collect();
                let mut header = h(&[w.meeting, w.date]);
                header.extend(names.iter().map(|n| format!("{n}: {}", w.role)));
                header.push(w.evidence.to_string());
                let rows = shared
                    .iter()
                    .map(|s| {
                        let mut row = vec![s.event_label.clone(), date(&s.date)];
                        for name in &names {
                            let roles: Vec<String> = s
                                .roles
                                .iter()
                                .filter(|p| &p.person_label == name)
                                .map(|p| role(p.role))
                                .collect();
                            row.push(roles.join("、"));
                        }
                        let mut cites: Vec<String> =
                            s.roles.iter().map(|p| notes.cite(&p.evidence)).collect();
                        cites.dedup();
                        row.push(cites.join(""));
                        row
                    })
                    .collect();
                (header, rows)
            }
            Findings::Relays(relays) => (
                h(&[w.meeting, w.date, w.chaired_by, w.evidence]),
                relays
                    .iter()
                    .map(|r| {
                        vec![
                            r.event_label.clone(),
                            date(&r.date),
                            r.chairs.join("、"),
                            notes.cite(&r.evidence),
                        ]
                    })
                    .collect(),
            ),
        };
        write_table(&header, &rows, out)?;
        Ok(notes.write(w.articles, out)?)
    }
}
