//! Offset arithmetic. Inside the engine, spans are byte ranges of the normalised text (what
//! Rust's string slicing needs). The annotation counts Unicode code points of the text as
//! given (SPEC.md), and the DOM counts UTF-16 code units. These maps convert between them.

/// Byte offset → code-point offset for one string, in O(1) per lookup after an O(n) build.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `char_at_byte[b]` is the code-point index of the character that starts at or contains
    /// byte `b`; one extra entry for `len` so the end of the text maps too.
    char_at_byte: Vec<u32>,
}

impl CharIndex {
    pub fn new(s: &str) -> Self {
        let mut char_at_byte = Vec::with_capacity(s.len() + 1);
        for (i, c) in s.chars().enumerate() {
            for _ in 0..c.len_utf8() {
                char_at_byte.push(i as u32);
            }
        }
        let total = s.chars().count() as u32;
        char_at_byte.push(total);
        CharIndex { char_at_byte }
    }

    /// The code-point offset of byte offset `b` (clamped to the text).
    pub fn char_of(&self, b: usize) -> usize {
        self.char_at_byte[b.min(self.char_at_byte.len() - 1)] as usize
    }
}

/// Code-point offset ↔ UTF-16 code-unit offset, for handing spans to JavaScript.
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// `utf16_of_char[i]` = UTF-16 offset of code point `i`; one extra entry for the end.
    utf16_of_char: Vec<u32>,
}

impl Utf16Map {
    pub fn new(s: &str) -> Self {
        let mut utf16_of_char = Vec::with_capacity(s.len() + 1);
        let mut u = 0u32;
        for c in s.chars() {
            utf16_of_char.push(u);
            u += c.len_utf16() as u32;
        }
        utf16_of_char.push(u);
        Utf16Map { utf16_of_char }
    }

    /// UTF-16 offset of code-point offset `i` (clamped to the end of the text).
    pub fn to_utf16(&self, i: usize) -> usize {
        self.utf16_of_char[i.min(self.utf16_of_char.len() - 1)] as usize
    }

    /// Code-point offset of UTF-16 offset `u`; an offset inside a surrogate pair maps to the
    /// code point that pair encodes.
    pub fn to_char(&self, u: usize) -> usize {
        match self.utf16_of_char.binary_search(&(u as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }
}

/// Byte offset of code-point offset `i` in `s` (the end of `s` if `i` is past it).
pub fn byte_of_char(s: &str, i: usize) -> usize {
    s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len())
}

/// The substring of `s` between code-point offsets `start` and `end`.
pub fn slice_chars(s: &str, start: usize, end: usize) -> &str {
    let b = byte_of_char(s, start);
    let e = b + byte_of_char(&s[b..], end.saturating_sub(start));
    &s[b..e]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_code_points() {
        let s = "aệ😀b";
        let ci = CharIndex::new(s);
        assert_eq!(ci.char_of(0), 0);
        assert_eq!(ci.char_of(1), 1);
        assert_eq!(ci.char_of(4), 2);
        assert_eq!(ci.char_of(8), 3);
        assert_eq!(ci.char_of(s.len()), 4);
    }

    #[test]
    fn utf16_map_handles_astral() {
        let s = "a😀b";
        let m = Utf16Map::new(s);
        assert_eq!(m.to_utf16(0), 0);
        assert_eq!(m.to_utf16(1), 1);
        assert_eq!(m.to_utf16(2), 3);
        assert_eq!(m.to_utf16(3), 4);
        assert_eq!(m.to_char(3), 2);
        assert_eq!(m.to_char(2), 1);
    }

    #[test]
    fn slicing_by_chars() {
        assert_eq!(slice_chars("Việt Nam", 5, 8), "Nam");
        assert_eq!(slice_chars("Việt Nam", 0, 4), "Việt");
        assert_eq!(slice_chars("abc", 2, 10), "c");
    }
}
