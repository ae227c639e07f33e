//! The relations govkg extracts, each defined once: its name in JSON Lines and on the command
//! line, its `gov:` shortcut property, how RDF qualifies it (the PROV role an agent plays, with
//! that role's name for programs), the inverse a reused vocabulary gives it, its labels, whether
//! it puts a person in the room, and how a diagram draws it.
//!
//! Everything else — the RDF writer, the graph view's loading, `ask`'s roles, the SPARQL
//! queries' role lists, diagram styles — is derived from [`Relation::spec`]. The table below
//! makes the enum, [`Relation::ALL`] and `spec` from one list, so that adding a relation is one
//! row (its `gov:` property declared in `vocab` and the ontology, as every term is); the
//! extractor states it where a trigger in `data/triggers.tsv` names it.
//!
//! ```
//! use govkg::relation::Relation;
//!
//! let chairs = Relation::Chairs.spec();
//! assert_eq!(chairs.name, "chairs");
//! assert_eq!(chairs.role().map(|r| r.name), Some("chair"));
//! assert_eq!(Relation::parse("reports_for"), Some(Relation::ReportsFor));
//! // The relations of people in the room at a meeting, for `who attended`.
//! assert_eq!(Relation::present_at_event().len(), 5);
//! ```

use std::fmt;

use oxigraph::model::NamedNodeRef;
use serde::{Deserialize, Serialize};

use crate::vocab::{gov, prov, schema};

/// A PROV role (`prov:hadRole`) with its name for programs (`ask --format json`'s `role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    pub iri: NamedNodeRef<'static>,
    pub name: &'static str,
}

/// How RDF qualifies a relation with a node of its own that carries the evidence, the date, the
/// trigger and the confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualified {
    /// An agent in a role at an event: `event prov:qualifiedAssociation [prov:agent s;
    /// prov:hadRole role]`.
    AtEvent(Role),
    /// A journalist of an article: `article prov:qualifiedAttribution [prov:agent s;
    /// prov:hadRole role]`.
    Attribution(Role),
    /// One activity informed by another: `s prov:qualifiedCommunication [prov:activity o]`.
    Communication,
    /// Only the shortcut triple: the graph view finds its sentence again around the two names.
    Unqualified,
}

/// A triple a reused vocabulary states beside the `gov:` shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mirror {
    None,
    /// `subject property object`.
    Same(NamedNodeRef<'static>),
    /// `object property subject`.
    Inverse(NamedNodeRef<'static>),
    /// `object property subject` when the object is an event (a venue's `schema:location`).
    InverseOfEvent(NamedNodeRef<'static>),
}

/// How a diagram draws a relation's edges (a Graphviz colour and style).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stroke {
    pub color: &'static str,
    pub style: &'static str,
}

/// Everything about one relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// In JSON Lines (`predicate`), on the command line and in `triggers.tsv`.
    pub name: &'static str,
    /// The `gov:` shortcut property (`person gov:chairs meeting`).
    pub property: NamedNodeRef<'static>,
    pub qualified: Qualified,
    pub mirror: Mirror,
    /// The shortcut's `rdfs:label`s in the ontology (a test checks they agree).
    pub zh: &'static str,
    pub en: &'static str,
    /// Whether the subject is in the room with the other end: two people so linked through
    /// one event sat in the same meeting.
    pub presence: bool,
    pub stroke: Stroke,
}

impl Spec {
    /// The role an agent plays, for relations qualified with one.
    pub const fn role(&self) -> Option<Role> {
        match self.qualified {
            Qualified::AtEvent(r) | Qualified::Attribution(r) => Some(r),
            Qualified::Communication | Qualified::Unqualified => None,
        }
    }

    /// Its label in `lang` (`zh`, else English).
    pub fn label(&self, lang: &str) -> &'static str {
        if lang == "zh" {
            self.zh
        } else {
            self.en
        }
    }
}

/// Roles other than chairing and attending, drawn alike.
const ROLE_LINK: Stroke = Stroke {
    color: "#1d4ed8",
    style: "solid",
};
/// Links that do not put a person in a room.
const MINOR: Stroke = Stroke {
    color: "#6b7280",
    style: "dotted",
};

/// Defines [`Relation`], [`Relation::ALL`] and [`Relation::spec`] from one list of rows, each a
/// documented variant and its [`Spec`]: a relation added is a row added.
macro_rules! relations {
    ($( $(#[$doc:meta])* $variant:ident => $spec:expr, )*) => {
        /// The relations between entities (and articles) that govkg extracts.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Relation {
            $( $(#[$doc])* $variant, )*
        }

        impl Relation {
            /// Every relation, in table order.
            pub const ALL: [Relation; [$(stringify!($variant)),*].len()] =
                [$(Relation::$variant),*];

            /// Its row of the table.
            pub const fn spec(self) -> Spec {
                match self {
                    $( Relation::$variant => $spec, )*
                }
            }
        }
    };
}

relations! {
    /// A person (or body) chairs a meeting: 主持, 主持召开.
    Chairs => Spec {
        name: "chairs",
        property: gov::CHAIRS,
        qualified: Qualified::AtEvent(Role {
            iri: gov::CHAIR,
            name: "chair",
        }),
        mirror: Mirror::None,
        zh: "主持",
        en: "chairs",
        presence: true,
        stroke: Stroke {
            color: "#b91c1c",
            style: "bold",
        },
    },
    /// A person attends an event: 出席, 参加, 列席.
    Attends => Spec {
        name: "attends",
        property: gov::ATTENDS,
        qualified: Qualified::AtEvent(Role {
            iri: gov::ATTENDEE,
            name: "attendee",
        }),
        mirror: Mirror::Inverse(schema::ATTENDEE),
        zh: "出席",
        en: "attends",
        presence: true,
        stroke: Stroke {
            color: "#6b7280",
            style: "solid",
        },
    },
    /// A person gives instructions at a meeting: 提出具体要求.
    Instructs => Spec {
        name: "instructs",
        property: gov::INSTRUCTS,
        qualified: Qualified::AtEvent(Role {
            iri: gov::INSTRUCTOR,
            name: "instructor",
        }),
        mirror: Mirror::None,
        zh: "提出要求",
        en: "instructs",
        presence: true,
        stroke: ROLE_LINK,
    },
    /// A person reports to a meeting: 通报/汇报……情况.
    Reports => Spec {
        name: "reports",
        property: gov::REPORTS,
        qualified: Qualified::AtEvent(Role {
            iri: gov::REPORTER,
            name: "reporter",
        }),
        mirror: Mirror::None,
        zh: "汇报",
        en: "reports to",
        presence: true,
        stroke: ROLE_LINK,
    },
    /// A venue hosts an event, or a building hosts its tenant bodies (入驻).
    Hosts => Spec {
        name: "hosts",
        property: gov::HOSTS,
        qualified: Qualified::Unqualified,
        mirror: Mirror::InverseOfEvent(schema::LOCATION),
        zh: "承办/入驻",
        en: "hosts",
        presence: false,
        stroke: MINOR,
    },
    /// A meeting relays another meeting's spirit: 传达贯彻, 传达学习.
    Relays => Spec {
        name: "relays",
        property: gov::RELAYS,
        qualified: Qualified::Communication,
        mirror: Mirror::Same(prov::WAS_INFORMED_BY),
        zh: "传达",
        en: "relays",
        presence: false,
        stroke: Stroke {
            color: "#c2410c",
            style: "dashed",
        },
    },
    /// A reporter wrote an article (object is the article id).
    ReportsFor => Spec {
        name: "reports_for",
        property: gov::REPORTS_FOR,
        qualified: Qualified::Attribution(Role {
            iri: gov::JOURNALIST,
            name: "journalist",
        }),
        mirror: Mirror::None,
        zh: "撰稿",
        en: "reports for",
        presence: false,
        stroke: MINOR,
    },
    /// A body organises an event.
    Organizes => Spec {
        name: "organizes",
        property: gov::ORGANIZES,
        qualified: Qualified::AtEvent(Role {
            iri: gov::ORGANIZER,
            name: "organizer",
        }),
        mirror: Mirror::Inverse(schema::ORGANIZER),
        zh: "主办",
        en: "organizes",
        presence: false,
        stroke: MINOR,
    },
    /// A body develops or launches a product or event (合作开发, 推出).
    Develops => Spec {
        name: "develops",
        property: gov::DEVELOPS,
        qualified: Qualified::Unqualified,
        mirror: Mirror::None,
        zh: "开发/推出",
        en: "develops",
        presence: false,
        stroke: MINOR,
    },
    /// A person speaks at an event (讲话, 发表讲话).
    Speaks => Spec {
        name: "speaks",
        property: gov::SPEAKS_AT,
        qualified: Qualified::AtEvent(Role {
            iri: gov::SPEAKER,
            name: "speaker",
        }),
        mirror: Mirror::None,
        zh: "讲话",
        en: "speaks at",
        presence: true,
        stroke: ROLE_LINK,
    },
    /// A person meets another person (会见, 会谈).
    Meets => Spec {
        name: "meets",
        property: gov::MEETS,
        qualified: Qualified::Unqualified,
        mirror: Mirror::None,
        zh: "会见",
        en: "meets",
        presence: true,
        stroke: Stroke {
            color: "#7e22ce",
            style: "bold",
        },
    },
}

impl Relation {
    /// The role its agent plays, for relations qualified with one ([`Spec::role`]).
    pub const fn role(self) -> Option<Role> {
        self.spec().role()
    }

    /// The name used in JSON Lines and on the command line.
    pub const fn as_str(self) -> &'static str {
        self.spec().name
    }

    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The relation whose shortcut property is `iri`.
    pub fn of_property(iri: &str) -> Option<Relation> {
        Relation::ALL
            .into_iter()
            .find(|r| r.spec().property.as_str() == iri)
    }

    /// The relation of an agent in the role `iri` (at an event or of an article).
    pub fn of_role(iri: &str) -> Option<Relation> {
        Relation::ALL
            .into_iter()
            .find(|r| r.role().is_some_and(|role| role.iri.as_str() == iri))
    }

    /// Whether it puts a person in the room with the other end: chairing, attending,
    /// instructing, reporting, speaking at an event, or meeting someone.
    pub const fn is_presence(self) -> bool {
        self.spec().presence
    }

    /// The relations of an agent in a role at an event (organising included), in table order.
    pub fn at_event() -> Vec<Relation> {
        Relation::ALL
            .into_iter()
            .filter(|r| r.is_at_event())
            .collect()
    }

    /// Whether it is a role of its subject at an event (one of [`Relation::at_event`]).
    pub const fn is_at_event(self) -> bool {
        matches!(self.spec().qualified, Qualified::AtEvent(_))
    }

    /// Whether it puts its subject in the room of an event (not with another person, as
    /// meeting someone does): the relations co-attendance is counted from.
    pub const fn is_presence_at_event(self) -> bool {
        self.spec().presence && self.is_at_event()
    }

    /// The relations at an event that put their agent in the room: who attended a meeting
    /// is everyone in one of their roles.
    pub fn present_at_event() -> Vec<Relation> {
        Relation::ALL
            .into_iter()
            .filter(|r| r.is_presence_at_event())
            .collect()
    }

    /// The relations written with their shortcut triple only.
    pub fn unqualified() -> Vec<Relation> {
        Relation::ALL
            .into_iter()
            .filter(|r| r.spec().qualified == Qualified::Unqualified)
            .collect()
    }
}

/// The name for programs of a role IRI (`gov:Chair` → `chair`), `other` for a role outside the
/// table (a store extended by hand).
pub fn role_name(iri: &str) -> &'static str {
    Relation::of_role(iri)
        .and_then(|r| r.role())
        .map_or("other", |r| r.name)
}

/// The role of a name for programs (`chair` → `gov:Chair`).
pub fn role_of_name(name: &str) -> Option<Role> {
    Relation::ALL
        .into_iter()
        .filter_map(|r| r.role())
        .find(|r| r.name == name)
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn all_lists_every_variant_once_and_names_round_trip() {
        let names: HashSet<_> = Relation::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(names.len(), Relation::ALL.len());
        for r in Relation::ALL {
            assert_eq!(Relation::parse(r.as_str()), Some(r));
            assert_eq!(Relation::of_property(r.spec().property.as_str()), Some(r));
            // The serde name is the table's name, so JSON Lines and the CLI agree.
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::Value::from(r.as_str())
            );
            if let Some(role) = r.role() {
                assert_eq!(Relation::of_role(role.iri.as_str()), Some(r));
                assert_eq!(role_of_name(role.name), Some(role));
            }
        }
    }

    #[test]
    fn labels_are_the_ontologys() {
        let store = crate::store::Store::in_memory().expect("store with the ontology");
        let labels = crate::sparql::TermLabels::load(&store).expect("labels");
        for r in Relation::ALL {
            let s = r.spec();
            assert_eq!(labels.get(s.property, "zh"), Some(s.zh), "{r}");
            assert_eq!(labels.get(s.property, "en"), Some(s.en), "{r}");
        }
    }

    #[test]
    fn role_lists() {
        let names = |rs: Vec<Relation>| {
            rs.into_iter()
                .filter_map(|r| r.role())
                .map(|r| r.name)
                .collect::<Vec<_>>()
        };
        let cases: [(&str, Vec<&str>, Vec<&str>); 2] = [
            (
                "event roles",
                names(Relation::at_event()),
                vec![
                    "chair",
                    "attendee",
                    "instructor",
                    "reporter",
                    "organizer",
                    "speaker",
                ],
            ),
            (
                "presence roles",
                names(Relation::present_at_event()),
                vec!["chair", "attendee", "instructor", "reporter", "speaker"],
            ),
        ];
        for (what, got, want) in cases {
            assert_eq!(got, want, "{what}");
        }
        assert_eq!(
            Relation::unqualified(),
            [Relation::Hosts, Relation::Develops, Relation::Meets]
        );
        assert_eq!(role_name(gov::JOURNALIST.as_str()), "journalist");
        assert_eq!(role_name("https://example.org/Other"), "other");
    }
}
