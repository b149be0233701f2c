//! Where text becomes spans: normalisation, offsets, tokens, sentences, language and noise.
//!
//! Everything downstream works on a [`Document`]: the NFC text with its tokens, sentences and
//! noise as byte ranges, plus the maps that turn those ranges into code-point offsets of the
//! text as the caller gave it.

pub mod fold;
pub mod html;
pub mod language;
pub mod noise;
pub mod normalize;
pub mod offsets;
pub mod sentences;
pub mod tokens;

use std::ops::Range;

use crate::model::Span;
use language::Language;
use normalize::Normalized;
use offsets::CharIndex;
use tokens::Token;

/// The largest char boundary of `s` that is `<= i`.
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A token's matching key: shared by every token of the same word (a document repeats its
/// words, and a count bump costs less than a copy).
pub type Key = std::sync::Arc<str>;

/// An article prepared for the extractors.
#[derive(Debug)]
pub struct Document<'a> {
    original: &'a str,
    /// Byte offset of each code point of the original, plus its length at the end; `None`
    /// when the original is already NFC, so that its bytes are the normalised text's.
    original_bytes: Option<Vec<u32>>,
    normalized: Normalized,
    chars: CharIndex,
    pub tokens: Vec<Token>,
    /// Matching key of each token ([`fold::key`]): case- and tone-placement-blind.
    pub keys: Vec<Key>,
    /// Each token's form (its text as written) as a number: `forms[i] < form_count()`. Words
    /// repeat (a megabyte of news holds some 200,000 tokens and a few thousand forms), so
    /// what depends on a word alone (its lexicon entries, its lower case, its shape) is
    /// worked out once per form or key and looked up by number, as spaCy's lexemes are.
    pub forms: Vec<u32>,
    /// The key of each form, as a number: `key_ids[forms[i]]` is the same for tokens whose
    /// keys are equal, and indexes [`Document::vocab`].
    pub key_ids: Vec<u32>,
    /// The distinct keys, by number.
    pub vocab: Vec<Key>,
    /// A token where each form stands (to read its text).
    form_token: Vec<u32>,
    pub sentences: Vec<Range<usize>>,
    pub noise: Vec<Range<usize>>,
    pub language: Language,
}

impl<'a> Document<'a> {
    /// Prepares `original`; `language` forces the language instead of detecting it.
    pub fn new(original: &'a str, language: Option<Language>) -> Self {
        let normalized = Normalized::new(original);
        let text = normalized.text.as_str();
        let original_bytes = (!normalized.is_identity()).then(|| original.char_indices().map(|(b, _)| b as u32).chain([original.len() as u32]).collect());
        let chars = CharIndex::new(text);
        let tokens = tokens::tokenize(text);
        // Words repeat (Zipf): key each distinct word once.
        let (mut form_of, mut key_of) = (rustc_hash::FxHashMap::<&str, u32>::default(), rustc_hash::FxHashMap::<Key, u32>::default());
        let (mut key_ids, mut vocab, mut form_token) = (Vec::new(), Vec::new(), Vec::new());
        let forms: Vec<u32> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                *form_of.entry(t.text(text)).or_insert_with_key(|w| {
                    let k = fold::key(w);
                    let id = *key_of.entry(Key::from(k.as_str())).or_insert_with_key(|k| {
                        vocab.push(k.clone());
                        (vocab.len() - 1) as u32
                    });
                    key_ids.push(id);
                    form_token.push(i as u32);
                    (key_ids.len() - 1) as u32
                })
            })
            .collect();
        let keys = forms.iter().map(|&f| vocab[key_ids[f as usize] as usize].clone()).collect();
        let sentences = sentences::split_sentences(text);
        let noise = noise::find_noise(text);
        let language = language.unwrap_or_else(|| language::detect(text));
        Document { original, original_bytes, chars, tokens, keys, forms, key_ids, vocab, form_token, sentences, noise, language, normalized }
    }

    /// How many distinct forms the tokens have.
    pub fn form_count(&self) -> usize {
        self.key_ids.len()
    }

    /// The text of form `f`.
    pub fn form_text(&self, f: u32) -> &str {
        self.tokens[self.form_token[f as usize] as usize].text(self.text())
    }

    /// The key number of token `i` (an index into [`Document::vocab`]).
    pub fn key_id(&self, i: usize) -> usize {
        self.key_ids[self.forms[i] as usize] as usize
    }

    /// The NFC text that all internal byte ranges refer to.
    pub fn text(&self) -> &str {
        &self.normalized.text
    }

    /// Whether a byte range of the normalised text touches page noise.
    pub fn in_noise(&self, r: &Range<usize>) -> bool {
        // Noise ranges are sorted and disjoint: the first one ending after `r.start` decides.
        let i = self.noise.partition_point(|n| n.end <= r.start);
        self.noise.get(i).is_some_and(|n| n.start < r.end)
    }

    /// The sentence holding byte `b` (the whole text's line if no sentence does).
    pub fn sentence_at(&self, b: usize) -> Range<usize> {
        let i = self.sentences.partition_point(|s| s.end <= b);
        match self.sentences.get(i) {
            Some(s) if s.start <= b => s.clone(),
            _ => b..b,
        }
    }

    /// Turns a byte range of the normalised text into a [`Span`] of the original text
    /// (code-point offsets, `text` equal to that slice of the original).
    pub fn span(&self, r: &Range<usize>) -> Span {
        let s = self.chars.char_of(self.text(), r.start);
        let e = self.chars.char_of(self.text(), r.end);
        let (os, oe) = self.normalized.to_original(s, e);
        let (bs, be) = match &self.original_bytes {
            Some(bytes) => (bytes[os] as usize, bytes[oe] as usize),
            // The same text: the range's own bytes, moved back to code-point starts.
            None => {
                let bs = floor_char_boundary(self.original, r.start);
                (bs, floor_char_boundary(self.original, r.end).max(bs))
            }
        };
        Span { start: os, end: oe, text: self.original[bs..be].to_string() }
    }

    /// Byte ranges of the text's lines, without their line feeds, in order (empty ones too).
    pub fn lines(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let text = self.text();
        let mut offset = 0;
        text.split('\n').map(move |line| {
            let r = offset..offset + line.len();
            offset = r.end + 1;
            r
        })
    }

    /// Indices of the tokens inside byte range `r`.
    pub fn tokens_in(&self, r: &Range<usize>) -> Range<usize> {
        let a = self.tokens.partition_point(|t| t.range.start < r.start);
        let b = self.tokens.partition_point(|t| t.range.start < r.end);
        a..b
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn spans_point_into_the_original_nfd_text() {
        let nfd: String = "Bộ Quốc phòng Việt Nam".nfd().collect();
        let doc = Document::new(&nfd, None);
        let b = doc.text().find("Việt").unwrap();
        let span = doc.span(&(b..b + "Việt Nam".len()));
        let orig_slice: String = nfd.chars().skip(span.start).take(span.end - span.start).collect();
        assert_eq!(span.text, orig_slice);
        assert_eq!(span.text.nfc().collect::<String>(), "Việt Nam");
        assert_eq!(doc.language, Language::Vi);
    }
}
