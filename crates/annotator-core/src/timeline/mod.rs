//! Where date expressions become calendar values, each tied to the sentence it dates.
//!
//! [`patterns`] finds the expressions; here they are resolved in text order, because some
//! depend on what came before: "ngày thứ 8" counts from the last full day named, "Five years
//! later" from the last year named, and a year-less "On 9 January" right after "January 7-9
//! 2015" (same or previous paragraph) takes that year rather than the reference year.
//! Relative days inside reported speech ("… last night,' Blanton said Tuesday") count from
//! the day the words were said.

pub mod date;
pub mod patterns;
pub mod reference;

use std::ops::Range;

use crate::model::TimelineItem;
use crate::text::Document;
use date::Date;
use patterns::{Raw, Value};

/// A dated expression in the normalised text (byte ranges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub value: Value,
    pub range: Range<usize>,
    pub event: Range<usize>,
    /// How the value was reached ([`Raw::why`]).
    pub why: &'static str,
}

impl Dated {
    pub fn to_model(&self, doc: &Document) -> TimelineItem {
        let s = doc.span(&self.range);
        TimelineItem { value: self.value.iso(), start: s.start, end: s.end, text: s.text, event: doc.span(&self.event), why: self.why.to_string() }
    }
}

/// The year of a value the text stated with its year, and the paragraph it was in.
#[derive(Clone, Copy)]
struct YearContext {
    year: i32,
    paragraph: usize,
}

/// The date expressions of `doc` outside page noise, in text order. Found once per article
/// and read twice: by [`reference::reference_date`] and by [`resolve`].
pub fn expressions(doc: &Document) -> Vec<patterns::Found> {
    patterns::find(doc.text(), doc.language).into_iter().filter(|f| !doc.in_noise(&f.range)).collect()
}

/// Finds the dated expressions of `doc` outside page noise and resolves them, in text order.
pub fn extract(doc: &Document, reference: Option<Date>) -> Vec<Dated> {
    resolve(doc, &expressions(doc), reference)
}

/// Resolves `found` (the [`expressions`] of `doc`) against `reference`, in text order.
pub fn resolve(doc: &Document, found: &[patterns::Found], reference: Option<Date>) -> Vec<Dated> {
    let text = doc.text();
    let mut out: Vec<Dated> = Vec::new();
    let mut raws: Vec<Raw> = Vec::new();
    let mut context: Option<YearContext> = None;
    let mut last_year: Option<i32> = None;
    // The last full day resolved so far: what "ngày thứ 8" counts from.
    let mut last_day: Option<Date> = None;
    // Paragraph number of each byte offset: count of non-empty lines before it.
    let para_starts: Vec<usize> = doc.lines().filter(|r| !text[r.clone()].trim().is_empty()).map(|r| r.start).collect();
    let paragraph_of = |b: usize| para_starts.partition_point(|&s| s <= b);
    for f in found.iter().cloned() {
        let para = paragraph_of(f.range.start);
        // A date the sentence looks forward to ("will vote on Tuesday", "sẽ diễn ra vào
        // tháng 5") lies ahead of the reference, not behind it.
        let event = doc.sentence_at(f.range.start);
        // (Not a weekday right after a verb of saying: "…, parliament said Friday" is when
        // it was said.)
        let said = matches!(f.raw, Raw::Weekday(_)) && spoken_before(text, event.start, f.range.start);
        let raw = if !said && looks_ahead(text, event.start, f.range.start) { f.raw.ahead() } else { f.raw };
        let f = patterns::Found { raw, ..f };
        // ...unless the reference's own year puts it within a season of the reference ("Aug.
        // 2" in an August report, after "August 1988" in a paragraph on the past): news
        // dates cluster around the day they are written.
        let near_reference = |raw: Raw| {
            let Some(r) = reference else { return false };
            let day = match raw {
                Raw::DayMonth { day, month, .. } => Date::new(r.year, month, day),
                Raw::Month(month) => Date::new(r.year, month, 1),
                _ => None,
            };
            day.is_some_and(|d| (d.to_days() - r.to_days()).abs() <= patterns::DAYS_AHEAD)
        };
        let inherited = context.filter(|c| para <= c.paragraph + 1 && reference.is_none_or(|r| c.year != r.year) && !near_reference(f.raw)).map(|c| c.year);
        let value = match f.raw {
            Raw::NthDay(n) => last_day.map(|day| Value::Day(day.add_days(n - 1))),
            Raw::DayAfterLast(n) => last_day.map(|day| Value::Day(day.add_days(n))),
            Raw::YearsLater(n) => last_year.map(|y| Value::Year(y + n)),
            Raw::DayMonth { day, month, .. } if inherited.is_some() => inherited.and_then(|y| Date::new(y, month, day)).map(Value::Day),
            Raw::Month(m) if inherited.is_some() => inherited.map(|y| Value::Month(y, m)),
            raw => raw.resolve(reference),
        };
        let Some(value) = value else { continue };
        // Values stated with their year set the context for the year-less ones after them.
        match (f.raw, value) {
            (Raw::Full(_) | Raw::MonthYear(..) | Raw::MonthLastYear(_), Value::Day(Date { year, .. }) | Value::Month(year, _)) => {
                context = Some(YearContext { year, paragraph: para });
                last_year = Some(year);
            }
            (Raw::Year(y), _) => last_year = Some(y),
            _ => {}
        }
        if let Value::Day(day) = value {
            last_day = Some(day);
        }
        raws.push(f.raw);
        let inherited = inherited.is_some() && matches!(f.raw, Raw::DayMonth { .. } | Raw::Month(_));
        out.push(Dated { value, event, range: f.range, why: f.raw.why(inherited) });
    }
    resolve_speech_time(text, &mut out, &raws);
    out
}

const SPEECH_VERBS: &[&str] = &["said", "says", "told", "added", "cho biết", "nói", "khẳng định", "thông báo"];

/// "That's what they were in last night,' Blanton said Tuesday": a relative day in a sentence
/// whose speech is dated counts from that date (the first such date after it in the same
/// sentence).
fn resolve_speech_time(text: &str, out: &mut [Dated], raws: &[Raw]) {
    // From the end: `anchor` is the nearest spoken date after the item, in the same sentence.
    let mut anchor: Option<(Range<usize>, Date)> = None;
    for i in (0..out.len()).rev() {
        if anchor.as_ref().is_some_and(|(event, _)| *event != out[i].event) {
            anchor = None;
        }
        let d = &out[i];
        if let Raw::DayOffset(k) = raws[i] {
            if let Some((_, day)) = &anchor {
                out[i].value = Value::Day(day.add_days(k));
            }
            continue;
        }
        if let Value::Day(day) = d.value {
            if spoken_before(text, d.event.start, d.range.start) {
                anchor = Some((d.event.clone(), day));
            }
        }
    }
}

/// Words before a date that put it in the future: the verb's tense or a plan.
/// ("next " is read unless it is "next to".)
const FUTURE_CUES: &[&str] = &["will ", "'ll ", "’ll ", "shall ", "is scheduled", "are scheduled", "scheduled for", "scheduled to", "planned to", "planning to", "plans for", "as early as", "is due", "are due", "is expected to", "are expected to", "expected in", "plans to", "plan to", "is set to", "are set to", "set to resume", "to resume", "to be held", "to take place", "next ", "upcoming", "this coming", "payable", "effective", "as soon as", "postponed until", "delayed until", "adjourned until", "sẽ ", "dự kiến", "sắp "];

/// How far before a date its future cue is read (bytes, within the sentence): a date costs
/// the same however long its sentence is.
const FUTURE_WINDOW: usize = 120;

fn looks_ahead(text: &str, sentence_start: usize, at: usize) -> bool {
    // Within the date's own clause: "…to take place in May; talks began in May".
    let before = words_before(text, sentence_start, at, FUTURE_WINDOW);
    let clause = before.rsplit([';', ':']).next().unwrap_or("").replace("next to", "");
    // All cues in one search (one substring search per cue, set up afresh for every date,
    // was a tenth of the timeline's work).
    static CUES: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let cues = CUES.get_or_init(|| regex::Regex::new(&FUTURE_CUES.iter().map(|c| regex::escape(c)).collect::<Vec<_>>().join("|")).ok());
    match cues {
        Some(re) => re.is_match(&clause),
        None => FUTURE_CUES.iter().any(|c| clause.contains(c)),
    }
}

/// The last `window` bytes before byte `at` within its sentence (from `sentence_start`), in
/// lower case: what a cue before a date is read in.
fn words_before(text: &str, sentence_start: usize, at: usize, window: usize) -> String {
    let from = crate::text::floor_char_boundary(text, at.saturating_sub(window)).max(sentence_start);
    text[from..at].to_lowercase()
}

/// Whether the words right before byte `at` (within its sentence, from `sentence_start`) are
/// a verb of saying, optionally with "on": "Blanton said Tuesday", "said on Monday". Only the
/// last few words are read, so a date costs the same however long its sentence is.
fn spoken_before(text: &str, sentence_start: usize, at: usize) -> bool {
    let before = words_before(text, sentence_start, at, 32);
    let before = before.trim_end();
    SPEECH_VERBS.iter().any(|v| before.ends_with(v) || before.strip_suffix(" on").is_some_and(|b| b.ends_with(v)))
}
