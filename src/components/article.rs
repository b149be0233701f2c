//! The article with its marks: entities coloured by type, dates and casualty figures
//! underlined, noise muted. Text goes into text nodes only, never into HTML. Clicking a
//! mention selects its entity; hovering or focusing it opens its card.

use annotator_core::{Annotation, EntityType};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use std::sync::Arc;

use crate::render::layout::{block_at, blocks, next_slice, Block, Layout, Mark, MarkKind, Piece};
use crate::render::corrections::Figure;
use crate::state::{casualty_id, date_id, mention_id, statement_id, Card, Editing, Ui};

pub fn type_label(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "Person",
        EntityType::Location => "Location",
        EntityType::Organization => "Organization",
        EntityType::Weapon => "Weapon",
    }
}

/// What a piece shows: classes, a tooltip, the element id of the mark it starts (if any), and
/// the innermost entity it belongs to.
struct Decor {
    class: String,
    title: String,
    id: Option<String>,
    entity: Option<usize>,
    /// The casualty figure and the date it belongs to, if any.
    figure: Option<usize>,
    date: Option<usize>,
}

fn decorate(all: &[Mark], ann: &Annotation, piece: &Piece) -> Decor {
    let mut classes = vec!["mark".to_string()];
    let mut titles = Vec::new();
    let mut id = None;
    let mut entity = None;
    let (mut figure, mut date) = (None, None);
    let mut depth = 0;
    for &m in &piece.marks {
        let mark = &all[m];
        let starts_here = mark.start == piece.start;
        match mark.kind {
            MarkKind::Entity { kind, entity: e } => {
                depth += 1;
                classes.push(format!("ent ent-{}", kind.as_str()));
                entity = Some(e);
                if let Some(en) = ann.entities.get(e) {
                    titles.push(format!("{}: {}", type_label(kind), en.name));
                }
                if starts_here && id.is_none() {
                    id = Some(mention_id(e, mark.start));
                }
            }
            MarkKind::Date { index } => {
                classes.push("date".into());
                if let Some(t) = ann.timeline.get(index) {
                    titles.push(format!("Date: {}", t.value));
                }
                if starts_here {
                    id = id.or(Some(date_id(index)));
                }
                date = date.or(Some(index));
            }
            MarkKind::Casualty { index } => {
                classes.push("casualty".into());
                if let Some(c) = ann.casualties.get(index) {
                    titles.push(format!("Casualties: {} {}", crate::render::summary::figure(c), c.kind.as_str().replace('_', " ")));
                }
                if starts_here {
                    let own = ann.casualties.get(index).is_none_or(|c| c.start == mark.start);
                    id = id.or(Some(if own { casualty_id(index) } else { statement_id(index, mark.start) }));
                }
                figure = figure.or(Some(index));
            }
            MarkKind::Noise => {
                classes.push("noise".into());
                titles.push("Page noise (not part of the article)".into());
            }
        }
    }
    if depth > 1 {
        classes.push("nested".into());
    }
    Decor { class: classes.join(" "), title: titles.join(" · "), id, entity, figure, date }
}

/// Characters put on screen at once: the first screen, then one slice per task until the
/// article is complete. Small enough that a slice renders well within a frame budget.
const SLICE_CHARS: usize = 12_000;
/// A block never holds more pieces (elements) than this.
const BLOCK_PIECES: usize = 250;

/// One piece of text as a DOM node: plain, marked, or a mention the reader can select.
fn piece_view(piece: &Piece, marks: &[Mark], ann: &Annotation, mention_starts: &[Vec<usize>], ui: Ui) -> AnyView {
    // Every piece carries its code-point start, to map a text selection back.
    let s = piece.start.to_string();
    if piece.marks.is_empty() {
        return view! { <span data-s=s>{piece.text.clone()}</span> }.into_any();
    }
    let d = decorate(marks, ann, piece);
    let Some(e) = d.entity else {
        // A casualty figure's or a date's mark opens the editor (click, Enter or Space).
        let editing = d.figure.and_then(|i| ann.casualties.get(i)).map(|c| Editing::Figure { at: (c.start, c.end), quote: c.text.clone(), figure: Figure::of(c), existing: true })
            .or_else(|| d.date.and_then(|i| ann.timeline.get(i)).map(|t| Editing::Date { at: (t.start, t.end), quote: t.text.clone(), value: t.value.clone(), existing: true }));
        let Some(editing) = editing else {
            return view! { <span class=d.class title=d.title id=d.id data-s=s>{piece.text.clone()}</span> }.into_any();
        };
        let title = format!("{} (click to correct)", d.title);
        let (open, open2) = (editing.clone(), editing);
        return view! {
            <span class=d.class title=title id=d.id data-s=s tabindex="0" role="button"
                on:click=move |_| ui.editing.set(Some(open.clone()))
                on:keydown=move |ev: web_sys::KeyboardEvent| if matches!(ev.key().as_str(), "Enter" | " ") { ev.prevent_default(); ui.editing.set(Some(open2.clone())) }>
                {piece.text.clone()}
            </span>
        }
        .into_any();
    };
    let starts = mention_starts.get(e).cloned().unwrap_or_default();
    let at = piece.start;
    // Set once: a mark put on screen while its entity is selected starts selected; after
    // that `ArticleView` moves `sel` between the marks of the entities concerned, so that
    // selecting touches their marks only, not every mark of a long article.
    let class = if ui.selected.get_untracked() == Some(e) { format!("{} sel", d.class) } else { d.class.clone() };
    let open_card = move |target: Option<web_sys::EventTarget>| {
        if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let r = el.get_bounding_client_rect();
            ui.card.set(Some(Card { entity: e, x: r.left(), y: r.bottom() }));
        }
    };
    let select = move || {
        ui.selected.set(Some(e));
        ui.step.set(starts.iter().rposition(|&s| s <= at).unwrap_or(0));
    };
    let select2 = select.clone();
    view! {
        <span class=class title=d.title id=d.id tabindex="0" role="button" data-entity=e.to_string() data-s=s
            on:click=move |_| select()
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                match ev.key().as_str() {
                    "Enter" | " " => { ev.prevent_default(); select2() }
                    "Escape" => ui.card.set(None),
                    _ => {}
                }
            }
            on:mouseenter=move |ev: web_sys::MouseEvent| open_card(ev.target())
            on:mouseleave=move |_| ui.card.set(None)
            on:focus=move |ev: web_sys::FocusEvent| open_card(ev.target())
            on:blur=move |_| ui.card.set(None)>
            {piece.text.clone()}
        </span>
    }
    .into_any()
}

/// Puts the next slice on screen in a task of its own, then schedules the one after: a single
/// chain, whatever else moves `shown` forward (a mark asked for jumps ahead; the chain goes on
/// from there). It ends with the article, or when the view is gone.
fn grow(shown: RwSignal<usize>, blocks: Arc<Vec<Block>>) {
    set_timeout(
        move || {
            let more = shown.try_update(|s| {
                *s = next_slice(&blocks, *s, SLICE_CHARS);
                *s < blocks.len()
            });
            if more == Some(true) {
                grow(shown, blocks);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The article, rendered progressively: the first screen at once, the rest one slice per task
/// (the page answers clicks and scrolls in between), and at once up to any mark the reader
/// asks to see (`Ui::need`).
#[component]
pub fn ArticleView(layout: Layout, ann: Annotation) -> impl IntoView {
    let ui = expect_context::<Ui>();
    // The marks of the entity selected, and of the one selected before, are the only ones
    // whose class changes (by entity index, within this article: an embedding page may hold
    // several).
    let root = NodeRef::<leptos::html::Article>::new();
    Effect::new(move |before: Option<Option<usize>>| {
        let now = ui.selected.get();
        if let Some(el) = root.get() {
            if let Some(Some(old)) = before.filter(|b| *b != now) {
                crate::dom::set_class_of_entity(&el, old, "sel", false);
            }
            if let Some(e) = now {
                crate::dom::set_class_of_entity(&el, e, "sel", true);
            }
        }
        now
    });
    let root_class = move || {
        let mut c = String::from("article");
        for k in ui.hidden.get() {
            c.push_str(" hide-");
            c.push_str(k.as_str());
        }
        if !ui.show_noise.get() {
            c.push_str(" hide-noise");
        }
        if !ui.show_dates.get() {
            c.push_str(" hide-dates");
        }
        if !ui.show_casualties.get() {
            c.push_str(" hide-casualties");
        }
        if ui.selected.get().is_some() {
            c.push_str(" has-selection");
        }
        c
    };
    let blocks = Arc::new(blocks(&layout, BLOCK_PIECES, SLICE_CHARS));
    let mention_starts: Arc<Vec<Vec<usize>>> = Arc::new(ann.entities.iter().map(|e| e.mentions.iter().map(|m| m.start).collect()).collect());
    let (layout, ann) = (Arc::new(layout), Arc::new(ann));
    let total = blocks.len();
    let shown = RwSignal::new(next_slice(&blocks, 0, SLICE_CHARS));
    // The rest of the article, one slice per task, until all of it is on screen.
    if shown.get_untracked() < total {
        grow(shown, blocks.clone());
    }
    // A mark the reader asked to see is rendered now, whatever the slices have reached.
    let wanted = blocks.clone();
    Effect::new(move |_| {
        if let Some(at) = ui.need.get() {
            let b = block_at(&wanted, at) + 1;
            if b > shown.get_untracked() {
                shown.set(b);
            }
        }
    });
    let block_view = move |i: usize| {
        let Some(b) = blocks.get(i) else { return ().into_any() };
        let Some(p) = layout.paragraphs.get(b.paragraph) else { return ().into_any() };
        let pieces = p.pieces[b.pieces.clone()].iter().map(|piece| piece_view(piece, &layout.marks, &ann, &mention_starts, ui)).collect_view();
        if p.headline {
            return view! { <h2 class="headline" dir="auto">{pieces}</h2> }.into_any();
        }
        // Classes instead of `:has()` rules: those are re-checked on every insertion, and a
        // long article gets thousands.
        let mut class = Vec::new();
        if b.continues {
            class.push("cont");
        }
        if blocks.get(i + 1).is_some_and(|n| n.continues) {
            class.push("cut");
        }
        if p.pieces.iter().all(|x| x.marks.iter().any(|&m| matches!(layout.marks.get(m).map(|k| k.kind), Some(MarkKind::Noise)))) {
            class.push("noise-only");
        }
        // (`dir="auto"`: a paragraph in a right-to-left script is laid out right to left.)
        view! { <p class=class.join(" ") dir="auto">{pieces}</p> }.into_any()
    };
    // A selection of text may be tagged as a missed mention (see the toolbar).
    // One across two paragraphs is refused with a message: a mention lies within one.
    let on_select = move || {
        let span = crate::dom::selection_offsets().filter(|(a, b)| b > a);
        if span.is_some() && !crate::dom::selection_in_one_block() {
            ui.pending.set(None);
            ui.notice.set(Some("A mention lies within one paragraph: select text inside a single paragraph to tag it.".to_string()));
            return;
        }
        ui.pending.set(span);
    };
    view! {
        <article node_ref=root class=root_class aria-label="Annotated article" aria-busy=move || (shown.get() < total).to_string()
            on:mouseup=move |_| on_select() on:keyup=move |_| on_select()>
            <For each=move || 0..shown.get() key=|i| *i children=block_view />
        </article>
    }
}
