//! The oxigraph store govkg keeps its graph in: opening it (on disk, read-only or in memory) with
//! the ontology loaded, ingesting an article atomically into its own named graph, bulk loading,
//! querying with the union of all graphs as default graph, and writing query results.
//!
//! One named graph per article makes re-extraction simple: [`Store::ingest`] drops the article's
//! graph and inserts its new quads in one transaction, so a store never holds half an article
//! nor two versions of one.
//!
//! **Processes.** RocksDB lets one process write a store. oxigraph 0.5 can open a store
//! read-only, but reading a store that another process writes is undefined behaviour there (the
//! writer may compact away files the reader still uses), and it has no safe way to read along
//! (0.4's secondary instances are gone). So govkg locks the store itself, with an advisory lock
//! on the file [`LOCK_FILE`] in its folder: a writer holds it exclusively, readers share it.
//! A reader meeting a writer, or a writer meeting readers, fails at once with a message saying
//! which ([`Error::BeingWritten`], [`Error::BeingRead`]) instead of reading torn data. The
//! operating system drops the lock when a process ends, even by `kill -9`.

use std::collections::HashSet;
use std::fmt;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParseError, RdfParser, RdfSerializer};
use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Quad};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator, SparqlSyntaxError,
    UpdateEvaluationError,
};
use oxigraph::store::{SerializerError, StorageError};

mod open;

pub use open::Building;
mod results;

pub use results::{write_results, write_table, ResultsFormat};

use crate::iri;
use crate::model::{EntityKind, Extraction};
use crate::rdf;
use crate::vocab::{self, graph};

/// `ontology/govkg.ttl`, built into the binary and loaded into the graph
/// [`graph::ONTOLOGY`] of every store opened for writing.
pub const ONTOLOGY_TTL: &str = include_str!("../../ontology/govkg.ttl");

/// The file in a store's folder that govkg's readers share-lock and its writer locks alone.
pub const LOCK_FILE: &str = "govkg.lock";

/// Memory for the bulk loader when the caller gives less: below a few megabytes per thread
/// oxigraph writes one tiny batch per quad.
const MIN_BULK_MEMORY_MB: usize = 16;

/// What can go wrong with the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading a store that is not there: the hint says how to make one.
    #[error("no store at {} (build one with `govkg ingest PATH`, or give --store)", path.display())]
    NoStore { path: PathBuf },
    /// RocksDB allows one writer per store; another process (or handle) has it open.
    #[error("store {} is in use by another govkg process writing it; wait for it to finish, or stop it", path.display())]
    InUse { path: PathBuf },
    /// A read-only open while another process writes the store, which oxigraph does not support.
    #[error("store {} is being written by another govkg process (an ingest); query it when that has finished", path.display())]
    BeingWritten { path: PathBuf },
    /// A write while other processes read the store (queries, a server), which oxigraph does not
    /// support.
    #[error("store {} is being read by another govkg process (a query, or `govkg serve`, which reads it as long as it runs); write to it when that has finished, or stop the server", path.display())]
    BeingRead { path: PathBuf },
    #[error("cannot lock store {}", path.display())]
    Lock {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot create store {}", path.display())]
    Create {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The folder given as store holds other files; govkg will not put a database among them.
    #[error("{} is neither a govkg store nor an empty folder; give a new or empty folder as store", path.display())]
    NotAStore { path: PathBuf },
    #[error("cannot open store {}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: StorageError,
    },
    #[error("store {} is open read-only", path.display())]
    ReadOnly { path: PathBuf },
    #[error("store operation failed")]
    Storage(#[from] StorageError),
    /// The query does not parse; the message is the SPARQL parser's, with its position.
    #[error("invalid SPARQL query")]
    Query(#[from] SparqlSyntaxError),
    #[error("query evaluation failed")]
    Evaluation(#[from] QueryEvaluationError),
    /// The update does not parse; the message is the SPARQL parser's, with its position.
    #[error("invalid SPARQL update")]
    UpdateSyntax(#[source] SparqlSyntaxError),
    #[error("update failed")]
    Update(#[from] UpdateEvaluationError),
    #[error("article has no id, so it has no graph to go in")]
    NoArticleId,
    /// Bulk loading adds quads; it would merge with, not replace, what is there.
    #[error("article {0} is already in the store or twice in the input; bulk load only loads new articles, ingest replaces")]
    AlreadyLoaded(String),
    #[error("the bundled ontology does not parse")]
    Ontology(#[source] RdfParseError),
    #[error("invalid prefix {prefix}: {message}")]
    Prefix { prefix: String, message: String },
    #[error("cannot write query results")]
    Write(#[source] io::Error),
    #[error("cannot dump the store")]
    Dump(#[from] SerializerError),
}

/// The on-disk (or in-memory) store of govkg's graph.
pub struct Store {
    /// Declared before `_lock` so that it closes first: the lock outlives every file access.
    inner: oxigraph::store::Store,
    /// Where it is, for messages; `None` in memory.
    path: Option<PathBuf>,
    read_only: bool,
    /// The lock on [`LOCK_FILE`], held as long as the store is open; `None` in memory, or when a
    /// read-only store's folder cannot hold the lock file.
    _lock: Option<File>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish_non_exhaustive()
    }
}

/// What [`Store::ingest`] wrote for one article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ArticleStats {
    /// Quads in the article's graph.
    pub quads: usize,
    /// Entities listed by the extraction, by kind.
    pub people: usize,
    pub bodies: usize,
    pub places: usize,
    pub events: usize,
    pub memberships: usize,
    pub facts: usize,
    pub mentions: usize,
    /// Posts, facts and mentions left out because their evidence is in another article.
    pub foreign: usize,
}

impl ArticleStats {
    /// What an article's extraction and its quads hold.
    pub fn of(x: &Extraction, rdf: &rdf::ArticleRdf) -> ArticleStats {
        let count = |f: fn(EntityKind) -> bool| x.entities.iter().filter(|e| f(e.kind())).count();
        ArticleStats {
            quads: rdf.quads.len(),
            people: count(|k| k == EntityKind::Person),
            bodies: count(|k| k == EntityKind::Organization),
            places: count(|k| k == EntityKind::Place),
            events: count(EntityKind::is_event),
            memberships: rdf.memberships,
            facts: rdf.facts,
            mentions: rdf.mentions,
            foreign: rdf.foreign,
        }
    }

    /// Adds another article's counts.
    pub fn add(&mut self, o: &ArticleStats) {
        self.quads += o.quads;
        self.people += o.people;
        self.bodies += o.bodies;
        self.places += o.places;
        self.events += o.events;
        self.memberships += o.memberships;
        self.facts += o.facts;
        self.mentions += o.mentions;
        self.foreign += o.foreign;
    }
}

/// What [`Store::bulk_load`] loaded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadStats {
    pub articles: usize,
    pub quads: usize,
}

impl Store {
    /// The store's folder; `None` for a store in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The oxigraph store, for what this wrapper does not offer.
    pub fn inner(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    /// Replaces the ontology graph when it differs from [`ONTOLOGY_TTL`] (a new govkg version).
    fn sync_ontology(&self) -> Result<(), Error> {
        let wanted = ontology_quads()?;
        let mut tx = self.inner.start_transaction()?;
        let present = tx
            .quads_for_pattern(None, None, None, Some(graph::ONTOLOGY.into()))
            .collect::<Result<HashSet<Quad>, _>>()?;
        if present == wanted {
            return Ok(());
        }
        tx.remove_named_graph(graph::ONTOLOGY)?;
        tx.extend(&wanted);
        tx.commit()?;
        Ok(())
    }

    fn writable(&self) -> Result<(), Error> {
        match (&self.path, self.read_only) {
            (Some(path), true) => Err(Error::ReadOnly { path: path.clone() }),
            _ => Ok(()),
        }
    }

    /// Writes an article's quads into its graph in one transaction, replacing what an earlier
    /// ingest of the same article wrote. Either all of it is stored or, on error, none.
    pub fn ingest(&self, x: &Extraction) -> Result<ArticleStats, Error> {
        self.ingest_rdf(x, rdf::article_rdf(x))
    }

    /// Writes what was committed from the write-ahead log into the store's tables, so that
    /// opening the store later does not replay the log.
    pub fn flush(&self) -> Result<(), Error> {
        Ok(self.inner.flush()?)
    }

    /// [`Store::ingest`] with the article's quads already made by [`rdf::article_rdf`], so
    /// that callers can make them in parallel.
    pub fn ingest_rdf(&self, x: &Extraction, rdf: rdf::ArticleRdf) -> Result<ArticleStats, Error> {
        self.writable()?;
        if x.article.id.is_empty() {
            return Err(Error::NoArticleId);
        }
        let stats = ArticleStats::of(x, &rdf);
        let graph = iri::article_graph(&x.article.id);
        self.replace_graph(graph.as_ref(), rdf.quads.into_iter().map(Ok))?;
        Ok(stats)
    }

    /// Drops `graph` and inserts `quads` in one transaction; an error from `quads` abandons the
    /// transaction, leaving the store as it was.
    fn replace_graph(
        &self,
        graph: NamedNodeRef<'_>,
        quads: impl IntoIterator<Item = Result<Quad, Error>>,
    ) -> Result<(), Error> {
        let mut tx = self.inner.start_transaction()?;
        tx.remove_named_graph(graph)?;
        for quad in quads {
            tx.insert(&quad?);
        }
        tx.commit()?;
        Ok(())
    }

    /// Loads articles that are not in the store yet with oxigraph's bulk loader, using about
    /// `max_memory_mb` megabytes for its batches (at least 16). Faster than [`Store::ingest`] for a
    /// first load, but it adds rather than replaces: an article already present, or given twice,
    /// is an error. Nothing is stored unless all is.
    pub fn bulk_load<'a>(
        &self,
        extractions: impl IntoIterator<Item = &'a Extraction>,
        max_memory_mb: usize,
    ) -> Result<LoadStats, Error> {
        let articles = extractions
            .into_iter()
            .map(|x| (x.article.id.clone(), rdf::article_quads(x)));
        self.bulk_load_quads(articles, max_memory_mb)
    }

    /// [`Store::bulk_load`] of articles given as their id and the quads of their graph (from
    /// [`rdf::article_rdf`]), so that callers can make the quads in parallel and stream them in.
    pub fn bulk_load_quads(
        &self,
        articles: impl IntoIterator<Item = (String, Vec<Quad>)>,
        max_memory_mb: usize,
    ) -> Result<LoadStats, Error> {
        self.writable()?;
        let mut stats = LoadStats::default();
        let mut seen = HashSet::new();
        let mut loader = self
            .inner
            .bulk_loader()
            .with_max_memory_size_in_megabytes(max_memory_mb.max(MIN_BULK_MEMORY_MB));
        let quads = articles.into_iter().flat_map(|(id, quads)| {
            let checked = if id.is_empty() {
                Err(Error::NoArticleId)
            } else if seen.contains(&id) {
                Err(Error::AlreadyLoaded(id))
            } else {
                match self
                    .inner
                    .contains_named_graph(iri::article_graph(&id).as_ref())
                {
                    Ok(true) => Err(Error::AlreadyLoaded(id)),
                    Ok(false) => {
                        seen.insert(id);
                        Ok(quads)
                    }
                    Err(e) => Err(e.into()),
                }
            };
            let (quads, error) = match checked {
                Ok(quads) => {
                    stats.articles += 1;
                    stats.quads += quads.len();
                    (quads, None)
                }
                Err(e) => (Vec::new(), Some(Err(e))),
            };
            quads.into_iter().map(Ok).chain(error)
        });
        loader.load_ok_quads::<Error, Error>(quads)?;
        loader.commit()?;
        Ok(stats)
    }

    /// Whether any article is in the store (the ontology's graph does not count): a store
    /// without one can be filled by the bulk loader.
    pub fn has_articles(&self) -> Result<bool, Error> {
        for g in self.inner.named_graphs() {
            if let NamedOrBlankNode::NamedNode(g) = g? {
                if iri::article_of_graph(g.as_ref()).is_some() {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Evaluates a SPARQL query. Without `FROM`/`FROM NAMED` its default graph is the union of
    /// all graphs (every article and the ontology). The prefixes of
    /// [`vocab::PREFIXES`] are declared, so `gov:chairs` needs no `PREFIX`.
    ///
    /// oxigraph 0.5 matches a triple once per graph that holds it, so a fact reported by two
    /// articles comes out twice: use `SELECT DISTINCT`, and count with `COUNT(DISTINCT …)`.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, Error> {
        self.query_with(sparql, &QueryOptions::default())
    }

    /// [`Store::query`] with a dataset given by the caller (the SPARQL protocol's
    /// `default-graph-uri` and `named-graph-uri`) and a token that cancels the evaluation.
    pub fn query_with(
        &self,
        sparql: &str,
        options: &QueryOptions,
    ) -> Result<QueryResults<'static>, Error> {
        let mut evaluator = evaluator()?;
        if let Some(token) = &options.cancel {
            evaluator = evaluator.with_cancellation_token(token.clone());
        }
        let mut query = evaluator.parse_query(sparql)?;
        if !options.default_graphs.is_empty() {
            let graphs = options.default_graphs.iter().cloned().map(Into::into);
            query.dataset_mut().set_default_graph(graphs.collect());
        }
        if !options.named_graphs.is_empty() {
            let graphs = options.named_graphs.iter().cloned().map(Into::into);
            query
                .dataset_mut()
                .set_available_named_graphs(graphs.collect());
        }
        if query.dataset().is_default_dataset() {
            query.dataset_mut().set_default_graph_as_union();
        }
        Ok(query.on_store(&self.inner).execute()?)
    }

    /// Runs a SPARQL 1.1 Update, with the prefixes of [`vocab::PREFIXES`] declared. It writes
    /// the graphs it names (`INSERT DATA { … }` without `GRAPH` writes the default graph, which
    /// queries see as part of the union).
    pub fn update(&self, sparql: &str) -> Result<(), Error> {
        self.writable()?;
        let update = evaluator()?
            .parse_update(sparql)
            .map_err(Error::UpdateSyntax)?;
        update.on_store(&self.inner).execute()?;
        Ok(())
    }

    /// The ids of the articles in the store, sorted.
    pub fn articles(&self) -> Result<Vec<String>, Error> {
        let mut ids = Vec::new();
        for g in self.inner.named_graphs() {
            if let NamedOrBlankNode::NamedNode(g) = g? {
                ids.extend(iri::article_of_graph(g.as_ref()));
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// Whether an article is in the store.
    pub fn contains_article(&self, id: &str) -> Result<bool, Error> {
        Ok(self
            .inner
            .contains_named_graph(iri::article_graph(id).as_ref())?)
    }

    /// The number of quads, the ontology's included.
    pub fn len(&self) -> Result<usize, Error> {
        Ok(self.inner.len()?)
    }

    /// Whether the store holds no quad at all (not even the ontology).
    pub fn is_empty(&self) -> Result<bool, Error> {
        Ok(self.inner.is_empty()?)
    }

    /// Writes every quad as N-Quads.
    pub fn dump<W: Write>(&self, out: W) -> Result<W, Error> {
        Ok(self
            .inner
            .dump_to_writer(RdfSerializer::from_format(RdfFormat::NQuads), out)?)
    }
}

/// What [`Store::query_with`] evaluates against and how it may be stopped.
#[derive(Clone, Default)]
pub struct QueryOptions {
    /// Graphs merged into the default graph; none means the union of all graphs (unless the
    /// query has `FROM`).
    pub default_graphs: Vec<NamedNode>,
    /// The graphs `GRAPH ?g` ranges over; none means all (unless the query has `FROM NAMED`).
    pub named_graphs: Vec<NamedNode>,
    /// Cancelling it stops the evaluation with [`QueryEvaluationError::Cancelled`].
    pub cancel: Option<CancellationToken>,
}

impl fmt::Debug for QueryOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QueryOptions")
            .field("default_graphs", &self.default_graphs)
            .field("named_graphs", &self.named_graphs)
            .field("cancellable", &self.cancel.is_some())
            .finish()
    }
}

/// A SPARQL evaluator with govkg's prefixes declared.
fn evaluator() -> Result<SparqlEvaluator, Error> {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, namespace) in vocab::PREFIXES {
        evaluator = evaluator
            .with_prefix(*prefix, *namespace)
            .map_err(|e| Error::Prefix {
                prefix: (*prefix).to_owned(),
                message: e.to_string(),
            })?;
    }
    Ok(evaluator)
}

/// The quads of [`ONTOLOGY_TTL`] in the ontology graph.
fn ontology_quads() -> Result<HashSet<Quad>, Error> {
    RdfParser::from_format(RdfFormat::Turtle)
        .with_default_graph(graph::ONTOLOGY)
        .for_slice(ONTOLOGY_TTL)
        .map(|q| q.map_err(|e| Error::Ontology(e.into())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{seed, ARTICLE};
    use crate::model::{EntityId, Node};
    use oxigraph::model::{GraphName, Literal, Term};

    pub(super) fn select(store: &Store, q: &str) -> Vec<Vec<Option<Term>>> {
        let QueryResults::Solutions(solutions) = store.query(q).expect("query") else {
            panic!("not a SELECT")
        };
        solutions
            .map(|s| s.expect("solution").values().to_vec())
            .collect()
    }

    fn article_len(store: &Store, id: &str) -> usize {
        store
            .inner()
            .quads_for_pattern(
                None,
                None,
                None,
                Some(iri::article_graph(id).as_ref().into()),
            )
            .count()
    }

    #[test]
    fn ontology_is_loaded_once_and_has_no_blank_nodes() {
        let quads = ontology_quads().expect("ontology parses");
        assert!(quads.len() > 100);
        assert!(quads
            .iter()
            .all(|q| !q.subject.is_blank_node() && !q.object.is_blank_node()));
        let store = Store::in_memory().expect("store");
        assert_eq!(store.len().unwrap(), quads.len());
        store.sync_ontology().expect("sync");
        assert_eq!(store.len().unwrap(), quads.len());
        assert!(store.articles().unwrap().is_empty());
    }

    #[test]
    fn every_gov_term_is_declared_with_labels_and_comment_and_vice_versa() {
        let store = Store::in_memory().expect("store");
        let declared = select(
            &store,
            &format!(
                "SELECT DISTINCT ?t WHERE {{ GRAPH <{}> {{ ?t a ?c }} \
                 FILTER(STRSTARTS(STR(?t), STR(gov:))) }}",
                graph::ONTOLOGY.as_str()
            ),
        );
        let declared: HashSet<Term> = declared.into_iter().filter_map(|r| r[0].clone()).collect();
        let constants: HashSet<Term> = vocab::gov::ALL
            .iter()
            .map(|t| t.into_owned().into())
            .collect();
        assert_eq!(declared, constants);
        for term in vocab::gov::ALL {
            let q = format!(
                "ASK {{ <{term}> rdfs:label ?zh , ?en ; rdfs:comment ?c . \
                 FILTER(LANG(?zh) = 'zh' && LANG(?en) = 'en') }}",
                term = term.as_str()
            );
            assert!(
                matches!(store.query(&q).unwrap(), QueryResults::Boolean(true)),
                "{term}"
            );
        }
    }

    #[test]
    fn query_over_the_union_finds_the_chair() {
        let store = Store::in_memory().expect("store");
        store.ingest(&seed()).expect("ingest");
        let rows = select(&store, "SELECT ?p ?m WHERE { ?p gov:chairs ?m }");
        let lin = iri::entity_iri(&EntityId::new(EntityKind::Person, "林武"));
        let meeting = &seed().entities[0].id;
        assert_eq!(
            rows,
            vec![vec![
                Some(lin.into()),
                Some(iri::entity_iri(meeting).into())
            ]]
        );
        // An explicit dataset is honoured: the ontology graph has no chair.
        let rows = select(
            &store,
            &format!(
                "SELECT ?p FROM <{}> WHERE {{ ?p gov:chairs ?m }}",
                graph::ONTOLOGY.as_str()
            ),
        );
        assert!(rows.is_empty());
    }

    /// oxigraph 0.5 matches a triple of the union once per graph holding it (its issue #1919,
    /// fixed for 0.6), where SPARQL's RDF merge would match it once. When this test fails,
    /// oxigraph merges properly and the advice on `Store::query` can go.
    #[test]
    fn a_triple_in_several_articles_matches_once_per_article_unless_distinct() {
        let store = Store::in_memory().expect("store");
        let a = seed();
        let mut b = seed();
        b.article.id = "A2".into();
        store.bulk_load([&a, &b], 64).expect("load");
        let labels = select(&store, "SELECT ?l WHERE { person:林武 skos:prefLabel ?l }");
        assert_eq!(labels.len(), 2, "{labels:?}");
        let labels = select(
            &store,
            "SELECT DISTINCT ?l WHERE { person:林武 skos:prefLabel ?l }",
        );
        assert_eq!(labels.len(), 1, "{labels:?}");
    }

    #[test]
    fn malformed_sparql_is_a_query_error_with_the_parsers_message() {
        let store = Store::in_memory().expect("store");
        let Err(err) = store.query("SELECT ?p WHERE { ?p gov:chairs }") else {
            panic!("a triple pattern without object parsed")
        };
        let Error::Query(inner) = &err else {
            panic!("expected Error::Query, got {err:?}")
        };
        let message = crate::error_message(&err);
        assert!(message.starts_with("invalid SPARQL query: "), "{message}");
        assert!(message.contains(&inner.to_string()), "{message}");
        assert!(
            message.len() > "invalid SPARQL query: ".len() + 5,
            "{message}"
        );
        assert!(matches!(
            store.query("SELECT ?p WHERE { ?p nope:x ?o }"),
            Err(Error::Query(_))
        ));
    }

    #[test]
    fn reingest_replaces_and_never_duplicates() {
        let store = Store::in_memory().expect("store");
        let x = seed();
        let first = store.ingest(&x).expect("ingest");
        let total = store.len().unwrap();
        assert_eq!(first.quads, article_len(&store, ARTICLE));
        assert_eq!(
            (first.people, first.bodies, first.events, first.facts),
            (14, 2, 1, 15)
        );
        assert_eq!(store.ingest(&x).expect("again"), first);
        assert_eq!(store.len().unwrap(), total);

        // A changed version: one attendee fewer, a new headline.
        let mut changed = x.clone();
        let dropped = changed
            .facts
            .iter()
            .position(|f| f.subject == Node::Entity(EntityId::new(EntityKind::Person, "汤志平")))
            .unwrap();
        changed.facts.remove(dropped);
        changed.article.title = "新标题".into();
        let second = store.ingest(&changed).expect("changed");
        assert_eq!(second.facts, first.facts - 1);
        assert_eq!(article_len(&store, ARTICLE), second.quads);
        let attendees = select(&store, "SELECT ?p WHERE { ?p gov:attends ?m }");
        assert_eq!(attendees.len(), 9);
        let titles = select(&store, "SELECT ?t WHERE { ?a schema:headline ?t }");
        assert_eq!(
            titles,
            vec![vec![Some(
                Literal::new_language_tagged_literal_unchecked("新标题", "zh").into()
            )]]
        );
        assert_eq!(store.articles().unwrap(), vec![ARTICLE.to_owned()]);
    }

    #[test]
    fn stored_quads_are_the_written_quads() {
        // oxigraph normalises some literals (every integer type becomes xsd:integer): what
        // article_quads writes must survive that unchanged.
        let store = Store::in_memory().expect("store");
        let x = seed();
        store.ingest(&x).expect("ingest");
        let written: HashSet<Quad> = rdf::article_quads(&x).into_iter().collect();
        let graph = iri::article_graph(ARTICLE);
        let stored: HashSet<Quad> = store
            .inner()
            .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
            .map(Result::unwrap)
            .collect();
        assert_eq!(stored, written);
    }

    #[test]
    fn failed_ingest_leaves_the_store_unchanged() {
        let store = Store::in_memory().expect("store");
        let x = seed();
        store.ingest(&x).expect("ingest");
        let before: HashSet<Quad> = store.inner().iter().map(Result::unwrap).collect();
        let graph = iri::article_graph(ARTICLE);
        let quads = rdf::article_quads(&x);
        let half = quads.len() / 2;
        // Half the new quads, a changed one among them, then a failure.
        let changed = Quad::new(
            iri::entity_iri(&EntityId::new(EntityKind::Person, "x")),
            vocab::skos::PREF_LABEL,
            Literal::from("x"),
            GraphName::from(graph.clone()),
        );
        let failing = quads[..half]
            .iter()
            .cloned()
            .chain([changed])
            .map(Ok)
            .chain([Err(Error::NoArticleId)]);
        let err = store.replace_graph(graph.as_ref(), failing).unwrap_err();
        assert!(matches!(err, Error::NoArticleId));
        let after: HashSet<Quad> = store.inner().iter().map(Result::unwrap).collect();
        assert_eq!(before, after);
    }

    #[test]
    fn article_without_id_is_refused() {
        let store = Store::in_memory().expect("store");
        let mut x = seed();
        x.article.id.clear();
        assert!(matches!(store.ingest(&x), Err(Error::NoArticleId)));
    }

    /// Run by [`a_store_open_elsewhere_is_in_use`] in a child process.
    #[test]
    #[ignore = "run by a_store_open_elsewhere_is_in_use in a child process"]
    fn child_finds_store_in_use() {
        let path = PathBuf::from(std::env::var_os("GOVKG_TEST_LOCKED_STORE").expect("path given"));
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, Error::InUse { .. }), "{err:?}");
    }

    #[test]
    fn bulk_load_loads_new_articles_and_refuses_present_ones() {
        let store = Store::in_memory().expect("store");
        let a = seed();
        let mut b = seed();
        b.article.id = "A2".into();
        for f in &mut b.facts {
            f.evidence.article = "A2".into();
        }
        let stats = store.bulk_load([&a, &b], 64).expect("bulk load");
        assert_eq!(stats.articles, 2);
        assert_eq!(
            stats.quads,
            article_len(&store, ARTICLE) + article_len(&store, "A2")
        );
        assert_eq!(
            store.articles().unwrap(),
            vec!["A1".to_owned(), "A2".to_owned()]
        );

        // What ingest would have written, the same.
        let other = Store::in_memory().expect("store");
        other.ingest(&a).expect("ingest");
        assert_eq!(article_len(&other, ARTICLE), article_len(&store, ARTICLE));

        let before = store.len().unwrap();
        let mut c = seed();
        c.article.id = "A3".into();
        let err = store.bulk_load([&c, &a], 64).unwrap_err();
        assert!(
            matches!(&err, Error::AlreadyLoaded(id) if id == ARTICLE),
            "{err:?}"
        );
        assert_eq!(store.len().unwrap(), before, "nothing of A3 stored");
        assert!(!store.contains_article("A3").unwrap());
        assert!(matches!(
            store.bulk_load([&c, &c], 64),
            Err(Error::AlreadyLoaded(_))
        ));
    }

    /// Writes the seed article's graph as N-Quads to `tests/data/seed-a1.nq`, and copies of it
    /// each broken in one way to `tests/data/shacl-broken/`; `.ci/shacl.sh` checks that the first
    /// conforms and the others do not. Fails when a committed file is stale;
    /// `GOVKG_UPDATE_FIXTURES=1` rewrites them.
    #[test]
    fn seed_fixtures_are_current() {
        let store = Store::in_memory().expect("store");
        store.ingest(&seed()).expect("ingest");
        let graph = format!("<{}>", iri::article_graph(ARTICLE).as_str());
        let mut lines: Vec<String> = String::from_utf8(store.dump(Vec::new()).expect("dump"))
            .expect("utf-8")
            .lines()
            .filter(|l| l.ends_with(&format!("{graph} .")))
            .map(str::to_owned)
            .collect();
        lines.sort();
        let iri = |t: NamedNodeRef<'_>| format!("<{}>", t.as_str());
        let without_first = |needle: String| {
            let mut broken = lines.clone();
            if let Some(i) = broken.iter().position(|l| l.contains(&needle)) {
                broken.remove(i);
            }
            broken
        };
        let lin = iri(iri::entity_iri(&EntityId::new(EntityKind::Person, "林武")).as_ref());
        let label = format!("{lin} {} ", iri(vocab::skos::PREF_LABEL));
        let mut two_labels = lines.clone();
        two_labels.extend(
            lines
                .iter()
                .filter(|l| l.starts_with(&label))
                .map(|l| l.replace("\"林武\"", "\"林 武\"")),
        );
        assert_eq!(two_labels.len(), lines.len() + 1);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let broken = dir.join("shacl-broken");
        let files = [
            (dir.join("seed-a1.nq"), lines.clone()),
            (
                broken.join("membership-without-member.nq"),
                without_first(iri(vocab::org::MEMBER)),
            ),
            (
                broken.join("association-without-role.nq"),
                without_first(iri(vocab::prov::HAD_ROLE)),
            ),
            (broken.join("person-with-two-labels.nq"), two_labels),
        ];
        for (path, lines) in files {
            assert!(lines.len() > 100, "{}: too few quads", path.display());
            let content = lines.join("\n") + "\n";
            if std::env::var_os("GOVKG_UPDATE_FIXTURES").is_some() {
                std::fs::create_dir_all(&broken).unwrap();
                std::fs::write(&path, &content).unwrap();
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == content,
                "{} is stale: run GOVKG_UPDATE_FIXTURES=1 cargo test --release --lib seed_fixtures",
                path.display()
            );
        }
    }

    pub(super) fn tempdir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("govkg-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }
}
