//! A reader's corrections to an annotation: an entity's type changed, a mention removed, a
//! missed mention added, two entities merged or a mention split off into an entity of its own,
//! a casualty figure or a date corrected, removed or added. They are data (saved per article
//! in localStorage, keyed by a hash of the text) applied on top of what the engine returns, so
//! exports and the sidebar show the corrected annotation.
//!
//! Changes to which entities there are (a type, a merge, a split, a mention tagged by hand)
//! are a log replayed in the order they were made, each naming its entity by one of its
//! mentions: a merge then a split of the same mention, or a type given to one of two
//! "Washington"s, replays as the reader did it.

use annotator_core::{Annotation, Casualty, CasualtyKind, Entity, EntityType, Group, Span, TimelineItem};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrections {
    /// Changes to the entities, in the order made (see [`EntityOp`]).
    #[serde(default)]
    pub ops: Vec<EntityOp>,
    /// (entity name, original type, new type): type changes saved before the log, still read.
    #[serde(default)]
    pub retyped: Vec<(String, EntityType, EntityType)>,
    /// Removed mentions, by code-point span.
    #[serde(default)]
    pub removed: Vec<(usize, usize)>,
    /// Added mentions: code-point span and type (a Web Annotation import's; the tag bar logs
    /// [`EntityOp::Add`]).
    #[serde(default)]
    pub added: Vec<(usize, usize, EntityType)>,
    /// Entities merged into another by name: saved before the log, still read.
    #[serde(default)]
    pub merged: Vec<(String, String)>,
    /// Mentions split off by span: saved before the log, still read.
    #[serde(default)]
    pub split: Vec<(usize, usize)>,
    /// Casualty figures, by code-point span: the engine's item there corrected (or removed:
    /// `None`), or, where the engine read none, one added.
    #[serde(default)]
    pub figures: Vec<((usize, usize), Option<Figure>)>,
    /// Dates, by code-point span, the same way: the value (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`).
    #[serde(default)]
    pub dates: Vec<((usize, usize), Option<String>)>,
}

/// One change to the entities. Spans are code points; an entity is named by any one of its
/// mentions, as it stands when the change is replayed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityOp {
    /// A mention tagged by hand: it joins the entity of its type written the same way, or
    /// makes one.
    Add { at: (usize, usize), kind: EntityType },
    /// The entity with a mention at `at` takes the type `to`.
    Retype { at: (usize, usize), to: EntityType },
    /// The entity with a mention at `from` joins the one with a mention at `into`, which keeps
    /// its name and type.
    Merge { from: (usize, usize), into: (usize, usize) },
    /// The mention at `at` leaves its entity for one of its own, named as written there.
    Split { at: (usize, usize) },
}

impl EntityOp {
    /// The spans the change names, to be re-anchored on an edited text.
    fn spans_mut(&mut self) -> Vec<&mut (usize, usize)> {
        match self {
            EntityOp::Add { at, .. } | EntityOp::Retype { at, .. } | EntityOp::Split { at } => vec![at],
            EntityOp::Merge { from, into } => vec![from, into],
        }
    }
}

/// What a reader may set of a casualty figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub kind: CasualtyKind,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub group: Group,
    pub party: Option<String>,
}

impl Figure {
    pub fn of(c: &Casualty) -> Figure {
        Figure { kind: c.kind, min: c.min, max: c.max, group: c.group, party: c.party.clone() }
    }
}

/// Why an item was set by hand (what the sidebar says when asked why).
pub const BY_HAND: &str = "corrected by hand";

impl Corrections {
    /// How many corrections there are (what Reset names).
    pub fn count(&self) -> usize {
        self.ops.len() + self.retyped.len() + self.removed.len() + self.added.len() + self.merged.len() + self.split.len() + self.figures.len() + self.dates.len()
    }

    /// Removes the mention at `at` of the entity whose mentions are `mentions`. A mention
    /// tagged by hand is untagged; a logged change that named the entity by this mention
    /// names it by another of its mentions from now on (it still applies to the entity).
    pub fn remove_mention(&mut self, at: (usize, usize), mentions: &[(usize, usize)]) {
        let added = |op: &EntityOp| matches!(op, EntityOp::Add { at: a, .. } if *a == at);
        if self.ops.iter().any(added) {
            self.ops.retain(|op| !added(op));
        } else {
            self.removed.push(at);
        }
        if let Some(&other) = mentions.iter().find(|&&m| m != at) {
            for op in &mut self.ops {
                for span in op.spans_mut() {
                    if *span == at {
                        *span = other;
                    }
                }
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }

    /// Sets the figure at `at` (`None` removes it); a later correction of the same figure
    /// replaces the earlier one.
    pub fn set_figure(&mut self, at: (usize, usize), to: Option<Figure>) {
        self.figures.retain(|(a, _)| *a != at);
        self.figures.push((at, to));
    }

    /// Sets the date at `at` the same way.
    pub fn set_date(&mut self, at: (usize, usize), to: Option<String>) {
        self.dates.retain(|(a, _)| *a != at);
        self.dates.push((at, to));
    }
}

/// Whether `v` is a date value the timeline takes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a
/// real month and day.
pub fn valid_date(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    let num = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let value = |p: &str| p.parse::<u32>().unwrap_or(0);
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&value(m)),
        [y, m, d] => {
            let days = match value(m) {
                2 if value(y) % 4 == 0 && (value(y) % 100 != 0 || value(y) % 400 == 0) => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            num(y, 4) && num(m, 2) && num(d, 2) && (1..=12).contains(&value(m)) && (1..=days).contains(&value(d))
        }
        _ => false,
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

/// How many words either side of a span are compared to find it again.
const CONTEXT_WORDS: usize = 4;
/// How many characters either side of a span those words are looked for in.
const CONTEXT_CHARS: usize = 200;

/// The corrections made to `old` moved onto `new`, its edited version, with how many could not
/// be placed (the words they marked are gone); `None` when `new` is another article, not an
/// edit of `old`.
///
/// A span is found again as a TextQuoteSelector is, by its exact words and their context: of
/// the occurrences of its words in `new`, the one whose neighbouring words (up to
/// [`CONTEXT_WORDS`] either side, punctuation aside, so "Nam ở" and "Nam, ở" agree) agree most
/// with the span's own, the nearest to where the span stood (shifted as the text grew or
/// shrank) on a tie. An occurrence that agrees on no neighbouring word is taken only when it is
/// the only one: "said" in a deleted sentence is not moved onto another "said". A type change
/// names an entity, and is kept while `new` still holds that name. Each span costs one pass
/// over `new`: a reader's few dozen corrections re-anchor at once on 1 MB.
pub fn reanchor(old: &str, new: &str, c: &Corrections) -> Option<(Corrections, usize)> {
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let (mut lost, mut by_context) = (0, false);
    let mut place = |s: usize, e: usize| {
        let found = find_again(&old_chars, new, &new_chars, s, e);
        lost += usize::from(found.is_none());
        by_context |= found.is_some_and(|(_, score)| score > 0);
        found.map(|(span, _)| span)
    };
    let removed: Vec<_> = c.removed.iter().filter_map(|&(s, e)| place(s, e)).collect();
    let added: Vec<_> = c.added.iter().filter_map(|&(s, e, k)| place(s, e).map(|(s, e)| (s, e, k))).collect();
    let split: Vec<_> = c.split.iter().filter_map(|&(s, e)| place(s, e)).collect();
    let ops: Vec<_> = c.ops.iter().cloned().filter_map(|mut op| op.spans_mut().into_iter().all(|span| place(span.0, span.1).map(|to| *span = to).is_some()).then_some(op)).collect();
    let figures: Vec<_> = c.figures.iter().filter_map(|((s, e), f)| place(*s, *e).map(|at| (at, f.clone()))).collect();
    let dates: Vec<_> = c.dates.iter().filter_map(|((s, e), v)| place(*s, *e).map(|at| (at, v.clone()))).collect();
    // Another article altogether: no span found again among the same words around it (or,
    // with type changes only, the headline gone). Its corrections are not this one's.
    let headline = old.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let spans = c.ops.len() + c.removed.len() + c.added.len() + c.split.len() + c.figures.len() + c.dates.len();
    if (spans > 0 && !by_context) || (spans == 0 && !new.contains(headline)) {
        return None;
    }
    let retyped: Vec<_> = c.retyped.iter().filter(|(name, _, _)| !name.is_empty() && new.contains(name.as_str())).cloned().collect();
    let merged: Vec<_> = c.merged.iter().filter(|(a, b)| !a.is_empty() && new.contains(a.as_str()) && new.contains(b.as_str())).cloned().collect();
    lost += c.retyped.len() - retyped.len() + c.merged.len() - merged.len();
    Some((Corrections { ops, retyped, removed, added, merged, split, figures, dates }, lost))
}

/// Up to [`CONTEXT_WORDS`] words (runs of letters and digits) of `chars` read away from a span:
/// `forward` from `at`, or backward from it, nearest first.
fn words_from(chars: &[char], at: usize, forward: bool) -> Vec<String> {
    // At most this many characters are read (a span inside a run of letters thousands long
    // must not cost the run's length for each of its occurrences).
    let chars = if forward { &chars[at..(at + CONTEXT_CHARS).min(chars.len())] } else { &chars[at.saturating_sub(CONTEXT_CHARS)..at] };
    let at = if forward { 0 } else { chars.len() };
    let mut words = Vec::new();
    let mut word = String::new();
    let mut step = |c: char, words: &mut Vec<String>| {
        if c.is_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    };
    if forward {
        for &c in &chars[at..] {
            step(c, &mut words);
            if words.len() == CONTEXT_WORDS {
                return words;
            }
        }
    } else {
        for &c in chars[..at].iter().rev() {
            step(c, &mut words);
            if words.len() == CONTEXT_WORDS {
                break;
            }
        }
        // Read backwards: each word's letters came last to first.
        for w in &mut words {
            *w = w.chars().rev().collect();
        }
    }
    if !word.is_empty() && words.len() < CONTEXT_WORDS {
        words.push(if forward { word } else { word.chars().rev().collect() });
    }
    words
}

/// How many words two readings agree on, nearest first, up to the first that differs.
fn agreeing(a: &[String], b: &[String]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Where the span `s..e` of `old` (code points) stands in `new`, if its words are still there.
fn find_again(old: &[char], new: &str, new_chars: &[char], s: usize, e: usize) -> Option<((usize, usize), usize)> {
    if s >= e || e > old.len() {
        return None;
    }
    let exact: String = old[s..e].iter().collect();
    let (before, after) = (words_from(old, s, false), words_from(old, e, true));
    // Where the span would stand if the edit grew or shrank the text evenly.
    let expected = (s as f64 * new_chars.len() as f64 / old.len().max(1) as f64) as usize;
    let len = e - s;
    let (mut best, mut seen) = (None::<(usize, usize, usize)>, 0);
    let (mut at_char, mut last_byte) = (0, 0);
    for (byte, _) in new.match_indices(exact.as_str()) {
        at_char += new[last_byte..byte].chars().count();
        last_byte = byte;
        seen += 1;
        let start = at_char;
        let score = agreeing(&before, &words_from(new_chars, start, false)) + agreeing(&after, &words_from(new_chars, start + len, true));
        let distance = start.abs_diff(expected);
        if best.is_none_or(|(bs, bd, _)| score > bs || (score == bs && distance < bd)) {
            best = Some((score, distance, start));
        }
    }
    best.filter(|&(score, _, _)| score > 0 || seen == 1).map(|(score, _, start)| ((start, start + len), score))
}

/// The entity with a mention at `at`.
fn holding(entities: &[Entity], at: (usize, usize)) -> Option<usize> {
    entities.iter().position(|x| x.mentions.iter().any(|m| (m.start, m.end) == at))
}

/// One logged change made to `entities` (spans outside the text, or naming no entity, change
/// nothing); an entity emptied by a merge is left empty, for the caller to drop.
fn replay(entities: &mut Vec<Entity>, chars: &[char], op: &EntityOp) {
    match *op {
        EntityOp::Add { at: (s, e), kind } => {
            if s >= e || e > chars.len() || holding(entities, (s, e)).is_some_and(|i| entities[i].kind == kind) {
                return;
            }
            let surface: String = chars[s..e].iter().collect();
            let span = Span { start: s, end: e, text: surface.clone() };
            match entities.iter_mut().find(|x| x.kind == kind && !x.mentions.is_empty() && (x.name == surface || x.mentions.iter().any(|m| m.text == surface))) {
                Some(x) => {
                    x.mentions.push(span);
                    x.mentions.sort_by_key(|m| (m.start, m.end));
                }
                None => entities.push(Entity { kind, name: surface, mentions: vec![span] }),
            }
        }
        EntityOp::Retype { at, to } => {
            if let Some(i) = holding(entities, at) {
                entities[i].kind = to;
            }
        }
        EntityOp::Merge { from, into } => {
            let (Some(i), Some(j)) = (holding(entities, from), holding(entities, into)) else { return };
            if i == j {
                return;
            }
            let moved = std::mem::take(&mut entities[i].mentions);
            let into = &mut entities[j].mentions;
            into.extend(moved);
            into.sort_by_key(|m| (m.start, m.end));
            into.dedup_by_key(|m| (m.start, m.end));
        }
        EntityOp::Split { at } => {
            let Some(k) = holding(entities, at).filter(|&k| entities[k].mentions.len() > 1) else { return };
            let from = &mut entities[k];
            let Some(i) = from.mentions.iter().position(|m| (m.start, m.end) == at) else { return };
            let m = from.mentions.remove(i);
            let kind = from.kind;
            entities.push(Entity { kind, name: m.text.clone(), mentions: vec![m] });
        }
    }
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
    // A mention split off: an entity of its own, named as written there.
    for &(s, e) in &c.split {
        let Some(k) = out.entities.iter().position(|x| x.mentions.len() > 1 && x.mentions.iter().any(|m| (m.start, m.end) == (s, e))) else { continue };
        let from = &mut out.entities[k];
        let Some(i) = from.mentions.iter().position(|m| (m.start, m.end) == (s, e)) else { continue };
        let m = from.mentions.remove(i);
        let kind = from.kind;
        out.entities.push(Entity { kind, name: m.text.clone(), mentions: vec![m] });
    }
    // Merged: the mentions of one go to the other, which keeps its name and type.
    for (a, b) in &c.merged {
        let (Some(i), Some(j)) = (out.entities.iter().position(|x| x.name == *a), out.entities.iter().position(|x| x.name == *b)) else { continue };
        if i == j {
            continue;
        }
        let moved = std::mem::take(&mut out.entities[i].mentions);
        let into = &mut out.entities[j].mentions;
        into.extend(moved);
        into.sort_by_key(|m| (m.start, m.end));
        into.dedup_by_key(|m| (m.start, m.end));
    }
    out.entities.retain(|e| !e.mentions.is_empty());
    // A type changed on an entity split off or merged into ("Aliyev" split off, then retyped)
    // names an entity that exists only now.
    for e in &mut out.entities {
        if let Some((_, _, to)) = c.retyped.iter().find(|(n, from, _)| *n == e.name && *from == e.kind) {
            e.kind = *to;
        }
    }
    for op in &c.ops {
        replay(&mut out.entities, &chars, op);
    }
    out.entities.retain(|e| !e.mentions.is_empty());
    let span_of = |s: usize, e: usize| (s < e && e <= chars.len()).then(|| Span { start: s, end: e, text: chars[s..e].iter().collect() });
    for ((s, e), fix) in &c.figures {
        let at = out.casualties.iter().position(|x| (x.start, x.end) == (*s, *e));
        match (at, fix) {
            (Some(i), None) => {
                out.casualties.remove(i);
            }
            (Some(i), Some(f)) => {
                let x = &mut out.casualties[i];
                (x.kind, x.min, x.max, x.group, x.party) = (f.kind, f.min, f.max, f.group, f.party.clone());
                x.why = BY_HAND.to_string();
            }
            (None, Some(f)) => {
                let Some(span) = span_of(*s, *e) else { continue };
                out.casualties.push(Casualty {
                    kind: f.kind, min: f.min, max: f.max, group: f.group, party: f.party.clone(),
                    location: None, source: None, date: None,
                    start: span.start, end: span.end, text: span.text, why: BY_HAND.to_string(), cue: None, mentions: Vec::new(),
                });
            }
            (None, None) => {}
        }
    }
    out.casualties.sort_by_key(|x| x.start);
    for ((s, e), fix) in &c.dates {
        let at = out.timeline.iter().position(|x| (x.start, x.end) == (*s, *e));
        match (at, fix) {
            (Some(i), None) => {
                out.timeline.remove(i);
            }
            (Some(i), Some(v)) => {
                out.timeline[i].value = v.clone();
                out.timeline[i].why = BY_HAND.to_string();
            }
            (None, Some(v)) => {
                let Some(span) = span_of(*s, *e) else { continue };
                // The event a date added by hand dates: its line.
                let from = chars[..*s].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
                let to = chars[*e..].iter().position(|&c| c == '\n').map_or(chars.len(), |p| *e + p);
                let event = span_of(from, to).unwrap_or_else(|| span.clone());
                out.timeline.push(TimelineItem { value: v.clone(), start: span.start, end: span.end, text: span.text, event, why: BY_HAND.to_string() });
            }
            (None, None) => {}
        }
    }
    out.timeline.sort_by_key(|x| x.start);
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

    /// The code-point span of the `n`-th (0-based) occurrence of `needle` in `text`.
    fn span_of(text: &str, needle: &str, n: usize) -> (usize, usize) {
        let byte = text.match_indices(needle).nth(n).expect("occurs").0;
        let s = text[..byte].chars().count();
        (s, s + needle.chars().count())
    }

    #[test]
    fn corrections_follow_an_edited_text() {
        let old = "Bão số 3 đổ bộ vào Hải Phòng. Ông Nam ở Hải Phòng nói với VTV.";
        let new = "Sáng nay, bão số 3 đổ bộ vào Hải Phòng. Ông Nam, ở Hải Phòng, nói với VTV.";
        let mut c = Corrections::default();
        let second = span_of(old, "Hải Phòng", 1);
        c.removed.push(second);
        let vtv = span_of(old, "VTV", 0);
        c.added.push((vtv.0, vtv.1, EntityType::Organization));
        c.retyped.push(("Nam".into(), EntityType::Location, EntityType::Person));
        let (moved, lost) = reanchor(old, new, &c).expect("an edit");
        assert_eq!(lost, 0);
        // The second "Hải Phòng" is still the second one, though both moved.
        assert_eq!(moved.removed, vec![span_of(new, "Hải Phòng", 1)]);
        assert_eq!(moved.added, vec![(span_of(new, "VTV", 0).0, span_of(new, "VTV", 0).1, EntityType::Organization)]);
        assert_eq!(moved.retyped, c.retyped);
    }

    #[test]
    fn the_context_picks_among_repeated_words_and_gone_words_are_counted() {
        let old = "Police said. Rescuers said later. Officials said nothing.";
        let new = "Officials said nothing. Police said.";
        let c = Corrections { removed: vec![span_of(old, "said", 2), span_of(old, "said", 1)], ..Default::default() };
        let (moved, lost) = reanchor(old, new, &c).expect("an edit");
        // "Officials said" moved to the front; "Rescuers said later" is gone.
        assert_eq!(moved.removed, vec![span_of(new, "said", 0)]);
        assert_eq!(lost, 1);
        // A retyped name the new text no longer holds is lost too; bad spans never panic.
        let c = Corrections {
            retyped: vec![("Rescuers".into(), EntityType::Person, EntityType::Organization)],
            removed: vec![span_of(old, "said", 2)],
            added: vec![(50, 10, EntityType::Person), (0, 999, EntityType::Person)],
            ..Default::default()
        };
        assert_eq!(reanchor(old, new, &c).map(|(_, lost)| lost), Some(3));
    }

    #[test]
    fn another_article_takes_nothing_from_the_last() {
        // A new article pasted over the old one names Baku once, and "Aliyev" nowhere near the
        // words it stood among: no correction of the old article applies to it.
        let c = Corrections { removed: vec![span_of(T, "Aliyev", 1)], retyped: vec![("Baku".into(), EntityType::Location, EntityType::Organization)], ..Default::default() };
        assert_eq!(reanchor(T, "Lũ lớn ở Huế. Đoàn cứu trợ từ Baku tới chiều qua. Aliyev", &c), None);
        // Type changes alone follow an edit that keeps the headline, not another article.
        let retyped = Corrections { retyped: c.retyped.clone(), ..Default::default() };
        assert_eq!(reanchor(T, "Tin mới: Baku mưa to.", &retyped), None);
        assert_eq!(reanchor(T, &format!("{T} Cập nhật."), &retyped), Some((retyped.clone(), 0)));
    }

    #[test]
    fn an_unchanged_text_keeps_every_correction() {
        let c = Corrections {
            removed: vec![span_of(T, "Aliyev", 1)],
            added: vec![(span_of(T, "AzTV", 0).0, span_of(T, "AzTV", 0).1, EntityType::Organization)],
            retyped: vec![("Baku".into(), EntityType::Location, EntityType::Organization)],
            ..Default::default()
        };
        assert_eq!(reanchor(T, T, &c), Some((c, 0)));
    }

    #[test]
    fn figures_and_dates_are_corrected_removed_and_added() {
        let t = "Lũ quét ở Lào Cai hôm 5-9-2024 làm 12 người chết. Ba người mất tích ngày 6-9.";
        let ann = annotate(t, &Options { date: None, ..Default::default() }).unwrap();
        let twelve = ann.casualties.iter().find(|c| c.min == Some(12)).expect("the figure").clone();
        let mut c = Corrections::default();
        c.set_figure((twelve.start, twelve.end), Some(Figure { kind: CasualtyKind::Wounded, min: Some(11), max: None, group: Group::Civilian, party: Some("Lào Cai".into()) }));
        let three = span_of(t, "Ba người mất tích", 0);
        c.set_figure(three, Some(Figure { kind: CasualtyKind::Missing, min: Some(3), max: Some(3), group: Group::Unspecified, party: None }));
        let out = apply(t, &ann, &c);
        let fixed = out.casualties.iter().find(|x| x.start == twelve.start).expect("still there");
        assert_eq!((fixed.kind, fixed.min, fixed.max, fixed.group, fixed.why.as_str()), (CasualtyKind::Wounded, Some(11), None, Group::Civilian, BY_HAND));
        assert!(out.casualties.iter().any(|x| (x.start, x.end) == three && x.text == "Ba người mất tích"), "added: {:?}", out.casualties);
        assert!(out.casualties.windows(2).all(|w| w[0].start <= w[1].start), "in text order");
        // A later correction of the same figure replaces the first; removing it removes it.
        c.set_figure((twelve.start, twelve.end), None);
        assert_eq!(c.figures.len(), 2);
        assert!(!apply(t, &ann, &c).casualties.iter().any(|x| x.start == twelve.start));
        // Dates the same way.
        let first = ann.timeline.first().expect("a date").clone();
        let mut d = Corrections::default();
        d.set_date((first.start, first.end), Some("2024-09-04".into()));
        d.set_date(span_of(t, "Ba người", 0), Some("2024".into()));
        let out = apply(t, &ann, &d);
        assert_eq!(out.timeline.iter().find(|x| x.start == first.start).map(|x| x.value.as_str()), Some("2024-09-04"));
        let added = out.timeline.iter().find(|x| x.text == "Ba người").expect("added");
        assert_eq!((added.value.as_str(), added.event.text.as_str()), ("2024", t));
        d.set_date((first.start, first.end), None);
        assert!(!apply(t, &ann, &d).timeline.iter().any(|x| x.start == first.start));
        // Spans outside the text are ignored, never a panic.
        d.set_date((500, 900), Some("2024".into()));
        d.set_figure((9, 2), Some(Figure::of(&twelve)));
        apply(t, &ann, &d);
    }

    #[test]
    fn entities_merge_and_split() {
        let ann = annotate(T, &Options::default()).unwrap();
        let aliyev = ann.entities.iter().find(|e| e.name == "Ilham Aliyev").unwrap().clone();
        let c = Corrections { merged: vec![("Baku".into(), "Ilham Aliyev".into())], ..Default::default() };
        let out = apply(T, &ann, &c);
        assert!(!out.entities.iter().any(|e| e.name == "Baku"));
        assert_eq!(out.entities.iter().find(|e| e.name == "Ilham Aliyev").unwrap().mentions.len(), aliyev.mentions.len() + 1);
        let second = &aliyev.mentions[1];
        let c = Corrections { split: vec![(second.start, second.end)], ..Default::default() };
        let out = apply(T, &ann, &c);
        assert_eq!(out.entities.iter().find(|e| e.name == "Ilham Aliyev").unwrap().mentions.len(), aliyev.mentions.len() - 1);
        let own = out.entities.iter().find(|e| e.name == second.text).expect("an entity of its own");
        assert_eq!((own.kind, own.mentions.len()), (aliyev.kind, 1));
        // ...and a type given to the entity split off applies to it.
        let c = Corrections { split: vec![(second.start, second.end)], retyped: vec![(second.text.clone(), aliyev.kind, EntityType::Organization)], ..Default::default() };
        let out = apply(T, &ann, &c);
        assert_eq!(out.entities.iter().find(|e| e.name == second.text).map(|e| e.kind), Some(EntityType::Organization));
        assert_eq!(out.entities.iter().find(|e| e.name == "Ilham Aliyev").map(|e| e.kind), Some(aliyev.kind));
        // Names that are not there, and a lone mention split off, change nothing.
        let c = Corrections { merged: vec![("Nowhere".into(), "Baku".into())], split: vec![(0, 3)], ..Default::default() };
        assert_eq!(apply(T, &ann, &c), ann);
    }

    #[test]
    fn logged_changes_replay_in_the_order_made() {
        let ann = annotate(T, &Options::default()).unwrap();
        let aliyev = ann.entities.iter().find(|e| e.name == "Ilham Aliyev").unwrap().clone();
        let baku = ann.entities.iter().find(|e| e.name == "Baku").unwrap().clone();
        let at = |m: &Span| (m.start, m.end);
        let (b, a0, a1) = (at(&baku.mentions[0]), at(&aliyev.mentions[0]), at(&aliyev.mentions[1]));
        // Merged, then split off again: the split sees the merge (the old fixed order skipped it).
        let c = Corrections { ops: vec![EntityOp::Merge { from: b, into: a0 }, EntityOp::Split { at: b }], ..Default::default() };
        let out = apply(T, &ann, &c);
        assert_eq!(out.entities.iter().find(|e| e.name == "Ilham Aliyev").unwrap().mentions.len(), aliyev.mentions.len());
        assert!(out.entities.iter().any(|e| e.name == "Baku" && e.mentions.len() == 1 && e.kind == aliyev.kind));
        // Split off, then given a type: only that one changes, though it is written as the
        // other's later mentions are.
        let c = Corrections { ops: vec![EntityOp::Split { at: a1 }, EntityOp::Retype { at: a1, to: EntityType::Organization }], ..Default::default() };
        let out = apply(T, &ann, &c);
        assert_eq!(out.entities.iter().find(|e| e.mentions.iter().any(|m| at(m) == a1)).map(|e| e.kind), Some(EntityType::Organization));
        assert_eq!(out.entities.iter().find(|e| e.name == "Ilham Aliyev").map(|e| e.kind), Some(aliyev.kind));
        // A type changed, then a missed mention tagged with the new type: it joins the entity.
        let tv = span_of(T, "AzTV", 0);
        let c = Corrections { ops: vec![EntityOp::Retype { at: b, to: EntityType::Organization }, EntityOp::Add { at: tv, kind: EntityType::Organization }, EntityOp::Merge { from: tv, into: b }], ..Default::default() };
        let out = apply(T, &ann, &c);
        let org = out.entities.iter().find(|e| e.name == "Baku").unwrap();
        assert_eq!((org.kind, org.mentions.len()), (EntityType::Organization, 2));
        // Spans that name nothing change nothing.
        let c = Corrections { ops: vec![EntityOp::Merge { from: (0, 1), into: b }, EntityOp::Split { at: (900, 901) }, EntityOp::Add { at: (9, 2), kind: EntityType::Person }, EntityOp::Retype { at: (0, 999), to: EntityType::Weapon }], ..Default::default() };
        assert_eq!(apply(T, &ann, &c), ann);
    }

    #[test]
    fn removing_a_mention_keeps_the_changes_that_named_it() {
        let ann = annotate(T, &Options::default()).unwrap();
        let aliyev = ann.entities.iter().find(|e| e.name == "Ilham Aliyev").unwrap().clone();
        let spans: Vec<(usize, usize)> = aliyev.mentions.iter().map(|m| (m.start, m.end)).collect();
        let mut c = Corrections { ops: vec![EntityOp::Retype { at: spans[0], to: EntityType::Organization }], ..Default::default() };
        c.remove_mention(spans[0], &spans);
        assert_eq!(c.removed, vec![spans[0]]);
        assert_eq!(c.ops, vec![EntityOp::Retype { at: spans[1], to: EntityType::Organization }]);
        let out = apply(T, &ann, &c);
        assert_eq!(out.entities.iter().find(|e| e.name == "Ilham Aliyev").map(|e| (e.kind, e.mentions.len())), Some((EntityType::Organization, spans.len() - 1)));
        // A mention tagged by hand and removed again leaves nothing behind.
        let tv = span_of(T, "AzTV", 0);
        let mut c = Corrections { ops: vec![EntityOp::Add { at: tv, kind: EntityType::Weapon }], ..Default::default() };
        c.remove_mention(tv, &[tv]);
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn logged_changes_follow_an_edit_and_survive_a_save() {
        let old = "Ông Nam gặp ông Bắc ở Huế. Ông Nam nói.";
        let new = "Tin mới: ông Nam gặp ông Bắc ở Huế. Ông Nam nói.";
        let c = Corrections { ops: vec![EntityOp::Merge { from: span_of(old, "Bắc", 0), into: span_of(old, "Nam", 0) }, EntityOp::Retype { at: span_of(old, "Huế", 0), to: EntityType::Organization }], ..Default::default() };
        let (moved, lost) = reanchor(old, new, &c).expect("an edit");
        assert_eq!(lost, 0);
        assert_eq!(moved.ops, vec![EntityOp::Merge { from: span_of(new, "Bắc", 0), into: span_of(new, "Nam", 0) }, EntityOp::Retype { at: span_of(new, "Huế", 0), to: EntityType::Organization }]);
        let back: Corrections = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
        // A save made before the log (no "ops") still reads.
        let legacy: Corrections = serde_json::from_str(r#"{"retyped":[["Huế","location","organization"]],"removed":[[1,2]]}"#).unwrap();
        assert_eq!((legacy.ops.len(), legacy.retyped.len(), legacy.removed.len()), (0, 1, 1));
    }

    #[test]
    fn date_values_are_checked() {
        for ok in ["2024", "2024-02", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(valid_date(ok), "{ok}");
        }
        for bad in ["", "24", "2024-13", "2023-02-29", "1900-02-29", "2024-04-31", "2024-1-1", "2024-01-01T00", "abcd", "2024--01"] {
            assert!(!valid_date(bad), "{bad}");
        }
    }

    #[test]
    fn figure_and_date_corrections_follow_an_edit() {
        let old = "Hai người chết hôm qua.";
        let new = "Tin mới: Hai người chết hôm qua.";
        let c = Corrections { figures: vec![(span_of(old, "Hai người chết", 0), None)], dates: vec![(span_of(old, "hôm qua", 0), Some("2024-01-01".into()))], split: vec![span_of(old, "Hai", 0)], ..Default::default() };
        let (moved, lost) = reanchor(old, new, &c).expect("an edit");
        assert_eq!(lost, 0);
        assert_eq!(moved.figures, vec![(span_of(new, "Hai người chết", 0), None)]);
        assert_eq!(moved.dates, vec![(span_of(new, "hôm qua", 0), Some("2024-01-01".into()))]);
        assert_eq!(moved.split, vec![span_of(new, "Hai", 0)]);
        assert_eq!(c.count(), 3);
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
