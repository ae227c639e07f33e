//! The `govkg` command: parses arguments, hands the work to the library, maps the outcome to an
//! exit code (0 done, 1 failed, 2 usage; see the README).

mod cli;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Parser;

use govkg::article::ReadOptions;
use govkg::export::{self, Format, RdfWriter, Scope};
use govkg::graph::exchange::{self, NetworkFormat};
use govkg::jsonl::JsonlWriter;
use govkg::lexicon::Lexicon;
use govkg::store::{ResultsFormat, Store};
use govkg::{pipeline, push, server, sparql, validate};

use cli::{
    AskFormat, Cli, Command, DiagramFormat, ExportFormat, ExtractFormat, GraphCommand, GraphFormat,
    Input, PairsFormat, PushProtocol, TableFormat,
};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader went away (`govkg ask … | head`): nothing is wrong, and nobody to tell.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("govkg: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Ingest(c) => ingest(&cli.store, cli.lexicon, &c, quiet),
        Command::Extract(c) => extract(cli.lexicon, &c.input, c.format, c.output, quiet),
        Command::Query(c) => {
            let sparql = match (c.sparql, c.file) {
                (Some(q), _) => q,
                (None, Some(f)) => std::fs::read_to_string(&f)
                    .with_context(|| format!("cannot read query file {}", f.display()))?,
                (None, None) => bail!("give a query or --file"),
            };
            query(&cli.store, &sparql, c.format)
        }
        Command::WhoChaired(c) => query(
            &cli.store,
            &sparql::who_chaired(c.text.as_deref()),
            c.format,
        ),
        Command::ChairedBy(c) => query(&cli.store, &sparql::chaired_by(&c.name), c.format),
        Command::Ask(c) => ask(&cli.store, &c),
        Command::Graph(c) => graph(&cli.store, c),
        Command::Diagram(c) => diagram(&cli.store, &c),
        Command::Serve(c) => serve(&cli.store, c),
        Command::Export(c) => export(&cli.store, c, quiet),
        Command::Validate(c) => validate(&cli.store, c),
        Command::Push(c) => push(&cli.store, c, quiet),
    }
}

fn serve(store_path: &Path, c: cli::Serve) -> Result<ExitCode> {
    let store = if c.writable {
        Store::open(store_path)?
    } else {
        Store::open_read_only(store_path)?
    };
    let token = c
        .token_file
        .as_deref()
        .map(server::Token::read)
        .transpose()?;
    let config = server::Config {
        bind: c.bind,
        port: c.port,
        timeout: c.timeout.0,
        max_rows: c.max_rows,
        max_body: c.max_body,
        writable: c.writable,
        threads: c.threads,
        log_requests: c.log,
        token,
        token_for_reads: c.token_for_reads,
    };
    let server = server::Server::bind(store, config)?;
    eprintln!(
        "govkg: serving {} at http://{}/ ({}; SPARQL at /query, timeout {} s, at most {} rows)",
        store_path.display(),
        server.local_addr(),
        match (c.writable, c.token_file.is_some(), c.token_for_reads) {
            (_, true, true) => "every request needs the bearer token",
            (true, true, false) => "writable: SPARQL Update at /update with the bearer token",
            (true, false, _) => "writable: SPARQL Update at /update",
            (false, ..) => "read-only",
        },
        c.timeout,
        c.max_rows
    );
    server.run()?;
    Ok(ExitCode::SUCCESS)
}

fn graph_arg(graph: Option<&str>) -> Result<Option<oxigraph::model::NamedNode>> {
    graph
        .map(|g| export::graph_named(g).with_context(|| format!("--graph {g}")))
        .transpose()
}

fn export(store_path: &Path, c: cli::Export, quiet: bool) -> Result<ExitCode> {
    let store = Store::open_read_only(store_path)?;
    let format = match c.format {
        ExportFormat::Ttl => Format::Turtle,
        ExportFormat::Nt => Format::NTriples,
        ExportFormat::Nq => Format::NQuads,
        ExportFormat::Trig => Format::TriG,
        ExportFormat::Jsonld => Format::JsonLd,
        ExportFormat::Graphml => return export_network(&store, &c, NetworkFormat::GraphMl, quiet),
        ExportFormat::Gexf => return export_network(&store, &c, NetworkFormat::Gexf, quiet),
    };
    let scope = match graph_arg(c.graph.as_deref())? {
        Some(g) => Scope::Graph(g),
        None => Scope::All {
            ontology: !c.no_ontology,
        },
    };
    let out = output_file(c.output.as_deref())?;
    let (mut out, stats) = export::write(&store, &scope, format, out)?;
    out.flush().context("cannot write the export")?;
    if !quiet {
        eprintln!(
            "exported {} {} as {format}{}",
            stats.statements,
            if format.has_graphs() {
                "quads"
            } else {
                "triples"
            },
            to_file(c.output.as_deref())
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// ` to FILE` when an output file was given, for the messages that say what was written.
fn to_file(output: Option<&Path>) -> String {
    output
        .map(|p| format!(" to {}", p.display()))
        .unwrap_or_default()
}

/// `export --format graphml|gexf`: the graph view, not the RDF.
fn export_network(
    store: &Store,
    c: &cli::Export,
    format: NetworkFormat,
    quiet: bool,
) -> Result<ExitCode> {
    if c.graph.is_some() {
        bail!(
            "--graph selects an article's RDF graph; GraphML and GEXF hold the whole entity graph"
        );
    }
    let kg = govkg::graph::KnowledgeGraph::from_store(store)?;
    let mut out = output_file(c.output.as_deref())?;
    exchange::write_graph(&kg, format, &mut out).context("cannot write the export")?;
    out.flush().context("cannot write the export")?;
    if !quiet {
        eprintln!(
            "exported {} nodes and {} edges as {format:?}{}",
            kg.graph.node_count(),
            kg.graph.edge_count(),
            to_file(c.output.as_deref())
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn validate(store_path: &Path, c: cli::Validate) -> Result<ExitCode> {
    let store = Store::open_read_only(store_path)?;
    let graph = graph_arg(c.graph.as_deref())?;
    let dir = tempfile::tempdir().context("cannot make a temporary folder")?;
    match validate::validate(&store, graph, &c.python, dir.path())? {
        validate::Outcome::Conforms => Ok(ExitCode::SUCCESS),
        validate::Outcome::DoesNotConform => {
            bail!("the store does not conform to ontology/shapes.ttl (pyshacl's report above)")
        }
    }
}

fn push(store_path: &Path, c: cli::Push, quiet: bool) -> Result<ExitCode> {
    let store = Store::open_read_only(store_path)?;
    let options = push::Options {
        endpoint: c.endpoint.clone(),
        protocol: match c.protocol {
            PushProtocol::Gsp => push::Protocol::GraphStore,
            PushProtocol::Update => push::Protocol::Update,
        },
        batch_quads: c.batch_size.max(1),
        state: c
            .state
            .unwrap_or_else(|| push::default_state_path(store_path)),
        force: c.force,
        ontology: !c.no_ontology,
        timeout: std::time::Duration::from_secs(c.timeout.max(1)),
    };
    let bar = if quiet {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new(0).with_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} graphs, {msg} [{elapsed}]",
            )
            .context("progress bar template")?,
        )
    };
    let result = push::push(&store, &options, |p| {
        bar.set_length(p.graphs as u64);
        bar.set_position(p.done as u64);
        bar.set_message(format!(
            "{} sent ({} quads), {} already there",
            p.sent, p.quads_sent, p.skipped
        ));
    });
    bar.finish_and_clear();
    let done = result.with_context(|| {
        format!(
            "push stopped; what was accepted is recorded in {}, run the same command again to resume",
            options.state.display()
        )
    })?;
    if !quiet {
        eprintln!(
            "pushed {} graphs ({} quads in {} requests) to {}; {} were there already",
            done.sent, done.quads_sent, done.requests, c.endpoint, done.skipped
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn read_options(input: &Input) -> ReadOptions {
    ReadOptions {
        date: input.date,
        source: input.source.clone(),
        jurisdiction: input.jurisdiction.clone(),
        strict: input.strict,
        ..Default::default()
    }
}

fn lexicon(dir: Option<PathBuf>) -> Result<Lexicon> {
    Lexicon::load(dir.as_deref()).context("cannot load the lexicons")
}

fn threads(input: &Input) -> Result<()> {
    if let Some(n) = input.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot start worker threads")?;
    }
    Ok(())
}

fn warn(quiet: bool) -> impl FnMut(&str) {
    move |w: &str| {
        if !quiet {
            eprintln!("govkg: warning: {w}");
        }
    }
}

fn ingest(
    store: &Path,
    lexicon_dir: Option<PathBuf>,
    c: &cli::Ingest,
    quiet: bool,
) -> Result<ExitCode> {
    let input = &c.input;
    threads(input)?;
    let lex = lexicon(lexicon_dir)?;
    let opts = read_options(input);
    let store_path = store;
    // A new store is built beside its place through the bulk loader and renamed in once whole
    // (a failure or a kill leaves no store); an existing one takes a transaction per article,
    // unless it has no article yet and --bulk asks.
    let building = if c.no_bulk {
        None
    } else {
        Store::build_new(store_path)?
    };
    let opened;
    let store = match &building {
        Some(b) => b.store(),
        None => {
            opened = Store::open(store_path)?;
            &opened
        }
    };
    let options = pipeline::IngestOptions {
        bulk: building.is_some() || (c.bulk && !c.no_bulk),
        bulk_memory_mb: c.bulk_memory,
        min_confidence: input.min_confidence,
    };
    let bar = Progress::new(quiet)?;
    let articles = govkg::article::read(&input.paths, &opts)?;
    let done = pipeline::ingest(
        store,
        articles,
        opts.strict,
        &lex,
        &options,
        warn(quiet),
        |s| bar.update(s),
    );
    bar.finish();
    let pipeline::Ingested {
        summary,
        stats: total,
        bulk,
    } = done?;
    if let Some(b) = building {
        b.finish()?;
    }
    if !quiet {
        eprintln!(
            "ingested {} articles into {}{}: {} people, {} bodies, {} places, {} events, {} posts, {} facts, {} mentions ({} quads){}",
            summary.articles,
            store_path.display(),
            if bulk { " (bulk load)" } else { "" },
            total.people,
            total.bodies,
            total.places,
            total.events,
            total.memberships,
            total.facts,
            total.mentions,
            total.quads,
            if summary.skipped > 0 {
                format!("; {} inputs skipped", summary.skipped)
            } else {
                String::new()
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The progress bar of an ingest: drawn on standard error once the ingest has taken a second,
/// and only when standard error is a terminal and `--quiet` is not given.
struct Progress {
    bar: indicatif::ProgressBar,
    shown: std::cell::Cell<bool>,
    enabled: bool,
}

impl Progress {
    fn new(quiet: bool) -> Result<Progress> {
        use std::io::IsTerminal;
        let bar = indicatif::ProgressBar::hidden().with_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {human_pos} articles ({per_sec}), {msg} [{elapsed}]",
            )
            .context("progress bar template")?,
        );
        Ok(Progress {
            bar,
            shown: std::cell::Cell::new(false),
            enabled: !quiet && io::stderr().is_terminal(),
        })
    }

    fn update(&self, s: &pipeline::Summary) {
        self.bar.set_position(s.articles as u64);
        if self.enabled && !self.shown.get() && self.bar.elapsed().as_secs_f64() >= 1.0 {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
            self.shown.set(true);
        }
        if self.shown.get() {
            self.bar
                .set_message(format!("{:.1} M characters", s.chars as f64 / 1e6));
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn extract(
    lexicon_dir: Option<PathBuf>,
    input: &Input,
    format: ExtractFormat,
    output: Option<PathBuf>,
    quiet: bool,
) -> Result<ExitCode> {
    threads(input)?;
    let lex = lexicon(lexicon_dir)?;
    let opts = read_options(input);
    let out = output_file(output.as_deref())?;
    let run = |sink: &mut dyn FnMut(govkg::model::Extraction) -> io::Result<()>| {
        pipeline::run(
            &input.paths,
            &opts,
            &lex,
            input.min_confidence,
            warn(quiet),
            sink,
        )
    };
    match format {
        ExtractFormat::Jsonl => {
            let mut w = JsonlWriter::new(out);
            run(&mut |x| w.write(&x))?;
            w.finish()?.flush()?;
        }
        ExtractFormat::Ttl | ExtractFormat::Nq => {
            let rdf_format = if format == ExtractFormat::Ttl {
                Format::Turtle
            } else {
                Format::NQuads
            };
            let mut w = RdfWriter::new(rdf_format, out)?;
            run(&mut |x| w.write(&x))?;
            w.finish()?.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// FILE, created, or standard output.
fn output_file(output: Option<&Path>) -> Result<BufWriter<Box<dyn Write>>> {
    let out: Box<dyn Write> = match output {
        Some(p) => {
            Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)
        }
        None => Box::new(io::stdout().lock()),
    };
    Ok(BufWriter::new(out))
}

fn query(store: &Path, sparql: &str, format: TableFormat) -> Result<ExitCode> {
    let store = Store::open_read_only(store)?;
    let results = store.query(sparql)?;
    let format = match format {
        TableFormat::Table => ResultsFormat::Table,
        TableFormat::Json => ResultsFormat::Json,
        TableFormat::Csv => ResultsFormat::Csv,
        TableFormat::Tsv => ResultsFormat::Tsv,
    };
    govkg::store::write_results(results, format, io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}

fn ask(store: &Path, c: &cli::Ask) -> Result<ExitCode> {
    let store = Store::open_read_only(store)?;
    let question = c.question.join(" ");
    let answer = match govkg::ask::ask(&store, &question) {
        Ok(a) => a,
        Err(e @ govkg::ask::Error::NotUnderstood { .. }) => {
            eprintln!("govkg: {e}");
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    };
    let mut out = io::stdout().lock();
    match c.format {
        AskFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &answer)?;
            writeln!(out)?;
        }
        AskFormat::Text => {
            if c.sparql {
                writeln!(out, "{}", answer.sparql)?;
            }
            let labels = govkg::sparql::TermLabels::load(&store)?;
            answer.write_text(&labels, &mut out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn json(value: &impl serde::Serialize) -> Result<()> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

fn graph(store: &Path, c: GraphCommand) -> Result<ExitCode> {
    use govkg::graph::{report, KnowledgeGraph};
    let store = Store::open_read_only(store)?;
    let kg = KnowledgeGraph::from_store(&store)?;
    let mut out = io::stdout().lock();
    match c {
        GraphCommand::Neighbours {
            name,
            depth,
            output,
        } => {
            let center = kg.find(&name)?;
            let lang = output.lang.as_str();
            let rows = report::neighbours(&kg, &kg.neighbours(center, depth), lang);
            match output.format {
                GraphFormat::Json => json(&rows)?,
                GraphFormat::Table => report::write_neighbours(&rows, lang, &mut out)?,
            }
        }
        GraphCommand::Path {
            from,
            to,
            any_relation,
            output,
        } => {
            let (a, b) = (kg.find(&from)?, kg.find(&to)?);
            let lang = output.lang.as_str();
            let Some(steps) = kg.path(a, b, any_relation) else {
                let hint = if any_relation {
                    ""
                } else {
                    " through shared events (try --any-relation to walk posts, relays and venues too)"
                };
                bail!(
                    "no connection between {} and {} in the graph{hint}",
                    kg.describe(a),
                    kg.describe(b)
                );
            };
            match output.format {
                GraphFormat::Json => json(&report::path(&kg, &steps, lang))?,
                GraphFormat::Table => report::write_path(&kg, &steps, lang, &mut out)?,
            }
        }
        GraphCommand::Central { top, output } => {
            let mut rows = kg.co_attendance().centrality(&kg);
            rows.truncate(top);
            match output.format {
                GraphFormat::Json => json(&rows)?,
                GraphFormat::Table => report::write_central(&rows, output.lang.as_str(), &mut out)?,
            }
        }
        GraphCommand::CoAttend {
            min,
            top,
            format,
            lang,
        } => {
            let co = kg.co_attendance();
            let network = match format {
                PairsFormat::Graphml => Some(NetworkFormat::GraphMl),
                PairsFormat::Gexf => Some(NetworkFormat::Gexf),
                _ => None,
            };
            if let Some(network) = network {
                if top.is_some() {
                    bail!("--top cuts a table; a network is written whole (use --min)");
                }
                exchange::write_co_attendance(&kg, &co, min, network, &mut out)?;
                return Ok(ExitCode::SUCCESS);
            }
            let mut rows = co.pairs(&kg, min);
            if let Some(top) = top {
                rows.truncate(top);
            }
            match format {
                PairsFormat::Json => json(&rows)?,
                PairsFormat::Csv => report::write_pairs_csv(&rows, &mut out)?,
                _ => report::write_pairs(&rows, lang.as_str(), &mut out)?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn diagram(store_path: &Path, c: &cli::Diagram) -> Result<ExitCode> {
    use govkg::render::{self, Format, Style, Subject};
    let format = match (c.format, &c.output) {
        (Some(DiagramFormat::Dot), _) => Format::Dot,
        (Some(DiagramFormat::Svg), _) => Format::Svg,
        (Some(DiagramFormat::Png), _) => Format::Png,
        (None, Some(path)) => Format::from_path(path).unwrap_or(Format::Dot),
        (None, None) => Format::Dot,
    };
    let subject = match (&c.center, &c.event) {
        (Some(name), _) => Subject::Around {
            name: name.clone(),
            depth: c.depth.unwrap_or(2),
        },
        (None, Some(text)) => Subject::Event {
            text: text.clone(),
            depth: c.depth.unwrap_or(1),
        },
        (None, None) => Subject::All,
    };
    let store = Store::open_read_only(store_path)?;
    let style = Style {
        lang: c.lang.as_str().to_string(),
        ..Style::default()
    };
    let dot = render::diagram(&store, &subject, c.max_nodes, &style)?;
    let bytes = render::render(&dot, format)?;
    match &c.output {
        Some(path) => std::fs::write(path, &bytes)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => io::stdout().lock().write_all(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}
