//! The page's view state, shared by the components through context: which entity types are
//! shown, whether noise is shown, which entity is selected and which of its mentions is
//! current, what card is open, and the notice to show. Plain signals; effects that touch the
//! DOM (scrolling, flashing) live in [`crate::dom`].

use annotator_core::EntityType;

use crate::render::corrections::{Corrections, EntityOp, Figure};
use leptos::prelude::*;

/// A card about an entity mention, anchored at a point of the viewport.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Card {
    pub entity: usize,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Copy)]
pub struct Ui {
    pub hidden: RwSignal<Vec<EntityType>>,
    pub show_noise: RwSignal<bool>,
    /// Whether dates and casualty figures are underlined in the article.
    pub show_dates: RwSignal<bool>,
    pub show_casualties: RwSignal<bool>,
    pub selected: RwSignal<Option<usize>>,
    /// Index of the current mention of the selected entity.
    pub step: RwSignal<usize>,
    pub card: RwSignal<Option<Card>>,
    pub notice: RwSignal<Option<String>>,
    /// The reader's corrections to this article (saved as they are made).
    pub corrections: RwSignal<Corrections>,
    /// A selected stretch of text the reader may tag as a missed mention.
    pub pending: RwSignal<Option<(usize, usize)>>,
    /// A code point the reader asked to see: the article renders at least up to it (a long
    /// article is put on screen progressively).
    pub need: RwSignal<Option<usize>>,
    /// The corrections as they were before each change, newest last (Ctrl+Z goes back).
    pub undo: RwSignal<Vec<Corrections>>,
    /// The corrections undone, newest last (Ctrl+Shift+Z goes forward again).
    pub redo: RwSignal<Vec<Corrections>>,
    /// Whether the list of keyboard shortcuts is open ("?").
    pub help: RwSignal<bool>,
    /// A short confirmation for screen readers and eyes ("Copied…"), read out politely.
    pub status: RwSignal<Option<String>>,
    /// Corrections brought to the next article put on screen: taken when its corrections are
    /// loaded.
    pub carry: StoredValue<Option<Carry>>,
    /// A casualty figure or a date open in the editor.
    pub editing: RwSignal<Option<Editing>>,
    /// The sidebar's open tab (on a phone): 0 entities, 1 casualties, 2 timeline.
    pub tab: RwSignal<usize>,
    /// What the find box holds: kept across the redraw each correction causes.
    pub find: RwSignal<String>,
}

/// What the editor holds: a figure or a date of the text at `at` (code points), `quote` being
/// that text; `existing` when the annotation has it (else the reader is adding it).
#[derive(Clone, Debug, PartialEq)]
pub enum Editing {
    Figure { at: (usize, usize), quote: String, figure: Figure, existing: bool },
    Date { at: (usize, usize), quote: String, value: String, existing: bool },
}

/// Corrections for an article about to be put on screen: an edited text's, carried over from
/// its last version, or those of a project file opened.
#[derive(Clone, Debug)]
pub struct Carry {
    /// The storage key of the text they belong to ([`crate::render::corrections::storage_key`]).
    pub key: String,
    pub corrections: Corrections,
    /// Whether they replace corrections saved for that text (an opened file says what the
    /// reader wants), or only stand in when there are none (an edit).
    pub wins: bool,
}

/// How many changes of corrections can be undone.
pub const UNDO_DEPTH: usize = 100;

impl Ui {
    pub fn new() -> Self {
        Ui {
            hidden: RwSignal::new(Vec::new()),
            show_noise: RwSignal::new(true),
            show_dates: RwSignal::new(true),
            show_casualties: RwSignal::new(true),
            selected: RwSignal::new(None),
            step: RwSignal::new(0),
            card: RwSignal::new(None),
            notice: RwSignal::new(None),
            corrections: RwSignal::new(Corrections::default()),
            pending: RwSignal::new(None),
            need: RwSignal::new(None),
            undo: RwSignal::new(Vec::new()),
            redo: RwSignal::new(Vec::new()),
            help: RwSignal::new(false),
            status: RwSignal::new(None),
            carry: StoredValue::new(None),
            editing: RwSignal::new(None),
            tab: RwSignal::new(0),
            find: RwSignal::new(String::new()),
        }
    }

    /// Changes the corrections, so that the change can be undone.
    pub fn correct(&self, change: impl FnOnce(&mut Corrections)) {
        let before = self.corrections.get_untracked();
        self.undo.update(|u| {
            u.push(before);
            if u.len() > UNDO_DEPTH {
                u.remove(0);
            }
        });
        self.redo.update(Vec::clear);
        self.corrections.update(change);
    }

    /// Goes back one change of corrections; `false` when there is none.
    pub fn undo(&self) -> bool {
        self.step(self.undo, self.redo)
    }

    /// Goes forward one undone change; `false` when there is none.
    pub fn redo(&self) -> bool {
        self.step(self.redo, self.undo)
    }

    /// Takes the corrections last kept in `from`, keeping the present ones in `to`.
    fn step(&self, from: RwSignal<Vec<Corrections>>, to: RwSignal<Vec<Corrections>>) -> bool {
        let Some(other) = from.try_update(Vec::pop).flatten() else { return false };
        let now = self.corrections.get_untracked();
        to.update(|t| t.push(now));
        self.corrections.set(other);
        true
    }

    /// A new article: its own corrections, and no history from the last one.
    pub fn load_corrections(&self, saved: Corrections) {
        self.undo.set(Vec::new());
        self.redo.set(Vec::new());
        self.corrections.set(saved);
    }

    /// Tags the pending selection as a mention of `kind` (the tag bar's buttons and its
    /// keys); `false` when nothing is selected.
    pub fn tag_pending(&self, kind: EntityType) -> bool {
        let Some((s, e)) = self.pending.get_untracked() else { return false };
        self.correct(|c| c.ops.push(EntityOp::Add { at: (s, e), kind }));
        self.pending.set(None);
        true
    }

    /// Removes the current mention of the selected entity (the stepper's button and the
    /// Delete key), whose spans are `mentions`; `false` when there is none.
    pub fn remove_current(&self, mentions: &[(usize, usize)]) -> bool {
        let Some(&span) = mentions.get(self.step.get_untracked()) else { return false };
        self.correct(|c| c.remove_mention(span, mentions));
        self.selected.set(None);
        true
    }

    /// Says `what` in the status line for a few seconds (a newer message replaces it).
    pub fn tell(&self, what: impl Into<String>) {
        let what = what.into();
        self.status.set(Some(what.clone()));
        let status = self.status;
        set_timeout(move || if status.get_untracked().as_deref() == Some(what.as_str()) { status.set(None) }, std::time::Duration::from_secs(4));
    }

    pub fn toggle_type(&self, kind: EntityType) {
        self.hidden.update(|h| {
            if let Some(i) = h.iter().position(|k| *k == kind) {
                h.remove(i);
            } else {
                h.push(kind);
            }
        });
    }
}

impl Default for Ui {
    fn default() -> Self {
        Self::new()
    }
}

/// The element id of a mark's first piece, for scrolling to it.
pub fn mention_id(entity: usize, start: usize) -> String {
    format!("e{entity}-{start}")
}
pub fn casualty_id(index: usize) -> String {
    format!("c{index}")
}
/// A further statement of casualty figure `index` (the first is [`casualty_id`]'s).
pub fn statement_id(index: usize, start: usize) -> String {
    format!("c{index}-{start}")
}
pub fn date_id(index: usize) -> String {
    format!("t{index}")
}
