//! The page's state: the article text and options the user chose, and the annotation derived
//! from them. Every view reads from the one memoised annotation.

use annotator_core::{annotate, Annotation, Options};
use leptos::prelude::*;

use crate::components::{article::ArticleView, card::MentionCard, input::InputPanel, sidebar::Sidebar, toolbar::Toolbar};
use crate::render::layout::{layout, Layout};
use crate::state::Ui;
use crate::SEED_ARTICLE;

/// What the page shows for the current input: the text, its laid-out annotation, or why there
/// is none.
pub type Annotated = Result<(std::sync::Arc<String>, Layout, Annotation), String>;

/// Annotates `text` with the options typed in the page.
pub fn annotate_for_page(text: &str, lang: &str, date: &str) -> Annotated {
    let options = Options::parse(Some(lang), Some(date)).map_err(|e| e.to_string())?;
    let ann = annotate(text, &options).map_err(|e| e.to_string())?;
    Ok((std::sync::Arc::new(text.to_string()), layout(text, &ann), ann))
}

#[component]
pub fn App() -> impl IntoView {
    let text = RwSignal::new(SEED_ARTICLE.to_string());
    let name = RwSignal::new("seed-article.txt".to_string());
    let lang = RwSignal::new("auto".to_string());
    let date = RwSignal::new(String::new());
    let ui = Ui::new();
    provide_context(ui);
    let annotated = Memo::new(move |_| text.with(|t| annotate_for_page(t, &lang.get(), &date.get())));
    // A new article clears the selection.
    Effect::new(move |_| {
        annotated.track();
        ui.selected.set(None);
        ui.card.set(None);
    });

    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◆"</span>
                <h1>"Article Annotator"</h1>
                <span class="tagline">"People, places, organizations, weapons, casualties and dates — in your browser"</span>
            </div>
            <InputPanel text=text name=name lang=lang date=date />
        </header>
        {move || ui.notice.get().map(|n| view! {
            <div class="notice" role="alert">
                <span>{n}</span>
                <button class="btn ghost" aria-label="Dismiss" on:click=move |_| ui.notice.set(None)>"×"</button>
            </div>
        })}
        <main class="workspace">
            {move || match annotated.get() {
                Ok((t, layout, ann)) => view! {
                    <div class="main-col">
                        <Toolbar text=t.clone() ann=ann.clone() name=name />
                        <ArticleView layout=layout ann=ann.clone() />
                    </div>
                    <Sidebar ann=ann.clone() />
                    <MentionCard ann=ann />
                }.into_any(),
                Err(msg) => view! {
                    <div class="empty-state" role="alert">
                        <h2>"Nothing to annotate yet"</h2>
                        <p>{msg}</p>
                        <p class="muted">"Paste an article with “Edit text”, open or drop a .txt or .html file, or pick the sample."</p>
                    </div>
                }.into_any(),
            }}
        </main>
    }
}
