//! The co-attendance network: people linked by the events they were both present at, weighted
//! by how many, with weighted PageRank and degrees to say who is central.

use std::collections::{BTreeMap, HashMap};

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::{KnowledgeGraph, NodeKind};

impl KnowledgeGraph {
    /// The people present at an event with `n` (who need not be a person), each with the
    /// number of such events, most first (then by IRI): `n`'s row of the co-attendance
    /// network, without building the rest.
    pub fn co_attendees_of(&self, n: NodeIndex) -> Vec<(NodeIndex, usize)> {
        let present = |e: &petgraph::graph::EdgeReference<'_, super::Edge>| {
            e.weight().link.is_presence_at_event()
        };
        let mut events: Vec<NodeIndex> = self
            .graph
            .edges(n)
            .filter(|e| present(e) && self.graph[e.target()].kind == NodeKind::Event)
            .map(|e| e.target())
            .collect();
        events.sort_unstable();
        events.dedup();
        let mut count: HashMap<NodeIndex, usize> = HashMap::new();
        for event in events {
            let mut people: Vec<NodeIndex> = self
                .graph
                .edges_directed(event, petgraph::Direction::Incoming)
                .filter(|e| {
                    present(e) && e.source() != n && self.graph[e.source()].kind == NodeKind::Person
                })
                .map(|e| e.source())
                .collect();
            people.sort_unstable();
            people.dedup();
            for p in people {
                *count.entry(p).or_default() += 1;
            }
        }
        let mut all: Vec<(NodeIndex, usize)> = count.into_iter().collect();
        all.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| self.graph[a.0].iri.cmp(&self.graph[b.0].iri))
        });
        all
    }

    /// The co-attendance network: people linked by the events they were both present at
    /// (chairing, instructing, reporting or speaking at an event counts as being there).
    pub fn co_attendance(&self) -> CoAttendance {
        let mut present: BTreeMap<NodeIndex, Vec<NodeIndex>> = BTreeMap::new();
        for e in self.graph.edge_references() {
            let at_event = e.weight().link.is_presence_at_event();
            if !at_event || self.graph[e.source()].kind != NodeKind::Person {
                continue;
            }
            let people = present.entry(e.target()).or_default();
            if !people.contains(&e.source()) {
                people.push(e.source());
            }
        }
        let mut net = UnGraph::<NodeIndex, Vec<NodeIndex>>::new_undirected();
        let mut at: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        let mut pairs: BTreeMap<(NodeIndex, NodeIndex), Vec<NodeIndex>> = BTreeMap::new();
        let mut events: HashMap<NodeIndex, usize> = HashMap::new();
        for (event, people) in &present {
            for &p in people {
                *events.entry(p).or_default() += 1;
                at.entry(p).or_insert_with(|| net.add_node(p));
            }
            for (i, &p) in people.iter().enumerate() {
                for &q in &people[i + 1..] {
                    let key = (p.min(q), p.max(q));
                    pairs.entry(key).or_default().push(*event);
                }
            }
        }
        for ((p, q), shared) in pairs {
            net.add_edge(at[&p], at[&q], shared);
        }
        CoAttendance { graph: net, events }
    }
}

/// People linked by the events they were both present at; each edge holds the shared events.
#[derive(Debug, Clone, Default)]
pub struct CoAttendance {
    /// Nodes are people (indices into the [`KnowledgeGraph`]).
    pub graph: UnGraph<NodeIndex, Vec<NodeIndex>>,
    /// Events each person was present at.
    pub events: HashMap<NodeIndex, usize>,
}

/// Two people and the events they shared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub a: String,
    pub b: String,
    pub a_iri: String,
    pub b_iri: String,
    pub shared: usize,
    /// The shared events, `label (date)`, by date.
    pub events: Vec<String>,
}

/// How central a person is in the co-attendance network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Centrality {
    pub person: String,
    pub post: Option<String>,
    /// Weighted PageRank (sums to 1 over the network).
    pub pagerank: f64,
    /// People they shared an event with.
    pub degree: usize,
    /// Shared events summed over those people.
    pub weighted_degree: usize,
    /// Events they were present at.
    pub events: usize,
}

impl CoAttendance {
    /// Pairs who shared at least `min` events, most first.
    pub fn pairs(&self, kg: &KnowledgeGraph, min: usize) -> Vec<Pair> {
        let mut out: Vec<Pair> = self
            .graph
            .edge_references()
            .filter(|e| e.weight().len() >= min)
            .map(|e| {
                let (a, b) = (self.graph[e.source()], self.graph[e.target()]);
                let (a, b) = if kg.node(a).label <= kg.node(b).label {
                    (a, b)
                } else {
                    (b, a)
                };
                let mut events = e.weight().clone();
                events.sort_by(|x, y| kg.node(*x).date.cmp(&kg.node(*y).date));
                Pair {
                    a: kg.node(a).label.clone(),
                    b: kg.node(b).label.clone(),
                    a_iri: kg.node(a).iri.clone(),
                    b_iri: kg.node(b).iri.clone(),
                    shared: events.len(),
                    events: events.iter().map(|&ev| kg.describe(ev)).collect(),
                }
            })
            .collect();
        out.sort_by(|x, y| {
            y.shared
                .cmp(&x.shared)
                .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
        });
        out
    }

    /// Everyone by weighted PageRank, highest first.
    pub fn centrality(&self, kg: &KnowledgeGraph) -> Vec<Centrality> {
        let edges: Vec<(usize, usize, f64)> = self
            .graph
            .edge_references()
            .map(|e| {
                (
                    e.source().index(),
                    e.target().index(),
                    e.weight().len() as f64,
                )
            })
            .collect();
        let ranks = page_rank(self.graph.node_count(), &edges, 0.85);
        let mut out: Vec<Centrality> = self
            .graph
            .node_indices()
            .map(|n| {
                let person = self.graph[n];
                Centrality {
                    person: kg.node(person).label.clone(),
                    post: kg.node(person).post.clone(),
                    pagerank: ranks[n.index()],
                    degree: self.graph.neighbors(n).count(),
                    weighted_degree: self.graph.edges(n).map(|e| e.weight().len()).sum(),
                    events: self.events.get(&person).copied().unwrap_or(0),
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.pagerank
                .total_cmp(&a.pagerank)
                .then_with(|| a.person.cmp(&b.person))
        });
        out
    }
}

/// PageRank on an undirected weighted graph of `n` nodes: a walker follows an edge with
/// probability proportional to its weight, or with probability `1 - damping` (and always from
/// a node without edges) jumps anywhere. Iterates until the ranks move less than 1e-12.
///
/// petgraph 0.8 has `page_rank`, but unweighted and quadratic in the nodes per iteration;
/// shared-event counts are the point of a co-attendance network, and it has thousands of people.
pub fn page_rank(n: usize, edges: &[(usize, usize, f64)], damping: f64) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let mut strength = vec![0.0; n];
    for &(a, b, w) in edges {
        strength[a] += w;
        strength[b] += w;
    }
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..1000 {
        let dangling: f64 = (0..n)
            .filter(|&i| strength[i] == 0.0)
            .map(|i| rank[i])
            .sum();
        let base = (1.0 - damping) / n as f64 + damping * dangling / n as f64;
        let mut next = vec![base; n];
        for &(a, b, w) in edges {
            next[b] += damping * rank[a] * w / strength[a];
            next[a] += damping * rank[b] * w / strength[b];
        }
        let moved: f64 = next.iter().zip(&rank).map(|(x, y)| (x - y).abs()).sum();
        rank = next;
        if moved < 1e-12 {
            break;
        }
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_rank_matches_hand_computed_values() {
        // Two nodes: a half each.
        let r = page_rank(2, &[(0, 1, 1.0)], 0.85);
        assert!(
            (r[0] - 0.5).abs() < 1e-9 && (r[1] - 0.5).abs() < 1e-9,
            "{r:?}"
        );
        // A star of three leaves: c = 0.15/4 + 0.85·3l, l = 0.15/4 + 0.85·c/3.
        let r = page_rank(4, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)], 0.85);
        let c = (0.0375 + 2.55 * 0.0375) / (1.0 - 2.55 * 0.85 / 3.0);
        let l = 0.0375 + 0.85 * c / 3.0;
        assert!((r[0] - c).abs() < 1e-9, "{r:?} vs {c}");
        assert!((r[1] - l).abs() < 1e-9, "{r:?} vs {l}");
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // Weights count: in a path a–b–c with a heavier a–b, a outranks c.
        let r = page_rank(3, &[(0, 1, 5.0), (1, 2, 1.0)], 0.85);
        assert!(r[0] > r[2] && r[1] > r[0], "{r:?}");
        // An isolated node keeps the teleport share and the total stays 1.
        let r = page_rank(3, &[(0, 1, 1.0)], 0.85);
        assert!(
            (r.iter().sum::<f64>() - 1.0).abs() < 1e-9 && r[2] > 0.0,
            "{r:?}"
        );
        assert!(page_rank(0, &[], 0.85).is_empty());
    }
}
