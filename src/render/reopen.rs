//! The page's own JSON export carries its article, so that opening the file again restores
//! what the reader had: the text, its name, language and date options, and the corrections
//! made to it.
//!
//! The file is the annotation of SPEC.md (corrections applied), with two more fields, which
//! SPEC.md's readers ignore as unknown: `article` (`name`, `text`, `lang`, `date`: what the page
//! remembers of an article) and `corrections` (what the reader changed: retyped entities,
//! removed and added mentions, code-point spans of `article.text`). The annotation itself is
//! not read back: the engine annotates the text again and the corrections go on top, as they
//! do for an article the page remembers.

use annotator_core::{Annotation, EntityType};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use crate::render::corrections::Corrections;
use crate::session::Saved;

/// The export as written: the annotation's own fields, then the two more.
#[derive(Serialize)]
struct ProjectOut<'a> {
    #[serde(flatten)]
    annotation: &'a Annotation,
    article: &'a Saved,
    corrections: &'a Corrections,
}

/// The JSON export of an article: its annotation, the article and the reader's corrections.
pub fn project_json(ann: &Annotation, article: &Saved, corrections: &Corrections) -> String {
    serde_json::to_string_pretty(&ProjectOut { annotation: ann, article, corrections }).unwrap_or_default()
}

/// What a JSON file is read as, in one pass over it (no tree of values is built: the page
/// ships one JSON reader, for its own types). Unknown fields are skipped.
#[derive(Deserialize)]
struct ProjectIn {
    #[serde(rename = "@context")]
    context: Option<IgnoredAny>,
    #[serde(rename = "type")]
    kind: Option<IgnoredAny>,
    first: Option<IgnoredAny>,
    article: Option<Saved>,
    #[serde(default)]
    corrections: Corrections,
}

/// Whether a file is read as JSON (by its name): `.json` and `.jsonld`.
pub fn is_json(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".json") || lower.ends_with(".jsonld")
}

/// The article and corrections of a JSON file the reader opened, or why it cannot be opened.
pub fn read_project(name: &str, raw: &str) -> Result<(Saved, Corrections), String> {
    let p: ProjectIn = serde_json::from_str(raw.trim_start_matches('\u{feff}')).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => format!("{name}: its article cannot be read ({e})"),
        _ => format!("{name} is not valid JSON ({e})"),
    })?;
    if p.context.is_some() || (p.kind.is_some() && p.first.is_some()) {
        return Err(format!("{name} is a Web Annotation file: it holds the marks but not the article's text. Open the article first (.txt or .html, or this page's JSON export), then this file to put its marks on it."));
    }
    let Some(article) = p.article else {
        return Err(format!("{name} holds no article text: this page opens its own JSON (annotation) export, which carries the text, and .txt or .html articles."));
    };
    if article.text.trim().is_empty() {
        return Err(format!("{name} holds no text to annotate"));
    }
    Ok((article, p.corrections))
}

/// Whether a JSON file is a Web Annotation file (its marks go onto the article on screen).
pub fn is_web_annotation(raw: &str) -> bool {
    serde_json::from_str::<ProjectIn>(raw.trim_start_matches('\u{feff}')).is_ok_and(|p| p.context.is_some() || (p.kind.is_some() && p.first.is_some()))
}

/// A Web Annotation file as read for its marks (this page's export, or another tool's with
/// the same shape: bodies and selectors as arrays). Unknown fields are skipped.
#[derive(Deserialize)]
struct Collection {
    first: Option<PageIn>,
    #[serde(default)]
    items: Vec<ItemIn>,
}

#[derive(Deserialize)]
struct PageIn {
    #[serde(default)]
    items: Vec<ItemIn>,
}

#[derive(Deserialize)]
struct ItemIn {
    #[serde(default)]
    body: Vec<BodyIn>,
    target: Option<TargetIn>,
}

#[derive(Deserialize)]
struct BodyIn {
    #[serde(default)]
    value: String,
}

#[derive(Deserialize)]
struct TargetIn {
    #[serde(default)]
    selector: Vec<SelectorIn>,
}

#[derive(Deserialize)]
struct SelectorIn {
    exact: Option<String>,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    start: Option<usize>,
}

/// What putting a Web Annotation file's marks on an article did.
#[derive(Debug, PartialEq, Eq)]
pub struct Applied {
    /// Marks found in the text.
    pub placed: usize,
    /// Marks whose words the text does not hold.
    pub lost: usize,
    /// Marks the page cannot take back: casualty figures (written as prose) and values it
    /// cannot read (a date that is no date).
    pub skipped: usize,
}

/// Where `exact` stands in `text` (code points): of its occurrences, the one whose
/// neighbouring characters agree most with `prefix` and `suffix`, the nearest to `near` on a
/// tie.
///
/// The position the file gives is tried first, then the text around it, then (for at most
/// [`WHOLE_SEARCHES`] marks of a file, counted in `whole_searches`) the whole text: a file opened on its own article
/// costs one comparison per mark, however long the article.
fn locate(text: &[char], exact: &[char], prefix: &[char], suffix: &[char], near: Option<usize>, whole_searches: &mut usize) -> Option<(usize, usize)> {
    if exact.is_empty() || exact.len() > text.len() {
        return None;
    }
    let last = text.len() - exact.len();
    let at = |s: usize| text[s..s + exact.len()] == *exact;
    if let Some(n) = near.filter(|&n| n <= last && at(n)) {
        return Some((n, n + exact.len()));
    }
    let around = near.map(|n| n.min(last).saturating_sub(NEAR)..=n.saturating_add(NEAR).min(last));
    let found = around.and_then(|range| best_in(text, exact, prefix, suffix, near, range.filter(|&s| at(s))));
    if found.is_some() || *whole_searches >= WHOLE_SEARCHES {
        return found;
    }
    *whole_searches += 1;
    best_in(text, exact, prefix, suffix, near, (0..=last).filter(|&s| at(s)))
}

/// How many marks of one file may be looked for in the whole text (each such search reads
/// all of it): a file of thousands of marks on a text edited out of shape stays quick, the
/// marks beyond counted as not found.
const WHOLE_SEARCHES: usize = 200;

/// How far either side of a mark's stated position its words are looked for before the
/// whole text is.
const NEAR: usize = 2_000;

/// The best of the occurrences `starts` of `exact` (see [`locate`]).
fn best_in(text: &[char], exact: &[char], prefix: &[char], suffix: &[char], near: Option<usize>, starts: impl Iterator<Item = usize>) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for s in starts {
        let e = s + exact.len();
        let before = prefix.iter().rev().zip(text[..s].iter().rev()).take_while(|(a, b)| a == b).count();
        let after = suffix.iter().zip(&text[e..]).take_while(|(a, b)| a == b).count();
        let (score, distance) = (before + after, near.map_or(0, |n| n.abs_diff(s)));
        if best.is_none_or(|(bs, bd, _)| score > bs || (score == bs && distance < bd)) {
            best = Some((score, distance, s));
        }
    }
    best.map(|(_, _, s)| (s, s + exact.len()))
}

/// The corrections that make `ann` (the engine's annotation of `text`) what the Web Annotation
/// file `raw` says: its entity mentions and dates, found by their quotes (a TextQuoteSelector's
/// exact words and context); the engine's mentions and dates the file does not hold are
/// removed, when most of the file's marks were found (the file is this article's).
pub fn from_web_annotations(name: &str, raw: &str, text: &str, ann: &Annotation) -> Result<(Corrections, Applied), String> {
    let c: Collection = serde_json::from_str(raw.trim_start_matches('\u{feff}')).map_err(|e| format!("{name}: its annotations cannot be read ({e})"))?;
    let chars: Vec<char> = text.chars().collect();
    let mut out = Corrections::default();
    let mut applied = Applied { placed: 0, lost: 0, skipped: 0 };
    let (mut mentions, mut dates): (Vec<((usize, usize), EntityType)>, Vec<((usize, usize), String)>) = (Vec::new(), Vec::new());
    let mut whole_searches = 0;
    for item in c.items.iter().chain(c.first.iter().flat_map(|p| &p.items)) {
        let Some(value) = item.body.first().map(|b| b.value.as_str()) else { continue };
        let Some((kind, rest)) = value.split_once(": ") else { continue };
        let (entity, date) = (EntityType::parse(kind), (kind == "date" && crate::render::corrections::valid_date(rest)).then_some(rest));
        if entity.is_none() && date.is_none() {
            applied.skipped += 1;
            continue;
        }
        let selectors = item.target.as_ref().map(|t| t.selector.as_slice()).unwrap_or_default();
        let near = selectors.iter().find_map(|s| s.start);
        let at = selectors.iter().find_map(|s| {
            let exact: Vec<char> = s.exact.as_ref()?.chars().collect();
            locate(&chars, &exact, &s.prefix.chars().collect::<Vec<_>>(), &s.suffix.chars().collect::<Vec<_>>(), near, &mut whole_searches)
        });
        let Some(at) = at else {
            applied.lost += 1;
            continue;
        };
        applied.placed += 1;
        match (entity, date) {
            (Some(k), _) => mentions.push((at, k)),
            (None, Some(v)) => dates.push((at, v.to_string())),
            _ => {}
        }
    }
    // Mentions are looked up by span below (sorted: a 1 MB article's thousands of marks
    // against the engine's thousands, without comparing every pair).
    mentions.sort_unstable();
    let file_mentions = |span: (usize, usize)| {
        let from = mentions.partition_point(|(at, _)| *at < span);
        mentions[from..].iter().take_while(move |(at, _)| *at == span).map(|&(_, k)| k)
    };
    // (Dates are few, hundreds in a long article: looked up in order.)
    let file_date = |span: (usize, usize)| dates.iter().find(|(at, _)| *at == span).map(|(_, v)| v);
    if applied.placed == 0 {
        return Err(format!("{name}: none of its marks stand in this article's text"));
    }
    let this_article = applied.placed >= applied.lost;
    let mut engine: Vec<((usize, usize), EntityType)> = Vec::new();
    for e in &ann.entities {
        for m in &e.mentions {
            let span = (m.start, m.end);
            engine.push((span, e.kind));
            let kept = file_mentions(span).any(|k| k == e.kind);
            if !kept && (this_article || file_mentions(span).next().is_some()) {
                out.removed.push(span);
            }
        }
    }
    engine.sort_unstable();
    out.added = mentions.iter().filter(|m| engine.binary_search(m).is_err()).map(|&((s, e), k)| (s, e, k)).collect();
    for t in &ann.timeline {
        let span = (t.start, t.end);
        match file_date(span) {
            Some(v) if *v != t.value => out.dates.push((span, Some(v.clone()))),
            None if this_article => out.dates.push((span, None)),
            _ => {}
        }
    }
    out.dates.extend(dates.iter().filter(|(span, _)| !ann.timeline.iter().any(|t| (t.start, t.end) == *span)).map(|(span, v)| (*span, Some(v.clone()))));
    Ok((out, applied))
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotator_core::{annotate, EntityType, Options};

    const T: &str = "Tổng thống Ilham Aliyev tới Baku. Ông Aliyev nói với AzTV.";

    #[test]
    fn an_export_opens_again_with_its_article_and_corrections() {
        let ann = annotate(T, &Options::default()).unwrap();
        let article = Saved { name: "baku.txt".into(), text: T.into(), lang: "vi".into(), date: "2020-10-04".into() };
        let corrections = Corrections { retyped: vec![("Baku".into(), EntityType::Location, EntityType::Organization)], removed: vec![(38, 44)], added: vec![(53, 57, EntityType::Organization)], dates: vec![((0, 4), Some("2020".into()))], ..Default::default() };
        let json = project_json(&ann, &article, &corrections);
        // Still the annotation of SPEC.md for any other reader.
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(v["entities"].is_array() && v["timeline"].is_array() && v["language"] == "vi");
        assert_eq!(read_project("baku.annotation.json", &json), Ok((article, corrections)));
        // With a byte-order mark, as some editors save it.
        assert!(read_project("x.json", &format!("\u{feff}{json}")).is_ok());
    }

    #[test]
    fn a_web_annotation_export_puts_its_marks_back_on_the_article() {
        let ann = annotate(T, &Options::default()).unwrap();
        // The reader's corrections, exported as Web Annotation...
        let aztv = T.find("AzTV").map(|b| T[..b].chars().count()).unwrap();
        let baku = ann.entities.iter().find(|e| e.name == "Baku").unwrap().mentions[0].clone();
        let c = Corrections { added: vec![(aztv, aztv + 4, EntityType::Organization)], removed: vec![(baku.start, baku.end)], ..Default::default() };
        let corrected = crate::render::corrections::apply(T, &ann, &c);
        let file = crate::render::export::web_annotations(T, &corrected, "baku.txt");
        assert!(is_web_annotation(&file));
        // ...opened on the same article, gives it the same marks.
        let (back, applied) = from_web_annotations("baku.jsonld", &file, T, &ann).unwrap();
        assert_eq!((applied.lost, applied.skipped), (0, corrected.casualties.len()));
        assert_eq!(crate::render::corrections::apply(T, &ann, &back).entities, corrected.entities);
        // On the article edited (a sentence added before), the marks find their words again.
        let edited = format!("Tin mới. {T}");
        let ann2 = annotate(&edited, &Options::default()).unwrap();
        let (back, applied) = from_web_annotations("baku.jsonld", &file, &edited, &ann2).unwrap();
        assert_eq!(applied.lost, 0);
        let fixed = crate::render::corrections::apply(&edited, &ann2, &back);
        assert!(fixed.entities.iter().any(|e| e.kind == EntityType::Organization && e.name == "AzTV"));
        assert!(!fixed.entities.iter().any(|e| e.name == "Baku"));
        // On another article: a message, nothing applied.
        assert!(from_web_annotations("baku.jsonld", &file, "Lũ lớn ở Huế.", &annotate("Lũ lớn ở Huế.", &Options::default()).unwrap()).unwrap_err().contains("none of its marks"));
        assert!(from_web_annotations("x.jsonld", "{oops", T, &ann).is_err());
        // A date that is no date is left as read, and counted so; a stated position far past
        // the text's end is no panic.
        let odd = r#"{"items": [
            {"body": [{"value": "date: 2024-13-45"}], "target": {"selector": [{"exact": "Baku", "prefix": "", "suffix": ""}]}},
            {"body": [{"value": "person: Aliyev"}], "target": {"selector": [{"start": 18446744073709551615}, {"exact": "Aliyev", "prefix": "Ông ", "suffix": ""}]}}
        ]}"#;
        let (_, applied) = from_web_annotations("odd.jsonld", odd, T, &ann).unwrap();
        assert_eq!(applied, Applied { placed: 1, lost: 0, skipped: 1 });
        assert!(!is_web_annotation(&project_json(&ann, &Saved { name: "a".into(), text: T.into(), lang: "vi".into(), date: String::new() }, &Corrections::default())));
    }

    #[test]
    fn other_json_gets_a_message_saying_what_opens() {
        let spec_only = serde_json::to_string(&annotate(T, &Options::default()).unwrap()).unwrap();
        assert!(read_project("cli.json", &spec_only).unwrap_err().contains("holds no article text"));
        assert!(read_project("w.jsonld", r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "items": []}"#).unwrap_err().contains("Web Annotation"));
        assert!(read_project("bad.json", "{not json").unwrap_err().starts_with("bad.json is not valid JSON"));
        assert!(read_project("a.json", r#"{"article": {"name": "a", "text": "  ", "lang": "auto", "date": ""}}"#).unwrap_err().contains("no text"));
        assert!(read_project("a.json", r#"{"article": {"text": 3}}"#).unwrap_err().contains("cannot be read"));
        assert!(read_project("a.json", "[1, 2]").is_err());
        assert!(is_json("A.JSON") && is_json("x.annotations.jsonld") && !is_json("a.txt"));
    }
}
