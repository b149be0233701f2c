//! Where annotations become pixels, the pure part: the article is cut into paragraphs and
//! each paragraph into pieces, a piece being a stretch of text covered by the same set of
//! marks (entity mentions, dates, casualty figures, noise). Nested mentions ("Bộ Quốc phòng
//! Azerbaijan" holding "Azerbaijan") become pieces covered by both. No DOM here, so it is
//! tested natively.
//!
//! Offsets are code points of the article text, as in the annotation.

use std::sync::Arc;

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
/// Its words are read from the layout ([`Layout::text_of`]): a piece holds where they are,
/// not a copy (a megabyte makes 46,000 pieces, laid out again on every correction).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Code points: its first, and the one after its last.
    pub start: usize,
    pub end: usize,
    /// Bytes of the layout's text.
    pub bytes: std::ops::Range<usize>,
    pub marks: Vec<usize>,
}

impl Piece {
    /// Its length in code points.
    pub fn chars(&self) -> usize {
        self.end - self.start
    }
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
    /// The article, as laid out (shared with the page's state, not copied).
    pub text: Arc<String>,
    pub marks: Vec<Mark>,
    pub paragraphs: Vec<Paragraph>,
}

impl Layout {
    /// The words of `piece` (empty for a piece of another layout that does not fit this text).
    pub fn text_of(&self, piece: &Piece) -> &str {
        self.text.get(piece.bytes.clone()).unwrap_or_default()
    }
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

/// Lays out `text` (the article exactly as annotated) with the marks of `ann`: one paragraph
/// per line that holds more than white space, trimmed of it. One pass over the text; marks are
/// visited once each (plus the few open across a paragraph's start).
pub fn layout(text: &Arc<String>, ann: &Annotation) -> Layout {
    let marks = marks_of(ann);
    let mut paragraphs = Vec::new();
    let mut next_mark = 0usize;
    let mut active: Vec<usize> = Vec::new();
    // The line's first code point and first byte.
    let (mut line_cp, mut line_b) = (0usize, 0usize);
    let mut first = true;
    for line in text.split('\n') {
        let line_chars = line.chars().count();
        let (cp0, b0) = (line_cp, line_b);
        line_cp += line_chars + 1;
        line_b += line.len() + 1;
        let trimmed = line.trim_start();
        let lead = &line[..line.len() - trimmed.len()];
        let body = trimmed.trim_end();
        if body.is_empty() {
            continue;
        }
        let s = cp0 + lead.chars().count();
        let e = s + body.chars().count();
        let sb = b0 + lead.len();
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
        // Code points to bytes: the cuts are in order, so one walk over the paragraph.
        let mut walk = body.chars();
        let (mut at_cp, mut at_b) = (s, sb);
        let mut byte_of = |cp: usize| {
            while at_cp < cp {
                at_b += walk.next().map_or(0, char::len_utf8);
                at_cp += 1;
            }
            at_b
        };
        let mut pieces = Vec::with_capacity(cuts.len().saturating_sub(1));
        let mut from_b = byte_of(s);
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            while next_mark < marks.len() && marks[next_mark].start <= a {
                active.push(next_mark);
                next_mark += 1;
            }
            active.retain(|&m| marks[m].end > a);
            let covering: Vec<usize> = active.iter().copied().filter(|&m| marks[m].start <= a && marks[m].end >= b).collect();
            let to_b = byte_of(b);
            pieces.push(Piece { start: a, end: b, bytes: from_b..to_b, marks: covering });
            from_b = to_b;
        }
        paragraphs.push(Paragraph { start: s, end: e, headline: first, pieces });
        first = false;
    }
    Layout { text: text.clone(), marks, paragraphs }
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
            let n = piece.chars();
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

/// Consecutive blocks that start in the same stretch of `part_chars` code points: the page
/// draws a part as one element, which the browser skips whole while it is off screen
/// (`content-visibility`), and puts parts on screen a slice at a time. The browser checks
/// after every change whether each such element came near the screen: on a megabyte, a check
/// per paragraph (5,000 of them) took 17 ms of a correction's frame; per part, a millisecond.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// Indices into the blocks.
    pub blocks: std::ops::Range<usize>,
    /// Code point where the part starts (its first block's start).
    pub start: usize,
    /// Characters in the part.
    pub chars: usize,
}

/// The parts of `blocks` (in order; each holds at least one block). Where a part starts
/// depends on the text, not on the marks, but for a block cut elsewhere in a paragraph that
/// a correction lengthened.
pub fn parts(blocks: &[Block], part_chars: usize) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let stretch = |b: &Block| b.start / part_chars.max(1);
    for (i, b) in blocks.iter().enumerate() {
        match out.last_mut() {
            Some(p) if blocks.get(p.blocks.start).map(stretch) == Some(stretch(b)) => {
                p.blocks.end = i + 1;
                p.chars += b.chars;
            }
            _ => out.push(Part { blocks: i..i + 1, start: b.start, chars: b.chars }),
        }
    }
    out
}

/// The index of the part holding code point `at` (the last part starting at or before it).
pub fn part_at(parts: &[Part], at: usize) -> usize {
    parts.partition_point(|p| p.start <= at).saturating_sub(1)
}

/// How many parts, from `shown` on, make the next slice of about `budget` characters (at
/// least one part while any is left).
pub fn next_slice(parts: &[Part], shown: usize, budget: usize) -> usize {
    let mut end = shown;
    let mut chars = 0;
    while end < parts.len() && (end == shown || chars + parts[end].chars <= budget) {
        chars += parts[end].chars;
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
        let l = layout(&Arc::new(text.to_string()), &ann_with(vec![org, loc]));
        assert_eq!(l.paragraphs.len(), 2);
        assert!(l.paragraphs[0].headline);
        let p = &l.paragraphs[1];
        let texts: Vec<&str> = p.pieces.iter().map(|x| l.text_of(x)).collect();
        assert_eq!(texts, vec!["Bộ Quốc phòng ", "Azerbaijan", " xác nhận."]);
        assert_eq!(p.pieces[0].marks.len(), 1);
        assert_eq!(p.pieces[1].marks.len(), 2);
        assert!(p.pieces[2].marks.is_empty());
    }

    #[test]
    fn pieces_cover_every_paragraph_exactly() {
        let text = "A b c\n\n  d e f  \nghi";
        let l = layout(&Arc::new(text.to_string()), &ann_with(vec![]));
        let joined: Vec<String> = l.paragraphs.iter().map(|p| p.pieces.iter().map(|x| l.text_of(x)).collect()).collect();
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
        let l = layout(&Arc::new(text.to_string()), &ann_with(entities));
        let b = blocks(&l, 3, 1000);
        // Paragraph 1 has 8 pieces ("Alpha", " ", "beta", ... "."): cut after 3 and 6.
        assert_eq!(b.iter().map(|x| (x.paragraph, x.pieces.clone(), x.continues)).collect::<Vec<_>>(), vec![(0, 0..1, false), (1, 0..3, false), (1, 3..6, true), (1, 6..8, true), (2, 0..1, false)]);
        let total: usize = b.iter().map(|x| x.chars).sum();
        assert_eq!(total, l.paragraphs.iter().flat_map(|p| &p.pieces).map(|p| l.text_of(p).chars().count()).sum::<usize>());
        // Character budget: a block never exceeds it unless one piece does.
        let by_chars = blocks(&l, 100, 6);
        assert!(by_chars.iter().all(|x| x.chars <= 6 || x.pieces.len() == 1));
    }

    #[test]
    fn slices_take_whole_parts_within_the_budget_and_always_progress() {
        let p: Vec<Part> = (0..5).map(|i| Part { blocks: i..i + 1, start: i * 10, chars: 10 }).collect();
        assert_eq!(next_slice(&p, 0, 25), 2);
        assert_eq!(next_slice(&p, 2, 5), 3, "one part even over budget");
        assert_eq!(next_slice(&p, 4, 100), 5);
        assert_eq!(next_slice(&p, 5, 100), 5);
        assert_eq!(part_at(&p, 0), 0);
        assert_eq!(part_at(&p, 19), 1);
        assert_eq!(part_at(&p, 1000), 4);
    }

    #[test]
    fn parts_group_blocks_by_the_stretch_they_start_in() {
        let at = |starts: &[usize]| -> Vec<Block> { starts.iter().enumerate().map(|(i, &s)| Block { paragraph: i, pieces: 0..1, start: s, chars: 2, continues: false }).collect() };
        let p = parts(&at(&[0, 40, 99, 100, 350, 360]), 100);
        assert_eq!(p.iter().map(|x| (x.blocks.clone(), x.start, x.chars)).collect::<Vec<_>>(), vec![(0..3, 0, 6), (3..4, 100, 2), (4..6, 350, 4)]);
        // One more block (a tag cut a block in two) joins its part; the others keep theirs.
        let q = parts(&at(&[0, 40, 70, 99, 100, 350, 360]), 100);
        assert_eq!(q.iter().map(|x| (x.blocks.clone(), x.start)).collect::<Vec<_>>(), vec![(0..4, 0), (4..5, 100), (5..7, 350)]);
        assert!(parts(&[], 100).is_empty());
        assert_eq!(parts(&at(&[5]), 0).len(), 1, "a zero size is read as one");
    }

    proptest::proptest! {
        /// Whatever the text (any script, blank lines, white space at either end) and wherever
        /// the marks fall: paragraphs are its lines that hold more than white space, trimmed;
        /// their pieces cover them in order; and a piece's bytes hold exactly its code points.
        #[test]
        fn pieces_read_back_the_text_at_their_code_points(
            text in "[a Đếạ😀\t\n]{0,60}",
            spans in proptest::collection::vec((0usize..70, 0usize..12), 0..8),
        ) {
            let chars: Vec<char> = text.chars().collect();
            let n = chars.len();
            let entities = spans.iter().filter(|(s, _)| *s < n).map(|&(s, len)| {
                let e = (s + len).min(n);
                Entity { kind: EntityType::Location, name: "x".into(), mentions: vec![span(&text, s, e)] }
            }).collect();
            let l = layout(&Arc::new(text.clone()), &ann_with(entities));
            let lines: Vec<&str> = text.split('\n').map(str::trim).filter(|x| !x.is_empty()).collect();
            proptest::prop_assert_eq!(l.paragraphs.len(), lines.len());
            for (p, line) in l.paragraphs.iter().zip(&lines) {
                let mut at = p.start;
                for piece in &p.pieces {
                    proptest::prop_assert_eq!(piece.start, at);
                    let words: String = chars[piece.start..piece.end].iter().collect();
                    proptest::prop_assert_eq!(l.text_of(piece), words.as_str());
                    at = piece.end;
                }
                proptest::prop_assert_eq!(at, p.end);
                let joined: String = p.pieces.iter().map(|x| l.text_of(x)).collect();
                proptest::prop_assert_eq!(joined.as_str(), *line);
            }
        }
    }
}
