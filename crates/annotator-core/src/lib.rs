//! Article Annotator's extraction engine.
//!
//! Takes a news article (Vietnamese or English) and returns its [`Annotation`]: the named
//! entities with every mention, casualty figures, and a timeline of dated events, with
//! offsets in Unicode code points of the text as given (see SPEC.md). Pure Rust with no web
//! dependency: the CLI and the WebAssembly app both call [`annotate`].
//!
//! The pipeline, one folder a stage:
//! - [`text`]: text becomes spans (NFC normalisation with an offset map, tokens, sentences,
//!   language, page noise);
//! - [`numbers`]: numerals in digits and words, and vague quantities;
//! - [`entities`]: spans become people, places, organizations and weapons;
//! - [`timeline`]: date expressions become calendar values;
//! - [`casualties`]: figures become killed/wounded/... items.

pub mod casualties;
pub mod entities;
pub mod error;
pub mod model;
pub mod numbers;
pub mod text;
pub mod timeline;

pub use error::Error;
pub use model::{Annotation, Casualty, CasualtyKind, Entity, EntityType, Group, Span, TimelineItem};
pub use text::language::Language;
pub use timeline::date::Date;

/// What the caller knows about the article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Forces the language; `None` detects it.
    pub language: Option<Language>,
    /// Publication date: relative and year-less dates resolve against it.
    pub date: Option<Date>,
}

impl Options {
    /// Builds options from the strings a user types: language `vi`, `en`, `auto` or empty;
    /// date `YYYY-MM-DD` (or a timestamp that starts so, see [`Date::parse_publication`]) or
    /// empty.
    pub fn parse(language: Option<&str>, date: Option<&str>) -> Result<Options, Error> {
        let language = match language.map(str::trim) {
            None | Some("") | Some("auto") => None,
            Some(l) => Some(Language::from_code(l).ok_or_else(|| Error::InvalidLanguage(l.to_string()))?),
        };
        let date = match date.map(str::trim) {
            None | Some("") => None,
            Some(d) => Some(Date::parse_publication(d).ok_or_else(|| Error::InvalidDate(d.to_string()))?),
        };
        Ok(Options { language, date })
    }
}

/// Whether `text` is a binary file read as text: a NUL, or more than one character in ten
/// (in the first 64 KiB) a control character other than tab and line breaks.
pub fn looks_binary(text: &str) -> bool {
    let sample = &text[..text::floor_char_boundary(text, 65_536)];
    let (mut control, mut total) = (0usize, 0usize);
    for c in sample.chars() {
        if c == '\0' {
            return true;
        }
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            control += 1;
        }
    }
    control * 10 > total
}

/// Annotates one article.
///
/// Fails only on text with nothing to annotate ([`Error::EmptyText`]) or on a binary file
/// ([`Error::BinaryText`]); any other input, however odd, gives an annotation.
pub fn annotate(text: &str, options: &Options) -> Result<Annotation, Error> {
    if text.trim().is_empty() {
        return Err(Error::EmptyText);
    }
    if looks_binary(text) {
        return Err(Error::BinaryText);
    }
    let doc = text::Document::new(text, options.language);
    let entities = entities::extract(&doc);
    let dates = timeline::expressions(&doc);
    let reference = timeline::reference::reference_date(&doc, &dates, options.date);
    let timeline = timeline::resolve(&doc, &dates, reference);
    let casualties = casualties::extract(&doc, &entities, &timeline, reference);
    Ok(Annotation {
        language: doc.language,
        reference_date: reference.map(Date::iso),
        entities: entities.iter().map(|e| e.to_model(&doc)).collect(),
        casualties: casualties.iter().map(|c| c.to_model(&doc)).collect(),
        timeline: timeline.iter().map(|t| t.to_model(&doc)).collect(),
        noise: doc.noise.iter().map(|r| doc.span(r)).collect(),
    })
}
