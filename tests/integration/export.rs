//! `govkg export` and `govkg validate` on an on-disk store built from the seed page.

use crate::util::{govkg, ok, seed_store, stderr, stdout, TempDir};

/// A count from `govkg query … --format csv`.
fn count(store: &std::path::Path, query: &str) -> usize {
    let out = ok(govkg()
        .arg("--store")
        .arg(store)
        .args(["query", query, "--format", "csv"]));
    stdout(&out)
        .lines()
        .nth(1)
        .expect("a row")
        .trim()
        .parse()
        .expect("a number")
}

#[test]
fn exports_hold_what_the_store_holds() {
    let dir = TempDir::new("export");
    let store = seed_store(&dir);
    let quads = count(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    );
    let ontology = count(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/govkg/graph/ontology> { ?s ?p ?o } }",
    );
    let triples = count(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }",
    );
    assert!(triples < quads, "the seed's articles share triples");
    let export = |args: &[&str]| {
        let out = ok(govkg().arg("--store").arg(&store).arg("export").args(args));
        (stdout(&out), stderr(&out))
    };
    let (nq, note) = export(&["--format", "nq"]);
    assert_eq!(nq.lines().count(), quads);
    assert!(note.contains(&format!("exported {quads} quads")), "{note}");
    let (nq, _) = export(&["--format", "nq", "--no-ontology"]);
    assert_eq!(nq.lines().count(), quads - ontology);
    let (nt, _) = export(&["--format", "nt"]);
    assert_eq!(nt.lines().count(), triples);
    let (one, _) = export(&["--format", "nt", "--graph", "seed_page-2"]);
    let graph = count(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/govkg/graph/article/seed_page-2> { ?s ?p ?o } }",
    );
    assert_eq!(one.lines().count(), graph);
    assert!(one.contains("韦韬"));
    let file = dir.join("seed.ttl");
    ok(govkg()
        .arg("--store")
        .arg(&store)
        .args(["export", "--format", "ttl", "-o"])
        .arg(&file));
    let ttl = std::fs::read_to_string(&file).unwrap();
    assert!(
        ttl.contains("@prefix gov:") && ttl.contains("person:林武"),
        "{ttl:.300}"
    );

    let out = govkg()
        .arg("--store")
        .arg(&store)
        .args(["export", "--format", "nq", "--graph", "no-such-article"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no graph <https://w3id.org/govkg/graph/article/no-such-article>")
    );
}

#[test]
fn validate_runs_pyshacl_on_the_store() {
    let dir = TempDir::new("validate");
    let store = seed_store(&dir);
    let out = govkg()
        .arg("--store")
        .arg(&store)
        .arg("validate")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).contains("4 of 4 graphs conform"),
        "{}",
        stdout(&out)
    );
    let out = govkg()
        .arg("--store")
        .arg(&store)
        .args(["validate", "--python", "/nonexistent/python3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("pip install pyshacl"),
        "{}",
        stderr(&out)
    );
}
