//! Direct questions over the store: who chaired which meeting, what a person chaired. Each is
//! a SPARQL query built here and run on the store, so the store stays the one source of truth
//! and a user can print the query (`--sparql`) and adapt it.

use crate::vocab::{gov, graph, nif, prov, schema, skos};

/// A string as a SPARQL string literal, quotes and backslashes escaped.
pub fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `PREFIX` lines the queries of this module use.
fn prologue() -> String {
    [
        ("gov", gov::NAMESPACE),
        ("prov", prov::NAMESPACE),
        ("skos", skos::NAMESPACE),
        ("nif", nif::NAMESPACE),
        ("schema", schema::NAMESPACE),
    ]
    .iter()
    .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
    .collect()
}

/// One row a person in a role at an event, with its date, evidence sentence and article:
/// the body of the queries below. `role` is a `gov:` role term, `relation` the shortcut.
fn role_query(relation: &str, role: &str, filter: &str) -> String {
    format!(
        r#"{prologue}SELECT ?meeting ?person ?date ?evidence ?article WHERE {{
  {{
    SELECT ?m ?p (MIN(?d0) AS ?date) (SAMPLE(?ev0) AS ?ev) (SAMPLE(?g0) AS ?g) WHERE {{
      ?p {relation} ?m .
      GRAPH ?g0 {{
        ?m prov:qualifiedAssociation ?a .
        ?a prov:agent ?p ; prov:hadRole {role} ; prov:wasDerivedFrom ?span .
        ?span nif:anchorOf ?ev0 .
      }}
      OPTIONAL {{ ?m schema:startDate ?d0 }}
      {filter}
    }} GROUP BY ?m ?p
  }}
  {{ SELECT ?m (COALESCE(SAMPLE(?pl), SAMPLE(?al)) AS ?meeting) WHERE {{
      OPTIONAL {{ ?m skos:prefLabel ?pl }} OPTIONAL {{ ?m skos:altLabel ?al }}
  }} GROUP BY ?m }}
  {{ SELECT ?p (SAMPLE(?n) AS ?person) WHERE {{ ?p skos:prefLabel ?n }} GROUP BY ?p }}
  BIND(REPLACE(STR(?ev), "\\s*[\\r\\n]+\\s*", "") AS ?evidence)
  BIND(STRAFTER(STR(?g), {graph_base}) AS ?article)
}}
ORDER BY ?date ?meeting ?person
"#,
        prologue = prologue(),
        graph_base = literal(graph::ARTICLE),
    )
}

/// Meetings whose name contains `text` (all when `None`), with who chaired them.
pub fn who_chaired(text: Option<&str>) -> String {
    let filter = match text {
        Some(t) => format!(
            "FILTER EXISTS {{ ?m skos:prefLabel|skos:altLabel ?l . FILTER(CONTAINS(STR(?l), {})) }}",
            literal(t)
        ),
        None => String::new(),
    };
    role_query("gov:chairs", "gov:Chair", &filter)
}

/// Meetings chaired by the person named `name` (a name or an alias).
pub fn chaired_by(name: &str) -> String {
    let filter = format!(
        "FILTER EXISTS {{ ?p skos:prefLabel|skos:altLabel {}@zh }}",
        literal(name)
    );
    role_query("gov:chairs", "gov:Chair", &filter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::lexicon::Lexicon;
    use crate::model::{Article, Date};
    use crate::store::Store;
    use oxigraph::sparql::QueryResults;

    #[test]
    fn literals_escape_quotes_and_backslashes() {
        let cases = [
            ("林武", "\"林武\""),
            ("a\"b", "\"a\\\"b\""),
            ("a\\b", "\"a\\\\b\""),
            ("a\nb", "\"a\\nb\""),
        ];
        for (input, want) in cases {
            assert_eq!(literal(input), want);
        }
    }

    fn rows(store: &Store, q: &str) -> Vec<Vec<String>> {
        let QueryResults::Solutions(s) = store.query(q).unwrap() else {
            panic!("not a select")
        };
        s.map(|r| {
            let r = r.unwrap();
            r.iter().map(|(_, t)| t.to_string()).collect()
        })
        .collect()
    }

    #[test]
    fn answers_who_chaired_and_chaired_by() {
        let lex = Lexicon::builtin().unwrap();
        let store = Store::in_memory().unwrap();
        let article = Article {
            id: "a1".into(),
            title: "国务院常务会议".into(),
            text: "国务院总理李强1月4日主持召开国务院常务会议。".into(),
            published: Date::parse("2024-01-05"),
            ..Default::default()
        };
        store.ingest(&extract(&article, &lex)).unwrap();
        let all = rows(&store, &who_chaired(None));
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(all[0][1].contains("李强"), "{all:?}");
        assert!(all[0][2].contains("2024-01-04"), "{all:?}");
        assert!(all[0][4].contains("a1"), "{all:?}");
        assert_eq!(rows(&store, &who_chaired(Some("常务会议"))).len(), 1);
        assert_eq!(rows(&store, &who_chaired(Some("全体会议"))).len(), 0);
        assert_eq!(rows(&store, &chaired_by("李强")).len(), 1);
        assert_eq!(rows(&store, &chaired_by("李克强")).len(), 0);
    }
}
