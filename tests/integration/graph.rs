//! `govkg graph` (neighbours, path, central, co-attend) on the store of the seed page and on
//! bundled 新闻联播 transcripts.

use serde_json::Value;

use crate::util::{ok_on, on_store, seed_store, stderr, stdout, xwlb_store, TempDir};

fn graph_json(store: &std::path::Path, args: &[&str]) -> Value {
    let args: Vec<&str> = ["graph"]
        .iter()
        .chain(args)
        .chain(&["--format", "json"])
        .copied()
        .collect();
    let out = ok_on(store, &args);
    serde_json::from_slice(&out.stdout).expect("graph --format json prints JSON")
}

#[test]
fn lin_wu_reaches_zhang_xinwei_through_wei_tao() {
    let dir = TempDir::new("graph-path");
    let store = seed_store(&dir);
    let steps = graph_json(&store, &["path", "林武", "张新伟"]);
    let steps = steps.as_array().expect("steps");
    let people: Vec<&str> = steps.iter().filter_map(|s| s["subject"].as_str()).collect();
    assert_eq!(people.first(), Some(&"林武"), "{steps:?}");
    assert_eq!(people.last(), Some(&"张新伟"), "{steps:?}");
    assert!(people.contains(&"韦韬"), "{people:?}");
    // Every step has the sentence behind it.
    for s in steps {
        assert!(
            !s["evidence"]["sentence"].as_str().unwrap().is_empty(),
            "{s}"
        );
    }
    let text = stdout(&ok_on(&store, &["graph", "path", "林武", "张新伟"]));
    assert!(
        text.contains("经过 韦韬")
            && text.contains("韦韬 —主持→")
            && text.contains("张新伟提具体要求"),
        "{text}"
    );
    // Two people never in one room: no path, and the message says how to widen it.
    let out = on_store(&store, &["graph", "path", "林武", "晋源区旅游大厦"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--any-relation"), "{}", stderr(&out));
}

#[test]
fn neighbours_of_wei_tao_carry_their_facts() {
    let dir = TempDir::new("graph-neighbours");
    let store = seed_store(&dir);
    let rows = graph_json(&store, &["neighbours", "韦韬"]);
    let names: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect();
    assert!(names.contains(&"太原市委"), "{names:?}");
    assert!(names.iter().any(|n| n.contains("第九十三次")), "{names:?}");
    assert!(
        !names.contains(&"林武"),
        "林武 is two steps away: {names:?}"
    );
    let two = graph_json(&store, &["neighbours", "韦韬", "--depth", "2"]);
    assert!(two.to_string().contains("林武"), "{two}");
    let out = on_store(&store, &["graph", "neighbours", "无此人"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("无此人"), "{}", stderr(&out));
}

#[test]
fn co_attendance_and_centrality_on_the_seed() {
    let dir = TempDir::new("graph-central");
    let store = seed_store(&dir);
    let central = graph_json(&store, &["central", "--top", "3"]);
    let central = central.as_array().unwrap();
    assert_eq!(central.len(), 3);
    // 韦韬 sat in both meetings: the bridge of the network.
    assert_eq!(central[0]["person"], "韦韬", "{central:?}");
    let ranks: Vec<f64> = central
        .iter()
        .map(|c| c["pagerank"].as_f64().unwrap())
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] >= w[1]), "{ranks:?}");
    let pairs = graph_json(&store, &["co-attend", "--min", "1"]);
    let pairs = pairs.as_array().unwrap();
    assert!(pairs
        .iter()
        .any(|p| p["a"] == "林武" && p["b"] == "韦韬" || p["a"] == "韦韬" && p["b"] == "林武"));
    assert!(graph_json(&store, &["co-attend", "--min", "2"])
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn the_standing_committee_is_central_in_the_transcripts() {
    let dir = TempDir::new("graph-xwlb");
    let store = xwlb_store(&dir);
    let central = graph_json(&store, &["central", "--top", "5"]);
    let top: Vec<&str> = central
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["person"].as_str())
        .collect();
    for name in ["习近平", "李克强"] {
        assert!(top.contains(&name), "{name} not among {top:?}");
    }
    let text = stdout(&ok_on(&store, &["graph", "central", "--lang", "en"]));
    assert!(
        text.contains("pagerank") && text.contains("习近平"),
        "{text}"
    );
}

/// The graph view kept in the store's folder is read back while the store is unchanged, and
/// built again once an ingest changed it: a second ingest's people are central at once.
#[test]
fn the_kept_graph_view_follows_the_store() {
    let dir = TempDir::new("graph-index");
    let store = seed_store(&dir);
    let index = store.join(govkg::graph::index::FILE);
    assert!(!index.exists(), "ingest builds no view");
    let people = |store: &std::path::Path| -> Vec<String> {
        graph_json(store, &["central", "--top", "500"])
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["person"].as_str().unwrap().to_string())
            .collect()
    };
    let first = people(&store);
    assert!(index.exists(), "the first reader keeps the view");
    let kept = std::fs::read(&index).unwrap();
    assert_eq!(people(&store), first, "the kept view answers the same");
    assert_eq!(
        std::fs::read(&index).unwrap(),
        kept,
        "and is not written again"
    );
    assert!(!first.iter().any(|p| p == "习近平"), "{first:?}");

    ok_on(
        &store,
        &["ingest", "-q", crate::util::data("xwlb").to_str().unwrap()],
    );
    let after = people(&store);
    assert!(after.iter().any(|p| p == "习近平"), "{after:?}");
    assert!(first.iter().all(|p| after.contains(p)), "{after:?}");
    assert_ne!(
        std::fs::read(&index).unwrap(),
        kept,
        "the view was built again"
    );

    // A damaged view is ignored and replaced.
    std::fs::write(&index, "{").unwrap();
    assert_eq!(people(&store), after);
}
