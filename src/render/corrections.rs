//! A reader's corrections to an annotation: an entity's type changed, a mention removed, a
//! missed mention added. They are data (saved per article in localStorage, keyed by a hash of
//! the text) applied on top of what the engine returns, so exports and the sidebar show the
//! corrected annotation.

use annotator_core::{Annotation, Entity, EntityType, Span};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrections {
    /// (entity name, original type, new type)
    #[serde(default)]
    pub retyped: Vec<(String, EntityType, EntityType)>,
    /// Removed mentions, by code-point span.
    #[serde(default)]
    pub removed: Vec<(usize, usize)>,
    /// Added mentions: code-point span and type.
    #[serde(default)]
    pub added: Vec<(usize, usize, EntityType)>,
}

impl Corrections {
    pub fn is_empty(&self) -> bool {
        self.retyped.is_empty() && self.removed.is_empty() && self.added.is_empty()
    }
}

/// The storage key of an article's corrections: FNV-1a of its text.
pub fn storage_key(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("article-annotator:corrections:{h:016x}")
}

/// `ann` with the corrections applied (spans outside `text` are ignored).
pub fn apply(text: &str, ann: &Annotation, c: &Corrections) -> Annotation {
    let mut out = ann.clone();
    for e in &mut out.entities {
        if let Some((_, _, to)) = c.retyped.iter().find(|(n, from, _)| *n == e.name && *from == e.kind) {
            e.kind = *to;
        }
        e.mentions.retain(|m| !c.removed.contains(&(m.start, m.end)));
    }
    out.entities.retain(|e| !e.mentions.is_empty());
    let chars: Vec<char> = text.chars().collect();
    for &(s, e, kind) in &c.added {
        if s >= e || e > chars.len() {
            continue;
        }
        let surface: String = chars[s..e].iter().collect();
        let span = Span { start: s, end: e, text: surface.clone() };
        match out.entities.iter_mut().find(|x| x.kind == kind && (x.name == surface || x.mentions.iter().any(|m| m.text == surface))) {
            Some(x) => {
                if !x.mentions.iter().any(|m| m.start == s && m.end == e) {
                    x.mentions.push(span);
                    x.mentions.sort_by_key(|m| (m.start, m.end));
                }
            }
            None => out.entities.push(Entity { kind, name: surface, mentions: vec![span] }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotator_core::{annotate, Options};

    const T: &str = "Tổng thống Ilham Aliyev tới Baku. Ông Aliyev nói với AzTV.";

    #[test]
    fn retype_remove_and_add() {
        let ann = annotate(T, &Options::default()).unwrap();
        let baku = ann.entities.iter().find(|e| e.name == "Baku").unwrap();
        let mut c = Corrections::default();
        c.retyped.push(("Baku".into(), baku.kind, EntityType::Organization));
        let aliyev = ann.entities.iter().find(|e| e.name == "Ilham Aliyev").unwrap();
        let second = aliyev.mentions[1].clone();
        c.removed.push((second.start, second.end));
        let s = T.chars().count() - "AzTV.".chars().count();
        c.added.push((s, s + 4, EntityType::Weapon));
        let out = apply(T, &ann, &c);
        assert_eq!(out.entities.iter().find(|e| e.name == "Baku").unwrap().kind, EntityType::Organization);
        assert_eq!(out.entities.iter().find(|e| e.name == "Ilham Aliyev").unwrap().mentions.len(), 1);
        assert!(out.entities.iter().any(|e| e.kind == EntityType::Weapon && e.name == "AzTV"));
        // Out-of-range additions are ignored, never a panic.
        c.added.push((10_000, 10_004, EntityType::Person));
        apply(T, &ann, &c);
    }

    #[test]
    fn keys_depend_on_the_text() {
        assert_ne!(storage_key("a"), storage_key("b"));
        assert_eq!(storage_key(T), storage_key(T));
        let c = Corrections { removed: vec![(1, 2)], ..Default::default() };
        let back: Corrections = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
    }
}
