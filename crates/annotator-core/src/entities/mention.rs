//! What every recognizer pass produces and [`super::recognize::settle`] and
//! [`super::resolve`] consume: a mention, with how sure its source is. A leaf module: the
//! passes (`names`, `places`, `organizations`) and the recognizer all depend on it, and it on
//! none of them.

use std::ops::Range;

use crate::model::EntityType;

/// Where a mention's reading comes from, which decides who wins when two readings meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A list whose names mean one kind of thing (countries, curated organizations…).
    List,
    /// A list whose names often name something else too ([`super::lexicon::Known::ambiguous`]:
    /// a city's name is its club's): its type yields to the tagger's for the same words.
    AmbiguousList,
    /// A rule: a name after a title, a place word or before an organization's head word, or
    /// the shape of a run.
    Rule,
    /// The learned tagger.
    Tagger,
}

/// One mention before entities are merged. `tokens` indexes `Document::tokens`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub tokens: Range<usize>,
    pub kind: EntityType,
    pub canonical: String,
    /// A guess from shape alone (a two-word run taken for a person, a word after "at"): it
    /// yields to a stronger reading of the same name elsewhere in the article.
    pub weak: bool,
    /// A lone capitalised word that is only kept if it turns out to be a known person's
    /// surname or a misspelling of a place named nearby.
    pub lone: bool,
    pub origin: Origin,
}

impl Mention {
    /// A rule's confident reading.
    pub fn strong(tokens: Range<usize>, kind: EntityType, canonical: String) -> Mention {
        Mention { tokens, kind, canonical, weak: false, lone: false, origin: Origin::Rule }
    }
    /// A rule's guess from shape alone.
    pub fn weak(tokens: Range<usize>, kind: EntityType, canonical: String) -> Mention {
        Mention { weak: true, ..Mention::strong(tokens, kind, canonical) }
    }
    /// A lone capitalised word (see [`Mention::lone`]).
    pub fn lone(tokens: Range<usize>, kind: EntityType, canonical: String) -> Mention {
        Mention { lone: true, ..Mention::weak(tokens, kind, canonical) }
    }
    /// The same mention, read from `origin`.
    pub fn from(self, origin: Origin) -> Mention {
        Mention { origin, ..self }
    }
}
