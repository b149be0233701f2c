//! The page's state: the article text and options the user chose, and the annotation derived
//! from them. Every view reads from the one memoised annotation.

use annotator_core::{annotate, Annotation, Options};
use leptos::prelude::*;

use crate::components::{article::ArticleView, input::InputPanel, sidebar::Sidebar};
use crate::render::layout::{layout, Layout};
use crate::SEED_ARTICLE;

/// What the page shows for the current input: a laid-out annotation, or why there is none.
pub type Annotated = Result<(Layout, Annotation), String>;

/// Annotates `text` with the options typed in the page.
pub fn annotate_for_page(text: &str, lang: &str, date: &str) -> Annotated {
    let options = Options::parse(Some(lang), Some(date)).map_err(|e| e.to_string())?;
    let ann = annotate(text, &options).map_err(|e| e.to_string())?;
    Ok((layout(text, &ann), ann))
}

#[component]
pub fn App() -> impl IntoView {
    let text = RwSignal::new(SEED_ARTICLE.to_string());
    let lang = RwSignal::new("auto".to_string());
    let date = RwSignal::new(String::new());
    let annotated = Memo::new(move |_| text.with(|t| annotate_for_page(t, &lang.get(), &date.get())));

    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◆"</span>
                <h1>"Article Annotator"</h1>
                <span class="tagline">"People, places, organizations, weapons, casualties and dates — in your browser"</span>
            </div>
            <InputPanel text=text lang=lang date=date />
        </header>
        <main class="workspace">
            {move || match annotated.get() {
                Ok((layout, ann)) => view! {
                    <ArticleView layout=layout ann=ann.clone() />
                    <Sidebar ann=ann />
                }.into_any(),
                Err(msg) => view! { <div class="notice" role="alert">{msg}</div> }.into_any(),
            }}
        </main>
    }
}
