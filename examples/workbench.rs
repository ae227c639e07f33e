//! Measures what the workbench asks of a store, beside a `who-chaired` question in the same
//! run, and prints a Markdown table: the search catalogue's first read and a search in it, the
//! profile and the one-step diagram (what `/diagram` draws) of the most connected person, and
//! the whole graph view, built by the store's queries and read back from beside the store.
//!
//! ```sh
//! govkg --store xwlb.db ingest --bulk ../shared/corpus/xwlb
//! cargo run --release --example workbench -- xwlb.db [RUNS]
//! ```
//!
//! Latencies are medians of RUNS (default 11) in milliseconds, in process, without HTTP; the
//! ratio is to the median of the `who-chaired` question.

use std::time::Instant;

use govkg::graph::{self, Focus, KnowledgeGraph};
use govkg::profile::{self, Catalogue};
use govkg::render::{self, Style};
use govkg::sparql;
use govkg::store::{QueryOptions, Store};
use oxigraph::model::NamedNode;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// Median milliseconds of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut() -> Res<()>) -> Res<f64> {
    let mut ms = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f()?;
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    Ok(ms[ms.len() / 2])
}

fn main() -> Res<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("give the store's folder")?;
    let runs: usize = args.next().map_or(Ok(11), |r| r.parse())?;
    let store = Store::open_read_only(std::path::Path::new(&path))?;
    let options = QueryOptions::default();

    // The reference: who chaired the most chaired meeting label, as `govkg who-chaired` asks.
    let top = sparql::select(
        &store,
        "SELECT ?p (COUNT(DISTINCT ?m) AS ?n) WHERE { ?p gov:chairs ?m } GROUP BY ?p ORDER BY DESC(?n) LIMIT 1",
    )?;
    let chair = top
        .first()
        .and_then(|r| r.iri("p"))
        .ok_or("nobody chairs anything")?;
    let meeting = sparql::select(
        &store,
        &format!("SELECT ?l WHERE {{ {chair} gov:chairs ?m . ?m skos:prefLabel ?l }} LIMIT 1"),
    )?
    .first()
    .and_then(|r| r.nonempty("l"))
    .ok_or("the chair's meeting has no label")?;
    let who = sparql::who_chaired(Some(&meeting));
    let reference = median(runs, || {
        std::hint::black_box(sparql::select(&store, &who)?.len());
        Ok(())
    })?;

    // The most connected person: the most events in any role.
    let person: NamedNode = sparql::select(
        &store,
        "SELECT ?p (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e prov:qualifiedAssociation/prov:agent ?p . FILTER(STRSTARTS(STR(?p), \"https://w3id.org/govkg/id/person/\")) } GROUP BY ?p ORDER BY DESC(?n) LIMIT 1",
    )?
    .first()
    .and_then(|r| r.iri("p"))
    .ok_or("no person takes part in anything")?;
    let name = person
        .as_str()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();

    let mut rows: Vec<(String, f64)> = Vec::new();
    let t = Instant::now();
    let catalogue = Catalogue::load(&store, &options)?;
    rows.push((
        format!(
            "search catalogue, first read ({} entities), once",
            catalogue.len()
        ),
        t.elapsed().as_secs_f64() * 1000.0,
    ));
    let probe: String = name.chars().take(1).collect();
    rows.push((
        format!("search “{probe}” in the catalogue"),
        median(runs, || {
            std::hint::black_box(catalogue.search(&probe, 20).len());
            Ok(())
        })?,
    ));
    // What the server reads once and keeps, as it keeps the catalogue.
    let view = KnowledgeGraph::from_store(&store)?;
    rows.push((
        format!("profile of {name} (/api/entity)"),
        median(runs, || {
            let p = profile::profile(
                &store,
                &view,
                person.as_ref(),
                profile::DEFAULT_ROWS,
                &options,
            )?;
            std::hint::black_box(p.events.len());
            Ok(())
        })?,
    ));
    rows.push((
        format!("one-step diagram of {name}, DOT (/diagram's neighbourhood)"),
        median(runs, || {
            let (kg, center) = graph::neighbourhood(&store, &person, 60)?;
            let view = kg.view(Focus::Around { center, depth: 1 }, 40);
            std::hint::black_box(render::to_dot(&kg, &view, &Style::default()).len());
            Ok(())
        })?,
    ));
    let whole_runs = runs.min(3);
    rows.push((
        format!(
            "whole graph view built by queries (`graph central` after a change), {whole_runs} runs"
        ),
        median(whole_runs, || {
            let kg = KnowledgeGraph::from_queries(&store)?;
            std::hint::black_box(kg.co_attendance().centrality(&kg).len());
            Ok(())
        })?,
    ));
    KnowledgeGraph::from_store(&store)?;
    rows.push((
        "whole graph view kept beside the store (`graph central --top 20`, `govkg diagram`)"
            .to_string(),
        median(runs, || {
            let kg = KnowledgeGraph::from_store(&store)?;
            std::hint::black_box(kg.co_attendance().centrality(&kg).len());
            Ok(())
        })?,
    ));

    println!("store: {path}; {runs} runs; reference: who-chaired “{meeting}”");
    println!();
    println!("| figure | median ms | × who-chaired ({reference:.1} ms) |");
    println!("|---|---|---|");
    println!("| who-chaired “{meeting}” (reference) | {reference:.1} | 1.00× |");
    for (what, ms) in rows {
        println!("| {what} | {ms:.1} | {:.2}× |", ms / reference);
    }
    Ok(())
}
