//! Tokenisation: the text's words, numbers and punctuation as byte ranges.
//!
//! A word is a run of letters and digits that starts with a letter and may hold inner
//! connectors when a letter or digit follows them: "Nagorno-Karabakh", "S-300", "ANTD.VN",
//! "O'Brien", "TP.Kandahar". A number starts with a digit and may hold inner `.,:/-` before
//! another digit: "1.234", "2,5", "4-10-2020", "0:00". Everything else that is not white space
//! is a one-character punctuation token.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.range.clone()]
    }
}

fn is_word_char(c: char) -> bool {
    // No ASCII character is a combining mark: the table is looked up for the others only.
    c.is_alphanumeric() || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c))
}

/// Splits `text` into tokens, in order, never overlapping.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_alphabetic() {
            TokenKind::Word
        } else if c.is_numeric() {
            TokenKind::Number
        } else {
            out.push(Token { range: b..b + c.len_utf8(), kind: TokenKind::Punct });
            continue;
        };
        let mut end = b + c.len_utf8();
        let (mut last, mut accented) = (c, !c.is_ascii());
        loop {
            let Some(&(nb, nc)) = it.peek() else { break };
            if is_word_char(nc) {
                if kind == TokenKind::Number && nc.is_alphabetic() {
                    break; // "300km": the unit is its own token
                }
                // "Minh PhươngTheo Reuters": a byline glued to the credit line when the page's
                // text was extracted. A Vietnamese syllable (a word with a letter beyond ASCII)
                // never goes on with a capital after a lower-case letter; "McDonald", "YouTube"
                // (ASCII) do, and stay one word.
                if nc.is_uppercase() && last.is_lowercase() && accented {
                    break;
                }
                last = nc;
                accented |= !nc.is_ascii();
                end = nb + nc.len_utf8();
                it.next();
                continue;
            }
            let connector = match kind {
                TokenKind::Word => matches!(nc, '-' | '.' | '\'' | '’' | '&'),
                _ => matches!(nc, '.' | ',' | ':' | '/' | '-'),
            };
            if !connector {
                break;
            }
            let after = text[nb + nc.len_utf8()..].chars().next();
            let joins = match (kind, after) {
                // "Hebdo's": the possessive is not part of the word.
                (TokenKind::Word, Some(a)) => {
                    is_word_char(a)
                        && !(matches!(nc, '\'' | '’') && is_possessive_s(&text[nb + nc.len_utf8()..]))
                        // "Shanghai-based", "US-led": a name and a lower-case suffix are two words.
                        && !(nc == '-' && a.is_lowercase() && text[b..].starts_with(char::is_uppercase))
                }
                (TokenKind::Number, Some(a)) => a.is_ascii_digit(),
                _ => false,
            };
            if !joins {
                break;
            }
            it.next();
            end = nb + nc.len_utf8();
            (last, accented) = (nc, false);
        }
        out.push(Token { range: b..end, kind });
    }
    out
}

fn is_possessive_s(rest: &str) -> bool {
    let mut cs = rest.chars();
    cs.next() == Some('s') && !cs.next().is_some_and(is_word_char)
}

/// Whether a word starts with an upper-case letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| k.text(t)).collect()
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(toks("ANTD.VN - Bộ Quốc phòng"), vec!["ANTD.VN", "-", "Bộ", "Quốc", "phòng"]);
        assert_eq!(toks("ngày 4-10-2020, 1.234 người"), vec!["ngày", "4-10-2020", ",", "1.234", "người"]);
        assert_eq!(toks("S-300 và Nagorno-Karabakh."), vec!["S-300", "và", "Nagorno-Karabakh", "."]);
        assert_eq!(toks("300km 4-5m3"), vec!["300", "km", "4-5", "m3"]);
        assert_eq!(toks("“Azerbaijan”"), vec!["“", "Azerbaijan", "”"]);
        assert_eq!(toks("Shanghai-based, al-Qaeda, twenty-one"), vec!["Shanghai", "-", "based", ",", "al-Qaeda", ",", "twenty-one"]);
        assert_eq!(toks("Charlie Hebdo's offices, O'Brien"), vec!["Charlie", "Hebdo", "'", "s", "offices", ",", "O'Brien"]);
        assert_eq!(toks("Lan PhươngTheo AFP, McDonald, YouTube, Huế-Đà Nẵng"), vec!["Lan", "Phương", "Theo", "AFP", ",", "McDonald", ",", "YouTube", ",", "Huế-Đà", "Nẵng"]);
    }
}
