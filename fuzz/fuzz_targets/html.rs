//! Any bytes as HTML: reducing them to text must not panic, and the text must then annotate.
#![no_main]

use annotator_core::text::html::html_to_text;
use annotator_core::{annotate, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let text = html_to_text(&html);
    // A '<' in the text comes from the markup's own text: a '<' not part of a tag, or an
    // entity ("&lt;", "&#60;"), which decodes to one (found by the fuzzer: "&&&&lt;z").
    assert!(!text.contains('<') || html.contains('<') || html.to_ascii_lowercase().contains("&lt") || html.contains("&#"));
    let _ = annotate(&text, &Options::default());
});
