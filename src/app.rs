//! The page's state: the article text and options the user chose, and the annotation derived
//! from them. Every view reads from the one memoised annotation.

use annotator_core::{annotate, Annotation, Options};
use leptos::prelude::*;

use crate::components::{article::ArticleView, card::MentionCard, input::InputPanel, sidebar::Sidebar, toolbar::Toolbar};
use crate::render::corrections::{apply, storage_key, Corrections};
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

/// The standalone page: the annotator with the seed article.
#[component]
pub fn App() -> impl IntoView {
    view! { <Annotator text=SEED_ARTICLE.to_string() name="seed-article.txt".to_string() /> }
}

/// The whole annotator (controls, article, sidebar) for one article: the page's content, and
/// what `mount()` puts inside a CMS's element. Each instance has its own state.
#[component]
pub fn Annotator(
    text: String,
    #[prop(default = "article.txt".to_string())] name: String,
    #[prop(default = "auto".to_string())] lang: String,
    #[prop(default = String::new())] date: String,
    #[prop(default = true)] sidebar: bool,
) -> impl IntoView {
    let text = RwSignal::new(text);
    let name = RwSignal::new(name);
    let lang = RwSignal::new(lang);
    let date = RwSignal::new(date);
    let ui = Ui::new();
    provide_context(ui);
    let engine = Memo::new(move |_| text.with(|t| annotate_for_page(t, &lang.get(), &date.get())));
    // The reader's corrections on top of what the engine found.
    let annotated = Memo::new(move |_| {
        let corrections = ui.corrections.get();
        engine.get().map(|(t, layout_, ann)| {
            if corrections.is_empty() {
                return (t, layout_, ann);
            }
            let fixed = apply(&t, &ann, &corrections);
            (t.clone(), layout(&t, &fixed), fixed)
        })
    });
    // A new article: clear the selection and load its saved corrections.
    Effect::new(move |_| {
        let key = text.with(|t| storage_key(t));
        ui.selected.set(None);
        ui.card.set(None);
        ui.pending.set(None);
        let saved = match crate::dom::load(&key) {
            Ok(v) => v.and_then(|s| serde_json::from_str::<Corrections>(&s).ok()).unwrap_or_default(),
            Err(msg) => {
                ui.notice.set(Some(msg));
                Corrections::default()
            }
        };
        ui.corrections.set(saved);
    });
    // Corrections are written as they are made (they survive a reload or a crash).
    Effect::new(move |prev: Option<()>| {
        let c = ui.corrections.get();
        if prev.is_none() {
            return; // the load above, not a change
        }
        let key = text.with_untracked(|t| storage_key(t));
        let json = serde_json::to_string(&c).unwrap_or_default();
        if let Err(msg) = crate::dom::save(&key, (!c.is_empty()).then_some(json.as_str())) {
            ui.notice.set(Some(msg));
        }
    });

    // Files dropped on this annotator (not on another instance of the same page).
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            crate::components::input::load(file, text, name, ui);
        }
    };
    view! {
        <div class="aa-root" on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default() on:drop=on_drop>
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
        <main class=if sidebar { "workspace" } else { "workspace no-sidebar" }>
            {move || match annotated.get() {
                Ok((t, layout, ann)) => view! {
                    <div class="main-col">
                        <Toolbar text=t.clone() ann=ann.clone() name=name />
                        <ArticleView layout=layout ann=ann.clone() />
                    </div>
                    {sidebar.then(|| view! { <Sidebar ann=ann.clone() /> })}
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
        </div>
    }
}
