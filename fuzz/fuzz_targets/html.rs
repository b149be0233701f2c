//! Any bytes as HTML: reducing them to text must not panic, and the text must then annotate.
#![no_main]

use annotator_core::text::html::html_to_text;
use annotator_core::{annotate, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let text = html_to_text(&html);
    assert!(!text.contains('<') || html.contains('<'));
    let _ = annotate(&text, &Options::default());
});
