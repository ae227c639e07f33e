//! Loading the graph view from the store: every node and edge by a few SPARQL queries, the
//! sentence of each relation that has no evidence node found again in its article's text.

use std::collections::{BTreeMap, HashMap};

use petgraph::graph::NodeIndex;

use super::{index, tail, Edge, Error, KnowledgeGraph, Link, Node, NodeKind};
use crate::relation::Relation;
use crate::sparql::{self, Evidence, PostHeld, Row, TermLabels};
use crate::store::Store;
use crate::vocab::graph;

/// Every person, body, place and event with its label and date (the date from a subquery of
/// its own: an aggregate over rows of which one lacks a value gives none in oxigraph).
fn nodes_query() -> String {
    let types = NodeKind::ALL.map(|k| k.class().to_string()).join(" ");
    format!(
        r#"{prologue}SELECT ?node ?type ?label ?date WHERE {{
  {{ SELECT ?node (SAMPLE(?t) AS ?type) (SAMPLE(?l) AS ?label) WHERE {{
      VALUES ?t {{ {types} }}
      GRAPH ?g {{ ?node a ?t ; skos:prefLabel ?l }}
  }} GROUP BY ?node }}
  OPTIONAL {{ SELECT ?node (MIN(?d) AS ?date) WHERE {{
      GRAPH ?g {{ ?node schema:startDate ?d }}
  }} GROUP BY ?node }}
}}
"#,
        prologue = sparql::prologue(),
    )
}

/// The relations written without a qualified node (no role, no evidence link), with their
/// article and its date. Their sentence is found again in the article's text, around the two
/// names: where those are is asked next, by [`mentions_query`].
fn unqualified_query() -> String {
    let relations = Relation::unqualified()
        .into_iter()
        .map(|r| r.spec().property.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        r#"{prologue}SELECT ?s ?rel ?o ?g ?date WHERE {{
  VALUES ?rel {{ {relations} }}
  GRAPH ?g {{
    ?s ?rel ?o .
    OPTIONAL {{ ?article schema:dateCreated|schema:datePublished ?date }}
  }}
}}
"#,
        prologue = sparql::prologue(),
    )
}

/// Where each (article graph, entity) of `pairs` is mentioned. The pairs are given as values
/// rather than joined as an `OPTIONAL` to the relations: oxigraph then read every mention of
/// the store per relation (13 s on the 新闻联播 2022–23 store; 0.1 s this way).
fn mentions_query(pairs: &[(&str, &str)]) -> String {
    let values: Vec<String> = pairs
        .iter()
        .map(|(g, e)| format!("(<{g}> <{e}>)"))
        .collect();
    format!(
        r#"{prologue}SELECT ?g ?e ?b WHERE {{
  VALUES (?g ?e) {{ {values} }}
  GRAPH ?g {{ ?m itsrdf:taIdentRef ?e ; nif:beginIndex ?b }}
}}
"#,
        prologue = sparql::prologue(),
        values = values.join(" "),
    )
}

/// The queries of the graph view, for [`crate::sparql::every_query`].
#[cfg(test)]
pub(crate) fn queries() -> Vec<(String, String)> {
    use crate::model::{EntityId, EntityKind};
    let g = crate::iri::article_graph("A1");
    let e = crate::iri::entity_iri(&EntityId::new(EntityKind::Person, "x"));
    let mut all = vec![
        ("graph nodes".to_string(), nodes_query()),
        ("graph unqualified".to_string(), unqualified_query()),
        ("graph texts".to_string(), texts_query(&[g.as_str()])),
        (
            "graph mentions".to_string(),
            mentions_query(&[(g.as_str(), e.as_str())]),
        ),
    ];
    all.extend(super::neighbourhood::queries(&e));
    all
}

/// The text of each of `graphs`.
fn texts_query(graphs: &[&str]) -> String {
    let values: Vec<String> = graphs.iter().map(|g| format!("<{g}>")).collect();
    format!(
        r#"{prologue}SELECT ?g ?text WHERE {{
  VALUES ?g {{ {values} }}
  GRAPH ?g {{ ?c a nif:Context ; nif:isString ?text }}
}}
"#,
        prologue = sparql::prologue(),
        values = values.join(" "),
    )
}

/// Of the `places` of two names in `text` (the first of the two, how far apart), the one whose
/// sentence best evidences their relation: the closest two, and of equally close ones the
/// first outside the headline (which repeats what the body's sentence says in full).
fn closest(text: &str, places: &[(usize, i64)]) -> Option<usize> {
    let headline = text.chars().position(|c| c == '\n').unwrap_or(usize::MAX);
    places
        .iter()
        .min_by_key(|&&(at, dist)| (dist, at < headline, at))
        .map(|&(at, _)| at)
}

/// The sentence of `text` around character `at`: from after the previous stop or line break
/// to the next stop (kept) or line break (dropped): a headline is a sentence of its own.
fn sentence_around(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = at.min(chars.len().saturating_sub(1));
    let stop = |c: char| "。！？!?\n".contains(c);
    let start = chars[..at]
        .iter()
        .rposition(|&c| stop(c))
        .map_or(0, |i| i + 1);
    let end = chars[at..]
        .iter()
        .position(|&c| stop(c))
        .map_or(chars.len(), |i| {
            if chars[at + i] == '\n' {
                at + i
            } else {
                at + i + 1
            }
        });
    chars[start..end.max(start)]
        .iter()
        .collect::<String>()
        .trim()
        .to_string()
}

impl KnowledgeGraph {
    /// Builds the graph from the store: its relations between people, bodies, places and
    /// events, and people's posts in bodies. Journalists' bylines are left out: they say who
    /// wrote an article, not who met whom.
    ///
    /// A store on disk keeps the view in its folder ([`index`]) and reads it back until the
    /// store changes.
    pub fn from_store(store: &Store) -> Result<KnowledgeGraph, Error> {
        let Some((dir, fingerprint)) = store
            .path()
            .and_then(|dir| Some((dir, index::fingerprint(dir).ok()?)))
        else {
            return KnowledgeGraph::from_queries(store);
        };
        if let Some(kg) = index::read(dir, &fingerprint, TermLabels::load(store)?) {
            return Ok(kg);
        }
        let kg = KnowledgeGraph::from_queries(store)?;
        // Without an index (read-only media, a full disk) the view is built again next time.
        let _ = index::write(dir, &fingerprint, &kg);
        Ok(kg)
    }

    /// [`from_store`](Self::from_store)'s graph, read by the store's queries whether or not a
    /// view is kept: what building the index costs.
    pub fn from_queries(store: &Store) -> Result<KnowledgeGraph, Error> {
        let mut kg = KnowledgeGraph {
            labels: TermLabels::load(store)?,
            ..Default::default()
        };
        let mut known: HashMap<String, Node> = HashMap::new();
        for r in sparql::select(store, &nodes_query())? {
            let (Some(iri), Some(t)) = (r.text("node"), r.text("type")) else {
                continue;
            };
            let Some(kind) = NodeKind::of_class(&t) else {
                continue;
            };
            let label = r.nonempty("label").unwrap_or_else(|| tail(&iri));
            known.insert(
                iri.clone(),
                Node {
                    iri,
                    label,
                    kind,
                    date: r.nonempty("date"),
                    post: None,
                },
            );
        }
        let mut node = |kg: &mut KnowledgeGraph, iri: &str, label: Option<String>, kind| {
            if let Some(&i) = kg.index.get(iri) {
                return i;
            }
            let n = known.remove(iri).unwrap_or_else(|| Node {
                iri: iri.to_string(),
                label: label.unwrap_or_else(|| tail(iri)),
                kind,
                date: None,
                post: None,
            });
            let i = kg.graph.add_node(n);
            kg.index.insert(iri.to_string(), i);
            i
        };

        for r in sparql::select(store, &sparql::all_participations(&Relation::at_event()))? {
            let (Some(event), Some(agent), Some(relation)) = (
                r.text("event"),
                r.text("agent"),
                r.text("role").as_deref().and_then(Relation::of_role),
            ) else {
                continue;
            };
            let e = node(&mut kg, &event, r.nonempty("eventLabel"), NodeKind::Event);
            let a = node(&mut kg, &agent, r.nonempty("agentLabel"), NodeKind::Person);
            kg.graph.add_edge(a, e, edge(Link::Fact { relation }, &r));
        }
        for r in sparql::select(store, &sparql::relays(None))? {
            let (Some(event), Some(relayed)) = (r.text("event"), r.text("relayed")) else {
                continue;
            };
            let s = node(&mut kg, &event, r.nonempty("eventLabel"), NodeKind::Event);
            let o = node(
                &mut kg,
                &relayed,
                r.nonempty("relayedLabel"),
                NodeKind::Event,
            );
            let link = Link::Fact {
                relation: Relation::Relays,
            };
            kg.graph.add_edge(s, o, edge(link, &r));
        }
        // Posts: an edge to the body when there is one; and each person's most attested post
        // (then the latest) for their label.
        let mut best_post: HashMap<String, (usize, String, String)> = HashMap::new();
        for r in sparql::select(store, &sparql::posts(None))? {
            let (Some(person), Some(held)) = (r.text("person"), PostHeld::of(&r)) else {
                continue;
            };
            let sources = held.evidence.sources;
            let last = held.last.clone().unwrap_or_default();
            let better = match best_post.get(&person) {
                Some((n, l, _)) => (sources, &last) > (*n, l),
                None => true,
            };
            if better {
                best_post.insert(person.clone(), (sources, last, held.post.clone()));
            }
            if let Some(body) = &held.body {
                let p = node(
                    &mut kg,
                    &person,
                    r.nonempty("personLabel"),
                    NodeKind::Person,
                );
                let b = node(&mut kg, body, held.body_label.clone(), NodeKind::Body);
                kg.graph.add_edge(
                    p,
                    b,
                    Edge {
                        link: Link::Post {
                            post: held.post.clone(),
                        },
                        date: held.last.clone(),
                        evidence: held.evidence.clone(),
                    },
                );
            }
            kg.add_post(&person, held);
        }
        kg.add_unqualified(store, &mut node)?;
        for (person, (_, _, post)) in best_post {
            if let Some(&i) = kg.index.get(&person) {
                kg.graph[i].post = Some(post);
            }
        }
        Ok(kg)
    }

    /// Adds hosts, meets and develops, finding their sentence around the two names.
    fn add_unqualified(
        &mut self,
        store: &Store,
        node: &mut impl FnMut(&mut KnowledgeGraph, &str, Option<String>, NodeKind) -> NodeIndex,
    ) -> Result<(), Error> {
        // (subject, relation, object) → graph → (the places of the two names: each pair of
        // their mentions as (the first of the two, how far apart); the article's date).
        type Place = (Vec<(usize, i64)>, Option<String>);
        let mut found: BTreeMap<(String, String, String), BTreeMap<String, Place>> =
            BTreeMap::new();
        let mut rows = Vec::new();
        for r in sparql::select(store, &unqualified_query())? {
            let (Some(s), Some(rel), Some(o), Some(g)) =
                (r.text("s"), r.text("rel"), r.text("o"), r.text("g"))
            else {
                continue;
            };
            rows.push((s, rel, o, g, r.nonempty("date")));
        }
        let mut begins: HashMap<(String, String), Vec<usize>> = HashMap::new();
        {
            let mut pairs: Vec<(&str, &str)> = rows
                .iter()
                .flat_map(|(s, _, o, g, _)| [(g.as_str(), s.as_str()), (g.as_str(), o.as_str())])
                .collect();
            pairs.sort_unstable();
            pairs.dedup();
            for chunk in pairs.chunks(500) {
                for r in sparql::select(store, &mentions_query(chunk))? {
                    if let (Some(g), Some(e), Some(b)) = (r.text("g"), r.text("e"), r.int("b")) {
                        begins.entry((g, e)).or_default().push(b.max(0) as usize);
                    }
                }
            }
        }
        for (s, rel, o, g, date) in rows {
            let of = |e: &str| begins.get(&(g.clone(), e.to_string()));
            let places = match (of(&s), of(&o)) {
                (Some(a), Some(b)) => a
                    .iter()
                    .flat_map(|&x| b.iter().map(move |&y| (x.min(y), x.abs_diff(y) as i64)))
                    .collect(),
                (Some(a), None) | (None, Some(a)) => a.iter().map(|&x| (x, i64::MAX)).collect(),
                (None, None) => Vec::new(),
            };
            let slot = found
                .entry((s, rel, o))
                .or_default()
                .entry(g)
                .or_insert((Vec::new(), date));
            slot.0.extend(places);
        }
        let graphs: Vec<&str> = {
            let mut g: Vec<&str> = found
                .values()
                .filter_map(|per| per.keys().next().map(String::as_str))
                .collect();
            g.sort();
            g.dedup();
            g
        };
        let mut texts: HashMap<String, String> = HashMap::new();
        for chunk in graphs.chunks(200) {
            for r in sparql::select(store, &texts_query(chunk))? {
                if let (Some(g), Some(t)) = (r.text("g"), r.text("text")) {
                    texts.insert(g, t);
                }
            }
        }
        for ((s, rel, o), per_graph) in found {
            let Some(relation) = Relation::of_property(&rel) else {
                continue;
            };
            let Some((g, (at, date))) = per_graph.iter().next() else {
                continue;
            };
            let sentence = match texts.get(g) {
                Some(t) => closest(t, at).map_or_else(String::new, |at| sentence_around(t, at)),
                None => String::new(),
            };
            let a = node(self, &s, None, NodeKind::Body);
            let b = node(self, &o, None, NodeKind::Body);
            self.graph.add_edge(
                a,
                b,
                Edge {
                    link: Link::Fact { relation },
                    date: date.clone(),
                    evidence: Evidence {
                        article: g.strip_prefix(graph::ARTICLE).unwrap_or(g).to_string(),
                        sentence,
                        sources: per_graph.len(),
                    },
                },
            );
        }
        Ok(())
    }
}

fn edge(link: Link, row: &Row) -> Edge {
    Edge {
        link,
        date: row.nonempty("date"),
        evidence: Evidence::of(row),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_names_outside_the_headline_are_chosen() {
        let text = "李强会见克里\n李强会见克里。克里说，李强好。";
        type Places<'a> = &'a [(usize, i64)];
        let cases: [(Places, Option<usize>); 5] = [
            (&[], None),
            (&[(0, 4), (7, 4)], Some(7)),
            (&[(7, 4), (14, 6)], Some(7)),
            (&[(14, 2), (7, 4)], Some(14)),
            (&[(0, 2), (7, 4)], Some(0)),
        ];
        for (places, want) in cases {
            assert_eq!(closest(text, places), want, "{places:?}");
        }
    }

    #[test]
    fn sentences_are_cut_around_a_position() {
        let text = "标题\n李强会见克里。双方交换意见！后来散会";
        let cases = [
            (3, "李强会见克里。"),
            (8, "李强会见克里。"),
            (10, "双方交换意见！"),
            (17, "后来散会"),
            (0, "标题"),
            (100, "后来散会"),
        ];
        for (at, want) in cases {
            assert_eq!(sentence_around(text, at), want, "{at}");
        }
        assert_eq!(sentence_around("", 0), "");
    }
}
