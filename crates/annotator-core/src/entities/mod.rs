//! Where spans become entities: people, places, organizations and weapon systems.
//!
//! [`recognize`] finds mentions (gazetteers, trigger words, the shape of names; mentions may
//! nest), [`resolve`] merges them into one entity per referent. The data they read lives in
//! `data/` with its provenance and is compiled in ([`lexicon`]).

pub mod context;
pub mod fold;
pub mod lexicon;
pub mod names;
pub mod organizations;
pub mod places;
pub mod recognize;
pub mod resolve;

use std::ops::Range;

use crate::model::{Entity, EntityType};
use crate::text::Document;

/// An entity found in the normalised text (byte ranges), before conversion to the JSON model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: EntityType,
    pub name: String,
    pub mentions: Vec<Range<usize>>,
}

impl Found {
    pub fn to_model(&self, doc: &Document) -> Entity {
        Entity { kind: self.kind, name: self.name.clone(), mentions: self.mentions.iter().map(|r| doc.span(r)).collect() }
    }
}

/// Finds the entities of `doc`.
pub fn extract(doc: &Document) -> Vec<Found> {
    resolve::resolve(doc, recognize::recognize(doc))
}
