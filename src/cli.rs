//! Command-line types (clap); no logic lives here.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use govkg::model::{Confidence, Date};
use govkg::pipeline::IngestOptions;
use govkg::server;

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
    /// Answer a question: who chaired or attended a meeting, what a person chaired, a person's
    /// posts, the meetings two people shared, the meetings that relayed another.
    #[command(after_help = ASK_FORMS)]
    Ask(Ask),
    /// The graph view: neighbourhoods, shortest connections, central people, co-attendance.
    #[command(subcommand)]
    Graph(GraphCommand),
    /// Draw the graph around a person, body or event, or all of it, as DOT, SVG or PNG.
    Diagram(Diagram),
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

/// The question forms, shown by `govkg ask --help`.
const ASK_FORMS: &str = "Questions (Chinese or English):
  谁主持了〈会议〉？                  Who chaired 〈meeting〉?
  〈人〉主持了哪些会议？              What did 〈person〉 chair?
  谁出席了〈会议〉？                  Who attended 〈meeting〉?
  〈人〉担任什么职务？                What posts does 〈person〉 hold?
  〈人〉和〈人〉一起参加过哪些会议？  Which meetings did 〈A〉 and 〈B〉 both attend?
  哪些会议传达了〈会议〉的精神？      Which meetings relayed 〈meeting〉?

A meeting may be named loosely: 省委第五十八次专题会议, 第九十三次会议, the 58th meeting,
2022年4月13日的国务院常务会议. Exit codes: 0 answered (perhaps with nothing recorded), 1 a meeting
or person not found in the store (or another failure), 2 a question in none of these forms.";

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

    /// Keep only entities and facts at least this sure (0–1; 0 keeps everything). See the
    /// README's "Confidence".
    #[arg(long, value_name = "C", default_value_t = Confidence::DEFAULT_MIN)]
    pub min_confidence: Confidence,
}

#[derive(Debug, Args)]
pub struct Ingest {
    #[command(flatten)]
    pub input: Input,

    /// Also fill an existing store that has no article yet through oxigraph's bulk loader
    /// (not safe against a kill mid-way there: the batches written stay). A new store always
    /// is, built beside its place and renamed in once whole, unless --no-bulk.
    #[arg(long, conflicts_with = "no_bulk")]
    pub bulk: bool,

    /// Write article by article in transactions, each article whole or not at all, into a new
    /// store too (the default for an existing store).
    #[arg(long)]
    pub no_bulk: bool,

    /// Megabytes of quads the bulk loader may hold in memory at a time.
    #[arg(long, value_name = "MB", default_value_t = IngestOptions::DEFAULT.bulk_memory_mb)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AskFormat {
    /// For people: the answers with numbered evidence sentences.
    Text,
    /// One JSON object: the question, what its names matched, the query, the answers.
    Json,
}

#[derive(Debug, Args)]
pub struct Ask {
    /// The question (several words are joined with spaces, so quotes are optional).
    #[arg(required = true)]
    pub question: Vec<String>,

    #[arg(long, short, value_enum, default_value = "text")]
    pub format: AskFormat,

    /// Print the SPARQL query that produced the answer (runs as it is with `govkg query`).
    #[arg(long)]
    pub sparql: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Chinese.
    Zh,
    /// English (names stay as the articles write them).
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// For people: a table, evidence sentences listed below it.
    Table,
    Json,
}

/// How `graph co-attend` writes the pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PairsFormat {
    Table,
    Json,
    /// An edge list: `a,b,a_iri,b_iri,shared,events`.
    Csv,
    Graphml,
    Gexf,
}

/// Options shared by the graph commands.
#[derive(Debug, Args)]
pub struct GraphOutput {
    #[arg(long, short, value_enum, default_value = "table")]
    pub format: GraphFormat,

    /// Language of relation names and headings.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: Lang,
}

#[derive(Debug, Subcommand)]
pub enum GraphCommand {
    /// What is within N steps of a person, body or event, with the fact behind each link.
    #[command(alias = "neighbors")]
    Neighbours {
        /// A name (`林武`, `山西省委`) or an event's label.
        name: String,
        #[arg(long, short, default_value_t = 1)]
        depth: usize,
        #[command(flatten)]
        output: GraphOutput,
    },
    /// The shortest connection between two people (or any two nodes), with the fact behind
    /// each step.
    Path {
        from: String,
        to: String,
        /// Also walk links that do not put two people in one room: posts in the same body,
        /// relays between meetings, venues, organisers. By default a path says who met whom.
        #[arg(long)]
        any_relation: bool,
        #[command(flatten)]
        output: GraphOutput,
    },
    /// The most central people of the co-attendance network (weighted PageRank and degree).
    Central {
        #[arg(long, short, default_value_t = 20)]
        top: usize,
        #[command(flatten)]
        output: GraphOutput,
    },
    /// Pairs of people by the number of events both were present at: a table, or the
    /// weighted network for analysis tools (GraphML, GEXF, CSV edge list).
    CoAttend {
        /// Only pairs who shared at least N events.
        #[arg(long, default_value_t = 1)]
        min: usize,
        /// At most N pairs (all when absent; tables and JSON only).
        #[arg(long, short)]
        top: Option<usize>,
        #[arg(long, short, value_enum, default_value = "table")]
        format: PairsFormat,
        /// Language of headings.
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagramFormat {
    Dot,
    Svg,
    Png,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("focus").required(true).args(["center", "event", "all"])))]
pub struct Diagram {
    /// Draw what is around this person or body (or event).
    #[arg(long, alias = "centre")]
    pub center: Option<String>,

    /// Draw this event (named loosely, as `ask` takes it) and who took part.
    #[arg(long)]
    pub event: Option<String>,

    /// Draw the whole graph (its most connected nodes).
    #[arg(long)]
    pub all: bool,

    /// Steps from the centre (default 2 for --center, 1 for --event).
    #[arg(long, short)]
    pub depth: Option<usize>,

    /// Output format (default: from the file's extension, else dot). A PNG needs a file
    /// (`-o FILE.png`): it is not for a terminal.
    #[arg(long, short, value_enum, requires_if("png", "output"))]
    pub format: Option<DiagramFormat>,

    /// Write to FILE (standard output when absent, except for PNG).
    #[arg(long, short)]
    pub output: Option<PathBuf>,

    /// Language of relation names, legend and notes.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: Lang,

    /// Show at most N nodes, the most connected first; the picture says what was left out.
    #[arg(long, default_value_t = 60)]
    pub max_nodes: usize,
}

#[derive(Debug, Args)]
pub struct Serve {
    /// Address to listen on (loopback by default: give 0.0.0.0 to serve other machines).
    #[arg(long, default_value_t = server::Config::DEFAULT.bind)]
    pub bind: std::net::IpAddr,

    /// Port (0 picks a free one and prints it).
    #[arg(long, default_value_t = server::Config::DEFAULT.port)]
    pub port: u16,

    /// Seconds a query may run before it is stopped (HTTP 503).
    #[arg(long, value_name = "SECONDS", default_value_t = Seconds(server::Config::DEFAULT.timeout))]
    pub timeout: Seconds,

    /// Most rows (or triples) a query may return; more is refused with a message (HTTP 400).
    #[arg(long, default_value_t = server::Config::DEFAULT.max_rows)]
    pub max_rows: usize,

    /// Largest request body in bytes; larger ones are refused (HTTP 413).
    #[arg(long, default_value_t = server::Config::DEFAULT.max_body)]
    pub max_body: usize,

    /// Accept SPARQL Update at /update (the store is then opened for writing, so no
    /// `govkg ingest` can run beside the server).
    #[arg(long)]
    pub writable: bool,

    /// Worker threads answering requests.
    #[arg(long, default_value_t = server::Config::DEFAULT.threads)]
    pub threads: usize,

    /// Log every request to standard error (failures are always logged).
    #[arg(long)]
    pub log: bool,

    /// A file holding a secret that SPARQL Update requires as `Authorization: Bearer
    /// SECRET`; a --writable server on an address other than loopback needs one.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,

    /// Require the token for every request, reads too.
    #[arg(long, requires = "token_file")]
    pub token_for_reads: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Ttl,
    Nt,
    Nq,
    Trig,
    Jsonld,
    /// The entity graph (not RDF) for networkx, Cytoscape, yEd: GraphML.
    Graphml,
    /// The entity graph (not RDF) for Gephi: GEXF 1.3.
    Gexf,
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

/// A positive span of seconds (`--timeout 2.5`); anything else is a usage error (exit code 2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seconds(pub Duration);

impl std::str::FromStr for Seconds {
    type Err = String;

    fn from_str(s: &str) -> Result<Seconds, String> {
        match s.parse::<f64>() {
            Ok(x) if x.is_finite() && x > 0.0 && x < 1e9 => Ok(Seconds(Duration::from_secs_f64(x))),
            _ => Err("expected a positive number of seconds".to_string()),
        }
    }
}

impl fmt::Display for Seconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.as_secs_f64())
    }
}

/// `--date`: a bad date is a usage error (exit code 2), reported the way clap reports others.
fn date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| "expected a date YYYY-MM-DD".to_string())
}
