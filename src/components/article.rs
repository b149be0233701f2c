//! The article with its marks: entities coloured by type, dates and casualty figures
//! underlined, noise muted. Text goes into text nodes only, never into HTML. Clicking a
//! mention selects its entity; hovering or focusing it opens its card (one set of listeners
//! on the article serves every mark). A correction redraws only the blocks it changed.

use annotator_core::{Annotation, EntityType};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use std::sync::Arc;

use crate::render::layout::{blocks, next_slice, part_at, parts, Block, Layout, Mark, MarkKind, Part, Piece};
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
/// See [`Part`].
const PART_CHARS: usize = 5_000;

/// What the article view draws: the layout cut into blocks (a paragraph, or a slice of a long
/// one) and the blocks grouped in parts, each part with a key that changes when anything it
/// shows changes. A correction gives a new `Drawn`; the view keeps every part whose key it
/// already has, so a reader tagging a word halfway down a long article keeps the page where
/// it was and pays for the part that changed, not for all of them.
#[derive(Clone)]
pub struct Drawn {
    layout: Arc<Layout>,
    ann: Arc<Annotation>,
    blocks: Arc<Vec<Block>>,
    parts: Arc<Vec<Part>>,
    /// Per part.
    keys: Arc<Vec<u64>>,
    /// Per paragraph: whether all of it is page noise (one check per paragraph, not per block).
    noise_only: Arc<Vec<bool>>,
}

impl PartialEq for Drawn {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.keys, &other.keys)
    }
}

impl Drawn {
    pub fn new(layout: Arc<Layout>, ann: Arc<Annotation>) -> Drawn {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let blocks = blocks(&layout, BLOCK_PIECES, SLICE_CHARS);
        let parts = parts(&blocks, PART_CHARS);
        let noise_only: Vec<bool> = layout.paragraphs.iter().map(|p| p.pieces.iter().all(|x| x.marks.iter().any(|&m| matches!(layout.marks.get(m).map(|k| k.kind), Some(MarkKind::Noise))))).collect();
        // A part's key: everything its elements show (text, classes, titles, ids, the indices
        // its attributes carry), block by block, and the neighbours its classes depend on.
        let keys = parts
            .iter()
            .map(|part| {
                let mut h = DefaultHasher::new();
                for i in part.blocks.clone() {
                    let b = &blocks[i];
                    let p = &layout.paragraphs[b.paragraph];
                    (p.headline, b.continues, blocks.get(i + 1).is_some_and(|n| n.continues), noise_only[b.paragraph]).hash(&mut h);
                    // What `decorate` reads, not what it writes: hashed without formatting a
                    // string. (The text is the view's own for as long as the view lives: a
                    // piece's place stands for its words.)
                    for piece in &p.pieces[b.pieces.clone()] {
                        (piece.start, piece.end, piece.marks.len()).hash(&mut h);
                        for mark in piece.marks.iter().filter_map(|&m| layout.marks.get(m)) {
                            mark.start.hash(&mut h);
                            match mark.kind {
                                MarkKind::Entity { kind, entity } => (0u8, kind, entity, ann.entities.get(entity).map(|e| &e.name)).hash(&mut h),
                                MarkKind::Date { index } => (1u8, index, ann.timeline.get(index).map(|t| &t.value)).hash(&mut h),
                                MarkKind::Casualty { index } => (2u8, index, ann.casualties.get(index).map(|c| (c.min, c.max, c.kind.as_str(), c.start))).hash(&mut h),
                                MarkKind::Noise => 3u8.hash(&mut h),
                            }
                        }
                    }
                }
                h.finish()
            })
            .collect();
        Drawn { layout, ann, parts: Arc::new(parts), blocks: Arc::new(blocks), keys: Arc::new(keys), noise_only: Arc::new(noise_only) }
    }
}

/// One piece of text as a DOM node: plain, or marked. A mark carries in data attributes what
/// the article's handlers need (its entity, figure or date, and where it starts): one set of
/// listeners on the article serves every mark, instead of six closures per mark, which a
/// megabyte's 20,000 marks made slow to draw and slower to take down.
fn piece_view(piece: &Piece, layout: &Layout, ann: &Annotation, ui: Ui) -> AnyView {
    let (marks, text) = (&layout.marks, layout.text_of(piece).to_string());
    // Every piece carries its code-point start, to map a text selection back.
    let s = piece.start.to_string();
    if piece.marks.is_empty() {
        return view! { <span data-s=s>{text}</span> }.into_any();
    }
    let mut d = decorate(marks, ann, piece);
    // The mark the reader was taken to stays marked when its part is drawn again.
    if d.id.as_deref().is_some_and(crate::dom::is_current) {
        d.class.push_str(" current");
    }
    let Some(e) = d.entity else {
        // A casualty figure's or a date's mark opens the editor (click, Enter or Space).
        if editing_of(ann, d.figure, d.date).is_none() {
            return view! { <span class=d.class title=d.title id=d.id data-s=s>{text}</span> }.into_any();
        }
        let title = format!("{} (click to correct)", d.title);
        return view! {
            <span class=d.class title=title id=d.id data-s=s tabindex="0" role="button" data-figure=d.figure.map(|i| i.to_string()) data-date=d.date.map(|i| i.to_string())>
                {text}
            </span>
        }
        .into_any();
    };
    // Set once: a mark put on screen while its entity is selected starts selected; after
    // that `ArticleView` moves `sel` between the marks of the entities concerned, so that
    // selecting touches their marks only, not every mark of a long article.
    let class = if ui.selected.get_untracked() == Some(e) { format!("{} sel", d.class) } else { d.class };
    view! {
        <span class=class title=d.title id=d.id tabindex="0" role="button" data-entity=e.to_string() data-s=s>
            {text}
        </span>
    }
    .into_any()
}

/// The editor a casualty figure's or a date's mark opens.
fn editing_of(ann: &Annotation, figure: Option<usize>, date: Option<usize>) -> Option<Editing> {
    figure
        .and_then(|i| ann.casualties.get(i))
        .map(|c| Editing::Figure { at: (c.start, c.end), quote: c.text.clone(), figure: Figure::of(c), existing: true })
        .or_else(|| date.and_then(|i| ann.timeline.get(i)).map(|t| Editing::Date { at: (t.start, t.end), quote: t.text.clone(), value: t.value.clone(), existing: true }))
}

/// A mark an event happened on, with what its attributes carry.
struct MarkAt {
    el: web_sys::Element,
    entity: Option<usize>,
    figure: Option<usize>,
    date: Option<usize>,
    /// Its first code point.
    start: usize,
}

/// The mark `ev` happened on, if any.
fn mark_of(ev: &web_sys::Event) -> Option<MarkAt> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(".mark").ok()??;
    let num = |name: &str| el.get_attribute(name).and_then(|v| v.parse::<usize>().ok());
    let (entity, figure, date, start) = (num("data-entity"), num("data-figure"), num("data-date"), num("data-s")?);
    Some(MarkAt { el, entity, figure, date, start })
}

/// Puts the next slice on screen in a task of its own, then schedules the one after: a single
/// chain, whatever else moves `shown` forward (a mark asked for jumps ahead; the chain goes on
/// from there; a correction's new blocks are read as it goes). It ends with the article, or
/// when the view is gone.
fn grow(shown: RwSignal<usize>, drawn: Memo<Option<Drawn>>) {
    set_timeout(
        move || {
            let Some(Some(parts)) = drawn.try_with_untracked(|d| d.as_ref().map(|d| d.parts.clone())) else { return };
            let more = shown.try_update(|s| {
                *s = next_slice(&parts, *s, SLICE_CHARS);
                *s < parts.len()
            });
            if more == Some(true) {
                grow(shown, drawn);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The article, rendered progressively: the first screen at once, the rest one slice per task
/// (the page answers clicks and scrolls in between), and at once up to any mark the reader
/// asks to see (`Ui::need`). A correction updates it in place: parts are keyed by what they
/// show (see [`Drawn`]), so only those that changed are drawn again, and the page stays where
/// the reader was.
#[component]
pub fn ArticleView(drawn: Memo<Option<Drawn>>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    // (A view is made for each new text; the last one's current mark is not this one's.)
    crate::dom::forget_current();
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
    let total = move || drawn.with(|d| d.as_ref().map_or(0, |d| d.parts.len()));
    // Parts on screen: the first slice at once; then one slice per task until all are. After
    // a correction, what was on screen stays, and the few parts that changed are drawn again
    // at once. After a change of most parts (another language, say), drawing them all at once
    // would hold the page: the article starts again from its first slice.
    let (first, all) = drawn.with_untracked(|d| d.as_ref().map_or((0, 0), |d| (next_slice(&d.parts, 0, SLICE_CHARS), d.parts.len())));
    let shown = RwSignal::new(first);
    if first < all {
        grow(shown, drawn);
    }
    Effect::new(move |before: Option<Option<Arc<Vec<u64>>>>| {
        let d = drawn.get()?;
        // The first run: the first slice is on screen already (above), drawn with the view.
        let Some(Some(old)) = before else { return Some(d.keys.clone()) };
        let now = d.parts.len();
        let at = shown.get_untracked();
        let growing = at < old.len();
        let old: std::collections::HashSet<u64> = old.iter().copied().collect();
        let changed: usize = d.keys.iter().zip(d.parts.iter()).take(at).filter(|(k, _)| !old.contains(k)).map(|(_, p)| p.chars).sum();
        let next = if changed <= SLICE_CHARS {
            if growing { at.min(now) } else { now }
        } else {
            next_slice(&d.parts, 0, SLICE_CHARS)
        };
        shown.set(next);
        if next < now && !growing {
            grow(shown, drawn);
        }
        Some(d.keys.clone())
    });
    // A mark the reader asked to see is rendered now, whatever the slices have reached.
    Effect::new(move |_| {
        if let Some(at) = ui.need.get() {
            let b = drawn.with_untracked(|d| d.as_ref().map_or(0, |d| part_at(&d.parts, at) + 1));
            if b > shown.get_untracked() {
                shown.set(b);
            }
        }
    });
    let block_view = move |i: usize| {
        let Some(d) = drawn.get_untracked() else { return ().into_any() };
        let Some(b) = d.blocks.get(i) else { return ().into_any() };
        let Some(p) = d.layout.paragraphs.get(b.paragraph) else { return ().into_any() };
        let pieces = p.pieces[b.pieces.clone()].iter().map(|piece| piece_view(piece, &d.layout, &d.ann, ui)).collect_view();
        if p.headline {
            return view! { <h2 class="headline" dir="auto">{pieces}</h2> }.into_any();
        }
        // Classes instead of `:has()` rules: those are re-checked on every insertion, and a
        // long article gets thousands.
        let mut class = Vec::new();
        if b.continues {
            class.push("cont");
        }
        if d.blocks.get(i + 1).is_some_and(|n| n.continues) {
            class.push("cut");
        }
        if d.noise_only.get(b.paragraph).copied().unwrap_or(false) {
            class.push("noise-only");
        }
        // (`dir="auto"`: a paragraph in a right-to-left script is laid out right to left.)
        view! { <p class=class.join(" ") dir="auto">{pieces}</p> }.into_any()
    };
    // The parts on screen, by key: a part keeps its elements while its key stays.
    let on_screen = move || drawn.with(|d| d.as_ref().map(|d| d.keys.iter().take(shown.get()).copied().enumerate().collect::<Vec<_>>()).unwrap_or_default());
    let part_view = move |i: usize| {
        let Some(range) = drawn.with_untracked(|d| d.as_ref().and_then(|d| d.parts.get(i)).map(|p| p.blocks.clone())) else { return ().into_any() };
        // Its height until it has been on screen once (then the browser remembers the real
        // one): the 6em a paragraph of a few lines takes, per block.
        let size = format!("auto {}em", 6 * range.len());
        view! { <div class="part" style:contain-intrinsic-size=size>{range.map(block_view).collect_view()}</div> }.into_any()
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
    // The marks' handlers, on the article: a mention selects its entity (click, Enter, Space)
    // and shows its card (hover, focus); a figure's or a date's mark opens its editor.
    let activate = move |ev: &web_sys::Event| -> bool {
        let Some(m) = mark_of(ev) else { return false };
        let Some(d) = drawn.get_untracked() else { return false };
        match m.entity {
            Some(e) => {
                ui.selected.set(Some(e));
                // The stepper's place: the clicked mention (mentions are in text order).
                let mentions = d.ann.entities.get(e).map(|x| x.mentions.as_slice()).unwrap_or_default();
                ui.step.set(mentions.iter().rposition(|x| x.start <= m.start).unwrap_or(0));
            }
            None => match editing_of(&d.ann, m.figure, m.date) {
                Some(editing) => ui.editing.set(Some(editing)),
                None => return false,
            },
        }
        true
    };
    let open_card = move |ev: &web_sys::Event| {
        if let Some(MarkAt { el, entity: Some(e), .. }) = mark_of(ev) {
            let r = el.get_bounding_client_rect();
            ui.card.set(Some(Card { entity: e, x: r.left(), y: r.bottom() }));
        }
    };
    let close_card = move |ev: &web_sys::Event, related: Option<web_sys::EventTarget>| {
        let Some(MarkAt { el, entity: Some(_), .. }) = mark_of(ev) else { return };
        // Still inside the mark (a mark holds only text, but a browser may say so).
        let inside = related.and_then(|t| t.dyn_into::<web_sys::Node>().ok()).is_some_and(|n| el.contains(Some(&n)));
        if !inside {
            ui.card.set(None);
        }
    };
    view! {
        <article node_ref=root class=root_class aria-label="Annotated article" aria-busy=move || (shown.get() < total()).to_string()
            on:mouseup=move |_| on_select() on:keyup=move |_| on_select()
            on:click=move |ev| { activate(&ev); }
            on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                "Enter" | " " if activate(&ev) => ev.prevent_default(),
                "Escape" if mark_of(&ev).is_some_and(|m| m.entity.is_some()) => ui.card.set(None),
                _ => {}
            }
            on:mouseover=move |ev: web_sys::MouseEvent| open_card(&ev)
            on:mouseout=move |ev: web_sys::MouseEvent| close_card(&ev, ev.related_target())
            on:focusin=move |ev: web_sys::FocusEvent| open_card(&ev)
            on:focusout=move |ev: web_sys::FocusEvent| close_card(&ev, ev.related_target())>
            <For each=on_screen key=|(_, k)| *k children=move |(i, _)| part_view(i) />
        </article>
    }
}
