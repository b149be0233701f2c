//! Entity cases kept as data (tests/data/entities_*.tsv): each line a sentence and the
//! mentions it must (or must not) yield. Shared by every recognizer pass, learned or not: a
//! change to the rules, the lists or the tagger's model is checked against the same lines.

use annotator_core::{annotate, EntityType, Language, Options};

#[path = "support/cases.rs"]
mod cases;

fn kind(s: &str) -> EntityType {
    match s {
        "person" => EntityType::Person,
        "location" => EntityType::Location,
        "organization" => EntityType::Organization,
        "weapon" => EntityType::Weapon,
        other => panic!("unknown entity type {other:?} in a case file"),
    }
}

fn check(file: &str, data: &str, language: Language) {
    cases::check_lines(file, data, |at, line| {
        let mut failures = Vec::new();
        let (sentence, expected) = line.split_once('\t').unwrap_or_else(|| panic!("{at}: no tab"));
        // "\n" in a case is a line break (a headline, a dateline).
        let sentence = sentence.replace("\\n", "\n");
        let ann = annotate(&sentence, &Options { language: Some(language), date: None }).expect("a sentence annotates");
        let found: Vec<(EntityType, &str)> = ann.entities.iter().flat_map(|e| e.mentions.iter().map(move |m| (e.kind, m.text.as_str()))).collect();
        for want in expected.split(" | ") {
            // "~TYPE:surface": a known miss, kept in view; once found it must be promoted.
            let (known_miss, want) = match want.strip_prefix('~') {
                Some(w) => (true, w),
                None => (false, want),
            };
            let (negated, want) = match want.strip_prefix('!') {
                Some(w) => (true, w),
                None => (false, want),
            };
            let (t, surface) = want.split_once(':').unwrap_or_else(|| panic!("{at}: {want:?} is not TYPE:surface"));
            let present = found.contains(&(kind(t), surface));
            if known_miss && present != negated {
                failures.push(format!("the known miss {want} now holds in {sentence:?}: drop its '~'"));
            } else if !known_miss && present == negated {
                failures.push(format!("{}{want} in {sentence:?}; found {found:?}", if negated { "unexpected " } else { "missing " }));
            }
        }
        failures
    });
}

#[test]
fn english_cases() {
    check("entities_en.tsv", include_str!("data/entities_en.tsv"), Language::En);
}

#[test]
fn vietnamese_cases() {
    check("entities_vi.tsv", include_str!("data/entities_vi.tsv"), Language::Vi);
}
