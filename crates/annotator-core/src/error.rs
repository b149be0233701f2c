//! The engine's one error type. Each variant is something the caller can fix, and its message
//! says how.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The text is empty or only white space: there is nothing to annotate.
    EmptyText,
    /// The text holds NUL bytes or mostly control characters: a binary file, not an article.
    BinaryText,
    /// A publication date that is not a real `YYYY-MM-DD` date.
    InvalidDate(String),
    /// A language other than `vi`, `en` or `auto`.
    InvalidLanguage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyText => write!(f, "the text is empty: paste or open an article to annotate"),
            Error::BinaryText => write!(f, "this looks like a binary file, not text: open the article as a .txt or .html file"),
            Error::InvalidDate(d) => write!(f, "invalid date {d:?}: expected a real date as YYYY-MM-DD (a time after it may follow: 2020-10-04T08:30:00Z), e.g. 2020-10-04"),
            Error::InvalidLanguage(l) => write!(f, "invalid language {l:?}: expected vi, en or auto"),
        }
    }
}

impl std::error::Error for Error {}
