//! Invariants on any input: no panic; every span in bounds, on code-point boundaries, with
//! `text` equal to its slice; mentions sorted; casualty min ≤ max; timeline values valid.

use annotator_core::{annotate, Annotation, Date, Options, Span};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn check_span(chars: &[char], s: &Span) {
    assert!(s.start <= s.end && s.end <= chars.len(), "span {s:?} out of bounds ({} chars)", chars.len());
    assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text);
}

fn check(text: &str, ann: &Annotation) {
    let chars: Vec<char> = text.chars().collect();
    for e in &ann.entities {
        assert!(!e.mentions.is_empty());
        assert!(e.mentions.windows(2).all(|w| w[0].start <= w[1].start), "mentions sorted");
        e.mentions.iter().for_each(|m| check_span(&chars, m));
    }
    for c in &ann.casualties {
        check_span(&chars, &Span { start: c.start, end: c.end, text: c.text.clone() });
        if let (Some(a), Some(b)) = (c.min, c.max) {
            assert!(a <= b, "casualty min {a} > max {b}");
        }
    }
    for t in &ann.timeline {
        check_span(&chars, &Span { start: t.start, end: t.end, text: t.text.clone() });
        check_span(&chars, &t.event);
        let v = &t.value;
        let ok = match v.len() {
            10 => Date::parse_iso(v).is_some(),
            7 => v[5..].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)) && v[..4].parse::<u32>().is_ok(),
            4 => v.parse::<u32>().is_ok(),
            _ => false,
        };
        assert!(ok, "timeline value {v:?} is not an ISO date");
    }
    ann.noise.iter().for_each(|n| check_span(&chars, n));
}

/// Words and punctuation that look like news text in both languages, so the generated input
/// reaches the extractors' rules rather than only their fast paths.
fn newsish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Bộ", "Quốc", "phòng", "Azerbaijan", "Azecbaijan", "Armenia", "ngày", "4-10", "hôm", "qua", "27/9/2020",
        "người", "thiệt", "mạng", "bị", "thương", "ít", "nhất", "hàng", "chục", "Tổng", "thống", "Ilham", "Aliyev",
        "tên", "lửa", "Iskander", "theo", "cho", "biết", "At", "least", "killed", "wounded", "on", "Monday", "October",
        "4,", "2020", "President", "in", "Paris", "said", ".", ",", "\n", "“", "”", "0:00", "/", "•", "😀", "1.234",
        "tháng", "10/2020", "năm", "sáng", "nay", "thứ", "8", "hai", "mươi", "mốt", "dozens", "of", "people", "-",
        "ANTD.VN", "(Reuters)", "TP.", "Hồ", "Chí", "Minh", "e\u{301}", "Nguyễn", "Văn", "A", "",
    ]);
    prop::collection::vec(words, 0..80).prop_map(|ws| ws.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever a user or a feed puts in the options, the answer is options or an error,
    /// and a date that is accepted is the day its first ten characters name.
    #[test]
    fn any_option_string_is_handled(lang in any::<String>(), date in "(\\PC{0,12}|[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]?\\PC{0,10})") {
        if let Ok(Options { date: Some(d), .. }) = Options::parse(Some(&lang), Some(&date)) {
            prop_assert_eq!(d.iso(), date.trim()[..10].to_string());
        }
    }

    /// A feed's timestamp of a real day is accepted as that day.
    #[test]
    fn timestamps_of_real_days_are_their_day(date in "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])", time in "[T ][01][0-9]:[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,3})?)?(Z|[+-][01][0-9]:[0-5][0-9])?") {
        let stamp = format!("{date}{time}");
        let parsed = Options::parse(None, Some(&stamp));
        prop_assert!(parsed.is_ok(), "{} refused", stamp);
        prop_assert_eq!(parsed.ok().and_then(|o| o.date).map(|d| d.iso()), Some(date));
    }

    #[test]
    fn any_string_is_handled(s in any::<String>()) {
        match annotate(&s, &Options::default()) {
            Ok(ann) => check(&s, &ann),
            Err(_) => prop_assert!(s.trim().is_empty()),
        }
    }

    #[test]
    fn newsish_text_gives_valid_spans(s in newsish(), nfd in any::<bool>()) {
        let s = if nfd { s.nfd().collect::<String>() } else { s };
        if let Ok(ann) = annotate(&s, &Options::default()) {
            check(&s, &ann);
        }
    }

    #[test]
    fn forced_options_are_respected(s in newsish()) {
        let opts = Options::parse(Some("en"), Some("2020-10-04")).unwrap();
        if let Ok(ann) = annotate(&s, &opts) {
            prop_assert_eq!(ann.language.code(), "en");
            prop_assert_eq!(ann.reference_date.as_deref(), Some("2020-10-04"));
            check(&s, &ann);
        }
    }
}

#[test]
fn seed_article_spans_are_valid() {
    let text = include_str!("../../../seeds/000_4b482bd7dbe4f5f8.txt");
    let ann = annotate(text, &Options::default()).unwrap();
    check(text, &ann);
    let nfd: String = text.nfd().collect();
    let ann_nfd = annotate(&nfd, &Options::default()).unwrap();
    check(&nfd, &ann_nfd);
    assert_eq!(ann.entities.len(), ann_nfd.entities.len(), "NFD input finds the same entities");
    assert_eq!(ann.timeline.len(), ann_nfd.timeline.len());
}
