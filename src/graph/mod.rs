//! The graph view of the store: people, bodies, places and events as nodes, the relations
//! between them as edges that carry their evidence, in a petgraph graph built by SPARQL from
//! the store (which stays the one source of truth). It answers what is awkward in SPARQL: who
//! is within N steps of someone, the shortest connection between two people with the fact
//! behind each step, and who is central in the network of people who sat in the same meetings.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::{Deserialize, Serialize};

pub mod exchange;
pub mod index;
mod load;
mod neighbourhood;
mod network;
pub mod report;

#[cfg(test)]
pub(crate) use load::queries;
pub use neighbourhood::neighbourhood;
pub use network::{page_rank, Centrality, CoAttendance, Pair};

use crate::matching;
use crate::relation::Relation;
use crate::sparql::{self, Evidence, PostHeld, TermLabels};
use crate::vocab::{gov, org, schema};
use oxigraph::model::NamedNodeRef;

/// What can go wrong building or searching the graph.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    Query(#[from] sparql::Error),
    #[error("nothing named “{0}” in the graph (people, bodies, places and events that take part in a relation)")]
    NotFound(String),
    #[error("“{asked}” names several nodes: {}; be more specific", names.join("; "))]
    Ambiguous { asked: String, names: Vec<String> },
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Person,
    Body,
    Event,
    Place,
}

impl NodeKind {
    pub const ALL: [NodeKind; 4] = [
        NodeKind::Person,
        NodeKind::Body,
        NodeKind::Event,
        NodeKind::Place,
    ];

    /// The class its members carry in the store.
    pub const fn class(self) -> NamedNodeRef<'static> {
        match self {
            NodeKind::Person => gov::PERSON,
            NodeKind::Body => org::ORGANIZATION,
            NodeKind::Event => gov::EVENT,
            NodeKind::Place => schema::PLACE,
        }
    }

    /// The kind whose [`NodeKind::class`] is `iri`.
    pub fn of_class(iri: &str) -> Option<NodeKind> {
        NodeKind::ALL
            .into_iter()
            .find(|k| k.class().as_str() == iri)
    }

    /// The local name of its class, for programs (`Person`, `Organization`, `Event`,
    /// `Place`): what the JSON API calls an entity's `type`.
    pub fn type_name(self) -> &'static str {
        let class = self.class().as_str();
        class.rsplit(['#', '/']).next().unwrap_or(class)
    }

    /// Its name in Chinese (`zh`) or English.
    pub fn name(self, lang: &str) -> &'static str {
        match (self, lang) {
            (NodeKind::Person, "zh") => "人物",
            (NodeKind::Body, "zh") => "机构",
            (NodeKind::Event, "zh") => "活动",
            (NodeKind::Place, "zh") => "地点",
            (NodeKind::Person, _) => "person",
            (NodeKind::Body, _) => "body",
            (NodeKind::Event, _) => "event",
            (NodeKind::Place, _) => "place",
        }
    }
}

/// A person, body, place or event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub iri: String,
    pub label: String,
    pub kind: NodeKind,
    /// An event's date.
    pub date: Option<String>,
    /// A person's most often attested post, as written.
    pub post: Option<String>,
}

/// What an edge states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Link {
    /// A relation between entities: a role at an event, a relay, a venue, a meeting of two people.
    Fact { relation: Relation },
    /// A person holds a post in a body.
    Post { post: String },
    /// A property outside govkg's relations (a store extended by hand), by its IRI.
    Other { property: String },
}

impl Link {
    /// Whether two people joined by this link through an event were in the same room: roles
    /// at an event other than organising it, and meeting each other.
    pub fn is_presence(&self) -> bool {
        matches!(self, Link::Fact { relation } if relation.is_presence())
    }

    /// Whether it puts its subject in the room of an event: what co-attendance counts
    /// ([`Relation::is_presence_at_event`]).
    pub fn is_presence_at_event(&self) -> bool {
        matches!(self, Link::Fact { relation } if relation.is_presence_at_event())
    }
}

/// A relation from one node to another, with the sentence that states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub link: Link,
    pub date: Option<String>,
    pub evidence: Evidence,
}

/// The graph of the store.
#[derive(Debug, Default)]
pub struct KnowledgeGraph {
    pub graph: DiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
    labels: TermLabels,
    /// Every person's posts by IRI, with or without a body (the edges hold those with one).
    held: HashMap<String, Vec<PostHeld>>,
}

/// The last path segment of an IRI, decoded: a readable name for a node without a label.
fn tail(iri: &str) -> String {
    let last = iri.rsplit('/').next().unwrap_or(iri);
    crate::iri::decode_segment(last).unwrap_or_else(|| last.to_string())
}

/// A fact of the graph in words: who or what, the relation, whom or what, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub subject: String,
    pub relation: String,
    pub object: String,
    pub date: Option<String>,
    pub evidence: Evidence,
}

/// A node reached from another, and the edge it was reached by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reached {
    pub node: NodeIndex,
    pub depth: usize,
    pub from: NodeIndex,
    pub edge: EdgeIndex,
}

/// Which nodes a diagram shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A node and what is within `depth` steps of it.
    Around { center: NodeIndex, depth: usize },
    /// Everything.
    All,
}

/// The nodes chosen for a diagram, and how many of each kind were left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    pub nodes: Vec<NodeIndex>,
    pub center: Option<NodeIndex>,
    pub omitted: BTreeMap<NodeKind, usize>,
}

impl View {
    pub fn omitted_total(&self) -> usize {
        self.omitted.values().sum()
    }
}

impl KnowledgeGraph {
    /// An empty graph whose links are labelled with `labels`.
    pub fn new(labels: TermLabels) -> KnowledgeGraph {
        KnowledgeGraph {
            labels,
            ..Default::default()
        }
    }

    /// The posts of the person `iri`, the latest first (then as the sentence ranks them).
    pub fn posts_of(&self, iri: &str) -> &[PostHeld] {
        self.held.get(iri).map_or(&[], Vec::as_slice)
    }

    /// Records a post of the person `iri`, keeping [`posts_of`](Self::posts_of)'s order.
    pub fn add_post(&mut self, iri: &str, post: PostHeld) {
        let all = self.held.entry(iri.to_string()).or_default();
        let key = |h: &PostHeld| {
            (
                std::cmp::Reverse(h.last.clone()),
                h.position,
                h.resolved.clone(),
            )
        };
        let at = all.partition_point(|h| key(h) <= key(&post));
        all.insert(at, post);
    }

    /// Sets the posts of the person `iri`, already in [`posts_of`](Self::posts_of)'s order.
    pub(crate) fn set_posts(&mut self, iri: String, posts: Vec<PostHeld>) {
        self.held.insert(iri, posts);
    }

    /// Every person with posts, and their posts, by IRI.
    pub fn posts(&self) -> impl Iterator<Item = (&str, &[PostHeld])> {
        let mut all: Vec<_> = self.held.iter().collect();
        all.sort_by(|a, b| a.0.cmp(b.0));
        all.into_iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Adds a node, or returns the one with the same IRI.
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        if let Some(&i) = self.index.get(&node.iri) {
            return i;
        }
        let iri = node.iri.clone();
        let i = self.graph.add_node(node);
        self.index.insert(iri, i);
        i
    }

    /// Adds an edge from `s` to `o`.
    pub fn add_edge(&mut self, s: NodeIndex, o: NodeIndex, edge: Edge) -> EdgeIndex {
        self.graph.add_edge(s, o, edge)
    }

    pub fn node(&self, i: NodeIndex) -> &Node {
        &self.graph[i]
    }

    /// The node of an IRI.
    pub fn index_of(&self, iri: &str) -> Option<NodeIndex> {
        self.index.get(iri).copied()
    }

    /// The node `name` names: one whose label it is (a person before others), else a person
    /// found as `ask` finds one (`省委书记林武`), else the one node whose label holds it.
    pub fn find(&self, name: &str) -> Result<NodeIndex, Error> {
        let name = name.trim();
        let exact: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&i| self.graph[i].label == name)
            .collect();
        let people: Vec<NodeIndex> = exact
            .iter()
            .copied()
            .filter(|&i| self.graph[i].kind == NodeKind::Person)
            .collect();
        match (exact.as_slice(), people.as_slice()) {
            ([one], _) | (_, [one]) => return Ok(*one),
            ([_, ..], _) => return Err(self.ambiguous(name, &exact)),
            _ => {}
        }
        let names: Vec<matching::PersonName> = self
            .graph
            .node_indices()
            .filter(|&i| self.graph[i].kind == NodeKind::Person)
            .filter_map(|i| {
                let n = &self.graph[i];
                Some(matching::PersonName {
                    iri: oxigraph::model::NamedNode::new(n.iri.clone()).ok()?,
                    label: n.label.clone(),
                    labels: vec![n.label.clone()],
                })
            })
            .collect();
        if let Ok(m) = matching::match_person(name, &names) {
            if let Some(i) = self.index_of(m.person.iri.as_str()) {
                return Ok(i);
            }
        }
        let holding: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&i| name.chars().count() >= 2 && self.graph[i].label.contains(name))
            .collect();
        match holding.as_slice() {
            [one] => Ok(*one),
            [] => Err(Error::NotFound(name.to_string())),
            _ => Err(self.ambiguous(name, &holding)),
        }
    }

    fn ambiguous(&self, asked: &str, nodes: &[NodeIndex]) -> Error {
        let mut names: Vec<String> = nodes.iter().map(|&i| self.describe(i)).collect();
        names.sort();
        names.dedup();
        let more = names.len().saturating_sub(8);
        names.truncate(8);
        if more > 0 {
            names.push(format!("… {more} more"));
        }
        Error::Ambiguous {
            asked: asked.to_string(),
            names,
        }
    }

    /// `label (date)` for events, the label otherwise.
    pub fn describe(&self, i: NodeIndex) -> String {
        let n = &self.graph[i];
        match &n.date {
            Some(d) if n.kind == NodeKind::Event => format!("{} ({d})", n.label),
            _ => n.label.clone(),
        }
    }

    /// The words of a link in `lang` (`zh`, `en`): the relation's label (the ontology's), the
    /// post, or the store's label of another property.
    pub fn link_label(&self, link: &Link, lang: &str) -> String {
        match link {
            Link::Fact { relation } => relation.spec().label(lang).to_string(),
            Link::Post { post } if lang == "zh" => format!("任{post}"),
            Link::Post { post } => format!("post: {post}"),
            Link::Other { property } => oxigraph::model::NamedNodeRef::new(property)
                .ok()
                .and_then(|p| self.labels.get(p, lang))
                .map_or_else(|| tail(property), str::to_string),
        }
    }

    /// An edge as a fact in words.
    pub fn fact(&self, e: EdgeIndex, lang: &str) -> Option<Fact> {
        let (s, o) = self.graph.edge_endpoints(e)?;
        let edge = &self.graph[e];
        Some(Fact {
            subject: self.describe(s),
            relation: self.link_label(&edge.link, lang),
            object: self.describe(o),
            date: edge.date.clone(),
            evidence: edge.evidence.clone(),
        })
    }

    /// Edges at `n` in either direction, with the node at their other end.
    fn around(&self, n: NodeIndex) -> impl Iterator<Item = (EdgeIndex, NodeIndex)> + '_ {
        self.graph
            .edges_directed(n, Direction::Outgoing)
            .map(|e| (e.id(), e.target()))
            .chain(
                self.graph
                    .edges_directed(n, Direction::Incoming)
                    .map(|e| (e.id(), e.source())),
            )
    }

    /// The number of distinct nodes `n` is linked to: how connected it is.
    pub fn degree(&self, n: NodeIndex) -> usize {
        self.around(n).map(|(_, m)| m).collect::<HashSet<_>>().len()
    }

    /// Breadth-first from `center` up to `depth` steps, following edges either way; each node
    /// once, with the edge it was first reached by. `center` itself is not listed.
    pub fn neighbours(&self, center: NodeIndex, depth: usize) -> Vec<Reached> {
        self.breadth_first(center, depth, |_| true)
    }

    fn breadth_first(
        &self,
        start: NodeIndex,
        depth: usize,
        follow: impl Fn(&Edge) -> bool,
    ) -> Vec<Reached> {
        let mut seen = HashSet::from([start]);
        let mut out = Vec::new();
        let mut queue = VecDeque::from([(start, 0)]);
        while let Some((n, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            // Stable order: by label, so that output does not depend on insertion order.
            let mut next: Vec<(EdgeIndex, NodeIndex)> = self
                .around(n)
                .filter(|(e, _)| follow(&self.graph[*e]))
                .collect();
            next.sort_by(|a, b| {
                self.graph[a.1]
                    .label
                    .cmp(&self.graph[b.1].label)
                    .then(a.0.cmp(&b.0))
            });
            for (e, m) in next {
                if seen.insert(m) {
                    out.push(Reached {
                        node: m,
                        depth: d + 1,
                        from: n,
                        edge: e,
                    });
                    queue.push_back((m, d + 1));
                }
            }
        }
        out
    }

    /// The shortest connection from `a` to `b`: each step the node walked from, the edge and the
    /// node reached. By default only links that put people in one room are walked (roles at an
    /// event, meeting each other), so that a path says who met whom; `any_relation` walks every
    /// link (posts in one body, relays between meetings, venues, organisers).
    pub fn path(
        &self,
        a: NodeIndex,
        b: NodeIndex,
        any_relation: bool,
    ) -> Option<Vec<(NodeIndex, EdgeIndex, NodeIndex)>> {
        if a == b {
            return Some(Vec::new());
        }
        let reached = self.breadth_first(a, usize::MAX, |e| any_relation || e.link.is_presence());
        let by_node: HashMap<NodeIndex, &Reached> = reached.iter().map(|r| (r.node, r)).collect();
        let mut steps = Vec::new();
        let mut at = b;
        while at != a {
            let r = by_node.get(&at)?;
            steps.push((r.from, r.edge, r.node));
            at = r.from;
        }
        steps.reverse();
        Some(steps)
    }

    /// The nodes a diagram shows: for [`Focus::Around`] the centre, then each ring of
    /// neighbours most connected first; for [`Focus::All`] the most connected nodes. At most
    /// `max_nodes`, each linked to one already chosen (a picture of islands says nothing).
    pub fn view(&self, focus: Focus, max_nodes: usize) -> View {
        let max_nodes = max_nodes.max(1);
        let mut chosen: Vec<NodeIndex> = Vec::new();
        let mut set: HashSet<NodeIndex> = HashSet::new();
        let mut omitted: BTreeMap<NodeKind, usize> = BTreeMap::new();
        let mut leave_out = |kg: &KnowledgeGraph, n: NodeIndex| {
            *omitted.entry(kg.graph[n].kind).or_default() += 1;
        };
        let by_degree = |kg: &KnowledgeGraph, nodes: &mut Vec<NodeIndex>| {
            nodes.sort_by(|&a, &b| {
                kg.degree(b)
                    .cmp(&kg.degree(a))
                    .then_with(|| kg.graph[a].label.cmp(&kg.graph[b].label))
            });
        };
        let center = match focus {
            Focus::Around { center, depth } => {
                chosen.push(center);
                set.insert(center);
                let reached = self.neighbours(center, depth);
                for d in 1..=depth {
                    let mut ring: Vec<NodeIndex> = reached
                        .iter()
                        .filter(|r| r.depth == d)
                        .map(|r| r.node)
                        .collect();
                    by_degree(self, &mut ring);
                    for n in ring {
                        let linked = self.around(n).any(|(_, m)| set.contains(&m));
                        if chosen.len() < max_nodes && linked {
                            chosen.push(n);
                            set.insert(n);
                        } else {
                            leave_out(self, n);
                        }
                    }
                }
                Some(center)
            }
            Focus::All => {
                let mut all: Vec<NodeIndex> = self
                    .graph
                    .node_indices()
                    .filter(|&n| self.degree(n) > 0)
                    .collect();
                by_degree(self, &mut all);
                let (keep, rest) = all.split_at(all.len().min(max_nodes));
                for &n in rest {
                    leave_out(self, n);
                }
                let keep_set: HashSet<NodeIndex> = keep.iter().copied().collect();
                for &n in keep {
                    if self.around(n).any(|(_, m)| m != n && keep_set.contains(&m)) {
                        chosen.push(n);
                    } else {
                        leave_out(self, n);
                    }
                }
                None
            }
        };
        View {
            nodes: chosen,
            center,
            omitted,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(kg: &mut KnowledgeGraph, key: &str, kind: NodeKind) -> NodeIndex {
        kg.add_node(Node {
            iri: format!("https://example.org/{key}"),
            label: key.into(),
            kind,
            date: None,
            post: None,
        })
    }

    fn link(kg: &mut KnowledgeGraph, s: NodeIndex, relation: Relation, o: NodeIndex) {
        kg.add_edge(
            s,
            o,
            Edge {
                link: Link::Fact { relation },
                date: None,
                evidence: Evidence {
                    article: "a".into(),
                    sentence: format!("{} {relation} {}", kg.node(s).label, kg.node(o).label),
                    sources: 1,
                },
            },
        );
    }

    /// The seed's shape: 林武 chairs m58, 韦韬 attends it and chairs m93, which relays m58 and
    /// where 张新伟 instructs; 林武 and 韦韬 are in 省委.
    fn seed_like() -> (KnowledgeGraph, [NodeIndex; 6]) {
        let mut kg = KnowledgeGraph::new(TermLabels::default());
        let lin = node(&mut kg, "林武", NodeKind::Person);
        let wei = node(&mut kg, "韦韬", NodeKind::Person);
        let zhang = node(&mut kg, "张新伟", NodeKind::Person);
        let m58 = node(&mut kg, "第五十八次会议", NodeKind::Event);
        let m93 = node(&mut kg, "第九十三次会议", NodeKind::Event);
        let body = node(&mut kg, "省委", NodeKind::Body);
        link(&mut kg, lin, Relation::Chairs, m58);
        link(&mut kg, wei, Relation::Attends, m58);
        link(&mut kg, wei, Relation::Chairs, m93);
        link(&mut kg, m93, Relation::Relays, m58);
        link(&mut kg, zhang, Relation::Instructs, m93);
        kg.add_edge(
            lin,
            body,
            Edge {
                link: Link::Post {
                    post: "省委书记".into(),
                },
                date: None,
                evidence: Evidence {
                    article: "a".into(),
                    sentence: "s".into(),
                    sources: 1,
                },
            },
        );
        (kg, [lin, wei, zhang, m58, m93, body])
    }

    #[test]
    fn paths_go_through_people_unless_any_relation_is_asked() {
        let (kg, [lin, wei, zhang, _, m93, body]) = seed_like();
        let steps = kg.path(lin, zhang, false).expect("a path");
        let through: Vec<NodeIndex> = steps.iter().map(|s| s.2).collect();
        assert_eq!(steps.len(), 4);
        assert!(through.contains(&wei), "{through:?}");
        // Walking relays too, the meetings connect directly.
        let steps = kg.path(lin, zhang, true).expect("a path");
        assert_eq!(steps.len(), 3);
        assert!(steps.iter().any(|s| s.2 == m93));
        // A body is reached only through a post, which is not presence.
        assert!(kg.path(zhang, body, false).is_none());
        assert!(kg.path(zhang, body, true).is_some());
        assert_eq!(kg.path(lin, lin, false), Some(Vec::new()));
    }

    #[test]
    fn neighbours_come_ring_by_ring() {
        let (kg, [lin, wei, _, m58, _, body]) = seed_like();
        let one = kg.neighbours(lin, 1);
        let got: HashSet<NodeIndex> = one.iter().map(|r| r.node).collect();
        assert_eq!(got, HashSet::from([m58, body]));
        let two = kg.neighbours(lin, 2);
        assert!(two
            .iter()
            .any(|r| r.node == wei && r.depth == 2 && r.from == m58));
        assert!(kg.neighbours(lin, 0).is_empty());
    }

    #[test]
    fn views_keep_the_most_connected_and_count_the_rest() {
        let (kg, [lin, _, _, m58, _, _]) = seed_like();
        let all = kg.view(Focus::All, 100);
        assert_eq!(all.nodes.len(), 6);
        assert_eq!(all.omitted_total(), 0);
        let two = kg.view(Focus::All, 2);
        assert_eq!(two.nodes.len(), 2);
        assert_eq!(two.omitted_total(), 4);
        // m58 (林武, 韦韬, m93) and 韦韬/m93 (three links each) come first.
        assert!(two.nodes.contains(&m58), "{two:?}");
        let around = kg.view(
            Focus::Around {
                center: lin,
                depth: 2,
            },
            3,
        );
        assert_eq!(around.nodes[0], lin);
        assert_eq!(around.center, Some(lin));
        assert_eq!(around.nodes.len(), 3);
        assert_eq!(around.omitted_total(), 2, "{around:?}");
    }

    #[test]
    fn names_find_nodes() {
        let (kg, [lin, _, zhang, m58, _, _]) = seed_like();
        assert_eq!(kg.find("林武").ok(), Some(lin));
        assert_eq!(kg.find("省委书记林武").ok(), Some(lin));
        assert_eq!(kg.find("新伟").ok(), Some(zhang));
        assert_eq!(kg.find("第五十八次会议").ok(), Some(m58));
        assert!(matches!(kg.find("王毅"), Err(Error::NotFound(_))));
        // 第…次会议 is in two labels.
        assert!(matches!(kg.find("次会议"), Err(Error::Ambiguous { .. })));
    }

    #[test]
    fn co_attendance_counts_presence_only() {
        let (kg, [lin, wei, zhang, ..]) = seed_like();
        let net = kg.co_attendance();
        let pairs = net.pairs(&kg, 1);
        assert_eq!(pairs.len(), 2, "{pairs:?}");
        assert!(pairs
            .iter()
            .any(|p| p.a == "林武" && p.b == "韦韬" && p.shared == 1));
        assert!(pairs.iter().any(|p| p.a == "张新伟" && p.b == "韦韬"));
        let central = net.centrality(&kg);
        assert_eq!(central[0].person, "韦韬");
        assert_eq!(central[0].degree, 2);
        assert_eq!(net.events.get(&wei), Some(&2));
        assert_eq!(net.events.get(&lin), Some(&1));
        assert!(net.events.contains_key(&zhang));
        assert!(net.pairs(&kg, 2).is_empty());
    }

    #[test]
    fn one_persons_co_attendees_agree_with_the_network() {
        let (mut kg, [lin, wei, zhang, m58, m93, _]) = seed_like();
        // A second shared meeting, with 林武 there twice over (chairing and speaking).
        let m99 = node(&mut kg, "第九十九次会议", NodeKind::Event);
        link(&mut kg, lin, Relation::Chairs, m99);
        link(&mut kg, lin, Relation::Speaks, m99);
        link(&mut kg, wei, Relation::Attends, m99);
        assert_eq!(kg.co_attendees_of(wei), vec![(lin, 2), (zhang, 1)]);
        assert_eq!(kg.co_attendees_of(lin), vec![(wei, 2)]);
        assert_eq!(kg.co_attendees_of(zhang), vec![(wei, 1)]);
        // An event's own row is empty: nobody is present at it "with" it.
        assert!(kg.co_attendees_of(m58).is_empty() && kg.co_attendees_of(m93).is_empty());
        let net = kg.co_attendance();
        for p in net.pairs(&kg, 1) {
            let a = kg.index_of(&p.a_iri).unwrap();
            let b = kg.index_of(&p.b_iri).unwrap();
            assert!(kg.co_attendees_of(a).contains(&(b, p.shared)), "{p:?}");
        }
    }

    #[test]
    fn posts_come_latest_first_then_by_rank() {
        let mut kg = KnowledgeGraph::default();
        let held = |post: &str, last: Option<&str>, position: Option<i64>| PostHeld {
            post: post.into(),
            resolved: post.into(),
            body: None,
            body_label: None,
            first: None,
            last: last.map(str::to_string),
            position,
            evidence: Evidence::default(),
        };
        for h in [
            held("undated", None, None),
            held("省长", Some("2022-01-01"), Some(9)),
            held("书记", Some("2022-01-01"), Some(2)),
            held("新职", Some("2023-05-01"), Some(5)),
        ] {
            kg.add_post("p", h);
        }
        let order: Vec<&str> = kg
            .posts_of("p")
            .iter()
            .map(|h| h.resolved.as_str())
            .collect();
        assert_eq!(order, ["新职", "书记", "省长", "undated"]);
        assert!(kg.posts_of("q").is_empty());
    }
}
