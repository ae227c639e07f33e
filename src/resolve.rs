//! One entity record per real thing in JSON Lines: merging what each article says about it.
//!
//! Identity itself is decided during extraction, where every entity gets a key that does not
//! depend on which article names it: a person's name, a body's resolved name without
//! qualifiers (`山西省疫情防控工作领导小组`), a meeting's organiser, ordinal and kind
//! (`山西省委第58次专题会`). Articles extracted apart (in parallel, or in separate runs into one
//! store) therefore agree on identity. In the store nothing more is needed: each article's
//! graph describes the entity under the same IRI, and queries read their union. JSON Lines
//! writes each entity once, after the articles ([`crate::jsonl::JsonlWriter`]): this module
//! unites the articles' labels, aliases and posts for it.

use std::collections::{BTreeMap, HashSet};

use crate::model::{Entity, EntityId, Extraction, Post};

/// Entities seen so far, merged by id.
#[derive(Debug, Default, Clone)]
pub struct Registry {
    entities: BTreeMap<EntityId, Entity>,
    /// The posts held, as (entity, post as resolved, article): an entity named in every article
    /// (a premier, the State Council) gathers a post per article, and looking for duplicates
    /// among them for every new article made a long run quadratic.
    posts: HashSet<(EntityId, String, String)>,
}

impl Registry {
    pub fn new() -> Registry {
        Registry::default()
    }

    /// Adds the entities of one article.
    pub fn add(&mut self, x: &Extraction) {
        for e in &x.entities {
            let posts = &mut self.posts;
            let mut is_new = |p: &Post| {
                posts.insert((e.id.clone(), p.resolved.clone(), p.evidence.article.clone()))
            };
            match self.entities.get_mut(&e.id) {
                Some(have) => merge_with(have, e, is_new),
                None => {
                    // Kept as the article gives them, as merging into nothing would.
                    for p in &e.posts {
                        is_new(p);
                    }
                    self.entities.insert(e.id.clone(), e.clone());
                }
            }
        }
    }

    pub fn get(&self, id: &EntityId) -> Option<&Entity> {
        self.entities.get(id)
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The merged entities in id order.
    pub fn iter(&self) -> impl Iterator<Item = &Entity> {
        self.entities.values()
    }

    pub fn into_entities(self) -> impl Iterator<Item = Entity> {
        self.entities.into_values()
    }
}

/// Unites what `from` says about an entity into `into`.
///
/// An event's preferred label is its longest name (the full joint name over a short
/// reference); other entities keep the label their key gives them.
pub fn merge(into: &mut Entity, from: &Entity) {
    let mut held: HashSet<(String, String)> = into
        .posts
        .iter()
        .map(|p| (p.resolved.clone(), p.evidence.article.clone()))
        .collect();
    merge_with(into, from, |p| {
        held.insert((p.resolved.clone(), p.evidence.article.clone()))
    });
}

/// [`merge`], with `is_new` telling (and recording) whether a post of `from` is one `into` lacks:
/// one post per resolved post and article.
fn merge_with(into: &mut Entity, from: &Entity, mut is_new: impl FnMut(&Post) -> bool) {
    if from.id.kind.is_event() && from.label.chars().count() > into.label.chars().count() {
        let old = std::mem::replace(&mut into.label, from.label.clone());
        into.aliases.insert(old);
    } else if from.label != into.label {
        into.aliases.insert(from.label.clone());
    }
    for a in &from.aliases {
        into.add_alias(a);
    }
    into.aliases.remove(&into.label.clone());
    for p in &from.posts {
        if is_new(p) {
            into.posts.push(p.clone());
        }
    }
    into.ordinal = into.ordinal.or(from.ordinal);
    into.date = match (into.date, from.date) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    into.articles.extend(from.articles.iter().cloned());
    into.basis = into.basis.best(from.basis);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    #[test]
    fn merges_labels_aliases_and_articles() {
        let id = EntityId::new(EntityKind::Meeting, "山西省委第58次专题会");
        let mut short = Entity::new(id.clone(), "省委第五十八次专题会议");
        short.articles.insert("a2".into());
        let mut full = Entity::new(id.clone(), "省委第五十八次疫情防控专题会");
        full.articles.insert("a1".into());
        full.ordinal = Some(58);
        let mut r = Registry::new();
        for e in [short, full] {
            r.add(&Extraction {
                entities: vec![e],
                ..Default::default()
            });
        }
        let e = r.get(&id).unwrap();
        assert_eq!(e.label, "省委第五十八次疫情防控专题会");
        assert!(e.aliases.contains("省委第五十八次专题会议"));
        assert!(!e.aliases.contains(&e.label));
        assert_eq!(e.ordinal, Some(58));
        assert_eq!(e.articles.len(), 2);
    }
}
