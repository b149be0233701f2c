//! Find in the article: where a query stands in the text, case, accents and tone marks aside
//! ("ha noi" finds "Hà Nội", as the entities' filter does), as code-point spans of the text.

use crate::render::summary::plain;

/// The article's text folded once for searching, with where each folded byte came from.
pub struct Finder {
    folded: String,
    /// For each byte of `folded`, the code point of the text it folds, and the end of what
    /// it stands for (a combining mark folds to nothing: it goes with the letter before it).
    origin: Vec<u32>,
    end: Vec<u32>,
}

impl Finder {
    pub fn new(text: &str) -> Finder {
        let mut folded = String::with_capacity(text.len());
        let (mut origin, mut end) = (Vec::with_capacity(text.len()), Vec::with_capacity(text.len()));
        let mut buf = [0u8; 4];
        for (i, c) in text.chars().enumerate() {
            if c.is_ascii() {
                folded.push_str(c.to_ascii_lowercase().encode_utf8(&mut buf));
            } else {
                folded.push_str(&plain(c.encode_utf8(&mut buf)));
            }
            let i = i as u32;
            if folded.len() == origin.len() {
                if let Some(last) = end.last_mut() {
                    *last = i + 1;
                }
            }
            origin.resize(folded.len(), i);
            end.resize(folded.len(), i + 1);
        }
        Finder { folded, origin, end }
    }

    /// The spans (code points, end exclusive) where `query` stands, in text order, at most
    /// `limit` of them; none for a query that folds to nothing.
    pub fn find(&self, query: &str, limit: usize) -> Vec<(usize, usize)> {
        let q = plain(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        self.folded
            .match_indices(q.as_str())
            .take(limit)
            .filter_map(|(b, m)| Some((*self.origin.get(b)? as usize, *self.end.get(b + m.len() - 1)? as usize)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_without_case_accents_or_tones() {
        let t = "Tại Hà Nội, ông Đức nói. HÀ NỘI mưa; Hanoi.";
        let f = Finder::new(t);
        let spans = f.find("ha noi", 10);
        let texts: Vec<String> = spans.iter().map(|&(s, e)| t.chars().skip(s).take(e - s).collect()).collect();
        assert_eq!(texts, vec!["Hà Nội", "HÀ NỘI"]);
        assert_eq!(f.find("duc", 10).len(), 1, "đ is d");
        assert_eq!(f.find("  ", 10), vec![]);
        assert_eq!(f.find("i", 2).len(), 2, "at most the limit");
        assert_eq!(f.find("zzz", 10), vec![]);
    }

    #[test]
    fn decomposed_text_maps_back_to_its_own_code_points() {
        // "Hà" written with a combining grave: three code points, found whole.
        let t = "Ha\u{300} Noi";
        let f = Finder::new(t);
        assert_eq!(f.find("ha", 5), vec![(0, 3)]);
        assert_eq!(f.find("noi", 5), vec![(4, 7)]);
    }
}
