//! `govkg push`: copies the store's named graphs (one per article, and the ontology's) into an
//! external triplestore — Virtuoso, GraphDB, Neptune, Fuseki, an oxigraph server — over the
//! SPARQL 1.1 Graph Store HTTP Protocol (one `PUT ?graph=` per graph) or SPARQL 1.1 Update
//! (batches of `DROP SILENT GRAPH` + `INSERT DATA`). Both replace a graph on the other side,
//! so pushing an article again never duplicates it.
//!
//! A push can be resumed: after every accepted request, a line `endpoint, graph, hash` is
//! appended to a state file (by default beside the store). A graph whose content hash is
//! already recorded for the endpoint is not sent again; one that changed since (re-ingested)
//! is.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::NamedNode;
use oxigraph::store::StorageError;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};

use crate::export;
use crate::store::Store;

/// What can go wrong pushing.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("cannot read the store")]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Export(#[from] export::Error),
    #[error("cannot read the push state {}", path.display())]
    ReadState {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot record progress in {}", path.display())]
    WriteState {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot serialize graph <{graph}>")]
    Serialize {
        graph: String,
        #[source]
        source: io::Error,
    },
    /// The endpoint answered, but not with success: its status and what it said.
    #[error("{endpoint} refused request {request} ({what}): HTTP {status}: {body}")]
    Refused {
        endpoint: String,
        request: usize,
        what: String,
        status: u16,
        body: String,
    },
    /// No answer at all: connection refused, timeout, DNS.
    #[error("cannot reach {endpoint} (request {request}, {what}): {message}")]
    Unreachable {
        endpoint: String,
        request: usize,
        what: String,
        message: String,
    },
}

/// How to send graphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// SPARQL 1.1 Graph Store HTTP Protocol: `PUT {endpoint}?graph={iri}`, N-Triples body, one
    /// graph a request.
    GraphStore,
    /// SPARQL 1.1 Update: `POST {endpoint}`, `application/sparql-update`, several graphs a
    /// request (each `DROP SILENT GRAPH` then `INSERT DATA`), up to the batch size in quads.
    Update,
}

/// What to push where.
#[derive(Debug, Clone)]
pub struct Options {
    pub endpoint: String,
    pub protocol: Protocol,
    /// Quads per Update request, about (a graph is never split).
    pub batch_quads: usize,
    /// The record of what was pushed.
    pub state: PathBuf,
    /// Send every graph, recorded or not.
    pub force: bool,
    /// Push the ontology's graph too.
    pub ontology: bool,
    /// Longest wait for one request.
    pub timeout: Duration,
}

/// Where the push state of a store goes by default: beside it, `govkg.db.push-state.tsv`.
pub fn default_state_path(store: &Path) -> PathBuf {
    let mut name = store.file_name().unwrap_or_default().to_os_string();
    name.push(".push-state.tsv");
    store.with_file_name(name)
}

/// Progress after each request.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Graphs in the push (sent, skipped, or still to go).
    pub graphs: usize,
    /// Graphs done: sent now or skipped as already pushed.
    pub done: usize,
    pub sent: usize,
    pub skipped: usize,
    pub quads_sent: usize,
    pub requests: usize,
}

/// A graph ready to send.
struct Prepared {
    graph: NamedNode,
    hash: String,
    /// Its triples as N-Triples, one a line, sorted.
    ntriples: String,
    quads: usize,
}

/// The state file: for each endpoint, graph → hash of the content last pushed.
struct State {
    path: PathBuf,
    pushed: HashMap<(String, String), String>,
}

impl State {
    /// Reads `path` (absent: nothing pushed yet). A last line cut short by a crash is ignored.
    fn load(path: &Path) -> Result<State, Error> {
        let mut pushed = HashMap::new();
        match File::open(path) {
            Ok(file) => {
                for line in BufReader::new(file).lines() {
                    let line = line.map_err(|source| Error::ReadState {
                        path: path.to_owned(),
                        source,
                    })?;
                    let fields: Vec<&str> = line.split('\t').collect();
                    if let [endpoint, graph, hash] = fields.as_slice() {
                        if hash.len() == 64 {
                            pushed.insert(
                                ((*endpoint).to_owned(), (*graph).to_owned()),
                                (*hash).to_owned(),
                            );
                        }
                    }
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(Error::ReadState {
                    path: path.to_owned(),
                    source,
                })
            }
        }
        Ok(State {
            path: path.to_owned(),
            pushed,
        })
    }

    fn is_pushed(&self, endpoint: &str, graph: &NamedNode, hash: &str) -> bool {
        self.pushed
            .get(&(endpoint.to_owned(), graph.as_str().to_owned()))
            .is_some_and(|h| h == hash)
    }

    /// Appends the graphs of an accepted request, synced to disk before the next request.
    fn record(&mut self, endpoint: &str, done: &[Prepared]) -> Result<(), Error> {
        let failed = |source| Error::WriteState {
            path: self.path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .map_err(failed)?;
        let mut lines = String::new();
        for p in done {
            // Tabs and line breaks cannot occur in an IRI, nor in the endpoint URL we were given
            // unless the user typed them; such an endpoint is written as is and never matched.
            lines.push_str(&format!("{endpoint}\t{}\t{}\n", p.graph.as_str(), p.hash));
        }
        file.write_all(lines.as_bytes()).map_err(failed)?;
        file.sync_data().map_err(failed)?;
        for p in done {
            self.pushed.insert(
                (endpoint.to_owned(), p.graph.as_str().to_owned()),
                p.hash.clone(),
            );
        }
        Ok(())
    }
}

/// A graph's triples as sorted N-Triples lines, their SHA-256, and their number.
fn prepare(store: &Store, graph: NamedNode) -> Result<Prepared, Error> {
    let serialize_error = |source| Error::Serialize {
        graph: graph.as_str().to_owned(),
        source,
    };
    let mut lines = Vec::new();
    for quad in store
        .inner()
        .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
    {
        let quad = quad?;
        let mut w = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        w.serialize_triple(quad.as_ref()).map_err(serialize_error)?;
        let bytes = w.finish().map_err(serialize_error)?;
        lines.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    lines.sort();
    let ntriples: String = lines.concat();
    let digest = Sha256::digest(ntriples.as_bytes());
    let hash = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok(Prepared {
        graph,
        hash,
        ntriples,
        quads: lines.len(),
    })
}

/// The body of an Update request replacing `graphs`.
fn update_body(graphs: &[Prepared]) -> String {
    let mut body = String::new();
    for p in graphs {
        let g = p.graph.as_str();
        // N-Triples is valid inside INSERT DATA.
        body.push_str(&format!(
            "DROP SILENT GRAPH <{g}> ;\nINSERT DATA {{ GRAPH <{g}> {{\n{}}} }} ;\n",
            p.ntriples
        ));
    }
    // A trailing `;` is not allowed after the last operation.
    if body.ends_with(" ;\n") {
        body.truncate(body.len() - 3);
        body.push('\n');
    }
    body
}

/// `{endpoint}?graph={iri}` (or `&graph=` when the endpoint has a query string already).
fn graph_url(endpoint: &str, graph: &NamedNode) -> String {
    let sep = if endpoint.contains('?') { '&' } else { '?' };
    format!(
        "{endpoint}{sep}graph={}",
        utf8_percent_encode(graph.as_str(), NON_ALPHANUMERIC)
    )
}

/// What a request carried, for messages: "graph <…>" or "3 graphs, <…> … <…>".
fn describe(batch: &[Prepared]) -> String {
    match batch {
        [one] => format!("graph <{}>", one.graph.as_str()),
        [first, .., last] => format!(
            "{} graphs, <{}> … <{}>",
            batch.len(),
            first.graph.as_str(),
            last.graph.as_str()
        ),
        [] => "nothing".into(),
    }
}

/// Sends the store's graphs that the endpoint does not have yet (by the state file), calling
/// `progress` after each request. Stops at the first refused request, with its status and body;
/// what was accepted before stays recorded, so running the push again resumes after it.
pub fn push(
    store: &Store,
    options: &Options,
    mut progress: impl FnMut(&Progress),
) -> Result<Progress, Error> {
    let graphs = export::named_graphs(store, options.ontology)?;
    let mut sender = Sender {
        agent: ureq::Agent::config_builder()
            .timeout_global(Some(options.timeout))
            .http_status_as_error(false)
            .build()
            .into(),
        options,
        state: State::load(&options.state)?,
        progress: Progress {
            graphs: graphs.len(),
            ..Progress::default()
        },
    };
    let endpoint = options.endpoint.as_str();
    let mut batch: Vec<Prepared> = Vec::new();
    let mut batch_quads = 0;
    for graph in graphs {
        let prepared = prepare(store, graph)?;
        if !options.force
            && sender
                .state
                .is_pushed(endpoint, &prepared.graph, &prepared.hash)
        {
            sender.progress.skipped += 1;
            sender.progress.done += 1;
            continue;
        }
        batch_quads += prepared.quads;
        batch.push(prepared);
        let full = match options.protocol {
            Protocol::GraphStore => true,
            Protocol::Update => batch_quads >= options.batch_quads,
        };
        if full {
            sender.send(&mut batch)?;
            batch_quads = 0;
            progress(&sender.progress);
        }
    }
    if !batch.is_empty() {
        sender.send(&mut batch)?;
    }
    progress(&sender.progress);
    Ok(sender.progress)
}

/// Sends batches and records what was accepted.
struct Sender<'a> {
    agent: ureq::Agent,
    options: &'a Options,
    state: State,
    progress: Progress,
}

impl Sender<'_> {
    /// Sends `batch` in one request; on success records it and empties it.
    fn send(&mut self, batch: &mut Vec<Prepared>) -> Result<(), Error> {
        let endpoint = self.options.endpoint.as_str();
        let request = self.progress.requests + 1;
        let what = describe(batch);
        let result = match self.options.protocol {
            Protocol::GraphStore => self
                .agent
                .put(&graph_url(endpoint, &batch[0].graph))
                .header("Content-Type", "application/n-triples")
                .send(batch[0].ntriples.as_bytes()),
            Protocol::Update => self
                .agent
                .post(endpoint)
                .header("Content-Type", "application/sparql-update; charset=utf-8")
                .send(update_body(batch).as_bytes()),
        };
        let mut response = result.map_err(|e| Error::Unreachable {
            endpoint: endpoint.to_owned(),
            request,
            what: what.clone(),
            message: e.to_string(),
        })?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            let body = response
                .body_mut()
                .with_config()
                .limit(64 * 1024)
                .read_to_string()
                .unwrap_or_else(|e| format!("(no readable body: {e})"));
            return Err(Error::Refused {
                endpoint: endpoint.to_owned(),
                request,
                what,
                status,
                body: body.trim().to_owned(),
            });
        }
        self.state.record(endpoint, batch)?;
        let p = &mut self.progress;
        p.requests = request;
        p.sent += batch.len();
        p.done += batch.len();
        p.quads_sent += batch.iter().map(|b| b.quads).sum::<usize>();
        batch.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::seed;
    use std::io::Read;
    use std::net::TcpListener;
    use std::sync::mpsc;
    use std::thread;

    fn tempdir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("govkg-push-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A one-shot HTTP peer on loopback answering each request with the next status of
    /// `statuses`, sending (method, target, body) of each request it got.
    fn peer(statuses: Vec<u16>) -> (String, mpsc::Receiver<(String, String, String)>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            for status in statuses {
                let Ok((mut stream, _)) = listener.accept() else {
                    return;
                };
                let mut buf = Vec::new();
                let mut chunk = [0u8; 65536];
                // Read headers, then Content-Length bytes of body.
                let (head, body) = loop {
                    let n = stream.read(&mut chunk).unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&buf[..i]).into_owned();
                        let len: usize = head
                            .lines()
                            .find_map(|l| {
                                let (k, v) = l.split_once(':')?;
                                k.eq_ignore_ascii_case("content-length")
                                    .then(|| v.trim().parse().ok())?
                            })
                            .unwrap_or(0);
                        while buf.len() < i + 4 + len {
                            let n = stream.read(&mut chunk).unwrap_or(0);
                            if n == 0 {
                                break;
                            }
                            buf.extend_from_slice(&chunk[..n]);
                        }
                        break (head, String::from_utf8_lossy(&buf[i + 4..]).into_owned());
                    }
                };
                let mut first = head.lines().next().unwrap_or_default().split(' ');
                let method = first.next().unwrap_or_default().to_owned();
                let target = first.next().unwrap_or_default().to_owned();
                let _ = tx.send((method, target, body));
                let reply = if status < 300 {
                    String::new()
                } else {
                    "no such dataset".into()
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{reply}",
                    reply.len()
                );
            }
        });
        (format!("http://{addr}/store"), rx)
    }

    fn options(endpoint: String, state: PathBuf, protocol: Protocol) -> Options {
        Options {
            endpoint,
            protocol,
            batch_quads: 10_000,
            state,
            force: false,
            ontology: true,
            timeout: Duration::from_secs(30),
        }
    }

    #[test]
    fn a_refused_batch_is_reported_and_the_push_resumes_after_what_was_accepted() {
        let dir = tempdir("resume");
        let store = Store::in_memory().unwrap();
        store.ingest(&seed()).unwrap();
        // Two graphs: the article's and the ontology's. The peer takes the first, refuses
        // the second.
        let (endpoint, got) = peer(vec![204, 404]);
        let opts = options(endpoint, dir.join("state.tsv"), Protocol::GraphStore);
        let err = push(&store, &opts, |_| {}).unwrap_err();
        let message = err.to_string();
        assert!(
            matches!(
                err,
                Error::Refused {
                    status: 404,
                    request: 2,
                    ..
                }
            ),
            "{message}"
        );
        assert!(message.contains("no such dataset"), "{message}");
        let (method, target, body) = got.recv().unwrap();
        assert_eq!(method, "PUT");
        assert!(
            target.starts_with("/store?graph=https%3A%2F%2F"),
            "{target}"
        );
        assert!(body.lines().count() > 100, "{body}");
        let first_graph = target.clone();
        // Again: only the refused graph is sent, and now accepted.
        let (endpoint2, got2) = peer(vec![201]);
        let state = std::fs::read_to_string(dir.join("state.tsv")).unwrap();
        std::fs::write(
            dir.join("state.tsv"),
            state.replace(&opts.endpoint, &endpoint2),
        )
        .unwrap();
        let opts = options(endpoint2, dir.join("state.tsv"), Protocol::GraphStore);
        let done = push(&store, &opts, |_| {}).expect("resumed push");
        assert_eq!(
            (done.graphs, done.skipped, done.sent, done.requests),
            (2, 1, 1, 1)
        );
        let (_, target, _) = got2.recv().unwrap();
        assert_ne!(target, first_graph);
        // Nothing left: no request at all.
        let again = push(&store, &opts, |_| {}).expect("nothing to do");
        assert_eq!((again.skipped, again.sent), (2, 0));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn update_batches_replace_graphs() {
        let dir = tempdir("update");
        let store = Store::in_memory().unwrap();
        store.ingest(&seed()).unwrap();
        let (endpoint, got) = peer(vec![204]);
        let opts = options(endpoint, dir.join("state.tsv"), Protocol::Update);
        let done = push(&store, &opts, |_| {}).expect("push");
        assert_eq!((done.sent, done.requests), (2, 1));
        let (method, _, body) = got.recv().unwrap();
        assert_eq!(method, "POST");
        assert_eq!(body.matches("DROP SILENT GRAPH").count(), 2, "{body}");
        assert_eq!(body.matches("INSERT DATA").count(), 2);
        assert!(!body.trim_end().ends_with(';'));
        // The body is SPARQL Update oxigraph accepts, and it loads what the store holds.
        let other = Store::in_memory().unwrap();
        other.update(&body).expect("valid update");
        assert_eq!(other.len().unwrap(), store.len().unwrap());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn state_lines_cut_short_are_ignored() {
        let dir = tempdir("state");
        let path = dir.join("s.tsv");
        let hash = "a".repeat(64);
        std::fs::write(
            &path,
            format!("http://x\thttp://g\t{hash}\nhttp://x\thttp://h\taaa"),
        )
        .unwrap();
        let state = State::load(&path).unwrap();
        let g = NamedNode::new("http://g").unwrap();
        let h = NamedNode::new("http://h").unwrap();
        assert!(state.is_pushed("http://x", &g, &hash));
        assert!(!state.is_pushed("http://y", &g, &hash));
        assert!(!state.is_pushed("http://x", &h, "aaa"));
        assert_eq!(
            default_state_path(Path::new("/data/govkg.db")),
            PathBuf::from("/data/govkg.db.push-state.tsv")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
