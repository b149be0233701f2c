//! Unicode NFC normalisation that remembers where every character came from.
//!
//! Articles arrive in NFC, NFD or a mix (Vietnamese typed on some keyboards is decomposed).
//! The engine matches on NFC, but the annotation must point into the text *as given*, so the
//! normalised text keeps, for every one of its characters, the range of original characters
//! it was produced from.
//!
//! Normalisation is done chunk by chunk, a chunk being a "stable" starter (canonical combining
//! class 0 and NFC quick-check Yes) with everything up to the next one. Nothing composes across
//! such a boundary, so normalising chunks one at a time gives the same result as normalising
//! the whole text, and a chunk is the smallest unit an offset can be mapped back to.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Text in NFC together with the way back to the original's code-point offsets.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The NFC text the engine works on.
    pub text: String,
    /// For each code point of `text`: the original code-point range `[start, end)` of the
    /// chunk it came from; `None` when the original was already NFC (the identity map).
    origin: Option<Vec<(u32, u32)>>,
    /// Number of code points in the original text.
    original_len: usize,
}

fn is_stable_boundary(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

impl Normalized {
    /// Normalises `original` to NFC, recording the origin of each resulting code point.
    pub fn new(original: &str) -> Self {
        // Most articles are already NFC: then offsets need no map at all.
        if is_nfc_quick(original.chars()) == IsNormalized::Yes {
            let n = original.chars().count();
            return Normalized { text: original.to_string(), origin: None, original_len: n };
        }
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut chunk = String::new();
        let mut chunk_start = 0usize;
        let mut n = 0usize;
        for c in original.chars() {
            if is_stable_boundary(c) && !chunk.is_empty() {
                flush(&mut text, &mut origin, &chunk, chunk_start, n);
                chunk.clear();
                chunk_start = n;
            }
            chunk.push(c);
            n += 1;
        }
        if !chunk.is_empty() {
            flush(&mut text, &mut origin, &chunk, chunk_start, n);
        }
        Normalized { text, origin: Some(origin), original_len: n }
    }

    /// Number of code points in the normalised text.
    /// Whether the text was already NFC (and is kept as it was).
    pub fn is_identity(&self) -> bool {
        self.origin.is_none()
    }

    pub fn len_chars(&self) -> usize {
        self.origin.as_ref().map_or(self.original_len, Vec::len)
    }

    /// Maps a code-point range of the normalised text to a code-point range of the original.
    /// An empty range maps to an empty range at the corresponding position.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let Some(origin) = &self.origin else {
            let start = start.min(self.original_len);
            return (start, end.clamp(start, self.original_len));
        };
        let start = start.min(origin.len());
        let end = end.clamp(start, origin.len());
        let s = if start < origin.len() { origin[start].0 as usize } else { self.original_len };
        if end == start {
            return (s, s);
        }
        let e = origin[end - 1].1 as usize;
        (s, e.max(s))
    }
}

fn flush(text: &mut String, origin: &mut Vec<(u32, u32)>, chunk: &str, start: usize, end: usize) {
    for c in chunk.nfc() {
        text.push(c);
        origin.push((start as u32, end as u32));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_input_maps_to_itself() {
        let s = "Hòa Bình, Việt Nam";
        let n = Normalized::new(s);
        assert_eq!(n.text, s);
        assert_eq!(n.to_original(0, 3), (0, 3));
        assert_eq!(n.to_original(10, 18), (10, 18));
    }

    #[test]
    fn nfd_vietnamese_maps_back_to_decomposed_range() {
        // "Việt" decomposed: V i e U+0323 U+0302 t  (6 code points) -> NFC "Việt" (4)
        let nfd: String = "Việt Nam".nfd().collect();
        let n = Normalized::new(&nfd);
        assert_eq!(n.text, "Việt Nam");
        let (s, e) = n.to_original(0, 4);
        assert_eq!((s, e), (0, nfd.chars().count() - 4));
        let slice: String = nfd.chars().skip(s).take(e - s).collect();
        assert_eq!(slice.nfc().collect::<String>(), "Việt");
        // "Nam" follows
        let (s, e) = n.to_original(5, 8);
        let slice: String = nfd.chars().skip(s).take(e - s).collect();
        assert_eq!(slice, "Nam");
    }

    #[test]
    fn empty_text() {
        let n = Normalized::new("");
        assert_eq!(n.text, "");
        assert_eq!(n.to_original(0, 0), (0, 0));
    }
}
