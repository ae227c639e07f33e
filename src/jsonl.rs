//! The JSON Lines form of an extraction: govkg's documented public interface for programs.
//!
//! One record a line, each with a `kind`:
//!
//! | kind | fields |
//! |---|---|
//! | `article` | `id` (the input's own id where it has one), `title`, `headlines`, `date` (the day reported, else publication), `published`, `source`, `url`, `reporters`, `origin` (`{path, line}`) |
//! | `mention` | `article`, `entity` (IRI), `text`, `start`, `end`, `sentence` |
//! | `fact` | `subject` and `object` (an entity IRI, or an article id for `reports_for`), `predicate`, `article`, `evidence` (the sentence), `start`, `end` (the sentence's span), `sentence`, `trigger`, `date`, `confidence` |
//! | `entity` | `id` (IRI), `type` (`Person`, `Organization`, `Place`, `Meeting`, `Exhibition`, `Event`), `label`, `aliases`, `posts` (as resolved: `山西省委书记`), `memberships` (each post as written and resolved, with its body, date and evidence), `ordinal`, `date`, `articles`, `confidence`, `cue` |
//!
//! `confidence` (0–1) is an entity's best cue's ([`Basis::confidence`](crate::model::Basis)),
//! over every article that names it, and `cue` that cue's name; a fact's is the lower of its
//! ends' in its article. What falls below the run's `--min-confidence` is not written at all.
//!
//! `start` and `end` count Unicode characters (not bytes) of the article's text as it was read
//! (for JSON Lines input, the `text` field exactly), end exclusive, so a program can highlight
//! `text.chars().skip(start).take(end - start)`.
//!
//! Articles, mentions and facts are written as each article is done; entities, merged across
//! all articles, are written at the end.

use std::io::Write;

use serde_json::{json, Value};

use crate::iri::entity_iri;
use crate::model::{Entity, Extraction, Node};
use crate::resolve::Registry;

/// Writes extractions as JSON Lines.
pub struct JsonlWriter<W: Write> {
    out: W,
    entities: Registry,
}

impl<W: Write> JsonlWriter<W> {
    pub fn new(out: W) -> JsonlWriter<W> {
        JsonlWriter {
            out,
            entities: Registry::new(),
        }
    }

    /// Writes an article's record, mentions and facts; keeps its entities for the end.
    pub fn write(&mut self, x: &Extraction) -> std::io::Result<()> {
        for record in article_records(x) {
            line(&mut self.out, &record)?;
        }
        self.entities.add(x);
        Ok(())
    }

    /// Writes the merged entities and returns the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        for e in self.entities.iter() {
            line(&mut self.out, &entity_record(e))?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

fn line<W: Write>(out: &mut W, v: &Value) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, v)?;
    out.write_all(b"\n")
}

fn node(n: &Node) -> String {
    match n {
        Node::Entity(id) => entity_iri(id).as_str().to_string(),
        Node::Article(a) => a.clone(),
    }
}

/// The article, mention and fact records of one extraction.
pub fn article_records(x: &Extraction) -> Vec<Value> {
    let a = &x.article;
    let mut out = vec![json!({
        "kind": "article",
        "id": a.id,
        "title": a.title,
        "headlines": a.headlines,
        "date": a.date().map(|d| d.to_string()),
        "published": a.published.map(|d| d.to_string()),
        "source": a.source,
        "url": a.url,
        "reporters": a.reporters,
        "origin": {"path": a.origin.path, "line": a.origin.line},
    })];
    for m in &x.mentions {
        out.push(json!({
            "kind": "mention",
            "article": m.article,
            "entity": entity_iri(&m.entity).as_str(),
            "text": m.text,
            "start": m.start,
            "end": m.end,
            "sentence": m.sentence,
        }));
    }
    for f in &x.facts {
        out.push(json!({
            "kind": "fact",
            "subject": node(&f.subject),
            "predicate": f.relation.as_str(),
            "object": node(&f.object),
            "article": f.evidence.article,
            "evidence": f.evidence.text,
            "start": f.evidence.start,
            "end": f.evidence.end,
            "sentence": f.evidence.sentence,
            "trigger": f.trigger,
            "date": f.date.map(|d| d.to_string()),
            "confidence": f.confidence.as_f64(),
        }));
    }
    out
}

/// The record of a merged entity.
pub fn entity_record(e: &Entity) -> Value {
    let mut posts: Vec<&str> = Vec::new();
    for p in &e.posts {
        if !posts.contains(&p.resolved.as_str()) {
            posts.push(&p.resolved);
        }
    }
    let memberships: Vec<Value> = e
        .posts
        .iter()
        .map(|p| {
            json!({
                "post": p.written,
                "resolved": p.resolved,
                "role": p.role,
                "organization": p.organization.as_ref().map(|o| entity_iri(o).as_str().to_string()),
                "date": p.date.map(|d| d.to_string()),
                "article": p.evidence.article,
                "sentence": p.evidence.sentence,
                "start": p.evidence.start,
                "end": p.evidence.end,
            })
        })
        .collect();
    json!({
        "kind": "entity",
        "id": entity_iri(&e.id).as_str(),
        "type": e.id.kind.as_str(),
        "label": e.label,
        "aliases": e.aliases,
        "posts": posts,
        "memberships": memberships,
        "ordinal": e.ordinal,
        "date": e.date.map(|d| d.to_string()),
        "articles": e.articles,
        "confidence": e.confidence().as_f64(),
        "cue": e.basis.as_str(),
    })
}
