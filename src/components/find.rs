//! The find box: every place the article holds what was typed (case, accents and tones aside)
//! painted in the text, the current one in a stronger colour and brought into view; Enter and
//! Shift+Enter (or ‹ ›) step through them, Escape clears. The browser's own Ctrl+F works on the
//! text as well.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::render::find::Finder;
use crate::state::Ui;

/// The most hits counted and painted: enough for any reading, bounded for a 1 MB article.
const MAX_HITS: usize = 1000;

#[component]
pub fn FindBox(text: Arc<String>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    // Folded on the first search, not on every article shown.
    let finder: StoredValue<Option<Arc<Finder>>> = StoredValue::new(None);
    let hits: StoredValue<Vec<(usize, usize)>> = StoredValue::new(Vec::new());
    // (count of hits, index of the current one): what the status says.
    let state = RwSignal::new((0usize, 0usize));
    let input = NodeRef::<html::Input>::new();
    let paint = move || {
        let Some(root) = input.get_untracked().and_then(|i| crate::dom::article_of(&i)) else { return };
        let k = state.get_untracked().1;
        let spans = hits.get_value();
        let current = spans.get(k).copied();
        crate::dom::highlight(&root, "aa-find", &spans, None);
        crate::dom::highlight(&root, "aa-find-current", current.as_slice(), current.map(|c| c.0));
    };
    // Shows hit `k`: the article is first rendered up to it (a long one comes progressively).
    let show = move |k: usize| {
        let n = state.get_untracked().0;
        if n == 0 {
            return paint();
        }
        let k = k % n;
        state.set((n, k));
        if let Some(&(s, _)) = hits.with_value(|h| h.get(k).copied()).as_ref() {
            ui.need.set(Some(s));
        }
        set_timeout(paint, std::time::Duration::ZERO);
    };
    let search = move |q: String| {
        ui.find.set(q.clone());
        if finder.with_value(Option::is_none) {
            finder.set_value(Some(Arc::new(Finder::new(&text))));
        }
        let found = finder.with_value(|f| f.as_ref().map(|f| f.find(&q, MAX_HITS)).unwrap_or_default());
        state.set((found.len(), 0));
        hits.set_value(found);
        show(0);
    };
    let clear = search.clone();
    // Drawn again (after a correction, or for another article) with a query: found and
    // painted again once the article is on screen.
    let again = ui.find.get_untracked();
    if !again.trim().is_empty() {
        let search = search.clone();
        set_timeout(move || search(again), std::time::Duration::ZERO);
    }
    let step = move |delta: usize| {
        let (n, k) = state.get_untracked();
        show(k + delta.min(n.saturating_sub(1)));
    };
    let status = move || {
        let (n, k) = state.get();
        let q = input.get().map(|i| i.value()).unwrap_or_default();
        match n {
            _ if q.trim().is_empty() => String::new(),
            0 => "No match".to_string(),
            MAX_HITS => format!("{} of {MAX_HITS}+", k + 1),
            n => format!("{} of {n}", k + 1),
        }
    };
    view! {
        <span class="find" role="search">
            <input node_ref=input type="search" class="small" placeholder="Find in text" aria-label="Find in the article" value=ui.find.get_untracked()
                on:input=move |ev| search(event_target_value(&ev))
                on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                    "Enter" => { ev.prevent_default(); step(if ev.shift_key() { usize::MAX } else { 1 }) }
                    "Escape" => { if let Some(i) = input.get_untracked() { i.set_value("") } clear(String::new()) }
                    _ => {}
                } />
            <button class="btn small ghost" aria-label="Previous match" title="Previous match (Shift+Enter)" on:click=move |_| step(usize::MAX)>"‹"</button>
            <button class="btn small ghost" aria-label="Next match" title="Next match (Enter)" on:click=move |_| step(1)>"›"</button>
            <span class="find-status" aria-live="polite">{status}</span>
        </span>
    }
}
