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

pub mod answer;
pub mod article;
pub mod ask;
pub mod extract;
pub mod graph;
pub mod jsonl;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod rdf;
pub mod render;
pub mod resolve;
pub mod store;
pub mod vocab;
