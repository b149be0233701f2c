//! Hostile and huge input: no panic, no hang, linear time, offsets right in code points and
//! UTF-16 even with astral characters.

use std::time::{Duration, Instant};

use annotator_core::text::offsets::Utf16Map;
use annotator_core::{annotate, looks_binary, Error, Options};

const SEED: &str = include_str!("../../../seeds/000_4b482bd7dbe4f5f8.txt");

fn time(text: &str) -> Duration {
    let opts = Options::default();
    // Best of five, to keep a slow run (another process) from deciding.
    (0..5)
        .map(|_| {
            let t = Instant::now();
            let _ = annotate(text, &opts);
            t.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn annotating_sixteen_copies_takes_about_sixteen_times_as_long() {
    // Each copy numbered, so no copy is taken for a repeated caption of another.
    let copies = |n: usize| (0..n).map(|i| format!("Bản {i}\n{SEED}\n")).collect::<String>();
    let (one, sixteen) = (copies(16), copies(256));
    time(&one); // warm the lexicons and caches
    let ratio = time(&sixteen).as_secs_f64() / time(&one).as_secs_f64();
    println!("16x the text took {ratio:.1}x the time");
    assert!(ratio < 24.0, "16x the text took {ratio:.1}x the time: not linear");
}

#[test]
fn pathological_inputs_finish() {
    let cases: Vec<(&str, String)> = vec![
        ("100k capitals in a row", "Azerbaijan Bộ Quốc Phòng ".repeat(25_000)),
        ("1 MB without a full stop", "ngày 4-10 hôm qua có 5 người chết và ".repeat(30_000)),
        ("50k digits", "1".repeat(50_000)),
        ("digits and separators", "1.2-3/4,5:6 ".repeat(20_000)),
        ("brackets and quotes", "(“[«‘".repeat(20_000)),
        ("one long word", "a".repeat(1_000_000)),
        ("dashes at line starts", "X - Y\n".repeat(50_000)),
        ("combining marks", "e\u{301}\u{302}\u{323}".repeat(50_000)),
        ("titles without names", "Tổng thống ông bà President Mr ".repeat(20_000)),
    ];
    for (what, text) in cases {
        let ann = annotate(&text, &Options::default());
        assert!(ann.is_ok(), "{what}: {ann:?}");
    }
}

#[test]
fn emoji_and_astral_characters_keep_offsets_right() {
    let text = "😀 Tổng thống 🇦🇿 Ilham Aliyev 𝔸 cho biết ngày 4-10-2020 tại Baku 😀 có 5 người thiệt mạng.";
    let ann = annotate(text, &Options::default()).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let u16: Vec<u16> = text.encode_utf16().collect();
    let map = Utf16Map::new(text);
    let mut spans: Vec<(usize, usize, String)> = ann.entities.iter().flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end, m.text.clone()))).collect();
    spans.extend(ann.timeline.iter().map(|t| (t.start, t.end, t.text.clone())));
    spans.extend(ann.casualties.iter().map(|c| (c.start, c.end, c.text.clone())));
    assert!(spans.len() >= 4, "{spans:?}");
    for (s, e, t) in spans {
        assert_eq!(chars[s..e].iter().collect::<String>(), t);
        let (us, ue) = (map.to_utf16(s), map.to_utf16(e));
        assert_eq!(String::from_utf16(&u16[us..ue]).unwrap(), t, "UTF-16 slice of {t:?}");
    }
}

#[test]
fn binary_and_empty_input_are_clear_errors() {
    assert_eq!(annotate("", &Options::default()), Err(Error::EmptyText));
    assert_eq!(annotate(" \n\t ", &Options::default()), Err(Error::EmptyText));
    assert_eq!(annotate("MZ\u{0}\u{0}\u{3}", &Options::default()), Err(Error::BinaryText));
    let controls: String = (0..200).map(|i| char::from_u32(1 + i % 8).unwrap()).collect();
    assert!(looks_binary(&controls));
    assert!(!looks_binary(SEED));
    assert!(Error::BinaryText.to_string().contains("binary"));
}

#[test]
fn an_entity_in_html_decodes_to_text_that_annotates() {
    // Found by the `html` fuzz target: a run of bare '&' before "&lt;" (the target's own check
    // was wrong: an entity may decode to '<'). The text keeps the '<' and annotates.
    let html = "l\u{a0}&&\u{19}&&&&&&&&&&&&&&&&lt;z";
    let text = annotator_core::text::html::html_to_text(html);
    assert!(text.contains("<z"), "the entity decodes: {text:?}");
    let _ = annotate(&text, &Options::default());
}
