//! Where figures become casualty items: who was killed, wounded, missing…, how many, on
//! which side, where, and according to whom.

use std::ops::Range;

use crate::entities::Found;
use crate::model::{Casualty, CasualtyKind, Group};
use crate::text::Document;
use crate::timeline::{date::Date, Dated};

/// A casualty item in the normalised text (byte ranges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub kind: CasualtyKind,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub group: Group,
    pub party: Option<String>,
    pub location: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub range: Range<usize>,
}

impl Figure {
    pub fn to_model(&self, doc: &Document) -> Casualty {
        let s = doc.span(&self.range);
        Casualty {
            kind: self.kind,
            min: self.min,
            max: self.max,
            group: self.group,
            party: self.party.clone(),
            location: self.location.clone(),
            source: self.source.clone(),
            date: self.date.clone(),
            start: s.start,
            end: s.end,
            text: s.text,
        }
    }
}

/// Finds the casualty figures of `doc`.
pub fn extract(_doc: &Document, _entities: &[Found], _timeline: &[Dated], _reference: Option<Date>) -> Vec<Figure> {
    Vec::new()
}
