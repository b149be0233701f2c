//! Geometry of the sidebar's small SVG pictures, computed without a DOM: bars of casualty
//! figures by kind and party, and a timeline axis with day ticks and the reference date.

use std::collections::BTreeMap;

use annotator_core::{Annotation, Date};

/// One bar: a label and the figure it draws (the lower bound; the upper when only that is known).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    /// Width as a share of the widest bar, 0–1.
    pub share: f64,
}

/// The largest figure per (kind, party), for the bar chart; statements without a figure are
/// left out.
pub fn casualty_bars(ann: &Annotation) -> Vec<Bar> {
    let mut by: BTreeMap<String, u64> = BTreeMap::new();
    for c in &ann.casualties {
        let Some(v) = c.min.or(c.max) else { continue };
        let label = match &c.party {
            Some(p) => format!("{} · {}", c.kind.as_str().replace('_', " "), p),
            None => c.kind.as_str().replace('_', " "),
        };
        let e = by.entry(label).or_insert(0);
        *e = (*e).max(v);
    }
    let max = by.values().copied().max().unwrap_or(0).max(1) as f64;
    let mut bars: Vec<Bar> = by.into_iter().map(|(label, value)| Bar { label, value, share: value as f64 / max }).collect();
    bars.sort_by(|a, b| b.value.cmp(&a.value).then_with(|| a.label.cmp(&b.label)));
    bars
}

/// A point on the timeline axis: where (0–1 along it) an item falls.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub index: usize,
    pub at: f64,
}

/// The first day a value covers ("2020-10" → 1 October).
pub fn first_day(value: &str) -> Option<Date> {
    match value.len() {
        10 => Date::parse_iso(value),
        7 => Date::parse_iso(&format!("{value}-01")),
        4 => Date::parse_iso(&format!("{value}-01-01")),
        _ => None,
    }
}

/// Positions of the timeline items and of the reference date on one axis, spanning the
/// earliest to the latest day (with the reference date included). One tick per distinct
/// value (its first item): a long transcript repeats the same dates hundreds of times.
pub fn timeline_axis(ann: &Annotation) -> (Vec<Tick>, Option<f64>) {
    let mut seen = std::collections::HashSet::new();
    let days: Vec<(usize, i64)> = ann
        .timeline
        .iter()
        .enumerate()
        .filter(|(_, t)| seen.insert(t.value.as_str()))
        .filter_map(|(i, t)| first_day(&t.value).map(|d| (i, d.to_days())))
        .collect();
    let reference = ann.reference_date.as_deref().and_then(Date::parse_iso).map(Date::to_days);
    let all = days.iter().map(|d| d.1).chain(reference);
    let (lo, hi) = all.clone().fold((i64::MAX, i64::MIN), |(a, b), x| (a.min(x), b.max(x)));
    if lo > hi {
        return (Vec::new(), None);
    }
    let span = (hi - lo).max(1) as f64;
    let at = |d: i64| if hi == lo { 0.5 } else { (d - lo) as f64 / span };
    (days.into_iter().map(|(index, d)| Tick { index, at: at(d) }).collect(), reference.map(at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotator_core::{annotate, Options};

    #[test]
    fn bars_by_kind_and_party() {
        let ann = annotate("Armenia ghi nhận 104 binh sĩ và 23 dân thường thiệt mạng, 5 người bị thương.", &Options::default()).unwrap();
        let bars = casualty_bars(&ann);
        assert_eq!(bars[0].value, 104);
        assert!((bars[0].share - 1.0).abs() < 1e-9);
        assert!(bars.iter().any(|b| b.label.starts_with("wounded")));
    }

    #[test]
    fn axis_spans_items_and_reference() {
        let ann = annotate("Giao tranh bùng phát hôm 27-9. Ngày 4-10, ông nói.", &Options::parse(None, Some("2020-10-04")).unwrap()).unwrap();
        let (ticks, reference) = timeline_axis(&ann);
        assert_eq!(ticks.len(), 2);
        assert_eq!(ticks[0].at, 0.0);
        assert_eq!(reference, Some(1.0));
        assert_eq!(first_day("2020-10").unwrap().iso(), "2020-10-01");
    }

    #[test]
    fn one_tick_per_distinct_date() {
        let ann = annotate("Ngày 4-10, ông nói. Ngày 4-10, bà nói. Hôm 27-9 có giao tranh.", &Options::parse(None, Some("2020-10-04")).unwrap()).unwrap();
        assert_eq!(ann.timeline.len(), 3);
        let (ticks, _) = timeline_axis(&ann);
        assert_eq!(ticks.iter().map(|t| t.index).collect::<Vec<_>>(), vec![0, 2]);
    }
}
