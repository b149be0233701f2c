//! Who wrote, photographed or reported a Vietnamese article, as its lines say by convention:
//! a source line at the end ("Theo Reuters, Guardian"), photo credits ("(Ảnh: AFP)", "Ảnh:
//! Reuters, Getty"), and the author's name alone on one of the last lines ("Minh Phương").
//! Agencies and outlets are organizations; a Vietnamese name in a credit or a byline is a
//! person. What these lines say outranks any other reading of their words ("Đức" in a byline
//! is a given name, not Germany).

use std::ops::Range;

use super::context::{looks_vietnamese, vietnamese_syllable, Ctx};
use super::mention::Mention;
use crate::model::EntityType;
use crate::text::fold::key;
use crate::text::language::Language;
use crate::text::Document;

/// Lines from the end where an author's name alone is read as a byline.
const BYLINE_LINES: usize = 3;
/// Most syllables of a byline's name.
const BYLINE_SYLLABLES: usize = 4;
/// Most tokens of a source line ("Theo Reuters, AFP và Guardian"), and of a credit after its
/// colon: a line of credits is read in time proportional to its length.
const SOURCE_LINE_TOKENS: usize = 12;

/// Whether token `k` is one of `words`, compared by key; the words are folded once per
/// document, not once per token.
fn is_word(ctx: &Ctx, k: usize, words: &[String]) -> bool {
    words.iter().any(|w| *w == *ctx.keys[k])
}

fn keys(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| key(w)).collect()
}

/// Adds the credits of `doc` to `out`, dropping other readings of their words.
pub fn find(ctx: &Ctx, doc: &Document, out: &mut Vec<Mention>) {
    if ctx.lang != Language::Vi {
        return;
    }
    let (theo, credit_words, and) = (keys(&["theo"]), keys(&["ảnh", "nguồn"]), keys(&["và"]));
    // Each line's tokens.
    let lines: Vec<Range<usize>> = doc.lines().map(|r| doc.tokens_in(&r)).filter(|t| !t.is_empty()).collect();
    let mut found: Vec<Mention> = Vec::new();
    let last = lines.len();
    for (n, r) in lines.iter().enumerate() {
        let r = r.clone();
        // "Theo Reuters, Guardian": a line that only names its sources.
        if is_word(ctx, r.start, &theo) && r.len() <= SOURCE_LINE_TOKENS && n + BYLINE_LINES >= last {
            if let Some(names) = listed_names(ctx, r.start + 1..r.end, &and) {
                found.extend(names.into_iter().map(|s| credit(ctx, s)));
                continue;
            }
        }
        // "(Ảnh: AFP)", "Ảnh minh họa: Reuters", "Nguồn: Getty": after the colon, up to the
        // parenthesis or the line's end.
        for k in r.clone() {
            if !is_word(ctx, k, &credit_words) {
                continue;
            }
            let Some(colon) = (k + 1..r.end.min(k + 4)).find(|&c| ctx.tk[c].text == ":") else { continue };
            let window = colon + 1..r.end.min(colon + 1 + SOURCE_LINE_TOKENS);
            let end = window.clone().find(|&c| ctx.tk[c].text == ")").unwrap_or(window.end);
            if let Some(names) = listed_names(ctx, colon + 1..end, &and) {
                found.extend(names.into_iter().map(|s| credit(ctx, s)));
            }
        }
        // "Minh Phương" alone on one of the last lines: the author.
        if n + BYLINE_LINES >= last && (2..=BYLINE_SYLLABLES).contains(&r.len()) && r.clone().all(|k| ctx.tk[k].cap && !ctx.tk[k].upper && vietnamese_syllable(ctx.tk[k].text)) && r.clone().any(|k| looks_vietnamese(ctx.tk[k].text)) {
            found.push(Mention::strong(r.clone(), EntityType::Person, ctx.join(r)));
        }
    }
    if found.is_empty() {
        return;
    }
    found.sort_by_key(|m| m.tokens.start);
    // Credits are disjoint and sorted: an overlap test by bisection.
    let taken = |t: &Range<usize>| {
        let k = found.partition_point(|m| m.tokens.end <= t.start);
        found.get(k).is_some_and(|m| m.tokens.start < t.end)
    };
    out.retain(|m| !taken(&m.tokens));
    out.extend(found);
}

/// The names of a credit list ("Reuters, AFP, Getty", "Reuters và Guardian"): capitalised
/// runs separated by commas, slashes, dashes or "và"; `None` if anything else stands there.
fn listed_names(ctx: &Ctx, r: Range<usize>, and: &[String]) -> Option<Vec<Range<usize>>> {
    let mut names = Vec::new();
    let mut start = None;
    for k in r.clone() {
        let t = &ctx.tk[k];
        let separator = matches!(t.text, "," | "/" | "-" | "–" | "." | ";") || is_word(ctx, k, and);
        if separator {
            names.extend(start.take().map(|s| s..k));
        } else if t.word && (t.cap || t.upper) {
            start.get_or_insert(k);
        } else {
            return None;
        }
    }
    names.extend(start.map(|s| s..r.end));
    (!names.is_empty()).then_some(names)
}

/// A credited name: a Vietnamese name is a photographer or reporter, anything else an agency.
fn credit(ctx: &Ctx, r: Range<usize>) -> Mention {
    let vietnamese = r.len() >= 2 && r.clone().all(|k| ctx.tk[k].cap && !ctx.tk[k].upper && vietnamese_syllable(ctx.tk[k].text));
    let kind = if vietnamese { EntityType::Person } else { EntityType::Organization };
    Mention::strong(r.clone(), kind, ctx.join(r))
}

#[cfg(test)]
mod tests {
    use super::super::context::vietnamese_syllable;

    #[test]
    fn syllables_are_told_from_agency_names() {
        for s in ["Quang", "Huy", "Nguyễn", "Phương", "Anh", "Thành", "Đạt", "Khoa", "Nghĩa"] {
            assert!(vietnamese_syllable(s), "{s}");
        }
        for s in ["Getty", "Images", "Reuters", "AFP", "Guardian", "Sputnik", "TASS"] {
            assert!(!vietnamese_syllable(s), "{s}");
        }
    }
}

