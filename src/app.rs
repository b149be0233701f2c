//! The page's state: the article text and options the user chose, and the annotation derived
//! from them. Every view reads from the one memoised annotation.

use std::sync::Arc;

use annotator_core::{annotate, Annotation, Options};
use leptos::prelude::*;

use crate::components::help::{shortcut, Shortcut, ShortcutHelp};
use crate::components::{article::{ArticleView, Drawn}, card::MentionCard, input::InputPanel, sidebar::{Parts, Sidebar}, toolbar::Toolbar};
use crate::render::corrections::{apply, storage_key, Corrections};
use crate::render::layout::{layout, Layout};
use crate::session::{self, Saved};
use crate::state::Ui;

/// What the page shows for the current input: the text, its laid-out annotation, or why there
/// is none.
/// The text, its layout and annotation, each shared: a memo hands them on by clone, and a
/// clone of a megabyte's layout would cost more than the work that made it.
pub type Annotated = Result<(Arc<String>, Arc<Layout>, Arc<Annotation>), String>;

/// Annotates `text` with the options typed in the page.
pub fn annotate_for_page(text: &str, lang: &str, date: &str) -> Annotated {
    let options = Options::parse(Some(lang), Some(date)).map_err(|e| crate::render::input::engine_error(&e))?;
    let ann = annotate(text, &options).map_err(|e| crate::render::input::engine_error(&e))?;
    let text = Arc::new(text.to_string());
    Ok((text.clone(), Arc::new(layout(&text, &ann)), Arc::new(ann)))
}

/// What the engine has for the current input: the annotation, or a large text handed to the
/// background worker (see [`crate::background`]), whose answer arrives later.
#[derive(Clone, PartialEq)]
enum Engine {
    Done(Annotated),
    Background { text: Arc<String>, lang: String, date: String },
}

/// The annotation of a large text, from the worker (or, where no worker can run, from this
/// thread after all).
async fn annotate_in_background(text: Arc<String>, lang: String, date: String) -> Annotated {
    match crate::background::annotate(&text, &lang, &date).await {
        Ok(answer) => answer.map(|ann| (text.clone(), Arc::new(layout(&text, &ann)), Arc::new(ann))),
        Err(why) => {
            leptos::logging::warn!("background annotation unavailable ({}); annotating on the page's thread", why.0);
            annotate_for_page(&text, &lang, &date)
        }
    }
}

/// "2.4 MB", "310 KB": a text's size for the reader.
pub fn size_label(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", crate::render::chart::tenths(bytes as f64 / 1_000_000.0))
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

/// The standalone page: the annotator with the article the reader had on screen before a
/// reload (see [`crate::session`]), or the seed article on a first visit.
#[component]
pub fn App() -> impl IntoView {
    let kept: Option<Saved> = session::parse(crate::dom::load(session::SESSION_KEY).ok().flatten());
    let Saved { name, text, lang, date } = kept.unwrap_or_else(Saved::seed);
    view! { <Annotator text=text name=name lang=lang date=date remember=true /> }
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
    /// Remember the article and its options across reloads, and list the recent ones (the
    /// standalone page; an embedded instance's text belongs to its host page).
    #[prop(default = false)] remember: bool,
) -> impl IntoView {
    let text = RwSignal::new(text);
    let name = RwSignal::new(name);
    let lang = RwSignal::new(lang);
    let date = RwSignal::new(date);
    let ui = Ui::new();
    provide_context(ui);
    let recent: RwSignal<Vec<Saved>> = RwSignal::new(if remember { session::parse(crate::dom::load(session::RECENT_KEY).ok().flatten()).unwrap_or_default() } else { Vec::new() });
    // The article on screen and its options are written as they change; the recent list
    // follows. Storage that refuses (full, private mode) costs the memory, not the article.
    Effect::new(move |_| {
        if !remember {
            return;
        }
        let item = Saved { name: name.get(), text: text.get(), lang: lang.get(), date: date.get() };
        if item.text.trim().is_empty() {
            return; // nothing to bring back (the page says why it shows nothing)
        }
        if !item.keepable() {
            let _ = crate::dom::save(session::SESSION_KEY, None);
            ui.notice.set(Some(format!("This article ({}) is too large to keep across a reload: save it as a file to reopen it.", size_label(item.text.len()))));
            return;
        }
        let list = session::remember(recent.get_untracked(), item.clone());
        let written = serde_json::to_string(&item).ok().map(|json| crate::dom::save(session::SESSION_KEY, Some(&json)));
        let listed = serde_json::to_string(&list).ok().map(|json| crate::dom::save(session::RECENT_KEY, Some(&json)));
        if !matches!((written, listed), (Some(Ok(())), Some(Ok(())))) {
            ui.notice.set(Some("The browser's storage refused to keep this article: it will not come back after a reload.".to_string()));
        }
        recent.set(list);
    });
    let engine = Memo::new(move |_| {
        let (l, d) = (lang.get(), date.get());
        text.with(|t| match crate::background::wanted_for(t) {
            true => Engine::Background { text: Arc::new(t.clone()), lang: l, date: d },
            false => Engine::Done(annotate_for_page(t, &l, &d)),
        })
    });
    // A large text goes to the worker; its answer is kept only while that text is current.
    let finished: RwSignal<Option<(Arc<String>, Annotated)>> = RwSignal::new(None);
    Effect::new(move |_| {
        if let Engine::Background { text: t, lang: l, date: d } = engine.get() {
            wasm_bindgen_futures::spawn_local(async move {
                let result = annotate_in_background(t.clone(), l, d).await;
                let current = matches!(engine.try_get_untracked(), Some(Engine::Background { text: now, .. }) if Arc::ptr_eq(&now, &t));
                if current {
                    finished.set(Some((t, result)));
                }
            });
        }
    });
    // The reader's corrections on top of what the engine found; `None` while the worker runs.
    let annotated = Memo::new(move |_| {
        let base = match engine.get() {
            Engine::Done(a) => a,
            Engine::Background { text: t, .. } => finished.with(|f| f.as_ref().filter(|(ft, _)| Arc::ptr_eq(ft, &t)).map(|(_, a)| a.clone()))?,
        };
        let corrections = ui.corrections.get();
        Some(base.map(|(t, layout_, ann)| {
            if corrections.is_empty() {
                return (t, layout_, ann);
            }
            let fixed = apply(&t, &ann, &corrections);
            (t.clone(), Arc::new(layout(&t, &fixed)), Arc::new(fixed))
        }))
    });
    // Where the article's corrections are kept: a hash of its text, computed once per text
    // (a megabyte's takes a millisecond or two, and corrections are saved as they are made).
    let key = Memo::new(move |_| text.with(|t| storage_key(t)));
    // A new article: clear the selection and load its saved corrections.
    // (Run again when the same text is set again: a project file opened for the article on
    // screen brings its corrections.)
    Effect::new(move |_| {
        text.track();
        let key = key.get_untracked();
        ui.selected.set(None);
        ui.card.set(None);
        ui.pending.set(None);
        // (A figure or date open in the editor belongs to the last article's text.)
        ui.editing.set(None);
        let saved = match crate::dom::load(&key) {
            Ok(v) => v.and_then(|s| serde_json::from_str::<Corrections>(&s).ok()).unwrap_or_default(),
            Err(msg) => {
                ui.notice.set(Some(msg));
                Corrections::default()
            }
        };
        // An edited text starts with the corrections carried over from its last version.
        // An opened project file brings its own, which win over those saved here.
        let carried = ui.carry.try_update_value(Option::take).flatten().filter(|c| c.key == key);
        ui.load_corrections(match carried {
            Some(c) if c.wins || saved.is_empty() => c.corrections,
            _ => saved,
        });
    });
    // Corrections are written as they are made (they survive a reload or a crash).
    Effect::new(move |prev: Option<()>| {
        let c = ui.corrections.get();
        if prev.is_none() {
            return; // the load above, not a change
        }
        let key = key.get_untracked();
        let json = serde_json::to_string(&c).unwrap_or_default();
        if let Err(msg) = crate::dom::save(&key, (!c.is_empty()).then_some(json.as_str())) {
            ui.notice.set(Some(msg));
        }
    });

    // What the page shows: the article's text, or why there is none. Not its corrections: a
    // correction redraws the toolbar, the summary and the card, and updates the article in
    // place (see `ArticleView`), which a new text draws afresh.
    let outcome = Memo::new(move |_| annotated.with(|a| a.as_ref().map(|r| r.as_ref().map(|(t, ..)| t.clone()).map_err(Clone::clone))));
    let now = move || annotated.with(|a| match a {
        Some(Ok((_, layout, ann))) => Some((layout.clone(), ann.clone())),
        _ => None,
    });
    let drawn = Memo::new(move |_| now().map(|(layout, ann)| Drawn::new(layout, ann)));
    // The language the engine read the article in, for the language menu's "auto".
    let detected = Signal::derive(move || annotated.with(|a| a.as_ref().and_then(|r| r.as_ref().ok()).map(|(_, _, ann)| ann.language)));
    // Files dropped on this annotator (not on another instance of the same page).
    // A file dragged over the page: the page says where it may be dropped.
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            crate::components::input::load(file, text, name, lang, date, ui);
        }
    };
    // The plain keys of the help panel ("?"): stepping through the selected entity's
    // mentions, removing one, tagging the selected text. `true` when the key did something.
    let on_shortcut = move |s: Shortcut| -> bool {
        let mentions = move || {
            let e = ui.selected.get_untracked()?;
            annotated.with_untracked(|a| match a {
                Some(Ok((_, _, ann))) => ann.entities.get(e).map(|x| (e, x.mentions.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>())),
                _ => None,
            })
        };
        match s {
            Shortcut::Help => {
                ui.help.update(|h| *h = !*h);
                true
            }
            Shortcut::Tag(k) => ui.tag_pending(k),
            Shortcut::Next | Shortcut::Previous => mentions().is_some_and(|(e, spans)| {
                let starts: Vec<usize> = spans.iter().map(|s| s.0).collect();
                crate::dom::step_mention(ui, e, &starts, if s == Shortcut::Next { 1 } else { -1 });
                true
            }),
            Shortcut::Remove => mentions().is_some_and(|(_, spans)| ui.remove_current(&spans)),
        }
    };
    // Ctrl+Z / Ctrl+Shift+Z (Cmd on a Mac, and Ctrl+Y) undo and redo corrections, and Escape
    // closes the card and the editor and clears the selection and the tag bar, except while the reader types
    // in a field, where the keys edit the text.
    let on_key = move |ev: &web_sys::KeyboardEvent| {
        let typing = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()).is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"));
        if typing {
            return;
        }
        if ev.key() == "Escape" {
            ui.card.set(None);
            ui.selected.set(None);
            ui.pending.set(None);
            ui.help.set(false);
            ui.editing.set(None);
            return;
        }
        if ev.alt_key() {
            return;
        }
        if !(ev.ctrl_key() || ev.meta_key()) {
            if let Some(s) = shortcut(&ev.key(), ev.shift_key()) {
                if on_shortcut(s) {
                    ev.prevent_default();
                }
            }
            return;
        }
        let key = ev.key().to_lowercase();
        let done = match (key.as_str(), ev.shift_key()) {
            ("z", false) => ui.undo(),
            ("z", true) | ("y", false) => ui.redo(),
            _ => false,
        };
        if done {
            ev.prevent_default();
        }
    };
    // The standalone page answers anywhere; an embedded instance only with focus inside it
    // (another instance on the host page has corrections of its own).
    if remember {
        let handle = window_event_listener(leptos::ev::keydown, move |ev| on_key(&ev));
        on_cleanup(move || handle.remove());
    }
    view! {
        <div class="aa-root" on:keydown=move |ev| if !remember { on_key(&ev) } class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); if !dragging.get_untracked() { dragging.set(true) } }
            on:dragleave=move |ev: web_sys::DragEvent| if ev.related_target().is_none() { dragging.set(false) }
            on:drop=on_drop>
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◆"</span>
                <h1>"Article Annotator"</h1>
                <span class="tagline">"People, places, organizations, weapons, casualties and dates — in your browser"</span>
            </div>
            <InputPanel text=text name=name lang=lang date=date recent=recent detected=detected />
        </header>
        {move || ui.notice.get().map(|n| view! {
            <div class="notice" role="alert">
                <span>{n}</span>
                <button class="btn ghost" aria-label="Dismiss" on:click=move |_| ui.notice.set(None)>"×"</button>
            </div>
        })}
        {move || ui.help.get().then(|| view! { <ShortcutHelp /> })}
        <div class="status-line" role="status" aria-live="polite">{move || ui.status.get()}</div>
        <main class=if sidebar { "workspace" } else { "workspace no-sidebar" }>
            {move || match outcome.get() {
                None => view! {
                    <div class="working" role="status">
                        <span class="spinner" aria-hidden="true"></span>
                        <p>"Annotating " {text.with_untracked(|t| size_label(t.len()))} " in the background… the page stays usable meanwhile."</p>
                    </div>
                }.into_any(),
                Some(Ok(t)) => view! {
                    <div class="main-col">
                        {annotator_core::text::language::unsupported_script(&t).map(|script| view! {
                            <p class="script-note" role="note">
                                "This text is written in " {script} " script. The annotator reads Vietnamese and English: names, figures and dates in other languages are not found."
                            </p>
                        })}
                        {sidebar.then(|| view! {
                            <button class="skip-link" on:click=move |ev| crate::dom::focus_in_root(&ev, ".sidebar")>"Skip past the article to its summary"</button>
                        })}
                        {let t = t.clone(); move || now().map(|(_, ann)| view! { <Toolbar text=t.clone() ann=ann name=name lang=lang date=date /> })}
                        <ArticleView drawn=drawn />
                    </div>
                    {sidebar.then(|| view! { <Sidebar parts=Parts::new(move || now().map(|(_, ann)| ann)) /> })}
                    {move || now().map(|(_, ann)| view! { <MentionCard ann=ann /> })}
                }.into_any(),
                Some(Err(msg)) => view! {
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

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_for_the_reader() {
        assert_eq!(super::size_label(10_485_760), "10.5 MB");
        assert_eq!(super::size_label(262_145), "263 KB");
        assert_eq!(super::size_label(1), "1 KB");
    }
}
