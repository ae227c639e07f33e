//! Writing the store, or one of its graphs, in the standard RDF formats (Turtle, N-Triples,
//! N-Quads, TriG, JSON-LD, RDF/XML): `govkg export`, the server's Graph Store Protocol reads
//! and the bodies `govkg push` sends.
//!
//! Quad formats keep the named graphs (one per article, and the ontology's). Triple formats
//! cannot: they get the merge of the selected graphs, each triple once even when several
//! articles state it, so that a triple-only tool counts what the store holds as facts.

use std::fmt;
use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, Quad, QuadRef};
use oxigraph::store::StorageError;

use crate::iri;
use crate::rdf;
use crate::store::Store;
use crate::vocab::{self, graph};

/// What can go wrong while exporting.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("no graph <{0}> in the store (list the articles with `govkg query 'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{}} }}'`)")]
    NoGraph(String),
    #[error("{0:?} is neither an article id nor an IRI")]
    BadGraph(String),
    #[error("cannot read the store")]
    Storage(#[from] StorageError),
    #[error("cannot write the export")]
    Write(#[from] std::io::Error),
    #[error("invalid prefix {prefix}: {message}")]
    Prefix { prefix: String, message: String },
}

/// An RDF serialization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Turtle,
    NTriples,
    NQuads,
    TriG,
    /// JSON-LD 1.1 (oxigraph's streaming serializer: full IRIs, named graphs as `@graph`s).
    JsonLd,
    RdfXml,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Turtle,
        Format::NTriples,
        Format::NQuads,
        Format::TriG,
        Format::JsonLd,
        Format::RdfXml,
    ];

    /// oxigraph's format.
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            Format::Turtle => RdfFormat::Turtle,
            Format::NTriples => RdfFormat::NTriples,
            Format::NQuads => RdfFormat::NQuads,
            Format::TriG => RdfFormat::TriG,
            Format::JsonLd => RdfFormat::JsonLd {
                profile: Default::default(),
            },
            Format::RdfXml => RdfFormat::RdfXml,
        }
    }

    /// The IANA media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Turtle => "text/turtle",
            Format::NTriples => "application/n-triples",
            Format::NQuads => "application/n-quads",
            Format::TriG => "application/trig",
            Format::JsonLd => "application/ld+json",
            Format::RdfXml => "application/rdf+xml",
        }
    }

    /// The usual file extension, also the name `--format` and `?format=` take.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Turtle => "ttl",
            Format::NTriples => "nt",
            Format::NQuads => "nq",
            Format::TriG => "trig",
            Format::JsonLd => "jsonld",
            Format::RdfXml => "rdf",
        }
    }

    /// The format of an extension or media type.
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.extension() == s || f.media_type() == s)
    }

    /// Whether the format keeps named graphs.
    pub fn has_graphs(self) -> bool {
        matches!(self, Format::NQuads | Format::TriG | Format::JsonLd)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Which part of the store to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every graph; the ontology's only when `ontology` is true.
    All { ontology: bool },
    /// One named graph (an article's, or the ontology's).
    Graph(NamedNode),
    /// The union of all graphs, as triples (what SPARQL queries see as the default graph).
    Union,
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Statements written: quads in quad formats, distinct triples in triple formats.
    pub statements: usize,
}

/// The graph an argument names: an IRI (`https://…`, `http://…`, `urn:…`) as it is, else an
/// article id, whose graph is [`iri::article_graph`].
pub fn graph_named(arg: &str) -> Result<NamedNode, Error> {
    let is_iri = ["http://", "https://", "urn:"]
        .iter()
        .any(|scheme| arg.starts_with(scheme));
    if is_iri {
        NamedNode::new(arg).map_err(|_| Error::BadGraph(arg.to_owned()))
    } else if arg.is_empty() {
        Err(Error::BadGraph(arg.to_owned()))
    } else {
        Ok(iri::article_graph(arg))
    }
}

/// A serializer for `format` with govkg's prefixes where they make the output readable
/// (Turtle, TriG, RDF/XML); JSON-LD is written with full IRIs, which every reader expands the
/// same way.
pub fn serializer(format: Format) -> Result<RdfSerializer, Error> {
    let mut serializer = RdfSerializer::from_format(format.rdf_format());
    if matches!(format, Format::Turtle | Format::TriG | Format::RdfXml) {
        for (prefix, namespace) in vocab::PREFIXES {
            serializer =
                serializer
                    .with_prefix(*prefix, *namespace)
                    .map_err(|e| Error::Prefix {
                        prefix: (*prefix).to_owned(),
                        message: e.to_string(),
                    })?;
        }
    }
    Ok(serializer)
}

/// Writes extractions as RDF while they are made (`govkg extract --format nq|ttl`), the
/// counterpart of [`crate::jsonl::JsonlWriter`]: each article's quads as soon as it is
/// extracted, the graphs kept in quad formats and dropped in triple formats.
pub struct RdfWriter<W: Write> {
    out: oxigraph::io::WriterQuadSerializer<W>,
    graphs: bool,
}

impl<W: Write> RdfWriter<W> {
    pub fn new(format: Format, out: W) -> Result<RdfWriter<W>, Error> {
        Ok(RdfWriter {
            out: serializer(format)?.for_writer(out),
            graphs: format.has_graphs(),
        })
    }

    /// Writes the quads of one article's extraction ([`rdf::article_quads`]).
    pub fn write(&mut self, x: &crate::model::Extraction) -> std::io::Result<()> {
        for q in rdf::article_quads(x) {
            if self.graphs {
                self.out.serialize_quad(q.as_ref())?;
            } else {
                self.out.serialize_triple(q.as_ref())?;
            }
        }
        Ok(())
    }

    /// Ends the document and returns the writer.
    pub fn finish(self) -> std::io::Result<W> {
        self.out.finish()
    }
}

/// Writes `scope` of the store to `out` in `format`, returning `out` flushed by the serializer.
pub fn write<W: Write>(
    store: &Store,
    scope: &Scope,
    format: Format,
    out: W,
) -> Result<(W, Stats), Error> {
    let inner = store.inner();
    let mut stats = Stats::default();
    let mut w = serializer(format)?.for_writer(out);
    let mut emit = |quad: QuadRef<'_>| -> Result<(), Error> {
        if format.has_graphs() {
            w.serialize_quad(quad)?;
        } else {
            w.serialize_triple(quad)?;
        }
        stats.statements += 1;
        Ok(())
    };
    match scope {
        Scope::Graph(g) => {
            if !inner.contains_named_graph(g)? {
                return Err(Error::NoGraph(g.as_str().to_owned()));
            }
            for quad in inner.quads_for_pattern(None, None, None, Some(g.as_ref().into())) {
                emit(quad?.as_ref())?;
            }
        }
        Scope::All { ontology } if format.has_graphs() => {
            for quad in inner.iter() {
                let quad = quad?;
                if *ontology || !is_ontology(quad.graph_name.as_ref()) {
                    emit(quad.as_ref())?;
                }
            }
        }
        Scope::All { ontology } => {
            let skip = |g: GraphNameRef<'_>| !*ontology && is_ontology(g);
            for quad in inner.iter() {
                let quad = quad?;
                if !skip(quad.graph_name.as_ref()) && first_holder(store, &quad, skip)? {
                    emit(quad.as_ref())?;
                }
            }
        }
        Scope::Union => {
            let keep = |_: GraphNameRef<'_>| false;
            for quad in inner.iter() {
                let quad = quad?;
                if first_holder(store, &quad, keep)? {
                    if format.has_graphs() {
                        let triple = QuadRef::new(
                            quad.subject.as_ref(),
                            quad.predicate.as_ref(),
                            quad.object.as_ref(),
                            GraphNameRef::DefaultGraph,
                        );
                        emit(triple)?;
                    } else {
                        emit(quad.as_ref())?;
                    }
                }
            }
        }
    }
    Ok((w.finish()?, stats))
}

fn is_ontology(g: GraphNameRef<'_>) -> bool {
    matches!(g, GraphNameRef::NamedNode(n) if n == graph::ONTOLOGY)
}

/// Whether `quad`'s graph is the first graph (in the store's index order, graphs `skip`ped
/// left out) holding its triple: writing a triple only from its first holder writes each
/// triple of a merge once, without keeping the triples seen in memory.
fn first_holder(
    store: &Store,
    quad: &Quad,
    skip: impl Fn(GraphNameRef<'_>) -> bool,
) -> Result<bool, Error> {
    for holder in store.inner().quads_for_pattern(
        Some(quad.subject.as_ref()),
        Some(quad.predicate.as_ref()),
        Some(quad.object.as_ref()),
        None,
    ) {
        let holder = holder?;
        if !skip(holder.graph_name.as_ref()) {
            return Ok(holder.graph_name == quad.graph_name);
        }
    }
    Ok(false)
}

/// The named graphs of the store, sorted by IRI: the articles' and, when `ontology`, the
/// ontology's.
pub fn named_graphs(store: &Store, ontology: bool) -> Result<Vec<NamedNode>, Error> {
    let mut graphs = Vec::new();
    for g in store.inner().named_graphs() {
        if let oxigraph::model::NamedOrBlankNode::NamedNode(g) = g? {
            if ontology || g.as_ref() != graph::ONTOLOGY {
                graphs.push(g);
            }
        }
    }
    graphs.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    Ok(graphs)
}

/// The ontology graph's name, for callers that name it.
pub fn ontology_graph() -> NamedNodeRef<'static> {
    graph::ONTOLOGY
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{seed, ARTICLE};
    use oxigraph::io::RdfParser;
    use std::collections::HashSet;

    fn two_articles() -> Store {
        let store = Store::in_memory().expect("store");
        let a = seed();
        let mut b = seed();
        b.article.id = "A2".into();
        for f in &mut b.facts {
            f.evidence.article = "A2".into();
        }
        store.bulk_load([&a, &b], 64).expect("load");
        store
    }

    fn parse(format: Format, bytes: &[u8]) -> Vec<Quad> {
        RdfParser::from_format(format.rdf_format())
            .for_slice(bytes)
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{format}: {e}"))
    }

    /// Distinct triples of the store's quads, those of the ontology graph left out or not.
    fn distinct_triples(store: &Store, ontology: bool) -> usize {
        store
            .inner()
            .iter()
            .map(Result::unwrap)
            .filter(|q| ontology || !is_ontology(q.graph_name.as_ref()))
            .map(oxigraph::model::Triple::from)
            .collect::<HashSet<_>>()
            .len()
    }

    #[test]
    fn every_format_round_trips_what_it_wrote() {
        let store = two_articles();
        let ontology = store
            .inner()
            .quads_for_pattern(None, None, None, Some(graph::ONTOLOGY.into()))
            .count();
        let article = iri::article_graph(ARTICLE);
        let article_len = store
            .inner()
            .quads_for_pattern(None, None, None, Some(article.as_ref().into()))
            .count();
        let total = store.len().unwrap();
        // The two articles share triples, so that merging them has something to merge.
        assert!(distinct_triples(&store, false) < total - ontology);
        for format in Format::ALL {
            for with_ontology in [true, false] {
                let scope = Scope::All {
                    ontology: with_ontology,
                };
                let (bytes, stats) = write(&store, &scope, format, Vec::new()).expect("export");
                let quads = parse(format, &bytes);
                assert_eq!(quads.len(), stats.statements, "{format}");
                let want = match (format.has_graphs(), with_ontology) {
                    (true, true) => total,
                    (true, false) => total - ontology,
                    (false, _) => distinct_triples(&store, with_ontology),
                };
                assert_eq!(quads.len(), want, "{format}, ontology {with_ontology}");
            }
            let (bytes, _) =
                write(&store, &Scope::Graph(article.clone()), format, Vec::new()).expect("graph");
            let quads = parse(format, &bytes);
            assert_eq!(quads.len(), article_len, "{format} one graph");
            if format.has_graphs() {
                assert!(quads.iter().all(|q| q.graph_name == article.clone().into()));
            }
        }
    }

    #[test]
    fn union_and_missing_graph() {
        let store = two_articles();
        let (bytes, stats) = write(&store, &Scope::Union, Format::NQuads, Vec::new()).unwrap();
        let quads = parse(Format::NQuads, &bytes);
        assert_eq!(quads.len(), stats.statements);
        assert_eq!(quads.len(), distinct_triples(&store, true));
        assert!(quads.iter().all(|q| q.graph_name.is_default_graph()));
        let err = write(
            &store,
            &Scope::Graph(iri::article_graph("nope")),
            Format::Turtle,
            Vec::new(),
        )
        .unwrap_err();
        assert!(matches!(err, Error::NoGraph(_)), "{err}");
    }

    #[test]
    fn graph_arguments() {
        let cases = [
            ("A1", Some(iri::article_graph("A1").as_str().to_owned())),
            (
                "https://w3id.org/govkg/graph/ontology",
                Some(graph::ONTOLOGY.as_str().to_owned()),
            ),
            ("", None),
            ("https://bad iri", None),
        ];
        for (arg, want) in cases {
            assert_eq!(
                graph_named(arg).ok().map(|g| g.as_str().to_owned()),
                want,
                "{arg}"
            );
        }
        for f in Format::ALL {
            assert_eq!(Format::parse(f.extension()), Some(f));
            assert_eq!(Format::parse(f.media_type()), Some(f));
        }
    }
}
