//! Where annotations become pixels, the pure part: the article is cut into paragraphs and
//! each paragraph into pieces, a piece being a stretch of text covered by the same set of
//! marks (entity mentions, dates, casualty figures, noise). Nested mentions ("Bộ Quốc phòng
//! Azerbaijan" holding "Azerbaijan") become pieces covered by both. No DOM here, so it is
//! tested natively.
//!
//! Offsets are code points of the article text, as in the annotation.

use annotator_core::{Annotation, EntityType};

/// What a mark stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// A mention of `annotation.entities[entity]`.
    Entity { kind: EntityType, entity: usize },
    /// `annotation.timeline[index]`.
    Date { index: usize },
    /// `annotation.casualties[index]`.
    Casualty { index: usize },
    Noise,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub kind: MarkKind,
    pub start: usize,
    pub end: usize,
}

/// A run of text covered by the same marks (indices into [`Layout::marks`], outermost first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub text: String,
    pub marks: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    /// The article's first line: its headline.
    pub headline: bool,
    pub pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub marks: Vec<Mark>,
    pub paragraphs: Vec<Paragraph>,
}

/// All marks of an annotation, sorted by start, longer first on ties (outer before inner).
pub fn marks_of(ann: &Annotation) -> Vec<Mark> {
    let mut marks = Vec::new();
    for (i, e) in ann.entities.iter().enumerate() {
        for m in &e.mentions {
            marks.push(Mark { kind: MarkKind::Entity { kind: e.kind, entity: i }, start: m.start, end: m.end });
        }
    }
    for (i, t) in ann.timeline.iter().enumerate() {
        marks.push(Mark { kind: MarkKind::Date { index: i }, start: t.start, end: t.end });
    }
    for (i, c) in ann.casualties.iter().enumerate() {
        marks.push(Mark { kind: MarkKind::Casualty { index: i }, start: c.start, end: c.end });
    }
    for n in &ann.noise {
        marks.push(Mark { kind: MarkKind::Noise, start: n.start, end: n.end });
    }
    marks.retain(|m| m.start < m.end);
    marks.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    marks
}

/// Lays out `text` (the article exactly as annotated) with the marks of `ann`.
pub fn layout(text: &str, ann: &Annotation) -> Layout {
    let marks = marks_of(ann);
    let chars: Vec<char> = text.chars().collect();
    let mut paragraphs = Vec::new();
    let mut next_mark = 0usize;
    let mut active: Vec<usize> = Vec::new();
    let mut line_start = 0usize;
    let mut first = true;
    for i in 0..=chars.len() {
        if i < chars.len() && chars[i] != '\n' {
            continue;
        }
        let (mut s, mut e) = (line_start, i);
        line_start = i + 1;
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        if s == e {
            continue;
        }
        // Boundaries: paragraph ends and every mark edge inside.
        let mut cuts = vec![s, e];
        active.retain(|&m| marks[m].end > s);
        let mut j = next_mark;
        while j < marks.len() && marks[j].start < e {
            if marks[j].end > s {
                cuts.push(marks[j].start.max(s));
                cuts.push(marks[j].end.min(e));
            }
            j += 1;
        }
        for &m in &active {
            cuts.push(marks[m].end.min(e));
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut pieces = Vec::new();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            while next_mark < marks.len() && marks[next_mark].start <= a {
                active.push(next_mark);
                next_mark += 1;
            }
            active.retain(|&m| marks[m].end > a);
            let covering: Vec<usize> = active.iter().copied().filter(|&m| marks[m].start <= a && marks[m].end >= b).collect();
            pieces.push(Piece { start: a, text: chars[a..b].iter().collect(), marks: covering });
        }
        paragraphs.push(Paragraph { start: s, end: e, headline: first, pieces });
        first = false;
    }
    Layout { marks, paragraphs }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotator_core::{Entity, Span};

    fn ann_with(entities: Vec<Entity>) -> Annotation {
        Annotation { language: annotator_core::Language::Vi, reference_date: None, entities, casualties: vec![], timeline: vec![], noise: vec![] }
    }

    fn span(text: &str, s: usize, e: usize) -> Span {
        Span { start: s, end: e, text: text.chars().skip(s).take(e - s).collect() }
    }

    #[test]
    fn nested_mentions_make_pieces_covered_by_both() {
        let text = "Tiêu đề\nBộ Quốc phòng Azerbaijan xác nhận.";
        let org = Entity { kind: EntityType::Organization, name: "Bộ Quốc phòng Azerbaijan".into(), mentions: vec![span(text, 8, 32)] };
        let loc = Entity { kind: EntityType::Location, name: "Azerbaijan".into(), mentions: vec![span(text, 22, 32)] };
        let l = layout(text, &ann_with(vec![org, loc]));
        assert_eq!(l.paragraphs.len(), 2);
        assert!(l.paragraphs[0].headline);
        let p = &l.paragraphs[1];
        let texts: Vec<&str> = p.pieces.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, vec!["Bộ Quốc phòng ", "Azerbaijan", " xác nhận."]);
        assert_eq!(p.pieces[0].marks.len(), 1);
        assert_eq!(p.pieces[1].marks.len(), 2);
        assert!(p.pieces[2].marks.is_empty());
    }

    #[test]
    fn pieces_cover_every_paragraph_exactly() {
        let text = "A b c\n\n  d e f  \nghi";
        let l = layout(text, &ann_with(vec![]));
        let joined: Vec<String> = l.paragraphs.iter().map(|p| p.pieces.iter().map(|x| x.text.clone()).collect()).collect();
        assert_eq!(joined, vec!["A b c", "d e f", "ghi"]);
    }
}
