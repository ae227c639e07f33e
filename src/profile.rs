//! Entity profiles and search, for people reading the graph rather than querying it: what
//! `govkg serve`'s workbench and its JSON API (`/api/search`, `/api/entity`) show.
//!
//! A [`Catalogue`] lists every person, body, event and place once, with its names and the
//! number of articles attesting it, and finds them by substring as a user types: one query
//! builds it, after which a search is a scan of memory (on the 2022–23 新闻联播 store, 15
//! thousand entities, a few milliseconds), where a SPARQL `CONTAINS` over every label took a
//! second per keystroke.
//!
//! A [`Profile`] gathers what the store says about one entity, each row with the sentence
//! behind it and the article's title, date, outlet and URL: a person's posts and events by
//! role and the people most often in the same room; a body's members and the events it
//! organised; an event's participants and what it relayed or was relayed by; and, for every
//! kind, the relations written without a role (a venue hosting an event, a person meeting
//! another). Each part is one bounded query of its own, so a profile costs the entity's
//! neighbourhood, never the whole graph.

use std::collections::{BTreeSet, HashMap};

use oxigraph::model::{NamedNode, NamedNodeRef};
use serde::Serialize;

use crate::graph::{KnowledgeGraph, NodeKind};
use crate::matching;
use crate::relation::Relation;
use crate::sparql::{self, prologue, Evidence, Row, FOUND_SEPARATOR};
use crate::store::{QueryOptions, Store};
use crate::vocab::{graph, id};
use petgraph::visit::EdgeRef;

/// What can keep a profile or a search from being made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("no person, body, event or place {iri} in the store")]
    NotFound { iri: String },
    #[error(transparent)]
    Query(#[from] sparql::Error),
}

/// Rows a profile lists per part unless told otherwise.
pub const DEFAULT_ROWS: usize = 200;

/// One entity found by [`Catalogue::search`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub id: String,
    pub label: String,
    /// `Person`, `Organization`, `Event` or `Place` ([`NodeKind::type_name`]).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Articles attesting it.
    pub count: usize,
}

#[derive(Debug, Clone)]
struct Entry {
    hit: Hit,
    /// Its labels, lowercased, the preferred one first.
    names: Vec<String>,
}

/// Every entity of the store with its names, for search as one types.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    entries: Vec<Entry>,
}

fn catalogue_query() -> String {
    let types = NodeKind::ALL.map(|k| k.class().to_string()).join(" ");
    format!(
        r#"{prologue}SELECT ?e ?t ?count ?label ?alts WHERE {{
  {{ SELECT ?e ?t (COUNT(DISTINCT ?g) AS ?count) WHERE {{
      VALUES ?t {{ {types} }}
      GRAPH ?g {{ ?e a ?t }}
  }} GROUP BY ?e ?t }}
  OPTIONAL {{ SELECT ?e (SAMPLE(?l) AS ?label) WHERE {{
      GRAPH ?g {{ ?e skos:prefLabel ?l }}
  }} GROUP BY ?e }}
  OPTIONAL {{ SELECT ?e (GROUP_CONCAT(DISTINCT STR(?a); separator={sep}) AS ?alts) WHERE {{
      GRAPH ?g {{ ?e skos:altLabel ?a }}
  }} GROUP BY ?e }}
}}
"#,
        prologue = prologue(),
        sep = sparql::literal(&FOUND_SEPARATOR.to_string()),
    )
}

impl Catalogue {
    /// Reads every entity of the store.
    pub fn load(store: &Store, options: &QueryOptions) -> Result<Catalogue, Error> {
        let mut entries: Vec<Entry> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for r in sparql::select_with(store, &catalogue_query(), options)? {
            let (Some(id), Some(kind)) = (
                r.text("e"),
                r.text("t").and_then(|t| NodeKind::of_class(&t)),
            ) else {
                continue;
            };
            let count = r.int("count").unwrap_or(1).max(1) as usize;
            // An entity of two kinds (rare: a body also typed a place) is listed once, by the
            // kind more articles give it.
            if let Some(&i) = seen.get(&id) {
                if entries[i].hit.count < count {
                    entries[i].hit.kind = kind.type_name();
                    entries[i].hit.count = count;
                }
                continue;
            }
            let alts: Vec<String> = r
                .nonempty("alts")
                .map(|a| a.split(FOUND_SEPARATOR).map(str::to_string).collect())
                .unwrap_or_default();
            let Some(label) = r
                .nonempty("label")
                .or_else(|| matching::longest_name(alts.iter().map(String::as_str)))
            else {
                continue;
            };
            let mut names = vec![label.to_lowercase()];
            names.extend(alts.iter().map(|a| a.to_lowercase()));
            seen.insert(id.clone(), entries.len());
            entries.push(Entry {
                hit: Hit {
                    id,
                    label,
                    kind: kind.type_name(),
                    count,
                },
                names,
            });
        }
        Ok(Catalogue { entries })
    }

    /// How many entities it lists.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entities a label or alias of which contains `text` (case aside), at most `limit`:
    /// a name equal to the text first, then by the number of articles attesting them, then
    /// shorter labels first. Blank text finds nothing.
    pub fn search(&self, text: &str, limit: usize) -> Vec<Hit> {
        let text = text.trim().to_lowercase();
        if text.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(bool, &Entry)> = self
            .entries
            .iter()
            .filter_map(|e| {
                let exact = e.names.contains(&text);
                (exact || e.names.iter().any(|n| n.contains(&text))).then_some((exact, e))
            })
            .collect();
        found.sort_by(|(xa, a), (xb, b)| {
            xb.cmp(xa)
                .then(b.hit.count.cmp(&a.hit.count))
                .then(
                    a.hit
                        .label
                        .chars()
                        .count()
                        .cmp(&b.hit.label.chars().count()),
                )
                .then(a.hit.label.cmp(&b.hit.label))
                .then(a.hit.id.cmp(&b.hit.id))
        });
        found
            .into_iter()
            .take(limit)
            .map(|(_, e)| e.hit.clone())
            .collect()
    }
}

/// The article a piece of evidence comes from, as a reader cites it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Source {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A sentence behind a row, with its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cited {
    #[serde(flatten)]
    pub evidence: Evidence,
    #[serde(flatten)]
    pub source: Source,
}

impl From<Evidence> for Cited {
    fn from(evidence: Evidence) -> Cited {
        Cited {
            evidence,
            source: Source::default(),
        }
    }
}

/// A post a person holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Post {
    /// With its jurisdiction where one was resolved (`山西省长`).
    pub post: String,
    /// The body's label.
    pub organization: Option<String>,
    pub organization_id: Option<String>,
    /// First and last day an article attests it.
    pub first: Option<String>,
    pub last: Option<String>,
    /// The latest evidence.
    pub evidence: Cited,
}

/// An event an entity took part in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRole {
    pub event: String,
    pub label: String,
    /// The JSON Lines relation (`chairs`, `attends`, `instructs`, `reports`, `speaks`,
    /// `organizes`).
    pub role: &'static str,
    pub date: Option<String>,
    pub evidence: Cited,
}

/// Someone often in the same room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Peer {
    pub id: String,
    pub label: String,
    /// Events both were present at.
    pub count: usize,
}

/// A person holding a post in a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub id: String,
    pub label: String,
    pub post: String,
    pub first: Option<String>,
    pub last: Option<String>,
    pub evidence: Cited,
}

/// Someone in a role at an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    pub id: String,
    pub label: String,
    /// As in [`EventRole::role`].
    pub role: &'static str,
    pub evidence: Cited,
}

/// A meeting relaying (传达) another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelayLink {
    pub event: String,
    pub label: String,
    pub date: Option<String>,
    pub evidence: Cited,
}

/// A relation written without a role: `hosts`, `develops`, `meets`. Its evidence is the
/// article (the sentence is not linked to it in the store).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub relation: &'static str,
    /// Whether the entity is the relation's subject (`out`) or its object (`in`).
    pub direction: &'static str,
    pub id: String,
    pub label: String,
    pub article: String,
    pub sources: usize,
    #[serde(flatten)]
    pub source: Source,
}

/// What the store says about one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Its other names, most attested first.
    pub aliases: Vec<String>,
    /// Articles attesting it.
    pub count: usize,
    pub posts: Vec<Post>,
    /// Newest first.
    pub events: Vec<EventRole>,
    pub co_attendees: Vec<Peer>,
    pub members: Vec<Member>,
    pub participants: Vec<Participant>,
    /// What this meeting relayed.
    pub relayed: Vec<RelayLink>,
    /// The meetings that relayed this one.
    pub relayed_by: Vec<RelayLink>,
    pub links: Vec<Link>,
    /// The parts cut at the row limit.
    pub truncated: Vec<&'static str>,
}

/// Names, kinds and the number of attesting articles of one entity.
fn header_query(e: NamedNodeRef<'_>) -> String {
    format!(
        r#"{prologue}SELECT ?k ?v (COUNT(DISTINCT ?g) AS ?n) WHERE {{
  {{ GRAPH ?g {{ {e} a ?v }} BIND("type" AS ?k) }}
  UNION {{ GRAPH ?g {{ {e} skos:prefLabel ?v }} BIND("pref" AS ?k) }}
  UNION {{ GRAPH ?g {{ {e} skos:altLabel ?v }} BIND("alt" AS ?k) }}
}} GROUP BY ?k ?v ORDER BY ?k DESC(?n) ?v
"#,
        prologue = prologue(),
    )
}

/// The relations written without a role that `e` is either end of.
fn links_query(e: NamedNodeRef<'_>) -> String {
    let properties = Relation::unqualified()
        .iter()
        .map(|r| r.spec().property.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        r#"{prologue}SELECT ?p ?dir ?other (SAMPLE(?l) AS ?label) (MIN(STR(?g)) AS ?graph) (COUNT(DISTINCT ?g) AS ?sources) WHERE {{
  {{ GRAPH ?g {{ {e} ?p ?other }} BIND("out" AS ?dir) }}
  UNION {{ GRAPH ?g {{ ?other ?p {e} }} BIND("in" AS ?dir) }}
  FILTER(?p IN ({properties}))
  OPTIONAL {{ GRAPH ?g {{ ?other skos:prefLabel ?l }} }}
}} GROUP BY ?p ?dir ?other ORDER BY DESC(?sources) ?label
"#,
        prologue = prologue(),
    )
}

/// Title, date, URL and outlet of the articles whose graphs are `graphs`.
///
/// `articles` are the segments after [`graph::ARTICLE`]; the article's own IRI has the same
/// segment after [`id::ARTICLE`] ([`crate::iri`]): given both, every pattern is a look-up.
fn sources_query(articles: &[String]) -> String {
    let values = articles
        .iter()
        .filter_map(|a| {
            let g = NamedNode::new(format!("{}{a}", graph::ARTICLE)).ok()?;
            let article = NamedNode::new(format!("{}{a}", id::ARTICLE)).ok()?;
            Some(format!("({g} {article})"))
        })
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        r#"{prologue}SELECT ?g (SAMPLE(?t) AS ?title) (SAMPLE(?d) AS ?date) (SAMPLE(?u) AS ?url) (SAMPLE(?s) AS ?source) WHERE {{
  VALUES (?g ?article) {{ {values} }}
  GRAPH ?g {{ ?article a schema:NewsArticle }}
  # Blocks of their own, for the reason given at `sparql::participations`.
  OPTIONAL {{ GRAPH ?g {{ ?article schema:headline ?t }} }}
  OPTIONAL {{ GRAPH ?g {{ ?article schema:datePublished ?d }} }}
  OPTIONAL {{ GRAPH ?g {{ ?article schema:url ?u }} }}
  # One block: a nested optional label took five times as long.
  OPTIONAL {{ GRAPH ?g {{ ?article schema:publisher ?p . ?p skos:prefLabel ?s }} }}
}} GROUP BY ?g
"#,
        prologue = prologue(),
    )
}

/// The queries of this module, with made-up arguments, for the crate's test that every query
/// parses and names only declared terms.
#[cfg(test)]
pub(crate) fn queries() -> Vec<(String, String)> {
    let x = NamedNode::new_unchecked(format!("{}x", id::PERSON));
    vec![
        ("catalogue".into(), catalogue_query()),
        ("header".into(), header_query(x.as_ref())),
        ("links".into(), links_query(x.as_ref())),
        ("sources".into(), sources_query(&["x".to_string()])),
    ]
}

/// The JSON Lines name of the relation whose role is the IRI `role` (`gov:Chair` →
/// `chairs`); `other` for a role outside the table, as [`crate::relation::role_name`] says.
fn relation_name(role: &str) -> &'static str {
    Relation::of_role(role).map_or("other", Relation::as_str)
}

/// Where the relation named `role` stands in the relation table: roles are listed in its order.
fn role_rank(role: &str) -> Option<usize> {
    Relation::ALL.iter().position(|r| r.as_str() == role)
}

/// Keeps at most `limit` items, noting `part` in `truncated` when it cut.
fn cap<T>(
    mut v: Vec<T>,
    limit: usize,
    part: &'static str,
    truncated: &mut Vec<&'static str>,
) -> Vec<T> {
    if v.len() > limit {
        v.truncate(limit);
        truncated.push(part);
    }
    v
}

/// What the store says about `iri`, each part at most `limit` rows.
pub fn profile(
    store: &Store,
    view: &KnowledgeGraph,
    iri: NamedNodeRef<'_>,
    limit: usize,
    options: &QueryOptions,
) -> Result<Profile, Error> {
    let select = |q: &str| sparql::select_with(store, q, options);
    let not_found = || Error::NotFound {
        iri: iri.as_str().to_string(),
    };

    let mut kind = None;
    let mut count = 0;
    let mut prefs = Vec::new();
    let mut alts = Vec::new();
    for r in select(&header_query(iri))? {
        let (Some(k), Some(v)) = (r.text("k"), r.text("v")) else {
            continue;
        };
        let n = r.int("n").unwrap_or(0).max(0) as usize;
        match k.as_str() {
            "type" => {
                if let Some(found) = NodeKind::of_class(&v) {
                    if kind.is_none() || n > count {
                        kind = Some(found);
                        count = n;
                    }
                }
            }
            "pref" => prefs.push(v),
            _ => alts.push(v),
        }
    }
    let kind = kind.ok_or_else(not_found)?;
    // The rows come most attested first.
    let label = prefs
        .first()
        .cloned()
        .or_else(|| matching::longest_name(alts.iter().map(String::as_str)))
        .ok_or_else(not_found)?;
    let mut aliases: Vec<String> = Vec::new();
    for a in prefs.into_iter().chain(alts) {
        if a != label && !aliases.contains(&a) {
            aliases.push(a);
        }
    }

    let mut truncated = Vec::new();
    let mut p = Profile {
        id: iri.as_str().to_string(),
        label,
        kind: kind.type_name(),
        aliases,
        count,
        posts: Vec::new(),
        events: Vec::new(),
        co_attendees: Vec::new(),
        members: Vec::new(),
        participants: Vec::new(),
        relayed: Vec::new(),
        relayed_by: Vec::new(),
        links: Vec::new(),
        truncated: Vec::new(),
    };

    let node = view.index_of(iri.as_str());
    if matches!(kind, NodeKind::Person | NodeKind::Body) {
        let mut events: Vec<EventRole> = node
            .into_iter()
            .flat_map(|n| view.graph.edges(n))
            .filter_map(|e| {
                let crate::graph::Link::Fact { relation } = e.weight().link else {
                    return None;
                };
                let event = view.node(e.target());
                (relation.is_at_event() && event.kind == NodeKind::Event).then(|| EventRole {
                    event: event.iri.clone(),
                    label: event.label.clone(),
                    role: relation.as_str(),
                    date: e.weight().date.clone(),
                    evidence: e.weight().evidence.clone().into(),
                })
            })
            .collect();
        // Newest first, undated last; an event's roles in the relation table's order.
        events.sort_by(|a, b| {
            b.date
                .is_some()
                .cmp(&a.date.is_some())
                .then(b.date.cmp(&a.date))
                .then(a.event.cmp(&b.event))
                .then(role_rank(a.role).cmp(&role_rank(b.role)))
        });
        p.events = cap(events, limit, "events", &mut truncated);
    }
    if kind == NodeKind::Person {
        let posts = view
            .posts_of(iri.as_str())
            .iter()
            .map(|h| Post {
                post: h.resolved.clone(),
                organization: h.body_label.clone(),
                organization_id: h.body.clone(),
                first: h.first.clone(),
                last: h.last.clone(),
                evidence: h.evidence.clone().into(),
            })
            .collect();
        p.posts = cap(posts, limit, "posts", &mut truncated);
        let mut peers: Vec<Peer> = node
            .map(|n| view.co_attendees_of(n))
            .unwrap_or_default()
            .into_iter()
            .map(|(other, count)| Peer {
                id: view.node(other).iri.clone(),
                label: view.node(other).label.clone(),
                count,
            })
            .collect();
        peers.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        p.co_attendees = cap(peers, limit.min(50), "co_attendees", &mut truncated);
    }
    if kind == NodeKind::Body {
        let members = select(&sparql::members(iri))?
            .iter()
            .filter_map(|r| {
                Some(Member {
                    id: r.text("person")?,
                    label: r.nonempty("personLabel").unwrap_or_default(),
                    post: r.nonempty("key")?,
                    first: r.nonempty("first"),
                    last: r.nonempty("last"),
                    evidence: Evidence::of(r).into(),
                })
            })
            .collect();
        p.members = cap(members, limit, "members", &mut truncated);
    }
    if kind == NodeKind::Event {
        let mut participants: Vec<Participant> =
            select(&sparql::participants(iri, &Relation::at_event()))?
                .iter()
                .filter_map(|r| {
                    Some(Participant {
                        id: r.text("agent")?,
                        label: r.nonempty("agentLabel").unwrap_or_default(),
                        role: relation_name(&r.text("role")?),
                        evidence: Evidence::of(r).into(),
                    })
                })
                .collect();
        // By role in the relation table's order, then as the article lists them.
        participants.sort_by_key(|x| role_rank(x.role));
        p.participants = cap(participants, limit, "participants", &mut truncated);
        let relay = |r: &Row, event: &str, label: &str| {
            Some(RelayLink {
                event: r.text(event)?,
                label: r.nonempty(label).unwrap_or_default(),
                date: r.nonempty("date"),
                evidence: Evidence::of(r).into(),
            })
        };
        let relayed = select(&sparql::relayed_in(iri))?
            .iter()
            .filter_map(|r| relay(r, "relayed", "relayedLabel"))
            .collect();
        p.relayed = cap(relayed, limit, "relayed", &mut truncated);
        let relayed_by = select(&sparql::relays(Some(iri)))?
            .iter()
            .filter_map(|r| relay(r, "event", "eventLabel"))
            .collect();
        p.relayed_by = cap(relayed_by, limit, "relayed_by", &mut truncated);
    }
    let links = select(&links_query(iri))?
        .iter()
        .filter_map(|r| {
            let relation = Relation::of_property(&r.text("p")?)?;
            let graph_iri = r.text("graph")?;
            Some(Link {
                relation: relation.as_str(),
                direction: if r.text("dir")? == "out" { "out" } else { "in" },
                id: r.text("other")?,
                label: r.nonempty("label").unwrap_or_default(),
                article: graph_iri
                    .strip_prefix(graph::ARTICLE)
                    .unwrap_or(&graph_iri)
                    .to_string(),
                sources: r.int("sources").unwrap_or(1).max(1) as usize,
                source: Source::default(),
            })
        })
        .collect();
    p.links = cap(links, limit, "links", &mut truncated);
    p.truncated = truncated;
    cite_sources(store, &mut p, options)?;
    Ok(p)
}

/// Fills in the title, date, URL and outlet of every article the profile cites.
fn cite_sources(store: &Store, p: &mut Profile, options: &QueryOptions) -> Result<(), Error> {
    let articles: BTreeSet<String> = p
        .cited()
        .map(|c| c.evidence.article.clone())
        .chain(p.links.iter().map(|l| l.article.clone()))
        .filter(|a| !a.is_empty())
        .collect();
    let mut sources: HashMap<String, Source> = HashMap::new();
    let articles: Vec<String> = articles.into_iter().collect();
    // A few hundred articles a query keep the VALUES block small.
    for chunk in articles.chunks(200) {
        for r in sparql::select_with(store, &sources_query(chunk), options)? {
            let Some(g) = r.text("g") else { continue };
            let article = g.strip_prefix(graph::ARTICLE).unwrap_or(&g).to_string();
            sources.insert(
                article,
                Source {
                    title: r.nonempty("title"),
                    date: r.nonempty("date"),
                    url: r.nonempty("url"),
                    source: r.nonempty("source"),
                },
            );
        }
    }
    for c in p.cited_mut() {
        if let Some(s) = sources.get(&c.evidence.article) {
            c.source = s.clone();
        }
    }
    for l in &mut p.links {
        if let Some(s) = sources.get(&l.article) {
            l.source = s.clone();
        }
    }
    Ok(())
}

impl Profile {
    /// Every piece of evidence it cites.
    fn cited(&self) -> impl Iterator<Item = &Cited> {
        (self.posts.iter().map(|x| &x.evidence))
            .chain(self.events.iter().map(|x| &x.evidence))
            .chain(self.members.iter().map(|x| &x.evidence))
            .chain(self.participants.iter().map(|x| &x.evidence))
            .chain(self.relayed.iter().map(|x| &x.evidence))
            .chain(self.relayed_by.iter().map(|x| &x.evidence))
    }

    fn cited_mut(&mut self) -> impl Iterator<Item = &mut Cited> {
        (self.posts.iter_mut().map(|x| &mut x.evidence))
            .chain(self.events.iter_mut().map(|x| &mut x.evidence))
            .chain(self.members.iter_mut().map(|x| &mut x.evidence))
            .chain(self.participants.iter_mut().map(|x| &mut x.evidence))
            .chain(self.relayed.iter_mut().map(|x| &mut x.evidence))
            .chain(self.relayed_by.iter_mut().map(|x| &mut x.evidence))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::seed;
    use crate::iri::entity_iri;
    use crate::model::{EntityId, EntityKind};

    fn seed_store() -> Store {
        let store = Store::in_memory().unwrap();
        store.ingest(&seed()).unwrap();
        store
    }

    #[test]
    fn search_finds_by_substring_exact_names_first() {
        let store = seed_store();
        let catalogue = Catalogue::load(&store, &QueryOptions::default()).unwrap();
        assert!(catalogue.len() > 10, "{}", catalogue.len());
        // (text, the first hit's label, its type)
        let table = [
            ("林武", "林武", "Person"),
            ("  韦韬 ", "韦韬", "Person"),
            ("第五十八次", "", "Event"),
            ("省委", "", "Organization"),
        ];
        for (text, label, kind) in table {
            let hits = catalogue.search(text, 10);
            let first = hits.first().unwrap_or_else(|| panic!("{text}: nothing"));
            assert_eq!(first.kind, kind, "{text}: {hits:?}");
            if !label.is_empty() {
                assert_eq!(first.label, label, "{text}");
            }
            assert!(hits.iter().all(|h| h.count >= 1));
            assert!(
                hits.windows(2).all(|w| w[0].label.contains(text.trim())
                    || w[0].count >= w[1].count
                    || w[0].label == text.trim()),
                "{text}: {hits:?}"
            );
        }
        assert!(catalogue.search("", 10).is_empty());
        assert!(catalogue.search("不存在的名字", 10).is_empty());
        assert!(catalogue.search("省", 100).len() > 2);
        assert_eq!(catalogue.search("省", 2).len(), 2);
    }

    fn view(store: &Store) -> KnowledgeGraph {
        KnowledgeGraph::from_store(store).unwrap()
    }

    #[test]
    fn a_persons_profile_has_posts_events_and_peers_with_their_sources() {
        let store = seed_store();
        let lin = entity_iri(&EntityId::new(EntityKind::Person, "林武"));
        let p = profile(
            &store,
            &view(&store),
            lin.as_ref(),
            DEFAULT_ROWS,
            &QueryOptions::default(),
        )
        .unwrap();
        assert_eq!((p.label.as_str(), p.kind), ("林武", "Person"));
        assert!(
            p.posts.iter().any(|x| x.post.contains("书记")),
            "{:?}",
            p.posts
        );
        let chaired: Vec<_> = p.events.iter().filter(|e| e.role == "chairs").collect();
        assert_eq!(chaired.len(), 1, "{:?}", p.events);
        assert!(chaired[0].label.contains("第五十八次"), "{:?}", chaired[0]);
        // Newest first.
        assert!(p
            .events
            .windows(2)
            .all(|w| w[0].date >= w[1].date || w[1].date.is_none()));
        assert!(
            p.co_attendees.iter().any(|x| x.label == "商黎光"),
            "{:?}",
            p.co_attendees
        );
        assert!(p.co_attendees.iter().all(|x| x.label != "林武"));
        for e in p.events.iter().map(|e| &e.evidence) {
            assert!(e.evidence.sentence.contains("林武"), "{e:?}");
            assert!(e.source.title.is_some() && e.source.date.is_some(), "{e:?}");
        }
        assert!(p.truncated.is_empty());
        // A limit cuts and says so.
        let one = profile(
            &store,
            &view(&store),
            lin.as_ref(),
            1,
            &QueryOptions::default(),
        )
        .unwrap();
        assert!(one.posts.len() == 1 && p.posts.len() > 1);
        assert!(one.truncated.contains(&"posts"), "{:?}", one.truncated);
    }

    #[test]
    fn a_meetings_profile_lists_its_participants_by_role() {
        let store = seed_store();
        let catalogue = Catalogue::load(&store, &QueryOptions::default()).unwrap();
        let hit = &catalogue.search("第五十八次", 1)[0];
        let iri = NamedNode::new(hit.id.clone()).unwrap();
        let p = profile(
            &store,
            &view(&store),
            iri.as_ref(),
            DEFAULT_ROWS,
            &QueryOptions::default(),
        )
        .unwrap();
        assert_eq!(p.kind, "Event");
        assert_eq!(
            p.participants.first().map(|x| (x.label.as_str(), x.role)),
            Some(("林武", "chairs"))
        );
        assert!(p.participants.iter().any(|x| x.role == "attends"));
        assert!(p.events.is_empty() && p.posts.is_empty());
    }

    #[test]
    fn an_unknown_entity_is_not_found() {
        let store = seed_store();
        let nobody = entity_iri(&EntityId::new(EntityKind::Person, "无此人"));
        let e = profile(
            &store,
            &view(&store),
            nobody.as_ref(),
            10,
            &QueryOptions::default(),
        )
        .unwrap_err();
        assert!(matches!(e, Error::NotFound { .. }), "{e}");
    }
}
