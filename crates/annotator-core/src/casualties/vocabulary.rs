//! Casualty words (data/casualties/*.tsv): what happened, to whom, qualifiers of a figure,
//! hedges that make a figure a forecast, and explicit zeros.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::entities::lexicon::{insert, lines, sort_longest_first, PhraseIndex};
use crate::model::{CasualtyKind, Group};
use crate::text::language::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    Kind(CasualtyKind),
    NounMilitary,
    NounCivilian,
    NounPerson,
    QualMin,
    QualMax,
    QualExact,
    Hedge,
    Zero,
    /// A word that begins with an outcome word and is not one ("bắt đầu", to begin): read
    /// so that the outcome word inside it is not.
    Other,
}

impl Word {
    /// The group of a people noun ("binh sĩ" military, "dân thường" civilian, "người" either);
    /// `None` for any other word.
    pub fn people(self) -> Option<Group> {
        match self {
            Word::NounMilitary => Some(Group::Military),
            Word::NounCivilian => Some(Group::Civilian),
            Word::NounPerson => Some(Group::Unspecified),
            _ => None,
        }
    }
}

fn parse(role: &str) -> Option<Word> {
    use CasualtyKind::*;
    Some(match role {
        "kind_killed" => Word::Kind(Killed),
        "kind_wounded" => Word::Kind(Wounded),
        "kind_missing" => Word::Kind(Missing),
        "kind_captured" => Word::Kind(Captured),
        "kind_displaced" => Word::Kind(Displaced),
        "kind_evacuated" => Word::Kind(Evacuated),
        "kind_affected" => Word::Kind(Affected),
        "kind_killed_or_wounded" => Word::Kind(KilledOrWounded),
        "noun_military" => Word::NounMilitary,
        "noun_civilian" => Word::NounCivilian,
        "noun_person" => Word::NounPerson,
        "qual_min" => Word::QualMin,
        "qual_max" => Word::QualMax,
        "qual_exact" => Word::QualExact,
        "hedge" => Word::Hedge,
        "zero" => Word::Zero,
        "other" => Word::Other,
        _ => return None,
    })
}

const DATA: &[(Language, &str)] = &[
    (Language::Vi, include_str!("../../data/casualties/vi.tsv")),
    (Language::En, include_str!("../../data/casualties/en.tsv")),
];

/// The vocabulary of `lang`, parsed on first use.
pub fn vocabulary(lang: Language) -> &'static PhraseIndex<Word> {
    static ALL: OnceLock<HashMap<Language, PhraseIndex<Word>>> = OnceLock::new();
    &ALL.get_or_init(|| {
        DATA.iter()
            .map(|(l, data)| {
                let mut index = PhraseIndex::default();
                for (role, phrase) in lines(data) {
                    if let Some(w) = parse(role.trim()) {
                        insert(&mut index, phrase.trim(), w);
                    }
                }
                sort_longest_first(&mut index);
                (*l, index)
            })
            .collect()
    })[&lang]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::lexicon::check_role_file;

    #[test]
    fn every_vocabulary_file_is_clean() {
        for (lang, data) in DATA {
            let problems = check_role_file(data, |r| parse(r).is_some());
            assert!(problems.is_empty(), "casualties/{lang:?}: {}", problems.join("\n"));
        }
    }
}
