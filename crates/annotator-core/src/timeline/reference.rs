//! The reference date: what "hôm qua", "Monday" and year-less dates resolve against. Per
//! SPEC.md: the caller's publication date; else a dateline or publication line in the text;
//! else the latest explicit full date in the text; else none.

use super::date::Date;
use super::patterns::{Found, Raw};
use crate::text::Document;

const PUBLICATION_CUES: &[&str] = &["published", "updated", "posted", "cập nhật", "đăng", "ngày đăng", "xuất bản"];

/// How many lines from the top a publication line may stand.
const HEAD_LINES: usize = 6;

///
/// `found` are the article's date expressions outside page noise ([`super::expressions`]).
pub fn reference_date(doc: &Document, found: &[Found], given: Option<Date>) -> Option<Date> {
    if given.is_some() {
        return given;
    }
    let text = doc.text();
    let found: Vec<(usize, Date)> = found
        .iter()
        .filter_map(|f| match f.raw {
            Raw::Full(d) => Some((f.range.start, d)),
            _ => None,
        })
        .collect();
    // A publication line: a cue word on the same line as a full date, near the top. Each head
    // line is lower-cased once, whatever number of dates it holds.
    let mut line_start = 0;
    for line in text.split('\n').take(HEAD_LINES) {
        let line_end = line_start + line.len();
        let first = found.partition_point(|&(pos, _)| pos < line_start);
        if let Some(&(_, d)) = found.get(first).filter(|&&(pos, _)| pos < line_end) {
            let lower = line.to_lowercase();
            if PUBLICATION_CUES.iter().any(|c| lower.contains(c)) {
                return Some(d);
            }
        }
        line_start = line_end + 1;
    }
    found.into_iter().map(|(_, d)| d).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str) -> Option<String> {
        let doc = Document::new(text, None);
        reference_date(&doc, &super::super::expressions(&doc), None).map(Date::iso)
    }

    #[test]
    fn publication_line_wins() {
        assert_eq!(reference("Tiêu đề\nCập nhật: 04/10/2020 09:30\nTrận đánh ngày 1/1/2021 và ngày 27/9/2020."), Some("2020-10-04".into()));
    }

    #[test]
    fn else_the_latest_full_date() {
        assert_eq!(reference("Vụ việc ngày 27/9/2020 và ngày 4-10-2020, sau trận năm 1994."), Some("2020-10-04".into()));
        assert_eq!(reference("Nothing dated here, only 2020."), None);
    }
}
