//! The IRIs govkg writes: its own ontology terms (mirroring `ontology/govkg.ttl`), the terms it
//! reuses from W3C ORG, schema.org, PROV-O, SKOS, NIF 2.0, ITS 2.0, FOAF and OWL, and the bases
//! of its data and named graphs.
//!
//! Every IRI in the crate is spelt here and only here. Each namespace is written once, as a
//! macro expanding to a string literal, so that the constants can be built at compile time with
//! `concat!` and a typo in a namespace cannot split one vocabulary in two. RDF, RDFS and XSD
//! terms come from [`oxigraph::model::vocab`].

/// The namespace string of each vocabulary, as a literal usable in `concat!`.
macro_rules! ns {
    (gov) => {
        "https://w3id.org/govkg/ontology#"
    };
    (org) => {
        "http://www.w3.org/ns/org#"
    };
    (schema) => {
        "https://schema.org/"
    };
    (prov) => {
        "http://www.w3.org/ns/prov#"
    };
    (skos) => {
        "http://www.w3.org/2004/02/skos/core#"
    };
    (nif) => {
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    };
    (itsrdf) => {
        "http://www.w3.org/2005/11/its/rdf#"
    };
    (foaf) => {
        "http://xmlns.com/foaf/0.1/"
    };
    (owl) => {
        "http://www.w3.org/2002/07/owl#"
    };
    (dcterms) => {
        "http://purl.org/dc/terms/"
    };
    (rdf) => {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    };
    (rdfs) => {
        "http://www.w3.org/2000/01/rdf-schema#"
    };
    (xsd) => {
        "http://www.w3.org/2001/XMLSchema#"
    };
    (id) => {
        "https://w3id.org/govkg/id/"
    };
    (graph) => {
        "https://w3id.org/govkg/graph/"
    };
}

/// A term of vocabulary `$ns` with local name `$local`.
macro_rules! term {
    ($ns:tt, $local:literal) => {
        ::oxigraph::model::NamedNodeRef::new_unchecked(concat!(ns!($ns), $local))
    };
}

pub use oxigraph::model::vocab::{rdf, rdfs, xsd};

/// Prefixes declared for every SPARQL query and used to shorten IRIs in tables.
///
/// Longer namespaces come before the shorter ones they extend (`meeting:` before `event:`), so
/// that the first match is the most specific.
pub const PREFIXES: &[(&str, &str)] = &[
    ("gov", ns!(gov)),
    ("org", ns!(org)),
    ("schema", ns!(schema)),
    ("prov", ns!(prov)),
    ("skos", ns!(skos)),
    ("nif", ns!(nif)),
    ("itsrdf", ns!(itsrdf)),
    ("foaf", ns!(foaf)),
    ("owl", ns!(owl)),
    ("dcterms", ns!(dcterms)),
    ("rdf", ns!(rdf)),
    ("rdfs", ns!(rdfs)),
    ("xsd", ns!(xsd)),
    ("person", id::PERSON),
    ("body", id::ORGANIZATION),
    ("place", id::PLACE),
    ("meeting", id::MEETING),
    ("exhibition", id::EXHIBITION),
    ("event", id::EVENT),
    ("article", id::ARTICLE),
];

pub mod gov {
    //! govkg's own terms, declared with labels and comments in `ontology/govkg.ttl`.
    use oxigraph::model::NamedNodeRef;

    /// The namespace of govkg's terms.
    pub const NAMESPACE: &str = ns!(gov);
    /// The ontology itself (`owl:Ontology`).
    pub const ONTOLOGY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/govkg/ontology");

    /// A person named in the news (⊑ `schema:Person`, `foaf:Person`, `prov:Person`).
    pub const PERSON: NamedNodeRef<'static> = term!(gov, "Person");
    /// Something that happened and was reported (⊑ `schema:Event`, `prov:Activity`).
    pub const EVENT: NamedNodeRef<'static> = term!(gov, "Event");
    /// A meeting, often numbered and dated (⊑ `gov:Event`).
    pub const MEETING: NamedNodeRef<'static> = term!(gov, "Meeting");
    /// An exhibition or a fair (⊑ `gov:Event`, `schema:ExhibitionEvent`).
    pub const EXHIBITION: NamedNodeRef<'static> = term!(gov, "Exhibition");

    /// Role: who chairs a meeting or an event.
    pub const CHAIR: NamedNodeRef<'static> = term!(gov, "Chair");
    /// Role: who attends.
    pub const ATTENDEE: NamedNodeRef<'static> = term!(gov, "Attendee");
    /// Role: who gives instructions at a meeting.
    pub const INSTRUCTOR: NamedNodeRef<'static> = term!(gov, "Instructor");
    /// Role: who reports to a meeting (not a journalist).
    pub const REPORTER: NamedNodeRef<'static> = term!(gov, "Reporter");
    /// Role: a journalist named in an article's byline.
    pub const JOURNALIST: NamedNodeRef<'static> = term!(gov, "Journalist");
    /// Role: the body or person that organises an event.
    pub const ORGANIZER: NamedNodeRef<'static> = term!(gov, "Organizer");
    /// Role: who speaks at an event.
    pub const SPEAKER: NamedNodeRef<'static> = term!(gov, "Speaker");

    /// Takes part in an activity in some role; inverse of `prov:wasAssociatedWith`.
    pub const ASSOCIATED_WITH: NamedNodeRef<'static> = term!(gov, "associatedWith");
    /// Chairs a meeting or event.
    pub const CHAIRS: NamedNodeRef<'static> = term!(gov, "chairs");
    /// Attends an event; inverse of `schema:attendee`.
    pub const ATTENDS: NamedNodeRef<'static> = term!(gov, "attends");
    /// Gives instructions at a meeting.
    pub const INSTRUCTS: NamedNodeRef<'static> = term!(gov, "instructs");
    /// Reports to a meeting.
    pub const REPORTS: NamedNodeRef<'static> = term!(gov, "reports");
    /// Speaks at an event.
    pub const SPEAKS_AT: NamedNodeRef<'static> = term!(gov, "speaksAt");
    /// Organises an event; inverse of `schema:organizer`.
    pub const ORGANIZES: NamedNodeRef<'static> = term!(gov, "organizes");
    /// A venue hosts an event, or a building its tenant bodies.
    pub const HOSTS: NamedNodeRef<'static> = term!(gov, "hosts");
    /// A meeting relays another's decisions (⊑ `prov:wasInformedBy`).
    pub const RELAYS: NamedNodeRef<'static> = term!(gov, "relays");
    /// A journalist is named in an article's byline.
    pub const REPORTS_FOR: NamedNodeRef<'static> = term!(gov, "reportsFor");
    /// A body develops or launches a product or an event.
    pub const DEVELOPS: NamedNodeRef<'static> = term!(gov, "develops");
    /// Meets or holds talks with (symmetric).
    pub const MEETS: NamedNodeRef<'static> = term!(gov, "meets");

    /// A meeting's number in its series (`xsd:integer`).
    pub const ORDINAL: NamedNodeRef<'static> = term!(gov, "ordinal");
    /// The post as written (`@zh`).
    pub const POST: NamedNodeRef<'static> = term!(gov, "post");
    /// The post with its jurisdiction spelt out (`@zh`).
    pub const RESOLVED_POST: NamedNodeRef<'static> = term!(gov, "resolvedPost");
    /// The role alone, as text (`@zh`).
    pub const ROLE: NamedNodeRef<'static> = term!(gov, "role");
    /// The day an article shows a post held or a role played (`xsd:date`).
    pub const ATTESTED_ON: NamedNodeRef<'static> = term!(gov, "attestedOn");
    /// The word that states a relation (`@zh`).
    pub const TRIGGER: NamedNodeRef<'static> = term!(gov, "trigger");
    /// How sure the extractor is of an entity or a relation in an article (`xsd:decimal`, 0–1).
    pub const CONFIDENCE: NamedNodeRef<'static> = term!(gov, "confidence");
    /// The cue an entity was found by in an article (`titled`, `body_listed`; `xsd:string`).
    pub const CUE: NamedNodeRef<'static> = term!(gov, "cue");

    /// Every term above except the ontology IRI, for checks against `ontology/govkg.ttl`.
    pub const ALL: &[NamedNodeRef<'static>] = &[
        PERSON,
        EVENT,
        MEETING,
        EXHIBITION,
        CHAIR,
        ATTENDEE,
        INSTRUCTOR,
        REPORTER,
        JOURNALIST,
        ORGANIZER,
        SPEAKER,
        ASSOCIATED_WITH,
        CHAIRS,
        ATTENDS,
        INSTRUCTS,
        REPORTS,
        SPEAKS_AT,
        ORGANIZES,
        HOSTS,
        RELAYS,
        REPORTS_FOR,
        DEVELOPS,
        MEETS,
        ORDINAL,
        POST,
        RESOLVED_POST,
        ROLE,
        ATTESTED_ON,
        TRIGGER,
        CONFIDENCE,
        CUE,
    ];
}

pub mod org {
    //! [W3C Organization Ontology](https://www.w3.org/TR/vocab-org/) terms.
    use oxigraph::model::NamedNodeRef;

    /// The vocabulary's namespace.
    pub const NAMESPACE: &str = ns!(org);

    /// Class `org:Organization`: a body.
    pub const ORGANIZATION: NamedNodeRef<'static> = term!(org, "Organization");
    /// Class `org:Membership`: a person's post in a body, as an n-ary relation.
    pub const MEMBERSHIP: NamedNodeRef<'static> = term!(org, "Membership");
    /// Property `org:member`: the person of a membership.
    pub const MEMBER: NamedNodeRef<'static> = term!(org, "member");
    /// Property `org:organization`: the body of a membership.
    pub const ORGANIZATION_PROPERTY: NamedNodeRef<'static> = term!(org, "organization");
}

pub mod schema {
    //! [schema.org](https://schema.org/) terms, always in the `https://schema.org/` namespace.
    use oxigraph::model::NamedNodeRef;

    /// The vocabulary's namespace.
    pub const NAMESPACE: &str = ns!(schema);

    /// A news article.
    pub const NEWS_ARTICLE: NamedNodeRef<'static> = term!(schema, "NewsArticle");
    /// A creative work's main headline.
    pub const HEADLINE: NamedNodeRef<'static> = term!(schema, "headline");
    /// Another headline: kicker or sub-headline.
    pub const ALTERNATIVE_HEADLINE: NamedNodeRef<'static> = term!(schema, "alternativeHeadline");
    /// The publication date.
    pub const DATE_PUBLISHED: NamedNodeRef<'static> = term!(schema, "datePublished");
    /// The date the work was created: for news, the dateline.
    pub const DATE_CREATED: NamedNodeRef<'static> = term!(schema, "dateCreated");
    /// The outlet that publishes a work.
    pub const PUBLISHER: NamedNodeRef<'static> = term!(schema, "publisher");
    /// A work's URL.
    pub const URL: NamedNodeRef<'static> = term!(schema, "url");
    /// A work's author: the journalists of its byline.
    pub const AUTHOR: NamedNodeRef<'static> = term!(schema, "author");
    /// A thing a work refers to without necessarily being about it.
    pub const MENTIONS: NamedNodeRef<'static> = term!(schema, "mentions");
    /// Class of people.
    pub const PERSON: NamedNodeRef<'static> = term!(schema, "Person");
    /// Class of organisations.
    pub const ORGANIZATION: NamedNodeRef<'static> = term!(schema, "Organization");
    /// Class of places.
    pub const PLACE: NamedNodeRef<'static> = term!(schema, "Place");
    /// Class of events.
    pub const EVENT: NamedNodeRef<'static> = term!(schema, "Event");
    /// Class of exhibitions.
    pub const EXHIBITION_EVENT: NamedNodeRef<'static> = term!(schema, "ExhibitionEvent");
    /// An event's start date.
    pub const START_DATE: NamedNodeRef<'static> = term!(schema, "startDate");
    /// An event's attendee.
    pub const ATTENDEE: NamedNodeRef<'static> = term!(schema, "attendee");
    /// An event's organiser.
    pub const ORGANIZER: NamedNodeRef<'static> = term!(schema, "organizer");
    /// Where an event takes place.
    pub const LOCATION: NamedNodeRef<'static> = term!(schema, "location");
}

pub mod prov {
    //! [PROV-O](https://www.w3.org/TR/prov-o/) terms.
    use oxigraph::model::NamedNodeRef;

    /// The vocabulary's namespace.
    pub const NAMESPACE: &str = ns!(prov);

    /// Class of activities.
    pub const ACTIVITY: NamedNodeRef<'static> = term!(prov, "Activity");
    /// Class of people as agents.
    pub const PERSON: NamedNodeRef<'static> = term!(prov, "Person");
    /// Class of organisations as agents.
    pub const ORGANIZATION: NamedNodeRef<'static> = term!(prov, "Organization");
    /// Class of locations.
    pub const LOCATION: NamedNodeRef<'static> = term!(prov, "Location");
    /// Class of qualified associations of an agent with an activity.
    pub const ASSOCIATION: NamedNodeRef<'static> = term!(prov, "Association");
    /// Class of qualified attributions of an entity to an agent.
    pub const ATTRIBUTION: NamedNodeRef<'static> = term!(prov, "Attribution");
    /// Class of qualified communications between activities.
    pub const COMMUNICATION: NamedNodeRef<'static> = term!(prov, "Communication");
    /// An activity's qualified association.
    pub const QUALIFIED_ASSOCIATION: NamedNodeRef<'static> = term!(prov, "qualifiedAssociation");
    /// An entity's qualified attribution.
    pub const QUALIFIED_ATTRIBUTION: NamedNodeRef<'static> = term!(prov, "qualifiedAttribution");
    /// An activity's qualified communication (qualified `prov:wasInformedBy`).
    pub const QUALIFIED_COMMUNICATION: NamedNodeRef<'static> =
        term!(prov, "qualifiedCommunication");
    /// Property `prov:agent`: the agent of an association or attribution.
    pub const AGENT: NamedNodeRef<'static> = term!(prov, "agent");
    /// Property `prov:activity`: the informing activity of a communication.
    pub const ACTIVITY_PROPERTY: NamedNodeRef<'static> = term!(prov, "activity");
    /// The role an agent played.
    pub const HAD_ROLE: NamedNodeRef<'static> = term!(prov, "hadRole");
    /// What a statement was taken from: its evidence span.
    pub const WAS_DERIVED_FROM: NamedNodeRef<'static> = term!(prov, "wasDerivedFrom");
    /// An activity used what another activity produced.
    pub const WAS_INFORMED_BY: NamedNodeRef<'static> = term!(prov, "wasInformedBy");
}

pub mod skos {
    //! [SKOS](https://www.w3.org/TR/skos-reference/) labelling terms.
    use oxigraph::model::NamedNodeRef;

    /// The vocabulary's namespace.
    pub const NAMESPACE: &str = ns!(skos);

    /// The preferred label, one per language.
    pub const PREF_LABEL: NamedNodeRef<'static> = term!(skos, "prefLabel");
    /// Another label: short form or variant.
    pub const ALT_LABEL: NamedNodeRef<'static> = term!(skos, "altLabel");
}

pub mod nif {
    //! [NIF 2.0 core](https://persistence.uni-leipzig.org/nlp2rdf/) terms for character spans.
    use oxigraph::model::NamedNodeRef;

    /// The vocabulary's namespace.
    pub const NAMESPACE: &str = ns!(nif);

    /// The whole text of a document, which spans' offsets count in.
    pub const CONTEXT: NamedNodeRef<'static> = term!(nif, "Context");
    /// Any span of a text.
    pub const STRING: NamedNodeRef<'static> = term!(nif, "String");
    /// A sentence span: the evidence of a statement.
    pub const SENTENCE: NamedNodeRef<'static> = term!(nif, "Sentence");
    /// A phrase span: a mention of an entity.
    pub const PHRASE: NamedNodeRef<'static> = term!(nif, "Phrase");
    /// First character of a span (Unicode characters, from 0).
    pub const BEGIN_INDEX: NamedNodeRef<'static> = term!(nif, "beginIndex");
    /// Character after the last one of a span.
    pub const END_INDEX: NamedNodeRef<'static> = term!(nif, "endIndex");
    /// The characters of a span.
    pub const ANCHOR_OF: NamedNodeRef<'static> = term!(nif, "anchorOf");
    /// The context a span's offsets count in.
    pub const REFERENCE_CONTEXT: NamedNodeRef<'static> = term!(nif, "referenceContext");
    /// A context's whole text.
    pub const IS_STRING: NamedNodeRef<'static> = term!(nif, "isString");
    /// The document a context's text comes from.
    pub const SOURCE_URL: NamedNodeRef<'static> = term!(nif, "sourceUrl");
}

pub mod itsrdf {
    //! [ITS 2.0](https://www.w3.org/TR/its20/) term NIF uses to link a span to what it names.
    use oxigraph::model::NamedNodeRef;

    /// The entity a span refers to.
    pub const TA_IDENT_REF: NamedNodeRef<'static> = term!(itsrdf, "taIdentRef");
}

pub mod foaf {
    //! [FOAF](http://xmlns.com/foaf/spec/) terms (the range of `org:member`).
    use oxigraph::model::NamedNodeRef;

    /// Class of people.
    pub const PERSON: NamedNodeRef<'static> = term!(foaf, "Person");
}

pub mod owl {
    //! [OWL 2](https://www.w3.org/TR/owl2-rdf-based-semantics/) terms read from the ontology.
    use oxigraph::model::NamedNodeRef;

    /// Class of ontology headers.
    pub const ONTOLOGY: NamedNodeRef<'static> = term!(owl, "Ontology");
    /// An ontology's version string.
    pub const VERSION_INFO: NamedNodeRef<'static> = term!(owl, "versionInfo");
    /// Links a property to its inverse (`gov:attends owl:inverseOf schema:attendee`).
    pub const INVERSE_OF: NamedNodeRef<'static> = term!(owl, "inverseOf");
}

pub mod id {
    //! Bases of the IRIs of govkg's data. Each is followed by one percent-encoded path segment
    //! (see [`crate::rdf::entity_iri`]), or by several for nodes keyed by several things.

    /// Everything govkg names.
    pub const BASE: &str = ns!(id);
    /// People: `…/id/person/林武`.
    pub const PERSON: &str = concat!(ns!(id), "person/");
    /// Bodies: `…/id/org/山西省委`.
    pub const ORGANIZATION: &str = concat!(ns!(id), "org/");
    /// Places: `…/id/place/太原市`.
    pub const PLACE: &str = concat!(ns!(id), "place/");
    /// Events other than meetings and exhibitions: `…/id/event/{key}`.
    pub const EVENT: &str = concat!(ns!(id), "event/");
    /// Meetings: `…/id/event/meeting/{key}`.
    pub const MEETING: &str = concat!(ns!(id), "event/meeting/");
    /// Exhibitions: `…/id/event/exhibition/{key}`.
    pub const EXHIBITION: &str = concat!(ns!(id), "event/exhibition/");
    /// Articles: `…/id/article/{article id}`.
    pub const ARTICLE: &str = concat!(ns!(id), "article/");
    /// Memberships: `…/id/membership/{article}/{sentence}/{kind}/{key}/{post}`.
    pub const MEMBERSHIP: &str = concat!(ns!(id), "membership/");
    /// Qualified PROV nodes (associations, attributions, communications):
    /// `…/id/association/{article}/{sentence}/{relation}/{kind}/{key}/{kind}/{key}`, subject then
    /// object, an article's kind being `article`.
    pub const ASSOCIATION: &str = concat!(ns!(id), "association/");
    /// Text spans: `…/id/span/{article}/{start}-{end}`.
    pub const SPAN: &str = concat!(ns!(id), "span/");
}

pub mod graph {
    //! Named graphs: one per article, and one for the ontology.
    use oxigraph::model::NamedNodeRef;

    /// Base of articles' graphs: `…/graph/article/{article id}`.
    pub const ARTICLE: &str = concat!(ns!(graph), "article/");
    /// The graph holding `ontology/govkg.ttl`.
    pub const ONTOLOGY: NamedNodeRef<'static> = term!(graph, "ontology");
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::NamedNode;

    #[test]
    fn every_constant_is_a_valid_iri_in_its_namespace() {
        let cases: &[(&str, &[oxigraph::model::NamedNodeRef<'static>])] = &[
            (gov::NAMESPACE, gov::ALL),
            (
                ns!(org),
                &[
                    org::ORGANIZATION,
                    org::MEMBERSHIP,
                    org::MEMBER,
                    org::ORGANIZATION_PROPERTY,
                ],
            ),
            (ns!(prov), &[prov::AGENT, prov::HAD_ROLE, prov::ACTIVITY]),
            (ns!(nif), &[nif::BEGIN_INDEX, nif::SOURCE_URL]),
            (ns!(graph), &[graph::ONTOLOGY]),
        ];
        for (namespace, terms) in cases {
            for term in *terms {
                assert!(NamedNode::new(term.as_str()).is_ok(), "{term}");
                assert!(term.as_str().starts_with(namespace), "{term}");
                assert!(term.as_str().len() > namespace.len(), "{term}");
            }
        }
        for (prefix, namespace) in PREFIXES {
            assert!(NamedNode::new(*namespace).is_ok(), "{prefix}");
        }
    }

    #[test]
    fn prefixes_are_unique_and_specific_ones_come_first() {
        for (i, (p, n)) in PREFIXES.iter().enumerate() {
            for (q, m) in &PREFIXES[i + 1..] {
                assert_ne!(p, q);
                assert_ne!(n, m);
                // A later namespace must not be more specific than an earlier one it extends.
                assert!(!m.starts_with(n), "{q}: {m} should come before {p}: {n}");
            }
        }
    }
}
