//! govkg turns Chinese official news into a knowledge graph of officials, bodies and events.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`article`] reads inputs (newspaper pages, 新闻联播 transcripts, plain text, Markdown,
//!    HTML, JSON Lines) into [`model::Article`]s;
//! 2. [`extract`] finds people, posts, bodies, places, events and relations in each article,
//!    every one with its evidence;
//! 3. [`model`] holds the plain data passed between stages;
//! 4. [`rdf`] turns an extraction into quads using the terms of [`vocab`];
//! 5. [`store`] keeps them in an on-disk oxigraph store, one named graph per article.
//!
//! Around the store: [`server`] serves it over the SPARQL protocols with a query page,
//! [`export`] writes it in the standard RDF formats, [`validate`] checks it against the SHACL
//! shapes, and [`push`] copies it into an external triplestore.

pub mod answer;
pub mod article;
pub mod export;
pub mod extract;
pub mod jsonl;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod push;
pub mod rdf;
pub mod resolve;
pub mod server;
pub mod store;
pub mod validate;
pub mod vocab;
