//! Keyboard shortcuts: which key does what (one table, read by the page's key handler and
//! shown by the help panel that "?" opens), so that a keyboard user can tag a selection and
//! step through mentions without the mouse. The same panel explains every mark the article
//! shows, each drawn with the article's own classes.

use annotator_core::EntityType;
use leptos::prelude::*;

use crate::components::article::type_label;
use crate::state::Ui;

/// What a key asks of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// Open or close the list of shortcuts.
    Help,
    /// The selected entity's next mention.
    Next,
    /// The selected entity's previous mention.
    Previous,
    /// Tag the selected text as a mention of this type.
    Tag(EntityType),
    /// Remove the selected entity's current mention.
    Remove,
}

/// The key that tags a selection as `kind`: its label's initial, which differs for every type.
pub fn tag_key(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "P",
        EntityType::Location => "L",
        EntityType::Organization => "O",
        EntityType::Weapon => "W",
    }
}

/// The shortcut a key press stands for (`key` as `KeyboardEvent.key` gives it); `None` for
/// any other key. Only plain keys: with Ctrl, Cmd or Alt a key belongs to the browser (the
/// caller checks), and Ctrl+Z is the undo handler's.
pub fn shortcut(key: &str, shift: bool) -> Option<Shortcut> {
    Some(match key {
        "?" => Shortcut::Help,
        "n" if !shift => Shortcut::Next,
        "N" if shift => Shortcut::Previous,
        "Delete" => Shortcut::Remove,
        k if !shift => Shortcut::Tag(EntityType::ALL.into_iter().find(|&t| tag_key(t).eq_ignore_ascii_case(k))?),
        _ => return None,
    })
}

/// The rows of the help panel: keys, then what they do.
fn rows() -> Vec<(String, String)> {
    let mut rows = vec![
        ("Tab, Shift+Tab".to_string(), "Move between highlights".to_string()),
        ("Enter".to_string(), "Select the focused highlight's entity".to_string()),
        ("N / Shift+N".to_string(), "Next / previous mention of the selected entity".to_string()),
        ("Delete".to_string(), "Remove the current mention".to_string()),
    ];
    for k in EntityType::ALL {
        rows.push((tag_key(k).to_string(), format!("Tag the selected text as {}", type_label(k).to_lowercase())));
    }
    rows.extend([
        ("Ctrl+Z / Ctrl+Shift+Z".to_string(), "Undo / redo a correction".to_string()),
        ("Escape".to_string(), "Clear the selection, close a card or this list".to_string()),
        ("?".to_string(), "Show or hide this list".to_string()),
    ]);
    rows
}

/// What each mark looks like (its classes) and means, for the panel's legend.
fn marks() -> Vec<(&'static str, String, &'static str)> {
    let mut rows: Vec<(&'static str, String, &'static str)> = EntityType::ALL
        .iter()
        .map(|&k| {
            let line = match k {
                EntityType::Person => "a person: solid line",
                EntityType::Location => "a place: dashed line",
                EntityType::Organization => "an organization: double line",
                EntityType::Weapon => "a weapon: dotted line",
            };
            (type_label(k), format!("mark ent ent-{}", k.as_str()), line)
        })
        .collect();
    rows.extend([
        ("Denver", "mark ent ent-organization ent-location nested".to_string(), "a place inside an organization's name"),
        ("4 October", "mark date".to_string(), "a date (on the timeline; click it to correct it)"),
        ("3 killed", "mark casualty".to_string(), "a casualty figure (in the casualty table; click it to correct it)"),
        ("Advertisement", "mark noise".to_string(), "page noise, not part of the article"),
        ("Selected", "mark ent ent-person sel".to_string(), "a mention of the selected entity; other names keep only their line"),
        ("Current", "mark ent ent-person sel current".to_string(), "the mention the stepper is at"),
    ]);
    rows
}

/// The list of shortcuts and the legend of the marks, opened by "?" or the toolbar's "?"
/// button; its Close button takes the focus, so that Enter or Escape closes it again.
#[component]
pub fn ShortcutHelp() -> impl IntoView {
    let ui = expect_context::<Ui>();
    let close = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = close.get() {
            let _ = b.focus();
        }
    });
    let rows = rows().into_iter().map(|(k, what)| view! { <tr><th scope="row"><kbd>{k}</kbd></th><td>{what}</td></tr> }).collect_view();
    let legend = marks().into_iter().map(|(sample, class, what)| view! { <tr><th scope="row"><span class=class>{sample}</span></th><td>{what}</td></tr> }).collect_view();
    view! {
        <div class="help-panel" role="dialog" aria-label="Keyboard shortcuts and marks">
            <h2>"Keyboard shortcuts"</h2>
            <table>{rows}</table>
            <h2>"What the marks mean"</h2>
            <table class="marks-legend">{legend}</table>
            <button node_ref=close class="btn" on:click=move |_| ui.help.set(false)>"Close"</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_stand_for_shortcuts() {
        assert_eq!(shortcut("?", true), Some(Shortcut::Help));
        assert_eq!(shortcut("n", false), Some(Shortcut::Next));
        assert_eq!(shortcut("N", true), Some(Shortcut::Previous));
        assert_eq!(shortcut("o", false), Some(Shortcut::Tag(EntityType::Organization)));
        assert_eq!(shortcut("w", false), Some(Shortcut::Tag(EntityType::Weapon)));
        assert_eq!(shortcut("Delete", false), Some(Shortcut::Remove));
        // Shift with a tag key is no shortcut (a capital typed by habit does nothing).
        assert_eq!(shortcut("P", true), None);
        assert_eq!(shortcut("x", false), None);
        assert_eq!(shortcut("Enter", false), None);
    }

    #[test]
    fn every_type_has_its_own_key() {
        let keys: std::collections::HashSet<_> = EntityType::ALL.iter().map(|&k| tag_key(k)).collect();
        assert_eq!(keys.len(), EntityType::ALL.len());
        for k in keys {
            assert!(shortcut(k, false).is_none_or(|s| matches!(s, Shortcut::Tag(_))), "{k} is taken");
        }
    }
}
