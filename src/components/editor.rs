//! The editor of a casualty figure or a date: opened from a row of the sidebar, a mark of the
//! article or the tag bar (a figure or a date the engine missed), it sets what the reader says
//! the text states, or removes the item. What it saves is a correction like any other: undone
//! with Ctrl+Z, carried across edits of the text, exported.

use annotator_core::{CasualtyKind, Group};
use leptos::html;
use leptos::prelude::*;

use crate::render::corrections::{valid_date, Corrections, Figure};
use crate::state::{Editing, Ui};

/// A number field's value: `None` when empty, `Err` when not a whole number.
fn count(field: NodeRef<html::Input>) -> Result<Option<u64>, ()> {
    let v = field.get().map(|f| f.value()).unwrap_or_default();
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse().map(Some).map_err(|_| ())
}

fn value_of(field: NodeRef<html::Select>) -> String {
    field.get().map(|f| f.value()).unwrap_or_default()
}

#[component]
pub fn Editor() -> impl IntoView {
    let ui = expect_context::<Ui>();
    let error = RwSignal::new(None::<&'static str>);
    let close = move || {
        error.set(None);
        ui.editing.set(None);
    };
    // Every button that changes something: the correction, a word in the status line, closed.
    let done = move |said: &'static str, change: Box<dyn FnOnce(&mut Corrections)>| {
        ui.correct(change);
        ui.tell(said);
        close();
    };
    // The first field takes the focus when the editor opens (it may open far from the mark).
    let host = NodeRef::<html::Div>::new();
    // (A message about the last item opened does not stay for the next.)
    Effect::new(move |_| {
        error.set(None);
        if ui.editing.with(Option::is_some) {
            set_timeout(move || {
                let field = host.get_untracked().and_then(|h| h.query_selector("select, input").ok().flatten());
                if let Some(f) = field.and_then(|f| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(f).ok()) {
                    let _ = f.focus();
                }
            }, std::time::Duration::ZERO);
        }
    });
    let message = move || error.get().map(|m| view! { <p class="editor-error" role="alert">{m}</p> });
    let editor = move || {
        let editing = ui.editing.get()?;
        let (title, quote, existing) = match &editing {
            Editing::Figure { quote, existing, .. } => (if *existing { "Correct the casualty figure" } else { "Add a casualty figure" }, quote.clone(), *existing),
            Editing::Date { quote, existing, .. } => (if *existing { "Correct the date" } else { "Add a date" }, quote.clone(), *existing),
        };
        let fields = match editing.clone() {
            Editing::Figure { at, figure, .. } => {
                let (kind, min, max, group, party) = (NodeRef::<html::Select>::new(), NodeRef::<html::Input>::new(), NodeRef::<html::Input>::new(), NodeRef::<html::Select>::new(), NodeRef::<html::Input>::new());
                let save = move || {
                    let (Ok(lo), Ok(hi)) = (count(min), count(max)) else { return error.set(Some("The figures are whole numbers (or empty when the text gives no bound).")) };
                    if lo.zip(hi).is_some_and(|(a, b)| a > b) {
                        return error.set(Some("The least figure is more than the most."));
                    }
                    let party = party.get().map(|p| p.value().trim().to_string()).filter(|p| !p.is_empty());
                    let f = Figure { kind: CasualtyKind::parse(&value_of(kind)).unwrap_or(CasualtyKind::Killed), min: lo, max: hi, group: Group::parse(&value_of(group)).unwrap_or(Group::Unspecified), party };
                    done("Casualty figure saved", Box::new(move |c| c.set_figure(at, Some(f))));
                };
                let remove = move || {
                    done("Casualty figure removed", Box::new(move |c| c.set_figure(at, None)));
                };
                let kinds = CasualtyKind::ALL.iter().map(|&k| view! { <option value=k.as_str() selected=k == figure.kind>{k.as_str().replace('_', " ")}</option> }).collect_view();
                let groups = Group::ALL.iter().map(|&g| view! { <option value=g.as_str() selected=g == figure.group>{g.as_str()}</option> }).collect_view();
                let num = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
                view! {
                    <label>"Kind "<select node_ref=kind>{kinds}</select></label>
                    <label>"At least "<input node_ref=min type="number" min="0" inputmode="numeric" value=num(figure.min) /></label>
                    <label>"At most "<input node_ref=max type="number" min="0" inputmode="numeric" value=num(figure.max) /></label>
                    <label>"Group "<select node_ref=group>{groups}</select></label>
                    <label>"Party "<input node_ref=party type="text" value=figure.party.unwrap_or_default() /></label>
                    <div class="editor-actions">
                        <button type="button" class="btn small" on:click=move |_| save()>"Save"</button>
                        {existing.then(|| view! { <button type="button" class="btn small ghost" on:click=move |_| remove()>"Remove"</button> })}
                        <button type="button" class="btn small ghost" on:click=move |_| close()>"Cancel"</button>
                    </div>
                }
                .into_any()
            }
            Editing::Date { at, value, .. } => {
                let field = NodeRef::<html::Input>::new();
                let save = move || {
                    let v = field.get().map(|f| f.value().trim().to_string()).unwrap_or_default();
                    if !valid_date(&v) {
                        return error.set(Some("A date is written YYYY-MM-DD, YYYY-MM or YYYY."));
                    }
                    done("Date saved", Box::new(move |c| c.set_date(at, Some(v))));
                };
                let remove = move || {
                    done("Date removed", Box::new(move |c| c.set_date(at, None)));
                };
                view! {
                    <label>"Date "<input node_ref=field type="text" placeholder="YYYY-MM-DD" value=value
                        on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { ev.prevent_default(); save() } /></label>
                    <div class="editor-actions">
                        <button type="button" class="btn small" on:click=move |_| save()>"Save"</button>
                        {existing.then(|| view! { <button type="button" class="btn small ghost" on:click=move |_| remove()>"Remove"</button> })}
                        <button type="button" class="btn small ghost" on:click=move |_| close()>"Cancel"</button>
                    </div>
                }
                .into_any()
            }
        };
        Some(view! {
            <div class="editor" role="group" aria-label=title on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { close() }>
                <div class="editor-title">{title}": “"<b>{quote}</b>"”"</div>
                <div class="editor-fields">{fields}</div>
                {message}
            </div>
        })
    };
    view! { <div node_ref=host class="editor-host">{editor}</div> }
}
