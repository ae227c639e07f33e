//! `/diagram?entity=IRI`: an SVG of an entity's neighbourhood — the people, bodies, places and
//! events it is directly related to, and the posts linking people to bodies.
//!
//! The drawing is Graphviz's: [`neighbourhood`] writes DOT, [`render_svg`] runs `dot -Tsvg`.
//! `render_svg` is the one place that turns DOT into SVG, so that it can call the shared diagram
//! renderer (`src/render.rs`, being written for `govkg ask`) once that is merged.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QueryResults;

use crate::store::Store;
use crate::vocab::{gov, id, org, owl, rdfs, skos};

/// What can go wrong drawing a diagram.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("cannot run Graphviz's `dot` (install the graphviz package): {0}")]
    Dot(#[source] std::io::Error),
    #[error("`dot` failed: {0}")]
    DotFailed(String),
    #[error("cannot query the neighbourhood: {0}")]
    Store(#[from] crate::store::Error),
}

/// Edges drawn at most, so that a hub (a province's party committee) stays legible.
const MAX_EDGES: usize = 60;

/// The kinds of node, by IRI base (meetings and exhibitions are events).
const KINDS: [(&str, &str); 4] = [
    (
        id::PERSON,
        "shape=ellipse, style=filled, fillcolor=\"#dbeafe\"",
    ),
    (
        id::ORGANIZATION,
        "shape=box, style=filled, fillcolor=\"#fef3c7\"",
    ),
    (
        id::PLACE,
        "shape=house, style=filled, fillcolor=\"#dcfce7\"",
    ),
    (
        id::EVENT,
        "shape=box, style=\"rounded,filled\", fillcolor=\"#fce7f3\"",
    ),
];

/// A string as a DOT double-quoted string: `"` and `\` escaped, a line break as `\n` (DOT's
/// centred line break), tabs and carriage returns as spaces. A SPARQL string literal has the
/// same escapes, once tabs and carriage returns are gone.
fn quoted(s: &str) -> String {
    crate::answer::literal(&s.replace(['\t', '\r'], " "))
}

/// The SPARQL of an entity's neighbourhood: `?s ?o` entities, `?label` the relation's Chinese
/// label or the posts (for memberships), `?sl ?ol` their names.
fn neighbourhood_query(entity: &NamedNode) -> String {
    let is_entity = |var: &str| {
        KINDS
            .iter()
            .map(|(base, _)| format!("STRSTARTS(STR(?{var}), \"{base}\")"))
            .collect::<Vec<_>>()
            .join(" || ")
    };
    format!(
        r#"PREFIX skos: <{skos}>
PREFIX org: <{org}>
PREFIX gov: <{gov}>
SELECT ?s ?o (SAMPLE(?sl0) AS ?sl) (SAMPLE(?ol0) AS ?ol)
       (GROUP_CONCAT(DISTINCT ?label0; separator="、") AS ?label) WHERE {{
  {{
    {{ VALUES ?s {{ {e} }} ?s ?p ?o . FILTER(isIRI(?o)) }}
    UNION
    {{ VALUES ?o {{ {e} }} ?s ?p ?o }}
    FILTER(({s_entity}) && ({o_entity}) && ?s != ?o)
    # A relation and its inverse (gov:attends, schema:attendee) are drawn once, as govkg's.
    FILTER NOT EXISTS {{ ?gov <{inverse_of}> ?p }}
    OPTIONAL {{ ?p <{rdfs_label}> ?zh FILTER(LANG(?zh) = "zh") }}
    BIND(COALESCE(?zh, REPLACE(STR(?p), "^.*[/#]", "")) AS ?label0)
  }} UNION {{
    ?m org:member ?s ; gov:post ?label0 ; org:organization ?o .
    FILTER(?s = {e} || ?o = {e})
  }}
  OPTIONAL {{ ?s skos:prefLabel ?sl0 }}
  OPTIONAL {{ ?o skos:prefLabel ?ol0 }}
}} GROUP BY ?s ?o LIMIT {limit}"#,
        skos = skos::NAMESPACE,
        org = org::NAMESPACE,
        gov = gov::NAMESPACE,
        rdfs_label = rdfs::LABEL.as_str(),
        inverse_of = owl::INVERSE_OF.as_str(),
        e = entity,
        s_entity = is_entity("s"),
        o_entity = is_entity("o"),
        limit = MAX_EDGES,
    )
}

/// The DOT of `entity`'s neighbourhood in `store`; its own node is drawn bold. Every node
/// links (`URL`) to its IRI, which the page turns into a click that redraws around it.
pub fn neighbourhood(store: &Store, entity: &NamedNode) -> Result<String, Error> {
    let QueryResults::Solutions(rows) = store.query(&neighbourhood_query(entity))? else {
        return Ok(String::new());
    };
    let text = |t: Option<&Term>| match t {
        Some(Term::Literal(l)) => l.value().to_owned(),
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        _ => String::new(),
    };
    // Nodes by IRI (sorted, so that the same store draws the same diagram), with their label.
    let mut nodes: BTreeMap<String, String> = BTreeMap::new();
    let mut edges = Vec::new();
    for row in rows {
        let row = row.map_err(crate::store::Error::from)?;
        let (s, o) = (text(row.get("s")), text(row.get("o")));
        if s.is_empty() || o.is_empty() {
            continue;
        }
        nodes
            .entry(s.clone())
            .or_insert_with(|| text(row.get("sl")));
        nodes
            .entry(o.clone())
            .or_insert_with(|| text(row.get("ol")));
        edges.push((s, o, text(row.get("label"))));
    }
    if !nodes.contains_key(entity.as_str()) {
        let label = label_of(store, entity)?;
        nodes.insert(entity.as_str().to_owned(), label);
    }
    let ids: BTreeMap<&str, usize> = nodes
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let mut dot = String::from(
        "digraph neighbourhood {\n  graph [rankdir=LR, bgcolor=transparent, fontname=\"WenQuanYi Micro Hei\"];\n  node [fontname=\"WenQuanYi Micro Hei\", fontsize=12];\n  edge [fontname=\"WenQuanYi Micro Hei\", fontsize=10, color=\"#555555\"];\n",
    );
    for (iri, label) in &nodes {
        let style = KINDS
            .iter()
            .filter(|(base, _)| iri.starts_with(base))
            .map(|(_, style)| *style)
            .next_back()
            .unwrap_or("shape=plain");
        let label = if label.is_empty() {
            iri.rsplit('/').next().unwrap_or(iri)
        } else {
            label
        };
        let bold = if iri == entity.as_str() {
            ", penwidth=2.5"
        } else {
            ""
        };
        dot.push_str(&format!(
            "  n{} [label={}, URL={}, tooltip={}, {style}{bold}];\n",
            ids[iri.as_str()],
            quoted(label),
            quoted(iri),
            quoted(iri),
        ));
    }
    for (s, o, label) in &edges {
        dot.push_str(&format!(
            "  n{} -> n{} [label={}];\n",
            ids[s.as_str()],
            ids[o.as_str()],
            quoted(label)
        ));
    }
    dot.push_str("}\n");
    Ok(dot)
}

/// An entity's `skos:prefLabel`, or empty.
fn label_of(store: &Store, entity: &NamedNode) -> Result<String, Error> {
    let q = format!(
        "SELECT ?l WHERE {{ {entity} <{}> ?l }} LIMIT 1",
        skos::PREF_LABEL.as_str()
    );
    if let QueryResults::Solutions(mut rows) = store.query(&q)? {
        if let Some(row) = rows.next() {
            let row = row.map_err(crate::store::Error::from)?;
            if let Some(Term::Literal(l)) = row.get("l") {
                return Ok(l.value().to_owned());
            }
        }
    }
    Ok(String::new())
}

/// SVG of a DOT graph, drawn by Graphviz's `dot`.
pub fn render_svg(dot: &str) -> Result<Vec<u8>, Error> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(Error::Dot)?;
    // Written from another thread: `dot` may fill its output pipe before it has read its input.
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| Error::Dot(std::io::Error::other("no standard input")))?;
    let input = dot.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().map_err(Error::Dot)?;
    let written = writer.join();
    if !output.status.success() {
        return Err(Error::DotFailed(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ));
    }
    match written {
        Ok(Ok(())) => Ok(output.stdout),
        Ok(Err(e)) => Err(Error::Dot(e)),
        Err(_) => Err(Error::DotFailed("the thread feeding dot panicked".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityId, EntityKind};
    use crate::rdf::{self, fixture::seed};

    #[test]
    fn dot_strings_are_escaped() {
        let cases = [
            ("省委书记 林武", r#""省委书记 林武""#),
            (r#"say "hi""#, r#""say \"hi\"""#),
            (r"C:\dir", r#""C:\\dir""#),
            ("第一行\n第二行", r#""第一行\n第二行""#),
            ("a\tb\r\n", r#""a b \n""#),
        ];
        for (input, want) in cases {
            assert_eq!(quoted(input), want, "{input}");
        }
    }

    #[test]
    fn a_chair_is_drawn_with_the_meeting_and_the_posts() {
        let store = Store::in_memory().unwrap();
        store.ingest(&seed()).unwrap();
        let lin = rdf::entity_iri(&EntityId::new(EntityKind::Person, "林武"));
        let dot = neighbourhood(&store, &lin).unwrap();
        assert!(dot.starts_with("digraph"), "{dot}");
        assert!(dot.contains("label=\"林武\""), "{dot}");
        assert!(dot.contains("penwidth=2.5"), "{dot}");
        // The meeting he chaired, by its label, and the edge's Chinese label from the ontology.
        assert!(dot.contains("专题会"), "{dot}");
        assert!(dot.contains("主持"), "{dot}");
        // A post to a body.
        assert!(dot.contains("省委书记"), "{dot}");
        // An entity the store does not know is drawn alone.
        let nobody = rdf::entity_iri(&EntityId::new(EntityKind::Person, "无名"));
        let dot = neighbourhood(&store, &nobody).unwrap();
        assert_eq!(dot.matches("URL=").count(), 1, "{dot}");
    }
}
