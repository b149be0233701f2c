//! Date cases as data: `tests/data/dates_{en,vi}.tsv`, one text per line with its reference
//! date and the timeline items it must give (text=value), or "none". Sentences written for
//! the test.

use annotator_core::{annotate, Language, Options};

#[path = "support/cases.rs"]
mod cases;

fn check(file: &str, data: &str, language: Language) {
    cases::check_lines(file, data, |at, line| {
        let mut cols = line.split('\t');
        let (Some(reference), Some(text), Some(expected)) = (cols.next(), cols.next(), cols.next()) else {
            panic!("{at}: want REFERENCE<TAB>TEXT<TAB>EXPECTED");
        };
        let date = annotator_core::Date::parse_iso(reference).unwrap_or_else(|| panic!("{at}: bad date {reference}"));
        let ann = annotate(text, &Options { language: Some(language), date: Some(date) }).expect("a sentence annotates");
        let found: Vec<String> = ann.timeline.iter().map(|t| format!("{}={}", t.text, t.value)).collect();
        cases::same_items(text, expected, &found)
    });
}

#[test]
fn english_dates() {
    check("dates_en.tsv", include_str!("data/dates_en.tsv"), Language::En);
}

#[test]
fn vietnamese_dates() {
    check("dates_vi.tsv", include_str!("data/dates_vi.tsv"), Language::Vi);
}
