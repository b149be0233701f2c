//! Geometry of the sidebar's small SVG pictures, computed without a DOM: bars of casualty
//! figures by kind and party, and a timeline axis with day ticks and the reference date.

use std::collections::BTreeMap;

use annotator_core::{Annotation, Date};

/// `x` to a tenth, as "12.3" (or "-0.5"), written with integers: the page shows coordinates
/// and sizes to a tenth only, and Rust's float formatting weighs some 14 KB of wasm.
pub fn tenths(x: f64) -> String {
    let t = (x * 10.0).round();
    let (sign, t) = if t < 0.0 { ("-", -t as u64) } else { ("", t as u64) };
    format!("{sign}{}.{}", t / 10, t % 10)
}

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

/// A mark on the timeline axis: one date, or several dates too close to tell apart at the
/// axis's width, drawn as one larger dot with their count.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Where (0–1 along the axis) the mark stands.
    pub at: f64,
    /// The dates it stands for, earliest first: (value, the first timeline item with that
    /// value, how many items have it).
    pub dates: Vec<(String, usize, usize)>,
}

impl Mark {
    /// How many dated items the mark stands for.
    pub fn items(&self) -> usize {
        self.dates.iter().map(|d| d.2).sum()
    }

    /// What the mark says to a screen reader and on hover: "2020-09-27: 2 dated events", or
    /// "2020-09-27 to 2020-10-01: 3 dates, 5 dated events".
    pub fn label(&self) -> String {
        let n = self.items();
        let events = format!("{n} dated event{}", if n == 1 { "" } else { "s" });
        match (self.dates.first(), self.dates.last()) {
            (Some(a), Some(b)) if self.dates.len() > 1 => format!("{} to {}: {} dates, {events}", a.0, b.0, self.dates.len()),
            (Some(a), _) => format!("{}: {events}", a.0),
            _ => String::new(),
        }
    }
}

/// The timeline axis: its marks, where the reference date stands, and the dates at its two
/// ends (the range it spans).
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub marks: Vec<Mark>,
    pub reference: Option<f64>,
    pub from: String,
    pub to: String,
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

/// The axis of `ann`'s timeline, spanning its earliest to its latest day (with the reference
/// date included); `None` when no item has a calendar day. Dates closer than `min_gap` (a
/// share of the axis: a dot's width) share one mark, so that close events are neither drawn
/// over each other nor out of reach of a click.
pub fn timeline_axis(ann: &Annotation, min_gap: f64) -> Option<Axis> {
    // Every calendar-dated item by (day, value, index); each value's first item and count, in
    // day order. (Sorting, not maps: each map type costs the page's download.)
    let mut items: Vec<(i64, &str, usize)> = ann.timeline.iter().enumerate().filter_map(|(i, t)| first_day(&t.value).map(|d| (d.to_days(), t.value.as_str(), i))).collect();
    items.sort_unstable();
    let mut per_value: Vec<(i64, Vec<(String, usize, usize)>)> = Vec::new();
    for (day, value, i) in items {
        match per_value.last_mut() {
            Some((d, dates)) if *d == day => match dates.last_mut() {
                Some(last) if last.0 == value => last.2 += 1,
                _ => dates.push((value.to_string(), i, 1)),
            },
            _ => per_value.push((day, vec![(value.to_string(), i, 1)])),
        }
    }
    if per_value.is_empty() {
        return None; // a reference date alone is no timeline
    }
    let reference = ann.reference_date.as_deref().and_then(Date::parse_iso);
    let lo = per_value.first().map(|v| v.0).into_iter().chain(reference.map(Date::to_days)).min()?;
    let hi = per_value.last().map(|v| v.0).into_iter().chain(reference.map(Date::to_days)).max()?;
    let span = (hi - lo).max(1) as f64;
    let at = |d: i64| if hi == lo { 0.5 } else { (d - lo) as f64 / span };
    // Each date joins the last mark while it would be drawn less than `min_gap` from where
    // that mark is drawn (the middle of its first and last dates).
    let mut marks: Vec<Mark> = Vec::new();
    let mut first_at = f64::NEG_INFINITY;
    for (day, dates) in per_value {
        let x = at(day);
        match marks.last_mut() {
            Some(m) if x - m.at < min_gap => {
                m.dates.extend(dates);
                m.at = (first_at + x) / 2.0;
            }
            _ => {
                first_at = x;
                marks.push(Mark { at: x, dates });
            }
        }
    }
    // An end is labelled as the text dates it ("1990", not 1990-01-01), or as the reference date.
    let end_label = |mark: Option<&Mark>, day: i64, last: bool| {
        let value = mark.and_then(|m| if last { m.dates.last() } else { m.dates.first() }).map(|d| d.0.clone());
        value.filter(|v| first_day(v).map(Date::to_days) == Some(day)).unwrap_or_else(|| Date::from_days(day).iso())
    };
    let (from, to) = (end_label(marks.first(), lo, false), end_label(marks.last(), hi, true));
    Some(Axis { marks, reference: reference.map(|r| at(r.to_days())), from, to })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_are_written_as_floats_would_be() {
        // (A half may round the other way: 12.35 is stored a hair under, which the float
        // formatter sees and the multiplication by ten loses. A coordinate does not care.)
        for x in [0.0, 0.04, 0.06, 1.0, 12.34, 12.36, 99.96, 310.0, 1e6 + 0.27] {
            assert_eq!(tenths(x), format!("{x:.1}"), "{x}");
        }
        assert_eq!(tenths(-0.5), "-0.5");
        assert_eq!(tenths(-2.25), "-2.3");
    }
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
        let axis = timeline_axis(&ann, 0.0).unwrap();
        assert_eq!(axis.marks.len(), 2);
        assert_eq!(axis.marks[0].at, 0.0);
        assert_eq!(axis.reference, Some(1.0));
        assert_eq!((axis.from.as_str(), axis.to.as_str()), ("2020-09-27", "2020-10-04"));
        assert_eq!(first_day("2020-10").unwrap().iso(), "2020-10-01");
    }

    #[test]
    fn one_mark_per_distinct_date_counting_its_items() {
        let ann = annotate("Ngày 4-10, ông nói. Ngày 4-10, bà nói. Hôm 27-9 có giao tranh.", &Options::parse(None, Some("2020-10-04")).unwrap()).unwrap();
        assert_eq!(ann.timeline.len(), 3);
        let axis = timeline_axis(&ann, 0.0).unwrap();
        assert_eq!(axis.marks.iter().map(|m| (m.dates[0].1, m.items())).collect::<Vec<_>>(), vec![(2, 1), (0, 2)]);
        assert_eq!(axis.marks[1].label(), "2020-10-04: 2 dated events");
    }

    #[test]
    fn close_dates_share_a_mark() {
        // 1990 to 2020 on one axis: 27 September and 4 October 2020 are a dot's width apart.
        let ann = annotate("Năm 1990 có hiệp ước. Hôm 27-9 giao tranh bùng phát. Ngày 4-10, ông nói.", &Options::parse(None, Some("2020-10-04")).unwrap()).unwrap();
        let axis = timeline_axis(&ann, 0.03).unwrap();
        assert_eq!(axis.marks.len(), 2, "{:?}", axis.marks);
        let close = &axis.marks[1];
        assert_eq!(close.dates.iter().map(|d| d.0.as_str()).collect::<Vec<_>>(), ["2020-09-27", "2020-10-04"]);
        assert_eq!(close.label(), "2020-09-27 to 2020-10-04: 2 dates, 2 dated events");
        assert!(close.at > 0.99 && close.at < 1.0);
        assert_eq!((axis.from.as_str(), axis.to.as_str()), ("1990", "2020-10-04"), "a year-only end is labelled as a year");
        // Nothing dated by the calendar: no axis, even with a reference date.
        assert!(timeline_axis(&annotate("Không có ngày nào.", &Options::default()).unwrap(), 0.03).is_none());
        assert!(timeline_axis(&annotate("Không có ngày nào.", &Options::parse(None, Some("2020-10-04")).unwrap()).unwrap(), 0.03).is_none());
    }
}
