fn main() {
    // The same module also runs in the background worker (src/background.rs), where there is
    // no page to mount.
    if web_sys::window().is_none() {
        return;
    }
    console_error_panic_hook::set_once();
    // Trunk.toml turns file hashing off so that these names are stable.
    article_annotator::background::configure("annotate-worker.js", "article-annotator.js");
    leptos::mount::mount_to_body(article_annotator::app::App);
}
