//! Measures govkg's speed beside its references, in one run, on real text, and prints a
//! Markdown table: extraction against a jieba-rs POS-tagging pass and an aho-corasick scan of
//! the trigger lexicon; ingest into an on-disk store against oxigraph's bulk loader loading
//! the same quads from N-Quads; query latencies; throughput at 1×, 4× and 16× the corpus.
//!
//! ```sh
//! cargo run --release --example bench -- [--corpus DIR] [--runs N] [--ingest-runs N]
//!     [--scales 1,4,16] [--ingest-scales 1,4,16] [--query-limit SECONDS] [--work DIR]
//!     [--extraction-only]
//! ```
//!
//! `--corpus` defaults to `/work/shared/corpus/xwlb` (730 新闻联播 transcripts); `--runs` (3)
//! timings are taken of each extraction figure and `--ingest-runs` (1) of each ingest figure,
//! and their median is printed; a query figure that takes more than `--query-limit` seconds
//! (120) for all its runs is given as such; `--work` is where the stores and the N-Quads file
//! go (a temporary folder by default; they take about 1 GB at 1×); `--extraction-only` stops
//! after the one-thread extraction figures and their references, the loop of speed work.
//! Throughput per core is characters over the process's CPU time (user + system, from
//! `/proc/self/stat`), which a shared machine disturbs less than wall time; wall times are
//! printed too.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aho_corasick::AhoCorasick;
use govkg::article::{self, ReadOptions};
use govkg::extract::extract;
use govkg::lexicon::Lexicon;
use govkg::model::{Article, Confidence, Extraction};
use govkg::pipeline::{self, IngestOptions};
use govkg::store::Store;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QueryResults;
use rayon::prelude::*;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

struct Args {
    corpus: PathBuf,
    runs: usize,
    scales: Vec<usize>,
    ingest_scales: Vec<usize>,
    ingest_runs: usize,
    query_limit: u64,
    work: Option<PathBuf>,
    extraction_only: bool,
}

fn args() -> Res<Args> {
    let mut a = Args {
        corpus: PathBuf::from("/work/shared/corpus/xwlb"),
        runs: 3,
        scales: vec![1, 4, 16],
        ingest_scales: vec![1, 4, 16],
        ingest_runs: 1,
        query_limit: 120,
        work: None,
        extraction_only: false,
    };
    let list = |s: &str| -> Res<Vec<usize>> {
        Ok(s.split(',')
            .map(str::parse)
            .collect::<Result<Vec<usize>, _>>()?)
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--corpus" => a.corpus = PathBuf::from(value()?),
            "--runs" => a.runs = value()?.parse::<usize>()?.max(1),
            "--ingest-runs" => a.ingest_runs = value()?.parse::<usize>()?.max(1),
            "--query-limit" => a.query_limit = value()?.parse()?,
            "--scales" => a.scales = list(&value()?)?,
            "--ingest-scales" => a.ingest_scales = list(&value()?)?,
            "--work" => a.work = Some(PathBuf::from(value()?)),
            "--extraction-only" => a.extraction_only = true,
            _ => return Err(format!("unknown argument {flag} (see the example's header)").into()),
        }
    }
    Ok(a)
}

/// CPU time of the whole process so far (all threads), from `/proc/self/stat`.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start at `) `.
    let rest = stat.rsplit_once(") ").map(|(_, r)| r).unwrap_or("");
    let f: Vec<u64> = rest
        .split(' ')
        .skip(11)
        .take(2)
        .filter_map(|s| s.parse().ok())
        .collect();
    let ticks = f.iter().sum::<u64>();
    // The kernel's USER_HZ is 100 on Linux.
    Duration::from_millis(ticks * 10)
}

/// Wall and CPU time of one run.
#[derive(Clone, Copy)]
struct Timing {
    wall: f64,
    cpu: f64,
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Timing) {
    let (w, c) = (Instant::now(), cpu());
    let out = f();
    let t = Timing {
        wall: w.elapsed().as_secs_f64(),
        cpu: (cpu() - c).as_secs_f64(),
    };
    (out, t)
}

/// Median of `runs` timings of `f` (by wall time; the CPU time of the same run).
fn median(runs: usize, mut f: impl FnMut() -> Res<Timing>) -> Res<Timing> {
    let mut ts = Vec::new();
    for _ in 0..runs {
        ts.push(f()?);
    }
    ts.sort_by(|a, b| a.wall.total_cmp(&b.wall));
    Ok(ts[ts.len() / 2])
}

fn read_corpus(corpus: &Path) -> Res<Vec<Article>> {
    let mut out = Vec::new();
    for a in article::read(&[corpus.to_path_buf()], &ReadOptions::default())? {
        match a {
            Ok(a) => out.push(a),
            Err(e) => eprintln!("bench: skipped: {e}"),
        }
    }
    Ok(out)
}

/// The corpus `k` times, the copies under new ids (`{id}~r{n}`), as if more papers or years.
fn replicate(articles: &[Article], k: usize) -> Vec<Article> {
    let mut out = Vec::with_capacity(articles.len() * k);
    for n in 0..k {
        for a in articles {
            let mut a = a.clone();
            if n > 0 {
                a.id = format!("{}~r{n}", a.id);
            }
            out.push(a);
        }
    }
    out
}

fn chars(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.text.chars().count()).sum()
}

/// Ingests `articles` into a new store at `path` through the bulk loader (`govkg ingest
/// --bulk`), the path compared with oxigraph's own loader; returns the quads written.
fn ingest(
    path: &Path,
    articles: impl Iterator<Item = Result<Article, article::Error>>,
    lex: &Lexicon,
) -> Res<usize> {
    let _ = std::fs::remove_dir_all(path);
    let store = Store::open(path)?;
    let done = pipeline::ingest(
        &store,
        articles,
        false,
        lex,
        &IngestOptions {
            bulk: true,
            ..IngestOptions::DEFAULT
        },
        |_| {},
        |_| {},
    )?;
    Ok(done.stats.quads)
}

/// The first value of the first row of a SELECT.
/// Reads, splits and extracts `inputs` in parallel, as `govkg extract` does, handing each
/// extraction to `sink`.
fn extract_each(
    inputs: &[PathBuf],
    lex: &Lexicon,
    sink: impl FnMut(Extraction) -> std::io::Result<()>,
) -> Result<pipeline::Summary, pipeline::Error> {
    pipeline::run(
        inputs,
        &ReadOptions::default(),
        lex,
        Confidence::DEFAULT_MIN,
        |_| {},
        sink,
    )
}

fn first(store: &Store, sparql: &str) -> Res<Option<Term>> {
    if let QueryResults::Solutions(mut rows) = store.query(sparql)? {
        if let Some(row) = rows.next() {
            return Ok(row?.values().iter().flatten().next().cloned());
        }
    }
    Ok(None)
}

/// Median and 90th percentile, in milliseconds, of `n` timings of `f`.
fn latency(n: usize, mut f: impl FnMut() -> Res<()>) -> Result<(f64, f64), String> {
    let mut ms = Vec::new();
    for _ in 0..n {
        let t = Instant::now();
        f().map_err(|e| e.to_string())?;
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    Ok((ms[ms.len() / 2], ms[ms.len() * 9 / 10]))
}

fn main() -> Res<()> {
    let args = args()?;
    let lex = Lexicon::builtin()?;
    let tmp = match &args.work {
        Some(w) => {
            std::fs::create_dir_all(w)?;
            None
        }
        None => Some(tempfile::tempdir()?),
    };
    let work = match (&tmp, &args.work) {
        (Some(t), _) => t.path().to_path_buf(),
        (None, w) => w.clone().unwrap_or_default(),
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut rows: Vec<[String; 4]> = Vec::new();
    let mut row = |what: &str, figure: String, reference: String, ratio: String| {
        eprintln!("bench: {what}: {figure} | {reference} | {ratio}");
        rows.push([what.to_owned(), figure, reference, ratio]);
    };
    let mcps = |c: usize, s: f64| c as f64 / s / 1e6;

    // The corpus in memory, once, for the runs that leave reading out.
    let articles = read_corpus(&args.corpus)?;
    let n_chars = chars(&articles);
    let n_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    eprintln!(
        "bench: {} articles, {:.2} M characters ({:.1} MB) from {}; {} runs each, {cores} cores",
        articles.len(),
        n_chars as f64 / 1e6,
        n_bytes as f64 / 1e6,
        args.corpus.display(),
        args.runs
    );

    // Extraction alone, one thread: read + split + extract, then extract only.
    let inputs = [args.corpus.clone()];
    let full = median(args.runs, || {
        let (r, t) = time(|| {
            let mut n = 0;
            for a in article::read(&inputs, &ReadOptions::default())? {
                let a = a?;
                n += extract(&a, &lex).facts.len();
            }
            Ok::<_, Box<dyn std::error::Error>>(n)
        });
        r?;
        Ok(t)
    })?;
    let only = median(args.runs, || {
        let (n, t) = time(|| {
            articles
                .iter()
                .map(|a| extract(a, &lex).facts.len())
                .sum::<usize>()
        });
        std::hint::black_box(n);
        Ok(t)
    })?;
    let jieba = jieba_rs::Jieba::new();
    let tag = median(args.runs, || {
        let (n, t) = time(|| {
            articles
                .iter()
                .map(|a| jieba.tag(&a.text, true).len())
                .sum::<usize>()
        });
        std::hint::black_box(n);
        Ok(t)
    })?;
    let triggers: Vec<&str> = include_str!("../data/triggers.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .collect();
    let ac = AhoCorasick::new(&triggers)?;
    let scan = median(args.runs, || {
        let (n, t) = time(|| {
            articles
                .iter()
                .map(|a| ac.find_overlapping_iter(&a.text).count())
                .sum::<usize>()
        });
        std::hint::black_box(n);
        Ok(t)
    })?;
    let per_core = mcps(n_chars, full.cpu);
    let tag_rate = mcps(n_chars, tag.cpu);
    let scan_rate = mcps(n_chars, scan.cpu);
    row(
        "extraction, 1 thread: read + split + extract (M chars/s per core)",
        format!(
            "{per_core:.2} ({:.2} s CPU, {:.2} s wall)",
            full.cpu, full.wall
        ),
        format!("jieba-rs `tag` with HMM: {tag_rate:.2}"),
        format!("{:.2}× jieba", per_core / tag_rate),
    );
    row(
        "extraction, 1 thread: extract only (M chars/s per core)",
        format!("{:.2} ({:.2} s CPU)", mcps(n_chars, only.cpu), only.cpu),
        format!(
            "aho-corasick scan of {} triggers: {scan_rate:.1}",
            triggers.len()
        ),
        format!("{:.3}× the scan", mcps(n_chars, only.cpu) / scan_rate),
    );
    if args.extraction_only {
        print_table(&rows);
        return Ok(());
    }

    // Parallel extraction over all cores, read + split + extract, as `govkg extract`.
    let par = median(args.runs, || {
        let (r, t) = time(|| {
            let mut n = 0;
            extract_each(&inputs, &lex, |x| {
                n += x.facts.len();
                Ok(())
            })
        });
        r?;
        Ok(t)
    })?;
    row(
        &format!("extraction, {cores} threads: read + split + extract (M chars/s, wall)"),
        format!("{:.2} ({:.2} s wall)", mcps(n_chars, par.wall), par.wall),
        format!("1 thread: {:.2} s wall", full.wall),
        format!("{:.2}× speed-up", full.wall / par.wall),
    );

    // End-to-end ingest into a new on-disk store, against oxigraph's bulk loader loading the
    // same quads from N-Quads into another new store.
    let store_path = work.join("bench.db");
    let mut quads = 0;
    let ing = median(args.ingest_runs, || {
        let (r, t) = time(|| -> Res<usize> {
            ingest(
                &store_path,
                article::read(&inputs, &ReadOptions::default())?,
                &lex,
            )
        });
        quads = r?;
        Ok(t)
    })?;
    let nq = work.join("bench.nq");
    {
        // The same quads as the ingest wrote, made again from the extractions (faster than
        // reading them back from the store).
        let mut w = RdfSerializer::from_format(RdfFormat::NQuads)
            .for_writer(BufWriter::new(File::create(&nq)?));
        extract_each(&inputs, &lex, |x| {
            for q in govkg::rdf::article_quads(&x) {
                w.serialize_quad(&q)?;
            }
            Ok(())
        })?;
        w.finish()?.flush()?;
    }
    let ref_path = work.join("reference.db");
    let bulk = median(args.ingest_runs, || {
        let _ = std::fs::remove_dir_all(&ref_path);
        let (r, t) = time(|| -> Res<()> {
            let store = oxigraph::store::Store::open(&ref_path)?;
            let mut loader = store
                .bulk_loader()
                .with_max_memory_size_in_megabytes(IngestOptions::DEFAULT.bulk_memory_mb);
            loader.load_from_reader(RdfFormat::NQuads, BufReader::new(File::open(&nq)?))?;
            loader.commit()?;
            Ok(())
        });
        r?;
        Ok(t)
    })?;
    row(
        "ingest, end to end (read, extract, load into a new on-disk store)",
        format!(
            "{:.2} s wall, {:.2} s CPU; {:.2} M quads, {:.0} k quads/s",
            ing.wall,
            ing.cpu,
            quads as f64 / 1e6,
            quads as f64 / ing.wall / 1e3
        ),
        format!(
            "oxigraph bulk loader, same quads from N-Quads: {:.2} s wall, {:.2} s CPU",
            bulk.wall, bulk.cpu
        ),
        format!("{:.2}× the bulk loader (wall)", ing.wall / bulk.wall),
    );

    // Growth: the corpus replicated under new ids, from memory (no reading).
    let mut base = None;
    for &k in &args.scales {
        let many = replicate(&articles, k);
        let c = chars(&many);
        let (n, t) = time(|| {
            many.par_iter()
                .map(|a| extract(a, &lex).facts.len())
                .sum::<usize>()
        });
        std::hint::black_box(n);
        let rate = mcps(c, t.cpu);
        let b = *base.get_or_insert(rate);
        row(
            &format!(
                "growth: extraction at {k}× ({:.0} M chars, {cores} threads)",
                c as f64 / 1e6
            ),
            format!("{rate:.2} M chars/s per core ({:.1} s wall)", t.wall),
            format!("1×: {b:.2}"),
            format!("{:.2}× the 1× rate", rate / b),
        );
    }
    let mut base = None;
    for &k in &args.ingest_scales {
        let many = replicate(&articles, k);
        let path = work.join(format!("growth-{k}.db"));
        let (q, t) = time(|| ingest(&path, many.into_iter().map(Ok), &lex));
        let q = q?;
        let _ = std::fs::remove_dir_all(&path);
        let rate = q as f64 / t.wall / 1e3;
        let b = *base.get_or_insert(rate);
        row(
            &format!("growth: ingest at {k}× ({:.1} M quads)", q as f64 / 1e6),
            format!(
                "{rate:.0} k quads/s wall ({:.1} s wall, {:.1} s CPU)",
                t.wall, t.cpu
            ),
            format!("1×: {b:.0}"),
            format!("{:.2}× the 1× rate", rate / b),
        );
    }

    // Queries on the 1× store, last: one that outlives `--query-limit` is left running in
    // its thread, which the end of the process stops.
    {
        let store = std::sync::Arc::new(Store::open_read_only(&store_path)?);
        let meeting = first(
            &store,
            "SELECT ?l WHERE { ?p gov:chairs ?m . ?m skos:prefLabel ?l } LIMIT 1",
        )?;
        let label = match meeting {
            Some(Term::Literal(l)) => l.value().to_owned(),
            _ => return Err("no chaired meeting in the store".into()),
        };
        let sparql = govkg::sparql::who_chaired(Some(&label));
        let s = store.clone();
        let figure = bounded(args.query_limit, move || {
            latency(21, || {
                if let QueryResults::Solutions(rows) = s.query(&sparql)? {
                    std::hint::black_box(rows.count());
                }
                Ok(())
            })
        });
        row(
            &format!("query: who-chaired {label} (ms)"),
            figure,
            "target p50 ≤ 10".into(),
            String::new(),
        );
        let chair = first(
            &store,
            "SELECT ?p WHERE { ?p gov:chairs ?m } GROUP BY ?p ORDER BY DESC(COUNT(?m)) LIMIT 1",
        )?;
        let chair: NamedNode = match chair {
            Some(Term::NamedNode(n)) => n,
            _ => return Err("no chair in the store".into()),
        };
        let name = chair.as_str().rsplit('/').next().unwrap_or("").to_owned();
        let s = store.clone();
        let subject = govkg::render::Subject::Around {
            name: name.clone(),
            depth: 2,
        };
        let figure = bounded(args.query_limit, move || {
            latency(11, || {
                let dot = govkg::render::diagram(&s, &subject, 60, &Default::default())?;
                std::hint::black_box(dot.len());
                Ok(())
            })
        });
        row(
            &format!("query: diagram (DOT) of {name}'s neighbourhood (ms)"),
            figure,
            "target ≤ 200".into(),
            String::new(),
        );
    }

    print_table(&rows);
    // Exiting stops a query still running past its limit (and skips destructors, so the
    // temporary folder is removed here).
    drop(tmp);
    std::process::exit(0)
}

/// The figures as a Markdown table, on standard output.
fn print_table(rows: &[[String; 4]]) {
    println!("| figure | govkg | reference | ratio |");
    println!("|---|---|---|---|");
    for [a, b, c, d] in rows {
        println!("| {a} | {b} | {c} | {d} |");
    }
}

/// `p50 …, p90 …` of the latencies `f` measures, or `> N s` when it takes longer than
/// `limit_s` seconds in all (it goes on in its thread).
fn bounded(
    limit_s: u64,
    f: impl FnOnce() -> Result<(f64, f64), String> + Send + 'static,
) -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(limit_s)) {
        Ok(Ok((p50, p90))) => format!("p50 {p50:.1}, p90 {p90:.1}"),
        Ok(Err(e)) => format!("failed: {e}"),
        Err(_) => format!("> {limit_s} s for the runs (stopped)"),
    }
}
