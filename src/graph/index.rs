//! The graph view kept beside the store: written in the store's folder after a whole load,
//! read instead of the store's queries for as long as the store's files are unchanged.
//!
//! Building the view reads every relation of the store (seconds on a few years of 新闻联播,
//! and growing with the store); reading it back takes milliseconds. The view is a cache, never
//! a second source of truth: it is tied to a *fingerprint* of the store's own files (their
//! names, sizes and modification times), and any write to the store, by `govkg ingest`, a
//! writable `govkg serve` or another program using oxigraph, appends to RocksDB's log or adds
//! files, which changes the fingerprint and makes the next reader build the view again.
//! Opening a store for writing without writing may also change it; that costs one rebuild,
//! never a stale answer. Writers hold the store's lock alone ([`crate::store::LOCK_FILE`]), so
//! a reader never sees files change under it.
//!
//! The file is written whole or not at all (to a temporary file, then renamed), and a file
//! that cannot be read, is from another govkg or another fingerprint is ignored. A store on
//! read-only media simply gets no index.

use std::fs;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use petgraph::graph::NodeIndex;

use super::{Edge, KnowledgeGraph, Node};
use crate::sparql::{PostHeld, TermLabels};

/// The index's file name in the store's folder.
pub const FILE: &str = "govkg-graph-view.json";

/// Files of the folder that are not the store's data: the index itself, the lock, and
/// RocksDB's information logs, which a reader may write to.
fn is_data(name: &str) -> bool {
    name != FILE
        && name != crate::store::LOCK_FILE
        && !name.starts_with("LOG")
        && !name.starts_with(".tmp")
}

/// The view as written: nodes in index order, edges as (source, target, edge).
#[derive(Serialize, Deserialize)]
struct Saved {
    /// govkg's version and [`FORMAT`]: another build may load the view differently.
    made_by: String,
    fingerprint: String,
    nodes: Vec<Node>,
    edges: Vec<(usize, usize, Edge)>,
    /// People's posts, by IRI, each person's in order (their rank in the sentence is not kept).
    posts: Vec<(String, Vec<PostHeld>)>,
}

/// Bumped when [`KnowledgeGraph::from_store`] would build a different view from the same
/// store, so that indexes written before are rebuilt.
const FORMAT: u32 = 3;

fn made_by() -> String {
    format!("govkg {} view {FORMAT}", env!("CARGO_PKG_VERSION"))
}

/// The fingerprint of the store's files in `dir`.
pub fn fingerprint(dir: &Path) -> io::Result<String> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_data(&name) {
            continue;
        }
        let meta = entry.metadata()?;
        let modified = meta
            .modified()?
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        files.push(format!("{name}\t{}\t{modified}\n", meta.len()));
    }
    files.sort();
    let mut hash = Sha256::new();
    for f in &files {
        hash.update(f.as_bytes());
    }
    Ok(hash.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// The view saved in `dir` for `fingerprint`, if there is one and it reads; its links named
/// with `labels`.
pub fn read(dir: &Path, fingerprint: &str, labels: TermLabels) -> Option<KnowledgeGraph> {
    let file = fs::File::open(dir.join(FILE)).ok()?;
    let saved: Saved = serde_json::from_reader(BufReader::new(file)).ok()?;
    let fits = saved.made_by == made_by()
        && saved.fingerprint == fingerprint
        && saved
            .edges
            .iter()
            .all(|&(s, o, _)| s < saved.nodes.len() && o < saved.nodes.len());
    if !fits {
        return None;
    }
    let mut kg = KnowledgeGraph::new(labels);
    for n in saved.nodes {
        kg.add_node(n);
    }
    for (s, o, e) in saved.edges {
        kg.add_edge(NodeIndex::new(s), NodeIndex::new(o), e);
    }
    for (person, posts) in saved.posts {
        kg.set_posts(person, posts);
    }
    Some(kg)
}

/// Saves `kg` in `dir` for `fingerprint`, replacing an earlier index only once it is whole.
pub fn write(dir: &Path, fingerprint: &str, kg: &KnowledgeGraph) -> io::Result<()> {
    let saved = Saved {
        made_by: made_by(),
        fingerprint: fingerprint.to_string(),
        nodes: kg.graph.node_weights().cloned().collect(),
        edges: kg
            .graph
            .raw_edges()
            .iter()
            .map(|e| (e.source().index(), e.target().index(), e.weight.clone()))
            .collect(),
        posts: kg
            .posts()
            .map(|(p, held)| (p.to_string(), held.to_vec()))
            .collect(),
    };
    let mut tmp = tempfile::Builder::new().prefix(".tmp").tempfile_in(dir)?;
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        serde_json::to_writer(&mut out, &saved)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(dir.join(FILE)).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_follows_the_data_files_only() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("000001.sst"), "a").unwrap();
        let first = fingerprint(dir.path()).unwrap();
        for name in [FILE, crate::store::LOCK_FILE, "LOG", "LOG.old.1"] {
            fs::write(dir.path().join(name), "x").unwrap();
            assert_eq!(fingerprint(dir.path()).unwrap(), first, "{name}");
        }
        fs::write(dir.path().join("000001.sst"), "ab").unwrap();
        let grown = fingerprint(dir.path()).unwrap();
        assert_ne!(grown, first);
        fs::write(dir.path().join("000002.log"), "").unwrap();
        assert_ne!(fingerprint(dir.path()).unwrap(), grown);
    }

    #[test]
    fn a_view_is_read_back_only_for_its_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let mut kg = KnowledgeGraph::default();
        let node = |iri: &str| Node {
            iri: iri.into(),
            label: iri.into(),
            kind: super::super::NodeKind::Person,
            date: None,
            post: Some("主席".into()),
        };
        let a = kg.add_node(node("a"));
        let b = kg.add_node(node("b"));
        kg.add_edge(
            a,
            b,
            Edge {
                link: super::super::Link::Post { post: "x".into() },
                date: Some("2022-01-01".into()),
                evidence: Default::default(),
            },
        );
        let held = PostHeld {
            post: "省长".into(),
            resolved: "山西省长".into(),
            body: None,
            body_label: None,
            first: Some("2022-01-01".into()),
            last: Some("2022-02-01".into()),
            position: None,
            evidence: Default::default(),
        };
        kg.add_post("a", held.clone());
        write(dir.path(), "f1", &kg).unwrap();
        let back = read(dir.path(), "f1", TermLabels::default()).expect("read back");
        let nodes: Vec<&Node> = back.graph.node_weights().collect();
        assert_eq!(nodes, vec![&node("a"), &node("b")]);
        let edges = back.graph.raw_edges();
        assert_eq!(edges.len(), 1);
        assert_eq!(
            (edges[0].source().index(), edges[0].target().index()),
            (0, 1)
        );
        assert!(read(dir.path(), "f2", TermLabels::default()).is_none());
        fs::write(dir.path().join(FILE), "{").unwrap();
        assert!(read(dir.path(), "f1", TermLabels::default()).is_none());
    }
}
