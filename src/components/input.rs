//! Where the user gives the article: paste text, open or drop a .txt/.html file, pick the
//! sample, and set the language and publication date.

use leptos::prelude::*;

use crate::dom::read_file;
use crate::render::corrections::{reanchor, storage_key};
use crate::render::input::{check_size, prepare};
use crate::render::reopen::{from_web_annotations, is_json, is_web_annotation, read_project};
use crate::session::Saved;
use crate::state::{Carry, Ui};
use annotator_core::Language;

/// Puts an article on screen with its options: a new one's ([`Saved::new_article`]) or those
/// a recent one had.
pub fn open_article(text: RwSignal<String>, name: RwSignal<String>, lang: RwSignal<String>, date: RwSignal<String>, article: Saved) {
    lang.set(article.lang);
    date.set(article.date);
    name.set(article.name);
    text.set(article.text);
}

/// Loads a file into the page, or says why not: an article (.txt, .html), or this page's
/// JSON export, which brings back its article with the options and corrections it had.
pub fn load(file: web_sys::File, text: RwSignal<String>, name: RwSignal<String>, lang: RwSignal<String>, date: RwSignal<String>, ui: Ui) {
    wasm_bindgen_futures::spawn_local(async move {
        let read = read_file(file).await;
        // A Web Annotation file: its marks go onto the article on screen, found by their quotes.
        if let Some((n, raw)) = read.as_ref().ok().filter(|(n, raw)| is_json(n) && is_web_annotation(raw) && !text.get_untracked().trim().is_empty()) {
            let current = text.get_untracked();
            let applied = crate::app::annotate_for_page(&current, &lang.get_untracked(), &date.get_untracked())
                .and_then(|(_, _, ann)| from_web_annotations(n, raw, &current, &ann));
            match applied {
                Ok((c, a)) => {
                    ui.notice.set(None);
                    // The file's mentions and dates replace those corrections; the reader's
                    // figures, merges, splits and type changes stay (the file holds none).
                    ui.correct(|x| (x.removed, x.added, x.dates) = (c.removed, c.added, c.dates));
                    let also = |k: usize, one: &str, many: &str| match k {
                        0 => String::new(),
                        1 => format!("; 1 {one}"),
                        k => format!("; {k} {many}"),
                    };
                    ui.tell(format!("Put the marks of {n} on this article: {} found{}{}.", a.placed, also(a.lost, "not found in this text", "not found in this text"), also(a.skipped, "mark left as read (a casualty figure, or a value not understood)", "marks left as read (casualty figures, or values not understood)")));
                }
                Err(msg) => ui.notice.set(Some(msg)),
            }
            return;
        }
        let opened = read.and_then(|(n, raw)| match is_json(&n) {
            true => read_project(&n, &raw).map(|(article, c)| (n, article, Some(c))),
            false => prepare(&n, &raw).map(|t| (n.clone(), Saved::new_article(n, t), None)),
        });
        match opened {
            Ok((file_name, article, corrections)) => {
                ui.notice.set(None);
                if let Some(c) = corrections {
                    let n = c.count();
                    ui.tell(format!("Opened {file_name}: the article with {n} {}.", if n == 1 { "correction" } else { "corrections" }));
                    // Taken when the article's corrections are loaded (setting the text loads
                    // them, the same text too), over any saved here.
                    ui.carry.set_value(Some(Carry { key: storage_key(&article.text), corrections: c, wins: true }));
                }
                open_article(text, name, lang, date, article);
            }
            Err(msg) => ui.notice.set(Some(msg)),
        }
    });
}

/// An edit of the article on screen keeps the reader's corrections: they are re-anchored on
/// the new text (see [`reanchor`]), and the status line says how many came along. Those that
/// fit nowhere stay saved with the old text (reopened from Recent, it has them all); losing
/// any is said in the notice banner, which stays until dismissed, not in the passing status.
fn carry_corrections(old: &str, new: &str, ui: Ui) {
    let before = ui.corrections.get_untracked();
    if old == new || before.is_empty() {
        return;
    }
    let total = before.count();
    // Another article pasted over this one: its corrections stay with it, and nothing is said.
    let Some((moved, lost)) = reanchor(old, new, &before) else { return };
    let plural = |n: usize| if n == 1 { "correction" } else { "corrections" };
    match (total - lost, lost) {
        (kept, 0) => ui.tell(format!("{kept} {} carried over to the edited text.", plural(kept))),
        (0, _) => ui.notice.set(Some(format!("None of the {total} {} fit the edited text: they stay with the previous version.", plural(total)))),
        (kept, lost) => ui.notice.set(Some(format!("{kept} of {total} corrections carried over to the edited text; {lost} could not be placed (the words they marked are gone) and {} with the previous version.", if lost == 1 { "stays" } else { "stay" }))),
    }
    if !moved.is_empty() {
        ui.carry.set_value(Some(Carry { key: storage_key(new), corrections: moved, wins: false }));
    }
}

/// How the language menu names a language.
fn language_name(l: Language) -> &'static str {
    match l {
        Language::Vi => "Tiếng Việt",
        Language::En => "English",
    }
}

#[component]
pub fn InputPanel(
    text: RwSignal<String>,
    name: RwSignal<String>,
    lang: RwSignal<String>,
    date: RwSignal<String>,
    /// The recent articles to reopen (empty where the page remembers none).
    recent: RwSignal<Vec<Saved>>,
    /// The language the engine read the article in.
    detected: Signal<Option<Language>>,
) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let draft = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    view! {
        <div class="controls">
            <button class="btn" on:click=move |_| { draft.set(text.get_untracked()); open.update(|o| *o = !*o); }
                aria-expanded=move || open.get().to_string()>
                "Edit text"
            </button>
            <label class="btn file">
                "Open file…"
                <input type="file" accept=".txt,.html,.htm,.json,text/plain,text/html,application/json" class="sr-only"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(file) = input.files().and_then(|f| f.get(0)) {
                            load(file, text, name, lang, date, ui);
                        }
                    } />
            </label>
            <button class="btn ghost" on:click=move |_| { ui.notice.set(None); open_article(text, name, lang, date, Saved::seed()) }>"Sample: seed article"</button>
            <Show when=move || recent.with(|r| r.len() > 1)>
                <label class="field">"Recent "
                    <select class="recent" aria-label="Reopen a recent article"
                        on:change=move |ev| {
                            let pick = event_target_value(&ev).parse::<usize>().ok().and_then(|i| recent.with_untracked(|r| r.get(i).cloned()));
                            // Back to "Reopen…": the list reorders, and the same entry may be
                            // chosen again.
                            event_target::<web_sys::HtmlSelectElement>(&ev).set_selected_index(0);
                            if let Some(s) = pick {
                                open_article(text, name, lang, date, s);
                            }
                        }
                        prop:value="">
                        <option value="" disabled=true selected=true>"Reopen…"</option>
                        {move || recent.get().into_iter().enumerate().map(|(i, s)| view! { <option value=i.to_string()>{s.title()}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <label class="field">"Language "
                <select on:change=move |ev| lang.set(event_target_value(&ev)) prop:value=move || lang.get()>
                    <option value="auto">"auto"</option>
                    <option value="vi">"Tiếng Việt"</option>
                    <option value="en">"English"</option>
                </select>
                {move || (lang.get() == "auto").then(|| detected.get()).flatten().map(|l| view! { <span class="detected muted">"read as " {language_name(l)}</span> })}
            </label>
            <label class="field">"Published "
                <input type="date" prop:value=move || date.get() on:change=move |ev| date.set(event_target_value(&ev)) />
            </label>
            <span class="hint muted">"or drop a .txt / .html file anywhere"</span>
        </div>
        <Show when=move || open.get()>
            <div class="editor">
                <label for="article-input" class="sr-only">"Article text"</label>
                <textarea id="article-input" rows="10" placeholder="Paste a news article here (Vietnamese or English)…"
                    prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                <div class="editor-actions">
                    <button class="btn primary" on:click=move |_| {
                        match check_size("The pasted text", draft.with_untracked(String::len)) {
                            Ok(()) => {
                                ui.notice.set(None);
                                let edited = draft.get_untracked();
                                carry_corrections(&text.get_untracked(), &edited, ui);
                                open_article(text, name, lang, date, Saved::new_article(crate::render::export::PASTED_NAME, edited));
                                open.set(false);
                            }
                            Err(msg) => ui.notice.set(Some(msg)),
                        }
                    }>"Annotate"</button>
                    <button class="btn ghost" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </div>
        </Show>
    }
}
