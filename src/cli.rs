//! Command-line types (clap); no logic lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use govkg::model::Date;

/// Turns Chinese official news into a knowledge graph of officials, bodies and events.
#[derive(Debug, Parser)]
#[command(name = "govkg", version, about, long_about = None)]
pub struct Cli {
    /// The store: an oxigraph database folder.
    #[arg(long, global = true, env = "GOVKG_STORE", default_value = "govkg.db")]
    pub store: PathBuf,

    /// A folder of lexicon files that extend the built-in ones (same names as in `data/`).
    #[arg(long, global = true, env = "GOVKG_LEXICON")]
    pub lexicon: Option<PathBuf>,

    /// Print nothing but results and errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles and add them to the store; re-ingesting an article replaces it.
    Ingest(Ingest),
    /// Extract articles without a store, as JSON Lines, Turtle or N-Quads.
    Extract(Extract),
    /// Run a SPARQL query on the store (the default graph is the union of all articles).
    Query(Query),
    /// Meetings (matching TEXT) with who chaired them, the date and the evidence.
    WhoChaired(WhoChaired),
    /// What a person chaired.
    ChairedBy(ChairedBy),
    /// Write every quad of the store as N-Quads: the ontology and each article in its named
    /// graph (for backups, diffs, other RDF tools).
    Export(Export),
}

/// Options for reading inputs.
#[derive(Debug, Args)]
pub struct Input {
    /// Files or folders to read (`-` for standard input): newspaper pages, 新闻联播
    /// transcripts, plain text, Markdown, HTML, JSON Lines.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// Publication date of inputs that carry none (YYYY-MM-DD).
    #[arg(long, value_parser = date)]
    pub date: Option<Date>,

    /// Outlet of inputs that name none (`山西日报`).
    #[arg(long)]
    pub source: Option<String>,

    /// Jurisdiction of inputs that give none (`山西省`, `太原市`), for `省委`, `市长`.
    #[arg(long)]
    pub jurisdiction: Vec<String>,

    /// Stop at the first problem in the input instead of warning and going on.
    #[arg(long)]
    pub strict: bool,

    /// Worker threads for extraction (default: one per core).
    #[arg(long, short)]
    pub jobs: Option<usize>,
}

#[derive(Debug, Args)]
pub struct Ingest {
    #[command(flatten)]
    pub input: Input,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Jsonl,
    Ttl,
    Nq,
}

#[derive(Debug, Args)]
pub struct Extract {
    #[command(flatten)]
    pub input: Input,

    #[arg(long, short, value_enum, default_value = "jsonl")]
    pub format: ExtractFormat,

    /// Write to FILE instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Json,
    Csv,
    Tsv,
}

#[derive(Debug, Args)]
pub struct Query {
    /// The SPARQL query.
    #[arg(required_unless_present = "file")]
    pub sparql: Option<String>,

    /// Read the query from FILE.
    #[arg(long, conflicts_with = "sparql")]
    pub file: Option<PathBuf>,

    #[arg(long, short, value_enum, default_value = "table")]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct WhoChaired {
    /// Part of a meeting's name (`第五十八次`, `国务院常务会议`); all meetings when absent.
    pub text: Option<String>,

    #[arg(long, short, value_enum, default_value = "table")]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct ChairedBy {
    /// The person's name.
    pub name: String,

    #[arg(long, short, value_enum, default_value = "table")]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct Export {
    /// Write to FILE instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// `--date`: a bad date is a usage error (exit code 2), reported the way clap reports others.
fn date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| "expected a date YYYY-MM-DD".to_string())
}
