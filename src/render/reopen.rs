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

use annotator_core::Annotation;
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
        return Err(format!("{name} is a Web Annotation file: it holds the marks but not the article's text. Open the article itself (.txt or .html), or this page's JSON (annotation) export, which carries the text."));
    }
    let Some(article) = p.article else {
        return Err(format!("{name} holds no article text: this page opens its own JSON (annotation) export, which carries the text, and .txt or .html articles."));
    };
    if article.text.trim().is_empty() {
        return Err(format!("{name} holds no text to annotate"));
    }
    Ok((article, p.corrections))
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
