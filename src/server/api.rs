//! The JSON API under the workbench page, for other programs too: `/api/search?q=` finds
//! entities by name, `/api/entity?id=` gives one entity's profile, `/api/ask?q=` answers a
//! question of `govkg ask`. Each runs under the server's timeout and row cap, like `/query`,
//! and an error is JSON too: `{"error": "…"}` with the status saying what kind.

use std::sync::{Arc, Mutex};

use oxigraph::model::NamedNode;
use serde::Serialize;
use tiny_http::{Method, Request};

use super::protocol::{with_timeout, Failure};
use super::{request, Context, Reply};
use crate::ask;
use crate::graph::{self, KnowledgeGraph};
use crate::profile::{self, Catalogue};
use crate::store::QueryOptions;

/// Hits `/api/search` returns unless `limit` says otherwise.
pub const SEARCH_LIMIT: usize = 20;

/// Routes a request under `/api/`.
pub fn handle(ctx: &Context, request: &Request, path: &str) -> Reply {
    if !matches!(request.method(), Method::Get | Method::Head) {
        return Reply::method_not_allowed("GET, HEAD");
    }
    let params = match request::target(request.url()) {
        Ok((_, params)) => params,
        Err(reply) => return json_error_of(reply),
    };
    let answer = match path {
        "/api/search" => search(ctx, &params),
        "/api/entity" => entity(ctx, &params),
        "/api/ask" => ask(ctx, &params),
        _ => Err((
            404,
            format!(
                "nothing at {path}: the API has /api/search?q=, /api/entity?id= and /api/ask?q="
            ),
        )),
    };
    match answer {
        Ok(reply) => reply.cors(),
        Err((status, message)) => json_error(status, &message).cors(),
    }
}

type Answer = Result<Reply, (u16, String)>;

fn json(value: &impl Serialize) -> Answer {
    serde_json::to_vec(value)
        .map(|body| Reply::ok(body, "application/json; charset=utf-8"))
        .map_err(|e| (500, format!("cannot write the answer: {e}")))
}

fn json_error(status: u16, message: &str) -> Reply {
    let body = serde_json::json!({ "error": message })
        .to_string()
        .into_bytes();
    let mut reply = Reply::ok(body, "application/json; charset=utf-8");
    reply.status = status;
    reply
}

/// A text error of the shared request reader, as JSON.
fn json_error_of(reply: Reply) -> Reply {
    let message = match &reply.body {
        super::Body::Bytes(b) => String::from_utf8_lossy(b).trim().to_string(),
        super::Body::Stream(_) => String::new(),
    };
    json_error(reply.status, &message)
}

/// A required, non-blank parameter.
fn required<'a>(
    params: &'a request::Params,
    name: &str,
    what: &str,
) -> Result<&'a str, (u16, String)> {
    match request::one(params, name) {
        Ok(Some(v)) if !v.trim().is_empty() => Ok(v.trim()),
        Ok(_) => Err((400, format!("give ?{name}={what}"))),
        Err(_) => Err((400, format!("parameter {name} is given more than once"))),
    }
}

/// `limit`, at most the server's row cap.
fn limit(ctx: &Context, params: &request::Params, default: usize) -> Result<usize, (u16, String)> {
    let asked = match request::one(params, "limit") {
        Ok(Some(v)) => v
            .parse::<usize>()
            .map_err(|_| (400, format!("limit {v:?} is not a whole number")))?,
        Ok(None) => default,
        Err(_) => return Err((400, "parameter limit is given more than once".into())),
    };
    Ok(asked.clamp(1, ctx.config.max_rows.max(1)))
}

/// Runs `f` under the server's timeout, with the options that cancel its queries.
fn timed<T>(
    ctx: &Context,
    f: impl FnOnce(&QueryOptions) -> Result<T, Failure>,
) -> Result<T, (u16, String)> {
    with_timeout(ctx.config.timeout, |token| {
        let options = QueryOptions {
            cancel: Some(token),
            ..QueryOptions::default()
        };
        f(&options)
    })
    .map_err(|failure| failure.explained(ctx))
}

fn failure(e: &(dyn std::error::Error + 'static)) -> Failure {
    Failure::Other(crate::error_message(e))
}

fn search(ctx: &Context, params: &request::Params) -> Answer {
    let text = required(params, "q", "TEXT")?;
    let limit = limit(ctx, params, SEARCH_LIMIT)?;
    let catalogue = ctx
        .catalogue()
        .map_err(|e| (500, crate::error_message(&e)))?;
    json(&catalogue.search(text, limit))
}

fn entity(ctx: &Context, params: &request::Params) -> Answer {
    let id = required(params, "id", "IRI")?;
    let iri = NamedNode::new(id).map_err(|e| (400, format!("id {id:?} is not an IRI: {e}")))?;
    let limit = limit(ctx, params, profile::DEFAULT_ROWS)?;
    let view = ctx.view().map_err(|e| (500, crate::error_message(&e)))?;
    let found = timed(ctx, |options| {
        profile::profile(&ctx.store, &view, iri.as_ref(), limit, options).map_err(|e| match e {
            profile::Error::NotFound { .. } => Failure::NotFound(e.to_string()),
            e => failure(&e),
        })
    })?;
    json(&found)
}

fn ask(ctx: &Context, params: &request::Params) -> Answer {
    let question = required(params, "q", "QUESTION")?;
    let answer = timed(ctx, |options| {
        ask::ask_with(&ctx.store, question, options).map_err(|e| match e {
            ask::Error::NotUnderstood { .. } => Failure::Syntax(e.to_string()),
            ask::Error::NotFound(_) => Failure::NotFound(crate::error_message(&e)),
            e => failure(&e),
        })
    })?;
    if answer.answers.len() > ctx.config.max_rows {
        return Err(Failure::TooManyRows.explained(ctx));
    }
    json(&answer)
}

impl Context {
    /// The catalogue search looks in, read from the store on first use and kept until the
    /// store changes. Not under the timeout: it is read once, in time proportional to the
    /// store, and a search must not fail for ever on a large one.
    pub(super) fn catalogue(&self) -> Result<Arc<Catalogue>, profile::Error> {
        kept(&self.catalogue, || {
            Catalogue::load(&self.store, &QueryOptions::default())
        })
    }

    /// The graph view profiles read, as [`Context::catalogue`]: from beside the store
    /// ([`crate::graph::index`]) or built once.
    pub(super) fn view(&self) -> Result<Arc<KnowledgeGraph>, graph::Error> {
        kept(&self.view, || KnowledgeGraph::from_store(&self.store))
    }

    /// Forgets what was read from the store, after an update.
    pub(super) fn store_changed(&self) {
        *self.catalogue.lock().unwrap_or_else(|p| p.into_inner()) = None;
        *self.view.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

/// What `slot` holds, or what `load` gives, kept there.
fn kept<T, E>(
    slot: &Mutex<Option<Arc<T>>>,
    load: impl FnOnce() -> Result<T, E>,
) -> Result<Arc<T>, E> {
    // A poisoned lock only means a reader panicked; the cache is still whole or empty.
    let mut held = slot.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(c) = held.as_ref() {
        return Ok(Arc::clone(c));
    }
    let loaded = Arc::new(load()?);
    *held = Some(Arc::clone(&loaded));
    Ok(loaded)
}
