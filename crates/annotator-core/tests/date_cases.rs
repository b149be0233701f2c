//! Date cases as data: `tests/data/dates_{en,vi}.tsv`, one text per line with its reference
//! date and the timeline items it must give (text=value), or "none". Sentences written for
//! the test.

use annotator_core::{annotate, Language, Options};

fn check(file: &str, data: &str, language: Language) {
    let mut failures = Vec::new();
    for (n, line) in data.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut cols = line.split('\t');
        let (Some(reference), Some(text), Some(expected)) = (cols.next(), cols.next(), cols.next()) else {
            panic!("{file}:{}: want REFERENCE<TAB>TEXT<TAB>EXPECTED", n + 1);
        };
        let date = annotator_core::Date::parse_iso(reference).unwrap_or_else(|| panic!("{file}:{}: bad date {reference}", n + 1));
        let ann = annotate(text, &Options { language: Some(language), date: Some(date) }).expect("a sentence annotates");
        let found: Vec<String> = ann.timeline.iter().map(|t| format!("{}={}", t.text, t.value)).collect();
        let want: Vec<String> = if expected == "none" { Vec::new() } else { expected.split(" | ").map(str::to_string).collect() };
        if found != want {
            failures.push(format!("{file}:{}: {text:?}\n   want {want:?}\n   got  {found:?}", n + 1));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn english_dates() {
    check("dates_en.tsv", include_str!("data/dates_en.tsv"), Language::En);
}

#[test]
fn vietnamese_dates() {
    check("dates_vi.tsv", include_str!("data/dates_vi.tsv"), Language::Vi);
}
