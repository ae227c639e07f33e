//! Inputs to articles: expands paths, opens each input, picks its format and hands it to the
//! format's reader; streams JSON Lines so that a large file is read with bounded memory.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::decode::{decode, decode_line, DecodeError};
use super::draft::{Draft, Input};
use super::record::{self, LineError};
use super::text::date_in_name;
use super::{html, page, xwlb, Error};
use crate::model::{Article, Date};

/// How to read inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The publication date of inputs that carry none of their own (`--date`). An input's own
    /// date (a JSON Lines `date`, front matter, a transcript's header, digits in the file name
    /// such as `20220105` or `2022-01-05`) takes precedence.
    pub date: Option<Date>,
    /// The outlet of inputs that name none, neither in a `source` field nor in a byline.
    pub source: Option<String>,
    /// The jurisdiction of inputs that give none (`山西省`), see
    /// [`Article::jurisdiction`](crate::model::Article::jurisdiction).
    pub jurisdiction: Vec<String>,
    /// Read every input in this format instead of guessing it from the extension and content.
    pub format: Option<Format>,
    /// Stop at the first problem, warnings included: [`Articles`] ends after yielding the
    /// first `Err`, and [`read_str`] returns it.
    pub strict: bool,
}

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Plain text or Markdown: a newspaper page of several articles, or one article with
    /// optional YAML front matter. A 《新闻联播》 transcript is recognised by its header.
    Text,
    /// A 《新闻联播》 daily transcript.
    Transcript,
    /// JSON Lines, one article a line.
    Jsonl,
    /// An HTML page.
    Html,
}

impl FromStr for Format {
    type Err = String;

    /// `text` (also `txt`, `md`, `page`), `transcript` (`xwlb`), `jsonl` (`ndjson`), `html`.
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "md" | "markdown" | "page" => Ok(Format::Text),
            "transcript" | "xwlb" => Ok(Format::Transcript),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "html" | "htm" => Ok(Format::Html),
            _ => Err(format!(
                "unknown format {s:?} (text, transcript, jsonl, html)"
            )),
        }
    }
}

/// Extensions read when a folder is expanded; a file named on its own is read whatever its
/// extension. Not `.json`: in a corpus folder that is metadata (annotations, manifests), and a
/// pretty-printed JSON document is not JSON Lines.
const EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "jsonl", "ndjson", "html", "htm", "xhtml", "shtml",
];

/// How deep folders are followed, against symbolic link loops.
const MAX_DEPTH: usize = 32;

/// Reads articles from files, folders (recursively, in sorted order) and `-` (standard input).
///
/// Fails only for problems found before reading starts: a path that does not exist, or a
/// folder with no file of a known extension in it. Everything else — an undecodable file, a
/// malformed JSON line — comes as an `Err` item of the returned iterator, naming the file and
/// line, after which reading goes on (unless [`ReadOptions::strict`]).
///
/// Articles are read lazily, one input at a time; JSON Lines are streamed line by line.
///
/// ```no_run
/// use std::path::PathBuf;
/// use govkg::article::{read, ReadOptions};
///
/// let opts = ReadOptions { date: govkg::model::Date::parse("2022-01-05"), ..ReadOptions::default() };
/// for item in read(&[PathBuf::from("corpus/")], &opts)? {
///     match item {
///         Ok(article) => println!("{} {}", article.id, article.title),
///         Err(e) if e.is_warning() => eprintln!("warning: {}", govkg::error_message(&e)),
///         Err(e) => eprintln!("skipped: {}", govkg::error_message(&e)),
///     }
/// }
/// # Ok::<(), govkg::article::Error>(())
/// ```
pub fn read(inputs: &[PathBuf], opts: &ReadOptions) -> Result<Articles, Error> {
    let mut queue = Vec::new();
    for path in inputs {
        if path.as_os_str() == "-" {
            queue.push(Source::Stdin);
            continue;
        }
        let shown = path.display().to_string();
        let meta = fs::metadata(path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => Error::NotFound {
                path: shown.clone(),
            },
            _ => Error::Io {
                path: shown.clone(),
                source: e,
            },
        })?;
        if meta.is_dir() {
            let before = queue.len();
            walk(path, &mut queue, 0)?;
            if queue.len() == before {
                return Err(Error::NoInput { path: shown });
            }
        } else {
            queue.push(Source::File(path.clone()));
        }
    }
    Ok(Articles {
        queue: queue.into_iter(),
        current: None,
        opts: opts.clone(),
        stopped: false,
    })
}

/// Reads the articles of one text in memory, as if it were a file called `name`: the name's
/// extension and any date in it count as a file name's would, and its stem prefixes the ids
/// (an empty name or `-` gives content-hash ids).
///
/// Returns the first problem met, except warnings, which are skipped unless
/// [`ReadOptions::strict`]. Use [`read`] to go on past bad lines.
///
/// ```
/// use govkg::article::{read_str, ReadOptions};
///
/// let text = "游览景区景点更便捷\n\n### 晋源区推出首个旅游专项手机APP\n\n本报讯 (记者 徐方伟)1月5日晋源区消息,APP上线运营。";
/// let opts = ReadOptions { date: govkg::model::Date::parse("2022-01-05"), ..ReadOptions::default() };
/// let articles = read_str(text, "page.txt", &opts)?;
/// assert_eq!(articles[0].title, "晋源区推出首个旅游专项手机APP");
/// assert_eq!(articles[0].reporters, ["徐方伟"]);
/// assert_eq!(articles[0].dateline.unwrap().to_string(), "2022-01-05");
/// # Ok::<(), govkg::article::Error>(())
/// ```
pub fn read_str(text: &str, name: &str, opts: &ReadOptions) -> Result<Vec<Article>, Error> {
    let input = input_for(name);
    let format = opts.format.unwrap_or_else(|| detect(name, text));
    let mut articles = Vec::new();
    for item in parse_text(text, format, &input, opts) {
        match item {
            Ok(article) => articles.push(article),
            Err(e) if e.is_warning() && !opts.strict => {}
            Err(e) => return Err(e),
        }
    }
    Ok(articles)
}

/// Reads the articles of one input held in memory, exactly as [`read`] reads a file called
/// `name` with these bytes: the encoding is detected, the format chosen by the name's extension
/// and the content, JSON Lines streamed, and problems come as `Err` items naming `name`.
///
/// ```
/// use govkg::article::{read_bytes, ReadOptions};
///
/// let line = r#"{"id": "a1", "date": "2022-01-05", "text": "林武主持召开会议。"}"#;
/// let bytes = format!("{line}\n{{broken\n").into_bytes();
/// let items: Vec<_> = read_bytes(bytes, "upload.jsonl", &ReadOptions::default()).collect();
/// assert_eq!(items[0].as_ref().unwrap().id, "a1");
/// assert!(items[1].as_ref().unwrap_err().to_string().starts_with("upload.jsonl:2: invalid JSON"));
/// ```
pub fn read_bytes(bytes: Vec<u8>, name: &str, opts: &ReadOptions) -> Articles {
    Articles {
        queue: vec![Source::Memory {
            name: name.to_string(),
            bytes,
        }]
        .into_iter(),
        current: None,
        opts: opts.clone(),
        stopped: false,
    }
}

/// An input waiting to be read.
enum Source {
    File(PathBuf),
    Stdin,
    Memory { name: String, bytes: Vec<u8> },
}

/// The articles of [`read`]'s inputs, in order, with per-input problems as `Err` items.
pub struct Articles {
    queue: std::vec::IntoIter<Source>,
    current: Option<Current>,
    opts: ReadOptions,
    stopped: bool,
}

impl std::fmt::Debug for Articles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Articles")
            .field("inputs_left", &self.queue.len())
            .field("stopped", &self.stopped)
            .finish_non_exhaustive()
    }
}

/// The input being read.
enum Current {
    /// An input read whole (pages, transcripts, HTML are small).
    Ready(std::vec::IntoIter<Result<Article, Error>>),
    Stream(Stream),
}

impl Iterator for Articles {
    type Item = Result<Article, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.stopped {
                return None;
            }
            if let Some(current) = &mut self.current {
                let item = match current {
                    Current::Ready(items) => items.next(),
                    Current::Stream(stream) => stream.next(&self.opts),
                };
                match item {
                    Some(item) => {
                        self.stopped = self.opts.strict && item.is_err();
                        return Some(item);
                    }
                    None => self.current = None,
                }
            }
            let source = self.queue.next()?;
            self.current = Some(open(source, &self.opts));
        }
    }
}

/// Adds the readable files under `dir` to `queue`, in sorted order.
fn walk(dir: &Path, queue: &mut Vec<Source>, depth: usize) -> Result<(), Error> {
    let io_error = |e| Error::Io {
        path: dir.display().to_string(),
        source: e,
    };
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(io_error)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io_error)?;
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            if depth < MAX_DEPTH {
                walk(&path, queue, depth + 1)?;
            }
        } else if extension(&path).is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
            queue.push(Source::File(path));
        }
    }
    Ok(())
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// What a name tells about an input: its stem for ids, a date in it.
fn input_for(name: &str) -> Input<'_> {
    let anonymous = name.is_empty() || name == "-";
    let file_name = Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Input {
        path: name,
        stem: (!anonymous)
            .then(|| Path::new(name).file_stem())
            .flatten()
            .map(|s| s.to_string_lossy().into_owned()),
        file_date: date_in_name(&file_name),
    }
}

/// The format of an input: from its extension when that is unambiguous, else from its content.
fn detect(name: &str, head: &str) -> Format {
    match extension(Path::new(name)).as_deref() {
        Some("jsonl" | "ndjson") => Format::Jsonl,
        Some("html" | "htm" | "xhtml" | "shtml") => Format::Html,
        _ => sniff(head),
    }
}

/// The format of a text from its first characters.
fn sniff(head: &str) -> Format {
    let t = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if t.starts_with('{') {
        return Format::Jsonl;
    }
    let start: String = t.chars().take(512).collect::<String>().to_ascii_lowercase();
    let html = start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with('<')
            && ["<head", "<body", "<p>", "<div"]
                .iter()
                .any(|t| start.contains(t)));
    if html {
        Format::Html
    } else if xwlb::is_transcript(head) {
        Format::Transcript
    } else {
        Format::Text
    }
}

/// Opens an input and reads it whole, or starts streaming it when it is JSON Lines.
fn open(source: Source, opts: &ReadOptions) -> Current {
    let (path, reader): (String, io::Result<Box<dyn BufRead + Send>>) = match source {
        Source::Stdin => (
            "-".to_string(),
            Ok(Box::new(BufReader::with_capacity(64 * 1024, io::stdin()))
                as Box<dyn BufRead + Send>),
        ),
        Source::Memory { name, bytes } => (
            name,
            Ok(Box::new(io::Cursor::new(bytes)) as Box<dyn BufRead + Send>),
        ),
        Source::File(p) => {
            let shown = p.display().to_string();
            let file = File::open(&p).map(|f| {
                Box::new(BufReader::with_capacity(64 * 1024, f)) as Box<dyn BufRead + Send>
            });
            (shown, file)
        }
    };
    let fail = |path: &str, e| {
        Current::Ready(
            vec![Err(Error::Io {
                path: path.to_string(),
                source: e,
            })]
            .into_iter(),
        )
    };
    let mut reader = match reader {
        Ok(r) => r,
        Err(e) => return fail(&path, e),
    };
    let head = match reader.fill_buf() {
        Ok(head) => head.to_vec(),
        Err(e) => return fail(&path, e),
    };
    let input = input_for(&path);
    let owned = OwnedInput {
        path: path.clone(),
        stem: input.stem.clone(),
        file_date: input.file_date,
    };
    // UTF-16 and binary inputs are decoded whole: their lines cannot be split on b'\n'.
    let plain_bytes =
        !head.starts_with(b"\xFF\xFE") && !head.starts_with(b"\xFE\xFF") && !head.contains(&0);
    let format = opts
        .format
        .unwrap_or_else(|| detect(&path, &String::from_utf8_lossy(&head)));
    if format == Format::Jsonl && plain_bytes {
        return Current::Stream(Stream::new(reader, owned));
    }
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return fail(&path, e);
    }
    let items = match decode(&bytes) {
        Ok(text) => {
            let format = opts.format.unwrap_or_else(|| detect(&path, &text));
            parse_text(&text, format, &input, opts)
        }
        Err(DecodeError::Binary) => vec![Err(Error::Binary { path })],
        Err(DecodeError::Undecodable) => vec![Err(Error::Undecodable { path })],
    };
    Current::Ready(items.into_iter())
}

/// Reads a decoded input whole.
fn parse_text(
    text: &str,
    format: Format,
    input: &Input<'_>,
    opts: &ReadOptions,
) -> Vec<Result<Article, Error>> {
    let path = input.path.to_string();
    if text.trim().is_empty() {
        return vec![Err(Error::Empty { path })];
    }
    let mut items = Vec::new();
    let drafts = match format {
        Format::Jsonl => {
            for (k, line) in text.lines().enumerate() {
                items.extend(jsonl_item(line, k + 1, input, opts));
            }
            return items;
        }
        Format::Transcript => xwlb::parse(text, input.file_date),
        Format::Text if xwlb::is_transcript(text) => xwlb::parse(text, input.file_date),
        Format::Text => {
            let (drafts, bad_date) = page::parse(text);
            if let Some((line, value)) = bad_date {
                items.push(Err(Error::BadDate {
                    path: path.clone(),
                    line,
                    value,
                }));
            }
            drafts
        }
        Format::Html => {
            let doc = html::extract(text);
            let (mut drafts, _) = page::parse(&doc.text);
            let single = drafts.len() == 1;
            for d in &mut drafts {
                // The page's own metadata wins over an information line in its text.
                d.published = doc.date.or(d.published);
                d.source = doc.source.clone().or(d.source.take());
                d.url.clone_from(&doc.url);
                if let (true, Some(title)) = (single, &doc.title) {
                    d.title.clone_from(title);
                    if d.headlines.is_empty() {
                        d.headlines.push(title.clone());
                    }
                }
            }
            drafts
        }
    };
    items.extend(finish_all(drafts, input, opts));
    if items.is_empty() {
        items.push(Err(Error::NoArticle { path }));
    }
    items
}

/// Settles the drafts of one input: `{stem}` for a lone article, `{stem}-{n}` for several.
fn finish_all(
    drafts: Vec<Draft>,
    input: &Input<'_>,
    opts: &ReadOptions,
) -> Vec<Result<Article, Error>> {
    let several = drafts.len() > 1;
    drafts
        .into_iter()
        .enumerate()
        .map(|(n, d)| {
            let id = input.id(several.then_some(n + 1), &d.text);
            Ok(d.finish(input, id, opts))
        })
        .collect()
}

/// One JSON Lines line: nothing for a blank line, an article, or the problems with it (a bad
/// date comes as a warning followed by the article).
fn jsonl_item(
    line: &str,
    no: usize,
    input: &Input<'_>,
    opts: &ReadOptions,
) -> Vec<Result<Article, Error>> {
    let line = if no == 1 {
        line.trim_start_matches('\u{feff}')
    } else {
        line
    };
    if line.trim().is_empty() {
        return Vec::new();
    }
    let path = input.path.to_string();
    match record::parse_line(line) {
        Ok((mut draft, bad_date)) => {
            draft.line = no;
            let id = input.id(Some(no), &draft.text);
            let article = Ok(draft.finish(input, id, opts));
            match bad_date {
                Some(value) => vec![
                    Err(Error::BadDate {
                        path,
                        line: no,
                        value,
                    }),
                    article,
                ],
                None => vec![article],
            }
        }
        Err(LineError::Json(message)) => vec![Err(Error::Json {
            path,
            line: no,
            message,
        })],
        Err(LineError::MissingText) => vec![Err(Error::MissingText { path, line: no })],
    }
}

/// An [`Input`] that owns its strings, for a stream that outlives the call that opened it.
struct OwnedInput {
    path: String,
    stem: Option<String>,
    file_date: Option<Date>,
}

impl OwnedInput {
    fn input(&self) -> Input<'_> {
        Input {
            path: &self.path,
            stem: self.stem.clone(),
            file_date: self.file_date,
        }
    }
}

/// JSON Lines read a line at a time.
struct Stream {
    reader: Box<dyn BufRead + Send>,
    input: OwnedInput,
    line: usize,
    buf: Vec<u8>,
    /// Items of the current line not yet yielded (an article after its date warning).
    pending: std::vec::IntoIter<Result<Article, Error>>,
    seen_text: bool,
    done: bool,
}

impl Stream {
    fn new(reader: Box<dyn BufRead + Send>, input: OwnedInput) -> Stream {
        Stream {
            reader,
            input,
            line: 0,
            buf: Vec::new(),
            pending: Vec::new().into_iter(),
            seen_text: false,
            done: false,
        }
    }

    fn next(&mut self, opts: &ReadOptions) -> Option<Result<Article, Error>> {
        loop {
            if let Some(item) = self.pending.next() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    if !self.seen_text {
                        return Some(Err(Error::Empty {
                            path: self.input.path.clone(),
                        }));
                    }
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(Error::Io {
                        path: self.input.path.clone(),
                        source: e,
                    }));
                }
            }
            self.line += 1;
            let mut bytes = self.buf.as_slice();
            bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
            bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.seen_text = true;
            let Some(text) = decode_line(bytes) else {
                return Some(Err(Error::BadLine {
                    path: self.input.path.clone(),
                    line: self.line,
                }));
            };
            let items = jsonl_item(&text, self.line, &self.input.input(), opts);
            self.pending = items.into_iter();
        }
    }
}
