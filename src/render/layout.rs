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
        // Every statement of the figure (the item's own first), or the item alone.
        for (s, e) in c.mentions.iter().map(|m| (m.start, m.end)).chain((c.mentions.is_empty()).then_some((c.start, c.end))) {
            marks.push(Mark { kind: MarkKind::Casualty { index: i }, start: s, end: e });
        }
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

/// A stretch of the article that is put on screen in one go: a paragraph, or a slice of a
/// long one. A long article is rendered block by block so that no single task holds the page
/// (a 1 MB transcript may be one paragraph of 100,000 pieces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub paragraph: usize,
    /// Indices into the paragraph's pieces.
    pub pieces: std::ops::Range<usize>,
    /// Code point where the block starts (its first piece's start).
    pub start: usize,
    /// Characters in the block.
    pub chars: usize,
    /// Whether the block continues a paragraph begun by the previous block.
    pub continues: bool,
}

/// Cuts the paragraphs into blocks of at most `max_pieces` pieces and about `max_chars`
/// characters (a piece is never cut).
pub fn blocks(layout: &Layout, max_pieces: usize, max_chars: usize) -> Vec<Block> {
    let mut out = Vec::new();
    for (pi, p) in layout.paragraphs.iter().enumerate() {
        let mut from = 0;
        let mut chars = 0;
        for (i, piece) in p.pieces.iter().enumerate() {
            let n = piece.text.chars().count();
            if i > from && (i - from >= max_pieces || chars + n > max_chars) {
                out.push(Block { paragraph: pi, pieces: from..i, start: p.pieces[from].start, chars, continues: from > 0 });
                from = i;
                chars = 0;
            }
            chars += n;
        }
        if from < p.pieces.len() {
            out.push(Block { paragraph: pi, pieces: from..p.pieces.len(), start: p.pieces[from].start, chars, continues: from > 0 });
        }
    }
    out
}

/// The index of the block holding code point `at` (the last block starting at or before it).
pub fn block_at(blocks: &[Block], at: usize) -> usize {
    blocks.partition_point(|b| b.start <= at).saturating_sub(1)
}

/// How many blocks, from `shown` on, make the next slice of about `budget` characters (at
/// least one block while any is left).
pub fn next_slice(blocks: &[Block], shown: usize, budget: usize) -> usize {
    let mut end = shown;
    let mut chars = 0;
    while end < blocks.len() && (end == shown || chars + blocks[end].chars <= budget) {
        chars += blocks[end].chars;
        end += 1;
    }
    end
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

    #[test]
    fn long_paragraphs_are_cut_into_blocks_that_cover_every_piece_once() {
        let text = "Title\nAlpha beta gamma delta.\nShort.";
        let words = ["Alpha", "beta", "gamma", "delta"];
        let mut entities = Vec::new();
        for w in words {
            let s = text.find(w).unwrap();
            let s = text[..s].chars().count();
            entities.push(Entity { kind: EntityType::Person, name: w.into(), mentions: vec![span(text, s, s + w.chars().count())] });
        }
        let l = layout(text, &ann_with(entities));
        let b = blocks(&l, 3, 1000);
        // Paragraph 1 has 8 pieces ("Alpha", " ", "beta", ... "."): cut after 3 and 6.
        assert_eq!(b.iter().map(|x| (x.paragraph, x.pieces.clone(), x.continues)).collect::<Vec<_>>(), vec![(0, 0..1, false), (1, 0..3, false), (1, 3..6, true), (1, 6..8, true), (2, 0..1, false)]);
        let total: usize = b.iter().map(|x| x.chars).sum();
        assert_eq!(total, l.paragraphs.iter().flat_map(|p| &p.pieces).map(|p| p.text.chars().count()).sum::<usize>());
        assert_eq!(block_at(&b, 0), 0);
        assert_eq!(block_at(&b, text.chars().count() - 1), 4);
        assert_eq!(block_at(&b, 6 + 11), 2, "\"gamma\" is in the second slice of paragraph 1");
        // Character budget: a block never exceeds it unless one piece does.
        let by_chars = blocks(&l, 100, 6);
        assert!(by_chars.iter().all(|x| x.chars <= 6 || x.pieces.len() == 1));
    }

    #[test]
    fn slices_take_whole_blocks_within_the_budget_and_always_progress() {
        let b: Vec<Block> = (0..5).map(|i| Block { paragraph: i, pieces: 0..1, start: i * 10, chars: 10, continues: false }).collect();
        assert_eq!(next_slice(&b, 0, 25), 2);
        assert_eq!(next_slice(&b, 2, 5), 3, "one block even over budget");
        assert_eq!(next_slice(&b, 4, 100), 5);
        assert_eq!(next_slice(&b, 5, 100), 5);
    }
}
