//! Where date expressions become calendar values, each tied to the sentence it dates.

pub mod date;
pub mod reference;

use std::ops::Range;

use crate::model::TimelineItem;
use crate::text::Document;
use date::Date;

/// A dated expression in the normalised text (byte ranges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    pub range: Range<usize>,
    pub event: Range<usize>,
}

impl Dated {
    pub fn to_model(&self, doc: &Document) -> TimelineItem {
        let s = doc.span(&self.range);
        TimelineItem { value: self.value.clone(), start: s.start, end: s.end, text: s.text, event: doc.span(&self.event) }
    }
}

/// Finds the dated expressions of `doc`, in text order.
pub fn extract(_doc: &Document, _reference: Option<Date>) -> Vec<Dated> {
    Vec::new()
}
