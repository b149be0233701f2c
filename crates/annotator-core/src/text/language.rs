//! Language detection between Vietnamese and English.
//!
//! Vietnamese is written in Latin letters with many diacritics that English never uses
//! (ă â đ ê ô ơ ư and five tone marks), so the share of such letters separates the two
//! reliably even for a headline; frequent function words break ties on unaccented text.

use serde::{Deserialize, Serialize};

/// A language the engine annotates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Vi,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
        }
    }

    /// Parses "vi" or "en" (case-insensitive).
    pub fn from_code(s: &str) -> Option<Language> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Language::Vi),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

fn is_vietnamese_letter(c: char) -> bool {
    matches!(c, 'đ' | 'Đ' | 'ă' | 'Ă' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'â' | 'Â' | 'ê' | 'Ê' | 'ô' | 'Ô'
        | 'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị'
        | 'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ'
        | 'À' | 'Á' | 'Ả' | 'Ã' | 'Ạ' | 'È' | 'É' | 'Ẻ' | 'Ẽ' | 'Ẹ' | 'Ì' | 'Í' | 'Ỉ' | 'Ĩ' | 'Ị'
        | 'Ò' | 'Ó' | 'Ỏ' | 'Õ' | 'Ọ' | 'Ù' | 'Ú' | 'Ủ' | 'Ũ' | 'Ụ' | 'Ỳ' | 'Ý' | 'Ỷ' | 'Ỹ' | 'Ỵ')
        || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

const VI_WORDS: &[&str] = &["của", "và", "là", "các", "những", "người", "trong", "được", "cho", "với", "không", "đã", "này", "một"];
const EN_WORDS: &[&str] = &["the", "and", "of", "to", "in", "was", "is", "that", "for", "on", "with", "were", "has", "by"];

/// The script most of `text`'s letters are written in when it is not the Latin alphabet
/// ("Arabic", "Chinese or Japanese"): the engine reads Vietnamese and English only, and a
/// page says so instead of showing an article with nothing found. `None` for Latin text
/// (and for text with few letters). The first 64 KiB decide.
pub fn unsupported_script(text: &str) -> Option<&'static str> {
    let sample = &text[..crate::text::floor_char_boundary(text, 65_536)];
    let mut counts = [0usize; SCRIPTS.len() + 1];
    let (mut letters, mut latin) = (0usize, 0usize);
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if (c as u32) < 0x0250 || ('\u{1E00}'..='\u{1EFF}').contains(&c) {
            latin += 1;
            continue;
        }
        let k = SCRIPTS.iter().position(|(_, ranges)| ranges.iter().any(|r| r.contains(&c))).unwrap_or(SCRIPTS.len());
        counts[k] += 1;
    }
    if letters < 20 || latin * 2 >= letters {
        return None;
    }
    let (k, _) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    Some(SCRIPTS.get(k).map_or("another script", |(name, _)| name))
}

/// Scripts a reader may paste, by Unicode block.
const SCRIPTS: &[(&str, &[std::ops::RangeInclusive<char>])] = &[
    ("Arabic", &['\u{0600}'..='\u{06FF}', '\u{0750}'..='\u{077F}', '\u{FB50}'..='\u{FDFF}', '\u{FE70}'..='\u{FEFF}']),
    ("Hebrew", &['\u{0590}'..='\u{05FF}']),
    ("Cyrillic", &['\u{0400}'..='\u{04FF}']),
    ("Greek", &['\u{0370}'..='\u{03FF}']),
    ("Chinese or Japanese", &['\u{3040}'..='\u{30FF}', '\u{3400}'..='\u{4DBF}', '\u{4E00}'..='\u{9FFF}']),
    ("Korean", &['\u{1100}'..='\u{11FF}', '\u{AC00}'..='\u{D7AF}']),
    ("Thai", &['\u{0E00}'..='\u{0E7F}']),
    ("Khmer", &['\u{1780}'..='\u{17FF}']),
    ("Lao", &['\u{0E80}'..='\u{0EFF}']),
    ("Devanagari", &['\u{0900}'..='\u{097F}']),
];

/// Detects the language of `text` (NFC). Text with no letters at all is taken as Vietnamese,
/// the product's first language.
pub fn detect(text: &str) -> Language {
    let mut letters = 0usize;
    let mut vi_letters = 0usize;
    let (mut vi_words, mut en_words) = (0usize, 0usize);
    // A sample is enough: the first 64 KiB decide.
    let sample = &text[..crate::text::floor_char_boundary(text, 65_536)];
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        for c in word.chars() {
            letters += 1;
            if is_vietnamese_letter(c) {
                vi_letters += 1;
            }
        }
        let lower = word.to_lowercase();
        if VI_WORDS.contains(&lower.as_str()) {
            vi_words += 1;
        } else if EN_WORDS.contains(&lower.as_str()) {
            en_words += 1;
        }
    }
    if letters == 0 {
        return Language::Vi;
    }
    // About one letter in five carries a Vietnamese diacritic in running Vietnamese; English
    // with the odd borrowed name ("Nguyễn") stays below 8 % and has more English function words.
    let ratio = vi_letters as f64 / letters as f64;
    if ratio > 0.08 || (ratio > 0.005 && vi_words >= en_words) {
        Language::Vi
    } else if en_words > 0 || ratio == 0.0 {
        Language::En
    } else {
        Language::Vi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_the_engine_does_not_read_are_named() {
        assert_eq!(unsupported_script("انفجار في بيروت. قتل ثلاثة أشخاص في انفجار يوم الاثنين"), Some("Arabic"));
        assert_eq!(unsupported_script("東京で地震があり、三人が死亡しました。東京で地震があり、三人が死亡しました。"), Some("Chinese or Japanese"));
        assert_eq!(unsupported_script("Взрыв в Москве: погибли три человека, сообщила полиция"), Some("Cyrillic"));
        assert_eq!(unsupported_script("Ba người thiệt mạng ở Hà Nội hôm thứ hai, công an cho biết"), None);
        assert_eq!(unsupported_script("Three people died in Moscow (Москва) on Monday, police said"), None);
        assert_eq!(unsupported_script("١٢٣ ..."), None, "too few letters to tell");
    }

    #[test]
    fn detects_vietnamese() {
        assert_eq!(detect("Ít nhất 4 người đã thiệt mạng và dự kiến 31 triệu người bị ảnh hưởng do bão."), Language::Vi);
        assert_eq!(detect("Azerbaijan vội yêu cầu đàm phán"), Language::Vi);
    }

    #[test]
    fn detects_english() {
        assert_eq!(detect("At least 106 protesters in 21 cities have been killed, according to Amnesty."), Language::En);
        assert_eq!(detect("Police arrested Nguyễn Văn An in the city of Hanoi on Monday and charged him."), Language::En);
    }

    #[test]
    fn codes_round_trip() {
        assert_eq!(Language::from_code("VI"), Some(Language::Vi));
        assert_eq!(Language::from_code("fr"), None);
        assert_eq!(Language::En.code(), "en");
    }
}
