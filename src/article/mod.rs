//! Reading inputs into [`Article`](crate::model::Article)s: the pipeline's first stage.
//!
//! [`read`] takes files, folders and `-` (standard input) and yields articles lazily;
//! [`read_bytes`] reads an input held in memory the same way; [`read_str`] reads a text. The format of each input is chosen by its extension
//! and by its content:
//!
//! | format | recognised by | articles |
//! | --- | --- | --- |
//! | newspaper page | `.txt`, `.md` with several headline blocks and leads | one per headline block + lead (`本报讯`, `新华社…电`, a dateline) |
//! | 《新闻联播》 transcript | `# 《新闻联播》（YYYYMMDD）` header or a `## 详细新闻` section | one per `###` item, id `xwlb-YYYYMMDD-NN` |
//! | single article | other `.txt`, `.md`, optional YAML front matter | one |
//! | JSON Lines | `.jsonl`, `.ndjson`, or first character `{` | one per line, streamed |
//! | HTML | `.html`, `.htm`, or `<!doctype html` / `<html` | one (its text without scripts, navigation, …) |
//!
//! Bytes are decoded as UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
//! mark, or GB18030/GBK.
//!
//! An [`Article`](crate::model::Article)'s `text` is its slice of the input *as read*, layout
//! line breaks and all, so that offsets point into the source; [`sentences`] joins sentences
//! that the layout broke across paragraphs, and maps their characters back to offsets.
//!
//! **Ids.** The input's own id where it has one (a JSON Lines `id`, a front matter `id`, a
//! transcript item); otherwise the file stem for a file of one article, `{stem}-{n}` for the
//! `n`-th article of a page and `{stem}-{line}` for a JSON Lines record without an id. Ids
//! follow the article's place in the input rather than its content, so that re-reading an
//! edited input replaces what it gave before instead of adding to it. Standard input has no
//! name: its articles are named by a 16-hex-digit FNV-1a hash of their text.
//!
//! **Dates.** The publication date is the input's own (JSON Lines `date`, front matter
//! `date`, a transcript's header, an HTML `<meta name="publishdate">`), else a date in the file
//! name (`20220105`, `2022-01-05`), else [`ReadOptions::date`]; without any, `published` is
//! `None`. The dateline at the start of the lead (`1月4日`, `4日`, `2022年1月4日`, `今天`) is
//! resolved against it.
//!
//! ```
//! use govkg::article::{read_str, ReadOptions};
//! use govkg::model::Date;
//!
//! let page = "林武主持召开会议强调\n\n# 以更大力度更严举措把紧关口\n\n本报讯 (山西日报记者 杨文)1月4日,林武主持召开会议。\n";
//! let opts = ReadOptions { date: Date::parse("2022-01-05"), ..ReadOptions::default() };
//! let articles = read_str(page, "page.txt", &opts)?;
//! let a = &articles[0];
//! assert_eq!(a.title, "以更大力度更严举措把紧关口");
//! assert_eq!(a.headlines, ["林武主持召开会议强调", "以更大力度更严举措把紧关口"]);
//! assert_eq!(a.reporters, ["杨文"]);
//! assert_eq!(a.source.as_deref(), Some("山西日报"));
//! assert_eq!(a.dateline, Date::parse("2022-01-04"));
//! # Ok::<(), govkg::article::Error>(())
//! ```

mod decode;
mod draft;
mod error;
mod html;
mod lead;
mod page;
mod read;
mod record;
mod sentence;
mod text;
mod xwlb;

#[cfg(test)]
mod tests;

pub use error::Error;
pub use read::{read, read_bytes, read_str, Articles, Format, ReadOptions};
pub use sentence::{body_sentences, sentences, Sentence, SentenceKind};
pub use text::{byte_offset, char_offset};
