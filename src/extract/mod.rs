//! Extraction: people and their posts, bodies, places, events and the relations between them,
//! found in one article by rules over the lexicons, every one with its evidence.
//!
//! The work for an article goes in two passes over its sentences. The first finds names where
//! the context leaves no doubt (after a title, in a list, before a verb); the second finds the
//! same names again wherever they occur bare (`林武指出`), then bodies, events and relations,
//! sentence by sentence, keeping track of the article's current meeting so that `主持会议`,
//! `出席会议` and `提出具体要求` attach to it.
//!
//! ```
//! use govkg::{extract::extract, lexicon::Lexicon, model::{Article, Date}};
//!
//! let lex = Lexicon::builtin().unwrap();
//! let article = Article {
//!     id: "a1".into(),
//!     text: "省委书记林武主持召开省委第五十八次专题会议。副省长于英杰通报有关情况。".into(),
//!     published: Date::parse("2022-01-04"),
//!     ..Default::default()
//! };
//! let x = extract(&article, &lex);
//! let chairs: Vec<_> = x.facts.iter().filter(|f| f.relation.as_str() == "chairs").collect();
//! assert_eq!(chairs.len(), 1);
//! assert!(x.entities.iter().any(|e| e.label == "于英杰"));
//! ```

mod body;
mod chars;
mod event;
mod frame;
mod person;
mod segment;
pub mod tagger;

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::lexicon::{Lexicon, TitleClass};
use crate::model::{
    Article, Basis, Confidence, Date, Entity, EntityId, EntityKind, Evidence, Extraction, Fact,
    Mention, Node, Post,
};
use crate::relation::Relation;

pub use body::Jurisdiction;
pub use chars::parse_number;

use body::BodySpan;
use chars::Sent;
use event::EventSpan;
use person::PersonSpan;

/// Extracts everything from one article.
pub fn extract(article: &Article, lex: &Lexicon) -> Extraction {
    let chars: Vec<char> = article.text.chars().collect();
    let sents: Vec<Sent> = crate::article::sentences(article)
        .into_iter()
        .map(|s| Sent::new(s.index, &chars, s.start, s.end, lex))
        .filter(|s| !s.is_empty())
        .collect();
    let signed;
    let article = if article.reporters.is_empty() {
        let names = person::closing_signature(&sents, lex);
        if names.is_empty() {
            article
        } else {
            signed = Article {
                reporters: names,
                ..article.clone()
            };
            &signed
        }
    } else {
        article
    };
    let juris = body::infer_jurisdiction(article, &sents, lex);
    let mut b = Builder::new(article, lex, juris);
    if article.date().is_none() {
        b.warnings.push(format!(
            "{}: article {} has no date; its facts stay undated (give --date YYYY-MM-DD)",
            article.origin, article.id
        ));
    }

    // First pass: names the context vouches for.
    let mut known: Vec<String> = article.reporters.clone();
    let mut seen: HashSet<String> = known.iter().cloned().collect();
    for name in &known {
        b.known_basis.insert(name.clone(), Basis::Given);
    }
    let none = person::KnownNames::default();
    let candidates: Vec<person::Candidates> =
        sents.iter().map(|s| person::candidates(s, lex)).collect();
    for (sent, c) in sents.iter().zip(&candidates) {
        for p in person::settle(sent, lex, c.clone(), &none) {
            let basis = b.known_basis.entry(p.name.clone()).or_insert(p.how);
            *basis = basis.best(p.how);
            if seen.insert(p.name.clone()) {
                known.push(p.name);
            }
        }
    }
    // Names the article shows to be places, groups or things (`巴赫穆特方向`) are not known
    // names, and their untitled mentions are no persons.
    let untitled: Vec<&str> = known
        .iter()
        .filter(|n| {
            b.known_basis
                .get(*n)
                .is_some_and(|b| b.is_untitled_name() || *b == Basis::List)
        })
        .map(String::as_str)
        .collect();
    let refuted = person::refuted(&sents, lex, &article.text, &untitled);
    known.retain(|n| !refuted.contains(n));
    // Longer names first, so that a known `王岐山` is found before a known `王岐`.
    known.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    let known = person::KnownNames::new(&known);

    b.reporters(&sents);
    // A headline given apart from the text (a JSON Lines `title`) names the meeting that the
    // lead then calls `会议`.
    let title = article.title.trim();
    if !title.is_empty() && !article.text.contains(title) {
        b.current = b.headline_event();
    }
    for (sent, c) in sents.iter().zip(candidates) {
        let mut people = person::settle(sent, lex, c, &known);
        people.retain(|p| {
            !refuted.contains(&p.name)
                || matches!(p.how, Basis::Given | Basis::Titled | Basis::NameTitle)
        });
        let taken: Vec<(usize, usize)> = people.iter().map(|p| (p.start, p.end)).collect();
        let bodies = body::find(sent, lex, &taken);
        let mut taken_all = taken.clone();
        taken_all.extend(bodies.iter().map(|b| (b.start, b.end)));
        let events = event::find(sent, lex, &bodies, &taken);
        b.sentence(sent, &people, &bodies, &events);
    }
    b.finish()
}

/// Collects the entities, mentions and facts of one article.
struct Builder<'a> {
    article: &'a Article,
    lex: &'a Lexicon,
    juris: Jurisdiction,
    qualifiers: Vec<String>,
    entities: BTreeMap<EntityId, Entity>,
    mentions: Vec<Mention>,
    facts: Vec<Fact>,
    warnings: Vec<String>,
    /// The meeting (or other event) the article is about at this point.
    current: Option<EntityId>,
    /// The meetings held together with `current` when a list named them (`A和B在海口召开`),
    /// `current` first; it applies while `current` is its first.
    current_group: Vec<EntityId>,
    /// The last exhibition named, for `主题展` and the like.
    current_exhibition: Option<EntityId>,
    /// The last venue named, for `大厦已入驻……`.
    last_venue: Option<EntityId>,
    /// Building whose tenants (`入驻企业`) developed a product, with the product's words.
    tenant_products: Vec<(EntityId, String, Option<EntityId>)>,
    /// Bodies that developed a product, with the product's words.
    product_makers: Vec<(Vec<EntityId>, String, Evidence)>,
    /// Events whose date a sentence gave (rather than the article's).
    dated_explicitly: std::collections::HashSet<EntityId>,
    /// The meeting the headline names, once read (`None` until then).
    headline_meeting: Option<Option<EntityId>>,
    /// The best cue each name was found by before names were known: what a later bare
    /// mention of it ([`Basis::Known`]) is as sure as.
    known_basis: HashMap<String, Basis>,
}

impl<'a> Builder<'a> {
    fn new(article: &'a Article, lex: &'a Lexicon, juris: Jurisdiction) -> Builder<'a> {
        Builder {
            article,
            lex,
            juris,
            qualifiers: lex.qualifiers().to_vec(),
            entities: BTreeMap::new(),
            mentions: Vec::new(),
            facts: Vec::new(),
            warnings: Vec::new(),
            current: None,
            current_group: Vec::new(),
            current_exhibition: None,
            last_venue: None,
            tenant_products: Vec::new(),
            product_makers: Vec::new(),
            dated_explicitly: std::collections::HashSet::new(),
            headline_meeting: None,
            known_basis: HashMap::new(),
        }
    }

    fn evidence(&self, sent: &Sent) -> Evidence {
        let (start, end) = sent.span(0, sent.len());
        Evidence {
            article: self.article.id.clone(),
            sentence: sent.index,
            text: sent.text.clone(),
            start,
            end,
        }
    }

    /// The entity with this id, created with `label` if new, found (again) by `basis`.
    fn entity(&mut self, id: EntityId, label: &str, basis: Basis) -> &mut Entity {
        let article = self.article.id.clone();
        let e = self.entities.entry(id.clone()).or_insert_with(|| {
            let mut e = Entity::new(id, label);
            e.basis = basis;
            e
        });
        e.basis = e.basis.best(basis);
        e.articles.insert(article);
        e
    }

    fn mention(&mut self, id: &EntityId, sent: &Sent, a: usize, b: usize) {
        if sent.index == HEADLINE_APART {
            return;
        }
        let (start, end) = sent.span(a, b);
        if self
            .mentions
            .iter()
            .rev()
            .take_while(|m| m.sentence == sent.index)
            .any(|m| &m.entity == id && m.start == start && m.end == end)
        {
            return;
        }
        self.mentions.push(Mention {
            entity: id.clone(),
            article: self.article.id.clone(),
            sentence: sent.index,
            text: sent.slice(a, b),
            start,
            end,
        });
    }

    fn fact(
        &mut self,
        subject: Node,
        relation: Relation,
        object: Node,
        trigger: &str,
        sent: &Sent,
    ) {
        if subject == object || sent.index == HEADLINE_APART {
            return;
        }
        // What a person does at the current meeting of a list held together, they do at each.
        if let Node::Entity(o) = &object {
            if relation.is_presence()
                && self.current.as_ref() == Some(o)
                && self.current_group.first() == Some(o)
            {
                let others: Vec<EntityId> = self.current_group[1..].to_vec();
                for other in others {
                    self.push_fact(
                        subject.clone(),
                        relation,
                        Node::Entity(other),
                        trigger,
                        sent,
                    );
                }
            }
        }
        self.push_fact(subject, relation, object, trigger, sent);
    }

    fn push_fact(
        &mut self,
        subject: Node,
        relation: Relation,
        object: Node,
        trigger: &str,
        sent: &Sent,
    ) {
        let date = match &object {
            Node::Entity(id) if id.kind.is_event() => self
                .entities
                .get(id)
                .and_then(|e| e.date)
                .or(self.article.date()),
            _ => self.article.date(),
        };
        let fact = Fact {
            subject,
            relation,
            object,
            trigger: trigger.to_string(),
            date,
            evidence: self.evidence(sent),
            // Lowered by `finish` to its less sure end's once every entity of the article is
            // known.
            confidence: if relation.is_presence() && frame::announces(sent, trigger) {
                Confidence::ANNOUNCED
            } else {
                Confidence::FULL
            },
        };
        // The same fact stated in the headline and again in the body keeps both evidences.
        if !self.facts.iter().any(|f| {
            f.subject == fact.subject
                && f.relation == fact.relation
                && f.object == fact.object
                && f.evidence.sentence == fact.evidence.sentence
        }) {
            self.facts.push(fact);
        }
    }

    /// Reporters of the byline: people, with `reports_for` the article.
    fn reporters(&mut self, sents: &[Sent]) {
        for name in self.article.reporters.clone() {
            let id = EntityId::new(EntityKind::Person, name.as_str());
            self.entity(id.clone(), &name, Basis::Given);
            let byline = sents.iter().find(|s| s.text.contains(name.as_str()));
            if let Some(sent) = byline {
                let pos = sent.text[..sent.text.find(name.as_str()).unwrap_or(0)]
                    .chars()
                    .count();
                self.mention(&id, sent, pos, pos + name.chars().count());
                self.fact(
                    Node::Entity(id),
                    Relation::ReportsFor,
                    Node::Article(self.article.id.clone()),
                    "",
                    sent,
                );
            }
        }
    }

    /// A person and their posts.
    fn person(&mut self, sent: &Sent, p: &PersonSpan, bodies: &[BodySpan]) -> EntityId {
        let id = EntityId::new(EntityKind::Person, p.name.as_str());
        let basis = match p.how {
            Basis::Known => self.known_basis.get(&p.name).copied().unwrap_or(p.how),
            how => how,
        };
        self.entity(id.clone(), &p.name, basis);
        self.mention(&id, sent, p.start, p.end);
        for post in &p.posts {
            if post.class != TitleClass::Post {
                continue;
            }
            let written = sent.slice(post.start, post.end);
            let resolved = self.juris.resolve(&written, self.lex);
            let before_title = sent.slice(post.start, post.title_start);
            let org_written = if post.title_start > post.start {
                // A country or a division before a title (`俄罗斯总统`) is a place, and a name
                // before one (`习近平主席特使`) a person: neither is the post's body.
                let place = sent.found.iter().any(|f| {
                    f.cue.is_place() && f.start == post.start && f.end == post.title_start
                });
                let person = self
                    .entities
                    .contains_key(&EntityId::new(EntityKind::Person, before_title.as_str()));
                if place || person {
                    implied_body(&post.title, post.implied_body.as_deref()).map(|w| (w, false))
                } else {
                    Some((before_title, true))
                }
            } else {
                implied_body(&post.title, post.implied_body.as_deref()).map(|w| (w, false))
            };
            let organization = org_written.map(|(w, in_text)| {
                // Words before a title that the sentence's bodies also name are as sure as
                // that body; other words there are often no body at all (`欢迎法国`, `意大利前`).
                let basis = if in_text {
                    bodies
                        .iter()
                        .find(|b| b.start == post.start && b.end == post.title_start)
                        .map_or(Basis::PostBody, |b| b.basis)
                } else {
                    Basis::ImpliedBody
                };
                let org = self.body_named(&w, basis);
                if in_text {
                    self.mention(&org, sent, post.start, post.title_start);
                }
                org
            });
            let post = Post {
                written,
                resolved,
                role: post.title.clone(),
                organization,
                date: self.article.date(),
                evidence: self.evidence(sent),
            };
            let e = self.entities.get_mut(&id).expect("person just added");
            if !e.posts.iter().any(|q| q.resolved == post.resolved) {
                e.posts.push(post);
            }
        }
        id
    }

    /// The body a name written in this article stands for.
    fn body_named(&mut self, written: &str, basis: Basis) -> EntityId {
        let resolved = self.juris.resolve(written, self.lex);
        let key = body::key(&resolved, self.lex, &self.qualifiers);
        let id = EntityId::new(EntityKind::Organization, key.as_str());
        let e = self.entity(id.clone(), &key, basis);
        e.add_alias(written);
        e.add_alias(&resolved);
        id
    }

    /// The place a site's name written in this article stands for: keyed as a body is
    /// (`该区体育场` → `晋源区体育场`), typed as the place it is.
    fn site_named(&mut self, written: &str) -> EntityId {
        let resolved = self.juris.resolve(written, self.lex);
        let key = body::key(&resolved, self.lex, &self.qualifiers);
        let id = EntityId::new(EntityKind::Place, key.as_str());
        let e = self.entity(id.clone(), &key, Basis::Place);
        e.add_alias(written);
        e.add_alias(&resolved);
        id
    }

    fn sentence(
        &mut self,
        sent: &Sent,
        people: &[PersonSpan],
        bodies: &[BodySpan],
        events: &[EventSpan],
    ) {
        let people: Vec<(PersonSpan, EntityId)> = people
            .iter()
            .map(|p| (p.clone(), self.person(sent, p, bodies)))
            .collect();
        let bodies: Vec<(BodySpan, EntityId)> = bodies
            .iter()
            .map(|b| {
                let written = sent.slice(b.start, b.end);
                let id = if b.kind == crate::lexicon::BodyKind::Site {
                    self.site_named(&written)
                } else {
                    self.body_named(&written, b.basis)
                };
                self.mention(&id, sent, b.start, b.end);
                if b.kind.is_venue() {
                    self.last_venue = Some(id.clone());
                }
                (*b, id)
            })
            .collect();
        self.places(sent, &people, &bodies, events);
        frame::sentence(self, sent, &people, &bodies, events);
    }

    /// Divisions named outside other names are places.
    fn places(
        &mut self,
        sent: &Sent,
        people: &[(PersonSpan, EntityId)],
        bodies: &[(BodySpan, EntityId)],
        events: &[EventSpan],
    ) {
        let taken: Vec<(usize, usize)> = people
            .iter()
            .map(|(p, _)| (p.start, p.end))
            .chain(bodies.iter().map(|(b, _)| (b.start, b.end)))
            .chain(events.iter().map(|e| (e.start, e.end)))
            .collect();
        let mut last_end = 0;
        for f in &sent.found {
            if !f.cue.is_place() {
                continue;
            }
            if f.start < last_end || taken.iter().any(|&(a, b)| a < f.end && f.start < b) {
                continue;
            }
            // A two-character name whose first character ends a word and whose last starts
            // one is those two words (`重|大理|念` is 重大 理念, `最|大同|比` 最大 同比), when the
            // segmenter reads them so too.
            if f.end - f.start == 2
                && f.start > 0
                && f.end < sent.len()
                && self.lex.is_word(&sent.slice(f.start - 1, f.start + 1))
                && self.lex.is_word(&sent.slice(f.end - 1, f.end + 1))
                && sent.word_across(f.start).is_some()
                && sent.word_across(f.end - 1).is_none()
            {
                continue;
            }
            // The longest division name at this place.
            let longer = sent.found_between(f.end, f.start + 1).iter().any(|g| {
                g.cue.is_place()
                    && g.start <= f.start
                    && g.end >= f.end
                    && (g.end - g.start) > (f.end - f.start)
            });
            if longer {
                continue;
            }
            let name = match f.cue {
                crate::lexicon::Cue::Division(d) => self.lex.division(d).name.clone(),
                crate::lexicon::Cue::Abroad(a) => self.lex.abroad[a].canonical.clone(),
                _ => continue,
            };
            let id = EntityId::new(EntityKind::Place, name.as_str());
            let written = sent.slice(f.start, f.end);
            self.entity(id.clone(), &name, Basis::Place)
                .add_alias(&written);
            self.mention(&id, sent, f.start, f.end);
            last_end = f.end;
        }
    }

    /// The entity for an event named in a sentence (or the current one for a bare head).
    fn event(&mut self, sent: &Sent, ev: &EventSpan) -> Option<EntityId> {
        if ev.anaphoric {
            let current = if ev.kind == EntityKind::Exhibition {
                self.current_exhibition.clone()
            } else {
                self.current.clone()
            };
            // `会议` is whatever meeting the article is about; a more specific head refers
            // back only to an event of its kind (`结业式` is not the `开班式` before it, nor
            // `招待会` the congress).
            let fits = |id: &EntityId| {
                let head = ev.label.strip_suffix('议').unwrap_or(&ev.label);
                // An exhibition's article names one exhibition (`主题展` is the `科普展`).
                ev.kind == EntityKind::Exhibition
                    || GENERIC_HEADS.contains(&ev.label.as_str())
                    || self.entities.get(id).is_some_and(|e| {
                        let label = e.label.strip_suffix('议').unwrap_or(&e.label);
                        label.ends_with(head)
                    })
            };
            match current {
                Some(id) if fits(&id) => {
                    self.mention(&id, sent, ev.start, ev.end);
                    return Some(id);
                }
                // A bare head that refers to no meeting named before is not one: never an
                // event named `大会` or `开幕式` alone.
                _ => return None,
            }
        }
        let date = explicit_day(sent, ev.start, self.article).or(self.article.date());
        let first = &ev.parts[0];
        // An organiser written with a level word the article's jurisdiction does not resolve
        // (`市政府` of an unknown city) says little: its numbered meetings stay on their day.
        let mut unresolved = false;
        let organizer_key = first.organizer.map(|(a, b)| {
            let w = sent.slice(a, b);
            let resolved = self.juris.resolve(&w, self.lex);
            unresolved = resolved == w && w.starts_with(LEVEL_WORDS);
            body::key(&resolved, self.lex, &self.qualifiers)
        });
        let day_scope = || match date {
            Some(d) => format!("@{d}"),
            None => format!("@{}", self.article.id),
        };
        // A session's key: its body's key and its numbers.
        let session_of = |label: &str| {
            session_key(label).map(|(org, rest)| {
                let resolved = self.juris.resolve(&org, self.lex);
                format!("{}{rest}", body::key(&resolved, self.lex, &self.qualifiers))
            })
        };
        let session = session_of(&ev.label);
        // A meeting of a session (`…一次会议主席团第四次会议`, `…第二次会议第二次全体会议`) is
        // keyed by the session's key and what it is of the session, as the session is.
        let of_session = ev.session.and_then(|(ss, se)| {
            let written = sent.slice(ss, se);
            let rest = ev.label.strip_prefix(written.as_str())?;
            let base = session_of(&written)?;
            let organ = rest.split('第').next().unwrap_or("");
            Some(match first.ordinal {
                Some(n) => format!("{base}{organ}第{n}次{}", first.head),
                None => format!("{base}{rest}"),
            })
        });
        let key = match (first.ordinal, &organizer_key) {
            _ if of_session.is_some() => of_session.clone().unwrap_or_default(),
            _ if ev.parts.len() == 1 && session.is_some() => session.clone().unwrap_or_default(),
            (Some(n), Some(org)) if unresolved => {
                format!("{org}第{n}次{}{}", first.head, day_scope())
            }
            (Some(n), Some(org)) => format!("{org}第{n}次{}", first.head),
            (Some(n), None) => {
                let before: String = first.text.split('第').next().unwrap_or("").to_string();
                let before = self.juris.resolve(&before, self.lex);
                // Without its body a number says little (every city's government holds a
                // 28th executive meeting): such a meeting is the article's, on its day.
                let scope = if before.is_empty() {
                    day_scope()
                } else {
                    String::new()
                };
                format!("{before}第{n}次{}{scope}", first.head)
            }
            (None, _) => {
                let resolved = self.juris.resolve(&ev.label, self.lex);
                let k = body::key(&resolved, self.lex, &self.qualifiers);
                // A session named by its term and number (`十四届全国人大一次会议`), or an
                // edition of a series (`第三届“一带一路”国际合作高峰论坛`), is one event however
                // many days report it.
                if ev.kind == EntityKind::Exhibition
                    || is_session(&ev.label)
                    || is_edition(&ev.label)
                {
                    k
                } else {
                    match date {
                        // A summit is one event over the days it lasts, reported on each.
                        Some(d) if MONTHLY_HEADS.iter().any(|h| ev.label.ends_with(h)) => {
                            format!("{k}@{}-{:02}", d.year, d.month)
                        }
                        _ => format!("{k}{}", day_scope()),
                    }
                }
            }
        };
        let id = EntityId::new(ev.kind, key);
        let resolved_label = self.juris.resolve(&ev.label, self.lex);
        let basis = if first.ordinal.is_some()
            || is_session(&ev.label)
            || session.is_some()
            || of_session.is_some()
        {
            Basis::NumberedMeeting
        } else if first.organizer.is_some() || anchored_at(sent, ev.start) {
            Basis::AnchoredEvent
        } else {
            Basis::NamedEvent
        };
        let e = self.entity(id.clone(), &ev.label, basis);
        if ev.label.chars().count() > e.label.chars().count() {
            let old = std::mem::replace(&mut e.label, ev.label.clone());
            e.aliases.insert(old);
            e.aliases.remove(&ev.label);
        } else {
            e.add_alias(&ev.label);
        }
        e.add_alias(&resolved_label);
        if ev.parts.len() > 1 {
            for p in &ev.parts {
                e.add_alias(&p.text);
            }
        }
        if ev.kind == EntityKind::Exhibition {
            for piece in ev.label.split("——") {
                if piece.chars().count() >= 4 {
                    e.add_alias(piece);
                }
            }
        }
        e.ordinal = e.ordinal.or(first.ordinal);
        let _ = date;
        self.mention(&id, sent, ev.start, ev.end);
        // Organisers written at the start of each part.
        for p in &ev.parts {
            if let Some((a, b)) = p.organizer {
                let org = self.body_named(&sent.slice(a, b), Basis::Organizer);
                self.fact(
                    Node::Entity(org),
                    Relation::Organizes,
                    Node::Entity(id.clone()),
                    "",
                    sent,
                );
            }
        }
        Some(id)
    }

    /// The meeting the article's headline names: its first event that is not one relayed
    /// (`市委常委会（扩大）会议传达贯彻省两会精神` names the standing committee's meeting).
    /// Nothing when the headline names none: a headline is no meeting's name by itself.
    fn headline_event(&mut self) -> Option<EntityId> {
        // Asked at the start and again by every `主持会议` that finds no meeting: read once.
        if let Some(read) = &self.headline_meeting {
            return read.clone();
        }
        let read = self.read_headline_event();
        self.headline_meeting = Some(read.clone());
        read
    }

    fn read_headline_event(&mut self) -> Option<EntityId> {
        let chars: Vec<char> = self.article.title.trim().chars().collect();
        if chars.is_empty() {
            return None;
        }
        let sent = Sent::new(HEADLINE_APART, &chars, 0, chars.len(), self.lex);
        if sent.is_empty() {
            return None;
        }
        let people = person::find(&sent, self.lex, &person::KnownNames::default());
        let taken: Vec<(usize, usize)> = people.iter().map(|p| (p.start, p.end)).collect();
        let bodies = body::find(&sent, self.lex, &taken);
        let events = event::find(&sent, self.lex, &bodies, &taken);
        let relayed = |start: usize| {
            sent.found.iter().any(|f| {
                matches!(
                    f.cue,
                    crate::lexicon::Cue::Trigger(crate::lexicon::Trigger::Relation(
                        Relation::Relays
                    ))
                ) && f.end <= start
                    && start - f.end <= 2
            })
        };
        let ev = events
            .iter()
            .find(|e| !e.anaphoric && e.kind == EntityKind::Meeting && !relayed(e.start))?;
        self.event(&sent, ev)
    }

    /// Dates an event when a sentence reports it happening: a day written in the sentence
    /// (`18日主持召开`) wins over the article's date, which a headline gives.
    fn date_event(&mut self, id: &EntityId, sent: &Sent, at: usize) {
        let explicit = explicit_day(sent, at, self.article);
        let Some(e) = self.entities.get_mut(id) else {
            return;
        };
        match explicit {
            Some(d) if !self.dated_explicitly.contains(id) => {
                e.date = Some(d);
                self.dated_explicitly.insert(id.clone());
            }
            _ if e.date.is_none() => e.date = self.article.date(),
            _ => {}
        }
    }

    fn finish(mut self) -> Extraction {
        frame::resolve_products(&mut self);
        merge_headline_exhibitions(&mut self);
        merge_unowned_ordinals(&mut self);
        merge_shortened_meetings(&mut self);
        let sure = |n: &Node| match n {
            Node::Entity(id) => self
                .entities
                .get(id)
                .map_or(Confidence::FULL, Entity::confidence),
            Node::Article(_) => Confidence::FULL,
        };
        let confidences: Vec<Confidence> = self
            .facts
            .iter()
            .map(|f| sure(&f.subject).min(sure(&f.object)))
            .collect();
        for (f, c) in self.facts.iter_mut().zip(confidences) {
            f.confidence = f.confidence.min(c);
        }
        Extraction {
            article: self.article.clone(),
            entities: self.entities.into_values().collect(),
            mentions: self.mentions,
            facts: self.facts,
            warnings: self.warnings,
        }
    }
}

/// Whether a name starting at `i` starts with a place, a body or a scope (`全省`, `全区`):
/// what names a meeting after whom it belongs to.
fn anchored_at(sent: &Sent, i: usize) -> bool {
    let known = sent
        .cues_starting_at(i)
        .any(|f| f.cue.is_place() || matches!(f.cue, crate::lexicon::Cue::Body(_)));
    let scope = sent.char_at(i) == Some('全')
        && sent
            .char_at(i + 1)
            .is_some_and(|c| LEVEL_WORDS.contains(&c) || c == '国');
    known || scope || sent.char_at(i).is_some_and(|c| LEVEL_WORDS.contains(&c))
}

/// The level words a body's name starts with when written in short (`市政府`, `县委`).
const LEVEL_WORDS: [char; 9] = ['省', '市', '县', '区', '州', '旗', '盟', '镇', '乡'];

/// The index of a headline read apart from the text: it names events but gives no spans.
const HEADLINE_APART: usize = usize::MAX;

/// Bare heads that refer to the article's meeting whatever its kind (the `大会` of a congress,
/// the `全体会议` or `分组会议` of a session, the `扩大会议` of a standing committee).
pub(super) const GENERIC_HEADS: [&str; 11] = [
    "会议",
    "会",
    "此次会议",
    "大会",
    "全会",
    "全体会议",
    "分组会议",
    "扩大会议",
    "工作会议",
    "视频会议",
    "电视电话会议",
];

/// The body of a bare post (`省长` → `省人民政府`): the level word of the title with the
/// implied body's suffix.
fn implied_body(title: &str, implied: Option<&str>) -> Option<String> {
    let implied = implied?;
    let bare = ["常务副", "副", "代"]
        .iter()
        .find_map(|p| title.strip_prefix(p))
        .unwrap_or(title);
    let level = [
        "自治区",
        "省",
        "市",
        "县",
        "区",
        "州",
        "旗",
        "盟",
        "镇",
        "乡",
    ]
    .iter()
    .find(|l| bare.starts_with(*l))?;
    Some(format!("{level}{implied}"))
}

/// Words for a day relative to the article's date, with how many days before it they mean.
const RELATIVE_DAYS: [(&str, u32); 5] = [
    ("今天", 0),
    ("今日", 0),
    ("昨天", 1),
    ("昨日", 1),
    ("前天", 2),
];

/// A day written just before `at` in the sentence (`18日主持召开`, `1月4日，`, `昨天`),
/// resolved: calendar days against the publication date, relative ones against the article's
/// date (a dateline's `5月8日讯` makes `昨天` the 7th).
fn explicit_day(sent: &Sent, at: usize, article: &Article) -> Option<Date> {
    let published = article.published?;
    // Look for `N日` or `M月N日` anywhere before `at` in the same sentence.
    let mut best = None;
    let mut i = 0;
    while i < at.min(sent.len()) {
        if let Some(&(_, n)) = RELATIVE_DAYS.iter().find(|(w, _)| sent.has_at(i, w)) {
            best = article.date().map(|d| d.days_before(n));
            i += 2;
            continue;
        }
        if sent.chars[i] == '日' && i > 0 {
            let mut j = i;
            while j > 0 && chars::is_numeral(sent.chars[j - 1]) {
                j -= 1;
            }
            if j < i {
                let day = parse_number(&sent.slice(j, i));
                let (month, year) = if j > 1 && sent.chars[j - 1] == '月' {
                    let mut k = j - 1;
                    while k > 0 && chars::is_numeral(sent.chars[k - 1]) {
                        k -= 1;
                    }
                    (
                        parse_number(&sent.slice(k, j - 1)),
                        year_before(sent, k, published),
                    )
                } else {
                    (None, None)
                };
                best = match (month, day) {
                    (Some(m), Some(d)) if m <= 12 && d <= 31 => match year {
                        Some(y) => Date::new(y, m as u8, d as u8),
                        None => Date::resolve_month_day(published, m as u8, d as u8),
                    },
                    (None, Some(d)) if (1..=31).contains(&d) => {
                        Date::resolve_day(published, d as u8)
                    }
                    _ => best,
                };
            }
        }
        i += 1;
    }
    best
}

/// The year written before the month that starts at `k`: `2022年`, `二〇二二年`, or one
/// relative to publication (`去年`, `今年`, `明年`).
fn year_before(sent: &Sent, k: usize, published: Date) -> Option<i32> {
    if k >= 2 {
        let relative = [("去年", -1), ("今年", 0), ("明年", 1)];
        if let Some(&(_, n)) = relative.iter().find(|(w, _)| sent.has_at(k - 2, w)) {
            return Some(published.year + n);
        }
    }
    if k < 2 || sent.chars[k - 1] != '年' {
        return None;
    }
    let mut y = k - 1;
    while y > 0 && chars::is_numeral(sent.chars[y - 1]) {
        y -= 1;
    }
    let year = parse_number(&sent.slice(y, k - 1))?;
    // Four digits: `十年` or `5年` before a month is a span of years, not a year.
    (k - 1 - y == 4 && (1900..=2100).contains(&year)).then_some(year as i32)
}

/// An exhibition named in a headline in short (`建党百年科技成就展`) and in the body in full
/// (`“科创百年——建党100周年科技成就科普展”`) is one exhibition: merge those sharing four
/// characters in a row.
fn merge_headline_exhibitions(b: &mut Builder<'_>) {
    let ids: Vec<EntityId> = b
        .entities
        .keys()
        .filter(|id| id.kind == EntityKind::Exhibition)
        .cloned()
        .collect();
    if ids.len() < 2 {
        return;
    }
    let shares = |a: &str, c: &str| {
        let a: Vec<char> = a.chars().collect();
        a.windows(4)
            .any(|w| c.contains(&w.iter().collect::<String>()))
    };
    for i in 0..ids.len() {
        for j in 0..ids.len() {
            if i == j || !b.entities.contains_key(&ids[i]) || !b.entities.contains_key(&ids[j]) {
                continue;
            }
            let (li, lj) = (&b.entities[&ids[i]].label, &b.entities[&ids[j]].label);
            // Keep the longer name; the shorter one becomes its alias.
            if li.chars().count() >= lj.chars().count() && shares(lj, li) {
                merge_into(b, &ids[j], &ids[i]);
            }
        }
    }
}

/// A numbered meeting written without its body (`杭州市召开第十次全市生态环境保护大会` in a
/// headline, where the body is the subject of `召开`) is the article's meeting of that number
/// and kind written with its body (`杭州市第十次生态环境保护大会`), when there is exactly one.
fn merge_unowned_ordinals(b: &mut Builder<'_>) {
    let unowned: Vec<EntityId> = b
        .entities
        .keys()
        .filter(|id| id.kind == EntityKind::Meeting && id.key.starts_with('第'))
        .cloned()
        .collect();
    for from in unowned {
        let own = from.key.split('@').next().unwrap_or_default();
        if let Some(to) = sole_other_meeting(b, &from, |id, _| id.key.ends_with(own)) {
            merge_into(b, &from, &to);
        }
    }
}

/// The one meeting of the article other than `from` that `fits`, if exactly one does.
fn sole_other_meeting(
    b: &Builder<'_>,
    from: &EntityId,
    fits: impl Fn(&EntityId, &Entity) -> bool,
) -> Option<EntityId> {
    let mut found = b
        .entities
        .iter()
        .filter(|(id, e)| id.kind == EntityKind::Meeting && *id != from && fits(id, e));
    let (first, _) = found.next()?;
    found.next().is_none().then(|| first.clone())
}

/// A meeting named without its body in one place (`全体干部学习会`) and with it in another
/// (`市政协全体干部学习会`, the headline's) is one meeting of the article: a meeting scoped to
/// its day whose name ends exactly one longer meeting's name merges into it.
fn merge_shortened_meetings(b: &mut Builder<'_>) {
    let scoped: Vec<EntityId> = b
        .entities
        .keys()
        .filter(|id| id.kind == EntityKind::Meeting && id.key.contains('@'))
        .cloned()
        .collect();
    for from in scoped {
        let Some((short, ordinal)) = b.entities.get(&from).map(|e| (e.label.clone(), e.ordinal))
        else {
            continue;
        };
        if short.chars().count() < 4 {
            continue;
        }
        let short = event::without_numbers(&short);
        let longer = sole_other_meeting(b, &from, |_, e| {
            event::without_numbers(&e.label).ends_with(short.as_str())
                && (ordinal.is_none() || e.ordinal == ordinal)
                && e.label.len() > short.len()
        });
        if let Some(to) = longer {
            merge_into(b, &from, &to);
        }
    }
}

/// Whether a meeting's name gives its term and its number in the term (`十四届…一次会议`,
/// `省政协十三届四次会议`), which name one session whatever day reports it.
fn is_session(label: &str) -> bool {
    let chars: Vec<char> = label.chars().collect();
    let numbered = |mark: char| {
        chars
            .iter()
            .enumerate()
            .any(|(i, &c)| c == mark && i > 0 && chars::is_numeral(chars[i - 1]))
    };
    numbered('届') && numbered('次')
}

/// Heads of events held over several days and once a month at most under one name
/// (`中国—中亚峰会` of 18 and 19 May 2023; the European Union's summits are quarterly): such an
/// event with no edition number is keyed by its month, not its day.
const MONTHLY_HEADS: [&str; 1] = ["峰会"];

/// Whether a name gives its edition in a series (`第三届…论坛`, `第18届东亚峰会`): one event
/// over the days it lasts, as each edition has its own number.
fn is_edition(label: &str) -> bool {
    let chars: Vec<char> = label.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        c == '第' && {
            let mut j = i + 1;
            while j < chars.len() && (chars::is_numeral(chars[j]) || chars[j].is_ascii_digit()) {
                j += 1;
            }
            j > i + 1 && chars.get(j) == Some(&'届')
        }
    })
}

/// A session's name in two: the body that holds it and the rest, in one form whichever way it
/// is written: `十四届全国人大一次会议` and `第十四届全国人民代表大会第一次会议` are
/// (`全国人大`, `14届1次会议`) and (`全国人民代表大会`, `14届1次会议`), so that both get one key.
/// `None` unless the name is a term's number, a session's number and a head, once each.
fn session_key(label: &str) -> Option<(String, String)> {
    // `二十届二中全会` is the Central Committee's second plenary of the twentieth term, the
    // `第二次全体会议` of `中国共产党第二十届中央委员会`.
    if let Some(stem) = label.strip_suffix("中全会") {
        let chars: Vec<char> = stem.chars().collect();
        let term_end = chars.iter().position(|&c| c == '届')?;
        let numerals = |r: &[char]| !r.is_empty() && r.iter().all(|&c| chars::is_numeral(c));
        let session_chars = &chars[term_end + 1..];
        if !numerals(session_chars) {
            return None;
        }
        let mut a = term_end;
        while a > 0 && chars::is_numeral(chars[a - 1]) {
            a -= 1;
        }
        let term = chars::parse_number(&chars[a..term_end].iter().collect::<String>())?;
        let session = chars::parse_number(&session_chars.iter().collect::<String>())?;
        let party: String = chars[..a].iter().collect();
        let party = party.strip_suffix('第').unwrap_or(&party);
        let body = match party {
            "" | "党的" | "中共" | "中国共产党" => "中国共产党中央委员会".to_string(),
            p => format!("{p}中央委员会"),
        };
        return Some((body, format!("{term}届{session}次全会")));
    }
    let chars: Vec<char> = label.chars().collect();
    // The numerals (and a `第` before them) that end at `mark`'s only place, and their value.
    let number_before = |mark: char| -> Option<(usize, usize, u32)> {
        let mut at = chars.iter().enumerate().filter(|(_, &c)| c == mark);
        let (i, _) = at.next()?;
        if at.next().is_some() {
            return None;
        }
        let mut a = i;
        while a > 0 && chars::is_numeral(chars[a - 1]) {
            a -= 1;
        }
        let n = chars::parse_number(&chars[a..i].iter().collect::<String>())?;
        let a = if a > 0 && chars[a - 1] == '第' {
            a - 1
        } else {
            a
        };
        Some((a, i, n))
    };
    let (ta, ti, term) = number_before('届')?;
    let (sa, si, session) = number_before('次')?;
    if si < ti || si + 1 >= chars.len() {
        return None;
    }
    let head: String = chars[si + 1..].iter().collect();
    // A committee's plenary is its `全会`, however written.
    let head = if head == "全体会议" {
        "全会".to_string()
    } else {
        head
    };
    let body: String = chars[..ta].iter().chain(&chars[ti + 1..sa]).collect();
    if body.is_empty() {
        return None;
    }
    Some((body, format!("{term}届{session}次{head}")))
}

/// Merges entity `from` into `to`: its names become aliases, its date fills a missing one,
/// and everything said of it is said of `to`.
fn merge_into(b: &mut Builder<'_>, from: &EntityId, to: &EntityId) {
    let gone = b.entities.remove(from).expect("present");
    let keep = b.entities.get_mut(to).expect("present");
    keep.add_alias(&gone.label);
    for a in gone.aliases {
        keep.add_alias(&a);
    }
    keep.date = keep.date.or(gone.date);
    keep.basis = keep.basis.best(gone.basis);
    if b.current.as_ref() == Some(from) {
        b.current = Some(to.clone());
    }
    rename(b, from, to);
}

/// Points every mention and fact about `from` at `to`.
fn rename(b: &mut Builder<'_>, from: &EntityId, to: &EntityId) {
    for m in &mut b.mentions {
        if &m.entity == from {
            m.entity = to.clone();
        }
    }
    for f in &mut b.facts {
        for n in [&mut f.subject, &mut f.object] {
            if matches!(n, Node::Entity(id) if id == from) {
                *n = Node::Entity(to.clone());
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    b.facts.retain(|f| {
        seen.insert((
            f.subject.clone(),
            f.relation,
            f.object.clone(),
            f.evidence.sentence,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{read_str, ReadOptions};

    /// The facts of a one-article text, as `subject predicate object` with labels.
    fn facts(text: &str, date: &str) -> (Vec<String>, Extraction) {
        let lex = Lexicon::builtin().unwrap();
        let opts = ReadOptions {
            date: Date::parse(date),
            ..ReadOptions::default()
        };
        let articles = read_str(text, "case.txt", &opts).unwrap();
        let x = extract(&articles[0], &lex);
        let out = x
            .facts
            .iter()
            .map(|f| {
                format!(
                    "{} {} {}",
                    x.label(&f.subject),
                    f.relation.as_str(),
                    x.label(&f.object)
                )
            })
            .collect();
        (out, x)
    }

    #[test]
    fn a_summit_reported_on_two_days_is_one_event_and_a_weekly_meeting_is_not() {
        let meeting = |text: &str, date: &str| {
            let (_, x) = facts(text, date);
            x.entities
                .iter()
                .find(|e| e.kind() == EntityKind::Meeting)
                .map(|e| e.id.clone())
        };
        let opened = meeting("中国—中亚峰会\n\n中国—中亚峰会在西安开幕。", "2023-05-19");
        assert!(opened.is_some());
        let held = meeting("中国－中亚峰会\n\n中国－中亚峰会在西安举行。", "2023-05-20");
        assert_eq!(opened, held);
        let first = meeting(
            "国务院常务会议\n\n李强主持召开国务院常务会议。",
            "2023-05-19",
        );
        let next = meeting(
            "国务院常务会议\n\n李强主持召开国务院常务会议。",
            "2023-05-26",
        );
        assert!(first.is_some());
        assert_ne!(first, next);
    }

    #[test]
    fn a_site_is_a_place_and_a_building_with_tenants_a_body() {
        // (text, name, kind)
        let cases = [
            (
                "十四届全国人大常委会第五次会议在北京人民大会堂举行。",
                "北京人民大会堂",
                EntityKind::Place,
            ),
            (
                "比赛在北京工人体育场举行。",
                "北京工人体育场",
                EntityKind::Place,
            ),
            (
                "建党百年科技成就展在山西省科技馆开幕。",
                "山西省科技馆",
                EntityKind::Organization,
            ),
        ];
        for (text, name, kind) in cases {
            let (_, x) = facts(text, "2023-09-01");
            let found: Vec<(&str, EntityKind)> = x
                .entities
                .iter()
                .map(|e| (e.label.as_str(), e.kind()))
                .collect();
            assert!(found.contains(&(name, kind)), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_place_whose_characters_end_and_start_words_is_no_place_there() {
        // (text, place found or not)
        let cases = [
            (
                "全会提出一系列重大理论和实践问题。",
                "大理白族自治州",
                false,
            ),
            ("其中国产电影票房为58亿元。", "中国", false),
            ("依托贺兰山东麓独特的生态。", "山东省", false),
            ("他在大理考察。", "大理白族自治州", true),
            // Both pairs are words, but the segmenter reads 同期|中国|外贸.
            ("同期中国外贸总值增长。", "中国", true),
        ];
        for (text, place, want) in cases {
            let (_, x) = facts(text, "2023-09-01");
            let found = x
                .entities
                .iter()
                .any(|e| e.label == place && e.kind() == EntityKind::Place);
            assert_eq!(found, want, "{text}");
        }
    }

    #[test]
    fn facts_of_general_meeting_reports() {
        // (text, publication date, facts that must be there, facts that must not)
        let cases: &[(&str, &str, &[&str], &[&str])] = &[
            (
                "6月12日，省委书记楼阳生主持召开省委常委会会议，传达学习习近平总书记重要讲话精神。",
                "2022-06-13",
                &["楼阳生 chairs 省委常委会会议"],
                // The speech studied was not given at this meeting.
                &["习近平 speaks 省委常委会会议"],
            ),
            (
                "杭州市召开第十次全市生态环境保护大会\n\n昨天，杭州市第十次生态环境保护大会召开。市长姚高员主持会议。姚高员就贯彻落实会议精神提出具体要求。",
                "2022-05-08",
                &[
                    "姚高员 chairs 杭州市第十次生态环境保护大会",
                    "姚高员 instructs 杭州市第十次生态环境保护大会",
                ],
                &["姚高员 instructs 就贯彻落实会议"],
            ),
            // A session's organ holds the next meeting; a post with `大会主席团` in it does not
            // end the list of attendees.
            (
                "1月23日，自治区政协十二届一次会议预备会议召开。十一届自治区政协主席陈际瓦主持会议。预备会议之后，自治区政协十二届一次会议主席团召开第一次会议。大会主席团会议主持人蓝天立主持会议。区委书记李志军，区人大常委会主任、大会主席团常务主席范大玉出席。",
                "2023-01-23",
                &[
                    "陈际瓦 chairs 自治区政协十二届一次会议预备会议",
                    "蓝天立 chairs 自治区政协十二届一次会议主席团第一次会议",
                    "李志军 attends 自治区政协十二届一次会议主席团第一次会议",
                    "范大玉 attends 自治区政协十二届一次会议主席团第一次会议",
                ],
                &["蓝天立 chairs 自治区政协十二届一次会议预备会议"],
            ),
            // A list of attendees goes on over a clause of bodies and over a titled name not
            // read; `应邀` ends a name.
            (
                "刚察县召开政府全体会议\n\n2月24日，刚察县召开县政府全体会议，县长晁世海，副县长胡绍军、王伟，各乡镇政府、县政府各部门、省州驻县各单位，县直各单位主要负责人参加会议。旗委书记王雪峰，旗人大常委会主任宝音满都呼，政协副主席韦志起应邀出席会议。",
                "2012-02-25",
                &[
                    "晁世海 attends 县政府全体会议",
                    "王伟 attends 县政府全体会议",
                    "王雪峰 attends 县政府全体会议",
                    "韦志起 attends 县政府全体会议",
                ],
                &["韦志 attends 县政府全体会议"],
            ),
            // A report named between its verb and its head; `部署了` instructs.
            (
                "文城乡第十七届人民代表大会第二次会议开幕\n\n会议由乡党委书记刘海洋主持，副乡长李国强同志作政府工作报告，州委组织部部长翁斌作关于州人民政府州长、副州长，州监察委员会主任候选人建议名单的说明。乡长王建军部署了当前全乡防汛工作。",
                "2024-01-10",
                &[
                    "李国强 reports 文城乡第十七届人民代表大会第二次会议",
                    "翁斌 reports 文城乡第十七届人民代表大会第二次会议",
                    "王建军 instructs 文城乡第十七届人民代表大会第二次会议",
                ],
                &["刘海洋 reports 文城乡第十七届人民代表大会第二次会议"],
            ),
            // A report's spirit relayed is no report given at the meeting.
            (
                "市委常委会召开扩大会议\n\n市委书记张振丰主持召开市委常委会扩大会议。市长张文杰传达省委书记王浩讲话精神和省政府工作报告精神。",
                "2026-01-20",
                &["张振丰 chairs 市委常委会扩大会议"],
                &[
                    "王浩 reports 市委常委会扩大会议",
                    "张文杰 reports 市委常委会扩大会议",
                ],
            ),
            // The chair of a list of meetings chairs each.
            (
                "习近平先后主持召开二十届中央全面深化改革委员会第一次、第二次会议。",
                "2023-07-12",
                &[
                    "习近平 chairs 二十届中央全面深化改革委员会第一次会议",
                    "习近平 chairs 二十届中央全面深化改革委员会第二次会议",
                ],
                &[],
            ),
            // Every meeting whose spirit a clause relays is relayed.
            (
                "县政府召开第82次常务会议\n\n4月9日下午，县长张书民主持召开县政府第82次常务会议，传达学习习近平总书记重要指示精神和3月30日中共中央政治局会议精神、3月31日国务院常务会议精神；传达学习全国、省、市公安工作会议精神。",
                "2021-04-10",
                &[
                    "张书民 chairs 县政府第82次常务会议",
                    "县政府第82次常务会议 relays 中共中央政治局会议",
                    "县政府第82次常务会议 relays 国务院常务会议",
                    "县政府第82次常务会议 relays 全国公安工作会议",
                    "县政府第82次常务会议 relays 省公安工作会议",
                    "县政府第82次常务会议 relays 市公安工作会议",
                ],
                &["张书民 chairs 中共中央政治局会议"],
            ),
            // Meetings held together: who chairs and attends does so at each.
            (
                "1月16日上午，省政协八届一次党组会议和省政协八届一次主席会议在海口召开，省政协主席李荣灿主持会议。省政协副主席肖莺子出席会议。",
                "2022-01-16",
                &[
                    "李荣灿 chairs 省政协八届一次党组会议",
                    "李荣灿 chairs 省政协八届一次主席会议",
                    "肖莺子 attends 省政协八届一次党组会议",
                    "肖莺子 attends 省政协八届一次主席会议",
                ],
                &[],
            ),
            // `X要求，` instructs when X is at the meeting; words studied there do not.
            (
                "1月11日，区党工委书记商黎英主持召开区党工委扩大会议，传达学习习近平总书记重要讲话精神。习近平总书记要求，要抓好落实。商黎英要求，要加快项目推进力度。",
                "2022-01-12",
                &["商黎英 instructs 区党工委扩大会议"],
                &["习近平 instructs 区党工委扩大会议"],
            ),
            // A clause naming only a group closes a list of names; the names before attend.
            (
                "3月2日，县委书记周立平主持召开县委常委会会议。县领导吴建国、郑晓东，县直各部门主要负责人、各乡镇党委书记参加会议。县政协主席孙海涛，县人大常委会副主任、在家的县委常委应邀出席会议。",
                "2022-03-03",
                &[
                    "吴建国 attends 县委常委会会议",
                    "郑晓东 attends 县委常委会会议",
                    "孙海涛 attends 县委常委会会议",
                ],
                &[],
            ),
            // Seated on the rostrum is present; a group someone invites is not a list.
            (
                "3月5日，县政协十届二次会议开幕。县委书记刘志强，县长陈东明在主席台前排就坐。印度尼西亚总统佐科访问俄罗斯，邀请俄罗斯总统出席二十国集团峰会。",
                "2022-03-05",
                &[
                    "刘志强 attends 县政协十届二次会议",
                    "陈东明 attends 县政协十届二次会议",
                ],
                &["佐科 attends 二十国集团峰会"],
            ),
            // Meetings studied together are not attended.
            (
                "6月15日上午，市政协主席许顺主持召开全体干部学习会，传达学习省委十二届四次全会和市委十一届五次全会精神。市政协副主席赵志辉参加会议。",
                "2018-06-16",
                &["赵志辉 attends 全体干部学习会"],
                &["赵志辉 attends 市委十一届五次全会"],
            ),
        ];
        for (text, date, want, not) in cases {
            let (got, _) = facts(text, date);
            for w in *want {
                assert!(got.iter().any(|g| g == w), "{text}\nmissing {w} in {got:?}");
            }
            for n in *not {
                assert!(!got.iter().any(|g| g == n), "{text}\nunwanted {n}");
            }
        }
    }

    #[test]
    fn a_numbered_meeting_written_with_and_without_its_body_is_one() {
        let (_, x) = facts(
            "杭州市召开第十次全市生态环境保护大会\n\n昨天，杭州市第十次生态环境保护大会召开。",
            "2022-05-08",
        );
        let meetings: Vec<_> = x
            .entities
            .iter()
            .filter(|e| e.id.kind == EntityKind::Meeting)
            .collect();
        assert_eq!(meetings.len(), 1, "{meetings:?}");
        // `昨天` is the day before publication.
        assert_eq!(
            meetings[0].date.map(|d| d.to_string()).as_deref(),
            Some("2022-05-07")
        );
    }

    #[test]
    fn meeting_dates_resolve_against_publication_and_written_years() {
        // (text, publication date, the meeting's date)
        let cases: &[(&str, &str, &str)] = &[
            (
                "1月4日，省委书记林武主持召开省委常委会会议。",
                "2022-01-05",
                "2022-01-04",
            ),
            (
                "12月30日，省委书记林武主持召开省委常委会会议。",
                "2022-01-02",
                "2021-12-30",
            ),
            // A meeting announced for the near future.
            (
                "中国共产党第二十次全国代表大会将于10月16日在北京召开。",
                "2022-08-30",
                "2022-10-16",
            ),
            (
                "2021年10月16日，省委书记林武主持召开省委常委会会议。",
                "2022-08-30",
                "2021-10-16",
            ),
            (
                "二〇二三年三月五日，省委书记林武主持召开省委常委会会议。",
                "2022-12-30",
                "2023-03-05",
            ),
            (
                "去年12月1日，省委书记林武主持召开省委常委会会议。",
                "2022-11-30",
                "2021-12-01",
            ),
            (
                "明年1月5日，省委书记林武主持召开省委常委会会议。",
                "2022-05-30",
                "2023-01-05",
            ),
            // `5年` is a span, not a year.
            (
                "近5年3月1日，省委书记林武主持召开省委常委会会议。",
                "2022-03-02",
                "2022-03-01",
            ),
        ];
        for &(text, published, want) in cases {
            let (_, x) = facts(text, published);
            let dates: Vec<String> = x
                .entities
                .iter()
                .filter(|e| e.id.kind == EntityKind::Meeting)
                .filter_map(|e| e.date.map(|d| d.to_string()))
                .collect();
            assert_eq!(dates, [want], "{text}");
        }
    }

    #[test]
    fn numbered_meetings_keep_their_kind_and_unowned_ones_stay_in_their_article() {
        let key = |text: &str, date: &str| {
            let (_, x) = facts(text, date);
            x.entities
                .iter()
                .find(|e| e.id.kind == EntityKind::Meeting)
                .map(|e| e.id.key.clone())
                .unwrap()
        };
        // A standing committee's 42nd chairpersons' meeting is not its 42nd session.
        let council = key("广东省人大常委会召开第四十二次主任会议。", "2022-08-01");
        let session = key("广东省人大常委会召开第四十二次会议。", "2022-08-01");
        assert_ne!(council, session);
        // Two cities' 28th executive meetings, neither naming its government, are two.
        let a = key("7月5日，市政府召开第28次常务会议。", "2022-07-05");
        let b = key("9月1日，市政府召开第28次常务会议。", "2022-09-02");
        assert_ne!(a, b);
    }

    #[test]
    fn a_session_has_one_key_however_it_is_written() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("十四届全国人大一次会议", Some(("全国人大", "14届1次会议"))),
            (
                "第十四届全国人民代表大会第一次会议",
                Some(("全国人民代表大会", "14届1次会议")),
            ),
            (
                "中国人民政治协商会议第十四届全国委员会第一次会议",
                Some(("中国人民政治协商会议全国委员会", "14届1次会议")),
            ),
            ("省委十二届四次全会", Some(("省委", "12届4次全会"))),
            // A plenary of a session, or no session at all, is left to the other keys.
            ("十四届全国人大一次会议第三次全体会议", None),
            ("市政府第七次全体会议", None),
            ("十四届一次会议", None),
            // A plenary is the committee's `全会` however written; `N中全会` is the Central
            // Committee's.
            (
                "中国共产党第二十届中央委员会第二次全体会议",
                Some(("中国共产党中央委员会", "20届2次全会")),
            ),
            (
                "二十届二中全会",
                Some(("中国共产党中央委员会", "20届2次全会")),
            ),
            (
                "党的十九届六中全会",
                Some(("中国共产党中央委员会", "19届6次全会")),
            ),
            (
                "民革十四届二中全会",
                Some(("民革中央委员会", "14届2次全会")),
            ),
        ];
        for (label, want) in cases {
            let got = session_key(label);
            let got = got.as_ref().map(|(a, b)| (a.as_str(), b.as_str()));
            assert_eq!(got, *want, "{label}");
        }
        let lex = Lexicon::builtin().unwrap();
        let q = lex.qualifiers().to_vec();
        for (a, b) in [
            ("全国人民代表大会", "全国人大"),
            ("中国人民政治协商会议全国委员会", "全国政协"),
            ("党中央", "中共中央"),
            ("中国全国人大", "全国人大"),
            ("中华人民共和国全国人民代表大会", "全国人大"),
            ("中国共产党中央纪律检查委员会", "中央纪委"),
            ("中国共产党中央委员会", "中共中央"),
            ("政协全国委员会", "全国政协"),
            ("中国－中亚峰会", "中国—中亚峰会"),
        ] {
            assert_eq!(body::key(a, &lex, &q), b, "{a}");
        }
    }

    #[test]
    fn the_last_name_of_a_titled_list_shares_its_post() {
        let (_, x) = facts(
            "省长黄强主持会议。副省长罗文、杨兴平、叶寒冰出席会议。",
            "2022-03-15",
        );
        for name in ["罗文", "杨兴平", "叶寒冰"] {
            let person = x.entities.iter().find(|e| e.label == name).unwrap();
            assert!(
                person.posts.iter().any(|p| p.written == "副省长"),
                "{name}: {:?}",
                person.posts
            );
        }
    }
}
