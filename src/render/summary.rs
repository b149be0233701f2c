//! Sidebar contents derived from an annotation: entities grouped by type and sorted by
//! mentions, the timeline in chronological order, casualty figures as readable text.

use std::collections::BTreeMap;

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

/// Whether two casualty items state the same figure, one more exactly than the other ("kills
/// 12", then "at least 12 were killed"): the same kind, group and least number, and nothing
/// that disagrees (an open bound, or a party, place or date left unsaid, agrees with anything).
pub fn same_figure(a: &Casualty, b: &Casualty) -> bool {
    let agree = |x: &Option<String>, y: &Option<String>| x.is_none() || y.is_none() || x == y;
    a.kind == b.kind
        && a.group == b.group
        && a.min.is_some()
        && a.min == b.min
        && (a.max.is_none() || b.max.is_none() || a.max == b.max)
        && agree(&a.party, &b.party)
        && agree(&a.location, &b.location)
        && agree(&a.date, &b.date)
}

/// A row of the casualty table: the item it shows (`index`) and every statement of its figure,
/// as (item, start): the item's own statements (the engine gives a figure the article repeats
/// as one item with its `mentions`), then those of later items that state it less or more
/// exactly ([`same_figure`]). The engine's JSON keeps them apart; the table shows one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRow {
    pub index: usize,
    pub statements: Vec<(usize, usize)>,
}

/// The casualty table's rows, in text order. Each item is compared with the last row of its
/// kind, group and least number only, so a text of thousands of figures costs n log n.
pub fn figure_rows(ann: &Annotation) -> Vec<FigureRow> {
    let statements = |j: usize, c: &Casualty| -> Vec<(usize, usize)> {
        if c.mentions.is_empty() {
            vec![(j, c.start)]
        } else {
            c.mentions.iter().map(|m| (j, m.start)).collect()
        }
    };
    let mut rows: Vec<FigureRow> = Vec::new();
    let mut last: BTreeMap<String, u64> = BTreeMap::new();
    for (j, c) in ann.casualties.iter().enumerate() {
        let key = format!("{}|{}|{:?}", c.kind.as_str(), c.group.as_str(), c.min);
        match last.get(&key).map(|&r| r as usize).filter(|&r| same_figure(&ann.casualties[rows[r].index], c)) {
            Some(r) => rows[r].statements.extend(statements(j, c)),
            None => {
                last.insert(key, rows.len() as u64);
                rows.push(FigureRow { index: j, statements: statements(j, c) });
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotator_core::{CasualtyKind, Group};

    fn cas(min: Option<u64>, max: Option<u64>) -> Casualty {
        Casualty { kind: CasualtyKind::Killed, min, max, group: Group::Unspecified, party: None, location: None, source: None, date: None, start: 0, end: 0, text: String::new(), why: String::new(), cue: None, mentions: Vec::new() }
    }

    #[test]
    fn one_figure_stated_less_and_more_exactly_is_one_row() {
        let at = |c: Casualty, start: usize| Casualty { start, ..c };
        let exact = at(cas(Some(12), Some(12)), 0);
        let at_least = at(cas(Some(12), None), 40);
        let other = at(cas(Some(3), Some(3)), 60);
        let wounded = at(Casualty { kind: CasualtyKind::Wounded, ..cas(Some(12), None) }, 80);
        let elsewhere = at(Casualty { party: Some("A".into()), ..cas(Some(12), Some(12)) }, 90);
        let soldiers = at(Casualty { group: Group::Military, ..cas(Some(12), Some(12)) }, 95);
        let ann = Annotation { language: annotator_core::Language::En, reference_date: None, entities: vec![], casualties: vec![exact, at_least, other, wounded, elsewhere, soldiers], timeline: vec![], noise: vec![] };
        let rows = figure_rows(&ann);
        assert_eq!(rows[0], FigureRow { index: 0, statements: vec![(0, 0), (1, 40), (4, 90)] });
        assert_eq!(rows.iter().map(|r| r.index).collect::<Vec<_>>(), vec![0, 2, 3, 5]);
        // "12-20" and "12" disagree; no least number, no row to join.
        assert!(!same_figure(&cas(Some(12), Some(20)), &cas(Some(12), Some(12))));
        assert!(!same_figure(&cas(None, None), &cas(None, None)));
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
