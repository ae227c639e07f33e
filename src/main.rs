//! The `govkg` command: parses arguments, hands the work to the library, maps the outcome to an
//! exit code (0 done, 1 failed, 2 usage; see the README).

mod cli;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Parser;
use oxigraph::io::{RdfFormat, RdfSerializer};

use govkg::article::ReadOptions;
use govkg::jsonl::JsonlWriter;
use govkg::lexicon::Lexicon;
use govkg::model::Date;
use govkg::store::{ArticleStats, ResultsFormat, Store};
use govkg::{answer, pipeline, rdf};

use cli::{
    AskFormat, Cli, Command, DiagramFormat, ExtractFormat, GraphCommand, GraphFormat, Input,
    TableFormat,
};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("govkg: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Ingest(c) => ingest(&cli.store, cli.lexicon, &c.input, quiet),
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
            &answer::who_chaired(c.text.as_deref()),
            c.format,
        ),
        Command::ChairedBy(c) => query(&cli.store, &answer::chaired_by(&c.name), c.format),
        Command::Ask(c) => ask(&cli.store, &c),
        Command::Graph(c) => graph(&cli.store, c),
        Command::Diagram(c) => diagram(&cli.store, &c),
    }
}

fn read_options(input: &Input) -> Result<ReadOptions> {
    let date = match &input.date {
        Some(d) => {
            Some(Date::parse(d).with_context(|| format!("--date {d}: expected YYYY-MM-DD"))?)
        }
        None => None,
    };
    Ok(ReadOptions {
        date,
        source: input.source.clone(),
        jurisdiction: input.jurisdiction.clone(),
        strict: input.strict,
        ..Default::default()
    })
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
    input: &Input,
    quiet: bool,
) -> Result<ExitCode> {
    threads(input)?;
    let lex = lexicon(lexicon_dir)?;
    let opts = read_options(input)?;
    let store_path = store;
    let store = Store::open(store)?;
    let mut total = ArticleStats::default();
    let summary = pipeline::run(&input.paths, &opts, &lex, warn(quiet), |x| {
        let s = store
            .ingest(&x)
            .map_err(|e| format!("article {}: {e}", x.article.id))?;
        total.quads += s.quads;
        total.people += s.people;
        total.bodies += s.bodies;
        total.places += s.places;
        total.events += s.events;
        total.facts += s.facts;
        total.memberships += s.memberships;
        total.mentions += s.mentions;
        Ok(())
    })?;
    if !quiet {
        eprintln!(
            "ingested {} articles into {}: {} people, {} bodies, {} places, {} events, {} posts, {} facts, {} mentions ({} quads){}",
            summary.articles,
            store_path.display(),
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

fn extract(
    lexicon_dir: Option<PathBuf>,
    input: &Input,
    format: ExtractFormat,
    output: Option<PathBuf>,
    quiet: bool,
) -> Result<ExitCode> {
    threads(input)?;
    let lex = lexicon(lexicon_dir)?;
    let opts = read_options(input)?;
    let out: Box<dyn Write> = match &output {
        Some(p) => {
            Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)
        }
        None => Box::new(io::stdout().lock()),
    };
    let out = BufWriter::new(out);
    match format {
        ExtractFormat::Jsonl => {
            let mut w = JsonlWriter::new(out);
            pipeline::run(&input.paths, &opts, &lex, warn(quiet), |x| {
                w.write(&x).map_err(|e| e.to_string())
            })?;
            w.finish()?.flush()?;
        }
        ExtractFormat::Ttl | ExtractFormat::Nq => {
            let rdf_format = if format == ExtractFormat::Ttl {
                RdfFormat::Turtle
            } else {
                RdfFormat::NQuads
            };
            let mut serializer = RdfSerializer::from_format(rdf_format);
            if format == ExtractFormat::Ttl {
                for (prefix, ns) in govkg::vocab::PREFIXES {
                    serializer = serializer
                        .with_prefix(*prefix, *ns)
                        .with_context(|| format!("bad prefix {prefix}"))?;
                }
            }
            let mut w = serializer.for_writer(out);
            pipeline::run(&input.paths, &opts, &lex, warn(quiet), |x| {
                for q in rdf::article_quads(&x) {
                    let r = if format == ExtractFormat::Ttl {
                        w.serialize_triple(q.as_ref())
                    } else {
                        w.serialize_quad(q.as_ref())
                    };
                    r.map_err(|e| e.to_string())?;
                }
                Ok(())
            })?;
            w.finish()?.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// An existing store, opened for reading.
fn open_read_only(store: &Path) -> Result<Store> {
    if !store.exists() {
        bail!(
            "no store at {} (build one with `govkg ingest PATH`, or give --store)",
            store.display()
        );
    }
    Ok(Store::open_read_only(store)?)
}

fn query(store: &Path, sparql: &str, format: TableFormat) -> Result<ExitCode> {
    let store = open_read_only(store)?;
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
    let store = open_read_only(store)?;
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
            let labels = govkg::answer::TermLabels::load(&store)?;
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
    let store = open_read_only(store)?;
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
        GraphCommand::CoAttend { min, top, output } => {
            let mut rows = kg.co_attendance().pairs(&kg, min);
            if let Some(top) = top {
                rows.truncate(top);
            }
            match output.format {
                GraphFormat::Json => json(&rows)?,
                GraphFormat::Table => report::write_pairs(&rows, output.lang.as_str(), &mut out)?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn diagram(store_path: &Path, c: &cli::Diagram) -> Result<ExitCode> {
    use govkg::graph::{Focus, KnowledgeGraph};
    use govkg::render::{self, Format, Style};
    let format = match (c.format, &c.output) {
        (Some(DiagramFormat::Dot), _) => Format::Dot,
        (Some(DiagramFormat::Svg), _) => Format::Svg,
        (Some(DiagramFormat::Png), _) => Format::Png,
        (None, Some(path)) => Format::from_path(path).unwrap_or(Format::Dot),
        (None, None) => Format::Dot,
    };
    if format == Format::Png && c.output.is_none() {
        bail!("a PNG needs a file: give -o FILE.png");
    }
    let store = open_read_only(store_path)?;
    let kg = KnowledgeGraph::from_store(&store)?;
    let (focus, title) = if let Some(name) = &c.center {
        let center = kg.find(name)?;
        let depth = c.depth.unwrap_or(2);
        (Focus::Around { center, depth }, kg.describe(center))
    } else if let Some(text) = &c.event {
        let events = govkg::ask::matching::events(&store)?;
        let m = govkg::ask::matching::match_event(text, &events)?;
        let Some(center) = kg.index_of(m.event.iri.as_str()) else {
            bail!(
                "{} has no relations to draw",
                govkg::ask::matching::describe(&m.event)
            );
        };
        let depth = c.depth.unwrap_or(1);
        (Focus::Around { center, depth }, kg.describe(center))
    } else {
        let name = store_path.file_name().map_or_else(
            || store_path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let all = if c.lang == cli::Lang::Zh {
            "全部"
        } else {
            "all"
        };
        (Focus::All, format!("{name}: {all}"))
    };
    let view = kg.view(focus, c.max_nodes);
    let style = Style {
        lang: c.lang.as_str().to_string(),
        title: Some(title),
    };
    let dot = render::to_dot(&kg, &view, &style);
    let bytes = render::render(&dot, format)?;
    match &c.output {
        Some(path) => std::fs::write(path, &bytes)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => io::stdout().lock().write_all(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}
