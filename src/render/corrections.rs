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
    // Another article altogether: no span found again among the same words around it (or,
    // with type changes only, the headline gone). Its corrections are not this one's.
    let headline = old.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let spans = c.removed.len() + c.added.len();
    if (spans > 0 && !by_context) || (spans == 0 && !new.contains(headline)) {
        return None;
    }
    let retyped: Vec<_> = c.retyped.iter().filter(|(name, _, _)| !name.is_empty() && new.contains(name.as_str())).cloned().collect();
    lost += c.retyped.len() - retyped.len();
    Some((Corrections { retyped, removed, added }, lost))
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
        };
        assert_eq!(reanchor(T, T, &c), Some((c, 0)));
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
