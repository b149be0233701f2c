//! Where date expressions become calendar values, each tied to the sentence it dates.

pub mod date;
pub mod patterns;
pub mod reference;

use std::ops::Range;

use crate::model::TimelineItem;
use crate::text::Document;
use date::Date;
use patterns::{Raw, Value};

/// A dated expression in the normalised text (byte ranges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub value: Value,
    pub range: Range<usize>,
    pub event: Range<usize>,
}

impl Dated {
    pub fn to_model(&self, doc: &Document) -> TimelineItem {
        let s = doc.span(&self.range);
        TimelineItem { value: self.value.iso(), start: s.start, end: s.end, text: s.text, event: doc.span(&self.event) }
    }
}

/// Finds the dated expressions of `doc` outside page noise, in text order.
pub fn extract(doc: &Document, reference: Option<Date>) -> Vec<Dated> {
    let mut out: Vec<Dated> = Vec::new();
    for f in patterns::find(doc.text(), doc.language) {
        if doc.in_noise(&f.range) {
            continue;
        }
        let value = match f.raw {
            // "ngày thứ 8": day 1 is the latest full day named before it.
            Raw::NthDay(n) => match out.iter().rev().find_map(|d| match d.value {
                Value::Day(day) => Some(day),
                _ => None,
            }) {
                Some(start) => Some(Value::Day(start.add_days(n - 1))),
                None => None,
            },
            raw => raw.resolve(reference),
        };
        if let Some(value) = value {
            out.push(Dated { value, event: doc.sentence_at(f.range.start), range: f.range });
        }
    }
    out
}
