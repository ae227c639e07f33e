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

/// Terms of vocabulary `$ns`, each `NAME = "local name";` with its doc comment, and `ALL`, the
/// list of them: what the ontology check and the check of the queries' IRIs go through.
macro_rules! terms {
    ($ns:tt; $( $(#[$doc:meta])* $name:ident = $local:literal; )*) => {
        $( $(#[$doc])* pub const $name: NamedNodeRef<'static> = term!($ns, $local); )*
        /// Every term above.
        pub const ALL: &[NamedNodeRef<'static>] = &[$($name),*];
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

    terms! { gov;
        /// A person named in the news (⊑ `schema:Person`, `foaf:Person`, `prov:Person`).
        PERSON = "Person";
        /// Something that happened and was reported (⊑ `schema:Event`, `prov:Activity`).
        EVENT = "Event";
        /// A meeting, often numbered and dated (⊑ `gov:Event`).
        MEETING = "Meeting";
        /// An exhibition or a fair (⊑ `gov:Event`, `schema:ExhibitionEvent`).
        EXHIBITION = "Exhibition";

        /// Role: who chairs a meeting or an event.
        CHAIR = "Chair";
        /// Role: who attends.
        ATTENDEE = "Attendee";
        /// Role: who gives instructions at a meeting.
        INSTRUCTOR = "Instructor";
        /// Role: who reports to a meeting (not a journalist).
        REPORTER = "Reporter";
        /// Role: a journalist named in an article's byline.
        JOURNALIST = "Journalist";
        /// Role: the body or person that organises an event.
        ORGANIZER = "Organizer";
        /// Role: who speaks at an event.
        SPEAKER = "Speaker";

        /// Takes part in an activity in some role; inverse of `prov:wasAssociatedWith`.
        ASSOCIATED_WITH = "associatedWith";
        /// Chairs a meeting or event.
        CHAIRS = "chairs";
        /// Attends an event; inverse of `schema:attendee`.
        ATTENDS = "attends";
        /// Gives instructions at a meeting.
        INSTRUCTS = "instructs";
        /// Reports to a meeting.
        REPORTS = "reports";
        /// Speaks at an event.
        SPEAKS_AT = "speaksAt";
        /// Organises an event; inverse of `schema:organizer`.
        ORGANIZES = "organizes";
        /// A venue hosts an event, or a building its tenant bodies.
        HOSTS = "hosts";
        /// A meeting relays another's decisions (⊑ `prov:wasInformedBy`).
        RELAYS = "relays";
        /// A journalist is named in an article's byline.
        REPORTS_FOR = "reportsFor";
        /// A body develops or launches a product or an event.
        DEVELOPS = "develops";
        /// Meets or holds talks with (symmetric).
        MEETS = "meets";

        /// A meeting's number in its series (`xsd:integer`).
        ORDINAL = "ordinal";
        /// The post as written (`@zh`).
        POST = "post";
        /// The post with its jurisdiction spelt out (`@zh`).
        RESOLVED_POST = "resolvedPost";
        /// The role alone, as text (`@zh`).
        ROLE = "role";
        /// The day an article shows a post held or a role played (`xsd:date`).
        ATTESTED_ON = "attestedOn";
        /// The word that states a relation (`@zh`).
        TRIGGER = "trigger";
        /// How sure the extractor is of an entity or a relation in an article (`xsd:decimal`, 0–1).
        CONFIDENCE = "confidence";
        /// The cue an entity was found by in an article (`titled`, `body_listed`; `xsd:string`).
        CUE = "cue";
    }
}

pub mod org {
    //! [W3C Organization Ontology](https://www.w3.org/TR/vocab-org/) terms.
    use oxigraph::model::NamedNodeRef;

    /// The vocabulary's namespace.
    pub const NAMESPACE: &str = ns!(org);

    terms! { org;
        /// Class `org:Organization`: a body.
        ORGANIZATION = "Organization";
        /// Class `org:Membership`: a person's post in a body, as an n-ary relation.
        MEMBERSHIP = "Membership";
        /// Property `org:member`: the person of a membership.
        MEMBER = "member";
        /// Property `org:organization`: the body of a membership.
        ORGANIZATION_PROPERTY = "organization";
    }
}

pub mod schema {
    //! [schema.org](https://schema.org/) terms, always in the `https://schema.org/` namespace.
    use oxigraph::model::NamedNodeRef;

    /// The vocabulary's namespace.
    pub const NAMESPACE: &str = ns!(schema);

    terms! { schema;
        /// A news article.
        NEWS_ARTICLE = "NewsArticle";
        /// A creative work's main headline.
        HEADLINE = "headline";
        /// Another headline: kicker or sub-headline.
        ALTERNATIVE_HEADLINE = "alternativeHeadline";
        /// The publication date.
        DATE_PUBLISHED = "datePublished";
        /// The date the work was created: for news, the dateline.
        DATE_CREATED = "dateCreated";
        /// The outlet that publishes a work.
        PUBLISHER = "publisher";
        /// A work's URL.
        URL = "url";
        /// A work's author: the journalists of its byline.
        AUTHOR = "author";
        /// A thing a work refers to without necessarily being about it.
        MENTIONS = "mentions";
        /// Class of people.
        PERSON = "Person";
        /// Class of organisations.
        ORGANIZATION = "Organization";
        /// Class of places.
        PLACE = "Place";
        /// Class of events.
        EVENT = "Event";
        /// Class of exhibitions.
        EXHIBITION_EVENT = "ExhibitionEvent";
        /// An event's start date.
        START_DATE = "startDate";
        /// An event's attendee.
        ATTENDEE = "attendee";
        /// An event's organiser.
        ORGANIZER = "organizer";
        /// Where an event takes place.
        LOCATION = "location";
    }
}

pub mod prov {
    //! [PROV-O](https://www.w3.org/TR/prov-o/) terms.
    use oxigraph::model::NamedNodeRef;

    /// The vocabulary's namespace.
    pub const NAMESPACE: &str = ns!(prov);

    terms! { prov;
        /// Class of activities.
        ACTIVITY = "Activity";
        /// Class of people as agents.
        PERSON = "Person";
        /// Class of organisations as agents.
        ORGANIZATION = "Organization";
        /// Class of locations.
        LOCATION = "Location";
        /// Class of qualified associations of an agent with an activity.
        ASSOCIATION = "Association";
        /// Class of qualified attributions of an entity to an agent.
        ATTRIBUTION = "Attribution";
        /// Class of qualified communications between activities.
        COMMUNICATION = "Communication";
        /// An activity's qualified association.
        QUALIFIED_ASSOCIATION = "qualifiedAssociation";
        /// An entity's qualified attribution.
        QUALIFIED_ATTRIBUTION = "qualifiedAttribution";
        /// An activity's qualified communication (qualified `prov:wasInformedBy`).
        QUALIFIED_COMMUNICATION = "qualifiedCommunication";
        /// Property `prov:agent`: the agent of an association or attribution.
        AGENT = "agent";
        /// Property `prov:activity`: the informing activity of a communication.
        ACTIVITY_PROPERTY = "activity";
        /// The role an agent played.
        HAD_ROLE = "hadRole";
        /// What a statement was taken from: its evidence span.
        WAS_DERIVED_FROM = "wasDerivedFrom";
        /// An activity used what another activity produced.
        WAS_INFORMED_BY = "wasInformedBy";
    }
}

pub mod skos {
    //! [SKOS](https://www.w3.org/TR/skos-reference/) labelling terms.
    use oxigraph::model::NamedNodeRef;

    /// The vocabulary's namespace.
    pub const NAMESPACE: &str = ns!(skos);

    terms! { skos;
        /// The preferred label, one per language.
        PREF_LABEL = "prefLabel";
        /// Another label: short form or variant.
        ALT_LABEL = "altLabel";
    }
}

pub mod nif {
    //! [NIF 2.0 core](https://persistence.uni-leipzig.org/nlp2rdf/) terms for character spans.
    use oxigraph::model::NamedNodeRef;

    /// The vocabulary's namespace.
    pub const NAMESPACE: &str = ns!(nif);

    terms! { nif;
        /// The whole text of a document, which spans' offsets count in.
        CONTEXT = "Context";
        /// Any span of a text.
        STRING = "String";
        /// A sentence span: the evidence of a statement.
        SENTENCE = "Sentence";
        /// A phrase span: a mention of an entity.
        PHRASE = "Phrase";
        /// First character of a span (Unicode characters, from 0).
        BEGIN_INDEX = "beginIndex";
        /// Character after the last one of a span.
        END_INDEX = "endIndex";
        /// The characters of a span.
        ANCHOR_OF = "anchorOf";
        /// The context a span's offsets count in.
        REFERENCE_CONTEXT = "referenceContext";
        /// A context's whole text.
        IS_STRING = "isString";
        /// The document a context's text comes from.
        SOURCE_URL = "sourceUrl";
    }
}

pub mod itsrdf {
    //! [ITS 2.0](https://www.w3.org/TR/its20/) term NIF uses to link a span to what it names.
    use oxigraph::model::NamedNodeRef;

    terms! { itsrdf;
        /// The entity a span refers to.
        TA_IDENT_REF = "taIdentRef";
    }
}

pub mod foaf {
    //! [FOAF](http://xmlns.com/foaf/spec/) terms (the range of `org:member`).
    use oxigraph::model::NamedNodeRef;

    terms! { foaf;
        /// Class of people.
        PERSON = "Person";
    }
}

pub mod owl {
    //! [OWL 2](https://www.w3.org/TR/owl2-rdf-based-semantics/) terms read from the ontology.
    use oxigraph::model::NamedNodeRef;

    terms! { owl;
        /// Class of ontology headers.
        ONTOLOGY = "Ontology";
        /// An ontology's version string.
        VERSION_INFO = "versionInfo";
        /// Links a property to its inverse (`gov:attends owl:inverseOf schema:attendee`).
        INVERSE_OF = "inverseOf";
    }
}

pub mod id {
    //! Bases of the IRIs of govkg's data. Each is followed by one percent-encoded path segment
    //! (see [`crate::iri::entity_iri`]), or by several for nodes keyed by several things.

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
    terms! { graph;
        /// The graph holding `ontology/govkg.ttl`.
        ONTOLOGY = "ontology";
    }
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
