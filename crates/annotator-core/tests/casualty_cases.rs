//! Casualty cases as data: `tests/data/casualties_{en,vi}.tsv`, one text per line with the
//! figures it must give, in order, as `kind min max` ("-" for an open bound), or "none".
//! Sentences written for the test.

use annotator_core::{annotate, Language, Options};

fn check(file: &str, data: &str, language: Language) {
    let mut failures = Vec::new();
    for (n, line) in data.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()) {
        let (text, expected) = line.split_once('\t').unwrap_or_else(|| panic!("{file}:{}: want TEXT<TAB>EXPECTED", n + 1));
        let ann = annotate(text, &Options { language: Some(language), date: None }).expect("a sentence annotates");
        let bound = |b: Option<u64>| b.map_or("-".to_string(), |v| v.to_string());
        let found: Vec<String> = ann.casualties.iter().map(|c| format!("{} {} {}", serde_json::to_value(c.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(), bound(c.min), bound(c.max))).collect();
        let want: Vec<String> = if expected == "none" { Vec::new() } else { expected.split(" | ").map(str::to_string).collect() };
        if found != want {
            failures.push(format!("{file}:{}: {text:?}\n   want {want:?}\n   got  {found:?}", n + 1));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn english_casualties() {
    check("casualties_en.tsv", include_str!("data/casualties_en.tsv"), Language::En);
}

#[test]
fn vietnamese_casualties() {
    check("casualties_vi.tsv", include_str!("data/casualties_vi.tsv"), Language::Vi);
}
