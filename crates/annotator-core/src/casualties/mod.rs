//! Where figures become casualty items: who was killed, wounded, missing…, how many, on
//! which side, where, and according to whom.
//!
//! In each sentence, a *quantity* (an optional qualifier such as "ít nhất"/"at least", a
//! number in digits or words or a vague "hàng chục"/"dozens", then usually a noun for people:
//! "binh sĩ", "dân thường", "protesters") is paired with the nearest *outcome* word after it
//! ("thiệt mạng", "were killed") or right before it ("killing 23 people", "injured four").
//! Figures in a forecast ("dự kiến", "could") are not casualties; numbers with other units
//! (ages, distances, missiles) never pair because no people noun or outcome follows them.
//! A figure repeated with the same bounds is listed once.

pub mod vocabulary;

use std::ops::Range;

use crate::entities::lexicon::{match_from, opened_by_vocab};
use crate::entities::Found;
use crate::model::{Casualty, CasualtyKind, EntityType, Group};
use crate::numbers::{is_number_word, parse_digits, parse_en_words, parse_vi_words, vague_range, VAGUE_OPENERS};
use crate::text::tokens::TokenKind;
use crate::text::{Document, Key};
use crate::timeline::{date::Date, Dated};
use vocabulary::{vocabulary, Word};

/// A casualty item in the normalised text (byte ranges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub kind: CasualtyKind,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub group: Group,
    pub party: Option<String>,
    pub location: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub range: Range<usize>,
    /// Counted on a noun guessed from its plural shape: its group is unknown, so it repeats
    /// a stated figure of any group.
    pub guessed: bool,
    /// One person named or headlined ("Marcus Hill, 25, was killed"): kept only when the
    /// article states no figure of killed or wounded people, which would hold that person.
    pub single: bool,
    /// The construction it was read by (see [`Why`]).
    pub why: Why,
    /// The outcome word's byte range, when one was read.
    pub cue: Option<Range<usize>>,
    /// The other statements of the same figure (byte ranges, in text order).
    pub also: Vec<Range<usize>>,
}

/// The constructions a figure is read by: what the sidebar says of each row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// "12 people were killed": the figure, then its outcome word in the same clause.
    FigureThenOutcome,
    /// "killing 12 people", "wounded another 15": the outcome word right before the figure.
    OutcomeThenFigure,
    /// "the death toll rose to 22": a toll and the figure it reaches.
    Toll,
    /// "three injured men": the outcome word standing as an adjective.
    Modifier,
    /// "no one was hurt", "không có ai thiệt mạng": a statement of none.
    Zero,
    /// "many were killed", "thương vong tiếp tục gia tăng": a statement without a figure.
    NoFigure,
}

impl Why {
    pub fn describe(self) -> &'static str {
        match self {
            Why::FigureThenOutcome => "a figure, then its outcome word",
            Why::OutcomeThenFigure => "an outcome word, then its figure",
            Why::Toll => "a toll and the figure it reaches",
            Why::Modifier => "an outcome word describing the people counted",
            Why::Zero => "a statement that none were",
            Why::NoFigure => "an outcome stated without a figure",
        }
    }
}

impl Figure {
    pub fn to_model(&self, doc: &Document) -> Casualty {
        let s = doc.span(&self.range);
        Casualty {
            kind: self.kind,
            min: self.min,
            max: self.max,
            group: self.group,
            party: self.party.clone(),
            location: self.location.clone(),
            source: self.source.clone(),
            date: self.date.clone(),
            start: s.start,
            end: s.end,
            text: s.text,
            why: self.why.describe().to_string(),
            cue: self.cue.as_ref().map(|c| doc.span(c)),
            mentions: if self.also.is_empty() { Vec::new() } else { std::iter::once(&self.range).chain(&self.also).map(|r| doc.span(r)).collect() },
        }
    }
}

/// A counted group of people: tokens `[start, end)`, bounds and group.
#[derive(Debug, Clone)]
struct Quantity {
    start: usize,
    /// End of the number itself (before any noun).
    number_end: usize,
    end: usize,
    min: Option<u64>,
    max: Option<u64>,
    group: Group,
    has_noun: bool,
    /// The noun is an English plural taken for people by its shape, not a listed word.
    guessed: bool,
    /// An outcome word standing as an adjective before the noun ("five displaced people",
    /// "three injured men"): the outcome when no predicate follows ("…were killed" wins).
    modifier: Option<usize>,
    /// One person named, or a headline's bare noun: counted only as killed or wounded ("police
    /// arrested Jane Doe" is an arrest, not a casualty).
    single: bool,
}

struct Scan<'a> {
    keys: &'a [Key],
    /// Lower-case NFC text of each token (number words are spelt, not keyed).
    lower: Vec<&'a str>,
    texts: Vec<&'a str>,
    kinds: Vec<TokenKind>,
    /// Whether each token may open a number: digits, a number word, or a word that opens a
    /// vague quantity ("a", "dozens").
    opens_number: Vec<bool>,
    /// The casualty word (its length in tokens) starting at each token, looked up once: the
    /// scan asks of most tokens several times.
    words: Vec<Option<(usize, Word)>>,
    /// Whether each token is inside a dated expression ("October 27", "ngày 4-10"): its
    /// numbers are days, not head counts.
    in_date: Vec<bool>,
    /// Where the person's name starting at each token ends (English): a named victim is one
    /// person ("killing Marcus Hill, 18", "the shooting death of Ana Ruiz").
    person_end: Vec<Option<usize>>,
}

impl Scan<'_> {
    fn word_at(&self, i: usize) -> Option<(usize, Word)> {
        self.words.get(i).copied().flatten()
    }

    /// A number starting at token `i`: its end and value (min, max).
    fn number_at(&self, i: usize, lang: crate::Language) -> Option<(usize, u64, u64)> {
        let n = self.keys.len();
        if i >= n {
            return None;
        }
        // Most tokens are neither digits nor number words (decided once per form).
        if !self.opens_number[i] {
            return None;
        }
        let w = self.lower[i];
        if self.kinds[i] == TokenKind::Number {
            // "19-31": a range in one token
            if let Some((x, y)) = self.texts[i].split_once('-') {
                let (x, y) = (parse_digits(x)?, parse_digits(y)?);
                return (x <= y).then_some((i + 1, x, y));
            }
            let v = parse_digits(self.texts[i])?;
            // "31 triệu", "2 million"
            if let Some(m) = self.lower.get(i + 1).and_then(|w| multiplier(w)) {
                return Some((i + 2, v * m, v * m));
            }
            // "19-31": a range
            if i + 2 < n && self.texts[i + 1] == "-" && self.kinds[i + 2] == TokenKind::Number {
                let w = parse_digits(self.texts[i + 2])?;
                return Some((i + 3, v, w));
            }
            return Some((i + 1, v, v));
        }
        // Vague quantities: "hàng chục", "dozens of" (only these words open one: "a", the
        // commonest word let through above, builds no phrase).
        let vague = VAGUE_OPENERS.contains(&w);
        for len in [3, 2, 1].into_iter().filter(|_| vague) {
            if i + len <= n {
                let phrase = self.lower[i..i + len].join(" ");
                if let Some((a, b)) = vague_range(&phrase) {
                    let mut e = i + len;
                    if e < n && self.lower[e] == "of" {
                        e += 1;
                    }
                    return Some((e, a, b));
                }
            }
        }
        // "forty-nine" is three tokens.
        let hyphen = |e: usize| e > i && self.lower[e] == "-" && e + 1 < n && is_number_word(self.lower[e + 1]);
        // "a man", "an 8-year-old": one (the quantity asks for a people noun after it); but
        // "a dozen", "a hundred" are read as numbers in words.
        let article = matches!(w, "a" | "an");
        if article && !self.lower.get(i + 1).is_some_and(|w| matches!(*w, "dozen" | "hundred" | "thousand" | "million")) {
            return Some((i + 1, 1, 1));
        }
        let mut e = if article { i + 1 } else { i };
        while e < n && (is_number_word(self.lower[e]) || hyphen(e)) && e - i < 6 {
            e += 1;
        }
        if e == i {
            return None;
        }
        let words: Vec<&str> = self.lower[i..e].iter().copied().filter(|w| *w != "-").collect();
        let v = match lang {
            crate::Language::Vi => parse_vi_words(&words),
            crate::Language::En => parse_en_words(&words),
        }?;
        Some((e, v, v))
    }
}

/// For each token, the end token of a person's name starting there.
fn person_ends(doc: &Document, entities: &[Found]) -> Vec<Option<usize>> {
    let mut ends = vec![None; doc.tokens.len()];
    for m in entities.iter().filter(|e| e.kind == crate::model::EntityType::Person).flat_map(|e| &e.mentions) {
        let first = doc.tokens.partition_point(|t| t.range.start < m.start);
        if doc.tokens.get(first).is_some_and(|t| t.range.start == m.start) {
            ends[first] = Some(doc.tokens.partition_point(|t| t.range.start < m.end));
        }
    }
    ends
}

/// Which tokens lie inside a timeline item (both are in text order: one walk).
fn in_dates(doc: &Document, timeline: &[Dated]) -> Vec<bool> {
    let mut marks = vec![false; doc.tokens.len()];
    for d in timeline {
        let first = doc.tokens.partition_point(|t| t.range.end <= d.range.start);
        for (k, t) in doc.tokens[first..].iter().enumerate().take_while(|(_, t)| t.range.start < d.range.end) {
            marks[first + k] = t.range.start >= d.range.start && t.range.end <= d.range.end;
        }
    }
    marks
}

/// A singular people noun, capitalised ("Man", "Teen", "Girl"): a headline's subject.
fn headline_noun(scan: &Scan, i: usize) -> bool {
    scan.texts[i].starts_with(char::is_uppercase) && matches!(scan.word_at(i), Some((1, w)) if w.people().is_some()) && !plural_noun(scan.lower[i]) && !scan.lower[i].ends_with('s')
}

/// Whether token `k` is one of `words` (lower-case).
fn key_in(scan: &Scan, k: usize, words: &[&str]) -> bool {
    words.contains(&scan.lower[k])
}

fn multiplier(w: &str) -> Option<u64> {
    match w {
        "nghìn" | "ngàn" | "thousand" => Some(1_000),
        "triệu" | "million" => Some(1_000_000),
        "tỷ" | "billion" => Some(1_000_000_000),
        _ => None,
    }
}

/// How many tokens after a quantity its outcome word may stand ("12 soldiers of the … were
/// killed").
const FORWARD_WINDOW: usize = 24;

/// The same for a people noun guessed from its plural shape ("Seven employees of the
/// channel were killed"): a guess needs its outcome nearer.
const GUESSED_WINDOW: usize = 12;

const AUX_EN: &[&str] = &["were", "was", "have", "has", "had", "been", "are", "is", "being", "remained", "remain", "remains", "reported", "confirmed", "left", "now", "later", "also", "reportedly", "allegedly", "severely", "seriously", "critically", "slightly", "badly", "fatally", "believed", "feared", "to", "be"];
const AUX_VI: &[&str] = &["đã", "bị", "vẫn", "còn", "đều", "nghi", "được", "xác", "nhận", "bị", "do", "điện", "giật", "gồm"];

/// The lower-case text of each form of `doc`, by form number (words repeat: each is
/// lower-cased once).
fn lower_case(doc: &Document) -> Vec<String> {
    (0..doc.form_count() as u32).map(|f| doc.form_text(f).to_lowercase()).collect()
}

/// Finds the casualty figures of `doc`.
pub fn extract(doc: &Document, entities: &[Found], timeline: &[Dated], _reference: Option<Date>) -> Vec<Figure> {
    let text = doc.text();
    let lowered = lower_case(doc);
    let opens: Vec<bool> = lowered.iter().map(|w| is_number_word(w) || matches!(w.as_str(), "a" | "an" | "hàng" | "vài" | "dozens" | "hundreds" | "thousands" | "tens")).collect();
    let scan = Scan {
        keys: &doc.keys,
        opens_number: doc.forms.iter().zip(&doc.tokens).map(|(&f, t)| t.kind == TokenKind::Number || opens[f as usize]).collect(),
        lower: doc.forms.iter().map(|&f| lowered[f as usize].as_str()).collect(),
        texts: doc.tokens.iter().map(|t| t.text(text)).collect(),
        kinds: doc.tokens.iter().map(|t| t.kind).collect(),
        words: {
            // The phrases each key opens, looked up once per key.
            let opens = opened_by_vocab(vocabulary(doc.language), &doc.vocab);
            (0..doc.keys.len()).map(|i| match_from(opens[doc.key_id(i)]?, &doc.keys, i, |_, _| true).map(|(n, w)| (n, *w))).collect()
        },
        in_date: in_dates(doc, timeline),
        person_end: if doc.language == crate::Language::En { person_ends(doc, entities) } else { Vec::new() },
    };
    let lang = doc.language;
    let cx = Context::new(entities, timeline);
    let aux: &[&str] = if lang == crate::Language::En { AUX_EN } else { AUX_VI };
    let mut out: Vec<Figure> = Vec::new();
    for sent in &doc.sentences {
        if doc.in_noise(sent) {
            continue;
        }
        // Found on the first figure: most sentences have none, and the source's search
        // lower-cases text.
        let facts = std::cell::OnceCell::new();
        let facts = || facts.get_or_init(|| SentenceFacts::new(text, sent, &cx));
        let toks = doc.tokens_in(sent);
        let (a, b) = (toks.start, toks.end);
        // Outcome words and quantities of this sentence.
        let mut outcomes: Vec<(usize, usize, CasualtyKind)> = Vec::new();
        let mut quantities: Vec<Quantity> = Vec::new();
        let mut hedges: Vec<usize> = Vec::new();
        let mut i = a;
        while i < b {
            if let Some((len, w)) = scan.word_at(i).filter(|(len, _)| i + len <= b) {
                match w {
                    Word::Kind(k) => {
                        outcomes.push((i, i + len, k));
                        i += len;
                        continue;
                    }
                    // ("12 May": the month, capitalised, is no hedge.)
                    Word::Hedge if scan.texts[i] != "May" => hedges.push(i),
                    Word::Other => {
                        i += len;
                        continue;
                    }
                    Word::Zero => {
                        let kind = if scan.keys[i..i + len].iter().any(|k| k.contains("thương") || k.contains("hurt") || k.contains("injur")) { CasualtyKind::Wounded } else { CasualtyKind::Killed };
                        // (A phrase of the word list: "no one was hurt". It is its own cue.)
                        let cue = Some(doc.tokens[i].range.start..doc.tokens[i + len - 1].range.end);
                        out.push(Figure { why: Why::Zero, cue, ..figure(doc, kind, Some(0), Some(0), Group::Unspecified, i..i + len, facts(), &cx) });
                        i += len;
                        continue;
                    }
                    Word::QualMin | Word::QualMax | Word::QualExact => {
                        // Right after an outcome a bare number counts ("killing at least 15 and
                        // wounding 50").
                        let after_outcome = outcomes.last().is_some_and(|o| o.1 == i);
                        let q = quantity(&scan, lang, i + len, b, Some(w)).or_else(|| {
                            after_outcome.then(|| bare_quantity(&scan, lang, i + len, b)).flatten().map(|mut q| {
                                match w {
                                    Word::QualMin => q.max = None,
                                    Word::QualMax => q.min = None,
                                    _ => {}
                                }
                                q
                            })
                        });
                        if let Some(q) = q.map(|mut q| { q.start = i; q }) {
                            i = q.number_end;
                            quantities.push(q);
                            continue;
                        }
                    }
                    _ => {}
                }
            }
            // One person: named ("killing Marcus Hill"), or a people noun opening a headline
            // with no article ("Girl, 7, shot in drive-by", "Man killed in crash"). As weak as
            // "a man": its outcome must be near.
            let one = scan.person_end.get(i).copied().flatten().or_else(|| (lang == crate::Language::En && i == a && headline_noun(&scan, i)).then_some(i + 1));
            if let Some(mut end) = one.filter(|&e| e <= b) {
                // "Marcus Hill, 25, was killed": the age in apposition goes with the name. Only
                // auxiliaries may then stand before the outcome (no noun: "John Smith said the
                // suspect was arrested" is no count of John Smith).
                if end + 2 < b && scan.texts[end] == "," && scan.kinds[end + 1] == TokenKind::Number && scan.texts[end + 2] == "," {
                    end += 3;
                }
                quantities.push(Quantity { start: i, number_end: end, end, min: Some(1), max: Some(1), group: Group::Unspecified, has_noun: false, guessed: true, modifier: None, single: true });
                i = end;
                continue;
            }
            // Right after an outcome word a bare number counts ("injured one on Monday"), and
            // so does a death toll's figure ("the death toll rose to 22 on Sunday").
            let after_outcome = outcomes.last().is_some_and(|o| o.1 == i || toll_reaches(&scan, o.1, i));
            if let Some(q) = quantity(&scan, lang, i, b, None).or_else(|| after_outcome.then(|| bare_quantity(&scan, lang, i, b)).flatten()) {
                i = q.number_end;
                quantities.push(q);
                continue;
            }
            i += 1;
        }
        let mut used = vec![false; outcomes.len()];
        // Outcomes, quantities and hedges are each in text order (and outcomes never overlap):
        // every question below is a bisection and a walk of at most FORWARD_WINDOW tokens.
        for (qi, q) in quantities.iter().enumerate() {
            // A forecast ("dự kiến 31 triệu người", "có thể bị ảnh hưởng") is not a casualty figure.
            let first_after = outcomes.partition_point(|o| o.0 < q.end);
            let next_outcome = outcomes.get(first_after).map_or(b, |o| o.0);
            let h = hedges.partition_point(|&h| h < q.end);
            let hedged_before = hedges.partition_point(|&h| h < q.start).checked_sub(1).is_some_and(|k| q.start - hedges[k] <= 4);
            // (A hedge after the figure with no outcome after it speaks of something else: "wounded
            // 34 people, and the number could rise".)
            if hedged_before || hedges.get(h).is_some_and(|&h| h < next_outcome && next_outcome < b) {
                continue;
            }
            // "a"/"an" closing a list after a figure ("19 civilians and a soldier had been
            // killed") is one of the people that figure's outcome counts, not a figure.
            if listed_one(&scan, &quantities[..qi], &outcomes, q) {
                continue;
            }
            // Forward: the first outcome after the quantity in the same clause.
            // An outcome glued to a later number belongs to it ("11 người, … 5 thi thể").
            let attached = |s: usize| quantities[qi + 1..].iter().take_while(|q2| q2.start < s).any(|q2| q2.start > q.start && !q2.has_noun && q2.end <= s && (q2.end..s).all(|k| key_in(&scan, k, aux)));
            let window = if q.guessed { GUESSED_WINDOW } else { FORWARD_WINDOW };
            // An outcome verb with its own figure after it is the subject's deed, not what
            // befell the subject: "Two gunmen killed at least five people".
            let has_object = |e: usize| quantities[qi + 1..].iter().any(|q2| q2.start == e);
            // So is a verb in the active perfect: "two gunmen … have killed", "had shot dead"
            // (the passive has "been" between: "have been killed").
            // The verbs that take no object ("have died", "have gone missing") say what befell it.
            let active = |s: usize| lang == crate::Language::En && s > q.end && key_in(&scan, s - 1, &["have", "has", "had"]) && !key_in(&scan, s, &["died", "dead", "lost", "gone", "perished", "disappeared", "fled"]);
            let fwd = outcomes.iter().enumerate().skip(first_after).take_while(|(_, &(s, _, _))| s - q.end <= window).find(|(_, &(s, e, _))| {
                !attached(s) && !has_object(e) && !active(s) && !(q.end..s).any(|k| matches!(scan.texts[k], ";" | "." | "?" | "!")) && (q.has_noun || (q.end..s).all(|k| key_in(&scan, k, aux))) && !event_named_after(&scan, q.end, s, e)
            });
            // Backward: an outcome right before the number ("killing 23 people", "injured four").
            // Only "all", "of" or a word of addition may stand between ("killed all six",
            // "thi thể của 2 nạn nhân", "wounded another 15"): in "Eight people died and at least 70 were injured" the 70 are
            // the injured, and "wounded by three blasts" counts blasts.
            // A death toll takes its figure through a verb: "the death toll rose to 22", "stands
            // at 16", "put the death toll at 14".
            let back = || {
                let k = outcomes.partition_point(|o| o.1 <= q.start).checked_sub(1)?;
                let gap = outcomes[k].1..q.start;
                let toll = toll_reaches(&scan, outcomes[k].1, q.start);
                (gap.is_empty() || toll || (gap.len() == 1 && (key_in(&scan, gap.start, ADDED) || key_in(&scan, gap.start, &["all", "cả", "of", "của"])))).then(|| (k, &outcomes[k]))
            };
            let back = back().map(|bk| (bk, if toll_reaches(&scan, bk.1 .1, q.start) { Why::Toll } else { Why::OutcomeThenFigure }));
            let hit = match (fwd, back) {
                (Some(f), Some((bk, why))) if lang == crate::Language::En && q.start - bk.1 .1 <= q.end.abs_diff(f.1 .0) => Some((bk, why)),
                (Some(f), _) => Some((f, Why::FigureThenOutcome)),
                (None, Some(bk)) => Some(bk),
                _ => q.modifier.and_then(|m| outcomes.iter().enumerate().find(|(_, o)| o.0 == m)).map(|m| (m, Why::Modifier)),
            };
            // "giải cứu 24 người mắc kẹt", "rescued 12 trapped miners": safe, not missing.
            let rescued = (q.start.saturating_sub(2).max(a)..q.start).any(|k| key_in(&scan, k, &["cứu", "rescued", "rescue", "saved"]));
            let fits = |kind: CasualtyKind| !(rescued && kind == CasualtyKind::Missing) && (!q.single || matches!(kind, CasualtyKind::Killed | CasualtyKind::Wounded));
            if let Some(((oi, &(s, e, kind)), why)) = hit.filter(|((_, o), _)| fits(o.2)) {
                used[oi] = true;
                let span = q.start.min(s)..q.end.max(e);
                let mut f = figure(doc, kind, q.min, q.max, q.group, span, facts(), &cx);
                f.guessed = q.guessed;
                f.single = q.single;
                f.why = why;
                f.cue = Some(doc.tokens[s].range.start..doc.tokens[e - 1].range.end);
                out.push(f);
            }
        }
        // Statements without a figure ("nhiều người chết", "thương vong tiếp tục gia tăng").
        for (oi, &(s, e, kind)) in outcomes.iter().enumerate() {
            if used[oi] {
                continue;
            }
            // An explicit zero: "không có thủy thủ nào bị thương", "no soldiers were hurt".
            let cue = Some(doc.tokens[s].range.start..doc.tokens[e - 1].range.end);
            if let Some(z) = zero_before(&scan, a, s, aux) {
                out.push(Figure { why: Why::Zero, cue, ..figure(doc, kind, Some(0), Some(0), Group::Unspecified, z..e, facts(), &cx) });
                continue;
            }
            let vague = (s.saturating_sub(4).max(a)..s).any(|k| key_in(&scan, k, &["nhiều", "many", "handful", "several", "số"]));
            if vague || kind == CasualtyKind::KilledOrWounded && (s.saturating_sub(3).max(a)..s).any(|k| key_in(&scan, k, &["số", "con"])) {
                let start = (s.saturating_sub(4).max(a)..s).find(|&k| key_in(&scan, k, &["nhiều", "many", "a", "con", "số"])).unwrap_or(s);
                out.push(Figure { cue, ..figure(doc, kind, None, None, Group::Unspecified, start..e, facts(), &cx) });
            }
        }
    }
    // A named victim is the story's figure in a report on one shooting (measured on the Gun
    // Violence Archive's articles: in-text recall 0.684 -> 0.712); beside stated figures ("12
    // killed … among them Marcus Hill", "Riss was wounded" in a story of 12 dead) the person
    // is one of those counted, and the development set's gold lists no such single.
    let counted = out.iter().any(|f| !f.single && f.min.is_some_and(|m| m > 0) && matches!(f.kind, CasualtyKind::Killed | CasualtyKind::Wounded));
    out.retain(|f| !f.single || !counted);
    // One item per distinct stated figure.
    // ("7 binh sĩ" and "7 người" killed are two figures when the groups differ.)
    let stated: rustc_hash::FxHashSet<(CasualtyKind, Option<u64>, Option<u64>)> = out.iter().filter(|f| !f.guessed).map(|f| (f.kind, f.min, f.max)).collect();
    // (A figure told again is kept as a further statement of the first.)
    let mut first: rustc_hash::FxHashMap<(CasualtyKind, Option<u64>, Option<u64>, Group), usize> = rustc_hash::FxHashMap::default();
    let (mut kept, mut again): (Vec<Figure>, Vec<Figure>) = (Vec::with_capacity(out.len()), Vec::new());
    for f in out {
        if f.min.is_none() && f.max.is_none() {
            kept.push(f);
        } else if f.guessed && stated.contains(&(f.kind, f.min, f.max)) {
            again.push(f);
        } else if let Some(&k) = first.get(&(f.kind, f.min, f.max, f.group)) {
            kept[k].also.push(f.range);
        } else {
            first.insert((f.kind, f.min, f.max, f.group), kept.len());
            kept.push(f);
        }
    }
    for f in again {
        if let Some(k) = kept.iter_mut().find(|k| !k.guessed && (k.kind, k.min, k.max) == (f.kind, f.min, f.max)) {
            k.also.push(f.range);
        }
    }
    kept.iter_mut().for_each(|f| f.also.sort_by_key(|r| r.start));
    kept.sort_by_key(|f| f.range.start);
    told_again(doc, kept)
}

/// The same figure told twice with another group is one item, the first: once in the
/// headline and once in the body ("hai kiểm lâm bị thương" above, "hai người bị thương"
/// below), or named back ("among the 258 civilians killed" after "258 people were killed").
/// `figures` are in text order.
fn told_again(doc: &Document, figures: Vec<Figure>) -> Vec<Figure> {
    const BACK: &[&str] = &["trong số", "among", "among the", "of the"];
    let text = doc.text();
    let headline = doc.lines().find(|r| !text[r.clone()].trim().is_empty()).unwrap_or(0..0);
    let in_headline = |f: &Figure| f.range.start < headline.end;
    let named_back = |f: &Figure| {
        let before = text[crate::text::floor_char_boundary(text, f.range.start.saturating_sub(16))..f.range.start].trim_end().to_lowercase();
        BACK.iter().any(|b| before.ends_with(b) && before[..before.len() - b.len()].ends_with(|c: char| !c.is_alphanumeric()))
    };
    // The groups each figure was kept with, and whether in the headline (a few per figure).
    let mut told: rustc_hash::FxHashMap<(CasualtyKind, Option<u64>, Option<u64>), Vec<(Group, bool)>> = rustc_hash::FxHashMap::default();
    let mut kept: Vec<Figure> = Vec::with_capacity(figures.len());
    for f in figures {
        if f.min.is_some() || f.max.is_some() {
            let before = told.entry((f.kind, f.min, f.max)).or_default();
            let here = in_headline(&f);
            if before.iter().any(|&(g, head)| g != f.group && ((head && !here) || named_back(&f))) {
                // A further statement of the first that was kept.
                if let Some(k) = kept.iter_mut().find(|k| (k.kind, k.min, k.max) == (f.kind, f.min, f.max)) {
                    k.also.push(f.range);
                    k.also.extend(f.also);
                    k.also.sort_by_key(|r| r.start);
                }
                continue;
            }
            if !before.contains(&(f.group, here)) {
                before.push((f.group, here));
            }
        }
        kept.push(f);
    }
    kept
}

/// English words that may stand between a number and a noun without describing the noun
/// ("three of the people", "two in the car", "24 hours after soldiers…"): the adjective run
/// stops at them.
const NOT_ADJECTIVES: &[&str] = &["of", "in", "on", "at", "and", "or", "the", "a", "an", "to", "from", "by", "with", "for", "as", "than", "but", "after", "before", "since", "during", "into", "over", "about", "under", "near", "across", "through", "while", "when", "where", "who", "whom", "which", "that", "this", "these", "those", "their", "its", "his", "her", "our", "were", "not", "no"];

/// Whether a lower-case English word may be an adjective before a people noun ("three young
/// men", "two teenage boys"): not a word of syntax, a number word or a plural noun ("24 hours
/// after soldiers", "a statement that six civilians").
fn english_adjective(w: &str) -> bool {
    // Asked after every "a"/"an" of a text: one hash lookup, not walks of three lists.
    static NOT: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    let not = NOT.get_or_init(|| NOT_ADJECTIVES.iter().chain(PLURAL_NOT_PEOPLE).chain(S_WORDS).copied().collect());
    !not.contains(w) && w.chars().all(|c| c.is_alphabetic() || c == '-') && !crate::numbers::is_number_word(w) && !plural_noun(w)
}

/// How many tokens before a list's "and a …" its first figure may stand.
const LIST_WINDOW: usize = 12;

/// Whether `q` is a lone "a"/"an" after "and" that closes a list opened by an earlier figure
/// of its clause, with no outcome word between them (`earlier` and `outcomes` in text order).
fn listed_one(scan: &Scan, earlier: &[Quantity], outcomes: &[(usize, usize, CasualtyKind)], q: &Quantity) -> bool {
    let article = q.min == Some(1) && q.max == Some(1) && key_in(scan, q.start, &["a", "an"]);
    if !article || q.start == 0 || !key_in(scan, q.start - 1, &["and"]) {
        return false;
    }
    earlier.iter().rev().take_while(|p| q.start - p.end.min(q.start) <= LIST_WINDOW).any(|p| {
        let between = outcomes.partition_point(|o| o.0 < p.end);
        p.end <= q.start && outcomes.get(between).is_none_or(|o| o.0 >= q.start) && !(p.end..q.start).any(|k| matches!(scan.texts[k], ";" | "." | ":"))
    })
}

/// Whether the outcome `[s, e)` after a figure ending at `q_end` is an event the figure's
/// people only took part in, named through a preposition and a determiner: "14 suspected
/// accomplices in the 2015 killings", "two gunmen behind the attacks" count no victims.
fn event_named_after(scan: &Scan, q_end: usize, s: usize, e: usize) -> bool {
    const EVENTS: &[&str] = &["killings", "murders", "deaths", "massacre", "massacres", "bombing", "bombings", "shooting", "shootings", "attack", "attacks"];
    const PREPOSITIONS: &[&str] = &["in", "during", "for", "behind", "over", "after", "before", "of", "with", "to"];
    const DETERMINERS: &[&str] = &["the", "these", "those", "their", "his", "her", "its", "a", "an"];
    e > s && key_in(scan, e - 1, EVENTS) && (q_end..s.saturating_sub(1)).any(|k| key_in(scan, k, PREPOSITIONS) && key_in(scan, k + 1, DETERMINERS))
}

/// Whether a death toll ending at token `toll_end` reaches a figure at token `i`. A count of
/// deaths that changes is one too: "murders dropped slightly to 339", "homicides rose to 114".
fn toll_reaches(scan: &Scan, toll_end: usize, i: usize) -> bool {
    const COUNTS: &[&str] = &["murders", "homicides", "deaths", "killings", "fatalities"];
    const CHANGES: &[&str] = &["rose", "risen", "fell", "fallen", "dropped", "climbed", "increased", "decreased", "jumped", "reached", "hit", "stood", "stands", "totalled", "totaled"];
    let toll = toll_end > 0 && (key_in(scan, toll_end - 1, &["toll"]) || (key_in(scan, toll_end - 1, COUNTS) && (toll_end..i).any(|g| key_in(scan, g, CHANGES))));
    toll && i > toll_end && i - toll_end <= TOLL_GAP_WORDS && key_in(scan, i - 1, TOLL_VERBS) && (toll_end..i).all(|g| scan.kinds[g] == TokenKind::Word)
}

/// The word right before a death toll's figure ("the death toll rose to 22", "from the floods
/// reached 40", "stands at 16", "a toll of 9"); at most [`TOLL_GAP_WORDS`] words, and no
/// punctuation or number, stand between the toll and its figure.
const TOLL_VERBS: &[&str] = &["to", "at", "of", "reached", "reaches", "hit", "hits", "is", "was", "stands", "stood"];
const TOLL_GAP_WORDS: usize = 9;

/// Words of addition between a number and its noun: "25 other people", "eight more".
const ADDED: &[&str] = &["other", "more", "additional", "further", "another", "khác"];

/// Whether an English word looks like a plural noun for people counted ("employees",
/// "farmers", "militiamen"): not an ordinary -s word of measure or time.
fn plural_noun(w: &str) -> bool {
    w.len() > 3 && w.chars().all(|c| c.is_alphabetic()) && (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("ous") || w.ends_with("men")) && !not_plural_of_people(w)
}

/// Whether `w` is a plural of a measure, a time or a thing (one lookup).
fn counts_of_things(w: &str) -> bool {
    static THINGS: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    THINGS.get_or_init(|| PLURAL_NOT_PEOPLE.iter().copied().collect()).contains(w)
}

/// Whether `w` is the singular of a listed plural of a thing ("strike" of "strikes"): the
/// set is built once, so no word is re-spelled per call.
fn singular_of_things(w: &str) -> bool {
    static ONE: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    ONE.get_or_init(|| PLURAL_NOT_PEOPLE.iter().filter_map(|p| p.strip_suffix('s')).collect()).contains(w)
}

/// Whether `w` is listed as a measure, a thing or an -s word that is no plural (one lookup).
fn not_plural_of_people(w: &str) -> bool {
    static NOT: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    NOT.get_or_init(|| PLURAL_NOT_PEOPLE.iter().chain(S_WORDS).copied().collect()).contains(w)
}

/// Plural words of measure, time and things that are not people counted ("24 hours", "two
/// days of clashes").
const PLURAL_NOT_PEOPLE: &[&str] = &["years", "days", "hours", "minutes", "months", "weeks", "times", "miles", "kilometres", "kilometers", "metres", "meters", "percent", "dollars", "pounds", "tons", "tonnes", "rounds", "shots", "cars", "vehicles", "houses", "homes", "buildings", "bombs", "rockets", "missiles", "shells", "attacks", "blasts", "explosions", "strikes", "airstrikes", "raids", "incidents", "clashes", "shootings", "bombings", "ambushes", "assaults", "operations", "waves", "boats", "ships", "planes", "trucks", "schools", "hospitals", "churches", "mosques", "cities", "provinces", "countries", "states", "districts", "areas", "regions", "cows", "cattle", "goats", "sheep", "animals", "villages", "towns", "points", "goals", "games", "matches", "seats", "votes"];

/// Words ending in -s that are no plural nouns at all ("this", "across", "various").
const S_WORDS: &[&str] = &["its", "this", "was", "has", "is", "as", "us", "his", "hers", "ours", "theirs", "yes", "thus", "plus", "bus", "gas", "press", "less", "across", "always", "various", "previous", "serious", "famous"];


/// How many tokens before an outcome word its negation may stand: "không có (thủy thủ
/// nào) bị thương", "no (soldiers were) hurt".
const ZERO_WINDOW: usize = 6;

/// Where an explicit zero starts, when the outcome at `s` is negated: "không có" / "không"
/// / "no" / "none of the" before it, with only people nouns, "nào"/"ai" and auxiliaries
/// between.
fn zero_before(scan: &Scan, a: usize, s: usize, aux: &[&str]) -> Option<usize> {
    let from = s.saturating_sub(ZERO_WINDOW).max(a);
    let neg = (from..s).rev().find(|&k| key_in(scan, k, &["không", "no", "none"]))?;
    let mut k = neg + 1;
    if k < s && key_in(scan, k, &["có", "of", "the"]) {
        k += 1;
    }
    while k < s {
        match scan.word_at(k) {
            Some((len, w)) if w.people().is_some() && k + len <= s => k += len,
            _ if key_in(scan, k, &["nào", "ai", "the"]) || key_in(scan, k, aux) => k += 1,
            _ => return None,
        }
    }
    Some(neg)
}

/// A quantity of people starting at token `i` (after an optional qualifier already read).
fn quantity(scan: &Scan, lang: crate::Language, i: usize, b: usize, qual: Option<Word>) -> Option<Quantity> {
    let (e, lo, hi) = scan.number_at(i, lang)?;
    if e > b {
        return None;
    }
    if not_a_head_count(scan, i, e, lo, hi) {
        return None;
    }
    let mut k = e;
    let mut group = Group::Unspecified;
    let mut has_noun = false;
    // "a 15-year-old girl", "two 17-year-old boys": the age is not the count.
    let mut aged = false;
    if k + 2 < b && scan.kinds[k] == TokenKind::Number && scan.texts[k + 1] == "-" {
        if matches!(scan.lower[k + 2], "year-old" | "years-old" | "year-olds") {
            k += 3;
            aged = true;
        } else if k + 4 < b && scan.lower[k + 2].starts_with("year") && scan.texts[k + 3] == "-" && matches!(scan.lower[k + 4], "old" | "olds") {
            k += 5;
            aged = true;
        }
    }
    let article = matches!(scan.lower[i], "a" | "an");
    let (min, max) = match qual {
        Some(Word::QualMin) => (Some(lo), None),
        Some(Word::QualMax) => (None, Some(hi)),
        _ => (Some(lo), Some(hi)),
    };
    // A part of a whole: "ba trong số bốn đối tượng", "two of the 219 escapees", "6 trong số
    // những người bị thương" count the part; the whole is read with it and not counted.
    let of = |k: usize, a: &str, b: &[&str]| k + 1 < scan.lower.len() && scan.lower[k] == a && b.contains(&scan.lower[k + 1]);
    if of(k, "trong", &["số"]) || of(k, "of", &["the", "those", "them"]) {
        k += 2;
        if k < b && key_in(scan, k, &["những"]) {
            k += 1;
        }
        // The whole is a number, a people noun or "them" ("one of the most painful
        // chapters" is no count).
        let mut whole = key_in(scan, k - 1, &["them"]);
        if let Some((e2, ..)) = scan.number_at(k, lang).filter(|(e2, ..)| *e2 <= b) {
            k = e2;
            whole = true;
        }
        if let Some((len, g)) = scan.word_at(k).filter(|(l, _)| k + l <= b).and_then(|(len, w)| Some((len, w.people()?))) {
            group = g;
            k += len;
            whole = true;
        }
        return whole.then_some(Quantity { start: i, number_end: k, end: k, min, max, group, has_noun: true, guessed: false, modifier: None, single: false });
    }
    // Adjectives before the noun: "nine Australian soldiers", "five African-American
    // churchgoers", "25 other people"; in English also "three young men", "two teenage boys":
    // any word that is not a casualty word, an auxiliary or a word of syntax. At most three
    // tokens, and a people noun must follow.
    let adjective = |k: usize| {
        k < b
            && scan.word_at(k).is_none()
            && (key_in(scan, k, ADDED) || (scan.kinds[k] == TokenKind::Word && scan.texts[k].starts_with(char::is_uppercase)) || (lang == crate::Language::En && scan.kinds[k] == TokenKind::Word && english_adjective(scan.lower[k]) && !key_in(scan, k, AUX_EN)) || (scan.texts[k] == "-" && k > e))
    };
    // "five more were wounded", "three others": the word of addition stands for the noun.
    if k < b && key_in(scan, k, ADDED) && k + 1 < b && (key_in(scan, k + 1, AUX_EN) || matches!(scan.word_at(k + 1), Some((_, Word::Kind(_))))) {
        return Some(Quantity { start: i, number_end: e, end: k + 1, min, max, group, has_noun: true, guessed: false, modifier: None, single: false });
    }
    let people_at = |j: usize| scan.word_at(j).is_some_and(|(_, w)| w.people().is_some());
    let mut j = k;
    let mut modifier = None;
    while j < k + 3 && (adjective(j) || (lang == crate::Language::En && modifier.is_none() && matches!(scan.word_at(j), Some((1, Word::Kind(_)))) && people_at(j + 1))) {
        if scan.word_at(j).is_some() {
            modifier = Some(j);
        }
        j += 1;
    }
    if j > k && people_at(j) {
        k = j;
    } else if lang == crate::Language::En && !article {
        // Any plural noun counts people when an outcome follows: "Seven employees of the
        // channel were killed", "19 militiamen" (the outcome is still required).
        let mut h = k;
        // A word of syntax or a count of things ends the phrase ("two days of clashes").
        while h < k + 3 && h < b && scan.word_at(h).is_none() && scan.kinds[h] == TokenKind::Word && !key_in(scan, h, AUX_EN) && !key_in(scan, h, NOT_ADJECTIVES) && !key_in(scan, h, PLURAL_NOT_PEOPLE) {
            if plural_noun(scan.lower[h]) {
                has_noun = true;
                k = h + 1;
                // "members of the family", "employees of TOLO": the rest of the phrase.
                break;
            }
            h += 1;
        }
        if has_noun {
            return Some(Quantity { start: i, number_end: e, end: k, min, max, group, has_noun, guessed: true, modifier: None, single: false });
        }
    }
    // Skip a classifier or adjective between the number and the noun (VI: "4 ca", EN: "12 in and around").
    if let Some((len, w)) = scan.word_at(k).filter(|(l, _)| k + l <= b) {
        match w {
            Word::NounMilitary => group = Group::Military,
            Word::NounCivilian => group = Group::Civilian,
            Word::NounPerson => {}
            Word::Kind(_) => {}
            _ => return None,
        }
        if !matches!(w, Word::Kind(_)) {
            has_noun = true;
            k += len;
            // "người dân", "người lớn": a second noun refines the group.
            if let Some((len2, w2)) = scan.word_at(k).filter(|(l, _)| k + l <= b) {
                match w2 {
                    Word::NounMilitary => { group = Group::Military; k += len2; }
                    Word::NounCivilian => { group = Group::Civilian; k += len2; }
                    _ => {}
                }
            }
        }
    } else if k < b && scan.kinds[k] == TokenKind::Word && !(key_in(scan, k, AUX_EN) || key_in(scan, k, AUX_VI)) {
        // "members of the security forces": look two words on for a people noun.
        let mut found = None;
        for j in k + 1..(k + 5).min(b) {
            if let Some((len, w @ (Word::NounMilitary | Word::NounCivilian))) = scan.word_at(j) {
                found = Some((j + len, w));
                break;
            }
        }
        match found {
            Some((end, w)) if key_in(scan, k, &["members", "thành", "of"]) => {
                group = if w == Word::NounMilitary { Group::Military } else { Group::Civilian };
                has_noun = true;
                k = end;
            }
            _ => {
                // A word that is not a people noun: only an outcome right after makes it a count.
                if scan.word_at(k).is_none() {
                    return None;
                }
            }
        }
    }
    // One person named by an article is a guess as weak as a plural's shape: its outcome
    // must be near.
    // "A 6-year-old died": the age stands for the person.
    let has_noun = has_noun || aged;
    (has_noun || !article).then_some(Quantity { start: i, number_end: e, end: k, min, max, group, has_noun, guessed: article, modifier, single: false })
}

/// Entity mentions and timeline items sorted by position, to find those of a sentence by
/// binary search (a long text has many of both).
struct Context<'a> {
    entities: &'a [Found],
    /// (start, end, entity index), sorted by start.
    mentions: Vec<(usize, usize, usize)>,
    timeline: &'a [Dated],
}

impl<'a> Context<'a> {
    fn new(entities: &'a [Found], timeline: &'a [Dated]) -> Self {
        let mut mentions: Vec<(usize, usize, usize)> = entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.start, m.end, i))).collect();
        mentions.sort_unstable();
        Context { entities, mentions, timeline }
    }

    fn in_range(&self, r: &Range<usize>) -> impl Iterator<Item = (&'a Found, Range<usize>)> + '_ {
        let (start, end) = (r.start, r.end);
        let entities = self.entities;
        let a = self.mentions.partition_point(|m| m.0 < start);
        self.mentions[a..].iter().take_while(move |m| m.0 < end).filter(move |m| m.1 <= end).map(move |&(s, e, i)| (&entities[i], s..e))
    }
}

/// A number that counts no one: a year, the day of a date ("shot on October 27 has died"),
/// an age ("killed 68-year-old John Doe"); `[i, e)` is the number.
fn not_a_head_count(scan: &Scan, i: usize, e: usize, lo: u64, hi: u64) -> bool {
    let digits = scan.kinds[i] == TokenKind::Number;
    let year = digits && (1900..=2100).contains(&lo) && lo == hi && !scan.texts[i].contains(['.', ',']);
    let age = digits && e + 1 < scan.lower.len() && scan.texts[e] == "-" && scan.lower[e + 1].starts_with("year");
    // A day beside its month, dated or not (with no reference date nothing is dated).
    // (Capitalised: "may" and "march" are verbs.)
    let month = |k: usize| scan.texts.get(k).is_some_and(|w| w.len() <= 9 && w.starts_with(|c: char| c.is_ascii_uppercase()) && crate::timeline::patterns::month_en(w).is_some());
    let day = digits && lo == hi && lo <= 31 && ((i > 0 && month(i - 1)) || month(e));
    year || age || day || scan.in_date[i]
}

/// A number with no people noun after it, counted only right after an outcome word.
fn bare_quantity(scan: &Scan, lang: crate::Language, i: usize, b: usize) -> Option<Quantity> {
    let (e, lo, hi) = scan.number_at(i, lang)?;
    // "không" / "no" after an outcome is a negation, not a zero; "injured a leg" counts no one.
    let negation = scan.kinds[i] != TokenKind::Number && lo == 0 || matches!(scan.lower[i], "a" | "an");
    // "killed in two days of fighting", "wounded in three blasts", "killed in two air
    // strikes": a count of something else (a thing's name, or a word and the thing's name).
    let thing = |k: usize| scan.lower.get(k).is_some_and(|w| counts_of_things(w) || singular_of_things(w));
    let counts_things = thing(e) || (scan.word_at(e).is_none() && scan.kinds.get(e) == Some(&TokenKind::Word) && thing(e + 1));
    (e <= b && !negation && !counts_things && !not_a_head_count(scan, i, e, lo, hi)).then_some(Quantity { start: i, number_end: e, end: e, min: Some(lo), max: Some(hi), group: Group::Unspecified, has_noun: false, guessed: false, modifier: None, single: false })
}

/// What a sentence says about every figure in it: the places it names, the source it
/// quotes and the date it states. Found once per sentence, so that a sentence with many
/// figures costs no more per figure than one with a single figure.
struct SentenceFacts<'a> {
    /// Place mentions of the sentence, in text order.
    places: Vec<(&'a Found, Range<usize>)>,
    source: Option<String>,
    date: Option<String>,
}

/// How far around a mention the source cues are read ("theo", "according to" before it;
/// "cho biết", "said" after it): a few words, however long the sentence.
const CUE_WINDOW: usize = 32;

const SOURCE_BEFORE: &[&str] = &["theo", "according to"];
const SOURCE_AFTER: &[&str] = &["cho biết", "said", "nói", "says"];

impl<'a> SentenceFacts<'a> {
    fn new(text: &str, sent: &Range<usize>, cx: &Context<'a>) -> Self {
        let places = cx.in_range(sent).filter(|(e, _)| e.kind == EntityType::Location).collect();
        // Source: "theo X", "according to X", "X cho biết", "X said".
        let source = cx
            .in_range(sent)
            .find(|(e, m)| {
                matches!(e.kind, EntityType::Organization | EntityType::Person) && {
                    let before = text[sent.start..m.start].trim_end();
                    let before = before[crate::text::floor_char_boundary(before, before.len().saturating_sub(CUE_WINDOW))..].to_lowercase();
                    // "according to the Red Cross"
                    let before = before.strip_suffix(" the").unwrap_or(&before);
                    let after = text[m.end..sent.end].trim_start();
                    let after = after[..crate::text::floor_char_boundary(after, CUE_WINDOW)].to_lowercase();
                    SOURCE_BEFORE.iter().any(|c| before.ends_with(c)) || SOURCE_AFTER.iter().any(|v| after.starts_with(v))
                }
            })
            .map(|(e, _)| e.name.clone())
            .or_else(|| unnamed_source(&text[sent.clone()]));
        let t = cx.timeline.partition_point(|t| t.range.start < sent.start);
        let date = cx.timeline.get(t).filter(|t| t.range.end <= sent.end).map(|t| t.value.iso());
        SentenceFacts { places, source, date }
    }
}

/// How many words after "according to" an unnamed source may take ("according to police",
/// "according to the state fire department").
const UNNAMED_SOURCE_WORDS: usize = 5;

/// The source a sentence gives in words that name no entity: what follows "according to",
/// up to a punctuation mark.
fn unnamed_source(sentence: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    let at = lower.find("according to ")? + "according to ".len();
    // (Lower-casing keeps byte offsets for the text this reads: ASCII cue words.)
    let rest = sentence.get(at..)?;
    let phrase = rest.split(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '"' | '“' | '”')).next()?.trim();
    // ...and before a word that starts a phrase of its own ("… department on Monday").
    const ENDS: &[&str] = &["on", "in", "at", "as", "after", "before", "who", "which", "that", "and", "but", "said", "says", "since", "when", "while", "with", "by", "for", "to", "from", "during", "last", "this"];
    let words: Vec<&str> = phrase.split_whitespace().enumerate().take_while(|(k, w)| *k == 0 || !ENDS.contains(&w.to_lowercase().as_str())).map(|(_, w)| w).take(UNNAMED_SOURCE_WORDS + 1).collect();
    let words = match words.first() {
        Some(w) if w.eq_ignore_ascii_case("the") => &words[1..],
        _ => &words[..],
    };
    (!words.is_empty() && words.len() <= UNNAMED_SOURCE_WORDS).then(|| words.join(" "))
}

#[allow(clippy::too_many_arguments)]
fn figure(doc: &Document, kind: CasualtyKind, min: Option<u64>, max: Option<u64>, group: Group, toks: Range<usize>, facts: &SentenceFacts, cx: &Context) -> Figure {
    let range = doc.tokens[toks.start].range.start..doc.tokens[toks.end - 1].range.end;
    // Party: a place or organization named inside the figure ("binh sĩ Armenia").
    let party = cx.in_range(&range).find(|(e, _)| matches!(e.kind, EntityType::Location | EntityType::Organization)).map(|(e, _)| e.name.clone());
    let location = facts
        .places
        .iter()
        .find(|(e, m)| Some(&e.name) != party.as_ref() && (m.end <= range.start || m.start >= range.end))
        .map(|(e, _)| e.name.clone());
    Figure { kind, min, max, group, party, location, source: facts.source.clone(), date: facts.date.clone(), range, guessed: false, single: false, why: Why::NoFigure, cue: None, also: Vec::new() }
}

#[cfg(test)]
mod tests {
    use crate::{annotate, CasualtyKind, Group, Options};

    fn figures(text: &str) -> Vec<(CasualtyKind, Option<u64>, Option<u64>)> {
        annotate(text, &Options::default()).unwrap().casualties.into_iter().map(|c| (c.kind, c.min, c.max)).collect()
    }

    use CasualtyKind::*;

    #[test]
    fn each_figure_says_why_and_keeps_every_statement() {
        let t = "Storm kills 12 in the north\nTwelve people were killed when the river rose. No one was hurt in the town.";
        let ann = annotate(t, &Options::default()).unwrap();
        let twelve = ann.casualties.iter().find(|c| c.min == Some(12)).expect("the figure");
        assert_eq!(twelve.why, "an outcome word, then its figure");
        assert_eq!(twelve.cue.as_ref().map(|c| c.text.as_str()), Some("kills"));
        // Told twice, one item: both statements, the item's own first.
        let told: Vec<&str> = twelve.mentions.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(told, vec!["kills 12", "Twelve people were killed"]);
        assert_eq!(ann.casualties.iter().filter(|c| c.min == Some(12)).count(), 1);
        let none = ann.casualties.iter().find(|c| c.min == Some(0)).expect("the statement of none");
        assert_eq!(none.why, "a statement that none were");
        assert!(none.cue.as_ref().is_some_and(|c| c.text.ends_with("hurt")), "{:?}", none.cue);
        // Every date says how its value was reached.
        let d = annotate("Rains began on 3 March 2021. Two days later the river rose.", &Options::default()).unwrap();
        assert!(d.timeline.iter().all(|t| !t.why.is_empty()), "{:?}", d.timeline);
    }

    #[test]
    fn vietnamese_counts_and_groups() {
        let t = "Armenia ghi nhận 104 binh sĩ và 23 dân thường thiệt mạng.";
        let ann = annotate(t, &Options::default()).unwrap();
        let got: Vec<_> = ann.casualties.iter().map(|c| (c.kind, c.min, c.max, c.group)).collect();
        assert_eq!(got, vec![(Killed, Some(104), Some(104), Group::Military), (Killed, Some(23), Some(23), Group::Civilian)]);
        assert_eq!(ann.casualties[0].party.as_deref(), None);
        assert_eq!(figures("Truy quét gỗ lậu, hai kiểm lâm bị thương, một lâm tặc thiệt mạng"), vec![(Wounded, Some(2), Some(2)), (Killed, Some(1), Some(1))]);
    }

    #[test]
    fn vietnamese_qualifiers_and_words() {
        assert_eq!(figures("Ít nhất 4 người đã thiệt mạng do bão."), vec![(Killed, Some(4), None)]);
        assert_eq!(figures("Gần 200 người bị thương."), vec![(Wounded, None, Some(200))]);
        assert_eq!(figures("Hàng chục người mất tích."), vec![(Missing, Some(20), Some(99))]);
        assert_eq!(figures("Vụ nổ làm hai mươi mốt người tử vong."), vec![(Killed, Some(21), Some(21))]);
        assert_eq!(figures("Có 11 người bị vùi lấp do sạt lở."), vec![(Missing, Some(11), Some(11))]);
    }

    #[test]
    fn vietnamese_zero_forecast_and_breakdown() {
        assert_eq!(figures("Vụ cháy không gây thiệt hại về người."), vec![(Killed, Some(0), Some(0))]);
        assert!(figures("Dự kiến 31 triệu người bị ảnh hưởng do bão.").is_empty());
        assert!(figures("Từ 19-31 triệu người có thể bị ảnh hưởng.").is_empty());
        assert_eq!(figures("Việc 5 người (gồm 1 người lớn và 4 thiếu niên) tử vong."), vec![(Killed, Some(5), Some(5)), (Killed, Some(1), Some(1)), (Killed, Some(4), Some(4))]);
        // 11 buried; 5 bodies found: the bodies are the five's outcome, not the eleven's.
        assert_eq!(figures("Nơi có 11 người bị vùi lấp, hiện đã tìm thấy 5 thi thể."), vec![(Missing, Some(11), Some(11)), (Killed, Some(5), Some(5))]);
    }

    #[test]
    fn not_casualties() {
        assert!(figures("Ganja bị trúng 4 quả tên lửa, tầm bắn 300 km, một bé 5 tuổi khỏe mạnh.").is_empty());
        assert!(figures("Four rescue boats searched for seven inches of rain.").is_empty());
    }

    #[test]
    fn english_patterns() {
        assert_eq!(figures("An explosion killed at least five people and wounded one."), vec![(Killed, Some(5), None), (Wounded, Some(1), Some(1))]);
        assert_eq!(figures("It killed at least five people and injured one on Monday."), vec![(Killed, Some(5), None), (Wounded, Some(1), Some(1))]);
        assert_eq!(figures("A blast left 15 dead."), vec![(Killed, Some(15), Some(15))]);
        assert_eq!(figures("The blast killed 23 people and injured hundreds."), vec![(Killed, Some(23), Some(23)), (Wounded, Some(200), Some(999))]);
        assert_eq!(figures("Reports suggest as many as 200 have been killed."), vec![(Killed, None, Some(200))]);
        assert_eq!(figures("More than 100 protesters killed in Iran."), vec![(Killed, Some(100), None)]);
        assert_eq!(figures("Two firefighters suffered minor injuries."), vec![(Wounded, Some(2), Some(2))]);
        assert_eq!(figures("Officials said no one was hurt."), vec![(Wounded, Some(0), Some(0))]);
    }

    #[test]
    fn statements_without_figures_are_kept_unscored() {
        let ann = annotate("Nhiều người chết trong cơn bão.", &Options::default()).unwrap();
        assert_eq!(ann.casualties.len(), 1);
        assert_eq!((ann.casualties[0].min, ann.casualties[0].max), (None, None));
    }

    #[test]
    fn a_repeated_figure_is_listed_once() {
        assert_eq!(figures("Ít nhất 4 người đã thiệt mạng. Các quan chức cho biết ít nhất 4 người đã thiệt mạng.").len(), 1);
    }

    #[test]
    fn source_and_date_are_filled() {
        let ann = annotate("Theo Reuters, ít nhất 4 người đã thiệt mạng hôm 1/11.", &Options::parse(None, Some("2020-11-02")).unwrap()).unwrap();
        let c = &ann.casualties[0];
        assert_eq!(c.source.as_deref(), Some("Reuters"));
        assert_eq!(c.date.as_deref(), Some("2020-11-01"));
        let source = |t: &str| annotate(t, &Options::parse(Some("en"), None).unwrap()).unwrap().casualties[0].source.clone();
        assert_eq!(source("Three people were killed, according to the Red Cross.").as_deref(), Some("Red Cross"));
        assert_eq!(source("Two were hurt according to the state fire department on Monday.").as_deref(), Some("state fire department"));
        assert_eq!(source("Three people died, according to police and hospital officials.").as_deref(), Some("police"));
    }
}
