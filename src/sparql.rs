//! Direct questions over the store: who chaired which meeting, what a person chaired, who took
//! part in an event and in which role, what posts a person holds, which events two people
//! shared, which meetings relayed another; and the listings `ask` matches names against. Each
//! is a SPARQL query built here and run on the store, so the store stays the one source of truth
//! and a user can print the query (`--sparql`) and adapt it.

use oxigraph::model::{NamedNodeRef, Term};
use oxigraph::sparql::QueryResults;
use serde::{Deserialize, Serialize};

use crate::relation::Relation;
use crate::store::{self, QueryOptions, Store};
use crate::vocab::{self, graph};

/// A string as a SPARQL string literal, quotes and backslashes escaped.
pub fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `PREFIX` lines the queries of this module use, taken from [`vocab::PREFIXES`].
pub(crate) fn prologue() -> String {
    const USED: [&str; 9] = [
        "gov", "prov", "skos", "nif", "schema", "org", "itsrdf", "rdfs", "xsd",
    ];
    vocab::PREFIXES
        .iter()
        .filter(|(p, _)| USED.contains(p))
        .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
        .collect()
}

/// One row a person in a role at an event, with its date, evidence sentence and article:
/// the body of the queries below. `relation` gives the role (its [`crate::relation::Role`]);
/// `selector` is a pattern that binds `?m` or `?p` first, each value once.
///
/// Every pattern, labels included, is matched in the article graph `?g` of the evidence: over
/// the union graph a person's label repeats once per article naming them, and joining it with
/// the meetings' repeats gave tens of thousands of rows for one chair. The labels are optional
/// blocks of their own after the association, so that oxigraph looks them up for each row
/// found; inside the `GRAPH` block they made it match every chair of the store first. The role
/// is compared in a filter for the same reason: written as a constant in the pattern, it made
/// oxigraph start from every chair. On the 新闻联播 store (ten thousand articles) this takes
/// 1 s for one premier's 92 meetings, where the union-graph form took 27 s.
///
/// `MIN` and `MAX` of a group are unbound as soon as one row lacks the value in oxigraph, so
/// missing values are made strings that lose; that keeps each answer the same from run to run,
/// where `SAMPLE` would not. The article and its sentence travel together in `?found`.
fn role_query(relation: Relation, selector: &str) -> String {
    format!(
        r#"{prologue}SELECT ?meeting ?person ?date ?evidence ?article WHERE {{
  {{
    SELECT ?m ?p (MIN(?day) AS ?first) (MIN(?f) AS ?found) (MAX(?ml) AS ?mlabel)
           (MAX(?pl) AS ?plabel) WHERE {{
      {selector}
      GRAPH ?g {{
        ?m prov:qualifiedAssociation ?a .
        ?a prov:agent ?p ; prov:hadRole ?role ; prov:wasDerivedFrom ?span .
        FILTER(?role = {role})
        ?span nif:anchorOf ?evidence .
      }}
      OPTIONAL {{ GRAPH ?g {{ ?m schema:startDate ?d0 }} }}
      OPTIONAL {{ GRAPH ?g {{ ?m skos:prefLabel ?mpl }} }}
      OPTIONAL {{ GRAPH ?g {{ ?m skos:altLabel ?mal }} }}
      OPTIONAL {{ GRAPH ?g {{ ?p skos:prefLabel ?n }} }}
      BIND(COALESCE(STR(?d0), "~") AS ?day)
      # A preferred label wins over an alternative one, from whichever article.
      BIND(COALESCE(CONCAT("1", ?mpl), CONCAT("0", ?mal), "") AS ?ml)
      BIND(COALESCE(STR(?n), "") AS ?pl)
      BIND({found} AS ?f)
    }} GROUP BY ?m ?p
  }}
  BIND(STRLANG(SUBSTR(?mlabel, 2), "zh") AS ?meeting)
  BIND(STRLANG(?plabel, "zh") AS ?person)
  BIND(IF(?first = "~", ?undated, STRDT(?first, xsd:date)) AS ?date)
  BIND(STRBEFORE(?found, {SEP}) AS ?article)
  BIND(STRAFTER(?found, {SEP}) AS ?evidence)
}}
ORDER BY ?date ?meeting ?person
"#,
        prologue = prologue(),
        role = roles_of(&[relation]),
        found = found_expression(),
    )
}

/// Meetings whose name contains `text` (all when `None`), with who chaired them.
pub fn who_chaired(text: Option<&str>) -> String {
    let selector = match text {
        Some(t) => format!(
            "{{ SELECT DISTINCT ?m WHERE {{ ?m skos:prefLabel|skos:altLabel ?l . FILTER(CONTAINS(STR(?l), {})) }} }}",
            literal(t)
        ),
        None => String::new(),
    };
    role_query(Relation::Chairs, &selector)
}

/// Meetings chaired by the person named `name` (a name or an alias).
pub fn chaired_by(name: &str) -> String {
    let selector = format!(
        "{{ SELECT DISTINCT ?p WHERE {{ ?p skos:prefLabel|skos:altLabel {}@zh }} }}",
        literal(name)
    );
    role_query(Relation::Chairs, &selector)
}

/// Separates the fields of a `?found` column (`article␟evidence`), so that the article and the
/// sentence of one row always come from the same graph: two `SAMPLE`s could mix graphs.
pub const FOUND_SEPARATOR: char = '\u{1f}';

/// [`FOUND_SEPARATOR`] as a SPARQL string.
const SEP: &str = r#""\u001F""#;

/// The roles of `relations` as `<a>, <b>`, for `IN (…)`.
pub(crate) fn roles_of(relations: &[Relation]) -> String {
    relations
        .iter()
        .filter_map(|r| r.role())
        .map(|r| r.iri.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The expression of a `?found` column: the article of graph `?g` and the sentence `?evidence`
/// as stored. Its layout line breaks are removed by [`split_found`], not here: a `REPLACE` on
/// every row took a third of a leader's posts query.
fn found_expression() -> String {
    format!(
        r#"CONCAT(STRAFTER(STR(?g), {base}), {SEP}, STR(?evidence))"#,
        base = literal(graph::ARTICLE),
    )
}

/// Splits a `?found` value into its article and its evidence sentence (the last two fields),
/// the sentence without its layout line breaks ([`without_line_breaks`]).
pub fn split_found(found: &str) -> (String, String) {
    let mut fields = found.rsplitn(3, FOUND_SEPARATOR);
    let evidence = without_line_breaks(fields.next().unwrap_or_default());
    let article = fields.next().unwrap_or_default().to_string();
    (article, evidence)
}

/// `s` without each run of white space (as XML Schema's `\s`: space, tab, CR, LF) that holds a
/// line break: a sentence broken over a page's lines is one line again, and Chinese needs no
/// space where the break was.
fn without_line_breaks(s: &str) -> String {
    let space = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if space(c) {
            run.push(c);
            continue;
        }
        if !run.contains(['\r', '\n']) {
            out.push_str(&run);
        }
        run.clear();
        out.push(c);
    }
    if !run.contains(['\r', '\n']) {
        out.push_str(&run);
    }
    out
}

/// Agents in roles at events, one row per event, agent and role: its date, one evidence sentence
/// with its article (`?found`), the number of articles that state it (`?sources`) and where the
/// agent is first named in that sentence (`?position`, its offset in the article: lists of
/// attendees are in protocol order, which says something about rank). `values` and `extra`
/// narrow it down.
///
/// The position is where the agent's label stands in the evidence, not a look-up of the
/// mention: oxigraph evaluates such an optional pattern, whose filter needs the outer row,
/// over every mention of the store before joining, which took 3.6 s for one congress's 55
/// delegates on the 新闻联播 store, against 0.3 s now.
///
/// Every pattern is matched in the graph `?g` of the association: over the union graph,
/// oxigraph 0.5 repeats a triple once per article holding it, and joining such patterns
/// multiplies the repeats (a leader named in a thousand articles would give a million rows
/// for one label). The optional values are blocks of their own after the association's
/// `GRAPH` block, as in `role_query`: inside it, oxigraph matched each of them over the whole
/// store before joining (every label of every agent: 0.54 s for one congress's participants,
/// 0.03 s as blocks of their own, the same rows).
fn participation_query(values: &str, extra: &str, relations: &[Relation]) -> String {
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!("\n  {extra}")
    };
    format!(
        r#"{prologue}SELECT ?event (SAMPLE(?el) AS ?eventLabel) (MIN(?d) AS ?date) ?agent (SAMPLE(?al) AS ?agentLabel) ?role (MIN(?f) AS ?found) (MIN(?at) AS ?position) (COUNT(DISTINCT ?g) AS ?sources) WHERE {{
  {values}
  GRAPH ?g {{
    ?event prov:qualifiedAssociation ?a .
    ?a prov:agent ?agent ; prov:hadRole ?role ; prov:wasDerivedFrom ?span .
    FILTER(?role IN ({roles}))
    ?span nif:anchorOf ?evidence ; nif:beginIndex ?start .
  }}
  OPTIONAL {{ GRAPH ?g {{ ?event skos:prefLabel ?el0 }} }}
  {event_alt}
  BIND(COALESCE(?el0, ?ea) AS ?el)
  OPTIONAL {{ GRAPH ?g {{ ?agent skos:prefLabel ?al }} }}
  OPTIONAL {{ GRAPH ?g {{ ?event schema:startDate ?started }} }}
  OPTIONAL {{ GRAPH ?g {{ ?a gov:attestedOn ?attested }} }}{extra}
  BIND(COALESCE(?started, ?attested) AS ?d)
  BIND({found} AS ?f)
  # A missing value would blank the group's MIN: a name not found sorts last instead.
  BIND(IF(BOUND(?al) && CONTAINS(STR(?evidence), STR(?al)), ?start + STRLEN(STRBEFORE(STR(?evidence), STR(?al))), 1000000) AS ?at)
}} GROUP BY ?event ?agent ?role
ORDER BY ?date ?event ?position ?agentLabel
"#,
        prologue = prologue(),
        roles = roles_of(relations),
        found = found_expression(),
        event_alt = alt_label_unless("?event", "?el0", "?ea"),
    )
}

/// An OPTIONAL pattern binding `alt` to an alternative label of `node` when `pref` is unbound:
/// an event only referred to by undated articles has no preferred label (see `rdf.rs`), and
/// is then named by one of the names it was written with. The filter is the left join's
/// condition, so a node with a preferred label gets no extra rows.
fn alt_label_unless(node: &str, pref: &str, alt: &str) -> String {
    format!("OPTIONAL {{ GRAPH ?g {{ {node} skos:altLabel {alt} }} FILTER(!BOUND({pref})) }}")
}

/// Who took part in `event`, in the roles of `relations`.
pub fn participants(event: NamedNodeRef<'_>, relations: &[Relation]) -> String {
    participation_query(&format!("VALUES ?event {{ {event} }}"), "", relations)
}

/// The events `agent` took part in, in the roles of `relations`.
pub fn participations(agent: NamedNodeRef<'_>, relations: &[Relation]) -> String {
    participation_query(&format!("VALUES ?agent {{ {agent} }}"), "", relations)
}

/// Every agent in one of the roles of `relations` at every event: the edges of the graph view.
pub fn all_participations(relations: &[Relation]) -> String {
    participation_query("", "", relations)
}

/// The events both `a` and `b` were present at ([`Relation::present_at_event`]), one row per
/// event and person.
pub fn shared_events(a: NamedNodeRef<'_>, b: NamedNodeRef<'_>) -> String {
    let present = |who: NamedNodeRef<'_>| {
        format!(
            "FILTER EXISTS {{ GRAPH ?h {{ ?event prov:qualifiedAssociation ?q . ?q prov:agent {who} ; prov:hadRole ?r . FILTER(?r IN ({roles})) }} }}",
            roles = roles_of(&Relation::present_at_event()),
        )
    };
    participation_query(
        &format!("VALUES ?agent {{ {a} {b} }}"),
        &format!("{}\n  {}", present(a), present(b)),
        &Relation::present_at_event(),
    )
}

/// The posts of `person` (everyone's when `None`), one row per person, post (as resolved) and
/// body: first and last day attested, the number of articles, the latest evidence
/// (`?found`, prefixed with its date) and where the post stands in it (`?position`: posts are
/// listed by rank).
///
/// For one person, `?personLabel` is left unbound: the caller knows whom it asked about, and
/// looking the label up in each of the rows' articles doubled the time for a leader named in
/// three thousand of them.
pub fn posts(person: Option<NamedNodeRef<'_>>) -> String {
    match person {
        Some(p) => posts_query(&format!("VALUES ?person {{ {p} }}"), ""),
        None => posts_query("", PERSON_LABEL),
    }
}

/// A post a person holds, as the articles attest it: a row of [`posts`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostHeld {
    /// As written (`省长`).
    pub post: String,
    /// With its jurisdiction (`山西省长`).
    pub resolved: String,
    pub body: Option<String>,
    pub body_label: Option<String>,
    /// First and last day an article attests it.
    pub first: Option<String>,
    pub last: Option<String>,
    /// Where the post stands in its sentence: posts of one day are listed by rank.
    #[serde(skip)]
    pub position: Option<i64>,
    /// The latest evidence.
    pub evidence: Evidence,
}

impl PostHeld {
    /// The post of a row of [`posts`] or [`members`].
    pub fn of(row: &Row) -> Option<PostHeld> {
        Some(PostHeld {
            post: row.nonempty("post")?,
            resolved: row.nonempty("key")?,
            body: row.nonempty("body"),
            body_label: row.nonempty("bodyLabel"),
            first: row.nonempty("first"),
            last: row.nonempty("last"),
            position: row.int("position"),
            evidence: Evidence::of(row),
        })
    }
}

/// The pattern binding `?pl` in [`posts_query`].
const PERSON_LABEL: &str = "OPTIONAL { GRAPH ?g { ?person skos:prefLabel ?pl } }";

/// The posts held in `body`: its members, in the rows of [`posts`].
pub fn members(body: NamedNodeRef<'_>) -> String {
    // The body is matched with the membership, not only in the optional block that labels it,
    // which would keep every membership of the store.
    posts_query(
        &format!("GRAPH ?g {{ ?m org:organization {body} }} VALUES ?body {{ {body} }}"),
        PERSON_LABEL,
    )
}

fn posts_query(values: &str, person_label: &str) -> String {
    format!(
        r#"{prologue}SELECT ?person (SAMPLE(?pl) AS ?personLabel) ?key (MIN(STR(?written)) AS ?post) ?body (SAMPLE(?bl) AS ?bodyLabel) (MIN(?d) AS ?first) (MAX(?d) AS ?last) (COUNT(DISTINCT ?g) AS ?sources) (MAX(?f) AS ?found) (MIN(?p) AS ?position) WHERE {{
  {values}
  GRAPH ?g {{
    ?m org:member ?person ; gov:post ?written ; prov:wasDerivedFrom ?span .
    ?span nif:anchorOf ?evidence .
  }}
  # Blocks of their own, for the reason given at `participation_query`.
  {person_label}
  OPTIONAL {{ GRAPH ?g {{ ?m gov:resolvedPost ?resolved }} }}
  OPTIONAL {{
    GRAPH ?g {{ ?m org:organization ?body }}
    OPTIONAL {{ GRAPH ?g {{ ?body skos:prefLabel ?bl }} }}
  }}
  OPTIONAL {{ GRAPH ?g {{ ?m gov:attestedOn ?d }} }}
  BIND(STR(COALESCE(?resolved, ?written)) AS ?key)
  BIND(STRLEN(STRBEFORE(STR(?evidence), STR(?written))) AS ?p)
  BIND(CONCAT(COALESCE(STR(?d), ""), {SEP}, {found}) AS ?f)
}} GROUP BY ?person ?key ?body
ORDER BY ?personLabel DESC(?last) ?position ?key
"#,
        prologue = prologue(),
        found = found_expression(),
    )
}

/// The meetings that relayed (传达) `meeting` (every relay when `None`), with their date, chairs,
/// one evidence sentence and the number of articles stating it.
pub fn relays(meeting: Option<NamedNodeRef<'_>>) -> String {
    relays_query(&match meeting {
        Some(m) => format!("VALUES ?relayed {{ {m} }}"),
        None => String::new(),
    })
}

/// What `meeting` relayed, in the rows of [`relays`] (`?relayed` the meeting relayed).
pub fn relayed_in(meeting: NamedNodeRef<'_>) -> String {
    relays_query(&format!("VALUES ?event {{ {meeting} }}"))
}

fn relays_query(values: &str) -> String {
    format!(
        r#"{prologue}SELECT ?event (SAMPLE(?el) AS ?eventLabel) (MIN(?d) AS ?date) ?relayed (SAMPLE(?rl) AS ?relayedLabel) (MIN(?f) AS ?found) (COUNT(DISTINCT ?g) AS ?sources) (SAMPLE(?chairs0) AS ?chairs) WHERE {{
  {values}
  GRAPH ?g {{
    ?event prov:qualifiedCommunication ?c .
    ?c prov:activity ?relayed ; prov:wasDerivedFrom ?span .
    ?span nif:anchorOf ?evidence .
  }}
  # Blocks of their own, for the reason given at `participation_query`.
  OPTIONAL {{ GRAPH ?g {{ ?c gov:attestedOn ?attested }} }}
  OPTIONAL {{ GRAPH ?g {{ ?event schema:startDate ?started }} }}
  OPTIONAL {{ GRAPH ?g {{ ?event skos:prefLabel ?el0 }} }}
  {event_alt}
  OPTIONAL {{ GRAPH ?g {{ ?relayed skos:prefLabel ?rl0 }} }}
  {relayed_alt}
  BIND(COALESCE(?el0, ?ea) AS ?el)
  BIND(COALESCE(?rl0, ?ra) AS ?rl)
  OPTIONAL {{ SELECT ?event (GROUP_CONCAT(DISTINCT STR(?cl); separator="、") AS ?chairs0) WHERE {{
      GRAPH ?h {{ ?chair gov:chairs ?event ; skos:prefLabel ?cl }}
  }} GROUP BY ?event }}
  BIND(COALESCE(?started, ?attested) AS ?d)
  BIND({found} AS ?f)
}} GROUP BY ?event ?relayed
ORDER BY ?date ?eventLabel
"#,
        prologue = prologue(),
        found = found_expression(),
        event_alt = alt_label_unless("?event", "?el0", "?ea"),
        relayed_alt = alt_label_unless("?relayed", "?rl0", "?ra"),
    )
}

/// A preferred label (`?label`) of each of `entities` (`?e`), matched graph by graph: over the
/// union graph a label repeats once per article naming it. Looked up apart from the query that
/// found the entities: joined inside it, oxigraph read every label of the store first.
pub fn labels_of<'a>(entities: impl IntoIterator<Item = &'a str>) -> String {
    let values = entities
        .into_iter()
        .filter_map(|e| oxigraph::model::NamedNode::new(e).ok())
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "{prologue}SELECT ?e (SAMPLE(?l) AS ?label) WHERE {{ VALUES ?e {{ {values} }} GRAPH ?g {{ ?e skos:prefLabel ?l }} }} GROUP BY ?e\n",
        prologue = prologue(),
    )
}

/// Every event with its preferred label, other labels (joined by [`FOUND_SEPARATOR`]), ordinal
/// and date: what a meeting named in a question is matched against.
///
/// Each optional value comes from a subquery of its own: oxigraph's aggregates give no value
/// at all for a group in which one row lacks it (a stub of the event in another article).
pub fn events() -> String {
    format!(
        r#"{prologue}SELECT ?event ?label ?alts ?ordinal ?date WHERE {{
  {{ SELECT ?event WHERE {{ GRAPH ?g {{ ?event a gov:Event }} }} GROUP BY ?event }}
  OPTIONAL {{ SELECT ?event (SAMPLE(?pl) AS ?label) WHERE {{
      GRAPH ?g {{ ?event a gov:Event ; skos:prefLabel ?pl }}
  }} GROUP BY ?event }}
  OPTIONAL {{ SELECT ?event (GROUP_CONCAT(DISTINCT STR(?other); separator={SEP}) AS ?alts) WHERE {{
      GRAPH ?g {{ ?event a gov:Event ; skos:altLabel ?other }}
  }} GROUP BY ?event }}
  OPTIONAL {{ SELECT ?event (MAX(?o) AS ?ordinal) WHERE {{
      GRAPH ?g {{ ?event a gov:Event ; gov:ordinal ?o }}
  }} GROUP BY ?event }}
  OPTIONAL {{ SELECT ?event (MIN(?d) AS ?date) WHERE {{
      GRAPH ?g {{ ?event a gov:Event ; schema:startDate ?d }}
  }} GROUP BY ?event }}
}}
"#,
        prologue = prologue(),
    )
}

/// Every person with the preferred label and the other labels (joined by
/// [`FOUND_SEPARATOR`]): what a name in a question is matched against.
pub fn people() -> String {
    format!(
        r#"{prologue}SELECT ?person ?label ?alts WHERE {{
  {{ SELECT ?person (SAMPLE(?pl) AS ?label) WHERE {{
      GRAPH ?g {{ ?person a gov:Person ; skos:prefLabel ?pl }}
  }} GROUP BY ?person }}
  OPTIONAL {{ SELECT ?person (GROUP_CONCAT(DISTINCT STR(?other); separator={SEP}) AS ?alts) WHERE {{
      GRAPH ?g {{ ?person a gov:Person ; skos:altLabel ?other }}
  }} GROUP BY ?person }}
}}
"#,
        prologue = prologue(),
    )
}

/// Where a fact comes from: one sentence and its article, and how many articles state it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub article: String,
    pub sentence: String,
    /// Articles stating the same fact (this one included).
    pub sources: usize,
}

impl Evidence {
    /// The evidence of a row with `?found` and `?sources` columns.
    pub fn of(row: &Row) -> Evidence {
        let (article, sentence) = split_found(&row.text("found").unwrap_or_default());
        Evidence {
            article,
            sentence,
            sources: row.int("sources").unwrap_or(1).max(1) as usize,
        }
    }
}

/// Evidence sentences numbered as they are first cited, to be listed under a table whose cells
/// cite them as `[n]`.
#[derive(Debug, Default)]
pub struct Citations(Vec<Evidence>);

impl Citations {
    /// The mark citing `e`: `[n]`, the same for the same sentence of the same article.
    pub fn cite(&mut self, e: &Evidence) -> String {
        let at = match self
            .0
            .iter()
            .position(|n| n.article == e.article && n.sentence == e.sentence)
        {
            Some(i) => i,
            None => {
                self.0.push(e.clone());
                self.0.len() - 1
            }
        };
        format!("[{}]", at + 1)
    }

    /// Writes the cited sentences, a blank line first; `articles` is the word for "articles"
    /// in `(+2 articles)`.
    pub fn write(&self, articles: &str, out: &mut impl std::io::Write) -> std::io::Result<()> {
        if self.0.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        for (i, e) in self.0.iter().enumerate() {
            let more = if e.sources > 1 {
                format!(" (+{} {articles})", e.sources - 1)
            } else {
                String::new()
            };
            writeln!(out, "[{}] {}{more}: {}", i + 1, e.article, e.sentence)?;
        }
        Ok(())
    }
}

/// What can go wrong running a question.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    Store(#[from] store::Error),
    #[error("query evaluation failed")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("the query is not a SELECT query")]
    NotSelect,
}

/// One solution of a SELECT query, read by variable name.
#[derive(Debug)]
pub struct Row(oxigraph::sparql::QuerySolution);

impl Row {
    pub fn term(&self, var: &str) -> Option<&Term> {
        self.0.get(var)
    }

    /// A literal's value or an IRI, as text.
    pub fn text(&self, var: &str) -> Option<String> {
        match self.term(var)? {
            Term::Literal(l) => Some(l.value().to_string()),
            Term::NamedNode(n) => Some(n.as_str().to_string()),
            Term::BlankNode(b) => Some(b.to_string()),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// Text that is present and not empty.
    pub fn nonempty(&self, var: &str) -> Option<String> {
        self.text(var).filter(|s| !s.is_empty())
    }

    /// An IRI.
    pub fn iri(&self, var: &str) -> Option<oxigraph::model::NamedNode> {
        match self.term(var)? {
            Term::NamedNode(n) => Some(n.clone()),
            _ => None,
        }
    }

    /// An integer literal.
    pub fn int(&self, var: &str) -> Option<i64> {
        self.text(var)?.parse().ok()
    }
}

/// Runs a SELECT query on the store and collects its solutions.
pub fn select(store: &Store, sparql: &str) -> Result<Vec<Row>, Error> {
    select_with(store, sparql, &QueryOptions::default())
}

/// [`select`] with the caller's options: a token that stops it, as the server's timeout does.
pub fn select_with(store: &Store, sparql: &str, options: &QueryOptions) -> Result<Vec<Row>, Error> {
    match store.query_with(sparql, options)? {
        QueryResults::Solutions(solutions) => {
            solutions.map(|s| s.map(Row).map_err(Error::from)).collect()
        }
        _ => Err(Error::NotSelect),
    }
}

/// Every label of the ontology's terms.
fn labels_query() -> String {
    format!(
        "{prologue}SELECT ?term ?label WHERE {{ GRAPH {g} {{ ?term rdfs:label ?label }} }}\n",
        prologue = prologue(),
        g = graph::ONTOLOGY,
    )
}

/// Every query the crate builds, named, with made-up arguments: for the test that each one
/// parses and names only the terms [`crate::vocab`] declares (so a term renamed there and in
/// the ontology, but not in a query, fails a test instead of answering nothing).
#[cfg(test)]
pub(crate) fn every_query() -> Vec<(String, String)> {
    use crate::model::{EntityId, EntityKind};
    let x = crate::iri::entity_iri(&EntityId::new(EntityKind::Person, "x"));
    let x = x.as_ref();
    let mut all: Vec<(String, String)> = [
        ("who_chaired", who_chaired(None)),
        ("who_chaired text", who_chaired(Some("会议"))),
        ("chaired_by", chaired_by("林武")),
        (
            "participants",
            participants(x, &Relation::present_at_event()),
        ),
        ("participations", participations(x, &[Relation::Chairs])),
        (
            "all_participations",
            all_participations(&Relation::at_event()),
        ),
        ("shared_events", shared_events(x, x)),
        ("posts", posts(None)),
        ("posts of", posts(Some(x))),
        ("relays", relays(None)),
        ("relays of", relays(Some(x))),
        ("relayed_in", relayed_in(x)),
        ("members", members(x)),
        ("labels_of", labels_of([x.as_str()])),
        ("events", events()),
        ("people", people()),
        ("labels", labels_query()),
    ]
    .into_iter()
    .map(|(n, q)| (n.to_string(), q))
    .collect();
    all.extend(crate::graph::queries());
    all.extend(crate::profile::queries());
    all.extend(
        crate::server::examples()
            .into_iter()
            .map(|(n, q)| (format!("page example {n}"), q)),
    );
    all
}

/// The labels of the ontology's terms (`gov:chairs` → 主持 / chairs), from the store's
/// ontology graph, so that output speaks the ontology's words.
#[derive(Debug, Clone, Default)]
pub struct TermLabels(std::collections::HashMap<(String, String), String>);

impl TermLabels {
    /// Reads them from the store; empty when the store has no ontology graph.
    pub fn load(store: &Store) -> Result<TermLabels, Error> {
        let mut map = std::collections::HashMap::new();
        for row in select(store, &labels_query())? {
            let (Some(term), Some(Term::Literal(l))) = (row.iri("term"), row.term("label")) else {
                continue;
            };
            if let Some(lang) = l.language() {
                map.insert(
                    (term.as_str().to_string(), lang.to_string()),
                    l.value().to_string(),
                );
            }
        }
        Ok(TermLabels(map))
    }

    /// The label of `term` in `lang` (`zh`, `en`).
    pub fn get(&self, term: NamedNodeRef<'_>, lang: &str) -> Option<&str> {
        self.0
            .get(&(term.as_str().to_string(), lang.to_string()))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_go_with_the_space_around_them() {
        let cases = [
            ("会议由\n  张三主持", "会议由张三主持"),
            ("a \r\n b", "ab"),
            ("李强 会见", "李强 会见"),
            ("尾\n", "尾"),
            ("\t 首", "\t 首"),
            ("全角\u{3000}\n空格", "全角\u{3000}空格"),
            ("", ""),
        ];
        for (s, want) in cases {
            assert_eq!(without_line_breaks(s), want, "{s:?}");
        }
        assert_eq!(
            split_found("2022-01-05\u{1f}A1\u{1f}句\n子"),
            ("A1".to_string(), "句子".to_string())
        );
    }
    use crate::extract::extract;
    use crate::lexicon::Lexicon;
    use crate::model::{Article, Date};
    use crate::store::Store;
    use oxigraph::sparql::QueryResults;

    /// The IRIs written in a query as the SPARQL serializer spells it (`<…>`, never a prefixed
    /// name); `<` as an operator is followed by a space.
    fn iris_in(sparql: &str) -> Vec<&str> {
        sparql
            .split('<')
            .skip(1)
            .filter_map(|rest| rest.split_once('>').map(|(iri, _)| iri))
            .filter(|iri| !iri.is_empty() && !iri.contains(char::is_whitespace))
            .collect()
    }

    #[test]
    fn every_query_parses_and_names_only_declared_terms() {
        use crate::vocab::{foaf, gov, id, itsrdf, nif, org, owl, prov, schema, skos};
        let declared: std::collections::HashSet<&str> = [
            gov::ALL,
            org::ALL,
            schema::ALL,
            prov::ALL,
            skos::ALL,
            nif::ALL,
            itsrdf::ALL,
            foaf::ALL,
            owl::ALL,
            graph::ALL,
        ]
        .concat()
        .iter()
        .map(|t| t.as_str())
        .collect();
        // Data (entities, articles' graphs) and the W3C core namespaces oxigraph declares.
        let open = [
            id::BASE,
            graph::ARTICLE,
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "http://www.w3.org/2000/01/rdf-schema#",
            "http://www.w3.org/2001/XMLSchema#",
        ];
        let queries = every_query();
        assert!(queries.len() > 20, "{}", queries.len());
        for (name, q) in queries {
            let parsed = spargebra::SparqlParser::new()
                .parse_query(&q)
                .unwrap_or_else(|e| panic!("{name} does not parse: {e}\n{q}"));
            let text = parsed.to_string();
            let iris = iris_in(&text);
            assert!(!iris.is_empty(), "{name}: no IRI found in {text}");
            for iri in iris {
                assert!(
                    declared.contains(iri) || open.iter().any(|ns| iri.starts_with(ns)),
                    "{name} names <{iri}>, which crate::vocab does not declare:\n{q}"
                );
            }
        }
    }

    #[test]
    fn iris_in_finds_iris_not_comparisons() {
        assert_eq!(
            iris_in("SELECT * WHERE { <a:b> <c:d> ?o FILTER(?o < 3 && ?o <= 2) }"),
            ["a:b", "c:d"]
        );
    }

    #[test]
    fn literals_escape_quotes_and_backslashes() {
        let cases = [
            ("林武", "\"林武\""),
            ("a\"b", "\"a\\\"b\""),
            ("a\\b", "\"a\\\\b\""),
            ("a\nb", "\"a\\nb\""),
        ];
        for (input, want) in cases {
            assert_eq!(literal(input), want);
        }
    }

    fn rows(store: &Store, q: &str) -> Vec<Vec<String>> {
        let QueryResults::Solutions(s) = store.query(q).unwrap() else {
            panic!("not a select")
        };
        s.map(|r| {
            let r = r.unwrap();
            r.iter().map(|(_, t)| t.to_string()).collect()
        })
        .collect()
    }

    #[test]
    fn answers_who_chaired_and_chaired_by() {
        let lex = Lexicon::builtin().unwrap();
        let store = Store::in_memory().unwrap();
        let article = Article {
            id: "a1".into(),
            title: "国务院常务会议".into(),
            text: "国务院总理李强1月4日主持召开国务院常务会议。".into(),
            published: Date::parse("2024-01-05"),
            ..Default::default()
        };
        store.ingest(&extract(&article, &lex)).unwrap();
        let all = rows(&store, &who_chaired(None));
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(all[0][1].contains("李强"), "{all:?}");
        assert!(all[0][2].contains("2024-01-04"), "{all:?}");
        assert!(all[0][4].contains("a1"), "{all:?}");
        assert_eq!(rows(&store, &who_chaired(Some("常务会议"))).len(), 1);
        assert_eq!(rows(&store, &who_chaired(Some("全体会议"))).len(), 0);
        assert_eq!(rows(&store, &chaired_by("李强")).len(), 1);
        assert_eq!(rows(&store, &chaired_by("李克强")).len(), 0);

        // A second report of the meeting: still one row, whose article and sentence are those
        // of one report (the first by id), whichever order they came in.
        let again = Article {
            id: "a0".into(),
            text: "1月4日，李强主持召开国务院常务会议，部署春节保供工作。".into(),
            published: Date::parse("2024-01-04"),
            ..article
        };
        store.ingest(&extract(&again, &lex)).unwrap();
        for q in [who_chaired(None), chaired_by("李强")] {
            let got = rows(&store, &q);
            assert_eq!(got.len(), 1, "{got:?}");
            assert_eq!(got[0][4], "\"a0\"", "{got:?}");
            assert!(got[0][3].contains("春节保供"), "{got:?}");
            assert!(got[0][2].contains("2024-01-04"), "{got:?}");
        }
    }
}
