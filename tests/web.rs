//! Runs in headless Chromium (wasm-bindgen-test): the engine compiled to WebAssembly gives
//! the same kind of annotation as natively, and the app mounts and shows the seed article.
#![cfg(target_arch = "wasm32")]

use annotator_core::{annotate, Options};
use article_annotator::SEED_ARTICLE;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn engine_annotates_the_seed_in_wasm() {
    let ann = annotate(SEED_ARTICLE, &Options::default()).expect("seed annotates");
    assert_eq!(ann.language.code(), "vi");
    let chars: Vec<char> = SEED_ARTICLE.chars().collect();
    for e in &ann.entities {
        for m in &e.mentions {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
        }
    }
    for t in &ann.timeline {
        assert_eq!(chars[t.start..t.end].iter().collect::<String>(), t.text);
    }
    assert!(!ann.noise.is_empty(), "the player residue is reported as noise");
}

#[wasm_bindgen_test]
fn empty_text_is_an_error_not_a_panic() {
    assert!(annotate("   ", &Options::default()).is_err());
}

#[wasm_bindgen_test]
fn app_mounts_and_shows_the_seed() {
    let _handle = leptos::mount::mount_to_body(article_annotator::app::App);
    let doc = web_sys::window().unwrap().document().unwrap();
    let headline = doc.query_selector(".headline").unwrap().expect("a headline is rendered");
    assert!(headline.text_content().unwrap().starts_with("Azerbaijan vội yêu cầu đàm phán"));
    assert!(doc.query_selector(".sidebar").unwrap().is_some());
    let paragraphs = doc.query_selector_all(".article p").unwrap();
    assert!(paragraphs.length() >= 5);
}
