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
use govkg::store::{ArticleStats, ResultsFormat, Store};
use govkg::{answer, pipeline, rdf};

use cli::{Cli, Command, ExtractFormat, Input, TableFormat};

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
        Command::Export(c) => export(&cli.store, c.output),
    }
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
    input: &Input,
    quiet: bool,
) -> Result<ExitCode> {
    threads(input)?;
    let lex = lexicon(lexicon_dir)?;
    let opts = read_options(input);
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
    let opts = read_options(input);
    let out = output_file(output.as_deref())?;
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

/// Opens an existing store for reading.
fn open_read_only(store: &Path) -> Result<Store> {
    if !store.exists() {
        bail!(
            "no store at {} (build one with `govkg ingest PATH`, or give --store)",
            store.display()
        );
    }
    Ok(Store::open_read_only(store)?)
}

fn export(store: &Path, output: Option<PathBuf>) -> Result<ExitCode> {
    let store = open_read_only(store)?;
    store.dump(output_file(output.as_deref())?)?.flush()?;
    Ok(ExitCode::SUCCESS)
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
