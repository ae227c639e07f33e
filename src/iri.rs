//! The IRIs govkg mints for entities, articles, graphs and text spans, and their inverses: what
//! the RDF writer, the store, the JSON Lines writer and the answers use to name things.
//!
//! Entities are `https://w3id.org/govkg/id/{base}/{key}` with base `person`, `org`, `place`,
//! `event` (other events), `event/meeting` or `event/exhibition`; the key is one path segment,
//! percent-encoded only where an IRI path segment cannot hold the character (see
//! [`encode_segment`]), so Chinese stays readable. Articles are `…/id/article/{id}` and their
//! graphs `https://w3id.org/govkg/graph/article/{id}`. Nodes that carry a statement's date and
//! evidence are keyed by what they state and where: `…/id/membership/{article}/{sentence}/…`,
//! `…/id/association/{article}/{sentence}/…`, spans `…/id/span/{article}/{start}-{end}`.
//! No blank nodes: the same extraction always gives the same quads.

use oxigraph::model::{NamedNode, NamedNodeRef};

use crate::model::{EntityId, EntityKind};
use crate::vocab::{graph, id};

/// The base of each kind's IRIs, most specific first so that a prefix search finds meetings
/// before other events (their base extends the events' base).
const KIND_BASES: [(EntityKind, &str); 6] = [
    (EntityKind::Meeting, id::MEETING),
    (EntityKind::Exhibition, id::EXHIBITION),
    (EntityKind::Event, id::EVENT),
    (EntityKind::Person, id::PERSON),
    (EntityKind::Organization, id::ORGANIZATION),
    (EntityKind::Place, id::PLACE),
];

/// The IRI of an entity: its kind's base followed by its key as one path segment.
pub fn entity_iri(id: &EntityId) -> NamedNode {
    let base = KIND_BASES
        .iter()
        .find(|(kind, _)| *kind == id.kind)
        .map_or(id::BASE, |(_, base)| base);
    // The segment encoding leaves only characters valid in an IRI path.
    NamedNode::new_unchecked(format!("{base}{}", encode_segment(&id.key)))
}

/// The entity an IRI made by [`entity_iri`] names, or `None` for any other IRI.
pub fn entity_id_of(iri: NamedNodeRef<'_>) -> Option<EntityId> {
    KIND_BASES.iter().find_map(|(kind, base)| {
        let segment = iri.as_str().strip_prefix(base)?;
        Some(EntityId::new(*kind, decode_segment(segment)?))
    })
}

/// The IRI of an article.
pub fn article_iri(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{}", id::ARTICLE, encode_segment(id)))
}

/// The article id of an IRI made by [`article_iri`].
pub fn article_id_of(iri: NamedNodeRef<'_>) -> Option<String> {
    decode_segment(iri.as_str().strip_prefix(id::ARTICLE)?)
}

/// The named graph holding everything extracted from an article.
pub fn article_graph(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{}", graph::ARTICLE, encode_segment(id)))
}

/// The article id of a graph made by [`article_graph`]; `None` for the ontology's graph and others.
pub fn article_of_graph(graph: NamedNodeRef<'_>) -> Option<String> {
    decode_segment(graph.as_str().strip_prefix(graph::ARTICLE)?)
}

/// The IRI of characters `start..end` of an article's text. The span `0..len` is the article's
/// `nif:Context`.
pub fn span_iri(article: &str, start: usize, end: usize) -> NamedNode {
    NamedNode::new_unchecked(format!(
        "{}{}/{start}-{end}",
        id::SPAN,
        encode_segment(article)
    ))
}

/// An IRI shortened with the first of [`crate::vocab::PREFIXES`] it starts with
/// (`person:林武`, `gov:chairs`), or `None` when none fits. For display only: the result is not
/// always a valid SPARQL prefixed name (`/` in the local part is left as is).
pub fn compact_iri(iri: &str) -> Option<String> {
    crate::vocab::PREFIXES
        .iter()
        .find_map(|(prefix, namespace)| {
            let local = iri.strip_prefix(namespace)?;
            Some(format!("{prefix}:{local}"))
        })
}

/// Percent-encodes what an IRI path segment cannot hold (RFC 3987 `ipchar`): ASCII other than
/// letters, digits and `-._~!$&'()*+,;=:@`, control characters, and the few non-ASCII characters
/// IRIs exclude (C1 controls, private use, non-characters). CJK and other text stay as they are.
/// `.` and `..` alone are encoded too, since IRI resolution would remove them as dot-segments.
pub fn encode_segment(s: &str) -> String {
    if s == "." || s == ".." {
        return s.replace('.', "%2E");
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_ipchar(c) {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// Reverses [`encode_segment`]; `None` when the segment holds a `/`, a malformed escape or
/// escapes that are not UTF-8.
pub fn decode_segment(s: &str) -> Option<String> {
    if s.contains('/') {
        return None;
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn is_ipchar(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c);
    }
    // RFC 3987 `ucschar`: planes 1-14 minus each plane's last two code points and minus the
    // tags and variation selectors U+E0000-E0FFF, and the BMP minus C1 controls, surrogates,
    // private use and the non-characters U+FDD0-FDEF, U+FFF0-FFFF.
    let n = u32::from(c);
    matches!(n, 0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF)
        || (0x10000..=0xDFFFD).contains(&n) && (n & 0xFFFE) != 0xFFFE
        || (0xE1000..=0xEFFFD).contains(&n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::gov;

    #[test]
    fn entity_iris_round_trip_and_are_valid() {
        let keys = [
            "林武",
            "省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议",
            "a/b",
            "with space",
            "say \"hi\"",
            "50%",
            "#?<>{}|\\^`[]",
            "tab\tnew\nline\u{7f}",
            "\u{80}\u{9f}\u{e000}\u{fdd0}\u{fffe}\u{1fffe}",
            // Tags and variation selectors (found by fuzzing: `李\u{e0000}`).
            "\u{e0000}\u{e0001}\u{e0100}\u{e0fff}\u{e1000}",
            "ideographic\u{3000}space、全角／斜杠",
            ".",
            "..",
            "...",
            "",
            "l'État & co;=:@!$*+,",
        ];
        for kind in EntityKind::ALL {
            for key in keys {
                let id = EntityId::new(kind, key);
                let iri = entity_iri(&id);
                assert!(NamedNode::new(iri.as_str()).is_ok(), "invalid IRI {iri}");
                assert_eq!(entity_id_of(iri.as_ref()), Some(id), "{iri}");
                let segment = iri.as_str().rsplit('/').next().unwrap_or_default();
                assert_eq!(decode_segment(segment).as_deref(), Some(key), "{iri}");
            }
        }
    }

    #[test]
    fn segments_encode_only_what_they_must() {
        let cases = [
            ("林武", "林武"),
            ("a/b", "a%2Fb"),
            ("a b", "a%20b"),
            ("\"", "%22"),
            ("%", "%25"),
            ("..", "%2E%2E"),
            ("全角／", "全角／"),
            ("\u{85}", "%C2%85"),
            ("x.y~z", "x.y~z"),
        ];
        for (key, want) in cases {
            assert_eq!(encode_segment(key), want, "{key:?}");
        }
        for bad in ["%", "%2", "%zz", "a/b", "%FF"] {
            assert_eq!(decode_segment(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn iris_of_other_things_are_not_entities() {
        let person = entity_iri(&EntityId::new(EntityKind::Person, "林武"));
        let cases = [
            article_iri("A1"),
            article_graph("A1"),
            span_iri("A1", 0, 3),
            NamedNode::new_unchecked(format!("{person}/x")),
            gov::CHAIRS.into_owned(),
        ];
        for iri in cases {
            assert_eq!(entity_id_of(iri.as_ref()), None, "{iri}");
        }
        assert_eq!(
            entity_id_of(NamedNode::new_unchecked(format!("{}{}", id::EVENT, "x")).as_ref()),
            Some(EntityId::new(EntityKind::Event, "x"))
        );
        assert_eq!(
            article_id_of(article_iri("a b/c").as_ref()).as_deref(),
            Some("a b/c")
        );
        assert_eq!(
            article_of_graph(article_graph("a/b").as_ref()).as_deref(),
            Some("a/b")
        );
        assert_eq!(article_of_graph(graph::ONTOLOGY), None);
    }
}
