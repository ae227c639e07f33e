//! The page at `/`, the analyst's workbench: search with suggestions, an entity's profile with
//! the evidence of every line, `ask` questions, the relationship map, and the SPARQL editor with
//! ready examples. Plain HTML and JavaScript (`page.html`) built into the binary, with nothing
//! fetched from elsewhere, over the JSON API of [`super::api`]. What it names — the examples'
//! terms, the relations' labels, the kinds of entity, the forms of question — is filled in
//! here from the constants that define them, so that the page says what the data and the CLI
//! say.

use crate::ask::FORMS;
use crate::graph::NodeKind;
use crate::relation::Relation;
use crate::vocab::{self, gov, id, org, schema, skos};

const PAGE: &str = include_str!("page.html");

/// Where `page.html` wants the examples, as a JSON array of `{title, query}`.
const EXAMPLES_MARK: &str = "/*EXAMPLES*/[]";
/// Where it wants [`vocab::PREFIXES`], as `[[prefix, namespace], …]`, to shorten IRIs.
const PREFIXES_MARK: &str = "/*PREFIXES*/[]";
/// Where it wants the bases of entity IRIs, whose links draw a diagram.
const ENTITY_BASES_MARK: &str = "/*ENTITY_BASES*/[]";

/// Where it wants the relations, as `[{name, role, zh, en}]`.
const RELATIONS_MARK: &str = "/*RELATIONS*/[]";
/// Where it wants the kinds of entity, as `[{type, zh, en}]`.
const KINDS_MARK: &str = "/*KINDS*/[]";
/// Where it wants the forms of question, as `[[zh, en]]`.
const FORMS_MARK: &str = "/*FORMS*/[]";

/// Bases of the IRIs a diagram can be drawn around (meetings and exhibitions are events).
pub const ENTITY_BASES: [&str; 4] = [id::PERSON, id::ORGANIZATION, id::PLACE, id::EVENT];

/// PREFIX lines for the examples: with them, a query also runs on another store the data was
/// pushed to.
fn prologue() -> String {
    [
        ("gov", gov::NAMESPACE),
        ("org", org::NAMESPACE),
        ("schema", schema::NAMESPACE),
        ("skos", skos::NAMESPACE),
    ]
    .iter()
    .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
    .collect()
}

/// The ready examples: (title, SPARQL).
pub fn examples() -> Vec<(&'static str, String)> {
    let p = prologue();
    vec![
        (
            "Who chaired which meeting",
            format!(
                "{p}SELECT DISTINCT ?chair ?name ?meeting ?title ?date WHERE {{
  ?chair gov:chairs ?meeting ; skos:prefLabel ?name .
  OPTIONAL {{ ?meeting skos:prefLabel ?title }}
  OPTIONAL {{ ?meeting schema:startDate ?date }}
}}
ORDER BY ?date ?title
LIMIT 200"
            ),
        ),
        (
            "Attendees of a meeting (name contains 第五十八次)",
            format!(
                "{p}SELECT DISTINCT ?person ?name ?meeting ?title WHERE {{
  ?person gov:attends ?meeting ; skos:prefLabel ?name .
  ?meeting skos:prefLabel ?title .
  FILTER(CONTAINS(?title, \"第五十八次\"))
}}
ORDER BY ?name
LIMIT 200"
            ),
        ),
        (
            "Posts of a person (林武)",
            format!(
                "{p}SELECT DISTINCT ?person ?post ?body ?date WHERE {{
  ?person skos:prefLabel \"林武\"@zh .
  ?membership org:member ?person ; gov:post ?post .
  OPTIONAL {{ ?membership org:organization ?body }}
  OPTIONAL {{ ?membership gov:attestedOn ?date }}
}}
ORDER BY ?date ?post
LIMIT 200"
            ),
        ),
        (
            "People by number of meetings attended",
            format!(
                "{p}SELECT ?person ?name (COUNT(DISTINCT ?meeting) AS ?meetings) WHERE {{
  ?person gov:attends|gov:chairs ?meeting ; skos:prefLabel ?name .
}}
GROUP BY ?person ?name
ORDER BY DESC(?meetings)
LIMIT 50"
            ),
        ),
    ]
}

/// The page's HTML.
pub fn html() -> String {
    let examples: Vec<serde_json::Value> = examples()
        .into_iter()
        .map(|(title, query)| serde_json::json!({ "title": title, "query": query }))
        .collect();
    // `</` is escaped so that no text can close the script element.
    let js = |value: serde_json::Value| value.to_string().replace("</", "<\\/");
    let relations: Vec<serde_json::Value> = Relation::ALL
        .iter()
        .map(|r| {
            serde_json::json!({
                "name": r.as_str(),
                "role": r.role().map(|role| role.name),
                "zh": r.spec().label("zh"),
                "en": r.spec().label("en"),
            })
        })
        .collect();
    let kinds: Vec<serde_json::Value> = NodeKind::ALL
        .iter()
        .map(|k| serde_json::json!({ "type": k.type_name(), "zh": k.name("zh"), "en": k.name("en") }))
        .collect();
    PAGE.replacen(EXAMPLES_MARK, &js(examples.into()), 1)
        .replacen(PREFIXES_MARK, &js(serde_json::json!(vocab::PREFIXES)), 1)
        .replacen(ENTITY_BASES_MARK, &js(serde_json::json!(ENTITY_BASES)), 1)
        .replacen(RELATIONS_MARK, &js(relations.into()), 1)
        .replacen(KINDS_MARK, &js(kinds.into()), 1)
        .replacen(FORMS_MARK, &js(serde_json::json!(FORMS)), 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::seed;
    use crate::store::Store;
    use oxigraph::sparql::QueryResults;

    #[test]
    fn the_page_carries_every_example() {
        let page = html();
        for mark in [
            EXAMPLES_MARK,
            PREFIXES_MARK,
            ENTITY_BASES_MARK,
            RELATIONS_MARK,
            KINDS_MARK,
            FORMS_MARK,
        ] {
            assert!(PAGE.contains(mark), "page.html lost {mark}");
            assert!(!page.contains(mark), "{mark} not filled in");
        }
        assert!(page.contains(id::PERSON));
        for r in Relation::ALL {
            assert!(page.contains(&format!("\"name\":\"{r}\"")), "{r}");
        }
        assert!(page.contains("\"type\":\"Organization\""));
        // Nothing is fetched from another site: the page works offline.
        for outside in ["http://", "https://", "//cdn", "@import"] {
            let at = PAGE.find(outside);
            assert!(
                at.is_none(),
                "page.html refers outside: {:?}",
                at.map(|i| &PAGE[i..i + 40])
            );
        }
        for (title, _) in examples() {
            assert!(page.contains(title), "{title}");
        }
    }

    #[test]
    fn every_example_runs_and_finds_something_in_the_seed() {
        let store = Store::in_memory().unwrap();
        store.ingest(&seed()).unwrap();
        for (title, query) in examples() {
            let QueryResults::Solutions(rows) = store.query(&query).expect(title) else {
                panic!("{title}: not a SELECT")
            };
            assert!(rows.count() > 0, "{title}: no rows");
        }
    }
}
