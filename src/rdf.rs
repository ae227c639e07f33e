//! Turns an [`Extraction`] into RDF quads, all in the article's own named graph, named by
//! [`crate::iri`].
//!
//! # Shapes
//! An entity gets its classes (superclasses written out, since oxigraph does not reason),
//! `skos:prefLabel`/`skos:altLabel` in `@zh`, `gov:ordinal`, `schema:startDate`. A post is an
//! `org:Membership` attested on the article's date and derived from its sentence. A fact is a
//! shortcut triple (`person gov:chairs meeting`) plus, where PROV has a qualified form, a node with
//! the role, date, trigger and evidence: `prov:qualifiedAssociation` on the event for roles in it,
//! `prov:qualifiedAttribution` on the article for its journalists (PROV gives associations to
//! activities, attributions to entities such as articles), `prov:qualifiedCommunication` for
//! `relays`. `hosts`, `develops` and `meets` have no qualified form: their evidence is the
//! article's graph. Spans are NIF strings in the article's `nif:Context`, whose `nif:isString` is
//! the article's text, so that every offset can be checked against it.

use std::collections::{BTreeSet, HashSet};

use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};

use crate::iri::{article_graph, article_iri, encode_segment, entity_iri, span_iri};
use crate::model::{Confidence, Date, EntityId, EntityKind, Extraction, Node};
use crate::relation::{Mirror, Qualified};
use crate::vocab::{foaf, gov, id, itsrdf, nif, org, prov, rdf, schema, skos, xsd};

/// All quads of an article, in its named graph, without duplicates, in a deterministic order.
///
/// Posts, facts and mentions whose evidence names another article are left out: they belong to
/// that article's graph (the count is [`ArticleRdf::foreign`]).
pub fn article_quads(x: &Extraction) -> Vec<Quad> {
    article_rdf(x).quads
}

/// The quads of an article and what they hold.
#[derive(Debug, Clone, Default)]
pub struct ArticleRdf {
    pub quads: Vec<Quad>,
    /// Posts written as memberships.
    pub memberships: usize,
    /// Facts written.
    pub facts: usize,
    /// Mentions written as spans.
    pub mentions: usize,
    /// Posts, facts and mentions skipped because their evidence is in another article.
    pub foreign: usize,
}

/// Like [`article_quads`], with counts.
pub fn article_rdf(x: &Extraction) -> ArticleRdf {
    let mut w = Writer::new(x);
    w.article();
    for entity in &x.entities {
        w.entity_description(entity);
    }
    for entity in &x.entities {
        for post in &entity.posts {
            w.membership(&entity.id, post);
        }
    }
    for fact in &x.facts {
        w.fact(fact);
    }
    for mention in &x.mentions {
        w.mention(mention);
    }
    w.stubs();
    ArticleRdf {
        quads: w.quads,
        memberships: w.memberships,
        facts: w.facts,
        mentions: w.mentions,
        foreign: w.foreign,
    }
}

/// The classes written for an entity of each kind: govkg's own class, where it has one, and the
/// standard classes it specialises, so that queries need no reasoner.
fn classes(kind: EntityKind) -> &'static [NamedNodeRef<'static>] {
    match kind {
        EntityKind::Person => &[gov::PERSON, schema::PERSON, foaf::PERSON, prov::PERSON],
        EntityKind::Organization => &[org::ORGANIZATION, schema::ORGANIZATION, prov::ORGANIZATION],
        EntityKind::Place => &[schema::PLACE, prov::LOCATION],
        EntityKind::Meeting => &[gov::MEETING, gov::EVENT, schema::EVENT, prov::ACTIVITY],
        EntityKind::Exhibition => &[
            gov::EXHIBITION,
            gov::EVENT,
            schema::EXHIBITION_EVENT,
            schema::EVENT,
            prov::ACTIVITY,
        ],
        EntityKind::Event => &[gov::EVENT, schema::EVENT, prov::ACTIVITY],
    }
}

struct Writer<'a> {
    x: &'a Extraction,
    graph: GraphName,
    article: NamedNode,
    context: NamedNode,
    /// Byte offset of each character of the text, and of its end, to slice by character offsets.
    char_starts: Vec<usize>,
    /// Entities described in full; others referenced get a stub description.
    described: HashSet<&'a EntityId>,
    referenced: BTreeSet<EntityId>,
    seen: HashSet<Quad>,
    quads: Vec<Quad>,
    memberships: usize,
    facts: usize,
    mentions: usize,
    foreign: usize,
}

impl<'a> Writer<'a> {
    fn new(x: &'a Extraction) -> Writer<'a> {
        let text = &x.article.text;
        let char_starts: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        Writer {
            x,
            graph: article_graph(&x.article.id).into(),
            article: article_iri(&x.article.id),
            context: span_iri(&x.article.id, 0, char_starts.len() - 1),
            char_starts,
            described: x.entities.iter().map(|e| &e.id).collect(),
            referenced: BTreeSet::new(),
            seen: HashSet::new(),
            quads: Vec::new(),
            memberships: 0,
            facts: 0,
            mentions: 0,
            foreign: 0,
        }
    }

    fn add(&mut self, s: impl Into<NamedNode>, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        let quad = Quad::new(s.into(), p, o.into(), self.graph.clone());
        if self.seen.insert(quad.clone()) {
            self.quads.push(quad);
        }
    }

    fn add_types(&mut self, s: &NamedNode, types: &[NamedNodeRef<'_>]) {
        for t in types {
            self.add(s.clone(), rdf::TYPE, *t);
        }
    }

    /// Remembers an entity to describe at the end if the extraction does not.
    fn entity(&mut self, id: &EntityId) -> NamedNode {
        if !self.described.contains(id) {
            self.referenced.insert(id.clone());
        }
        entity_iri(id)
    }

    fn node(&mut self, node: &Node) -> NamedNode {
        match node {
            Node::Entity(id) => self.entity(id),
            Node::Article(id) => article_iri(id),
        }
    }

    /// Whether evidence from `article` belongs in this graph; counts what does not.
    fn ours(&mut self, article: &str) -> bool {
        let ours = article == self.x.article.id;
        if !ours {
            self.foreign += 1;
        }
        ours
    }

    fn article(&mut self) {
        let x = self.x;
        let a = &x.article;
        let article = self.article.clone();
        self.add_types(&article, &[schema::NEWS_ARTICLE]);
        if !a.title.is_empty() {
            self.add(article.clone(), schema::HEADLINE, zh(&a.title));
        }
        for headline in &a.headlines {
            if !headline.is_empty() && *headline != a.title {
                self.add(article.clone(), schema::ALTERNATIVE_HEADLINE, zh(headline));
            }
        }
        if let Some(d) = a.published {
            self.add(article.clone(), schema::DATE_PUBLISHED, date(d));
        }
        if let Some(d) = a.dateline {
            self.add(article.clone(), schema::DATE_CREATED, date(d));
        }
        if let Some(url) = &a.url {
            // A literal, not an IRI: URLs from inputs are not always valid IRIs.
            let url = Literal::new_typed_literal(url, xsd::ANY_URI);
            self.add(article.clone(), schema::URL, url);
        }
        if let Some(source) = &a.source {
            // The outlet as a body, so that it meets the same body named in articles.
            let outlet = self.entity(&EntityId::new(EntityKind::Organization, source.as_str()));
            self.add(article.clone(), schema::PUBLISHER, outlet);
        }
        for reporter in &a.reporters {
            let person = self.entity(&EntityId::new(EntityKind::Person, reporter.as_str()));
            self.add(article.clone(), schema::AUTHOR, person);
        }
        for entity in &x.entities {
            self.add(article.clone(), schema::MENTIONS, entity_iri(&entity.id));
        }
        let context = self.context.clone();
        self.add_types(&context, &[nif::CONTEXT, nif::STRING]);
        self.add(
            context.clone(),
            nif::IS_STRING,
            Literal::from(a.text.as_str()),
        );
        self.add(context.clone(), nif::BEGIN_INDEX, index(0));
        self.add(
            context.clone(),
            nif::END_INDEX,
            index(self.char_starts.len() - 1),
        );
        self.add(context, nif::SOURCE_URL, article);
    }

    fn entity_description(&mut self, entity: &crate::model::Entity) {
        let e = entity_iri(&entity.id);
        self.add_types(&e, classes(entity.kind()));
        // An event an article only refers to (a meeting whose 精神 it relays) has no date here;
        // its name as this article writes it is another name, not the one the article that
        // reports the event gives, so that the union of articles keeps one preferred label.
        if entity.kind().is_event() && entity.date.is_none() {
            self.add(e.clone(), skos::ALT_LABEL, zh(&entity.label));
        } else {
            self.add(e.clone(), skos::PREF_LABEL, zh(&entity.label));
        }
        for alias in &entity.aliases {
            self.add(e.clone(), skos::ALT_LABEL, zh(alias));
        }
        if let Some(n) = entity.ordinal {
            let n = Literal::new_typed_literal(n.to_string(), xsd::INTEGER);
            self.add(e.clone(), gov::ORDINAL, n);
        }
        self.add(e.clone(), gov::CONFIDENCE, confidence(entity.confidence()));
        self.add(
            e.clone(),
            gov::CUE,
            Literal::new_simple_literal(entity.basis.as_str()),
        );
        if let Some(d) = entity.date.filter(|_| entity.kind().is_event()) {
            self.add(e, schema::START_DATE, date(d));
        }
    }

    /// Describes entities referenced but not in the extraction's list: their classes and their
    /// key as label, so that every node of the graph says what it is.
    fn stubs(&mut self) {
        for id in std::mem::take(&mut self.referenced) {
            let e = entity_iri(&id);
            self.add_types(&e, classes(id.kind));
            self.add(e, skos::PREF_LABEL, zh(&id.key));
        }
    }

    fn membership(&mut self, person: &EntityId, post: &crate::model::Post) {
        if !self.ours(&post.evidence.article) {
            return;
        }
        self.memberships += 1;
        let m = NamedNode::new_unchecked(format!(
            "{}{}/{}/{}/{}",
            id::MEMBERSHIP,
            encode_segment(&self.x.article.id),
            post.evidence.sentence,
            entity_path(person),
            encode_segment(&post.written),
        ));
        let member = self.entity(person);
        self.add_types(&m, &[org::MEMBERSHIP]);
        self.add(m.clone(), org::MEMBER, member);
        if let Some(body) = &post.organization {
            let body = self.entity(body);
            self.add(m.clone(), org::ORGANIZATION_PROPERTY, body);
        }
        self.add(m.clone(), gov::POST, zh(&post.written));
        if !post.resolved.is_empty() {
            self.add(m.clone(), gov::RESOLVED_POST, zh(&post.resolved));
        }
        if !post.role.is_empty() {
            self.add(m.clone(), gov::ROLE, zh(&post.role));
        }
        if let Some(d) = post.date.or(self.x.article.date()) {
            self.add(m.clone(), gov::ATTESTED_ON, date(d));
        }
        let span = self.span(
            post.evidence.start,
            post.evidence.end,
            &post.evidence.text,
            nif::SENTENCE,
        );
        self.add(m, prov::WAS_DERIVED_FROM, span);
    }

    fn fact(&mut self, fact: &crate::model::Fact) {
        if !self.ours(&fact.evidence.article) {
            return;
        }
        self.facts += 1;
        let s = self.node(&fact.subject);
        let o = self.node(&fact.object);
        let spec = fact.relation.spec();
        self.add(s.clone(), spec.property, o.clone());
        match spec.mirror {
            Mirror::None => {}
            Mirror::Same(p) => self.add(s.clone(), p, o.clone()),
            Mirror::Inverse(p) => self.add(o.clone(), p, s.clone()),
            Mirror::InverseOfEvent(p) => {
                if matches!(&fact.object, Node::Entity(e) if e.kind.is_event()) {
                    self.add(o.clone(), p, s.clone());
                }
            }
        }
        // The qualified node: on the object for roles (the event, or the article a journalist
        // wrote), on the subject for a communication (the relaying meeting).
        let (class, holder, link, target, other) = match spec.qualified {
            Qualified::Attribution(_) => (
                prov::ATTRIBUTION,
                &o,
                prov::QUALIFIED_ATTRIBUTION,
                prov::AGENT,
                &s,
            ),
            Qualified::Communication => (
                prov::COMMUNICATION,
                &s,
                prov::QUALIFIED_COMMUNICATION,
                prov::ACTIVITY_PROPERTY,
                &o,
            ),
            Qualified::AtEvent(_) => (
                prov::ASSOCIATION,
                &o,
                prov::QUALIFIED_ASSOCIATION,
                prov::AGENT,
                &s,
            ),
            Qualified::Unqualified => return,
        };
        let q = NamedNode::new_unchecked(format!(
            "{}{}/{}/{}/{}/{}",
            id::ASSOCIATION,
            encode_segment(&self.x.article.id),
            fact.evidence.sentence,
            fact.relation.as_str(),
            node_path(&fact.subject),
            node_path(&fact.object),
        ));
        self.add(holder.clone(), link, q.clone());
        self.add_types(&q, &[class]);
        self.add(q.clone(), target, other.clone());
        if let Some(role) = spec.role() {
            self.add(q.clone(), prov::HAD_ROLE, role.iri);
        }
        if let Some(d) = fact.date.or(self.x.article.date()) {
            self.add(q.clone(), gov::ATTESTED_ON, date(d));
        }
        if !fact.trigger.is_empty() {
            self.add(q.clone(), gov::TRIGGER, zh(&fact.trigger));
        }
        self.add(q.clone(), gov::CONFIDENCE, confidence(fact.confidence));
        let e = &fact.evidence;
        let span = self.span(e.start, e.end, &e.text, nif::SENTENCE);
        self.add(q, prov::WAS_DERIVED_FROM, span);
    }

    fn mention(&mut self, mention: &crate::model::Mention) {
        if !self.ours(&mention.article) {
            return;
        }
        self.mentions += 1;
        let entity = self.entity(&mention.entity);
        let span = self.span(mention.start, mention.end, &mention.text, nif::PHRASE);
        self.add(span, itsrdf::TA_IDENT_REF, entity);
    }

    /// A span of the article's text. Its anchor is the text between the offsets, as NIF wants;
    /// `written` (the text with layout breaks removed) stands in only when the offsets fall
    /// outside the text.
    fn span(
        &mut self,
        start: usize,
        end: usize,
        written: &str,
        class: NamedNodeRef<'_>,
    ) -> NamedNode {
        let span = span_iri(&self.x.article.id, start, end);
        let anchor = match (self.char_starts.get(start), self.char_starts.get(end)) {
            (Some(&from), Some(&to)) if from <= to => &self.x.article.text[from..to],
            _ => written,
        };
        let anchor = Literal::from(anchor);
        self.add_types(&span, &[nif::STRING, class]);
        self.add(span.clone(), nif::BEGIN_INDEX, index(start));
        self.add(span.clone(), nif::END_INDEX, index(end));
        self.add(span.clone(), nif::ANCHOR_OF, anchor);
        self.add(span.clone(), nif::REFERENCE_CONTEXT, self.context.clone());
        span
    }
}

/// `{kind}/{key}`: an entity in a path of several segments, kind included so that two entities
/// with one key never share a node.
fn entity_path(id: &EntityId) -> String {
    format!(
        "{}/{}",
        id.kind.as_str().to_lowercase(),
        encode_segment(&id.key)
    )
}

fn node_path(node: &Node) -> String {
    match node {
        Node::Entity(id) => entity_path(id),
        Node::Article(id) => format!("article/{}", encode_segment(id)),
    }
}

fn zh(s: &str) -> Literal {
    // "zh" is a well-formed BCP 47 tag, so the unchecked constructor is sound.
    Literal::new_language_tagged_literal_unchecked(s, "zh")
}

fn confidence(c: Confidence) -> Literal {
    Literal::new_typed_literal(c.to_string(), xsd::DECIMAL)
}

fn date(d: Date) -> Literal {
    Literal::new_typed_literal(d.to_string(), xsd::DATE)
}

/// A character offset. NIF types offsets `xsd:nonNegativeInteger`, but oxigraph stores every
/// integer type as `xsd:integer`; writing that type keeps what is stored equal to what is written.
fn index(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

/// A hand-made extraction of the seed page's first article, shared by the tests of this crate.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{chars_of, seed, ARTICLE};
    use oxigraph::model::{NamedNodeRef, NamedOrBlankNodeRef, TermRef};

    fn has(quads: &[Quad], s: NamedNodeRef<'_>, p: NamedNodeRef<'_>, o: TermRef<'_>) -> bool {
        quads.iter().any(|q| {
            q.subject.as_ref() == NamedOrBlankNodeRef::from(s)
                && q.predicate.as_ref() == p
                && q.object.as_ref() == o
        })
    }

    fn objects<'q>(quads: &'q [Quad], s: NamedNodeRef<'_>, p: NamedNodeRef<'_>) -> Vec<&'q Term> {
        quads
            .iter()
            .filter(|q| {
                q.subject.as_ref() == NamedOrBlankNodeRef::from(s) && q.predicate.as_ref() == p
            })
            .map(|q| &q.object)
            .collect()
    }

    #[test]
    fn chair_has_shortcut_association_role_and_evidence() {
        let x = seed();
        let quads = article_quads(&x);
        let lin = entity_iri(&EntityId::new(EntityKind::Person, "林武"));
        let meeting = entity_iri(&x.entities[0].id);
        assert!(has(
            &quads,
            lin.as_ref(),
            gov::CHAIRS,
            meeting.as_ref().into()
        ));

        let assoc: Vec<NamedNode> = objects(&quads, meeting.as_ref(), prov::QUALIFIED_ASSOCIATION)
            .into_iter()
            .filter_map(|t| match t {
                Term::NamedNode(n) => Some(n.clone()),
                _ => None,
            })
            .filter(|a| has(&quads, a.as_ref(), prov::AGENT, lin.as_ref().into()))
            .collect();
        // 林武 chairs; the committee, not 林武, organises.
        assert_eq!(assoc.len(), 1, "{assoc:?}");
        let a = assoc[0].as_ref();
        assert!(has(&quads, a, rdf::TYPE, prov::ASSOCIATION.into()));
        assert!(has(&quads, a, prov::HAD_ROLE, gov::CHAIR.into()));
        assert!(has(&quads, a, gov::TRIGGER, zh("主持召开").as_ref().into()));
        let sure = confidence(Confidence::FULL);
        assert!(has(&quads, a, gov::CONFIDENCE, sure.as_ref().into()));
        // The entity says how sure it is, and by what cue.
        assert!(has(
            &quads,
            lin.as_ref(),
            gov::CONFIDENCE,
            sure.as_ref().into()
        ));
        let given = Literal::new_simple_literal("given");
        assert!(has(&quads, lin.as_ref(), gov::CUE, given.as_ref().into()));
        assert!(has(
            &quads,
            a,
            gov::ATTESTED_ON,
            date(Date::new(2022, 1, 4).unwrap()).as_ref().into()
        ));

        let spans = objects(&quads, a, prov::WAS_DERIVED_FROM);
        assert_eq!(spans.len(), 1);
        let Term::NamedNode(span) = spans[0] else {
            panic!("span is not an IRI: {spans:?}")
        };
        let sentence = &x.facts[0].evidence.text;
        let (start, end) = chars_of(&x.article.text, sentence);
        // The sentence follows a headline and a byline: character offsets, not bytes.
        assert_eq!(
            (start, end),
            (x.facts[0].evidence.start, x.facts[0].evidence.end)
        );
        assert!(x.article.text[..x.article.text.find(sentence.as_str()).unwrap()].len() > start);
        assert_eq!(span.as_str(), format!("{}A1/{start}-{end}", id::SPAN));
        for (p, want) in [
            (nif::BEGIN_INDEX, index(start)),
            (nif::END_INDEX, index(end)),
            (nif::ANCHOR_OF, Literal::from(sentence.as_str())),
        ] {
            assert!(has(&quads, span.as_ref(), p, want.as_ref().into()), "{p}");
        }
        let context = span_iri(ARTICLE, 0, x.article.text.chars().count());
        assert!(has(
            &quads,
            span.as_ref(),
            nif::REFERENCE_CONTEXT,
            context.as_ref().into()
        ));
        assert!(has(
            &quads,
            context.as_ref(),
            nif::IS_STRING,
            Literal::from(x.article.text.as_str()).as_ref().into()
        ));
    }

    #[test]
    fn relations_write_their_standard_triples() {
        let x = seed();
        let quads = article_quads(&x);
        let meeting = entity_iri(&x.entities[0].id);
        let person = |n: &str| entity_iri(&EntityId::new(EntityKind::Person, n));
        let committee = entity_iri(&EntityId::new(EntityKind::Organization, "山西省委"));
        let article = article_iri(ARTICLE);
        let cases: Vec<(NamedNode, NamedNodeRef<'_>, NamedNode)> = vec![
            (meeting.clone(), schema::ATTENDEE, person("商黎光")),
            (meeting.clone(), schema::ORGANIZER, committee.clone()),
            (committee, gov::ORGANIZES, meeting.clone()),
            (person("于英杰"), gov::REPORTS, meeting.clone()),
            (person("杨文"), gov::REPORTS_FOR, article.clone()),
            (article.clone(), schema::AUTHOR, person("杨文")),
            (article.clone(), schema::MENTIONS, meeting.clone()),
        ];
        for (s, p, o) in &cases {
            assert!(
                has(&quads, s.as_ref(), *p, o.as_ref().into()),
                "{s} {p} {o}"
            );
        }
        assert_eq!(
            objects(&quads, meeting.as_ref(), schema::ATTENDEE).len(),
            10
        );
        let attributions = objects(&quads, article.as_ref(), prov::QUALIFIED_ATTRIBUTION);
        assert_eq!(attributions.len(), 1);
        let Term::NamedNode(a) = attributions[0] else {
            panic!("not an IRI")
        };
        assert!(has(
            &quads,
            a.as_ref(),
            prov::HAD_ROLE,
            gov::JOURNALIST.into()
        ));
        assert!(has(&quads, a.as_ref(), rdf::TYPE, prov::ATTRIBUTION.into()));
    }

    #[test]
    fn posts_become_memberships_with_evidence() {
        let x = seed();
        let rdf = article_rdf(&x);
        assert_eq!(rdf.memberships, 2);
        let quads = rdf.quads;
        let lin = entity_iri(&EntityId::new(EntityKind::Person, "林武"));
        let memberships: Vec<&Quad> = quads
            .iter()
            .filter(|q| {
                q.predicate.as_ref() == org::MEMBER
                    && q.object.as_ref() == TermRef::from(lin.as_ref())
            })
            .collect();
        assert_eq!(memberships.len(), 2);
        for q in memberships {
            let oxigraph::model::NamedOrBlankNode::NamedNode(m) = &q.subject else {
                panic!("membership is a blank node: {q}")
            };
            let m = m.as_ref();
            assert!(has(&quads, m, rdf::TYPE, org::MEMBERSHIP.into()));
            assert_eq!(objects(&quads, m, gov::POST).len(), 1);
            assert_eq!(objects(&quads, m, org::ORGANIZATION_PROPERTY).len(), 1);
            assert_eq!(objects(&quads, m, prov::WAS_DERIVED_FROM).len(), 1);
        }
    }

    #[test]
    fn quads_are_deterministic_unique_and_in_the_article_graph() {
        let x = seed();
        let a = article_quads(&x);
        let b = article_quads(&x);
        assert_eq!(a, b);
        let unique: HashSet<&Quad> = a.iter().collect();
        assert_eq!(unique.len(), a.len());
        let g = GraphName::from(article_graph(ARTICLE));
        assert!(a.iter().all(|q| q.graph_name == g));
        assert!(a
            .iter()
            .all(|q| !q.subject.is_blank_node() && !q.object.is_blank_node()));
    }

    #[test]
    fn foreign_evidence_is_left_to_its_own_article() {
        let mut x = seed();
        x.facts[0].evidence.article = "A2".into();
        x.mentions[0].article = "A2".into();
        let rdf = article_rdf(&x);
        assert_eq!(rdf.foreign, 2);
        assert_eq!(rdf.facts, x.facts.len() - 1);
        assert_eq!(rdf.mentions, 0);
        let lin = entity_iri(&EntityId::new(EntityKind::Person, "林武"));
        assert!(!rdf.quads.iter().any(|q| q.subject.as_ref()
            == NamedOrBlankNodeRef::from(lin.as_ref())
            && q.predicate.as_ref() == gov::CHAIRS));
    }

    #[test]
    fn referenced_entities_are_described_and_offsets_out_of_range_do_not_panic() {
        let mut x = seed();
        x.entities.retain(|e| e.kind() != EntityKind::Organization);
        x.mentions[0].start = 10_000;
        x.mentions[0].end = 10_003;
        let quads = article_quads(&x);
        let committee = entity_iri(&EntityId::new(EntityKind::Organization, "山西省委"));
        assert!(has(
            &quads,
            committee.as_ref(),
            rdf::TYPE,
            org::ORGANIZATION.into()
        ));
        assert!(has(
            &quads,
            committee.as_ref(),
            skos::PREF_LABEL,
            zh("山西省委").as_ref().into()
        ));
        let outlet = entity_iri(&EntityId::new(EntityKind::Organization, "山西日报"));
        assert!(has(
            &quads,
            outlet.as_ref(),
            rdf::TYPE,
            org::ORGANIZATION.into()
        ));
        let span = span_iri(ARTICLE, 10_000, 10_003);
        assert!(has(
            &quads,
            span.as_ref(),
            nif::ANCHOR_OF,
            Literal::from("于英杰").as_ref().into()
        ));
    }
}
