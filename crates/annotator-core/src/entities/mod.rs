//! Where spans become entities: people, places, organizations and weapon systems.
//!
//! [`recognize`] finds mentions (gazetteers, trigger words, the shape of names; mentions may
//! nest), [`resolve`] merges them into one entity per referent. The data they read lives in
//! `data/` with its provenance and is compiled in ([`lexicon`]).

pub mod context;
pub mod credits;
pub mod lexicon;
pub mod mention;
pub mod names;
pub mod organizations;
pub mod places;
pub mod recognize;
pub mod resolve;
pub mod tagger;

use std::ops::Range;

use crate::model::{Entity, EntityType};
use crate::text::Document;

/// An entity found in the normalised text (byte ranges), before conversion to the JSON model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: EntityType,
    pub name: String,
    pub mentions: Vec<Range<usize>>,
}

impl Found {
    pub fn to_model(&self, doc: &Document) -> Entity {
        Entity { kind: self.kind, name: self.name.clone(), mentions: self.mentions.iter().map(|r| doc.span(r)).collect() }
    }
}

/// Finds the entities of `doc`.
pub fn extract(doc: &Document) -> Vec<Found> {
    resolve::resolve(doc, recognize::recognize(doc))
}

#[cfg(test)]
mod tests {
    use crate::{annotate, EntityType, Options};

    /// (type, name, surfaces) of every entity found in `text`.
    fn found(text: &str) -> Vec<(EntityType, String, Vec<String>)> {
        let ann = annotate(text, &Options::default()).unwrap();
        ann.entities.into_iter().map(|e| (e.kind, e.name, e.mentions.into_iter().map(|m| m.text).collect())).collect()
    }

    fn has(text: &str, kind: EntityType, surface: &str) -> bool {
        found(text).iter().any(|(k, _, s)| *k == kind && s.iter().any(|x| x == surface))
    }

    fn name_of(text: &str, surface: &str) -> Option<String> {
        found(text).into_iter().find(|(_, _, s)| s.iter().any(|x| x == surface)).map(|(_, n, _)| n)
    }

    const SEED: &str = include_str!("../../../../seeds/000_4b482bd7dbe4f5f8.txt");

    #[test]
    fn seed_entities_are_exactly_the_ones_in_the_article() {
        let mut got: Vec<(EntityType, String)> = found(SEED).into_iter().map(|(k, n, _)| (k, n)).collect();
        got.sort();
        let mut want: Vec<(EntityType, String)> = [
            (EntityType::Location, "Azerbaijan"), (EntityType::Location, "Armenia"), (EntityType::Location, "Russia"),
            (EntityType::Location, "Baku"), (EntityType::Location, "Yerevan"), (EntityType::Location, "Ganja"),
            (EntityType::Location, "Khizi"), (EntityType::Location, "Absheron"), (EntityType::Location, "Mingachevir"),
            (EntityType::Location, "Nagorno-Karabakh"), (EntityType::Person, "Ilham Aliyev"), (EntityType::Person, "Hikmet Hajiyev"),
            (EntityType::Organization, "Bộ Quốc phòng Azerbaijan"), (EntityType::Organization, "Bộ Ngoại giao Armenia"),
            (EntityType::Organization, "Quân đội Armenia"), (EntityType::Organization, "AzTV"), (EntityType::Organization, "ANTD.VN"),
            (EntityType::Organization, "Twitter"), (EntityType::Weapon, "Iskander"), (EntityType::Weapon, "Smerch"),
        ]
        .into_iter()
        .map(|(k, n)| (k, n.to_string()))
        .collect();
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn misspelling_and_nested_names_in_the_seed() {
        let f = found(SEED);
        let az = f.iter().find(|(_, n, _)| n == "Azerbaijan").unwrap();
        assert!(az.2.contains(&"Azecbaijan".to_string()), "the misspelling is a mention of Azerbaijan");
        // "Bộ Quốc phòng Azerbaijan" is an organization holding the location "Azerbaijan".
        assert!(has(SEED, EntityType::Organization, "Bộ Quốc phòng Azerbaijan"));
        assert!(has(SEED, EntityType::Weapon, "Iskander OTRK"));
        // Noise and the dateline: the player's voice list gives nothing; the outlet is an organization.
        assert!(!found(SEED).iter().any(|(_, n, _)| n.contains("miền")));
        assert!(has(SEED, EntityType::Organization, "ANTD.VN"));
    }

    #[test]
    fn vietnamese_titles_make_people() {
        let t = "Người phát ngôn Bộ Ngoại giao Nga Maria Zakharova cho biết, ông Peter Cook đã tới Kabul.";
        assert!(has(t, EntityType::Person, "Maria Zakharova"));
        assert!(has(t, EntityType::Person, "Peter Cook"));
        assert!(has(t, EntityType::Organization, "Bộ Ngoại giao Nga"));
    }

    #[test]
    fn vietnamese_full_names_and_their_given_names() {
        let t = "Em Hồ Văn Lan học lớp 10. Sau đó, Lan về nhà. Anh Nguyễn Đức Toàn cho biết ông Toàn đã có mặt.";
        assert_eq!(name_of(t, "Lan").as_deref(), Some("Hồ Văn Lan"));
        assert!(has(t, EntityType::Person, "Nguyễn Đức Toàn"));
        assert!(!has(t, EntityType::Location, "Đức"), "a person's middle name is not Germany");
    }

    #[test]
    fn tone_mark_placement_does_not_split_a_person() {
        let t = "Ông Nguyễn Đức Toàn phát biểu. Ông Nguyễn Đức Tòan nói thêm.";
        let people: Vec<_> = found(t).into_iter().filter(|(k, _, _)| *k == EntityType::Person).collect();
        assert_eq!(people.len(), 1, "{people:?}");
    }

    #[test]
    fn vietnamese_places_with_prefixes_and_lists() {
        let t = "Sạt lở ở các xã Phước Lộc, Phước Công (huyện Phước Sơn, Quảng Nam) và thôn Đông Xuyên bên sông Cầu, quận 9.";
        for s in ["xã Phước Lộc", "Phước Công", "huyện Phước Sơn", "Quảng Nam", "thôn Đông Xuyên", "sông Cầu", "quận 9"] {
            assert!(has(t, EntityType::Location, s), "{s}: {:?}", found(t));
        }
        assert_eq!(name_of(t, "xã Phước Lộc").as_deref(), Some("Phước Lộc"));
        let river = "Thuyền đi theo sông Krông Năng qua xã Krông Năng.";
        let n = found(river).iter().filter(|(k, _, _)| *k == EntityType::Location).count();
        assert_eq!(n, 2, "a river and a commune of the same name are two places");
    }

    #[test]
    fn vietnamese_organizations_on_heads() {
        let t = "Lãnh đạo UBND xã Đông Tiến và Công an huyện Krông Pa cùng Cơ quan thời tiết Philippines và quân đội Mỹ tại Afghanistan.";
        for s in ["UBND xã Đông Tiến", "Công an huyện Krông Pa", "Cơ quan thời tiết Philippines", "quân đội Mỹ"] {
            assert!(has(t, EntityType::Organization, s), "{s}: {:?}", found(t));
        }
        assert!(!has("Giao tranh giữa phe ly khai và quân chính phủ Azerbaijan.", EntityType::Organization, "chính phủ Azerbaijan"));
    }

    #[test]
    fn weapons_are_named_systems_only() {
        let t = "Quân đội dùng tên lửa Smerch, hệ thống tên lửa S-300 và UAV.";
        assert!(has(t, EntityType::Weapon, "Smerch"));
        assert!(has(t, EntityType::Weapon, "S-300"));
        assert!(!found(t).iter().any(|(k, n, _)| *k == EntityType::Weapon && n == "UAV"));
    }

    #[test]
    fn datelines_give_the_outlet() {
        assert!(has("Tiêu đề\n(Dân trí) - Bão số 9 đổ bộ vào Quảng Nam.", EntityType::Organization, "Dân trí"));
        let en = "Headline\nMOSCOW (Reuters) - Officials said on Monday that talks would resume.";
        assert!(has(en, EntityType::Organization, "Reuters"));
        assert!(!found(en).iter().any(|(_, _, s)| s.iter().any(|x| x.contains("Officials"))));
    }

    #[test]
    fn english_titles_suffixes_and_prepositions() {
        let t = "Johnston County Sheriff Steve Bizzell said crews searched Galilee Road near Smithfield. Prince Albert of Monaco visited the Tianmen Chutian Fine Chemicals Company.";
        assert!(has(t, EntityType::Location, "Johnston County"));
        assert!(has(t, EntityType::Person, "Steve Bizzell"));
        assert!(has(t, EntityType::Location, "Galilee Road"));
        assert!(has(t, EntityType::Location, "Smithfield"));
        assert!(has(t, EntityType::Person, "Prince Albert of Monaco"));
        assert!(has(t, EntityType::Organization, "Tianmen Chutian Fine Chemicals Company"));
    }

    #[test]
    fn english_aliases_acronyms_and_events() {
        let t = "Militants calling themselves Islamic State Central Africa Province (ISCAP) attacked. Corinne Rey, 38, said Rey had seen it. Beijing hosts the 2022 Winter Olympics.";
        assert_eq!(name_of(t, "ISCAP").as_deref(), Some("Islamic State Central Africa Province"));
        assert_eq!(name_of(t, "Rey").as_deref(), Some("Corinne Rey"));
        assert!(!found(t).iter().any(|(_, n, _)| n.contains("Olympics")));
    }

    #[test]
    fn sentence_initial_capitals_are_not_names() {
        let t = "Luxurious hotels were razed. The residents fled. Police said the luxurious villas burned.";
        assert!(found(t).is_empty(), "{:?}", found(t));
    }
}
