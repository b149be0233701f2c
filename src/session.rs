//! What the standalone page remembers across reloads: the article on screen with its options,
//! and the last few articles opened, so that a reload or a closed tab loses nothing.
//!
//! Both live in the browser's localStorage, which holds about five million UTF-16 code units
//! per site, shared with the corrections ([`crate::render::corrections`]). The size policy
//! keeps well inside it: an article is remembered only up to [`MAX_KEPT_BYTES`], and the
//! recent list holds at most [`MAX_RECENT`] articles and [`MAX_RECENT_BYTES`] in all (the
//! oldest go first). A larger article is annotated as usual but not remembered, and the page
//! says so. The embeddable module never remembers anything: its host page owns its text.

use serde::{Deserialize, Serialize};

/// Where the article on screen is kept.
pub const SESSION_KEY: &str = "article-annotator:session";
/// Where the recent articles are kept, newest first.
pub const RECENT_KEY: &str = "article-annotator:recent";
/// The largest article remembered (bytes of its UTF-8 text).
pub const MAX_KEPT_BYTES: usize = 1_000_000;
/// How many recent articles are listed.
pub const MAX_RECENT: usize = 5;
/// How many bytes of text the recent list holds in all.
pub const MAX_RECENT_BYTES: usize = 2_000_000;

/// An article as the user gave it: its name, text and the options chosen for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub name: String,
    pub text: String,
    pub lang: String,
    pub date: String,
}

impl Saved {
    /// A new article: its language on "auto" and no date (the last article's options would
    /// silently misread it).
    pub fn new_article(name: impl Into<String>, text: impl Into<String>) -> Saved {
        Saved { name: name.into(), text: text.into(), lang: "auto".into(), date: String::new() }
    }

    /// The seed article, shown on a first visit and by the "Sample" button.
    pub fn seed() -> Saved {
        Saved::new_article("seed-article.txt", crate::SEED_ARTICLE)
    }

    /// Whether the article is small enough to remember.
    pub fn keepable(&self) -> bool {
        self.text.len() <= MAX_KEPT_BYTES
    }

    /// A short title for a list: the first line with text, cut at 60 characters.
    pub fn title(&self) -> String {
        let line = self.text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(&self.name);
        let mut t: String = line.chars().take(60).collect();
        if line.chars().count() > 60 {
            t.push('…');
        }
        t
    }
}

/// `list` with `item` first: the same text already listed moves to the front with the options
/// now chosen; the oldest articles drop off past [`MAX_RECENT`] or [`MAX_RECENT_BYTES`]; an
/// article too large to keep leaves the list as it was.
pub fn remember(list: Vec<Saved>, item: Saved) -> Vec<Saved> {
    if !item.keepable() {
        return list;
    }
    let mut bytes = item.text.len();
    let first = item.text.clone();
    let mut out = vec![item];
    for s in list.into_iter().filter(|s| s.text != first) {
        if out.len() >= MAX_RECENT || bytes + s.text.len() > MAX_RECENT_BYTES {
            break;
        }
        bytes += s.text.len();
        out.push(s);
    }
    out
}

/// Reads a saved value written by this module: `None` when absent or unreadable (a value
/// from an older version of the page is ignored, not an error).
pub fn parse<T: for<'de> Deserialize<'de>>(raw: Option<String>) -> Option<T> {
    raw.and_then(|s| serde_json::from_str(&s).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(text: &str) -> Saved {
        Saved { name: "a.txt".into(), text: text.into(), lang: "auto".into(), date: String::new() }
    }

    #[test]
    fn the_newest_comes_first_and_a_reopened_article_moves_up() {
        let list = remember(remember(remember(vec![], saved("one")), saved("two")), saved("three"));
        assert_eq!(list.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(), ["three", "two", "one"]);
        let mut again = saved("one");
        again.lang = "en".into();
        let list = remember(list, again);
        assert_eq!(list.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(), ["one", "three", "two"]);
        assert_eq!(list[0].lang, "en", "the options now chosen are kept");
    }

    #[test]
    fn the_list_keeps_to_its_count_and_size() {
        let mut list = vec![];
        for i in 0..8 {
            list = remember(list, saved(&format!("article {i}")));
        }
        assert_eq!(list.len(), MAX_RECENT);
        assert_eq!(list[0].text, "article 7");
        let big = "x".repeat(MAX_KEPT_BYTES);
        let list = remember(remember(list, saved(&big)), saved(&"y".repeat(MAX_KEPT_BYTES)));
        assert!(list.iter().map(|s| s.text.len()).sum::<usize>() <= MAX_RECENT_BYTES);
        assert_eq!(list.len(), 2, "two articles of 1 MB fill the list");
    }

    #[test]
    fn an_article_too_large_is_not_remembered() {
        let list = remember(vec![], saved("small"));
        let huge = saved(&"z".repeat(MAX_KEPT_BYTES + 1));
        assert!(!huge.keepable());
        assert_eq!(remember(list.clone(), huge), list);
    }

    #[test]
    fn titles_are_the_first_line_cut_short() {
        assert_eq!(saved("\n\n  Storm floods towns \nbody").title(), "Storm floods towns");
        assert_eq!(saved(&"a".repeat(80)).title().chars().count(), 61);
        assert_eq!(saved("   ").title(), "a.txt");
    }

    #[test]
    fn unreadable_values_are_ignored() {
        assert_eq!(parse::<Saved>(Some("{not json".into())), None);
        assert_eq!(parse::<Saved>(None), None);
        let s = saved("x");
        assert_eq!(parse::<Saved>(Some(serde_json::to_string(&s).unwrap())), Some(s));
    }
}
