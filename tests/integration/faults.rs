//! Process faults and repeated runs: an ingest killed with `kill -9` at random moments leaves
//! every article either whole or absent, and running it again completes the store; ingesting
//! the same input twice changes nothing; a changed article replaces its old version.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use govkg::vocab::graph;

use crate::util::{by_graph, data, export, export_nq, govkg, ok, TempDir};

/// The items of the bundled transcripts as JSON Lines, `copies` times under distinct ids.
/// `changed` alters every third article, so that its graph differs from the unchanged one.
fn corpus(path: &Path, copies: usize, changed: bool) -> usize {
    let mut out = std::fs::File::create(path).unwrap();
    let mut n = 0;
    for copy in 0..copies {
        for day in ["20220104", "20220228", "20230615"] {
            let text = std::fs::read_to_string(data(&format!("xwlb/{day}.md"))).unwrap();
            let date = format!("{}-{}-{}", &day[..4], &day[4..6], &day[6..]);
            for (k, item) in text.split("\n### ").skip(1).enumerate() {
                let mut item = item.to_owned();
                if changed && n % 3 == 0 {
                    item.push_str("\n国务院总理李强主持召开国务院常务会议。\n");
                }
                let id = format!("c{copy}-{day}-{k}");
                let record = serde_json::json!({"id": id, "date": date, "text": item});
                writeln!(out, "{record}").unwrap();
                n += 1;
            }
        }
    }
    n
}

/// A small deterministic random generator (xorshift64*), so that a failing run can be
/// repeated with its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Ingests `input` into a fresh store in `dir` and returns its export by graph, and how long it
/// took.
fn reference(dir: &TempDir, name: &str, input: &Path) -> (BTreeMap<String, Vec<String>>, Duration) {
    let store = dir.join(name);
    let start = Instant::now();
    ok(govkg()
        .arg("--store")
        .arg(&store)
        .args(["ingest", "-q"])
        .arg(input));
    let took = start.elapsed();
    (by_graph(&export(&store)), took)
}

/// `GOVKG_KILLS` kills (20 by default), `GOVKG_KILL_SEED` to repeat a run.
#[test]
fn an_ingest_killed_at_random_moments_leaves_whole_articles_and_resumes() {
    let dir = TempDir::new("kill");
    let (v1, v2) = (dir.join("v1.jsonl"), dir.join("v2.jsonl"));
    let articles = corpus(&v1, 3, false);
    assert_eq!(corpus(&v2, 3, true), articles);
    let (ref1, took1) = reference(&dir, "ref1", &v1);
    let (ref2, took2) = reference(&dir, "ref2", &v2);
    let ids = |r: &BTreeMap<String, Vec<String>>| {
        r.keys().filter(|g| g.starts_with(graph::ARTICLE)).count()
    };
    assert_eq!((ids(&ref1), ids(&ref2)), (articles, articles));
    let differing = ref1.iter().filter(|(g, q)| ref2.get(*g) != Some(q)).count();
    assert!(
        differing >= articles / 3,
        "{differing} of {articles} changed"
    );

    let kills = env_number("GOVKG_KILLS").unwrap_or(20);
    let seed = env_number("GOVKG_KILL_SEED").unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
            | 1
    });
    eprintln!("kill test: {kills} kills, GOVKG_KILL_SEED={seed}");
    let mut rng = Rng(seed);
    // Kill anywhere from the start of the process to a little past a whole ingest.
    let window = took1.max(took2).as_micros() as u64 * 6 / 5;
    let store = dir.join("victim");
    let (mut mid_way, mut stored_total) = (0, 0);
    for kill in 0..kills {
        // Every third kill starts from no store and lands early, often while RocksDB is still
        // making the store's files: the store must then be whole or absent, never unopenable.
        let fresh = kill % 3 == 0;
        if fresh {
            let _ = std::fs::remove_dir_all(&store);
        }
        let input = if rng.below(2) == 0 { &v1 } else { &v2 };
        // The other kills land on a store that exists: a new store is bulk-loaded beside its
        // place and renamed in only once whole, so killing its ingest never leaves articles,
        // and after a run of early kills no kill could land among per-article transactions.
        if !fresh && !store.exists() {
            ok(govkg()
                .arg("--store")
                .arg(&store)
                .args(["ingest", "-q"])
                .arg(input));
        }
        let mut child = govkg()
            .arg("--store")
            .arg(&store)
            .args(["ingest", "-q"])
            .arg(input)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let window = if fresh { window / 4 } else { window };
        std::thread::sleep(Duration::from_micros(rng.below(window)));
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();
        if !store.exists() {
            continue;
        }
        // The store opens, and each article in it is one of its two versions, whole.
        let now = by_graph(&export(&store));
        let mut present = 0;
        for (g, quads) in &now {
            if g.starts_with(graph::ARTICLE) {
                present += 1;
                assert!(
                    ref1.get(g) == Some(quads) || ref2.get(g) == Some(quads),
                    "kill {kill} (seed {seed}): {g} is neither version: {} quads",
                    quads.len()
                );
            } else {
                assert_eq!(ref1.get(g), Some(quads), "kill {kill} (seed {seed}): {g}");
            }
        }
        if !finished && present > 0 {
            mid_way += 1;
        }
        stored_total += present;
    }
    eprintln!(
        "kill test: {kills} kills, {mid_way} after some articles were stored, \
         {stored_total} article graphs checked"
    );
    if kills >= 10 {
        assert!(mid_way > 0, "no kill landed during an ingest (seed {seed})");
    }
    // Running it again completes the store: the same as a clean ingest, byte for byte.
    ok(govkg()
        .arg("--store")
        .arg(&store)
        .args(["ingest", "-q"])
        .arg(&v2));
    let done = by_graph(&export(&store));
    assert!(
        done == ref2,
        "the resumed store differs from a clean ingest"
    );
    assert_eq!(export_nq(&store), export_nq(&dir.join("ref2")));
}

/// Builds a store from the seed page and the transcripts, in the given order.
fn build(store: &Path, inputs: &[PathBuf]) {
    ok(govkg()
        .arg("--store")
        .arg(store)
        .args(["ingest", "-q", "--date", "2022-01-05"])
        .args(inputs));
}

#[test]
fn ingesting_twice_changes_nothing_and_a_changed_article_replaces_its_old_version() {
    let dir = TempDir::new("idempotent");
    let inputs = [data("seed_page.txt"), data("xwlb")];
    let store = dir.join("store");
    build(&store, &inputs);
    let first = export_nq(&store);
    assert!(first.lines().count() > 5000);
    build(&store, &inputs);
    assert_eq!(
        export_nq(&store),
        first,
        "a second ingest changed the store"
    );
    // The order of the inputs does not matter either.
    let reversed = dir.join("reversed");
    build(&reversed, &[data("xwlb"), data("seed_page.txt")]);
    assert_eq!(export_nq(&reversed), first);

    // One article of the page changed: its graph becomes the new version's, nothing else moves.
    let page = std::fs::read_to_string(data("seed_page.txt")).unwrap();
    let edited = dir.join("seed_page.txt");
    std::fs::write(&edited, page.replace("副省长于英杰通报有关情况。", "")).unwrap();
    let before = by_graph(&export(&store));
    build(&store, std::slice::from_ref(&edited));
    let after = by_graph(&export(&store));
    let fresh = dir.join("fresh");
    build(&fresh, &[edited]);
    let fresh = by_graph(&export(&fresh));
    let changed: Vec<&String> = before
        .keys()
        .filter(|g| before.get(*g) != after.get(*g))
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    let g = changed[0];
    assert!(g.ends_with("/seed_page-1"), "{g}");
    assert_eq!(after.get(g), fresh.get(g));
    assert!(!after[g].iter().any(|q| q.contains("于英杰通报")));
    assert_eq!(after.len(), before.len());
}

/// A new store is filled beside its place and renamed in only once whole: an ingest that
/// fails (`--strict` on a bad line) leaves no store, and nothing beside where it would be.
#[test]
fn a_new_store_that_fails_to_fill_is_not_left_behind() {
    let dir = TempDir::new("new-store-fails");
    let input = dir.join("bad.jsonl");
    let good = r#"{"id":"a1","title":"省委召开会议","date":"2022-01-04","text":"1月4日，省委书记林武主持召开省委常委会会议。"}"#;
    std::fs::write(&input, format!("{good}\n{{not json\n")).unwrap();
    let store = dir.join("new.db");
    let out = govkg()
        .arg("--store")
        .arg(&store)
        .args(["ingest", "-q", "--strict"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(!out.status.success(), "a bad line with --strict must fail");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("bad.jsonl"), "{said}");
    assert!(!store.exists(), "a store was left at {}", store.display());
    let beside: Vec<_> = std::fs::read_dir(dir.join(""))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "bad.jsonl")
        .collect();
    assert!(beside.is_empty(), "left beside: {beside:?}");
    // Without --strict the bad line is skipped and the store is made, by the bulk loader.
    let out = ok(govkg()
        .arg("--store")
        .arg(&store)
        .args(["ingest"])
        .arg(&input));
    assert!(String::from_utf8_lossy(&out.stderr).contains("(bulk load)"));
    assert!(store.join("CURRENT").is_file());
}
