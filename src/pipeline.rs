//! Runs the stages over many inputs: reads articles lazily, extracts them in parallel in
//! batches, and hands each extraction, in input order, to a sink (the store, a JSON Lines or
//! RDF writer).
//!
//! Batches keep memory bounded on large inputs, and handing results over in input order keeps
//! the output identical whatever the number of threads.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::article::{self, ReadOptions};
use crate::extract::extract;
use crate::lexicon::Lexicon;
use crate::model::Extraction;

/// Errors that stop a run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    Read(#[from] article::Error),
    #[error("{0}")]
    Sink(String),
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
pub fn run(
    inputs: &[PathBuf],
    opts: &ReadOptions,
    lex: &Lexicon,
    mut warn: impl FnMut(&str),
    mut sink: impl FnMut(Extraction) -> Result<(), String>,
) -> Result<Summary, Error> {
    let mut summary = Summary::default();
    let mut articles = article::read(inputs, opts)?;
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
                    if opts.strict {
                        failed = Some(e);
                        break;
                    }
                    warn(&e.to_string());
                }
            }
        }
        if batch.is_empty() && failed.is_none() {
            break;
        }
        let done: Vec<Extraction> = batch.par_iter().map(|a| extract(a, lex)).collect();
        for x in done {
            summary.articles += 1;
            summary.chars += x.article.text.chars().count();
            for w in &x.warnings {
                summary.warnings += 1;
                warn(w);
            }
            sink(x).map_err(Error::Sink)?;
        }
        if let Some(e) = failed {
            return Err(Error::Read(e));
        }
    }
    Ok(summary)
}
