//! One entity's neighbourhood as a small graph view, read by two SPARQL queries: what the
//! server's `/diagram` draws on each click, without building the graph of the whole store.
//!
//! Unlike [`KnowledgeGraph::from_store`], it takes every property between two of govkg's
//! entities, so a store extended by hand (or by SPARQL Update) still draws; the relations
//! govkg knows keep their colours, others are named by their ontology label.

use oxigraph::model::NamedNode;

use super::{Edge, Error, KnowledgeGraph, Link, Node, NodeIndex, NodeKind};
use crate::relation::Relation;
use crate::sparql::{self, Evidence, TermLabels};
use crate::store::Store;
use crate::vocab::{gov, id, itsrdf, org, owl, prov, schema};

/// The kinds of node, by IRI base (meetings and exhibitions are events).
const BASES: [(&str, NodeKind); 4] = [
    (id::PERSON, NodeKind::Person),
    (id::ORGANIZATION, NodeKind::Body),
    (id::PLACE, NodeKind::Place),
    (id::EVENT, NodeKind::Event),
];

fn kind_of(iri: &str) -> Option<NodeKind> {
    BASES
        .iter()
        .find(|(base, _)| iri.starts_with(base))
        .map(|(_, kind)| *kind)
}

/// The SPARQL of `entity`'s links: `?s ?p ?o` between entities, or a post (`?post`, with
/// `?p` bound to `gov:post`) from a person to a body. The names come from
/// [`sparql::labels_of`].
///
/// Each branch starts from the entity: a post matched with `FILTER(?s = e || ?o = e)`, or
/// names looked up over the union graph in the same query, made oxigraph read every
/// membership or every label of the store (93 s for one premier's diagram on the 新闻联播
/// store; 0.1 s this way).
///
/// `inverses` are the properties the ontology declares the inverse of another ([`inverses_query`]):
/// compared in the filter, where a `NOT EXISTS` per row took twice as long for a leader.
fn links_query(entity: &NamedNode, max_edges: usize, inverses: &[String]) -> String {
    let is_entity = |var: &str| {
        BASES
            .iter()
            .map(|(base, _)| format!("STRSTARTS(STR(?{var}), {})", sparql::literal(base)))
            .collect::<Vec<_>>()
            .join(" || ")
    };
    format!(
        r#"PREFIX org: <{org}>
PREFIX gov: <{gov}>
SELECT ?s ?p ?o ?post WHERE {{
  {{
    {{ VALUES ?s {{ {e} }} ?s ?p ?o . FILTER(isIRI(?o)) }}
    UNION
    {{ VALUES ?o {{ {e} }} ?s ?p ?o }}
    # Properties whose subjects are never entities (mentions, associations, memberships) go
    # first: a leader is the object of twenty thousand of them, and the test of the IRIs'
    # bases on each took 0.3 s. A relation and its inverse (gov:attends, schema:attendee) are
    # drawn once, as govkg's.
    FILTER(?p NOT IN ({never}) && ({s_entity}) && ({o_entity}) && ?s != ?o)
  }} UNION {{
    {{ VALUES ?s {{ {e} }} ?m org:member ?s ; gov:post ?written ; org:organization ?o }}
    UNION
    {{ VALUES ?o {{ {e} }} ?m org:organization ?o ; org:member ?s ; gov:post ?written }}
    BIND(gov:post AS ?p)
    BIND(STR(?written) AS ?post)
  }}
}} GROUP BY ?s ?p ?o ?post
ORDER BY ?s ?p ?o ?post
LIMIT {max_edges}"#,
        org = org::NAMESPACE,
        gov = gov::NAMESPACE,
        e = entity,
        never = [
            itsrdf::TA_IDENT_REF,
            schema::MENTIONS,
            prov::AGENT,
            org::MEMBER
        ]
        .iter()
        .map(|p| p.to_string())
        .chain(
            inverses
                .iter()
                .filter_map(|p| NamedNode::new(p.as_str()).ok())
                .map(|p| p.to_string())
        )
        .collect::<Vec<_>>()
        .join(", "),
        s_entity = is_entity("s"),
        o_entity = is_entity("o"),
    )
}

/// The properties declared the inverse of another (`?p`).
fn inverses_query() -> String {
    format!(
        "SELECT DISTINCT ?p WHERE {{ ?gov <{}> ?p }}",
        owl::INVERSE_OF.as_str()
    )
}

/// The queries of a neighbourhood around `entity`, for [`crate::sparql::every_query`].
#[cfg(test)]
pub(super) fn queries(entity: &NamedNode) -> Vec<(String, String)> {
    vec![
        (
            "neighbourhood links".to_string(),
            links_query(entity, 10, &[gov::ATTENDS.as_str().to_string()]),
        ),
        ("neighbourhood inverses".to_string(), inverses_query()),
        (
            "neighbourhood dates".to_string(),
            dates_query(&[entity.as_str()]),
        ),
    ]
}

/// The earliest start date of each of `events`.
fn dates_query(events: &[&str]) -> String {
    let values: Vec<String> = events.iter().map(|e| format!("<{e}>")).collect();
    format!(
        "{prologue}SELECT ?e (MIN(?d) AS ?date) WHERE {{ VALUES ?e {{ {values} }} ?e schema:startDate ?d }} GROUP BY ?e\n",
        prologue = sparql::prologue(),
        values = values.join(" "),
    )
}

/// The graph of `entity` and what is directly linked to it (at most `max_edges` links), and
/// the entity's node. An entity the store does not know is a graph of one node.
pub fn neighbourhood(
    store: &Store,
    entity: &NamedNode,
    max_edges: usize,
) -> Result<(KnowledgeGraph, NodeIndex), Error> {
    let mut kg = KnowledgeGraph::new(TermLabels::load(store)?);
    let node = |kg: &mut KnowledgeGraph, iri: String, label: Option<String>| {
        let kind = kind_of(&iri).unwrap_or(NodeKind::Body);
        let label = label.unwrap_or_else(|| super::tail(&iri));
        kg.add_node(Node {
            iri,
            label,
            kind,
            date: None,
            post: None,
        })
    };
    let inverses: Vec<String> = sparql::select(store, &inverses_query())?
        .iter()
        .filter_map(|r| r.text("p"))
        .collect();
    for r in sparql::select(store, &links_query(entity, max_edges, &inverses))? {
        let (Some(s), Some(p), Some(o)) = (r.text("s"), r.text("p"), r.text("o")) else {
            continue;
        };
        let link = match r.nonempty("post") {
            Some(post) if p == gov::POST.as_str() => Link::Post { post },
            _ => match Relation::of_property(&p) {
                Some(relation) => Link::Fact { relation },
                None => Link::Other { property: p },
            },
        };
        let a = node(&mut kg, s, None);
        let b = node(&mut kg, o, None);
        kg.add_edge(
            a,
            b,
            Edge {
                link,
                date: None,
                // The picture shows no sentences; `govkg graph neighbours` gives them.
                evidence: Evidence {
                    article: String::new(),
                    sentence: String::new(),
                    sources: 0,
                },
            },
        );
    }
    // An entity linked to nothing is a node of its own; it is named below with the others.
    let center = node(&mut kg, entity.as_str().to_string(), None);
    // Names of every node, then dates of the events: each a query over the nodes found.
    let nodes: Vec<String> = kg
        .graph
        .node_indices()
        .map(|i| kg.node(i).iri.clone())
        .collect();
    fill(
        store,
        &mut kg,
        &sparql::labels_of(nodes.iter().map(String::as_str)),
        "label",
        |n, l| n.label = l,
    )?;
    let events: Vec<&str> = nodes
        .iter()
        .map(String::as_str)
        .filter(|e| kind_of(e) == Some(NodeKind::Event))
        .collect();
    if !events.is_empty() {
        fill(store, &mut kg, &dates_query(&events), "date", |n, d| {
            n.date = Some(d)
        })?;
    }
    Ok((kg, center))
}

/// Sets, with `set`, the value in column `var` of each row of `query` on the node in its
/// column `?e`.
fn fill(
    store: &Store,
    kg: &mut KnowledgeGraph,
    query: &str,
    var: &str,
    set: impl Fn(&mut Node, String),
) -> Result<(), Error> {
    for r in sparql::select(store, query)? {
        if let (Some(e), Some(v)) = (r.text("e"), r.nonempty(var)) {
            if let Some(i) = kg.index_of(&e) {
                set(&mut kg.graph[i], v);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::seed;
    use crate::iri;
    use crate::model::{EntityId, EntityKind};

    #[test]
    fn a_chair_is_drawn_with_the_meeting_and_the_posts() {
        let store = Store::in_memory().unwrap();
        store.ingest(&seed()).unwrap();
        let lin = iri::entity_iri(&EntityId::new(EntityKind::Person, "林武"));
        let (kg, center) = neighbourhood(&store, &lin, 60).unwrap();
        assert_eq!(kg.node(center).label, "林武");
        let labels: Vec<String> = kg
            .graph
            .edge_indices()
            .filter_map(|e| kg.fact(e, "zh"))
            .map(|f| format!("{} {} {}", f.subject, f.relation, f.object))
            .collect();
        // The meeting he chaired, with the ontology's Chinese word for it, and a post.
        assert!(
            labels
                .iter()
                .any(|l| l.starts_with("林武 主持") && l.contains("专题会")),
            "{labels:?}"
        );
        assert!(
            labels.iter().any(|l| l.contains("任省委书记")),
            "{labels:?}"
        );
        // Each relation once, though the store also holds its inverse.
        let mut unique = labels.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), labels.len(), "{labels:?}");

        // An entity the store does not know is drawn alone.
        let nobody = iri::entity_iri(&EntityId::new(EntityKind::Person, "无名"));
        let (kg, center) = neighbourhood(&store, &nobody, 60).unwrap();
        assert_eq!(kg.graph.node_count(), 1);
        assert_eq!(kg.node(center).kind, NodeKind::Person);
    }

    #[test]
    fn at_most_max_edges_links_are_read() {
        let store = Store::in_memory().unwrap();
        store.ingest(&seed()).unwrap();
        let lin = iri::entity_iri(&EntityId::new(EntityKind::Person, "林武"));
        let (kg, _) = neighbourhood(&store, &lin, 2).unwrap();
        assert_eq!(kg.graph.edge_count(), 2);
    }
}
