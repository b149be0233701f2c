//! The data the recognizer reads: gazetteers (data/gazetteer/*.tsv, built from maintained
//! packages plus curated lists) and trigger words (data/lexicon/*.tsv). All of it is compiled
//! into the binary with `include_str!` and parsed once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::fold::key;
use crate::model::EntityType;
use crate::text::language::Language;

/// A gazetteer entry: what a phrase names.
#[derive(Debug, Clone)]
pub struct Known {
    pub kind: EntityType,
    pub canonical: String,
    /// Acronyms ("IS", "UN") match only as written.
    pub exact: Option<String>,
    /// The list names places only by where they are, and many of its names also name other
    /// things (a city's name is its football club's, a town's is a family's): its type is a
    /// default that the tagger may overrule where it tags the same words.
    pub ambiguous: bool,
}

/// Roles of trigger words (see data/lexicon/vi.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    PersonTitle,
    PersonTitleKept,
    LocPrefix,
    LocNamed,
    LocBare,
    LocPreposition,
    OrgHead,
    OrgStandalone,
    OrgMedia,
    OrgSuffix,
    LocSuffix,
    WeaponHead,
    Connector,
    Surname,
    Function,
    EventSuffix,
    GeoSuffix,
    Calendar,
    WeakPreposition,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "person_title" => Role::PersonTitle,
            "person_title_kept" => Role::PersonTitleKept,
            "loc_prefix" => Role::LocPrefix,
            "loc_named" => Role::LocNamed,
            "loc_bare" => Role::LocBare,
            "loc_preposition" => Role::LocPreposition,
            "org_head" => Role::OrgHead,
            "org_standalone" => Role::OrgStandalone,
            "org_media" => Role::OrgMedia,
            "org_suffix" => Role::OrgSuffix,
            "loc_suffix" => Role::LocSuffix,
            "weapon_head" => Role::WeaponHead,
            "connector" => Role::Connector,
            "surname" => Role::Surname,
            "function" => Role::Function,
            "event_suffix" => Role::EventSuffix,
            "geo_suffix" => Role::GeoSuffix,
            "calendar" => Role::Calendar,
            "weak_preposition" => Role::WeakPreposition,
            _ => return None,
        })
    }
}

/// Phrases keyed by their first word's key; each phrase is its words' keys, longest first.
/// (FxHash: looked up several times per token, with keys that are not attacker-chosen in a
/// way that matters, since the index is fixed data.)
pub type PhraseIndex<V> = rustc_hash::FxHashMap<String, Vec<(Vec<String>, V)>>;

pub struct Lexicon {
    pub gazetteer: PhraseIndex<Known>,
    /// Trigger phrases per language, with their role and whether they were written capitalised.
    pub triggers: HashMap<Language, PhraseIndex<(Role, bool)>>,
}

/// The gazetteers: what each names, and whether that type is only a default (see
/// [`Known::ambiguous`]).
const GAZETTEERS: &[(EntityType, bool, &str)] = &[
    (EntityType::Location, false, include_str!("../../data/gazetteer/countries.tsv")),
    (EntityType::Location, true, include_str!("../../data/gazetteer/cities.tsv")),
    (EntityType::Location, false, include_str!("../../data/gazetteer/us_states.tsv")),
    (EntityType::Location, false, include_str!("../../data/gazetteer/vn_divisions.tsv")),
    (EntityType::Location, false, include_str!("../../data/gazetteer/curated_locations.tsv")),
    (EntityType::Organization, false, include_str!("../../data/gazetteer/curated_organizations.tsv")),
    (EntityType::Weapon, false, include_str!("../../data/gazetteer/curated_weapons.tsv")),
    (EntityType::Person, false, include_str!("../../data/gazetteer/curated_people.tsv")),
];

const TRIGGERS: &[(Language, &str)] = &[
    (Language::Vi, include_str!("../../data/lexicon/vi.tsv")),
    (Language::En, include_str!("../../data/lexicon/en.tsv")),
];

/// The lines of a data file that hold data (not comments, not blank).
fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// The `key<TAB>value` lines of a data file (trigger lists, casualty vocabularies).
pub fn lines(data: &str) -> impl Iterator<Item = (&str, &str)> {
    data_lines(data).filter_map(|l| l.split_once('\t'))
}

/// A gazetteer's entries: `surface<TAB>canonical`, or just `surface` when it is its own
/// canonical name (most lines: the cities, provinces and states).
fn entries(data: &str) -> impl Iterator<Item = (&str, &str)> {
    data_lines(data).map(|l| l.split_once('\t').unwrap_or((l, l)))
}

fn phrase_keys(phrase: &str) -> Vec<String> {
    crate::text::tokens::tokenize(phrase).iter().map(|t| key(t.text(phrase))).collect()
}

pub fn insert<V>(index: &mut PhraseIndex<V>, phrase: &str, value: V) {
    let keys = phrase_keys(phrase);
    if let Some(first) = keys.first().cloned() {
        index.entry(first).or_default().push((keys, value));
    }
}

pub fn sort_longest_first<V>(index: &mut PhraseIndex<V>) {
    for v in index.values_mut() {
        v.sort_by(|a, b| b.0.len().cmp(&a.0.len()));
    }
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut gazetteer: PhraseIndex<Known> = PhraseIndex::default();
        for (kind, ambiguous, data) in GAZETTEERS {
            for (surface, canonical) in entries(data) {
                let is_acronym = surface.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) && surface.chars().count() <= 5;
                let exact = is_acronym.then(|| surface.to_string());
                insert(&mut gazetteer, surface, Known { kind: *kind, canonical: canonical.trim().to_string(), exact, ambiguous: *ambiguous });
            }
        }
        sort_longest_first(&mut gazetteer);
        let mut triggers = HashMap::new();
        for (lang, data) in TRIGGERS {
            let mut index: PhraseIndex<(Role, bool)> = PhraseIndex::default();
            for (role, phrase) in lines(data) {
                if let Some(role) = Role::parse(role.trim()) {
                    let capitalised = phrase.chars().next().is_some_and(char::is_uppercase);
                    insert(&mut index, phrase.trim(), (role, capitalised));
                }
            }
            sort_longest_first(&mut index);
            triggers.insert(*lang, index);
        }
        Lexicon { gazetteer, triggers }
    }

    /// The lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }
}

/// The longest phrase of `index` that matches `keys` at position `i`, with its length.
pub fn longest_match<'a, V>(index: &'a PhraseIndex<V>, keys: &[String], i: usize, accept: impl Fn(&V, usize) -> bool) -> Option<(usize, &'a V)> {
    match_from(index.get(keys.get(i)?)?, keys, i, accept)
}

/// [`longest_match`] among `cands`, the phrases of an index that start with `keys[i]`
/// (looked up by the caller, who may keep them for later questions about token `i`).
pub fn match_from<'a, V>(cands: &'a [(Vec<String>, V)], keys: &[String], i: usize, accept: impl Fn(&V, usize) -> bool) -> Option<(usize, &'a V)> {
    cands.iter().find_map(|(phrase, v)| {
        let n = phrase.len();
        // The first word is the index key, equal to keys[i] by construction.
        (i + n <= keys.len() && phrase[1..].iter().zip(&keys[i + 1..i + n]).all(|(a, b)| a == b) && accept(v, n)).then_some((n, v))
    })
}
