//! Sidebar contents derived from an annotation: entities grouped by type and sorted by
//! mentions, the timeline in chronological order, casualty figures as readable text.

use annotator_core::{Annotation, Casualty, EntityType};
use unicode_normalization::UnicodeNormalization;

/// An entity as the sidebar lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRow {
    pub index: usize,
    pub name: String,
    pub mentions: usize,
    /// Distinct surface forms other than the name.
    pub aliases: Vec<String>,
}

/// Entities of one type, most mentioned first (ties by name).
pub fn entities_of(ann: &Annotation, kind: EntityType) -> Vec<EntityRow> {
    let mut rows: Vec<EntityRow> = ann
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == kind)
        .map(|(index, e)| {
            let mut aliases: Vec<String> = Vec::new();
            for m in &e.mentions {
                if m.text != e.name && !aliases.contains(&m.text) {
                    aliases.push(m.text.clone());
                }
            }
            EntityRow { index, name: e.name.clone(), mentions: e.mentions.len(), aliases }
        })
        .collect();
    rows.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.name.cmp(&b.name)));
    rows
}

/// `s` as a reader types it in a search box: lower case, without accents or tone marks, "đ" as
/// "d" ("Hà Nội" is found by "ha noi"). The export's file names use it too.
pub fn plain(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(|c| match c {
            'đ' | 'Đ' => 'd'.to_lowercase(),
            c => c.to_lowercase(),
        })
        .collect()
}

/// Whether an entity row answers a filter (already [`plain`]): its name or another way the
/// article writes it holds the filter; an empty filter keeps every row.
pub fn row_matches(row: &EntityRow, filter: &str) -> bool {
    filter.is_empty() || std::iter::once(&row.name).chain(&row.aliases).any(|n| plain(n).contains(filter))
}

/// Indices of timeline items in chronological order (text order among equal values).
pub fn timeline_order(ann: &Annotation) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..ann.timeline.len()).collect();
    idx.sort_by(|&a, &b| ann.timeline[a].value.cmp(&ann.timeline[b].value).then(ann.timeline[a].start.cmp(&ann.timeline[b].start)));
    idx
}

/// "4", "≥ 10", "≤ 200", "20–99", or "—" for a statement without a figure.
pub fn figure(c: &Casualty) -> String {
    match (c.min, c.max) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        (Some(a), None) => format!("≥ {a}"),
        (None, Some(b)) => format!("≤ {b}"),
        (None, None) => "—".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotator_core::{CasualtyKind, Group};

    fn cas(min: Option<u64>, max: Option<u64>) -> Casualty {
        Casualty { kind: CasualtyKind::Killed, min, max, group: Group::Unspecified, party: None, location: None, source: None, date: None, start: 0, end: 0, text: String::new(), why: String::new(), cue: None, mentions: Vec::new() }
    }

    #[test]
    fn figures_read_naturally() {
        assert_eq!(figure(&cas(Some(4), Some(4))), "4");
        assert_eq!(figure(&cas(Some(10), None)), "≥ 10");
        assert_eq!(figure(&cas(None, Some(200))), "≤ 200");
        assert_eq!(figure(&cas(Some(20), Some(99))), "20–99");
        assert_eq!(figure(&cas(None, None)), "—");
    }

    #[test]
    fn filters_ignore_case_accents_and_tones() {
        assert_eq!(plain("Hà Nội"), "ha noi");
        assert_eq!(plain("ĐÀ NẴNG"), "da nang");
        assert_eq!(plain("Zelenskyy"), "zelenskyy");
        let row = EntityRow { index: 0, name: "Thành phố Hồ Chí Minh".into(), mentions: 2, aliases: vec!["TP.HCM".into()] };
        assert!(row_matches(&row, &plain("ho chi")));
        assert!(row_matches(&row, &plain("tp.hcm")), "another way the article writes it");
        assert!(row_matches(&row, ""));
        assert!(!row_matches(&row, &plain("hà nội")));
    }

    #[test]
    fn seed_sidebar_groups_entities() {
        let text = include_str!("../../seeds/000_4b482bd7dbe4f5f8.txt");
        let ann = annotator_core::annotate(text, &annotator_core::Options::default()).unwrap();
        let total: usize = EntityType::ALL.iter().map(|&k| entities_of(&ann, k).len()).sum();
        assert_eq!(total, ann.entities.len());
        let order = timeline_order(&ann);
        assert!(order.windows(2).all(|w| ann.timeline[w[0]].value <= ann.timeline[w[1]].value));
    }
}
