//! The reference date: what "hôm qua", "Monday" and year-less dates resolve against. Per
//! SPEC.md: the caller's publication date; else a dateline or publication line in the text;
//! else the latest explicit full date in the text; else none.

use super::date::Date;
use super::patterns::{find, Raw};
use crate::text::Document;

const PUBLICATION_CUES: &[&str] = &["published", "updated", "posted", "cập nhật", "đăng", "ngày đăng", "xuất bản"];

/// How many lines from the top a publication line may stand.
const HEAD_LINES: usize = 6;

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
    // A publication line: a cue word on the same line as a full date, near the top.
    let head_end = text.match_indices('\n').nth(HEAD_LINES - 1).map(|(i, _)| i).unwrap_or(text.len());
    for &(pos, d) in found.iter().take_while(|(pos, _)| *pos < head_end) {
        let line_start = text[..pos].rfind('\n').map(|p| p + 1).unwrap_or(0);
        let line_end = text[pos..].find('\n').map(|p| pos + p).unwrap_or(text.len());
        let line = text[line_start..line_end].to_lowercase();
        if PUBLICATION_CUES.iter().any(|c| line.contains(c)) {
            return Some(d);
        }
    }
    found.into_iter().map(|(_, d)| d).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str) -> Option<String> {
        reference_date(&Document::new(text, None), None).map(Date::iso)
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
