//! Parallel runs give what sequential runs give: `govkg extract` writes the same bytes and
//! `govkg ingest` the same store whatever the number of threads, and the bulk loader (the first
//! ingest into an empty store) writes what article-by-article transactions write.

use std::path::{Path, PathBuf};

use crate::util::{data, export, govkg, ok, stderr, TempDir};

/// The inputs: three 新闻联播 transcripts (fifty articles) and the seed newspaper page.
fn inputs() -> Vec<PathBuf> {
    vec![data("xwlb"), data("seed_page.txt")]
}

fn extract_jsonl(jobs: &str) -> Vec<u8> {
    ok(govkg()
        .args(["extract", "-q", "--date", "2022-01-05", "--jobs", jobs])
        .args(inputs()))
    .stdout
}

fn ingest(store: &Path, extra: &[&str], inputs: &[PathBuf]) -> String {
    let out = ok(govkg()
        .arg("--store")
        .arg(store)
        .args(["ingest", "--date", "2022-01-05"])
        .args(extra)
        .args(inputs));
    stderr(&out)
}

#[test]
fn extraction_is_byte_identical_on_one_thread_and_on_several() {
    let one = extract_jsonl("1");
    assert!(one.len() > 100_000, "{} bytes", one.len());
    for jobs in ["2", "4"] {
        assert!(
            one == extract_jsonl(jobs),
            "--jobs {jobs} wrote other JSON Lines than --jobs 1"
        );
    }
}

#[test]
fn stores_are_identical_on_one_thread_and_on_several_bulk_or_not() {
    let dir = TempDir::new("parallel-store");
    let inputs = inputs();
    let sequential = dir.join("sequential.db");
    let said = ingest(&sequential, &["--jobs", "1", "--no-bulk"], &inputs);
    assert!(!said.contains("bulk load"), "{said}");
    let expected = export(&sequential);
    assert!(expected.len() > 10_000, "{} quads", expected.len());
    let cases: &[(&str, &[&str])] = &[
        ("bulk-1", &["--jobs", "1", "--bulk"]),
        ("bulk-4", &["--jobs", "4", "--bulk", "--bulk-memory", "1"]),
        ("transactions-4", &["--jobs", "4", "--no-bulk"]),
        // A new store is bulk-loaded beside its place unless told otherwise.
        ("default-2", &["--jobs", "2"]),
    ];
    for (name, args) in cases {
        let store = dir.join(&format!("{name}.db"));
        let said = ingest(&store, args, &inputs);
        assert_eq!(
            said.contains("(bulk load)"),
            !args.contains(&"--no-bulk"),
            "{name}: {said}"
        );
        assert!(
            export(&store) == expected,
            "{name}: other quads than --jobs 1 --no-bulk"
        );
    }
}

#[test]
fn after_a_bulk_load_ingest_replaces_and_an_input_given_twice_counts_once() {
    let dir = TempDir::new("parallel-replace");
    let page = data("seed_page.txt");
    let once = dir.join("once.db");
    ingest(&once, &["--no-bulk"], std::slice::from_ref(&page));
    let expected = export(&once);
    // The same articles twice in one bulk load: the second replaces the first.
    let twice = dir.join("twice.db");
    let said = ingest(&twice, &["--bulk"], &[page.clone(), page.clone()]);
    assert!(said.contains("(bulk load)"), "{said}");
    assert!(
        export(&twice) == expected,
        "an article given twice was merged, not replaced"
    );
    // The store now has articles, so the next ingest goes article by article, replacing.
    let said = ingest(&twice, &["--bulk"], &[page]);
    assert!(!said.contains("bulk load"), "{said}");
    assert!(
        export(&twice) == expected,
        "re-ingesting after a bulk load changed the store"
    );
}

#[test]
fn no_progress_bar_when_standard_error_is_not_a_terminal_nor_with_quiet() {
    let dir = TempDir::new("parallel-quiet");
    let said = ingest(&dir.join("a.db"), &[], &inputs());
    assert_eq!(said.lines().count(), 1, "{said:?}");
    assert!(said.starts_with("ingested "), "{said:?}");
    assert!(!said.contains('\r') && !said.contains('\u{1b}'), "{said:?}");
    let said = ingest(&dir.join("b.db"), &["-q"], &inputs());
    assert_eq!(said, "");
}
