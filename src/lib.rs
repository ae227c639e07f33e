//! govkg turns Chinese official news into a knowledge graph of officials, bodies and events.
//!
//! Its modules, in pipeline order:
//!
//! - **Reading.** [`article`] reads inputs (newspaper pages, 新闻联播 transcripts, plain text,
//!   Markdown, HTML, JSON Lines) into [`model::Article`]s.
//! - **Extracting.** [`lexicon`] holds the word lists; [`extract`] finds people, posts, bodies,
//!   places, events and relations in each article, every one with its evidence, into a
//!   [`model::Extraction`]. [`model`] is the plain data passed between stages, and
//!   [`relation`] the table of relations every later stage derives its handling from.
//! - **Writing.** [`jsonl`] writes extractions as JSON Lines, one record per entity merged by
//!   [`resolve`]; [`rdf`] turns them into quads with the terms of [`vocab`] and the IRIs of
//!   [`iri`]; [`pipeline`] runs the stages over many inputs in parallel into a writer or the
//!   store.
//! - **Keeping.** [`store`] keeps the quads in an on-disk oxigraph store, one named graph per
//!   article, the ontology beside them.
//! - **Using.** [`sparql`] is the SPARQL layer the rest asks through (queries, rows, evidence,
//!   the ontology's labels); [`matching`] finds the entities a name means; [`ask`] answers
//!   questions; [`profile`] gathers what the store says about one entity and finds entities
//!   by name; [`graph`] is the petgraph view (neighbours, paths, centrality) and [`render`]
//!   draws it; [`export`] writes the store (and extractions) in the RDF formats; [`validate`]
//!   checks it against the SHACL shapes; [`server`] serves it over the SPARQL protocols, a
//!   JSON API and the analyst's workbench page; [`push`] copies it into an external triplestore.

pub mod article;
pub mod ask;
pub mod export;
pub mod extract;
#[cfg(test)]
mod fixture;
pub mod graph;
pub mod iri;
pub mod jsonl;
pub mod lexicon;
pub mod matching;
pub mod model;
pub mod pipeline;
pub mod profile;
pub mod push;
pub mod rdf;
pub mod relation;
pub mod render;
pub mod resolve;
pub mod server;
pub mod sparql;
pub mod store;
pub mod validate;
pub mod vocab;

/// An error and its causes on one line, `: `-separated (`invalid SPARQL query: error at 1:9:
/// …`): how errors reach a user in a message or a reply. govkg's errors do not repeat their
/// cause in their own message, so that each part appears once.
///
/// ```
/// use std::io;
/// let e = govkg::article::Error::Io {
///     path: "a.txt".into(),
///     source: io::Error::new(io::ErrorKind::PermissionDenied, "denied"),
/// };
/// assert_eq!(govkg::error_message(&e), "a.txt: cannot read: denied");
/// ```
pub fn error_message(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}
