//! Casualty cases as data: `tests/data/casualties_{en,vi}.tsv`, one text per line with the
//! figures it must give, in order, as `kind min max` ("-" for an open bound), or "none"; "\n"
//! is a line break.
//! Sentences written for the test.

use annotator_core::{annotate, Language, Options};

#[path = "support/cases.rs"]
mod cases;

fn check(file: &str, data: &str, language: Language) {
    cases::check_lines(file, data, |at, line| {
        let (text, expected) = line.split_once('\t').unwrap_or_else(|| panic!("{at}: want TEXT<TAB>EXPECTED"));
        // "\n" in a case is a line break (a headline above its story).
        let text = &text.replace("\\n", "\n");
        let ann = annotate(text, &Options { language: Some(language), date: None }).expect("a sentence annotates");
        let bound = |b: Option<u64>| b.map_or("-".to_string(), |v| v.to_string());
        let found: Vec<String> = ann.casualties.iter().map(|c| format!("{} {} {}", serde_json::to_value(c.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(), bound(c.min), bound(c.max))).collect();
        cases::same_items(text, expected, &found)
    });
}

#[test]
fn english_casualties() {
    check("casualties_en.tsv", include_str!("data/casualties_en.tsv"), Language::En);
}

#[test]
fn vietnamese_casualties() {
    check("casualties_vi.tsv", include_str!("data/casualties_vi.tsv"), Language::Vi);
}
