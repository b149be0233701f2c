//! Where the user gives the article: paste text, pick the seed sample, and set the language
//! and publication date.

use leptos::prelude::*;

use crate::SEED_ARTICLE;

#[component]
pub fn InputPanel(text: RwSignal<String>, lang: RwSignal<String>, date: RwSignal<String>) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    view! {
        <div class="controls">
            <button class="btn" on:click=move |_| { draft.set(text.get_untracked()); open.update(|o| *o = !*o); }
                aria-expanded=move || open.get().to_string()>
                "Edit text"
            </button>
            <button class="btn ghost" on:click=move |_| text.set(SEED_ARTICLE.to_string())>"Sample: seed article"</button>
            <label class="field">"Language "
                <select on:change=move |ev| lang.set(event_target_value(&ev)) prop:value=move || lang.get()>
                    <option value="auto">"auto"</option>
                    <option value="vi">"Tiếng Việt"</option>
                    <option value="en">"English"</option>
                </select>
            </label>
            <label class="field">"Published "
                <input type="date" prop:value=move || date.get() on:change=move |ev| date.set(event_target_value(&ev)) />
            </label>
        </div>
        <Show when=move || open.get()>
            <div class="editor">
                <label for="article-input" class="sr-only">"Article text"</label>
                <textarea id="article-input" rows="10" placeholder="Paste a news article here (Vietnamese or English)…"
                    prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                <div class="editor-actions">
                    <button class="btn primary" on:click=move |_| { text.set(draft.get_untracked()); open.set(false); }>"Annotate"</button>
                    <button class="btn ghost" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </div>
        </Show>
    }
}
