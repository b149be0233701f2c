//! Offset arithmetic. Inside the engine, spans are byte ranges of the normalised text (what
//! Rust's string slicing needs). The annotation counts Unicode code points of the text as
//! given (SPEC.md), and the DOM counts UTF-16 code units. These maps convert between them.

/// Byte offset → code-point offset for one string: the count of code points before every
/// 64th byte, and a count of at most 63 bytes from there per lookup (a table per byte would
/// take four bytes of memory per byte of text; lookups are few, two per span).
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `before[k]`: code points that start before byte `k * STRIDE`.
    before: Vec<u32>,
}

const STRIDE: usize = 64;

/// Whether a byte starts a code point (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

impl CharIndex {
    pub fn new(s: &str) -> Self {
        let mut before = Vec::with_capacity(s.len() / STRIDE + 1);
        let mut n = 0u32;
        for chunk in s.as_bytes().chunks(STRIDE) {
            before.push(n);
            n += chunk.iter().filter(|&&b| starts_char(b)).count() as u32;
        }
        before.push(n);
        CharIndex { before }
    }

    /// The code-point offset of byte offset `b` of `s` (the string the index was built on):
    /// the index of the character that starts at or contains `b`, the count of characters
    /// for `b` at or past the end.
    pub fn char_of(&self, s: &str, b: usize) -> usize {
        let bytes = s.as_bytes();
        let b = b.min(bytes.len());
        let k = b / STRIDE;
        let counted = bytes[k * STRIDE..b].iter().filter(|&&x| starts_char(x)).count();
        // Inside a character: the one that contains `b`, whose first byte was counted.
        let inside = b < bytes.len() && !starts_char(bytes[b]);
        self.before[k] as usize + counted - usize::from(inside)
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
        assert_eq!(ci.char_of(s, 0), 0);
        assert_eq!(ci.char_of(s, 1), 1);
        assert_eq!(ci.char_of(s, 2), 1, "inside ệ");
        assert_eq!(ci.char_of(s, 4), 2);
        assert_eq!(ci.char_of(s, 8), 3);
        assert_eq!(ci.char_of(s, s.len()), 4);
        assert_eq!(ci.char_of(s, 99), 4);
        // Across many strides, at every byte, against a count from the start.
        let long = "Việt Nam 😀 ".repeat(40);
        let ci = CharIndex::new(&long);
        for b in 0..=long.len() {
            let starting_before = long.char_indices().filter(|&(i, _)| i < b).count();
            let want = starting_before - usize::from(!long.is_char_boundary(b));
            assert_eq!(ci.char_of(&long, b), want, "byte {b}");
        }
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
