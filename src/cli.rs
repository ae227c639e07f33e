//! Command-line types (clap); no logic lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    /// Serve the store over HTTP: SPARQL 1.1 Protocol at /query, Graph Store Protocol reads at
    /// /store, a query page at /.
    Serve(Serve),
    /// Write the store, or one article's graph, as Turtle, N-Triples, N-Quads, TriG or JSON-LD.
    Export(Export),
    /// Check the store against ontology/shapes.ttl (runs pyshacl, which must be installed).
    Validate(Validate),
    /// Copy the store's graphs into an external triplestore (Graph Store Protocol or SPARQL
    /// Update); resumes where a failed push stopped.
    Push(Push),
}

/// Options for reading inputs.
#[derive(Debug, Args)]
pub struct Input {
    /// Files or folders to read (`-` for standard input): newspaper pages, 新闻联播
    /// transcripts, plain text, Markdown, HTML, JSON Lines.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// Publication date of inputs that carry none (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,

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

    /// Write article by article in transactions even into a store with no article yet (which
    /// is otherwise filled by oxigraph's faster bulk loader).
    #[arg(long)]
    pub no_bulk: bool,

    /// Megabytes of quads the bulk loader may hold in memory at a time.
    #[arg(long, value_name = "MB", default_value_t = 256)]
    pub bulk_memory: usize,
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
pub struct Serve {
    /// Address to listen on (loopback by default: give 0.0.0.0 to serve other machines).
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,

    /// Port (0 picks a free one and prints it).
    #[arg(long, default_value_t = 7878)]
    pub port: u16,

    /// Seconds a query may run before it is stopped (HTTP 503).
    #[arg(long, default_value_t = 10.0)]
    pub timeout: f64,

    /// Most rows (or triples) a query may return; more is refused with a message (HTTP 400).
    #[arg(long, default_value_t = 10_000)]
    pub max_rows: usize,

    /// Largest request body in bytes; larger ones are refused (HTTP 413).
    #[arg(long, default_value_t = 1 << 20)]
    pub max_body: usize,

    /// Accept SPARQL Update at /update (the store is then opened for writing, so no
    /// `govkg ingest` can run beside the server).
    #[arg(long)]
    pub writable: bool,

    /// Worker threads answering requests.
    #[arg(long, default_value_t = 8)]
    pub threads: usize,

    /// Log every request to standard error (failures are always logged).
    #[arg(long)]
    pub log: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Ttl,
    Nt,
    Nq,
    Trig,
    Jsonld,
}

#[derive(Debug, Args)]
pub struct Export {
    #[arg(long, short, value_enum)]
    pub format: ExportFormat,

    /// Only this article's graph: its id (`seed_page-1`) or the graph's IRI.
    #[arg(long)]
    pub graph: Option<String>,

    /// Leave the ontology's graph out of a whole-store export.
    #[arg(long, conflicts_with = "graph")]
    pub no_ontology: bool,

    /// Write to FILE instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct Validate {
    /// Only this article's graph: its id or the graph's IRI.
    #[arg(long)]
    pub graph: Option<String>,

    /// The Python interpreter that has pyshacl.
    #[arg(long, env = "GOVKG_PYTHON", default_value = "python3")]
    pub python: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PushProtocol {
    /// SPARQL 1.1 Graph Store Protocol: PUT ENDPOINT?graph=IRI, one graph a request.
    Gsp,
    /// SPARQL 1.1 Update: POST ENDPOINT, several graphs a request.
    Update,
}

#[derive(Debug, Args)]
pub struct Push {
    /// The Graph Store Protocol endpoint (oxigraph: http://HOST:7878/store; Fuseki:
    /// …/DATASET/data; GraphDB: …/repositories/REPO/rdf-graphs/service) or, with
    /// `--protocol update`, the Update endpoint (Virtuoso: …/sparql).
    #[arg(long)]
    pub endpoint: String,

    #[arg(long, value_enum, default_value = "gsp")]
    pub protocol: PushProtocol,

    /// Quads per request with `--protocol update` (graphs are never split).
    #[arg(long, default_value_t = 50_000)]
    pub batch_size: usize,

    /// The record of what was pushed (default: beside the store, STORE.push-state.tsv).
    #[arg(long)]
    pub state: Option<PathBuf>,

    /// Send every graph again, whatever the record says.
    #[arg(long)]
    pub force: bool,

    /// Leave the ontology's graph out.
    #[arg(long)]
    pub no_ontology: bool,

    /// Seconds to wait for one request.
    #[arg(long, default_value_t = 300)]
    pub timeout: u64,
}
