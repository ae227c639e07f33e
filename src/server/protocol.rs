//! The SPARQL 1.1 Protocol: queries at `/query` (GET `?query=`, POST form, POST
//! `application/sparql-query`) and updates at `/update` (refused with 403 unless the server is
//! writable), results in the format the client's `Accept` prefers.
//!
//! A query is evaluated to the end, up to the row cap, before anything is sent: the status
//! then says whether it succeeded, timed out (503) or was too large, which a client cannot
//! learn from a response cut off midway. The evaluation runs on the handler's thread; a timer
//! cancels it through oxigraph's cancellation token, so a timed-out query stops working, and the
//! 503 is sent only once it has.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use oxigraph::model::{NamedNode, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, QuerySolution};
use tiny_http::{Method, Request};

use super::request::{self, all, one};
use super::{negotiate, Context, Reply};
use crate::export::{self, Format};
use crate::store::{self, QueryOptions};

/// Media types of SELECT and ASK results, the default first.
const RESULT_TYPES: &[&str] = &[
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    // Aliases clients send.
    "application/json",
    "application/xml",
    "text/xml",
];

/// Media types of CONSTRUCT and DESCRIBE results, the default first.
const GRAPH_TYPES: &[&str] = &[
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
    "text/plain",
    "application/json",
];

fn results_format(media: &str) -> QueryResultsFormat {
    match media {
        "application/sparql-results+xml" | "application/xml" | "text/xml" => {
            QueryResultsFormat::Xml
        }
        "text/csv" => QueryResultsFormat::Csv,
        "text/tab-separated-values" => QueryResultsFormat::Tsv,
        _ => QueryResultsFormat::Json,
    }
}

fn graph_format(media: &str) -> Format {
    match media {
        "application/n-triples" | "text/plain" => Format::NTriples,
        "application/ld+json" | "application/json" => Format::JsonLd,
        "application/rdf+xml" => Format::RdfXml,
        _ => Format::Turtle,
    }
}

/// The media type a `format=` (or `output=`) parameter names, by a short name or the media
/// type itself, for clients that cannot set `Accept` (a link, a spreadsheet's web import).
fn named_format(name: &str) -> Option<&'static str> {
    if let Some(media) = RESULT_TYPES.iter().chain(GRAPH_TYPES).find(|m| **m == name) {
        return Some(media);
    }
    Some(match name {
        "json" | "srj" => "application/sparql-results+json",
        "xml" | "srx" => "application/sparql-results+xml",
        "csv" => "text/csv",
        "tsv" => "text/tab-separated-values",
        "ttl" | "turtle" => "text/turtle",
        "nt" | "ntriples" | "n-triples" => "application/n-triples",
        "jsonld" | "json-ld" => "application/ld+json",
        "rdf" | "rdfxml" => "application/rdf+xml",
        _ => return None,
    })
}

/// What a request to `/query` or `/update` asks for.
enum Operation {
    Query {
        sparql: String,
        options: QueryOptions,
        format: Option<&'static str>,
    },
    Update(String),
}

/// Reads the operation of a SPARQL protocol request, from the query string and, for POST, the
/// body.
fn operation(ctx: &Context, request: &mut Request) -> Result<Operation, Reply> {
    let (_, mut params) = request::target(request.url())?;
    let mut body_query = None;
    let mut body_update = None;
    match request.method() {
        Method::Get | Method::Head => {}
        Method::Post => match request::content_type(request).as_deref() {
            Some("application/x-www-form-urlencoded") => {
                let body = request::body(request, ctx.config.max_body)?;
                params.extend(request::form(&body)?);
            }
            Some("application/sparql-query") => {
                body_query = Some(request::body(request, ctx.config.max_body)?);
            }
            Some("application/sparql-update") => {
                body_update = Some(request::body(request, ctx.config.max_body)?);
            }
            other => {
                return Err(Reply::error(
                    415,
                    &format!(
                        "POST a query as application/x-www-form-urlencoded (query=…), \
                         application/sparql-query or application/sparql-update, not {}",
                        other.unwrap_or("a body without Content-Type")
                    ),
                ))
            }
        },
        _ => return Err(Reply::method_not_allowed("GET, POST")),
    }
    let query = body_query.or(one(&params, "query")?.map(str::to_owned));
    let update = body_update.or(one(&params, "update")?.map(str::to_owned));
    // Clients send these in several spellings, sometimes twice (SPARQLWrapper): the first one
    // this server knows wins, and an unknown one leaves the choice to `Accept`.
    let format = all(&params, "format")
        .into_iter()
        .chain(all(&params, "output"))
        .find_map(named_format);
    match (query, update) {
        (Some(_), Some(_)) => Err(Reply::error(400, "give a query or an update, not both")),
        (None, None) => Err(Reply::error(
            400,
            "no query: send ?query=… (GET or form POST), or POST application/sparql-query",
        )),
        (None, Some(update)) => {
            if matches!(request.method(), Method::Get | Method::Head) {
                Err(Reply::error(
                    400,
                    "an update must be POSTed, not sent with GET",
                ))
            } else {
                Ok(Operation::Update(update))
            }
        }
        (Some(sparql), None) => {
            let iris = |name: &str| -> Result<Vec<NamedNode>, Reply> {
                all(&params, name)
                    .into_iter()
                    .map(|iri| {
                        NamedNode::new(iri).map_err(|e| {
                            Reply::error(400, &format!("{name} {iri:?} is not an IRI: {e}"))
                        })
                    })
                    .collect()
            };
            Ok(Operation::Query {
                sparql,
                options: QueryOptions {
                    default_graphs: iris("default-graph-uri")?,
                    named_graphs: iris("named-graph-uri")?,
                    cancel: None,
                },
                format,
            })
        }
    }
}

/// `/query`: evaluates a query, or hands a POSTed update to [`update`].
pub fn query(ctx: &Context, request: &mut Request) -> Reply {
    match operation(ctx, request) {
        Ok(Operation::Query {
            sparql,
            options,
            format,
        }) => {
            let accept = match format {
                Some(media) => Some(media.to_owned()),
                None => request::header(request, "Accept").map(str::to_owned),
            };
            answer(ctx, &sparql, options, accept.as_deref())
        }
        Ok(Operation::Update(sparql)) => run_update(ctx, request, &sparql),
        Err(reply) => reply,
    }
    .cors()
}

/// `/update`: SPARQL 1.1 Update, POST only; 403 on a read-only server, before the body is read.
pub fn update(ctx: &Context, request: &mut Request) -> Reply {
    if *request.method() != Method::Post {
        return Reply::method_not_allowed("POST");
    }
    if !ctx.config.writable {
        return read_only();
    }
    match operation(ctx, request) {
        Ok(Operation::Update(sparql)) => run_update(ctx, request, &sparql),
        Ok(Operation::Query { .. }) => Reply::error(400, "send queries to /query, not /update"),
        Err(reply) => reply,
    }
}

fn read_only() -> Reply {
    Reply::error(
        403,
        "this server is read-only: SPARQL Update is refused (start it with `govkg serve --writable` to allow updates)",
    )
}

/// Whether the request comes from a page of another origin: a browser sends `Origin` with a
/// cross-origin form POST, which needs no CORS preflight, so a page the user visits could
/// otherwise write to their store.
fn cross_origin(request: &Request) -> bool {
    let Some(origin) = request::header(request, "Origin") else {
        return false;
    };
    let host = request::header(request, "Host").unwrap_or_default();
    let origin_host = origin.split_once("://").map_or(origin, |(_, h)| h);
    !origin_host.eq_ignore_ascii_case(host)
}

fn run_update(ctx: &Context, request: &Request, sparql: &str) -> Reply {
    if !ctx.config.writable {
        return read_only();
    }
    if cross_origin(request) {
        return Reply::error(403, "updates from pages of another origin are refused");
    }
    let done = ctx.store.update(sparql);
    // Even a failed update may have written part of a request of several operations.
    ctx.store_changed();
    match done {
        Ok(()) => Reply::no_content(),
        Err(e @ store::Error::UpdateSyntax(_)) => Reply::error(400, &crate::error_message(&e)),
        Err(e) => Reply::error(500, &crate::error_message(&e)),
    }
}

/// Query results held until they are complete.
enum Evaluated {
    Boolean(bool),
    Solutions(Vec<oxigraph::sparql::Variable>, Vec<QuerySolution>),
    Graph(Vec<Triple>),
}

/// How an evaluation went wrong, each with its status.
pub(super) enum Failure {
    Syntax(String),
    TimedOut,
    TooManyRows,
    /// Something asked for is not in the store (an entity of the JSON API).
    NotFound(String),
    Other(String),
}

impl Failure {
    /// The status and the message telling the client what to do.
    pub(super) fn explained(self, ctx: &Context) -> (u16, String) {
        match self {
            Failure::Syntax(message) => (400, message),
            Failure::TimedOut => (
                503,
                format!(
                    "query timed out: it ran longer than the server's limit of {} (--timeout) and was stopped; narrow it (LIMIT, more specific patterns) or ask the server's operator for a longer timeout",
                    seconds(ctx.config.timeout)
                ),
            ),
            Failure::TooManyRows => (
                400,
                format!(
                    "the result has more than {} rows, the server's limit (--max-rows): add LIMIT (and OFFSET to page through it), or use `govkg export` for whole graphs",
                    ctx.config.max_rows
                ),
            ),
            Failure::NotFound(message) => (404, message),
            Failure::Other(message) => (500, message),
        }
    }
}

fn answer(ctx: &Context, sparql: &str, options: QueryOptions, accept: Option<&str>) -> Reply {
    let evaluated = match with_timeout(ctx.config.timeout, |token| {
        evaluate(ctx, sparql, options, token)
    }) {
        Ok(e) => e,
        Err(failure) => {
            let (status, message) = failure.explained(ctx);
            return Reply::error(status, &message);
        }
    };
    let graph = matches!(evaluated, Evaluated::Graph(_));
    let offers = if graph { GRAPH_TYPES } else { RESULT_TYPES };
    let Some(media) = negotiate::choose(accept, offers) else {
        return Reply::error(
            406,
            &format!(
                "none of the accepted types ({}) can carry this result; offered: {}",
                accept.unwrap_or_default(),
                offers.join(", ")
            ),
        );
    };
    let written = match evaluated {
        Evaluated::Boolean(value) => {
            let format = results_format(media);
            QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(Vec::new(), value)
                .map(|body| (body, format.media_type()))
                .map_err(|e| e.to_string())
        }
        Evaluated::Solutions(variables, rows) => {
            let format = results_format(media);
            write_solutions(format, variables, &rows).map(|body| (body, format.media_type()))
        }
        Evaluated::Graph(triples) => {
            let format = graph_format(media);
            write_triples(format, &triples).map(|body| (body, format.media_type()))
        }
    };
    match written {
        // The canonical media type of what was written, not the alias the client used.
        Ok((body, media)) => Reply::ok(body, media),
        Err(message) => Reply::error(500, &format!("cannot write the results: {message}")),
    }
}

fn write_solutions(
    format: QueryResultsFormat,
    variables: Vec<oxigraph::sparql::Variable>,
    rows: &[QuerySolution],
) -> Result<Vec<u8>, String> {
    let mut w = QueryResultsSerializer::from_format(format)
        .serialize_solutions_to_writer(Vec::new(), variables)
        .map_err(|e| e.to_string())?;
    for row in rows {
        w.serialize(row).map_err(|e| e.to_string())?;
    }
    w.finish().map_err(|e| e.to_string())
}

fn write_triples(format: Format, triples: &[Triple]) -> Result<Vec<u8>, String> {
    let mut w = export::serializer(format)
        .map_err(|e| e.to_string())?
        .for_writer(Vec::new());
    for t in triples {
        w.serialize_triple(t).map_err(|e| e.to_string())?;
    }
    w.finish().map_err(|e| e.to_string())
}

/// "10 s", "1.5 s".
fn seconds(d: Duration) -> String {
    format!("{} s", d.as_secs_f64())
}

/// Runs `f` with a token a timer cancels after `timeout`; a failure of a cancelled run is
/// [`Failure::TimedOut`], whatever error the cancellation surfaced as.
pub(super) fn with_timeout<T>(
    timeout: Duration,
    f: impl FnOnce(CancellationToken) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let token = CancellationToken::new();
    let (done, finished) = mpsc::channel::<()>();
    let timer_token = token.clone();
    let timer = thread::Builder::new()
        .name("govkg-query-timer".into())
        .spawn(move || {
            // Dropping `done` ends the wait early: the query finished in time.
            if let Err(mpsc::RecvTimeoutError::Timeout) = finished.recv_timeout(timeout) {
                timer_token.cancel();
            }
        });
    let result = f(token.clone());
    drop(done);
    if let Ok(timer) = timer {
        let _ = timer.join();
    }
    match result {
        Err(_) if token.is_cancelled() => Err(Failure::TimedOut),
        other => other,
    }
}

/// Parses and evaluates the query, collecting at most `max_rows` rows (or triples).
fn evaluate(
    ctx: &Context,
    sparql: &str,
    mut options: QueryOptions,
    token: CancellationToken,
) -> Result<Evaluated, Failure> {
    options.cancel = Some(token);
    let results = ctx
        .store
        .query_with(sparql, &options)
        .map_err(|e| match e {
            store::Error::Query(_) => Failure::Syntax(crate::error_message(&e)),
            e => evaluation_failure(e),
        })?;
    let cap = ctx.config.max_rows;
    match results {
        QueryResults::Boolean(b) => Ok(Evaluated::Boolean(b)),
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for row in solutions {
                if rows.len() == cap {
                    return Err(Failure::TooManyRows);
                }
                rows.push(row.map_err(|e| evaluation_failure(e.into()))?);
            }
            Ok(Evaluated::Solutions(variables, rows))
        }
        QueryResults::Graph(triples) => {
            let mut out = Vec::new();
            for t in triples {
                if out.len() == cap {
                    return Err(Failure::TooManyRows);
                }
                out.push(t.map_err(|e| evaluation_failure(e.into()))?);
            }
            Ok(Evaluated::Graph(out))
        }
    }
}

fn evaluation_failure(e: store::Error) -> Failure {
    match e {
        store::Error::Evaluation(QueryEvaluationError::Cancelled) => Failure::TimedOut,
        e => Failure::Other(crate::error_message(&e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_offer_maps_to_a_format() {
        let cases = [
            ("application/sparql-results+json", QueryResultsFormat::Json),
            ("application/json", QueryResultsFormat::Json),
            ("application/sparql-results+xml", QueryResultsFormat::Xml),
            ("application/xml", QueryResultsFormat::Xml),
            ("text/xml", QueryResultsFormat::Xml),
            ("text/csv", QueryResultsFormat::Csv),
            ("text/tab-separated-values", QueryResultsFormat::Tsv),
        ];
        assert_eq!(cases.len(), RESULT_TYPES.len());
        for (media, want) in cases {
            assert!(RESULT_TYPES.contains(&media), "{media}");
            assert_eq!(results_format(media), want, "{media}");
        }
        for media in GRAPH_TYPES {
            let format = graph_format(media);
            assert!(
                format.media_type() == *media
                    || matches!(*media, "text/plain" | "application/json"),
                "{media} -> {format}"
            );
        }
        for name in ["json", "xml", "csv", "tsv", "ttl", "nt", "jsonld", "rdf"] {
            let media = named_format(name).expect(name);
            assert!(RESULT_TYPES.contains(&media) || GRAPH_TYPES.contains(&media));
        }
        assert_eq!(named_format("html"), None);
        assert_eq!(named_format("text/csv"), Some("text/csv"));
    }

    #[test]
    fn a_timer_cancels_what_runs_too_long_and_nothing_else() {
        let slow = with_timeout(Duration::from_millis(10), |token| {
            while !token.is_cancelled() {
                thread::sleep(Duration::from_millis(1));
            }
            Err::<(), _>(Failure::Other("stopped".into()))
        });
        assert!(matches!(slow, Err(Failure::TimedOut)));
        let quick = with_timeout(Duration::from_secs(600), |_| Ok::<_, Failure>(1));
        assert!(matches!(quick, Ok(1)));
    }
}
