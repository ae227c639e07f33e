//! The SPARQL 1.1 Graph Store HTTP Protocol's reads at `/store`, by indirect identification:
//! `?graph=IRI` one named graph (an article's, or the ontology's), `?default` the default graph
//! (as queries see it: the union of all graphs, each triple once), neither the whole dataset
//! in a quad format. Writes are refused: the store changes through `govkg ingest`, or SPARQL
//! Update on a `--writable` server.
//!
//! Graphs are streamed as they are serialized (a pipe fed by a thread), so a large dataset is
//! never held in memory.

use std::io::{self, BufWriter, Write};
use std::sync::Arc;
use std::thread;

use tiny_http::{Method, Request};

use super::request::{self, one};
use super::{negotiate, Context, Reply};
use crate::export::{self, Format, Scope};
use crate::store::Store;

/// Triple formats, the default first.
const GRAPH_FORMATS: [Format; 4] = [
    Format::Turtle,
    Format::NTriples,
    Format::JsonLd,
    Format::RdfXml,
];

/// Quad formats for the whole dataset, the default first.
const DATASET_FORMATS: [Format; 3] = [Format::TriG, Format::NQuads, Format::JsonLd];

pub fn handle(ctx: &Context, request: &mut Request) -> Reply {
    match request.method() {
        Method::Get | Method::Head => {}
        Method::Put | Method::Post | Method::Delete | Method::Patch => {
            return Reply::error(
                405,
                "the graph store is read-only over HTTP: ingest articles with `govkg ingest`, or use SPARQL Update at /update on a --writable server",
            )
            .with_header("Allow", "GET, HEAD")
        }
        _ => return Reply::method_not_allowed("GET, HEAD"),
    }
    let (_, params) = match request::target(request.url()) {
        Ok(t) => t,
        Err(reply) => return reply,
    };
    let graph = match one(&params, "graph") {
        Ok(g) => g.map(str::to_owned),
        Err(reply) => return reply,
    };
    let default = params.iter().any(|(name, _)| name == "default");
    let scope = match (graph, default) {
        (Some(_), true) => return Reply::error(400, "give ?graph=IRI or ?default, not both"),
        (Some(iri), false) => match export::graph_named(&iri) {
            Ok(g) => match ctx.store.inner().contains_named_graph(&g) {
                Ok(true) => Scope::Graph(g),
                Ok(false) => return Reply::error(404, &format!("no graph <{iri}> in the store")),
                Err(e) => return Reply::error(500, &crate::error_message(&e)),
            },
            Err(e) => return Reply::error(400, &crate::error_message(&e)),
        },
        (None, true) => Scope::Union,
        (None, false) => Scope::All { ontology: true },
    };
    let offers: &[Format] = if matches!(scope, Scope::All { .. }) {
        &DATASET_FORMATS
    } else {
        &GRAPH_FORMATS
    };
    let media: Vec<&str> = offers.iter().map(|f| f.media_type()).collect();
    let Some(chosen) = negotiate::choose(request::header(request, "Accept"), &media) else {
        return Reply::error(406, &format!("offered: {}", media.join(", ")));
    };
    let format = Format::parse(chosen).unwrap_or(offers[0]);
    if *request.method() == Method::Head {
        return Reply::ok(Vec::new(), format.media_type()).cors();
    }
    match stream(Arc::clone(&ctx.store), scope, format) {
        Ok(reader) => Reply::stream(reader, format.media_type()).cors(),
        Err(e) => Reply::error(500, &format!("cannot start the response: {e}")),
    }
}

/// A reader of `scope` serialized in `format` by a thread writing into a pipe. An error midway
/// can only cut the response short: it is logged.
fn stream(store: Arc<Store>, scope: Scope, format: Format) -> io::Result<io::PipeReader> {
    let (reader, writer) = io::pipe()?;
    thread::Builder::new()
        .name("govkg-graph-store".into())
        .spawn(move || {
            let out = BufWriter::new(writer);
            match export::write(&store, &scope, format, out) {
                Ok((mut out, _)) => {
                    let _ = out.flush();
                }
                // The client went away: nothing to tell anyone.
                Err(export::Error::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => {}
                Err(e) => eprintln!("govkg: graph store response cut short: {e}"),
            }
        })?;
    Ok(reader)
}
