//! The data the recognizer reads: gazetteers (data/gazetteer/*.tsv, built from maintained
//! packages plus curated lists) and trigger words (data/lexicon/*.tsv). All of it is compiled
//! into the binary with `include_str!` and parsed once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::fold::key;
use crate::model::EntityType;
use crate::text::language::Language;
use crate::text::Key;

/// A gazetteer entry: what a phrase names.
#[derive(Debug, Clone)]
pub struct Known {
    pub kind: EntityType,
    pub canonical: String,
    /// Acronyms ("IS", "UN") match only as written.
    pub exact: Option<String>,
    /// The list names places only by where they are, and many of its names also name other
    /// things (a city's or a state's name is its team's, "Minnesota 67 67 .500"; a town's is
    /// a family's): its type is a default that the tagger may overrule where it tags the same
    /// words.
    pub ambiguous: bool,
    /// Listed starting in lower case ("châu Âu"): it need not start capitalised in the text.
    pub lower_start: bool,
    /// A country: a national team is written with its country's name, and the country stays
    /// a place (cities and provinces give their names to clubs).
    pub country: bool,
}

impl Known {
    /// How sure a reading from this entry is (see [`super::mention::Origin`]).
    pub fn origin(&self) -> super::mention::Origin {
        if self.ambiguous {
            super::mention::Origin::AmbiguousList
        } else {
            super::mention::Origin::List
        }
    }
}

/// Roles of trigger words (see data/lexicon/vi.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    PersonTitle,
    PersonTitleKept,
    LocPrefix,
    LocNamed,
    /// A named institution ("bệnh viện"): a feature word whose name, like an organization's,
    /// may go on in lower case after its first capitalised syllable ("Bệnh viện Đa khoa").
    LocInstitution,
    /// A road or a residential group named by its number ("quốc lộ 14", "tổ 8").
    LocNumbered,
    LocBare,
    LocPreposition,
    OrgHead,
    OrgStandalone,
    OrgMedia,
    /// A company's kind before its name, outside the mention ("hãng xe Phương Trang"): the
    /// name after it is an organization's, as after [`Role::OrgMedia`].
    OrgBare,
    OrgSuffix,
    LocSuffix,
    WeaponHead,
    Connector,
    Surname,
    Function,
    EventSuffix,
    GeoSuffix,
    /// A lower-case word for a building or a site after its name ("Kosevo stadium", "Hoa Lo
    /// prison"): the name is a place, as after a [`Role::GeoSuffix`]. Not a tagger feature.
    Facility,
    /// The last word of a street's name that is not a [`Role::LocSuffix`] ("Jolinda Drive",
    /// "Caldwell Place", "Eighth St."): the run is a place. Not a tagger feature.
    StreetSuffix,
    /// A word of two or three syllables that holds a trigger, a stop word or a country's short
    /// name and means something else whole ("liên bang", "tàu sân bay", "pháp luật", "hàng
    /// không"): read as one word, its syllables trigger nothing and stop nothing.
    Compound,
    /// An academic or professional degree written after a person's name ("Jane Doe, MD,
    /// PhD"): never a name itself (not Maryland). Not a tagger feature.
    Degree,
    /// A company's legal form at the end of its name ("Pirelli SpA", "Siemens AG"): the run is
    /// an organization. Not a tagger feature.
    LegalForm,
    /// A lower-case word that says what the capitalised name right after it is an
    /// organization ("the firm Multico", "club Atalanta", "the daily Le Monde"). Not a tagger
    /// feature.
    OrgDescriptor,
    /// A lower-case word right after a company's or a newspaper's name, never a person's or a
    /// place's ("Ericsson spokesman", "Pirelli shares", "the Sun newspaper").
    OrgFollower,
    Calendar,
    WeakPreposition,
    Demonym,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "person_title" => Role::PersonTitle,
            "person_title_kept" => Role::PersonTitleKept,
            "loc_prefix" => Role::LocPrefix,
            "loc_named" => Role::LocNamed,
            "loc_institution" => Role::LocInstitution,
            "loc_numbered" => Role::LocNumbered,
            "loc_bare" => Role::LocBare,
            "loc_preposition" => Role::LocPreposition,
            "org_head" => Role::OrgHead,
            "org_standalone" => Role::OrgStandalone,
            "org_media" => Role::OrgMedia,
            "org_bare" => Role::OrgBare,
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
            "demonym" => Role::Demonym,
            "facility" => Role::Facility,
            "legal_form" => Role::LegalForm,
            "degree" => Role::Degree,
            "compound" => Role::Compound,
            "street_suffix" => Role::StreetSuffix,
            "org_descriptor" => Role::OrgDescriptor,
            "org_follower" => Role::OrgFollower,
            _ => return None,
        })
    }
}

/// Phrases keyed by their first word's key; each phrase is its words' keys, longest first.
/// (FxHash: looked up several times per token, with keys that are not attacker-chosen in a
/// way that matters, since the index is fixed data.)
pub type PhraseIndex<V> = rustc_hash::FxHashMap<String, Vec<(Vec<String>, V)>>;

/// A trigger phrase's reading.
#[derive(Debug, Clone, Copy)]
pub struct Trigger {
    pub role: Role,
    /// Written capitalised in its list: it only matches a capitalised word.
    pub capitalised: bool,
    /// Whether the tagger's features read it: false for the entries of a list added since the
    /// model was trained (`en_since_training.tsv`), which the rules read alone.
    pub seen_by_tagger: bool,
}

pub struct Lexicon {
    pub gazetteer: PhraseIndex<Known>,
    /// Trigger phrases per language.
    pub triggers: HashMap<Language, PhraseIndex<Trigger>>,
    /// Common English given names, by key (`data/gazetteer/given_names_en.txt`).
    pub given_names: rustc_hash::FxHashSet<String>,
}

const GIVEN_NAMES_EN: &str = include_str!("../../data/gazetteer/given_names_en.txt");

/// The gazetteers: what each names, whether that type is only a default (see
/// [`Known::ambiguous`]), and whether they are countries (see [`Known::country`]).
const GAZETTEERS: &[(EntityType, bool, bool, &str)] = &[
    (EntityType::Location, false, true, include_str!("../../data/gazetteer/countries.tsv")),
    (EntityType::Location, true, false, include_str!("../../data/gazetteer/cities.tsv")),
    (EntityType::Location, true, false, include_str!("../../data/gazetteer/us_states.tsv")),
    (EntityType::Location, false, false, include_str!("../../data/gazetteer/vn_divisions.tsv")),
    (EntityType::Location, false, false, include_str!("../../data/gazetteer/curated_locations.tsv")),
    (EntityType::Organization, false, false, include_str!("../../data/gazetteer/curated_organizations.tsv")),
    (EntityType::Weapon, false, false, include_str!("../../data/gazetteer/curated_weapons.tsv")),
    (EntityType::Person, false, false, include_str!("../../data/gazetteer/curated_people.tsv")),
];

/// The trigger lists: language, whether the tagger's features read them, the data.
const TRIGGERS: &[(Language, bool, &str)] = &[
    (Language::Vi, true, include_str!("../../data/lexicon/vi.tsv")),
    (Language::En, true, include_str!("../../data/lexicon/en.tsv")),
    (Language::En, true, include_str!("../../data/lexicon/en_demonyms.tsv")),
    (Language::En, false, include_str!("../../data/lexicon/en_since_training.tsv")),
];

/// The lines of a data file that hold data (not comments, not blank).
fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    numbered_data_lines(data).map(|(_, l)| l)
}

/// The same, with their line numbers (from 1), for the checks.
fn numbered_data_lines(data: &str) -> impl Iterator<Item = (usize, &str)> {
    data.lines().enumerate().map(|(n, l)| (n + 1, l)).filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
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

/// What is wrong with a `role<TAB>phrase` data file (trigger words, casualty words): a line
/// without a tab, a role `known` does not accept, a phrase listed twice under one role, a
/// file without a comment first that says where its entries come from. The loaders skip bad
/// lines (a data defect must not take the engine down); the tests fail on any.
pub fn check_role_file(data: &str, known: impl Fn(&str) -> bool) -> Vec<String> {
    check_role_files(&[data], known)
}

/// [`check_role_file`] over files read into one index (a phrase listed in two of them is
/// listed twice).
pub fn check_role_files(files: &[&str], known: impl Fn(&str) -> bool) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (f, data) in files.iter().enumerate() {
        let at = |n: usize| if files.len() > 1 { format!("file {}, line {n}", f + 1) } else { format!("line {n}") };
        problems.extend(provenance_problem(data));
        for (n, line) in numbered_data_lines(data) {
            let Some((role, phrase)) = line.split_once('\t') else {
                problems.push(format!("{}: no tab in {line:?}", at(n)));
                continue;
            };
            if !known(role.trim()) {
                problems.push(format!("{}: unknown role {role:?}", at(n)));
            }
            if !seen.insert((role.trim().to_string(), phrase_keys(phrase.trim()))) {
                problems.push(format!("{}: {role}\t{phrase} is listed twice", at(n)));
            }
        }
    }
    problems
}

/// What is wrong with a gazetteer: a surface listed twice, an empty canonical name, no
/// comment first that says where its entries come from.
pub fn check_gazetteer(data: &str) -> Vec<String> {
    let mut problems = provenance_problem(data);
    let mut seen = std::collections::HashSet::new();
    for (n, line) in numbered_data_lines(data) {
        let (surface, canonical) = line.split_once('\t').unwrap_or((line, line));
        if canonical.trim().is_empty() {
            problems.push(format!("line {n}: empty canonical name for {surface:?}"));
        }
        // The same words with another case are another entry only for acronyms ("IS", "Is").
        if !seen.insert(surface.trim().to_string()) {
            problems.push(format!("line {n}: {surface:?} is listed twice"));
        }
    }
    problems
}

fn provenance_problem(data: &str) -> Vec<String> {
    if data.starts_with('#') {
        Vec::new()
    } else {
        vec!["no comment first saying where the entries come from".to_string()]
    }
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
    /// The list entries whose phrase is exactly `k`, a key of words separated by spaces.
    pub fn listed<'s>(&'s self, k: &'s str) -> impl Iterator<Item = &'s Known> + 's {
        let first = k.split(' ').next().unwrap_or("");
        self.gazetteer.get(first).into_iter().flatten().filter(move |(words, _)| words.iter().map(String::as_str).eq(k.split(' '))).map(|(_, known)| known)
    }

    /// Whether a list names a place exactly `k`.
    pub fn names_a_place(&self, k: &str) -> bool {
        self.listed(k).any(|known| known.kind == EntityType::Location)
    }

    /// Whether a list names a country exactly `k` (a national team keeps its country's
    /// reading; a city's or province's name is also its club's).
    pub fn names_a_country(&self, k: &str) -> bool {
        self.listed(k).any(|known| known.country)
    }

    fn load() -> Lexicon {
        let mut gazetteer: PhraseIndex<Known> = PhraseIndex::default();
        // A country by its canonical name, whichever list names it ("Mỹ" is curated).
        let countries: std::collections::HashSet<&str> = GAZETTEERS.iter().filter(|g| g.2).flat_map(|g| entries(g.3)).map(|(_, canonical)| canonical.trim()).collect();
        for (kind, ambiguous, _, data) in GAZETTEERS {
            for (surface, canonical) in entries(data) {
                let is_acronym = surface.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) && surface.chars().count() <= 5;
                let exact = is_acronym.then(|| surface.to_string());
                let country = *kind == EntityType::Location && countries.contains(canonical.trim());
                insert(&mut gazetteer, surface, Known { kind: *kind, canonical: canonical.trim().to_string(), exact, ambiguous: *ambiguous, lower_start: surface.starts_with(char::is_lowercase), country });
            }
        }
        sort_longest_first(&mut gazetteer);
        let mut triggers: HashMap<Language, PhraseIndex<Trigger>> = HashMap::new();
        for (lang, seen_by_tagger, data) in TRIGGERS {
            let index = triggers.entry(*lang).or_default();
            for (role, phrase) in lines(data) {
                if let Some(role) = Role::parse(role.trim()) {
                    let capitalised = phrase.chars().next().is_some_and(char::is_uppercase);
                    insert(index, phrase.trim(), Trigger { role, capitalised, seen_by_tagger: *seen_by_tagger });
                }
            }
        }
        triggers.values_mut().for_each(sort_longest_first);
        let given_names = data_lines(GIVEN_NAMES_EN).map(|l| key(l.trim())).collect();
        Lexicon { gazetteer, triggers, given_names }
    }

    /// The lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }
}

/// The longest phrase of `index` that matches `keys` at position `i`, with its length.
pub fn longest_match<'a, V>(index: &'a PhraseIndex<V>, keys: &[Key], i: usize, accept: impl Fn(&V, usize) -> bool) -> Option<(usize, &'a V)> {
    match_from(index.get(&**keys.get(i)?)?, keys, i, accept)
}

/// The phrases of an index that one word opens (its entry), if any.
pub type Opened<'a, V> = Option<&'a [(Vec<String>, V)]>;

/// For each distinct key of a document (`Document::vocab`, in key-id order), the phrases of
/// `index` it opens: one hash lookup per distinct word instead of one per token, as the
/// callers then ask by token through `Document::key_id`.
pub fn opened_by_vocab<'a, V>(index: &'a PhraseIndex<V>, vocab: &[Key]) -> Vec<Opened<'a, V>> {
    vocab.iter().map(|k| index.get(&**k).map(Vec::as_slice)).collect()
}

/// [`longest_match`] among `cands`, the phrases of an index that start with `keys[i]`
/// (looked up by the caller, who may keep them for later questions about token `i`).
pub fn match_from<'a, V>(cands: &'a [(Vec<String>, V)], keys: &[Key], i: usize, accept: impl Fn(&V, usize) -> bool) -> Option<(usize, &'a V)> {
    cands.iter().find_map(|(phrase, v)| (phrase_at(phrase, keys, i) && accept(v, phrase.len())).then_some((phrase.len(), v)))
}

/// Whether the words of `phrase`, an index entry under `keys[i]`, stand in `keys` from `i` on
/// (the first word is the index key, equal to `keys[i]` by construction).
pub fn phrase_at(phrase: &[String], keys: &[Key], i: usize) -> bool {
    let n = phrase.len();
    i + n <= keys.len() && phrase[1..].iter().zip(&keys[i + 1..i + n]).all(|(a, b)| **a == **b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_is_clean() {
        let mut problems = Vec::new();
        for lang in [Language::Vi, Language::En] {
            let files: Vec<&str> = TRIGGERS.iter().filter(|(l, ..)| *l == lang).map(|(.., d)| *d).collect();
            problems.extend(check_role_files(&files, |r| Role::parse(r).is_some()).into_iter().map(|p| format!("lexicon/{lang:?}: {p}")));
        }
        for (kind, _, _, data) in GAZETTEERS {
            let first = data.lines().next().unwrap_or("");
            problems.extend(check_gazetteer(data).into_iter().map(|p| format!("gazetteer {kind:?} ({first}): {p}")));
        }
        problems.extend(check_gazetteer(GIVEN_NAMES_EN).into_iter().map(|p| format!("given names: {p}")));
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_checks_catch_what_they_should() {
        let bad = "# test\nperson_title\tMr\nperson_titel\tDr\nperson_title\tmr\nno tab here\n";
        let p = check_role_file(bad, |r| Role::parse(r).is_some());
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[0].contains("unknown role") && p[1].contains("twice") && p[2].contains("no tab"));
        assert_eq!(check_gazetteer("Hanoi\nParis\nHanoi\tHà Nội\n").len(), 2, "no provenance and a duplicate");
    }
}
