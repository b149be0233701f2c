//! What the user can take away: the annotation as SPEC.md JSON, casualties and the timeline
//! as CSV, and W3C Web Annotation JSON-LD (TextPositionSelector offsets count code points, as
//! the annotation does; TextQuoteSelector carries 32 characters of context either side).

use annotator_core::Annotation;
use serde::Serialize;

/// What an article's exports are named: an opened file's own name without its extension, or,
/// for pasted text, its headline as a file name ("Lũ quét ở Lào Cai, 3 người chết" ->
/// "lu-quet-o-lao-cai-3-nguoi-chet"), ASCII, at most [`STEM_CHARS`] characters; "article" when
/// the headline has no letter or digit.
pub fn export_stem(name: &str, text: &str) -> String {
    if name != PASTED_NAME {
        return name.rsplit_once('.').map(|(b, _)| b.to_string()).filter(|b| !b.is_empty()).unwrap_or_else(|| name.to_string());
    }
    let headline = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let mut slug = String::new();
    for c in crate::render::summary::plain(headline).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= STEM_CHARS {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { "article".to_string() } else { slug.to_string() }
}

/// The name the page gives pasted text (see `components::input`).
pub const PASTED_NAME: &str = "pasted-article.txt";
const STEM_CHARS: usize = 60;

/// CSV for a spreadsheet: with a UTF-8 byte-order mark, without which Excel reads the file in
/// the system's code page and garbles Vietnamese.
pub fn with_bom(csv: &str) -> String {
    format!("\u{feff}{csv}")
}

/// The annotation as pretty JSON (the CLI's format).
pub fn to_json(ann: &Annotation) -> String {
    serde_json::to_string_pretty(ann).unwrap_or_default()
}

/// A CSV field: quoted when it holds a comma, quote or line break; quotes doubled. A field that
/// a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn row(fields: &[String]) -> String {
    fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(",")
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

pub fn casualties_csv(ann: &Annotation) -> String {
    let mut out = row(&["kind", "min", "max", "group", "party", "location", "source", "date", "start", "end", "text"].map(String::from)) + "\n";
    for c in &ann.casualties {
        out += &row(&[c.kind.as_str().into(), opt(&c.min), opt(&c.max), c.group.as_str().into(), opt(&c.party), opt(&c.location), opt(&c.source), opt(&c.date), c.start.to_string(), c.end.to_string(), c.text.clone()]);
        out.push('\n');
    }
    out
}

pub fn timeline_csv(ann: &Annotation) -> String {
    let mut out = row(&["value", "start", "end", "text", "event"].map(String::from)) + "\n";
    for i in crate::render::summary::timeline_order(ann) {
        let t = &ann.timeline[i];
        out += &row(&[t.value.clone(), t.start.to_string(), t.end.to_string(), t.text.clone(), t.event.text.clone()]);
        out.push('\n');
    }
    out
}

/// A Web Annotation selector: where the annotated words are, by position and by quote.
#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector {
    TextPositionSelector { start: usize, end: usize },
    TextQuoteSelector { exact: String, prefix: String, suffix: String },
}

#[derive(Serialize)]
struct Body {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    selector: [Selector; 2],
}

#[derive(Serialize)]
struct Item<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    body: [Body; 1],
    target: Target<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'static str,
    total: usize,
    first: Page<'a>,
}

/// W3C Web Annotation JSON-LD, as pretty JSON: one annotation per entity mention, date and
/// casualty figure. `source` names the annotated text (a URL or a file name). (Typed structs,
/// not a tree of JSON values: the page ships no JSON value type.)
pub fn web_annotations(text: &str, ann: &Annotation, source: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let quote = |s: usize, e: usize| {
        let s = s.min(chars.len());
        let e = e.clamp(s, chars.len());
        Selector::TextQuoteSelector {
            exact: chars[s..e].iter().collect(),
            prefix: chars[s.saturating_sub(32)..s].iter().collect(),
            suffix: chars[e..(e + 32).min(chars.len())].iter().collect(),
        }
    };
    let mut items = Vec::new();
    let mut item = |s: usize, e: usize, purpose: &'static str, value: String| {
        let n = items.len();
        items.push(Item {
            id: format!("#a{n}"),
            kind: "Annotation",
            motivation: "tagging",
            body: [Body { kind: "TextualBody", purpose, value }],
            target: Target { source, selector: [Selector::TextPositionSelector { start: s, end: e }, quote(s, e)] },
        });
    };
    for e in &ann.entities {
        for m in &e.mentions {
            item(m.start, m.end, "tagging", format!("{}: {}", e.kind.as_str(), e.name));
        }
    }
    for t in &ann.timeline {
        item(t.start, t.end, "describing", format!("date: {}", t.value));
    }
    for c in &ann.casualties {
        item(c.start, c.end, "describing", format!("casualties: {} {}", crate::render::summary::figure(c), c.kind.as_str()));
    }
    let doc = Collection { context: "http://www.w3.org/ns/anno.jsonld", kind: "AnnotationCollection", label: "Article Annotator", total: items.len(), first: Page { kind: "AnnotationPage", items } };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotator_core::{annotate, Options};

    const TEXT: &str = "😀 Theo Reuters, ít nhất 4 người đã thiệt mạng ở Ganja ngày 4-10-2020, \"hàng chục\" người khác, =SUM(A1).";

    #[test]
    fn exports_are_named_after_the_file_or_the_headline() {
        assert_eq!(export_stem("report.html", "x"), "report");
        assert_eq!(export_stem(PASTED_NAME, "\n  Lũ quét ở Lào Cai, 3 người chết\nBody"), "lu-quet-o-lao-cai-3-nguoi-chet");
        assert_eq!(export_stem(PASTED_NAME, "Đà Nẵng: “bão số 9”!"), "da-nang-bao-so-9");
        assert_eq!(export_stem(PASTED_NAME, "★ ☆ ★"), "article");
        assert!(export_stem(PASTED_NAME, &"word ".repeat(40)).len() <= STEM_CHARS);
        assert!(with_bom("a,b").starts_with('\u{feff}'));
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        let ann = annotate(TEXT, &Options::default()).unwrap();
        let csv = casualties_csv(&ann);
        assert!(csv.starts_with("kind,min,max,group"));
        assert!(csv.lines().nth(1).unwrap().starts_with("killed,4,,"));
        assert_eq!(timeline_csv(&ann).lines().count(), 1 + ann.timeline.len());
    }

    #[test]
    fn web_annotation_offsets_count_code_points() {
        let ann = annotate(TEXT, &Options::default()).unwrap();
        let v: serde_json::Value = serde_json::from_str(&web_annotations(TEXT, &ann, "seed.txt")).unwrap();
        assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(v["total"], v["first"]["items"].as_array().unwrap().len());
        let items = v["first"]["items"].as_array().unwrap();
        assert!(!items.is_empty());
        let chars: Vec<char> = TEXT.chars().collect();
        for it in items {
            let sel = &it["target"]["selector"];
            let (s, e) = (sel[0]["start"].as_u64().unwrap() as usize, sel[0]["end"].as_u64().unwrap() as usize);
            assert_eq!(sel[0]["type"], "TextPositionSelector");
            assert_eq!(sel[1]["type"], "TextQuoteSelector");
            assert_eq!(it["body"][0]["type"], "TextualBody");
            assert_eq!(sel[1]["exact"].as_str().unwrap(), chars[s..e].iter().collect::<String>());
        }
        let json: serde_json::Value = serde_json::from_str(&to_json(&ann)).unwrap();
        assert_eq!(json["language"], "vi");
    }
}
