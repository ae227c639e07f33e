//! The graph view's answers written for people: tables whose evidence column cites numbered
//! sentences listed below, in Chinese or English. Programs take the same rows as JSON.

use std::io::{self, Write};

use petgraph::graph::{EdgeIndex, NodeIndex};
use serde::Serialize;

use super::{Centrality, Fact, KnowledgeGraph, NodeKind, Pair, Reached};
use crate::sparql::Citations;
use crate::store::write_table;

/// A node reached from a centre, with the fact it was reached by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Neighbour {
    pub depth: usize,
    pub name: String,
    pub kind: NodeKind,
    pub iri: String,
    pub via: Fact,
}

fn headers(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| c.to_string()).collect()
}

fn articles(lang: &str) -> &'static str {
    if lang == "zh" {
        "篇文章"
    } else {
        "articles"
    }
}

/// The rows of a neighbourhood.
pub fn neighbours(kg: &KnowledgeGraph, reached: &[Reached], lang: &str) -> Vec<Neighbour> {
    reached
        .iter()
        .filter_map(|r| {
            let n = kg.node(r.node);
            Some(Neighbour {
                depth: r.depth,
                name: kg.describe(r.node),
                kind: n.kind,
                iri: n.iri.clone(),
                via: kg.fact(r.edge, lang)?,
            })
        })
        .collect()
}

/// Writes a neighbourhood: each node with the fact that links it.
pub fn write_neighbours(rows: &[Neighbour], lang: &str, out: &mut impl Write) -> io::Result<()> {
    let zh = lang == "zh";
    let header = if zh {
        headers(&["步", "名称", "类型", "关系", "证据"])
    } else {
        headers(&["depth", "name", "kind", "fact", "evidence"])
    };
    let mut cites = Citations::default();
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.depth.to_string(),
                r.name.clone(),
                r.kind.name(lang).to_string(),
                format!("{} —{}→ {}", r.via.subject, r.via.relation, r.via.object),
                cites.cite(&r.via.evidence),
            ]
        })
        .collect();
    write_table(&header, &table, out)?;
    cites.write(articles(lang), out)
}

/// The facts of a path, in order, each as stated (subject → object) whichever way it was walked.
pub fn path(
    kg: &KnowledgeGraph,
    steps: &[(NodeIndex, EdgeIndex, NodeIndex)],
    lang: &str,
) -> Vec<Fact> {
    steps
        .iter()
        .filter_map(|&(_, e, _)| kg.fact(e, lang))
        .collect()
}

/// Writes a path as numbered steps with their evidence.
pub fn write_path(
    kg: &KnowledgeGraph,
    steps: &[(NodeIndex, EdgeIndex, NodeIndex)],
    lang: &str,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut cites = Citations::default();
    if let (Some(first), Some(last)) = (steps.first(), steps.last()) {
        // The people the connection runs through, by name: who links the two.
        let mut people: Vec<String> = Vec::new();
        for s in steps {
            let n = s.2;
            let name = kg.describe(n);
            if kg.node(n).kind == NodeKind::Person && n != last.2 && !people.contains(&name) {
                people.push(name);
            }
        }
        let (a, b, n) = (kg.describe(first.0), kg.describe(last.2), steps.len());
        match (lang, people.is_empty()) {
            ("zh", true) => writeln!(out, "{a} → {b}：{n} 步")?,
            ("zh", false) => writeln!(out, "{a} → {b}：{n} 步，经过 {}", people.join("、"))?,
            (_, true) => writeln!(out, "{a} → {b}: {n} steps")?,
            (_, false) => writeln!(out, "{a} → {b}: {n} steps, through {}", people.join(", "))?,
        }
    }
    for (i, fact) in path(kg, steps, lang).iter().enumerate() {
        writeln!(
            out,
            "{:>2}. {} —{}→ {}  {}",
            i + 1,
            fact.subject,
            fact.relation,
            fact.object,
            cites.cite(&fact.evidence)
        )?;
    }
    cites.write(articles(lang), out)
}

/// Writes people by centrality.
pub fn write_central(rows: &[Centrality], lang: &str, out: &mut impl Write) -> io::Result<()> {
    let header = if lang == "zh" {
        headers(&[
            "名次",
            "人物",
            "职务",
            "PageRank",
            "共同出席者",
            "共同出席次数",
            "出席活动",
        ])
    } else {
        headers(&[
            "rank",
            "person",
            "post",
            "pagerank",
            "co-attendees",
            "shared",
            "events",
        ])
    };
    let table: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                (i + 1).to_string(),
                c.person.clone(),
                c.post.clone().unwrap_or_default(),
                format!("{:.4}", c.pagerank),
                c.degree.to_string(),
                c.weighted_degree.to_string(),
                c.events.to_string(),
            ]
        })
        .collect();
    write_table(&header, &table, out)
}

/// The pairs as a CSV edge list (RFC 4180) for spreadsheets and network tools: both names,
/// both IRIs, the number of shared events and the events, `; `-separated.
pub fn write_pairs_csv(rows: &[Pair], out: &mut impl Write) -> io::Result<()> {
    let field = |s: &str| -> String {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    writeln!(out, "a,b,a_iri,b_iri,shared,events")?;
    for p in rows {
        writeln!(
            out,
            "{},{},{},{},{},{}",
            field(&p.a),
            field(&p.b),
            field(&p.a_iri),
            field(&p.b_iri),
            p.shared,
            field(&p.events.join("; "))
        )?;
    }
    Ok(())
}

/// Writes pairs of people by the events they shared (the first three of them named).
pub fn write_pairs(rows: &[Pair], lang: &str, out: &mut impl Write) -> io::Result<()> {
    let header = if lang == "zh" {
        headers(&["人物", "人物", "共同出席", "活动"])
    } else {
        headers(&["person", "person", "shared", "events"])
    };
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|p| {
            let mut events = p
                .events
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ");
            if p.events.len() > 3 {
                events.push_str("; …");
            }
            vec![p.a.clone(), p.b.clone(), p.shared.to_string(), events]
        })
        .collect();
    write_table(&header, &table, out)
}
