//! Above the article: a legend that toggles each entity type (with counts), the underlines
//! of dates and casualty figures, and noise; the stepper through the selected entity's
//! mentions, the tag bar, the key to shortcuts and marks, and the exports.

use std::sync::Arc;

use annotator_core::{Annotation, CasualtyKind, EntityType, Group};
use leptos::prelude::*;

use crate::components::article::type_label;
use crate::components::editor::Editor;
use crate::components::find::FindBox;
use crate::components::help::tag_key;
use crate::dom::{close_menu, copy, download, step_mention};
use crate::render::export::{casualties_csv, timeline_csv, to_json, web_annotations, with_bom};
use crate::render::reopen::project_json;
use crate::session::Saved;
use crate::render::corrections::{Corrections, EntityOp, Figure};
use crate::state::{Editing, Ui};

/// How many entities the "Merge into…" list offers (those of the selected one's type, by
/// name): a long article names thousands.
const MERGE_CHOICES: usize = 300;

#[component]
pub fn Toolbar(text: Arc<String>, ann: Arc<Annotation>, name: RwSignal<String>, lang: RwSignal<String>, date: RwSignal<String>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let toggles = EntityType::ALL
        .iter()
        .map(|&k| {
            let n = ann.entities.iter().filter(|e| e.kind == k).count();
            let pressed = move || (!ui.hidden.get().contains(&k)).to_string();
            view! {
                <button class=format!("chip ent-{}", k.as_str()) aria-pressed=pressed on:click=move |_| ui.toggle_type(k)
                    title=format!("Show or hide {} highlights", type_label(k).to_lowercase())>
                    {type_label(k)}" "<b>{n}</b>
                </button>
            }
        })
        .collect_view();
    let noise = ann.noise.len();
    let stepper = {
        let ann = ann.clone();
        move || {
            let e = ui.selected.get()?;
            let entity = ann.entities.get(e)?.clone();
            let total = entity.mentions.len();
            let starts: Arc<Vec<usize>> = Arc::new(entity.mentions.iter().map(|m| m.start).collect());
            let spans: Vec<(usize, usize)> = entity.mentions.iter().map(|m| (m.start, m.end)).collect();
            let s2 = starts.clone();
            let go = move |delta: isize| step_mention(ui, e, &starts, delta);
            let go2 = move |delta: isize| step_mention(ui, e, &s2, delta);
            let name = entity.name.clone();
            let kind = entity.kind;
            // Corrections name the entity by its first mention (any of its mentions would do).
            let Some(&first) = spans.first() else { return None };
            // Corrections: the entity's type, and removing the current mention.
            let retype = move |ev: leptos::ev::Event| {
                let Some(to) = EntityType::parse(&event_target_value(&ev)) else { return };
                ui.correct(|c| c.ops.push(EntityOp::Retype { at: first, to }));
            };
            // One referent read as two entities: merge this one into another of its type; two
            // read as one: split the current mention off into an entity of its own.
            let s2spans = spans.clone();
            let targets = ann.clone();
            let merge = move |ev: leptos::ev::Event| {
                let Some(target) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| targets.entities.get(i)) else { return };
                let Some(into) = target.mentions.first().map(|m| (m.start, m.end)) else { return };
                ui.correct(|c| c.ops.push(EntityOp::Merge { from: first, into }));
                ui.selected.set(None);
                ui.tell(format!("Merged into {}", target.name));
            };
            let split = move |_| {
                let Some(&at) = s2spans.get(ui.step.get_untracked()) else { return };
                ui.correct(|c| c.ops.push(EntityOp::Split { at }));
                ui.selected.set(None);
                ui.tell("Split this mention off into an entity of its own");
            };
            // The other entities of this type, by name (the value is the entity's place).
            let mut others: Vec<(&str, usize)> = ann.entities.iter().enumerate().filter(|(i, x)| x.kind == kind && *i != e).map(|(i, x)| (x.name.as_str(), i)).collect();
            others.sort_unstable();
            others.dedup_by_key(|o| o.0);
            let merge_options = others.into_iter().take(MERGE_CHOICES).map(|(n, i)| view! { <option value=i.to_string()>{n.to_string()}</option> }).collect_view();
            let remove = move |_| {
                ui.remove_current(&spans);
            };
            let options = EntityType::ALL.iter().map(|&k| view! { <option value=k.as_str() selected=k == kind>{type_label(k)}</option> }).collect_view();
            Some(view! {
                <div class="stepper" role="group" aria-label="Mentions of the selected entity">
                    <span class="stepper-name">{name}</span>
                    <button class="btn small" aria-label="Previous mention" aria-keyshortcuts="Shift+N" title="Previous mention (Shift+N)" on:click=move |_| go(-1)>"‹"</button>
                    <span class="stepper-pos">{move || format!("{} / {}", ui.step.get() + 1, total)}</span>
                    <button class="btn small" aria-label="Next mention" aria-keyshortcuts="N" title="Next mention (N)" on:click=move |_| go2(1)>"›"</button>
                    <select class="small" aria-label="Entity type" on:change=retype>{options}</select>
                    <button class="btn small ghost" aria-keyshortcuts="Delete" title="Remove this mention (Delete)" on:click=remove>"Remove this mention"</button>
                    {(total > 1).then(|| view! { <button class="btn small ghost" title="This mention names someone or something else: make it an entity of its own" on:click=split>"Split off"</button> })}
                    <select class="small" aria-label="Merge into another entity" title="The same referent as another entity: merge into it" on:change=merge>
                        <option value="" selected=true>"Merge into…"</option>
                        {merge_options}
                    </select>
                    <button class="btn small ghost" aria-label="Clear selection" on:click=move |_| ui.selected.set(None)>"×"</button>
                </div>
            })
        }
    };
    // A stretch of text the reader selected: tag it as a missed mention.
    // (The quote is read when a selection is made, not kept as the text's characters: the
    // toolbar is drawn again on every correction, and a megabyte's are 4 MB.)
    let source = text.clone();
    let tagger = move || {
        let (s, e) = ui.pending.get()?;
        let quote = annotator_core::text::offsets::slice_chars(&source, s, e).to_string();
        if e <= s || quote.chars().count() != e - s {
            return None;
        }
        let buttons = EntityType::ALL
            .iter()
            .map(|&k| {
                let key = tag_key(k).to_string();
                view! {
                    <button class=format!("chip ent-{}", k.as_str()) aria-keyshortcuts=key.clone() title=format!("Tag as {} ({key})", type_label(k).to_lowercase()) on:click=move |_| { ui.tag_pending(k); }>
                        {type_label(k)}
                    </button>
                }
            })
            .collect_view();
        // ...or as a casualty figure or a date the engine missed (the editor asks the rest).
        let q = quote.clone();
        let figure = move |_| {
            let number = q.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).find_map(|n| annotator_core::numbers::parse_digits(n.trim_end_matches(['.', ','])));
            let figure = Figure { kind: CasualtyKind::Killed, min: number, max: number, group: Group::Unspecified, party: None };
            ui.editing.set(Some(Editing::Figure { at: (s, e), quote: q.clone(), figure, existing: false }));
            ui.pending.set(None);
        };
        let q = quote.clone();
        let date = move |_| {
            ui.editing.set(Some(Editing::Date { at: (s, e), quote: q.clone(), value: String::new(), existing: false }));
            ui.pending.set(None);
        };
        Some(view! {
            <div class="tagger" role="group" aria-label="Tag the selected text">
                <span>"Tag “"<b>{quote}</b>"” as"</span>
                {buttons}
                <button class="chip casualty" title="Add it as a casualty figure" on:click=figure>"Casualty figure"</button>
                <button class="chip date" title="Add it as a date" on:click=date>"Date"</button>
                <button class="btn small ghost" aria-label="Cancel tagging" on:click=move |_| ui.pending.set(None)>"×"</button>
            </div>
        })
    };
    // Reset asks first (it can still be undone); undo and redo also answer Ctrl+Z and
    // Ctrl+Shift+Z (see the page's key handler).
    let reset = move || {
        let n = ui.corrections.with(Corrections::count);
        (n > 0).then(|| view! {
            <button class="btn small ghost" on:click=move |_| {
                if crate::dom::confirm(&format!("Remove all {n} corrections made to this article? (Ctrl+Z brings them back.)")) {
                    ui.correct(|c| *c = Default::default());
                }
            } title="Remove every correction made to this article">{format!("Reset corrections ({n})")}</button>
        })
    };
    let history = move || {
        let (u, r) = (ui.undo.with(Vec::len), ui.redo.with(Vec::len));
        (u + r > 0).then(|| view! {
            <span class="history" role="group" aria-label="Correction history">
                <button class="btn small ghost" disabled=u == 0 on:click=move |_| { ui.undo(); } title="Undo the last correction (Ctrl+Z)">"Undo"</button>
                <button class="btn small ghost" disabled=r == 0 on:click=move |_| { ui.redo(); } title="Redo (Ctrl+Shift+Z)">"Redo"</button>
            </span>
        })
    };
    let stem_text = text.clone();
    let base = Memo::new(move |_| crate::render::export::export_stem(&name.get(), &stem_text));
    let (a1, a2, a3, a4, a5) = (ann.clone(), ann.clone(), ann.clone(), ann.clone(), ann.clone());
    let (t1, t4) = (text.clone(), text.clone());
    view! {
        <div class="toolbar">
            <div class="legend" role="group" aria-label="Entity types">
                {toggles}
                <button class="chip date" aria-pressed=move || ui.show_dates.get().to_string()
                    on:click=move |_| ui.show_dates.update(|s| *s = !*s) title="Show or hide the underlines of dates">
                    "Dates "<b>{ann.timeline.len()}</b>
                </button>
                <button class="chip casualty" aria-pressed=move || ui.show_casualties.get().to_string()
                    on:click=move |_| ui.show_casualties.update(|s| *s = !*s) title="Show or hide the underlines of casualty figures">
                    "Casualties "<b>{ann.casualties.len()}</b>
                </button>
                {(noise > 0).then(|| view! {
                    <button class="chip noise-toggle" aria-pressed=move || ui.show_noise.get().to_string()
                        on:click=move |_| ui.show_noise.update(|s| *s = !*s) title="Show or hide page noise">
                        "Noise "<b>{noise}</b>
                    </button>
                })}
            </div>
            {stepper}
            {tagger}
            <Editor />
            {history}
            {reset}
            <FindBox text=text.clone() />
            <button class="btn small ghost help-btn" aria-label="Keyboard shortcuts and marks" aria-keyshortcuts="?" title="Keyboard shortcuts and what the marks mean (?)"
                aria-expanded=move || ui.help.get().to_string() on:click=move |_| ui.help.update(|h| *h = !*h)>"?"</button>
            <details class="export">
                <summary class="btn">"Export"</summary>
                <div class="export-menu">
                    <button class="btn ghost" on:click=move |ev| { close_menu(&ev); 
                        // With the article and the corrections: opening the file again restores both.
                        let article = Saved { name: name.get_untracked(), text: t1.to_string(), lang: lang.get_untracked(), date: date.get_untracked() };
                        download(&format!("{}.annotation.json", base.get()), "application/json", &project_json(&a1, &article, &ui.corrections.get_untracked()))
                    } title="The annotation with the article and your corrections: open it again to go on">"JSON (annotation)"</button>
                    <button class="btn ghost" on:click=move |ev| { close_menu(&ev); download(&format!("{}.casualties.csv", base.get()), "text/csv", &with_bom(&casualties_csv(&a2))) }>"Casualties CSV"</button>
                    <button class="btn ghost" on:click=move |ev| { close_menu(&ev); download(&format!("{}.timeline.csv", base.get()), "text/csv", &with_bom(&timeline_csv(&a3))) }>"Timeline CSV"</button>
                    <button class="btn ghost" on:click=move |ev| {
                        close_menu(&ev);
                        let doc = web_annotations(&t4, &a4, &name.get_untracked());
                        download(&format!("{}.annotations.jsonld", base.get()), "application/ld+json", &doc)
                    }>"Web Annotation (JSON-LD)"</button>
                    <button class="btn ghost" on:click=move |ev| { close_menu(&ev); copy(&to_json(&a5)); ui.tell("Copied the annotation to the clipboard as JSON") }>"Copy JSON"</button>
                </div>
            </details>
        </div>
    }
}
