//! Helpers shared by the integration tests: running the binary, temporary folders, test data.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `govkg` binary cargo built for these tests, or the one `GOVKG_BIN` names (a copy, when
/// the target folder is shared with builds of other checkouts that may replace it meanwhile).
pub fn govkg() -> Command {
    match std::env::var_os("GOVKG_BIN") {
        Some(bin) => Command::new(bin),
        None => Command::new(env!("CARGO_BIN_EXE_govkg")),
    }
}

/// A file of `tests/data`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// A fresh empty folder under the target directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "govkg-test-{name}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs a command and returns its output, failing the test with its stderr if it failed.
pub fn ok(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("run govkg");
    assert!(
        out.status.success(),
        "{cmd:?} failed with {}:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A store built from the seed page (published 2022-01-05) in `dir`.
pub fn seed_store(dir: &TempDir) -> PathBuf {
    let store = dir.join("seed.db");
    ok(govkg()
        .arg("--store")
        .arg(&store)
        .args(["ingest", "--date", "2022-01-05", "-q"])
        .arg(data("seed_page.txt")));
    store
}

/// Runs `govkg --store STORE ARGS…` and returns its output, whether it succeeded or not.
pub fn on_store(store: &Path, args: &[&str]) -> Output {
    govkg()
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("run govkg")
}

/// A store of the bundled 新闻联播 transcripts (`tests/data/xwlb`) in `dir`.
pub fn xwlb_store(dir: &TempDir) -> PathBuf {
    let store = dir.join("xwlb.db");
    ok(govkg()
        .arg("--store")
        .arg(&store)
        .args(["ingest", "-q"])
        .arg(data("xwlb")));
    store
}

/// Runs `govkg --store STORE ARGS…`, failing the test with its stderr if it failed.
pub fn ok_on(store: &Path, args: &[&str]) -> Output {
    ok(govkg().arg("--store").arg(store).args(args))
}

/// The store's N-Quads exactly as `govkg export` writes them, to compare stores byte for byte.
pub fn export_nq(store: &Path) -> String {
    stdout(&ok(govkg()
        .arg("--store")
        .arg(store)
        .args(["export", "--format", "nq", "-q"])))
}

/// The store's quads as `govkg export` writes them, one N-Quads line each, sorted.
pub fn export(store: &Path) -> Vec<String> {
    let mut lines: Vec<String> = export_nq(store).lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

/// Sorted N-Quads lines grouped by their graph IRI. govkg puts every quad in a named graph
/// (the ontology's or an article's), so a line's last term is its graph.
pub fn by_graph(lines: &[String]) -> BTreeMap<String, Vec<String>> {
    let mut graphs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for l in lines {
        let graph = l
            .strip_suffix("> .")
            .and_then(|body| body.rfind(" <").map(|i| &body[i + 2..]))
            .unwrap_or_else(|| panic!("no graph in {l}"));
        graphs.entry(graph.to_owned()).or_default().push(l.clone());
    }
    graphs
}

/// The article ids of `govkg extract --format jsonl` output.
pub fn article_ids(jsonl: &str) -> std::collections::BTreeSet<String> {
    jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|r| r["kind"] == "article")
        .filter_map(|r| r["id"].as_str().map(str::to_owned))
        .collect()
}
