//! Numerals: digits with Vietnamese or English separators ("1.234", "2,300", "2,5"), number
//! words in both languages ("hai mươi mốt", "mười lăm", "a dozen", "fifteen"), and vague
//! quantities ("hàng chục", "dozens") as ranges.

/// Parses digits with thousands separators: "1.234" and "1,234" are 1234, "2.300" is 2300;
/// a decimal ("2,5", "1.5") has no integer value here and gives `None`.
pub fn parse_digits(s: &str) -> Option<u64> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Read in place (no vector of groups, no joined string: this runs on every number).
    let grouped = s.contains(['.', ',']);
    let mut v: u64 = 0;
    for (k, g) in s.split(['.', ',']).enumerate() {
        if grouped && if k == 0 { g.len() > 3 } else { g.len() != 3 } {
            return None;
        }
        for d in g.bytes() {
            v = v.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
        }
    }
    Some(v)
}

const VI_UNITS: &[(&str, u64)] = &[
    ("không", 0), ("một", 1), ("mốt", 1), ("hai", 2), ("ba", 3), ("bốn", 4), ("tư", 4), ("năm", 5), ("lăm", 5),
    ("sáu", 6), ("bảy", 7), ("bẩy", 7), ("tám", 8), ("chín", 9), ("mười", 10),
];
const EN_UNITS: &[(&str, u64)] = &[
    ("zero", 0), ("no", 0), ("one", 1), ("a", 1), ("an", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6),
    ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13),
    ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19),
    ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80),
    ("ninety", 90), ("dozen", 12),
];

/// Parses a Vietnamese number written in words, given as its lower-case words:
/// "hai mươi mốt" = 21, "mười lăm" = 15, "một trăm" = 100, "ba nghìn" = 3000.
pub fn parse_vi_words(words: &[&str]) -> Option<u64> {
    // A number starts with a digit word ("hai mươi"), never with a multiplier ("triệu người").
    if !words.first().is_some_and(|w| VI_UNITS.iter().any(|(k, _)| k == w)) {
        return None;
    }
    let mut total = 0u64;
    let mut current = 0u64;
    let mut any = false;
    for w in words {
        match *w {
            "mươi" => current = current.max(1) * 10,
            "trăm" => current = current.max(1) * 100,
            "nghìn" | "ngàn" => {
                total += current.max(1) * 1000;
                current = 0;
            }
            "triệu" => {
                total += current.max(1) * 1_000_000;
                current = 0;
            }
            "linh" | "lẻ" => {}
            w => {
                let v = VI_UNITS.iter().find(|(k, _)| *k == w)?.1;
                current += v;
            }
        }
        any = true;
    }
    any.then_some(total + current)
}

/// Parses an English number in words: "fifteen", "twenty-one", "a dozen", "two hundred".
pub fn parse_en_words(words: &[&str]) -> Option<u64> {
    if !words.first().is_some_and(|w| EN_UNITS.iter().any(|(k, _)| w.split('-').next() == Some(k))) {
        return None;
    }
    let mut total = 0u64;
    let mut current = 0u64;
    let mut any = false;
    for w in words.iter().flat_map(|w| w.split('-')) {
        match w {
            "hundred" => current = current.max(1) * 100,
            "thousand" => {
                total += current.max(1) * 1000;
                current = 0;
            }
            "million" => {
                total += current.max(1) * 1_000_000;
                current = 0;
            }
            "and" => {}
            "dozen" => current = current.max(1) * 12,
            w => current += EN_UNITS.iter().find(|(k, _)| *k == w)?.1,
        }
        any = true;
    }
    any.then_some(total + current)
}

/// Whether a lower-case word can be part of a number in words.
pub fn is_number_word(w: &str) -> bool {
    // Asked of nearly every token by the casualty scan: one hash lookup, not a list walk.
    static WORDS: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            VI_UNITS.iter().map(|(k, _)| *k)
                .chain(EN_UNITS.iter().map(|(k, _)| *k).filter(|k| !matches!(*k, "a" | "an" | "no")))
                .chain(["mươi", "trăm", "nghìn", "ngàn", "triệu", "hundred", "thousand", "million"])
                .collect()
        })
        .contains(w)
}

/// The words a vague quantity opens on (a test holds them to [`vague_range`]'s phrases):
/// other words need not be looked up as one.
pub const VAGUE_OPENERS: &[&str] = &["hàng", "vài", "dozens", "hundreds", "thousands", "tens"];

/// A vague quantity and its range: "hàng chục"/"dozens" 20–99, "hàng trăm"/"hundreds"
/// 200–999, "hàng nghìn"/"thousands" 2000–9999.
pub fn vague_range(phrase: &str) -> Option<(u64, u64)> {
    match phrase.to_lowercase().as_str() {
        "hàng chục" | "dozens" | "dozens of" | "vài chục" => Some((20, 99)),
        "hàng trăm" | "hundreds" | "hundreds of" | "vài trăm" => Some((200, 999)),
        "hàng nghìn" | "hàng ngàn" | "thousands" | "thousands of" | "vài nghìn" => Some((2000, 9999)),
        "hàng chục nghìn" | "hàng chục ngàn" | "tens of thousands" => Some((20_000, 99_999)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_separators() {
        assert_eq!(parse_digits("1.234"), Some(1234));
        assert_eq!(parse_digits("2.300"), Some(2300));
        assert_eq!(parse_digits("1,300"), Some(1300));
        assert_eq!(parse_digits("106"), Some(106));
        assert_eq!(parse_digits("2,5"), None);
        assert_eq!(parse_digits("1.5"), None);
    }

    #[test]
    fn vietnamese_words() {
        assert_eq!(parse_vi_words(&["hai", "mươi", "mốt"]), Some(21));
        assert_eq!(parse_vi_words(&["mười", "lăm"]), Some(15));
        assert_eq!(parse_vi_words(&["một", "trăm"]), Some(100));
        assert_eq!(parse_vi_words(&["ba", "nghìn"]), Some(3000));
        assert_eq!(parse_vi_words(&["hai"]), Some(2));
        assert_eq!(parse_vi_words(&["người"]), None);
        assert_eq!(parse_vi_words(&["triệu"]), None, "a multiplier alone is not a number");
    }

    #[test]
    fn english_words() {
        assert_eq!(parse_en_words(&["fifteen"]), Some(15));
        assert_eq!(parse_en_words(&["twenty-one"]), Some(21));
        assert_eq!(parse_en_words(&["a", "dozen"]), Some(12));
        assert_eq!(parse_en_words(&["two", "hundred"]), Some(200));
    }

    #[test]
    fn vague() {
        assert_eq!(vague_range("hàng chục"), Some((20, 99)));
        assert_eq!(vague_range("Hundreds"), Some((200, 999)));
        assert_eq!(vague_range("some"), None);
        for phrase in ["hàng chục", "dozens of", "vài chục", "hàng trăm", "hundreds", "vài trăm", "hàng nghìn", "hàng ngàn", "thousands of", "vài nghìn", "hàng chục nghìn", "tens of thousands"] {
            assert!(vague_range(phrase).is_some() && VAGUE_OPENERS.contains(&phrase.split(' ').next().unwrap_or("")), "{phrase}");
        }
    }
}
