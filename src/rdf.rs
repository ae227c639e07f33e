//! Turns an [`Extraction`] into RDF quads, all in the article's own named graph, and names things:
//! the IRIs of entities, articles, graphs and text spans, and their inverses.
//!
//! # IRIs
//! Entities are `https://w3id.org/govkg/id/{base}/{key}` with base `person`, `org`, `place`,
//! `event` (other events), `event/meeting` or `event/exhibition`; the key is one path segment,
//! percent-encoded only where an IRI path segment cannot hold the character (see
//! [`encode_segment`]), so Chinese stays readable. Articles are `…/id/article/{id}` and their
//! graphs `https://w3id.org/govkg/graph/article/{id}`. Nodes that carry a statement's date and
//! evidence are keyed by what they state and where: `…/id/membership/{article}/{sentence}/…`,
//! `…/id/association/{article}/{sentence}/…`, spans `…/id/span/{article}/{start}-{end}`.
//! No blank nodes: the same extraction always gives the same quads.
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

use crate::model::{Confidence, Date, EntityId, EntityKind, Extraction, Node, Relation};
use crate::vocab::{foaf, gov, graph, id, itsrdf, nif, org, prov, rdf, schema, skos, xsd};

/// The base of each kind's IRIs, most specific first so that a prefix search finds meetings
/// before other events (their base extends the events' base).
const KIND_BASES: [(EntityKind, &str); 6] = [
    (EntityKind::Meeting, id::MEETING),
    (EntityKind::Exhibition, id::EXHIBITION),
    (EntityKind::Event, id::EVENT),
    (EntityKind::Person, id::PERSON),
    (EntityKind::Organization, id::ORGANIZATION),
    (EntityKind::Place, id::PLACE),
];

/// The IRI of an entity: its kind's base followed by its key as one path segment.
pub fn entity_iri(id: &EntityId) -> NamedNode {
    let base = KIND_BASES
        .iter()
        .find(|(kind, _)| *kind == id.kind)
        .map_or(id::BASE, |(_, base)| base);
    // The segment encoding leaves only characters valid in an IRI path.
    NamedNode::new_unchecked(format!("{base}{}", encode_segment(&id.key)))
}

/// The entity an IRI made by [`entity_iri`] names, or `None` for any other IRI.
pub fn entity_id_of(iri: NamedNodeRef<'_>) -> Option<EntityId> {
    KIND_BASES.iter().find_map(|(kind, base)| {
        let segment = iri.as_str().strip_prefix(base)?;
        Some(EntityId::new(*kind, decode_segment(segment)?))
    })
}

/// The IRI of an article.
pub fn article_iri(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{}", id::ARTICLE, encode_segment(id)))
}

/// The article id of an IRI made by [`article_iri`].
pub fn article_id_of(iri: NamedNodeRef<'_>) -> Option<String> {
    decode_segment(iri.as_str().strip_prefix(id::ARTICLE)?)
}

/// The named graph holding everything extracted from an article.
pub fn article_graph(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{}", graph::ARTICLE, encode_segment(id)))
}

/// The article id of a graph made by [`article_graph`]; `None` for the ontology's graph and others.
pub fn article_of_graph(graph: NamedNodeRef<'_>) -> Option<String> {
    decode_segment(graph.as_str().strip_prefix(graph::ARTICLE)?)
}

/// The IRI of characters `start..end` of an article's text. The span `0..len` is the article's
/// `nif:Context`.
pub fn span_iri(article: &str, start: usize, end: usize) -> NamedNode {
    NamedNode::new_unchecked(format!(
        "{}{}/{start}-{end}",
        id::SPAN,
        encode_segment(article)
    ))
}

/// An IRI shortened with the first of [`crate::vocab::PREFIXES`] it starts with
/// (`person:林武`, `gov:chairs`), or `None` when none fits. For display only: the result is not
/// always a valid SPARQL prefixed name (`/` in the local part is left as is).
pub fn compact_iri(iri: &str) -> Option<String> {
    crate::vocab::PREFIXES
        .iter()
        .find_map(|(prefix, namespace)| {
            let local = iri.strip_prefix(namespace)?;
            Some(format!("{prefix}:{local}"))
        })
}

/// Percent-encodes what an IRI path segment cannot hold (RFC 3987 `ipchar`): ASCII other than
/// letters, digits and `-._~!$&'()*+,;=:@`, control characters, and the few non-ASCII characters
/// IRIs exclude (C1 controls, private use, non-characters). CJK and other text stay as they are.
/// `.` and `..` alone are encoded too, since IRI resolution would remove them as dot-segments.
pub fn encode_segment(s: &str) -> String {
    if s == "." || s == ".." {
        return s.replace('.', "%2E");
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_ipchar(c) {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// Reverses [`encode_segment`]; `None` when the segment holds a `/`, a malformed escape or
/// escapes that are not UTF-8.
pub fn decode_segment(s: &str) -> Option<String> {
    if s.contains('/') {
        return None;
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn is_ipchar(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c);
    }
    // RFC 3987 `ucschar`: planes 1-14 minus each plane's last two code points and minus the
    // tags and variation selectors U+E0000-E0FFF, and the BMP minus C1 controls, surrogates,
    // private use and the non-characters U+FDD0-FDEF, U+FFF0-FFFF.
    let n = u32::from(c);
    matches!(n, 0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF)
        || (0x10000..=0xDFFFD).contains(&n) && (n & 0xFFFE) != 0xFFFE
        || (0xE1000..=0xEFFFD).contains(&n)
}

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

/// The shortcut property of a relation.
pub fn relation_property(relation: Relation) -> NamedNodeRef<'static> {
    match relation {
        Relation::Chairs => gov::CHAIRS,
        Relation::Attends => gov::ATTENDS,
        Relation::Instructs => gov::INSTRUCTS,
        Relation::Reports => gov::REPORTS,
        Relation::Hosts => gov::HOSTS,
        Relation::Relays => gov::RELAYS,
        Relation::ReportsFor => gov::REPORTS_FOR,
        Relation::Organizes => gov::ORGANIZES,
        Relation::Develops => gov::DEVELOPS,
        Relation::Speaks => gov::SPEAKS_AT,
        Relation::Meets => gov::MEETS,
    }
}

/// The role an agent plays in the activity (or article) of a relation, for relations PROV
/// qualifies with a role.
pub fn relation_role(relation: Relation) -> Option<NamedNodeRef<'static>> {
    match relation {
        Relation::Chairs => Some(gov::CHAIR),
        Relation::Attends => Some(gov::ATTENDEE),
        Relation::Instructs => Some(gov::INSTRUCTOR),
        Relation::Reports => Some(gov::REPORTER),
        Relation::Speaks => Some(gov::SPEAKER),
        Relation::Organizes => Some(gov::ORGANIZER),
        Relation::ReportsFor => Some(gov::JOURNALIST),
        Relation::Hosts | Relation::Relays | Relation::Develops | Relation::Meets => None,
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
        self.add(s.clone(), relation_property(fact.relation), o.clone());
        match fact.relation {
            Relation::Attends => self.add(o.clone(), schema::ATTENDEE, s.clone()),
            Relation::Organizes => self.add(o.clone(), schema::ORGANIZER, s.clone()),
            Relation::Hosts if matches!(&fact.object, Node::Entity(e) if e.kind.is_event()) => {
                self.add(o.clone(), schema::LOCATION, s.clone());
            }
            Relation::Relays => self.add(s.clone(), prov::WAS_INFORMED_BY, o.clone()),
            _ => {}
        }
        // The qualified node: on the object for roles (the event, or the article a journalist
        // wrote), on the subject for a communication (the relaying meeting).
        let (class, holder, link, target, other) =
            match (fact.relation, relation_role(fact.relation)) {
                (Relation::ReportsFor, _) => (
                    prov::ATTRIBUTION,
                    &o,
                    prov::QUALIFIED_ATTRIBUTION,
                    prov::AGENT,
                    &s,
                ),
                (Relation::Relays, _) => (
                    prov::COMMUNICATION,
                    &s,
                    prov::QUALIFIED_COMMUNICATION,
                    prov::ACTIVITY_PROPERTY,
                    &o,
                ),
                (_, Some(_)) => (
                    prov::ASSOCIATION,
                    &o,
                    prov::QUALIFIED_ASSOCIATION,
                    prov::AGENT,
                    &s,
                ),
                (_, None) => return,
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
        if let Some(role) = relation_role(fact.relation) {
            self.add(q.clone(), prov::HAD_ROLE, role);
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
pub(crate) mod fixture {
    use crate::model::*;

    pub(crate) const ARTICLE: &str = "A1";

    /// Offsets of the first occurrence of `needle` in `text`, in characters.
    pub(crate) fn chars_of(text: &str, needle: &str) -> (usize, usize) {
        let byte = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in text"));
        let start = text[..byte].chars().count();
        (start, start + needle.chars().count())
    }

    fn evidence(text: &str, sentence: usize, needle: &str) -> Evidence {
        let (start, end) = chars_of(text, needle);
        Evidence {
            article: ARTICLE.into(),
            sentence,
            text: needle.into(),
            start,
            end,
        }
    }

    /// The seed's first article: 林武 chairs the 58th meeting, 蓝佛安 instructs, 于英杰 reports,
    /// ten attend, two posts of 林武's, 杨文 the journalist.
    pub(crate) fn seed() -> Extraction {
        let text = "林武主持召开省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议强调\n\
            本报讯 (山西日报记者 杨文)1月4日,省委书记、省新冠肺炎疫情防控工作领导小组组长林武主持召开\
            省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议,听取常态化疫情防控和应急演练情况汇报。\
            省委副书记、省长、省疫情防控工作领导小组组长蓝佛安提出具体要求。\
            省委副书记商黎光,省领导张吉福、李凤岐、吴伟、卢东亮、韦韬、张复明、贺天才、孙洪山、汤志平出席会议。\
            副省长于英杰通报有关情况。";
        let s1 = "1月4日,省委书记、省新冠肺炎疫情防控工作领导小组组长林武主持召开\
            省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议,听取常态化疫情防控和应急演练情况汇报。";
        let s2 = "省委副书记、省长、省疫情防控工作领导小组组长蓝佛安提出具体要求。";
        let s3 = "省委副书记商黎光,省领导张吉福、李凤岐、吴伟、卢东亮、韦韬、张复明、贺天才、孙洪山、汤志平出席会议。";
        let s4 = "副省长于英杰通报有关情况。";
        let date = Date::new(2022, 1, 4);
        let article = Article {
            id: ARTICLE.into(),
            title: "林武主持召开省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议强调"
                .into(),
            headlines: vec![
                "林武主持召开省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议强调".into(),
                "以更大力度更严举措把紧关口 进一步筑牢疫情防控钢铁长城".into(),
            ],
            published: Date::new(2022, 1, 5),
            dateline: date,
            source: Some("山西日报".into()),
            url: None,
            reporters: vec!["杨文".into()],
            text: text.into(),
            body_start: 0,
            jurisdiction: vec!["山西省".into()],
            origin: Origin::default(),
        };
        let meeting = EntityId::new(
            EntityKind::Meeting,
            "省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议",
        );
        let committee = EntityId::new(EntityKind::Organization, "山西省委");
        let group = EntityId::new(
            EntityKind::Organization,
            "山西省新冠肺炎疫情防控工作领导小组",
        );
        let person = |name: &str| EntityId::new(EntityKind::Person, name);
        let mut entities = Vec::new();
        let mut m = Entity::new(meeting.clone(), meeting.key.clone());
        m.ordinal = Some(58);
        m.date = date;
        m.add_alias("省委第五十八次疫情防控专题会");
        entities.push(m);
        let mut c = Entity::new(committee.clone(), "山西省委");
        c.add_alias("省委");
        entities.push(c);
        let mut g = Entity::new(group.clone(), group.key.clone());
        g.add_alias("省新冠肺炎疫情防控工作领导小组");
        entities.push(g);
        let mut lin = Entity::new(person("林武"), "林武");
        for (written, resolved, role, body) in [
            ("省委书记", "山西省委书记", "书记", &committee),
            (
                "省新冠肺炎疫情防控工作领导小组组长",
                "山西省新冠肺炎疫情防控工作领导小组组长",
                "组长",
                &group,
            ),
        ] {
            lin.posts.push(Post {
                written: written.into(),
                resolved: resolved.into(),
                role: role.into(),
                organization: Some(body.clone()),
                date,
                evidence: evidence(text, 2, s1),
            });
        }
        entities.push(lin);
        let mut facts = Vec::new();
        let fact = |who: &str, relation, trigger: &str, sentence, s: &str| Fact {
            subject: Node::Entity(person(who)),
            relation,
            object: Node::Entity(meeting.clone()),
            trigger: trigger.into(),
            date,
            evidence: evidence(text, sentence, s),
            confidence: Confidence::FULL,
        };
        facts.push(fact("林武", Relation::Chairs, "主持召开", 2, s1));
        facts.push(fact("蓝佛安", Relation::Instructs, "提出具体要求", 3, s2));
        facts.push(fact("于英杰", Relation::Reports, "通报", 5, s4));
        let attendees = [
            "商黎光",
            "张吉福",
            "李凤岐",
            "吴伟",
            "卢东亮",
            "韦韬",
            "张复明",
            "贺天才",
            "孙洪山",
            "汤志平",
        ];
        for name in attendees {
            facts.push(fact(name, Relation::Attends, "出席", 4, s3));
        }
        for name in ["蓝佛安", "于英杰", "杨文"].into_iter().chain(attendees) {
            entities.push(Entity::new(person(name), name));
        }
        facts.push(Fact {
            subject: Node::Entity(person("杨文")),
            relation: Relation::ReportsFor,
            object: Node::Article(ARTICLE.into()),
            trigger: String::new(),
            date,
            evidence: evidence(text, 1, "(山西日报记者 杨文)"),
            confidence: Confidence::FULL,
        });
        facts.push(Fact {
            subject: Node::Entity(committee.clone()),
            relation: Relation::Organizes,
            object: Node::Entity(meeting.clone()),
            trigger: "主持召开".into(),
            date,
            evidence: evidence(text, 2, s1),
            confidence: Confidence::FULL,
        });
        let (start, end) = chars_of(text, "于英杰");
        let mentions = vec![Mention {
            entity: person("于英杰"),
            article: ARTICLE.into(),
            sentence: 5,
            text: "于英杰".into(),
            start,
            end,
        }];
        Extraction {
            article,
            entities,
            mentions,
            facts,
            warnings: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::{chars_of, seed, ARTICLE};
    use super::*;
    use oxigraph::model::{NamedNodeRef, NamedOrBlankNodeRef, TermRef};

    #[test]
    fn entity_iris_round_trip_and_are_valid() {
        let keys = [
            "林武",
            "省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议",
            "a/b",
            "with space",
            "say \"hi\"",
            "50%",
            "#?<>{}|\\^`[]",
            "tab\tnew\nline\u{7f}",
            "\u{80}\u{9f}\u{e000}\u{fdd0}\u{fffe}\u{1fffe}",
            // Tags and variation selectors (found by fuzzing: `李\u{e0000}`).
            "\u{e0000}\u{e0001}\u{e0100}\u{e0fff}\u{e1000}",
            "ideographic\u{3000}space、全角／斜杠",
            ".",
            "..",
            "...",
            "",
            "l'État & co;=:@!$*+,",
        ];
        for kind in EntityKind::ALL {
            for key in keys {
                let id = EntityId::new(kind, key);
                let iri = entity_iri(&id);
                assert!(NamedNode::new(iri.as_str()).is_ok(), "invalid IRI {iri}");
                assert_eq!(entity_id_of(iri.as_ref()), Some(id), "{iri}");
                let segment = iri.as_str().rsplit('/').next().unwrap_or_default();
                assert_eq!(decode_segment(segment).as_deref(), Some(key), "{iri}");
            }
        }
    }

    #[test]
    fn segments_encode_only_what_they_must() {
        let cases = [
            ("林武", "林武"),
            ("a/b", "a%2Fb"),
            ("a b", "a%20b"),
            ("\"", "%22"),
            ("%", "%25"),
            ("..", "%2E%2E"),
            ("全角／", "全角／"),
            ("\u{85}", "%C2%85"),
            ("x.y~z", "x.y~z"),
        ];
        for (key, want) in cases {
            assert_eq!(encode_segment(key), want, "{key:?}");
        }
        for bad in ["%", "%2", "%zz", "a/b", "%FF"] {
            assert_eq!(decode_segment(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn iris_of_other_things_are_not_entities() {
        let person = entity_iri(&EntityId::new(EntityKind::Person, "林武"));
        let cases = [
            article_iri("A1"),
            article_graph("A1"),
            span_iri("A1", 0, 3),
            NamedNode::new_unchecked(format!("{person}/x")),
            gov::CHAIRS.into_owned(),
        ];
        for iri in cases {
            assert_eq!(entity_id_of(iri.as_ref()), None, "{iri}");
        }
        assert_eq!(
            entity_id_of(NamedNode::new_unchecked(format!("{}{}", id::EVENT, "x")).as_ref()),
            Some(EntityId::new(EntityKind::Event, "x"))
        );
        assert_eq!(
            article_id_of(article_iri("a b/c").as_ref()).as_deref(),
            Some("a b/c")
        );
        assert_eq!(
            article_of_graph(article_graph("a/b").as_ref()).as_deref(),
            Some("a/b")
        );
        assert_eq!(article_of_graph(graph::ONTOLOGY), None);
    }

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
