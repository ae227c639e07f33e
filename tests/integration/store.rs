//! `govkg ingest`, `query`, `who-chaired` and `chaired-by` on an on-disk store built from the
//! seed page.

use std::io::Write;

use crate::util::{data, govkg, ok, seed_store, stderr, stdout, TempDir};

#[test]
fn who_chaired_answers_the_seed_meetings_with_date_and_evidence() {
    let dir = TempDir::new("who-chaired");
    let store = seed_store(&dir);
    let out = ok(govkg()
        .arg("--store")
        .arg(&store)
        .args(["who-chaired", "--format", "tsv"]));
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows.iter().any(|r| r.contains("林武")
            && r.contains("第五十八次")
            && r.contains("2022-01-04")
            && r.contains("林武主持召开")),
        "{text}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("韦韬") && r.contains("第九十三次会议")),
        "{text}"
    );
    let out = ok(govkg().arg("--store").arg(&store).args([
        "who-chaired",
        "第九十三次",
        "--format",
        "tsv",
    ]));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("韦韬") && !text.contains("林武"), "{text}");
    let out =
        ok(govkg()
            .arg("--store")
            .arg(&store)
            .args(["chaired-by", "林武", "--format", "tsv"]));
    assert!(stdout(&out).contains("第五十八次"), "{}", stdout(&out));
}

/// Counts the quads of the store with a SPARQL query through the command line.
fn count(store: &std::path::Path) -> u64 {
    let out = ok(govkg().arg("--store").arg(store).args([
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "--format",
        "tsv",
    ]));
    let text = stdout(&out);
    let n = text.lines().nth(1).expect("a row");
    n.split('^')
        .next()
        .unwrap()
        .trim_matches('"')
        .parse()
        .expect("a number")
}

#[test]
fn reingesting_replaces_and_never_duplicates() {
    let dir = TempDir::new("reingest");
    let store = seed_store(&dir);
    let before = count(&store);
    assert!(before > 500, "{before}");
    ok(govkg()
        .arg("--store")
        .arg(&store)
        .args(["ingest", "--date", "2022-01-05", "-q"])
        .arg(data("seed_page.txt")));
    assert_eq!(count(&store), before);
    // One article of the page changed: its graph is replaced, the others stay.
    let page = std::fs::read_to_string(data("seed_page.txt")).unwrap();
    let changed = dir.join("seed_page.txt");
    std::fs::write(&changed, page.replace("副省长于英杰通报有关情况。", "")).unwrap();
    ok(govkg()
        .arg("--store")
        .arg(&store)
        .args(["ingest", "--date", "2022-01-05", "-q"])
        .arg(&changed));
    let after = count(&store);
    assert!(after < before, "{after} < {before}");
    let out = ok(govkg().arg("--store").arg(&store).args([
        "query",
        "PREFIX gov: <https://w3id.org/govkg/ontology#> SELECT ?p WHERE { ?p gov:reports ?m }",
    ]));
    assert!(!stdout(&out).contains("于英杰"), "{}", stdout(&out));
}

/// A writer holds the store (an ingest reading standard input, which the test keeps open): a
/// second writer is told the store is in use, a reader that it is being written; both work
/// again once the writer is done.
#[test]
fn a_store_being_written_is_refused_to_other_writers_and_readers() {
    let dir = TempDir::new("in-use");
    let store = seed_store(&dir);
    let mut holder = govkg()
        .arg("--store")
        .arg(&store)
        .args(["ingest", "-q", "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let query = || {
        govkg()
            .arg("--store")
            .arg(&store)
            .args(["who-chaired", "--format", "tsv"])
            .output()
            .unwrap()
    };
    // Wait for the holder to take the store, however slow the machine: until then queries
    // still succeed.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let refused = loop {
        if let Some(status) = holder.try_wait().unwrap() {
            panic!("the holder ended first: {status}");
        }
        let out = query();
        if !out.status.success() {
            break out;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the holder never took the store"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(refused.status.code(), Some(1));
    let message = stderr(&refused);
    assert!(
        message.contains("being written by another govkg process"),
        "{message}"
    );
    assert!(message.contains(&store.display().to_string()), "{message}");
    let out = govkg()
        .arg("--store")
        .arg(&store)
        .args(["ingest", "-q"])
        .arg(data("seed_page.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("in use"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("RocksDB"), "{}", stderr(&out));
    holder
        .stdin
        .take()
        .unwrap()
        .write_all("1月4日，国务院总理李强主持召开国务院常务会议。".as_bytes())
        .unwrap();
    let held = holder.wait_with_output().unwrap();
    assert!(held.status.success(), "{}", stderr(&held));
    let out = ok(govkg()
        .arg("--store")
        .arg(&store)
        .args(["query", "SELECT ?p WHERE { ?p gov:chairs ?m }"]));
    assert!(stdout(&out).contains("李强"), "{}", stdout(&out));
}

#[test]
fn query_reports_bad_sparql_and_a_missing_store() {
    let dir = TempDir::new("bad-query");
    let store = seed_store(&dir);
    let out = govkg()
        .arg("--store")
        .arg(&store)
        .args(["query", "SELEC ?x WHERE {"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("invalid SPARQL query: error at 1:"), "{err}");
    // The parser's message once, not once per error wrapping it.
    assert_eq!(err.matches("error at 1:").count(), 1, "{err}");
    let out = govkg()
        .arg("--store")
        .arg(dir.join("nothing.db"))
        .args(["who-chaired"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no store at"), "{}", stderr(&out));
}
