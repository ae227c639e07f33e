//! `govkg serve`: the store over HTTP — the SPARQL 1.1 Protocol at `/query` (and `/update`,
//! refused unless writable), the Graph Store Protocol's reads at `/store`, the JSON API at
//! `/api/` (search, profiles, questions), the workbench page at `/` and entity diagrams at
//! `/diagram`.
//!
//! The HTTP stack is `tiny_http`: it reads each connection on a thread of its own and queues
//! complete requests; a fixed pool of worker threads takes them from the queue and runs the
//! handlers. oxigraph's API is synchronous and queries are CPU-bound, so threads are the natural
//! fit, and the pool bounds how many queries run at once whatever the number of clients. A
//! handler that panics answers 500 and its worker goes on; a query is stopped at the timeout
//! (see [`protocol`]); a body larger than the limit is refused with 413 before it is read.

mod api;
mod diagram;
mod graph_store;
mod negotiate;
mod page;
mod protocol;
mod request;
mod token;

use std::io::{Cursor, Read};
use std::net::{IpAddr, SocketAddr};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use oxigraph::model::NamedNode;
use tiny_http::{Header, Method, Request, Response, StatusCode};

use crate::graph::KnowledgeGraph;
use crate::profile::Catalogue;
use crate::store::Store;

pub use api::SEARCH_LIMIT;
pub use page::examples;
pub use token::{Error as TokenError, Token};

/// What can go wrong starting or running the server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("cannot listen on {addr}: {message}")]
    Bind { addr: SocketAddr, message: String },
    #[error("the listener on {addr} failed: {message}")]
    Listener { addr: SocketAddr, message: String },
    #[error("cannot start worker threads")]
    Threads(#[source] std::io::Error),
    /// SPARQL Update open to every machine that reaches the port.
    #[error("a writable server on {addr}, which is not loopback, needs a bearer token: give --token-file FILE (clients then send `Authorization: Bearer <its text>`)")]
    Unprotected { addr: SocketAddr },
    #[error("--token-for-reads needs a token: give --token-file FILE")]
    NoToken,
}

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on; loopback unless the user says otherwise.
    pub bind: IpAddr,
    /// Port; 0 picks a free one (see [`Server::local_addr`]).
    pub port: u16,
    /// Longest a query may run before it is stopped.
    pub timeout: Duration,
    /// Most rows (or triples) a query may return.
    pub max_rows: usize,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
    /// Whether SPARQL Update is accepted (the store must then be open for writing).
    pub writable: bool,
    /// Worker threads running handlers.
    pub threads: usize,
    /// Log every request to standard error, not only failures.
    pub log_requests: bool,
    /// The token `/update` requires (`Authorization: Bearer …`); a writable server on an
    /// address other than loopback must have one.
    pub token: Option<Token>,
    /// Whether every request, not only updates, requires [`Config::token`].
    pub token_for_reads: bool,
}

impl Config {
    /// What `govkg serve` runs with unless told otherwise.
    pub const DEFAULT: Config = Config {
        bind: IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
        port: 7878,
        timeout: Duration::from_secs(10),
        max_rows: 10_000,
        max_body: 1 << 20,
        writable: false,
        threads: 8,
        log_requests: false,
        token: None,
        token_for_reads: false,
    };
}

impl Default for Config {
    fn default() -> Self {
        Config::DEFAULT
    }
}

/// What the handlers share.
pub struct Context {
    store: Arc<Store>,
    config: Config,
    /// What `/api/search` looks in, once read (see [`Context::catalogue`]).
    catalogue: Mutex<Option<Arc<Catalogue>>>,
    /// What `/api/entity` reads people's events, posts and peers from (see [`Context::view`]).
    view: Mutex<Option<Arc<KnowledgeGraph>>>,
}

/// A server bound to its address, not yet serving.
pub struct Server {
    http: Arc<tiny_http::Server>,
    context: Arc<Context>,
    addr: SocketAddr,
}

impl Server {
    /// Binds the listening socket. The store must be open for writing when
    /// `config.writable`; a writable server on an address other than loopback needs a token.
    pub fn bind(store: Store, config: Config) -> Result<Server, Error> {
        let addr = SocketAddr::new(config.bind, config.port);
        if config.token.is_none() {
            if config.writable && !config.bind.is_loopback() {
                return Err(Error::Unprotected { addr });
            }
            if config.token_for_reads {
                return Err(Error::NoToken);
            }
        }
        let http = tiny_http::Server::http(addr).map_err(|e| Error::Bind {
            addr,
            message: e.to_string(),
        })?;
        let addr = http.server_addr().to_ip().unwrap_or(addr);
        Ok(Server {
            http: Arc::new(http),
            context: Arc::new(Context {
                store: Arc::new(store),
                config,
                catalogue: Mutex::new(None),
                view: Mutex::new(None),
            }),
            addr,
        })
    }

    /// The address it listens on (with the port picked when 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the listener fails; handlers' errors and panics do not stop it.
    pub fn run(self) -> Result<(), Error> {
        // The catalogue and the graph view take seconds to read from a large store; reading
        // them while the first client types spares that client the wait. A failure here is
        // left for the request that needs them to report.
        let context = Arc::clone(&self.context);
        thread::Builder::new()
            .name("govkg-warm".into())
            .spawn(move || {
                let _ = context.catalogue();
                let _ = context.view();
            })
            .map_err(Error::Threads)?;
        let workers = (0..self.context.config.threads.max(1))
            .map(|i| {
                let http = Arc::clone(&self.http);
                let context = Arc::clone(&self.context);
                thread::Builder::new()
                    .name(format!("govkg-http-{i}"))
                    .spawn(move || work(&http, &context))
                    .map_err(Error::Threads)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut failure = None;
        for worker in workers {
            if let Ok(Err(message)) = worker.join() {
                failure = Some(message);
            }
        }
        match failure {
            Some(message) => Err(Error::Listener {
                addr: self.addr,
                message,
            }),
            None => Ok(()),
        }
    }
}

/// A worker: takes requests until the listener fails, answering each.
fn work(http: &tiny_http::Server, context: &Context) -> Result<(), String> {
    loop {
        let mut request = http.recv().map_err(|e| e.to_string())?;
        let method = request.method().clone();
        let url = request.url().to_owned();
        let reply = guarded(|| route(context, &mut request));
        let status = reply.status;
        if context.config.log_requests || status >= 500 {
            eprintln!("govkg serve: {method} {} -> {status}", shorten(&url));
        }
        // The client may have gone; nothing to do about it.
        let _ = request.respond(reply.into_response());
    }
}

/// What `handler` replies, or 500 when it panics: one request's bug must not take the worker,
/// nor the server, down.
fn guarded(handler: impl FnOnce() -> Reply) -> Reply {
    panic::catch_unwind(AssertUnwindSafe(handler)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Reply::error(
            500,
            &format!("internal error: the handler failed ({message})"),
        )
    })
}

/// A URL cut for a log line.
fn shorten(url: &str) -> String {
    match url.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &url[..i]),
        None => url.to_owned(),
    }
}

fn route(context: &Context, request: &mut Request) -> Reply {
    let path = request
        .url()
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned();
    if *request.method() == Method::Options {
        return if path == "/update" {
            // No CORS for writes: a page the user visits must not write to their store.
            Reply::method_not_allowed("POST")
        } else {
            Reply::preflight()
        };
    }
    if let Some(token) = &context.config.token {
        if (path == "/update" || context.config.token_for_reads) && !admitted(token, request) {
            // Always logged: someone without the token tried.
            eprintln!(
                "govkg serve: refused {} {} from {}: no valid bearer token",
                request.method(),
                shorten(request.url()),
                request
                    .remote_addr()
                    .map_or_else(|| "?".to_owned(), |a| a.ip().to_string()),
            );
            return Reply::unauthorized();
        }
    }
    match path.as_str() {
        "/" | "/index.html" => match request.method() {
            Method::Get | Method::Head => Reply::ok(page::html().into_bytes(), "text/html; charset=utf-8"),
            _ => Reply::method_not_allowed("GET, HEAD"),
        },
        "/query" | "/sparql" => protocol::query(context, request),
        "/update" => protocol::update(context, request),
        "/store" => graph_store::handle(context, request),
        "/diagram" => diagram(context, request),
        p if p.starts_with("/api/") => api::handle(context, request, p),
        _ => Reply::error(
            404,
            &format!("nothing at {path}: the endpoints are /query, /update, /store, /diagram, /api/search, /api/entity, /api/ask and the page /"),
        ),
    }
}

/// Whether the request's `Authorization` header carries `token`.
fn admitted(token: &Token, request: &Request) -> bool {
    let header = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Authorization"))
        .map(|h| h.value.as_str());
    token.admits(header)
}

/// `/diagram?entity=IRI`: the SVG of an entity's neighbourhood.
fn diagram(context: &Context, request: &Request) -> Reply {
    let (_, params) = match request::target(request.url()) {
        Ok(t) => t,
        Err(reply) => return reply,
    };
    let entity = match request::one(&params, "entity") {
        Ok(Some(iri)) => match NamedNode::new(iri) {
            Ok(n) => n,
            Err(e) => return Reply::error(400, &format!("entity {iri:?} is not an IRI: {e}")),
        },
        Ok(None) => return Reply::error(400, "give ?entity=IRI"),
        Err(reply) => return reply,
    };
    match diagram::svg(&context.store, &entity) {
        Ok(svg) => Reply::ok(svg, "image/svg+xml"),
        Err(e) => Reply::error(500, &crate::error_message(&e)),
    }
}

/// A response body: bytes in memory, or a stream sent chunked.
enum Body {
    Bytes(Vec<u8>),
    Stream(Box<dyn Read + Send>),
}

/// A response, built by the handlers and sent by the worker.
#[derive(Debug)]
pub struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Body,
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Bytes(b) => write!(f, "Bytes({})", String::from_utf8_lossy(b)),
            Body::Stream(_) => f.write_str("Stream"),
        }
    }
}

impl Reply {
    fn ok(body: Vec<u8>, media_type: &str) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type", media_type.to_owned())],
            body: Body::Bytes(body),
        }
    }

    fn stream(body: impl Read + Send + 'static, media_type: &str) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type", media_type.to_owned())],
            body: Body::Stream(Box::new(body)),
        }
    }

    fn no_content() -> Reply {
        Reply {
            status: 204,
            headers: Vec::new(),
            body: Body::Bytes(Vec::new()),
        }
    }

    /// An error: the message as plain text, one line.
    fn error(status: u16, message: &str) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_owned())],
            body: Body::Bytes(format!("{message}\n").into_bytes()),
        }
    }

    fn unauthorized() -> Reply {
        Reply::error(
            401,
            "this needs the server's token: send `Authorization: Bearer <token>`",
        )
        .with_header("WWW-Authenticate", "Bearer realm=\"govkg\"")
    }

    fn method_not_allowed(allow: &str) -> Reply {
        Reply::error(405, &format!("method not allowed here; allowed: {allow}"))
            .with_header("Allow", allow)
    }

    /// The answer to a CORS preflight for reads, which may come from any page (YASGUI on
    /// another origin).
    fn preflight() -> Reply {
        let mut reply = Reply::no_content()
            .with_header("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS")
            .with_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            .with_header("Access-Control-Max-Age", "600");
        reply
            .headers
            .push(("Access-Control-Allow-Origin", "*".to_owned()));
        reply
    }

    fn with_header(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.to_owned()));
        self
    }

    /// Allows pages of other origins to read the response.
    fn cors(self) -> Reply {
        self.with_header("Access-Control-Allow-Origin", "*")
    }

    fn into_response(self) -> Response<Box<dyn Read + Send>> {
        let headers = self
            .headers
            .iter()
            .filter_map(|(name, value)| Header::from_bytes(name.as_bytes(), value.as_bytes()).ok())
            .collect();
        let (body, length): (Box<dyn Read + Send>, Option<usize>) = match self.body {
            Body::Bytes(bytes) => {
                let n = bytes.len();
                (Box::new(Cursor::new(bytes)), Some(n))
            }
            Body::Stream(reader) => (reader, None),
        };
        Response::new(StatusCode(self.status), headers, body, length, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_handler_answers_500_with_its_message() {
        let reply = guarded(|| panic!("index out of bounds"));
        assert_eq!(reply.status, 500);
        let Body::Bytes(body) = &reply.body else {
            panic!("not bytes")
        };
        let body = String::from_utf8_lossy(body);
        assert!(body.contains("index out of bounds"), "{body}");
        assert_eq!(guarded(Reply::no_content).status, 204);
    }

    #[test]
    fn long_urls_are_shortened_for_the_log() {
        assert_eq!(shorten("/query?x"), "/query?x");
        let long = "林".repeat(300);
        assert_eq!(shorten(&long).chars().count(), 201);
    }
}
