//! Diagrams of the graph view: a [`View`] of the [`KnowledgeGraph`] as DOT, built with
//! graphviz-rust's model, and rendered to SVG or PNG by Graphviz's `dot`.
//!
//! People, bodies, events and places differ in shape and colour, explained by a legend; edges
//! are labelled with the ontology's words for their relation, in Chinese or English; events
//! stand in one column in date order; a diagram cut down to its most connected nodes says
//! what it left out. Labels come from news text and may hold anything, so every one is escaped
//! here: graphviz-rust quotes nothing itself.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;

use graphviz_rust::cmd::{CommandArg, Format as DotFormat};
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use unicode_width::UnicodeWidthChar;

use crate::graph::{KnowledgeGraph, Link, NodeKind, View};

/// The CJK font the diagrams ask for: Debian's `fonts-wqy-microhei`, small and complete.
/// Fontconfig falls back to another CJK font when it is missing; an SVG names it for viewers.
pub const FONT: &str = "WenQuanYi Micro Hei";

/// Lines of a label are wrapped at this display width (a CJK character is two columns).
const WRAP: usize = 24;

/// What can go wrong rendering.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    Graph(#[from] crate::graph::Error),
    #[error(transparent)]
    Event(#[from] crate::matching::Error),
    #[error("cannot read the events of the store")]
    Events(#[from] crate::sparql::Error),
    #[error("{0} has no relations to draw")]
    Unlinked(String),
    #[error("cannot render {format}: Graphviz's `dot` is not installed or not on PATH (Debian: apt-get install graphviz fonts-wqy-microhei; or write --format dot and render it elsewhere)")]
    DotMissing { format: &'static str },
    #[error("dot failed to render {format}: {message}")]
    Dot {
        format: &'static str,
        message: String,
    },
}

/// Output formats of a diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dot,
    Svg,
    Png,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    /// The format a file name's extension asks for.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "dot" | "gv" => Some(Format::Dot),
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }
}

/// How a diagram is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    /// `zh` or `en`: edge labels, legend and notes.
    pub lang: String,
    /// A title above the picture.
    pub title: Option<String>,
    /// Link every node to its IRI (`URL`): an SVG then makes each node a link, which the
    /// server's page turns into a click that redraws around it.
    pub links: bool,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            lang: "zh".into(),
            title: None,
            links: false,
        }
    }
}

/// What a diagram is drawn around.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A person, body or event by name (as `govkg graph` finds one), and what is within
    /// `depth` steps of it.
    Around { name: String, depth: usize },
    /// An event named loosely (as `govkg ask` takes one: `第九十三次会议`, `the 58th meeting`),
    /// and what is within `depth` steps of it.
    Event { text: String, depth: usize },
    /// The whole graph: its most connected nodes.
    All,
}

/// The DOT of a diagram of `store`: the graph view around `subject`, at most `max_nodes`
/// nodes (the most connected first; the picture says what it left out). Without a title in
/// `style`, the picture is titled with the centre's name (or "全部"/"all").
pub fn diagram(
    store: &crate::store::Store,
    subject: &Subject,
    max_nodes: usize,
    style: &Style,
) -> Result<String, Error> {
    use crate::graph::Focus;
    use crate::matching;
    let kg = KnowledgeGraph::from_store(store)?;
    let focus = match subject {
        Subject::Around { name, depth } => Focus::Around {
            center: kg.find(name)?,
            depth: *depth,
        },
        Subject::Event { text, depth } => {
            let m = matching::match_event(text, &matching::events(store)?)?;
            let center = kg
                .index_of(m.event.iri.as_str())
                .ok_or_else(|| Error::Unlinked(matching::describe(&m.event)))?;
            Focus::Around {
                center,
                depth: *depth,
            }
        }
        Subject::All => Focus::All,
    };
    let view = kg.view(focus, max_nodes);
    let mut style = style.clone();
    if style.title.is_none() {
        style.title = Some(match view.center {
            Some(c) => kg.describe(c),
            None if style.lang == "zh" => "全部".to_string(),
            None => "all".to_string(),
        });
    }
    Ok(to_dot(&kg, &view, &style))
}

/// `s` as a quoted DOT string: backslashes and quotes escaped, a line break as `\n` (a centred
/// line break in a label), other control characters dropped. Nothing in `s` can end the
/// string or start an escape sequence of its own.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The text a [`quote`]d DOT string stands for (the inverse of [`quote`]).
pub fn unquote(s: &str) -> String {
    let inner = s
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(s);
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Wraps text at [`WRAP`] display columns, keeping existing line breaks and not breaking a
/// run of Latin letters and digits (`APP`, `100`) unless it is longer than a line.
pub fn wrap(s: &str) -> String {
    let mut out = String::new();
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Tokens: a run of ASCII letters and digits, or any other single character.
        let mut tokens: Vec<String> = Vec::new();
        for c in line.chars() {
            let word = c.is_ascii_alphanumeric();
            match tokens.last_mut() {
                Some(t) if word && t.chars().all(|p| p.is_ascii_alphanumeric()) => t.push(c),
                _ => tokens.push(c.to_string()),
            }
        }
        let mut width = 0;
        for t in tokens {
            let w: usize = t.chars().map(|c| c.width().unwrap_or(0)).sum();
            if width + w > WRAP && width > 0 {
                out.push('\n');
                width = 0;
            }
            for c in t.chars() {
                let cw = c.width().unwrap_or(0);
                if width + cw > WRAP && width > 0 {
                    out.push('\n');
                    width = 0;
                }
                out.push(c);
                width += cw;
            }
        }
    }
    out
}

fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), Id::Escaped(quote(value)))
}

fn node_id(i: NodeIndex) -> NodeId {
    NodeId(Id::Plain(format!("n{}", i.index())), None)
}

/// Shape, fill and border of each kind of node.
fn kind_style(kind: NodeKind) -> [Attribute; 4] {
    let (shape, style, fill, border) = match kind {
        NodeKind::Person => ("ellipse", "filled", "#dbeafe", "#1d4ed8"),
        NodeKind::Body => ("box", "filled", "#dcfce7", "#15803d"),
        NodeKind::Event => ("box", "rounded,filled", "#ffedd5", "#c2410c"),
        NodeKind::Place => ("hexagon", "filled", "#f3e8ff", "#7e22ce"),
    };
    [
        attr("shape", shape),
        attr("style", style),
        attr("fillcolor", fill),
        attr("color", border),
    ]
}

/// Colour and line of each kind of link.
fn link_style(link: &Link) -> (&'static str, &'static str) {
    match link {
        Link::Post { .. } => ("#15803d", "dashed"),
        Link::Other { .. } => ("#6b7280", "dotted"),
        Link::Fact { relation } => {
            let s = relation.spec().stroke;
            (s.color, s.style)
        }
    }
}

/// The DOT of a view of the graph.
pub fn to_dot(kg: &KnowledgeGraph, view: &View, style: &Style) -> String {
    let lang = style.lang.as_str();
    let zh = lang == "zh";
    let mut stmts: Vec<Stmt> = Vec::new();
    let mut graph_attrs = vec![
        attr("rankdir", "LR"),
        attr("fontname", FONT),
        attr("fontsize", "12"),
        attr("charset", "UTF-8"),
        attr("nodesep", "0.2"),
        attr("ranksep", "0.9"),
        attr("newrank", "true"),
        attr("labelloc", "t"),
        attr("labeljust", "l"),
    ];
    let mut caption = style.title.clone().unwrap_or_default();
    if view.omitted_total() > 0 {
        let parts: Vec<String> = view
            .omitted
            .iter()
            .map(|(k, n)| {
                if zh {
                    format!("{}{n}", k.name(lang))
                } else {
                    format!("{n} {}", k.name(lang))
                }
            })
            .collect();
        let note = if zh {
            format!(
                "只显示连接最多的 {} 个节点；另有 {} 个未显示（{}）",
                view.nodes.len(),
                view.omitted_total(),
                parts.join("，")
            )
        } else {
            format!(
                "Showing the {} most connected nodes; {} left out ({})",
                view.nodes.len(),
                view.omitted_total(),
                parts.join(", ")
            )
        };
        if !caption.is_empty() {
            caption.push('\n');
        }
        caption.push_str(&note);
    }
    if !caption.is_empty() {
        graph_attrs.push(attr("label", &caption));
    }
    stmts.push(GraphAttributes::Graph(graph_attrs).into());
    stmts.push(
        GraphAttributes::Node(vec![
            attr("fontname", FONT),
            attr("fontsize", "11"),
            attr("margin", "0.08,0.04"),
        ])
        .into(),
    );
    stmts.push(
        GraphAttributes::Edge(vec![
            attr("fontname", FONT),
            attr("fontsize", "9"),
            attr("arrowsize", "0.6"),
        ])
        .into(),
    );

    // Nodes.
    let shown: HashSet<NodeIndex> = view.nodes.iter().copied().collect();
    let mut kinds_shown: Vec<NodeKind> = Vec::new();
    for &i in &view.nodes {
        let n = kg.node(i);
        if !kinds_shown.contains(&n.kind) {
            kinds_shown.push(n.kind);
        }
        let mut label = wrap(&n.label);
        match n.kind {
            NodeKind::Event => {
                if let Some(d) = &n.date {
                    label.push('\n');
                    label.push_str(d);
                }
            }
            NodeKind::Person => {
                if let Some(p) = &n.post {
                    label.push('\n');
                    label.push_str(&wrap(p));
                }
            }
            _ => {}
        }
        let mut attributes = kind_style(n.kind).to_vec();
        attributes.push(attr("label", &label));
        attributes.push(attr("tooltip", &n.iri));
        if style.links {
            attributes.push(attr("URL", &n.iri));
        }
        if view.center == Some(i) {
            attributes.push(attr("penwidth", "2.5"));
        }
        stmts.push(DotNode::new(node_id(i), attributes).into());
    }

    // Edges, those between the same two nodes merged into one with all their labels.
    let mut merged: BTreeMap<(NodeIndex, NodeIndex), (Vec<String>, &Link)> = BTreeMap::new();
    for e in kg.graph.edge_references() {
        if !shown.contains(&e.source()) || !shown.contains(&e.target()) {
            continue;
        }
        let label = kg.link_label(&e.weight().link, lang);
        let slot = merged
            .entry((e.source(), e.target()))
            .or_insert((Vec::new(), &e.weight().link));
        if !slot.0.contains(&label) {
            slot.0.push(label);
        }
    }
    for ((s, t), (labels, link)) in &merged {
        let (color, line) = link_style(link);
        stmts.push(
            DotEdge {
                ty: EdgeTy::Pair(Vertex::N(node_id(*s)), Vertex::N(node_id(*t))),
                attributes: vec![
                    attr("label", &labels.join(if zh { "、" } else { ", " })),
                    attr("color", color),
                    attr("fontcolor", color),
                    attr("style", line),
                ],
            }
            .into(),
        );
    }

    // Events in one column, by date (undated last): same rank, chained by invisible edges.
    let mut events: Vec<NodeIndex> = view
        .nodes
        .iter()
        .copied()
        .filter(|&i| kg.node(i).kind == NodeKind::Event)
        .collect();
    events.sort_by(|&a, &b| {
        let (a, b) = (kg.node(a), kg.node(b));
        (a.date.is_none(), &a.date, &a.label).cmp(&(b.date.is_none(), &b.date, &b.label))
    });
    if events.len() > 1 {
        let mut column: Vec<Stmt> = vec![Stmt::Attribute(Attribute(
            Id::Plain("rank".into()),
            Id::Plain("same".into()),
        ))];
        for &e in &events {
            column.push(DotNode::new(node_id(e), vec![]).into());
        }
        stmts.push(
            Subgraph {
                id: Id::Plain("events_by_date".into()),
                stmts: column,
            }
            .into(),
        );
        for pair in events.windows(2) {
            stmts.push(
                DotEdge {
                    ty: EdgeTy::Pair(Vertex::N(node_id(pair[0])), Vertex::N(node_id(pair[1]))),
                    attributes: vec![attr("style", "invis")],
                }
                .into(),
            );
        }
    }

    // The legend: one sample node per kind shown.
    let mut legend: Vec<Stmt> = vec![
        Stmt::Attribute(attr("label", if zh { "图例" } else { "Legend" })),
        Stmt::Attribute(attr("fontsize", "10")),
        Stmt::Attribute(attr("color", "#9ca3af")),
        Stmt::Attribute(attr("style", "rounded")),
    ];
    kinds_shown.sort();
    for kind in NodeKind::ALL
        .into_iter()
        .filter(|k| kinds_shown.contains(k))
    {
        let mut attributes = kind_style(kind).to_vec();
        attributes.push(attr("label", kind.name(lang)));
        attributes.push(attr("fontsize", "9"));
        stmts_push_legend(&mut legend, kind, attributes);
    }
    stmts.push(
        Subgraph {
            id: Id::Plain("cluster_legend".into()),
            stmts: legend,
        }
        .into(),
    );

    let graph = Graph::DiGraph {
        id: Id::Plain("govkg".into()),
        strict: false,
        stmts,
    };
    graph.print(&mut PrinterContext::default())
}

fn stmts_push_legend(legend: &mut Vec<Stmt>, kind: NodeKind, attributes: Vec<Attribute>) {
    let id = NodeId(Id::Plain(format!("legend_{}", kind.name("en"))), None);
    legend.push(DotNode::new(id, attributes).into());
}

/// Renders DOT text to `format` with Graphviz's `dot`; [`Format::Dot`] is returned as it is.
pub fn render(dot: &str, format: Format) -> Result<Vec<u8>, Error> {
    let target = match format {
        Format::Dot => return Ok(dot.as_bytes().to_vec()),
        Format::Svg => DotFormat::Svg,
        Format::Png => DotFormat::Png,
    };
    graphviz_rust::exec_dot(dot.to_string(), vec![CommandArg::Format(target)]).map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound {
            Error::DotMissing {
                format: format.as_str(),
            }
        } else {
            Error::Dot {
                format: format.as_str(),
                message: e.to_string().trim().to_string(),
            }
        }
    })
}

/// The labels of the nodes in DOT text, by node id, as the text they stand for: what a
/// reader of the DOT would see. Used to check that escaping round-trips.
pub fn labels_in(dot: &str) -> Result<HashMap<String, String>, String> {
    let graph = graphviz_rust::parse(dot)?;
    let stmts = match graph {
        Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => stmts,
    };
    let mut out = HashMap::new();
    for stmt in stmts {
        if let Stmt::Node(n) = stmt {
            let NodeId(id, _) = n.id;
            for Attribute(k, v) in n.attributes {
                if matches!(&k, Id::Plain(k) if k == "label") {
                    let v = match v {
                        Id::Escaped(s) | Id::Plain(s) | Id::Html(s) | Id::Anonymous(s) => s,
                    };
                    let id = match &id {
                        Id::Escaped(s) | Id::Plain(s) | Id::Html(s) | Id::Anonymous(s) => s.clone(),
                    };
                    out.insert(id, unquote(&v));
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Focus, Node};
    use crate::relation::Relation;
    use crate::sparql::{Evidence, TermLabels};

    /// Labels that break naive DOT writers.
    const NASTY: [&str; 15] = [
        "a\"b",
        "a\\b",
        "a\\\"b",
        "两行\n名字",
        "\\N \\G \\l \\n",
        "<b>html</b>",
        "\"; n0 -> n1 [label=\"x",
        "}",
        "trailing\\",
        "\"",
        "中文“引号”《书名》",
        "tab\there",
        "emoji 🇨🇳",
        "x\r\ny",
        "-- -> // /* */ #",
    ];

    fn person(i: usize, label: &str) -> Node {
        Node {
            iri: format!("https://example.org/p/{i}"),
            label: label.into(),
            kind: NodeKind::Person,
            date: None,
            post: None,
        }
    }

    /// Every nasty label as a person attending one event.
    fn nasty_graph() -> (KnowledgeGraph, View) {
        let mut kg = KnowledgeGraph::new(TermLabels::default());
        let event = kg.add_node(Node {
            iri: "https://example.org/e".into(),
            label: "会议\"\\".into(),
            kind: NodeKind::Event,
            date: Some("2022-01-04".into()),
            post: None,
        });
        for (i, label) in NASTY.iter().enumerate() {
            let p = kg.add_node(person(i, label));
            kg.add_edge(
                p,
                event,
                Edge {
                    link: Link::Fact {
                        relation: Relation::Attends,
                    },
                    date: None,
                    evidence: Evidence {
                        article: "a".into(),
                        sentence: "s".into(),
                        sources: 1,
                    },
                },
            );
        }
        let view = kg.view(
            Focus::Around {
                center: event,
                depth: 1,
            },
            100,
        );
        (kg, view)
    }

    fn shown(label: &str) -> String {
        wrap(label)
            .chars()
            .filter(|&c| c == '\n' || !c.is_control())
            .collect()
    }

    #[test]
    fn quoting_round_trips() {
        for label in NASTY {
            let q = quote(label);
            assert!(q.starts_with('"') && q.ends_with('"') && q.len() >= 2);
            // No unescaped quote inside.
            let inner = &q[1..q.len() - 1];
            let mut escaped = false;
            for c in inner.chars() {
                assert!(escaped || c != '"', "{label:?} → {q}");
                escaped = !escaped && c == '\\';
            }
            assert!(!escaped, "{label:?} → {q} ends in a lone backslash");
            let want: String = label
                .chars()
                .filter(|&c| c == '\n' || !c.is_control())
                .collect();
            assert_eq!(unquote(&q), want, "{label:?}");
        }
    }

    #[test]
    fn nasty_labels_survive_the_dot_round_trip() {
        let (kg, view) = nasty_graph();
        let dot = to_dot(&kg, &view, &Style::default());
        let labels = labels_in(&dot).unwrap_or_else(|e| panic!("DOT does not parse: {e}\n{dot}"));
        for (i, label) in NASTY.iter().enumerate() {
            let id = format!("n{}", i + 1);
            assert_eq!(labels.get(&id), Some(&shown(label)), "{label:?} in\n{dot}");
        }
        assert_eq!(labels.get("n0"), Some(&"会议\"\\\n2022-01-04".to_string()));
    }

    #[test]
    fn dot_renders_nasty_labels_to_svg_and_png() {
        let (kg, view) = nasty_graph();
        let dot = to_dot(&kg, &view, &Style::default());
        let svg = String::from_utf8(render(&dot, Format::Svg).expect("dot renders SVG"))
            .expect("SVG is UTF-8");
        // One SVG node per graph node, plus the legend's two.
        assert_eq!(
            svg.matches("class=\"node\"").count(),
            NASTY.len() + 1 + 2,
            "{svg}"
        );
        for text in [
            "a&quot;b",
            "a\\b",
            "&lt;b&gt;html&lt;/b&gt;",
            "中文“引号”《书名》",
        ] {
            assert!(svg.contains(text), "{text} missing from the SVG");
        }
        let png = render(&dot, Format::Png).expect("dot renders PNG");
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    }

    #[test]
    fn labels_wrap_by_display_width_without_splitting_latin_words() {
        let cases = [
            ("林武", "林武"),
            (
                "省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议",
                "省委第五十八次疫情防控专\n题会暨省疫情防控工作领导\n小组会议",
            ),
            (
                "太原市首个旅游专项手机APP上线运营",
                "太原市首个旅游专项手机\nAPP上线运营",
            ),
            ("一行\n两行", "一行\n两行"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(wrap(input), want, "{input}");
        }
    }

    #[test]
    fn formats_follow_file_extensions() {
        let cases = [
            ("a.svg", Some(Format::Svg)),
            ("a.PNG", Some(Format::Png)),
            ("a.gv", Some(Format::Dot)),
            ("a.dot", Some(Format::Dot)),
            ("a.txt", None),
            ("a", None),
        ];
        for (path, want) in cases {
            assert_eq!(
                Format::from_path(std::path::Path::new(path)),
                want,
                "{path}"
            );
        }
    }
}
