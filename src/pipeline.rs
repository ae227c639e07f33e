//! Runs the stages over many inputs: reads articles lazily, extracts them in parallel in
//! batches, and hands each extraction, in input order, to a sink (the store, a JSON Lines or
//! RDF writer); [`ingest`] is the run whose sink is the store.
//!
//! Batches keep memory bounded on large inputs, and handing results over in input order keeps
//! the output identical whatever the number of threads.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc;

use oxigraph::model::Quad;
use rayon::prelude::*;

use crate::article::{self, ReadOptions};
use crate::extract::extract;
use crate::lexicon::Lexicon;
use crate::model::{Article, Confidence, Extraction};
use crate::rdf::{self, ArticleRdf};
use crate::store::{self, ArticleStats, Store};

/// Errors that stop a run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    Read(#[from] article::Error),
    /// The writer of [`run`]'s extractions failed (a closed pipe, a full disk).
    #[error("cannot write the extraction")]
    Sink(#[source] std::io::Error),
    #[error("article {id}")]
    Store {
        id: String,
        #[source]
        source: store::Error,
    },
    #[error("bulk load failed")]
    Bulk(#[source] store::Error),
    #[error("the bulk loader stopped unexpectedly")]
    BulkStopped,
}

/// What a run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub articles: usize,
    /// Inputs or lines skipped with a warning.
    pub skipped: usize,
    pub warnings: usize,
    /// Characters of article text extracted.
    pub chars: usize,
}

/// How many articles are extracted together; large enough to keep threads busy.
const BATCH: usize = 256;

/// Reads `inputs`, extracts every article, and calls `sink` with each extraction in input
/// order. Problems that do not stop the run (an undecodable file, a bad JSON line, an article
/// without a date) go to `warn` and are counted; with `opts.strict` the first problem in the
/// input stops it (an undated article is still only a warning: nothing in it is wrong).
/// Entities and facts less sure than `min` are dropped before `sink` sees the extraction
/// ([`Extraction::retain_confident`]).
pub fn run(
    inputs: &[PathBuf],
    opts: &ReadOptions,
    lex: &Lexicon,
    min: Confidence,
    warn: impl FnMut(&str),
    mut sink: impl FnMut(Extraction) -> std::io::Result<()>,
) -> Result<Summary, Error> {
    let articles = article::read(inputs, opts)?;
    run_with(
        articles,
        opts.strict,
        lex,
        min,
        |_| (),
        warn,
        |x, ()| sink(x).map_err(Error::Sink),
    )
}

/// [`run`] over articles from anywhere (read by [`article::read`], made in memory), with a
/// `prepare` step that runs in parallel beside extraction (making an article's quads, say) and
/// whose result `sink` receives with the extraction. An error of `sink` stops the run and is
/// returned as it is.
pub fn run_with<T: Send>(
    mut articles: impl Iterator<Item = Result<Article, article::Error>>,
    strict: bool,
    lex: &Lexicon,
    min: Confidence,
    prepare: impl Fn(&Extraction) -> T + Sync,
    mut warn: impl FnMut(&str),
    mut sink: impl FnMut(Extraction, T) -> Result<(), Error>,
) -> Result<Summary, Error> {
    let mut summary = Summary::default();
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        let mut failed = None;
        for item in articles.by_ref() {
            match item {
                Ok(a) => {
                    batch.push(a);
                    if batch.len() == BATCH {
                        break;
                    }
                }
                Err(e) => {
                    summary.skipped += 1;
                    if strict {
                        failed = Some(e);
                        break;
                    }
                    warn(&crate::error_message(&e));
                }
            }
        }
        if batch.is_empty() && failed.is_none() {
            break;
        }
        let done: Vec<(Extraction, T)> = batch
            .into_par_iter()
            .map(|a| {
                let mut x = extract(&a, lex);
                x.retain_confident(min);
                let t = prepare(&x);
                (x, t)
            })
            .collect();
        for (x, t) in done {
            summary.articles += 1;
            summary.chars += x.article.text.chars().count();
            for w in &x.warnings {
                summary.warnings += 1;
                warn(w);
            }
            sink(x, t)?;
        }
        if let Some(e) = failed {
            return Err(Error::Read(e));
        }
    }
    Ok(summary)
}

/// How [`ingest`] writes the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IngestOptions {
    /// Fill a store that holds no article yet with oxigraph's bulk loader instead of one
    /// transaction per article.
    pub bulk: bool,
    /// Megabytes the bulk loader may hold in its batches.
    pub bulk_memory_mb: usize,
    /// What is less sure is not stored (`--min-confidence`).
    pub min_confidence: Confidence,
}

impl IngestOptions {
    /// What `govkg ingest` does to an existing store unless told otherwise: article by article
    /// in transactions, each whole or not at all. (A new store it bulk-loads in a
    /// [`crate::store::Building`], which is whole or absent.)
    pub const DEFAULT: IngestOptions = IngestOptions {
        bulk: false,
        bulk_memory_mb: 256,
        min_confidence: Confidence::DEFAULT_MIN,
    };
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions::DEFAULT
    }
}

/// What [`ingest`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Ingested {
    pub summary: Summary,
    /// What was written, summed over the articles.
    pub stats: ArticleStats,
    /// Whether the bulk loader wrote it.
    pub bulk: bool,
}

/// Extracts `articles` and writes each into its own graph of `store`, replacing what an earlier
/// ingest of the same article wrote.
///
/// Into a store with no article yet (and with `options.bulk`), the quads stream into
/// oxigraph's bulk loader, which writes the store's files directly: several times faster than a
/// transaction per article, with the same content. It holds about `options.bulk_memory_mb`
/// megabytes of quads, and stores nothing unless it loads all. An article that comes twice in
/// the input is ingested again after the load, so the later one replaces the earlier, as it
/// would article by article.
///
/// `progress` is called after each article with the run so far.
pub fn ingest(
    store: &Store,
    articles: impl Iterator<Item = Result<Article, article::Error>>,
    strict: bool,
    lex: &Lexicon,
    options: &IngestOptions,
    warn: impl FnMut(&str),
    progress: impl FnMut(&Summary),
) -> Result<Ingested, Error> {
    let result = ingest_unflushed(store, articles, strict, lex, options, warn, progress);
    // What was committed goes from RocksDB's write-ahead log into its tables now: otherwise
    // every later reader (a query, `govkg serve`) replays the whole log when it opens the
    // store, which after a large ingest takes minutes.
    let flushed = store.flush().map_err(|source| Error::Store {
        id: "(flushing the store)".to_owned(),
        source,
    });
    let ingested = result?;
    flushed?;
    Ok(ingested)
}

/// [`ingest`] without the final flush.
fn ingest_unflushed(
    store: &Store,
    articles: impl Iterator<Item = Result<Article, article::Error>>,
    strict: bool,
    lex: &Lexicon,
    options: &IngestOptions,
    warn: impl FnMut(&str),
    mut progress: impl FnMut(&Summary),
) -> Result<Ingested, Error> {
    let mut stats = ArticleStats::default();
    let mut so_far = Summary::default();
    let mut count = |x: &Extraction, s: &ArticleStats| {
        stats.add(s);
        so_far.articles += 1;
        so_far.chars += x.article.text.chars().count();
        progress(&so_far);
    };
    let store_error = |id: &str, source| Error::Store {
        id: id.to_owned(),
        source,
    };
    let bulk = options.bulk
        && !store
            .has_articles()
            .map_err(|e| store_error("(none yet)", e))?;
    if !bulk {
        let summary = run_with(
            articles,
            strict,
            lex,
            options.min_confidence,
            rdf::article_rdf,
            warn,
            |x, r| {
                let s = store
                    .ingest_rdf(&x, r)
                    .map_err(|e| store_error(&x.article.id, e))?;
                count(&x, &s);
                Ok(())
            },
        )?;
        return Ok(Ingested {
            summary,
            stats,
            bulk,
        });
    }
    // The loader runs on its own thread, fed through a bounded channel, so that extraction
    // (parallel, in batches) and loading overlap and memory stays bounded.
    let (tx, rx) = mpsc::sync_channel::<(String, Vec<Quad>)>(BATCH);
    let mut seen = HashSet::new();
    let mut again: Vec<(Extraction, ArticleRdf)> = Vec::new();
    let (summary, loaded) = std::thread::scope(|scope| {
        let loader = scope.spawn(|| store.bulk_load_quads(rx, options.bulk_memory_mb));
        let min = options.min_confidence;
        let summary = run_with(
            articles,
            strict,
            lex,
            min,
            rdf::article_rdf,
            warn,
            |x, r| {
                if seen.contains(&x.article.id) {
                    again.push((x, r));
                    return Ok(());
                }
                seen.insert(x.article.id.clone());
                count(&x, &ArticleStats::of(&x, &r));
                tx.send((x.article.id, r.quads))
                    .map_err(|_| Error::BulkStopped)
            },
        );
        drop(tx);
        let loaded = loader.join();
        (summary, loaded)
    });
    match loaded {
        Ok(Ok(_)) => {}
        Ok(Err(e)) => return Err(Error::Bulk(e)),
        Err(_) => return Err(Error::BulkStopped),
    }
    let summary = summary?;
    for (x, r) in again {
        let s = store
            .ingest_rdf(&x, r)
            .map_err(|e| store_error(&x.article.id, e))?;
        count(&x, &s);
    }
    Ok(Ingested {
        summary,
        stats,
        bulk,
    })
}
