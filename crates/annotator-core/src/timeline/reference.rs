//! The reference date: what "hôm qua", "Monday" and year-less dates resolve against. Per
//! SPEC.md: the caller's publication date; else a dateline or publication line in the text;
//! else the latest explicit full date in the text; else none.

use super::date::Date;
use super::patterns::{find, Raw};
use crate::text::Document;

const PUBLICATION_CUES: &[&str] = &["published", "updated", "posted", "cập nhật", "đăng", "ngày đăng", "xuất bản"];

pub fn reference_date(doc: &Document, given: Option<Date>) -> Option<Date> {
    if given.is_some() {
        return given;
    }
    let text = doc.text();
    let found: Vec<(usize, Date)> = find(text, doc.language)
        .into_iter()
        .filter(|f| !doc.in_noise(&f.range))
        .filter_map(|f| match f.raw {
            Raw::Full(d) => Some((f.range.start, d)),
            _ => None,
        })
        .collect();
    // A publication line: a cue word on the same line as a full date, in the first lines.
    for &(pos, d) in &found {
        let line_start = text[..pos].rfind('\n').map(|p| p + 1).unwrap_or(0);
        let line_end = text[pos..].find('\n').map(|p| pos + p).unwrap_or(text.len());
        let line = text[line_start..line_end].to_lowercase();
        if text[..line_start].matches('\n').count() <= 5 && PUBLICATION_CUES.iter().any(|c| line.contains(c)) {
            return Some(d);
        }
    }
    found.into_iter().map(|(_, d)| d).max()
}
