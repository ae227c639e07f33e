//! An article as a format reader leaves it, and the one place where it becomes a
//! [`model::Article`](crate::model::Article): ids, dates and sources are settled here, the same
//! way for every format.

use super::lead::RawDate;
use super::text::content_hash;
use super::ReadOptions;
use crate::model::{Article, Date, Origin};

/// What a format reader found; `None`s are filled from the file name and the options.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    /// The input's own id (a JSON Lines `id`, a front matter `id`, a transcript item).
    pub id: Option<String>,
    pub title: String,
    pub headlines: Vec<String>,
    /// The input's own publication date.
    pub published: Option<Date>,
    pub dateline: Option<RawDate>,
    /// The input's own source field.
    pub source: Option<String>,
    /// The outlet the byline names, used when the input has no source.
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub reporters: Vec<String>,
    pub text: String,
    /// Characters of `text` before the body.
    pub body_start: usize,
    pub jurisdiction: Vec<String>,
    /// 1-based line of the input where the article starts.
    pub line: usize,
    /// The lead says `本报` ("this paper"), whose name another article of the page may give.
    pub this_paper: bool,
}

/// What an input says about all of its articles.
#[derive(Debug, Clone, Default)]
pub(crate) struct Input<'a> {
    /// The path as given, for `Origin`.
    pub path: &'a str,
    /// The file name without its extension, for ids; `None` for standard input, whose articles
    /// are named by a hash of their text since nothing else about them is stable.
    pub stem: Option<String>,
    /// A date in the file name.
    pub file_date: Option<Date>,
}

impl Input<'_> {
    /// The id of an article that has none of its own: the stem alone for a file of one
    /// article, `{stem}-{n}` for the `n`-th (1-based) of several, or `{stem}-{line}` for JSON
    /// Lines, so that re-reading an input replaces what it gave before.
    pub(crate) fn id(&self, suffix: Option<usize>, text: &str) -> String {
        match (&self.stem, suffix) {
            (Some(stem), Some(n)) => format!("{stem}-{n}"),
            (Some(stem), None) => stem.clone(),
            (None, _) => content_hash(text),
        }
    }
}

impl Draft {
    /// Settles the article: publication date from the input, else the file name, else the
    /// options; the dateline resolved against it; the source from the input, else the byline,
    /// else the options.
    pub(crate) fn finish(self, input: &Input<'_>, id: String, opts: &ReadOptions) -> Article {
        let published = self.published.or(input.file_date).or(opts.date);
        let dateline = self.dateline.and_then(|d| d.resolve(published));
        let title = if self.title.is_empty() {
            self.headlines.first().cloned().unwrap_or_default()
        } else {
            self.title
        };
        Article {
            id: self.id.unwrap_or(id),
            title,
            headlines: self.headlines,
            published,
            dateline,
            source: self.source.or(self.outlet).or_else(|| opts.source.clone()),
            url: self.url,
            reporters: self.reporters,
            text: self.text,
            body_start: self.body_start,
            jurisdiction: if self.jurisdiction.is_empty() {
                opts.jurisdiction.clone()
            } else {
                self.jurisdiction
            },
            origin: Origin {
                path: input.path.to_string(),
                line: self.line,
            },
        }
    }
}
