//! The reading stage's one error type: what went wrong, in which input, on which line.

use std::io;

/// A problem met while reading inputs.
///
/// [`read`](super::read) returns one only for problems that stop everything before any article is
/// read (a missing path, a folder with nothing to read). Everything else comes as an `Err` item of
/// [`Articles`](super::Articles), which the caller may report and skip, or stop on. Every message
/// names the input and, where there is one, the line (`page.txt:12: …`).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A path given on the command line does not exist.
    #[error("{path}: no such file or folder")]
    NotFound { path: String },
    /// A folder holds no file with a known extension (`.txt`, `.md`, `.jsonl`, `.html`, …).
    #[error("{path}: no readable input in this folder")]
    NoInput { path: String },
    /// The operating system refused to read a path.
    #[error("{path}: cannot read")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    /// The file has NUL bytes or control characters where text would have none.
    #[error("{path}: looks binary, skipped")]
    Binary { path: String },
    /// The bytes are not UTF-8, UTF-16 with a byte-order mark, nor Chinese GB18030.
    #[error("{path}: not UTF-8, UTF-16 or GB18030 text, skipped")]
    Undecodable { path: String },
    /// The file holds nothing but white space; a warning, nothing was lost.
    #[error("{path}: is empty")]
    Empty { path: String },
    /// The file has text but no article could be found in it.
    #[error("{path}: no article found")]
    NoArticle { path: String },
    /// A JSON Lines line that is not a JSON object.
    #[error("{path}:{line}: invalid JSON: {message}")]
    Json {
        path: String,
        line: usize,
        message: String,
    },
    /// A JSON Lines record without a `text` string.
    #[error("{path}:{line}: no \"text\" string in this record")]
    MissingText { path: String, line: usize },
    /// A line that is neither UTF-8 nor GB18030 in an otherwise readable JSON Lines file.
    #[error("{path}:{line}: not UTF-8 or GB18030 text, line skipped")]
    BadLine { path: String, line: usize },
    /// A date field that does not parse; a warning: the article is still read, with the
    /// publication date taken from the next source in line (file name, `--date`).
    #[error("{path}:{line}: not a date: {value:?}, ignored")]
    BadDate {
        path: String,
        line: usize,
        value: String,
    },
}

impl Error {
    /// The input the problem is in, as given (`-` for standard input).
    pub fn path(&self) -> &str {
        match self {
            Error::NotFound { path }
            | Error::NoInput { path }
            | Error::Io { path, .. }
            | Error::Binary { path }
            | Error::Undecodable { path }
            | Error::Empty { path }
            | Error::NoArticle { path }
            | Error::Json { path, .. }
            | Error::MissingText { path, .. }
            | Error::BadLine { path, .. }
            | Error::BadDate { path, .. } => path,
        }
    }

    /// The 1-based line the problem is on, when it is on one line rather than the whole input.
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::Json { line, .. }
            | Error::MissingText { line, .. }
            | Error::BadLine { line, .. }
            | Error::BadDate { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// True when nothing was lost: the input was empty, or the article was still read (a bad
    /// date was ignored). A caller that is not strict prints these and goes on.
    pub fn is_warning(&self) -> bool {
        matches!(self, Error::Empty { .. } | Error::BadDate { .. })
    }
}
