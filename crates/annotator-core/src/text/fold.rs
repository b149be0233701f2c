//! Matching keys for words: case-insensitive, and blind to where a Vietnamese tone mark sits.
//!
//! Vietnamese has two spellings for the same syllable ("hoà"/"hòa", "Toàn"/"Tòan"): the tone
//! mark goes on one vowel or the next. The key drops the tone marks from the letters and
//! appends the syllable's tone at the end, so both placements give one key. Other diacritics
//! (ă â ê ô ơ ư đ) stay: they make different letters.

use unicode_normalization::UnicodeNormalization;

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// The matching key of one word (or a phrase: each word keyed in place).
pub fn key(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len() + 2);
    let mut tone: Option<char> = None;
    let mut base = String::with_capacity(word.len());
    let flush = |base: &mut String, tone: &mut Option<char>, out: &mut String| {
        out.extend(base.nfc());
        if let Some(t) = tone.take() {
            out.push(t);
        }
        base.clear();
    };
    for c in word.nfd() {
        if TONES.contains(&c) {
            tone = Some(c);
        } else if c.is_whitespace() {
            flush(&mut base, &mut tone, &mut out);
            out.push(' ');
        } else {
            base.extend(c.to_lowercase());
        }
    }
    flush(&mut base, &mut tone, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_placement_and_case_do_not_matter() {
        assert_eq!(key("hoà"), key("hòa"));
        assert_eq!(key("Nguyễn Đức Toàn"), key("nguyễn đức tòan"));
        assert_ne!(key("Đông"), key("Dong"));
        assert_ne!(key("Hà"), key("Há"));
        assert_eq!(key("Azerbaijan"), "azerbaijan");
    }
}
