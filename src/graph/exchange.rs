//! The graph in the files network-analysis tools read: GraphML (networkx, Cytoscape, yEd) and
//! GEXF 1.3 (Gephi), for the whole entity graph and for the weighted network of people who
//! attended the same events.
//!
//! Nodes are identified by their IRIs, so a node in a tool is the entity of the store and of
//! every other export. A node has its label, its type (`person`, `body`, `event`, `place`) and,
//! where known, an event's date and a person's post. An edge of the entity graph is one
//! relation as the store states it: its kind (the JSON Lines predicate name: `chairs`,
//! `attends` …, `post` for a post held, the property's IRI for a property outside govkg's
//! relations), its date, the article it is written in, the evidence sentence and how many
//! articles state it. Parallel edges are kept (two articles may both say who chaired).
//!
//! ```
//! use govkg::graph::exchange::{write_graph, NetworkFormat};
//! use govkg::graph::{KnowledgeGraph, Node, NodeKind};
//!
//! let mut kg = KnowledgeGraph::default();
//! kg.add_node(Node {
//!     iri: "https://example.org/a&b".into(),
//!     label: "李强".into(),
//!     kind: NodeKind::Person,
//!     date: None,
//!     post: Some("国务院总理".into()),
//! });
//! let mut out = Vec::new();
//! write_graph(&kg, NetworkFormat::GraphMl, &mut out).unwrap();
//! let xml = String::from_utf8(out).unwrap();
//! assert!(xml.contains(r#"<node id="https://example.org/a&amp;b">"#));
//! assert!(xml.contains(r#"<data key="label">李强</data>"#));
//! ```

use std::io::{self, Write};

use petgraph::visit::EdgeRef;

use super::{CoAttendance, KnowledgeGraph, Link, Node};

/// A file format of network-analysis tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFormat {
    /// GraphML 1.0 (`http://graphml.graphdrawing.org/xmlns`).
    GraphMl,
    /// GEXF 1.3 (`http://gexf.net/1.3`), Gephi's format.
    Gexf,
}

/// What an attribute holds, for the formats' declarations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Text,
    Integer,
}

/// An attribute of nodes or edges: its name and type, declared once and written where a value
/// is present.
struct Attribute {
    name: &'static str,
    ty: Type,
}

impl Type {
    /// Its name in both formats' declarations.
    fn xml_name(self) -> &'static str {
        match self {
            Type::Text => "string",
            Type::Integer => "long",
        }
    }
}

const fn text(name: &'static str) -> Attribute {
    Attribute {
        name,
        ty: Type::Text,
    }
}

const fn integer(name: &'static str) -> Attribute {
    Attribute {
        name,
        ty: Type::Integer,
    }
}

/// The attributes of a node, in the order of [`node_values`].
const NODE_ATTRIBUTES: [Attribute; 5] = [
    text("label"),
    text("type"),
    text("date"),
    text("post"),
    integer("events"),
];

/// The attributes of an entity graph's edge, in the order of [`edge_values`].
const EDGE_ATTRIBUTES: [Attribute; 5] = [
    text("kind"),
    text("date"),
    text("article"),
    text("evidence"),
    integer("sources"),
];

/// The attributes of a co-attendance edge: the number of shared events (also the edge's
/// weight) and their labels.
const PAIR_ATTRIBUTES: [Attribute; 2] = [integer("shared"), text("events")];

/// A network to write: nodes as (id, attribute values), edges as (source, target, weight,
/// attribute values); values in the order of the attribute lists.
struct Network<'a> {
    directed: bool,
    description: &'a str,
    node_attributes: &'a [Attribute],
    edge_attributes: &'a [Attribute],
    nodes: Vec<(&'a str, Vec<Option<String>>)>,
    edges: Vec<(&'a str, &'a str, usize, Vec<Option<String>>)>,
}

fn node_values(node: &Node, events: Option<usize>) -> Vec<Option<String>> {
    vec![
        Some(node.label.clone()),
        Some(node.kind.name("en").to_string()),
        node.date.clone(),
        node.post.clone(),
        events.map(|n| n.to_string()),
    ]
}

/// An edge's kind: the relation's JSON Lines name, `post`, or the property's IRI.
fn kind(link: &Link) -> String {
    match link {
        Link::Fact { relation } => relation.spec().name.to_string(),
        Link::Post { .. } => "post".to_string(),
        Link::Other { property } => property.clone(),
    }
}

/// Writes the entity graph: every node, every edge with its evidence.
pub fn write_graph(
    kg: &KnowledgeGraph,
    format: NetworkFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    let g = &kg.graph;
    let network = Network {
        directed: true,
        description: "govkg: people, bodies, events and places, and the relations between them",
        node_attributes: &NODE_ATTRIBUTES,
        edge_attributes: &EDGE_ATTRIBUTES,
        nodes: g
            .node_indices()
            .map(|i| (g[i].iri.as_str(), node_values(&g[i], None)))
            .collect(),
        edges: g
            .edge_references()
            .map(|e| {
                let w = e.weight();
                let values = vec![
                    Some(kind(&w.link)),
                    w.date.clone(),
                    Some(w.evidence.article.clone()).filter(|a| !a.is_empty()),
                    Some(w.evidence.sentence.clone()).filter(|s| !s.is_empty()),
                    Some(w.evidence.sources.to_string()),
                ];
                (
                    g[e.source()].iri.as_str(),
                    g[e.target()].iri.as_str(),
                    1,
                    values,
                )
            })
            .collect(),
    };
    network.write(format, out)
}

/// Writes the network of people who were present at the same events, pairs who shared at
/// least `min`: an undirected edge per pair weighted by the events they shared, a node per
/// person with the number of events they were present at.
pub fn write_co_attendance(
    kg: &KnowledgeGraph,
    co: &CoAttendance,
    min: usize,
    format: NetworkFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    let pairs = co.pairs(kg, min);
    let mut people: Vec<&str> = pairs
        .iter()
        .flat_map(|p| [p.a_iri.as_str(), p.b_iri.as_str()])
        .collect();
    people.sort_unstable();
    people.dedup();
    let network = Network {
        directed: false,
        description: "govkg: people linked by the events both were present at",
        node_attributes: &NODE_ATTRIBUTES,
        edge_attributes: &PAIR_ATTRIBUTES,
        nodes: people
            .iter()
            .filter_map(|&iri| {
                let i = kg.index_of(iri)?;
                Some((iri, node_values(kg.node(i), co.events.get(&i).copied())))
            })
            .collect(),
        edges: pairs
            .iter()
            .map(|p| {
                let values = vec![Some(p.shared.to_string()), Some(p.events.join("; "))];
                (p.a_iri.as_str(), p.b_iri.as_str(), p.shared, values)
            })
            .collect(),
    };
    network.write(format, out)
}

impl Network<'_> {
    fn write(&self, format: NetworkFormat, out: &mut dyn Write) -> io::Result<()> {
        let mut out = io::BufWriter::new(out);
        match format {
            NetworkFormat::GraphMl => self.graphml(&mut out)?,
            NetworkFormat::Gexf => self.gexf(&mut out)?,
        }
        out.flush()
    }

    fn graphml(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        writeln!(out, "  <desc>{}</desc>", escape(self.description))?;
        // Node and edge keys share one id space: edge keys are prefixed where names clash.
        for a in self.node_attributes {
            writeln!(
                out,
                r#"  <key id="{0}" for="node" attr.name="{0}" attr.type="{1}"/>"#,
                a.name,
                a.ty.xml_name()
            )?;
        }
        for a in self.edge_attributes {
            writeln!(
                out,
                r#"  <key id="e_{0}" for="edge" attr.name="{0}" attr.type="{1}"/>"#,
                a.name,
                a.ty.xml_name()
            )?;
        }
        if !self.directed {
            writeln!(
                out,
                r#"  <key id="e_weight" for="edge" attr.name="weight" attr.type="long"/>"#
            )?;
        }
        writeln!(
            out,
            r#"  <graph id="govkg" edgedefault="{}">"#,
            if self.directed {
                "directed"
            } else {
                "undirected"
            }
        )?;
        for (id, values) in &self.nodes {
            writeln!(out, r#"    <node id="{}">"#, escape(id))?;
            for (a, v) in self.node_attributes.iter().zip(values) {
                if let Some(v) = v {
                    writeln!(out, r#"      <data key="{}">{}</data>"#, a.name, escape(v))?;
                }
            }
            writeln!(out, "    </node>")?;
        }
        for (n, (s, t, weight, values)) in self.edges.iter().enumerate() {
            writeln!(
                out,
                r#"    <edge id="e{n}" source="{}" target="{}">"#,
                escape(s),
                escape(t)
            )?;
            if !self.directed {
                writeln!(out, r#"      <data key="e_weight">{weight}</data>"#)?;
            }
            for (a, v) in self.edge_attributes.iter().zip(values) {
                if let Some(v) = v {
                    writeln!(
                        out,
                        r#"      <data key="e_{}">{}</data>"#,
                        a.name,
                        escape(v)
                    )?;
                }
            }
            writeln!(out, "    </edge>")?;
        }
        writeln!(out, "  </graph>")?;
        writeln!(out, "</graphml>")
    }

    fn gexf(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
        )?;
        writeln!(out, "  <meta>")?;
        writeln!(out, "    <creator>govkg</creator>")?;
        writeln!(
            out,
            "    <description>{}</description>",
            escape(self.description)
        )?;
        writeln!(out, "  </meta>")?;
        writeln!(
            out,
            r#"  <graph defaultedgetype="{}" mode="static">"#,
            if self.directed {
                "directed"
            } else {
                "undirected"
            }
        )?;
        // The label is the node's own attribute in GEXF, not a declared one.
        let declared = |attributes: &[Attribute]| -> Vec<(usize, &'static str, Type)> {
            attributes
                .iter()
                .enumerate()
                .filter(|(_, a)| a.name != "label")
                .map(|(i, a)| (i, a.name, a.ty))
                .collect()
        };
        let node_attributes = declared(self.node_attributes);
        let edge_attributes = declared(self.edge_attributes);
        for (class, attributes) in [("node", &node_attributes), ("edge", &edge_attributes)] {
            writeln!(out, r#"    <attributes class="{class}" mode="static">"#)?;
            for &(i, name, t) in attributes {
                writeln!(
                    out,
                    r#"      <attribute id="{i}" title="{name}" type="{}"/>"#,
                    t.xml_name()
                )?;
            }
            writeln!(out, "    </attributes>")?;
        }
        let attvalues = |out: &mut dyn Write,
                         attributes: &[(usize, &'static str, Type)],
                         values: &[Option<String>]|
         -> io::Result<()> {
            let present: Vec<(usize, &String)> = attributes
                .iter()
                .filter_map(|&(i, ..)| values[i].as_ref().map(|v| (i, v)))
                .collect();
            if present.is_empty() {
                return Ok(());
            }
            writeln!(out, "        <attvalues>")?;
            for (i, v) in present {
                writeln!(
                    out,
                    r#"          <attvalue for="{i}" value="{}"/>"#,
                    escape(v)
                )?;
            }
            writeln!(out, "        </attvalues>")
        };
        let label_at = self.node_attributes.iter().position(|a| a.name == "label");
        writeln!(out, "    <nodes>")?;
        for (id, values) in &self.nodes {
            let label = label_at.and_then(|i| values[i].as_deref()).unwrap_or(id);
            writeln!(
                out,
                r#"      <node id="{}" label="{}">"#,
                escape(id),
                escape(label)
            )?;
            attvalues(out, &node_attributes, values)?;
            writeln!(out, "      </node>")?;
        }
        writeln!(out, "    </nodes>")?;
        writeln!(out, "    <edges>")?;
        // The relation is also the edge's label, which Gephi shows on the edge.
        let kind_at = self.edge_attributes.iter().position(|a| a.name == "kind");
        for (n, (s, t, weight, values)) in self.edges.iter().enumerate() {
            let kind = kind_at.and_then(|i| values[i].as_deref());
            write!(
                out,
                r#"      <edge id="{n}" source="{}" target="{}" weight="{weight}""#,
                escape(s),
                escape(t)
            )?;
            if let Some(kind) = kind {
                write!(out, r#" label="{}""#, escape(kind))?;
            }
            writeln!(out, ">")?;
            attvalues(out, &edge_attributes, values)?;
            writeln!(out, "      </edge>")?;
        }
        writeln!(out, "    </edges>")?;
        writeln!(out, "  </graph>")?;
        writeln!(out, "</gexf>")
    }
}

/// Text for XML content and attribute values: the five special characters escaped, and the
/// control characters XML 1.0 cannot hold dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, NodeKind};
    use crate::relation::Relation;
    use crate::sparql::Evidence;

    fn two_people_at_a_meeting() -> KnowledgeGraph {
        let mut kg = KnowledgeGraph::default();
        let node = |iri: &str, label: &str, kind| Node {
            iri: format!("https://example.org/{iri}"),
            label: label.into(),
            kind,
            date: (kind == NodeKind::Event).then(|| "2024-01-04".to_string()),
            post: None,
        };
        let a = kg.add_node(node("a", "张三", NodeKind::Person));
        let b = kg.add_node(node("b", "李四 <\"&'>", NodeKind::Person));
        let m = kg.add_node(node("m", "常务会议", NodeKind::Event));
        for (p, relation) in [(a, Relation::Chairs), (b, Relation::Attends)] {
            kg.add_edge(
                p,
                m,
                Edge {
                    link: Link::Fact { relation },
                    date: Some("2024-01-04".into()),
                    evidence: Evidence {
                        article: "x-1".into(),
                        sentence: "张三主持召开常务会议\u{1}。".into(),
                        sources: 1,
                    },
                },
            );
        }
        kg
    }

    fn written(f: impl Fn(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_node_and_edge_is_written_with_its_attributes() {
        let kg = two_people_at_a_meeting();
        let co = kg.co_attendance();
        // (format, whole graph or co-attendance, what must be in it, how often)
        let cases: [(NetworkFormat, bool, &str, usize); 10] = [
            (NetworkFormat::GraphMl, true, "<node id=", 3),
            (NetworkFormat::GraphMl, true, "<edge id=", 2),
            (
                NetworkFormat::GraphMl,
                true,
                r#"<data key="e_kind">chairs</data>"#,
                1,
            ),
            (
                NetworkFormat::GraphMl,
                true,
                "李四 &lt;&quot;&amp;&apos;&gt;",
                1,
            ),
            (NetworkFormat::Gexf, true, r#"label="attends""#, 1),
            (NetworkFormat::Gexf, true, "<node id=", 3),
            (NetworkFormat::Gexf, false, "<node id=", 2),
            (NetworkFormat::Gexf, false, r#"weight="1""#, 1),
            (
                NetworkFormat::GraphMl,
                false,
                r#"edgedefault="undirected""#,
                1,
            ),
            (
                NetworkFormat::GraphMl,
                false,
                r#"<data key="e_events">常务会议 (2024-01-04)</data>"#,
                1,
            ),
        ];
        for (format, whole, want, times) in cases {
            let xml = written(|out| {
                if whole {
                    write_graph(&kg, format, out)
                } else {
                    write_co_attendance(&kg, &co, 1, format, out)
                }
            });
            assert_eq!(
                xml.matches(want).count(),
                times,
                "{format:?} {whole}: {want}\n{xml}"
            );
            assert!(
                !xml.contains('\u{1}'),
                "a control character XML cannot hold"
            );
        }
    }
}
