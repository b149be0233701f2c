//! Any bytes, read as UTF-8 where they are: the engine must not panic and every span must be
//! in bounds with `text` equal to its slice.
#![no_main]

use annotator_core::{annotate, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for opts in [Options::default(), Options::parse(Some("en"), Some("2020-10-04")).unwrap()] {
        if let Ok(ann) = annotate(&text, &opts) {
            let chars: Vec<char> = text.chars().collect();
            let check = |s: usize, e: usize, t: &str| {
                assert!(s <= e && e <= chars.len());
                assert_eq!(chars[s..e].iter().collect::<String>(), t);
            };
            for e in &ann.entities {
                for m in &e.mentions {
                    check(m.start, m.end, &m.text);
                }
            }
            for c in &ann.casualties {
                check(c.start, c.end, &c.text);
                if let (Some(a), Some(b)) = (c.min, c.max) {
                    assert!(a <= b);
                }
            }
            for t in &ann.timeline {
                check(t.start, t.end, &t.text);
                check(t.event.start, t.event.end, &t.event.text);
            }
        }
    }
});
